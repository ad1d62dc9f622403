/*
 * docno.c — the docno SQL type (发文字号) and plan_docnos().
 *
 * Parsing, printing, the sort key and the scanner live in the core
 * (src/core/docno.c, pd_docno.h); this file is the fmgr glue.
 *
 * Stored form: a varlena whose payload is the core's sort key,
 *     issuer (Simplified UTF-8) | 0x00 | year (2 bytes BE) | serial (3 bytes BE)
 * so 渝府发〔2025〕4号 takes 9 + 6 bytes plus a 1-byte header on disk, and
 * ordering, equality and hashing are memcmp / hash_any over the payload.
 * The payload is UTF-8 whatever the server encoding: text crossing the
 * boundary is converted (a no-op in UTF-8 databases), so values compare and
 * hash the same everywhere, and binary COPY moves them between databases.
 */
#include "plandata.h"
#include "pd_docno.h"

#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#define DOCNO_KEY(v) ((const unsigned char *) VARDATA_ANY(v))
#define DOCNO_KEYLEN(v) VARSIZE_ANY_EXHDR(v)

/* ---- helpers ------------------------------------------------------------ */

/* s[0..*len) in the server encoding -> UTF-8 (same pointer in UTF-8 databases) */
static const char *
dn_to_utf8(const char *s, size_t *len)
{
	char	   *u;

	if (GetDatabaseEncoding() == PG_UTF8)
		return s;
	u = pg_server_to_any(s, (int) *len, PG_UTF8);
	if (u != s)
		*len = strlen(u);
	return u;
}

/* UTF-8 bytes -> a text datum in the server encoding */
static Datum
dn_text(const char *s, size_t len)
{
	if (GetDatabaseEncoding() != PG_UTF8)
	{
		char	   *c = pg_any_to_server(s, (int) len, PG_UTF8);

		if (c != s)
		{
			s = c;
			len = strlen(c);
		}
	}
	return pd_text_from(s, len);
}

Datum
pd_docno_datum(const pd_docno *d)
{
	unsigned char key[PD_DOCNO_KEY_MAX];
	size_t		n = pd_docno_key(d, key);
	struct varlena *v = palloc(VARHDRSZ + n);

	SET_VARSIZE(v, VARHDRSZ + n);
	memcpy(VARDATA(v), key, n);
	return PointerGetDatum(v);
}

static void
dn_unpack(const struct varlena *v, pd_docno *d)
{
	if (!pd_docno_from_key(DOCNO_KEY(v), DOCNO_KEYLEN(v), d))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid docno value")));
}

#define PG_GETARG_DOCNO(n, d) dn_unpack(PG_GETARG_VARLENA_PP(n), (d))

/* canonical text in the server encoding, palloc'd and terminated */
static char *
dn_cstring(const pd_docno *d)
{
	char		buf[PD_DOCNO_TEXT_MAX];
	size_t		len = pd_docno_format(d, buf);

	if (GetDatabaseEncoding() != PG_UTF8)
	{
		char	   *c = pg_any_to_server(buf, (int) len, PG_UTF8);

		if (c != buf)
			return c;
	}
	return pnstrdup(buf, len);
}

/* parse s[0..len) (server encoding); on failure report for `shown` */
static bool
dn_parse(FunctionCallInfo fcinfo, const char *s, size_t len, const char *shown, pd_docno *d)
{
	pd_error	err;
	const char *u = dn_to_utf8(s, &len);

	if (pd_docno_parse(u, len, d, &err) == PD_OK)
		return true;
	pd_input_error(fcinfo, "docno", shown ? shown : pnstrdup(s, len), &err);
	return false;				/* soft error saved (PG16+) */
}

