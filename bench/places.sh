#!/usr/bin/env bash
# Place-finding benchmark (plandata_geo): COPIES copies of a Chongqing-style
# plan that names every district (test/docs/geo_cq_style.txt and its
# Traditional twin, alternating) as rows, timed in one run next to
#   - the floor: length(body), the detoast read;
#   - the competitor the design replaces: the text folded once, then one
#     regexp_matches() per gazetteer name (what a SQL-only matcher does);
#   - plan_match_terms over the same names (the C trie alone);
#   - place_mentions (names dated and resolved: the SQL around the trie);
#   - plan_places (plus segmentation, issuing region and task attribution).
#   bench/places.sh [ROUNDS]
# Goal: plan_match_terms >= 20x the regexp-per-name loop, same hits.
set -euo pipefail
ROUNDS=${1:-3}
. "$(dirname "$0")/lib.sh"
COPIES=${COPIES:-300}
[ -f "$(pg_config --sharedir)/extension/postgis.control" ] || { echo "PostGIS is not installed: nothing to measure"; exit 0; }
bench_start
bench_psql -c 'CREATE EXTENSION plandata_geo CASCADE' >/dev/null
echo "-- documents: test/docs/geo_cq_style*.txt ($(wc -c <"$ROOT/test/docs/geo_cq_style.txt") bytes) x $COPIES rows"

bench_psql -v simp="$(cat "$ROOT/test/docs/geo_cq_style.txt")" -v trad="$(cat "$ROOT/test/docs/geo_cq_style_trad.txt")" \
           -v copies="$COPIES" <<'SQL'
CREATE TABLE bench.docs (id int, body text);
INSERT INTO bench.docs SELECT g, CASE WHEN g % 2 = 0 THEN :'simp' ELSE :'trad' END FROM generate_series(1, :copies) g;
VACUUM ANALYZE bench.docs;
-- the gazetteer's names as plan_places sees them on the plans' date: those
-- of the 0.2 gazetteer (provinces, Chongqing, 广安), so that the
-- regexp-per-name baseline stays what it was (the national gazetteer's
-- 12,000 names: bench/gazetteer.sh)
CREATE TABLE bench.dict AS
SELECT array_agg(DISTINCT plan_fold(t.term)) AS terms,
       (SELECT array_agg(alias ORDER BY alias) FROM plan_gazetteer_alias WHERE kind = 'stop') AS stops
FROM plan_gazetteer g CROSS JOIN LATERAL (VALUES (g.name), (g.short_name), (g.full_name)) AS t(term)
WHERE t.term IS NOT NULL AND (g.valid_to IS NULL OR g.valid_to > '2025-06-18')
  AND (g.valid_from IS NULL OR g.valid_from <= '2025-06-18')
  AND (g.level = 'province' OR g.province = '500000' OR g.division = '511600');
CREATE TABLE bench.names AS SELECT unnest(terms) AS term FROM bench.dict;
SQL

add_case() { bench_psql -c "INSERT INTO bench.bench_case (grp, label, query) VALUES ('places', '$1', \$q\$$2\$q\$)"; }
add_case 'floor: length(body)' 'SELECT sum(length(body)) FROM bench.docs'
add_case 'regexp per name' 'SELECT count(*) FROM bench.docs d CROSS JOIN LATERAL (SELECT plan_fold(d.body) AS f) x, bench.names n, regexp_matches(x.f, n.term, $$g$$) m'
add_case 'plan_match_terms' 'SELECT count(*) FROM bench.docs d, bench.dict k, plan_match_terms(d.body, k.terms, k.stops) m'
add_case 'place_mentions' 'SELECT count(*) FROM bench.docs d, place_mentions(d.body, $$500000$$, $$2025-06-18$$) m'
add_case 'plan_places' 'SELECT count(*) FROM bench.docs d, plan_places(d.body) p'

echo "-- timing ($ROUNDS rounds + warm-up)"
bench_run places "$ROUNDS"

bench_psql <<'SQL'
\pset footer off
\echo '== hits per pass'
SELECT (SELECT count(*) FROM bench.docs d CROSS JOIN LATERAL (SELECT plan_fold(d.body) AS f) x, bench.names n,
               regexp_matches(x.f, n.term, 'g')) AS regexp_hits_with_overlaps,
       (SELECT count(*) FROM bench.docs d, bench.dict k, plan_match_terms(d.body, k.terms, k.stops)) AS trie_hits,
       (SELECT count(*) FROM bench.docs d, place_mentions(d.body, '500000', '2025-06-18')) AS place_mentions,
       (SELECT count(*) FROM bench.docs d, plan_places(d.body)) AS plan_places,
       (SELECT cardinality(terms) FROM bench.dict) AS names;
\echo '== throughput (median of rounds; MB = 10^6 bytes)'
WITH mb AS (SELECT sum(octet_length(body)) / 1e6 AS mb FROM bench.docs)
SELECT label, round(bench.bench_ms('places', label)::numeric) AS ms,
       round((mb / (bench.bench_ms('places', label) / 1000))::numeric, 2) AS "MB/s",
       round((bench.bench_ms('places', label) * 1000 / (SELECT count(*) FROM bench.docs))::numeric) AS "µs/doc"
FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'places') l, mb
ORDER BY 2;
\echo '== ratios (same run) and goal'
CREATE TEMP VIEW t AS SELECT label, bench.bench_ms('places', label) AS ms
  FROM (SELECT DISTINCT label FROM bench.bench_case WHERE grp = 'places') l;
SELECT goal, round(ratio::numeric, 2) AS ratio,
       CASE WHEN want IS NULL THEN '' WHEN ratio >= want THEN 'met' ELSE 'NOT MET' END AS verdict
FROM (
  SELECT 1, 'regexp-per-name time / plan_match_terms time >= 20', r.ms / p.ms, 20
  FROM t r, t p WHERE r.label = 'regexp per name' AND p.label = 'plan_match_terms'
  UNION ALL
  SELECT 2, 'plan_match_terms speed / length(body) speed', f.ms / p.ms, NULL
  FROM t f, t p WHERE f.label = 'floor: length(body)' AND p.label = 'plan_match_terms'
  UNION ALL
  SELECT 3, 'regexp-per-name time / place_mentions time', r.ms / p.ms, NULL
  FROM t r, t p WHERE r.label = 'regexp per name' AND p.label = 'place_mentions'
) g(o, goal, ratio, want) ORDER BY o;
SQL
