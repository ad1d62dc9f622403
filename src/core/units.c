/*
 * units.c — responsible units: name normalisation, what a name says (level,
 * kind, region), responsibility brackets and document rules.
 *
 * Everything is compared on folded code points (pd_fold: full-width ->
 * ASCII, Traditional -> Simplified from OpenCC's table), so the keyword
 * tables below are written once, in Simplified script, and 責任單位 /
 * （ / ： match 责任单位 / ( / : without a second table.
 *
 * How a span is read (pd_units_extract):
 *  - One pass over the span looks only at ( ) （ ） : ： and 】, found with
 *    memchr (see find_event).  Opens go on a small stack; a close evaluates
 *    the bracket it closes (innermost first).  When an outer bracket is accepted, units of accepted brackets
 *    inside it are dropped again (the outer reading wins: 主（協）辦機關 and
 *    西部（重庆）科学城管委会 hold brackets of their own).
 *  - A colon outside brackets preceded by a label at a line or sentence
 *    start (主辦機關：…, 责任单位：…, 【牵头单位】…) starts a labelled list
 *    that runs to the end of the line or sentence.
 *  - A bracket's content is decoded once into folded code points and split
 *    into segments (；; 。), items (、，,), and pieces (及 / 和 / 与, a / or
 *    spaces between two unit names).  A label (责任单位：) sets the role of its segment;
 *    a verb at the end of an item (牵头, 配合, 按职责分工负责 …) sets the
 *    role of the items since the previous verb; （牵头） after a name sets
 *    that name's role.  Items that do not look like unit names are notes:
 *    a bracket whose first item is a note is not a responsibility bracket,
 *    and a note ends the segment it is in.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE			/* memmem */
#endif
#include "pd_units.h"
#include "pd_lexicon.h"
#include "pd_scan.h"
#include "pd_segment.h"

#include <string.h>

#define CP_HW_DUN	0xFF64		/* ､ half-width ideographic comma */

/*
 * Internal only: a unit waiting for the verb or label that gives its role.
 * Every unit has a real role when parse_group accepts its bracket.
 */
#define ROLE_PENDING ((pd_unit_role) 15)

static bool
is_cjk(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		(cp >= 0x20000 && cp <= 0x3FFFF);
}

static bool
is_letter(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || is_cjk(cp);
}

/* separators that split a list of units */
static bool
is_item_sep(uint32_t cp)
{
	return cp == CP_DUN || cp == ',' || cp == CP_HW_DUN;
}

/* separators that end a segment of a bracket: ；; 。 */
static bool
is_segment_sep(uint32_t cp)
{
	return cp == ';' || cp == CP_JUHAO;
}

/* ------------------------------------------------------------------------
 * name knowledge (all keywords folded: Simplified, ASCII punctuation)
 * ------------------------------------------------------------------------ */

/* a group of units rather than one: 各区县政府, 有关区、市政府 */
static const pd_word collective_prefixes_words[] = {
	{"各"}, {"有关"}, {"相关"}, {"其他"}, {"全市各"}, {"全省各"}, {"市级各"}, {"市级有关"}, {"市级相关"},
	{"省级各"}, {"省级有关"}, {"省级相关"}, {"区县各"}
};
static pd_wordtab collective_prefixes = PD_WORDTAB(collective_prefixes_words);

/* names of administrative divisions as they appear inside collectives */
static const pd_word admin_words_words[] = {
	{"直辖市"}, {"县级市"}, {"自治县"}, {"自治州"}, {"自治区"}, {"地级市"}, {"乡镇"}, {"区县"}, {"县区"},
	{"街道"}, {"省"}, {"市"}, {"区"}, {"县"}, {"镇"}, {"乡"}, {"州"}, {"盟"}, {"旗"}
};
static pd_wordtab admin_words = PD_WORDTAB(admin_words_words);

/* how unit names end */
static const pd_word unit_suffixes_words[] = {
	{"局"}, {"委"}, {"厅"}, {"部"}, {"办"}, {"署"}, {"会"}, {"院"}, {"府"}, {"处"}, {"室"}, {"所"}, {"站"}, {"队"},
	{"团"}, {"联"}, {"社"}, {"校"}, {"馆"}, {"组"}, {"司"}, {"中心"}, {"银行"}, {"分行"}, {"支行"}, {"海关"},
	{"机关"}, {"企业"}, {"单位"}, {"部门"}, {"机构"}, {"专班"}, {"大学"}, {"党委"}, {"法庭"}, {"指挥部"},
	{"营业管理部"}, {"电网"}, {"移动"}, {"联通"}, {"电信"}, {"铁塔"}, {"团中央"}
};
static pd_wordtab unit_suffixes = PD_WORDTAB(unit_suffixes_words);

/* development zones named as units (两江新区、重庆高新区): their 管委会 */
static const pd_word zone_unit_suffixes_words[] = {{"新区"}, {"经开区"}, {"开发区"}};
static pd_wordtab zone_unit_suffixes = PD_WORDTAB(zone_unit_suffixes_words);

/* ... but not these, which end the same way and are no units */
static const pd_word not_unit_suffixes_words[] = {
	{"社会"}, {"大会"}, {"博览会"}, {"运动会"}, {"峰会"}, {"展会"}, {"交易会"}, {"洽谈会"}, {"论坛会"}, {"机会"},
	{"场所"}, {"住所"}, {"处所"}, {"内部"}, {"全部"}, {"东部"}, {"西部"}, {"中部"}, {"北部"}, {"南部"},
	{"局部"}, {"干部"}, {"总部"}, {"俱乐部"}, {"全院"}, {"各院"}
};
static pd_wordtab not_unit_suffixes = PD_WORDTAB(not_unit_suffixes_words);

/* a name that is only one of these says no unit: （企业负责） */
static const pd_word generic_nouns_words[] = {
	{"企业"}, {"单位"}, {"部门"}, {"机构"}, {"公司"}, {"集团"}, {"银行"}, {"中心"}, {"机关"}, {"学校"}, {"医院"},
	{"社区"}, {"海关"}, {"政府"}, {"人民政府"}, {"党委"}
};
static pd_wordtab generic_nouns = PD_WORDTAB(generic_nouns_words);

/*
 * Characters that make an item a sentence, not a name.  Not 应 (应急管理局)
 * nor 者 (消费者协会): the sentences they start are caught by 为 / 当.
 */
static bool
is_sentence_char(uint32_t cp)
{
	switch (cp)
	{
		case 0x7684:			/* 的 */
		case 0x4E3A:			/* 为 */
		case 0x662F:			/* 是 */
		case 0x5C06:			/* 将 */
		case 0x628A:			/* 把 */
		case 0x88AB:			/* 被 */
		case 0x5E76:			/* 并 */
		case 0x987B:			/* 须 */
		case 0x4E86:			/* 了 */
		case 0x5DF2:			/* 已 */
		case '%':
			return true;
		default:
			return false;
	}
}

/* words that mark a note (time limits, working style) in a labelled list */
static const pd_word note_words_words[] = {
	{"下同"}, {"不再"}, {"列出"}, {"完成"}, {"持续"}, {"长期"}, {"年底"}, {"年前"}, {"以下"}, {"以上"},
	{"逐步"}, {"推进"}, {"实施"}, {"开展"}, {"坚持"}, {"落实"}, {"推动"}, {"建立"}, {"加强"}, {"负责"},
	{"牵头"}, {"配合"}, {"此项"}, {"该项"}, {"本项"}, {"其中"}, {"时限"}, {"每年"}, {"详见"}, {"附件"}, {"另行"},
	{"确定"}, {"待定"}, {"明确"}, {"应当"}, {"不分先后"}, {"排名"}, {"排序"}
};
static pd_wordtab note_words = PD_WORDTAB(note_words_words);

/* sentences start like this, names do not */
static const pd_word note_starts_words[] = {
	{"此"}, {"该项"}, {"本项"}, {"其中"}, {"以下"}, {"所有"}, {"全部"}, {"每"}, {"上述"}, {"按照"}, {"根据"},
	{"注"}, {"备注"}
};
static pd_wordtab note_starts = PD_WORDTAB(note_starts_words);

/* length of the division name at c[i], or 0 */
static int
admin_word_at(const uint32_t *c, int i, int n)
{
	return pd_word_len_at(&admin_words, c, i, n);
}

/*
 * c[i, n) is nothing but division names, possibly with bracketed ones:
 * 区, 区县, 区县(自治县), 县(市).  Returns false for an empty range.
 */
static bool
admin_only(const uint32_t *c, int i, int n)
{
	if (i >= n)
		return false;
	while (i < n)
	{
		int			len;

		if (c[i] == '(' || c[i] == ')' || c[i] == CP_DUN)
		{
			i++;
			continue;
		}
		len = admin_word_at(c, i, n);
		if (len == 0)
			return false;
		i += len;
	}
	return true;
}

static int
collective_prefix(const uint32_t *c, int n)
{
	if (n == 0)
		return 0;
	/* 市级各…, 省级有关…, 区县各…: a 市 省 区 start needs one of these next */
	if ((c[0] == 0x5E02 || c[0] == 0x7701 || c[0] == 0x533A) &&
		(n < 2 || (c[1] != 0x7EA7 && c[1] != 0x53BF)))	/* 级 县 */
		return 0;
	return pd_word_len_at(&collective_prefixes, c, 0, n);
}

/* position of the '(' matching a ')' at c[close], or -1 */
static int
matching_open(const uint32_t *c, int lo, int close)
{
	int			depth = 0;

	for (int i = close; i >= lo; i--)
	{
		if (c[i] == ')')
			depth++;
		else if (c[i] == '(' && --depth == 0)
			return i;
	}
	return -1;
}

static bool
has_unit_suffix(const uint32_t *c, int n)
{
	int			end = n;

	/* 市工商联(总商会), 各区县(自治县): judge the name before the bracket */
	while (end > 0 && c[end - 1] == ')')
	{
		int			o = matching_open(c, 0, end - 1);

		if (o <= 0)
			break;
		end = o;
	}
	if (pd_word_len_before(&not_unit_suffixes, c, 0, end))
		return false;
	if (pd_word_len_before(&zone_unit_suffixes, c, 0, end))
		return true;
	return pd_word_before(&unit_suffixes, c, 0, end) >= 0;
}

/*
 * Is the bracketed a[i, j) after a name a note rather than part of the name
 * (市教委（市语委）)?  A note is a sentence or speaks of roles: （列第一位的为
 * 牵头单位）, （除标注“分别牵头”外，…，下同）.
 */
static bool
bracket_is_note(const uint32_t *a, int i, int j)
{
	for (int k = i; k < j; k++)
		if (is_sentence_char(a[k]) || a[k] == ',' || a[k] == ':' || a[k] == ';' ||
			a[k] == 0x201C || a[k] == 0x201D)
			return true;
	return (pd_word_find(&note_words, a, i, j, NULL) >= 0);
}

/*
 * Does the normalised name c[0, n) look like a unit?  strict: it must end
 * like one (局 委 厅 … 单位 部门) or be a collective of divisions (各区县).
 * Lenient (the first list after a label such as 责任单位：): any short name
 * that is not a note (中国移动 passes, 2025年底前完成 does not).
 */
static bool
unit_like(const uint32_t *c, int n, bool strict)
{
	int			pre;

	if (n < 2 || n > 40)
		return false;
	for (int i = 0; i < n; i++)
	{
		if (is_sentence_char(c[i]))
			return false;
		/* 由 makes a sentence (此项工作由…负责) except in 自由贸易 */
		if (c[i] == 0x7531 && !(i > 0 && c[i - 1] == 0x81EA))
			return false;
		if (c[i] >= '0' && c[i] <= '9' && i + 1 < n &&
			(c[i + 1] == 0x5E74 || c[i + 1] == 0x6708 || c[i + 1] == 0x65E5))
			return false;		/* 2025年 6月 */
	}
	if (pd_word_len_at(&note_starts, c, 0, n))
		return false;
	pre = collective_prefix(c, n);
	if (pre > 0 && pre < n && admin_only(c, pre, n))
		return true;			/* 各区县, 各区、县级市 */
	if (has_unit_suffix(c, n))
		return !strict || pd_word_len_before(&generic_nouns, c, 0, n) < n;
	if (strict)
		return false;
	if (n > 15 || (pd_word_find(&note_words, c, 0, n, NULL) >= 0))
		return false;
	for (int i = 0; i < n; i++)
		if (c[i] >= '0' && c[i] <= '9')
			return false;
	return true;
}

/* ------------------------------------------------------------------------
 * normalisation
 * ------------------------------------------------------------------------ */

/*
 * A trailing 等 and what may follow it: 等, 等部门, 等有关部门,
 * 等省级相关职能部门, and several such nouns joined (等有关部门和单位,
 * 等相关部门、机构).  Read as a small grammar — 等, then groups of qualifiers and one
 * collective noun joined by 和/及/与/、 — rather than a list of every
 * combination, so each new pairing a plan prints needs no new entry.  The
 * nouns are generic on their own (单位 names no unit), which is why a 和
 * before them is no split between two names.
 */
static const pd_word etc_quals_words[] = {
	{"有关"}, {"相关"}, {"其他"}, {"市级"}, {"省级"}, {"区级"}, {"县级"}, {"区县"}, {"职能"}, {"成员"},
	{"主管"}
};
static pd_wordtab etc_quals = PD_WORDTAB(etc_quals_words);
static const pd_word etc_nouns_words[] = {{"部门"}, {"单位"}, {"机构"}, {"方面"}};
static pd_wordtab etc_nouns = PD_WORDTAB(etc_nouns_words);

/* the last characters such a tail can end with: a quick no for most names */
static const pd_word etc_ends_words[] = {{"等"}, {"部门"}, {"单位"}, {"机构"}, {"方面"}};
static pd_wordtab etc_ends = PD_WORDTAB(etc_ends_words);

#define CP_DENG 0x7B49			/* 等 */
#define ETC_TAIL_MAX 24			/* longest tail looked for, in characters */

/* joins between the nouns of a tail: 和 及 与 、 */
static bool
is_etc_join(uint32_t cp)
{
	return cp == 0x548C || cp == 0x53CA || cp == 0x4E0E || cp == CP_DUN || cp == CP_HW_DUN;
}

/*
 * Is c[i, n) one or more groups of qualifiers and a noun, joined (有关部门,
 * 有关部门和单位, 单位)?  An empty range is not.
 */
