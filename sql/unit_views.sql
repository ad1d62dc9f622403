--
-- who does what: plan_task_unit, filled by plan_load, and the BI views
--
\pset null '∅'
\set verbs `cat test/docs/units_verbs_style.txt`
\set shandong `cat test/docs/units_shandong_style.txt`
\set cq `cat test/docs/cq_style_trad.txt`

SELECT 'units_verbs_style.txt' AS source, tasks, units FROM plan_load(:'verbs', 'units_verbs_style.txt');
SELECT 'units_shandong_style.txt' AS source, tasks, units FROM plan_load(:'shandong', 'units_shandong_style.txt');
SELECT 'cq_style_trad.txt' AS source, tasks, units FROM plan_load(:'cq', 'cq_style_trad.txt');
-- loading again stores nothing new
SELECT inserted, units FROM plan_load(:'cq', 'again');
SELECT d.source, t.role, count(*) FROM plan_task_unit t JOIN plan_document d ON d.id = t.document_id
GROUP BY 1, 2 ORDER BY 1, 2;

-- the views use plain types only (what BI tools read)
SELECT c.relname AS view, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relname IN ('plan_task_units', 'plan_unit_workload', 'plan_unit_workload_overall',
                    'plan_unit_matrix', 'plan_unit_pairs') AND a.attnum > 0
ORDER BY c.relname, a.attnum;
SELECT DISTINCT format_type(a.atttypid, a.atttypmod) AS types_used
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relname IN ('plan_task_units', 'plan_unit_workload', 'plan_unit_workload_overall',
                    'plan_unit_matrix', 'plan_unit_pairs') AND a.attnum > 0
ORDER BY 1;

-- workload per document
SELECT unit, level, kind, tasks_led, tasks_co, tasks_responsible, tasks_implicit, tasks_named, tasks_total
FROM plan_unit_workload WHERE docno = '渝府办发〔2024〕60号' ORDER BY tasks_total DESC, unit;
SELECT unit, tasks_led, tasks_co, tasks_named
FROM plan_unit_workload WHERE docno = '鲁政办字〔2024〕88号' ORDER BY tasks_led DESC, tasks_named DESC, unit LIMIT 5;
-- and overall: one unit across documents, however each printed it
SELECT unit, documents, tasks_led, tasks_co, tasks_responsible, tasks_implicit, tasks_named, tasks_total
FROM plan_unit_workload_overall WHERE documents > 1 OR tasks_total >= 10 ORDER BY tasks_total DESC, unit;

-- unit x document with zeros: every unit has a cell in every document
SELECT (SELECT count(*) FROM plan_unit_matrix) AS cells,
       (SELECT count(DISTINCT unit) FROM plan_unit_matrix) * (SELECT count(*) FROM plan_document) AS units_x_documents,
       (SELECT count(*) FROM plan_unit_matrix WHERE tasks = 0) AS zero_cells;
SELECT unit, document_title, tasks, tasks_led FROM plan_unit_matrix
WHERE unit IN ('市发展改革委', '市经济信息委') ORDER BY unit, document_id;

-- co-responsibility pairs (edges)
SELECT unit_a, unit_b, shared_tasks, documents, with_a_lead FROM plan_unit_pairs
ORDER BY shared_tasks DESC, unit_a, unit_b LIMIT 8;
SELECT count(*) AS pairs, bool_and(unit_a < unit_b) AS ordered FROM plan_unit_pairs;

-- the detail view
SELECT code, heading, unit, role, level, kind FROM plan_task_units
WHERE docno = '渝府办发〔2024〕60号' AND code IN ('2.5', '2.8') ORDER BY ord, unit;


-- pg_dump carries the rows; deleting a document deletes its units
SELECT c.relname, e.extcondition[array_position(e.extconfig, c.oid)] AS dumped_rows
FROM pg_extension e, pg_class c
WHERE e.extname = 'plandata' AND c.relname IN ('plan_task_unit', 'respunit_dict') ORDER BY 1;
DELETE FROM plan_document WHERE source = 'cq_style_trad.txt';
SELECT count(*) AS units_left, count(DISTINCT document_id) AS documents FROM plan_task_unit;
-- "which tasks involve unit X": in any spelling, through the index, on a
-- million task-unit rows (1000 documents x 100 tasks x 10 units)
-- (the synthetic rows skip the foreign-key triggers: they only make up the volume)
SET session_replication_role = replica;
INSERT INTO plan_document (id, title, body, content_hash)
SELECT -g, 'synthetic ' || g::text, '', sha256(('synthetic ' || g::text)::bytea) FROM generate_series(1, 1000) g;
INSERT INTO plan_task (document_id, ord, part, code, depth, heading, body)
SELECT -g, o, 1, taskcode(ARRAY[o]), 1, 'task', '' FROM generate_series(1, 1000) g, generate_series(1, 100) o;
INSERT INTO plan_task_unit (document_id, ord, part, code, unit, role)
SELECT -g, o, 1, taskcode(ARRAY[o]), ('市单位' || ((g * 7 + o * 13 + k * 101) % 2000)::text)::respunit,
       CASE k WHEN 1 THEN 'lead' ELSE 'co' END
FROM generate_series(1, 1000) g, generate_series(1, 100) o, generate_series(1, 10) k;
RESET session_replication_role;
ANALYZE plan_task_unit;
SELECT count(*) AS task_unit_rows FROM plan_task_unit;
-- a bitmap scan, not a plain index scan: which is cheaper for ~500 rows
-- turns on ANALYZE's random sample, and either shows the index at work
SET enable_indexscan = off;
EXPLAIN (COSTS OFF)
SELECT document_id, code FROM plan_task_unit WHERE unit = '市發展改革委';
SELECT count(*) AS tasks_of_unit FROM plan_task_unit WHERE unit = '市單位42';
EXPLAIN (COSTS OFF)
SELECT document_id, code FROM plan_task_unit WHERE unit = '市单位42' AND role = 'lead';
SELECT count(*) AS tasks_led FROM plan_task_unit WHERE unit = '市单位42' AND role = 'lead';
RESET enable_indexscan;
SET client_min_messages = warning;	-- which other tables cascade is not this test's business
TRUNCATE plan_document CASCADE;
RESET client_min_messages;
