/*
 * pd_lexicon.h — the core's one word-matching engine: every module that looks
 * words up in folded text (targets, units, tables, places) does it here.
 *
 * One table format, pd_word {text, a, b}: Simplified, half-width UTF-8 words
 * with two small payload numbers.  Two indexes over it:
 *
 *  - word tables (pd_wordtab, static keyword lists of a module): matched on
 *    folded code points, forwards (the longest word starting at i) and
 *    backwards (the longest word ending before i);
 *  - dictionaries (pd_lexicon, terms given at run time: place names, unit
 *    names): scanned over a whole document, below.
 *
 * Dictionaries: find the words of a dictionary in a document, folded.
 *
 * A lexicon is a set of terms (place names, unit names, …) compiled into a
 * trie over folded code points (pd_fold: full-width -> ASCII, Traditional ->
 * Simplified), so 銅梁 and 铜梁, ＡＢ and AB find the same term while the
 * hits still carry the byte and character offsets of the text as printed.
 *
 * Scanning is leftmost-longest and non-overlapping: at each position the
 * longest term that starts there wins, and the scan resumes after it.  Two
 * rules keep names from being found inside other words:
 *
 *  - Stop suffixes.  A candidate is rejected when the text right after it
 *    begins with a stop suffix (合川 in 合川路, 大足 in 大足石刻); the next
 *    shorter term at the same position is tried (重庆市场: 重庆市 is
 *    rejected by 场, 重庆 then stands).  When every candidate is rejected,
 *    the longest one's span is consumed without a hit, so a blocked name
 *    never exposes a shorter name inside it (黄河南岸 blocks 河南 and does not
 *    then offer 南岸).
 *  - ASCII words.  A term that begins (ends) with an ASCII letter or digit
 *    does not match right after (before) another one.
 *
 * Callers that need "this phrase is never a name" (健康长寿) add it as a term
 * of its own and ignore its hits: being longer, it wins over the name inside.
 *
 * One scan costs O(length × longest term) folded code-point steps, one hash
 * probe each; it checks the interrupt hook every PD_INTERRUPT_STRIDE bytes.
 */
#ifndef PD_LEXICON_H
#define PD_LEXICON_H

#include "pd_core.h"

/*
 * A keyword table: Simplified, half-width UTF-8 words with two small
 * payload numbers.  The first lookup decodes the words into code points and
 * indexes them by first and by last code point, so matching at a position
 * (forwards, or backwards from a position) touches only the few words that
 * can match.  The build runs once, on first use, by whichever thread comes
 * first; a thread that finds it under way waits for it (a few microseconds),
 * so tables are safe to share between threads without an init call.
 *
 * Every word must be at most PD_WORD_MAX_CPS code points (a longer one is
 * cut, and would then match its prefix): modules check their tables with
 * pd_wordtab_check() in their C tests.  A table has at most PD_WORDTAB_MAX
 * words; PD_WORDTAB() refuses a larger array at compile time.  Ties between
 * words of the same length cannot occur but for duplicates, which
 * pd_wordtab_check() also reports.
 */
#define PD_WORD_MAX_CPS 16		/* longer words are cut: keep them shorter */
#define PD_WORDTAB_MAX 4096		/* word indexes are int16_t */
#define PD_WORD_BUCKETS 1024		/* power of two: most code points hit an empty one */

typedef struct pd_word
{
	const char *text;
	int16_t		a;
	int16_t		b;
} pd_word;

/*
 * The index of a table lives in arrays sized by the table (PD_WORDTAB gives
 * each table its own, zero-filled, so they cost no space in the binary):
 * the words' lengths and code points, and two chained hash indexes of the
 * words, by first and by last code point.
 */
typedef struct pd_wordtab
{
	const pd_word *words;
	int			n;
	volatile int ready;
	int			building;		/* set by the thread that builds the index */
	uint8_t    *len;			/* [n] */
	uint32_t	(*cps)[PD_WORD_MAX_CPS];	/* [n] */
	int16_t    *head_first;		/* [PD_WORD_BUCKETS] */
	int16_t    *next_first;		/* [n] */
	int16_t    *head_last;		/* [PD_WORD_BUCKETS] */
	int16_t    *next_last;		/* [n] */
} pd_wordtab;

