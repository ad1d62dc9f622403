-- since 0.4
--------------------------------------------------------------------------
-- Plans as they are published: planload reads HTML pages, Word, PDF and OFD
-- files, extracts their text and stores it through plan_load_file() with
-- the file's format, the digest of its original bytes and the metadata the
-- page states about itself (the gov.cn table: 发文字号, 发文机关, 成文日期,
-- 主题分类).
--
-- One plan, one row: a document is the same as a stored one when
--   1. its text is the same (content_hash, as plan_load always did), or
--   2. it is the same file (original_sha256: the bytes before extraction), or
--   3. its text key is the same — the text folded (plan_fold: full-width
--      as half-width, Traditional as Simplified) with every white space
--      character removed — it is in the same script (a Traditional edition
--      of a plan is a document of its own), and the two 发文字号 do not
--      disagree (equal, or one of them unknown).
-- So a plan loaded as .txt and again as .docx, .pdf or .html, whose texts
-- differ only in line breaks, indentation and spacing, is stored once.  A
-- stored plan met again as a web page takes from the page's table the
-- metadata it lacks (NULL columns only: nothing stored is overwritten).
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_text_key(body text) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
	SELECT pg_catalog.sha256(pg_catalog.convert_to(
		pg_catalog.regexp_replace(@extschema@.plan_fold(body),
		                          '[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+', '', 'g'),
		'UTF8'))
$$;
COMMENT ON FUNCTION @extschema@.plan_text_key(text) IS
	'sha256 of the folded text without white space: the key of the same-document rule of plan_load_file';

CREATE FUNCTION @extschema@.plan_load_file(body text, source text, format text DEFAULT 'text',
	original_sha256 bytea DEFAULT NULL, meta jsonb DEFAULT NULL, id bigint DEFAULT NULL,
	OUT document_id bigint, OUT inserted boolean,
	OUT tasks int, OUT units int, OUT targets int)
RETURNS record
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
DECLARE
	h bytea;
	k bytea;
	info record;
	m_docno @extschema@.docno;
	m_issued date;
BEGIN
	-- not STRICT: source, the digest, meta and id may be NULL; a NULL body stores nothing
	IF body IS NULL THEN
		RETURN;
	END IF;
	h := sha256(convert_to(body, 'UTF8'));
	-- one load per text at a time (plan_load(body, source, id), 90_load_id.sql:
	-- the pair form, first key 'plnd'), taken before the text is looked up
	PERFORM pg_advisory_xact_lock(1886154340, ('x' || encode(substr(h, 1, 4), 'hex'))::bit(32)::int);
	inserted := false;
	-- 1. the same text: one index probe, no parse
	SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
	-- 2. the same file
	IF document_id IS NULL AND plan_load_file.original_sha256 IS NOT NULL THEN
		SELECT d.id INTO document_id FROM plan_document d
		WHERE d.original_sha256 = plan_load_file.original_sha256 ORDER BY d.id LIMIT 1;
	END IF;
	IF document_id IS NULL THEN
		k := plan_text_key(body);
		-- loads of one plan in two texts (formats) wait for each other: a second
		-- lock, on the key, in a key space of its own ('plnk'), always taken
		-- after the text's, so the two kinds never wait on each other in a cycle
		PERFORM pg_advisory_xact_lock(1886154347, ('x' || encode(substr(k, 1, 4), 'hex'))::bit(32)::int);
		SELECT * INTO info FROM plan_info(body);
		-- the page's own metadata first, what the text says otherwise
		IF meta ->> 'docno' IS NOT NULL THEN
			SELECT c.docno INTO m_docno FROM plan_docnos(meta ->> 'docno') c
			ORDER BY c.start_offset LIMIT 1;
		END IF;
		m_docno := coalesce(m_docno, info.docno);
		IF meta ->> 'issued' ~ '^\d{4}-\d{2}-\d{2}$' THEN
			BEGIN
				m_issued := (meta ->> 'issued')::date;
			EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
				m_issued := NULL;
			END;
		END IF;
		-- 3. the same plan from another file or format
		SELECT d.id INTO document_id FROM plan_document d
		WHERE d.text_key = k AND d.script IS NOT DISTINCT FROM info.script
		  AND (d.docno IS NULL OR m_docno IS NULL OR d.docno = m_docno)
		ORDER BY d.id LIMIT 1;
		IF document_id IS NULL THEN
			-- ON CONFLICT without a target: accepted by a partitioned table over
			-- postgres_fdw foreign tables too (the sharded layout).  Under the
			-- lock a conflict means an id that is taken already, or a
			-- REPEATABLE READ snapshot taken before another load of this text
			-- committed.
			INSERT INTO plan_document (id, docno, title, issuer, issued, script, body, content_hash, source,
			                           format, original_sha256, subject, text_key)
			VALUES (coalesce(plan_load_file.id, nextval('@extschema@.plan_document_id_seq')),
			        m_docno, coalesce(info.title, nullif(meta ->> 'title', '')),
			        coalesce(nullif(meta ->> 'issuer', ''), info.issuer), coalesce(m_issued, info.issued),
			        info.script, body, h, source, coalesce(plan_load_file.format, 'text'),
			        plan_load_file.original_sha256, nullif(meta ->> 'subject', ''), k)
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
				IF document_id IS NULL AND plan_load_file.id IS NOT NULL
				   AND EXISTS (SELECT FROM plan_document d WHERE d.id = plan_load_file.id) THEN
					RAISE EXCEPTION 'document id % is taken by another text', plan_load_file.id
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
	END IF;
	-- a stored plan met again as a page: the metadata it lacked, from the page's table
	IF NOT inserted AND document_id IS NOT NULL AND meta IS NOT NULL THEN
		IF m_docno IS NULL AND meta ->> 'docno' IS NOT NULL THEN
			SELECT c.docno INTO m_docno FROM plan_docnos(meta ->> 'docno') c ORDER BY c.start_offset LIMIT 1;
		END IF;
		IF m_issued IS NULL AND meta ->> 'issued' ~ '^\d{4}-\d{2}-\d{2}$' THEN
			BEGIN
				m_issued := (meta ->> 'issued')::date;
			EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
				m_issued := NULL;
			END;
		END IF;
		UPDATE plan_document d
		SET docno = coalesce(d.docno, m_docno),
		    issuer = coalesce(d.issuer, nullif(meta ->> 'issuer', '')),
		    issued = coalesce(d.issued, m_issued),
		    subject = coalesce(d.subject, nullif(meta ->> 'subject', ''))
		WHERE d.id = plan_load_file.document_id
		  AND ((d.docno IS NULL AND m_docno IS NOT NULL)
		       OR (d.issuer IS NULL AND nullif(meta ->> 'issuer', '') IS NOT NULL)
		       OR (d.issued IS NULL AND m_issued IS NOT NULL)
		       OR (d.subject IS NULL AND nullif(meta ->> 'subject', '') IS NOT NULL));
	END IF;
	SELECT count(*) INTO tasks FROM plan_task t WHERE t.document_id = plan_load_file.document_id;
	SELECT count(*) INTO units FROM plan_task_unit u WHERE u.document_id = plan_load_file.document_id;
	SELECT count(*) INTO targets FROM plan_target g WHERE g.document_id = plan_load_file.document_id;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_load_file(text, text, text, bytea, jsonb, bigint) IS
	'parse and store a plan extracted from a file (format, digest of the original bytes, page metadata; optionally under a given id) unless the same plan is stored already';
