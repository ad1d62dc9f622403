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
			}
			else if (gap > 0.2f * em && latin(g[i - 1].cp) && latin(g[i].cp))
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

static bool
in_band(const line *ln, const pl_layout *l)
{
	const pl_page *p = &l->pages[ln->page];
	float		yc = (ln->y0 + ln->y1) / 2;

	return yc < 0.12 * p->height || yc > 0.85 * p->height;
}

static void
drop_furniture(lines *ls, const pl_layout *l)
{
	const char *t = ls->text.data;

	for (size_t i = 0; i < ls->n; i++)
	{
		line	   *ln = &ls->v[i];

		if (dashed_page_number(t + ln->off, ln->len) ||
			(in_band(ln, l) && pl_is_page_number(t + ln->off, ln->len)))
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

		if (ls->v[i].drop || !in_band(&ls->v[i], l) || ls->v[i].len > 200)
			continue;
		shape(t + ls->v[i].off, ls->v[i].len, si, sizeof si);
		for (size_t j = i + 1; j < ls->n; j++)
			if (ls->v[j].page != last && in_band(&ls->v[j], l) && ls->v[j].len <= 200)
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
				if (in_band(&ls->v[j], l) && ls->v[j].len <= 200)
				{
					shape(t + ls->v[j].off, ls->v[j].len, sj, sizeof sj);
					if (strcmp(si, sj) == 0)
						ls->v[j].drop = true;
				}
		}
	}
}

static float
percentile(float *v, size_t n, double q)
{
	qsort(v, n, sizeof *v, cmp_float);
	return v[(size_t) (q * (double) (n - 1))];
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
				em = 1;
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
		left = percentile(xs, kept, 0.10);
		kept = 0;
		for (size_t i = 0; i < ls.n; i++)
			if (!ls.v[i].drop && !ls.v[i].tab)
				xs[kept++] = ls.v[i].x1;
		right = percentile(xs, kept, 0.90);
		kept = 0;
		for (size_t i = 0; i < ls.n; i++)
			if (!ls.v[i].drop && !ls.v[i].tab)
				xs[kept++] = ls.v[i].h;
		em = percentile(xs, kept, 0.5);
		if (em <= 0)
			em = 1;
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
			if (join && latin(last_cp(ls.text.data + prev->off, prev->len)) &&
				(unsigned char) s[0] < 0x80 && latin((unsigned char) s[0]))
				pl_buf_putc(out, ' ');
			if (!join)
				pl_buf_putc(out, '\n');
		}
		pl_buf_put(out, s, ln->len);
		prev = ln;
	}
	pl_buf_putc(out, '\n');
	free(ls.v);
	pl_buf_free(&ls.text);
	return true;
}
