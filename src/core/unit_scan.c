/*
 * unit_scan.c — the span scanner: which brackets and labelled lists of a
 * text are read as groups of units (pd_units_extract).
 *
 * One pass over the span looks only at ( ) （ ） : ： and 】, found with
 * memchr (see find_event).  Opens go on a small stack; a close evaluates
 * the bracket it closes (innermost first).  When an outer bracket is
 * accepted, units of accepted brackets inside it are dropped again (the
 * outer reading wins: 主（協）辦機關 and 西部（重庆）科学城管委会 hold brackets
 * of their own).  A colon outside brackets preceded by a label at a line or
 * sentence start (主辦機關：…, 责任单位：…, 【牵头单位】…) starts a labelled
 * list that runs to the end of the line or sentence.  The span's units are
 * then renumbered in document order and, if asked, merged by name.
 *
 * Owns: those choices and pd_units_extract.  Must not: read a group's
 * content (unit_brackets.c does), nor know documents' rules or tables.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE			/* memmem */
#endif
#include "pd_units_int.h"

#include <string.h>

static void
drop_inner(pd_unit_list *L, int before, int after, size_t cs)
{
	int			k = before;

	while (k > 0 && L->units[k - 1].raw_start >= cs)
		k--;
	if (k == before)
		return;
	memmove(&L->units[k], &L->units[before], (size_t) (after - before) * sizeof(pd_unit));
	L->n = k + (after - before);
}

static uint32_t cp_before_spaces(const char *text, size_t lo, size_t q, bool markdown);

/* a sentence end: 。 ； ; ！ ？ ! ? or a line break */
static bool
is_sentence_end_cp(uint32_t cp)
{
	return cp == CP_JUHAO || cp == ';' || cp == '!' || cp == '?' || cp == '\n' || cp == '\r';
}

/*
 * Does the bracket text[open, close_end) end its sentence — a sentence end,
 * the end of the span or of the text after it, spaces aside — or stand
 * after one?
 */
static bool
closes_sentence(const uparse *P, size_t open, size_t close_end)
{
	const unsigned char *t = (const unsigned char *) P->text;
	const unsigned char *q = t + close_end;
	const unsigned char *end = t + P->span_end;
	uint32_t	cp = 0;

	while (q < end && ((cp = pd_fold(pd_u8_next(&q, end))) == ' ' || cp == '\t' || cp == 0x3000))
		cp = 0;
	if (cp == 0 || is_sentence_end_cp(cp))
		return true;
	cp = cp_before_spaces(P->text, P->span_start, open, false);
	return cp == 0 || is_sentence_end_cp(cp);
}

/* read the bracket text[cs, ce) (the content between the brackets) */
static void
eval_bracket(uparse *P, size_t open, size_t cs, size_t ce, size_t close_end, int flags)
{
	int			before = P->list->n;

	/*
	 * A quick no for item markers and asides — （一） （含） （试行）: the
	 * shortest responsibility bracket is a two-character name and a
	 * two-character verb (A局负责), at least 8 bytes in any encoding.
	 */
	if (ce - cs < 8 || ce - cs > PD_UNIT_GROUP_MAX_BYTES || !pdu_ubuf_fill(&P->b, P->text, cs, ce))
		return;
	if (closes_sentence(P, open, close_end))
		flags |= G_CLOSES_SENTENCE;
	if (pdu_parse_group(P, -1, flags, open, close_end))
		drop_inner(P->list, before, P->list->n, cs);
}

/* code point before byte position q (>= lo), and where it starts */
uint32_t
pdu_prev_cp(const char *text, size_t lo, size_t q, size_t *start)
{
	const unsigned char *t = (const unsigned char *) text;
	size_t		s = q;
	const unsigned char *p;

	if (q <= lo)
	{
		*start = lo;
		return 0;
	}
	s--;
	while (s > lo && (t[s] & 0xC0) == 0x80 && q - s < 4)
		s--;
	p = t + s;
	*start = s;
	return pd_fold(pd_u8_next(&p, t + q));
}

/*
 * The code point before text[q] once spaces (and, with markdown, the ** and
 * # of emphasis and headings) are passed over; 0 at lo.
 */
static uint32_t
cp_before_spaces(const char *text, size_t lo, size_t q, bool markdown)
{
	uint32_t	cp;
	size_t		s;

	do
	{
		cp = pdu_prev_cp(text, lo, q, &s);
		q = s;
	} while (cp == ' ' || cp == '\t' || cp == 0x3000 || (markdown && (cp == '*' || cp == '#')));
	return cp;
}

