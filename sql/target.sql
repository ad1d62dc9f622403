--
-- target: the quantitative-target type — every input form, canonical
-- output, errors, the unit table, ordering across dimensions, met / gap
--

-- every input form of the issue, with its canonical text
SELECT lit, lit::target AS canonical
FROM unnest(ARRAY[
  '>=76%', '≥76%', '76%', '达到76%', '70%以上', '不低于90%', '不少于100个', '控制在5%以内',
  '5‰以下', '65万人/年', '每年65万人', '800公里', '2—3个', '[2,3]个', '1.2万亿元左右',
  '年均增长7%', '提高2个百分点以上', '７６％', '＞＝７６％', '達到76%', '每年穩定在65萬人',
  '1.2萬億元左右', '不少於100個'
]) AS lit;

-- more comparators and words
SELECT lit, lit::target AS canonical
FROM unnest(ARRAY[
  '>76%', '<= 5 %', '<5%', '=5%', '≤5%', '≈5%', '~5%', '约5%', '超过50%', '突破2.2万亿元',
  '不超过3年', '低于5%', '高于5%', '稳定在11亿千瓦左右', '保持在6%以上', '控制在3%左右',
  '实现100%', '提高到70%', '降至5%', '3-5家', '2至3个', '2~3个', '过千亿', '达到万亿级',
  '7000亿级', '一千万元', '两万人', '10,000件以上', '125左右', '12EFLOPS', '10EB', '1.50%',
  '100亩', '5万吨标准煤', '10 Gbps'
]) AS lit;

-- growth targets: the sign marks them, declines are negative changes
SELECT lit, lit::target AS canonical, target_kind(lit::target) AS kind
FROM unnest(ARRAY[
  '增长7%', '年均增长7%', '+7%/年', '下降13.5%', '下降13.5%以上', '<=-13.5%', '下降10—15%',
  '[-15,-10]%', '年均增速保持在20%左右', '翻一番', '翻两番', '减少2万吨', '提高2个百分点',
  '降低不超过5%', '+0%', '-0%'
]) AS lit;

-- the canonical text reads back as itself
SELECT t, t::text::target = t AS round_trip
FROM unnest(ARRAY['>=76%', '~65万人/年', '[2,3]个', '+7%/年', '>=+2个百分点', '<=-13.5%',
                  '[-15,-10]%', '>=1000亿', '>=1万亿级', '~125', '0.5', '5G', '100亩']::target[]) AS t;

-- accessors
SELECT t, target_op(t) AS op, target_value(t) AS value, target_value_hi(t) AS hi,
       target_unit(t) AS unit, target_base_value(t) AS base, target_base_value_hi(t) AS base_hi,
       target_base_unit(t) AS base_unit, target_dimension(t) AS dimension, target_kind(t) AS kind,
       target_per_year(t) AS per_year
FROM unnest(ARRAY['>=76%', '~65万人/年', '[2,3]个', '1.2万亿元左右', '年均增长7%', '提高2个百分点以上',
                  '5‰以下', '800公里', '10万亩', '3小时', '5亿', '125左右', '>=1万亿级', '10EB',
                  '12EFLOPS', '10Gbps', '1万名', '5万人次', '11亿千瓦', '100万吨标准煤', '50亿美元',
                  '3万吨', '<=35微克/立方米', '<=0.5mg/m3', '5000P']::target[]) AS t;
-- a unit with a / in it is read whole; any other / must be /年
SELECT '<=35微克/立方米'::target < '<=0.04毫克/立方米'::target AS conc_cmp,
       '30微克/立方米/年'::target AS per_year_conc;
-- folding is a projection: OpenCC's one chain (薴 -> 苧 -> 苎) is followed to its end,
-- so a printed value reads back as itself
SELECT '7薴'::target AS t, ('7薴'::target)::text::target = '7薴'::target AS round_trip;
-- a ratio to one is the number itself
SELECT '2.2∶1以内'::target AS ratio, target_dimension('2.2:1') AS dimension, target_base_value('2.2：1') AS base,
       '缩小到2.5'::target AS narrowed;
