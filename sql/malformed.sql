--
-- A catalogue of malformed literals across every plandata type: each must
-- fail with SQLSTATE 22P02 (22003 for a well-formed value out of range) and
-- a message naming the type — never a crash, never a value.
--
CREATE TEMP TABLE malformed (typ text, lit text, want text DEFAULT '22P02');

-- taskcode
INSERT INTO malformed (typ, lit) SELECT 'taskcode', x FROM unnest(ARRAY[
  '', ' ', '　', '.', '..', '1..2', '.1', '1.', '1.2.', '-1', '+1', '0', '00', '1.0', '0.1', '零', '〇',
  '1.2.3.4.5.6.7', '一.二.三.四.五.六.七', '1000', '1.1000', '一千', '99999999999999999999',
  '四（十五', '（十五', '(十五', '十五）', '（）', '()', '（一）（', '四（十五）)', '四15', '4 15', '4十五',
  '十十', '百', '一百百', '二三十', '一百零', '第三', '第三章章', '第章', 'abc', '4a', 'a4', '4.a',
  '1、、', '、', '1、.2', '①①①①①①①', '1.2.3.4.5.6.①', '1,2', '1;2', '1/2', '1:2', '1_2', '1 . 2',
  '４．', '．４', '1﹒', 'Ⅰ.Ⅱ.Ⅲ.Ⅳ.Ⅴ.Ⅵ.Ⅶ', '（1000）', '第一千章', E'1\n2', E'1\t.2', '1.2.3.4.5.6.7.8.9',
  '"1"', '''1''', '[1]', '{1}', '<1>', '#1', '1#', '%', '1e3', '0x10', '1.5e2', 'NULL', 'null', 'NaN',
  'infinity', '∞', '一.', '.一', '一..二', '（一）.', '四、、', '四、.', '①.', '.①', '¹', '₁', '١', '१'
]) AS x;

-- docno
INSERT INTO malformed (typ, lit) SELECT 'docno', x FROM unnest(ARRAY[
  '', ' ', '号', '〔2025〕4号', '渝府发', '渝府发〔2025〕', '渝府发〔2025〕号', '渝府发〔2025〕0号',
  '渝府发〔25〕4号', '渝府发〔20255〕4号', '渝府发〔2025 4号', '渝府发2025〕4号', '渝府发〔〕4号',
  '渝府发〔abcd〕4号', '渝府发〔2025〕a号', '渝府发〔2025〕-4号', '渝府发〔2025〕4.5号', '渝府发〔2025〕4号号',
  'ABC〔2025〕4号', '渝府1发〔2025〕4号', '渝府发！〔2025〕4号', '一二三四五六七八九十一二三四五六七〔2025〕4号',
  '渝府发〔2025〕4号x', 'x渝府发〔2025〕4号', '渝府发〔2025〕〔2025〕4号', '渝府发((2025))4号', '渝府发〔2O25〕4号',
  '渝府发〔2025〕第号', '渝府发〔2025〕第0号', '渝府发〔〇二五〕4号', '渝府发〔2025〕4 5号',
  '渝府发〔2025〕4号〔2025〕', '渝府发[2025]', '渝府发（2025）', '2025', '4号', '〔〕', '[]', '渝府发〔-2025〕4号',
  '渝府发〔+2025〕4号', '渝府发〔2025.0〕4号', '渝 府 发 〔 2025 〕'
]) AS x;
INSERT INTO malformed (typ, lit, want) SELECT 'docno', x, '22003' FROM unnest(ARRAY[
  '渝府发〔1900〕4号', '渝府发〔2101〕4号', '渝府发〔9999〕4号', '渝府发〔1000〕4号', '渝府发〔2025〕1000000号',
  '渝府发〔2025〕9999999号'
]) AS x;

-- respunit (stray punctuation at the ends is dropped by design: 市公安局： is 市公安局)
INSERT INTO malformed (typ, lit) SELECT 'respunit', x FROM unnest(ARRAY[
  '', ' ', '　', '。', '、', '、、', '，', '；', '：', '（）', '()', '【】', '123', '１２３', '@#$', '...', '——',
  '等', '等部门', '等有关部门', '等单位', '（等）', '市公安局、市教委', '市公安局，市教委', '市公安局;市教委',
  '责任单位：市公安局', '市（公安局', E'市公安\u0001局',
  E'\u0007', repeat('很', 200), '"', '""', '・', '—'
]) AS x;

-- target
INSERT INTO malformed (typ, lit) SELECT 'target', x FROM unnest(ARRAY[
  '', ' ', 'abc', '达到', '以上', '左右', '>=', '>=%', '<=', '~', '=', '%', '个', '[', '[]', '[2,3',
  '[3,2]个', '[2,]个', '[,3]个', '2,3]个', '2—', '—3个', '1e999%', '1e3%', '0x10%', '.%', '1..2%', '1.2.3%',
  '>=>=76%', '><76%', '约', '力争', '年均增长', '提高个百分点', '--5%', '+-5%', '不低于', '控制在以内',
  'NaN%', 'Infinity%'
]) AS x;
-- target: units that are not units (README, the target type's unit grammar): % and ‰ only as
-- the whole unit, no unit of only punctuation, symbols or digits, no stray character in a word
CREATE TEMP TABLE bad_units AS SELECT lit, n FROM unnest(ARRAY[
  '76%%', '>=5%%以上', '[2,3]%%', '5%个%', '5个%', '5%个', '5%G', '5‰‰', '5%‰', '增长7%%/年', '不低于5%%',
  '5··', '5·', '5①', '5²', '5١٢', '5★', '5×', '5吨·', '5·吨', '5m²²', '5万°', '5°c', '5微克/立方米个',
  '76％％', '７６%%'
]) WITH ORDINALITY AS x(lit, n);
INSERT INTO malformed (typ, lit) SELECT 'target', lit FROM bad_units;
INSERT INTO malformed (typ, lit, want) SELECT 'target', x, '22003' FROM unnest(ARRAY[
  '99999999999999999999999999999万亿元', '1' || repeat('0', 60) || '%'
]) AS x;

CREATE FUNCTION pg_temp.try_literal(typ text, lit text, OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT %L::%s', lit, typ);
  state := 'accepted';
EXCEPTION WHEN others THEN
  state := SQLSTATE;
  message := SQLERRM;
END $$;

CREATE TEMP TABLE tried AS
SELECT m.*, t.state, t.message FROM malformed m, pg_temp.try_literal(m.typ, m.lit) t;

-- per type: every literal rejected with the right SQLSTATE and a message naming the type
SELECT typ, count(*) AS literals,
       count(*) FILTER (WHERE state = want) AS right_sqlstate,
       count(*) FILTER (WHERE message LIKE '% for type ' || typ || ': %') AS names_type
FROM tried GROUP BY typ ORDER BY typ;
SELECT count(*) >= 200 AS at_least_200 FROM tried;
-- anything that went otherwise, with what happened
SELECT typ, lit, want, state, message FROM tried
WHERE state <> want OR message NOT LIKE '% for type ' || typ || ': %' ORDER BY typ, lit;

-- the unit literals: each detail names the unit
CREATE FUNCTION pg_temp.target_detail(lit text, OUT state text, OUT detail text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lit::target;
  state := 'accepted';
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL;
END $$;
SELECT b.lit, d.state, d.detail FROM bad_units b, pg_temp.target_detail(b.lit) d ORDER BY b.n;
