/*
 * indicators.c — indicator tables printed as text.  Backend-free.
 *
 * A 规划 states most of its targets in a table of main indicators (主要指标):
 *
 *     指标 | 单位 | 2020年 | 2025年 | 属性
 *     常住人口城镇化率 | % | 70.3 | 76 | 预期性
 *
 * Its rows have no verb (达到, 不低于) for the sentence scanner to find.
 * A header names the indicator column (指标, 指标名称), optionally a unit
 * column (单位, 计量单位), and one or more year columns; the latest year
 * (or a 目标值 column) holds the target.  Each row whose target cell reads
 * as a value — 76, ＞90, ≥95, 90以上, 5左右, [13.5] (a cumulative figure) —
 * is a target of that year, in the unit of its unit cell or of the unit
 * bracketed after the indicator's name (常住人口城镇化率（%）).  Rows
 * whose target is words (完成国家下达任务) are passed over.
 */
#include "pd_table.h"
#include "pd_target_int.h"
#include "pd_scan.h"

#include <string.h>

#define CELL_CPS 48

/* a cell's folded code points, spaces and markdown emphasis dropped */
static int
cell_cps(const char *text, size_t s, size_t e, uint32_t *c, int max)
{
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;
	int			n = 0;

	while (p < end && n < max)
	{
		uint32_t	cp = pd_fold(pd_u8_next(&p, end));

		if (!pd_is_space(cp) && cp != '*')
			c[n++] = cp;
	}
	return n;
}

/*
 * The change words a name ends with — 降低, 增速, 年均增长 — as the target
 * literal parser reads them before a number (its own word table): their
 * length in bytes, 0 if the name ends with none.
 */
static size_t
change_words_at_end(const char *text, size_t s, size_t e)
{
	uint32_t	c[CELL_CPS];
	size_t		off[CELL_CPS + 1];
	int			n = 0,
				i,
				start = -1;
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;

	/* the last CELL_CPS bytes are plenty (and fit c): change words are short */
	if (end - p > CELL_CPS)
		p = end - CELL_CPS;
	while (p < end && (*p & 0xC0) == 0x80)
		p++;
	while (p < end)
	{
		off[n] = (size_t) (p - (const unsigned char *) text);
		c[n++] = pd_fold(pd_u8_next(&p, end));
	}
	off[n] = e;
	for (i = n; i > 0;)
	{
		int			w = pd_prefix_word_before(c, 0, i),
					cls = w >= 0 ? pd_prefix_word_class(w) : -1;

		if (cls != W_GROWTH_UP && cls != W_GROWTH_DOWN && !(cls == W_PER_YEAR && start >= 0))
			break;
		i -= pd_prefix_word_len(w);
		start = i;
	}
	return start >= 0 ? e - off[start] : 0;
}

/* header words, Simplified (cells are compared folded) */
static const char *const indicator_words[] = {"指标", NULL};
static const char *const unit_words[] = {"单位", "计量单位", NULL};
static const char *const base_words[] = {"基期", "基准", "现状", NULL};
static const char *const goal_words[] = {"目标", NULL};

/* a year 1990..2100 followed by 年 in the cell's code points, or 0 */
static int
cell_year(const uint32_t *c, int n)
{
	for (int i = 0; i + 4 < n; i++)
	{
		int			y = 0,
					k;

		for (k = 0; k < 4 && pd_digit(c[i + k]) >= 0; k++)
			y = y * 10 + pd_digit(c[i + k]);
		if (k == 4 && c[i + 4] == 0x5E74 && y >= 1990 && y <= 2100 &&
			(i == 0 || pd_digit(c[i - 1]) < 0))
			return y;
	}
	return 0;
}

