# bench/lib.sh — shared set-up for the benchmarks: source it from a bench
# script.  Starts a throwaway cluster tuned for timing (plain shared_buffers,
# no parallel workers, no JIT), creates database "bench" with the extension
# and the timing harness, and stops everything on exit.
#   bench_psql ...            psql -X -q -v ON_ERROR_STOP=1 -d bench
#   bench_run GROUP ROUNDS    run the registered cases of GROUP
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${ROOT:-$(cd "$BENCH_DIR/.." && pwd)}
export CLUSTER_SHARED_BUFFERS=${CLUSTER_SHARED_BUFFERS:-1GB}
export CLUSTER_WORK_MEM=${CLUSTER_WORK_MEM:-256MB}
export CLUSTER_MAINTENANCE_WORK_MEM=${CLUSTER_MAINTENANCE_WORK_MEM:-1GB}
export CLUSTER_EXTRA_CONF=${CLUSTER_EXTRA_CONF:-"autovacuum = off
max_parallel_maintenance_workers = 0"}
# shellcheck source=../scripts/cluster.sh
. "$ROOT/scripts/cluster.sh"

bench_psql() { psql -X -q -v ON_ERROR_STOP=1 -d bench "$@"; }
bench_run() { bench_psql -c "CALL bench.bench_run('$1', $2)"; }

bench_start() {
  if [ -z "${PGPORT:-}" ] || ! psql -X -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
    cluster_start || exit 1
    trap cluster_destroy EXIT
  fi
  psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS bench' -c 'CREATE DATABASE bench'
  bench_psql -c 'CREATE EXTENSION plandata' -f "$BENCH_DIR/harness.sql" >/dev/null
  echo "== $(bench_psql -tAc 'SELECT version()' | cut -d, -f1); $(nproc) cpus; load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The reference material (read-only, optional) and the document the parser
# benchmarks repeat: the Chongqing plan when ../shared/corpus has it, else
# our full-length stand-in for it (bench/docs/README.md); BENCH_DOC=file
# picks another, e.g. test/docs/cq_style_trad.txt, the same plan compacted
# to 9 kB, where per-row costs weigh three times as much against the regex.
SHARED=${PLANDATA_SHARED:-$ROOT/../shared}
[ -d "$SHARED" ] || SHARED=$ROOT/../../shared		# from a worktree one level deeper
BENCH_DOC=${BENCH_DOC:-$SHARED/corpus/chongqing_2025_4_new_urbanization.txt}
[ -f "$BENCH_DOC" ] || BENCH_DOC=$ROOT/bench/docs/cq_plan_fulllength.txt
BASELINE=${BASELINE:-$SHARED/bench/baseline/baseline_extract.sql}

# bench_load_docs COPIES: bench.docs holds BENCH_DOC COPIES times, one row
# each (default TOAST storage, as the baseline's harness has it), and the
# regex baseline's functions are loaded when present: HAVE_BX=1
bench_load_docs() {
  echo "-- document: $BENCH_DOC ($(wc -c <"$BENCH_DOC") bytes) x $1 rows"
  bench_psql -v doc="$(cat "$BENCH_DOC")" -v copies="$1" <<'SQL'
CREATE TABLE bench.docs (id int, body text);
INSERT INTO bench.docs SELECT g, :'doc' FROM generate_series(1, :copies) g;
VACUUM ANALYZE bench.docs;
SQL
  HAVE_BX=0
  if [ -f "$BASELINE" ]; then
    bench_psql -c 'SET search_path = public' -f "$BASELINE" >/dev/null && HAVE_BX=1
  else
    echo "-- regex baseline not found ($BASELINE): comparisons with it are skipped"
  fi
}
