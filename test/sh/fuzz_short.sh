#!/usr/bin/env bash
# A short, reproducible fuzz run of every harness in test/fuzz (libFuzzer with
# AddressSanitizer and UndefinedBehaviorSanitizer): a fixed number of runs
# from a fixed seed, so it finds the same things every time and does not
# depend on the machine's speed.  Seeds: test/fuzz/seeds/<harness>, our test
# documents, and ../shared/corpus when present; the format decoders' seeds
# are small real files (test/fuzz/seeds/intake_*).  Long runs are the same
# binaries with -max_total_time (see README "Reliability").
# timeout: 1500
set -euo pipefail
cd "$ROOT"
command -v clang >/dev/null || { echo "skip: clang is not installed"; exit 77; }
make -s -j"$(nproc)" fuzz-build >/dev/null
SHARED=${PLANDATA_SHARED:-$ROOT/../shared}
work=$(mktemp -d /tmp/plandata-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
status=0
for bin in test/fuzz/bin/fuzz_*; do
  name=$(basename "$bin"); name=${name#fuzz_}
  mkdir -p "$work/$name"
  [ -d "test/fuzz/seeds/$name" ] && cp test/fuzz/seeds/"$name"/* "$work/$name/"
  case "$name" in
    segment|units|targets|places|docno|align|deadlines) cp test/docs/*.txt "$work/$name/"
      [ -d "$SHARED/corpus" ] && cp "$SHARED"/corpus/*.txt "$work/$name/" 2>/dev/null || true
      runs=40000; maxlen=32768 ;;
    # the file-format decoders: whole files, a parse each (poppler, libxml2, libzip)
    intake_html) runs=20000; maxlen=16384 ;;
    intake_docx|intake_ofd) runs=5000; maxlen=65536 ;;
    intake_pdf) runs=800; maxlen=65536 ;;
    intake_layout) runs=30000; maxlen=4096 ;;
    *) runs=200000; maxlen=256 ;;
  esac
  if "$bin" -runs=$runs -seed=1 -max_len=$maxlen -artifact_prefix="$work/" "$work/$name" >"$work/$name.log" 2>&1; then
    echo "fuzz_$name: $(grep -Eo 'Done [0-9]+ runs' "$work/$name.log" || echo done)"
  else
    echo "fuzz_$name: FAILED"; tail -n 40 "$work/$name.log"; status=1
  fi
done
exit $status
