#!/usr/bin/env bash
# planload's file formats: documents per second for HTML, DOCX, PDF and OFD
# next to plain text, over COPIES generated files each (default 100: the
# test documents in turn, each with a closing line that numbers it, made
# into every format by test/sh/lib/mkformats.py), in one run, interleaved,
# ROUNDS counted rounds after a warm-up, medians.  Two measures per format:
#   --text        extraction alone (reading, decoding, layout clean-up)
#   --parse-only  extraction and the parser core, as planload does before
#                 it sends a document (the server's work is the same text's
#                 whatever the format, see bench/planload.sh)
# No server is needed.  Prints documents/s and the ratio to the .txt files.
#   bench/intake.sh [ROUNDS]
set -euo pipefail
ROUNDS=${1:-3}
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
PL=${PLANLOAD:-$ROOT/planload}
COPIES=${COPIES:-100}
PY=/usr/bin/python3
[ -x "$PL" ] || { echo "planload is not built: run make" >&2; exit 1; }
$PY -c 'import docx, reportlab' 2>/dev/null || { echo "python3-docx and python3-reportlab are needed" >&2; exit 1; }

work=$(mktemp -d /tmp/intake-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
srcs=("$ROOT"/test/docs/*.txt)
mkdir "$work/txt"
for k in $(seq 0 $((COPIES - 1))); do
  f=${srcs[$((k % ${#srcs[@]}))]}
  { tr -d '\r' <"$f"; printf '\n（此件公开发布，编号 %04d）\n' "$k"; } >"$work/txt/doc_$(printf %04d "$k").txt"
done
formats=(txt html docx pdf ofd)
for k in html docx pdf ofd; do
  mkdir "$work/$k"
  $PY "$ROOT/test/sh/lib/mkformats.py" batch "$k" "$work/$k" "$work"/txt/*.txt
done
for k in "${formats[@]}"; do
  echo "-- $k: $COPIES files, $(cat "$work/$k"/* | wc -c) bytes"
done
echo "== $(nproc) cpus; load $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A times
for round in $(seq 0 "$ROUNDS"); do
  for mode in text parse-only; do
    for k in "${formats[@]}"; do
      t0=$(date +%s%N)
      "$PL" "--$mode" -g "*.$k" "$work/$k" >/dev/null 2>"$work/err" \
        || { cat "$work/err"; echo "planload --$mode failed on the .$k files" >&2; exit 1; }
      t1=$(date +%s%N)
      [ "$round" = 0 ] && continue	# warm-up
      times[$mode/$k]="${times[$mode/$k]:-} $(( (t1 - t0) / 1000 ))"
    done
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
for mode in text parse-only; do
  echo "== planload --$mode, $COPIES files per format, median of $ROUNDS rounds"
  base=$(echo "${times[$mode/txt]}" | median)
  printf '%-6s %12s %14s %10s\n' format "ms/100 files" "documents/s" "vs .txt"
  for k in "${formats[@]}"; do
    us=$(echo "${times[$mode/$k]}" | median)
    awk -v k="$k" -v us="$us" -v base="$base" -v n="$COPIES" \
      'BEGIN { printf "%-6s %12.1f %14.1f %9.2fx\n", k, us / 1000 * 100 / n, n / (us / 1e6), us / base }'
  done
done