-- networks and people per area
SELECT t, target_dimension(t) AS dimension, target_base_value(t) AS base, target_base_unit(t) AS base_unit
FROM unnest(ARRAY['>=507公里/万平方公里', '5公里/百平方公里', '<=1万人/平方公里', '800人/平方千米']::target[]) t;
-- rates per population are shares: 12/10万 is 0.012%
SELECT '12/10万以下'::target AS rate, target_dimension('12/10万'::target) AS dimension,
       target_base_value('12/10万'::target) AS base, '12/10万'::target < '0.02%'::target AS below,
       target_base_value('3/万') = target_base_value('0.03%') AS same_value;

-- the edges of the unit grammar that stay units: multipliers before any table unit, a free unit
-- of letters and Han characters (words joined by ·, ² ³ after a letter), ° ℃ °C on their own
SELECT t, target_unit(t) AS unit, target_dimension(t) AS dimension, t::text::target = t AS round_trip
FROM unnest(ARRAY['5万%', '3亿/10万', '5万mg/m3', '5μg/m³', '7000亿级', '3个国家级平台以上', '5G',
                  '5吨·公里', '5m²', '5㎡', '25°以上', '5℃', '5°C', '5é']::target[]) AS t;

-- casts
SELECT '达到76%'::text::target AS from_text, '~65万人/年'::target::text AS to_text,
       pg_typeof('76%'::target::text) AS typ;

-- storage: >=76% takes 8 bytes on disk (1-byte header + 7)
CREATE TEMP TABLE tsize AS SELECT '>=76%'::target AS t UNION ALL SELECT '~65万人/年' UNION ALL SELECT '[2,3]个';
SELECT t, pg_column_size(t) FROM tsize;
DROP TABLE tsize;

-- bad input: 22P02 with a detail naming the problem; 22003 for numbers out of range
SELECT ''::target;
SELECT 'abc'::target;
SELECT '达到'::target;
SELECT '>=>=5'::target;
SELECT '不低于5%以下'::target;
SELECT '3—2个'::target;
SELECT '>=2—3个'::target;
SELECT '[2,3个'::target;
SELECT '76.%'::target;
SELECT '5万人/月'::target;
SELECT '增长+5%'::target;
SELECT '5abcdefghijklmnopq'::target;
SELECT '十十个'::target;
SELECT '1234567890123456789%'::target;
SELECT '0.0000000000000000001%'::target;
SELECT 'x'::text::target;

