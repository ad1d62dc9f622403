/* plandata_geo--0.1.sql: the first release of plandata's PostGIS companion —
 * the gazetteer of administrative divisions, GCJ-02 conversion and boundary
 * loading.  Requires plandata and postgis. */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION plandata_geo CASCADE" to load this file. \quit

-- Function bodies run later under the search_path in effect now, captured
-- with SET search_path FROM CURRENT: pg_catalog first (nothing in a schema
-- others can write to may stand in for a built-in), then this extension's
-- schema, plandata's and PostGIS's wherever they were installed, pg_temp last.
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
-- The gazetteer
--------------------------------------------------------------------------

CREATE TABLE @extschema@.plan_gazetteer (
	division	text PRIMARY KEY CHECK (division ~ '^[0-9A-Za-z][0-9A-Za-z_.-]*$'),
	code		text CHECK (code ~ '^[1-9][0-9]{5}$'),
	name		text NOT NULL CHECK (name <> ''),
	name_t		text,
	short_name	text CHECK (short_name <> ''),
	full_name	text CHECK (full_name <> ''),
	type		text NOT NULL,
	level		text NOT NULL CHECK (level IN ('province', 'prefecture', 'county', 'zone')),
	parent		text,			-- checked by plan_gazetteer_parent_check (see there)
	province	text,
	zone		text,
	abbr		text[],
	valid_from	date,
	valid_to	date,
	superseded_by text[],
	seat		geometry(Point, 4326),
	note		text,
	shipped		boolean NOT NULL DEFAULT false,
	CHECK (code IS NULL OR left(division, 6) = code),
	CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from < valid_to)
);
CREATE INDEX ON @extschema@.plan_gazetteer (parent);
COMMENT ON TABLE @extschema@.plan_gazetteer IS
	'administrative divisions and named places that plans mention; shipped rows are read-only and not dumped, your own rows are';
COMMENT ON COLUMN @extschema@.plan_gazetteer.division IS
	'key: the GB/T 2260 code, or a key of its own for a place without one (cq-kexuecheng)';
COMMENT ON COLUMN @extschema@.plan_gazetteer.name IS 'standard Simplified name: 铜梁区';
COMMENT ON COLUMN @extschema@.plan_gazetteer.short_name IS 'the name as lists print it: 铜梁';
COMMENT ON COLUMN @extschema@.plan_gazetteer.full_name IS 'with its parents: 重庆市铜梁区';
COMMENT ON COLUMN @extschema@.plan_gazetteer.type IS '直辖市/省/自治区/特别行政区/地级市/区/县/自治县/国家级新区/功能区 …';
COMMENT ON COLUMN @extschema@.plan_gazetteer.province IS 'key of the provincial-level division it lies in (filled in when left empty)';
COMMENT ON COLUMN @extschema@.plan_gazetteer.zone IS 'functional zone (Chongqing: 中心城区/主城新区/渝东北三峡库区城镇群/渝东南武陵山区城镇群)';
COMMENT ON COLUMN @extschema@.plan_gazetteer.abbr IS 'one-character abbreviations in 发文字号 (渝府发 -> 渝), provinces only';
COMMENT ON COLUMN @extschema@.plan_gazetteer.valid_from IS 'first day the division exists (NULL: long-standing)';
COMMENT ON COLUMN @extschema@.plan_gazetteer.valid_to IS 'first day it no longer exists (NULL: exists)';
COMMENT ON COLUMN @extschema@.plan_gazetteer.seat IS 'seat of government (WGS84)';

CREATE TABLE @extschema@.plan_gazetteer_alias (
	alias		text NOT NULL CHECK (alias <> ''),
	division	text REFERENCES @extschema@.plan_gazetteer (division) ON DELETE CASCADE
				DEFERRABLE INITIALLY DEFERRED,
	kind		text NOT NULL CHECK (kind IN ('alias', 'block', 'stop')),
	note		text,
	shipped		boolean NOT NULL DEFAULT false,
	CHECK ((division IS NULL) = (kind <> 'alias'))
);
CREATE UNIQUE INDEX plan_gazetteer_alias_key ON @extschema@.plan_gazetteer_alias
	(alias, kind, coalesce(division, ''));
COMMENT ON TABLE @extschema@.plan_gazetteer_alias IS
	'more names for the matcher: alias = another name of a division; block = a phrase that never names a place (健康长寿); stop = a word that, right after a name, makes it something else (合川路, 大足石刻)';

CREATE TABLE @extschema@.plan_gazetteer_boundary (
	division	text PRIMARY KEY REFERENCES @extschema@.plan_gazetteer (division) ON DELETE CASCADE
				DEFERRABLE INITIALLY DEFERRED,
	boundary	geometry(MultiPolygon, 4326) NOT NULL,
	source		text,
	loaded_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON @extschema@.plan_gazetteer_boundary USING gist (boundary);
COMMENT ON TABLE @extschema@.plan_gazetteer_boundary IS
	'boundaries you load (plan_gazetteer_load_geojson or ogr2ogr), kept apart from the gazetteer so that a dump carries them for shipped divisions too';

--------------------------------------------------------------------------
-- GCJ-02 (the offset coordinates of Chinese web maps) <-> WGS84
--------------------------------------------------------------------------

-- the published GCJ-02 offset at a WGS84 point, in degrees (Krasovsky
-- ellipsoid constants); zero outside the rough bounding box of China
CREATE FUNCTION @extschema@.plan_gcj02_offset(lon float8, lat float8,
	OUT dlon float8, OUT dlat float8)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog
AS $$
DECLARE
	a	CONSTANT float8 := 6378245.0;
	ee	CONSTANT float8 := 0.00669342162296594323;
	x	float8 := lon - 105.0;
	y	float8 := lat - 35.0;
	rad	float8 := lat / 180.0 * pi();
	magic float8;
BEGIN
	IF lon < 72.004 OR lon > 137.8347 OR lat < 0.8293 OR lat > 55.8271 THEN
		dlon := 0;
		dlat := 0;
		RETURN;
	END IF;
	dlat := -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x))
		+ (20.0 * sin(6.0 * x * pi()) + 20.0 * sin(2.0 * x * pi())) * 2.0 / 3.0
		+ (20.0 * sin(y * pi()) + 40.0 * sin(y / 3.0 * pi())) * 2.0 / 3.0
		+ (160.0 * sin(y / 12.0 * pi()) + 320.0 * sin(y * pi() / 30.0)) * 2.0 / 3.0;
	dlon := 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x))
		+ (20.0 * sin(6.0 * x * pi()) + 20.0 * sin(2.0 * x * pi())) * 2.0 / 3.0
		+ (20.0 * sin(x * pi()) + 40.0 * sin(x / 3.0 * pi())) * 2.0 / 3.0
		+ (150.0 * sin(x / 12.0 * pi()) + 300.0 * sin(x / 30.0 * pi())) * 2.0 / 3.0;
	magic := 1 - ee * sin(rad) ^ 2;
	dlat := dlat * 180.0 / ((a * (1 - ee)) / (magic * sqrt(magic)) * pi());
	dlon := dlon * 180.0 / (a / sqrt(magic) * cos(rad) * pi());
END
$$;
COMMENT ON FUNCTION @extschema@.plan_gcj02_offset(float8, float8) IS
	'GCJ-02 offset (degrees) at a WGS84 point; internal to wgs84_to_gcj02/gcj02_to_wgs84';

CREATE FUNCTION @extschema@.wgs84_to_gcj02(wgs_lon float8, wgs_lat float8, OUT lon float8, OUT lat float8)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT wgs_lon + o.dlon, wgs_lat + o.dlat FROM plan_gcj02_offset(wgs_lon, wgs_lat) o
$$;
COMMENT ON FUNCTION @extschema@.wgs84_to_gcj02(float8, float8) IS
	'WGS84 longitude/latitude to GCJ-02 (the coordinates of Amap, Tencent and other Chinese web maps)';

-- The forward transform has no closed inverse.  Fixed-point iteration
-- w <- w - (f(w) - g) converges because the offset changes slowly (its
-- derivative is ~1e-4), and stops when f(w) is within 1e-12 degrees of g,
-- far below the float8 noise of the answer (the one-step inverse many tools
-- use, g - offset(g), is off by up to 5 metres in the north-east).
CREATE FUNCTION @extschema@.gcj02_to_wgs84(gcj_lon float8, gcj_lat float8, OUT lon float8, OUT lat float8)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
DECLARE
	o	record;
	ex	float8;
	ey	float8;
BEGIN
	lon := gcj_lon;
	lat := gcj_lat;
	FOR i IN 1..30 LOOP
		o := plan_gcj02_offset(lon, lat);
		ex := lon + o.dlon - gcj_lon;
		ey := lat + o.dlat - gcj_lat;
		lon := lon - ex;
		lat := lat - ey;
		EXIT WHEN abs(ex) < 1e-12 AND abs(ey) < 1e-12;
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.gcj02_to_wgs84(float8, float8) IS
	'GCJ-02 longitude/latitude (Chinese web maps) to WGS84, inverting the offset by iteration';

-- every position of a GeoJSON geometry, converted
CREATE FUNCTION @extschema@.plan_gcj02_coords(j jsonb, to_wgs84 boolean) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
DECLARE
	p	record;
BEGIN
	IF jsonb_typeof(j) = 'object' THEN
		IF j ? 'geometries' THEN
			RETURN jsonb_set(j, '{geometries}', (SELECT coalesce(jsonb_agg(plan_gcj02_coords(e, to_wgs84) ORDER BY n), '[]')
				FROM jsonb_array_elements(j -> 'geometries') WITH ORDINALITY AS g(e, n)));
		END IF;
		RETURN jsonb_set(j, '{coordinates}', plan_gcj02_coords(j -> 'coordinates', to_wgs84));
	END IF;
	IF jsonb_typeof(j) <> 'array' OR jsonb_array_length(j) = 0 THEN
		RETURN j;
	END IF;
	IF jsonb_typeof(j -> 0) = 'number' THEN
		IF to_wgs84 THEN
			p := gcj02_to_wgs84((j ->> 0)::float8, (j ->> 1)::float8);
		ELSE
			p := wgs84_to_gcj02((j ->> 0)::float8, (j ->> 1)::float8);
		END IF;
		RETURN jsonb_set(jsonb_set(j, '{0}', to_jsonb(p.lon)), '{1}', to_jsonb(p.lat));
	END IF;
	RETURN (SELECT jsonb_agg(plan_gcj02_coords(e, to_wgs84) ORDER BY n)
			FROM jsonb_array_elements(j) WITH ORDINALITY AS c(e, n));
