/*
 * target.c — the target value's text form: the literal parser (>= 60%,
 * 不低于60%, 增长5%以上, 提高到80%, 1-2万人 …) and the canonical text it prints,
 * with the names of comparators, kinds, goal kinds and periods.
 *
 * Owns the literal grammar and its error messages.  Must not hold word or
 * unit tables (target_read.c, target_unit.c), order or storage
 * (target_store.c), or look at sentences (targets_scan.c).
 */
#include "pd_tread.h"

#include <stdio.h>
#include <string.h>

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
	if (pd_unit_in_table(unit, len))
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
		if (p < end && pd_unit_in_table((const char *) p, (size_t) (end - p)))
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
		else if (lx.cps[lx.i] >= 0x80 && (w = pd_prefix_word_at(lx.cps, lx.i, lx.n)) >= 0)
		{
			lx.i += pd_prefix_word_len(w);
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
	while (lx.i < lx.n && pd_word_at(&pd_suffix_tab, lx.cps, lx.i, lx.n) < 0)
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

/* ---- names ----------------------------------------------------------------- */

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
