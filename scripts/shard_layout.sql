-- scripts/shard_layout.sql — the coordinator's layout of the sharded
-- deployment (scripts/shard.sh runs it; doc/scaling.md explains it).
--
-- Run on the coordinator after CREATE EXTENSION plandata SCHEMA plandata and
-- CREATE EXTENSION postgres_fdw, with one postgres_fdw server per shard
-- (option extensions 'plandata') and user mappings; psql variable :servers
-- is their names in order, e.g. -v servers='{shard0,shard1}'.  Each shard
-- is a plain plandata database: it keeps every constraint of the tables for
-- the documents it owns.
--
-- The six stored plan tables (plan_deadline since 0.4) become, on the coordinator, tables
-- partitioned by hash of the document id (plan_document.id, document_id
-- elsewhere: the same bigint hashes alike, so a document and all its rows
-- go to the same shard), one partition per shard, each a postgres_fdw
-- foreign table over the shard's own table of the same name.  The
-- extension's views are re-created over them unchanged (their text is read
-- back with pg_get_viewdef).  What the coordinator cannot have:
--   * primary keys, unique and foreign keys (PostgreSQL has no unique index
--     across foreign partitions): each shard enforces them for its
--     documents, and plan_load serialises loads of one text with an
--     advisory lock on the coordinator instead of the unique content_hash;
--   * plan_actual's foreign key to plan_document (plan_actual stays a local
--     table of the coordinator: small, entered by hand), and for the same
--     reason plan_task_status's (the statuses an office records, 0.4).
-- The sequence plan_document_id_seq stays on the coordinator: every id is
-- taken from it, so ids are unique over all shards.
\set ON_ERROR_STOP 1
BEGIN;
SET LOCAL client_min_messages = warning;
SET LOCAL search_path = pg_catalog;

CREATE SCHEMA IF NOT EXISTS plandata_shard;

-- the views as the extension made them, in creation order
CREATE TEMP TABLE saved_view ON COMMIT DROP AS
SELECT c.oid, c.relname, pg_get_viewdef(c.oid) AS def, obj_description(c.oid, 'pg_class') AS note
FROM pg_class c
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'plandata'
WHERE c.relkind = 'v' AND c.relnamespace = 'plandata'::regnamespace;

SELECT set_config('plandata_shard.servers', :'servers', true) IS NOT NULL AS servers_set \gset
DO $$
DECLARE
	servers text[] := current_setting('plandata_shard.servers')::text[];
	n int := cardinality(servers);
	v record;
	t record;
	i int;
BEGIN
	FOR v IN SELECT * FROM saved_view ORDER BY oid DESC LOOP
		EXECUTE format('ALTER EXTENSION plandata DROP VIEW plandata.%I', v.relname);
		EXECUTE format('DROP VIEW plandata.%I', v.relname);
	END LOOP;
	ALTER SEQUENCE plandata.plan_document_id_seq OWNED BY NONE;
	FOR t IN SELECT * FROM (VALUES (1, 'plan_document', 'id'), (2, 'plan_citation', 'document_id'),
	                               (3, 'plan_task', 'document_id'), (4, 'plan_task_unit', 'document_id'),
	                               (5, 'plan_target', 'document_id'), (6, 'plan_deadline', 'document_id')) x(o, name, key) ORDER BY o LOOP
		EXECUTE format('CREATE TABLE plandata.%I (LIKE plandata.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS '
		               'INCLUDING COMMENTS) PARTITION BY HASH (%I)', t.name || '_sharded', t.name, t.key);
	END LOOP;
	FOR t IN SELECT unnest(ARRAY['plan_deadline', 'plan_target', 'plan_task_unit', 'plan_task', 'plan_citation', 'plan_document']) AS name LOOP
		EXECUTE format('ALTER EXTENSION plandata DROP TABLE plandata.%I', t.name);
		EXECUTE format('DROP TABLE plandata.%I CASCADE', t.name);	-- CASCADE: plan_actual's and plan_task_status's foreign keys
		EXECUTE format('ALTER TABLE plandata.%I RENAME TO %I', t.name || '_sharded', t.name);
		FOR i IN 0 .. n - 1 LOOP
			EXECUTE format('CREATE FOREIGN TABLE plandata.%I PARTITION OF plandata.%I '
			               'FOR VALUES WITH (MODULUS %s, REMAINDER %s) SERVER %I '
			               'OPTIONS (schema_name ''plandata'', table_name %L)',
			               t.name || '_' || servers[i + 1], t.name, n, i, servers[i + 1], t.name);
		END LOOP;
	END LOOP;
	FOR v IN SELECT * FROM saved_view ORDER BY oid LOOP
		EXECUTE format('CREATE VIEW plandata.%I AS %s', v.relname, v.def);
		EXECUTE format('COMMENT ON VIEW plandata.%I IS %L', v.relname, v.note);
	END LOOP;
