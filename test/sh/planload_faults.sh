#!/usr/bin/env bash
# Faults (issue 8), on a cluster of this test's own because it stops the
# server hard:
#  1. `planload --jobs 2` loads about 300 documents; the server is stopped with
#     pg_ctl stop -m immediate while both connections are inside a
#     document's transaction; planload says so and exits 2.  After a
#     restart the same command completes: every document present exactly
#     once, and the rows equal those of a clean load (no task, unit,
#     target or citation row orphaned or missing).
#  2. A backend terminated under planload: it reconnects once, loads the
#     document again (plan_load is idempotent) and finishes with status 0.
#  3. Two planload processes (--jobs 2 each) load overlapping file sets at
#     the same time: no duplicates, no deadlock or other error surfaced.
#  4. Four planload processes (--jobs 2 each, each in another order) over the
#     same real documents at once: exactly one copy of each, the rows of a
#     serial load, nothing on stderr (the races are settled in plan_load).
#     plan_ingest of one text in four sessions at once returns one id.
#  5. Security: the server log of a load of files with quotes, ; and
#     newlines in their names and SQL in their text shows only planload's
#     two fixed statements; names and texts travel as parameters.
# No timing decides anything: a test trigger makes the loads wait on an
# advisory lock the test holds, and the test polls the server (generous
# limits) until the connections are waiting before it acts.
. "$ROOT/test/sh/lib/planload.sh"
# shellcheck source=../../scripts/cluster.sh
. "$ROOT/scripts/cluster.sh"
# commits that planload reported must survive the crash (the suite's
# clusters turn synchronous_commit off for speed)
export CLUSTER_EXTRA_CONF="synchronous_commit = on
log_line_prefix = '%a: '"
cluster_start >/dev/null || pl_fail "could not start a cluster"
trap 'pl_cleanup_all' EXIT
pl_cleanup_all() { cluster_destroy; rm -rf "$PL_TMP"; }

# the gate: inserts into plan_document wait for advisory lock 4242 (shared)
# once the table holds more than $2 rows, committed or the inserter's own
add_gate() {
  psql -X -q -v ON_ERROR_STOP=1 -d "$1" <<SQL
CREATE FUNCTION test_gate() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
  IF (SELECT count(*) FROM plan_document) > $2 THEN
    PERFORM pg_advisory_xact_lock_shared(4242);
  END IF;
  RETURN NULL;
END \$\$;
CREATE TRIGGER test_gate AFTER INSERT ON plan_document FOR EACH ROW EXECUTE FUNCTION test_gate();
SQL
}
drop_gate() { psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c 'SET client_min_messages = warning' -c 'DROP FUNCTION test_gate() CASCADE'; }
hold_gate() {  # a session holding the lock in the background until it is terminated
  PGAPPNAME=test_gate_holder psql -X -q -d "$1" -c 'SELECT pg_advisory_lock(4242)' -c 'SELECT pg_sleep(3600)' \
    >/dev/null 2>&1 &
  wait_for "$1" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND granted" 1
}
open_gate() {
  pl_q "$1" "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'test_gate_holder'" >/dev/null
}

