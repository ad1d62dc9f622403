/*
 * targets_scan.c — find the quantitative targets in running plan text.
 * Backend-free, one pass, no allocation.
 *
 * The text is read sentence by sentence (up to 。；！？ or a line break) into
 * a fixed buffer of folded code points (Simplified, half-width) with the
 * byte offset of each, so every keyword test is script- and width-blind
 * while indicator and raw text come back exactly as printed.  Within a
 * sentence one left-to-right loop keeps the state of the current clause
 * (up to ，：；or a bracket): whether a goal verb (建成 培育 打造 …), a
 * descriptive verb (围绕 聚焦), a subsidy word (给予 奖励) or a past marker
 * (已 截至) has been seen, and of the sentence: where 每年/年均 and 力争
 * start.  The governing year (到2025年) is state of the whole scan.
 *
 * At every number the reader takes what follows (range, unit, /年, 以上 …)
 * and reads the comparator and change words backwards (达到, 稳定在, 年均增长,
 * 均 / 分别 …), then decides: a target needs a comparator, a suffix, or —
 * for counts, people and amounts — a goal verb in its clause; years, dates,
 * plan periods, durations, ranks, references, subsidy and eligibility
 * parameters, counts of places (15个区县) and attributive amounts (200亿元的
 * 集群) are not targets.  Lists joined by 和 、及 after 分别 share the
 * comparator and split the subject (花生种植、收获机械化率分别达到65%和55%);
 * 均 gives one target per listed subject.
 *
 * Backward looks are bounded (a clause, at most CLAUSE_LOOK code points), so
 * the scan is linear in the text.
 */
#include "pd_target_int.h"
#include "pd_table.h"

#include <string.h>

#define SMAX PD_TSCAN_SENTENCE_MAX
#define CHAIN_MAX 12
#define CLAUSE_LOOK 96			/* longest subject we read back */
#define OBJECT_MAX 30			/* longest object we read forward */
#define BY_WINDOW 12			/* 按 … 10% */
#define NO_POS (SMAX + 1)
#define SHARE_BASE_MAX 20		/* 不少于[本单位执法人员总数]的5% */

/* ---- word tables ------------------------------------------------------- */

enum
{
	C_GOAL = 1,					/* a verb that sets a quantity: 建成 培育 打造 */
	C_GOAL_NEXT,				/* one only right before the number: 再就业1万人, not 就业人员80万人 */
	C_PAST_HEAD,				/* a report when it opens the sentence: 去年，… (not 比去年提高) */
	C_DESC,						/* describes what exists: 围绕 聚焦 涉及 */
	C_PAST,						/* 已 截至 以来 同比 */
	C_SUBSIDY,					/* 给予 奖励 补助 */
	C_ELIGIBLE,					/* 申报 申请: amounts are thresholds */
	C_CAP,						/* 最高 单个 每个: a per-unit cap */
	C_BY,						/* 按 按照: a rate of something else */
	C_ANNUAL,					/* 每年 年均 */
	C_ASPIRE,					/* 力争 争取 */
	C_ACHIEVE					/* 实现 确保 …: a rate further on is reached */
};

static const pd_word ctx_words[] = {
	{"建成", C_GOAL, 0}, {"建设", C_GOAL, 0}, {"新建", C_GOAL, 0}, {"新增", C_GOAL, 0}, {"培育", C_GOAL, 0},
	{"打造", C_GOAL, 0}, {"遴选", C_GOAL, 0}, {"发布", C_GOAL, 0}, {"实施", C_GOAL, 0}, {"认定", C_GOAL, 0},
	{"推出", C_GOAL, 0}, {"谋划", C_GOAL, 0}, {"引进", C_GOAL, 0}, {"引育", C_GOAL, 0}, {"支持", C_GOAL, 0},
	{"推动", C_GOAL, 0}, {"推广", C_GOAL, 0}, {"创建", C_GOAL, 0}, {"布局", C_GOAL, 0}, {"组织", C_GOAL, 0},
	{"面向", C_GOAL, 0}, {"完成", C_GOAL, 0}, {"形成", C_GOAL, 0}, {"累计", C_GOAL, 0}, {"带动", C_GOAL, 0},
	{"招引", C_GOAL, 0}, {"开通", C_GOAL, 0}, {"部署", C_GOAL, 0}, {"改造", C_GOAL, 0}, {"培训", C_GOAL, 0},
	{"吸引", C_GOAL, 0}, {"争创", C_GOAL, 0}, {"评选", C_GOAL, 0}, {"扶持", C_GOAL, 0}, {"孵化", C_GOAL, 0},
	{"设立", C_GOAL, 0}, {"举办", C_GOAL, 0}, {"开展", C_GOAL, 0}, {"储备", C_GOAL, 0}, {"落地", C_GOAL, 0},
	{"新开工", C_GOAL, 0}, {"开工", C_GOAL, 0}, {"建立", C_GOAL, 0}, {"制定", C_GOAL, 0}, {"出台", C_GOAL, 0},
	{"提供", C_GOAL, 0}, {"吸纳", C_GOAL, 0}, {"安置", C_GOAL, 0}, {"培养", C_GOAL, 0}, {"引导", C_GOAL, 0},
	{"入选", C_GOAL, 0}, {"获批", C_GOAL, 0}, {"创成", C_GOAL, 0}, {"签约", C_GOAL, 0}, {"招商", C_GOAL, 0},
	{"育成", C_GOAL, 0}, {"服务", C_GOAL, 0}, {"征集", C_GOAL, 0}, {"创作", C_GOAL, 0},
	{"培优", C_GOAL, 0}, {"打通", C_GOAL, 0}, {"新开通", C_GOAL, 0}, {"建好", C_GOAL, 0},
	{"开放", C_GOAL, 0}, {"命名", C_GOAL, 0}, {"创办", C_GOAL, 0}, {"新改建", C_GOAL, 0},
	{"改扩建", C_GOAL, 0}, {"就业", C_GOAL_NEXT, 0}, {"再就业", C_GOAL_NEXT, 0},
	{"启动", C_GOAL, 0}, {"选择", C_GOAL, 0},
	{"实现", C_ACHIEVE, 0}, {"确保", C_ACHIEVE, 0}, {"帮扶", C_GOAL, 0}, {"转移", C_GOAL, 0}, {"培植", C_GOAL, 0},
	{"新培育", C_GOAL, 0}, {"新认定", C_GOAL, 0}, {"新引进", C_GOAL, 0}, {"新建成", C_GOAL, 0},
	{"围绕", C_DESC, 0}, {"聚焦", C_DESC, 0}, {"涉及", C_DESC, 0}, {"包括", C_DESC, 0}, {"包含", C_DESC, 0},
	{"共有", C_DESC, 0}, {"现有", C_DESC, 0}, {"拥有", C_DESC, 0}, {"分为", C_DESC, 0}, {"依托", C_DESC, 0},
	{"对接", C_DESC, 0}, {"根据", C_DESC, 0}, {"所辖", C_DESC, 0}, {"辖", C_DESC, 0},
	{"已", C_PAST, 0}, {"已经", C_PAST, 0}, {"截至", C_PAST, 0}, {"截止", C_PAST, 0}, {"以来", C_PAST, 0},
	{"同比", C_PAST, 0}, {"比上年", C_PAST, 0}, {"较上年", C_PAST, 0}, {"上年", C_PAST, 0},
	{"五年来", C_PAST, 0}, {"近年来", C_PAST, 0}, {"多年来", C_PAST, 0}, {"过去五年", C_PAST, 0},
	{"一年来", C_PAST, 0}, {"过去一年", C_PAST, 0}, {"今年以来", C_PAST, 0}, {"去年以来", C_PAST, 0},
	{"去年", C_PAST_HEAD, 0}, {"三年来", C_PAST, 0}, {"两年来", C_PAST, 0}, {"过去三年", C_PAST, 0},
	{"给予", C_SUBSIDY, 0}, {"奖励", C_SUBSIDY, 0}, {"补助", C_SUBSIDY, 0}, {"补贴", C_SUBSIDY, 0},
	{"资助", C_SUBSIDY, 0}, {"奖补", C_SUBSIDY, 0}, {"贴息", C_SUBSIDY, 0}, {"补偿", C_SUBSIDY, 0},
	{"一次性", C_SUBSIDY, 0}, {"奖金", C_SUBSIDY, 0},
	{"申报", C_ELIGIBLE, 0}, {"申请", C_ELIGIBLE, 0}, {"符合条件", C_ELIGIBLE, 0},
	{"最高", C_CAP, 0}, {"最多", C_CAP, 0}, {"单个", C_CAP, 0}, {"每个", C_CAP, 0}, {"每家", C_CAP, 0},
	{"每项", C_CAP, 0}, {"每户", C_CAP, 0}, {"每人", C_CAP, 0}, {"单项", C_CAP, 0}, {"单家", C_CAP, 0},
	{"按", C_BY, 0}, {"按照", C_BY, 0},
	{"每年", C_ANNUAL, 0}, {"年均", C_ANNUAL, 0}, {"每年度", C_ANNUAL, 0},
	{"力争", C_ASPIRE, 0}, {"争取", C_ASPIRE, 0},
};

/*
 * In front of a number: what makes it not a target (a rank, a reference, a
 * serial) or, before 年, what kind of year it is.
 */
enum
{
	B_RANK = 1,					/* 第3 前10 排名 */
	B_REF,						/* 专栏1 表2 附件3 */
	B_YEAR_TO,					/* 到2025年: the governing year */
	B_YEAR_PAST,				/* 截至2023年 */
	B_YEAR_BASE					/* 比2020年 较2020年: a base of comparison */
};

static const pd_word before_words[] = {
	{"第", B_RANK, 0}, {"前", B_RANK, 0}, {"后", B_RANK, 0}, {"排名", B_RANK, 0}, {"位列", B_RANK, 0},
	{"位居", B_RANK, 0}, {"居", B_RANK, 0}, {"排", B_RANK, 0}, {"top", B_RANK, 0}, {"TOP", B_RANK, 0},
	{"专栏", B_REF, 0}, {"表", B_REF, 0}, {"图", B_REF, 0}, {"附件", B_REF, 0}, {"附表", B_REF, 0},
	{"附录", B_REF, 0}, {"编号", B_REF, 0}, {"号", B_REF, 0}, {"电话", B_REF, 0}, {"〔", B_REF, 0},
	{"[", B_REF, 0},
	{"到", B_YEAR_TO, 0}, {"至", B_YEAR_TO, 0}, {"到了", B_YEAR_TO, 0},
	{"截至", B_YEAR_PAST, 0}, {"截止", B_YEAR_PAST, 0}, {"截止到", B_YEAR_PAST, 0},
	{"比", B_YEAR_BASE, 0}, {"较", B_YEAR_BASE, 0}, {"与", B_YEAR_BASE, 0}, {"同", B_YEAR_BASE, 0},
	{"相比", B_YEAR_BASE, 0}, {"从", B_YEAR_BASE, 0}, {"自", B_YEAR_BASE, 0}, {"于", B_YEAR_BASE, 0},
	{"在", B_YEAR_BASE, 0},
};

/* after YYYY年 */
enum
{
	A_DEADLINE = 1,				/* 2025年底前 2025年前 2025年内 */
	A_SINCE,					/* 2020年以来 */
	A_FROM,						/* 2025年起 2025年开始 */
	A_END						/* 2025年底 2025年末 */
};

static const pd_word after_year_words[] = {
	{"前", A_DEADLINE, 0}, {"底前", A_DEADLINE, 0}, {"年底前", A_DEADLINE, 0}, {"末前", A_DEADLINE, 0},
	{"内", A_DEADLINE, 0}, {"年内", A_DEADLINE, 0}, {"以前", A_DEADLINE, 0},
	{"以来", A_SINCE, 0}, {"起", A_FROM, 0}, {"开始", A_FROM, 0},
	{"底", A_END, 0}, {"末", A_END, 0}, {"年底", A_END, 0}, {"年末", A_END, 0},
};

/* cleaned off the front of a subject */
static const pd_word lead_words[] = {
	{"到", 0, 0}, {"至", 0, 0}, {"力争", 0, 0}, {"争取", 0, 0}, {"确保", 0, 0}, {"预计", 0, 0}, {"计划", 0, 0}, {"全市", 0, 0}, {"全省", 0, 0},
	{"全区", 0, 0}, {"全县", 0, 0}, {"全国", 0, 0}, {"全域", 0, 0}, {"其中", 0, 0}, {"同时", 0, 0}, {"并", 0, 0}, {"并且", 0, 0}, {"且", 0, 0},
	{"使", 0, 0}, {"推动", 0, 0}, {"促进", 0, 0}, {"带动", 0, 0}, {"进一步", 0, 0}, {"着力", 0, 0}, {"持续", 0, 0}, {"稳步", 0, 0},
	{"逐步", 0, 0}, {"基本", 0, 0}, {"实现", 0, 0}, {"的", 0, 0}, {"年底", 0, 0}, {"年末", 0, 0}, {"底", 0, 0}, {"末", 0, 0}, {"前", 0, 0},
	{"年内", 0, 0}, {"期间", 0, 0}, {"时", 0, 0}, {"共", 0, 0}, {"总体上", 0, 0}, {"此外", 0, 0}, {"另外", 0, 0}, {"加快", 0, 0},
	{"大力", 0, 0}, {"努力", 0, 0}, {"要", 0, 0}, {"将", 0, 0}, {"和", 0, 0}, {"及", 0, 0}, {"与", 0, 0}, {"以及", 0, 0}, {"或", 0, 0},
	{"在此基础上", 0, 0}, {"届时", 0, 0}, {"目标是", 0, 0}, {"主要目标是", 0, 0}, {"总体目标是", 0, 0},
	{"至少", 0, 0}, {"推进", 0, 0}, {"全面", 0, 0}, {"提升", 0, 0}, {"全年", 0, 0},
};

/*
 * Words a one-character lead word begins (共享, 及时, 和平区, 前置仓): the
 * character is part of the indicator's name there, not a word of its own.
 */
