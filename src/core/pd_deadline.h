/*
 * pd_deadline.h — the deadlines a plan's tasks state, backend-free.
 *
 * Plans promise not only what but by when: 2025年底前完成, 2024年6月底前,
 * 2025年12月31日前, 年内, 2024—2026年, 2025年上半年, 每年, 长期坚持,
 * 2023年起.  Task-division tables carry them in a column (完成时限, 时间节点,
 * 进度安排).  pd_doc_deadlines() reads every numbered item's own text (and
 * the deadline cells of task-division table rows) and resolves each
 * deadline to a range of days; an item that states none inherits the
 * deadlines of its nearest ancestor that does.
 *
 * Kinds:
 *   by       a date by which: [unbounded, day after the last day)
 *   during   a period: [first day, day after the last day)
 *   from     a start with no end: [first day, unbounded)
 *   annual   a recurring deadline (每年, 每半年, 每季度, 每月):
 *            [1 January of the document's year, unbounded)
 *   ongoing  a standing task (长期坚持, 持续推进): the same range as annual
 *
 * Days are counted from 2000-01-01 (PostgreSQL's date epoch), so the SQL
 * side turns them into dates without arithmetic.
 */
#ifndef PD_DEADLINE_H
#define PD_DEADLINE_H

#include "pd_segment.h"

typedef enum pd_deadline_kind
{
	PD_DL_BY = 1,
	PD_DL_DURING,
	PD_DL_FROM,
	PD_DL_ANNUAL,
	PD_DL_ONGOING
} pd_deadline_kind;

/* an unbounded end of a range */
#define PD_DAY_NONE INT32_MIN

typedef struct pd_deadline
{
	int			item;			/* index into doc->items; -1 for pd_deadlines_scan */
	pd_deadline_kind kind;
	int32_t		lo;				/* first day (days from 2000-01-01), or PD_DAY_NONE */
	int32_t		hi;				/* the day after the last one, or PD_DAY_NONE */
	bool		inherited;		/* stated by an ancestor, not by this item */
	size_t		raw_start;		/* the deadline as printed: byte offsets */
	size_t		raw_end;		/* into the text (of the ancestor when inherited) */
} pd_deadline;

/* receives each deadline in document order; return false to stop (PD_ECANCEL) */
typedef bool (*pd_deadline_fn) (void *ctx, const pd_deadline *d);

typedef struct pd_deadline_opts
{
	pd_interrupt_fn interrupt;	/* NULL: never interrupted */
	void	   *interrupt_ctx;
	const pd_mem *mem;			/* NULL: malloc */
	bool		have_metadata;	/* pd_doc_metadata() has run on the document */
} pd_deadline_opts;

/*
 * Every deadline of every item of a segmented document, items in document
 * order.  Reads the document's metadata (pd_doc_metadata) when a relative
 * deadline needs its year, unless opts->have_metadata says it is there.
 * Never fails on content; PD_ENOMEM, PD_ECANCEL.
 */
pd_status	pd_doc_deadlines(pd_doc *doc, const pd_deadline_opts *opts,
							 pd_deadline_fn fn, void *ctx, pd_error *err);

/*
 * The year that 年内, 年底前, 上半年 … of a document mean, after
 * pd_doc_metadata(): the year of its date of issue, else of its own
 * 发文字号, else the one year its title names (…工作方案（2024年）; a title
 * naming a period or none gives none); 0 when none.
 */
int			pd_doc_deadline_year(const pd_doc *doc);

/*
 * The deadlines of any text, read as the own text of one item (item -1),
 * with year as the document's year (0: unknown; relative deadlines such as
 * 年内 are then not given).  Never fails on content.
 */
pd_status	pd_deadlines_scan(const char *text, size_t len, int year, const pd_deadline_opts *opts,
							  pd_deadline_fn fn, void *ctx, pd_error *err);

/* "by", "during", "from", "annual", "ongoing" */
const char *pd_deadline_kind_name(pd_deadline_kind kind);

/* days from 2000-01-01 of a proleptic Gregorian date (no range check), and back */
int32_t		pd_days_from_civil(int y, int m, int d);
void		pd_civil_from_days(int32_t days, int *y, int *m, int *d);

/* the word tables are well formed (pd_wordtab_check), for tests */
bool		pd_deadlines_selfcheck(void);

#endif
