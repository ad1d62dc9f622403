--
-- deadlines: plan_deadlines(doc) and deadline_extract(text [, year]), every
-- form of deadline a plan prints, how each resolves to a date range, which
-- dates are not deadlines, the document's own year, task-division tables
-- and inheritance.  Documents written by us (test/docs/deadlines_style*.txt).
--
\set simp `cat test/docs/deadlines_style.txt`
\set trad `cat test/docs/deadlines_style_trad.txt`

-- by: year end, month end, a day, a quarter's end, 年内/年底前 of the document's year, 前/内/以前
SELECT due, kind, raw FROM deadline_extract(
  '2025年底前完成改造；2024年6月底前出台方案；2025年12月31日前建成；2025年第三季度末前整治；'
  '年内完成；年底前上报；6月底前报送；第三季度末前验收；2026年前基本完成；2025年内建成；2024年9月30日以前完成；'
  '2024年6月中旬前报送；明年底前完成。', 2024);

-- during: a range of years (every dash), a half, a quarter, months, 期间
SELECT due, kind, raw FROM deadline_extract(
  '2024—2026年实施；2024-2026年；2024～2026年；2024–2026年；2024年至2026年；2025年上半年启动；下半年推开；'
  '2025年第二季度开展；2024年1月至6月整合；2024—2025年期间完成。', 2024);

-- from, annual, ongoing
SELECT due, kind, raw FROM deadline_extract(
  '2024年起实施；自2024年7月1日起推行；从今年起推行；每年开展评估；每季度末前报送；每月通报一次；每年6月底前报送；'
  '隐患台账实行销号管理，长期坚持；（持续推进）；常态化开展；按季度报送进展。', 2024);

-- Chinese numerals, full-width digits, Traditional script and every dash give the same ranges
SELECT a.due = b.due AND a.kind = b.kind AS same, a.raw, b.raw
FROM deadline_extract('2025年底前；2025年12月31日前；2025年第三季度末前；2024—2026年；2025年上半年；年内；2024年起；长期坚持。', 2024)
     WITH ORDINALITY a
FULL JOIN deadline_extract('二〇二五年底前；二○二五年十二月三十一日前；２０２５年第三季度末前；二〇二四～二〇二六年；'
                           '二〇二五年上半年；年內；二〇二四年起；長期堅持。', 2024) WITH ORDINALITY b USING (ordinality);

