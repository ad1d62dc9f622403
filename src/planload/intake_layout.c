/*
 * intake_layout.c — characters placed on pages to the text of a plan (see
 * intake_layout.h).  PDF and OFD share it.
 *
 * 1. Lines.  A page's characters are sorted by their vertical centre; one
 *    within 0.45 of a character height of the line's first joins it.  In a
 *    line, sorted left to right, a gap wider than 1.8 character heights is
 *    a tab (table cells, as Word's text export separates them), a gap of a
 *    fifth of a height between two Latin letters or digits a space, any
 *    other gap nothing (Chinese has no spaces between words).
 * 2. Page furniture.  A line in the top 12% or the bottom 15% of its page
 *    is dropped when it is a page number (pl_is_page_number: — 3 —, - 3 -,
 *    ·3·, 第3页, 第3页 共9页, 3/9, a bare number) or when the same line
 *    (digits aside) stands in that band on at least half the pages, two at
 *    least (a running header or footer).  "— 3 —" and "- 3 -" are dropped
 *    wherever they stand.
 * 3. Paragraphs.  Over the whole document, the left edge is the 10th
 *    percentile of the lines' left ends and the right edge the 90th
 *    percentile of their right ends.  A line is joined to the one before
 *    when the one before reaches the right edge (within 1.5 character
 *    heights), this one is not indented (starts within half a height of the
 *    left edge), it follows at the normal line distance (or starts the next
 *    page), neither has a tab, and it does not start with a heading number
 *    (pl_starts_heading: 一、 （一） 1. （1） 第一章 ① 附件) — a wrapped line
 *    may start with "1.5亿", which is a number, not a heading.
 */
#include "intake_layout.h"
#include "pd_core.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PL_MAX_CELLS 32

bool
pl_layout_page(pl_layout *l, double width, double height)
{
	if (l->npages >= PL_MAX_PAGES)
	{
		l->over = true;
		return false;
	}
	if (l->npages == l->cap)
	{
		int			cap = l->cap ? l->cap * 2 : 16;
		pl_page    *np = realloc(l->pages, (size_t) cap * sizeof *np);

		if (np == NULL)
		{
			l->over = true;
			return false;
		}
		l->pages = np;
		l->cap = cap;
	}
	memset(&l->pages[l->npages], 0, sizeof(pl_page));
	l->pages[l->npages].width = width > 0 && isfinite(width) ? width : 1;
	l->pages[l->npages].height = height > 0 && isfinite(height) ? height : 1;
	l->npages++;
	return true;
}

void
pl_layout_glyph(pl_layout *l, uint32_t cp, double x0, double y0, double x1, double y1)
{
	pl_page    *p;

	if (l->npages == 0 || l->over || pd_is_space(cp) || cp < 0x20)
		return;
	if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1) ||
		fabs(x0) > 1e7 || fabs(y0) > 1e7 || fabs(x1) > 1e7 || fabs(y1) > 1e7)
		return;
	if (l->glyphs >= PL_MAX_OUT_TEXT / 4)
	{
		l->over = true;
		return;
	}
	p = &l->pages[l->npages - 1];
	if (p->n == p->cap)
	{
		size_t		cap = p->cap ? p->cap * 2 : 1024;
		pl_glyph   *ng = realloc(p->g, cap * sizeof *ng);

		if (ng == NULL)
		{
			l->over = true;
			return;
		}
		p->g = ng;
		p->cap = cap;
	}
	if (x1 < x0)
	{
		double		t = x0;

		x0 = x1;
		x1 = t;
	}
	if (y1 < y0)
	{
		double		t = y0;

		y0 = y1;
		y1 = t;
	}
	p->g[p->n++] = (pl_glyph) {cp, (float) x0, (float) y0, (float) x1, (float) y1};
	l->glyphs++;
}

void
pl_layout_free(pl_layout *l)
{
	for (int i = 0; i < l->npages; i++)
		free(l->pages[i].g);
	free(l->pages);
	memset(l, 0, sizeof *l);
}

/* ---- line patterns ------------------------------------------------------ */

static bool
is_dash(uint32_t cp)
{
	return cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2012 || cp == 0x2015 ||
		cp == 0x2500 || cp == 0xFF0D || cp == 0xFE63 || cp == 0x2212 || cp == 0x00B7 ||
		cp == 0x30FB || cp == 0x2027 || cp == 0xFF5E || cp == '~' || cp == 0x2022;
}

