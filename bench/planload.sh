#!/usr/bin/env bash
# planload benchmark: 1000 distinct documents (copies of test/docs and of
# ../shared/corpus when present, each with a closing line that numbers it)
# loaded with `planload --jobs 1` and `--jobs 2`, next to a plain
# `psql \copy` of the same bytes into a text column (no parsing, one
# transaction) -- all in one run, interleaved, ROUNDS counted rounds after a
# warm-up, medians.  A fourth case, plan_load() over the same texts already
# in a table in one statement, is the server's own cost: what planload
# cannot go below with one connection; the same split over two sessions is
# what two backends can do on this machine, the floor for --jobs 2.  Wall-clock times of the client commands, recorded into
# the harness's bench_time so the same median helper reports them.
#   bench/planload.sh [ROUNDS]
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
SHARED=${PLANDATA_SHARED:-$ROOT/../shared}
PL=${PLANLOAD:-$ROOT/planload}
COPIES=${COPIES:-1000}
[ -x "$PL" ] || { echo "planload is not built: run make" >&2; exit 1; }
bench_start

work=$(mktemp -d /tmp/planload-bench.XXXXXX)
trap 'rm -rf "$work"; cluster_destroy' EXIT
srcs=("$ROOT"/test/docs/*.txt)
if [ -d "$SHARED/corpus" ] && ls "$SHARED"/corpus/*.txt >/dev/null 2>&1; then
  srcs+=("$SHARED"/corpus/*.txt)
else
  echo "-- ../shared/corpus not present: copies of the ${#srcs[@]} test documents only"
fi
mkdir "$work/docs"
for k in $(seq 0 $((COPIES - 1))); do
  f=${srcs[$((k % ${#srcs[@]}))]}
  { cat "$f"; printf '\n（此件公开发布，编号 %04d）\n' "$k"; } >"$work/docs/doc_$(printf %04d "$k").txt"
done
# the same bytes as one CSV file for \copy: one quoted field per document
for f in "$work"/docs/*.txt; do printf '"'; sed 's/"/""/g' "$f"; printf '"\n'; done >"$work/docs.csv"
bytes=$(cat "$work"/docs/*.txt | wc -c)
echo "-- $COPIES documents from ${#srcs[@]} sources, $bytes bytes"

bench_psql -c 'CREATE TABLE bench.copy_docs (body text)' -c 'CREATE TABLE bench.src_docs (id serial, body text)' \
           -c "\\copy bench.src_docs (body) FROM '$work/docs.csv' WITH (FORMAT csv)"
clear_all() {
  bench_psql -c 'SET client_min_messages = warning' -c 'TRUNCATE plan_document CASCADE' \
             -c 'TRUNCATE bench.copy_docs' -c 'CHECKPOINT' >/dev/null
}
timed() {  # label command...: run, check, record wall-clock ms for round $round
  local label=$1 t0 t1
  shift
  clear_all
  t0=$(date +%s%N)
  "$@" >"$work/last.out" 2>&1 || { cat "$work/last.out"; echo "benchmark command failed: $label" >&2; exit 1; }
  t1=$(date +%s%N)
  bench_psql -c "INSERT INTO bench.bench_time VALUES ('planload', '$label', $round, $(( (t1 - t0) / 1000 )) / 1000.0)"
}
two_sessions() {  # what two backends can do on this machine, for --jobs 2
  bench_psql -c 'SELECT count(plan_load(body)) FROM bench.src_docs WHERE id % 2 = 0' &
  bench_psql -c 'SELECT count(plan_load(body)) FROM bench.src_docs WHERE id % 2 = 1'
  wait $!
}
check_loaded() {
  [ "$(bench_psql -tAc 'SELECT count(*) FROM plan_document')" = "$COPIES" ] \
    || { echo "planload did not store $COPIES documents" >&2; exit 1; }
}

echo "-- timing ($ROUNDS rounds + warm-up, interleaved)"
for round in $(seq 0 "$ROUNDS"); do
  timed 'psql \copy (text column)' psql -X -q -v ON_ERROR_STOP=1 -d bench \
        -c "\\copy bench.copy_docs (body) FROM '$work/docs.csv' WITH (FORMAT csv)"
  [ "$(bench_psql -tAc 'SELECT count(*) FROM bench.copy_docs')" = "$COPIES" ] || { echo "copy count" >&2; exit 1; }
  timed 'planload --jobs 1' "$PL" -d bench -q "$work/docs"
  check_loaded
  timed 'planload --jobs 2' "$PL" -d bench -q --jobs 2 "$work/docs"
  check_loaded
  timed 'server only: plan_load() over a table' bench_psql -c 'SELECT count(plan_load(body)) FROM bench.src_docs'
  check_loaded
  timed 'server only, 2 sessions (half each)' two_sessions
  check_loaded
done
tasks=$(bench_psql -tAc 'SELECT count(*) FROM plan_task')
echo "-- each planload run stores $COPIES documents and $tasks tasks"

bench_psql -v bytes="$bytes" -v docs="$COPIES" <<'SQL'
\pset footer off
\echo '== throughput (median of rounds; MB = 10^6 bytes)'
CREATE TEMP VIEW t AS
  SELECT label, bench.bench_ms('planload', label) AS ms
  FROM (SELECT DISTINCT label FROM bench.bench_time WHERE grp = 'planload') l;
SELECT label, round(ms::numeric) AS ms,
       round((:docs / (ms / 1000))::numeric) AS "documents/s",
       round((:bytes / 1e6 / (ms / 1000))::numeric, 2) AS "MB/s"
FROM t ORDER BY ms;
\echo '== ratios (same run)'
SELECT what, round(ratio::numeric, 2) AS ratio
FROM (
  SELECT 1, 'planload --jobs 1 speed / psql \copy speed', c.ms / p.ms
  FROM t c, t p WHERE c.label = 'psql \copy (text column)' AND p.label = 'planload --jobs 1'
  UNION ALL
  SELECT 2, 'planload --jobs 2 speed / psql \copy speed', c.ms / p.ms
  FROM t c, t p WHERE c.label = 'psql \copy (text column)' AND p.label = 'planload --jobs 2'
  UNION ALL
  SELECT 3, 'planload --jobs 2 speed / --jobs 1 speed', p1.ms / p2.ms
  FROM t p1, t p2 WHERE p1.label = 'planload --jobs 1' AND p2.label = 'planload --jobs 2'
  UNION ALL
  SELECT 4, 'planload --jobs 1 speed / server-only plan_load() speed', s.ms / p.ms
  FROM t s, t p WHERE s.label = 'server only: plan_load() over a table' AND p.label = 'planload --jobs 1'
  UNION ALL
  SELECT 5, 'planload --jobs 2 speed / server-only, 2 sessions speed', s.ms / p.ms
  FROM t s, t p WHERE s.label = 'server only, 2 sessions (half each)' AND p.label = 'planload --jobs 2'
  UNION ALL
  SELECT 6, 'server-only: 2 sessions speed / 1 session speed (the machine)', s1.ms / s2.ms
  FROM t s1, t s2 WHERE s1.label = 'server only: plan_load() over a table' AND s2.label = 'server only, 2 sessions (half each)'
) r(o, what, ratio) ORDER BY o;
SQL