END $$;

-- For a loader that writes straight into the shards: the shard that owns a
-- document id (the postgres_fdw server of plan_document's partition whose
-- hash bounds accept it), and claim(content_hash), which gives a text its
-- id once, on the coordinator: the id of the stored document, or the one
-- claimed for it before, or a new one from plan_document_id_seq.  The
-- loader then runs plan_load(body, source, id) on the owner (idempotent:
-- after a failure, claim again and load again).
CREATE TABLE plandata_shard.claimed (
	content_hash bytea PRIMARY KEY,
	id           bigint NOT NULL,
	claimed_at   timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION plandata_shard.owner(id bigint) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE STRICT
SET search_path = pg_catalog
AS $f$
	SELECT s.srvname::text
	FROM pg_inherits i
	JOIN pg_class c ON c.oid = i.inhrelid
	JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
	JOIN pg_foreign_server s ON s.oid = ft.ftserver
	CROSS JOIN LATERAL regexp_match(pg_get_expr(c.relpartbound, c.oid),
	                                'modulus (\d+), remainder (\d+)') b
	WHERE i.inhparent = 'plandata.plan_document'::regclass
	  AND satisfies_hash_partition('plandata.plan_document'::regclass, b[1]::int, b[2]::int, id)
$f$;

CREATE FUNCTION plandata_shard.claim(content_hash bytea, OUT id bigint, OUT owner text, OUT stored boolean)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, plandata
AS $f$
BEGIN
	-- the same lock plan_load takes for this text
	PERFORM pg_advisory_xact_lock(1886154340, ('x' || encode(substr(claim.content_hash, 1, 4), 'hex'))::bit(32)::int);
	SELECT d.id INTO claim.id FROM plan_document d WHERE d.content_hash = claim.content_hash;
	stored := claim.id IS NOT NULL;
	IF NOT stored THEN
		SELECT c.id INTO claim.id FROM plandata_shard.claimed c WHERE c.content_hash = claim.content_hash;
		IF claim.id IS NULL THEN
			INSERT INTO plandata_shard.claimed (content_hash, id)
			VALUES (claim.content_hash, nextval('plandata.plan_document_id_seq'))
			RETURNING claimed.id INTO claim.id;
		END IF;
	END IF;
	owner := plandata_shard.owner(claim.id);
END
$f$;

-- Growing: split the partition on old_server (modulus m, remainder r) in
-- two, (2m, r) staying on old_server and (2m, r + m) on new_server, a new
-- shard with plandata installed and a postgres_fdw server.  The documents
-- that move are copied to new_server first (each table in key order, ON
-- CONFLICT DO NOTHING: a rerun after a failure copies what is missing);
-- then, in one transaction, the partitions are re-attached with the new
-- bounds and the moved documents deleted from old_server (their rows go
-- with them: the shard's foreign keys cascade).  Loads must pause meanwhile.
-- hash_in is the partition test evaluated on the coordinator: a SQL
-- function with SET is not inlined, so postgres_fdw does not send
-- satisfies_hash_partition (whose regclass means nothing on a shard) away.
CREATE FUNCTION plandata_shard.hash_in(id bigint, modulus int, remainder int) RETURNS boolean
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog
AS $f$ SELECT satisfies_hash_partition('plandata.plan_document'::regclass, modulus, remainder, id) $f$;

-- (no SET search_path: a procedure with one cannot COMMIT; every name in it
-- is qualified, and pg_catalog is searched first anyway)
CREATE PROCEDURE plandata_shard.split(old_server text, new_server text)
LANGUAGE plpgsql
AS $f$
DECLARE
	tabs text[] := ARRAY['plan_document', 'plan_task', 'plan_citation', 'plan_task_unit', 'plan_target', 'plan_deadline'];
	t text;
	m int;
	r int;
	con record;
BEGIN
	SELECT b[1]::int, b[2]::int INTO m, r
	FROM pg_inherits i
	JOIN pg_class c ON c.oid = i.inhrelid
	JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
	JOIN pg_foreign_server s ON s.oid = ft.ftserver
	CROSS JOIN LATERAL regexp_match(pg_get_expr(c.relpartbound, c.oid), 'modulus (\d+), remainder (\d+)') b
	WHERE i.inhparent = 'plandata.plan_document'::regclass AND s.srvname = old_server;
	IF m IS NULL THEN
		RAISE EXCEPTION 'no partition of plan_document is on server %', old_server;
	END IF;
	-- 1. copy (committed: a failure later leaves copies that a rerun completes)
	-- the new shard's tables as foreign tables plandata_shard.<table>_<server>
	-- (CREATE FOREIGN TABLE has no LIKE: imported, then renamed)
	IF to_regclass(format('plandata_shard.%I', 'plan_document_' || new_server)) IS NULL THEN
		PERFORM set_config('client_min_messages', 'warning', true);
		EXECUTE 'DROP SCHEMA IF EXISTS plandata_shard_import CASCADE';
		EXECUTE 'CREATE SCHEMA plandata_shard_import';
		EXECUTE format('IMPORT FOREIGN SCHEMA plandata LIMIT TO (%s) FROM SERVER %I INTO plandata_shard_import',
		               array_to_string(tabs, ', '), new_server);
		FOREACH t IN ARRAY tabs LOOP
			EXECUTE format('ALTER FOREIGN TABLE plandata_shard_import.%I RENAME TO %I', t, t || '_' || new_server);
			EXECUTE format('ALTER FOREIGN TABLE plandata_shard_import.%I SET SCHEMA plandata_shard', t || '_' || new_server);
			-- a partition must carry its parent's CHECK constraints (not verified on a foreign table)
			FOR con IN SELECT c.conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
			           WHERE c.conrelid = format('plandata.%I', t)::regclass AND c.contype = 'c' LOOP
				EXECUTE format('ALTER FOREIGN TABLE plandata_shard.%I ADD CONSTRAINT %I %s',
				               t || '_' || new_server, con.conname, con.def);
			END LOOP;
		END LOOP;
		EXECUTE 'DROP SCHEMA plandata_shard_import';
	END IF;
	FOREACH t IN ARRAY tabs LOOP
		EXECUTE format('INSERT INTO plandata_shard.%I SELECT * FROM plandata.%I WHERE plandata_shard.hash_in(%I, %s, %s) '
		               'ON CONFLICT DO NOTHING',
		               t || '_' || new_server, t || '_' || old_server,
		               CASE t WHEN 'plan_document' THEN 'id' ELSE 'document_id' END, 2 * m, r + m);
	END LOOP;
	COMMIT;
	-- 2. switch the bounds and delete the moved documents, in one transaction
	FOREACH t IN ARRAY tabs LOOP
		EXECUTE format('ALTER TABLE plandata.%I DETACH PARTITION plandata.%I', t, t || '_' || old_server);
		EXECUTE format('ALTER TABLE plandata.%I ATTACH PARTITION plandata.%I FOR VALUES WITH (MODULUS %s, REMAINDER %s)',
		               t, t || '_' || old_server, 2 * m, r);
		EXECUTE format('ALTER FOREIGN TABLE plandata_shard.%I SET SCHEMA plandata', t || '_' || new_server);
		EXECUTE format('ALTER TABLE plandata.%I ATTACH PARTITION plandata.%I FOR VALUES WITH (MODULUS %s, REMAINDER %s)',
		               t, t || '_' || new_server, 2 * m, r + m);
	END LOOP;
	EXECUTE format('DELETE FROM plandata.%I WHERE NOT plandata_shard.hash_in(id, %s, %s)',
	               'plan_document_' || old_server, 2 * m, r);
	COMMIT;
END
$f$;
COMMIT;
