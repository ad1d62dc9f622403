--
-- docno: 发文字号 (document numbers) and plan_docnos()
--
\pset null '∅'

-- every printed variant, canonical output
SELECT lit, lit::docno AS docno
FROM (VALUES ('渝府发〔2025〕4号'), ('渝府發〔2025〕4號'), ('渝府发[2025]4号'), ('渝府发（2025）4号'),
             ('渝府发［2025］4号'), ('渝府发(2025)4号'), ('渝府发【2025】4号'), ('渝府发〖2025〗4号'),
             ('渝府发﹝2025﹞4号'), ('渝府发〔２０２５〕４号'), ('渝府发〔2025〕第4号'), ('渝府发〔2025〕4'),
             (E' \t渝府发〔2025〕4号\n'), ('　渝府发〔2025〕4号　'), ('渝府发 〔 2025 〕 第 4 号'),
             ('渝府发〔2025〕04号'), ('國辦發〔2023〕第５號'), ('国发〔2024〕17号'), ('皖政〔2021〕82号'),
             ('鲁政字[2023]107号'), ('济政发〔2021〕9号'), ('青政办字〔2024〕12号'), ('渝府办发〔2025〕100号'),
             ('国发〔1949〕1号'), ('国发〔2100〕999999号')) AS v(lit);

-- Traditional and Simplified, any brackets: the same number
SELECT '渝府發〔2025〕4號'::docno = '渝府发〔2025〕4号' AS trad,
       '渝府发[2025]4号'::docno = '渝府发（2025）第４号' AS brackets,
       '渝府发〔2025〕4号'::docno = '渝府发〔2025〕5号' AS other_serial,
       '渝府发〔2025〕4号'::docno <> '渝府办发〔2025〕4号' AS other_issuer;

-- malformed literals: SQLSTATE 22P02 with a detail naming the problem
SELECT ''::docno;
SELECT '渝府发'::docno;
SELECT '渝府发〔'::docno;
SELECT '渝府发〔〕4号'::docno;
SELECT '渝府发〔25〕4号'::docno;
SELECT '渝府发〔20250〕4号'::docno;
SELECT '渝府发〔2025'::docno;
SELECT '渝府发〔2025年〕4号'::docno;
SELECT '渝府发〔2025〕'::docno;
SELECT '渝府发〔2025〕号'::docno;
SELECT '渝府发〔2025〕0号'::docno;
SELECT '渝府发〔2025〕4号x'::docno;
SELECT '渝府发〔2025〕4-1号'::docno;
SELECT '〔2025〕4号'::docno;
SELECT '2025渝府发〔2025〕4号'::docno;
SELECT '渝2府发〔2025〕4号'::docno;
SELECT '渝府发2025年4号'::docno;
SELECT '渝府·发〔2025〕4号'::docno;
SELECT 'GB发〔2025〕4号'::docno;
SELECT '渝府 发〔2025〕4号'::docno;
SELECT '一二三四五六七八九十一二三四五六七〔2020〕1号'::docno;
\echo :LAST_ERROR_SQLSTATE
-- well-formed but out of range: SQLSTATE 22003
SELECT '渝府发〔1948〕4号'::docno;
\echo :LAST_ERROR_SQLSTATE
SELECT '渝府发〔2101〕4号'::docno;
SELECT '渝府发〔2025〕1000000号'::docno;
\echo :LAST_ERROR_SQLSTATE
-- the text cast reports the same way
SELECT 'x'::text::docno;
\echo :LAST_ERROR_SQLSTATE

-- parts: accessors and the constructor
SELECT d, docno_issuer(d) AS issuer, docno_year(d) AS year, docno_serial(d) AS serial
FROM unnest('{渝府發〔2025〕4號,国发[2024]17号,國辦發明電（2020）第6號}'::docno[]) AS d;
SELECT docno('渝府發', 2025, 4) AS made, docno('渝府發', 2025, 4) = '渝府发〔2025〕4号' AS same;
SELECT docno('', 2025, 4);
SELECT docno('渝府发 ', 2025, 4);
SELECT docno('渝府发', 1900, 4);
\echo :LAST_ERROR_SQLSTATE
SELECT docno('渝府发', 2025, 0);
\echo :LAST_ERROR_SQLSTATE

-- ordering: issuer (byte order of the Simplified UTF-8), then year, then serial
SELECT d, docno_cmp(d, '国发〔2024〕17号') AS cmp
FROM unnest('{国发〔2024〕17号,国发〔2024〕2号,国发〔2023〕99号,国办发〔2000〕1号,国发明电〔1950〕1号,渝府发〔2025〕4号,渝府办发〔2025〕4号,國發〔2024〕3號}'::docno[]) AS d
ORDER BY d;
SELECT '国发〔2024〕2号'::docno < '国发〔2024〕17号' AS serial_numeric,
       '国发〔2023〕99号'::docno < '国发〔2024〕1号' AS year_first,
       '国发〔2099〕9号'::docno < '国发明电〔1950〕1号' AS prefix_first,
       '国发〔2024〕17号'::docno >= '國發〔2024〕17號' AS ge, '国发〔2024〕17号'::docno <= '國發〔2024〕17號' AS le,
       '国发〔2024〕17号'::docno > '国发〔2024〕17号' AS gt;