/* a sentence or line starts here: the labelled list may begin */
static bool
is_list_boundary(uint32_t cp)
{
	return cp == 0 || is_sentence_end_cp(cp) || cp == ')' || cp == 0x3011 || cp == ']' || cp == '>' ||
		cp == 0x3010 || cp == '[';	/* 【责任单位：A、B】 */
}

/*
 * A label ending at text[q] (just before a ： or 】): returns it (its index
 * in label_words) and sets *lstart, or -1.  With `bracketed` the label must follow a 【, otherwise
 * it must start a line or a sentence.
 */
static int
label_ending_at(const char *text, size_t lo, size_t q, bool bracketed, size_t *lstart)
{
	uint32_t	rev[12];
	size_t		starts[12];
	uint32_t	fwd[12];
	int			n = 0,
				len;
	size_t		p = q,
				s;
	uint32_t	cp;
	int			lab = -1;

	/* up to 12 code points back, skipping ** before the colon */
	while (n < 12 && p > lo)
	{
		cp = pdu_prev_cp(text, lo, p, &s);
		if (n == 0 && (cp == '*' || pd_is_space(cp)))
		{
			p = s;
			continue;
		}
		rev[n] = cp;
		starts[n] = s;
		n++;
		p = s;
	}
	for (int k = 0; k < n; k++)
		fwd[k] = rev[n - 1 - k];
	len = pd_unit_label_before(fwd, 0, n, &lab);
	if (len == 0)
		return -1;
	*lstart = starts[len - 1];
	cp = cp_before_spaces(text, lo, *lstart, true);
	if (bracketed ? cp != 0x3010 : !is_list_boundary(cp))
		return -1;
	return lab;
}

/* does a label and its colon start the line at text[p]? (lists that go on) */
static bool
line_starts_with_label(uparse *P, size_t p, size_t end)
{
	uint32_t	c[16];
	const unsigned char *q = (const unsigned char *) P->text + p;
	const unsigned char *qe = (const unsigned char *) P->text + end;
	int			n = 0,
				len;
	int			lab;

	while (q < qe && n < 16)
	{
		uint32_t	cp = pd_fold(pd_u8_next(&q, qe));

		if (n == 0 && (pd_is_space(cp) || cp == '*'))
			continue;
		c[n++] = cp;
	}
	len = pd_unit_label_at(c, 0, n, &lab);
	while (len > 0 && len < n && (c[len] == '*' || pd_is_space(c[len])))
		len++;
	return len > 0 && len < n && c[len] == ':';
}

/*
 * A labelled list in running text after text[after] (a ： or 】): up to the
 * end of the sentence or line, going on while the next line starts with a
 * label.  Returns where scanning resumes.
 */
static size_t
eval_running_list(uparse *P, int lab, size_t lstart, size_t after, size_t end)
{
	const unsigned char *t = (const unsigned char *) P->text;
	size_t		q = after,
				limit = after + PD_UNIT_GROUP_MAX_BYTES < end ? after + PD_UNIT_GROUP_MAX_BYTES : end;
	int			depth = 0,
				lenticular = 0;

	while (q < limit)
	{
		unsigned char ch = t[q];

		if (ch == '(' || (ch == 0xEF && q + 2 < limit && t[q + 1] == 0xBC && t[q + 2] == 0x88))
			depth++;
		else if (ch == ')' || (ch == 0xEF && q + 2 < limit && t[q + 1] == 0xBC && t[q + 2] == 0x89))
		{
			if (depth == 0)
				break;			/* the list was inside a bracket after all */
			depth--;
		}
		else if (ch == '\n' && !(q + 1 < limit && line_starts_with_label(P, q + 1, limit)))
			break;
		else if (depth == 0 && ch == 0xE3 && q + 2 < limit && t[q + 1] == 0x80 && t[q + 2] == 0x82)
			break;				/* 。 */
		else if (ch == 0xE3 && q + 2 < limit && t[q + 1] == 0x80 && t[q + 2] == 0x90)
			lenticular++;		/* 【 of the next label: 【牵头单位】A【配合单位】B */
		else if (ch == 0xE3 && q + 2 < limit && t[q + 1] == 0x80 && t[q + 2] == 0x91 &&
				 lenticular-- == 0)
			break;				/* the 】 of 【责任单位：A、B】 */
		q++;
	}
	if (!pdu_ubuf_fill(&P->b, P->text, after, q))
		return after;
	if (pdu_parse_group(P, lab, G_UNBRACKETED, lstart, q))
		return q;
	return after;
}