bool
pd_indicator_header(const char *text, size_t ls, size_t le, pd_indicator_table *t)
{
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			n;
	int			target_year = -1,
				goal_col = -1;

	if (le - ls > 400)
		return false;
	t->sep = pd_cell_separator(text, ls, le);
	if (t->sep == PD_SEP_NONE)
		return false;
	n = pd_split_cells(text, ls, le, t->sep, cells, PD_TABLE_MAX_COLS);
	if (n < 3)
		return false;
	t->ncols = n;
	t->indicator_col = t->unit_col = t->target_col = -1;
	t->year = 0;
	for (int k = 0; k < n; k++)
	{
		size_t		s = cells[k][0],
					e = cells[k][1];
		uint32_t	c[CELL_CPS];
		int			y;

		if (e <= s)
			continue;
		if (t->indicator_col < 0 && pd_cell_has_word(text, s, e, indicator_words))
			t->indicator_col = k;
		else if (pd_cell_is_word(text, s, e, unit_words))
			t->unit_col = k;
		else if ((y = cell_year(c, cell_cps(text, s, e, c, CELL_CPS))) > 0)
		{
			/* the latest year holds the target, not a base year (基期, 现状) */
			if (y > target_year && !pd_cell_has_word(text, s, e, base_words))
			{
				target_year = y;
				t->target_col = k;
			}
		}
		else if (goal_col < 0 && pd_cell_has_word(text, s, e, goal_words))
			goal_col = k;
	}
	if (t->target_col < 0 && goal_col >= 0)
		t->target_col = goal_col;
	else if (t->target_col >= 0)
		t->year = target_year;
	return t->indicator_col >= 0 && t->target_col >= 0 && t->target_col != t->indicator_col;
}

/* the markdown rule under a header: | --- | :---: | */
static bool
is_rule_row(const char *text, size_t ls, size_t le)
{
	bool		dash = false;

	for (size_t i = ls; i < le; i++)
	{
		char		ch = text[i];

		if (ch == '-')
			dash = true;
		else if (ch != '|' && ch != ':' && ch != ' ' && ch != '\t' && ch != '\r')
			return false;
	}
	return dash;
}

/*
 * A row of the table: 1 when it is a row (a target is in *hit if it has
 * one: hit->indicator_len > 0), 0 when the table has ended.  A category row
 * (经济发展, alone in its first cell) and the markdown rule are rows with
 * no target.
 */
