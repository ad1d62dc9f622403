/*
 * unit_kinds.c — what a normalised unit name says about the unit: its level
 * (国家 省 市 区县 乡镇, or a collective), its kind (department, government,
 * party organ, vertical agency …) and the region an issuer names; the
 * printable names of levels, kinds and roles.
 *
 * Owns: that knowledge, as IMMUTABLE functions of the name alone.  Must
 * not: normalise names or read the text around them (unit_names.c).
 */
#include "pd_units_int.h"

#include <string.h>

/* province-level divisions (GB/T 2260 short names) */
static const pd_word provinces_words[] = {
	{"北京"}, {"天津"}, {"河北"}, {"山西"}, {"内蒙古"}, {"辽宁"}, {"吉林"}, {"黑龙江"}, {"上海"}, {"江苏"},
	{"浙江"}, {"安徽"}, {"福建"}, {"江西"}, {"山东"}, {"河南"}, {"湖北"}, {"湖南"}, {"广东"}, {"广西"},
	{"海南"}, {"重庆"}, {"四川"}, {"贵州"}, {"云南"}, {"西藏"}, {"陕西"}, {"甘肃"}, {"青海"}, {"宁夏"},
	{"新疆"}, {"台湾"}, {"香港"}, {"澳门"}
};
static pd_wordtab provinces = PD_WORDTAB(provinces_words);

/* what may stand before a province name in a unit name */
static const pd_word region_lead_ins_words[] = {
	{"中国人民银行"}, {"人民银行"}, {"人行"}, {"中华人民共和国"}, {"国家税务总局"}, {"国家金融监督管理总局"},
	{"中国证券监督管理委员会"}, {"中国银行保险监督管理委员会"}, {"共青团"}, {"中共"}, {"中国共产党"}
};
static pd_wordtab region_lead_ins = PD_WORDTAB(region_lead_ins_words);

/* what follows a province's short name */
static const pd_word province_tails_words[] = {
	{"壮族自治区"}, {"回族自治区"}, {"维吾尔自治区"}, {"自治区"}, {"特别行政区"}, {"省"}, {"市"}
};
static pd_wordtab province_tails = PD_WORDTAB(province_tails_words);

/* length of a province name (with 省/市/自治区…) at c[i], or 0 */
static int
province_at(const uint32_t *c, int i, int n)
{
	int			len = pd_word_len_at(&provinces, c, i, n);

	if (len > 0)
		len += pd_word_len_at(&province_tails, c, i + len, n);
	return len;
}

/* province name at the start of the name or after a lead-in; its end or 0 */
static int
province_in(const uint32_t *c, int n)
{
	int			len = province_at(c, 0, n),
				lead;

	if (len)
		return len;
	lead = pd_word_len_at(&region_lead_ins, c, 0, n);
	if (lead && (len = province_at(c, lead, n)) > 0)
		return lead + len;
	return 0;
}

static const pd_word party_prefixes_words[] = {{"中共"}, {"中国共产党"}};
static pd_wordtab party_prefixes = PD_WORDTAB(party_prefixes_words);

static const pd_word mass_org_words[] = {
	{"工商联"}, {"总工会"}, {"妇联"}, {"残联"}, {"科协"}, {"文联"}, {"侨联"}, {"作协"}, {"红十字会"}, {"共青团"},
	{"团中央"}, {"工会"}, {"社科联"}, {"台联"}, {"贸促会"},
	/* the same by their full names */
	{"妇女联合会"}, {"残疾人联合会"}, {"科学技术协会"}, {"文学艺术界联合会"}, {"归国华侨联合会"},
	{"工商业联合会"}, {"社会科学界联合会"}, {"作家协会"}, {"台湾同胞联谊会"}, {"国际贸易促进委员会"}
};
static pd_wordtab mass_orgs = PD_WORDTAB(mass_org_words);

