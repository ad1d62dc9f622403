/*
 * target_dec.c — exact decimals (pd_dec), the numbers of the target type:
 * their text form (parse, canonical format), their order, and the little
 * exact arithmetic the type needs (difference, shift by a power of ten,
 * from a double after a conversion factor).
 *
 * Owns the pd_dec rules: at most 18 significant digits, at most 18 after
 * the point, trailing fraction zeros stripped.  Must not know units,
 * targets, or any text but a plain decimal literal.
 */
#include "pd_tvalue.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- exact decimals ------------------------------------------------------ */

static const int64_t pow10_i64[19] = {
	INT64_C(1), INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000),
	INT64_C(100000), INT64_C(1000000), INT64_C(10000000), INT64_C(100000000),
	INT64_C(1000000000), INT64_C(10000000000), INT64_C(100000000000),
	INT64_C(1000000000000), INT64_C(10000000000000), INT64_C(100000000000000),
	INT64_C(1000000000000000), INT64_C(10000000000000000),
	INT64_C(100000000000000000), INT64_C(1000000000000000000)
};

/* an int128 result back into a pd_dec: strip zeros, fail if too wide */
bool
pd_dec_from_wide(__int128 m, int exp, pd_dec *out)
{
	if (m == 0)
	{
		*out = (pd_dec) {0, 0};
		return true;
	}
	while (m % 10 == 0 && (exp > 0 || m > PD_DEC_MAX_MANT || m < -PD_DEC_MAX_MANT))
	{
		m /= 10;
		exp--;
	}
	if (m > PD_DEC_MAX_MANT || m < -PD_DEC_MAX_MANT || exp > 60 || exp < -60)
		return false;
	out->mant = (int64_t) m;
	out->exp = exp;
	return true;
}

static int
dec_digits(int64_t m)
{
	int			d = 1;

	if (m < 0)
		m = -m;
	while (d < 19 && m >= pow10_i64[d])
		d++;
	return d;
}

static __int128
wide_pow10(int k)
{
	__int128	r = 1;

	while (k-- > 0)
		r *= 10;
	return r;
}

int
pd_dec_cmp(pd_dec a, pd_dec b)
{
	int			sa = (a.mant > 0) - (a.mant < 0);
	int			sb = (b.mant > 0) - (b.mant < 0);

	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (sa == 0)
		return 0;
	if (a.exp - b.exp > 20 || b.exp - a.exp > 20)
	{
		/* far apart: the one with more integer digits is larger in magnitude */
		int			ma = dec_digits(a.mant) - a.exp;
		int			mb = dec_digits(b.mant) - b.exp;

		if (ma != mb)
			return (ma > mb ? 1 : -1) * sa;
		/* same magnitude implies exponents within 19 of each other */
	}
	{
		__int128	x = a.mant,
					y = b.mant;

		if (a.exp < b.exp)
			x *= wide_pow10(b.exp - a.exp);
		else
			y *= wide_pow10(a.exp - b.exp);
		return x < y ? -1 : (x > y ? 1 : 0);
	}
}

bool
pd_dec_sub(pd_dec a, pd_dec b, pd_dec *out)
{
	__int128	x = a.mant,
				y = b.mant;
	int			exp = a.exp > b.exp ? a.exp : b.exp;

	if (a.exp - b.exp > 20 || b.exp - a.exp > 20)
		return false;
	x *= wide_pow10(exp - a.exp);
	y *= wide_pow10(exp - b.exp);
	return pd_dec_from_wide(x - y, exp, out);
}

/* d * 10^k, exact */
bool
pd_dec_shift(pd_dec d, int k, pd_dec *out)
{
	if (d.mant == 0)
	{
		*out = (pd_dec) {0, 0};
		return true;
	}
	return pd_dec_from_wide(d.mant, d.exp - k, out);
}

double
pd_dec_to_double(pd_dec d)
{
	double		v = (double) d.mant;

	return d.exp >= 0 ? v / pd_pow10_d(d.exp) : v * pd_pow10_d(-d.exp);
}

/* 15 significant digits of x: for conversions through a factor */
bool
pd_dec_from_double(double x, pd_dec *out)
{
	char		buf[40];
	int64_t		m = 0;
	int			e;
	const char *p;

	if (!isfinite(x))
		return false;
	if (x == 0)
	{
		*out = (pd_dec) {0, 0};
		return true;
	}
	snprintf(buf, sizeof buf, "%.14e", x);	/* -d.dddddddddddddde+XX */
	p = buf;
	if (*p == '-')
		p++;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			m = m * 10 + (*p - '0');
	e = (int) strtol(p + 1, NULL, 10);
	/* m has 15 digits: value = m * 10^(e - 14) */
	if (buf[0] == '-')
		m = -m;
	return pd_dec_from_wide(m, 14 - e, out);
}

/*
 * Digits to a decimal: ip[0..ni) before the point, fp[0..nf) after it, times
 * 10^e10.  Leading and trailing zeros are not significant.
 */
