#!/usr/bin/env bash
# The main job, end to end, on a throwaway local cluster:
#   sudo scripts/demo.sh [PLAN.txt ...]
# Installs what is missing (apt-get), builds and installs plandata, starts a
# cluster on 127.0.0.1 under /tmp, loads plan documents and shows what an
# analyst asks first, then stops the cluster and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
make -s -j"$(nproc)" >/dev/null && make -s install >/dev/null
. scripts/cluster.sh
cluster_start >/dev/null
trap cluster_destroy EXIT
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION plandata'
psql -X -v ON_ERROR_STOP=1 -f scripts/demo.sql