/* branches of central organs that sit in a province or city */
static const pd_word vertical_organ_words[] = {
	{"金融监管局"}, {"金融监督管理局"}, {"金融监督管理总局"}, {"银保监局"}, {"银保监分局"}, {"证监局"}, {"通信管理局"},
	{"税务局"}, {"海关"}, {"气象局"}, {"邮政管理局"}, {"调查总队"}, {"调查队"}, {"外汇管理局"}, {"分行"},
	{"支行"}, {"营业管理部"}, {"烟草专卖局"}, {"地震局"}, {"海事局"}, {"统计调查"}, {"铁路监督管理局"},
	{"能源监管局"}, {"审计特派员办事处"}
};
static pd_wordtab vertical_organs = PD_WORDTAB(vertical_organ_words);

static const pd_word enterprise_suffixes_words[] = {
	{"公司"}, {"集团"}, {"企业"}, {"银行"}, {"电网"}, {"移动"}, {"联通"}, {"电信"}, {"铁塔"}
};
static pd_wordtab enterprise_suffixes = PD_WORDTAB(enterprise_suffixes_words);

static const pd_word zone_name_words[] = {
	{"新区"}, {"高新区"}, {"经开区"}, {"开发区"}, {"自贸区"}, {"保税区"}, {"科学城"}, {"园区"}, {"试验区"}
};
static pd_wordtab zones = PD_WORDTAB(zone_name_words);

/* collectives named by a noun rather than a prefix: 市有关部门, 专班成员单位 */
static const pd_word collective_nouns_words[] = {
	{"有关部门"}, {"相关部门"}, {"成员单位"}, {"相关单位"}, {"有关单位"}, {"主管部门"}, {"各有关"}
};
static pd_wordtab collective_nouns = PD_WORDTAB(collective_nouns_words);

/* the central bank and its branches: 人行合肥中心支行 */
static const pd_word pboc_names_words[] = {{"人行"}, {"人民银行"}, {"中国人民银行"}};
static pd_wordtab pboc_names = PD_WORDTAB(pboc_names_words);
static const pd_word pboc_branches_words[] = {{"分行"}, {"支行"}, {"营业管理部"}};
static pd_wordtab pboc_branches = PD_WORDTAB(pboc_branches_words);

/* a local (地方) organ is no vertical branch: 地方金融监管局 */
static const pd_word local_words[] = {{"地方"}};
static pd_wordtab local = PD_WORDTAB(local_words);

/* division words that may open a vertical branch's name: 市税务局 */
static const pd_word division_heads_words[] = {{"省"}, {"市"}, {"区"}, {"县"}};
static pd_wordtab division_heads = PD_WORDTAB(division_heads_words);

static const pd_word judicial_ends_words[] = {{"法院"}, {"检察院"}};
static pd_wordtab judicial_ends = PD_WORDTAB(judicial_ends_words);

static const pd_word department_ends_words[] = {
	{"局"}, {"委"}, {"厅"}, {"部"}, {"办"}, {"署"}, {"委员会"}, {"办公室"}, {"管委会"}, {"监会"},
	{"保监会"}, {"人民银行"}, {"办事处"}, {"国务院"}
};
static pd_wordtab department_ends = PD_WORDTAB(department_ends_words);

static const pd_word institution_ends_words[] = {
	{"大学"}, {"学院"}, {"学校"}, {"医院"}, {"研究院"}, {"研究所"}, {"科学院"}, {"中心"}, {"图书馆"},
	{"博物馆"}, {"报社"}, {"电视台"},
	{"供销合作总社"}, {"供销合作社"}, {"供销总社"}, {"供销社"}	/* cooperatives run as public institutions */
};
static pd_wordtab institution_ends = PD_WORDTAB(institution_ends_words);

/* a national company's or bank's branch in a province: 国网重庆市电力公司 */
static const pd_word branch_ends_words[] = {{"公司"}, {"分行"}, {"分院"}};
static pd_wordtab branch_ends = PD_WORDTAB(branch_ends_words);

static const pd_word national_heads_words[] = {
	{"国务院"}, {"国家"}, {"中央"}, {"全国"}, {"中华人民共和国"}, {"中华全国"}, {"中国"}, {"团中央"},
	{"共青团中央"}
};
static pd_wordtab national_heads = PD_WORDTAB(national_heads_words);

