/*
 * pglz.c — reading a stored document: the document functions' own detoast.
 *
 * A plan stored in a table is TOASTed with PostgreSQL's default pglz
 * compression (to about 56% of its size for a Chinese plan).  Decompressing
 * it with the server's pglz_decompress() was a fifth of plan_units()'s time
 * over the Chongqing plan.  pd_detoast_doc() fetches the value as the
 * server does (detoast_external_attr) and decompresses pglz with the core's
 * decoder (src/core/pglz.c: about 2.7 times as fast, 7.5 against 20 us for
 * that plan; the same bytes, checks and error); other compression methods
 * and plain values take the server's path.
 */
#include "plandata.h"
#include "pd_pglz.h"

#include "fmgr.h"
#if PG_VERSION_NUM >= 140000
#include "access/detoast.h"
#include "access/toast_compression.h"
#endif

text *
pd_detoast_doc(Datum d)
{
#if PG_VERSION_NUM >= 140000
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	struct varlena *c = VARATT_IS_EXTERNAL_ONDISK(v) ? detoast_external_attr(v) : v;

	if (VARATT_IS_COMPRESSED(c) &&
		VARDATA_COMPRESSED_GET_COMPRESS_METHOD(c) == TOAST_PGLZ_COMPRESSION_ID)
	{
		int32		rawsize = VARDATA_COMPRESSED_GET_EXTSIZE(c);
		text	   *result = (text *) palloc(VARHDRSZ + rawsize + PD_PGLZ_SLACK);

		if (pd_pglz_decompress((char *) c + VARHDRSZ_COMPRESSED, VARSIZE(c) - VARHDRSZ_COMPRESSED,
							   VARDATA(result), rawsize) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg_internal("compressed pglz data is corrupt")));
		SET_VARSIZE(result, VARHDRSZ + rawsize);
		if (c != v)
			pfree(c);
		return result;
	}
	return (text *) pg_detoast_datum_packed(c);
#else
	return (text *) pg_detoast_datum_packed((struct varlena *) DatumGetPointer(d));
#endif
}
