--------------------------------------------------------------------------
-- target: a quantitative target of a plan — comparator, value (or range),
-- unit as printed, per year; e.g. >=76%, ~65万人/年, [2,3]个, +7%/年.
-- See README "target" for the input forms, the unit table and the limits.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.target;

CREATE FUNCTION @extschema@.target_in(cstring) RETURNS @extschema@.target
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_out(@extschema@.target) RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_recv(internal) RETURNS @extschema@.target
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_send(@extschema@.target) RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- varlena: the unit is kept as printed; >=76% takes 8 bytes on disk
CREATE TYPE @extschema@.target (
	INPUT = @extschema@.target_in,
	OUTPUT = @extschema@.target_out,
	RECEIVE = @extschema@.target_recv,
	SEND = @extschema@.target_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = main
);
COMMENT ON TYPE @extschema@.target IS
	'quantitative target of a plan: comparator, value or range, unit as printed, per year (e.g. >=76%, ~65万人/年)';

-- comparison: kind, dimension, value in the base unit, then the printed form
CREATE FUNCTION @extschema@.target_eq(@extschema@.target, @extschema@.target) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.target_ne(@extschema@.target, @extschema@.target) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.target_lt(@extschema@.target, @extschema@.target) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.target_le(@extschema@.target, @extschema@.target) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.target_gt(@extschema@.target, @extschema@.target) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.target_ge(@extschema@.target, @extschema@.target) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.target_cmp(@extschema@.target, @extschema@.target) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.target_sortsupport(internal) RETURNS void
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_hash(@extschema@.target) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.target_hash_extended(@extschema@.target, int8) RETURNS int8
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
	FUNCTION = @extschema@.target_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
	FUNCTION = @extschema@.target_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
	FUNCTION = @extschema@.target_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
	FUNCTION = @extschema@.target_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
	FUNCTION = @extschema@.target_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
	FUNCTION = @extschema@.target_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.target_ops
DEFAULT FOR TYPE @extschema@.target USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.target_cmp(@extschema@.target, @extschema@.target),
	FUNCTION 2 @extschema@.target_sortsupport(internal);

CREATE OPERATOR CLASS @extschema@.target_hash_ops
DEFAULT FOR TYPE @extschema@.target USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.target_hash(@extschema@.target),
	FUNCTION 2 @extschema@.target_hash_extended(@extschema@.target, int8);

-- casts: text both ways, explicit (as for taskcode)
CREATE FUNCTION @extschema@.target(text) RETURNS @extschema@.target
AS 'MODULE_PATHNAME', 'target_from_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.text(@extschema@.target) RETURNS text
AS 'MODULE_PATHNAME', 'target_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (text AS @extschema@.target) WITH FUNCTION @extschema@.target(text);
CREATE CAST (@extschema@.target AS text) WITH FUNCTION @extschema@.text(@extschema@.target);

-- accessors
CREATE FUNCTION @extschema@.target_op(@extschema@.target) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_op(@extschema@.target) IS
	'comparator: >=, >, <=, <, =, ~ (about: within 5%) or range';
CREATE FUNCTION @extschema@.target_value(@extschema@.target) RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_value(@extschema@.target) IS
	'value as printed (65 for 65万人; signed for growth targets); the lower bound of a range';
CREATE FUNCTION @extschema@.target_value_hi(@extschema@.target) RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_value_hi(@extschema@.target) IS
	'upper bound of a range, NULL otherwise';
CREATE FUNCTION @extschema@.target_unit(@extschema@.target) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_unit(@extschema@.target) IS
	'unit as printed, folded to Simplified and half-width (万人, %); empty for a pure number';
CREATE FUNCTION @extschema@.target_base_value(@extschema@.target) RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_base_value(@extschema@.target) IS
	'value in the base unit of its dimension (650000 for 65万人)';
CREATE FUNCTION @extschema@.target_base_value_hi(@extschema@.target) RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_base_value_hi(@extschema@.target) IS
	'upper bound of a range in the base unit, NULL otherwise';
CREATE FUNCTION @extschema@.target_base_unit(@extschema@.target) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_base_unit(@extschema@.target) IS
	'base unit of the dimension (人, 元, 米 …), NULL for units outside the unit table';
CREATE FUNCTION @extschema@.target_dimension(@extschema@.target) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_dimension(@extschema@.target) IS
	'dimension of the unit: percent, percentage_points, persons, money, count, length, … or unknown';
CREATE FUNCTION @extschema@.target_kind(@extschema@.target) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_kind(@extschema@.target) IS
	'level (达到76%) or growth (年均增长7%, 提高2个百分点, 下降13.5%)';
CREATE FUNCTION @extschema@.target_per_year(@extschema@.target) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_per_year(@extschema@.target) IS
	'true for per-year targets (每年, 年均, /年)';

-- checking actual values
CREATE FUNCTION @extschema@.target_met(@extschema@.target, actual numeric) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_met(@extschema@.target, numeric) IS
	'is the actual value (in the target''s unit) within the target?';
CREATE FUNCTION @extschema@.target_met(@extschema@.target, actual numeric, unit text) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_met(@extschema@.target, numeric, text) IS
	'is the actual value, given in unit, within the target? another dimension is an error';
CREATE FUNCTION @extschema@.target_gap(@extschema@.target, actual numeric) RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_gap(@extschema@.target, numeric) IS
	'how far the actual value is from the target, in the target''s unit: 0 when met, positive when it must rise';
CREATE FUNCTION @extschema@.target_gap(@extschema@.target, actual numeric, unit text) RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_gap(@extschema@.target, numeric, text) IS
	'target_gap with the actual value given in unit (converted to the target''s unit)';

-- the extractor
CREATE FUNCTION @extschema@.target_extract(txt text, year int4 DEFAULT NULL,
	OUT indicator text, OUT target @extschema@.target, OUT kind text, OUT year int4, OUT period text,
	OUT aspirational boolean, OUT raw text, OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 5 COST 100;
COMMENT ON FUNCTION @extschema@.target_extract(text, int4) IS
	'quantitative targets in running text (a governing year may be given); kind: level, output, change or limit; offsets are 0-based characters';

CREATE FUNCTION @extschema@.plan_targets(doc text,
	OUT code @extschema@.taskcode, OUT indicator text, OUT target @extschema@.target, OUT kind text, OUT year int4,
	OUT period text, OUT aspirational boolean, OUT raw text, OUT part int4, OUT ord int4,
	OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10 COST 2000;
COMMENT ON FUNCTION @extschema@.plan_targets(text) IS
	'quantitative targets of a plan document, each with the code of the item that states it (ord = plan_tasks.ord; NULL code and ord: a plan-level target stated before the first item); kind: level, output, change or limit';

-- units of actual values
CREATE FUNCTION @extschema@.target_convert(@extschema@.target, actual numeric, unit text) RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_convert(@extschema@.target, numeric, text) IS
	'the actual value, given in unit, expressed in the target''s unit; another dimension is an error';
CREATE FUNCTION @extschema@.target_compatible(@extschema@.target, unit text) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_compatible(@extschema@.target, text) IS
	'can an actual value in unit be compared with the target (same dimension, or the same unit outside the table)?';