static inline unsigned
pd_word_bucket(uint32_t cp)
{
	return (cp * 2654435761u) >> 22;	/* top 10 bits: 1024 buckets */
}

/* the number of words of arr; a compile error when over PD_WORDTAB_MAX */
#define PD_WORDTAB_COUNT(arr) \
	((int) (sizeof(arr) / sizeof((arr)[0]) + \
			0 * sizeof(char[sizeof(arr) / sizeof((arr)[0]) <= PD_WORDTAB_MAX ? 1 : -1])))

/*
 * The initializer of a table over the pd_word array arr, at file scope
 * (its index arrays are file-scope compound literals: static storage).
 */
#define PD_WORDTAB(arr) \
	{ (arr), PD_WORDTAB_COUNT(arr), 0, 0, \
	  (uint8_t[PD_WORDTAB_COUNT(arr)]) {0}, \
	  (uint32_t[PD_WORDTAB_COUNT(arr)][PD_WORD_MAX_CPS]) {{0}}, \
	  (int16_t[PD_WORD_BUCKETS]) {0}, (int16_t[PD_WORDTAB_COUNT(arr)]) {0}, \
	  (int16_t[PD_WORD_BUCKETS]) {0}, (int16_t[PD_WORDTAB_COUNT(arr)]) {0} }

/* the slow paths of the two lookups below */
int			pd_word_at_slow(pd_wordtab *t, const uint32_t *cps, int i, int n);
int			pd_word_before_slow(pd_wordtab *t, const uint32_t *cps, int from, int i);
void		pd_wordtab_build(pd_wordtab *t);

/*
 * Longest word starting at cps[i] (i < n): its index, or -1.  Inline up to
 * the bucket, which is empty for most code points of running text.
 */
static inline int
pd_word_at(pd_wordtab *t, const uint32_t *cps, int i, int n)
{
	if (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
		pd_wordtab_build(t);
	if (t->head_first[pd_word_bucket(cps[i])] < 0)
		return -1;
	return pd_word_at_slow(t, cps, i, n);
}

/* longest word ending just before cps[i] and starting at or after `from` */
static inline int
pd_word_before(pd_wordtab *t, const uint32_t *cps, int from, int i)
{
	if (i <= from)
		return -1;
	if (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE))
		pd_wordtab_build(t);
	if (t->head_last[pd_word_bucket(cps[i - 1])] < 0)
		return -1;
	return pd_word_before_slow(t, cps, from, i);
}

static inline int
pd_word_len(const pd_wordtab *t, int w)
{
	return t->len[w];
}

/* word w's folded code points (pd_word_len of them), once the table is built */
static inline const uint32_t *
pd_word_cps(const pd_wordtab *t, int w)
{
	return t->cps[w];
}

/*
 * The same two lookups when only the length matters: the length of the
 * longest word starting at cps[i] within [i, n) (0 when none, also when
 * i >= n), and of the longest word ending just before cps[i] that starts at
 * or after `from` (0 when none).
 */
static inline int
pd_word_len_at(pd_wordtab *t, const uint32_t *cps, int i, int n)
{
	int			w;

	if (i >= n || (w = pd_word_at(t, cps, i, n)) < 0)
		return 0;
	return t->len[w];
}

static inline int
pd_word_len_before(pd_wordtab *t, const uint32_t *cps, int from, int i)
{
	int			w = pd_word_before(t, cps, from, i);

	return w < 0 ? 0 : t->len[w];
}

/*
 * The first position p >= i at which a word of t starts and ends by n, or
 * -1; *w (may be NULL) receives the longest word there.  "Does cps[i, n)
 * contain a word of t" is pd_word_find(...) >= 0.
 */
int			pd_word_find(pd_wordtab *t, const uint32_t *cps, int i, int n, int *w);

