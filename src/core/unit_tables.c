/*
 * unit_tables.c — the glue between task-division tables (重点任务分工表,
 * pd_table.h) and the unit parser, and the units of one item of a
 * segmented document (pd_item_units).
 *
 * A table row's unit cells are read as one labelled list, each cell under
 * its header's label, as if the row said 牵头单位：A；配合单位：B、C; then the
 * item's own text is scanned for brackets, and a standing rule's implicit
 * unit is added.
 *
 * Owns: that glue.  Must not: parse tables (table.c finds headers and
 * cells; it knows labels only through pd_unit_labels.h, below this
 * module), nor brackets or names itself (unit_brackets.c, unit_names.c).
 */
#include "pd_units_int.h"
#include "pd_segment.h"

#include <string.h>

/*
 * Put the unit cells of one line of a table row into P->b, each after its
 * header's label and a colon and followed by a ;.  Returns -1 when the
 * buffer is full, else the number of cells put.
 */
static int
put_unit_cells(uparse *P, const pd_table *t, const char *text, size_t cells[][2], int ncells)
{
	ubuf	   *b = &P->b;
	int			put = 0;

	for (int c = 0; c < ncells && c < t->ncols; c++)
	{
		uint32_t	head[64];
		int			hn,
					hs = 0,
					lab,
					lcps_n;
		const uint32_t *lcps;

		if (!t->unit_col[c] || cells[c][1] <= cells[c][0])
			continue;
		/* the header's label, folded: 牽頭單位 and 牵头单位 are one label */
		hn = pd_unit_decode_folded(text, t->col_start[c], t->col_end[c], head, NULL, 64);
		while (hs < hn && (pd_is_space(head[hs]) || head[hs] == '*'))
			hs++;
		if (pd_unit_label_at(head, hs, hn, &lab) == 0)
			continue;
		lcps_n = pd_unit_label_cps(lab, &lcps);
		for (int k = 0; k < lcps_n; k++)
			if (!pdu_ubuf_put(b, lcps[k], cells[c][0]))
				return -1;
		if (!pdu_ubuf_put(b, ':', cells[c][0]) ||
			!pdu_ubuf_append(b, text, cells[c][0], cells[c][1]) ||
			!pdu_ubuf_put(b, ';', cells[c][1]))
			return -1;
		put++;
	}
	return put;
}

/* does the cell text[s, e) read as a list of units (市发展改革委、市财政局等)? */
static bool
cell_names_units(const char *text, size_t s, size_t e)
{
	uint32_t	c[160];
	int			n = pd_unit_decode_folded(text, s, e, c, NULL, 160),
				names = 0;

	if (n == 160)
		return false;			/* a task's text, not a list of names */
	for (int i = 0; i < n;)
	{
		int			j = i,
					k;

		while (j < n && c[j] != 0x3001 && c[j] != ',' && c[j] != ';')
			j++;
		k = j;
		while (k > i && (pd_is_space(c[k - 1]) || c[k - 1] == 0x7B49))	/* 等 */
			k--;
		while (i < k && pd_is_space(c[i]))
			i++;
		if (k > i)
		{
			if (!pdu_unit_like(c + i, k - i, true))
				return false;
			names++;
		}
		i = j + 1;
	}
	return names > 0;
}

/*
 * A row printed one cell per line with fewer cells than columns: a blank
 * cell is not printed, so which column is blank must be told from what the
 * cells hold.  Cells keep their order; the task column takes any cell, a
 * cell that names units goes under a unit column, one that does not
 * (2025年底前, 持续推进) under another, the number under 序号.  The first
 * alignment where every cell fits is taken (a blank 配合单位 is likelier
 * than a blank 牵头单位, and the earliest column wins); false when none
 * fits: then no column is trusted.
 */
static bool
align_short_row(const pd_table *t, const char *text, size_t got[][2], int m, size_t cells[][2])
{
	int			n = t->ncols;
	int			fits[PD_TABLE_MAX_COLS][PD_TABLE_MAX_COLS];
	bool		ok[PD_TABLE_MAX_COLS + 1][PD_TABLE_MAX_COLS + 1];

	if (m < 2 || m >= n)
		return false;
	for (int i = 0; i < m; i++)
	{
		bool		units = cell_names_units(text, got[i][0], got[i][1]);

		for (int j = 0; j < n; j++)
			fits[i][j] = j == t->number_col ? pd_table_row_number(text, got[i][0], got[i][1]) >= 0 :
				j == t->task_col || t->unit_col[j] == units;
	}
	/* ok[i][j]: cells i.. can be placed in columns j.. */
	for (int i = m; i >= 0; i--)
		for (int j = n; j >= 0; j--)
			ok[i][j] = i == m ? true : j == n ? false :
				(fits[i][j] && ok[i + 1][j + 1]) || (n - j > m - i && ok[i][j + 1]);
	if (!ok[0][0])
		return false;
	for (int i = 0, j = 0; j < n; j++)
	{
		if (i < m && fits[i][j] && ok[i + 1][j + 1])
		{
			cells[j][0] = got[i][0];
			cells[j][1] = got[i][1];
			i++;
		}
		else
			cells[j][0] = cells[j][1] = got[i < m ? i : m - 1][0];
	}
	return true;
}

