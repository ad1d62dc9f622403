/*
 * align.c — which items of two plans address the same measure.  Backend-free.
 *
 * Owns: the terms of a text (folded character bigrams, pd_align.h), TF-IDF
 * vectors of items, the cosine of every pair of items that share a term
 * (through an inverted index of the second plan, so pairs with nothing in
 * common cost nothing), the rule that the most specific items win, and the
 * shared terms reported with a pair.  The per-document sketch is sketch.c's.
 * Must not: segment (segment.c does), read targets, or know SQL.
 *
 * Weights: tf' = 1 + ln(tf); idf = ln((N + 1) / (df + 1)) + 1 with N and df
 * counted over the items of both plans (a term in every item of both plans
 * weighs little, a term in two items much); with corpus statistics, the
 * mean of that and the same formula over the corpus's documents.  Vectors
 * are normalised, so the score is the cosine, 0..1.
 */
#include "pd_align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TERM(c1, c2) (((pd_term) (c1) << 21) | (pd_term) (c2))

/* a character that takes part in terms: a Han ideograph (after folding) */
static inline bool
term_char(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
		(cp >= 0x20000 && cp <= 0x2FFFF);
}

static void *
xalloc(const pd_mem *mem, size_t n)
{
	return mem->alloc(mem->ctx, n ? n : 1);
}

static void
xfree(const pd_mem *mem, void *p)
{
	if (p && mem->release)
		mem->release(mem->ctx, p);
}

static int
cmp_term(const void *x, const void *y)
{
	pd_term		a = *(const pd_term *) x,
				b = *(const pd_term *) y;

	return a < b ? -1 : a > b;
}

/*
 * Append the terms of text[s, e) to buf, which has room for e - s entries
 * (a term per character at most, a character a byte at least).  Returns
 * the number appended.
 */
static size_t
text_terms(const char *text, size_t s, size_t e, pd_term *buf)
{
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;
	uint32_t	prev = 0;
	size_t		n = 0;

	while (p < end)
	{
		uint32_t	cp = pd_u8_next(&p, end);

		if (cp >= 0x80)
			cp = pd_fold(cp);
		if (!term_char(cp))
		{
			prev = 0;
			continue;
		}
		if (prev)
			buf[n++] = TERM(prev, cp);
		prev = cp;
	}
	return n;
}

/* one item's vector: distinct terms (sorted) with weights */
typedef struct vec
{
	int			off;			/* into the document's term/weight arrays */
	int			n;
} vec;

typedef struct docvec
{
	const pd_doc *doc;
	vec		   *items;
	pd_term    *terms;			/* all items' distinct terms, item after item */
	int		   *tf;
	double	   *w;
	int			nterms;
} docvec;

/* the items' own texts: heading and text after the marker up to the next marker */
static pd_status
build_vectors(const pd_doc *d, const pd_mem *mem, docvec *v, pd_error *err)
{
	size_t		total = 0;
	pd_term    *tmp;
	int			pos = 0;

	v->doc = d;
	for (int i = 0; i < d->nitems; i++)
		total += d->items[i].own_end - d->items[i].head_start;
	v->items = xalloc(mem, sizeof(vec) * (d->nitems + 1));
	v->terms = xalloc(mem, sizeof(pd_term) * (total + 1));
	v->tf = xalloc(mem, sizeof(int) * (total + 1));
	tmp = xalloc(mem, sizeof(pd_term) * (total + 1));
	if (!v->items || !v->terms || !v->tf || !tmp)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	for (int i = 0; i < d->nitems; i++)
	{
		const pd_item *it = &d->items[i];
		size_t		n = it->own_end > it->head_start ?
			text_terms(d->text, it->head_start, it->own_end, tmp) : 0;

		qsort(tmp, n, sizeof(pd_term), cmp_term);
		v->items[i].off = pos;
		for (size_t k = 0; k < n; k++)
		{
			if (k > 0 && tmp[k] == tmp[k - 1])
				v->tf[pos - 1]++;
			else
			{
				v->terms[pos] = tmp[k];
				v->tf[pos++] = 1;
			}
		}
		v->items[i].n = pos - v->items[i].off;
	}
	v->nterms = pos;
	xfree(mem, tmp);
	v->w = xalloc(mem, sizeof(double) * (pos + 1));
	if (!v->w)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	return PD_OK;
}

typedef struct dfent
{
	pd_term		term;
	double		idf;
} dfent;

static const dfent *
df_find(const dfent *dict, int n, pd_term t)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (dict[mid].term < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && dict[lo].term == t ? &dict[lo] : NULL;
}

