/*
 * json_targets.c — the "targets" of --parse-only: plan_targets() rows as
 * JSON, from the core's target scanner (pd_target.h), exactly as the SQL
 * wrapper reads them: each item's own text after its marker.
 * The spans read and the item of each come from pd_doc_targets(), the
 * same walk as the SQL function's.  A file of its own so that it can
 * include pd_target.h alone (pd_units.h declares names of its own).
 */
#include "planload.h"
#include "load.h"
#include "pd_segment.h"

#include <jansson.h>
#include <stdio.h>

#include "pd_doc_targets.h"

typedef struct emit_ctx
{
	const pd_doc *d;
	pd_charpos	cpos;
	json_t	   *arr;
} emit_ctx;

/* one row, as plan_targets() gives it: a plan-level target has no code or ord */
static bool
emit(void *vctx, int item, size_t base, const pd_target_hit *h)
{
	emit_ctx   *c = vctx;
	const pd_item *it = item >= 0 ? &c->d->items[item] : NULL;
	const char *period = pd_period_name(h->period);
	char		code[PD_TC_TEXT_MAX + 1];
	char		target[PD_TARGET_TEXT_MAX];
	json_t	   *o = json_object();

	if (it)
		pd_tc_format(it->code, code);
	json_object_set_new(o, "ord", it ? json_integer(item + 1) : json_null());
	json_object_set_new(o, "part", json_integer(it ? it->part : 1));
	json_object_set_new(o, "code", it ? json_string(code) : json_null());
	json_object_set_new(o, "indicator", json_stringn(h->indicator, h->indicator_len));
	json_object_set_new(o, "target", json_stringn(target, pd_target_format(&h->target, target)));
	json_object_set_new(o, "kind", json_string(pd_goal_kind_name(h->goal_kind)));
	json_object_set_new(o, "year", h->year ? json_integer(h->year) : json_null());
	json_object_set_new(o, "period", period ? json_string(period) : json_null());
	json_object_set_new(o, "aspirational", json_boolean(h->aspirational));
	json_object_set_new(o, "raw", json_stringn(c->d->text + base + h->raw_start, h->raw_end - h->raw_start));
	json_object_set_new(o, "start_offset",
						json_integer((json_int_t) pd_charpos_at(&c->cpos, base + h->raw_start)));
	json_object_set_new(o, "end_offset",
						json_integer((json_int_t) pd_charpos_at(&c->cpos, base + h->raw_end)));
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
	if (pd_doc_targets(d, &opts, emit, &c, &err) != PD_OK)
	{
		snprintf(why, whylen, "targets: %s", err.msg);
		json_decref(c.arr);
		return -1;
	}
	*out = c.arr;
	return 1;
}
