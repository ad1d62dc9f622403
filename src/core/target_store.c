/*
 * target_store.c — the target value at rest: its total order (what btree
 * and sort use), the compact storage form (pack / unpack) and the
 * abbreviated sort key read straight from the packed bytes.
 *
 * Owns the on-disk layout of a target; changing it changes stored data.
 * Must not parse or print text (target.c) or check actual values
 * (target_check.c).
 */
#include "pd_tvalue.h"

#include <math.h>
#include <string.h>

/* ---- order ----------------------------------------------------------------- */

static double
base_double(const pd_target *t, const pd_dec *v)
{
	int			e = t->u.pow10 - v->exp;
	double		d = (double) v->mant;

	d = e >= 0 ? d * pd_pow10_d(e) : d / pd_pow10_d(-e);
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
		ok = pd_dec_shift(*v, t->u.pow10, out);
	else
		ok = pd_dec_from_double(base_double(t, v), out);
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
			if (z > (uint64_t) PD_DEC_MAX_MANT)
				return false;
			*v = (int64_t) z;
			return true;
		}
		shift += 7;
	}
	return false;
}

/* the conversion factor: an IEEE double, 8 bytes, most significant first */
static inline bool
get_factor(const unsigned char **pp, const unsigned char *end, double *factor)
{
	uint64_t	bits = 0;

	if (end - *pp < 8)
		return false;
	for (int k = 0; k < 8; k++)
		bits = (bits << 8) | *(*pp)++;
	memcpy(factor, &bits, 8);
	return true;
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
	return d.exp >= 0 && d.exp <= PD_DEC_MAX_EXP && d.mant <= PD_DEC_MAX_MANT &&
		d.mant >= -PD_DEC_MAX_MANT && (d.exp == 0 || d.mant % 10 != 0);
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
		if (!get_factor(&p, end, &t->u.factor))
			return false;
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
	if ((flags & PK_FACTOR) && !get_factor(&p, end, &t.u.factor))
		return false;
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
