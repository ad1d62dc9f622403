--------------------------------------------------------------------------
-- Storage: documents and their tasks, filled by plan_load()/plan_ingest().
-- The tables are extension members marked with pg_extension_config_dump,
-- so pg_dump carries the user's rows and the sequence position.
--------------------------------------------------------------------------

CREATE SEQUENCE @extschema@.plan_document_id_seq;

CREATE TABLE @extschema@.plan_document (
	id           bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.plan_document_id_seq'),
	docno        @extschema@.docno,
	title        text,
	issuer       text,
	issued       date,
	script       text,
	body         text NOT NULL,
	content_hash bytea NOT NULL UNIQUE,
	source       text,
	loaded_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
	-- since 0.4 (planload's formats): what the file was, its bytes' digest,
	-- the page's 主题分类, and the key of the same-document rule (plan_text_key)
	format          text,
	original_sha256 bytea,
	subject         text,
	text_key        bytea
);
ALTER SEQUENCE @extschema@.plan_document_id_seq OWNED BY @extschema@.plan_document.id;
COMMENT ON TABLE @extschema@.plan_document IS 'plan documents, one row per distinct text (content_hash = sha256 of the UTF-8 body)';

COMMENT ON COLUMN @extschema@.plan_document.format IS 'what the text was extracted from: text, html, docx, pdf or ofd (planload; since 0.4)';
COMMENT ON COLUMN @extschema@.plan_document.original_sha256 IS 'sha256 of the file''s bytes before extraction (planload; since 0.4)';
COMMENT ON COLUMN @extschema@.plan_document.subject IS '主题分类 as the publishing page states it (since 0.4)';
COMMENT ON COLUMN @extschema@.plan_document.text_key IS 'plan_text_key(body): the same plan in another format has the same key (since 0.4)';

CREATE INDEX plan_document_docno_idx ON @extschema@.plan_document (docno);
CREATE INDEX plan_document_text_key_idx ON @extschema@.plan_document (text_key);
CREATE INDEX plan_document_original_sha256_idx ON @extschema@.plan_document (original_sha256);

-- the documents a stored document cites (plan_docnos(body), role cites)
CREATE TABLE @extschema@.plan_citation (
	document_id  bigint NOT NULL REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE,
	docno        @extschema@.docno NOT NULL,
	occurrences  int NOT NULL,
	PRIMARY KEY (document_id, docno)
);
CREATE INDEX plan_citation_docno_idx ON @extschema@.plan_citation (docno);

CREATE TABLE @extschema@.plan_task (
	document_id  bigint NOT NULL REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE,
	ord          int NOT NULL,
	part         int NOT NULL,
	code         @extschema@.taskcode NOT NULL,
	depth        int NOT NULL,
	parent_code  @extschema@.taskcode,
	heading      text NOT NULL,
	body         text NOT NULL,
	line         int,
	start_offset int,
	end_offset   int,
	PRIMARY KEY (document_id, ord)
);
CREATE INDEX plan_task_code_idx ON @extschema@.plan_task (document_id, part, code);
COMMENT ON TABLE @extschema@.plan_task IS 'numbered items of the stored documents (plan_tasks() of their bodies)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_document', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_document_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_task', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_citation', '');

-- A trusted install (CREATE privilege on the database is enough) runs this
-- script as the bootstrap superuser, who then owns these tables: give the
-- user who installed the extension full use of them, to pass on as they see fit.
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_document, @extschema@.plan_citation,
	@extschema@.plan_task TO @extowner@ WITH GRANT OPTION;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE @extschema@.plan_document_id_seq TO @extowner@ WITH GRANT OPTION;
