/*
 * pd_target.h — quantitative targets of plans: the target value type, its
 * unit table, and the sentence extractor.  Backend-free.
 *
 * A target is what a plan promises about one indicator: a comparator, a value
 * (or a range), a unit as printed and an optional "per year":
 *
 *     达到76%            >=76%            level,  percent
 *     每年稳定在65万人    ~65万人/年        level,  persons, per year
 *     打造2—3个          [2,3]个          level,  count, range
 *     年均增长7%          +7%/年           growth, percent, per year
 *     提高2个百分点以上    >=+2个百分点      growth, percentage points
 *     下降13.5%以上       <=-13.5%         growth (a decline is a negative change)
 *
 * Two kinds: a level target states where the indicator should be; a growth
 * target states how much it should change (a signed amount; the canonical
 * text always carries the sign, which is how the parser tells the kinds
 * apart).  The value is kept exactly as printed (a decimal), the unit as
 * printed but folded (Simplified script, half-width: 萬人 -> 万人, ％ -> %),
 * and the unit table gives the unit's dimension and its scale to the base
 * unit of that dimension (万人 = 10^4 人), so targets of different units
 * compare and convert.
 */
#ifndef PD_TARGET_H
#define PD_TARGET_H

#include "pd_core.h"

/* ---- exact decimals ------------------------------------------------------ */

/*
 * value = mant * 10^(-exp).  Parsed values are normalised (no trailing zeros
 * after the point, so exp >= 0 for them); arithmetic results may carry a
 * negative exp (700 * 10^4 is {7, -6}).  At most PD_DEC_DIGITS significant
 * digits.
 */
typedef struct pd_dec
{
	int64_t		mant;
	int32_t		exp;
} pd_dec;

#define PD_DEC_DIGITS 18
#define PD_DEC_MAX_EXP 18		/* at most 18 digits after the point */
#define PD_DEC_TEXT_MAX 64

/* Plain decimal text: optional sign, digits, optional point and digits,
 * optional exponent (1e6).  Trailing zeros after the point are dropped. */
pd_status	pd_dec_parse(const char *s, size_t len, pd_dec *out, pd_error *err);

/* plain notation, no exponent; buf >= PD_DEC_TEXT_MAX; returns length */
size_t		pd_dec_format(pd_dec d, char *buf);

/* exact comparison */
int			pd_dec_cmp(pd_dec a, pd_dec b);

double		pd_dec_to_double(pd_dec d);

/* ---- the unit table ------------------------------------------------------ */

/*
 * Dimensions.  The numbers are stored in every target value on disk: append
 * new ones before PD_DIM_UNKNOWN's value is reached, never renumber.
 */
typedef enum pd_dim
{
	PD_DIM_NONE = 0,			/* a pure number: 125 (an index), 5亿 */
	PD_DIM_PERCENT = 1,			/* % ‰ */
	PD_DIM_POINTS = 2,			/* 个百分点: the difference of two percentages */
	PD_DIM_PERSONS = 3,			/* 人 名 位 */
	PD_DIM_MONEY = 4,			/* 元 (CNY) */
	PD_DIM_MONEY_USD = 5,		/* 美元 */
	PD_DIM_LENGTH = 6,			/* 米 公里 千米 */
	PD_DIM_AREA = 7,			/* 平方米 平方公里 亩 公顷 */
	PD_DIM_VOLUME = 8,			/* 立方米 方 升 */
	PD_DIM_MASS = 9,			/* 千克 吨 */
	PD_DIM_COUNT = 10,			/* 个 家 所 户 套 辆 座 条 项 件 台 … */
	PD_DIM_ENERGY = 11,			/* 千瓦时 吨标准煤 */
	PD_DIM_POWER = 12,			/* 千瓦 兆瓦 */
	PD_DIM_TIME = 13,			/* 秒 分钟 小时 天 月 年 */
	PD_DIM_DATA = 14,			/* B KB … EB */
	PD_DIM_BITRATE = 15,		/* bps … Tbps */
	PD_DIM_COMPUTE = 16,		/* FLOPS … EFLOPS */
	PD_DIM_CONCENTRATION = 17,	/* 微克/立方米 毫克/立方米 毫克/升 */
	PD_DIM_NETWORK_DENSITY = 18,	/* 公里/平方公里 公里/万平方公里: networks per area */
	PD_DIM_POPULATION_DENSITY = 19, /* 人/平方公里 */
	PD_DIM_COUNT_OF_DIMS,
	PD_DIM_UNKNOWN = 255		/* not in the table: kept as printed */
} pd_dim;

