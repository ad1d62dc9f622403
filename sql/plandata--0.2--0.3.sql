-- plandata--0.2--0.3.sql: targets say what they commit the plan to (kind:
-- level, output, change, limit), and plan-level targets (stated before the
-- first item, in a 主要目标 / 具体指标 paragraph) are stored with a NULL code.
\echo Use "ALTER EXTENSION plandata UPDATE TO '0.3'" to load this file. \quit

-- the views over plan_target are rebuilt: their old column kind
-- (target_kind(): level/growth) is now called form, and kind is the new one
DROP VIEW @extschema@.plan_progress;
DROP VIEW @extschema@.plan_task_targets;

-- the extractors gain the kind column (after target)
DROP FUNCTION @extschema@.target_extract(text, int4);
DROP FUNCTION @extschema@.plan_targets(text);

-- the extractor
CREATE FUNCTION @extschema@.target_extract(txt text, year int4 DEFAULT NULL,
	OUT indicator text, OUT target @extschema@.target, OUT kind text, OUT year int4, OUT period text,
	OUT aspirational boolean, OUT raw text, OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.target_extract(text, int4) IS
	'quantitative targets in running text (a governing year may be given); kind: level, output, change or limit; offsets are 0-based characters';

CREATE FUNCTION @extschema@.plan_targets(doc text,
	OUT code @extschema@.taskcode, OUT indicator text, OUT target @extschema@.target, OUT kind text, OUT year int4,
	OUT period text, OUT aspirational boolean, OUT raw text, OUT part int4, OUT ord int4,
	OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.plan_targets(text) IS
	'quantitative targets of a plan document, each with the code of the item that states it (ord = plan_tasks.ord; NULL code and ord: a plan-level target stated before the first item); kind: level, output, change or limit';

-- plan-level targets have no item: ord and code may be NULL; they go with
-- their document.  kind is worked out again from the stored text: a row of
-- an earlier parse that the new one no longer gives keeps the kind its form
-- implies (a growth value is a change, anything else a level).
ALTER TABLE @extschema@.plan_target ALTER COLUMN ord DROP NOT NULL,
	ALTER COLUMN code DROP NOT NULL,
	ADD COLUMN kind text,
	ADD CONSTRAINT plan_target_document_id_fkey FOREIGN KEY (document_id)
		REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE;
UPDATE @extschema@.plan_target g SET kind = x.kind
FROM @extschema@.plan_document d,
	 LATERAL (SELECT p.ord, p.target, p.raw, p.kind FROM @extschema@.plan_targets(d.body) p) x
WHERE d.id = g.document_id AND x.ord = g.ord AND x.target = g.target
  AND x.raw IS NOT DISTINCT FROM g.raw;
UPDATE @extschema@.plan_target SET kind = CASE WHEN @extschema@.target_kind(target) = 'growth' THEN 'change'
											  ELSE 'level' END
WHERE kind IS NULL;
ALTER TABLE @extschema@.plan_target ALTER COLUMN kind SET NOT NULL,
	ADD CONSTRAINT plan_target_kind_check CHECK (kind IN ('level', 'output', 'change', 'limit'));
COMMENT ON COLUMN @extschema@.plan_target.kind IS
	'what the target commits the plan to: level (where an indicator should stand), output (a quantity delivered), change (against a base), limit (a ceiling, floor or time limit set as a rule)';

-- plan_load stores the kind
CREATE OR REPLACE FUNCTION @extschema@.plan_load(body text, source text DEFAULT NULL,
	OUT document_id bigint, OUT inserted boolean,
	OUT tasks int, OUT units int, OUT targets int)
RETURNS record
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
DECLARE
	h bytea := sha256(convert_to(body, 'UTF8'));
	info record;
BEGIN
	-- not STRICT: source may be NULL; a NULL body stores nothing
	IF body IS NULL THEN
		RETURN;
	END IF;
	-- a text stored already costs one index probe, not a parse
	SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
	inserted := false;
	IF document_id IS NULL THEN
		SELECT * INTO info FROM plan_info(body);
		INSERT INTO plan_document (docno, title, issuer, issued, script, body, content_hash, source)
		VALUES (info.docno, info.title, info.issuer, info.issued, info.script, body, h, source)
		ON CONFLICT (content_hash) DO NOTHING
		RETURNING id INTO document_id;

		inserted := document_id IS NOT NULL;
		IF inserted THEN
			INSERT INTO plan_task (document_id, ord, part, code, depth, parent_code, heading, body,
			                       line, start_offset, end_offset)
			SELECT document_id, t.ord, t.part, t.code, t.depth, t.parent, t.heading, t.body,
			       t.line, t.start_offset, t.end_offset
			FROM plan_tasks(body) t;
			INSERT INTO plan_citation (document_id, docno, occurrences)
			SELECT document_id, c.docno, c.occurrences FROM plan_docnos(body) c WHERE c.role = 'cites';
			INSERT INTO plan_task_unit (document_id, ord, part, code, unit, role, raw)
			SELECT document_id, u.ord, u.part, u.code, u.unit, u.role, u.raw
			FROM plan_units(body) u;
			INSERT INTO plan_target (document_id, ord, n, part, code, indicator, target, kind, year,
			                         period, aspirational, raw)
			SELECT document_id, g.ord, row_number() OVER (), g.part, g.code, g.indicator, g.target, g.kind,
			       g.year, g.period, g.aspirational, g.raw
			FROM plan_targets(body) g;
		ELSE
			-- a concurrent load of the same text committed first
			SELECT d.id INTO document_id FROM plan_document d WHERE d.content_hash = h;
		END IF;
	END IF;
	SELECT count(*) INTO tasks FROM plan_task t WHERE t.document_id = plan_load.document_id;
	SELECT count(*) INTO units FROM plan_task_unit u WHERE u.document_id = plan_load.document_id;
	SELECT count(*) INTO targets FROM plan_target g WHERE g.document_id = plan_load.document_id;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_load(text, text) IS
	'parse and store a plan document unless its text is stored already; returns its id and what was stored';


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

-- One row per target of a stored document and region of its actual values
-- (one row with status 'no data' when there is none), from plan_target as
-- plan_load() stored it.  met / gap / progress are computed
-- only where the units are comparable ('unit mismatch' otherwise, never an
-- error).  progress_percent: for a level target, how far the latest actual
-- value has come from the earliest one recorded (the baseline) towards the
-- target value; for a growth target, the actual change as a share of the
-- promised one.  Plain column types, for BI tools.
CREATE VIEW @extschema@.plan_progress AS
SELECT d.id AS document_id, d.docno::text AS docno, d.title AS document_title,
	   t.part, t.ord, t.code::text AS code, t.indicator,
	   t.target::text AS target, @extschema@.target_op(t.target) AS op,
	   @extschema@.target_value(t.target) AS target_value,
	   @extschema@.target_value_hi(t.target) AS target_value_hi,
	   @extschema@.target_unit(t.target) AS unit, t.kind, @extschema@.target_kind(t.target) AS form,
	   t.year AS target_year, t.period, t.aspirational,
	   a.region, a.year AS actual_year, a.value AS actual_value, a.unit AS actual_unit, a.source,
	   v.actual AS actual_in_unit,
	   CASE WHEN a.id IS NULL THEN 'no data'
			WHEN NOT v.ok THEN 'unit mismatch'
			WHEN v.met THEN 'met' ELSE 'not met' END AS status,
	   v.met, v.gap,
	   b.year AS baseline_year, b.actual AS baseline_value,
	   CASE WHEN NOT v.ok THEN NULL
			WHEN @extschema@.target_kind(t.target) = 'growth' THEN
				pg_catalog.round(100 * v.actual / NULLIF(@extschema@.target_value(t.target), 0), 1)
			ELSE pg_catalog.round(100 * (v.actual - b.actual) /
								  NULLIF(@extschema@.target_value(t.target) - b.actual, 0), 1)
	   END AS progress_percent
FROM @extschema@.plan_document d
JOIN @extschema@.plan_target t ON t.document_id = d.id
LEFT JOIN LATERAL (
	SELECT DISTINCT ON (x.region) x.*
	FROM @extschema@.plan_actual x
	WHERE @extschema@.plan_fold(x.indicator) = @extschema@.plan_fold(t.indicator)
	  AND (x.document_id IS NULL OR x.document_id = d.id)
	  AND (x.code IS NULL OR x.code = t.code)
	ORDER BY x.region, x.year DESC, x.recorded_at DESC
) a ON true
LEFT JOIN LATERAL (
	SELECT ok,
		   CASE WHEN ok THEN @extschema@.target_convert(t.target, a.value, COALESCE(a.unit, @extschema@.target_unit(t.target))) END AS actual,
		   CASE WHEN ok THEN @extschema@.target_met(t.target, a.value, COALESCE(a.unit, @extschema@.target_unit(t.target))) END AS met,
		   CASE WHEN ok THEN @extschema@.target_gap(t.target, a.value, COALESCE(a.unit, @extschema@.target_unit(t.target))) END AS gap
	FROM (SELECT a.id IS NOT NULL AND
				 @extschema@.target_compatible(t.target, COALESCE(a.unit, @extschema@.target_unit(t.target))) AS ok) o
) v ON true
LEFT JOIN LATERAL (
	SELECT y.year, @extschema@.target_convert(t.target, y.value, COALESCE(y.unit, @extschema@.target_unit(t.target))) AS actual
	FROM @extschema@.plan_actual y
	WHERE v.ok AND y.year < a.year
	  AND y.region IS NOT DISTINCT FROM a.region
	  AND @extschema@.plan_fold(y.indicator) = @extschema@.plan_fold(t.indicator)
	  AND (y.document_id IS NULL OR y.document_id = d.id)
	  AND (y.code IS NULL OR y.code = t.code)
	  AND @extschema@.target_compatible(t.target, COALESCE(y.unit, @extschema@.target_unit(t.target)))
	ORDER BY y.year, y.recorded_at
	LIMIT 1
) b ON true;
COMMENT ON VIEW @extschema@.plan_progress IS
	'every target of the stored documents against the latest actual value of its indicator: met, gap, progress from the baseline (plain types)';

GRANT SELECT ON @extschema@.plan_progress TO @extowner@ WITH GRANT OPTION;