static const pd_word bound_words[] = {
	{"到位", 0, 0}, {"到期", 0, 0}, {"到岗", 0, 0}, {"到达", 0, 0}, {"到户", 0, 0}, {"到村", 0, 0}, {"到港", 0, 0},
	{"到账", 0, 0}, {"至今", 0, 0}, {"并购", 0, 0}, {"并网", 0, 0}, {"并联", 0, 0}, {"使用", 0, 0}, {"使命", 0, 0},
	{"底商", 0, 0}, {"底线", 0, 0}, {"底部", 0, 0}, {"底数", 0, 0}, {"末端", 0, 0}, {"末梢", 0, 0},
	{"前置", 0, 0}, {"前沿", 0, 0}, {"前端", 0, 0}, {"前期", 0, 0}, {"前列", 0, 0}, {"前台", 0, 0},
	{"时速", 0, 0}, {"时长", 0, 0}, {"时间", 0, 0}, {"时效", 0, 0}, {"时限", 0, 0}, {"共享", 0, 0},
	{"共建", 0, 0}, {"共同", 0, 0}, {"共性", 0, 0}, {"共用", 0, 0}, {"共治", 0, 0}, {"共富", 0, 0},
	{"要素", 0, 0}, {"和平", 0, 0}, {"和谐", 0, 0}, {"及时", 0, 0}, {"与会", 0, 0}, {"的士", 0, 0},
	/* 基本 is an adverb (基本实现) and 全域 a scope, except in these names */
	{"基本养老", 0, 0}, {"基本医疗", 0, 0}, {"基本医保", 0, 0}, {"基本公共", 0, 0}, {"基本农田", 0, 0},
	{"基本药物", 0, 0}, {"基本住房", 0, 0}, {"基本生活", 0, 0}, {"基本民生", 0, 0}, {"基本建设", 0, 0},
	{"基本单元", 0, 0}, {"基本盘", 0, 0}, {"全域旅游", 0, 0},
	/* 期间 is a time phrase (“十四五”期间), except in a financial ratio */
	{"期间费用", 0, 0},
};

/* adverbs between a counted noun and its verb: 100个智慧社区全部建成 */
static const pd_word adverb_words[] = {
	{"全部", 0, 0}, {"如期", 0, 0}, {"顺利", 0, 0}, {"陆续", 0, 0}, {"相继", 0, 0}, {"均", 0, 0},
	{"都", 0, 0}, {"率先", 0, 0}, {"按期", 0, 0}, {"全数", 0, 0},
};

/* words a one-character tail word ends (粗钢产能, 新型储能, 城市供应): kept */
static const pd_word tail_bound_words[] = {
	{"产能", 0, 0}, {"储能", 0, 0}, {"动能", 0, 0}, {"功能", 0, 0}, {"效能", 0, 0}, {"节能", 0, 0},
	{"智能", 0, 0}, {"技能", 0, 0}, {"体能", 0, 0}, {"赋能", 0, 0}, {"职能", 0, 0}, {"性能", 0, 0},
	{"热能", 0, 0}, {"电能", 0, 0}, {"核能", 0, 0}, {"风能", 0, 0}, {"光能", 0, 0}, {"潜能", 0, 0},
	{"行为", 0, 0}, {"国有", 0, 0}, {"私有", 0, 0}, {"公有", 0, 0}, {"所有", 0, 0}, {"拥有", 0, 0},
	{"公共", 0, 0}, {"首都", 0, 0}, {"成都", 0, 0}, {"内需", 0, 0}, {"供需", 0, 0}, {"必需", 0, 0},
	{"供应", 0, 0}, {"响应", 0, 0}, {"效应", 0, 0}, {"适应", 0, 0}, {"对应", 0, 0}, {"人均", 0, 0},
	{"户均", 0, 0}, {"亩均", 0, 0}, {"平均", 0, 0}, {"目的", 0, 0},
};

/* cleaned off the end of a subject */
static const pd_word tail_words[] = {
	{"要", 0, 0}, {"将", 0, 0}, {"应", 0, 0}, {"需", 0, 0}, {"均", 0, 0}, {"分别", 0, 0}, {"总体", 0, 0}, {"总体上", 0, 0}, {"力争", 0, 0},
	{"争取", 0, 0}, {"稳步", 0, 0}, {"持续", 0, 0}, {"逐步", 0, 0}, {"进一步", 0, 0}, {"基本", 0, 0}, {"的", 0, 0}, {"每年", 0, 0},
	{"年均", 0, 0}, {"总计", 0, 0}, {"合计", 0, 0}, {"预计", 0, 0}, {"可", 0, 0}, {"能", 0, 0}, {"都", 0, 0}, {"共", 0, 0}, {"为", 0, 0},
	{"有", 0, 0}, {"也", 0, 0}, {"还", 0, 0}, {"再", 0, 0}, {"确保", 0, 0}, {"有望", 0, 0}, {"整体", 0, 0}, {"全面", 0, 0},
	{"实现", 0, 0},
};

/* fillers between comparator words and the number, or before them */
static const pd_word filler_words[] = {
	{"均", 1, 0}, {"分别", 2, 0}, {"总体", 0, 0}, {"都", 0, 0}, {"将", 0, 0}, {"要", 0, 0}, {"了", 0, 0},
	{"可", 0, 0}, {"为", 0, 0}, {"共", 0, 0}, {"合计", 0, 0}, {"总计", 0, 0}, {"累计", 0, 0},
	{"稳步", 0, 0}, {"持续", 0, 0}, {"逐步", 0, 0}, {"力争", 0, 0}, {"争取", 0, 0}, {"基本", 0, 0},
};

/* counted things that are places or parts of the plan, not targets */
static const pd_word admin_words[] = {
	{"区县", 0, 0}, {"区（县）", 0, 0}, {"区(县)", 0, 0}, {"县（市、区）", 0, 0}, {"县(市、区)", 0, 0},
	{"乡镇", 0, 0}, {"街道", 0, 0}, {"省份", 0, 0}, {"城市", 0, 0}, {"地市", 0, 0}, {"设区市", 0, 0},
	{"部门", 0, 0}, {"方面", 0, 0}, {"领域", 0, 0}, {"重点领域", 0, 0}, {"环节", 0, 0}, {"板块", 0, 0},
	{"国家和地区", 0, 0}, {"层级", 0, 0}, {"阶段", 0, 0}, {"步骤", 0, 0}, {"方向", 0, 0}, {"片区", 0, 0},
	{"区", 1, 0}, {"县", 1, 0}, {"市", 1, 0}, {"镇", 1, 0}, {"乡", 1, 0}, {"村", 1, 0}, {"省", 1, 0}, {"类", 1, 0},
	{"措施", 1, 0}, {"任务", 1, 0}, {"重点任务", 1, 0}, {"举措", 1, 0}, {"政策", 1, 0},
	{"政策措施", 1, 0}, {"行动", 1, 0}, {"专项行动", 1, 0}, {"工程", 1, 0}, {"重大工程", 1, 0},
	{"原则", 1, 0}, {"目标", 1, 0}, {"大类", 1, 0}, {"条措施", 1, 0}, {"个方面", 1, 0},
};

/* clauses opening with these do not carry on an earlier 每年 */
static const pd_word annual_break_words[] = {
	{"累计", 0, 0}, {"全省", 0, 0}, {"全市", 0, 0}, {"全区", 0, 0}, {"全县", 0, 0}, {"全国", 0, 0},
	{"总计", 0, 0}, {"合计", 0, 0}, {"到", 0, 0}, {"至", 0, 0},
};

/* head nouns a distributed subject shares: 花生种植、收获|机械化率 */
static const pd_word head_words[] = {
	{"机械化率", 0, 0}, {"覆盖率", 0, 0}, {"普及率", 0, 0}, {"渗透率", 0, 0}, {"使用率", 0, 0}, {"利用率", 0, 0}, {"达标率", 0, 0},
	{"合格率", 0, 0}, {"参保率", 0, 0}, {"入学率", 0, 0}, {"城镇化率", 0, 0}, {"贡献率", 0, 0}, {"转化率", 0, 0}, {"上云率", 0, 0},
	{"比重", 0, 0}, {"占比", 0, 0}, {"产业规模", 0, 0}, {"规模", 0, 0}, {"营业收入", 0, 0}, {"收入", 0, 0}, {"营收", 0, 0},
	{"产值", 0, 0}, {"增加值", 0, 0}, {"总量", 0, 0}, {"产量", 0, 0}, {"数量", 0, 0}, {"面积", 0, 0}, {"里程", 0, 0}, {"人数", 0, 0},
	{"指数", 0, 0}, {"水平", 0, 0}, {"增速", 0, 0}, {"增长率", 0, 0}, {"率", 0, 0},
};

/*
 * Scopes of intensity that a listed pair shares when only its first name
 * prints them (not 人均: 人均公园绿地面积、绿地率 share nothing):
 * 单位地区生产总值能耗、二氧化碳排放 -> 单位地区生产总值 | 能耗 | 二氧化碳排放
 */
static const pd_word scope_words[] = {
	{"单位地区生产总值", 0, 0}, {"单位国内生产总值", 0, 0}, {"单位GDP", 0, 0}, {"万元地区生产总值", 0, 0},
	{"万元国内生产总值", 0, 0}, {"万元GDP", 0, 0}, {"单位工业增加值", 0, 0}, {"万元工业增加值", 0, 0},
	{"规模以上工业单位增加值", 0, 0},
};

/* single-character comparators that are the tail of another word: 通过 经过 */
static bool
op_char_blocked(uint32_t op, uint32_t before)
{
	switch (op)
	{
		case 0x8FC7:			/* 过: 通过 经过 不过 度过 越过 */
			return before == 0x901A || before == 0x7ECF || before == 0x4E0D ||
				before == 0x5EA6 || before == 0x8D8A || before == 0x8DE8;
		case 0x8FBE:			/* 达: 到达 抵达 下达 发达 表达 传达 送达 通达 */
			return before == 0x5230 || before == 0x62B5 || before == 0x4E0B ||
				before == 0x53D1 || before == 0x8868 || before == 0x4F20 ||
				before == 0x9001 || before == 0x901A || before == 0x957F;
		case 0x7EA6:			/* 约: 节约 制约 约束 签约 */
			return before == 0x8282 || before == 0x5236 || before == 0x7B7E;
		default:
			return false;
	}
}

static pd_wordtab ctx_tab = PD_WORDTAB(ctx_words);
static pd_wordtab before_tab = PD_WORDTAB(before_words);
static pd_wordtab after_year_tab = PD_WORDTAB(after_year_words);
static pd_wordtab lead_tab = PD_WORDTAB(lead_words);
static pd_wordtab bound_tab = PD_WORDTAB(bound_words);
static pd_wordtab adverb_tab = PD_WORDTAB(adverb_words);
static pd_wordtab tail_bound_tab = PD_WORDTAB(tail_bound_words);
static pd_wordtab tail_tab = PD_WORDTAB(tail_words);
static pd_wordtab filler_tab = PD_WORDTAB(filler_words);
static pd_wordtab admin_tab = PD_WORDTAB(admin_words);
static pd_wordtab head_tab = PD_WORDTAB(head_words);
static pd_wordtab annual_break_tab = PD_WORDTAB(annual_break_words);
static pd_wordtab scope_tab = PD_WORDTAB(scope_words);

/* ---- character classes -------------------------------------------------- */

#define CP_NIAN 0x5E74			/* 年 */
#define CP_YUE 0x6708			/* 月 */
#define CP_DE 0x7684			/* 的 */
#define CP_WAN 0x4E07			/* 万 */
#define CP_YI 0x4EBF			/* 亿 */
#define CP_DUN 0x3001			/* 、 */
#define CP_JU 0x3002			/* 。 */

static inline bool
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_ascii_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static inline bool
is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* can a Chinese number (or 万 / 亿 alone) start here? */
static inline bool
cn_number_start(uint32_t c)
{
	return c == CP_WAN || c == CP_YI || pd_is_cn_numeral_char(c);
}

static inline bool
is_sentence_end(uint32_t c)
{
	return c == CP_JU || c == ';' || c == '!' || c == '?' || c == '\n' || c == '\r';
}

/*
 * ends a clause: ，：；。 and 【】.  Round brackets do not: they are part of
 * indicator names (执业（助理）医师数, 县（市、区）); a bracket holding a
 * responsibility note has its ：.
 */
static inline bool
is_clause_end(uint32_t c)
{
	return is_sentence_end(c) || c == ',' || c == ':' || c == 0x3010 || c == 0x3011 ||
		c == 0xFF64 /* ､ */ ;
}

/* bullets, dashes and other marks cleaned off the ends of a subject */
static inline bool
is_mark(uint32_t c)
{
	if (pd_is_space(c))
		return true;
	if (c < 0x80)
		return !is_ascii_letter(c) && !is_digit(c) && c != '%';
	return (c >= 0x2010 && c <= 0x2015) || c == 0x2022 || c == 0x2026 ||
		(c >= 0x25A0 && c <= 0x25FF) || c == 0x2605 || c == 0x2606 || c == 0x221A ||
		c == 0x00B7 || c == 0x30FB || c == CP_DUN || c == CP_JU || c == 0x2714 ||
		c == 0x2713 || c == 0x3000 || c == 0xFFFD;
}

/* ---- the scanner -------------------------------------------------------- */

typedef struct pending
{
	pd_target_hit hit;
	int			subj_s,			/* cleaned subject, code points */
				subj_e;
	int			obj_s,			/* object after the number */
				obj_e;
	int			grow_s,			/* change words kept in the indicator */
				grow_e;
	int			dist;			/* head of a chain: 1 均, 2 分别 */
	bool		verb_only;		/* the subject is only goal verbs */
	bool		verb_after;		/* 100个示范社区建成: the verb follows the object */
	int			verb_s;			/* the subject ends in a goal verb here, else -1 */
} pending;

typedef struct scanner
{
	const char *text;
	pd_target_emit_fn emit;
	void	   *emit_ctx;
	bool		stopped;
	int			year;
	int			outer_year;		/* the year before a clause's own (城镇化率2025年达到) */
	bool		clause_year;	/* year is that clause's own until the clause ends */
	bool		past_by_year;	/* past was set by a clause's own year before the document's */
	pd_year_fn	doc_year_fn;	/* pd_tscan_opts.doc_year */
	void	   *doc_year_ctx;
	int			doc_year;		/* its answer; -1 until asked */

	/* the sentence */
	uint32_t	cps[SMAX];
	size_t		off[SMAX + 1];
	int			n;
	int			head_end;		/* first code point that is not a mark or digit */
	int			annual_from;
	bool		annual_own_clause;	/* annual_from is 年均增长: its clause only */
	int			aspire_from;
	int			past_from;
	bool		subsidy;
	int			inh_s,			/* the last real subject in the sentence */
				inh_e;

	/* the clause */
	int			clause_start;
	bool		goal;
	bool		achieve;		/* 实现重点区域覆盖率100% */
	bool		desc;
	bool		past;
	bool		sub_clause;
	int			cap_pos;
	int			by_pos;
	int			prev_end;		/* end of the previous target in the clause, -1 */
	bool		prev_object_style;	/* its text after it was its object */
	pd_tparts	head_parts;		/* comparator of the chain's head */

	pending		chain[CHAIN_MAX];
	int			nchain;
} scanner;

