/*
 * pd_core.h — the backend-free core of plandata.
 *
 * Everything under src/core/ is plain C99 with no PostgreSQL headers, so the
 * same code runs inside the server (through the thin wrappers in the src directory),
 * inside planload, inside the fuzzers and inside the benchmarks.
 *
 * Conventions:
 *  - Parsers never print and never abort.  They return PD_OK or an error code
 *    and fill a pd_error with a 1-based character position and a message that
 *    the wrappers turn into errdetail.
 *  - Text is UTF-8.  Invalid byte sequences are decoded as U+FFFD one byte at
 *    a time, so no input can stall a loop.
 */
#ifndef PD_CORE_H
#define PD_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "pd_fold.h"

#define PD_VERSION_STRING "0.4.0"

/* ---- errors ------------------------------------------------------------ */

typedef enum pd_status
{
	PD_OK = 0,
	PD_ESYNTAX,					/* malformed literal: SQLSTATE 22P02 */
	PD_ERANGE,					/* well-formed but out of range: 22003 */
	PD_ENOMEM,					/* allocation failed */
	PD_ECANCEL,					/* the interrupt callback asked us to stop */
	PD_EMISMATCH				/* values of different dimensions (people vs
								 * kilometres): SQLSTATE 22023 */
} pd_status;

typedef struct pd_error
{
	pd_status	status;
	int			pos;			/* 1-based character position, 0 = none */
	char		msg[200];		/* errdetail text, a full sentence */
} pd_error;

/* fill *err (when not NULL) and return status; printf-style message */
pd_status	pd_fail(pd_error *err, pd_status status, int pos, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 4, 5)))
#endif
			;

/* ---- memory and interrupts --------------------------------------------- */

/*
 * The document parser allocates through this hook so that the server can use
 * palloc (memory is reclaimed by the memory context if the query is cancelled
 * in the middle of a parse) and planload / the fuzzers can use malloc.
 * alloc must return memory aligned for any type, or NULL.
 */
typedef struct pd_mem
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*release) (void *ctx, void *ptr);	/* may be NULL (arena) */
	void	   *ctx;
} pd_mem;

extern const pd_mem pd_malloc_mem;	/* malloc/free */

/*
 * Called every PD_INTERRUPT_STRIDE bytes of input.  The server's callback
 * runs CHECK_FOR_INTERRUPTS() (which may longjmp out: all memory then
 * belongs to the aborted memory context); other callers return true to
 * cancel, which makes the parser return PD_ECANCEL.
 */
typedef bool (*pd_interrupt_fn) (void *ctx);
#define PD_INTERRUPT_STRIDE (128 * 1024)

/* ---- UTF-8 -------------------------------------------------------------- */

#define PD_REPLACEMENT 0xFFFDu

/*
 * Decode one code point at *p (p < end) and advance *p.  Invalid, overlong,
 * surrogate or truncated sequences yield U+FFFD and advance one byte.
 */
