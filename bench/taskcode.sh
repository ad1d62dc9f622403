#!/usr/bin/env bash
# taskcode benchmark: 1M values of taskcode next to int4, int8 and ltree in one
# run — input and output ns/value, sort and btree build of 1M rows, bytes per
# value — and the ratios the foundation issue sets as goals:
#   input within 2x of int4, sort within 1.5x of int8, 8 bytes/value,
#   sort at least 10x faster than ltree.
#   bench/taskcode.sh [ROUNDS]      (default 3 counted rounds + 1 warm-up)
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
bench_start
bench_psql -c 'CREATE EXTENSION IF NOT EXISTS ltree'

echo "-- building 1M-row tables (rows in pseudo-random order)"
bench_psql -v benchdir="$BENCH_DIR" <<'SQL'
-- the same dotted strings for ltree and taskcode: three levels, 1..100 each
CREATE TABLE bench.types (typ text, cast_to text, ord int, expr text, cases int DEFAULT 6);
INSERT INTO bench.types (typ, cast_to, ord, expr) VALUES
  ('int4',     'int4',     1, $$ s::text $$),
  ('int8',     'int8',     2, $$ (s::int8 * 1000003)::text $$),
  ('ltree',    'ltree',    3, $$ (s / 10000 + 1)::text || '.' || (s / 100 % 100 + 1)::text || '.' || (s % 100 + 1)::text $$),
  ('taskcode', 'taskcode', 4, $$ (s / 10000 + 1)::text || '.' || (s / 100 % 100 + 1)::text || '.' || (s % 100 + 1)::text $$);
\set grp taskcode
\i :benchdir/types.sql
SQL

echo "-- timing ($ROUNDS rounds + warm-up)"
bench_run taskcode "$ROUNDS"

bench_psql <<'SQL'
\pset footer off
\echo '== 1M values: per-value ns (medians of paired differences), sort and btree build ms, bytes/value'
CREATE TEMP VIEW r AS
SELECT typ, ord,
       bench.bench_diff_ms('taskcode', typ || ':in', typ || ':sscan') AS in_ns,
       bench.bench_diff_ms('taskcode', typ || ':out', typ || ':scan') AS out_ns,
       bench.bench_ms('taskcode', typ || ':sort') AS sort_ms,
       bench.bench_ms('taskcode', typ || ':index') AS index_ms
FROM bench.types;
SELECT 'int4' AS type, round(in_ns::numeric) AS "input ns/val", round(out_ns::numeric) AS "output ns/val",
       round(sort_ms::numeric) AS "sort 1M ms", round(index_ms::numeric) AS "btree build ms",
       (SELECT round(avg(pg_column_size(v)), 1) FROM bench.t_int4) AS "bytes/val"
FROM r WHERE typ = 'int4'
UNION ALL
SELECT 'int8', round(in_ns::numeric), round(out_ns::numeric), round(sort_ms::numeric), round(index_ms::numeric),
       (SELECT round(avg(pg_column_size(v)), 1) FROM bench.t_int8) FROM r WHERE typ = 'int8'
UNION ALL
SELECT 'ltree', round(in_ns::numeric), round(out_ns::numeric), round(sort_ms::numeric), round(index_ms::numeric),
       (SELECT round(avg(pg_column_size(v)), 1) FROM bench.t_ltree) FROM r WHERE typ = 'ltree'
UNION ALL
SELECT 'taskcode', round(in_ns::numeric), round(out_ns::numeric), round(sort_ms::numeric), round(index_ms::numeric),
       (SELECT round(avg(pg_column_size(v)), 1) FROM bench.t_taskcode) FROM r WHERE typ = 'taskcode';

\echo '== ratios (same run) and goals'
WITH m AS (SELECT typ, in_ns, sort_ms, index_ms FROM r)
SELECT goal, round(ratio::numeric, 2) AS ratio, CASE WHEN ok THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (
  SELECT 1, 'input: taskcode / int4 <= 2', t.in_ns / i4.in_ns, t.in_ns / i4.in_ns <= 2
  FROM m t, m i4 WHERE t.typ = 'taskcode' AND i4.typ = 'int4'
  UNION ALL
  SELECT 2, 'sort: taskcode / int8 <= 1.5', t.sort_ms / i8.sort_ms, t.sort_ms / i8.sort_ms <= 1.5
  FROM m t, m i8 WHERE t.typ = 'taskcode' AND i8.typ = 'int8'
  UNION ALL
  SELECT 3, 'sort: ltree / taskcode >= 10', l.sort_ms / t.sort_ms, l.sort_ms / t.sort_ms >= 10
  FROM m t, m l WHERE t.typ = 'taskcode' AND l.typ = 'ltree'
  UNION ALL
  SELECT 4, 'btree build: ltree / taskcode', l.index_ms / t.index_ms, true
  FROM m t, m l WHERE t.typ = 'taskcode' AND l.typ = 'ltree'
  UNION ALL
  SELECT 5, 'bytes/value: taskcode = 8', (SELECT avg(pg_column_size(v)) FROM bench.t_taskcode),
         (SELECT avg(pg_column_size(v)) FROM bench.t_taskcode) = 8
) g(o, goal, ratio, ok) ORDER BY o;
SQL
