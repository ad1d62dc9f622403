/*
 * pd_tvalue.h — internals shared by the files of the target value type:
 * exact decimal arithmetic (target_dec.c) and the unit table's index
 * (target_unit.c), used by the literal parser, the storage form and the
 * checks of actual values.  Not part of the public core API (pd_target.h).
 *
 * It knows nothing of running text or of the sentence scanner: the readers
 * of numbers and words in text are pd_tread.h's, one level up.
 */
#ifndef PD_TVALUE_H
#define PD_TVALUE_H

#include "pd_target.h"

/*
 * Internal to the core: hidden from the extension's symbol table, so calls
 * between the core's files are direct, not through the PLT.
 */
#pragma GCC visibility push(hidden)

/* ---- exact decimals (target_dec.c) ----------------------------------------- */

#define PD_DEC_MAX_MANT INT64_C(999999999999999999)	/* 18 digits */

/* normalise a parsed decimal: strip trailing fraction zeros */
static inline pd_dec
pd_dec_norm(pd_dec d)
{
	if (d.mant == 0)
		return (pd_dec) {0, 0};
	while (d.exp > 0 && d.mant % 10 == 0)
	{
		d.mant /= 10;
		d.exp--;
	}
	return d;
}

/* a - b; false when the result does not fit a pd_dec */
bool		pd_dec_sub(pd_dec a, pd_dec b, pd_dec *out);

/* d * 10^k, exact; false when it does not fit */
bool		pd_dec_shift(pd_dec d, int k, pd_dec *out);

/* 15 significant digits of a finite double: for conversions through a factor */
bool		pd_dec_from_double(double x, pd_dec *out);

/* an int128 result m * 10^-exp back into a pd_dec: strip zeros, fail if too wide */
bool		pd_dec_from_wide(__int128 m, int exp, pd_dec *out);

/*
 * 10^e as a double: exact up to 1e22, repeated products beyond (the core
 * links without libm).  Inline: the order of targets calls it per compare.
 */
static inline double
pd_pow10_d(int e)
{
	static const double tab[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
	};

	double		r = 1;

	if (e >= 0 && e <= 22)
		return tab[e];
	if (e > 0)
	{
		for (; e > 22; e -= 22)
			r *= 1e22;
		return r * tab[e];
	}
	for (; e < -22; e += 22)
		r /= 1e22;
	return r / tab[-e];
}

/* ---- the unit table (target_unit.c) ------------------------------------------ */

/* build the unit table's index (idempotent; lookups build it on first use) */
void		pd_unit_index_init(void);

/* 十 百 千 万 亿 as unit multipliers: their power of ten, else 0 */
static inline int
pd_multiplier_pow10(uint32_t cp)
{
	switch (cp)
	{
		case 0x5341:			/* 十 */
			return 1;
		case 0x767E:			/* 百 */
			return 2;
		case 0x5343:			/* 千 */
			return 3;
		case 0x4E07:			/* 万 */
			return 4;
		case 0x4EBF:			/* 亿 */
			return 8;
		default:
			return 0;
	}
}

/*
 * The unit printed at cps[i] in running text: table units (longest match),
 * optionally preceded by multipliers (万 亿 …, also alone: 5亿) and
 * followed by 级 after multipliers (7000亿级).  Returns the code points
 * read (0: no unit here).
 */
int			pd_read_text_unit(const uint32_t *cps, int i, int n);

#pragma GCC visibility pop

#endif							/* PD_TVALUE_H */
