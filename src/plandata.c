/*
 * plandata.c — module entry and the glue shared by every SQL-callable file.
 */
#include "plandata.h"

#include "miscadmin.h"
#include "mb/pg_wchar.h"
#include "funcapi.h"
#include "pd_segment.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif
#include "utils/builtins.h"
#include "access/htup_details.h"
#include "access/tupmacs.h"

PG_MODULE_MAGIC;

static void *
palloc_alloc(void *ctx, size_t size)
{
	(void) ctx;
	/* the core may ask for more than 1 GB for a huge document */
	return palloc_extended(size ? size : 1, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
palloc_release(void *ctx, void *ptr)
{
	(void) ctx;
	pfree(ptr);
}

const pd_mem pd_palloc_mem = {palloc_alloc, palloc_release, NULL};

bool
pd_check_interrupts(void *ctx)
{
	(void) ctx;
	CHECK_FOR_INTERRUPTS();
	return false;
}

void
pd_input_error(FunctionCallInfo fcinfo, const char *typname,
			   const char *input, const pd_error *err)
{
	bool		range = err->status == PD_ERANGE;

#if PG_VERSION_NUM >= 160000
	errsave(fcinfo->context,
#else
	(void) fcinfo;
	ereport(ERROR,
#endif
			(errcode(range ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE : ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg(range ? "value out of range for type %s: \"%s\"" :
					"invalid input syntax for type %s: \"%s\"", typname, input),
			 err->msg[0] ? errdetail_internal("%s", err->msg) : 0));
}

PG_FUNCTION_INFO_V1(plandata_version);
Datum
plandata_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(PD_VERSION_STRING));
}

#if PG_VERSION_NUM < 150000
/* InitMaterializedSRF arrived in PostgreSQL 15; the same set-up by hand */
void
pd_init_srf(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;
	MemoryContext old;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (rsinfo->expectedDesc != NULL)
		tupdesc = rsinfo->expectedDesc;
	else if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->setDesc = CreateTupleDescCopy(tupdesc);
	MemoryContextSwitchTo(old);
}
#endif

void
pd_rowform_init(pd_rowform *rf, TupleDesc desc)
{
	rf->desc = desc;
	rf->natts = desc->natts;
	rf->by_hand = desc->natts > 0 && desc->natts <= PD_ROWFORM_MAX_ATTS;
	rf->fixed = MAXALIGN(SizeofHeapTupleHeader + BITMAPLEN(desc->natts));
	for (int i = 0; i < desc->natts && rf->by_hand; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (att->attisdropped ||
			!(att->attlen == -1 ||
			  (att->attbyval && (att->attlen == 1 || att->attlen == 2 ||
								 att->attlen == 4 || att->attlen == 8))))
			rf->by_hand = false;
		rf->len[i] = att->attlen;
		rf->align[i] = att->attalign == TYPALIGN_DOUBLE ? ALIGNOF_DOUBLE :
			att->attalign == TYPALIGN_INT ? ALIGNOF_INT :
			att->attalign == TYPALIGN_SHORT ? ALIGNOF_SHORT : 1;
		rf->packable[i] = att->attlen == -1 && att->attstorage != TYPSTORAGE_PLAIN;
		rf->fixed += MAXIMUM_ALIGNOF + (att->attlen > 0 ? att->attlen : 0);
	}
	rf->cap = 1024;
	rf->buf = palloc(rf->cap);
}

void
pd_rowform_put(pd_rowform *rf, Tuplestorestate *ts, const Datum *values, const bool *nulls)
{
	int			natts = rf->natts;
	bool		hasnull = false;
	size_t		bound = rf->fixed,
				hoff,
				off;
	uint16		infomask = 0;
	HeapTupleHeader td;
	HeapTupleData tuple;
	char	   *data;

	if (!rf->by_hand)
	{
		tuplestore_putvalues(ts, rf->desc, (Datum *) values, (bool *) nulls);
		return;
	}
	/* an upper bound of the size; external and expanded values are not ours to copy */
	for (int i = 0; i < natts; i++)
	{
		hasnull |= nulls[i];
		if (rf->len[i] == -1 && !nulls[i])
		{
			Pointer		val = DatumGetPointer(values[i]);

			if (VARATT_IS_EXTERNAL(val))
			{
				tuplestore_putvalues(ts, rf->desc, (Datum *) values, (bool *) nulls);
				return;
			}
			bound += VARSIZE_ANY(val);
		}
	}
	if (bound > rf->cap)
	{
		rf->cap = Max(bound, 2 * rf->cap);
		rf->buf = repalloc(rf->buf, rf->cap);
	}

	/* the header: what heap_form_tuple() sets that a minimal tuple keeps */
	hoff = SizeofHeapTupleHeader;
	if (hasnull)
		hoff += BITMAPLEN(natts);
	hoff = MAXALIGN(hoff);
	td = (HeapTupleHeader) rf->buf;
	memset(td, 0, hoff);
	HeapTupleHeaderSetNatts(td, natts);
	td->t_hoff = (uint8) hoff;

	/* the columns, as heap_fill_tuple() lays them out */
	data = rf->buf + hoff;
	off = 0;
	for (int i = 0; i < natts; i++)
	{
		int			len = rf->len[i];

		if (nulls[i])
			continue;
		if (hasnull)
			td->t_bits[i >> 3] |= (bits8) (1 << (i & 7));
		if (len > 0)
		{
			while (off & (rf->align[i] - 1))
				data[off++] = 0;
			if (len == 4)
				*(int32 *) (data + off) = DatumGetInt32(values[i]);
			else if (len == 8)
				*(Datum *) (data + off) = values[i];
			else
				store_att_byval(data + off, values[i], len);
			off += len;
		}
		else
		{
			Pointer		val = DatumGetPointer(values[i]);

			infomask |= HEAP_HASVARWIDTH;
			if (VARATT_IS_SHORT(val))
			{
				memcpy(data + off, val, VARSIZE_SHORT(val));
				off += VARSIZE_SHORT(val);
			}
			else if (rf->packable[i] && VARATT_CAN_MAKE_SHORT(val))
			{
				size_t		vlen = VARATT_CONVERTED_SHORT_SIZE(val);

				SET_VARSIZE_SHORT(data + off, vlen);
				memcpy(data + off + 1, VARDATA(val), vlen - 1);
				off += vlen;
			}
			else
			{
				while (off & (rf->align[i] - 1))
					data[off++] = 0;
				memcpy(data + off, val, VARSIZE(val));
				off += VARSIZE(val);
			}
		}
	}
	if (hasnull)
		infomask |= HEAP_HASNULL;
	td->t_infomask = infomask;

	tuple.t_len = (uint32) (hoff + off);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = td;
	tuplestore_puttuple(ts, &tuple);
}

void
pd_require_utf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("plandata's document functions need a UTF8 database"),
				 errdetail("The database encoding is %s.", GetDatabaseEncodingName())));
}