/* ---- I/O ---------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(docno_in);
Datum
docno_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	pd_docno	d;

	if (!dn_parse(fcinfo, str, strlen(str), str, &d))
		PG_RETURN_NULL();
	return pd_docno_datum(&d);
}

PG_FUNCTION_INFO_V1(docno_out);
Datum
docno_out(PG_FUNCTION_ARGS)
{
	pd_docno	d;

	PG_GETARG_DOCNO(0, &d);
	PG_RETURN_CSTRING(dn_cstring(&d));
}

PG_FUNCTION_INFO_V1(docno_from_text);
Datum
docno_from_text(PG_FUNCTION_ARGS)
{
	text	   *txt = PG_GETARG_TEXT_PP(0);
	pd_docno	d;

	if (!dn_parse(fcinfo, VARDATA_ANY(txt), VARSIZE_ANY_EXHDR(txt), NULL, &d))
		PG_RETURN_NULL();
	return pd_docno_datum(&d);
}

PG_FUNCTION_INFO_V1(docno_to_text);
Datum
docno_to_text(PG_FUNCTION_ARGS)
{
	pd_docno	d;
	char		buf[PD_DOCNO_TEXT_MAX];
	size_t		len;

	PG_GETARG_DOCNO(0, &d);
	len = pd_docno_format(&d, buf);
	return dn_text(buf, len);
}

/*
 * Binary format: a version byte (1), then the canonical text in the client
 * encoding — as ltree and hstore do, so clients need no knowledge of the
 * stored layout.  recv accepts every literal form and validates it.
 */
PG_FUNCTION_INFO_V1(docno_recv);
Datum
docno_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgint(buf, 1);
	char	   *str;
	int			nbytes;
	size_t		len;
	const char *u;
	pd_docno	d;
	pd_error	err;

	if (version != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported docno binary format version %d", version)));
	str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	len = (size_t) nbytes;
	u = dn_to_utf8(str, &len);
	if (pd_docno_parse(u, len, &d, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external docno value"),
				 errdetail_internal("%s", err.msg)));
	return pd_docno_datum(&d);
}

PG_FUNCTION_INFO_V1(docno_send);
Datum
docno_send(PG_FUNCTION_ARGS)
{
	pd_docno	d;
	char	   *s;
	StringInfoData buf;

	PG_GETARG_DOCNO(0, &d);
	s = dn_cstring(&d);
	pq_begintypsend(&buf);
	pq_sendint8(&buf, 1);
	pq_sendtext(&buf, s, strlen(s));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- constructor and accessors ------------------------------------------ */

PG_FUNCTION_INFO_V1(docno_make);
Datum
docno_make(PG_FUNCTION_ARGS)
{
	text	   *issuer = PG_GETARG_TEXT_PP(0);
	int32		year = PG_GETARG_INT32(1);
	int32		serial = PG_GETARG_INT32(2);
	size_t		len = VARSIZE_ANY_EXHDR(issuer);
	const char *u = dn_to_utf8(VARDATA_ANY(issuer), &len);
	pd_docno	d;
	pd_error	err;
	pd_status	st = pd_docno_make(u, len, year, serial, &d, &err);

	if (st != PD_OK)
		ereport(ERROR,
				(errcode(st == PD_ERANGE ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
						 : ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot build a docno from issuer \"%s\", year %d and serial %d",
						text_to_cstring(issuer), year, serial),
				 errdetail_internal("%s", err.msg)));
	return pd_docno_datum(&d);
}

PG_FUNCTION_INFO_V1(docno_issuer);
Datum
docno_issuer(PG_FUNCTION_ARGS)
{
	pd_docno	d;

	PG_GETARG_DOCNO(0, &d);
	return dn_text(d.issuer, (size_t) d.issuer_len);
}

PG_FUNCTION_INFO_V1(docno_year);
Datum
docno_year(PG_FUNCTION_ARGS)
{
	pd_docno	d;

	PG_GETARG_DOCNO(0, &d);
	PG_RETURN_INT32(d.year);
}

PG_FUNCTION_INFO_V1(docno_serial);
Datum
docno_serial(PG_FUNCTION_ARGS)
{
	pd_docno	d;

	PG_GETARG_DOCNO(0, &d);
	PG_RETURN_INT32(d.serial);
}

/* ---- comparison, sorting, hashing ---------------------------------------- */

#define DN_COMPARE_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	struct varlena *a = PG_GETARG_VARLENA_PP(0); \
	struct varlena *b = PG_GETARG_VARLENA_PP(1); \
	int			c = pd_varlena_cmp(a, b); \
	PG_FREE_IF_COPY(a, 0); \
	PG_FREE_IF_COPY(b, 1); \
	PG_RETURN_BOOL(expr); \
}

