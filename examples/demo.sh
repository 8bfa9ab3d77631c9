#!/bin/sh
# demo.sh -- the main job on the example township: import its households into
# the default store (./renke.db, made afresh) and print them, ID numbers masked
set -eu
cd "$(dirname "$0")/.."
PATH=$PWD/bin:$PATH
RENKE_LOCALEDIR=$PWD/build/locale
export PATH RENKE_LOCALEDIR
unset RENKE_DB

rm -f renke.db renke.db-wal renke.db-shm
echo "== household-add examples/households.csv   (GB18030, CRLF, Chinese headers, as Excel saves it)"
household-add examples/households.csv
echo "== household-add examples/households.csv   (again: nothing changes)"
household-add examples/households.csv
echo "== household-list -f table"
household-list -f table
echo "== milestone-add examples/milestones.csv   (the four visit milestones of the work plan)"
milestone-add examples/milestones.csv
echo "== visit-log --flagged examples/visits.csv | issue-add   (log the visits; their findings go to the ledger)"
visit-log --flagged examples/visits.csv | issue-add >/dev/null
echo "== visit-log --coverage -f table   (per milestone and village: households due, visited, missing)"
visit-log --coverage -f table
echo "== visit-log --coverage --missing --milestone 2022-11-01 -f table   (who is still to be visited)"
visit-log --coverage --missing --milestone 2022-11-01 -f table
echo "== the store is ./renke.db; try: household-list --village 双河村 --category 监测户"
