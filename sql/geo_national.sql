--
-- plandata_geo 0.3: the national gazetteer — every province-, prefecture-
-- and county-level division from a data package, names as plans print
-- them, resolution across the country, maps of any province
--
CREATE EXTENSION plandata_geo CASCADE;
\set SHOW_CONTEXT never
\pset null '∅'
\set hlj `cat test/docs/geo_hlj_style.txt`
\set hlj_trad `cat test/docs/geo_hlj_style_trad.txt`
\set nat `cat test/docs/geo_national_zhidao_style.txt`
\set boxes `cat test/geo/hlj_two_boxes.geojson`

--
-- where the rows come from, and how many
--
SELECT package, version, license, length(sha256) AS sha256_hex, files, what FROM plan_gazetteer_source ORDER BY package;
SELECT plan_gazetteer_version();
SELECT level, count(*) AS divisions, count(source) AS from_package, count(seat) AS seats,
	   count(*) FILTER (WHERE source IS NULL) AS by_hand
FROM plan_gazetteer GROUP BY level ORDER BY level;
-- Hong Kong, Macao and Taiwan are top-level entries
SELECT division, name, short_name, type, level, parent FROM plan_gazetteer WHERE division IN ('710000', '810000', '820000') ORDER BY 1;
-- the rows typed by hand: Chongqing's changes the package does not have yet, and the zones
SELECT division, name, level, valid_from, valid_to FROM plan_gazetteer WHERE source IS NULL ORDER BY division;
-- every row has a parent that exists, and every county lies in its parent's province
SELECT count(*) AS orphans FROM plan_gazetteer g WHERE g.parent IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plan_gazetteer p WHERE p.division = g.parent);
SELECT count(*) AS astray FROM plan_gazetteer g JOIN plan_gazetteer p ON p.division = g.parent WHERE p.province <> g.province;

--
-- names as plans print them
--
SELECT n, l, plan_name_forms(n, l) AS forms, plan_division_type(n, l) AS type
FROM (VALUES ('黑龙江省', 'province'), ('内蒙古自治区', 'province'), ('广西壮族自治区', 'province'),
			 ('宁夏回族自治区', 'province'), ('新疆维吾尔自治区', 'province'), ('香港特别行政区', 'province'),
			 ('齐齐哈尔市', 'prefecture'), ('延边朝鲜族自治州', 'prefecture'), ('黔东南苗族侗族自治州', 'prefecture'),
			 ('巴音郭楞蒙古自治州', 'prefecture'), ('大兴安岭地区', 'prefecture'), ('锡林郭勒盟', 'prefecture'),
			 ('浦东新区', 'county'), ('神农架林区', 'county'), ('石柱土家族自治县', 'county'),
			 ('积石山保安族东乡族撒拉族自治县', 'county'), ('三都水族自治县', 'county'), ('鄂温克族自治旗', 'county'),
			 ('莫力达瓦达斡尔族自治旗', 'county'), ('义乌市', 'county'), ('忠县', 'county'), ('城区', 'county'),
			 ('甬江街道', 'town')) AS v(n, l);

-- short forms and Traditional script find the same divisions as full names
SELECT t, string_agg(m.matched || '→' || coalesce(m.division, '?'), ' ' ORDER BY m.pos) AS found
FROM (VALUES ('黑龙江、齐齐哈尔'), ('黑龍江省齊齊哈爾市'), ('延边州、延边朝鲜族自治州、延邊'), ('内蒙古、內蒙古自治區、广西、廣西壯族自治區'),
			 ('浦東新區和浦东'), ('神农架林区')) AS v(t)
CROSS JOIN LATERAL place_mentions(t, NULL, '2025-06-01') m
GROUP BY t ORDER BY t;

-- the stop list: short forms that are common words are not places; the
-- divisions keep their full names
SELECT t, coalesce(string_agg(m.matched || '→' || coalesce(m.division, '?'), ' ' ORDER BY m.pos), '') AS found
FROM (VALUES ('全面推进乡村振兴'), ('加强合作'), ('资源节约'), ('公安机关'), ('延长期限'), ('中心城区'),
			 ('实现民族复兴'), ('新建城市道路'), ('建设平安中国'), ('坚持和平发展'), ('会同有关部门'),
			 ('长治久安'), ('共和国'), ('丹东市振兴区'), ('晋城市城区'), ('甘肃省合作市'), ('荆州市公安县')) AS v(t)
LEFT JOIN LATERAL place_mentions(t, NULL, '2025-06-01') m ON true
GROUP BY t ORDER BY t;
-- every common word is a short form or name of some division (the list is about them), and none is in the dictionary
SELECT a.alias FROM plan_gazetteer_alias a WHERE a.kind = 'common'
  AND NOT EXISTS (SELECT 1 FROM plan_gazetteer g WHERE a.alias IN (g.name, g.short_name) OR a.alias = ANY (plan_name_forms(g.name, g.level)));
SELECT count(*) AS common_words_in_dictionary FROM plan_gazetteer_term t JOIN plan_gazetteer_alias a ON plan_fold(a.alias) = t.term
WHERE a.kind = 'common';

