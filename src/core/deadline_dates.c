/*
 * deadline_dates.c — reading one date expression at a position of a
 * sentence (pd_deadline_int.h): years in Arabic, full-width and Chinese
 * digits, months, days, quarters, halves, 上旬/中旬, ranges with any dash,
 * the tail that says by / from / during (底前, 起, 期间), relative years
 * (今年, 明年, 年内, 上半年 of the document's year) and time limits counted from
 * the document's own issue (印发之日起30日内), each resolved to a range of days.
 *
 * Owns: the calendar (days from 2000-01-01) and the grammar of a date.
 * Must not: decide whether a date is a deadline, or whose (deadlines.c).
 */
#include "pd_deadline_int.h"

/* ---- word tables ------------------------------------------------------------ */

static const pd_word tail_words[] = {
	{"底", T_END, 0}, {"末", T_END, 0}, {"年底", T_END, 0}, {"年末", T_END, 0},
	{"前", T_BY, 0}, {"以前", T_BY, 0}, {"之前", T_BY, 0}, {"内", T_BY, 0}, {"以内", T_BY, 0},
	{"之内", T_BY, 0}, {"年内", T_BY, 0}, {"前后", 0, 0},
	{"底前", T_END | T_BY, 0}, {"末前", T_END | T_BY, 0}, {"年底前", T_END | T_BY, 0},
	{"年末前", T_END | T_BY, 0}, {"底以前", T_END | T_BY, 0}, {"底之前", T_END | T_BY, 0},
	{"年底之前", T_END | T_BY, 0}, {"末以前", T_END | T_BY, 0},
	{"起", T_FROM, 0}, {"开始", T_FROM, 0}, {"起步", 0, 0}, {"起草", 0, 0},
	/* 内 that begins a word: 5月3日内蒙古…, 2025年内地… */
	{"内蒙古", 0, 0}, {"内蒙", 0, 0}, {"内地", 0, 0}, {"内部", 0, 0}, {"内容", 0, 0}, {"内涵", 0, 0},
	{"内需", 0, 0}, {"内外", 0, 0}, {"内河", 0, 0}, {"内陆", 0, 0}, {"内江", 0, 0},
	{"以来", T_SINCE, 0}, {"期间", T_DURING, 0},
};

/* a bare 年内 / 年底前 (no number before) may follow these */
static const pd_word bare_year_before_words[] = {
	{"于", 0, 0}, {"在", 0, 0}, {"到", 0, 0}, {"至", 0, 0}, {"争", 0, 0}, {"保", 0, 0}, {"将", 0, 0},
	{"要", 0, 0}, {"并", 0, 0}, {"应", 0, 0}, {"须", 0, 0}, {"等", 0, 0}, {"和", 0, 0}, {"及", 0, 0},
	{"或", 0, 0}, {"的", 0, 0}, {"均", 0, 0}, {"前", 0, 0},
};

/* the document's own issue, from which a time limit counts (本意见印发之日起30日内) */
static const pd_word issue_event_words[] = {
	{"印发", 0, 0}, {"发布", 0, 0}, {"公布", 0, 0}, {"下发", 0, 0}, {"出台", 0, 0},
};

/* relative years: a = years after the document's own */
static const pd_word relative_words[] = {
	{"今年", 0, 0}, {"本年", 0, 0}, {"本年度", 0, 0}, {"明年", 1, 0},
};

static pd_wordtab tail_tab = PD_WORDTAB(tail_words);
static pd_wordtab bare_before_tab = PD_WORDTAB(bare_year_before_words);
static pd_wordtab relative_tab = PD_WORDTAB(relative_words);
static pd_wordtab issue_event_tab = PD_WORDTAB(issue_event_words);

bool
pd_dl_dates_selfcheck(void)
{
	return pd_wordtab_check(&tail_tab) < 0 && pd_wordtab_check(&relative_tab) < 0 &&
		pd_wordtab_check(&issue_event_tab) < 0 && pd_wordtab_check(&bare_before_tab) < 0;
}

