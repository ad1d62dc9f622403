/*
 * lexicon.c — the word-matching engine (see pd_lexicon.h): word tables
 * (static keyword lists, matched forwards and backwards on folded code
 * points) and dictionaries (terms given at run time, scanned over a text).
 *
 * Dictionaries:
 * The terms and the stop suffixes are two tries over folded code points
 * that share one node array and one open-addressing edge table keyed by
 * (node, code point).  A trie rather than a regular expression per term: a
 * gazetteer has hundreds of names, and a regexp loop costs one pass over the
 * document per name, while the trie costs one pass in all.  A trie rather
 * than Aho-Corasick: leftmost-longest matching only ever walks forward from
 * a start position, and names are short (a handful of characters), so the
 * failure links would buy little and complicate the stop-suffix rule.
 */
#include "pd_lexicon.h"

#include <string.h>

/* ---- word tables ------------------------------------------------------------ */

void
pd_wordtab_build(pd_wordtab *t)
{
	int			idle = 0;

	if (__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
		return;
	if (!__atomic_compare_exchange_n(&t->building, &idle, 1, false,
									 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
	{
		/* another thread builds it: a few microseconds */
		while (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
			;
		return;
	}
	for (int b = 0; b < PD_WORD_BUCKETS; b++)
		t->head_first[b] = t->head_last[b] = -1;
	/* insert in reverse so that each bucket lists words in table order */
	for (int w = t->n - 1; w >= 0; w--)
	{
		const unsigned char *p = (const unsigned char *) t->words[w].text;
		const unsigned char *end = p + strlen(t->words[w].text);
		int			k = 0;
		unsigned	bf,
					bl;

		while (p < end && k < PD_WORD_MAX_CPS)
			t->cps[w][k++] = pd_u8_next(&p, end);
		t->len[w] = (uint8_t) k;
		bf = pd_word_bucket(t->cps[w][0]);
		bl = pd_word_bucket(t->cps[w][k - 1]);
		t->next_first[w] = t->head_first[bf];
		t->head_first[bf] = (int16_t) w;
		t->next_last[w] = t->head_last[bl];
		t->head_last[bl] = (int16_t) w;
	}
	__atomic_store_n(&t->ready, 1, __ATOMIC_RELEASE);
}

static inline bool
cps_equal(const uint32_t *a, const uint32_t *b, int n)
{
	for (int k = 0; k < n; k++)
		if (a[k] != b[k])
			return false;
	return true;
}

int
pd_word_at_slow(pd_wordtab *t, const uint32_t *cps, int i, int n)
{
	int			best = -1,
				bestlen = 0;

	for (int w = t->head_first[pd_word_bucket(cps[i])]; w >= 0; w = t->next_first[w])
	{
		int			len = t->len[w];

		if (len <= bestlen || i + len > n || t->cps[w][0] != cps[i])
			continue;
		if (cps_equal(t->cps[w] + 1, cps + i + 1, len - 1))
		{
			best = w;
			bestlen = len;
		}
	}
	return best;
}

int
pd_word_before_slow(pd_wordtab *t, const uint32_t *cps, int from, int i)
{
	int			best = -1,
				bestlen = 0;

	for (int w = t->head_last[pd_word_bucket(cps[i - 1])]; w >= 0; w = t->next_last[w])
	{
		int			len = t->len[w];

		if (len <= bestlen || i - len < from || t->cps[w][len - 1] != cps[i - 1])
			continue;
		if (cps_equal(t->cps[w], cps + i - len, len - 1))
		{
			best = w;
			bestlen = len;
		}
	}
	return best;
}

int
pd_word_find(pd_wordtab *t, const uint32_t *cps, int i, int n, int *w)
{
	for (; i < n; i++)
	{
		int			k = pd_word_at(t, cps, i, n);

		if (k >= 0)
		{
			if (w)
				*w = k;
			return i;
		}
	}
	return -1;
}

bool
pd_word_is_at(pd_wordtab *t, int w, const uint32_t *cps, int i, int n)
{
	if (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
		pd_wordtab_build(t);
	return i >= 0 && n - i >= t->len[w] && cps_equal(t->cps[w], cps + i, t->len[w]);
}

bool
pd_word_is_before(pd_wordtab *t, int w, const uint32_t *cps, int from, int i)
{
	if (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
		pd_wordtab_build(t);
	return i - from >= t->len[w] && cps_equal(t->cps[w], cps + i - t->len[w], t->len[w]);
}

/* folded code point at p, or 0 at the end; *next just past it */
static inline uint32_t
fold_next(const unsigned char *p, const unsigned char *end, const unsigned char **next)
{
	uint32_t	cp = 0;

	if (p < end)
		cp = pd_fold(pd_u8_next(&p, end));
	*next = p;
	return cp;
}

int
pd_word_at_text(pd_wordtab *t, const unsigned char *p, const unsigned char *end,
				const unsigned char **after)
{
	uint32_t	cps[PD_WORD_MAX_CPS];
	const unsigned char *at[PD_WORD_MAX_CPS + 1];
	int			n = 0,
				w;

	if (p >= end)
		return -1;
	if (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
		pd_wordtab_build(t);
	at[0] = p;
	cps[0] = fold_next(p, end, &at[1]);
	if (t->head_first[pd_word_bucket(cps[0])] < 0)
		return -1;
	for (n = 1; n < PD_WORD_MAX_CPS && at[n] < end; n++)
		cps[n] = fold_next(at[n], end, &at[n + 1]);
	w = pd_word_at_slow(t, cps, 0, n);
	if (w >= 0 && after)
		*after = at[t->len[w]];
	return w;
}

const unsigned char *
pd_word_find_text(pd_wordtab *t, const unsigned char *p, const unsigned char *end,
				  int *w, const unsigned char **after)
{
	while (p < end)
	{
		int			k = pd_word_at_text(t, p, end, after);

		if (k >= 0)
		{
			if (w)
				*w = k;
			return p;
		}
		(void) pd_u8_next(&p, end);
	}
	return NULL;
}

int
pd_word_before_text(pd_wordtab *t, const unsigned char *base, const unsigned char *end,
					const unsigned char **start)
{
	uint32_t	cps[PD_WORD_MAX_CPS];
	const unsigned char *at[PD_WORD_MAX_CPS + 1];
	int			n = 0,
				w;

	if (end <= base)
		return -1;
	if (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
		pd_wordtab_build(t);
	/* decode backwards into the tail of cps[], at[k] where cps[k] starts */
	at[PD_WORD_MAX_CPS] = end;
	for (const unsigned char *q = end; n < PD_WORD_MAX_CPS && q > base; n++)
	{
		q = pd_prev_folded(base, q, &cps[PD_WORD_MAX_CPS - 1 - n]);
		at[PD_WORD_MAX_CPS - 1 - n] = q;
		if (n == 0 && t->head_last[pd_word_bucket(cps[PD_WORD_MAX_CPS - 1])] < 0)
			return -1;
	}
	w = pd_word_before_slow(t, cps, PD_WORD_MAX_CPS - n, PD_WORD_MAX_CPS);
	if (w >= 0 && start)
		*start = at[PD_WORD_MAX_CPS - t->len[w]];
	return w;
}

bool
pd_text_is_word(pd_wordtab *t, const unsigned char *p, const unsigned char *end)
{
	const unsigned char *after;

	return pd_word_at_text(t, p, end, &after) >= 0 && after == end;
}

bool
pd_wordtab_has_first(pd_wordtab *t, uint32_t cp)
{
	if (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
		pd_wordtab_build(t);
	for (int w = t->head_first[pd_word_bucket(cp)]; w >= 0; w = t->next_first[w])
		if (t->cps[w][0] == cp)
			return true;
	return false;
}

int
pd_wordtab_check(const pd_wordtab *t)
{
	for (int w = 0; w < t->n; w++)
	{
		const char *s = t->words[w].text;
		const unsigned char *p = (const unsigned char *) s;
		const unsigned char *end = p + (s ? strlen(s) : 0);
		int			k = 0;

		if (p == end)
			return w;
		while (p < end)
		{
			uint32_t	cp = pd_u8_next(&p, end);

			/* matching is on folded text: a word must be folded already */
			if (cp == PD_REPLACEMENT || pd_fold(cp) != cp || ++k > PD_WORD_MAX_CPS)
				return w;
		}
		for (int v = 0; v < w; v++)
			if (strcmp(t->words[v].text, s) == 0)
				return w;
	}
	return -1;
}

/* ---- dictionaries ------------------------------------------------------------ */

#define TERM_ROOT 0
#define STOP_ROOT 1
#define NO_TERM (-1)
#define STOP_END (-2)			/* node ends a stop suffix */
#define EMPTY_KEY UINT64_MAX

struct pd_lexicon
{
	const pd_mem *mem;
	int32_t    *node_term;		/* per node: term index, NO_TERM, STOP_END */
	int			nnodes;
	int			maxnodes;
	uint64_t   *edge_key;		/* (node << 21) | code point, EMPTY_KEY = free */
	int32_t    *edge_child;
	size_t		edge_mask;		/* capacity - 1, capacity a power of two */
	int			nterms;			/* distinct folded terms */
	int			max_chars;		/* longest term */
	bool		has_stops;
	uint8_t		first_bmp[0x10000 / 8]; /* folded first characters of terms */
	bool		first_astral;	/* some term starts outside the BMP */
};

static inline size_t
edge_hash(uint64_t key)
{
	return (size_t) ((key * UINT64_C(0x9E3779B97F4A7C15)) >> 29);
}

static int
edge_find(const pd_lexicon *lx, int node, uint32_t cp)
{
	uint64_t	key = ((uint64_t) node << 21) | cp;
	size_t		i = edge_hash(key) & lx->edge_mask;

	for (;;)
	{
		if (lx->edge_key[i] == key)
			return lx->edge_child[i];
		if (lx->edge_key[i] == EMPTY_KEY)
			return -1;
		i = (i + 1) & lx->edge_mask;
	}
}

/* child of node for cp, created when missing (capacity sized by the build) */
static int
edge_add(pd_lexicon *lx, int node, uint32_t cp)
{
	uint64_t	key = ((uint64_t) node << 21) | cp;
	size_t		i = edge_hash(key) & lx->edge_mask;

	while (lx->edge_key[i] != EMPTY_KEY)
	{
		if (lx->edge_key[i] == key)
			return lx->edge_child[i];
		i = (i + 1) & lx->edge_mask;
	}
	lx->edge_key[i] = key;
	lx->edge_child[i] = lx->nnodes;
	lx->node_term[lx->nnodes] = NO_TERM;
	return lx->nnodes++;
}

static void *
lx_alloc(const pd_mem *mem, size_t size)
{
	return mem->alloc(mem->ctx, size);
}

static void
lx_release(const pd_mem *mem, void *p)
{
	if (p && mem->release)
		mem->release(mem->ctx, p);
}

void
pd_lexicon_free(pd_lexicon *lx)
{
	const pd_mem *mem;

	if (lx == NULL)
		return;
	mem = lx->mem;
	lx_release(mem, lx->node_term);
	lx_release(mem, lx->edge_key);
	lx_release(mem, lx->edge_child);
	lx_release(mem, lx);
}

/* insert one folded word under root; returns its final node, or -1 if too long */
static int
insert_word(pd_lexicon *lx, int root, const char *s, size_t len, int *nchars)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	int			node = root;
	int			n = 0;

	while (p < end)
	{
		if (++n > PD_LEXICON_MAX_TERM_CHARS)
			return -1;
		node = edge_add(lx, node, pd_fold(pd_u8_next(&p, end)));
	}
	*nchars = n;
	return node;
}

pd_status
pd_lexicon_build(const pd_mem *mem,
				 const char *const *terms, const size_t *term_lens, int nterms,
				 const char *const *stops, const size_t *stop_lens, int nstops,
				 pd_lexicon **out, pd_error *err)
{
	pd_lexicon *lx;
	size_t		total = 0,
				cap = 16;

	*out = NULL;
	if (mem == NULL)
		mem = &pd_malloc_mem;
	for (int i = 0; i < nterms; i++)
		total += terms[i] ? pd_u8_count(terms[i], term_lens[i]) : 0;
	for (int i = 0; i < nstops; i++)
		total += stops[i] ? pd_u8_count(stops[i], stop_lens[i]) : 0;
	if (total > (size_t) INT32_MAX / 4)
		return pd_fail(err, PD_ERANGE, 0, "The dictionary is too large.");
	while (cap < 2 * total + 2)
		cap <<= 1;

	lx = lx_alloc(mem, sizeof(pd_lexicon));
	if (lx == NULL)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory building the dictionary.");
	memset(lx, 0, sizeof(pd_lexicon));
	lx->mem = mem;
	lx->maxnodes = (int) total + 2;
	lx->node_term = lx_alloc(mem, sizeof(int32_t) * lx->maxnodes);
	lx->edge_key = lx_alloc(mem, sizeof(uint64_t) * cap);
	lx->edge_child = lx_alloc(mem, sizeof(int32_t) * cap);
	if (!lx->node_term || !lx->edge_key || !lx->edge_child)
	{
		pd_lexicon_free(lx);
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory building the dictionary.");
	}
	memset(lx->edge_key, 0xFF, sizeof(uint64_t) * cap);
	lx->edge_mask = cap - 1;
	lx->node_term[TERM_ROOT] = NO_TERM;
	lx->node_term[STOP_ROOT] = NO_TERM;
	lx->nnodes = 2;

	for (int i = 0; i < nterms; i++)
	{
		int			node,
					nchars = 0;
		const unsigned char *p;
		uint32_t	first;

		if (terms[i] == NULL || term_lens[i] == 0)
			continue;
		node = insert_word(lx, TERM_ROOT, terms[i], term_lens[i], &nchars);
		if (node < 0)
		{
			pd_lexicon_free(lx);
			return pd_fail(err, PD_ERANGE, 0,
						   "Term %d is longer than %d characters.",
						   i + 1, PD_LEXICON_MAX_TERM_CHARS);
		}
		if (lx->node_term[node] >= 0)
			continue;			/* same folded term seen before: keep the first */
		lx->node_term[node] = i;
		lx->nterms++;
		if (nchars > lx->max_chars)
			lx->max_chars = nchars;
		p = (const unsigned char *) terms[i];
		first = pd_fold(pd_u8_next(&p, p + term_lens[i]));
		if (first < 0x10000)
			lx->first_bmp[first >> 3] |= (uint8_t) (1u << (first & 7));
		else
			lx->first_astral = true;
	}
	for (int i = 0; i < nstops; i++)
	{
		int			node,
					nchars = 0;

		if (stops[i] == NULL || stop_lens[i] == 0)
			continue;
		node = insert_word(lx, STOP_ROOT, stops[i], stop_lens[i], &nchars);
		if (node < 0)
		{
			pd_lexicon_free(lx);
			return pd_fail(err, PD_ERANGE, 0,
						   "Stop suffix %d is longer than %d characters.",
						   i + 1, PD_LEXICON_MAX_TERM_CHARS);
		}
		lx->node_term[node] = STOP_END;
		lx->has_stops = true;
	}
	*out = lx;
	return PD_OK;
}

int
pd_lexicon_size(const pd_lexicon *lx)
{
	return lx->nterms;
}

static inline bool
is_ascii_word(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		(cp >= 'a' && cp <= 'z') || cp == '_';
}

/* does a stop suffix begin at p? */
static bool
stop_follows(const pd_lexicon *lx, const unsigned char *p, const unsigned char *end)
{
	int			node = STOP_ROOT;

	while (p < end)
	{
		node = edge_find(lx, node, pd_fold(pd_u8_next(&p, end)));
		if (node < 0)
			return false;
		if (lx->node_term[node] == STOP_END)
			return true;
	}
	return false;
}

/* folded code point at p, or 0 at the end */
static inline uint32_t
peek_folded(const unsigned char *p, const unsigned char *end)
{
	return p < end ? pd_fold(pd_u8_next(&p, end)) : 0;
}

typedef struct candidate
{
	int			term;
	const unsigned char *end;
	int			chars;
	uint32_t	last;			/* last folded code point */
} candidate;

pd_status
pd_lexicon_scan(const pd_lexicon *lx, const char *text, size_t len,
				pd_interrupt_fn interrupt, void *interrupt_ctx,
				pd_lexicon_emit_fn emit, void *emit_ctx,
				pd_error *err)
{
	const unsigned char *base = (const unsigned char *) text;
	const unsigned char *p = base;
	const unsigned char *end = base + len;
	const unsigned char *next_check = base + PD_INTERRUPT_STRIDE;
	size_t		cpos = 0;
	uint32_t	prev = 0;		/* folded code point before p */
	candidate	cand[PD_LEXICON_MAX_TERM_CHARS];

	if (lx->nterms == 0)
		return PD_OK;

	while (p < end)
	{
		const unsigned char *q = p;
		uint32_t	f;
		int			node,
					ncand = 0,
					depth = 1;

		if (p >= next_check)
		{
			if (interrupt && interrupt(interrupt_ctx))
				return pd_fail(err, PD_ECANCEL, 0, "The scan was cancelled.");
			next_check = p + PD_INTERRUPT_STRIDE;
		}

		f = pd_fold(pd_u8_next(&q, end));
		if ((f < 0x10000 ? !(lx->first_bmp[f >> 3] & (1u << (f & 7))) : !lx->first_astral) ||
			(is_ascii_word(f) && is_ascii_word(prev)) ||
			(node = edge_find(lx, TERM_ROOT, f)) < 0)
		{
			prev = f;
			p = q;
			cpos++;
			continue;
		}

		/* walk the trie as far as the text allows, noting every term end */
		for (;;)
		{
			if (lx->node_term[node] >= 0)
			{
				cand[ncand].term = lx->node_term[node];
				cand[ncand].end = q;
				cand[ncand].chars = depth;
				cand[ncand].last = f;
				ncand++;
			}
			if (q >= end || depth >= lx->max_chars)
				break;
			{
				const unsigned char *r = q;
				uint32_t	g = pd_fold(pd_u8_next(&r, end));
				int			child = edge_find(lx, node, g);

				if (child < 0)
					break;
				node = child;
				q = r;
				f = g;
				depth++;
			}
		}

		if (ncand == 0)
		{
			prev = pd_fold(pd_u8_next(&p, end));
			cpos++;
			continue;
		}

		/* longest first; a stop suffix or an ASCII word joint rejects */
		{
			int			i;

			for (i = ncand - 1; i >= 0; i--)
			{
				const candidate *c = &cand[i];

				if (is_ascii_word(c->last) && is_ascii_word(peek_folded(c->end, end)))
					continue;
				if (lx->has_stops && stop_follows(lx, c->end, end))
					continue;
				break;
			}
			if (i >= 0)
			{
				pd_lexicon_hit hit;

				hit.term = cand[i].term;
				hit.start = (size_t) (p - base);
				hit.end = (size_t) (cand[i].end - base);
				hit.cstart = cpos;
				hit.clen = (size_t) cand[i].chars;
				if (!emit(emit_ctx, &hit))
					return PD_OK;
			}
			else
				i = ncand - 1;	/* all rejected: consume the longest, no hit */
			p = cand[i].end;
			cpos += (size_t) cand[i].chars;
			prev = cand[i].last;
		}
	}
	return PD_OK;
}
