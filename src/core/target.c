/*
 * target.c — the target value: unit table, literal parser, canonical text,
 * total order, compact storage form, and checking actual values.
 * Backend-free.  The sentence extractor is in targets_scan.c.
 */
#include "pd_target_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- exact decimals ------------------------------------------------------ */

#define DEC_MAX_MANT INT64_C(999999999999999999)	/* 18 digits */

static const int64_t pow10_i64[19] = {
	INT64_C(1), INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000),
	INT64_C(100000), INT64_C(1000000), INT64_C(10000000), INT64_C(100000000),
	INT64_C(1000000000), INT64_C(10000000000), INT64_C(100000000000),
	INT64_C(1000000000000), INT64_C(10000000000000), INT64_C(100000000000000),
	INT64_C(1000000000000000), INT64_C(10000000000000000),
	INT64_C(100000000000000000), INT64_C(1000000000000000000)
};

static double
pow10_d(int e)
{
	static const double tab[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
	};

	double		r = 1;

	if (e >= 0 && e <= 22)
		return tab[e];
	/* beyond the exact powers (no libm: the core links without it) */
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

pd_dec
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

/* an int128 result back into a pd_dec: strip zeros, fail if too wide */
static bool
dec_from_wide(__int128 m, int exp, pd_dec *out)
{
	if (m == 0)
	{
		*out = (pd_dec) {0, 0};
		return true;
	}
	while (m % 10 == 0 && (exp > 0 || m > DEC_MAX_MANT || m < -DEC_MAX_MANT))
	{
		m /= 10;
		exp--;
	}
	if (m > DEC_MAX_MANT || m < -DEC_MAX_MANT || exp > 60 || exp < -60)
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

static bool
dec_sub(pd_dec a, pd_dec b, pd_dec *out)
{
	__int128	x = a.mant,
				y = b.mant;
	int			exp = a.exp > b.exp ? a.exp : b.exp;

	if (a.exp - b.exp > 20 || b.exp - a.exp > 20)
		return false;
	x *= wide_pow10(exp - a.exp);
	y *= wide_pow10(exp - b.exp);
	return dec_from_wide(x - y, exp, out);
}

/* d * 10^k, exact */
static bool
dec_shift(pd_dec d, int k, pd_dec *out)
{
	if (d.mant == 0)
	{
		*out = (pd_dec) {0, 0};
		return true;
	}
	return dec_from_wide(d.mant, d.exp - k, out);
}

double
pd_dec_to_double(pd_dec d)
{
	double		v = (double) d.mant;

	return d.exp >= 0 ? v / pow10_d(d.exp) : v * pow10_d(-d.exp);
}

/* 15 significant digits of x: for conversions through a factor */
static bool
dec_from_double(double x, pd_dec *out)
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
	return dec_from_wide(m, 14 - e, out);
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
	while (exp < 0 && m <= DEC_MAX_MANT / 10)
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

/* ---- the unit table ---------------------------------------------------- */

/*
 * Printed unit -> dimension and scale to the dimension's base unit (scale =
 * factor * 10^pow10).  Extend by adding rows: the lookup index is built from
 * this array.  Multipliers (十 百 千 万 亿) in front of any row are handled by
 * pd_unit_resolve, so 万人, 亿元, 万千瓦 need no rows of their own; rows
 * that begin with a multiplier character (千米, 千瓦) are matched whole
 * first.  Conversions that are not powers of ten: 亩 = 10000/15 m² (the
 * statutory mu), 吨标准煤 = 29.3076 GJ = 8141 kWh (GB/T 2589 calorific
 * value), time units from seconds with the Julian year of 365.25 days (so 12
 * 个月 = 1 年 and 24 小时 = 1 天 hold exactly).  Data units are decimal (SI:
 * 1 PB = 10^15 B), as storage statistics use them.  名 and 位 count people
 * (they are classifiers for persons only), 人次 counts visits (a count).
 */
static const pd_unit_row unit_rows[] = {
	{"%", PD_DIM_PERCENT, 0, 1},
	{"‰", PD_DIM_PERCENT, -1, 1},
	/* rates per population (孕产妇死亡率12/10万): shares, 1/10万 = 0.001% */
	{"/10万", PD_DIM_PERCENT, -3, 1},
	{"/十万", PD_DIM_PERCENT, -3, 1},
	{"/万", PD_DIM_PERCENT, -2, 1},
	{"/千", PD_DIM_PERCENT, -1, 1},
	{"个百分点", PD_DIM_POINTS, 0, 1},
	{"百分点", PD_DIM_POINTS, 0, 1},

	{"人", PD_DIM_PERSONS, 0, 1},
	{"名", PD_DIM_PERSONS, 0, 1},
	{"位", PD_DIM_PERSONS, 0, 1},

	{"元", PD_DIM_MONEY, 0, 1},
	{"美元", PD_DIM_MONEY_USD, 0, 1},

	{"米", PD_DIM_LENGTH, 0, 1},
	{"公里", PD_DIM_LENGTH, 3, 1},
	{"千米", PD_DIM_LENGTH, 3, 1},
	{"km", PD_DIM_LENGTH, 3, 1},
	{"厘米", PD_DIM_LENGTH, -2, 1},
	{"毫米", PD_DIM_LENGTH, -3, 1},

	{"平方米", PD_DIM_AREA, 0, 1},
	{"平米", PD_DIM_AREA, 0, 1},
	{"㎡", PD_DIM_AREA, 0, 1},
	{"平方公里", PD_DIM_AREA, 6, 1},
	{"平方千米", PD_DIM_AREA, 6, 1},
	{"公顷", PD_DIM_AREA, 4, 1},
	{"亩", PD_DIM_AREA, 0, 10000.0 / 15.0},

	{"立方米", PD_DIM_VOLUME, 0, 1},
	{"方", PD_DIM_VOLUME, 0, 1},
	{"升", PD_DIM_VOLUME, -3, 1},

	{"千克", PD_DIM_MASS, 0, 1},
	{"公斤", PD_DIM_MASS, 0, 1},
	{"kg", PD_DIM_MASS, 0, 1},
	{"克", PD_DIM_MASS, -3, 1},
	{"吨", PD_DIM_MASS, 3, 1},

	{"个", PD_DIM_COUNT, 0, 1},
	{"家", PD_DIM_COUNT, 0, 1},
	{"所", PD_DIM_COUNT, 0, 1},
	{"户", PD_DIM_COUNT, 0, 1},
	{"套", PD_DIM_COUNT, 0, 1},
	{"辆", PD_DIM_COUNT, 0, 1},
	{"座", PD_DIM_COUNT, 0, 1},
	{"条", PD_DIM_COUNT, 0, 1},
	{"项", PD_DIM_COUNT, 0, 1},
	{"件", PD_DIM_COUNT, 0, 1},
	{"台", PD_DIM_COUNT, 0, 1},
	{"张", PD_DIM_COUNT, 0, 1},
	{"处", PD_DIM_COUNT, 0, 1},
	{"部", PD_DIM_COUNT, 0, 1},
	{"艘", PD_DIM_COUNT, 0, 1},
	{"架", PD_DIM_COUNT, 0, 1},
	{"只", PD_DIM_COUNT, 0, 1},
	{"头", PD_DIM_COUNT, 0, 1},
	{"种", PD_DIM_COUNT, 0, 1},
	{"款", PD_DIM_COUNT, 0, 1},
	{"篇", PD_DIM_COUNT, 0, 1},
	{"本", PD_DIM_COUNT, 0, 1},
	{"册", PD_DIM_COUNT, 0, 1},
	{"次", PD_DIM_COUNT, 0, 1},
	{"场", PD_DIM_COUNT, 0, 1},
	{"批", PD_DIM_COUNT, 0, 1},
	{"例", PD_DIM_COUNT, 0, 1},
	{"宗", PD_DIM_COUNT, 0, 1},
	{"笔", PD_DIM_COUNT, 0, 1},
	{"份", PD_DIM_COUNT, 0, 1},
	{"栋", PD_DIM_COUNT, 0, 1},
	{"幢", PD_DIM_COUNT, 0, 1},
	{"间", PD_DIM_COUNT, 0, 1},
	{"株", PD_DIM_COUNT, 0, 1},
	{"棵", PD_DIM_COUNT, 0, 1},
	{"根", PD_DIM_COUNT, 0, 1},
	{"床", PD_DIM_COUNT, 0, 1},
	{"人次", PD_DIM_COUNT, 0, 1},
	{"个次", PD_DIM_COUNT, 0, 1},
	{"家次", PD_DIM_COUNT, 0, 1},

	{"千瓦时", PD_DIM_ENERGY, 0, 1},
	{"kWh", PD_DIM_ENERGY, 0, 1},
	{"兆瓦时", PD_DIM_ENERGY, 3, 1},
	{"吉瓦时", PD_DIM_ENERGY, 6, 1},
	{"太瓦时", PD_DIM_ENERGY, 9, 1},
	{"吨标准煤", PD_DIM_ENERGY, 0, 8141},
	{"吨标煤", PD_DIM_ENERGY, 0, 8141},

	{"瓦", PD_DIM_POWER, -3, 1},
	{"千瓦", PD_DIM_POWER, 0, 1},
	{"兆瓦", PD_DIM_POWER, 3, 1},
	{"吉瓦", PD_DIM_POWER, 6, 1},
	{"W", PD_DIM_POWER, -3, 1},
	{"kW", PD_DIM_POWER, 0, 1},
	{"MW", PD_DIM_POWER, 3, 1},
	{"GW", PD_DIM_POWER, 6, 1},

	{"秒", PD_DIM_TIME, 0, 1},
	{"分钟", PD_DIM_TIME, 0, 60},
	{"小时", PD_DIM_TIME, 0, 3600},
	{"天", PD_DIM_TIME, 0, 86400},
	{"日", PD_DIM_TIME, 0, 86400},
	{"个工作日", PD_DIM_TIME, 0, 86400},
	{"工作日", PD_DIM_TIME, 0, 86400},
	{"周", PD_DIM_TIME, 0, 604800},
	{"个月", PD_DIM_TIME, 0, 2629800},
	{"月", PD_DIM_TIME, 0, 2629800},
	{"季度", PD_DIM_TIME, 0, 7889400},
	{"年", PD_DIM_TIME, 0, 31557600},
	{"岁", PD_DIM_TIME, 0, 31557600},
	{"周岁", PD_DIM_TIME, 0, 31557600},

	{"B", PD_DIM_DATA, 0, 1},
	{"字节", PD_DIM_DATA, 0, 1},
	{"KB", PD_DIM_DATA, 3, 1},
	{"MB", PD_DIM_DATA, 6, 1},
	{"GB", PD_DIM_DATA, 9, 1},
	{"TB", PD_DIM_DATA, 12, 1},
	{"PB", PD_DIM_DATA, 15, 1},
	{"EB", PD_DIM_DATA, 18, 1},
	{"ZB", PD_DIM_DATA, 21, 1},

	{"bps", PD_DIM_BITRATE, 0, 1},
	{"Kbps", PD_DIM_BITRATE, 3, 1},
	{"Mbps", PD_DIM_BITRATE, 6, 1},
	{"Gbps", PD_DIM_BITRATE, 9, 1},
	{"Tbps", PD_DIM_BITRATE, 12, 1},

	{"FLOPS", PD_DIM_COMPUTE, 0, 1},
	{"GFLOPS", PD_DIM_COMPUTE, 9, 1},
	{"TFLOPS", PD_DIM_COMPUTE, 12, 1},
	{"PFLOPS", PD_DIM_COMPUTE, 15, 1},
	{"EFLOPS", PD_DIM_COMPUTE, 18, 1},
	{"ZFLOPS", PD_DIM_COMPUTE, 21, 1},
	{"P", PD_DIM_COMPUTE, 15, 1},	/* 算力规模达到5000P: the usual shorthand for PFLOPS */

	/* air and water quality: PM2.5浓度降至30微克/立方米 */
	{"微克/立方米", PD_DIM_CONCENTRATION, 0, 1},
	{"毫克/立方米", PD_DIM_CONCENTRATION, 3, 1},
	{"毫克/升", PD_DIM_CONCENTRATION, 6, 1},
	{"微克每立方米", PD_DIM_CONCENTRATION, 0, 1},
	{"μg/m³", PD_DIM_CONCENTRATION, 0, 1},
	{"µg/m³", PD_DIM_CONCENTRATION, 0, 1},
	{"ug/m3", PD_DIM_CONCENTRATION, 0, 1},
	{"mg/m³", PD_DIM_CONCENTRATION, 3, 1},
	{"mg/m3", PD_DIM_CONCENTRATION, 3, 1},
	{"mg/L", PD_DIM_CONCENTRATION, 6, 1},

	/* a ratio to one: 城乡居民收入比缩小到2.2∶1以内 is the number 2.2 */
	{":1", PD_DIM_NONE, 0, 1},
	{"∶1", PD_DIM_NONE, 0, 1},

	/* networks and people per area: 铁路网密度507公里/万平方公里, 人口密度1万人/平方公里 */
	{"公里/平方公里", PD_DIM_NETWORK_DENSITY, 0, 1},
	{"公里/百平方公里", PD_DIM_NETWORK_DENSITY, -2, 1},
	{"公里/万平方公里", PD_DIM_NETWORK_DENSITY, -4, 1},
	{"千米/平方千米", PD_DIM_NETWORK_DENSITY, 0, 1},
	{"千米/百平方千米", PD_DIM_NETWORK_DENSITY, -2, 1},
	{"千米/万平方千米", PD_DIM_NETWORK_DENSITY, -4, 1},
	{"人/平方公里", PD_DIM_POPULATION_DENSITY, 0, 1},
	{"人/平方千米", PD_DIM_POPULATION_DENSITY, 0, 1},
};

#define NUNITS ((int) (sizeof(unit_rows) / sizeof(unit_rows[0])))
#define UNIT_SLOTS 512			/* power of two, > 2 * NUNITS */

static int16_t unit_slot[UNIT_SLOTS];
static volatile int unit_ready;

static inline unsigned char
ascii_lower(unsigned char c)
{
	return c | (unsigned char) (((unsigned) (c - 'A') < 26u) << 5);
}

static uint32_t
unit_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ ascii_lower((unsigned char) s[i])) * 16777619u;
	return h;
}

