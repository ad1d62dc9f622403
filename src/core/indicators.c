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
#include "pd_tread.h"
#include "pd_scan.h"

#include <string.h>

#define CELL_CPS 48

/* is cp in the 0-terminated list? */
static bool
cp_in(const uint32_t *list, uint32_t cp)
{
	for (; *list; list++)
		if (*list == cp)
			return true;
	return false;
}

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

/*
 * The change words a value cell starts with — 增长5%左右, 下降3%, 年均增长6% —
 * in a table whose columns hold a year's goals (年度计划): how many of the
 * cell's code points c[0..n) they take, 0 if none.
 */
static int
change_words_at_start(const uint32_t *c, int n)
{
	int			i = 0,
				w;

	while (i < n && (w = pd_prefix_word_at(c, i, n)) >= 0)
	{
		int			cls = pd_prefix_word_class(w);

		if (cls != W_GROWTH_UP && cls != W_GROWTH_DOWN && cls != W_PER_YEAR)
			break;
		i += pd_prefix_word_len(w);
	}
	return i;
}

/* header words, Simplified (cells are compared folded) */
static const pd_word indicator_words[] = {{"指标"}};
static pd_wordtab indicator_words_tab = PD_WORDTAB(indicator_words);
static const pd_word unit_words[] = {{"单位"}, {"计量单位"}};
static pd_wordtab unit_words_tab = PD_WORDTAB(unit_words);
static const pd_word base_words[] = {{"基期"}, {"基准"}, {"现状"}};
static pd_wordtab base_words_tab = PD_WORDTAB(base_words);
static const pd_word goal_words[] = {{"目标"}};
static pd_wordtab goal_words_tab = PD_WORDTAB(goal_words);
/* the column of a five-year plan's table that holds 年均 (per year) and 累计 (〔13.5〕) goals */
static const pd_word span_words[] = {{"年均"}, {"累计"}};
static pd_wordtab span_words_tab = PD_WORDTAB(span_words);
static const pd_word annual_words[] = {{"年均"}};
static pd_wordtab annual_words_tab = PD_WORDTAB(annual_words);

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

/* the 属性 column: 预期性 / 约束性 in its cells end a row printed one cell per line */
static const pd_word attr_header_words[] = {{"属性"}, {"指标属性"}, {"指标类型"}};
static pd_wordtab attr_header_words_tab = PD_WORDTAB(attr_header_words);
static const pd_word attr_words[] = {{"预期性"}, {"约束性"}, {"引导性"}, {"预期"}, {"约束"}};
static pd_wordtab attr_words_tab = PD_WORDTAB(attr_words);

/* other column names a header printed one cell per line may hold */
static const pd_word other_header_words[] = {{"序号"}, {"编号"}, {"类别"}, {"领域"}, {"类型"}, {"分类"}, {"备注"}, {"年均增长"}, {"累计"}, {"年均"}, {"年均/累计"},
	{"累计/年均"}, {"五年累计"}};
static pd_wordtab other_header_words_tab = PD_WORDTAB(other_header_words);

/*
 * Name the columns of a header whose n cells are cells[]: the indicator,
 * unit, target (the latest year, else 目标值) and 属性 columns, and the
 * columns that hold values (years, 目标值, 基期值).  False when it is no
 * indicator table.
 */
