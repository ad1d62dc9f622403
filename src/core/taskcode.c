/*
 * taskcode.c — parse, validate and print task numbering paths.  Backend-free.
 */
#include "pd_taskcode.h"
#include "pd_scan.h"

#include <stdio.h>
#include <string.h>

bool
pd_tc_valid(pd_tc tc)
{
	int			d;

	if (tc >> 60)
		return false;
	d = pd_tc_depth(tc);
	if (d == 0)
		return false;
	for (int level = 1; level <= d; level++)
		if (pd_tc_get(tc, level) > PD_TC_MAX_NUM)
			return false;
	/* nothing may follow the first empty level */
	return pd_tc_prefix(tc, d) == tc;
}

pd_status
pd_tc_from_array(const long *nums, int n, pd_tc *out, pd_error *err)
{
	pd_tc		tc = 0;

	if (n < 1)
		return pd_fail(err, PD_ESYNTAX, 0, "A task code needs at least one component.");
	if (n > PD_TC_MAX_DEPTH)
		return pd_fail(err, PD_ESYNTAX, 0,
					   "Depth %d exceeds the maximum depth of %d.", n, PD_TC_MAX_DEPTH);
	for (int i = 0; i < n; i++)
	{
		if (nums[i] < 1)
			return pd_fail(err, PD_ESYNTAX, 0,
						   "Component %d is %ld; numbers start at 1.", i + 1, nums[i]);
		if (nums[i] > PD_TC_MAX_NUM)
			return pd_fail(err, PD_ESYNTAX, 0,
						   "Component %d is %ld, above the maximum of %d.",
						   i + 1, nums[i], PD_TC_MAX_NUM);
		tc = pd_tc_set(tc, i + 1, (unsigned) nums[i]);
	}
	*out = tc;
	return PD_OK;
}

/* ---- the literal parser --------------------------------------------- */

typedef struct tc_lexer
{
	const unsigned char *p;
	const unsigned char *end;
	int			charpos;		/* 1-based position of *p */
} tc_lexer;

static uint32_t
lx_peek(const tc_lexer *lx)
{
	const unsigned char *q = lx->p;

	return q < lx->end ? pd_u8_next(&q, lx->end) : 0;
}

static uint32_t
lx_take(tc_lexer *lx)
{
	lx->charpos++;
	return pd_u8_next(&lx->p, lx->end);
}

/* chapter-style suffixes after 第X: 章 节 節 条 條 篇 部分 */
static int
chapter_suffix_len(const tc_lexer *lx)
{
	const unsigned char *q = lx->p;
	uint32_t	cp;

	if (q >= lx->end)
		return 0;
	cp = pd_u8_next(&q, lx->end);
	switch (cp)
	{
		case 0x7AE0:			/* 章 */
		case 0x8282:			/* 节 */
		case 0x7BC0:			/* 節 */
		case 0x6761:			/* 条 */
		case 0x689D:			/* 條 */
		case 0x7BC7:			/* 篇 */
			return 1;
		case 0x90E8:			/* 部 */
			if (q < lx->end && pd_u8_next(&q, lx->end) == 0x5206)	/* 分 */
				return 2;
			return 0;
		default:
			return 0;
	}
}

/*
 * Read one number at the lexer: a run of Arabic digits (ASCII or
 * full-width) or a run of Chinese numeral characters.  Returns PD_OK and the
 * value, or an error naming the position.
 */
static pd_status
lx_number(tc_lexer *lx, long *value, int component, const char *what, pd_error *err)
{
	uint32_t	cp = lx_peek(lx);
	int			start = lx->charpos;

	if (pd_digit(cp) >= 0)
	{
		long		v = 0;

		while (lx->p < lx->end && pd_digit(lx_peek(lx)) >= 0)
		{
			int			d = pd_digit(lx_take(lx));

			v = v < 100000 ? v * 10 + d : 1000000;	/* saturate: no overflow */
		}
		*value = v;
		return PD_OK;
	}
	if (pd_is_cn_numeral_char(cp))
	{
		const unsigned char *s = lx->p;
		long		v;

		while (lx->p < lx->end && pd_is_cn_numeral_char(lx_peek(lx)))
			(void) lx_take(lx);
		v = pd_cn_value((const char *) s, (size_t) (lx->p - s));
		if (v == -1)
			return pd_fail(err, PD_ESYNTAX, start,
						   "\"%.*s\" at character %d is not a well-formed Chinese numeral.",
						   (int) (lx->p - s), (const char *) s, start);
		*value = (v == -2) ? 1000000 : v;
		return PD_OK;
	}
	if (cp == 0)
		return pd_fail(err, PD_ESYNTAX, start,
					   "Component %d is missing its number %s.", component, what);
	return pd_fail(err, PD_ESYNTAX, start,
				   "Expected a number at character %d %s.", start, what);
}

