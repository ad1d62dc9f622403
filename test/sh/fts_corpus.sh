#!/usr/bin/env bash
# Full-text search finds exactly what a brute-force scan finds: every
# document of ../shared/corpus is loaded (with planload, so the stored tsv
# column is the server's), plus Traditional copies of a few of them and our
# own test documents; then for every phrase below the tasks matched through
# the GIN-indexed tsv (websearch_to_tsquery, phraseto_tsquery, to_tsquery,
# plandata_zh_compact)
# and through plan_search() are the tasks whose folded, lower-cased body
# contains the folded, lower-cased phrase -- the same rows, no more, no fewer.
# Phrases: indicators, units, policy terms in both scripts and widths, one
# character, punctuation, Latin and digits, Han/Latin boundaries.
# shellcheck source=test/sh/lib/planload.sh
. "$ROOT/test/sh/lib/planload.sh"
[ -d "$PL_SHARED/corpus" ] || { echo "skip: $PL_SHARED/corpus is absent (the shared corpus)"; exit 77; }
DB=plandata_fts_corpus
pl_db $DB

echo "== load the corpus, Traditional copies, the test documents"
"$PL" -d $DB --progress=lines "$PL_SHARED/corpus" >"$PL_TMP/out" 2>&1 || { cat "$PL_TMP/out"; pl_fail "planload"; }
tail -n 1 "$PL_TMP/out"
if command -v opencc >/dev/null; then
  mkdir -p "$PL_TMP/trad"
  docs=("$PL_SHARED"/corpus/*.txt)
  for f in "${docs[@]:0:8}"; do
    opencc -c s2t.json -i "$f" -o "$PL_TMP/trad/$(basename "$f")"
  done
  "$PL" -d $DB --progress=lines "$PL_TMP/trad" >"$PL_TMP/out" 2>&1 || { cat "$PL_TMP/out"; pl_fail "planload trad"; }
  tail -n 1 "$PL_TMP/out"
else
  echo "(opencc not installed: no Traditional copies)"
fi
"$PL" -d $DB --progress=lines test/docs >"$PL_TMP/out" 2>&1 || { cat "$PL_TMP/out"; pl_fail "planload test docs"; }
tail -n 1 "$PL_TMP/out"

echo "== the stored tsv is the server's to_tsvector of the body, for every task"
bad=$(pl_q $DB "SELECT count(*) FROM plan_task WHERE tsv IS DISTINCT FROM to_tsvector('plandata_zh', body)")
[ "$bad" = 0 ] || pl_fail "$bad tasks with a stale tsv"
echo "ok: $(pl_q $DB 'SELECT count(*) FROM plan_task') tasks"

echo "== phrases: index = brute force"
psql -X -q -v ON_ERROR_STOP=1 -d $DB >"$PL_TMP/cmp" <<'SQL'
SET enable_seqscan = off;   -- the GIN index answers (the table is small)
CREATE TEMP TABLE phrase (p text, syntax bool);   -- syntax: has tsquery / websearch operators
INSERT INTO phrase(p, syntax) SELECT p, p ~ '[ ()&|!:<>*''"\\-]' FROM unnest(ARRAY[
  -- indicators and units, both scripts and widths
  '城镇化率', '城鎮化率', '常住人口城镇化率', '户籍人口城镇化率', '地区生产总值', '研发经费投入强度',
  '森林覆盖率', '万元', '亿元', '平方公里', '公里', '个百分点', '萬元', '億元',
  -- units (organisations) and roles
  '牵头单位', '牽頭單位', '责任单位', '責任單位', '市发展改革委', '市發展改革委', '生态环境局', '人民政府',
  -- policy terms
  '户籍制度改革', '戶籍制度改革', '无废城市', '無廢城市', '高质量发展', '高質量發展', '新型城镇化',
  '营商环境', '營商環境', '放管服', '一带一路', '一帶一路', '乡村振兴', '鄉村振興', '数字经济', '碳达峰',
  '互联网+', '互聯網+', '年底前',
  -- one character, both scripts
  '镇', '鎮', '率', '县', '縣', '市', '〇',
  -- punctuation, full and half width
  '、', '%', '％', '“放管服”', '（一）', '(一)', '；', '。', '：', '》',
  -- Latin and digits, alone and across a Han boundary
  '2025年', '２０２５年', '2035年', '2020年', '76%', '７６％', '50%', '6万', 'X证书', 'X證書', 'REITs',
  'reits', 'SABIC', 'A匝道', '12345', '5G', 'GDP', 'PM2.5',
  -- phrases across a blank or punctuation
  '城镇 化率', '发展改革委、', '。（一）'
]) p;

CREATE TEMP TABLE brute AS
  SELECT ph.p, t.document_id, t.ord FROM phrase ph, plan_task t
  WHERE position(lower(plan_fold(ph.p)) IN lower(plan_fold(t.body))) > 0;

CREATE TEMP TABLE found AS
  SELECT ph.p, 'websearch' AS how, t.document_id, t.ord FROM phrase ph, plan_task t
   WHERE NOT ph.syntax AND t.tsv @@ websearch_to_tsquery('plandata_zh', ph.p)
  UNION ALL
  SELECT ph.p, 'phraseto', t.document_id, t.ord FROM phrase ph, plan_task t
   WHERE t.tsv @@ phraseto_tsquery('plandata_zh', ph.p)
  UNION ALL
  SELECT ph.p, 'to_tsquery', t.document_id, t.ord FROM phrase ph, plan_task t
   WHERE NOT ph.syntax AND t.tsv @@ to_tsquery('plandata_zh', ph.p)
  UNION ALL
  SELECT ph.p, 'compact', t.document_id, t.ord FROM phrase ph, plan_task t
   WHERE t.tsv @@ plandata_zh_compact(phraseto_tsquery('plandata_zh', ph.p));

-- every way, every phrase: rows missing or extra against the brute force
SELECT h.p, h.how, m.missing, x.extra
FROM (SELECT p, w AS how FROM phrase, unnest(ARRAY['websearch', 'phraseto', 'to_tsquery', 'compact']) w
      WHERE w IN ('phraseto', 'compact') OR NOT syntax) h
CROSS JOIN LATERAL (SELECT count(*) AS missing FROM
  (SELECT document_id, ord FROM brute b WHERE b.p = h.p EXCEPT
   SELECT document_id, ord FROM found f WHERE f.p = h.p AND f.how = h.how) z) m
CROSS JOIN LATERAL (SELECT count(*) AS extra FROM
  (SELECT document_id, ord FROM found f WHERE f.p = h.p AND f.how = h.how EXCEPT
   SELECT document_id, ord FROM brute b WHERE b.p = h.p) z) x
WHERE m.missing > 0 OR x.extra > 0
ORDER BY 1, 2;

-- plan_search: the same (document, code) rows as the brute force
SELECT ph.p, 'plan_search' AS how, d.n AS differing
FROM phrase ph CROSS JOIN LATERAL (SELECT count(*) AS n FROM (
  (SELECT t.document_id, t.code FROM brute b JOIN plan_task t USING (document_id, ord) WHERE b.p = ph.p
   EXCEPT ALL SELECT s.document_id, s.code FROM plan_search(ph.p) s)
  UNION ALL
  (SELECT s.document_id, s.code FROM plan_search(ph.p) s
   EXCEPT ALL SELECT t.document_id, t.code FROM brute b JOIN plan_task t USING (document_id, ord) WHERE b.p = ph.p)) z) d
WHERE NOT ph.syntax AND d.n > 0;

\echo summary
SELECT count(*) AS phrases, count(*) FILTER (WHERE n > 0) AS found_somewhere, sum(n) AS matches
FROM (SELECT ph.p, (SELECT count(*) FROM brute b WHERE b.p = ph.p) n FROM phrase ph) s;
\echo plan
EXPLAIN (COSTS OFF) SELECT count(*) FROM plan_task WHERE tsv @@ websearch_to_tsquery('plandata_zh', '城鎮化率');
SQL
cat "$PL_TMP/cmp"
grep -q "(0 rows)" "$PL_TMP/cmp" || pl_fail "no comparison output"
[ "$(grep -c '^(0 rows)$' "$PL_TMP/cmp")" = 2 ] || pl_fail "the index and the brute force differ (rows above)"
grep -q "Bitmap Index Scan on plan_task_tsv_idx" "$PL_TMP/cmp" || pl_fail "the search does not use the GIN index"
echo "ok: every phrase, every query form = brute force"
