/*
 * Unit tests of the task-division table reader (pd_table.h) and of the items
 * and units the segmenter and the units module make of a table's rows.
 */
#include "ctest.h"
#include "pd_segment.h"
#include "pd_table.h"
#include "pd_units.h"

#include <stdlib.h>

static pd_cell_sep
sep_of(const char *line)
{
	return pd_cell_separator(line, 0, strlen(line));
}

/* the cells of a line joined by '/' (empty cells stay empty) */
static const char *
cells_of(const char *line, pd_cell_sep sep)
{
	static char out[512];
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			n = pd_split_cells(line, 0, strlen(line), sep, cells, PD_TABLE_MAX_COLS);
	size_t		o = 0;

	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			out[o++] = '/';
		memcpy(out + o, line + cells[i][0], cells[i][1] - cells[i][0]);
		o += cells[i][1] - cells[i][0];
	}
	out[o] = '\0';
	return out;
}

static bool
header(const char *line, pd_table *t)
{
	return pd_table_header(line, 0, strlen(line), t);
}

static long
row_number(const char *cell)
{
	return pd_table_row_number(cell, 0, strlen(cell));
}

/* "code:unit:role ..." of every item's units, the items of part `part` only */
static const char *
units_of(const char *doc, int part)
{
	static char out[2048];
	pd_doc		d;
	pd_error	err;
	pd_unit_rules rules;
	pd_unit_list list;
	size_t		o = 0;

	out[0] = '\0';
	if (pd_segment(doc, strlen(doc), NULL, &d, &err) != PD_OK ||
		pd_unit_rules_scan(doc, strlen(doc), NULL, NULL, &rules, &err) != PD_OK)
		return "error";
	pd_unit_list_init(&list, NULL);
	for (int i = 0; i < d.nitems; i++)
	{
		char		code[64];

		if (d.items[i].part != part)
			continue;
		if (pd_item_units(&d, i, &rules, NULL, NULL, &list, &err) != PD_OK)
			return "error";
		pd_tc_format(d.items[i].code, code);
		for (int k = 0; k < list.n; k++)
			o += (size_t) snprintf(out + o, sizeof(out) - o, "%s%s:%s:%s", o ? " " : "", code,
								   pd_unit_name(&list, &list.units[k]),
								   pd_unit_role_name(list.units[k].role));
	}
	pd_unit_list_free(&list);
	pd_doc_free(&d);
	return out;
}