/* "percent", "persons", … "unknown" */
const char *pd_dim_name(int dim);

/* the base unit of a dimension ("%", "人", "元", …), NULL for unknown */
const char *pd_dim_base_unit(int dim);

/*
 * A resolved unit.  scale (to the dimension's base unit) = factor *
 * 10^pow10; factor is 1 for every decimal unit, so conversions between 万人
 * and 人 are exact shifts.  For units outside the table, dim is
 * PD_DIM_UNKNOWN, pow10 holds the leading multipliers (亿级 -> 8) and
 * rest_off the byte offset of what follows them ("级"), so 亿级 and 万亿级
 * still convert into each other.
 */
typedef struct pd_measure
{
	uint8_t		dim;
	int16_t		pow10;
	double		factor;
	uint16_t	rest_off;
} pd_measure;

/*
 * Resolve a folded unit (UTF-8, Simplified, half-width): the table first,
 * then leading multipliers 十 百 千 万 亿 (万千瓦 = 万 x 千瓦, 万亿元 =
 * 万亿 x 元) before a table unit or alone (亿 = 10^8, dimension none).  ASCII
 * letters compare case-insensitively (gbps = Gbps).  The empty unit is a
 * pure number.  Never fails: anything else is PD_DIM_UNKNOWN.
 */
void		pd_unit_resolve(const char *unit, size_t len, pd_measure *out);

/* is the exact string a table unit (no multipliers)?  for the extractor */
bool		pd_unit_in_table(const char *unit, size_t len);

/* the table, for documentation and tests */
typedef struct pd_unit_row
{
	const char *name;			/* Simplified, half-width, as printed */
	uint8_t		dim;
	int8_t		pow10;
	double		factor;
} pd_unit_row;

const pd_unit_row *pd_unit_table(size_t *n);

/* ---- the target value ---------------------------------------------------- */

typedef enum pd_target_kind
{
	PD_TK_LEVEL = 0,
	PD_TK_GROWTH = 1
} pd_target_kind;

typedef enum pd_target_op
{
	PD_OP_EQ = 0,				/* a plain number: 建成10个 */
	PD_OP_GE = 1,
	PD_OP_GT = 2,
	PD_OP_LE = 3,
	PD_OP_LT = 4,
	PD_OP_APPROX = 5,			/* ~ 左右 */
	PD_OP_RANGE = 6				/* [lo,hi] 2—3个 */
} pd_target_op;

/* units longer than this (bytes, folded UTF-8) are rejected */
#define PD_TARGET_UNIT_MAX 48
#define PD_TARGET_UNIT_MAX_CHARS 16
/* literals longer than this (characters) are rejected */
#define PD_TARGET_LITERAL_MAX 80

/*
 * '~' (左右, 约) tolerates 5% of the value either way: ~65万人 is met by
 * anything from 61.75万人 to 68.25万人.  Plans use 左右 for "about"; a
 * twentieth is the width official reviews apply to "about" figures and keeps
 * ~7% (growth) between 6.65% and 7.35%.
 */
#define PD_APPROX_TOLERANCE_PERCENT 5

typedef struct pd_target
{
	uint8_t		kind;			/* pd_target_kind */
	uint8_t		op;				/* pd_target_op */
	bool		per_year;		/* /年: 每年, 年均 */
	pd_measure		u;				/* dimension and scale of unit[] */
	pd_dec		value;			/* signed for growth */
	pd_dec		value_hi;		/* PD_OP_RANGE only, else {0,0} */
	uint8_t		unit_len;
	char		unit[PD_TARGET_UNIT_MAX + 1];	/* folded, NUL-terminated */
} pd_target;

