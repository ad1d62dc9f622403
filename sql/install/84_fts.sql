-- since 0.4
--------------------------------------------------------------------------
-- Chinese full-text search: the plandata_zh parser and configuration, the
-- indexed text of every stored task, plan_search() and a view for BI tools.
--
-- The parser (C, src/fts.c over the core's src/core/fts.c) cuts a Han run
-- into overlapping bigrams plus its last character, Latin words, numbers and
-- single symbols; tokens are spans of the printed text, and the dictionary
-- plandata_zh_fold folds them (Traditional -> Simplified, full -> half
-- width, lower case), so 城鎮化率 and 城镇化率 give the same lexemes while
-- ts_headline marks the text as printed.  A lone Han character is a prefix
-- in a query; white space is a stop word (a position, no lexeme).
--
-- plan_task gets its tsvector here rather than in 50_storage.sql: the column
-- needs the configuration, which needs the C functions defined here.  This
-- fragment runs both in a fresh install and in the 0.3 -> 0.4 upgrade (it is
-- a "since 0.4" fragment), so both end with the same table.
--------------------------------------------------------------------------

-- the parser's five functions (called by the text search machinery only;
-- marked as PostgreSQL marks its own parser's, prsd_start and the others)
CREATE FUNCTION @extschema@.plandata_zh_start(internal, int4) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plandata_zh_gettoken(internal, internal, internal) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plandata_zh_end(internal) RETURNS void
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plandata_zh_lextype(internal) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plandata_zh_headline(internal, internal, tsquery) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TEXT SEARCH PARSER @extschema@.plandata_zh (
	START    = @extschema@.plandata_zh_start,
	GETTOKEN = @extschema@.plandata_zh_gettoken,
	END      = @extschema@.plandata_zh_end,
	LEXTYPES = @extschema@.plandata_zh_lextype,
	HEADLINE = @extschema@.plandata_zh_headline
);
COMMENT ON TEXT SEARCH PARSER @extschema@.plandata_zh IS
	'Chinese plan text: overlapping Han bigrams, Latin words, numbers, symbols (spans of the printed text)';

-- the folding dictionary: the lexeme of a token is plan_fold() of it in
-- lower case; one Han character is a prefix in queries; blanks are stop words
-- (marked as PostgreSQL marks its simple dictionary's dsimple_init and dsimple_lexize)
CREATE FUNCTION @extschema@.plandata_zh_fold_init(internal) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plandata_zh_fold_lexize(internal, internal, internal, internal) RETURNS internal
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TEXT SEARCH TEMPLATE @extschema@.plandata_zh_fold (
	INIT   = @extschema@.plandata_zh_fold_init,
	LEXIZE = @extschema@.plandata_zh_fold_lexize
);
CREATE TEXT SEARCH DICTIONARY @extschema@.plandata_zh_fold (TEMPLATE = @extschema@.plandata_zh_fold);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.plandata_zh_fold IS
	'folds a plandata_zh token (Traditional -> Simplified, full -> half width, lower case)';

CREATE TEXT SEARCH CONFIGURATION @extschema@.plandata_zh (PARSER = @extschema@.plandata_zh);
ALTER TEXT SEARCH CONFIGURATION @extschema@.plandata_zh
	ADD MAPPING FOR han2, han1, word, number, symbol, blank WITH @extschema@.plandata_zh_fold;
COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.plandata_zh IS
	'Chinese plan text, script- and width-blind: phrase queries find exactly the texts that contain the phrase';

-- a phrase query ends with its last character as a prefix ('城镇' <-> '镇化'
-- <-> '化率' <-> '率':*); on plandata_zh tsvectors the bigram before it
-- implies it, and the prefix costs the GIN scan a range of lexemes: drop it
CREATE FUNCTION @extschema@.plandata_zh_compact(tsquery) RETURNS tsquery
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plandata_zh_compact(tsquery) IS
	'a plandata_zh phrase query without the trailing one-character prefixes its bigrams imply (same matches, faster scan)';

-- every stored task's own text, indexed (the body as plan_tasks returns it:
-- the item's marker, heading and text, without its sub-items)
-- (stored inline, STORAGE MAIN: a phrase query rechecks the tsvector of every
-- candidate row, and a fifth of them would otherwise sit out of line in TOAST,
-- which made the searches of bench/fts.sh about twice as slow)
ALTER TABLE @extschema@.plan_task
	ADD COLUMN tsv tsvector
		GENERATED ALWAYS AS (pg_catalog.to_tsvector('@extschema@.plandata_zh'::pg_catalog.regconfig, body)) STORED,
	ALTER COLUMN tsv SET STORAGE MAIN;
COMMENT ON COLUMN @extschema@.plan_task.tsv IS 'the task body for text search (plandata_zh), filled by the server';
CREATE INDEX plan_task_tsv_idx ON @extschema@.plan_task USING gin (tsv);

-- Not STRICT and without SET search_path (every name is qualified), so the
-- planner inlines it: a caller's LIMIT then bounds the snippets computed.
CREATE FUNCTION @extschema@.plan_search(query text)
RETURNS TABLE (document_id bigint, code @extschema@.taskcode, heading text, snippet text, rank real)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT t.document_id, t.code, t.heading,
       pg_catalog.ts_headline('@extschema@.plandata_zh'::pg_catalog.regconfig, t.body, q.q,
                              'MaxWords=40, MinWords=15'),
       pg_catalog.ts_rank(t.tsv, q.q)
FROM (SELECT @extschema@.plandata_zh_compact(
               pg_catalog.websearch_to_tsquery('@extschema@.plandata_zh'::pg_catalog.regconfig, query)) AS q) q,
     @extschema@.plan_task t
WHERE t.tsv OPERATOR(pg_catalog.@@) q.q
ORDER BY 5 DESC, t.document_id, t.ord
$$;
COMMENT ON FUNCTION @extschema@.plan_search(text) IS
	'stored tasks whose own text contains the phrases of a web-search style query, best first, with a highlighted snippet';

-- for BI tools: plain types, and the indexed tsv to filter on
-- (WHERE tsv @@ websearch_to_tsquery('plandata_zh', '…') uses the GIN index)
CREATE VIEW @extschema@.plan_task_search AS
SELECT t.document_id, d.docno::text AS docno, d.title AS document_title, t.part, t.ord,
	   t.code::text AS code, t.depth, t.heading, t.body, t.tsv
FROM @extschema@.plan_task t
JOIN @extschema@.plan_document d ON d.id = t.document_id;
COMMENT ON VIEW @extschema@.plan_task_search IS
	'every stored task with its searchable text (tsv, plandata_zh; plain types, for BI tools)';
