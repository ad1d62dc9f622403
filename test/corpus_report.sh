#!/usr/bin/env bash
# test/corpus_report.sh [DIR] — how the parser does on a directory of plan
# documents (default: the shared corpus, ../shared/corpus next to the
# checkout, or next to the main checkout when this one is a git worktree;
# $PLANDATA_SHARED overrides ../shared).
#
# Needs a server with the plandata extension available (the PG* environment,
# as psql), and planload ($PLANLOAD, else ./planload of the checkout, else the
# one on PATH).  Loads every document (*.txt, recursively) with planload into
# a scratch database that it drops afterwards, then parses each stored
# document again with plan_tasks, plan_units and plan_targets and prints one
# row per document:
#
#   document | tasks | units | targets | parse_ms | long_headings | non_org_units | empty_indicators
#
#   parse_ms          server time of plan_tasks + plan_units + plan_targets on
#                     the document's text (wall clock, the faster of two runs)
#   long_headings     tasks whose heading is over 80 characters
#   non_org_units     unit rows whose name is not an organisation: respunit_kind
#                     is NULL (the name does not say what it is) and the name
#                     does not end in an organisation suffix (部 委 局 办 厅 院 会
#                     署 行 室 社 组 所 站 处 科 队 团 司 校 学 馆 台 中心 政府 机构
#                     单位 部门 监狱)
#   empty_indicators  targets whose indicator is NULL or blank
#
# then every suspicious row (document, check, task code, text), what planload
# said (documents loaded / unchanged / failed, and whether the rows it stored
# are the rows the SQL functions give), and a summary line:
#
#   56 documents: 1107 tasks, 479 units, 45 targets; suspicious: 0 long headings,
#   0 non-organisation units, 0 empty indicators; 1.2 ms per document
#
# Exit status: 0 when every document loaded, 1 when some failed (they are
# listed) or the stored rows differ from the parse, 2 on a usage or set-up
# error.  Suspicious rows never fail the run: they are for the parser owners.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}

