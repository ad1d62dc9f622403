-- since 0.4
--------------------------------------------------------------------------
-- Loading under a given document id.  plan_load(body, source) is this with
-- id NULL (the next value of plan_document_id_seq); both are
-- plan_load_file(body, source, 'text', NULL, NULL, id) (88_intake.sql), the
-- one implementation, which takes the lock below.  A loader that writes
-- straight into the shard that owns a document takes the id from the
-- coordinator's sequence and calls this on the owner (doc/scaling.md).
--
-- One load per text at a time: a transaction-level advisory lock keyed on
-- the text's SHA-256 (the pair form, first key 'plnd', so it never meets a
-- user's one-key advisory locks) is taken before the text is looked up.  A
-- second load of the same text waits for the first to commit and then finds
-- its row, whatever unique indexes the tables have: on the coordinator of
-- the sharded layout plan_document is partitioned over foreign tables and
-- has no unique index across its shards.  Different texts that share the
-- lock key (one in 2^32) only wait for each other.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_load(body text, source text, id bigint,
	OUT document_id bigint, OUT inserted boolean,
	OUT tasks int, OUT units int, OUT targets int)
RETURNS record
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
BEGIN
	-- the work, the lock and the same-document rule: plan_load_file (88_intake.sql)
	SELECT f.document_id, f.inserted, f.tasks, f.units, f.targets
	INTO document_id, inserted, tasks, units, targets
	FROM plan_load_file(body, source, 'text', NULL, NULL, plan_load.id) f;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_load(text, text, bigint) IS
	'plan_load() storing a new text under the given id (NULL: the next of plan_document_id_seq); used to load straight into a shard';
