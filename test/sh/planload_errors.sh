#!/usr/bin/env bash
# planload's failures: a binary file, an empty file, truncated multibyte
# sequences (UTF-8 and GB18030), an invalid byte, a missing file, a
# document the server refuses, an unreachable server, a database without
# plandata, usage errors.  Each gives a clear message naming the file and
# the reason (and the byte offset), a non-zero exit status, and leaves the
# other documents loaded.
. "$ROOT/test/sh/lib/planload.sh"
DB=plandata_planload_errors
pl_db $DB
out=$PL_TMP/out err=$PL_TMP/err
d=$PL_TMP/in
mkdir "$d"
cp test/docs/guofa_style.txt "$d/good1.txt"
cp test/docs/three_level_style.txt "$d/good2.txt"
iconv -f UTF-8 -t GB18030 test/docs/cq_style_simp.txt >"$d/good3_gb18030.txt"

# the bad files, and the messages they must give (offsets computed here)
cp /bin/true "$d/binary_elf.txt"
printf 'abc\000def\001\002' >"$d/binary_nul.txt"
: >"$d/empty.txt"
printf '\xef\xbb\xbf' >"$d/empty_bom.txt"
python3 - "$d" test/docs/cq_style_trad.txt <<'PY' >"$PL_TMP/expected"
import sys
d, src = sys.argv[1], open(sys.argv[2], "rb").read()
def char_start_after(b, i):              # first byte of the multibyte character at or after i
    while b[i] < 0xE0: i += 1
    return i
# cut inside the character at ~1000: the file ends inside it
i = char_start_after(src, 1000)
open(d + "/trunc_end.txt", "wb").write(src[:i + 2])
print(f"trunc_end.txt: invalid UTF-8 at byte offset {i}: truncated multibyte sequence (the file ends inside a character)")
# drop the last byte of the character at ~500: the next character follows too soon
j = char_start_after(src, 500)
open(d + "/trunc_mid.txt", "wb").write(src[:j + 2] + src[j + 3:])
print(f"trunc_mid.txt: invalid UTF-8 at byte offset {j}: truncated multibyte sequence "
      f"(0x{src[j]:02X} followed by 0x{src[j + 3]:02X})")
# a stray 0xFF in the middle
k = char_start_after(src, 3000)
open(d + "/invalid_byte.txt", "wb").write(src[:k] + b"\xff" + src[k:])
print(f"invalid_byte.txt: invalid UTF-8 at byte offset {k}: invalid byte 0xFF")
# GB18030 cut after the first byte of a two-byte character
gb = src.decode("utf-8").encode("gb18030")
g = 700
while gb[g] < 0x81: g += 1
open(d + "/trunc_gb18030.txt", "wb").write(gb[:g + 1])
print(f"trunc_gb18030.txt: invalid GB18030 at byte offset {g}: truncated multibyte sequence (the file ends inside a character)")
PY
cat >>"$PL_TMP/expected" <<EOF
binary_elf.txt: not a text file: an executable program
binary_nul.txt: not a text file: NUL byte at byte offset 3
empty.txt: empty file
empty_bom.txt: empty file (only a byte order mark)
EOF

check_errors() {  # the stderr of a run over $d names every bad file with its reason
  local line
  while IFS= read -r line; do
    grep -qxF -- "planload: $d/$line" "$err" || { cat "$err"; pl_fail "missing error: $line"; }
  done <"$PL_TMP/expected"
  [ "$(grep -c "^planload: " "$err")" = "$(wc -l <"$PL_TMP/expected")" ] || { cat "$err"; pl_fail "unexpected extra errors"; }
}

echo "== bad files among good ones"
set +e; "$PL" -d $DB --progress=lines "$d" >"$out" 2>"$err"; rc=$?; set -e
cat "$err"
[ $rc = 1 ] || pl_fail "exit status $rc, want 1"
check_errors
pl_expect "11 documents: 3 loaded, 0 unchanged, 8 failed" "$out"
[ "$(pl_q $DB 'SELECT count(*) FROM plan_document')" = 3 ] || pl_fail "the good documents were not all loaded"
grep -q '^loaded    .*good3_gb18030.txt: document [0-9]*, 32 tasks.*(GB18030)$' "$out" || pl_fail "GB18030 neighbour"

echo "== the same with --jobs 2: same messages, nothing new stored"
set +e; "$PL" -d $DB --jobs 2 --progress=lines "$d" >"$out" 2>"$err"; rc=$?; set -e
[ $rc = 1 ] || pl_fail "exit status $rc, want 1"
check_errors
pl_expect "11 documents: 0 loaded, 3 unchanged, 8 failed" "$out"

