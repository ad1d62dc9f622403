/*
 * metadata.c — what a plan document says about itself: its title, its own
 * 发文字号, the issuer and the date of issue.  Backend-free.
 *
 * Computed on demand (pd_doc_metadata) after pd_segment(), so plan_tasks()
 * does not pay for it.  The preamble — the lines between the end of a news
 * lead (doc->body_start) and the first numbered item — holds most of it:
 *
 *   重庆市人民政府关于印发《X实施方案》的通知         title X, issuer
 *   渝府发〔2025〕4号 / 发文字号：渝府发〔2025〕4号     own number
 *   重庆市人民政府 / 2025年2月10日                     signature and date
 *
 * Web copies add breadcrumbs and labels (当前位置：…, 索引号：…, 发布日期：…);
 * titles are split over several lines; notices of the State Council sign at
 * the end of the text instead.  The rules below take those in turn.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE			/* memmem */
#endif
#include "pd_segment.h"
#include "pd_scan.h"
#include "pd_docno.h"

#include <string.h>

/* the kinds of document a title ends with */
static const pd_word doc_kinds[] = {
	{"通知"}, {"意见"}, {"方案"}, {"规划"}, {"计划"}, {"办法"}, {"纲要"}, {"措施"}, {"政策"}, {"决定"},
	{"细则"}, {"规定"}, {"要点"}, {"指南"}, {"批复"}, {"函"}, {"报告"}, {"清单"}, {"条例"}, {"年)"}
};
static pd_wordtab doc_kinds_tab = PD_WORDTAB(doc_kinds);

static bool
ends_with_kind(const unsigned char *p, const unsigned char *end)
{
	return pd_word_before_text(&doc_kinds_tab, p, end, NULL) >= 0;
}

/* the labels of a date of writing or issue */
static const pd_word date_labels[] = {{"成文日期"}, {"发文日期"}, {"印发日期"}};
static pd_wordtab date_labels_tab = PD_WORDTAB(date_labels);

/* 关于, and a covering notice's 关于印发 / 关于转发 */
static const pd_word guanyu_words[] = {{"关于"}};
static pd_wordtab guanyu_tab = PD_WORDTAB(guanyu_words);
static const pd_word covering_words[] = {{"关于印发"}, {"关于转发"}};
static pd_wordtab covering_tab = PD_WORDTAB(covering_words);
static const pd_word notice_words[] = {{"的通知"}};
static pd_wordtab notice_tab = PD_WORDTAB(notice_words);

