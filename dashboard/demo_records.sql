-- What an office and an analyst would have recorded by the time the demo
-- dashboard is built: task statuses (plan_task_status, through
-- plan_record_status) for our deadline test document, and actual values
-- (plan_actual) for the Chongqing targets.  The figures are made up for the
-- demo, and their source says so; scripts/dashboard.sh runs this once, after
-- loading the demo documents and scripts/demo.sql (which records one figure).
\set ON_ERROR_STOP on
SELECT count(*) AS statuses_recorded FROM (
SELECT plan_record_status(d.document_id, s.code, s.status, s.as_of::date, s.note, s.part)
FROM plan_documents d
CROSS JOIN (VALUES
  ('2.1.1', 'done',        '2024-06-20', 'pilot areas chosen', 1),
  ('2.1',   'in_progress', '2025-03-01', 'survey finished, guideline drafted', 1),
  ('2.2',   'in_progress', '2025-10-01', NULL, 1),
  ('2.3',   'done',        '2025-10-15', 'finished two weeks late', 1),
  ('2.4',   'done',        '2024-06-28', NULL, 1),
  ('1',     'done',        '2024-12-20', 'plan approved', 2),
  ('6',     'suspended',   '2025-05-01', 'waiting for the provincial fund rules', 2)
) AS s(code, status, as_of, note, part)
WHERE d.docno = '江府办发〔2024〕12号') r;

INSERT INTO plan_actual (indicator, region, year, value, unit, source)
VALUES ('常住人口城镇化率', NULL, 2022, 71.67, '%', 'demo figure, not an official statistic'),
       ('主城新区常住人口城镇化率', NULL, 2024, 71.2, '%', 'demo figure, not an official statistic'),
       ('轨道交通运营里程', NULL, 2022, 370, '公里', 'demo figure, not an official statistic'),
       ('轨道交通运营里程', NULL, 2024, 600, '公里', 'demo figure, not an official statistic');
