#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for demos, tests and benchmarks.
# Source this file, then:
#   cluster_start [DIR]    initdb + start on 127.0.0.1, a free port, no other
#                          listeners; exports PGHOST PGPORT PGUSER PGDATABASE
#   cluster_stop [mode]    stop (fast by default; "immediate" = crash stop)
#   cluster_restart        start again after a stop
#   cluster_destroy        stop and remove the data directory
# As root the server runs as the "postgres" system user.
# PLANDATA_DESTDIR=/path: load extensions from a `make install DESTDIR=/path`
# staging tree first (Debian's extension_destdir), so several checkouts can
# be tested side by side without overwriting the system installation.
PG_BINDIR=${PG_BINDIR:-$(pg_config --bindir)}

_as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

_free_port() {
  local p
  for p in $(seq 55433 55533); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return; fi
  done
  echo "cluster: no free port in 55433-55533" >&2; return 1
}

cluster_start() {
  CLUSTER_DIR=${1:-$(mktemp -d /tmp/plandata-pg.XXXXXX)}
  mkdir -p "$CLUSTER_DIR"
  export CLUSTER_DIR
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$CLUSTER_DIR"; fi
  chmod 700 "$CLUSTER_DIR"
  _as_pg "$PG_BINDIR/initdb" -D "$CLUSTER_DIR/data" -U postgres --encoding=UTF8 \
        --locale=C.UTF-8 --lc-messages=C --auth=trust >"$CLUSTER_DIR/initdb.log" 2>&1 \
    || { cat "$CLUSTER_DIR/initdb.log" >&2; return 1; }
  PGPORT=$(_free_port) || return 1
  _as_pg tee -a "$CLUSTER_DIR/data/postgresql.conf" >/dev/null <<CONF
# throwaway cluster written by scripts/cluster.sh
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$CLUSTER_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = ${CLUSTER_SHARED_BUFFERS:-256MB}
work_mem = ${CLUSTER_WORK_MEM:-64MB}
maintenance_work_mem = ${CLUSTER_MAINTENANCE_WORK_MEM:-256MB}
max_parallel_workers_per_gather = 0
jit = off
max_connections = 40
lc_messages = 'C'
${PLANDATA_DESTDIR:+extension_destdir = '$PLANDATA_DESTDIR'}
${CLUSTER_EXTRA_CONF:-}
CONF
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
  cluster_restart
}

cluster_restart() {
  _as_pg "$PG_BINDIR/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -w -t 60 start >/dev/null \
    || { tail -n 30 "$CLUSTER_DIR/server.log" >&2; return 1; }
}

cluster_stop() {
  [ -n "${CLUSTER_DIR:-}" ] && [ -d "$CLUSTER_DIR/data" ] || return 0
  _as_pg "$PG_BINDIR/pg_ctl" -D "$CLUSTER_DIR/data" -m "${1:-fast}" -w stop >/dev/null 2>&1 || true
}

cluster_destroy() {
  cluster_stop
  [ -n "${CLUSTER_DIR:-}" ] && rm -rf "$CLUSTER_DIR"
  return 0
}
