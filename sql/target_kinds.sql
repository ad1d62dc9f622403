--
-- target kinds: what each target commits the plan to (level, output,
-- change, limit), plan-level targets before the first item (NULL code), and
-- the forms of the guide's limit class.  Our own document in the style of a
-- city 三年行动方案, in both scripts.
--
\set kinds `cat test/docs/targets_kinds_style.txt`
\set kinds_trad `cat test/docs/targets_kinds_style_trad.txt`

-- every target with its kind; the first three stand in the 主要目标
-- paragraph before 一、 and have no code
SELECT code, indicator, target, kind, year, period, raw FROM plan_targets(:'kinds');
-- Traditional gives the same rows
SELECT count(*) AS targets,
       bool_and(t.code IS NOT DISTINCT FROM s.code AND t.target = s.target AND t.kind = s.kind
                AND t.year IS NOT DISTINCT FROM s.year) AS same
FROM plan_targets(:'kinds') WITH ORDINALITY t JOIN plan_targets(:'kinds_trad') WITH ORDINALITY s USING (ordinality);
SELECT kind, count(*) FROM plan_targets(:'kinds') GROUP BY kind ORDER BY kind;
-- plan-level targets: NULL code and ord, part 1, offsets into the document
SELECT code IS NULL AS no_code, ord IS NULL AS no_ord, part, substr(:'kinds', start_offset + 1, end_offset - start_offset) = raw AS offsets
FROM plan_targets(:'kinds') WHERE code IS NULL;

-- running text: the kind of each form
SELECT target, kind, raw FROM target_extract('审批时限压缩至10个工作日内，综合费率不超过1.2%，占比不低于60%。');
SELECT target, kind, raw FROM target_extract('新建城市道路320公里，培育150家示范企业，启动3个试点项目。资助80名青年人才。');
SELECT target, kind, raw FROM target_extract('城镇化率达到70%，年均增长7%，比2020年下降13.5%，缩小1.5个百分点以上。');
SELECT target, kind, raw FROM target_extract('人均预期寿命大于77.3岁，职业院校教师每年至少1个月在企业实训。');
-- limits: a time limit counted from each case, not from the plan's own issue
SELECT target, kind FROM target_extract('自执法决定作出之日起20个工作日内公开，自受理之日起7个工作日内办结。');
SELECT count(*) AS deadlines_are_not_targets FROM target_extract('自本方案印发之日起30日内出台细则，1年内完成，2025年底前完成。');
-- a bound that a rule sets: 不得/不能/不应 + 超过/低于 keep their direction
SELECT target, kind FROM target_extract('社保缴纳年限要求不得超过2年，扣除时限不能超过3个工作日，比例不应低于20%。');
-- shares: of a base, and fraction words
SELECT target, kind FROM target_extract('审核人员不少于本单位执法人员总数的5%，按不低于采购金额的30%预付。');
SELECT target, kind FROM target_extract('实践课时占总课时一半以上，女性比例超过三分之一。');
-- a ceiling on a count: only N
SELECT target, kind FROM target_extract('每个单位在同一平台只开设一个账号，只能由一方扣除。');
-- a quota per unit with a goal verb is an output; a cap or an allocation is not a target
SELECT target, kind FROM target_extract('每个地市原则上至少建设一所示范学校，各区县打造1个特色园区。');
SELECT count(*) AS not_targets FROM target_extract('每个项目最多支持3个，每家企业给予1个名额，按总用量的60%估算，政策期限不超过5年，周期为1年。');
-- a level the plan keeps is not a qualifier
SELECT target, kind FROM target_extract('在生均拨款水平达到12000元的基础上逐步提高。');

-- stored: plan_load keeps plan-level targets (NULL code) and every kind;
-- the views give kind and form (target_kind: level/growth)
SELECT tasks, targets FROM plan_load(:'kinds', 'kinds.txt');
SELECT code, heading IS NULL AS no_heading, target, kind, form FROM plan_task_targets ORDER BY document_id, code NULLS FIRST, target LIMIT 5;
SELECT kind, form, count(*) FROM plan_task_targets GROUP BY kind, form ORDER BY kind, form;
SELECT count(*) AS progress_rows, count(*) FILTER (WHERE code IS NULL) AS plan_level FROM plan_progress;
-- a plan-level target goes with its document
DELETE FROM plan_document;
SELECT count(*) AS targets_left FROM plan_target;
