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
