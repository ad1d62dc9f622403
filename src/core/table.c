/*
 * table.c — task-division tables printed as text (pd_table.h).  Backend-free.
 *
 * Only the shape of a table is judged here: its separator, its cells, its
 * header and the number of a row.  Which header cells are unit labels is
 * the labels' knowledge (pd_unit_label_cell, unit_labels.c: the lowest
 * piece of the unit module, which depends on nothing but the word engine),
 * so both agree on one list of labels.  The rest of the unit module reads
 * tables (unit_tables.c); this file never calls into it.
 */
#include "pd_table.h"
#include "pd_scan.h"
#include "pd_unit_labels.h"

#include <string.h>

#define CP_IDEO_SPACE 0x3000

/* a run of at least two spaces (ASCII or U+3000) starts at p: its end, or NULL */
static const unsigned char *
space_run(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q = p;
	int			n = 0;

	for (;;)
	{
		const unsigned char *next;
		uint32_t	cp = pd_peek(q, end, &next);

		if (cp != ' ' && cp != CP_IDEO_SPACE)
			break;
		n++;
		q = next;
	}
	return n >= 2 ? q : NULL;
}

pd_cell_sep
pd_cell_separator(const char *text, size_t ls, size_t le)
{
	const unsigned char *p = (const unsigned char *) text + ls;
	const unsigned char *end = (const unsigned char *) text + le;
	const unsigned char *first;
	int			pipes = 0;

	/* leading indentation is no separator */
	p = pd_skip_decoration(p, end);
	if (memchr(p, '\t', (size_t) (end - p)) != NULL)
		return PD_SEP_TAB;
	for (const unsigned char *q = p; (q = memchr(q, '|', (size_t) (end - q))) != NULL; q++)
		pipes++;
	if (pipes >= 2)
		return PD_SEP_PIPE;
	first = p;
	while (p < end)
	{
		const unsigned char *next;
		uint32_t	cp = pd_peek(p, end, &next);

		if ((cp == ' ' || cp == CP_IDEO_SPACE) && p > first)
		{
			const unsigned char *r = space_run(p, end);

			if (r != NULL && r < end)
				return PD_SEP_SPACES;
			if (r != NULL)
				break;			/* trailing spaces only */
		}
		p = next;
	}
	return PD_SEP_NONE;
}

/* trim spaces (and markdown emphasis) around text[*s, *e) */
static void
trim_cell(const char *text, size_t *s, size_t *e)
{
	const unsigned char *t = (const unsigned char *) text;

	*s = (size_t) (pd_skip_decoration(t + *s, t + *e) - t);
	*e = (size_t) (pd_trim_decoration_end(t + *s, t + *e) - t);
	while (*e > *s && t[*e - 1] == '\r')
		*e = (size_t) (pd_trim_decoration_end(t + *s, t + *e - 1) - t);
}

int
pd_split_cells(const char *text, size_t ls, size_t le, pd_cell_sep sep,
			   size_t cells[][2], int max)
{
	const unsigned char *t = (const unsigned char *) text;
	const unsigned char *p = t + ls;
	const unsigned char *end = t + le;
	const unsigned char *cs;
	int			n = 0;

	if (max <= 0)
		return 0;
	if (sep == PD_SEP_LINES)
	{
		/* one cell per line, blank lines skipped */
		while (p < end && n < max)
		{
			const unsigned char *nl = memchr(p, '\n', (size_t) (end - p));
			const unsigned char *e = nl ? nl : end;
			size_t		s0 = (size_t) (p - t),
						e0 = (size_t) (e - t);

			trim_cell(text, &s0, &e0);
			if (e0 > s0)
			{
				cells[n][0] = s0;
				cells[n][1] = e0;
				n++;
			}
			p = nl ? nl + 1 : end;
		}
		return n;
	}

	/*
	 * Indentation goes, but a tab at the start is a separator: an empty
	 * first cell (a row that wrapped) keeps the columns in line.
	 */
	while (p < end && (*p == ' ' || (*p == '\t' && sep != PD_SEP_TAB)))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\r' || (end[-1] == '\t' && sep != PD_SEP_TAB)))
		end--;
	if (sep == PD_SEP_PIPE)
	{
		/* | a | b |: the outer pipes frame the row */
		if (p < end && *p == '|')
			p++;
		if (end > p && end[-1] == '|')
			end--;
	}
	cs = p;
	while (p < end && n < max - 1)
	{
		const unsigned char *next;
		const unsigned char *after = NULL;
		uint32_t	cp = pd_peek(p, end, &next);

		if (sep == PD_SEP_TAB && cp == '\t')
			after = next;
		else if (sep == PD_SEP_PIPE && cp == '|')
			after = next;
		else if (sep == PD_SEP_SPACES && (cp == ' ' || cp == CP_IDEO_SPACE))
			after = space_run(p, end);
		if (after == NULL)
		{
			p = next;
			continue;
		}
		cells[n][0] = (size_t) (cs - t);
		cells[n][1] = (size_t) (p - t);
		trim_cell(text, &cells[n][0], &cells[n][1]);
		n++;
		p = cs = after;
	}
	cells[n][0] = (size_t) (cs - t);
	cells[n][1] = (size_t) (end - t);
	trim_cell(text, &cells[n][0], &cells[n][1]);
	return n + 1;
}

