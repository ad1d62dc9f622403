/*
 * Unit tests of the deadline reader (pd_deadline.h): every form, its range,
 * what is not a deadline, the document's year, tables, inheritance, the
 * word tables, day numbers, stopping and cancelling.
 */
#include "ctest.h"
#include "pd_deadline.h"

#include <stdio.h>
#include <stdlib.h>

/* a day number as YYYY-MM-DD, "-" for unbounded */
static void
day_text(int32_t day, char *buf)
{
	if (day == PD_DAY_NONE)
	{
		strcpy(buf, "-");
		return;
	}
	/* walk from 2000-01-01: slow and obviously right */
	for (int y = 1900; y < 2300; y++)
		for (int m = 1; m <= 12; m++)
		{
			int32_t		first = pd_days_from_civil(y, m, 1);
			int32_t		next = m == 12 ? pd_days_from_civil(y + 1, 1, 1) : pd_days_from_civil(y, m + 1, 1);

			if (day >= first && day < next)
			{
				sprintf(buf, "%04d-%02d-%02d", y, m, (int) (day - first + 1));
				return;
			}
		}
	strcpy(buf, "?");
}

typedef struct rows
{
	const char *text;
	char		out[4096];
	int			n;
	int			stop_after;		/* 0: never */
} rows;

static bool
collect(void *ctx, const pd_deadline *d)
{
	rows	   *r = ctx;
	char		lo[16],
				hi[16];
	size_t		len = strlen(r->out);

	day_text(d->lo, lo);
	day_text(d->hi, hi);
	snprintf(r->out + len, sizeof r->out - len, "%s%s %s..%s %.*s%s", len ? "; " : "",
			 pd_deadline_kind_name(d->kind), lo, hi, (int) (d->raw_end - d->raw_start),
			 r->text + d->raw_start, d->inherited ? " (inherited)" : "");
	r->n++;
	return r->stop_after == 0 || r->n < r->stop_after;
}

/* the rows of a text of a document of the given year, as one string */
static const char *
scan(const char *text, int year)
{
	static rows r;
	pd_error	err;

	memset(&r, 0, sizeof r);
	r.text = text;
	if (pd_deadlines_scan(text, strlen(text), year, NULL, collect, &r, &err) != PD_OK)
		return "ERROR";
	return r.out;
}

/* the rows of a document: code, then as above */
typedef struct drows
{
	rows		r;
	const pd_doc *doc;
} drows;

static bool
collect_doc(void *ctx, const pd_deadline *d)
{
	drows	   *dr = ctx;
	char		code[64];
	size_t		len = strlen(dr->r.out);

	pd_tc_format(dr->doc->items[d->item].code, code);
	snprintf(dr->r.out + len, sizeof dr->r.out - len, "%s[%s] ", len ? "; " : "", code);
	/* collect appends its own separator when out is not empty: strip it */
	{
		size_t		l2 = strlen(dr->r.out);

		collect(&dr->r, d);
		if (dr->r.out[l2] == ';')
			memmove(dr->r.out + l2, dr->r.out + l2 + 2, strlen(dr->r.out + l2 + 2) + 1);
	}
	return true;
}

static const char *
scan_doc(const char *text)
{
	static drows dr;
	pd_doc		d;
	pd_error	err;

	memset(&dr, 0, sizeof dr);
	dr.r.text = text;
	dr.doc = &d;
	if (pd_segment(text, strlen(text), NULL, &d, &err) != PD_OK)
		return "ERROR";
	if (pd_doc_deadlines(&d, NULL, collect_doc, &dr, &err) != PD_OK)
	{
		pd_doc_free(&d);
		return "ERROR";
	}
	pd_doc_free(&d);
	return dr.r.out;
}

static bool
cancel_now(void *ctx)
{
	(void) ctx;
	return true;
}

