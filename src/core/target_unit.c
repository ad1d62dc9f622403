/*
 * target_unit.c — the unit table: printed units (%, 万人, 公里/万平方公里,
 * PFLOPS, …) with their dimension and scale, its index, the resolution of a
 * printed unit with multipliers (5亿元, 万千瓦), the names of dimensions,
 * and where a table unit is printed in running text.
 *
 * Owns every row of the table and the rules of unit arithmetic.  Must not
 * read numbers, comparator words or sentences (target_read.c and the
 * scanner do) — it sits below them and includes only pd_tvalue.h.
 */
#include "pd_tvalue.h"

#include <string.h>

/* ---- the unit table ---------------------------------------------------- */

/*
 * Printed unit -> dimension and scale to the dimension's base unit (scale =
 * factor * 10^pow10).  Extend by adding rows: the lookup index is built from
 * this array.  Multipliers (十 百 千 万 亿) in front of any row are handled by
 * pd_unit_resolve, so 万人, 亿元, 万千瓦 need no rows of their own; rows
 * that begin with a multiplier character (千米, 千瓦) are matched whole
 * first.  Conversions that are not powers of ten: 亩 = 10000/15 m² (the
 * statutory mu), 吨标准煤 = 29.3076 GJ = 8141 kWh (GB/T 2589 calorific
 * value), time units from seconds with the Julian year of 365.25 days (so 12
 * 个月 = 1 年 and 24 小时 = 1 天 hold exactly).  Data units are decimal (SI:
 * 1 PB = 10^15 B), as storage statistics use them.  名 and 位 count people
 * (they are classifiers for persons only), 人次 counts visits (a count).
 */