static bool
unit_eq(const char *row, const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if (row[i] == '\0' || ascii_lower((unsigned char) row[i]) != ascii_lower((unsigned char) s[i]))
			return false;
	return row[i] == '\0';
}

static void unit_first_build(void);

static void
unit_index_build(void)
{
	for (int k = 0; k < UNIT_SLOTS; k++)
		unit_slot[k] = -1;
	unit_first_build();
	for (int r = 0; r < NUNITS; r++)
	{
		uint32_t	h = unit_hash(unit_rows[r].name, strlen(unit_rows[r].name)) & (UNIT_SLOTS - 1);

		while (unit_slot[h] >= 0)
			h = (h + 1) & (UNIT_SLOTS - 1);
		unit_slot[h] = (int16_t) r;
	}
	__atomic_store_n(&unit_ready, 1, __ATOMIC_RELEASE);
}

static const pd_unit_row *
unit_lookup(const char *s, size_t len)
{
	uint32_t	h;

	if (!__atomic_load_n(&unit_ready, __ATOMIC_ACQUIRE))
		unit_index_build();
	h = unit_hash(s, len) & (UNIT_SLOTS - 1);
	while (unit_slot[h] >= 0)
	{
		const pd_unit_row *row = &unit_rows[unit_slot[h]];

		if (unit_eq(row->name, s, len))
			return row;
		h = (h + 1) & (UNIT_SLOTS - 1);
	}
	return NULL;
}

const pd_unit_row *
pd_unit_table(size_t *n)
{
	pd_target_init();
	*n = NUNITS;
	return unit_rows;
}

bool
pd_unit_in_table(const char *unit, size_t len)
{
	return unit_lookup(unit, len) != NULL;
}

static void unit_resolve(const char *unit, size_t len, pd_measure *out);

/*
 * A small per-thread cache of resolved short units (up to 8 bytes, which is
 * most of them: %, 万人, 公里, 个): literal input resolves the same few units
 * over and over, and a hit costs one multiply and one compare.
 */
#define UNIT_CACHE 32
typedef struct unit_cache_entry
{
	uint64_t	key;			/* the bytes, zero-padded, plus the length on top */
	pd_measure		u;
} unit_cache_entry;
static __thread unit_cache_entry unit_cache[UNIT_CACHE];

void
pd_unit_resolve(const char *unit, size_t len, pd_measure *out)
{
	uint64_t	key = 0;
	unit_cache_entry *e;

	if (len == 0 || len > 7)
	{
		unit_resolve(unit, len, out);
		return;
	}
	memcpy(&key, unit, len);
	key |= (uint64_t) len << 56;
	e = &unit_cache[(key * UINT64_C(0x9E3779B97F4A7C15)) >> 59];
	if (e->key == key)
	{
		*out = e->u;
		return;
	}
	unit_resolve(unit, len, out);
	e->key = key;
	e->u = *out;
}

static void
unit_resolve(const char *unit, size_t len, pd_measure *out)
{
	const pd_unit_row *row;
	const unsigned char *p = (const unsigned char *) unit;
	const unsigned char *end = p + len;
	int			pow10 = 0;

	out->dim = PD_DIM_NONE;
	out->pow10 = 0;
	out->factor = 1;
	out->rest_off = 0;
	if (len == 0)
		return;
	/* no row starts with 万 or 亿 (E4 B8 87, E4 BA BF): go to the multipliers */
	if (!(len >= 3 && p[0] == 0xE4 && ((p[1] == 0xB8 && p[2] == 0x87) || (p[1] == 0xBA && p[2] == 0xBF))) &&
		(row = unit_lookup(unit, len)) != NULL)
	{
		out->dim = row->dim;
		out->pow10 = row->pow10;
		out->factor = row->factor;
		return;
	}
	while (p < end)
	{
		const unsigned char *q = p;
		int			m = pd_multiplier_pow10(pd_u8_next(&q, end));

		/*
		 * No real unit multiplies by more than 10^64 (亿亿亿亿亿亿亿亿); the
		 * rest of a longer run is an unknown unit, so pow10 always fits the
		 * stored form's one byte.
		 */
		if (m == 0 || pow10 + m > 64)
			break;
		pow10 += m;
		p = q;
		if (p == end)
		{
			/* multipliers alone: 5亿 is a pure number */
			out->pow10 = (int16_t) pow10;
			return;
		}
		if ((row = unit_lookup((const char *) p, (size_t) (end - p))) != NULL)
		{
			out->dim = row->dim;
			out->pow10 = (int16_t) (pow10 + row->pow10);
			out->factor = row->factor;
			return;
		}
	}
	out->dim = PD_DIM_UNKNOWN;
	out->pow10 = (int16_t) pow10;
	out->rest_off = (uint16_t) (p - (const unsigned char *) unit);
}

static const char *const dim_names[PD_DIM_COUNT_OF_DIMS] = {
	"none", "percent", "percentage_points", "persons", "money", "money_usd",
	"length", "area", "volume", "mass", "count", "energy", "power", "time",
	"data", "bitrate", "compute", "concentration", "network_density", "population_density"
};

static const char *const dim_base[PD_DIM_COUNT_OF_DIMS] = {
	"", "%", "个百分点", "人", "元", "美元", "米", "平方米", "立方米", "千克",
	"个", "千瓦时", "千瓦", "秒", "B", "bps", "FLOPS", "微克/立方米", "公里/平方公里", "人/平方公里"
};

const char *
pd_dim_name(int dim)
{
	return (dim >= 0 && dim < PD_DIM_COUNT_OF_DIMS) ? dim_names[dim] : "unknown";
}

const char *
pd_dim_base_unit(int dim)
{
	return (dim >= 0 && dim < PD_DIM_COUNT_OF_DIMS) ? dim_base[dim] : NULL;
}

