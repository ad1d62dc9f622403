#!/usr/bin/env bash
# The main job, end to end, on a throwaway local cluster:
#   scripts/demo.sh [PLAN.txt|DIR ...]    (as root on Debian 12)
# Installs what is missing (apt-get), builds and installs plandata, starts a
# cluster on 127.0.0.1 under /tmp, loads plan documents and shows what an
# analyst asks first — the task tree, who does what, the targets — then stops
# the cluster and removes it.  Without arguments it loads the Chongqing plan
# (../shared/corpus, when present) or our full-length stand-in for it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${PLANDATA_SHARED:-$ROOT/../shared}
scripts/setup.sh
make -s -j"$(nproc)" >/dev/null && make -s install >/dev/null
if [ $# -eq 0 ]; then
  if [ -f "$SHARED/corpus/chongqing_2025_4_new_urbanization.txt" ]; then
    set -- "$SHARED/corpus/chongqing_2025_4_new_urbanization.txt"
  else
    set -- "$ROOT/bench/docs/cq_plan_fulllength.txt"
  fi
fi
. scripts/cluster.sh
cluster_start >/dev/null
trap cluster_destroy EXIT
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION plandata'
echo "== loading with planload (files or directories, any encoding)"
"$ROOT/planload" --progress=lines "$@"
psql -X -q -v ON_ERROR_STOP=1 -f scripts/demo.sql
