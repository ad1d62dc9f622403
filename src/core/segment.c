/*
 * segment.c — a plan document as a tree of numbered items.  Backend-free.
 *
 * One pass over the lines of the document.  At the start of every line (and
 * after a sentence end inside a line) we try to read a numbering marker:
 *
 *   一、  （一） (一) ㈠   1. 1、 １． 1﹒ ⒈   （1） ⑴   ①   第一章 第一节 第一条
 *   第一部分   1.1 / 1.1.1 (multi-level Arabic)
 *
 * Each marker has a *style*.  Levels are not fixed per style (documents skip
 * levels, start at （一）, or put 1. above （一）); instead a stack of the
 * styles currently open decides: a style already on the stack closes every
 * deeper level and becomes a sibling there, a new style opens a level below
 * the current item.  The task code is the printed numbers along the stack,
 * so numbering that runs on across sections (（十五） under 四、) becomes 4.15
 * exactly as printed.
 *
 * What is not a marker matters as much: 1.5亿元, 一、二、三产业, 2025.2.10,
 * (?!…) mojibake, attachment lists (附件：1.… 2.…), table-of-contents
 * entries, numbered lines inside 专栏 boxes, enumerations inside a
 * paragraph (…包括：（1）…；（2）…).  Mid-line markers are accepted only
 * where they are the expected next number; inside boxes only expected
 * markers end the box.
 *
 * A restart of the top-level numbering (一、 again after 八、), or a 附件N
 * line, begins a new attached text (part).
 *
 * This file owns the line walker: the stack of styles, items, parts, boxes
 * and task-division tables.  Reading one marker (its style, numbers, and
 * the dates and amounts that only look like one) is segment_marker.c's;
 * this file must not parse marker syntax of its own.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE			/* memmem */
#endif
#include "pd_marker.h"
#include "pd_scan.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- the line walker -------------------------------------------------- */

typedef struct frame
{
	int			style;
	long		num;
	int			item;			/* index into doc->items */
} frame;

enum
{
	MODE_NORMAL = 0,
	MODE_BOX,					/* inside 专栏 / 表: only expected markers count */
	MODE_TOC,					/* inside 目录: skip until the first entry repeats */
	MODE_ATTACH_LIST,			/* 附件：1.… 2.…: a list of attachment titles */
	MODE_TABLE					/* the rows of a task-division table */
};

#define NSTYLES 64

typedef struct seg
{
	pd_doc	   *doc;
	const pd_mem *mem;
	int			cap;			/* items allocated */
	int			pcap;			/* parts allocated */
	frame		stack[PD_TC_MAX_DEPTH];
	int			depth;
	long		last_num[NSTYLES];	/* last accepted number per style, this part */
	int			style_depth[NSTYLES];	/* the level a style was last used at */
	int			mode;
	int			toc_style;		/* first entry of a table of contents */
	long		toc_num;
	int			toc_lines;
	bool		part_pending;	/* after 附件N: the next 1 starts a new part */
	size_t		boundary;		/* where the text of the current item stops */
	size_t		title_start;	/* title of the part being started */
	size_t		title_end;
	size_t		plain[3][2];	/* the last plain lines, newest first: part
								 * titles are picked from them lazily */
	int			skipped;		/* markers beyond the taskcode limits */
	int			tcap;			/* tables allocated */
	int			table;			/* MODE_TABLE: 1-based index of the table */
	int			table_rows;		/* rows read from it so far */
	int			table_lines;	/* one cell per line: lines since the last row */
	int			table_depth;	/* the depth of its rows: 1 in a part of their
								 * own, deeper under the item that holds the
								 * table in the body */
	long		item_section;	/* the section of the last 1-1 item, this part */
	bool		failed;
} seg;

static int
style_slot(int style)
{
	return style < NSTYLES ? style : NSTYLES - 1;
}

/* ranks keep 第X章 above 一、 whatever order they were seen in */
static int
style_rank(int style)
{
	switch (style)
	{
		case ST_PART:
			return 0;
		case ST_CHAPTER:
			return 1;
		case ST_SECTION:
			return 2;
		case ST_ARTICLE:
			return 3;
		case ST_CN_CAPITAL:
			return 4;
		default:
			return 10;
	}
}

static bool
grow(seg *sg, void **arr, int *cap, size_t elem, int need)
{
	void	   *n;
	int			ncap;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap * 2 : 64;
	while (ncap < need)
		ncap *= 2;
	n = sg->mem->alloc(sg->mem->ctx, (size_t) ncap * elem);
	if (n == NULL)
	{
		sg->failed = true;
		return false;
	}
	if (*arr)
	{
		memcpy(n, *arr, (size_t) (*cap) * elem);
		if (sg->mem->release)
			sg->mem->release(sg->mem->ctx, *arr);
	}
	*arr = n;
	*cap = ncap;
	return true;
}

/* words that make a bracket name units: （牵头单位：…）, （责任部门：…）, （主办：…） */
static const pd_word unit_bracket_words[] = {{"牵头"}, {"责任单位"}, {"责任部门"}, {"主办"}};
static pd_wordtab unit_bracket_tab = PD_WORDTAB(unit_bracket_words);

/*
 * Where the heading of an item ends: the first 。 ； ： : ！ ？, a
 * responsibility bracket such as （责任单位：…）, or the end of the line.
 */
