/*
 * pd_tread.h — reading targets out of folded code points: Arabic and Chinese
 * numbers, the comparator and change words (达到 不低于 提高到 增长 每年 翻一番
 * …), suffixes (以上 左右 …), and pd_tparts, the pieces of a target as read,
 * combined by one set of rules.  Shared by the literal parser (target.c) and
 * the sentence scanner (targets_scan*.c, indicators.c); implemented in
 * target_read.c.  Not part of the public core API.
 *
 * Word lookups go through the lexicon engine (pd_lexicon.h); the value type
 * below (pd_tvalue.h) does not include this header.
 */
#ifndef PD_TREAD_H
#define PD_TREAD_H

#include "pd_tvalue.h"
#include "pd_lexicon.h"

#include <string.h>

/*
 * Internal to the core: hidden from the extension's symbol table, so calls
 * between the core's files are direct, not through the PLT.
 */
#pragma GCC visibility push(hidden)

/* build every table the readers use (idempotent; call before threads start) */
void		pd_target_init(void);

/* ---- numbers and units in code points (target_read.c) --------------------- */

/*
 * An Arabic number at cps[i]: digits, optional thousands separators
 * (1,000: only when commas is set — not inside [lo,hi]), optional decimal
 * point and digits.  Returns the number of code
 * points read (0 if cps[i] is not a digit); *status is PD_ERANGE when the
 * number has more significant or fraction digits than a pd_dec holds.
 */
int			pd_read_arabic(const uint32_t *cps, int i, int n, bool commas, pd_dec *out,
						   pd_status *status);

/*
 * A Chinese number at cps[i]: a run of numeral characters (一 … 九 两 十 百
 * 千 〇 零) read by pd_cn_value, a bare 百 or 千 counting as 100 / 1000.
 * Returns the code points read, 0 if none or malformed.
 */
int			pd_read_chinese(const uint32_t *cps, int i, int n, pd_dec *out);

/* encode cps[i..j) as UTF-8 into buf (cap bytes); returns bytes, 0 if it does not fit */
size_t		pd_cps_to_utf8(const uint32_t *cps, int i, int j, char *buf, size_t cap);

/* set t->unit from cps[i..j) and resolve it; false if too long */
bool		pd_target_set_unit(pd_target *t, const uint32_t *cps, int i, int j);

/* — — 至 ~ between the bounds of a range */
static inline bool
pd_is_range_sep(uint32_t c)
{
	return c == '-' || c == 0x2014 || c == 0x2013 || c == '~' || c == 0x301C ||
		c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */ || c == 0x2212;
}

/*
 * The comparator and change words of the literal parser (达到 不低于 稳定在
 * 提高到 增长 下降 每年 年均 翻一番 …), shared with the extractor, which
 * reads them backwards from a number.
 */
enum
{
	W_OP_HARD = 1,				/* arg = op: 不低于; a suffix must agree */
	W_OP_SOFT,					/* arg = op, a suffix overrides it: 达到, 稳定在 */
	W_LEVEL_UP,					/* 提高到: a level, >= unless a suffix says otherwise */
	W_LEVEL_DOWN,				/* 降至: a level, <= */
	W_GROWTH_UP,				/* 增长 提高 */
	W_GROWTH_DOWN,				/* 下降 降低 */
	W_PER_YEAR,					/* 每年 年均 */
	W_DOUBLE					/* 翻一番: arg = the growth in % */
};

/* the word tables (target_read.c), for the inline lookups below */
extern pd_wordtab pd_prefix_tab;
extern pd_wordtab pd_suffix_tab;

/* the longest comparator or change word at cps[i] (i < n): its index, or -1 */
static inline int
pd_prefix_word_at(const uint32_t *cps, int i, int n)
{
	return pd_word_at(&pd_prefix_tab, cps, i, n);
}

/* the longest one ending just before cps[i], starting at or after from */
static inline int
pd_prefix_word_before(const uint32_t *cps, int from, int i)
{
	return pd_word_before(&pd_prefix_tab, cps, from, i);
}

/* its class (W_OP_HARD …), argument and length in characters */
static inline int
pd_prefix_word_class(int w)
{
	return pd_prefix_tab.words[w].a;
}

static inline int
pd_prefix_word_arg(int w)
{
	return pd_prefix_tab.words[w].b;
}

static inline int
pd_prefix_word_len(int w)
{
	return pd_word_len(&pd_prefix_tab, w);
}

/* a suffix word (以上 以下 以内 左右 …) at cps[i]: its length and *op, or 0 */
static inline int
pd_suffix_at(const uint32_t *cps, int i, int n, int *op)
{
	int			w;

	if (i >= n || (w = pd_word_at(&pd_suffix_tab, cps, i, n)) < 0)
		return 0;
	*op = pd_suffix_tab.words[w].b;
	return pd_word_len(&pd_suffix_tab, w);
}

/*
 * The pieces of a target as read, before they are combined: comparator
 * symbols and words, change words, signs, suffix, per year, the number or
 * range.  pd_tparts_build() applies the rules (a suffix overrides a soft
 * word, a decline mirrors the comparator and negates the value, …) to a
 * target whose unit is already set.
 */
typedef struct pd_tparts
{
	int			op;				/* -1: none yet */
	bool		op_soft;
	int			op_pos;			/* 1-based character, for messages */
	int			word_sign;		/* growth words: +1 增长, -1 下降 */
	int			explicit_sign;	/* + or - printed before the number */
	int			level_dir;		/* 提高到 +1, 降至 -1 */
	bool		per_year;
	bool		doubling;		/* 翻一番: v is set, the unit is % */
	int			suffix_op;		/* 以上 …; -1: none */
	bool		range;
	pd_dec		v;
	pd_dec		hi;
} pd_tparts;

/* no pieces yet: no comparator, no suffix */
static inline void
pd_tparts_init(pd_tparts *p)
{
	memset(p, 0, sizeof *p);
	p->op = -1;
	p->suffix_op = -1;
}

pd_status	pd_tparts_symbol(pd_tparts *p, int op, int pos, pd_error *err);
pd_status	pd_tparts_word(pd_tparts *p, int w, int pos, pd_error *err);
pd_status	pd_tparts_build(const pd_tparts *p, pd_target *t, pd_error *err);

#pragma GCC visibility pop

#endif							/* PD_TREAD_H */
