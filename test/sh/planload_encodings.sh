#!/usr/bin/env bash
# The Chongqing-style plan (test/docs/cq_style_trad.txt, Traditional script)
# converted here with iconv to GB18030, Big5, UTF-16LE and UTF-16BE (with a
# byte order mark), and as UTF-8 with a BOM and CRLF line ends: each is
# detected, converted to the same UTF-8 text, and so is the same document
# with exactly the same tasks, units and targets; loading the others after
# the first stores nothing and counts them unchanged.
. "$ROOT/test/sh/lib/planload.sh"
DB=plandata_planload_encodings
pl_db $DB
src=test/docs/cq_style_trad.txt
d=$PL_TMP/enc
mkdir "$d"
iconv -f UTF-8 -t GB18030 "$src" >"$d/gb18030.txt"
iconv -f UTF-8 -t BIG5 "$src" >"$d/big5.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$src"; } >"$d/utf16le.txt"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$src"; } >"$d/utf16be.txt"
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$src"; } >"$d/utf8_bom_crlf.txt"
cp "$src" "$d/utf8.txt"
# the conversions really are different bytes
[ "$(md5sum "$d"/*.txt | cut -d' ' -f1 | sort -u | wc -l)" = 6 ] || pl_fail "conversions are not distinct"
out=$PL_TMP/out err=$PL_TMP/err

echo "== GB18030 first: the stored text comes from a conversion"
"$PL" -d $DB --progress=lines "$d/gb18030.txt" >"$out" 2>"$err" || { cat "$err"; pl_fail "GB18030 load exited $?"; }
cat "$out"
line=$(grep '^loaded ' "$out") || pl_fail "GB18030 not loaded"
[[ "$line" == *"(GB18030)" ]] || pl_fail "GB18030 not detected: $line"
counts=${line#*: document }
id=${counts%%,*}
counts=${counts#*, }
counts=${counts% (*}
echo "document $id: $counts"
[ "$(pl_q $DB "SELECT md5(body) FROM plan_document WHERE id = $id")" = "$(md5sum <"$src" | cut -d' ' -f1)" ] \
  || pl_fail "the stored text is not the UTF-8 file byte for byte"

echo "== UTF-8, Big5, UTF-16LE/BE, UTF-8 BOM + CRLF: the same document, unchanged"
"$PL" -d $DB --progress=lines "$d/utf8.txt" "$d/big5.txt" "$d/utf16le.txt" "$d/utf16be.txt" "$d/utf8_bom_crlf.txt" \
  >"$out" 2>"$err" || { cat "$err"; pl_fail "load exited $?"; }
cat "$out"
pl_expect "5 documents: 0 loaded, 5 unchanged, 0 failed" "$out"
for pair in "utf8.txt:UTF-8" "big5.txt:Big5" "utf16le.txt:UTF-16LE with BOM" "utf16be.txt:UTF-16BE with BOM" \
            "utf8_bom_crlf.txt:UTF-8 with BOM"; do
  f=${pair%%:*} enc=${pair#*:}
  pl_expect "unchanged $d/$f: document $id, $counts ($enc)" "$out"
done
[ "$(pl_q $DB 'SELECT count(*) FROM plan_document')" = 1 ] || pl_fail "more than one document stored"

echo "== the parse of every encoding is identical (tasks, units, targets, metadata)"
"$PL" --parse-only "$d"/*.txt >"$PL_TMP/parse.jsonl" 2>"$err" || { cat "$err"; pl_fail "--parse-only exited $?"; }
python3 - "$PL_TMP/parse.jsonl" <<'PY' || pl_fail "parses differ between encodings"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 6, len(rows)
# everything but the file: its name, encoding, size and the digest of its bytes
same = [{k: v for k, v in r.items() if k not in ("file", "encoding", "bytes", "original_sha256")} for r in rows]
for r, s in zip(rows, same):
    assert s == same[0], r["file"]
print("identical:", ", ".join(r["encoding"] for r in rows), "->", len(same[0]["tasks"]), "tasks",
      *(f"{len(same[0][k])} {k}" for k in ("units", "targets") if k in same[0]))
PY

echo "== a fresh database loaded from Big5 stores the same rows as one loaded from UTF-8"
DB2=plandata_planload_enc_big5
pl_db $DB2
"$PL" -d $DB2 -q "$d/big5.txt" >/dev/null 2>"$err" || { cat "$err"; pl_fail "Big5 load exited $?"; }
DB3=plandata_planload_enc_utf8
pl_db $DB3
"$PL" -d $DB3 -q "$d/utf8.txt" >/dev/null 2>"$err" || { cat "$err"; pl_fail "UTF-8 load exited $?"; }
a=$(pl_fingerprint $DB2) b=$(pl_fingerprint $DB3) c=$(pl_fingerprint $DB)
echo "$a"
[ "$a" = "$b" ] && [ "$a" = "$c" ] || pl_fail "stored rows differ by encoding: $a / $b / $c"

echo "== --encoding forces a reading"
{ iconv -f UTF-8 -t UTF-16LE "$src"; } >"$d/utf16le_nobom.bin"
set +e; "$PL" -d $DB -q "$d/utf16le_nobom.bin" >"$out" 2>"$err"; rc=$?; set -e
[ $rc = 1 ] || pl_fail "UTF-16 without a BOM: exit status $rc, want 1"
grep -qF 'use --encoding UTF-16LE or UTF-16BE' "$err" || { cat "$err"; pl_fail "hint for UTF-16 without a BOM"; }
"$PL" -d $DB --progress=lines --encoding UTF-16LE "$d/utf16le_nobom.bin" >"$out" 2>"$err" || { cat "$err"; pl_fail "forced UTF-16LE"; }
pl_expect "unchanged $d/utf16le_nobom.bin: document $id, $counts (UTF-16LE)" "$out"
echo "planload_encodings: ok"
