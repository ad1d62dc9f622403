--------------------------------------------------------------------------
-- The targets of every stored task (plan_targets() of the stored bodies,
-- filled by plan_load()) and a view of them with plain column types.
--------------------------------------------------------------------------

CREATE TABLE @extschema@.plan_target (
	document_id  bigint NOT NULL,
	ord          int NOT NULL,
	n            int NOT NULL,		-- the target's position in the document
	part         int NOT NULL,
	code         @extschema@.taskcode NOT NULL,
	indicator    text,
	target       @extschema@.target NOT NULL,
	year         int,
	period       text,
	aspirational boolean NOT NULL DEFAULT false,
	raw          text,
	PRIMARY KEY (document_id, n),
	FOREIGN KEY (document_id, ord) REFERENCES @extschema@.plan_task (document_id, ord) ON DELETE CASCADE
);
CREATE INDEX plan_target_indicator_idx ON @extschema@.plan_target (@extschema@.plan_fold(indicator));
CREATE INDEX plan_target_task_idx ON @extschema@.plan_target (document_id, ord);
COMMENT ON TABLE @extschema@.plan_target IS 'quantitative targets of the stored tasks (plan_targets() of their documents)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_target', '');
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_target TO @extowner@ WITH GRANT OPTION;

CREATE VIEW @extschema@.plan_task_targets AS
SELECT g.document_id, d.docno::text AS docno, d.title AS document_title, g.part, g.ord,
	   g.code::text AS code, t.heading, g.indicator, g.target::text AS target,
	   @extschema@.target_op(g.target) AS op, @extschema@.target_kind(g.target) AS kind,
	   @extschema@.target_value(g.target) AS value, @extschema@.target_value_hi(g.target) AS value_hi,
	   @extschema@.target_unit(g.target) AS unit, @extschema@.target_dimension(g.target) AS dimension,
	   @extschema@.target_base_value(g.target) AS base_value, @extschema@.target_base_unit(g.target) AS base_unit,
	   g.year, g.period, g.aspirational, g.raw
FROM @extschema@.plan_target g
JOIN @extschema@.plan_task t USING (document_id, ord)
JOIN @extschema@.plan_document d ON d.id = g.document_id;
COMMENT ON VIEW @extschema@.plan_task_targets IS 'every stored target with its task and document (plain types, for BI tools)';
GRANT SELECT ON @extschema@.plan_task_targets TO @extowner@ WITH GRANT OPTION;
