# renke-completion.bash -- bash completion for every renke command
#
# Installed once per command name under bash-completion's completions
# directory.  Options come from the command's own -h, so they never go
# stale; the values of vocabulary options are listed below, codes first,
# then the Chinese labels (tests/unit/test-completion.c checks them
# against the vocabulary of the library).  Village, group and cadre
# names come from the store the command line would open, read-only.
# A value completes after "--option value" and after "--option=value".

# _renke_values DOMAIN: the accepted values of a vocabulary
_renke_values() {
	local values IFS=' '
	case $1 in
	category) values="lifted monitored minimum_allowance serious_illness extreme_poverty ordinary 脱贫户 监测户 低保户 大病户 特困户 一般农户" ;;
	monitor_type) values="unstable marginal sudden_hardship 脱贫不稳定户 边缘易致贫户 突发严重困难户" ;;
	risk_status) values="at_risk risk_eliminated 未消除风险 已消除风险" ;;
	issue_kind) values="problem dispute suggestion misconduct 急难愁盼 矛盾纠纷 意见建议 违法乱纪" ;;
	# the kinds issue-add opens (its message lists them): misconduct-step refers a misconduct matter
	issue_add_kind) values="problem dispute suggestion 急难愁盼 矛盾纠纷 意见建议" ;;
	issue_category) values="infrastructure environment jobs housing medical water schooling disaster conduct other 基础设施 人居环境 就业增收 住房 医疗 饮水 教育 灾情疫情 工作作风 其他" ;;
	urgency) values="urgent important normal minor 紧急 重要 一般 较轻" ;;
	issue_source) values="visit representatives courtyard briefing survey petition other 走访 恳谈会 院坝会 政策解读会 电话调查 来信来访 其他" ;;
	status) values="open in_progress resolved feedback_given closed reopened closed_unresolved withdrawn 待办 办理中 已解决 已反馈 已销号 重新办理 承诺限期解决 已撤销" ;;
	dispute_type) values="historical economic family neighbour other 历史遗留 经济 家庭 邻里 其他" ;;
	mediation_outcome) values="success failed referred 调解成功 未成功 转司法" ;;
	revisit_finding) values="stable relapsed 稳定 反弹" ;;
	meeting_kind) values="representatives courtyard briefing assembly 村民代表恳谈会 院坝会 政策解读 村民会议" ;;
	yes_no) values="yes no 是 否" ;;
	visitor_role) values="county_leader town_secretary village_secretary first_secretary work_team assistance_cadre village_cadre 县级领导 镇党委书记 村党组织书记 驻村第一书记 驻村工作队员 帮扶干部 村干部" ;;
	check) values="yes no na 是 否 无" ;;
	risk_level) values="none low medium high 无 低 中 高" ;;
	milestone_kind) values="visit_coverage meeting_coverage rule_delivery care_coverage 走访覆盖 会议覆盖 村规民约分发到户 人文关怀走访" ;;
	callback_rating) values="satisfied basically_satisfied dissatisfied unreachable 满意 基本满意 不满意 未联系上" ;;
	answer) values="satisfied basically_satisfied dissatisfied dont_know 满意 基本满意 不满意 不了解" ;;
	survey_question) values="q_cadre q_infrastructure q_policy q_guarantee 干部作风 基础设施和公共服务 政策知晓 两不愁三保障" ;;
	vote) values="yes no abstain 同意 不同意 弃权" ;;
	honour_list) values="red black 红榜 黑榜" ;;
	relation) values="head spouse child child_in_law grandchild parent grandparent sibling other 户主 配偶 子女 儿媳或女婿 孙子女 父母 祖父母 兄弟姐妹 其他" ;;
	labour) values="ordinary weak half lost none 普通劳动力 弱劳动力 半劳动力 丧失劳动力 无劳动力" ;;
	schooling) values="preschool primary junior senior vocational college not_in_school 学前 小学 初中 高中 中职 大学 不在校" ;;
	health) values="healthy chronic serious_illness disabled 健康 长期慢性病 大病 残疾" ;;
	member_tag) values="lonely_elderly left_behind_child poor_student disabled 孤寡老人 留守儿童 贫困学生 残疾人" ;;
	case_type) values="inclusion elimination 纳入监测 风险消除" ;;
	case_clue) values="visit application cadre department 走访发现 农户自主申报 干部排查 部门预警" ;;
	monitor_risk) values="illness disability schooling disaster accident unstable_work industry_failure other 因病 因残 因学 因灾 因意外 因务工就业不稳 因产业失败 其他" ;;
	case_step) values="clue home_check data_check village_review posting township_review decision 线索 入户核实 信息比对 村级民主评议 公示 乡镇审核 县级审定" ;;
	case_result) values="passed not_eligible approved rejected 通过 不符合条件 审定同意 审定不同意" ;;
	rule_step) values="draft consult vote review post deliver enforce 起草 征求意见 表决 合法性审查备案 张榜公布 分发到户 执行" ;;
	rule_stage) values="drafted consulted voted rejected filed refused in_force 已起草 已征求意见 表决通过 表决未通过 已审查备案 审查未通过 已生效" ;;
	rule_result) values="adopted not_adopted no_quorum passed refused 表决通过 表决未通过 到会不足三分之二 审查通过 审查不通过" ;;
	rule_topic) values="customs neighbours elders thrift volunteering environment construction bride_price extravagance 移风易俗 邻里和谐 尊老爱幼 勤俭节约 志愿服务 人居环境 乡村建设 高价彩礼 大操大办" ;;
	rule_action) values="violation reward 违约处理 表彰奖励" ;;
	rule_body) values="red_white_council moral_council elders_hall village_committee 红白理事会 道德评议会 乡贤评理堂 村民委员会" ;;
	calendar_day) values="holiday workday 放假 上班" ;;
	case_state) values="open approved rejected not_eligible 办理中 审定同意 审定不同意 不符合条件" ;;
	support_kind) values="post loan job land 公益性岗位 小额信贷 产业园务工 土地流转" ;;
	loan_status) values="wish sent approved refused withdrawn 有贷款意愿 已提交银行 已放贷 未获批 已撤回" ;;
	honour_kind) values="moral_model moving_figure good_person finest_person good_youth civilised_village civilised_family clean_household tidy_courtyard elder_care neighbourly other 道德模范 感动人物 身边好人 最美人物 新时代好少年 文明村镇 文明家庭 清洁户 整洁庭院 赡养老人 邻里和谐 其他" ;;
	honour_level) values="village town county 村级 镇级 县级" ;;
	honour_basis) values="vote evaluation council 投票表决 邻里互评 道德评议会评议" ;;
	board) values="honour exposure 光荣榜 曝光台" ;;
	board_source) values="selection red_list black_list council 评选 互评红榜 互评黑榜 评议会认定" ;;
	board_step) values="propose notify object decide post remove 提名上榜 告知 提出异议 异议处理 上榜公布 撤榜" ;;
	board_stage) values="proposed notified objected answered withdrawn posted removed 拟上榜 已告知 异议中 异议不成立 异议成立已撤回 已上榜 已撤榜" ;;
	board_result) values="upheld dismissed 异议成立 异议不成立" ;;
	misconduct_kind) values="petition support_refusal domestic_violence other 缠访闹访 拒不赡养 家庭暴力 其他" ;;
	misconduct_body) values="mediation arbitration ruling reconsideration court police 司法调解 仲裁 行政裁决 行政复议 诉讼 公安" ;;
	misconduct_step) values="refer accept result revisit 移交 受理 办理结果 回访" ;;
	misconduct_stage) values="referred accepted decided revisited 已移交 已受理 已办结 已回访" ;;
	returnee_kind) values="talent elite 回引人才 乡贤" ;;
	returnee_intention) values="employment business undecided 就业 创业 暂无" ;;
	returnee_status) values="contacted intends returned settled 已联系 有意返乡 已返乡 已就业创业" ;;
	format) values="table csv json jsonl markdown html xlsx" ;;
	flagged_as) values="issues cases" ;;
	input_format) values="csv json jsonl xlsx xls" ;;
	encoding) values="auto utf-8 gb18030" ;;
	deadline_kind) values="issue_overdue feedback_overdue revisit_due promise_overdue visit_missing meeting_missing monitoring_case_overdue monitoring_unfollowed loan_unsent loan_unanswered returnee_uncontacted care_missing 问题办理逾期 反馈逾期 待回访 承诺逾期 未走访 会议未开 监测案件超时 监测建议未跟进 贷款材料未报送银行 银行逾期未答复 回引人才逾期未联系 人文关怀未走访" ;;
	report) values="summary issues visits households meetings history survey changes scorecard cases board assistance returnees care" ;;
	cases_view) values="open villages posting" ;;
	milestone_scope) values="village group 村 村民小组" ;;
	group_by) values="owner kind" ;;
	place_action) values="rename merge remove township" ;;
	household_action) values="renumber merge remove" ;;
	visit_action) values="household date visitor remove" ;;
	meeting_action) values="kind date village group host attendees minutes remove" ;;
	esac
	printf '%s\n' $values
}

