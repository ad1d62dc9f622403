#!/usr/bin/env bash
# The sharded layout (scripts/shard.sh: a coordinator and two shards on
# postgres_fdw) against a single node, on clusters of this test's own:
#  1. the real documents (../shared/corpus, or test/docs when absent) loaded
#     with planload through the coordinator, some test documents straight
#     into the shard that owns them (plandata_shard.claim on the coordinator,
#     then plan_load(body, source, id) on the owner), then every test
#     document through the coordinator again (those count as unchanged); the
#     same files loaded into one node with planload: every view of plandata
#     gives the same rows (ids aside: they are given in load order), and the
#     tables hold the same rows per document;
#  1b. growing: scripts/shard.sh split shard0 shard2 moves half of shard0's
#     documents to a new shard; every view and table still gives the same rows;
#  2. crash safety: one shard is stopped with pg_ctl stop -m immediate while
#     a load through the coordinator is inside a document on it; after a
#     restart the same planload command finishes, and the stored rows equal
#     a clean load; a second session polling the coordinator all the while
#     never sees a document with some of its tasks, units or targets but
#     not all.
# No timing decides anything: a trigger on the shard makes its inserts wait
# on an advisory lock the test holds, and the test polls until they wait.
# timeout: 900
. "$ROOT/test/sh/lib/planload.sh"
# shellcheck source=../../scripts/cluster.sh
. "$ROOT/scripts/cluster.sh"
[ -f "$(pg_config --sharedir)/extension/postgres_fdw.control" ] || { echo "SKIP: postgres_fdw is not installed"; exit 77; }
SHARD_DIR=$(mktemp -d /tmp/plandata-shard.XXXXXX)
export SHARD_DIR
trap 'kill $poll_pid 2>/dev/null || true; "$ROOT/scripts/shard.sh" destroy >/dev/null 2>&1; pl_cleanup' EXIT
poll_pid=
t_start=$(date +%s)
SHARD_NOLOAD=1 "$ROOT/scripts/shard.sh" start
port() { cat "$SHARD_DIR/$1/port"; }
coord="host=127.0.0.1 port=$(port coord) user=postgres dbname=plans"
shard0="host=127.0.0.1 port=$(port shard0) user=postgres dbname=plans"
shard1="host=127.0.0.1 port=$(port shard1) user=postgres dbname=plans"