/* read Y M D: 2025年2月10日, 二〇二五年二月十日, 2025-02-10, 2025.2.10, 2025/2/10 */
static const unsigned char *
read_date(const unsigned char *p, const unsigned char *end, int *y, int *mo, int *d)
{
	long		v[3];
	static const uint32_t cn_sep[3] = {0x5E74, 0x6708, 0x65E5};	/* 年 月 日 */
	uint32_t	sep = 0;

	for (int i = 0; i < 3; i++)
	{
		const unsigned char *next;
		uint32_t	cp = pd_peek(p, end, &next);

		if (pd_digit(cp) >= 0)
			pd_read_digits(&p, end, &v[i]);
		else if (pd_is_cn_numeral_char(cp))
		{
			if ((v[i] = pd_read_cn(&p, end)) < 0)
				return NULL;
		}
		else
			return NULL;
		cp = pd_peek(p, end, &next);
		if (i == 0)
			sep = (cp == cn_sep[0]) ? cn_sep[0] : (cp == '-' || cp == '.' || cp == '/') ? cp : 0;
		if (sep == 0)
			return NULL;
		if (sep == cn_sep[0])
		{
			if (cp != cn_sep[i])
				return NULL;
			p = next;
		}
		else if (i < 2)
		{
			if (cp != sep)
				return NULL;
			p = next;
		}
	}
	if (v[0] < 1949 || v[0] > 2100 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return NULL;
	*y = (int) v[0];
	*mo = (int) v[1];
	*d = (int) v[2];
	return p;
}

/*
 * A date line: the date alone (the signature's date), or after a label that
 * names the date of writing or issue (成文日期：2025-01-14, 发文日期：…,
 * 印发日期：…) — not a 发布日期 of a web page, which is when it was posted.
 */
static bool
date_line(const unsigned char *p, const unsigned char *end, int *y, int *mo, int *d)
{
	const unsigned char *q;

	p = pd_skip_decoration(p, end);
	if (pd_word_at_text(&date_labels_tab, p, end, &q) >= 0)
	{
		const unsigned char *next;
		uint32_t	cp;

		p = q;
		cp = pd_peek(p, end, &next);
		if (cp != CP_FW_COLON && cp != ':')
			return false;
		p = pd_skip_decoration(next, end);
		return read_date(p, end, y, mo, d) != NULL;
	}
	if (pd_is_open_bracket(pd_peek(p, end, &q)))
	{
		/*
		 * （2021年1月20日市第十五届人民代表大会第五次会议批准）: the date a
		 * 规划纲要 was adopted, under its title
		 */
		const unsigned char *e = pd_trim_decoration_end(q, end);
		const unsigned char *last = q;
		const unsigned char *next;

		if (read_date(pd_skip_decoration(q, e), e, y, mo, d) == NULL)
			return false;
		for (const unsigned char *r = q; r < e; r = next)
		{
			last = r;
			(void) pd_peek(r, e, &next);
		}
		return pd_is_close_bracket(pd_peek(last, e, &next)) &&
			(memmem(q, (size_t) (last - q), "批准", 6) != NULL ||
			 memmem(q, (size_t) (last - q), "通过", 6) != NULL ||
			 memmem(q, (size_t) (last - q), "通過", 6) != NULL);
	}
	q = read_date(p, end, y, mo, d);
	return q != NULL && pd_skip_decoration(q, end) == end;
}

/* ---- the own number -------------------------------------------------- */

typedef struct own_docno
{
	size_t		limit;			/* the first numbered item */
	size_t		start;
	size_t		end;
} own_docno;

static bool
take_own_docno(void *ctx, const pd_docno_match *m)
{
	own_docno  *own = ctx;

	if (m->start >= own->limit)
		return false;			/* past the preamble: stop scanning */
	if (m->own_line)
	{
		own->start = m->start;
		own->end = m->end;
		return false;
	}
	return true;
}

/* ---- titles ------------------------------------------------------------ */

typedef struct line
{
	const unsigned char *s;		/* content, decoration trimmed */
	const unsigned char *e;
} line;

/* 关于 in a line, before any 《 */
static const unsigned char *
find_guanyu(const unsigned char *s, const unsigned char *e)
{
	const unsigned char *q = s;

	while (q < e)
	{
		const unsigned char *here = q;
		uint32_t	cp = pd_u8_next(&q, e);

		if (cp == 0x300A)		/* 《 */
			return NULL;
		if (pd_word_at_text(&guanyu_tab, here, e, NULL) >= 0)
			return here;
	}
	return NULL;
}

/*
 * The title, best candidate first:
 *  1. 关于印发《X》的通知 or 关于印发X的通知 — the plan is X (the notice's own
 *     title is not what an analyst calls the plan);
 *  2. a 关于 line, joined with the lines that continue it until one ends in
 *     the kind of document (通知, 意见, 方案 …): titles are often split;
 *  3. a title-like line that ends in the kind of document;
 *  4. the first title-like line.
 * Returns the rank of what was found (5 = nothing).
 */
static int
consider_title(pd_doc *doc, const line *lines, int n, int i, int best)
{
	const unsigned char *base = (const unsigned char *) doc->text;
	const line *l = &lines[i];
	const unsigned char *guanyu;

	if (pd_has_sentence_end(l->s, l->e) || best == 1)
		return best;
	guanyu = find_guanyu(l->s, l->e);
	/* 1: 《X》 inside a 关于 line */
	if (guanyu)
	{
		const unsigned char *q = guanyu;
		const unsigned char *open = NULL,
				   *close = NULL;

		while (q < l->e)
		{
			const unsigned char *here = q;
			uint32_t	cp = pd_u8_next(&q, l->e);

			if (cp == 0x300A && open == NULL)
				open = q;
			else if (cp == 0x300B && open != NULL)
				close = here;
		}
		if (open && close && close > open)
		{
			doc->title_start = (size_t) (open - base);
			doc->title_end = (size_t) (close - base);
			if (guanyu > l->s)
			{
				doc->issuer_start = (size_t) (l->s - base);
				doc->issuer_end = (size_t) (guanyu - base);
			}
			return 1;
		}
	}
	/* 1b: 关于印发X的通知 without 《》: the plan is X */
	if (guanyu)
	{
		const unsigned char *x = NULL;

		if (pd_word_at_text(&covering_tab, guanyu, l->e, &x) >= 0 &&
			pd_word_before_text(&notice_tab, x, l->e, NULL) >= 0 && l->e - x > 9)
		{
			doc->title_start = (size_t) (x - base);
			doc->title_end = (size_t) (l->e - 9 - base);	/* 的通知: three 3-byte characters */
			if (guanyu > l->s)
			{
				doc->issuer_start = (size_t) (l->s - base);
				doc->issuer_end = (size_t) (guanyu - base);
			}
			return 1;
		}
	}
	if (guanyu && best > 2)
	{
		/* 2: join the continuation lines of a split title */
		int			j = i;

		while (!ends_with_kind(lines[j].s, lines[j].e) && j + 1 < n && j - i < 3 &&
			   pd_title_like(lines[j + 1].s, lines[j + 1].e) &&
			   !pd_has_sentence_end(lines[j + 1].s, lines[j + 1].e))
			j++;
		if (ends_with_kind(lines[j].s, lines[j].e))
		{
			doc->title_start = (size_t) (l->s - base);
			doc->title_end = (size_t) (lines[j].e - base);
			if (guanyu > l->s)
			{
				doc->issuer_start = (size_t) (l->s - base);
				doc->issuer_end = (size_t) (guanyu - base);
			}
			return 2;
		}
	}
	if (best > 3 && pd_title_like(l->s, l->e) && ends_with_kind(l->s, l->e))
	{
		doc->title_start = (size_t) (l->s - base);
		doc->title_end = (size_t) (l->e - base);
		return 3;
	}
	if (best > 4 && pd_title_like(l->s, l->e))
	{
		doc->title_start = (size_t) (l->s - base);
		doc->title_end = (size_t) (l->e - base);
		return 4;
	}
	return best;
}

/* ---- signature at the end -------------------------------------------------- */

static void
date_at_end(pd_doc *doc, size_t from)
{
	const unsigned char *base = (const unsigned char *) doc->text;
	const unsigned char *q = base + doc->len;
	int			lines = 0;

	while (q > base + from && lines < 40)
	{
		const unsigned char *ls = q;
		const unsigned char *ce;
		int			y,
					mo,
					d;

		while (ls > base && ls[-1] != '\n')
			ls--;
		ce = pd_trim_decoration_end(ls, q);
		if (ce > ls && date_line(ls, ce, &y, &mo, &d))
		{
			doc->year = y;
			doc->month = mo;
			doc->day = d;
			/* the signature stands on the line before */
			if (doc->issuer_end == 0 && ls > base + 1)
			{
				const unsigned char *pe = pd_trim_decoration_end(base, ls - 1);
				const unsigned char *ps = pe;

				while (ps > base && ps[-1] != '\n')
					ps--;
				ps = pd_skip_decoration(ps, pe);
				if (pe > ps && !pd_has_sentence_end(ps, pe) &&
					pd_u8_count((const char *) ps, (size_t) (pe - ps)) <= 30)
				{
					doc->issuer_start = (size_t) (ps - base);
					doc->issuer_end = (size_t) (pe - base);
				}
			}
			return;
		}
		q = ls > base ? ls - 1 : base;
		lines++;
		if (ls == base)
			break;
	}
}

/* ---- entry point ---------------------------------------------------------- */

#define MAX_PREAMBLE_LINES 200

static int	named_plan_year(const char *text, size_t len);

pd_status
pd_doc_metadata(pd_doc *doc, const pd_segment_opts *opts, pd_error *err)
{
	const unsigned char *base = (const unsigned char *) doc->text;
	const unsigned char *end = base + doc->len;
	size_t		pre_end = doc->nitems > 0 ? doc->items[0].marker_start : doc->len;
	const unsigned char *p = base + doc->body_start;
	line		lines[MAX_PREAMBLE_LINES];
	int			n = 0;
	int			best = 5;
	bool		have_date = false;

	doc->title_start = doc->title_end = 0;
	doc->docno_start = doc->docno_end = 0;
	doc->issuer_start = doc->issuer_end = 0;
	doc->year = doc->month = doc->day = 0;

	/* the preamble's lines (a bounded number: a preamble is short) */
	while (p < base + pre_end && n < MAX_PREAMBLE_LINES)
	{
		const unsigned char *le = memchr(p, '\n', (size_t) (end - p));

		if (le == NULL)
			le = end;
		lines[n].e = pd_trim_decoration_end(p, le);
		lines[n].s = pd_skip_decoration(p, lines[n].e);
		if (lines[n].s < lines[n].e)
			n++;
		p = le < end ? le + 1 : end;
	}

	for (int i = 0; i < n; i++)
	{
		int			y,
					mo,
					d;

		if (!have_date && date_line(lines[i].s, lines[i].e, &y, &mo, &d))
		{
			doc->year = y;
			doc->month = mo;
			doc->day = d;
			have_date = true;
			/* the signature stands on the line before the date */
			if (i > 0 && pd_title_like(lines[i - 1].s, lines[i - 1].e) &&
				find_guanyu(lines[i - 1].s, lines[i - 1].e) == NULL &&
				pd_u8_count((const char *) lines[i - 1].s, (size_t) (lines[i - 1].e - lines[i - 1].s)) <= 30)
			{
				doc->issuer_start = (size_t) (lines[i - 1].s - base);
				doc->issuer_end = (size_t) (lines[i - 1].e - base);
			}
			continue;
		}
		best = consider_title(doc, lines, n, i, best);
	}

	/* no title in the preamble: the first part's title line */
	if (doc->title_end == 0 && doc->nparts > 0 && doc->parts[0].title_end > 0)
	{
		doc->title_start = doc->parts[0].title_start;
		doc->title_end = doc->parts[0].title_end;
	}
	/* a single text without a title line of its own is the document */
	if (doc->nparts > 0 && doc->parts[0].title_end == 0)
	{
		doc->parts[0].title_start = doc->title_start;
		doc->parts[0].title_end = doc->title_end;
	}
	if (!have_date)
		date_at_end(doc, pre_end);

	/* the own number: the first one standing on a line of its own, before the body */
	{
		own_docno	own = {pre_end, 0, 0};
		pd_status	st = pd_docno_scan(doc->text, pre_end, opts, take_own_docno, &own, err);

		if (st != PD_OK)
			return st;
		doc->docno_start = own.start;
		doc->docno_end = own.end;
	}
	doc->plan_year = named_plan_year(doc->text, doc->len);
	return PD_OK;
}

size_t
pd_clean_span(const char *text, size_t start, size_t end, char *buf)
{
	const unsigned char *p = (const unsigned char *) text + start;
	const unsigned char *e = (const unsigned char *) text + end;
	size_t		len = 0;

	while (p < e)
	{
		if (*p == '\r' || *p == '\n')
		{
			/* a line break inside a title: drop it and the next line's indent */
			while (p < e && (*p == '\r' || *p == '\n' || *p == ' ' || *p == '\t'))
				p++;
			while (e - p >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
				p += 3;
			continue;
		}
		buf[len++] = (char) *p++;
	}
	buf[len] = '\0';
	return len;
}

/*
 * The first year of the period a title names: “十四五”… and 第十四个五年规划
 * 2021, …行动计划（2023—2025年） 2023, 2024年工作要点 2024; 0 if it names
 * none.  A plan is written at the start of its own period.
 */
static int
title_period_year(const char *text, size_t start, size_t end)
{
	const unsigned char *p = (const unsigned char *) text + start;
	const unsigned char *e = (const unsigned char *) text + end;
	uint32_t	c[5] = {0};			/* the last five characters, c[4] newest */
	int			have = 0;

	while (p < e)
	{
		const unsigned char *q = p;
		uint32_t	cp = pd_fold(pd_u8_next(&p, e));
		int			d = pd_digit(cp);
		int			num,
					len;

		if (d >= 0)
		{
			long		year;
			int			digits;

			/* four digits, then 年 or a range: 2023—2025年, 2024年 */
			p = q;
			digits = pd_read_digits(&p, e, &year);
			if (digits == 4 && year >= 1990 && year <= 2100 && p < e)
			{
				uint32_t	next = pd_fold(pd_peek(p, e, &q));

				if (next == 0x5E74 || next == '-' || next == 0x2014 || next == 0x2013 ||
					next == '~' || next == 0x81F3)	/* 年 — – ~ 至 */
					return (int) year;
			}
			have = 0;
			continue;
		}
		memmove(c, c + 1, 4 * sizeof(uint32_t));
		c[4] = cp;
		if (have < 5)
			have++;
		/* 十X五 or 十X个五年 ending here */
		if ((have >= 3 && (num = pd_five_year_plan(c + 2, 3, &len)) > 0) ||
			(have >= 5 && (num = pd_five_year_plan(c, 5, &len)) > 0))
			return PD_FYP_FIRST_YEAR(num);
	}
	return 0;
}

/*
 * Is the plan named at p looked forward to (展望“十五五”, 谋划“十五五”)?
 * The two characters before it, past an opening quote, 第 or spaces, are
 * read; a word after it (与“十五五”规划衔接) is not.
 */
static bool
looked_forward_to(const unsigned char *t, const unsigned char *p)
{
	static const uint32_t words[][2] = {
		{0x5C55, 0x671B},		/* 展望 */
		{0x8FC8, 0x5411},		/* 迈向 */
		{0x9762, 0x5411},		/* 面向 */
		{0x8C0B, 0x5212},		/* 谋划 */
		{0x8854, 0x63A5},		/* 衔接 */
	};
	uint32_t	c[2] = {0, 0};
	int			n = 0;

	while (n < 2 && p > t)
	{
		uint32_t	cp;

		p = pd_prev_folded(t, p, &cp);
		if (n == 0 && (cp == 0x201C || cp == 0x7B2C || cp == '"' || pd_is_space(cp)))
			continue;			/* “ 第 */
		c[1 - n++] = cp;
	}
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (c[0] == words[k][0] && c[1] == words[k][1])
			return true;
	return false;
}

/*
 * The first year of the five-year plan the text names most often (十四五,
 * 第十四个五年), the later one of a tie, or 0.  An undated document that
 * speaks of “十三五” and of “十四五” was written for the later one: its
 * “十三五”期间 is a report, not a goal.  A plan looked forward to (展望“十五五”)
 * is not counted: a 十四五 plan that names the next one is still of 2021.
 * A document naming only “十三五” gets 2016 and its “十三五”期间 stays ahead.
 */
static int
named_plan_year(const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *) text;
	const unsigned char *end = t + len;
	const unsigned char *p = t;
	int			count[7] = {0};	/* 10 + index: 十三五 … 十六五 */
	int			best = 0;

	/* 十 is E5 8D 81 in both scripts; 0x81 is the rarest of its bytes */
	while ((p = memchr(p, 0x81, (size_t) (end - p))) != NULL)
	{
		const unsigned char *q = p - 2;
		uint32_t	c[5];
		int			n = 0,
					num,
					plen;

		p++;
		if (q < t || end - q < 9 || q[0] != 0xE5 || q[1] != 0x8D)
			continue;
		for (const unsigned char *r = q; n < 5 && r < end;)
			c[n++] = pd_fold(pd_u8_next(&r, end));
		num = pd_five_year_plan(c, n, &plen);
		if (num > 10 && num < 17 && !looked_forward_to(t, q))
			count[num - 10]++;
	}
	for (int k = 1; k < 7; k++)
		if (count[k] > 0 && count[k] >= count[best])
			best = k;
	return best ? PD_FYP_FIRST_YEAR(10 + best) : 0;
}

int
pd_doc_own_year(const pd_doc *doc)
{
	pd_docno	dn;
	int			year;

	if (doc->year > 0)
		return doc->year;
	if (doc->docno_end > doc->docno_start &&
		pd_docno_parse(doc->text + doc->docno_start, doc->docno_end - doc->docno_start, &dn, NULL) == PD_OK)
		return dn.year;
	if (doc->title_end > doc->title_start &&
		(year = title_period_year(doc->text, doc->title_start, doc->title_end)) > 0)
		return year;
	return doc->plan_year;
}
