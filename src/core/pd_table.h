/*
 * pd_table.h — task-division tables printed as text.  Backend-free.
 *
 * Many 实施方案 put who does what in a table, usually an attachment
 * (重点任务分工表): a header row such as
 *
 *     序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限
 *
 * then one row per task.  Exported to text, the cells of a row stand on one
 * line separated by tabs (Word), by | (markdown) or by runs of two or more
 * spaces (pdftotext -layout); copied from a web page, each cell stands on
 * a line of its own.  The segmenter turns every row into an item
 * of its own part, numbered by its 序号 cell (or by its position when the
 * table has none); the units module reads the unit columns of a row under
 * the labels of their header cells.
 */
#ifndef PD_TABLE_H
#define PD_TABLE_H

#include "pd_lexicon.h"

/* how the cells of a row are separated */
typedef enum pd_cell_sep
{
	PD_SEP_NONE = 0,			/* one cell: not a row */
	PD_SEP_TAB,					/* \t */
	PD_SEP_PIPE,				/* | cell | cell | */
	PD_SEP_SPACES,				/* two or more spaces (ASCII or U+3000) */
	PD_SEP_LINES				/* one cell per line (an HTML table copied as
								 * text); blank lines are no cells */
} pd_cell_sep;

#define PD_TABLE_MAX_COLS 16

typedef struct pd_table
{
	pd_cell_sep sep;
	int			ncols;
	int			number_col;		/* the 序号 column, or -1 */
	int			task_col;		/* the column that names the task */
	size_t		col_start[PD_TABLE_MAX_COLS];	/* header cells as printed */
	size_t		col_end[PD_TABLE_MAX_COLS];
	bool		unit_col[PD_TABLE_MAX_COLS];	/* header cell is a unit label */
} pd_table;

/*
 * The separator a line's cells use, judged from the line text[ls, le):
 * a tab wins, then |, then a run of two spaces; PD_SEP_NONE otherwise.
 */
pd_cell_sep pd_cell_separator(const char *text, size_t ls, size_t le);

/*
 * Split text[ls, le) into cells by sep, each trimmed of spaces: (start, end)
 * byte offsets in cells[i][0..1].  Returns the number of cells (at most
 * max; the last one then runs to the end of the line).  Empty cells count:
 * column positions matter.
 */
int			pd_split_cells(const char *text, size_t ls, size_t le, pd_cell_sep sep,
						   size_t cells[][2], int max);

/* does the folded cell text[s, e) contain a word of the table? */
bool		pd_cell_has_word(const char *text, size_t s, size_t e, pd_wordtab *words);

/* is the whole folded cell text[s, e) one word of the table? */
bool		pd_cell_is_word(const char *text, size_t s, size_t e, pd_wordtab *words);

/*
 * Is text[ls, le) the header row of a task-division table?  It must have at
 * least three cells, one of them a unit label (牵头单位, 责任单位, 配合单位 …,
 * as pd_unit_label_cell() knows them), and either a 序号 column or a column
 * that names tasks (任务, 事项, 措施, 内容, 工作 …).  Fills *t.
 */
bool		pd_table_header(const char *text, size_t ls, size_t le, pd_table *t);

/*
 * Is the line at text[ls] the first of a header printed one cell per line —
 * 序号, then the other column names on lines of their own, then a row
 * numbered 1?  The same tests as pd_table_header(); fills *t (sep
 * PD_SEP_LINES, col_start/col_end the header lines).
 */
bool		pd_table_header_lines(const char *text, size_t ls, size_t len, pd_table *t);

/*
 * The number in a row's 序号 cell: Arabic (ASCII or full-width) or Chinese
 * digits, optionally with a trailing . 、 or ．or in brackets (（三）), and
 * nothing else; -1 if the cell is not a number.
 */
long		pd_table_row_number(const char *text, size_t cs, size_t ce);

/* ---- indicator tables (indicators.c) -------------------------------------- */

/*
 * A table of main indicators (主要指标) printed as text, rows by tab, | or
 * spaces as above:  指标 | 单位 | 2020年 | 2025年 | 属性.  Its rows are
 * targets (pd_target.h) of the latest year column, or of a 目标值 column.
 */
typedef struct pd_indicator_table
{
	pd_cell_sep sep;
	int			ncols;
	int			indicator_col;	/* 指标, 指标名称, 主要指标 */
	int			unit_col;		/* 单位, 计量单位; -1: in brackets after the name */
	int			target_col;		/* the latest year, or 目标值 */
	int			attr_col;		/* 属性 (预期性 / 约束性), or -1 */
	uint32_t	value_cols;		/* bit k: column k holds values (years, 目标值, 基期值) */
	int			year;			/* that year; 0 for a 目标值 column */
	int			span_col;		/* 年均/累计: the goal when the target cell is —, or -1 */
	bool		span_annual;	/* its header names 年均: unbracketed values are per year */
} pd_indicator_table;

/* Is text[ls, le) the header of an indicator table?  Fills *t. */
bool		pd_indicator_header(const char *text, size_t ls, size_t le, pd_indicator_table *t);

/*
 * Is the line at text[ls] the first of an indicator table's header printed
 * one cell per line (指标, 单位, 2020年, 2025年, 属性 on lines of their own)?
 * Fills *t (sep PD_SEP_LINES) and *rows_start, where its first row begins.
 */
bool		pd_indicator_header_lines(const char *text, size_t ls, size_t len, pd_indicator_table *t,
									  size_t *rows_start);

/*
 * Read the line text[ls, le) as a row of t: 0 when it is no row (the table
 * has ended), else 1, with the row's target in *hit when it states one
 * (hit->indicator_len > 0; raw_start/raw_end the row).
 */
struct pd_target_hit;
int			pd_indicator_row(const char *text, size_t ls, size_t le, const pd_indicator_table *t,
							 struct pd_target_hit *hit);

/*
 * Read the lines from text[ls] as a row of a table printed one cell per
 * line (t->sep PD_SEP_LINES): 0 when the table has ended there, else 1, with
 * *next where the following row begins and the row's target in *hit when it
 * states one.  A row ends with its 属性 cell (预期性, 约束性) when the table
 * has that column last, else after one cell per column.  Blank cells are
 * not printed, so the cells are aligned on the last one, and a row whose
 * cells do not fit their columns (a unit cell that is a sentence, words
 * under a year) gives no target: never a value from the wrong column.
 */
int			pd_indicator_row_lines(const char *text, size_t ls, size_t len, const pd_indicator_table *t,
								   struct pd_target_hit *hit, size_t *next);

#endif
