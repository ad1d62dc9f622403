-- Chinese full-text search (since 0.4): the plandata_zh parser and
-- configuration, phrase queries, headlines, the indexed plan_task.tsv and
-- plan_search().
SET client_min_messages = warning;

-- tokens: overlapping Han bigrams and the run's last character, Latin
-- words, numbers, symbols, blanks; spans of the text as printed
SELECT alias, token, lexemes FROM ts_debug('plandata_zh', '城鎮化率达到７６％，2025年 5G基站、PM2.5及GDP。');
SELECT * FROM ts_token_type('plandata_zh') ORDER BY tokid;
SELECT alias, token, lexemes FROM ts_debug('plandata_zh', '二〇二五年 3.5万元 v1.2.3 a.b 1,000 Ｅ匝道');

-- folding: Traditional and Simplified, full and half width give one tsvector
SELECT to_tsvector('plandata_zh', '城鎮化率達到７６％，戶籍制度改革') =
       to_tsvector('plandata_zh', '城镇化率达到76%,户籍制度改革') AS same;
SELECT to_tsvector('plandata_zh', '城鎮化率') AS trad, to_tsvector('plandata_zh', '城镇化率') AS simp;
SELECT to_tsvector('plandata_zh', 'ＧＤＰ增長 GDP增长 gdp增长');

-- queries: a phrase is its bigram chain with the last character a prefix
SELECT to_tsquery('plandata_zh', '城鎮化率') AS to_tsquery,
       phraseto_tsquery('plandata_zh', '城鎮化率') AS phraseto,
       websearch_to_tsquery('plandata_zh', '城鎮化率') AS websearch;
-- plainto_tsquery keeps PostgreSQL's & (the characters anywhere in the text)
SELECT plainto_tsquery('plandata_zh', '城镇化率');
SELECT websearch_to_tsquery('plandata_zh', '镇') AS one_char,
       websearch_to_tsquery('plandata_zh', '2025年') AS number_han,
       websearch_to_tsquery('plandata_zh', '７６％') AS percent,
       phraseto_tsquery('plandata_zh', '（一）') AS punct,
       websearch_to_tsquery('plandata_zh', '"城镇化率" -户籍 or 无废城市') AS websearch_ops;

-- plandata_zh_compact drops the trailing prefix the bigram before it implies
-- (not where an enclosing phrase measures from it)
SELECT plandata_zh_compact(websearch_to_tsquery('plandata_zh', q)) AS compact
FROM unnest(ARRAY['城镇化率', '镇', '2025年', '"城镇化率" -户籍 or 无废城市', '5G基站']) q;
SELECT plandata_zh_compact(phraseto_tsquery('plandata_zh', '城镇 化率')) AS blank_inside,
       plandata_zh_compact(to_tsquery('plandata_zh', '化率 <-> (城镇 <-> 镇化)')) AS nested,
       plandata_zh_compact(''::tsquery) AS empty;

-- matching: exactly the texts that contain the phrase
CREATE TEMP TABLE ft (id int, body text);
INSERT INTO ft VALUES
  (1, '到2025年，全市常住人口城鎮化率达到76%。'),
  (2, '城镇建设提速，化率另计。'),        -- the bigrams, but apart
  (3, '城镇，镇化，化率'),                -- every bigram, in separate runs
  (4, '推进新型城镇化，提高城镇化率'),
  (5, '深化户籍制度改革'),
  (6, '到2025 年，城镇'),                  -- a space between number and 年
  (7, '建设“无废城市”'),
  (8, '5G基站、１２３４５热线、GDP');
SELECT q, array_agg(id ORDER BY id) AS ids
FROM (VALUES ('城镇化率'), ('城鎮化率'), ('城镇化'), ('城镇'), ('镇'), ('率'), ('2025年'), ('76%'),
             ('无废城市'), ('無廢城市'), ('5G基站'), ('5g'), ('12345'), ('gdp'), ('化率'), ('。')) v(q)
LEFT JOIN ft ON to_tsvector('plandata_zh', ft.body) @@ websearch_to_tsquery('plandata_zh', q)
GROUP BY q ORDER BY q;
-- the same through phraseto_tsquery and to_tsquery
SELECT count(*) FILTER (WHERE to_tsvector('plandata_zh', body) @@ phraseto_tsquery('plandata_zh', '城镇化率')) AS phraseto,
       count(*) FILTER (WHERE to_tsvector('plandata_zh', body) @@ to_tsquery('plandata_zh', '城镇化率')) AS to_tsquery,
       count(*) FILTER (WHERE to_tsvector('plandata_zh', body) @@ plainto_tsquery('plandata_zh', '城镇化率')) AS plainto,
       count(*) FILTER (WHERE to_tsvector('plandata_zh', body) @@ plandata_zh_compact(phraseto_tsquery('plandata_zh', '城镇化率'))) AS compact
FROM ft;
-- a brute-force scan agrees on every phrase here
SELECT q FROM (VALUES ('城镇化率'), ('城镇化'), ('城镇'), ('镇'), ('2025年'), ('76%'), ('无废城市'), ('5G基站'), ('，')) v(q)
WHERE (SELECT array_agg(id ORDER BY id) FROM ft WHERE to_tsvector('plandata_zh', body) @@ websearch_to_tsquery('plandata_zh', q))
      IS DISTINCT FROM
      (SELECT array_agg(id ORDER BY id) FROM ft WHERE position(lower(plan_fold(q)) IN lower(plan_fold(body))) > 0);

