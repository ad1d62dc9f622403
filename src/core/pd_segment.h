/*
 * pd_segment.h — a plan document as a tree of numbered items.
 *
 * pd_segment() walks a UTF-8 document once and returns its metadata (title,
 * own 发文字号, issuer, date, where the preamble ends) and every numbered item
 * in document order with its task code and byte offsets into the original
 * text, so every front end can return bodies exactly as printed.
 *
 * Extractors (units, targets, places) run on each item's own text
 * [own_start, own_end): the span from the item's marker up to the next
 * item's marker at any level.  That is what "the innermost task whose text
 * holds the bracket" means.
 */
#ifndef PD_SEGMENT_H
#define PD_SEGMENT_H

#include "pd_core.h"
#include "pd_taskcode.h"
#include "pd_table.h"

typedef struct pd_item
{
	pd_tc		code;			/* printed numbers in nesting order */
	int			depth;			/* 1 = top level */
	int			part;			/* attached text (附件), 1-based */
	int			parent;			/* index of the parent item, -1 at top */
	int			line;			/* 1-based line of the marker */
	int			style;			/* numbering style id (internal, for tests) */
	size_t		marker_start;	/* the marker: 一、 （十五） 1. ... */
	size_t		marker_end;
	size_t		head_start;		/* heading as printed: from here to its first */
	size_t		head_end;		/* sentence end before head_end, the end of the
								 * marker's line (pd_item_heading) */
	size_t		own_end;		/* end of this item's own text */
	size_t		tree_end;		/* end of its last descendant's text */
	int			table;			/* a table row: 1-based index into doc->tables;
								 * 0 for a numbered paragraph */
} pd_item;

typedef struct pd_part
{
	size_t		title_start;	/* the attached text's title line, or 0/0 */
	size_t		title_end;
	size_t		start;			/* first byte of the part's first item */
} pd_part;

typedef struct pd_doc
{
	const char *text;			/* the document, not owned */
	size_t		len;

	/* metadata; offsets into text, start == end when absent */
	size_t		title_start,
				title_end;		/* 关于印发…的通知, or the plan's own title */
	size_t		docno_start,
				docno_end;		/* own 发文字号 as printed */
	size_t		issuer_start,
				issuer_end;
	int			year,
				month,
				day;			/* date of issue, 0 if none */
	size_t		body_start;		/* end of the preamble */
	int			plan_year;		/* first year of the five-year plan the text
								 * names most (十四五: 2021), 0 if none */

	pd_item    *items;
	int			nitems;
	pd_part    *parts;
	int			nparts;
	pd_table   *tables;			/* task-division tables, whose rows are items */
	int			ntables;
	int			skipped;		/* markers beyond taskcode's limits, kept as text */

	/* owned memory, released by pd_doc_free */
	const pd_mem *mem;
} pd_doc;

typedef struct pd_segment_opts
{
	const pd_mem *mem;			/* NULL: malloc */
	pd_interrupt_fn interrupt;	/* NULL: never interrupted */
	void	   *interrupt_ctx;
} pd_segment_opts;

/*
 * Segment text[0..len).  Never fails on content (any bytes are a document,
 * possibly with no items); fails only with PD_ENOMEM or PD_ECANCEL.
 */
pd_status	pd_segment(const char *text, size_t len, const pd_segment_opts *opts,
					   pd_doc *doc, pd_error *err);
void		pd_doc_free(pd_doc *doc);

/*
 * Fill the metadata fields of a segmented document (title, own docno,
 * issuer, date).  Separate from pd_segment() so that callers who want only
 * the items do not pay for it.  Fails only with PD_ECANCEL.
 */
pd_status	pd_doc_metadata(pd_doc *doc, const pd_segment_opts *opts, pd_error *err);

/*
 * The document's own year, after pd_doc_metadata(): its date of issue, else
 * the year of its own 发文字号, else the first year of the period its title
 * names (“十四五”…规划 2021, （2023—2025年） 2023), else doc->plan_year, the
 * first year of the five-year plan the text names most (“十三五”… “十四五”…
 * 2021; a tie goes to the later plan, 展望“十五五” is not counted); 0 when
 * none is printed.  Cheap: the text was read by pd_doc_metadata().  The target scanner uses it to tell a report on a
 * finished plan period (“十三五”期间… in a plan of 2021) from goals.
 */
int			pd_doc_own_year(const pd_doc *doc);

/*
 * Copy text[start..end) into buf (at least end - start + 1 bytes) without
 * line breaks and the indent after them: a title printed over two lines
 * reads as one.  Returns the length.
 */
size_t		pd_clean_span(const char *text, size_t start, size_t end, char *buf);

/*
 * The heading of an item cleaned up for output: the text after the marker
 * up to the first 。 ； ： : or end of line, without markdown emphasis (**),
 * trimmed, cut to PD_HEADING_MAX_CHARS characters.  Writes into buf (at least
 * PD_HEADING_MAX_BYTES) and returns the length.
 */
#define PD_HEADING_MAX_CHARS 40
#define PD_HEADING_MAX_BYTES (PD_HEADING_MAX_CHARS * 4 + 1)
size_t		pd_item_heading(const pd_doc *doc, const pd_item *item, char *buf);

#endif
