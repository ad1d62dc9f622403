/*
 * pd_lexicon.h — find the words of a dictionary in a document, folded.
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
