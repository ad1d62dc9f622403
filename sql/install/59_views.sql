--------------------------------------------------------------------------
-- Views for BI tools (Superset, Metabase, Tableau, QGIS): plain column
-- types only (text, int, bigint, date, timestamptz), so any client reads
-- them without knowing plandata's types.
--------------------------------------------------------------------------

CREATE VIEW @extschema@.plan_documents AS
SELECT d.id AS document_id, d.docno::text AS docno, d.title, d.issuer, d.issued, d.script, d.source, d.loaded_at,
	   pg_catalog.length(d.body) AS characters,
	   COALESCE(t.tasks, 0) AS tasks, COALESCE(t.top_level_tasks, 0) AS top_level_tasks,
	   t.parts
FROM @extschema@.plan_document d
-- a join with the counts grouped by document rather than a sub-select per
-- document (0.4): parallel safe, and on the sharded layout it runs on the
-- shards (doc/scaling.md)
LEFT JOIN (SELECT t.document_id, pg_catalog.count(*)::int AS tasks,
				  (pg_catalog.count(*) FILTER (WHERE t.depth = 1))::int AS top_level_tasks,
				  pg_catalog.max(t.part) AS parts
		   FROM @extschema@.plan_task t GROUP BY t.document_id) t ON t.document_id = d.id;
COMMENT ON VIEW @extschema@.plan_documents IS 'stored documents with their task counts (plain types, for BI tools)';

CREATE VIEW @extschema@.plan_task_tree AS
SELECT t.document_id, d.docno::text AS docno, d.title AS document_title, t.part, t.ord,
	   t.code::text AS code, t.depth, t.heading,
	   t.parent_code::text AS parent_code, p.heading AS parent_heading,
	   top.code::text AS top_code, top.heading AS top_heading,
	   @extschema@.taskcode_label(t.code, true) AS label,
	   COALESCE(c.children, 0) AS children,
	   t.body, t.line
FROM @extschema@.plan_task t
JOIN @extschema@.plan_document d ON d.id = t.document_id
LEFT JOIN @extschema@.plan_task p
  ON p.document_id = t.document_id AND p.part = t.part AND p.code = t.parent_code
LEFT JOIN @extschema@.plan_task top
  ON top.document_id = t.document_id AND top.part = t.part
 AND top.code = @extschema@.taskcode_ancestor(t.code, 1) AND top.depth = 1
-- children counted by a grouped join (0.4), as in plan_documents
LEFT JOIN (SELECT c.document_id, c.part, c.parent_code, pg_catalog.count(*)::int AS children
		   FROM @extschema@.plan_task c WHERE c.parent_code IS NOT NULL
		   GROUP BY c.document_id, c.part, c.parent_code) c
  ON c.document_id = t.document_id AND c.part = t.part AND c.parent_code = t.code;
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