/* ---- emitting ----------------------------------------------------------- */

/* append cps[i..j) as printed (the original bytes) to the indicator */
static void
ind_append(scanner *sc, pd_target_hit *h, int i, int j)
{
	size_t		n;

	if (i >= j)
		return;
	/* at most PD_INDICATOR_MAX_CHARS characters in all */
	{
		int			room = PD_INDICATOR_MAX_CHARS - (int) pd_u8_count(h->indicator, h->indicator_len);

		if (room <= 0)
			return;
		if (j - i > room)
			j = i + room;
	}
	/*
	 * character by character: layout spaces between them were not read;
	 * whole characters only, up to the buffer's end
	 */
	for (int k = i; k < j; k++)
	{
		const unsigned char *c = (const unsigned char *) sc->text + sc->off[k];
		const unsigned char *ce = (const unsigned char *) sc->text + sc->off[k + 1];

		(void) pd_u8_next(&c, ce);
		n = (size_t) (c - (const unsigned char *) sc->text) - sc->off[k];
		if (h->indicator_len + n > PD_INDICATOR_MAX_BYTES - 1)
			break;
		memcpy(h->indicator + h->indicator_len, sc->text + sc->off[k], n);
		h->indicator_len += n;
	}
	h->indicator[h->indicator_len] = '\0';
}

/*
 * Every hit leaves through here, from sentences and from indicator tables:
 * a growth value, or one in percentage points (the difference of two
 * shares: 缩小1.5个百分点), is a change whatever its sentence said.
 */
static void
emit_hit(scanner *sc, pd_target_hit *h)
{
	if (sc->stopped)
		return;
	if (h->target.kind == PD_TK_GROWTH || h->target.u.dim == PD_DIM_POINTS)
		h->goal_kind = PD_GOAL_CHANGE;
	if (!sc->emit(sc->emit_ctx, h))
		sc->stopped = true;
}

/* the indicator of a pending hit from its subject / object */
static void
build_indicator(scanner *sc, pending *p)
{
	pd_target_hit *h = &p->hit;

	h->indicator_len = 0;
	h->indicator[0] = '\0';
	if (p->subj_s < p->subj_e && !p->verb_only)
	{
		if (p->verb_after && p->obj_s < p->obj_e)
		{
			ind_append(sc, h, p->subj_s, p->subj_e);
			ind_append(sc, h, p->obj_s, p->obj_e);
		}
		else if (p->verb_s >= 0 && p->obj_s < p->obj_e)
		{
			ind_append(sc, h, p->verb_s, p->subj_e);
			ind_append(sc, h, p->obj_s, p->obj_e);
		}
		else
			ind_append(sc, h, p->subj_s, p->subj_e);
	}
	else if (p->subj_s < p->subj_e && p->obj_s < p->obj_e)
	{
		ind_append(sc, h, p->subj_s, p->subj_e);
		ind_append(sc, h, p->obj_s, p->obj_e);
	}
	else if (p->obj_s < p->obj_e)
		ind_append(sc, h, p->obj_s, p->obj_e);
	else if (p->subj_s < p->subj_e)
		ind_append(sc, h, p->subj_s, p->subj_e);
	else if (sc->inh_s < sc->inh_e)
		ind_append(sc, h, sc->inh_s, sc->inh_e);
	ind_append(sc, h, p->grow_s, p->grow_e);
}

/*
 * Split a listed subject 花生种植、收获机械化率 into its items: the head noun
 * (the longest known one at the end of the last item) is shared, and so is
 * a prefix of the first item as long as the items have the same length
 * (马铃薯|种植、收获|机械化率).  Returns the number of items (0: not a list),
 * with pfx_e, item ranges and head_s filled in.
 */
#define MAX_ITEMS 8
typedef struct split
{
	int			n;
	int			pfx_s,
				pfx_e;
	int			item_s[MAX_ITEMS],
				item_e[MAX_ITEMS];
	int			head_s,
				head_e;
} split;

static int
split_subject(scanner *sc, int s, int e, split *out)
{
	int			part_s[MAX_ITEMS],
				part_e[MAX_ITEMS];
	int			np = 0,
				start = s;
	int			last_s,
				hw,
				k;

	for (int i = s; i <= e; i++)
	{
		bool		sep = i == e || sc->cps[i] == CP_DUN || sc->cps[i] == 0x548C /* 和 */ ||
			sc->cps[i] == 0x53CA /* 及 */ || sc->cps[i] == 0x4E0E /* 与 */ ;

		if (!sep)
			continue;
		if (i == start || np == MAX_ITEMS)
			return 0;
		part_s[np] = start;
		part_e[np] = i;
		np++;
		start = i + 1;
	}
	if (np < 2)
		return 0;
	last_s = part_s[np - 1];
	/* the longest head noun that ends the last item and leaves it something */
	hw = -1;
	for (int i = last_s + 1; i < part_e[np - 1] && hw < 0; i++)
	{
		int			w = pd_word_at(&head_tab, sc->cps, i, part_e[np - 1]);

		if (w >= 0 && i + pd_word_len(&head_tab, w) == part_e[np - 1])
		{
			hw = w;
			out->head_s = i;
		}
	}
	/*
	 * items that end with a head noun of their own are whole names
	 * (义务教育巩固率、高中阶段毛入学率): nothing is shared
	 */
	if (hw >= 0)
	{
		bool		whole = true;

		for (int i = 0; i < np - 1 && whole; i++)
		{
			int			w = pd_word_before(&head_tab, sc->cps, part_s[i], part_e[i]);

			whole = w >= 0 && pd_word_len(&head_tab, w) < part_e[i] - part_s[i];
		}
		if (whole)
			hw = -1;
	}
	if (hw < 0)
	{
		/*
		 * no shared head noun: the items are the parts as printed, and a
		 * scope only the first one prints is every item's
		 */
		int			w = pd_word_at(&scope_tab, sc->cps, part_s[0], part_e[0]);

		out->n = np;
		out->pfx_s = out->pfx_e = out->head_s = out->head_e = part_s[0];
		for (int i = 0; i < np; i++)
		{
			out->item_s[i] = part_s[i];
			out->item_e[i] = part_e[i];
		}
		if (w >= 0 && part_s[0] + pd_word_len(&scope_tab, w) < part_e[0])
		{
			bool		shared = true;

			for (int i = 1; i < np && shared; i++)
				shared = pd_word_at(&scope_tab, sc->cps, part_s[i], part_e[i]) < 0;
			if (shared)
			{
				out->pfx_e = out->item_s[0] = part_s[0] + pd_word_len(&scope_tab, w);
				out->head_s = out->head_e = out->pfx_e;
			}
		}
		return np;
	}
	out->head_e = part_e[np - 1];
	k = out->head_s - last_s;	/* length of one item */
	if (part_e[0] - part_s[0] < k)
	{
		/*
		 * the first item is shorter than the last one's lead: the items have
		 * the first one's length and the head is longer (造林、抚育环节机械化率:
		 * 造林 | 抚育 | 环节机械化率)
		 */
		k = part_e[0] - part_s[0];
		out->head_s = last_s + k;
	}
	out->n = np;
	for (int i = 0; i < np; i++)
	{
		out->item_s[i] = part_s[i];
		out->item_e[i] = i == np - 1 ? out->head_s : part_e[i];
	}
	/* a prefix shared from the first item: 马铃薯种植 -> 马铃薯 | 种植 */
	out->pfx_s = out->pfx_e = part_s[0];
	if (part_e[0] - part_s[0] > k)
	{
		out->pfx_e = part_e[0] - k;
		out->item_s[0] = out->pfx_e;
	}
	return np;
}

static void
indicator_from_split(scanner *sc, pending *p, const split *sp, int i)
{
	pd_target_hit *h = &p->hit;

	h->indicator_len = 0;
	h->indicator[0] = '\0';
	ind_append(sc, h, sp->pfx_s, sp->pfx_e);
	ind_append(sc, h, sp->item_s[i], sp->item_e[i]);
	ind_append(sc, h, sp->head_s, sp->head_e);
	ind_append(sc, h, p->grow_s, p->grow_e);
}

static void
flush_chain(scanner *sc)
{
	int			n = sc->nchain;
	split		sp;

	sc->nchain = 0;
	if (n == 0)
		return;
	for (int i = 0; i < n; i++)
		build_indicator(sc, &sc->chain[i]);
	if (sc->chain[0].dist == 2 && n >= 2 &&
		split_subject(sc, sc->chain[0].subj_s, sc->chain[0].subj_e, &sp) == n)
	{
		/* 花生种植、收获机械化率分别达到65%和55% */
		for (int i = 0; i < n; i++)
			indicator_from_split(sc, &sc->chain[i], &sp, i);
	}
	else if (sc->chain[0].dist == 1 && n == 1 &&
			 split_subject(sc, sc->chain[0].subj_s, sc->chain[0].subj_e, &sp) >= 2)
	{
		/* 马铃薯种植、收获机械化率均达到45%: one target per item */
		for (int i = 0; i < sp.n && !sc->stopped; i++)
		{
			indicator_from_split(sc, &sc->chain[0], &sp, i);
			emit_hit(sc, &sc->chain[0].hit);
		}
		return;
	}
	for (int i = 0; i < n && !sc->stopped; i++)
		emit_hit(sc, &sc->chain[i].hit);
}

/* ---- clauses and sentences ---------------------------------------------- */

static void
clause_reset(scanner *sc, int start)
{
	flush_chain(sc);
	if (sc->clause_year)
	{
		sc->year = sc->outer_year;
		sc->clause_year = false;
	}
	sc->past_by_year = false;
	sc->clause_start = start;
	sc->goal = sc->desc = sc->past = sc->sub_clause = sc->achieve = false;
	sc->cap_pos = sc->by_pos = -1;
	sc->prev_end = -1;
	sc->prev_object_style = false;
}

/* skip marks forward from i to at most e */
static int
skip_marks(scanner *sc, int i, int e)
{
	while (i < e && is_mark(sc->cps[i]))
		i++;
	return i;
}

/* is cps[0..i) only marks and bullet numbering? (the head of the sentence) */
static bool
at_sentence_head(scanner *sc, int i)
{
	return i <= sc->head_end;
}

/* is cps[i] a ) that closes a ( opened in [s, i): 实际使用外资（FDI） keeps it */
static bool
closes_bracket(scanner *sc, int s, int i)
{
	if (sc->cps[i] != ')')
		return false;
	for (int k = i - 1; k >= s; k--)
		if (sc->cps[k] == '(')
			return true;
	return false;
}

/* clean a subject [s, e): bullets, time phrases, scope words, connectives */
static void
clean_subject(scanner *sc, int *ps, int *pe)
{
	int			s = *ps,
				e = *pe;
	bool		changed = true;

	while (changed && s < e)
	{
		int			w;

		changed = false;
		s = skip_marks(sc, s, e);
		if (s >= e)
			break;
		/* 2025年, 5月底前, (1), 1. */
		if (is_digit(sc->cps[s]))
		{
			int			k = s;

			while (k < e && is_digit(sc->cps[k]))
				k++;
			if (k < e && (sc->cps[k] == CP_NIAN || sc->cps[k] == '.' || sc->cps[k] == ')' ||
						  sc->cps[k] == CP_DUN || (sc->cps[k] == 0x6708 && k - s <= 2)))	/* 月 */
			{
				s = k + 1;
				if (sc->cps[k] == 0x6708 && s < e && sc->cps[s] == 0x4EFD)
					s++;		/* 6月份 */
				changed = true;
				continue;
			}
		}
		if (pd_enclosed_number(sc->cps[s], NULL) > 0)
		{
			s++;
			changed = true;
			continue;
		}
		/* 一、 (十五) 二) : Chinese item numbers */
		if (pd_is_cn_numeral_char(sc->cps[s]))
		{
			int			k = s;

			while (k < e && k - s < 4 && pd_is_cn_numeral_char(sc->cps[k]))
				k++;
			if (k < e && (sc->cps[k] == ')' || sc->cps[k] == CP_DUN) && (s == *ps || is_mark(sc->cps[s - 1])))
			{
				s = k + 1;
				changed = true;
				continue;
			}
		}
		/* “十四五”末 */
		if (sc->cps[s] == 0x5341 && s + 2 < e && sc->cps[s + 2] == 0x4E94)
		{
			s += 3;
			changed = true;
			continue;
		}
		if ((w = pd_word_at(&lead_tab, sc->cps, s, e)) >= 0 && pd_word_at(&bound_tab, sc->cps, s, e) < 0)
		{
			s += pd_word_len(&lead_tab, w);
			changed = true;
		}
	}
	changed = true;
	while (changed && s < e)
	{
		int			w;

		changed = false;
		while (e > s && is_mark(sc->cps[e - 1]) && !closes_bracket(sc, s, e - 1))
			e--;
		if (e > s && (w = pd_word_before(&tail_tab, sc->cps, s, e)) >= 0 &&
			pd_word_before(&tail_bound_tab, sc->cps, s, e) < 0)
		{
			e -= pd_word_len(&tail_tab, w);
			changed = true;
			continue;
		}
		/* …到2025年, …比2020年, 城镇化率2025年: a time phrase at the end */
		if (e - s >= 5 && sc->cps[e - 1] == CP_NIAN && is_digit(sc->cps[e - 2]))
		{
			int			k = e - 1;

			while (k > s && is_digit(sc->cps[k - 1]))
				k--;
			if (k > s && pd_word_before(&before_tab, sc->cps, s, k) >= 0)
			{
				int			w2 = pd_word_before(&before_tab, sc->cps, s, k);

				e = k - pd_word_len(&before_tab, w2);
				changed = true;
			}
			else if (k > s && e - 1 - k == 4 && !is_digit(sc->cps[k - 1]))
			{
				e = k;
				changed = true;
			}
		}
	}
	/* unbalanced quotes and brackets left at the ends */
	if (s < e && (sc->cps[e - 1] == 0x201C || sc->cps[e - 1] == 0x300A))
		e--;
	*ps = s;
	*pe = s < e ? e : s;
}