static inline uint32_t
pd_u8_next(const unsigned char **pp, const unsigned char *end)
{
	const unsigned char *p = *pp;
	uint32_t	c = p[0];

	if (c < 0x80)
	{
		*pp = p + 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80)
	{
		*pp = p + 2;
		return ((c & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (c >= 0xE0 && c <= 0xEF && end - p >= 3 &&
		(p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((c & 0x0F) << 12) | ((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);

		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
		{
			*pp = p + 3;
			return cp;
		}
	}
	else if (c >= 0xF0 && c <= 0xF4 && end - p >= 4 &&
			 (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((c & 0x07) << 18) | ((uint32_t) (p[1] & 0x3F) << 12) |
			((uint32_t) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);

		if (cp >= 0x10000 && cp <= 0x10FFFF)
		{
			*pp = p + 4;
			return cp;
		}
	}
	*pp = p + 1;
	return PD_REPLACEMENT;
}

/*
 * Step back one character from p (> base): returns where it starts, and its
 * folded code point in *cp.  A byte that does not end a valid sequence is
 * one U+FFFD, as pd_u8_next would decode it.
 */
static inline const unsigned char *
pd_prev_folded(const unsigned char *base, const unsigned char *p, uint32_t *cp)
{
	const unsigned char *q = p - 1;
	const unsigned char *r;
	uint32_t	c;

	while (q > base && p - q < 4 && (*q & 0xC0) == 0x80)
		q--;
	r = q;
	c = pd_u8_next(&r, p);
	if (r != p)
	{
		q = p - 1;
		c = PD_REPLACEMENT;
	}
	*cp = pd_fold(c);
	return q;
}

/* encode cp into buf (>= 4 bytes); returns the byte count */
int			pd_u8_put(char *buf, uint32_t cp);

/* number of code points in s[0..len) (invalid bytes count one each) */
size_t		pd_u8_count(const char *s, size_t len);

/*
 * Byte offset -> character offset, for front ends that speak characters
 * (SQL's substr()).  Each call counts only the bytes between the position
 * asked for and the one before, in either direction.
 */
typedef struct pd_charpos
{
	const char *text;
	size_t		byte;
	size_t		chars;
} pd_charpos;

static inline void
pd_charpos_init(pd_charpos *cp, const char *text)
{
	cp->text = text;
	cp->byte = 0;
	cp->chars = 0;
}

size_t		pd_charpos_at(pd_charpos *cp, size_t byte);

/* the first place in [p, end) where the n bytes of pat start (all before end), else NULL */
const unsigned char *pd_find_seq(const unsigned char *p, const unsigned char *end,
								 const char *pat, size_t n);

/* writing system of a document: counts of Han characters and of those
 * that are Traditional forms (keys of the OpenCC table) */
typedef enum pd_script_kind
{
	PD_SCRIPT_UNKNOWN = 0,		/* too few Han characters to tell */
	PD_SCRIPT_SIMPLIFIED,
	PD_SCRIPT_TRADITIONAL
} pd_script_kind;

pd_script_kind pd_script(const char *text, size_t len);
const char *pd_script_name(pd_script_kind kind);

/* ---- character classes (text.c) ------------------------------------------ */

/* ASCII, U+3000, NBSP and other spaces that documents carry */
static inline bool
pd_is_space(uint32_t cp)
{
	/* inline, ordered for the common case: every parser asks this of every character */
	if (cp <= ' ')
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp < 0xA0)
		return false;
	if (cp > 0x3000)
		return cp == 0xFEFF;	/* BOM / zero-width no-break space */
	return cp == 0xA0 ||		/* no-break space */
		cp == 0x3000 ||			/* ideographic space */
		cp == 0x200B ||			/* zero-width space */
		(cp >= 0x2000 && cp <= 0x200A);
}

/*
 * A CJK Unified Ideograph of the basic block, U+4E00..U+9FFF: nearly every
 * character of a plan, and never a space, bracket, separator or mark, so
 * the scanners' loops pass it over first.
 */
static inline bool
pd_is_han_bmp(uint32_t cp)
{
	return cp >= 0x4E00 && cp <= 0x9FFF;
}

/* half-width and Traditional -> Simplified folding: pd_fold.h (fold.c) */

/* ---- numerals (numeral.c) ----------------------------------------------- */

/* value of a Chinese numeral digit (〇一二…九 两 壹贰…), or -1 */
int			pd_cn_digit(uint32_t cp);

/* 10, 100, 1000 for 十/拾, 百/佰, 千/仟 (Traditional too), else 0 */
int			pd_cn_unit(uint32_t cp);

/* true if cp can appear in a Chinese numeral (digits, units, 廿, 卅) */
bool		pd_is_cn_numeral_char(uint32_t cp);

/* 壹 贰 叁 … 拾: the numerals of amounts (大写数字), in either script */
bool		pd_is_cn_capital(uint32_t cp);

/*
 * Value of the Chinese numeral s[0..len): 十五, 二十六, 一百零五, 两百,
 * 廿三, positional 一〇五.  Returns -1 if it is not a well-formed numeral,
 * -2 if it is well-formed but larger than 99999.
 */
long		pd_cn_value(const char *s, size_t len);

/*
 * The five-year plan named by the folded code points c[0..n): 十三五 … 十六五
 * (3 characters) or 十三个五年 (5): its number (13 … 16), or 0; *len gets
 * the characters it took.  Plans from the third on run five years each
 * from 1966, so plan N covers PD_FYP_FIRST_YEAR(N) .. PD_FYP_LAST_YEAR(N).
 */
int			pd_five_year_plan(const uint32_t *c, int n, int *len);

#define PD_FYP_FIRST_YEAR(num) (1951 + 5 * (num))
#define PD_FYP_LAST_YEAR(num) (1955 + 5 * (num))

/* ASCII or full-width decimal digit value, or -1 */
static inline int
pd_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int) (cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int) (cp - 0xFF10);
	return -1;
}

/*
 * Enclosed numbers: ①⑴⒈㈠㊀❶➀➊⓵㉑㊱ … .  Returns the number (1..50) and
 * sets *style to a small integer identifying the family (so ① and ⑴ are
 * different numbering styles), or returns 0.
 */
int			pd_enclosed_number(uint32_t cp, int *style);

/* Chinese numeral text for 1..9999 (一 … 九千九百九十九) into buf (>= 40 bytes) */
size_t		pd_cn_format(unsigned n, char *buf);

#endif							/* PD_CORE_H */