static bool
etc_groups(const uint32_t *c, int i, int n)
{
	while (i < n)
	{
		int			len;

		while ((len = pd_word_len_at(&etc_quals, c, i, n)) > 0)
			i += len;
		if ((len = pd_word_len_at(&etc_nouns, c, i, n)) == 0)
			return false;
		i += len;
		if (i == n)
			return true;
		if (!is_etc_join(c[i]) || i + 1 == n)
			return false;
		i++;
	}
	return false;
}

/*
 * Length of the 等 tail that c[lo, n) ends with, or 0.  The rightmost 等
 * that starts a tail wins; normalisation repeats, so 等部门等 loses both.
 */
static int
etc_tail(const uint32_t *c, int lo, int n)
{
	if (pd_word_before(&etc_ends, c, lo, n) < 0)
		return 0;
	for (int p = n - 1; p >= lo && p >= n - ETC_TAIL_MAX; p--)
		if (c[p] == CP_DENG && (p + 1 == n || etc_groups(c, p + 1, n)))
			return n - p;
	return 0;
}

/* punctuation dropped at either end of a name */
static bool
is_trim_punct(uint32_t cp)
{
	switch (cp)
	{
		case CP_DUN:
		case CP_HW_DUN:
		case CP_JUHAO:
		case ',':
		case ';':
		case ':':
		case '.':
		case '!':
		case '?':
		case '-':
		case '/':
		case '\\':
		case '|':
		case 0x2014:			/* — */
		case 0x2013:			/* – */
		case 0x2026:			/* … */
		case 0x00B7:			/* · */
		case 0x30FB:			/* ・ */
		case 0x2022:			/* • */
		case 0xFF61:			/* ｡ */
			return true;
		default:
			return false;
	}
}

/* quotes and markup dropped anywhere in a name */
static bool
is_dropped(uint32_t cp)
{
	switch (cp)
	{
		case '"':
		case '\'':
		case '*':
		case '#':
		case '`':
		case '_':
		case '~':
		case 0x201C:			/* “ */
		case 0x201D:			/* ” */
		case 0x2018:			/* ‘ */
		case 0x2019:			/* ’ */
		case 0x300C:			/* 「 */
		case 0x300D:			/* 」 */
		case 0x300E:			/* 『 */
		case 0x300F:			/* 』 */
		case 0x300A:			/* 《 */
		case 0x300B:			/* 》 */
		case 0x3008:			/* 〈 */
		case 0x3009:			/* 〉 */
		case 0x200C:			/* zero-width non-joiner */
		case 0x200D:			/* zero-width joiner */
		case 0x2060:			/* word joiner */
			return true;
		default:
			return false;
	}
}

/* brackets of every shape read as ( ) */
static uint32_t
bracket_fold(uint32_t cp)
{
	switch (cp)
	{
		case '[':
		case 0x3014:			/* 〔 */
		case 0x3010:			/* 【 */
		case 0x3016:			/* 〖 */
			return '(';
		case ']':
		case 0x3015:			/* 〕 */
		case 0x3011:			/* 】 */
		case 0x3017:			/* 〗 */
			return ')';
		default:
			return cp;
	}
}

/* drop a '(' ... ')' pair at c[o] / c[cl] (both inclusive) */
static int
drop_pair(uint32_t *c, int *pos, int n, int o, int cl)
{
	int			k = 0;

	for (int i = 0; i < n; i++)
	{
		if (i == o || i == cl)
			continue;
		c[k] = c[i];
		pos[k] = pos[i];
		k++;
	}
	return k;
}

/* the work buffer of the normaliser: a little slack for 等有关部门 and punctuation */
#define NORM_SLACK 24
#define NORM_CAP (PD_UNIT_MAX_CHARS + NORM_SLACK)

/*
 * One character of a name on its way in (already pd_fold'ed): spaces, quotes
 * and markup go, brackets of every shape become ( ).  Returns 0 to drop the
 * character, or the character to keep; control and replaced characters are
 * reported with *bad.
 */
static inline uint32_t
name_char(uint32_t cp, bool *bad)
{
	if (pd_is_space(cp) || is_dropped(cp))
		return 0;
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == PD_REPLACEMENT)
	{
		*bad = true;
		return 0;
	}
	return bracket_fold(cp);
}

/*
 * The normalisation proper, in place on folded code points c[0, *np) with
 * their 1-based character positions (for messages).
 */
static pd_status
normalize_cps(uint32_t *c, int *pos, int *np, pd_error *err)
{
	int			n = *np,
				lo,
				hi,
				depth;
	bool		changed;
	bool		plain = n > 0 && n <= PD_UNIT_MAX_CHARS;

	/*
	 * The common case first: a name of ideographs only has nothing to trim,
	 * no brackets and no separators, and changes only by a 等 ending.
	 */
	for (int i = 0; i < n && plain; i++)
		plain = pd_is_han_bmp(c[i]);
	if (plain && pd_word_before(&etc_ends, c, 0, n) < 0)
		return PD_OK;

	/*
	 * Trim until nothing changes: punctuation and stray brackets at the
	 * ends, a bracket pair around the whole name, empty pairs, then a
	 * trailing 等 / 等有关部门.
	 */
	do
	{
		int			etc;

		changed = false;
		lo = 0;
		hi = n;
		while (lo < hi && (is_trim_punct(c[lo]) || c[lo] == ')'))
			lo++;
		while (hi > lo && (is_trim_punct(c[hi - 1]) || c[hi - 1] == '('))
			hi--;
		if (lo > 0 || hi < n)
		{
			memmove(c, c + lo, (hi - lo) * sizeof(c[0]));
			memmove(pos, pos + lo, (hi - lo) * sizeof(pos[0]));
			n = hi - lo;
			changed = true;
		}
		/* a stray ')' at the end or '(' at the start, without its partner */
		if (n > 0 && c[n - 1] == ')' && matching_open(c, 0, n - 1) < 0)
		{
			n--;
			changed = true;
		}
		if (n > 0 && c[0] == '(')
		{
			int			d = 0,
						close = -1;

			for (int i = 0; i < n && close < 0; i++)
			{
				if (c[i] == '(')
					d++;
				else if (c[i] == ')' && --d == 0)
					close = i;
			}
			if (close < 0 || close == n - 1)
			{
				/* unmatched, or around the whole name: (市发展改革委) */
				n = close < 0 ? drop_pair(c, pos, n, 0, -1) : drop_pair(c, pos, n, 0, n - 1);
				changed = true;
			}
		}
		for (int i = 0; i + 1 < n; i++)
		{
			if (c[i] == '(' && c[i + 1] == ')')
			{
				n = drop_pair(c, pos, n, i, i + 1);
				changed = true;
				break;
			}
		}
		etc = etc_tail(c, 0, n);
		if (etc > 0 && etc == n)
			return pd_fail(err, PD_ESYNTAX, pos[0],
						   "\"等\" and its endings name no unit on their own.");
		if (etc > 0)
		{
			n -= etc;
			changed = true;
		}
	} while (changed && n > 0);

	if (n == 0)
		return pd_fail(err, PD_ESYNTAX, 0, "A unit name cannot be empty.");
	if (n > PD_UNIT_MAX_CHARS)
		return pd_fail(err, PD_ESYNTAX, pos[PD_UNIT_MAX_CHARS],
					   "A unit name is at most %d characters long.", PD_UNIT_MAX_CHARS);

	/* one unit: no list separators inside, balanced brackets, some letters */
	depth = 0;
	{
		bool		letters = false;
		bool		collective = collective_prefix(c, n) > 0;

		for (int i = 0; i < n; i++)
		{
			uint32_t	cp = c[i];

			if (is_letter(cp))
				letters = true;
			if (cp == '(')
				depth++;
			else if (cp == ')' && --depth < 0)
				return pd_fail(err, PD_ESYNTAX, pos[i],
							   "Unbalanced bracket at character %d.", pos[i]);
			else if ((cp == CP_DUN || cp == CP_HW_DUN) && collective)
				c[i] = CP_DUN;	/* 各区、市政府: one collective */
			else if (is_item_sep(cp) || is_segment_sep(cp) || cp == ':')
				return pd_fail(err, PD_ESYNTAX, pos[i],
							   "Separator at character %d: a unit name holds one unit, not a list.",
							   pos[i]);
		}
		if (depth != 0)
			return pd_fail(err, PD_ESYNTAX, pos[n - 1],
						   "Unbalanced bracket in the unit name.");
		if (!letters)
			return pd_fail(err, PD_ESYNTAX, pos[0],
						   "A unit name needs a Chinese character or a letter.");
	}

	*np = n;
	return PD_OK;
}

pd_status
pd_unit_normalize(const char *s, size_t len, char *out, size_t *outlen, pd_error *err)
{
	uint32_t	c[NORM_CAP];
	int			pos[NORM_CAP];
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	int			n = 0,
				charno = 0;
	size_t		o = 0;
	pd_status	st;

	out[0] = '\0';
	if (outlen)
		*outlen = 0;
	while (p < end)
	{
		uint32_t	raw = pd_u8_next(&p, end),
					cp;
		bool		bad = false;

		charno++;
		cp = name_char(pd_fold(raw), &bad);
		if (bad)
			return raw == PD_REPLACEMENT ?
				pd_fail(err, PD_ESYNTAX, charno,
						"Invalid or replaced character at character %d.", charno) :
				pd_fail(err, PD_ESYNTAX, charno,
						"Control character U+%04X at character %d.", raw, charno);
		if (cp == 0)
			continue;
		if (n == NORM_CAP)
			return pd_fail(err, PD_ESYNTAX, charno,
						   "A unit name is at most %d characters long.", PD_UNIT_MAX_CHARS);
		c[n] = cp;
		pos[n] = charno;
		n++;
	}
	if ((st = normalize_cps(c, pos, &n, err)) != PD_OK)
		return st;
	for (int i = 0; i < n; i++)
		o += pd_u8_put(out + o, c[i]);
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return PD_OK;
}

/* decode a normalised name into code points (at most PD_UNIT_MAX_CHARS) */
static int
decode_name(const char *s, size_t len, uint32_t *c)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	int			n = 0;

	while (p < end && n < PD_UNIT_MAX_CHARS)
		c[n++] = pd_u8_next(&p, end);
	return n;
}

/* ------------------------------------------------------------------------
 * what a name says: level, kind, region
 * ------------------------------------------------------------------------ */

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

static const pd_word mass_words_words[] = {
	{"工商联"}, {"总工会"}, {"妇联"}, {"残联"}, {"科协"}, {"文联"}, {"侨联"}, {"作协"}, {"红十字会"}, {"共青团"},
	{"团中央"}, {"工会"}, {"社科联"}, {"台联"}, {"贸促会"}
};
static pd_wordtab mass_words = PD_WORDTAB(mass_words_words);

/* branches of central organs that sit in a province or city */
static const pd_word vertical_words_words[] = {
	{"金融监管局"}, {"金融监督管理局"}, {"金融监督管理总局"}, {"银保监局"}, {"银保监分局"}, {"证监局"}, {"通信管理局"},
	{"税务局"}, {"海关"}, {"气象局"}, {"邮政管理局"}, {"调查总队"}, {"调查队"}, {"外汇管理局"}, {"分行"},
	{"支行"}, {"营业管理部"}, {"烟草专卖局"}, {"地震局"}, {"海事局"}, {"统计调查"}, {"铁路监督管理局"},
	{"能源监管局"}, {"审计特派员办事处"}
};
static pd_wordtab vertical_words = PD_WORDTAB(vertical_words_words);

static const pd_word enterprise_suffixes_words[] = {
	{"公司"}, {"集团"}, {"企业"}, {"银行"}, {"电网"}, {"移动"}, {"联通"}, {"电信"}, {"铁塔"}
};
static pd_wordtab enterprise_suffixes = PD_WORDTAB(enterprise_suffixes_words);

static const pd_word zone_words_words[] = {
	{"新区"}, {"高新区"}, {"经开区"}, {"开发区"}, {"自贸区"}, {"保税区"}, {"科学城"}, {"园区"}, {"试验区"}
};
static pd_wordtab zone_words = PD_WORDTAB(zone_words_words);

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
	{"博物馆"}, {"报社"}, {"电视台"}
};
static pd_wordtab institution_ends = PD_WORDTAB(institution_ends_words);

/* a national company's or bank's branch in a province: 国网重庆市电力公司 */
static const pd_word branch_ends_words[] = {{"公司"}, {"分行"}, {"分院"}};
static pd_wordtab branch_ends = PD_WORDTAB(branch_ends_words);

