/*
 * target.c — the target SQL type and the extractor functions.  Parsing,
 * printing, the unit table, order, the storage form, met/gap and the
 * sentence extractor live in the core (src/core/target.c, targets_scan.c,
 * pd_target.h); this file is the fmgr glue.
 *
 * Storage: a varlena holding the core's compact form (pd_target_pack): a
 * flags byte, comparator, dimension, the unit's power of ten, the value as a
 * varint decimal, then the unit's bytes.  Varlena rather than fixed-size
 * because the unit is kept as printed (any unit, up to 16 characters) and
 * the common values are tiny: >=76% is 7 bytes + a 1-byte header on disk,
 * ~65万人/年 is 12 + 1.  STORAGE main keeps the short header and never moves
 * a value out of line.  Equal targets have equal bytes, so = and hashing work
 * on the bytes; ordering unpacks (a few nanoseconds).
 */
#include "plandata.h"
#include "pd_doc_targets.h"

#include "access/hash.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/sortsupport.h"

#define TARGET_SEND_VERSION 1

static void
target_unpack_datum(Datum d, pd_target *t)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);

	if (!pd_target_unpack((const unsigned char *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), t))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored target value")));
}

static Datum
target_pack_datum(const pd_target *t)
{
	unsigned char buf[PD_TARGET_PACKED_MAX];
	size_t		n = pd_target_pack(t, buf);
	bytea	   *r = (bytea *) palloc(VARHDRSZ + n);

	SET_VARSIZE(r, VARHDRSZ + n);
	memcpy(VARDATA(r), buf, n);
	return PointerGetDatum(r);
}

#define PG_GETARG_TARGET(n, t) target_unpack_datum(PG_GETARG_DATUM(n), (t))

/* ---- I/O -------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(target_in);
Datum
target_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	pd_target	t;
	pd_error	err;

	if (pd_target_parse(str, strlen(str), &t, &err) != PD_OK)
	{
		pd_input_error(fcinfo, "target", str, &err);
		PG_RETURN_NULL();		/* soft error saved (PG16+) */
	}
	return target_pack_datum(&t);
}

