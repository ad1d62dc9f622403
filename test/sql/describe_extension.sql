-- describe_extension.sql — every member object of extension :'ext' with its
-- full definition, one line each, in a stable order and without OIDs: two
-- databases with the same listing have the same extension.  Used by
-- test/sh/upgrade.sh to compare "installed old + ALTER EXTENSION UPDATE"
-- with "installed new".
\pset format unaligned
\pset tuples_only on
\pset footer off
WITH members AS (
  SELECT d.classid, d.objid
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
  WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    AND d.deptype = 'e' AND e.extname = :'ext'
), described AS (
  SELECT pg_catalog.pg_describe_object(m.classid, m.objid, 0) AS object,
    CASE m.classid
    WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN (
      SELECT CASE WHEN p.prokind = 'a'
        THEN pg_catalog.format('aggregate sfunc=%s stype=%s combine=%s sortop=%s parallel=%s',
               a.aggtransfn::regproc, a.aggtranstype::regtype, a.aggcombinefn::regproc,
               a.aggsortop::regoperator, p.proparallel)
        ELSE pg_catalog.pg_get_functiondef(p.oid) END
      FROM pg_catalog.pg_proc p LEFT JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
      WHERE p.oid = m.objid)
    WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN (
      SELECT pg_catalog.format('len=%s byval=%s align=%s storage=%s type=%s category=%s in=%s out=%s recv=%s send=%s elem=%s',
               t.typlen, t.typbyval, t.typalign, t.typstorage, t.typtype, t.typcategory,
               t.typinput::regproc, t.typoutput::regproc, t.typreceive::regproc, t.typsend::regproc,
               t.typelem::regtype)
      FROM pg_catalog.pg_type t WHERE t.oid = m.objid)
    WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN (
      SELECT pg_catalog.concat_ws(E'\n  ', 'relkind=' || c.relkind::text,
        CASE WHEN c.relkind = 'v' THEN pg_catalog.pg_get_viewdef(c.oid) END,
        (SELECT pg_catalog.string_agg(pg_catalog.format('column %s %s%s%s', a.attname,
                  pg_catalog.format_type(a.atttypid, a.atttypmod),
                  CASE WHEN a.attnotnull THEN ' not null' END,
                  ' default ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)), E'\n  ' ORDER BY a.attnum)
         FROM pg_catalog.pg_attribute a
         LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
        (SELECT pg_catalog.string_agg('constraint ' || pg_catalog.pg_get_constraintdef(k.oid), E'\n  '
                                      ORDER BY pg_catalog.pg_get_constraintdef(k.oid))
         FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid),
        (SELECT pg_catalog.string_agg('index ' || x.def, E'\n  ' ORDER BY x.def)
         FROM pg_catalog.pg_index i,
              LATERAL (SELECT pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(i.indexrelid),
                                                        '^CREATE (UNIQUE )?INDEX \S+', 'CREATE \1INDEX') AS def) x
         WHERE i.indrelid = c.oid),
        (SELECT pg_catalog.string_agg('trigger ' || pg_catalog.pg_get_triggerdef(g.oid), E'\n  '
                                      ORDER BY pg_catalog.pg_get_triggerdef(g.oid))
         FROM pg_catalog.pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal),
        'acl=' || c.relacl::text,
        'comment=' || pg_catalog.obj_description(c.oid, 'pg_class'))
      FROM pg_catalog.pg_class c WHERE c.oid = m.objid)
    WHEN 'pg_catalog.pg_operator'::pg_catalog.regclass THEN (
      SELECT pg_catalog.format('code=%s com=%s neg=%s rest=%s join=%s merge=%s hash=%s',
               o.oprcode::regproc, o.oprcom::regoperator, o.oprnegate::regoperator,
               o.oprrest::regproc, o.oprjoin::regproc, o.oprcanmerge, o.oprcanhash)
      FROM pg_catalog.pg_operator o WHERE o.oid = m.objid)
    WHEN 'pg_catalog.pg_opclass'::pg_catalog.regclass THEN (
      SELECT pg_catalog.format('default=%s type=%s', c.opcdefault, c.opcintype::regtype) || E'\n  ' ||
             (SELECT pg_catalog.string_agg(x, E'\n  ' ORDER BY x) FROM (
                SELECT pg_catalog.format('op %s %s', ao.amopstrategy, ao.amopopr::regoperator) AS x
                FROM pg_catalog.pg_amop ao WHERE ao.amopfamily = c.opcfamily
                UNION ALL
                SELECT pg_catalog.format('proc %s %s', ap.amprocnum, ap.amproc::regprocedure)
                FROM pg_catalog.pg_amproc ap WHERE ap.amprocfamily = c.opcfamily) s)
      FROM pg_catalog.pg_opclass c WHERE c.oid = m.objid)
    WHEN 'pg_catalog.pg_cast'::pg_catalog.regclass THEN (
      SELECT pg_catalog.format('func=%s context=%s method=%s', c.castfunc::regprocedure, c.castcontext, c.castmethod)
      FROM pg_catalog.pg_cast c WHERE c.oid = m.objid)
    END AS definition,
    pg_catalog.obj_description(m.objid, (SELECT relname FROM pg_catalog.pg_class WHERE oid = m.classid)) AS comment
  FROM members m
)
SELECT object || E'\n  ' || coalesce(definition, '') || coalesce(E'\n  comment: ' || comment, '')
FROM described ORDER BY object;
-- what pg_dump carries of the extension's own tables
SELECT 'config ' || c.relname || ' where ' || coalesce(e.extcondition[i], '')
FROM pg_catalog.pg_extension e, pg_catalog.generate_subscripts(e.extconfig, 1) i
JOIN pg_catalog.pg_class c ON true
WHERE e.extname = :'ext' AND c.oid = e.extconfig[i]
ORDER BY 1;
SELECT 'version ' || extversion || ' relocatable ' || extrelocatable FROM pg_catalog.pg_extension WHERE extname = :'ext';
