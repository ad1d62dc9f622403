#!/usr/bin/env bash
# timeout: 900
# planload reads plans as they are published: every test document is made
# into a real Word file (automatic list numbering, tables), PDF (reportlab,
# CJK font, running header, page numbers), OFD (our generator) and a web page
# in gov.cn's layout, in this test (test/sh/lib/mkformats.py), and each must
# give the same tasks, units and targets as its text: through --parse-only,
# and stored from a mixed folder.  Malformed files (truncated ZIP, zip bomb,
# billion laughs, PDF without text layer, empty file, password-protected PDF)
# each fail with their reason while the others load, nothing half-loaded.
# The same plan in another format is the same document (plan_load_file's
# rule); a gov.cn page of a corpus document loads with its metadata table in
# the columns and its tasks at F1 >= 0.95 against the text's.
. "$ROOT/test/sh/lib/planload.sh"
PY=/usr/bin/python3
$PY -c 'import docx, reportlab' 2>/dev/null || { echo "skip: python3-docx and python3-reportlab are needed"; exit 77; }
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || { echo "skip: fonts-wqy-zenhei is needed"; exit 77; }
command -v qpdf >/dev/null || { echo "skip: qpdf is needed"; exit 77; }
MK="$PY $ROOT/test/sh/lib/mkformats.py"
CMP="$PY $ROOT/test/sh/lib/compare_parses.py"
out=$PL_TMP/out err=$PL_TMP/err
FMT=$PL_TMP/fmt
mkdir -p "$FMT"
docs=("$ROOT"/test/docs/*.txt)
n=${#docs[@]}

echo "== $n test documents as docx, pdf, ofd and html"
$MK batch docx,pdf,ofd,html "$FMT" "${docs[@]}"
[ "$(ls "$FMT" | wc -l)" = $((n * 4)) ] || pl_fail "generated files"
# the numbers of the Word files are Word's, not text
$PY - "$FMT/guofa_style.docx" <<'PY' || pl_fail "the .docx carries its numbers as text"
import sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
assert "（一）" not in xml and "一、" not in xml and "<w:numPr>" in xml, "numbers in the text"
PY

echo "== --parse-only: each format gives the text's tasks, units and targets"
"$PL" --parse-only test/docs >"$PL_TMP/text.jsonl" 2>"$err" || pl_fail "parse of the texts"
for k in docx pdf ofd html; do
  "$PL" --parse-only -g "*.$k" "$FMT" >"$PL_TMP/$k.jsonl" 2>"$err" || { cat "$err"; pl_fail "--parse-only of the .$k files"; }
  grep -q "\"format\":\"$k\"" "$PL_TMP/$k.jsonl" || pl_fail "format $k in the JSON"
  echo "$k:"
  $CMP "$PL_TMP/text.jsonl" "$PL_TMP/$k.jsonl" || pl_fail ".$k files differ from their texts"
done

echo "== --text: a Word file's text is the text file's (blank lines and trailing tabs aside)"
for f in "${docs[@]}"; do
  b=$(basename "$f" .txt)
  "$PL" --text "$FMT/$b.docx" >"$out" 2>"$err" || { cat "$err"; pl_fail "--text $b.docx"; }
  diff <(tr -d '\r' <"$f" | grep -v '^$' | sed 's/\t*$//') <(grep -v '^$' "$out") >"$PL_TMP/d" \
    || { head "$PL_TMP/d"; pl_fail "--text of $b.docx"; }
done
[ ! -s "$err" ] || pl_fail "--text printed on stderr"
echo "ok: $n Word files"

echo "== malformed files"
BAD=$PL_TMP/bad
mkdir -p "$BAD"
head -c 2000 "$FMT/guofa_style.docx" >"$BAD/truncated.docx"
: >"$BAD/empty.pdf"
qpdf --encrypt secret owner 256 -- "$FMT/guofa_style.pdf" "$BAD/locked.pdf"
$PY - "$BAD" <<'PY'
import sys, zipfile
d = sys.argv[1]
ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
      'officedocument.wordprocessingml.document.main+xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# a zip bomb: 40 MB of XML that deflates to some 40 KB
with zipfile.ZipFile(f"{d}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct)
    z.writestr("word/document.xml", f'<w:document {W}><w:body><w:p><w:r><w:t>'
               + "一" * ((40 << 20) // 3) + '</w:t></w:r></w:p></w:body></w:document>')
# billion laughs
ents = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
with zipfile.ZipFile(f"{d}/laughs.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct)
    z.writestr("word/document.xml", f'<?xml version="1.0"?><!DOCTYPE lolz [{ents}]>'
               f'<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
# a scan: pages with drawings and no text
from reportlab.pdfgen import canvas
c = canvas.Canvas(f"{d}/scan.pdf")
for page in range(2):
    for i in range(40):
        c.rect(72, 72 + i * 17, 400, 10, fill=1)
    c.showPage()
c.save()
PY
# a PDF named .txt and a Word file without its extension load as what they are
cp "$FMT/guofa_style.pdf" "$BAD/disguised.txt"
"$PL" --parse-only "$BAD" "$BAD/disguised.txt" >"$out" 2>"$err" && pl_fail "malformed files: exit 0"
cat "$err"
expect_err() { grep -F "/$1: " "$err" | grep -qF "$2" || pl_fail "$1: expected \"$2\""; }
expect_err truncated.docx "damaged or truncated ZIP archive"
expect_err bomb.docx "refused as a zip bomb"
expect_err laughs.docx "declares a DTD"
expect_err scan.pdf "PDF with no text layer"
expect_err empty.pdf "empty file"
expect_err locked.pdf "password-protected PDF"
grep -qF '"format":"pdf"' "$out" || pl_fail "disguised.txt read as PDF"
echo "ok: six clear errors, the disguised PDF parsed"

echo "== a mixed folder loads with the text's rows; the malformed files fail alone"
DBT=plandata_formats_text DBM=plandata_formats_mixed
pl_db $DBT
pl_db $DBM
MIX=$PL_TMP/mixed
mkdir -p "$MIX"
i=0
for f in "${docs[@]}"; do
  b=$(basename "$f" .txt)
  k=(docx pdf ofd html)
  cp "$FMT/$b.${k[$((i % 4))]}" "$MIX/"
  i=$((i + 1))
done
cp "$BAD"/* "$MIX/"
rm "$MIX/disguised.txt"
"$PL" -d $DBT -q test/docs >"$out" 2>"$err" || { cat "$err"; pl_fail "loading the texts"; }
"$PL" -d $DBM --jobs 2 --progress=lines "$MIX" >"$out" 2>"$err" && pl_fail "mixed folder: exit 0"
tail -n 3 "$out"
pl_expect "$((n + 6)) documents: $n loaded, 0 unchanged, 6 failed" "$out"
[ "$(pl_q $DBM 'SELECT count(*) FROM plan_document')" = "$n" ] || pl_fail "documents stored"
[ "$(pl_orphans $DBM)" = 0 ] || pl_fail "rows without their document"
rows() {  # per file name (no extension): tasks, units, targets, white space and page numbers aside
  psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -d "$1" <<'SQL'
CREATE TEMP VIEW doc AS SELECT id, regexp_replace(source, '^.*/|\.[^.]*$', '', 'g') AS name FROM plan_document;
CREATE FUNCTION pg_temp.n(text) RETURNS text LANGUAGE sql AS
  $$ SELECT regexp_replace(regexp_replace($1, '[[:space:]\u3000]', '', 'g'), '[—－-][0-9]{1,4}[—－-]', '', 'g') $$;
SELECT d.name, 'task', t.code, t.depth, t.parent_code, pg_temp.n(t.heading), pg_temp.n(t.body)
FROM doc d JOIN plan_task t ON t.document_id = d.id;
SELECT d.name, 'unit', u.code, u.unit, u.role FROM doc d JOIN plan_task_unit u ON u.document_id = d.id;
SELECT d.name, 'target', g.code, pg_temp.n(g.indicator), g.target, g.kind, g.year, g.period, g.aspirational
FROM doc d JOIN plan_target g ON g.document_id = d.id;
SQL
}
rows $DBT | sort >"$PL_TMP/rows_text"
rows $DBM | sort >"$PL_TMP/rows_mixed"
diff "$PL_TMP/rows_text" "$PL_TMP/rows_mixed" | head -n 10
cmp -s "$PL_TMP/rows_text" "$PL_TMP/rows_mixed" || pl_fail "the mixed folder stored other rows than the texts"
echo "ok: $(wc -l <"$PL_TMP/rows_text") task, unit and target rows as from the texts"
got=$(pl_q $DBM "SELECT string_agg(format || ' ' || n, ', ' ORDER BY format) FROM (SELECT format, count(*) n FROM plan_document GROUP BY 1) s")
[ "$got" = "docx $(( (n + 3) / 4 )), html $(( n / 4 )), ofd $(( (n + 1) / 4 )), pdf $(( (n + 2) / 4 ))" ] \
  || pl_fail "formats stored: $got"
