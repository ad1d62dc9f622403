/*
 * unit_labels.c — the labels that name a unit's role: 牵头单位, 责任单位,
 * 配合单位, 主(协)办机关 … and the level words a label may carry (市级牵头单位).
 *
 * Owns: the label table (role and "combined" in each word's payload), the
 * lookups forwards and backwards, and the header-cell test that table.c
 * uses to find unit columns.  Must not: know anything about brackets,
 * names or tables beyond the label itself — it is the lowest piece of the
 * unit module (pd_units_int.h), and table.c relies on it not reaching up.
 */
#include "pd_units_int.h"

/*
 * Labels that name the role of the units after them: the payload a is the
 * role, b is 1 for combined labels (主(协)办机关: bracketed names are co).
 */
static const pd_word label_words[] = {
	{"责任单位", PD_ROLE_RESPONSIBLE, 0}, {"责任部门", PD_ROLE_RESPONSIBLE, 0},
	{"责任主体", PD_ROLE_RESPONSIBLE, 0}, {"负责单位", PD_ROLE_RESPONSIBLE, 0},
	{"负责部门", PD_ROLE_RESPONSIBLE, 0}, {"承办单位", PD_ROLE_RESPONSIBLE, 0},
	{"实施单位", PD_ROLE_RESPONSIBLE, 0}, {"实施主体", PD_ROLE_RESPONSIBLE, 0},
	{"责任处室", PD_ROLE_RESPONSIBLE, 0}, {"主体责任单位", PD_ROLE_RESPONSIBLE, 0},
	{"牵头单位", PD_ROLE_LEAD, 0}, {"牵头部门", PD_ROLE_LEAD, 0}, {"牵头责任单位", PD_ROLE_LEAD, 0},
	{"牵头负责单位", PD_ROLE_LEAD, 0}, {"牵头负责部门", PD_ROLE_LEAD, 0}, {"牵头机关", PD_ROLE_LEAD, 0},
	{"主办机关", PD_ROLE_LEAD, 0}, {"主办单位", PD_ROLE_LEAD, 0}, {"主办部门", PD_ROLE_LEAD, 0},
	{"主责单位", PD_ROLE_LEAD, 0}, {"主责部门", PD_ROLE_LEAD, 0}, {"主要责任单位", PD_ROLE_LEAD, 0},
	{"牵头", PD_ROLE_LEAD, 0}, {"主办", PD_ROLE_LEAD, 0},
	{"配合单位", PD_ROLE_CO, 0}, {"配合部门", PD_ROLE_CO, 0}, {"协办机关", PD_ROLE_CO, 0},
	{"协办单位", PD_ROLE_CO, 0}, {"协办部门", PD_ROLE_CO, 0}, {"参与单位", PD_ROLE_CO, 0},
	{"参与部门", PD_ROLE_CO, 0}, {"参加单位", PD_ROLE_CO, 0}, {"协同单位", PD_ROLE_CO, 0},
	{"协同部门", PD_ROLE_CO, 0}, {"协作单位", PD_ROLE_CO, 0}, {"协助单位", PD_ROLE_CO, 0},
	{"配合", PD_ROLE_CO, 0}, {"协办", PD_ROLE_CO, 0}, {"参与", PD_ROLE_CO, 0},
	/* 牵头责任单位：A。协同责任单位：B: the other units under a lead */
	{"协同责任单位", PD_ROLE_CO, 0}, {"配合责任单位", PD_ROLE_CO, 0},
	{"其他责任单位", PD_ROLE_CO, 0}, {"相关责任单位", PD_ROLE_CO, 0},
	{"共同责任单位", PD_ROLE_CO, 0}, {"次要责任单位", PD_ROLE_CO, 0},
	{"参与责任单位", PD_ROLE_CO, 0}, {"协办责任单位", PD_ROLE_CO, 0},
	{"支持单位", PD_ROLE_CO, 0}, {"支持部门", PD_ROLE_CO, 0},
	{"指导单位", PD_ROLE_CO, 0}, {"协同责任部门", PD_ROLE_CO, 0},
	{"其他单位", PD_ROLE_CO, 0}, {"其他部门", PD_ROLE_CO, 0},
	{"其他责任部门", PD_ROLE_CO, 0}, {"相关责任部门", PD_ROLE_CO, 0},
	/* a department's own plan names its offices: 科室 处室 股室, a ministry's 司局 */
	{"牵头科室", PD_ROLE_LEAD, 0}, {"牵头处室", PD_ROLE_LEAD, 0}, {"牵头司局", PD_ROLE_LEAD, 0},
	{"责任科室", PD_ROLE_RESPONSIBLE, 0}, {"责任股室", PD_ROLE_RESPONSIBLE, 0},
	{"责任司局", PD_ROLE_RESPONSIBLE, 0},
	{"配合科室", PD_ROLE_CO, 0}, {"配合处室", PD_ROLE_CO, 0}, {"配合司局", PD_ROLE_CO, 0},
	{"协办科室", PD_ROLE_CO, 0}, {"协办处室", PD_ROLE_CO, 0},
	{"主(协)办机关", PD_ROLE_LEAD, 1}, {"主(协)办单位", PD_ROLE_LEAD, 1},
	{"主(协)办部门", PD_ROLE_LEAD, 1}, {"主协办机关", PD_ROLE_LEAD, 1},
	{"主协办单位", PD_ROLE_LEAD, 1}, {"主(协)办", PD_ROLE_LEAD, 1}
};
static pd_wordtab labels = PD_WORDTAB(label_words);

