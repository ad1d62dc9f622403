-- plandata--0.1--0.2.sql: the 0.1 -> 0.2 upgrade as released (assembled then from sql/install); frozen
\echo Use "ALTER EXTENSION plandata UPDATE TO '0.2'" to load this file. \quit

-- ==== sql/install/00_version.sql
-- plandata 0.2: the version function shared by every front end
CREATE FUNCTION @extschema@.plandata_version() RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plandata_version() IS 'version of the plandata library (its parser core)';

-- ==== sql/install/05_fold.sql
-- Traditional -> Simplified (OpenCC's character table, compiled in) and
-- full-width -> ASCII, one character at a time: the parser's own notion of
-- "the same text".  Changes only with an extension version (IMMUTABLE).
CREATE FUNCTION @extschema@.plan_fold(text) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_fold(text) IS
	'fold Traditional to Simplified and full-width to ASCII, as the parser compares text';

-- ==== sql/install/10_docno.sql
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
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@.plan_docnos(text) IS
	'发文字号 in a document: its own number (role self) and the numbers it cites (role cites)';

-- ==== sql/install/20_respunit.sql
--------------------------------------------------------------------------
-- respunit: a responsible unit's name, normalised so that the same unit
-- compares equal however it was printed (Traditional or Simplified,
-- full- or half-width, with or without 等/等有关部门).  The short form
-- stays short: 市發展改革委 -> 市发展改革委.  The folding table is compiled
-- into the extension and changes only with an extension version (indexes
-- on respunit then need REINDEX; the upgrade notes say when).
--------------------------------------------------------------------------

CREATE TYPE @extschema@.respunit;

CREATE FUNCTION @extschema@.respunit_in(cstring) RETURNS @extschema@.respunit
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.respunit_out(@extschema@.respunit) RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.respunit_recv(internal) RETURNS @extschema@.respunit
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.respunit_send(@extschema@.respunit) RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.respunit (
	INPUT = @extschema@.respunit_in,
	OUTPUT = @extschema@.respunit_out,
	RECEIVE = @extschema@.respunit_recv,
	SEND = @extschema@.respunit_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended,
	CATEGORY = 'S'
);
COMMENT ON TYPE @extschema@.respunit IS
	'responsible unit of a plan task, e.g. 市发展改革委; equal across scripts, widths and 等 suffixes';

-- casts: text <-> respunit on assignment (INSERT … SELECT text works, and a
-- comparison with a text column asks for an explicit cast instead of
-- silently comparing unnormalised text)
CREATE FUNCTION @extschema@.respunit(text) RETURNS @extschema@.respunit
AS 'MODULE_PATHNAME', 'respunit_from_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.text(@extschema@.respunit) RETURNS text
AS 'MODULE_PATHNAME', 'respunit_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE CAST (text AS @extschema@.respunit) WITH FUNCTION @extschema@.respunit(text) AS ASSIGNMENT;
CREATE CAST (@extschema@.respunit AS text) WITH FUNCTION @extschema@.text(@extschema@.respunit) AS ASSIGNMENT;

-- comparison: the normalised UTF-8 bytes (code point order)
CREATE FUNCTION @extschema@.respunit_eq(@extschema@.respunit, @extschema@.respunit) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.respunit_ne(@extschema@.respunit, @extschema@.respunit) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.respunit_lt(@extschema@.respunit, @extschema@.respunit) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.respunit_le(@extschema@.respunit, @extschema@.respunit) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.respunit_gt(@extschema@.respunit, @extschema@.respunit) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.respunit_ge(@extschema@.respunit, @extschema@.respunit) RETURNS bool
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.respunit_cmp(@extschema@.respunit, @extschema@.respunit) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.respunit_sortsupport(internal) RETURNS void
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.respunit_hash(@extschema@.respunit) RETURNS int4
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.respunit_hash_extended(@extschema@.respunit, int8) RETURNS int8
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.respunit, RIGHTARG = @extschema@.respunit,
	FUNCTION = @extschema@.respunit_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.respunit, RIGHTARG = @extschema@.respunit,
	FUNCTION = @extschema@.respunit_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.respunit, RIGHTARG = @extschema@.respunit,
	FUNCTION = @extschema@.respunit_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.respunit, RIGHTARG = @extschema@.respunit,
	FUNCTION = @extschema@.respunit_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.respunit, RIGHTARG = @extschema@.respunit,
	FUNCTION = @extschema@.respunit_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.respunit, RIGHTARG = @extschema@.respunit,
	FUNCTION = @extschema@.respunit_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.respunit_ops
DEFAULT FOR TYPE @extschema@.respunit USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.respunit_cmp(@extschema@.respunit, @extschema@.respunit),
	FUNCTION 2 @extschema@.respunit_sortsupport(internal),
	-- equal units are equal bytes: btree deduplication is safe (and makes
	-- an index on a column with few distinct units 2-3x cheaper to fill)
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.respunit_hash_ops
DEFAULT FOR TYPE @extschema@.respunit USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.respunit_hash(@extschema@.respunit),
	FUNCTION 2 @extschema@.respunit_hash_extended(@extschema@.respunit, int8);

-- what the name alone says (no table read: IMMUTABLE)
CREATE FUNCTION @extschema@.respunit_level(@extschema@.respunit) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.respunit_level(@extschema@.respunit) IS
	'level of government the name states: 国家, 省, 市, 区县, 乡镇 or collective (NULL if it does not say)';
CREATE FUNCTION @extschema@.respunit_kind(@extschema@.respunit) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.respunit_kind(@extschema@.respunit) IS
	'kind of unit the name states: government department, government, party organ, central vertical agency, mass organisation, enterprise, collective, judicial organ, public institution (NULL if it does not say)';
CREATE FUNCTION @extschema@.respunit_region(issuer text) RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.respunit_region(text) IS
	'region an issuer names, as respunit_dict keys it: 重庆市人民政府 -> 重庆, 国务院 -> 国家';

--------------------------------------------------------------------------
-- The dictionary of full names.  Seed rows (seed = true) ship with the
-- extension: Chongqing's departments and the State Council's ministries
-- and commissions under their standard short names.  Users add rows of
-- their own (seed = false, the default); pg_dump carries those only, and
-- a user row wins over a seed row with the same region and short name.
--------------------------------------------------------------------------

CREATE TABLE @extschema@.respunit_dict (
	region     text NOT NULL,		-- 国家 for central organs, else respunit_region() of an issuer
	short      @extschema@.respunit NOT NULL,
	full_name  text NOT NULL,
	kind       text,
	seed       boolean NOT NULL DEFAULT false,
	PRIMARY KEY (region, short, seed)
);
CREATE INDEX respunit_dict_full_idx ON @extschema@.respunit_dict (region, full_name);
COMMENT ON TABLE @extschema@.respunit_dict IS
	'full official names of units by region and short name; seed rows ship with plandata, add your own with seed = false';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.respunit_dict', 'WHERE NOT seed');
-- a trusted install runs as the bootstrap superuser: the installing user gets full use
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.respunit_dict TO @extowner@ WITH GRANT OPTION;

-- Chongqing (../shared/ref/chongqing_units.csv: short -> full, kind)
INSERT INTO @extschema@.respunit_dict (region, short, full_name, kind, seed)
SELECT region, short::@extschema@.respunit, full_name, kind, true FROM (VALUES
	('重庆', '市公安局', '重庆市公安局', 'government department'),
	('重庆', '市教委', '重庆市教育委员会', 'government department'),
	('重庆', '市人力社保局', '重庆市人力资源和社会保障局', 'government department'),
	('重庆', '市发展改革委', '重庆市发展和改革委员会', 'government department'),
	('重庆', '市卫生健康委', '重庆市卫生健康委员会', 'government department'),
	('重庆', '市民政局', '重庆市民政局', 'government department'),
	('重庆', '市医保局', '重庆市医疗保障局', 'government department'),
	('重庆', '市委编办', '中共重庆市委机构编制委员会办公室', 'party organ'),
	('重庆', '市统计局', '重庆市统计局', 'government department'),
	('重庆', '市大数据发展局', '重庆市大数据应用发展管理局', 'government department'),
	('重庆', '市住房城乡建委', '重庆市住房和城乡建设委员会', 'government department'),
	('重庆', '市规划自然资源局', '重庆市规划和自然资源局', 'government department'),
	('重庆', '市财政局', '重庆市财政局', 'government department'),
	('重庆', '市农业农村委', '重庆市农业农村委员会', 'government department'),
	('重庆', '市经济信息委', '重庆市经济和信息化委员会', 'government department'),
	('重庆', '市商务委', '重庆市商务委员会', 'government department'),
	('重庆', '市政府口岸物流办', '重庆市人民政府口岸和物流办公室', 'government department'),
	('重庆', '市科技局', '重庆市科学技术局', 'government department'),
	('重庆', '市工商联', '重庆市工商业联合会（重庆市总商会）', 'mass organisation'),
	('重庆', '市国资委', '重庆市国有资产监督管理委员会', 'government department'),
	('重庆', '市委金融办', '中共重庆市委金融委员会办公室', 'party organ'),
	('重庆', '人行重庆市分行', '中国人民银行重庆市分行', 'central vertical agency'),
	('重庆', '重庆金融监管局', '国家金融监督管理总局重庆监管局', 'central vertical agency'),
	('重庆', '市交通运输委', '重庆市交通运输委员会', 'government department'),
	('重庆', '市城市管理局', '重庆市城市管理局', 'government department'),
	('重庆', '市应急管理局', '重庆市应急管理局', 'government department'),
	('重庆', '市水利局', '重庆市水利局', 'government department'),
	('重庆', '市能源局', '重庆市能源局', 'government department'),
	('重庆', '市市场监管局', '重庆市市场监督管理局', 'government department'),
	('重庆', '市知识产权局', '重庆市知识产权局', 'government department'),
	('重庆', '市药监局', '重庆市药品监督管理局', 'government department'),
	('重庆', '重庆通信管理局', '重庆市通信管理局', 'central vertical agency'),
	('重庆', '团市委', '共青团重庆市委员会', 'mass organisation'),
	('重庆', '市生态环境局', '重庆市生态环境局', 'government department'),
	('重庆', '市文化旅游委', '重庆市文化和旅游发展委员会', 'government department'),
	('重庆', '市体育局', '重庆市体育局', 'government department'),
	('重庆', '市林业局', '重庆市林业局', 'government department'),
	('重庆', '市司法局', '重庆市司法局', 'government department'),
	('重庆', '市退役军人事务局', '重庆市退役军人事务局', 'government department'),
	('重庆', '市民族宗教委', '重庆市民族宗教事务委员会', 'government department'),
	('重庆', '市审计局', '重庆市审计局', 'government department'),
	('重庆', '市政府外办', '重庆市人民政府外事办公室', 'government department'),
	('重庆', '市国防动员办', '重庆市国防动员办公室', 'government department'),
	('重庆', '市机关事务局', '重庆市机关事务管理局', 'government department'),
	('重庆', '市地方金融管理局', '重庆市地方金融管理局', 'government department'),
	('重庆', '市公共资源交易监管局', '重庆市公共资源交易监督管理局', 'government department'),
	('重庆', '两江新区管委会', '重庆两江新区管理委员会', 'government department'),
	('重庆', '重庆高新区管委会', '重庆高新技术产业开发区管理委员会', 'government department'),
	('重庆', '万盛经开区管委会', '重庆市万盛经济技术开发区管理委员会', 'government department'),
	('重庆', '市委组织部', '中共重庆市委组织部', 'party organ'),
	('重庆', '市委宣传部', '中共重庆市委宣传部', 'party organ'),
	('重庆', '市委社会工作部', '中共重庆市委社会工作部', 'party organ'),
	('重庆', '市委网信办', '中共重庆市委网络安全和信息化委员会办公室', 'party organ'),
	('重庆', '市总工会', '重庆市总工会', 'mass organisation'),
	('重庆', '市妇联', '重庆市妇女联合会', 'mass organisation'),
	('重庆', '市残联', '重庆市残疾人联合会', 'mass organisation'),
	('重庆', '市科协', '重庆市科学技术协会', 'mass organisation'),
	('重庆', '重庆市税务局', '国家税务总局重庆市税务局', 'central vertical agency'),
	('重庆', '重庆海关', '中华人民共和国重庆海关', 'central vertical agency')
) AS v(region, short, full_name, kind);

-- the State Council's constituent departments, special and directly
-- affiliated organs and the bureaus they administer, under the short names
-- 国发/国办发 documents print in their task brackets
INSERT INTO @extschema@.respunit_dict (region, short, full_name, kind, seed)
SELECT region, short::@extschema@.respunit, full_name, kind, true FROM (VALUES
	('国家', '外交部', '中华人民共和国外交部', 'government department'),
	('国家', '国防部', '中华人民共和国国防部', 'government department'),
	('国家', '发展改革委', '国家发展和改革委员会', 'government department'),
	('国家', '国家发展改革委', '国家发展和改革委员会', 'government department'),
	('国家', '教育部', '中华人民共和国教育部', 'government department'),
	('国家', '科技部', '中华人民共和国科学技术部', 'government department'),
	('国家', '工业和信息化部', '中华人民共和国工业和信息化部', 'government department'),
	('国家', '国家民委', '国家民族事务委员会', 'government department'),
	('国家', '公安部', '中华人民共和国公安部', 'government department'),
	('国家', '国家安全部', '中华人民共和国国家安全部', 'government department'),
	('国家', '民政部', '中华人民共和国民政部', 'government department'),
	('国家', '司法部', '中华人民共和国司法部', 'government department'),
	('国家', '财政部', '中华人民共和国财政部', 'government department'),
	('国家', '人力资源社会保障部', '中华人民共和国人力资源和社会保障部', 'government department'),
	('国家', '自然资源部', '中华人民共和国自然资源部', 'government department'),
	('国家', '生态环境部', '中华人民共和国生态环境部', 'government department'),
	('国家', '住房城乡建设部', '中华人民共和国住房和城乡建设部', 'government department'),
	('国家', '交通运输部', '中华人民共和国交通运输部', 'government department'),
	('国家', '水利部', '中华人民共和国水利部', 'government department'),
	('国家', '农业农村部', '中华人民共和国农业农村部', 'government department'),
	('国家', '商务部', '中华人民共和国商务部', 'government department'),
	('国家', '文化和旅游部', '中华人民共和国文化和旅游部', 'government department'),
	('国家', '卫生健康委', '国家卫生健康委员会', 'government department'),
	('国家', '国家卫生健康委', '国家卫生健康委员会', 'government department'),
	('国家', '退役军人部', '中华人民共和国退役军人事务部', 'government department'),
	('国家', '应急部', '中华人民共和国应急管理部', 'government department'),
	('国家', '人民银行', '中国人民银行', 'government department'),
	('国家', '审计署', '中华人民共和国审计署', 'government department'),
	('国家', '国资委', '国务院国有资产监督管理委员会', 'government department'),
	('国家', '海关总署', '中华人民共和国海关总署', 'government department'),
	('国家', '税务总局', '国家税务总局', 'government department'),
	('国家', '市场监管总局', '国家市场监督管理总局', 'government department'),
	('国家', '金融监管总局', '国家金融监督管理总局', 'government department'),
	('国家', '证监会', '中国证券监督管理委员会', 'government department'),
	('国家', '银保监会', '中国银行保险监督管理委员会', 'government department'),
	('国家', '广电总局', '国家广播电视总局', 'government department'),
	('国家', '体育总局', '国家体育总局', 'government department'),
	('国家', '统计局', '国家统计局', 'government department'),
	('国家', '国家统计局', '国家统计局', 'government department'),
	('国家', '国际发展合作署', '国家国际发展合作署', 'government department'),
	('国家', '医保局', '国家医疗保障局', 'government department'),
	('国家', '国管局', '国家机关事务管理局', 'government department'),
	('国家', '知识产权局', '国家知识产权局', 'government department'),
	('国家', '信访局', '国家信访局', 'government department'),
	('国家', '粮食和储备局', '国家粮食和物资储备局', 'government department'),
	('国家', '能源局', '国家能源局', 'government department'),
	('国家', '国家能源局', '国家能源局', 'government department'),
	('国家', '数据局', '国家数据局', 'government department'),
	('国家', '国家数据局', '国家数据局', 'government department'),
	('国家', '国防科工局', '国家国防科技工业局', 'government department'),
	('国家', '烟草局', '国家烟草专卖局', 'government department'),
	('国家', '移民局', '国家移民管理局', 'government department'),
	('国家', '林草局', '国家林业和草原局', 'government department'),
	('国家', '铁路局', '国家铁路局', 'government department'),
	('国家', '民航局', '中国民用航空局', 'government department'),
	('国家', '邮政局', '国家邮政局', 'government department'),
	('国家', '文物局', '国家文物局', 'government department'),
	('国家', '中医药局', '国家中医药管理局', 'government department'),
	('国家', '疾控局', '国家疾病预防控制局', 'government department'),
	('国家', '矿山安监局', '国家矿山安全监察局', 'government department'),
	('国家', '消防救援局', '国家消防救援局', 'government department'),
	('国家', '外汇局', '国家外汇管理局', 'government department'),
	('国家', '药监局', '国家药品监督管理局', 'government department'),
	('国家', '气象局', '中国气象局', 'government department'),
	('国家', '国务院办公厅', '国务院办公厅', 'government department')
) AS v(region, short, full_name, kind);

/*
 * Full name of a unit as a document of `region` prints it (region: a
 * respunit_region() key or any issuer text such as 重庆市人民政府):
 *   1. the region's entry for the name (市公安局 in 重庆 -> 重庆市公安局),
 *   2. a name printed in full,
 *   3. a name whose shared prefix a list dropped (市公安局、人力资源和
 *      社会保障局): the region's 市/省 + name, by short or by full name,
 *   4. a central organ under its short name (发展改革委),
 *   5. without a region: the one entry of that name in any region.
 * User rows win over seed rows at every step.  NULL when unknown.
 */
CREATE FUNCTION @extschema@.respunit_full_name(unit @extschema@.respunit, region text DEFAULT NULL)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
	WITH r AS (SELECT coalesce(@extschema@.respunit_region(region), region) AS key),
	c AS (
		SELECT 1 AS step, d.full_name, d.seed FROM @extschema@.respunit_dict d, r
		 WHERE d.region = r.key AND d.short = unit
		UNION ALL
		SELECT 2, d.full_name, d.seed FROM @extschema@.respunit_dict d, r
		 WHERE (r.key IS NULL OR d.region IN (r.key, '国家')) AND d.full_name = unit::text
		UNION ALL
		SELECT 3, d.full_name, d.seed FROM @extschema@.respunit_dict d, r
		 WHERE d.region = r.key
		   -- compared as text: the name with 市 in front need not be a valid respunit (各市、县人民政府)
		   AND (d.short::text IN ('市' || unit::text, '省' || unit::text)
		        OR d.full_name IN (r.key || unit::text, r.key || '市' || unit::text, r.key || '省' || unit::text))
		UNION ALL
		-- the full name printed without its 和: 市人力资源社会保障局, 市住房城乡建设委员会
		SELECT 4, d.full_name, d.seed FROM @extschema@.respunit_dict d, r
		 WHERE d.region = r.key AND pg_catalog.strpos(d.full_name, '和') > 0
		   AND pg_catalog.replace(d.full_name, '和', '') IN
		       (pg_catalog.replace(r.key || unit::text, '和', ''),
		        pg_catalog.replace(r.key || '市' || unit::text, '和', ''),
		        pg_catalog.replace(r.key || '省' || unit::text, '和', ''))
		UNION ALL
		SELECT 5, d.full_name, d.seed FROM @extschema@.respunit_dict d
		 WHERE d.region = '国家' AND d.short = unit
		UNION ALL
		SELECT 6, pg_catalog.min(d.full_name), false FROM @extschema@.respunit_dict d, r
		 WHERE r.key IS NULL AND d.short = unit
		HAVING pg_catalog.count(DISTINCT d.full_name) = 1
	)
	SELECT full_name FROM c ORDER BY step, seed LIMIT 1
$$;
COMMENT ON FUNCTION @extschema@.respunit_full_name(@extschema@.respunit, text) IS
	'full official name of a unit from respunit_dict, read in the issuing region (e.g. 重庆)';

--------------------------------------------------------------------------
-- The unit parser.  All parse their argument on every call (IMMUTABLE:
-- the answer depends on the text and the extension version only).
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.respunit_extract(txt text,
	OUT unit @extschema@.respunit, OUT role text, OUT raw text,
	OUT bracket int4, OUT ordinal int4, OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.respunit_extract(text) IS
	'units named in responsibility brackets and labelled lists of a text, with roles (lead, co, responsible) and offsets';

CREATE FUNCTION @extschema@.plan_unit_rules(doc text,
	OUT rule text, OUT unit @extschema@.respunit, OUT evidence text)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION @extschema@.plan_unit_rules(text) IS
	'document-wide unit rules: first_is_lead (排在第一位的部门为牵头部门), bracket_<role> (括号内为牵头单位: bare names in brackets are units) and implicit (所有任务均需区县落实、不再列出)';

CREATE FUNCTION @extschema@.plan_units(doc text,
	OUT ord int4, OUT part int4, OUT code @extschema@.taskcode, OUT unit @extschema@.respunit,
	OUT role text, OUT raw text, OUT bracket int4, OUT ordinal int4,
	OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.plan_units(text) IS
	'responsible units of every task of a plan document: one row per task and unit, roles lead/co/responsible/implicit';

-- ==== sql/install/30_target.sql
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
	OUT indicator text, OUT target @extschema@.target, OUT year int4, OUT period text,
	OUT aspirational boolean, OUT raw text, OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.target_extract(text, int4) IS
	'quantitative targets in running text (a governing year may be given); offsets are 0-based characters';

CREATE FUNCTION @extschema@.plan_targets(doc text,
	OUT code @extschema@.taskcode, OUT indicator text, OUT target @extschema@.target, OUT year int4,
	OUT period text, OUT aspirational boolean, OUT raw text, OUT part int4, OUT ord int4,
	OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.plan_targets(text) IS
	'quantitative targets of a plan document, each with the code of the item that states it (ord = plan_tasks.ord)';

-- units of actual values
CREATE FUNCTION @extschema@.target_convert(@extschema@.target, actual numeric, unit text) RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_convert(@extschema@.target, numeric, text) IS
	'the actual value, given in unit, expressed in the target''s unit; another dimension is an error';
CREATE FUNCTION @extschema@.target_compatible(@extschema@.target, unit text) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_compatible(@extschema@.target, text) IS
	'can an actual value in unit be compared with the target (same dimension, or the same unit outside the table)?';

-- ==== sql/install/40_document.sql
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
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 40;
COMMENT ON FUNCTION @extschema@.plan_tasks(text) IS
	'numbered items of a plan document in document order: task code, heading, text as printed, offsets';

CREATE FUNCTION @extschema@.plan_parts(doc text,
	OUT part int4, OUT title text, OUT tasks int4, OUT start_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION @extschema@.plan_parts(text) IS
	'attached texts (附件) of a plan document, each numbered from 一、';

CREATE FUNCTION @extschema@.plan_info(doc text,
	OUT title text, OUT docno @extschema@.docno, OUT docno_text text, OUT issuer text,
	OUT issued date, OUT script text,
	OUT body_offset int4, OUT parts int4, OUT tasks int4, OUT skipped int4)
RETURNS record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_info(text) IS
	'metadata of a plan document: title, own 发文字号 (and as printed), issuer, date, script';

-- ==== sql/install/50_storage.sql
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
	loaded_at    timestamptz NOT NULL DEFAULT pg_catalog.now()
);
ALTER SEQUENCE @extschema@.plan_document_id_seq OWNED BY @extschema@.plan_document.id;
COMMENT ON TABLE @extschema@.plan_document IS 'plan documents, one row per distinct text (content_hash = sha256 of the UTF-8 body)';

CREATE INDEX plan_document_docno_idx ON @extschema@.plan_document (docno);

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

-- ==== sql/install/58_ingest.sql
--------------------------------------------------------------------------
-- Ingest: parse a document and store it with everything found in it, once.
-- A document is identified by its text: loading the same text again stores
-- nothing and returns the same id (inserted = false).  Concurrent loads of
-- the same text are serialised by the unique content_hash: the second
-- waits for the first and then finds its row.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_load(body text, source text DEFAULT NULL,
	OUT document_id bigint, OUT inserted boolean,
	OUT tasks int, OUT units int, OUT targets int)
RETURNS record
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
DECLARE
	h bytea := sha256(convert_to(body, 'UTF8'));
	info record;
BEGIN
	-- not STRICT: source may be NULL; a NULL body stores nothing
	IF body IS NULL THEN
		RETURN;
	END IF;
	-- a text stored already costs one index probe, not a parse
	SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
	inserted := false;
	IF document_id IS NULL THEN
		SELECT * INTO info FROM plan_info(body);
		INSERT INTO plan_document (docno, title, issuer, issued, script, body, content_hash, source)
		VALUES (info.docno, info.title, info.issuer, info.issued, info.script, body, h, source)
		ON CONFLICT (content_hash) DO NOTHING
		RETURNING id INTO document_id;

		inserted := document_id IS NOT NULL;
		IF inserted THEN
			INSERT INTO plan_task (document_id, ord, part, code, depth, parent_code, heading, body,
			                       line, start_offset, end_offset)
			SELECT document_id, t.ord, t.part, t.code, t.depth, t.parent, t.heading, t.body,
			       t.line, t.start_offset, t.end_offset
			FROM plan_tasks(body) t;
			INSERT INTO plan_citation (document_id, docno, occurrences)
			SELECT document_id, c.docno, c.occurrences FROM plan_docnos(body) c WHERE c.role = 'cites';
			INSERT INTO plan_task_unit (document_id, ord, part, code, unit, role, raw)
			SELECT document_id, u.ord, u.part, u.code, u.unit, u.role, u.raw
			FROM plan_units(body) u;
			INSERT INTO plan_target (document_id, ord, n, part, code, indicator, target, year, period,
			                         aspirational, raw)
			SELECT document_id, g.ord, row_number() OVER (), g.part, g.code, g.indicator, g.target, g.year,
			       g.period, g.aspirational, g.raw
			FROM plan_targets(body) g;
		ELSE
			-- a concurrent load of the same text committed first
			SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
		END IF;
	END IF;
	SELECT count(*) INTO tasks FROM plan_task t WHERE t.document_id = plan_load.document_id;
	SELECT count(*) INTO units FROM plan_task_unit u WHERE u.document_id = plan_load.document_id;
	SELECT count(*) INTO targets FROM plan_target g WHERE g.document_id = plan_load.document_id;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_load(text, text) IS
	'parse and store a plan document unless its text is stored already; returns its id and what was stored';

CREATE FUNCTION @extschema@.plan_ingest(body text, source text DEFAULT NULL) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$ SELECT (plan_load(body, source)).document_id $$;
COMMENT ON FUNCTION @extschema@.plan_ingest(text, text) IS
	'parse and store a plan document (once per distinct text); returns its id';

-- ==== sql/install/59_views.sql
--------------------------------------------------------------------------
-- Views for BI tools (Superset, Metabase, Tableau, QGIS): plain column
-- types only (text, int, bigint, date, timestamptz), so any client reads
-- them without knowing plandata's types.
--------------------------------------------------------------------------

CREATE VIEW @extschema@.plan_documents AS
SELECT d.id AS document_id, d.docno::text AS docno, d.title, d.issuer, d.issued, d.script, d.source, d.loaded_at,
	   pg_catalog.length(d.body) AS characters,
	   (SELECT pg_catalog.count(*)::int FROM @extschema@.plan_task t WHERE t.document_id = d.id) AS tasks,
	   (SELECT pg_catalog.count(*)::int FROM @extschema@.plan_task t
	     WHERE t.document_id = d.id AND t.depth = 1) AS top_level_tasks,
	   (SELECT pg_catalog.max(t.part) FROM @extschema@.plan_task t WHERE t.document_id = d.id) AS parts
FROM @extschema@.plan_document d;
COMMENT ON VIEW @extschema@.plan_documents IS 'stored documents with their task counts (plain types, for BI tools)';

CREATE VIEW @extschema@.plan_task_tree AS
SELECT t.document_id, d.docno::text AS docno, d.title AS document_title, t.part, t.ord,
	   t.code::text AS code, t.depth, t.heading,
	   t.parent_code::text AS parent_code, p.heading AS parent_heading,
	   top.code::text AS top_code, top.heading AS top_heading,
	   @extschema@.taskcode_label(t.code, true) AS label,
	   (SELECT pg_catalog.count(*)::int FROM @extschema@.plan_task c
	     WHERE c.document_id = t.document_id AND c.part = t.part AND c.parent_code = t.code) AS children,
	   t.body, t.line
FROM @extschema@.plan_task t
JOIN @extschema@.plan_document d ON d.id = t.document_id
LEFT JOIN @extschema@.plan_task p
  ON p.document_id = t.document_id AND p.part = t.part AND p.code = t.parent_code
LEFT JOIN @extschema@.plan_task top
  ON top.document_id = t.document_id AND top.part = t.part
 AND top.code = @extschema@.taskcode_ancestor(t.code, 1) AND top.depth = 1;
COMMENT ON VIEW @extschema@.plan_task_tree IS 'every stored task with its parent and top-level headings (plain types, for BI tools)';

CREATE VIEW @extschema@.plan_citations AS
SELECT c.document_id, d.docno::text AS docno, d.title, c.docno::text AS cited_docno,
	   c.occurrences, cd.id AS cited_document_id, cd.title AS cited_title
FROM @extschema@.plan_citation c
JOIN @extschema@.plan_document d ON d.id = c.document_id
LEFT JOIN @extschema@.plan_document cd ON cd.docno = c.docno;
COMMENT ON VIEW @extschema@.plan_citations IS 'which stored documents cite which 发文字号, linked to the cited document when it is stored too';

GRANT SELECT ON @extschema@.plan_documents, @extschema@.plan_task_tree, @extschema@.plan_citations
	TO @extowner@ WITH GRANT OPTION;

-- ==== sql/install/60_unit_views.sql
--------------------------------------------------------------------------
-- Who does what: the units of every stored task (filled by plan_load()
-- from plan_units()) and views for BI tools with plain column types only
-- (text, int, bigint), so any client reads them without knowing respunit.
--------------------------------------------------------------------------

CREATE TABLE @extschema@.plan_task_unit (
	document_id  bigint NOT NULL,
	ord          int NOT NULL,
	part         int NOT NULL,
	code         @extschema@.taskcode NOT NULL,
	unit         @extschema@.respunit NOT NULL,
	role         text NOT NULL CHECK (role IN ('lead', 'co', 'responsible', 'implicit')),
	raw          text,
	PRIMARY KEY (document_id, ord, unit),
	FOREIGN KEY (document_id, ord) REFERENCES @extschema@.plan_task (document_id, ord) ON DELETE CASCADE
);
-- "which tasks involve unit X" (in any spelling: the literal is normalised)
CREATE INDEX plan_task_unit_unit_idx ON @extschema@.plan_task_unit (unit, role);
COMMENT ON TABLE @extschema@.plan_task_unit IS
	'responsible units of the stored tasks (plan_units() of their documents), one row per task and unit';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_task_unit', '');

-- every task-unit row with its document and task, plain types
CREATE VIEW @extschema@.plan_task_units AS
SELECT u.document_id, d.docno::text AS docno, d.title AS document_title, u.part, u.ord,
	   u.code::text AS code, t.heading, u.unit::text AS unit, u.role,
	   @extschema@.respunit_level(u.unit) AS level, @extschema@.respunit_kind(u.unit) AS kind,
	   u.raw
FROM @extschema@.plan_task_unit u
JOIN @extschema@.plan_task t USING (document_id, ord)
JOIN @extschema@.plan_document d ON d.id = u.document_id;
COMMENT ON VIEW @extschema@.plan_task_units IS 'responsible units of every stored task (plain types, for BI tools)';

-- workload per document and unit: tasks led, co-responsible, …; named =
-- listed in the task's own text, total = named or implied by a standing rule
CREATE VIEW @extschema@.plan_unit_workload AS
SELECT u.document_id, d.docno::text AS docno, d.title AS document_title, u.unit::text AS unit,
	   @extschema@.respunit_level(u.unit) AS level, @extschema@.respunit_kind(u.unit) AS kind,
	   (pg_catalog.count(*) FILTER (WHERE u.role = 'lead'))::int AS tasks_led,
	   (pg_catalog.count(*) FILTER (WHERE u.role = 'co'))::int AS tasks_co,
	   (pg_catalog.count(*) FILTER (WHERE u.role = 'responsible'))::int AS tasks_responsible,
	   (pg_catalog.count(*) FILTER (WHERE u.role = 'implicit'))::int AS tasks_implicit,
	   (pg_catalog.count(*) FILTER (WHERE u.role <> 'implicit'))::int AS tasks_named,
	   pg_catalog.count(*)::int AS tasks_total
FROM @extschema@.plan_task_unit u
JOIN @extschema@.plan_document d ON d.id = u.document_id
GROUP BY u.document_id, d.docno, d.title, u.unit;
COMMENT ON VIEW @extschema@.plan_unit_workload IS
	'tasks per unit and document: led, co-responsible, responsible, implicit, named, total (plain types)';

-- the same over all stored documents: the per-document counts added up
CREATE VIEW @extschema@.plan_unit_workload_overall AS
SELECT w.unit, w.level, w.kind,
	   pg_catalog.count(*)::int AS documents,
	   pg_catalog.sum(w.tasks_led)::int AS tasks_led,
	   pg_catalog.sum(w.tasks_co)::int AS tasks_co,
	   pg_catalog.sum(w.tasks_responsible)::int AS tasks_responsible,
	   pg_catalog.sum(w.tasks_implicit)::int AS tasks_implicit,
	   pg_catalog.sum(w.tasks_named)::int AS tasks_named,
	   pg_catalog.sum(w.tasks_total)::int AS tasks_total
FROM @extschema@.plan_unit_workload w
GROUP BY w.unit, w.level, w.kind;
COMMENT ON VIEW @extschema@.plan_unit_workload_overall IS
	'tasks per unit over all stored documents (plain types)';

-- unit x document, zeros included (a heat map's cells): named tasks and leads
CREATE VIEW @extschema@.plan_unit_matrix AS
SELECT un.unit::text AS unit, d.id AS document_id, d.docno::text AS docno, d.title AS document_title,
	   coalesce(w.tasks, 0) AS tasks, coalesce(w.led, 0) AS tasks_led
FROM (SELECT DISTINCT unit FROM @extschema@.plan_task_unit WHERE role <> 'implicit') un
CROSS JOIN @extschema@.plan_document d
LEFT JOIN (SELECT document_id, unit, pg_catalog.count(*)::int AS tasks,
				  (pg_catalog.count(*) FILTER (WHERE role = 'lead'))::int AS led
		   FROM @extschema@.plan_task_unit WHERE role <> 'implicit'
		   GROUP BY document_id, unit) w
  ON w.document_id = d.id AND w.unit = un.unit;
COMMENT ON VIEW @extschema@.plan_unit_matrix IS
	'named tasks of every unit in every stored document, zeros included (plain types)';

-- co-responsibility network: units named together on a task (edges, unit_a < unit_b)
CREATE VIEW @extschema@.plan_unit_pairs AS
SELECT a.unit::text AS unit_a, b.unit::text AS unit_b,
	   pg_catalog.count(*)::int AS shared_tasks,
	   (pg_catalog.count(DISTINCT a.document_id))::int AS documents,
	   (pg_catalog.count(*) FILTER (WHERE a.role = 'lead' OR b.role = 'lead'))::int AS with_a_lead
FROM @extschema@.plan_task_unit a
JOIN @extschema@.plan_task_unit b
  ON b.document_id = a.document_id AND b.ord = a.ord AND a.unit < b.unit
WHERE a.role <> 'implicit' AND b.role <> 'implicit'
GROUP BY a.unit, b.unit;
COMMENT ON VIEW @extschema@.plan_unit_pairs IS
	'pairs of units named on the same tasks, with counts: edges for network analysis (plain types)';

-- a trusted install runs as the bootstrap superuser: the installing user gets full use
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_task_unit TO @extowner@ WITH GRANT OPTION;
GRANT SELECT ON @extschema@.plan_task_units, @extschema@.plan_unit_workload, @extschema@.plan_unit_workload_overall,
	@extschema@.plan_unit_matrix, @extschema@.plan_unit_pairs TO @extowner@ WITH GRANT OPTION;

-- ==== sql/install/65_target_storage.sql
--------------------------------------------------------------------------
-- The targets of every stored task (plan_targets() of the stored bodies,
-- filled by plan_load()) and a view of them with plain column types.
--------------------------------------------------------------------------

CREATE TABLE @extschema@.plan_target (
	document_id  bigint NOT NULL,
	ord          int NOT NULL,
	n            int NOT NULL,		-- the target's position in the document
	part         int NOT NULL,
	code         @extschema@.taskcode NOT NULL,
	indicator    text,
	target       @extschema@.target NOT NULL,
	year         int,
	period       text,
	aspirational boolean NOT NULL DEFAULT false,
	raw          text,
	PRIMARY KEY (document_id, n),
	FOREIGN KEY (document_id, ord) REFERENCES @extschema@.plan_task (document_id, ord) ON DELETE CASCADE
);
CREATE INDEX plan_target_indicator_idx ON @extschema@.plan_target (@extschema@.plan_fold(indicator));
CREATE INDEX plan_target_task_idx ON @extschema@.plan_target (document_id, ord);
COMMENT ON TABLE @extschema@.plan_target IS 'quantitative targets of the stored tasks (plan_targets() of their documents)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_target', '');
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_target TO @extowner@ WITH GRANT OPTION;

CREATE VIEW @extschema@.plan_task_targets AS
SELECT g.document_id, d.docno::text AS docno, d.title AS document_title, g.part, g.ord,
	   g.code::text AS code, t.heading, g.indicator, g.target::text AS target,
	   @extschema@.target_op(g.target) AS op, @extschema@.target_kind(g.target) AS kind,
	   @extschema@.target_value(g.target) AS value, @extschema@.target_value_hi(g.target) AS value_hi,
	   @extschema@.target_unit(g.target) AS unit, @extschema@.target_dimension(g.target) AS dimension,
	   @extschema@.target_base_value(g.target) AS base_value, @extschema@.target_base_unit(g.target) AS base_unit,
	   g.year, g.period, g.aspirational, g.raw
FROM @extschema@.plan_target g
JOIN @extschema@.plan_task t USING (document_id, ord)
JOIN @extschema@.plan_document d ON d.id = g.document_id;
COMMENT ON VIEW @extschema@.plan_task_targets IS 'every stored target with its task and document (plain types, for BI tools)';
GRANT SELECT ON @extschema@.plan_task_targets TO @extowner@ WITH GRANT OPTION;

-- ==== sql/install/70_progress.sql
--------------------------------------------------------------------------
-- Progress tracking: actual values that analysts record, and a view of
-- every stored target against the latest actual value of its indicator.
-- plan_actual is a user table of the extension (dumped by pg_dump).
--------------------------------------------------------------------------

CREATE SEQUENCE @extschema@.plan_actual_id_seq;

CREATE TABLE @extschema@.plan_actual (
	id          bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.plan_actual_id_seq'),
	indicator   text NOT NULL,
	region      text,
	year        int NOT NULL CHECK (year BETWEEN 1900 AND 2199),
	value       numeric NOT NULL,
	unit        text,
	source      text,
	document_id bigint REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE,
	code        @extschema@.taskcode,
	recorded_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
ALTER SEQUENCE @extschema@.plan_actual_id_seq OWNED BY @extschema@.plan_actual.id;
CREATE INDEX plan_actual_indicator_idx ON @extschema@.plan_actual (@extschema@.plan_fold(indicator), year);
COMMENT ON TABLE @extschema@.plan_actual IS
	'actual values of indicators (统计公报, 年鉴 …) to check targets against';
COMMENT ON COLUMN @extschema@.plan_actual.indicator IS
	'indicator name as plan_targets() reports it (compared after plan_fold: script and width do not matter)';
COMMENT ON COLUMN @extschema@.plan_actual.region IS 'where the figure is for (全市, 渝中区 …); NULL: the plan''s own area';
COMMENT ON COLUMN @extschema@.plan_actual.unit IS 'unit as printed (万人, %, 公里); NULL: the unit of the target';
COMMENT ON COLUMN @extschema@.plan_actual.document_id IS 'only for the targets of this document; NULL: every plan with the indicator';
COMMENT ON COLUMN @extschema@.plan_actual.code IS 'only for the target of this task; NULL: every task with the indicator';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_actual', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_actual_id_seq', '');
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_actual TO @extowner@ WITH GRANT OPTION;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE @extschema@.plan_actual_id_seq TO @extowner@ WITH GRANT OPTION;

-- One row per target of a stored document and region of its actual values
-- (one row with status 'no data' when there is none), from plan_target as
-- plan_load() stored it.  met / gap / progress are computed
-- only where the units are comparable ('unit mismatch' otherwise, never an
-- error).  progress_percent: for a level target, how far the latest actual
-- value has come from the earliest one recorded (the baseline) towards the
-- target value; for a growth target, the actual change as a share of the
-- promised one.  Plain column types, for BI tools.
CREATE VIEW @extschema@.plan_progress AS
SELECT d.id AS document_id, d.docno::text AS docno, d.title AS document_title,
	   t.part, t.ord, t.code::text AS code, t.indicator,
	   t.target::text AS target, @extschema@.target_op(t.target) AS op,
	   @extschema@.target_value(t.target) AS target_value,
	   @extschema@.target_value_hi(t.target) AS target_value_hi,
	   @extschema@.target_unit(t.target) AS unit, @extschema@.target_kind(t.target) AS kind,
	   t.year AS target_year, t.period, t.aspirational,
	   a.region, a.year AS actual_year, a.value AS actual_value, a.unit AS actual_unit, a.source,
	   v.actual AS actual_in_unit,
	   CASE WHEN a.id IS NULL THEN 'no data'
			WHEN NOT v.ok THEN 'unit mismatch'
			WHEN v.met THEN 'met' ELSE 'not met' END AS status,
	   v.met, v.gap,
	   b.year AS baseline_year, b.actual AS baseline_value,
	   CASE WHEN NOT v.ok THEN NULL
			WHEN @extschema@.target_kind(t.target) = 'growth' THEN
				pg_catalog.round(100 * v.actual / NULLIF(@extschema@.target_value(t.target), 0), 1)
			ELSE pg_catalog.round(100 * (v.actual - b.actual) /
								  NULLIF(@extschema@.target_value(t.target) - b.actual, 0), 1)
	   END AS progress_percent
FROM @extschema@.plan_document d
JOIN @extschema@.plan_target t ON t.document_id = d.id
LEFT JOIN LATERAL (
	SELECT DISTINCT ON (x.region) x.*
	FROM @extschema@.plan_actual x
	WHERE @extschema@.plan_fold(x.indicator) = @extschema@.plan_fold(t.indicator)
	  AND (x.document_id IS NULL OR x.document_id = d.id)
	  AND (x.code IS NULL OR x.code = t.code)
	ORDER BY x.region, x.year DESC, x.recorded_at DESC
) a ON true
LEFT JOIN LATERAL (
	SELECT ok,
		   CASE WHEN ok THEN @extschema@.target_convert(t.target, a.value, COALESCE(a.unit, @extschema@.target_unit(t.target))) END AS actual,
		   CASE WHEN ok THEN @extschema@.target_met(t.target, a.value, COALESCE(a.unit, @extschema@.target_unit(t.target))) END AS met,
		   CASE WHEN ok THEN @extschema@.target_gap(t.target, a.value, COALESCE(a.unit, @extschema@.target_unit(t.target))) END AS gap
	FROM (SELECT a.id IS NOT NULL AND
				 @extschema@.target_compatible(t.target, COALESCE(a.unit, @extschema@.target_unit(t.target))) AS ok) o
) v ON true
LEFT JOIN LATERAL (
	SELECT y.year, @extschema@.target_convert(t.target, y.value, COALESCE(y.unit, @extschema@.target_unit(t.target))) AS actual
	FROM @extschema@.plan_actual y
	WHERE v.ok AND y.year < a.year
	  AND y.region IS NOT DISTINCT FROM a.region
	  AND @extschema@.plan_fold(y.indicator) = @extschema@.plan_fold(t.indicator)
	  AND (y.document_id IS NULL OR y.document_id = d.id)
	  AND (y.code IS NULL OR y.code = t.code)
	  AND @extschema@.target_compatible(t.target, COALESCE(y.unit, @extschema@.target_unit(t.target)))
	ORDER BY y.year, y.recorded_at
	LIMIT 1
) b ON true;
COMMENT ON VIEW @extschema@.plan_progress IS
	'every target of the stored documents against the latest actual value of its indicator: met, gap, progress from the baseline (plain types)';

GRANT SELECT ON @extschema@.plan_progress TO @extowner@ WITH GRANT OPTION;

-- ==== sql/install/80_match_terms.sql
-- plandata 0.2: folded dictionary matching as a SQL function (plandata_geo finds places with it)

CREATE FUNCTION @extschema@.plan_match_terms(doc text, terms text[], stop_suffixes text[] DEFAULT '{}',
	OUT term int, OUT pos int, OUT len int)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.plan_match_terms(text, text[], text[]) IS
	'leftmost-longest matches of terms in doc, compared folded; term = subscript into terms, pos/len in characters (substr(doc, pos, len) is the text as printed); a match followed by a stop suffix is rejected';
