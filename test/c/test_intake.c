/*
 * test_intake.c — the library-free parts of planload's format
 * decoders: Word's list numbers (intake_numbering.c: formats, counting,
 * restarts, start values and overrides, multi-level texts), the page-layout
 * patterns and paragraph joining (intake_layout.c), and intake.c's date
 * normalisation, sniffing and text clean-up.
 */
#include "ctest.h"
#include "intake.h"
#include "intake_layout.h"
#include "intake_numbering.h"
#include "pd_core.h"

#include <stdlib.h>

static const char *
fmt(const char *f, int n)
{
	static char buf[64];

	pl_num_format(f, n, buf, sizeof buf);
	return buf;
}

static void
test_formats(void)
{
	CHECK_STR(fmt("decimal", 7), "7");
	CHECK_STR(fmt("chineseCounting", 1), "一");
	CHECK_STR(fmt("chineseCounting", 10), "十");
	CHECK_STR(fmt("chineseCounting", 11), "十一");
	CHECK_STR(fmt("chineseCounting", 20), "二十");
	CHECK_STR(fmt("chineseCounting", 99), "九十九");
	CHECK_STR(fmt("chineseCounting", 101), "一〇一");
	CHECK_STR(fmt("chineseCountingThousand", 101), "一百零一");
	CHECK_STR(fmt("chineseCountingThousand", 1010), "一千零一十");
	CHECK_STR(fmt("japaneseCounting", 15), "十五");
	CHECK_STR(fmt("ideographDigital", 10), "一〇");
	CHECK_STR(fmt("ideographDigital", 205), "二〇五");
	CHECK_STR(fmt("chineseLegalSimplified", 12), "拾贰");
	CHECK_STR(fmt("decimalFullWidth", 12), "１２");
	CHECK_STR(fmt("decimalEnclosedCircle", 3), "③");
	CHECK_STR(fmt("decimalEnclosedParen", 2), "⑵");
	CHECK_STR(fmt("ideographTraditional", 3), "丙");
	CHECK_STR(fmt("lowerLetter", 28), "bb");
	CHECK_STR(fmt("upperLetter", 1), "A");
	CHECK_STR(fmt("upperRoman", 14), "XIV");
	CHECK_STR(fmt("lowerRoman", 9), "ix");
	CHECK_STR(fmt("decimalZero", 4), "04");
	CHECK_STR(fmt("bullet", 4), "");
	CHECK_STR(fmt("somethingNew", 4), "4");
}

/* one abstract list: 一、 （一） 1. （1）; level 1 restarts as configured */
static void
setup(pl_numbering *nb, int restart1, int start2)
{
	static const char *const f[] = {"chineseCounting", "chineseCounting", "decimal", "decimal"};
	static const char *const t[] = {"%1、", "（%2）", "%3.", "（%4）"};

	memset(nb, 0, sizeof *nb);
	nb->abs = calloc(1, sizeof *nb->abs);
	nb->num = calloc(3, sizeof *nb->num);
	nb->nabs = 1;
	nb->nnum = 3;
	for (int i = 0; i < PL_NUM_LEVELS; i++)
		pl_num_level_default(&nb->abs[0].lvl[i], i);
	for (int i = 0; i < 4; i++)
	{
		snprintf(nb->abs[0].lvl[i].fmt, sizeof nb->abs[0].lvl[i].fmt, "%s", f[i]);
		snprintf(nb->abs[0].lvl[i].text, sizeof nb->abs[0].lvl[i].text, "%s", t[i]);
		nb->abs[0].lvl[i].suff = 'n';
	}
	nb->abs[0].lvl[1].restart = restart1;
	nb->abs[0].lvl[2].start = start2;
	for (int k = 0; k < 3; k++)
	{
		nb->num[k].id = k + 1;
		nb->num[k].abstract = 0;
		for (int i = 0; i < PL_NUM_LEVELS; i++)
			nb->num[k].start_override[i] = -1;
	}
	nb->num[2].start_override[1] = 7;	/* numId 3: "restart at （七）" */
}

static const char *
r(pl_numbering *nb, int num, int lvl)
{
	static char buf[128];

	pl_num_render(nb, num, lvl, buf, sizeof buf);
	return buf;
}

