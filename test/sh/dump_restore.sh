#!/usr/bin/env bash
# pg_dump / pg_restore of a database with loaded plans restores every
# document, task, unit, target and the user's own rows in the extension's
# tables (dictionary additions, actual values) exactly, and the sequence
# continues where it was.
set -euo pipefail
cd "$ROOT"
psqlx() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
dump=$(mktemp /tmp/plandata-dump.XXXXXX)
cleanup() { rm -f "$dump"; for db in pd_dump_src pd_dump_dst; do psqlx -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null; done; }
trap cleanup EXIT
cleanup
psqlx -d postgres -c "CREATE DATABASE pd_dump_src" -c "CREATE DATABASE pd_dump_dst"
psqlx -d pd_dump_src -c "CREATE EXTENSION plandata"
for f in test/docs/*.txt; do
  psqlx -d pd_dump_src -v doc="$(cat "$f")" -v src="$(basename "$f")" <<<"SELECT plan_ingest(:'doc', :'src');" >/dev/null
done
# the user's own rows in extension tables that ship rows of their own, when present
psqlx -d pd_dump_src <<'SQL'
DO $$
BEGIN
  IF to_regclass('respunit_dict') IS NOT NULL THEN
    EXECUTE $q$INSERT INTO respunit_dict (region, short, full_name, kind)
               VALUES ('测试', '测试局', '测试市测试局', 'government department')$q$;
  END IF;
  IF to_regclass('plan_actual') IS NOT NULL THEN
    EXECUTE $q$INSERT INTO plan_actual (indicator, region, year, value, unit, source)
               VALUES ('常住人口城镇化率', '重庆市', 2025, 72.5, '%', 'test')$q$;
  END IF;
END $$;
-- and a table of the user's that uses the types
CREATE TABLE my_notes AS SELECT document_id, code, 'note ' || ord AS note FROM plan_task;
SQL
pg_dump -Fc -d pd_dump_src -f "$dump"
pg_restore -d pd_dump_dst "$dump"

# every table of the extension and the user's table, row for row
fingerprint() {
  psql -X -At -d "$1" <<'SQL'
SELECT c.relname || ' ' || (xpath('/row/c/text()', query_to_xml(format(
         'SELECT count(*) || '':'' || coalesce(md5(string_agg(t::text, ''|'' ORDER BY t::text)), '''') AS c FROM %s t',
         c.oid::regclass), false, true, '')))[1]::text
FROM pg_class c
WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
ORDER BY 1;
SELECT 'next id ' || nextval('plan_document_id_seq');
SQL
}
fingerprint pd_dump_src >/tmp/pd_dump_src.txt
fingerprint pd_dump_dst >/tmp/pd_dump_dst.txt
cat /tmp/pd_dump_src.txt
diff -u /tmp/pd_dump_src.txt /tmp/pd_dump_dst.txt
echo "restored database matches the original"
