#!/usr/bin/env bash
# Plans side by side (issue 21), all ratios measured in one run:
#  1. plan_align of two ~25 KB plans against plan_tasks of both (goal: at most
#     5x).  Two pairs: the real Chongqing plan (Traditional) against our
#     full-length Simplified stand-in for it (bench/docs), the costly case
#     where most items match, and the Chongqing plan against the national
#     vocational-education plan (unrelated measures).  PAIRS copies of each.
#  2. plan_similar(doc, 10) over 1000 stored plans against ranking them by
#     pg_trgm's similarity() of whole bodies (goal: at least 10x faster).
#     The stored plans are the documents of ../shared/corpus and test/docs,
#     each stored in as many variants as it takes to reach 1000 (a variant
#     drops every k-th line, so the texts and their sketches differ).
#  3. The stored form, plan_align(id, id) with corpus idf (plan_term_df over
#     the 1000 plans), against plan_tasks of the two stored bodies (no goal).
#   bench/align.sh [ROUNDS]
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
PAIRS=${PAIRS:-200}
STORED=${STORED:-1000}
bench_start
# every case repeats one pair of plans: the planner's Memoize (PostgreSQL 14+) would
# call a function once per distinct pair and serve the rest from its cache
bench_psql -c 'ALTER DATABASE bench SET enable_memoize = off' >/dev/null 2>&1 || true
bench_psql -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm' >/dev/null
OTHER=$SHARED/corpus/guofa_2019_4_zhiye_jiaoyu.txt
[ -f "$OTHER" ] || OTHER=$ROOT/test/docs/align_national_style.txt
STANDIN=$ROOT/bench/docs/cq_plan_fulllength.txt
echo "-- pairs: $(basename "$BENCH_DOC") ($(wc -c <"$BENCH_DOC") B) with $(basename "$STANDIN") ($(wc -c <"$STANDIN") B) and with $(basename "$OTHER") ($(wc -c <"$OTHER") B), $PAIRS copies each"
bench_psql -v a="$(cat "$BENCH_DOC")" -v b="$(cat "$STANDIN")" -v c="$(cat "$OTHER")" -v n="$PAIRS" <<'SQL'
CREATE TABLE bench.pairs (kind text, a text, b text);
INSERT INTO bench.pairs SELECT 'same plan', :'a', :'b' FROM generate_series(1, :n);
INSERT INTO bench.pairs SELECT 'unrelated', :'a', :'c' FROM generate_series(1, :n);
SQL