static const unsigned char *
heading_end(const unsigned char *p, const unsigned char *end)
{
	while (p < end)
	{
		const unsigned char *here = p;
		uint32_t	cp = pd_u8_next(&p, end);

		if (cp == CP_JUHAO || cp == CP_FW_SEMI || cp == ';' || cp == CP_FW_COLON ||
			cp == ':' || cp == CP_FW_EXCL || cp == CP_FW_QUES)
			return here;
		if (pd_is_open_bracket(cp))
		{
			/* a bracket that names units ends the heading */
			const unsigned char *q = p;
			int			n = 0;

			while (q < end && n < 12)
			{
				if (pd_word_at_text(&unit_bracket_tab, q, end, NULL) >= 0)
					return here;
				if (pd_is_close_bracket(pd_fold(pd_u8_next(&q, end))))
					break;
				n++;
			}
		}
	}
	return end;
}

static long
expected_next(const seg *sg, int style)
{
	return sg->last_num[style_slot(style)] + 1;
}

/*
 * Decide where a marker goes.  Returns the new depth (1-based) or 0 when it
 * is not an item here.  strict: mid-line or inside a box — only the
 * expected next number counts.
 */
static int
place(seg *sg, const marker *m, bool strict)
{
	long		n = m->num[m->ncomp - 1];
	int			idx = -1;

	for (int i = 0; i < sg->depth; i++)
		if (sg->stack[i].style == m->style)
		{
			idx = i;
			break;
		}

	if (sg->part_pending)
	{
		/* after a 附件 header only a fresh 1 starts the attached text */
		return (n == 1 && !strict) ? -1 : 0;
	}

	if (idx >= 0)
	{
		if (strict && n != sg->stack[idx].num + 1)
			return 0;
		/* top-level numbering starts again: a new attached text */
		if (idx == 0 && n == 1 && sg->stack[0].num >= 1 && !strict)
			return -1;
		return idx + 1;
	}

	/* a new style: a child of the current item, or the first item */
	if (sg->depth == 0)
		return (n == 1) ? 1 : 0;

	/*
	 * Inside a 专栏 box a list numbered 1. ① (1) of its own is the box's
	 * content, not a level of tasks; 一、 （一） 第X章 still end the box.
	 */
	if (sg->mode == MODE_BOX && strict && m->style != ST_CN_DUN && m->style != ST_CN_PAREN &&
		style_rank(m->style) == 10)
		return 0;
	if (strict && n != 1 && n != expected_next(sg, m->style))
		return 0;
	if (!strict && n != 1 && n <= sg->last_num[style_slot(m->style)])
		return 0;
	/* 第X章 never nests under 一、: close the levels it outranks */
	{
		int			rank = style_rank(m->style);

		if (rank < 10)
			for (int i = 0; i < sg->depth; i++)
				if (style_rank(sg->stack[i].style) > rank)
					return i + 1;
	}
	/*
	 * A style keeps its level within a text: 1. that stood under （一）
	 * elsewhere closes a ① it meets here rather than nesting below it.  A
	 * level that was skipped (1. straight under 一、) still nests, and so
	 * does a style GB/T 9704 ranks below the current item's: 1. that stood
	 * straight under 一、 in one section nests under the （一） of the next
	 * (numbering that runs on: 二、 （一） 3. is 2.1.3).
	 */
	{
		int			seen = sg->style_depth[style_slot(m->style)];
		int			cur = sg->stack[sg->depth - 1].style;

		if (seen > 0 && seen <= sg->depth &&
			!(m->style <= ST_CIRCLED && cur >= ST_CN_DUN && cur < m->style))
			return seen;
	}
	return sg->depth + 1;
}

static bool
add_part(seg *sg, size_t start)
{
	pd_doc	   *doc = sg->doc;

	if (!grow(sg, (void **) &doc->parts, &sg->pcap, sizeof(pd_part), doc->nparts + 1))
		return false;
	if (sg->title_end == 0)
	{
		/* the nearest short line without sentence punctuation before it */
		const unsigned char *base = (const unsigned char *) doc->text;

		for (int i = 0; i < 3; i++)
			if (sg->plain[i][1] > sg->plain[i][0] &&
				pd_title_like(base + sg->plain[i][0], base + sg->plain[i][1]))
			{
				sg->title_start = sg->plain[i][0];
				sg->title_end = sg->plain[i][1];
				break;
			}
	}
	doc->parts[doc->nparts].title_start = sg->title_start;
	doc->parts[doc->nparts].title_end = sg->title_end;
	doc->parts[doc->nparts].start = start;
	doc->nparts++;
	memset(sg->last_num, 0, sizeof(sg->last_num));
	memset(sg->style_depth, 0, sizeof(sg->style_depth));
	sg->item_section = 0;
	sg->depth = 0;
	sg->part_pending = false;
	return true;
}

/* close the previous item's text at pos (if it is still open) */
static void
close_previous(seg *sg, size_t pos)
{
	pd_doc	   *doc = sg->doc;

	if (doc->nitems > 0 && doc->items[doc->nitems - 1].own_end == 0)
		doc->items[doc->nitems - 1].own_end = pos;
}

/*
 * Accept marker m at text position pos (line `line`) with its text running to
 * line_end.  Returns false only on allocation failure.
 */