/* is [s, e) made only of goal verbs?  and where does its last goal verb start? */
static bool
goal_verbs_only(scanner *sc, int s, int e, int *last_verb)
{
	int			i = s;
	bool		only = true;

	*last_verb = -1;
	while (i < e)
	{
		int			w = pd_word_at(&ctx_tab, sc->cps, i, e);

		if (w >= 0 && ctx_words[w].a == C_GOAL && pd_word_len(&ctx_tab, w) >= 2)
		{
			*last_verb = i;
			i += pd_word_len(&ctx_tab, w);
			if (i == e)
				return only;
			continue;
		}
		only = false;
		*last_verb = -1;
		i++;
	}
	return only && s < e;
}

static bool
starts_with_goal_verb(scanner *sc, int s, int e)
{
	int			w = s < e ? pd_word_at(&ctx_tab, sc->cps, s, e) : -1;

	return w >= 0 && ctx_words[w].a == C_GOAL;
}

/*
 * The object after a number: up to the clause end, the next listed number
 * or a bracket (推动5000家企业开展改造（省工业和信息化厅…）: the units
 * responsible, not the object).
 */
static void
find_object(scanner *sc, int i, int *os, int *oe)
{
	int			s = i,
				e;

	*os = *oe = i;
	if (i >= sc->n || !(is_han(sc->cps[i]) || sc->cps[i] == 0x201C || sc->cps[i] == 0x300A ||
						is_ascii_letter(sc->cps[i])))
		return;
	e = s;
	while (e < sc->n && e - s < OBJECT_MAX && !is_clause_end(sc->cps[e]) && sc->cps[e] != '(')
	{
		uint32_t	c = sc->cps[e];

		if ((c == CP_DUN || c == 0x548C || c == 0x53CA) && e + 1 < sc->n &&
			(is_digit(sc->cps[e + 1]) || (c == CP_DUN && sc->cps[e + 1] == 0x548C)))
			break;
		e++;
	}
	while (e > s && (is_mark(sc->cps[e - 1]) || sc->cps[e - 1] == 0x7B49 /* 等 */ ))
		e--;
	if (s < e && sc->cps[s] == CP_DE)
		s++;
	*os = s;
	*oe = e;
}

/*
 * 100个示范社区全面建成, 10个重点项目建成投产: a count whose goal verb comes
 * after the counted noun, at the end of the clause.  Returns where the verb
 * starts, or -1 (also when 已 makes it a report: 10个项目已建成).
 */
static int
goal_verb_after(scanner *sc, int i)
{
	for (int k = i; k < sc->n && k - i < OBJECT_MAX && !is_clause_end(sc->cps[k]); k++)
	{
		int			w;

		if (!is_han(sc->cps[k]))
			return -1;
		if ((w = pd_word_at(&ctx_tab, sc->cps, k, sc->n)) < 0)
			continue;
		if (ctx_words[w].a == C_PAST)
			return -1;
		if (ctx_words[w].a == C_GOAL && k > i)
		{
			/*
			 * the verb ends the clause, or a second verb does (建成投产);
			 * else it is part of the noun (服务设施建设示范社区): read on
			 */
			int			e = k + pd_word_len(&ctx_tab, w);

			while (e < sc->n && is_han(sc->cps[e]) && e - k < 6)
				e++;
			if (e >= sc->n || is_clause_end(sc->cps[e]))
				return k;
		}
	}
	return -1;
}

/* a goal verb (建成, 完成, 实现 …) between i and the clause's end, and no 已 before it */
static bool
goal_verb_in_clause(scanner *sc, int i)
{
	for (int k = i; k < sc->n && k - i < OBJECT_MAX && !is_clause_end(sc->cps[k]); k++)
	{
		int			w = pd_word_at(&ctx_tab, sc->cps, k, sc->n);

		if (w < 0)
			continue;
		if (ctx_words[w].a == C_PAST)
			return false;
		if (ctx_words[w].a == C_GOAL || ctx_words[w].a == C_ACHIEVE)
			return true;
	}
	return false;
}

/* ---- one candidate ---------------------------------------------------------- */

typedef struct cand
{
	int			num_s;			/* first code point of the number (or of 翻一番) */
	int			num_e;
	int			unit_s,
				unit_e;
	int			end;			/* after suffix and /年 */
	pd_tparts	parts;			/* words, number, suffix */
	bool		has_words;		/* a comparator or change word */
	bool		comparator;		/* a comparator proper (达到, 不低于, 以上 …) */
	int			chain_s;		/* where its words begin */
	int			grow_s,
				grow_e;
	int			dist;			/* 均 1, 分别 2 */
	int			shorten;		/* 缩短 压缩 降至 控制在: a time limit may be a target */
	bool		level_word;		/* 达到 提高到: a level is set (not 不超过, a limit) */
	bool		limit_word;		/* 不超过 不低于 不得超过: a bound set as a rule */
	bool		share_base;		/* 不少于本单位人员总数的5%: a share of a base */
	bool		only;			/* 只开设一个: only a count of things or people */
	const char *fixed_unit;		/* the unit a number word implies (一半: %), or NULL */
	int			split_s;		/* 压缩办理时间至3个工作日: the verb before the */
	int			split_e;		/* indicator, -1 when the verb is whole (压缩至) */
} cand;

/*
 * A change verb split by its object, 压缩办理时间至 / 提高覆盖率到: the verb
 * (2 characters) stands up to 12 characters before the 至 or 到 at `to`,
 * in the same clause, with a few characters and no number between.
 * Returns the whole word (压缩至, 提高到) and sets *vs, or -1.
 */
static int
split_level_word(const scanner *sc, int from, int to, int *vs)
{
	for (int v = to - 3; v >= from && v >= to - 14; v--)
	{
		uint32_t	word[3] = {sc->cps[v], sc->cps[v + 1], sc->cps[to]};
		int			w,
					cls;

		if (is_mark(sc->cps[v + 1]) || is_digit(sc->cps[v + 1]) || is_mark(sc->cps[v]))
			return -1;
		w = pd_prefix_word_at(word, 0, 3);
		if (w < 0 || pd_prefix_word_len(w) != 3)
			continue;
		cls = pd_prefix_word_class(w);
		if (cls != W_LEVEL_UP && cls != W_LEVEL_DOWN)
			continue;
		*vs = v;
		return w;
	}
	return -1;
}

/* 达到12000元的基础上: a level the plan keeps, not a qualifier (的) */
static bool
basis_follows(const scanner *sc, int i)
{
	return i + 3 < sc->n && sc->cps[i] == CP_DE && sc->cps[i + 1] == 0x57FA &&	/* 基 */
		sc->cps[i + 2] == 0x7840;	/* 础 */
}

/*
 * A duration that is a limit for every case without a comparator word:
 * 自执法决定作出之日起20个工作日内 (a time limit counted from each case's
 * own event; not from the plan's own 印发 / 施行, which is a deadline), and
 * 顶岗实习时间一般为6个月 (a duration noun set as a rule by 一般为).  Sets the comparator
 * of 内 (<=).
 */
static bool
time_limit(scanner *sc, cand *c)
{
	if (c->end < sc->n && sc->cps[c->end] == 0x5185 && c->parts.suffix_op < 0)	/* 内 */
	{
		/* 之日起 in the clause, after an event that is not the plan's own */
		for (int q = c->num_s - 3; q >= sc->clause_start; q--)
		{
			if (sc->cps[q] == 0x4E4B && sc->cps[q + 1] == 0x65E5 && sc->cps[q + 2] == 0x8D77)	/* 之日起 */
			{
				for (int k = q - 1; k >= sc->clause_start && k >= q - 8; k--)
				{
					uint32_t	a = sc->cps[k],
								b = sc->cps[k + 1];

					if ((a == 0x5370 && b == 0x53D1) || (a == 0x53D1 && b == 0x5E03) ||	/* 印发 发布 */
						(a == 0x65BD && b == 0x884C) || (a == 0x5B9E && b == 0x65BD))	/* 施行 实施 */
						return false;
				}
				c->parts.suffix_op = PD_OP_LE;
				c->end++;
				return true;
			}
		}
		return false;
	}
	/*
	 * 时间 时限 期限 年限 周期 时长, then 一般为: a rule for each case (not
	 * 合同周期为1年, which describes one)
	 */
	{
		int			q = c->num_s;

		if (q - 3 > sc->clause_start && sc->cps[q - 1] == 0x4E3A &&	/* 为 */
			sc->cps[q - 3] == 0x4E00 && sc->cps[q - 2] == 0x822C)	/* 一般 */
		{
			q -= 3;
			if (q - 2 >= sc->clause_start)
			{
				uint32_t	a = sc->cps[q - 2],
							b = sc->cps[q - 1];

				return ((b == 0x95F4 && a == 0x65F6) || (b == 0x9650 && (a == 0x65F6 || a == 0x671F || a == 0x5E74)) ||
						(b == 0x671F && a == 0x5468) || (b == 0x957F && a == 0x65F6));	/* 时间 时限 期限 年限 周期 时长 */
			}
		}
	}
	return false;
}

/*
 * A duration under a bound word (不超过 至少 不少于) that is a goal or a
 * rule for every case: an age (大于77.3岁), a procedure's time limit in
 * days or hours (审核时间不少于5个工作日, 最长不超过15个工作日), time each
 * year (每年至少1个月), or what may be required (缴纳年限要求不得超过2年).
 * A term of a policy or a loan (政策期限不超过5年, 贷款期限不超过3年) is a
 * parameter, not a target.
 */
static bool
bound_duration(const scanner *sc, const cand *c, const pd_target *t)
{
	uint32_t	last = c->unit_e > c->unit_s ? sc->cps[c->unit_e - 1] : 0;

	if (last == 0x5C81 || last == 0x65E5 || last == 0x5929 || last == 0x65F6 || last == 0x949F)	/* 岁 日 天 时 钟 */
		return true;
	if (t->per_year || c->parts.per_year || sc->annual_from <= c->num_s)
		return true;
	return c->chain_s - 2 >= sc->clause_start && sc->cps[c->chain_s - 2] == 0x8981 &&
		sc->cps[c->chain_s - 1] == 0x6C42;	/* 要求 */
}

/*
 * 资助80名青年人才: a count of people or projects that the plan funds is an
 * output — 资助 right before the number; not 给予1个名额 (an allocation).
 */
static bool
funds_count(const scanner *sc, const cand *c)
{
	return c->chain_s - 2 >= sc->clause_start && c->chain_s == c->num_s &&
		sc->cps[c->chain_s - 2] == 0x8D44 && sc->cps[c->chain_s - 1] == 0x52A9 &&	/* 资助 */
		sc->cap_pos < 0;
}

/*
 * 每个县建设1个, 每个地市至少建设一所: a quota for each unit, set by a goal
 * verb — an output per unit, not a cap (最多3个) or a subsidy (每家给予).
 */
static bool
quota_each(const scanner *sc)
{
	return sc->cps[sc->cap_pos] == 0x6BCF && sc->goal && !sc->subsidy && !sc->sub_clause;	/* 每 */
}

/*
 * What the target commits the plan to (pd_goal_kind; a change is decided
 * where it is emitted): a negated bound (不超过 不低于) or a duration that
 * passed the checks (压缩至10个工作日内, 每年至少1个月; not an age) is a
 * limit set as a rule; a count, amount or length that a goal verb governs,
 * with no level word, is an output; anything else a level.
 */
static uint8_t
goal_kind_of(const scanner *sc, const cand *c, int dim, bool verb_governs)
{
	if (c->limit_word)
		return PD_GOAL_LIMIT;
	if (dim == PD_DIM_TIME &&
		!(c->unit_e == c->unit_s + 1 && sc->cps[c->unit_s] == 0x5C81))	/* 岁 */
		return PD_GOAL_LIMIT;
	if (!c->level_word && (sc->goal || verb_governs) &&
		dim != PD_DIM_PERCENT && dim != PD_DIM_POINTS && c->unit_e > c->unit_s)
		return PD_GOAL_OUTPUT;
	return PD_GOAL_LEVEL;
}

/*
 * 至少建设一所, 不少于…: a goal verb between a bound (至少, 不少于, 超过) and
 * the number at pos.  Returns where the verb starts, or -1.
 */
static int
bound_verb_before(const scanner *sc, int from, int pos)
{
	int			f = pd_word_before(&ctx_tab, sc->cps, from, pos),
				vpos,
				w;

	if (f < 0 || ctx_words[f].a != C_GOAL)
		return -1;
	vpos = pos - pd_word_len(&ctx_tab, f);
	w = pd_prefix_word_before(sc->cps, from, vpos);
	return w >= 0 && pd_prefix_word_class(w) == W_OP_HARD ? vpos : -1;
}

/*
 * 只开设一个, 仅保留1个, 只能设立1个: 只 or 仅 (只能, 仅能) and a verb of one
 * or two characters right before the number at pos.  Returns where 只 / 仅
 * stands, or -1.
 */
static int
only_before(const scanner *sc, int from, int pos)
{
	for (int q = pos - 2; q >= from && q >= pos - 4; q--)
	{
		uint32_t	c = sc->cps[q];

		if (!is_han(sc->cps[pos - 1]) || is_mark(c))
			return -1;
		if (c == 0x53EA || c == 0x4EC5)	/* 只 仅 */
		{
			int			v = q + 1;

			if (v < pos && sc->cps[v] == 0x80FD)	/* 能 */
				v++;
			return pos - v >= 1 && pos - v <= 2 && is_han(sc->cps[v]) ? q : -1;
		}
	}
	return -1;
}

/*
 * Read the words in front of the number backwards (达到, 稳定在, 年均增长, 均
 * 分别 …) and apply them in reading order.
 */
