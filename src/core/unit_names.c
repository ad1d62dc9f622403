/*
 * unit_names.c — what a unit name is: the knowledge of names (collective
 * prefixes, division words, the suffixes units end with and the words that
 * make a piece a note), pdu_unit_like(), and normalisation
 * (pd_unit_normalize: folding, trimming, brackets, the 等 tail).
 *
 * Owns: every rule that judges one name on its own.  Must not: read
 * brackets, lists or documents (unit_brackets.c and unit_scan.c do), nor
 * say what a name means (level, kind, region: unit_kinds.c).
 */
#include "pd_units_int.h"

#include <string.h>

/* ---- name knowledge (all keywords folded: Simplified, ASCII punctuation) ---- */

/* a group of units rather than one: 各区县政府, 有关区、市政府 */
static const pd_word collective_prefixes_words[] = {
	{"各"}, {"有关"}, {"相关"}, {"其他"}, {"全市各"}, {"全省各"}, {"市级各"}, {"市级有关"}, {"市级相关"},
	{"省级各"}, {"省级有关"}, {"省级相关"}, {"区县各"}
};
static pd_wordtab collective_prefixes = PD_WORDTAB(collective_prefixes_words);

/* names of administrative divisions as they appear inside collectives */
static const pd_word admin_division_words[] = {
	{"直辖市"}, {"县级市"}, {"自治县"}, {"自治州"}, {"自治区"}, {"地级市"}, {"乡镇"}, {"区县"}, {"县区"},
	{"街道"}, {"省"}, {"市"}, {"区"}, {"县"}, {"镇"}, {"乡"}, {"州"}, {"盟"}, {"旗"}
};
static pd_wordtab admin_divisions = PD_WORDTAB(admin_division_words);

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
static const pd_word note_mark_words[] = {
	{"下同"}, {"不再"}, {"列出"}, {"完成"}, {"持续"}, {"长期"}, {"年底"}, {"年前"}, {"以下"}, {"以上"},
	{"逐步"}, {"推进"}, {"实施"}, {"开展"}, {"坚持"}, {"落实"}, {"推动"}, {"建立"}, {"加强"}, {"负责"},
	{"牵头"}, {"配合"}, {"此项"}, {"该项"}, {"本项"}, {"其中"}, {"时限"}, {"每年"}, {"详见"}, {"附件"}, {"另行"},
	{"确定"}, {"待定"}, {"明确"}, {"应当"}, {"不分先后"}, {"排名"}, {"排序"}
};
static pd_wordtab note_marks = PD_WORDTAB(note_mark_words);

/* sentences start like this, names do not */
static const pd_word note_starts_words[] = {
	{"此"}, {"该项"}, {"本项"}, {"其中"}, {"以下"}, {"所有"}, {"全部"}, {"每"}, {"上述"}, {"按照"}, {"根据"},
	{"注"}, {"备注"}
};
static pd_wordtab note_starts = PD_WORDTAB(note_starts_words);

/* length of the division name at c[i], or 0 */
int
pdu_admin_word_at(const uint32_t *c, int i, int n)
{
	return pd_word_len_at(&admin_divisions, c, i, n);
}

/* may a division name start with cp?  (a quick no before pdu_admin_only) */
bool
pdu_admin_first(uint32_t cp)
{
	return pd_wordtab_has_first(&admin_divisions, cp);
}

/* length of the development zone (两江新区) that c[0, n) ends with, or 0 */
int
pdu_zone_unit_suffix(const uint32_t *c, int n)
{
	return pd_word_len_before(&zone_unit_suffixes, c, 0, n);
}

/*
 * c[i, n) is nothing but division names, possibly with bracketed ones:
 * 区, 区县, 区县(自治县), 县(市).  Returns false for an empty range.
 */
bool
pdu_admin_only(const uint32_t *c, int i, int n)
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
		len = pdu_admin_word_at(c, i, n);
		if (len == 0)
			return false;
		i += len;
	}
	return true;
}

int
pdu_collective_prefix(const uint32_t *c, int n)
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
int
pdu_matching_open(const uint32_t *c, int lo, int close)
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

