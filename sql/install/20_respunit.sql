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
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10 COST 100;
COMMENT ON FUNCTION @extschema@.respunit_extract(text) IS
	'units named in responsibility brackets and labelled lists of a text, with roles (lead, co, responsible) and offsets';

CREATE FUNCTION @extschema@.plan_unit_rules(doc text,
	OUT rule text, OUT unit @extschema@.respunit, OUT evidence text)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1 COST 500;
COMMENT ON FUNCTION @extschema@.plan_unit_rules(text) IS
	'document-wide unit rules: first_is_lead (排在第一位的部门为牵头部门), bracket_<role> (括号内为牵头单位: bare names in brackets are units) and implicit (所有任务均需区县落实、不再列出)';

CREATE FUNCTION @extschema@.plan_units(doc text,
	OUT ord int4, OUT part int4, OUT code @extschema@.taskcode, OUT unit @extschema@.respunit,
	OUT role text, OUT raw text, OUT bracket int4, OUT ordinal int4,
	OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100 COST 1500;
COMMENT ON FUNCTION @extschema@.plan_units(text) IS
	'responsible units of every task of a plan document: one row per task and unit, roles lead/co/responsible/implicit';