static bool
classify_header(const char *text, size_t cells[][2], int n, pd_indicator_table *t)
{
	int			target_year = -1,
				goal_col = -1;

	if (n < 3)
		return false;
	t->ncols = n;
	t->indicator_col = t->unit_col = t->target_col = t->attr_col = t->span_col = -1;
	t->span_annual = false;
	t->value_cols = 0;
	t->year = 0;
	for (int k = 0; k < n; k++)
	{
		size_t		s = cells[k][0],
					e = cells[k][1];
		uint32_t	c[CELL_CPS];
		int			y;

		if (e <= s)
			continue;
		if (t->indicator_col < 0 && pd_cell_has_word(text, s, e, &indicator_words_tab) &&
			!pd_cell_is_word(text, s, e, &attr_header_words_tab))
			t->indicator_col = k;
		else if (pd_cell_is_word(text, s, e, &unit_words_tab))
			t->unit_col = k;
		else if (t->span_col < 0 && k != t->indicator_col && pd_cell_has_word(text, s, e, &span_words_tab) &&
				 cell_year(c, cell_cps(text, s, e, c, CELL_CPS)) == 0)
		{
			/* 年均/累计, not 2021—2025年累计: a year makes it that year's column */
			t->value_cols |= 1u << k;
			t->span_col = k;
			t->span_annual = pd_cell_has_word(text, s, e, &annual_words_tab);
		}
		else if ((y = cell_year(c, cell_cps(text, s, e, c, CELL_CPS))) > 0)
		{
			t->value_cols |= 1u << k;
			/* the latest year holds the target, not a base year (基期, 现状) */
			if (y > target_year && !pd_cell_has_word(text, s, e, &base_words_tab))
			{
				target_year = y;
				t->target_col = k;
			}
		}
		else if (goal_col < 0 && pd_cell_has_word(text, s, e, &goal_words_tab))
			t->value_cols |= 1u << (goal_col = k);
		else if (pd_cell_has_word(text, s, e, &base_words_tab))
			t->value_cols |= 1u << k;
		else if (pd_cell_is_word(text, s, e, &attr_header_words_tab))
			t->attr_col = k;
	}
	if (t->target_col < 0 && goal_col >= 0)
		t->target_col = goal_col;
	else if (t->target_col >= 0)
		t->year = target_year;
	return t->indicator_col >= 0 && t->target_col >= 0 && t->target_col != t->indicator_col;
}

bool
pd_indicator_header(const char *text, size_t ls, size_t le, pd_indicator_table *t)
{
	size_t		cells[PD_TABLE_MAX_COLS][2];

	if (le - ls > 400)
		return false;
	t->sep = pd_cell_separator(text, ls, le);
	if (t->sep == PD_SEP_NONE)
		return false;
	return classify_header(text, cells, pd_split_cells(text, ls, le, t->sep, cells, PD_TABLE_MAX_COLS), t);
}

/* the line at text[p] trimmed into [*s, *e); returns where the next line starts */
static size_t
cell_line(const char *text, size_t p, size_t len, size_t *s, size_t *e)
{
	const char *nl = memchr(text + p, '\n', len - p);
	size_t		le = nl ? (size_t) (nl - text) : len;
	size_t		cell[1][2];

	if (pd_split_cells(text, p, le, PD_SEP_LINES, cell, 1) == 1)
	{
		*s = cell[0][0];
		*e = cell[0][1];
	}
	else
		*s = *e = p;
	return nl ? le + 1 : len;
}

/* the indicator column's name on a line of its own (not a title: 表1 主要指标) */
static const pd_word indicator_cells[] = {{"指标"}, {"指标名称"}, {"主要指标"}, {"指标项"}, {"具体指标"}, {"指标内容"}};
static pd_wordtab indicator_cells_tab = PD_WORDTAB(indicator_cells);

/* value columns on lines of their own: not 主要目标, 发展现状 (headings) */
static const pd_word goal_cells[] = {{"目标值"}, {"预期目标"}, {"规划目标"}};
static pd_wordtab goal_cells_tab = PD_WORDTAB(goal_cells);
static const pd_word base_cells[] = {{"基期"}, {"基准值"}, {"基准年"}, {"现状值"}};
static pd_wordtab base_cells_tab = PD_WORDTAB(base_cells);

/* a short line of its own that names a column of an indicator table */
static bool
is_header_cell(const char *text, size_t s, size_t e)
{
	uint32_t	c[CELL_CPS];

	int			n = cell_cps(text, s, e, c, CELL_CPS);

	if (e <= s || e - s > 36 ||
		pd_has_sentence_end((const unsigned char *) text + s, (const unsigned char *) text + e))
		return false;
	/* 三、主要目标 is a heading */
	for (int i = 0; i < n; i++)
		if (c[i] == 0x3001 || c[i] == ',' || c[i] == ':')
			return false;
	return pd_cell_is_word(text, s, e, &indicator_cells_tab) || pd_cell_is_word(text, s, e, &unit_words_tab) ||
		pd_cell_has_word(text, s, e, &goal_cells_tab) || pd_cell_has_word(text, s, e, &base_cells_tab) ||
		pd_cell_is_word(text, s, e, &attr_header_words_tab) ||
		pd_cell_is_word(text, s, e, &other_header_words_tab) ||
		cell_year(c, n) > 0;
}