/* code points of s without white space, at most max */
static int
cps_of(const char *s, size_t len, uint32_t *out, int max)
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + len;
	int			n = 0;

	while (p < end && n < max)
	{
		uint32_t	cp = pd_u8_next(&p, end);

		if (!pd_is_space(cp))
			out[n++] = cp;
	}
	if (p < end)
		return -1;				/* longer than max */
	return n;
}

static int
skip_digits(const uint32_t *c, int i, int n)
{
	while (i < n && pd_digit(c[i]) >= 0)
		i++;
	return i;
}

static int
skip_cn(const uint32_t *c, int i, int n)
{
	while (i < n && (pd_digit(c[i]) >= 0 || pd_is_cn_numeral_char(c[i])))
		i++;
	return i;
}

bool
pl_is_page_number(const char *s, size_t len)
{
	uint32_t	c[40];
	int			n = cps_of(s, len, c, 40),
				i = 0,
				j;

	if (n <= 0)
		return false;
	/* 第 3 页 (共 9 页) */
	if (c[0] == 0x7B2C)			/* 第 */
	{
		j = skip_cn(c, 1, n);
		if (j == 1 || j >= n || c[j] != 0x9875)	/* 页 */
			return false;
		i = j + 1;
		if (i < n && (c[i] == 0xFF0C || c[i] == ',' || c[i] == '/' || c[i] == 0x3001))
			i++;
		if (i < n && c[i] == 0x5171)	/* 共 */
		{
			j = skip_cn(c, i + 1, n);
			if (j == i + 1 || j >= n || c[j] != 0x9875)
				return false;
			i = j + 1;
		}
		return i == n;
	}
	/* 共 9 页 第 3 页 is rarer: left as text */
	/* dashes, digits, dashes; or digits / digits */
	while (i < n && is_dash(c[i]))
		i++;
	j = skip_digits(c, i, n);
	if (j == i || j - i > 5)
		return false;
	if (j < n && c[j] == '/')
	{
		int			k = skip_digits(c, j + 1, n);

		return k > j + 1 && k == n && i == 0;
	}
	{
		int			lead = i,
					trail = 0;

		while (j < n && is_dash(c[j]))
			j++, trail++;
		return j == n && (lead == 0) == (trail == 0);
	}
}

/* — 3 — and - 3 -: a page number wherever it stands */
static bool
dashed_page_number(const char *s, size_t len)
{
	uint32_t	c[16];
	int			n = cps_of(s, len, c, 16);

	return n >= 3 && is_dash(c[0]) && is_dash(c[n - 1]) && pl_is_page_number(s, len);
}

bool
pl_starts_heading(const char *s, size_t len)
{
	uint32_t	c[24];
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + len;
	int			n = 0,
				j,
				style;

	while (p < end && n < 24)
	{
		uint32_t	cp = pd_u8_next(&p, end);

		if (n == 0 && pd_is_space(cp))
			continue;
		c[n++] = cp;
	}
	if (n < 2)
		return false;
	if (pd_enclosed_number(c[0], &style) > 0)
		return true;
	if (c[0] == 0x7B2C)			/* 第…章/节/条/部分/篇 */
	{
		j = skip_cn(c, 1, n);
		return j > 1 && j < n && (c[j] == 0x7AE0 || c[j] == 0x8282 || c[j] == 0x6761 ||
								  c[j] == 0x90E8 || c[j] == 0x7BC7);
	}
	if (n >= 2 && c[0] == 0x9644 && c[1] == 0x4EF6)	/* 附件 */
		return true;
	if (c[0] == 0xFF08 || c[0] == '(')	/* （一） （1） */
	{
		j = skip_cn(c, 1, n);
		return j > 1 && j < n && (c[j] == 0xFF09 || c[j] == ')');
	}
	j = skip_digits(c, 0, n);
	if (j > 0)
	{
		/* 1. 1、 1． but not 1.5 */
		if (j < n && (c[j] == 0x3001 || ((c[j] == '.' || c[j] == 0xFF0E) &&
										 (j + 1 >= n || pd_digit(c[j + 1]) < 0))))
			return j <= 3;
		return false;
	}
	j = skip_cn(c, 0, n);
	return j > 0 && j <= 4 && j < n && (c[j] == 0x3001 || c[j] == 0xFF0E);	/* 一、 */
}

/* ---- lines -------------------------------------------------------------- */

