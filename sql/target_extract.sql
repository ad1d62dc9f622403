--
-- target_extract: quantitative targets in running text.  Sentences written
-- for these tests in the styles of real plans: every kind of target
-- sentence, then everything that looks like a number but is not a target.
--
CREATE TEMP TABLE s (id int, label text, txt text);

-- kinds of target sentences
INSERT INTO s VALUES
 (1, 'level, 达到', '到2027年，全市常住人口城镇化率达到78%。'),
 (2, 'per year, 稳定在', '城镇新增就业人数每年稳定在50万人，城镇调查失业率控制在5.5%以内。'),
 (3, 'suffix 以上, two subjects', '推动主城新区常住人口城镇化率达到72%以上、渝东南区县常住人口城镇化率达到58%以上。'),
 (4, 'aspirational 力争', '力争城市轨道交通运营里程达到900公里，高速铁路里程突破2000公里。'),
 (5, '超过 / 其中', '到2030年，全省农机总动力超过12亿千瓦，其中灌排机械动力达到1.5亿千瓦。'),
 (6, '均: one target per listed subject', '小麦种植、收获机械化率均达到95%。'),
 (7, '分别 … 和 …: paired', '玉米种植、收获机械化率分别达到90%和80%。'),
 (8, '总体 … 左右: one combined target', '设施农业、畜牧养殖和水产养殖机械化率总体达到55%左右。'),
 (9, 'implicit one, 万亿级; unit outside the table', '到2026年，数字经济规模达到万亿级，智能制造和智能服务产业规模均达到3000亿级。'),
 (10, 'goal verbs with counts, list of objects', '到2026年，培育2家综合型工业互联网平台、15家行业型工业互联网平台、200家企业级工业互联网平台。'),
 (11, 'object before the number', '建设开通5G基站6万个以上，累计培育智能工厂80个、数字化车间300个。'),
 (12, 'ranges', '打造3—5个国家级创新平台，培育2-3家领军企业。'),
 (13, 'growth: 年均增长, 提高…个百分点, 下降', '规上工业增加值年均增长8%以上，研发经费投入强度提高1个百分点，单位地区生产总值能耗比2020年下降14%。'),
 (14, '翻一番', '到2035年，城乡居民人均可支配收入比2020年翻一番。'),
 (15, 'Chinese magnitudes 过千亿', '力争到2027年，全省新能源汽车产业规模过千亿。'),
 (16, 'annual 每年 over following verb clauses', '每年滚动实施500项技术改造项目，引导推动1000家规上企业开展数字化改造，推广应用工业机器人5000台以上。'),
 (17, 'annual stops at a clause with its own indicator', '每年新增授权发明专利8000件以上，两化融合发展指数达到120左右。'),
 (18, 'data and compute units', '算力总规模达到20EFLOPS，智能算力超过5000P，存储总量达到15EB，骨干网带宽达到400Gbps。'),
 (19, 'persons, 名 and 人次', '每年面向2万名企业管理人员开展培训，每年开展职业技能培训30万人次以上。'),
 (20, '实现 100%', '新建住宅全面实现100%装配化交付，政务服务事项网上可办率达到100%。'),
 (21, '不少于 / 不低于 / amounts', '产业发展基金总规模不少于50亿元，每年支持引进高端人才不少于20名。'),
 (22, 'time limits that are targets', '企业开办时间压缩至1个工作日以内，人均预期寿命达到80岁。'),
 (23, '十四五末', '到“十四五”末，全省森林覆盖率达到26%。'),
 (24, 'year carried to the next sentence', '到2025年，主要农作物耕种收综合机械化率达到75%。棉花收获机械化率达到60%。'),
 (25, 'deadline 年底前', '2026年底前，建成充电桩10万个。'),
 (26, 'Traditional script, full-width digits', '到２０２７年，全市常住人口城鎮化率達到７８％，城鎮新增就業人數每年穩定在５０萬人。'),
 (27, 'brackets inside indicator names', '每千人口执业（助理）医师数达到3.5人，丘陵山区县（市、区）农作物耕种收综合机械化率达到55%。'),
 (28, '分别 with declines, no shared head noun', '单位地区生产总值能源消耗和二氧化碳排放分别下降13.5%、18%。'),
 (29, 'suffix before the counted noun', '实施100个以上重点项目，粮食综合生产能力稳定在1200万吨以上。'),
 (30, 'a change verb split by its object', '压缩企业开办时间至1个工作日以内，提高农村自来水普及率到90%。'),
 (31, 'concentrations; 年均 of an indicator', 'PM2.5年均浓度降至30微克/立方米，细颗粒物浓度控制在35μg/m³以下。'),
 (32, '年均增长 holds in its own clause only', '工业增加值年均增长7%左右，新增高新技术企业1000家以上；年均新增城镇就业5万人，培训10万人次。');

