--
-- plandata_geo: loading boundaries from GeoJSON
--
CREATE EXTENSION plandata_geo CASCADE;
\set SHOW_CONTEXT never
\pset null '∅'
\set gj `cat test/geo/small_boundaries.geojson`

-- the national gazetteer has two 江北区 (Chongqing's until 2025-11-06, and
-- Ningbo's): the name 江北区 alone is ambiguous; 达州市 is known by its name

-- one row per feature: how it matched, or why it did not
SELECT * FROM plan_gazetteer_load_geojson(:'gj'::jsonb, source => 'test shapes', on_date => '2025-02-10');

-- what was stored: multipolygons in WGS84; the two 云阳 features are one
-- boundary; the self-intersecting 丰都 bow-tie was made valid
SELECT b.division, g.name, GeometryType(b.boundary) AS type, ST_SRID(b.boundary) AS srid,
	   ST_NumGeometries(b.boundary) AS parts, ST_IsValid(b.boundary) AS valid,
	   round(ST_Area(b.boundary::geography)::numeric / 1e6) AS km2,
	   ST_Contains(b.boundary, g.seat) AS holds_seat, b.source
FROM plan_gazetteer_boundary b JOIN plan_gazetteer g USING (division)
ORDER BY b.division;

-- loading again replaces, never duplicates; the text overload and code_property
SELECT feature, division, status
FROM plan_gazetteer_load_geojson(
	'{"type": "FeatureCollection", "features": [
	   {"type": "Feature", "properties": {"gb": "156500151", "dm": "500151"},
		"geometry": {"type": "Polygon", "coordinates": [[[105.9, 29.7], [106.2, 29.7], [106.2, 30.0], [105.9, 29.7]]]}}]}',
	code_property => 'dm', source => 'second load');
SELECT division, source, round(ST_Area(boundary::geography)::numeric / 1e6) AS km2
FROM plan_gazetteer_boundary WHERE division = '500151';
SELECT count(*) FROM plan_gazetteer_boundary;

-- a single Feature is accepted too; names are matched on the date given
-- (two rows are called 两江新区: the national new area before 2025-11-06,
-- the district after)
SELECT d, l.division, l.status
FROM (VALUES (date '2025-02-10'), (date '2026-02-10')) AS v(d),
	 plan_gazetteer_load_geojson('{"type": "Feature", "properties": {"name": "兩江新區"},
		"geometry": {"type": "Polygon", "coordinates": [[[106.45, 29.60], [106.65, 29.60], [106.55, 29.75], [106.45, 29.60]]]}}',
		on_date => d) l
ORDER BY d;

-- coordinates from a Chinese web map (GCJ-02) are converted on the way in
SELECT feature, division, status
FROM plan_gazetteer_load_geojson('{"type": "FeatureCollection", "features": [{"type": "Feature",
		"properties": {"adcode": 500241},
		"geometry": {"type": "Polygon", "coordinates": [[[108.90, 28.35], [109.10, 28.35], [109.10, 28.55], [108.90, 28.55], [108.90, 28.35]]]}}]}',
		gcj02 => true);
SELECT ST_Distance(boundary, gcj02_to_wgs84('SRID=4326;POINT(108.90 28.35)'::geometry)) < 1e-9 AS has_converted_corner,
	   round(ST_Distance(boundary::geography, 'SRID=4326;POINT(108.90 28.35)'::geography)) AS metres_from_gcj02_corner
FROM plan_gazetteer_boundary WHERE division = '500241';

-- a collection-level "crs" (as ogr2ogr writes for projected output) is honoured
SELECT feature, division, status
FROM plan_gazetteer_load_geojson('{"type": "FeatureCollection",
		"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
		"features": [{"type": "Feature", "properties": {"adcode": 500242},
		"geometry": {"type": "Polygon", "coordinates": [[[12089000, 3345000], [12111000, 3345000], [12111000, 3370000], [12089000, 3370000], [12089000, 3345000]]]}}]}');
SELECT round(ST_XMin(boundary)::numeric, 3) AS xmin, round(ST_XMax(boundary)::numeric, 3) AS xmax,
	   round(ST_YMin(boundary)::numeric, 3) AS ymin, ST_SRID(boundary) AS srid
FROM plan_gazetteer_boundary WHERE division = '500242';

-- the map view carries the boundaries as geometry and as GeoJSON
SELECT division, name, round(lon::numeric, 4) AS lon, round(lat::numeric, 4) AS lat,
	   GeometryType(boundary) AS type, left(boundary_geojson, 28) AS geojson
FROM plan_gazetteer_map WHERE boundary IS NOT NULL ORDER BY division;

-- not GeoJSON collections
SELECT * FROM plan_gazetteer_load_geojson('{"type": "Polygon", "coordinates": []}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM plan_gazetteer_load_geojson('{"type": "FeatureCollection", "features": {}}');
SELECT * FROM plan_gazetteer_load_geojson('[]');
SELECT * FROM plan_gazetteer_load_geojson('{"type": "FeatureCollection", "features": []}');

-- boundaries can go again; deleting a division of your own takes its boundary with it
DELETE FROM plan_gazetteer_boundary;

DROP EXTENSION plandata_geo;
DROP EXTENSION postgis;
