#!/usr/bin/env bash
# Full-text search benchmark: the 56 real documents of ../shared/corpus,
# their tasks repeated to >= 100k plan_task rows, searched for 20 phrases
# (indicators, units, policy terms; 2 to 7 characters) three ways in one run:
#   - plandata_zh: plan_task.tsv @@ plandata_zh_compact(websearch_to_tsquery(...))
#     through the GIN index, as plan_search() matches (also without the
#     compaction, and plan_search() itself, which adds rank and snippets);
#   - ILIKE '%phrase%' on a folded-text column (plan_fold(body)), in a
#     narrow table of its own without an index: the sequential scan;
#   - the same ILIKE with a pg_trgm GIN index on that column.
# Reports per method the median over the phrases of each phrase's median
# time (ROUNDS runs after a warm-up), the index build time and size, and the
# hits (which must agree).  Goals: >= 20x the sequential scan, no slower
# than pg_trgm at an index no larger than pg_trgm's.
#   bench/fts.sh [ROUNDS]        (default 3; about two minutes here)
set -euo pipefail
ROUNDS=${1:-3}
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
TARGET_ROWS=${TARGET_ROWS:-100000}
[ -d "$SHARED/corpus" ] || { echo "no corpus at $SHARED/corpus: nothing to measure"; exit 0; }
[ -f "$(pg_config --sharedir)/extension/pg_trgm.control" ] || { echo "pg_trgm is not installed (postgresql-contrib)"; exit 0; }
PLANLOAD=${PLANLOAD:-$ROOT/planload}
bench_start
bench_psql -c 'CREATE EXTENSION pg_trgm' >/dev/null
"$PLANLOAD" -d bench --progress=lines "$SHARED/corpus" | tail -n 1

bench_psql -v target="$TARGET_ROWS" -v rounds="$ROUNDS" <<'SQL'
\pset footer off
SET search_path = public, bench;
-- the corpus's tasks repeated: copy i of every document is a distinct
-- document row (its own content hash) with the same tasks
SELECT count(*) AS tasks, count(DISTINCT document_id) AS documents FROM plan_task \gset base_
SELECT (:target + :base_tasks - 1) / :base_tasks AS copies \gset
\echo -- :base_documents documents with tasks, :base_tasks tasks; :copies copies
SELECT set_config('bench.copies', :'copies', false), set_config('bench.rounds', :'rounds', false) \gset
DROP INDEX plan_task_tsv_idx;
CREATE TEMP TABLE t_build (what text, ms float8);
DO $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  INSERT INTO plan_document (id, title, body, content_hash, source)
  SELECT d.id + 1000000 * c, d.title, d.body, sha256(d.content_hash || c::text::bytea), d.source
  FROM plan_document d, generate_series(1, current_setting('bench.copies')::int - 1) c;
  INSERT INTO plan_task (document_id, ord, part, code, depth, parent_code, heading, body, line, start_offset, end_offset)
  SELECT t.document_id + 1000000 * c, t.ord, t.part, t.code, t.depth, t.parent_code, t.heading, t.body, t.line,
         t.start_offset, t.end_offset
  FROM plan_task t, generate_series(1, current_setting('bench.copies')::int - 1) c;
  INSERT INTO t_build VALUES ('fill: plan_task rows with tsv', 1000 * extract(epoch FROM clock_timestamp() - t0));
END $$;
VACUUM ANALYZE plan_document, plan_task;

-- the competitors' folded-text column, each in a narrow table of its own
DO $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  CREATE TABLE bench.tf_seq AS SELECT document_id, ord, plan_fold(body) AS f FROM plan_task;
  INSERT INTO t_build VALUES ('fill: folded-text column', 1000 * extract(epoch FROM clock_timestamp() - t0));
END $$;
CREATE TABLE bench.tf_trgm AS SELECT * FROM bench.tf_seq;
VACUUM ANALYZE bench.tf_seq, bench.tf_trgm;

DO $$
DECLARE t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  CREATE INDEX plan_task_tsv_idx ON plan_task USING gin (tsv);
  INSERT INTO t_build VALUES ('index: GIN on tsv', 1000 * extract(epoch FROM clock_timestamp() - t0));
  t0 := clock_timestamp();
  CREATE INDEX tf_trgm_idx ON bench.tf_trgm USING gin (f gin_trgm_ops);
  INSERT INTO t_build VALUES ('index: pg_trgm GIN on folded text', 1000 * extract(epoch FROM clock_timestamp() - t0));
END $$;
ANALYZE plan_task, bench.tf_trgm;

