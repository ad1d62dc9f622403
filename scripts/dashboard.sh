#!/usr/bin/env bash
# The dashboard, built and checked:
#   scripts/dashboard.sh [--serve] OUTDIR [PLAN.txt|DIR ...]    (as root on Debian 12)
# Installs what is missing (apt-get: Chromium, a CJK font; npm ci of
# dashboard/package-lock.json), uses the running cluster PG* point at or else
# builds plandata and starts a throwaway one (scripts/cluster.sh), loads the
# demo data into database $PLANDATA_DASHBOARD_DB (default plandata_dashboard)
# unless it already holds documents, builds the static site (dashboard/,
# Observable Framework) into OUTDIR/site, serves it on 127.0.0.1 only, takes a
# PNG of every page with headless Chromium into OUTDIR, compares the figures
# each page shows with what SQL answers (OUTDIR/expected.json), stops the
# server, and exits 1 on any mismatch.  With --serve the site stays up on
# http://127.0.0.1:${PLANDATA_DASHBOARD_PORT:-3000}/ until Ctrl-C.
# The demo data: the documents named, or the Chongqing plan (as scripts/demo.sh)
# and our deadline test document; scripts/demo.sql's recorded figure, and
# dashboard/demo_records.sql (task statuses, a few more actual values).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SERVE=0
if [ "${1:-}" = --serve ]; then SERVE=1; shift; fi
if [ $# -lt 1 ]; then
  echo "usage: scripts/dashboard.sh [--serve] OUTDIR [PLAN.txt|DIR ...]" >&2
  exit 2
fi
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
shift
DB=${PLANDATA_DASHBOARD_DB:-plandata_dashboard}
# shellcheck source=demo_lib.sh
. scripts/demo_lib.sh
# shellcheck source=cluster.sh
. scripts/cluster.sh
step() { printf '== %s  (%d s)\n' "$*" "$SECONDS"; }
SERVER= OWN_CLUSTER=0
cleanup() {  # the server and a cluster this script started, whatever ends it
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi
  if [ $OWN_CLUSTER = 1 ]; then cluster_destroy; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "packages"
PLANDATA_DASHBOARD=1 scripts/setup.sh
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' \
  || { echo "dashboard: node 18 or later is needed (found $(node --version))" >&2; exit 1; }
cd dashboard
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  step "npm ci (dashboard/package-lock.json)"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
cd "$ROOT"

if [ -n "${PGHOST:-}${PGPORT:-}" ] && psql -X -q -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
  step "using the running cluster at ${PGHOST:-(socket)}:${PGPORT:-5432}"
else
  step "building plandata and starting a throwaway cluster"
  demo_build
  cluster_start >/dev/null
  OWN_CLUSTER=1
fi
export PGDATABASE=$DB
if [ "$(psql -X -At -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 1 ] \
   && [ "$(psql -X -At -c "SELECT to_regclass('plan_document') IS NOT NULL AND EXISTS (SELECT FROM plan_document)")" = t ]; then
  step "database $DB already holds documents: using them as they are"
else
  step "loading the demo data into database $DB"
  psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  [ $# -gt 0 ] || set -- "$(demo_default_docs)" "$ROOT/test/docs/deadlines_style.txt"
  demo_load "$@" | tail -n 3
  psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION plandata_geo CASCADE' 2>&1 | grep -v NOTICE || true
  psql -X -q -v ON_ERROR_STOP=1 -f scripts/demo.sql >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -f dashboard/demo_records.sql >/dev/null
fi

step "building the site (Observable Framework; data loaders read the views)"
rm -rf dashboard/dist dashboard/src/.observablehq/cache "$OUT/site"
(cd dashboard && OBSERVABLE_TELEMETRY_DISABLE=true npx --no-install observable build >"$OUT/build.log" 2>&1) \
  || { tail -n 30 "$OUT/build.log"; exit 1; }
cp -r dashboard/dist "$OUT/site"

step "what SQL says (expected.json)"
psql -X -At -v ON_ERROR_STOP=1 >"$OUT/expected.json" <<'SQL'
SELECT json_build_object(
  'index', json_build_object(
     'documents', (SELECT count(*) FROM plan_documents)::text,
     'tasks', (SELECT coalesce(sum(tasks), 0) FROM plan_documents)::text,
     'sections', (SELECT coalesce(sum(top_level_tasks), 0) FROM plan_documents)::text),
  'units', (SELECT json_build_object('units', (SELECT count(DISTINCT unit) FROM plan_unit_workload)::text,
                                     'top-unit', unit, 'top-unit-tasks', total::text)
            FROM (SELECT unit, sum(tasks_total) AS total, sum(tasks_led) AS led FROM plan_unit_workload GROUP BY unit
                  ORDER BY total DESC, led DESC, unit COLLATE "C" LIMIT 1) u),
  'targets', json_build_object(
     'targets', (SELECT count(*) FROM plan_progress)::text,
     'met', (SELECT count(*) FROM plan_progress WHERE status = 'met')::text,
     'not-met', (SELECT count(*) FROM plan_progress WHERE status = 'not met')::text,
     'no-data', (SELECT count(*) FROM plan_progress WHERE status = 'no data')::text),
  'deadlines', json_build_object(
     'as-of', current_date::text,
     'deadlines', (SELECT count(*) FROM plan_due)::text,
     'overdue', (SELECT count(*) FROM plan_overdue)::text,
     'due-soon', (SELECT count(*) FROM plan_due WHERE days_left >= 0 AND days_left < 90
                    AND status IS DISTINCT FROM 'done' AND status IS DISTINCT FROM 'suspended')::text,
     'done', (SELECT count(DISTINCT (document_id, part, code)) FROM plan_due WHERE status = 'done')::text),
  'places', json_build_object(
     'places', (SELECT count(DISTINCT division) FROM plan_document_place_counts)::text,
     'task-links', (SELECT coalesce(sum(tasks), 0) FROM plan_document_place_counts)::text))
SQL

serve() {  # serve PORT: start the server, set URL and SERVER
  node dashboard/serve.mjs "$OUT/site" "$1" >"$OUT/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do
    URL=$(sed -n 's/^serving //p' "$OUT/serve.log")
    [ -n "$URL" ] && return 0
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.1
  done
  cat "$OUT/serve.log" >&2; return 1
}

step "serving on 127.0.0.1, rendering every page in headless Chromium"
serve 0
rc=0
node dashboard/check.mjs "$URL" "$OUT" "$OUT/expected.json" || rc=$?
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
SERVER=
if [ $rc = 0 ]; then step "all figures match SQL; screenshots in $OUT"; else step "MISMATCH (see above)"; fi

if [ $SERVE = 1 ]; then
  serve "${PLANDATA_DASHBOARD_PORT:-3000}"
  echo "the dashboard: ${URL}index.html  (Ctrl-C stops it)"
  wait "$SERVER" || true
fi
exit $rc