END
$$;

CREATE FUNCTION @extschema@.plan_gcj02_geometry(g geometry, to_wgs84 boolean) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
DECLARE
	p	record;
BEGIN
	IF ST_SRID(g) NOT IN (0, 4326) THEN
		RAISE EXCEPTION '% expects longitude/latitude geometry (SRID 4326), got SRID %',
			CASE WHEN to_wgs84 THEN 'gcj02_to_wgs84' ELSE 'wgs84_to_gcj02' END, ST_SRID(g)
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Coordinates from Chinese web maps are longitude/latitude: ST_SetSRID(geom, 4326).';
	END IF;
	IF ST_IsEmpty(g) THEN
		RETURN ST_SetSRID(g, 4326);
	END IF;
	IF GeometryType(g) = 'POINT' THEN
		IF to_wgs84 THEN
			p := gcj02_to_wgs84(ST_X(g), ST_Y(g));
		ELSE
			p := wgs84_to_gcj02(ST_X(g), ST_Y(g));
		END IF;
		-- moving the point keeps its Z and M
		RETURN ST_SetSRID(ST_Translate(g, p.lon - ST_X(g), p.lat - ST_Y(g)), 4326);
	END IF;
	-- 15 decimals: the conversion must not round what it converts (GeoJSON
	-- carries Z but not M)
	RETURN ST_SetSRID(ST_GeomFromGeoJSON(plan_gcj02_coords(ST_AsGeoJSON(g, 15)::jsonb, to_wgs84)), 4326);
END
$$;

