#!/usr/bin/env bash
# Scale in numbers (issue 23): COPIES distinct documents (copies of
# ../shared/corpus, or of test/docs when it is absent, each with a closing
# line that numbers it) loaded with planload --jobs 2 into one node, then
#   * load rate: documents/s and MB of text/s (wall clock of planload);
#   * bytes stored per document: every plan table with its TOAST and its
#     indexes (pg_total_relation_size), per table and in all, and against
#     the bytes of the text itself;
# and with SHARDED=1 (default) the same files through the coordinator of
# scripts/shard.sh (two shards, all on this machine), whose load rate is
# printed as a ratio to one node's measured in the same run.
#   bench/scale.sh                 COPIES=1000 by default
set -euo pipefail
COPIES=${COPIES:-1000}
SHARDED=${SHARDED:-1}
. "$(dirname "$0")/lib.sh"
PL=${PLANLOAD:-$ROOT/planload}
[ -x "$PL" ] || { echo "planload is not built: run make" >&2; exit 1; }
bench_start
work=$(mktemp -d /tmp/scale-bench.XXXXXX)
SHARD_DIR=$(mktemp -d /tmp/scale-shard.XXXXXX)
export SHARD_DIR
trap '"$ROOT/scripts/shard.sh" destroy >/dev/null 2>&1 || true; rm -rf "$work" "$SHARD_DIR"; cluster_destroy' EXIT
srcs=("$SHARED"/corpus/*.txt)
[ -f "${srcs[0]}" ] || { echo "-- ../shared/corpus not present: copies of test/docs"; srcs=("$ROOT"/test/docs/*.txt); }
mkdir "$work/docs"
for k in $(seq 0 $((COPIES - 1))); do
  f=${srcs[$((k % ${#srcs[@]}))]}
  { cat "$f"; printf '\n（此件公开发布，编号 %05d）\n' "$k"; } >"$work/docs/doc_$(printf %05d "$k").txt"
done
bytes=$(cat "$work"/docs/*.txt | wc -c)
echo "-- $COPIES documents from ${#srcs[@]} sources, $bytes bytes of text ($((bytes / COPIES)) per document)"

ms() { echo $(( ($2 - $1) / 1000000 )); }
t0=$(date +%s%N)
"$PL" -d bench --jobs 2 -q "$work/docs" >"$work/one.out" 2>&1 || { cat "$work/one.out"; exit 1; }
t1=$(date +%s%N)
one_ms=$(ms "$t0" "$t1")
bench_psql -c 'VACUUM ANALYZE' >/dev/null
bench_psql -v docs="$COPIES" -v bytes="$bytes" -v ms="$one_ms" <<'SQL'
\pset footer off
\echo '== one node: load rate (planload --jobs 2, wall clock)'
SELECT :docs AS documents, :ms AS ms, round(:docs / (:ms / 1000.0)) AS "documents/s",
       round(:bytes / 1e6 / (:ms / 1000.0), 2) AS "MB/s";
\echo '== one node: bytes stored per document (tables with TOAST, and their indexes)'
WITH t(name) AS (VALUES ('plan_document'), ('plan_task'), ('plan_task_unit'), ('plan_target'), ('plan_citation')),
s AS (SELECT name, pg_table_size(name::regclass) AS tbl, pg_indexes_size(name::regclass) AS idx,
             (SELECT count(*) FROM pg_class WHERE oid = name::regclass) AS n FROM t)
SELECT name, round(tbl / :docs::numeric) AS "table B/doc", round(idx / :docs::numeric) AS "index B/doc",
       round((tbl + idx) / :docs::numeric) AS "total B/doc"
FROM s
UNION ALL
SELECT 'all', round(sum(tbl) / :docs::numeric), round(sum(idx) / :docs::numeric), round(sum(tbl + idx) / :docs::numeric) FROM s;
SELECT round((SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY['plan_document', 'plan_task', 'plan_task_unit',
             'plan_target', 'plan_citation']::regclass[]) c) / :bytes::numeric, 2) AS "stored bytes per byte of text",
       (SELECT count(*) FROM plan_task) / :docs AS "tasks/doc", (SELECT count(*) FROM plan_task_unit) / :docs AS "units/doc",
       round((SELECT count(*) FROM plan_target) / :docs::numeric, 1) AS "targets/doc";
SQL

if [ "$SHARDED" = 1 ]; then
  SHARD_NOLOAD=1 "$ROOT/scripts/shard.sh" start >/dev/null
  coord="host=127.0.0.1 port=$(cat "$SHARD_DIR/coord/port") user=postgres dbname=plans"
  t0=$(date +%s%N)
  "$PL" -d "$coord" --jobs 2 -q "$work/docs" >"$work/sh.out" 2>&1 || { cat "$work/sh.out"; exit 1; }
  t1=$(date +%s%N)
  sh_ms=$(ms "$t0" "$t1")
  echo "== through the coordinator (2 shards, same machine): $COPIES documents in $sh_ms ms," \
       "$(( COPIES * 1000 / sh_ms )) documents/s; speed against one node: $(awk -v a="$one_ms" -v b="$sh_ms" 'BEGIN { printf "%.2f", a / b }')"
fi
echo "-- load average: $(cut -d' ' -f1-3 /proc/loadavg)"
