/*
 * document.c — SQL access to the document segmenter: plan_tasks(),
 * plan_parts() and plan_info().  The work is done by the core's pd_segment();
 * these wrappers only turn its byte offsets into rows.
 *
 * Offsets returned to SQL are 0-based character offsets [start, end), so
 * substr(doc, start_offset + 1, end_offset - start_offset) is the item's
 * text as printed.
 */
#include "plandata.h"
#include "pd_segment.h"
#include "pd_docno.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#define DatumGetTaskcode(d) ((pd_tc) DatumGetInt64(d))
#define TaskcodeGetDatum(t) Int64GetDatum((int64) (t))

PG_FUNCTION_INFO_V1(plan_tasks);
Datum
plan_tasks(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	pd_doc		d;
	pd_charpos	cpos;
	char		head[PD_HEADING_MAX_BYTES];

	pd_init_srf(fcinfo);
	pd_segment_text(doc, &d);
	pd_charpos_init(&cpos, d.text);

	for (int i = 0; i < d.nitems; i++)
	{
		const pd_item *it = &d.items[i];
		Datum		values[10];
		bool		nulls[10] = {0};
		size_t		hlen = pd_item_heading(&d, it, head);

		values[0] = Int32GetDatum(i + 1);
		values[1] = Int32GetDatum(it->part);
		values[2] = TaskcodeGetDatum(it->code);
		values[3] = Int32GetDatum(it->depth);
		if (it->parent >= 0)
			values[4] = TaskcodeGetDatum(d.items[it->parent].code);
		else
			nulls[4] = true;
		values[5] = pd_text_from(head, hlen);
		values[6] = pd_text_from(d.text + it->marker_start, it->own_end - it->marker_start);
		values[7] = Int32GetDatum(it->line);
		values[8] = Int32GetDatum((int32) pd_charpos_at(&cpos, it->marker_start));
		values[9] = Int32GetDatum((int32) pd_charpos_at(&cpos, it->own_end));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	if (d.skipped > 0)
		ereport(NOTICE,
				(errmsg("%d numbered item%s beyond the task code limits kept as text of their parent",
						d.skipped, d.skipped == 1 ? "" : "s"),
				 errdetail("Task codes have at most %d levels and numbers up to %d.",
						   PD_TC_MAX_DEPTH, PD_TC_MAX_NUM)));
	pd_doc_free(&d);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(plan_parts);
Datum
plan_parts(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	pd_doc		d;
	pd_charpos	cpos;
	int			item = 0;

	pd_init_srf(fcinfo);
	pd_segment_text(doc, &d);
	pd_charpos_init(&cpos, d.text);
	for (int i = 0; i < d.nparts; i++)
	{
		const pd_part *pt = &d.parts[i];
		Datum		values[4];
		bool		nulls[4] = {0};
		int			ntasks = 0;

		while (item < d.nitems && d.items[item].part == i + 1)
		{
			ntasks++;
			item++;
		}
		values[0] = Int32GetDatum(i + 1);
		if (pt->title_end > pt->title_start)
			values[1] = pd_text_from(d.text + pt->title_start, pt->title_end - pt->title_start);
		else
			nulls[1] = true;
		values[2] = Int32GetDatum(ntasks);
		values[3] = Int32GetDatum((int32) pd_charpos_at(&cpos, pt->start));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	pd_doc_free(&d);
	return (Datum) 0;
}

/* a metadata span as text, line breaks inside it removed; NULL when empty */
static Datum
span_or_null(const pd_doc *d, size_t start, size_t end, bool *isnull)
{
	char	   *buf;
	size_t		len;

	*isnull = end <= start;
	if (*isnull)
		return (Datum) 0;
	buf = palloc(end - start + 1);
	len = pd_clean_span(d->text, start, end, buf);
	return pd_text_from(buf, len);
}

PG_FUNCTION_INFO_V1(plan_info);
Datum
plan_info(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	TupleDesc	tupdesc;
	pd_doc		d;
	Datum		values[10];
	bool		nulls[10] = {0};
	pd_docno	dn;
	pd_charpos	cpos;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	pd_segment_text(doc, &d);
	pd_doc_metadata_checked(&d);
	pd_charpos_init(&cpos, d.text);

	values[0] = span_or_null(&d, d.title_start, d.title_end, &nulls[0]);
	if (d.docno_end > d.docno_start &&
		pd_docno_parse(d.text + d.docno_start, d.docno_end - d.docno_start, &dn, NULL) == PD_OK)
		values[1] = pd_docno_datum(&dn);
	else
		nulls[1] = true;
	values[2] = span_or_null(&d, d.docno_start, d.docno_end, &nulls[2]);
	values[3] = span_or_null(&d, d.issuer_start, d.issuer_end, &nulls[3]);
	if (d.year > 0 && IS_VALID_JULIAN(d.year, d.month, d.day) &&
		d.day <= day_tab[isleap(d.year)][d.month - 1])
		values[4] = DateADTGetDatum(date2j(d.year, d.month, d.day) - POSTGRES_EPOCH_JDATE);
	else
		nulls[4] = true;
	values[5] = CStringGetTextDatum(pd_script_name(pd_script(d.text, d.len)));
	values[6] = Int32GetDatum((int32) pd_charpos_at(&cpos, d.body_start));
	values[7] = Int32GetDatum(d.nparts);
	values[8] = Int32GetDatum(d.nitems);
	values[9] = Int32GetDatum(d.skipped);
	pd_doc_free(&d);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
