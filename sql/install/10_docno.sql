--------------------------------------------------------------------------
-- docno: 发文字号, a document number such as 渝府发〔2025〕4号
-- issuer code (Simplified), year, serial; see README "docno" for the limits.
-- Stored as issuer UTF-8 | 0x00 | year (2 bytes) | serial (3 bytes), so the
-- btree order is issuer (byte order), year, serial and hashing is bytewise.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.docno;

CREATE FUNCTION @extschema@.docno_in(cstring) RETURNS @extschema@.docno
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.docno_out(@extschema@.docno) RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.docno_recv(internal) RETURNS @extschema@.docno
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.docno_send(@extschema@.docno) RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.docno (
	INPUT = @extschema@.docno_in,
	OUTPUT = @extschema@.docno_out,
	RECEIVE = @extschema@.docno_recv,
	SEND = @extschema@.docno_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = main
);
COMMENT ON TYPE @extschema@.docno IS
	'发文字号 (document number): issuer code, year and serial, e.g. 渝府发〔2025〕4号';

-- comparison
CREATE FUNCTION @extschema@.docno_eq(@extschema@.docno, @extschema@.docno) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.docno_ne(@extschema@.docno, @extschema@.docno) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.docno_lt(@extschema@.docno, @extschema@.docno) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.docno_le(@extschema@.docno, @extschema@.docno) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.docno_gt(@extschema@.docno, @extschema@.docno) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.docno_ge(@extschema@.docno, @extschema@.docno) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.docno_cmp(@extschema@.docno, @extschema@.docno) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.docno_sortsupport(internal) RETURNS void
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.docno_hash(@extschema@.docno) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.docno_hash_extended(@extschema@.docno, int8) RETURNS int8
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.docno, RIGHTARG = @extschema@.docno,
	FUNCTION = @extschema@.docno_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.docno, RIGHTARG = @extschema@.docno,
	FUNCTION = @extschema@.docno_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.docno, RIGHTARG = @extschema@.docno,
	FUNCTION = @extschema@.docno_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.docno, RIGHTARG = @extschema@.docno,
	FUNCTION = @extschema@.docno_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.docno, RIGHTARG = @extschema@.docno,
	FUNCTION = @extschema@.docno_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.docno, RIGHTARG = @extschema@.docno,
	FUNCTION = @extschema@.docno_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.docno_ops
DEFAULT FOR TYPE @extschema@.docno USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.docno_cmp(@extschema@.docno, @extschema@.docno),
	FUNCTION 2 @extschema@.docno_sortsupport(internal),
	-- equal values have identical bytes: btree deduplication is safe
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.docno_hash_ops
DEFAULT FOR TYPE @extschema@.docno USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.docno_hash(@extschema@.docno),
	FUNCTION 2 @extschema@.docno_hash_extended(@extschema@.docno, int8);

-- parts
CREATE FUNCTION @extschema@.docno(issuer text, year int4, serial int4) RETURNS @extschema@.docno
AS 'MODULE_PATHNAME', 'docno_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.docno_issuer(@extschema@.docno) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.docno_year(@extschema@.docno) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.docno_serial(@extschema@.docno) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- casts to and from text (explicit, as for taskcode)
CREATE FUNCTION @extschema@.docno(text) RETURNS @extschema@.docno
AS 'MODULE_PATHNAME', 'docno_from_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.text(@extschema@.docno) RETURNS text
AS 'MODULE_PATHNAME', 'docno_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (text AS @extschema@.docno) WITH FUNCTION @extschema@.docno(text);
CREATE CAST (@extschema@.docno AS text) WITH FUNCTION @extschema@.text(@extschema@.docno);

-- the numbers of a document: its own (role 'self') and the ones it cites;
-- one row per distinct number, offsets in characters (0-based, end exclusive)
CREATE FUNCTION @extschema@.plan_docnos(doc text)
RETURNS TABLE (docno @extschema@.docno, role text, raw text,
               start_offset int4, end_offset int4, occurrences int4)
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4 COST 1000;
COMMENT ON FUNCTION @extschema@.plan_docnos(text) IS
	'发文字号 in a document: its own number (role self) and the numbers it cites (role cites)';
