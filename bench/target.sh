#!/usr/bin/env bash
# target benchmark, in one run:
#  1. input ns/value of 1M target literals next to seg (contrib) and the unit
#     extension (Debian postgresql-15-unit) — canonical forms and the Chinese
#     forms plans print — plus output, sort and btree build; goal: input
#     <= 150 ns/value.
#  2. plan_targets over 1000 copies of the Chongqing plan (or our full-length
#     stand-in for it, see bench/lib.sh) next to the regex baseline bx_targets
#     (../shared/bench/baseline/baseline_extract.sql); goal: >= 10x faster.
#   bench/target.sh [ROUNDS]      (default 3 counted rounds + 1 warm-up)
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
DOC=${DOC:-$BENCH_DOC}		# the Chongqing plan, or our stand-in for it
for f in "$BASELINE" "$DOC"; do
  [ -f "$f" ] || { echo "target.sh: $f is missing" >&2; exit 1; }
done
bench_start
bench_psql -c 'CREATE EXTENSION IF NOT EXISTS seg' -c 'CREATE EXTENSION IF NOT EXISTS unit' || {
  echo "target.sh: needs contrib seg and the unit extension (apt-get install postgresql-15-unit)" >&2; exit 1; }
bench_psql -c 'SET search_path = public' -f "$BASELINE" >/dev/null

echo "-- building 1M-row tables (rows in pseudo-random order) and 1000 documents"
bench_psql -v doc="$(cat "$DOC")" -v benchdir="$BENCH_DIR" <<'SQL'
-- one string expression per type over s = 0 .. 999999
CREATE TABLE bench.types (typ text, cast_to text, ord int, expr text, cases int DEFAULT 6);
INSERT INTO bench.types (typ, cast_to, ord, expr) VALUES
  ('int4',   'int4',   1, $$ s::text $$),
  ('seg',    'seg',    2, $$ '>' || (s / 10)::text || '.' || (s % 10)::text $$),
  ('unit',   'unit',   3, $$ (s / 10)::text || '.' || (s % 10)::text || ' km' $$),
  -- canonical forms, as COPY and the text casts see them
  ('target', 'target', 4, $$ CASE s % 4
      WHEN 0 THEN '>=' || (s / 10 % 1000)::text || '.' || (s % 10)::text || '%'
      WHEN 1 THEN '~' || (s / 10)::text || '万人/年'
      WHEN 2 THEN (s / 10)::text || '公里'
      ELSE '[' || (s % 100)::text || ',' || (s % 100 + 5)::text || ']个' END $$),
  -- the forms plans print: words, Traditional script, full-width
  ('target_cn', 'target', 5, $$ CASE s % 4
      WHEN 0 THEN '達到' || (s / 10 % 1000)::text || '.' || (s % 10)::text || '%以上'
      WHEN 1 THEN '每年穩定在' || (s / 10)::text || '萬人'
      WHEN 2 THEN '不少于' || (s / 10)::text || '公里'
      ELSE '年均增长' || (s % 100)::text || '％左右' END $$);
-- the words-and-script forms: input only (sscan, in)
UPDATE bench.types SET cases = 2 WHERE typ = 'target_cn';
\set grp types
\i :benchdir/types.sql

-- 1000 copies of the Chongqing-style plan, each made distinct by its first line
CREATE UNLOGGED TABLE bench.docs AS
SELECT i AS id, '第' || i || E'份\n' || :'doc' AS body FROM generate_series(1, 1000) i;
VACUUM (FREEZE, ANALYZE) bench.docs;
INSERT INTO bench.bench_case (grp, label, query) VALUES
  ('docs', 'read',         'SELECT sum(length(body)) FROM bench.docs'),
  ('docs', 'plan_targets', 'SELECT count(t.*) FROM bench.docs d, plan_targets(d.body) t'),
  ('docs', 'bx_targets',   'SELECT count(t.*) FROM bench.docs d, public.bx_targets(d.body) t'),
  ('docs', 'plan_tasks',   'SELECT count(t.*) FROM bench.docs d, plan_tasks(d.body) t');
SQL