/*
 * The scanner looks only at ( ) : （ ） ： and 】.  It follows five streams,
 * each found with memchr / memmem (vectorised in libc) instead of a loop
 * over every byte: '(' ')' ':', the lead byte 0xEF of the full-width forms
 * (also that of ，；！？, so it stops there too and looks at the next bytes),
 * and 】.  Searches stay inside one PD_INTERRUPT_STRIDE window at a time so
 * the interrupt hook runs on schedule.
 */
enum
{
	EV_LPAR, EV_RPAR, EV_COLON, EV_FULLWIDTH, EV_LENTICULAR, EV_STREAMS
};

static size_t
find_event(const char *text, size_t from, size_t to, size_t end, int stream)
{
	static const unsigned char bytes[] = {'(', ')', ':', 0xEF};
	const unsigned char *t = (const unsigned char *) text;
	const unsigned char *hit;

	if (from >= to)
		return to;
	if (stream != EV_LENTICULAR)
	{
		hit = memchr(t + from, bytes[stream], to - from);
		return hit ? (size_t) (hit - t) : to;
	}

	/*
	 * 】 is E3 80 91, and E3 also leads the frequent 、 and 。, and 0x91 is
	 * a continuation byte of one character in 64: all three bytes at once
	 * (a 】 may start at to - 1)
	 */
	hit = pd_find_seq(t + from, t + (to + 2 < end ? to + 2 : end), "\xE3\x80\x91", 3);
	return hit ? (size_t) (hit - t) : to;
}

typedef struct open_entry
{
	size_t		open;			/* the bracket itself */
	size_t		content;		/* first byte after it */
} open_entry;

/* renumber groups in document order and merge duplicates of one name */
pd_status
pdu_finish_span(uparse *P, int first)
{
	pd_unit_list *L = P->list;
	int			k,
				groups = 0;
	size_t		last_group = (size_t) -1;

	/* unclosed brackets read at the end can be out of order: insertion sort */
	for (int i = first + 1; i < L->n; i++)
	{
		pd_unit		u = L->units[i];
		int			j = i;

		while (j > first && L->units[j - 1].group_start > u.group_start)
		{
			L->units[j] = L->units[j - 1];
			j--;
		}
		L->units[j] = u;
	}
	for (int i = first; i < L->n; i++)
	{
		if (L->units[i].group_start != last_group)
		{
			groups++;
			last_group = L->units[i].group_start;
		}
		L->units[i].group = groups;
	}
	L->groups = groups;
	if (!P->opts->dedupe || L->n - first < 2)
		return PD_OK;

	/* one entry per name: the first mention; lead if any mention leads */
	if (L->n - first <= 32)
	{
		/* the usual handful: compare with the ones kept, no allocation */
		k = first;
		for (int i = first; i < L->n; i++)
		{
			pd_unit    *u = &L->units[i];
			bool		dup = false;

			for (int j = first; j < k && !dup; j++)
			{
				pd_unit    *v = &L->units[j];

				if (v->norm_len == u->norm_len &&
					memcmp(L->names + v->norm_off, L->names + u->norm_off, u->norm_len) == 0)
				{
					if (u->role == PD_ROLE_LEAD)
						v->role = PD_ROLE_LEAD;
					dup = true;
				}
			}
			if (!dup)
				L->units[k++] = *u;
		}
		L->n = k;
	}
	else
	{
		int			m = L->n - first;
		size_t		cap = 16;
		int		   *slot;

		while (cap < (size_t) m * 2)
			cap *= 2;
		slot = L->mem->alloc(L->mem->ctx, cap * sizeof(int));
		if (slot == NULL)
			return pd_fail(P->err, PD_ENOMEM, 0, "Out of memory for the unit list.");
		for (size_t i = 0; i < cap; i++)
			slot[i] = -1;
		k = first;
		for (int i = first; i < L->n; i++)
		{
			pd_unit    *u = &L->units[i];
			const char *name = L->names + u->norm_off;
			uint64_t	h = 1469598103934665603ULL;
			size_t		pos;
			bool		dup = false;

			for (size_t b = 0; b < u->norm_len; b++)
				h = (h ^ (unsigned char) name[b]) * 1099511628211ULL;
			for (pos = h & (cap - 1); slot[pos] >= 0; pos = (pos + 1) & (cap - 1))
			{
				pd_unit    *v = &L->units[slot[pos]];

				if (v->norm_len == u->norm_len &&
					memcmp(L->names + v->norm_off, name, u->norm_len) == 0)
				{
					if (u->role == PD_ROLE_LEAD)
						v->role = PD_ROLE_LEAD;
					dup = true;
					break;
				}
			}
			if (dup)
				continue;
			L->units[k] = *u;
			slot[pos] = k;
			k++;
		}
		L->n = k;
		if (L->mem->release)
			L->mem->release(L->mem->ctx, slot);
	}
	return PD_OK;
}

