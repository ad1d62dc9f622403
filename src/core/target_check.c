/*
 * target_check.c — checking actual values against a target: converting
 * an actual value given in another unit of the same dimension, whether the
 * target is met, and the gap that remains.
 *
 * Owns the meaning of each comparator for a measured value (the tolerance
 * of ~, the bounds of a range).  Must not parse, print or store targets.
 */
#include "pd_tvalue.h"

#include <string.h>

/* ---- actual values ------------------------------------------------------- */

static pd_status
fold_unit(const char *unit, size_t len, char *buf, size_t *outlen, pd_error *err)
{
	const unsigned char *p = (const unsigned char *) unit;
	const unsigned char *end = p + len;
	size_t		n = 0;
	int			chars = 0;

	while (p < end && pd_is_space(*p))
		p++;
	while (end > p && pd_is_space(end[-1]))
		end--;
	while (p < end)
	{
		char		tmp[4];
		int			k = pd_u8_put(tmp, pd_fold(pd_u8_next(&p, end)));

		if (++chars > PD_TARGET_UNIT_MAX_CHARS || n + k > PD_TARGET_UNIT_MAX)
			return pd_fail(err, PD_ESYNTAX, 0, "The unit \"%.*s\" is longer than %d characters.",
						   (int) len, unit, PD_TARGET_UNIT_MAX_CHARS);
		memcpy(buf + n, tmp, k);
		n += k;
	}
	buf[n] = '\0';
	*outlen = n;
	return PD_OK;
}

pd_status
pd_target_convert(const pd_target *t, pd_dec actual, const char *unit, size_t unit_len,
				  pd_dec *out, pd_error *err)
{
	char		ubuf[PD_TARGET_UNIT_MAX + 1];
	size_t		ulen = 0;
	pd_measure		u;
	pd_status	st;

	if (unit == NULL)
	{
		*out = actual;
		return PD_OK;
	}
	if ((st = fold_unit(unit, unit_len, ubuf, &ulen, err)) != PD_OK)
		return st;
	pd_unit_resolve(ubuf, ulen, &u);
	if (u.dim != t->u.dim)
		return pd_fail(err, PD_EMISMATCH, 0,
					   "The target's unit \"%s\" measures %s, the actual value's unit \"%s\" measures %s.",
					   t->unit, t->u.dim == PD_DIM_UNKNOWN ? "something outside the unit table" :
					   pd_dim_name(t->u.dim),
					   ubuf, u.dim == PD_DIM_UNKNOWN ? "something outside the unit table" :
					   pd_dim_name(u.dim));
	if (u.dim == PD_DIM_UNKNOWN)
	{
		/* only spellings of the same unit: 亿级 and 万亿级 */
		pd_measure		tu;

		pd_unit_resolve(t->unit, t->unit_len, &tu);
		if (strcmp(t->unit + tu.rest_off, ubuf + u.rest_off) != 0)
			return pd_fail(err, PD_EMISMATCH, 0,
						   "\"%s\" and \"%s\" are not in the unit table and cannot be converted.",
						   t->unit, ubuf);
	}
	if (u.factor == t->u.factor)
	{
		if (!pd_dec_shift(actual, u.pow10 - t->u.pow10, out))
			return pd_fail(err, PD_ERANGE, 0, "The converted value is out of range.");
		return PD_OK;
	}
	{
		double		x = pd_dec_to_double(actual) * u.factor / t->u.factor;
		int			e = u.pow10 - t->u.pow10;

		x = e >= 0 ? x * pd_pow10_d(e) : x / pd_pow10_d(-e);
		if (!pd_dec_from_double(x, out))
			return pd_fail(err, PD_ERANGE, 0, "The converted value is out of range.");
	}
	return PD_OK;
}

/* the admissible interval of a target; inf flags for open ends */
typedef struct interval
{
	pd_dec		lo,
				hi;
	bool		lo_inf,
				hi_inf,
				lo_open,
				hi_open;
} interval;

static pd_status
target_interval(const pd_target *t, interval *iv, pd_error *err)
{
	memset(iv, 0, sizeof *iv);
	iv->lo = iv->hi = t->value;
	switch (t->op)
	{
		case PD_OP_GE:
			iv->hi_inf = true;
			break;
		case PD_OP_GT:
			iv->hi_inf = iv->lo_open = true;
			break;
		case PD_OP_LE:
			iv->lo_inf = true;
			break;
		case PD_OP_LT:
			iv->lo_inf = iv->hi_open = true;
			break;
		case PD_OP_RANGE:
			iv->hi = t->value_hi;
			break;
		case PD_OP_EQ:
			/* a quantity to reach: up for levels and rises, down for declines */
			if (t->kind == PD_TK_GROWTH && t->value.mant < 0)
				iv->lo_inf = true;
			else
				iv->hi_inf = true;
			break;
		case PD_OP_APPROX:
			{
				__int128	m = t->value.mant < 0 ? -(__int128) t->value.mant : t->value.mant;
				pd_dec		tol;

				if (!pd_dec_from_wide(m * PD_APPROX_TOLERANCE_PERCENT, t->value.exp + 2, &tol) ||
					!pd_dec_sub(t->value, tol, &iv->lo))
					return pd_fail(err, PD_ERANGE, 0, "The tolerance of the target is out of range.");
				tol.mant = -tol.mant;
				if (!pd_dec_sub(t->value, tol, &iv->hi))
					return pd_fail(err, PD_ERANGE, 0, "The tolerance of the target is out of range.");
				break;
			}
	}
	return PD_OK;
}

pd_status
pd_target_met(const pd_target *t, pd_dec actual, bool *met, pd_error *err)
{
	interval	iv;
	pd_status	st;

	if ((st = target_interval(t, &iv, err)) != PD_OK)
		return st;
	*met = true;
	if (!iv.lo_inf)
	{
		int			c = pd_dec_cmp(actual, iv.lo);

		if (c < 0 || (c == 0 && iv.lo_open))
			*met = false;
	}
	if (!iv.hi_inf)
	{
		int			c = pd_dec_cmp(actual, iv.hi);

		if (c > 0 || (c == 0 && iv.hi_open))
			*met = false;
	}
	return PD_OK;
}

pd_status
pd_target_gap(const pd_target *t, pd_dec actual, pd_dec *gap, pd_error *err)
{
	interval	iv;
	pd_status	st;

	if ((st = target_interval(t, &iv, err)) != PD_OK)
		return st;
	*gap = (pd_dec) {0, 0};
	if (!iv.lo_inf && pd_dec_cmp(actual, iv.lo) < 0)
	{
		if (!pd_dec_sub(iv.lo, actual, gap))
			return pd_fail(err, PD_ERANGE, 0, "The gap is out of range.");
	}
	else if (!iv.hi_inf && pd_dec_cmp(actual, iv.hi) > 0)
	{
		if (!pd_dec_sub(iv.hi, actual, gap))
			return pd_fail(err, PD_ERANGE, 0, "The gap is out of range.");
	}
	return PD_OK;
}
