#!/usr/bin/env bash
# scripts/shard.sh — plandata over postgres_fdw: a coordinator and two shard
# clusters on 127.0.0.1 (ports of their own, data under $SHARD_DIR, default
# /tmp/plandata-shard), built with scripts/cluster.sh.  doc/scaling.md
# explains the layout.
#   scripts/shard.sh [start]   create the three clusters (or start and reuse
#                              them), install plandata on each (schema
#                              plandata, database "plans"), lay out the plan
#                              tables on the coordinator as hash partitions
#                              by document id over foreign tables on the
#                              shards (scripts/shard_layout.sql), load the
#                              test documents through the coordinator with
#                              planload, print EXPLAIN VERBOSE of three
#                              filters that run on the shards; leaves the
#                              clusters running and exits 0
#   scripts/shard.sh env       print the PG* settings of the coordinator
#                              (eval "$(scripts/shard.sh env)"; psql)
#   scripts/shard.sh split OLD NEW
#                              grow: a new shard cluster NEW takes half of
#                              shard OLD's documents (its hash partition is
#                              split in two; doc/scaling.md, Growing)
#   scripts/shard.sh stop      stop the clusters (data kept)
#   scripts/shard.sh destroy   stop them and remove $SHARD_DIR
# SHARD_NOLOAD=1 skips the load and the EXPLAINs (tests load what they
# want).  PLANDATA_DESTDIR as for scripts/cluster.sh.  Every node runs with
# synchronous_commit = on: a commit planload reports survives a crash.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARD_DIR=${SHARD_DIR:-/tmp/plandata-shard}
NODES=(coord shard0 shard1)
DB=plans
PL=${PLANLOAD:-$ROOT/planload}
# shellcheck source=cluster.sh
. "$ROOT/scripts/cluster.sh"

port_of() { cat "$SHARD_DIR/$1/port"; }
on() {  # on NODE psql-args...: psql on a node's database "plans"
  local node=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -p "$(port_of "$node")" -d "$DB" "$@"
}

node_up() {  # create or restart one node
  local node=$1 dir=$SHARD_DIR/$1
  if [ -d "$dir/data" ]; then
    export CLUSTER_DIR=$dir   # for cluster_restart
    if ! _as_pg "$PG_BINDIR/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      cluster_restart || exit 1
    fi
    return 1   # reused
  fi
  # cluster_start's free port may be taken by the time the server binds it
  # (other programs on this machine): then try a random port further up
  if ! CLUSTER_EXTRA_CONF="synchronous_commit = on" cluster_start "$dir" >/dev/null 2>"$SHARD_DIR/$node.err"; then
    local try
    for try in 1 2 3 4 5; do
      PGPORT=$(( 20000 + RANDOM % 10000 ))
      echo "port = $PGPORT" | _as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
      cluster_restart 2>>"$SHARD_DIR/$node.err" && break
      [ "$try" = 5 ] && { cat "$SHARD_DIR/$node.err" >&2; echo "shard.sh: could not start $node" >&2; exit 1; }
    done
    export PGPORT
  fi
  echo "$PGPORT" >"$dir/port"
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -p "$PGPORT" -d postgres \
       -c "CREATE DATABASE $DB" -c "ALTER DATABASE $DB SET search_path = plandata, public" || exit 1
  on "$node" -c 'CREATE SCHEMA plandata' -c 'CREATE EXTENSION plandata SCHEMA plandata' || exit 1
  return 0
}