static void
test_counting(void)
{
	pl_numbering nb;

	/* the default: （一） starts again under each 一、 */
	setup(&nb, -1, 1);
	CHECK_STR(r(&nb, 1, 0), "一、");
	CHECK_STR(r(&nb, 1, 1), "（一）");
	CHECK_STR(r(&nb, 1, 1), "（二）");
	CHECK_STR(r(&nb, 1, 2), "1.");
	CHECK_STR(r(&nb, 1, 3), "（1）");
	CHECK_STR(r(&nb, 1, 3), "（2）");
	CHECK_STR(r(&nb, 1, 2), "2.");
	CHECK_STR(r(&nb, 1, 3), "（1）");
	CHECK_STR(r(&nb, 1, 0), "二、");
	CHECK_STR(r(&nb, 1, 1), "（一）");
	/* a second instance of the same list continues it */
	CHECK_STR(r(&nb, 2, 1), "（二）");
	/* a start override restarts the level the first time only */
	CHECK_STR(r(&nb, 3, 1), "（七）");
	CHECK_STR(r(&nb, 3, 1), "（八）");
	CHECK_STR(r(&nb, 1, 0), "三、");
	CHECK_STR(r(&nb, 3, 1), "（一）");
	CHECK_STR(r(&nb, 99, 0), "");	/* no such instance */
	CHECK_STR(r(&nb, 0, 0), "");
	pl_numbering_free(&nb);

	/* lvlRestart 0: （n） runs through the document (国发 style); 1. starts at 3 */
	setup(&nb, 0, 3);
	CHECK_STR(r(&nb, 1, 0), "一、");
	CHECK_STR(r(&nb, 1, 1), "（一）");
	CHECK_STR(r(&nb, 1, 2), "3.");
	CHECK_STR(r(&nb, 1, 0), "二、");
	CHECK_STR(r(&nb, 1, 1), "（二）");
	CHECK_STR(r(&nb, 1, 2), "3.");
	pl_numbering_free(&nb);

	/* multi-level text and the suffix */
	setup(&nb, -1, 1);
	snprintf(nb.abs[0].lvl[1].text, sizeof nb.abs[0].lvl[1].text, "%%1.%%2");
	snprintf(nb.abs[0].lvl[1].fmt, sizeof nb.abs[0].lvl[1].fmt, "decimal");
	nb.abs[0].lvl[1].suff = 't';
	nb.abs[0].lvl[1].legal = true;
	CHECK_STR(r(&nb, 1, 0), "一、");
	CHECK_STR(r(&nb, 1, 1), "1.1 ");	/* isLgl: decimal; a tab after a digit reads as a space */
	CHECK_STR(r(&nb, 1, 1), "1.2 ");
	pl_numbering_free(&nb);
}

static void
test_patterns(void)
{
	static const char *const pages[] = {"— 3 —", "- 3 -", "-3-", "第3页", "第 3 页 共 10 页", "第三页",
	"3/10", "·3·", "3", "— 12 —", NULL};
	static const char *const not_pages[] = {"第三章", "1.5亿", "2025年", "— 3", "3 —", "第3条", "30%", NULL};
	static const char *const heads[] = {"一、总体要求", "（一）指导思想", "1.推进", "1、推进", "（1）完善",
	"第一章 总则", "第十二条 内容", "①更新", "附件1", "十一、保障", "(2) 加强", NULL};
	static const char *const not_heads[] = {"1.5亿千瓦", "一些地方", "2025年底", "第一批", "（见附表）",
	"12345.内容", NULL};

	for (int i = 0; pages[i]; i++)
	{
		CHECK(pl_is_page_number(pages[i], strlen(pages[i])));
		if (!pl_is_page_number(pages[i], strlen(pages[i])))
			fprintf(stderr, "  page number: %s\n", pages[i]);
	}
	for (int i = 0; not_pages[i]; i++)
	{
		CHECK(!pl_is_page_number(not_pages[i], strlen(not_pages[i])));
		if (pl_is_page_number(not_pages[i], strlen(not_pages[i])))
			fprintf(stderr, "  not a page number: %s\n", not_pages[i]);
	}
	for (int i = 0; heads[i]; i++)
	{
		CHECK(pl_starts_heading(heads[i], strlen(heads[i])));
		if (!pl_starts_heading(heads[i], strlen(heads[i])))
			fprintf(stderr, "  heading: %s\n", heads[i]);
	}
	for (int i = 0; not_heads[i]; i++)
	{
		CHECK(!pl_starts_heading(not_heads[i], strlen(not_heads[i])));
		if (pl_starts_heading(not_heads[i], strlen(not_heads[i])))
			fprintf(stderr, "  not a heading: %s\n", not_heads[i]);
	}
}

/* characters of s from (x, y), 10 units each */
static void
put_line(pl_layout *l, const char *s, double x, double y)
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + strlen(s);

	while (p < end)
	{
		uint32_t	cp = pd_u8_next(&p, end);

		pl_layout_glyph(l, cp, x, y, x + 10, y + 10);
		x += 10;
	}
}

