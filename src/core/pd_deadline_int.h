/*
 * pd_deadline_int.h — internals of the deadline reader (deadlines.c, which
 * decides what is a deadline of which item, and deadline_dates.c, which reads
 * one date expression at a position): the scanner's state, a date candidate,
 * the characters and number readers both use.  Not part of the core's API
 * (pd_deadline.h is).
 */
#ifndef PD_DEADLINE_INT_H
#define PD_DEADLINE_INT_H

#include "pd_deadline.h"
#include "pd_lexicon.h"

#pragma GCC visibility push(hidden)

#define DL_SMAX 512				/* a sentence is read in pieces of this size */
#define DL_CELL_SHORT 24		/* a table cell this short is read as a deadline cell */

#define CP_NIAN 0x5E74			/* 年 */
#define CP_YUE 0x6708			/* 月 */
#define CP_RI 0x65E5			/* 日 */
#define CP_HAO 0x53F7			/* 号 */
#define CP_JI 0x5B63			/* 季 */
#define CP_DU 0x5EA6			/* 度 */
#define CP_MEI 0x6BCF			/* 每 */
#define CP_SHI 0x5341			/* 十 */
#define CP_OPEN_BOOK 0x300A		/* 《 */
#define CP_CLOSE_BOOK 0x300B	/* 》 */
#define CP_WHITE_CIRCLE 0x25CB	/* ○, printed for 〇 */

#define YEAR_MIN 1949
#define YEAR_MAX 2150

typedef struct dscan
{
	const char *text;
	pd_doc	   *doc;			/* NULL for a text scan */
	const pd_deadline_opts *opts;
	const pd_mem *mem;
	pd_error   *err;
	pd_status	status;
	int			item;

	bool		years_known;
	int			year;			/* what 年内 means, 0 unknown */
	int			own_year;		/* pd_doc_own_year, for the target scanner */

	pd_deadline *rows;
	int			nrows;
	int			cap;

	bool		column;			/* the span is a deadline cell */
	size_t		since_interrupt;

	/* the sentence */
	uint32_t	cps[DL_SMAX];
	size_t		off[DL_SMAX + 1];
	int			n;
	int			has_target;		/* -1 unknown */
} dscan;

typedef struct cand
{
	pd_deadline_kind kind;
	int32_t		lo,
				hi;
	int			start,
				end;			/* code points of the sentence */
	int			weak;			/* 0 strong; 1 a period's end without 前 (2025年底);
								 * 2 a year alone; 3 a month or day alone */
	bool		past;			/* 以来, 已: no deadline */
} cand;

/* after a date: flags */
enum
{
	T_END = 1,					/* 底 末: the end of the period */
	T_BY = 2,					/* 前 以前 内: by */
	T_FROM = 4,					/* 起 开始 */
	T_SINCE = 8,				/* 以来: the past */
	T_DURING = 16				/* 期间 */
};

static inline bool
is_ascii_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* a digit of a year printed in Chinese: 〇 ○ 零 一 … 九 */
static inline int
cn_year_digit(uint32_t c)
{
	if (c == CP_WHITE_CIRCLE || c == 0x3007 || c == 0x96F6)
		return 0;
	switch (c)
	{
		case 0x4E00:
			return 1;
		case 0x4E8C:
			return 2;
		case 0x4E09:
			return 3;
		case 0x56DB:
			return 4;
		case 0x4E94:
			return 5;
		case 0x516D:
			return 6;
		case 0x4E03:
			return 7;
		case 0x516B:
			return 8;
		case 0x4E5D:
			return 9;
	}
	return -1;
}

static inline bool
is_numberish(uint32_t c)
{
	return is_ascii_digit(c) || cn_year_digit(c) >= 0 || c == CP_SHI || c == 0x4E24 /* 两 */ ||
		c == 0x767E /* 百 */ || c == 0x5343 /* 千 */ || c == '.';
}

static inline int
skip_spaces(const dscan *sc, int i)
{
	while (i < sc->n && pd_is_space(sc->cps[i]))
		i++;
	return i;
}

/* ---- deadlines.c --------------------------------------------------------------- */

/* read the document's metadata once and work out its years (sc->year, sc->own_year) */
void		pd_dl_load_years(dscan *sc);

/* what 年内 means in this document (pd_doc_deadline_year), 0 when unknown */
int			pd_dl_year(dscan *sc);

/* ---- deadline_dates.c ----------------------------------------------------------- */

/* four digits of a year at i (Arabic or Chinese, no 年): its end, or -1 */
int			pd_dl_year_digits(const dscan *sc, int i, int *year);

/* 年 at i, after optional spaces: the position after it, or -1 */
int			pd_dl_nian_at(const dscan *sc, int i);

/* a range separator at i (— – - ~ 至 到 …): its end, or -1 */
int			pd_dl_range_dash(const dscan *sc, int i);

/* the tail after a date at i (底 前 起 期间 …): T_* flags, *end after it */
int			pd_dl_tail_at(const dscan *sc, int i, int *end);

/*
 * A date starting at i — a year and what follows it, a range, a relative
 * year, a month or quarter of the document's year, 年内 — resolved into *c.
 */
bool		pd_dl_date_at(dscan *sc, int i, cand *c);

/* 印发之日起30日内 at 之 (i): by a day counted from the document's date of issue */
bool		pd_dl_issue_relative_at(dscan *sc, int i, cand *c);

/* the date module's word tables are well formed */
bool		pd_dl_dates_selfcheck(void);

#pragma GCC visibility pop

#endif