static int
corpus_df(const pd_align_opts *o, pd_term t)
{
	int			lo = 0,
				hi = o->ncorpus;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (o->corpus[mid].term < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < o->ncorpus && o->corpus[lo].term == t ? o->corpus[lo].df : 0;
}

/* document frequencies over the items of both plans, then the weights */
static pd_status
weigh(docvec *va, docvec *vb, const pd_align_opts *o, const pd_mem *mem, pd_error *err)
{
	int			n = va->nterms + vb->nterms;
	int			nitems = va->doc->nitems + vb->doc->nitems;
	pd_term    *all = xalloc(mem, sizeof(pd_term) * (n + 1));
	dfent	   *dict = xalloc(mem, sizeof(dfent) * (n + 1));
	int			nd = 0;

	if (!all || !dict)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	memcpy(all, va->terms, sizeof(pd_term) * va->nterms);
	memcpy(all + va->nterms, vb->terms, sizeof(pd_term) * vb->nterms);
	qsort(all, n, sizeof(pd_term), cmp_term);
	for (int k = 0; k < n;)
	{
		int			j = k;
		double		idf;

		while (j < n && all[j] == all[k])
			j++;
		idf = log((nitems + 1.0) / (j - k + 1.0)) + 1.0;
		if (o->corpus && o->corpus_docs > 0)
			idf = 0.5 * idf + 0.5 * (log((o->corpus_docs + 1.0) / (corpus_df(o, all[k]) + 1.0)) + 1.0);
		dict[nd].term = all[k];
		dict[nd++].idf = idf;
		k = j;
	}
	xfree(mem, all);
	for (int s = 0; s < 2; s++)
	{
		docvec	   *v = s ? vb : va;

		for (int i = 0; i < v->doc->nitems; i++)
		{
			double		norm = 0;
			int			off = v->items[i].off;

			for (int k = 0; k < v->items[i].n; k++)
			{
				const dfent *e = df_find(dict, nd, v->terms[off + k]);
				double		w = (1.0 + log((double) v->tf[off + k])) * (e ? e->idf : 1.0);

				v->w[off + k] = w;
				norm += w * w;
			}
			if (norm > 0)
			{
				norm = 1.0 / sqrt(norm);
				for (int k = 0; k < v->items[i].n; k++)
					v->w[off + k] *= norm;
			}
		}
	}
	xfree(mem, dict);
	return PD_OK;
}

/* a posting of the second plan's inverted index */
typedef struct posting
{
	pd_term		term;
	int			item;
	double		w;
} posting;

static int
cmp_posting(const void *x, const void *y)
{
	const posting *a = x,
			   *b = y;

	if (a->term != b->term)
		return a->term < b->term ? -1 : 1;
	return a->item - b->item;
}

static int
cmp_pair(const void *x, const void *y)
{
	const pd_align_pair *a = x,
			   *b = y;

	if (a->a != b->a)
		return a->a - b->a;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->b - b->b;
}

/* index past the last item of i's subtree */
static int
subtree_end(const pd_doc *d, int i)
{
	int			k = i + 1;

	while (k < d->nitems && d->items[k].part == d->items[i].part &&
		   d->items[k].depth > d->items[i].depth)
		k++;
	return k;
}

/* the weight of term t in item vector (binary search), 0 if absent */
static double
weight_of(const docvec *v, int item, pd_term t)
{
	int			lo = v->items[item].off,
				hi = lo + v->items[item].n;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (v->terms[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < v->items[item].off + v->items[item].n && v->terms[lo] == t ? v->w[lo] : 0;
}

/* keep run[0..rlen) among the pair's best distinct shared terms */
static void
keep_run(pd_align_pair *p, double *best, const uint32_t *run, int rlen, double score)
{
	int			slot;

	for (int k = 0; k < p->nshared; k++)
		if (p->shared_len[k] == rlen && memcmp(p->shared[k], run, rlen * sizeof(uint32_t)) == 0)
		{
			best[k] += score;
			return;
		}
	if (p->nshared < PD_ALIGN_SHARED_MAX)
		slot = p->nshared++;
	else
	{
		slot = 0;
		for (int k = 1; k < p->nshared; k++)
			if (best[k] < best[slot])
				slot = k;
		if (best[slot] >= score)
			return;
	}
	memcpy(p->shared[slot], run, rlen * sizeof(uint32_t));
	p->shared_len[slot] = rlen;
	best[slot] = score;
}

/*
 * The shared terms of a pair, as words: runs of consecutive shared bigrams in
 * a's text, each scored by the products of its bigrams' weights; the
 * PD_ALIGN_SHARED_MAX best distinct runs, best first.
 */
static void
shared_terms(const docvec *va, const docvec *vb, pd_align_pair *p)
{
	const pd_item *it = &va->doc->items[p->a];
	const unsigned char *s = (const unsigned char *) va->doc->text + it->head_start;
	const unsigned char *end = (const unsigned char *) va->doc->text + it->own_end;
	uint32_t	run[PD_ALIGN_TERM_MAX];
	int			rlen = 0;
	double		rscore = 0;
	double		best[PD_ALIGN_SHARED_MAX];
	uint32_t	prev = 0;

	p->nshared = 0;
	while (it->own_end > it->head_start && s < end)
	{
		uint32_t	cp = pd_u8_next(&s, end);
		double		c = 0;

		if (cp >= 0x80)
			cp = pd_fold(cp);
		if (!term_char(cp))
			cp = 0;
		if (cp && prev)
		{
			pd_term		t = TERM(prev, cp);
			double		wb = weight_of(vb, p->b, t);

			if (wb > 0)
				c = wb * weight_of(va, p->a, t);
		}
		if (c > 0)
		{
			if (rlen == 0)
				run[rlen++] = prev;
			if (rlen < PD_ALIGN_TERM_MAX)
				run[rlen++] = cp;
			rscore += c;
		}
		else if (rlen > 0)
		{
			keep_run(p, best, run, rlen, rscore);
			rlen = 0;
			rscore = 0;
		}
		prev = cp;
	}
	if (rlen > 0)
		keep_run(p, best, run, rlen, rscore);
	/* best first */
	for (int i = 1; i < p->nshared; i++)
		for (int k = i; k > 0 && best[k] > best[k - 1]; k--)
		{
			double		tb = best[k];
			int			tl = p->shared_len[k];
			uint32_t	tr[PD_ALIGN_TERM_MAX];

			best[k] = best[k - 1];
			best[k - 1] = tb;
			p->shared_len[k] = p->shared_len[k - 1];
			p->shared_len[k - 1] = tl;
			memcpy(tr, p->shared[k], sizeof tr);
			memcpy(p->shared[k], p->shared[k - 1], sizeof tr);
			memcpy(p->shared[k - 1], tr, sizeof tr);
		}
}

pd_status
pd_align(const pd_doc *a, const pd_doc *b, const pd_align_opts *opts,
		 pd_align_pair **out, int *npairs, pd_error *err)
{
	const pd_mem *mem = opts->mem ? opts->mem : &pd_malloc_mem;
	docvec		va = {0},
				vb = {0};
	posting    *post;
	double	   *acc;
	int		   *touched;
	int			ntouched,
				np = 0,
				cap = 64,
				nkept = 0;
	pd_align_pair *pairs;
	int		   *bend;
	pd_status	st;

	*out = NULL;
	*npairs = 0;
	if (a->nitems == 0 || b->nitems == 0)
		return PD_OK;
	if ((st = build_vectors(a, mem, &va, err)) != PD_OK ||
		(st = build_vectors(b, mem, &vb, err)) != PD_OK ||
		(st = weigh(&va, &vb, opts, mem, err)) != PD_OK)
		return st;

	/* the second plan's inverted index */
	post = xalloc(mem, sizeof(posting) * (vb.nterms + 1));
	acc = xalloc(mem, sizeof(double) * b->nitems);
	touched = xalloc(mem, sizeof(int) * b->nitems);
	pairs = xalloc(mem, sizeof(pd_align_pair) * cap);
	bend = xalloc(mem, sizeof(int) * b->nitems);
	if (!post || !acc || !touched || !pairs || !bend)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	for (int j = 0; j < b->nitems; j++)
	{
		for (int k = 0; k < vb.items[j].n; k++)
		{
			int			o = vb.items[j].off + k;

			post[o].term = vb.terms[o];
			post[o].item = j;
			post[o].w = vb.w[o];
		}
		acc[j] = 0;
		bend[j] = subtree_end(b, j);
	}
	qsort(post, vb.nterms, sizeof(posting), cmp_posting);

	/* every item of a against the index: cosine of the pairs sharing a term */
	for (int i = 0; i < a->nitems; i++)
	{
		if (opts->interrupt && (i & 15) == 15 && opts->interrupt(opts->interrupt_ctx))
			return pd_fail(err, PD_ECANCEL, 0, "Alignment cancelled.");
		ntouched = 0;
		for (int k = 0; k < va.items[i].n; k++)
		{
			int			o = va.items[i].off + k;
			pd_term		t = va.terms[o];
			int			lo = 0,
						hi = vb.nterms;

			while (lo < hi)
			{
				int			mid = (lo + hi) / 2;

				if (post[mid].term < t)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (; lo < vb.nterms && post[lo].term == t; lo++)
			{
				int			j = post[lo].item;

				if (acc[j] == 0)
					touched[ntouched++] = j;
				acc[j] += va.w[o] * post[lo].w;
			}
		}
		for (int k = 0; k < ntouched; k++)
		{
			int			j = touched[k];

			if (acc[j] >= opts->threshold - 1e-9)
			{
				if (np == cap)
				{
					pd_align_pair *bigger = xalloc(mem, sizeof(pd_align_pair) * cap * 2);

					if (!bigger)
						return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
					memcpy(bigger, pairs, sizeof(pd_align_pair) * cap);
					xfree(mem, pairs);
					pairs = bigger;
					cap *= 2;
				}
				pairs[np].a = i;
				pairs[np].b = j;
				pairs[np].score = acc[j] > 1.0 ? 1.0 : acc[j];
				pairs[np].nshared = 0;
				np++;
			}
			acc[j] = 0;
		}
	}
	qsort(pairs, np, sizeof(pd_align_pair), cmp_pair);

	/*
	 * The most specific items win: drop (x, y) when another candidate
	 * (x', y') lies in x's subtree and y's subtree.  Candidates are sorted
	 * by a, so those in x's subtree follow x's own.
	 */
	{
		int			first = 0;

		for (int p = 0; p < np; p++)
		{
			int			x = pairs[p].a,
						y = pairs[p].b,
						xe;
			bool		drop = false;

			if (p > 0 && pairs[p - 1].a != x)
				first = p;
			if (opts->interrupt && (p & 255) == 255 && opts->interrupt(opts->interrupt_ctx))
				return pd_fail(err, PD_ECANCEL, 0, "Alignment cancelled.");
			xe = subtree_end(a, x);
			for (int q = first; q < np && pairs[q].a < xe && !drop; q++)
				drop = q != p && pairs[q].b >= y && pairs[q].b < bend[y];
			pairs[p].nshared = drop ? -1 : 0;
		}
		for (int p = 0; p < np; p++)
			if (pairs[p].nshared == 0)
			{
				pairs[nkept] = pairs[p];
				shared_terms(&va, &vb, &pairs[nkept]);
				nkept++;
			}
	}
	xfree(mem, post);
	xfree(mem, acc);
	xfree(mem, touched);
	xfree(mem, bend);
	xfree(mem, va.items);
	xfree(mem, va.terms);
	xfree(mem, va.tf);
	xfree(mem, va.w);
	xfree(mem, vb.items);
	xfree(mem, vb.terms);
	xfree(mem, vb.tf);
	xfree(mem, vb.w);
	if (nkept == 0)
	{
		xfree(mem, pairs);
		pairs = NULL;
	}
	*out = pairs;
	*npairs = nkept;
	return PD_OK;
}

pd_status
pd_text_terms(const char *text, size_t len, const pd_mem *mem, pd_term **out, int *nterms)
{
	pd_term    *buf;
	size_t		n,
				m = 0;

	if (!mem)
		mem = &pd_malloc_mem;
	buf = xalloc(mem, sizeof(pd_term) * (len + 1));
	if (!buf)
		return PD_ENOMEM;
	n = text_terms(text, 0, len, buf);
	qsort(buf, n, sizeof(pd_term), cmp_term);
	for (size_t k = 0; k < n; k++)
		if (m == 0 || buf[k] != buf[m - 1])
			buf[m++] = buf[k];
	*out = buf;
	*nterms = (int) m;
	return PD_OK;
}

/* log-tf weighted cosine of two short texts (indicators), no IDF */
double
pd_text_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
	pd_term		ta[256],
				tb[256];
	size_t		na,
				nb;
	double		dot = 0,
				sa = 0,
				sb = 0;

	if (alen > 255 || blen > 255)
	{
		/* long texts: compare their first 255 bytes (indicators are short) */
		alen = alen > 255 ? 255 : alen;
		blen = blen > 255 ? 255 : blen;
	}
	na = text_terms(a, 0, alen, ta);
	nb = text_terms(b, 0, blen, tb);
	qsort(ta, na, sizeof(pd_term), cmp_term);
	qsort(tb, nb, sizeof(pd_term), cmp_term);
	for (size_t i = 0, j = 0; i < na || j < nb;)
	{
		size_t		i2 = i,
					j2 = j;
		pd_term		t;

		if (j >= nb || (i < na && ta[i] < tb[j]))
			t = ta[i];
		else
			t = tb[j];
		while (i2 < na && ta[i2] == t)
			i2++;
		while (j2 < nb && tb[j2] == t)
			j2++;
		{
			double		wa = i2 > i ? 1.0 + log((double) (i2 - i)) : 0,
						wb = j2 > j ? 1.0 + log((double) (j2 - j)) : 0;

			dot += wa * wb;
			sa += wa * wa;
			sb += wb * wb;
		}
		i = i2;
		j = j2;
	}
	return sa > 0 && sb > 0 ? dot / sqrt(sa * sb) : 0;
}