static const pd_unit_row unit_rows[] = {
	{"%", PD_DIM_PERCENT, 0, 1},
	{"‰", PD_DIM_PERCENT, -1, 1},
	/* rates per population (孕产妇死亡率12/10万): shares, 1/10万 = 0.001% */
	{"/10万", PD_DIM_PERCENT, -3, 1},
	{"/十万", PD_DIM_PERCENT, -3, 1},
	{"/万", PD_DIM_PERCENT, -2, 1},
	{"/千", PD_DIM_PERCENT, -1, 1},
	{"个百分点", PD_DIM_POINTS, 0, 1},
	{"百分点", PD_DIM_POINTS, 0, 1},

	{"人", PD_DIM_PERSONS, 0, 1},
	{"名", PD_DIM_PERSONS, 0, 1},
	{"位", PD_DIM_PERSONS, 0, 1},

	{"元", PD_DIM_MONEY, 0, 1},
	{"美元", PD_DIM_MONEY_USD, 0, 1},

	{"米", PD_DIM_LENGTH, 0, 1},
	{"公里", PD_DIM_LENGTH, 3, 1},
	{"千米", PD_DIM_LENGTH, 3, 1},
	{"km", PD_DIM_LENGTH, 3, 1},
	{"厘米", PD_DIM_LENGTH, -2, 1},
	{"毫米", PD_DIM_LENGTH, -3, 1},

	{"平方米", PD_DIM_AREA, 0, 1},
	{"平米", PD_DIM_AREA, 0, 1},
	{"㎡", PD_DIM_AREA, 0, 1},
	{"平方公里", PD_DIM_AREA, 6, 1},
	{"平方千米", PD_DIM_AREA, 6, 1},
	{"公顷", PD_DIM_AREA, 4, 1},
	{"亩", PD_DIM_AREA, 0, 10000.0 / 15.0},

	{"立方米", PD_DIM_VOLUME, 0, 1},
	{"方", PD_DIM_VOLUME, 0, 1},
	{"升", PD_DIM_VOLUME, -3, 1},

	{"千克", PD_DIM_MASS, 0, 1},
	{"公斤", PD_DIM_MASS, 0, 1},
	{"kg", PD_DIM_MASS, 0, 1},
	{"克", PD_DIM_MASS, -3, 1},
	{"吨", PD_DIM_MASS, 3, 1},

	{"个", PD_DIM_COUNT, 0, 1},
	{"家", PD_DIM_COUNT, 0, 1},
	{"所", PD_DIM_COUNT, 0, 1},
	{"户", PD_DIM_COUNT, 0, 1},
	{"套", PD_DIM_COUNT, 0, 1},
	{"辆", PD_DIM_COUNT, 0, 1},
	{"座", PD_DIM_COUNT, 0, 1},
	{"条", PD_DIM_COUNT, 0, 1},
	{"项", PD_DIM_COUNT, 0, 1},
	{"件", PD_DIM_COUNT, 0, 1},
	{"台", PD_DIM_COUNT, 0, 1},
	{"张", PD_DIM_COUNT, 0, 1},
	{"处", PD_DIM_COUNT, 0, 1},
	{"部", PD_DIM_COUNT, 0, 1},
	{"艘", PD_DIM_COUNT, 0, 1},
	{"架", PD_DIM_COUNT, 0, 1},
	{"只", PD_DIM_COUNT, 0, 1},
	{"头", PD_DIM_COUNT, 0, 1},
	{"种", PD_DIM_COUNT, 0, 1},
	{"款", PD_DIM_COUNT, 0, 1},
	{"篇", PD_DIM_COUNT, 0, 1},
	{"本", PD_DIM_COUNT, 0, 1},
	{"册", PD_DIM_COUNT, 0, 1},
	{"次", PD_DIM_COUNT, 0, 1},
	{"场", PD_DIM_COUNT, 0, 1},
	{"批", PD_DIM_COUNT, 0, 1},
	{"例", PD_DIM_COUNT, 0, 1},
	{"宗", PD_DIM_COUNT, 0, 1},
	{"笔", PD_DIM_COUNT, 0, 1},
	{"份", PD_DIM_COUNT, 0, 1},
	{"栋", PD_DIM_COUNT, 0, 1},
	{"幢", PD_DIM_COUNT, 0, 1},
	{"间", PD_DIM_COUNT, 0, 1},
	{"株", PD_DIM_COUNT, 0, 1},
	{"棵", PD_DIM_COUNT, 0, 1},
	{"根", PD_DIM_COUNT, 0, 1},
	{"床", PD_DIM_COUNT, 0, 1},
	{"人次", PD_DIM_COUNT, 0, 1},
	{"个次", PD_DIM_COUNT, 0, 1},
	{"家次", PD_DIM_COUNT, 0, 1},

	{"千瓦时", PD_DIM_ENERGY, 0, 1},
	{"kWh", PD_DIM_ENERGY, 0, 1},
	{"兆瓦时", PD_DIM_ENERGY, 3, 1},
	{"吉瓦时", PD_DIM_ENERGY, 6, 1},
	{"太瓦时", PD_DIM_ENERGY, 9, 1},
	{"吨标准煤", PD_DIM_ENERGY, 0, 8141},
	{"吨标煤", PD_DIM_ENERGY, 0, 8141},

	{"瓦", PD_DIM_POWER, -3, 1},
	{"千瓦", PD_DIM_POWER, 0, 1},
	{"兆瓦", PD_DIM_POWER, 3, 1},
	{"吉瓦", PD_DIM_POWER, 6, 1},
	{"W", PD_DIM_POWER, -3, 1},
	{"kW", PD_DIM_POWER, 0, 1},
	{"MW", PD_DIM_POWER, 3, 1},
	{"GW", PD_DIM_POWER, 6, 1},

	{"秒", PD_DIM_TIME, 0, 1},
	{"分钟", PD_DIM_TIME, 0, 60},
	{"小时", PD_DIM_TIME, 0, 3600},
	{"天", PD_DIM_TIME, 0, 86400},
	{"日", PD_DIM_TIME, 0, 86400},
	{"个工作日", PD_DIM_TIME, 0, 86400},
	{"工作日", PD_DIM_TIME, 0, 86400},
	{"周", PD_DIM_TIME, 0, 604800},
	{"个月", PD_DIM_TIME, 0, 2629800},
	{"月", PD_DIM_TIME, 0, 2629800},
	{"季度", PD_DIM_TIME, 0, 7889400},
	{"年", PD_DIM_TIME, 0, 31557600},
	{"岁", PD_DIM_TIME, 0, 31557600},
	{"周岁", PD_DIM_TIME, 0, 31557600},

	{"B", PD_DIM_DATA, 0, 1},
	{"字节", PD_DIM_DATA, 0, 1},
	{"KB", PD_DIM_DATA, 3, 1},
	{"MB", PD_DIM_DATA, 6, 1},
	{"GB", PD_DIM_DATA, 9, 1},
	{"TB", PD_DIM_DATA, 12, 1},
	{"PB", PD_DIM_DATA, 15, 1},
	{"EB", PD_DIM_DATA, 18, 1},
	{"ZB", PD_DIM_DATA, 21, 1},

	{"bps", PD_DIM_BITRATE, 0, 1},
	{"Kbps", PD_DIM_BITRATE, 3, 1},
	{"Mbps", PD_DIM_BITRATE, 6, 1},
	{"Gbps", PD_DIM_BITRATE, 9, 1},
	{"Tbps", PD_DIM_BITRATE, 12, 1},

	{"FLOPS", PD_DIM_COMPUTE, 0, 1},
	{"GFLOPS", PD_DIM_COMPUTE, 9, 1},
	{"TFLOPS", PD_DIM_COMPUTE, 12, 1},
	{"PFLOPS", PD_DIM_COMPUTE, 15, 1},
	{"EFLOPS", PD_DIM_COMPUTE, 18, 1},
	{"ZFLOPS", PD_DIM_COMPUTE, 21, 1},
	{"P", PD_DIM_COMPUTE, 15, 1},	/* 算力规模达到5000P: the usual shorthand for PFLOPS */

	/* air and water quality: PM2.5浓度降至30微克/立方米 */
	{"微克/立方米", PD_DIM_CONCENTRATION, 0, 1},
	{"毫克/立方米", PD_DIM_CONCENTRATION, 3, 1},
	{"毫克/升", PD_DIM_CONCENTRATION, 6, 1},
	{"微克每立方米", PD_DIM_CONCENTRATION, 0, 1},
	{"μg/m³", PD_DIM_CONCENTRATION, 0, 1},
	{"µg/m³", PD_DIM_CONCENTRATION, 0, 1},
	{"ug/m3", PD_DIM_CONCENTRATION, 0, 1},
	{"mg/m³", PD_DIM_CONCENTRATION, 3, 1},
	{"mg/m3", PD_DIM_CONCENTRATION, 3, 1},
	{"mg/L", PD_DIM_CONCENTRATION, 6, 1},

	/* a ratio to one: 城乡居民收入比缩小到2.2∶1以内 is the number 2.2 */
	{":1", PD_DIM_NONE, 0, 1},
	{"∶1", PD_DIM_NONE, 0, 1},

	/* networks and people per area: 铁路网密度507公里/万平方公里, 人口密度1万人/平方公里 */
	{"公里/平方公里", PD_DIM_NETWORK_DENSITY, 0, 1},
	{"公里/百平方公里", PD_DIM_NETWORK_DENSITY, -2, 1},
	{"公里/万平方公里", PD_DIM_NETWORK_DENSITY, -4, 1},
	{"千米/平方千米", PD_DIM_NETWORK_DENSITY, 0, 1},
	{"千米/百平方千米", PD_DIM_NETWORK_DENSITY, -2, 1},
	{"千米/万平方千米", PD_DIM_NETWORK_DENSITY, -4, 1},
	{"人/平方公里", PD_DIM_POPULATION_DENSITY, 0, 1},
	{"人/平方千米", PD_DIM_POPULATION_DENSITY, 0, 1},
};

