--
-- progress tracking: actual values in plan_actual, and plan_progress, every
-- target of the stored documents against the latest actual value
--
\set cq `cat test/docs/cq_style_simp.txt`
SELECT plan_ingest(:'cq', 'progress test') AS doc \gset

-- actual values as analysts record them: other units, the other script, a
-- region, a wrong unit, a baseline year
INSERT INTO plan_actual (indicator, year, value, unit, source) VALUES
  ('常住人口城镇化率', 2023, 71.67, '%', '统计公报'),
  ('常住人口城镇化率', 2024, 72.5, NULL, '统计公报'),
  ('城鎮新增就業人數', 2024, 750000, '人', '统计公报'),
  ('每年开展职业技能培训', 2024, 21, '万人次', '人力社保局'),
  ('轨道交通运营里程', 2020, 370, '千米', '交通年报'),
  ('轨道交通运营里程', 2024, 600, '公里', '交通年报'),
  ('主城新区常住人口城镇化率', 2024, 68, '个', 'a wrong unit');
INSERT INTO plan_actual (indicator, region, year, value, unit, document_id) VALUES
  ('常住人口城镇化率', '渝中区', 2024, 100, '%', :doc);

SELECT code, indicator, target, region, actual_year, actual_value, actual_unit, actual_in_unit,
       status, met, gap, baseline_year, baseline_value, progress_percent
FROM plan_progress WHERE document_id = :doc ORDER BY ord, indicator, region NULLS FIRST;

-- a status per target, as a BI tool would chart it
SELECT status, count(*) FROM plan_progress WHERE document_id = :doc GROUP BY status ORDER BY status;

-- an actual value for one task only
INSERT INTO plan_actual (indicator, year, value, document_id, code) VALUES ('轨道交通运营里程', 2025, 820, :doc, '4.15');
SELECT code, actual_year, actual_value, status, progress_percent FROM plan_progress
WHERE document_id = :doc AND indicator = '轨道交通运营里程';

-- plain column types only
SELECT DISTINCT format_type(atttypid, atttypmod) AS column_types FROM pg_attribute
WHERE attrelid = 'plan_progress'::regclass AND attnum > 0 ORDER BY 1;

-- bad rows are refused
\set VERBOSITY terse
INSERT INTO plan_actual (indicator, year, value) VALUES ('x', 20025, 1);
INSERT INTO plan_actual (indicator, year, value) VALUES (NULL, 2025, 1);
\set VERBOSITY default

-- deleting the document deletes the actual values recorded for it only
DELETE FROM plan_document WHERE id = :doc;
SELECT count(*) AS left_for_any_plan, count(*) FILTER (WHERE document_id IS NOT NULL) AS left_for_the_document
FROM plan_actual;
DELETE FROM plan_actual;