PG_FUNCTION_INFO_V1(target_out);
Datum
target_out(PG_FUNCTION_ARGS)
{
	pd_target	t;
	char	   *buf = palloc(PD_TARGET_TEXT_MAX);

	PG_GETARG_TARGET(0, &t);
	pd_target_format(&t, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(target_from_text);
Datum
target_from_text(PG_FUNCTION_ARGS)
{
	text	   *txt = PG_GETARG_TEXT_PP(0);
	pd_target	t;
	pd_error	err;

	if (pd_target_parse(VARDATA_ANY(txt), VARSIZE_ANY_EXHDR(txt), &t, &err) != PD_OK)
		pd_input_error(fcinfo, "target", text_to_cstring(txt), &err);
	return target_pack_datum(&t);
}

PG_FUNCTION_INFO_V1(target_to_text);
Datum
target_to_text(PG_FUNCTION_ARGS)
{
	pd_target	t;
	char		buf[PD_TARGET_TEXT_MAX];
	size_t		len;

	PG_GETARG_TARGET(0, &t);
	len = pd_target_format(&t, buf);
	PG_RETURN_DATUM(pd_text_from(buf, len));
}

/*
 * Binary form: a version byte, then the canonical text.  Portable, and the
 * receiver re-derives dimension and scale from its own unit table, exactly
 * as text input does.
 */
PG_FUNCTION_INFO_V1(target_recv);
Datum
target_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	const char *s;
	int			len;
	pd_target	t;
	pd_error	err;

	if (version != TARGET_SEND_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported target binary format version %d", version)));
	len = buf->len - buf->cursor;
	s = pq_getmsgbytes(buf, len);
	if (pd_target_parse(s, len, &t, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external target value"),
				 errdetail_internal("%s", err.msg)));
	return target_pack_datum(&t);
}

PG_FUNCTION_INFO_V1(target_send);
Datum
target_send(PG_FUNCTION_ARGS)
{
	pd_target	t;
	char		text[PD_TARGET_TEXT_MAX];
	size_t		len;
	StringInfoData buf;

	PG_GETARG_TARGET(0, &t);
	len = pd_target_format(&t, text);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, TARGET_SEND_VERSION);
	pq_sendbytes(&buf, text, (int) len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- comparison ------------------------------------------------------ */

static int
target_cmp_datums(Datum a, Datum b)
{
	struct varlena *x = PG_DETOAST_DATUM_PACKED(a);
	struct varlena *y = PG_DETOAST_DATUM_PACKED(b);
	bool		ok;
	int			c = pd_target_cmp_packed((const unsigned char *) VARDATA_ANY(x), VARSIZE_ANY_EXHDR(x),
										 (const unsigned char *) VARDATA_ANY(y), VARSIZE_ANY_EXHDR(y),
										 &ok);

	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored target value")));
	return c;
}

/* the storage form is canonical: equal targets have equal bytes */
static bool
target_bytes_eq(Datum a, Datum b)
{
	struct varlena *x = PG_DETOAST_DATUM_PACKED(a);
	struct varlena *y = PG_DETOAST_DATUM_PACKED(b);

	return VARSIZE_ANY_EXHDR(x) == VARSIZE_ANY_EXHDR(y) &&
		memcmp(VARDATA_ANY(x), VARDATA_ANY(y), VARSIZE_ANY_EXHDR(x)) == 0;
}

PG_FUNCTION_INFO_V1(target_eq);
Datum
target_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(target_bytes_eq(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

PG_FUNCTION_INFO_V1(target_ne);
Datum
target_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!target_bytes_eq(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

#define TARGET_CMP_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	int			c = target_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)); \
	PG_RETURN_BOOL(expr); \
}

TARGET_CMP_FN(target_lt, c < 0)
TARGET_CMP_FN(target_le, c <= 0)
TARGET_CMP_FN(target_gt, c > 0)
TARGET_CMP_FN(target_ge, c >= 0)

PG_FUNCTION_INFO_V1(target_cmp);
Datum
target_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(target_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

static int
target_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	(void) ssup;
	return target_cmp_datums(a, b);
}

/*
 * Abbreviated keys: kind, dimension and base value in 64 bits
 * (pd_target_sort_key), so a sort compares integers and unpacks values
 * only on ties.
 */
static Datum
target_abbrev_convert(Datum original, SortSupport ssup)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(original);
	Datum		key = UInt64GetDatum(pd_target_sort_key((const unsigned char *) VARDATA_ANY(v),
														VARSIZE_ANY_EXHDR(v)));

	(void) ssup;
	if ((Pointer) v != DatumGetPointer(original))
		pfree(v);
	return key;
}

static bool
target_abbrev_abort(int memtupcount, SortSupport ssup)
{
	/* the conversion is cheap and the key rarely ties: never give up */
	(void) memtupcount;
	(void) ssup;
	return false;
}

#if PG_VERSION_NUM < 150000
static int
target_abbrev_cmp(Datum x, Datum y, SortSupport ssup)
{
	uint64		a = DatumGetUInt64(x),
				b = DatumGetUInt64(y);

	(void) ssup;
	return a < b ? -1 : (a > b ? 1 : 0);
}
#endif

PG_FUNCTION_INFO_V1(target_sortsupport);
Datum
target_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = target_fastcmp;
	if (ssup->abbreviate)
	{
		ssup->abbrev_converter = target_abbrev_convert;
		ssup->abbrev_abort = target_abbrev_abort;
		ssup->abbrev_full_comparator = target_fastcmp;
#if PG_VERSION_NUM >= 150000
		ssup->comparator = ssup_datum_unsigned_cmp;
#else
		ssup->comparator = target_abbrev_cmp;
#endif
	}
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(target_hash);
Datum
target_hash(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	return hash_any((const unsigned char *) VARDATA_ANY(v), (int) VARSIZE_ANY_EXHDR(v));
}

PG_FUNCTION_INFO_V1(target_hash_extended);
Datum
target_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	return hash_any_extended((const unsigned char *) VARDATA_ANY(v), (int) VARSIZE_ANY_EXHDR(v),
							 PG_GETARG_INT64(1));
}

/* ---- accessors ---------------------------------------------------------- */

static Datum
dec_to_numeric(pd_dec d)
{
	char		buf[PD_DEC_TEXT_MAX];

	pd_dec_format(d, buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

static pd_dec
numeric_to_dec(Datum num, const char *what)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, num));
	pd_dec		d;
	pd_error	err;

	if (strcmp(s, "NaN") == 0 || strstr(s, "Infinity") != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number, not %s", what, s)));
	if (pd_dec_parse(s, strlen(s), &d, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s is out of range for target comparisons", what, s),
				 errdetail_internal("%s", err.msg)));
	return d;
}

PG_FUNCTION_INFO_V1(target_op);
Datum
target_op(PG_FUNCTION_ARGS)
{
	pd_target	t;

	PG_GETARG_TARGET(0, &t);
	PG_RETURN_TEXT_P(cstring_to_text(pd_target_op_name(t.op)));
}

PG_FUNCTION_INFO_V1(target_value);
Datum
target_value(PG_FUNCTION_ARGS)
{
	pd_target	t;

	PG_GETARG_TARGET(0, &t);
	return dec_to_numeric(t.value);
}

PG_FUNCTION_INFO_V1(target_value_hi);
Datum
target_value_hi(PG_FUNCTION_ARGS)
{
	pd_target	t;

	PG_GETARG_TARGET(0, &t);
	if (t.op != PD_OP_RANGE)
		PG_RETURN_NULL();
	return dec_to_numeric(t.value_hi);
}

PG_FUNCTION_INFO_V1(target_unit);
Datum
target_unit(PG_FUNCTION_ARGS)
{
	pd_target	t;

	PG_GETARG_TARGET(0, &t);
	PG_RETURN_DATUM(pd_text_from(t.unit, t.unit_len));
}

static Datum
base_value(FunctionCallInfo fcinfo, bool hi)
{
	pd_target	t;
	pd_dec		d;
	pd_error	err;

	PG_GETARG_TARGET(0, &t);
	if (hi && t.op != PD_OP_RANGE)
		PG_RETURN_NULL();
	if (pd_target_base_value(&t, hi, &d, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("base value of target is out of range"),
				 errdetail_internal("%s", err.msg)));
	return dec_to_numeric(d);
}

PG_FUNCTION_INFO_V1(target_base_value);
Datum
target_base_value(PG_FUNCTION_ARGS)
{
	return base_value(fcinfo, false);
}

PG_FUNCTION_INFO_V1(target_base_value_hi);
Datum
target_base_value_hi(PG_FUNCTION_ARGS)
{
	return base_value(fcinfo, true);
}

PG_FUNCTION_INFO_V1(target_base_unit);
Datum
target_base_unit(PG_FUNCTION_ARGS)
{
	pd_target	t;
	const char *u;

	PG_GETARG_TARGET(0, &t);
	u = pd_dim_base_unit(t.u.dim);
	if (u == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(u));
}

PG_FUNCTION_INFO_V1(target_dimension);
Datum
target_dimension(PG_FUNCTION_ARGS)
{
	pd_target	t;

	PG_GETARG_TARGET(0, &t);
	PG_RETURN_TEXT_P(cstring_to_text(pd_dim_name(t.u.dim)));
}

PG_FUNCTION_INFO_V1(target_kind);
Datum
target_kind(PG_FUNCTION_ARGS)
{
	pd_target	t;

	PG_GETARG_TARGET(0, &t);
	PG_RETURN_TEXT_P(cstring_to_text(pd_target_kind_name(t.kind)));
}

PG_FUNCTION_INFO_V1(target_per_year);
Datum
target_per_year(PG_FUNCTION_ARGS)
{
	pd_target	t;

	PG_GETARG_TARGET(0, &t);
	PG_RETURN_BOOL(t.per_year);
}

/* ---- met and gap ------------------------------------------------------ */

static void
actual_in_target_unit(FunctionCallInfo fcinfo, pd_target *t, pd_dec *actual)
{
	pd_dec		a;
	pd_error	err;
	pd_status	st;

	PG_GETARG_TARGET(0, t);
	a = numeric_to_dec(PG_GETARG_DATUM(1), "actual value");
	if (PG_NARGS() < 3)
	{
		*actual = a;
		return;
	}
	{
		text	   *u = PG_GETARG_TEXT_PP(2);

		st = pd_target_convert(t, a, VARDATA_ANY(u), VARSIZE_ANY_EXHDR(u), actual, &err);
	}
	if (st == PD_EMISMATCH)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compare a target with an actual value of another dimension"),
				 errdetail_internal("%s", err.msg)));
	if (st == PD_ERANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("actual value is out of range after unit conversion"),
				 errdetail_internal("%s", err.msg)));
	if (st != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid unit of the actual value"),
				 errdetail_internal("%s", err.msg)));
}

