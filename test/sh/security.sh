#!/usr/bin/env bash
# Security of the install and upgrade scripts (in the manner of contrib/seg's
# security test): plandata is a trusted extension, so an ordinary user with
# CREATE on the database installs it.  That user plants look-alikes of
# built-in functions and operators in the extension's schema, which is first
# on the search_path while the scripts run and while plandata's functions
# are called; none of them may ever be called.  Also: no SECURITY DEFINER
# functions, a fixed search_path on every SQL-language function, and no
# objects created outside the extension's schema.
set -euo pipefail
cd "$ROOT"
psqlx() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  psqlx -d postgres -c "DROP DATABASE IF EXISTS pd_sec" 2>/dev/null
  psqlx -d postgres -c "DROP DATABASE IF EXISTS pd_sec_geo" 2>/dev/null
  psqlx -d postgres -c "DROP ROLE IF EXISTS regress_plandata_user" 2>/dev/null
}
trap cleanup EXIT
cleanup
psqlx -d postgres -c "CREATE DATABASE pd_sec" -c "CREATE ROLE regress_plandata_user LOGIN" \
      -c "GRANT CREATE ON DATABASE pd_sec TO regress_plandata_user"
# public is not writable for ordinary users from PostgreSQL 15 on; make it so, as older clusters are
psqlx -d pd_sec -c "GRANT CREATE ON SCHEMA public TO PUBLIC"

PGUSER=regress_plandata_user psqlx -d pd_sec -v doc="$(cat test/docs/cq_style_trad.txt)" <<'SQL'
CREATE SCHEMA trap;
SET search_path = trap, public;
-- look-alikes of what an install script or a SQL function body might call
CREATE FUNCTION trap.compare(oid, regclass) RETURNS boolean LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan compare() called by %', current_user; END $$;
CREATE OPERATOR trap.= (LEFTARG = oid, RIGHTARG = regclass, PROCEDURE = trap.compare);
CREATE FUNCTION trap.sha256(bytea) RETURNS bytea LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan sha256() called by %', current_user; END $$;
CREATE FUNCTION trap.length(text) RETURNS int LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan length() called by %', current_user; END $$;
CREATE FUNCTION trap.nextval(regclass) RETURNS bigint LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan nextval() called by %', current_user; END $$;
CREATE FUNCTION trap.now() RETURNS timestamptz LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan now() called by %', current_user; END $$;
CREATE FUNCTION trap.convert_to(text, name) RETURNS bytea LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan convert_to() called by %', current_user; END $$;
CREATE FUNCTION trap.lower(text) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan lower() called by %', current_user; END $$;
CREATE FUNCTION trap.btrim(text) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan btrim() called by %', current_user; END $$;
CREATE FUNCTION trap.md5(text) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan md5() called by %', current_user; END $$;

-- the previous release, then the upgrade, with the traps first on the path
CREATE EXTENSION plandata VERSION '0.1' SCHEMA trap;
ALTER EXTENSION plandata UPDATE;
SELECT extversion, extowner::regrole FROM pg_extension WHERE extname = 'plandata';

-- everything works for the user who installed it, traps still first
SELECT (plan_load(:'doc', 'cq')).tasks;
SELECT count(*) FROM plan_documents;
SELECT count(*) FROM plan_task_tree;
SELECT count(*) FROM plan_citations;
SELECT count(*) FROM plan_tasks(:'doc');
SELECT docno, issued FROM plan_info(:'doc');
SELECT plan_fold('發展');

-- plan_search has no SET search_path so that the planner can inline it (a
-- caller's LIMIT then bounds the snippets): every name in it is qualified,
-- so look-alikes of all it calls, found before pg_catalog, stay uncalled
CREATE FUNCTION trap.ts_headline(regconfig, text, tsquery, text) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan ts_headline() called by %', current_user; END $$;
CREATE FUNCTION trap.ts_rank(tsvector, tsquery) RETURNS real LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan ts_rank() called by %', current_user; END $$;
CREATE FUNCTION trap.websearch_to_tsquery(regconfig, text) RETURNS tsquery LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan websearch_to_tsquery() called by %', current_user; END $$;
CREATE FUNCTION trap.tsmatch(tsvector, tsquery) RETURNS boolean LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'trojan @@ called by %', current_user; END $$;
CREATE OPERATOR trap.@@ (LEFTARG = tsvector, RIGHTARG = tsquery, PROCEDURE = trap.tsmatch);
SET search_path = trap, pg_catalog;
SELECT count(*) FROM plan_search('發展') LIMIT 3;
SQL
echo "trusted install and upgrade by an ordinary user: no trap was sprung"

psql -X -At -d pd_sec <<'SQL' >/tmp/pd_sec.txt
-- no SECURITY DEFINER, and every SQL/plpgsql function pins its search_path
SELECT 'security definer: ' || count(*) FILTER (WHERE p.prosecdef) ||
       '; sql functions without search_path: ' ||
       count(*) FILTER (WHERE l.lanname IN ('sql', 'plpgsql') AND
                        NOT coalesce(p.proconfig::text LIKE '%search_path=pg_catalog%', false) AND
                        p.proname <> 'plan_search')   -- inlined, all names qualified: see above
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname LIKE 'plandata%'
JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
JOIN pg_language l ON l.oid = p.prolang
WHERE d.deptype = 'e';
-- every member object lives in the extension's schema
SELECT 'objects outside the extension schema: ' || count(*)
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'plandata'
LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
LEFT JOIN pg_type t ON d.classid = 'pg_type'::regclass AND t.oid = d.objid
LEFT JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid
LEFT JOIN pg_operator o ON d.classid = 'pg_operator'::regclass AND o.oid = d.objid
WHERE d.deptype = 'e'
  AND coalesce(p.pronamespace, t.typnamespace, c.relnamespace, o.oprnamespace, e.extnamespace) <> e.extnamespace;
SELECT 'objects in public: ' || (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)
       + (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)
       + (SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace);
SQL
cat /tmp/pd_sec.txt
grep -qx 'security definer: 0; sql functions without search_path: 0' /tmp/pd_sec.txt
grep -qx 'objects outside the extension schema: 0' /tmp/pd_sec.txt
grep -qx 'objects in public: 0' /tmp/pd_sec.txt

# the companion (installed by a superuser: it requires PostGIS, which is not
# trusted) follows the same rules
if [ -f "$(pg_config --sharedir)/extension/plandata_geo.control" ] && \
   [ -f "$(pg_config --sharedir)/extension/postgis.control" ]; then
  psqlx -d postgres -c "CREATE DATABASE pd_sec_geo"
  psqlx -d pd_sec_geo -c "CREATE EXTENSION plandata_geo CASCADE" 2>/dev/null
  psql -X -At -d pd_sec_geo -c "
    SELECT 'plandata_geo: security definer: ' || count(*) FILTER (WHERE p.prosecdef) ||
           '; sql functions without search_path: ' ||
           count(*) FILTER (WHERE l.lanname IN ('sql', 'plpgsql') AND
                            NOT coalesce(p.proconfig::text LIKE '%search_path=pg_catalog%', false))
    FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'plandata_geo'
    JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
    JOIN pg_language l ON l.oid = p.prolang WHERE d.deptype = 'e'" | tee /tmp/pd_sec_geo.txt
  grep -qx 'plandata_geo: security definer: 0; sql functions without search_path: 0' /tmp/pd_sec_geo.txt
fi
