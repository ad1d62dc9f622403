# per document and lead unit: due in the next 90 days, overdue, done on time (plan_unit_deadlines)
# A data loader: Observable Framework runs it at build time and serves its
# output as unit_deadlines.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT document_id, docno, unit, level, unit_kind, tasks, deadlines, due_next_90_days, overdue, done, done_on_time, done_late
  FROM plan_unit_deadlines ORDER BY overdue DESC, due_next_90_days DESC, unit, document_id
) v"
