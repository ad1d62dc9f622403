/*
 * Unit tests of the target core: literal parsing and canonical text, the
 * unit table, order, storage form, decimals, met / gap, and the sentence
 * extractor.
 */
#include "ctest.h"
#include "pd_target.h"
#include "pd_tread.h"

#include <stdlib.h>
#include <stdio.h>

static const char *canon_slow(const char *lit);

static const char *
canon(const char *lit)
{
	static char buf[512];
	pd_target	t;
	pd_error	err;

	if (pd_target_parse(lit, strlen(lit), &t, &err) != PD_OK)
	{
		snprintf(buf, sizeof buf, "ERROR%s: %s", err.status == PD_ERANGE ? "(range)" : "", err.msg);
		if (lit[0] && lit[0] != ' ')
		{
			const char *slow = canon_slow(lit);

			if (strncmp(buf, slow, strlen(slow)) != 0)
			{
				fprintf(stderr, "fast/slow differ on %s: %s / %s\n", lit, buf, slow);
				ctest_failures++;
			}
		}
		return buf;
	}
	pd_target_format(&t, buf);
	if (lit[0] && lit[0] != ' ' && strcmp(buf, canon_slow(lit)) != 0)
	{
		fprintf(stderr, "fast/slow differ on %s: %s / %s\n", lit, buf, canon_slow(lit));
		ctest_failures++;
	}
	return buf;
}

/*
 * The same literal through the general parser: a leading space keeps it off
 * the canonical fast path.  Every literal tested must give the same answer.
 */
static const char *
canon_slow(const char *lit)
{
	static char buf[512];
	char		spaced[1024];
	pd_target	t;
	pd_error	err;

	snprintf(spaced, sizeof spaced, " %s", lit);
	if (pd_target_parse(spaced, strlen(spaced), &t, &err) != PD_OK)
	{
		snprintf(buf, sizeof buf, "ERROR%s", err.status == PD_ERANGE ? "(range)" : "");
		return buf;
	}
	pd_target_format(&t, buf);
	return buf;
}

static pd_target
T(const char *lit)
{
	pd_target	t;
	pd_error	err;

	if (pd_target_parse(lit, strlen(lit), &t, &err) != PD_OK)
	{
		fprintf(stderr, "cannot parse %s: %s\n", lit, err.msg);
		exit(2);
	}
	return t;
}

static pd_dec
D(const char *s)
{
	pd_dec		d;

	if (pd_dec_parse(s, strlen(s), &d, NULL) != PD_OK)
	{
		fprintf(stderr, "cannot parse decimal %s\n", s);
		exit(2);
	}
	return d;
}

static const char *
dectext(pd_dec d)
{
	static char buf[PD_DEC_TEXT_MAX];

	pd_dec_format(d, buf);
	return buf;
}

/* "true", "false" or "ERROR: …" for met(target, actual, unit) */
static const char *
met(const char *lit, const char *actual, const char *unit)
{
	static char buf[300];
	pd_target	t = T(lit);
	pd_dec		a;
	bool		m;
	pd_error	err;

	if (pd_target_convert(&t, D(actual), unit, unit ? strlen(unit) : 0, &a, &err) != PD_OK ||
		pd_target_met(&t, a, &m, &err) != PD_OK)
	{
		snprintf(buf, sizeof buf, "ERROR: %s", err.msg);
		return buf;
	}
	return m ? "true" : "false";
}

static const char *
gap(const char *lit, const char *actual, const char *unit)
{
	static char buf[300];
	pd_target	t = T(lit);
	pd_dec		a,
				g;
	pd_error	err;

	if (pd_target_convert(&t, D(actual), unit, unit ? strlen(unit) : 0, &a, &err) != PD_OK ||
		pd_target_gap(&t, a, &g, &err) != PD_OK)
	{
		snprintf(buf, sizeof buf, "ERROR: %s", err.msg);
		return buf;
	}
	return dectext(g);
}

static int
cmp(const char *a, const char *b)
{
	pd_target	x = T(a),
				y = T(b);
	unsigned char pa[PD_TARGET_PACKED_MAX],
				pb[PD_TARGET_PACKED_MAX];
	size_t		na = pd_target_pack(&x, pa),
				nb = pd_target_pack(&y, pb);
	bool		ok;
	int			c = pd_target_cmp(&x, &y);

	/* the storage-form comparison agrees with the struct one */
	CHECK_INT(pd_target_cmp_packed(pa, na, pb, nb, &ok), c);
	CHECK(ok);
	/* and so do the sort keys, where they differ */
	{
		uint64_t	ka = pd_target_sort_key(pa, na),
					kb = pd_target_sort_key(pb, nb);

		if (ka != kb)
			CHECK((ka < kb) == (c < 0));
	}
	return c;
}