static void
read_words_before(scanner *sc, cand *c)
{
	int			words[6],
				wpos[6];
	int			nw = 0;
	int			pos = c->num_s;
	int			from = sc->clause_start;

	c->dist = 0;
	c->grow_s = c->grow_e = -1;
	c->share_base = false;
	c->only = false;
	while (pos > from && pd_is_space(sc->cps[pos - 1]))
		pos--;
	/*
	 * 不少于本单位执法人员总数的5%, 按不低于采购金额的30%: a comparator, the
	 * base the share is of and 的 before the number
	 */
	if (pos - 2 > from && sc->cps[pos - 1] == CP_DE)
	{
		for (int q = pos - 2; q > from && q >= pos - 1 - SHARE_BASE_MAX; q--)
		{
			int			w;

			if (is_mark(sc->cps[q - 1]) || is_digit(sc->cps[q - 1]))
				break;
			if ((w = pd_prefix_word_before(sc->cps, from, q)) >= 0 &&
				(pd_prefix_word_class(w) == W_OP_HARD || pd_prefix_word_class(w) == W_OP_SOFT))
			{
				c->share_base = true;
				pos = q;
				break;
			}
		}
	}
	while (pos > from && nw < 6)
	{
		int			w = pd_prefix_word_before(sc->cps, from, pos);
		int			f;

		if (w >= 0)
		{
			int			len = pd_prefix_word_len(w);

			if (len == 1 && pos - 1 > from && op_char_blocked(sc->cps[pos - 1], sc->cps[pos - 2]))
				break;
			words[nw] = w;
			wpos[nw] = pos - len;
			nw++;
			pos -= len;
			continue;
		}
		if ((f = pd_word_before(&filler_tab, sc->cps, from, pos)) >= 0)
		{
			if (filler_words[f].a)
				c->dist = filler_words[f].a;
			pos -= pd_word_len(&filler_tab, f);
			continue;
		}
		if (nw == 0 && (f = bound_verb_before(sc, from, pos)) >= 0)
		{
			pos = f;			/* the bound is read next */
			continue;
		}
		/* 分别比2020年下降: a base year (比/较YYYY年) between the words */
		if (pos - 6 >= from && sc->cps[pos - 1] == CP_NIAN && is_digit(sc->cps[pos - 2]) &&
			is_digit(sc->cps[pos - 5]) && (sc->cps[pos - 6] == 0x6BD4 || sc->cps[pos - 6] == 0x8F83))
		{
			pos -= 6;
			continue;
		}
		break;
	}
	c->split_s = c->split_e = -1;
	if (nw == 0 && pos - 1 > from && (sc->cps[pos - 1] == 0x81F3 || sc->cps[pos - 1] == 0x5230) &&
		!is_digit(sc->cps[pos - 2]))
	{
		int			vs,
					w = split_level_word(sc, from, pos - 1, &vs);

		if (w >= 0)
		{
			words[0] = w;
			wpos[0] = pos - 1;
			nw = 1;
			pos--;
			c->split_s = vs;
			c->split_e = vs + 2;
		}
	}
	c->chain_s = pos;
	c->has_words = false;
	c->comparator = false;
	c->level_word = false;
	c->limit_word = false;
	c->shorten = 0;
	if (nw == 0 && (pos = only_before(sc, from, c->chain_s)) >= 0)
	{
		/* 只开设一个, 仅保留1个: a ceiling the plan sets */
		pd_tparts_symbol(&c->parts, PD_OP_LE, 0, NULL);
		c->chain_s = pos;
		c->has_words = c->comparator = c->limit_word = c->only = true;
		return;
	}
	for (int k = nw - 1; k >= 0; k--)
	{
		int			cls = pd_prefix_word_class(words[k]);

		if (pd_tparts_word(&c->parts, words[k], 0, NULL) != PD_OK)
			continue;
		/* 不超过 不低于 不得超过: a negated bound is a rule's ceiling or floor */
		if (cls == W_OP_HARD && sc->cps[wpos[k]] == 0x4E0D)
			c->limit_word = true;
		if (cls != W_PER_YEAR)
			c->has_words = true;
		if (cls == W_OP_HARD || cls == W_OP_SOFT || cls == W_LEVEL_UP || cls == W_LEVEL_DOWN)
			c->comparator = true;
		if (cls == W_OP_SOFT || cls == W_LEVEL_UP || cls == W_LEVEL_DOWN)
			c->level_word = true;
		if (cls == W_LEVEL_DOWN || cls == W_GROWTH_DOWN ||
			(cls == W_OP_SOFT && pd_prefix_word_arg(words[k]) == PD_OP_LE))
			c->shorten = 1;
		if (cls == W_GROWTH_UP || cls == W_GROWTH_DOWN || cls == W_PER_YEAR)
		{
			/* 年均增长, 下降: kept in the indicator of a growth target */
			if (c->grow_s < 0)
				c->grow_s = wpos[k];
			c->grow_e = wpos[k] + pd_prefix_word_len(words[k]);
		}
	}
	if (!c->parts.word_sign)
		c->grow_s = c->grow_e = -1;
}

/* the second number of a range and its unit; returns the end or -1 */
static int
read_range_tail(scanner *sc, int j, pd_dec *hi, int *u2s, int *u2e)
{
	pd_status	st;
	int			k;

	if (j >= sc->n || !pd_is_range_sep(sc->cps[j]) || sc->cps[j] == 0x5230 /* 到 */ )
		return -1;
	j++;
	if (j < sc->n && sc->cps[j] == 0x2014)
		j++;
	if (j >= sc->n || !is_digit(sc->cps[j]))
		return -1;
	k = pd_read_arabic(sc->cps, j, sc->n, true, hi, &st);
	if (k == 0 || st != PD_OK)
		return -1;
	j += k;
	*u2s = j;
	*u2e = j + pd_read_text_unit(sc->cps, j, sc->n);
	return *u2e;
}

static bool
units_equal(scanner *sc, int a, int ae, int b, int be)
{
	return ae - a == be - b && memcmp(sc->cps + a, sc->cps + b, (ae - a) * sizeof(uint32_t)) == 0;
}

/* is the number at i a continuation of the previous target (和55%, 、12%)? */
static bool
continues_chain(scanner *sc, int chain_s)
{
	int			k = chain_s;

	if (sc->prev_end < 0 || sc->nchain == 0)
		return false;
	while (k > sc->prev_end && pd_is_space(sc->cps[k - 1]))
		k--;
	if (k - sc->prev_end == 1)
	{
		uint32_t	c = sc->cps[k - 1];

		return c == CP_DUN || c == 0x548C || c == 0x53CA || c == 0x4E0E || c == 0x6216;	/* 、和及与或 */
	}
	if (k - sc->prev_end == 2)
		return sc->cps[k - 2] == 0x4EE5 && sc->cps[k - 1] == 0x53CA;	/* 以及 */
	return false;
}

/*
 * 每年 holds in its own clause and in the clauses after it that carry on
 * its verbs (每年实施1000项…，引导推动2000家…); a clause with an indicator of
 * its own (…，城镇调查失业率控制在5.5%以内) is a new statement.
 */
static bool
annual_applies(scanner *sc, int pos, int chain_s, bool cont, bool no_subject)
{
	int			cs = sc->clause_start,
				ce = chain_s;

	if (sc->annual_from > pos)
		return false;
	if (sc->annual_from >= sc->clause_start || cont)
		return true;
	if (sc->annual_own_clause)
		return false;			/* 年均增长7%，新增1000家: the second is no yearly figure */
	/*
	 * a clause that opens with 累计 (cumulative) or a scope word (全省 …)
	 * starts a statement of its own
	 */
	cs = skip_marks(sc, cs, ce);
	if (cs < ce && pd_word_at(&annual_break_tab, sc->cps, cs, ce) >= 0)
		return false;
	if (no_subject)
		return true;
	clean_subject(sc, &cs, &ce);
	return starts_with_goal_verb(sc, cs, ce);
}

/*
 * Decide on and record a candidate whose number, unit and suffix are read.
 * Returns the index to continue from.
 */
static int
finish_candidate(scanner *sc, cand *c)
{
	pd_target	t;
	pending    *p;
	bool		cont;
	int			dim;
	uint32_t	next = c->end < sc->n ? sc->cps[c->end] : 0;
	int			subj_s,
				subj_e,
				verb_s = -1,
				sov_verb = -1;
	bool		verb_only = false;

	memset(&t, 0, offsetof(pd_target, unit));
	if (c->fixed_unit)
	{
		t.unit_len = (uint8_t) strlen(c->fixed_unit);
		memcpy(t.unit, c->fixed_unit, t.unit_len + 1);
		pd_unit_resolve(t.unit, t.unit_len, &t.u);
	}
	else if (!pd_target_set_unit(&t, sc->cps, c->unit_s, c->unit_e))
		return c->end;
	dim = t.u.dim;
	read_words_before(sc, c);
	if (c->share_base && dim != PD_DIM_PERCENT)
		return c->end;			/* only a share is of a base */
	if (c->only && dim != PD_DIM_COUNT && dim != PD_DIM_PERSONS)
		return c->end;			/* 只能由一方: not a count */
	cont = continues_chain(sc, c->chain_s);
	if (cont && !c->has_words && c->parts.suffix_op < 0)
	{
		/* 分别达到65%和55%: the comparator of the head holds */
		pd_tparts	h = sc->head_parts;

		h.v = c->parts.v;
		h.hi = c->parts.hi;
		h.range = c->parts.range;
		h.explicit_sign = c->parts.explicit_sign;
		h.suffix_op = c->parts.suffix_op;
		h.per_year |= c->parts.per_year;
		c->parts = h;
		c->has_words = true;
		c->comparator = true;
	}

	/* ---- what is not a target */
	if (sc->past || sc->past_from <= c->num_s)
	{
		if (sc->past_by_year)
		{
			/*
			 * 城镇化率2019年达到60%、2025年达到70%: a report, but its subject
			 * is the goal's after it
			 */
			int			s0 = sc->prev_end >= 0 ? sc->prev_end : sc->clause_start,
						e0 = c->chain_s;

			clean_subject(sc, &s0, &e0);
			if (s0 < e0)
			{
				sc->inh_s = s0;
				sc->inh_e = e0;
			}
			sc->prev_end = c->end;
		}
		return c->end;
	}
	/*
	 * 200亿元的软件产业集群, 1000万元及以上的项目: an amount that qualifies
	 * a noun; but a share of what a goal verb acts on is a goal
	 * (完成75%以上的确权登记, 50%的城市社区建成…)
	 */
	if (next == CP_DE &&
		!(dim == PD_DIM_PERCENT && (sc->goal || goal_verb_in_clause(sc, c->end + 1))) &&
		!(c->comparator && basis_follows(sc, c->end)))
		return c->end;
	/* 50亿级项目: a magnitude that qualifies a noun (not 达到7000亿级。) */
	if (c->unit_e > c->unit_s && sc->cps[c->unit_e - 1] == 0x7EA7 && c->end == c->unit_e &&
		pd_is_han_bmp(next))
		return c->end;
	switch (dim)
	{
		case PD_DIM_TIME:
			/*
			 * durations are not goals (再延长30年, 15分钟生活圈, 经过5年左右努力)
			 * unless a comparator sets them: 人均预期寿命达到79岁, 压缩至5个工作日;
			 * an age takes any comparator (人均预期寿命大于77.3岁)
			 */
			if (!c->level_word && !c->shorten && !(c->comparator && bound_duration(sc, c, &t)) &&
				!time_limit(sc, c))
				return c->end;
			if (sc->subsidy)
				return c->end;	/* 贴息期不超过3年 */
			break;
		case PD_DIM_PERCENT:
		case PD_DIM_POINTS:
			if (!c->has_words && c->parts.suffix_op < 0 && !cont && !sc->achieve && next != CP_DE)
				return c->end;	/* 贴息40%, 占10%; not 50%的城市社区建成… (passed above) */
			if (sc->subsidy ||
				(sc->by_pos >= 0 && c->num_s - sc->by_pos <= BY_WINDOW && !c->limit_word))
				return c->end;	/* 按10%比例, 给予30%补助; not 按不低于…的30%预付 */
			break;
		case PD_DIM_COUNT:
		case PD_DIM_PERSONS:
			if (!c->has_words && c->parts.suffix_op < 0 && !sc->goal && !cont && !funds_count(sc, c) &&
				(sov_verb = goal_verb_after(sc, c->end)) < 0)
				return c->end;
			if ((sc->sub_clause && !funds_count(sc, c)) || (sc->cap_pos >= 0 && !quota_each(sc) && !c->only))
				return c->end;	/* 每家给予…, 最多3个; not 每个县建设1个, 资助80名 */
			if (!c->comparator)
			{
				int			w = pd_word_at(&admin_tab, sc->cps, c->end, sc->n);

				if (sc->desc)
					return c->end;	/* 围绕37条产业链和40个产业集群 */
				if (w >= 0)
				{
					int			after = c->end + pd_word_len(&admin_tab, w);

					/*
					 * 15个区县, 21项措施: places and parts of the plan; the short
					 * words (区 县 市 任务 工程) only when the word ends there
					 */
					if (!admin_words[w].a || after >= sc->n || !is_han(sc->cps[after]) ||
						sc->cps[after] == 0x548C || sc->cps[after] == 0x53CA)
						return c->end;
				}
			}
			break;
		case PD_DIM_NONE:
			if (c->unit_s == c->unit_e)
			{
				/* a bare number: only after a comparator, ending its clause (125左右) */
				if (!c->comparator)
					return c->end;
				if (c->parts.suffix_op < 0 && next != 0 && !is_clause_end(next) &&
					next != CP_DUN && next != 0x548C)
					return c->end;
				break;
			}
			/* FALLTHROUGH - 5亿 and 过千亿 are amounts */
		default:
			/* amounts: money, energy, length, data … and units outside the table */
			if (dim == PD_DIM_UNKNOWN && !c->has_words)
				return c->end;
			if (!c->has_words && c->parts.suffix_op < 0 && !sc->goal && !cont)
				return c->end;
			if (sc->subsidy || sc->cap_pos >= 0 ||
				(sc->by_pos >= 0 && c->num_s - sc->by_pos <= BY_WINDOW))
				return c->end;	/* 最高3000万元, 给予…奖励 */
			/* 投资1000万元以上项目: an attribute of what is counted */
			if (!c->comparator && is_han(next) && next != 0x548C && next != 0x53CA)
				return c->end;
			break;
	}

	/* ---- build it */
	if (pd_tparts_build(&c->parts, &t, NULL) != PD_OK)
		return c->end;
	if (!cont || sc->nchain == CHAIN_MAX)
	{
		flush_chain(sc);
		sc->head_parts = c->parts;
	}

	/* subject: from the clause start or after the previous target */
	subj_s = sc->clause_start;
	if (sc->prev_end >= 0)
		subj_s = sc->prev_object_style ? c->chain_s : sc->prev_end;
	if (c->chain_s - subj_s > CLAUSE_LOOK)
		subj_s = c->chain_s - CLAUSE_LOOK;
	subj_e = c->chain_s;
	if (c->split_e >= 0 && subj_s < c->split_e)
		subj_s = c->split_e;	/* the indicator is the verb's object */
	if (cont)
		subj_s = subj_e;
	clean_subject(sc, &subj_s, &subj_e);
	/* a long subject keeps its end, where the head noun is */
	if (subj_e - subj_s > PD_INDICATOR_MAX_CHARS)
		subj_s = subj_e - PD_INDICATOR_MAX_CHARS;
	if (subj_s < subj_e)
		verb_only = goal_verbs_only(sc, subj_s, subj_e, &verb_s);

	/*
	 * 每年 holds in its own clause and in the clauses after it that carry on
	 * its verbs (每年实施1000项…，引导推动2000家…); a clause with an
	 * indicator of its own (…，城镇调查失业率控制在5.5%以内) is a new statement.
	 */
	if (!t.per_year && annual_applies(sc, c->num_s, c->chain_s, cont, subj_s == subj_e || verb_only))
		t.per_year = true;

	p = &sc->chain[sc->nchain++];
	memset(&p->hit, 0, offsetof(pd_target_hit, indicator));
	p->hit.target = t;
	p->hit.year = sc->year;
	p->hit.period = t.per_year ? PD_PERIOD_ANNUAL : sc->year ? PD_PERIOD_BY_YEAR : PD_PERIOD_NONE;
	p->hit.aspirational = sc->aspire_from <= c->num_s;
	p->hit.goal_kind = goal_kind_of(sc, c, dim, verb_only || verb_s >= 0 || sov_verb >= 0 ||
									((dim == PD_DIM_COUNT || dim == PD_DIM_PERSONS) && funds_count(sc, c)));
	p->subj_s = subj_s;
	p->subj_e = subj_e;
	p->verb_only = verb_only;
	p->verb_s = verb_only ? -1 : verb_s;
	p->grow_s = c->grow_s;
	p->grow_e = c->grow_e;
	if (cont && sc->nchain > 1 && p->grow_s < 0)
	{
		/* 分别下降13.5%、18%: the change words are the head's */
		p->grow_s = sc->chain[0].grow_s;
		p->grow_e = sc->chain[0].grow_e;
	}
	p->dist = c->dist;
	find_object(sc, c->end, &p->obj_s, &p->obj_e);
	p->verb_after = sov_verb >= 0;
	if (sov_verb >= 0)
	{
		/* 100个示范社区全面建成: the object ends before its adverbs and verb */
		int			w;

		if (p->obj_e > sov_verb)
			p->obj_e = sov_verb;
		for (;;)
		{
			if ((w = pd_word_before(&lead_tab, sc->cps, p->obj_s, p->obj_e)) >= 0)
				p->obj_e -= pd_word_len(&lead_tab, w);
			else if ((w = pd_word_before(&adverb_tab, sc->cps, p->obj_s, p->obj_e)) >= 0)
				p->obj_e -= pd_word_len(&adverb_tab, w);
			else
				break;
			if (p->obj_e <= p->obj_s)
				break;
		}
	}
	{
		int			rs = subj_s < subj_e ? subj_s : c->chain_s;

		if (c->split_s >= 0 && c->split_s < rs)
			rs = c->split_s;

		p->hit.raw_start = sc->off[rs];
		p->hit.raw_end = sc->off[c->end];
	}
	if (subj_s < subj_e && !verb_only && verb_s < 0)
	{
		sc->inh_s = subj_s;
		sc->inh_e = subj_e;
	}
	sc->prev_end = c->end;
	sc->prev_object_style = (verb_only || verb_s >= 0 || subj_s == subj_e) && p->obj_s < p->obj_e;
	return c->end;
}