-- what is not a target
INSERT INTO s VALUES
 (101, 'years, dates, plan periods', '按照《行动计划（2024—2026年）》要求，2025年3月1日起施行，2021-2023年分三个阶段推进。'),
 (102, 'durations that are not goals', '第二轮土地承包到期后再延长30年，经过5年左右的努力，基本形成体系。'),
 (103, 'counts that describe the plan', '在全市38个区县开展试点，提出以下21项措施，实施10项重点任务。'),
 (104, 'ranks', '服务器产销量稳居全球前三，综合实力位居全国第3位，排名前10。'),
 (105, 'concept names', '构建15分钟便民生活圈和1小时通勤圈，形成半小时经济圈。'),
 (106, 'subsidy and eligibility parameters', '对新认定的国家级平台，给予最高3000万元奖励；按10%比例给予补助，贴息40%，贴息期不超过3年；对投资1000万元及以上的项目予以支持。'),
 (107, 'an amount that qualifies what is counted', '支持收入过200亿元的软件企业做大做强。'),
 (108, 'names with digits', '构建1＋N＋X体系，推动5G、IPv6、4K/8K和PM2.5监测应用，创建3A级景区。'),
 (109, 'past statements', '截至2023年底，全市已建成5G基站3万个。2020年以来，城镇化率提高了3个百分点。全年地区生产总值同比增长6.1%。五年来，累计新增城镇就业380万人。'),
 (110, 'a statement about a past year', '2022年，全省数字经济规模达到5000亿元。'),
 (111, 'descriptive verbs', '围绕37条产业链和40个产业集群，聚焦8大领域。'),
 (112, 'no number', '每年举办多场次推介活动，每年组织宣传推广一批典型案例，达到国际先进水平。'),
 (113, 'references, serials, phone numbers', '国办发〔2019〕3号文件、专栏1和附件2所列事项，联系电话：023-63899999。'),
 (114, 'a rate of something else', '对区内企业按照15%税率征收企业所得税，占全国的10%。'),
 (115, 'Chinese small numbers are phrases', '推行一单制，实现一次委托、全程负责，形成一批经验。');

SELECT s.id, s.label, e.target, e.indicator, e.year, e.period, e.aspirational AS asp, e.raw
FROM s LEFT JOIN LATERAL target_extract(s.txt) WITH ORDINALITY e ON true
ORDER BY s.id, e.ordinality;

-- a governing year passed in from outside
SELECT target, year, period FROM target_extract('建成充电桩10万个。', 2026);

-- offsets are characters into the text: substr gives the raw text back
SELECT bool_and(substr(s.txt, e.start_offset + 1, e.end_offset - e.start_offset) = e.raw) AS offsets_ok,
       count(*) AS targets
FROM s, target_extract(s.txt) e;

-- Simplified and Traditional, half- and full-width: the same targets
SELECT a.target = b.target AS same_target, a.year = b.year AS same_year, a.period = b.period AS same_period,
       a.indicator, b.indicator AS trad_indicator
FROM target_extract('到2027年，全市常住人口城镇化率达到78%，城镇新增就业人数每年稳定在50万人，力争轨道交通运营里程达到900公里。') WITH ORDINALITY a
JOIN target_extract('到２０２７年，全市常住人口城鎮化率達到７８％，城鎮新增就業人數每年穩定在５０萬人，力爭軌道交通運營里程達到９００公里。') WITH ORDINALITY b
  USING (ordinality);

-- empty, NULL, garbage and long text never fail
SELECT count(*) FROM target_extract('');
SELECT count(*) FROM target_extract(NULL);
SELECT count(*) FROM target_extract(E'\uFFFD达到%%%' || repeat('。', 100) || '达到' || E'\uFFFD' || '76%');
SELECT count(*) FROM target_extract(repeat('达到', 5000) || '76%');
SELECT count(*) AS targets FROM target_extract(repeat('常住人口城镇化率达到76%，', 20000));
SELECT count(*) AS one_sentence FROM target_extract(repeat('工业机器人8000台以上、', 3000));

-- a short statement_timeout stops a long scan (57014)
SET statement_timeout = '1ms';
\set VERBOSITY terse
SELECT count(*) FROM target_extract(repeat('常住人口城镇化率达到76%，每年新增就业50万人。', 200000));
\echo :LAST_ERROR_SQLSTATE
RESET statement_timeout;
\set VERBOSITY default
DROP TABLE s;
