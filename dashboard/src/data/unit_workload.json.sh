# per document and unit: tasks led, co-responsible, responsible, implied (plan_unit_workload)
# A data loader: Observable Framework runs it at build time and serves its
# output as unit_workload.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT document_id, docno, unit, level, kind, tasks_led, tasks_co, tasks_responsible, tasks_implicit, tasks_named, tasks_total
  FROM plan_unit_workload ORDER BY tasks_total DESC, unit, document_id
) v"