-- a catalogue: each literal fails with the right SQLSTATE
CREATE FUNCTION pg_temp.try_target(lit text, OUT state text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lit::target;
  state := 'accepted';
EXCEPTION WHEN others THEN
  state := SQLSTATE;
END $$;
SELECT lit, pg_temp.try_target(lit) AS state
FROM unnest(ARRAY['', ' ', '%', '个', '>=', '~', '[', '[]', '[1]', '[1,]', '[,2]', '[1,2', '1,2]', '[2,1]',
                  '1..2', '.5', '5.', '--5', '+-5', '>=<=5', '5%%%以上以上', '5以上以下', '5/', '5/年/年',
                  '5 6', '5%6', '5%[', '达到达到5', '增长下降5%', '翻一番5%', '一二三', '千千',
                  '5' || repeat('个', 17), repeat('5', 81), '99999999999999999999', '1e5%',
                  'NaN', 'Infinity', '-Infinity', '5G2', E'5\n6', '5—', '—5']) AS lit;

-- binary send/recv: COPY BINARY round trip
CREATE TEMP TABLE t_copy (t target);
INSERT INTO t_copy VALUES ('>=76%'), ('~65万人/年'), ('[2,3]个'), ('+7%/年'), ('<=-13.5%'), ('100亩'), ('5G');
COPY t_copy TO '/tmp/plandata_regress_target.bin' WITH (FORMAT binary);
CREATE TEMP TABLE t_copy2 (t target);
COPY t_copy2 FROM '/tmp/plandata_regress_target.bin' WITH (FORMAT binary);
SELECT (SELECT array_agg(t ORDER BY t) FROM t_copy) = (SELECT array_agg(t ORDER BY t) FROM t_copy2) AS same;
SELECT target_send('>=76%');
DROP TABLE t_copy, t_copy2;

-- ordering: kind, dimension, value in the base unit, comparator, then as printed
CREATE TEMP TABLE mixed (t target);
INSERT INTO mixed SELECT unnest(ARRAY[
  '800公里', '0.8千米', '65万人', '650000人', '700000人', '>=65万人', '~65万人', '65万人/年', '76%',
  '>=76%', '0.5%', '5‰', '+7%/年', '-13.5%', '>=+2个百分点', '5G', '1万亿级', '7000亿级', '5亿',
  '100亩', '10万亩', '1平方公里', '[2,3]个', '[2,4]个', '3个', '3家', '1.2万亿元', '1000亿元',
  '11亿千瓦', '3小时', '180分钟', '10EB']::target[]);
SELECT t, target_dimension(t) AS dimension, target_base_value(t) AS base FROM mixed ORDER BY t;
-- the same order through a btree index, and = / <> / < agree with it
CREATE INDEX mixed_t ON mixed (t);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT t FROM mixed WHERE t >= '>=65万人' ORDER BY t;
SELECT t FROM mixed WHERE t >= '>=65万人' AND t < '0.5%' ORDER BY t;
RESET enable_seqscan;
SELECT count(*) FILTER (WHERE a.t < b.t) AS lt, count(*) FILTER (WHERE a.t = b.t) AS eq,
       count(*) FILTER (WHERE a.t > b.t) AS gt,
       bool_and((a.t < b.t) = (target_cmp(a.t, b.t) < 0) AND (a.t = b.t) = (target_cmp(a.t, b.t) = 0)
                AND (a.t <> b.t) = NOT (a.t = b.t) AND (a.t <= b.t) = NOT (a.t > b.t)) AS consistent
FROM mixed a, mixed b;
-- equal values hash equally: hash index, hash aggregate, hash join
CREATE INDEX mixed_h ON mixed USING hash (t);
SET enable_seqscan = off;
SELECT t FROM mixed WHERE t = '~65万人';
RESET enable_seqscan;
INSERT INTO mixed VALUES ('达到76%'), ('≥76%'), ('76%');
SET enable_sort = off;
SELECT t, count(*) FROM mixed GROUP BY t HAVING count(*) > 1 ORDER BY t;
RESET enable_sort;
SET enable_mergejoin = off;
SET enable_nestloop = off;
SELECT count(*) AS pairs FROM mixed a JOIN mixed b ON a.t = b.t;
RESET enable_mergejoin;
RESET enable_nestloop;
SELECT target_hash('达到76%') = target_hash('>=76%') AS same_hash,
       target_hash_extended('~65万人/年', 7) = target_hash_extended('每年稳定在65万人', 7) AS same_hash_ext;
DROP TABLE mixed;

-- a larger sort (abbreviated keys) and a btree build agree with target_cmp
CREATE TEMP TABLE many AS
SELECT (CASE s % 7 WHEN 0 THEN '>=' WHEN 1 THEN '~' WHEN 2 THEN '' WHEN 3 THEN '<=' ELSE '' END
        || CASE WHEN s % 5 = 0 THEN '+' WHEN s % 11 = 0 THEN '-' ELSE '' END
        || (s % 997)::text || CASE WHEN s % 3 = 0 THEN '.' || (s % 7)::text ELSE '' END
        || (ARRAY['%', '万人', '人', '亿元', '元', '公里', '米', '个', '家', 'G', '', '亿级', '万亩', '小时'])[s % 14 + 1]
        || CASE WHEN s % 9 = 0 THEN '/年' ELSE '' END)::target AS t
FROM generate_series(1, 20000) s;
SELECT bool_and(target_cmp(prev, t) <= 0) AS sorted, count(*) FROM (SELECT t, lag(t) OVER (ORDER BY t) AS prev FROM many) x;
CREATE INDEX many_t ON many (t);
SET enable_seqscan = off;
SELECT bool_and(target_cmp(prev, t) <= 0) AS index_sorted
FROM (SELECT t, lag(t) OVER () AS prev FROM (SELECT t FROM many ORDER BY t) y) x;
SELECT count(*) = (SELECT count(*) FROM many WHERE target_cmp(t, '>=500万人') >= 0) AS index_scan_agrees,
       count(*) > 0 AS found
FROM many WHERE t >= '>=500万人';
RESET enable_seqscan;
DROP TABLE many;

-- met and gap: the actual value in the target's unit, or in another unit of the same dimension
SELECT target_met('>=65万人', 700000, '人') AS issue_example;
SELECT t, actual, unit,
       CASE WHEN unit IS NULL THEN target_met(t, actual) ELSE target_met(t, actual, unit) END AS met,
       CASE WHEN unit IS NULL THEN target_gap(t, actual) ELSE target_gap(t, actual, unit) END AS gap
FROM (VALUES
  ('>=65万人'::target, 70::numeric, NULL::text), ('>=65万人', 60, NULL), ('>=65万人', 600000, '人'),
  ('>=65万人', 65, '萬人'), ('>65万人', 65, NULL), ('<=5%', 5, NULL), ('<=5%', 7.5, NULL), ('<5%', 5, NULL),
  ('~65万人/年', 62, NULL), ('~65万人/年', 61.75, NULL), ('~65万人/年', 61.74, NULL),
  ('~65万人/年', 68.25, NULL), ('~65万人/年', 70, NULL), ('[2,3]个', 2, NULL), ('[2,3]个', 1, NULL),
  ('[2,3]个', 5, NULL), ('800公里', 810, NULL), ('800公里', 799, NULL), ('800公里', 800000, '米'),
  ('800公里', 799.5, '千米'), ('-13.5%', -14, NULL), ('-13.5%', -10, NULL), ('<=-13.5%', -13.5, NULL),
  ('+7%/年', 7.2, NULL), ('>=+2个百分点', 1.5, '个百分点'), ('0.35亿元', 3500, '万元'),
  ('35万元', 0.0035, '亿元'), ('>=1.2万亿元', 1000000000000, '元'), ('>=1万亩', 6666666.67, '平方米'),
  ('>=1万亩', 6666666, '平方米'), ('>=5亿', 500000000, ''), ('>=7000亿级', 0.7, '万亿级'),
  ('<=3小时', 150, '分钟'), ('<=3小时', 200, '分钟'), ('>=10EB', 9000, 'PB'), ('~125', 120, NULL),
  ('~125', 118, NULL), ('>=1万名', 12000, '人')
) AS v(t, actual, unit)
ORDER BY t, actual;
-- conversion, and a test that never errors (for views)
SELECT target_convert('>=65万人', 700000, '人') AS in_wan, target_convert('800公里', 1500, '米') AS km,
       target_convert('>=1万亩', 1, '平方公里') AS mu,
       target_compatible('>=65万人', '人') AS people, target_compatible('>=65万人', '公里') AS km_for_people,
       target_compatible('>=7000亿级', '万亿级') AS same_unknown, target_compatible('~125', '') AS pure;
-- another dimension is an error, never false
SELECT target_met('>=65万人', 800, '公里');
SELECT target_gap('>=76%', 80, '个百分点');
SELECT target_met('>=5G', 5, 'H');
SELECT target_met('>=76%', 'NaN');
SELECT target_met('>=76%', 1e30);
SELECT target_met('>=76%', 80, repeat('个', 20));

-- a run of multipliers longer than any unit (a fuzzer finding): stored and
-- read back unchanged, equal to its printed form
CREATE TEMP TABLE long_units (t target);
INSERT INTO long_units VALUES ('亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿'), ('5亿亿亿亿亿亿亿亿亿元');
SELECT t, target_unit(t), target_dimension(t), t = t::text::target AS round_trip FROM long_units;
DROP TABLE long_units;
