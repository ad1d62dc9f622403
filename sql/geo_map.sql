--
-- plandata_geo: choropleth maps as SVG, checked as XML
--
CREATE EXTENSION plandata_geo CASCADE;
\set SHOW_CONTEXT never
\pset null '∅'
\set cq_trad `cat test/docs/cq_style_trad.txt`
\set geo `cat test/docs/geo_cq_style.txt`
\set guofa `cat test/docs/geo_guofa_style.txt`
\set gj `cat test/geo/small_boundaries.geojson`

CREATE FUNCTION pg_temp.svg_count(svg text, path text) RETURNS int
LANGUAGE sql AS $$
	SELECT cardinality(xpath(path, svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))
$$;
CREATE FUNCTION pg_temp.svg_text(svg text, path text) RETURNS text
LANGUAGE sql AS $$
	SELECT string_agg(x::text, ' | ') FROM unnest(xpath(path, svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])) AS x
$$;

-- the Chongqing plan: one circle per district of Chongqing on the date plus
-- 广安 and the zone named; the named ones coloured by how many tasks name them
CREATE TEMP TABLE maps AS SELECT 'cq' AS map, plan_map_svg(:'cq_trad') AS svg;
SELECT xml_is_well_formed_document(svg) AS well_formed,
	   pg_temp.svg_text(svg, '/s:svg/@width') AS width, pg_temp.svg_text(svg, '/s:svg/@viewBox') AS viewbox,
	   pg_temp.svg_text(svg, '/s:svg/s:title/text()') AS title,
	   pg_temp.svg_text(svg, '/s:svg/s:text[@class="note"]/text()') AS subtitle
FROM maps WHERE map = 'cq';
SELECT pg_temp.svg_count(svg, '//s:g[@id="seats"]/s:circle') AS seats,
	   pg_temp.svg_count(svg, '//s:g[@id="seats"]/s:circle[@data-value > 0]') AS named,
	   pg_temp.svg_count(svg, '//s:g[@id="seats"]/s:circle[@class="zone"]') AS zones,
	   pg_temp.svg_count(svg, '//s:g[@id="boundaries"]/s:path') AS boundaries,
	   pg_temp.svg_count(svg, '//s:g[@id="inset"]') AS insets,
	   pg_temp.svg_count(svg, '//s:g[@id="labels"]/s:text[not(@class)]') AS labels_named,
	   pg_temp.svg_count(svg, '//s:g[@id="labels"]/s:text[@class="context"]') > 0 AS some_context_labels
FROM maps WHERE map = 'cq';
-- the colours say how many tasks: 合川 is in two, the others in one
SELECT pg_temp.svg_text(svg, '//s:circle[@data-division="500117"]/@fill') AS hechuan,
	   pg_temp.svg_text(svg, '//s:circle[@data-division="500151"]/@fill') AS tongliang,
	   pg_temp.svg_text(svg, '//s:circle[@data-division="500101"]/@fill') AS wanzhou_unnamed,
	   pg_temp.svg_text(svg, '//s:circle[@data-division="500117"]/s:title/text()') AS tooltip
FROM maps WHERE map = 'cq';
-- the legend: its title, one swatch per class and one for zero, the
-- symbols, a scale bar
SELECT pg_temp.svg_text(svg, '//s:g[@id="legend"]/s:text[@class="legend-title"]/text()') AS legend_title,
	   pg_temp.svg_count(svg, '//s:g[@id="legend"]/s:rect[@class="swatch"]') AS swatches,
	   pg_temp.svg_text(svg, '//s:g[@id="legend"]/s:rect[@class="swatch"]/@fill') AS colours,
	   pg_temp.svg_text(svg, '//s:g[@id="legend"]/s:text[not(@class)]/text()') AS entries,
	   pg_temp.svg_count(svg, '//s:g[@id="legend"]/s:path[@class="scale"]') AS scale_bar
FROM maps WHERE map = 'cq';
-- every named division of plan_places is on the map with its count
SELECT count(*) AS divisions, count(*) FILTER (WHERE pg_temp.svg_text(m.svg, format('//s:circle[@data-division="%s"]/@data-value', p.division)) = p.n::text) AS agree
FROM maps m, (SELECT division, count(DISTINCT code) AS n FROM plan_places(:'cq_trad') GROUP BY division) p
WHERE m.map = 'cq';

