-- 0.3 -> 0.4, planload's formats (HTML, DOCX, PDF, OFD): plan_document gets
-- the file's format, the digest of its original bytes, the page's 主题分类
-- and the text key of the same-document rule (plan_text_key, new in
-- sql/install/88_intake.sql, which runs before this).
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
-- plan_load(body, source) goes through plan_load(body, source, id) (90_scale.sql)
-- to plan_load_file, which does the work since 0.4
