/*
 * segment_marker.c — reading one numbering marker at a line's start (or
 * after a sentence end): 一、 （一） 1. （1） ① 第一章 第一节 第一条 第一部分
 * 1.1.1 壹、 1-1 and their printed variants, each with its style and numbers;
 * and what looks like a marker but is the item's text: dates (2025.2.10,
 * 1.3月底前), amounts (1.5亿元, 4.6%左右), glued ranges (1-2个, 5-10天).
 *
 * Owns the syntax of each numbering style.  Must not decide levels,
 * items or parts: the line walker (segment.c) places what this reads.
 */
#include "pd_marker.h"
#include "pd_scan.h"

#include <string.h>

/*
 * Measure words that make a decimal after an item's marker an amount, the
 * item's text (1.5亿元, 0.8万亩, 2.5%), and a glued range no section-item
 * number (1-2个).  Folded, so 億 個 ％ match too.  Kept to words that seldom
 * begin a heading (not 人 家 项 户: 1.1.2人才引进 stays item 1.1.2).
 */
static const pd_word measure_words[] = {
	{"个百分点"}, {"百分点"}, {"公里"}, {"公顷"}, {"千米"}, {"千克"}, {"千瓦"}, {"平方"}, {"立方"}, {"小时"},
	{"亿"}, {"万"}, {"元"}, {"%"}, {"倍"}, {"吨"}, {"岁"}, {"亩"}, {"辆"}, {"个"},
	/* ... except where the word begins another one: 个人, 个体 (payload a = 1) */
	{"个人", 1}, {"个体", 1}, {"个性", 1}, {"个税", 1}
};
static pd_wordtab measure_tab = PD_WORDTAB(measure_words);

static bool
measure_follows(const unsigned char *p, const unsigned char *end)
{
	int			w = pd_word_at_text(&measure_tab, p, end, NULL);

	return w >= 0 && measure_words[w].a == 0;
}

/*
 * Is the number at p (just after an item number's dot) the item's text
 * rather than the next level of the number?  It is when it is a date —
 * digits, spaces, then 年 月 or 日 (2025年, 3月底前, 12 月) — or an amount
 * with a decimal part: digits, a dot, digits, then a measure word (1.5亿元).
 * So 1.3月底前出台… is item 1, not 1.3, and 3.1.5亿元用于… is item 3 whose
 * text is 1.5亿元用于…: a decimal with a unit after it is no level.  A whole
 * number with a measure word is not enough: in 1.5亿元 or 4.6%左右 it is
 * the decimal part of the amount that starts the line, and no item at all.
 */
static bool
number_is_content(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *next;
	const unsigned char *q;
	long		v;
	uint32_t	c;

	if (pd_read_digits(&p, end, &v) > 4)
		return false;
	q = p;
	while ((c = pd_peek(q, end, &next)) != 0 && pd_is_space(c))
		q = next;
	if (c == 0x5E74 || c == 0x6708 || c == 0x65E5)	/* 年 月 日 */
		return true;
	/* an amount: a decimal, the measure word glued to it */
	c = pd_peek(p, end, &next);
	if (!pd_is_dot(c) || pd_digit(pd_peek(next, end, &q)) < 0)
		return false;
	p = next;
	(void) pd_read_digits(&p, end, &v);
	return measure_follows(p, end);
}

/*
 * Units a range such as 2-3人 or 5-10天 ends with.  A section-item number
 * glued to a heading that starts with one of these (1-2人才培育) is lost; a
 * space after the number (1-2 人才培育) keeps it.
 */
static bool
range_unit(uint32_t cp)
{
	switch (cp)
	{
		case 0x4EBA:			/* 人 */
		case 0x5BB6:			/* 家 */
		case 0x9879:			/* 项 */
		case 0x6B21:			/* 次 */
		case 0x540D:			/* 名 */
		case 0x5929:			/* 天 */
		case 0x5468:			/* 周 */
		case 0x6240:			/* 所 */
		case 0x5EA7:			/* 座 */
		case 0x6761:			/* 条 */
		case 0x4EF6:			/* 件 */
		case 0x6279:			/* 批 */
		case 0x6237:			/* 户 */
		case 0x7C73:			/* 米 */
		case 0x5C0F:			/* 小(时) */
		case 0x5E74:			/* 年 */
		case 0x6708:			/* 月 */
		case 0x65E5:			/* 日 */
		case 0x53F7:			/* 号 */
		case 0x5C81:			/* 岁 */
		case 0x7EA7:			/* 级 */
		case 0x5C42:			/* 层 */
		case 0x500D:			/* 倍 */
			return true;
		default:
			return false;
	}
}

