--
-- plan_targets: every quantitative target of a document, with the code of
-- the item that states it.  Documents written by us in the styles of real
-- plans (test/docs); the Chongqing-style plan in both scripts.
--
\set cq_trad `cat test/docs/cq_style_trad.txt`
\set cq_simp `cat test/docs/cq_style_simp.txt`
\set policy `cat test/docs/targets_policy_style.txt`
\set ngit `cat test/docs/targets_ngit_style.txt`
\set ai `cat test/docs/targets_ai_style.txt`
\set none `cat test/docs/targets_none_style.txt`
\set guofa `cat test/docs/guofa_style.txt`
\set four `cat test/docs/four_level_style.txt`

-- Chongqing style (Traditional): the five targets of the plan, and the
-- annual training count its 2.3 adds; the news lead before 原文件如下, the
-- 15-minute and 1-hour circles, 再延长30年 and 15个区县 are not targets
SELECT code, target, indicator, year, period, aspirational, raw FROM plan_targets(:'cq_trad');
-- Simplified and Traditional give the same targets
SELECT count(*) AS targets, bool_and(t.code = s.code AND t.target = s.target AND t.period IS NOT DISTINCT FROM s.period)
       AS same
FROM plan_targets(:'cq_trad') WITH ORDINALITY t JOIN plan_targets(:'cq_simp') WITH ORDINALITY s USING (ordinality);

-- two attached texts: subsidy parameters are not targets; 专栏 boxes count for the item they follow
SELECT part, code, target, indicator, year, period, aspirational AS asp, raw FROM plan_targets(:'policy');

-- 到2026年年底 governs the whole paragraph; 力争到2026年 in each field; annual items
SELECT code, target, indicator, year, period, aspirational AS asp, raw FROM plan_targets(:'ngit');

-- '——' bullets under 总体要求 governed by the 到2027年 before them
SELECT code, target, indicator, year, period, raw FROM plan_targets(:'ai');

-- 到2025年 / 到2030年 blocks, 均 and 分别
SELECT code, target, indicator, year, period, raw FROM plan_targets(:'guofa');

-- four levels; ranks and qualifiers are not targets
SELECT code, target, indicator, year, period, raw FROM plan_targets(:'four');

-- a document without targets gives none
SELECT count(*) AS targets FROM plan_targets(:'none');

-- ord points at the item in plan_tasks; offsets are characters of the document
SELECT bool_and(t.code = k.code AND t.part = k.part) AS same_item,
       bool_and(substr(:'policy', t.start_offset + 1, t.end_offset - t.start_offset) = t.raw) AS offsets_ok,
       bool_and(t.start_offset >= k.start_offset AND t.end_offset <= k.end_offset) AS inside_item
FROM plan_targets(:'policy') t JOIN plan_tasks(:'policy') k USING (ord);

-- targets per dimension and kind over all the documents
SELECT target_dimension(target) AS dimension, target_kind(target) AS kind, count(*)
FROM unnest(ARRAY[:'cq_trad', :'policy', :'ngit', :'ai', :'guofa', :'four', :'none']) d, plan_targets(d)
GROUP BY 1, 2 ORDER BY 1, 2;

-- a 规划纲要 of 2021 (its adoption date under the title): “十三五”期间… reports on a
-- finished plan and promises nothing; “十四五”时期… does.  Without a date, the
-- period its title names (第十四个五年规划: 2021) tells, else the latest
-- five-year plan the text names (“十四五”时期: 2021); with none of these, a
-- document cannot tell, and both are read as targets.
\set gangyao 'XX市国民经济和社会发展第十四个五年规划纲要\n（2021年1月20日市第十五届人民代表大会第五次会议批准）\n第一章 发展基础\n“十三五”期间，全市地区生产总值年均增长7.2%，2020年达到2.5万亿元，城镇化率提高到69.5%。\n第二章 发展目标\n“十四五”时期，全市地区生产总值年均增长6%左右，到2025年城镇化率达到75%。\n'
SELECT issued FROM plan_info(E:'gangyao');
SELECT code, target, year, raw FROM plan_targets(E:'gangyao') ORDER BY start_offset;
SELECT count(*) AS undated_targets
FROM plan_targets(replace(E:'gangyao', '（2021年1月20日市第十五届人民代表大会第五次会议批准）', ''));
SELECT count(*) AS latest_plan_named
FROM plan_targets(replace(replace(E:'gangyao', '（2021年1月20日市第十五届人民代表大会第五次会议批准）', ''),
                          '第十四个五年规划纲要', '发展规划纲要'));
