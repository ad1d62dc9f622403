# every stored deadline with its lead units and latest status, as of today (plan_due)
# A data loader: Observable Framework runs it at build time and serves its
# output as due.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT document_id, docno, part, ord, code, heading, kind, due_from, due_by, inherited, raw, lead_units,
         status, status_as_of, status_note, done_on, days_left, overdue, current_date AS as_of
  FROM plan_due ORDER BY document_id, part, ord, due_by NULLS LAST, raw
) v"