static void
test_literals(void)
{
	/* every form of the issue */
	CHECK_STR(canon(">=76%"), ">=76%");
	CHECK_STR(canon("≥76%"), ">=76%");
	CHECK_STR(canon("76%"), "76%");
	CHECK_STR(canon("达到76%"), ">=76%");
	CHECK_STR(canon("70%以上"), ">=70%");
	CHECK_STR(canon("不低于90%"), ">=90%");
	CHECK_STR(canon("不少于100个"), ">=100个");
	CHECK_STR(canon("控制在5%以内"), "<=5%");
	CHECK_STR(canon("5‰以下"), "<=5‰");
	CHECK_STR(canon("65万人/年"), "65万人/年");
	CHECK_STR(canon("每年65万人"), "65万人/年");
	CHECK_STR(canon("800公里"), "800公里");
	CHECK_STR(canon("2—3个"), "[2,3]个");
	CHECK_STR(canon("[2,3]个"), "[2,3]个");
	CHECK_STR(canon("[95,100]个"), "[95,100]个");
	CHECK_STR(canon("[1,000]个"), "ERROR: The lower bound of the range is above its upper bound.");
	CHECK_STR(canon("10,000—20,000人"), "[10000,20000]人");
	CHECK_STR(canon("2至三个"), "[2,3]个");
	CHECK_STR(canon("5𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀"), "ERROR: The unit at character 2 is too long.");
	CHECK_STR(canon("5万元/亩"), "ERROR: Unexpected \"亩\" at character 5 where 年 after \"/\" was expected.");
	CHECK_STR(canon("1.2万亿元左右"), "~1.2万亿元");
	CHECK_STR(canon("年均增长7%"), "+7%/年");
	CHECK_STR(canon("提高2个百分点以上"), ">=+2个百分点");
	CHECK_STR(canon("７６％"), "76%");
	CHECK_STR(canon("達到７６％"), ">=76%");
	CHECK_STR(canon("每年穩定在65萬人"), "~65万人/年");
	CHECK_STR(canon("~65万人/年"), "~65万人/年");
	/* more comparators */
	CHECK_STR(canon(">76%"), ">76%");
	CHECK_STR(canon("<= 5 %"), "<=5%");
	CHECK_STR(canon("<5%"), "<5%");
	CHECK_STR(canon("=5%"), "5%");
	CHECK_STR(canon("≤5%"), "<=5%");
	CHECK_STR(canon("≈5%"), "~5%");
	CHECK_STR(canon("约5%"), "~5%");
	CHECK_STR(canon("超过50%"), ">=50%");
	CHECK_STR(canon("突破2.2万亿元"), ">=2.2万亿元");
	CHECK_STR(canon("不超过3年"), "<=3年");
	CHECK_STR(canon("低于5%"), "<5%");
	CHECK_STR(canon("高于5%"), ">5%");
	CHECK_STR(canon("稳定在11亿千瓦左右"), "~11亿千瓦");
	CHECK_STR(canon("保持在6%以上"), ">=6%");
	CHECK_STR(canon("控制在3%左右"), "~3%");
	CHECK_STR(canon("实现100%"), "100%");
	CHECK_STR(canon("提高到70%"), ">=70%");
	CHECK_STR(canon("降至5%"), "<=5%");
	CHECK_STR(canon("3-5家"), "[3,5]家");
	CHECK_STR(canon("2至3个"), "[2,3]个");
	CHECK_STR(canon("2~3个"), "[2,3]个");
	CHECK_STR(canon("2——3个"), "[2,3]个");
	CHECK_STR(canon("过千亿"), ">=1000亿");
	CHECK_STR(canon("达到万亿级"), ">=1万亿级");
	CHECK_STR(canon("7000亿级"), "7000亿级");
	CHECK_STR(canon("一千万元"), "1000万元");
	CHECK_STR(canon("两万人"), "2万人");
	CHECK_STR(canon("10,000件以上"), ">=10000件");
	CHECK_STR(canon("125左右"), "~125");
	CHECK_STR(canon("12EFLOPS"), "12EFLOPS");
	CHECK_STR(canon("1.50%"), "1.5%");
	CHECK_STR(canon("0.50"), "0.5");
	CHECK_STR(canon("007个"), "7个");
	/* growth */
	CHECK_STR(canon("增长7%"), "+7%");
	CHECK_STR(canon("+7%/年"), "+7%/年");
	CHECK_STR(canon("下降13.5%"), "-13.5%");
	CHECK_STR(canon("下降13.5%以上"), "<=-13.5%");
	CHECK_STR(canon("<=-13.5%"), "<=-13.5%");
	CHECK_STR(canon("下降10%—15%"), "ERROR: Unexpected \"—\" at character 6 in the unit.");
	CHECK_STR(canon("下降10—15%"), "[-15,-10]%");
	CHECK_STR(canon("[-15,-10]%"), "[-15,-10]%");
	CHECK_STR(canon("[+2,+3]个百分点"), "[+2,+3]个百分点");
	CHECK_STR(canon("年均增速保持在20%左右"), "~+20%/年");
	CHECK_STR(canon("翻一番"), "+100%");
	CHECK_STR(canon("翻两番"), "+300%");
	CHECK_STR(canon("减少2万吨"), "-2万吨");
	CHECK_STR(canon("降低不超过5%"), ">=-5%");
	CHECK_STR(canon("+0%"), "+0%");
	CHECK_STR(canon("-0%"), "+0%");
	/* unknown units are kept */
	CHECK_STR(canon("5G"), "5G");
	CHECK_STR(canon("3个国家级平台以上"), ">=3个国家级平台");
	/* errors */
	CHECK_STR(canon(""), "ERROR: The target is empty.");
	CHECK_STR(canon("   "), "ERROR: The target is empty.");
	CHECK_STR(canon("abc"), "ERROR: Unexpected \"a\" at character 1 where a number was expected.");
	CHECK_STR(canon("达到"), "ERROR: Missing a number at the end.");
	CHECK_STR(canon(">=>=5"), "ERROR: A second comparator at character 3.");
	CHECK_STR(canon("达到达到5"), "ERROR: A second comparator at character 3.");
	CHECK_STR(canon("达到约76%"), "~76%");
	CHECK_STR(canon("不低于达到5"), "ERROR: A second comparator at character 4.");
	CHECK_STR(canon("不低于5%以下"), "ERROR: The comparator at character 1 contradicts the suffix.");
	CHECK_STR(canon("3—2个"), "ERROR: The lower bound of the range is above its upper bound.");
	CHECK_STR(canon(">=2—3个"), "ERROR: A range takes no comparator.");
	CHECK_STR(canon("[2,3个"), "ERROR: Unexpected \"个\" at character 5 where \"]\" was expected.");
	CHECK_STR(canon("76.%"), "ERROR: Misplaced decimal point at character 3.");
	CHECK_STR(canon(".5%"), "ERROR: A number must start with a digit, not a point (character 1).");
	CHECK_STR(canon("5% 6"), "ERROR: Unexpected \"6\" at character 4 after the target.");
	CHECK_STR(canon("5万人/月"), "ERROR: Unexpected \"月\" at character 5 where 年 after \"/\" was expected.");
	CHECK_STR(canon("5万人/年/年"), "ERROR: \"per year\" is given twice.");
	CHECK_STR(canon("增长+5%"), "ERROR: Both a sign and a change word (增长, 下降) are given.");
	CHECK_STR(canon("5abcdefghijklmnopq"), "ERROR: The unit at character 2 is longer than 16 characters.");
	CHECK_STR(canon("1234567890123456789%"),
			  "ERROR(range): The number at character 1 has more than 18 significant digits or more than 18 digits after the point.");
	CHECK_STR(canon("0.0000000000000000001%"),
			  "ERROR(range): The number at character 1 has more than 18 significant digits or more than 18 digits after the point.");
	CHECK_STR(canon("123456789012345678%"), "123456789012345678%");
	CHECK_STR(canon("十十个"), "ERROR: The Chinese numeral at character 1 is not well-formed.");
	{
		char		lit[200];

		memset(lit, '5', 100);
		lit[100] = '\0';
		CHECK_STR(canon(lit), "ERROR: A target literal has at most 80 characters.");
	}
	/* canonical text parses back to itself */
	{
		const char *lits[] = {">=76%", "~65万人/年", "[2,3]个", "+7%/年", ">=+2个百分点", "<=-13.5%",
		"[-15,-10]%", ">=1000亿", ">=1万亿级", "~125", "0.5", "5G", "+0%", "100亩", "[95,100]个",
		"[999,1000]个", "[1.5,2.25]万亿元"};

		for (size_t k = 0; k < sizeof lits / sizeof lits[0]; k++)
			CHECK_STR(canon(canon(lits[k])), lits[k]);
	}
}

/* round trip of one target found by the extractor: its text reads back as itself */
static bool
scan_reads_back(void *ctx, const pd_target_hit *h)
{
	char		text[PD_TARGET_TEXT_MAX];
	pd_target	again;
	pd_error	err;

	(*(int *) ctx)++;
	pd_target_format(&h->target, text);
	if (pd_target_parse(text, strlen(text), &again, &err) != PD_OK || pd_target_cmp(&h->target, &again) != 0)
	{
		fprintf(stderr, "extracted %s does not read back\n", text);
		CHECK(false);
	}
	return true;
}

