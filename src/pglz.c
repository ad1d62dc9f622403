/*
 * pglz.c — reading a stored document: the document functions' own detoast.
 *
 * A plan stored in a table is TOASTed with PostgreSQL's default pglz
 * compression (about 56% of its size for a Chinese plan).  Decompressing
 * it was a fifth of plan_units()'s time over the Chongqing plan: the
 * server's pglz_decompress() copies every back-reference with a memcpy()
 * call and every literal byte by byte.  pd_detoast_doc() fetches the value
 * as the server does (detoast_external_attr) and decompresses pglz itself
 * with word-sized copies into a buffer with slack at its end: a run of
 * literals is one 8-byte copy (found from the control byte's bits), a
 * back-reference at least 8 (16) bytes back is copied 8 (16) bytes at a
 * time, closer ones byte by byte (they repeat a pattern); away from the
 * ends of the input and output a control byte's group needs no bound
 * checks.  About 2.7 times as fast as pglz_decompress() on the Chongqing
 * plan (7.5 against 20 us).  The format, the checks (a reference before the start or to
 * offset 0, input or output left over) and the error are those of
 * pglz_decompress(..., check_complete = true); other compression methods
 * and plain values take the server's path.
 */
#include "plandata.h"

#include "fmgr.h"
#if PG_VERSION_NUM >= 140000
#include "access/detoast.h"
#include "access/toast_compression.h"
#endif

/* bytes pd_pglz_decompress may write past the end of the output */
#define PD_PGLZ_SLACK 16

/*
 * Decompress source[0, slen) into dest[0, rawsize) (dest holds rawsize +
 * PD_PGLZ_SLACK bytes); rawsize, or -1 when the data is corrupt or does not
 * decompress to exactly rawsize bytes.
 */
static int32
pd_pglz_decompress(const char *source, int32 slen, char *dest, int32 rawsize)
{
	const unsigned char *sp = (const unsigned char *) source;
	const unsigned char *srcend = sp + slen;
	unsigned char *dp = (unsigned char *) dest;
	unsigned char *destend = dp + rawsize;

	while (sp < srcend && dp < destend)
	{
		unsigned int ctrl = *sp++;

		/*
		 * Far from both ends (a control byte's group takes at most 24 bytes
		 * in and 8 * 273 out): the literal runs and references in turn, each
		 * run found from the control bits and copied as one word, no bound
		 * checks but the references' own.
		 */
		if (srcend - sp >= 32 && destend - dp >= 8 * 273 + PD_PGLZ_SLACK)
		{
			unsigned int bits = ctrl | 0x100;	/* the group's end */

			for (;;)
			{
				int			run = __builtin_ctz(bits);
				int32		len,
							off;
				const unsigned char *from;
				unsigned char *to;

				memcpy(dp, sp, 8);
				dp += run;
				sp += run;
				bits >>= run;
				if (bits == 1)
					break;
				bits >>= 1;
				len = (sp[0] & 0x0f) + 3;
				off = ((sp[0] & 0xf0) << 4) | sp[1];
				sp += 2;
				if (len == 18)
					len += *sp++;
				if (unlikely(off == 0 || off > dp - (unsigned char *) dest))
					return -1;
				from = dp - off;
				to = dp + len;
				if (off >= 16)
				{
					do
					{
						memcpy(dp, from, 16);
						dp += 16;
						from += 16;
					} while (dp < to);
				}
				else if (off >= 8)
				{
					do
					{
						memcpy(dp, from, 8);
						dp += 8;
						from += 8;
					} while (dp < to);
				}
				else
				{
					while (dp < to)
						*dp++ = *from++;
				}
				dp = to;
			}
			continue;
		}

		/* near an end: eight literals */
		if (ctrl == 0 && srcend - sp >= 8 && destend - dp >= 8)
		{
			memcpy(dp, sp, 8);
			sp += 8;
			dp += 8;
			continue;
		}
		for (int ctrlc = 0; ctrlc < 8 && sp < srcend && dp < destend; ctrlc++, ctrl >>= 1)
		{
			if (ctrl & 1)
			{
				/* a back-reference: 4 bits of length - 3, 12 of offset, maybe a length byte */
				int32		len = (sp[0] & 0x0f) + 3;
				int32		off = ((sp[0] & 0xf0) << 4) | sp[1];
				const unsigned char *from;
				unsigned char *to;

				sp += 2;
				if (len == 18)
					len += *sp++;
				if (unlikely(sp > srcend || off == 0 || off > dp - (unsigned char *) dest))
					return -1;
				len = Min(len, destend - dp);
				from = dp - off;
				to = dp + len;
				if (off >= 16)
				{
					/* each copy reads only bytes written before it */
					do
					{
						memcpy(dp, from, 16);
						dp += 16;
						from += 16;
					} while (dp < to);
					dp = to;
				}
				else if (off >= 8)
				{
					do
					{
						memcpy(dp, from, 8);
						dp += 8;
						from += 8;
					} while (dp < to);
					dp = to;
				}
				else
				{
					while (dp < to)
						*dp++ = *from++;
				}
			}
			else if (srcend - sp >= 8 && destend - dp >= 8)
			{
				/* literals up to the next reference or this control byte's end: one copy */
				int			run = __builtin_ctz(ctrl | (1u << (8 - ctrlc)));

				memcpy(dp, sp, 8);
				dp += run;
				sp += run;
				ctrlc += run - 1;
				ctrl >>= run - 1;
			}
			else
				*dp++ = *sp++;
		}
	}
	if (dp != destend || sp != srcend)
		return -1;
	return rawsize;
}

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
