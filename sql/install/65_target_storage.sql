--------------------------------------------------------------------------
-- The targets of every stored task (plan_targets() of the stored bodies,
-- filled by plan_load()) and a view of them with plain column types.
--------------------------------------------------------------------------

CREATE TABLE @extschema@.plan_target (
	document_id  bigint NOT NULL,
	ord          int,				-- NULL: a plan-level target, stated before the first item
	n            int NOT NULL,		-- the target's position in the document
	part         int NOT NULL,
	code         @extschema@.taskcode,	-- NULL with ord
	indicator    text,
	target       @extschema@.target NOT NULL,
	year         int,
	period       text,
	aspirational boolean NOT NULL DEFAULT false,
	raw          text,
	kind         text NOT NULL CHECK (kind IN ('level', 'output', 'change', 'limit')),	-- added in 0.3
	PRIMARY KEY (document_id, n),
	FOREIGN KEY (document_id, ord) REFERENCES @extschema@.plan_task (document_id, ord) ON DELETE CASCADE,
	-- plan-level targets (no ord) go with their document: added in 0.3
	CONSTRAINT plan_target_document_id_fkey FOREIGN KEY (document_id)
		REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE
);
CREATE INDEX plan_target_indicator_idx ON @extschema@.plan_target (@extschema@.plan_fold(indicator));
CREATE INDEX plan_target_task_idx ON @extschema@.plan_target (document_id, ord);
COMMENT ON TABLE @extschema@.plan_target IS 'quantitative targets of the stored tasks (plan_targets() of their documents)';
COMMENT ON COLUMN @extschema@.plan_target.kind IS
	'what the target commits the plan to: level (where an indicator should stand), output (a quantity delivered), change (against a base), limit (a ceiling, floor or time limit set as a rule)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_target', '');
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_target TO @extowner@ WITH GRANT OPTION;

CREATE VIEW @extschema@.plan_task_targets AS
SELECT g.document_id, d.docno::text AS docno, d.title AS document_title, g.part, g.ord,
	   g.code::text AS code, t.heading, g.indicator, g.target::text AS target,
	   @extschema@.target_op(g.target) AS op, g.kind, @extschema@.target_kind(g.target) AS form,
	   @extschema@.target_value(g.target) AS value, @extschema@.target_value_hi(g.target) AS value_hi,
	   @extschema@.target_unit(g.target) AS unit, @extschema@.target_dimension(g.target) AS dimension,
	   @extschema@.target_base_value(g.target) AS base_value, @extschema@.target_base_unit(g.target) AS base_unit,
	   g.year, g.period, g.aspirational, g.raw
FROM @extschema@.plan_target g
LEFT JOIN @extschema@.plan_task t USING (document_id, ord)
JOIN @extschema@.plan_document d ON d.id = g.document_id;
COMMENT ON VIEW @extschema@.plan_task_targets IS 'every stored target with its task and document (plain types, for BI tools); plan-level targets have NULL code and heading; kind: level/output/change/limit, form: level/growth (target_kind)';
GRANT SELECT ON @extschema@.plan_task_targets TO @extowner@ WITH GRANT OPTION;