CREATE TEMP TABLE phrase (n serial, p text);
INSERT INTO phrase (p) VALUES
  ('城镇化率'), ('户籍制度改革'), ('高质量发展'), ('營商環境'), ('一带一路'), ('乡村振兴'), ('数字经济'),
  ('新型城镇化'), ('責任單位'), ('牵头单位'), ('市发展改革委'), ('人民政府'), ('生态环境'), ('公共服务'),
  ('基础设施'), ('放管服'), ('常住人口城镇化率'), ('城镇'), ('2025年'), ('互联网+');

CREATE TEMP TABLE t_query (method text, p text, round int, ms float8, hits bigint);
DO $$
DECLARE
  ph record; m text; q text; t0 timestamptz; h bigint;
  methods text[] := ARRAY['plandata_zh GIN', 'plandata_zh GIN, uncompacted', 'plan_search (with snippets)',
                          'ILIKE seq scan', 'pg_trgm GIN'];
BEGIN
  FOR r IN 0..current_setting('bench.rounds')::int LOOP
    FOR ph IN SELECT * FROM phrase ORDER BY n LOOP
      FOREACH m IN ARRAY methods LOOP
        q := CASE m
          WHEN 'plandata_zh GIN' THEN
            'SELECT count(*) FROM plan_task WHERE tsv @@ plandata_zh_compact(websearch_to_tsquery(''plandata_zh'', $1))'
          WHEN 'plandata_zh GIN, uncompacted' THEN
            'SELECT count(*) FROM plan_task WHERE tsv @@ websearch_to_tsquery(''plandata_zh'', $1)'
          WHEN 'plan_search (with snippets)' THEN
            'SELECT count(snippet) FROM plan_search($1)'
          WHEN 'ILIKE seq scan' THEN
            'SELECT count(*) FROM bench.tf_seq WHERE f ILIKE ''%'' || plan_fold($1) || ''%'''
          ELSE
            'SELECT count(*) FROM bench.tf_trgm WHERE f ILIKE ''%'' || plan_fold($1) || ''%''' END;
        t0 := clock_timestamp();
        EXECUTE q INTO h USING ph.p;
        INSERT INTO t_query VALUES (m, ph.p, r, 1000 * extract(epoch FROM clock_timestamp() - t0), h);
      END LOOP;
    END LOOP;
  END LOOP;
END $$;

\echo '== hits per phrase (must agree across methods)'
SELECT p, max(hits) FILTER (WHERE method = 'plandata_zh GIN') AS gin,
       max(hits) FILTER (WHERE method = 'plan_search (with snippets)') AS plan_search,
       max(hits) FILTER (WHERE method = 'ILIKE seq scan') AS ilike, max(hits) FILTER (WHERE method = 'pg_trgm GIN') AS trgm,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE method = 'plandata_zh GIN')::numeric, 2) AS gin_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE method = 'pg_trgm GIN')::numeric, 2) AS trgm_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE method = 'ILIKE seq scan')::numeric, 2) AS seq_ms
FROM t_query WHERE round > 0 GROUP BY p ORDER BY min(ms) FILTER (WHERE method = 'plandata_zh GIN');
SELECT count(*) AS disagreeing_phrases FROM (
  SELECT p FROM t_query GROUP BY p HAVING count(DISTINCT hits) > 1) x;

\echo '== rows, column and index sizes'
SELECT (SELECT count(*) FROM plan_task) AS rows,
       pg_size_pretty(pg_relation_size('plan_task_tsv_idx')) AS gin_tsv_index,
       pg_size_pretty(pg_relation_size('bench.tf_trgm_idx')) AS trgm_index,
       round(pg_relation_size('plan_task_tsv_idx')::numeric / pg_relation_size('bench.tf_trgm_idx'), 2) AS gin_over_trgm,
       pg_size_pretty((SELECT sum(pg_column_size(tsv)) FROM plan_task)) AS tsv_column,
       pg_size_pretty((SELECT sum(pg_column_size(f)) FROM bench.tf_seq)) AS folded_column;

\echo '== build times (ms)'
SELECT what, round(ms::numeric) AS ms FROM t_build ORDER BY what;

\echo '== query time: median over the phrases of each phrase''s median (ms)'
WITH per AS (SELECT method, p, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
             FROM t_query WHERE round > 0 GROUP BY method, p),
     med AS (SELECT method, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms FROM per GROUP BY method)
SELECT method, round(ms::numeric, 3) AS median_ms,
       round(((SELECT ms FROM med WHERE method = 'ILIKE seq scan') / ms)::numeric, 1) AS x_faster_than_seq,
       round(((SELECT ms FROM med WHERE method = 'pg_trgm GIN') / ms)::numeric, 2) AS x_faster_than_trgm
FROM med ORDER BY ms;
SQL