static pd_status
check_component(long v, int component, int pos, pd_error *err)
{
	if (component > PD_TC_MAX_DEPTH)
		return pd_fail(err, PD_ESYNTAX, pos,
					   "A task code has at most %d levels.", PD_TC_MAX_DEPTH);
	if (v < 1)
		return pd_fail(err, PD_ESYNTAX, pos,
					   "Component %d is 0; numbers start at 1.", component);
	if (v >= 1000000)
		return pd_fail(err, PD_ESYNTAX, pos,
					   "Component %d is larger than the maximum of %d.",
					   component, PD_TC_MAX_NUM);
	if (v > PD_TC_MAX_NUM)
		return pd_fail(err, PD_ESYNTAX, pos,
					   "Component %d is %ld, above the maximum of %d.",
					   component, v, PD_TC_MAX_NUM);
	return PD_OK;
}

/*
 * Fast path for the canonical form (ASCII digits and dots, no spaces), which
 * is what COPY and the text casts see almost always.  Returns false to let
 * the general parser handle — and explain — anything else.
 */
static bool
tc_parse_canonical(const char *s, size_t len, pd_tc *out)
{
	pd_tc		tc = 0;
	int			level = 0;
	size_t		i = 0;

	while (i < len)
	{
		unsigned	v = 0;
		size_t		start = i;

		while (i < len && (unsigned) (s[i] - '0') <= 9 && i - start < 4)
			v = v * 10 + (unsigned) (s[i++] - '0');
		if (i == start || v == 0 || v > PD_TC_MAX_NUM || ++level > PD_TC_MAX_DEPTH)
			return false;
		tc |= (pd_tc) v << PD_TC_SHIFT(level);
		if (i == len)
			break;
		if (s[i] != '.' || i + 1 == len)
			return false;
		i++;
	}
	if (level == 0)
		return false;
	*out = tc;
	return true;
}

pd_status
pd_tc_parse(const char *s, size_t len, pd_tc *out, pd_error *err)
{
	tc_lexer	lx;
	pd_tc		tc = 0;
	int			n = 0;
	bool		need_component = true;	/* after a separator, or at start */
	bool		after_dot = false;
	bool		prev_bare = false;	/* the last component was a bare number */
	pd_status	st;

	if (tc_parse_canonical(s, len, out))
		return PD_OK;

	lx.p = (const unsigned char *) s;
	lx.end = lx.p + len;
	lx.charpos = 1;

	/* trim white space at both ends */
	while (lx.p < lx.end && pd_is_space(lx_peek(&lx)))
		(void) lx_take(&lx);
	while (lx.end > lx.p)
	{
		const unsigned char *q = lx.end - 1;

		while (q > lx.p && (*q & 0xC0) == 0x80)
			q--;
		{
			const unsigned char *r = q;

			if (!pd_is_space(pd_u8_next(&r, lx.end)))
				break;
		}
		lx.end = q;
	}
	if (lx.p == lx.end)
		return pd_fail(err, PD_ESYNTAX, 0, "A task code cannot be empty.");

	while (lx.p < lx.end)
	{
		uint32_t	cp = lx_peek(&lx);
		int			pos = lx.charpos;
		long		v;
		int			style;

		if (pd_is_dot(cp))
		{
			if (need_component)
				return pd_fail(err, PD_ESYNTAX, pos, n == 0 ?
							   "The code starts with a separator at character %d." :
							   "Empty component before the separator at character %d.", pos);
			(void) lx_take(&lx);
			need_component = true;
			after_dot = true;
			prev_bare = false;
			continue;
		}
		if (cp == 0x3001)		/* 、 ends a label such as 四、 */
		{
			if (need_component)
				return pd_fail(err, PD_ESYNTAX, pos,
							   "Unexpected \"、\" at character %d.", pos);
			(void) lx_take(&lx);
			/* 四、 may be followed by the next level, never by a dot */
			need_component = false;
			after_dot = false;
			prev_bare = false;
			if (lx.p < lx.end && (pd_is_dot(lx_peek(&lx)) || lx_peek(&lx) == 0x3001))
				return pd_fail(err, PD_ESYNTAX, lx.charpos,
							   "Unexpected separator at character %d.", lx.charpos);
			continue;
		}

		/*
		 * A bare number cannot follow a bare number: 4 15, 四15 and 4十五
		 * are ambiguous.  After a bracket, an enclosed number, 第X章 or 、
		 * it can: 四（十五） and 二（三）1.（2） are how documents print paths.
		 */
		if (prev_bare && !pd_is_open_bracket(cp) && cp != 0x7B2C &&
			pd_enclosed_number(cp, &style) == 0)
		{
			char		buf[5] = {0};

			pd_u8_put(buf, cp);
			return pd_fail(err, PD_ESYNTAX, pos,
						   "Unexpected \"%s\" at character %d; components are separated by \".\".",
						   buf, pos);
		}
		prev_bare = false;

		if (pd_is_open_bracket(cp))
		{
			(void) lx_take(&lx);
			st = lx_number(&lx, &v, n + 1, "inside the brackets", err);
			if (st != PD_OK)
				return st;
			if (lx.p >= lx.end)
				return pd_fail(err, PD_ESYNTAX, pos,
							   "The bracket opened at character %d is not closed.", pos);
			if (!pd_is_close_bracket(lx_peek(&lx)))
				return pd_fail(err, PD_ESYNTAX, lx.charpos,
							   "Expected a closing bracket at character %d.", lx.charpos);
			(void) lx_take(&lx);
		}
		else if (cp == 0x7B2C)	/* 第X章 */
		{
			int			sl;

			(void) lx_take(&lx);
			st = lx_number(&lx, &v, n + 1, "after \"第\"", err);
			if (st != PD_OK)
				return st;
			sl = chapter_suffix_len(&lx);
			if (sl == 0)
				return pd_fail(err, PD_ESYNTAX, lx.charpos,
							   "Expected 章, 节, 条, 篇 or 部分 at character %d.", lx.charpos);
			while (sl-- > 0)
				(void) lx_take(&lx);
		}
		else if ((v = pd_enclosed_number(cp, &style)) > 0)
		{
			(void) lx_take(&lx);
			/* ⒈ carries its own full stop: like "1." it wants a follower */
		}
		else
		{
			st = lx_number(&lx, &v, n + 1, after_dot ? "after the separator" : "", err);
			if (st != PD_OK)
			{
				/* a friendlier message for stray characters such as '-' */
				if (pd_digit(cp) < 0 && !pd_is_cn_numeral_char(cp))
				{
					char		buf[5] = {0};

					pd_u8_put(buf, cp);
					return pd_fail(err, PD_ESYNTAX, pos,
								   "Unexpected \"%s\" at character %d.", buf, pos);
				}
				return st;
			}
			prev_bare = true;
		}
		n++;
		st = check_component(v, n, pos, err);
		if (st != PD_OK)
			return st;
		tc = pd_tc_set(tc, n, (unsigned) v);
		need_component = false;
		after_dot = false;
	}
	if (need_component)
		return pd_fail(err, PD_ESYNTAX, lx.charpos - 1,
					   "The code ends with a separator.");
	*out = tc;
	return PD_OK;
}

