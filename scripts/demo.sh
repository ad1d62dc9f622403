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
# shellcheck source=demo_lib.sh
. scripts/demo_lib.sh
demo_build
[ $# -gt 0 ] || set -- "$(demo_default_docs)"
. scripts/cluster.sh
cluster_start >/dev/null
trap cluster_destroy EXIT
demo_load "$@"
psql -X -q -v ON_ERROR_STOP=1 -f scripts/demo.sql
