-- plandata 0.2: folding and dictionary matching as SQL functions (used by plandata_geo)

CREATE FUNCTION @extschema@.plan_fold(text) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_fold(text) IS
	'the text as plandata compares it: full-width forms to ASCII, Traditional to Simplified (OpenCC table)';

CREATE FUNCTION @extschema@.plan_match_terms(doc text, terms text[], stop_suffixes text[] DEFAULT '{}',
	OUT term int, OUT pos int, OUT len int)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.plan_match_terms(text, text[], text[]) IS
	'leftmost-longest matches of terms in doc, compared folded; term = subscript into terms, pos/len in characters (substr(doc, pos, len) is the text as printed); a match followed by a stop suffix is rejected';
