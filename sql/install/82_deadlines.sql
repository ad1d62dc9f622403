-- since 0.4
--------------------------------------------------------------------------
-- Deadlines and progress tracking (督办): what each task promises by when,
-- what an office records about its progress, and views with plain column
-- types for BI tools: what falls due, what is overdue, per unit.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.plan_deadlines(doc text,
	OUT code @extschema@.taskcode, OUT due daterange, OUT kind text, OUT inherited boolean, OUT raw text,
	OUT part int4, OUT ord int4, OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20 COST 1500;
COMMENT ON FUNCTION @extschema@.plan_deadlines(text) IS
	'deadlines of every numbered item of a plan document (by, during, from, annual, ongoing), resolved to date ranges; inherited from the nearest ancestor that states one';

CREATE FUNCTION @extschema@.deadline_extract(text,
	OUT due daterange, OUT kind text, OUT raw text, OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'deadline_extract' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2 COST 100;
CREATE FUNCTION @extschema@.deadline_extract(text, year int4,
	OUT due daterange, OUT kind text, OUT raw text, OUT start_offset int4, OUT end_offset int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'deadline_extract' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2 COST 100;
COMMENT ON FUNCTION @extschema@.deadline_extract(text) IS
	'deadlines stated in any text, read as one task''s text';
COMMENT ON FUNCTION @extschema@.deadline_extract(text, int4) IS
	'deadlines stated in any text, read as one task''s text of a document of the given year (年内, 年底前, 上半年 …)';

-- the deadlines of the stored tasks (plan_deadlines() of their documents), filled by plan_load()
CREATE TABLE @extschema@.plan_deadline (
	document_id  bigint NOT NULL REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE,
	ord          int NOT NULL,
	n            int NOT NULL,		-- the row's position in the document
	part         int NOT NULL,
	code         @extschema@.taskcode NOT NULL,
	due          daterange NOT NULL,
	kind         text NOT NULL CHECK (kind IN ('by', 'during', 'from', 'annual', 'ongoing')),
	inherited    boolean NOT NULL DEFAULT false,
	raw          text,
	start_offset int,
	end_offset   int,
	PRIMARY KEY (document_id, n),
	FOREIGN KEY (document_id, ord) REFERENCES @extschema@.plan_task (document_id, ord) ON DELETE CASCADE
);
CREATE INDEX plan_deadline_task_idx ON @extschema@.plan_deadline (document_id, part, code);
CREATE INDEX plan_deadline_due_idx ON @extschema@.plan_deadline USING gist (due);
COMMENT ON TABLE @extschema@.plan_deadline IS
	'deadlines of the stored tasks (plan_deadlines() of their documents), one row per task and deadline';

-- progress recorded by an office that supervises implementation (督办)
CREATE TABLE @extschema@.plan_task_status (
	document_id  bigint NOT NULL REFERENCES @extschema@.plan_document (id) ON DELETE CASCADE,
	part         int NOT NULL DEFAULT 1,
	code         @extschema@.taskcode NOT NULL,
	as_of        date NOT NULL DEFAULT CURRENT_DATE,
	status       text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'suspended')),
	note         text,
	recorded_by  text NOT NULL DEFAULT CURRENT_USER,
	recorded_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (document_id, part, code, as_of)
);
COMMENT ON TABLE @extschema@.plan_task_status IS
	'the status of a stored task as of a date (not_started, in_progress, done, suspended), recorded by an office; the latest as_of counts';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_deadline', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_task_status', '');
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON @extschema@.plan_deadline, @extschema@.plan_task_status
	TO @extowner@ WITH GRANT OPTION;

-- record a status with the code as text (what a form or a BI tool sends); the same day again replaces it
CREATE FUNCTION @extschema@.plan_record_status(document_id bigint, code text, status text,
	as_of date DEFAULT CURRENT_DATE, note text DEFAULT NULL, part int DEFAULT 1)