/* does word w of t (that one, not the longest) stand at cps[i], within n? */
bool		pd_word_is_at(pd_wordtab *t, int w, const uint32_t *cps, int i, int n);

/* does word w of t end just before cps[i], starting at or after `from`? */
bool		pd_word_is_before(pd_wordtab *t, int w, const uint32_t *cps, int from, int i);

/*
 * The same tables over UTF-8 text as printed, folded on the fly, for
 * callers that hold bytes rather than code points (table cells, the lines
 * of a heading or of the metadata block):
 *  - pd_word_at_text: the longest word of t at p that ends by `end`: its
 *    index, with *after (may be NULL) just past it in the text; or -1;
 *  - pd_word_find_text: the first position at or after p where a word of t
 *    starts and ends by `end` (NULL when none); *w and *after (may be NULL)
 *    receive the longest word there and the position just past it;
 *  - pd_word_before_text: the longest word of t that ends at `end` and
 *    starts at or after `base`: its index, with *start (may be NULL) where
 *    it starts; or -1;
 *  - pd_text_is_word: is the whole of [p, end) one word of t?
 */
int			pd_word_at_text(pd_wordtab *t, const unsigned char *p, const unsigned char *end,
							const unsigned char **after);
const unsigned char *pd_word_find_text(pd_wordtab *t, const unsigned char *p, const unsigned char *end,
									   int *w, const unsigned char **after);
int			pd_word_before_text(pd_wordtab *t, const unsigned char *base, const unsigned char *end,
								const unsigned char **start);
bool		pd_text_is_word(pd_wordtab *t, const unsigned char *p, const unsigned char *end);

/* does some word of t start with the code point cp?  (exact, not a filter) */
bool		pd_wordtab_has_first(pd_wordtab *t, uint32_t cp);

/*
 * Check a table for tests: -1 when every word is non-empty, valid UTF-8,
 * folded (Simplified, half-width: else it never matches), at most
 * PD_WORD_MAX_CPS code points and unlike every other word; else the index
 * of the first word that is not.
 */
int			pd_wordtab_check(const pd_wordtab *t);


/* longest term, in characters; longer terms are rejected by the build */
#define PD_LEXICON_MAX_TERM_CHARS 64

typedef struct pd_lexicon pd_lexicon;

typedef struct pd_lexicon_hit
{
	int			term;			/* index of the term (0-based, as given) */
	size_t		start;			/* bytes [start, end) of the text */
	size_t		end;
	size_t		cstart;			/* 0-based character offset of start */
	size_t		clen;			/* length in characters */
} pd_lexicon_hit;

/*
 * Compile nterms terms and nstops stop suffixes (UTF-8, any script and
 * width).  NULL or empty entries are skipped; terms that fold to the same
 * string report the lowest index.  Fails with PD_ERANGE for a term or stop
 * longer than PD_LEXICON_MAX_TERM_CHARS, PD_ENOMEM when mem fails.
 */
pd_status	pd_lexicon_build(const pd_mem *mem,
							 const char *const *terms, const size_t *term_lens, int nterms,
							 const char *const *stops, const size_t *stop_lens, int nstops,
							 pd_lexicon **out, pd_error *err);
void		pd_lexicon_free(pd_lexicon *lx);

/* number of distinct folded terms compiled in (for tests) */
int			pd_lexicon_size(const pd_lexicon *lx);

/* receives each hit in text order; return false to stop the scan early */
typedef bool (*pd_lexicon_emit_fn) (void *ctx, const pd_lexicon_hit *hit);

/*
 * Scan text[0..len).  Never fails on content; returns PD_ECANCEL when the
 * interrupt hook asks to stop (hits already emitted stay emitted).
 */
pd_status	pd_lexicon_scan(const pd_lexicon *lx, const char *text, size_t len,
							pd_interrupt_fn interrupt, void *interrupt_ctx,
							pd_lexicon_emit_fn emit, void *emit_ctx,
							pd_error *err);

#endif
