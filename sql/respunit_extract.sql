--
-- respunit_extract: responsibility brackets and labelled lists in text
--
\pset null '∅'

-- one row per unit mention: normalised unit, role, the unit as printed,
-- its bracket and place in it, 0-based character offsets
SELECT * FROM respunit_extract('推进改革（责任单位：市公安局、市教委，各区县政府）。');
SELECT substr(t, start_offset + 1, end_offset - start_offset) = raw AS offsets_point_at_raw
FROM (SELECT '整合数据（牵头单位：市經濟信息委；配合单位：市科技局等）。'::text AS t) x,
     respunit_extract(t);

-- every bracket convention, Simplified and Traditional, ASCII and full width
SELECT n, convention, string_agg(unit || CASE WHEN role = 'responsible' THEN '' ELSE ':' || role END, ' '
                                 ORDER BY bracket, ordinal) AS units
FROM (VALUES
  (1, '责任单位', '（责任单位：市公安局、市教委）'),
  (2, '責任單位, ASCII', '(責任單位:市公安局、市教委,各區縣政府)'),
  (3, '牵头/配合单位', '（牵头单位：市民政局；配合单位：市财政局、市卫生健康委）'),
  (4, '牵头/责任单位', '（牵头单位：省工业和信息化厅；责任单位：省发展改革委、省科技厅）'),
  (5, 'two leads', '（牵头单位：省科技厅、省财政厅；责任单位：省教育厅）'),
  (6, 'A牵头，B、C参与', '（市住房城乡建委牵头，市发展改革委、市财政局参与）'),
  (7, 'A牵头，B、C配合', '（市城市管理局牵头，市公安局、市交通运输委配合）'),
  (8, 'A、B等负责', '（市政府办公厅、市大数据发展局等负责）'),
  (9, 'A负责', '（市交通运输委负责）'),
  (10, '主辦/協辦機關', '（主辦機關：市財政局；協辦機關：市發展改革委、市住房城鄉建委）'),
  (11, '主（協）辦機關', '主（協）辦機關：經濟部（國發會、勞動部）'),
  (12, '主（協）辦機關 A、(B)', '主（協）辦機關：經濟部、（國發會、勞動部）'),
  (13, 'role mark', '（责任单位：市科技局（牵头）、市财政局）'),
  (14, 'A负责，B配合', '（市发展改革委负责，市级有关部门配合）'),
  (15, '及 / 和 between names', '（责任单位：市科技局及相关行业主管部门；农业农村部和工业和信息化部）'),
  (16, 'collectives', '（责任单位：市工业和信息化局，各区、市政府，有关区、市政府；各区、县级市）'),
  (17, 'nested name', '（责任单位：西部（重庆）科学城管委会、市规划自然资源局及市住房城乡建委）'),
  (18, 'note after ；', '（责任单位：市发展改革委、市财政局；2025年底前完成）'),
  (19, 'note after 。', '（責任單位：市公安局、市教委，各區縣政府。以下所有任務均需區縣落實、不再列出）'),
  (20, 'shared prefix dropped', '（责任单位：市公安局、人力资源和社会保障局）'),
  (21, 'mid-paragraph, two brackets',
       '整合数据（市大数据发展局牵头，市城市管理局参与），实现共享；完善体系（市城市管理局牵头，市公安局配合）。'),
  (22, 'running text', '加强保障。责任单位：市发展改革委、市财政局。下一句：不是单位。'),
  (23, 'labelled lines', E'主辦機關：經濟部\n協辦機關：國發會、國科會'),
  (24, '【】 labels', E'【牵头单位】人行重庆市分行\n【配合单位】市商务委、重庆金融监管局'),
  (25, 'hard-wrapped bracket', E'（责任单位：市发展改革委、市\n财政局）'),
  (26, 'unclosed bracket', E'（责任单位：市发展改革委、市财政局\n下一段'),
  (27, 'first listed leads', '（工业和信息化部、发展改革委按职责分工负责，列第一位者为牵头单位，下同）（农业农村部、工业和信息化部牵头负责）（各省级人民政府负责）'),
  (28, '排在第一位 (Traditional)', '（税務總局、財政部、海關總署按職責分工負責。排在第一位的部門為牽頭部門，下同）（商務部等有關部門負責）'),
  (29, 'labels after a comma', '（牵头单位：市民政局，配合单位：市财政局、市卫生健康委）'),
  (30, 'names set apart by spaces or /', '（责任单位：市发展改革委 市财政局　市教委/市科技局）'),
  (31, 'A会同B负责', '（市场监管总局会同工业和信息化部等部门负责）（市場監管總局會同工業和信息化部負責）'),
  (32, 'collective before the verb', '（省民政厅、省财政厅，各市、县人民政府负责）'),
  (33, '党委和政府 stays one', '（市委组织部、市人力资源社会保障局牵头，各区县（自治县）党委和政府落实）'),
  (34, 'development zones', '（各区县政府，两江新区、重庆高新区、万盛经开区管委会负责）'),
  (35, 'a verb on its own', '（各区县政府、市级相关部门，按职责分工分别负责）'),
  (36, 'other labels first', '（牵头领导：张三；完成时限：2025年12月；牵头单位：市商务委；配合单位：市财政局）'),
  (37, 'labels apart by spaces', E'（牵头部门：市科技局　配合部门：市财政局、市税务局）\n牵头单位：市大数据局  责任单位：市经济信息委'),
  (38, 'time limit first', '（2024年底前完成，市经济信息委负责）（长期坚持，市商务委负责）'),
  (39, 'time limit after a space', '（牵头单位：市经济信息委　　完成时限：2024年底）'),
  (40, '【】 labels on one line', '【牽頭單位】市住房城鄉建委【配合單位】市財政局、市規劃自然資源局；【责任单位】市教委'),
  (41, 'a verb in brackets after the names', '责任单位：市人力社保局、市教委（按职责分工负责）。（市商务委、市科技局（按职责分工落实））'),
  (42, '括号内为责任单位: bare names', '（括號內為責任單位，排在第一位的為牽頭單位）推進改革（市發展改革委、市財政局）。完善制度（市司法局）。'),
  (43, '统筹 / 推进 / 支持 / 指导', '（市发展改革委统筹，各区县政府负责落实）（市商务委会同市财政局推进）（市教委牵头推进，市财政局支持）（各区县政府负责，市级有关部门指导）'),
  (44, '〔〕 inside a list', '（省市场监管局牵头，省级有关单位配合；各市、县〔市、区〕政府负责落实）（责任单位：各区县〔自治县〕政府）'),
  (45, '排在第一位 and bare names', E'做好宣传。（市委宣传部、市委网信办）\n完善经费保障（市財政局、市審計局）。加强与市公安局（市交巡警总队）协作。\n注：排在第一位的为牵头单位。'),
  (46, 'a level before the label', '（市级责任部门：市教委；区县责任单位：各区县政府）（市級牽頭單位：市民政局；市級配合單位：市財政局）'),
  (47, '科室 / 处室 labels', '（牵头科室：办公室；配合科室：财务科、人事科）（責任處室：規劃處）'),
  (48, '党委、政府 stays one', '（责任单位：市委组织部、市人力社保局，各区县党委、政府）（各级党委、政府负责）'),
  (49, 'label, then a verb', '（责任单位：市教委，市财政局配合）（牵头单位：市民政局，市财政局、市卫生健康委配合）'),
  (50, '主责 / 负主体责任 / 按…负责', '（市教委主责，市财政局配合）（各区县政府负主体责任，市级有关部门加强指导）（市商务委、市财政局按职能职责负责）'),
  (51, '【label：list】', '【责任单位：市教委、市財政局等市級部門】推进改革。')
) AS c(n, convention, txt), respunit_extract(txt)
GROUP BY n, convention ORDER BY n;