static pd_status
dec_from_digits(const char *ip, int ni, const char *fp, int nf, int e10, bool neg, pd_dec *out)
{
	int64_t		m = 0;
	int			exp = nf - e10;
	int			s = 0,
				t;
	char		d[2 * 64];
	int			nd = 0;

	for (int k = 0; k < ni; k++)
		d[nd++] = ip[k];
	for (int k = 0; k < nf; k++)
		d[nd++] = fp[k];
	while (s < nd && d[s] == '0')
		s++;
	if (s == nd)
	{
		*out = (pd_dec) {0, 0};
		return PD_OK;
	}
	t = nd;
	while (t > s && d[t - 1] == '0')
	{
		t--;
		exp--;
	}
	if (t - s > PD_DEC_DIGITS)
		return PD_ERANGE;
	for (int k = s; k < t; k++)
		m = m * 10 + (d[k] - '0');
	/* back to exp >= 0 where the mantissa has room: 800 is {800, 0} */
	while (exp < 0 && m <= PD_DEC_MAX_MANT / 10)
	{
		m *= 10;
		exp++;
	}
	if (exp > 60 || exp < -60)
		return PD_ERANGE;
	out->mant = neg ? -m : m;
	out->exp = exp;
	return PD_OK;
}

pd_status
pd_dec_parse(const char *s, size_t len, pd_dec *out, pd_error *err)
{
	size_t		i = 0;
	bool		neg = false;
	char		ip[64],
				fp[64];
	int			ni = 0,
				nf = 0,
				e10 = 0;

	while (i < len && s[i] == ' ')
		i++;
	while (len > i && s[len - 1] == ' ')
		len--;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	while (i < len && s[i] >= '0' && s[i] <= '9')
	{
		if (ni == (int) sizeof ip)
			return pd_fail(err, PD_ERANGE, 0, "The value has too many digits.");
		ip[ni++] = s[i++];
	}
	if (i < len && s[i] == '.')
	{
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
		{
			if (nf == (int) sizeof fp)
			{
				/* beyond 64 fraction digits only zeros can be harmless */
				if (s[i++] != '0')
					return pd_fail(err, PD_ERANGE, 0, "The value has too many digits.");
				continue;
			}
			fp[nf++] = s[i++];
		}
	}
	if (ni + nf == 0)
		return pd_fail(err, PD_ESYNTAX, 0, "\"%.*s\" is not a decimal number.", (int) len, s);
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		bool		eneg = false;
		int			nd = 0;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			eneg = s[i++] == '-';
		while (i < len && s[i] >= '0' && s[i] <= '9' && nd < 4)
		{
			e10 = e10 * 10 + (s[i++] - '0');
			nd++;
		}
		if (nd == 0)
			return pd_fail(err, PD_ESYNTAX, 0, "\"%.*s\" is not a decimal number.", (int) len, s);
		if (eneg)
			e10 = -e10;
	}
	if (i != len)
		return pd_fail(err, PD_ESYNTAX, 0, "\"%.*s\" is not a decimal number.", (int) len, s);
	if (dec_from_digits(ip, ni, fp, nf, e10, neg, out) != PD_OK)
		return pd_fail(err, PD_ERANGE, 0,
					   "The value has more than %d significant digits or is out of range.",
					   PD_DEC_DIGITS);
	return PD_OK;
}

size_t
pd_dec_format(pd_dec d, char *buf)
{
	char		digits[24];
	int			nd;
	size_t		len = 0;
	uint64_t	m = d.mant < 0 ? (uint64_t) (-(d.mant + 1)) + 1 : (uint64_t) d.mant;

	if (d.mant < 0)
		buf[len++] = '-';
	/* the digits of m, without snprintf (output is on the hot path) */
	{
		char		rev[24];
		int			k = 0;

		do
		{
			rev[k++] = (char) ('0' + m % 10);
			m /= 10;
		} while (m);
		for (nd = 0; nd < k; nd++)
			digits[nd] = rev[k - 1 - nd];
		m = d.mant < 0 ? (uint64_t) (-(d.mant + 1)) + 1 : (uint64_t) d.mant;
	}
	if (d.exp <= 0)
	{
		memcpy(buf + len, digits, nd);
		len += nd;
		if (m != 0)
			for (int k = 0; k < -d.exp; k++)
				buf[len++] = '0';
	}
	else if (nd > d.exp)
	{
		memcpy(buf + len, digits, nd - d.exp);
		len += nd - d.exp;
		buf[len++] = '.';
		memcpy(buf + len, digits + nd - d.exp, d.exp);
		len += d.exp;
	}
	else
	{
		buf[len++] = '0';
		buf[len++] = '.';
		for (int k = 0; k < d.exp - nd; k++)
			buf[len++] = '0';
		memcpy(buf + len, digits, nd);
		len += nd;
	}
	buf[len] = '\0';
	return len;
}
