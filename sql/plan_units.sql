--
-- plan_units: the responsible units of every task of a plan
--
\pset null '∅'
\set verbs `cat test/docs/units_verbs_style.txt`
\set cq_trad `cat test/docs/cq_style_trad.txt`
\set cq_simp `cat test/docs/cq_style_simp.txt`
\set guofa `cat test/docs/guofa_style.txt`
\set none `cat test/docs/units_none_style.txt`

-- every convention in one municipal plan: rows per task, roles, as printed,
-- bracket and place in it; the notice's standing rule adds an implicit row
-- to every task (2.4 and 3.2 name no unit of their own)
SELECT ord, code, unit, role, raw, bracket, ordinal
FROM plan_units(:'verbs') WHERE role <> 'implicit' ORDER BY ord, bracket, ordinal;
SELECT * FROM plan_unit_rules(:'verbs');
SELECT count(*) AS tasks,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM plan_units(:'verbs') u
                                      WHERE u.ord = t.ord AND u.role = 'implicit'
                                        AND u.unit = '各区县（自治县）政府')) AS with_implicit_unit
FROM plan_tasks(:'verbs') t;
SELECT DISTINCT raw AS implicit_evidence, bracket, start_offset FROM plan_units(:'verbs') WHERE role = 'implicit';
-- offsets are 0-based characters into the document
SELECT bool_and(substr(:'verbs', start_offset + 1, end_offset - start_offset) = raw) AS offsets_point_at_raw
FROM plan_units(:'verbs') WHERE role <> 'implicit';
-- a unit belongs to the innermost task whose text holds its bracket
SELECT t.code, t.start_offset <= min(u.start_offset) AND max(u.end_offset) <= t.end_offset AS inside_own_text
FROM plan_tasks(:'verbs') t JOIN plan_units(:'verbs') u USING (ord)
WHERE u.role <> 'implicit' GROUP BY t.code, t.start_offset, t.end_offset ORDER BY min(t.ord);

-- the Chongqing style: Traditional and Simplified editions give the same rows
SELECT (SELECT count(*) FROM plan_units(:'cq_trad')) AS trad_rows,
       (SELECT count(*) FROM plan_units(:'cq_simp')) AS simp_rows,
       NOT EXISTS (SELECT code, unit, role FROM plan_units(:'cq_trad')
                   EXCEPT SELECT code, unit, role FROM plan_units(:'cq_simp')) AS same_rows;
SELECT role, count(*) FROM plan_units(:'cq_trad') GROUP BY role ORDER BY role;
SELECT code, string_agg(unit::text, ' ' ORDER BY ordinal) AS units
FROM plan_units(:'cq_trad') WHERE code IN ('2.1', '2.2', '3.14') AND role <> 'implicit'
GROUP BY ord, code ORDER BY ord;
-- 各区县政府 is named in 2.1 itself: one row there, not an extra implicit one
SELECT code, role FROM plan_units(:'cq_trad') WHERE unit = '各區縣政府' AND code <= '2.2' ORDER BY code;

-- the first-listed rule of a State Council plan: leads of every bracket
SELECT code, string_agg(unit || ':' || role, ' ' ORDER BY ordinal) AS units
FROM plan_units(:'guofa') WHERE code IN ('2.3', '2.6', '8.18', '8.19') GROUP BY ord, code ORDER BY ord;

-- labels that qualify 责任单位 (协同责任单位, 其他责任单位, 相关责任单位) and
-- 支持单位 name co units; a note in brackets after the last name (列第一位的为
-- 牵头单位，下同) is no part of it, and the name before it stays
SELECT code, unit, role FROM plan_units(E'某省2024年重点工作分解方案\n一、主要目标\n1﹒全省生产总值增长7%以上。\n牵头责任单位：省发展改革委。\n协同责任单位：省经济和信息化厅、省财政厅等。\n2﹒加快项目建设。（牵头单位：省发展改革委；其他责任单位：省自然资源厅）\n3﹒推进改革。（牵头单位：省委改革办；相关责任单位：省财政厅；支持单位：省地方金融管理局）\n') ORDER BY ord, ordinal;
SELECT code, unit, role FROM plan_units(E'某市工作方案\n一、重点任务\n1.推进改革。\n责任单位：市发改委、市经信局、市卫生健康委（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）\n2.强化保障。（责任单位：市财政局、市人力社保局（列第一位的为牵头单位））\n3.加强协调。（责任单位：市教委（市语委）、市民宗委）\n4.优化服务。\n责任单位：市发改委、市住建局（排名不分先后）\n5.加快建设。（牵头单位：市住建局；其他单位：市市场监管局）\n') ORDER BY ord, ordinal;