static const pd_word national_heads_words[] = {
	{"国务院"}, {"国家"}, {"中央"}, {"全国"}, {"中华人民共和国"}, {"中国"}, {"团中央"}
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
	int			n = decode_name(norm, len, c),
				i = 0,
				prov;

	if (n == 0)
		return PD_KIND_UNKNOWN;
	if (collective_prefix(c, n) || pd_word_find(&collective_nouns, c, 0, n, NULL) >= 0)
		return PD_KIND_COLLECTIVE;
	if (pd_word_is_at(&singles, W_TUAN, c, 0, n) && n > 1 &&
		(c[n - 1] == 0x59D4 || pd_word_is_at(&singles, W_TUAN_CENTRAL, c, 0, n)))
		return PD_KIND_MASS;	/* 团市委, 团省委, 团中央 */
	if ((pd_word_find(&mass_words, c, 0, n, NULL) >= 0))
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
		(pd_word_find(&vertical_words, c, 0, n, NULL) >= 0) &&
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
	if (pd_word_len_before(&zone_unit_suffixes, c, 0, n))
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
	int			n = decode_name(norm, len, c),
				i = 0;
	pd_unit_level level;

	if (n == 0)
		return PD_LEVEL_UNKNOWN;
	if (collective_prefix(c, n))
		return PD_LEVEL_COLLECTIVE;
	i = pd_word_len_at(&party_prefixes, c, 0, n);	/* 中共重庆市委… */
	if (pd_word_is_at(&singles, W_TUAN, c, i, n))
		i++;					/* 团市委 reads as 市委 */
	if ((pd_word_find(&zone_words, c, i, n, NULL) >= 0))
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

/* ------------------------------------------------------------------------
 * the unit list
 * ------------------------------------------------------------------------ */

void
pd_unit_list_init(pd_unit_list *list, const pd_mem *mem)
{
	memset(list, 0, sizeof(*list));
	list->mem = mem ? mem : &pd_malloc_mem;
}

void
pd_unit_list_reset(pd_unit_list *list)
{
	list->n = 0;
	list->names_len = 0;
	list->groups = 0;
}

void
pd_unit_list_free(pd_unit_list *list)
{
	if (list->mem->release)
	{
		if (list->units)
			list->mem->release(list->mem->ctx, list->units);
		if (list->names)
			list->mem->release(list->mem->ctx, list->names);
		if (list->scratch)
			list->mem->release(list->mem->ctx, list->scratch);
	}
	list->units = NULL;
	list->names = NULL;
	list->scratch = NULL;
	list->n = list->cap = 0;
	list->names_len = list->names_cap = 0;
}

/* grow an array to hold `need` bytes; realloc by hand through pd_mem */
static bool
grow(const pd_mem *mem, void **arr, size_t *cap, size_t used, size_t need)
{
	size_t		ncap;
	void	   *n;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap * 2 : 512;
	while (ncap < need)
		ncap *= 2;
	n = mem->alloc(mem->ctx, ncap);
	if (n == NULL)
		return false;
	if (*arr)
	{
		memcpy(n, *arr, used);
		if (mem->release)
			mem->release(mem->ctx, *arr);
	}
	*arr = n;
	*cap = ncap;
	return true;
}

pd_status
pd_unit_list_add(pd_unit_list *list, const char *norm, size_t norm_len,
				 pd_unit_role role, size_t raw_start, size_t raw_end, pd_error *err)
{
	pd_unit    *u;
	size_t		ucap = (size_t) list->cap * sizeof(pd_unit);

	if (!grow(list->mem, (void **) &list->units, &ucap, (size_t) list->n * sizeof(pd_unit),
			  (size_t) (list->n + 1) * sizeof(pd_unit)))
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory for the unit list.");
	list->cap = (int) (ucap / sizeof(pd_unit));
	if (!grow(list->mem, (void **) &list->names, &list->names_cap, list->names_len,
			  list->names_len + norm_len + 1))
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory for unit names.");
	u = &list->units[list->n++];
	memset(u, 0, sizeof(*u));
	u->raw_start = raw_start;
	u->raw_end = raw_end;
	u->group_start = raw_start;
	u->group_end = raw_end;
	u->norm_off = list->names_len;
	u->norm_len = norm_len;
	u->role = role;
	memcpy(list->names + list->names_len, norm, norm_len);
	list->names[list->names_len + norm_len] = '\0';
	list->names_len += norm_len + 1;
	return PD_OK;
}

bool
pd_unit_list_has(const pd_unit_list *list, const char *norm, size_t norm_len)
{
	for (int i = 0; i < list->n; i++)
	{
		const pd_unit *u = &list->units[i];

		if (u->norm_len == norm_len && memcmp(list->names + u->norm_off, norm, norm_len) == 0)
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------------
 * bracket and list parsing
 * ------------------------------------------------------------------------ */

/*
 * A bracket's content as folded code points with their byte offsets, kept
 * relative to the content's start in 16 bits (a group is at most
 * PD_UNIT_GROUP_MAX_BYTES): half the stores of absolute offsets.
 */
#define UB_MAX PD_UNIT_GROUP_MAX_BYTES
typedef struct ubuf
{
	uint32_t	cp[UB_MAX + 1];
	uint16_t	off[UB_MAX + 1];	/* off[n] = end of the content */
	size_t		base;			/* byte offset of the content in the text */
	int			n;
} ubuf;

/* text byte offset of code point i */
static inline size_t
ubuf_offset(const ubuf *b, int i)
{
	return b->base + b->off[i];
}

/*
 * Append text[s, e) to b, decoded and folded, with offsets relative to
 * b->base.  False when it does not fit.
 */
static bool
ubuf_append(ubuf *b, const char *text, size_t s, size_t e)
{
	const unsigned char *base = (const unsigned char *) text + b->base;
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;
	uint32_t   *cp = b->cp;
	uint16_t   *off = b->off;
	int			n = b->n;

	/* every character takes a byte at least: no bound to test in the loop */
	if (e - s > (size_t) (UB_MAX - n) || e - b->base > UB_MAX)
		return false;

	/*
	 * Locals, not b->n: PostgreSQL builds with -fno-strict-aliasing, so a
	 * store into b->cp would make the compiler reload b->n every character.
	 */
	while (p < end)
	{
		off[n] = (uint16_t) (p - base);
		/* the common case first: a Han character, three bytes, U+4E00..U+9FFF */
		if ((unsigned) (p[0] - 0xE4) <= 0xE9 - 0xE4 && end - p >= 3 &&
			((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40)
		{
			cp[n++] = pd_t2s_bmp(((uint32_t) (p[0] & 0x0F) << 12) | ((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F));
			p += 3;
		}
		else
		{
			const unsigned char *q = p;	/* p itself stays in a register */
			uint32_t	c = pd_fold(pd_u8_next(&q, end));

			/* 各市、县〔市、区〕政府: inside a list 〔〕 nest like () */
			cp[n++] = c == 0x3014 ? '(' : c == 0x3015 ? ')' : c;
			p = q;
		}
	}
	off[n] = (uint16_t) (e - b->base);
	b->n = n;
	return true;
}

static bool
ubuf_fill(ubuf *b, const char *text, size_t s, size_t e)
{
	b->base = s;
	b->n = 0;
	return ubuf_append(b, text, s, e);
}

/* a character that is not in the text (a table's label, its colon) at text offset at */
static bool
ubuf_put(ubuf *b, uint32_t c, size_t at)
{
	if (b->n >= UB_MAX || at < b->base || at - b->base > UB_MAX)
		return false;
	b->off[b->n] = (uint16_t) (at - b->base);
	b->cp[b->n++] = c;
	b->off[b->n] = (uint16_t) (at - b->base);
	return true;
}

/*
 * Labels that name the role of the units after them: the payload a is the
 * role, b is 1 for combined labels (主(协)办机关: bracketed names are co).
 */
static const pd_word label_words[] = {
	{"责任单位", PD_ROLE_RESPONSIBLE, 0}, {"责任部门", PD_ROLE_RESPONSIBLE, 0},
	{"责任主体", PD_ROLE_RESPONSIBLE, 0}, {"负责单位", PD_ROLE_RESPONSIBLE, 0},
	{"负责部门", PD_ROLE_RESPONSIBLE, 0}, {"承办单位", PD_ROLE_RESPONSIBLE, 0},
	{"实施单位", PD_ROLE_RESPONSIBLE, 0}, {"实施主体", PD_ROLE_RESPONSIBLE, 0},
	{"责任处室", PD_ROLE_RESPONSIBLE, 0}, {"主体责任单位", PD_ROLE_RESPONSIBLE, 0},
	{"牵头单位", PD_ROLE_LEAD, 0}, {"牵头部门", PD_ROLE_LEAD, 0}, {"牵头责任单位", PD_ROLE_LEAD, 0},
	{"牵头负责单位", PD_ROLE_LEAD, 0}, {"牵头负责部门", PD_ROLE_LEAD, 0}, {"牵头机关", PD_ROLE_LEAD, 0},
	{"主办机关", PD_ROLE_LEAD, 0}, {"主办单位", PD_ROLE_LEAD, 0}, {"主办部门", PD_ROLE_LEAD, 0},
	{"主责单位", PD_ROLE_LEAD, 0}, {"主责部门", PD_ROLE_LEAD, 0}, {"主要责任单位", PD_ROLE_LEAD, 0},
	{"牵头", PD_ROLE_LEAD, 0}, {"主办", PD_ROLE_LEAD, 0},
	{"配合单位", PD_ROLE_CO, 0}, {"配合部门", PD_ROLE_CO, 0}, {"协办机关", PD_ROLE_CO, 0},
	{"协办单位", PD_ROLE_CO, 0}, {"协办部门", PD_ROLE_CO, 0}, {"参与单位", PD_ROLE_CO, 0},
	{"参与部门", PD_ROLE_CO, 0}, {"参加单位", PD_ROLE_CO, 0}, {"协同单位", PD_ROLE_CO, 0},
	{"协同部门", PD_ROLE_CO, 0}, {"协作单位", PD_ROLE_CO, 0}, {"协助单位", PD_ROLE_CO, 0},
	{"配合", PD_ROLE_CO, 0}, {"协办", PD_ROLE_CO, 0}, {"参与", PD_ROLE_CO, 0},
	/* 牵头责任单位：A。协同责任单位：B: the other units under a lead */
	{"协同责任单位", PD_ROLE_CO, 0}, {"配合责任单位", PD_ROLE_CO, 0},
	{"其他责任单位", PD_ROLE_CO, 0}, {"相关责任单位", PD_ROLE_CO, 0},
	{"共同责任单位", PD_ROLE_CO, 0}, {"次要责任单位", PD_ROLE_CO, 0},
	{"参与责任单位", PD_ROLE_CO, 0}, {"协办责任单位", PD_ROLE_CO, 0},
	{"支持单位", PD_ROLE_CO, 0}, {"支持部门", PD_ROLE_CO, 0},
	{"指导单位", PD_ROLE_CO, 0}, {"协同责任部门", PD_ROLE_CO, 0},
	{"其他单位", PD_ROLE_CO, 0}, {"其他部门", PD_ROLE_CO, 0},
	{"其他责任部门", PD_ROLE_CO, 0}, {"相关责任部门", PD_ROLE_CO, 0},
	/* a department's own plan names its offices: 科室 处室 股室, a ministry's 司局 */
	{"牵头科室", PD_ROLE_LEAD, 0}, {"牵头处室", PD_ROLE_LEAD, 0}, {"牵头司局", PD_ROLE_LEAD, 0},
	{"责任科室", PD_ROLE_RESPONSIBLE, 0}, {"责任股室", PD_ROLE_RESPONSIBLE, 0},
	{"责任司局", PD_ROLE_RESPONSIBLE, 0},
	{"配合科室", PD_ROLE_CO, 0}, {"配合处室", PD_ROLE_CO, 0}, {"配合司局", PD_ROLE_CO, 0},
	{"协办科室", PD_ROLE_CO, 0}, {"协办处室", PD_ROLE_CO, 0},
	{"主(协)办机关", PD_ROLE_LEAD, 1}, {"主(协)办单位", PD_ROLE_LEAD, 1},
	{"主(协)办部门", PD_ROLE_LEAD, 1}, {"主协办机关", PD_ROLE_LEAD, 1},
	{"主协办单位", PD_ROLE_LEAD, 1}, {"主(协)办", PD_ROLE_LEAD, 1}
};
static pd_wordtab labels = PD_WORDTAB(label_words);

#define LABEL_ROLE(w) ((pd_unit_role) label_words[w].a)
#define LABEL_COMBINED(w) (label_words[w].b != 0)

/*
 * The level a label may name first, the same label for the unit's role:
 * 市级责任部门, 区县责任单位, 省级牵头单位.
 */
static const pd_word label_levels_words[] = {
	{"区县级"}, {"省级"}, {"市级"}, {"区级"}, {"县级"}, {"区县"}, {"市县"}, {"乡镇"}, {"镇街"},
	{"街镇"}, {"镇级"}
};
static pd_wordtab label_levels = PD_WORDTAB(label_levels_words);

/*
 * Longest label at a[i], after a level or not: its length in code points,
 * or 0; *lab receives the label (its index in label_words).
 */
static int
label_at(const uint32_t *a, int i, int n, int *lab)
{
	int			w,
				lv;

	if (i >= n)
		return 0;
	if ((w = pd_word_at(&labels, a, i, n)) >= 0)
	{
		*lab = w;
		return pd_word_len(&labels, w);
	}
	if ((lv = pd_word_len_at(&label_levels, a, i, n)) > 0 && i + lv < n &&
		(w = pd_word_at(&labels, a, i + lv, n)) >= 0)
	{
		*lab = w;
		return lv + pd_word_len(&labels, w);
	}
	return 0;
}

/* longest label that a[lo, n) ends with, after a level or not */
static int
label_before(const uint32_t *a, int lo, int n, int *lab)
{
	int			w = pd_word_before(&labels, a, lo, n),
				len;

	if (w < 0)
		return 0;
	*lab = w;
	len = pd_word_len(&labels, w);
	return len + pd_word_len_before(&label_levels, a, lo, n - len);	/* 市级牵头单位 */
}

static int	decode_folded(const char *text, size_t s, size_t e, uint32_t *c, size_t *offs, int max);

bool
pd_unit_label_cell(const char *s, size_t len)
{
	uint32_t	c[33] = {0};	/* (all set for the compiler's sake: only c[0, n) is read) */
	int			n = decode_folded(s, 0, len, c, NULL, 33),
				i = 0,
				k;
	int			lab;

	if (n == 33)
		return false;			/* a header cell is short */
	while (i < n && (pd_is_space(c[i]) || c[i] == '*'))
		i++;
	k = label_at(c, i, n, &lab);
	if (k == 0)
		return false;
	k += i;
	while (k < n && (pd_is_space(c[k]) || c[k] == '*'))
		k++;
	/* 责任单位（部门）, 牵头单位(第一个为牵头): a note in brackets may follow */
	return k == n || c[k] == '(';
}

static int
skip_spaces(const ubuf *b, int i, int n)
{
	while (i < n && pd_is_space(b->cp[i]))
		i++;
	return i;
}

/*
 * A label and its colon at b[i] — or a label in lenticular brackets,
 * 【牵头单位】, also when the 【 was just passed as a segment's end:
 * returns the position after the colon or the 】, or -1.
 */
static int
match_label(const ubuf *b, int i, int n, int *lab)
{
	int			len,
				k;
	bool		lenticular;

	i = skip_spaces(b, i, n);
	while (i < n && (b->cp[i] == '*' || b->cp[i] == '#'))
		i++;					/* **责任单位**： */
	lenticular = (i < n && b->cp[i] == 0x3010) || (i > 0 && b->cp[i - 1] == 0x3010);
	if (i < n && b->cp[i] == 0x3010)
		i++;
	/* a quick no: labels are at most 6 characters, then their colon */
	for (k = i; k < n && k < i + 10 && b->cp[k] != ':' && !(lenticular && b->cp[k] == 0x3011); k++)
		;
	if (k >= n || k >= i + 10)
		return -1;
	len = label_at(b->cp, i, n, lab);
	if (len == 0)
		return -1;
	k = i + len;
	while (k < n && (pd_is_space(b->cp[k]) || b->cp[k] == '*'))
		k++;
	if (k < n && (b->cp[k] == ':' || (lenticular && b->cp[k] == 0x3011)))
		return k + 1;
	return -1;
}

/* verbs that end an item: the role of the units named before them */
static const pd_word verb_words[] = {	/* a: the role */
	{"牵头负责", PD_ROLE_LEAD}, {"牵头落实", PD_ROLE_LEAD}, {"牵头实施", PD_ROLE_LEAD},
	{"牵头组织实施", PD_ROLE_LEAD}, {"牵头抓总", PD_ROLE_LEAD}, {"牵头推进", PD_ROLE_LEAD},
	{"牵头", PD_ROLE_LEAD}, {"总牵头", PD_ROLE_LEAD}, {"负总责", PD_ROLE_LEAD},
	{"配合落实", PD_ROLE_CO}, {"配合实施", PD_ROLE_CO}, {"配合推进", PD_ROLE_CO},
	{"配合", PD_ROLE_CO}, {"参与", PD_ROLE_CO}, {"协助", PD_ROLE_CO}, {"协同", PD_ROLE_CO},
	{"协同推进", PD_ROLE_CO}, {"参加", PD_ROLE_CO}, {"协办", PD_ROLE_CO},
	{"负责落实", PD_ROLE_RESPONSIBLE}, {"负责实施", PD_ROLE_RESPONSIBLE},
	{"负责推进", PD_ROLE_RESPONSIBLE}, {"负责", PD_ROLE_RESPONSIBLE},
	{"抓好落实", PD_ROLE_RESPONSIBLE}, {"落实", PD_ROLE_RESPONSIBLE},
	{"组织实施", PD_ROLE_RESPONSIBLE}, {"实施", PD_ROLE_RESPONSIBLE},
	{"推进", PD_ROLE_RESPONSIBLE}, {"推动", PD_ROLE_RESPONSIBLE}, {"负责推动", PD_ROLE_RESPONSIBLE},
	{"统筹", PD_ROLE_LEAD}, {"统筹推进", PD_ROLE_LEAD}, {"统筹协调", PD_ROLE_LEAD},
	{"支持", PD_ROLE_CO}, {"配合支持", PD_ROLE_CO},
	{"指导", PD_ROLE_CO}, {"督导", PD_ROLE_CO}, {"协助推进", PD_ROLE_CO},
	{"主责", PD_ROLE_LEAD}, {"负主责", PD_ROLE_LEAD}, {"负主体责任", PD_ROLE_RESPONSIBLE},
	{"负主要责任", PD_ROLE_RESPONSIBLE}, {"负属地责任", PD_ROLE_RESPONSIBLE},
	{"是责任主体", PD_ROLE_RESPONSIBLE}, {"为责任主体", PD_ROLE_RESPONSIBLE},
	{"是责任单位", PD_ROLE_RESPONSIBLE}, {"为责任单位", PD_ROLE_RESPONSIBLE}
};
static pd_wordtab verbs = PD_WORDTAB(verb_words);

/* words between the names and the verb: 按职责分工负责, 共同参与 */
static const pd_word verb_modifiers_words[] = {
	{"按照职责分工"}, {"按职责分工"}, {"按照职责"}, {"按职责"}, {"按照职能分工"}, {"按职能分工"},
	{"按职能"}, {"依职责"}, {"依据职责"}, {"根据职责"}, {"分工"}, {"共同"}, {"分别"}, {"具体"}, {"各自"}, {"等"},
	{"积极"}, {"加强"}, {"做好"}, {"切实"}, {"认真"}, {"抓好"}
};
static pd_wordtab verb_modifiers = PD_WORDTAB(verb_modifiers_words);

/* role words in a bracket after a name: 市科技局（牵头） */
static const pd_word role_mark_words[] = {	/* a: the role */
	{"牵头", PD_ROLE_LEAD}, {"牵头单位", PD_ROLE_LEAD}, {"牵头部门", PD_ROLE_LEAD},
	{"主办", PD_ROLE_LEAD}, {"主责", PD_ROLE_LEAD}, {"牵头负责", PD_ROLE_LEAD},
	{"配合", PD_ROLE_CO}, {"配合单位", PD_ROLE_CO}, {"协办", PD_ROLE_CO}, {"参与", PD_ROLE_CO},
	{"协助", PD_ROLE_CO}, {"负责", PD_ROLE_RESPONSIBLE}, {"责任单位", PD_ROLE_RESPONSIBLE}
};
static pd_wordtab role_marks = PD_WORDTAB(role_mark_words);

/* the verb ending a[lo, *hi): strips it (and its modifiers) and returns its role */
static pd_unit_role
strip_verb(const uint32_t *a, int lo, int *hi)
{
	int			w = pd_word_before(&verbs, a, lo, *hi);
	pd_unit_role role;

	if (w < 0)
		return ROLE_PENDING;
	role = (pd_unit_role) verb_words[w].a;
	*hi -= pd_word_len(&verbs, w);
	for (int round = 0; round < 2; round++)
	{
		int			len = pd_word_len_before(&verb_modifiers, a, lo, *hi);

		if (len == 0)
			break;
		*hi -= len;
	}

	/*
	 * A manner the lists above do not know, up to 10 characters of Han
	 * before the verb: 按职能职责负责, 按照属地原则负责, 依法负责, 根据
	 * 工作需要配合.  A name may hold 依 too, but not as a manner: at its
	 * start (依兰县人民政府负责) or before its own suffix (市委依法治市办负责).
	 */
	for (int k = *hi - 1; k > lo && k >= *hi - 10 && pd_is_han_bmp(a[k]); k--)
	{
		if ((a[k] == 0x6309 || a[k] == 0x4F9D ||	/* 按 依 */
			 (a[k] == 0x6839 && k + 1 < *hi && a[k + 1] == 0x636E)) &&	/* 根据 */
			!has_unit_suffix(a + k, *hi - k))	/* 市委依法治市办负责: a name */
		{
			*hi = k;
			break;
		}
	}
	return role;				/* *hi == lo: nothing but a verb (按职责分工负责) */
}

/* exact match of a[i, j) against a role-mark table; ROLE_PENDING if none */
static pd_unit_role
role_mark(const uint32_t *a, int i, int j)
{
	int			w = i < j ? pd_word_at(&role_marks, a, i, j) : -1;

	/* the longest mark that fits: a whole match if it ends at j */
	if (w >= 0 && pd_word_len(&role_marks, w) == j - i)
		return (pd_unit_role) role_mark_words[w].a;
	return ROLE_PENDING;
}

/* the state of one bracket or labelled list being read */
typedef struct group
{
	int			first;			/* list->n when the group started */
	int			pending;		/* first unit still waiting for a role */
	bool		verb_seen;
	pd_unit_role last_verb;
	bool		explicit_lead;	/* a lead label, verb or mark */
	bool		explicit_co;
	int			ordinal;
} group;

/*
 * Plans repeat the same few names (市发展改革委 a dozen times): a small
 * direct-mapped memo of recent pieces, keyed by their folded code points and
 * strictness, spares the normaliser and unit_like() on every repeat.  Per
 * thread, like the target module's unit cache; results are pure functions
 * of the key, so a stale entry is never wrong, only replaced.  The parser
 * takes the table's address once per span: in a shared library each access
 * to a thread-local variable is a call (__tls_get_addr).
 */
#define NORM_MEMO_SLOTS 128
#define NORM_MEMO_CPS 24
typedef struct norm_memo
{
	uint8_t		n;				/* code points in key; 0 = empty slot */
	bool		strict;
	bool		ok;
	uint8_t		outlen;
	uint32_t	key[NORM_MEMO_CPS];
	char		out[NORM_MEMO_CPS * 4 + 1];
} norm_memo;
static __thread norm_memo norm_memos[NORM_MEMO_SLOTS];

typedef struct uparse
{
	const char *text;
	const pd_units_opts *opts;
	pd_unit_list *list;
	pd_error   *err;
	pd_status	status;			/* PD_ENOMEM sticks here */
	norm_memo  *memo;			/* this thread's norm_memos */
	size_t		span_start,		/* the text units_scan reads */
				span_end;
	ubuf		b;
} uparse;


static bool norm_piece_compute(uparse *P, int s, int e, char *out, size_t *outlen, bool strict);

/*
 * Normalise b[s, e) (its folded code points, no second decoding) into out;
 * false when it is no unit name.
 */
static bool
norm_piece(uparse *P, int s, int e, char *out, size_t *outlen, bool strict)
{
	const uint32_t *k = P->b.cp + s;
	int			n = e - s;
	uint32_t	h = 2166136261u ^ (uint32_t) strict;
	norm_memo  *m;
	bool		ok;

	if (n <= 0 || n > NORM_MEMO_CPS)
		return norm_piece_compute(P, s, e, out, outlen, strict);
	for (int i = 0; i < n; i++)
		h = (h ^ k[i]) * 16777619u;
	m = &P->memo[(h ^ (h >> 15)) & (NORM_MEMO_SLOTS - 1)];
	if (m->n == n && m->strict == strict && memcmp(m->key, k, (size_t) n * sizeof(uint32_t)) == 0)
	{
		if (m->ok)
		{
			memcpy(out, m->out, (size_t) m->outlen + 1);
			*outlen = m->outlen;
		}
		return m->ok;
	}
	ok = norm_piece_compute(P, s, e, out, outlen, strict);
	if (!ok || *outlen <= NORM_MEMO_CPS * 4)
	{
		m->n = (uint8_t) n;
		m->strict = strict;
		m->ok = ok;
		memcpy(m->key, k, (size_t) n * sizeof(uint32_t));
		if (ok)
		{
			m->outlen = (uint8_t) *outlen;
			memcpy(m->out, out, *outlen + 1);
		}
	}
	return ok;
}

static bool
norm_piece_compute(uparse *P, int s, int e, char *out, size_t *outlen, bool strict)
{
	uint32_t	c[NORM_CAP];
	int			pos[NORM_CAP];
	int			n = 0;
	size_t		o = 0;

	for (int i = s; i < e; i++)
	{
		bool		bad = false;
		uint32_t	cp = name_char(P->b.cp[i], &bad);

		if (bad || n == NORM_CAP)
			return false;
		if (cp == 0)
			continue;
		c[n] = cp;
		pos[n] = i - s + 1;
		n++;
	}
	if (n == 0 || normalize_cps(c, pos, &n, NULL) != PD_OK)
		return false;
	if (!unit_like(c, n, strict))
		return false;
	for (int i = 0; i < n; i++)
		o += pd_u8_put(out + o, c[i]);
	out[o] = '\0';
	*outlen = o;
	return true;
}

/* space, stray punctuation or a dropped mark: never a Han character, the usual first and last */
static inline bool
is_trimmed(uint32_t cp)
{
	if (pd_is_han_bmp(cp))
		return false;
	return pd_is_space(cp) || is_trim_punct(cp) || is_dropped(cp);
}

static void
trim_range(const ubuf *b, int *s, int *e)
{
	while (*s < *e && is_trimmed(b->cp[*s]))
		(*s)++;
	while (*e > *s && is_trimmed(b->cp[*e - 1]))
		(*e)--;
}

static bool
add_unit(uparse *P, group *g, const char *norm, size_t len, int s, int e, pd_unit_role role)
{
	if (pd_unit_list_add(P->list, norm, len, role, ubuf_offset(&P->b, s), ubuf_offset(&P->b, e), P->err) != PD_OK)
	{
		P->status = PD_ENOMEM;
		return false;
	}
	P->list->units[P->list->n - 1].ordinal = ++g->ordinal;
	if (role == PD_ROLE_LEAD)
		g->explicit_lead = true;
	else if (role == PD_ROLE_CO)
		g->explicit_co = true;
	return true;
}

/* a role for the units still waiting since the last one was given */
static void
settle_pending(pd_unit_list *L, group *g, pd_unit_role role)
{
	for (int k = g->pending; k < L->n; k++)
		if (L->units[k].role == ROLE_PENDING)
			L->units[k].role = role;
	g->pending = L->n;
}

/* a verb's role for the units still waiting since the previous verb */
static void
apply_verb(uparse *P, group *g, pd_unit_role vrole)
{
	settle_pending(P->list, g, vrole);
	g->verb_seen = true;
	g->last_verb = vrole;
	if (vrole == PD_ROLE_LEAD)
		g->explicit_lead = true;
	else if (vrole == PD_ROLE_CO)
		g->explicit_co = true;
}

static bool is_and(const uint32_t *a, int k, int e, int *len, bool *leads);
static int	parse_segment(uparse *P, group *g, int i, int j, pd_unit_role role, bool combined,
						  bool strict);
static void names_first(pd_unit_list *L, int co_start, int co_end);

/*
 * One item of a list, b[s, e): a name, or names joined by 及/和/与, with an
 * optional verb after them and an optional role mark or (combined labels)
 * a bracket of co units.  Returns 1 if units were added, 0 for an empty
 * item, -1 for a note.
 */
static int
parse_item(uparse *P, group *g, int s, int e, bool combined, bool strict)
{
	const uint32_t *a = P->b.cp;
	pd_unit_role vrole,
				mark = ROLE_PENDING;
	char		norm[PD_UNIT_NORM_MAX];
	size_t		nlen;
	int			added = 0,
				cur,
				item_first,
				co_start = 0,
				co_end = 0;

	trim_range(&P->b, &s, &e);
	if (s >= e)
		return 0;
	if (a[s] == 0x7531 || a[s] == 0x8BF7)	/* 由 / 请 A 负责 */
		s++;
	vrole = strip_verb(a, s, &e);
	trim_range(&P->b, &s, &e);
	/*
	 * （A等有关部门、单位负责）: the 、 split a 等 tail, and what follows it
	 * (单位, 有关机构) is the rest of that tail, not a note
	 */
	if (s < e && s >= 2 && is_item_sep(a[s - 1]) && etc_groups(a, s, e) &&
		etc_tail(a, 0, s - 1) > 1)
		s = e;
	if (s >= e)
	{
		/* （A、B，按职责分工负责）: a verb on its own, for the names before it */
		if (vrole != ROLE_PENDING)
			apply_verb(P, g, vrole);
		return 0;
	}

	/* 市科技局（牵头）, or in 主(协)办机关 lists: 经济部(国发会、劳动部) */
	while (e > s && a[e - 1] == ')')
	{
		int			o = matching_open(a, s, e - 1);
		int			vhi = e - 1;
		pd_unit_role r,
					vr;

		if (o < s)
			break;
		r = role_mark(a, o + 1, e - 1);
		if (r != ROLE_PENDING)
		{
			mark = r;
			e = o;
		}
		else if ((vr = strip_verb(a, o + 1, &vhi)) != ROLE_PENDING &&
				 vhi <= o + 1 && vrole == ROLE_PENDING)
		{
			/* 责任单位：A、B（按职责分工负责）: a verb for all the names before it */
			vrole = vr;
			e = o;
		}
		else if (bracket_is_note(a, o + 1, e - 1))
		{
			/* 责任单位：A、B（列第一位的为牵头单位，下同）: a note after the last name */
			e = o;
		}
		else if (combined)
		{
			/*
			 * The co units in brackets, read as a list of their own (各直轄市、
			 * 縣（市）政府 stays one).  If it is no list of units, the bracket
			 * is part of the name.
			 */
			int			before = P->list->n,
						pending = g->pending,
						r;

			g->pending = before;
			if (co_end == 0)
				co_start = before;
			r = parse_segment(P, g, o + 1, e - 1, PD_ROLE_CO, false, true);
			g->pending = pending;
			if (P->status != PD_OK)
				return -1;
			if (r <= 0)
			{
				P->list->n = before;
				break;
			}
			added += r;
			co_end = P->list->n;
			e = o;
		}
		else
			break;
		trim_range(&P->b, &s, &e);
	}
	if (s >= e)
		return added ? 1 : 0;

	/* 市科技局及相关行业主管部门, 农业农村部和工业和信息化部 */
	cur = s;
	item_first = P->list->n;
	for (int k = s + 1; k < e - 1; k++)
	{
		int			alen,
					lend;
		char		right[PD_UNIT_NORM_MAX];
		size_t		rlen;
		bool		leads;

		if (!is_and(a, k, e, &alen, &leads))
			continue;
		lend = (a[k] == 0x53CA && k - 1 > cur && a[k - 1] == 0x4EE5) ? k - 1 : k;	/* 以及 */
		if (norm_piece(P, cur, lend, norm, &nlen, true) &&
			norm_piece(P, k + alen, e, right, &rlen, true))
		{
			if (!add_unit(P, g, norm, nlen, cur, lend, mark))
				return -1;
			added++;
			if (leads)
			{
				/* A会同B, A和B会同C: the names so far lead, whatever the verb says */
				for (int u = item_first; u < P->list->n; u++)
					P->list->units[u].role = PD_ROLE_LEAD;
				g->explicit_lead = true;
			}
			cur = k + alen;
			k = cur;
		}
	}
	if (!norm_piece(P, cur, e, norm, &nlen, strict))
		return added ? 1 : -1;
	if (!add_unit(P, g, norm, nlen, cur, e, mark))
		return -1;
	added++;
	if (co_end > co_start)
		names_first(P->list, co_start, co_end);

	if (vrole != ROLE_PENDING)
		apply_verb(P, g, vrole);
	return 1;
}

static void
reverse_units(pd_unit *u, int i, int j)
{
	for (j--; i < j; i++, j--)
	{
		pd_unit		t = u[i];

		u[i] = u[j];
		u[j] = t;
	}
}

/*
 * 經濟部（國發會、勞動部）: the bracket's co units were read first, at
 * [co_start, co_end); put the names before them back in front, in print
 * order, with ordinals to match.
 */
static void
names_first(pd_unit_list *L, int co_start, int co_end)
{
	int			first_ordinal = L->units[co_start].ordinal;

	reverse_units(L->units, co_start, co_end);
	reverse_units(L->units, co_end, L->n);
	reverse_units(L->units, co_start, L->n);
	for (int k = co_start; k < L->n; k++)
		L->units[k].ordinal = first_ordinal + (k - co_start);
}

/*
 * 及, 和, 与, / or spaces between two names (以及 ends with 及); 会同 too,
 * which makes the names before it lead: （市场监管总局会同工业和信息化部负责）
 */
static bool
is_and(const uint32_t *a, int k, int e, int *len, bool *leads)
{
	*len = 1;
	*leads = false;
	if (pd_is_han_bmp(a[k]))
	{
		/* Han characters: only these join names (no space among them) */
		if (a[k] == 0x4F1A && k + 1 < e && a[k + 1] == 0x540C)	/* 会同 */
		{
			*len = 2;
			*leads = true;
			return true;
		}
		return a[k] == 0x53CA || a[k] == 0x548C || a[k] == 0x4E0E;	/* 及 和 与 */
	}
	if (a[k] == '/')
		return true;
	/* 市发展改革委 市财政局: names set apart by spaces (not before a bracket) */
	if (pd_is_space(a[k]) && a[k] != '\n')
	{
		while (k + *len < e && pd_is_space(a[k + *len]) && a[k + *len] != '\n')
			(*len)++;
		return k + *len < e && a[k + *len] != '(';
	}
	return false;
}

/* a collective's government: 各区、市政府, 各区县党委、人民政府 */
static const pd_word government_words_list[] = {{"人民政府"}, {"政府"}};
static pd_wordtab government_words = PD_WORDTAB(government_words_list);

/*
 * 各区、县级市 and 有关区、市政府 are one collective that a 、 splits: the
 * left part is only division names, the right part division names with an
 * optional 政府 / 人民政府.
 */
static bool
collective_join(const ubuf *b, int ls, int le, int rs, int re)
{
	const uint32_t *a = b->cp;
	int			pre;
	int			end;

	trim_range(b, &ls, &le);
	trim_range(b, &rs, &re);
	(void) strip_verb(a, rs, &re);	/* 各市、县人民政府负责 */
	trim_range(b, &rs, &re);
	if (ls >= le || rs >= re)
		return false;
	/* 各区县党委、政府, 各级党委、政府: one collective's two organs */
	if (re - rs <= 4 && le - ls >= 3 && a[le - 1] == 0x59D4 && a[le - 2] == 0x515A &&	/* 党委 */
		pd_word_len_at(&government_words, a, rs, re) == re - rs &&
		collective_prefix(a + ls, le - ls) > 0)
		return true;
	/* a quick no: the left part ends in a division word or a bracket */
	if (!(pd_wordtab_has_first(&admin_words, a[le - 1]) || a[le - 1] == ')' || a[le - 1] == 0x9053))	/* 道 */
		return false;
	pre = collective_prefix(a + ls, le - ls);
	if (!admin_only(a, ls + pre, le))
		return false;
	end = re - pd_word_len_before(&government_words, a, rs, re);
	return admin_only(a, rs, end);
}

static const pd_word time_words_list[] = {
	{"年底"}, {"年前"}, {"月底"}, {"月前"}, {"年内"}, {"长期"}, {"持续"}, {"常态化"}, {"每年"}, {"季度"}
};
static pd_wordtab time_words = PD_WORDTAB(time_words_list);

/* a time limit, not a name: 2024年底前完成, 长期坚持, 每年 */
static bool
is_time_limit(const uint32_t *a, int s, int e)
{
	for (int k = s; k + 1 < e; k++)
		if (a[k] >= '0' && a[k] <= '9' && (a[k + 1] == 0x5E74 || a[k + 1] == 0x6708))
			return true;		/* 2024年, 6月 */
	return pd_word_find(&time_words, a, s, e, NULL) >= 0;
}

/*
 * A segment b[i, j) of a group: items split at depth-0 、，, .  Returns the
 * number of units added, or -1 when its first item is a note.  A time limit
 * before the names is passed over: （2024年底前完成，市经济信息委负责）.
 */
static int
parse_segment(uparse *P, group *g, int i, int j, pd_unit_role role, bool combined,
			  bool strict)
{
	const uint32_t *a = P->b.cp;
	int			before = P->list->n,
				depth = 0,
				s = i;

	for (int k = i; k <= j; k++)
	{
		int			r;

		if (k < j)
		{
			if (pd_is_han_bmp(a[k]))
				continue;		/* no bracket or separator */
			if (a[k] == '(')
				depth++;
			else if (a[k] == ')' && depth > 0)
				depth--;
			if (depth > 0 || !is_item_sep(a[k]))
				continue;
		}
		/* k ends an item [s, k); 各区、市政府 stays one */
		if (k < j && k > s && (pd_wordtab_has_first(&admin_words, a[k - 1]) || a[k - 1] == ')' || a[k - 1] == 0x9053 ||
							   (a[k - 1] == 0x59D4 && k - 1 > s && a[k - 2] == 0x515A)))	/* 道, 党委 */
		{
			int			next = k + 1,
						nd = 0;

			while (next < j && !(nd == 0 && is_item_sep(a[next])))
			{
				if (a[next] == '(')
					nd++;
				else if (a[next] == ')' && nd > 0)
					nd--;
				next++;
			}
			if (collective_join(&P->b, s, k, k + 1, next))
				continue;
		}
		/*
		 * 责任单位：A，B、C配合: the label gives the names before the comma
		 * its role; a verb after it speaks for its own clause
		 */
		if (role != ROLE_PENDING && s > i && a[s - 1] == ',')
			settle_pending(P->list, g, role);
		r = parse_item(P, g, s, k, combined, strict);
		if (P->status != PD_OK)
			return -1;
		if (r < 0)
		{
			if (P->list->n == before && k < j && is_time_limit(a, s, k))
			{
				s = k + 1;
				continue;
			}
			if (P->list->n == before)
				return -1;		/* the segment is a note */
			break;				/* a note ends the segment */
		}
		s = k + 1;
	}
	if (role != ROLE_PENDING)
		settle_pending(P->list, g, role);
	return P->list->n - before;
}

#define G_LABEL_ONLY	0x1		/* accept only a list that starts with a label */
#define G_UNBRACKETED	0x2		/* a list in running text: stops at a non-label segment */
#define G_CLOSES_SENTENCE 0x4	/* a bracket that ends its sentence or stands after it */

/*
 * Does the segment b[i, j) start with a label that names no units —
 * 完成时限：, 牵头领导：, 备注： — a short run of letters and a colon?
 */
static bool
other_label_at(const ubuf *b, int i, int j)
{
	int			k;

	i = skip_spaces(b, i, j);
	for (k = i; k < j && k < i + 8 && is_letter(b->cp[k]); k++)
		;
	return k > i + 1 && k < j && b->cp[k] == ':';
}

/* end of the segment starting at i: a depth-0 ；; 。 (or a line break outside brackets) */
static int
segment_end(const ubuf *b, int i, int n, int flags)
{
	int			depth = 0;

	for (; i < n; i++)
	{
		uint32_t	cp = b->cp[i];

		if (pd_is_han_bmp(cp))
			continue;			/* no bracket, separator or space */
		if (cp == '(')
			depth++;
		else if (cp == ')' && depth > 0)
			depth--;
		else if (depth == 0 && (is_segment_sep(cp) || ((flags & G_UNBRACKETED) && cp == '\n')))
			return i;
		else if (depth == 0 && cp == 0x3010)
		{
			/* 【牵头单位】A【配合单位】B: the next label ends the segment */
			int			lab;

			if (match_label(b, i, n, &lab) >= 0)
				return i;
		}
		else if (depth == 0 && (cp == ',' || (pd_is_space(cp) && cp != '\n')))
		{
			/*
			 * （牵头单位：A，配合单位：B）, 牵头单位：A　责任单位：B: a label after a
			 * comma or a space starts a segment
			 */
			int			lab;

			if (match_label(b, i + 1, n, &lab) >= 0 || other_label_at(b, i + 1, n))
				return i;
		}
	}
	return n;
}

/* the label that starts the segment at b[*i]: takes it and moves *i past its colon */
static bool
take_label(const ubuf *b, int *i, int n, int *lab)
{
	int			next = -1;
	int			k = match_label(b, *i, n, &next);

	if (k < 0)
		return false;
	*lab = next;
	*i = k;
	return true;
}


static const pd_word qualifiers_words[] = {
	{"包括"}, {"包含"}, {"例如"}, {"比如"}, {"诸如"}, {"其中"}, {"不含"}, {"不包括"},
	{"除"}, {"含"}, {"如"}, {"即"}, {"涉及"}
};
static pd_wordtab qualifiers = PD_WORDTAB(qualifiers_words);

/*
 * Does the content of the bracket in b start with a word that qualifies or
 * exemplifies (含, 包括, 如, 例如, 其中 …)?  含山县 and 如皋市 are names.
 */
static bool
starts_with_qualifier(const ubuf *b)
{
	int			i = skip_spaces(b, 0, b->n);
	int			len = pd_word_len_at(&qualifiers, b->cp, i, b->n);

	if (len == 1 && i + 1 < b->n &&
		((b->cp[i] == 0x542B && b->cp[i + 1] == 0x5C71) || (b->cp[i] == 0x5982 && b->cp[i + 1] == 0x768B)))
		return false;			/* 含山县, 如皋市 */
	return len > 0;
}

/*
 * A group: a bracket's content or a labelled list, b[0, n).  lab0 is a
 * label already read (a list in running text).  Returns true when units
 * were accepted; otherwise the list is as before.
 */
static bool
parse_group(uparse *P, int lab0, int flags, size_t gstart, size_t gend)
{
	const ubuf *b = &P->b;
	pd_unit_list *L = P->list;
	int			lab = lab0;
	const pd_unit_rules *rules;
	group		g;
	int			i = 0,
				n = b->n,
				seg = 0;
	bool		label_here;
	int			bare = -1;		/* a bare list of names, as the document's rules read it */

	memset(&g, 0, sizeof(g));
	g.first = g.pending = L->n;
	g.last_verb = ROLE_PENDING;
	if (lab < 0)
	{
		int			k = match_label(b, 0, n, &lab);

		if (k >= 0)
			i = k;
		else
			lab = -1;
	}
	if (lab < 0 && (flags & G_LABEL_ONLY))
		return false;
	label_here = lab >= 0;

	while (i < n)
	{
		int			j = segment_end(b, i, n, flags);
		int			r;
		pd_unit_role role = lab >= 0 ? LABEL_ROLE(lab) : ROLE_PENDING;

		if (!label_here && !(flags & G_UNBRACKETED) && other_label_at(b, i, j))
		{
			/* （完成时限：2025年底；责任单位：…）: pass over it to the next label */
			i = j + 1;
			label_here = take_label(b, &i, n, &lab);
			if (!label_here)
				lab = -1;
			continue;
		}
		if (lab >= 0 && label_here)
		{
			if (LABEL_ROLE(lab) == PD_ROLE_LEAD)
				g.explicit_lead = true;
			else if (LABEL_ROLE(lab) == PD_ROLE_CO)
				g.explicit_co = true;
		}
		r = parse_segment(P, &g, i, j, role, lab >= 0 && LABEL_COMBINED(lab), !label_here);
		if (P->status != PD_OK)
			return false;
		if (r < 0 && seg == 0)
		{
			L->n = g.first;
			return false;
		}
		seg++;
		i = j + 1;
		label_here = take_label(b, &i, n, &lab);	/* else the label before goes on */
		if (!label_here && (flags & G_UNBRACKETED))
			break;
	}
	if (L->n == g.first)
		return false;

	/*
	 * Units still without a role: after a verb they take its side.  Without
	 * one, （A、B） is no list of units unless the document says so — and
	 * never one that qualifies or exemplifies the text before it
	 * (（含两江新区、重庆高新区）, （如市发展改革委、市财政局）).
	 */
	rules = P->opts->rules;
	for (int k = g.first; k < L->n; k++)
	{
		pd_unit    *u = &L->units[k];

		if (u->role != ROLE_PENDING)
			continue;
		if (!g.verb_seen)
		{
			if (bare < 0)		/* asked once, by the first unit without a role */
				bare = lab0 < 0 && !(flags & G_UNBRACKETED) && rules &&
					!starts_with_qualifier(&P->b);
			if (bare && rules->bracket_names_units)
			{
				u->role = rules->bracket_role;
				continue;
			}

			/*
			 * "排在第一位的为牵头单位" speaks of lists of units: a bracket of
			 * bare names that closes its sentence (…体系（A、B）。 or
			 * …工作。（A、B）) is one; inside a sentence it is an aside
			 * (与市公安局（市交巡警总队）协作).
			 */
			if (bare && (flags & G_CLOSES_SENTENCE) && rules->first_is_lead)
			{
				u->role = PD_ROLE_RESPONSIBLE;
				continue;
			}
			L->n = g.first;
			return false;
		}
		u->role = g.last_verb == PD_ROLE_LEAD ? PD_ROLE_CO : g.last_verb;
	}

	/*
	 * Roles relative to each other: beside a lead, the responsible are co
	 * (（牵头单位：A；责任单位：B）); beside co units, the responsible lead
	 * (（A负责，B配合）); otherwise a document rule may make the first unit
	 * lead (the others stay responsible, as the rule says no more).
	 */
	if (g.explicit_lead || g.explicit_co)
	{
		for (int k = g.first; k < L->n; k++)
			if (L->units[k].role == PD_ROLE_RESPONSIBLE)
				L->units[k].role = g.explicit_lead ? PD_ROLE_CO : PD_ROLE_LEAD;
	}
	else if (P->opts->rules && P->opts->rules->first_is_lead)
		L->units[g.first].role = PD_ROLE_LEAD;

	L->groups++;
	for (int k = g.first; k < L->n; k++)
	{
		L->units[k].group = L->groups;
		L->units[k].group_start = gstart;
		L->units[k].group_end = gend;
	}
	return true;
}

/* drop units of accepted brackets inside [cs, ce) that an outer bracket replaced */
static void
drop_inner(pd_unit_list *L, int before, int after, size_t cs)
{
	int			k = before;

	while (k > 0 && L->units[k - 1].raw_start >= cs)
		k--;
	if (k == before)
		return;
	memmove(&L->units[k], &L->units[before], (size_t) (after - before) * sizeof(pd_unit));
	L->n = k + (after - before);
}

static uint32_t cp_before_spaces(const char *text, size_t lo, size_t q, bool markdown);

/* a sentence end: 。 ； ; ！ ？ ! ? or a line break */
static bool
is_sentence_end_cp(uint32_t cp)
{
	return cp == CP_JUHAO || cp == ';' || cp == '!' || cp == '?' || cp == '\n' || cp == '\r';
}

/*
 * Does the bracket text[open, close_end) end its sentence — a sentence end,
 * the end of the span or of the text after it, spaces aside — or stand
 * after one?
 */
static bool
closes_sentence(const uparse *P, size_t open, size_t close_end)
{
	const unsigned char *t = (const unsigned char *) P->text;
	const unsigned char *q = t + close_end;
	const unsigned char *end = t + P->span_end;
	uint32_t	cp = 0;

	while (q < end && ((cp = pd_fold(pd_u8_next(&q, end))) == ' ' || cp == '\t' || cp == 0x3000))
		cp = 0;
	if (cp == 0 || is_sentence_end_cp(cp))
		return true;
	cp = cp_before_spaces(P->text, P->span_start, open, false);
	return cp == 0 || is_sentence_end_cp(cp);
}

/* read the bracket text[cs, ce) (the content between the brackets) */
static void
eval_bracket(uparse *P, size_t open, size_t cs, size_t ce, size_t close_end, int flags)
{
	int			before = P->list->n;

	/*
	 * A quick no for item markers and asides — （一） （含） （试行）: the
	 * shortest responsibility bracket is a two-character name and a
	 * two-character verb (A局负责), at least 8 bytes in any encoding.
	 */
	if (ce - cs < 8 || ce - cs > PD_UNIT_GROUP_MAX_BYTES || !ubuf_fill(&P->b, P->text, cs, ce))
		return;
	if (closes_sentence(P, open, close_end))
		flags |= G_CLOSES_SENTENCE;
	if (parse_group(P, -1, flags, open, close_end))
		drop_inner(P->list, before, P->list->n, cs);
}

/* code point before byte position q (>= lo), and where it starts */
static uint32_t
prev_cp(const char *text, size_t lo, size_t q, size_t *start)
{
	const unsigned char *t = (const unsigned char *) text;
	size_t		s = q;
	const unsigned char *p;

	if (q <= lo)
	{
		*start = lo;
		return 0;
	}
	s--;
	while (s > lo && (t[s] & 0xC0) == 0x80 && q - s < 4)
		s--;
	p = t + s;
	*start = s;
	return pd_fold(pd_u8_next(&p, t + q));
}

/*
 * The code point before text[q] once spaces (and, with markdown, the ** and
 * # of emphasis and headings) are passed over; 0 at lo.
 */
static uint32_t
cp_before_spaces(const char *text, size_t lo, size_t q, bool markdown)
{
	uint32_t	cp;
	size_t		s;

	do
	{
		cp = prev_cp(text, lo, q, &s);
		q = s;
	} while (cp == ' ' || cp == '\t' || cp == 0x3000 || (markdown && (cp == '*' || cp == '#')));
	return cp;
}

/* a sentence or line starts here: the labelled list may begin */
static bool
is_list_boundary(uint32_t cp)
{
	return cp == 0 || is_sentence_end_cp(cp) || cp == ')' || cp == 0x3011 || cp == ']' || cp == '>' ||
		cp == 0x3010 || cp == '[';	/* 【责任单位：A、B】 */
}

/*
 * A label ending at text[q] (just before a ： or 】): returns it (its index
 * in label_words) and sets *lstart, or -1.  With `bracketed` the label must follow a 【, otherwise
 * it must start a line or a sentence.
 */
static int
label_ending_at(const char *text, size_t lo, size_t q, bool bracketed, size_t *lstart)
{
	uint32_t	rev[12];
	size_t		starts[12];
	uint32_t	fwd[12];
	int			n = 0,
				len;
	size_t		p = q,
				s;
	uint32_t	cp;
	int			lab = -1;

	/* up to 12 code points back, skipping ** before the colon */
	while (n < 12 && p > lo)
	{
		cp = prev_cp(text, lo, p, &s);
		if (n == 0 && (cp == '*' || pd_is_space(cp)))
		{
			p = s;
			continue;
		}
		rev[n] = cp;
		starts[n] = s;
		n++;
		p = s;
	}
	for (int k = 0; k < n; k++)
		fwd[k] = rev[n - 1 - k];
	len = label_before(fwd, 0, n, &lab);
	if (len == 0)
		return -1;
	*lstart = starts[len - 1];
	cp = cp_before_spaces(text, lo, *lstart, true);
	if (bracketed ? cp != 0x3010 : !is_list_boundary(cp))
		return -1;
	return lab;
}

/* does a label and its colon start the line at text[p]? (lists that go on) */
static bool
line_starts_with_label(uparse *P, size_t p, size_t end)
{
	uint32_t	c[16];
	const unsigned char *q = (const unsigned char *) P->text + p;
	const unsigned char *qe = (const unsigned char *) P->text + end;
	int			n = 0,
				len;
	int			lab;

	while (q < qe && n < 16)
	{
		uint32_t	cp = pd_fold(pd_u8_next(&q, qe));

		if (n == 0 && (pd_is_space(cp) || cp == '*'))
			continue;
		c[n++] = cp;
	}
	len = label_at(c, 0, n, &lab);
	while (len > 0 && len < n && (c[len] == '*' || pd_is_space(c[len])))
		len++;
	return len > 0 && len < n && c[len] == ':';
}

/*
 * A labelled list in running text after text[after] (a ： or 】): up to the
 * end of the sentence or line, going on while the next line starts with a
 * label.  Returns where scanning resumes.
 */
static size_t
eval_running_list(uparse *P, int lab, size_t lstart, size_t after, size_t end)
{
	const unsigned char *t = (const unsigned char *) P->text;
	size_t		q = after,
				limit = after + PD_UNIT_GROUP_MAX_BYTES < end ? after + PD_UNIT_GROUP_MAX_BYTES : end;
	int			depth = 0,
				lenticular = 0;

	while (q < limit)
	{
		unsigned char ch = t[q];

		if (ch == '(' || (ch == 0xEF && q + 2 < limit && t[q + 1] == 0xBC && t[q + 2] == 0x88))
			depth++;
		else if (ch == ')' || (ch == 0xEF && q + 2 < limit && t[q + 1] == 0xBC && t[q + 2] == 0x89))
		{
			if (depth == 0)
				break;			/* the list was inside a bracket after all */
			depth--;
		}
		else if (ch == '\n' && !(q + 1 < limit && line_starts_with_label(P, q + 1, limit)))
			break;
		else if (depth == 0 && ch == 0xE3 && q + 2 < limit && t[q + 1] == 0x80 && t[q + 2] == 0x82)
			break;				/* 。 */
		else if (ch == 0xE3 && q + 2 < limit && t[q + 1] == 0x80 && t[q + 2] == 0x90)
			lenticular++;		/* 【 of the next label: 【牵头单位】A【配合单位】B */
		else if (ch == 0xE3 && q + 2 < limit && t[q + 1] == 0x80 && t[q + 2] == 0x91 &&
				 lenticular-- == 0)
			break;				/* the 】 of 【责任单位：A、B】 */
		q++;
	}
	if (!ubuf_fill(&P->b, P->text, after, q))
		return after;
	if (parse_group(P, lab, G_UNBRACKETED, lstart, q))
		return q;
	return after;
}

/*
 * The scanner looks only at ( ) : （ ） ： and 】.  It follows five streams,
 * each found with memchr / memmem (vectorised in libc) instead of a loop
 * over every byte: '(' ')' ':', the lead byte 0xEF of the full-width forms
 * (also that of ，；！？, so it stops there too and looks at the next bytes),
 * and 】.  Searches stay inside one PD_INTERRUPT_STRIDE window at a time so
 * the interrupt hook runs on schedule.
 */
enum
{
	EV_LPAR, EV_RPAR, EV_COLON, EV_FULLWIDTH, EV_LENTICULAR, EV_STREAMS
};

static size_t
find_event(const char *text, size_t from, size_t to, size_t end, int stream)
{
	static const unsigned char bytes[] = {'(', ')', ':', 0xEF};
	const unsigned char *t = (const unsigned char *) text;
	const unsigned char *hit;

	if (from >= to)
		return to;
	if (stream != EV_LENTICULAR)
	{
		hit = memchr(t + from, bytes[stream], to - from);
		return hit ? (size_t) (hit - t) : to;
	}

	/*
	 * 】 is E3 80 91, and E3 also leads the frequent 、 and 。: look for the
	 * rare last byte and check the two before it (a 】 may start at to - 1)
	 */
	for (size_t at = from + 2, stop = to + 2 < end ? to + 2 : end; at < stop; at = (size_t) (hit - t) + 1)
	{
		hit = memchr(t + at, 0x91, stop - at);
		if (hit == NULL)
			break;
		if (hit[-2] == 0xE3 && hit[-1] == 0x80)
			return (size_t) (hit - t) - 2;
	}
	return to;
}

typedef struct open_entry
{
	size_t		open;			/* the bracket itself */
	size_t		content;		/* first byte after it */
} open_entry;

/* renumber groups in document order and merge duplicates of one name */
static pd_status
finish_span(uparse *P, int first)
{
	pd_unit_list *L = P->list;
	int			k,
				groups = 0;
	size_t		last_group = (size_t) -1;

	/* unclosed brackets read at the end can be out of order: insertion sort */
	for (int i = first + 1; i < L->n; i++)
	{
		pd_unit		u = L->units[i];
		int			j = i;

		while (j > first && L->units[j - 1].group_start > u.group_start)
		{
			L->units[j] = L->units[j - 1];
			j--;
		}
		L->units[j] = u;
	}
	for (int i = first; i < L->n; i++)
	{
		if (L->units[i].group_start != last_group)
		{
			groups++;
			last_group = L->units[i].group_start;
		}
		L->units[i].group = groups;
	}
	L->groups = groups;
	if (!P->opts->dedupe || L->n - first < 2)
		return PD_OK;

	/* one entry per name: the first mention; lead if any mention leads */
	if (L->n - first <= 32)
	{
		/* the usual handful: compare with the ones kept, no allocation */
		k = first;
		for (int i = first; i < L->n; i++)
		{
			pd_unit    *u = &L->units[i];
			bool		dup = false;

			for (int j = first; j < k && !dup; j++)
			{
				pd_unit    *v = &L->units[j];

				if (v->norm_len == u->norm_len &&
					memcmp(L->names + v->norm_off, L->names + u->norm_off, u->norm_len) == 0)
				{
					if (u->role == PD_ROLE_LEAD)
						v->role = PD_ROLE_LEAD;
					dup = true;
				}
			}
			if (!dup)
				L->units[k++] = *u;
		}
		L->n = k;
	}
	else
	{
		int			m = L->n - first;
		size_t		cap = 16;
		int		   *slot;

		while (cap < (size_t) m * 2)
			cap *= 2;
		slot = L->mem->alloc(L->mem->ctx, cap * sizeof(int));
		if (slot == NULL)
			return pd_fail(P->err, PD_ENOMEM, 0, "Out of memory for the unit list.");
		for (size_t i = 0; i < cap; i++)
			slot[i] = -1;
		k = first;
		for (int i = first; i < L->n; i++)
		{
			pd_unit    *u = &L->units[i];
			const char *name = L->names + u->norm_off;
			uint64_t	h = 1469598103934665603ULL;
			size_t		pos;
			bool		dup = false;

			for (size_t b = 0; b < u->norm_len; b++)
				h = (h ^ (unsigned char) name[b]) * 1099511628211ULL;
			for (pos = h & (cap - 1); slot[pos] >= 0; pos = (pos + 1) & (cap - 1))
			{
				pd_unit    *v = &L->units[slot[pos]];

				if (v->norm_len == u->norm_len &&
					memcmp(L->names + v->norm_off, name, u->norm_len) == 0)
				{
					if (u->role == PD_ROLE_LEAD)
						v->role = PD_ROLE_LEAD;
					dup = true;
					break;
				}
			}
			if (dup)
				continue;
			L->units[k] = *u;
			slot[pos] = k;
			k++;
		}
		L->n = k;
		if (L->mem->release)
			L->mem->release(L->mem->ctx, slot);
	}
	return PD_OK;
}

/* the parser state for a span of text, from the list's scratch memory */
static uparse *
units_begin(const char *text, const pd_units_opts *opts, pd_unit_list *list, pd_error *err)
{
	static const pd_units_opts defaults = {0};
	uparse	   *P;

	/* the decode buffer is ~20 kB: from pd_mem once per list, not the stack */
	if (list->scratch == NULL)
		list->scratch = list->mem->alloc(list->mem->ctx, sizeof(uparse));
	P = list->scratch;
	if (P == NULL)
	{
		pd_fail(err, PD_ENOMEM, 0, "Out of memory for the unit parser.");
		return NULL;
	}
	P->text = text;
	P->opts = opts ? opts : &defaults;
	P->list = list;
	P->err = err;
	P->status = PD_OK;
	P->memo = norm_memos;
	list->groups = 0;
	return P;
}

/* the brackets and labelled lists of text[start, end) */
static void
units_scan(uparse *P, size_t start, size_t end)
{
	const char *text = P->text;
	const unsigned char *t = (const unsigned char *) text;
	open_entry	stack[PD_UNIT_NEST];
	int			depth = 0;
	size_t		p = start;

	P->span_start = start;
	P->span_end = end;
	while (p < end && P->status == PD_OK)
	{
		size_t		window = end - p > PD_INTERRUPT_STRIDE ? p + PD_INTERRUPT_STRIDE : end;
		size_t		next[EV_STREAMS];

		if (p > start && P->opts->interrupt && P->opts->interrupt(P->opts->interrupt_ctx))
		{
			P->status = pd_fail(P->err, PD_ECANCEL, 0, "Canceled.");
			break;
		}
		for (int k = 0; k < EV_STREAMS; k++)
			next[k] = find_event(text, p, window, end, k);
		for (;;)
		{
			int			ev = 0,
						kind = 0;	/* 1 open, 2 close, 3 colon, 4 】 */
			size_t		at,
						q;

			for (int k = 1; k < EV_STREAMS; k++)
				if (next[k] < next[ev])
					ev = k;
			at = next[ev];
			if (at >= window || P->status != PD_OK)
				break;
			q = at + 1;
			switch (ev)
			{
				case EV_LPAR:
					kind = 1;
					break;
				case EV_RPAR:
					kind = 2;
					break;
				case EV_COLON:
					kind = 3;
					break;
				case EV_FULLWIDTH:
					if (at + 2 < end && t[at + 1] == 0xBC)
					{
						q = at + 3;
						kind = t[at + 2] == 0x88 ? 1 : t[at + 2] == 0x89 ? 2 : t[at + 2] == 0x9A ? 3 : 0;
					}
					break;
				default:
					q = at + 3;
					kind = 4;
			}
			next[ev] = find_event(text, q, window, end, ev);
			if (kind == 1)
			{
				if (depth == PD_UNIT_NEST)
				{
					memmove(stack, stack + 1, sizeof(stack[0]) * (PD_UNIT_NEST - 1));
					depth--;
				}
				stack[depth].open = at;
				stack[depth].content = q;
				depth++;
			}
			else if (kind == 2 && depth > 0)
			{
				open_entry	o = stack[--depth];

				eval_bracket(P, o.open, o.content, at, q, 0);
			}
			else if ((kind == 3 || kind == 4) && depth == 0)
			{
				size_t		lstart;
				int			lab = label_ending_at(text, start, at, kind == 4, &lstart);
				size_t		resume = lab >= 0 ? eval_running_list(P, lab, lstart, q, end) : q;

				if (resume > q)
				{
					/* the list was read: go on after it */
					if (resume >= window)
					{
						window = resume;
						break;
					}
					for (int k = 0; k < EV_STREAMS; k++)
						if (next[k] < resume)
							next[k] = find_event(text, resume, window, end, k);
				}
			}
		}
		p = window;
	}

	/* brackets never closed: a labelled list up to the end of its line */
	while (P->status == PD_OK && depth > 0)
	{
		open_entry	o = stack[--depth];
		const void *nl = memchr(text + o.content, '\n', end - o.content);
		size_t		le = nl ? (size_t) ((const char *) nl - text) : end;

		eval_bracket(P, o.open, o.content, le, le, G_LABEL_ONLY);
	}
}

pd_status
pd_units_extract(const char *text, size_t start, size_t end, const pd_units_opts *opts,
				 pd_unit_list *list, pd_error *err)
{
	int			first = list->n;
	uparse	   *P = units_begin(text, opts, list, err);

	if (P == NULL)
		return PD_ENOMEM;
	units_scan(P, start, end);
	if (P->status == PD_OK)
		P->status = finish_span(P, first);
	return P->status;
}

/* ------------------------------------------------------------------------
 * document rules
 * ------------------------------------------------------------------------ */

/* a clause: back and forward from a keyword to the nearest clause mark */
static bool
is_clause_mark(uint32_t cp, bool comma)
{
	return cp == 0 || cp == CP_JUHAO || cp == ';' || cp == '\n' || cp == '(' || cp == ')' ||
		cp == ':' || cp == 0x3010 || cp == 0x3011 || (comma && cp == ',');
}

/* decode text[s, e) folded into c (at most max); returns the count */
static int
decode_folded(const char *text, size_t s, size_t e, uint32_t *c, size_t *offs, int max)
{
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;
	int			n = 0;

	while (p < end && n < max)
	{
		if (offs)
			offs[n] = (size_t) (p - (const unsigned char *) text);
		c[n++] = pd_fold(pd_u8_next(&p, end));
	}
	if (offs)
		offs[n] = (size_t) (p - (const unsigned char *) text);
	return n;
}

/* start of the clause holding text[q]: at most `max` code points back */
static size_t
clause_start(const char *text, size_t q, int max, bool comma)
{
	size_t		s;
	int			depth = 0;

	while (max-- > 0)
	{
		uint32_t	cp = prev_cp(text, 0, q, &s);

		/* 各区县（自治县）政府: a closed bracket belongs to the clause */
		if (cp == ')')
			depth++;
		else if (cp == '(' && depth > 0)
			depth--;
		else if (depth == 0 && is_clause_mark(cp, comma))
			break;
		q = s;
	}
	return q;
}

static size_t
clause_end(const char *text, size_t len, size_t q, int max, bool comma)
{
	const unsigned char *p = (const unsigned char *) text + q;
	const unsigned char *end = (const unsigned char *) text + len;

	while (p < end && max-- > 0)
	{
		const unsigned char *here = p;

		if (is_clause_mark(pd_fold(pd_u8_next(&p, end)), comma))
			return (size_t) (here - (const unsigned char *) text);
	}
	return (size_t) (p - (const unsigned char *) text);
}

static const pd_word firsts_words[] = {{"第一"}, {"首位"}, {"首个"}, {"第1"}, {"排头"}, {"最前"}};
static pd_wordtab firsts = PD_WORDTAB(firsts_words);

/* "排在第一位的部门为牵头部门": 第一 / 首位 before 牵头, with 为 / 是 between */
static void
lead_rule(const char *text, size_t len, size_t at, pd_unit_rules *rules)
{
	uint32_t	c[48];
	size_t		s = clause_start(text, at, 40, true);
	int			n = decode_folded(text, s, at, c, NULL, 48),
				f = -1;

	f = pd_word_find(&firsts, c, 0, n, NULL);
	if (f < 0)
		return;
	for (int i = f; i < n; i++)
	{
		if (c[i] == 0x4E3A || c[i] == 0x662F)	/* 为 是 */
		{
			rules->first_is_lead = true;
			rules->lead_rule_start = s;
			rules->lead_rule_end = clause_end(text, len, at, 20, true);
			return;
		}
	}
}

/* 市XX局 names one unit, not every city's: only 区县 and below stand for all */
static const pd_word province_city_words[] = {{"省"}, {"市"}};
static pd_wordtab province_city = PD_WORDTAB(province_city_words);

/*
 * The unit a standing rule names, from its subject c[subj_s, subj_e): words
 * that are no part of the name trimmed, bare divisions made their
 * governments (区县 -> 各区县政府).  False when it is no unit name.
 */
static bool
implicit_subject(const uint32_t *c, int subj_s, int subj_e, pd_unit_rules *rules)
{
	uint32_t	name[PD_UNIT_MAX_CHARS];
	int			nn = 0;
	char		buf[PD_UNIT_NORM_MAX * 2];
	size_t		blen = 0;

	/* trim words that are no part of the name: 所有任务均需 leaves 区县 */
	while (subj_s < subj_e && (c[subj_s] == 0x5747 || pd_is_space(c[subj_s])))
		subj_s++;				/* 均 */
	/* 以下任务各区县政府均为…: the tasks the rule speaks of, and 均 / 都 after the name */
	for (int i = subj_s; i + 1 < subj_e && i < subj_s + 8; i++)
		if (c[i] == 0x4EFB && c[i + 1] == 0x52A1)	/* 任务 */
		{
			subj_s = i + 2;
			break;
		}
	while (subj_e > subj_s && (c[subj_e - 1] == 0x5747 || c[subj_e - 1] == 0x90FD ||
							   pd_is_space(c[subj_e - 1])))
		subj_e--;				/* 均 都 */
	for (int i = subj_s; i < subj_e && nn < PD_UNIT_MAX_CHARS - 8; i++)
		name[nn++] = c[i];
	if (nn == 0)
		return false;

	/* divisions alone mean their governments, and every one of them */
	{
		int			pre = collective_prefix(name, nn);

		if (admin_only(name, pre, nn) || (pre == 0 && admin_word_at(name, 0, nn) &&
										  has_unit_suffix(name, nn) &&
										  !pd_word_len_at(&province_city, name, 0, nn)))
		{
			bool		bare = admin_only(name, pre, nn);

			if (pre == 0)
				blen += pd_u8_put(buf + blen, 0x5404);	/* 各 */
			for (int i = 0; i < nn; i++)
				blen += pd_u8_put(buf + blen, name[i]);
			if (bare)
			{
				const char *gov = pd_word_is_before(&singles, W_JIEDAO, name, 0, nn) ?
					"办事处" : "政府";

				memcpy(buf + blen, gov, strlen(gov));
				blen += strlen(gov);
			}
		}
		else
			for (int i = 0; i < nn; i++)
				blen += pd_u8_put(buf + blen, name[i]);
	}
	if (pd_unit_normalize(buf, blen, rules->implicit_unit, &rules->implicit_len, NULL) != PD_OK)
		return false;
	nn = decode_name(rules->implicit_unit, rules->implicit_len, name);
	if (!unit_like(name, nn, true))
	{
		rules->implicit_len = 0;
		rules->implicit_unit[0] = '\0';
		return false;
	}
	return true;
}

/* the words of the implicit rule: 均需 S 负责落实, 不再一一列出, S 为责任单位 */
static const pd_word particles_words[] = {
	{"均需"}, {"均由"}, {"需要"}, {"均要"}, {"均应"}, {"需"}, {"由"}, {"要"}, {"请"}
};
static pd_wordtab particles = PD_WORDTAB(particles_words);
static const pd_word duties_words[] = {
	{"负责落实"}, {"组织实施"}, {"负责"}, {"落实"}, {"实施"}, {"承担"}, {"牵头"}
};
static pd_wordtab duties = PD_WORDTAB(duties_words);
static const pd_word listed_words[] = {
	{"列出"}, {"列举"}, {"标注"}, {"注明"}, {"罗列"}, {"单列"}, {"列明"}, {"标明"}
};
static pd_wordtab listed = PD_WORDTAB(listed_words);
static const pd_word adverbs_words[] = {
	{"一一"}, {"单独"}, {"逐一"}, {"重复"}, {"另行"}, {"分别"}, {"具体"}
};
static pd_wordtab adverbs = PD_WORDTAB(adverbs_words);
static const pd_word subject_roles_words[] = {{"责任单位"}, {"责任主体"}, {"实施主体"}};
static pd_wordtab subject_roles = PD_WORDTAB(subject_roles_words);

/*
 * "所有任务均需区县落实、不再列出" names a unit responsible for every task.
 * The unit: the words between 需/由 and 落实/负责, else those before the
 * particle (各乡镇要抓好各项任务落实), or before 为…责任单位.
 */
static void
implicit_rule(const char *text, size_t len, size_t at, pd_unit_rules *rules)
{
	uint32_t	c[96];
	size_t		s,
				e;
	int			n,
				k,
				subj_s = -1,
				subj_e = -1,
				part_s = -1;		/* where the particle before the subject starts */

	/* 不再 [一一] 列出 */
	n = decode_folded(text, at, len < at + 40 ? len : at + 40, c, NULL, 12);
	k = 2;
	k += pd_word_len_at(&adverbs, c, k, n);
	if (!pd_word_len_at(&listed, c, k, n))
		return;

	s = clause_start(text, at, 80, false);
	e = clause_end(text, len, at, 20, true);
	n = decode_folded(text, s, at, c, NULL, 96);

	/* 需 S 落实, or S 负责落实 at the start of a clause */
	for (int i = n - 1; i >= 0 && subj_s < 0; i--)
	{
		int			dl = pd_word_len_at(&duties, c, i, n);

		if (dl == 0)
			continue;
		i = i + dl - pd_word_len_before(&duties, c, 0, i + dl);	/* 负责落实, not 落实 */
		for (int j = i - 1; j >= 0 && j >= i - 21; j--)
		{
			/* the longest particle ending at c[j] (需要, not 要) */
			int			pl = pd_word_len_before(&particles, c, 0, j + 1);

			if (pl && j + 1 < i)
			{
				subj_s = j + 1;
				subj_e = i;
				part_s = j - pl + 1;
				break;
			}
			if (c[j] == ',' || j == 0)
			{
				int			cs = c[j] == ',' ? j + 1 : 0;

				if (i - cs >= 2 && unit_like(c + cs, i - cs, true))
				{
					subj_s = cs;
					subj_e = i;
				}
				break;
			}
		}
	}
	/* S 为所有任务的责任单位 */
	if (subj_s < 0)
	{
		for (int i = 1; i < n && i < 24; i++)
		{
			if ((c[i] == 0x4E3A || c[i] == 0x662F) &&
				pd_word_find(&subject_roles, c, i, n, NULL) >= 0)
			{
				subj_s = 0;
				subj_e = i;
				break;
			}
		}
	}
	if (subj_s < 0)
		return;
	if (!implicit_subject(c, subj_s, subj_e, rules))
	{
		/* 各乡镇（街道）要抓好各项任务落实: the subject stands before the particle */
		int			cs = part_s;

		if (part_s <= 0)
			return;
		while (cs > 0 && c[cs - 1] != ',')
			cs--;
		if (!implicit_subject(c, cs, part_s, rules))
			return;
	}
	rules->has_implicit = true;
	rules->implicit_rule_start = s;
	rules->implicit_rule_end = e;
}

/*
 * 括号内为牵头单位, 括号中的单位为责任单位, 括號內為責任單位: bare names in
 * brackets are units.  at is the byte after 括号; the clause must go on
 * to 为/是 and a unit label within a few characters.
 */
static void
bracket_rule(const char *text, size_t len, size_t at, size_t start, pd_unit_rules *rules)
{
	uint32_t	c[16];
	int			n = decode_folded(text, at, len - at < 48 ? len : at + 48, c, NULL, 16);

	for (int i = 0; i < n && i < 6; i++)
	{
		int			lab;

		if (c[i] == ',' || c[i] == CP_JUHAO || c[i] == ';' || c[i] == ')')
			return;
		if ((c[i] == 0x4E3A || c[i] == 0x662F) && label_at(c, i + 1, n, &lab) > 0)	/* 为 是 */
		{
			rules->bracket_names_units = true;
			rules->bracket_role = LABEL_ROLE(lab);
			rules->bracket_rule_start = start;
			rules->bracket_rule_end = clause_end(text, len, at, 20, true);
			return;
		}
	}
}

/* t[at] is 0xAC: 括号 E6 8B AC E5 8F B7, 括號 E6 8B AC E8 99 9F */
static bool
bracket_word_at(const unsigned char *t, size_t at, size_t len)
{
	if (at < 2 || at + 4 > len || t[at - 2] != 0xE6 || t[at - 1] != 0x8B)
		return false;
	return (t[at + 1] == 0xE5 && t[at + 2] == 0x8F && t[at + 3] == 0xB7) ||
		(t[at + 1] == 0xE8 && t[at + 2] == 0x99 && t[at + 3] == 0x9F);
}

/*
 * The rules hang on three words: 牵头 (Traditional 牽頭), 不再 and 括号
 * (括號).  Rather than memmem passes, memchr passes (vectorised in libc) look
 * for one byte of each, the rarest one in plan text: 0x89, the middle byte of
 * 牵 E7 89 B5 and 牽 E7 89 BD, 0x86, the middle byte of 再 E5 86 8D (不 and the
 * last byte 0x8D are three times as common), and 0xAC, the last byte of 括
 * E6 8B AC; each hit is then checked in place.  The interrupt hook runs between
 * PD_INTERRUPT_STRIDE windows.
 */
static bool
lead_word_at(const unsigned char *t, size_t at, size_t len)
{
	/* t[at] is 0x89: 牵头 E7 89 B5 E5 A4 B4, 牽頭 E7 89 BD E9 A0 AD */
	if (at < 1 || at + 5 > len || t[at - 1] != 0xE7)
		return false;
	return (t[at + 1] == 0xB5 && t[at + 2] == 0xE5 && t[at + 3] == 0xA4 && t[at + 4] == 0xB4) ||
		(t[at + 1] == 0xBD && t[at + 2] == 0xE9 && t[at + 3] == 0xA0 && t[at + 4] == 0xAD);
}

static bool
no_more_word_at(const unsigned char *t, size_t at, size_t len)
{
	/* t[at] is 0x86: 不再 E4 B8 8D E5 86 8D */
	return at >= 4 && at + 2 <= len && t[at - 4] == 0xE4 && t[at - 3] == 0xB8 &&
		t[at - 2] == 0x8D && t[at - 1] == 0xE5 && t[at + 1] == 0x8D;
}

pd_status
pd_unit_rules_scan(const char *text, size_t len, pd_interrupt_fn interrupt,
				   void *interrupt_ctx, pd_unit_rules *rules, pd_error *err)
{
	const unsigned char *t = (const unsigned char *) text;

	memset(rules, 0, sizeof(*rules));
	for (size_t chunk = 0; chunk < len && !(rules->first_is_lead && rules->has_implicit);
		 chunk += PD_INTERRUPT_STRIDE)
	{
		size_t		end = chunk + PD_INTERRUPT_STRIDE < len ? chunk + PD_INTERRUPT_STRIDE : len;
		const unsigned char *hit;

		if (chunk > 0 && interrupt && interrupt(interrupt_ctx))
			return pd_fail(err, PD_ECANCEL, 0, "Canceled.");
		for (size_t from = chunk; !rules->first_is_lead && from < end &&
			 (hit = memchr(t + from, 0x89, end - from)) != NULL; from = (size_t) (hit - t) + 1)
			if (lead_word_at(t, (size_t) (hit - t), len))
				lead_rule(text, len, (size_t) (hit - t) - 1, rules);
		for (size_t from = chunk; !rules->has_implicit && from < end &&
			 (hit = memchr(t + from, 0x86, end - from)) != NULL; from = (size_t) (hit - t) + 1)
			if (no_more_word_at(t, (size_t) (hit - t), len))
				implicit_rule(text, len, (size_t) (hit - t) - 4, rules);
		for (size_t from = chunk; !rules->bracket_names_units && from < end &&
			 (hit = memchr(t + from, 0xAC, end - from)) != NULL; from = (size_t) (hit - t) + 1)
			if (bracket_word_at(t, (size_t) (hit - t), len))
				bracket_rule(text, len, (size_t) (hit - t) + 4, (size_t) (hit - t) - 2, rules);
	}
	return PD_OK;
}

/* ------------------------------------------------------------------------
 * units of a segmented document's items
 * ------------------------------------------------------------------------ */

/*
 * Put the unit cells of one line of a table row into P->b, each after its
 * header's label and a colon and followed by a ;.  Returns -1 when the
 * buffer is full, else the number of cells put.
 */
static int
put_unit_cells(uparse *P, const pd_table *t, const char *text, size_t cells[][2], int ncells)
{
	ubuf	   *b = &P->b;
	int			put = 0;

	for (int c = 0; c < ncells && c < t->ncols; c++)
	{
		uint32_t	head[64];
		int			hn,
					hs = 0;
		int			lab;

		if (!t->unit_col[c] || cells[c][1] <= cells[c][0])
			continue;
		/* the header's label, folded: 牽頭單位 and 牵头单位 are one label */
		hn = decode_folded(text, t->col_start[c], t->col_end[c], head, NULL, 64);
		while (hs < hn && (pd_is_space(head[hs]) || head[hs] == '*'))
			hs++;
		if (label_at(head, hs, hn, &lab) == 0)
			continue;
		for (int k = 0; k < pd_word_len(&labels, lab); k++)
			if (!ubuf_put(b, pd_word_cps(&labels, lab)[k], cells[c][0]))
				return -1;
		if (!ubuf_put(b, ':', cells[c][0]) ||
			!ubuf_append(b, text, cells[c][0], cells[c][1]) ||
			!ubuf_put(b, ';', cells[c][1]))
			return -1;
		put++;
	}
	return put;
}

/* does the cell text[s, e) read as a list of units (市发展改革委、市财政局等)? */
static bool
cell_names_units(const char *text, size_t s, size_t e)
{
	uint32_t	c[160];
	int			n = decode_folded(text, s, e, c, NULL, 160),
				names = 0;

	if (n == 160)
		return false;			/* a task's text, not a list of names */
	for (int i = 0; i < n;)
	{
		int			j = i,
					k;

		while (j < n && c[j] != 0x3001 && c[j] != ',' && c[j] != ';')
			j++;
		k = j;
		while (k > i && (pd_is_space(c[k - 1]) || c[k - 1] == 0x7B49))	/* 等 */
			k--;
		while (i < k && pd_is_space(c[i]))
			i++;
		if (k > i)
		{
			if (!unit_like(c + i, k - i, true))
				return false;
			names++;
		}
		i = j + 1;
	}
	return names > 0;
}

/*
 * A row printed one cell per line with fewer cells than columns: a blank
 * cell is not printed, so which column is blank must be told from what the
 * cells hold.  Cells keep their order; the task column takes any cell, a
 * cell that names units goes under a unit column, one that does not
 * (2025年底前, 持续推进) under another, the number under 序号.  The first
 * alignment where every cell fits is taken (a blank 配合单位 is likelier
 * than a blank 牵头单位, and the earliest column wins); false when none
 * fits: then no column is trusted.
 */
static bool
align_short_row(const pd_table *t, const char *text, size_t got[][2], int m, size_t cells[][2])
{
	int			n = t->ncols;
	int			fits[PD_TABLE_MAX_COLS][PD_TABLE_MAX_COLS];
	bool		ok[PD_TABLE_MAX_COLS + 1][PD_TABLE_MAX_COLS + 1];

	if (m < 2 || m >= n)
		return false;
	for (int i = 0; i < m; i++)
	{
		bool		units = cell_names_units(text, got[i][0], got[i][1]);

		for (int j = 0; j < n; j++)
			fits[i][j] = j == t->number_col ? pd_table_row_number(text, got[i][0], got[i][1]) >= 0 :
				j == t->task_col || t->unit_col[j] == units;
	}
	/* ok[i][j]: cells i.. can be placed in columns j.. */
	for (int i = m; i >= 0; i--)
		for (int j = n; j >= 0; j--)
			ok[i][j] = i == m ? true : j == n ? false :
				(fits[i][j] && ok[i + 1][j + 1]) || (n - j > m - i && ok[i][j + 1]);
	if (!ok[0][0])
		return false;
	for (int i = 0, j = 0; j < n; j++)
	{
		if (i < m && fits[i][j] && ok[i + 1][j + 1])
		{
			cells[j][0] = got[i][0];
			cells[j][1] = got[i][1];
			i++;
		}
		else
			cells[j][0] = cells[j][1] = got[i < m ? i : m - 1][0];
	}
	return true;
}

/*
 * The unit cells of a table row (pd_table.h), read as one labelled list:
 * each cell under its header's label, as if the row said 牵头单位：A；配合单位：B、C.
 * The labels and colons put in are not text; they take the offset of the
 * cell they label, and no unit spans them.  A row whose cells wrap goes on
 * in lines whose number cell is empty (tab- or |-separated tables keep
 * empty cells, so their columns still line up): those cells are read too.
 * A row of a table printed one cell per line that misses a cell is aligned
 * on what its cells hold (align_short_row).
 */
static void
table_row_units(uparse *P, const pd_doc *doc, const pd_item *it)
{
	const pd_table *t = &doc->tables[it->table - 1];
	const char *text = doc->text;
	size_t		cells[PD_TABLE_MAX_COLS][2];
	int			any = 0,
				r;

	P->b.base = it->marker_start;
	P->b.n = 0;
	if (t->sep == PD_SEP_LINES)
	{
		size_t		got[PD_TABLE_MAX_COLS][2];
		int			m = pd_split_cells(text, it->marker_start, it->own_end, PD_SEP_LINES, got,
									   PD_TABLE_MAX_COLS);

		if (m >= t->ncols)
			memcpy(cells, got, sizeof(cells));
		else if (!align_short_row(t, text, got, m, cells))
			return;
		if ((any = put_unit_cells(P, t, text, cells, t->ncols)) < 0)
			return;
	}
	else
	{
		for (size_t rs = it->marker_start; rs < it->own_end;)
		{
			const char *nl = memchr(text + rs, '\n', it->own_end - rs);
			size_t		re = nl ? (size_t) (nl - text) : it->own_end;
			int			ncells = pd_split_cells(text, rs, re, t->sep, cells, PD_TABLE_MAX_COLS);

			if (rs > it->marker_start &&
				(t->sep == PD_SEP_SPACES || ncells < 2 || t->number_col < 0 ||
				 cells[t->number_col][1] > cells[t->number_col][0]))
				break;			/* not the row's own continuation */
			if ((r = put_unit_cells(P, t, text, cells, ncells)) < 0)
				return;
			any += r;
			rs = re + 1;
		}
	}
	if (any > 0)
		(void) parse_group(P, -1, 0, it->marker_start, it->own_end);
}

pd_status
pd_item_units(const pd_doc *doc, int item, const pd_unit_rules *rules,
			  pd_interrupt_fn interrupt, void *interrupt_ctx,
			  pd_unit_list *list, pd_error *err)
{
	const pd_item *it = &doc->items[item];
	pd_units_opts opts = {rules, true, interrupt, interrupt_ctx};
	uparse	   *P;
	pd_status	st;

	pd_unit_list_reset(list);
	P = units_begin(doc->text, &opts, list, err);
	if (P == NULL)
		return PD_ENOMEM;
	if (it->table > 0)
		table_row_units(P, doc, it);
	if (P->status == PD_OK)
		units_scan(P, it->marker_start, it->own_end);
	if (P->status == PD_OK)
		P->status = finish_span(P, 0);
	st = P->status;
	if (st != PD_OK)
		return st;
	if (rules && rules->has_implicit &&
		!pd_unit_list_has(list, rules->implicit_unit, rules->implicit_len))
	{
		st = pd_unit_list_add(list, rules->implicit_unit, rules->implicit_len, PD_ROLE_IMPLICIT,
							  rules->implicit_rule_start, rules->implicit_rule_end, err);
		if (st == PD_OK)
			list->units[list->n - 1].group_end = rules->implicit_rule_end;
	}
	return st;
}

/* every word table of the module is well formed (pd_wordtab_check) */
bool
pd_units_selfcheck(void)
{
	pd_wordtab *tabs[] = {&collective_prefixes, &admin_words, &unit_suffixes, &zone_unit_suffixes, &not_unit_suffixes, &generic_nouns, &note_words, &note_starts, &etc_quals, &etc_nouns, &etc_ends, &provinces, &region_lead_ins, &province_tails, &party_prefixes, &mass_words, &vertical_words, &enterprise_suffixes, &zone_words, &collective_nouns, &pboc_names, &pboc_branches, &local, &division_heads, &judicial_ends, &department_ends, &institution_ends, &branch_ends, &national_heads, &not_division_heads, &national_issuers, &singles, &party_heads, &labels, &label_levels, &verbs, &verb_modifiers, &role_marks, &government_words, &time_words, &qualifiers, &firsts, &province_city, &particles, &duties, &listed, &adverbs, &subject_roles};

	for (size_t k = 0; k < sizeof(tabs) / sizeof(tabs[0]); k++)
		if (pd_wordtab_check(tabs[k]) >= 0)
			return false;
	return true;
}
