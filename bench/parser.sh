#!/usr/bin/env bash
# Parser benchmark: plan_tasks (and plan_units / plan_targets when installed)
# over 1000 copies of the Chongqing plan stored as 1000 rows, next to the
# plain-SQL regex baseline (bx_* from ../shared/bench/baseline) and to a
# plain length(body) scan (the detoast floor), all in one run.
#   bench/parser.sh [ROUNDS]
# Goals (issue 3/4/5): plan_tasks >= 0.4 x the length(body) read speed and
# >= 5x bx_tasks; plan_units and plan_targets >= 10x their regex twins.
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
COPIES=${COPIES:-1000}
bench_start
bench_load_docs "$COPIES"
has_fn() { [ "$(bench_psql -tAc "SELECT count(*) FROM pg_proc WHERE proname = '$1'")" != 0 ]; }

add_case() { bench_psql -c "INSERT INTO bench.bench_case (grp, label, query) VALUES ('parser', '$1', \$q\$$2\$q\$)"; }
# Two query shapes for every function and its regex twin.  count(*) counts
# the rows a function returns: its own work.  count(x.*), the shape of the
# baseline's harness, also builds a composite value of every row, a cost
# that grows with the number of output columns (plan_units has ten,
# bx_units four) and is the consumer's, not the extraction's.
add_case 'floor: length(body)' 'SELECT sum(length(body)) FROM bench.docs'
pair() {  # name alias
  add_case "$1" "SELECT count(*) FROM bench.docs d, $1(d.body) $2"
  add_case "$1 (x.*)" "SELECT count($2.*) FROM bench.docs d, $1(d.body) $2"
}
pair plan_tasks t
[ $HAVE_BX = 1 ] && pair bx_tasks t
if has_fn plan_units; then
  pair plan_units u
  [ $HAVE_BX = 1 ] && pair bx_units u
fi
if has_fn plan_targets; then
  pair plan_targets g
  [ $HAVE_BX = 1 ] && pair bx_targets g
fi

echo "-- timing ($ROUNDS rounds + warm-up)"
bench_run parser "$ROUNDS"

bench_psql <<'SQL'
\pset footer off
\echo '== rows per pass (1000 documents)'
SELECT (SELECT count(*) FROM bench.docs d, plan_tasks(d.body)) AS plan_tasks_rows,
       (SELECT sum(octet_length(body)) FROM bench.docs) AS bytes;
\echo '== throughput (median of rounds; MB = 10^6 bytes)'
WITH mb AS (SELECT sum(octet_length(body)) / 1e6 AS mb FROM bench.docs)
SELECT label, round(bench.bench_ms('parser', label)::numeric) AS ms,
       round((mb / (bench.bench_ms('parser', label) / 1000))::numeric, 1) AS "MB/s"
FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'parser') l, mb
ORDER BY 2;
\echo '== ratios (same run) and goals: count(*), and count(x.*) as the baseline harness counts'
\echo '   median: of the rounds; best: the fastest round of each (noise on these machines only adds time)'
CREATE TEMP VIEW t AS SELECT label, bench.bench_ms('parser', label) AS ms,
       bench.bench_best_ms('parser', label) AS best
  FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'parser') l;
SELECT goal, round(ratio::numeric, 2) AS ratio, round(best::numeric, 2) AS best,
       CASE WHEN ratio >= want THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (
  SELECT 1, 'plan_tasks speed / length(body) speed >= 0.4',
         f.ms / p.ms, f.best / p.best, 0.4 FROM t f, t p WHERE f.label = 'floor: length(body)' AND p.label = 'plan_tasks (x.*)'
  UNION ALL
  SELECT 2 + k, 'bx_' || n || ' time / plan_' || n || ' time >= ' || w || s, b.ms / p.ms, b.best / p.best, w
  FROM (VALUES ('tasks', 5), ('units', 10), ('targets', 10)) AS g(n, w),
       (VALUES (0, ''), (1, ' (x.*)')) AS v(k, s),
       t b, t p
  WHERE b.label = 'bx_' || n || s AND p.label = 'plan_' || n || s
) g(o, goal, ratio, best, want) ORDER BY o;
SQL