PG_FUNCTION_INFO_V1(target_met);
Datum
target_met(PG_FUNCTION_ARGS)
{
	pd_target	t;
	pd_dec		a;
	bool		met;
	pd_error	err;

	actual_in_target_unit(fcinfo, &t, &a);
	if (pd_target_met(&t, a, &met, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("target comparison is out of range"),
				 errdetail_internal("%s", err.msg)));
	PG_RETURN_BOOL(met);
}

PG_FUNCTION_INFO_V1(target_gap);
Datum
target_gap(PG_FUNCTION_ARGS)
{
	pd_target	t;
	pd_dec		a,
				g;
	pd_error	err;

	actual_in_target_unit(fcinfo, &t, &a);
	if (pd_target_gap(&t, a, &g, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("target gap is out of range"),
				 errdetail_internal("%s", err.msg)));
	return dec_to_numeric(g);
}

/* ---- the extractor ---------------------------------------------------- */

typedef struct emit_ctx
{
	ReturnSetInfo *rsinfo;
	const char *text;			/* the whole text datum */
	pd_charpos	cpos;
	bool		plan;			/* plan_targets: item columns follow */
	bool		with_kind;		/* the kind column is declared (0.3 on) */
	pd_doc	   *doc;			/* plan_targets: the document */
	int			own_year;		/* its own year, -1 until first asked */
} emit_ctx;

