\pset footer off
\echo
\echo '== the documents'
SELECT document_id, docno, title, issuer, issued, script, tasks FROM plan_documents ORDER BY document_id;

\echo
\echo '== the task tree (top level, and how many tasks each holds)'
SELECT t.document_id AS doc, t.label, t.code, t.heading,
       (SELECT count(*) FROM plan_task s WHERE s.document_id = t.document_id AND s.part = t.part
          AND s.code <@ t.code::taskcode AND s.code <> t.code::taskcode) AS subtasks
FROM plan_task_tree t WHERE t.depth = 1 ORDER BY t.document_id, t.ord;

\echo
\echo '== the tasks of one section, as printed (四、 of the first document)'
SELECT code, label, heading FROM plan_task_tree
WHERE document_id = (SELECT min(id) FROM plan_document) AND code::taskcode <@ '4'
ORDER BY ord;

\echo
\echo '== who does what: unit workload in the first document (led, co-responsible, implied by a standing rule)'
SELECT unit, kind, tasks_led AS led, tasks_co AS co, tasks_responsible AS responsible,
       tasks_implicit AS implied, tasks_total AS total
FROM plan_unit_workload
WHERE document_id = (SELECT min(id) FROM plan_document)
ORDER BY tasks_total DESC, tasks_led DESC, unit LIMIT 12;

\echo
\echo '== who works with whom: units named together on the most tasks'
SELECT unit_a, unit_b, shared_tasks FROM plan_unit_pairs ORDER BY shared_tasks DESC, unit_a, unit_b LIMIT 5;

\echo
\echo '== the promises: quantitative targets of the first document, by kind (level, output, change, limit)'
SELECT code, indicator, target, kind, op, value, unit, year, period
FROM plan_task_targets WHERE document_id = (SELECT min(id) FROM plan_document) ORDER BY ord NULLS FIRST, target;

\echo
\echo '== checking one against an actual figure (plan_actual, recorded by an analyst)'
INSERT INTO plan_actual (indicator, region, year, value, unit, source)
SELECT indicator, NULL, 2024, 72.1, '%', 'demo: a figure an analyst recorded'
FROM plan_task_targets WHERE document_id = (SELECT min(id) FROM plan_document) AND code = '1' LIMIT 1;
SELECT code, indicator, target, actual_year, actual_value, status, gap
FROM plan_progress WHERE document_id = (SELECT min(id) FROM plan_document) AND status <> 'no data';
