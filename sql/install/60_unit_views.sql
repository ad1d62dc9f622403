--------------------------------------------------------------------------
-- Who does what: the units of every stored task (filled by plan_load()
-- from plan_units()) and views for BI tools with plain column types only
-- (text, int, bigint), so any client reads them without knowing respunit.
--------------------------------------------------------------------------

CREATE TABLE @extschema@.plan_task_unit (
	document_id  bigint NOT NULL,
	ord          int NOT NULL,
	part         int NOT NULL,
	code         @extschema@.taskcode NOT NULL,
	unit         @extschema@.respunit NOT NULL,
	role         text NOT NULL CHECK (role IN ('lead', 'co', 'responsible', 'implicit')),
	raw          text,
	PRIMARY KEY (document_id, ord, unit),
	FOREIGN KEY (document_id, ord) REFERENCES @extschema@.plan_task (document_id, ord) ON DELETE CASCADE
);
-- "which tasks involve unit X" (in any spelling: the literal is normalised)
CREATE INDEX plan_task_unit_unit_idx ON @extschema@.plan_task_unit (unit, role);
COMMENT ON TABLE @extschema@.plan_task_unit IS
	'responsible units of the stored tasks (plan_units() of their documents), one row per task and unit';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_task_unit', '');

-- every task-unit row with its document and task, plain types
CREATE VIEW @extschema@.plan_task_units AS
SELECT u.document_id, d.docno::text AS docno, d.title AS document_title, u.part, u.ord,
	   u.code::text AS code, t.heading, u.unit::text AS unit, u.role,
	   @extschema@.respunit_level(u.unit) AS level, @extschema@.respunit_kind(u.unit) AS kind,
	   u.raw
FROM @extschema@.plan_task_unit u
JOIN @extschema@.plan_task t USING (document_id, ord)
JOIN @extschema@.plan_document d ON d.id = u.document_id;
COMMENT ON VIEW @extschema@.plan_task_units IS 'responsible units of every stored task (plain types, for BI tools)';

-- workload per document and unit: tasks led, co-responsible, …; named =
-- listed in the task's own text, total = named or implied by a standing rule
CREATE VIEW @extschema@.plan_unit_workload AS
SELECT u.document_id, d.docno::text AS docno, d.title AS document_title, u.unit::text AS unit,
	   @extschema@.respunit_level(u.unit) AS level, @extschema@.respunit_kind(u.unit) AS kind,
	   (pg_catalog.count(*) FILTER (WHERE u.role = 'lead'))::int AS tasks_led,
	   (pg_catalog.count(*) FILTER (WHERE u.role = 'co'))::int AS tasks_co,
	   (pg_catalog.count(*) FILTER (WHERE u.role = 'responsible'))::int AS tasks_responsible,
	   (pg_catalog.count(*) FILTER (WHERE u.role = 'implicit'))::int AS tasks_implicit,
	   (pg_catalog.count(*) FILTER (WHERE u.role <> 'implicit'))::int AS tasks_named,
	   pg_catalog.count(*)::int AS tasks_total
FROM @extschema@.plan_task_unit u
JOIN @extschema@.plan_document d ON d.id = u.document_id
GROUP BY u.document_id, d.docno, d.title, u.unit;
COMMENT ON VIEW @extschema@.plan_unit_workload IS
	'tasks per unit and document: led, co-responsible, responsible, implicit, named, total (plain types)';

-- the same over all stored documents: the per-document counts added up
CREATE VIEW @extschema@.plan_unit_workload_overall AS
SELECT w.unit, w.level, w.kind,
	   pg_catalog.count(*)::int AS documents,
	   pg_catalog.sum(w.tasks_led)::int AS tasks_led,
	   pg_catalog.sum(w.tasks_co)::int AS tasks_co,
	   pg_catalog.sum(w.tasks_responsible)::int AS tasks_responsible,
	   pg_catalog.sum(w.tasks_implicit)::int AS tasks_implicit,
	   pg_catalog.sum(w.tasks_named)::int AS tasks_named,
	   pg_catalog.sum(w.tasks_total)::int AS tasks_total
FROM @extschema@.plan_unit_workload w
GROUP BY w.unit, w.level, w.kind;
COMMENT ON VIEW @extschema@.plan_unit_workload_overall IS
	'tasks per unit over all stored documents (plain types)';

-- unit x document, zeros included (a heat map's cells): named tasks and leads
CREATE VIEW @extschema@.plan_unit_matrix AS
SELECT un.unit::text AS unit, d.id AS document_id, d.docno::text AS docno, d.title AS document_title,
	   coalesce(w.tasks, 0) AS tasks, coalesce(w.led, 0) AS tasks_led
FROM (SELECT DISTINCT unit FROM @extschema@.plan_task_unit WHERE role <> 'implicit') un
CROSS JOIN @extschema@.plan_document d
LEFT JOIN (SELECT document_id, unit, pg_catalog.count(*)::int AS tasks,
				  (pg_catalog.count(*) FILTER (WHERE role = 'lead'))::int AS led
		   FROM @extschema@.plan_task_unit WHERE role <> 'implicit'
		   GROUP BY document_id, unit) w
  ON w.document_id = d.id AND w.unit = un.unit;
COMMENT ON VIEW @extschema@.plan_unit_matrix IS
	'named tasks of every unit in every stored document, zeros included (plain types)';

-- co-responsibility network: units named together on a task (edges, unit_a < unit_b)
CREATE VIEW @extschema@.plan_unit_pairs AS
SELECT a.unit::text AS unit_a, b.unit::text AS unit_b,
	   pg_catalog.count(*)::int AS shared_tasks,
	   (pg_catalog.count(DISTINCT a.document_id))::int AS documents,
	   (pg_catalog.count(*) FILTER (WHERE a.role = 'lead' OR b.role = 'lead'))::int AS with_a_lead
FROM @extschema@.plan_task_unit a
JOIN @extschema@.plan_task_unit b
  ON b.document_id = a.document_id AND b.ord = a.ord AND a.unit < b.unit
WHERE a.role <> 'implicit' AND b.role <> 'implicit'
GROUP BY a.unit, b.unit;
COMMENT ON VIEW @extschema@.plan_unit_pairs IS
	'pairs of units named on the same tasks, with counts: edges for network analysis (plain types)';

-- a trusted install runs as the bootstrap superuser: the installing user gets full use
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_task_unit TO @extowner@ WITH GRANT OPTION;
GRANT SELECT ON @extschema@.plan_task_units, @extschema@.plan_unit_workload, @extschema@.plan_unit_workload_overall,
	@extschema@.plan_unit_matrix, @extschema@.plan_unit_pairs TO @extowner@ WITH GRANT OPTION;
