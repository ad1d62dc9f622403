/* Unit tests of the taskcode core: numerals, literal parsing, layout, labels. */
#include "ctest.h"
#include "pd_taskcode.h"

static const char *
canon(const char *lit)
{
	static char buf[256];
	pd_tc		tc;
	pd_error	err;

	if (pd_tc_parse(lit, strlen(lit), &tc, &err) != PD_OK)
	{
		snprintf(buf, sizeof buf, "ERROR: %s", err.msg);
		return buf;
	}
	pd_tc_format(tc, buf);
	return buf;
}

static const char *
label(const char *lit, bool full)
{
	static char buf[PD_TC_LABEL_MAX];
	pd_tc		tc;

	if (pd_tc_parse(lit, strlen(lit), &tc, NULL) != PD_OK)
		return "?";
	pd_tc_label(tc, full, buf);
	return buf;
}

static long
cn(const char *s)
{
	return pd_cn_value(s, strlen(s));
}

int
main(void)
{
	/* Chinese numerals */
	CHECK_INT(cn("一"), 1);
	CHECK_INT(cn("十"), 10);
	CHECK_INT(cn("十五"), 15);
	CHECK_INT(cn("二十"), 20);
	CHECK_INT(cn("二十六"), 26);
	CHECK_INT(cn("一百"), 100);
	CHECK_INT(cn("一百零五"), 105);
	CHECK_INT(cn("一百一十"), 110);
	CHECK_INT(cn("一百五"), 150);
	CHECK_INT(cn("两百"), 200);
	CHECK_INT(cn("九百九十九"), 999);
	CHECK_INT(cn("一千零一"), 1001);
	CHECK_INT(cn("廿三"), 23);
	CHECK_INT(cn("一〇五"), 105);
	CHECK_INT(cn("〇"), 0);
	CHECK_INT(cn("貳拾"), 20);
	CHECK_INT(cn("十十"), -1);
	CHECK_INT(cn("百"), -1);
	CHECK_INT(cn("五零"), 50);	/* positional */
	CHECK_INT(cn("二三十"), -1);
	CHECK_INT(cn("一百零"), -1);
	CHECK_INT(cn(""), -1);

	/* formatting numerals back */
	{
		char		b[40];

		pd_cn_format(15, b);
		CHECK_STR(b, "十五");
		pd_cn_format(105, b);
		CHECK_STR(b, "一百零五");
		pd_cn_format(110, b);
		CHECK_STR(b, "一百一十");
		pd_cn_format(999, b);
		CHECK_STR(b, "九百九十九");
		pd_cn_format(1001, b);
		CHECK_STR(b, "一千零一");
		for (unsigned n = 1; n <= 9999; n++)
		{
			size_t		len = pd_cn_format(n, b);

			CHECK_INT(pd_cn_value(b, len), n);
		}
	}

	/* literals */
	CHECK_STR(canon("4.15"), "4.15");
	CHECK_STR(canon("四"), "4");
	CHECK_STR(canon("四、"), "4");
	CHECK_STR(canon("（十五）"), "15");
	CHECK_STR(canon("(十五)"), "15");
	CHECK_STR(canon("四（十五）"), "4.15");
	CHECK_STR(canon("二（三）1.（2）"), "2.3.1.2");
	CHECK_STR(canon("四.15"), "4.15");
	CHECK_STR(canon("４．１５"), "4.15");
	CHECK_STR(canon("①"), "1");
	CHECK_STR(canon("㈠"), "1");
	CHECK_STR(canon("⑳"), "20");
	CHECK_STR(canon("㊿"), "50");
	CHECK_STR(canon("第三章"), "3");
	CHECK_STR(canon("第二章第一节"), "2.1");
	CHECK_STR(canon("一百零五.九百九十九"), "105.999");
	CHECK_STR(canon("  1.2.3  "), "1.2.3");
	CHECK_STR(canon("1﹒2"), "1.2");
	CHECK_STR(canon("1.2.3.4.5.6"), "1.2.3.4.5.6");
	CHECK_STR(canon("四、15"), "4.15");

	/* errors name the problem */
	CHECK_STR(canon(""), "ERROR: A task code cannot be empty.");
	CHECK_STR(canon("1..2"), "ERROR: Empty component before the separator at character 3.");
	CHECK_STR(canon(".1"), "ERROR: The code starts with a separator at character 1.");
	CHECK_STR(canon("1."), "ERROR: The code ends with a separator.");
	CHECK_STR(canon("-1"), "ERROR: Unexpected \"-\" at character 1.");
	CHECK_STR(canon("0"), "ERROR: Component 1 is 0; numbers start at 1.");
	CHECK_STR(canon("1.2.3.4.5.6.7"), "ERROR: A task code has at most 6 levels.");
	CHECK_STR(canon("1000"), "ERROR: Component 1 is 1000, above the maximum of 999.");
	CHECK_STR(canon("1.一千"), "ERROR: Component 2 is 1000, above the maximum of 999.");
	CHECK_STR(canon("四（十五"), "ERROR: The bracket opened at character 2 is not closed.");
	CHECK_STR(canon("abc"), "ERROR: Unexpected \"a\" at character 1.");
	CHECK_STR(canon("4 15"), "ERROR: Unexpected \" \" at character 2; components are separated by \".\".");
	CHECK_STR(canon("四15"), "ERROR: Unexpected \"1\" at character 2; components are separated by \".\".");
	CHECK_STR(canon("（）"), "ERROR: Expected a number at character 2 inside the brackets.");
	CHECK_STR(canon("十十"), "ERROR: \"十十\" at character 1 is not a well-formed Chinese numeral.");
	CHECK_STR(canon("99999999999999999999"), "ERROR: Component 1 is larger than the maximum of 999.");

	/* order: ancestors first, numeric per level */
	{
		const char *sorted[] = {"1", "1.1", "1.1.999", "1.2", "1.10", "2", "999.999.999.999.999.999"};
		pd_tc		prev = 0;

		for (size_t i = 0; i < sizeof sorted / sizeof *sorted; i++)
		{
			pd_tc		tc;

			CHECK(pd_tc_parse(sorted[i], strlen(sorted[i]), &tc, NULL) == PD_OK);
			CHECK(tc > prev);
			CHECK((int64_t) tc > 0);
			CHECK(pd_tc_valid(tc));
			prev = tc;
		}
	}

	/* hierarchy */
	{
		pd_tc		a,
					b,
					c;

		pd_tc_parse("4", 1, &a, NULL);
		pd_tc_parse("4.15", 4, &b, NULL);
		pd_tc_parse("5", 1, &c, NULL);
		CHECK(pd_tc_is_descendant(b, a));
		CHECK(pd_tc_is_descendant(a, a));
		CHECK(!pd_tc_is_descendant(a, b));
		CHECK(!pd_tc_is_descendant(c, a));
		CHECK(pd_tc_last_descendant(a) < c);
		CHECK_INT(pd_tc_depth(b), 2);
		CHECK(pd_tc_prefix(b, 1) == a);
		CHECK(!pd_tc_valid(0));
		CHECK(!pd_tc_valid(((pd_tc) 1) << 63));
		CHECK(!pd_tc_valid(pd_tc_set(0, 2, 5)));	/* gap at level 1 */
	}

	/* official labels */
	CHECK_STR(label("4.15", false), "（十五）");
	CHECK_STR(label("4.15", true), "四（十五）");
	CHECK_STR(label("4", false), "四、");
	CHECK_STR(label("2.3.1.2", true), "二（三）1.（2）");
	CHECK_STR(label("2.3.1.2.7", false), "⑦");
	CHECK_STR(label("2.3.1.2.7.3", false), "3)");
	CHECK_STR(label("1.1.1.1.51", false), "51)");

	return ctest_finish("test_taskcode");
}