#define NUNITS ((int) (sizeof(unit_rows) / sizeof(unit_rows[0])))
#define UNIT_SLOTS 512			/* power of two, > 2 * NUNITS */

static int16_t unit_slot[UNIT_SLOTS];
static volatile int unit_ready;

static inline unsigned char
ascii_lower(unsigned char c)
{
	return c | (unsigned char) (((unsigned) (c - 'A') < 26u) << 5);
}

static uint32_t
unit_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ ascii_lower((unsigned char) s[i])) * 16777619u;
	return h;
}

static bool
unit_eq(const char *row, const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if (row[i] == '\0' || ascii_lower((unsigned char) row[i]) != ascii_lower((unsigned char) s[i]))
			return false;
	return row[i] == '\0';
}

static void unit_first_build(void);

static void
unit_index_build(void)
{
	for (int k = 0; k < UNIT_SLOTS; k++)
		unit_slot[k] = -1;
	unit_first_build();
	for (int r = 0; r < NUNITS; r++)
	{
		uint32_t	h = unit_hash(unit_rows[r].name, strlen(unit_rows[r].name)) & (UNIT_SLOTS - 1);

		while (unit_slot[h] >= 0)
			h = (h + 1) & (UNIT_SLOTS - 1);
		unit_slot[h] = (int16_t) r;
	}
	__atomic_store_n(&unit_ready, 1, __ATOMIC_RELEASE);
}

