--------------------------------------------------------------------------
-- Ingest: parse a document and store it with everything found in it, once.
-- A document is identified by its text: loading the same text again stores
-- nothing and returns the same id (inserted = false).  Concurrent loads of
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
DECLARE
	h bytea := sha256(convert_to(body, 'UTF8'));
	info record;
BEGIN
	-- not STRICT: source may be NULL; a NULL body stores nothing
	IF body IS NULL THEN
		RETURN;
	END IF;
	-- a text stored already costs one index probe, not a parse
	SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
	inserted := false;
	IF document_id IS NULL THEN
		SELECT * INTO info FROM plan_info(body);
		INSERT INTO plan_document (docno, title, issuer, issued, script, body, content_hash, source)
		VALUES (info.docno, info.title, info.issuer, info.issued, info.script, body, h, source)
		ON CONFLICT (content_hash) DO NOTHING
		RETURNING id INTO document_id;

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
			-- since 0.4
			INSERT INTO plan_deadline (document_id, ord, n, part, code, due, kind, inherited, raw,
			                           start_offset, end_offset)
			SELECT document_id, x.ord, row_number() OVER (), x.part, x.code, x.due, x.kind, x.inherited,
			       x.raw, x.start_offset, x.end_offset
			FROM plan_deadlines(body) x;
		ELSE
			-- a concurrent load of the same text committed first
			SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
		END IF;
	END IF;
	SELECT count(*) INTO tasks FROM plan_task t WHERE t.document_id = plan_load.document_id;
	SELECT count(*) INTO units FROM plan_task_unit u WHERE u.document_id = plan_load.document_id;
	SELECT count(*) INTO targets FROM plan_target g WHERE g.document_id = plan_load.document_id;
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
