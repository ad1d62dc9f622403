/*
 * target_read.c — words into a target: the readers of numbers (Arabic,
 * Chinese) and units over folded code points, the comparator, change and
 * suffix word tables (达到 不低于 提高到 增长 每年 翻一番 以上 左右 …), and
 * pd_tparts, which combines the pieces as read by one set of rules.  Both the
 * literal parser (target.c) and the sentence scanner read through here.
 *
 * Owns what each word means for a target.  Must not decide whether a
 * number in a sentence is a target at all (the scanner's rules), nor know
 * the text or storage form of a target; words are looked up only through
 * the lexicon engine (pd_lexicon.h).
 */
#include "pd_tread.h"

#include <string.h>

/* ---- numbers and units in code points -------------------------------------- */

size_t
pd_cps_to_utf8(const uint32_t *cps, int i, int j, char *buf, size_t cap)
{
	size_t		len = 0;

	for (int k = i; k < j; k++)
	{
		char		tmp[4];
		int			n = pd_u8_put(tmp, cps[k]);

		if (len + n >= cap)
			return 0;
		memcpy(buf + len, tmp, n);
		len += n;
	}
	buf[len] = '\0';
	return len;
}

bool
pd_target_set_unit(pd_target *t, const uint32_t *cps, int i, int j)
{
	size_t		len;

	if (j - i > PD_TARGET_UNIT_MAX_CHARS)
		return false;
	if (i == j)
	{
		t->unit[0] = '\0';
		len = 0;
	}
	else if ((len = pd_cps_to_utf8(cps, i, j, t->unit, sizeof t->unit)) == 0)
		return false;
	t->unit_len = (uint8_t) len;
	pd_unit_resolve(t->unit, len, &t->u);
	return true;
}

static inline bool
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

int
pd_read_arabic(const uint32_t *cps, int i, int n, bool commas, pd_dec *out, pd_status *status)
{
	int			start = i;
	uint64_t	m = 0;
	int			sig = 0,
				nf = 0;
	bool		overflow = false;

	*status = PD_OK;
	if (i >= n || !is_digit(cps[i]))
		return 0;
	while (i < n)
	{
		uint32_t	c = cps[i];

		if (is_digit(c))
		{
			if (m != 0 || c != '0')
			{
				if (++sig > PD_DEC_DIGITS)
					overflow = true;
				else
					m = m * 10 + (c - '0');
			}
			i++;
			continue;
		}
		/* 1,000 and 10,000,000: a comma followed by exactly three digits */
		if (commas && c == ',' && i + 3 < n && is_digit(cps[i + 1]) && is_digit(cps[i + 2]) &&
			is_digit(cps[i + 3]) && (i + 4 >= n || !is_digit(cps[i + 4])))
		{
			i++;
			continue;
		}
		break;
	}
	if (i + 1 < n && cps[i] == '.' && is_digit(cps[i + 1]))
	{
		int			zeros = 0;	/* fraction zeros not yet multiplied in */

		i++;
		while (i < n && is_digit(cps[i]))
		{
			uint32_t	c = cps[i++];

			if (c == '0')
			{
				zeros++;
				continue;
			}
			/* a non-zero digit: the zeros before it count */
			if (m == 0)
				nf += zeros;	/* leading zeros of the fraction: 0.05 */
			else
			{
				for (; zeros > 0; zeros--)
				{
					if (++sig > PD_DEC_DIGITS)
						overflow = true;
					else
						m *= 10;
					nf++;
				}
			}
			zeros = 0;
			if (++sig > PD_DEC_DIGITS)
				overflow = true;
			else
				m = m * 10 + (c - '0');
			nf++;
		}
		/* trailing zeros of the fraction are dropped */
	}
	if (overflow || nf > PD_DEC_MAX_EXP)
		*status = PD_ERANGE;
	else
	{
		out->mant = (int64_t) m;
		out->exp = m ? nf : 0;
	}
	return i - start;
}

