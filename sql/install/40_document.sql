--------------------------------------------------------------------------
-- The document parser: a plan as numbered items, its parts and metadata.
-- All three parse the text on every call (IMMUTABLE: the answer depends on
-- the text and the extension version only).
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_tasks(doc text,
	OUT ord int4, OUT part int4, OUT code @extschema@.taskcode, OUT depth int4,
	OUT parent @extschema@.taskcode, OUT heading text, OUT body text, OUT line int4,
	OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 40 COST 1500;
COMMENT ON FUNCTION @extschema@.plan_tasks(text) IS
	'numbered items of a plan document in document order: task code, heading, text as printed, offsets';

CREATE FUNCTION @extschema@.plan_parts(doc text,
	OUT part int4, OUT title text, OUT tasks int4, OUT start_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2 COST 1000;
COMMENT ON FUNCTION @extschema@.plan_parts(text) IS
	'attached texts (附件) of a plan document, each numbered from 一、';

CREATE FUNCTION @extschema@.plan_info(doc text,
	OUT title text, OUT docno @extschema@.docno, OUT docno_text text, OUT issuer text,
	OUT issued date, OUT script text,
	OUT body_offset int4, OUT parts int4, OUT tasks int4, OUT skipped int4)
RETURNS record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.plan_info(text) IS
	'metadata of a plan document: title, own 发文字号 (and as printed), issuer, date, script';
