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