int
pd_read_chinese(const uint32_t *cps, int i, int n, pd_dec *out)
{
	int			j = i;
	char		buf[64];
	size_t		len;
	long		v;

	while (j < n && j - i < 12 && pd_is_cn_numeral_char(cps[j]))
		j++;
	if (j == i)
		return 0;
	if (j - i == 1 && (cps[i] == 0x767E || cps[i] == 0x5343))	/* 百 千 alone */
	{
		*out = (pd_dec) {cps[i] == 0x767E ? 100 : 1000, 0};
		return 1;
	}
	len = pd_cps_to_utf8(cps, i, j, buf, sizeof buf);
	v = pd_cn_value(buf, len);
	if (v < 0)
		return 0;
	*out = (pd_dec) {v, 0};
	return j - i;
}

/* ---- comparator, change and suffix words ------------------------------------ */

static const pd_word prefix_words[] = {
	{"达到", W_OP_SOFT, PD_OP_GE},
	{"达", W_OP_SOFT, PD_OP_GE},
	{"实现", W_OP_SOFT, PD_OP_EQ},
	{"超过", W_OP_HARD, PD_OP_GE},
	{"突破", W_OP_HARD, PD_OP_GE},
	{"过", W_OP_HARD, PD_OP_GE},
	{"不低于", W_OP_HARD, PD_OP_GE},
	{"不少于", W_OP_HARD, PD_OP_GE},
	{"不小于", W_OP_HARD, PD_OP_GE},
	{"至少", W_OP_HARD, PD_OP_GE},
	{"大于", W_OP_HARD, PD_OP_GT},
	{"高于", W_OP_HARD, PD_OP_GT},
	{"多于", W_OP_HARD, PD_OP_GT},
	{"不超过", W_OP_HARD, PD_OP_LE},
	{"不得超过", W_OP_HARD, PD_OP_LE},
	{"不得高于", W_OP_HARD, PD_OP_LE},
	{"不得大于", W_OP_HARD, PD_OP_LE},
	{"不得多于", W_OP_HARD, PD_OP_LE},
	{"不得低于", W_OP_HARD, PD_OP_GE},
	{"不得少于", W_OP_HARD, PD_OP_GE},
	{"不得小于", W_OP_HARD, PD_OP_GE},
	{"不能超过", W_OP_HARD, PD_OP_LE},
	{"不能高于", W_OP_HARD, PD_OP_LE},
	{"不能低于", W_OP_HARD, PD_OP_GE},
	{"不能少于", W_OP_HARD, PD_OP_GE},
	{"不应超过", W_OP_HARD, PD_OP_LE},
	{"不应高于", W_OP_HARD, PD_OP_LE},
	{"不应低于", W_OP_HARD, PD_OP_GE},
	{"不应少于", W_OP_HARD, PD_OP_GE},
	{"不宜超过", W_OP_HARD, PD_OP_LE},
	{"不宜低于", W_OP_HARD, PD_OP_GE},
	{"不高于", W_OP_HARD, PD_OP_LE},
	{"不大于", W_OP_HARD, PD_OP_LE},
	{"不多于", W_OP_HARD, PD_OP_LE},
	{"低于", W_OP_HARD, PD_OP_LT},
	{"小于", W_OP_HARD, PD_OP_LT},
	{"少于", W_OP_HARD, PD_OP_LT},
	{"控制在", W_OP_SOFT, PD_OP_LE},
	{"稳定在", W_OP_SOFT, PD_OP_APPROX},
	{"保持在", W_OP_SOFT, PD_OP_APPROX},
	{"维持在", W_OP_SOFT, PD_OP_APPROX},
	{"保持", W_OP_SOFT, PD_OP_APPROX},	/* 通客车比例保持100% */
	{"维持", W_OP_SOFT, PD_OP_APPROX},
	{"约", W_OP_HARD, PD_OP_APPROX},
	{"大约", W_OP_HARD, PD_OP_APPROX},
	{"约为", W_OP_HARD, PD_OP_APPROX},
	{"提高到", W_LEVEL_UP, 0},
	{"提高至", W_LEVEL_UP, 0},
	{"提升到", W_LEVEL_UP, 0},
	{"提升至", W_LEVEL_UP, 0},
	{"增加到", W_LEVEL_UP, 0},
	{"增加至", W_LEVEL_UP, 0},
	{"增长到", W_LEVEL_UP, 0},
	{"增长至", W_LEVEL_UP, 0},
	{"上升到", W_LEVEL_UP, 0},
	{"上升至", W_LEVEL_UP, 0},
	{"扩大到", W_LEVEL_UP, 0},
	{"扩大至", W_LEVEL_UP, 0},
	{"降至", W_LEVEL_DOWN, 0},
	{"降到", W_LEVEL_DOWN, 0},
	{"降低到", W_LEVEL_DOWN, 0},
	{"降低至", W_LEVEL_DOWN, 0},
	{"下降到", W_LEVEL_DOWN, 0},
	{"下降至", W_LEVEL_DOWN, 0},
	{"减少到", W_LEVEL_DOWN, 0},
	{"减少至", W_LEVEL_DOWN, 0},
	{"减至", W_LEVEL_DOWN, 0},
	{"压减到", W_LEVEL_DOWN, 0},
	{"压减至", W_LEVEL_DOWN, 0},
	{"压缩到", W_LEVEL_DOWN, 0},
	{"压缩至", W_LEVEL_DOWN, 0},
	{"缩短到", W_LEVEL_DOWN, 0},
	{"缩短至", W_LEVEL_DOWN, 0},
	{"缩小到", W_LEVEL_DOWN, 0},
	{"缩小至", W_LEVEL_DOWN, 0},
	{"提高", W_GROWTH_UP, 0},
	{"提升", W_GROWTH_UP, 0},
	{"增长", W_GROWTH_UP, 0},
	{"增加", W_GROWTH_UP, 0},
	{"上升", W_GROWTH_UP, 0},
	{"扩大", W_GROWTH_UP, 0},
	{"增速", W_GROWTH_UP, 0},
	{"增幅", W_GROWTH_UP, 0},
	{"下降", W_GROWTH_DOWN, 0},
	{"降低", W_GROWTH_DOWN, 0},
	{"减少", W_GROWTH_DOWN, 0},
	{"压减", W_GROWTH_DOWN, 0},
	{"压缩", W_GROWTH_DOWN, 0},
	{"缩短", W_GROWTH_DOWN, 0},
	{"每年", W_PER_YEAR, 0},
	{"每年度", W_PER_YEAR, 0},
	{"年均", W_PER_YEAR, 0},
	{"翻一番", W_DOUBLE, 100},
	{"翻番", W_DOUBLE, 100},
	{"翻两番", W_DOUBLE, 300},
	{"翻三番", W_DOUBLE, 700},
	{"倍增", W_DOUBLE, 100},	/* 实现倍增, at a clause's end only (targets_scan.c) */
};

