#!/bin/sh
# t0430-ledger-life.sh -- examples/ledger-life.sh runs, and the audit log holds
# every change of each issue, in order
. "$(dirname "$0")/lib.sh"

test_case 'the life of the ledger runs from start to end' '
	example_households &&
	sh "$EXAMPLES/ledger-life.sh" >out 2>err &&
	sqlite3 "$RENKE_DB" "SELECT id, status, extensions FROM issue ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	1|closed|1
	2|open|0
	3|reopened|0
	EOF
	test_cmp expect actual &&
	sqlite3 "$RENKE_DB" "SELECT valid, adopted, filed_on FROM vote" >actual &&
	echo "1|1|2022-11-30" >expect &&
	test_cmp expect actual
'

test_case 'the audit log holds every change of each issue, in order' '
	example_households &&
	sh "$EXAMPLES/ledger-life.sh" >out 2>err &&
	sqlite3 "$RENKE_DB" "SELECT entity_id, field, coalesce(old, ${SQ}-${SQ}),
		coalesce(new, ${SQ}-${SQ}) FROM audit WHERE entity = ${SQ}issue${SQ}
		ORDER BY entity_id, seq" >actual &&
	cat >expect <<-\EOF &&
	1|status|-|open
	1|owner|-|李主任
	1|due_date|-|2022-11-22
	1|status|open|in_progress
	1|note|-|已联系施工队
	1|due_date|2022-11-22|2022-11-25
	1|extensions|0|1
	1|extension_reason|-|雨天停工
	1|status|in_progress|resolved
	1|resolution|-|桥面已修复
	1|resolved_on|-|2022-11-24
	1|status|resolved|feedback_given
	1|feedback|-|入户告知王德明
	1|feedback_on|-|2022-11-25
	1|status|feedback_given|closed
	1|closed_on|-|2022-11-26
	2|status|-|open
	2|owner|-|李主任
	2|due_date|-|2022-11-30
	3|status|-|open
	3|owner|-|村调委会
	3|due_date|-|2022-12-10
	3|mediation_outcome|-|success
	3|mediated_on|-|2022-11-12
	3|revisit_due|-|2022-12-12
	3|status|open|resolved
	3|resolution|-|双方签订调解协议
	3|resolved_on|-|2022-11-12
	3|revisit|-|2022-12-12 村调委会 relapsed
	3|revisit_due|2022-12-12|-
	3|status|resolved|reopened
	3|reason|-|relapsed at the revisit
	EOF
	test_cmp expect actual
'

test_case 'the audit log of the life is in time order and append-only' '
	example_households &&
	sh "$EXAMPLES/ledger-life.sh" >out 2>err &&
	sqlite3 "$RENKE_DB" "SELECT count(*) FROM audit a JOIN audit b
		ON b.seq = a.seq + 1 WHERE b.at < a.at" >actual &&
	echo 0 >expect &&
	test_cmp expect actual &&
	! sqlite3 "$RENKE_DB" "DELETE FROM audit" 2>err &&
	grep -q "append-only" err
'
test_done
