/*
 * fold.c — Traditional -> Simplified folding of single code points.
 *
 * The table is OpenCC's TSCharacters dictionary compiled into t2s_table.h by
 * tools/gen_t2s at build time (see the Makefile), so the knowledge comes from
 * a maintained source and the lookup costs two array reads.  test/c/test_t2s
 * checks every entry against libopencc.  The table changes only with an
 * extension version, which keeps functions that use it IMMUTABLE.
 */
#include "pd_fold.h"

#include "t2s_table.h"

/* the sorted pairs: characters outside the BMP, and BMP ones marked wide */
uint32_t
pd_t2s_wide(uint32_t cp)
{
	size_t		lo = 0,
				hi = PD_T2S_COUNT;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (t2s_pairs[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo < PD_T2S_COUNT && t2s_pairs[lo][0] == cp) ? t2s_pairs[lo][1] : cp;
}

uint32_t
pd_t2s(uint32_t cp)
{
	return cp <= 0xFFFF ? pd_t2s_bmp(cp) : pd_t2s_wide(cp);
}

bool
pd_is_traditional(uint32_t cp)
{
	return pd_t2s(cp) != cp;
}

size_t
pd_t2s_table_size(void)
{
	return PD_T2S_COUNT;
}

void
pd_t2s_table_entry(size_t i, uint32_t *trad, uint32_t *simp)
{
	*trad = t2s_pairs[i][0];
	*simp = t2s_pairs[i][1];
}
