#!/usr/bin/env bash
# A short, reproducible fuzz run of every harness in test/fuzz (libFuzzer with
# AddressSanitizer and UndefinedBehaviorSanitizer): a fixed number of runs
# from a fixed seed, so it finds the same things every time and does not
# depend on the machine's speed.  Seeds: test/fuzz/seeds/<harness>, our test
# documents, and ../shared/corpus when present.  Long runs are the same
# binaries with -max_total_time (see README "Reliability").
set -euo pipefail
cd "$ROOT"
command -v clang >/dev/null || { echo "skip: clang is not installed"; exit 77; }
make -s fuzz-build >/dev/null
SHARED=${PLANDATA_SHARED:-$ROOT/../shared}
work=$(mktemp -d /tmp/plandata-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
status=0
for bin in test/fuzz/bin/fuzz_*; do
  name=$(basename "$bin"); name=${name#fuzz_}
  mkdir -p "$work/$name"
  [ -d "test/fuzz/seeds/$name" ] && cp test/fuzz/seeds/"$name"/* "$work/$name/"
  case "$name" in
    segment|units|targets|places|docno|deadlines) cp test/docs/*.txt "$work/$name/"
      [ -d "$SHARED/corpus" ] && cp "$SHARED"/corpus/*.txt "$work/$name/" 2>/dev/null || true
      runs=40000; maxlen=32768 ;;
    *) runs=200000; maxlen=256 ;;
  esac
  if "$bin" -runs=$runs -seed=1 -max_len=$maxlen -artifact_prefix="$work/" "$work/$name" >"$work/$name.log" 2>&1; then
    echo "fuzz_$name: $(grep -Eo 'Done [0-9]+ runs' "$work/$name.log" || echo done)"
  else
    echo "fuzz_$name: FAILED"; tail -n 40 "$work/$name.log"; status=1
  fi
done
exit $status
