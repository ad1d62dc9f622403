/*
 * unit_rules.c — document rules about units, stated once for a whole plan:
 *   排在第一位的部门为牵头部门     the first unit of every list leads
 *   括号内为牵头单位               bare names in brackets are units
 *   所有任务均需区县落实、不再列出  a unit implied for every task
 * (pd_unit_rules_scan), found by memchr for a rare byte of 牵头 / 不再 / 括号
 * and read in the clause around it.
 *
 * Owns: finding and reading those sentences into a pd_unit_rules.  Must
 * not: apply them (the bracket grammar and pd_item_units do), nor read
 * brackets or tables.
 */
#include "pd_units_int.h"

#include <string.h>

/* a clause: back and forward from a keyword to the nearest clause mark */
static bool
is_clause_mark(uint32_t cp, bool comma)
{
	return cp == 0 || cp == CP_JUHAO || cp == ';' || cp == '\n' || cp == '(' || cp == ')' ||
		cp == ':' || cp == 0x3010 || cp == 0x3011 || (comma && cp == ',');
}

/* start of the clause holding text[q]: at most `max` code points back */
static size_t
clause_start(const char *text, size_t q, int max, bool comma)
{
	size_t		s;
	int			depth = 0;

	while (max-- > 0)
	{
		uint32_t	cp = pdu_prev_cp(text, 0, q, &s);

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
	int			n = pd_unit_decode_folded(text, s, at, c, NULL, 48),
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

/* a subdistrict (街道) is run by its office, not a government */
static const pd_word street_words[] = {{"街道"}};
static pd_wordtab street = PD_WORDTAB(street_words);

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
		int			pre = pdu_collective_prefix(name, nn);

		if (pdu_admin_only(name, pre, nn) || (pre == 0 && pdu_admin_word_at(name, 0, nn) &&
										  pdu_has_unit_suffix(name, nn) &&
										  !pd_word_len_at(&province_city, name, 0, nn)))
		{
			bool		bare = pdu_admin_only(name, pre, nn);

			if (pre == 0)
				blen += pd_u8_put(buf + blen, 0x5404);	/* 各 */
			for (int i = 0; i < nn; i++)
				blen += pd_u8_put(buf + blen, name[i]);
			if (bare)
			{
				const char *gov = pd_word_len_before(&street, name, 0, nn) ?
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
	nn = pdu_decode_name(rules->implicit_unit, rules->implicit_len, name);
	if (!pdu_unit_like(name, nn, true))
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
	n = pd_unit_decode_folded(text, at, len < at + 40 ? len : at + 40, c, NULL, 12);
	k = 2;
	k += pd_word_len_at(&adverbs, c, k, n);
	if (!pd_word_len_at(&listed, c, k, n))
		return;

	s = clause_start(text, at, 80, false);
	e = clause_end(text, len, at, 20, true);
	n = pd_unit_decode_folded(text, s, at, c, NULL, 96);

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

				if (i - cs >= 2 && pdu_unit_like(c + cs, i - cs, true))
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
	int			n = pd_unit_decode_folded(text, at, len - at < 48 ? len : at + 48, c, NULL, 16);

	for (int i = 0; i < n && i < 6; i++)
	{
		int			lab;

		if (c[i] == ',' || c[i] == CP_JUHAO || c[i] == ';' || c[i] == ')')
			return;
		if ((c[i] == 0x4E3A || c[i] == 0x662F) && pd_unit_label_at(c, i + 1, n, &lab) > 0)	/* 为 是 */
		{
			rules->bracket_names_units = true;
			rules->bracket_role = pd_unit_label_role(lab);
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
 * (括號).  A pass for each looks for one byte of it, the rarest one in plan
 * text: 0x89, the middle byte of 牵 E7 89 B5 and 牽 E7 89 BD, 0x86, the
 * middle byte of 再 E5 86 8D (不 and the last byte 0x8D are three times as
 * common), and 0xAC, the last byte of 括 E6 8B AC, found with the bytes of
 * its character (pd_find_seq: a continuation byte is one byte in 64, too
 * many stops for memchr); each hit is then checked in place.  The interrupt
 * hook runs between PD_INTERRUPT_STRIDE windows.
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
		/*
		 * each byte found as before (in [chunk, end), the next search after
		 * it), found as the character it belongs to: 牵/牽 E7 89, 再 E5 86 8D,
		 * 括 E6 8B AC, which may start before the chunk
		 */
		for (size_t from = chunk; !rules->first_is_lead && from < end &&
			 (hit = pd_find_seq(t + (from >= 1 ? from - 1 : 0), t + end, "\xE7\x89", 2)) != NULL;
			 from = (size_t) (hit - t) + 2)
			if (lead_word_at(t, (size_t) (hit - t) + 1, len))
				lead_rule(text, len, (size_t) (hit - t), rules);
		for (size_t from = chunk; !rules->has_implicit && from < end &&
			 (hit = pd_find_seq(t + (from >= 1 ? from - 1 : 0), t + (end < len ? end + 1 : len),
								"\xE5\x86\x8D", 3)) != NULL;
			 from = (size_t) (hit - t) + 2)
			if (no_more_word_at(t, (size_t) (hit - t) + 1, len))
				implicit_rule(text, len, (size_t) (hit - t) - 3, rules);
		for (size_t from = chunk; !rules->bracket_names_units && from < end &&
			 (hit = pd_find_seq(t + (from >= 2 ? from - 2 : 0), t + end, "\xE6\x8B\xAC", 3)) != NULL;
			 from = (size_t) (hit - t) + 3)
			if (bracket_word_at(t, (size_t) (hit - t) + 2, len))
				bracket_rule(text, len, (size_t) (hit - t) + 6, (size_t) (hit - t), rules);
	}
	return PD_OK;
}

bool
pdu_rules_selfcheck(void)
{
	pd_wordtab *const tabs[] = {
		&firsts, &street, &province_city, &particles, &duties, &listed, &adverbs,
		&subject_roles
	};

	return pdu_tables_ok(tabs, sizeof(tabs) / sizeof(tabs[0]));
}
