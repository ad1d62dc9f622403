--
-- respunit: responsible units, normalised
--
\pset null '∅'

-- one unit however it is printed: script, width, spaces, quotes, 等 suffixes
SELECT lit, lit::respunit AS unit
FROM (VALUES ('市發展改革委'), ('市发展改革委'), ('　市发展改革委 '), ('“市发展改革委”'),
             ('商務部等有關部門'), ('市财政局等'), ('市财政局等部门'), ('（市财政局）'),
             ('ＡＢＣ局'), ('人行重慶市分行'), ('團市委'), ('西部（重慶）科學城管委會'),
             ('各區縣〔自治縣〕政府'), ('各區、市政府'), ('有关区、市政府')) AS v(lit);
SELECT '市發展改革委'::respunit = '市发展改革委'::respunit AS trad_simp,
       '市发展改革委'::respunit = ' 市发展改革委等 '::respunit AS spaces_etc,
       '西部（重庆）科学城管委会'::respunit = '西部(重庆)科学城管委会'::respunit AS widths,
       '市发展改革委'::respunit = '市发展和改革委员会'::respunit AS short_is_not_full,
       '市发展改革委'::respunit <> '省发展改革委'::respunit AS ne;

-- junk: SQLSTATE 22P02 with a detail naming the problem
SELECT ''::respunit;
SELECT '   '::respunit;
SELECT '、'::respunit;
SELECT '123'::respunit;
SELECT '市公安局、市教委'::respunit;
SELECT '市公安局；市教委'::respunit;
SELECT '市公安局(市教委'::respunit;
SELECT '局)市(教'::respunit;
SELECT repeat('局', 65)::respunit;
\echo :LAST_ERROR_SQLSTATE
SELECT 'x,y'::text::respunit;
\echo :LAST_ERROR_SQLSTATE
SELECT length(repeat('局', 64)::respunit::text) AS longest;

-- casts: text on assignment; comparing with text asks for a cast
CREATE TEMP TABLE ru (u respunit);
INSERT INTO ru SELECT x FROM (VALUES ('市發展改革委'::text), ('市公安局')) v(x);
SELECT u, pg_typeof(u), u::text || '!' AS as_text FROM ru ORDER BY u;
SELECT u FROM ru WHERE u = '市发展改革委';
SELECT u FROM ru WHERE u = '市发展改革委'::text;
DROP TABLE ru;

-- ordering: code point order of the normalised names; btree and hash opclasses
SELECT u FROM unnest('{市教委,市公安局,市發展改革委,团市委,各区县政府,市发展改革委}'::respunit[]) u ORDER BY u;
SELECT count(DISTINCT u) AS distinct_units
FROM unnest('{市發展改革委,市发展改革委,市发展改革委等,市公安局}'::respunit[]) u;
SELECT respunit_cmp('市公安局', '市教委') AS cmp, '市公安局'::respunit < '市教委' AS lt,
       '市教委'::respunit >= '市教委' AS ge, '市教委'::respunit > '市公安局' AS gt,
       '市教委'::respunit <= '市公安局' AS le;
SELECT respunit_hash('市發展改革委') = respunit_hash('市发展改革委') AS hash_eq,
       respunit_hash_extended('市發展改革委', 7) = respunit_hash_extended('市发展改革委', 7) AS hashx_eq;

CREATE TABLE ru_idx (id int, u respunit);
INSERT INTO ru_idx SELECT g, (ARRAY['市公安局', '市教委', '市發展改革委', '团市委'])[g % 4 + 1]
FROM generate_series(1, 4000) g;
CREATE INDEX ru_idx_b ON ru_idx USING btree (u);
CREATE INDEX ru_idx_h ON ru_idx USING hash (u);
ANALYZE ru_idx;
-- plain index scans: an index-only scan would depend on the visibility map
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SET enable_indexonlyscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ru_idx WHERE u = '市发展改革委';
SELECT count(*) FROM ru_idx WHERE u = '市发展改革委';
DROP INDEX ru_idx_b;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ru_idx WHERE u = '市發展改革委';
SELECT count(*) FROM ru_idx WHERE u = '市發展改革委';
RESET enable_seqscan;
RESET enable_bitmapscan;
RESET enable_indexonlyscan;
-- hash join and hash aggregate
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ru_idx a JOIN ru_idx b USING (u) WHERE a.id < 10;
SELECT count(*) FROM ru_idx a JOIN ru_idx b USING (u) WHERE a.id < 10;
RESET enable_mergejoin;
RESET enable_nestloop;
SELECT u, count(*) FROM ru_idx GROUP BY u ORDER BY u;