-- a plan without units yields no rows
SELECT count(*) AS rows FROM plan_units(:'none');
SELECT count(*) AS rows FROM plan_units('');

-- against the hand-made gold of our own documents: no unit missed, none extra
CREATE TEMP TABLE gold_docs (name text, body text, gold jsonb);
\set g1 `cat test/gold/units_shandong_style.json`
\set d1 `cat test/docs/units_shandong_style.txt`
\set g2 `cat test/gold/units_qingdao_style.json`
\set d2 `cat test/docs/units_qingdao_style.txt`
\set g3 `cat test/gold/units_anhui_style.json`
\set d3 `cat test/docs/units_anhui_style.txt`
\set g4 `cat test/gold/units_taiwan_style.json`
\set d4 `cat test/docs/units_taiwan_style.txt`
\set g5 `cat test/gold/units_verbs_style.json`
\set g6 `cat test/gold/units_none_style.json`
\set g7 `cat test/gold/guofa_style.json`
\set g8 `cat test/gold/cq_style_trad.json`
\set g9 `cat test/gold/units_provincial_style.json`
\set d9 `cat test/docs/units_provincial_style.txt`
\set g10 `cat test/gold/units_provincial_style_trad.json`
\set d10 `cat test/docs/units_provincial_style_trad.txt`
INSERT INTO gold_docs VALUES ('shandong', :'d1', :'g1'), ('qingdao', :'d2', :'g2'), ('anhui', :'d3', :'g3'),
	('taiwan', :'d4', :'g4'), ('verbs', :'verbs', :'g5'), ('none', :'none', :'g6'),
	('guofa', :'guofa', :'g7'), ('cq_trad', :'cq_trad', :'g8'),
	('provincial', :'d9', :'g9'), ('provincial_trad', :'d10', :'g10');
CREATE TEMP TABLE gold_u AS
SELECT d.name, coalesce(p.pno, 1)::int AS part, u->>'task' AS code, (u->>'unit')::respunit AS unit, u->>'role' AS role
FROM gold_docs d CROSS JOIN jsonb_array_elements(d.gold->'units') u
LEFT JOIN (SELECT name, title, row_number() OVER (PARTITION BY name ORDER BY min(o)) AS pno
           FROM gold_docs, jsonb_array_elements(gold->'tasks') WITH ORDINALITY t(x, o),
                LATERAL (SELECT x->>'part' AS title) z
           WHERE title IS NOT NULL GROUP BY name, title) p
  ON p.name = d.name AND p.title = u->>'part';
CREATE TEMP TABLE our_u AS
SELECT d.name, u.part, u.code::text AS code, u.unit, u.role
FROM gold_docs d, plan_units(d.body) u WHERE u.role <> 'implicit';
SELECT d.name,
       (SELECT count(*) FROM gold_u g WHERE g.name = d.name) AS gold,
       (SELECT count(*) FROM our_u o WHERE o.name = d.name) AS ours,
       (SELECT count(*) FROM (SELECT part, code, unit, role FROM gold_u WHERE name = d.name
                              EXCEPT SELECT part, code, unit, role FROM our_u WHERE name = d.name) x) AS missed,
       (SELECT count(*) FROM (SELECT part, code, unit, role FROM our_u WHERE name = d.name
                              EXCEPT SELECT part, code, unit, role FROM gold_u WHERE name = d.name) x) AS extra
FROM gold_docs d ORDER BY d.name;
-- implicit units: the gold's standing rules, on every task
SELECT d.name, i->>'unit' AS gold_implicit,
       (SELECT count(DISTINCT u.ord) FROM plan_units(d.body) u
         WHERE u.role = 'implicit' AND u.unit = (i->>'unit')::respunit) +
       (SELECT count(DISTINCT u.ord) FROM plan_units(d.body) u
         WHERE u.role <> 'implicit' AND u.unit = (i->>'unit')::respunit) AS tasks_covered,
       (SELECT count(*) FROM plan_tasks(d.body)) AS tasks
FROM gold_docs d, jsonb_array_elements(d.gold->'implicit_units') i ORDER BY d.name;
SELECT d.name FROM gold_docs d
WHERE jsonb_array_length(d.gold->'implicit_units') = 0
  AND EXISTS (SELECT 1 FROM plan_units(d.body) u WHERE u.role = 'implicit');
DROP TABLE gold_docs, gold_u, our_u;
-- a trailing 等 tail of several nouns drops; 和 right after 等 splits, 和 inside a name does not
SELECT code, unit, role, raw FROM plan_units(E'一、任务\n（一）甲。（人力资源社会保障部等有关部门和单位负责）\n（二）乙。（工业和信息化部、共青团中央等和各有关省级人民政府负责）\n') ORDER BY ord, ordinal;