f=$(ls "$MIX"/*.pdf | grep -v -e scan -e locked -e empty | head -n 1)
[ "$(pl_q $DBM "SELECT encode(original_sha256, 'hex') FROM plan_document WHERE source = '$f'")" \
  = "$(sha256sum "$f" | cut -d' ' -f1)" ] || pl_fail "original_sha256 of $f"
echo "ok: formats ($got) and the original bytes' digest stored"
"$PL" -d $DBM --jobs 2 --progress=lines "$MIX" >"$out" 2>"$err" && pl_fail "mixed folder again: exit 0"
pl_expect "$((n + 6)) documents: 0 loaded, $n unchanged, 6 failed" "$out"
echo "ok: loading the folder again stores nothing"

echo "== the same plan in another format is the same document"
"$PL" -d $DBT -q "$FMT" >"$out" 2>"$err" || { cat "$err"; pl_fail "loading every format over the texts"; }
# a text that carries a PDF page number (— 3 —) as text differs from its OFD, whose
# decoder drops it: the OFD is a new document, and its PDF the same as the OFD
paged=$(grep -lE '^[[:space:]]*— *[0-9]+ *—[[:space:]]*$' "${docs[@]}" | wc -l)
pl_expect "$((n * 4)) documents: $paged loaded, $((n * 4 - paged)) unchanged, 0 failed" "$out"
# the page's metadata makes no other document of it ... unless its 发文字号 differs
$MK html test/docs/guofa_style.txt "$PL_TMP/other_no.html" utf-8 "国发〔2023〕99号" "国务院" "2023年11月20日" "林业"
"$PL" -d $DBT --progress=lines "$PL_TMP/other_no.html" >"$out" 2>"$err" || pl_fail "other docno"
pl_expect "1 document: 1 loaded, 0 unchanged, 0 failed" "$out"
echo "ok: $((n * 4 - paged)) files of $((n * 4)) recognised as stored plans; another 发文字号 is another document"

echo "== a gov.cn page: metadata in the columns, tasks as from the text"
c=$PL_SHARED/corpus/guobanfa_2018_108.txt
[ -f "$c" ] || c=$ROOT/test/docs/guofa_style.txt
DBG=plandata_formats_gov
pl_db $DBG
docno=$("$PL" --parse-only "$c" 2>/dev/null | $PY -c 'import json,sys; print(json.load(sys.stdin)["docno"] or "")')
for enc in utf-8 gb2312 gb18030-undeclared; do
  $MK html "$c" "$PL_TMP/gov_$enc.html" $enc "$docno" "国务院办公厅" "2018年12月10日" "综合政务\\其他"
done
"$PL" --parse-only "$c" >"$PL_TMP/gov_text.jsonl" 2>/dev/null
for enc in utf-8 gb2312 gb18030-undeclared; do
  "$PL" --parse-only "$PL_TMP/gov_$enc.html" >"$PL_TMP/gov_$enc.jsonl" 2>/dev/null
  grep -q '"encoding":"HTML, ' "$PL_TMP/gov_$enc.jsonl" || pl_fail "html encoding"
  sed -i 's/gov_[a-z0-9-]*\.html/'"$(basename "$c" .txt)"'.html/' "$PL_TMP/gov_$enc.jsonl"
  $CMP "$PL_TMP/gov_text.jsonl" "$PL_TMP/gov_$enc.jsonl" 0.95 || pl_fail "gov.cn page ($enc): task F1 below 0.95"
done
"$PL" -d $DBG -q "$PL_TMP/gov_gb2312.html" >"$out" 2>"$err" || { cat "$err"; pl_fail "loading the gov.cn page"; }
got=$(pl_q $DBG "SELECT format, docno, issuer, issued, subject FROM plan_document")
[ "$got" = "html|$docno|国务院办公厅|2018-12-10|综合政务\\其他" ] || pl_fail "gov.cn metadata stored: $got"
echo "ok: $got"
# the plan stored from its text first: the page is the same document and fills what the text lacked
DBG2=plandata_formats_gov2
pl_db $DBG2
"$PL" -d $DBG2 -q "$c" >"$out" 2>"$err" || { cat "$err"; pl_fail "loading the text"; }
before=$(pl_q $DBG2 "SELECT id, issued, subject IS NULL FROM plan_document")
"$PL" -d $DBG2 --progress=lines "$PL_TMP/gov_utf-8.html" >"$out" 2>"$err" || { cat "$err"; pl_fail "the page after the text"; }
pl_expect "1 document: 0 loaded, 1 unchanged, 0 failed" "$out"
after=$(pl_q $DBG2 "SELECT id, issued, subject FROM plan_document")
[ "$after" = "${before%|t}|综合政务\\其他" ] || pl_fail "the page's metadata on the stored plan: $before -> $after"
echo "ok: the stored plan took the page's 主题分类 and kept its own date ($after)"
echo "planload_formats: ok"