RETURNS void
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
	INSERT INTO @extschema@.plan_task_status AS s (document_id, part, code, as_of, status, note)
	VALUES ($1, $6, $2::@extschema@.taskcode, $4, $3, $5)
	ON CONFLICT (document_id, part, code, as_of)
	DO UPDATE SET status = excluded.status, note = excluded.note,
	              recorded_by = CURRENT_USER, recorded_at = pg_catalog.now()
$$;
COMMENT ON FUNCTION @extschema@.plan_record_status(bigint, text, text, date, text, int) IS
	'record the status of a stored task as of a date (replaces a status recorded for the same day)';

-- every stored deadline with its task, lead units and status as of a date
CREATE FUNCTION @extschema@.plan_due(as_of date,
	OUT document_id bigint, OUT docno text, OUT document_title text, OUT part int, OUT ord int,
	OUT code text, OUT heading text, OUT kind text, OUT due_from date, OUT due_by date,
	OUT inherited boolean, OUT raw text, OUT lead_units text,
	OUT status text, OUT status_as_of date, OUT status_note text, OUT done_on date,
	OUT days_left int, OUT overdue boolean)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
	SELECT dl.document_id, d.docno::text, d.title, dl.part, dl.ord, dl.code::text, t.heading, dl.kind,
	       CASE WHEN lower_inf(dl.due) THEN NULL ELSE lower(dl.due) END,
	       CASE WHEN upper_inf(dl.due) THEN NULL ELSE upper(dl.due) - 1 END,
	       dl.inherited, dl.raw, lu.units,
	       st.status, st.as_of, st.note, dn.done_on,
	       CASE WHEN upper_inf(dl.due) THEN NULL ELSE (upper(dl.due) - 1) - $1 END,
	       NOT upper_inf(dl.due) AND upper(dl.due) <= $1
	         AND coalesce(st.status NOT IN ('done', 'suspended'), true)
	FROM @extschema@.plan_deadline dl
	JOIN @extschema@.plan_document d ON d.id = dl.document_id
	JOIN @extschema@.plan_task t ON t.document_id = dl.document_id AND t.ord = dl.ord
	LEFT JOIN LATERAL (
		-- the lead units, else the units responsible
		SELECT string_agg(u.unit::text, '、' ORDER BY u.unit) AS units
		FROM @extschema@.plan_task_unit u
		WHERE u.document_id = dl.document_id AND u.ord = dl.ord
		  AND u.role = CASE WHEN EXISTS (SELECT 1 FROM @extschema@.plan_task_unit l
		                                 WHERE l.document_id = dl.document_id AND l.ord = dl.ord
		                                   AND l.role = 'lead')
		                    THEN 'lead' ELSE 'responsible' END
	) lu ON true
	LEFT JOIN LATERAL (
		-- the latest status of the task, else of its nearest ancestor with one (a section marked done
		-- covers its items)
		SELECT s.code, s.status, s.as_of, s.note FROM @extschema@.plan_task_status s
		WHERE s.document_id = dl.document_id AND s.part = dl.part AND s.code @> dl.code AND s.as_of <= $1
		ORDER BY nlevel(s.code) DESC, s.as_of DESC LIMIT 1
	) st ON true
	LEFT JOIN LATERAL (
		SELECT min(s.as_of) AS done_on FROM @extschema@.plan_task_status s
		WHERE s.document_id = dl.document_id AND s.part = dl.part AND s.code = st.code
		  AND s.status = 'done' AND s.as_of <= $1
	) dn ON true
$$;
COMMENT ON FUNCTION @extschema@.plan_due(date) IS
	'every stored deadline with its task, lead units and status as of a date (plain types)';

CREATE VIEW @extschema@.plan_due AS
SELECT * FROM @extschema@.plan_due(CURRENT_DATE);
COMMENT ON VIEW @extschema@.plan_due IS
	'every stored deadline with its task, lead units and latest status, as of today (plain types, for BI tools)';

