-- 0.3 -> 0.4: the deadlines of the documents stored before 0.4, from their
-- stored text (plan_deadline is created by sql/install/82_deadlines.sql,
-- which runs before this file; plan_load stores them from 0.4 on, in
-- sql/install/90_load_id.sql).  A row whose task the stored tree does not
-- have, by ord and code, is left out.

INSERT INTO @extschema@.plan_deadline (document_id, ord, n, part, code, due, kind, inherited, raw,
                                       start_offset, end_offset)
SELECT d.id, x.ord, row_number() OVER (PARTITION BY d.id), x.part, x.code, x.due, x.kind, x.inherited,
       x.raw, x.start_offset, x.end_offset
FROM @extschema@.plan_document d
CROSS JOIN LATERAL @extschema@.plan_deadlines(d.body) x
WHERE EXISTS (SELECT 1 FROM @extschema@.plan_task t
              WHERE t.document_id = d.id AND t.ord = x.ord AND t.code = x.code);
