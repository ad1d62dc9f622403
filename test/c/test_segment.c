/*
 * Unit tests of the document segmenter that SQL cannot see: memory used for
 * a 100 MB document, cancellation through the interrupt hook, and invariants
 * of the item table on generated documents.
 */
#include "ctest.h"
#include "pd_segment.h"

#include <stdlib.h>

/* an allocator that counts live and peak bytes */
typedef struct counting
{
	size_t		live;
	size_t		peak;
} counting;

static void *
count_alloc(void *ctx, size_t size)
{
	counting   *c = ctx;
	size_t	   *p = malloc(size + sizeof(size_t) * 2);

	if (!p)
		return NULL;
	p[0] = size;
	c->live += size;
	if (c->live > c->peak)
		c->peak = c->live;
	return p + 2;
}

static void
count_release(void *ctx, void *ptr)
{
	counting   *c = ctx;
	size_t	   *p = (size_t *) ptr - 2;

	c->live -= p[0];
	free(p);
}

static int	interrupt_calls;

static bool
cancel_after_three(void *ctx)
{
	(void) ctx;
	return ++interrupt_calls >= 3;
}

static char *
repeat_file(const char *path, size_t target, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char		chunk[65536];
	size_t		n;
	char	   *buf;

	if (!f)
		return NULL;
	n = fread(chunk, 1, sizeof chunk, f);
	fclose(f);
	buf = malloc(target + n + 2);
	*len = 0;
	while (*len < target)
	{
		memcpy(buf + *len, chunk, n);
		*len += n;
		buf[(*len)++] = '\n';
	}
	return buf;
}

/* the codes of a document's items, "code heading" joined by " | " */
static const char *
codes(const char *text)
{
	static char out[4096];
	char		head[PD_HEADING_MAX_BYTES];
	pd_doc		d;
	pd_error	err;
	size_t		o = 0;

	out[0] = '\0';
	if (pd_segment(text, strlen(text), NULL, &d, &err) != PD_OK)
		return "ERROR";
	for (int i = 0; i < d.nitems && o + 256 < sizeof(out); i++)
	{
		char		code[64];

		pd_tc_format(d.items[i].code, code);
		pd_item_heading(&d, &d.items[i], head);
		o += (size_t) snprintf(out + o, sizeof(out) - o, "%s%s %s", i ? " | " : "", code, head);
	}
	pd_doc_free(&d);
	return out;
}