-- deadlines passed and not done (nor suspended) as of a date
CREATE FUNCTION @extschema@.plan_overdue(as_of date,
	OUT document_id bigint, OUT docno text, OUT document_title text, OUT part int, OUT ord int,
	OUT code text, OUT heading text, OUT kind text, OUT due_by date, OUT inherited boolean,
	OUT raw text, OUT lead_units text, OUT status text, OUT status_as_of date, OUT days_overdue int)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
	SELECT p.document_id, p.docno, p.document_title, p.part, p.ord, p.code, p.heading, p.kind, p.due_by,
	       p.inherited, p.raw, p.lead_units, p.status, p.status_as_of, -p.days_left
	FROM @extschema@.plan_due($1) p
	WHERE p.overdue
$$;
COMMENT ON FUNCTION @extschema@.plan_overdue(date) IS
	'stored deadlines passed by a date whose task was not done (nor suspended) by then (plain types)';

CREATE VIEW @extschema@.plan_overdue AS
SELECT * FROM @extschema@.plan_overdue(CURRENT_DATE);
COMMENT ON VIEW @extschema@.plan_overdue IS
	'stored deadlines passed and not done (nor suspended) as of today (plain types, for BI tools)';

-- per document and lead unit: what falls due, what is overdue, what was done on time
CREATE FUNCTION @extschema@.plan_unit_deadlines(as_of date,
	OUT document_id bigint, OUT docno text, OUT unit text, OUT level text, OUT unit_kind text,
	OUT tasks int, OUT deadlines int, OUT due_next_90_days int, OUT overdue int, OUT done int,
	OUT done_on_time int, OUT done_late int)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $$
	SELECT p.document_id, p.docno, u.unit::text, respunit_level(u.unit), respunit_kind(u.unit),
	       count(DISTINCT p.ord)::int,
	       (count(*) FILTER (WHERE p.due_by IS NOT NULL))::int,
	       (count(*) FILTER (WHERE p.due_by >= $1 AND p.due_by < $1 + 90
	                           AND p.status IS DISTINCT FROM 'done'))::int,
	       (count(*) FILTER (WHERE p.overdue))::int,
	       (count(*) FILTER (WHERE p.status = 'done'))::int,
	       (count(*) FILTER (WHERE p.done_on IS NOT NULL AND p.due_by IS NOT NULL
	                           AND p.done_on <= p.due_by))::int,
	       (count(*) FILTER (WHERE p.done_on IS NOT NULL AND p.due_by IS NOT NULL
	                           AND p.done_on > p.due_by))::int
	FROM @extschema@.plan_due($1) p
	JOIN @extschema@.plan_task_unit u ON u.document_id = p.document_id AND u.ord = p.ord
	WHERE u.role = 'lead'
	   OR (u.role = 'responsible' AND NOT EXISTS (SELECT 1 FROM @extschema@.plan_task_unit l
	                                           WHERE l.document_id = p.document_id AND l.ord = p.ord
	                                             AND l.role = 'lead'))
	GROUP BY p.document_id, p.docno, u.unit
$$;
COMMENT ON FUNCTION @extschema@.plan_unit_deadlines(date) IS
	'per document and lead unit, as of a date: deadlines due in the next 90 days, overdue, done, done on time or late (plain types)';

CREATE VIEW @extschema@.plan_unit_deadlines AS
SELECT * FROM @extschema@.plan_unit_deadlines(CURRENT_DATE);
COMMENT ON VIEW @extschema@.plan_unit_deadlines IS
	'per document and lead unit, as of today: deadlines due in the next 90 days, overdue, done on time (plain types, for BI tools)';

GRANT SELECT ON @extschema@.plan_due, @extschema@.plan_overdue, @extschema@.plan_unit_deadlines
	TO @extowner@ WITH GRANT OPTION;