-- a busier plan: the crowded central districts are drawn again in an inset,
-- labelled there; provinces named are listed beside the map
INSERT INTO maps SELECT 'geo', plan_map_svg(:'geo');
SELECT pg_temp.svg_count(svg, '//s:g[@id="seats"]/s:circle') AS seats,
	   pg_temp.svg_count(svg, '//s:g[@id="inset"]/s:circle') AS inset_seats,
	   pg_temp.svg_text(svg, '//s:g[@id="inset"]/s:text/text()') AS inset_title,
	   pg_temp.svg_count(svg, '//s:g[@id="inset"]/s:rect[@class="mark"]') AS marked_on_map,
	   pg_temp.svg_count(svg, '//s:g[@id="labels"]/s:text[@data-division="500103"]') AS yuzhong_labels,
	   pg_temp.svg_text(svg, '//s:g[@id="legend"]/s:text[@class="other"]/text()') AS also_named
FROM maps WHERE map = 'geo';

-- a national plan: the provinces
INSERT INTO maps SELECT 'guofa', plan_map_svg(:'guofa', '长江上游协同发展');
SELECT pg_temp.svg_text(svg, '/s:svg/s:text[@class="heading"]/text()') AS heading,
	   pg_temp.svg_count(svg, '//s:g[@id="seats"]/s:circle') AS provinces,
	   pg_temp.svg_count(svg, '//s:g[@id="seats"]/s:circle[@data-value > 0]') AS named,
	   pg_temp.svg_count(svg, '//s:g[@id="labels"]/s:text') >= 20 AS labelled
FROM maps WHERE map = 'guofa';

-- loaded boundaries are drawn as filled paths (ST_AsSVG), the rest as seats
SELECT count(*) AS loaded FROM plan_gazetteer_load_geojson(:'gj', on_date => '2025-02-10') WHERE division IS NOT NULL;
INSERT INTO maps SELECT 'bounded', plan_map_svg(:'cq_trad');
SELECT pg_temp.svg_count(svg, '//s:g[@id="boundaries"]/s:path') AS boundaries,
	   pg_temp.svg_text(svg, '//s:g[@id="boundaries"]/s:path/@data-division') AS divisions,
	   pg_temp.svg_count(svg, '//s:g[@id="boundaries"]/s:path[starts-with(@d, "M ")]') AS svg_paths,
	   pg_temp.svg_count(svg, '//s:g[@id="seats"]/s:circle[@r = 2]') AS seat_dots,
	   pg_temp.svg_text(svg, '//s:g[@id="legend"]/s:text[not(@class)][last()]/text()') AS last_legend_entry
FROM maps WHERE map = 'bounded';
DELETE FROM plan_gazetteer_boundary;

-- any counts, from any query: five quantile classes when the numbers are
-- not small whole numbers
INSERT INTO maps
SELECT 'query', plan_map_svg(array_agg(division ORDER BY division), array_agg(v ORDER BY division),
							 '城镇化率（示例数据）', legend => '%', on_date => '2025-02-10', width => 640)
FROM (SELECT division, 50 + (row_number() OVER (ORDER BY division)) * 0.75 AS v
	  FROM plan_gazetteer WHERE parent = '500000' AND level = 'county' AND valid_from IS NULL) s;
SELECT pg_temp.svg_text(svg, '/s:svg/@width') AS width,
	   pg_temp.svg_count(svg, '//s:g[@id="seats"]/s:circle') AS seats,
	   pg_temp.svg_text(svg, '//s:g[@id="legend"]/s:text[not(@class)]/text()') AS classes
FROM maps WHERE map = 'query';

-- nothing named: an empty map that still has its legend
SELECT pg_temp.svg_count(s, '//s:circle') AS circles, pg_temp.svg_count(s, '//s:g[@id="legend"]/s:rect') AS legend_swatches
FROM plan_map_svg('{}'::text[], '{}'::float8[], on_date => '2025-02-10') AS s;

-- a stored plan gives the same map as its text
SELECT plan_ingest(:'cq_trad') AS id \gset
SELECT plan_map_svg(:id) = (SELECT svg FROM maps WHERE map = 'cq') AS same_map;
DELETE FROM plan_document WHERE id = :id;

-- bad arguments
SELECT plan_map_svg(ARRAY['500151'], ARRAY[1, 2]::float8[]);
\echo :LAST_ERROR_SQLSTATE
SELECT plan_map_svg(ARRAY['500151'], ARRAY[1]::float8[], width => 100);
-- unknown divisions and NULL counts are left out
SELECT pg_temp.svg_count(s, '//s:circle[@data-value > 0]') AS named
FROM plan_map_svg(ARRAY['500151', 'nowhere', '500155'], ARRAY[1, 5, NULL]::float8[], on_date => '2025-02-10') AS s;

DROP TABLE maps;
DROP EXTENSION plandata_geo;
DROP EXTENSION postgis;