/* ---- dates ---------------------------------------------------------------------- */

int32_t
pd_days_from_civil(int y, int m, int d)
{
	/* days from 1970-01-01 (H. Hinnant's algorithm), then from 2000-01-01 */
	long		yy = y - (m <= 2);
	long		era = (yy >= 0 ? yy : yy - 399) / 400;
	long		yoe = yy - era * 400;
	long		doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t) (era * 146097 + doe - 719468 - 10957);
}


void
pd_civil_from_days(int32_t days, int *y, int *m, int *d)
{
	/* the inverse of pd_days_from_civil (H. Hinnant's algorithm) */
	long		z = (long) days + 10957 + 719468;
	long		era = (z >= 0 ? z : z - 146096) / 146097;
	long		doe = z - era * 146097;
	long		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long		mp = (5 * doy + 2) / 153;

	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* the first day of month m of year y, m may be 13 */
static int32_t
month_start(int y, int m)
{
	if (m > 12)
	{
		y++;
		m -= 12;
	}
	return pd_days_from_civil(y, m, 1);
}

#define YEAR_MIN 1949
#define YEAR_MAX 2150

/* ---- reading numbers on folded code points ---------------------------------------- */


/* four digits of a year at i (Arabic or Chinese, no 年): its end, or -1 */
int
pd_dl_year_digits(const dscan *sc, int i, int *year)
{
	int			v = 0,
				k = i;
	bool		arabic = is_ascii_digit(sc->cps[i]);

	for (; k < sc->n && k - i < 5; k++)
	{
		int			d = arabic ? (is_ascii_digit(sc->cps[k]) ? (int) (sc->cps[k] - '0') : -1) :
			cn_year_digit(sc->cps[k]);

		if (d < 0)
			break;
		v = v * 10 + d;
	}
	if (k - i != 4 || v < YEAR_MIN || v > YEAR_MAX)
		return -1;
	if (k < sc->n && (arabic ? is_ascii_digit(sc->cps[k]) || sc->cps[k] == '.' : is_numberish(sc->cps[k])))
		return -1;
	*year = v;
	return k;
}

/* 年 at i, after optional spaces: the position after it, or -1 */
int
pd_dl_nian_at(const dscan *sc, int i)
{
	i = skip_spaces(sc, i);
	return i < sc->n && sc->cps[i] == CP_NIAN ? i + 1 : -1;
}

/* a small number at i (1..99: 6, 12, 六, 十二, 二十, 三十一): its end, or -1 */
static int
small_number(const dscan *sc, int i, int *value)
{
	int			k = i,
				v;

	if (i >= sc->n)
		return -1;
	if (is_ascii_digit(sc->cps[i]))
	{
		v = 0;
		while (k < sc->n && k - i < 3 && is_ascii_digit(sc->cps[k]))
			v = v * 10 + (int) (sc->cps[k++] - '0');
		if (k - i > 2 || (k < sc->n && (is_ascii_digit(sc->cps[k]) || sc->cps[k] == '.')))
			return -1;
		*value = v;
		return k;
	}
	else
	{
		int			a = cn_year_digit(sc->cps[k]),
					tens = 0;

		if (sc->cps[k] == CP_SHI)
			tens = 1;			/* 十, 十二 */
		else if (a <= 0)
			return -1;
		else if (k + 1 < sc->n && sc->cps[k + 1] == CP_SHI)
			tens = a, k++;		/* 二十, 三十一 */
		k++;
		if (tens > 0)
		{
			int			b = k < sc->n ? cn_year_digit(sc->cps[k]) : -1;

			if (b > 0)
				k++;
			*value = tens * 10 + (b > 0 ? b : 0);
			return k;
		}
		if (k < sc->n && cn_year_digit(sc->cps[k]) >= 0)
			return -1;			/* 二〇: a year, not a month */
		*value = a;
		return k;
	}
}

/* a range separator at i (— – - ~ 至 到, doubled dashes, spaces): its end, or -1 */
int
pd_dl_range_dash(const dscan *sc, int i)
{
	int			k = skip_spaces(sc, i);
	bool		any = false;

	while (k < sc->n)
	{
		uint32_t	c = sc->cps[k];

		if (c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0x2012 || c == 0x2212 ||
			c == '~' || c == 0x301C || c == 0x2E3A)
		{
			k++;
			any = true;
		}
		else
			break;
	}
	if (!any && k < sc->n && (sc->cps[k] == 0x81F3 || sc->cps[k] == 0x5230))	/* 至 到 */
	{
		k++;
		any = true;
	}
	return any ? skip_spaces(sc, k) : -1;
}

/* granularity of a period */
enum
{
	G_YEAR = 1,
	G_HALF,
	G_QUARTER,
	G_MONTH,
	G_DAY,
	G_MONTHS,					/* 4—6月 */
	G_MID						/* 年中: by the end of June */
};

/*
 * 初 or 中 at k after a year's 年 (2025年初, 2025年中前) that is no word's first
 * character (2025年初步建成, 2025年中国…): what may follow it.
 */
static bool
early_mid_at(const dscan *sc, int k)
{
	uint32_t	next = k + 1 < sc->n ? sc->cps[k + 1] : 0;

	if (next == 0 || next == ',' || next == ';' || next == ')' || next == '|' || next == '\t' ||
		next == '\n' || next == ' ' || next == 0x3001 || next == 0x3002 || next == 0x524D ||	/* 、。前 */
		next == 0x4EE5 || next == 0x4E4B)	/* 以前 之前 */
		return true;
	if (sc->cps[k] == 0x4E2D)
		return false;			/* 年中 only before an end or 前 */
	switch (next)
	{
		case 0x6B65:			/* 步 */
		case 0x89C1:			/* 见 */
		case 0x7EA7:			/* 级 */
		case 0x4E2D:			/* 中 */
		case 0x671F:			/* 期 */
		case 0x59CB:			/* 始 */
		case 0x5FC3:			/* 心 */
		case 0x8877:			/* 衷 */
		case 0x7A3F:			/* 稿 */
		case 0x5BA1:			/* 审 */
		case 0x8BC4:			/* 评 */
		case 0x7B5B:			/* 筛 */
		case 0x9009:			/* 选 */
		case 0x5177:			/* 具 */
		case 0x6B21:			/* 次 */
		case 0x521B:			/* 创 */
		case 0x5EFA:			/* 建 */
		case 0x5B9A:			/* 定 */
			return false;
	}
	return true;
}

/*
 * The period after year y's 年 at i: 上半年, 第三季度, 6月, 6月30日, 6月中旬,
 * 年初 (its first quarter), 年中 (up to the end of June), or the year itself.
 * Sets [*lo, *hi) and returns its end.
 */
static int
period_after(const dscan *sc, int i, int y, int32_t *lo, int32_t *hi, int *gran)
{
	int			k = skip_spaces(sc, i),
				v,
				e;

	*gran = G_YEAR;
	*lo = pd_days_from_civil(y, 1, 1);
	*hi = pd_days_from_civil(y + 1, 1, 1);
	if (k + 2 < sc->n && sc->cps[k + 1] == 0x534A && sc->cps[k + 2] == CP_NIAN)	/* 半年 */
	{
		if (sc->cps[k] == 0x4E0A)	/* 上 */
		{
			*gran = G_HALF;
			*hi = pd_days_from_civil(y, 7, 1);
			return k + 3;
		}
		if (sc->cps[k] == 0x4E0B)	/* 下 */
		{
			*gran = G_HALF;
			*lo = pd_days_from_civil(y, 7, 1);
			return k + 3;
		}
	}
	/* 2025年初, 2025年中前, 2025年年中前 */
	if (k + 1 < sc->n && sc->cps[k] == CP_NIAN && (sc->cps[k + 1] == 0x521D || sc->cps[k + 1] == 0x4E2D) &&
		early_mid_at(sc, k + 1))
		k++;
	if (k < sc->n && (sc->cps[k] == 0x521D || sc->cps[k] == 0x4E2D) && early_mid_at(sc, k))
	{
		*gran = sc->cps[k] == 0x521D ? G_QUARTER : G_MID;
		*hi = pd_days_from_civil(y, sc->cps[k] == 0x521D ? 4 : 7, 1);
		return k + 1;
	}
	/* 第三季度, 三季度, 第3季 */
	{
		int			q = k < sc->n && sc->cps[k] == 0x7B2C ? k + 1 : k;	/* 第 */

		if ((e = small_number(sc, q, &v)) > 0 && v >= 1 && v <= 4 && e < sc->n && sc->cps[e] == CP_JI)
		{
			e++;
			if (e < sc->n && sc->cps[e] == CP_DU)
				e++;
			*gran = G_QUARTER;
			*lo = pd_days_from_civil(y, 3 * v - 2, 1);
			*hi = month_start(y, 3 * v + 1);
			return e;
		}
	}
	/* 4—6月: months of one year */
	{
		int			d,
					v2,
					e2;

		if ((e = small_number(sc, k, &v)) > 0 && v >= 1 && v <= 12 && (d = pd_dl_range_dash(sc, e)) > 0 &&
			(e2 = small_number(sc, d, &v2)) > 0 && v2 > v && v2 <= 12 && e2 < sc->n && sc->cps[e2] == CP_YUE)
		{
			*gran = G_MONTHS;
			*lo = pd_days_from_civil(y, v, 1);
			*hi = month_start(y, v2 + 1);
			return e2 + 1;
		}
	}
	if ((e = small_number(sc, k, &v)) > 0 && v >= 1 && v <= 12 && e < sc->n && sc->cps[e] == CP_YUE)
	{
		int			m = v,
					d;

		e++;
		*gran = G_MONTH;
		*lo = pd_days_from_civil(y, m, 1);
		*hi = month_start(y, m + 1);
		if ((k = small_number(sc, e, &d)) > 0 && d >= 1 && d <= days_in_month(y, m) && k < sc->n &&
			(sc->cps[k] == CP_RI || sc->cps[k] == CP_HAO))
		{
			*gran = G_DAY;
			*lo = pd_days_from_civil(y, m, d);
			*hi = *lo + 1;
			return k + 1;
		}
		if (e + 1 < sc->n && sc->cps[e + 1] == 0x65EC)	/* 旬 */
		{
			if (sc->cps[e] == 0x4E0A)	/* 上旬 */
				*hi = pd_days_from_civil(y, m, 11);
			else if (sc->cps[e] == 0x4E2D)	/* 中旬 */
				*hi = pd_days_from_civil(y, m, 21);
			else if (sc->cps[e] != 0x4E0B)	/* 下旬 */
				return e;
			return e + 2;
		}
		return e;
	}
	return i;
}

/* the tail after a date at i: flags (T_*), *end after it */
int
pd_dl_tail_at(const dscan *sc, int i, int *end)
{
	int			k = skip_spaces(sc, i),
				w = k < sc->n ? pd_word_at(&tail_tab, sc->cps, k, sc->n) : -1;

	if (w < 0)
	{
		*end = i;
		return 0;
	}
	*end = k + pd_word_len(&tail_tab, w);
	return tail_words[w].a;
}

/* 已 or 已经 right after: a report of what was done */
static bool
reported_after(const dscan *sc, int i)
{
	i = skip_spaces(sc, i);
	if (i < sc->n && sc->cps[i] == ',')
		i = skip_spaces(sc, i + 1);
	return i < sc->n && (sc->cps[i] == 0x5DF2 /* 已 */ || sc->cps[i] == 0x66FE /* 曾 */ );
}

/*
 * Finish a date whose period [lo, hi) ends at k: a range to a second date,
 * then the tail (前, 底前, 起, 期间 …).  Fills c.
 */
static void
finish_date(const dscan *sc, int y, int32_t lo, int32_t hi, int gran, int k, cand *c)
{
	int			d,
				e,
				flags,
				y2,
				g2;
	int32_t		lo2,
				hi2;

	c->past = false;
	/* a range: 2024年—2026年, 2024年1月至6月 */
	if ((d = pd_dl_range_dash(sc, k)) > 0)
	{
		if ((e = pd_dl_year_digits(sc, d, &y2)) > 0 && (e = pd_dl_nian_at(sc, e)) > 0 && y2 >= y && y2 <= y + 50)
		{
			e = period_after(sc, e, y2, &lo2, &hi2, &g2);
			if (hi2 > lo)
			{
				flags = pd_dl_tail_at(sc, e, &c->end);
				c->kind = flags & T_FROM ? PD_DL_FROM : PD_DL_DURING;
				c->lo = lo;
				c->hi = flags & T_FROM ? PD_DAY_NONE : hi2;
				c->weak = 0;
				c->past = (flags & T_SINCE) != 0;
				return;
			}
		}
		else if ((gran == G_MONTH || gran == G_DAY) &&
				 (e = period_after(sc, d, y, &lo2, &hi2, &g2)) > d &&
				 (g2 == G_MONTH || g2 == G_DAY) && hi2 > lo)
		{
			/* 2024年1月至6月, 2019年1月1日至12月31日: the second date in the same year */
			flags = pd_dl_tail_at(sc, e, &c->end);
			c->kind = PD_DL_DURING;
			c->lo = lo;
			c->hi = hi2;
			c->weak = 0;
			c->past = (flags & T_SINCE) != 0;
			return;
		}
	}
	flags = pd_dl_tail_at(sc, k, &c->end);
	c->lo = lo;
	c->hi = hi;
	c->weak = 0;
	if (flags & T_SINCE)
		c->past = true;
	if (flags & T_FROM)
	{
		c->kind = PD_DL_FROM;
		c->hi = PD_DAY_NONE;
	}
	else if (flags & T_BY)
	{
		c->kind = PD_DL_BY;
		c->lo = PD_DAY_NONE;
	}
	else if (flags & T_DURING)
		c->kind = PD_DL_DURING;
	else if (flags & T_END)
	{
		c->kind = PD_DL_BY;
		c->lo = PD_DAY_NONE;
		c->weak = 1;
	}
	else if (gran == G_HALF || gran == G_QUARTER || gran == G_MONTHS)
		c->kind = PD_DL_DURING;
	else
	{
		c->kind = PD_DL_BY;
		c->lo = PD_DAY_NONE;
		c->weak = gran == G_YEAR ? 2 : gran == G_MID ? 1 : 3;
	}
	if (reported_after(sc, c->end))
		c->past = true;
}

/*
 * A date starting at i: a year (2025年…, 二〇二五年…, 2024—2026年), a
 * relative year (今年, 明年), or a month or quarter of the document's year
 * (6月底前, 第三季度末前, 年内, 年底前, 上半年).  True with *c filled.
 */
bool
pd_dl_date_at(dscan *sc, int i, cand *c)
{
	uint32_t	ch = sc->cps[i];
	int			y,
				k,
				e,
				gran,
				w,
				v;
	int32_t		lo,
				hi;

	c->start = i;
	c->past = false;
	if (is_ascii_digit(ch) || cn_year_digit(ch) >= 0 || ch == CP_SHI)
	{
		if (i > 0 && is_numberish(sc->cps[i - 1]))
			return false;
		if (ch != CP_SHI && (k = pd_dl_year_digits(sc, i, &y)) > 0)
		{
			int			y2,
						d;

			/* 2024—2026年: the first year without 年 */
			if ((e = pd_dl_nian_at(sc, k)) < 0)
			{
				if ((d = pd_dl_range_dash(sc, k)) > 0 && (e = pd_dl_year_digits(sc, d, &y2)) > 0 &&
					(e = pd_dl_nian_at(sc, e)) > 0 && y2 > y && y2 <= y + 50)
				{
					int			flags = pd_dl_tail_at(sc, e, &c->end);

					c->kind = flags & T_FROM ? PD_DL_FROM : PD_DL_DURING;
					c->lo = pd_days_from_civil(y, 1, 1);
					c->hi = flags & T_FROM ? PD_DAY_NONE : pd_days_from_civil(y2 + 1, 1, 1);
					c->weak = 0;
					c->past = (flags & T_SINCE) != 0 || reported_after(sc, c->end);
					return true;
				}
				return false;
			}
			k = period_after(sc, e, y, &lo, &hi, &gran);
			finish_date(sc, y, lo, hi, gran, k, c);
			return true;
		}
		/* a month or a quarter of the document's year */
		if ((e = small_number(sc, i, &v)) < 0 || e >= sc->n)
			return false;
		if (sc->cps[e] == CP_YUE || sc->cps[e] == CP_JI)
		{
			int			flags,
						end;

			if ((y = pd_dl_year(sc)) == 0)
				return false;
			k = period_after(sc, i, y, &lo, &hi, &gran);
			if (k == i)
				return false;
			flags = pd_dl_tail_at(sc, k, &end);
			if (!(flags & (T_BY | T_END)) || (flags & T_SINCE))
				return false;	/* 6月 alone, 三季度: no deadline without a year */
			c->end = end;
			c->kind = PD_DL_BY;
			c->lo = PD_DAY_NONE;
			c->hi = hi;
			c->weak = flags & T_BY ? 0 : 1;
			c->past = reported_after(sc, end);
			return true;
		}
		return false;
	}
	if (ch == 0x7B2C)			/* 第三季度末前 */
	{
		int			flags,
					end;

		if ((e = small_number(sc, i + 1, &v)) < 0 || e >= sc->n || sc->cps[e] != CP_JI)
			return false;
		if ((y = pd_dl_year(sc)) == 0)
			return false;
		k = period_after(sc, i, y, &lo, &hi, &gran);
		if (k == i)
			return false;
		flags = pd_dl_tail_at(sc, k, &end);
		if (flags & T_SINCE)
			return false;
		c->end = end;
		c->kind = flags & (T_BY | T_END) ? PD_DL_BY : PD_DL_DURING;
		c->lo = c->kind == PD_DL_BY ? PD_DAY_NONE : lo;
		c->hi = hi;
		c->weak = flags & T_BY ? 0 : 1;
		c->past = reported_after(sc, end);
		return true;
	}
	if ((w = pd_word_at(&relative_tab, sc->cps, i, sc->n)) >= 0)
	{
		/* 今年, 本年度, 明年: the document's year */
		if ((y = pd_dl_year(sc)) == 0)
			return false;
		y += relative_words[w].a;
		e = i + pd_word_len(&relative_tab, w);
		k = period_after(sc, e, y, &lo, &hi, &gran);
		finish_date(sc, y, lo, hi, gran, k, c);
		if (c->weak == 2)
			return false;		/* 今年 alone */
		return true;
	}
	if (ch == CP_NIAN)
	{
		/* 年内, 年底前, 年度内, 年中前 of the document's year, no number before */
		int			flags,
					end;
		bool		mid;

		if (i > 0)
		{
			uint32_t	p = sc->cps[i - 1];

			if (pd_is_han_bmp(p) && pd_word_before(&bare_before_tab, sc->cps, i - 1, i) < 0)
				return false;
			if (is_numberish(p))
				return false;
		}
		k = i + 1;
		if (k < sc->n && sc->cps[k] == CP_DU)
			k++;				/* 年度内 */
		mid = k < sc->n && sc->cps[k] == 0x4E2D;	/* 年中前 */
		if (mid)
			k++;
		flags = pd_dl_tail_at(sc, k, &end);
		if (!(flags & (T_BY | T_END)) || end == k || (flags & T_SINCE) || (mid && !(flags & T_BY)))
			return false;
		if ((y = pd_dl_year(sc)) == 0)
			return false;
		c->end = end;
		c->kind = PD_DL_BY;
		c->lo = PD_DAY_NONE;
		c->hi = mid ? pd_days_from_civil(y, 7, 1) : pd_days_from_civil(y + 1, 1, 1);
		c->weak = flags & T_BY ? 0 : 1;
		c->past = reported_after(sc, end);
		return true;
	}
	if ((ch == 0x4E0A || ch == 0x4E0B) && i + 2 < sc->n && sc->cps[i + 1] == 0x534A &&
		sc->cps[i + 2] == CP_NIAN)
	{
		/* 上半年, 下半年 of the document's year */
		if (i > 0 && (sc->cps[i - 1] == CP_NIAN || is_numberish(sc->cps[i - 1])))
			return false;
		if ((y = pd_dl_year(sc)) == 0)
			return false;
		k = period_after(sc, i, y, &lo, &hi, &gran);
		finish_date(sc, y, lo, hi, gran, k, c);
		return true;
	}
	return false;
}

/*
 * 印发之日起30日内, 发布之日起3个月内 at 之 (i): by a day counted from the
 * document's own date of issue (a document with none gives no row; working
 * days, 之日起20个工作日内, need a calendar and are not read).
 */
bool
pd_dl_issue_relative_at(dscan *sc, int i, cand *c)
{
	int			w,
				k,
				e,
				v = 0,
				end,
				flags;
	const pd_doc *d = sc->doc;
	int			y,
				m,
				day;

	if (i + 2 >= sc->n || sc->cps[i + 1] != CP_RI || sc->cps[i + 2] != 0x8D77)	/* 日起 */
		return false;
	if ((w = pd_word_before(&issue_event_tab, sc->cps, 0, i)) < 0)
		return false;
	c->start = i - pd_word_len(&issue_event_tab, w);
	k = skip_spaces(sc, i + 3);
	if ((e = small_number(sc, k, &v)) < 0)
	{
		/* 180日: up to three Arabic digits */
		for (e = k; e < sc->n && e - k < 4 && is_ascii_digit(sc->cps[e]); e++)
			v = v * 10 + (int) (sc->cps[e] - '0');
		if (e == k || e - k > 3)
			return false;
	}
	if (v <= 0)
		return false;
	if (e < sc->n && sc->cps[e] == 0x4E2A)	/* 个 */
		e++;
	if (e >= sc->n)
		return false;
	flags = pd_dl_tail_at(sc, e + 1, &end);
	if (!(flags & T_BY))
		return false;
	pd_dl_load_years(sc);
	if (d == NULL || d->year < YEAR_MIN || d->year > YEAR_MAX || d->month < 1 || d->month > 12 ||
		d->day < 1 || d->day > days_in_month(d->year, d->month))
		return false;
	y = d->year;
	m = d->month;
	day = d->day;
	switch (sc->cps[e])
	{
		case CP_RI:
		case 0x5929:			/* 天 */
			c->hi = pd_days_from_civil(y, m, day) + v + 1;
			break;
		case CP_YUE:
		case CP_NIAN:
			if (sc->cps[e] == CP_NIAN)
				v *= 12;
			m += v;
			y += (m - 1) / 12;
			m = (m - 1) % 12 + 1;
			if (day > days_in_month(y, m))
				day = days_in_month(y, m);
			c->hi = pd_days_from_civil(y, m, day) + 1;
			break;
		default:
			return false;
	}
	c->end = end;
	c->kind = PD_DL_BY;
	c->lo = PD_DAY_NONE;
	c->weak = 0;
	c->past = false;
	return true;
}
