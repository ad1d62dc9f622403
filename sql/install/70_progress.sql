--------------------------------------------------------------------------
-- Progress tracking: actual values that analysts record, and a view of
-- every stored target against the latest actual value of its indicator.
-- plan_actual is a user table of the extension (dumped by pg_dump).
--------------------------------------------------------------------------

CREATE SEQUENCE @extschema@.plan_actual_id_seq;

CREATE TABLE @extschema@.plan_actual (
	id          bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.plan_actual_id_seq'),
	indicator   text NOT NULL,
	region      text,
	year        int NOT NULL CHECK (year BETWEEN 1900 AND 2199),
	value       numeric NOT NULL,
	unit        text,
	source      text,
	document_id bigint REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE,
	code        @extschema@.taskcode,
	recorded_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
ALTER SEQUENCE @extschema@.plan_actual_id_seq OWNED BY @extschema@.plan_actual.id;
CREATE INDEX plan_actual_indicator_idx ON @extschema@.plan_actual (@extschema@.plan_fold(indicator), year);
COMMENT ON TABLE @extschema@.plan_actual IS
	'actual values of indicators (统计公报, 年鉴 …) to check targets against';
COMMENT ON COLUMN @extschema@.plan_actual.indicator IS
	'indicator name as plan_targets() reports it (compared after plan_fold: script and width do not matter)';
COMMENT ON COLUMN @extschema@.plan_actual.region IS 'where the figure is for (全市, 渝中区 …); NULL: the plan''s own area';
COMMENT ON COLUMN @extschema@.plan_actual.unit IS 'unit as printed (万人, %, 公里); NULL: the unit of the target';
COMMENT ON COLUMN @extschema@.plan_actual.document_id IS 'only for the targets of this document; NULL: every plan with the indicator';
COMMENT ON COLUMN @extschema@.plan_actual.code IS 'only for the target of this task; NULL: every task with the indicator';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_actual', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_actual_id_seq', '');
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_actual TO @extowner@ WITH GRANT OPTION;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE @extschema@.plan_actual_id_seq TO @extowner@ WITH GRANT OPTION;

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