static const pd_word suffix_words[] = {
	{"以上", 0, PD_OP_GE},
	{"及以上", 0, PD_OP_GE},
	{"以下", 0, PD_OP_LE},
	{"及以下", 0, PD_OP_LE},
	{"以内", 0, PD_OP_LE},
	{"之内", 0, PD_OP_LE},
	{"左右", 0, PD_OP_APPROX},
	{"上下", 0, PD_OP_APPROX},
};

pd_wordtab pd_prefix_tab = PD_WORDTAB(prefix_words);
pd_wordtab pd_suffix_tab = PD_WORDTAB(suffix_words);

void
pd_target_init(void)
{
	pd_wordtab_build(&pd_prefix_tab);
	pd_wordtab_build(&pd_suffix_tab);
	pd_unit_index_init();
}

/* ---- words, numbers and suffixes into a target (parser and extractor) ---- */

pd_status
pd_tparts_symbol(pd_tparts *p, int op, int pos, pd_error *err)
{
	if (p->op >= 0 && !p->op_soft)
		return pd_fail(err, PD_ESYNTAX, pos, "A second comparator at character %d.", pos);
	p->op = op;
	p->op_soft = false;
	p->op_pos = pos;
	return PD_OK;
}

pd_status
pd_tparts_word(pd_tparts *p, int w, int pos, pd_error *err)
{
	switch (prefix_words[w].a)
	{
		case W_OP_HARD:
		case W_OP_SOFT:
			/* one comparator; a precise one may refine a soft one (达到约76%) */
			if (p->op >= 0 && !(p->op_soft && prefix_words[w].a == W_OP_HARD))
				return pd_fail(err, PD_ESYNTAX, pos, "A second comparator at character %d.", pos);
			p->op = prefix_words[w].b;
			p->op_soft = prefix_words[w].a == W_OP_SOFT;
			p->op_pos = pos;
			break;
		case W_LEVEL_UP:
		case W_LEVEL_DOWN:
		case W_GROWTH_UP:
		case W_GROWTH_DOWN:
			if (p->level_dir || p->word_sign)
				return pd_fail(err, PD_ESYNTAX, pos, "A second change word at character %d.", pos);
			if (prefix_words[w].a == W_LEVEL_UP || prefix_words[w].a == W_LEVEL_DOWN)
				p->level_dir = prefix_words[w].a == W_LEVEL_UP ? 1 : -1;
			else
				p->word_sign = prefix_words[w].a == W_GROWTH_UP ? 1 : -1;
			break;
		case W_PER_YEAR:
			p->per_year = true;
			break;
		case W_DOUBLE:
			if (p->level_dir || p->word_sign)
				return pd_fail(err, PD_ESYNTAX, pos,
							   "翻番 is a growth of its own and takes no other change word.");
			p->word_sign = 1;
			p->v = (pd_dec) {prefix_words[w].b, 0};
			p->doubling = true;
			break;
	}
	return PD_OK;
}

