--------------------------------------------------------------------------
-- Ingest: parse a document and store it with everything found in it, once.
-- A document is identified by its text: loading the same text again stores
-- nothing and returns the same id (inserted = false).  Concurrent loads of
-- the same text are serialised by a transaction lock keyed on the text's
-- hash (since 0.4; see plan_load(body, source, id)): the second waits for
-- the first and then finds its row.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_load(body text, source text DEFAULT NULL,
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
COMMENT ON FUNCTION @extschema@.plan_load(text, text) IS
	'parse and store a plan document unless its text is stored already; returns its id and what was stored';

CREATE FUNCTION @extschema@.plan_ingest(body text, source text DEFAULT NULL) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$ SELECT (plan_load(body, source)).document_id $$;
COMMENT ON FUNCTION @extschema@.plan_ingest(text, text) IS
	'parse and store a plan document (once per distinct text); returns its id';
