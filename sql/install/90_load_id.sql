-- since 0.4
--------------------------------------------------------------------------
-- Loading under a given document id: the one implementation of plan_load.
-- plan_load(body, source) is this with id NULL (the next value of
-- plan_document_id_seq).  A loader that writes straight into the shard that
-- owns a document takes the id from the coordinator's sequence and calls
-- this on the owner (doc/scaling.md).
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
DECLARE
	h bytea;
	info record;
BEGIN
	-- not STRICT: source and id may be NULL; a NULL body stores nothing
	IF body IS NULL THEN
		RETURN;
	END IF;
	h := sha256(convert_to(body, 'UTF8'));
	PERFORM pg_advisory_xact_lock(1886154340, ('x' || encode(substr(h, 1, 4), 'hex'))::bit(32)::int);
	-- a text stored already costs one index probe, not a parse
	SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
	inserted := false;
	IF document_id IS NULL THEN
		SELECT * INTO info FROM plan_info(body);
		-- ON CONFLICT without a target: accepted by a partitioned table over
		-- postgres_fdw foreign tables too.  Under the lock a conflict means
		-- an id that is taken already, or a REPEATABLE READ snapshot taken
		-- before another load of this text committed.
		INSERT INTO plan_document (id, docno, title, issuer, issued, script, body, content_hash, source)
		VALUES (coalesce(plan_load.id, nextval('@extschema@.plan_document_id_seq')),
		        info.docno, info.title, info.issuer, info.issued, info.script, body, h, source)
		ON CONFLICT DO NOTHING
		RETURNING plan_document.id INTO document_id;

		inserted := document_id IS NOT NULL;
		IF inserted THEN
			INSERT INTO plan_task (document_id, ord, part, code, depth, parent_code, heading, body,
			                       line, start_offset, end_offset)
			SELECT document_id, t.ord, t.part, t.code, t.depth, t.parent, t.heading, t.body,
			       t.line, t.start_offset, t.end_offset
			FROM plan_tasks(body) t;
			INSERT INTO plan_citation (document_id, docno, occurrences)
			SELECT document_id, c.docno, c.occurrences FROM plan_docnos(body) c WHERE c.role = 'cites';
			INSERT INTO plan_task_unit (document_id, ord, part, code, unit, role, raw)
			SELECT document_id, u.ord, u.part, u.code, u.unit, u.role, u.raw
			FROM plan_units(body) u;
			INSERT INTO plan_target (document_id, ord, n, part, code, indicator, target, kind, year,
			                         period, aspirational, raw)
			SELECT document_id, g.ord, row_number() OVER (), g.part, g.code, g.indicator, g.target, g.kind,
			       g.year, g.period, g.aspirational, g.raw
			FROM plan_targets(body) g;
			INSERT INTO plan_deadline (document_id, ord, n, part, code, due, kind, inherited, raw,
			                           start_offset, end_offset)
			SELECT document_id, x.ord, row_number() OVER (), x.part, x.code, x.due, x.kind, x.inherited,
			       x.raw, x.start_offset, x.end_offset
			FROM plan_deadlines(body) x;
		ELSE
			SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
			IF document_id IS NULL AND plan_load.id IS NOT NULL
			   AND EXISTS (SELECT FROM plan_document d WHERE d.id = plan_load.id) THEN
				RAISE EXCEPTION 'document id % is taken by another text', plan_load.id
					USING ERRCODE = 'unique_violation',
					      HINT = 'Take ids for new documents from plan_document_id_seq.';
			ELSIF document_id IS NULL THEN
				RAISE EXCEPTION 'could not serialize access: the same text was stored concurrently'
					USING ERRCODE = 'serialization_failure',
					      DETAIL = 'The transaction''s snapshot was taken before the other load committed.',
					      HINT = 'Retry the transaction.';
			END IF;
		END IF;
	END IF;
	SELECT count(*) INTO tasks FROM plan_task t WHERE t.document_id = plan_load.document_id;
	SELECT count(*) INTO units FROM plan_task_unit u WHERE u.document_id = plan_load.document_id;
	SELECT count(*) INTO targets FROM plan_target g WHERE g.document_id = plan_load.document_id;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_load(text, text, bigint) IS
	'plan_load() storing a new text under the given id (NULL: the next of plan_document_id_seq); used to load straight into a shard';