typedef struct line
{
	int			page;
	float		x0,
				x1,
				y0,
				y1,
				h;				/* median character height */
	size_t		off,
				len;			/* its text in the line buffer */
	bool		tab,
				drop;
	int			ncells;			/* tab lines: where each cell starts */
	float		cx[PL_MAX_CELLS];
} line;

static int
cmp_float(const void *a, const void *b)
{
	float		x = *(const float *) a,
				y = *(const float *) b;

	return (x > y) - (x < y);
}

static int
cmp_yc(const void *a, const void *b)
{
	const pl_glyph *g = a,
			   *h = b;
	float		ya = g->y0 + g->y1,
				yb = h->y0 + h->y1;

	if (ya != yb)
		return (ya > yb) - (ya < yb);
	return (g->x0 > h->x0) - (g->x0 < h->x0);
}

static int
cmp_x(const void *a, const void *b)
{
	const pl_glyph *g = a,
			   *h = b;

	return (g->x0 > h->x0) - (g->x0 < h->x0);
}

static bool
ascii_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Latin letters, digits and ASCII punctuation: a visible gap between two is a space */
static bool
latin(uint32_t cp)
{
	return cp > ' ' && cp < 0x2000;
}

typedef struct lines
{
	line	   *v;
	size_t		n,
				cap;
	pl_buf		text;
	bool		oom;
} lines;

static void
add_line(lines *ls, int page, pl_glyph *g, size_t n)
{
	line	   *ln;
	float	   *hs,
				em;

	if (ls->n == ls->cap)
	{
		size_t		cap = ls->cap ? ls->cap * 2 : 256;
		line	   *nv = realloc(ls->v, cap * sizeof *nv);

		if (nv == NULL)
		{
			ls->oom = true;
			return;
		}
		ls->v = nv;
		ls->cap = cap;
	}
	qsort(g, n, sizeof *g, cmp_x);
	hs = malloc(n * sizeof *hs);
	if (hs == NULL)
	{
		ls->oom = true;
		return;
	}
	ln = &ls->v[ls->n++];
	memset(ln, 0, sizeof *ln);
	ln->page = page;
	ln->x0 = g[0].x0;
	ln->x1 = g[0].x1;
	ln->y0 = g[0].y0;
	ln->y1 = g[0].y1;
	for (size_t i = 0; i < n; i++)
	{
		hs[i] = g[i].y1 - g[i].y0;
		if (g[i].x1 > ln->x1)
			ln->x1 = g[i].x1;
		if (g[i].y0 < ln->y0)
			ln->y0 = g[i].y0;
		if (g[i].y1 > ln->y1)
			ln->y1 = g[i].y1;
	}
	qsort(hs, n, sizeof *hs, cmp_float);
	em = hs[n / 2] > 0 ? hs[n / 2] : 1;
	free(hs);
	ln->h = em;
	ln->off = ls->text.len;
	ln->cx[0] = g[0].x0;
	ln->ncells = 1;
	for (size_t i = 0; i < n; i++)
	{
		if (i > 0)
		{
			float		gap = g[i].x0 - g[i - 1].x1;

			/* two glyphs drawn on top of each other (fake bold): once */
			if (g[i].cp == g[i - 1].cp && fabsf(g[i].x0 - g[i - 1].x0) < em * 0.2f)
				continue;
			if (gap > 1.8f * em)
			{
				pl_buf_putc(&ls->text, '\t');
				ln->tab = true;
				if (ln->ncells < PL_MAX_CELLS)
					ln->cx[ln->ncells++] = g[i].x0;
			}
			else if (gap > 0.4f * em || (gap > 0.2f * em && latin(g[i - 1].cp) && latin(g[i].cp)))
				pl_buf_putc(&ls->text, ' ');
		}
		pl_buf_cp(&ls->text, g[i].cp);
	}
	ln->len = ls->text.len - ln->off;
}

static void
page_lines(lines *ls, pl_page *p, int page)
{
	size_t		start = 0;

	if (p->n == 0)
		return;
	qsort(p->g, p->n, sizeof *p->g, cmp_yc);
	for (size_t i = 1; i <= p->n; i++)
	{
		float		yc0 = (p->g[start].y0 + p->g[start].y1) / 2,
					h = p->g[start].y1 - p->g[start].y0;

		if (i < p->n)
		{
			float		yc = (p->g[i].y0 + p->g[i].y1) / 2,
						hi = p->g[i].y1 - p->g[i].y0;

			if (hi > h)
				h = hi;
			if (fabsf(yc - yc0) <= 0.45f * (h > 0 ? h : 1))
				continue;
		}
		add_line(ls, page, p->g + start, i - start);
		start = i;
	}
}

