--
-- taskcode: task numbering paths
--
\pset null '∅'

-- every input form, canonical output
SELECT lit, lit::taskcode AS code
FROM (VALUES ('4.15'), ('四'), ('四、'), ('（十五）'), ('(十五)'), ('四（十五）'),
             ('二（三）1.（2）'), ('四.15'), ('４．１５'), ('①'), ('㈠'), ('⑴'), ('⒈'),
             ('十'), ('十五'), ('二十六'), ('一百零五'), ('两'), ('兩百'), ('九百九十九'),
             ('一〇五'), ('廿三'), ('第三章'), ('第二章第一节'), ('第十條'), ('1﹒2'),
             ('四、15'), ('  1.2.3  '), ('1.2.3.4.5.6'), ('999.999.999.999.999.999'),
             ('（1）'), ('(2)'), ('㊿'), ('Ⅲ')) AS v(lit);

-- malformed literals: SQLSTATE 22P02 with a detail naming the problem
SELECT ''::taskcode;
SELECT 'garbage'::taskcode;
SELECT '1..2'::taskcode;
SELECT '.1'::taskcode;
SELECT '1.'::taskcode;
SELECT '-1'::taskcode;
SELECT '0'::taskcode;
SELECT '零'::taskcode;
SELECT '1.2.3.4.5.6.7'::taskcode;
SELECT '1000'::taskcode;
SELECT '一千'::taskcode;
SELECT '99999999999999999999'::taskcode;
SELECT '四（十五'::taskcode;
SELECT '（十五'::taskcode;
SELECT '4 15'::taskcode;
SELECT '四15'::taskcode;
SELECT '十十'::taskcode;
SELECT '（）'::taskcode;
SELECT '第三'::taskcode;
SELECT '1、、'::taskcode;
\echo :LAST_ERROR_SQLSTATE
SELECT 'x'::text::taskcode;
\echo :LAST_ERROR_SQLSTATE

-- ordering: numeric per level, ancestors first
SELECT c FROM unnest('{2,1.10,1.2,1,1.1,10,1.1.1,9.999}'::taskcode[]) AS c ORDER BY c;
SELECT '1'::taskcode < '1.1' AS a, '1.2'::taskcode < '1.10' AS b, '1.10'::taskcode < '2' AS c,
       '4.15'::taskcode = '四（十五）' AS d, '4.15'::taskcode <> '4.16' AS e,
       '3'::taskcode >= '2.999' AS f, '3'::taskcode <= '3' AS g, '3'::taskcode > '3' AS h,
       taskcode_cmp('1.2', '1.10') AS cmp;

SELECT min(c), max(c) FROM unnest('{2,1.10,1.2,1,1.1,10,1.1.1,9.999}'::taskcode[]) AS c;

-- hierarchy operators
SELECT a, b, a::taskcode <@ b::taskcode AS "a<@b", a::taskcode @> b::taskcode AS "a@>b"
FROM (VALUES ('4.15', '4'), ('4', '4.15'), ('4', '4'), ('4.15', '5'), ('4.1', '4.15'),
             ('4.15.3.2', '4.15')) AS v(a, b);

-- path functions
SELECT c, nlevel(c), taskcode_parent(c) AS parent, taskcode_last(c) AS last,
       taskcode_ancestor(c, 1) AS anc1, taskcode_ancestor(c, 2) AS anc2,
       taskcode_component(c, 2) AS comp2, taskcode_to_array(c) AS arr
FROM unnest('{4,4.15,2.3.1.2}'::taskcode[]) AS c;
SELECT subpath('2.3.1.2', 1) AS a, subpath('2.3.1.2', 1, 2) AS b, subpath('2.3.1.2', -2) AS c,
       subpath('2.3.1.2', 0, -1) AS d;
SELECT subpath('2.3', 5);
SELECT taskcode_ancestor('4.15', 0);
SELECT taskcode_child('4.15', 3) AS child, taskcode(ARRAY[4, 15, 3]) AS from_array,
       '4.15'::taskcode::int4[] AS to_array, '{1,2}'::int4[]::taskcode AS cast_array;
SELECT taskcode_child('1.2.3.4.5.6', 1);
SELECT taskcode_child('1', 1000);
-- no || operator: it would capture '第' || 1 from text concatenation
SELECT '第' || 1 || '节' AS text_concat;
SELECT taskcode(ARRAY[1, 0]);
SELECT taskcode(ARRAY[]::int4[]);

-- official-style labels: 一、 / （一） / 1. / （1） / ① / 1)
SELECT c, taskcode_label(c) AS label, taskcode_label(c, true) AS path_label
FROM unnest('{4,4.15,2.3.1.2,2.3.1.2.7,2.3.1.2.7.3,1.105}'::taskcode[]) AS c;