int
main(int argc, char **argv)
{
	const char *doc = argc > 1 ? argv[1] : "test/docs/cq_style_trad.txt";
	size_t		len;
	char	   *big = repeat_file(doc, 100 * 1000 * 1000, &len);
	counting	c = {0, 0};
	pd_mem		mem = {count_alloc, count_release, &c};
	pd_segment_opts opts = {&mem, NULL, NULL};
	pd_doc		d;
	pd_error	err;

	CHECK(big != NULL);
	if (!big)
		return ctest_finish("test_segment");

	/* a 100 MB document: the item table stays a fraction of the text */
	CHECK(pd_segment(big, len, &opts, &d, &err) == PD_OK);
	CHECK(d.nitems > 300000);
	CHECK(d.nparts > 10000);
	printf("100 MB document: %d items in %d parts, peak %zu bytes for %zu bytes of text (%.2f)\n",
		   d.nitems, d.nparts, c.peak, len, (double) c.peak / (double) len);
	CHECK(c.peak < len);			/* measured: about 0.63 */
	pd_doc_free(&d);
	CHECK_INT(c.live, 0);

	/* the interrupt hook stops the parse, every PD_INTERRUPT_STRIDE bytes */
	opts.interrupt = cancel_after_three;
	interrupt_calls = 0;
	CHECK(pd_segment(big, len, &opts, &d, &err) == PD_ECANCEL);
	CHECK_INT(interrupt_calls, 3);
	CHECK_INT(c.live, 0);		/* nothing leaked on the way out */
	CHECK_STR(err.msg, "Segmentation was cancelled.");
	free(big);

	/* invariants on a document with everything at once */
	{
		const char *text = "一、总体要求\n（一）指导思想。内容；（二）目标。\n1.甲\n（1）乙\n① 丙\n"
			"专栏1 重点\n1.不是任务\n2.乙2。内容\n二、任务\n（三）丙。\n附件\n名称\n一、附件正文\n";
		char		head[PD_HEADING_MAX_BYTES];

		opts.interrupt = NULL;
		CHECK(pd_segment(text, strlen(text), &opts, &d, &err) == PD_OK);
		for (int i = 0; i < d.nitems; i++)
		{
			const pd_item *it = &d.items[i];

			CHECK(pd_tc_valid(it->code));
			CHECK(pd_tc_depth(it->code) == it->depth);
			CHECK(it->marker_start < it->own_end);
			CHECK(it->own_end <= it->tree_end);
			CHECK(it->parent < i);
			if (i > 0)
				CHECK(it->marker_start >= d.items[i - 1].own_end);
			pd_item_heading(&d, it, head);
		}
		CHECK_INT(d.nparts, 2);
		CHECK_INT(d.nitems, 10);
		pd_doc_free(&d);
	}

	/* a number after an item's dot: a date or a decimal amount is the item's text */
	CHECK_STR(codes("一、资金\n1.用好资金\n2.1.5亿元用于修路。\n3.2025年，启动试点。\n4.3月底前完成。\n"),
			  "1 资金 | 1.1 用好资金 | 1.2 1.5亿元用于修路 | 1.3 2025年，启动试点 | 1.4 3月底前完成");
	CHECK_STR(codes("一、资金\n1.用好资金\n2.0.8万亩用于示范。\n3.2.5%用于奖励。\n4.1.2個百分點。\n"),
			  "1 资金 | 1.1 用好资金 | 1.2 0.8万亩用于示范 | 1.3 2.5%用于奖励 | 1.4 1.2個百分點");
	/* ... but a whole number with a unit is the decimal part of an amount: no item */
	CHECK_STR(codes("一、资金\n1.5亿元资金要用好。\n4.6%左右\n"), "1 资金");
	/* multi-level numbers keep their levels; the check runs at every level */
	CHECK_STR(codes("总则\n1.1 目的\n1.2 原则\n1.2.1 统一领导\n1.2.2.3月底前完成。\n"),
			  "1.1 目的 | 1.2 原则 | 1.2.1 统一领导 | 1.2.2 3月底前完成");

	/* Taiwan's section-item numbers: 2-3 is item 3 of the current top-level section */
	CHECK_STR(codes("一、目標\n二、策略\n2-1 擴充網路。\n2-2、建置平臺。\n2-3推廣訓練。\n三、管考\n3-1 建立機制。\n"),
			  "1 目標 | 2 策略 | 2.1 擴充網路 | 2.2 建置平臺 | 2.3 推廣訓練 | 3 管考 | 3.1 建立機制");
	/* under 壹、 (a container) and below an open （一）: codes stay unique */
	CHECK_STR(codes("壹、緣起\n貳、策略\n一、基礎\n1-1 擴充網路。\n二、人才\n（一）培訓\n2-1 辦理課程。\n2-2 推動合作。\n"),
			  "1 緣起 | 2 策略 | 2.1 基礎 | 2.1.1 擴充網路 | 2.2 人才 | 2.2.1 培訓 | 2.2.1.1 辦理課程 | 2.2.1.2 推動合作");
	/* no level numbered 2 is open: the section is a level without an item */
	CHECK_STR(codes("壹、緣起\n1-1 盤點資源。\n2-1 擴充網路。\n2-2 建置平臺。\n"),
			  "1 緣起 | 1.1 盤點資源 | 1.2.1 擴充網路 | 1.2.2 建置平臺");
	/* ranges and numbers out of order are text */
	CHECK_STR(codes("一、目標\n2-3年內完成。\n1-2個試點。\n10-20人次參加。\n1-1 第一項。\n1-3 跳號。\n3－1 全形。\n"),
			  "1 目標 | 1.1 第一項");
	CHECK_STR(codes("一、目標\n1－1 全形連字號。\n1-2 半形。\n"), "1 目標 | 1.1 全形連字號 | 1.2 半形");
	/* after an item 1-1, a range glued to its unit is still text */
	CHECK_STR(codes("一、目標\n1-1 第一項。\n1-2人參加。\n1-2個試點。\n1-2年完成。\n1-2 第二項。\n"),
			  "1 目標 | 1.1 第一項 | 1.2 第二項");

	/* a document's own year: its date, its 发文字号, the period its title names, the latest plan named */
	{
		static const struct
		{
			const char *text;
			int			year;
		}			cases[] = {
			{"重庆市“十四五”城乡建设规划\n一、发展基础\n“十三五”期间，成效明显。\n", 2021},
			{"某市国民经济和社会发展第十三个五年规划纲要\n第一章 总则\n", 2016},
			{"某省数字经济发展行动计划（2023—2025年）\n一、总体要求\n", 2023},
			{"某区2024年工作要点\n一、重点任务\n", 2024},
			{"某市城乡建设发展规划\n一、发展基础\n", 0},
			/* no date, no period in the title: the latest plan the text names */
			{"某市城乡建设发展规划\n一、发展基础\n“十三五”期间，成效明显。\n二、目标\n到“十四五”末，达到80%。\n", 2021},
			{"某市城乡建设发展规划\n一、发展基础\n“十三五”期间，要达到80%。\n", 2016},
			{"某市城鄉建設發展規劃\n一、發展基礎\n國民經濟和社會發展第十四個五年規劃提出，“十三五”期間成效明顯。\n", 2021},
			{"某市规划\n一、第十五条 十三条\n", 0},
			/* the plan named most; one looked forward to is not counted */
			{"某市数字经济发展规划\n一、发展目标\n1. “十四五”期间，产业增加值达到1000亿元。\n"
			 "2. 展望“十五五”，数字经济成为主导产业。\n", 2021},
			{"某市规划\n一、基础\n“十四五”以来成效明显。\n二、目标\n“十五五”时期，“十五五”末达到80%。\n", 2026},
			{"某市规划\n一、基础\n“十三五”“十三五”“十三五”\n二、目标\n到“十四五”末达到80%。\n", 2016},
			{"某市人民政府关于印发某市“十五五”规划的通知\n某府发〔2026〕3号\n一、总则\n", 2026},
		};

		for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		{
			CHECK(pd_segment(cases[k].text, strlen(cases[k].text), &opts, &d, &err) == PD_OK);
			CHECK(pd_doc_metadata(&d, &opts, &err) == PD_OK);
			CHECK_INT(pd_doc_own_year(&d), cases[k].year);
			pd_doc_free(&d);
		}
	}
	CHECK_INT(c.live, 0);
	return ctest_finish("test_segment");
}
