/*
 * libFuzzer harness: the folded dictionary matcher that finds places
 * (src/core/lexicon.c).  Two dictionaries: fixed place names and stop
 * suffixes of the kind plandata_geo ships, and one cut from the input
 * itself (its first line, split at '|': terms; its second line: stops), so
 * that odd terms — invalid UTF-8, one byte, overlapping, Traditional — are
 * exercised too.  The rest is the text.  Hits must lie inside the text, in
 * order, without overlap, on character boundaries that agree with the
 * character offsets, and name a term that folds to the same text.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_lexicon.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const PLACES[] = {
	"铜梁", "铜梁区", "重庆市铜梁区", "江北", "江北区", "合川", "大足", "开州", "开州区", "重庆",
	"重庆市", "广安", "南岸", "河南", "江南岸", "健康长寿", "长寿", "两江新区", "西部(重庆)科学城", "ABC",
};
static const char *const STOPS[] = {"路", "石刻", "岸", "门", "区", "县", "大道"};

typedef struct check
{
	const char *text;
	size_t		len;
	const char *const *terms;
	const size_t *lens;
	size_t		last_end;
	size_t		last_cend;
} check;

static bool
folded_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	const unsigned char *p = (const unsigned char *) a, *pe = p + alen;
	const unsigned char *q = (const unsigned char *) b, *qe = q + blen;

	while (p < pe && q < qe)
		if (pd_fold(pd_u8_next(&p, pe)) != pd_fold(pd_u8_next(&q, qe)))
			return false;
	return p == pe && q == qe;
}

static bool
on_hit(void *ctx, const pd_lexicon_hit *h)
{
	check	   *c = ctx;

	if (h->start >= h->end || h->end > c->len || h->start < c->last_end)
		abort();
	if (h->cstart < c->last_cend ||
		pd_u8_count(c->text, h->start) != h->cstart ||
		pd_u8_count(c->text + h->start, h->end - h->start) != h->clen)
		abort();
	if (!folded_equal(c->text + h->start, h->end - h->start, c->terms[h->term], c->lens[h->term]))
		abort();
	c->last_end = h->end;
	c->last_cend = h->cstart + h->clen;
	return true;
}

static void
scan(const char *const *terms, const size_t *lens, int n,
	 const char *const *stops, const size_t *slens, int ns, const char *text, size_t len)
{
	pd_lexicon *lx = NULL;
	pd_error	err;
	check		c = {text, len, terms, lens, 0, 0};
	pd_status	st = pd_lexicon_build(NULL, terms, lens, n, stops, slens, ns, &lx, &err);

	if (st == PD_ERANGE)
		return;					/* a term longer than the limit: refused, fine */
	if (st != PD_OK || lx == NULL)
		abort();
	if (pd_lexicon_scan(lx, text, len, NULL, NULL, on_hit, &c, &err) != PD_OK)
		abort();
	pd_lexicon_free(lx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	const char *nl1 = memchr(s, '\n', size);
	const char *nl2 = nl1 ? memchr(nl1 + 1, '\n', size - (size_t) (nl1 + 1 - s)) : NULL;
	size_t		plens[sizeof(PLACES) / sizeof(PLACES[0])],
				stlens[sizeof(STOPS) / sizeof(STOPS[0])];
	const char *terms[64],
			   *stops[64];
	size_t		tlens[64],
				slens[64];
	int			nt = 0,
				ns = 0;

	for (size_t i = 0; i < sizeof(PLACES) / sizeof(PLACES[0]); i++)
		plens[i] = strlen(PLACES[i]);
	for (size_t i = 0; i < sizeof(STOPS) / sizeof(STOPS[0]); i++)
		stlens[i] = strlen(STOPS[i]);
	scan(PLACES, plens, (int) (sizeof(PLACES) / sizeof(PLACES[0])),
		 STOPS, stlens, (int) (sizeof(STOPS) / sizeof(STOPS[0])), s, size);

	if (nl1 && nl2)
	{
		/* terms from the first line, stops from the second, '|'-separated */
		const char *p = s;

		while (p <= nl1 && nt < 64)
		{
			const char *e = memchr(p, '|', (size_t) (nl1 - p));

			if (!e)
				e = nl1;
			terms[nt] = p;
			tlens[nt++] = (size_t) (e - p);
			p = e + 1;
		}
		p = nl1 + 1;
		while (p <= nl2 && ns < 64)
		{
			const char *e = memchr(p, '|', (size_t) (nl2 - p));

			if (!e)
				e = nl2;
			stops[ns] = p;
			slens[ns++] = (size_t) (e - p);
			p = e + 1;
		}
		scan(terms, tlens, nt, stops, slens, ns, nl2 + 1, size - (size_t) (nl2 + 1 - s));
	}
	return 0;
}
