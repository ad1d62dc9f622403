--
-- plandata_geo: the gazetteer, its validity dates, and who may change it
--
CREATE EXTENSION plandata_geo CASCADE;
\set SHOW_CONTEXT never
\pset null '∅'

-- what is shipped
SELECT level, type, count(*) FROM plan_gazetteer GROUP BY 1, 2 ORDER BY 1, 2;

-- all provincial-level divisions, with their abbreviations and seats (the
-- published GCJ-02 centres converted to WGS84, 5 decimals here)
SELECT division, name, name_t, short_name, type, abbr,
	   round(ST_X(seat)::numeric, 5) AS lon, round(ST_Y(seat)::numeric, 5) AS lat
FROM plan_gazetteer WHERE level = 'province' ORDER BY division;

-- Chongqing's district-level divisions by functional zone (一区两群)
SELECT zone, count(*), string_agg(short_name, '、' ORDER BY division) AS divisions
FROM plan_gazetteer WHERE parent = '500000' AND level = 'county' GROUP BY zone ORDER BY zone;

-- the places without codes, 广安, and the changes of 2025-11-06
SELECT division, code, name, short_name, full_name, type, level, parent, province, zone,
	   valid_from, valid_to, superseded_by
FROM plan_gazetteer
WHERE code IS NULL OR division IN ('511600', '500105', '500109', '500112', '500157')
ORDER BY division;

-- every Traditional name folds to the Simplified one; every Chongqing seat
-- lies inside Chongqing's bounding box, every other seat inside China's
SELECT division, name, name_t FROM plan_gazetteer WHERE plan_fold(name_t) <> plan_fold(name);
SELECT division, name FROM plan_gazetteer
WHERE NOT ST_Intersects(seat, CASE WHEN province = '500000'
								  THEN ST_MakeEnvelope(105.2, 28.1, 110.2, 32.3, 4326)
								  ELSE ST_MakeEnvelope(73, 3, 136, 54, 4326) END)
   OR ST_SRID(seat) <> 4326;

-- full names are unique among divisions that exist on one day; names and
-- short forms are not across the country (resolution decides, see
-- geo_national): how many, and a few
SELECT d, count(*) FILTER (WHERE f = 'full') AS shared_full_names, count(*) FILTER (WHERE f <> 'full') AS shared_names,
	   string_agg(n || ':' || k, ' ' ORDER BY n) FILTER (WHERE n IN ('朝阳区', '鼓楼区', '江北', '吉林', '西安')) AS some
FROM (SELECT d, n, f, count(DISTINCT division) AS k
	  FROM (VALUES (date '2025-02-10'), (date '2026-02-10')) AS v(d),
		   plan_gazetteer g CROSS JOIN LATERAL (VALUES (g.name, 'name'), (g.short_name, 'short'), (g.full_name, 'full')) AS t(n, f)
	  WHERE n IS NOT NULL AND (valid_from IS NULL OR valid_from <= d) AND (valid_to IS NULL OR valid_to > d)
	  GROUP BY d, n, f HAVING count(DISTINCT division) > 1) x
GROUP BY d ORDER BY d;

-- the extra names: aliases, blocked phrases, stop words
SELECT kind, count(*), string_agg(alias, ' ' ORDER BY alias) FROM plan_gazetteer_alias GROUP BY kind ORDER BY kind;

--
-- validity: 江北 on a plan's date
--
SELECT d, string_agg(m.matched || '→' || m.division, ' ' ORDER BY m.pos) AS found
FROM (VALUES (date '2025-02-10'), (date '2025-11-05'), (date '2025-11-06'), (date '2026-02-10')) AS v(d),
	 place_mentions('支持江北、渝北、北碚和两江新区共建创新走廊', '500000', d) m
GROUP BY d ORDER BY d;

-- the divisions that exist on each side of the change
SELECT d, count(*) FILTER (WHERE level = 'county') AS districts,
	   string_agg(division, ',' ORDER BY division) FILTER (WHERE division IN ('500105', '500112', '500157', 'cq-liangjiang')) AS changed
