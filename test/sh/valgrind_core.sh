#!/usr/bin/env bash
# The core's unit tests run clean under valgrind memcheck: no invalid reads
# or writes, no use of uninitialised memory, no leaks in the core.
set -euo pipefail
cd "$ROOT"
command -v valgrind >/dev/null || { echo "skip: valgrind is not installed"; exit 77; }
make -s test-c-build >/dev/null
status=0
for t in test/c/bin/test_*; do
  case "$t" in *.log) continue ;; esac
  if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
       --show-leak-kinds=definite,indirect "$t" >/tmp/plandata-vg.log 2>&1; then
    echo "$(basename "$t"): clean"
  else
    echo "$(basename "$t"): valgrind found problems"; tail -n 40 /tmp/plandata-vg.log; status=1
  fi
done
exit $status
