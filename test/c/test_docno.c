/* Unit tests of the docno core: literals, errors, key order, the scanner. */
#include "ctest.h"
#include "pd_docno.h"

#include <stdlib.h>

/* canonical text, or "22P02: detail" / "22003: detail" */
static const char *
canon(const char *lit)
{
	static char buf[400];
	pd_docno	d;
	pd_error	err;
	pd_status	st = pd_docno_parse(lit, strlen(lit), &d, &err);

	if (st != PD_OK)
	{
		snprintf(buf, sizeof buf, "%s: %s", st == PD_ERANGE ? "22003" : "22P02", err.msg);
		return buf;
	}
	pd_docno_format(&d, buf);
	return buf;
}

static int
errpos(const char *lit)
{
	pd_docno	d;
	pd_error	err;

	if (pd_docno_parse(lit, strlen(lit), &d, &err) == PD_OK)
		return -1;
	return err.pos;
}

static const char *
make(const char *issuer, long year, long serial)
{
	static char buf[400];
	pd_docno	d;
	pd_error	err;
	pd_status	st = pd_docno_make(issuer, strlen(issuer), year, serial, &d, &err);

	if (st != PD_OK)
	{
		snprintf(buf, sizeof buf, "%s: %s", st == PD_ERANGE ? "22003" : "22P02", err.msg);
		return buf;
	}
	pd_docno_format(&d, buf);
	return buf;
}

