/*
 * intake_numbering.c — counting and formatting Word's list numbers (see
 * intake_numbering.h for the model).  The Chinese numerals are the core's
 * pd_cn_format (一 … 九千九百九十九), so a list numbered by Word reads the
 * same as one typed by hand.
 */
#include "intake_numbering.h"
#include "pd_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
pl_num_level_default(pl_num_level *l, int ilvl)
{
	memset(l, 0, sizeof *l);
	l->start = 1;
	l->restart = -1;
	snprintf(l->fmt, sizeof l->fmt, "decimal");
	snprintf(l->text, sizeof l->text, "%%%d.", ilvl + 1);
	l->suff = 't';
}

static size_t
put(char *buf, size_t buflen, size_t at, const char *s)
{
	size_t		n = strlen(s);

	if (at + n + 1 > buflen)
		return at;
	memcpy(buf + at, s, n + 1);
	return at + n;
}

static size_t
put_cp(char *buf, size_t buflen, size_t at, uint32_t cp)
{
	char		u[5];

	u[pd_u8_put(u, cp)] = '\0';
	return put(buf, buflen, at, u);
}

/* 一〇五: digit by digit */
static size_t
digits_as(char *buf, size_t buflen, int n, const char *const *digit)
{
	char		tmp[16];
	size_t		at = 0;

	snprintf(tmp, sizeof tmp, "%d", n);
	buf[0] = '\0';
	for (char *p = tmp; *p; p++)
		at = put(buf, buflen, at, digit[*p - '0']);
	return at;
}

static size_t
roman(char *buf, size_t buflen, int n, bool upper)
{
	static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
	static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
	size_t		at = 0;

	buf[0] = '\0';
	if (n <= 0 || n >= 4000)
		return (size_t) snprintf(buf, buflen, "%d", n);
	for (int i = 0; i < 13; i++)
		while (n >= val[i])
		{
			size_t		s = at;

			at = put(buf, buflen, at, sym[i]);
			if (upper)
				for (size_t k = s; k < at; k++)
					buf[k] -= 32;
			n -= val[i];
		}
	return at;
}

/* a, b, … z, aa, bb, … (Word repeats the letter) */
static size_t
letters(char *buf, size_t buflen, int n, bool upper)
{
	size_t		at = 0;
	int			reps,
				letter;

	buf[0] = '\0';
	if (n <= 0)
		return (size_t) snprintf(buf, buflen, "%d", n);
	reps = (n - 1) / 26 + 1;
	letter = (n - 1) % 26;
	for (int i = 0; i < reps && at + 2 < buflen; i++)
		buf[at++] = (char) ((upper ? 'A' : 'a') + letter);
	buf[at] = '\0';
	return at;
}

/* 壹贰叁 with 拾佰仟 (the same shape as pd_cn_format) */
static size_t
cn_legal(char *buf, size_t buflen, int n)
{
	static const char *const from[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "零"};
	static const char *const to[] = {"壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟", "零"};
	char		cn[64];
	const char *p;
	size_t		at = 0;

	pd_cn_format((unsigned) n, cn);
	buf[0] = '\0';
	for (p = cn; *p;)
	{
		int			k;

		for (k = 0; k < 13; k++)
			if (strncmp(p, from[k], strlen(from[k])) == 0)
				break;
		if (k == 13)
		{
			at = put(buf, buflen, at, "?");
			p++;
			continue;
		}
		at = put(buf, buflen, at, to[k]);
		p += strlen(from[k]);
	}
	return at;
}

