#!/usr/bin/env bash
# timeout: 1500
# The dashboard end to end: scripts/dashboard.sh loads the demo data into a
# database of the suite's cluster, builds the site, renders every page in
# headless Chromium and compares its figures with SQL (it exits 1 on any
# mismatch).  Here: it passed, every page left a real PNG, and the check
# does catch a figure that differs from SQL.
set -euo pipefail
cd "$ROOT"
if [ "$(id -u)" != 0 ] && ! command -v chromium >/dev/null; then
  echo "skip: chromium is not installed (scripts/dashboard.sh installs it when run as root)"; exit 77
fi
export PLANDATA_DASHBOARD_DB=plandata_dashboard_test
OUT=$(mktemp -d /tmp/dashboard-test.XXXXXX)
cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PLANDATA_DASHBOARD_DB" >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $PLANDATA_DASHBOARD_DB"

start=$SECONDS
scripts/dashboard.sh "$OUT/shots" | tee "$OUT/run.log"
echo "scripts/dashboard.sh took $((SECONDS - start)) s"

fail() { echo "FAIL: $*"; exit 1; }
for page in index units targets deadlines places; do
  png=$OUT/shots/$page.png
  [ -f "$png" ] || fail "no screenshot of $page"
  # a PNG (its signature), 1280 pixels wide, and not a blank page
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$page.png is not a PNG"
  width=$(od -An -tu1 -j16 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
  [ "$width" = 1280 ] || fail "$page.png is $width pixels wide, not 1280"
  size=$(stat -c %s "$png")
  [ "$size" -gt 40000 ] || fail "$page.png has only $size bytes"
  grep -q "^ok       $page: " "$OUT/run.log" || fail "no figure of $page was checked"
done
grep -q "^ok       deadlines: overdue " "$OUT/run.log" || fail "the overdue count was not checked"
! grep -q "MISMATCH\|^FAIL" "$OUT/run.log" || fail "a figure differs from SQL"

# the check is not a rubber stamp: one wrong expectation makes it fail
node -e '
  const fs = require("fs"); const e = JSON.parse(fs.readFileSync(process.argv[1]));
  e.deadlines.overdue = String(Number(e.deadlines.overdue) + 1);
  fs.writeFileSync(process.argv[2], JSON.stringify({deadlines: e.deadlines}));' \
  "$OUT/shots/expected.json" "$OUT/wrong.json"
node dashboard/serve.mjs "$OUT/shots/site" 0 >"$OUT/serve.log" &
SERVER=$!
for _ in $(seq 100); do grep -q '^serving' "$OUT/serve.log" && break; sleep 0.1; done
URL=$(sed -n 's/^serving //p' "$OUT/serve.log")
rc=0
node dashboard/check.mjs "$URL" "$OUT/wrong" "$OUT/wrong.json" >"$OUT/wrong.log" || rc=$?
cat "$OUT/wrong.log"
[ $rc = 1 ] && grep -q "^MISMATCH deadlines: overdue" "$OUT/wrong.log" || fail "a wrong overdue count was not caught (rc $rc)"
echo "ok: 5 pages rendered and checked against SQL; a wrong figure is caught"