size_t
pd_tc_format(pd_tc tc, char *buf)
{
	size_t		len = 0;

	for (int level = 1; level <= PD_TC_MAX_DEPTH; level++)
	{
		unsigned	v = pd_tc_get(tc, level);

		if (v == 0)
			break;
		if (level > 1)
			buf[len++] = '.';
		/* at most three digits (PD_TC_MAX_NUM): no sprintf in the hot path */
		if (v >= 100)
			buf[len++] = (char) ('0' + v / 100);
		if (v >= 10)
			buf[len++] = (char) ('0' + v / 10 % 10);
		buf[len++] = (char) ('0' + v % 10);
	}
	buf[len] = '\0';
	return len;
}

/* one component in the style of its level; `full` drops the 、 of level 1 */
static size_t
label_component(unsigned num, int level, bool in_path, char *buf)
{
	char		cn[40];
	size_t		len;

	switch (level)
	{
		case 1:
			len = pd_cn_format(num, cn);
			memcpy(buf, cn, len);
			if (!in_path)
			{
				memcpy(buf + len, "、", 3);
				len += 3;
			}
			break;
		case 2:
			pd_cn_format(num, cn);
			len = (size_t) sprintf(buf, "（%s）", cn);
			break;
		case 3:
			len = (size_t) sprintf(buf, "%u.", num);
			break;
		case 4:
			len = (size_t) sprintf(buf, "（%u）", num);
			break;
		case 5:
			if (num <= 50)
			{
				uint32_t	cp = num <= 20 ? 0x2460 + num - 1 :
					num <= 35 ? 0x3251 + num - 21 : 0x32B1 + num - 36;

				len = (size_t) pd_u8_put(buf, cp);
				break;
			}
			/* FALLTHROUGH */
		default:
			len = (size_t) sprintf(buf, "%u)", num);
			break;
	}
	buf[len] = '\0';
	return len;
}

size_t
pd_tc_label(pd_tc tc, bool full, char *buf)
{
	int			d = pd_tc_depth(tc);
	size_t		len = 0;

	buf[0] = '\0';
	if (d == 0)
		return 0;
	if (!full)
		return label_component(pd_tc_get(tc, d), d, false, buf);
	for (int level = 1; level <= d; level++)
		len += label_component(pd_tc_get(tc, level), level, level < d, buf + len);
	return len;
}
