--
-- plandata_geo: places named in plans
--
CREATE EXTENSION plandata_geo CASCADE;
\set SHOW_CONTEXT never
\pset null '∅'
\set cq_trad `cat test/docs/cq_style_trad.txt`
\set cq_simp `cat test/docs/cq_style_simp.txt`
\set geo `cat test/docs/geo_cq_style.txt`
\set geo_trad `cat test/docs/geo_cq_style_trad.txt`
\set merged `cat test/docs/geo_after_merger.txt`
\set guofa `cat test/docs/geo_guofa_style.txt`

--
-- The Chongqing plan (渝府發〔2025〕4號, 2025-02-10, Traditional script)
--
SELECT plan_issuing_region(:'cq_trad') AS region;

-- task （十三）: its list of 15 districts, and the five of its pilot sentence
SELECT code, sentence, count(*) AS mentions, count(DISTINCT division) AS divisions,
	   string_agg(name, '、' ORDER BY pos) AS names
FROM plan_places(:'cq_trad') WHERE code = '3.13' GROUP BY code, sentence ORDER BY sentence;
SELECT count(DISTINCT division) AS divisions_in_task_3_13 FROM plan_places(:'cq_trad') WHERE code = '3.13';

-- task （十九）: 广安 in its heading, then the places its text names
SELECT code, sentence, matched, division, name, level FROM plan_places(:'cq_trad') WHERE code = '4.19' ORDER BY pos;

-- no other task names a place; Simplified and Traditional give the same answer
SELECT code, count(*) FROM plan_places(:'cq_trad') GROUP BY code ORDER BY code;
SELECT (SELECT array_agg(ROW(code, division, ord, pos) ORDER BY pos) FROM plan_places(:'cq_trad')) =
	   (SELECT array_agg(ROW(code, division, ord, pos) ORDER BY pos) FROM plan_places(:'cq_simp')) AS same_in_both_scripts;

--
-- A plan of our own naming every district of Chongqing, zones and neighbours
--
SELECT code, string_agg(matched || '→' || division, ' ' ORDER BY pos) AS places
FROM plan_places(:'geo') GROUP BY code ORDER BY code;
SELECT (SELECT array_agg(ROW(code, division, pos) ORDER BY pos) FROM plan_places(:'geo')) =
	   (SELECT array_agg(ROW(code, division, pos) ORDER BY pos) FROM plan_places(:'geo_trad')) AS same_in_both_scripts,
	   (SELECT string_agg(matched, '、' ORDER BY pos) FROM plan_places(:'geo_trad') WHERE code = '3.5') AS pilot_as_printed;

-- every district of Chongqing is found somewhere in it
SELECT count(DISTINCT p.division) AS districts_found,
	   (SELECT count(*) FROM plan_gazetteer g WHERE g.parent = '500000' AND g.level = 'county'
		  AND (g.valid_to IS NULL OR g.valid_to > '2025-06-18') AND (g.valid_from IS NULL OR g.valid_from <= '2025-06-18')) AS districts_on_the_date
FROM plan_places(:'geo') p JOIN plan_gazetteer g USING (division) WHERE g.level = 'county';

--
-- names inside other words are not places
--
SELECT t AS text, coalesce(string_agg(m.matched || '→' || m.division, ' ' ORDER BY m.pos), '') AS found
FROM (VALUES ('长江北岸滨江步道'), ('改造合川路老街'), ('保护大足石刻'), ('开州区和开州'),
			 ('长江南岸、嘉陵江南岸'), ('发展健康长寿产业'), ('打造两江四岸'), ('江北国际机场改扩建'),
			 ('沙坪坝站枢纽'), ('黄河南岸'), ('推进幸福建设'), ('北京广安门'), ('天津市河北区'),
			 ('重庆市江北区'), ('重庆市场主体'), ('長壽命電池'), ('ＡＢＣ铜梁'),
			 ('黔江区域性中心城市')) AS v(t)
LEFT JOIN LATERAL place_mentions(t, '500000', '2025-02-10') m ON true
GROUP BY t ORDER BY t;

