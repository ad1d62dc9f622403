#!/usr/bin/env bash
# Upgrades: install the previous release, ALTER EXTENSION ... UPDATE, and
# compare every member object with its definition against a fresh install of
# the current version (test/sql/describe_extension.sql).  User data built on
# the old version (a taskcode column with a btree index) survives.  The same
# for plandata_geo where it has an upgrade path.
set -euo pipefail
cd "$ROOT"
psqlx() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() { for db in pd_up_old pd_up_new; do psqlx -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null; done; }
trap cleanup EXIT
cleanup
status=0
check_upgrade() {  # extension old_version [create-prerequisites]
  local ext=$1 old=$2 pre=${3:-}
  psqlx -d postgres -c "CREATE DATABASE pd_up_old" -c "CREATE DATABASE pd_up_new"
  [ -n "$pre" ] && { psqlx -d pd_up_old -c "$pre"; psqlx -d pd_up_new -c "$pre"; }
  psqlx -d pd_up_old -c "CREATE EXTENSION $ext VERSION '$old' CASCADE"
  if [ "$ext" = plandata ]; then
    psqlx -d pd_up_old -c "CREATE TABLE user_codes AS SELECT taskcode(ARRAY[i % 7 + 1, i % 13 + 1]) AS c FROM generate_series(1, 1000) i" \
                       -c "CREATE INDEX ON user_codes (c)"
    # plans stored by a release that has storage keep their rows, and their
    # targets get a kind (0.2 -> 0.3)
    if [ "$old" != 0.1 ]; then
      echo "SELECT plan_ingest(:'doc', 'up.txt')" \
        | psqlx -d pd_up_old -v doc="$(cat test/docs/targets_gangyao_lines_style.txt)" >/dev/null
      stored_before=$(psql -X -At -d pd_up_old -c "SELECT count(*) FROM plan_target")
    fi
  fi
  psqlx -d pd_up_old -c "ALTER EXTENSION $ext UPDATE"
  psqlx -d pd_up_new -c "CREATE EXTENSION $ext CASCADE"
  psqlx -d pd_up_old -v ext="$ext" -f test/sql/describe_extension.sql >/tmp/pd_up_old.txt
  psqlx -d pd_up_new -v ext="$ext" -f test/sql/describe_extension.sql >/tmp/pd_up_new.txt
  echo "$ext $old -> $(grep '^version' /tmp/pd_up_new.txt): $(grep -c '' /tmp/pd_up_new.txt) lines describing $(psql -X -At -d pd_up_new -c "SELECT count(*) FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid WHERE e.extname = '$ext' AND d.deptype = 'e'") member objects"
  if ! diff -u /tmp/pd_up_new.txt /tmp/pd_up_old.txt; then
    echo "$ext: the upgraded extension differs from a fresh install (diff above: - fresh, + upgraded)"
    status=1
  fi
  if [ "$ext" = plandata ]; then
    # user data and its index survive the upgrade, and the new parts work
    out=$(PGOPTIONS='-c enable_seqscan=off' psql -X -At -d pd_up_old -c "SELECT count(*) FROM user_codes WHERE c <@ '3'" \
                     -c "SELECT count(*) FROM plan_tasks(E'一、甲\n（一）乙')")
    [ "$out" = $'143\n2' ] || { echo "after the upgrade: unexpected $out"; status=1; }
    if [ "$old" != 0.1 ]; then
      after=$(psql -X -At -d pd_up_old -c "SELECT count(*), count(kind), count(DISTINCT kind) > 1 FROM plan_target")
      [ "$after" = "$stored_before|$stored_before|t" ] \
        || { echo "stored targets after the upgrade: $after (before: $stored_before, each with a kind)"; status=1; }
    fi
  fi
  cleanup
}
check_upgrade plandata 0.1
check_upgrade plandata 0.2
check_upgrade plandata 0.3
if [ -f "$(pg_config --sharedir)/extension/plandata_geo.control" ]; then
  for f in "$(pg_config --sharedir)"/extension/plandata_geo--*--*.sql; do
    [ -f "$f" ] || { echo "plandata_geo: no upgrade script yet (single release)"; break; }
    old=$(basename "$f" .sql | sed -E 's/^plandata_geo--([^-]+)--.*/\1/')
    check_upgrade plandata_geo "$old" "CREATE EXTENSION plandata"
  done
fi
exit $status