-- ranking works: the text with the phrase twice ranks first
SELECT id, round(ts_rank(to_tsvector('plandata_zh', body), websearch_to_tsquery('plandata_zh', '城镇'))::numeric, 4) AS rank
FROM ft WHERE to_tsvector('plandata_zh', body) @@ websearch_to_tsquery('plandata_zh', '城镇') ORDER BY 2 DESC, 1;

-- headlines mark the phrase in the script and width it was printed in
SELECT ts_headline('plandata_zh', '到２０２５年，全市常住人口城鎮化率達到76%，城镇建设提速。',
                   websearch_to_tsquery('plandata_zh', '城镇化率'));
SELECT ts_headline('plandata_zh', '到２０２５年，全市常住人口城鎮化率達到76%。', websearch_to_tsquery('plandata_zh', '2025年'));
SELECT ts_headline('plandata_zh', '城镇化，城市，镇', websearch_to_tsquery('plandata_zh', '镇'));
SELECT ts_headline('plandata_zh', '推进GDP增长，ＧＤＰ', websearch_to_tsquery('plandata_zh', 'gdp'));
SELECT ts_headline('plandata_zh', '一、总体要求。到2025年，全市常住人口城镇化率达到76%。',
                   websearch_to_tsquery('plandata_zh', '城镇化率'), 'StartSel=【, StopSel=】, HighlightAll=true');
SELECT ts_headline('plandata_zh', '没有匹配的文字', websearch_to_tsquery('plandata_zh', '城镇'));

-- odd input: empty, only punctuation, blanks, mojibake, invalid options
SELECT to_tsvector('plandata_zh', '') AS empty, to_tsvector('plandata_zh', '，。、！？……') AS punct,
       to_tsvector('plandata_zh', E' \t\n　') AS blanks;
SELECT websearch_to_tsquery('plandata_zh', '') AS empty, websearch_to_tsquery('plandata_zh', '   ') AS blanks,
       phraseto_tsquery('plandata_zh', '，。') AS punct;
SELECT to_tsvector('plandata_zh', convert_from(convert_to('城镇化率', 'UTF8'), 'LATIN1')) AS mojibake;
SELECT ts_headline('plandata_zh', '', websearch_to_tsquery('plandata_zh', '城镇')) AS empty_headline;
CREATE TEXT SEARCH DICTIONARY pg_temp.bad (TEMPLATE = plandata_zh_fold, stopwords = 'x');

-- a megabyte of one character: bounded work and memory
SELECT length(to_tsvector('plandata_zh', repeat('城', 350000))::text) AS one_char,
       length(to_tsvector('plandata_zh', repeat('a', 1000000))::text) AS one_letter,
       length(to_tsvector('plandata_zh', repeat('，', 350000))::text) AS one_mark,
       length(to_tsvector('plandata_zh', repeat(' ', 1000000))::text) AS blanks;
SELECT to_tsvector('plandata_zh', repeat('城', 350000)) @@ websearch_to_tsquery('plandata_zh', '城城城') AS found,
       length(ts_headline('plandata_zh', repeat('城', 350000), websearch_to_tsquery('plandata_zh', '城'))) AS headline;

-- the parser checks for interrupts between tokens: a timeout stops it
SET statement_timeout = '100ms';
SELECT length(to_tsvector('plandata_zh', repeat('城镇化', 3000000))::text);
RESET statement_timeout;

-- stored plans: the generated tsv column, the GIN index, plan_search
SELECT plan_ingest(E'重庆市推进新型城镇化实施方案\n一、总体目标\n到2025年，全市常住人口城鎮化率达到76%。\n二、重点任务\n（一）深化户籍制度改革。放宽城镇落户条件。\n（二）建设“无废城市”。推进5G基站建设。\n', 'fts_test') IS NOT NULL AS ingested;
SELECT code, heading, snippet, rank > 0 AS ranked FROM plan_search('城镇化率');
SELECT code, snippet FROM plan_search('城镇') ORDER BY code;
SELECT code, snippet FROM plan_search('戶籍制度改革');
SELECT code, snippet FROM plan_search('"无废城市" or 5G');
SELECT count(*) FROM plan_search('不存在的短语');
SELECT count(*) FROM plan_search(NULL);
SELECT count(*) AS tasks, count(*) FILTER (WHERE t.tsv = to_tsvector('plandata_zh', t.body)) AS indexed
FROM plan_task t JOIN plan_document d ON d.id = t.document_id WHERE d.source = 'fts_test';
SELECT code, heading FROM plan_task_search
WHERE tsv @@ websearch_to_tsquery('plandata_zh', '城鎮化率') AND document_title IS NOT NULL;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT code FROM plan_search('城镇化率');
RESET enable_seqscan;
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel, p.proretset
FROM pg_proc p WHERE p.proname IN ('plan_search') OR p.proname LIKE 'plandata_zh%' ORDER BY 1;
DELETE FROM plan_document WHERE source = 'fts_test';
