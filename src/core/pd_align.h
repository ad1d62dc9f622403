/*
 * pd_align.h — two plans side by side: which items address the same measure
 * (pd_align), and a small per-document sketch to find similar plans
 * (pd_sketch).  Backend-free.
 *
 * Terms are character bigrams of folded text (pd_fold: Traditional and
 * Simplified, full- and half-width give the same terms): two Han characters
 * of the Basic Multilingual Plane (the unified ideographs, extension A and
 * the compatibility block) that follow each other with no punctuation,
 * space, digit or Latin letter between them.  A character beyond the BMP
 * (extension B on, rare in plans) breaks a run like punctuation.
 */
#ifndef PD_ALIGN_H
#define PD_ALIGN_H

#include "pd_core.h"
#include "pd_segment.h"

#define PD_ALIGN_DEFAULT_THRESHOLD 0.25
#define PD_ALIGN_SHARED_MAX 5		/* terms reported per pair */
#define PD_ALIGN_TERM_MAX 12		/* characters per reported term */

/* a term: two folded BMP code points, 16 bits each (never 0) */
typedef uint32_t pd_term;

static inline bool
pd_term_char(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
		(cp >= 0xF900 && cp <= 0xFAFF);
}

#define PD_TERM(c1, c2) (((pd_term) (c1) << 16) | (pd_term) (c2))

/* a corpus statistic: in how many stored documents a term occurs */
typedef struct pd_term_df
{
	pd_term		term;
	int32_t		df;
} pd_term_df;

typedef struct pd_align_opts
{
	double		threshold;		/* keep pairs scoring >= this, 0 < t <= 1 */
	const pd_mem *mem;			/* NULL: malloc */
	pd_interrupt_fn interrupt;	/* NULL: never interrupted */
	void	   *interrupt_ctx;
	/* optional: document frequencies over a corpus of ndocs documents,
	 * sorted by term (NULL: the two plans' items are the only statistics) */
	const pd_term_df *corpus;
	int			ncorpus;
	int			corpus_docs;
} pd_align_opts;

typedef struct pd_align_pair
{
	int			a,
				b;				/* indexes into a->items, b->items */
	double		score;			/* cosine of the two items' TF-IDF vectors */
	int			nshared;
	int			shared_len[PD_ALIGN_SHARED_MAX];
	uint32_t	shared[PD_ALIGN_SHARED_MAX][PD_ALIGN_TERM_MAX]; /* folded code points */
} pd_align_pair;

/*
 * Align the items of two segmented documents: every pair of items whose own
 * texts (heading and text up to the next marker) score at least
 * opts->threshold, except a pair (x, y) when another kept pair (x', y') has
 * x' within x's subtree and y' within y's (the most specific items win).
 * Pairs come in order of a, then descending score.  *out is allocated with
 * opts->mem (NULL when there are none).  Fails with PD_ENOMEM or PD_ECANCEL.
 */
pd_status	pd_align(const pd_doc *a, const pd_doc *b, const pd_align_opts *opts,
					 pd_align_pair **out, int *npairs, pd_error *err);

/* the cosine similarity of two whole texts (the same terms and weights
 * without IDF): used to match target indicators */
double		pd_text_similarity(const char *a, size_t alen, const char *b, size_t blen);

/*
 * The distinct terms of a text, sorted (for corpus statistics).  *out is
 * allocated with mem (NULL: malloc).  Returns PD_OK or PD_ENOMEM.
 */
pd_status	pd_text_terms(const char *text, size_t len, const pd_mem *mem,
						  pd_term **out, int *nterms);

/*
 * A document's sketch: one-permutation MinHash over its distinct terms,
 * PD_SKETCH_K buckets of 32 bits (0xFFFFFFFF = empty).  The share of
 * buckets two sketches agree on estimates the Jaccard similarity of the
 * two term sets.
 */
#define PD_SKETCH_K 128
#define PD_SKETCH_EMPTY 0xFFFFFFFFu
void		pd_sketch(const char *text, size_t len, uint32_t sketch[PD_SKETCH_K]);
double		pd_sketch_similarity(const uint32_t *a, const uint32_t *b);

#endif
