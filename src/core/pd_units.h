/*
 * pd_units.h — responsible units: names, responsibility brackets, rules.
 *
 * Plans say who does what in brackets after each task:
 *   （责任单位：市公安局、市教委）              every unit responsible
 *   （牵头单位：A；配合单位：B、C）              A lead, B and C co
 *   （A牵头，B、C参与）   （A、B等负责）         roles from the verbs
 *   （主（協）辦機關：A（B、C））                 A lead, B and C co
 * and sometimes state document-wide rules once: "排在第一位的部门为牵头部门"
 * (the first unit of every bracket leads) or "所有任务均需区县落实、不再
 * 列出" (a unit responsible for every task without being listed).
 *
 * The module (src/core/unit_*.c; its map is in pd_units_int.h) finds those
 * brackets (and labelled lists without brackets, such as a line
 * "主辦機關：經濟部") in a span of UTF-8 text, splits the
 * unit lists, drops notes, assigns roles and normalises each name so the
 * same unit compares equal however it was printed.  Backend-free: memory
 * through pd_mem, cancellation through pd_interrupt_fn.  Linear in the
 * span: each bracket is read at most once per nesting level (at most
 * PD_UNIT_NEST deep) and brackets longer than PD_UNIT_GROUP_MAX_BYTES are
 * not responsibility brackets.
 */
#ifndef PD_UNITS_H
#define PD_UNITS_H

#include "pd_core.h"
#include "pd_unit_labels.h"

/* ---- names --------------------------------------------------------------- */

/* the longest unit name accepted, in characters (after normalisation) */
#define PD_UNIT_MAX_CHARS 64
/* a normalised name fits in this many bytes, terminator included */
#define PD_UNIT_NORM_MAX (PD_UNIT_MAX_CHARS * 4 + 1)

/*
 * Normalise a unit name: Traditional -> Simplified and full-width -> ASCII
 * (pd_fold), white space, quotes and markdown removed, 〔〕［］ read as
 * ( ), stray punctuation and unbalanced brackets at the ends dropped, and a
 * trailing 等 / 等部门 / 等有关部门 / 等单位 (and 相关 variants) dropped.
 * The short form stays short: 市發展改革委 -> 市发展改革委.
 *
 * Fails with PD_ESYNTAX (err->pos = 1-based character position in s) on an
 * empty name, a name without any letter or Chinese character, control
 * characters, an unbalanced bracket inside the name, a separator inside
 * the name (、，；：。 — a list, not a unit; 、 is kept in collectives that
 * begin with 各/有关/相关/其他, e.g. 各区、市政府), or a name longer than
 * PD_UNIT_MAX_CHARS.  out must hold PD_UNIT_NORM_MAX bytes; it is
 * NUL-terminated and *outlen (may be NULL) receives its length.
 */
pd_status	pd_unit_normalize(const char *s, size_t len, char *out, size_t *outlen,
							  pd_error *err);

/* ---- what a name says ------------------------------------------------------ */

typedef enum pd_unit_level
{
	PD_LEVEL_UNKNOWN = 0,
	PD_LEVEL_NATIONAL,			/* 国家: 发展改革委, 海关总署, 国务院办公厅 */
	PD_LEVEL_PROVINCE,			/* 省: 省财政厅, 重庆金融监管局, 安徽银保监局 */
	PD_LEVEL_CITY,				/* 市: 市公安局, 团市委, 市委编办 */
	PD_LEVEL_COUNTY,			/* 区县: 崂山区政府, 县教委 */
	PD_LEVEL_TOWNSHIP,			/* 乡镇: 龙兴镇政府, 街道办事处 */
	PD_LEVEL_COLLECTIVE			/* a group: 各区县政府, 有关区、市政府 */
} pd_unit_level;

typedef enum pd_unit_kind
{
	PD_KIND_UNKNOWN = 0,
	PD_KIND_DEPARTMENT,			/* government department: 市公安局, 发展改革委 */
	PD_KIND_GOVERNMENT,			/* a people's government itself: 崂山区政府 */
	PD_KIND_PARTY,				/* party organ: 市委编办, 省委组织部 */
	PD_KIND_VERTICAL,			/* central vertical agency: 人行重庆市分行 */
	PD_KIND_MASS,				/* mass organisation: 团市委, 市工商联 */
	PD_KIND_ENTERPRISE,			/* 省投资集团, 省铁塔公司 */
	PD_KIND_COLLECTIVE,			/* 各区县政府, 市相关部门, 专班成员单位 */
	PD_KIND_JUDICIAL,			/* 市高法院, 市检察院 */
	PD_KIND_INSTITUTION			/* public institution: 重庆大学, 市疾控中心 */
} pd_unit_kind;

/* from a normalised name only (no dictionary): IMMUTABLE knowledge */
pd_unit_level pd_unit_level_of(const char *norm, size_t len);
pd_unit_kind pd_unit_kind_of(const char *norm, size_t len);

/* "国家" "省" "市" "区县" "乡镇" "collective"; NULL for unknown */
const char *pd_unit_level_name(pd_unit_level level);

/* "government department" "government" "party organ" "central vertical
 * agency" "mass organisation" "enterprise" "collective"; NULL for unknown */
