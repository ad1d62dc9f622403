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
 * counted over the items of both plans (a term in two items weighs much),
 * and 0 for a stop bigram, one in more than half the items; with corpus
 * statistics, the mean of that and the same formula over the corpus's
 * documents.  Vectors are normalised, so the score is the cosine, 0..1.
 */
#include "pd_align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TERM(c1, c2) PD_TERM(c1, c2)
#define term_char(cp) pd_term_char(cp)

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

/*
 * The terms of both plans get dense ids from one open-addressing hash table
 * (a term is never 0: its first character is at least U+3400), so vectors,
 * document frequencies and the inverted index are arrays indexed by id and
 * nothing is sorted.
 */
typedef struct tslot
{
	pd_term		key;			/* 0 = empty */
	int			id;
} tslot;

/* by id: where the term was last seen */
typedef struct tseen
{
	int			mark;			/* the last item (stamp) the term was seen in */
	int			slot;			/* its position in that item's vector */
} tseen;

typedef struct termtab
{
	tslot	   *slots;
	tseen	   *seen;			/* by id */
	pd_term    *term_of;		/* by id */
	uint32_t	mask;
	int			n;				/* ids given */
} termtab;

static inline uint32_t
term_hash(pd_term t)
{
	return (uint32_t) (((uint64_t) t * 0x9E3779B97F4A7C15ull) >> 32);
}

/*
 * The id of t, given if new (the table is never full).  Whether a term is new
 * is a coin toss in text order (a third of a plan's bigrams are), so the
 * common cases, a hit or an empty slot at the first probe, take no branch:
 * the next id's entries are written ahead and kept only if t is new.
 */
static inline int
term_id(termtab *tab, pd_term t)
{
	uint32_t	s = term_hash(t) & tab->mask;
	tslot	   *e = &tab->slots[s];
	int			fresh,
				id;

	while (e->key != t && e->key != 0)
	{
		s = (s + 1) & tab->mask;
		e = &tab->slots[s];
	}
	fresh = e->key == 0;
	id = fresh ? tab->n : e->id;
	tab->seen[tab->n].mark = 0;
	tab->term_of[tab->n] = t;
	e->key = t;
	e->id = id;
	tab->n += fresh;
	return id;
}

/*
 * U+3000..U+9FFF folded (pd_fold) where the result is a term character, 0
 * where it is not: one look-up per character of nearly every plan's text
 * instead of the fold's two and the class's range tests.  Filled at the first
 * alignment of the process (28,672 entries, about 0.1 ms) from the same
 * sources, so it cannot disagree with them.
 */
#define HAN_FOLD_FIRST 0x3000
#define HAN_FOLD_LAST 0x9FFF
static uint16_t han_fold[HAN_FOLD_LAST - HAN_FOLD_FIRST + 1];
static bool han_fold_ready;

static void
han_fold_init(void)
{
	if (han_fold_ready)
		return;
	for (uint32_t cp = HAN_FOLD_FIRST; cp <= HAN_FOLD_LAST; cp++)
	{
		uint32_t	f = pd_fold(cp);

		/* a term character is in the BMP, so it fits */
		han_fold[cp - HAN_FOLD_FIRST] = term_char(f) ? (uint16_t) f : 0;
	}
	han_fold_ready = true;
}

/* one item's vector: its distinct terms with weights */
typedef struct vec
{
	int			off;			/* into the document's tid/tf/w arrays */
	int			n;
	double		inv;			/* 1 / the vector's length: w * inv is normalised */
} vec;

typedef struct docvec
{
	const pd_doc *doc;
	vec		   *items;
	int		   *tid;			/* all items' distinct term ids, item after item */
	int		   *tf;
	double	   *w;
	int			nterms;
	int		   *seq;			/* the first plan's items in text order as
								 * places in their vectors (tid, w), -1 where a
								 * run breaks (shared terms) */
	int		   *seq_off;		/* by item, into seq; seq_off[nitems] = end */
} docvec;

/* shared by both documents while vectors are built */
typedef struct build
{
	termtab		tab;
	int		   *df;				/* by id: items of both plans holding it */
	int			stamp;
} build;

