/*
 * json.c — --parse-only: the parse of one document as one JSON line.
 *
 * The same backend-free core the extension runs (pd_segment and the item
 * helpers) with malloc memory, so the JSON shows exactly what plan_load()
 * would store: the plan_info() metadata, plan_parts(), and plan_tasks()
 * rows with the same 0-based character offsets, plan_units() and
 * plan_targets() rows where the build has those parsers (json_units.c,
 * json_targets.c), and plan_docnos() (its own 发文字号 and the ones it
 * cites).  JSON through jansson.
 */
#include "planload.h"
#include "load.h"
#include "pd_docno.h"
#include "pd_segment.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* a JSON string of s[0..len), or null for an empty span */
static json_t *
span(const char *s, size_t len)
{
	json_t	   *j;

	if (len == 0)
		return json_null();
	j = json_stringn(s, len);
	/* the text is valid UTF-8 and spans end on character boundaries */
	return j ? j : json_null();
}

static const char *
days_ok(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y <= 0 || m < 1 || m > 12 || d < 1)
		return NULL;
	if (d > mdays[m - 1] + (m == 2 && leap))
		return NULL;
	return "ok";
}

static json_t *
tc_json(pd_tc tc)
{
	char		buf[PD_TC_TEXT_MAX + 1];

	pd_tc_format(tc, buf);
	return json_string(buf);
}

