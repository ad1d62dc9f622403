--
-- limits: huge documents, many items, deep and long input — each either
-- parses with bounded memory or fails with a clear error, and a short
-- statement_timeout stops any of them with SQLSTATE 57014
--
\set cq `cat test/docs/cq_style_trad.txt`
SET work_mem = '64MB';

-- a 100 MB document (the Chongqing-style plan 11000 times: every copy is a new part)
CREATE TEMP TABLE big AS SELECT repeat(:'cq' || E'\n', 11000) AS body;
SELECT octet_length(body) > 100000000 AS over_100mb FROM big;
SELECT count(*) AS tasks, count(DISTINCT part) AS parts, max(code) AS last FROM big, plan_tasks(big.body);

-- 10^5 numbered items, nested so every number stays within taskcode's limits
CREATE TEMP TABLE many AS
SELECT string_agg(i || E'.第' || i || E'节\n' ||
                  (SELECT string_agg('（' || j || '）事项' || j || E'。\n', '') FROM generate_series(1, 999) j),
                  '' ORDER BY i) AS body
FROM generate_series(1, 100) i;
SELECT count(*) AS items, max(code) AS last, max(depth) AS deepest FROM many, plan_tasks(many.body);

-- numbered beyond the limits: numbers past 999 and levels past 6 stay text
SELECT count(*) FROM plan_tasks(E'1.甲\n（1000）太大\n1000.也太大\n');
SELECT code FROM plan_tasks(E'一、a\n（一）b\n1.c\n（1）d\n①e\n㊀f\n❶g\n➀h\n');

-- the extractors on the 100 MB document
SELECT count(*) AS units FROM big, plan_units(big.body);
SELECT count(*) AS targets FROM big, plan_targets(big.body);
SELECT count(*) AS docnos, sum(occurrences) AS mentions FROM big, plan_docnos(big.body);

-- 10^5 nested brackets and a 1 MB single line
SELECT count(*) FROM plan_tasks(repeat('（', 100000) || '一' || repeat('）', 100000));
SELECT count(*) FROM plan_tasks('（一）' || repeat('（', 100000) || '事项' || repeat('）', 100000));
SELECT code, length(heading), length(body) FROM plan_tasks('一、' || repeat('很长的一行', 200000));
SELECT count(*) FROM plan_units('（一）事项。（责任单位：' || repeat('（', 100000) || '市公安局' || repeat('）', 100000) || '）');
SELECT count(*) FROM plan_targets('（一）' || repeat('达到', 100000) || '76%');
SELECT count(*) FROM plan_units('一、' || repeat('市公安局、', 200000));

CREATE TEMP TABLE bigtab AS SELECT repeat(E'指标\t单位\t2025年\n城镇化率\t%\t76\n', 300000) AS body;

-- a short statement_timeout stops the parse of any of them (57014)
SET statement_timeout = '1ms';
\set VERBOSITY terse
SELECT count(*) FROM big, plan_tasks(big.body);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM big, plan_info(big.body);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM big, plan_units(big.body);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM big, plan_targets(big.body);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM big, plan_docnos(big.body);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM bigtab, target_extract(bigtab.body);
\echo :LAST_ERROR_SQLSTATE
RESET statement_timeout;
\set VERBOSITY default
DROP TABLE big, many, bigtab;