static bool
add_item(seg *sg, const marker *m, int depth, const unsigned char *mstart,
		 const unsigned char *line_end, int line)
{
	pd_doc	   *doc = sg->doc;
	const unsigned char *base = (const unsigned char *) doc->text;
	const unsigned char *hs;
	pd_item    *it;
	long		n = m->num[m->ncomp - 1];

	if (depth == -1)
	{
		/* a new attached text: its first item is at the top */
		close_previous(sg, sg->boundary ? sg->boundary : (size_t) (mstart - base));
		if (!add_part(sg, (size_t) (mstart - base)))
			return false;
		depth = 1;
	}
	else if (doc->nparts == 0)
	{
		if (!add_part(sg, (size_t) (mstart - base)))
			return false;
	}
	if (depth > PD_TC_MAX_DEPTH || n > PD_TC_MAX_NUM)
	{
		sg->skipped++;
		return true;
	}
	if (!grow(sg, (void **) &doc->items, &sg->cap, sizeof(pd_item), doc->nitems + 1))
		return false;
	close_previous(sg, (size_t) (mstart - base));

	sg->depth = depth;
	sg->stack[depth - 1].style = m->style;
	sg->stack[depth - 1].num = n;
	sg->stack[depth - 1].item = doc->nitems;
	sg->last_num[style_slot(m->style)] = n;
	sg->style_depth[style_slot(m->style)] = depth;

	it = &doc->items[doc->nitems];
	memset(it, 0, sizeof(*it));
	for (int i = 0; i < depth; i++)
		it->code = pd_tc_set(it->code, i + 1, (unsigned) sg->stack[i].num);
	it->depth = depth;
	it->part = doc->nparts;
	it->parent = depth > 1 ? sg->stack[depth - 2].item : -1;
	it->line = line;
	it->style = m->style;
	it->marker_start = (size_t) (mstart - base);
	it->marker_end = it->marker_start + m->len;
	hs = pd_skip_decoration(mstart + m->len, line_end);
	it->head_start = (size_t) (hs - base);
	it->head_end = (size_t) (line_end - base);	/* pd_item_heading() finds where it stops */
	it->own_end = 0;			/* closed by the next item */
	doc->nitems++;
	sg->boundary = 0;
	sg->title_start = sg->title_end = 0;
	memset(sg->plain, 0, sizeof(sg->plain));
	if (sg->mode == MODE_BOX)
		sg->mode = MODE_NORMAL;
	return true;
}

/*
 * Multi-level Arabic numbers (3.1, 3.2.1) print their own path.  They hang
 * below the non-multi levels open now (一、, 第一章 …); a first component
 * that repeats the number of that parent (三、 then 3.1) is an echo and is
 * not counted again.  Levels the marker implies but that were never printed
 * as items of their own (3 for a first 3.1) become frames without an item.
 * Returns the depth of the new item; add_item() fills its own frame.
 */
static int
place_multi(seg *sg, const marker *m)
{
	int			b = 0;
	int			first = 0;
	int			k;

	while (b < sg->depth && sg->stack[b].style < ST_AR_MULTI)
		b++;
	if (b > 0 && m->num[0] == sg->stack[b - 1].num)
		first = 1;
	k = m->ncomp - first;
	if (b + k > PD_TC_MAX_DEPTH)
		return b + k;			/* add_item counts it as skipped */
	for (int i = 0, same = 1; i < k - 1; i++)
	{
		frame	   *f = &sg->stack[b + i];
		int			style = ST_AR_MULTI + first + i + 1;
		long		num = m->num[first + i];

		/* once a level differs, every level below it is new as well */
		same = same && b + i < sg->depth && f->style == style && f->num == num;
		if (!same)
		{
			f->style = style;
			f->num = num;
			f->item = -1;
		}
	}
	sg->depth = b + k - 1;
	return b + k;
}

/*
 * Taiwan's commitment items, 1-1 2-3: item 3 of section 2.  The guide's code
 * is the printed numbers in nesting order; 2-3 prints two, and the first is
 * no level of its own but the number of the section the item is listed
 * under — the current top-level section (the outermost open 一、 level; 壹、
 * and 第X章 above it are containers the item does not repeat).  So the item
 * is numbered 3 and nests like any other item: below the levels open now
 * (二、 2-3 is 2.3; 貳、 二、 2-3 is 2.2.3; 二、 （一） 2-3 is 2.1.3, one level
 * deeper than （一）, so codes stay unique), except that an earlier N-M item
 * and what is below it close (2-3 is 2-2's sibling).  Where the top-level
 * section has another number, a container with that number holds the item
 * (貳、 2-1 with no 一、 open); where none does, the section was never
 * printed as an item and becomes a frame without an item under the
 * containers (as 3 does for a first 3.1).  Items come in order (N-1, then
 * N-2 …) so that a range at a line start (10-20人次…) is not read as one.
 * Returns the depth of the new item, or 0.
 */
