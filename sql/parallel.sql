--
-- parallel: plandata's functions are marked by the project's rules, so
-- that queries over many documents can use parallel workers, and scans of
-- documents through plan_tasks / plan_units / plan_targets are planned in
-- parallel.  The rules are checked against the catalog, so a new function
-- that breaks one shows up here as a row.
--
SET client_min_messages = warning;

-- the functions that are allowed to break a rule, and why
CREATE TEMP TABLE rule_exception (fn text, rule text, reason text);
INSERT INTO rule_exception VALUES
  ('plan_load(text,text)', 'volatile', 'writes the plan tables'),
  ('plan_load(text,text,bigint)', 'volatile', 'writes the plan tables'),
  ('plan_ingest(text,text)', 'volatile', 'writes the plan tables (plan_load)'),
  ('plan_record_status(bigint,text,text,date,text,integer)', 'volatile', 'writes plan_task_status'),
  ('target_extract(text,integer)', 'strict', 'year may be NULL: the sentence''s own year governs'),
  ('respunit_full_name(respunit,text)', 'strict', 'region may be NULL: the unit''s own region'),
  ('min(taskcode)', 'strict', 'aggregate (strictness is the transition function''s)'),
  ('max(taskcode)', 'strict', 'aggregate (strictness is the transition function''s)'),
  ('plan_progress', 'view', 'the latest and earliest actual values are LATERAL sub-selects with LIMIT (restricted)');

CREATE TEMP VIEW fns AS
SELECT p.oid, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS fn,
       regexp_replace(p.proname || '(' || replace(oidvectortypes(p.proargtypes), ', ', ',') || ')', '[a-z_]+\.', '', 'g') AS sig,
       p.provolatile, p.proparallel, p.proisstrict, p.proretset, p.prorows, p.procost, p.prokind,
       l.lanname
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'plandata'
JOIN pg_language l ON l.oid = p.prolang;

SELECT rule, fn, reason FROM rule_exception ORDER BY rule, fn;

-- every exception names a function that exists
SELECT x.fn AS unknown_exception FROM rule_exception x
WHERE x.rule <> 'view' AND NOT EXISTS (SELECT FROM fns f WHERE f.sig = x.fn);

-- the rules; each row is a violation:
--   IMMUTABLE and STABLE functions are PARALLEL SAFE (they neither write
--   nor keep state between calls: nothing stops a worker running them);
--   VOLATILE functions only where listed above, and then PARALLEL UNSAFE;
--   C functions are STRICT unless listed (NULL in, NULL out);
--   set-returning C functions state their ROWS (not the default 1000)
--   and a COST of at least 100: each call parses a text, and with COST 1
--   the planner never thinks parallel workers worth starting for them;
--   aggregates have a combine function, so they run in partial aggregates.
SELECT f.sig AS fn, r.violation
FROM fns f
CROSS JOIN LATERAL (VALUES
  (f.provolatile IN ('i', 's') AND f.proparallel <> 's', 'immutable/stable but not parallel safe'),
  (f.provolatile = 'v' AND NOT EXISTS (SELECT FROM rule_exception x WHERE x.fn = f.sig AND x.rule = 'volatile'),
   'volatile without a reason'),
  (f.provolatile = 'v' AND f.proparallel <> 'u', 'volatile (writes) but not parallel unsafe'),
  (f.lanname IN ('c', 'internal') AND NOT f.proisstrict
   AND NOT EXISTS (SELECT FROM rule_exception x WHERE x.fn = f.sig AND x.rule = 'strict'), 'not strict'),
  (f.lanname = 'sql' AND f.provolatile <> 'v' AND NOT f.proisstrict
   AND NOT EXISTS (SELECT FROM rule_exception x WHERE x.fn = f.sig AND x.rule = 'strict'), 'not strict'),
  (f.lanname = 'c' AND f.proretset AND f.prorows = 1000, 'set-returning without ROWS'),
  (f.lanname = 'c' AND f.proretset AND f.procost < 100, 'set-returning with COST under 100'),
  (f.prokind = 'a' AND (SELECT a.aggcombinefn = 0 FROM pg_aggregate a WHERE a.aggfnoid = f.oid),
   'aggregate without a combine function')
) r(broken, violation)
WHERE r.broken
ORDER BY 1, 2;