--
-- the date of a plan: after 2025-11-06 there is no 江北 and 两江新区 is a district
--
SELECT (plan_info(:'merged')).issued, plan_issuing_region(:'merged') AS region;
SELECT code, matched, division, name, level FROM plan_places(:'merged') ORDER BY pos;

--
-- a national plan: no issuing region, so provinces are all places, 重庆 too
--
SELECT plan_issuing_region(:'guofa') AS region;
SELECT code, string_agg(matched || '→' || division, ' ' ORDER BY pos) AS places
FROM plan_places(:'guofa') GROUP BY code ORDER BY code;

-- the region from the 发文字号 when the issuer is not known, or from the issuer
SELECT i, n, plan_issuing_region(i, n, '2025-02-10') AS region
FROM (VALUES ('四川省人民政府', '川府发〔2025〕3号'), ('', '川府发〔2025〕3号'), (NULL, '黔府发〔2024〕1号'),
			 ('国务院', '国发〔2024〕17号'), ('', '国发〔2024〕17号'), ('济南市人民政府', '济政发〔2021〕5号')) AS v(i, n);

-- texts without places, or without anything
SELECT count(*) FROM place_mentions('', NULL, '2025-02-10');
SELECT count(*) FROM place_mentions('坚持以人民为中心的发展思想', '500000', '2025-02-10');
SELECT count(*) FROM plan_places('没有编号的一段话，提到铜梁。');

--
-- the matcher underneath (plandata): folded, leftmost-longest, with stop suffixes
--
SELECT * FROM plan_match_terms('支持銅梁、梁平開展試點，合川路', ARRAY['铜梁', '梁平', '合川'], ARRAY['路']);
SELECT * FROM plan_match_terms('开州区、开州', '[0:2]={开州,开州区,x}'::text[]);
SELECT * FROM plan_match_terms('铜梁', ARRAY[NULL, '铜梁', '']);
SELECT * FROM plan_match_terms('铜梁', ARRAY[repeat('区', 65)]);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM plan_match_terms('铜梁', '{{铜梁},{梁平}}'::text[]);
SELECT * FROM plan_match_terms(NULL, ARRAY['铜梁']);

--
-- stored documents: the same places from plan_document and plan_task, and
-- the views for QGIS and BI tools
--
CREATE TEMP TABLE geo_docs AS
SELECT plan_ingest(body) AS id FROM (VALUES (:'cq_trad'), (:'geo'), (:'merged')) AS v(body);

SELECT d.docno, count(*) AS mentions, count(DISTINCT p.division) AS divisions
FROM geo_docs g JOIN plan_document d ON d.id = g.id, plan_document_places(g.id) p
GROUP BY d.docno ORDER BY d.docno;
SELECT (SELECT array_agg(ROW(code, division, pos) ORDER BY pos) FROM plan_document_places(g.id)) =
	   (SELECT array_agg(ROW(code, division, pos) ORDER BY pos) FROM plan_places(d.body)) AS same_as_from_text
FROM geo_docs g JOIN plan_document d ON d.id = g.id ORDER BY d.docno;

SELECT docno, code, heading, division, name, mentions, matched, round(lon::numeric, 4) AS lon, round(lat::numeric, 4) AS lat,
	   GeometryType(seat) AS seat, boundary IS NULL AS no_boundary
FROM plan_task_places WHERE document_id IN (SELECT id FROM geo_docs) AND docno = '渝府发〔2025〕4号'
ORDER BY code, division;
SELECT docno, division, name, tasks, mentions, task_codes
FROM plan_document_place_counts WHERE document_id IN (SELECT id FROM geo_docs) AND (tasks > 1 OR docno LIKE '%〔2026〕%')
ORDER BY docno, division;

-- the views have plain column types and typed geometry columns (for QGIS)
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relname IN ('plan_task_places', 'plan_document_place_counts', 'plan_gazetteer_map') AND a.attnum > 0
ORDER BY c.relname, a.attnum;
SELECT f_table_name, f_geometry_column, type, srid FROM geometry_columns
WHERE f_table_name LIKE 'plan_%' ORDER BY 1, 2;

DELETE FROM plan_document WHERE id IN (SELECT id FROM geo_docs);
DROP TABLE geo_docs;
DROP EXTENSION plandata_geo;
DROP EXTENSION postgis;
