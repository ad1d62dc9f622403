--
-- plan_tasks / plan_parts / plan_info: a plan document as numbered items
--
\pset null '∅'
\set cq_trad `cat test/docs/cq_style_trad.txt`
\set cq_simp `cat test/docs/cq_style_simp.txt`
\set guofa `cat test/docs/guofa_style.txt`
\set three `cat test/docs/three_level_style.txt`
\set four `cat test/docs/four_level_style.txt`
\set attach `cat test/docs/attachments_style.txt`
\set conv `cat test/docs/conventions_style.txt`

-- the Chongqing-style plan (Traditional): news lead before 原文件如下, ASCII
-- brackets, （一）…（二十六） running on across 二、…五、, mojibake in （九）
SELECT * FROM plan_info(:'cq_trad');
SELECT ord, part, code, depth, parent, heading, line FROM plan_tasks(:'cq_trad');
-- nothing of the news lead became a task
SELECT min(start_offset) > (SELECT body_offset FROM plan_info(:'cq_trad')) AS after_lead FROM plan_tasks(:'cq_trad');
-- the mojibake in （九） stays in its body and breaks nothing
SELECT code, body LIKE '%(?!%' AS has_mojibake FROM plan_tasks(:'cq_trad') WHERE code = '3.9';
-- offsets point at the text as printed
SELECT count(*) AS tasks,
       count(*) FILTER (WHERE substr(:'cq_trad', start_offset + 1, end_offset - start_offset) = body) AS offsets_ok
FROM plan_tasks(:'cq_trad');
SELECT body FROM plan_tasks(:'cq_trad') WHERE code = '2.3';

-- Simplified and Traditional give the same structure; headings fold to the same text
SELECT count(*) AS rows,
       count(*) FILTER (WHERE t.code = s.code AND t.depth = s.depth AND t.parent IS NOT DISTINCT FROM s.parent
                          AND plan_fold(t.heading) = plan_fold(s.heading)) AS same
FROM plan_tasks(:'cq_trad') t FULL JOIN plan_tasks(:'cq_simp') s USING (ord);
SELECT title, docno_text, issuer, issued, script FROM plan_info(:'cq_simp');

-- State Council 意见 style: （一）…（二十） run on across eight sections
SELECT * FROM plan_info(:'guofa');
SELECT code, heading FROM plan_tasks(:'guofa') WHERE depth = 1 OR code IN ('1.2', '2.3', '8.20');
SELECT count(*) AS tasks, max(code) AS last FROM plan_tasks(:'guofa');

-- three levels 一、/（一）/1. with 1.–21. numbered across （一）–（五）
SELECT code, heading FROM plan_tasks(:'three') WHERE code <@ '4' AND (depth < 3 OR taskcode_last(code) IN (1, 5, 6, 21));

-- four levels 一、/（一）/1./（1）, numbers running across parents; —— bullets are not tasks
SELECT code, depth, heading FROM plan_tasks(:'four');

-- numbering that runs on where the levels differ: 1. straight under 一、 in one
-- section, under （一） in the next (GB/T 9704 ranks （一） above 1.)
SELECT code, heading FROM plan_tasks(E'某市2023年重点工作任务分解方案\n一、主要目标\n1.生产总值增长6%以上。\n2.规上工业增加值增长8%。\n二、重点工作\n（一）稳增长。\n3.实施招商行动。\n4.扩大有效投资。\n（二）促改革。\n5.深化国企改革。\n三、保障措施\n6.加强组织领导。\n');

-- Taiwan's plans number their top level 壹、貳、參 above 一、
SELECT code, heading FROM plan_tasks(E'行政院年度施政計畫\n壹、內政\n一、民政\n(一)健全地方制度\n二、戶政\n貳、外交\n一、拓展國際空間\n參、財政\n一、健全財政\n');

-- an item whose text starts with a date: 1.3月底前… is item 1 (not 1.3), also
-- 1.2025年，… and a PDF's 2.12 月底前
SELECT code, heading FROM plan_tasks(E'某市2024年工作要点\n一、要素保障\n1.3月底前出台用地政策。\n2.6月底前新增工业用地1000亩以上。\n3.12月底前新增规上工业企业100家。\n二、项目建设\n1.2025年，全市新建5G基站2600个以上。\n2.12 月底前，200个小区完成改造。\n');

