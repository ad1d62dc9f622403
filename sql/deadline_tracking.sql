--
-- deadline_tracking: plan_load stores the deadlines (plan_deadline), an office
-- records progress (plan_task_status, plan_record_status), and the views
-- plan_due, plan_overdue and plan_unit_deadlines answer as of a date — fixed
-- dates here, so the test never depends on today.
--
\set simp `cat test/docs/deadlines_style.txt`

SELECT plan_ingest(:'simp', 'deadlines_style.txt') AS doc \gset

-- the stored rows are plan_deadlines() of the text
SELECT count(*) AS stored,
       (SELECT count(*) FROM plan_deadlines(:'simp')) AS parsed,
       count(*) FILTER (WHERE inherited) AS inherited
FROM plan_deadline WHERE document_id = :doc;
SELECT count(*) AS differ FROM (
  SELECT ord, code, due, kind, inherited, raw FROM plan_deadline WHERE document_id = :doc
  EXCEPT SELECT ord, code, due, kind, inherited, raw FROM plan_deadlines(:'simp')) x;

-- every view column is a plain type a BI tool reads
SELECT table_name, string_agg(DISTINCT data_type, ', ' ORDER BY data_type) AS types
FROM information_schema.columns
WHERE table_name IN ('plan_due', 'plan_overdue', 'plan_unit_deadlines') AND table_schema = current_schema()
GROUP BY table_name ORDER BY table_name;

-- what falls due, with the lead units, before any status is recorded (as of 2024-06-01)
SELECT part, code, kind, due_from, due_by, inherited, raw, lead_units, status, days_left, overdue
FROM plan_due('2024-06-01') WHERE document_id = :doc ORDER BY ord, raw;

-- the office records progress; the same day again replaces the status
SELECT plan_record_status(:doc, '2.1', 'in_progress', '2024-05-10', '摸底调查过半');
SELECT plan_record_status(:doc, '2.1', 'done', '2024-12-20', '摸底完成');
SELECT plan_record_status(:doc, '2.1.1', 'done', '2024-12-31');
SELECT plan_record_status(:doc, '2.2', 'suspended', '2025-03-01', '等待省级政策');
SELECT plan_record_status(:doc, '1', 'in_progress', '2024-10-01', NULL, 2);
SELECT plan_record_status(:doc, '1', 'done', '2025-02-15', '规划已批复', 2);
SELECT plan_record_status(:doc, '2', 'not_started', '2024-11-01', NULL, 2);
SELECT plan_record_status(:doc, '2', 'in_progress', '2024-11-01', '已立项', 2);
SELECT code, part, as_of, status, note, recorded_by = current_user AS by_me FROM plan_task_status
WHERE document_id = :doc ORDER BY part, code, as_of;

-- statuses count as of the date asked: 2.1 was in progress on 2024-06-01; 2.1.1 has no record of its own
-- then, so its parent's counts
SELECT code, raw, status, status_as_of, done_on, overdue FROM plan_due('2024-06-01')
WHERE document_id = :doc AND code IN ('2.1', '2.1.1') ORDER BY ord, raw;

-- overdue as of 2025-01-15: passed and not done (nor suspended); none recorded counts as not done;
-- 2.1.2 records nothing, and its parent 2.1 was done on 2024-12-20
SELECT part, code, kind, due_by, raw, lead_units, status, days_overdue
FROM plan_overdue('2025-01-15') WHERE document_id = :doc ORDER BY part, ord, raw;
-- ... and as of 2026-01-15
SELECT part, code, due_by, raw, status, days_overdue
FROM plan_overdue('2026-01-15') WHERE document_id = :doc ORDER BY part, ord, raw;

-- per lead unit as of 2024-11-01 and as of 2025-03-01
SELECT unit, unit_kind, tasks, deadlines, due_next_90_days, overdue, done, done_on_time, done_late
FROM plan_unit_deadlines('2024-11-01') WHERE document_id = :doc ORDER BY unit;
SELECT unit, tasks, deadlines, due_next_90_days, overdue, done, done_on_time, done_late
FROM plan_unit_deadlines('2025-03-01') WHERE document_id = :doc ORDER BY unit;

-- the views are the functions as of today
SELECT (SELECT count(*) FROM plan_due WHERE document_id = :doc) = (SELECT count(*) FROM plan_due(current_date) WHERE document_id = :doc) AS due_today,
       (SELECT count(*) FROM plan_overdue WHERE document_id = :doc) = (SELECT count(*) FROM plan_overdue(current_date) WHERE document_id = :doc) AS overdue_today,
       (SELECT count(*) FROM plan_unit_deadlines WHERE document_id = :doc) = (SELECT count(*) FROM plan_unit_deadlines(current_date) WHERE document_id = :doc) AS units_today;

-- a status must be one of the four
\set VERBOSITY terse
INSERT INTO plan_task_status (document_id, code, status) VALUES (:doc, '2.1', 'finished');
\set VERBOSITY default
SELECT plan_record_status(:doc, '2.1', 'done', '2024-12-20', NULL, 1) IS NULL AS replaced;

-- deleting the document deletes its deadlines and statuses
DELETE FROM plan_document WHERE id = :doc;
SELECT (SELECT count(*) FROM plan_deadline WHERE document_id = :doc) AS deadlines,
       (SELECT count(*) FROM plan_task_status WHERE document_id = :doc) AS statuses;
