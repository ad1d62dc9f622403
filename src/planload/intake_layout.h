/*
 * intake_layout.h — fixed-layout pages (PDF, OFD) to running text
 * (intake_layout.c).  The decoders hand over the characters of each page
 * with their boxes; this module builds the lines, removes what the page
 * layout added (running headers and footers, page numbers) and rejoins the
 * lines of a paragraph.  Library-free, so it is fuzzed on its own.
 *
 * Coordinates: any unit, x to the right and y downwards from the page's top
 * left corner (PDF's are turned over by poppler, OFD's are so already).
 */
#ifndef PL_INTAKE_LAYOUT_H
#define PL_INTAKE_LAYOUT_H

#include "intake.h"

typedef struct pl_glyph
{
	uint32_t	cp;
	float		x0,
				y0,
				x1,
				y1;
} pl_glyph;

typedef struct pl_page
{
	pl_glyph   *g;
	size_t		n,
				cap;
	double		width,
				height;
} pl_page;

typedef struct pl_layout
{
	pl_page    *pages;
	int			npages,
				cap;
	size_t		glyphs;			/* over all pages (capped by PL_MAX_OUT_TEXT) */
	bool		over;
} pl_layout;

/* a new page; false when out of memory or over PL_MAX_PAGES */
bool		pl_layout_page(pl_layout *l, double width, double height);

/* a character on the last page (white space is dropped: gaps are measured) */
void		pl_layout_glyph(pl_layout *l, uint32_t cp, double x0, double y0, double x1, double y1);

/* the text of all pages into out; false (why) when the pages hold no text */
bool		pl_layout_text(pl_layout *l, pl_buf *out, char *why, size_t whylen);

void		pl_layout_free(pl_layout *l);

/* is this line (UTF-8) a page number: "— 3 —", "- 3 -", "第3页", "3/12", "·3·", "3"? */
bool		pl_is_page_number(const char *s, size_t len);

/* does this line start with a heading number: 一、 （一） 1. （1） 第一章 ①? */
bool		pl_starts_heading(const char *s, size_t len);

#endif