-- every view of plandata but the listed ones can run entirely in a
-- parallel worker (with parallel query forced, the whole plan goes under
-- one Gather); the setting is debug_parallel_query from PostgreSQL 16 on
SET max_parallel_workers_per_gather = 2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) IS NOT NULL AS forced;
CREATE TEMP TABLE view_plan (view_name text, top_node text);
DO $$
DECLARE
  v record;
  line text;
BEGIN
  FOR v IN SELECT c.oid::regclass AS rel, c.relname
           FROM pg_class c
           JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'plandata'
           WHERE c.relkind = 'v' LOOP
    FOR line IN EXECUTE format('EXPLAIN (COSTS OFF) SELECT * FROM %s', v.rel) LOOP
      INSERT INTO view_plan VALUES (v.relname, line);
      EXIT;
    END LOOP;
  END LOOP;
END $$;
SELECT v.view_name, v.top_node = 'Gather' AS parallel_safe, x.reason
FROM view_plan v LEFT JOIN rule_exception x ON x.rule = 'view' AND x.fn = v.view_name
WHERE (v.top_node = 'Gather') = (x.fn IS NOT NULL) OR x.fn IS NOT NULL
ORDER BY 1;
SELECT count(*) AS views_in_parallel FROM view_plan WHERE top_node = 'Gather';
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) IS NOT NULL AS unforced;
RESET max_parallel_workers_per_gather;

-- a table of documents scanned through the document functions: the plans
-- are parallel.  The settings make the planner choose workers for the
-- handful of test documents; on a real table of thousands of documents
-- the functions' COST does it with the default parallel_setup_cost, but a
-- table whose bodies are TOASTed has few heap pages, under
-- min_parallel_table_scan_size: ALTER TABLE docs SET (parallel_workers = N)
-- (doc/scaling.md).
CREATE TABLE docs (id serial, body text);
\set d1 `cat test/docs/guofa_style.txt`
\set d2 `cat test/docs/cq_style_trad.txt`
\set d3 `cat test/docs/units_table_style.txt`
\set d4 `cat test/docs/targets_gangyao_lines_style.txt`
INSERT INTO docs (body) VALUES (:'d1'), (:'d2'), (:'d3'), (:'d4');
INSERT INTO docs (body) SELECT body || E'\n（编号 ' || g || '）' FROM docs, generate_series(1, 9) g;
ANALYZE docs;
ALTER TABLE docs SET (parallel_workers = 1);

-- serial counts first (the reference)
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_counts AS
SELECT (SELECT count(x.*) FROM docs, plan_tasks(body) x) AS tasks,
       (SELECT count(x.*) FROM docs, plan_units(body) x) AS units,
       (SELECT count(x.*) FROM docs, plan_targets(body) x) AS targets;
SELECT * FROM serial_counts;

SET max_parallel_workers_per_gather = 1;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN (COSTS OFF) SELECT count(x.*) FROM docs, plan_tasks(body) x;
EXPLAIN (COSTS OFF) SELECT count(x.*) FROM docs, plan_units(body) x;
EXPLAIN (COSTS OFF) SELECT count(x.*) FROM docs, plan_targets(body) x;

-- the same answers in parallel (whether a worker was free or not)
SELECT (SELECT count(x.*) FROM docs, plan_tasks(body) x) = s.tasks AS same_tasks,
       (SELECT count(x.*) FROM docs, plan_units(body) x) = s.units AS same_units,
       (SELECT count(x.*) FROM docs, plan_targets(body) x) = s.targets AS same_targets
FROM serial_counts s;

-- stored plans too: re-reading the stored bodies is parallel (the plan
-- only: the later tests find the plan tables as they were)
EXPLAIN (COSTS OFF) SELECT count(x.*) FROM plan_document d, plan_units(d.body) x;
RESET ALL;
SET client_min_messages = warning;
DROP TABLE docs;
