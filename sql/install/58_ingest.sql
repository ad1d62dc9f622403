--------------------------------------------------------------------------
-- Ingest: parse a document and store it with everything found in it, once.
-- A document is identified by its text: loading the same text again stores
-- nothing and returns the same id (inserted = false); since 0.4 also a text
-- that differs from a stored one only in white space (plan_load_file, in
-- 88_intake.sql, has the rule and does the work).  Concurrent loads of
-- the same text are serialised by the unique content_hash: the second
-- waits for the first and then finds its row.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_load(body text, source text DEFAULT NULL,
	OUT document_id bigint, OUT inserted boolean,
	OUT tasks int, OUT units int, OUT targets int)
RETURNS record
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
BEGIN
	-- since 0.4 the work (and the same-document rule) is plan_load_file's
	SELECT f.document_id, f.inserted, f.tasks, f.units, f.targets
	INTO document_id, inserted, tasks, units, targets
	FROM plan_load_file(body, source, 'text', NULL, NULL) f;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_load(text, text) IS
	'parse and store a plan document unless its text is stored already; returns its id and what was stored';

CREATE FUNCTION @extschema@.plan_ingest(body text, source text DEFAULT NULL) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$ SELECT (plan_load(body, source)).document_id $$;
COMMENT ON FUNCTION @extschema@.plan_ingest(text, text) IS
	'parse and store a plan document (once per distinct text); returns its id';