/* the brackets and labelled lists of text[start, end) */
void
pdu_units_scan(uparse *P, size_t start, size_t end)
{
	const char *text = P->text;
	const unsigned char *t = (const unsigned char *) text;
	open_entry	stack[PD_UNIT_NEST];
	int			depth = 0;
	size_t		p = start;

	P->span_start = start;
	P->span_end = end;
	while (p < end && P->status == PD_OK)
	{
		size_t		window = end - p > PD_INTERRUPT_STRIDE ? p + PD_INTERRUPT_STRIDE : end;
		size_t		next[EV_STREAMS];

		if (p > start && P->opts->interrupt && P->opts->interrupt(P->opts->interrupt_ctx))
		{
			P->status = pd_fail(P->err, PD_ECANCEL, 0, "Canceled.");
			break;
		}
		for (int k = 0; k < EV_STREAMS; k++)
			next[k] = find_event(text, p, window, end, k);
		for (;;)
		{
			int			ev = 0,
						kind = 0;	/* 1 open, 2 close, 3 colon, 4 】 */
			size_t		at,
						q;

			for (int k = 1; k < EV_STREAMS; k++)
				if (next[k] < next[ev])
					ev = k;
			at = next[ev];
			if (at >= window || P->status != PD_OK)
				break;
			q = at + 1;
			switch (ev)
			{
				case EV_LPAR:
					kind = 1;
					break;
				case EV_RPAR:
					kind = 2;
					break;
				case EV_COLON:
					kind = 3;
					break;
				case EV_FULLWIDTH:
					if (at + 2 < end && t[at + 1] == 0xBC)
					{
						q = at + 3;
						kind = t[at + 2] == 0x88 ? 1 : t[at + 2] == 0x89 ? 2 : t[at + 2] == 0x9A ? 3 : 0;
					}
					break;
				default:
					q = at + 3;
					kind = 4;
			}
			next[ev] = find_event(text, q, window, end, ev);
			if (kind == 1)
			{
				if (depth == PD_UNIT_NEST)
				{
					memmove(stack, stack + 1, sizeof(stack[0]) * (PD_UNIT_NEST - 1));
					depth--;
				}
				stack[depth].open = at;
				stack[depth].content = q;
				depth++;
			}
			else if (kind == 2 && depth > 0)
			{
				open_entry	o = stack[--depth];

				eval_bracket(P, o.open, o.content, at, q, 0);
			}
			else if ((kind == 3 || kind == 4) && depth == 0)
			{
				size_t		lstart;
				int			lab = label_ending_at(text, start, at, kind == 4, &lstart);
				size_t		resume = lab >= 0 ? eval_running_list(P, lab, lstart, q, end) : q;

				if (resume > q)
				{
					/* the list was read: go on after it */
					if (resume >= window)
					{
						window = resume;
						break;
					}
					for (int k = 0; k < EV_STREAMS; k++)
						if (next[k] < resume)
							next[k] = find_event(text, resume, window, end, k);
				}
			}
		}
		p = window;
	}

	/* brackets never closed: a labelled list up to the end of its line */
	while (P->status == PD_OK && depth > 0)
	{
		open_entry	o = stack[--depth];
		const void *nl = memchr(text + o.content, '\n', end - o.content);
		size_t		le = nl ? (size_t) ((const char *) nl - text) : end;

		eval_bracket(P, o.open, o.content, le, le, G_LABEL_ONLY);
	}
}

pd_status
pd_units_extract(const char *text, size_t start, size_t end, const pd_units_opts *opts,
				 pd_unit_list *list, pd_error *err)
{
	int			first = list->n;
	uparse	   *P = pdu_parser_begin(text, opts, list, err);

	if (P == NULL)
		return PD_ENOMEM;
	pdu_units_scan(P, start, end);
	if (P->status == PD_OK)
		P->status = pdu_finish_span(P, first);
	return P->status;
}