const char *
pd_target_op_name(int op)
{
	static const char *const names[] = {"=", ">=", ">", "<=", "<", "~", "range"};

	return (op >= 0 && op <= PD_OP_RANGE) ? names[op] : "?";
}

const char *
pd_target_kind_name(int kind)
{
	return kind == PD_TK_GROWTH ? "growth" : "level";
}

const char *
pd_goal_kind_name(int kind)
{
	static const char *const names[] = {"level", "output", "change", "limit"};

	return kind >= 0 && kind < (int) (sizeof(names) / sizeof(names[0])) ? names[kind] : "level";
}

const char *
pd_period_name(int period)
{
	return period == PD_PERIOD_ANNUAL ? "annual" : period == PD_PERIOD_BY_YEAR ? "by_year" : NULL;
}

/* ---- shared readers ------------------------------------------------------ */

size_t
pd_cps_to_utf8(const uint32_t *cps, int i, int j, char *buf, size_t cap)
{
	size_t		len = 0;

	for (int k = i; k < j; k++)
	{
		char		tmp[4];
		int			n = pd_u8_put(tmp, cps[k]);

		if (len + n >= cap)
			return 0;
		memcpy(buf + len, tmp, n);
		len += n;
	}
	buf[len] = '\0';
	return len;
}

bool
pd_target_set_unit(pd_target *t, const uint32_t *cps, int i, int j)
{
	size_t		len;

	if (j - i > PD_TARGET_UNIT_MAX_CHARS)
		return false;
	if (i == j)
	{
		t->unit[0] = '\0';
		len = 0;
	}
	else if ((len = pd_cps_to_utf8(cps, i, j, t->unit, sizeof t->unit)) == 0)
		return false;
	t->unit_len = (uint8_t) len;
	pd_unit_resolve(t->unit, len, &t->u);
	return true;
}

static inline bool
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

int
pd_read_arabic(const uint32_t *cps, int i, int n, bool commas, pd_dec *out, pd_status *status)
{
	int			start = i;
	uint64_t	m = 0;
	int			sig = 0,
				nf = 0;
	bool		overflow = false;

	*status = PD_OK;
	if (i >= n || !is_digit(cps[i]))
		return 0;
	while (i < n)
	{
		uint32_t	c = cps[i];

		if (is_digit(c))
		{
			if (m != 0 || c != '0')
			{
				if (++sig > PD_DEC_DIGITS)
					overflow = true;
				else
					m = m * 10 + (c - '0');
			}
			i++;
			continue;
		}
		/* 1,000 and 10,000,000: a comma followed by exactly three digits */
		if (commas && c == ',' && i + 3 < n && is_digit(cps[i + 1]) && is_digit(cps[i + 2]) &&
			is_digit(cps[i + 3]) && (i + 4 >= n || !is_digit(cps[i + 4])))
		{
			i++;
			continue;
		}
		break;
	}
	if (i + 1 < n && cps[i] == '.' && is_digit(cps[i + 1]))
	{
		int			zeros = 0;	/* fraction zeros not yet multiplied in */

		i++;
		while (i < n && is_digit(cps[i]))
		{
			uint32_t	c = cps[i++];

			if (c == '0')
			{
				zeros++;
				continue;
			}
			/* a non-zero digit: the zeros before it count */
			if (m == 0)
				nf += zeros;	/* leading zeros of the fraction: 0.05 */
			else
			{
				for (; zeros > 0; zeros--)
				{
					if (++sig > PD_DEC_DIGITS)
						overflow = true;
					else
						m *= 10;
					nf++;
				}
			}
			zeros = 0;
			if (++sig > PD_DEC_DIGITS)
				overflow = true;
			else
				m = m * 10 + (c - '0');
			nf++;
		}
		/* trailing zeros of the fraction are dropped */
	}
	if (overflow || nf > PD_DEC_MAX_EXP)
		*status = PD_ERANGE;
	else
	{
		out->mant = (int64_t) m;
		out->exp = m ? nf : 0;
	}
	return i - start;
}

int
pd_read_chinese(const uint32_t *cps, int i, int n, pd_dec *out)
{
	int			j = i;
	char		buf[64];
	size_t		len;
	long		v;

	while (j < n && j - i < 12 && pd_is_cn_numeral_char(cps[j]))
		j++;
	if (j == i)
		return 0;
	if (j - i == 1 && (cps[i] == 0x767E || cps[i] == 0x5343))	/* 百 千 alone */
	{
		*out = (pd_dec) {cps[i] == 0x767E ? 100 : 1000, 0};
		return 1;
	}
	len = pd_cps_to_utf8(cps, i, j, buf, sizeof buf);
	v = pd_cn_value(buf, len);
	if (v < 0)
		return 0;
	*out = (pd_dec) {v, 0};
	return j - i;
}

/*
 * The first code points of table units (ASCII letters case-folded), as a
 * 1024-bit filter: most text after a number does not start a unit.
 */
static uint32_t unit_first[32];

static inline unsigned
first_bit(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		c += 32;
	return (c * 2654435761u) >> 22;
}

static void
unit_first_build(void)
{
	for (int r = 0; r < NUNITS; r++)
	{
		const unsigned char *p = (const unsigned char *) unit_rows[r].name;
		unsigned	b = first_bit(pd_u8_next(&p, p + strlen(unit_rows[r].name)));

		unit_first[b / 32] |= 1u << (b % 32);
	}
}

/* longest table unit at cps[i] (no multipliers), in code points */
static int
table_unit_at(const uint32_t *cps, int i, int n)
{
	char		buf[PD_TARGET_UNIT_MAX + 1];
	size_t		len = 0;
	int			best = 0;
	unsigned	b;

	if (i >= n)
		return 0;
	if (!__atomic_load_n(&unit_ready, __ATOMIC_ACQUIRE))
		unit_index_build();
	b = first_bit(cps[i]);
	if (!(unit_first[b / 32] & (1u << (b % 32))))
		return 0;

	/* table units are at most 8 code points (PFLOPS, 公里/万平方公里) */
	for (int k = 0; k < 8 && i + k < n; k++)
	{
		uint32_t	c = cps[i + k];
		int			nb;

		/* letters, %, and the / ² ³ μ µ of 微克/立方米, μg/m³ */
		/* and a leading / of a rate per population (/10万), : of a ratio (:1) */
		if (c < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%' ||
						  (c >= '0' && c <= '9' && k > 0) || c == '/' || (c == ':' && k == 0)))
			break;
		if (c >= 0x80 && c < 0x2000 && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0x3BC)
			break;
		nb = pd_u8_put(buf + len, c);
		len += nb;
		if (unit_lookup(buf, len))
			best = k + 1;
	}
	/* an ASCII unit must not run on into more letters (5G, Gbps2) */
	if (best > 0 && cps[i] < 0x80 && cps[i] != '%' && i + best < n)
	{
		uint32_t	c = cps[i + best];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			return 0;
	}
	return best;
}

int
pd_read_text_unit(const uint32_t *cps, int i, int n)
{
	int			j = i,
				k;

	if ((k = table_unit_at(cps, j, n)) > 0)
		return k;
	while (j < n && pd_multiplier_pow10(cps[j]) > 0 && j - i < 3)
	{
		j++;
		if ((k = table_unit_at(cps, j, n)) > 0)
			return j + k - i;
	}
	if (j > i && j < n && cps[j] == 0x7EA7)	/* 级: 7000亿级 */
		j++;
	return j - i;
}

/* ---- the literal parser ---------------------------------------------------- */

