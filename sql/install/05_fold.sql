-- Traditional -> Simplified (OpenCC's character table, compiled in) and
-- full-width -> ASCII, one character at a time: the parser's own notion of
-- "the same text".  Changes only with an extension version (IMMUTABLE).
CREATE FUNCTION @extschema@.plan_fold(text) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_fold(text) IS
	'fold Traditional to Simplified and full-width to ASCII, as the parser compares text';
