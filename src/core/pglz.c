/*
 * pglz.c — PostgreSQL's pglz format, decompressed (pd_pglz.h).  Backend-free:
 * the PostgreSQL side (src/pglz.c) fetches a stored value and calls this.
 *
 * A control byte says, low bit first, whether each of the next eight items
 * is a literal byte or a back-reference (two bytes: 4 bits of length - 3
 * and 12 of offset, a third byte adding to a length of 18).  PostgreSQL's
 * pglz_decompress() copies every reference with memcpy() and every literal
 * byte by byte; here a run of literals (found from the control bits) is one
 * 8-byte copy and a reference at least 8 (16) bytes back is copied 8 (16)
 * bytes at a time into an output with PD_PGLZ_SLACK bytes of slack, closer
 * ones byte by byte (they repeat a pattern), and away from the ends of the
 * input and output a control byte's group needs no bound checks.  The
 * checks and the result are those of pglz_decompress(..., check_complete =
 * true); test/c/test_pglz.c compares the two.
 */
#include "pd_pglz.h"

#include <string.h>

#if defined(__GNUC__)
#define PD_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define PD_CTZ(x) __builtin_ctz(x)
#else
#define PD_UNLIKELY(x) (x)
static inline int
PD_CTZ(unsigned int x)
{
	int			n = 0;

	while (!(x & 1))
		x >>= 1, n++;
	return n;
}
#endif

int32_t
pd_pglz_decompress(const char *source, int32_t slen, char *dest, int32_t rawsize)
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
				int			run = PD_CTZ(bits);
				int32_t		len,
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
				if (PD_UNLIKELY(off == 0 || off > dp - (unsigned char *) dest))
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
				int32_t		len = (sp[0] & 0x0f) + 3;
				int32_t		off = ((sp[0] & 0xf0) << 4) | sp[1];
				const unsigned char *from;
				unsigned char *to;

				sp += 2;
				if (len == 18)
					len += *sp++;
				if (PD_UNLIKELY(sp > srcend || off == 0 || off > dp - (unsigned char *) dest))
					return -1;
				if (len > destend - dp)
					len = (int32_t) (destend - dp);
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
				int			run = PD_CTZ(ctrl | (1u << (8 - ctrlc)));

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

