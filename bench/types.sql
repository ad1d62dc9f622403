-- bench/types.sql — 1M-value tables and timing cases for every type listed in
-- bench.types (typ, cast_to, ord, expr, cases), shared by the type benchmarks:
--   \set grp taskcode
--   \ir types.sql
-- bench.s_<typ> holds expr's strings over s = 0 .. 999999 in pseudo-random
-- order, bench.t_<typ> the same strings cast to cast_to.  Cases, up to
-- ordinal `cases`: 1 sscan, 2 in, 3 scan, 4 out, 5 sort, 6 index build.
SELECT format('CREATE UNLOGGED TABLE bench.s_%s AS SELECT %s AS v FROM generate_series(0, 999999) s ORDER BY hashint4(s)',
              typ, expr) FROM bench.types ORDER BY ord \gexec
SELECT format('CREATE UNLOGGED TABLE bench.t_%s AS SELECT v::%s AS v FROM bench.s_%s', typ, cast_to, typ)
FROM bench.types ORDER BY ord \gexec
SELECT format('VACUUM (FREEZE, ANALYZE) bench.s_%s, bench.t_%s', typ, typ) FROM bench.types ORDER BY ord \gexec
INSERT INTO bench.bench_case (grp, label, query, cleanup)
SELECT :'grp', typ || ':' || l, q, c
FROM bench.types,
LATERAL (VALUES
  (1, 'sscan', format('SELECT count(v) FROM bench.s_%s', typ), NULL),
  (2, 'in',    format('SELECT count(v::%s) FROM bench.s_%s', cast_to, typ), NULL),
  (3, 'scan',  format('SELECT count(v) FROM bench.t_%s', typ), NULL),
  (4, 'out',   format('SELECT count(v::text) FROM bench.t_%s', typ), NULL),
  (5, 'sort',  format('SELECT count(*) FROM (SELECT v FROM bench.t_%s ORDER BY v) x', typ), NULL),
  (6, 'index', format('CREATE INDEX bench_i ON bench.t_%s (v)', typ), 'DROP INDEX bench.bench_i')
) AS x(o, l, q, c)
WHERE o <= cases
ORDER BY ord, o;
