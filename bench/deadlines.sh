#!/usr/bin/env bash
# Deadline benchmark: plan_deadlines over 1000 copies of the Chongqing plan
# (or our full-length stand-in for it, see bench/lib.sh) stored as 1000 rows,
# next to a regex query written the way the shared baseline is
# (bench/deadlines_baseline.sql: bx_deadlines, on the baseline's bx_lines),
# and to a plain length(body) scan (the detoast floor), all in one run.
#   bench/deadlines.sh [ROUNDS]      (default 3 counted rounds + 1 warm-up)
# Goal (issue 19): plan_deadlines >= 10x faster than bx_deadlines.
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
COPIES=${COPIES:-1000}
bench_start
bench_load_docs "$COPIES"
[ "$HAVE_BX" = 1 ] || { echo "deadlines.sh: needs the shared regex baseline ($BASELINE) for bx_lines" >&2; exit 1; }
bench_psql -c 'SET search_path = public' -f "$BENCH_DIR/deadlines_baseline.sql" >/dev/null

add_case() { bench_psql -c "INSERT INTO bench.bench_case (grp, label, query) VALUES ('deadlines', '$1', \$q\$$2\$q\$)"; }
add_case 'floor: length(body)' 'SELECT sum(length(body)) FROM bench.docs'
# count(*): the function's own work; count(x.*): the baseline harness's shape
add_case 'plan_deadlines' 'SELECT count(*) FROM bench.docs d, plan_deadlines(d.body) x'
add_case 'plan_deadlines (x.*)' 'SELECT count(x.*) FROM bench.docs d, plan_deadlines(d.body) x'
add_case 'bx_deadlines' 'SELECT count(*) FROM bench.docs d, bx_deadlines(d.body) x'
add_case 'bx_deadlines (x.*)' 'SELECT count(x.*) FROM bench.docs d, bx_deadlines(d.body) x'

echo "-- timing ($ROUNDS rounds + warm-up)"
bench_run deadlines "$ROUNDS"

bench_psql <<'SQL'
\pset footer off
\echo '== rows per pass (1000 documents)'
SELECT (SELECT count(*) FROM bench.docs d, plan_deadlines(d.body)) AS plan_deadlines_rows,
       (SELECT count(*) FROM bench.docs d, bx_deadlines(d.body)) AS bx_deadlines_rows,
       (SELECT sum(octet_length(body)) FROM bench.docs) AS bytes;
\echo '== throughput (median of rounds; MB = 10^6 bytes)'
WITH mb AS (SELECT sum(octet_length(body)) / 1e6 AS mb FROM bench.docs)
SELECT label, round(bench.bench_ms('deadlines', label)::numeric) AS ms,
       round((mb / (bench.bench_ms('deadlines', label) / 1000))::numeric, 1) AS "MB/s"
FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'deadlines') l, mb
ORDER BY 2;
\echo '== ratio (same run): bx_deadlines time / plan_deadlines time, goal >= 10'
\echo '   median: of the rounds; best: the fastest round of each'
CREATE TEMP VIEW t AS SELECT label, bench.bench_ms('deadlines', label) AS ms,
       bench.bench_best_ms('deadlines', label) AS best
  FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'deadlines') l;
SELECT 'bx_deadlines / plan_deadlines' || s AS ratio_of, round((b.ms / p.ms)::numeric, 2) AS ratio,
       round((b.best / p.best)::numeric, 2) AS best,
       CASE WHEN b.ms / p.ms >= 10 THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (VALUES (''), (' (x.*)')) v(s), t b, t p
WHERE b.label = 'bx_deadlines' || s AND p.label = 'plan_deadlines' || s;
SQL
