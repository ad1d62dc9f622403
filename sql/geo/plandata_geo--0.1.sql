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