size_t
pl_num_format(const char *fmt, int n, char *buf, size_t buflen)
{
	static const char *const cn_digit[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	static const char *const tian_gan[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
	static const char *const di_zhi[] = {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"};

	if (buflen < 48)
		return 0;
	buf[0] = '\0';
	if (strcmp(fmt, "none") == 0 || strcmp(fmt, "bullet") == 0)
		return 0;
	if (n >= 1 && n <= 9999 &&
		(strcmp(fmt, "chineseCounting") == 0 || strcmp(fmt, "chineseCountingThousand") == 0 ||
		 strcmp(fmt, "japaneseCounting") == 0 || strcmp(fmt, "taiwaneseCounting") == 0 ||
		 strcmp(fmt, "taiwaneseCountingThousand") == 0 || strcmp(fmt, "koreanCounting") == 0))
	{
		/* chineseCounting writes 10-19 as 十…十九 and 100+ as digits (一〇一) */
		if (n >= 100 && (strcmp(fmt, "chineseCounting") == 0 || strcmp(fmt, "taiwaneseCounting") == 0))
			return digits_as(buf, buflen, n, cn_digit);
		return pd_cn_format((unsigned) n, buf);
	}
	if (n >= 0 && (strcmp(fmt, "ideographDigital") == 0 || strcmp(fmt, "taiwaneseDigital") == 0 ||
				   strcmp(fmt, "japaneseDigitalTenThousand") == 0))
		return digits_as(buf, buflen, n, cn_digit);
	if (n >= 1 && n <= 9999 && (strcmp(fmt, "chineseLegalSimplified") == 0 ||
								strcmp(fmt, "japaneseLegal") == 0))
		return cn_legal(buf, buflen, n);
	if (n >= 1 && strcmp(fmt, "ideographTraditional") == 0)
		return (size_t) snprintf(buf, buflen, "%s", tian_gan[(n - 1) % 10]);
	if (n >= 1 && strcmp(fmt, "ideographZodiac") == 0)
		return (size_t) snprintf(buf, buflen, "%s", di_zhi[(n - 1) % 12]);
	if (strcmp(fmt, "decimalFullWidth") == 0 || strcmp(fmt, "decimalFullWidth2") == 0)
	{
		char		tmp[16];
		size_t		at = 0;

		snprintf(tmp, sizeof tmp, "%d", n);
		for (char *p = tmp; *p; p++)
			at = put_cp(buf, buflen, at, *p == '-' ? 0xFF0D : 0xFF10 + (uint32_t) (*p - '0'));
		return at;
	}
	if (n >= 1 && n <= 20 && strcmp(fmt, "decimalEnclosedCircle") == 0)
		return put_cp(buf, buflen, 0, 0x2460 + (uint32_t) (n - 1));	/* ① */
	if (n >= 1 && n <= 20 && strcmp(fmt, "decimalEnclosedParen") == 0)
		return put_cp(buf, buflen, 0, 0x2474 + (uint32_t) (n - 1));	/* ⑴ */
	if (n >= 1 && n <= 20 && strcmp(fmt, "decimalEnclosedFullstop") == 0)
		return put_cp(buf, buflen, 0, 0x2488 + (uint32_t) (n - 1));	/* ⒈ */
	if (n >= 1 && n <= 10 && strcmp(fmt, "ideographEnclosedCircle") == 0)
		return put_cp(buf, buflen, 0, 0x3280 + (uint32_t) (n - 1));	/* ㊀ */
	if (n >= 1 && n <= 10 && strcmp(fmt, "ideographLegalTraditional") == 0)
		return cn_legal(buf, buflen, n);
	if (strcmp(fmt, "lowerLetter") == 0)
		return letters(buf, buflen, n, false);
	if (strcmp(fmt, "upperLetter") == 0)
		return letters(buf, buflen, n, true);
	if (strcmp(fmt, "lowerRoman") == 0)
		return roman(buf, buflen, n, false);
	if (strcmp(fmt, "upperRoman") == 0)
		return roman(buf, buflen, n, true);
	if (strcmp(fmt, "decimalZero") == 0 && n >= 0 && n < 10)
		return (size_t) snprintf(buf, buflen, "0%d", n);
	return (size_t) snprintf(buf, buflen, "%d", n);
}

static const pl_num_level *
level_of(pl_numbering *nb, pl_num_instance *in, int ilvl)
{
	if (in->lvl_override[ilvl].defined)
		return &in->lvl_override[ilvl];
	return &nb->abs[in->abstract].lvl[ilvl];
}

size_t
pl_num_render(pl_numbering *nb, int numId, int ilvl, char *buf, size_t buflen)
{
	pl_num_instance *in = NULL;
	pl_num_abstract *a;
	const pl_num_level *l;
	size_t		at = 0;

	if (buflen == 0)
		return 0;
	buf[0] = '\0';
	if (numId == 0 || ilvl < 0 || ilvl >= PL_NUM_LEVELS)
		return 0;
	for (int i = 0; i < nb->nnum; i++)
		if (nb->num[i].id == numId)
		{
			in = &nb->num[i];
			break;
		}
	if (in == NULL || in->abstract < 0 || in->abstract >= nb->nabs)
		return 0;
	a = &nb->abs[in->abstract];
	l = level_of(nb, in, ilvl);

	/* count */
	if (in->start_override[ilvl] >= 0 && !in->override_used[ilvl])
	{
		a->count[ilvl] = in->start_override[ilvl];
		a->started[ilvl] = true;
		in->override_used[ilvl] = true;
	}
	else if (!a->started[ilvl])
	{
		a->count[ilvl] = l->start;
		a->started[ilvl] = true;
	}
	else if (a->count[ilvl] < 1000000)
		a->count[ilvl]++;
	for (int m = ilvl + 1; m < PL_NUM_LEVELS; m++)
	{
		int			r = level_of(nb, in, m)->restart;

		if (r < 0 || (r > 0 && ilvl < r))
			a->started[m] = false;
	}
	if (strcmp(l->fmt, "bullet") == 0 || strcmp(l->fmt, "none") == 0)
		return 0;

	/* the level text with its %1 … %9 */
	for (const char *p = l->text; *p && at + 1 < buflen; p++)
	{
		if (*p == '%' && p[1] >= '1' && p[1] <= '9')
		{
			int			k = p[1] - '1';
			const pl_num_level *kl = level_of(nb, in, k);
			int			v = a->started[k] ? a->count[k] : kl->start;
			char		num[64];

			if (k > ilvl && !a->started[k])
				v = kl->start;
			pl_num_format(l->legal ? "decimal" : kl->fmt, v, num, sizeof num);
			at = put(buf, buflen, at, num);
			p++;
			continue;
		}
		buf[at++] = *p;
		buf[at] = '\0';
	}
	/*
	 * The suffix: a tab after a number that ends in a letter or digit reads
	 * as a space; after punctuation (、 ） .) nothing is needed, and a tab
	 * would split the line into table cells.
	 */
	if (at > 0 && l->suff != 'n')
	{
		unsigned char last = (unsigned char) buf[at - 1];

		if ((last < 0x80 && ((last >= '0' && last <= '9') || (last >= 'a' && last <= 'z') ||
							 (last >= 'A' && last <= 'Z'))) || (l->suff == 's' && last < 0x80))
			at = put(buf, buflen, at, " ");
		else if (last >= 0x80)
		{
			/* a Chinese numeral or enclosed number without punctuation after it */
			const unsigned char *s = (const unsigned char *) buf,
					   *e = s + at,
					   *q = s;
			uint32_t	cp = 0;

			while (q < e)
				cp = pd_u8_next(&q, e);
			if (pd_is_cn_numeral_char(cp) || pd_digit(cp) >= 0)
				at = put(buf, buflen, at, " ");
		}
	}
	return at;
}

void
pl_numbering_free(pl_numbering *nb)
{
	free(nb->abs);
	free(nb->num);
	memset(nb, 0, sizeof *nb);
}