shared_dir() {
  local common
  if [ -n "${PLANDATA_SHARED:-}" ]; then echo "$PLANDATA_SHARED"; return; fi
  if [ -d "$ROOT/../shared" ]; then echo "$ROOT/../shared"; return; fi
  # a worktree (git worktree add /work/wt/NAME): ../shared of the main checkout
  if common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null) &&
     [ -d "$(dirname "$common")/../shared" ]; then
    (cd "$(dirname "$common")/../shared" && pwd); return
  fi
  echo "$ROOT/../shared"
}

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
esac
[ $# -le 1 ] || { echo "usage: $0 [DIR]" >&2; exit 2; }
DIR=${1:-$(shared_dir)/corpus}
[ -d "$DIR" ] || { echo "corpus_report: $DIR is not a directory" >&2; exit 2; }
DIR=$(cd "$DIR" && pwd)

PL=${PLANLOAD:-$ROOT/planload}
if [ ! -x "$PL" ]; then
  PL=$(command -v planload || true)
  [ -n "$PL" ] || { echo "corpus_report: no planload (run make, or set PLANLOAD)" >&2; exit 2; }
fi

DB=${CORPUS_REPORT_DB:-plandata_corpus_report_$$}
TMP=$(mktemp -d /tmp/corpus-report.XXXXXX)
psqlx() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  psqlx -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
psqlx -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" \
      -c "CREATE DATABASE $DB" >/dev/null || exit 2
psqlx -d "$DB" -c "CREATE EXTENSION plandata" >/dev/null || exit 2

# ---- load every document with planload ------------------------------------
pl_status=0
"$PL" -d "$DB" --progress=lines "$DIR" >"$TMP/planload.out" 2>"$TMP/planload.err" || pl_status=$?
summary=$(grep -E '^[0-9]+ documents?: ' "$TMP/planload.out" | tail -n 1 || true)
if [ -z "$summary" ]; then
  cat "$TMP/planload.out" "$TMP/planload.err" >&2
  echo "corpus_report: planload did not finish (exit $pl_status)" >&2
  exit 2
fi
# file -> stored document (an unchanged file is a copy of a document already stored)
sed -n -E 's/^(loaded|unchanged) +(.*): document ([0-9]+), .*$/\2\t\3/p' "$TMP/planload.out" |
  sed 's/\\/\\\\/g' >"$TMP/map.tsv"

# ---- parse every stored document, one row each --------------------------------
psqlx -d "$DB" -P footer=off -v map="$TMP/map.tsv" -v dir="$DIR/" >"$TMP/report.txt" <<'SQL'
CREATE TEMP TABLE map (file text, document_id bigint);
\set copy '\\copy map FROM ' :'map'
:copy
CREATE TEMP TABLE rep (document text, tasks int, units int, targets int, parse_ms numeric,
                       long_headings int, non_org_units int, empty_indicators int,
                       stored_agrees bool);
CREATE TEMP TABLE suspicious (document text, check_name text, code text, txt text);
DO $$
DECLARE
  r record;
  t0 timestamptz;
  nt int; nu int; ng int; ms numeric;
BEGIN
  -- warm up (the library's tables and caches) on the first document, untimed
  PERFORM (SELECT count(*) FROM plan_tasks(d.body)) + (SELECT count(*) FROM plan_units(d.body))
          + (SELECT count(*) FROM plan_targets(d.body))
  FROM plan_document d ORDER BY d.id LIMIT 1;
  FOR r IN SELECT m.file, d.id, d.body FROM map m JOIN plan_document d ON d.id = m.document_id ORDER BY m.file
  LOOP
    ms := NULL;
    FOR k IN 1..2 LOOP			-- the faster of two runs
      t0 := clock_timestamp();
      SELECT count(*) INTO nt FROM plan_tasks(r.body);
      SELECT count(*) INTO nu FROM plan_units(r.body);
      SELECT count(*) INTO ng FROM plan_targets(r.body);
      ms := least(ms, extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
    INSERT INTO suspicious
      SELECT r.file, 'long heading', t.code::text, t.heading
      FROM plan_tasks(r.body) t WHERE char_length(t.heading) > 80
      UNION ALL
      SELECT r.file, 'non-organisation unit', u.code::text, u.unit::text || '  (raw: ' || coalesce(u.raw, '') || ')'
      FROM plan_units(r.body) u
      WHERE respunit_kind(u.unit) IS NULL
        AND u.unit::text !~ '(部|委|局|办|厅|院|会|署|行|室|社|组|所|站|处|科|队|团|司|校|学|馆|台|中心|政府|机构|单位|部门|监狱)$'
      UNION ALL
      SELECT r.file, 'empty indicator', g.code::text, g.target::text || '  (raw: ' || coalesce(g.raw, '') || ')'
      FROM plan_targets(r.body) g WHERE g.indicator IS NULL OR btrim(g.indicator) = '';
    INSERT INTO rep VALUES (
      r.file, nt, nu, ng, round(ms, 2),
      (SELECT count(*) FROM suspicious s WHERE s.document = r.file AND s.check_name = 'long heading'),
      (SELECT count(*) FROM suspicious s WHERE s.document = r.file AND s.check_name = 'non-organisation unit'),
      (SELECT count(*) FROM suspicious s WHERE s.document = r.file AND s.check_name = 'empty indicator'),
      nt = (SELECT count(*) FROM plan_task x WHERE x.document_id = r.id)
        AND nu = (SELECT count(*) FROM plan_task_unit x WHERE x.document_id = r.id)
        AND ng = (SELECT count(*) FROM plan_target x WHERE x.document_id = r.id));
  END LOOP;
END $$;
-- names relative to the directory
UPDATE rep SET document = substr(document, length(:'dir') + 1) WHERE starts_with(document, :'dir');
UPDATE suspicious SET document = substr(document, length(:'dir') + 1) WHERE starts_with(document, :'dir');
SELECT document, tasks, units, targets, parse_ms, long_headings, non_org_units, empty_indicators
FROM rep ORDER BY document;
\pset tuples_only on
\pset format unaligned
SELECT 'suspicious rows: ' || count(*) FROM suspicious;
SELECT format('  %s | %s | %s | %s', document, check_name, coalesce(code, '-'), replace(txt, E'\n', ' '))
FROM suspicious ORDER BY document, check_name, code;
SELECT 'stored rows: ' || count(*) FILTER (WHERE stored_agrees) || ' of ' || count(*)
       || ' documents as planload stored them' ||
       CASE WHEN bool_and(stored_agrees) OR count(*) = 0 THEN ''
            ELSE ' (differ: ' || string_agg(document, ', ') FILTER (WHERE NOT stored_agrees) || ')' END
FROM rep;
SELECT format('%s documents: %s tasks, %s units, %s targets; suspicious: %s long headings, '
              '%s non-organisation units, %s empty indicators; %s ms per document',
              count(*), coalesce(sum(tasks), 0), coalesce(sum(units), 0), coalesce(sum(targets), 0),
              coalesce(sum(long_headings), 0), coalesce(sum(non_org_units), 0),
              coalesce(sum(empty_indicators), 0), coalesce(round(avg(parse_ms), 2), 0))
FROM rep;
SQL

report_lines=$(wc -l <"$TMP/report.txt")
# the table and the suspicious rows, then planload, then the stored-rows check and the summary
head -n $((report_lines - 2)) "$TMP/report.txt"
echo "planload: $summary"
if [ -s "$TMP/planload.err" ]; then
  echo "planload failures:"
  sed 's/^/  /' "$TMP/planload.err"
fi
tail -n 2 "$TMP/report.txt"

status=0
if [ "$pl_status" -ne 0 ] || ! grep -qE ' 0 failed$' <<<"$summary"; then status=1; fi
grep -q '^stored rows: .*(differ: ' "$TMP/report.txt" && status=1
exit $status