if ls "$PL_SHARED"/corpus/*.txt >/dev/null 2>&1; then
  real=("$PL_SHARED"/corpus/*.txt)
  mine=(test/docs/*.txt)
else
  echo "(../shared/corpus not present: 20 of the test documents stand in for it)"
  all=(test/docs/*.txt)
  real=("${all[@]:0:20}")
  mine=("${all[@]:20}")
fi
# straight into the shards: the test documents in plain UTF-8 with LF line ends
# (planload would change CRLF; here the text is sent as the file has it)
direct=()
for f in "${mine[@]:0:12}"; do grep -q $'\r' "$f" || direct+=("$f"); done
echo "${#real[@]} real documents, ${#mine[@]} test documents (${#direct[@]} of them loaded straight into their shard)"

echo "== 1. sharded layout vs one node"
"$PL" -d "$coord" --jobs 2 -q "${real[@]}" >"$PL_TMP/c1.out" 2>&1 || { cat "$PL_TMP/c1.out"; pl_fail "load through the coordinator"; }
for f in "${direct[@]}"; do
  body=$(cat "$f"; echo x); body=${body%x}
  read -r id owner stored < <(psql -X -At -F' ' -v ON_ERROR_STOP=1 -d "$coord" -v b="$body" \
      <<<"SELECT * FROM plandata_shard.claim(sha256(convert_to(:'b', 'UTF8')))")
  [ "$stored" = f ] || pl_fail "$f: claimed as stored already"
  case $owner in shard0) dsn=$shard0 ;; shard1) dsn=$shard1 ;; *) pl_fail "owner of $id: $owner" ;; esac
  got=$(psql -X -At -v ON_ERROR_STOP=1 -d "$dsn" -v b="$body" -v src="$f" -v id="$id" \
        <<<"SELECT document_id, inserted FROM plan_load(:'b', :'src', :id)")
  [ "$got" = "$id|t" ] || pl_fail "$f: plan_load on $owner gave $got, want $id|t"
  # claiming again gives the same id, now stored, and loading again stores nothing
  again=$(psql -X -At -F' ' -d "$coord" -v b="$body" <<<"SELECT * FROM plandata_shard.claim(sha256(convert_to(:'b', 'UTF8')))")
  [ "$again" = "$id $owner t" ] || pl_fail "$f: second claim gave $again"
done
"$PL" -d "$coord" --jobs 2 "${mine[@]}" >"$PL_TMP/c2.out" 2>&1 || { cat "$PL_TMP/c2.out"; pl_fail "test documents through the coordinator"; }
pl_expect "${#mine[@]} documents: $(( ${#mine[@]} - ${#direct[@]} )) loaded, ${#direct[@]} unchanged, 0 failed" "$PL_TMP/c2.out"
echo "sharded: $(pl_q "$coord" "SELECT count(*) || ' documents; tasks per shard: ' || (SELECT string_agg(n::text, ' + ' ORDER BY s) FROM (SELECT tableoid::regclass::text s, count(*) n FROM plan_task GROUP BY 1) x) FROM plan_document")"
for s in shard0 shard1; do
  dsn=$([ $s = shard0 ] && echo "$shard0" || echo "$shard1")
  [ "$(pl_orphans "$dsn")" = 0 ] || pl_fail "rows without their document on $s"
done

pl_db pd_single
"$PL" -d pd_single --jobs 2 -q "${real[@]}" "${mine[@]}" >"$PL_TMP/s.out" 2>&1 || { cat "$PL_TMP/s.out"; pl_fail "single-node load"; }

# every view: count and md5 of its rows without the id columns, in one order
view_sums() {
  local db=$1 v
  for v in $(pl_q pd_single "SELECT c.relname FROM pg_class c JOIN pg_depend d ON d.classid = 'pg_class'::regclass
                               AND d.objid = c.oid AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid
                             WHERE e.extname = 'plandata' AND c.relkind = 'v' ORDER BY 1"); do
    echo "$v $(pl_q "$db" "SELECT count(*) || ' ' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-')
                FROM (SELECT to_jsonb(r) - 'document_id' - 'cited_document_id' - 'loaded_at' AS x FROM $v r) s")"
  done
}
view_sums pd_single >"$PL_TMP/views.single"
view_sums "$coord" >"$PL_TMP/views.sharded"
cat "$PL_TMP/views.single"
diff "$PL_TMP/views.single" "$PL_TMP/views.sharded" || pl_fail "the views differ (< one node, > sharded)"
[ "$(pl_fingerprint pd_single)" = "$(pl_fingerprint "$coord")" ] || pl_fail "the stored rows differ"
echo "ok: every view and table gives the same rows on the sharded layout ($(wc -l <"$PL_TMP/views.single") views)"

echo "== 1b. growing: a third shard takes half of shard0's documents"
"$ROOT/scripts/shard.sh" split shard0 shard2
shard2="host=127.0.0.1 port=$(port shard2) user=postgres dbname=plans"
total=0
for dsn in "$shard0" "$shard1" "$shard2"; do
  [ "$(pl_orphans "$dsn")" = 0 ] || pl_fail "rows without their document on a shard after the split"
  n=$(pl_q "$dsn" 'SELECT count(*) FROM plandata.plan_document'); total=$((total + n))
  [ "$n" -gt 0 ] || pl_fail "a shard without documents after the split"
done
[ "$total" = "$(pl_q pd_single 'SELECT count(*) FROM plan_document')" ] || pl_fail "documents on the shards: $total"
view_sums "$coord" >"$PL_TMP/views.split"
diff "$PL_TMP/views.single" "$PL_TMP/views.split" || pl_fail "the views differ after the split (< one node, > sharded)"
[ "$(pl_fingerprint pd_single)" = "$(pl_fingerprint "$coord")" ] || pl_fail "the stored rows differ after the split"
# new documents go to the shard their id hashes to, shard2 included
"$PL" -d "$coord" -q "${mine[@]}" >/dev/null 2>&1 || pl_fail "load after the split"
[ "$(pl_q "$coord" "SELECT count(*) FROM plan_document WHERE plandata_shard.owner(id) <> split_part(tableoid::regclass::text, '_', 3)")" = 0 ] \
  || pl_fail "plandata_shard.owner disagrees with the partition a document is in"
echo "ok: every document on one shard, every view and table as before the split"

echo "== 2. one shard stopped hard in the middle of a load through the coordinator"
pl_db pd_clean
"$PL" -d pd_clean --jobs 2 -q "${real[@]}" >/dev/null 2>&1 || pl_fail "clean load"
ref=$(pl_fingerprint pd_clean)
N=${#real[@]}
psql -X -q -v ON_ERROR_STOP=1 -d "$coord" -c 'SET client_min_messages = warning' \
  -c 'TRUNCATE plan_document, plan_citation, plan_task, plan_task_unit, plan_target, plandata_shard.claimed CASCADE'
# the gate on shard1: its inserts of documents wait once it holds an eighth of them
psql -X -q -v ON_ERROR_STOP=1 -d "$shard1" <<SQL
CREATE FUNCTION public.test_gate() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
  IF (SELECT count(*) FROM plandata.plan_document) > $((N / 8)) THEN
    PERFORM pg_advisory_xact_lock_shared(4242);
  END IF;
  RETURN NULL;
END \$\$;
CREATE TRIGGER test_gate AFTER INSERT ON plandata.plan_document FOR EACH ROW EXECUTE FUNCTION public.test_gate();
SQL
PGAPPNAME=test_gate_holder psql -X -q -d "$shard1" -c 'SELECT pg_advisory_lock(4242)' -c 'SELECT pg_sleep(3600)' >/dev/null 2>&1 &
wait_for "$shard1" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND granted" 1

# the poller: documents whose stored tasks, units or targets are not all
# there (counted against the parser's rows for the stored body)
partial="SELECT count(*) FROM plan_document d
         LEFT JOIN (SELECT document_id, count(*) AS n FROM plan_task GROUP BY 1) t ON t.document_id = d.id
         LEFT JOIN (SELECT document_id, count(*) AS n FROM plan_task_unit GROUP BY 1) u ON u.document_id = d.id
         LEFT JOIN (SELECT document_id, count(*) AS n FROM plan_target GROUP BY 1) g ON g.document_id = d.id
         WHERE coalesce(t.n, 0) <> (SELECT count(*) FROM plan_tasks(d.body))
            OR coalesce(u.n, 0) <> (SELECT count(*) FROM plan_units(d.body))
            OR coalesce(g.n, 0) <> (SELECT count(*) FROM plan_targets(d.body))"
( while [ ! -f "$PL_TMP/stop_polling" ]; do
    # ON_ERROR_STOP: an answer is both counts or an error, never the first alone
    if r=$(psql -X -At -v ON_ERROR_STOP=1 -d "$coord" -c "SELECT count(*) FROM plan_document" -c "$partial" 2>>"$PL_TMP/poll.err"); then
      echo "$r" | tr '\n' ' '; echo
    else
      echo "error"
    fi
    sleep 0.05
  done ) >"$PL_TMP/poll.log" &
poll_pid=$!

cmd=("$PL" -d "$coord" --jobs 2 --progress=lines "${real[@]}")
"${cmd[@]}" >"$PL_TMP/run1.out" 2>"$PL_TMP/run1.err" &
pl_pid=$!
# the load is held with a document in flight on shard1: both jobs are stuck
# (inside a document on shard1, or on the coordinator behind the other job's
# claim of the same text: test documents repeat a text in other encodings),
# or one is and the other has no document left (which shard a document goes
# to depends on its id; with few documents the last may all go elsewhere).
# Documents done are planload's progress lines.
held= queued= done_n=
load_held() {
  held=$(pl_q "$shard1" "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'postgres_fdw' AND wait_event_type = 'Lock'" 2>/dev/null || true)
  queued=$(pl_q "$coord" "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'planload' AND wait_event_type = 'Lock'" 2>/dev/null || true)
  done_n=$(grep -cE '^(loaded|unchanged) ' "$PL_TMP/run1.out" || true)
  [ "${held:-0}" -ge 1 ] && { [ $((held + ${queued:-0})) -ge 2 ] || [ "$done_n" = $((N - 1)) ]; }
}
if ! wait_until load_held; then
  pl_q "$shard1" "SELECT application_name, state, wait_event_type, wait_event, left(query, 60) FROM pg_stat_activity WHERE datname IS NOT NULL" >&2 || true
  pl_q "$coord" "SELECT application_name, state, wait_event_type, wait_event, left(query, 60) FROM pg_stat_activity WHERE datname IS NOT NULL" >&2 || true
  pl_fail "the load was not held on shard1: $held sessions held there, $queued queued on the coordinator, $done_n of $N documents done"
fi
# and the poller has looked a few times while they wait
before=$(grep -vc error "$PL_TMP/poll.log" || true)
polled() { [ "$(grep -vc error "$PL_TMP/poll.log" || true)" -ge $((before + 5)) ]; }
wait_until polled || true
echo "stopping shard1 hard: $(pl_q "$shard1" 'SELECT count(*) FROM plandata.plan_document') documents committed on it, $held in flight there, $queued queued"
CLUSTER_DIR=$SHARD_DIR/shard1 cluster_stop immediate
set +e; wait $pl_pid; rc=$?; set -e
tail -n 2 "$PL_TMP/run1.err"; tail -n 1 "$PL_TMP/run1.out"
[ $rc = 2 ] || pl_fail "planload exit status with a shard down: $rc, want 2 (run again)"
CLUSTER_DIR=$SHARD_DIR/shard1 cluster_restart || pl_fail "restart of shard1"
psql -X -q -d "$shard1" -c 'DROP FUNCTION public.test_gate() CASCADE'
mid=$(pl_q "$coord" 'SELECT count(*) FROM plan_document')
echo "after the restart: $mid documents stored"
"${cmd[@]}" >"$PL_TMP/run2.out" 2>"$PL_TMP/run2.err" || { cat "$PL_TMP/run2.err"; pl_fail "the second run exited $?"; }
tail -n 1 "$PL_TMP/run2.out"
pl_expect "$N documents: $((N - mid)) loaded, $mid unchanged, 0 failed" "$PL_TMP/run2.out"
touch "$PL_TMP/stop_polling"; wait $poll_pid || true; poll_pid=

[ "$(pl_q "$coord" 'SELECT count(*) FROM plan_document')" = "$N" ] || pl_fail "document count"
for dsn in "$shard0" "$shard1"; do [ "$(pl_orphans "$dsn")" = 0 ] || pl_fail "orphaned rows on a shard"; done
got=$(pl_fingerprint "$coord")
[ "$got" = "$ref" ] || pl_fail "rows differ from a clean load: $got vs $ref"
polls=$(grep -vc error "$PL_TMP/poll.log" || true)
errors=$(grep -c error "$PL_TMP/poll.log" || true)
seen=$(grep -v error "$PL_TMP/poll.log" | awk '{print $1}' | sort -un | tr '\n' ' ')
echo "poller: $polls answers ($errors errors while shard1 was down); document counts seen: $seen"
[ -s "$PL_TMP/poll.err" ] && { echo "the poller's errors:"; sort "$PL_TMP/poll.err" | uniq -c | head -5; }
[ "$polls" -ge 5 ] || pl_fail "the poller hardly ran"
[ "$(grep -v error "$PL_TMP/poll.log" | awk '$2 != 0' | wc -l)" = 0 ] || { grep -v error "$PL_TMP/poll.log" | awk '$2 != 0' | head; pl_fail "a document seen with part of its rows"; }
echo "ok: rerun after the crash gives the clean load's rows; no document was ever seen half stored"
echo "shard: ok ($(( $(date +%s) - t_start )) s)"