SELECT count(*) AS no_year_at_all
FROM plan_targets(replace(replace(replace(E:'gangyao', '（2021年1月20日市第十五届人民代表大会第五次会议批准）', ''),
                          '第十四个五年规划纲要', '发展规划纲要'), '“十四五”时期', '今后五年'));

-- a table of main indicators: its rows are targets of the latest year column
-- (or of a 目标值 column), in the unit of the unit column or of the bracket after
-- the name; a value in words is no target; Traditional gives the same answers
\set indicators '一、发展目标\n到2025年，主要目标如下。\n指标\t单位\t2020年\t2025年\t属性\n经济发展\n地区生产总值增速\t%\t3.9\t6左右\t预期性\n常住人口城镇化率\t%\t69.5\t76\t预期性\n研发经费投入强度\t%\t2.11\t>2.5\t预期性\n单位GDP能耗降低\t%\t—\t[14]\t约束性\n森林覆盖率（%）\t\t52.5\t55以上\t约束性\n耕地保有量\t万亩\t—\t完成国家下达任务\t约束性\n二、重点任务\n（一）推进新型城镇化。城镇化率达到76%。\n'
SELECT code, indicator, target, year, period FROM plan_targets(E:'indicators') ORDER BY start_offset;
\set trad_indicators '一、發展目標\n到2025年，主要目標如下。\n指標\t單位\t2020年\t2025年\t屬性\n經濟發展\n地區生產總值增速\t%\t3.9\t6左右\t預期性\n常住人口城鎮化率\t%\t69.5\t76\t預期性\n研發經費投入強度\t%\t2.11\t>2.5\t預期性\n單位GDP能耗降低\t%\t—\t[14]\t約束性\n森林覆蓋率（%）\t\t52.5\t55以上\t約束性\n耕地保有量\t萬畝\t—\t完成國家下達任務\t約束性\n二、重點任務\n（一）推進新型城鎮化。城鎮化率達到76%。\n'
SELECT (SELECT count(*) FROM plan_targets(E:'trad_indicators')) AS traditional_rows,
       NOT EXISTS (SELECT code, target, year FROM plan_targets(E:'indicators')
                   EXCEPT SELECT code, target, year FROM plan_targets(E:'trad_indicators')) AS same_targets;
SELECT indicator, target FROM target_extract(E'| 指标 | 单位 | 基期值 | 目标值 |\n|---|---|---|---|\n| 城镇新增就业 | 万人 | 60 | 65 |\n');
-- the same table printed one cell per line (copied from a web page or a PDF):
-- a row ends with its 属性 cell, the blank unit cell is not printed; the same
-- targets, in both scripts
\set lines_indicators '一、发展目标\n到2025年，主要目标如下。\n指标\n单位\n2020年\n2025年\n属性\n经济发展\n地区生产总值增速\n%\n3.9\n6左右\n预期性\n常住人口城镇化率\n%\n69.5\n76\n预期性\n研发经费投入强度\n%\n2.11\n>2.5\n预期性\n单位GDP能耗降低\n%\n—\n[14]\n约束性\n森林覆盖率（%）\n52.5\n55以上\n约束性\n耕地保有量\n万亩\n—\n完成国家下达任务\n约束性\n二、重点任务\n（一）推进新型城镇化。城镇化率达到76%。\n'
\set trad_lines_indicators '一、發展目標\n到2025年，主要目標如下。\n指標\n單位\n2020年\n2025年\n屬性\n經濟發展\n地區生產總值增速\n%\n3.9\n6左右\n預期性\n常住人口城鎮化率\n%\n69.5\n76\n預期性\n研發經費投入強度\n%\n2.11\n>2.5\n預期性\n單位GDP能耗降低\n%\n—\n[14]\n約束性\n森林覆蓋率（%）\n52.5\n55以上\n約束性\n耕地保有量\n萬畝\n—\n完成國家下達任務\n約束性\n二、重點任務\n（一）推進新型城鎮化。城鎮化率達到76%。\n'
SELECT code, indicator, target, year FROM plan_targets(E:'lines_indicators') ORDER BY start_offset;
SELECT NOT EXISTS (SELECT code, target, year FROM plan_targets(E:'indicators')
                   EXCEPT SELECT code, target, year FROM plan_targets(E:'lines_indicators')) AS same_as_tabs,
       NOT EXISTS (SELECT code, target, year FROM plan_targets(E:'lines_indicators')
                   EXCEPT SELECT code, target, year FROM plan_targets(E:'trad_lines_indicators')) AS same_in_traditional;

