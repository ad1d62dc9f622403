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
