/*
 * Unit tests of the responsible-unit core: name normalisation, what a name
 * says (level, kind, region), every bracket convention, document rules,
 * offsets, cancellation, and bounded work on hostile input.
 */
#include "ctest.h"
#include "pd_units.h"
#include "pd_segment.h"

#include <stdlib.h>
#include <time.h>

static const char *
norm(const char *s)
{
	static char buf[PD_UNIT_NORM_MAX + 64];
	pd_error	err;

	if (pd_unit_normalize(s, strlen(s), buf, NULL, &err) != PD_OK)
		snprintf(buf, sizeof buf, "ERROR: %s", err.msg);
	return buf;
}

/*
 * The units of a text with the rules it states itself, rendered as
 * "name[:role] …" with " | " between brackets; roles other than
 * responsible are spelled out.
 */
static const char *
units_opt(const char *text, bool dedupe)
{
	static char buf[8192];
	pd_unit_rules rules;
	pd_units_opts opts = {&rules, dedupe, NULL, NULL};
	pd_unit_list list;
	pd_error	err;
	size_t		o = 0;
	int			group = 0;

	pd_unit_rules_scan(text, strlen(text), NULL, NULL, &rules, &err);
	pd_unit_list_init(&list, NULL);
	if (pd_units_extract(text, 0, strlen(text), &opts, &list, &err) != PD_OK)
		return "ERROR";
	buf[0] = '\0';
	for (int i = 0; i < list.n && o < sizeof buf - 200; i++)
	{
		const pd_unit *u = &list.units[i];

		if (i > 0)
			o += snprintf(buf + o, sizeof buf - o, u->group != group ? " | " : " ");
		group = u->group;
		o += snprintf(buf + o, sizeof buf - o, "%s", pd_unit_name(&list, u));
		if (u->role != PD_ROLE_RESPONSIBLE)
			o += snprintf(buf + o, sizeof buf - o, ":%s", pd_unit_role_name(u->role));
	}
	pd_unit_list_free(&list);
	return buf;
}

static const char *
units(const char *text)
{
	return units_opt(text, false);
}

static const char *
level(const char *name)
{
	const char *l = pd_unit_level_name(pd_unit_level_of(name, strlen(name)));

	return l ? l : "?";
}

static const char *
kind(const char *name)
{
	const char *k = pd_unit_kind_name(pd_unit_kind_of(name, strlen(name)));

	return k ? k : "?";
}

static const char *
region(const char *issuer)
{
	static char buf[PD_UNIT_NORM_MAX];

	pd_unit_region(issuer, strlen(issuer), buf);
	return buf;
}

static int	cancel_calls;

static bool
cancel_at_second(void *ctx)
{
	(void) ctx;
	return ++cancel_calls >= 2;
}

