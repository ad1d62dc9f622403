#!/usr/bin/env bash
# BI tools read plandata's views through a client library we did not write
# (Debian's python3-psycopg2) without any special type handling.
set -euo pipefail
PY=/usr/bin/python3
$PY -c 'import psycopg2' 2>/dev/null || { echo "skip: python3-psycopg2 is not installed"; exit 77; }
export PGDATABASE=plandata_bi
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE" -c "CREATE DATABASE $PGDATABASE"
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE"' EXIT
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION plandata'
for f in "$ROOT"/test/docs/*.txt; do
  psql -X -q -v ON_ERROR_STOP=1 -v doc="$(cat "$f")" -v src="$(basename "$f")" \
       <<<"SELECT plan_ingest(:'doc', :'src');" >/dev/null
done
$PY "$ROOT/test/python/bi_client.py"