/*
 * plan_targets: the document's own year, from its metadata, worked out when
 * first asked and kept: every item's scan may ask.
 */
static int
doc_year_of(void *vctx)
{
	emit_ctx   *ctx = (emit_ctx *) vctx;

	if (ctx->own_year < 0)
	{
		pd_doc_metadata_checked(ctx->doc);
		ctx->own_year = pd_doc_own_year(ctx->doc);
	}
	return ctx->own_year;
}

/*
 * One row: [code,] indicator, target, kind, year, period, aspirational, raw,
 * [part, ord,] start_offset, end_offset.  item is the index of the item
 * that states the target (-1: plan-level, NULL code and ord, part 1);
 * the hit's offsets are relative to base.
 */
static bool
emit_row(void *vctx, int item, size_t base, const pd_target_hit *h)
{
	emit_ctx   *ctx = (emit_ctx *) vctx;
	Datum		values[12];
	bool		nulls[12] = {0};
	const char *period = pd_period_name(h->period);
	const pd_item *it = item >= 0 ? &ctx->doc->items[item] : NULL;
	int			k = 0;

	if (ctx->plan)
	{
		if (it)
			values[k++] = Int64GetDatum((int64) it->code);
		else
			nulls[k++] = true;
	}
	values[k++] = pd_text_from(h->indicator, h->indicator_len);
	values[k++] = target_pack_datum(&h->target);
	if (ctx->with_kind)
		values[k++] = CStringGetTextDatum(pd_goal_kind_name(h->goal_kind));
	if (h->year)
		values[k++] = Int32GetDatum(h->year);
	else
		nulls[k++] = true;
	if (period)
		values[k++] = CStringGetTextDatum(period);
	else
		nulls[k++] = true;
	values[k++] = BoolGetDatum(h->aspirational);
	values[k++] = pd_text_from(ctx->text + base + h->raw_start, h->raw_end - h->raw_start);
	if (ctx->plan)
	{
		values[k++] = Int32GetDatum(it ? it->part : 1);
		if (it)
			values[k++] = Int32GetDatum(item + 1);
		else
			nulls[k++] = true;
	}
	values[k++] = Int32GetDatum((int32) pd_charpos_at(&ctx->cpos, base + h->raw_start));
	values[k++] = Int32GetDatum((int32) pd_charpos_at(&ctx->cpos, base + h->raw_end));
	tuplestore_putvalues(ctx->rsinfo->setResult, ctx->rsinfo->setDesc, values, nulls);
	return true;
}