/* unit, /年 and suffix after a number ending at j */
static void
read_after_number(scanner *sc, cand *c, int j)
{
	int			op,
				k;

	c->unit_s = j;
	c->unit_e = j + pd_read_text_unit(sc->cps, j, sc->n);
	j = c->unit_e;
	for (int round = 0; round < 2; round++)
	{
		if (j + 1 < sc->n && sc->cps[j] == '/' && sc->cps[j + 1] == CP_NIAN)
		{
			c->parts.per_year = true;
			j += 2;
		}
		else if (c->parts.suffix_op < 0 && (k = pd_suffix_at(sc->cps, j, sc->n, &op)) > 0)
		{
			c->parts.suffix_op = op;
			j += k;
		}
	}
	c->end = j;
}

/* the document's own year (pd_doc_own_year), asked once; 0 when unknown */
static int
doc_year(scanner *sc)
{
	if (sc->doc_year < 0)
		sc->doc_year = sc->doc_year_fn ? sc->doc_year_fn(sc->doc_year_ctx) : 0;
	return sc->doc_year;
}

/* 6月底前, 12月前, 9月底, 3月末 at i: a month that ends a deadline */
static bool
month_deadline_at(scanner *sc, int i)
{
	int			k = i;

	while (k < sc->n && k - i < 2 && is_digit(sc->cps[k]))
		k++;
	if (k == i || k >= sc->n || sc->cps[k] != 0x6708)	/* 月 */
		return false;
	k++;
	return k < sc->n && (sc->cps[k] == 0x5E95 || sc->cps[k] == 0x524D || sc->cps[k] == 0x672B);	/* 底 前 末 */
}

/* does the sentence aim (力争, 争取) after i? */
static bool
aspires_after(scanner *sc, int i)
{
	for (int k = i; k < sc->n; k++)
	{
		int			w = pd_word_at(&ctx_tab, sc->cps, k, sc->n);

		if (w >= 0 && ctx_words[w].a == C_ASPIRE)
			return true;
	}
	return false;
}

/* does a comparator or level verb (达到, 控制在, 突破, 提高到 …) start at i? */
static bool
verb_follows(scanner *sc, int i)
{
	int			w = i < sc->n ? pd_prefix_word_at(sc->cps, i, sc->n) : -1;
	int			cls = w >= 0 ? pd_prefix_word_class(w) : -1;

	return cls == W_OP_HARD || cls == W_OP_SOFT || cls == W_LEVEL_UP || cls == W_LEVEL_DOWN;
}

/* a year at cps[i..j) followed by 年 at j */
static int
handle_year(scanner *sc, int i, int j, int year)
{
	int			b = i,
				w,
				kind = 0,
				after = 0;

	while (b > 0 && (pd_is_space(sc->cps[b - 1]) || sc->cps[b - 1] == 0x201C))
		b--;
	if ((w = pd_word_before(&before_tab, sc->cps, 0, b)) >= 0)
		kind = before_words[w].a;
	if ((w = pd_word_at(&after_year_tab, sc->cps, j + 1, sc->n)) >= 0)
		after = after_year_words[w].a;
	else if (month_deadline_at(sc, j + 1))
		after = A_DEADLINE;		/* 2024年6月底前 */
	if (after == A_FROM && doc_year(sc) > 0 && year >= doc_year(sc))
	{
		/* 自2025年起，每年新增…: from a year still ahead, the goals hold */
	}
	else if (kind == B_YEAR_PAST || after == A_SINCE || after == A_FROM)
	{
		if (sc->past_from > i)
			sc->past_from = i;
	}
	else if (kind == B_YEAR_TO || after == A_DEADLINE)
		sc->year = year;
	else if (kind != B_YEAR_BASE && at_sentence_head(sc, i) && after != A_END)
	{
		/*
		 * 2020年，全市…: a statement about that year, not a goal, unless the
		 * year is not before the document's own: 2022年，全市新建5G基站2600个以上
		 * in a plan for 2022—2024 (or a 2026 work report's 2026年，…) is the
		 * goal of that year.
		 */
		int			own = doc_year(sc);

		if ((own > 0 && year >= own) || (own == 0 && aspires_after(sc, j + 1)))
			sc->year = year;	/* undated: 2023年，争取…增长10%以上 still aims */
		else if (sc->past_from > i)
			sc->past_from = i;
	}
	else if (kind != B_YEAR_BASE && at_sentence_head(sc, i) && after == A_END)
	{
		/* 2025年底，…: a deadline at the head of the sentence; 2022年末，… before the document's own: a report */
		int			own = doc_year(sc);

		if (own > 0 && year < own)
		{
			if (sc->past_from > i)
				sc->past_from = i;
		}
		else
			sc->year = year;
	}
	else if (kind != B_YEAR_BASE && after == 0 && verb_follows(sc, j + 1))
	{
		/*
		 * 城镇化率2025年达到70%、2030年达到75%: a year just before the verb
		 * is that goal's year (a report when before the document's own)
		 */
		int			own = doc_year(sc);

		if (own > 0 && year < own)
		{
			sc->past = sc->past_by_year = true; /* this clause only */
			return j + 1;
		}
		if (sc->past_by_year)
			sc->past = sc->past_by_year = false;	/* 2019年达到60%、2025年达到70% */
		if (!sc->clause_year)
		{
			sc->outer_year = sc->year;
			sc->clause_year = true;
		}
		sc->year = year;		/* until the clause ends */
	}
	return j + 1;
}

/* an Arabic number at i */
static int
arabic_candidate(scanner *sc, int i)
{
	pd_status	st;
	cand		c;
	int			k,
				j,
				w;

	pd_tparts_init(&c.parts);
	c.fixed_unit = NULL;
	k = pd_read_arabic(sc->cps, i, sc->n, true, &c.parts.v, &st);
	j = i + k;
	if (st != PD_OK)
		return j;
	/* 4.2018年: an item number run into a year */
	if (j < sc->n && sc->cps[j] == CP_NIAN && c.parts.v.exp > 0)
	{
		int			dot = i;

		while (dot < j && sc->cps[dot] != '.')
			dot++;
		if (j - dot == 5 && sc->cps[dot + 1] != '0')
		{
			int			y = 0;

			for (int q = dot + 1; q < j; q++)
				y = y * 10 + (int) (sc->cps[q] - '0');
			if (y >= 1900 && y <= 2199)
				return handle_year(sc, dot + 1, j, y);
		}
	}
	/* years, plan periods, dates */
	if (k == 4 && c.parts.v.exp == 0 && c.parts.v.mant >= 1900 && c.parts.v.mant <= 2199)
	{
		if (j < sc->n && sc->cps[j] == CP_NIAN)
			return handle_year(sc, i, j, (int) c.parts.v.mant);
		if (j + 5 < sc->n && pd_is_range_sep(sc->cps[j]))
		{
			/* 2021—2023年, 2021-2023 */
			int			q = j + 1;

			if (sc->cps[q] == 0x2014)
				q++;
			while (q < sc->n && is_digit(sc->cps[q]))
				q++;
			if (q - j >= 5)
				return (q < sc->n && sc->cps[q] == CP_NIAN) ? q + 1 : q;
		}
		if (j < sc->n && (sc->cps[j] == '-' || sc->cps[j] == '.' || sc->cps[j] == '/' ||
						  sc->cps[j] == CP_YUE))
			return j;
	}
	if (j < sc->n && sc->cps[j] == CP_YUE)
		return j + 1;			/* 3月 */
	/* serials, ranks, references: A3, 第3, 前10, 专栏1 */
	if (i > 0 && (is_ascii_letter(sc->cps[i - 1]) || sc->cps[i - 1] == '.' ||
				  sc->cps[i - 1] == '-' || sc->cps[i - 1] == '/'))
		return j;
	if ((w = pd_word_before(&before_tab, sc->cps, sc->clause_start, i)) >= 0 &&
		(before_words[w].a == B_RANK || before_words[w].a == B_REF))
		return j;
	c.num_s = i;
	c.num_e = j;
	/* a range: 2—3个, 3-5家, 10%—15%, 3万—5万人 */
	{
		int			u1 = j + pd_read_text_unit(sc->cps, j, sc->n);
		pd_dec		hi;
		int			u2s,
					u2e;
		int			e = read_range_tail(sc, u1, &hi, &u2s, &u2e);

		if (e >= 0 && (u1 == j || units_equal(sc, j, u1, u2s, u2e) ||
					   (u2e - u2s > u1 - j && units_equal(sc, j, u1, u2s, u2s + (u1 - j)))))
		{
			c.parts.hi = hi;
			c.parts.range = true;
			read_after_number(sc, &c, u2s);
			if (pd_dec_cmp(c.parts.v, hi) > 0)
				return c.end;
			goto decided;
		}
	}
	read_after_number(sc, &c, j);
decided:
	/* 5G, 1+N+X, 4K: a number run into letters or operators is a name */
	if (c.unit_s == c.unit_e && c.end < sc->n &&
		(is_ascii_letter(sc->cps[c.end]) || sc->cps[c.end] == '+' || sc->cps[c.end] == '*' ||
		 sc->cps[c.end] == 0x00D7))
	{
		int			q = c.end;

		while (q < sc->n && (is_ascii_letter(sc->cps[q]) || is_digit(sc->cps[q])))
			q++;
		return q;
	}
	/* 5大领域, 100多家 */
	if (c.unit_s == c.unit_e && c.end < sc->n &&
		(sc->cps[c.end] == 0x5927 || sc->cps[c.end] == 0x591A))
		return c.end;
	return finish_candidate(sc, &c);
}

/* a Chinese numeral (or a bare 万 / 亿) right after a comparator: 过千亿, 达到万亿级 */
static int
chinese_candidate(scanner *sc, int i)
{
	cand		c;
	int			w = pd_prefix_word_before(sc->cps, sc->clause_start, i);
	int			k,
				cls;
	/* 至少建设一所, 只开设一个: a bound on a small count the plan sets */
	bool		bound = w < 0 && (bound_verb_before(sc, sc->clause_start, i) >= 0 ||
								  only_before(sc, sc->clause_start, i) >= 0);

	if (w < 0 && !bound)
		return i;
	if (w >= 0)
	{
		cls = pd_prefix_word_class(w);
		if (cls == W_PER_YEAR || cls == W_DOUBLE)
			return i;
		if (pd_prefix_word_len(w) == 1 && i - 1 > sc->clause_start &&
			op_char_blocked(sc->cps[i - 1], sc->cps[i - 2]))
			return i;
	}
	pd_tparts_init(&c.parts);
	c.fixed_unit = NULL;
	if (sc->cps[i] == CP_WAN || sc->cps[i] == CP_YI)
	{
		c.parts.v = (pd_dec) {1, 0};
		k = 0;
	}
	else if ((k = pd_read_chinese(sc->cps, i, sc->n, &c.parts.v)) == 0)
		return i;
	c.num_s = i;
	c.num_e = i + k;
	read_after_number(sc, &c, i + k);
	if (c.unit_s == c.unit_e)
		return i;				/* 达到一流, 提高一倍 */
	/*
	 * 实现一次委托, 形成一批: small Chinese numbers before a measure word are
	 * phrases; only magnitudes (过千亿, 突破百万人) and shares (提高两个百分点)
	 */
	if (c.parts.v.mant < 10 && pd_multiplier_pow10(sc->cps[c.unit_s]) == 0 && !bound)
	{
		pd_measure		u;
		char		ubuf[PD_TARGET_UNIT_MAX + 1];
		size_t		ulen = pd_cps_to_utf8(sc->cps, c.unit_s, c.unit_e, ubuf, sizeof ubuf);

		pd_unit_resolve(ubuf, ulen, &u);
		if (u.dim != PD_DIM_PERCENT && u.dim != PD_DIM_POINTS)
			return i;
	}
	return finish_candidate(sc, &c);
}

