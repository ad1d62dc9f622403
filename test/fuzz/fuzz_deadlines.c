/*
 * libFuzzer harness: the deadline reader.  Any bytes are text: every row
 * must be consistent — a known kind, a raw span inside the text, a range
 * whose ends are in order and within the years a plan names, an item that
 * exists (and an inherited row only for an item with a parent).  Then the
 * same bytes as a document: pd_doc_deadlines() over every item.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_deadline.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct check
{
	size_t		size;
	const pd_doc *doc;
	int			last_item;
} check;

static bool
on_row(void *ctx, const pd_deadline *d)
{
	check	   *c = (check *) ctx;
	int32_t		min = pd_days_from_civil(1900, 1, 1),
				max = pd_days_from_civil(2300, 1, 1);

	if (d->kind < PD_DL_BY || d->kind > PD_DL_ONGOING)
		abort();
	if (d->raw_start >= d->raw_end || d->raw_end > c->size)
		abort();
	if (d->lo != PD_DAY_NONE && (d->lo < min || d->lo > max))
		abort();
	if (d->hi != PD_DAY_NONE && (d->hi < min || d->hi > max))
		abort();
	if (d->lo != PD_DAY_NONE && d->hi != PD_DAY_NONE && d->lo >= d->hi)
		abort();
	if ((d->kind == PD_DL_BY) != (d->lo == PD_DAY_NONE && d->hi != PD_DAY_NONE) && d->kind == PD_DL_BY)
		abort();
	if (c->doc == NULL)
	{
		if (d->item != -1 || d->inherited)
			abort();
		return true;
	}
	if (d->item < 0 || d->item >= c->doc->nitems || d->item < c->last_item)
		abort();
	if (d->inherited && c->doc->items[d->item].parent < 0)
		abort();
	if (!d->inherited && (d->raw_start < c->doc->items[d->item].marker_start ||
						  d->raw_end > c->doc->items[d->item].own_end))
		abort();
	c->last_item = d->item;
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check		c = {size, NULL, 0};
	pd_error	err;

	if (!pd_deadlines_selfcheck())
		abort();
	if (pd_deadlines_scan((const char *) data, size, 0, NULL, on_row, &c, &err) != PD_OK)
		abort();
	if (pd_deadlines_scan((const char *) data, size, 2024, NULL, on_row, &c, &err) != PD_OK)
		abort();
	{
		pd_doc		d;

		if (pd_segment((const char *) data, size, NULL, &d, &err) != PD_OK)
			abort();
		c.doc = &d;
		if (pd_doc_deadlines(&d, NULL, on_row, &c, &err) != PD_OK)
			abort();
		pd_doc_free(&d);
	}
	return 0;
}