static void
test_layout(void)
{
	pl_layout	l = {0};
	pl_buf		b = {0};
	pl_text		t;
	char		why[200];

	/* a page 200 wide, text from 20 to 180: 16 characters a line */
	for (int page = 0; page < 2; page++)
	{
		pl_layout_page(&l, 200, 300);
		put_line(&l, "某市规划文件", 20, 10);	/* a running header */
		if (page == 0)
		{
			put_line(&l, "一、总体要求", 40, 40);
			put_line(&l, "到2025年，全市常住人口城镇化率达", 40, 55);	/* 18 chars: wraps */
			put_line(&l, "到72%。", 20, 70);
			put_line(&l, "1.5亿千瓦的装机容量基本建成并投入使", 20, 85);
			put_line(&l, "用。这一行满到了右边的边缘处为止吗", 20, 100);
			put_line(&l, "（一）加强领导。", 20, 115);	/* a heading: not joined */
		}
		else
			put_line(&l, "二、保障措施", 40, 40);
		put_line(&l, page == 0 ? "— 1 —" : "— 2 —", 80, 280);	/* a page number */
	}
	CHECK(pl_layout_text(&l, &b, why, sizeof why));
	CHECK(pl_clean_text(&b, &t, "test", why, sizeof why));
	CHECK_STR(t.data, "一、总体要求\n到2025年，全市常住人口城镇化率达到72%。\n"
			  "1.5亿千瓦的装机容量基本建成并投入使用。这一行满到了右边的边缘处为止吗\n"
			  "（一）加强领导。\n二、保障措施\n");
	pl_text_free(&t);
	pl_layout_free(&l);

	/* no characters at all: no text layer */
	memset(&l, 0, sizeof l);
	memset(&b, 0, sizeof b);
	pl_layout_page(&l, 200, 300);
	CHECK(!pl_layout_text(&l, &b, why, sizeof why));
	CHECK(strstr(why, "no text layer") != NULL);
	pl_buf_free(&b);
	pl_layout_free(&l);
}

static void
test_intake_helpers(void)
{
	char		d[11];
	pl_buf		b = {0};
	pl_text		t;
	char		why[200];

	CHECK(pl_norm_date("2021年1月5日", d));
	CHECK_STR(d, "2021-01-05");
	CHECK(pl_norm_date(" 2021-01-05 ", d));
	CHECK_STR(d, "2021-01-05");
	CHECK(pl_norm_date("２０２１．１２．３", d));
	CHECK_STR(d, "2021-12-03");
	CHECK(!pl_norm_date("第2021号", d));
	CHECK(!pl_norm_date("2021年13月5日", d));

	CHECK_INT(pl_unify_cjk(0x2F00), 0x4E00);	/* ⼀ → 一 */
	CHECK_INT(pl_unify_cjk(0x2F2F), 0x5DE5);	/* ⼯ → 工 */
	CHECK_INT(pl_unify_cjk(0xF900), 0x8C48);	/* 豈 (compatibility) → 豈 */
	CHECK_INT(pl_unify_cjk(0x4E00), 0x4E00);
	CHECK_INT(pl_unify_cjk('A'), 'A');

	CHECK_INT(pl_sniff("%PDF-1.7\n", 9), PL_FMT_PDF);
	CHECK_INT(pl_sniff("<!DOCTYPE html><html>", 21), PL_FMT_HTML);
	CHECK_INT(pl_sniff("\xEF\xBB\xBF <!-- x --> <html lang=zh>", 33), PL_FMT_HTML);
	CHECK_INT(pl_sniff("一、总体要求 <html>", 24), PL_FMT_TEXT);
	CHECK_INT(pl_sniff("PK\x03\x04garbage", 11), PL_FMT_DOCX);

	pl_buf_puts(&b, "\n\n  标题\xC2\xA0\t \n\n\n\n正文\r\x01行\xE2\x80\x8B。\n\n");
	CHECK(pl_clean_text(&b, &t, "test", why, sizeof why));
	CHECK_STR(t.data, "  标题\n\n正文行。\n");
	pl_text_free(&t);
	pl_buf_puts(&b, " \n\t\xE3\x80\x80\n");
	CHECK(!pl_clean_text(&b, &t, "the page", why, sizeof why));
	CHECK_STR(why, "the page holds no text");
}

int
main(void)
{
	test_formats();
	test_counting();
	test_patterns();
	test_layout();
	test_intake_helpers();
	return ctest_finish("test_intake");
}