const char *pd_unit_kind_name(pd_unit_kind kind);

/*
 * The region a document's issuer names, as the dictionary keys it:
 * 重庆市人民政府 -> 重庆, 山东省人民政府办公厅 -> 山东, 青岛市 -> 青岛,
 * 国务院 / 国务院办公厅 / 中共中央 -> 国家.  Writes folded UTF-8 into out
 * (PD_UNIT_NORM_MAX bytes) and returns its length, 0 when no region shows.
 */
size_t		pd_unit_region(const char *s, size_t len, char *out);

/* ---- document rules ---------------------------------------------------- */

/* the part a unit plays in a task: pd_unit_role, pd_unit_labels.h */

typedef struct pd_unit_rules
{
	/* "排在第一位的部门为牵头部门" / "列第一位者为牵头单位" */
	bool		first_is_lead;
	size_t		lead_rule_start,
				lead_rule_end;	/* the clause stating it (byte offsets) */

	/*
	 * "括号内为牵头单位" / "括号中为责任单位": brackets of bare names, with
	 * no label or verb, name units in this role
	 */
	bool		bracket_names_units;
	pd_unit_role bracket_role;
	size_t		bracket_rule_start,
				bracket_rule_end;

	/* "所有任务均需区县落实、不再列出": a unit implied for every task */
	bool		has_implicit;
	char		implicit_unit[PD_UNIT_NORM_MAX];	/* normalised, e.g. 各区县政府 */
	size_t		implicit_len;
	size_t		implicit_rule_start,
				implicit_rule_end;
} pd_unit_rules;

/*
 * Pre-pass over a whole document for the rules above.  Only fails with
 * PD_ECANCEL when the interrupt callback asks to stop.
 */
pd_status	pd_unit_rules_scan(const char *text, size_t len,
							   pd_interrupt_fn interrupt, void *interrupt_ctx,
							   pd_unit_rules *rules, pd_error *err);

/* ---- extraction ---------------------------------------------------------- */

/* "responsible" "lead" "co" "implicit" */
const char *pd_unit_role_name(pd_unit_role role);

typedef struct pd_unit
{
	size_t		raw_start,
				raw_end;		/* the unit as printed (byte offsets into text) */
	size_t		group_start,
				group_end;		/* its bracket or labelled list */
	size_t		norm_off,
				norm_len;		/* normalised name: list->names + norm_off */
	pd_unit_role role;
	int			group;			/* 1-based bracket / list number in the span */
	int			ordinal;		/* 1-based position in its bracket / list */
} pd_unit;

/* a growing list of units; reuse it across spans with pd_unit_list_reset */
typedef struct pd_unit_list
{
	pd_unit    *units;
	int			n,
				cap;
	char	   *names;			/* normalised names, each NUL-terminated */
	size_t		names_len,
				names_cap;
	int			groups;			/* groups accepted in the current span */
	void	   *scratch;		/* the parser's work buffers, kept between spans */
	const pd_mem *mem;
} pd_unit_list;

void		pd_unit_list_init(pd_unit_list *list, const pd_mem *mem);	/* mem NULL: malloc */
void		pd_unit_list_reset(pd_unit_list *list);
void		pd_unit_list_free(pd_unit_list *list);

static inline const char *
pd_unit_name(const pd_unit_list *list, const pd_unit *u)
{
	return list->names + u->norm_off;
}

typedef struct pd_units_opts
{
	const pd_unit_rules *rules; /* NULL: no document rules */
	bool		dedupe;			/* one entry per normalised name (first mention,
								 * lead if any mention leads) */
	pd_interrupt_fn interrupt;	/* NULL: never interrupted */
	void	   *interrupt_ctx;
} pd_units_opts;

/* brackets deeper than this are read as text; longer ones are not lists */
#define PD_UNIT_NEST 8
#define PD_UNIT_GROUP_MAX_BYTES 3072

/*
 * Append the units of text[start, end) to list (which is not reset).
 * Never fails on content; fails only with PD_ENOMEM or PD_ECANCEL.
 */
pd_status	pd_units_extract(const char *text, size_t start, size_t end,
							 const pd_units_opts *opts, pd_unit_list *list,
							 pd_error *err);

/*
 * The units of one item of a segmented document (pd_segment.h): its own
 * text [marker_start, own_end) read with the document's rules, one entry
 * per unit name, then the rule's implicit unit unless the item names it.
 * The list is reset first.
 */
struct pd_doc;
pd_status	pd_item_units(const struct pd_doc *doc, int item, const pd_unit_rules *rules,
						  pd_interrupt_fn interrupt, void *interrupt_ctx,
						  pd_unit_list *list, pd_error *err);

/* append one unit (used for implicit units); PD_ENOMEM on failure */
pd_status	pd_unit_list_add(pd_unit_list *list, const char *norm, size_t norm_len,
							 pd_unit_role role, size_t raw_start, size_t raw_end,
							 pd_error *err);

/* every word table of the module is well formed (pd_wordtab_check; for tests) */
bool		pd_units_selfcheck(void);

/* does the list already hold this normalised name? */
bool		pd_unit_list_has(const pd_unit_list *list, const char *norm, size_t norm_len);

#endif