-- casts to and from text are explicit
SELECT '4.15'::text::taskcode AS from_text, ('4.15'::taskcode)::text || '!' AS to_text;
SELECT pg_typeof('4.15'::taskcode::text);

-- storage: 8 bytes by value
SELECT typlen, typbyval, typalign FROM pg_type WHERE typname = 'taskcode';
SELECT pg_column_size('999.999.999.999.999.999'::taskcode);

-- binary send/recv: COPY BINARY round trip
CREATE TEMP TABLE tc_copy (c taskcode);
INSERT INTO tc_copy SELECT taskcode(ARRAY[i, j]) FROM generate_series(1, 20) i, generate_series(1, 5) j;
COPY tc_copy TO '/tmp/plandata_regress_taskcode.bin' WITH (FORMAT binary);
CREATE TEMP TABLE tc_copy2 (c taskcode);
COPY tc_copy2 FROM '/tmp/plandata_regress_taskcode.bin' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.c = b.c) AS equal
FROM tc_copy a FULL JOIN tc_copy2 b ON a.c = b.c;
SELECT taskcode_send('4.15');

-- hash opclass: hash joins, hash indexes, hash partitioning
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM tc_copy a JOIN tc_copy2 b ON a.c = b.c;
SELECT count(*) FROM tc_copy a JOIN tc_copy2 b ON a.c = b.c;
RESET enable_mergejoin;
RESET enable_nestloop;
CREATE TEMP TABLE tc_hash (c taskcode) ;
CREATE INDEX ON tc_hash USING hash (c);
INSERT INTO tc_hash SELECT c FROM tc_copy;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM tc_hash WHERE c = '4.3';
SELECT * FROM tc_hash WHERE c = '4.3';
RESET enable_seqscan;
CREATE TABLE tc_part (c taskcode, note text) PARTITION BY HASH (c);
CREATE TABLE tc_part_0 PARTITION OF tc_part FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE tc_part_1 PARTITION OF tc_part FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO tc_part SELECT c, c::text FROM tc_copy;
SELECT (SELECT count(*) FROM tc_part_0) > 0 AS p0, (SELECT count(*) FROM tc_part_1) > 0 AS p1,
       (SELECT count(*) FROM tc_part) AS total;
EXPLAIN (COSTS OFF) SELECT * FROM tc_part WHERE c = '4.3';
DROP TABLE tc_part;
SELECT count(DISTINCT c) FROM tc_copy;   -- hash aggregate or sort, either is right

-- <@ and @> use a btree index (planner support function), on 100k rows
CREATE TABLE tc_big AS
  SELECT taskcode(ARRAY[(i % 50) + 1, (i / 50 % 40) + 1, (i / 2000) + 1]) AS c, i
  FROM generate_series(0, 99999) i;
CREATE INDEX tc_big_c ON tc_big (c);
ANALYZE tc_big;
-- a plain index scan: whether a bitmap or an index-only scan is cheaper
-- depends on the visibility map, which concurrent snapshots can hold back,
-- and whether a sequential scan is cheaper depends on ANALYZE's random
-- sample of the 100k rows; without the support function no index path
-- exists at all, so the plans still show it at work
SET enable_bitmapscan = off;
SET enable_indexonlyscan = off;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM tc_big WHERE c <@ '4.15';
SELECT count(*) FROM tc_big WHERE c <@ '4.15';
EXPLAIN (COSTS OFF) SELECT count(*) FROM tc_big WHERE '4.15' @> c;
SELECT count(*) FROM tc_big WHERE '4.15' @> c;
EXPLAIN (COSTS OFF) SELECT c FROM tc_big WHERE c @> '4.15.3';
RESET enable_bitmapscan;
RESET enable_indexonlyscan;
RESET enable_seqscan;
SELECT c FROM tc_big WHERE c @> '4.15.3' ORDER BY c;
-- the index answers exactly what a sequential scan answers
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) FROM tc_big WHERE c <@ '4.15';
SELECT count(*) FROM tc_big WHERE c <@ '4';
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT count(*) FROM tc_big WHERE c <@ '4';
-- sort order agrees with the component arrays
SELECT count(*) AS mismatches FROM (
  SELECT c, row_number() OVER (ORDER BY c) AS r1,
            row_number() OVER (ORDER BY taskcode_to_array(c)) AS r2 FROM tc_big) s
WHERE r1 <> r2;
DROP TABLE tc_big;

-- the functions are marked as the contract says
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'plandata'
WHERE p.proname LIKE 'taskcode%' OR p.proname IN ('nlevel', 'subpath')
GROUP BY 1, 2, 3, 4 ORDER BY 1;
