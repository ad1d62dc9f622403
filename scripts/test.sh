#!/usr/bin/env bash
# The whole plandata test suite on a throwaway local cluster.
#   sudo scripts/test.sh
# Installs what is missing (apt-get), builds and installs the extension,
# starts a cluster on 127.0.0.1 under /tmp, runs the C unit tests, the
# pg_regress suite and the shell tests in test/sh, stops the cluster, and
# ends with "N passed, N failed".  Exit status 0 only if nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

scripts/setup.sh || exit 1

echo "== build"
make -s -j"$(nproc)" >build.log 2>&1 && make -s install >>build.log 2>&1 \
  || { tail -n 40 build.log; echo "0 passed, 1 failed"; exit 1; }
if grep -E 'warning:' build.log; then echo "build: compiler warnings (see above)"; fi

PASSED=0 FAILED=0 FAILED_NAMES=()
result() {  # name status(0 pass, 77 skip, else fail)
  case "$2" in
    0)  PASSED=$((PASSED+1)); printf '  %-40s ok\n' "$1" ;;
    77) printf '  %-40s skipped\n' "$1" ;;
    *)  FAILED=$((FAILED+1)); FAILED_NAMES+=("$1"); printf '  %-40s FAILED\n' "$1" ;;
  esac
}

echo "== C unit tests (backend-free core)"
make -s test-c-build >>build.log 2>&1 || { tail -n 30 build.log; result "C test build" 1; }
mkdir -p test/c/log
for t in test/c/bin/test_*; do
  [ -x "$t" ] || continue
  log=test/c/log/$(basename "$t").log
  "$t" >"$log" 2>&1; rc=$?
  [ $rc = 0 ] || tail -n 20 "$log"
  result "c/$(basename "$t")" $rc
done

# shellcheck source=cluster.sh
. scripts/cluster.sh
cluster_start || { echo "0 passed, 1 failed"; exit 1; }
trap cluster_destroy EXIT

echo "== pg_regress"
make -s installcheck >regress.log 2>&1
while read -r name status; do
  result "regress/$name" "$status"
done < <(sed -nE 's/^(ok|not ok)[[:space:]]+[0-9]+[[:space:]]+[-+][[:space:]]+([^[:space:]]+).*/\2 \1/p;
                  s/^[[:space:]]*(test[[:space:]]+)?([a-z0-9_]+)[[:space:]]+\.\.\.[[:space:]]+(ok|FAILED|failed).*/\2 \3/p' regress.log \
           | sed -E 's/ (ok)$/ 0/; s/ (not ok|FAILED|failed)$/ 1/')
grep -qE '(tests|test) (passed|failed)|All [0-9]+ tests passed|[0-9]+ of [0-9]+ tests failed' regress.log \
  || { tail -n 30 regress.log; result "pg_regress run" 1; }
[ -f regression.diffs ] && head -n 200 regression.diffs

echo "== shell tests"
for t in test/sh/*.sh; do
  [ -f "$t" ] || continue
  name=$(basename "$t" .sh)
  # a test may ask for more time than 10 minutes in a "# timeout: SECONDS" line
  limit=$(sed -nE 's/^# timeout: ([0-9]+)$/\1/p' "$t" | head -n 1)
  ROOT=$ROOT timeout "${limit:-600}" bash "$t" >"test/sh/$name.log" 2>&1; rc=$?
  [ $rc = 0 ] || [ $rc = 77 ] || tail -n 30 "test/sh/$name.log"
  [ $rc = 77 ] && sed -n '1p' "test/sh/$name.log"
  result "sh/$name" $rc
done

echo
[ $FAILED = 0 ] || echo "failed: ${FAILED_NAMES[*]}"
echo "$PASSED passed, $FAILED failed"
[ $FAILED = 0 ]
