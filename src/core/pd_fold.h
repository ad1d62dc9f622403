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

/*
 * The BMP part of the table, looked up inline on the hot paths: 16-bit pages
 * (half the cache of 32-bit ones: every parser folds every character it
 * compares) packed in one array, page 0 empty, indexed through the page
 * number of the code point's high byte.  Hidden, so a shared library reads
 * them without going through its global offset table.
 */
#if defined(__GNUC__) && !defined(_WIN32)
#define PD_T2S_HIDDEN __attribute__((visibility("hidden")))
#else
#define PD_T2S_HIDDEN
#endif
extern PD_T2S_HIDDEN const uint8_t pd_t2s_page_no[256];
extern PD_T2S_HIDDEN const uint16_t pd_t2s_flat[];

/*
 * A BMP character whose Simplified form is outside the BMP (a few rare
 * Extension A ones) holds PD_T2S_WIDE in its page, a noncharacter, and is
 * looked up with the rest in the sorted pairs.
 */
#define PD_T2S_WIDE 0xFFFF
uint32_t	pd_t2s_wide(uint32_t cp);

static inline uint32_t
pd_t2s_bmp(uint32_t cp)
{
	uint32_t	v = pd_t2s_flat[((uint32_t) pd_t2s_page_no[cp >> 8] << 8) | (cp & 0xFF)];

	if (v == PD_T2S_WIDE)
		return pd_t2s_wide(cp);
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
	return cp <= 0xFFFF ? pd_t2s_bmp(cp) : pd_t2s_wide(cp);
}

#endif							/* PD_FOLD_H */