/*
 * Parse a target literal (see the README for every form): comparator words
 * or symbols (达到 不低于 控制在…以内 70%以上 >= ≥ ~ 左右 …), growth words
 * (年均增长 提高 下降 …) or an explicit sign, a number (Arabic with ASCII or
 * full-width digits, or Chinese: 千亿, 一千万元), a range (2—3个, [2,3]个),
 * a unit (a table unit after multipliers, or a word of letters and Han
 * characters: the unit grammar above unit_syntax in target.c; 76%% and 5个%
 * are errors), resolved through the table, per year (每年, 年均, /年).
 * Traditional script and full-width forms are folded first.
 */
pd_status	pd_target_parse(const char *s, size_t len, pd_target *out, pd_error *err);

/* canonical text: >=76%  ~65万人/年  [2,3]个  +7%/年  <=-13.5% */
#define PD_TARGET_TEXT_MAX (2 * PD_DEC_TEXT_MAX + PD_TARGET_UNIT_MAX + 16)
size_t		pd_target_format(const pd_target *t, char *buf);

/* ">=", ">", "<=", "<", "=", "~", "range" */
const char *pd_target_op_name(int op);

/* "level", "growth" */
const char *pd_target_kind_name(int kind);

/*
 * Total order: kind, dimension, base value (value x scale), comparator, base
 * upper bound, per year, then the value, unit and scale as printed, so that
 * cmp == 0 exactly when the two canonical forms are equal.  Mixed
 * dimensions sort by dimension number; unknown units last.
 */
int			pd_target_cmp(const pd_target *a, const pd_target *b);

/* value x scale in the base unit, exact for decimal units */
pd_status	pd_target_base_value(const pd_target *t, bool hi, pd_dec *out, pd_error *err);

/*
 * Compact storage form (the SQL type's varlena payload): a flags byte, the
 * comparator, the dimension, the unit's pow10, the value's exp and
 * zig-zag varint mantissa, the same for the upper bound of a range, the
 * factor (big-endian IEEE) when it is not 1, then the unit's bytes.  >=76%
 * takes 7 bytes.  The encoding is canonical: equal targets have equal bytes.
 */
#define PD_TARGET_PACKED_MAX (6 + 2 * 11 + 8 + PD_TARGET_UNIT_MAX)
size_t		pd_target_pack(const pd_target *t, unsigned char *buf);

/* decode (and validate: returns false for bytes pd_target_pack never wrote) */
bool		pd_target_unpack(const unsigned char *buf, size_t len, pd_target *out);

/*
 * pd_target_cmp on two storage forms, unpacking only on ties (sorting and
 * btree search).  *ok is false if either is not a valid storage form.
 */
int			pd_target_cmp_packed(const unsigned char *a, size_t alen,
								 const unsigned char *b, size_t blen, bool *ok);

/*
 * A 64-bit key whose unsigned order agrees with pd_target_cmp where keys
 * differ: kind, dimension, then the base value (its top 58 bits).  Equal
 * keys say nothing (abbreviated keys for sorting).
 */
uint64_t	pd_target_sort_key(const unsigned char *buf, size_t len);

/* ---- checking actual values ---------------------------------------------- */

/*
 * Convert an actual value given in `unit` (folded UTF-8; NULL = already in
 * the target's unit) to the target's unit.  Exact between decimal units
 * (万人 <-> 人); through a double rounded to 15 significant digits where a
 * factor is involved (亩 -> 平方米).  Another dimension fails with
 * PD_EMISMATCH and a message naming both; units outside the table convert
 * only between spellings of the same unit (亿级 <-> 万亿级).
 */
pd_status	pd_target_convert(const pd_target *t, pd_dec actual, const char *unit,
							  size_t unit_len, pd_dec *out, pd_error *err);

/*
 * Is an actual value (in the target's unit) within the target?  >=, >, <=,
 * < as written; ~ within PD_APPROX_TOLERANCE_PERCENT of the value; a range
 * inclusive; a plain number (=) is a quantity to reach: met from the value
 * upwards, or for a decline (a negative growth) from the value downwards.
 */
pd_status	pd_target_met(const pd_target *t, pd_dec actual, bool *met, pd_error *err);

/*
 * How far the actual value is from the target, in the target's unit: 0 when
 * met, otherwise (nearest admissible value - actual): positive when the
 * indicator must still rise, negative when it must fall.  At the open end
 * of > and < the gap is 0 although the target is not met.
 */