-- not deadlines: a year alone, the past (截至, 已, 以来, before the document's year), a target's year,
-- a cited title, 每年 of a target, 持续推进 as a verb, relative years without a year to resolve them
SELECT due, kind, raw FROM deadline_extract(
  '2023年，全市已完成改造320个。截至2023年底，累计建成口袋公园85个。2022年底前已完成雨污分流改造。'
  '2020年以来，全市城镇化率稳步提升。2019年底前完成清理。到2025年，城镇化率达到76%。到2025年底，城镇新增就业累计达到65万人。'
  '按照《江城市国土空间总体规划（2021—2035年）》要求推进。城镇新增就业人数每年稳定在65万人。持续推进城市更新。'
  '2025年城镇化率提高到72%。比2020年底下降13.5%。本办法自2024年7月1日起施行。监管全覆盖、常态化。'
  '每月1000元的标准定额扣除。每人每年只享受一次。每年可实现经济效益4200万元。5月3日内蒙古发生地震。自2023年7月起，村民多次反映。'
  '从现在到2026年，将是关键时期。至2026年达到2000名的规模。按月发放补贴。', 2024);
SELECT count(*) AS relative_without_year FROM deadline_extract('年内完成；年底前上报；下半年推开；6月底前报送；今年起实施。');

-- a governing year is a deadline when its sentence states no target
SELECT due, kind, raw FROM deadline_extract('到2027年，基本形成城乡融合发展格局。到2025年底，完成全部改造任务。', 2024);

-- the document: every row, with the code of the item that states it; 2.1.2 inherits from 2.1
SELECT part, code, due, kind, inherited, raw FROM plan_deadlines(:'simp');

-- Traditional gives the same rows
SELECT count(*) AS rows,
       bool_and(s.code = t.code AND s.due = t.due AND s.kind = t.kind AND s.inherited = t.inherited
                AND s.ord = t.ord AND s.start_offset = t.start_offset) AS same
FROM plan_deadlines(:'simp') WITH ORDINALITY s FULL JOIN plan_deadlines(:'trad') WITH ORDINALITY t USING (ordinality);

-- raw is the text as printed at its offsets
SELECT bool_and(substr(:'trad', start_offset + 1, end_offset - start_offset) = raw) AS offsets_match
FROM plan_deadlines(:'trad');

-- inheritance: the children that state none get their nearest ancestor's deadlines, grandchildren too
SELECT code, due, kind, inherited, raw FROM plan_deadlines(
'一、重点任务
（一）推进城市更新。2025年底前完成老旧小区改造。
1．开展试点。选择三个片区先行先试。
（1）编制方案。明确改造内容。
2．完善机制。2024年6月底前出台配套政策。
（1）建立台账。实行清单管理。
（二）加强保障。强化资金和用地保障。
二、组织实施（2024—2026年）
（一）加强领导。建立工作专班。');

-- the document's year for 年内: its date of issue, else its 发文字号, else the one year in its title
SELECT 'issued' AS source, due, raw FROM plan_deadlines(
'关于印发某县工作方案的通知
某府发〔2023〕5号
某县人民政府
2024年1月5日
一、重点任务
（一）完善制度。年内完成制度修订。')
UNION ALL
SELECT 'docno', due, raw FROM plan_deadlines(
'关于印发某县工作方案的通知
某府发〔2023〕5号
一、重点任务
（一）完善制度。年内完成制度修订。')
UNION ALL
SELECT 'title', due, raw FROM plan_deadlines(
'某区民生实事工作方案（2024年）
一、重点任务
（一）完善制度。年内完成制度修订。')
UNION ALL
SELECT 'title with a period', due, raw FROM plan_deadlines(
'某区城市更新三年行动方案（2024—2026年）
一、重点任务
（一）完善制度。年内完成制度修订，2025年底前全面推开。')
UNION ALL
SELECT 'none', due, raw FROM plan_deadlines(
'一、重点任务
（一）完善制度。年内完成制度修订，上半年启动。');

-- a task-division table with | separators and a 时间节点 column
SELECT part, code, due, kind, raw FROM plan_deadlines(
'江城市2024年民生实事工作方案
一、工作任务
（一）办好民生实事。按照分工表推进。
附件
| 序号 | 工作任务 | 牵头单位 | 时间节点 |
| 1 | 新建社区食堂 | 市民政局 | 2024年10月 |
| 2 | 改造城市道路 | 市城市管理局 | 持续推进 |
| 3 | 建设口袋公园 | 市园林局 | 第三季度 |
| 4 | 开展职业技能培训 | 市人力社保局 | 年内 |');

-- ... and printed one cell per line, as copied from a web page
SELECT part, code, due, kind, raw FROM plan_deadlines(
E'江城市2024年民生实事工作方案\n一、工作任务\n（一）办好民生实事。按照分工表推进。\n附件\n序号\n工作任务\n牵头单位\n完成时限\n1\n新建社区食堂\n市民政局\n2024年10月底前\n2\n改造城市道路\n市城市管理局\n长期坚持\n');

-- 年初 (the first quarter) and 年中 (by the end of June), not 初步 or 中国
SELECT due, kind, raw FROM deadline_extract('2025年年中前完成。2025年初，启动试点。确保年中前完成。2025年中国经济。2026年初步建成。', 2024);

-- a label in running text
SELECT due, kind, raw FROM deadline_extract('建立联席会议制度（完成时限：2024年12月）。时间节点：持续推进。进度安排：2025年。', 2024);

-- no deadline, no row; STRICT; never fails on content
SELECT count(*) FROM plan_deadlines('');
SELECT count(*) FROM plan_deadlines(NULL);
SELECT count(*) FROM deadline_extract(repeat('年内9999年底前每年二〇〇年—', 2000), 2024);
SELECT count(*) FROM deadline_extract(E'\\xff\\xfe年底前'::text, 2024);

-- months of one year, and a range whose second date has no year
SELECT due, kind, raw FROM deadline_extract('1997年4―6月，由社会团体自查；2019年1月1日至12月31日，对困难人员给予补贴。');

-- a time limit counted from the document's own issue (its date of issue): 印发之日起30日内, 3个月内;
-- from another event (受理申请之日起) or in working days it cannot be resolved and gives no row
SELECT code, due, kind, raw FROM plan_deadlines(
'关于印发某市方案的通知
某府发〔2024〕3号
某市人民政府
2024年3月15日
一、重点任务
（一）完善制度。各区县要在本意见印发之日起30日内制定实施细则，印发之日起3个月内完成清理，自受理申请之日起20日内作出决定，执法决定作出之日起7个工作日内公开。');
SELECT count(*) AS without_a_date_of_issue FROM deadline_extract('各区县要在本意见印发之日起30日内制定实施细则。', 2024);
