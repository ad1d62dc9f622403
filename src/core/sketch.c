/*
 * sketch.c — a fixed-size sketch of a whole document for finding similar
 * plans among many (plan_similar).  Backend-free.
 *
 * Owns: one-permutation MinHash over the document's distinct folded
 * bigrams (the terms of pd_align.h): each term is hashed once, the hash's
 * low bits choose one of PD_SKETCH_K buckets and the bucket keeps the
 * smallest of the rest.  Two sketches agreeing in a bucket both non-empty
 * is an estimate of the Jaccard similarity of the term sets (buckets empty
 * in both are left out).  Hashing once per term keeps the sketch about as
 * cheap as reading the text, so it is computed at ingest.
 * Must not: segment, or know SQL.
 */
#include "pd_align.h"

#include <stdlib.h>

/* splitmix64's finaliser: a good 64-bit mix for distinct keys */
static inline uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xBF58476D1CE4E5B9ull;
	x ^= x >> 27;
	x *= 0x94D049BB133111EBull;
	x ^= x >> 31;
	return x;
}

void
pd_sketch(const char *text, size_t len, uint32_t sketch[PD_SKETCH_K])
{
	const unsigned char *p = (const unsigned char *) text;
	const unsigned char *end = p + len;
	uint32_t	prev = 0;

	for (int k = 0; k < PD_SKETCH_K; k++)
		sketch[k] = PD_SKETCH_EMPTY;
	while (p < end)
	{
		uint32_t	cp = pd_u8_next(&p, end);
		uint64_t	h;
		uint32_t	v;
		int			bucket;

		if (cp >= 0x80)
			cp = pd_fold(cp);
		if (!pd_term_char(cp))
		{
			prev = 0;
			continue;
		}
		if (prev)
		{
			h = mix64(PD_TERM(prev, cp));
			bucket = (int) (h & (PD_SKETCH_K - 1));
			v = (uint32_t) (h >> 32);
			if (v == PD_SKETCH_EMPTY)
				v--;
			if (v < sketch[bucket])
				sketch[bucket] = v;
		}
		prev = cp;
	}
}

double
pd_sketch_similarity(const uint32_t *a, const uint32_t *b)
{
	int			same = 0,
				used = 0;

	for (int k = 0; k < PD_SKETCH_K; k++)
	{
		if (a[k] == PD_SKETCH_EMPTY && b[k] == PD_SKETCH_EMPTY)
			continue;
		used++;
		same += a[k] == b[k];
	}
	return used ? (double) same / used : 0;
}