int
main(void)
{
	/*
	 * Every word table of the module (labels, name knowledge, kinds, verbs,
	 * rules) is well formed: each word at most PD_WORD_MAX_CPS characters
	 * (a longer one would be cut silently), folded, no duplicates.
	 */
	CHECK(pd_units_selfcheck());
	CHECK(pd_unit_labels_selfcheck());

	/* ---- labels (unit_labels.c; table.c reads them too) ---- */
	{
		static const uint32_t lv[] = {0x5E02, 0x7EA7, 0x7275, 0x5934, 0x5355, 0x4F4D, ':'};	/* 市级牵头单位: */
		static const uint32_t co[] = {0x4E3B, '(', 0x534F, ')', 0x529E, 0x673A, 0x5173};	/* 主(协)办机关 */
		const uint32_t *cps;
		int			lab = -1;

		CHECK(pd_unit_label_at(lv, 0, 7, &lab) == 6);
		CHECK(pd_unit_label_role(lab) == PD_ROLE_LEAD && !pd_unit_label_combined(lab));
		CHECK(pd_unit_label_cps(lab, &cps) == 4 && cps[0] == 0x7275);
		CHECK(pd_unit_label_before(lv, 0, 6, &lab) == 6);
		CHECK(pd_unit_label_before(lv, 2, 6, &lab) == 4);
		CHECK(pd_unit_label_at(lv, 0, 4, &lab) == 4 && pd_unit_label_role(lab) == PD_ROLE_LEAD);	/* 市级牵头 */
		CHECK(pd_unit_label_at(co, 0, 7, &lab) == 7 && pd_unit_label_combined(lab));
		CHECK(pd_unit_label_at(lv, 6, 7, &lab) == 0);
		CHECK(pd_unit_label_cell("配合單位", strlen("配合單位")));
		CHECK(pd_unit_label_cell("责任单位（部门）", strlen("责任单位（部门）")));
		CHECK(!pd_unit_label_cell("责任单位为", strlen("责任单位为")));
	}

	/* ---- normalisation ---- */
	CHECK_STR(norm("市發展改革委"), "市发展改革委");
	CHECK_STR(norm("市发展改革委"), "市发展改革委");
	CHECK_STR(norm("　市发展改革委 "), "市发展改革委");
	CHECK_STR(norm("市 发 展 改 革 委"), "市发展改革委");
	CHECK_STR(norm("商务部等有关部门"), "商务部");
	CHECK_STR(norm("商務部等有關部門"), "商务部");
	CHECK_STR(norm("市财政局等"), "市财政局");
	CHECK_STR(norm("市财政局等部门"), "市财政局");
	CHECK_STR(norm("市财政局等单位"), "市财政局");
	CHECK_STR(norm("市财政局等相关单位"), "市财政局");
	/* the 等 tail is a grammar: nouns joined by 和/及/与/、, each with its qualifiers */
	CHECK_STR(norm("人力资源社会保障部等有关部门和单位"), "人力资源社会保障部");
	CHECK_STR(norm("人力資源社會保障部等有關部門和單位"), "人力资源社会保障部");
	CHECK_STR(norm("商务部等相关部门及机构"), "商务部");
	CHECK_STR(norm("市财政局等市级有关部门与单位"), "市财政局");
	CHECK_STR(norm("市财政局等部门等"), "市财政局");
	CHECK_STR(norm("市财政局等单位和个人"), "市财政局等单位和个人");	/* 个人 is no tail noun */
	CHECK_STR(norm("市财政局等有关部门和"), "市财政局等有关部门和");
	CHECK_STR(norm("高等教育机构"), "高等教育机构");	/* 等 inside a word starts no tail */
	CHECK_STR(norm("等有关部门和单位"),
			  "ERROR: \"等\" and its endings name no unit on their own.");
	CHECK_STR(norm("“市财政局”"), "市财政局");
	CHECK_STR(norm("**市财政局**"), "市财政局");
	CHECK_STR(norm("市财政局。"), "市财政局");
	CHECK_STR(norm("（市财政局）"), "市财政局");
	CHECK_STR(norm("市财政局）"), "市财政局");
	CHECK_STR(norm("西部（重慶）科學城管委會"), "西部(重庆)科学城管委会");
	CHECK_STR(norm("各区县〔自治县〕政府"), "各区县(自治县)政府");
	CHECK_STR(norm("各區、市政府"), "各区、市政府");
	CHECK_STR(norm("ＡＢＣ局"), "ABC局");
	CHECK_STR(norm("人行重慶市分行"), "人行重庆市分行");
	CHECK_STR(norm("團市委"), "团市委");
	CHECK_STR(norm(""), "ERROR: A unit name cannot be empty.");
	CHECK_STR(norm(" 、 "), "ERROR: A unit name cannot be empty.");
	CHECK_STR(norm("()"), "ERROR: A unit name cannot be empty.");
	CHECK_STR(norm("123"), "ERROR: A unit name needs a Chinese character or a letter.");
	CHECK_STR(norm("市公安局、市教委"),
			  "ERROR: Separator at character 5: a unit name holds one unit, not a list.");
	CHECK_STR(norm("市公安局,市教委"),
			  "ERROR: Separator at character 5: a unit name holds one unit, not a list.");
	CHECK_STR(norm("市公安局；市教委"),
			  "ERROR: Separator at character 5: a unit name holds one unit, not a list.");
	CHECK_STR(norm("a(b"), "ERROR: Unbalanced bracket in the unit name.");
	CHECK_STR(norm("a)b(c"), "ERROR: Unbalanced bracket at character 2.");
	CHECK_STR(norm("市\x01局"), "ERROR: Control character U+0001 at character 2.");
	CHECK_STR(norm("市\xff局"), "ERROR: Invalid or replaced character at character 2.");
	{
		char		big[PD_UNIT_MAX_CHARS * 3 + 8];
		size_t		o = 0;

		for (int i = 0; i < PD_UNIT_MAX_CHARS; i++)
			o += pd_u8_put(big + o, 0x5C40);	/* 局 */
		big[o] = '\0';
		CHECK(strncmp(norm(big), "ERROR", 5) != 0);
		o += pd_u8_put(big + o, 0x5C40);
		big[o] = '\0';
		CHECK_STR(norm(big), "ERROR: A unit name is at most 64 characters long.");
	}

	/* ---- level, kind, region ---- */
	CHECK_STR(level("市公安局"), "市");
	CHECK_STR(level("团市委"), "市");
	CHECK_STR(level("市委编办"), "市");
	CHECK_STR(level("省财政厅"), "省");
	CHECK_STR(level("人行重庆市分行"), "省");
	CHECK_STR(level("重庆金融监管局"), "省");
	CHECK_STR(level("国家金融监督管理总局山东监管局"), "省");
	CHECK_STR(level("发展改革委"), "国家");
	CHECK_STR(level("工业和信息化部"), "国家");
	CHECK_STR(level("市场监管总局"), "国家");
	CHECK_STR(level("国务院办公厅"), "国家");
	CHECK_STR(level("崂山区政府"), "区县");
	CHECK_STR(level("县教委"), "区县");
	CHECK_STR(level("龙兴镇政府"), "乡镇");
	CHECK_STR(level("各区县政府"), "collective");
	CHECK_STR(level("有关区、市政府"), "collective");
	CHECK_STR(level("两江新区管委会"), "?");
	CHECK_STR(level("地方金融监管局"), "?");
	CHECK_STR(level("青岛海洋科技中心"), "?");
	CHECK_STR(level("办公室"), "?");	/* a department's own office, not a central organ */
	CHECK_STR(level("国务院研究室"), "国家");
	CHECK_STR(level("各级党委、政府"), "collective");

	CHECK_STR(kind("市高法院"), "judicial organ");
	CHECK_STR(kind("重庆市人民检察院"), "judicial organ");
	CHECK_STR(kind("重庆大学"), "public institution");
	CHECK_STR(kind("市疾控中心"), "public institution");
	CHECK_STR(level("中国铁塔重庆分公司"), "省");
	CHECK_STR(level("国网重庆市电力公司"), "省");
	CHECK_STR(level("中国移动"), "国家");
	CHECK_STR(kind("市公安局"), "government department");
	CHECK_STR(kind("发展改革委"), "government department");
	CHECK_STR(kind("人民银行"), "government department");
	CHECK_STR(kind("市委编办"), "party organ");
	CHECK_STR(kind("市委金融办"), "party organ");
	CHECK_STR(kind("中共重庆市委宣传部"), "party organ");
	CHECK_STR(kind("人行重庆市分行"), "central vertical agency");
	CHECK_STR(kind("人行合肥中心支行"), "central vertical agency");
	CHECK_STR(kind("重庆金融监管局"), "central vertical agency");
	CHECK_STR(kind("安徽银保监局"), "central vertical agency");
	CHECK_STR(kind("重庆通信管理局"), "central vertical agency");
	CHECK_STR(kind("重庆海关"), "central vertical agency");
	CHECK_STR(kind("海关总署"), "government department");
	CHECK_STR(kind("市市场监管局"), "government department");
	CHECK_STR(kind("省地方金融监管局"), "government department");
	CHECK_STR(kind("团市委"), "mass organisation");
	CHECK_STR(kind("市工商联"), "mass organisation");
	CHECK_STR(kind("市总工会"), "mass organisation");
	CHECK_STR(kind("省投资集团"), "enterprise");
	CHECK_STR(kind("省铁塔公司"), "enterprise");
	CHECK_STR(kind("各基础电信企业"), "collective");
	CHECK_STR(kind("市相关部门"), "collective");
	CHECK_STR(kind("专班成员单位"), "collective");
	CHECK_STR(kind("崂山区政府"), "government");
	CHECK_STR(kind("两江新区管委会"), "government department");

	CHECK_STR(region("重庆市人民政府"), "重庆");
	CHECK_STR(region("重慶市人民政府辦公廳"), "重庆");
	CHECK_STR(region("山东省人民政府办公厅"), "山东");
	CHECK_STR(region("内蒙古自治区人民政府"), "内蒙古");
	CHECK_STR(region("青岛市人民政府"), "青岛");
	CHECK_STR(region("国务院"), "国家");
	CHECK_STR(region("国务院办公厅"), "国家");
	CHECK_STR(region("中共中央办公厅"), "国家");
	CHECK_STR(region("某某"), "");

	/* ---- brackets: 责任单位 ---- */
	CHECK_STR(units("（责任单位：市公安局、市教委）"), "市公安局 市教委");
	CHECK_STR(units("(責任單位:市公安局、市教委,各區縣政府)"), "市公安局 市教委 各区县政府");
	CHECK_STR(units("（责任单位：市发展改革委，市财政局）"), "市发展改革委 市财政局");
	CHECK_STR(units("（责任单位 ： 市发展改革委 、 市财政局 ）"), "市发展改革委 市财政局");
	CHECK_STR(units("（責任單位:市公安局、市教委,各區縣政府。以下所有任務均需區縣落實、不再列出）"),
			  "市公安局 市教委 各区县政府");
	CHECK_STR(units("（责任单位：市发展改革委、市财政局；2025年底前完成）"), "市发展改革委 市财政局");
	CHECK_STR(units("（责任单位：市发展改革委；持续推进）"), "市发展改革委");
	CHECK_STR(units("（责任单位：市发展改革委；此项工作由各区县政府负责）"), "市发展改革委");
	CHECK_STR(units("（责任单位：市公安局、人力资源和社会保障局；各区县政府）"),
			  "市公安局 人力资源和社会保障局 各区县政府");
	CHECK_STR(units("（责任单位：详见附件）"), "");
	/* mixed full-width open and ASCII close, as typed */
	CHECK_STR(units("（责任单位：市公安局)"), "市公安局");

	/* ---- lead / co labels ---- */
	CHECK_STR(units("（牵头单位：A局；配合单位：B局、C委）"), "A局:lead B局:co C委:co");
	CHECK_STR(units("（牵头单位：省工业和信息化厅；责任单位：省发展改革委、省科技厅）"),
			  "省工业和信息化厅:lead 省发展改革委:co 省科技厅:co");
	CHECK_STR(units("（牵头单位：省科技厅、省财政厅；责任单位：省教育厅）"),
			  "省科技厅:lead 省财政厅:lead 省教育厅:co");
	CHECK_STR(units("（责任单位：A局；配合单位：B局）"), "A局:lead B局:co");
	CHECK_STR(units("（牵头：A局；配合：B局）"), "A局:lead B局:co");
	CHECK_STR(units("（牵头单位：A局，配合单位：B局、C委）"), "A局:lead B局:co C委:co");
	CHECK_STR(units("（牵头单位：A局；配合单位：B局；完成时限：2025年底）"), "A局:lead B局:co");

	/* ---- verbs ---- */
	CHECK_STR(units("（A局牵头，B局、C委参与）"), "A局:lead B局:co C委:co");
	CHECK_STR(units("（A局牵头，B局、C委配合）"), "A局:lead B局:co C委:co");
	CHECK_STR(units("（A局牵头，B局、C委按职责分工负责）"), "A局:lead B局:co C委:co");
	CHECK_STR(units("（A局、B局牵头，C委参与）"), "A局:lead B局:lead C委:co");
	CHECK_STR(units("（A局、B局等负责）"), "A局 B局");
	CHECK_STR(units("（A局负责）"), "A局");
	CHECK_STR(units("（A局负责，B局配合）"), "A局:lead B局:co");
	CHECK_STR(units("（商务部等有关部门负责）"), "商务部");
	/* a 和 after 等 splits; one inside a tail or a name does not */
	CHECK_STR(units("（人力资源社会保障部等有关部门和单位负责）"), "人力资源社会保障部");
	CHECK_STR(units("（人力资源社会保障部、财政部等有关部门、单位按职责分工负责）"),
			  "人力资源社会保障部 财政部");
	CHECK_STR(units("（文化和旅游部、工业和信息化部等和各有关省级人民政府负责）"),
			  "文化和旅游部 工业和信息化部 各有关省级人民政府");
	CHECK_STR(units("（全国总工会、共青团中央、全国妇联等和各省级人民政府负责）"),
			  "全国总工会 共青团中央 全国妇联 各省级人民政府");
	CHECK_STR(units("（全國總工會、共青團中央、全國婦聯等和各省級人民政府負責）"),
			  "全国总工会 共青团中央 全国妇联 各省级人民政府");
	CHECK_STR(units("（由市政府负责）"), "市政府");
	CHECK_STR(units("（市经济信息委牵头，2025年底前完成）"), "市经济信息委:lead");
	CHECK_STR(units("（A局、B局）"), "");	/* a list without roles is no bracket */

	/* ---- 主（協）辦機關 ---- */
	CHECK_STR(units("主辦機關：經濟部\n協辦機關：國發會、勞動部"), "经济部:lead 国发会:co 劳动部:co");
	CHECK_STR(units("主（協）辦機關：經濟部（國發會、勞動部）"), "经济部:lead 国发会:co 劳动部:co");
	CHECK_STR(units("主（協）辦機關：經濟部、國科會（教育部）"), "经济部:lead 国科会:lead 教育部:co");
	CHECK_STR(units("主（協）辦機關：經濟部、（國發會、勞動部）"), "经济部:lead 国发会:co 劳动部:co");
	CHECK_STR(units("（主(協)辦機關:內政部(各直轄市、縣(市)政府)）"),
			  "内政部:lead 各直辖市、县(市)政府:co");
	CHECK_STR(units("(主辦機關:教育部;協辦機關:勞動部、經濟部)"), "教育部:lead 劳动部:co 经济部:co");

	/* ---- several brackets, mid-paragraph, nested names ---- */
	CHECK_STR(units("整合数据（A局牵头，B局参与），实现共享；完善体系（B局牵头，C委配合）。"),
			  "A局:lead B局:co | B局:lead C委:co");
	CHECK_STR(units_opt("整合数据（A局牵头，B局参与），实现共享；完善体系（B局牵头，C委配合）。", true),
			  "A局:lead B局:lead | C委:co");
	CHECK_STR(units("（责任单位：西部（重庆）科学城管委会、市发展改革委）"),
			  "西部(重庆)科学城管委会 市发展改革委");
	CHECK_STR(units("（责任单位：市科技局（牵头）、市财政局）"), "市科技局:lead 市财政局:co");
	CHECK_STR(units("（责任单位：各区县（自治县）政府）"), "各区县(自治县)政府");
	CHECK_STR(units("（外层说明（A局牵头，B局配合）外层）"), "A局:lead B局:co");

	/* ---- separators: 及 和 与, collectives ---- */
	CHECK_STR(units("（责任单位：市科技局及相关行业主管部门）"), "市科技局 相关行业主管部门");
	CHECK_STR(units("（责任单位：市工业和信息化局及专班成员单位）"), "市工业和信息化局 专班成员单位");
	CHECK_STR(units("（农业农村部和工业和信息化部负责）"), "农业农村部 工业和信息化部");
	CHECK_STR(units("（文化和旅游部、国资委以及证监会负责）"), "文化和旅游部 国资委 证监会");
	CHECK_STR(units("（责任单位：市工业和信息化局，各区、市政府）"), "市工业和信息化局 各区、市政府");
	CHECK_STR(units("（责任单位：有关区、市政府）"), "有关区、市政府");
	CHECK_STR(units("（责任单位：各区、县级市）"), "各区、县级市");
	CHECK_STR(units("（责任单位：各区、县、市政府）"), "各区、县、市政府");
	CHECK_STR(units("（责任单位：各区县政府、市级有关部门）"), "各区县政府 市级有关部门");
	CHECK_STR(units("（责任单位：市发展改革委 市财政局　市教委）"), "市发展改革委 市财政局 市教委");
	CHECK_STR(units("（责任单位：市发展改革委/市财政局）"), "市发展改革委 市财政局");
	CHECK_STR(units("（责任单位：各区县 （自治县）政府）"), "各区县(自治县)政府");
	CHECK_STR(units("（责任单位：市 发展改革委）"), "市发展改革委");

	/* ---- running text and 【】 ---- */
	CHECK_STR(units("加强组织保障。责任单位：市发展改革委、市财政局。下一句话：不是单位。"),
			  "市发展改革委 市财政局");
	CHECK_STR(units("牵头单位：省工业和信息化厅\n责任单位：省发展改革委、省科技厅\n其他：无"),
			  "省工业和信息化厅:lead 省发展改革委:co 省科技厅:co");
	CHECK_STR(units("【牵头单位】市经济信息委\n【配合单位】市科技局"), "市经济信息委:lead | 市科技局:co");
	CHECK_STR(units("**责任单位**：市统计局"), "市统计局");
	CHECK_STR(units("要明确责任单位：市统计局"), "");	/* not at a sentence start */
	CHECK_STR(units("成　员：省经济和信息化厅、省发展改革委负责同志"), "");

	/* ---- unclosed and hard-wrapped brackets ---- */
	CHECK_STR(units("（责任单位：市发展改革委、市财政局\n下一段"), "市发展改革委 市财政局");
	CHECK_STR(units("（责任单位：市发展改革委、市\n财政局）"), "市发展改革委 市财政局");
	CHECK_STR(units("（A局牵头，B局配合\n下一段"), "");	/* unclosed: labels only */

	/* ---- not units ---- */
	CHECK_STR(units("（2021—2025年）（以下简称“市发展改革委”）（一）（含）（试行）"), "");
	CHECK_STR(units("（企业负责运营维护）（全社会共同参与）（企业负责）（社会负责）"), "");
	CHECK_STR(units("（所需经费由市财政负责）（国家标准、行业标准）"), "");
	CHECK_STR(units("各级政府负责同志要带头。明确责任单位和完成时限。牵头抓总、协调各方。"), "");
	CHECK_STR(units("（?!耙豢h一策）"), "");

	/* ---- document rules ---- */
	CHECK_STR(units("（工业和信息化部、发展改革委、科技部按职责分工负责，列第一位者为牵头单位，下同）"
					"（农业农村部、工业和信息化部牵头负责）（各省级人民政府负责）"
					"（商务部等有关部门负责）"),
			  "工业和信息化部:lead 发展改革委 科技部 | 农业农村部:lead 工业和信息化部:lead | "
			  "各省级人民政府:lead | 商务部:lead");
	CHECK_STR(units("（税务总局、财政部、海关总署按职责分工负责。排在第一位的部门为牵头部门，下同）"),
			  "税务总局:lead 财政部 海关总署");
	CHECK_STR(units("（農業農村部、工業和信息化部按職責分工負責，排在第一位的為牽頭單位）"),
			  "农业农村部:lead 工业和信息化部");
	CHECK_STR(units("排在第一位的为牵头单位。（责任单位：市公安局、市教委）"), "市公安局:lead 市教委");
	/* a level before the label, offices as units, one collective's two organs */
	CHECK_STR(units("（市级责任部门：市教委；区县责任单位：各区县政府）（市级牵头单位：市民政局；市级配合单位：市财政局）"),
			  "市教委 各区县政府 | 市民政局:lead 市财政局:co");
	CHECK_STR(units("市级牵头单位：市民政局"), "市民政局:lead");
	CHECK_STR(units("（牵头科室：办公室；配合科室：财务科、人事科）（責任處室：規劃處）"),
			  "办公室:lead 财务科:co 人事科:co | 规划处");
	CHECK_STR(units("（责任单位：市委组织部、市人力社保局，各区县党委、政府）（各级党委、政府负责）"),
			  "市委组织部 市人力社保局 各区县党委、政府 | 各级党委、政府");
	CHECK_STR(units("（责任单位：市发展改革委、市财政局）"), "市发展改革委 市财政局");

	/* a label's role holds for its names; a later verb speaks for its own item */
	CHECK_STR(units("（责任单位：市教委，市财政局配合）（牵头单位：市民政局，市财政局、市卫生健康委配合）"),
			  "市教委:lead 市财政局:co | 市民政局:lead 市财政局:co 市卫生健康委:co");
	/* more verbs, any 按…/依…/根据… manner before them, longer 等… tails */
	CHECK_STR(units("（市教委主责，市财政局配合）（各区县政府负主体责任，市级有关部门加强指导）"),
			  "市教委:lead 市财政局:co | 各区县政府:lead 市级有关部门:co");
	CHECK_STR(units("（市教委、市财政局按职能职责负责）（各区县政府按照属地原则负责）（依兰县人民政府负责）"),
			  "市教委 市财政局 | 各区县政府 | 依兰县人民政府");
	CHECK_STR(units("（市委依法治市办负责）（市司法局依法负责）"), "市委依法治市办 | 市司法局");
	CHECK_STR(units("（各区县政府是责任主体）（市国资委为责任单位）"), "各区县政府 | 市国资委");
	CHECK_STR(units("（责任单位：市发展改革委等市级部门，各区县政府）"), "市发展改革委 各区县政府");
	/* a label and its list inside 【】 */
	CHECK_STR(units("【责任单位：市教委、市财政局】推进。【牵头单位】市民政局【配合单位】市财政局"),
			  "市教委 市财政局 | 市民政局:lead 市财政局:co");

	/* under that rule a bracket of bare names that closes its sentence is a list of units */
	CHECK_STR(units("做好宣传。（市委宣传部、市委网信办）\n完善经费保障（市財政局、市審計局）。"
					"加强与市公安局（市交巡警总队）协作。（市科技局） 排在第一位的为牵头单位。"),
			  "市委宣传部:lead 市委网信办 | 市财政局:lead 市审计局 | 市科技局:lead");
	CHECK_STR(units("做好宣传。（市委宣传部、市委网信办）\n完善经费保障（市财政局、市审计局）。"), "");
	/* …but not a bracket that qualifies or exemplifies: 含, 如, 包括 (含山县 is a name) */
	CHECK_STR(units("排在第一位的为牵头单位。加快发展（含两江新区、重庆高新区）。参照做法（如市发展改革委、市财政局）。"
					"加强协作（包括市公安局、市交通局）。推进（含山县人民政府、市财政局）。"),
			  "含山县人民政府:lead 市财政局");
	{
		static const struct
		{
			const char *text;
			const char *unit;
		}			cases[] = {
			{"（责任单位：市公安局。以下所有任务均需区县落实、不再列出）", "各区县政府"},
			{"以下所有任務均需區縣落實、不再列出", "各区县政府"},
			{"所有任务由各区县（自治县）政府负责落实，不再一一列出。", "各区县(自治县)政府"},
			{"各区县政府负责落实，不再一一列出", "各区县政府"},
			{"区县政府为所有任务的责任单位，以下不再列出。", "各区县政府"},
			{"各项任务均需乡镇落实，不再单独列出", "各乡镇政府"},
			{"以下任务各区县人民政府均为责任单位，不再逐一列出。", "各区县人民政府"},
			{"以下各項任務各區縣政府都是責任單位，不再列出。", "各区县政府"},
			{"所有任务均需街道落实，不再列出", "各街道办事处"},
			{"不再列出", ""},
			{"此事不再讨论", ""},
			{"所有任务均需认真落实，不再列出", ""},
		};

		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		{
			pd_unit_rules rules;

			pd_unit_rules_scan(cases[i].text, strlen(cases[i].text), NULL, NULL, &rules, NULL);
			CHECK_STR(rules.has_implicit ? rules.implicit_unit : "", cases[i].unit);
		}
	}

	/* ---- raw offsets point at the unit as printed ---- */
	{
		const char *t = "推进（牵头单位：市經濟信息委；配合单位：市科技局等）。";
		pd_unit_list list;
		pd_units_opts opts = {NULL, false, NULL, NULL};

		pd_unit_list_init(&list, NULL);
		CHECK(pd_units_extract(t, 0, strlen(t), &opts, &list, NULL) == PD_OK);
		CHECK_INT(list.n, 2);
		if (list.n == 2)
		{
			CHECK_INT(list.units[0].raw_end - list.units[0].raw_start, strlen("市經濟信息委"));
			CHECK(memcmp(t + list.units[0].raw_start, "市經濟信息委", strlen("市經濟信息委")) == 0);
			CHECK(memcmp(t + list.units[1].raw_start, "市科技局等", strlen("市科技局等")) == 0);
			CHECK_STR(pd_unit_name(&list, &list.units[1]), "市科技局");
			CHECK_INT(list.units[1].ordinal, 2);
			CHECK_INT(list.units[0].group_start, strlen("推进"));
		}
		pd_unit_list_free(&list);
	}

	/* ---- items of a segmented document: dedupe and implicit units ---- */
	{
		const char *doc =
			"一、总体要求\n"
			"坚持系统观念。\n"
			"二、重点任务\n"
			"（一）深化改革。推进改革（责任单位：市公安局、市教委，各区县政府。以下所有任务均需区县落实、不再列出）。\n"
			"（二）完善服务。提升服务（责任单位：市民政局）；优化流程（责任单位：市民政局、市医保局）。\n";
		pd_doc		d;
		pd_unit_rules rules;
		pd_unit_list list;
		char		got[4][512];

		CHECK(pd_segment(doc, strlen(doc), NULL, &d, NULL) == PD_OK);
		pd_unit_rules_scan(doc, strlen(doc), NULL, NULL, &rules, NULL);
		pd_unit_list_init(&list, NULL);
		CHECK_INT(d.nitems, 4);
		for (int i = 0; i < d.nitems && i < 4; i++)
		{
			size_t		o = 0;

			CHECK(pd_item_units(&d, i, &rules, NULL, NULL, &list, NULL) == PD_OK);
			got[i][0] = '\0';
			for (int k = 0; k < list.n; k++)
				o += snprintf(got[i] + o, sizeof got[i] - o, "%s%s:%s", k ? " " : "",
							  pd_unit_name(&list, &list.units[k]),
							  pd_unit_role_name(list.units[k].role));
		}
		CHECK_STR(got[0], "各区县政府:implicit");
		CHECK_STR(got[1], "各区县政府:implicit");
		CHECK_STR(got[2], "市公安局:responsible 市教委:responsible 各区县政府:responsible");
		CHECK_STR(got[3], "市民政局:responsible 市医保局:responsible 各区县政府:implicit");
		pd_unit_list_free(&list);
		pd_doc_free(&d);
	}

	/* ---- character offsets (pd_charpos_at counts eight bytes at a time) ---- */
	{
		const char *t = "推进（牵头单位：市經濟信息委；配合单位：ABC局、市科技局等）。\n"
			"第二行 mixed ASCII and 中文, with 4-byte \xf0\x9f\x98\x80 and more 文字。";
		size_t		len = strlen(t);
		bool		same = true;
		pd_charpos	cp;

		pd_charpos_init(&cp, t);
		for (size_t b = 0; b <= len; b += 1 + b % 3)
		{
			size_t		lead = 0;	/* the plain definition: bytes that lead a character */

			for (size_t i = 0; i < b; i++)
				lead += ((unsigned char) t[i] & 0xC0) != 0x80;
			if (pd_charpos_at(&cp, b) != lead)
				same = false;
		}
		CHECK(same);
		CHECK_INT(pd_charpos_at(&cp, 3), 1);	/* backwards */
		/* backwards and forwards in small steps, as units' ends and starts go */
		for (size_t b = len; b > 0; b = b > 7 ? b - 7 : 0)
		{
			size_t		lead = 0;

			for (size_t i = 0; i < b; i++)
				lead += ((unsigned char) t[i] & 0xC0) != 0x80;
			if (pd_charpos_at(&cp, b) != lead || pd_charpos_at(&cp, b / 2) > lead ||
				pd_charpos_at(&cp, b) != lead)
				same = false;
		}
		CHECK(same);

		/* long spans: sixteen bytes at a time, lane sums flushed every 255 rounds */
		{
			size_t		reps = 200,
						blen = len * reps;
			char	   *big = malloc(blen);
			size_t		lead = 0,
						at = 0;

			for (size_t r = 0; r < reps; r++)
				memcpy(big + r * len, t, len);
			pd_charpos_init(&cp, big);
			same = true;
			for (size_t b = 0; b <= blen; b += 4093)
			{
				for (; at < b; at++)
					lead += ((unsigned char) big[at] & 0xC0) != 0x80;
				if (pd_charpos_at(&cp, b) != lead)
					same = false;
			}
			CHECK(same);
			CHECK_INT(pd_charpos_at(&cp, 0), 0);	/* all the way back */
			free(big);
		}
	}

	/* ---- cancellation ---- */
	{
		size_t		len = 3 * PD_INTERRUPT_STRIDE;
		char	   *big = malloc(len + 1);
		pd_unit_list list;
		pd_units_opts opts = {NULL, false, cancel_at_second, NULL};
		pd_unit_rules rules;
		pd_error	err;

		memset(big, 'x', len);
		big[len] = '\0';
		pd_unit_list_init(&list, NULL);
		cancel_calls = 0;
		CHECK(pd_units_extract(big, 0, len, &opts, &list, &err) == PD_ECANCEL);
		cancel_calls = 0;
		CHECK(pd_unit_rules_scan(big, len, cancel_at_second, NULL, &rules, &err) == PD_ECANCEL);
		pd_unit_list_free(&list);
		free(big);
	}

	/*
	 * ---- hostile input: bounded work and no crash ----
	 * Deep, unclosed and overlong brackets, stray closes, colons and
	 * random bytes: the parse must stay linear (a 4 MB input in well under
	 * a second even unoptimised) and every unit must lie inside the text.
	 */
	{
		static const char *const pieces[] = {
			"（", "）", "(", ")", "：", ":", "、", "，", "；", "。", "\n", "责任单位", "牵头单位",
			"市公安局", "各区", "市政府", "牵头", "配合", "负责", "不再列出", "第一", "为", "【",
			"】", "主（协）办机关", "\xff", "\xe5\x8f", "等", "和", "及"
		};
		size_t		cap = 4u << 20,
					len = 0;
		char	   *big = malloc(cap + 64);
		unsigned	seed = 12345;
		pd_unit_list list;
		pd_unit_rules rules;
		pd_units_opts opts = {&rules, true, NULL, NULL};
		clock_t		t0;
		double		secs;
		bool		inside = true;

		while (len < cap)
		{
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
			memcpy(big + len, p, strlen(p));
			len += strlen(p);
		}
		pd_unit_list_init(&list, NULL);
		t0 = clock();
		CHECK(pd_unit_rules_scan(big, len, NULL, NULL, &rules, NULL) == PD_OK);
		CHECK(pd_units_extract(big, 0, len, &opts, &list, NULL) == PD_OK);
		secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
		for (int i = 0; i < list.n; i++)
			if (list.units[i].raw_end > len || list.units[i].raw_start > list.units[i].raw_end)
				inside = false;
		CHECK(inside);
		CHECK(secs < 5.0);
		printf("hostile 4 MB: %d units, %.2f s\n", list.n, secs);
		pd_unit_list_free(&list);

		/* 4 MB of opens, then of closes */
		memset(big, '(', cap);
		pd_unit_list_init(&list, NULL);
		t0 = clock();
		CHECK(pd_units_extract(big, 0, cap, &opts, &list, NULL) == PD_OK);
		memset(big, ')', cap);
		CHECK(pd_units_extract(big, 0, cap, &opts, &list, NULL) == PD_OK);
		secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
		CHECK(secs < 5.0);
		CHECK_INT(list.n, 0);
		pd_unit_list_free(&list);
		free(big);
	}

	return ctest_finish("test_units");
}