static const pd_unit_row *
unit_lookup(const char *s, size_t len)
{
	uint32_t	h;

	if (!__atomic_load_n(&unit_ready, __ATOMIC_ACQUIRE))
		unit_index_build();
	h = unit_hash(s, len) & (UNIT_SLOTS - 1);
	while (unit_slot[h] >= 0)
	{
		const pd_unit_row *row = &unit_rows[unit_slot[h]];

		if (unit_eq(row->name, s, len))
			return row;
		h = (h + 1) & (UNIT_SLOTS - 1);
	}
	return NULL;
}

void
pd_unit_index_init(void)
{
	if (!__atomic_load_n(&unit_ready, __ATOMIC_ACQUIRE))
		unit_index_build();
}

const pd_unit_row *
pd_unit_table(size_t *n)
{
	pd_unit_index_init();
	*n = NUNITS;
	return unit_rows;
}

bool
pd_unit_in_table(const char *unit, size_t len)
{
	return unit_lookup(unit, len) != NULL;
}

static void unit_resolve(const char *unit, size_t len, pd_measure *out);

/*
 * A small per-thread cache of resolved short units (up to 8 bytes, which is
 * most of them: %, 万人, 公里, 个): literal input resolves the same few units
 * over and over, and a hit costs one multiply and one compare.
 */
#define UNIT_CACHE 32
typedef struct unit_cache_entry
{
	uint64_t	key;			/* the bytes, zero-padded, plus the length on top */
	pd_measure		u;
} unit_cache_entry;
static __thread unit_cache_entry unit_cache[UNIT_CACHE];

void
pd_unit_resolve(const char *unit, size_t len, pd_measure *out)
{
	uint64_t	key = 0;
	unit_cache_entry *e;

	if (len == 0 || len > 7)
	{
		unit_resolve(unit, len, out);
		return;
	}
	memcpy(&key, unit, len);
	key |= (uint64_t) len << 56;
	e = &unit_cache[(key * UINT64_C(0x9E3779B97F4A7C15)) >> 59];
	if (e->key == key)
	{
		*out = e->u;
		return;
	}
	unit_resolve(unit, len, out);
	e->key = key;
	e->u = *out;
}

static void
unit_resolve(const char *unit, size_t len, pd_measure *out)
{
	const pd_unit_row *row;
	const unsigned char *p = (const unsigned char *) unit;
	const unsigned char *end = p + len;
	int			pow10 = 0;

	out->dim = PD_DIM_NONE;
	out->pow10 = 0;
	out->factor = 1;
	out->rest_off = 0;
	if (len == 0)
		return;
	/* no row starts with 万 or 亿 (E4 B8 87, E4 BA BF): go to the multipliers */
	if (!(len >= 3 && p[0] == 0xE4 && ((p[1] == 0xB8 && p[2] == 0x87) || (p[1] == 0xBA && p[2] == 0xBF))) &&
		(row = unit_lookup(unit, len)) != NULL)
	{
		out->dim = row->dim;
		out->pow10 = row->pow10;
		out->factor = row->factor;
		return;
	}
	while (p < end)
	{
		const unsigned char *q = p;
		int			m = pd_multiplier_pow10(pd_u8_next(&q, end));

		/*
		 * No real unit multiplies by more than 10^64 (亿亿亿亿亿亿亿亿); the
		 * rest of a longer run is an unknown unit, so pow10 always fits the
		 * stored form's one byte.
		 */
		if (m == 0 || pow10 + m > 64)
			break;
		pow10 += m;
		p = q;
		if (p == end)
		{
			/* multipliers alone: 5亿 is a pure number */
			out->pow10 = (int16_t) pow10;
			return;
		}
		if ((row = unit_lookup((const char *) p, (size_t) (end - p))) != NULL)
		{
			out->dim = row->dim;
			out->pow10 = (int16_t) (pow10 + row->pow10);
			out->factor = row->factor;
			return;
		}
	}
	out->dim = PD_DIM_UNKNOWN;
	out->pow10 = (int16_t) pow10;
	out->rest_off = (uint16_t) (p - (const unsigned char *) unit);
}

