/*
 * pd_marker.h — numbering markers, shared by the line walker (segment.c)
 * and the marker reader (segment_marker.c): the numbering styles and one
 * marker as read.  Not part of the public core API (pd_segment.h).
 */
#ifndef PD_MARKER_H
#define PD_MARKER_H

#include "pd_segment.h"

/*
 * Internal to the core: hidden from the extension's symbol table, so calls
 * between the core's files are direct, not through the PLT.
 */
#pragma GCC visibility push(hidden)

/* ---- numbering styles ------------------------------------------------- */

enum
{
	ST_NONE = 0,
	ST_CN_DUN,					/* 一、 一． */
	ST_CN_PAREN,				/* （一） (一) ㈠ */
	ST_AR_DOT,					/* 1. 1、 １． 1﹒ ⒈ */
	ST_AR_PAREN,				/* （1） (1) ⑴ */
	ST_AR_RPAREN,				/* 1） 1) */
	ST_CIRCLED,					/* ① */
	ST_ENCLOSED_OTHER,			/* + family: ㊀ ❶ ➀ ➊ ⓵ Ⅰ ⅰ */
	ST_CHAPTER = 20,			/* 第一章 */
	ST_SECTION,					/* 第一节 */
	ST_ARTICLE,					/* 第一条 */
	ST_PART,					/* 第一部分 / 第一篇 */
	ST_TABLE_ROW,				/* a row of a task-division table (pd_table.h) */
	ST_CN_CAPITAL,				/* 壹、 貳、: above 一、 (Taiwan's plans) */
	ST_SECTION_ITEM,			/* 1-1 2-3: item 3 of section 2 (Taiwan's plans) */
	ST_SECTION_IMPLIED,			/* the section of a 2-3 that no open level numbers */
	ST_AR_MULTI = 30			/* + number of components: 1.1 = 32 */
};

typedef struct marker
{
	int			style;
	int			ncomp;			/* components (1, or >1 for 1.1.1) */
	long		num[PD_TC_MAX_DEPTH];
	size_t		len;			/* bytes of the marker itself */
	bool		tight;			/* 1.1 glued to the text (no space) */
} marker;

/*
 * Try to read a marker at p (line content start, or after a sentence end).
 * Returns true and fills *m.  end is the end of the line.
 */
bool		pd_read_marker(const unsigned char *p, const unsigned char *end, marker *m);

#pragma GCC visibility pop

#endif							/* PD_MARKER_H */
