--
-- task-division tables: rows of 序号 | 任务 | 牵头单位 | 配合单位 printed as text
--
\pset null '∅'
\set simp `cat test/docs/units_table_style.txt`
\set trad `cat test/docs/units_table_style_trad.txt`
\set gold `cat test/gold/units_table_style.json`

-- each table is an attached text of its own; its rows are its tasks,
-- numbered by their 序号 cell, headed by their task cell; category rows
-- (一、推进政务服务标准化) and the markdown rule |:---:| are no tasks
SELECT part, title, tasks FROM plan_parts(:'simp');
SELECT part, code, heading FROM plan_tasks(:'simp') WHERE part > 1 ORDER BY ord;

-- unit cells under their header labels: 牵头单位 lead, 配合单位 co; the
-- wrapped row 4 goes on in a line with an empty 序号 cell (市税务局); the
-- 责任单位 header of 附件2 states the first-listed rule; 附件3 was copied
-- from a web page, one cell per line
SELECT part, code, string_agg(unit || ':' || role, ' ' ORDER BY bracket, ordinal) AS units
FROM plan_units(:'simp') GROUP BY part, ord, code ORDER BY part, ord;

-- a unit's raw text and offsets point into its cell
SELECT bool_and(substr(:'simp', start_offset + 1, end_offset - start_offset) = raw) AS offsets_point_at_raw
FROM plan_units(:'simp');

-- Traditional and Simplified editions: the same tasks and units
SELECT (SELECT count(*) FROM plan_units(:'trad')) AS trad_rows,
       (SELECT count(*) FROM plan_units(:'simp')) AS simp_rows,
       NOT EXISTS (SELECT part, code, unit, role FROM plan_units(:'trad')
                   EXCEPT SELECT part, code, unit, role FROM plan_units(:'simp')) AS same_units,
       NOT EXISTS (SELECT part, code, plan_fold(heading) FROM plan_tasks(:'trad')
                   EXCEPT SELECT part, code, plan_fold(heading) FROM plan_tasks(:'simp')) AS same_tasks;

-- against the hand-made gold: no unit missed, none extra
WITH gp AS (SELECT p, row_number() OVER (ORDER BY min(o)) AS pno
            FROM jsonb_array_elements(:'gold'::jsonb->'tasks') WITH ORDINALITY t(x, o),
                 LATERAL (SELECT coalesce(x->>'part', '') AS p) z GROUP BY p),
     g AS (SELECT gp.pno::int AS part, u->>'task' AS code, (u->>'unit')::respunit AS unit, u->>'role' AS role
           FROM jsonb_array_elements(:'gold'::jsonb->'units') u
           JOIN gp ON gp.p = coalesce(u->>'part', '')),
     o AS (SELECT part, code::text AS code, unit, role FROM plan_units(:'simp'))
SELECT (SELECT count(*) FROM g) AS gold, (SELECT count(*) FROM o) AS ours,
       (SELECT count(*) FROM (SELECT * FROM g EXCEPT SELECT * FROM o) x) AS missed,
       (SELECT count(*) FROM (SELECT * FROM o EXCEPT SELECT * FROM g) x) AS extra;

-- what is no table: a labelled list set apart by spaces, names in columns
-- without a label header, a header with no row under it
SELECT count(*) AS tasks FROM plan_tasks(E'牵头单位：市发展改革委  配合单位：市财政局  完成时限：2024年\n1  推进改革  市财政局\n');
SELECT count(*) AS tasks FROM plan_tasks(E'市发展改革委\t市财政局\t市教委\n1\t推进改革\t市财政局\n');
SELECT count(*) AS tasks FROM plan_tasks(E'序号\t重点任务\t牵头单位\n');
SELECT count(*) AS tasks FROM plan_tasks(E'序号\n重点任务\n牵头单位\n说明：以上为表头。\n');
-- one cell per line: a blank cell is not printed, so a short row is aligned on
-- what its cells hold (a blank 配合单位 before a blank 牵头单位, a deadline is no
-- unit); a row whose cells fit no alignment keeps its task but names no units
SELECT code, heading, (SELECT string_agg(unit || ':' || role, ' ' ORDER BY ordinal)
                       FROM plan_units(d) u WHERE u.ord = t.ord) AS units
FROM (VALUES (E'序号\n任务\n牵头单位\n配合单位\n完成时限\n1\n推进改革\n市财政局\n市教委\n2025年底\n2\n加强督查\n市政府督查办\n2026年6月\n3\n完善制度\n市司法局\n市教委\n4\n健全机制\n持续推进\n长期坚持\n')) v(d),
     plan_tasks(d) t ORDER BY ord;
-- a table in the body: its rows are children of the item that holds it,
-- and the body's numbering goes on after it (四、 after 三、任务分工)
SELECT part, code, heading FROM plan_tasks(E'一、工作目标\n三、任务分工\n| 序号 | 任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n| 1 | 优化审批服务 | 市政务服务局 | 市发展改革委 |\n| 2 | 加强监管 | 市市场监管局 | 市公安局 |\n\n四、保障措施\n（一）加强组织领导。\n') ORDER BY ord;
-- 附表 starts an attached text as 附件 does
SELECT part, code, heading FROM plan_tasks(E'一、工作目标\n（一）提升效能。\n附表\n序号\t任务\t牵头单位\n1\t优化审批\t市政务服务局\n') ORDER BY ord;

-- running text after a table ends it: what follows is not a row's child
SELECT part, code, heading FROM plan_tasks(E'序号\t任务\t牵头单位\n1\t推进改革\t市财政局\n各单位要抓好落实，按期完成任务。\n二、其他要求\n1.加强督查\n') ORDER BY ord;