static int
place_section_item(seg *sg, const marker *m)
{
	long		sec = m->num[0],
				item = m->num[1];
	int			slot = style_slot(ST_SECTION_ITEM);
	int			b = 0,
				parent = -1;

	/* in order: the next item of the same section, or a section's first */
	if (item != 1 && !(sec == sg->item_section && item == sg->last_num[slot] + 1))
		return 0;

	/* the containers: 壹、 第X章 … */
	while (b < sg->depth && style_rank(sg->stack[b].style) < 10)
		b++;
	if (b < sg->depth && sg->stack[b].style < ST_TABLE_ROW && sg->stack[b].num == sec)
	{
		/* below the open levels, up to an earlier N-M item */
		parent = b;
		while (parent + 1 < sg->depth && sg->stack[parent + 1].style < ST_TABLE_ROW)
			parent++;
	}
	for (int i = b - 1; parent < 0 && i >= 0; i--)
		if (sg->stack[i].num == sec)
			parent = i;
	if (parent < 0)
	{
		/* a section printed nowhere: only the next one in order */
		if (item == 1 && sec != sg->item_section + 1)
			return 0;
		if (b >= PD_TC_MAX_DEPTH - 1)
			return PD_TC_MAX_DEPTH + 1;	/* add_item counts it as skipped */
		sg->stack[b].style = ST_SECTION_IMPLIED;
		sg->stack[b].num = sec;
		sg->stack[b].item = -1;
		parent = b;
	}
	sg->depth = parent + 1;
	sg->item_section = sec;
	return parent + 2;
}

/* 附件 / 附件1 / 附件一 / 附件：… (附表：重点任务分工表) at the start of a line */
static const pd_word attachment_words[] = {{"附件"}, {"附表"}};
static pd_wordtab attachment_tab = PD_WORDTAB(attachment_words);

static int
attachment_header(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q;
	const unsigned char *next;
	uint32_t	cp;
	long		v;

	if (pd_word_at_text(&attachment_tab, p, end, &q) < 0)
		return 0;
	cp = pd_peek(q, end, &next);
	if (cp == CP_FW_COLON || cp == ':')
	{
		/* 附件：1.… is a list of titles; 附件：名称 names one attachment */
		const unsigned char *r = pd_skip_decoration(next, end);

		return (pd_digit(pd_peek(r, end, &next)) >= 0) ? 2 : 1;
	}
	if (pd_digit(cp) >= 0)
		pd_read_digits(&q, end, &v);
	else if (pd_is_cn_numeral_char(cp))
		(void) pd_read_cn(&q, end);
	q = pd_skip_decoration(q, end);
	/* 附件 alone, 附件2, 附件2 名称 — not 附件所列… in a sentence */
	if (q == end || pd_has_sentence_end(q, end) == false)
		return (q == end || pd_is_space(cp) || pd_digit(cp) >= 0 || pd_is_cn_numeral_char(cp)) ? 1 : 0;
	return 0;
}

/*
 * Sentence ends inside a line, found by their UTF-8 bytes without decoding
 * every character: 。 E3 80 82, ； EF BC 9B, ！ EF BC 81, ？ EF BC 9F, ';'.
 * Returns the position after the next one, or NULL.
 */
static const unsigned char *
next_sentence_end(const unsigned char *p, const unsigned char *end)
{
#ifdef __SSE2__
	/* sixteen bytes at a time: only 0xE3, 0xEF and ';' can start one */
	const __m128i e3 = _mm_set1_epi8((char) 0xE3);
	const __m128i ef = _mm_set1_epi8((char) 0xEF);
	const __m128i semi = _mm_set1_epi8(';');

	while (end - p >= 16)
	{
		__m128i		v = _mm_loadu_si128((const __m128i *) p);
		unsigned	mask = (unsigned) _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, e3),
																			  _mm_cmpeq_epi8(v, ef)),
															 _mm_cmpeq_epi8(v, semi)));

		while (mask)
		{
			const unsigned char *q = p + __builtin_ctz(mask);

			mask &= mask - 1;
			if (*q == ';')
				return q + 1;
			if (end - q >= 3)
			{
				if (q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x82)
					return q + 3;
				if (q[0] == 0xEF && q[1] == 0xBC && (q[2] == 0x9B || q[2] == 0x81 || q[2] == 0x9F))
					return q + 3;
			}
		}
		p += 16;
	}
#endif
	while (p < end)
	{
		unsigned char b = *p;

		if (b == ';')
			return p + 1;
		if (b == 0xE3 && end - p >= 3 && p[1] == 0x80 && p[2] == 0x82)
			return p + 3;
		if (b == 0xEF && end - p >= 3 && p[1] == 0xBC &&
			(p[2] == 0x9B || p[2] == 0x81 || p[2] == 0x9F))
			return p + 3;
		p++;
	}
	return NULL;
}

/*
 * Most sentences start with a Han character that no marker starts with: a
 * quick no before pd_read_marker() (a Han character starts a marker only as a
 * numeral, 一、, or as 第).
 */
static inline bool
may_start_marker(uint32_t cp)
{
	if (pd_is_han_bmp(cp))
		return cp == CP_DI || pd_is_cn_numeral_char(cp);
	return true;
}

static void
mid_line_markers(seg *sg, const unsigned char *p, const unsigned char *end, int line)
{
	while ((p = next_sentence_end(p, end)) != NULL)
	{
		const unsigned char *q = pd_skip_decoration(p, end);
		const unsigned char *next;
		marker		m;
		int			depth;

		if (!may_start_marker(pd_peek(q, end, &next)))
			continue;
		if (pd_read_marker(q, end, &m) && m.style < ST_AR_MULTI && m.style != ST_CHAPTER &&
			m.style != ST_PART && m.style != ST_SECTION && m.style != ST_SECTION_ITEM)
		{
			depth = place(sg, &m, true);
			if (depth > 0)
			{
				if (!add_item(sg, &m, depth, q, end, line))
					return;
				p = q + m.len;
			}
		}
	}
}

