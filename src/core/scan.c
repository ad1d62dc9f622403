/*
 * scan.c — scanners over UTF-8 lines shared by the document modules.
 * Backend-free.  See pd_scan.h.
 */
#include "pd_scan.h"

#include <string.h>

/* read Arabic digits (ASCII or full-width); returns the count of digits */
int
pd_read_digits(const unsigned char **pp, const unsigned char *end, long *value)
{
	const unsigned char *p = *pp;
	const unsigned char *next;
	int			n = 0;
	long		v = 0;
	uint32_t	cp;

	while ((cp = pd_peek(p, end, &next)) != 0 && pd_digit(cp) >= 0)
	{
		if (v < 100000)
			v = v * 10 + pd_digit(cp);
		p = next;
		n++;
	}
	*pp = p;
	*value = v;
	return n;
}

/* read a Chinese numeral; returns its value or -1 */
long
pd_read_cn(const unsigned char **pp, const unsigned char *end)
{
	const unsigned char *p = *pp;
	const unsigned char *start = p;
	const unsigned char *next;
	uint32_t	cp;
	int			n = 0;

	while ((cp = pd_peek(p, end, &next)) != 0 && pd_is_cn_numeral_char(cp) && n < 12)
	{
		p = next;
		n++;
	}
	if (n == 0)
		return -1;
	*pp = p;
	return pd_cn_value((const char *) start, (size_t) (p - start));
}

/* skip white space and markdown decoration (#, >, **) */
/* the end of a line without trailing white space and markdown (** ##) */
const unsigned char *
pd_trim_decoration_end(const unsigned char *p, const unsigned char *end)
{
	while (end > p)
	{
		if (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '*' || end[-1] == '#')
			end--;
		else if (end - p >= 3 && end[-3] == 0xE3 && end[-2] == 0x80 && end[-1] == 0x80)
			end -= 3;			/* U+3000 */
		else
			break;
	}
	return end;
}

/* does the folded text at p start with the UTF-8 string kw? */
bool
pd_starts_with_folded(const unsigned char *p, const unsigned char *end, const char *kw)
{
	const unsigned char *k = (const unsigned char *) kw;
	const unsigned char *kend = k + strlen(kw);

	while (k < kend)
	{
		const unsigned char *next;
		uint32_t	a,
					b;

		if (p >= end)
			return false;
		a = pd_fold(pd_peek(p, end, &next));
		p = next;
		b = pd_u8_next(&k, kend);
		if (a != b)
			return false;
	}
	return true;
}

/* the byte position just after kw when the folded text at p starts with it */
const unsigned char *
pd_after_folded(const unsigned char *p, const unsigned char *end, const char *kw)
{
	const unsigned char *k = (const unsigned char *) kw;
	const unsigned char *kend = k + strlen(kw);

	while (k < kend)
	{
		const unsigned char *next;

		if (p >= end || pd_fold(pd_peek(p, end, &next)) != pd_u8_next(&k, kend))
			return NULL;
		p = next;
	}
	return p;
}

/*
 * Step back one character from p (> base): returns where it starts and
 * its folded code point.  A byte that does not end a valid sequence is one
 * U+FFFD, as pd_u8_next would decode it.
 */
const unsigned char *
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

/* does the line hold a sentence end (。；) between p and end? */
bool
pd_has_sentence_end(const unsigned char *p, const unsigned char *end)
{
	while (p < end)
	{
		uint32_t	cp = pd_u8_next(&p, end);

		if (cp == CP_JUHAO || cp == CP_FW_SEMI)
			return true;
	}
	return false;
}

/* a short line without sentence punctuation: a candidate part title */
bool
pd_title_like(const unsigned char *p, const unsigned char *end)
{
	size_t		chars = 0;
	int			han = 0;

	while (p < end)
	{
		uint32_t	cp = pd_u8_next(&p, end);

		if (cp == CP_JUHAO || cp == CP_FW_SEMI || cp == CP_FW_COLON || cp == ':' ||
			cp == 0xFF0C /* ， */ || cp == CP_DUN)
			return false;
		if (pd_is_han_bmp(cp))
			han++;
		if (++chars > 60)
			return false;
	}
	return han >= 4;
}

