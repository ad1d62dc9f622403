--
-- geo_parallel: plandata_geo's functions are marked by the rules that
-- sql/parallel.sql checks for plandata (IMMUTABLE/STABLE are PARALLEL SAFE,
-- VOLATILE only with a reason and then PARALLEL UNSAFE, STRICT unless a
-- NULL argument means something); a function that breaks one shows up as a row
--
SET client_min_messages = warning;
CREATE EXTENSION plandata_geo CASCADE;

CREATE TEMP TABLE rule_exception (fn text, rule text, reason text);
INSERT INTO rule_exception VALUES
  ('plan_gazetteer_guard()', 'volatile', 'trigger: guards the shipped gazetteer rows'),
  ('plan_gazetteer_parent_check()', 'volatile', 'trigger: checks a division''s parent'),
  ('plan_gazetteer_load_geojson(jsonb,text,text,boolean,text,date)', 'volatile', 'writes the gazetteer'),
  ('plan_gazetteer_load_geojson(text,text,text,boolean,text,date)', 'volatile', 'writes the gazetteer'),
  ('place_mentions(text,text,date)', 'strict', 'region and date may be NULL: no region, today'),
  ('plan_issuing_region(text,text,date)', 'strict', 'any of the three may be missing'),
  ('plan_map_svg(bigint,text,integer)', 'strict', 'title may be NULL'),
  ('plan_map_svg(text,text,integer)', 'strict', 'title may be NULL'),
  ('plan_map_svg(text[],double precision[],text,text,text,date,integer)', 'strict', 'titles, legend and date may be NULL'),
  ('plan_gazetteer_import(jsonb,jsonb)', 'volatile', 'writes the gazetteer (install script)'),
  ('plan_gazetteer_refresh()', 'volatile', 'rebuilds the place dictionary'),
  ('plan_gazetteer_refresh_trigger()', 'volatile', 'trigger: rebuilds the place dictionary'),
  ('plan_place_resolve(text,text,date,integer[])', 'strict', 'region and date may be NULL: no region, today');

CREATE TEMP VIEW fns AS
SELECT p.oid, regexp_replace(p.proname || '(' || replace(oidvectortypes(p.proargtypes), ', ', ',') || ')',
                             '[a-z_]+\.', '', 'g') AS sig,
       p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'plandata_geo';

SELECT rule, fn, reason FROM rule_exception ORDER BY rule, fn;
SELECT x.fn AS unknown_exception FROM rule_exception x WHERE NOT EXISTS (SELECT FROM fns f WHERE f.sig = x.fn);

SELECT f.sig AS fn, r.violation
FROM fns f
CROSS JOIN LATERAL (VALUES
  (f.provolatile IN ('i', 's') AND f.proparallel <> 's', 'immutable/stable but not parallel safe'),
  (f.provolatile = 'v' AND NOT EXISTS (SELECT FROM rule_exception x WHERE x.fn = f.sig AND x.rule = 'volatile'),
   'volatile without a reason'),
  (f.provolatile = 'v' AND f.proparallel <> 'u', 'volatile (writes) but not parallel unsafe'),
  (f.provolatile <> 'v' AND NOT f.proisstrict
   AND NOT EXISTS (SELECT FROM rule_exception x WHERE x.fn = f.sig AND x.rule = 'strict'), 'not strict')
) r(broken, violation)
WHERE r.broken
ORDER BY 1, 2;

DROP EXTENSION plandata_geo;
DROP EXTENSION postgis;