/*
 * Fraction words are shares: 一半 = 50%, 三分之一 = 33.33% (the guide's
 * rounding: two decimals).  They stand where a number would (占总课时一半以上,
 * 超过三分之一) and pass the same checks as a printed percentage.
 */
static int
fraction_candidate(scanner *sc, int i)
{
	cand		c;
	int			k;

	pd_tparts_init(&c.parts);
	c.fixed_unit = "%";
	c.num_s = i;
	if (sc->cps[i] == 0x4E00 && i + 1 < sc->n && sc->cps[i + 1] == 0x534A)	/* 一半 */
	{
		c.parts.v = (pd_dec) {50, 0};
		c.num_e = i + 2;
	}
	else
	{
		pd_dec		den,
					num;
		int			kd = pd_read_chinese(sc->cps, i, sc->n, &den),
					kn;

		if (kd == 0 || i + kd + 2 >= sc->n || sc->cps[i + kd] != 0x5206 || sc->cps[i + kd + 1] != 0x4E4B ||	/* 分之 */
			(kn = pd_read_chinese(sc->cps, i + kd + 2, sc->n, &num)) == 0 ||
			den.exp != 0 || num.exp != 0 || den.mant <= 0 || num.mant <= 0 || num.mant > den.mant ||
			den.mant > 1000)
			return i;
		/* 100 * num / den, rounded to two decimals */
		c.parts.v = pd_dec_norm((pd_dec) {(num.mant * 100000 / den.mant + 5) / 10, 2});
		c.num_e = i + kd + 2 + kn;
	}
	k = c.num_e;
	read_after_number(sc, &c, k);
	c.unit_s = c.unit_e = k;	/* the unit is the fraction's own */
	return finish_candidate(sc, &c);
}

/* 翻一番 / 翻两番 */
static int
doubling_candidate(scanner *sc, int i, int w)
{
	cand		c;
	int			op,
				k;

	pd_tparts_init(&c.parts);
	c.num_s = i;
	c.num_e = i + pd_prefix_word_len(w);
	c.unit_s = c.unit_e = c.num_e;
	c.end = c.num_e;
	if ((k = pd_suffix_at(sc->cps, c.end, sc->n, &op)) > 0)
	{
		c.parts.suffix_op = op;
		c.end += k;
	}
	pd_tparts_word(&c.parts, w, 0, NULL);
	{
		/* the unit of a doubling is % (翻一番 = +100%) */
		pd_target	t;
		pending    *p;
		int			end = c.end;
		int			subj_s = sc->prev_end >= 0 ? sc->prev_end : sc->clause_start,
					subj_e = i,
					verb_s;

		if (sc->past || sc->past_from <= i)
			return end;
		memset(&t, 0, offsetof(pd_target, unit));
		memcpy(t.unit, "%", 2);
		t.unit_len = 1;
		pd_unit_resolve(t.unit, 1, &t.u);
		clean_subject(sc, &subj_s, &subj_e);
		if (annual_applies(sc, i, i, false, subj_s == subj_e))
			c.parts.per_year = true;
		if (pd_tparts_build(&c.parts, &t, NULL) != PD_OK)
			return end;
		flush_chain(sc);
		sc->head_parts = c.parts;
		p = &sc->chain[sc->nchain++];
		memset(&p->hit, 0, offsetof(pd_target_hit, indicator));
		p->hit.target = t;
		p->hit.year = sc->year;
		p->hit.period = t.per_year ? PD_PERIOD_ANNUAL : sc->year ? PD_PERIOD_BY_YEAR : PD_PERIOD_NONE;
		p->hit.aspirational = sc->aspire_from <= i;
		p->subj_s = subj_s;
		p->subj_e = subj_e;
		p->verb_only = subj_s < subj_e && goal_verbs_only(sc, subj_s, subj_e, &verb_s);
		p->verb_s = -1;
		p->verb_after = false;
		p->grow_s = p->grow_e = -1;
		p->obj_s = p->obj_e = end;
		p->dist = 0;
		p->hit.raw_start = sc->off[subj_s < subj_e ? subj_s : i];
		p->hit.raw_end = sc->off[end];
		sc->prev_end = end;
		sc->prev_object_style = false;
		return end;
	}
}

/* 到“十四五”末: the last year of a five-year plan */
static int
five_year_plan(scanner *sc, int i)
{
	int			k = i,
				b = i,
				num,
				len;

	/* 十三五 十四五 十五五 十六五 */
	num = pd_five_year_plan(sc->cps + k, sc->n - k, &len);
	if (num == 0 || len != 3)
		return i;
	k += len;
	if (k < sc->n && sc->cps[k] == 0x201D)
		k++;
	while (b > 0 && (sc->cps[b - 1] == 0x201C || pd_is_space(sc->cps[b - 1])))
		b--;
	if (k + 1 < sc->n &&
		at_sentence_head(sc, (b > 0 && sc->cps[b - 1] == 0x5728) ? b - 1 : b) &&	/* 在 */
		((sc->cps[k] == 0x65F6 && sc->cps[k + 1] == 0x671F) ||	/* 时期 */
		 (sc->cps[k] == 0x671F && sc->cps[k + 1] == 0x95F4) ||	/* 期间 */
		 (sc->cps[k] == 0x4EE5 && sc->cps[k + 1] == 0x6765)) &&	/* 以来 */
		doc_year(sc) > PD_FYP_LAST_YEAR(num))
	{
		/* “十三五”期间，… in a document of 2021: a report on a finished plan */
		if (sc->past_from > i)
			sc->past_from = i;
		return k + 2;
	}
	if (!(k < sc->n && (sc->cps[k] == 0x672B /* 末 */ ||
						(k + 1 < sc->n && sc->cps[k] == 0x671F && sc->cps[k + 1] == 0x672B))))
		return i;
	if (b > 0 && (sc->cps[b - 1] == 0x5230 || sc->cps[b - 1] == 0x81F3))
		sc->year = PD_FYP_LAST_YEAR(num);
	return k;
}

static void
scan_sentence(scanner *sc)
{
	int			i = 0;

	sc->annual_from = sc->aspire_from = sc->past_from = NO_POS;
	sc->annual_own_clause = false;
	sc->head_end = 0;
	while (sc->head_end < sc->n &&
		   (is_mark(sc->cps[sc->head_end]) || is_digit(sc->cps[sc->head_end])))
		sc->head_end++;
	sc->subsidy = false;
	sc->inh_s = sc->inh_e = 0;
	sc->nchain = 0;
	clause_reset(sc, 0);

	/* subsidy words anywhere make amounts and rates in the sentence parameters */
	for (int k = 0; k < sc->n; k++)
	{
		int			w = pd_word_at(&ctx_tab, sc->cps, k, sc->n);

		if (w >= 0 && (ctx_words[w].a == C_SUBSIDY || ctx_words[w].a == C_ELIGIBLE))
		{
			sc->subsidy = true;
			break;
		}
	}

	while (i < sc->n && !sc->stopped)
	{
		uint32_t	c = sc->cps[i];
		int			w;

		if (is_clause_end(c))
		{
			clause_reset(sc, i + 1);
			i++;
			continue;
		}
		if (is_digit(c) && (i == 0 || !(is_digit(sc->cps[i - 1]) || sc->cps[i - 1] == '.' ||
										 is_ascii_letter(sc->cps[i - 1]))))
		{
			i = arabic_candidate(sc, i);
			continue;
		}
		if ((w = pd_word_at(&ctx_tab, sc->cps, i, sc->n)) >= 0)
		{
			switch (ctx_words[w].a)
			{
				case C_GOAL:
					sc->goal = true;
					break;
				case C_GOAL_NEXT:
					{
						int			k = i + pd_word_len(&ctx_tab, w);

						if (k < sc->n && is_digit(sc->cps[k]))
							sc->goal = true;
					}
					break;
				case C_ACHIEVE:
					sc->achieve = true;
					break;
				case C_DESC:
					sc->desc = true;
					break;
				case C_PAST_HEAD:
					if (at_sentence_head(sc, i) && sc->past_from > i)
						sc->past_from = i;
					break;
				case C_PAST:
					sc->past = true;
					/* 五年来，…: at the head it holds for the whole sentence */
					if (at_sentence_head(sc, i) && sc->past_from > i)
						sc->past_from = i;
					break;
				case C_SUBSIDY:
					sc->sub_clause = true;
					break;
				case C_CAP:
					sc->cap_pos = i;
					break;
				case C_BY:
					sc->by_pos = i;
					break;
				case C_ANNUAL:
					{
						/*
						 * 每年, and 年均 before a goal verb (年均新增5万人),
						 * hold in the clauses after theirs that carry on
						 * their verbs.  年均增长 / 年均增长率 is a growth rate:
						 * annual in its own clause only.  年均浓度 names an
						 * indicator and is not annual at all.
						 */
						int			g = (sc->cps[i] == 0x5E74 && i + 2 < sc->n) ?
							pd_prefix_word_at(sc->cps, i + 2, sc->n) : -1;
						int			gc = g >= 0 ? pd_prefix_word_class(g) : -1;
						bool		growth = gc == W_GROWTH_UP || gc == W_GROWTH_DOWN;

						if (sc->cps[i] != 0x5E74 || growth || starts_with_goal_verb(sc, i + 2, sc->n))
						{
							sc->annual_from = i;	/* the latest 每年 so far */
							sc->annual_own_clause = growth;
						}
					}
					break;
				case C_ASPIRE:
					if (sc->aspire_from > i)
						sc->aspire_from = i;
					break;
			}
		}
		if (c == 0x5341)		/* 十: 到“十四五”末 */
		{
			int			k = five_year_plan(sc, i);

			if (k > i)
			{
				i = k;
				continue;
			}
		}
		if (i > sc->clause_start && c >= 0x3007 && c <= 0x9678 && cn_number_start(c))
		{
			int			k = fraction_candidate(sc, i);

			if (k == i)
				k = chinese_candidate(sc, i);

			if (k > i)
			{
				i = k;
				continue;
			}
		}
		if (c == 0x7FFB || c == 0x500D)	/* 翻 倍 */
		{
			int			pw = pd_prefix_word_at(sc->cps, i, sc->n);

			/*
			 * 倍增 doubles where it ends its clause (企业数量实现倍增，), not
			 * in 成倍增长 or a programme's name (实施倍增计划)
			 */
			if (pw >= 0 && pd_prefix_word_class(pw) == W_DOUBLE &&
				(c == 0x7FFB ||
				 ((i == 0 || sc->cps[i - 1] != 0x6210) &&	/* 成 */
				  (i + 2 >= sc->n || is_clause_end(sc->cps[i + 2])))))
			{
				i = doubling_candidate(sc, i, pw);
				continue;
			}
		}
		i++;
	}
	flush_chain(sc);
}

/*
 * The three-byte UTF-8 characters sentence_end() looks for, as a bitmap over
 * all three-byte sequences (4 + 6 + 6 payload bits = 65536 bits): one bit
 * test per Chinese character.
 */
static const char *const end_chars[] = {"。", "；", "！", "？"};
static const char *const trigger_chars[] = {
	"０", "１", "２", "３", "４", "５", "６", "７", "８", "９",
	"十", "百", "千", "万", "萬", "亿", "億", "翻", "佰", "仟",
	/* numbers in words: 一半, 三分之一, 至少建设一所, 只开设一个 (仅 僅 只 隻) */
	"半", "之", "少", "只", "隻", "仅", "僅"
};
static uint32_t seq3_bits[65536 / 32];
static uint32_t seq3_end_bits[65536 / 32];
static volatile int seq3_ready;
static void sentence_skip_choose(void);

static inline unsigned
seq3_index(const unsigned char *p)
{
	return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
}