void
pd_segment_text(text *doc, pd_doc *out)
{
	pd_segment_opts opts = {&pd_palloc_mem, pd_check_interrupts, NULL};
	pd_error	err;

	pd_require_utf8();
	if (pd_segment(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), &opts, out, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("could not segment the document"),
				 errdetail_internal("%s", err.msg)));
}

void
pd_doc_metadata_checked(pd_doc *doc)
{
	pd_segment_opts opts = {&pd_palloc_mem, pd_check_interrupts, NULL};
	pd_error	err;

	if (pd_doc_metadata(doc, &opts, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not read the document's metadata"),
				 errdetail_internal("%s", err.msg)));
}

int
pd_varlena_cmp(const struct varlena *a, const struct varlena *b)
{
	size_t		la = VARSIZE_ANY_EXHDR(a),
				lb = VARSIZE_ANY_EXHDR(b);
	int			c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(la, lb));

	if (c != 0)
		return c < 0 ? -1 : 1;
	return la < lb ? -1 : (la > lb ? 1 : 0);
}

int
pd_varlena_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(x);
	struct varlena *b = PG_DETOAST_DATUM_PACKED(y);
	int			c = pd_varlena_cmp(a, b);

	(void) ssup;
	if ((Pointer) a != DatumGetPointer(x))
		pfree(a);
	if ((Pointer) b != DatumGetPointer(y))
		pfree(b);
	return c;
}
