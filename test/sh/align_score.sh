#!/usr/bin/env bash
# plan_align at its default threshold against our gold (test/gold/align.tsv)
# on our own plans in the real styles: a national 指导意见
# (test/docs/align_national_style.txt), a province's 实施方案 implementing it
# (align_province_style.txt) and a city's, in Traditional script
# (align_city_style_trad.txt), each with local additions, omissions and
# changed targets.  Strong pairs (the same measure) are scored; weak pairs
# (overlapping but different, or the parent of a strong pair) are neither
# rewarded nor penalised.  Prints precision, recall and F1 per pair of plans
# and over all three; fails below F1 0.70 overall (the goal).
set -euo pipefail
cd "$ROOT"
export PGDATABASE=plandata_align_score
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE" -c "CREATE DATABASE $PGDATABASE"
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE"' EXIT
grep -v '^#' test/gold/align.tsv > /tmp/align_gold_$$.tsv
out=$(psql -X -q -At -F' ' -v ON_ERROR_STOP=1 \
  -v national="$(cat test/docs/align_national_style.txt)" \
  -v province="$(cat test/docs/align_province_style.txt)" \
  -v city="$(cat test/docs/align_city_style_trad.txt)" <<SQL
CREATE EXTENSION plandata;
CREATE TABLE doc (name text, body text);
INSERT INTO doc VALUES ('national', :'national'), ('province', :'province'), ('city', :'city');
CREATE TABLE gold (a text, b text, a_code taskcode, b_code taskcode, strength text);
\copy gold FROM '/tmp/align_gold_$$.tsv'
CREATE TABLE found AS
SELECT p.a, p.b, x.a_code, x.b_code
FROM (SELECT DISTINCT a, b FROM gold) p
JOIN doc da ON da.name = p.a JOIN doc db ON db.name = p.b,
LATERAL plan_align(da.body, db.body) x;
CREATE VIEW counts AS
SELECT p.a || '-' || p.b AS pair,
       (SELECT count(*) FROM found f JOIN gold g USING (a, b, a_code, b_code)
        WHERE f.a = p.a AND f.b = p.b AND g.strength = 'strong') AS tp,
       (SELECT count(*) FROM found f LEFT JOIN gold g USING (a, b, a_code, b_code)
        WHERE f.a = p.a AND f.b = p.b AND g.strength IS NULL) AS fp,
       (SELECT count(*) FROM gold g LEFT JOIN found f USING (a, b, a_code, b_code)
        WHERE g.a = p.a AND g.b = p.b AND g.strength = 'strong' AND f.a IS NULL) AS fn
FROM (SELECT DISTINCT a, b FROM gold) p;
SELECT pair, tp, fp, fn,
       round(tp::numeric / nullif(tp + fp, 0), 3), round(tp::numeric / nullif(tp + fn, 0), 3),
       round(2 * tp::numeric / nullif(2 * tp + fp + fn, 0), 3)
FROM (SELECT * FROM counts UNION ALL SELECT 'all', sum(tp), sum(fp), sum(fn) FROM counts) c
ORDER BY pair = 'all', pair;
SELECT 'missed', f.a, f.b, f.a_code, f.b_code FROM gold f LEFT JOIN found x USING (a, b, a_code, b_code)
WHERE f.strength = 'strong' AND x.a IS NULL;
SELECT 'extra', f.a, f.b, f.a_code, f.b_code FROM found f LEFT JOIN gold g USING (a, b, a_code, b_code)
WHERE g.a IS NULL;
SQL
)
rm -f /tmp/align_gold_$$.tsv
echo "pair tp fp fn precision recall f1"
echo "$out"
f1=$(echo "$out" | awk '$1 == "all" { print $7 }')
[ -n "$f1" ] || { echo "no overall score"; exit 1; }
awk -v f="$f1" 'BEGIN { exit !(f >= 0.70) }' || { echo "F1 $f1 below the goal 0.70"; exit 1; }
echo "plan_align F1 $f1 (goal 0.70)"
