/*
 * libFuzzer harness: plan alignment and sketches.  The input is two
 * documents separated by the first NUL byte (or cut in half), the first byte
 * choosing the threshold.  Every pair must name items of the two documents,
 * score within (0, 1] and at least the threshold, come in order of a, carry
 * shared terms of Han characters within their limits, and no kept pair may
 * lie within another's subtrees; sketches compare within [0, 1], a document
 * with itself at 1 when it has a term.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_align.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
subtree_end(const pd_doc *d, int i)
{
	int			k = i + 1;

	while (k < d->nitems && d->items[k].part == d->items[i].part && d->items[k].depth > d->items[i].depth)
		k++;
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pd_doc		a,
				b;
	pd_error	err;
	pd_align_opts opts = {0};
	pd_align_pair *pairs;
	int			np;
	const uint8_t *cut;
	size_t		alen;
	uint32_t	sa[PD_SKETCH_K],
				sb[PD_SKETCH_K];
	double		sim;

	if (size < 1)
		return 0;
	opts.threshold = (data[0] % 100 + 1) / 100.0;
	data++;
	size--;
	cut = memchr(data, 0, size);
	alen = cut ? (size_t) (cut - data) : size / 2;
	if (pd_segment((const char *) data, alen, NULL, &a, &err) != PD_OK)
		abort();
	if (pd_segment((const char *) data + alen, size - alen, NULL, &b, &err) != PD_OK)
		abort();
	if (pd_align(&a, &b, &opts, &pairs, &np, &err) != PD_OK)
		abort();
	for (int i = 0; i < np; i++)
	{
		const pd_align_pair *p = &pairs[i];

		if (p->a < 0 || p->a >= a.nitems || p->b < 0 || p->b >= b.nitems)
			abort();
		if (!(p->score > 0 && p->score <= 1.0 && p->score >= opts.threshold - 1e-6))
			abort();
		if (i > 0 && pairs[i - 1].a > p->a)
			abort();
		if (p->nshared < 0 || p->nshared > PD_ALIGN_SHARED_MAX)
			abort();
		for (int k = 0; k < p->nshared; k++)
		{
			if (p->shared_len[k] < 2 || p->shared_len[k] > PD_ALIGN_TERM_MAX)
				abort();
			for (int c = 0; c < p->shared_len[k]; c++)
				if (!pd_term_char(p->shared[k][c]))
					abort();
		}
		for (int j = 0; j < np; j++)
			if (j != i && pairs[j].a >= p->a && pairs[j].a < subtree_end(&a, p->a) &&
				pairs[j].b >= p->b && pairs[j].b < subtree_end(&b, p->b))
				abort();		/* a more specific pair within both: p must be gone */
	}
	free(pairs);
	pd_sketch((const char *) data, alen, sa);
	pd_sketch((const char *) data + alen, size - alen, sb);
	sim = pd_sketch_similarity(sa, sb);
	if (!(sim >= 0 && sim <= 1))
		abort();
	sim = pd_sketch_similarity(sa, sa);
	if (!(sim == 0 || sim == 1))
		abort();
	sim = pd_text_similarity((const char *) data, alen, (const char *) data + alen, size - alen);
	if (!(sim >= 0 && sim <= 1.0 + 1e-9))
		abort();
	pd_doc_free(&a);
	pd_doc_free(&b);
	return 0;
}