/*
 * The unit cells of a table row (pd_table.h), read as one labelled list:
 * each cell under its header's label, as if the row said 牵头单位：A；配合单位：B、C.
 * The labels and colons put in are not text; they take the offset of the
 * cell they label, and no unit spans them.  A row whose cells wrap goes on
 * in lines whose number cell is empty (tab- or |-separated tables keep
 * empty cells, so their columns still line up): those cells are read too.
 * A row of a table printed one cell per line that misses a cell is aligned
 * on what its cells hold (align_short_row).
 */
static void
table_row_units(uparse *P, const pd_doc *doc, const pd_item *it)
{
	const pd_table *t = &doc->tables[it->table - 1];
	const char *text = doc->text;
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			any = 0,
				r;

	P->b.base = it->marker_start;
	P->b.n = 0;
	if (t->sep == PD_SEP_LINES)
	{
		size_t		got[PD_TABLE_MAX_COLS][2];
		int			m = pd_split_cells(text, it->marker_start, it->own_end, PD_SEP_LINES, got,
									   PD_TABLE_MAX_COLS);

		if (m >= t->ncols)
			memcpy(cells, got, sizeof(cells));
		else if (!align_short_row(t, text, got, m, cells))
			return;
		if ((any = put_unit_cells(P, t, text, cells, t->ncols)) < 0)
			return;
	}
	else
	{
		for (size_t rs = it->marker_start; rs < it->own_end;)
		{
			const char *nl = memchr(text + rs, '\n', it->own_end - rs);
			size_t		re = nl ? (size_t) (nl - text) : it->own_end;
			int			ncells = pd_split_cells(text, rs, re, t->sep, cells, PD_TABLE_MAX_COLS);

			if (rs > it->marker_start &&
				(t->sep == PD_SEP_SPACES || ncells < 2 || t->number_col < 0 ||
				 cells[t->number_col][1] > cells[t->number_col][0]))
				break;			/* not the row's own continuation */
			if ((r = put_unit_cells(P, t, text, cells, ncells)) < 0)
				return;
			any += r;
			rs = re + 1;
		}
	}
	if (any > 0)
		(void) pdu_parse_group(P, -1, 0, it->marker_start, it->own_end);
}

pd_status
pd_item_units(const pd_doc *doc, int item, const pd_unit_rules *rules,
			  pd_interrupt_fn interrupt, void *interrupt_ctx,
			  pd_unit_list *list, pd_error *err)
{
	const pd_item *it = &doc->items[item];
	pd_units_opts opts = {rules, true, interrupt, interrupt_ctx};
	uparse	   *P;
	pd_status	st;

	pd_unit_list_reset(list);
	P = pdu_parser_begin(doc->text, &opts, list, err);
	if (P == NULL)
		return PD_ENOMEM;
	if (it->table > 0)
		table_row_units(P, doc, it);
	if (P->status == PD_OK)
		pdu_units_scan(P, it->marker_start, it->own_end);
	if (P->status == PD_OK)
		P->status = pdu_finish_span(P, 0);
	st = P->status;
	if (st != PD_OK)
		return st;
	if (rules && rules->has_implicit &&
		!pd_unit_list_has(list, rules->implicit_unit, rules->implicit_len))
	{
		st = pd_unit_list_add(list, rules->implicit_unit, rules->implicit_len, PD_ROLE_IMPLICIT,
							  rules->implicit_rule_start, rules->implicit_rule_end, err);
		if (st == PD_OK)
			list->units[list->n - 1].group_end = rules->implicit_rule_end;
	}
	return st;
}

/*
 * Every word table of the unit module is well formed (pd_wordtab_check):
 * each file checks its own; here, at the top of the module, all of them.
 */
bool
pd_units_selfcheck(void)
{
	return pd_unit_labels_selfcheck() && pdu_names_selfcheck() && pdu_kinds_selfcheck() &&
		pdu_brackets_selfcheck() && pdu_rules_selfcheck();
}