DN_COMPARE_FN(docno_eq, c == 0)
DN_COMPARE_FN(docno_ne, c != 0)
DN_COMPARE_FN(docno_lt, c < 0)
DN_COMPARE_FN(docno_le, c <= 0)
DN_COMPARE_FN(docno_gt, c > 0)
DN_COMPARE_FN(docno_ge, c >= 0)

PG_FUNCTION_INFO_V1(docno_cmp);
Datum
docno_cmp(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);
	int			c = pd_varlena_cmp(a, b);

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	PG_RETURN_INT32(c < 0 ? -1 : (c > 0 ? 1 : 0));
}

PG_FUNCTION_INFO_V1(docno_sortsupport);
Datum
docno_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = pd_varlena_fastcmp;	/* the key is the payload */
	PG_RETURN_VOID();
}

/* equal values have identical payloads (normalised), so hash the bytes */
PG_FUNCTION_INFO_V1(docno_hash);
Datum
docno_hash(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_PP(0);
	Datum		h = hash_any(DOCNO_KEY(v), (int) DOCNO_KEYLEN(v));

	PG_FREE_IF_COPY(v, 0);
	return h;
}

PG_FUNCTION_INFO_V1(docno_hash_extended);
Datum
docno_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_PP(0);
	Datum		h = hash_any_extended(DOCNO_KEY(v), (int) DOCNO_KEYLEN(v),
									  (uint64) PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(v, 0);
	return h;
}

/* ---- plan_docnos(doc) ---------------------------------------------------- */

typedef struct dn_srf
{
	pd_docno_list list;
	const char *doc;			/* UTF-8 */
	size_t		bytepos;		/* offsets counted so far: bytes ... */
	int64		charpos;		/* ... and the characters they hold */
} dn_srf;

/*
 * One row per distinct number (see pd_docno_collect): docno, role ('self'
 * or 'cites'), raw (as printed), start_offset / end_offset (0-based
 * character offsets, end exclusive: substr(doc, start_offset + 1,
 * end_offset - start_offset) = raw) and occurrences.
 */
PG_FUNCTION_INFO_V1(plan_docnos);
Datum
plan_docnos(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	dn_srf	   *st;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		text	   *doc;
		size_t		len;
		TupleDesc	tupdesc;
		pd_segment_opts opts = {&pd_palloc_mem, pd_check_interrupts, NULL};
		pd_error	err;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("plan_docnos must be called in a context that accepts a record")));
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);

		st = palloc0(sizeof(dn_srf));
		doc = PG_GETARG_TEXT_PP(0);
		len = VARSIZE_ANY_EXHDR(doc);
		st->doc = dn_to_utf8(VARDATA_ANY(doc), &len);
		if (pd_docno_collect(st->doc, len, PD_DOCNO_BODY_UNKNOWN, &opts, &st->list, &err) != PD_OK)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail_internal("%s", err.msg)));
		funcctx->max_calls = (uint64) st->list.nrefs;
		funcctx->user_fctx = st;
		MemoryContextSwitchTo(old);
	}

	funcctx = SRF_PERCALL_SETUP();
	st = funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const pd_docno_ref *r = &st->list.refs[funcctx->call_cntr];
		Datum		values[6];
		bool		nulls[6] = {false};
		int64		start_char,
					end_char;

		/* rows come in offset order: count characters incrementally */
		st->charpos += (int64) pd_u8_count(st->doc + st->bytepos, r->start - st->bytepos);
		st->bytepos = r->start;
		start_char = st->charpos;
		end_char = start_char + (int64) pd_u8_count(st->doc + r->start, r->end - r->start);

		values[0] = pd_docno_datum(&r->value);
		values[1] = CStringGetTextDatum(r->self ? "self" : "cites");
		values[2] = dn_text(st->doc + r->start, r->end - r->start);
		values[3] = Int32GetDatum((int32) start_char);
		values[4] = Int32GetDatum((int32) end_char);
		values[5] = Int32GetDatum(r->occurrences);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