static const pd_word prefix_words[] = {
	{"达到", W_OP_SOFT, PD_OP_GE},
	{"达", W_OP_SOFT, PD_OP_GE},
	{"实现", W_OP_SOFT, PD_OP_EQ},
	{"超过", W_OP_HARD, PD_OP_GE},
	{"突破", W_OP_HARD, PD_OP_GE},
	{"过", W_OP_HARD, PD_OP_GE},
	{"不低于", W_OP_HARD, PD_OP_GE},
	{"不少于", W_OP_HARD, PD_OP_GE},
	{"不小于", W_OP_HARD, PD_OP_GE},
	{"至少", W_OP_HARD, PD_OP_GE},
	{"大于", W_OP_HARD, PD_OP_GT},
	{"高于", W_OP_HARD, PD_OP_GT},
	{"多于", W_OP_HARD, PD_OP_GT},
	{"不超过", W_OP_HARD, PD_OP_LE},
	{"不得超过", W_OP_HARD, PD_OP_LE},
	{"不得高于", W_OP_HARD, PD_OP_LE},
	{"不得大于", W_OP_HARD, PD_OP_LE},
	{"不得多于", W_OP_HARD, PD_OP_LE},
	{"不得低于", W_OP_HARD, PD_OP_GE},
	{"不得少于", W_OP_HARD, PD_OP_GE},
	{"不得小于", W_OP_HARD, PD_OP_GE},
	{"不能超过", W_OP_HARD, PD_OP_LE},
	{"不能高于", W_OP_HARD, PD_OP_LE},
	{"不能低于", W_OP_HARD, PD_OP_GE},
	{"不能少于", W_OP_HARD, PD_OP_GE},
	{"不应超过", W_OP_HARD, PD_OP_LE},
	{"不应高于", W_OP_HARD, PD_OP_LE},
	{"不应低于", W_OP_HARD, PD_OP_GE},
	{"不应少于", W_OP_HARD, PD_OP_GE},
	{"不宜超过", W_OP_HARD, PD_OP_LE},
	{"不宜低于", W_OP_HARD, PD_OP_GE},
	{"不高于", W_OP_HARD, PD_OP_LE},
	{"不大于", W_OP_HARD, PD_OP_LE},
	{"不多于", W_OP_HARD, PD_OP_LE},
	{"低于", W_OP_HARD, PD_OP_LT},
	{"小于", W_OP_HARD, PD_OP_LT},
	{"少于", W_OP_HARD, PD_OP_LT},
	{"控制在", W_OP_SOFT, PD_OP_LE},
	{"稳定在", W_OP_SOFT, PD_OP_APPROX},
	{"保持在", W_OP_SOFT, PD_OP_APPROX},
	{"维持在", W_OP_SOFT, PD_OP_APPROX},
	{"保持", W_OP_SOFT, PD_OP_APPROX},	/* 通客车比例保持100% */
	{"维持", W_OP_SOFT, PD_OP_APPROX},
	{"约", W_OP_HARD, PD_OP_APPROX},
	{"大约", W_OP_HARD, PD_OP_APPROX},
	{"约为", W_OP_HARD, PD_OP_APPROX},
	{"提高到", W_LEVEL_UP, 0},
	{"提高至", W_LEVEL_UP, 0},
	{"提升到", W_LEVEL_UP, 0},
	{"提升至", W_LEVEL_UP, 0},
	{"增加到", W_LEVEL_UP, 0},
	{"增加至", W_LEVEL_UP, 0},
	{"增长到", W_LEVEL_UP, 0},
	{"增长至", W_LEVEL_UP, 0},
	{"上升到", W_LEVEL_UP, 0},
	{"上升至", W_LEVEL_UP, 0},
	{"扩大到", W_LEVEL_UP, 0},
	{"扩大至", W_LEVEL_UP, 0},
	{"降至", W_LEVEL_DOWN, 0},
	{"降到", W_LEVEL_DOWN, 0},
	{"降低到", W_LEVEL_DOWN, 0},
	{"降低至", W_LEVEL_DOWN, 0},
	{"下降到", W_LEVEL_DOWN, 0},
	{"下降至", W_LEVEL_DOWN, 0},
	{"减少到", W_LEVEL_DOWN, 0},
	{"减少至", W_LEVEL_DOWN, 0},
	{"减至", W_LEVEL_DOWN, 0},
	{"压减到", W_LEVEL_DOWN, 0},
	{"压减至", W_LEVEL_DOWN, 0},
	{"压缩到", W_LEVEL_DOWN, 0},
	{"压缩至", W_LEVEL_DOWN, 0},
	{"缩短到", W_LEVEL_DOWN, 0},
	{"缩短至", W_LEVEL_DOWN, 0},
	{"缩小到", W_LEVEL_DOWN, 0},
	{"缩小至", W_LEVEL_DOWN, 0},
	{"提高", W_GROWTH_UP, 0},
	{"提升", W_GROWTH_UP, 0},
	{"增长", W_GROWTH_UP, 0},
	{"增加", W_GROWTH_UP, 0},
	{"上升", W_GROWTH_UP, 0},
	{"扩大", W_GROWTH_UP, 0},
	{"增速", W_GROWTH_UP, 0},
	{"增幅", W_GROWTH_UP, 0},
	{"下降", W_GROWTH_DOWN, 0},
	{"降低", W_GROWTH_DOWN, 0},
	{"减少", W_GROWTH_DOWN, 0},
	{"压减", W_GROWTH_DOWN, 0},
	{"压缩", W_GROWTH_DOWN, 0},
	{"缩短", W_GROWTH_DOWN, 0},
	{"每年", W_PER_YEAR, 0},
	{"每年度", W_PER_YEAR, 0},
	{"年均", W_PER_YEAR, 0},
	{"翻一番", W_DOUBLE, 100},
	{"翻番", W_DOUBLE, 100},
	{"翻两番", W_DOUBLE, 300},
	{"翻三番", W_DOUBLE, 700},
	{"倍增", W_DOUBLE, 100},	/* 实现倍增, at a clause's end only (targets_scan.c) */
};

static const pd_word suffix_words[] = {
	{"以上", 0, PD_OP_GE},
	{"及以上", 0, PD_OP_GE},
	{"以下", 0, PD_OP_LE},
	{"及以下", 0, PD_OP_LE},
	{"以内", 0, PD_OP_LE},
	{"之内", 0, PD_OP_LE},
	{"左右", 0, PD_OP_APPROX},
	{"上下", 0, PD_OP_APPROX},
};

static pd_wordtab prefix_tab = PD_WORDTAB(prefix_words);
static pd_wordtab suffix_tab = PD_WORDTAB(suffix_words);

void
pd_target_init(void)
{
	pd_wordtab_build(&prefix_tab);
	pd_wordtab_build(&suffix_tab);
	if (!__atomic_load_n(&unit_ready, __ATOMIC_ACQUIRE))
		unit_index_build();
}

/* ---- words, numbers and suffixes into a target (parser and extractor) ---- */

int
pd_prefix_word_at(const uint32_t *cps, int i, int n)
{
	return pd_word_at(&prefix_tab, cps, i, n);
}

int
pd_prefix_word_before(const uint32_t *cps, int from, int i)
{
	return pd_word_before(&prefix_tab, cps, from, i);
}

int
pd_prefix_word_class(int w)
{
	return prefix_words[w].a;
}

int
pd_prefix_word_arg(int w)
{
	return prefix_words[w].b;
}

int
pd_prefix_word_len(int w)
{
	return pd_word_len(&prefix_tab, w);
}

int
pd_suffix_at(const uint32_t *cps, int i, int n, int *op)
{
	int			w;

	if (i >= n || (w = pd_word_at(&suffix_tab, cps, i, n)) < 0)
		return 0;
	*op = suffix_words[w].b;
	return pd_word_len(&suffix_tab, w);
}

void
pd_tparts_init(pd_tparts *p)
{
	memset(p, 0, sizeof *p);
	p->op = -1;
	p->suffix_op = -1;
}

pd_status
pd_tparts_symbol(pd_tparts *p, int op, int pos, pd_error *err)
{
	if (p->op >= 0 && !p->op_soft)
		return pd_fail(err, PD_ESYNTAX, pos, "A second comparator at character %d.", pos);
	p->op = op;
	p->op_soft = false;
	p->op_pos = pos;
	return PD_OK;
}

pd_status
pd_tparts_word(pd_tparts *p, int w, int pos, pd_error *err)
{
	switch (prefix_words[w].a)
	{
		case W_OP_HARD:
		case W_OP_SOFT:
			/* one comparator; a precise one may refine a soft one (达到约76%) */
			if (p->op >= 0 && !(p->op_soft && prefix_words[w].a == W_OP_HARD))
				return pd_fail(err, PD_ESYNTAX, pos, "A second comparator at character %d.", pos);
			p->op = prefix_words[w].b;
			p->op_soft = prefix_words[w].a == W_OP_SOFT;
			p->op_pos = pos;
			break;
		case W_LEVEL_UP:
		case W_LEVEL_DOWN:
		case W_GROWTH_UP:
		case W_GROWTH_DOWN:
			if (p->level_dir || p->word_sign)
				return pd_fail(err, PD_ESYNTAX, pos, "A second change word at character %d.", pos);
			if (prefix_words[w].a == W_LEVEL_UP || prefix_words[w].a == W_LEVEL_DOWN)
				p->level_dir = prefix_words[w].a == W_LEVEL_UP ? 1 : -1;
			else
				p->word_sign = prefix_words[w].a == W_GROWTH_UP ? 1 : -1;
			break;
		case W_PER_YEAR:
			p->per_year = true;
			break;
		case W_DOUBLE:
			if (p->level_dir || p->word_sign)
				return pd_fail(err, PD_ESYNTAX, pos,
							   "翻番 is a growth of its own and takes no other change word.");
			p->word_sign = 1;
			p->v = (pd_dec) {prefix_words[w].b, 0};
			p->doubling = true;
			break;
	}
	return PD_OK;
}

static int
mirror_op(int op)
{
	switch (op)
	{
		case PD_OP_GE:
			return PD_OP_LE;
		case PD_OP_GT:
			return PD_OP_LT;
		case PD_OP_LE:
			return PD_OP_GE;
		case PD_OP_LT:
			return PD_OP_GT;
		default:
			return op;
	}
}

pd_status
pd_tparts_build(const pd_tparts *p, pd_target *t, pd_error *err)
{
	int			op = p->op;
	pd_dec		v = p->v,
				hi = p->hi;

	if (p->suffix_op >= 0)
	{
		if (op >= 0 && !p->op_soft && op != p->suffix_op)
			return pd_fail(err, PD_ESYNTAX, p->op_pos,
						   "The comparator at character %d contradicts the suffix.", p->op_pos);
		op = p->suffix_op;
	}
	if (p->range)
	{
		if (op >= 0 && !p->op_soft && p->suffix_op < 0)
			return pd_fail(err, PD_ESYNTAX, p->op_pos, "A range takes no comparator.");
		op = PD_OP_RANGE;
	}
	if (op < 0)
		op = p->level_dir > 0 ? PD_OP_GE : p->level_dir < 0 ? PD_OP_LE : PD_OP_EQ;
	if (p->word_sign && p->explicit_sign)
		return pd_fail(err, PD_ESYNTAX, 0, "Both a sign and a change word (增长, 下降) are given.");
	t->kind = (p->word_sign || p->explicit_sign) ? PD_TK_GROWTH : PD_TK_LEVEL;
	if (p->word_sign < 0)
	{
		/* 下降10%以上: a decline of at least 10 is a change of at most -10 */
		op = mirror_op(op);
		if (p->range)
		{
			v = (pd_dec) {-p->hi.mant, p->hi.exp};
			hi = (pd_dec) {-p->v.mant, p->v.exp};
		}
		else
			v.mant = -v.mant;
	}
	if (p->range && pd_dec_cmp(v, hi) > 0)
		return pd_fail(err, PD_ESYNTAX, 0, "The lower bound of the range is above its upper bound.");
	t->op = (uint8_t) op;
	t->per_year = p->per_year;
	t->value = pd_dec_norm(v);
	t->value_hi = p->range ? pd_dec_norm(hi) : (pd_dec) {0, 0};
	return PD_OK;
}

/* ---- the literal parser ------------------------------------------------ */

/* lexer state over the folded literal */
typedef struct tlex
{
	uint32_t	cps[PD_TARGET_LITERAL_MAX];
	uint16_t	off[PD_TARGET_LITERAL_MAX + 1];	/* byte offset of each in the source */
	const char *src;
	bool		folded;			/* some code point differs from the source */
	int			n;
	int			i;
} tlex;

