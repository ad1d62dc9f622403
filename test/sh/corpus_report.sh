#!/usr/bin/env bash
# test/corpus_report.sh over the shared corpus (../shared/corpus next to the
# checkout, or next to the main checkout of a git worktree; $PLANDATA_SHARED
# overrides ../shared): every document loads with planload, the rows planload
# stores are the rows the SQL functions give, and the report ends with its
# summary line.  Suspicious rows are printed, never a failure: they are for
# the parser owners.
set -euo pipefail
cd "$ROOT"
shared=${PLANDATA_SHARED:-$ROOT/../shared}
if [ -z "${PLANDATA_SHARED:-}" ] && [ ! -d "$shared/corpus" ] &&
   common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
  shared=$(dirname "$common")/../shared
fi
[ -d "$shared/corpus" ] || { echo "skip: the shared corpus ($shared/corpus) is absent"; exit 77; }
[ -x "$ROOT/planload" ] || { echo "FAIL: $ROOT/planload is not built (run make)"; exit 1; }
out=$(mktemp /tmp/corpus-report-test.XXXXXX)
trap 'rm -f "$out"' EXIT

n=$(find "$shared/corpus" -name '*.txt' | wc -l)
status=0
CORPUS_REPORT_DB=plandata_corpus_report_test "$ROOT/test/corpus_report.sh" "$shared/corpus" >"$out" 2>&1 || status=$?
cat "$out"
[ "$status" = 0 ] || { echo "FAIL: corpus_report exited $status (a document failed to load, or stored rows differ)"; exit 1; }
grep -qxE "planload: $n documents?: [0-9]+ loaded, [0-9]+ unchanged, 0 failed" "$out" ||
  { echo "FAIL: planload did not load all $n documents"; exit 1; }
grep -qxE "stored rows: ([0-9]+) of \1 documents as planload stored them" "$out" ||
  { echo "FAIL: stored rows differ from the parse"; exit 1; }
last=$(tail -n 1 "$out")
[[ "$last" =~ ^[0-9]+\ documents:\ [0-9]+\ tasks,\ [0-9]+\ units,\ [0-9]+\ targets\;\ suspicious:\ [0-9]+\ long\ headings,\ [0-9]+\ non-organisation\ units,\ [0-9]+\ empty\ indicators\;\ [0-9.]+\ ms\ per\ document$ ]] ||
  { echo "FAIL: no summary line at the end"; exit 1; }
# one row per document
rows=$(grep -cE '^ [^ ].*\.txt +\|' "$out" || true)
[ "$rows" = "$n" ] || { echo "FAIL: $rows report rows for $n documents"; exit 1; }
echo "ok: $n documents loaded and reported"