/* the unit grammar (the comment above unit_syntax in target.c, README "Units") */
static void
test_unit_grammar(void)
{
	/* % and ‰ only as the whole unit (after multipliers) */
	CHECK_STR(canon("76%%"), "ERROR: The unit \"%%\" at character 3 is not a unit: \"%\" is a unit only on its own.");
	CHECK_STR(canon(">=5%%以上"), "ERROR: The unit \"%%\" at character 4 is not a unit: \"%\" is a unit only on its own.");
	CHECK_STR(canon("5%个%"), "ERROR: The unit \"%个%\" at character 2 is not a unit: \"%\" is a unit only on its own.");
	CHECK_STR(canon("5个%"), "ERROR: The unit \"个%\" at character 2 is not a unit: \"%\" is a unit only on its own.");
	CHECK_STR(canon("5%G"), "ERROR: The unit \"%G\" at character 2 is not a unit: \"%\" is a unit only on its own.");
	CHECK_STR(canon("5‰‰"), "ERROR: The unit \"‰‰\" at character 2 is not a unit: \"‰\" is a unit only on its own.");
	CHECK_STR(canon("[2,3]%%"), "ERROR: The unit \"%%\" at character 6 is not a unit: \"%\" is a unit only on its own.");
	CHECK_STR(canon("增长7%%/年"), "ERROR: The unit \"%%\" at character 4 is not a unit: \"%\" is a unit only on its own.");
	CHECK_STR(canon("７６％％"), "ERROR: The unit \"%%\" at character 3 is not a unit: \"%\" is a unit only on its own.");
	CHECK_STR(canon("5万°"), "ERROR: The unit \"万°\" at character 2 is not a unit: \"°\" is a unit only on its own.");
	/* units of only punctuation, symbols or digits */
	CHECK_STR(canon("5··"), "ERROR: The unit \"··\" at character 2 is not a unit: it has no letter or Han character.");
	CHECK_STR(canon("5①"), "ERROR: The unit \"①\" at character 2 is not a unit: it has no letter or Han character.");
	CHECK_STR(canon("5²"), "ERROR: The unit \"²\" at character 2 is not a unit: it has no letter or Han character.");
	CHECK_STR(canon("5١٢"), "ERROR: The unit \"١٢\" at character 2 is not a unit: it has no letter or Han character.");
	CHECK_STR(canon("5★"), "ERROR: The unit \"★\" at character 2 is not a unit: it has no letter or Han character.");
	/* a stray character in a free unit */
	CHECK_STR(canon("5吨·"), "ERROR: The unit \"吨·\" at character 2 is not a unit: \"·\" at character 3 is neither a letter nor a Han character.");
	CHECK_STR(canon("5m²²"), "ERROR: The unit \"m²²\" at character 2 is not a unit: \"²\" at character 4 is neither a letter nor a Han character.");
	CHECK_STR(canon("5微克/立方米个"),
			  "ERROR: The unit \"微克/立方米个\" at character 2 is not a unit: \"/\" at character 4 is neither a letter nor a Han character.");
	/* still units */
	CHECK_STR(canon("76%"), "76%");
	CHECK_STR(canon("5‰"), "5‰");
	CHECK_STR(canon("5万%"), "5万%");
	CHECK_STR(canon("12/10万"), "12/10万");
	CHECK_STR(canon("3亿/10万"), "3亿/10万");
	CHECK_STR(canon("2.2∶1"), "2.2∶1");
	CHECK_STR(canon("5万mg/m3"), "5万mg/m3");
	CHECK_STR(canon("5μg/m³"), "5μg/m³");
	CHECK_STR(canon("5亿"), "5亿");
	CHECK_STR(canon("7000亿级"), "7000亿级");
	CHECK_STR(canon("5G"), "5G");
	CHECK_STR(canon("5吨·公里"), "5吨·公里");
	CHECK_STR(canon("5m²"), "5m²");
	CHECK_STR(canon("5万㎡"), "5万㎡");
	CHECK_STR(canon("25°以上"), ">=25°");
	CHECK_STR(canon("5℃"), "5℃");
	CHECK_STR(canon("5°C"), "5°C");
	/* every table row, alone and after multipliers, reads back as itself */
	{
		size_t		n;
		const pd_unit_row *rows = pd_unit_table(&n);
		static const char *const mult[] = {"", "万", "亿", "十万", "万亿", "百万"};

		for (size_t k = 0; k < n; k++)
			for (size_t j = 0; j < sizeof mult / sizeof mult[0]; j++)
			{
				char		lit[128],
							want[128];

				snprintf(lit, sizeof lit, "5%s%s", mult[j], rows[k].name);
				snprintf(want, sizeof want, "5%s%s", mult[j], rows[k].name);
				CHECK_STR(canon(lit), want);
			}
	}
	/* whatever unit the extractor reads, its target reads back */
	{
		const char *text = "增长率达到5万%，发生率降至3亿/10万，占比达到2千‰，规模达到万亿级，"
			"浓度降至30万微克/立方米，算力达到5000P，铁路网密度达到507公里/万平方公里，收入比缩小到2.2∶1以内。";
		int			hits = 0;
		pd_error	err;

		CHECK_INT(pd_targets_scan(text, strlen(text), NULL, scan_reads_back, &hits, NULL, &err), PD_OK);
		CHECK(hits >= 6);
	}
}

