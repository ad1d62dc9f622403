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
add_case 'floor: length(body)' 'SELECT sum(length(body)) FROM bench.docs'
add_case 'plan_tasks' 'SELECT count(t.*) FROM bench.docs d, plan_tasks(d.body) t'
[ $HAVE_BX = 1 ] && add_case 'bx_tasks' 'SELECT count(t.*) FROM bench.docs d, bx_tasks(d.body) t'
if has_fn plan_units; then
  add_case 'plan_units' 'SELECT count(u.*) FROM bench.docs d, plan_units(d.body) u'
  [ $HAVE_BX = 1 ] && add_case 'bx_units' 'SELECT count(u.*) FROM bench.docs d, bx_units(d.body) u'
fi
if has_fn plan_targets; then
  add_case 'plan_targets' 'SELECT count(g.*) FROM bench.docs d, plan_targets(d.body) g'
  [ $HAVE_BX = 1 ] && add_case 'bx_targets' 'SELECT count(g.*) FROM bench.docs d, bx_targets(d.body) g'
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
\echo '== ratios (same run) and goals'
CREATE TEMP VIEW t AS SELECT label, bench.bench_ms('parser', label) AS ms
  FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'parser') l;
SELECT goal, round(ratio::numeric, 2) AS ratio,
       CASE WHEN ratio >= want THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (
  SELECT 1, 'plan_tasks speed / length(body) speed >= 0.4',
         f.ms / p.ms, 0.4 FROM t f, t p WHERE f.label = 'floor: length(body)' AND p.label = 'plan_tasks'
  UNION ALL
  SELECT 2, 'bx_tasks time / plan_tasks time >= 5', b.ms / p.ms, 5
  FROM t b, t p WHERE b.label = 'bx_tasks' AND p.label = 'plan_tasks'
  UNION ALL
  SELECT 3, 'bx_units time / plan_units time >= 10', b.ms / p.ms, 10
  FROM t b, t p WHERE b.label = 'bx_units' AND p.label = 'plan_units'
  UNION ALL
  SELECT 4, 'bx_targets time / plan_targets time >= 10', b.ms / p.ms, 10
  FROM t b, t p WHERE b.label = 'bx_targets' AND p.label = 'plan_targets'
) g(o, goal, ratio, want) ORDER BY o;
SQL
