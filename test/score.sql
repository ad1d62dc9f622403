-- score.sql — compare plandata's parse of one document with a hand-made
-- gold annotation (the format of ../shared/gold/*.json).  Variables:
--   :doc  the document text   :gold  the annotation (JSON)   :name  a label
-- Prints one row: precision/recall/F1 of task codes, the share of gold
-- headings reproduced exactly, and — where the extension has them — unit,
-- lead and target F1.  Attached texts (parts) are matched by their order.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
CREATE TEMP TABLE gold_j AS SELECT :'gold'::jsonb AS j;
CREATE TEMP TABLE gold_part AS
  SELECT p AS title, row_number() OVER (ORDER BY min(o)) AS pno
  FROM (SELECT coalesce(t->>'part', '') AS p, o
        FROM gold_j, jsonb_array_elements(j->'tasks') WITH ORDINALITY x(t, o)) s
  GROUP BY p;
CREATE TEMP TABLE gold_task AS
  SELECT gp.pno::int AS part, t->>'code' AS code, t->>'heading' AS heading
  FROM gold_j, jsonb_array_elements(j->'tasks') t
  JOIN gold_part gp ON gp.title = coalesce(t->>'part', '');
CREATE TEMP TABLE our_task AS
  SELECT part, code::text AS code, heading FROM plan_tasks(:'doc');

CREATE TEMP TABLE score (metric text, gold int, ours int, matched int);
INSERT INTO score
  SELECT 'tasks', (SELECT count(*) FROM gold_task), (SELECT count(*) FROM our_task),
         (SELECT count(*) FROM (SELECT DISTINCT part, code FROM gold_task
                                INTERSECT SELECT DISTINCT part, code FROM our_task) m);
INSERT INTO score
  SELECT 'headings', (SELECT count(*) FROM gold_task), NULL,
         (SELECT count(*) FROM gold_task g JOIN our_task o USING (part, code) WHERE g.heading = o.heading);

-- units: (part, task, unit) after the respunit normalisation; lead: role = lead only
SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'plan_units') AS have_units \gset
\if :have_units
CREATE TEMP TABLE gold_unit AS
  SELECT DISTINCT coalesce(gp.pno, 1)::int AS part, u->>'task' AS code,
         (u->>'unit')::respunit::text AS unit, u->>'role' AS role
  FROM gold_j, jsonb_array_elements(j->'units') u
  LEFT JOIN gold_part gp ON gp.title = coalesce(u->>'part', '');
CREATE TEMP TABLE our_unit AS
  SELECT DISTINCT part, code::text AS code, unit::text AS unit, role
  FROM plan_units(:'doc') WHERE role <> 'implicit';
INSERT INTO score
  SELECT 'units', (SELECT count(*) FROM (SELECT DISTINCT part, code, unit FROM gold_unit) g),
         (SELECT count(*) FROM (SELECT DISTINCT part, code, unit FROM our_unit) o),
         (SELECT count(*) FROM (SELECT part, code, unit FROM gold_unit
                                INTERSECT SELECT part, code, unit FROM our_unit) m);
INSERT INTO score
  SELECT 'leads', (SELECT count(*) FROM gold_unit WHERE role = 'lead'),
         (SELECT count(*) FROM our_unit WHERE role = 'lead'),
         (SELECT count(*) FROM (SELECT part, code, unit FROM gold_unit WHERE role = 'lead'
                                INTERSECT SELECT part, code, unit FROM our_unit WHERE role = 'lead') m);
\endif

-- targets: (part, task, value, unit as printed, folded)
SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'plan_targets') AS have_targets \gset
\if :have_targets
CREATE TEMP TABLE gold_target AS
  SELECT coalesce(gp.pno, 1)::int AS part, t->>'task' AS code, (t->>'value')::numeric AS value,
         plan_fold(coalesce(t->>'unit', '')) AS unit
  FROM gold_j, jsonb_array_elements(j->'targets') t
  LEFT JOIN gold_part gp ON gp.title = coalesce(t->>'part', '');
CREATE TEMP TABLE our_target AS
  SELECT part, coalesce(code::text, '') AS code, target_value(target) AS value,
         plan_fold(coalesce(target_unit(target), '')) AS unit
  FROM plan_targets(:'doc');
INSERT INTO score
  SELECT 'targets', (SELECT count(*) FROM gold_target), (SELECT count(*) FROM our_target),
         (SELECT count(*) FROM (SELECT part, code, value, unit FROM gold_target
                                INTERSECT ALL SELECT part, code, value, unit FROM our_target) m);
\endif

SELECT :'name' AS document, metric, gold, ours, matched,
       CASE WHEN ours IS NULL THEN NULL
            WHEN gold = 0 AND ours = 0 THEN 1.0
            WHEN gold = 0 OR ours = 0 OR matched = 0 THEN 0.0
            ELSE round(2.0 * matched / (gold + ours), 3) END AS f1,
       CASE WHEN ours IS NULL THEN round(matched::numeric / nullif(gold, 0), 3) END AS exact_share
FROM score;
