#!/bin/sh
#
# member-add's note of the households whose people registered are not
# their member count finds the same households whether the people added
# are few beside the store's households (found from the people) or many
# (one pass over the households): households given people, and both ends
# of a move.

. "$(dirname "$0")/lib.sh"

P1=$(id_number 50023519700101101)
P2=$(id_number 50023519720202102)
P3=$(id_number 50023520050303103)
P4=$(id_number 50023519900404104)

# people P1 and P2 in household $1, P3 in $2
people() {
	cat >people.csv <<-EOT
	id_number,household_id,name
	$P1,$1,甲
	$P2,$1,乙
	$P3,$2,丙
	EOT
}

# few: 3 people beside the example's 350 households
test_case 'few people beside many households: the counts that differ, from the people' '
	example_households &&
	people HY0101001 HY0101002 &&
	member-add people.csv 2>err &&
	grep -q "^member-add: 2 households have another number of people registered than their member count: HY0101001 4 (2 registered), HY0101002 3 (1 registered)$" err &&
	echo "$P2,HY0101002,乙" | cat people.csv - | sed 3d >moved.csv &&
	member-add --upsert --reason 分户 moved.csv 2>err &&
	grep -q "^member-add: 2 households have another number of people registered than their member count: HY0101001 4 (1 registered), HY0101002 3 (2 registered)$" err
'

# many: the same people beside 3 households; then one added beside the
# move, so that the move is noted by a pass too (H1 only by the move)
test_case 'many people beside few households: the same, by a pass over the households' '
	printf "%s\n" "household_id,head_name,village,members" "H1,甲,甲村,4" "H2,丙,甲村,3" "H3,丁,甲村,1" >households.csv &&
	household-add -q households.csv &&
	people H1 H2 &&
	member-add people.csv 2>err &&
	grep -q "^member-add: 2 households have another number of people registered than their member count: H1 4 (2 registered), H2 3 (1 registered)$" err &&
	printf "%s\n" "$P2,H2,乙" "$P4,H3,丁" | cat people.csv - | sed 3d >moved.csv &&
	member-add --upsert --reason 分户 moved.csv 2>err &&
	grep -q "^member-add: 2 households have another number of people registered than their member count: H1 4 (1 registered), H2 3 (2 registered)$" err
'

test_done
