# per document and division its tasks name (plan_document_place_counts, plandata_geo); geometry stays in PostgreSQL
# A data loader: Observable Framework runs it at build time and serves its
# output as place_counts.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT id, document_id, docno, division, name, type, level, zone, province, tasks, mentions, task_codes, lon, lat
  FROM plan_document_place_counts ORDER BY tasks DESC, mentions DESC, name
) v"
