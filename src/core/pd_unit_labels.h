/*
 * pd_unit_labels.h — the labels that name a unit's role (unit_labels.c).
 *
 * 牵头单位, 责任单位（部门）, 配合单位, 主(协)办机关 …: the words a plan prints
 * before a list of units, in a bracket (（牵头单位：A）), in running text
 * (主辦機關：A) or as a table's header cell.  The lowest piece of the unit
 * module: the table reader (table.c) asks it which header cells are unit
 * columns, the bracket grammar which role a list has, so both agree on one
 * list of labels.  It depends on the word-matching engine only.
 */
#ifndef PD_UNIT_LABELS_H
#define PD_UNIT_LABELS_H

#include "pd_core.h"

/* the part a unit plays in a task */
typedef enum pd_unit_role
{
	PD_ROLE_RESPONSIBLE = 0,
	PD_ROLE_LEAD,
	PD_ROLE_CO,
	PD_ROLE_IMPLICIT
} pd_unit_role;

/*
 * The longest label at a[i] (folded code points, a[i, n)), after a level
 * word (市级, 区县) or not: its length in code points, or 0.  *lab receives
 * the label, a small number for the accessors below.
 */
int			pd_unit_label_at(const uint32_t *a, int i, int n, int *lab);

/* the longest label that a[lo, n) ends with, a level word before it included */
int			pd_unit_label_before(const uint32_t *a, int lo, int n, int *lab);

/* the role a label gives; combined labels (主(协)办机关) make bracketed names co */
pd_unit_role pd_unit_label_role(int lab);
bool		pd_unit_label_combined(int lab);

/* the label's folded code points: their count, *cps pointed at them */
int			pd_unit_label_cps(int lab, const uint32_t **cps);

/*
 * Is s[0, len) a unit label as a table's header cell prints it — 牵头单位,
 * 责任单位（部门）, 配合单位 — and nothing else but a bracketed note?
 */
bool		pd_unit_label_cell(const char *s, size_t len);

/* decode text[s, e) folded into c (at most max; offs[0..n] the byte offsets, may be NULL) */
int			pd_unit_decode_folded(const char *text, size_t s, size_t e, uint32_t *c,
								  size_t *offs, int max);

/* the label tables are well formed (pd_wordtab_check), for tests */
bool		pd_unit_labels_selfcheck(void);

#endif
