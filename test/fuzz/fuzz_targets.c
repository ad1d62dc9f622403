/*
 * libFuzzer harness: the sentence extractor.  Any bytes are text; every hit
 * must be consistent: raw offsets inside the text and in order, a value
 * that prints and reads back, an indicator that fits its buffer, a year of
 * four digits or none, a known period and kind.  Then the same bytes as a
 * document: pd_doc_targets() reads the goal block and every item, and each
 * hit names a real item (or none) and a span inside the document.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_doc_targets.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct check
{
	size_t		size;
	size_t		last_start;
	int			hits;
} check;

static bool
on_hit(void *ctx, const pd_target_hit *h)
{
	check	   *c = (check *) ctx;
	char		text[PD_TARGET_TEXT_MAX];
	pd_target	again;
	size_t		len;

	if (h->raw_start > h->raw_end || h->raw_end > c->size || h->raw_start < c->last_start)
		abort();
	/* as printed: the text's own bytes, NUL-terminated after them */
	if (h->indicator_len >= PD_INDICATOR_MAX_BYTES || h->indicator[h->indicator_len] != '\0')
		abort();
	if (h->year != 0 && (h->year < 1900 || h->year > 2199))
		abort();
	if (h->period > PD_PERIOD_BY_YEAR || h->goal_kind > PD_GOAL_LIMIT)
		abort();
	len = pd_target_format(&h->target, text);
	if (pd_target_parse(text, len, &again, NULL) != PD_OK || pd_target_cmp(&h->target, &again) != 0)
		abort();
	c->last_start = h->raw_start;
	c->hits++;
	return true;
}

typedef struct doc_check
{
	const pd_doc *doc;
	check		inner;
} doc_check;

static bool
on_doc_hit(void *ctx, int item, size_t base, const pd_target_hit *h)
{
	doc_check  *c = (doc_check *) ctx;

	if (item < -1 || item >= c->doc->nitems || base > c->doc->len ||
		base + h->raw_end > c->doc->len)
		abort();
	if (item >= 0 && (base != c->doc->items[item].marker_end ||
					  base + h->raw_end > c->doc->items[item].own_end))
		abort();
	c->inner.size = c->doc->len - base;
	c->inner.last_start = 0;
	return on_hit(&c->inner, h);
}

static int
year_2021(void *ctx)
{
	(void) ctx;
	return 2021;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check		c = {size, 0, 0};
	pd_error	err;
	int			year;

	/* without options, then with a document year (“十三五”期间 is past in 2021) */
	if (pd_targets_scan((const char *) data, size, NULL, on_hit, &c, &year, &err) != PD_OK)
		abort();
	if (year != 0 && (year < 1900 || year > 2199))
		abort();
	{
		pd_tscan_opts opts = {0, NULL, NULL, year_2021, NULL};

		c.last_start = 0;
		c.hits = 0;
		if (pd_targets_scan((const char *) data, size, &opts, on_hit, &c, &year, &err) != PD_OK)
			abort();
	}
	{
		pd_doc		d;
		doc_check	dc = {&d, {0, 0, 0}};
		pd_tscan_opts opts = {0, NULL, NULL, year_2021, NULL};

		if (pd_segment((const char *) data, size, NULL, &d, &err) != PD_OK)
			abort();
		if (pd_doc_targets(&d, &opts, on_doc_hit, &dc, &err) != PD_OK)
			abort();
		pd_doc_free(&d);
	}
	return 0;
}
