/*
 * pd_fold.h — folding single code points, the key of every keyword
 * comparison in the core: full-width -> ASCII (pd_halfwidth), Traditional ->
 * Simplified from OpenCC's table (pd_t2s), and both at once (pd_fold).
 *
 * The lowest module of the core: it needs nothing but the C headers, so
 * pd_core.h includes it and fold.c includes only it.  The generated table
 * itself (t2s_table.h) is fold.c's alone; its BMP pages are exported as
 * pd_t2s_pages for the inline lookup below.
 */
#ifndef PD_FOLD_H
#define PD_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* full-width ASCII variants (U+FF01..U+FF5E) -> ASCII, U+3000 -> ' ' */
static inline uint32_t
pd_halfwidth(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	return cp;
}

/*
 * Traditional -> Simplified for one code point, from OpenCC's character
 * dictionary (TSCharacters, first candidate), compiled into t2s_table.h at
 * build time.  Code points without an entry map to themselves.
 */
uint32_t	pd_t2s(uint32_t cp);

/* true if cp has an entry in the Traditional->Simplified table */
bool		pd_is_traditional(uint32_t cp);

/* number of entries in the compiled table (for tests) */
size_t		pd_t2s_table_size(void);

/* the i-th (traditional, simplified) pair, for tests against libopencc */
void		pd_t2s_table_entry(size_t i, uint32_t *trad, uint32_t *simp);

/* the BMP part of the table, looked up inline on the hot paths */
extern const uint32_t *const *const pd_t2s_pages;

static inline uint32_t
pd_t2s_bmp(uint32_t cp)
{
	const uint32_t *page = pd_t2s_pages[cp >> 8];
	uint32_t	v;

	if (page == NULL)
		return cp;
	v = page[cp & 0xFF];
	return v ? v : cp;
}

/*
 * Both folds at once: half-width, then Simplified.  This is the key used
 * everywhere the parser compares keywords, so 責任單位 and 责任单位, ：and :
 * are the same thing.
 */
static inline uint32_t
pd_fold(uint32_t cp)
{
	cp = pd_halfwidth(cp);
	if (cp < 0x2E80)
		return cp;
	return cp <= 0xFFFF ? pd_t2s_bmp(cp) : pd_t2s(cp);
}

#endif							/* PD_FOLD_H */
