# each numbered task with its section (plan_task_tree)
# A data loader: Observable Framework runs it at build time and serves its
# output as task_tree.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT document_id, docno, part, ord, code, depth, label, heading, parent_code, top_code, top_heading, children
  FROM plan_task_tree ORDER BY document_id, part, ord
) v"