/* white space as pd_is_space() sees it, inline */
static inline bool
is_space(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return c == 0xA0 || c == 0x3000 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B);
}

bool
pd_is_range_sep(uint32_t c)
{
	return c == '-' || c == 0x2014 || c == 0x2013 || c == '~' || c == 0x301C ||
		c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */ || c == 0x2212;
}

static bool
is_sign(uint32_t c, int *sign)
{
	if (c == '+')
		*sign = 1;
	else if (c == '-' || c == 0x2212)
		*sign = -1;
	else
		return false;
	return true;
}

static void
skip_spaces(tlex *lx)
{
	while (lx->i < lx->n && is_space(lx->cps[lx->i]))
		lx->i++;
}

/* the text of one code point for messages */
static const char *
cp_text(uint32_t cp, char *buf)
{
	int			n = pd_u8_put(buf, cp);

	buf[n] = '\0';
	return buf;
}

static pd_status
unexpected(tlex *lx, pd_error *err, const char *what)
{
	char		b[8];

	if (lx->i >= lx->n)
		return pd_fail(err, PD_ESYNTAX, lx->i + 1, "Missing %s at the end.", what);
	return pd_fail(err, PD_ESYNTAX, lx->i + 1, "Unexpected \"%s\" at character %d where %s was expected.",
				   cp_text(lx->cps[lx->i], b), lx->i + 1, what);
}

/* a number (Arabic or Chinese) at lx->i; *got false when there is none */
static pd_status
lex_number(tlex *lx, bool commas, pd_dec *v, bool *got, pd_error *err)
{
	pd_status	st;
	int			k = pd_read_arabic(lx->cps, lx->i, lx->n, commas, v, &st);

	*got = false;
	if (k > 0)
	{
		if (st != PD_OK)
			return pd_fail(err, PD_ERANGE, lx->i + 1,
						   "The number at character %d has more than %d significant digits "
						   "or more than %d digits after the point.",
						   lx->i + 1, PD_DEC_DIGITS, PD_DEC_MAX_EXP);
		lx->i += k;
		*got = true;
		/* 76.% or 1..2 */
		if (lx->i < lx->n && lx->cps[lx->i] == '.')
			return pd_fail(err, PD_ESYNTAX, lx->i + 1,
						   "Misplaced decimal point at character %d.", lx->i + 1);
		return PD_OK;
	}
	if (lx->i < lx->n && lx->cps[lx->i] == '.')
		return pd_fail(err, PD_ESYNTAX, lx->i + 1,
					   "A number must start with a digit, not a point (character %d).", lx->i + 1);
	k = pd_read_chinese(lx->cps, lx->i, lx->n, v);
	if (k > 0)
	{
		lx->i += k;
		*got = true;
	}
	else if (lx->i < lx->n && pd_is_cn_numeral_char(lx->cps[lx->i]))
		return pd_fail(err, PD_ESYNTAX, lx->i + 1,
					   "The Chinese numeral at character %d is not well-formed.", lx->i + 1);
	return PD_OK;
}

static bool
is_unit_char(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%';
	if (c == 0x2030)			/* ‰ */
		return true;
	/* not punctuation: dashes, quotes, CJK brackets, full-width forms */
	return !pd_is_space(c) && !(c >= 0x2000 && c <= 0x206F) &&
		!(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF65) && c != 0xFFFD;
}

/* fold the literal into lx; false if it is too long */
static bool
fold_literal(tlex *lx, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	int			n = 0;

	if (len > 4 * PD_TARGET_LITERAL_MAX)
		return false;
	lx->src = s;
	lx->folded = false;
	while (p < end)
	{
		uint32_t	c;

		if (n == PD_TARGET_LITERAL_MAX)
			return false;
		lx->off[n] = (uint16_t) (p - (const unsigned char *) s);
		if (*p < 0x80)
			c = *p++;
		else
		{
			const unsigned char *q = p;
			uint32_t	raw = pd_u8_next(&p, end);

			c = pd_fold(raw);
			/* a changed code point, or bytes that were not valid UTF-8 */
			if (c != raw || raw == PD_REPLACEMENT)
				lx->folded = true;
			(void) q;
		}
		lx->cps[n++] = c;
	}
	lx->off[n] = (uint16_t) len;
	lx->n = n;
	while (lx->n > 0 && is_space(lx->cps[lx->n - 1]))
		lx->n--;
	lx->i = 0;
	skip_spaces(lx);
	return true;
}

static int
symbol_op(tlex *lx)
{
	uint32_t	c = lx->cps[lx->i];

	switch (c)
	{
		case '>':
		case '<':
			{
				bool		eq = lx->i + 1 < lx->n && lx->cps[lx->i + 1] == '=';

				lx->i += eq ? 2 : 1;
				return c == '>' ? (eq ? PD_OP_GE : PD_OP_GT) : (eq ? PD_OP_LE : PD_OP_LT);
			}
		case '=':
			lx->i++;
			return PD_OP_EQ;
		case '~':
		case 0x2248:			/* ≈ */
			lx->i++;
			return PD_OP_APPROX;
		case 0x2265:			/* ≥ */
		case 0x2A7E:			/* ⩾ */
			lx->i++;
			return PD_OP_GE;
		case 0x2264:			/* ≤ */
		case 0x2A7D:			/* ⩽ */
			lx->i++;
			return PD_OP_LE;
		default:
			return -1;
	}
}

#define RETURN_IF_ERR(expr) do { pd_status st_ = (expr); if (st_ != PD_OK) return st_; } while (0)

/*
 * A decimal written in ASCII at s[*i]: digits, optional point and digits.
 * false (nothing consumed that matters) if it is not plain or too long.
 */
static bool
fast_decimal(const char *s, size_t len, size_t *i, pd_dec *out)
{
	size_t		k = *i;
	uint64_t	m = 0;
	int			sig = 0,
				nf = 0,
				zeros = 0;

	if (k >= len || s[k] < '0' || s[k] > '9' || (s[k] == '0' && k + 1 < len && s[k + 1] >= '0' && s[k + 1] <= '9'))
		return false;			/* leading zeros: the general parser */
	while (k < len && s[k] >= '0' && s[k] <= '9')
	{
		if (m != 0 || s[k] != '0')
		{
			if (++sig > PD_DEC_DIGITS)
				return false;
			m = m * 10 + (uint64_t) (s[k] - '0');
		}
		k++;
	}
	if (k < len && s[k] == '.')
	{
		k++;
		if (k >= len || s[k] < '0' || s[k] > '9')
			return false;
		while (k < len && s[k] >= '0' && s[k] <= '9')
		{
			if (s[k] == '0')
				zeros++;
			else
			{
				for (; zeros > 0; zeros--, nf++)
					if (m != 0)
					{
						if (++sig > PD_DEC_DIGITS)
							return false;
						m *= 10;
					}
				if (++sig > PD_DEC_DIGITS)
					return false;
				m = m * 10 + (uint64_t) (s[k] - '0');
				nf++;
			}
			k++;
		}
		if (nf > PD_DEC_MAX_EXP)
			return false;
	}
	out->mant = (int64_t) m;
	out->exp = m ? nf : 0;
	*i = k;
	return true;
}

/*
 * The unit grammar.  The unit is what follows the number (or the range) of
 * a literal, folded (Simplified script, half-width), up to a suffix word
 * (以上 以下 以内 左右), the per-year mark /年, white space or the end.  It is
 * kept as printed and resolved through unit_rows (pd_unit_resolve):
 *
 *   unit    = ""                   a pure number: 125, 0.5
 *           | mult* table          % ‰ 万人 公里 万千瓦 亿吨标准煤 微克/立方米 mg/m3 /10万 :1
 *           | mult+                5亿: multipliers alone are a pure number
 *           | mult* free           亿级 G 个国家级平台 吨·公里 m²
 *           | symbol               ° ℃ ℉ °C °F, only on its own
 *   mult    = 十 | 百 | 千 | 万 | 亿
 *   table   = a row of unit_rows, exactly (ASCII letters in any case)
 *   free    = word (("·" | "・") word)*
 *   word    = (letter ["²" | "³"])+
 *   letter  = a Han character (U+3400–4DBF, U+4E00–9FFF, U+F900–FAFF,
 *             U+20000–3FFFF), a Latin letter (ASCII, µ, U+00C0–024F but
 *             × ÷), a Greek letter (U+0370–03FF) or a squared unit sign
 *             (U+3380–33DF: ㎡ ㎞ ㎏)
 *
 * So % and ‰ are a unit only as the whole unit after the multipliers (76%,
 * 5‰; 5万% is what the extractor reads in 增长5万%), never next to a letter
 * or another symbol (76%%, 5个%, 5%个%); a "/" or a digit belongs to a unit
 * only inside a table row (one per-denominator: 微克/立方米, 公里/万平方公里,
 * /10万; mg/m3, :1); and a unit of only punctuation, symbols or digits (··,
 * ①, ², ١٢) is none.  The extractor's units (a table row after at most three
 * multipliers, multipliers alone or before 级) are all in the grammar, so
 * every target it finds reads back.  At most PD_TARGET_UNIT_MAX_CHARS
 * characters and PD_TARGET_UNIT_MAX bytes.
 */