-- a year's plan (年度计划): no unit column, so a goal cell carries its unit
-- and its change (66件左右, 增长5%左右, 下降3%); 属性 stands between name and goal,
-- so rows printed one cell per line end after one cell per column; a name in
-- the goal column (5G基站数) is no value
\set annual_lines '某市2026年国民经济和社会发展计划\n一、主要预期目标\n指标名称\n属性\n2026年目标\n全市生产总值\n预期性\n增长5%左右\n研发经费支出相当于生产总值比例\n预期性\n4.6%左右\n每万人口高价值发明专利拥有量\n预期性\n66件左右\n单位生产总值能耗\n约束性\n下降3%\n二、着力扩大内需\n'
SELECT code, indicator, target, year, period FROM plan_targets(E:'annual_lines') ORDER BY start_offset;
\set trad_annual_lines '某市2026年國民經濟和社會發展計劃\n一、主要預期目標\n指標名稱\n屬性\n2026年目標\n全市生產總值\n預期性\n增長5%左右\n研發經費支出相當於生產總值比例\n預期性\n4.6%左右\n每萬人口高價值發明專利擁有量\n預期性\n66件左右\n單位生產總值能耗\n約束性\n下降3%\n二、着力擴大內需\n'
SELECT NOT EXISTS (SELECT code, indicator IS NOT NULL, target, year FROM plan_targets(E:'annual_lines')
                   EXCEPT SELECT code, indicator IS NOT NULL, target, year FROM plan_targets(E:'trad_annual_lines')) AS same_in_traditional;
SELECT indicator, target, period FROM target_extract(E'| 指标名称 | 属性 | 2026年目标 |\n|---|---|---|\n| 全市生产总值 | 预期性 | 增长5%左右 |\n| 城镇新增就业 | 预期性 | 年均20万人 |\n| 5G基站数 | 预期性 | 5G基站数 |\n');

-- a five-year plan's 年均/累计 column holds the goal where the 2025年 cell is —:
-- per year under 年均 (地区生产总值增长 6左右 is ~+6%/年), cumulative in 〔〕
\set span_table '某省国民经济和社会发展第十四个五年规划\n一、主要目标\n指标\t2020年\t2025年\t年均/累计\t属性\n地区生产总值增长（%）\t3.9\t—\t6左右\t预期性\n常住人口城镇化率（%）\t60.6\t65\t—\t预期性\n单位GDP能耗降低（%）\t—\t—\t〔13.5〕\t约束性\n城镇新增就业（万人）\t—\t—\t〔>300〕\t预期性\n研发经费投入增长（%）\t—\t—\t>7\t预期性\n二、重点任务\n'
SELECT code, indicator, target, year, period FROM plan_targets(E:'span_table') ORDER BY start_offset;
SELECT NOT EXISTS (SELECT code, target, year, period FROM plan_targets(E:'span_table')
                   EXCEPT SELECT code, target, year, period
                   FROM plan_targets(replace(E:'span_table', E'\t', E'\n'))) AS same_one_cell_per_line;

-- a goal cell with its own unit or change keeps it, whatever the unit column
-- says; multipliers go before the column's unit (1.2万 under 人); a header that
-- names a year and 累计 is that year's column
SELECT indicator, target FROM target_extract(E'指标\t单位\t2025年\n地区生产总值（亿元）\t\t增长6%左右\n专利授权量\t件\t增长5%\n研发投入强度\t%\t提高1个百分点\n城镇新增就业\t人\t1.2万以上\n');
SELECT indicator, target, year FROM target_extract(E'指标\t单位\t2020年\t2021—2025年累计\t属性\n新增城镇就业\t万人\t60\t300\t预期性\n');

-- one cell per line with no 属性 column: a row whose base cell (2020年) is blank
-- ends where the next row's name starts
\set blank_base '某市“十四五”规划\n一、主要目标\n指标\n单位\n2020年\n2025年\n常住人口城镇化率\n%\n69.5\n76\n数字经济核心产业增加值占比\n%\n10\n每千人口托位数\n个\n4.5\n研发经费投入强度\n%\n2.11\n2.5\n二、重点任务\n'
SELECT code, indicator, target, year FROM plan_targets(E:'blank_base') ORDER BY start_offset;

