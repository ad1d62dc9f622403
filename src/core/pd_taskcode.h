/*
 * pd_taskcode.h — task numbering paths in 8 bytes.
 *
 * A path such as 4.15 (（十五） under 四、) is stored as one uint64: level k
 * (1..PD_TC_MAX_DEPTH) occupies 10 bits at shift 60 - 10k, a component is
 * 1..PD_TC_MAX_NUM, and absent levels are 0.  The top four bits are always
 * zero, so the value is also a non-negative int64.  Because components fill
 * the word from the most significant end and 0 means "absent", plain integer
 * comparison gives the order we want — numeric per level, ancestors first:
 * 1 < 1.1 < 1.2 < 1.10 < 2 — and all descendants of a path form one
 * contiguous range [path, pd_tc_last_descendant(path)].
 */
#ifndef PD_TASKCODE_H
#define PD_TASKCODE_H

#include "pd_core.h"

#define PD_TC_MAX_DEPTH 6
#define PD_TC_MAX_NUM 999
#define PD_TC_BITS 10
#define PD_TC_MASK ((uint64_t) 0x3FF)
#define PD_TC_SHIFT(level) (60 - PD_TC_BITS * (level))

/* longest dotted text: 6 * "999" + 5 dots */
#define PD_TC_TEXT_MAX 24

typedef uint64_t pd_tc;

static inline unsigned
pd_tc_get(pd_tc tc, int level)
{
	return (unsigned) ((tc >> PD_TC_SHIFT(level)) & PD_TC_MASK);
}

static inline pd_tc
pd_tc_set(pd_tc tc, int level, unsigned num)
{
	tc &= ~(PD_TC_MASK << PD_TC_SHIFT(level));
	return tc | ((pd_tc) num << PD_TC_SHIFT(level));
}

static inline int
pd_tc_depth(pd_tc tc)
{
	int			d = 0;

	while (d < PD_TC_MAX_DEPTH && pd_tc_get(tc, d + 1) != 0)
		d++;
	return d;
}

/* the path cut to its first `level` components (level >= depth: unchanged) */
static inline pd_tc
pd_tc_prefix(pd_tc tc, int level)
{
	if (level <= 0)
		return 0;
	if (level >= PD_TC_MAX_DEPTH)
		return tc;
	return tc & ~(((pd_tc) 1 << PD_TC_SHIFT(level)) - 1);
}

/*
 * The greatest valid path that is a descendant-or-self of tc: the missing
 * levels filled with PD_TC_MAX_NUM (4.15 -> 4.15.999.999.999.999).  Every
 * descendant lies in [tc, pd_tc_last_descendant(tc)] and nothing else does.
 */
static inline pd_tc
pd_tc_last_descendant(pd_tc tc)
{
	for (int level = pd_tc_depth(tc) + 1; level <= PD_TC_MAX_DEPTH; level++)
		tc = pd_tc_set(tc, level, PD_TC_MAX_NUM);
	return tc;
}

/* is a a descendant of b, or equal to it? */
static inline bool
pd_tc_is_descendant(pd_tc a, pd_tc b)
{
	return a >= b && a <= pd_tc_last_descendant(b);
}

/* well-formed: depth >= 1, no gaps, numbers in range, top bits clear */
bool		pd_tc_valid(pd_tc tc);

/* build from numbers (validated) */
pd_status	pd_tc_from_array(const long *nums, int n, pd_tc *out, pd_error *err);

/*
 * Parse a literal: dotted Arabic 4.15 (ASCII or full-width digits, . ． ﹒ as
 * separators), Chinese forms 四 四、 （十五） (十五) 四（十五） 二（三）1.（2）,
 * mixed 四.15, 第三章, enclosed ① ⑴ ⒈ ㈠.  Leading and trailing white space
 * is ignored.
 */
pd_status	pd_tc_parse(const char *s, size_t len, pd_tc *out, pd_error *err);

/* canonical dotted text; buf >= PD_TC_TEXT_MAX + 1; returns length */
size_t		pd_tc_format(pd_tc tc, char *buf);

/*
 * Official-style label.  Level styles: 1 一、 2 （一） 3 1. 4 （1） 5 ①
 * 6 1) (① beyond 50 falls back to 1)).  full = false: the last component only
 * (4.15 -> （十五）); full = true: the whole path (4.15 -> 四（十五）, where the
 * trailing 、 of a level-1 prefix is dropped as printed documents do).
 * buf >= PD_TC_LABEL_MAX.
 */
#define PD_TC_LABEL_MAX 160
size_t		pd_tc_label(pd_tc tc, bool full, char *buf);

#endif