static unsigned
rnd(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* random targets: format, parse back, same value and same text */
static void
test_random_round_trip(void)
{
	static const char *units[] = {"", "%", "‰", "个百分点", "万人", "人", "亿元", "万亿元", "公里", "亩",
		"万千瓦", "个", "家", "EFLOPS", "Gbps", "小时", "亿级", "G", "万吨标准煤", "平方公里"};
	unsigned	seed = 12345;

	for (int k = 0; k < 20000; k++)
	{
		pd_target	t,
					u;
		char		text[PD_TARGET_TEXT_MAX],
					text2[PD_TARGET_TEXT_MAX];
		pd_error	err;
		const char *unit;

#define RND() rnd(&seed)
		memset(&t, 0, sizeof t);
		t.kind = RND() % 2;
		t.op = RND() % 7;
		t.per_year = RND() % 3 == 0;
		t.value.mant = (int64_t) (RND() % 100000);
		if (RND() % 2)
			t.value.mant *= 1000003;
		t.value.exp = RND() % 5;
		if (t.kind == PD_TK_GROWTH && RND() % 2)
			t.value.mant = -t.value.mant;
		t.value = pd_dec_norm(t.value);
		if (t.op == PD_OP_RANGE)
		{
			t.value_hi = t.value;
			t.value_hi.mant += (int64_t) (RND() % 1000) * (t.value.exp ? 1 : 1);
			t.value_hi = pd_dec_norm(t.value_hi);
		}
		unit = units[RND() % (sizeof units / sizeof units[0])];
		strcpy(t.unit, unit);
		t.unit_len = (uint8_t) strlen(unit);
		pd_unit_resolve(t.unit, t.unit_len, &t.u);
		pd_target_format(&t, text);
		if (pd_target_parse(text, strlen(text), &u, &err) != PD_OK)
		{
			fprintf(stderr, "round trip: %s does not parse: %s\n", text, err.msg);
			CHECK(false);
			continue;
		}
		pd_target_format(&u, text2);
		CHECK_STR(text2, text);
		CHECK_STR(canon_slow(text), text);
		CHECK_INT(pd_target_cmp(&t, &u), 0);
		{
			unsigned char a[PD_TARGET_PACKED_MAX],
						b[PD_TARGET_PACKED_MAX];
			size_t		na = pd_target_pack(&t, a),
						nb = pd_target_pack(&u, b);

			CHECK(na == nb && memcmp(a, b, na) == 0);
		}
	}
}

static void
test_units(void)
{
	pd_target	t;

	t = T("65万人");
	CHECK_INT(t.u.dim, PD_DIM_PERSONS);
	CHECK_INT(t.u.pow10, 4);
	t = T("1.2万亿元");
	CHECK_INT(t.u.dim, PD_DIM_MONEY);
	CHECK_INT(t.u.pow10, 12);
	t = T("11亿千瓦");
	CHECK_INT(t.u.dim, PD_DIM_POWER);
	CHECK_INT(t.u.pow10, 8);
	t = T("5千瓦");
	CHECK_INT(t.u.pow10, 0);
	t = T("3万千米");
	CHECK_INT(t.u.dim, PD_DIM_LENGTH);
	CHECK_INT(t.u.pow10, 7);
	t = T("2个百分点");
	CHECK_INT(t.u.dim, PD_DIM_POINTS);
	t = T("5‰");
	CHECK_INT(t.u.dim, PD_DIM_PERCENT);
	CHECK_INT(t.u.pow10, -1);
	t = T("10万亩");
	CHECK_INT(t.u.dim, PD_DIM_AREA);
	CHECK(t.u.factor > 666.6 && t.u.factor < 666.7);
	t = T("5亿");
	CHECK_INT(t.u.dim, PD_DIM_NONE);
	CHECK_INT(t.u.pow10, 8);
	t = T("7000亿级");
	CHECK_INT(t.u.dim, PD_DIM_UNKNOWN);
	CHECK_INT(t.u.pow10, 8);
	t = T("10 gbps");
	CHECK_INT(t.u.dim, PD_DIM_BITRATE);
	CHECK_STR(t.unit, "gbps");
	t = T("10EB");
	CHECK_INT(t.u.dim, PD_DIM_DATA);
	CHECK_INT(t.u.pow10, 18);
	t = T("10万吨标准煤");
	CHECK_INT(t.u.dim, PD_DIM_ENERGY);
	t = T("1万名");
	CHECK_INT(t.u.dim, PD_DIM_PERSONS);
	t = T("5万人次");
	CHECK_INT(t.u.dim, PD_DIM_COUNT);
	t = T("15分钟");
	CHECK_INT(t.u.dim, PD_DIM_TIME);
	t = T("3个月");
	CHECK_INT(t.u.dim, PD_DIM_TIME);
	CHECK_STR(pd_dim_name(PD_DIM_UNKNOWN), "unknown");
	CHECK_STR(pd_dim_name(PD_DIM_PERSONS), "persons");
	CHECK_STR(pd_dim_base_unit(PD_DIM_MONEY), "元");
	/* every table row resolves to itself and is unique */
	{
		size_t		n;
		const pd_unit_row *rows = pd_unit_table(&n);

		CHECK(n > 100);
		for (size_t k = 0; k < n; k++)
		{
			pd_measure		u;

			pd_unit_resolve(rows[k].name, strlen(rows[k].name), &u);
			CHECK_INT(u.dim, rows[k].dim);
			CHECK_INT(u.pow10, rows[k].pow10);
			for (size_t j = 0; j < k; j++)
				if (strcasecmp(rows[j].name, rows[k].name) == 0)
				{
					fprintf(stderr, "duplicate unit row %s\n", rows[k].name);
					CHECK(false);
				}
		}
	}
}

static void
test_order(void)
{
	/* kind, dimension, base value */
	CHECK(cmp("76%", "+1%") < 0);	/* levels before growth */
	CHECK(cmp("99%", "1人") < 0);	/* percent (1) before persons (3) */
	CHECK(cmp("65万人", "700000人") < 0);
	CHECK(cmp("65万人", "600000人") > 0);
	CHECK(cmp("65万人", "650000人") != 0);	/* different printed forms */
	CHECK(cmp(">=65万人", ">=65万人") == 0);
	CHECK(cmp(">=65万人", "~65万人") < 0);	/* same base: by comparator */
	CHECK(cmp("[2,3]个", "[2,4]个") < 0);
	CHECK(cmp("-13.5%", "+2%") < 0);
	CHECK(cmp("5G", "5%") > 0);	/* unknown dimension last */
	CHECK(cmp("65万人/年", "65万人") > 0);
	CHECK(cmp("1.5%", "1.50%") == 0);
	/* antisymmetry and transitivity over a mixed set */
	{
		const char *lits[] = {"76%", ">=76%", "~76%", "[70,80]%", "0.76", "+7%/年", "-3%", "65万人",
			"650000人", "800公里", "0.8千米", "5G", "5亿", "500000000", "100亩", "10万亩",
		"2个百分点", "<=5‰", "1万亿级", "7000亿级", "3年", "36个月"};
		int			n = sizeof lits / sizeof lits[0];

		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
			{
				int			a = cmp(lits[i], lits[j]),
							b = cmp(lits[j], lits[i]);

				CHECK(a == -b);
				CHECK((a == 0) == (i == j));
				for (int k = 0; k < n; k++)
					if (a < 0 && cmp(lits[j], lits[k]) < 0)
						CHECK(cmp(lits[i], lits[k]) < 0);
			}
	}
	CHECK(cmp("3年", "36个月") < 0 || cmp("3年", "36个月") > 0);
	CHECK(cmp("0.8千米", "800公里") < 0);
}

static void
test_pack(void)
{
	const char *lits[] = {">=76%", "~65万人/年", "[2,3]个", "+7%/年", ">=+2个百分点", "<=-13.5%",
		"[-15,-10]%", ">=1000亿", ">=1万亿级", "~125", "0.5", "5G", "+0%", "100亩",
	"123456789012345678%", "0.000000000000000001%", "3小时"};

	for (size_t k = 0; k < sizeof lits / sizeof lits[0]; k++)
	{
		pd_target	t = T(lits[k]),
					u;
		unsigned char buf[PD_TARGET_PACKED_MAX];
		size_t		n = pd_target_pack(&t, buf);
		char		text[PD_TARGET_TEXT_MAX];

		CHECK(n <= PD_TARGET_PACKED_MAX);
		CHECK(pd_target_unpack(buf, n, &u));
		CHECK_INT(pd_target_cmp(&t, &u), 0);
		pd_target_format(&u, text);
		CHECK_STR(text, lits[k]);
		/* every truncation is rejected or decodes to something valid */
		for (size_t cut = 0; cut < n; cut++)
		{
			pd_target	v;

			if (pd_target_unpack(buf, cut, &v))
				CHECK(v.unit_len <= PD_TARGET_UNIT_MAX);
		}
	}
	{
		pd_target	t = T(">=76%");
		unsigned char buf[PD_TARGET_PACKED_MAX];

		CHECK_INT(pd_target_pack(&t, buf), 7);
	}
}

static void
test_decimals(void)
{
	CHECK_STR(dectext(D("700000")), "700000");
	CHECK_STR(dectext(D("1.50")), "1.5");
	CHECK_STR(dectext(D("-0.05")), "-0.05");
	CHECK_STR(dectext(D("1e21")), "1000000000000000000000");
	CHECK_STR(dectext(D("1.5e-3")), "0.0015");
	CHECK_STR(dectext(D("0")), "0");
	CHECK_STR(dectext(D("-0.000")), "0");
	CHECK(pd_dec_cmp(D("0.3"), D("0.30")) == 0);
	CHECK(pd_dec_cmp(D("1e30"), D("999999999999999999")) > 0);
	CHECK(pd_dec_cmp(D("-1e30"), D("1")) < 0);
	CHECK(pd_dec_cmp(D("1e-30"), D("0")) > 0);
	CHECK(pd_dec_cmp(D("1.00000000000000001"), D("1")) > 0);
	{
		pd_dec		d;
		pd_error	err;

		CHECK_INT(pd_dec_parse("1.2.3", 5, &d, &err), PD_ESYNTAX);
		CHECK_INT(pd_dec_parse("abc", 3, &d, &err), PD_ESYNTAX);
		CHECK_INT(pd_dec_parse("1234567890123456789", 19, &d, &err), PD_ERANGE);
		CHECK_INT(pd_dec_parse("123456789012345678000000", 24, &d, &err), PD_OK);
	}
}

static void
test_met_gap(void)
{
	CHECK_STR(met(">=65万人", "700000", "人"), "true");
	CHECK_STR(met(">=65万人", "649999", "人"), "false");
	CHECK_STR(met(">=65万人", "650000", "人"), "true");
	CHECK_STR(met(">=65万人", "65", NULL), "true");
	CHECK_STR(met(">=65万人", "65", "萬人"), "true");
	CHECK_STR(met(">65万人", "65", NULL), "false");
	CHECK_STR(met("<=5%", "5", NULL), "true");
	CHECK_STR(met("<5%", "5", NULL), "false");
	CHECK_STR(met("~65万人/年", "62", NULL), "true");	/* within 5% */
	CHECK_STR(met("~65万人/年", "61.75", NULL), "true");
	CHECK_STR(met("~65万人/年", "61.74", NULL), "false");
	CHECK_STR(met("~65万人/年", "68.25", NULL), "true");
	CHECK_STR(met("~65万人/年", "68.26", NULL), "false");
	CHECK_STR(met("[2,3]个", "2", NULL), "true");
	CHECK_STR(met("[2,3]个", "4", NULL), "false");
	CHECK_STR(met("800公里", "810", NULL), "true");	/* = is reached */
	CHECK_STR(met("800公里", "799", NULL), "false");
	CHECK_STR(met("-13.5%", "-14", NULL), "true");	/* a decline of 13.5 reached */
	CHECK_STR(met("-13.5%", "-10", NULL), "false");
	CHECK_STR(met("0.35亿元", "3500", "万元"), "true");
	CHECK_STR(met("35万元", "0.0035", "亿元"), "true");
	CHECK_STR(met(">=800公里", "800000", "米"), "true");
	CHECK_STR(met(">=1万亩", "6666666.67", "平方米"), "true");
	CHECK_STR(met(">=1万亩", "6666666", "平方米"), "false");
	CHECK_STR(met(">=5亿", "500000000", ""), "true");
	CHECK_STR(met(">=7000亿级", "0.7", "万亿级"), "true");
	CHECK_STR(met(">=65万人", "800", "公里"),
			  "ERROR: The target's unit \"万人\" measures persons, the actual value's unit \"公里\" measures length.");
	CHECK_STR(met(">=5G", "5", "G"), "true");
	CHECK_STR(met(">=5G", "5", "H"),
			  "ERROR: \"G\" and \"H\" are not in the unit table and cannot be converted.");
	CHECK_STR(met(">=76%", "80", "个百分点"),
			  "ERROR: The target's unit \"%\" measures percent, the actual value's unit \"个百分点\" measures percentage_points.");

	CHECK_STR(gap(">=65万人", "60", NULL), "5");
	CHECK_STR(gap(">=65万人", "600000", "人"), "5");
	CHECK_STR(gap(">=65万人", "70", NULL), "0");
	CHECK_STR(gap("<=5%", "7.5", NULL), "-2.5");
	CHECK_STR(gap("~65万人", "70", NULL), "-1.75");
	CHECK_STR(gap("~65万人", "60", NULL), "1.75");
	CHECK_STR(gap("[2,3]个", "1", NULL), "1");
	CHECK_STR(gap("[2,3]个", "5", NULL), "-2");
	CHECK_STR(gap("-13.5%", "-10", NULL), "-3.5");
	CHECK_STR(gap(">=1.2万亿元", "1000000000000", "元"), "0.2");
}

/* ---- the extractor ---- */

typedef struct collect
{
	char		out[4096];
	size_t		len;
	int			hits;
	int			stop_after;		/* 0: never */
	const char *text;
} collect;

static bool
collect_hit(void *ctx, const pd_target_hit *h)
{
	collect    *c = (collect *) ctx;
	char		t[PD_TARGET_TEXT_MAX];

	pd_target_format(&h->target, t);
	if (c->len < sizeof c->out - 1)
	{
		int			n = snprintf(c->out + c->len, sizeof c->out - c->len, "%s%s|%s|%d|%s%s",
								 c->hits ? "; " : "", t, h->indicator, h->year,
								 pd_period_name(h->period) ? pd_period_name(h->period) : "-",
								 h->aspirational ? "|力争" : "");

		c->len += n > 0 ? (size_t) n : 0;
		if (c->len > sizeof c->out - 1)
			c->len = sizeof c->out - 1;
	}
	/* raw text lies inside the scanned text */
	CHECK(h->raw_start <= h->raw_end && h->raw_end <= strlen(c->text));
	c->hits++;
	return c->stop_after == 0 || c->hits < c->stop_after;
}

static const char *
scan(const char *text)
{
	static collect c;
	pd_error	err;

	memset(&c, 0, sizeof c);
	c.text = text;
	CHECK_INT(pd_targets_scan(text, strlen(text), NULL, collect_hit, &c, NULL, &err), PD_OK);
	return c.out;
}

static bool
cancel_now(void *ctx)
{
	(*(int *) ctx)++;
	return true;
}

static void
test_scan(void)
{
	/* the Chongqing plan's five, in its script */
	CHECK_STR(scan("經過5年努力，全市常住人口城鎮化率達到76%，城市發展更加宜居。"),
			  ">=76%|常住人口城鎮化率|0|-");
	CHECK_STR(scan("城鎮新增就業人數每年穩定在65萬人，加強權益保障。"), "~65万人/年|城鎮新增就業人數|0|annual");
	CHECK_STR(scan("堅持一縣一策，主城新區常住人口城鎮化率達到70%以上，其他區縣常住人口城鎮化率達到60%以上。"),
			  ">=70%|主城新區常住人口城鎮化率|0|-; >=60%|其他區縣常住人口城鎮化率|0|-");
	CHECK_STR(scan("力爭軌道交通運營里程達到800公里，構建15分鐘生活圈和1小時通勤圈。"),
			  ">=800公里|軌道交通運營里程|0|-|力争");
	/* not targets */
	CHECK_STR(scan("第二輪土地承包到期後再延長30年，以15個區縣為重點，2000年以來形成的經驗。"), "");
	CHECK_STR(scan("对新认定的平台给予最高3000万元奖励，按10%比例给予补助，贴息40%，贴息期不超过3年。"), "");
	CHECK_STR(scan("服务器产销量稳居全球前三，构建1＋N＋X体系，推动5G和IPv6应用，打造3A级景区。"), "");
	CHECK_STR(scan("截至2023年底，已建成5G基站3万个。2022年，全省数字经济规模达到5000亿元。"), "");
	CHECK_STR(scan("围绕37条产业链和40个产业集群，支持收入过200亿元的软件企业。"), "");
	/* years: governing, carried, deadlines, five-year plans */
	CHECK_STR(scan("到2025年，A率达到75%。B率达到60%。"),
			  ">=75%|A率|2025|by_year; >=60%|B率|2025|by_year");
	CHECK_STR(scan("2026年底前，建成充电桩10万个。"), "10万个|建成充电桩|2026|by_year");
	CHECK_STR(scan("到“十四五”末，森林覆盖率达到26%。"), ">=26%|森林覆盖率|2025|by_year");
	/* lists */
	CHECK_STR(scan("花生种植、收获机械化率分别达到65%和55%。"),
			  ">=65%|花生种植机械化率|0|-; >=55%|花生收获机械化率|0|-");
	CHECK_STR(scan("马铃薯种植、收获机械化率均达到45%。"),
			  ">=45%|马铃薯种植机械化率|0|-; >=45%|马铃薯收获机械化率|0|-");
	CHECK_STR(scan("培育3家综合型平台、20家行业型平台。"), "3家|培育综合型平台|0|-; 20家|行业型平台|0|-");
	/* a lead word that begins a word of the name stays (共享单车, 及时办结率, 基本医疗保险) */
	CHECK_STR(scan("共享单车投放量控制在10万辆以内，及时办结率达到98%，时速达到350公里。"),
			  "<=10万辆|共享单车投放量|0|-; >=98%|及时办结率|0|-; >=350公里|时速|0|-");
	CHECK_STR(scan("基本医疗保险参保率稳定在95%以上，基本实现城镇化率达到80%。"),
			  ">=95%|基本医疗保险参保率|0|-; >=80%|城镇化率|0|-");
	/* text from a PDF spaces out numbers and words; the spaces are layout */
	CHECK_STR(scan("到 2025 年，全市地区生产总值突破 600 亿元，年均增长 7% 左右，新开工安置房 15546 套。"),
			  ">=600亿元|地区生产总值|2025|by_year; ~+7%/年|地区生产总值年均增长|2025|annual; "
			  "15546套|新开工安置房|2025|by_year");
	CHECK_STR(scan("截至 2023 年底，已建成 5G 基站 3 万个。"), "");
	/* with no document date, a sentence opening with a year is a report unless it aims (争取, 力争) */
	CHECK_STR(scan("2023年，争取全市规上工业增加值增长10%以上。2022年，全省数字经济规模达到5000亿元。"),
			  ">=+10%|规上工业增加值增长|2023|by_year|力争");
	/* a count whose goal verb ends the clause after the counted noun; not with 已 */
	CHECK_STR(scan("到2025年，全市首批100个示范社区全面建成，10个重点项目建成投产。"),
			  "100个|首批示范社区|2025|by_year; 10个|重点项目|2025|by_year");
	CHECK_STR(scan("目前10个项目已建成，在15个区县全面实施。"), "");
	/* a bracket that ends the name is kept when it closes one opened in it */
	CHECK_STR(scan("实际使用外资（FDI）增长5%以上。"), ">=+5%|实际使用外资（FDI）增长|0|-");
	/* 就业 / 再就业 right before the number set a quantity; elsewhere they name people */
	CHECK_STR(scan("失业人员再就业1万人，就业困难人员就业5000人。"),
			  "1万人|失业人员再就业|0|-; 5000人|就业困难人员就业|0|-");
	CHECK_STR(scan("全市就业人员总数为120万人，其中城镇就业人员80万人。经调整后保护区面积30平方公里。"), "");
	/* a run of spaces is judged once: linear, whatever its length */
	{
		size_t		nsp = 200000;
		char	   *buf = malloc(nsp + 64);
		size_t		l = 0;

		memcpy(buf, "到2025年，中", strlen("到2025年，中"));
		l = strlen("到2025年，中");
		memset(buf + l, ' ', nsp);
		l += nsp;
		memcpy(buf + l, "中达到5%。", strlen("中达到5%。") + 1);
		CHECK_STR(scan(buf), ">=5%|中中|2025|by_year");
		free(buf);
	}
	/* PDF spaces before % and around / */
	CHECK_STR(scan("到2025年，城镇化率达到 70 %，PM2.5浓度降至 30 微克 / 立方米。"),
			  ">=70%|城镇化率|2025|by_year; <=30微克/立方米|PM2.5浓度|2025|by_year");
	/* a year just before the verb holds in its clause only */
	CHECK_STR(scan("城镇化率2025年达到70%、2030年达到75%。森林覆盖率达到50%。"),
			  ">=70%|城镇化率|2025|by_year; >=75%|城镇化率|2030|by_year; >=50%|森林覆盖率|0|-");
	CHECK_STR(scan("6月份完成改造老旧小区30个。"), "30个|完成改造老旧小区|0|-");
	/* reports: 过去一年, 一年来, 今年以来, 去年 opening the sentence; 比去年 is a base */
	CHECK_STR(scan("过去一年，全市地区生产总值增长6.1%，新建5G基站2600个。今年以来，新增城镇就业1.2万人。"
				   "去年，全市50个示范村全面建成。"), "");
	CHECK_STR(scan("到2025年，城镇化率比去年提高1个百分点。"), "+1个百分点|城镇化率比去年提高|2025|by_year");
	/* a month deadline after the year; a long noun with a verb inside; 全部 and 全年 left out */
	CHECK_STR(scan("2024年6月底前，建成5G基站500个。"), "500个|建成5G基站|2024|by_year");
	CHECK_STR(scan("全市首批100个嵌入式服务设施建设示范社区全面建成，200个行政村全部完成改造。"),
			  "100个|首批嵌入式服务设施建设示范社区|0|-; 200个|行政村|0|-");
	CHECK_STR(scan("全年新增城镇就业5万人。"), "5万人|新增城镇就业|0|-");
	/* listed names that each end with their own head noun share nothing */
	CHECK_STR(scan("义务教育巩固率、高中阶段毛入学率分别达到97%和92%以上。"),
			  ">=97%|义务教育巩固率|0|-; >=92%|高中阶段毛入学率|0|-");
	/* a share of what a goal verb acts on is a goal; a qualifying share or a past one is not */
	CHECK_STR(scan("到2027年，50%的城市社区建成完备的服务综合体。"),
			  "50%|城市社区建成完备的服务综合体|2027|by_year");
	CHECK_STR(scan("对企业按10%的比例给予补助，占全国10%的份额，全市已有30%的企业完成改造。"), "");
	/* a ratio to one is its number; 缩小到 sets a ceiling */
	CHECK_STR(scan("城乡居民收入比缩小到2.2∶1以内，城乡收入差距缩小至2.5以内。"),
			  "<=2.2∶1|城乡居民收入比|0|-; <=2.5|城乡收入差距|0|-");
	/* networks and people per area */
	CHECK_STR(scan("铁路网密度达到507公里/万平方公里，人口密度控制在1万人/平方公里以内。"),
			  ">=507公里/万平方公里|铁路网密度|0|-; <=1万人/平方公里|人口密度|0|-");
	/* rates per population */
	CHECK_STR(scan("孕产妇死亡率下降到12/10万以下，婴儿死亡率小于5‰。"),
			  "<=12/10万|孕产妇死亡率|0|-; <5‰|婴儿死亡率|0|-");
	/* a magnitude before a noun qualifies it (50亿级项目); at the clause end it is the goal */
	CHECK_STR(scan("力争引进20亿级项目不少于12个、50亿级项目不少于2个，产业规模达到7000亿级。"),
			  ">=12个|引进20亿级项目|0|-|力争; >=2个|50亿级项目|0|-|力争; >=7000亿级|产业规模|0|-|力争");
	/* 分别 pairs the lists across a base year (分别比2020年下降) */
	CHECK_STR(scan("单位地区生产总值能源消耗、二氧化碳排放分别比2020年下降14.5%、20.5%。"),
			  "-14.5%|单位地区生产总值能源消耗下降|0|-; -20.5%|单位地区生产总值二氧化碳排放下降|0|-");
	/* an intensity scope only the first listed name prints is both names' */
	CHECK_STR(scan("单位GDP能耗、二氧化碳排放分别下降13.5%和18%。"),
			  "-13.5%|单位GDP能耗下降|0|-; -18%|单位GDP二氧化碳排放下降|0|-");
	CHECK_STR(scan("人均公园绿地面积、绿地率分别达到15平方米、40%。"),
			  ">=15平方米|人均公园绿地面积|0|-; >=40%|绿地率|0|-");
	/* the guide's limits: time limits per case, bound durations, shares of a base, only N */
	CHECK_STR(scan("自受理之日起15个工作日内办结，自本方案印发之日起30日内出台细则。"),
			  "<=15个工作日|自受理之日起|0|-");
	CHECK_STR(scan("缴纳年限要求不得超过2年，审核时间一般不少于5个工作日，贷款期限不超过3年。"),
			  "<=2年|缴纳年限要求|0|-; >=5个工作日|审核时间一般|0|-");
	CHECK_STR(scan("审核人员不少于本单位人员总数的5%，按总用量的60%估算。"), ">=5%|审核人员|0|-");
	CHECK_STR(scan("每个单位只开设一个账号，只能由一方扣除。"), "<=1个|每个单位|0|-");
	CHECK_STR(scan("课时占总课时一半以上，女性比例超过三分之一。"),
			  ">=50%|课时占总课时|0|-; >=33.33%|女性比例|0|-");
	CHECK_STR(scan("每个地市至少建设一所示范学校。每家企业给予1个名额。"), ">=1所|每个地市|0|-");
	/*
	 * number words far into a long sentence: the fast path that skips
	 * sentences without a trigger reads blocks of 16 or 32 bytes at a time
	 */
	CHECK_STR(scan("各级各部门要按照统筹推进的要求认真研究制定具体实施办法并加强组织领导和督促检查，女性比例超过三分之一。"),
			  ">=33.33%|女性比例|0|-");
	CHECK_STR(scan("各级各部门要按照统筹推进的要求认真研究制定具体实施办法并加强组织领导和督促检查，每个地市至少建设一所学校。"),
			  ">=1所|每个地市|0|-");
	/* a year just before the verb is that goal's year and no part of the indicator */
	CHECK_STR(scan("常住人口城镇化率到2025年达到70%、2030年达到75%。"),
			  ">=70%|常住人口城镇化率|2025|by_year; >=75%|常住人口城镇化率|2030|by_year");
	CHECK_STR(scan("市域总人口2025年控制在300万人以内。"), "<=300万人|市域总人口|2025|by_year");
	/* a month's deadline before the subject is a time phrase, not part of the indicator */
	CHECK_STR(scan("5月底前开工老旧小区改造项目50个，6月前完成改造任务1000户。"),
			  "50个|开工老旧小区改造项目|0|-; 1000户|完成改造任务|0|-");
	/* an age takes any comparator; other durations still need a level word */
	CHECK_STR(scan("人均预期寿命大于77.3岁，贷款期限不超过3年。"), ">77.3岁|人均预期寿命|0|-");
	/* 期间 is a time phrase except in 期间费用率 */
	CHECK_STR(scan("期间费用率控制在8%以内，期间新增就业达到50万人。"),
			  "<=8%|期间费用率|0|-; >=50万人|新增就业|0|-");
	/* an action verb before a rate is no part of it */
	CHECK_STR(scan("全面推进农村改厕覆盖率达到90%，着力提升数字化率达到60%。"),
			  ">=90%|农村改厕覆盖率|0|-; >=60%|数字化率|0|-");
	/* ... and a tail word that ends one (产能, 储能) */
	CHECK_STR(scan("粗钢产能控制在1000万吨以内，新型储能达到100万千瓦，风电装机需达到500万千瓦。"),
			  "<=1000万吨|粗钢产能|0|-; >=100万千瓦|新型储能|0|-; >=500万千瓦|风电装机|0|-");
	/* 倍增 ending its clause doubles; 成倍增长 and a programme's name do not */
	CHECK_STR(scan("高新技术企业数量实现倍增，收入实现翻一番。"),
			  "+100%|高新技术企业数量|0|-; +100%|收入|0|-");
	CHECK_STR(scan("实施企业倍增计划，营收成倍增长。"), "");
	/* 保持 / 维持 before a number holds it; 新改建 / 改扩建 set a quantity */
	CHECK_STR(scan("新改建农村公路8000公里，建制村通客车比例保持100%，粮食产量维持1.2亿吨以上。"),
			  "8000公里|新改建农村公路|0|-; ~100%|建制村通客车比例|0|-; >=1.2亿吨|粮食产量|0|-");
	CHECK_STR(scan("保持战略定力，维持市场秩序，经济保持平稳增长。"), "");
	/* 每年 does not carry into a cumulative or province-wide clause */
	CHECK_STR(scan("每年实施1000个技改项目，累计培育智能制造试点示范项目120个。"),
			  "1000个/年|实施技改项目|0|annual; 120个|累计培育智能制造试点示范项目|0|-");
	CHECK_STR(scan("每年发布100个应用场景，全省遴选50家试点示范。"),
			  "100个/年|发布应用场景|0|annual; 50家|遴选试点示范|0|-");
	/* kinds */
	CHECK_STR(scan("营收年均增长10%以上，能耗比2020年下降13.5%，收入翻一番。"),
			  ">=+10%/年|营收年均增长|0|annual; -13.5%|能耗下降|0|-; +100%|收入|0|-");
	CHECK_STR(scan("力争全省集成电路产业规模过千亿，数字经济规模达到万亿级。"),
			  ">=1000亿|集成电路产业规模|0|-|力争; >=1万亿级|数字经济规模|0|-|力争");
	/* indicator tables: tab, | and space separated, between sentences */
	CHECK_STR(scan("到2025年，城镇化率达到76%。\n指标\t单位\t2020年\t2025年\t属性\n经济发展\n"
				   "地区生产总值增速\t%\t3.9\t6左右\t预期性\n研发经费投入强度\t%\t2.11\t>2.5\t预期性\n"
				   "单位GDP能耗降低\t%\t—\t[14]\t约束性\n森林覆盖率\t%\t52.5\t55以上\t约束性\n"
				   "耕地保有量\t万亩\t—\t完成国家下达任务\t约束性\n力争新增就业达到60万人。"),
			  ">=76%|城镇化率|2025|by_year; ~+6%|地区生产总值增速|2025|by_year; "
			  ">2.5%|研发经费投入强度|2025|by_year; -14%|单位GDP能耗降低|2025|by_year; "
			  ">=55%|森林覆盖率|2025|by_year; >=60万人|新增就业|2025|by_year|力争");
	/* a change the indicator names: signed, per year after 年均, full-width digits too */
	CHECK_STR(scan("指标\t单位\t2020年\t2025年\n居民收入年均增长\t%\t5\t＞６\n"
				   "二氧化碳排放降低\t%\t—\t〔18〕\n"),
			  ">+6%/年|居民收入年均增长|2025|annual; -18%|二氧化碳排放降低|2025|by_year");
	/* a decrease with a comparator: a decline of at least 14 is a change of at most -14 */
	CHECK_STR(scan("指标\t单位\t2025年\n单位GDP能耗降低\t%\t≥14\n"), "<=-14%|单位GDP能耗降低|2025|by_year");
	CHECK_STR(scan("| 指標 | 單位 | 2025年 | 2027年 |\n|---|---|---|---|\n"
				   "| 数字经济核心产业增加值占GDP比重（%） |  | 10 | 12以上 |\n| 5G基站数 | 万个 | 8 | 10 |\n"),
			  ">=12%|数字经济核心产业增加值占GDP比重|2027|by_year; 10万个|5G基站数|2027|by_year");
	CHECK_STR(scan("指标名称  单位  基期值  目标值\n城镇新增就业  万人  60  65\n缺一列  60  65\n"),
			  "65万人|城镇新增就业|0|-");
	/* a header repeated on the next page is no row */
	CHECK_STR(scan("指标\t单位\t2025年\n城镇化率\t%\t76\n指标\t单位\t2025年\n森林覆盖率\t%\t55\n"),
			  "76%|城镇化率|2025|by_year; 55%|森林覆盖率|2025|by_year");
	/*
	 * one cell per line (a table copied from a web page or a PDF): a row ends
	 * with its 属性 cell, a category before it is no cell of it, a blank unit
	 * cell is not printed; without a 属性 column a row has one cell per column
	 */
	CHECK_STR(scan("主要指标\n类别\n指标\n单位\n2020年\n2025年\n属性\n经济发展\n地区生产总值增速\n%\n3.9\n"
				   "6左右\n预期性\n常住人口城镇化率\n%\n69.5\n76\n预期性\n绿色生态\n单位GDP能耗降低\n%\n—\n"
				   "[14]\n约束性\n森林覆盖率（%）\n52.5\n55以上\n约束性\n耕地保有量\n万亩\n—\n完成国家下达任务\n"
				   "约束性\n注：[]内为五年累计数。城镇化率达到76%。"),
			  "~+6%|地区生产总值增速|2025|by_year; 76%|常住人口城镇化率|2025|by_year; "
			  "-14%|单位GDP能耗降低|2025|by_year; >=55%|森林覆盖率|2025|by_year; >=76%|城镇化率|0|-");
	CHECK_STR(scan("序号\n\n指标名称\n\n单位\n\n2022年\n\n2025年\n\n1\n\n5G基站数\n\n万个\n\n3.2\n\n6\n\n"
				   "2\n\n数据中心机架数\n\n万架\n\n1.2\n\n完成省定任务\n\n3\n\n工业互联网平台\n\n个\n\n10\n\n"
				   "20左右\n二、重点任务\n"),
			  "6万个|5G基站数|2025|by_year; ~20个|工业互联网平台|2025|by_year");
	/* a category line before a row of a table without 属性; a row that fits no column ends it */
	CHECK_STR(scan("指标\n单位\n2025年\n经济发展\n人均GDP\n万元\n12\n城镇化率\n%\n76\n城镇化率\n76\n%\n森林覆盖率\n%\n55\n"),
			  "12万元|人均GDP|2025|by_year; 76%|城镇化率|2025|by_year");
	/*
	 * a row missing its 2020 cell ends where the next row's name starts, and a
	 * name with a digit (5G基站数) is that name, no value; not a heading (二、…)
	 */
	CHECK_STR(scan("指标\n单位\n2020年\n2025年\n城镇化率\n%\n76\n5G基站数\n万个\n3\n6\n"),
			  "76%|城镇化率|2025|by_year; 6万个|5G基站数|2025|by_year");
	CHECK_STR(scan("指标\n单位\n2020年\n2025年\n城镇化率\n%\n69.5\n新增就业\n万人\n60\n二、重点任务\n"),
			  "69.5%|城镇化率|2025|by_year");
	/* a name wrapped over two lines: a long line, then a short tail */
	CHECK_STR(scan("指标\n单位\n2020年\n2025年\n属性\n单位地区生产总值二氧化碳排放\n降低\n%\n—\n[18]\n约束性\n"
				   "经济发展\n城镇化率\n%\n69.5\n76\n预期性\n"),
			  "-18%|单位地区生产总值二氧化碳排放降低|2025|by_year; 76%|城镇化率|2025|by_year");
	/* a page number between the cells of a row is no cell */
	CHECK_STR(scan("指标\n单位\n2025年\n属性\n城镇化率\n%\n— 5 —\n76\n预期性\n森林覆盖率\n第6页\n%\n55\n约束性\n"),
			  "76%|城镇化率|2025|by_year; 55%|森林覆盖率|2025|by_year");
	/* Traditional, and a heading or a title over the header is no column */
	CHECK_STR(scan("三、主要目標\n表1 主要指標\n指標\n單位\n2025年\n屬性\n城鎮化率\n%\n76\n預期性\n"),
			  "76%|城鎮化率|2025|by_year");
	CHECK_STR(scan("主要指标\n指标\n单位\n2025年\n城镇化率\n%\n76\n"), "76%|城镇化率|2025|by_year");

	/* no table: a 指标 line with cells but no year or 目标 column, and running text */
	CHECK_STR(scan("指标\t单位\t说明\n城镇化率\t%\t76\n"), "");
	CHECK_STR(scan("主要指标 达到 76%。"), ">=76%|主要指标|0|-");

	/* a governing year given by the caller, and the year at the end */
	{
		collect		c;
		pd_tscan_opts opts = {2030, NULL, NULL, NULL, NULL};
		int			year = 0;
		const char *text = "建成充电桩10万个。到2035年，充电桩达到20万个。";

		memset(&c, 0, sizeof c);
		c.text = text;
		CHECK_INT(pd_targets_scan(text, strlen(text), &opts, collect_hit, &c, &year, NULL), PD_OK);
		CHECK_STR(c.out, "10万个|建成充电桩|2030|by_year; >=20万个|充电桩|2035|by_year");
		CHECK_INT(year, 2035);
	}
	/* the caller stops the scan */
	{
		collect		c;
		pd_error	err;
		const char *text = "A率达到1%。B率达到2%。C率达到3%。";

		memset(&c, 0, sizeof c);
		c.text = text;
		c.stop_after = 2;
		CHECK_INT(pd_targets_scan(text, strlen(text), NULL, collect_hit, &c, NULL, &err), PD_ECANCEL);
		CHECK_INT(c.hits, 2);
	}
	/* the interrupt hook is called on long text and can cancel */
	{
		size_t		n = 3 * PD_INTERRUPT_STRIDE;
		char	   *big = malloc(n + 1);
		int			calls = 0;
		pd_tscan_opts opts = {0, cancel_now, &calls, NULL, NULL};
		pd_error	err;
		collect		c;

		for (size_t k = 0; k < n; k++)
			big[k] = (k % 50 == 49) ? '\n' : 'x';
		big[n] = '\0';
		memset(&c, 0, sizeof c);
		c.text = big;
		CHECK_INT(pd_targets_scan(big, n, &opts, collect_hit, &c, NULL, &err), PD_ECANCEL);
		CHECK_INT(calls, 1);
		free(big);
	}
	/* ... and inside a long indicator table */
	{
		const char *row = "城镇化率\t%\t69.5\t76\n";
		size_t		rowlen = strlen(row),
					n = 0,
					cap = 3 * PD_INTERRUPT_STRIDE + 64;
		char	   *big = malloc(cap + 1);
		int			calls = 0;
		pd_tscan_opts opts = {0, cancel_now, &calls, NULL, NULL};
		pd_error	err;
		collect		c;

		n += (size_t) snprintf(big, cap, "指标\t单位\t2020年\t2025年\n");
		while (n + rowlen < cap)
		{
			memcpy(big + n, row, rowlen);
			n += rowlen;
		}
		big[n] = '\0';
		memset(&c, 0, sizeof c);
		c.text = big;
		CHECK_INT(pd_targets_scan(big, n, &opts, collect_hit, &c, NULL, &err), PD_ECANCEL);
		CHECK_INT(calls, 1);
		CHECK(c.hits > 0 && (size_t) c.hits < n / rowlen);
		free(big);
	}
	/* garbage, long sentences, invalid UTF-8 never fail */
	CHECK_STR(scan("\xff\xfe达到\xe4\xb8%%%以上以下\xe3\x80"), "");
	{
		char	   *big = malloc(200000);
		size_t		len = 0;

		while (len + 40 < 200000)
			len += (size_t) snprintf(big + len, 200000 - len, "工业机器人8000台以上、");
		(void) scan(big);
		free(big);
	}
}

int
main(void)
{
	test_literals();
	test_unit_grammar();
	test_random_round_trip();
	test_units();
	test_order();
	test_pack();
	test_decimals();
	test_met_gap();
	test_scan();
	return ctest_finish("test_target");
}
