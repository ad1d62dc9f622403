/*
 * pd_units_int.h — what the files of the unit module share.  Not an API:
 * included by src/core/unit_*.c only; the API is pd_units.h (and
 * pd_unit_labels.h for the labels table.c reads).
 *
 * The module in layers, lower first.  A file calls only into the files
 * above it in this list, never down the list:
 *
 *   unit_labels.c    the labels (牵头单位, 配合单位 …) and their roles
 *   unit_names.c     what a unit name is: name knowledge, unit_like(),
 *                    normalisation (pd_unit_normalize)
 *   unit_kinds.c     what a name says: level, kind, region
 *   unit_list.c      the unit list (pd_unit_list_*): storage only
 *   unit_brackets.c  the bracket grammar: items, pieces, verbs, role marks,
 *                    segments and groups (pdu_parse_group)
 *   unit_scan.c      the span scanner: which brackets and labelled lists of a
 *                    text to read (pd_units_extract)
 *   unit_rules.c     document rules (first-listed, bracket and implicit rules)
 *   unit_tables.c    task-division tables and the units of a document's items
 *
 * table.c (task-division tables) sits between unit_labels.c, which it asks
 * which header cells are unit labels (pd_unit_labels.h), and unit_tables.c,
 * which reads its tables; it never calls further up.
 * Every keyword table is a pd_word table of the word-matching engine
 * (pd_lexicon.h), matched on folded code points.
 */
#ifndef PD_UNITS_INT_H
#define PD_UNITS_INT_H

#include "pd_units.h"
#include "pd_lexicon.h"
#include "pd_scan.h"			/* CP_DUN, CP_JUHAO */

#define CP_HW_DUN	0xFF64		/* ､ half-width ideographic comma */

/*
 * A unit waiting for the verb or label that gives its role.  Every unit
 * has a real role when pdu_parse_group accepts its bracket.
 */
#define ROLE_PENDING ((pd_unit_role) 15)

static inline bool
pdu_is_cjk(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		(cp >= 0x20000 && cp <= 0x3FFFF);
}

static inline bool
pdu_is_letter(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || pdu_is_cjk(cp);
}

/* separators that split a list of units */
static inline bool
pdu_is_item_sep(uint32_t cp)
{
	return cp == CP_DUN || cp == ',' || cp == CP_HW_DUN;
}

/* separators that end a segment of a bracket: ；; 。 */
static inline bool
pdu_is_segment_sep(uint32_t cp)
{
	return cp == ';' || cp == CP_JUHAO;
}

/* a check of a file's word tables, for pd_units_selfcheck() */
static inline bool
pdu_tables_ok(pd_wordtab *const *tabs, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (pd_wordtab_check(tabs[k]) >= 0)
			return false;
	return true;
}

/* ---- unit_names.c: what a unit name is ---------------------------------- */

int			pdu_admin_word_at(const uint32_t *c, int i, int n);
bool		pdu_admin_first(uint32_t cp);
bool		pdu_admin_only(const uint32_t *c, int i, int n);
int			pdu_collective_prefix(const uint32_t *c, int n);
int			pdu_matching_open(const uint32_t *c, int lo, int close);
bool		pdu_has_unit_suffix(const uint32_t *c, int n);
int			pdu_zone_unit_suffix(const uint32_t *c, int n);
bool		pdu_bracket_is_note(const uint32_t *a, int i, int j);
bool		pdu_unit_like(const uint32_t *c, int n, bool strict);
bool		pdu_etc_groups(const uint32_t *c, int i, int n);
int			pdu_etc_tail(const uint32_t *c, int lo, int n);
bool		pdu_is_trim_char(uint32_t cp);
bool		pdu_normalize_piece(const uint32_t *cps, int n, bool strict, char *out,
								size_t *outlen);
int			pdu_decode_name(const char *s, size_t len, uint32_t *c);
bool		pdu_names_selfcheck(void);

/* ---- unit_kinds.c ------------------------------------------------------- */

bool		pdu_kinds_selfcheck(void);

/* ---- unit_brackets.c: the bracket grammar ------------------------------- */

/*
 * A bracket's content as folded code points with their byte offsets, kept
 * relative to the content's start in 16 bits (a group is at most
 * PD_UNIT_GROUP_MAX_BYTES): half the stores of absolute offsets.
 */
#define UB_MAX PD_UNIT_GROUP_MAX_BYTES
typedef struct ubuf
{
	uint32_t	cp[UB_MAX + 1];
	uint16_t	off[UB_MAX + 1];	/* off[n] = end of the content */
	size_t		base;			/* byte offset of the content in the text */
	int			n;
} ubuf;

/* text byte offset of code point i */
static inline size_t
ubuf_offset(const ubuf *b, int i)
{
	return b->base + b->off[i];
}

bool		pdu_ubuf_append(ubuf *b, const char *text, size_t s, size_t e);
bool		pdu_ubuf_fill(ubuf *b, const char *text, size_t s, size_t e);
bool		pdu_ubuf_put(ubuf *b, uint32_t c, size_t at);

struct norm_memo;

/* the parser's state for one span, kept in the list's scratch memory */
typedef struct uparse
{
	const char *text;
	const pd_units_opts *opts;
	pd_unit_list *list;
	pd_error   *err;
	pd_status	status;			/* PD_ENOMEM sticks here */
	struct norm_memo *memo;		/* this thread's memo of normalised pieces */
	size_t		span_start,		/* the text pdu_units_scan reads */
				span_end;
	ubuf		b;
} uparse;

#define G_LABEL_ONLY	0x1		/* accept only a list that starts with a label */
#define G_UNBRACKETED	0x2		/* a list in running text: stops at a non-label segment */
#define G_CLOSES_SENTENCE 0x4	/* a bracket that ends its sentence or stands after it */

uparse	   *pdu_parser_begin(const char *text, const pd_units_opts *opts, pd_unit_list *list,
							 pd_error *err);
bool		pdu_parse_group(uparse *P, int lab0, int flags, size_t gstart, size_t gend);
bool		pdu_brackets_selfcheck(void);

/* ---- unit_scan.c: the span scanner ------------------------------------- */

void		pdu_units_scan(uparse *P, size_t start, size_t end);
pd_status	pdu_finish_span(uparse *P, int first);
uint32_t	pdu_prev_cp(const char *text, size_t lo, size_t q, size_t *start);

/* ---- unit_rules.c ------------------------------------------------------- */

bool		pdu_rules_selfcheck(void);

#endif