int
main(void)
{
	pd_table	t;

	/* separators: a tab wins, then |, then a run of two spaces */
	CHECK_INT(sep_of("序号\t任务\t牵头单位"), PD_SEP_TAB);
	CHECK_INT(sep_of("| 序号 | 任务 | 牵头单位 |"), PD_SEP_PIPE);
	CHECK_INT(sep_of("序号   任务   牵头单位"), PD_SEP_SPACES);
	CHECK_INT(sep_of("序号\xE3\x80\x80\xE3\x80\x80任务\xE3\x80\x80\xE3\x80\x80牵头单位"), PD_SEP_SPACES);
	CHECK_INT(sep_of("  推进改革，加强保障。"), PD_SEP_NONE);	/* indentation only */
	CHECK_INT(sep_of("推进 改革"), PD_SEP_NONE);
	CHECK_INT(sep_of("推进改革  "), PD_SEP_NONE);	/* trailing spaces only */
	CHECK_INT(sep_of("a|b"), PD_SEP_NONE);

	/* cells: trimmed, empty ones kept so the columns line up */
	CHECK_STR(cells_of("1\t任务一\t市财政局\t\t2024年", PD_SEP_TAB), "1/任务一/市财政局//2024年");
	CHECK_STR(cells_of("\t接上一行\t\t市税务局", PD_SEP_TAB), "/接上一行//市税务局");
	CHECK_STR(cells_of("| 1 | 任务一 | 市财政局 |", PD_SEP_PIPE), "1/任务一/市财政局");
	CHECK_STR(cells_of("  1    任务 一    市财政局  ", PD_SEP_SPACES), "1/任务 一/市财政局");
	CHECK_STR(cells_of("只有一格", PD_SEP_TAB), "只有一格");

	/* headers: a unit label column and a 序号 or task column, three cells at least */
	CHECK(header("序号\t重点任务\t牵头单位\t配合单位\t完成时限", &t));
	CHECK_INT(t.ncols, 5);
	CHECK_INT(t.number_col, 0);
	CHECK_INT(t.task_col, 1);
	CHECK(!t.unit_col[0] && !t.unit_col[1] && t.unit_col[2] && t.unit_col[3] && !t.unit_col[4]);
	CHECK(header("| 序號 | 項目名稱 | 責任單位（排在第一位的為牽頭單位） | 建設期限 |", &t));
	CHECK_INT(t.sep, PD_SEP_PIPE);
	CHECK(t.unit_col[2]);
	CHECK(header("工作任务    牵头单位    配合单位    完成时限", &t));
	CHECK_INT(t.number_col, -1);
	CHECK_INT(t.task_col, 0);
	CHECK(header("编号\t内容\t责任部门", &t));
	CHECK(!header("序号\t重点任务\t完成时限", &t));	/* no unit column */
	CHECK(!header("序号\t牵头单位", &t));	/* two cells */
	CHECK(!header("牵头单位：市发展改革委  配合单位：市财政局  完成时限：2024年", &t));	/* a labelled list */
	CHECK(!header("市发展改革委\t市财政局\t市教委", &t));	/* names, no labels */

	/* a header printed one cell per line, blank lines between, then row 1 */
	{
		const char *doc = "序号\n\n服务事项\n\n责任单位\n配合单位\n\n1\n社保卡申领\n";
		const char *no_row = "序号\n服务事项\n责任单位\n配合单位\n说明\n";
		const char *no_units = "序号\n服务事项\n完成时限\n1\n";

		CHECK(pd_table_header_lines(doc, 0, strlen(doc), &t));
		CHECK_INT(t.sep, PD_SEP_LINES);
		CHECK_INT(t.ncols, 4);
		CHECK_INT(t.number_col, 0);
		CHECK_INT(t.task_col, 1);
		CHECK(t.unit_col[2] && t.unit_col[3]);
		CHECK(!pd_table_header_lines(no_row, 0, strlen(no_row), &t));
		CHECK(!pd_table_header_lines(no_units, 0, strlen(no_units), &t));
		CHECK(!pd_table_header_lines(doc + 8, 0, strlen(doc + 8), &t));	/* no 序号 first */
		CHECK_STR(cells_of("a\n\n  b \r\nc", PD_SEP_LINES), "a/b/c");
	}

	/* row numbers: the whole cell is a number */
	CHECK_INT(row_number("1"), 1);
	CHECK_INT(row_number("12"), 12);
	CHECK_INT(row_number("１２"), 12);
	CHECK_INT(row_number("3."), 3);
	CHECK_INT(row_number("十五"), 15);
	CHECK_INT(row_number("（三）"), 3);
	CHECK_INT(row_number("(4)"), 4);
	CHECK_INT(row_number("一、产业发展"), -1);
	CHECK_INT(row_number(""), -1);
	CHECK_INT(row_number("()"), -1);
	CHECK_INT(row_number("1234567"), -1);
	CHECK_INT(row_number("0"), 0);	/* a number, but no row's: the segmenter passes it over */

	/* a document: the body, then a table in an attachment of its own */
	{
		const char *doc =
			"一、重点任务\n"
			"（一）推行集成办理。（牵头单位：市市场监管局）\n"
			"附件\n"
			"重点任务分工表\n"
			"序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
			"一、提升便利度\n"
			"1\t推行企业开办集成办理\t市市场监管局\t市公安局、市税务局\t2024年\n"
			"2\t推进不动产登记一窗受理，\t市规划自然资源局\t市住房城乡建委\t2025年\n"
			"\t压缩办理时间\t\t市税务局\t\n"
			"|---|\n"
			"3\t加强培训\t各区县政府\t\t持续推进\n"
			"各区县要抓好落实，确保各项任务按期完成。\n"
			"二、其他\n";
		pd_doc		d;
		pd_error	err;
		char		head[PD_HEADING_MAX_BYTES];

		CHECK(pd_segment(doc, strlen(doc), NULL, &d, &err) == PD_OK);
		CHECK_INT(d.nparts, 2);
		CHECK_INT(d.ntables, 1);
		CHECK_INT(d.nitems, 5);	/* 1, 1.1, and rows 1-3; 二、 after the table is no child of a row */
		if (d.nitems == 5)
		{
			CHECK_INT(d.items[2].part, 2);
			CHECK_INT(d.items[2].table, 1);
			CHECK_INT(d.items[2].depth, 1);
			CHECK_INT(d.items[0].table, 0);
			pd_item_heading(&d, &d.items[3], head);
			CHECK_STR(head, "推进不动产登记一窗受理，");
			pd_item_heading(&d, &d.items[4], head);
			CHECK_STR(head, "加强培训");
		}
		pd_doc_free(&d);
		CHECK_STR(units_of(doc, 1), "1.1:市市场监管局:lead");
		CHECK_STR(units_of(doc, 2),
				  "1:市市场监管局:lead 1:市公安局:co 1:市税务局:co "
				  "2:市规划自然资源局:lead 2:市住房城乡建委:co 2:市税务局:co "
				  "3:各区县政府:lead");
	}

	/* a table with no 序号 column: rows are numbered in order */
	{
		const char *doc =
			"工作任务    牵头单位    配合单位\n"
			"建设数据平台    省大数据中心    省公安厅\n"
			"推进电子证照    省公安厅    省政务服务数据管理局、省市场监管局\n";

		pd_doc		d;
		pd_error	err;

		CHECK_STR(units_of(doc, 1),
				  "1:省大数据中心:lead 1:省公安厅:co 2:省公安厅:lead 2:省政务服务数据管理局:co 2:省市场监管局:co");
		/* with no number to print, the first cell marks the row */
		CHECK(pd_segment(doc, strlen(doc), NULL, &d, &err) == PD_OK);
		CHECK_INT(d.nitems, 2);
		for (int i = 0; i < d.nitems; i++)
			CHECK(d.items[i].marker_start < d.items[i].marker_end &&
				  d.items[i].marker_end <= d.items[i].own_end);
		pd_doc_free(&d);
	}

	/* one cell per line: rows start at the next number in order */
	CHECK_STR(units_of("一、任务\n附件\n清单\n序号\n事项\n牵头单位\n配合单位\n1\n推进改革\n市财政局\n市教委\n"
					   "2\n加强督查\n市政府督查办\n市监察局\n", 2),
			  "1:市财政局:lead 1:市教委:co 2:市政府督查办:lead 2:市监察局:co");

	/*
	 * a blank cell is not printed one cell per line: the row is aligned on
	 * what its cells hold (a deadline is no unit; a blank 配合单位 before a
	 * blank 牵头单位), and a row that fits no alignment names no units
	 */
	CHECK_STR(units_of("一、任务\n附件\n清单\n序号\n事项\n牵头单位\n配合单位\n完成时限\n"
					   "1\n推进改革\n市财政局\n2025年底前\n"
					   "2\n加强督查\n市政府督查办\n市监察局、市审计局\n2026年6月\n"
					   "3\n建设区域医疗中心\n市卫生健康委等\n持续推进\n"
					   "4\n完善制度\n2025年底前\n"
					   "5\n深化改革\n市发展改革委\n", 2),
			  "1:市财政局:lead 2:市政府督查办:lead 2:市监察局:co 2:市审计局:co 3:市卫生健康委:lead "
			  "5:市发展改革委:lead");
	CHECK_STR(units_of("一、任务\n序号\n事项\n牵头单位\n配合单位\n完成时限\n1\n推进改革\n长期坚持\n持续推进\n", 2), "");

	/*
	 * A second table knows nothing of the first: after a table in the body
	 * of 一、, the attached table's category row 三、… before its first row
	 * does not end it as the body's next number would.
	 */
	CHECK_STR(units_of("一、任务分工\n序号\t任务\t牵头单位\n1\t甲\t市财政局\n二、保障措施\n附件\n"
					   "序号\t任务\t牵头单位\n三、类别\n1\t乙\t市教委\n", 2),
			  "1:市教委:lead");

	/* a row numbered 0 is no task (task numbers start at 1) */
	{
		const char *doc = "序号\t任务\t牵头单位\n0\t甲\t市财政局\n1\t乙\t市教委\n";
		pd_doc		d;
		pd_error	err;

		CHECK(pd_segment(doc, strlen(doc), NULL, &d, &err) == PD_OK);
		CHECK_INT(d.nitems, 1);
		CHECK(d.nitems == 1 && pd_tc_valid(d.items[0].code));
		pd_doc_free(&d);
	}

	/* Traditional headers and cells give the same units */
	CHECK_STR(units_of("序號\t任務\t牽頭單位\t配合單位\n1\t推進改革\t市發展改革委\t市財政局\n", 1),
			  "1:市发展改革委:lead 1:市财政局:co");
	return ctest_finish("test_table");
}