/* the header of a 序号 column */
static const pd_word number_words[] = {{"序号"}, {"编号"}, {"序"}, {"No."}, {"NO."}, {"No"}, {"NO"}};
static pd_wordtab number_words_tab = PD_WORDTAB(number_words);

bool
pd_cell_has_word(const char *text, size_t s, size_t e, pd_wordtab *words)
{
	const unsigned char *t = (const unsigned char *) text;

	return pd_word_find_text(words, t + s, t + e, NULL, NULL) != NULL;
}

bool
pd_cell_is_word(const char *text, size_t s, size_t e, pd_wordtab *words)
{
	const unsigned char *t = (const unsigned char *) text;

	return pd_text_is_word(words, t + s, t + e);
}

/* the header of the task column */
static const pd_word task_words[] = {{"任务"}, {"事项"}, {"措施"}, {"举措"}, {"内容"}, {"工作"}, {"项目"}, {"名称"}};
static pd_wordtab task_words_tab = PD_WORDTAB(task_words);

/*
 * Name the columns of a header whose n cells are cells[]: which is the
 * 序号, which name units, which the task.  False when it is no header.
 */
static bool
classify_header(const char *text, size_t cells[][2], int n, pd_table *t)
{
	int			units = 0;

	if (n < 3)
		return false;
	t->ncols = n;
	t->number_col = -1;
	t->task_col = -1;
	for (int i = 0; i < n; i++)
	{
		t->col_start[i] = cells[i][0];
		t->col_end[i] = cells[i][1];
		t->unit_col[i] = false;
		if (cells[i][1] - cells[i][0] > 96)
			return false;		/* a header cell is a few words and a note */
		if (pd_unit_label_cell(text + cells[i][0], cells[i][1] - cells[i][0]))
		{
			t->unit_col[i] = true;
			units++;
		}
		else if (t->number_col < 0 && i == 0 && pd_cell_is_word(text, cells[i][0], cells[i][1], &number_words_tab))
			t->number_col = i;
		else if (t->task_col < 0 && pd_cell_has_word(text, cells[i][0], cells[i][1], &task_words_tab))
			t->task_col = i;
	}
	if (units == 0 || (t->number_col < 0 && t->task_col < 0))
		return false;
	if (t->task_col < 0)
	{
		/* no column says 任务: the first one that is neither number nor units */
		for (int i = 0; i < n && t->task_col < 0; i++)
			if (i != t->number_col && !t->unit_col[i])
				t->task_col = i;
		if (t->task_col < 0)
			return false;
	}
	return true;
}

bool
pd_table_header(const char *text, size_t ls, size_t le, pd_table *t)
{
	size_t		cells[PD_TABLE_MAX_COLS][2];
	pd_cell_sep sep = pd_cell_separator(text, ls, le);

	if (sep == PD_SEP_NONE)
		return false;
	memset(t, 0, sizeof(*t));
	t->sep = sep;
	return classify_header(text, cells, pd_split_cells(text, ls, le, sep, cells, PD_TABLE_MAX_COLS), t);
}

bool
pd_table_header_lines(const char *text, size_t ls, size_t len, pd_table *t)
{
	const unsigned char *base = (const unsigned char *) text;
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			n = 0;

	for (size_t p = ls; p < len;)
	{
		const unsigned char *nl = memchr(base + p, '\n', len - p);
		size_t		e = nl ? (size_t) (nl - base) : len;
		size_t		s0 = p,
					e0 = e;

		trim_cell(text, &s0, &e0);
		p = nl ? e + 1 : len;
		if (e0 == s0)
			continue;			/* blank lines between the cells */
		if (n == 0 && !pd_cell_is_word(text, s0, e0, &number_words_tab))
			return false;
		if (n > 0 && pd_table_row_number(text, s0, e0) == 1)
		{
			/* the first row: the header is complete */
			memset(t, 0, sizeof(*t));
			t->sep = PD_SEP_LINES;
			return classify_header(text, cells, n, t) && t->number_col == 0;
		}
		if (n == PD_TABLE_MAX_COLS || e0 - s0 > 96 || pd_has_sentence_end(base + s0, base + e0))
			return false;
		cells[n][0] = s0;
		cells[n][1] = e0;
		n++;
	}
	return false;
}

long
pd_table_row_number(const char *text, size_t cs, size_t ce)
{
	const unsigned char *p = (const unsigned char *) text + cs;
	const unsigned char *end = (const unsigned char *) text + ce;
	const unsigned char *next;
	long		v;
	uint32_t	cp;

	if (p >= end)
		return -1;
	cp = pd_peek(p, end, &next);
	if (pd_is_open_bracket(cp))
	{
		/* （三） (3) */
		const unsigned char *q = end;
		const unsigned char *prev = p;

		for (const unsigned char *r = next; r < end; r = q)
		{
			prev = r;
			(void) pd_peek(r, end, &q);
		}
		if (prev <= p || !pd_is_close_bracket(pd_peek(prev, end, &q)))
			return -1;
		p = next;
		end = prev;
		if (p >= end)
			return -1;
		cp = pd_peek(p, end, &next);
	}
	if (pd_digit(cp) >= 0)
	{
		if (pd_read_digits(&p, end, &v) > 6)
			return -1;
	}
	else if ((v = pd_read_cn(&p, end)) < 0)
		return -1;
	if (p < end)
	{
		cp = pd_peek(p, end, &next);
		if (pd_is_dot(cp) || cp == CP_DUN)
			p = next;
	}
	return p == end ? v : -1;
}
