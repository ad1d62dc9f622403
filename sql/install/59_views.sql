--------------------------------------------------------------------------
-- Views for BI tools (Superset, Metabase, Tableau, QGIS): plain column
-- types only (text, int, bigint, date, timestamptz), so any client reads
-- them without knowing plandata's types.
--------------------------------------------------------------------------

CREATE VIEW @extschema@.plan_documents AS
SELECT d.id AS document_id, d.docno::text AS docno, d.title, d.issuer, d.issued, d.script, d.source, d.loaded_at,
	   pg_catalog.length(d.body) AS characters,
	   (SELECT pg_catalog.count(*)::int FROM @extschema@.plan_task t WHERE t.document_id = d.id) AS tasks,
	   (SELECT pg_catalog.count(*)::int FROM @extschema@.plan_task t
	     WHERE t.document_id = d.id AND t.depth = 1) AS top_level_tasks,
	   (SELECT pg_catalog.max(t.part) FROM @extschema@.plan_task t WHERE t.document_id = d.id) AS parts
FROM @extschema@.plan_document d;
COMMENT ON VIEW @extschema@.plan_documents IS 'stored documents with their task counts (plain types, for BI tools)';

CREATE VIEW @extschema@.plan_task_tree AS
SELECT t.document_id, d.docno::text AS docno, d.title AS document_title, t.part, t.ord,
	   t.code::text AS code, t.depth, t.heading,
	   t.parent_code::text AS parent_code, p.heading AS parent_heading,
	   top.code::text AS top_code, top.heading AS top_heading,
	   @extschema@.taskcode_label(t.code, true) AS label,
	   (SELECT pg_catalog.count(*)::int FROM @extschema@.plan_task c
	     WHERE c.document_id = t.document_id AND c.part = t.part AND c.parent_code = t.code) AS children,
	   t.body, t.line
FROM @extschema@.plan_task t
JOIN @extschema@.plan_document d ON d.id = t.document_id
LEFT JOIN @extschema@.plan_task p
  ON p.document_id = t.document_id AND p.part = t.part AND p.code = t.parent_code
LEFT JOIN @extschema@.plan_task top
  ON top.document_id = t.document_id AND top.part = t.part
 AND top.code = @extschema@.taskcode_ancestor(t.code, 1) AND top.depth = 1;
COMMENT ON VIEW @extschema@.plan_task_tree IS 'every stored task with its parent and top-level headings (plain types, for BI tools)';

CREATE VIEW @extschema@.plan_citations AS
SELECT c.document_id, d.docno::text AS docno, d.title, c.docno::text AS cited_docno,
	   c.occurrences, cd.id AS cited_document_id, cd.title AS cited_title
FROM @extschema@.plan_citation c
JOIN @extschema@.plan_document d ON d.id = c.document_id
LEFT JOIN @extschema@.plan_document cd ON cd.docno = c.docno;
COMMENT ON VIEW @extschema@.plan_citations IS 'which stored documents cite which 发文字号, linked to the cited document when it is stored too';

GRANT SELECT ON @extschema@.plan_documents, @extschema@.plan_task_tree, @extschema@.plan_citations
	TO @extowner@ WITH GRANT OPTION;