/* the items' own texts: heading and text after the marker up to the next marker */
static pd_status
build_vectors(const pd_doc *d, const pd_align_opts *o, const pd_mem *mem, build *bd, docvec *v,
			  bool with_seq, pd_error *err)
{
	size_t		total = 0;
	int			pos = 0;
	int			sp = 0;
	pd_term    *keys;
	size_t		read_bytes = 0;

	v->doc = d;
	for (int i = 0; i < d->nitems; i++)
		if (d->items[i].own_end > d->items[i].head_start)
			total += d->items[i].own_end - d->items[i].head_start;
	v->items = xalloc(mem, sizeof(vec) * (d->nitems + 1));
	v->tid = xalloc(mem, sizeof(int) * (total / 3 + 1));
	v->tf = xalloc(mem, sizeof(int) * (total / 3 + 1));
	if (!v->items || !v->tid || !v->tf)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	memset(v->tf, 0, sizeof(int) * (total / 3 + 1));
	if (with_seq)
	{
		/* a term per Han character at most, a break after one at most */
		v->seq = xalloc(mem, sizeof(int) * (2 * (total / 3) + 2 * d->nitems + 2));
		v->seq_off = xalloc(mem, sizeof(int) * (d->nitems + 1));
		if (!v->seq || !v->seq_off)
			return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	}
	{
		size_t		longest = 0;

		for (int i = 0; i < d->nitems; i++)
			if (d->items[i].own_end > d->items[i].head_start &&
				d->items[i].own_end - d->items[i].head_start > longest)
				longest = d->items[i].own_end - d->items[i].head_start;
		/* a term or a break per Han character at most, and one break more */
		keys = xalloc(mem, sizeof(pd_term) * (2 * (longest / 3) + 2));
		if (!keys)
			return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	}
	for (int i = 0; i < d->nitems; i++)
	{
		const pd_item *it = &d->items[i];
		const unsigned char *p = (const unsigned char *) d->text + it->head_start;
		const unsigned char *end = (const unsigned char *) d->text + it->own_end;
		uint32_t	prev = 0;
		int			stamp = ++bd->stamp;
		int			m = 0;

		if (o->interrupt && end > p)
		{
			/* about every PD_INTERRUPT_STRIDE bytes of item text */
			read_bytes += (size_t) (end - p);
			if (read_bytes >= PD_INTERRUPT_STRIDE)
			{
				read_bytes = 0;
				if (o->interrupt(o->interrupt_ctx))
				{
					xfree(mem, keys);
					return pd_fail(err, PD_ECANCEL, 0, "Alignment cancelled.");
				}
			}
		}

		v->items[i].off = pos;
		if (with_seq)
			v->seq_off[i] = sp;

		/* first the item's terms in text order, 0 where a run breaks ... */
		while (p < end)
		{
			uint32_t	cp;

			/*
			 * U+3000..U+9FFF (lead bytes E3..E9: CJK punctuation and nearly
			 * every Han character) decoded inline, folded and classed by one
			 * look-up in han_fold: no overlong form or surrogate lies there
			 */
			bool		is_term;

			if ((unsigned) (p[0] - 0xE3) <= 6 && end - p >= 3 &&
				(p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
			{
				cp = ((uint32_t) (p[0] & 0x0F) << 12) | ((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
				p += 3;
				cp = han_fold[cp - HAN_FOLD_FIRST];
				is_term = cp != 0;
			}
			else
			{
				cp = pd_u8_next(&p, end);
				if (cp >= 0x80)
					cp = pd_fold(cp);
				is_term = term_char(cp);
			}
			if (!is_term)
			{
				/* a break only matters to the sequence of the first plan */
				if (prev && with_seq)
					keys[m++] = 0;
				prev = 0;
				continue;
			}
			if (prev)
				keys[m++] = TERM(prev, cp);
			prev = cp;
		}
		if (prev && with_seq)
			keys[m++] = 0;

		/*
		 * ... then their slots, each fetched a few terms ahead: the table is
		 * larger than the first-level cache, and a lookup waiting for its
		 * slot was most of the time here
		 */
		for (int k = 0; k < m; k++)
		{
			pd_term		t = keys[k];
			tseen	   *e;
			int			id;

#if defined(__GNUC__)
			if (k + 6 < m && keys[k + 6] != 0)
				__builtin_prefetch(&bd->tab.slots[term_hash(keys[k + 6]) & bd->tab.mask]);
#endif
			if (t == 0)
			{
				if (with_seq)
					v->seq[sp++] = -1;
				continue;
			}
			id = term_id(&bd->tab, t);
			e = &bd->tab.seen[id];

			/*
			 * a term new to the item takes the next place in its vector, a
			 * repeated one counts again in its own: without a branch, which
			 * the text's order would make a coin toss
			 */
			{
				int			fresh = e->mark != stamp;
				int			at = fresh ? pos : e->slot;

				e->mark = stamp;
				e->slot = at;
				v->tid[at] = id;
				v->tf[at]++;
				bd->df[id] += fresh;
				pos += fresh;
				if (with_seq)
					v->seq[sp++] = at;
			}
		}
		v->items[i].n = pos - v->items[i].off;
	}
	xfree(mem, keys);
	if (with_seq)
		v->seq_off[d->nitems] = sp;
	v->nterms = pos;
	v->w = xalloc(mem, sizeof(double) * (pos + 1));
	if (!v->w)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	return PD_OK;
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

/* 1 + ln(tf) for the small counts nearly every term has, computed once */
#define TF_TABLE 64
static double tf_weight[TF_TABLE];

static void
tf_table_init(void)
{
	if (tf_weight[1] == 0)
		for (int tf = 1; tf < TF_TABLE; tf++)
			tf_weight[tf] = 1.0 + log((double) tf);
}

/* idf of every term, then the normalised weights of every item */
static pd_status
weigh(docvec *va, docvec *vb, build *bd, const pd_align_opts *o, const pd_mem *mem, pd_error *err)
{
	int			nitems = va->doc->nitems + vb->doc->nitems;
	double	   *idf = xalloc(mem, sizeof(double) * (bd->tab.n + 1));
	double	   *by_df = xalloc(mem, sizeof(double) * (nitems + 2));

	if (!idf || !by_df)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
	tf_table_init();
	/* df is at most the number of items: one log per value, not per term */
	for (int df = 0; df <= nitems; df++)
		by_df[df] = 2 * df > nitems ? 0 : log((nitems + 1.0) / (df + 1.0)) + 1.0;
	for (int id = 0; id < bd->tab.n; id++)
	{
		idf[id] = by_df[bd->df[id]];
		/* a stop bigram of the two plans stays one whatever the corpus says */
		if (o->corpus && o->corpus_docs > 0 && idf[id] > 0)
			idf[id] = 0.5 * idf[id] +
				0.5 * (log((o->corpus_docs + 1.0) / (corpus_df(o, bd->tab.term_of[id]) + 1.0)) + 1.0);
	}
	xfree(mem, by_df);
	for (int s = 0; s < 2; s++)
	{
		docvec	   *v = s ? vb : va;

		for (int i = 0; i < v->doc->nitems; i++)
		{
			double		norm = 0;
			int			off = v->items[i].off;

			for (int k = off; k < off + v->items[i].n; k++)
			{
				double		w = idf[v->tid[k]];

				if (v->tf[k] > 1)
					w *= v->tf[k] < TF_TABLE ? tf_weight[v->tf[k]] : 1.0 + log((double) v->tf[k]);
				v->w[k] = w;
				norm += w * w;
			}
			/* normalised where used (w * inv), not in a second pass over the terms */
			v->items[i].inv = norm > 0 ? 1.0 / sqrt(norm) : 1.0;
		}
	}
	xfree(mem, idf);
	return PD_OK;
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
 * PD_ALIGN_SHARED_MAX best distinct runs, best first.  a's item is read as
 * the sequence of its places in a's vectors (so a's weights are at hand),
 * inv_a normalises them; in_b marks the terms b's item holds (a bit per id,
 * small enough to stay in the first-level cache), wb holds their weights (-1
 * for a stop bigram).
 */
static void
shared_terms(const docvec *va, const termtab *tab, double inv_a, const uint64_t *in_b,
			 const double *wb, pd_align_pair *p)
{
	uint32_t	run[PD_ALIGN_TERM_MAX];
	int			rlen = 0;
	double		rscore = 0;
	double		best[PD_ALIGN_SHARED_MAX];

	p->nshared = 0;
	for (int k = va->seq_off[p->a]; k < va->seq_off[p->a + 1]; k++)
	{
		int			at = va->seq[k];
		int			id = at >= 0 ? va->tid[at] : 0;

		/* a stop bigram both items hold (weight -1 here) joins a run but adds nothing */
		if (at >= 0 && (in_b[id >> 6] >> (id & 63) & 1))
		{
			double		wa = va->w[at] > 0 ? va->w[at] * inv_a : -1;

			if (rlen == 0)
				run[rlen++] = tab->term_of[id] >> 16;
			if (rlen < PD_ALIGN_TERM_MAX)
				run[rlen++] = tab->term_of[id] & 0xFFFF;
			if (wa > 0 && wb[id] > 0)
				rscore += wa * wb[id];
		}
		else if (rlen > 0)
		{
			if (rscore > 0)
				keep_run(p, best, run, rlen, rscore);
			rlen = 0;
			rscore = 0;
		}
	}
	if (rlen > 0 && rscore > 0)
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
	build		bd = {0};
	size_t		bound = 0;
	uint32_t	cap_slots = 64;
	int		   *pstart = NULL;
	int		   *pitem = NULL;
	double	   *pw = NULL;
	double	   *acc = NULL;
	uint64_t   *in_b = NULL;
	double	   *wb = NULL;
	int		   *touched = NULL;
	bool		scan_all;
	int			ntouched,
				np = 0,
				cap = 64,
				nkept = 0;
	pd_align_pair *pairs = NULL;
	int		   *bend = NULL;
	pd_status	st = PD_OK;

	*out = NULL;
	*npairs = 0;
	if (a->nitems == 0 || b->nitems == 0)
		return PD_OK;
	han_fold_init();

	/*
	 * The table: twice as many slots as the terms could be (a term is two
	 * Han characters of 3 bytes or more), so a probe always ends at an empty
	 * slot; distinct terms are about a third of that bound, so the table is
	 * about a sixth full and nearly every lookup ends at its first slot (a
	 * table twice as full took 8% more probes, each a likely mispredicted
	 * branch, and measured slower in bench/align.sh; one that grew from a
	 * quarter of the size, slower still).  A slot holds what is looked up per
	 * occurrence: the term and its id in 8 bytes (half the cache of a slot
	 * that also held where the term was last seen; that is by id, in tseen).
	 */
	for (int s = 0; s < 2; s++)
	{
		const pd_doc *d = s ? b : a;

		for (int i = 0; i < d->nitems; i++)
			if (d->items[i].own_end > d->items[i].head_start)
				bound += (d->items[i].own_end - d->items[i].head_start) / 3 + 1;
	}
	while (cap_slots < 2 * bound + 1)
		cap_slots *= 2;
	bd.tab.mask = cap_slots - 1;
	bd.tab.slots = xalloc(mem, sizeof(tslot) * cap_slots);
	bd.tab.term_of = xalloc(mem, sizeof(pd_term) * (bound + 1));
	bd.tab.seen = xalloc(mem, sizeof(tseen) * (bound + 1));
	bd.df = xalloc(mem, sizeof(int) * (bound + 1));
	if (!bd.tab.slots || !bd.tab.term_of || !bd.tab.seen || !bd.df)
	{
		st = pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
		goto done;
	}
	memset(bd.tab.slots, 0, sizeof(tslot) * cap_slots);
	memset(bd.df, 0, sizeof(int) * (bound + 1));

	if ((st = build_vectors(a, opts, mem, &bd, &va, true, err)) != PD_OK ||
		(st = build_vectors(b, opts, mem, &bd, &vb, false, err)) != PD_OK ||
		(st = weigh(&va, &vb, &bd, opts, mem, err)) != PD_OK)
		goto done;
	if (opts->interrupt && opts->interrupt(opts->interrupt_ctx))
	{
		st = pd_fail(err, PD_ECANCEL, 0, "Alignment cancelled.");
		goto done;
	}

	/* the second plan's inverted index: postings grouped by term id */
	pstart = xalloc(mem, sizeof(int) * (bd.tab.n + 2));
	pitem = xalloc(mem, sizeof(int) * (vb.nterms + 1));
	pw = xalloc(mem, sizeof(double) * (vb.nterms + 1));
	acc = xalloc(mem, sizeof(double) * b->nitems);
	touched = xalloc(mem, sizeof(int) * b->nitems);
	pairs = xalloc(mem, sizeof(pd_align_pair) * cap);
	bend = xalloc(mem, sizeof(int) * b->nitems);
	if (!pstart || !pitem || !pw || !acc || !touched || !pairs || !bend)
	{
		st = pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
		goto done;
	}
	memset(pstart, 0, sizeof(int) * (bd.tab.n + 2));
	for (int k = 0; k < vb.nterms; k++)
		if (vb.w[k] > 0)
			pstart[vb.tid[k] + 2]++;
	for (int id = 0; id < bd.tab.n; id++)
		pstart[id + 2] += pstart[id + 1];
	/* pstart[id + 1] is now where id's postings go; after filling, pstart[id] */
	for (int j = 0; j < b->nitems; j++)
	{
		for (int k = vb.items[j].off; k < vb.items[j].off + vb.items[j].n; k++)
		{
			int			at;

			if (vb.w[k] == 0)
				continue;		/* a stop bigram */
			at = pstart[vb.tid[k] + 1]++;

			pitem[at] = j;
			pw[at] = vb.w[k] * vb.items[j].inv;
		}
		acc[j] = 0;
		bend[j] = subtree_end(b, j);
	}

	/*
	 * every item of a against the index: cosine of the pairs sharing a term
	 * (with up to 512 items in b, reading all their sums after each item of
	 * a is cheaper than noting which were touched)
	 */
	scan_all = b->nitems <= 512;
	for (int i = 0; i < a->nitems; i++)
	{
		if (opts->interrupt && (i & 63) == 63 && opts->interrupt(opts->interrupt_ctx))
		{
			st = pd_fail(err, PD_ECANCEL, 0, "Alignment cancelled.");
			goto done;
		}
		ntouched = 0;
		if (scan_all)
		{
			/* few items in b: accumulate without bookkeeping, then look at them all */
			for (int k = va.items[i].off; k < va.items[i].off + va.items[i].n; k++)
			{
				int			id = va.tid[k];
				double		w = va.w[k] * va.items[i].inv;

				for (int q = pstart[id]; q < pstart[id + 1]; q++)
					acc[pitem[q]] += w * pw[q];
			}
			for (int j = 0; j < b->nitems; j++)
				if (acc[j] > 0)
					touched[ntouched++] = j;
		}
		else
			for (int k = va.items[i].off; k < va.items[i].off + va.items[i].n; k++)
			{
				int			id = va.tid[k];
				double		w = va.w[k] * va.items[i].inv;

				for (int q = pstart[id]; q < pstart[id + 1]; q++)
				{
					int			j = pitem[q];

					if (acc[j] == 0)
						touched[ntouched++] = j;
					acc[j] += w * pw[q];
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
					{
						st = pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
						goto done;
					}
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
	in_b = xalloc(mem, sizeof(uint64_t) * (bd.tab.n / 64 + 1));
	wb = xalloc(mem, sizeof(double) * (bd.tab.n + 1));
	if (!in_b || !wb)
	{
		st = pd_fail(err, PD_ENOMEM, 0, "Out of memory aligning plans.");
		goto done;
	}
	memset(in_b, 0, sizeof(uint64_t) * (bd.tab.n / 64 + 1));
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
			{
				st = pd_fail(err, PD_ECANCEL, 0, "Alignment cancelled.");
				goto done;
			}
			xe = subtree_end(a, x);
			for (int q = first; q < np && pairs[q].a < xe && !drop; q++)
				drop = q != p && pairs[q].b >= y && pairs[q].b < bend[y];
			pairs[p].nshared = drop ? -1 : 0;
		}
		for (int p = 0; p < np; p++)
			if (pairs[p].nshared == 0)
			{
				const vec  *ia = &va.items[pairs[p].a],
						   *ib = &vb.items[pairs[p].b];

				pairs[nkept] = pairs[p];
				/* wb is read only where in_b has the bit: nothing to clear */
				for (int k = ib->off; k < ib->off + ib->n; k++)
				{
					int			id = vb.tid[k];

					in_b[id >> 6] |= (uint64_t) 1 << (id & 63);
					wb[id] = vb.w[k] > 0 ? vb.w[k] * ib->inv : -1;
				}
				shared_terms(&va, &bd.tab, ia->inv, in_b, wb, &pairs[nkept]);
				for (int k = ib->off; k < ib->off + ib->n; k++)
					in_b[vb.tid[k] >> 6] = 0;
				nkept++;
			}
	}
done:
	/* on success and on every failure alike: the pairs are the caller's only on success */
	xfree(mem, in_b);
	xfree(mem, wb);
	xfree(mem, pstart);
	xfree(mem, pitem);
	xfree(mem, pw);
	xfree(mem, acc);
	xfree(mem, touched);
	xfree(mem, bend);
	xfree(mem, bd.tab.slots);
	xfree(mem, va.seq);
	xfree(mem, va.seq_off);
	xfree(mem, vb.seq);
	xfree(mem, vb.seq_off);
	xfree(mem, bd.tab.term_of);
	xfree(mem, bd.tab.seen);
	xfree(mem, bd.df);
	for (int s = 0; s < 2; s++)
	{
		docvec	   *v = s ? &vb : &va;

		xfree(mem, v->items);
		xfree(mem, v->tid);
		xfree(mem, v->tf);
		xfree(mem, v->w);
	}
	if (st != PD_OK || nkept == 0)
	{
		xfree(mem, pairs);
		pairs = NULL;
		nkept = 0;
	}
	*out = pairs;
	*npairs = nkept;
	return st;
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
