#!/usr/bin/env bash
# Parallel query benchmark: SELECT count(x.*) FROM docs, plan_X(body) x for
# plan_tasks, plan_units and plan_targets over COPIES copies of BENCH_DOC
# (the Chongqing plan when ../shared/corpus has it), with
# max_parallel_workers_per_gather = 0 (the leader alone) and = 1 (the leader
# and one worker: two processes on these 2-core machines), interleaved,
# ROUNDS counted rounds after a warm-up, medians of the wall-clock time of
# each statement, timed by psql in one session.  Goal: 1 worker / 0 workers
# speed >= 1.6 (issue 23).
# The table has parallel_workers = 1 set: its heap is small (the bodies are
# TOASTed), under min_parallel_table_scan_size, so the planner would
# otherwise not consider workers for it; and parallel_setup_cost = 100: the
# planner costs re-running a lateral function scan as re-reading its rows
# (cost_rescan), so the functions' COST does not reach the join and a few
# thousand documents look too cheap to start a worker for (doc/scaling.md;
# from about 10^5 documents the default 1000 is passed).  Every timed
# plan is checked first: 0 -> no Gather, 1 -> Gather with one worker launched.
#   bench/parallel.sh [ROUNDS]   5 rounds, COPIES=20000 by default (0.8-2 s per statement alone)
set -euo pipefail
ROUNDS=${1:-5}
COPIES=${COPIES:-20000}
. "$(dirname "$0")/lib.sh"
bench_start
trap cluster_destroy EXIT
bench_load_docs "$COPIES" >/dev/null
echo "-- document: $BENCH_DOC ($(wc -c <"$BENCH_DOC") bytes) x $COPIES rows"
bench_psql -c 'ALTER TABLE bench.docs SET (parallel_workers = 1)' -c 'ANALYZE bench.docs'

q() { echo "SELECT count(x.*) FROM bench.docs, plan_$1(body) x"; }
for fn in tasks units targets; do
  plan0=$(bench_psql -At -c 'SET max_parallel_workers_per_gather = 0' -c "EXPLAIN (COSTS OFF) $(q $fn)")
  plan1=$(bench_psql -At -c 'SET max_parallel_workers_per_gather = 1' -c 'SET parallel_setup_cost = 100' \
                     -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $(q $fn)")
  ! grep -q Gather <<<"$plan0" || { echo "$fn: a Gather with 0 workers" >&2; exit 1; }
  grep -q 'Workers Launched: 1' <<<"$plan1" || { echo "$fn: no worker launched:"; echo "$plan1"; exit 1; } >&2
done
echo "-- every plan checked: 0 -> serial, 1 -> Gather, 1 worker launched"

# One session times every statement (psql's \timing; results to /dev/null), so
# a connection's start and the library's first load stay out of the figures:
# both settings run in the same backend, only the worker is new each time.
echo "-- timing ($ROUNDS rounds + warm-up, interleaved, one session; load $(cut -d' ' -f1 /proc/loadavg))"
{
  echo '\timing on'
  echo 'SET parallel_setup_cost = 100;'
  for round in $(seq 0 "$ROUNDS"); do
    for fn in tasks units targets; do
      for w in 0 1; do
        echo "SET max_parallel_workers_per_gather = $w;"
        echo "\\echo @ $round plan_$fn $w"
        echo '\o /dev/null'
        echo "$(q $fn);"
        echo '\o'
      done
    done
  done
} | bench_psql -At 2>&1 | awk '
  /^@ / { round = $2; fn = $3; w = $4; want = 1; next }
  /^Time: / && want { ms = $2; want = 0
    printf "INSERT INTO bench.bench_time VALUES (%s, %s, %d, %s);\n", "\047parallel\047",
           "\047" fn ", " w (w == 1 ? " worker" : " workers") "\047", round, ms }' | bench_psql
bench_psql <<'SQL'
\pset footer off
\echo '-- every round (ms), round 0 the warm-up'
SELECT label, string_agg(round(ms::numeric)::text, ' ' ORDER BY round) AS ms FROM bench.bench_time WHERE grp = 'parallel' GROUP BY label ORDER BY label;
\echo '== medians (ms) and speed-up of 2 processes over 1 (goal >= 1.6); paired: the median of the rounds'' own ratios'
SELECT fn, round(s::numeric) AS "0 workers ms", round(p::numeric) AS "1 worker ms",
       round((s / p)::numeric, 2) AS "speed-up",
       round(bench.bench_ratio('parallel', fn || ', 0 workers', fn || ', 1 worker')::numeric, 2) AS paired
FROM (SELECT f AS fn, bench.bench_ms('parallel', f || ', 0 workers') AS s,
             bench.bench_ms('parallel', f || ', 1 worker') AS p
      FROM unnest(ARRAY['plan_tasks', 'plan_units', 'plan_targets']) f) t;
SQL
echo "-- load average after: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on the machine lower the ratio)"
