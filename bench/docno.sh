#!/usr/bin/env bash
# docno benchmark: plan_docnos over 1000 documents of ~24 KB (24 MB) next to
# a plain length(body) scan (the detoast floor) and next to the regular
# expression a user would write without plandata, in one run; then docno
# input and sort next to text.
#   bench/docno.sh [ROUNDS]      (default 3 counted rounds + 1 warm-up)
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
bench_start

echo "-- building 1000 documents and 1M numbers"
bench_psql <<'SQL'
-- (numbers are cast to text before ||: an unknown literal || int4 would
-- otherwise resolve to taskcode || int4)
-- a notice with its own number, then body paragraphs citing other numbers
-- in the usual ways (《…》（…）, running text, [] brackets, Traditional)
CREATE UNLOGGED TABLE bench.docs AS
SELECT i AS id,
       E'重庆市人民政府关于印发某某行动方案的通知\n渝府发〔2025〕' || i::text || E'号\n各区县（自治县）人民政府，市政府各部门：\n'
       || E'　　现将《某某行动方案》印发给你们，请认真贯彻执行。\n一、总体要求\n'
       || repeat(E'（一）完善基础设施。为贯彻《国务院关于印发某某规划的通知》（国发〔2024〕17号）和渝府办发[2023]58号精神，'
                 || E'按照國辦發〔2022〕' || (i % 40 + 1)::text || E'號要求，到2027年，全市行政村5G网络通达率达到95%以上，'
                 || E'建成千兆光网示范区县15个。（责任单位：市通信管理局、市经济信息委、各区县政府）\n', 75) AS body
FROM generate_series(1, 1000) i;
CREATE UNLOGGED TABLE bench.s_text AS
SELECT (ARRAY['国发','国办发','渝府发','渝府办发','皖政','鲁政字','济政发','青政办字'])[s % 8 + 1]
       || '〔' || (2000 + s / 8 % 25)::text || '〕' || (s / 200 + 1)::text || '号' AS v
FROM generate_series(0, 999999) s ORDER BY hashint4(s);
CREATE UNLOGGED TABLE bench.t_docno AS SELECT v::docno AS v FROM bench.s_text;
VACUUM (FREEZE, ANALYZE) bench.docs, bench.s_text, bench.t_docno;

INSERT INTO bench.bench_case (grp, label, query) VALUES
  ('docno', 'length',      'SELECT sum(length(body)) FROM bench.docs'),
  ('docno', 'plan_docnos', 'SELECT sum(p.occurrences) FROM bench.docs, plan_docnos(body) p'),
  ('docno', 'regex',       $q$SELECT count(*) FROM bench.docs,
      regexp_matches(body, '[一-龥]{1,16}[〔［【(（\[][0-9０-９]{4}[〕］】)）\]]第?[0-9０-９]+[号號]', 'g')$q$),
  ('docno', 'text:sscan',  'SELECT count(v) FROM bench.s_text'),
  ('docno', 'docno:in',    'SELECT count(v::docno) FROM bench.s_text'),
  ('docno', 'text:sort',   'SELECT count(*) FROM (SELECT v FROM bench.s_text ORDER BY v COLLATE "C") x'),
  ('docno', 'docno:sort',  'SELECT count(*) FROM (SELECT v FROM bench.t_docno ORDER BY v) x');
SQL

# both extractors must agree on this corpus before they are timed
bench_psql -tAc "SELECT 'matches: plan_docnos ' || (SELECT sum(p.occurrences) FROM bench.docs, plan_docnos(body) p)
  || ', regex ' || (SELECT count(*) FROM bench.docs,
      regexp_matches(body, '[一-龥]{1,16}[〔［【(（\[][0-9０-９]{4}[〕］】)）\]]第?[0-9０-９]+[号號]', 'g'))"

echo "-- timing ($ROUNDS rounds + warm-up)"
bench_run docno "$ROUNDS"

bench_psql <<'SQL'
\pset footer off
\echo '== 1000 documents: MB/s (medians)'
CREATE TEMP VIEW r AS
SELECT (SELECT sum(octet_length(body)) FROM bench.docs) / 1e6 AS mb,
       bench.bench_ms('docno', 'length') AS length_ms,
       bench.bench_ms('docno', 'plan_docnos') AS docnos_ms,
       bench.bench_ms('docno', 'regex') AS regex_ms,
       bench.bench_diff_ms('docno', 'docno:in', 'text:sscan') AS in_ns,  -- ms per 1M rows = ns per value
       bench.bench_ms('docno', 'text:sort') AS text_sort_ms,
       bench.bench_ms('docno', 'docno:sort') AS docno_sort_ms;
SELECT round(mb, 1) AS "MB", round((mb / (length_ms / 1000))::numeric) AS "length() MB/s",
       round((mb / (docnos_ms / 1000))::numeric) AS "plan_docnos MB/s",
       round((mb / (regex_ms / 1000))::numeric, 1) AS "regex MB/s"
FROM r;
\echo '== 1M numbers: input ns/value (paired difference), sort ms, bytes/value'
SELECT round(in_ns::numeric) AS "docno input ns", round(text_sort_ms::numeric) AS "text sort (C) ms",
       round(docno_sort_ms::numeric) AS "docno sort ms",
       (SELECT round(avg(pg_column_size(v)), 1) FROM bench.s_text) AS "text bytes",
       (SELECT round(avg(pg_column_size(v)), 1) FROM bench.t_docno) AS "docno bytes"
FROM r;
\echo '== ratios (same run)'
SELECT goal, round(ratio::numeric, 2) AS ratio, CASE WHEN ok THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (
  SELECT 1, 'plan_docnos / length() speed >= 0.4', length_ms / docnos_ms, length_ms / docnos_ms >= 0.4 FROM r
  UNION ALL
  SELECT 2, 'plan_docnos / regex speed >= 5', regex_ms / docnos_ms, regex_ms / docnos_ms >= 5 FROM r
  UNION ALL
  SELECT 3, 'docno sort / text sort (C) <= 1.5', docno_sort_ms / text_sort_ms, docno_sort_ms / text_sort_ms <= 1.5 FROM r
) g(o, goal, ratio, ok) ORDER BY o;
SQL