/* '-' and the hyphens that print it (full-width － folds to '-') */
static bool
is_hyphen(uint32_t cp)
{
	cp = pd_fold(cp);
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/*
 * Try to read a marker at p (line content start, or after a sentence end).
 * Returns true and fills *m.  end is the end of the line.
 */
bool
pd_read_marker(const unsigned char *p, const unsigned char *end, marker *m)
{
	const unsigned char *start = p;
	const unsigned char *next;
	uint32_t	cp = pd_peek(p, end, &next);
	long		v;
	int			fam;

	memset(m, 0, sizeof(*m));
	m->ncomp = 1;
	if (cp == 0)
		return false;

	/* （一） （1） (一) (1) */
	if (pd_is_open_bracket(cp))
	{
		const unsigned char *q = next;
		uint32_t	c2 = pd_peek(q, end, &next);

		if (pd_digit(c2) >= 0)
		{
			if (pd_read_digits(&q, end, &v) > 4)
				return false;
			m->style = ST_AR_PAREN;
		}
		else if (pd_is_cn_numeral_char(c2))
		{
			if ((v = pd_read_cn(&q, end)) < 0)
				return false;
			m->style = ST_CN_PAREN;
		}
		else
			return false;
		if (!pd_is_close_bracket(pd_peek(q, end, &next)))
			return false;
		m->num[0] = v;
		m->len = (size_t) (next - start);
		return v >= 1;
	}

	/* ① ㈠ ⑴ ⒈ … */
	if ((v = pd_enclosed_number(cp, &fam)) > 0)
	{
		switch (fam)
		{
			case 1:
				m->style = ST_CIRCLED;
				break;
			case 2:
				m->style = ST_AR_PAREN;	/* ⑴ reads as （1） */
				break;
			case 3:
				m->style = ST_AR_DOT;	/* ⒈ reads as 1. */
				break;
			case 4:
				m->style = ST_CN_PAREN; /* ㈠ reads as （一） */
				break;
			default:
				m->style = ST_ENCLOSED_OTHER + fam;
				break;
		}
		m->num[0] = v;
		m->len = (size_t) (next - start);
		return true;
	}

	/* 第一章 第一节 第一条 第一部分 第一篇 */
	if (cp == CP_DI)
	{
		const unsigned char *q = next;
		uint32_t	c2 = pd_peek(q, end, &next);

		if (pd_digit(c2) >= 0)
		{
			if (pd_read_digits(&q, end, &v) > 3)
				return false;
		}
		else if ((v = pd_read_cn(&q, end)) < 0)
			return false;
		c2 = pd_peek(q, end, &next);
		switch (pd_fold(c2))
		{
			case 0x7AE0:		/* 章 */
				m->style = ST_CHAPTER;
				break;
			case 0x8282:		/* 节 */
				m->style = ST_SECTION;
				break;
			case 0x6761:		/* 条 */
				m->style = ST_ARTICLE;
				break;
			case 0x7BC7:		/* 篇 */
				m->style = ST_PART;
				break;
			case 0x90E8:		/* 部分 */
				if (pd_peek(next, end, &next) != 0x5206)
					return false;
				m->style = ST_PART;
				break;
			default:
				return false;
		}
		m->num[0] = v;
		m->len = (size_t) (next - start);
		return v >= 1;
	}

	/* 一、 一． */
	if (pd_is_cn_numeral_char(cp))
	{
		const unsigned char *q = p;
		const unsigned char *after;
		uint32_t	c2;

		if ((v = pd_read_cn(&q, end)) < 1)
			return false;
		c2 = pd_peek(q, end, &next);
		if (c2 != CP_DUN && !pd_is_dot(c2))
			return false;
		/* 一、二、三产业 is an enumeration, not a heading */
		after = next;
		if (c2 == CP_DUN)
		{
			const unsigned char *r = after;

			if (pd_read_cn(&r, end) >= 0 && pd_peek(r, end, &next) == CP_DUN)
				return false;
			pd_peek(q, end, &next);
		}
		m->style = pd_is_cn_capital(cp) ? ST_CN_CAPITAL : ST_CN_DUN;
		m->num[0] = v;
		m->len = (size_t) (next - start);
		return true;
	}

	/* 1. 1、 １． 1﹒   and multi-level 1.1 / 1.1.1 */
	if (pd_digit(cp) >= 0)
	{
		const unsigned char *q = p;
		const unsigned char *after_sep;
		const unsigned char *dummy;
		int			ncomp = 0;
		uint32_t	sep;
		bool		content = false;	/* a dot before the item's text */

		for (;;)
		{
			if (pd_read_digits(&q, end, &v) > 3 || ncomp == PD_TC_MAX_DEPTH)
				return false;
			m->num[ncomp++] = v;
			sep = pd_peek(q, end, &after_sep);
			if (pd_is_dot(sep) && pd_digit(pd_peek(after_sep, end, &dummy)) >= 0)
			{
				if (number_is_content(after_sep, end))
				{
					content = true;
					break;
				}
				q = after_sep;
				continue;
			}
			break;
		}
		/*
		 * 1-1 2-3 (Taiwan's commitment items): item 3 of section 2.  Not a
		 * range (2-3年, 1-2个); only at a line start (the caller's
		 * business); both numbers up to 99.
		 */
		if (ncomp == 1 && is_hyphen(sep) && v >= 1 && v <= 99 &&
			pd_digit(pd_peek(after_sep, end, &dummy)) >= 0 && !number_is_content(after_sep, end))
		{
			const unsigned char *r = after_sep;
			long		item;
			uint32_t	follow;

			if (pd_read_digits(&r, end, &item) > 2 || item < 1)
				return false;
			/* a range with its unit glued on: 3-5个, 2-3人, 1-2家 */
			if (measure_follows(r, end) || range_unit(pd_fold(pd_peek(r, end, &dummy))))
				return false;
			follow = pd_peek(r, end, &dummy);
			if (pd_is_dot(follow) || follow == CP_DUN)
			{
				r = dummy;
				follow = pd_peek(r, end, &dummy);
			}
			if (!(pd_is_space(follow) || follow >= 0x3400))
				return false;
			m->style = ST_SECTION_ITEM;
			m->ncomp = 2;
			m->num[1] = item;
			m->tight = !pd_is_space(follow);
			m->len = (size_t) (r - start);
			return true;
		}
		if (ncomp == 1)
		{
			/* 1. 1、 — a decimal such as 1.5 was read as two components */
			if (pd_is_close_bracket(sep))
			{
				m->style = ST_AR_RPAREN;	/* 1） as a lower level */
				m->len = (size_t) (after_sep - start);
				return v >= 1;
			}
			if (sep != CP_DUN && !pd_is_dot(sep))
				return false;
			m->style = ST_AR_DOT;
			m->len = (size_t) (after_sep - start);
			return v >= 1;
		}
		/* multi-level 1.1 / 1.1. / 1.1、 followed by a space or a CJK character */
		{
			const unsigned char *mend = q;
			uint32_t	follow = sep;

			if (pd_is_dot(sep) || sep == CP_DUN)
			{
				mend = after_sep;
				follow = pd_peek(after_sep, end, &dummy);
			}
			if (!(pd_is_space(follow) || follow >= 0x3400 || content))
				return false;
			/* dates and amounts (2025.2.10, 1.5亿) are not numbers of items */
			for (int i = 0; i < ncomp; i++)
				if (m->num[i] < 1 || m->num[i] > 99)
					return false;
			m->style = ST_AR_MULTI + ncomp;
			m->ncomp = ncomp;
			m->tight = !pd_is_space(follow);
			m->len = (size_t) (mend - start);
			return true;
		}
	}
	return false;
}