-- brackets that name no unit
SELECT txt, count(u.unit) AS units
FROM (VALUES ('（2021—2025年）'), ('（以下简称“市发展改革委”）'), ('（一）'), ('（含）'), ('（试行）'),
             ('（市发展改革委、市财政局）'), ('（企业负责运营维护）'), ('（全社会共同参与）'),
             ('（企业负责）'), ('（所需经费由市财政负责）'), ('（国家标准、行业标准）'),
             ('（责任单位：详见附件）'), ('要明确责任单位：市统计局'), ('各级政府负责同志要带头。'),
             ('（?!耙豢h一策）'), ('（完成时限：2025年底）'), ('（例如：市教委、市财政局）'),
             ('（政府负责）'), ('（企业负责推动）'), ('（社会各界大力支持）'),
             ('排在第一位的为牵头单位。加快发展（含两江新区、重庆高新区）。'),
             ('排在第一位的为牵头单位。参照做法（如市发展改革委、市财政局）。'), ('')) AS c(txt)
LEFT JOIN LATERAL respunit_extract(txt) u ON true
GROUP BY txt ORDER BY txt;

-- document rules
SELECT * FROM plan_unit_rules('（工业和信息化部、发展改革委负责，列第一位者为牵头单位，下同）');
SELECT * FROM plan_unit_rules('（責任單位：市公安局。以下所有任務均需區縣落實、不再列出）');
SELECT * FROM plan_unit_rules('各区县（自治县）政府负责落实本方案各项任务，以下不再一一列出。');
SELECT * FROM plan_unit_rules('区县政府为所有任务的责任单位，以下不再列出。');
SELECT * FROM plan_unit_rules('各乡镇（街道）要抓好各项任务落实，以下不再列出。');
SELECT * FROM plan_unit_rules('以下任务各区县人民政府均为责任单位，不再逐一列出。');
SELECT * FROM plan_unit_rules('各项任务后括号中的单位为牵头单位。');
SELECT count(*) AS no_rule FROM plan_unit_rules('括号内为说明文字。使用括号标注。');
SELECT count(*) AS no_rules FROM plan_unit_rules('此事不再讨论。排在第一位。所有任务均需认真落实，不再列出。');

-- a long text: linear, and a bracket far into it is still found
SELECT count(*) AS units, min(start_offset) AS first_at
FROM respunit_extract(repeat('推进（以下简称“工作”）（2024年）、：。', 20000) || '（责任单位：市公安局、市教委）');