static int
mirror_op(int op)
{
	switch (op)
	{
		case PD_OP_GE:
			return PD_OP_LE;
		case PD_OP_GT:
			return PD_OP_LT;
		case PD_OP_LE:
			return PD_OP_GE;
		case PD_OP_LT:
			return PD_OP_GT;
		default:
			return op;
	}
}

pd_status
pd_tparts_build(const pd_tparts *p, pd_target *t, pd_error *err)
{
	int			op = p->op;
	pd_dec		v = p->v,
				hi = p->hi;

	if (p->suffix_op >= 0)
	{
		if (op >= 0 && !p->op_soft && op != p->suffix_op)
			return pd_fail(err, PD_ESYNTAX, p->op_pos,
						   "The comparator at character %d contradicts the suffix.", p->op_pos);
		op = p->suffix_op;
	}
	if (p->range)
	{
		if (op >= 0 && !p->op_soft && p->suffix_op < 0)
			return pd_fail(err, PD_ESYNTAX, p->op_pos, "A range takes no comparator.");
		op = PD_OP_RANGE;
	}
	if (op < 0)
		op = p->level_dir > 0 ? PD_OP_GE : p->level_dir < 0 ? PD_OP_LE : PD_OP_EQ;
	if (p->word_sign && p->explicit_sign)
		return pd_fail(err, PD_ESYNTAX, 0, "Both a sign and a change word (增长, 下降) are given.");
	t->kind = (p->word_sign || p->explicit_sign) ? PD_TK_GROWTH : PD_TK_LEVEL;
	if (p->word_sign < 0)
	{
		/* 下降10%以上: a decline of at least 10 is a change of at most -10 */
		op = mirror_op(op);
		if (p->range)
		{
			v = (pd_dec) {-p->hi.mant, p->hi.exp};
			hi = (pd_dec) {-p->v.mant, p->v.exp};
		}
		else
			v.mant = -v.mant;
	}
	if (p->range && pd_dec_cmp(v, hi) > 0)
		return pd_fail(err, PD_ESYNTAX, 0, "The lower bound of the range is above its upper bound.");
	t->op = (uint8_t) op;
	t->per_year = p->per_year;
	t->value = pd_dec_norm(v);
	t->value_hi = p->range ? pd_dec_norm(hi) : (pd_dec) {0, 0};
	return PD_OK;
}