static const char *const dim_names[PD_DIM_COUNT_OF_DIMS] = {
	"none", "percent", "percentage_points", "persons", "money", "money_usd",
	"length", "area", "volume", "mass", "count", "energy", "power", "time",
	"data", "bitrate", "compute", "concentration", "network_density", "population_density"
};

static const char *const dim_base[PD_DIM_COUNT_OF_DIMS] = {
	"", "%", "个百分点", "人", "元", "美元", "米", "平方米", "立方米", "千克",
	"个", "千瓦时", "千瓦", "秒", "B", "bps", "FLOPS", "微克/立方米", "公里/平方公里", "人/平方公里"
};

const char *
pd_dim_name(int dim)
{
	return (dim >= 0 && dim < PD_DIM_COUNT_OF_DIMS) ? dim_names[dim] : "unknown";
}

const char *
pd_dim_base_unit(int dim)
{
	return (dim >= 0 && dim < PD_DIM_COUNT_OF_DIMS) ? dim_base[dim] : NULL;
}

/*
 * The first code points of table units (ASCII letters case-folded), as a
 * 1024-bit filter: most text after a number does not start a unit.
 */
static uint32_t unit_first[32];

static inline unsigned
first_bit(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		c += 32;
	return (c * 2654435761u) >> 22;
}

static void
unit_first_build(void)
{
	for (int r = 0; r < NUNITS; r++)
	{
		const unsigned char *p = (const unsigned char *) unit_rows[r].name;
		unsigned	b = first_bit(pd_u8_next(&p, p + strlen(unit_rows[r].name)));

		unit_first[b / 32] |= 1u << (b % 32);
	}
}

/* longest table unit at cps[i] (no multipliers), in code points */
static int
table_unit_at(const uint32_t *cps, int i, int n)
{
	char		buf[PD_TARGET_UNIT_MAX + 1];
	size_t		len = 0;
	int			best = 0;
	unsigned	b;

	if (i >= n)
		return 0;
	if (!__atomic_load_n(&unit_ready, __ATOMIC_ACQUIRE))
		unit_index_build();
	b = first_bit(cps[i]);
	if (!(unit_first[b / 32] & (1u << (b % 32))))
		return 0;

	/* table units are at most 8 code points (PFLOPS, 公里/万平方公里) */
	for (int k = 0; k < 8 && i + k < n; k++)
	{
		uint32_t	c = cps[i + k];
		int			nb;

		/* letters, %, and the / ² ³ μ µ of 微克/立方米, μg/m³ */
		/* and a leading / of a rate per population (/10万), : of a ratio (:1) */
		if (c < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%' ||
						  (c >= '0' && c <= '9' && k > 0) || c == '/' || (c == ':' && k == 0)))
			break;
		if (c >= 0x80 && c < 0x2000 && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0x3BC)
			break;
		nb = pd_u8_put(buf + len, c);
		len += nb;
		if (unit_lookup(buf, len))
			best = k + 1;
	}
	/* an ASCII unit must not run on into more letters (5G, Gbps2) */
	if (best > 0 && cps[i] < 0x80 && cps[i] != '%' && i + best < n)
	{
		uint32_t	c = cps[i + best];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			return 0;
	}
	return best;
}

int
pd_read_text_unit(const uint32_t *cps, int i, int n)
{
	int			j = i,
				k;

	if ((k = table_unit_at(cps, j, n)) > 0)
		return k;
	while (j < n && pd_multiplier_pow10(cps[j]) > 0 && j - i < 3)
	{
		j++;
		if ((k = table_unit_at(cps, j, n)) > 0)
			return j + k - i;
	}
	if (j > i && j < n && cps[j] == 0x7EA7)	/* 级: 7000亿级 */
		j++;
	return j - i;
}
