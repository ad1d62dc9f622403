# every target against the latest recorded actual value (plan_progress)
# A data loader: Observable Framework runs it at build time and serves its
# output as progress.json.  psql takes its connection from PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE (scripts/dashboard.sh sets them).
psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT coalesce(json_agg(v), '[]') FROM (
SELECT document_id, docno, ord, code, indicator, target, op, target_value, unit, kind, form, target_year, period,
         region, actual_year, actual_value, actual_in_unit, source, status, gap, baseline_year, baseline_value, progress_percent
  FROM plan_progress ORDER BY document_id, ord NULLS FIRST, indicator, region NULLS FIRST
) v"
