#!/usr/bin/env bash
# The scorer (test/score.sh) on our own annotated documents (test/docs with
# their gold in test/gold): every task, heading, unit, lead and target must
# match, F1 1.000 on each.  A parser change that loses or adds anything on
# them fails here, with the rows that fell short.  The real plans of
# ../shared are scored by hand (README "Accuracy"), not here: they may be
# absent, and their figures are reported, not asserted.
set -euo pipefail
export PGDATABASE=plandata_score
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE" -c "CREATE DATABASE $PGDATABASE"
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE"' EXIT
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION plandata'
out=$(bash "$ROOT/test/score.sh" "$ROOT/test/gold" "$ROOT/test/docs")
echo "$out"
rows=$(echo "$out" | awk -F'|' 'NR > 1 && NF >= 7' | wc -l)
short=$(echo "$out" | awk -F'|' 'NR > 1 && NF >= 7 {
  v = ($6 != "") ? $6 : $7; if (v + 0 < 1) print }')
docs=$(ls "$ROOT"/test/gold/*.json | wc -l)
echo "$rows scores over $docs documents"
[ "$rows" -ge $((docs * 2)) ] || { echo "too few scores: the scorer did not run on every document"; exit 1; }
[ -z "$short" ] || { echo "below 1.000:"; echo "$short"; exit 1; }
