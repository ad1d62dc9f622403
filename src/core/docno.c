/*
 * docno.c — 发文字号: parse, print, compare, and find them in documents.
 * Backend-free.  See pd_docno.h for the grammar, the limits and the key.
 */
#include "pd_docno.h"
#include "pd_scan.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define CP_HAO 0x53F7			/* 号; 號 folds to it */
#define CP_DI 0x7B2C			/* 第 */
#define CP_DUNHAO 0x3001		/* 、 */
#define DN_ALL INT_MAX			/* dn_skip without a limit */

/* ---- character classes (every test is on pd_fold()ed code points) ---- */

/* CJK ideographs: the characters an issuer code is made of */
static inline bool
dn_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
		(cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* brackets around the year; pd_fold has turned （ into ( and ［ into [ */
static inline bool
dn_is_open(uint32_t cp)
{
	return cp == '(' || cp == '[' || cp == 0x3014 || cp == 0x3010 ||
		cp == 0x3016 || cp == 0xFE5D;	/* 〔 【 〖 ﹝ */
}

static inline bool
dn_is_close(uint32_t cp)
{
	return cp == ')' || cp == ']' || cp == 0x3015 || cp == 0x3011 ||
		cp == 0x3017 || cp == 0xFE5E;	/* 〕 】 〗 ﹞ */
}

/* white space on one line */
static inline bool
dn_is_hspace(uint32_t cp)
{
	return cp != '\n' && cp != '\r' && pd_is_space(cp);
}

static inline uint32_t
dn_next(const unsigned char **pp, const unsigned char *end)
{
	return pd_fold(pd_u8_next(pp, end));
}

static inline uint32_t
dn_peek(const unsigned char *p, const unsigned char *end)
{
	return p < end ? dn_next(&p, end) : 0;
}

/* skip white space forward (lines: line breaks too), at most `limit` characters */
static const unsigned char *
dn_skip(const unsigned char *p, const unsigned char *end, bool lines, int limit)
{
	while (p < end && limit-- > 0)
	{
		const unsigned char *q = p;
		uint32_t	cp = pd_u8_next(&q, end);

		if (lines ? !pd_is_space(cp) : !dn_is_hspace(cp))
			break;
		p = q;
	}
	return p;
}

static const unsigned char *
dn_skip_back(const unsigned char *base, const unsigned char *p, int limit)
{
	while (p > base && limit-- > 0)
	{
		uint32_t	cp;
		const unsigned char *q = pd_prev_folded(base, p, &cp);

		if (!dn_is_hspace(cp))
			break;
		p = q;
	}
	return p;
}

/* a run of ASCII or full-width digits; the value saturates above 10^8 */
static const unsigned char *
dn_digits(const unsigned char *p, const unsigned char *end, long *value, int *ndigits)
{
	long		v = 0;
	int			n = 0;

	while (p < end)
	{
		const unsigned char *q = p;
		int			d = pd_digit(pd_u8_next(&q, end));

		if (d < 0)
			break;
		if (v < 100000000L)
			v = v * 10 + d;
		n++;
		p = q;
	}
	*value = v;
	*ndigits = n;
	return p;
}

/* ---- the part after the issuer: 〔2025〕第4号 ------------------------- */

typedef enum dn_tail_status
{
	DN_TAIL_OK,
	DN_TAIL_NO_YEAR,			/* no digit where the year should start */
	DN_TAIL_YEAR_LEN,			/* the year does not have four digits */
	DN_TAIL_NO_CLOSE,			/* no closing bracket after the year */
	DN_TAIL_NO_SERIAL			/* no digit where the serial should start */
} dn_tail_status;

typedef struct dn_tail
{
	dn_tail_status status;
	const unsigned char *err_at;	/* where the problem is */
	const unsigned char *year_at;	/* first digit of the year */
	const unsigned char *serial_at; /* first digit of the serial */
	const unsigned char *serial_end;
	long		year;
	long		serial;			/* saturates */
	int			year_digits;
	bool		hao;			/* ends in 号 */
	const unsigned char *end;	/* after 号, or after the serial */
} dn_tail;

/*
 * Read  OPEN sp* YEAR sp* CLOSE sp* [第 sp*] SERIAL [sp* 号]  from p, which
 * points at the opening bracket.  One grammar for the literal parser
 * (lines = true: any white space) and the scanner (spaces on one line).
 */
static void
dn_read_tail(const unsigned char *p, const unsigned char *end, bool lines, dn_tail *t)
{
	const unsigned char *q;
	int			nserial;

	memset(t, 0, sizeof(*t));
	(void) pd_u8_next(&p, end);	/* the opening bracket */
	p = dn_skip(p, end, lines, 64);
	t->year_at = p;
	p = dn_digits(p, end, &t->year, &t->year_digits);
	if (t->year_digits == 0)
	{
		t->status = DN_TAIL_NO_YEAR;
		t->err_at = t->year_at;
		return;
	}
	if (t->year_digits != 4)
	{
		t->status = DN_TAIL_YEAR_LEN;
		t->err_at = t->year_at;
		t->serial_end = p;		/* end of the year, for the message */
		return;
	}
	p = dn_skip(p, end, lines, 64);
	q = p;
	if (p >= end || !dn_is_close(dn_next(&q, end)))
	{
		t->status = DN_TAIL_NO_CLOSE;
		t->err_at = p;
		return;
	}
	p = dn_skip(q, end, lines, 64);
	q = p;
	if (p < end && dn_next(&q, end) == CP_DI)
		p = dn_skip(q, end, lines, 64);
	t->serial_at = p;
	p = dn_digits(p, end, &t->serial, &nserial);
	if (nserial == 0)
	{
		t->status = DN_TAIL_NO_SERIAL;
		t->err_at = p;
		return;
	}
	t->serial_end = t->end = p;
	p = dn_skip(p, end, lines, 64);
	q = p;
	if (p < end && dn_next(&q, end) == CP_HAO)
	{
		t->hao = true;
		t->end = q;
	}
}

/* ---- validation shared by the parser and the constructor -------------- */

static int
dn_charpos(const unsigned char *base, const unsigned char *p)
{
	return (int) pd_u8_count((const char *) base, (size_t) (p - base)) + 1;
}

static pd_status
dn_bad_issuer_char(pd_error *err, uint32_t raw, int pos)
{
	char		buf[5] = {0};

	pd_u8_put(buf, raw);
	return pd_fail(err, PD_ESYNTAX, pos,
				   "Unexpected \"%s\" in the issuer code at character %d; an issuer code is made of Chinese characters only.",
				   buf, pos);
}

static void
dn_append(pd_docno *d, uint32_t folded)
{
	d->issuer_len += pd_u8_put(d->issuer + d->issuer_len, folded);
	d->issuer[d->issuer_len] = '\0';
}

static pd_status
dn_check_numbers(pd_docno *d, long year, long serial, int year_pos, int serial_pos,
				 pd_error *err)
{
	if (year < PD_DOCNO_YEAR_MIN || year > PD_DOCNO_YEAR_MAX)
		return pd_fail(err, PD_ERANGE, year_pos,
					   "The year %ld is outside the range %d to %d.",
					   year, PD_DOCNO_YEAR_MIN, PD_DOCNO_YEAR_MAX);
	if (serial < 1)
		return pd_fail(err, PD_ESYNTAX, serial_pos,
					   "The serial number is %ld; serial numbers start at 1.", serial);
	if (serial > PD_DOCNO_SERIAL_MAX)
		return pd_fail(err, PD_ERANGE, serial_pos,
					   "The serial number is above the maximum of %d.", PD_DOCNO_SERIAL_MAX);
	d->year = (int) year;
	d->serial = (int) serial;
	return PD_OK;
}

static pd_status
dn_issuer_too_long(pd_error *err, int nchars)
{
	return pd_fail(err, PD_ESYNTAX, 0,
				   "The issuer code has %d characters; at most %d are allowed.",
				   nchars, PD_DOCNO_ISSUER_MAX);
}

/* ---- the literal parser ----------------------------------------------- */

pd_status
pd_docno_parse(const char *s, size_t len, pd_docno *out, pd_error *err)
{
	const unsigned char *base = (const unsigned char *) s;
	const unsigned char *end = base + len;
	const unsigned char *p;
	pd_docno	d;
	int			nchars = 0;
	int			pos;			/* 1-based character position of p */
	dn_tail		t;
	pd_status	st;

	d.issuer_len = 0;
	d.issuer[0] = '\0';

	/* trim white space at both ends */
	p = dn_skip(base, end, true, DN_ALL);
	while (end > p)
	{
		uint32_t	cp;
		const unsigned char *q = pd_prev_folded(p, end, &cp);

		if (!pd_is_space(cp))
			break;
		end = q;
	}
	if (p == end)
		return pd_fail(err, PD_ESYNTAX, 0, "A document number cannot be empty.");

	/* the issuer: Chinese characters up to the opening bracket */
	pos = dn_charpos(base, p);
	while (p < end)
	{
		const unsigned char *q = p;
		uint32_t	raw = pd_u8_next(&q, end);
		uint32_t	cp = pd_fold(raw);

		if (dn_is_open(cp))
			break;
		if (dn_is_han(cp))
		{
			if (++nchars <= PD_DOCNO_ISSUER_MAX)
				dn_append(&d, cp);
			p = q;
			pos++;
			continue;
		}
		if (nchars > 0 && pd_is_space(cp))
		{
			/* white space may separate the issuer from the bracket only */
			const unsigned char *r = dn_skip(p, end, true, DN_ALL);

			if (!dn_is_open(dn_peek(r, end)))
				return pd_fail(err, PD_ESYNTAX, pos,
							   "Unexpected white space in the issuer code at character %d.", pos);
			p = r;
			break;
		}
		if (pd_digit(cp) >= 0)
		{
			long		v;
			int			n;
			const unsigned char *r = dn_digits(p, end, &v, &n);

			if (nchars == 0)
				return pd_fail(err, PD_ESYNTAX, pos,
							   "A document number starts with its issuer code (机关代字), not with a digit.");
			/* 渝府发2025… lacks a bracket; 渝2府发 has a digit in the issuer */
			if (n == 4 || !dn_is_han(dn_peek(r, end)))
				return pd_fail(err, PD_ESYNTAX, pos,
							   "Expected an opening bracket before the year at character %d.", pos);
			return pd_fail(err, PD_ESYNTAX, pos,
						   "The issuer code contains the digit at character %d; an issuer code is made of Chinese characters only.",
						   pos);
		}
		return dn_bad_issuer_char(err, raw, pos);
	}
	if (nchars == 0)
		return pd_fail(err, PD_ESYNTAX, 1,
					   "The issuer code (机关代字) is missing before the bracket.");
	if (nchars > PD_DOCNO_ISSUER_MAX)
		return dn_issuer_too_long(err, nchars);
	if (p == end)
		return pd_fail(err, PD_ESYNTAX, dn_charpos(base, p),
					   "The year in brackets is missing after the issuer code.");

	/* 〔2025〕第4号 */
	dn_read_tail(p, end, true, &t);
	switch (t.status)
	{
		case DN_TAIL_OK:
			break;
		case DN_TAIL_NO_YEAR:
			if (t.err_at >= end)
				return pd_fail(err, PD_ESYNTAX, dn_charpos(base, p),
							   "The year is missing after the bracket at character %d.",
							   dn_charpos(base, p));
			return pd_fail(err, PD_ESYNTAX, dn_charpos(base, t.err_at),
						   "Expected a four-digit year at character %d.", dn_charpos(base, t.err_at));
		case DN_TAIL_YEAR_LEN:
			if (t.year_digits > 8)	/* do not quote a runaway number */
				return pd_fail(err, PD_ESYNTAX, dn_charpos(base, t.year_at),
							   "The year at character %d has %d digits instead of four.",
							   dn_charpos(base, t.year_at), t.year_digits);
			return pd_fail(err, PD_ESYNTAX, dn_charpos(base, t.year_at),
						   "The year \"%.*s\" at character %d does not have four digits.",
						   (int) (t.serial_end - t.year_at), (const char *) t.year_at,
						   dn_charpos(base, t.year_at));
		case DN_TAIL_NO_CLOSE:
			if (t.err_at >= end)
				return pd_fail(err, PD_ESYNTAX, dn_charpos(base, p),
							   "The bracket opened at character %d is not closed.",
							   dn_charpos(base, p));
			return pd_fail(err, PD_ESYNTAX, dn_charpos(base, t.err_at),
						   "Expected a closing bracket at character %d.", dn_charpos(base, t.err_at));
		case DN_TAIL_NO_SERIAL:
			if (t.err_at >= end)
				return pd_fail(err, PD_ESYNTAX, dn_charpos(base, t.err_at),
							   "The serial number is missing after the year.");
			return pd_fail(err, PD_ESYNTAX, dn_charpos(base, t.err_at),
						   "Expected the serial number at character %d.", dn_charpos(base, t.err_at));
	}
	p = t.hao ? t.end : dn_skip(t.end, end, true, DN_ALL);
	if (p < end)
	{
		char		buf[5] = {0};
		const unsigned char *q = p;
		int			pos = dn_charpos(base, p);

		pd_u8_put(buf, pd_u8_next(&q, end));
		return pd_fail(err, PD_ESYNTAX, pos,
					   "Unexpected \"%s\" at character %d after the serial number.", buf, pos);
	}
	st = dn_check_numbers(&d, t.year, t.serial, dn_charpos(base, t.year_at),
						  dn_charpos(base, t.serial_at), err);
	if (st != PD_OK)
		return st;
	*out = d;
	return PD_OK;
}

pd_status
pd_docno_make(const char *issuer, size_t len, long year, long serial,
			  pd_docno *out, pd_error *err)
{
	const unsigned char *p = (const unsigned char *) issuer;
	const unsigned char *end = p + len;
	pd_docno	d;
	int			nchars = 0;
	pd_status	st;

	d.issuer_len = 0;
	d.issuer[0] = '\0';
	if (len == 0)
		return pd_fail(err, PD_ESYNTAX, 0, "The issuer code cannot be empty.");
	while (p < end)
	{
		uint32_t	raw = pd_u8_next(&p, end);

		if (!dn_is_han(pd_fold(raw)))
			return dn_bad_issuer_char(err, raw, nchars + 1);
		if (++nchars <= PD_DOCNO_ISSUER_MAX)
			dn_append(&d, pd_fold(raw));
	}
	if (nchars > PD_DOCNO_ISSUER_MAX)
		return dn_issuer_too_long(err, nchars);
	st = dn_check_numbers(&d, year, serial, 0, 0, err);
	if (st != PD_OK)
		return st;
	*out = d;
	return PD_OK;
}

/* ---- output, key, order ----------------------------------------------- */

size_t
pd_docno_format(const pd_docno *d, char *buf)
{
	size_t		n = (size_t) d->issuer_len;
	char		digits[8];
	int			nd = 0;
	unsigned	v = (unsigned) d->serial;

	memcpy(buf, d->issuer, n);
	memcpy(buf + n, "〔", 3);
	n += 3;
	buf[n++] = (char) ('0' + d->year / 1000 % 10);
	buf[n++] = (char) ('0' + d->year / 100 % 10);
	buf[n++] = (char) ('0' + d->year / 10 % 10);
	buf[n++] = (char) ('0' + d->year % 10);
	memcpy(buf + n, "〕", 3);
	n += 3;
	do
	{
		digits[nd++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (nd > 0)
		buf[n++] = digits[--nd];
	memcpy(buf + n, "号", 3);
	n += 3;
	buf[n] = '\0';
	return n;
}

size_t
pd_docno_key(const pd_docno *d, unsigned char *buf)
{
	size_t		n = (size_t) d->issuer_len;

	memcpy(buf, d->issuer, n);
	buf[n] = 0;
	buf[n + 1] = (unsigned char) (d->year >> 8);
	buf[n + 2] = (unsigned char) d->year;
	buf[n + 3] = (unsigned char) (d->serial >> 16);
	buf[n + 4] = (unsigned char) (d->serial >> 8);
	buf[n + 5] = (unsigned char) d->serial;
	return n + 6;
}

bool
pd_docno_from_key(const unsigned char *key, size_t len, pd_docno *out)
{
	size_t		n;
	long		year,
				serial;

	if (len < 7 || len > PD_DOCNO_KEY_MAX)
		return false;
	n = len - 6;
	if (key[n] != 0 || memchr(key, 0, n) != NULL)
		return false;
	year = ((long) key[n + 1] << 8) | key[n + 2];
	serial = ((long) key[n + 3] << 16) | ((long) key[n + 4] << 8) | key[n + 5];
	if (year < PD_DOCNO_YEAR_MIN || year > PD_DOCNO_YEAR_MAX ||
		serial < 1 || serial > PD_DOCNO_SERIAL_MAX)
		return false;
	memcpy(out->issuer, key, n);
	out->issuer[n] = '\0';
	out->issuer_len = (int) n;
	out->year = (int) year;
	out->serial = (int) serial;
	return true;
}

int
pd_docno_cmp(const pd_docno *a, const pd_docno *b)
{
	int			n = a->issuer_len < b->issuer_len ? a->issuer_len : b->issuer_len;
	int			c = memcmp(a->issuer, b->issuer, (size_t) n);

	if (c != 0)
		return c;
	if (a->issuer_len != b->issuer_len)
		return a->issuer_len < b->issuer_len ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->serial != b->serial)
		return a->serial < b->serial ? -1 : 1;
	return 0;
}

/* ---- the scanner ------------------------------------------------------- */

/*
 * Characters that end the issuer when walking back from the bracket: they
 * introduce a citation (根据 依据 按照 参照 遵照 → 据 照; 关于 → 于), join a
 * list (和 及 与 或 等 、), or close a preceding number (号 年 月 日).  None of
 * them occurs in an issuer code.
 */
static bool
dn_is_cut_char(uint32_t cp)
{
	switch (cp)
	{
		case 0x7684:			/* 的 */
		case 0x4E4B:			/* 之 */
		case 0x636E:			/* 据 */
		case 0x7167:			/* 照 */
		case 0x4E8E:			/* 于 */
		case 0x5728:			/* 在 */
		case 0x548C:			/* 和 */
		case 0x53CA:			/* 及 */
		case 0x4E0E:			/* 与 */
		case 0x5373:			/* 即 */
		case 0x89C1:			/* 见 */
		case 0x6216:			/* 或 */
		case 0x7B49:			/* 等 */
		case 0x4EE5:			/* 以 */
		case 0x7531:			/* 由 */
		case 0x5C06:			/* 将 */
		case 0x628A:			/* 把 */
		case 0x88AB:			/* 被 */
		case 0x4ECE:			/* 从 */
		case 0x5411:			/* 向 */
		case 0x4E86:			/* 了 */
		case 0x6309:			/* 按 */
		case 0x4F9D:			/* 依 */
		case 0x662F:			/* 是 */
		case 0x4E3A:			/* 为 */
		case CP_HAO:			/* 号 */
		case 0x5E74:			/* 年 */
		case 0x6708:			/* 月 */
		case 0x65E5:			/* 日 */
			return true;
		default:
			return false;
	}
}

/*
 * Two-character words whose second character may end an issuer code (发)
 * or sit in one: 印发国发〔…〕 is 国发, 转发国办发〔…〕 is 国办发.
 */
static bool
dn_is_cut_word(uint32_t first, uint32_t second)
{
	if (second == 0x53D1)		/* …发: 印 转 下 制 颁 */
		return first == 0x5370 || first == 0x8F6C || first == 0x4E0B ||
			first == 0x5236 || first == 0x9881;
	return (first == 0x843D && second == 0x5B9E) ||	/* 落实 */
		(first == 0x8D2F && second == 0x5F7B) ||	/* 贯彻 */
		(first == 0x6267 && second == 0x884C);	/* 执行 */
}

/*
 * The issuer before the bracket at o: the run of Chinese characters (after
 * optional spaces), cut as described above.  Fills d->issuer and *start.
 */
static bool
dn_issuer_before(const unsigned char *base, const unsigned char *o, pd_docno *d,
				 const unsigned char **start)
{
	uint32_t	chars[PD_DOCNO_ISSUER_MAX];
	const unsigned char *starts[PD_DOCNO_ISSUER_MAX];
	const unsigned char *p = dn_skip_back(base, o, 8);
	int			n = 0;

	while (p > base)
	{
		uint32_t	cp;
		const unsigned char *c = pd_prev_folded(base, p, &cp);

		if (!dn_is_han(cp) || dn_is_cut_char(cp))
			break;
		if (n > 0 && dn_is_cut_word(cp, chars[n - 1]))
		{
			n--;
			break;
		}
		if (n == PD_DOCNO_ISSUER_MAX)
			return false;		/* prose, or an issuer we cannot delimit */
		chars[n] = cp;
		starts[n] = c;
		n++;
		p = c;
	}
	if (n == 0)
		return false;
	d->issuer_len = 0;
	for (int i = n - 1; i >= 0; i--)
		dn_append(d, chars[i]);
	*start = starts[n - 1];
	return true;
}

/* a line break, the start of the text, or the end of it */
static inline bool
dn_line_edge_before(const unsigned char *base, const unsigned char *p)
{
	return p == base || p[-1] == '\n' || p[-1] == '\r';
}

/*
 * Does the number at [s, e) stand on a line of its own — alone, or in
 * brackets as printed under a title: （国发〔2024〕17号） — or right after
 * a label ending in 文号/字号 (发文字号：, 文　　号：, 發文字號:)?
 */
static bool
dn_own_line(const unsigned char *base, const unsigned char *end,
			const unsigned char *s, const unsigned char *e)
{
	const unsigned char *p = dn_skip_back(base, s, 200);
	bool		bracket = false;
	uint32_t	cp;

	if (p > base)
	{
		const unsigned char *q = pd_prev_folded(base, p, &cp);

		if (cp == ':')			/* ： folds to : */
		{
			q = dn_skip_back(base, q, 16);
			if (q == base)
				return false;
			q = pd_prev_folded(base, q, &cp);
			if (cp != CP_HAO)
				return false;
			q = dn_skip_back(base, q, 16);
			if (q == base)
				return false;
			(void) pd_prev_folded(base, q, &cp);
			return cp == 0x6587 || cp == 0x5B57;	/* 文号 字号 */
		}
		if (dn_is_open(cp))
		{
			bracket = true;
			p = dn_skip_back(base, q, 200);
		}
	}
	if (!dn_line_edge_before(base, p))
		return false;
	p = dn_skip(e, end, false, 200);
	if (bracket)
	{
		if (p >= end || !dn_is_close(dn_next(&p, end)))
			return false;
		p = dn_skip(p, end, false, 200);
	}
	return p == end || *p == '\n' || *p == '\r';
}

/* a numeral run (Chinese numerals), at most 6 characters; NULL if none */
static const unsigned char *
dn_cn_run(const unsigned char *p, const unsigned char *end)
{
	int			n = 0;

	while (p < end && n < 6)
	{
		const unsigned char *q = p;

		if (!pd_is_cn_numeral_char(dn_next(&q, end)))
			break;
		p = q;
		n++;
	}
	return n > 0 ? p : NULL;
}

/*
 * Does the line at p open with a numbered heading — 一、 一. （一） 第一章
 * 第一节 第一条 第一部分 第一编 第一篇 — the sign that the body of a plan has
 * begun?  (The segmenter knows better; this guess serves callers without it.)
 */
static bool
dn_heading_at(const unsigned char *p, const unsigned char *end)
{
	uint32_t	cp;

	p = dn_skip(p, end, false, 64);
	if (p >= end)
		return false;
	cp = dn_next(&p, end);
	if (cp == '(')
	{
		p = dn_cn_run(p, end);
		return p != NULL && dn_peek(p, end) == ')';
	}
	if (cp == CP_DI)
	{
		p = dn_cn_run(p, end);
		if (p == NULL || p >= end)
			return false;
		cp = dn_next(&p, end);
		if (cp == 0x90E8)		/* 部分 */
			return dn_peek(p, end) == 0x5206;
		return cp == 0x7AE0 || cp == 0x8282 || cp == 0x6761 ||
			cp == 0x7F16 || cp == 0x7BC7;	/* 章 节 条 编 篇 */
	}
	if (pd_is_cn_numeral_char(cp))
	{
		const unsigned char *r = dn_cn_run(p, end);	/* more numerals: 二十 */

		cp = dn_peek(r ? r : p, end);
		return cp == CP_DUNHAO || cp == '.';
	}
	return false;
}

/* a number whose bracket is at o?  Fills m (except in_body). */
static bool
dn_match_at(const unsigned char *base, const unsigned char *end,
			const unsigned char *o, pd_docno_match *m)
{
	dn_tail		t;
	const unsigned char *start;

	dn_read_tail(o, end, false, &t);
	if (t.status != DN_TAIL_OK || !t.hao ||
		t.year < PD_DOCNO_YEAR_MIN || t.year > PD_DOCNO_YEAR_MAX ||
		t.serial < 1 || t.serial > PD_DOCNO_SERIAL_MAX)
		return false;
	if (!dn_issuer_before(base, o, &m->value, &start))
		return false;
	m->value.year = (int) t.year;
	m->value.serial = (int) t.serial;
	m->start = (size_t) (start - base);
	m->end = (size_t) (t.end - base);
	m->own_line = dn_own_line(base, end, start, t.end);
	return true;
}

/*
 * Is there an opening bracket at p?  The same set as dn_is_open, tested on
 * the bytes: E3 and EF also lead 、。，：（）《》, which are everywhere.
 */
static inline bool
dn_is_open_bytes(const unsigned char *p, const unsigned char *end)
{
	if (*p == '(' || *p == '[')
		return true;
	if (end - p < 3)
		return false;
	if (p[0] == 0xE3)			/* 〔 E3 80 94, 【 E3 80 90, 〖 E3 80 96 */
		return p[1] == 0x80 && (p[2] == 0x94 || p[2] == 0x90 || p[2] == 0x96);
	return (p[1] == 0xBC && (p[2] == 0x88 || p[2] == 0xBB)) ||	/* （ ［ */
		(p[1] == 0xB9 && p[2] == 0x9D);	/* ﹝ */
}

/*
 * Bytes that can start a bracket: ( [ and the lead bytes of 〔【〖 (E3) and
 * （［﹝ (EF); 2 marks a line break, after which the scanner looks for a
 * numbered heading until it has seen one.
 */
static const unsigned char dn_lead[256] = {
	['('] = 1,['['] = 1,[0xE3] = 1,[0xEF] = 1,['\n'] = 2
};

pd_status
pd_docno_scan(const char *text, size_t len, const pd_segment_opts *opts,
			  pd_docno_fn fn, void *ctx, pd_error *err)
{
	const unsigned char *base = (const unsigned char *) text;
	const unsigned char *end = base + len;
	size_t		pos = 0;
	size_t		check_at = PD_INTERRUPT_STRIDE;
	bool		seen_heading = dn_heading_at(base, end);

	while (pos < len)
	{
		size_t		stop = len < check_at ? len : check_at;
		pd_docno_match m;

		while (pos < stop && dn_lead[base[pos]] == 0)
			pos++;
		if (pos >= stop)
		{
			if (pos >= check_at)
			{
				if (opts && opts->interrupt && opts->interrupt(opts->interrupt_ctx))
					return pd_fail(err, PD_ECANCEL, 0, "The scan was cancelled.");
				check_at = pos + PD_INTERRUPT_STRIDE;
			}
			continue;
		}
		if (base[pos] == '\n')
		{
			pos++;
			if (!seen_heading)
				seen_heading = dn_heading_at(base + pos, end);
			continue;
		}
		if (!dn_is_open_bytes(base + pos, end) || !dn_match_at(base, end, base + pos, &m))
		{
			pos++;
			continue;
		}
		m.in_body = seen_heading;
		if (!fn(ctx, &m))
			return PD_OK;
		pos = m.end;
	}
	return PD_OK;
}

/* ---- one entry per distinct number ------------------------------------ */

typedef struct dn_collect
{
	const pd_mem *mem;
	pd_docno_ref *refs;
	int			nrefs;
	int			cap;
	int		   *slots;			/* open addressing: ref index + 1, 0 = empty */
	int			nslots;			/* power of two, > 2 * nrefs */
	size_t		body_start;
	bool		have_self;
	bool		oom;
} dn_collect;

static uint32_t
dn_hash(const pd_docno *d)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */

	for (int i = 0; i < d->issuer_len; i++)
		h = (h ^ (unsigned char) d->issuer[i]) * 16777619u;
	h = (h ^ (uint32_t) d->year) * 16777619u;
	h = (h ^ (uint32_t) d->serial) * 16777619u;
	return h;
}

static int *
dn_slot(dn_collect *c, const pd_docno *d)
{
	uint32_t	mask = (uint32_t) c->nslots - 1;
	uint32_t	i = dn_hash(d) & mask;

	while (c->slots[i] != 0 && pd_docno_cmp(&c->refs[c->slots[i] - 1].value, d) != 0)
		i = (i + 1) & mask;
	return &c->slots[i];
}

static void *
dn_alloc(dn_collect *c, size_t size)
{
	void	   *p = c->mem->alloc(c->mem->ctx, size);

	if (p == NULL)
		c->oom = true;
	return p;
}

static void
dn_release(dn_collect *c, void *p)
{
	if (p != NULL && c->mem->release != NULL)
		c->mem->release(c->mem->ctx, p);
}

/* make room for one more entry; false when out of memory */
static bool
dn_grow(dn_collect *c)
{
	if (c->nrefs == c->cap)
	{
		int			cap = c->cap ? c->cap * 2 : 16;
		pd_docno_ref *refs = dn_alloc(c, sizeof(pd_docno_ref) * (size_t) cap);

		if (refs == NULL)
			return false;
		if (c->nrefs > 0)
			memcpy(refs, c->refs, sizeof(pd_docno_ref) * (size_t) c->nrefs);
		dn_release(c, c->refs);
		c->refs = refs;
		c->cap = cap;
	}
	if (2 * (c->nrefs + 1) >= c->nslots)
	{
		int			nslots = c->nslots ? c->nslots * 2 : 64;
		int		   *old = c->slots;
		int			oldn = c->nslots;

		c->slots = dn_alloc(c, sizeof(int) * (size_t) nslots);
		if (c->slots == NULL)
		{
			c->slots = old;
			return false;
		}
		memset(c->slots, 0, sizeof(int) * (size_t) nslots);
		c->nslots = nslots;
		for (int i = 0; i < oldn; i++)
			if (old[i] != 0)
				*dn_slot(c, &c->refs[old[i] - 1].value) = old[i];
		dn_release(c, old);
	}
	return true;
}

static bool
dn_collect_one(void *ctx, const pd_docno_match *m)
{
	dn_collect *c = ctx;
	int		   *slot;
	pd_docno_ref *ref;
	bool		in_body;

	if (!dn_grow(c))
		return false;
	slot = dn_slot(c, &m->value);
	if (*slot == 0)
	{
		ref = &c->refs[c->nrefs++];
		ref->value = m->value;
		ref->start = m->start;
		ref->end = m->end;
		ref->occurrences = 0;
		ref->self = false;
		*slot = c->nrefs;
	}
	ref = &c->refs[*slot - 1];
	ref->occurrences++;

	in_body = c->body_start == PD_DOCNO_BODY_UNKNOWN ? m->in_body : m->start >= c->body_start;
	if (!c->have_self && m->own_line && !in_body)
	{
		c->have_self = true;
		ref->self = true;
		ref->start = m->start;
		ref->end = m->end;
	}
	return true;
}

static int
dn_ref_order(const void *a, const void *b)
{
	size_t		x = ((const pd_docno_ref *) a)->start;
	size_t		y = ((const pd_docno_ref *) b)->start;

	return x < y ? -1 : (x > y ? 1 : 0);
}

pd_status
pd_docno_collect(const char *text, size_t len, size_t body_start,
				 const pd_segment_opts *opts, pd_docno_list *out, pd_error *err)
{
	dn_collect	c;
	pd_status	st;

	memset(&c, 0, sizeof(c));
	c.mem = opts && opts->mem ? opts->mem : &pd_malloc_mem;
	c.body_start = body_start;
	out->refs = NULL;
	out->nrefs = 0;
	out->mem = c.mem;

	st = pd_docno_scan(text, len, opts, dn_collect_one, &c, err);
	dn_release(&c, c.slots);
	if (st == PD_OK && c.oom)
		st = pd_fail(err, PD_ENOMEM, 0, "Out of memory while collecting document numbers.");
	if (st != PD_OK)
	{
		dn_release(&c, c.refs);
		return st;
	}
	/* entries were made in order of first occurrence; the own number may
	 * report a later one */
	if (c.nrefs > 1)
		qsort(c.refs, (size_t) c.nrefs, sizeof(pd_docno_ref), dn_ref_order);
	out->refs = c.refs;
	out->nrefs = c.nrefs;
	return PD_OK;
}

void
pd_docno_list_free(pd_docno_list *list)
{
	if (list->refs != NULL && list->mem != NULL && list->mem->release != NULL)
		list->mem->release(list->mem->ctx, list->refs);
	list->refs = NULL;
	list->nrefs = 0;
}
