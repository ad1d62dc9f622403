/*
 * targets_words.c — the scanner's shared vocabulary: the context words that
 * set a clause's state (goal, past, subsidy, 每年, 力争 …), the words in
 * front of a number that make it no target or tell what kind of year it is
 * (第 专栏 到 截至 比 …), and the lead words cleaned off a subject.  Data
 * only: the loop (targets_scan.c), the candidate rules (targets_cand.c) and
 * the naming (targets_name.c) all read them, through the lexicon engine.
 *
 * Words used by one of those files alone live in that file.  Must not hold
 * code: adding a word here changes behaviour in all three.
 */
#include "pd_tscan.h"

const pd_word pd_ts_ctx_words[] = {
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
	{"共计", C_GOAL_NEXT, 0},	/* 减税降费共计80亿元; not 共计有…28个 */
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

const pd_word pd_ts_before_words[] = {
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

/* cleaned off the front of a subject */
const pd_word pd_ts_lead_words[] = {
	{"到", 0, 0}, {"至", 0, 0}, {"力争", 0, 0}, {"争取", 0, 0}, {"确保", 0, 0}, {"预计", 0, 0}, {"计划", 0, 0}, {"全市", 0, 0}, {"全省", 0, 0},
	{"全区", 0, 0}, {"全县", 0, 0}, {"全国", 0, 0}, {"全域", 0, 0}, {"其中", 0, 0}, {"同时", 0, 0}, {"并", 0, 0}, {"并且", 0, 0}, {"且", 0, 0},
	{"使", 0, 0}, {"推动", 0, 0}, {"促进", 0, 0}, {"带动", 0, 0}, {"进一步", 0, 0}, {"着力", 0, 0}, {"持续", 0, 0}, {"稳步", 0, 0},
	{"逐步", 0, 0}, {"基本", 0, 0}, {"实现", 0, 0}, {"的", 0, 0}, {"年底", 0, 0}, {"年末", 0, 0}, {"底", 0, 0}, {"末", 0, 0}, {"前", 0, 0},
	{"年内", 0, 0}, {"期间", 0, 0}, {"时", 0, 0}, {"共", 0, 0}, {"共计", 0, 0}, {"总体上", 0, 0}, {"此外", 0, 0}, {"另外", 0, 0}, {"加快", 0, 0},
	{"大力", 0, 0}, {"努力", 0, 0}, {"要", 0, 0}, {"将", 0, 0}, {"和", 0, 0}, {"及", 0, 0}, {"与", 0, 0}, {"以及", 0, 0}, {"或", 0, 0},
	{"在此基础上", 0, 0}, {"届时", 0, 0}, {"目标是", 0, 0}, {"主要目标是", 0, 0}, {"总体目标是", 0, 0},
	{"至少", 0, 0}, {"推进", 0, 0}, {"全面", 0, 0}, {"提升", 0, 0}, {"全年", 0, 0},
};

pd_wordtab pd_ts_ctx_tab = PD_WORDTAB(pd_ts_ctx_words);
pd_wordtab pd_ts_before_tab = PD_WORDTAB(pd_ts_before_words);
pd_wordtab pd_ts_lead_tab = PD_WORDTAB(pd_ts_lead_words);