-- casts to and from text are explicit
SELECT '渝府發〔2025〕4號'::text::docno AS from_text, ('渝府发〔2025〕4号'::docno)::text || '!' AS to_text;
SELECT pg_typeof('渝府发〔2025〕4号'::docno::text);

-- storage: issuer bytes + 6, 1-byte header on disk
SELECT typlen, typbyval, typalign, typstorage FROM pg_type WHERE typname = 'docno';
CREATE TEMP TABLE dn_size (d docno);
INSERT INTO dn_size VALUES ('渝府发〔2025〕4号'), ('国发〔2024〕17号');
SELECT d, pg_column_size(d) AS bytes, octet_length(d::text) AS text_bytes FROM dn_size;
DROP TABLE dn_size;

-- binary send/recv: COPY BINARY round trip
CREATE TEMP TABLE dn_copy (d docno);
INSERT INTO dn_copy
SELECT docno(issuer, 2000 + i % 25, i)
FROM unnest('{国发,国办发,渝府发,渝府办发,皖政,鲁政字,济政发,青政办字}'::text[]) AS issuer,
     generate_series(1, 50) AS i;
COPY dn_copy TO '/tmp/plandata_regress_docno.bin' WITH (FORMAT binary);
CREATE TEMP TABLE dn_copy2 (d docno);
COPY dn_copy2 FROM '/tmp/plandata_regress_docno.bin' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.d = b.d) AS equal
FROM dn_copy a FULL JOIN dn_copy2 b ON a.d = b.d;
SELECT docno_send('渝府發〔2025〕4號');

-- hash opclass: hash joins, hash indexes, hash partitioning
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dn_copy a JOIN dn_copy2 b ON a.d = b.d;
SELECT count(*) FROM dn_copy a JOIN dn_copy2 b ON a.d = b.d;
RESET enable_mergejoin;
RESET enable_nestloop;
CREATE TEMP TABLE dn_hash (d docno);
CREATE INDEX ON dn_hash USING hash (d);
INSERT INTO dn_hash SELECT d FROM dn_copy;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM dn_hash WHERE d = '國辦發〔2003〕3號';
SELECT * FROM dn_hash WHERE d = '國辦發〔2003〕3號';
RESET enable_seqscan;
CREATE TABLE dn_part (d docno, note text) PARTITION BY HASH (d);
CREATE TABLE dn_part_0 PARTITION OF dn_part FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE dn_part_1 PARTITION OF dn_part FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO dn_part SELECT d, d::text FROM dn_copy;
SELECT (SELECT count(*) FROM dn_part_0) > 0 AS p0, (SELECT count(*) FROM dn_part_1) > 0 AS p1,
       (SELECT count(*) FROM dn_part) AS total;
EXPLAIN (COSTS OFF) SELECT * FROM dn_part WHERE d = '渝府发〔2004〕4号';
SELECT count(*) FROM dn_part WHERE d = '渝府發〔2004〕4號';
DROP TABLE dn_part;

-- btree: index scans, range scans, merge joins, DISTINCT
CREATE INDEX dn_copy_d ON dn_copy (d);
ANALYZE dn_copy;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT d FROM dn_copy WHERE d >= '渝府发〔2010〕1号' AND d < '渝府发〔2011〕1号';
SELECT d FROM dn_copy WHERE d >= '渝府发〔2010〕1号' AND d < '渝府发〔2011〕1号' ORDER BY d;
RESET enable_seqscan;
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dn_copy a JOIN dn_copy2 b ON a.d = b.d;
SELECT count(*) FROM dn_copy a JOIN dn_copy2 b ON a.d = b.d;
RESET enable_hashjoin;
RESET enable_nestloop;
-- sort order agrees with (issuer bytes, year, serial)
SELECT count(*) AS mismatches FROM (
  SELECT row_number() OVER (ORDER BY d) AS r1,
         row_number() OVER (ORDER BY convert_to(docno_issuer(d), 'UTF8'), docno_year(d), docno_serial(d)) AS r2
  FROM dn_copy) s
WHERE r1 <> r2;
SELECT count(DISTINCT d) FROM (SELECT d FROM dn_copy UNION ALL SELECT d FROM dn_copy2) s;

--
-- plan_docnos: the document's own number (self) and the ones it cites
--