static int
keycmp(const char *a, const char *b)
{
	pd_docno	x,
				y;
	unsigned char ka[PD_DOCNO_KEY_MAX],
				kb[PD_DOCNO_KEY_MAX];
	size_t		la,
				lb;
	int			c;

	if (pd_docno_parse(a, strlen(a), &x, NULL) != PD_OK ||
		pd_docno_parse(b, strlen(b), &y, NULL) != PD_OK)
		return 99;
	la = pd_docno_key(&x, ka);
	lb = pd_docno_key(&y, kb);
	c = pd_docno_key_cmp(ka, la, kb, lb);
	/* the struct comparison must agree with the key comparison */
	if ((c < 0) != (pd_docno_cmp(&x, &y) < 0) || (c == 0) != (pd_docno_cmp(&x, &y) == 0))
		return 98;
	return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

/* the document's numbers as "self 渝府发〔2025〕4号 [10,29) x2; cites …" */
static const char *
refs(const char *doc)
{
	static char buf[2000];
	pd_docno_list list;
	size_t		n = 0;

	buf[0] = '\0';
	if (pd_docno_collect(doc, strlen(doc), PD_DOCNO_BODY_UNKNOWN, NULL, &list, NULL) != PD_OK)
		return "ERROR";
	for (int i = 0; i < list.nrefs; i++)
	{
		char		t[PD_DOCNO_TEXT_MAX];
		pd_docno_ref *r = &list.refs[i];

		pd_docno_format(&r->value, t);
		n += (size_t) snprintf(buf + n, sizeof buf - n, "%s%s %s [%zu,%zu) x%d",
							   i ? "; " : "", r->self ? "self" : "cites", t,
							   r->start, r->end, r->occurrences);
	}
	pd_docno_list_free(&list);
	return buf;
}

/* the numbers only, "self:国发〔2024〕17号 cites:…" */
static const char *
roles(const char *doc)
{
	static char buf[2000];
	pd_docno_list list;
	size_t		n = 0;

	buf[0] = '\0';
	if (pd_docno_collect(doc, strlen(doc), PD_DOCNO_BODY_UNKNOWN, NULL, &list, NULL) != PD_OK)
		return "ERROR";
	for (int i = 0; i < list.nrefs; i++)
	{
		char		t[PD_DOCNO_TEXT_MAX];

		pd_docno_format(&list.refs[i].value, t);
		n += (size_t) snprintf(buf + n, sizeof buf - n, "%s%s:%s", i ? " " : "",
							   list.refs[i].self ? "self" : "cites", t);
	}
	pd_docno_list_free(&list);
	return buf;
}

/* every match re-parses, from its raw text, to the value reported */
static const char *scanned;
static int	raw_mismatches;

static bool
check_raw(void *ctx, const pd_docno_match *m)
{
	pd_docno	r;

	(void) ctx;
	if (m->end <= m->start ||
		pd_docno_parse(scanned + m->start, m->end - m->start, &r, NULL) != PD_OK ||
		pd_docno_cmp(&r, &m->value) != 0)
		raw_mismatches++;
	return true;
}

static int	interrupt_calls;
static int	cancel_after;

static bool
count_interrupt(void *ctx)
{
	(void) ctx;
	return ++interrupt_calls == cancel_after;
}

static long	seen;

static bool
count_match(void *ctx, const pd_docno_match *m)
{
	(void) ctx;
	(void) m;
	seen++;
	return true;
}

int
main(void)
{
	/* ---- every printed variant gives the same number ---- */
	const char *same[] = {
		"渝府发〔2025〕4号", "渝府發〔2025〕4號", "渝府发[2025]4号", "渝府发（2025）4号",
		"渝府发［2025］4号", "渝府发(2025)4号", "渝府发【2025】4号", "渝府发〖2025〗4号",
		"渝府发﹝2025﹞4号", "渝府发〔２０２５〕４号", "渝府发〔2025〕第4号", "渝府发〔2025〕4",
		"  渝府发〔2025〕4号\n", "\u3000渝府发〔2025〕4号\u3000", "渝府发 〔 2025 〕 第 4 号",
		"渝府发〔2025〕04号", "渝府發〔2025〕第４號", "渝府发〔2025)4号",
	};

	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		CHECK_STR(canon(same[i]), "渝府发〔2025〕4号");
	CHECK_STR(canon("国发〔2024〕17号"), "国发〔2024〕17号");
	CHECK_STR(canon("國辦發〔2023〕5號"), "国办发〔2023〕5号");
	CHECK_STR(canon("皖政〔2021〕82号"), "皖政〔2021〕82号");
	CHECK_STR(canon("鲁政字〔2023〕107号"), "鲁政字〔2023〕107号");
	CHECK_STR(canon("济政发[2021]9号"), "济政发〔2021〕9号");
	CHECK_STR(canon("青政办字〔2024〕12号"), "青政办字〔2024〕12号");
	CHECK_STR(canon("渝府办发〔2025〕100号"), "渝府办发〔2025〕100号");
	CHECK_STR(canon("国办发明电〔2020〕6号"), "国办发明电〔2020〕6号");
	CHECK_STR(canon("国发〔1949〕1号"), "国发〔1949〕1号");
	CHECK_STR(canon("国发〔2100〕999999号"), "国发〔2100〕999999号");
	CHECK_STR(canon("一二三四五六七八九十一二三四五六〔2020〕1号"),
			  "一二三四五六七八九十一二三四五六〔2020〕1号");
	CHECK_STR(canon("𠀀发〔2020〕1号"), "𠀀发〔2020〕1号");	/* extension B */

	/* ---- errors: class, message, position ---- */
	CHECK_STR(canon(""), "22P02: A document number cannot be empty.");
	CHECK_STR(canon(" \t\u3000"), "22P02: A document number cannot be empty.");
	CHECK_STR(canon("渝府发"), "22P02: The year in brackets is missing after the issuer code.");
	CHECK_STR(canon("渝府发〔"), "22P02: The year is missing after the bracket at character 4.");
	CHECK_STR(canon("渝府发〔〕4号"), "22P02: Expected a four-digit year at character 5.");
	CHECK_STR(canon("渝府发〔25〕4号"),
			  "22P02: The year \"25\" at character 5 does not have four digits.");
	CHECK_STR(canon("渝府发〔20250〕4号"),
			  "22P02: The year \"20250\" at character 5 does not have four digits.");
	CHECK_STR(canon("渝府发〔123456789012〕4号"),
			  "22P02: The year at character 5 has 12 digits instead of four.");
	CHECK_STR(canon("渝府发〔2025"), "22P02: The bracket opened at character 4 is not closed.");
	CHECK_STR(canon("渝府发〔2025年〕4号"), "22P02: Expected a closing bracket at character 9.");
	CHECK_STR(canon("渝府发〔2025〕"), "22P02: The serial number is missing after the year.");
	CHECK_STR(canon("渝府发〔2025〕号"), "22P02: Expected the serial number at character 10.");
	CHECK_STR(canon("渝府发〔2025〕第"), "22P02: The serial number is missing after the year.");
	CHECK_STR(canon("渝府发〔2025〕0号"), "22P02: The serial number is 0; serial numbers start at 1.");
	CHECK_STR(canon("渝府发〔2025〕4号x"),
			  "22P02: Unexpected \"x\" at character 12 after the serial number.");
	CHECK_STR(canon("渝府发〔2025〕4号号"),
			  "22P02: Unexpected \"号\" at character 12 after the serial number.");
	CHECK_STR(canon("渝府发〔2025〕4-1号"),
			  "22P02: Unexpected \"-\" at character 11 after the serial number.");
	CHECK_STR(canon("〔2025〕4号"), "22P02: The issuer code (机关代字) is missing before the bracket.");
	CHECK_STR(canon("2025渝府发〔2025〕4号"),
			  "22P02: A document number starts with its issuer code (机关代字), not with a digit.");
	CHECK_STR(canon("渝2府发〔2025〕4号"),
			  "22P02: The issuer code contains the digit at character 2; an issuer code is made of Chinese characters only.");
	CHECK_STR(canon("渝府发2025年4号"),
			  "22P02: Expected an opening bracket before the year at character 4.");
	CHECK_STR(canon("渝府·发〔2025〕4号"),
			  "22P02: Unexpected \"·\" in the issuer code at character 3; an issuer code is made of Chinese characters only.");
	CHECK_STR(canon("GB发〔2025〕4号"),
			  "22P02: Unexpected \"G\" in the issuer code at character 1; an issuer code is made of Chinese characters only.");
	CHECK_STR(canon("渝府 发〔2025〕4号"),
			  "22P02: Unexpected white space in the issuer code at character 3.");
	CHECK_STR(canon("一二三四五六七八九十一二三四五六七〔2020〕1号"),
			  "22P02: The issuer code has 17 characters; at most 16 are allowed.");
	CHECK_STR(canon("渝府发〔1948〕4号"), "22003: The year 1948 is outside the range 1949 to 2100.");
	CHECK_STR(canon("渝府发〔2101〕4号"), "22003: The year 2101 is outside the range 1949 to 2100.");
	CHECK_STR(canon("渝府发〔0000〕4号"), "22003: The year 0 is outside the range 1949 to 2100.");
	CHECK_STR(canon("渝府发〔2025〕1000000号"),
			  "22003: The serial number is above the maximum of 999999.");
	CHECK_STR(canon("渝府发〔2025〕99999999999999999999号"),
			  "22003: The serial number is above the maximum of 999999.");
	/* syntax errors win over range errors */
	CHECK_STR(canon("渝府发〔1900〕4号x"),
			  "22P02: Unexpected \"x\" at character 12 after the serial number.");
	/* invalid UTF-8 is an unexpected character, never a crash */
	CHECK_STR(canon("渝\xff府发〔2025〕4号"),
			  "22P02: Unexpected \"\xef\xbf\xbd\" in the issuer code at character 2; an issuer code is made of Chinese characters only.");
	CHECK_INT(errpos("渝府发〔2025〕4号x"), 12);
	CHECK_INT(errpos("  渝府发〔25〕4号"), 7);	/* counted from the literal's start */
	CHECK_INT(errpos("渝府发〔1948〕4号"), 5);

	/* ---- the constructor ---- */
	CHECK_STR(make("渝府發", 2025, 4), "渝府发〔2025〕4号");
	CHECK_STR(make("", 2025, 4), "22P02: The issuer code cannot be empty.");
	CHECK_STR(make("渝府发 ", 2025, 4),
			  "22P02: Unexpected \" \" in the issuer code at character 4; an issuer code is made of Chinese characters only.");
	CHECK_STR(make("渝府发", 1900, 4), "22003: The year 1900 is outside the range 1949 to 2100.");
	CHECK_STR(make("渝府发", 2025, 0), "22P02: The serial number is 0; serial numbers start at 1.");
	CHECK_STR(make("渝府发", 2025, -3), "22P02: The serial number is -3; serial numbers start at 1.");
	CHECK_STR(make("渝府发", 2025, 1000000), "22003: The serial number is above the maximum of 999999.");

	/* ---- key layout and order: issuer bytes, then year, then serial ---- */
	{
		pd_docno	d,
					e;
		unsigned char k[PD_DOCNO_KEY_MAX];
		size_t		n;

		CHECK(pd_docno_parse("渝府发〔2025〕4号", strlen("渝府发〔2025〕4号"), &d, NULL) == PD_OK);
		n = pd_docno_key(&d, k);
		CHECK_INT(n, 9 + 6);
		CHECK(memcmp(k, "渝府发\0\x07\xe9\x00\x00\x04", 15) == 0);
		CHECK(pd_docno_from_key(k, n, &e));
		CHECK(pd_docno_cmp(&d, &e) == 0);
		CHECK(!pd_docno_from_key(k, n - 1, &e));	/* no terminator where expected */
		k[n - 1] = 0;
		CHECK(!pd_docno_from_key(k, n, &e));	/* serial 0 */
		CHECK(!pd_docno_from_key(k, 6, &e));	/* no issuer */
	}
	CHECK_INT(keycmp("国发〔2024〕17号", "國發〔2024〕17號"), 0);
	CHECK_INT(keycmp("国发〔2024〕2号", "国发〔2024〕17号"), -1);	/* serial numerically */
	CHECK_INT(keycmp("国发〔2023〕99号", "国发〔2024〕1号"), -1);	/* year before serial */
	CHECK_INT(keycmp("国发〔2024〕1号", "国办发〔2000〕1号"), 1);	/* 发 E5 8F 91 > 办 E5 8A 9E */
	CHECK_INT(keycmp("国发〔2099〕9号", "国发明电〔1950〕1号"), -1);	/* prefix first */
	CHECK_INT(keycmp("渝府发〔2025〕4号", "渝府办发〔2025〕4号"), 1);

	/* ---- the scanner: a notice with its own number on a line of its own ---- */
	{
		const char *doc =
			"重庆市人民政府关于印发重庆市深入实施新型城镇化战略行动计划的通知\n"
			"渝府发〔2025〕4号\n"
			"各区县（自治县）人民政府，市政府各部门：\n"
			"　　现将《行动计划》印发给你们。\n"
			"　　为贯彻落实《国务院关于印发〈深入实施以人为本的新型城镇化战略五年行动计划〉的通知》"
			"（国发〔2024〕17号），制定本计划。\n"
			"一、总体要求\n"
			"　　按照国发〔2024〕17号文件和渝府办发〔2023〕5号要求推进。\n";

		CHECK_STR(roles(doc), "self:渝府发〔2025〕4号 cites:国发〔2024〕17号 cites:渝府办发〔2023〕5号");
		CHECK_STR(refs("渝府发〔2025〕4号"), "self 渝府发〔2025〕4号 [0,23) x1");
	}
	/* Traditional, with the number cited inline in a news lead first */
	CHECK_STR(refs("近日，市政府印發《行動計劃》（渝府發〔2025〕4號）。\n原文件如下：\n"
				   "重慶市人民政府關於印發行動計劃的通知\n　渝府發〔2025〕4號　\n各區縣（自治縣）人民政府：\n"),
			  "self 渝府发〔2025〕4号 [152,175) x2");
	/* [] brackets, the own number after a label, a number in brackets on its own line */
	CHECK_STR(roles("索 引 号：11370000/2023-00107\n发文机关：山东省人民政府\n发文字号：鲁政字[2023]107号\n"
					"为落实鲁政发[2022]3号精神……\n"),
			  "self:鲁政字〔2023〕107号 cites:鲁政发〔2022〕3号");
	CHECK_STR(roles("文　　号：皖政〔2021〕82号\n"), "self:皖政〔2021〕82号");
	CHECK_STR(roles("發文字號:國發〔2024〕17號\n"), "self:国发〔2024〕17号");
	CHECK_STR(roles("国务院关于加快推进农业机械化的指导意见\n（国发〔2018〕42号）\n各省人民政府：\n"),
			  "self:国发〔2018〕42号");
	/* a citation on a line of its own, but after the body has begun, is not the own number */
	CHECK_STR(roles("某某行动计划\n一、总体要求\n国发〔2024〕17号\n"), "cites:国发〔2024〕17号");
	CHECK_STR(roles("某某行动计划\n第一章 总则\n国发〔2024〕17号\n"), "cites:国发〔2024〕17号");
	CHECK_STR(roles("某某行动计划\n（一）总体要求\n国发〔2024〕17号\n"), "cites:国发〔2024〕17号");
	/* a cited title on its own line is not the own number */
	CHECK_STR(roles("《国务院关于印发某某规划的通知》（国发〔2024〕17号）\n"), "cites:国发〔2024〕17号");
	CHECK_STR(roles("根据国发〔2024〕17号\n"), "cites:国发〔2024〕17号");
	/* no number at all */
	CHECK_STR(roles("某某市数字经济发展行动计划\n一、总体要求\n（一）目标。到2025年，达到（2025）水平。\n"), "");
	CHECK_STR(roles(""), "");

	/* issuer boundaries in running text */
	CHECK_STR(roles("x根据国发〔2024〕17号、国办发〔2023〕5号和皖政〔2021〕82号"),
			  "cites:国发〔2024〕17号 cites:国办发〔2023〕5号 cites:皖政〔2021〕82号");
	CHECK_STR(roles("x印发国发〔2024〕17号，转发国办发〔2023〕5号，依据渝府发〔2025〕4号，"
					"关于济政发〔2021〕9号的"),
			  "cites:国发〔2024〕17号 cites:国办发〔2023〕5号 cites:渝府发〔2025〕4号 cites:济政发〔2021〕9号");
	CHECK_STR(roles("x贯彻落实国发〔2024〕17号"), "cites:国发〔2024〕17号");
	CHECK_STR(roles("x国发〔2024〕17号国办发〔2023〕5号"), "cites:国发〔2024〕17号 cites:国办发〔2023〕5号");
	CHECK_STR(roles("x（国发 〔2024〕 第17号）"), "cites:国发〔2024〕17号");
	/* not numbers: no issuer, no 号, other digits around, a line break inside, too long */
	CHECK_STR(roles("x12〔2024〕17号 〔2024〕17号 （2021-2025年）国发〔2024〕17 国发〔20245〕17号"), "");
	CHECK_STR(roles("x国发〔2024〕\n17号 国发\n〔2024〕17号 国发〔1900〕1号 国发〔2024〕0号"), "");
	CHECK_STR(roles("x一二三四五六七八九十一二三四五六七〔2024〕1号"), "");
	CHECK_STR(roles("x一二三四五六七八九十一二三四五六〔2024〕1号"),
			  "cites:一二三四五六七八九十一二三四五六〔2024〕1号");
	/* offsets are bytes; occurrences count every mention; rows in document order */
	CHECK_STR(refs("国发〔2024〕17号；渝府发〔2025〕4号；國發〔2024〕17號"),
			  "cites 国发〔2024〕17号 [0,21) x2; cites 渝府发〔2025〕4号 [24,47) x1");
	/* CRLF and a BOM */
	CHECK_STR(roles("\xef\xbb\xbf渝府发〔2025〕4号\r\n国发〔2024〕17号是依据。\r\n"),
			  "self:渝府发〔2025〕4号 cites:国发〔2024〕17号");
	/* the own number is the first one on a line of its own */
	CHECK_STR(roles("通知\n渝府办发〔2025〕10号\n国发〔2024〕17号\n"),
			  "self:渝府办发〔2025〕10号 cites:国发〔2024〕17号");

	/* a caller that knows where the body starts */
	{
		const char *doc = "标题\n国发〔2024〕17号\n正文\n";
		pd_docno_list list;

		CHECK(pd_docno_collect(doc, strlen(doc), 3, NULL, &list, NULL) == PD_OK);
		CHECK_INT(list.nrefs, 1);
		CHECK(!list.refs[0].self);
		pd_docno_list_free(&list);
		CHECK(pd_docno_collect(doc, strlen(doc), strlen(doc), NULL, &list, NULL) == PD_OK);
		CHECK(list.refs[0].self);
		pd_docno_list_free(&list);
	}

	/* ---- junk never loops or crashes; the interrupt hook runs; large input ---- */
	{
		size_t		len = 24u << 20;
		char	   *junk = malloc(len);
		const char *alphabet[] = {"〔", "〕", "[", "]", "(", "（", "）", "２", "2", "0", "号", "號", "发",
		"\n", " ", "　", "第", "：", "\xff", "\xe3", "\xef\xbc", "国"};
		size_t		n = 0;
		unsigned	seed = 12345;
		pd_segment_opts opts = {NULL, count_interrupt, NULL};
		pd_docno_list list;

		while (n + 8 < len)
		{
			const char *a;

			seed = seed * 1103515245u + 12345u;
			a = alphabet[(seed >> 16) % (sizeof alphabet / sizeof alphabet[0])];
			memcpy(junk + n, a, strlen(a));
			n += strlen(a);
		}
		interrupt_calls = 0;
		cancel_after = -1;
		CHECK(pd_docno_collect(junk, n, PD_DOCNO_BODY_UNKNOWN, &opts, &list, NULL) == PD_OK);
		pd_docno_list_free(&list);
		CHECK(interrupt_calls >= (int) (n / PD_INTERRUPT_STRIDE) - 1);

		/* a document repeated: every number is found */
		{
			const char *unit = "　　为落实《意见》（国发〔2024〕17号），按照渝府办发〔2023〕5号要求，现印发。\n";
			size_t		ul = strlen(unit);
			size_t		copies = len / ul;
			pd_error	err;

			for (size_t i = 0; i < copies; i++)
				memcpy(junk + i * ul, unit, ul);
			seen = 0;
			interrupt_calls = 0;
			CHECK(pd_docno_scan(junk, copies * ul, &opts, count_match, NULL, NULL) == PD_OK);
			CHECK_INT(seen, 2 * (long) copies);
			CHECK(interrupt_calls >= (int) (copies * ul / PD_INTERRUPT_STRIDE) - 1);
			CHECK(pd_docno_collect(junk, copies * ul, PD_DOCNO_BODY_UNKNOWN, &opts, &list, NULL) == PD_OK);
			CHECK_INT(list.nrefs, 2);
			CHECK_INT(list.refs[0].occurrences, (long) copies);
			pd_docno_list_free(&list);

			/* cancellation */
			interrupt_calls = 0;
			cancel_after = 3;
			CHECK(pd_docno_collect(junk, copies * ul, PD_DOCNO_BODY_UNKNOWN, &opts, &list, &err) == PD_ECANCEL);
			CHECK_INT(interrupt_calls, 3);
			CHECK_INT(list.nrefs, 0);
		}
		/* many distinct numbers: the hash table grows */
		{
			size_t		m = 0;

			for (int i = 1; i <= 5000; i++)
				m += (size_t) sprintf(junk + m, "国发〔%d〕%d号，", 2000 + i % 20, i);
			cancel_after = -1;
			CHECK(pd_docno_collect(junk, m, PD_DOCNO_BODY_UNKNOWN, &opts, &list, NULL) == PD_OK);
			CHECK_INT(list.nrefs, 5000);
			CHECK_INT(list.refs[4999].value.serial, 5000);
			CHECK(list.refs[0].start < list.refs[1].start);
			pd_docno_list_free(&list);
		}
		free(junk);
	}

	/* ---- random short strings from the characters that matter ---- */
	{
		const char *alphabet[] = {"〔", "〕", "[", "]", "(", "（", "）", "2", "０", "9", "1", "号", "號",
			"发", "發", "第", "\n", " ", "　", "：", "文", "国", "于", "的", "一", "、", "《", "》",
		"\xff", "\xe3", "\xef\xbc", "\xe3\x80"};
		int			na = (int) (sizeof alphabet / sizeof alphabet[0]);
		unsigned	seed = 7;
		int			roundtrip_failures = 0,
					silent_errors = 0,
					parsed = 0;
		char		buf[400];

		for (int it = 0; it < 200000; it++)
		{
			size_t		n = 0;
			int			len = (int) ((seed >> 3) % 30);
			pd_docno	d,
						d2;
			pd_error	err;
			pd_docno_list list;

			if (it % 2 == 0)
			{
				/* a number built from random variants of every part */
				const char *issuers[] = {"国发", "國辦發", "渝府发", "鲁政字"};
				const char *opens[] = {"〔", "[", "（", "［", "(", "【", "〖", "﹝"};
				const char *closes[] = {"〕", "]", "）", "］", ")", "】", "〗", "﹞"};
				const char *digits[] = {"0", "1", "2", "5", "9", "０", "２", "９"};
				const char *ends[] = {"号", "號", "", " 号"};
				unsigned	r = seed;

#define PICK(arr) (arr[(r = r * 1103515245u + 12345u, (r >> 16) % (sizeof arr / sizeof arr[0]))])
#define PUT(str) do { const char *s_ = (str); memcpy(buf + n, s_, strlen(s_)); n += strlen(s_); } while (0)
				PUT(PICK(issuers));
				PUT(PICK(opens));
				PUT((r >> 20) % 2 ? "2" : "１");
				for (int k = 0; k < 3; k++)
					PUT(PICK(digits));
				PUT(PICK(closes));
				if ((r >> 18) % 3 == 0)
					PUT("第");
				PUT("1");
				for (int k = (int) ((r >> 12) % 3); k > 0; k--)
					PUT(PICK(digits));
				PUT(PICK(ends));
				if ((r >> 22) % 4 == 0)
					PUT(alphabet[(r >> 8) % (unsigned) na]);	/* sometimes junk */
#undef PICK
#undef PUT
				seed = r;
			}
			else
				for (int k = 0; k < len; k++)
				{
					const char *a;

					seed = seed * 1103515245u + 12345u;
					a = alphabet[(seed >> 16) % (unsigned) na];
					memcpy(buf + n, a, strlen(a));
					n += strlen(a);
				}
			seed = seed * 1103515245u + 12345u;
			if (pd_docno_parse(buf, n, &d, &err) == PD_OK)
			{
				char		t[PD_DOCNO_TEXT_MAX];

				parsed++;
				pd_docno_format(&d, t);
				if (pd_docno_parse(t, strlen(t), &d2, NULL) != PD_OK || pd_docno_cmp(&d, &d2) != 0)
					roundtrip_failures++;
			}
			else if (err.msg[0] == '\0')
				silent_errors++;
			scanned = buf;
			(void) pd_docno_scan(buf, n, NULL, check_raw, NULL, NULL);
			if (pd_docno_collect(buf, n, PD_DOCNO_BODY_UNKNOWN, NULL, &list, NULL) == PD_OK)
				pd_docno_list_free(&list);
		}
		CHECK(parsed > 10000);
		CHECK_INT(roundtrip_failures, 0);
		CHECK_INT(silent_errors, 0);
		CHECK_INT(raw_mismatches, 0);
	}

	return ctest_finish("test_docno");
}
