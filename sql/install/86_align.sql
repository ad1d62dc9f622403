-- since 0.4
--------------------------------------------------------------------------
-- Plans side by side: which items of two plans address the same measure
-- (plan_align), how their targets changed (plan_target_diff), which stored
-- plans are most alike (plan_similar, over a sketch stored at ingest), and
-- the citation graph of stored documents (plan_citation_graph).
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_align(a text, b text, threshold float8 DEFAULT 0.25,
	OUT a_code @extschema@.taskcode, OUT b_code @extschema@.taskcode, OUT score float8, OUT shared text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'plan_align_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 40 COST 10000;
COMMENT ON FUNCTION @extschema@.plan_align(text, text, float8) IS
	'pairs of items of two plan documents that address the same measure: TF-IDF cosine of folded character bigrams, most specific items first';

--------------------------------------------------------------------------
-- Corpus statistics for the stored form: in how many stored documents each
-- bigram occurs (term 0: how many documents were counted).  Rebuilt by
-- plan_refresh_term_df(), as ANALYZE rebuilds statistics: counting at every
-- load would make parallel loads wait for each other on the common bigrams.
-- Derived data, so pg_dump does not carry it.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_text_terms(doc text) RETURNS int4[]
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 500;
COMMENT ON FUNCTION @extschema@.plan_text_terms(text) IS
	'the distinct folded character bigrams of a text, as plan_align counts them (two 16-bit code points in an int4)';

CREATE TABLE @extschema@.plan_term_df (
	term  int4 PRIMARY KEY,
	df    int4 NOT NULL
);
COMMENT ON TABLE @extschema@.plan_term_df IS
	'document frequency of every bigram over the stored documents (term 0: the number of documents), for plan_align(bigint, bigint); rebuilt by plan_refresh_term_df()';
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_term_df TO @extowner@ WITH GRANT OPTION;

-- the same counts per document, for the terms of that document: what the
-- stored form of plan_align reads (two rows, not a lookup per term)
CREATE TABLE @extschema@.plan_document_term_df (
	document_id  bigint PRIMARY KEY REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE,
	terms        int4[] NOT NULL,
	dfs          int4[] NOT NULL
);
COMMENT ON TABLE @extschema@.plan_document_term_df IS
	'for each stored document counted by plan_refresh_term_df(): its bigrams and their document frequencies';
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_document_term_df TO @extowner@ WITH GRANT OPTION;

CREATE FUNCTION @extschema@.plan_refresh_term_df() RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
DECLARE
	n bigint;
BEGIN
	DELETE FROM plan_term_df;
	DELETE FROM plan_document_term_df;
	CREATE TEMP TABLE plan_refresh_terms ON COMMIT DROP AS
	SELECT d.id, plan_text_terms(d.body) AS terms FROM plan_document d;
	INSERT INTO plan_term_df (term, df)
	SELECT t, count(*) FROM plan_refresh_terms r, unnest(r.terms) t GROUP BY t;
	SELECT count(*) INTO n FROM plan_refresh_terms;
	INSERT INTO plan_term_df (term, df) VALUES (0, n);
	INSERT INTO plan_document_term_df (document_id, terms, dfs)
	SELECT r.id, r.terms, (SELECT pg_catalog.array_agg(s.df ORDER BY u.o)
	                       FROM unnest(r.terms) WITH ORDINALITY u(t, o) JOIN plan_term_df s ON s.term = u.t)
	FROM plan_refresh_terms r;
	DROP TABLE plan_refresh_terms;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_refresh_term_df() IS
	'count the bigrams of every stored document into plan_term_df (for plan_align over stored documents); returns the number of documents';

CREATE FUNCTION @extschema@.plan_align_corpus(a text, b text, threshold float8, terms int4[], dfs int4[], ndocs int4,
	OUT a_code @extschema@.taskcode, OUT b_code @extschema@.taskcode, OUT score float8, OUT shared text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'plan_align_corpus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 40 COST 10000;
COMMENT ON FUNCTION @extschema@.plan_align_corpus(text, text, float8, int4[], int4[], int4) IS
	'plan_align with document frequencies over a corpus of ndocs documents (terms as plan_text_terms gives them)';

CREATE FUNCTION @extschema@.plan_align(a_id bigint, b_id bigint, threshold float8 DEFAULT 0.25,
	OUT a_code @extschema@.taskcode, OUT b_code @extschema@.taskcode, OUT score float8, OUT shared text[])
RETURNS SETOF record
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 40
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
DECLARE
	ab text;
	bb text;
	ndocs int4;
	terms int4[];
	dfs int4[];
BEGIN
	SELECT d.body INTO ab FROM plan_document d WHERE d.id = a_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'document % is not stored', a_id USING ERRCODE = 'no_data_found';
	END IF;
	SELECT d.body INTO bb FROM plan_document d WHERE d.id = b_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'document % is not stored', b_id USING ERRCODE = 'no_data_found';
	END IF;
	SELECT s.df INTO ndocs FROM plan_term_df s WHERE s.term = 0;
	IF ndocs IS NULL OR ndocs = 0 THEN
		-- no corpus statistics: the two plans' own, as the text form
		RETURN QUERY SELECT * FROM plan_align(ab, bb, threshold);
		RETURN;
	END IF;
	SELECT pg_catalog.array_cat(x.terms, y.terms), pg_catalog.array_cat(x.dfs, y.dfs) INTO terms, dfs
	FROM plan_document_term_df x, plan_document_term_df y
	WHERE x.document_id = a_id AND y.document_id = b_id;
	IF NOT FOUND THEN
		-- a document stored since the last count: look its terms up
		SELECT coalesce(pg_catalog.array_agg(s.term), '{}'), coalesce(pg_catalog.array_agg(s.df), '{}')
		INTO terms, dfs
		FROM plan_term_df s
		WHERE s.term = ANY (plan_text_terms(ab)) OR s.term = ANY (plan_text_terms(bb));
	END IF;
	RETURN QUERY SELECT * FROM plan_align_corpus(ab, bb, threshold, terms, dfs, ndocs);
END
$$;
COMMENT ON FUNCTION @extschema@.plan_align(bigint, bigint, float8) IS
	'plan_align() of two stored documents, with idf over the stored corpus too once plan_refresh_term_df() has counted it';

CREATE FUNCTION @extschema@.plan_text_similarity(a text, b text) RETURNS float8
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_text_similarity(text, text) IS
	'cosine of the folded character bigrams of two short texts (log tf, no idf), 0..1';

--------------------------------------------------------------------------
-- Similar plans: a 512-byte MinHash sketch per stored document, kept by a
-- trigger on plan_document (so plan_load, planload and a restore from a
-- dump all fill it); derived data, so pg_dump does not carry it.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_sketch(doc text) RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 500;
COMMENT ON FUNCTION @extschema@.plan_sketch(text) IS
	'one-permutation MinHash (128 buckets) of the folded character bigrams of a document';

CREATE FUNCTION @extschema@.plan_sketch_similarity(a bytea, b bytea) RETURNS float8
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_sketch_similarity(bytea, bytea) IS
	'estimated Jaccard similarity of the bigram sets of two sketched documents, 0..1';

CREATE TABLE @extschema@.plan_document_sketch (
	document_id  bigint PRIMARY KEY REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE,
	sketch       bytea NOT NULL
);
COMMENT ON TABLE @extschema@.plan_document_sketch IS
	'plan_sketch() of every stored document, kept by a trigger on plan_document (not dumped: rebuilt on restore)';

CREATE FUNCTION @extschema@.plan_document_sketch_keep() RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
BEGIN
	INSERT INTO plan_document_sketch (document_id, sketch)
	VALUES (NEW.id, plan_sketch(NEW.body))
	ON CONFLICT (document_id) DO UPDATE SET sketch = EXCLUDED.sketch;
	RETURN NULL;
END
$$;
CREATE TRIGGER plan_document_sketch_keep AFTER INSERT OR UPDATE OF body ON @extschema@.plan_document
	FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_document_sketch_keep();

-- documents stored before 0.4
INSERT INTO @extschema@.plan_document_sketch (document_id, sketch)
SELECT d.id, @extschema@.plan_sketch(d.body) FROM @extschema@.plan_document d;

GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_document_sketch
	TO @extowner@ WITH GRANT OPTION;

CREATE FUNCTION @extschema@.plan_similar(doc_id bigint, k int DEFAULT 10,
	OUT document_id bigint, OUT similarity float8)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
	SELECT s.document_id, plan_sketch_similarity(q.sketch, s.sketch) AS similarity
	FROM plan_document_sketch q, plan_document_sketch s
	WHERE q.document_id = doc_id AND s.document_id <> doc_id
	ORDER BY 2 DESC, 1
	LIMIT k
$$;
COMMENT ON FUNCTION @extschema@.plan_similar(bigint, int) IS
	'the k stored documents most like a stored one, by the MinHash sketches of their bigram sets';

--------------------------------------------------------------------------
-- Targets side by side.  Two targets correspond when their indicators fold
-- to the same text once a scope word (全市, 本省, 我区 …) is taken off, when
-- one ends with the other (the head noun: 城镇化率 of 常住人口城镇化率), or
-- when their bigrams are alike (plan_text_similarity >= 0.6); each target
-- is matched once, best match first.  raised/lowered are about ambition:
-- for a ceiling (<=, <, a limit, a decline) a lower value raises the bar.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_indicator_key(indicator text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$ SELECT pg_catalog.regexp_replace(plan_fold(indicator), '^(全|本|我)(国|省|市|区|县|州|盟|旗)', '') $$;
COMMENT ON FUNCTION @extschema@.plan_indicator_key(text) IS
	'an indicator as plan_target_diff matches it: folded, without a leading scope word (全市, 本省, 我区 …)';

-- a target's value to compare: the middle of a range, else the value
CREATE FUNCTION @extschema@.plan_target_point(t @extschema@.target) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$ SELECT CASE WHEN target_value_hi(t) IS NOT NULL THEN (target_value(t) + target_value_hi(t)) / 2
                  ELSE target_value(t) END $$;

-- one side of a comparison: the targets of a text, or of a stored document
CREATE FUNCTION @extschema@.plan_target_diff_side(doc text, doc_id bigint,
	OUT n bigint, OUT code @extschema@.taskcode, OUT ind text, OUT key text,
	OUT t @extschema@.target, OUT kind text, OUT year int)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
	SELECT row_number() OVER (), g.code, g.indicator, plan_indicator_key(g.indicator), g.target, g.kind, g.year
	FROM plan_targets(doc) g WHERE doc IS NOT NULL
	UNION ALL
	SELECT row_number() OVER (ORDER BY g.n), g.code, g.indicator, plan_indicator_key(g.indicator), g.target,
	       g.kind, g.year
	FROM plan_target g WHERE doc IS NULL AND g.document_id = doc_id
$$;

CREATE FUNCTION @extschema@.plan_target_diff_sets(a_doc text, b_doc text, a_id bigint, b_id bigint,
	OUT a_code @extschema@.taskcode, OUT b_code @extschema@.taskcode, OUT indicator text,
	OUT a_target @extschema@.target, OUT b_target @extschema@.target, OUT change text, OUT delta numeric)
RETURNS SETOF record
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
DECLARE
	c record;
	used_a bigint[] := '{}';
	used_b bigint[] := '{}';
	av numeric;
	bv numeric;
	ceiling boolean;
BEGIN
	FOR c IN
		WITH ta AS (SELECT * FROM plan_target_diff_side(a_doc, a_id)),
		     tb AS (SELECT * FROM plan_target_diff_side(b_doc, b_id)),
		     cand AS (
			SELECT ta.n AS an, ta.code AS acode, ta.ind, ta.t AS at, tb.n AS bn, tb.code AS bcode, tb.t AS bt,
			       CASE WHEN ta.key = tb.key THEN 1.0
			            WHEN length(ta.key) >= 3 AND length(tb.key) >= 3
			                 AND (right(ta.key, length(tb.key)) = tb.key OR right(tb.key, length(ta.key)) = ta.key)
			            THEN 0.9
			            ELSE 0.85 * plan_text_similarity(ta.key, tb.key) END
			       + CASE WHEN ta.year IS NOT DISTINCT FROM tb.year THEN 0.01 ELSE 0 END
			       + CASE WHEN ta.kind = tb.kind THEN 0.01 ELSE 0 END
			       -- a plan-level target with a plan-level one, a task's with a task's
			       + CASE WHEN (ta.code IS NULL) = (tb.code IS NULL) THEN 0.02 ELSE 0 END AS score
			FROM ta, tb)
		SELECT * FROM cand WHERE score >= 0.85 * 0.6 ORDER BY score DESC, an, bn
	LOOP
		CONTINUE WHEN c.an = ANY (used_a) OR c.bn = ANY (used_b);
		used_a := used_a || c.an;
		used_b := used_b || c.bn;
		a_code := c.acode;
		b_code := c.bcode;
		indicator := c.ind;
		a_target := c.at;
		b_target := c.bt;
		delta := NULL;
		change := 'changed';
		IF target_compatible(c.at, target_unit(c.bt)) AND target_kind(c.at) = target_kind(c.bt) THEN
			av := plan_target_point(c.at);
			bv := target_convert(c.at, plan_target_point(c.bt), target_unit(c.bt));
			delta := bv - av;
			ceiling := target_op(c.at) IN ('<=', '<') OR av < 0;
			change := CASE WHEN delta = 0 THEN 'adopted'
			               WHEN (delta > 0) <> ceiling THEN 'raised'
			               ELSE 'lowered' END;
		END IF;
		RETURN NEXT;
	END LOOP;
	FOR c IN SELECT * FROM plan_target_diff_side(a_doc, a_id) s WHERE NOT s.n = ANY (used_a) ORDER BY s.n LOOP
		a_code := c.code; b_code := NULL; indicator := c.ind; a_target := c.t; b_target := NULL;
		change := 'dropped'; delta := NULL;
		RETURN NEXT;
	END LOOP;
	FOR c IN SELECT * FROM plan_target_diff_side(b_doc, b_id) s WHERE NOT s.n = ANY (used_b) ORDER BY s.n LOOP
		a_code := NULL; b_code := c.code; indicator := c.ind; a_target := NULL; b_target := c.t;
		change := 'added'; delta := NULL;
		RETURN NEXT;
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_target_diff_sets(text, text, bigint, bigint) IS
	'internal: plan_target_diff over two texts (a_doc, b_doc) or two stored documents (a_id, b_id)';

CREATE FUNCTION @extschema@.plan_target_diff(a text, b text,
	OUT a_code @extschema@.taskcode, OUT b_code @extschema@.taskcode, OUT indicator text,
	OUT a_target @extschema@.target, OUT b_target @extschema@.target, OUT change text, OUT delta numeric)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$ SELECT * FROM plan_target_diff_sets(a, b, NULL, NULL) $$;
COMMENT ON FUNCTION @extschema@.plan_target_diff(text, text) IS
	'targets of two plan documents side by side: adopted, raised, lowered, changed, added, dropped, with the change in the first target''s unit';

CREATE FUNCTION @extschema@.plan_target_diff(a_id bigint, b_id bigint,
	OUT a_code @extschema@.taskcode, OUT b_code @extschema@.taskcode, OUT indicator text,
	OUT a_target @extschema@.target, OUT b_target @extschema@.target, OUT change text, OUT delta numeric)
RETURNS SETOF record
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
BEGIN
	PERFORM 1 FROM plan_document d WHERE d.id = a_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'document % is not stored', a_id USING ERRCODE = 'no_data_found';
	END IF;
	PERFORM 1 FROM plan_document d WHERE d.id = b_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'document % is not stored', b_id USING ERRCODE = 'no_data_found';
	END IF;
	RETURN QUERY SELECT * FROM plan_target_diff_sets(NULL, NULL, a_id, b_id);
END
$$;
COMMENT ON FUNCTION @extschema@.plan_target_diff(bigint, bigint) IS
	'plan_target_diff() of two stored documents (their stored targets)';

--------------------------------------------------------------------------
-- The citation graph over plan_citations: the documents a stored document
-- cites (parents), those citing it (children), transitively; a cycle ends
-- where a path would revisit a document.  Each document once per
-- direction, at its shortest distance.  The arguments are not called
-- document_id and direction: those are the names of the result columns.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_citation_graph(root_id bigint, walk text DEFAULT 'both',
	OUT document_id bigint, OUT docno text, OUT depth int, OUT direction text)
RETURNS SETOF record
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
DECLARE
	dir text;
	seen bigint[];
	frontier bigint[];
	level int;
BEGIN
	IF walk NOT IN ('parents', 'children', 'both') THEN
		RAISE EXCEPTION 'invalid direction "%"', walk USING ERRCODE = 'invalid_parameter_value',
			HINT = 'The direction is parents (documents it cites), children (documents citing it) or both.';
	END IF;
	-- breadth first, one level a query: every document is visited once per
	-- direction, so a cycle or a dense graph costs its edges, not its paths
	FOREACH dir IN ARRAY ARRAY['parent', 'child'] LOOP
		CONTINUE WHEN (dir = 'parent' AND walk = 'children') OR (dir = 'child' AND walk = 'parents');
		seen := ARRAY[root_id];
		frontier := ARRAY[root_id];
		level := 0;
		WHILE pg_catalog.cardinality(frontier) > 0 LOOP
			level := level + 1;
			IF dir = 'parent' THEN
				SELECT pg_catalog.array_agg(DISTINCT c.cited_document_id) INTO frontier
				FROM plan_citations c
				WHERE c.document_id = ANY (frontier) AND c.cited_document_id IS NOT NULL
				  AND NOT c.cited_document_id = ANY (seen);
			ELSE
				SELECT pg_catalog.array_agg(DISTINCT c.document_id) INTO frontier
				FROM plan_citations c
				WHERE c.cited_document_id = ANY (frontier) AND NOT c.document_id = ANY (seen);
			END IF;
			frontier := coalesce(frontier, '{}');
			seen := seen || frontier;
			RETURN QUERY SELECT d.id, d.docno::text, level, dir
			             FROM plan_document d WHERE d.id = ANY (frontier) ORDER BY d.id;
		END LOOP;
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_citation_graph(bigint, text) IS
	'the stored documents a stored document cites (parent) and that cite it (child), transitively, at their shortest distance';