FROM (VALUES (date '2025-11-05'), (date '2025-11-06')) AS v(d), plan_gazetteer g
WHERE g.province = '500000' AND (valid_from IS NULL OR valid_from <= d) AND (valid_to IS NULL OR valid_to > d)
GROUP BY d ORDER BY d;

--
-- your own rows: kept, dumped; shipped rows: read-only, not dumped
--
SELECT c.relname, x.cond
FROM pg_extension e,
	 unnest(e.extconfig, e.extcondition) AS x(oid, cond)
	 JOIN pg_class c ON c.oid = x.oid
WHERE e.extname = 'plandata_geo' ORDER BY c.relname;

UPDATE plan_gazetteer SET seat = ST_SetSRID(ST_MakePoint(106.5, 29.6), 4326) WHERE division = '500105';
\echo :LAST_ERROR_SQLSTATE
DELETE FROM plan_gazetteer_alias WHERE alias = '路';
INSERT INTO plan_gazetteer (division, name, type, level, shipped) VALUES ('x-test', '测试区', '区', 'county', true);
TRUNCATE plan_gazetteer_alias;
SELECT count(*) FROM plan_gazetteer_alias;

-- a division of your own (a town: the shipped gazetteer stops at counties
-- unless built with GEO_TOWNS=1): the province is filled in from its code;
-- its names are found at once; an alias of your own for a shipped division
INSERT INTO plan_gazetteer (division, code, name, full_name, type, level, parent, seat)
VALUES ('330205001', '330205', '甬江街道', '浙江省宁波市江北区甬江街道', '街道', 'town', '330205',
		ST_SetSRID(ST_MakePoint(121.56, 29.90), 4326));
INSERT INTO plan_gazetteer_alias (alias, division, kind) VALUES ('万盛', '500110', 'alias');
SELECT division, province, shipped FROM plan_gazetteer WHERE division = '330205001';
SELECT matched, division FROM place_mentions('提升甬江街道、万盛', '330205', '2025-02-10');

-- 江北 names two districts (Chongqing's until 2025-11-06, and Ningbo's):
-- the issuing region decides; in a national text (no region) a county's
-- short form with nothing else to go by is not taken for a place
SELECT r, string_agg(m.matched || '→' || coalesce(m.division, array_to_string(m.candidates, '|')), ' ' ORDER BY m.pos) AS found
FROM (VALUES ('重庆'), ('浙江省'), ('330000'), (NULL)) AS v(r)
	 LEFT JOIN LATERAL place_mentions('江北、万盛', r, '2025-02-10') m ON true
GROUP BY r ORDER BY r NULLS LAST;

-- a block of your own switches a name off
SELECT matched, division, name FROM place_mentions('綦江、萬盛', '500000', '2025-02-10');
INSERT INTO plan_gazetteer_alias (alias, kind) VALUES ('万盛', 'block');
SELECT matched, division, name FROM place_mentions('綦江、萬盛', '500000', '2025-02-10');

-- parents must exist (checked at commit, so a restore may load children first)
BEGIN;
INSERT INTO plan_gazetteer (division, name, type, level, parent) VALUES ('x-child', '测试', '区', 'county', 'x-parent');
INSERT INTO plan_gazetteer (division, name, type, level, parent) VALUES ('x-parent', '上级', '地级市', 'prefecture', '330000');
COMMIT;
SELECT division, parent, province FROM plan_gazetteer WHERE division LIKE 'x-%' ORDER BY division;
INSERT INTO plan_gazetteer (division, name, type, level, parent) VALUES ('x-orphan', '测试', '区', 'county', 'nowhere');
\echo :LAST_ERROR_SQLSTATE
DELETE FROM plan_gazetteer WHERE division = 'x-parent';
DELETE FROM plan_gazetteer WHERE division IN ('x-child', 'x-parent');

-- your rows can change and go
UPDATE plan_gazetteer SET zone = '甬江' WHERE division = '330205001';
DELETE FROM plan_gazetteer_alias WHERE NOT shipped;
DELETE FROM plan_gazetteer WHERE NOT shipped;
SELECT count(*) FROM plan_gazetteer WHERE NOT shipped;

DROP EXTENSION plandata_geo;
DROP EXTENSION postgis;