-- text from a PDF spaces out numbers and words: the same targets, and a past
-- period spaced out (“ 十三五 ” 期间) is still a report
SELECT code, indicator, target, year, period FROM plan_targets(E'某县国民经济和社会发展第十四个五年规划\n一、主要目标\n“ 十三五 ” 期间，全县地区生产总值年均增长 7.5%。到 2025 年，全县地区生产总值突破 600 亿元，年均增长 7% 左右，常住人口城镇化率达到 60% 以上。\n') ORDER BY start_offset;

-- a year at the head of a sentence (2022年，全市…) states that year: a goal in
-- a plan whose own year it is not before, a report when it is earlier
\set head_years '某市新型基础设施建设三年行动方案（2022—2024年）\n一、主要目标\n2021年，全市建成5G基站1800个。2022年，全市新建5G基站2600个以上，新建市级及以上创新平台15个以上。2024年，全市累计建成5G基站1万个。\n'
SELECT code, indicator, target, year, period FROM plan_targets(E:'head_years') ORDER BY start_offset;
SELECT code, indicator, target, year FROM plan_targets(E'某市2026年国民经济和社会发展计划\n一、主要目标\n2025年，全市生产总值增长5.4%。2026年，全市生产总值增长5%左右。\n');
-- 自2025年起 / 从2025年开始 in a document of 2024 opens goals; from a year gone by it is a report
SELECT code, indicator, target, year, period FROM plan_targets(E'某县稳就业行动方案\n某府发〔2024〕3号\n一、主要目标\n从2020年起，累计新增城镇就业30万人。自2025年起，每年新增城镇就业5万人以上。\n') ORDER BY start_offset;
-- a year just before the verb: the goal's year, or a report when before the document's own
SELECT code, indicator, target, year FROM plan_targets(E'某市“十四五”规划\n某府发〔2021〕3号\n一、发展目标\n全市地区生产总值2020年达到2.5万亿元，常住人口城镇化率2025年达到70%、2030年达到75%。\n') ORDER BY start_offset;
SELECT code, indicator, target, year FROM plan_targets(E'某市规划\n某府发〔2022〕3号\n一、主要目标\n城镇化率2019年达到60%、2025年达到70%。森林覆盖率达到50%。\n') ORDER BY start_offset;
-- 2022年末，… before the document's own year is a report; 2025年底，… a deadline
SELECT code, indicator, target, year FROM plan_targets(E'某市规划\n某府发〔2023〕3号\n一、发展基础\n2022年末，全市常住人口城镇化率达到70%。2025年底，城镇化率达到75%。\n');
-- with no document around it, a head year stays a statement
SELECT count(*) FROM target_extract('2022年，全市新建5G基站2600个以上。');

-- a bound that qualifies the noun after it is no target (20户以上自然村); a goal's 以上 before 和 / 的 is
SELECT code, indicator, target FROM plan_targets(E'一、任务\n（一）到2026年底，实现20户以上自然村光纤全覆盖，3000人以下小城镇通达率达到95%以上和农村地区达到90%以上。\n（二）完成75%以上的确权登记。\n') ORDER BY start_offset;
SELECT code, indicator, target FROM plan_targets(E'一、任務\n（一）實現20戶以上自然村光纖全覆蓋。\n');
-- a quota for each unit stands when the subsidy is in another clause, not in its own
SELECT code, indicator, target, kind FROM plan_targets(E'一、任务\n（一）支持每个县建设1个县级电商公共服务中心，对年销售额超过500万元的电商企业给予一次性奖励10万元。\n（二）每家企业给予1个名额。\n') ORDER BY start_offset;

-- a total (共计 before the number) is a goal; 共计有… describes the present
SELECT code, raw, target FROM plan_targets(E'一、发展基础\n全市共计有产业园区28个。\n二、任务\n（一）全年为企业减税降费共计80亿元。\n（二）全年共計培訓10萬人次。\n') ORDER BY start_offset;

-- no items: no targets; garbage never fails
SELECT count(*) FROM plan_targets('常住人口城镇化率达到76%。');
SELECT count(*) FROM plan_targets('');
SELECT count(*) FROM plan_targets(E'一、总体要求\n达到达到%%%以上以下' || repeat('，', 3000) || E'\uFFFD76%');

-- a short statement_timeout stops a long document (57014)
CREATE TEMP TABLE big AS SELECT repeat(:'cq_trad' || E'\n', 3000) AS body;
SET statement_timeout = '1ms';
\set VERBOSITY terse
SELECT count(*) FROM big, plan_targets(big.body);
\echo :LAST_ERROR_SQLSTATE
RESET statement_timeout;
\set VERBOSITY default
DROP TABLE big;