CREATE FUNCTION @extschema@.gcj02_to_wgs84(geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$ SELECT plan_gcj02_geometry($1, true) $$;
COMMENT ON FUNCTION @extschema@.gcj02_to_wgs84(geometry) IS
	'geometry in GCJ-02 longitude/latitude (Amap, Tencent, DataV GeoAtlas) to WGS84, every vertex (SRID 4326)';

CREATE FUNCTION @extschema@.wgs84_to_gcj02(geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$ SELECT plan_gcj02_geometry($1, false) $$;
COMMENT ON FUNCTION @extschema@.wgs84_to_gcj02(geometry) IS
	'WGS84 geometry to GCJ-02 longitude/latitude, every vertex';

--------------------------------------------------------------------------
-- Shipped data (inserted before the guard trigger exists)
--------------------------------------------------------------------------

-- provincial-level divisions: seats are DataV GeoAtlas centres (GCJ-02) as published,
-- converted to WGS84 by gcj02_to_wgs84() above
INSERT INTO @extschema@.plan_gazetteer
	(division, code, name, name_t, short_name, full_name, type, level, abbr, seat, shipped)
SELECT v.code, v.code, v.name, v.name_t, v.short_name, v.name, v.type, 'province', v.abbr,
	@extschema@.gcj02_to_wgs84(ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326)), true
FROM (VALUES
	('110000', '北京市', '北京市', '北京', '直辖市', '{京}'::text[], 116.405285, 39.904989),
	('120000', '天津市', '天津市', '天津', '直辖市', '{津}'::text[], 117.190182, 39.125596),
	('130000', '河北省', '河北省', '河北', '省', '{冀}'::text[], 114.502461, 38.045474),
	('140000', '山西省', '山西省', '山西', '省', '{晋}'::text[], 112.549248, 37.857014),
	('150000', '内蒙古自治区', '內蒙古自治區', '内蒙古', '自治区', '{内,蒙}'::text[], 111.670801, 40.818311),
	('210000', '辽宁省', '遼寧省', '辽宁', '省', '{辽}'::text[], 123.429096, 41.796767),
	('220000', '吉林省', '吉林省', '吉林', '省', '{吉}'::text[], 125.3245, 43.886841),
	('230000', '黑龙江省', '黑龍江省', '黑龙江', '省', '{黑}'::text[], 126.642464, 45.756967),
	('310000', '上海市', '上海市', '上海', '直辖市', '{沪}'::text[], 121.472644, 31.231706),
	('320000', '江苏省', '江蘇省', '江苏', '省', '{苏}'::text[], 118.767413, 32.041544),
	('330000', '浙江省', '浙江省', '浙江', '省', '{浙}'::text[], 120.153576, 30.287459),
	('340000', '安徽省', '安徽省', '安徽', '省', '{皖}'::text[], 117.283042, 31.86119),
	('350000', '福建省', '福建省', '福建', '省', '{闽}'::text[], 119.306239, 26.075302),
	('360000', '江西省', '江西省', '江西', '省', '{赣}'::text[], 115.892151, 28.676493),
	('370000', '山东省', '山東省', '山东', '省', '{鲁}'::text[], 117.000923, 36.675807),
	('410000', '河南省', '河南省', '河南', '省', '{豫}'::text[], 113.665412, 34.757975),
	('420000', '湖北省', '湖北省', '湖北', '省', '{鄂}'::text[], 114.298572, 30.584355),
	('430000', '湖南省', '湖南省', '湖南', '省', '{湘}'::text[], 112.982279, 28.19409),
	('440000', '广东省', '廣東省', '广东', '省', '{粤}'::text[], 113.280637, 23.125178),
	('450000', '广西壮族自治区', '廣西壯族自治區', '广西', '自治区', '{桂}'::text[], 108.320004, 22.82402),
	('460000', '海南省', '海南省', '海南', '省', '{琼}'::text[], 110.33119, 20.031971),
	('500000', '重庆市', '重慶市', '重庆', '直辖市', '{渝}'::text[], 106.504962, 29.533155),
	('510000', '四川省', '四川省', '四川', '省', '{川,蜀}'::text[], 104.065735, 30.659462),
	('520000', '贵州省', '貴州省', '贵州', '省', '{黔,贵}'::text[], 106.713478, 26.578343),
	('530000', '云南省', '雲南省', '云南', '省', '{云,滇}'::text[], 102.712251, 25.040609),
	('540000', '西藏自治区', '西藏自治區', '西藏', '自治区', '{藏}'::text[], 91.132212, 29.660361),
	('610000', '陕西省', '陝西省', '陕西', '省', '{陕,秦}'::text[], 108.948024, 34.263161),
	('620000', '甘肃省', '甘肅省', '甘肃', '省', '{甘,陇}'::text[], 103.823557, 36.058039),
	('630000', '青海省', '青海省', '青海', '省', '{青}'::text[], 101.778916, 36.623178),
	('640000', '宁夏回族自治区', '寧夏回族自治區', '宁夏', '自治区', '{宁}'::text[], 106.278179, 38.46637),
	('650000', '新疆维吾尔自治区', '新疆維吾爾自治區', '新疆', '自治区', '{新}'::text[], 87.617733, 43.792818),
	('710000', '台湾省', '臺灣省', '台湾', '省', '{台}'::text[], 121.509062, 25.044332),
	('810000', '香港特别行政区', '香港特別行政區', '香港', '特别行政区', '{港}'::text[], 114.173355, 22.320048),
	('820000', '澳门特别行政区', '澳門特別行政區', '澳门', '特别行政区', '{澳}'::text[], 113.54909, 22.198951)
) AS v(code, name, name_t, short_name, type, abbr, lon, lat);

-- Chongqing's district-level divisions (ref/chongqing_divisions.csv): codes and names from the
-- MCA code list (2025), seats DataV GeoAtlas centres converted to WGS84, zones 一区两群
INSERT INTO @extschema@.plan_gazetteer
	(division, code, name, name_t, short_name, full_name, type, level, parent, zone,
	 valid_from, valid_to, superseded_by, seat, note, shipped)
VALUES
	('500101', '500101', '万州区', '萬州區', '万州', '重庆市万州区',
	 '区', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.3757, 30.8101), 4326), NULL, true),
	('500102', '500102', '涪陵区', '涪陵區', '涪陵', '重庆市涪陵区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(107.3903, 29.7061), 4326), NULL, true),
	('500103', '500103', '渝中区', '渝中區', '渝中', '重庆市渝中区',
	 '区', 'county', '500000', '中心城区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.5592, 29.5596), 4326), NULL, true),
	('500104', '500104', '大渡口区', '大渡口區', '大渡口', '重庆市大渡口区',
	 '区', 'county', '500000', '中心城区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.4822, 29.4837), 4326), NULL, true),
	('500105', '500105', '江北区', '江北區', '江北', '重庆市江北区',
	 '区', 'county', '500000', '中心城区', NULL, '2025-11-06', '{500157}',
	 ST_SetSRID(ST_MakePoint(106.5291, 29.5781), 4326), '撤销 2025-11-06（渝府发〔2025〕15号），并入两江新区（500157）；2025-02 的规划里的“江北”仍是本区', true),
	('500106', '500106', '沙坪坝区', '沙坪壩區', '沙坪坝', '重庆市沙坪坝区',
	 '区', 'county', '500000', '中心城区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.4502, 29.5438), 4326), NULL, true),
	('500107', '500107', '九龙坡区', '九龍坡區', '九龙坡', '重庆市九龙坡区',
	 '区', 'county', '500000', '中心城区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.4771, 29.5262), 4326), NULL, true),
	('500108', '500108', '南岸区', '南岸區', '南岸', '重庆市南岸区',
	 '区', 'county', '500000', '中心城区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.5571, 29.5269), 4326), NULL, true),
	('500109', '500109', '北碚区', '北碚區', '北碚', '重庆市北碚区',
	 '区', 'county', '500000', '中心城区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.4338, 29.8279), 4326), '2025-11-06 边界调整：水土、复兴、蔡家岗、施家梁、童家溪划入两江新区，大湾、统景、大盛、兴隆、茨竹由渝北划入', true),
	('500110', '500110', '綦江区', '綦江區', '綦江', '重庆市綦江区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.6477, 29.0313), 4326), '万盛经开区（功能区）位于綦江区内，规划文本常写作“綦江-万盛”', true),
	('500111', '500111', '大足区', '大足區', '大足', '重庆市大足区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(105.7117, 29.7032), 4326), NULL, true),
	('500112', '500112', '渝北区', '渝北區', '渝北', '重庆市渝北区',
	 '区', 'county', '500000', '中心城区', NULL, '2025-11-06', '{500157,500109}',
	 ST_SetSRID(ST_MakePoint(106.5090, 29.6042), 4326), '撤销 2025-11-06（渝府发〔2025〕15号），分别划入两江新区（500157）和北碚区（500109）', true),
	('500113', '500113', '巴南区', '巴南區', '巴南', '重庆市巴南区',
	 '区', 'county', '500000', '中心城区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.5156, 29.3848), 4326), NULL, true),
	('500114', '500114', '黔江区', '黔江區', '黔江', '重庆市黔江区',
	 '区', 'county', '500000', '渝东南武陵山区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.7782, 29.5303), 4326), NULL, true),
	('500115', '500115', '长寿区', '長壽區', '长寿', '重庆市长寿区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(107.0704, 29.8362), 4326), NULL, true),
	('500116', '500116', '江津区', '江津區', '江津', '重庆市江津区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.2494, 29.2862), 4326), NULL, true),
	('500117', '500117', '合川区', '合川區', '合川', '重庆市合川区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.2618, 29.9936), 4326), NULL, true),
	('500118', '500118', '永川区', '永川區', '永川', '重庆市永川区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(105.8912, 29.3518), 4326), NULL, true),
	('500119', '500119', '南川区', '南川區', '南川', '重庆市南川区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(107.0937, 29.1594), 4326), NULL, true),
	('500120', '500120', '璧山区', '璧山區', '璧山', '重庆市璧山区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.2274, 29.5963), 4326), NULL, true),
	('500151', '500151', '铜梁区', '銅梁區', '铜梁', '重庆市铜梁区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(106.0511, 29.8425), 4326), NULL, true),
	('500152', '500152', '潼南区', '潼南區', '潼南', '重庆市潼南区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(105.8382, 30.1923), 4326), NULL, true),
	('500153', '500153', '荣昌区', '榮昌區', '荣昌', '重庆市荣昌区',
	 '区', 'county', '500000', '主城新区', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(105.5907, 29.4066), 4326), NULL, true),
	('500154', '500154', '开州区', '開州區', '开州', '重庆市开州区',
	 '区', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.4087, 31.1698), 4326), NULL, true),
	('500155', '500155', '梁平区', '梁平區', '梁平', '重庆市梁平区',
	 '区', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(107.7956, 30.6747), 4326), NULL, true),
	('500156', '500156', '武隆区', '武隆區', '武隆', '重庆市武隆区',
	 '区', 'county', '500000', '渝东南武陵山区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(107.7521, 29.3266), 4326), NULL, true),
	('500229', '500229', '城口县', '城口縣', '城口', '重庆市城口县',
	 '县', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.6605, 31.9486), 4326), NULL, true),
	('500230', '500230', '丰都县', '豐都縣', '丰都', '重庆市丰都县',
	 '县', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(107.7280, 29.8691), 4326), NULL, true),
	('500231', '500231', '垫江县', '墊江縣', '垫江', '重庆市垫江县',
	 '县', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(107.3441, 30.3325), 4326), '《重庆市国土空间总体规划（2021—2035年）》也将垫江计入主城都市区', true),
	('500233', '500233', '忠县', '忠縣', '忠县', '重庆市忠县',
	 '县', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.0330, 30.2941), 4326), '简称保留“忠县”（规划文本的写法）', true),
	('500235', '500235', '云阳县', '雲陽縣', '云阳', '重庆市云阳县',
	 '县', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.6933, 30.9330), 4326), NULL, true),
	('500236', '500236', '奉节县', '奉節縣', '奉节', '重庆市奉节县',
	 '县', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(109.4608, 31.0222), 4326), NULL, true),
	('500237', '500237', '巫山县', '巫山縣', '巫山', '重庆市巫山县',
	 '县', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(109.8742, 31.0773), 4326), NULL, true),
	('500238', '500238', '巫溪县', '巫溪縣', '巫溪', '重庆市巫溪县',
	 '县', 'county', '500000', '渝东北三峡库区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(109.6242, 31.3989), 4326), NULL, true),
	('500240', '500240', '石柱土家族自治县', '石柱土家族自治縣', '石柱', '重庆市石柱土家族自治县',
	 '自治县', 'county', '500000', '渝东南武陵山区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.1079, 30.0010), 4326), NULL, true),
	('500241', '500241', '秀山土家族苗族自治县', '秀山土家族苗族自治縣', '秀山', '重庆市秀山土家族苗族自治县',
	 '自治县', 'county', '500000', '渝东南武陵山区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.9916, 28.4482), 4326), NULL, true),
	('500242', '500242', '酉阳土家族苗族自治县', '酉陽土家族苗族自治縣', '酉阳', '重庆市酉阳土家族苗族自治县',
	 '自治县', 'county', '500000', '渝东南武陵山区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.7629, 28.8430), 4326), NULL, true),
	('500243', '500243', '彭水苗族土家族自治县', '彭水苗族土家族自治縣', '彭水', '重庆市彭水苗族土家族自治县',
	 '自治县', 'county', '500000', '渝东南武陵山区城镇群', NULL, NULL, NULL,
	 ST_SetSRID(ST_MakePoint(108.1621, 29.2966), 4326), NULL, true);


-- 两江新区 was a national new area (国家级新区, no code of its own) until it became a
-- district on 2025-11-06 (江北区 and most of 渝北区 merged into it); the two rows
-- share the name, and the date of a plan picks the right one.  The other special
-- zones have no code; their keys are our own.  Seats of these rows are
-- approximate (2 to 5 km, see note).
INSERT INTO @extschema@.plan_gazetteer
	(division, code, name, name_t, short_name, full_name, type, level, parent, zone,
	 valid_from, valid_to, superseded_by, seat, note, shipped)
VALUES
	('500157', '500157', '两江新区', '兩江新區', '两江', '重庆市两江新区', '区', 'county', '500000', '中心城区',
	 '2025-11-06', NULL, NULL, ST_SetSRID(ST_MakePoint(106.52, 29.65), 4326),
	 '由江北区和渝北区大部设立，2025-11-06 批准，2026-01-25 挂牌；驻金山街道；座标约值（约 2 km）', true),
	('cq-liangjiang', NULL, '两江新区', '兩江新區', '两江', '重庆两江新区', '国家级新区', 'zone', '500000', '中心城区',
	 '2010-06-18', '2025-11-06', '{500157}', ST_SetSRID(ST_MakePoint(106.52, 29.65), 4326),
	 '国家级新区（2010 年设立，无行政区划代码）；2025-11-06 起为行政区 500157；座标约值', true),
	('cq-kexuecheng', NULL, '西部（重庆）科学城', '西部（重慶）科學城', '西部科学城', '西部（重庆）科学城',
	 '功能区', 'zone', '500000', NULL, NULL, NULL, NULL, ST_SetSRID(ST_MakePoint(106.34, 29.53), 4326),
	 '约 1198 km²，跨北碚、沙坪坝、九龙坡、江津、璧山，核心区为重庆高新区直管园；无行政区划代码；座标约值（约 3 km）', true),
	('cq-gaozhu', NULL, '川渝高竹新区', '川渝高竹新區', '高竹新区', '川渝高竹新区',
	 '功能区', 'zone', '500000', NULL, NULL, NULL, NULL, ST_SetSRID(ST_MakePoint(106.78, 30.02), 4326),
	 '川渝跨省合作功能区：重庆茨竹镇、大湾镇（原属渝北，2025-11 划归北碚）与四川广安邻水县高滩镇、坛同镇；无行政区划代码；座标约值（约 5 km）', true),
	('511600', '511600', '广安市', '廣安市', '广安', '四川省广安市', '地级市', 'prefecture', '510000', NULL,
	 NULL, NULL, NULL, ST_SetSRID(ST_MakePoint(106.6296, 30.4592), 4326),
	 '四川省，与重庆毗邻，川渝高竹新区一部分在其邻水县', true);

-- Phrases that are never places, and words that make a name into something
-- else (a road, a station, a relic).  The matcher folds them like the text.
INSERT INTO @extschema@.plan_gazetteer_alias (alias, division, kind, note, shipped) VALUES
	('江南岸', NULL, 'block', '长江南岸、嘉陵江南岸: a bank, not 南岸区', true),
	('江北国际机场', NULL, 'block', 'the airport, which lies in 渝北', true),
	('健康长寿', NULL, 'block', 'longevity, not 长寿区', true),
	('长寿命', NULL, 'block', 'long-life (batteries, materials)', true),
	('长寿之乡', NULL, 'block', 'an epithet', true),
	('两江四岸', NULL, 'block', 'the river banks of the central city, not 两江新区', true),
	('两江交汇', NULL, 'block', 'the confluence', true),
	('幸福建', NULL, 'block', '幸福建设, 幸福建筑: not 福建', true),
	('西部(重庆)科学城', 'cq-kexuecheng', 'alias', 'half-width brackets fold the same; kept for readers', true),
	('重庆高竹新区', 'cq-gaozhu', 'alias', NULL, true);

INSERT INTO @extschema@.plan_gazetteer_alias (alias, kind, note, shipped)
SELECT w, 'stop', n, true
FROM (VALUES ('路', 'road'), ('街', 'street'), ('巷', 'lane'), ('大道', 'avenue'), ('大街', 'avenue'),
			 ('道路', 'road'), ('公路', 'road'), ('铁路', 'railway'), ('高速', 'expressway'),
			 ('大桥', 'bridge'), ('桥', 'bridge'), ('隧道', 'tunnel'), ('站', 'station'),
			 ('机场', 'airport'), ('港', 'port'), ('码头', 'wharf'), ('岸', 'bank: 长江北岸'),
			 ('石刻', 'rock carvings: 大足石刻'), ('古镇', 'old town'), ('门', 'gate: 广安门'),
			 ('区', 'another district: 河北区 is in Tianjin, not 河北省'),
			 ('县', 'another county, or a former name')) AS v(w, n);

UPDATE @extschema@.plan_gazetteer SET province = coalesce(province,
	CASE WHEN level = 'province' THEN division WHEN code IS NOT NULL THEN left(code, 2) || '0000' ELSE '500000' END);

--------------------------------------------------------------------------
-- Shipped rows are read-only and not dumped; your rows are dumped
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_gazetteer_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		RAISE EXCEPTION '% holds rows shipped with plandata_geo and cannot be truncated', TG_TABLE_NAME
			USING ERRCODE = 'check_violation',
				  HINT = 'Delete your own rows: DELETE FROM ' || TG_TABLE_NAME || ' WHERE NOT shipped.';
	END IF;
	IF (TG_OP <> 'INSERT' AND OLD.shipped) OR (TG_OP <> 'DELETE' AND NEW.shipped) THEN
		RAISE EXCEPTION '% row % is shipped with plandata_geo and read-only', TG_TABLE_NAME,
			quote_literal(coalesce(to_jsonb(coalesce(OLD, NEW)) ->> CASE TG_TABLE_NAME
				WHEN 'plan_gazetteer' THEN 'division' ELSE 'alias' END, ''))
			USING ERRCODE = 'check_violation',
				  HINT = 'Add a row of your own (shipped = false): a new division key, an alias or block in plan_gazetteer_alias, a boundary in plan_gazetteer_boundary.  Shipped rows change with extension updates; pg_dump leaves them out.';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	-- the provincial-level division a new gazetteer row lies in
	IF TG_TABLE_NAME = 'plan_gazetteer' THEN
		IF NEW.province IS NULL THEN
			NEW.province := CASE
				WHEN NEW.level = 'province' THEN NEW.division
				WHEN NEW.code IS NOT NULL THEN left(NEW.code, 2) || '0000'
				ELSE (SELECT g.province FROM plan_gazetteer g WHERE g.division = NEW.parent) END;
		END IF;
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER plan_gazetteer_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.plan_gazetteer
	FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_gazetteer_guard();

-- parent must name a division.  A deferred constraint trigger rather than a
-- self-referencing foreign key: pg_dump warns about every self-referencing
-- key of a table it dumps data of ("circular foreign-key constraints"), and
-- deferring the check lets a restore load children before parents.
CREATE FUNCTION @extschema@.plan_gazetteer_parent_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
BEGIN
	IF TG_OP <> 'DELETE' THEN
		IF NEW.parent IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM plan_gazetteer g WHERE g.division = NEW.parent) THEN
			RAISE EXCEPTION 'plan_gazetteer row % names parent %, which is not in plan_gazetteer',
				quote_literal(NEW.division), quote_literal(NEW.parent)
				USING ERRCODE = 'foreign_key_violation';
		END IF;
		-- a parent inserted after its child in the same transaction: the
		-- child's province is known only now
		IF NEW.province IS NULL AND NEW.parent IS NOT NULL THEN
			UPDATE plan_gazetteer c SET province = p.province
			FROM plan_gazetteer p
			WHERE c.division = NEW.division AND p.division = NEW.parent AND p.province IS NOT NULL;
		END IF;
	ELSIF EXISTS (SELECT 1 FROM plan_gazetteer g WHERE g.parent = OLD.division) THEN
		RAISE EXCEPTION 'plan_gazetteer row % is the parent of other rows', quote_literal(OLD.division)
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER plan_gazetteer_parent_check
	AFTER INSERT OR UPDATE OF parent, division OR DELETE ON @extschema@.plan_gazetteer
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_gazetteer_parent_check();
CREATE TRIGGER plan_gazetteer_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.plan_gazetteer_alias
	FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_gazetteer_guard();
CREATE TRIGGER plan_gazetteer_guard_truncate BEFORE TRUNCATE ON @extschema@.plan_gazetteer
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.plan_gazetteer_guard();
CREATE TRIGGER plan_gazetteer_guard_truncate BEFORE TRUNCATE ON @extschema@.plan_gazetteer_alias
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.plan_gazetteer_guard();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_gazetteer', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_gazetteer_alias', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_gazetteer_boundary', '');

--------------------------------------------------------------------------
-- Loading boundaries
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_gazetteer_load_geojson(geojson jsonb,
	code_property text DEFAULT NULL, name_property text DEFAULT NULL,
	gcj02 boolean DEFAULT false, source text DEFAULT NULL, on_date date DEFAULT NULL,
	OUT feature int4, OUT division text, OUT name text, OUT status text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path FROM CURRENT
AS $$
DECLARE
	d		date := coalesce(on_date, current_date);
	feats	jsonb;
	f		jsonb;
	props	jsonb;
	key		text;
	nm		text;
	geom	geometry;
	hits	text[];
	srid	int4;
	divs	text[] := '{}';
	geoms	geometry[] := '{}';
BEGIN
	CASE geojson ->> 'type'
		WHEN 'FeatureCollection' THEN feats := geojson -> 'features';
		WHEN 'Feature' THEN feats := jsonb_build_array(geojson);
		ELSE
			RAISE EXCEPTION 'plan_gazetteer_load_geojson expects a GeoJSON FeatureCollection or Feature'
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = format('The top-level "type" is %s.', coalesce(quote_literal(geojson ->> 'type'), 'missing'));
	END CASE;
	IF jsonb_typeof(feats) IS DISTINCT FROM 'array' THEN
		RAISE EXCEPTION 'plan_gazetteer_load_geojson expects a GeoJSON FeatureCollection or Feature'
			USING ERRCODE = 'invalid_parameter_value', DETAIL = '"features" is not an array.';
	END IF;

	-- a collection-level "crs" (GeoJSON 2008, as ogr2ogr writes for other
	-- systems): urn:ogc:def:crs:EPSG::3857, EPSG:4490, …; CRS84 is 4326
	srid := coalesce(substring(geojson #>> '{crs,properties,name}' from '(?:EPSG:+)([0-9]+)$')::int4, 4326);

	FOR feature, f IN SELECT n, e FROM jsonb_array_elements(feats) WITH ORDINALITY AS a(e, n) LOOP
		props := coalesce(f -> 'properties', '{}');
		IF jsonb_typeof(props) <> 'object' THEN
			props := '{}';
		END IF;
		-- a code: the property asked for, else the usual ones; 9- and 12-digit
		-- statistical codes start with the 6-digit one
		key := CASE WHEN code_property IS NOT NULL THEN props ->> code_property
					ELSE coalesce(props ->> 'adcode', props ->> 'code', props ->> 'division',
								  props ->> 'gb', props ->> 'GB', f ->> 'id') END;
		nm := CASE WHEN name_property IS NOT NULL THEN props ->> name_property
				   ELSE coalesce(props ->> 'name', props ->> 'NAME', props ->> 'Name', props ->> '名称') END;
		IF key ~ '^[1-9][0-9]{5}([0-9]{3}|[0-9]{6})?$' AND NOT EXISTS
			(SELECT 1 FROM plan_gazetteer g WHERE g.division = key) THEN
			key := left(key, 6);
		END IF;
		division := NULL;
		name := nm;
		SELECT g.division, g.name INTO division, name FROM plan_gazetteer g WHERE g.division = key;
		IF division IS NOT NULL THEN
			status := 'code';
		ELSIF nm IS NOT NULL THEN
			name := nm;			-- as the feature has it, unless matched below
			-- by name in any script; prefer divisions that exist on the date
			SELECT array_agg(c.division ORDER BY c.division) INTO hits
			FROM (SELECT g.division,
						 rank() OVER (ORDER BY (g.valid_from IS NULL OR g.valid_from <= d)
											   AND (g.valid_to IS NULL OR g.valid_to > d) DESC) AS r
				  FROM plan_gazetteer g
				  WHERE plan_fold(nm) IN (plan_fold(g.name), plan_fold(g.short_name), plan_fold(g.full_name))
					 OR EXISTS (SELECT 1 FROM plan_gazetteer_alias a
								WHERE a.division = g.division AND a.kind = 'alias'
								  AND plan_fold(a.alias) = plan_fold(nm))) c
			WHERE c.r = 1;
			IF cardinality(hits) = 1 THEN
				division := hits[1];
				SELECT g.name INTO name FROM plan_gazetteer g WHERE g.division = hits[1];
				status := 'name';
			ELSIF cardinality(hits) > 1 THEN
				status := 'ambiguous: ' || array_to_string(hits, ', ');
				division := NULL;
			ELSE
				status := 'no match';
			END IF;
		ELSE
			status := 'no code or name';
		END IF;

		IF division IS NOT NULL THEN
			BEGIN
				geom := ST_GeomFromGeoJSON(f -> 'geometry');
			EXCEPTION WHEN OTHERS THEN
				geom := NULL;
				status := 'invalid geometry: ' || SQLERRM;
			END;
			-- GeoJSON without a crs of its own is in the collection's (4326 by
			-- default; PostGIS also assumes 4326)
			IF geom IS NOT NULL AND NOT coalesce(f -> 'geometry' ? 'crs', false) THEN
				geom := ST_SetSRID(geom, srid);
			END IF;
			IF geom IS NOT NULL AND ST_SRID(geom) <> 4326 THEN
				geom := ST_Transform(geom, 4326);
			END IF;
			IF geom IS NOT NULL AND gcj02 THEN
				geom := gcj02_to_wgs84(geom);
			END IF;
			geom := ST_CollectionExtract(ST_MakeValid(geom), 3);
			IF geom IS NULL OR ST_IsEmpty(geom) THEN
				IF status NOT LIKE 'invalid geometry%' THEN
					status := 'no polygon geometry';
				END IF;
				division := NULL;
			ELSE
				divs := divs || division;
				geoms := geoms || geom;
			END IF;
		END IF;
		RETURN NEXT;
	END LOOP;

	-- a division matched by several features (islands, parts) gets their union
	INSERT INTO plan_gazetteer_boundary AS b (division, boundary, source)
	SELECT u.dv, ST_Multi(ST_CollectionExtract(ST_Union(u.g), 3)), plan_gazetteer_load_geojson.source
	FROM unnest(divs, geoms) AS u(dv, g)
	GROUP BY u.dv
	ON CONFLICT ON CONSTRAINT plan_gazetteer_boundary_pkey DO UPDATE
		SET boundary = excluded.boundary, source = excluded.source, loaded_at = now();
END
$$;
COMMENT ON FUNCTION @extschema@.plan_gazetteer_load_geojson(jsonb, text, text, boolean, text, date) IS
	'load boundaries from a GeoJSON FeatureCollection into plan_gazetteer_boundary, matching features by code (adcode, code, …) or name; one row per feature says how it matched';

CREATE FUNCTION @extschema@.plan_gazetteer_load_geojson(geojson text,
	code_property text DEFAULT NULL, name_property text DEFAULT NULL,
	gcj02 boolean DEFAULT false, source text DEFAULT NULL, on_date date DEFAULT NULL,
	OUT feature int4, OUT division text, OUT name text, OUT status text)
RETURNS SETOF record
LANGUAGE sql VOLATILE
SET search_path FROM CURRENT
AS $$
	SELECT * FROM plan_gazetteer_load_geojson(geojson::jsonb, code_property, name_property, gcj02, source, on_date)
$$;
/* plandata_geo--0.1--0.2.sql: place mentions per task, task–place views and
 * choropleth SVG maps on top of the 0.1 gazetteer. */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION plandata_geo UPDATE TO '0.2'" to load this file. \quit

-- Function bodies run later under the search_path in effect now, captured
-- with SET search_path FROM CURRENT: pg_catalog first (nothing in a schema
-- others can write to may stand in for a built-in), then this extension's
-- schema, plandata's and PostGIS's wherever they were installed, pg_temp last.
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
-- Places in text
--------------------------------------------------------------------------

-- The provincial-level division that a region names: a division key, or a
-- name in any script (重庆, 重慶市, 500000).
CREATE FUNCTION @extschema@.plan_region_province(region text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT coalesce(
		(SELECT g.province FROM plan_gazetteer g WHERE g.division = region),
		(SELECT g.province
		 FROM plan_gazetteer g
		 WHERE plan_fold(region) IN (plan_fold(g.name), plan_fold(g.short_name), plan_fold(g.full_name))
		 ORDER BY g.level = 'province' DESC, g.division
		 LIMIT 1))
$$;

CREATE FUNCTION @extschema@.place_mentions(doc text, region text DEFAULT NULL, on_date date DEFAULT NULL,
	OUT division text, OUT name text, OUT matched text, OUT pos int4, OUT len int4)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
WITH p AS (
	SELECT coalesce(on_date, current_date) AS d, plan_region_province(region) AS province
),
-- every name of every division that exists on the date, folded; blockers too
live AS (
	SELECT plan_fold(t.term) AS term, g.division, g.province
	FROM p, plan_gazetteer g
		CROSS JOIN LATERAL (VALUES (g.name), (g.short_name), (g.full_name)) AS t(term)
	WHERE t.term IS NOT NULL
	  AND (g.valid_from IS NULL OR g.valid_from <= p.d)
	  AND (g.valid_to IS NULL OR g.valid_to > p.d)
	UNION
	SELECT plan_fold(a.alias), a.division, g.province
	FROM p, plan_gazetteer_alias a LEFT JOIN plan_gazetteer g ON g.division = a.division
	WHERE a.kind = 'block'
	   OR (a.kind = 'alias' AND (g.valid_from IS NULL OR g.valid_from <= p.d)
						   AND (g.valid_to IS NULL OR g.valid_to > p.d))
),
dict AS (
	SELECT array_agg(DISTINCT term) AS terms FROM live
),
stops AS (
	SELECT coalesce(array_agg(a.alias ORDER BY a.alias), '{}') AS stops
	FROM plan_gazetteer_alias a WHERE a.kind = 'stop'
),
hit AS (
	SELECT m.pos, m.len, dict.terms[m.term] AS term
	FROM dict, stops, plan_match_terms(doc, dict.terms, stops.stops) AS m
),
-- the candidates of each hit; a blocker kills the hit; the issuing region's
-- own divisions rank first; a hit whose best candidates tie is left out
cand AS (
	SELECT DISTINCT h.pos, h.len, l.division,
		   CASE WHEN l.province = p.province THEN 0 ELSE 1 END AS rank
	FROM hit h JOIN live l ON l.term = h.term, p
),
ranked AS (
	SELECT c.*,
		   bool_or(c.division IS NULL) OVER (PARTITION BY c.pos) AS blocked,
		   min(c.rank) OVER (PARTITION BY c.pos) AS best,
		   count(*) OVER (PARTITION BY c.pos, c.rank) AS ties
	FROM cand c
)
SELECT r.division, g.name, substr(doc, r.pos, r.len), r.pos, r.len
FROM ranked r JOIN plan_gazetteer g ON g.division = r.division
WHERE NOT r.blocked AND r.rank = r.best AND r.ties = 1
ORDER BY r.pos
$$;
COMMENT ON FUNCTION @extschema@.place_mentions(text, text, date) IS
	'places named in a text: division key, standard name, the text as printed and its character position; names resolved for the date (NULL: today) and preferring the region''s own divisions';

-- The region a plan is issued in: the first place its issuer names
-- (重庆市人民政府), else, when the issuer is unknown, the province whose
-- abbreviation opens its 发文字号 (渝府发).  NULL for national documents
-- (国务院, 国发) and for issuers the gazetteer does not know.
CREATE FUNCTION @extschema@.plan_issuing_region(issuer text, docno text, issued date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT CASE
		WHEN coalesce(issuer, '') <> '' THEN
			-- the division named first in the issuer, the longest name there
			-- (四川省广安市人民政府 is 广安市); zones issue no plans
			(SELECT g.division
			 FROM plan_gazetteer g
				  CROSS JOIN LATERAL (VALUES (g.name), (g.short_name), (g.full_name)) AS t(n)
				  CROSS JOIN LATERAL (SELECT strpos(plan_fold(issuer), plan_fold(t.n)) AS at) AS w
			 WHERE t.n IS NOT NULL AND w.at > 0 AND g.level <> 'zone'
			   AND (g.valid_from IS NULL OR g.valid_from <= coalesce(issued, current_date))
			   AND (g.valid_to IS NULL OR g.valid_to > coalesce(issued, current_date))
			 ORDER BY w.at, length(t.n) DESC, g.division
			 LIMIT 1)
		ELSE
			(SELECT g.division FROM plan_gazetteer g
			 WHERE g.level = 'province' AND left(plan_fold(docno), 1) = ANY (g.abbr)
			 ORDER BY g.division LIMIT 1)
		END
$$;
COMMENT ON FUNCTION @extschema@.plan_issuing_region(text, text, date) IS
	'division key of the region that issued a plan (from its issuer, else its 发文字号), NULL if national or unknown';

CREATE FUNCTION @extschema@.plan_issuing_region(doc text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT plan_issuing_region(i.issuer, i.docno_text, i.issued) FROM plan_info(doc) i
$$;
COMMENT ON FUNCTION @extschema@.plan_issuing_region(text) IS
	'division key of the region that issued a plan document, NULL if national or unknown';

-- sentence number of a character offset in a task's own text: sentence ends
-- (。！？； and their ASCII forms) before it, plus one
CREATE FUNCTION @extschema@.plan_sentence_at(body text, offs int4) RETURNS int4
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog
AS $$
	SELECT pg_catalog.length(s) - pg_catalog.length(pg_catalog.translate(s, '。！？；!?;', '')) + 1
	FROM pg_catalog.substr(body, 1, offs) AS s
$$;

CREATE FUNCTION @extschema@.plan_places(doc text,
	OUT code @extschema@.taskcode, OUT division text, OUT name text, OUT matched text,
	OUT ord int4, OUT pos int4, OUT sentence int4, OUT level text)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
WITH info AS MATERIALIZED (
	SELECT i.issued, plan_issuing_region(i.issuer, i.docno_text, i.issued) AS region FROM plan_info(doc) i
),
m AS MATERIALIZED (
	SELECT m.*, info.region
	FROM info, place_mentions(doc, info.region, info.issued) m
	WHERE m.division IS DISTINCT FROM info.region
),
t AS MATERIALIZED (
	SELECT * FROM plan_tasks(doc)
)
-- each mention belongs to the task whose own text holds it; mentions in
-- the title and the preamble belong to none
SELECT t.code, m.division, m.name, m.matched, t.ord, m.pos,
	   plan_sentence_at(t.body, m.pos - 1 - t.start_offset), g.level
FROM m
JOIN t ON m.pos - 1 >= t.start_offset AND m.pos - 1 < t.end_offset
JOIN plan_gazetteer g ON g.division = m.division
ORDER BY m.pos
$$;
COMMENT ON FUNCTION @extschema@.plan_places(text) IS
	'places each task of a plan names: task code, division key, standard name, the text as printed; dated by the plan, resolved in its issuing region, which itself is left out';

-- the same for a stored document, from its stored tasks
CREATE FUNCTION @extschema@.plan_document_places(document_id bigint,
	OUT ord int4, OUT code @extschema@.taskcode, OUT division text, OUT name text, OUT matched text,
	OUT pos int4, OUT sentence int4)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
WITH d AS MATERIALIZED (
	SELECT d.id, d.body, d.issued, plan_issuing_region(d.issuer, d.docno::text, d.issued) AS region
	FROM plan_document d WHERE d.id = document_id
),
m AS MATERIALIZED (
	SELECT m.*, d.id
	FROM d, place_mentions(d.body, d.region, d.issued) m
	WHERE m.division IS DISTINCT FROM d.region
)
SELECT t.ord, t.code, m.division, m.name, m.matched, m.pos,
	   plan_sentence_at(t.body, m.pos - 1 - t.start_offset)
FROM m
JOIN plan_task t ON t.document_id = m.id AND m.pos - 1 >= t.start_offset AND m.pos - 1 < t.end_offset
ORDER BY m.pos
$$;
COMMENT ON FUNCTION @extschema@.plan_document_places(bigint) IS
	'plan_places() of a stored document, from plan_document and plan_task';

--------------------------------------------------------------------------
-- Choropleth maps as SVG
--------------------------------------------------------------------------

-- label width in px for the SVG's font: CJK characters are one em, others
-- about 0.6 em (the layout only needs to be close)
CREATE FUNCTION @extschema@.plan_map_text_width(s text, size float8) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog
AS $$
	SELECT size * (pg_catalog.length(s) - 0.4 * pg_catalog.length(pg_catalog.regexp_replace(s, '[^\x20-\x7e]', '', 'g')))
$$;

-- one thing drawn on a map: a division, its count and where it goes
-- (part: 'main' map or the 'inset' that magnifies a crowded centre)
CREATE TYPE @extschema@.plan_map_item AS (division text, name text, label text, level text, zone text,
	value float8, seat geometry, boundary geometry, cls int4, cx float8, cy float8, r float8, part text);

CREATE FUNCTION @extschema@.plan_map_svg(divisions text[], counts float8[], title text DEFAULT NULL,
	subtitle text DEFAULT NULL, legend text DEFAULT '任务数 · tasks', on_date date DEFAULT NULL,
	width int4 DEFAULT 800)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
DECLARE
	d		date := coalesce(on_date, current_date);
	-- ColorBrewer YlOrRd for 1..5 classes
	pal		text[] := ARRAY['#fd8d3c', '#feb24c|#e31a1c', '#ffeda0|#feb24c|#f03b20',
							'#ffffb2|#fecc5c|#fd8d3c|#e31a1c', '#ffffb2|#fecc5c|#fd8d3c|#f03b20|#bd0026'];
	pad		CONSTANT float8 := 16;		-- margins
	top		CONSTANT float8 := 64;		-- title band
	panel	CONSTANT float8 := 190;		-- legend column
	colors	text[];
	breaks	float8[];			-- upper bound of each class
	nclass	int4;
	integral boolean;
	maxv	float8;
	minv	float8;
	local	boolean;
	others	text[];
	items	plan_map_item[];
	nitems	int4; nnamed int4; nbound int4;
	ext		box2d;
	lon0	float8; lat1 float8; c float8; s float8; mw float8; mh float8; h float8;
	-- the inset: source box on the main map, zoom, frame
	crowd	int4;
	bx1 float8; by1 float8; bx2 float8; by2 float8; z float8;
	ix float8; iy float8; iw float8; ih float8; ititle text;
	it		record;
	shapes	xml[] := '{}';
	seats	xml[] := '{}';
	inset	xml[] := '{}';
	labels	xml[] := '{}';
	leg		xml[] := '{}';
	boxes	float8[];			-- obstacles: x1, y1, x2, y2, weight
	cand	float8[];
	lab		text; lw float8; best int4; bestscore float8; score float8;
	km		float8; barkm float8; y float8; lx float8;
BEGIN
	IF cardinality(divisions) IS DISTINCT FROM cardinality(counts) THEN
		RAISE EXCEPTION 'plan_map_svg needs as many counts as divisions'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('%s divisions, %s counts.', cardinality(divisions), cardinality(counts));
	END IF;
	IF width < 400 OR width > 4000 THEN
		RAISE EXCEPTION 'plan_map_svg width must be between 400 and 4000 pixels, not %', width
			USING ERRCODE = 'invalid_parameter_value';
	END IF;

	-- one count per known division
	SELECT coalesce(array_agg(u.dv ORDER BY u.dv), '{}'), coalesce(array_agg(u.val ORDER BY u.dv), '{}')
	INTO divisions, counts
	FROM (SELECT u.dv, sum(u.val) AS val FROM unnest(divisions, counts) AS u(dv, val)
		  WHERE u.dv IS NOT NULL AND u.val IS NOT NULL GROUP BY u.dv) u
	JOIN plan_gazetteer g ON g.division = u.dv;

	-- What to draw: the divisions with a count and, as the grey background,
	-- their siblings on the date (same level and parent).  The map shows
	-- either provinces or what lies below them, whichever has more divisions
	-- with a count; the others are listed beside it.
	SELECT count(*) FILTER (WHERE g.level <> 'province') > 0
		   AND count(*) FILTER (WHERE g.level <> 'province') >= count(*) FILTER (WHERE g.level = 'province')
	INTO local
	FROM unnest(divisions, counts) AS u(dv, val) JOIN plan_gazetteer g ON g.division = u.dv
	WHERE u.val > 0;
	WITH v AS (
		SELECT u.dv AS division, u.val AS value
		FROM unnest(divisions, counts) AS u(dv, val) JOIN plan_gazetteer g ON g.division = u.dv
		WHERE (g.level <> 'province') = local
	), vg AS (
		SELECT g.division, g.level, g.parent FROM v JOIN plan_gazetteer g USING (division)
	), ctx AS (
		SELECT g.division FROM plan_gazetteer g
		WHERE g.level <> 'zone'
		  AND (g.valid_from IS NULL OR g.valid_from <= d) AND (g.valid_to IS NULL OR g.valid_to > d)
		  AND EXISTS (SELECT 1 FROM vg WHERE vg.level = g.level AND vg.parent IS NOT DISTINCT FROM g.parent)
		UNION
		SELECT vg.division FROM vg
	)
	SELECT coalesce(array_agg(ROW(g.division, g.name, coalesce(g.short_name, g.name), g.level, g.zone,
				coalesce(v.value, 0), coalesce(g.seat, ST_PointOnSurface(b.boundary)), b.boundary,
				NULL, NULL, NULL, NULL, 'main')::plan_map_item ORDER BY g.division), '{}')
	INTO items
	FROM ctx JOIN plan_gazetteer g USING (division)
	LEFT JOIN v USING (division)
	LEFT JOIN plan_gazetteer_boundary b USING (division)
	WHERE coalesce(g.seat, b.boundary) IS NOT NULL;
	SELECT array_agg(format('%s %s', g.name, trim_scale(u.val::numeric)) ORDER BY u.val DESC, g.division)
	INTO others
	FROM unnest(divisions, counts) AS u(dv, val) JOIN plan_gazetteer g ON g.division = u.dv
	WHERE (g.level <> 'province') <> local AND u.val > 0;

	SELECT count(*), count(*) FILTER (WHERE value > 0), count(boundary),
		   max(value), min(value) FILTER (WHERE value > 0), bool_and(value = trunc(value)),
		   ST_Extent(coalesce(boundary, seat))
	INTO nitems, nnamed, nbound, maxv, minv, integral, ext
	FROM unnest(items);

	-- classes: one per value when the counts are whole numbers up to 5,
	-- else five quantile classes of the positive counts
	IF coalesce(maxv, 0) <= 0 THEN
		breaks := '{}';
	ELSIF integral AND maxv <= 5 THEN
		breaks := ARRAY(SELECT generate_series(1, maxv::int4)::float8);
	ELSE
		breaks := ARRAY(SELECT DISTINCT q FROM unnest((SELECT percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8, 1.0])
							WITHIN GROUP (ORDER BY value) FROM unnest(items) WHERE value > 0)) AS q ORDER BY q);
	END IF;
	nclass := cardinality(breaks);
	colors := CASE WHEN nclass > 0 THEN string_to_array(pal[nclass], '|') ELSE '{}' END;

	-- projection: longitude scaled by the cosine of the middle latitude,
	-- fitted into the map area
	IF ext IS NULL THEN
		ext := ST_MakeBox2D(ST_MakePoint(105, 28), ST_MakePoint(110, 32));
	END IF;
	ext := ST_Expand(ext, greatest(ST_XMax(ext) - ST_XMin(ext), ST_YMax(ext) - ST_YMin(ext), 0.5) * 0.06);
	lat1 := ST_YMax(ext);
	lon0 := ST_XMin(ext);
	c := cos(radians((ST_YMin(ext) + ST_YMax(ext)) / 2));
	mw := width - 2 * pad - panel;
	s := least(mw / ((ST_XMax(ext) - ST_XMin(ext)) * c), 1.1 * width / (ST_YMax(ext) - ST_YMin(ext)));
	mw := (ST_XMax(ext) - ST_XMin(ext)) * c * s;
	mh := (ST_YMax(ext) - ST_YMin(ext)) * s;

	SELECT array_agg(ROW(t.division, t.name, t.label, t.level, t.zone, t.value, t.seat, t.boundary, t.cls,
			round((pad + (ST_X(t.seat) - lon0) * c * s)::numeric, 1),
			round((top + (lat1 - ST_Y(t.seat)) * s)::numeric, 1),
			CASE WHEN t.boundary IS NOT NULL THEN 2 WHEN t.value > 0 THEN 4.5 + 1.5 * t.cls ELSE 3.5 END,
			'main')::plan_map_item ORDER BY t.division)
	INTO items
	FROM (SELECT i.division, i.name, i.label, i.level, i.zone, i.value, i.seat, i.boundary,
				 (SELECT min(k) FROM generate_subscripts(breaks, 1) k
				  WHERE i.value > 0 AND i.value <= breaks[k]) AS cls
		  FROM unnest(items) i) t;

	-- A crowded centre (three or more named seats each with two others
	-- within 20 px, as the districts of a central city are) is drawn again,
	-- magnified, in an inset below the map; its labels go there.
	SELECT count(*), min(a.cx) - 8, min(a.cy) - 8, max(a.cx) + 8, max(a.cy) + 8
	INTO crowd, bx1, by1, bx2, by2
	FROM unnest(items) a
	WHERE a.value > 0
	  AND (SELECT count(*) FROM unnest(items) b
		   WHERE b.value > 0 AND b.division <> a.division AND (a.cx - b.cx) ^ 2 + (a.cy - b.cy) ^ 2 < 400) >= 2;
	IF crowd >= 3 THEN
		-- below the map, as wide as needed up to the map's width
		z := least((mw - 20) / (bx2 - bx1), 260 / (by2 - by1), 12);
		iw := round(((bx2 - bx1) * z + 20)::numeric, 1);
		ih := round(((by2 - by1) * z + 36)::numeric, 1);
		ix := pad;
		iy := round((top + mh + 12)::numeric, 1);
		SELECT CASE WHEN count(DISTINCT i.zone) = 1 AND count(i.zone) = count(*) THEN min(i.zone) ELSE '局部' END
			   || format(' ×%s', round(z::numeric, 1))
		INTO ititle
		FROM unnest(items) i
		WHERE i.cx BETWEEN bx1 AND bx2 AND i.cy BETWEEN by1 AND by2 AND i.level <> 'zone';
		items := items || ARRAY(
			SELECT ROW(i.division, i.name, i.label, i.level, i.zone, i.value, i.seat, i.boundary, i.cls,
					   round((ix + 10 + (i.cx - bx1) * z)::numeric, 1), round((iy + 26 + (i.cy - by1) * z)::numeric, 1),
					   i.r, 'inset')::plan_map_item
			FROM unnest(items) i
			WHERE i.cx BETWEEN bx1 AND bx2 AND i.cy BETWEEN by1 AND by2
			ORDER BY i.division);
	END IF;

	-- boundaries: ST_AsSVG of the geometry moved into pixel space (ST_AsSVG
	-- writes y negated, which is what the downward y axis of SVG wants)
	FOR it IN SELECT * FROM unnest(items) WHERE boundary IS NOT NULL ORDER BY part, value, division LOOP
		lab := format('%s %s: %s', it.name, it.division, trim_scale(it.value::numeric));
		IF it.part = 'main' THEN
			shapes := shapes || xmlelement(name path,
				xmlattributes(ST_AsSVG(ST_Translate(ST_TransScale(it.boundary, -lon0, -lat1, c * s, s), pad, -top), 0, 1) AS d,
							  CASE WHEN it.value > 0 THEN colors[it.cls] ELSE '#eeeeee' END AS fill,
							  it.division AS "data-division", it.value AS "data-value"),
				xmlelement(name title, lab));
		ELSE
			inset := inset || xmlelement(name path,
				xmlattributes(ST_AsSVG(ST_Translate(ST_TransScale(it.boundary, -lon0, -lat1, c * s * z, s * z),
										ix + 10 + (pad - bx1) * z, -(iy + 26 + (top - by1) * z)), 0, 1) AS d,
							  CASE WHEN it.value > 0 THEN colors[it.cls] ELSE '#eeeeee' END AS fill,
							  'url(#inset-clip)' AS "clip-path", it.division AS "data-division", it.value AS "data-value"),
				xmlelement(name title, lab));
		END IF;
	END LOOP;

	-- seats: graded circles where there is no boundary (a dot where there
	-- is one); functional zones dashed
	FOR it IN SELECT * FROM unnest(items) ORDER BY part, value, cy, division LOOP
		IF it.part = 'main' THEN
			seats := seats || xmlelement(name circle,
				xmlattributes(it.cx AS cx, it.cy AS cy, it.r AS r,
							  CASE WHEN it.boundary IS NOT NULL THEN '#333333'
								   WHEN it.value > 0 THEN colors[it.cls] ELSE '#e0e0e0' END AS fill,
							  CASE WHEN it.level = 'zone' THEN 'zone' END AS class,
							  it.division AS "data-division", it.value AS "data-value"),
				xmlelement(name title, format('%s %s: %s', it.name, it.division, trim_scale(it.value::numeric))));
		ELSE
			inset := inset || xmlelement(name circle,
				xmlattributes(it.cx AS cx, it.cy AS cy, it.r AS r,
							  CASE WHEN it.boundary IS NOT NULL THEN '#333333'
								   WHEN it.value > 0 THEN colors[it.cls] ELSE '#e0e0e0' END AS fill,
							  CASE WHEN it.level = 'zone' THEN 'zone' END AS class,
							  it.division AS "data-division", it.value AS "data-value"),
				xmlelement(name title, format('%s %s: %s', it.name, it.division, trim_scale(it.value::numeric))));
		END IF;
	END LOOP;

	-- labels: the divisions with a count first, largest first, each at the
	-- side of its seat (right, left, above, below) that overlaps least; then
	-- the others, small and grey, where they overlap nothing.  Seats in the
	-- inset's source box are labelled in the inset only.
	SELECT coalesce(array_agg(q.b ORDER BY t.n, q.o), '{}') INTO boxes
	FROM unnest(items) WITH ORDINALITY AS t(division, name, label, level, zone, value, seat, boundary,
											cls, cx, cy, r, part, n),
		 LATERAL unnest(ARRAY[t.cx - t.r, t.cy - t.r, t.cx + t.r, t.cy + t.r,
							  CASE WHEN t.value > 0 THEN 1 ELSE 0.3 END]) WITH ORDINALITY AS q(b, o);
	IF crowd >= 3 THEN
		boxes := boxes || ARRAY[ix, iy, ix + iw, iy + ih, 1];
	END IF;
	FOR it IN SELECT * FROM unnest(items) i
			  WHERE i.part = 'inset' OR crowd < 3 OR NOT (i.cx BETWEEN bx1 AND bx2 AND i.cy BETWEEN by1 AND by2)
			  ORDER BY i.value > 0 DESC, i.value DESC, i.part, i.cy, i.division LOOP
		lab := CASE WHEN it.value > 0 THEN it.label || ' ' || trim_scale(it.value::numeric) ELSE it.label END;
		lw := plan_map_text_width(lab, CASE WHEN it.value > 0 THEN 12 ELSE 10 END);
		best := 1;
		bestscore := 'infinity';
		FOR k IN 1..4 LOOP
			cand := CASE k
				WHEN 1 THEN ARRAY[it.cx + it.r + 3, it.cy - 8, it.cx + it.r + 3 + lw, it.cy + 4]
				WHEN 2 THEN ARRAY[it.cx - it.r - 3 - lw, it.cy - 8, it.cx - it.r - 3, it.cy + 4]
				WHEN 3 THEN ARRAY[it.cx - lw / 2, it.cy - it.r - 14, it.cx + lw / 2, it.cy - it.r - 2]
				ELSE ARRAY[it.cx - lw / 2, it.cy + it.r + 2, it.cx + lw / 2, it.cy + it.r + 14] END;
			SELECT coalesce(sum(boxes[i + 4]) FILTER (
						WHERE cand[1] < boxes[i + 2] AND boxes[i] < cand[3]
						  AND cand[2] < boxes[i + 3] AND boxes[i + 1] < cand[4]
						  AND NOT (boxes[i] = it.cx - it.r AND boxes[i + 1] = it.cy - it.r)
						  -- the inset's frame is no obstacle to its own labels
						  AND NOT (it.part = 'inset' AND crowd >= 3 AND boxes[i] = ix AND boxes[i + 1] = iy
								   AND boxes[i + 2] = ix + iw)), 0)
				   + CASE WHEN it.part = 'main' AND (cand[1] < pad OR cand[3] > pad + mw OR cand[2] < top OR cand[4] > top + mh)
						  THEN 0.5
						  WHEN it.part = 'inset' AND (cand[1] < ix OR cand[3] > ix + iw OR cand[2] < iy + 18 OR cand[4] > iy + ih)
						  THEN 0.5 ELSE 0 END
			INTO score
			FROM generate_series(1, cardinality(boxes), 5) AS i;
			IF score < bestscore THEN
				bestscore := score;
				best := k;
			END IF;
		END LOOP;
		CONTINUE WHEN it.value <= 0 AND bestscore > 0;
		cand := CASE best
			WHEN 1 THEN ARRAY[it.cx + it.r + 3, it.cy - 8, it.cx + it.r + 3 + lw, it.cy + 4]
			WHEN 2 THEN ARRAY[it.cx - it.r - 3 - lw, it.cy - 8, it.cx - it.r - 3, it.cy + 4]
			WHEN 3 THEN ARRAY[it.cx - lw / 2, it.cy - it.r - 14, it.cx + lw / 2, it.cy - it.r - 2]
			ELSE ARRAY[it.cx - lw / 2, it.cy + it.r + 2, it.cx + lw / 2, it.cy + it.r + 14] END;
		boxes := boxes || cand || 1::float8;
		labels := labels || xmlelement(name text,
			xmlattributes(round(CASE best WHEN 1 THEN cand[1] WHEN 2 THEN cand[3] ELSE it.cx END::numeric, 1) AS x,
						  round((cand[4] - 2)::numeric, 1) AS y,
						  CASE best WHEN 1 THEN 'start' WHEN 2 THEN 'end' ELSE 'middle' END AS "text-anchor",
						  CASE WHEN it.value <= 0 THEN 'context' END AS class,
						  it.division AS "data-division"),
			lab);
	END LOOP;

	-- legend: the classes, zero, the symbols, a scale bar, the provinces
	-- named beside the map, and what is on it
	lx := round((pad + mw + 24)::numeric, 1);
	y := top + 4;
	leg := leg || xmlelement(name text, xmlattributes(lx AS x, y + 10 AS y, 'legend-title' AS class), legend);
	FOR k IN 1..nclass LOOP
		y := y + 22;
		leg := leg || xmlelement(name rect, xmlattributes(lx AS x, y AS y, 14 AS width, 14 AS height,
					colors[k] AS fill, 'swatch' AS class))
				   || xmlelement(name text, xmlattributes(lx + 22 AS x, y + 12 AS y),
					CASE WHEN integral AND k = 1 THEN CASE WHEN breaks[1] > 1 THEN '1–' ELSE '' END
						 WHEN integral AND breaks[k] = breaks[k - 1] + 1 THEN ''
						 WHEN integral THEN trim_scale((breaks[k - 1] + 1)::numeric) || '–'
						 WHEN k = 1 THEN trim_scale(minv::numeric) || ' – '
						 ELSE trim_scale(breaks[k - 1]::numeric) || ' – ' END
					|| trim_scale(breaks[k]::numeric));
	END LOOP;
	y := y + 22;
	leg := leg || xmlelement(name rect, xmlattributes(lx AS x, y AS y, 14 AS width, 14 AS height,
				'#e0e0e0' AS fill, 'swatch' AS class))
			   || xmlelement(name text, xmlattributes(lx + 22 AS x, y + 12 AS y), '0');
	y := y + 30;
	leg := leg || xmlelement(name circle, xmlattributes(lx + 7 AS cx, y + 7 AS cy, 6 AS r, '#fd8d3c' AS fill))
			   || xmlelement(name text, xmlattributes(lx + 22 AS x, y + 12 AS y), '驻地 seat');
	IF EXISTS (SELECT 1 FROM unnest(items) WHERE level = 'zone') THEN
		y := y + 22;
		leg := leg || xmlelement(name circle, xmlattributes(lx + 7 AS cx, y + 7 AS cy, 6 AS r, '#fd8d3c' AS fill, 'zone' AS class))
				   || xmlelement(name text, xmlattributes(lx + 22 AS x, y + 12 AS y), '功能区 zone');
	END IF;
	IF nbound > 0 THEN
		y := y + 22;
		leg := leg || xmlelement(name rect, xmlattributes(lx AS x, y AS y, 14 AS width, 14 AS height,
					'#fd8d3c' AS fill, 'swatch' AS class))
				   || xmlelement(name text, xmlattributes(lx + 22 AS x, y + 12 AS y), '边界 boundary');
	END IF;
	-- scale bar: a round length near 100 px (s px per degree of latitude, 111.32 km)
	km := s / 111.32;
	barkm := (SELECT b FROM unnest(ARRAY[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) b
			  ORDER BY abs(b * km - 100) LIMIT 1);
	y := y + 34;
	leg := leg || xmlelement(name path, xmlattributes(format('M %s %s v 5 h %s v -5', lx, y,
					round((barkm * km)::numeric, 1)) AS d, 'scale' AS class))
			   || xmlelement(name text, xmlattributes(lx AS x, y + 18 AS y), barkm || ' km');
	IF others IS NOT NULL THEN
		y := y + 44;
		leg := leg || xmlelement(name text, xmlattributes(lx AS x, y AS y, 'legend-title' AS class), '另见 · also named');
		FOR k IN 1..least(cardinality(others), 12) LOOP
			y := y + 18;
			leg := leg || xmlelement(name text, xmlattributes(lx AS x, y AS y, 'other' AS class),
							CASE WHEN k = 12 AND cardinality(others) > 12 THEN '…' ELSE others[k] END);
		END LOOP;
	END IF;
	y := y + 36;
	leg := leg || xmlelement(name text, xmlattributes(lx AS x, y AS y, 'note' AS class),
					format('%s 个区划，%s 个被提及', nitems, nnamed));
	h := ceil(greatest(top + mh + pad, y + pad, CASE WHEN crowd >= 3 THEN iy + ih + pad ELSE 0 END));

	RETURN xmlelement(name svg,
		xmlattributes('http://www.w3.org/2000/svg' AS xmlns, width AS width, h AS height,
					  format('0 0 %s %s', width, h) AS "viewBox"),
		xmlelement(name title, coalesce(title, legend)),
		xmlelement(name style,
			'text { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 12px; fill: #222; } '
			'#labels text { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; } '
			'#labels text.context { font-size: 10px; fill: #888; } '
			'path[data-division] { stroke: #777; stroke-width: 0.6; } '
			'circle { stroke: #555; stroke-width: 0.8; } circle.zone { stroke-dasharray: 2 1.5; stroke: #333; } '
			'.swatch { stroke: #777; stroke-width: 0.6; } .scale { fill: none; stroke: #333; stroke-width: 1.2; } '
			'.frame { fill: #ffffff; stroke: #999; } .mark { fill: none; stroke: #999; stroke-dasharray: 3 2; } '
			'.heading { font-size: 18px; font-weight: bold; } .legend-title { font-weight: bold; } .note { fill: #666; font-size: 11px; }'),
		CASE WHEN crowd >= 3 THEN
			xmlelement(name defs, xmlelement(name "clipPath", xmlattributes('inset-clip' AS id),
				xmlelement(name rect, xmlattributes(ix AS x, iy + 18 AS y, iw AS width, ih - 18 AS height)))) END,
		xmlelement(name rect, xmlattributes(0 AS x, 0 AS y, width AS width, h AS height, '#ffffff' AS fill)),
		xmlelement(name text, xmlattributes(pad AS x, 30 AS y, 'heading' AS class), coalesce(title, legend)),
		CASE WHEN subtitle IS NOT NULL THEN
			xmlelement(name text, xmlattributes(pad AS x, 50 AS y, 'note' AS class), subtitle) END,
		xmlelement(name rect, xmlattributes(pad AS x, top AS y, round(mw::numeric, 1) AS width, round(mh::numeric, 1) AS height,
					'#f7fbff' AS fill, '#c6dbef' AS stroke)),
		xmlelement(name g, xmlattributes('boundaries' AS id), (SELECT xmlagg(x ORDER BY n) FROM unnest(shapes) WITH ORDINALITY AS e(x, n))),
		xmlelement(name g, xmlattributes('seats' AS id), (SELECT xmlagg(x ORDER BY n) FROM unnest(seats) WITH ORDINALITY AS e(x, n))),
		CASE WHEN crowd >= 3 THEN
			xmlelement(name g, xmlattributes('inset' AS id),
				xmlelement(name rect, xmlattributes(round(bx1::numeric, 1) AS x, round(by1::numeric, 1) AS y,
							round((bx2 - bx1)::numeric, 1) AS width, round((by2 - by1)::numeric, 1) AS height, 'mark' AS class)),
				xmlelement(name rect, xmlattributes(round(ix::numeric, 1) AS x, round(iy::numeric, 1) AS y,
							round(iw::numeric, 1) AS width, round(ih::numeric, 1) AS height, 'frame' AS class)),
				xmlelement(name text, xmlattributes(round((ix + 8)::numeric, 1) AS x, round((iy + 14)::numeric, 1) AS y, 'note' AS class), ititle),
				(SELECT xmlagg(x ORDER BY n) FROM unnest(inset) WITH ORDINALITY AS e(x, n))) END,
		xmlelement(name g, xmlattributes('labels' AS id), (SELECT xmlagg(x ORDER BY n) FROM unnest(labels) WITH ORDINALITY AS e(x, n))),
		xmlelement(name g, xmlattributes('legend' AS id), (SELECT xmlagg(x ORDER BY n) FROM unnest(leg) WITH ORDINALITY AS e(x, n))))::text;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_map_svg(text[], float8[], text, text, text, date, int4) IS
	'choropleth SVG of counts per division (seats as graded circles, loaded boundaries filled), with names, legend and scale bar';

CREATE FUNCTION @extschema@.plan_map_svg(doc text, title text DEFAULT NULL, width int4 DEFAULT 800)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT plan_map_svg(coalesce(array_agg(p.division ORDER BY p.division), '{}'),
						coalesce(array_agg(p.n ORDER BY p.division), '{}'),
						coalesce(plan_map_svg.title, nullif(i.title, ''), '任务提及的区划'),
						concat_ws(' · ', i.docno::text, to_char(i.issued, 'YYYY-MM-DD'), '提及各区划的任务数'),
						on_date => i.issued, width => width)
	FROM plan_info(doc) i
	LEFT JOIN (SELECT division, count(DISTINCT code)::float8 AS n FROM plan_places(doc) GROUP BY division) p ON true
	GROUP BY i.title, i.docno, i.issued
$$;
COMMENT ON FUNCTION @extschema@.plan_map_svg(text, text, int4) IS
	'choropleth SVG of a plan: how many of its tasks name each division';

--------------------------------------------------------------------------
-- Views for QGIS and BI map widgets: plain columns plus longitude and
-- latitude, and PostGIS geometry columns with their type and SRID
--------------------------------------------------------------------------

CREATE VIEW @extschema@.plan_gazetteer_map AS
SELECT g.division, g.code, g.name, g.name_t, g.short_name, g.full_name, g.type, g.level,
	   g.parent, g.province, g.zone, g.valid_from, g.valid_to, g.shipped,
	   ST_X(coalesce(g.seat, ST_PointOnSurface(b.boundary))) AS lon,
	   ST_Y(coalesce(g.seat, ST_PointOnSurface(b.boundary))) AS lat,
	   g.seat, b.boundary, ST_AsGeoJSON(b.boundary, 6) AS boundary_geojson
FROM @extschema@.plan_gazetteer g
LEFT JOIN @extschema@.plan_gazetteer_boundary b ON b.division = g.division;
COMMENT ON VIEW @extschema@.plan_gazetteer_map IS
	'the gazetteer with seat coordinates and loaded boundaries (geometry and GeoJSON), one row per division';

CREATE VIEW @extschema@.plan_task_places AS
SELECT d.id || '/' || p.ord || '/' || p.division AS link_id,
	   d.id AS document_id, d.docno::text AS docno, d.title AS document_title, d.issued,
	   t.part, p.ord, p.code::text AS code, t.depth, t.heading,
	   p.division, g.name, g.type, g.level, g.zone, g.province,
	   pg_catalog.count(*)::int4 AS mentions,
	   pg_catalog.string_agg(DISTINCT p.matched, '、') AS matched,
	   pg_catalog.min(p.pos) AS first_pos,
	   ST_X(g.seat) AS lon, ST_Y(g.seat) AS lat, g.seat, b.boundary
FROM @extschema@.plan_document d
CROSS JOIN LATERAL @extschema@.plan_document_places(d.id) p
JOIN @extschema@.plan_task t ON t.document_id = d.id AND t.ord = p.ord
JOIN @extschema@.plan_gazetteer g ON g.division = p.division
LEFT JOIN @extschema@.plan_gazetteer_boundary b ON b.division = p.division
GROUP BY d.id, p.ord, p.code, p.division, t.document_id, t.ord, g.division, b.division;
COMMENT ON VIEW @extschema@.plan_task_places IS
	'one row per stored task and place it names, with seat and boundary geometry (QGIS layer; lon/lat for BI map widgets)';

CREATE VIEW @extschema@.plan_document_place_counts AS
SELECT d.id || '/' || p.division AS id,
	   d.id AS document_id, d.docno::text AS docno, d.title AS document_title, d.issued,
	   p.division, g.name, g.type, g.level, g.zone, g.province,
	   pg_catalog.count(DISTINCT p.ord)::int4 AS tasks,
	   pg_catalog.count(*)::int4 AS mentions,
	   (SELECT pg_catalog.string_agg(c::text, ', ' ORDER BY c)
		FROM pg_catalog.unnest(pg_catalog.array_agg(DISTINCT p.code)) AS c) AS task_codes,
	   ST_X(g.seat) AS lon, ST_Y(g.seat) AS lat, g.seat, b.boundary
FROM @extschema@.plan_document d
CROSS JOIN LATERAL @extschema@.plan_document_places(d.id) p
JOIN @extschema@.plan_gazetteer g ON g.division = p.division
LEFT JOIN @extschema@.plan_gazetteer_boundary b ON b.division = p.division
GROUP BY d.id, p.division, g.division, b.division;
COMMENT ON VIEW @extschema@.plan_document_place_counts IS
	'per stored document and division: how many tasks name it (a choropleth layer: filter by document_id)';

CREATE FUNCTION @extschema@.plan_map_svg(document_id bigint, title text DEFAULT NULL, width int4 DEFAULT 800)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT plan_map_svg(coalesce(array_agg(c.division ORDER BY c.division) FILTER (WHERE c.division IS NOT NULL), '{}'),
						coalesce(array_agg(c.tasks::float8 ORDER BY c.division) FILTER (WHERE c.division IS NOT NULL), '{}'),
						coalesce(plan_map_svg.title, nullif(d.title, ''), '任务提及的区划'),
						concat_ws(' · ', d.docno::text, to_char(d.issued, 'YYYY-MM-DD'), '提及各区划的任务数'),
						on_date => d.issued, width => width)
	FROM plan_document d
	LEFT JOIN plan_document_place_counts c ON c.document_id = d.id
	WHERE d.id = plan_map_svg.document_id
	GROUP BY d.id
$$;
COMMENT ON FUNCTION @extschema@.plan_map_svg(bigint, text, int4) IS
	'choropleth SVG of a stored plan: how many of its tasks name each division';