echo "-- timing ($ROUNDS rounds + warm-up)"
bench_run types "$ROUNDS"
bench_run docs "$ROUNDS"

bench_psql <<'SQL'
\pset footer off
\echo '== 1M values: per-value ns (medians of paired differences), sort and btree build ms, bytes/value'
CREATE TEMP VIEW r AS
SELECT typ, ord,
       bench.bench_diff_ms('types', typ || ':in', typ || ':sscan') AS in_ns,
       bench.bench_diff_ms('types', typ || ':out', typ || ':scan') AS out_ns,
       bench.bench_ms('types', typ || ':sort') AS sort_ms,
       bench.bench_ms('types', typ || ':index') AS index_ms
FROM bench.types;
CREATE TEMP TABLE sizes (typ text, bytes numeric);
INSERT INTO sizes
SELECT 'int4', avg(pg_column_size(v)) FROM bench.t_int4 UNION ALL
SELECT 'seg', avg(pg_column_size(v)) FROM bench.t_seg UNION ALL
SELECT 'unit', avg(pg_column_size(v)) FROM bench.t_unit UNION ALL
SELECT 'target', avg(pg_column_size(v)) FROM bench.t_target UNION ALL
SELECT 'target_cn', avg(pg_column_size(v)) FROM bench.t_target_cn;
SELECT r.typ AS type, round(in_ns::numeric) AS "input ns/val", round(out_ns::numeric) AS "output ns/val",
       round(sort_ms::numeric) AS "sort 1M ms", round(index_ms::numeric) AS "btree build ms",
       round(s.bytes, 1) AS "bytes/val"
FROM r JOIN sizes s USING (typ) ORDER BY ord;
\echo '(target: >=76.5%, ~65万人/年, 800公里, [2,7]个 in turn; target_cn: 達到76.5%以上, 每年穩定在65萬人, 不少于800公里, 年均增长7％左右)'

\echo '== 1000 copies of the Chongqing-style plan (Traditional): ms per run, MB/s, targets found'
CREATE TEMP TABLE d AS
SELECT label, bench.bench_ms('docs', label) AS ms FROM (VALUES ('read'), ('plan_targets'), ('bx_targets'), ('plan_tasks')) v(label);
SELECT label, round(ms::numeric) AS ms,
       round(((SELECT sum(octet_length(body)) FROM bench.docs) / 1e6 / (ms / 1000))::numeric, 1) AS "MB/s",
       CASE label WHEN 'plan_targets' THEN (SELECT count(*) FROM bench.docs x, plan_targets(x.body) t WHERE x.id = 1)
                  WHEN 'bx_targets' THEN (SELECT count(*) FROM bench.docs x, public.bx_targets(x.body) t WHERE x.id = 1)
       END AS "targets per document"
FROM d ORDER BY ms;

\echo '== ratios (same run) and goals'
WITH m AS (SELECT typ, in_ns FROM r), dd AS (SELECT label, ms FROM d)
SELECT goal, round(ratio::numeric, 2) AS ratio, CASE WHEN ok THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (
  SELECT 1, 'input ns/value: target (canonical) <= 150', t.in_ns, t.in_ns <= 150
  FROM m t WHERE t.typ = 'target'
  UNION ALL
  SELECT 2, 'input ns/value: target (Chinese forms), for information', t.in_ns, true
  FROM m t WHERE t.typ = 'target_cn'
  UNION ALL
  SELECT 3, 'input: unit / target', u.in_ns / t.in_ns, true FROM m t, m u WHERE t.typ = 'target' AND u.typ = 'unit'
  UNION ALL
  SELECT 4, 'input: seg / target', g.in_ns / t.in_ns, true FROM m t, m g WHERE t.typ = 'target' AND g.typ = 'seg'
  UNION ALL
  SELECT 5, 'plan_targets: bx_targets / plan_targets >= 10', b.ms / p.ms, b.ms / p.ms >= 10
  FROM dd p, dd b WHERE p.label = 'plan_targets' AND b.label = 'bx_targets'
) g(o, goal, ratio, ok) ORDER BY o;
SQL