/* a line's shape for the running-header test: digits as #, no white space */
static void
shape(const char *s, size_t len, char *out, size_t outlen)
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + len;
	size_t		k = 0;

	while (p < end && k + 5 < outlen)
	{
		const unsigned char *q = p;
		uint32_t	cp = pd_u8_next(&p, end);

		if (pd_is_space(cp))
			continue;
		if (pd_digit(cp) >= 0 || pd_is_cn_numeral_char(cp))
		{
			if (k == 0 || out[k - 1] != '#')
				out[k++] = '#';
			continue;
		}
		memcpy(out + k, q, (size_t) (p - q));
		k += (size_t) (p - q);
	}
	out[k] = '\0';
}

/*
 * Where a line stands on its page: in the top 12% or the bottom 15%, and how
 * many lines of the page are above and below it.
 */
typedef struct place
{
	bool		band,
				bottom;
	int			above,
				below;			/* capped at 2 */
} place;

static place
place_of(const lines *ls, size_t i, const pl_layout *l)
{
	const line *ln = &ls->v[i];
	const pl_page *p = &l->pages[ln->page];
	float		yc = (ln->y0 + ln->y1) / 2;
	place		pl = {false, false, 0, 0};

	pl.bottom = yc > 0.85 * p->height;
	pl.band = pl.bottom || yc < 0.12 * p->height;
	for (size_t k = i; k > 0 && ls->v[k - 1].page == ln->page && pl.above < 2; k--)
		pl.above++;
	for (size_t k = i + 1; k < ls->n && ls->v[k].page == ln->page && pl.below < 2; k++)
		pl.below++;
	return pl;
}

/* a line that may be a running header or footer: in a band, one of the page's first or last two */
static bool
furniture_place(const lines *ls, size_t i, const pl_layout *l)
{
	place		pl = place_of(ls, i, l);

	return pl.band && (pl.above < 2 || pl.below < 2) && ls->v[i].len <= 200;
}

static bool
bare_number(const char *s, size_t len)
{
	uint32_t	c[8];
	int			n = cps_of(s, len, c, 8);

	return n > 0 && skip_digits(c, 0, n) == n;
}

static void
drop_furniture(lines *ls, const pl_layout *l)
{
	const char *t = ls->text.data;

	for (size_t i = 0; i < ls->n; i++)
	{
		line	   *ln = &ls->v[i];
		place		pl = place_of(ls, i, l);
		const char *s = t + ln->off;

		if (dashed_page_number(s, ln->len))
			ln->drop = true;
		/* 第3页, 3/9, ·3·: the first or last line of the page, in a band */
		else if (pl.band && (pl.above == 0 || pl.below == 0) && !bare_number(s, ln->len) &&
				 pl_is_page_number(s, ln->len))
			ln->drop = true;
		/* a bare 3: only as the page's last line, at its foot */
		else if (pl.bottom && pl.below == 0 && bare_number(s, ln->len))
			ln->drop = true;
	}
	if (l->npages < 2)
		return;
	for (size_t i = 0; i < ls->n; i++)
	{
		char		si[256],
					sj[256];
		int			pages = 1,
					last = ls->v[i].page;

		if (ls->v[i].drop || !furniture_place(ls, i, l))
			continue;
		shape(t + ls->v[i].off, ls->v[i].len, si, sizeof si);
		for (size_t j = i + 1; j < ls->n; j++)
			if (ls->v[j].page != last && furniture_place(ls, j, l))
			{
				shape(t + ls->v[j].off, ls->v[j].len, sj, sizeof sj);
				if (strcmp(si, sj) == 0)
				{
					pages++;
					last = ls->v[j].page;
				}
			}
		if (pages >= 2 && pages * 2 >= l->npages)
		{
			for (size_t j = i; j < ls->n; j++)
				if (furniture_place(ls, j, l))
				{
					shape(t + ls->v[j].off, ls->v[j].len, sj, sizeof sj);
					if (strcmp(si, sj) == 0)
						ls->v[j].drop = true;
				}
		}
	}
}

/*
 * A table row with its cells in their columns: the columns are where the
 * cells of the widest row of the same table (the run of rows around this
 * one) start; a row that leaves a column empty (a continuation line, a
 * blank cell) gets a tab for it, so the table parser sees its cells where
 * the header says.
 */