echo "== --parse-only reports the same failures as JSON lines"
set +e; "$PL" --parse-only "$d" >"$out" 2>"$err"; rc=$?; set -e
[ $rc = 1 ] || pl_fail "--parse-only exit status $rc, want 1"
check_errors
python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 11, len(rows)
assert sum("error" in r for r in rows) == 8
assert all(len(r["tasks"]) > 0 for r in rows if "error" not in r)
' "$out" || pl_fail "--parse-only JSON lines"

echo "== a missing file and a document the server refuses: the others load"
psql -X -q -v ON_ERROR_STOP=1 -d $DB <<'SQL'
CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.body LIKE '%（测试：拒收此件）%' THEN
    RAISE EXCEPTION 'refused by the test trigger' USING DETAIL = 'The body asks to be refused.';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER test_refuse BEFORE INSERT ON plan_document FOR EACH ROW EXECUTE FUNCTION test_refuse();
SQL
{ cat test/docs/four_level_style.txt; printf '\n（测试：拒收此件）\n'; } >"$PL_TMP/refused.txt"
set +e
"$PL" -d $DB --progress=lines "$PL_TMP/refused.txt" "$PL_TMP/no such file.txt" test/docs/four_level_style.txt >"$out" 2>"$err"
rc=$?; set -e
cat "$err"
[ $rc = 1 ] || pl_fail "exit status $rc, want 1"
pl_expect "planload: $PL_TMP/refused.txt: server error: refused by the test trigger (The body asks to be refused.) SQLSTATE P0001" "$err"
pl_expect "planload: $PL_TMP/no such file.txt: No such file or directory" "$err"
pl_expect "3 documents: 1 loaded, 0 unchanged, 2 failed" "$out"
[ "$(pl_q $DB 'SELECT count(*) FROM plan_document')" = 4 ] || pl_fail "four_level_style was not loaded"

echo "== --stop-on-error stops at the first failure"
set +e
"$PL" -d $DB --stop-on-error --progress=lines test/docs/guofa_style.txt "$d/empty.txt" test/docs/cq_style_trad.txt >"$out" 2>"$err"
rc=$?; set -e
[ $rc = 1 ] || pl_fail "exit status $rc, want 1"
pl_expect "3 documents: 0 loaded, 1 unchanged, 1 failed, 1 not loaded (stopped at the first failure)" "$out"
[ "$(pl_q $DB "SELECT count(*) FROM plan_document WHERE title LIKE '重慶%'")" = 0 ] || pl_fail "loaded after the stop"

echo "== unreachable server: clear error, exit 2, nothing touched"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
set +e; "$PL" -h 127.0.0.1 -p "$port" -d $DB test/docs >"$out" 2>"$err"; rc=$?; set -e
cat "$err"
[ $rc = 2 ] || pl_fail "exit status $rc, want 2"
grep -q "port $port failed: Connection refused" "$err" || pl_fail "libpq's reason is shown"
ndocs=$(ls test/docs/*.txt | wc -l)
pl_expect "planload: nothing loaded ($ndocs documents); run the same command again when the server is reachable" "$err"
set +e; "$PL" "postgresql://postgres@no-such-host.invalid:5432/$DB?connect_timeout=5" test/docs >"$out" 2>"$err"; rc=$?; set -e
[ $rc = 2 ] || pl_fail "unresolvable host: exit status $rc, want 2"
grep -q 'no-such-host.invalid' "$err" || { cat "$err"; pl_fail "host name in the message"; }
[ "$(pl_q $DB 'SELECT count(*) FROM plan_document')" = 4 ] || pl_fail "documents changed"

echo "== a database without plandata: exit 3"
psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS plandata_planload_noext" -c "CREATE DATABASE plandata_planload_noext"
PL_DBS+=(plandata_planload_noext)
set +e; "$PL" -d plandata_planload_noext test/docs >"$out" 2>"$err"; rc=$?; set -e
[ $rc = 3 ] || pl_fail "exit status $rc, want 3"
pl_expect 'planload: the plandata extension is not installed in database "plandata_planload_noext" (run CREATE EXTENSION plandata there first)' "$err"

echo "== usage errors: exit 3"
for args in "--jobs 0 x" "--encoding NO-SUCH-ENCODING x" "--progress sometimes x" "--no-such-option" ""; do
  set +e; "$PL" $args >"$out" 2>"$err"; rc=$?; set -e
  [ $rc = 3 ] || pl_fail "planload $args: exit status $rc, want 3"
  grep -q 'Try "planload --help"' "$err" || pl_fail "planload $args: hint to --help"
done
"$PL" --help | grep -q '^EXIT STATUS' || pl_fail "--help"
"$PL" --version | grep -qx 'planload (plandata) [0-9.]*' || pl_fail "--version"
echo "planload_errors: ok"
