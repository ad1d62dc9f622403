-- 0.3 -> 0.4, planload's formats (HTML, DOCX, PDF, OFD): plan_document gets
-- the file's format, the digest of its original bytes, the page's 主题分类
-- and the text key of the same-document rule; plan_load hands its work to
-- plan_load_file (new in sql/install/88_intake.sql, which runs before this).
ALTER TABLE @extschema@.plan_document
	ADD COLUMN format text,
	ADD COLUMN original_sha256 bytea,
	ADD COLUMN subject text,
	ADD COLUMN text_key bytea;
COMMENT ON COLUMN @extschema@.plan_document.format IS 'what the text was extracted from: text, html, docx, pdf or ofd (planload; since 0.4)';
COMMENT ON COLUMN @extschema@.plan_document.original_sha256 IS 'sha256 of the file''s bytes before extraction (planload; since 0.4)';
COMMENT ON COLUMN @extschema@.plan_document.subject IS '主题分类 as the publishing page states it (since 0.4)';
COMMENT ON COLUMN @extschema@.plan_document.text_key IS 'plan_text_key(body): the same plan in another format has the same key (since 0.4)';
-- documents stored by 0.3 were loaded as text
UPDATE @extschema@.plan_document SET format = 'text', text_key = @extschema@.plan_text_key(body);
CREATE INDEX plan_document_text_key_idx ON @extschema@.plan_document (text_key);
CREATE INDEX plan_document_original_sha256_idx ON @extschema@.plan_document (original_sha256);

CREATE OR REPLACE FUNCTION @extschema@.plan_load(body text, source text DEFAULT NULL,
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
