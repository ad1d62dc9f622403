-- 0.3 -> 0.4, issue 23 (parallel query, shards, concurrent loading)
--
-- The document functions get a COST: a call parses a whole document (about
-- 20-50 microseconds for a 3 kB text here, against well under a tenth of a
-- microsecond for a built-in operator of COST 1).  With COST 1 the planner
-- thought a scan of documents through plan_tasks() cost next to nothing and
-- never planned parallel workers for it.
ALTER FUNCTION @extschema@.plan_docnos(text) COST 1000;
ALTER FUNCTION @extschema@.plan_unit_rules(text) COST 500;
ALTER FUNCTION @extschema@.plan_units(text) COST 1500;
ALTER FUNCTION @extschema@.respunit_extract(text) COST 100;
ALTER FUNCTION @extschema@.plan_targets(text) COST 2000;
ALTER FUNCTION @extschema@.target_extract(text, int4) COST 100;
ALTER FUNCTION @extschema@.plan_tasks(text) COST 1500;
ALTER FUNCTION @extschema@.plan_parts(text) COST 1000;
ALTER FUNCTION @extschema@.plan_info(text) COST 1000;
ALTER FUNCTION @extschema@.plan_match_terms(text, text[], text[]) COST 1000;

-- plan_load(body, source) hands over to plan_load(body, source, id) (new in
-- 0.4, sql/install/90_load_id.sql), which serialises loads of one text with
-- an advisory lock on its hash instead of ON CONFLICT (content_hash): the
-- coordinator of the sharded layout has no unique index across its shards.
CREATE OR REPLACE FUNCTION @extschema@.plan_load(body text, source text DEFAULT NULL,
	OUT document_id bigint, OUT inserted boolean,
	OUT tasks int, OUT units int, OUT targets int)
RETURNS record
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
-- from 0.4 on the work is done by plan_load(body, source, id) (90_load_id.sql),
-- which can also store under an id chosen elsewhere (loading into a shard)
AS $$
BEGIN
	SELECT * INTO document_id, inserted, tasks, units, targets
	FROM @extschema@.plan_load(body, source, NULL::bigint);
END
$$;

-- plan_documents and plan_task_tree count tasks with a join grouped by
-- document instead of a correlated sub-select per row: the sub-selects kept
-- the views out of parallel plans, and on the sharded layout each was one
-- remote query per document.  Same columns, same rows.
CREATE OR REPLACE VIEW @extschema@.plan_documents AS
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
CREATE OR REPLACE VIEW @extschema@.plan_task_tree AS
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
