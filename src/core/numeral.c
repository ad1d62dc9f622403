/*
 * numeral.c — Chinese, full-width and enclosed numerals.
 *
 * Plans number their items with every numeral system Unicode offers: 一、
 * （十五） 二十六 一百零五, ４．, ①, ⑴, ㈠ … This file turns them into integers
 * and back (for official-style labels).  Backend-free.
 */
#include "pd_core.h"

#include <string.h>

int
pd_cn_digit(uint32_t cp)
{
	switch (cp)
	{
		case 0x3007:			/* 〇 */
		case 0x96F6:			/* 零 */
			return 0;
		case 0x4E00:			/* 一 */
		case 0x58F9:			/* 壹 */
		case 0x5F0C:			/* 弌 */
			return 1;
		case 0x4E8C:			/* 二 */
		case 0x8D30:			/* 贰 */
		case 0x8CB3:			/* 貳 */
		case 0x4E24:			/* 两 */
		case 0x5169:			/* 兩 */
			return 2;
		case 0x4E09:			/* 三 */
		case 0x53C1:			/* 叁 */
		case 0x53C3:			/* 參 */
		case 0x53C4:			/* 叄 */
			return 3;
		case 0x56DB:			/* 四 */
		case 0x8086:			/* 肆 */
			return 4;
		case 0x4E94:			/* 五 */
		case 0x4F0D:			/* 伍 */
			return 5;
		case 0x516D:			/* 六 */
		case 0x9646:			/* 陆 */
		case 0x9678:			/* 陸 */
			return 6;
		case 0x4E03:			/* 七 */
		case 0x67D2:			/* 柒 */
			return 7;
		case 0x516B:			/* 八 */
		case 0x634C:			/* 捌 */
			return 8;
		case 0x4E5D:			/* 九 */
		case 0x7396:			/* 玖 */
			return 9;
		default:
			return -1;
	}
}

int
pd_cn_unit(uint32_t cp)
{
	switch (cp)
	{
		case 0x5341:			/* 十 */
		case 0x62FE:			/* 拾 */
			return 10;
		case 0x767E:			/* 百 */
		case 0x4F70:			/* 佰 */
			return 100;
		case 0x5343:			/* 千 */
		case 0x4EDF:			/* 仟 */
			return 1000;
		default:
			return 0;
	}
}

/* 壹 贰 叁 … 拾, the numerals of amounts, also in Traditional (貳 參 陸) */
bool
pd_is_cn_capital(uint32_t cp)
{
	switch (cp)
	{
		case 0x58F9:			/* 壹 */
		case 0x8D30:			/* 贰 */
		case 0x8CB3:			/* 貳 */
		case 0x53C1:			/* 叁 */
		case 0x53C3:			/* 參 */
		case 0x53C4:			/* 叄 */
		case 0x8086:			/* 肆 */
		case 0x4F0D:			/* 伍 */
		case 0x9646:			/* 陆 */
		case 0x9678:			/* 陸 */
		case 0x67D2:			/* 柒 */
		case 0x634C:			/* 捌 */
		case 0x7396:			/* 玖 */
		case 0x62FE:			/* 拾 */
			return true;
		default:
			return false;
	}
}

#define CP_NIAN 0x5EFF			/* 廿 = 20 */
#define CP_SA 0x5345			/* 卅 = 30 */

bool
pd_is_cn_numeral_char(uint32_t cp)
{
	return pd_cn_digit(cp) >= 0 || pd_cn_unit(cp) > 0 || cp == CP_NIAN || cp == CP_SA;
}