/* 市场监管总局 and 区域… do not start with a division */
static const pd_word not_division_heads_words[] = {{"市场"}, {"区域"}, {"县域"}};
static pd_wordtab not_division_heads = PD_WORDTAB(not_division_heads_words);

/* an issuer that names the country: 国务院办公厅, 中共中央 */
static const pd_word national_issuers_words[] = {
	{"国务院"}, {"中央"}, {"国家"}, {"全国"}, {"中华人民共和国"}
};
static pd_wordtab national_issuers = PD_WORDTAB(national_issuers_words);

/*
 * Single words the rules test one at a time, at a given place
 * (pd_word_is_at / pd_word_is_before): W_* index them.
 */
enum
{
	W_TUAN, W_TUAN_CENTRAL, W_WEI, W_PBOC, W_GOV, W_JIEDAO, W_DIFANG, W_OFFICE, W_CENTRAL
};
static const pd_word single_words[] = {
	[W_TUAN] = {"团"}, [W_TUAN_CENTRAL] = {"团中央"}, [W_WEI] = {"委"}, [W_PBOC] = {"人民银行"},
	[W_GOV] = {"政府"}, [W_JIEDAO] = {"街道"}, [W_DIFANG] = {"地方"}, [W_OFFICE] = {"办公室"},
	[W_CENTRAL] = {"中央"}
};
static pd_wordtab singles = PD_WORDTAB(single_words);

static const pd_word party_heads_words[] = {
	{"省委"}, {"市委"}, {"区委"}, {"县委"}, {"州委"}, {"党委"}, {"中央"}, {"纪委"}
};
static pd_wordtab party_heads = PD_WORDTAB(party_heads_words);

/* 市委编办, 省委组织部: level word then 委 then an office */
static bool
party_office(const uint32_t *c, int i, int n)
{
	int			len = pd_word_len_at(&party_heads, c, i, n);

	if (len == 0)
		return false;
	if (len == 2 && c[i] == 0x4E2D)	/* 中央: 中央编办, 中央网信办 … */
		return i + 2 < n;
	return true;
}

pd_unit_kind
pd_unit_kind_of(const char *norm, size_t len)
{
	uint32_t	c[PD_UNIT_MAX_CHARS];
	int			n = pdu_decode_name(norm, len, c),
				i = 0,
				prov;

	if (n == 0)
		return PD_KIND_UNKNOWN;
	if (pdu_collective_prefix(c, n) || pd_word_find(&collective_nouns, c, 0, n, NULL) >= 0)
		return PD_KIND_COLLECTIVE;
	if (pd_word_is_at(&singles, W_TUAN, c, 0, n) && n > 1 &&
		(c[n - 1] == 0x59D4 || pd_word_is_at(&singles, W_TUAN_CENTRAL, c, 0, n)))
		return PD_KIND_MASS;	/* 团市委, 团省委, 团中央 */
	if ((pd_word_find(&mass_orgs, c, 0, n, NULL) >= 0))
		return PD_KIND_MASS;
	if (pd_word_len_at(&party_prefixes, c, 0, n))
		return PD_KIND_PARTY;
	/* 重庆市委…, 市委编办: strip a region, then look for 委 */
	prov = province_at(c, 0, n);
	if (prov && pd_word_is_at(&singles, W_WEI, c, prov, n))
		return PD_KIND_PARTY;	/* 重庆市委 */
	i = prov;
	if (party_office(c, i, n))
		return PD_KIND_PARTY;
	if (pd_word_len_at(&pboc_names, c, 0, n) && pd_word_len_before(&pboc_branches, c, 0, n))
		return PD_KIND_VERTICAL;	/* 人行合肥中心支行 */
	if (pd_word_find(&local, c, 0, n, NULL) < 0 &&
		(pd_word_find(&vertical_organs, c, 0, n, NULL) >= 0) &&
		(province_in(c, n) ||
		 pd_word_len_at(&division_heads, c, 0, n)))
		return PD_KIND_VERTICAL;
	if (pd_word_len_before(&enterprise_suffixes, c, 0, n) && !pd_word_is_before(&singles, W_PBOC, c, 0, n))
		return PD_KIND_ENTERPRISE;
	if (pd_word_is_before(&singles, W_GOV, c, 0, n))
		return PD_KIND_GOVERNMENT;
	if (pd_word_len_before(&judicial_ends, c, 0, n))
		return PD_KIND_JUDICIAL;	/* 市高法院, 市检察院, 重庆市第一中级人民法院 */
	if (pd_word_len_before(&department_ends, c, 0, n))
		return PD_KIND_DEPARTMENT;
	if (pdu_zone_unit_suffix(c, n))
		return PD_KIND_DEPARTMENT;	/* 两江新区 listed as a unit: its 管委会 */
	if (pd_word_len_before(&institution_ends, c, 0, n))
		return PD_KIND_INSTITUTION;	/* 事业单位: 重庆大学, 市疾控中心 */
	return PD_KIND_UNKNOWN;
}

