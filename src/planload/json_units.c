/*
 * json_units.c — the "units" of --parse-only: plan_units() rows as JSON,
 * from the core's unit extractor (pd_units.h), exactly as the SQL wrapper
 * reads them: the document's rules first, then each item's own text.
 *
 * A file of its own so that it can include pd_units.h alone (pd_target.h
 * declares names of its own), and so that a checkout without the unit
 * parser still builds: without pd_units.h the JSON has no "units" key.
 */
#include "planload.h"
#include "load.h"
#include "pd_segment.h"

#include <jansson.h>
#include <stdio.h>

#if __has_include("pd_units.h")
#include "pd_units.h"

int
pl_json_units(const pd_doc *d, json_t **out, char *why, size_t whylen)
{
	pd_unit_rules rules;
	pd_unit_list list;
	pd_charpos	cpos;
	pd_error	err;
	json_t	   *arr;

	if (pd_unit_rules_scan(d->text, d->len, NULL, NULL, &rules, &err) != PD_OK)
	{
		snprintf(why, whylen, "unit rules: %s", err.msg);
		return -1;
	}
	pd_unit_list_init(&list, NULL);
	pd_charpos_init(&cpos, d->text);
	arr = json_array();
	for (int i = 0; i < d->nitems; i++)
	{
		const pd_item *it = &d->items[i];
		char		code[PD_TC_TEXT_MAX + 1];

		if (pd_item_units(d, i, &rules, NULL, NULL, &list, &err) != PD_OK)
		{
			snprintf(why, whylen, "units: %s", err.msg);
			pd_unit_list_free(&list);
			json_decref(arr);
			return -1;
		}
		pd_tc_format(it->code, code);
		for (int k = 0; k < list.n; k++)
		{
			const pd_unit *u = &list.units[k];
			bool		implicit = u->role == PD_ROLE_IMPLICIT;
			json_t	   *o = json_object();

			json_object_set_new(o, "ord", json_integer(i + 1));
			json_object_set_new(o, "part", json_integer(it->part));
			json_object_set_new(o, "code", json_string(code));
			json_object_set_new(o, "unit", json_stringn(pd_unit_name(&list, u), u->norm_len));
			json_object_set_new(o, "role", json_string(pd_unit_role_name(u->role)));
			json_object_set_new(o, "raw", json_stringn(d->text + u->raw_start, u->raw_end - u->raw_start));
			/* an implicit unit comes from a rule elsewhere in the text */
			json_object_set_new(o, "bracket", implicit ? json_null() : json_integer(u->group));
			json_object_set_new(o, "ordinal", implicit ? json_null() : json_integer(u->ordinal));
			json_object_set_new(o, "start_offset", implicit ? json_null()
								: json_integer((json_int_t) pd_charpos_at(&cpos, u->raw_start)));
			json_object_set_new(o, "end_offset", implicit ? json_null()
								: json_integer((json_int_t) pd_charpos_at(&cpos, u->raw_end)));
			json_array_append_new(arr, o);
		}
	}
	pd_unit_list_free(&list);
	*out = arr;
	return 1;
}

#else

int
pl_json_units(const pd_doc *d, json_t **out, char *why, size_t whylen)
{
	(void) d;
	(void) why;
	(void) whylen;
	*out = NULL;
	return 0;
}

#endif
