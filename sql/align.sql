--
-- align: plan_align, plan_target_diff, plan_similar, plan_citation_graph
--
\set SHOW_CONTEXT never
\set nat `cat test/docs/align_national_style.txt`
\set prov `cat test/docs/align_province_style.txt`
\set city `cat test/docs/align_city_style_trad.txt`
\set cq `cat test/docs/cq_style_trad.txt`
\set cq_simp `cat test/docs/cq_style_simp.txt`

-- a national opinion and a province's plan implementing it
SELECT a_code, b_code, round(score::numeric, 2) AS score, shared[1:3] AS shared
FROM plan_align(:'nat', :'prov') ORDER BY a_code, score DESC;
-- ... and the city's, in Traditional script: shared terms come folded
SELECT a_code, b_code, round(score::numeric, 2) AS score, shared[1:2] AS shared
FROM plan_align(:'nat', :'city') ORDER BY a_code, score DESC;
-- the threshold: lower finds overlapping pairs too
SELECT count(*) FILTER (WHERE t = 0.25) AS at_default, count(*) FILTER (WHERE t = 0.1) AS at_0_1,
       count(*) FILTER (WHERE t = 0.6) AS at_0_6
FROM unnest(ARRAY[0.25, 0.1, 0.6]) t, LATERAL plan_align(:'nat', :'city', t);
SELECT count(*) FROM plan_align(:'nat', :'city', 0);
SELECT count(*) FROM plan_align(:'nat', :'city', 1.5);
SELECT count(*) FROM plan_align(:'nat', :'city', 'NaN');

-- odd input: a plan with no tasks, an empty text
SELECT count(*) AS no_tasks FROM plan_align('各有关单位：请认真做好养老服务工作。', :'nat');
SELECT count(*) AS no_tasks FROM plan_align(:'nat', '');
-- identical plans: every item without sub-items pairs with itself at 1;
-- a section does not, as its items pair
WITH t AS (SELECT code, NOT EXISTS (SELECT 1 FROM plan_tasks(:'prov') c WHERE c.parent = p.code) AS leaf
           FROM plan_tasks(:'prov') p),
     a AS (SELECT * FROM plan_align(:'prov', :'prov'))
SELECT count(*) FILTER (WHERE leaf) AS leaves,
       count(*) FILTER (WHERE leaf AND EXISTS (SELECT 1 FROM a WHERE a.a_code = t.code AND a.b_code = t.code
                                               AND a.score > 0.999)) AS leaves_aligned,
       count(*) FILTER (WHERE NOT leaf AND EXISTS (SELECT 1 FROM a WHERE a.a_code = t.code)) AS sections_aligned
FROM t;
-- one plan in Traditional, the other in Simplified: every item without
-- sub-items aligns with its counterpart (not all at 1: the Simplified
-- edition writes 着力 where the Traditional has 著力, and 著 folds to itself)
WITH t AS (SELECT code FROM plan_tasks(:'cq') p
           WHERE NOT EXISTS (SELECT 1 FROM plan_tasks(:'cq') c WHERE c.parent = p.code AND c.part = p.part)),
     a AS (SELECT * FROM plan_align(:'cq', :'cq_simp'))
SELECT count(*) AS leaves,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM a WHERE a.a_code = t.code AND a.b_code = t.code)) AS aligned,
       round(min((SELECT max(a.score) FROM a WHERE a.a_code = t.code AND a.b_code = t.code))::numeric, 2) AS lowest
FROM t;

-- similarity of two short texts (indicators)
SELECT round(plan_text_similarity('全市常住人口城镇化率', '常住人口城鎮化率')::numeric, 3) AS sim,
       plan_text_similarity('城镇化率', '护理型床位占比') AS none;

-- targets side by side: the province raised the ceiling-free targets, the
-- city lowered one and dropped others
SELECT a_code, b_code, indicator, a_target, b_target, change, delta FROM plan_target_diff(:'nat', :'prov');
SELECT a_code, b_code, indicator, a_target, b_target, change, delta FROM plan_target_diff(:'nat', :'city');
-- ceilings: a lower value raises the bar; units convert into the first target's
SELECT indicator, a_target, b_target, change, delta FROM plan_target_diff(
  '主要目标：到2027年，企业开办时间压缩至3个工作日以内，单位地区生产总值能耗下降13.5%，新建城市道路320公里，细颗粒物平均浓度控制在35微克/立方米以内。',
  '主要目标：到2027年，全市企业开办时间压缩至2个工作日以内，单位地区生产总值能耗下降12%，新建城市道路32万米，PM2.5平均浓度控制在35微克/立方米以内，城市生活垃圾回收利用率达到40%。');