/* 目录 / 目 录 on a line of its own */
static bool
is_toc_heading(const unsigned char *p, const unsigned char *end)
{
	int			state = 0;		/* 0: want 目, 1: want 录, 2: done */

	while (p < end)
	{
		uint32_t	cp = pd_fold(pd_u8_next(&p, end));

		if (pd_is_space(cp))
			continue;
		if (state == 0 && cp == 0x76EE)	/* 目 */
			state = 1;
		else if (state == 1 && cp == 0x5F55)	/* 录 */
			state = 2;
		else
			return false;
	}
	return state == 2;
}

/* 专栏 boxes and numbered tables (表1 …) hold their own numbered lines */
static const pd_word box_words[] = {{"专栏"}, {"表"}};	/* in this order: see is_box_start */
static pd_wordtab box_tab = PD_WORDTAB(box_words);

static bool
is_box_start(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q;
	const unsigned char *next;
	int			w = pd_word_at_text(&box_tab, p, end, &q);

	return w == 0 || (w == 1 && pd_digit(pd_peek(q, end, &next)) >= 0);
}

/* a plain line: remember it, it may be the title of the next part */
static void
remember_plain(seg *sg, const unsigned char *p, const unsigned char *le)
{
	const unsigned char *base = (const unsigned char *) sg->doc->text;

	memmove(sg->plain[1], sg->plain[0], 2 * sizeof(sg->plain[0]));
	sg->plain[0][0] = (size_t) (p - base);
	sg->plain[0][1] = (size_t) (pd_trim_decoration_end(p, le) - base);
}

/* ---- task-division tables (pd_table.h) ---------------------------------- */

/*
 * Two ASCII spaces in a row (pdftotext -layout pads cells with them).  Not
 * U+3000: its bytes begin 、 and 。 too, and a search for it would stop at
 * every clause of a Chinese line; tables set with U+3000 alone are rare.
 */
static bool
has_space_run(const unsigned char *p, const unsigned char *end)
{
	for (const unsigned char *q = p; (q = memchr(q, ' ', (size_t) (end - q))) != NULL && q + 1 < end; q++)
		if (q[1] == ' ')
			return true;
	return false;
}

/*
 * A header row starts a table when the line could hold cells at all: a tab,
 * a |, two spaces somewhere, and it is short; or 序号 alone on its line
 * starts a header printed one cell per line.  Returns true when a table
 * started (the line is then read).
 */
static bool
table_start(seg *sg, const unsigned char *p, const unsigned char *le)
{
	pd_doc	   *doc = sg->doc;
	const char *text = doc->text;
	size_t		ls = (size_t) (p - (const unsigned char *) text);
	size_t		n = (size_t) (le - p);
	pd_table	t;

	if (n <= 12)
	{
		/* 序号 alone on its line: a header printed one cell per line? */
		if (!pd_table_header_lines(text, ls, doc->len, &t))
			return false;
	}
	else if (n > 400 || (memchr(p, '\t', n) == NULL && memchr(p, '|', n) == NULL && !has_space_run(p, le)))
		return false;
	else if (!pd_table_header(text, ls, (size_t) (le - (const unsigned char *) text), &t))
		return false;
	if (!grow(sg, (void **) &doc->tables, &sg->tcap, sizeof(pd_table), doc->ntables + 1))
		return true;			/* sg->failed is set */
	doc->tables[doc->ntables++] = t;
	sg->table = doc->ntables;
	sg->table_rows = 0;
	sg->table_lines = 0;
	sg->table_depth = 0;		/* set by its first row; none from the table before */
	sg->mode = MODE_TABLE;
	return true;
}

/* a cell with nothing to name a task: empty, or the |---|:--| rule of markdown */
static bool
rule_cell(const unsigned char *p, const unsigned char *e)
{
	for (; p < e; p++)
		if (*p != '-' && *p != ':' && *p != ' ' && *p != '=')
			return false;
	return true;
}

/*
 * Does the line at p carry on the numbering of the body above a table in it
 * — the next number of a level that holds the table (四、 after 三、任务分工)?
 * A category row of the table (一、…) does not.
 */
static bool
continues_body(seg *sg, const unsigned char *p, const unsigned char *le)
{
	marker		m;

	if (sg->table_depth < 2 || !pd_read_marker(p, le, &m))
		return false;
	for (int i = 0; i < sg->table_depth - 1 && i < sg->depth; i++)
		if (sg->stack[i].style == m.style)
			return m.num[m.ncomp - 1] == sg->stack[i].num + 1;
	return false;
}

/*
 * Running text ends a table.  Rows in a part of their own: what follows is
 * no child of the last row, so only a fresh 1 starts numbering again (a new
 * part).  Rows under an item of the body (三、任务分工 and its table): the
 * numbering of the body goes on (四、…), and a new level opens under that
 * item, not under the last row.
 */
static void
table_end(seg *sg)
{
	sg->mode = MODE_NORMAL;
	if (sg->table_depth > 1 && sg->table_rows > 0)
		sg->depth = sg->table_depth - 1;
	else if (sg->table_rows > 0)
		sg->part_pending = true;
}

static bool add_row(seg *sg, const pd_table *t, long num, size_t mstart, size_t mend,
					size_t hs, size_t he, const unsigned char *le, int line);