int
main(void)
{
	CHECK(pd_deadlines_selfcheck());

	/* day numbers are PostgreSQL's: 2000-01-01 is 0 */
	CHECK_INT(pd_days_from_civil(2000, 1, 1), 0);
	CHECK_INT(pd_days_from_civil(2000, 3, 1), 60);
	CHECK_INT(pd_days_from_civil(1999, 12, 31), -1);
	CHECK_INT(pd_days_from_civil(2025, 1, 1) - pd_days_from_civil(2024, 1, 1), 366);
	{
		int			bad = 0;

		for (int32_t day = pd_days_from_civil(1900, 1, 1); day < pd_days_from_civil(2200, 1, 1); day++)
		{
			int			y,
						m,
						d;

			pd_civil_from_days(day, &y, &m, &d);
			if (pd_days_from_civil(y, m, d) != day || m < 1 || m > 12 || d < 1 || d > 31)
				bad++;
		}
		CHECK_INT(bad, 0);
	}

	/* by */
	CHECK_STR(scan("2025年底前完成", 0), "by -..2026-01-01 2025年底前");
	CHECK_STR(scan("2024年6月底前出台", 0), "by -..2024-07-01 2024年6月底前");
	CHECK_STR(scan("2025年12月31日前建成", 0), "by -..2026-01-01 2025年12月31日前");
	CHECK_STR(scan("2025年第三季度末前完成", 0), "by -..2025-10-01 2025年第三季度末前");
	CHECK_STR(scan("2024年2月29日前", 0), "by -..2024-03-01 2024年2月29日前");
	CHECK_STR(scan("2025年2月29日前", 0), "");	/* no such day: a month alone is no deadline */
	CHECK_STR(scan("年内完成", 2024), "by -..2025-01-01 年内");
	CHECK_STR(scan("年內完成", 2024), "by -..2025-01-01 年內");
	CHECK_STR(scan("年内完成", 0), "");
	CHECK_STR(scan("6月底前报送", 2024), "by -..2024-07-01 6月底前");
	CHECK_STR(scan("十二月底前报送", 2024), "by -..2025-01-01 十二月底前");
	CHECK_STR(scan("明年底前", 2024), "by -..2026-01-01 明年底前");
	CHECK_STR(scan("2025年年中前完成", 0), "by -..2025-07-01 2025年年中前");
	CHECK_STR(scan("确保年中前完成", 2024), "by -..2024-07-01 年中前");
	CHECK_STR(scan("2025年中国经济", 2024), "");
	/* during */
	CHECK_STR(scan("2024—2026年", 0), "during 2024-01-01..2027-01-01 2024—2026年");
	CHECK_STR(scan("2024 - 2026年", 0), "during 2024-01-01..2027-01-01 2024 - 2026年");
	CHECK_STR(scan("２０２４～２０２６年", 0), "during 2024-01-01..2027-01-01 ２０２４～２０２６年");
	CHECK_STR(scan("二〇二四至二〇二六年", 0), "during 2024-01-01..2027-01-01 二〇二四至二〇二六年");
	CHECK_STR(scan("2025年上半年", 0), "during 2025-01-01..2025-07-01 2025年上半年");
	CHECK_STR(scan("2025年下半年", 0), "during 2025-07-01..2026-01-01 2025年下半年");
	CHECK_STR(scan("2025年第四季度", 0), "during 2025-10-01..2026-01-01 2025年第四季度");
	CHECK_STR(scan("2025年初，启动", 2024), "during 2025-01-01..2025-04-01 2025年初");
	CHECK_STR(scan("2024年1月至6月", 0), "during 2024-01-01..2024-07-01 2024年1月至6月");
	CHECK_STR(scan("下半年推开", 2024), "during 2024-07-01..2025-01-01 下半年");
	CHECK_STR(scan("1997年4―6月，自查", 0), "during 1997-04-01..1997-07-01 1997年4―6月");
	CHECK_STR(scan("2019年1月1日至12月31日，补贴", 0), "during 2019-01-01..2020-01-01 2019年1月1日至12月31日");
	/* from */
	CHECK_STR(scan("2023年起", 0), "from 2023-01-01..- 2023年起");
	CHECK_STR(scan("2023年起", 2023), "from 2023-01-01..- 2023年起");
	CHECK_STR(scan("自2003年7月起，村民多次反映", 2004), "");
	CHECK_STR(scan("自2024年7月1日起推行", 0), "from 2024-07-01..- 2024年7月1日起");
	/* annual and ongoing: from 1 January of the document's year */
	CHECK_STR(scan("每年开展评估", 2024), "annual 2024-01-01..- 每年");
	CHECK_STR(scan("每年6月底前报送", 2024), "annual 2024-01-01..- 每年6月底前");
	CHECK_STR(scan("每季度通报", 0), "annual -..- 每季度");
	CHECK_STR(scan("建立台账，长期坚持。", 2024), "ongoing 2024-01-01..- 长期坚持");
	CHECK_STR(scan("（持續推進）", 2024), "ongoing 2024-01-01..- 持續推進");

	/* not deadlines */
	CHECK_STR(scan("持续推进城市更新", 2024), "");
	CHECK_STR(scan("2023年，全市已完成改造320个。", 2024), "");
	CHECK_STR(scan("截至2023年底，累计建成85个。", 2024), "");
	CHECK_STR(scan("2022年底前已完成改造。", 2024), "");
	CHECK_STR(scan("2019年底前完成清理。", 2024), "");
	CHECK_STR(scan("2020年以来，稳步提升。", 2024), "");
	CHECK_STR(scan("到2025年，城镇化率达到76%。", 2024), "");
	CHECK_STR(scan("城镇新增就业人数每年稳定在65万人。", 2024), "");
	CHECK_STR(scan("按照《某市规划（2021—2035年）》要求", 2024), "");
	CHECK_STR(scan("三年内完成；当年内完成；去年底完成", 2024), "");
	CHECK_STR(scan("2025年城镇化率提高到72%", 2024), "");
	CHECK_STR(scan("12025年底前", 0), "");
	CHECK_STR(scan("本办法自2019年1月1日起施行。", 2019), "");
	CHECK_STR(scan("每个子女每月1000元；每人每年只享受一次；每年可实现效益4200万元", 2019), "");
	CHECK_STR(scan("1997年5月3日内蒙古包头发生地震", 2024), "");
	CHECK_STR(scan("从现在到2009年，将是关键时期", 2004), "");
	CHECK_STR(scan("监管全覆盖、常态化。", 2019), "");
	CHECK_STR(scan("联席会议每年召开两次会议", 2019), "annual 2019-01-01..- 每年");
	CHECK_STR(scan("按季度报送进展", 2019), "annual 2019-01-01..- 按季度");
	CHECK_STR(scan("按月发放补贴；按年度预算执行", 2019), "");
	/* a governing year without a target in its sentence */
	CHECK_STR(scan("到2027年，基本形成新格局。", 2024), "by -..2028-01-01 2027年");
	/* labels */
	CHECK_STR(scan("完成时限：2024年12月。", 2024), "by -..2025-01-01 2024年12月");
	CHECK_STR(scan("时间节点：持续推进", 2024), "ongoing 2024-01-01..- 持续推进");

	/* documents: the year of 年内, tables, inheritance */
	CHECK_STR(scan_doc("关于印发某县工作方案的通知\n某府发〔2023〕5号\n一、重点任务\n（一）完善制度。年内完成。\n"),
			  "[1.1] by -..2024-01-01 年内");
	CHECK_STR(scan_doc("某区民生实事工作方案（2024年）\n一、重点任务\n（一）完善制度。年内完成。\n"),
			  "[1.1] by -..2025-01-01 年内");
	CHECK_STR(scan_doc("某区行动方案（2024—2026年）\n一、重点任务\n（一）完善制度。年内完成。\n"), "");
	CHECK_STR(scan_doc("一、重点任务\n（一）推进改造。2025年底前完成。\n1．开展试点。先行先试。\n（二）加强保障。强化保障。\n"),
			  "[1.1] by -..2026-01-01 2025年底前; [1.1.1] by -..2026-01-01 2025年底前 (inherited)");
	CHECK_STR(scan_doc("某市2024年工作方案\n一、工作任务\n（一）办好实事。按分工推进。\n附件\n"
					   "序号\t工作任务\t牵头单位\t完成时限\n1\t新建社区食堂\t市民政局\t2024年10月\n"
					   "2\t改造城市道路\t市城市管理局\t持续推进\n"),
			  "[1] by -..2024-11-01 2024年10月; [2] ongoing 2024-01-01..- 持续推进");

	CHECK_STR(scan_doc("通知\n某府发〔2024〕3号\n某市人民政府\n2024年1月31日\n一、任务\n（一）清理。印发之日起1个月内完成，"
					   "印发之日起30日内报送，自受理申请之日起20日内作出决定。\n"),
			  "[1.1] by -..2024-03-01 印发之日起1个月内; [1.1] by -..2024-03-02 印发之日起30日内");

	/* stopping and cancelling */
	{
		rows		r;
		pd_error	err;
		const char *t = "2025年底前；2026年底前；2027年底前";
		pd_deadline_opts opts = {cancel_now, NULL, NULL, true};
		char	   *big;

		memset(&r, 0, sizeof r);
		r.text = t;
		r.stop_after = 2;
		CHECK_INT(pd_deadlines_scan(t, strlen(t), 0, NULL, collect, &r, &err), PD_ECANCEL);
		CHECK_INT(r.n, 2);
		big = malloc(PD_INTERRUPT_STRIDE * 2);
		memset(big, 'a', PD_INTERRUPT_STRIDE * 2);
		memset(&r, 0, sizeof r);
		r.text = big;
		CHECK_INT(pd_deadlines_scan(big, PD_INTERRUPT_STRIDE * 2, 0, &opts, collect, &r, &err), PD_ECANCEL);
		free(big);
	}
	return ctest_finish("test_deadlines");
}
