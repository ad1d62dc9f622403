# each stored plan (plan_documents)
# A data loader: Observable Framework runs it at build time and serves its
# output as documents.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT document_id, docno, title, issuer, issued, script, characters, tasks, top_level_tasks, parts
  FROM plan_documents ORDER BY issued DESC NULLS LAST, document_id
) v"
