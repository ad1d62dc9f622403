# deadlines passed, task not done, as of today (plan_overdue)
# A data loader: Observable Framework runs it at build time and serves its
# output as overdue.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT document_id, docno, part, ord, code, heading, kind, due_by, inherited, raw, lead_units, status, status_as_of, days_overdue
  FROM plan_overdue ORDER BY days_overdue DESC, document_id, part, ord, raw
) v"
