#!/usr/bin/env bash
# plandata_geo through pg_dump and pg_restore: the user's gazetteer rows,
# aliases and boundaries (for shipped divisions too) come back once; the
# shipped rows come from the extension and are not duplicated.
set -euo pipefail
BIN=$(pg_config --bindir)
[ -f "$(pg_config --sharedir)/extension/postgis.control" ] || { echo "skip: PostGIS is not installed"; exit 77; }
SRC=plandata_geo_dump_src DST=plandata_geo_dump_dst
DUMP=$(mktemp /tmp/plandata_geo_dump.XXXXXX)
cleanup() { psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST"; rm -f "$DUMP"; }
trap cleanup EXIT
cleanup
psql -X -q -d postgres -c "CREATE DATABASE $SRC" -c "CREATE DATABASE $DST"

psql -X -q -v ON_ERROR_STOP=1 -d $SRC <<'SQL'
CREATE EXTENSION plandata_geo CASCADE;
-- a district and a town of the user's own (the town's parent is the
-- user's district; the shipped gazetteer ends at counties), an alias for a
-- shipped district, boundaries for a shipped division and an own one
INSERT INTO plan_gazetteer (division, code, name, short_name, full_name, type, level, parent, seat)
VALUES ('330299001', '330299', '甬江街道', NULL, '浙江省宁波市甬江新区甬江街道', '街道', 'town', '330299',
		ST_SetSRID(ST_MakePoint(121.56, 29.90), 4326)),
	   ('330299', '330299', '甬江新区', '甬江', '浙江省宁波市甬江新区', '区', 'county', '330200',
		ST_SetSRID(ST_MakePoint(121.55, 29.87), 4326));
INSERT INTO plan_gazetteer_alias (alias, division, kind) VALUES ('万盛', '500110', 'alias');
INSERT INTO plan_gazetteer_alias (alias, kind) VALUES ('长寿村', 'block');
SELECT count(*) FROM plan_gazetteer_load_geojson('{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"adcode": 500151},
   "geometry": {"type": "Polygon", "coordinates": [[[105.95, 29.75], [106.15, 29.75], [106.15, 29.95], [105.95, 29.75]]]}},
  {"type": "Feature", "properties": {"name": "甬江新区"},
   "geometry": {"type": "Polygon", "coordinates": [[[121.4, 29.8], [121.7, 29.8], [121.7, 30.0], [121.4, 29.8]]]}}]}');
SQL
"$BIN/pg_dump" -Fc -f "$DUMP" $SRC
"$BIN/pg_restore" -d $DST "$DUMP"

q() { psql -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
fail=0
for sql in \
  "SELECT count(*) FROM plan_gazetteer" \
  "SELECT count(*) FROM plan_gazetteer WHERE shipped" \
  "SELECT string_agg(division || ':' || province || ':' || shipped, ',' ORDER BY division) FROM plan_gazetteer WHERE NOT shipped" \
  "SELECT count(*) FROM plan_gazetteer_alias" \
  "SELECT string_agg(alias || ':' || kind, ',' ORDER BY alias) FROM plan_gazetteer_alias WHERE NOT shipped" \
  "SELECT string_agg(division || ':' || ST_NPoints(boundary), ',' ORDER BY division) FROM plan_gazetteer_boundary" \
  "SELECT string_agg(matched || ':' || division, ',' ORDER BY pos) FROM place_mentions('支持江北、萬盛、铜梁、甬江街道', '浙江', '2025-02-10')"
do
  a=$(q $SRC "$sql"); b=$(q $DST "$sql")
  if [ "$a" = "$b" ]; then echo "same: $sql -> $b"; else echo "DIFFERENT: $sql: source $a, restored $b"; fail=1; fi
done
# shipped rows are not in the dump's data, only the user's
n=$("$BIN/pg_restore" -f - -a "$DUMP" | grep -c '^500151	' || true)
echo "shipped rows of 500151 in the dump's data: $n (the boundary only)"
[ "$n" = 1 ] || fail=1
# the restored rows are still guarded and still the user's
q $DST "UPDATE plan_gazetteer SET zone = 'x' WHERE division = '330299'" >/dev/null
if q $DST "UPDATE plan_gazetteer SET zone = 'x' WHERE division = '500151'" >/dev/null 2>&1; then
  echo "shipped row could be changed after restore"; fail=1
fi
exit $fail