/*
 * A line of a table printed one cell per line: the next number in order
 * starts a row, whose task is the cell task_col lines further on; any other
 * line is a cell.  A run of lines longer than two rows' worth with no row
 * number ends the table.
 */
static bool
table_line_vertical(seg *sg, const pd_table *t, const unsigned char *p, const unsigned char *le, int line)
{
	const char *text = sg->doc->text;
	const unsigned char *base = (const unsigned char *) text;
	size_t		s0 = (size_t) (pd_skip_decoration(p, le) - base),
				e0 = (size_t) (pd_trim_decoration_end(base + s0, le) - base);
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			n;

	if (pd_table_row_number(text, s0, e0) != sg->table_rows + 1)
	{
		if (sg->table_rows > 0 &&
			(++sg->table_lines > 2 * t->ncols + 2 || continues_body(sg, base + s0, le)))
		{
			table_end(sg);
			return false;
		}
		return true;			/* a cell, or the header */
	}
	sg->table_lines = 0;
	/* the task cell: task_col cells further on, unless the next row comes first */
	n = pd_split_cells(text, s0, sg->doc->len, PD_SEP_LINES, cells, t->task_col + 1);
	if (n <= t->task_col || pd_table_row_number(text, cells[t->task_col][0], cells[t->task_col][1]) > 0)
		return true;
	for (int k = 1; k <= t->task_col; k++)
		if (pd_table_row_number(text, cells[k][0], cells[k][1]) == sg->table_rows + 2)
			return true;
	return add_row(sg, t, sg->table_rows + 1, s0, e0, cells[t->task_col][0], cells[t->task_col][1], le, line);
}

/*
 * A line inside a table: a row becomes an item of the table's part.
 * Returns false when the table has ended and the line is to be read as
 * ordinary text.
 */
static bool
table_line(seg *sg, const unsigned char *p, const unsigned char *le, int line)
{
	pd_doc	   *doc = sg->doc;
	const char *text = doc->text;
	const unsigned char *base = (const unsigned char *) text;
	const pd_table *t = &doc->tables[sg->table - 1];
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			n;
	long		num;
	int			k = 0;

	if (t->sep == PD_SEP_LINES)
		return table_line_vertical(sg, t, p, le, line);
	n = pd_split_cells(text, (size_t) (p - base), (size_t) (le - base), t->sep, cells, PD_TABLE_MAX_COLS);
	if (n < 2)
	{
		/*
		 * A short line without a sentence end is a category row or a cell
		 * that wrapped: the table goes on.  Running text ends it; what
		 * follows is no child of the last row, so only a fresh 1 starts
		 * numbering again (a new part).
		 */
		const unsigned char *q = pd_skip_decoration(p, le);
		const unsigned char *next;

		if (pd_fold(pd_peek(q, le, &next)) == 0x9644 /* 附 */ && attachment_header(q, le) != 0)
		{
			sg->mode = MODE_NORMAL;	/* the next attached text */
			return false;
		}
		if (continues_body(sg, q, le))
		{
			table_end(sg);		/* 四、保障措施 after the table of 三、任务分工 */
			return false;
		}
		if (le - q <= 120 && !pd_has_sentence_end(q, le))
		{
			remember_plain(sg, q, le);	/* it may title the next table */
			return true;
		}
		table_end(sg);
		return false;
	}
	if (t->number_col >= 0)
	{
		num = (n > t->number_col)
			? pd_table_row_number(text, cells[t->number_col][0], cells[t->number_col][1]) : -1;
		if (num < 1)
			return true;		/* a category row: 一、优化营商环境 | | |; or 0 */
	}
	else
		num = sg->table_rows + 1;
	if (n <= t->task_col || rule_cell(base + cells[t->task_col][0], base + cells[t->task_col][1]))
		return true;

	/*
	 * The marker is the 序号 cell; a table without one has no number to
	 * print, and its rows are marked by their first cell that says
	 * something (the task cell at the latest).
	 */
	if (t->number_col >= 0)
		k = t->number_col;
	else
		while (k < t->task_col && cells[k][1] == cells[k][0])
			k++;
	return add_row(sg, t, num, cells[0][0], cells[k][1], cells[t->task_col][0], cells[t->task_col][1], le, line);
}

/*
 * A row of table t numbered num: an item whose marker is text[mstart, mend)
 * and whose heading is the task cell text[hs, he).  After a 附件 line the
 * first row opens the table's own part; in the body the rows are children of
 * the item whose text holds the table.
 */
static bool
add_row(seg *sg, const pd_table *t, long num, size_t mstart, size_t mend,
		size_t hs, size_t he, const unsigned char *le, int line)
{
	pd_doc	   *doc = sg->doc;
	const unsigned char *base = (const unsigned char *) doc->text;
	marker		m;
	int			depth;
	pd_item    *it;

	memset(&m, 0, sizeof(m));
	m.style = ST_TABLE_ROW;
	m.ncomp = 1;
	m.num[0] = num;
	m.len = mend - mstart;
	if (sg->table_rows > 0)
		depth = sg->table_depth;
	else if (sg->part_pending)
		depth = -1;				/* after 附件: the table is an attached text */
	else if (doc->nitems == 0)
		depth = 1;				/* the table is all there is */
	else
		depth = sg->depth + 1;	/* in the body: rows under the item that holds it */
	sg->table_depth = depth < 0 ? 1 : depth;
	sg->part_pending = false;
	if (!add_item(sg, &m, depth, base + mstart, le, line) ||
		doc->nitems == 0 || doc->items[doc->nitems - 1].line != line)
		return true;			/* out of memory (sg->failed), or beyond the limits */
	it = &doc->items[doc->nitems - 1];
	it->table = (int) (t - doc->tables) + 1;
	it->head_start = hs;
	it->head_end = he;
	sg->table_rows++;
	return true;
}

