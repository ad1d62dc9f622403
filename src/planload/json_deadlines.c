/*
 * json_deadlines.c — the "deadlines" of --parse-only: plan_deadlines() rows
 * as JSON, from the core's deadline reader (pd_deadline.h), the same walk
 * as the SQL function's; due is printed as PostgreSQL prints a daterange
 * ([2024-01-01,2027-01-01), (,2026-01-01), [2024-01-01,)).
 */
#include "planload.h"
#include "load.h"
#include "pd_deadline.h"

#include <jansson.h>
#include <stdio.h>

typedef struct emit_ctx
{
	const pd_doc *d;
	pd_charpos	cpos;
	json_t	   *arr;
} emit_ctx;

/* a day number as YYYY-MM-DD */
static void
day_text(int32_t day, char *buf, size_t len)
{
	int			y,
				m,
				dd;

	pd_civil_from_days(day, &y, &m, &dd);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, dd);
}

static bool
emit(void *vctx, const pd_deadline *dl)
{
	emit_ctx   *c = vctx;
	const pd_item *it = &c->d->items[dl->item];
	char		code[PD_TC_TEXT_MAX + 1];
	char		lo[16] = "",
				hi[16] = "",
				due[40];
	json_t	   *o = json_object();

	pd_tc_format(it->code, code);
	if (dl->lo != PD_DAY_NONE)
		day_text(dl->lo, lo, sizeof lo);
	if (dl->hi != PD_DAY_NONE)
		day_text(dl->hi, hi, sizeof hi);
	snprintf(due, sizeof due, "%s%s,%s)", dl->lo != PD_DAY_NONE ? "[" : "(", lo, hi);
	json_object_set_new(o, "ord", json_integer(dl->item + 1));
	json_object_set_new(o, "part", json_integer(it->part));
	json_object_set_new(o, "code", json_string(code));
	json_object_set_new(o, "due", json_string(due));
	json_object_set_new(o, "kind", json_string(pd_deadline_kind_name(dl->kind)));
	json_object_set_new(o, "inherited", json_boolean(dl->inherited));
	json_object_set_new(o, "raw", json_stringn(c->d->text + dl->raw_start, dl->raw_end - dl->raw_start));
	json_object_set_new(o, "start_offset", json_integer((json_int_t) pd_charpos_at(&c->cpos, dl->raw_start)));
	json_object_set_new(o, "end_offset", json_integer((json_int_t) pd_charpos_at(&c->cpos, dl->raw_end)));
	json_array_append_new(c->arr, o);
	return true;
}

int
pl_json_deadlines(struct pd_doc *d, json_t **out, char *why, size_t whylen)
{
	emit_ctx	c = {.d = d, .arr = json_array()};
	pd_deadline_opts opts = {NULL, NULL, NULL, true};	/* the metadata is read already */
	pd_error	err;

	pd_charpos_init(&c.cpos, d->text);
	if (pd_doc_deadlines(d, &opts, emit, &c, &err) != PD_OK)
	{
		snprintf(why, whylen, "deadlines: %s", err.msg);
		json_decref(c.arr);
		return -1;
	}
	*out = c.arr;
	return 1;
}