static inline bool
unit_letter(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
		(c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || c == 0xB5 ||
		(c >= 0x370 && c <= 0x3FF) || (c >= 0x3380 && c <= 0x33DF);
}

/* symbols that are a unit only by themselves, besides the table's % ‰ … */
static inline bool
unit_symbol_alone(uint32_t c)
{
	return c == 0xB0 || c == 0x2103 || c == 0x2109;	/* ° ℃ ℉ */
}

/* what unit_syntax finds */
typedef enum unit_verdict
{
	UNIT_OK = 0,
	UNIT_NOT_ALONE,				/* % ‰ ° ℃ next to a letter or another symbol */
	UNIT_NO_LETTER,				/* only punctuation, symbols or digits */
	UNIT_BAD_CHAR				/* a character that is no part of a unit */
} unit_verdict;

static inline bool
unit_alone_char(uint32_t c)
{
	return c == '%' || c == 0x2030 || unit_symbol_alone(c);
}

/*
 * Check a folded unit (UTF-8) against the grammar above.  On failure *bad is
 * the 0-based character of the unit where it goes wrong and *badc that
 * character.
 */
static unit_verdict
unit_syntax(const char *unit, size_t len, int *bad, uint32_t *badc)
{
	const unsigned char *p = (const unsigned char *) unit;
	const unsigned char *end = p + len;
	int			k,
				m = 0;
	bool		any_letter = false,
				prev_letter = false,
				prev_sup = false;

	*bad = 0;
	*badc = 0;
	/* the common cases: none, %, letters and Han characters only */
	if (len == 0 || (len == 1 && unit[0] == '%'))
		return UNIT_OK;
	for (;;)
	{
		if (p == end)
			return UNIT_OK;
		if (!unit_letter(pd_u8_next(&p, end)))
			break;
	}

	/* a table row or a symbol by itself */
	if (unit_lookup(unit, len) != NULL)
		return UNIT_OK;
	p = (const unsigned char *) unit;
	{
		const unsigned char *q = p;
		uint32_t	c = pd_u8_next(&q, end);

		if (q == end && unit_symbol_alone(c))
			return UNIT_OK;
		/* °C °F */
		if (c == 0xB0 && end - q == 1 && (*q == 'C' || *q == 'F'))
			return UNIT_OK;
	}
	/* multipliers, then a table row (千米/平方千米 after 万) or a free unit */
	for (;;)
	{
		const unsigned char *q = p;

		if (p == end || pd_multiplier_pow10(pd_u8_next(&q, end)) == 0)
			break;
		p = q;
		m++;
		if (p < end && unit_lookup((const char *) p, (size_t) (end - p)) != NULL)
			return UNIT_OK;
	}
	any_letter = m > 0;
	for (k = m; p < end; k++)
	{
		uint32_t	c = pd_u8_next(&p, end);

		if (unit_letter(c))
		{
			any_letter = prev_letter = true;
			prev_sup = false;
			continue;
		}
		if ((c == 0xB2 || c == 0xB3) && prev_letter)	/* m² m³ */
		{
			prev_letter = false;
			prev_sup = true;
			continue;
		}
		if ((c == 0xB7 || c == 0x30FB) && (prev_letter || prev_sup) && p < end)	/* 吨·公里 */
		{
			const unsigned char *q = p;

			if (unit_letter(pd_u8_next(&q, end)))
			{
				prev_letter = prev_sup = false;
				continue;
			}
		}
		*bad = k;
		*badc = c;
		if (unit_alone_char(c))
			return UNIT_NOT_ALONE;
		/* no letter anywhere: ··, ①, ² */
		while (p < end)
			if (unit_letter(pd_u8_next(&p, end)))
				any_letter = true;
		return any_letter ? UNIT_BAD_CHAR : UNIT_NO_LETTER;
	}
	return UNIT_OK;
}

/*
 * The errdetail for a unit that is not one: it names the unit (as folded)
 * and where it starts in the literal (1-based character unit_pos).
 */
static pd_status
unit_error(pd_error *err, const char *unit, int unit_pos, unit_verdict v, int bad, uint32_t badc)
{
	char		b[8];

	switch (v)
	{
		case UNIT_NOT_ALONE:
			return pd_fail(err, PD_ESYNTAX, unit_pos + bad,
						   "The unit \"%s\" at character %d is not a unit: \"%s\" is a unit only on its own.",
						   unit, unit_pos, cp_text(badc, b));
		case UNIT_NO_LETTER:
			return pd_fail(err, PD_ESYNTAX, unit_pos,
						   "The unit \"%s\" at character %d is not a unit: it has no letter or Han character.",
						   unit, unit_pos);
		default:
			return pd_fail(err, PD_ESYNTAX, unit_pos + bad,
						   "The unit \"%s\" at character %d is not a unit: \"%s\" at character %d is "
						   "neither a letter nor a Han character.",
						   unit, unit_pos, cp_text(badc, b), unit_pos + bad);
	}
}

/*
 * The canonical text (what pd_target_format prints, and what COPY and the
 * text casts see almost always): >=76% ~65万人/年 [2,3]个 +7%/年.  Only the
 * unit needs decoding, to make sure it is already folded and holds nothing
 * the general parser would read differently.  Returns false to let the
 * general parser handle — and explain — anything else.
 */
static bool
parse_canonical(const char *s, size_t len, pd_target *t)
{
	size_t		i = 0,
				ustart,
				uend;
	pd_tparts	p;
	int			sign = 0;

	pd_tparts_init(&p);
	if (len == 0)
		return false;
	switch (s[0])
	{
		case '>':
		case '<':
			if (len > 1 && s[1] == '=')
			{
				p.op = s[0] == '>' ? PD_OP_GE : PD_OP_LE;
				i = 2;
			}
			else
			{
				p.op = s[0] == '>' ? PD_OP_GT : PD_OP_LT;
				i = 1;
			}
			break;
		case '~':
			p.op = PD_OP_APPROX;
			i = 1;
			break;
		case '[':
			i = 1;
			p.range = true;
			break;
	}
	if (i < len && (s[i] == '+' || s[i] == '-'))
	{
		sign = s[i] == '+' ? 1 : -1;
		i++;
	}
	if (!fast_decimal(s, len, &i, &p.v))
		return false;
	if (sign)
	{
		p.explicit_sign = 1;
		if (sign < 0)
			p.v.mant = -p.v.mant;
	}
	if (p.range)
	{
		int			sign2 = 0;

		if (p.op >= 0 || i >= len || s[i] != ',')
			return false;
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
		{
			sign2 = s[i] == '+' ? 1 : -1;
			i++;
		}
		if (!fast_decimal(s, len, &i, &p.hi) || i >= len || s[i] != ']')
			return false;
		i++;
		if (sign || sign2)
		{
			p.explicit_sign = 1;
			if (sign2 < 0)
				p.hi.mant = -p.hi.mant;
		}
	}
	/* the unit, then /年 */
	ustart = i;
	uend = len;
	if (len - ustart >= 4 && memcmp(s + len - 4, "/\xE5\xB9\xB4", 4) == 0)
	{
		p.per_year = true;
		uend = len - 4;
	}
	if (uend - ustart > PD_TARGET_UNIT_MAX)
		return false;
	{
		const unsigned char *q = (const unsigned char *) s + ustart;
		const unsigned char *qend = (const unsigned char *) s + uend;
		int			chars = 0;

		while (q < qend)
		{
			uint32_t	c = *q;

			if (c < 0x80)
			{
				if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%'))
					return false;
				q++;
			}
			else
			{
				c = pd_u8_next(&q, qend);
				/*
				 * folded already, a unit character, not the start of a suffix
				 * word, not a range (2至三个)
				 */
				if (c == PD_REPLACEMENT || pd_fold(c) != c || !is_unit_char(c) ||
					(chars == 0 && pd_is_range_sep(c)) ||
					c == 0x4EE5 || c == 0x5DE6 || c == 0x4E0A || c == 0x4E4B || c == 0x53CA)
					return false;	/* 以 左 上 之 及 */
			}
			if (++chars > PD_TARGET_UNIT_MAX_CHARS)
				return false;
		}
	}
	{
		int			bad;
		uint32_t	badc;

		/* not a unit (76%%, 5个%): the general parser explains */
		if (unit_syntax(s + ustart, uend - ustart, &bad, &badc) != UNIT_OK)
			return false;
	}
	memset(t, 0, offsetof(pd_target, unit));
	memcpy(t->unit, s + ustart, uend - ustart);
	t->unit[uend - ustart] = '\0';
	t->unit_len = (uint8_t) (uend - ustart);
	pd_unit_resolve(t->unit, t->unit_len, &t->u);
	return pd_tparts_build(&p, t, NULL) == PD_OK;
}

pd_status
pd_target_parse(const char *s, size_t len, pd_target *out, pd_error *err)
{
	tlex		lx;
	pd_tparts	p;
	int			unit_start,
				unit_end;
	pd_target  *t = out;		/* filled in place; undefined on error */

	if (len <= 4 * PD_TARGET_LITERAL_MAX && parse_canonical(s, len, out))
		return PD_OK;
	if (!fold_literal(&lx, s, len))
		return pd_fail(err, PD_ESYNTAX, 0,
					   "A target literal has at most %d characters.", PD_TARGET_LITERAL_MAX);
	if (lx.i >= lx.n)
		return pd_fail(err, PD_ESYNTAX, 0, "The target is empty.");
	pd_tparts_init(&p);
	memset(t, 0, offsetof(pd_target, unit));

	/* comparator symbols and words, in any order */
	while (!p.doubling)
	{
		int			start,
					op,
					w;

		skip_spaces(&lx);
		if (lx.i >= lx.n)
			break;
		start = lx.i;
		if ((op = symbol_op(&lx)) >= 0)
			RETURN_IF_ERR(pd_tparts_symbol(&p, op, start + 1, err));
		else if (lx.cps[lx.i] >= 0x80 && (w = pd_word_at(&prefix_tab, lx.cps, lx.i, lx.n)) >= 0)
		{
			lx.i += pd_word_len(&prefix_tab, w);
			RETURN_IF_ERR(pd_tparts_word(&p, w, start + 1, err));
		}
		else
			break;
	}

	/* the value */
	skip_spaces(&lx);
	if (p.doubling)
	{
		/* 翻一番: +100%, no number and no unit of its own */
		memcpy(t->unit, "%", 2);
		t->unit_len = 1;
		pd_unit_resolve(t->unit, 1, &t->u);
		goto suffix;
	}
	if (lx.i < lx.n && lx.cps[lx.i] == '[')
	{
		bool		got;
		int			s1 = 0,
					s2 = 0;

		lx.i++;
		skip_spaces(&lx);
		if (lx.i < lx.n && is_sign(lx.cps[lx.i], &s1))
			lx.i++;
		RETURN_IF_ERR(lex_number(&lx, false, &p.v, &got, err));
		if (!got)
			return unexpected(&lx, err, "the lower bound of the range");
		skip_spaces(&lx);
		if (lx.i >= lx.n || lx.cps[lx.i] != ',')
			return unexpected(&lx, err, "\",\"");
		lx.i++;
		skip_spaces(&lx);
		if (lx.i < lx.n && is_sign(lx.cps[lx.i], &s2))
			lx.i++;
		RETURN_IF_ERR(lex_number(&lx, false, &p.hi, &got, err));
		if (!got)
			return unexpected(&lx, err, "the upper bound of the range");
		skip_spaces(&lx);
		if (lx.i >= lx.n || lx.cps[lx.i] != ']')
			return unexpected(&lx, err, "\"]\"");
		lx.i++;
		if (s1 || s2)
		{
			p.explicit_sign = 1;
			if (s1 < 0)
				p.v.mant = -p.v.mant;
			if (s2 < 0)
				p.hi.mant = -p.hi.mant;
		}
		p.range = true;
	}
	else
	{
		bool		got;
		int			sign = 0;

		if (lx.i < lx.n && is_sign(lx.cps[lx.i], &sign))
		{
			lx.i++;
			p.explicit_sign = sign;
		}
		RETURN_IF_ERR(lex_number(&lx, true, &p.v, &got, err));
		if (!got)
		{
			/* 万亿级: a unit that starts with a multiplier counts one of it */
			if (lx.i < lx.n && (lx.cps[lx.i] == 0x4E07 || lx.cps[lx.i] == 0x4EBF))
				p.v = (pd_dec) {1, 0};
			else
				return unexpected(&lx, err, "a number");
		}
		if (sign < 0)
			p.v.mant = -p.v.mant;
		/* 2—3个, 2-3个, 2至3个 */
		if (got)
		{
			int			save = lx.i;

			skip_spaces(&lx);
			if (lx.i < lx.n && pd_is_range_sep(lx.cps[lx.i]))
			{
				lx.i++;
				if (lx.i < lx.n && lx.cps[lx.i] == 0x2014)	/* —— */
					lx.i++;
				skip_spaces(&lx);
				RETURN_IF_ERR(lex_number(&lx, true, &p.hi, &got, err));
				if (!got)
					return unexpected(&lx, err, "the upper bound of the range");
				if (sign < 0)
					return pd_fail(err, PD_ESYNTAX, 0,
								   "Write a range of declines as [-3,-2] or 下降2—3.");
				p.range = true;
			}
			else
				lx.i = save;
		}
	}

	/*
	 * the unit: everything up to a suffix word, "/" or the end — but a
	 * table unit with a "/" or a digit in it (微克/立方米, mg/m3) is read
	 * whole
	 */
	skip_spaces(&lx);
	unit_start = lx.i;
	{
		int			k = pd_read_text_unit(lx.cps, lx.i, lx.n);	/* 万微克/立方米 too */

		for (int j = lx.i; j < lx.i + k; j++)
			if (lx.cps[j] == '/' || (lx.cps[j] >= '0' && lx.cps[j] <= '9'))
			{
				lx.i += k;
				break;
			}
	}
	while (lx.i < lx.n && pd_word_at(&suffix_tab, lx.cps, lx.i, lx.n) < 0)
	{
		uint32_t	c = lx.cps[lx.i];
		char		b[8];

		if (c == '/' || is_space(c) || (c >= '0' && c <= '9'))
			break;
		if (!is_unit_char(c))
			return pd_fail(err, PD_ESYNTAX, lx.i + 1,
						   "Unexpected \"%s\" at character %d in the unit.", cp_text(c, b), lx.i + 1);
		lx.i++;
	}
	unit_end = lx.i;
	if (unit_end - unit_start > PD_TARGET_UNIT_MAX_CHARS)
		return pd_fail(err, PD_ESYNTAX, unit_start + 1,
					   "The unit at character %d is longer than %d characters.",
					   unit_start + 1, PD_TARGET_UNIT_MAX_CHARS);
	if (!lx.folded)
	{
		/* the unit as written is already folded: copy its bytes */
		size_t		ulen = lx.off[unit_end] - lx.off[unit_start];

		if (ulen > PD_TARGET_UNIT_MAX)
			return pd_fail(err, PD_ESYNTAX, unit_start + 1,
						   "The unit at character %d is too long.", unit_start + 1);
		memcpy(t->unit, lx.src + lx.off[unit_start], ulen);
		t->unit[ulen] = '\0';
		t->unit_len = (uint8_t) ulen;
		pd_unit_resolve(t->unit, ulen, &t->u);
	}
	else if (!pd_target_set_unit(t, lx.cps, unit_start, unit_end))
		return pd_fail(err, PD_ESYNTAX, unit_start + 1,
					   "The unit at character %d is too long.", unit_start + 1);
	{
		int			bad;
		uint32_t	badc;
		unit_verdict v = unit_syntax(t->unit, t->unit_len, &bad, &badc);

		if (v != UNIT_OK)
			return unit_error(err, t->unit, unit_start + 1, v, bad, badc);
	}

suffix:
	for (int round = 0; round < 2; round++)
	{
		int			k,
					op;

		skip_spaces(&lx);
		if (lx.i < lx.n && lx.cps[lx.i] == '/')
		{
			lx.i++;
			skip_spaces(&lx);
			if (lx.i >= lx.n || lx.cps[lx.i] != 0x5E74)	/* 年 */
				return unexpected(&lx, err, "年 after \"/\"");
			lx.i++;
			if (p.per_year)
				return pd_fail(err, PD_ESYNTAX, lx.i, "\"per year\" is given twice.");
			p.per_year = true;
		}
		else if (p.suffix_op < 0 && (k = pd_suffix_at(lx.cps, lx.i, lx.n, &op)) > 0)
		{
			p.suffix_op = op;
			lx.i += k;
		}
	}
	skip_spaces(&lx);
	if (lx.i < lx.n)
	{
		char		b[8];

		return pd_fail(err, PD_ESYNTAX, lx.i + 1, "Unexpected \"%s\" at character %d after the target.",
					   cp_text(lx.cps[lx.i], b), lx.i + 1);
	}
	return pd_tparts_build(&p, t, err);
}

size_t
pd_target_format(const pd_target *t, char *buf)
{
	size_t		len = 0;
	bool		sign = t->kind == PD_TK_GROWTH;

	switch (t->op)
	{
		case PD_OP_GE:
			buf[len++] = '>';
			buf[len++] = '=';
			break;
		case PD_OP_GT:
			buf[len++] = '>';
			break;
		case PD_OP_LE:
			buf[len++] = '<';
			buf[len++] = '=';
			break;
		case PD_OP_LT:
			buf[len++] = '<';
			break;
		case PD_OP_APPROX:
			buf[len++] = '~';
			break;
		case PD_OP_RANGE:
			buf[len++] = '[';
			break;
		default:
			break;
	}
	if (sign && t->value.mant >= 0)
		buf[len++] = '+';
	len += pd_dec_format(t->value, buf + len);
	if (t->op == PD_OP_RANGE)
	{
		buf[len++] = ',';
		if (sign && t->value_hi.mant >= 0)
			buf[len++] = '+';
		len += pd_dec_format(t->value_hi, buf + len);
		buf[len++] = ']';
	}
	memcpy(buf + len, t->unit, t->unit_len);
	len += t->unit_len;
	if (t->per_year)
	{
		memcpy(buf + len, "/年", 4);
		len += 4;
	}
	buf[len] = '\0';
	return len;
}

/* ---- order ----------------------------------------------------------------- */

static double
base_double(const pd_target *t, const pd_dec *v)
{
	int			e = t->u.pow10 - v->exp;
	double		d = (double) v->mant;

	d = e >= 0 ? d * pow10_d(e) : d / pow10_d(-e);
	return d * t->u.factor;
}

#define CMP(a, b) do { if ((a) != (b)) return (a) < (b) ? -1 : 1; } while (0)

int
pd_target_cmp(const pd_target *a, const pd_target *b)
{
	CMP(a->kind, b->kind);
	CMP(a->u.dim, b->u.dim);
	{
		double		x = base_double(a, &a->value),
					y = base_double(b, &b->value);

		CMP(x, y);
	}
	CMP(a->op, b->op);
	if (a->op == PD_OP_RANGE)
	{
		double		x = base_double(a, &a->value_hi),
					y = base_double(b, &b->value_hi);

		CMP(x, y);
	}
	CMP(a->per_year, b->per_year);
	/* equal so far: tell the printed forms apart (65万人 vs 650000人) */
	{
		int			c = pd_dec_cmp(a->value, b->value);

		if (c)
			return c;
		if (a->op == PD_OP_RANGE && (c = pd_dec_cmp(a->value_hi, b->value_hi)) != 0)
			return c;
	}
	{
		size_t		n = a->unit_len < b->unit_len ? a->unit_len : b->unit_len;
		int			c = memcmp(a->unit, b->unit, n);

		if (c)
			return c < 0 ? -1 : 1;
		CMP(a->unit_len, b->unit_len);
	}
	CMP(a->u.pow10, b->u.pow10);
	CMP(a->u.factor, b->u.factor);
	return 0;
}

pd_status
pd_target_base_value(const pd_target *t, bool hi, pd_dec *out, pd_error *err)
{
	const pd_dec *v = hi ? &t->value_hi : &t->value;
	bool		ok;

	if (t->u.factor == 1)
		ok = dec_shift(*v, t->u.pow10, out);
	else
		ok = dec_from_double(base_double(t, v), out);
	if (!ok)
		return pd_fail(err, PD_ERANGE, 0, "The base value of %s is out of range.", t->unit);
	return PD_OK;
}

/* ---- storage form ------------------------------------------------------ */

#define PK_GROWTH 0x01
#define PK_PER_YEAR 0x02
#define PK_FACTOR 0x04
#define PK_NEG 0x08				/* the value is negative */
#define PK_HI_NEG 0x10			/* the upper bound is negative */
#define PK_VERSION_MASK 0xE0

/* magnitudes as LEB128 varints: 76 takes one byte */
static size_t
put_varint(unsigned char *buf, int64_t v)
{
	uint64_t	z = v < 0 ? (uint64_t) (-v) : (uint64_t) v;
	size_t		n = 0;

	while (z >= 0x80)
	{
		buf[n++] = (unsigned char) (z | 0x80);
		z >>= 7;
	}
	buf[n++] = (unsigned char) z;
	return n;
}

static bool
get_varint(const unsigned char **pp, const unsigned char *end, int64_t *v)
{
	uint64_t	z = 0;
	int			shift = 0;

	while (*pp < end && shift < 64)
	{
		unsigned char b = *(*pp)++;

		z |= (uint64_t) (b & 0x7F) << shift;
		if (!(b & 0x80))
		{
			if (z > (uint64_t) DEC_MAX_MANT)
				return false;
			*v = (int64_t) z;
			return true;
		}
		shift += 7;
	}
	return false;
}

size_t
pd_target_pack(const pd_target *t, unsigned char *buf)
{
	size_t		n = 0;

	buf[n++] = (unsigned char) ((t->kind == PD_TK_GROWTH ? PK_GROWTH : 0) |
								(t->per_year ? PK_PER_YEAR : 0) |
								(t->u.factor != 1 ? PK_FACTOR : 0) |
								(t->value.mant < 0 ? PK_NEG : 0) |
								(t->op == PD_OP_RANGE && t->value_hi.mant < 0 ? PK_HI_NEG : 0));
	buf[n++] = t->op;
	buf[n++] = t->u.dim;
	buf[n++] = (unsigned char) (int8_t) t->u.pow10;
	buf[n++] = (unsigned char) t->value.exp;
	n += put_varint(buf + n, t->value.mant);
	if (t->op == PD_OP_RANGE)
	{
		buf[n++] = (unsigned char) t->value_hi.exp;
		n += put_varint(buf + n, t->value_hi.mant);
	}
	if (t->u.factor != 1)
	{
		uint64_t	bits;

		memcpy(&bits, &t->u.factor, 8);
		for (int k = 7; k >= 0; k--)
			buf[n++] = (unsigned char) (bits >> (8 * k));
	}
	memcpy(buf + n, t->unit, t->unit_len);
	return n + t->unit_len;
}

static bool
dec_valid(pd_dec d)
{
	return d.exp >= 0 && d.exp <= PD_DEC_MAX_EXP && d.mant <= DEC_MAX_MANT &&
		d.mant >= -DEC_MAX_MANT && (d.exp == 0 || d.mant % 10 != 0);
}

bool
pd_target_unpack(const unsigned char *buf, size_t len, pd_target *t)
{
	const unsigned char *p = buf;
	const unsigned char *end = buf + len;
	unsigned char flags;
	size_t		ulen;

	if (len < 6)
		return false;
	flags = *p++;
	if (flags & PK_VERSION_MASK)
		return false;
	t->kind = (flags & PK_GROWTH) ? PD_TK_GROWTH : PD_TK_LEVEL;
	t->per_year = (flags & PK_PER_YEAR) != 0;
	t->op = *p++;
	t->u.dim = *p++;
	t->u.pow10 = (int8_t) *p++;
	t->u.factor = 1;
	t->u.rest_off = 0;
	t->value.exp = *p++;
	if (t->op > PD_OP_RANGE ||
		(t->u.dim >= PD_DIM_COUNT_OF_DIMS && t->u.dim != PD_DIM_UNKNOWN) ||
		!get_varint(&p, end, &t->value.mant))
		return false;
	if (flags & PK_NEG)
	{
		if (t->value.mant == 0)
			return false;
		t->value.mant = -t->value.mant;
	}
	if (!dec_valid(t->value))
		return false;
	if (t->kind == PD_TK_LEVEL && (flags & (PK_NEG | PK_HI_NEG)))
		return false;
	if (t->op != PD_OP_RANGE && (flags & PK_HI_NEG))
		return false;
	t->value_hi = (pd_dec) {0, 0};
	if (t->op == PD_OP_RANGE)
	{
		if (p >= end)
			return false;
		t->value_hi.exp = *p++;
		if (!get_varint(&p, end, &t->value_hi.mant))
			return false;
		if (flags & PK_HI_NEG)
		{
			if (t->value_hi.mant == 0)
				return false;
			t->value_hi.mant = -t->value_hi.mant;
		}
		if (!dec_valid(t->value_hi) || pd_dec_cmp(t->value, t->value_hi) > 0)
			return false;
	}
	if (flags & PK_FACTOR)
	{
		uint64_t	bits = 0;

		if (end - p < 8)
			return false;
		for (int k = 0; k < 8; k++)
			bits = (bits << 8) | *p++;
		memcpy(&t->u.factor, &bits, 8);
		if (!isfinite(t->u.factor) || t->u.factor <= 0)
			return false;
	}
	ulen = (size_t) (end - p);
	if (ulen > PD_TARGET_UNIT_MAX)
		return false;
	memcpy(t->unit, p, ulen);
	t->unit[ulen] = '\0';
	t->unit_len = (uint8_t) ulen;
	if (t->u.dim == PD_DIM_UNKNOWN)
	{
		/* where the multipliers end, for conversions between 亿级 and 万亿级 */
		pd_measure		u;

		pd_unit_resolve(t->unit, ulen, &u);
		t->u.rest_off = u.rest_off;
	}
	return true;
}

/*
 * Order on the storage form, without unpacking the unit: the keys that
 * decide almost every comparison (kind, dimension, base value, comparator,
 * upper bound, per year) come from the fixed header and the varints; only
 * ties unpack both and run pd_target_cmp.
 */
typedef struct peeked
{
	int			kind,
				op,
				dim,
				per_year;
	double		base,
				base_hi;
} peeked;

static bool
peek(const unsigned char *buf, size_t len, peeked *k)
{
	const unsigned char *p = buf + 5;
	const unsigned char *end = buf + len;
	unsigned char flags = buf[0];
	pd_target	t;			/* only u and the values are set */
	int64_t		m;

	t.value_hi = (pd_dec) {0, 0};
	if (len < 6)
		return false;
	k->kind = (flags & PK_GROWTH) ? 1 : 0;
	k->per_year = (flags & PK_PER_YEAR) != 0;
	k->op = buf[1];
	k->dim = buf[2];
	t.u.pow10 = (int8_t) buf[3];
	t.u.factor = 1;
	if (!get_varint(&p, end, &m))
		return false;
	t.value.mant = (flags & PK_NEG) ? -m : m;
	t.value.exp = buf[4];
	k->base_hi = 0;
	if (k->op == PD_OP_RANGE)
	{
		if (p >= end)
			return false;
		t.value_hi.exp = *p++;
		if (!get_varint(&p, end, &m))
			return false;
		t.value_hi.mant = (flags & PK_HI_NEG) ? -m : m;
	}
	if (flags & PK_FACTOR)
	{
		uint64_t	bits = 0;

		if (end - p < 8)
			return false;
		for (int j = 0; j < 8; j++)
			bits = (bits << 8) | *p++;
		memcpy(&t.u.factor, &bits, 8);
	}
	k->base = base_double(&t, &t.value);
	if (k->op == PD_OP_RANGE)
		k->base_hi = base_double(&t, &t.value_hi);
	return true;
}

uint64_t
pd_target_sort_key(const unsigned char *buf, size_t len)
{
	peeked		k;
	uint64_t	bits;
	double		base;

	if (!peek(buf, len, &k))
		return 0;
	base = k.base == 0 ? 0 : k.base;	/* -0 sorts as 0 */
	memcpy(&bits, &base, 8);
	/* IEEE order as unsigned order: flip all bits of negatives, the sign of positives */
	bits = (bits >> 63) ? ~bits : bits | (UINT64_C(1) << 63);
	return ((uint64_t) k.kind << 63) |
		((uint64_t) (k.dim == PD_DIM_UNKNOWN ? 31 : k.dim) << 58) | (bits >> 6);
}

int
pd_target_cmp_packed(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen,
					 bool *ok)
{
	peeked		x,
				y;
	pd_target	tx,
				ty;

	*ok = true;
	if (peek(a, alen, &x) && peek(b, blen, &y))
	{
		CMP(x.kind, y.kind);
		CMP(x.dim, y.dim);
		CMP(x.base, y.base);
		CMP(x.op, y.op);
		if (x.op == PD_OP_RANGE)
			CMP(x.base_hi, y.base_hi);
		CMP(x.per_year, y.per_year);
	}
	if (!pd_target_unpack(a, alen, &tx) || !pd_target_unpack(b, blen, &ty))
	{
		*ok = false;
		return 0;
	}
	return pd_target_cmp(&tx, &ty);
}

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
		if (!dec_shift(actual, u.pow10 - t->u.pow10, out))
			return pd_fail(err, PD_ERANGE, 0, "The converted value is out of range.");
		return PD_OK;
	}
	{
		double		x = pd_dec_to_double(actual) * u.factor / t->u.factor;
		int			e = u.pow10 - t->u.pow10;

		x = e >= 0 ? x * pow10_d(e) : x / pow10_d(-e);
		if (!dec_from_double(x, out))
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

				if (!dec_from_wide(m * PD_APPROX_TOLERANCE_PERCENT, t->value.exp + 2, &tol) ||
					!dec_sub(t->value, tol, &iv->lo))
					return pd_fail(err, PD_ERANGE, 0, "The tolerance of the target is out of range.");
				tol.mant = -tol.mant;
				if (!dec_sub(t->value, tol, &iv->hi))
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
		if (!dec_sub(iv.lo, actual, gap))
			return pd_fail(err, PD_ERANGE, 0, "The gap is out of range.");
	}
	else if (!iv.hi_inf && pd_dec_cmp(actual, iv.hi) > 0)
	{
		if (!dec_sub(iv.hi, actual, gap))
			return pd_fail(err, PD_ERANGE, 0, "The gap is out of range.");
	}
	return PD_OK;
}