static void
segment_line(seg *sg, const unsigned char *ls, const unsigned char *le, int line)
{
	const unsigned char *base = (const unsigned char *) sg->doc->text;
	const unsigned char *p = pd_skip_decoration(ls, le);
	marker		m;
	bool		have_marker;
	int			att;
	uint32_t	c0;				/* first character, folded: cheap dispatch */

	if (p == le)
	{
		if (sg->mode == MODE_ATTACH_LIST)
			sg->mode = MODE_NORMAL;
		return;
	}

	{
		const unsigned char *next;

		c0 = pd_fold(pd_peek(p, le, &next));
	}

	/* task-division tables: a header starts one, rows are its items */
	if (sg->mode == MODE_TABLE)
	{
		if (table_start(sg, p, le) || table_line(sg, ls, le, line))
			return;
	}
	else if ((sg->mode == MODE_NORMAL || sg->mode == MODE_BOX) && table_start(sg, p, le))
		return;

	/* tables of contents: skip until the first entry comes round again */
	if (sg->mode == MODE_TOC)
	{
		if (pd_read_marker(p, le, &m))
		{
			if (sg->toc_style == ST_NONE)
			{
				sg->toc_style = m.style;
				sg->toc_num = m.num[m.ncomp - 1];
				return;
			}
			if (m.style != sg->toc_style || m.num[m.ncomp - 1] != sg->toc_num)
				return;
			sg->mode = MODE_NORMAL;
		}
		else if (++sg->toc_lines > 400)
			sg->mode = MODE_NORMAL;
		else
			return;
	}
	else if (c0 == 0x76EE /* 目 */ && is_toc_heading(p, le))
	{
		sg->mode = MODE_TOC;
		sg->toc_style = ST_NONE;
		sg->toc_lines = 0;
		return;
	}

	/* attachments: a list of them, or the start of an attached text */
	att = (c0 == 0x9644 /* 附 */) ? attachment_header(p, le) : 0;
	if (att == 2)
	{
		sg->mode = MODE_ATTACH_LIST;
		return;
	}
	if (att == 1)
	{
		if (sg->doc->nitems > 0)
		{
			sg->part_pending = true;
			if (sg->boundary == 0)
				sg->boundary = (size_t) (ls - base);
		}
		sg->title_start = sg->title_end = 0;
		return;
	}

	/* boxes: 专栏1 …, 表1 … */
	if ((c0 == 0x4E13 /* 专 */ || c0 == 0x8868 /* 表 */) && is_box_start(p, le))
	{
		sg->mode = MODE_BOX;
		return;
	}

	have_marker = pd_read_marker(p, le, &m);
	if (have_marker && sg->mode == MODE_ATTACH_LIST)
	{
		if (!pd_has_sentence_end(p, le))
			return;				/* one more attachment title */
		sg->mode = MODE_NORMAL;
	}
	else if (!have_marker && sg->mode == MODE_ATTACH_LIST)
		sg->mode = MODE_NORMAL;

	if (have_marker)
	{
		int			depth = 0;

		if (m.style == ST_SECTION_ITEM)
		{
			if (sg->mode == MODE_NORMAL && !sg->part_pending)
				depth = place_section_item(sg, &m);
		}
		else if (m.style >= ST_AR_MULTI)
		{
			/* 1.1 glued to its text counts only where multi-level numbers are in use */
			if (sg->mode == MODE_NORMAL && !sg->part_pending &&
				(!m.tight || (sg->depth > 0 && sg->stack[sg->depth - 1].style >= ST_AR_MULTI)))
				depth = place_multi(sg, &m);
		}
		else
			depth = place(sg, &m, sg->mode == MODE_BOX);
		if (depth != 0)
		{
			if (!add_item(sg, &m, depth, p, le, line))
				return;
			mid_line_markers(sg, p + m.len, le, line);
			return;
		}
	}

	remember_plain(sg, p, le);
	if (sg->mode == MODE_NORMAL && sg->doc->nitems > 0)
		mid_line_markers(sg, p, le, line);
}

/*
 * The end of a news lead that precedes the document itself: the line holding
 * 原文件如下 / 全文如下 / 原文如下 (same in both scripts).  Looked for in the
 * first 16 KB only (a news lead is a few paragraphs), with memmem on the
 * shared 如下.
 */
static const pd_word lead_cue_words[] = {{"原文件"}, {"全文"}, {"原文"}};
static pd_wordtab lead_cue_tab = PD_WORDTAB(lead_cue_words);

static size_t
find_body_start(const char *text, size_t len)
{
	size_t		limit = len < 16384 ? len : 16384;
	const char *p = text;
	const char *end = text + limit;

	while (p < end)
	{
		const char *hit = memmem(p, (size_t) (end - p), "如下", 6);

		if (hit == NULL)
			return 0;
		if (pd_word_before_text(&lead_cue_tab, (const unsigned char *) text,
								(const unsigned char *) hit, NULL) >= 0)
		{
			const char *nl = memchr(hit, '\n', len - (size_t) (hit - text));

			return nl ? (size_t) (nl - text) + 1 : len;
		}
		p = hit + 6;
	}
	return 0;
}

