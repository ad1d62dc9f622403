#!/usr/bin/env bash
# The national gazetteer's cost per document (plandata_geo 0.3): plan_places
# on COPIES copies of the Chongqing plan (BENCH_DOC, see lib.sh), with the
# whole country's 3,200 divisions against the previous release, 0.2, whose
# gazetteer held the provinces and Chongqing's districts only — two
# databases of one cluster, measured in alternating rounds of the same run,
# each round a new session (so each pays its own dictionary compile once).
#   bench/gazetteer.sh [ROUNDS]
# Goal: national time per document <= 2x the Chongqing-only time.
set -euo pipefail
ROUNDS=${1:-5}
. "$(dirname "$0")/lib.sh"
COPIES=${COPIES:-40}
[ -f "$(pg_config --sharedir)/extension/postgis.control" ] || { echo "PostGIS is not installed: nothing to measure"; exit 0; }
bench_start
started=0; [ -n "$(trap -p EXIT)" ] && started=1		# bench_start started a cluster of its own
for db in bench_geo_cq bench_geo_cn; do
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done
trap 'for db in bench_geo_cq bench_geo_cn; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db"; done; [ $started = 0 ] || cluster_destroy' EXIT
psql -X -q -d bench_geo_cq -c "CREATE EXTENSION plandata_geo VERSION '0.2' CASCADE" 2>/dev/null
psql -X -q -d bench_geo_cn -c "CREATE EXTENSION plandata_geo CASCADE" 2>/dev/null
echo "-- document: $BENCH_DOC ($(wc -c <"$BENCH_DOC") bytes) x $COPIES rows"
for db in bench_geo_cq bench_geo_cn; do
  psql -X -q -v ON_ERROR_STOP=1 -d $db -v doc="$(cat "$BENCH_DOC")" -v copies="$COPIES" <<'SQL'
CREATE TABLE docs (id int, body text);
-- each copy differs by trailing spaces: no cache may recognise a document
INSERT INTO docs SELECT g, :'doc' || repeat(' ', g) FROM generate_series(1, :copies) g;
VACUUM ANALYZE docs;
CREATE FUNCTION bench_ms() RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	PERFORM count(*) FROM docs d, plan_places(d.body) p;
	RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
SQL
  echo "-- $db: plandata_geo $(psql -X -At -d $db -c "SELECT extversion FROM pg_extension WHERE extname = 'plandata_geo'"), $(psql -X -At -d $db -c "SELECT count(*) FROM plan_gazetteer") divisions, $(psql -X -At -d $db -c "SELECT count(*) FROM plan_places((SELECT body FROM docs LIMIT 1))") places in the plan"
done
out=$(mktemp)
psql -X -At -d bench_geo_cq -c "SELECT bench_ms()" >/dev/null; psql -X -At -d bench_geo_cn -c "SELECT bench_ms()" >/dev/null  # warm-up
for r in $(seq 1 "$ROUNDS"); do
  a=$(psql -X -At -d bench_geo_cq -c "SELECT bench_ms()")
  b=$(psql -X -At -d bench_geo_cn -c "SELECT bench_ms()")
  echo "$r $a $b" >>"$out"
  awk -v r="$r" -v a="$a" -v b="$b" 'BEGIN { printf "round %s: Chongqing-only %8.1f ms, national %8.1f ms, ratio %.2f\n", r, a, b, b / a }'
done
sort -k2 -n "$out" | awk -v n="$ROUNDS" -v c="$COPIES" '{a[NR]=$2} END {m=a[int((n+1)/2)]; printf "median Chongqing-only: %.2f ms per document\n", m/c}'
sort -k3 -n "$out" | awk -v n="$ROUNDS" -v c="$COPIES" '{a[NR]=$3} END {m=a[int((n+1)/2)]; printf "median national:       %.2f ms per document\n", m/c}'
awk '{print $3/$2}' "$out" | sort -n | awk -v n="$ROUNDS" '{a[NR]=$1} END {m=a[int((n+1)/2)]; printf "median ratio national / Chongqing-only: %.2f (goal <= 2: %s)\n", m, (m <= 2 ? "met" : "NOT MET")}'
rm -f "$out"