/*
 * A quick no for most lines: a header's first cell (序号, 类别, 指标 …) is a
 * line of 2 to 6 characters that starts with one of a few characters.
 */
static bool
may_open_header(const char *text, size_t ls, size_t len)
{
	static const uint32_t firsts[] = {0x6307, 0x4E3B, 0x5177, 0x5E8F, 0x7F16, 0x7C7B, 0x9886, 0x5206, 0};	/* 指主具序编类领分 */
	const char *nl = memchr(text + ls, '\n', len - ls < 40 ? len - ls : 40);
	size_t		le = nl ? (size_t) (nl - text) : (len - ls < 40 ? len : ls);
	const unsigned char *p;
	const unsigned char *end;
	const unsigned char *next;

	if (le <= ls)
		return false;
	p = pd_skip_decoration((const unsigned char *) text + ls, (const unsigned char *) text + le);
	end = (const unsigned char *) text + le;
	return end - p >= 6 && cp_in(firsts, pd_fold(pd_peek(p, end, &next)));
}

bool
pd_indicator_header_lines(const char *text, size_t ls, size_t len, pd_indicator_table *t,
						  size_t *rows_start)
{
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			n = 0,
				indicators = 0;
	size_t		p = ls;

	if (!may_open_header(text, ls, len))
		return false;
	while (p < len)
	{
		size_t		s,
					e,
					next = cell_line(text, p, len, &s, &e);

		if (e > s)
		{
			bool		indicator;

			if (!is_header_cell(text, s, e))
				break;
			indicator = pd_cell_is_word(text, s, e, &indicator_cells_tab);
			/* a header starts with its first column: 序号, 类别 or 指标 */
			if (n == 0 && !indicator && !pd_cell_is_word(text, s, e, &other_header_words_tab))
				return false;
			/* 主要指标 over a header that names 指标 again: a title, the header is below */
			if (n == PD_TABLE_MAX_COLS || (indicator && ++indicators > 1))
				return false;
			cells[n][0] = s;
			cells[n][1] = e;
			n++;
		}
		else if (n == 0)
			return false;
		p = next;
	}
	t->sep = PD_SEP_LINES;
	if (!classify_header(text, cells, n, t))
		return false;
	*rows_start = p;
	return true;
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

static bool is_value_cell(const char *text, size_t s, size_t e);

/*
 * Does the text after a value's number, text[s, e), start with a unit of its
 * own (增长6%左右, 提高1个百分点, 66件)?  Then the unit column's is not added.
 * Multipliers alone (1.2万) are no unit.
 */
static bool
value_has_unit(const char *text, size_t s, size_t e)
{
	uint32_t	c[CELL_CPS];
	int			n = cell_cps(text, s, e, c, CELL_CPS),
				k = pd_read_text_unit(c, 0, n);

	return k > 0 && pd_multiplier_pow10(c[k - 1]) == 0;
}

/* does text[s, e) hold a digit (pd_digit: ASCII or full-width)? */
static bool
has_digit(const char *text, size_t s, size_t e)
{
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;

	while (p < end)
		if (pd_digit(pd_u8_next(&p, end)) >= 0)
			return true;
	return false;
}

/*
 * The target of a row whose n cells are cells[] (column k of t in cells[k],
 * empty cells as s == e), the row being text[row_s, row_e): in *hit
 * (hit->indicator_len > 0) when its target cell reads as a value.  pre,
 * when not NULL, is the first line of an indicator's name that wrapped
 * (text[pre[0], pre[1]]), put before the name.
 */
static void
row_target(const char *text, size_t cells[][2], int n, size_t row_s, size_t row_e,
		   const pd_indicator_table *t, const size_t *pre, pd_target_hit *hit)
{
	size_t		pre_len = pre ? pre[1] - pre[0] : 0;
	char		lit[160];
	size_t		litlen = 0;
	size_t		ind_s,
				ind_e,
				unit_s = 0,
				unit_e = 0,
				change_s = 0,
				change_e = 0,
				val_s,
				val_e,
				num_end;
	const unsigned char *p;
	const unsigned char *end;
	bool		per_year = false;

	if (n <= t->target_col || n <= t->indicator_col)
		return;
	ind_s = cells[t->indicator_col][0];
	ind_e = cells[t->indicator_col][1];
	val_s = cells[t->target_col][0];
	val_e = cells[t->target_col][1];
	/*
	 * 地区生产总值增长（%） | 3.9 | — | 6左右: with the year's cell blank, the goal
	 * is the 年均/累计 column's, per year when that column is 年均 and the value
	 * is not a bracketed cumulative figure
	 */
	if (t->span_col >= 0 && t->span_col < n && !has_digit(text, val_s, val_e) &&
		has_digit(text, cells[t->span_col][0], cells[t->span_col][1]))
	{
		val_s = cells[t->span_col][0];
		val_e = cells[t->span_col][1];
		per_year = t->span_annual;	/* unless bracketed as cumulative, below */
	}
	/* a name in the value column (5G基站数) is no value, whatever the layout */
	if (!is_value_cell(text, val_s, val_e))
		return;
	/* the cell trim takes a leading > for markdown: a comparator here (>2.5) */
	while (val_s > row_s && (text[val_s - 1] == '>' || text[val_s - 1] == '<' || text[val_s - 1] == '='))
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
	if (ind_e <= ind_s || pre_len + ind_e - ind_s >= PD_INDICATOR_MAX_BYTES || val_e <= val_s)
		return;

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

			per_year = false;	/* 〔13.5〕 under 年均/累计 is the five years' total */
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
	/* 增长5%左右: the change words go into the literal before the number */
	{
		uint32_t	c[CELL_CPS];
		const unsigned char *q = p;
		int			n = 0,
					words;

		while (q < end && n < CELL_CPS)
			c[n++] = pd_fold(pd_u8_next(&q, end));
		words = change_words_at_start(c, n);
		q = p;
		while (words-- > 0)
			pd_u8_next(&q, end);
		change_s = (size_t) (p - (const unsigned char *) text);
		change_e = (size_t) (q - (const unsigned char *) text);
		p = q;
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
			return;				/* 完成国家下达任务, —: no value */
		num_end = (size_t) (q - (const unsigned char *) text);
	}
	if (6 + (ind_e - ind_s) + (change_e - change_s) + (num_end - (size_t) (p - (const unsigned char *) text)) +
		(unit_e - unit_s) + (size_t) (end - (const unsigned char *) text - num_end) >= sizeof(lit))
		return;
	/*
	 * A change named by the value (增长5%左右) or by the indicator — 单位GDP能耗降低 [14], 地区生产总值
	 * 年均增长 6左右 — goes before the value, where the literal parser reads
	 * it as it reads 下降14% and 年均增长6%左右: signed, per year after 年均.
	 */
	if (change_e > change_s)
	{
		memcpy(lit, text + change_s, change_e - change_s);
		litlen = change_e - change_s;
	}
	else
	{
		size_t		change = change_words_at_end(text, ind_s, ind_e);

		/* 增长 under 年均: 年均增长6%左右, unless the name says 年均 itself */
		if (per_year && change > 0 && !(change >= 6 && memcmp(text + ind_e - change, "年均", 6) == 0))
		{
			memcpy(lit, "年均", 6);
			litlen = 6;
		}
		memcpy(lit + litlen, text + ind_e - change, change);
		litlen += change;
	}
	memcpy(lit + litlen, p, num_end - (size_t) (p - (const unsigned char *) text));
	litlen += num_end - (size_t) (p - (const unsigned char *) text);
	/* 1.2万 under 人: the multipliers go before the column's unit (1.2万人) */
	{
		const unsigned char *q = (const unsigned char *) text + num_end;
		const unsigned char *next;

		while (q < end && pd_multiplier_pow10(pd_fold(pd_peek(q, end, &next))) > 0)
			q = next;
		memcpy(lit + litlen, text + num_end, (size_t) (q - (const unsigned char *) text) - num_end);
		litlen += (size_t) (q - (const unsigned char *) text) - num_end;
		num_end = (size_t) (q - (const unsigned char *) text);
	}
	if (unit_e > unit_s && !(unit_e - unit_s == 3 && memcmp(text + unit_s, "\xE2\x80\x94", 3) == 0) &&
		!(unit_e - unit_s == 1 && text[unit_s] == '-') &&
		!value_has_unit(text, num_end, (size_t) (end - (const unsigned char *) text)))
	{
		memcpy(lit + litlen, text + unit_s, unit_e - unit_s);
		litlen += unit_e - unit_s;
	}
	memcpy(lit + litlen, text + num_end, (size_t) (end - (const unsigned char *) text - num_end));
	litlen += (size_t) (end - (const unsigned char *) text - num_end);
	if (pd_target_parse(lit, litlen, &hit->target, NULL) != PD_OK)
		return;

	hit->year = t->year;
	hit->period = hit->target.per_year ? PD_PERIOD_ANNUAL : t->year ? PD_PERIOD_BY_YEAR : PD_PERIOD_NONE;
	hit->aspirational = false;
	hit->goal_kind = PD_GOAL_LEVEL;	/* a growth value becomes a change where it is emitted */
	hit->raw_start = row_s;
	hit->raw_end = row_e;
	while (hit->raw_end > hit->raw_start && (text[hit->raw_end - 1] == '\r' || text[hit->raw_end - 1] == ' '))
		hit->raw_end--;
	if (pre_len)
		memcpy(hit->indicator, text + pre[0], pre_len);
	memcpy(hit->indicator + pre_len, text + ind_s, ind_e - ind_s);
	hit->indicator_len = pre_len + ind_e - ind_s;
	hit->indicator[hit->indicator_len] = '\0';
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
	if (!(t->sep == PD_SEP_SPACES && n != t->ncols))
		row_target(text, cells, n, ls, le, t, NULL, hit);
	return 1;
}

/* a cell under a year or 目标值 column: a number, a dash, or a target in words */
static const pd_word word_value_words[] = {{"任务"}, {"目标"}, {"下达"}, {"完成"}, {"保持"}, {"稳定"}};
static pd_wordtab word_value_words_tab = PD_WORDTAB(word_value_words);

static bool
is_number_char(uint32_t cp)
{
	return pd_digit(cp) >= 0 || cp == '.' || cp == ',' || cp == '-' || cp == '~' || cp == '%' ||
		cp == 0x2030 || cp == 0x2014 || cp == 0x2013 || cp == 0x81F3 ||	/* ‰ — – 至 */
		cp == ']' || cp == ')' || cp == 0x3015 || cp == 0x3011;	/* 〕 】 */
}

static bool
is_value_cell(const char *text, size_t s, size_t e)
{
	/* what may stand before the number, and the words that may follow it */
	static const uint32_t before[] = {'>', '<', '=', '~', '+', '[', '(', 0x2265, 0x2264, 0x2248,
	0x3014, 0x3010, 0x7EA6, 0};	/* ≥ ≤ ≈ 〔 【 约 */
	static const uint32_t after[] = {0x4EE5, 0x4E0A, 0x4E0B, 0x5185, 0x5DE6, 0x53F3, 0x4E07, 0x4EBF,
		0x5343, 0x767E, 0x4F59, 0x591A, 0x500D, 0x4E2A, 0x5206, 0x70B9, 0};	/* 以上下内左右万亿千百余多倍个分点 */
	uint32_t	c[CELL_CPS];
	int			n = cell_cps(text, s, e, c, CELL_CPS),
				i = 0;
	bool		digits = false;

	for (int k = 0; k < n; k++)
		digits |= pd_digit(c[k]) >= 0;
	if (!digits)
	{
		if (n == 1 && (c[0] == '-' || c[0] == 0x2014 || c[0] == 0x2013 || c[0] == 0x2015 || c[0] == '/'))
			return true;
		if (n == 2 && c[0] == 0x2014 && c[1] == 0x2014)
			return true;
		return n >= 4 && pd_cell_has_word(text, s, e, &word_value_words_tab);
	}
	/*
	 * ≥95, [14], 约5, 6左右, 1.2万以上, and in a table with no unit column
	 * 66件左右, 增长5%左右; not 5G基站数
	 */
	i = change_words_at_start(c, n);
	while (i < n && pd_digit(c[i]) < 0 && cp_in(before, c[i]))
		i++;
	if (i == n || pd_digit(c[i]) < 0)
		return false;
	while (i < n && is_number_char(c[i]))
		i++;
	i += pd_read_text_unit(c, i, n);
	for (; i < n; i++)
		if (!cp_in(after, c[i]))
			return false;
	return true;
}

/* an indicator's name has words in it (5G基站数), a value has none */
static bool
has_han(const char *text, size_t s, size_t e)
{
	uint32_t	c[CELL_CPS];
	int			n = cell_cps(text, s, e, c, CELL_CPS);

	for (int i = 0; i < n; i++)
		if (pd_is_han_bmp(c[i]))
			return true;
	return false;
}

/*
 * Do the cells of a row printed one cell per line sit in their columns?
 * Blank cells are not printed, so a row may be short, and a category
 * (经济发展) printed before its first row makes it long: the row is
 * aligned on its last cell, and read only when its unit cell is short, its
 * indicator has words in it and its value columns hold values.
 */
static bool
row_fits(const char *text, size_t cells[][2], const pd_indicator_table *t)
{
	size_t		s,
				e;

	if (!has_han(text, cells[t->indicator_col][0], cells[t->indicator_col][1]))
		return false;
	if (t->unit_col >= 0)
	{
		s = cells[t->unit_col][0];
		e = cells[t->unit_col][1];
		if (e > s && (pd_u8_count(text + s, e - s) > 8 ||
					  (is_value_cell(text, s, e) && !has_han(text, s, e)) ||
					  pd_has_sentence_end((const unsigned char *) text + s, (const unsigned char *) text + e)))
			return false;
	}
	for (int k = 0; k < t->ncols; k++)
		if ((t->value_cols & (1u << k)) && cells[k][1] > cells[k][0] &&
			!is_value_cell(text, cells[k][0], cells[k][1]))
			return false;
	return true;
}

/*
 * A page number a PDF's text keeps between the cells of a row: — 5 —,
 * - 12 -, 第5页.  Not a bare 5, which is a value.
 */
static bool
is_page_number(const char *text, size_t s, size_t e)
{
	uint32_t	c[CELL_CPS];
	int			n = cell_cps(text, s, e, c, CELL_CPS),
				i = 0,
				j,
				digits = 0;

	while (i < n && (c[i] == '-' || c[i] == 0x2014 || c[i] == 0x2013))
		i++;
	j = n;
	while (j > i && (c[j - 1] == '-' || c[j - 1] == 0x2014 || c[j - 1] == 0x2013))
		j--;
	if (i > 0 && j < n)
	{
		for (int k = i; k < j; k++)
			if (pd_digit(c[k]) < 0)
				return false;
		return j - i >= 1 && j - i <= 4;
	}
	/* 第5页 */
	if (n < 3 || c[0] != 0x7B2C || c[n - 1] != 0x9875)
		return false;
	for (int k = 1; k < n - 1; k++)
		digits += pd_digit(c[k]) >= 0;
	return digits == n - 2;
}

/* a long line (6 characters or more, words) before a short one (4 or fewer): one name wrapped */
static bool
name_wrapped(const char *text, const size_t *head, const size_t *tail)
{
	return pd_u8_count(text + head[0], head[1] - head[0]) >= 6 &&
		pd_u8_count(text + tail[0], tail[1] - tail[0]) <= 4 &&
		has_han(text, head[0], head[1]) && !is_value_cell(text, head[0], head[1]);
}

/*
 * Put the k cells got[] of a row in their columns, aligned on the last one;
 * column blank (when >= 0) is taken as printed blank, leftmost columns
 * without a cell are blank too.
 */
static void
align_row(size_t got[][2], int k, const pd_indicator_table *t, int blank, size_t cells[][2])
{
	int			g = k - 1;

	for (int j = t->ncols - 1; j >= 0; j--)
	{
		if (j == blank || g < 0)
			cells[j][0] = cells[j][1] = got[0][0];
		else
		{
			cells[j][0] = got[g][0];
			cells[j][1] = got[g][1];
			g--;
		}
	}
}

/*
 * A row of a table with no 属性 column whose base value (2020年, 现状) was
 * left blank: its k lines hold the row's k - 1 cells and then the next
 * row's name.  Aligns the k - 1 cells in cells[] with one value column
 * other than the target blank and says whether they fit.
 */
static bool
short_row(const char *text, size_t got[][2], int k, const pd_indicator_table *t, size_t cells[][2])
{
	uint32_t	c[CELL_CPS];
	int			n;

	if (k < 3 || !has_han(text, got[k - 1][0], got[k - 1][1]) ||
		is_value_cell(text, got[k - 1][0], got[k - 1][1]))
		return false;
	/* not a heading after the table's last row: 二、重点任务 */
	n = cell_cps(text, got[k - 1][0], got[k - 1][1], c, CELL_CPS);
	for (int i = 0; i < n; i++)
		if (c[i] == 0x3001)
			return false;
	for (int b = 0; b < t->ncols; b++)
	{
		if (b == t->target_col || !(t->value_cols & (1u << b)))
			continue;
		align_row(got, k - 1, t, b, cells);
		if (cells[t->target_col][1] > cells[t->target_col][0] && row_fits(text, cells, t))
			return true;
	}
	return false;
}

int
pd_indicator_row_lines(const char *text, size_t ls, size_t len, const pd_indicator_table *t,
					   pd_target_hit *hit, size_t *next)
{
	size_t		got[PD_TABLE_MAX_COLS + 2][2];
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			k = 0;
	size_t		p = ls;
	bool		by_attr = t->attr_col == t->ncols - 1;
	bool		skipped = false;

	hit->indicator_len = 0;
	*next = ls;
	while (p < len)
	{
		size_t		s,
					e,
					after = cell_line(text, p, len, &s, &e);

		if (e > s && !is_page_number(text, s, e))
		{
			/* a sentence (注：…), a long line or a row that never ends: the table has ended */
			if (e - s > 120 || k == t->ncols + 1 ||
				pd_has_sentence_end((const unsigned char *) text + s, (const unsigned char *) text + e))
				return 0;
			got[k][0] = s;
			got[k][1] = e;
			k++;
			if (by_attr ? pd_cell_is_word(text, s, e, &attr_words_tab) : k == t->ncols)
			{
				int			shift = k - t->ncols;
				const size_t *wrapped = NULL;

				*next = after;
				align_row(got, k, t, -1, cells);
				/*
				 * One line too many: a category before the row (经济发展), or
				 * an indicator's name wrapped (单位地区生产总值二氧化碳排放 /
				 * 降低): a short tail after a long line is a wrapped name.
				 */
				if (shift == 1 && name_wrapped(text, got[t->indicator_col], got[t->indicator_col + 1]))
				{
					wrapped = got[t->indicator_col];
					for (int j = 0; j < t->indicator_col; j++)
					{
						cells[j][0] = got[j][0];
						cells[j][1] = got[j][1];
					}
				}
				/* short by a blank unit cell: 森林覆盖率（%） | | 52.5 | 55以上 */
				if (shift < 0 && t->unit_col >= 0 && !row_fits(text, cells, t))
					align_row(got, k, t, t->unit_col, cells);
				if (row_fits(text, cells, t))
					row_target(text, cells, t->ncols, got[shift > 0 && !wrapped ? shift : 0][0], e, t,
							   wrapped, hit);
				else if (!by_attr && shift == 0 && short_row(text, got, k, t, cells))
				{
					/* a blank base cell: the last line is the next row's name */
					row_target(text, cells, t->ncols, got[0][0], got[k - 2][1], t, NULL, hit);
					*next = p;
				}
				else if (!by_attr && !skipped)
				{
					/* a category before the row: the row starts a line later */
					memmove(got, got + 1, (size_t) (k - 1) * sizeof(got[0]));
					k--;
					skipped = true;
					p = after;
					continue;
				}
				else if (!by_attr)
				{
					*next = ls;
					return 0;	/* no row: the table has ended */
				}
				return 1;
			}
		}
		p = after;
	}
	return 0;
}
