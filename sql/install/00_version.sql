-- plandata 0.2 (0.3): the version function shared by every front end
CREATE FUNCTION @extschema@.plandata_version() RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plandata_version() IS 'version of the plandata library (its parser core)';
