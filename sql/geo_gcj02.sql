--
-- plandata_geo: GCJ-02 (Chinese web map coordinates) <-> WGS84
--
CREATE EXTENSION plandata_geo CASCADE;
\set SHOW_CONTEXT never

-- Published point pairs: eviltransform's test vectors (Shanghai, Shenzhen,
-- Beijing) and coordtransform's example.  Forward agrees to 1e-9 degrees
-- (0.1 mm), the iterative inverse gives back the WGS84 point to 1e-9 too.
WITH pairs(place, wlon, wlat, glon, glat) AS (VALUES
	('shanghai', 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597),
	('shenzhen', 113.912316, 22.543847, 113.9171764808363, 22.540796131694766),
	('beijing', 116.377817, 39.911954, 116.38404722455657, 39.91334545536069),
	('coordtransform', 116.404, 39.915, 116.41024449916938, 39.91640428150164))
SELECT place,
	   abs(f.lon - glon) < 1e-9 AND abs(f.lat - glat) < 1e-9 AS forward_ok,
	   abs(i.lon - wlon) < 1e-9 AND abs(i.lat - wlat) < 1e-9 AS inverse_ok,
	   round(((f.lon - wlon) * 1e6)::numeric) AS dlon_microdeg, round(((f.lat - wlat) * 1e6)::numeric) AS dlat_microdeg
FROM pairs, wgs84_to_gcj02(wlon, wlat) f, gcj02_to_wgs84(glon, glat) i
ORDER BY place;

-- The one-step inverse that many tools use (g - offset(g)) misses by up to a
-- few metres; the iterative one does not.  Metres on the WGS84 spheroid from
-- the WGS84 point we started with.
SELECT place, round(ST_DistanceSpheroid(ST_MakePoint(g.lon - o.dlon, g.lat - o.dlat), ST_MakePoint(w_lon, w_lat),
								 'SPHEROID["WGS 84",6378137,298.257223563]')::numeric, 2) AS one_step_error_m,
	   round(ST_DistanceSpheroid(ST_MakePoint(i.lon, i.lat), ST_MakePoint(w_lon, w_lat),
								 'SPHEROID["WGS 84",6378137,298.257223563]')::numeric, 6) AS iterative_error_m
FROM (VALUES ('beijing', 116.404, 39.915), ('chongqing', 106.5, 29.5), ('heilongjiang', 131.0, 53.0)) AS v(place, w_lon, w_lat),
	 wgs84_to_gcj02(w_lon, w_lat) g, plan_gcj02_offset(g.lon, g.lat) o, gcj02_to_wgs84(g.lon, g.lat) i
ORDER BY place;

-- DataV GeoAtlas publishes 万州区's centre in GCJ-02; converted it is the
-- seat the gazetteer ships (from the reference table, 4 decimals)
SELECT round(w.lon::numeric, 4) AS lon, round(w.lat::numeric, 4) AS lat,
	   (SELECT ST_AsText(seat) FROM plan_gazetteer WHERE division = '500101') AS shipped_seat
FROM gcj02_to_wgs84(108.380246, 30.807807) w;

-- round trips over a grid covering China: worst error under a micrometre
SELECT max(greatest(abs(b.lon - p.x), abs(b.lat - p.y))) * 111e6 < 1 AS under_a_micrometre,
	   count(*) AS points
FROM generate_series(75.0, 135.0, 2.5) AS x, generate_series(18.0, 53.0, 2.5) AS y,
	 LATERAL (SELECT x::float8, y::float8) AS p(x, y),
	 wgs84_to_gcj02(p.x, p.y) AS f, gcj02_to_wgs84(f.lon, f.lat) AS b;

-- the offset is a few hundred metres inside China and zero outside it
SELECT place, round(ST_DistanceSpheroid(ST_MakePoint(x, y), ST_MakePoint(f.lon, f.lat),
										'SPHEROID["WGS 84",6378137,298.257223563]')::numeric) AS offset_m
FROM (VALUES ('chongqing', 106.5, 29.5), ('urumqi', 87.6, 43.8), ('harbin', 126.6, 45.8),
			 ('tokyo', 139.7, 35.7), ('hanoi', 105.85, 21.0), ('singapore', 103.8, 1.3)) AS v(place, x, y),
	 wgs84_to_gcj02(x, y) f
ORDER BY place;

-- whole geometries: every vertex, SRID 4326, type and emptiness kept
SELECT ST_AsText(gcj02_to_wgs84(ST_SetSRID(ST_MakePoint(108.380246, 30.807807), 4326)), 4) AS point,
	   ST_AsText(gcj02_to_wgs84('SRID=4326;LINESTRING(106.5 29.5, 106.6 29.6)'::geometry), 4) AS line,
	   ST_AsText(gcj02_to_wgs84('MULTIPOLYGON(((106 29, 107 29, 107 30, 106 29)), ((108 30, 109 30, 109 31, 108 30)))'::geometry), 3) AS multipolygon,
	   ST_SRID(gcj02_to_wgs84('POINT(106 29)'::geometry)) AS srid_from_0;
SELECT ST_AsText(gcj02_to_wgs84('GEOMETRYCOLLECTION(POINT(106 29), LINESTRING(106 29, 107 30))'::geometry), 3) AS collection,
	   ST_AsText(gcj02_to_wgs84('POINT Z (106 29 350)'::geometry), 3) AS with_z,
	   ST_AsText(gcj02_to_wgs84('SRID=4326;POLYGON EMPTY'::geometry)) AS empty;
SELECT ST_NPoints(g) AS vertices, ST_HausdorffDistance(gcj02_to_wgs84(wgs84_to_gcj02(g)), g) < 1e-9 AS round_trip_within_1e9
FROM (SELECT ST_SetSRID(ST_Buffer(ST_MakePoint(106.55, 29.56), 0.2, 8), 4326) AS g) t;

-- projected geometries are refused: the offset is defined on longitude/latitude
SELECT gcj02_to_wgs84('SRID=3857;POINT(11855000 3440000)'::geometry);
\echo :LAST_ERROR_SQLSTATE

-- NULL in, NULL out
SELECT gcj02_to_wgs84(NULL::geometry) IS NULL AS null_geometry, (gcj02_to_wgs84(NULL, 29.5)).lon IS NULL AS null_lon;

DROP EXTENSION plandata_geo;
DROP EXTENSION postgis;