pd_unit_role
pd_unit_label_role(int lab)
{
	return (pd_unit_role) label_words[lab].a;
}

bool
pd_unit_label_combined(int lab)
{
	return label_words[lab].b != 0;
}

/* lab comes from a lookup, so the table is built */
int
pd_unit_label_cps(int lab, const uint32_t **cps)
{
	*cps = pd_word_cps(&labels, lab);
	return pd_word_len(&labels, lab);
}

/*
 * The level a label may name first, the same label for the unit's role:
 * 市级责任部门, 区县责任单位, 省级牵头单位.
 */
static const pd_word label_levels_words[] = {
	{"区县级"}, {"省级"}, {"市级"}, {"区级"}, {"县级"}, {"区县"}, {"市县"}, {"乡镇"}, {"镇街"},
	{"街镇"}, {"镇级"}
};
static pd_wordtab label_levels = PD_WORDTAB(label_levels_words);

/*
 * Longest label at a[i], after a level or not: its length in code points,
 * or 0; *lab receives the label (its index in label_words).
 */
int
pd_unit_label_at(const uint32_t *a, int i, int n, int *lab)
{
	int			w,
				lv;

	if (i >= n)
		return 0;
	if ((w = pd_word_at(&labels, a, i, n)) >= 0)
	{
		*lab = w;
		return pd_word_len(&labels, w);
	}
	if ((lv = pd_word_len_at(&label_levels, a, i, n)) > 0 && i + lv < n &&
		(w = pd_word_at(&labels, a, i + lv, n)) >= 0)
	{
		*lab = w;
		return lv + pd_word_len(&labels, w);
	}
	return 0;
}

/* longest label that a[lo, n) ends with, after a level or not */
int
pd_unit_label_before(const uint32_t *a, int lo, int n, int *lab)
{
	int			w = pd_word_before(&labels, a, lo, n),
				len;

	if (w < 0)
		return 0;
	*lab = w;
	len = pd_word_len(&labels, w);
	return len + pd_word_len_before(&label_levels, a, lo, n - len);	/* 市级牵头单位 */
}

bool
pd_unit_label_cell(const char *s, size_t len)
{
	uint32_t	c[33] = {0};	/* (all set for the compiler's sake: only c[0, n) is read) */
	int			n = pd_unit_decode_folded(s, 0, len, c, NULL, 33),
				i = 0,
				k;
	int			lab;

	if (n == 33)
		return false;			/* a header cell is short */
	while (i < n && (pd_is_space(c[i]) || c[i] == '*'))
		i++;
	k = pd_unit_label_at(c, i, n, &lab);
	if (k == 0)
		return false;
	k += i;
	while (k < n && (pd_is_space(c[k]) || c[k] == '*'))
		k++;
	/* 责任单位（部门）, 牵头单位(第一个为牵头): a note in brackets may follow */
	return k == n || c[k] == '(';
}

int
pd_unit_decode_folded(const char *text, size_t s, size_t e, uint32_t *c, size_t *offs, int max)
{
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;
	int			n = 0;

	while (p < end && n < max)
	{
		if (offs)
			offs[n] = (size_t) (p - (const unsigned char *) text);
		c[n++] = pd_fold(pd_u8_next(&p, end));
	}
	if (offs)
		offs[n] = (size_t) (p - (const unsigned char *) text);
	return n;
}

bool
pd_unit_labels_selfcheck(void)
{
	pd_wordtab *const tabs[] = {&labels, &label_levels};

	return pdu_tables_ok(tabs, sizeof(tabs) / sizeof(tabs[0]));
}
