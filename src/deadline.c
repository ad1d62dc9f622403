/*
 * deadline.c — SQL access to the deadline reader (pd_deadline.h):
 * plan_deadlines(doc) over a whole document and deadline_extract(text
 * [, year]) over any text.  The work is the core's; these wrappers turn its
 * day numbers into dateranges and its byte offsets into rows.
 */
#include "plandata.h"
#include "pd_deadline.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

typedef struct dl_emit
{
	ReturnSetInfo *rsinfo;
	TypeCacheEntry *range_type;
	const char *text;
	const pd_doc *doc;			/* plan_deadlines; NULL for deadline_extract */
	pd_charpos	cpos;
} dl_emit;

/* [lo, hi) as a daterange; PD_DAY_NONE is an unbounded end */
static Datum
daterange_of(TypeCacheEntry *typcache, int32_t lo, int32_t hi)
{
	RangeBound	lower,
				upper;

	lower.val = DateADTGetDatum((DateADT) (lo == PD_DAY_NONE ? 0 : lo));
	lower.infinite = lo == PD_DAY_NONE;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = DateADTGetDatum((DateADT) (hi == PD_DAY_NONE ? 0 : hi));
	upper.infinite = hi == PD_DAY_NONE;
	upper.inclusive = false;
	upper.lower = false;
#if PG_VERSION_NUM >= 160000
	return RangeTypePGetDatum(make_range(typcache, &lower, &upper, false, NULL));
#else
	return RangeTypePGetDatum(make_range(typcache, &lower, &upper, false));
#endif
}

/*
 * plan_deadlines: code, due, kind, inherited, raw, part, ord, start_offset,
 * end_offset.  deadline_extract: due, kind, raw, start_offset, end_offset.
 */
static bool
emit_row(void *vctx, const pd_deadline *d)
{
	dl_emit    *ctx = vctx;
	Datum		values[9];
	bool		nulls[9] = {0};
	int			k = 0;

	if (ctx->doc)
		values[k++] = Int64GetDatum((int64) ctx->doc->items[d->item].code);
	values[k++] = daterange_of(ctx->range_type, d->lo, d->hi);
	values[k++] = CStringGetTextDatum(pd_deadline_kind_name(d->kind));
	if (ctx->doc)
		values[k++] = BoolGetDatum(d->inherited);
	values[k++] = pd_text_from(ctx->text + d->raw_start, d->raw_end - d->raw_start);
	if (ctx->doc)
	{
		values[k++] = Int32GetDatum(ctx->doc->items[d->item].part);
		values[k++] = Int32GetDatum(d->item + 1);
	}
	values[k++] = Int32GetDatum((int32) pd_charpos_at(&ctx->cpos, d->raw_start));
	values[k++] = Int32GetDatum((int32) pd_charpos_at(&ctx->cpos, d->raw_end));
	tuplestore_putvalues(ctx->rsinfo->setResult, ctx->rsinfo->setDesc, values, nulls);
	return true;
}

static void
scan_failed(const pd_error *err)
{
	ereport(ERROR,
			(errcode(err->status == PD_ENOMEM ? ERRCODE_OUT_OF_MEMORY : ERRCODE_INTERNAL_ERROR),
			 errmsg("could not read the deadlines"),
			 errdetail_internal("%s", err->msg)));
}

/*
 * plan_deadlines(doc): every deadline each numbered item states, in its own
 * text or in a task-division table's deadline cell, and for an item that
 * states none those of its nearest ancestor that does (inherited).
 */
PG_FUNCTION_INFO_V1(plan_deadlines);
Datum
plan_deadlines(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	pd_doc		d;
	dl_emit		ctx;
	pd_deadline_opts opts = {pd_check_interrupts, NULL, &pd_palloc_mem, false};
	pd_error	err;

	pd_init_srf(fcinfo);
	pd_segment_text(doc, &d);
	memset(&ctx, 0, sizeof ctx);
	ctx.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ctx.range_type = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	ctx.text = d.text;
	ctx.doc = &d;
	pd_charpos_init(&ctx.cpos, d.text);
	if (pd_doc_deadlines(&d, &opts, emit_row, &ctx, &err) != PD_OK)
		scan_failed(&err);
	pd_doc_free(&d);
	return (Datum) 0;
}

/*
 * deadline_extract(text [, year]): the deadlines of any text, read as one
 * task's own text; year is what 年内, 年底前, 上半年 … mean (without it those
 * give no row).
 */
PG_FUNCTION_INFO_V1(deadline_extract);
Datum
deadline_extract(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			year = PG_NARGS() > 1 && !PG_ARGISNULL(1) ? PG_GETARG_INT32(1) : 0;
	dl_emit		ctx;
	pd_deadline_opts opts = {pd_check_interrupts, NULL, &pd_palloc_mem, true};
	pd_error	err;

	pd_require_utf8();
	pd_init_srf(fcinfo);
	memset(&ctx, 0, sizeof ctx);
	ctx.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ctx.range_type = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	ctx.text = VARDATA_ANY(t);
	pd_charpos_init(&ctx.cpos, ctx.text);
	if (pd_deadlines_scan(ctx.text, VARSIZE_ANY_EXHDR(t), year, &opts, emit_row, &ctx, &err) != PD_OK)
		scan_failed(&err);
	return (Datum) 0;
}
