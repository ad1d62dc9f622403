#!/usr/bin/env bash
# planload loads every test document (and ../shared/corpus when present); a
# second run stores nothing and reports every document unchanged; the rows
# it stores are the ones --parse-only prints (one parser core, two front
# ends); --jobs 2 loads the same as --jobs 1; file names with quotes,
# newlines and ; load and are recorded exactly as source.
. "$ROOT/test/sh/lib/planload.sh"
DB=plandata_planload_load
pl_db $DB
out=$PL_TMP/out err=$PL_TMP/err
docs=("$ROOT"/test/docs/*.txt)
n=${#docs[@]}

echo "== the test documents ($n)"
"$PL" -d $DB --progress=lines test/docs >"$out" 2>"$err" || { cat "$out" "$err"; pl_fail "first load exited $?"; }
cat "$out"
pl_expect "$n documents: $n loaded, 0 unchanged, 0 failed" "$out"
[ "$(grep -c '^loaded ' "$out")" = "$n" ] || pl_fail "expected $n 'loaded' lines"
[ ! -s "$err" ] || { cat "$err"; pl_fail "errors on a clean load"; }
[ "$(pl_q $DB 'SELECT count(*) FROM plan_document')" = "$n" ] || pl_fail "documents stored"
tasks=$(pl_q $DB 'SELECT count(*) FROM plan_task')
pl_expect "$tasks tasks, $(pl_q $DB "SELECT coalesce((SELECT count(*) FROM plan_task_unit), 0)" 2>/dev/null || echo 0) units, $(pl_q $DB "SELECT count(*) FROM plan_target" 2>/dev/null || echo 0) targets" "$out"
before=$(pl_fingerprint $DB)

echo "== again: every document unchanged, nothing stored"
"$PL" -d $DB --progress=lines test/docs >"$out" 2>"$err" || { cat "$out" "$err"; pl_fail "second load exited $?"; }
pl_expect "$n documents: 0 loaded, $n unchanged, 0 failed" "$out"
[ "$(grep -c '^unchanged ' "$out")" = "$n" ] || pl_fail "expected $n 'unchanged' lines"
[ "$(pl_fingerprint $DB)" = "$before" ] || pl_fail "a second run changed the stored rows"
echo "ok: $n unchanged, rows identical"

echo "== connection strings and URIs as psql takes them"
"$PL" --progress=lines "host=${PGHOST:-localhost} port=${PGPORT:-5432} dbname=$DB application_name=pl_test" \
  test/docs/guofa_style.txt >"$out" 2>"$err" || { cat "$err"; pl_fail "conninfo as the first argument"; }
pl_expect "1 document: 0 loaded, 1 unchanged, 0 failed" "$out"
"$PL" --progress=lines -d "postgresql://${PGUSER:-$USER}@${PGHOST:-localhost}:${PGPORT:-5432}/$DB" \
  test/docs/guofa_style.txt >"$out" 2>"$err" || { cat "$err"; pl_fail "URI in -d"; }
pl_expect "1 document: 0 loaded, 1 unchanged, 0 failed" "$out"
PGDATABASE=$DB "$PL" --progress=lines test/docs/guofa_style.txt >"$out" 2>"$err" || { cat "$err"; pl_fail "PGDATABASE"; }
pl_expect "1 document: 0 loaded, 1 unchanged, 0 failed" "$out"
echo "ok"

echo "== stored rows and the SQL parsers = --parse-only JSON (same core)"
"$PL" --parse-only test/docs >"$PL_TMP/parse.jsonl" 2>"$err"
python3 - "$PL_TMP/parse.jsonl" <<'PY' >"$PL_TMP/json_rows"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)                      # every line must be valid JSON
    for t in d["tasks"]:
        print("\t".join(str(x) for x in (d["file"], t["ord"], t["part"], t["code"], t["depth"],
              t["parent"] or "", t["heading"], t["line"], t["start_offset"], t["end_offset"],
              t["body"].replace("\n", "\\n"))))
    print("\t".join(str(x) for x in (d["file"], "meta", d["title"] or "", d["docno"] or "",
          d["issued"] or "", d["script"])))
    for c in d["docnos"]:
        if c["role"] == "cites":
            print("\t".join(str(x) for x in (d["file"], "cites", c["docno"], c["occurrences"])))
    for u in d.get("units", []):
        print("\t".join(str(x) for x in (d["file"], "unit", u["ord"], u["code"], u["unit"], u["role"], u["raw"])))
    for x in d.get("deadlines", []):
        print("\t".join(str(v) for v in (d["file"], "deadline", x["ord"], x["code"], x["due"], x["kind"],
              "t" if x["inherited"] else "f", x["raw"], x["start_offset"], x["end_offset"])))
    for g in d.get("targets", []):
        # a plan-level target has no ord and no code: NULL, printed empty by psql
        print("\t".join(str(x) for x in (d["file"], "target", "" if g["ord"] is None else g["ord"],
              g["code"] or "", g["indicator"], g["target"], g["kind"],
              g["year"] or "", g["period"] or "", "t" if g["aspirational"] else "f", g["raw"])))
PY
psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -d $DB >"$PL_TMP/db_rows" <<'SQL'
SELECT d.source, t.ord, t.part, t.code, t.depth, coalesce(t.parent_code::text, ''), t.heading, t.line,
       t.start_offset, t.end_offset, replace(t.body, E'\n', '\n')
FROM plan_document d JOIN plan_task t ON t.document_id = d.id;
SELECT d.source, 'meta', coalesce(d.title, ''), coalesce(d.docno::text, ''), coalesce(d.issued::text, ''), d.script
FROM plan_document d;
SELECT d.source, 'cites', c.docno, c.occurrences FROM plan_document d JOIN plan_citation c ON c.document_id = d.id;
SQL
# units and targets, where this version has the parsers (and so --parse-only prints them)
if [ "$(pl_q $DB "SELECT to_regprocedure('plan_units(text)') IS NOT NULL")" = t ]; then
  psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -d $DB >>"$PL_TMP/db_rows" <<'SQL'
SELECT d.source, 'unit', u.ord, u.code, u.unit, u.role, u.raw
FROM plan_document d, plan_units(d.body) u;
SQL
fi
if [ "$(pl_q $DB "SELECT to_regprocedure('plan_targets(text)') IS NOT NULL")" = t ]; then
  psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -d $DB >>"$PL_TMP/db_rows" <<'SQL'
SELECT d.source, 'target', g.ord, g.code, g.indicator, g.target, g.kind, coalesce(g.year::text, ''),
       coalesce(g.period, ''), g.aspirational, g.raw
FROM plan_document d, plan_targets(d.body) g;
SQL
fi
# deadlines as plan_load stored them, where this version has them
if [ "$(pl_q $DB "SELECT to_regclass('plan_deadline') IS NOT NULL")" = t ]; then
  psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -d $DB >>"$PL_TMP/db_rows" <<'SQL'
SELECT d.source, 'deadline', x.ord, x.code, x.due, x.kind, x.inherited, x.raw, x.start_offset, x.end_offset
FROM plan_document d JOIN plan_deadline x ON x.document_id = d.id;
SQL
fi
sort "$PL_TMP/db_rows" >"$PL_TMP/db_sorted"
sort "$PL_TMP/json_rows" >"$PL_TMP/json_sorted"
if ! diff -q "$PL_TMP/db_sorted" "$PL_TMP/json_sorted" >/dev/null; then
  diff "$PL_TMP/db_sorted" "$PL_TMP/json_sorted" | head -n 20 || true
  pl_fail "--parse-only differs from what plan_load stored"
fi
echo "ok: $(wc -l <"$PL_TMP/json_sorted") task, metadata, citation, unit, target and deadline rows identical"

echo "== --jobs 2 over $((n * 10)) distinct copies, then again"
DB2=plandata_planload_jobs
pl_db $DB2
pl_copies "$PL_TMP/copies" 10
"$PL" -d $DB2 --jobs 2 --progress=lines "$PL_TMP/copies" >"$out" 2>"$err" || { cat "$err"; pl_fail "--jobs 2 exited $?"; }
pl_expect "$((n * 10)) documents: $((n * 10)) loaded, 0 unchanged, 0 failed" "$out"
[ "$(pl_q $DB2 'SELECT count(*) FROM plan_document')" = $((n * 10)) ] || pl_fail "$((n * 10)) documents stored"
"$PL" -d $DB2 --jobs 2 --progress=lines "$PL_TMP/copies" >"$out" 2>"$err" || pl_fail "--jobs 2 again exited $?"
pl_expect "$((n * 10)) documents: 0 loaded, $((n * 10)) unchanged, 0 failed" "$out"
# --jobs 1 into a third database stores exactly the same rows
DB3=plandata_planload_jobs1
pl_db $DB3
"$PL" -d $DB3 -q "$PL_TMP/copies" >"$out" 2>"$err" || pl_fail "--jobs 1 exited $?"
[ "$(pl_fingerprint $DB2)" = "$(pl_fingerprint $DB3)" ] || pl_fail "--jobs 2 and --jobs 1 stored different rows"
echo "ok: --jobs 2 = --jobs 1 ($(pl_fingerprint $DB2 | cut -d, -f1))"

echo "== file names with quotes, a newline and ;"
names=("it's \"quoted\".txt" $'two\nlines.txt' "a; DROP TABLE plan_document; --.txt" "semi;colon'); SELECT 1; --.txt")
mkdir "$PL_TMP/names"
i=0
for name in "${names[@]}"; do
  i=$((i + 1))
  { cat test/docs/guofa_style.txt; printf '\n（此件公开发布，名字测试 %d）\n' $i; } >"$PL_TMP/names/$name"
done
(cd "$PL_TMP/names" && "$PL" -d $DB --progress=lines -- *.txt) >"$out" 2>"$err" || { cat "$out" "$err"; pl_fail "names exited $?"; }
cat "$out"
pl_expect "4 documents: 4 loaded, 0 unchanged, 0 failed" "$out"
grep -qF 'loaded    two\nlines.txt:' "$out" || pl_fail "a newline in a name is shown as \\n"
for name in "${names[@]}"; do
  got=$(psql -X -At -v ON_ERROR_STOP=1 -d $DB -v name="$name" <<<"SELECT count(*) FROM plan_document WHERE source = :'name'")
  [ "$got" = 1 ] || pl_fail "source not recorded exactly for: $name"
done
[ "$(pl_q $DB 'SELECT count(*) FROM plan_document')" = $((n + 4)) ] || pl_fail "documents after the names test"
echo "ok: names recorded exactly"

echo "== ../shared/corpus"
if [ -d "$PL_SHARED/corpus" ] && ls "$PL_SHARED"/corpus/*.txt >/dev/null 2>&1; then
  DB4=plandata_planload_corpus
  pl_db $DB4
  m=$(ls "$PL_SHARED"/corpus/*.txt | wc -l)
  "$PL" -d $DB4 --jobs 2 --progress=lines "$PL_SHARED/corpus" >"$out" 2>"$err" || { cat "$err"; pl_fail "corpus load exited $?"; }
  tail -n 3 "$out"
  [ "$(pl_q $DB4 'SELECT count(*) FROM plan_document')" -le "$m" ] || pl_fail "more documents than corpus files"
  grep -qE "^$m documents: [0-9]+ loaded, [0-9]+ unchanged, 0 failed$" "$out" || pl_fail "corpus: failures"
  "$PL" -d $DB4 --progress=lines "$PL_SHARED/corpus" >"$out" 2>"$err" || pl_fail "corpus again exited $?"
  pl_expect "$m documents: 0 loaded, $m unchanged, 0 failed" "$out"
  echo "ok: corpus ($m files) loaded, then all unchanged"
else
  echo "note: $PL_SHARED/corpus is not present on this machine: corpus part skipped"
fi
echo "planload_load: ok"