/*
 * The functions as declared by 0.2 have no kind column: the library serves
 * them as they are declared until ALTER EXTENSION … UPDATE has run.
 */
static void
emit_init(emit_ctx *ctx, FunctionCallInfo fcinfo, bool plan)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ctx->plan = plan;
	ctx->with_kind = ctx->rsinfo->setDesc->natts == (plan ? 12 : 9);
	if (!ctx->with_kind && ctx->rsinfo->setDesc->natts != (plan ? 11 : 8))
		elog(ERROR, "unexpected result columns for a target extractor: %d",
			 ctx->rsinfo->setDesc->natts);
	ctx->own_year = -1;
}

/* target_extract's rows: running text, no item */
static bool
emit_text_row(void *vctx, const pd_target_hit *h)
{
	return emit_row(vctx, -1, 0, h);
}

static void
scan_failed(const pd_error *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_INTERNAL_ERROR),
			 errmsg("could not scan the text for targets"),
			 errdetail_internal("%s", err->msg)));
}

/*
 * target_extract(text): every target in a piece of running text (a
 * sentence, a paragraph, an item's body).  A governing year may be given.
 */
PG_FUNCTION_INFO_V1(target_extract);
Datum
target_extract(PG_FUNCTION_ARGS)
{
	text	   *txt;
	emit_ctx	ctx;
	pd_tscan_opts opts = {0, pd_check_interrupts, NULL, NULL, NULL};
	pd_error	err;

	/* not STRICT (the year may be NULL): a NULL text gives no rows */
	pd_init_srf(fcinfo);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	txt = PG_GETARG_TEXT_PP(0);
	pd_require_utf8();
	emit_init(&ctx, fcinfo, false);
	ctx.text = VARDATA_ANY(txt);
	pd_charpos_init(&ctx.cpos, ctx.text);
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
		opts.year = PG_GETARG_INT32(1);
	if (pd_targets_scan(ctx.text, VARSIZE_ANY_EXHDR(txt), &opts, emit_text_row, &ctx, NULL, &err) != PD_OK)
		scan_failed(&err);
	return (Datum) 0;
}

/*
 * plan_targets(doc): the targets of each numbered item's own text (from
 * after its marker to the next marker), so every target carries the code
 * of the innermost item that states it, and those of the plan-level goal
 * block before the first item (具体指标：…) with a NULL code.  A governing
 * 到YYYY年 holds to the end of its item; the notice and lead are not read.
 */
PG_FUNCTION_INFO_V1(plan_targets);
Datum
plan_targets(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	pd_doc		d;
	emit_ctx	ctx;
	pd_tscan_opts opts = {0, pd_check_interrupts, NULL, doc_year_of, &ctx};
	pd_error	err;

	pd_init_srf(fcinfo);
	pd_segment_text(doc, &d);
	emit_init(&ctx, fcinfo, true);
	ctx.text = d.text;
	ctx.doc = &d;
	pd_charpos_init(&ctx.cpos, d.text);
	if (pd_doc_targets(&d, &opts, emit_row, &ctx, &err) != PD_OK)
		scan_failed(&err);
	pd_doc_free(&d);
	return (Datum) 0;
}

/*
 * target_convert(target, actual, unit): the actual value in the target's
 * unit (exact between decimal units); another dimension is an error.
 */
PG_FUNCTION_INFO_V1(target_convert);
Datum
target_convert(PG_FUNCTION_ARGS)
{
	pd_target	t;
	pd_dec		a;

	actual_in_target_unit(fcinfo, &t, &a);
	return dec_to_numeric(a);
}

/*
 * target_compatible(target, unit): can an actual value in this unit be
 * compared with the target?  Never an error, so views can guard
 * target_met / target_gap with it.
 */
PG_FUNCTION_INFO_V1(target_compatible);
Datum
target_compatible(PG_FUNCTION_ARGS)
{
	pd_target	t;
	text	   *u = PG_GETARG_TEXT_PP(1);
	pd_dec		out;

	PG_GETARG_TARGET(0, &t);
	PG_RETURN_BOOL(pd_target_convert(&t, (pd_dec) {0, 0}, VARDATA_ANY(u), VARSIZE_ANY_EXHDR(u),
									 &out, NULL) == PD_OK);
}