SELECT count(*) FROM plan_target_diff(:'nat', :'nat') WHERE change <> 'adopted';

-- stored documents
CREATE TEMP TABLE align_ids AS
SELECT 'nat' AS name, plan_ingest(:'nat', 'align_national_style.txt') AS id
UNION ALL SELECT 'prov', plan_ingest(:'prov', 'align_province_style.txt')
UNION ALL SELECT 'city', plan_ingest(:'city', 'align_city_style_trad.txt');
SELECT (SELECT count(*) FROM plan_align((SELECT id FROM align_ids WHERE name = 'nat'),
                                        (SELECT id FROM align_ids WHERE name = 'city')))
     = (SELECT count(*) FROM plan_align(:'nat', :'city')) AS stored_equals_text;
-- with corpus statistics (here: whatever is stored), idf mixes the corpus's in
SELECT plan_refresh_term_df() >= 3 AS counted;
SELECT (SELECT df FROM plan_term_df WHERE term = 0) = (SELECT count(*) FROM plan_document) AS all_documents;
SELECT count(*) BETWEEN 10 AND 16 AS about_the_same_pairs, min(score) >= 0.25 AS above_threshold
FROM plan_align((SELECT id FROM align_ids WHERE name = 'nat'), (SELECT id FROM align_ids WHERE name = 'city'));
-- the terms: distinct folded bigrams (城鎮 is 城镇 again; the comma breaks the run)
SELECT cardinality(plan_text_terms('城镇化率，城鎮')) AS terms,
       plan_text_terms('城鎮化率') = plan_text_terms('城镇化率') AS scripts_alike;
DELETE FROM plan_term_df;
SELECT a_code, b_code, change, delta FROM plan_target_diff((SELECT id FROM align_ids WHERE name = 'nat'),
                                                           (SELECT id FROM align_ids WHERE name = 'prov'));
SELECT * FROM plan_align(-1::bigint, -2::bigint);
SELECT * FROM plan_target_diff(-1::bigint, -2::bigint);

-- similar plans: every stored document has a sketch; the three plans on the
-- silver economy are each other's two nearest
SELECT count(*) = (SELECT count(*) FROM plan_document) AS every_document_sketched FROM plan_document_sketch;
SELECT a.name, array_agg(b.name ORDER BY b.name) AS nearest_two
FROM align_ids a, LATERAL plan_similar(a.id, 2) s LEFT JOIN align_ids b ON b.id = s.document_id
GROUP BY a.name ORDER BY 1;
SELECT round(plan_sketch_similarity(plan_sketch(:'cq'), plan_sketch(:'cq_simp'))::numeric, 3) AS trad_simp,
       octet_length(plan_sketch(:'cq')) AS bytes;
SELECT plan_sketch_similarity('\x00'::bytea, plan_sketch(''));

-- the citation graph: the province cites the national opinion, the city
-- both; a cycle of two made-up notices gives finite rows
SELECT g.docno, g.depth, g.direction FROM plan_citation_graph((SELECT id FROM align_ids WHERE name = 'city')) g;
SELECT g.docno, g.depth, g.direction FROM plan_citation_graph((SELECT id FROM align_ids WHERE name = 'nat')) g;
SELECT g.docno, g.depth, g.direction FROM plan_citation_graph((SELECT id FROM align_ids WHERE name = 'nat'), 'parents') g;
INSERT INTO align_ids
SELECT 'x', plan_ingest(E'测试局关于甲事项的通知\n\n测发〔2026〕1号\n\n根据《测试局关于乙事项的通知》（测发〔2026〕2号），现通知如下。\n一、做好甲事项。\n')
UNION ALL
SELECT 'y', plan_ingest(E'测试局关于乙事项的通知\n\n测发〔2026〕2号\n\n根据《测试局关于甲事项的通知》（测发〔2026〕1号），现通知如下。\n一、做好乙事项。\n');
SELECT g.docno, g.depth, g.direction FROM plan_citation_graph((SELECT id FROM align_ids WHERE name = 'x')) g;
SELECT * FROM plan_citation_graph((SELECT id FROM align_ids WHERE name = 'x'), 'sideways');

DELETE FROM plan_document WHERE id IN (SELECT id FROM align_ids);
SELECT count(*) AS sketches_left FROM plan_document_sketch s JOIN align_ids a ON a.id = s.document_id;