static void
seq3_build(void)
{
	for (size_t k = 0; k < sizeof end_chars / sizeof end_chars[0]; k++)
	{
		unsigned	i = seq3_index((const unsigned char *) end_chars[k]);

		seq3_bits[i / 32] |= 1u << (i % 32);
		seq3_end_bits[i / 32] |= 1u << (i % 32);
	}
	for (size_t k = 0; k < sizeof trigger_chars / sizeof trigger_chars[0]; k++)
	{
		unsigned	i = seq3_index((const unsigned char *) trigger_chars[k]);

		seq3_bits[i / 32] |= 1u << (i % 32);
	}
	sentence_skip_choose();
	__atomic_store_n(&seq3_ready, 1, __ATOMIC_RELEASE);
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
/*
 * The same search a vector at a time: the bytes that can start an end or a
 * trigger are told apart by their bytes alone (an ASCII byte or the lead
 * byte of a three-byte character is never inside another character), so
 * blocks without an end are passed over whole, noting whether they hold a
 * trigger, and the block with the end is left to the loop of
 * sentence_end() (which may then start inside a character: it reads the
 * continuation bytes as stray bytes up to the next character).  Returns
 * where that loop takes over.  Built for AVX2 and for plain x86-64, chosen
 * once at run time.
 */
#define SE_VEC 32
typedef signed char se_vec __attribute__((vector_size(SE_VEC)));

static inline __attribute__((always_inline)) const unsigned char *
sentence_skip_body(const unsigned char *p, const unsigned char *end, bool *trigger)
{
	bool		t = false;

#define SE_B(x) ((signed char) (x))
	while (end - p >= SE_VEC + 2)
	{
		se_vec		v0,
					v1,
					v2,
					m;
		uint64_t	w[SE_VEC / 8];

		memcpy(&v0, p, SE_VEC);
		memcpy(&v1, p + 1, SE_VEC);
		memcpy(&v2, p + 2, SE_VEC);
		/* \n \r ; ! ? 。(E3 80 82) ；！？(EF BC 9B/81/9F) */
		m = (v0 == '\n') | (v0 == '\r') | (v0 == ';') | (v0 == '!') | (v0 == '?') |
			((v0 == SE_B(0xE3)) & (v1 == SE_B(0x80)) & (v2 == SE_B(0x82))) |
			((v0 == SE_B(0xEF)) & (v1 == SE_B(0xBC)) &
			 ((v2 == SE_B(0x9B)) | (v2 == SE_B(0x81)) | (v2 == SE_B(0x9F))));
		memcpy(w, &m, sizeof w);
		if (w[0] | w[1] | w[2] | w[3])
			break;
		if (!t)
		{
			se_vec		e4 = v0 == SE_B(0xE4),
						e5 = v0 == SE_B(0xE5),
						e7 = v0 == SE_B(0xE7);

			/* 0-9, ０-９ (EF BC 90-99) and trigger_chars[] */
			m = ((v0 >= '0') & (v0 <= '9')) |
				((v0 == SE_B(0xEF)) & (v1 == SE_B(0xBC)) & (v2 >= SE_B(0x90)) & (v2 <= SE_B(0x99))) |
				(e5 & (v1 == SE_B(0x8D)) & ((v2 == SE_B(0x81)) | (v2 == SE_B(0x83)))) |	/* 十 千 */
				(e5 & (v1 == SE_B(0x84)) & (v2 == SE_B(0x84))) |	/* 億 */
				(e7 & (v1 == SE_B(0x99)) & (v2 == SE_B(0xBE))) |	/* 百 */
				(e7 & (v1 == SE_B(0xBF)) & (v2 == SE_B(0xBB))) |	/* 翻 */
				(e4 & (v1 == SE_B(0xB8)) & (v2 == SE_B(0x87))) |	/* 万 */
				(e4 & (v1 == SE_B(0xBA)) & (v2 == SE_B(0xBF))) |	/* 亿 */
				(e4 & (v1 == SE_B(0xBD)) & (v2 == SE_B(0xB0))) |	/* 佰 */
				(e4 & (v1 == SE_B(0xBB)) & (v2 == SE_B(0x9F))) |	/* 仟 */
				((v0 == SE_B(0xE8)) & (v1 == SE_B(0x90)) & (v2 == SE_B(0xAC)));	/* 萬 */
			memcpy(w, &m, sizeof w);
			t = (w[0] | w[1] | w[2] | w[3]) != 0;
		}
		p += SE_VEC;
	}
#undef SE_B
	*trigger = t;
	return p;
}

__attribute__((target("avx2"))) static const unsigned char *
sentence_skip_avx2(const unsigned char *p, const unsigned char *end, bool *trigger)
{
	return sentence_skip_body(p, end, trigger);
}

static const unsigned char *
sentence_skip_sse2(const unsigned char *p, const unsigned char *end, bool *trigger)
{
	return sentence_skip_body(p, end, trigger);
}

static const unsigned char *(*sentence_skip) (const unsigned char *, const unsigned char *, bool *);

static void
sentence_skip_choose(void)
{
	__builtin_cpu_init();
	sentence_skip = __builtin_cpu_supports("avx2") ? sentence_skip_avx2 : sentence_skip_sse2;
}
#else
static void
sentence_skip_choose(void)
{
}
#endif

/*
 * Where the sentence at p ends (just after its 。；！？ or line break), and
 * whether it can hold a target at all: only a digit (ASCII or full-width)
 * or 十 百 千 万 亿 翻 (either script) can start one, and 到YYYY年 and
 * “十四五” are digits and 十 too.  Most sentences of a plan have none, so
 * they are skipped at byte speed without being decoded and folded.
 */
static const unsigned char *
sentence_end(const unsigned char *p, const unsigned char *end, bool *trigger)
{
	bool		t = false;

#ifdef SE_VEC
	p = sentence_skip(p, end, &t);
#endif
	while (p < end)
	{
		uint32_t	b = p[0];

		if (b < 0x80)
		{
			p++;
			if (b <= '?' && (b == '\n' || b == '\r' || b == ';' || b == '!' || b == '?'))
				break;
			t |= (b - '0') < 10;
			continue;
		}
		if ((b & 0xF0) == 0xE0 && end - p >= 3)
		{
			uint32_t	b1 = p[1] ^ 0x80,
						b2 = p[2] ^ 0x80;

			if ((b1 | b2) < 0x40)
			{
				uint32_t	i = ((b & 0x0Fu) << 12) | (b1 << 6) | b2;

				p += 3;
				if (seq3_bits[i >> 5] & (1u << (i & 31)))
				{
					if (seq3_end_bits[i >> 5] & (1u << (i & 31)))
						break;
					t = true;
				}
				continue;
			}
		}
		(void) pd_u8_next(&p, end);
	}
	*trigger = t;
	return p;
}

/*
 * Is the run of spaces at q (after prev) only layout?  Text taken from a
 * PDF spaces out numbers and words: 到 2025 年，突破 600 亿元，年均增长 7% 左右,
 * 达到 70 %, 30 微克 / 立方米, “ 十三五 ” 期间.  Such a run touches a Chinese
 * character (or mark) on one side and a Chinese character or a number on
 * the other, or stands between a number and its %, or around a / between
 * units; it is dropped from the sentence.  Spaces between Latin words and
 * numbers (PM 2.5) stay.  *run_end is set to the end of the run, so a run
 * is judged once, whatever its length.
 */
static bool
space_is_layout(uint32_t prev, const unsigned char *q, const unsigned char *e,
				const unsigned char **run_end)
{
	uint32_t	next;
	bool		han_before = prev >= 0x2E80 || prev == 0x201C || prev == 0x201D;

	*run_end = q;
	if (!(han_before || is_digit(prev) || prev == '%' || prev == '/'))
		return false;			/* judged before the run is walked: a space kept is not */
	while (q < e && (*q == ' ' || (e - q >= 3 && q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80)))
		q += *q == ' ' ? 1 : 3;
	*run_end = q;
	if (q >= e)
		return false;
	next = *q < 0x80 ? *q : pd_fold(pd_u8_next(&q, e));
	if (han_before)
		return next >= 0x2E80 || next == 0x201C || next == 0x201D || is_digit(next) || next == '/';
	if (is_digit(prev))
		return next >= 0x2E80 || next == 0x201D || next == '%' || next == 0x2030;
	return next >= 0x2E80;		/* % 左右, / 立方米 */
}

/* the sentences of text[from, to): the scanner proper */
static pd_status
scan_range(scanner *sc, size_t from, size_t to, const pd_tscan_opts *opts, size_t *next_check,
		   pd_error *err)
{
	const unsigned char *base = (const unsigned char *) sc->text;
	const unsigned char *p = base + from;
	const unsigned char *end = base + to;

	while (p < end && !sc->stopped)
	{
		bool		trigger;
		const unsigned char *e = sentence_end(p, end, &trigger);

		/* a long sentence is read in pieces of at most SMAX code points */
		while (trigger && p < e && !sc->stopped)
		{
			int			n = 0,
						cut = 0;	/* after the last clause or list mark */

			while (p < e && n < SMAX)
			{
				const unsigned char *q = p;
				uint32_t	c = *q < 0x80 ? *q++ : pd_fold(pd_u8_next(&q, e));

				if (c == ' ' && n > 0)
				{
					const unsigned char *run_end;

					if (space_is_layout(sc->cps[n - 1], p, e, &run_end))
					{
						p = run_end;
						continue;
					}
				}
				sc->off[n] = (size_t) (p - base);
				sc->cps[n++] = c;
				p = q;
				if (is_clause_end(c) || c == CP_DUN)
					cut = n;
			}
			sc->off[n] = (size_t) (p - base);
			if (n == SMAX && p < e && cut > SMAX / 2)
			{
				/* read on from the last clause of the piece */
				n = cut;
				p = base + sc->off[n];
			}
			sc->n = n;
			scan_sentence(sc);
		}
		p = e;
		if ((size_t) (p - base) >= *next_check)
		{
			*next_check = (size_t) (p - base) + PD_INTERRUPT_STRIDE;
			if (opts && opts->interrupt && opts->interrupt(opts->interrupt_ctx))
				return pd_fail(err, PD_ECANCEL, 0, "The scan was cancelled.");
		}
	}
	return PD_OK;
}

/*
 * Could text[0, len) hold an indicator table (indicators.c)?  Its header
 * names 指标 (指標) and either separates cells by a tab, | or ASCII spaces
 * (as the task-division tables, not U+3000 alone) or stands on a short
 * line of its own: a quick no for running text, which has neither.
 */
static bool
may_hold_indicator_table(const char *text, size_t len)
{
	const char *p = text;
	const char *end = text + len;
	bool		separators = memchr(text, '\t', len) != NULL || memchr(text, '|', len) != NULL ||
		memchr(text, ' ', len) != NULL;

	/* 指 E6 8C 87, then 标 E6 A0 87 or 標 E6 A8 99 (0x87 is one byte in 64: find all three) */
	const unsigned char *zhi;

	while ((zhi = pd_find_seq((const unsigned char *) p, (const unsigned char *) end,
							  "\xE6\x8C\x87", 3)) != NULL)
	{
		p = (const char *) zhi + 2;		/* at its 0x87 */
		if (end - p >= 4 && (unsigned char) p[1] == 0xE6 &&
			(((unsigned char) p[2] == 0xA0 && (unsigned char) p[3] == 0x87) ||
			 ((unsigned char) p[2] == 0xA8 && (unsigned char) p[3] == 0x99)))
		{
			const char *b = p - 2;
			const char *a = p + 1;

			if (separators)
				return true;
			/* 指标 (名称) on a short line of its own: a header printed one cell per line */
			while (b > text && b[-1] != '\n' && p - b < 24)
				b--;
			while (a < end && *a != '\n' && a - p < 24)
				a++;
			if ((b == text || b[-1] == '\n') && (a == end || *a == '\n'))
				return true;
		}
		p++;
	}
	return false;
}

/*
 * The rows of the indicator table whose header is the line at text[ls]:
 * emits their targets and returns where the table ends (the start of the
 * first line that is no row).  A header repeated on a later page, or a new
 * one, is no row: its columns hold from there on.  The interrupt hook runs
 * every PD_INTERRUPT_STRIDE bytes; *st is PD_ECANCEL when it stopped.
 */
static size_t
scan_indicator_rows(scanner *sc, pd_indicator_table t, size_t p, size_t len,
					const pd_tscan_opts *opts, size_t *next_check, pd_status *st, pd_error *err)
{
	const char *text = sc->text;

	while (p < len && !sc->stopped)
	{
		const char *e = memchr(text + p, '\n', len - p);
		size_t		le = e ? (size_t) (e - text) : len;
		pd_target_hit hit;
		pd_indicator_table again;
		size_t		next;

		hit.indicator_len = 0;

		if (p >= *next_check)
		{
			*next_check = p + PD_INTERRUPT_STRIDE;
			if (opts && opts->interrupt && opts->interrupt(opts->interrupt_ctx))
			{
				*st = pd_fail(err, PD_ECANCEL, 0, "The scan was cancelled.");
				break;
			}
		}
		if (le > p && text[le - 1] == '\r')
			le--;
		next = e ? (size_t) (e - text) + 1 : len;
		if (t.sep == PD_SEP_LINES)
		{
			/* one cell per line: a row spans lines, and a blank line is no end */
			if (pd_indicator_header_lines(text, p, len, &again, &next))
				t = again;
			else if (le == p)
				;
			else if (!pd_indicator_row_lines(text, p, len, &t, &hit, &next))
				break;
		}
		else if (le > p && pd_indicator_header(text, p, le, &again))
			t = again;
		else if (le == p || !pd_indicator_row(text, p, le, &t, &hit))
			break;
		if (hit.indicator_len > 0)
		{
			if (hit.year == 0)
				hit.year = sc->year;
			emit_hit(sc, &hit);
		}
		p = next;
	}
	return p;
}

pd_status
pd_targets_scan(const char *text, size_t len, const pd_tscan_opts *opts,
				pd_target_emit_fn emit, void *emit_ctx, int *year_out, pd_error *err)
{
	scanner		sc;
	size_t		next_check = PD_INTERRUPT_STRIDE;
	size_t		from = 0;
	pd_status	st = PD_OK;

	pd_target_init();
	if (!__atomic_load_n(&seq3_ready, __ATOMIC_ACQUIRE))
		seq3_build();
	sc.text = text;
	sc.emit = emit;
	sc.emit_ctx = emit_ctx;
	sc.stopped = false;
	sc.year = opts ? opts->year : 0;
	sc.clause_year = sc.past_by_year = false;
	sc.doc_year_fn = opts ? opts->doc_year : NULL;
	sc.doc_year_ctx = opts ? opts->doc_year_ctx : NULL;
	sc.doc_year = -1;

	/* indicator tables: their rows in turn with the sentences around them */
	if (len > 0 && may_hold_indicator_table(text, len))
	{
		for (size_t ls = 0; ls < len && st == PD_OK && !sc.stopped;)
		{
			const char *nl = memchr(text + ls, '\n', len - ls);
			size_t		le = nl ? (size_t) (nl - text) : len;
			pd_indicator_table t;
			size_t		rows = 0;

			if (ls >= next_check)
			{
				next_check = ls + PD_INTERRUPT_STRIDE;
				if (opts && opts->interrupt && opts->interrupt(opts->interrupt_ctx))
					return pd_fail(err, PD_ECANCEL, 0, "The scan was cancelled.");
			}
			if (le > ls && (pd_indicator_header(text, ls, le > ls && text[le - 1] == '\r' ? le - 1 : le, &t) ||
							(le - ls <= 40 && pd_indicator_header_lines(text, ls, len, &t, &rows))))
			{
				if (t.sep != PD_SEP_LINES)
					rows = nl ? le + 1 : len;
				st = scan_range(&sc, from, ls, opts, &next_check, err);
				if (st == PD_OK && !sc.stopped)
					from = ls = scan_indicator_rows(&sc, t, rows, len, opts, &next_check, &st, err);
				continue;
			}
			ls = nl ? le + 1 : len;
		}
	}
	if (st == PD_OK)
		st = scan_range(&sc, from, len, opts, &next_check, err);
	if (st != PD_OK)
		return st;
	if (year_out)
		*year_out = sc.year;
	if (sc.stopped)
		return pd_fail(err, PD_ECANCEL, 0, "The scan was stopped by its caller.");
	return PD_OK;
}
