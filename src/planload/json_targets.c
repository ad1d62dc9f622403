/*
 * json_targets.c — the "targets" of --parse-only: plan_targets() rows as
 * JSON, from the core's target scanner (pd_target.h), exactly as the SQL
 * wrapper reads them: each item's own text after its marker.
 *
 * A file of its own so that it can include pd_target.h alone (pd_units.h
 * declares names of its own), and so that a checkout without the target
 * parser still builds: without pd_target.h the JSON has no "targets" key.
 */
#include "planload.h"
#include "load.h"
#include "pd_segment.h"

#include <jansson.h>
#include <stdio.h>

#if __has_include("pd_target.h")
#include "pd_target.h"

typedef struct emit_ctx
{
	const pd_doc *d;
	pd_charpos	cpos;
	int			item;			/* index into d->items */
	size_t		base;			/* byte offset of the scanned span */
	json_t	   *arr;
} emit_ctx;

static bool
emit(void *vctx, const pd_target_hit *h)
{
	emit_ctx   *c = vctx;
	const pd_item *it = &c->d->items[c->item];
	const char *period = pd_period_name(h->period);
	char		code[PD_TC_TEXT_MAX + 1];
	char		target[PD_TARGET_TEXT_MAX];
	json_t	   *o = json_object();

	pd_tc_format(it->code, code);
	json_object_set_new(o, "ord", json_integer(c->item + 1));
	json_object_set_new(o, "part", json_integer(it->part));
	json_object_set_new(o, "code", json_string(code));
	json_object_set_new(o, "indicator", json_stringn(h->indicator, h->indicator_len));
	json_object_set_new(o, "target", json_stringn(target, pd_target_format(&h->target, target)));
	json_object_set_new(o, "year", h->year ? json_integer(h->year) : json_null());
	json_object_set_new(o, "period", period ? json_string(period) : json_null());
	json_object_set_new(o, "aspirational", json_boolean(h->aspirational));
	json_object_set_new(o, "raw", json_stringn(c->d->text + c->base + h->raw_start, h->raw_end - h->raw_start));
	json_object_set_new(o, "start_offset",
						json_integer((json_int_t) pd_charpos_at(&c->cpos, c->base + h->raw_start)));
	json_object_set_new(o, "end_offset",
						json_integer((json_int_t) pd_charpos_at(&c->cpos, c->base + h->raw_end)));
	json_array_append_new(c->arr, o);
	return true;
}

/* the document's own year (its metadata is read before the targets) */
static int
doc_year_of(void *vdoc)
{
	return pd_doc_own_year((const pd_doc *) vdoc);
}

int
pl_json_targets(const pd_doc *d, json_t **out, char *why, size_t whylen)
{
	emit_ctx	c = {.d = d, .arr = json_array()};
	pd_tscan_opts opts = {0, NULL, NULL, doc_year_of, (void *) d};	/* as plan_targets */
	pd_error	err;

	pd_charpos_init(&c.cpos, d->text);
	for (int i = 0; i < d->nitems; i++)
	{
		const pd_item *it = &d->items[i];

		c.item = i;
		c.base = it->marker_end;
		if (pd_targets_scan(d->text + it->marker_end, it->own_end - it->marker_end, &opts,
							emit, &c, NULL, &err) != PD_OK)
		{
			snprintf(why, whylen, "targets: %s", err.msg);
			json_decref(c.arr);
			return -1;
		}
	}
	*out = c.arr;
	return 1;
}

#else

/* the document's own year (its metadata is read before the targets) */
static int
doc_year_of(void *vdoc)
{
	return pd_doc_own_year((const pd_doc *) vdoc);
}

int
pl_json_targets(const pd_doc *d, json_t **out, char *why, size_t whylen)
{
	(void) d;
	(void) why;
	(void) whylen;
	*out = NULL;
	return 0;
}

#endif