/* ---- entry points -------------------------------------------------------- */

pd_status
pd_segment(const char *text, size_t len, const pd_segment_opts *opts,
		   pd_doc *doc, pd_error *err)
{
	seg			sg;
	const unsigned char *base = (const unsigned char *) text;
	const unsigned char *end = base + len;
	const unsigned char *p;
	size_t		next_check = PD_INTERRUPT_STRIDE;
	int			line = 1;

	memset(doc, 0, sizeof(*doc));
	memset(&sg, 0, sizeof(sg));
	doc->text = text;
	doc->len = len;
	doc->mem = (opts && opts->mem) ? opts->mem : &pd_malloc_mem;
	sg.doc = doc;
	sg.mem = doc->mem;

	doc->body_start = find_body_start(text, len);
	p = base + doc->body_start;
	for (const unsigned char *q = base; q < p && (q = memchr(q, '\n', (size_t) (p - q))) != NULL; q++)
		line++;					/* the preamble's lines */

	while (p < end)
	{
		const unsigned char *nl = memchr(p, '\n', (size_t) (end - p));
		const unsigned char *le = nl ? nl : end;
		const unsigned char *ce = le;

		if (ce > p && ce[-1] == '\r')
			ce--;
		segment_line(&sg, p, ce, line);
		if (sg.failed)
		{
			pd_doc_free(doc);
			return pd_fail(err, PD_ENOMEM, 0, "Out of memory while segmenting the document.");
		}
		p = nl ? nl + 1 : end;
		line++;
		if ((size_t) (p - base) >= next_check)
		{
			next_check += PD_INTERRUPT_STRIDE;
			if (opts && opts->interrupt && opts->interrupt(opts->interrupt_ctx))
			{
				pd_doc_free(doc);
				return pd_fail(err, PD_ECANCEL, 0, "Segmentation was cancelled.");
			}
		}
	}

	/* close the last item at the end of the text, trailing space trimmed */
	{
		size_t		e = len;

		while (e > 0 && (base[e - 1] == '\n' || base[e - 1] == '\r' ||
						 base[e - 1] == ' ' || base[e - 1] == '\t'))
			e--;
		close_previous(&sg, sg.boundary ? sg.boundary : e);
	}
	/* own text ends before the blank lines that separate it from the next */
	for (int i = 0; i < doc->nitems; i++)
	{
		pd_item    *it = &doc->items[i];

		while (it->own_end > it->marker_end &&
			   (base[it->own_end - 1] == '\n' || base[it->own_end - 1] == '\r' ||
				base[it->own_end - 1] == ' ' || base[it->own_end - 1] == '\t'))
			it->own_end--;
		it->tree_end = it->own_end;
	}
	for (int i = doc->nitems - 1; i >= 0; i--)
	{
		int			parent = doc->items[i].parent;

		if (parent >= 0 && doc->items[parent].tree_end < doc->items[i].tree_end)
			doc->items[parent].tree_end = doc->items[i].tree_end;
	}
	doc->skipped = sg.skipped;
	return PD_OK;
}

void
pd_doc_free(pd_doc *doc)
{
	if (doc->mem && doc->mem->release)
	{
		if (doc->items)
			doc->mem->release(doc->mem->ctx, doc->items);
		if (doc->parts)
			doc->mem->release(doc->mem->ctx, doc->parts);
		if (doc->tables)
			doc->mem->release(doc->mem->ctx, doc->tables);
	}
	doc->items = NULL;
	doc->parts = NULL;
	doc->tables = NULL;
	doc->nitems = doc->nparts = doc->ntables = 0;
}

size_t
pd_item_heading(const pd_doc *doc, const pd_item *item, char *buf)
{
	const unsigned char *p = (const unsigned char *) doc->text + item->head_start;
	const unsigned char *end = heading_end(p, (const unsigned char *) doc->text + item->head_end);
	size_t		len = 0;
	int			chars = 0;

	/*
	 * Copy bytes, counting characters by their lead bytes; leave out
	 * markdown emphasis (*) and bytes that cannot start a character (the
	 * server never has them; planload and the fuzzers may).
	 */
	while (p < end)
	{
		unsigned char b = *p;
		int			n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;

		if (n == 0 || end - p < n || (n > 1 && (p[1] & 0xC0) != 0x80) ||
			(n > 2 && (p[2] & 0xC0) != 0x80) || (n > 3 && (p[3] & 0xC0) != 0x80))
		{
			p++;
			continue;
		}
		if (b != '*')
		{
			if (chars == PD_HEADING_MAX_CHARS)
				break;
			memcpy(buf + len, p, (size_t) n);
			len += (size_t) n;
			chars++;
		}
		p += n;
	}
	/* trailing white space and a final 。 go */
	while (len > 0)
	{
		if (buf[len - 1] == ' ' || buf[len - 1] == '\t')
			len--;
		else if (len >= 3 && memcmp(buf + len - 3, "\xE3\x80\x82", 3) == 0)	/* 。 */
			len -= 3;
		else if (len >= 3 && memcmp(buf + len - 3, "\xE3\x80\x80", 3) == 0)	/* U+3000 */
			len -= 3;
		else
			break;
	}
	buf[len] = '\0';
	return len;
}
