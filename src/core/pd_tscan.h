/*
 * pd_tscan.h — internals of the sentence scanner (targets_scan.c,
 * targets_cand.c, targets_name.c, targets_words.c): the scanner's state,
 * the character classes and word tables its files share, and their entry
 * points into each other.  Not part of the public core API (pd_target.h
 * declares pd_targets_scan).
 *
 * The scanner sits on top of the target value: it reads numbers and words
 * through pd_tread.h and builds pd_target values; nothing below includes
 * this header.
 */
#ifndef PD_TSCAN_H
#define PD_TSCAN_H

#include "pd_tread.h"

/*
 * Internal to the core: hidden from the extension's symbol table, so calls
 * between the core's files are direct, not through the PLT.
 */
#pragma GCC visibility push(hidden)

#define SMAX PD_TSCAN_SENTENCE_MAX
#define CHAIN_MAX 12
#define CLAUSE_LOOK 96			/* longest subject we read back */
#define OBJECT_MAX 30			/* longest object we read forward */
#define BY_WINDOW 12			/* 按 … 10% */
#define NO_POS (SMAX + 1)
#define SHARE_BASE_MAX 20		/* 不少于[本单位执法人员总数]的5% */

/* ---- word tables shared by the scanner's files (targets_words.c) --------- */

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

extern const pd_word pd_ts_ctx_words[];
extern const pd_word pd_ts_before_words[];
extern const pd_word pd_ts_lead_words[];
extern pd_wordtab pd_ts_ctx_tab;
extern pd_wordtab pd_ts_before_tab;
extern pd_wordtab pd_ts_lead_tab;

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

/* skip marks forward from i to at most e */
static inline int
pd_ts_skip_marks(scanner *sc, int i, int e)
{
	while (i < e && is_mark(sc->cps[i]))
		i++;
	return i;
}

/* is cps[0..i) only marks and bullet numbering? (the head of the sentence) */
static inline bool
pd_ts_at_sentence_head(scanner *sc, int i)
{
	return i <= sc->head_end;
}

/* ---- subjects, objects and goal verbs of a clause; emitting (targets_name.c) --- */

/* clean a subject [s, e): bullets, time phrases, scope words, connectives */
void		pd_ts_clean_subject(scanner *sc, int *ps, int *pe);

/*
 * Every hit leaves through here, from sentences and from indicator tables:
 * a growth value, or one in percentage points (the difference of two
 * shares: 缩小1.5个百分点), is a change whatever its sentence said.
 */
void		pd_ts_emit_hit(scanner *sc, pd_target_hit *h);

/*
 * The object after a number: up to the clause end, the next listed number
 * or a bracket (推动5000家企业开展改造（省工业和信息化厅…）: the units
 * responsible, not the object).
 */
void		pd_ts_find_object(scanner *sc, int i, int *os, int *oe);

/* name the pending targets of a chain (splitting a listed subject) and emit them */
void		pd_ts_flush_chain(scanner *sc);

/*
 * 100个示范社区全面建成, 10个重点项目建成投产: a count whose goal verb comes
 * after the counted noun, at the end of the clause.  Returns where the verb
 * starts, or -1 (also when 已 makes it a report: 10个项目已建成).
 */
int			pd_ts_goal_verb_after(scanner *sc, int i);

/* a goal verb (建成, 完成, 实现 …) between i and the clause's end, and no 已 before it */
bool		pd_ts_goal_verb_in_clause(scanner *sc, int i);

/* a subsidy or eligibility word (给予, 奖励, 申请 …) anywhere in the current clause */
bool		pd_ts_subsidy_in_clause(scanner *sc);

/* is [s, e) made only of goal verbs?  and where does its last goal verb start? */
bool		pd_ts_goal_verbs_only(scanner *sc, int s, int e, int *last_verb);

/* does [s, e) open with a goal verb? */
bool		pd_ts_starts_with_goal_verb(scanner *sc, int s, int e);

/* ---- candidates and their rules (targets_cand.c) --------------------------- */

/* an Arabic number at i */
int			pd_ts_arabic_candidate(scanner *sc, int i);

/* a Chinese numeral (or a bare 万 / 亿) right after a comparator: 过千亿, 达到万亿级 */
int			pd_ts_chinese_candidate(scanner *sc, int i);

/* the document's own year (pd_doc_own_year), asked once; 0 when unknown */
int			pd_ts_doc_year(scanner *sc);

/* 翻一番 / 翻两番 */
int			pd_ts_doubling_candidate(scanner *sc, int i, int w);

/* 到“十四五”末: the last year of a five-year plan */
int			pd_ts_five_year_plan(scanner *sc, int i);

/*
 * Fraction words are shares: 一半 = 50%, 三分之一 = 33.33% (the guide's
 * rounding: two decimals).  They stand where a number would (占总课时一半以上,
 * 超过三分之一) and pass the same checks as a printed percentage.
 */
int			pd_ts_fraction_candidate(scanner *sc, int i);

#pragma GCC visibility pop

#endif							/* PD_TSCAN_H */
