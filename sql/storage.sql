--
-- storage: plan_load / plan_ingest, the tables and the BI views
--
\set cq `cat test/docs/cq_style_trad.txt`
\set cq_simp `cat test/docs/cq_style_simp.txt`
\set attach `cat test/docs/attachments_style.txt`

SELECT document_id > 0 AS has_id, inserted, tasks FROM plan_load(:'cq', 'cq_style_trad.txt');
-- the same text again: nothing new, the same id
SELECT (SELECT id FROM plan_document WHERE source = 'cq_style_trad.txt') = document_id AS same_id,
       inserted, tasks FROM plan_load(:'cq', 'a second copy');
SELECT count(*) AS documents FROM plan_document;
-- what was stored with it: targets (and units, when the unit extractor is present)
SELECT targets FROM plan_load(:'cq');
SELECT code, indicator, target, year, period, raw FROM plan_task_targets ORDER BY ord, code;
-- a different text (the Simplified edition) is another document
SELECT inserted, tasks FROM plan_load(:'cq_simp', 'cq_style_simp.txt');
SELECT plan_ingest(:'attach', 'attachments_style.txt') = plan_ingest(:'attach') AS ingest_is_idempotent;
SELECT plan_ingest(NULL) IS NULL AS null_body;

SELECT source, docno, title, issuer, issued, script, octet_length(content_hash) AS hash_bytes
FROM plan_document ORDER BY id;
SELECT d.source, count(*) AS tasks, count(DISTINCT t.part) AS parts
FROM plan_task t JOIN plan_document d ON d.id = t.document_id GROUP BY 1 ORDER BY 1;

-- the views use plain types only (what BI tools read)
SELECT c.relname AS view, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relname IN ('plan_documents', 'plan_task_tree') AND a.attnum > 0
ORDER BY c.relname, a.attnum;
SELECT source, tasks, top_level_tasks, parts FROM plan_documents ORDER BY document_id;
SELECT code, heading, parent_heading, top_heading, label, children
FROM plan_task_tree WHERE document_title LIKE '重慶%' AND (code IN ('2', '4.19') OR depth = 1) ORDER BY ord;
SELECT part, code, heading, top_heading FROM plan_task_tree
WHERE document_title LIKE '安徽%' AND code IN ('1', '2.1.2') ORDER BY part, ord;

-- pg_dump carries the rows: the tables and the sequence are configuration
SELECT e.extname, array_agg(c.relname ORDER BY c.relname) AS config_dumped
FROM pg_extension e, unnest(e.extconfig) AS cfg(oid) JOIN pg_class c ON c.oid = cfg.oid
WHERE e.extname = 'plandata' GROUP BY 1;

-- deleting a document deletes its tasks
DELETE FROM plan_document WHERE source = 'cq_style_simp.txt';
SELECT count(*) AS orphans FROM plan_task t WHERE NOT EXISTS (SELECT 1 FROM plan_document d WHERE d.id = t.document_id);
TRUNCATE plan_document CASCADE;
