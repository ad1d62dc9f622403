# pairs of units named on the same tasks (plan_unit_pairs)
# A data loader: Observable Framework runs it at build time and serves its
# output as unit_pairs.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT unit_a, unit_b, shared_tasks, documents, with_a_lead
  FROM plan_unit_pairs ORDER BY shared_tasks DESC, unit_a, unit_b LIMIT 50
) v"