long
pd_cn_value(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	uint32_t	cps[32];
	int			n = 0;
	bool		has_unit = false;

	while (p < end)
	{
		uint32_t	cp = pd_u8_next(&p, end);

		if (!pd_is_cn_numeral_char(cp) || n == 32)
			return -1;
		if (pd_cn_unit(cp) > 0 || cp == CP_NIAN || cp == CP_SA)
			has_unit = true;
		cps[n++] = cp;
	}
	if (n == 0)
		return -1;

	if (!has_unit)
	{
		/* a single digit, or positional notation such as 一〇五 */
		long		v = 0;

		if (n > 5)
			return -2;
		for (int i = 0; i < n; i++)
			v = v * 10 + pd_cn_digit(cps[i]);
		return v;
	}

	{
		long		total = 0;
		int			pending = -1;	/* a digit waiting for its unit */
		int			last_unit = 100000; /* units must strictly decrease */
		bool		zero = false;	/* a 零 since the last unit */

		for (int i = 0; i < n; i++)
		{
			uint32_t	cp = cps[i];
			int			d = pd_cn_digit(cp);
			int			u;

			if (d == 0)
			{
				/* 零 fills a gap: only directly after a unit, once */
				if (pending != -1 || zero || last_unit == 100000)
					return -1;
				zero = true;
				continue;
			}
			if (d > 0)
			{
				if (pending != -1)
					return -1;	/* two digits in a row: 二三十 */
				pending = d;
				continue;
			}
			if (cp == CP_NIAN || cp == CP_SA)
			{
				/* 廿/卅 stand for 二十/三十 and take no digit before them */
				if (pending != -1 || last_unit <= 10)
					return -1;
				total += (cp == CP_NIAN) ? 20 : 30;
				last_unit = 10;
				zero = false;
				continue;
			}
			u = pd_cn_unit(cp);
			if (u >= last_unit)
				return -1;
			if (pending == -1)
			{
				/* a bare 十 means 一十 at the start (十五) or after 零 (一百零十) */
				if (u == 10 && (total == 0 || zero))
					pending = 1;
				else
					return -1;
			}
			total += (long) pending * u;
			pending = -1;
			last_unit = u;
			zero = false;
		}
		if (zero && pending == -1)
			return -1;			/* trailing 零 */
		if (pending != -1)
		{
			/* 一百零五 adds 5; colloquial 一百五 means 150 */
			if (zero || last_unit == 10)
				total += pending;
			else
				total += (long) pending * (last_unit / 10);
		}
		return total;
	}
}

int
pd_enclosed_number(uint32_t cp, int *style)
{
	static const struct
	{
		uint32_t	first;
		uint32_t	last;
		int			base;		/* number of the first code point */
		int			style;
	}			ranges[] =
	{
		{0x2460, 0x2473, 1, 1},	/* ①..⑳ */
		{0x3251, 0x325F, 21, 1},	/* ㉑..㉟ */
		{0x32B1, 0x32BF, 36, 1},	/* ㊱..㊿ */
		{0x2474, 0x2487, 1, 2},	/* ⑴..⒇ */
		{0x2488, 0x249B, 1, 3},	/* ⒈..⒛ */
		{0x3220, 0x3229, 1, 4},	/* ㈠..㈩ */
		{0x3280, 0x3289, 1, 5},	/* ㊀..㊉ */
		{0x2776, 0x277F, 1, 6},	/* ❶..❿ */
		{0x24EB, 0x24F4, 11, 6},	/* ⓫..⓴ */
		{0x2780, 0x2789, 1, 7},	/* ➀..➉ */
		{0x278A, 0x2793, 1, 8},	/* ➊..➓ */
		{0x24F5, 0x24FE, 1, 9},	/* ⓵..⓾ */
		{0x2160, 0x216B, 1, 10},	/* Ⅰ..Ⅻ */
		{0x2170, 0x217B, 1, 11},	/* ⅰ..ⅻ */
	};

	if (cp < 0x2160 || cp > 0x32BF)
		return 0;				/* the common case: not in any block below */
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
	{
		if (cp >= ranges[i].first && cp <= ranges[i].last)
		{
			if (style)
				*style = ranges[i].style;
			return ranges[i].base + (int) (cp - ranges[i].first);
		}
	}
	return 0;
}

size_t
pd_cn_format(unsigned n, char *buf)
{
	static const char *const digit[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	static const char *const unit[] = {"千", "百", "十", ""};
	unsigned	div[] = {1000, 100, 10, 1};
	size_t		len = 0;
	bool		started = false;
	bool		gap = false;

	buf[0] = '\0';
	if (n == 0 || n > 9999)
	{
		strcpy(buf, n == 0 ? "零" : "?");
		return strlen(buf);
	}
	for (int i = 0; i < 4; i++)
	{
		unsigned	d = (n / div[i]) % 10;

		if (d == 0)
		{
			if (started)
				gap = true;
			continue;
		}
		if (gap)
		{
			strcpy(buf + len, digit[0]);
			len += strlen(digit[0]);
			gap = false;
		}
		/* 十五, not 一十五, when ten is the leading unit */
		if (!(i == 2 && d == 1 && !started))
		{
			strcpy(buf + len, digit[d]);
			len += strlen(digit[d]);
		}
		strcpy(buf + len, unit[i]);
		len += strlen(unit[i]);
		started = true;
	}
	return len;
}

int
pd_five_year_plan(const uint32_t *c, int n, int *len)
{
	int			d;

	if (n < 3 || c[0] != 0x5341)	/* 十 */
		return 0;
	d = pd_cn_digit(c[1]);
	if (d < 3 || d > 6)
		return 0;
	if (c[2] == 0x4E94)			/* 五 */
	{
		*len = 3;
		return 10 + d;
	}
	if (n >= 5 && c[2] == 0x4E2A && c[3] == 0x4E94 && c[4] == 0x5E74)	/* 个五年 */
	{
		*len = 5;
		return 10 + d;
	}
	return 0;
}