--
-- resolution: the same name in several places
--
SELECT t, r, string_agg(m.matched || '→' || coalesce(m.division, '?' || array_to_string(m.candidates, '|')), ' ' ORDER BY m.pos) AS found
FROM (VALUES ('朝阳区', NULL), ('北京市朝阳区', NULL), ('吉林省长春市朝阳区', NULL), ('长春市朝阳区', NULL),
			 ('北京：朝阳区', NULL), ('朝阳区', '吉林'), ('朝阳区', '110000'), ('鼓楼区', NULL), ('鼓楼区', '福建省'),
			 ('鼓楼区', '江苏'), ('南京、鼓楼区', '江苏'), ('吉林', NULL), ('吉林市', NULL), ('西安', NULL),
			 ('江北区', NULL), ('江北', '重庆'), ('江北', '宁波'), ('义乌', NULL), ('浙江义乌', NULL), ('义乌市', NULL)) AS v(t, r)
CROSS JOIN LATERAL place_mentions(t, r, '2025-06-01') m
GROUP BY t, r ORDER BY t, r NULLS FIRST;
-- the date still decides: Chongqing's 江北 before and after 2025-11-06; 原江北 of a 2026 Chongqing plan is not Ningbo's
SELECT d, string_agg(m.matched || '→' || coalesce(m.division, '?'), ' ' ORDER BY m.pos) AS found
FROM (VALUES (date '2025-06-01'), (date '2026-02-01')) AS v(d),
	 place_mentions('原江北片区和两江新区', '500000', d) m
GROUP BY d ORDER BY d;

--
-- a provincial 实施意见 (Heilongjiang): its cities and counties per task, with codes
--
SELECT plan_issuing_region(:'hlj') AS region, (plan_info(:'hlj')).issued;
SELECT code, string_agg(matched || '→' || coalesce(division, '?' || array_to_string(candidates, '|')), ' ' ORDER BY pos) AS places
FROM plan_places(:'hlj') GROUP BY code ORDER BY code;
-- task 2.3: the cities of the province, each with its code and level
SELECT code, division, name, level, ambiguous FROM plan_places(:'hlj') WHERE code = '2.3' ORDER BY pos;
-- the ambiguous row: 向阳区 is in 佳木斯 and in 鹤岗, and this task names neither
SELECT code, matched, division, name, level, ambiguous, candidates FROM plan_places(:'hlj') WHERE ambiguous;
-- Traditional text: the same rows
SELECT (SELECT array_agg(ROW(code, division, ambiguous, candidates, pos) ORDER BY pos) FROM plan_places(:'hlj')) =
	   (SELECT array_agg(ROW(code, division, ambiguous, candidates, pos) ORDER BY pos) FROM plan_places(:'hlj_trad')) AS same_in_both_scripts;

--
-- a national 指导意见: places across provinces, ambiguous names reported
--
SELECT plan_issuing_region(:'nat') AS region;
SELECT code, string_agg(matched || '→' || coalesce(division, '?' || array_to_string(candidates, '|')), ' ' ORDER BY pos) AS places
FROM plan_places(:'nat') GROUP BY code ORDER BY code;

--
-- stored: tasks per division for BI map widgets, for any province
--
CREATE TEMP TABLE nat_docs AS SELECT plan_ingest(body) AS id FROM (VALUES (:'hlj'), (:'nat')) AS v(body);
SELECT d.docno, count(*) FILTER (WHERE p.ambiguous) AS ambiguous, count(*) AS mentions
FROM nat_docs n JOIN plan_document d ON d.id = n.id, plan_document_places(n.id) p GROUP BY d.docno ORDER BY d.docno;
SELECT docno, code, name, level, parent, parent_name, tasks, tasks_within
FROM plan_division_task_counts WHERE document_id IN (SELECT id FROM nat_docs) AND province = '230000'
ORDER BY docno, level, code;
SELECT docno, province_name, count(*) AS divisions, sum(tasks) AS named
FROM plan_division_task_counts WHERE document_id IN (SELECT id FROM nat_docs) AND level = 'province'
GROUP BY docno, province_name ORDER BY docno, province_name;

--
-- maps of any province: points where seats are known, a choropleth where
-- boundaries are loaded
--
CREATE TEMP TABLE svg AS SELECT plan_map_svg(:'hlj')::xml AS s;
SELECT (xpath('count(//*[local-name()="circle"][@data-value > 0])', s))[1]::text AS named_seats,
	   (xpath('count(//*[local-name()="path"][@data-division])', s))[1]::text AS boundaries,
	   (xpath('//*[local-name()="circle"][@data-division="230200"]/@data-value', s))[1]::text AS qiqihar_tasks
FROM svg;
SELECT feature, division, name, status FROM plan_gazetteer_load_geojson(:'boxes'::jsonb, source => 'test boxes');
CREATE TEMP TABLE svg2 AS SELECT plan_map_svg(:'hlj')::xml AS s;
SELECT (xpath('count(//*[local-name()="path"][@data-division])', s))[1]::text AS boundaries,
	   (xpath('//*[local-name()="path"][@data-division="230100"]/@data-value', s))[1]::text AS harbin_tasks,
	   (xpath('//*[local-name()="path"][@data-division="230100"]/@fill', s))[1]::text AS harbin_fill
FROM svg2;

DELETE FROM plan_gazetteer_boundary;
DELETE FROM plan_document WHERE id IN (SELECT id FROM nat_docs);
DROP TABLE nat_docs, svg, svg2;
DROP EXTENSION plandata_geo;
DROP EXTENSION postgis;