# _renke_report_domain REPORT DOMAIN OTHER: DOMAIN when the report-gen
# line names REPORT, else OTHER (its --kind and --category differ by report)
_renke_report_domain() {
	local w
	for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
		[ "$w" = "$1" ] && { echo "$2"; return; }
	done
	echo "$3"
}

# _renke_domain COMMAND OPTION: the vocabulary an option takes, if any
_renke_domain() {
	case $2 in
	-f|--format) echo format ;;
	--input-format) echo input_format ;;
	--encoding) echo encoding ;;
	--monitor-type) echo monitor_type ;;
	--risk-status) echo risk_status ;;
	--urgency) echo urgency ;;
	--status)
		case $1 in
		support-log) echo loan_status ;;
		returnee-log) echo returnee_status ;;
		*) echo status ;;
		esac ;;
	--intention) echo returnee_intention ;;
	--dispute-type) echo dispute_type ;;
	--outcome) echo mediation_outcome ;;
	--rating) echo callback_rating ;;
	--finding) echo revisit_finding ;;
	--role) echo visitor_role ;;
	--risk) echo risk_level ;;
	--monitor|--consent) echo yes_no ;;
	--clue) echo case_clue ;;
	--step)
		case $1 in
		rule-step) echo rule_step ;;
		board-step) echo board_step ;;
		misconduct-step) echo misconduct_step ;;
		*) echo case_step ;;
		esac ;;
	--result)
		case $1 in
		rule-step) echo rule_result ;;
		board-step) echo board_result ;;
		*) echo case_result ;;
		esac ;;
	--topics) echo rule_topic ;;
	--level) echo honour_level ;;
	--board) echo board ;;
	--source)
		case $1 in
		board-step) echo board_source ;;
		*) echo issue_source ;;
		esac ;;
	--basis) echo honour_basis ;;
	--referred-to) echo misconduct_body ;;
	--action) echo rule_action ;;
	--body) echo rule_body ;;
	--risks) echo monitor_risk ;;
	--as) echo flagged_as ;;
	--food-clothing|--education|--medical|--housing|--drinking-water|--income-stable|--industry-link) echo check ;;
	--group-by) echo group_by ;;
	--relation) echo relation ;;
	--labour) echo labour ;;
	--schooling) echo schooling ;;
	--health) echo health ;;
	--tag) echo member_tag ;;
	--cadre-relative) echo yes_no ;;
	--category)
		case $1 in
		household-add|household-list|milestone-add) echo category ;;
		report-gen) _renke_report_domain households category issue_category ;;
		*) echo issue_category ;;
		esac ;;
	--meeting-kind) echo meeting_kind ;;
	--scope) echo milestone_scope ;;
	--type)
		case $1 in
		case-open) echo case_type ;;
		esac ;;
	--kind)
		case $1 in
		support-log) echo support_kind ;;
		honour-add) echo honour_kind ;;
		returnee-log) echo returnee_kind ;;
		misconduct-step) echo misconduct_kind ;;
		issue-add) echo issue_add_kind ;;
		meeting-log|meeting-edit) echo meeting_kind ;;
		milestone-add) echo milestone_kind ;;
		deadline-check) echo deadline_kind ;;
		report-gen)
			_renke_report_domain meetings meeting_kind \
			    "$(_renke_report_domain care member_tag issue_kind)" ;;
		*) echo issue_kind ;;
		esac ;;
	esac
}

