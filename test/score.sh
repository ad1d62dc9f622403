#!/usr/bin/env bash
# score.sh — F1 of plandata's parse against hand-made gold annotations.
#   test/score.sh [GOLD_DIR DOC_DIR]...
# Default pairs: ../shared/gold with ../shared/corpus (the real plans, when
# present) and test/gold with test/docs (our own documents).  Needs a server
# with the extension (PG* environment).  Prints one table row per document
# and metric; exits non-zero only on errors, never on low scores.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${PLANDATA_SHARED:-$ROOT/../shared}
if [ $# -eq 0 ]; then
  set -- "$SHARED/gold" "$SHARED/corpus" "$ROOT/test/gold" "$ROOT/test/docs"
fi
echo "document|metric|gold|ours|matched|f1|exact_share"
while [ $# -ge 2 ]; do
  gold_dir=$1 doc_dir=$2; shift 2
  if [ ! -d "$doc_dir" ]; then
    echo "# $doc_dir is absent: documents of $gold_dir not scored" >&2
    continue
  fi
  for g in "$gold_dir"/*.json; do
    [ -f "$g" ] || continue
    doc=$doc_dir/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"])' "$g" 2>/dev/null \
                   || sed -n 's/.*"document": *"\([^"]*\)".*/\1/p' "$g" | head -n1)
    if [ ! -f "$doc" ]; then echo "# $doc is absent: skipped" >&2; continue; fi
    psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -v doc="$(cat "$doc")" -v gold="$(cat "$g")" \
         -v name="$(basename "$doc")" -f "$ROOT/test/score.sql"
  done
done