start() {
  mkdir -p "$SHARD_DIR"
  chmod 755 "$SHARD_DIR"   # the server user walks through it to its data directory
  local i rc servers=""
  local extra=() d
  for d in "$SHARD_DIR"/*/data; do   # shards added by split
    [ -d "$d" ] || continue
    d=$(basename "$(dirname "$d")")
    [[ " ${NODES[*]} " == *" $d "* ]] || extra+=("$d")
  done
  for n in "${NODES[@]}" "${extra[@]}"; do
    rc=0; node_up "$n" || rc=$?
    case $rc in
      0) echo "$n: new cluster on port $(port_of "$n")" ;;
      1) echo "$n: reusing the cluster on port $(port_of "$n")" ;;
      *) exit 1 ;;
    esac
  done
  if ! on coord -At -c "SELECT to_regclass('plandata_shard.claimed')" | grep -q claimed; then
    on coord -c 'CREATE EXTENSION postgres_fdw' \
             -c "ALTER DATABASE $DB SET enable_partitionwise_join = on" \
             -c "ALTER DATABASE $DB SET enable_partitionwise_aggregate = on"
    # batched inserts and asynchronous scans of the shards: PostgreSQL 14 on
    local more=""
    [ "$(on coord -At -c 'SHOW server_version_num')" -ge 140000 ] && more=", batch_size '100', async_capable 'true'"
    for i in 0 1; do
      on coord -c "CREATE SERVER shard$i FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1',
                     port '$(port_of "shard$i")', dbname '$DB', extensions 'plandata', fetch_size '1000'$more)" \
               -c "CREATE USER MAPPING FOR CURRENT_USER SERVER shard$i OPTIONS (user 'postgres')"
      servers="$servers${servers:+,}shard$i"
    done
    on coord -v servers="{$servers}" -f "$ROOT/scripts/shard_layout.sql" >/dev/null
    echo "coordinator: plan tables partitioned by document id over shard0, shard1"
  fi
  [ "${SHARD_NOLOAD:-}" = 1 ] && return 0
  [ -x "$PL" ] || { echo "shard.sh: $PL is not built (run make)" >&2; exit 1; }
  "$PL" -d "host=127.0.0.1 port=$(port_of coord) user=postgres dbname=$DB" --jobs 2 -q "$ROOT"/test/docs/*.txt
  on coord -c 'ANALYZE plandata.plan_document, plandata.plan_task, plandata.plan_task_unit, plandata.plan_target'
  on coord -At -c "SELECT 'documents ' || count(*) FROM plan_document" \
     -c "SELECT 'tasks on ' || split_part(tableoid::regclass::text, '_', 3) || ': ' || count(*) FROM plan_task GROUP BY tableoid ORDER BY 1"
  explain "SELECT document_id, code, heading FROM plan_task WHERE code <@ '4'" 'OPERATOR(plandata.<@)'
  explain "SELECT document_id, indicator, target FROM plan_target WHERE target >= '50%'" 'OPERATOR(plandata.>=)'
  explain "SELECT document_id, code FROM plan_task_unit WHERE unit = '市发展改革委'" 'OPERATOR(plandata.=)'
  echo "coordinator: $(scripts_env | tr '\n' ' ')"
}

explain() {  # query, what must be in the Remote SQL
  local plan
  plan=$(on coord -At -c "EXPLAIN (VERBOSE, COSTS OFF) $1")
  printf '\n== EXPLAIN VERBOSE %s\n%s\n' "$1" "$plan"
  [ "$(grep 'Remote SQL: .* WHERE ' <<<"$plan" | grep -cF "$2")" = 2 ] \
    || { echo "shard.sh: the filter was not sent to both shards" >&2; exit 1; }
}

scripts_env() {
  echo "export PGHOST=127.0.0.1 PGPORT=$(port_of coord) PGUSER=postgres PGDATABASE=$DB"
}

stop() {
  local d
  for d in "$SHARD_DIR"/*/data; do
    [ -d "$d" ] && _as_pg "$PG_BINDIR/pg_ctl" -D "$d" -m fast -w stop >/dev/null 2>&1 \
      && echo "$(basename "$(dirname "$d")") stopped"
  done
  return 0
}

# split OLD NEW: a new shard NEW takes half of OLD's documents (its hash
# partition split in two; plandata_shard.split in scripts/shard_layout.sql)
split() {
  local old=$1 new=$2 rc=0
  [[ $new =~ ^[a-z][a-z0-9_]*$ ]] || { echo "shard.sh: a shard name is lower-case letters and digits" >&2; exit 2; }
  node_up "$new" || rc=$?
  [ $rc = 0 ] || { echo "shard.sh: $new exists already" >&2; exit 1; }
  local more=""
  [ "$(on coord -At -c 'SHOW server_version_num')" -ge 140000 ] && more=", batch_size '100', async_capable 'true'"
  on coord -c "CREATE SERVER $new FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1',
                 port '$(port_of "$new")', dbname '$DB', extensions 'plandata', fetch_size '1000'$more)" \
           -c "CREATE USER MAPPING FOR CURRENT_USER SERVER $new OPTIONS (user 'postgres')" \
           -c "CALL plandata_shard.split('$old', '$new')"
  echo "$new: new shard on port $(port_of "$new") with half of $old's documents"
  on coord -At -c "SELECT 'documents on ' || split_part(tableoid::regclass::text, '_', 3) || ': ' || count(*) FROM plan_document GROUP BY tableoid ORDER BY 1"
}

case "${1:-start}" in
  start) start ;;
  env) scripts_env ;;
  stop) stop ;;
  split) [ $# = 3 ] || { echo "usage: scripts/shard.sh split OLD NEW" >&2; exit 2; }; split "$2" "$3" ;;
  destroy) stop; rm -rf "$SHARD_DIR" ;;
  *) echo "usage: scripts/shard.sh [start|env|stop|destroy|split OLD NEW]" >&2; exit 2 ;;
esac