char *
pl_parse_json(const char *file, const char *encoding, size_t bytes,
			  const char *text, size_t len, char *why, size_t whylen)
{
	pd_doc		d;
	pd_error	err;
	pd_charpos	cpos;
	pd_docno	dn;
	pd_docno_list dl;
	json_t	   *o,
			   *parts,
			   *tasks;
	char	   *line;
	char		head[PD_HEADING_MAX_BYTES];
	int			item = 0;

	if (pd_segment(text, len, NULL, &d, &err) != PD_OK ||
		pd_doc_metadata(&d, NULL, &err) != PD_OK)
	{
		snprintf(why, whylen, "parse failed: %s", err.msg);
		return NULL;
	}
	pd_charpos_init(&cpos, d.text);

	o = json_object();
	json_object_set_new(o, "file", file ? json_string(file) : json_null());
	json_object_set_new(o, "encoding", json_string(encoding));
	json_object_set_new(o, "bytes", json_integer((json_int_t) bytes));
	json_object_set_new(o, "chars", json_integer((json_int_t) pd_u8_count(text, len)));
	json_object_set_new(o, "title", span(text + d.title_start, d.title_end - d.title_start));
	if (d.docno_end > d.docno_start &&
		pd_docno_parse(text + d.docno_start, d.docno_end - d.docno_start, &dn, NULL) == PD_OK)
	{
		char		buf[PD_DOCNO_TEXT_MAX];

		json_object_set_new(o, "docno", json_stringn(buf, pd_docno_format(&dn, buf)));
	}
	else
		json_object_set_new(o, "docno", json_null());
	json_object_set_new(o, "docno_text", span(text + d.docno_start, d.docno_end - d.docno_start));
	json_object_set_new(o, "issuer", span(text + d.issuer_start, d.issuer_end - d.issuer_start));
	if (days_ok(d.year, d.month, d.day))
		json_object_set_new(o, "issued", json_sprintf("%04d-%02d-%02d", d.year, d.month, d.day));
	else
		json_object_set_new(o, "issued", json_null());
	json_object_set_new(o, "script", json_string(pd_script_name(pd_script(text, len))));
	json_object_set_new(o, "body_start",
						json_integer((json_int_t) pd_charpos_at(&cpos, d.body_start)));
	json_object_set_new(o, "skipped", json_integer(d.skipped));

	/* plan_parts(): offsets grow with the parts, as pd_charpos wants */
	parts = json_array();
	for (int i = 0; i < d.nparts; i++)
	{
		const pd_part *pt = &d.parts[i];
		json_t	   *p = json_object();
		int			ntasks = 0;

		while (item < d.nitems && d.items[item].part == i + 1)
		{
			ntasks++;
			item++;
		}
		json_object_set_new(p, "part", json_integer(i + 1));
		json_object_set_new(p, "title", span(text + pt->title_start, pt->title_end - pt->title_start));
		json_object_set_new(p, "tasks", json_integer(ntasks));
		json_object_set_new(p, "start_offset", json_integer((json_int_t) pd_charpos_at(&cpos, pt->start)));
		json_array_append_new(parts, p);
	}
	json_object_set_new(o, "parts", parts);

	/* plan_tasks(): markers come in text order, so one more forward pass */
	pd_charpos_init(&cpos, d.text);
	tasks = json_array();
	for (int i = 0; i < d.nitems; i++)
	{
		const pd_item *it = &d.items[i];
		json_t	   *t = json_object();
		size_t		hlen = pd_item_heading(&d, it, head);
		json_t	   *h = json_stringn(head, hlen);

		json_object_set_new(t, "ord", json_integer(i + 1));
		json_object_set_new(t, "part", json_integer(it->part));
		json_object_set_new(t, "code", tc_json(it->code));
		json_object_set_new(t, "depth", json_integer(it->depth));
		json_object_set_new(t, "parent", it->parent >= 0 ? tc_json(d.items[it->parent].code) : json_null());
		json_object_set_new(t, "heading", h ? h : json_string(""));
		json_object_set_new(t, "line", json_integer(it->line));
		json_object_set_new(t, "start_offset", json_integer((json_int_t) pd_charpos_at(&cpos, it->marker_start)));
		json_object_set_new(t, "end_offset", json_integer((json_int_t) pd_charpos_at(&cpos, it->own_end)));
		json_object_set_new(t, "body", span(text + it->marker_start, it->own_end - it->marker_start));
		json_array_append_new(tasks, t);
	}
	json_object_set_new(o, "tasks", tasks);

	/* plan_units(), plan_targets() and plan_deadlines(), when this build has those parsers */
	{
		json_t	   *arr;
		int			r;

		if ((r = pl_json_units(&d, &arr, why, whylen)) > 0)
			json_object_set_new(o, "units", arr);
		if (r >= 0 && (r = pl_json_targets(&d, &arr, why, whylen)) > 0)
			json_object_set_new(o, "targets", arr);
		if (r >= 0 && (r = pl_json_deadlines(&d, &arr, why, whylen)) > 0)
			json_object_set_new(o, "deadlines", arr);
		if (r < 0)
		{
			pd_doc_free(&d);
			json_decref(o);
			return NULL;
		}
	}
	pd_doc_free(&d);

	/* plan_docnos(): one entry per distinct number, in text order */
	if (pd_docno_collect(text, len, PD_DOCNO_BODY_UNKNOWN, NULL, &dl, &err) != PD_OK)
	{
		json_decref(o);
		snprintf(why, whylen, "parse failed: %s", err.msg);
		return NULL;
	}
	else
	{
		json_t	   *arr = json_array();
		size_t		bytepos = 0,
					charpos = 0;

		for (int i = 0; i < dl.nrefs; i++)
		{
			const pd_docno_ref *r = &dl.refs[i];
			json_t	   *c = json_object();
			char		buf[PD_DOCNO_TEXT_MAX];

			charpos += pd_u8_count(text + bytepos, r->start - bytepos);
			bytepos = r->start;
			json_object_set_new(c, "docno", json_stringn(buf, pd_docno_format(&r->value, buf)));
			json_object_set_new(c, "role", json_string(r->self ? "self" : "cites"));
			json_object_set_new(c, "raw", span(text + r->start, r->end - r->start));
			json_object_set_new(c, "start_offset", json_integer((json_int_t) charpos));
			json_object_set_new(c, "end_offset",
								json_integer((json_int_t) (charpos + pd_u8_count(text + r->start, r->end - r->start))));
			json_object_set_new(c, "occurrences", json_integer(r->occurrences));
			json_array_append_new(arr, c);
		}
		pd_docno_list_free(&dl);
		json_object_set_new(o, "docnos", arr);
	}

	line = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (line == NULL)
		snprintf(why, whylen, "out of memory");
	return line;
}

char *
pl_error_json(const char *file, const char *why)
{
	json_t	   *o = json_object();
	char	   *line;

	json_object_set_new(o, "file", file ? json_string(file) : json_null());
	json_object_set_new(o, "error", json_string(why));
	line = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return line;
}