/* the level a division word names: 省 市 区 县 乡 镇 (街道), or UNKNOWN */
static pd_unit_level
division_level(const uint32_t *c, int i, int n)
{
	if (pd_word_is_at(&singles, W_JIEDAO, c, i, n))
		return PD_LEVEL_TOWNSHIP;
	switch (c[i])
	{
		case 0x7701:			/* 省 */
			return PD_LEVEL_PROVINCE;
		case 0x5E02:			/* 市 */
			return PD_LEVEL_CITY;
		case 0x533A:			/* 区 */
		case 0x53BF:			/* 县 */
			return PD_LEVEL_COUNTY;
		case 0x4E61:			/* 乡 */
		case 0x9547:			/* 镇 */
			return PD_LEVEL_TOWNSHIP;
		default:
			return PD_LEVEL_UNKNOWN;
	}
}

pd_unit_level
pd_unit_level_of(const char *norm, size_t len)
{
	uint32_t	c[PD_UNIT_MAX_CHARS];
	int			n = pdu_decode_name(norm, len, c),
				i = 0;
	pd_unit_level level;

	if (n == 0)
		return PD_LEVEL_UNKNOWN;
	if (pdu_collective_prefix(c, n))
		return PD_LEVEL_COLLECTIVE;
	i = pd_word_len_at(&party_prefixes, c, 0, n);	/* 中共重庆市委… */
	if (pd_word_is_at(&singles, W_TUAN, c, i, n))
		i++;					/* 团市委 reads as 市委 */
	if ((pd_word_find(&zones, c, i, n, NULL) >= 0))
		return PD_LEVEL_UNKNOWN;	/* 两江新区管委会: the name does not say */
	if (province_in(c + i, n - i))
		return PD_LEVEL_PROVINCE;
	/* a national company's or bank's branch in a province: 中国铁塔重庆分公司, 国网重庆市电力公司 */
	if (pd_word_len_before(&branch_ends, c, 0, n))
		for (int k = i + 1; k < n && k <= i + 8; k++)
			if (province_at(c, k, n))
				return PD_LEVEL_PROVINCE;
	if (pd_word_len_at(&national_heads, c, i, n))
		return PD_LEVEL_NATIONAL;

	/*
	 * A division word first (市公安局, 省财政厅, 县教委), or a place name
	 * and then one (崂山区政府, 青岛市大数据局, 龙兴镇政府).  市场监管总局
	 * and 区域… do not start with a division.
	 */
	if (i < n && !pd_word_len_at(&not_division_heads, c, i, n))
	{
		for (int k = i; k < n && k <= i + 6; k++)
			if ((level = division_level(c, k, n)) != PD_LEVEL_UNKNOWN)
				return level;
	}

	/*
	 * No place at all: a central organ under its short name (发展改革委).
	 * Not an office (办公室): the central ones carry 国务院 or 中央, a bare
	 * 办公室 is a department's own office in its own plan.
	 */
	if (!pd_word_is_at(&singles, W_DIFANG, c, 0, n) &&
		!pd_word_is_before(&singles, W_OFFICE, c, 0, n) &&
		pd_unit_kind_of(norm, len) == PD_KIND_DEPARTMENT)
		return PD_LEVEL_NATIONAL;
	return PD_LEVEL_UNKNOWN;
}

