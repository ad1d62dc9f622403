/*
 * pd_scan.h — small scanners over UTF-8 lines shared by the core's document
 * modules (segment.c, metadata.c): brackets and dots in every width,
 * numbers, markdown decoration, keyword matching through pd_fold().
 */
#ifndef PD_SCAN_H
#define PD_SCAN_H

#include "pd_core.h"

/* punctuation the document modules look for */
#define CP_DUN		0x3001		/* 、 */
#define CP_JUHAO	0x3002		/* 。 */
#define CP_FW_LPAR	0xFF08		/* （ */
#define CP_FW_RPAR	0xFF09		/* ） */
#define CP_FW_DOT	0xFF0E		/* ． */
#define CP_SM_DOT	0xFE52		/* ﹒ */
#define CP_FW_SEMI	0xFF1B		/* ； */
#define CP_FW_COLON 0xFF1A		/* ： */
#define CP_FW_EXCL	0xFF01		/* ！ */
#define CP_FW_QUES	0xFF1F		/* ？ */
#define CP_DI		0x7B2C		/* 第 */

/* the code point at p (0 at end) and where the next one starts */
static inline uint32_t
pd_peek(const unsigned char *p, const unsigned char *end, const unsigned char **next)
{
	const unsigned char *q = p;
	uint32_t	cp;

	if (p >= end)
	{
		*next = p;
		return 0;
	}
	cp = pd_u8_next(&q, end);
	*next = q;
	return cp;
}


static inline bool
pd_is_open_bracket(uint32_t cp)
{
	return cp == '(' || cp == 0xFF08;	/* ( （ */
}

static inline bool
pd_is_close_bracket(uint32_t cp)
{
	return cp == ')' || cp == 0xFF09;	/* ) ） */
}

static inline bool
pd_is_dot(uint32_t cp)
{
	return cp == '.' || cp == 0xFF0E || cp == 0xFE52;	/* . ． ﹒ */
}

/* skip white space and markdown decoration (#, >, *) */
static inline const unsigned char *
pd_skip_decoration(const unsigned char *p, const unsigned char *end)
{
	for (;;)
	{
		const unsigned char *next;
		uint32_t	cp = pd_peek(p, end, &next);

		if (cp == 0)
			return p;
		if (pd_is_space(cp) || cp == '#' || cp == '>' || cp == '*')
			p = next;
		else
			return p;
	}
}

/* Arabic digits (ASCII or full-width) at *pp: count of digits, value saturated */
int			pd_read_digits(const unsigned char **pp, const unsigned char *end, long *value);

/* a Chinese numeral at *pp: its value, or -1 (then *pp is unchanged) */
long		pd_read_cn(const unsigned char **pp, const unsigned char *end);

/* the end of a line without trailing white space and markdown (** ##) */
const unsigned char *pd_trim_decoration_end(const unsigned char *p, const unsigned char *end);

/* does the text hold a sentence end (。；)? */
bool		pd_has_sentence_end(const unsigned char *p, const unsigned char *end);

/* a short line of at least four Han characters without sentence punctuation */
bool		pd_title_like(const unsigned char *p, const unsigned char *end);

#endif