-- a notice in the Chongqing style: own number on its own line; citations in
-- 《…》（…） and in running text; the body begins at 一、
CREATE TEMP TABLE dn_doc (name text, body text);
INSERT INTO dn_doc VALUES ('notice', $doc$重庆市人民政府
关于印发重庆市推进数字乡村建设三年行动方案（2025—2027年）的通知
渝府发〔2025〕4号

各区县（自治县）人民政府，市政府各部门，有关单位：
　　现将《重庆市推进数字乡村建设三年行动方案（2025—2027年）》印发给你们，请认真贯彻执行。

重庆市人民政府
2025年3月6日
（此件公开发布）

重庆市推进数字乡村建设三年行动方案（2025—2027年）

　　为深入贯彻《国务院关于印发〈数字乡村发展行动计划〉的通知》（国发〔2024〕17号）和《重庆市人民政府办公厅关于加快农业农村信息化的意见》（渝府办发〔2023〕58号）精神，结合我市实际，制定本方案。
一、总体要求
　　到2027年，全市行政村5G网络通达率达到95%以上。
二、重点任务
（一）完善乡村信息基础设施。按照国发〔2024〕17号文件要求，推进千兆光网向乡村延伸。（责任单位：市通信管理局、市经济信息委）
$doc$);

-- the same notice as a news page in Traditional script: a lead that cites the
-- number inline, then 原文件如下
INSERT INTO dn_doc VALUES ('traditional', $doc$近日，市政府印發《重慶市推進數字鄉村建設三年行動方案（2025—2027年）》（渝府發〔2025〕4號），明確到2027年全市行政村5G網絡通達率達到95%以上。
原文件如下：
重慶市人民政府關於印發重慶市推進數字鄉村建設三年行動方案（2025—2027年）的通知
　　渝府發〔2025〕4號
各區縣（自治縣）人民政府，市政府各部門，有關單位：
　　現將《重慶市推進數字鄉村建設三年行動方案（2025—2027年）》印發給你們，請認真貫徹執行。
一、總體要求
　　依據國發〔2024〕17號文件，到2027年……
$doc$);

-- a provincial notice from a portal page: metadata table with a 发文字号 label,
-- [] brackets throughout
INSERT INTO dn_doc VALUES ('brackets', $doc$索 引 号：11370000004252920N/2023-00107
发文机关：山东省人民政府
发文字号：鲁政字[2023]107号
成文日期：2023年06月12日
山东省人民政府关于印发山东省新一代信息技术产业发展实施方案的通知
鲁政字[2023]107号
各市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：
　　现将《山东省新一代信息技术产业发展实施方案》印发给你们，请认真组织实施。
一、总体要求
　　为落实《山东省人民政府关于印发山东省数字经济发展规划的通知》（鲁政发[2022]3号）和济政发[2021]9号、青政办字[2024]12号等文件部署，到2025年……
$doc$);

-- a State Council opinion: the number in brackets under the title
INSERT INTO dn_doc VALUES ('opinion', $doc$国务院关于加快推进农业机械化发展的指导意见
（国发〔2018〕42号）
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　农业机械化是转变农业发展方式的重要基础。根据《国务院关于印发全国农业现代化规划（2016—2020年）的通知》（国发〔2016〕58号）……
一、总体要求
$doc$);

-- a plan without any number; bracketed years are not numbers
INSERT INTO dn_doc VALUES ('none', $doc$某某市数字经济发展行动计划（2024—2026年）
一、总体要求
（一）发展目标。到2026年，数字经济核心产业增加值占比达到12%（2023年为9.1%），建成5G基站2.5万个。
（二）重点任务。实施“十大工程”（2024）3项试点。
$doc$);

SELECT name, p.*
FROM dn_doc, plan_docnos(body) AS p
ORDER BY name, start_offset;
-- every offset points at the raw text (0-based, in characters)
SELECT count(*) AS rows,
       count(*) FILTER (WHERE substr(body, start_offset + 1, end_offset - start_offset) = raw) AS offsets_ok
FROM dn_doc, plan_docnos(body);
-- at most one own number per document
SELECT name, (SELECT docno FROM plan_docnos(body) WHERE role = 'self') AS own
FROM dn_doc ORDER BY name;
-- citations across documents, by number
SELECT p.docno, string_agg(name, ', ' ORDER BY name) AS cited_by
FROM dn_doc, plan_docnos(body) AS p WHERE p.role = 'cites'
GROUP BY p.docno ORDER BY p.docno;
-- empty and junk input
SELECT * FROM plan_docnos('');
SELECT * FROM plan_docnos(repeat('〔2024〕号（（[[２０２', 1000));
-- a large text: every mention counted, one row
SELECT docno, role, occurrences
FROM plan_docnos(repeat('按照国发〔2024〕17号文件要求推进。', 200000));
DROP TABLE dn_doc;

-- the functions are marked as the contract says
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel, p.proretset
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'plandata'
WHERE p.proname LIKE 'docno%' OR p.proname = 'plan_docnos'
   OR (p.proname = 'text' AND p.proargtypes[0] = 'docno'::regtype)
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1;
DROP TABLE dn_copy, dn_copy2, dn_hash;
