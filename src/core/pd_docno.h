/*
 * pd_docno.h — 发文字号, the number an office gives a document it issues.
 *
 * A 发文字号 is the issuer code (机关代字: 渝府发, 国发, 国办发, 皖政, 鲁政字 …),
 * the year in brackets and a serial: 渝府发〔2025〕4号.  Printed variants
 * differ in script (渝府發〔2025〕4號), brackets (〔〕 [] （） ［］ () 【】 〖〗
 * ﹝﹞), digit width (４), an optional 第 before the serial and an optional
 * 号; they all denote the same number.  The normal form keeps the issuer in
 * Simplified script (pd_fold of every character), the year and the serial:
 * printed canonically as 渝府发〔2025〕4号.
 *
 * Limits (why: enough for every code seen in print, small enough to keep a
 * value in a few bytes and the scanner's look-behind bounded):
 *   issuer   1..PD_DOCNO_ISSUER_MAX Chinese characters (CJK ideographs only)
 *   year     PD_DOCNO_YEAR_MIN..PD_DOCNO_YEAR_MAX, printed with four digits
 *   serial   1..PD_DOCNO_SERIAL_MAX
 */
#ifndef PD_DOCNO_H
#define PD_DOCNO_H

#include <string.h>

#include "pd_core.h"
#include "pd_segment.h"			/* pd_segment_opts: memory and interrupts */

#define PD_DOCNO_ISSUER_MAX 16	/* characters */
#define PD_DOCNO_ISSUER_BYTES (PD_DOCNO_ISSUER_MAX * 4)
#define PD_DOCNO_YEAR_MIN 1949
#define PD_DOCNO_YEAR_MAX 2100
#define PD_DOCNO_SERIAL_MAX 999999

/* canonical text: issuer + 〔 + 4 digits + 〕 + 6 digits + 号, plus NUL */
#define PD_DOCNO_TEXT_MAX (PD_DOCNO_ISSUER_BYTES + 3 + 4 + 3 + 6 + 3 + 1)

typedef struct pd_docno
{
	int			year;
	int			serial;
	int			issuer_len;		/* bytes */
	char		issuer[PD_DOCNO_ISSUER_BYTES + 1];	/* Simplified UTF-8, NUL-terminated */
} pd_docno;

/*
 * Parse a literal.  Surrounding white space is ignored; white space between
 * the parts (not inside the issuer or a number) is allowed; a newline is
 * white space here (the scanner is stricter).  Errors: PD_ESYNTAX (22P02)
 * for anything malformed, including a serial of 0 and an issuer that is too
 * long; PD_ERANGE (22003) for a well-formed four-digit year outside
 * PD_DOCNO_YEAR_MIN..MAX or a serial above PD_DOCNO_SERIAL_MAX.
 */
pd_status	pd_docno_parse(const char *s, size_t len, pd_docno *out, pd_error *err);

/*
 * Build from parts: the issuer as text (any script; folded), year, serial.
 * Same validation and error classes as pd_docno_parse.
 */
pd_status	pd_docno_make(const char *issuer, size_t len, long year, long serial,
						  pd_docno *out, pd_error *err);

/* canonical text 渝府发〔2025〕4号 into buf (>= PD_DOCNO_TEXT_MAX); returns length */
size_t		pd_docno_format(const pd_docno *d, char *buf);

/*
 * The sort key, which is also the stored form of the SQL type:
 *
 *   issuer bytes (normalised UTF-8, no NUL) | 0x00 | year: 2 bytes big-endian
 *   | serial: 3 bytes big-endian
 *
 * so length = issuer_len + 6.  Because the issuer ends in a 0x00 byte that
 * no UTF-8 character contains and the numbers are big-endian and of fixed
 * width, memcmp order (shorter first on a common prefix) is exactly the
 * order issuer (byte order), then year, then serial — and equal values have
 * identical bytes, so hashing the bytes agrees with equality.
 */
#define PD_DOCNO_KEY_MAX (PD_DOCNO_ISSUER_BYTES + 6)
size_t		pd_docno_key(const pd_docno *d, unsigned char *buf);

/* decode a key; false if its structure or numbers are invalid */
bool		pd_docno_from_key(const unsigned char *key, size_t len, pd_docno *out);

/* compare two keys (<0, 0, >0) */
static inline int
pd_docno_key_cmp(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

/* compare two values in the same order as their keys */
int			pd_docno_cmp(const pd_docno *a, const pd_docno *b);

/* ---- finding numbers in a document ----------------------------------- */

typedef struct pd_docno_match
{
	pd_docno	value;
	size_t		start;			/* bytes: the first issuer character ... */
	size_t		end;			/* ... to just after 号 */
	bool		own_line;		/* alone on its line (maybe in brackets), or
								 * right after a label ending in 文号/字号 */
	bool		in_body;		/* a numbered heading line (一、 （一） 第一章
								 * 第一条) starts before it */
} pd_docno_match;

/* called for every match in document order; return false to stop */
typedef bool (*pd_docno_fn) (void *ctx, const pd_docno_match *m);

/*
 * Find every 发文字号 in text[0..len) in one pass (the interrupt hook of
 * opts, if any, runs every PD_INTERRUPT_STRIDE bytes; opts->mem is unused).
 * In running text a number must end in 号/號 and must not touch other
 * digits; its issuer is the run of Chinese characters before the bracket,
 * cut after a word that introduces a citation (根据/依据/按照 …据 照, 的,
 * 和/及/与, 印发/转发 …, 号 of a preceding number) and at most
 * PD_DOCNO_ISSUER_MAX characters long (a longer run is not reported: an
 * issuer cannot be told from the prose before it without a dictionary).
 * Parts may be separated by spaces, never by a line break.
 * Returns PD_OK, or PD_ECANCEL when the interrupt hook asked to stop.
 */
pd_status	pd_docno_scan(const char *text, size_t len, const pd_segment_opts *opts,
						  pd_docno_fn fn, void *ctx, pd_error *err);

/*
 * The numbers of a document, one entry per distinct number (Traditional
 * and Simplified, any brackets: the same number), in document order of
 * the occurrence each entry reports:
 *   self   the document's own number: the first number that stands on a
 *          line of its own (or after a 发文字号：/文号： label) before the
 *          body starts.  start/end point at that occurrence.
 *   cites  every other number; start/end point at its first occurrence.
 * occurrences counts every mention (of the own number too).
 */
typedef struct pd_docno_ref
{
	pd_docno	value;
	size_t		start;
	size_t		end;
	int			occurrences;
	bool		self;
} pd_docno_ref;

typedef struct pd_docno_list
{
	pd_docno_ref *refs;
	int			nrefs;
	const pd_mem *mem;			/* owner of refs */
} pd_docno_list;

/*
 * body_start: byte offset where the numbered body begins when the caller
 * knows it (after pd_segment: items[0].marker_start — not pd_doc.body_start,
 * which is where a news lead ends), or PD_DOCNO_BODY_UNKNOWN to let the
 * scanner's in_body guess decide.  Fails only with PD_ENOMEM or PD_ECANCEL.
 */
#define PD_DOCNO_BODY_UNKNOWN ((size_t) -1)
pd_status	pd_docno_collect(const char *text, size_t len, size_t body_start,
							 const pd_segment_opts *opts, pd_docno_list *out, pd_error *err);
void		pd_docno_list_free(pd_docno_list *list);

#endif