# _renke_quote: each line of standard input as the shell reads a word:
# blanks and the characters the shell takes for its own escaped with a
# backslash; Chinese and other text stays as it is
_renke_quote() {
	LC_ALL=C sed 's/[][ 	"'\''\\$`!&;|<>(){}*?#~]/\\&/g'
}

# _renke_unquote WORD: WORD as the command will receive it (one level
# of quotes or backslashes taken away, a leading ~/ made $HOME/)
_renke_unquote() {
	local w=$1
	case $w in
	\'*) w=${w#\'}; w=${w%\'} ;;
	\"*) w=${w#\"}; w=${w%\"} ;;
	*) w=${w//\\/} ;;
	esac
	case $w in
	\~/*) w=$HOME/${w#\~/} ;;
	esac
	printf '%s\n' "$w"
}

# _renke_reply WORD [PREFIX]: COMPREPLY from the candidates on standard
# input, one a line, that begin with WORD (the word being completed, as
# typed), each quoted for the command line unless WORD opened a
# quotation itself, and after PREFIX (--kind= when "=" breaks no words)
_renke_reply() {
	local word=$1 prefix=${2-} line quoted=
	case $word in
	\'*|\"*) quoted=1 ;;
	esac
	word=$(_renke_unquote "$word")
	COMPREPLY=()
	while IFS= read -r line; do
		[ -n "$line" ] && [[ $line == "$word"* ]] && COMPREPLY+=("$line")
	done
	[ ${#COMPREPLY[@]} -gt 0 ] || return 0
	if [ -z "$quoted" ]; then
		mapfile -t COMPREPLY < <(printf '%s\n' "${COMPREPLY[@]}" |
		    _renke_quote)
	fi
	[ -z "$prefix" ] || COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
}

# _renke_option NAME: the value given to the option NAME before the word
# being completed (--village 石门村, --village=石门村), unquoted; the
# last one given, and every one with -a
_renke_option() {
	local all= i w v found=
	[ "$1" = -a ] && { all=1; shift; }
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		v=
		case $w in
		"$1")
			[ "${COMP_WORDS[i+1]-}" = = ] && i=$((i + 1))
			[ $((i + 1)) -lt "$COMP_CWORD" ] || continue
			i=$((i + 1))
			v=${COMP_WORDS[i]} ;;
		"$1"=?*) v=${w#"$1"=} ;;
		*) continue ;;
		esac
		if [ -n "$all" ]; then
			_renke_unquote "$v"
		else
			found=$v
		fi
	done
	[ -n "$all" ] || [ -z "$found" ] || _renke_unquote "$found"
}

# _renke_names WHAT: the names of WHAT (village, group, cadre) in the
# stores the command line would open (-d, --db, else $RENKE_DB, else
# renke.db here), one a line, each once.  A store is only read, with
# sqlite3; nothing is said and nothing listed when there is none.
_renke_names() {
	local sql db uri village
	command -v sqlite3 >/dev/null 2>&1 || return 0
	case $1 in
	village) sql="SELECT name FROM village ORDER BY id" ;;
	group) sql="SELECT v.name || char(9) || g.name FROM village_group g
		JOIN village v ON v.id = g.village_id ORDER BY g.id" ;;
	cadre) sql="SELECT cadre FROM assignment UNION SELECT owner FROM issue
		ORDER BY 1" ;;
	esac
	village=$(_renke_option --village)
	{
		_renke_option -a -d
		_renke_option -a --db
	} | {
		local any=
		while IFS= read -r db; do
			any=1
			printf '%s\n' "$db"
		done
		[ -n "$any" ] || printf '%s\n' "${RENKE_DB:-renke.db}"
	} | while IFS= read -r db; do
		[ -f "$db" ] && [ -r "$db" ] || continue
		uri=${db//%/%25}
		uri=${uri//\?/%3f}
		uri=${uri//#/%23}
		# no -wal beside it: nothing is being written, and the store is
		# read as it lies, without the -shm and -wal files a reader makes
		[ -e "$db-wal" ] && uri="file:$uri?mode=ro" ||
		    uri="file:$uri?mode=ro&immutable=1"
		sqlite3 -batch -noheader -list -init /dev/null "$uri" "$sql;" \
		    2>/dev/null
	done | if [ "$1" = group ]; then
		awk -F '\t' -v village="$village" \
		    'village == "" || $1 == village { print $2 }'
	else
		cat
	fi | awk '!seen[$0]++'
}

_renke() {
	local cmd=${COMP_WORDS[0]##*/} i=$COMP_CWORD
	local cur=${COMP_WORDS[COMP_CWORD]} prev= prefix= domain
	[ "$i" -gt 0 ] && prev=${COMP_WORDS[i-1]}
	COMPREPLY=()
	# a value after "=": where "=" breaks words, as it does by default,
	# --kind=问 comes as --kind, =, 问; where it does not, as one word
	if [ "$cur" = = ] && [ "$i" -gt 1 ]; then
		cur=
	elif [ "$prev" = = ] && [ "$i" -gt 2 ]; then
		prev=${COMP_WORDS[i-2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		prefix=$prev=
		cur=${cur#*=}
	fi
	if [ "$i" -gt 0 ] && domain=$(_renke_domain "$cmd" "$prev") &&
	    [ -n "$domain" ]; then
		_renke_reply "$cur" "$prefix" < <(_renke_values "$domain")
		return 0
	fi
	case $prev in
	--village)
		_renke_reply "$cur" "$prefix" < <(_renke_names village)
		return 0 ;;
	--group)
		_renke_reply "$cur" "$prefix" < <(_renke_names group)
		return 0 ;;
	--owner|--cadre|--visitor)
		_renke_reply "$cur" "$prefix" < <(_renke_names cadre)
		return 0 ;;
	--sheet)
		# the sheets of the first workbook named on the line
		local w IFS=$'\n'
		for w in "${COMP_WORDS[@]:1}"; do
			if [ -f "$w" ] && "$cmd" --list-sheets "$w" >/dev/null 2>&1; then
				COMPREPLY=($(compgen -W "$("$cmd" --list-sheets "$w" |
				    cut -f1)" -- "$cur"))
				break
			fi
		done
		return 0 ;;
	-d|--db|--rejects|--minutes-file|--stores)
		COMPREPLY=($(compgen -f -- "$cur"))
		return 0 ;;
	esac
	if [[ $cur == -* ]]; then
		# the synopsis, and the tags of the option lines (not their text)
		COMPREPLY=($(compgen -W "$("$cmd" -h 2>/dev/null |
		    sed -e '1,/^$/b' -e '/^ \{1,4\}-/!d' -e 's/   .*//' |
		    grep -o -- '--[a-z][a-z-]*\|-[a-zA-Z]\b' | sort -u)" -- "$cur"))
		return 0
	fi
	if [ "$cmd" = county-set ]; then
		# the settings, as name= (county-set with no operand lists them)
		COMPREPLY=($(compgen -S = -W "$(county-set -f csv 2>/dev/null |
		    sed -e 1d -e 's/,.*//')" -- "$cur"))
		[ ${#COMPREPLY[@]} -gt 0 ] && compopt -o nospace 2>/dev/null
		return 0
	fi
	if [ "$cmd" = report-gen ] && [ "$prev" = cases ]; then
		COMPREPLY=($(compgen -W "$(_renke_values cases_view)" -- "$cur"))
		return 0
	fi
	if [ "$cmd" = report-gen ]; then
		COMPREPLY=($(compgen -W "$(_renke_values report)" -- "$cur"))
		return 0
	fi
	if [ "$cmd" = place-edit ] || [ "$cmd" = household-edit ] ||
	    [ "$cmd" = visit-edit ] || [ "$cmd" = meeting-edit ]; then
		COMPREPLY=($(compgen -W "$(_renke_values ${cmd%-edit}_action)" -- "$cur"))
		return 0
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _renke household-add household-list visit-log milestone-add \
	issue-add issue-update meeting-log deadline-check report-gen survey-tally \
	member-add assign case-open case-step place-edit household-edit visit-edit \
	support-log meeting-edit rule-step honour-add board-step returnee-log \
	county-set misconduct-step care-log