-- binary send/recv: COPY BINARY round trip
-- (one file per server port: clusters of parallel checkouts share /tmp)
\set binfile '/tmp/plandata_regress_respunit_' :PORT '.bin'
CREATE TEMP TABLE ru_copy (u respunit);
COPY (SELECT u FROM ru_idx WHERE id <= 8 ORDER BY id) TO :'binfile' WITH (FORMAT binary);
COPY ru_copy FROM :'binfile' WITH (FORMAT binary);
SELECT (SELECT array_agg(u ORDER BY u) FROM ru_copy) =
       (SELECT array_agg(u ORDER BY u) FROM ru_idx WHERE id <= 8) AS binary_round_trip;
SELECT respunit_send('市發展改革委') = respunit_send('市发展改革委') AS same_wire_form;
DROP TABLE ru_idx;

-- storage: a short varlena
SELECT typlen, typbyval, typalign, typstorage, typcategory FROM pg_type WHERE typname = 'respunit';
SELECT pg_column_size('市发展改革委'::respunit) AS bytes;

-- what a name says, without a table: level and kind (IMMUTABLE)
SELECT u, respunit_level(u) AS level, respunit_kind(u) AS kind
FROM unnest('{市公安局,市委编办,市委金融办,人行重庆市分行,重庆金融监管局,团市委,市工商联,
              省投资集团,省铁塔公司,各区县政府,有关区、市政府,市相关部门,发展改革委,工业和信息化部,
              市场监管总局,海关总署,崂山区政府,省财政厅,安徽银保监局,人行合肥中心支行,
              国家金融监督管理总局山东监管局,两江新区管委会,两江新区,重庆高新区,青岛海洋科技中心,办公室,各级党委、政府,
              市高法院,市检察院,重庆大学,市疾控中心,中国铁塔重庆分公司,国网重庆市电力公司,中国移动,
              中华全国供销合作总社,市供销合作社,中华全国总工会,共青团中央,市残疾人联合会,中国科学技术协会}'::respunit[]) u;
SELECT p.proname, p.provolatile, p.proparallel
FROM pg_proc p WHERE p.proname IN ('respunit_in', 'respunit_level', 'respunit_kind', 'respunit_region',
                                   'respunit_full_name', 'respunit_extract', 'plan_units', 'plan_unit_rules')
ORDER BY 1;

-- the seed dictionary agrees with what the names say
SELECT region, count(*) AS seed_rows,
       count(*) FILTER (WHERE respunit_kind(short) = kind) AS kind_agrees,
       count(*) FILTER (WHERE respunit_level(short) IS NOT NULL) AS level_known
FROM respunit_dict WHERE seed GROUP BY region ORDER BY region;

-- full names in the issuing region
SELECT respunit_region(x) AS region FROM unnest('{重庆市人民政府,重慶市人民政府辦公廳,山东省人民政府办公厅,青岛市人民政府,国务院,国务院办公厅,某某}'::text[]) x;
SELECT u, respunit_full_name(u, '重庆市人民政府') AS in_chongqing, respunit_full_name(u, '国务院') AS national,
       respunit_full_name(u) AS anywhere
FROM unnest('{市公安局,市發展改革委,市人力社保局,人力资源和社会保障局,财政局,重庆市公安局,团市委,
              人行重庆市分行,发展改革委,人力资源社会保障部,市场监管总局,海关总署,市城管局}'::respunit[]) u;
-- full names written without their 和
SELECT u, respunit_full_name(u, '重庆') AS in_chongqing
FROM unnest('{市人力资源社会保障局,市住房城乡建设委员会,人力资源社会保障局,市發展改革委員會}'::respunit[]) u;
-- collectives have no full name, and asking is no error
SELECT u, respunit_full_name(u, '重庆') AS in_chongqing, respunit_full_name(u) AS anywhere
FROM unnest('{各市、县人民政府,各区、市政府,各区县政府}'::respunit[]) u;

-- users extend the dictionary; their rows win and are the ones pg_dump keeps
INSERT INTO respunit_dict (region, short, full_name, kind) VALUES
	('青岛', '市大数据局', '青岛市大数据发展管理局', 'government department'),
	('重庆', '市公安局', '重庆市公安局（用户的写法）', 'government department');
SELECT respunit_full_name('市大数据局', '青岛市人民政府') AS user_row,
       respunit_full_name('市公安局', '重庆') AS user_row_wins;
SELECT c.relname, e.extcondition[array_position(e.extconfig, c.oid)] AS dumped_rows
FROM pg_extension e, pg_class c
WHERE e.extname = 'plandata' AND c.relname = 'respunit_dict';
DELETE FROM respunit_dict WHERE NOT seed;
SELECT count(*) AS user_rows FROM respunit_dict WHERE NOT seed;
