-- plandata 0.2: folded dictionary matching as a SQL function (plandata_geo finds places with it)

CREATE FUNCTION @extschema@.plan_match_terms(doc text, terms text[], stop_suffixes text[] DEFAULT '{}',
	OUT term int, OUT pos int, OUT len int)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20 COST 1000;
COMMENT ON FUNCTION @extschema@.plan_match_terms(text, text[], text[]) IS
	'leftmost-longest matches of terms in doc, compared folded; term = subscript into terms, pos/len in characters (substr(doc, pos, len) is the text as printed); a match followed by a stop suffix is rejected';