static void
put_row(pl_buf *out, const lines *ls, size_t i, const char *s, const line *ln, float em)
{
	size_t		a = i,
				b = i;
	const line *widest = ln;
	int			col = -1;
	const char *p = s,
			   *end = s + ln->len;

	while (a > 0 && !ls->v[a - 1].drop && (ls->v[a - 1].tab || ls->v[a - 1].ncells > 1))
		a--;
	while (b + 1 < ls->n && (ls->v[b + 1].tab || ls->v[b + 1].drop))
		b++;
	for (size_t k = a; k <= b; k++)
		if (!ls->v[k].drop && ls->v[k].ncells > widest->ncells)
			widest = &ls->v[k];
	/* a line of one cell is a row only when it starts where a column does */
	if (ln->ncells == 1)
	{
		bool		on_column = false;

		for (int j = 1; j < widest->ncells; j++)
			on_column |= fabsf(widest->cx[j] - ln->x0) < 0.6f * em;
		if (!on_column)
		{
			pl_buf_put(out, s, ln->len);
			return;
		}
	}
	for (int c = 0; c < ln->ncells && p <= end; c++)
	{
		const char *q = memchr(p, '\t', (size_t) (end - p));
		int			best = col + 1;
		float		bd = 1e30f;

		if (q == NULL)
			q = end;
		for (int j = col + 1; j < widest->ncells; j++)
		{
			float		d = fabsf(widest->cx[j] - ln->cx[c]);

			if (d < bd)
			{
				bd = d;
				best = j;
			}
		}
		/* a cell must not land left of the one before it */
		if (widest->ncells <= col + 1)
			best = col + 1;
		/* one tab between cells, one more for each empty column (also before the first) */
		for (int j = col < 0 ? 0 : col; j < best; j++)
			pl_buf_putc(out, '\t');
		pl_buf_put(out, p, (size_t) (q - p));
		col = best;
		p = q + 1;
	}
}

static float
percentile(float *v, size_t n, double q)
{
	qsort(v, n, sizeof *v, cmp_float);
	return v[(size_t) (q * (double) (n - 1))];
}

/*
 * The text block's edge: the outermost position that at least 3% of the
 * lines (two at least) reach to within tol.  The left edge is where wrapped
 * lines start (paragraphs' first lines are indented), the right where full
 * lines end; a few lines beyond it (a wide formula, a signature) do not
 * move it, and a document of mostly short lines still finds it.
 */
static float
edge(float *v, size_t n, float tol, bool right)
{
	size_t		need = n * 3 / 100,
				j = 0;

	if (need < 2)
		need = 2;
	if (need > n)
		need = n;
	qsort(v, n, sizeof *v, cmp_float);
	if (right)
	{
		/* from the largest down: the first value with need values within tol below it */
		for (size_t i = n; i-- > 0;)
		{
			size_t		cnt = 0;

			for (j = i + 1; j-- > 0 && v[j] >= v[i] - tol;)
				cnt++;
			/* values above v[i] are within tol too when they are close */
			for (j = i + 1; j < n && v[j] <= v[i] + tol; j++)
				cnt++;
			if (cnt >= need)
				return v[i];
			if (n - i > need * 4 + 64)
				break;
		}
		return v[n - 1];
	}
	for (size_t i = 0; i < n; i++)
	{
		size_t		cnt = 0;

		for (j = i; j < n && v[j] <= v[i] + tol; j++)
			cnt++;
		if (cnt >= need)
			return v[i];
		if (i > need * 4 + 64)
			break;
	}
	return v[0];
}

static uint32_t
last_cp(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + len;
	uint32_t	cp = 0;

	while (p < end)
		cp = pd_u8_next(&p, end);
	return cp;
}