const char *
pd_unit_level_name(pd_unit_level level)
{
	switch (level)
	{
		case PD_LEVEL_NATIONAL:
			return "国家";
		case PD_LEVEL_PROVINCE:
			return "省";
		case PD_LEVEL_CITY:
			return "市";
		case PD_LEVEL_COUNTY:
			return "区县";
		case PD_LEVEL_TOWNSHIP:
			return "乡镇";
		case PD_LEVEL_COLLECTIVE:
			return "collective";
		default:
			return NULL;
	}
}

const char *
pd_unit_kind_name(pd_unit_kind kind)
{
	switch (kind)
	{
		case PD_KIND_DEPARTMENT:
			return "government department";
		case PD_KIND_GOVERNMENT:
			return "government";
		case PD_KIND_PARTY:
			return "party organ";
		case PD_KIND_VERTICAL:
			return "central vertical agency";
		case PD_KIND_MASS:
			return "mass organisation";
		case PD_KIND_ENTERPRISE:
			return "enterprise";
		case PD_KIND_COLLECTIVE:
			return "collective";
		case PD_KIND_JUDICIAL:
			return "judicial organ";
		case PD_KIND_INSTITUTION:
			return "public institution";
		default:
			return NULL;
	}
}

const char *
pd_unit_role_name(pd_unit_role role)
{
	switch (role)
	{
		case PD_ROLE_LEAD:
			return "lead";
		case PD_ROLE_CO:
			return "co";
		case PD_ROLE_IMPLICIT:
			return "implicit";
		default:
			return "responsible";
	}
}

size_t
pd_unit_region(const char *s, size_t len, char *out)
{
	uint32_t	c[PD_UNIT_MAX_CHARS];
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	int			n = 0,
				i,
				stop = -1,
				plen;
	size_t		o = 0;

	out[0] = '\0';
	while (p < end && n < PD_UNIT_MAX_CHARS)
	{
		uint32_t	cp = pd_fold(pd_u8_next(&p, end));

		if (!pd_is_space(cp))
			c[n++] = cp;
	}
	i = pd_word_len_at(&party_prefixes, c, 0, n);
	if (pd_word_len_at(&national_issuers, c, i, n) ||
		(i > 0 && pd_word_is_at(&singles, W_CENTRAL, c, i, n)))
	{
		static const char nat[] = "国家";

		memcpy(out, nat, sizeof(nat));
		return sizeof(nat) - 1;
	}
	plen = pd_word_len_at(&provinces, c, i, n);
	if (plen)
		stop = i + plen;		/* 重庆市人民政府 -> 重庆, 内蒙古自治区 -> 内蒙古 */
	else
	{
		/* a city or county: the name before its 市 / 州 / 区 / 县 */
		for (int k = i + 1; k < n && k <= i + 6; k++)
		{
			if (c[k] == 0x5E02 || c[k] == 0x5DDE || c[k] == 0x533A || c[k] == 0x53BF ||
				c[k] == 0x76DF)
			{
				stop = k;
				break;
			}
		}
	}
	if (stop <= i)
		return 0;
	for (int k = i; k < stop; k++)
		o += pd_u8_put(out + o, c[k]);
	out[o] = '\0';
	return o;
}

bool
pdu_kinds_selfcheck(void)
{
	pd_wordtab *const tabs[] = {
		&provinces, &region_lead_ins, &province_tails, &party_prefixes, &mass_orgs,
		&vertical_organs, &enterprise_suffixes, &zones, &collective_nouns, &pboc_names,
		&pboc_branches, &local, &division_heads, &judicial_ends, &department_ends,
		&institution_ends, &branch_ends, &national_heads, &not_division_heads,
		&national_issuers, &singles, &party_heads
	};

	return pdu_tables_ok(tabs, sizeof(tabs) / sizeof(tabs[0]));
}