int
pd_indicator_row(const char *text, size_t ls, size_t le, const pd_indicator_table *t,
				 pd_target_hit *hit)
{
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			n,
				filled = 0;
	pd_cell_sep sep = pd_cell_separator(text, ls, le);
	char		lit[160];
	size_t		litlen = 0;
	size_t		ind_s,
				ind_e,
				unit_s = 0,
				unit_e = 0,
				val_s,
				val_e,
				num_end;
	const unsigned char *p;
	const unsigned char *end;

	hit->indicator_len = 0;
	if (is_rule_row(text, ls, le))
		return 1;
	n = sep == t->sep ? pd_split_cells(text, ls, le, sep, cells, PD_TABLE_MAX_COLS) : 0;
	for (int k = 0; k < n; k++)
		filled += cells[k][1] > cells[k][0];
	if (n < 2 || filled < 2)
	{
		/* a category row: a short line of its own, no sentence in it */
		const unsigned char *s = (const unsigned char *) text + ls;

		return le - ls > 0 && le - ls <= 36 && !pd_has_sentence_end(s, s + (le - ls)) &&
			memchr(s, 0xEF, le - ls) == NULL;
	}
	/* spaces hide empty cells: a row is read only when every column is there */
	if (n <= t->target_col || n <= t->indicator_col || (t->sep == PD_SEP_SPACES && n != t->ncols))
		return 1;

	ind_s = cells[t->indicator_col][0];
	ind_e = cells[t->indicator_col][1];
	val_s = cells[t->target_col][0];
	val_e = cells[t->target_col][1];
	/* the cell trim takes a leading > for markdown: a comparator here (>2.5) */
	while (val_s > ls && (text[val_s - 1] == '>' || text[val_s - 1] == '<' || text[val_s - 1] == '='))
		val_s--;
	if (t->unit_col >= 0 && t->unit_col < n)
	{
		unit_s = cells[t->unit_col][0];
		unit_e = cells[t->unit_col][1];
	}
	if (unit_e <= unit_s)
	{
		/* 常住人口城镇化率（%）: the unit in a bracket after the name */
		const char *close = NULL;

		if (ind_e - ind_s > 3 && memcmp(text + ind_e - 3, "\xEF\xBC\x89", 3) == 0)
			close = text + ind_e - 3;
		else if (ind_e > ind_s && text[ind_e - 1] == ')')
			close = text + ind_e - 1;
		if (close)
		{
			for (size_t q = (size_t) (close - text); q > ind_s; q--)
			{
				size_t		olen = 0;

				if (text[q - 1] == '(')
					olen = 1;
				else if (q - ind_s >= 3 && memcmp(text + q - 3, "\xEF\xBC\x88", 3) == 0)
					olen = 3;
				if (olen)
				{
					unit_s = q;
					unit_e = (size_t) (close - text);
					ind_e = q - olen;
					break;
				}
			}
		}
	}
	while (ind_e > ind_s && (text[ind_e - 1] == ' '))
		ind_e--;
	if (ind_e <= ind_s || ind_e - ind_s >= PD_INDICATOR_MAX_BYTES || val_e <= val_s)
		return 1;

	/* the value as a target literal, with the unit after its number: 5左右 -> 5%左右 */
	p = (const unsigned char *) text + val_s;
	end = (const unsigned char *) text + val_e;
	{
		const unsigned char *next;
		uint32_t	cp = pd_peek(p, end, &next);

		/* [13.5], 〔13.5〕, 【13.5】: a cumulative figure */
		if (cp == '[' || cp == 0x3014 || cp == 0x3010 || cp == 0xFF3B)
		{
			const unsigned char *q = end;

			p = next;
			while (q > p && (q[-1] == ']' || q[-1] == ' '))
				q--;
			if (q - p >= 3 && q[-3] == 0xE3 && q[-2] == 0x80 && (q[-1] == 0x95 || q[-1] == 0x91))
				q -= 3;
			else if (q - p >= 3 && q[-3] == 0xEF && q[-2] == 0xBC && q[-1] == 0xBD)
				q -= 3;
			end = q;
		}
	}
	num_end = (size_t) (p - (const unsigned char *) text);
	{
		const unsigned char *q = p;
		bool		digits = false;

		/* past a comparator, then the number or range: ≥95, >90, 2—3, 6.5 */
		while (q < end)
		{
			const unsigned char *next;
			uint32_t	cp = pd_fold(pd_peek(q, end, &next));

			if (pd_digit(cp) >= 0)
				digits = true;
			else if (!(cp == '.' || cp == '>' || cp == '<' || cp == '=' || cp == 0x2265 ||
					   cp == 0x2264 || cp == '~' || cp == '-' || cp == 0x2014 || cp == 0x2013 ||
					   cp == 0x2248 || cp == '+'))
				break;
			q = next;
		}
		if (!digits)
			return 1;			/* 完成国家下达任务, —: no value */
		num_end = (size_t) (q - (const unsigned char *) text);
	}
	if ((ind_e - ind_s) + (num_end - (size_t) (p - (const unsigned char *) text)) + (unit_e - unit_s) +
		(size_t) (end - (const unsigned char *) text - num_end) >= sizeof(lit))
		return 1;
	/*
	 * A change named by the indicator — 单位GDP能耗降低 [14], 地区生产总值
	 * 年均增长 6左右 — goes before the value, where the literal parser reads
	 * it as it reads 下降14% and 年均增长6%左右: signed, per year after 年均.
	 */
	{
		size_t		change = change_words_at_end(text, ind_s, ind_e);

		memcpy(lit, text + ind_e - change, change);
		litlen = change;
	}
	memcpy(lit + litlen, p, num_end - (size_t) (p - (const unsigned char *) text));
	litlen += num_end - (size_t) (p - (const unsigned char *) text);
	if (unit_e > unit_s && !(unit_e - unit_s == 3 && memcmp(text + unit_s, "\xE2\x80\x94", 3) == 0) &&
		!(unit_e - unit_s == 1 && text[unit_s] == '-'))
	{
		memcpy(lit + litlen, text + unit_s, unit_e - unit_s);
		litlen += unit_e - unit_s;
	}
	memcpy(lit + litlen, text + num_end, (size_t) (end - (const unsigned char *) text - num_end));
	litlen += (size_t) (end - (const unsigned char *) text - num_end);
	if (pd_target_parse(lit, litlen, &hit->target, NULL) != PD_OK)
		return 1;

	hit->year = t->year;
	hit->period = hit->target.per_year ? PD_PERIOD_ANNUAL : t->year ? PD_PERIOD_BY_YEAR : PD_PERIOD_NONE;
	hit->aspirational = false;
	hit->raw_start = ls;
	hit->raw_end = le;
	while (hit->raw_end > hit->raw_start && (text[hit->raw_end - 1] == '\r' || text[hit->raw_end - 1] == ' '))
		hit->raw_end--;
	memcpy(hit->indicator, text + ind_s, ind_e - ind_s);
	hit->indicator[ind_e - ind_s] = '\0';
	hit->indicator_len = ind_e - ind_s;
	return 1;
}