bool
pdu_has_unit_suffix(const uint32_t *c, int n)
{
	int			end = n;

	/* 市工商联(总商会), 各区县(自治县): judge the name before the bracket */
	while (end > 0 && c[end - 1] == ')')
	{
		int			o = pdu_matching_open(c, 0, end - 1);

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
bool
pdu_bracket_is_note(const uint32_t *a, int i, int j)
{
	for (int k = i; k < j; k++)
		if (is_sentence_char(a[k]) || a[k] == ',' || a[k] == ':' || a[k] == ';' ||
			a[k] == 0x201C || a[k] == 0x201D)
			return true;
	return (pd_word_find(&note_marks, a, i, j, NULL) >= 0);
}

/*
 * Does the normalised name c[0, n) look like a unit?  strict: it must end
 * like one (局 委 厅 … 单位 部门) or be a collective of divisions (各区县).
 * Lenient (the first list after a label such as 责任单位：): any short name
 * that is not a note (中国移动 passes, 2025年底前完成 does not).
 */
bool
pdu_unit_like(const uint32_t *c, int n, bool strict)
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
	pre = pdu_collective_prefix(c, n);
	if (pre > 0 && pre < n && pdu_admin_only(c, pre, n))
		return true;			/* 各区县, 各区、县级市 */
	if (pdu_has_unit_suffix(c, n))
		return !strict || pd_word_len_before(&generic_nouns, c, 0, n) < n;
	if (strict)
		return false;
	if (n > 15 || (pd_word_find(&note_marks, c, 0, n, NULL) >= 0))
		return false;
	for (int i = 0; i < n; i++)
		if (c[i] >= '0' && c[i] <= '9')
			return false;
	return true;
}

/* ---- normalisation ---------------------------------------------------------- */

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
bool
pdu_etc_groups(const uint32_t *c, int i, int n)
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
int
pdu_etc_tail(const uint32_t *c, int lo, int n)
{
	if (pd_word_before(&etc_ends, c, lo, n) < 0)
		return 0;
	for (int p = n - 1; p >= lo && p >= n - ETC_TAIL_MAX; p--)
		if (c[p] == CP_DENG && (p + 1 == n || pdu_etc_groups(c, p + 1, n)))
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
		if (n > 0 && c[n - 1] == ')' && pdu_matching_open(c, 0, n - 1) < 0)
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
		etc = pdu_etc_tail(c, 0, n);
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
		bool		collective = pdu_collective_prefix(c, n) > 0;

		for (int i = 0; i < n; i++)
		{
			uint32_t	cp = c[i];

			if (pdu_is_letter(cp))
				letters = true;
			if (cp == '(')
				depth++;
			else if (cp == ')' && --depth < 0)
				return pd_fail(err, PD_ESYNTAX, pos[i],
							   "Unbalanced bracket at character %d.", pos[i]);
			else if ((cp == CP_DUN || cp == CP_HW_DUN) && collective)
				c[i] = CP_DUN;	/* 各区、市政府: one collective */
			else if (pdu_is_item_sep(cp) || pdu_is_segment_sep(cp) || cp == ':')
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

/* space, stray punctuation or a dropped mark: what trimming takes off a piece's ends */
bool
pdu_is_trim_char(uint32_t cp)
{
	return pd_is_space(cp) || is_trim_punct(cp) || is_dropped(cp);
}

/*
 * Normalise the folded code points cps[0, n) of a piece of a list into out
 * (PD_UNIT_NORM_MAX bytes): false when it is no unit name (pdu_unit_like,
 * strict or not).
 */
bool
pdu_normalize_piece(const uint32_t *cps, int n, bool strict, char *out, size_t *outlen)
{
	uint32_t	c[NORM_CAP];
	int			pos[NORM_CAP];
	int			m = 0;
	size_t		o = 0;

	for (int i = 0; i < n; i++)
	{
		bool		bad = false;
		uint32_t	cp = name_char(cps[i], &bad);

		if (bad || m == NORM_CAP)
			return false;
		if (cp == 0)
			continue;
		c[m] = cp;
		pos[m] = i + 1;
		m++;
	}
	if (m == 0 || normalize_cps(c, pos, &m, NULL) != PD_OK)
		return false;
	if (!pdu_unit_like(c, m, strict))
		return false;
	for (int i = 0; i < m; i++)
		o += pd_u8_put(out + o, c[i]);
	out[o] = '\0';
	*outlen = o;
	return true;
}

/* decode a normalised name into code points (at most PD_UNIT_MAX_CHARS) */
int
pdu_decode_name(const char *s, size_t len, uint32_t *c)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	int			n = 0;

	while (p < end && n < PD_UNIT_MAX_CHARS)
		c[n++] = pd_u8_next(&p, end);
	return n;
}

bool
pdu_names_selfcheck(void)
{
	pd_wordtab *const tabs[] = {
		&collective_prefixes, &admin_divisions, &unit_suffixes, &zone_unit_suffixes,
		&not_unit_suffixes, &generic_nouns, &note_marks, &note_starts, &etc_quals,
		&etc_nouns, &etc_ends
	};

	return pdu_tables_ok(tabs, sizeof(tabs) / sizeof(tabs[0]));
}