bool
pl_layout_text(pl_layout *l, pl_buf *out, char *why, size_t whylen)
{
	lines		ls = {0};
	float	   *xs;
	float		left = 0,
				right = 0,
				em = 1,
				gap = 0;
	size_t		kept = 0;
	const line *prev = NULL;

	if (l->over)
	{
		snprintf(why, whylen, "more than %d pages or %zu MB of text", PL_MAX_PAGES, PL_MAX_OUT_TEXT >> 20);
		return false;
	}
	for (int i = 0; i < l->npages; i++)
		page_lines(&ls, &l->pages[i], i);
	if (ls.oom || ls.text.over)
	{
		free(ls.v);
		pl_buf_free(&ls.text);
		snprintf(why, whylen, "out of memory, or more than %zu MB of text", PL_MAX_OUT_TEXT >> 20);
		return false;
	}
	if (ls.n == 0)
	{
		free(ls.v);
		pl_buf_free(&ls.text);
		snprintf(why, whylen, "no text layer (a scanned document? run OCR on it first)");
		return false;
	}
	drop_furniture(&ls, l);

	xs = malloc(ls.n * sizeof *xs);
	if (xs == NULL)
	{
		free(ls.v);
		pl_buf_free(&ls.text);
		snprintf(why, whylen, "out of memory");
		return false;
	}
	/* the text block's edges from the running text (table rows have their own) */
	for (size_t i = 0; i < ls.n; i++)
		if (!ls.v[i].drop && !ls.v[i].tab)
			xs[kept++] = ls.v[i].x0;
	if (kept > 0)
	{
		size_t		nx0 = kept;

		kept = 0;
		for (size_t i = 0; i < ls.n; i++)
			if (!ls.v[i].drop && !ls.v[i].tab)
				xs[kept++] = ls.v[i].h;
		em = percentile(xs, kept, 0.5);
		if (em <= 0)
			em = 1;
		kept = 0;
		for (size_t i = 0; i < ls.n; i++)
			if (!ls.v[i].drop && !ls.v[i].tab)
				xs[kept++] = ls.v[i].x0;
		left = edge(xs, nx0, em / 4, false);
		kept = 0;
		for (size_t i = 0; i < ls.n; i++)
			if (!ls.v[i].drop && !ls.v[i].tab)
				xs[kept++] = ls.v[i].x1;
		right = edge(xs, kept, em, true);
	}
	/* the usual space between two lines of a page (leading minus height) */
	kept = 0;
	{
		const line *a = NULL;

		for (size_t i = 0; i < ls.n; i++)
		{
			if (ls.v[i].drop)
				continue;
			if (a && a->page == ls.v[i].page && ls.v[i].y0 > a->y1)
				xs[kept++] = ls.v[i].y0 - a->y1;
			a = &ls.v[i];
		}
		gap = kept ? percentile(xs, kept, 0.25) : 0;
	}
	free(xs);

	for (size_t i = 0; i < ls.n; i++)
	{
		const line *ln = &ls.v[i];
		const char *s = ls.text.data + ln->off;
		bool		join = false;

		if (getenv("PL_DEBUG_LAYOUT"))
			fprintf(stderr, "p%d x %.1f-%.1f y %.1f-%.1f h %.1f tab %d drop %d [L %.1f R %.1f em %.1f] %.*s\n",
					ln->page, ln->x0, ln->x1, ln->y0, ln->y1, ln->h, ln->tab, ln->drop, left, right, em,
					(int) ln->len, s);
		if (ln->drop)
			continue;
		if (prev)
		{
			float		pem = prev->h > em ? prev->h : em;

			join = !prev->tab && !ln->tab &&
				prev->x1 >= right - 1.5f * pem &&
				ln->x0 <= left + 0.5f * pem &&
				(ln->page != prev->page || ln->y0 - prev->y1 < 1.2f * pem) &&
				!pl_starts_heading(s, ln->len);
			/* a word of Latin letters broken at the margin: the space the break replaced */
			if (join && ascii_letter(last_cp(ls.text.data + prev->off, prev->len)) &&
				ascii_letter((unsigned char) s[0]))
				pl_buf_putc(out, ' ');
			if (!join)
				pl_buf_putc(out, '\n');
			/* a gap of more than half a line again: the blank line of a section break */
			if (!join && ln->page == prev->page && gap > 0 &&
				ln->y0 - prev->y1 > 1.5f * gap + 0.25f * pem)
				pl_buf_putc(out, '\n');
		}
		/* a row, or the continuation of the row above in its later columns */
		if (ln->tab || (prev && prev->tab && ln->ncells == 1 && ln->x0 > left + 1.8f * em &&
						ln->page == prev->page && ln->y0 - prev->y1 <= 1.5f * gap + 0.25f * em))
			put_row(out, &ls, i, s, ln, em);
		else
			pl_buf_put(out, s, ln->len);
		prev = ln;
	}
	pl_buf_putc(out, '\n');
	free(ls.v);
	pl_buf_free(&ls.text);
	return true;
}
