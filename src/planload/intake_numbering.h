/*
 * intake_numbering.h — Word's automatic list numbering (WordprocessingML
 * numbering.xml) rendered as the text a printed page shows.  Library-free:
 * intake_docx.c reads numbering.xml into these structures; the counting and
 * the number formats are here, with a C test of their own.
 *
 * The model (ECMA-376 Part 1, 17.9):
 *   - an abstract numbering definition has up to nine levels, each with a
 *     start value, a number format (w:numFmt), a level text ("%1、",
 *     "（%2）", "%1.%2") and a restart rule (w:lvlRestart: by default a
 *     level starts again whenever a higher level is used; 0 = never;
 *     n = when level n or a higher one is used);
 *   - a numbering instance (w:num, the numId paragraphs name) points to one
 *     abstract definition and may override a level's start
 *     (w:lvlOverride/w:startOverride) or the whole level;
 *   - counters belong to the abstract definition, as in Word: instances of
 *     one definition continue each other's numbering, and an instance with
 *     a start override restarts that level the first time it is used.
 */
#ifndef PL_INTAKE_NUMBERING_H
#define PL_INTAKE_NUMBERING_H

#include <stdbool.h>
#include <stddef.h>

#define PL_NUM_LEVELS 9

typedef struct pl_num_level
{
	int			start;			/* w:start (default 1) */
	int			restart;		/* w:lvlRestart; -1 = default */
	char		fmt[32];		/* w:numFmt (default "decimal") */
	char		text[64];		/* w:lvlText, UTF-8 */
	char		suff;			/* 't' tab (default), 's' space, 'n' nothing */
	bool		legal;			/* w:isLgl: every %n as decimal */
	bool		defined;
} pl_num_level;

typedef struct pl_num_abstract
{
	int			id;
	pl_num_level lvl[PL_NUM_LEVELS];
	int			count[PL_NUM_LEVELS];
	bool		started[PL_NUM_LEVELS];
} pl_num_abstract;

typedef struct pl_num_instance
{
	int			id;				/* numId */
	int			abstract;		/* index into pl_numbering.abs, -1 = none */
	int			start_override[PL_NUM_LEVELS];	/* -1 = none */
	bool		override_used[PL_NUM_LEVELS];
	pl_num_level lvl_override[PL_NUM_LEVELS];	/* .defined when overridden */
} pl_num_instance;

typedef struct pl_numbering
{
	pl_num_abstract *abs;
	int			nabs;
	pl_num_instance *num;
	int			nnum;
} pl_numbering;

void		pl_num_level_default(pl_num_level *l, int ilvl);

/*
 * The number a paragraph of instance numId at level ilvl shows, counted
 * (the counters advance), into buf: "一、", "（三）", "2.1 ".  Empty when the
 * instance does not exist, numId is 0, or the format is a bullet or none.
 * Returns the length.
 */
size_t		pl_num_render(pl_numbering *nb, int numId, int ilvl, char *buf, size_t buflen);

/*
 * n in the number format fmt (w:numFmt values: decimal, chineseCounting,
 * chineseCountingThousand, ideographDigital, japaneseCounting,
 * chineseLegalSimplified, decimalFullWidth, decimalEnclosedCircle,
 * decimalEnclosedParen, lowerLetter, upperRoman, ...) into buf; unknown
 * formats as decimal.  Returns the length.
 */
size_t		pl_num_format(const char *fmt, int n, char *buf, size_t buflen);

void		pl_numbering_free(pl_numbering *nb);

#endif