-- two attached texts, each numbered from 一、; the list of attachments, a
-- 专栏 box with numbered lines and a list of names are not tasks
SELECT * FROM plan_parts(:'attach');
SELECT part, code, heading FROM plan_tasks(:'attach');
SELECT * FROM plan_info(:'attach');
-- a box whose 1. list is a style not yet in use is still its content; the
-- next chapter ends the box
SELECT code, heading FROM plan_tasks(E'第一章 总体要求\n第一节 发展目标\n到2025年，基站达到8万个。\n专栏1 主要指标\n1.核心产业增加值占比（%）：10\n2.5G基站数量（万个）：8\n第二章 主要任务\n一、加快网络建设\n1.推进城乡覆盖。\n');

-- 第X章/第X节 with a table of contents, markdown emphasis, CRLF, page junk,
-- ㈠, ①, full-width １．, two items on one line, a skipped level
SELECT code, depth, heading, line FROM plan_tasks(:'conv');
SELECT count(*) FILTER (WHERE body LIKE '%' || chr(13) || '%') AS bodies_with_cr,
       count(*) FILTER (WHERE heading LIKE '%*%') AS headings_with_stars
FROM plan_tasks(:'conv');

-- small cases
SELECT code, heading FROM plan_tasks(E'一、总体要求\n1.5亿元资金要用好。\n2025.2.10这一天。\n一、二、三产业融合。\n（二）第二项。内容：（1）不是任务；（2）也不是。\n1000.太大的编号\n');
SELECT code, heading FROM plan_tasks(E'一、甲。（一）乙。内容。（二）丙。\n二、丁');
SELECT code, heading FROM plan_tasks(E'1.第一项\n（1）甲\n（2）乙\n2.第二项\n（3）丙');
SELECT code, heading FROM plan_tasks(E'（一）没有一级标题的文件\n（二）第二项');
SELECT code, heading FROM plan_tasks(E'3.1 多级编号\n3.2 第二个\n3.2.1 第三级');
SELECT code, heading FROM plan_tasks(E'一、总体\n（一）甲\n1.乙\n1）丙\n2)丁\n2.戊');
-- a date or a decimal amount after an item's dot is its text; a whole number with a unit is an amount
SELECT code, heading FROM plan_tasks(E'一、资金\n1.用好资金\n2.3月底前下达。\n3.1.5亿元用于修路。\n4.6%左右\n');
-- Taiwan's section-item numbers 1-1 2-3: item 3 of the current top-level section; ranges are text
SELECT code, depth, heading FROM plan_tasks(E'壹、緣起\n貳、策略\n一、基礎\n1-1 擴充網路。\n1-2 建置平臺。\n二、人才\n（一）培訓\n2-1 辦理課程。\n2-3年內完成。\n參、效益');
-- a multi-level number under another branch is not the child of the last one (a fuzzer finding)
SELECT code, parent FROM plan_tasks(E'7.3.8 甲\n3.3.8.8 乙\n3.3.9 丙\n');
SELECT code, heading FROM plan_tasks(E'一、标题，带逗号：冒号后不算\n二、**加粗**标题。正文');
SELECT count(*) FROM plan_tasks('');
SELECT count(*) FROM plan_tasks(E'没有编号的一段话。\n另一段。');
SELECT * FROM plan_info('');
-- a document starting with 二、 (the first item must be numbered 1)
SELECT count(*) FROM plan_tasks(E'附件：1.名单\n2.分工表\n');
-- headings are cut to 40 characters
SELECT length(heading) FROM plan_tasks('一、' || repeat('很长的标题', 20));
-- deeper than six levels: kept as text of the sixth, with a NOTICE
SELECT code FROM plan_tasks(E'一、a\n（一）b\n1.c\n（1）d\n①e\n㊀f\n❶g\n');
-- numbering that runs past 999 is text
SELECT count(*) FROM plan_tasks(E'1.a\n1000.b\n');
-- control characters and stray bytes never stop the parse
SELECT code, heading FROM plan_tasks(E'一、a\u0001b\n（一）c\u00ad d');

-- the functions are marked as the contract says
SELECT proname, provolatile, proisstrict, proparallel, proretset
FROM pg_proc WHERE proname IN ('plan_tasks', 'plan_parts', 'plan_info', 'plan_fold') ORDER BY 1;
