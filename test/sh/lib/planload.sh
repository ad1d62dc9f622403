# test/sh/lib/planload.sh — shared set-up of the planload_*.sh tests
# (sourced, not a test itself: scripts/test.sh runs test/sh/*.sh only).
#   PL                    the planload binary of this checkout
#   pl_db NAME            create database NAME with plandata; dropped on exit
#   pl_fail MESSAGE       print FAIL: MESSAGE and exit 1
#   pl_expect TEXT FILE   FILE must contain the line TEXT (fixed string)
#   pl_copies DIR N       N distinct copies of every test document into DIR
#   pl_q DB SQL           one value from psql (-At)
#   pl_row_tables DB      the per-document row tables this version has
#   pl_fingerprint DB     count and md5 of every document (by content hash,
#                         ids may differ) with all its rows in those tables
#   pl_orphans DB         rows of those tables without their document (0)
set -euo pipefail
cd "$ROOT"
PL=${PLANLOAD:-$ROOT/planload}
[ -x "$PL" ] || { echo "FAIL: $PL is not built (run make)"; exit 1; }
PL_SHARED=${PLANDATA_SHARED:-$ROOT/../shared}
PL_TMP=$(mktemp -d /tmp/planload-test.XXXXXX)
PL_DBS=()

pl_cleanup() {
  local db
  for db in "${PL_DBS[@]}"; do
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
  rm -rf "$PL_TMP"
}
trap pl_cleanup EXIT

pl_db() {
  psql -X -q -d postgres -c "SET client_min_messages = warning" \
       -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c 'CREATE EXTENSION plandata' >/dev/null
  PL_DBS+=("$1")
}

pl_fail() { echo "FAIL: $*"; exit 1; }

pl_expect() {
  grep -qxF -- "$1" "$2" || { echo "--- $2:"; cat "$2"; pl_fail "expected the line: $1"; }
}

pl_q() { psql -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# run a command every 0.1 s until it succeeds, up to 60 s (status 1 if it never does)
wait_until() {
  local _
  for _ in $(seq 1 600); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

# wait until a query on database (or connection string) $1 returns $3
wait_for() {
  local got=
  _wait_for_answer() { got=$(pl_q "$1" "$2" 2>/dev/null || true); [ "$got" = "$3" ]; }
  wait_until _wait_for_answer "$@" || pl_fail "timed out waiting for [$2] = $3 (last: $got)"
}

# Copy i of a document is the document with a closing line that names i, so
# every copy is a distinct text with the same numbered items.
pl_copies() {
  local dir=$1 n=$2 i f
  mkdir -p "$dir"
  for i in $(seq -f "%02g" 1 "$n"); do
    for f in "$ROOT"/test/docs/*.txt; do
      { cat "$f"; printf '\n（此件公开发布，编号 %s）\n' "$i"; } >"$dir/$(basename "$f" .txt)_$i.txt"
    done
  done
}

# the row tables of a stored document that exist in this version
pl_row_tables() {
  local t
  for t in plan_task plan_task_unit plan_target plan_citation plan_deadline; do
    [ -n "$(pl_q "$1" "SELECT to_regclass('$t')")" ] && echo "$t"
  done
  return 0
}

pl_fingerprint() {
  local db=$1 t cols="" joins=""
  for t in $(pl_row_tables "$db"); do
    cols="$cols || ':' || $t.n"
    joins="$joins CROSS JOIN LATERAL (SELECT count(*) || '/' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '')
                      FROM (SELECT to_jsonb(r) - 'document_id' AS x FROM $t r WHERE r.document_id = d.id) r(x)) $t(n)"
  done
  pl_q "$db" "SELECT count(*) || ' documents, md5 ' || coalesce(md5(string_agg(encode(d.content_hash, 'hex')
                 || ':' || coalesce(d.title, '') $cols, ',' ORDER BY d.content_hash)), '')
              FROM plan_document d $joins"
}

# rows of any row table whose document is missing (must be 0)
pl_orphans() {
  local db=$1 t q="SELECT 0"
  for t in $(pl_row_tables "$db"); do
    q="$q + (SELECT count(*) FROM $t r WHERE NOT EXISTS (SELECT 1 FROM plan_document d WHERE d.id = r.document_id))"
  done
  pl_q "$db" "$q"
}