echo "-- storing $STORED plans"
files=()
for f in "$SHARED"/corpus/*.txt "$ROOT"/test/docs/*.txt; do [ -f "$f" ] && files+=("$f"); done
{
  echo "CREATE TABLE bench.src (n int, body text);"
  i=0
  for f in "${files[@]}"; do
    i=$((i + 1))
    printf "INSERT INTO bench.src VALUES (%d, \$src\$%s\$src\$);\n" "$i" "$(cat "$f")"
  done
} | bench_psql >/dev/null
bench_psql -v stored="$STORED" <<'SQL' >/dev/null
-- variant v of a document drops every (v+2)-th line after the 8th and ends
-- with a line naming the variant (variant 0 is the text itself)
SELECT count(plan_ingest(
         CASE WHEN v = 0 THEN s.body
              ELSE (SELECT string_agg(l, E'\n' ORDER BY o) FROM unnest(string_to_array(s.body, E'\n')) WITH ORDINALITY x(l, o)
                    WHERE o % (v + 2) <> 0 OR o < 8) || E'\n（第' || v || '稿）' END, 'bench'))
FROM bench.src s, generate_series(0, 100) v
WHERE v * (SELECT count(*) FROM bench.src) + s.n <= :stored;
VACUUM ANALYZE;
SQL
bench_psql -tAc "SELECT count(*) || ' plans stored, ' || round(sum(octet_length(body)) / 1e6, 1) || ' MB; ' || count(DISTINCT content_hash) || ' distinct' FROM plan_document"

add_case() { bench_psql -c "INSERT INTO bench.bench_case (grp, label, query) VALUES ('$1', '$2', \$q\$$3\$q\$)"; }
for k in 'same plan' 'unrelated'; do
  add_case align "plan_tasks both: $k" "SELECT sum(n) FROM bench.pairs p, LATERAL (SELECT count(*) n FROM plan_tasks(p.a) UNION ALL SELECT count(*) FROM plan_tasks(p.b)) x WHERE p.kind = '$k'"
  add_case align "plan_align: $k" "SELECT count(*) FROM bench.pairs p, plan_align(p.a, p.b) x WHERE p.kind = '$k'"
done
# the query plan: the Chongqing plan itself (document 1 of the corpus when present)
Q=$(bench_psql -tAc "SELECT min(id) FROM plan_document")
# the stored form: corpus statistics over the 1000 plans (timed once), then
# the Chongqing plan against the stored document most like it but itself
echo "-- plan_refresh_term_df() over the stored plans: $(bench_psql -tAc "\\timing on" -c "SELECT plan_refresh_term_df()" | grep -o 'Time: .*')"
R=$(bench_psql -tAc "SELECT document_id FROM plan_similar($Q, 1)")
bench_psql -c "CREATE TABLE bench.ids AS SELECT $Q::bigint AS q, $R::bigint AS r FROM generate_series(1, $PAIRS)"
add_case stored "plan_tasks both" "SELECT count(*) FROM bench.ids i JOIN plan_document d ON d.id = i.q OR d.id = i.r, plan_tasks(d.body) t"
add_case stored "plan_align text form" "SELECT count(*) FROM bench.ids i JOIN plan_document a ON a.id = i.q JOIN plan_document b ON b.id = i.r, plan_align(a.body, b.body) x"
add_case stored "plan_align stored form (corpus idf)" "SELECT count(*) FROM bench.ids i, plan_align(i.q, i.r) x"
add_case similar "plan_similar" "SELECT count(*) FROM (SELECT * FROM plan_similar($Q, 10)) s"
add_case similar "pg_trgm similarity()" "SELECT count(*) FROM (SELECT d.id FROM plan_document d, plan_document q WHERE q.id = $Q AND d.id <> $Q ORDER BY similarity(q.body, d.body) DESC LIMIT 10) s"

echo "-- timing ($ROUNDS rounds + warm-up)"
bench_run align "$ROUNDS"
bench_run similar "$ROUNDS"
bench_run stored "$ROUNDS"

bench_psql -v q="$Q" <<'SQL'
\pset footer off
\echo '== pairs found per pair of plans (default threshold)'
SELECT p.kind, (SELECT count(*) FROM plan_align(p.a, p.b)) AS pairs,
       (SELECT count(*) FROM plan_tasks(p.a)) AS a_tasks, (SELECT count(*) FROM plan_tasks(p.b)) AS b_tasks
FROM (SELECT DISTINCT ON (kind) kind, a, b FROM bench.pairs) p ORDER BY 1;
\echo '== times (median of rounds, ms)'
SELECT grp, label, round(bench.bench_ms(grp, label)::numeric, 1) AS ms
FROM (SELECT DISTINCT grp, label FROM bench.bench_case) l ORDER BY grp, label;
\echo '== ratios (same run) and goals: of the medians; of the best rounds; paired (median of the per-round ratios)'
CREATE TEMP VIEW t AS SELECT grp, label, bench.bench_ms(grp, label) AS ms,
       bench.bench_best_ms(grp, label) AS best
  FROM (SELECT DISTINCT grp, label FROM bench.bench_case) l;
SELECT goal, round(ratio::numeric, 2) AS ratio, round(best::numeric, 2) AS best,
       round(bench.bench_ratio(grp, xl, yl)::numeric, 2) AS paired,
       CASE WHEN want IS NULL THEN '' WHEN ratio <= want THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (
  SELECT 1, 'plan_align / plan_tasks on both, ' || k || ' <= 5', x.ms / y.ms, x.best / y.best, 5.0, x.grp, x.label, y.label
  FROM unnest(ARRAY['same plan', 'unrelated']) k, t x, t y
  WHERE x.label = 'plan_align: ' || k AND y.label = 'plan_tasks both: ' || k
  UNION ALL
  SELECT 2, 'plan_similar time / pg_trgm time <= 0.1 (10x faster)', x.ms / y.ms, x.best / y.best, 0.1, x.grp, x.label, y.label
  FROM t x, t y WHERE x.label = 'plan_similar' AND y.label = 'pg_trgm similarity()'
  UNION ALL
  SELECT 3, 'stored: ' || x.label || ' / plan_tasks both (no goal)', x.ms / y.ms, x.best / y.best, NULL, x.grp, x.label, y.label
  FROM t x, t y WHERE x.grp = 'stored' AND y.grp = 'stored' AND y.label = 'plan_tasks both' AND x.label <> y.label
) g(o, goal, ratio, best, want, grp, xl, yl) ORDER BY o, goal;
\echo '== the top 10: plan_similar against pg_trgm (how many of its 10 are pg_trgm''s)'
SELECT count(*) AS shared_of_10 FROM
  (SELECT document_id FROM plan_similar(:q, 10)) s
  JOIN (SELECT d.id FROM plan_document d, plan_document q WHERE q.id = :q AND d.id <> :q
        ORDER BY similarity(q.body, d.body) DESC LIMIT 10) t ON t.id = s.document_id;
SQL