pd_status	pd_target_gap(const pd_target *t, pd_dec actual, pd_dec *gap, pd_error *err);

/* ---- the sentence extractor ---------------------------------------------- */

typedef enum pd_period
{
	PD_PERIOD_NONE = 0,
	PD_PERIOD_ANNUAL = 1,		/* 每年 年均: every year of the plan */
	PD_PERIOD_BY_YEAR = 2		/* 到2025年: reached by that year */
} pd_period;

/* "annual", "by_year", NULL */
const char *pd_period_name(int period);

/*
 * What a target commits the plan to (the `kind` column of plan_targets),
 * as the annotation guide sorts them:
 *   level   where an indicator should stand: 城镇化率达到70%, 控制在5%以内
 *   output  a quantity the plan delivers, set by a goal verb: 新建道路320公里,
 *           培育150家, 各区县打造1个 (a quota per unit)
 *   change  a change against a base: 年均增长7%, 比2020年下降13.5%
 *   limit   a ceiling, floor or time limit the plan sets for every case,
 *           as a rule for others to meet: 审批时限压缩至10个工作日内,
 *           不得超过2年, 费率不超过1.2%, 占比不低于60%
 * Independent of the target value's own kind (level/growth, its `form`):
 * a growth value, or one in percentage points, is always a change.
 */
typedef enum pd_goal_kind
{
	PD_GOAL_LEVEL = 0,
	PD_GOAL_OUTPUT = 1,
	PD_GOAL_CHANGE = 2,
	PD_GOAL_LIMIT = 3
} pd_goal_kind;

/* "level", "output", "change", "limit" */
const char *pd_goal_kind_name(int kind);

#define PD_INDICATOR_MAX_CHARS 40
#define PD_INDICATOR_MAX_BYTES (PD_INDICATOR_MAX_CHARS * 4 + 1)

typedef struct pd_target_hit
{
	pd_target	target;
	int			year;			/* the governing 到YYYY年, 0 = none */
	uint8_t		period;			/* pd_period */
	bool		aspirational;	/* 力争, 争取 */
	uint8_t		goal_kind;		/* pd_goal_kind */
	size_t		raw_start;		/* the target as printed: byte offsets */
	size_t		raw_end;		/* into the scanned text */
	size_t		indicator_len;
	char		indicator[PD_INDICATOR_MAX_BYTES];	/* as printed, NUL-terminated */
} pd_target_hit;

/* receives every hit in text order; return false to stop (PD_ECANCEL) */
typedef bool (*pd_target_emit_fn) (void *ctx, const pd_target_hit *hit);

/* the document's own year, 0 when unknown (see pd_tscan_opts) */
typedef int (*pd_year_fn) (void *ctx);

typedef struct pd_tscan_opts
{
	int			year;			/* a governing year already in force, 0 = none */
	pd_interrupt_fn interrupt;	/* NULL: never interrupted */
	void	   *interrupt_ctx;

	/*
	 * The document's own year (its date of issue): a five-year plan period
	 * over before it (“十三五”期间 in a plan of 2021) is the past.  Asked for
	 * only when a sentence opens with such a period, at most once, so a
	 * caller may work it out lazily; NULL: unknown.
	 */
	pd_year_fn	doc_year;
	void	   *doc_year_ctx;
} pd_tscan_opts;

/*
 * Find every quantitative target in text[0..len) (an item's own text, or
 * any text): one pass, no allocation, the interrupt hook every
 * PD_INTERRUPT_STRIDE bytes.  A governing 到YYYY年 holds from where it is
 * printed to the end of the text (or the next one); 每年/年均 and 力争
 * hold to the end of their sentence.  Sentences longer than
 * PD_TSCAN_SENTENCE_MAX characters are read in pieces of that size.
 * *year_out (if not NULL) receives the year in force at the end.
 */
#define PD_TSCAN_SENTENCE_MAX 2048
pd_status	pd_targets_scan(const char *text, size_t len, const pd_tscan_opts *opts,
							pd_target_emit_fn emit, void *emit_ctx,
							int *year_out, pd_error *err);

#endif							/* PD_TARGET_H */
