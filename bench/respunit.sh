#!/usr/bin/env bash
# respunit benchmark, all in one run:
#  1. input and output ns/value of respunit next to text and ltree (1M values;
#     each type's input function called on the same cstring, minus the cost
#     of making the cstring), and sort of 1M values next to text;
#  2. plan_units next to the regex baseline bx_units over 1000 copies of the
#     Chongqing plan (the corpus copy when present, else our full-length
#     stand-in, bench/docs), with plan_tasks and a length(body) scan for
#     scale.  Goal (issue 4): bx_units time / plan_units time >= 10.
#   bench/respunit.sh [ROUNDS]      (default 3 counted rounds + 1 warm-up)
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
COPIES=${COPIES:-1000}
bench_start
bench_psql -c 'CREATE EXTENSION IF NOT EXISTS ltree'

echo "-- building 1M-value tables (rows in pseudo-random order)"
bench_psql <<'SQL'
-- unit names as plans print them: the dictionary's short names, Traditional
-- spellings (the Chongqing csv's short_t column), 等 suffixes, stray spaces
CREATE TABLE bench.names AS
SELECT row_number() OVER () AS i, n FROM (
  SELECT short::text AS n FROM respunit_dict
  UNION ALL
  SELECT unnest('{市發展改革委,市衛生健康委,市醫保局,市委編辦,市統計局,市大數據發展局,市住房城鄉建委,
                  市規劃自然資源局,市財政局,市農業農村委,市經濟信息委,市商務委,市政府口岸物流辦,團市委,
                  人行重慶市分行,重慶金融監管局,市交通運輸委,市應急管理局,市市場監管局,重慶通信管理局}'::text[])
) x;
CREATE UNLOGGED TABLE bench.s_unit AS
SELECT n.n || CASE s % 5 WHEN 0 THEN '等' WHEN 1 THEN '　' ELSE '' END AS v
FROM generate_series(0, 999999) s
JOIN bench.names n ON n.i = s % (SELECT count(*) FROM bench.names) + 1
ORDER BY hashint4(s);
-- ltree gets what ltree holds: dotted paths, three levels
CREATE UNLOGGED TABLE bench.s_ltree AS
SELECT (s / 10000 + 1)::text || '.' || (s / 100 % 100 + 1)::text || '.' || (s % 100 + 1)::text AS v
FROM generate_series(0, 999999) s ORDER BY hashint4(s);
CREATE UNLOGGED TABLE bench.t_text AS SELECT v FROM bench.s_unit;
CREATE UNLOGGED TABLE bench.t_respunit AS SELECT v::respunit AS v FROM bench.s_unit;
CREATE UNLOGGED TABLE bench.t_ltree AS SELECT v::ltree AS v FROM bench.s_ltree;
VACUUM (FREEZE, ANALYZE) bench.s_unit, bench.s_ltree, bench.t_text, bench.t_respunit, bench.t_ltree;
INSERT INTO bench.bench_case (grp, label, query) VALUES
  ('types', 'unit:cstring',  'SELECT count(v::cstring) FROM bench.s_unit'),
  ('types', 'text:in',       'SELECT count(textin(v::cstring)) FROM bench.s_unit'),
  ('types', 'respunit:in',   'SELECT count(respunit_in(v::cstring)) FROM bench.s_unit'),
  ('types', 'ltree:cstring', 'SELECT count(v::cstring) FROM bench.s_ltree'),
  ('types', 'ltree:in',      'SELECT count(ltree_in(v::cstring)) FROM bench.s_ltree'),
  ('types', 'text:scan',     'SELECT count(v) FROM bench.t_text'),
  ('types', 'text:out',      'SELECT count(textout(v)) FROM bench.t_text'),
  ('types', 'respunit:scan', 'SELECT count(v) FROM bench.t_respunit'),
  ('types', 'respunit:out',  'SELECT count(respunit_out(v)) FROM bench.t_respunit'),
  ('types', 'ltree:scan',    'SELECT count(v) FROM bench.t_ltree'),
  ('types', 'ltree:out',     'SELECT count(ltree_out(v)) FROM bench.t_ltree'),
  ('types', 'text:sort',     'SELECT count(*) FROM (SELECT v FROM bench.t_text ORDER BY v COLLATE "C") x'),
  ('types', 'respunit:sort', 'SELECT count(*) FROM (SELECT v FROM bench.t_respunit ORDER BY v) x'),
  ('types', 'ltree:sort',    'SELECT count(*) FROM (SELECT v FROM bench.t_ltree ORDER BY v) x');
SQL

bench_load_docs "$COPIES"
add_case() { bench_psql -c "INSERT INTO bench.bench_case (grp, label, query) VALUES ('units', '$1', \$q\$$2\$q\$)"; }
add_case 'floor: length(body)' 'SELECT sum(length(body)) FROM bench.docs'
add_case 'plan_tasks' 'SELECT count(t.*) FROM bench.docs d, plan_tasks(d.body) t'
# count(u.*) builds a composite of every output row (as bench/parser.sh
# does); count(*) lets the set-returning function's own work show
add_case 'plan_units' 'SELECT count(u.*) FROM bench.docs d, plan_units(d.body) u'
add_case 'plan_units, count(*)' 'SELECT count(*) FROM bench.docs d, plan_units(d.body) u'
add_case 'respunit_extract' 'SELECT count(u.*) FROM bench.docs d, respunit_extract(d.body) u'
if [ $HAVE_BX = 1 ]; then
  add_case 'bx_units' 'SELECT count(u.*) FROM bench.docs d, bx_units(d.body) u'
  add_case 'bx_units, count(*)' 'SELECT count(*) FROM bench.docs d, bx_units(d.body) u'
fi

echo "-- timing ($ROUNDS rounds + warm-up)"
bench_run types "$ROUNDS"
bench_run units "$ROUNDS"

bench_psql <<'SQL'
\pset footer off
\echo '== 1M values: ns/value (medians of paired differences: input = in(cstring) - making the cstring, output = out - scan), sort ms, bytes/value'
SELECT typ AS type, example,
       round(bench.bench_diff_ms('types', typ || ':in', base)::numeric) AS "input ns/val",
       round(bench.bench_diff_ms('types', typ || ':out', typ || ':scan')::numeric) AS "output ns/val",
       round(bench.bench_ms('types', typ || ':sort')::numeric) AS "sort 1M ms",
       bytes AS "bytes/val"
FROM (VALUES
  (1, 'text', 'unit:cstring', (SELECT v FROM bench.s_unit LIMIT 1),
      (SELECT round(avg(pg_column_size(v)), 1) FROM bench.t_text)),
  (2, 'respunit', 'unit:cstring', (SELECT v FROM bench.s_unit LIMIT 1),
      (SELECT round(avg(pg_column_size(v)), 1) FROM bench.t_respunit)),
  (3, 'ltree', 'ltree:cstring', (SELECT v FROM bench.s_ltree LIMIT 1),
      (SELECT round(avg(pg_column_size(v)), 1) FROM bench.t_ltree))
) t(o, typ, base, example, bytes) ORDER BY o;

\echo '== rows per pass'
SELECT (SELECT count(*) FROM bench.docs) AS documents,
       (SELECT sum(octet_length(body)) FROM bench.docs) AS bytes,
       (SELECT count(*) FROM bench.docs d, plan_units(d.body) u) AS plan_units_rows,
       (SELECT count(*) FROM bench.docs d, plan_units(d.body) u WHERE u.role <> 'implicit') AS named_units,
       (SELECT count(*) FROM bench.docs d, respunit_extract(d.body) u) AS respunit_extract_rows;
SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'bx_units') AS have_bx \gset
\if :have_bx
SELECT count(*) AS bx_units_rows FROM bench.docs d, bx_units(d.body) u;
\endif
\echo '== throughput (median of rounds; MB = 10^6 bytes)'
WITH mb AS (SELECT sum(octet_length(body)) / 1e6 AS mb FROM bench.docs)
SELECT label, round(bench.bench_ms('units', label)::numeric) AS ms,
       round((mb / (bench.bench_ms('units', label) / 1000))::numeric, 1) AS "MB/s"
FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'units') l, mb
ORDER BY 2;
\echo '== ratios (same run) and goals'
CREATE TEMP VIEW t AS SELECT label, bench.bench_ms('units', label) AS ms
  FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'units') l;
SELECT goal, round(ratio::numeric, 2) AS ratio,
       CASE WHEN want IS NULL THEN '' WHEN ratio >= want THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (
  SELECT 1, 'bx_units time / plan_units time >= 10 (count(u.*))', b.ms / p.ms, 10
  FROM t b, t p WHERE b.label = 'bx_units' AND p.label = 'plan_units'
  UNION ALL
  SELECT 1, 'bx_units time / plan_units time >= 10 (count(*))', b.ms / p.ms, 10
  FROM t b, t p WHERE b.label = 'bx_units, count(*)' AND p.label = 'plan_units, count(*)'
  UNION ALL
  SELECT 2, 'plan_units time / plan_tasks time (units on top of segmenting)', u.ms / p.ms, NULL
  FROM t u, t p WHERE u.label = 'plan_units' AND p.label = 'plan_tasks'
  UNION ALL
  SELECT 3, 'respunit input / text input (ns per value)',
         bench.bench_diff_ms('types', 'respunit:in', 'unit:cstring') /
         bench.bench_diff_ms('types', 'text:in', 'unit:cstring'), NULL
  UNION ALL
  SELECT 4, 'respunit input / ltree input (ns per value)',
         bench.bench_diff_ms('types', 'respunit:in', 'unit:cstring') /
         bench.bench_diff_ms('types', 'ltree:in', 'ltree:cstring'), NULL
) g(o, goal, ratio, want) ORDER BY o;
SQL
