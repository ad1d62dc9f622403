/* plandata--0.1.sql: the first release — the taskcode type */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION plandata" to load this file. \quit

--------------------------------------------------------------------------
-- taskcode: the numbering path of an item in a plan (4.15 = （十五） under 四、)
-- 8 bytes, passed by value; see README "taskcode" for the limits.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.taskcode;

CREATE FUNCTION @extschema@.taskcode_in(cstring) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_out(@extschema@.taskcode) RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_recv(internal) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_send(@extschema@.taskcode) RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.taskcode (
	INPUT = @extschema@.taskcode_in,
	OUTPUT = @extschema@.taskcode_out,
	RECEIVE = @extschema@.taskcode_recv,
	SEND = @extschema@.taskcode_send,
	INTERNALLENGTH = 8,
	PASSEDBYVALUE,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.taskcode IS
	'numbering path of an item in a plan document, e.g. 4.15 for （十五） under 四、';

-- comparison
CREATE FUNCTION @extschema@.taskcode_eq(@extschema@.taskcode, @extschema@.taskcode) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.taskcode_ne(@extschema@.taskcode, @extschema@.taskcode) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.taskcode_lt(@extschema@.taskcode, @extschema@.taskcode) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.taskcode_le(@extschema@.taskcode, @extschema@.taskcode) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.taskcode_gt(@extschema@.taskcode, @extschema@.taskcode) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.taskcode_ge(@extschema@.taskcode, @extschema@.taskcode) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.taskcode_cmp(@extschema@.taskcode, @extschema@.taskcode) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.taskcode_sortsupport(internal) RETURNS void
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_hash(@extschema@.taskcode) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.taskcode_hash_extended(@extschema@.taskcode, int8) RETURNS int8
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- hierarchy; the support function turns <@ / @> into btree range conditions
CREATE FUNCTION @extschema@.taskcode_support(internal) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_isdescendant(@extschema@.taskcode, @extschema@.taskcode) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.taskcode_support;
CREATE FUNCTION @extschema@.taskcode_isancestor(@extschema@.taskcode, @extschema@.taskcode) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.taskcode_support;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.taskcode, RIGHTARG = @extschema@.taskcode,
	FUNCTION = @extschema@.taskcode_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.taskcode, RIGHTARG = @extschema@.taskcode,
	FUNCTION = @extschema@.taskcode_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.taskcode, RIGHTARG = @extschema@.taskcode,
	FUNCTION = @extschema@.taskcode_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.taskcode, RIGHTARG = @extschema@.taskcode,
	FUNCTION = @extschema@.taskcode_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.taskcode, RIGHTARG = @extschema@.taskcode,
	FUNCTION = @extschema@.taskcode_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.taskcode, RIGHTARG = @extschema@.taskcode,
	FUNCTION = @extschema@.taskcode_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.taskcode, RIGHTARG = @extschema@.taskcode,
	FUNCTION = @extschema@.taskcode_isdescendant,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.taskcode, RIGHTARG = @extschema@.taskcode,
	FUNCTION = @extschema@.taskcode_isancestor,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = contsel, JOIN = contjoinsel
);

CREATE OPERATOR CLASS @extschema@.taskcode_ops
DEFAULT FOR TYPE @extschema@.taskcode USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.taskcode_cmp(@extschema@.taskcode, @extschema@.taskcode),
	FUNCTION 2 @extschema@.taskcode_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.taskcode_hash_ops
DEFAULT FOR TYPE @extschema@.taskcode USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.taskcode_hash(@extschema@.taskcode),
	FUNCTION 2 @extschema@.taskcode_hash_extended(@extschema@.taskcode, int8);

-- min() and max(), as for any ordered type
CREATE FUNCTION @extschema@.taskcode_larger(@extschema@.taskcode, @extschema@.taskcode) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_smaller(@extschema@.taskcode, @extschema@.taskcode) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE AGGREGATE @extschema@.max(@extschema@.taskcode) (
	SFUNC = @extschema@.taskcode_larger, STYPE = @extschema@.taskcode,
	SORTOP = OPERATOR(@extschema@.>), COMBINEFUNC = @extschema@.taskcode_larger, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.min(@extschema@.taskcode) (
	SFUNC = @extschema@.taskcode_smaller, STYPE = @extschema@.taskcode,
	SORTOP = OPERATOR(@extschema@.<), COMBINEFUNC = @extschema@.taskcode_smaller, PARALLEL = SAFE
);

-- path functions
CREATE FUNCTION @extschema@.nlevel(@extschema@.taskcode) RETURNS int4
AS 'MODULE_PATHNAME', 'taskcode_nlevel' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_parent(@extschema@.taskcode) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_ancestor(@extschema@.taskcode, level int4) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.subpath(@extschema@.taskcode, int4, int4) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME', 'taskcode_subpath' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.subpath(@extschema@.taskcode, int4) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME', 'taskcode_subpath' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_last(@extschema@.taskcode) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_component(@extschema@.taskcode, level int4) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_child(@extschema@.taskcode, int4) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_label(@extschema@.taskcode, full boolean DEFAULT false) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode_to_array(@extschema@.taskcode) RETURNS int4[]
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.taskcode(int4[]) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME', 'taskcode_from_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- casts: text both ways (explicit: a code is not a string), int4[] both ways
CREATE FUNCTION @extschema@.taskcode(text) RETURNS @extschema@.taskcode
AS 'MODULE_PATHNAME', 'taskcode_from_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.text(@extschema@.taskcode) RETURNS text
AS 'MODULE_PATHNAME', 'taskcode_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (text AS @extschema@.taskcode) WITH FUNCTION @extschema@.taskcode(text);
CREATE CAST (@extschema@.taskcode AS text) WITH FUNCTION @extschema@.text(@extschema@.taskcode);
CREATE CAST (@extschema@.taskcode AS int4[]) WITH FUNCTION @extschema@.taskcode_to_array(@extschema@.taskcode);
CREATE CAST (int4[] AS @extschema@.taskcode) WITH FUNCTION @extschema@.taskcode(int4[]);