# about 300 documents: enough copies of every test document
docs=$PL_TMP/docs
ndocs=$(ls test/docs/*.txt | wc -l)
pl_copies "$docs" $(( (300 + ndocs - 1) / ndocs ))
N=$(ls "$docs" | wc -l)
echo "$N documents"

echo "== clean load (the reference)"
pl_db pl_clean
"$PL" -d pl_clean --jobs 2 -q "$docs" >"$PL_TMP/clean.out" 2>&1 || { cat "$PL_TMP/clean.out"; pl_fail "clean load"; }
ref=$(pl_fingerprint pl_clean)
echo "$ref; rows: $(for t in $(pl_row_tables pl_clean); do printf '%s %s  ' "$t" "$(pl_q pl_clean "SELECT count(*) FROM $t")"; done)"

echo "== load, crash in the middle, restart, same command again"
pl_db pl_crash
add_gate pl_crash 100
hold_gate pl_crash
cmd=("$PL" -d pl_crash --jobs 2 --progress=lines "$docs")
"${cmd[@]}" >"$PL_TMP/run1.out" 2>"$PL_TMP/run1.err" &
pl_pid=$!
# both connections have inserted a document row and wait at the gate
wait_for pl_crash "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'planload' AND wait_event_type = 'Lock'" 2
committed=$(pl_q pl_crash 'SELECT count(*) FROM plan_document')
echo "stopping the server hard with $committed documents committed and 2 in flight"
cluster_stop immediate
set +e; wait $pl_pid; rc=$?; set -e
cat "$PL_TMP/run1.err"
tail -n 3 "$PL_TMP/run1.out"
[ $rc = 2 ] || pl_fail "planload exit status after the crash: $rc, want 2"
[ "$(grep -c 'connection lost while loading' "$PL_TMP/run1.err")" = 2 ] || pl_fail "the two documents in flight are reported"
grep -q 'run the same command again to finish' "$PL_TMP/run1.err" || pl_fail "advice to run again"
reported=$(grep -c '^loaded ' "$PL_TMP/run1.out" || true)
grep -qE "^$N documents: $reported loaded, 0 unchanged, 2 failed, $((N - reported - 2)) not loaded \(connection lost\)$" \
  "$PL_TMP/run1.out" || pl_fail "summary after the crash"
wait 2>/dev/null || true   # the gate holder died with the server

cluster_restart || pl_fail "restart"
after=$(pl_q pl_crash 'SELECT count(*) FROM plan_document')
echo "after recovery: $after documents ($reported reported loaded before the crash)"
[ "$after" = "$reported" ] || pl_fail "documents after recovery: $after, reported loaded: $reported"
[ "$(pl_orphans pl_crash)" = 0 ] || pl_fail "orphaned rows after recovery"
drop_gate pl_crash

"${cmd[@]}" >"$PL_TMP/run2.out" 2>"$PL_TMP/run2.err" || { cat "$PL_TMP/run2.err"; pl_fail "the second run exited $?"; }
tail -n 3 "$PL_TMP/run2.out"
pl_expect "$N documents: $((N - after)) loaded, $after unchanged, 0 failed" "$PL_TMP/run2.out"
[ ! -s "$PL_TMP/run2.err" ] || { cat "$PL_TMP/run2.err"; pl_fail "errors in the second run"; }
[ "$(pl_q pl_crash 'SELECT count(*) FROM plan_document')" = "$N" ] || pl_fail "document count after the second run"
[ "$(pl_orphans pl_crash)" = 0 ] || pl_fail "orphaned rows"
got=$(pl_fingerprint pl_crash)
[ "$got" = "$ref" ] || pl_fail "rows differ from the clean load: $got vs $ref"
echo "ok: every document once, rows identical to the clean load"

echo "== a backend terminated under planload: it reconnects once and loads the document again"
pl_db pl_term
add_gate pl_term 5
hold_gate pl_term
mapfile -t some < <(printf '%s\n' "$docs"/*_01.txt "$docs"/*_02.txt)
"$PL" -d pl_term --progress=lines "${some[@]}" >"$PL_TMP/t.out" 2>"$PL_TMP/t.err" &
pt=$!
waiting="SELECT pid FROM pg_stat_activity WHERE application_name = 'planload' AND wait_event_type = 'Lock'"
wait_for pl_term "SELECT count(*) FROM ($waiting) w" 1
victim=$(pl_q pl_term "$waiting")
pl_q pl_term "SELECT pg_terminate_backend($victim)" >/dev/null
wait_for pl_term "SELECT count(*) FROM ($waiting) w WHERE pid <> $victim" 1
open_gate pl_term
set +e; wait $pt; rc=$?; set -e
cat "$PL_TMP/t.err"; tail -n 3 "$PL_TMP/t.out"
[ $rc = 0 ] || pl_fail "exit status $rc after a terminated backend, want 0"
grep -q 'connection lost (terminating connection due to administrator command); reconnected, loading it again' \
  "$PL_TMP/t.err" || pl_fail "the reconnect is reported"
pl_expect "${#some[@]} documents: ${#some[@]} loaded, 0 unchanged, 0 failed" "$PL_TMP/t.out"
[ "$(pl_q pl_term 'SELECT count(*) FROM plan_document')" = ${#some[@]} ] || pl_fail "${#some[@]} documents stored"
echo "ok: reconnected and loaded every document once"

echo "== two planload processes, overlapping files, at the same time"
pl_db pl_twice
add_gate pl_twice -1
hold_gate pl_twice
mapfile -t all < <(printf '%s\n' "$docs"/*.txt)
# both start with the same third of the files, in the same order, so they meet on
# the same texts; then each goes on with files of its own
third=$((N / 3))
shared=("${all[@]:$third:$third}")
a=("${shared[@]}" "${all[@]:0:$third}")
b=("${shared[@]}" "${all[@]:$((2 * third))}")
"$PL" -d pl_twice --jobs 2 --progress=lines "${a[@]}" >"$PL_TMP/a.out" 2>"$PL_TMP/a.err" &
pa=$!
"$PL" -d pl_twice --jobs 2 --progress=lines "${b[@]}" >"$PL_TMP/b.out" 2>"$PL_TMP/b.err" &
pb=$!
# all four connections wait: on the gate, or on the other's row of the same text
wait_for pl_twice "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'planload' AND wait_event_type = 'Lock'" 4
open_gate pl_twice
set +e; wait $pa; ra=$?; wait $pb; rb=$?; set -e
tail -n 3 "$PL_TMP/a.out" "$PL_TMP/b.out"
cat "$PL_TMP/a.err" "$PL_TMP/b.err"
[ $ra = 0 ] && [ $rb = 0 ] || pl_fail "exit statuses $ra and $rb, want 0 and 0"
! grep -qi 'deadlock\|error' "$PL_TMP/a.err" "$PL_TMP/b.err" || pl_fail "errors surfaced"
loaded=$(( $(grep -c '^loaded ' "$PL_TMP/a.out") + $(grep -c '^loaded ' "$PL_TMP/b.out") ))
unchanged=$(( $(grep -c '^unchanged ' "$PL_TMP/a.out") + $(grep -c '^unchanged ' "$PL_TMP/b.out") ))
echo "together: $loaded loaded, $unchanged unchanged"
[ $loaded = "$N" ] && [ $unchanged = "$third" ] || pl_fail "each text stored once: $loaded loaded, $unchanged unchanged"
drop_gate pl_twice
[ "$(pl_q pl_twice 'SELECT count(*) FROM plan_document')" = "$N" ] || pl_fail "document count"
[ "$(pl_orphans pl_twice)" = 0 ] || pl_fail "orphaned rows"
got=$(pl_fingerprint pl_twice)
[ "$got" = "$ref" ] || pl_fail "rows differ from the clean load: $got vs $ref"
echo "ok: no duplicates, no errors, rows identical to the clean load"
echo "== four planload processes over the same real documents at once"
# the 56 documents of ../shared/corpus (the test documents when it is absent),
# each process in another order so they meet on the same texts all the time
if ls "$PL_SHARED"/corpus/*.txt >/dev/null 2>&1; then
  mapfile -t real < <(printf '%s\n' "$PL_SHARED"/corpus/*.txt)
else
  mapfile -t real < <(printf '%s\n' test/docs/*.txt)
fi
R=${#real[@]}
pl_db pl_serial
"$PL" -d pl_serial -q "${real[@]}" >"$PL_TMP/serial.out" 2>&1 || { cat "$PL_TMP/serial.out"; pl_fail "serial load"; }
serial=$(pl_fingerprint pl_serial)
pl_db pl_four
add_gate pl_four -1
hold_gate pl_four
mapfile -t rev < <(printf '%s\n' "${real[@]}" | tac)
mapfile -t odd < <(printf '%s\n' "${real[@]}" | awk 'NR % 2 == 1'; printf '%s\n' "${real[@]}" | awk 'NR % 2 == 0')
mapfile -t mid < <(printf '%s\n' "${real[@]:$((R / 2))}" "${real[@]:0:$((R / 2))}")
pids=()
for k in 1 2 3 4; do
  case $k in 1) set -- "${real[@]}" ;; 2) set -- "${rev[@]}" ;; 3) set -- "${odd[@]}" ;; 4) set -- "${mid[@]}" ;; esac
  "$PL" -d pl_four --jobs 2 --progress=lines "$@" >"$PL_TMP/four$k.out" 2>"$PL_TMP/four$k.err" &
  pids+=($!)
done
# all eight connections wait: on the gate, or on the lock of a text another is loading
wait_for pl_four "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'planload' AND wait_event_type = 'Lock'" 8
open_gate pl_four
rcs=""
for p in "${pids[@]}"; do set +e; wait "$p"; rcs="$rcs $?"; set -e; done
tail -qn 1 "$PL_TMP"/four?.out
cat "$PL_TMP"/four?.err
[ "$rcs" = " 0 0 0 0" ] || pl_fail "exit statuses$rcs, want 0 0 0 0"
[ ! -s "$PL_TMP/four1.err" ] && [ ! -s "$PL_TMP/four2.err" ] && [ ! -s "$PL_TMP/four3.err" ] && [ ! -s "$PL_TMP/four4.err" ] \
  || pl_fail "messages on stderr"
loaded=$(cat "$PL_TMP"/four?.out | grep -c '^loaded ' || true)
unchanged=$(cat "$PL_TMP"/four?.out | grep -c '^unchanged ' || true)
echo "together: $loaded loaded, $unchanged unchanged"
[ "$loaded" = "$R" ] && [ "$unchanged" = $((3 * R)) ] || pl_fail "each text stored by one process: $loaded loaded, $unchanged unchanged"
drop_gate pl_four
[ "$(pl_q pl_four 'SELECT count(*) FROM plan_document')" = "$R" ] || pl_fail "document count"
[ "$(pl_orphans pl_four)" = 0 ] || pl_fail "orphaned rows"
got=$(pl_fingerprint pl_four)
[ "$got" = "$serial" ] || pl_fail "rows differ from the serial load: $got vs $serial"
echo "ok: $R documents, rows identical to a serial load, no error from the races"

echo "== plan_ingest of one text in four sessions at once: one id"
pl_db pl_ingest
add_gate pl_ingest -1
hold_gate pl_ingest
text=$(cat "${real[0]}")
ipids=()
for k in 1 2 3 4; do
  PGAPPNAME=ingest psql -X -At -v ON_ERROR_STOP=1 -d pl_ingest -v b="$text" <<<"SELECT plan_ingest(:'b', 'session $k')" \
    >"$PL_TMP/ingest$k.out" 2>&1 &
  ipids+=($!)
done
# one waits at the gate holding the text's row, three on the text's lock
wait_for pl_ingest "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ingest' AND wait_event_type = 'Lock'" 4
open_gate pl_ingest
for p in "${ipids[@]}"; do wait "$p" || { cat "$PL_TMP"/ingest?.out; pl_fail "a plan_ingest failed"; }; done
ids=$(cat "$PL_TMP"/ingest?.out | sort -u)
echo "ids returned: $(echo $(cat "$PL_TMP"/ingest?.out))"
[ "$(wc -l <<<"$ids")" = 1 ] && [ -n "$ids" ] || pl_fail "different ids or errors: $(cat "$PL_TMP"/ingest?.out)"
drop_gate pl_ingest
[ "$(pl_q pl_ingest 'SELECT count(*) FROM plan_document')" = 1 ] || pl_fail "one document stored"
echo "ok: one id, one document"

echo "== only fixed SQL: file names and texts are parameters"
pl_db pl_sql
psql -X -q -d postgres -c "ALTER DATABASE pl_sql SET log_statement = 'all'"
mkdir "$PL_TMP/sql"
for name in "x'); DROP TABLE plan_document; --.txt" $'line\nbreak;.txt' 'q"uote.txt'; do
  { cat test/docs/guofa_style.txt; printf "\n'); DROP TABLE plan_document; -- %s\n" "$name"; } >"$PL_TMP/sql/$name"
done
log_before=$(wc -l <"$CLUSTER_DIR/server.log")
"$PL" -d pl_sql --jobs 2 -q "$PL_TMP/sql" >"$PL_TMP/sql.out" 2>&1 || { cat "$PL_TMP/sql.out"; pl_fail "load"; }
[ "$(pl_q pl_sql 'SELECT count(*) FROM plan_document')" = 3 ] || pl_fail "3 documents"
tail -n +"$((log_before + 1))" "$CLUSTER_DIR/server.log" | grep -a '^planload: LOG:' | sed -E 's/^planload: LOG:  //' \
  | sort | uniq -c | sed -E 's/^ +//' >"$PL_TMP/statements"
cat "$PL_TMP/statements"
# (0.4: plan_load_file with the format, the bytes' digest and the page's metadata)
want="SELECT document_id, inserted, tasks, units, targets FROM plan_load_file(\$1, \$2, \$3, pg_catalog.decode(\$4, 'hex'), \$5::jsonb)"
grep -qxF "3 execute planload_plan_load_file: $want" "$PL_TMP/statements" || pl_fail "the prepared plan_load_file"
[ "$(grep -cvE '^[0-9]+ (statement: SELECT e\.extversion, .*plandata|execute planload_plan_load_file: )' "$PL_TMP/statements")" = 0 ] \
  || pl_fail "planload sent other statements"
echo "ok: planload sent only its fixed statements"
echo "planload_faults: ok"
