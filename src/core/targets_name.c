/*
 * targets_name.c — what a target is called: the subject of a clause cleaned
 * of bullets, time phrases, scope and connective words; the object after a
 * number; lists split over their shared head (花生种植、收获机械化率分别达到65%和
 * 55%); the indicator text built from them, and the emitting of hits.
 * Also the goal-verb tests of a clause the candidate rules ask.
 *
 * Owns the naming of targets.  Must not decide whether a number is a
 * target (targets_cand.c) or move through the text (targets_scan.c).
 */
#include "pd_tscan.h"

#include <string.h>

/* ---- word tables of subjects and names --------------------------------------- */

/*
 * Words a one-character lead word begins (共享, 及时, 和平区, 前置仓): the
 * character is part of the indicator's name there, not a word of its own.
 */
static const pd_word bound_words[] = {
	{"到位", 0, 0}, {"到期", 0, 0}, {"到岗", 0, 0}, {"到达", 0, 0}, {"到户", 0, 0}, {"到村", 0, 0}, {"到港", 0, 0},
	{"到账", 0, 0}, {"至今", 0, 0}, {"并购", 0, 0}, {"并网", 0, 0}, {"并联", 0, 0}, {"使用", 0, 0}, {"使命", 0, 0},
	{"底商", 0, 0}, {"底线", 0, 0}, {"底部", 0, 0}, {"底数", 0, 0}, {"末端", 0, 0}, {"末梢", 0, 0},
	{"前置", 0, 0}, {"前沿", 0, 0}, {"前端", 0, 0}, {"前期", 0, 0}, {"前列", 0, 0}, {"前台", 0, 0},
	{"时速", 0, 0}, {"时长", 0, 0}, {"时间", 0, 0}, {"时效", 0, 0}, {"时限", 0, 0}, {"共享", 0, 0},
	{"共建", 0, 0}, {"共同", 0, 0}, {"共性", 0, 0}, {"共用", 0, 0}, {"共治", 0, 0}, {"共富", 0, 0},
	{"要素", 0, 0}, {"和平", 0, 0}, {"和谐", 0, 0}, {"及时", 0, 0}, {"与会", 0, 0}, {"的士", 0, 0},
	/* 基本 is an adverb (基本实现) and 全域 a scope, except in these names */
	{"基本养老", 0, 0}, {"基本医疗", 0, 0}, {"基本医保", 0, 0}, {"基本公共", 0, 0}, {"基本农田", 0, 0},
	{"基本药物", 0, 0}, {"基本住房", 0, 0}, {"基本生活", 0, 0}, {"基本民生", 0, 0}, {"基本建设", 0, 0},
	{"基本单元", 0, 0}, {"基本盘", 0, 0}, {"全域旅游", 0, 0},
	/* 期间 is a time phrase (“十四五”期间), except in a financial ratio */
	{"期间费用", 0, 0},
};

/* words a one-character tail word ends (粗钢产能, 新型储能, 城市供应): kept */
static const pd_word tail_bound_words[] = {
	{"产能", 0, 0}, {"储能", 0, 0}, {"动能", 0, 0}, {"功能", 0, 0}, {"效能", 0, 0}, {"节能", 0, 0},
	{"智能", 0, 0}, {"技能", 0, 0}, {"体能", 0, 0}, {"赋能", 0, 0}, {"职能", 0, 0}, {"性能", 0, 0},
	{"热能", 0, 0}, {"电能", 0, 0}, {"核能", 0, 0}, {"风能", 0, 0}, {"光能", 0, 0}, {"潜能", 0, 0},
	{"行为", 0, 0}, {"国有", 0, 0}, {"私有", 0, 0}, {"公有", 0, 0}, {"所有", 0, 0}, {"拥有", 0, 0},
	{"公共", 0, 0}, {"首都", 0, 0}, {"成都", 0, 0}, {"内需", 0, 0}, {"供需", 0, 0}, {"必需", 0, 0},
	{"供应", 0, 0}, {"响应", 0, 0}, {"效应", 0, 0}, {"适应", 0, 0}, {"对应", 0, 0}, {"人均", 0, 0},
	{"户均", 0, 0}, {"亩均", 0, 0}, {"平均", 0, 0}, {"目的", 0, 0},
};

/* cleaned off the end of a subject */
static const pd_word tail_words[] = {
	{"要", 0, 0}, {"将", 0, 0}, {"应", 0, 0}, {"需", 0, 0}, {"均", 0, 0}, {"分别", 0, 0}, {"总体", 0, 0}, {"总体上", 0, 0}, {"力争", 0, 0},
	{"争取", 0, 0}, {"稳步", 0, 0}, {"持续", 0, 0}, {"逐步", 0, 0}, {"进一步", 0, 0}, {"基本", 0, 0}, {"的", 0, 0}, {"每年", 0, 0},
	{"年均", 0, 0}, {"总计", 0, 0}, {"合计", 0, 0}, {"共计", 0, 0}, {"预计", 0, 0}, {"可", 0, 0}, {"能", 0, 0}, {"都", 0, 0}, {"共", 0, 0}, {"为", 0, 0},
	{"有", 0, 0}, {"也", 0, 0}, {"还", 0, 0}, {"再", 0, 0}, {"确保", 0, 0}, {"有望", 0, 0}, {"整体", 0, 0}, {"全面", 0, 0},
	{"实现", 0, 0},
};

/* head nouns a distributed subject shares: 花生种植、收获|机械化率 */
static const pd_word head_words[] = {
	{"机械化率", 0, 0}, {"覆盖率", 0, 0}, {"普及率", 0, 0}, {"渗透率", 0, 0}, {"使用率", 0, 0}, {"利用率", 0, 0}, {"达标率", 0, 0},
	{"合格率", 0, 0}, {"参保率", 0, 0}, {"入学率", 0, 0}, {"城镇化率", 0, 0}, {"贡献率", 0, 0}, {"转化率", 0, 0}, {"上云率", 0, 0},
	{"比重", 0, 0}, {"占比", 0, 0}, {"产业规模", 0, 0}, {"规模", 0, 0}, {"营业收入", 0, 0}, {"收入", 0, 0}, {"营收", 0, 0},
	{"产值", 0, 0}, {"增加值", 0, 0}, {"总量", 0, 0}, {"产量", 0, 0}, {"数量", 0, 0}, {"面积", 0, 0}, {"里程", 0, 0}, {"人数", 0, 0},
	{"指数", 0, 0}, {"水平", 0, 0}, {"增速", 0, 0}, {"增长率", 0, 0}, {"率", 0, 0},
};

/*
 * Scopes of intensity that a listed pair shares when only its first name
 * prints them (not 人均: 人均公园绿地面积、绿地率 share nothing):
 * 单位地区生产总值能耗、二氧化碳排放 -> 单位地区生产总值 | 能耗 | 二氧化碳排放
 */
static const pd_word scope_words[] = {
	{"单位地区生产总值", 0, 0}, {"单位国内生产总值", 0, 0}, {"单位GDP", 0, 0}, {"万元地区生产总值", 0, 0},
	{"万元国内生产总值", 0, 0}, {"万元GDP", 0, 0}, {"单位工业增加值", 0, 0}, {"万元工业增加值", 0, 0},
	{"规模以上工业单位增加值", 0, 0},
};

static pd_wordtab bound_tab = PD_WORDTAB(bound_words);
static pd_wordtab tail_bound_tab = PD_WORDTAB(tail_bound_words);
static pd_wordtab tail_tab = PD_WORDTAB(tail_words);
static pd_wordtab head_tab = PD_WORDTAB(head_words);
static pd_wordtab scope_tab = PD_WORDTAB(scope_words);

/* ---- emitting ----------------------------------------------------------- */

/* append cps[i..j) as printed (the original bytes) to the indicator */
static void
ind_append(scanner *sc, pd_target_hit *h, int i, int j)
{
	size_t		n;

	if (i >= j)
		return;
	/* at most PD_INDICATOR_MAX_CHARS characters in all */
	{
		int			room = PD_INDICATOR_MAX_CHARS - (int) pd_u8_count(h->indicator, h->indicator_len);

		if (room <= 0)
			return;
		if (j - i > room)
			j = i + room;
	}
	/*
	 * character by character: layout spaces between them were not read;
	 * whole characters only, up to the buffer's end
	 */
	for (int k = i; k < j; k++)
	{
		const unsigned char *c = (const unsigned char *) sc->text + sc->off[k];
		const unsigned char *ce = (const unsigned char *) sc->text + sc->off[k + 1];

		(void) pd_u8_next(&c, ce);
		n = (size_t) (c - (const unsigned char *) sc->text) - sc->off[k];
		if (h->indicator_len + n > PD_INDICATOR_MAX_BYTES - 1)
			break;
		memcpy(h->indicator + h->indicator_len, sc->text + sc->off[k], n);
		h->indicator_len += n;
	}
	h->indicator[h->indicator_len] = '\0';
}

/*
 * Every hit leaves through here, from sentences and from indicator tables:
 * a growth value, or one in percentage points (the difference of two
 * shares: 缩小1.5个百分点), is a change whatever its sentence said.
 */
void
pd_ts_emit_hit(scanner *sc, pd_target_hit *h)
{
	if (sc->stopped)
		return;
	if (h->target.kind == PD_TK_GROWTH || h->target.u.dim == PD_DIM_POINTS)
		h->goal_kind = PD_GOAL_CHANGE;
	if (!sc->emit(sc->emit_ctx, h))
		sc->stopped = true;
}

/* the indicator of a pending hit from its subject / object */
static void
build_indicator(scanner *sc, pending *p)
{
	pd_target_hit *h = &p->hit;

	h->indicator_len = 0;
	h->indicator[0] = '\0';
	if (p->subj_s < p->subj_e && !p->verb_only)
	{
		if (p->verb_after && p->obj_s < p->obj_e)
		{
			ind_append(sc, h, p->subj_s, p->subj_e);
			ind_append(sc, h, p->obj_s, p->obj_e);
		}
		else if (p->verb_s >= 0 && p->obj_s < p->obj_e)
		{
			ind_append(sc, h, p->verb_s, p->subj_e);
			ind_append(sc, h, p->obj_s, p->obj_e);
		}
		else
			ind_append(sc, h, p->subj_s, p->subj_e);
	}
	else if (p->subj_s < p->subj_e && p->obj_s < p->obj_e)
	{
		ind_append(sc, h, p->subj_s, p->subj_e);
		ind_append(sc, h, p->obj_s, p->obj_e);
	}
	else if (p->obj_s < p->obj_e)
		ind_append(sc, h, p->obj_s, p->obj_e);
	else if (p->subj_s < p->subj_e)
		ind_append(sc, h, p->subj_s, p->subj_e);
	else if (sc->inh_s < sc->inh_e)
		ind_append(sc, h, sc->inh_s, sc->inh_e);
	ind_append(sc, h, p->grow_s, p->grow_e);
}

/*
 * Split a listed subject 花生种植、收获机械化率 into its items: the head noun
 * (the longest known one at the end of the last item) is shared, and so is
 * a prefix of the first item as long as the items have the same length
 * (马铃薯|种植、收获|机械化率).  Returns the number of items (0: not a list),
 * with pfx_e, item ranges and head_s filled in.
 */
#define MAX_ITEMS 8
typedef struct split
{
	int			n;
	int			pfx_s,
				pfx_e;
	int			item_s[MAX_ITEMS],
				item_e[MAX_ITEMS];
	int			head_s,
				head_e;
} split;

static int
split_subject(scanner *sc, int s, int e, split *out)
{
	int			part_s[MAX_ITEMS],
				part_e[MAX_ITEMS];
	int			np = 0,
				start = s;
	int			last_s,
				hw,
				k;

	for (int i = s; i <= e; i++)
	{
		bool		sep = i == e || sc->cps[i] == CP_DUN || sc->cps[i] == 0x548C /* 和 */ ||
			sc->cps[i] == 0x53CA /* 及 */ || sc->cps[i] == 0x4E0E /* 与 */ ;

		if (!sep)
			continue;
		if (i == start || np == MAX_ITEMS)
			return 0;
		part_s[np] = start;
		part_e[np] = i;
		np++;
		start = i + 1;
	}
	if (np < 2)
		return 0;
	last_s = part_s[np - 1];
	/* the longest head noun that ends the last item and leaves it something */
	hw = -1;
	for (int i = last_s + 1; i < part_e[np - 1] && hw < 0; i++)
	{
		int			w = pd_word_at(&head_tab, sc->cps, i, part_e[np - 1]);

		if (w >= 0 && i + pd_word_len(&head_tab, w) == part_e[np - 1])
		{
			hw = w;
			out->head_s = i;
		}
	}
	/*
	 * items that end with a head noun of their own are whole names
	 * (义务教育巩固率、高中阶段毛入学率): nothing is shared
	 */
	if (hw >= 0)
	{
		bool		whole = true;

		for (int i = 0; i < np - 1 && whole; i++)
		{
			int			w = pd_word_before(&head_tab, sc->cps, part_s[i], part_e[i]);

			whole = w >= 0 && pd_word_len(&head_tab, w) < part_e[i] - part_s[i];
		}
		if (whole)
			hw = -1;
	}
	if (hw < 0)
	{
		/*
		 * no shared head noun: the items are the parts as printed, and a
		 * scope only the first one prints is every item's
		 */
		int			w = pd_word_at(&scope_tab, sc->cps, part_s[0], part_e[0]);

		out->n = np;
		out->pfx_s = out->pfx_e = out->head_s = out->head_e = part_s[0];
		for (int i = 0; i < np; i++)
		{
			out->item_s[i] = part_s[i];
			out->item_e[i] = part_e[i];
		}
		if (w >= 0 && part_s[0] + pd_word_len(&scope_tab, w) < part_e[0])
		{
			bool		shared = true;

			for (int i = 1; i < np && shared; i++)
				shared = pd_word_at(&scope_tab, sc->cps, part_s[i], part_e[i]) < 0;
			if (shared)
			{
				out->pfx_e = out->item_s[0] = part_s[0] + pd_word_len(&scope_tab, w);
				out->head_s = out->head_e = out->pfx_e;
			}
		}
		return np;
	}
	out->head_e = part_e[np - 1];
	k = out->head_s - last_s;	/* length of one item */
	if (part_e[0] - part_s[0] < k)
	{
		/*
		 * the first item is shorter than the last one's lead: the items have
		 * the first one's length and the head is longer (造林、抚育环节机械化率:
		 * 造林 | 抚育 | 环节机械化率)
		 */
		k = part_e[0] - part_s[0];
		out->head_s = last_s + k;
	}
	out->n = np;
	for (int i = 0; i < np; i++)
	{
		out->item_s[i] = part_s[i];
		out->item_e[i] = i == np - 1 ? out->head_s : part_e[i];
	}
	/* a prefix shared from the first item: 马铃薯种植 -> 马铃薯 | 种植 */
	out->pfx_s = out->pfx_e = part_s[0];
	if (part_e[0] - part_s[0] > k)
	{
		out->pfx_e = part_e[0] - k;
		out->item_s[0] = out->pfx_e;
	}
	return np;
}

static void
indicator_from_split(scanner *sc, pending *p, const split *sp, int i)
{
	pd_target_hit *h = &p->hit;

	h->indicator_len = 0;
	h->indicator[0] = '\0';
	ind_append(sc, h, sp->pfx_s, sp->pfx_e);
	ind_append(sc, h, sp->item_s[i], sp->item_e[i]);
	ind_append(sc, h, sp->head_s, sp->head_e);
	ind_append(sc, h, p->grow_s, p->grow_e);
}

void
pd_ts_flush_chain(scanner *sc)
{
	int			n = sc->nchain;
	split		sp;

	sc->nchain = 0;
	if (n == 0)
		return;
	for (int i = 0; i < n; i++)
		build_indicator(sc, &sc->chain[i]);
	if (sc->chain[0].dist == 2 && n >= 2 &&
		split_subject(sc, sc->chain[0].subj_s, sc->chain[0].subj_e, &sp) == n)
	{
		/* 花生种植、收获机械化率分别达到65%和55% */
		for (int i = 0; i < n; i++)
			indicator_from_split(sc, &sc->chain[i], &sp, i);
	}
	else if (sc->chain[0].dist == 1 && n == 1 &&
			 split_subject(sc, sc->chain[0].subj_s, sc->chain[0].subj_e, &sp) >= 2)
	{
		/* 马铃薯种植、收获机械化率均达到45%: one target per item */
		for (int i = 0; i < sp.n && !sc->stopped; i++)
		{
			indicator_from_split(sc, &sc->chain[0], &sp, i);
			pd_ts_emit_hit(sc, &sc->chain[0].hit);
		}
		return;
	}
	for (int i = 0; i < n && !sc->stopped; i++)
		pd_ts_emit_hit(sc, &sc->chain[i].hit);
}

/* ---- clauses and sentences ---------------------------------------------- */


/* is cps[i] a ) that closes a ( opened in [s, i): 实际使用外资（FDI） keeps it */
static bool
closes_bracket(scanner *sc, int s, int i)
{
	if (sc->cps[i] != ')')
		return false;
	for (int k = i - 1; k >= s; k--)
		if (sc->cps[k] == '(')
			return true;
	return false;
}

/* clean a subject [s, e): bullets, time phrases, scope words, connectives */
void
pd_ts_clean_subject(scanner *sc, int *ps, int *pe)
{
	int			s = *ps,
				e = *pe;
	bool		changed = true;

	while (changed && s < e)
	{
		int			w;

		changed = false;
		s = pd_ts_skip_marks(sc, s, e);
		if (s >= e)
			break;
		/* 2025年, 5月底前, (1), 1. */
		if (is_digit(sc->cps[s]))
		{
			int			k = s;

			while (k < e && is_digit(sc->cps[k]))
				k++;
			if (k < e && (sc->cps[k] == CP_NIAN || sc->cps[k] == '.' || sc->cps[k] == ')' ||
						  sc->cps[k] == CP_DUN || (sc->cps[k] == 0x6708 && k - s <= 2)))	/* 月 */
			{
				s = k + 1;
				if (sc->cps[k] == 0x6708 && s < e && sc->cps[s] == 0x4EFD)
					s++;		/* 6月份 */
				changed = true;
				continue;
			}
		}
		if (pd_enclosed_number(sc->cps[s], NULL) > 0)
		{
			s++;
			changed = true;
			continue;
		}
		/* 一、 (十五) 二) : Chinese item numbers */
		if (pd_is_cn_numeral_char(sc->cps[s]))
		{
			int			k = s;

			while (k < e && k - s < 4 && pd_is_cn_numeral_char(sc->cps[k]))
				k++;
			if (k < e && (sc->cps[k] == ')' || sc->cps[k] == CP_DUN) && (s == *ps || is_mark(sc->cps[s - 1])))
			{
				s = k + 1;
				changed = true;
				continue;
			}
		}
		/* “十四五”末 */
		if (sc->cps[s] == 0x5341 && s + 2 < e && sc->cps[s + 2] == 0x4E94)
		{
			s += 3;
			changed = true;
			continue;
		}
		if ((w = pd_word_at(&pd_ts_lead_tab, sc->cps, s, e)) >= 0 && pd_word_at(&bound_tab, sc->cps, s, e) < 0)
		{
			s += pd_word_len(&pd_ts_lead_tab, w);
			changed = true;
		}
	}
	changed = true;
	while (changed && s < e)
	{
		int			w;

		changed = false;
		while (e > s && is_mark(sc->cps[e - 1]) && !closes_bracket(sc, s, e - 1))
			e--;
		if (e > s && (w = pd_word_before(&tail_tab, sc->cps, s, e)) >= 0 &&
			pd_word_before(&tail_bound_tab, sc->cps, s, e) < 0)
		{
			e -= pd_word_len(&tail_tab, w);
			changed = true;
			continue;
		}
		/* …到2025年, …比2020年, 城镇化率2025年: a time phrase at the end */
		if (e - s >= 5 && sc->cps[e - 1] == CP_NIAN && is_digit(sc->cps[e - 2]))
		{
			int			k = e - 1;

			while (k > s && is_digit(sc->cps[k - 1]))
				k--;
			if (k > s && pd_word_before(&pd_ts_before_tab, sc->cps, s, k) >= 0)
			{
				int			w2 = pd_word_before(&pd_ts_before_tab, sc->cps, s, k);

				e = k - pd_word_len(&pd_ts_before_tab, w2);
				changed = true;
			}
			else if (k > s && e - 1 - k == 4 && !is_digit(sc->cps[k - 1]))
			{
				e = k;
				changed = true;
			}
		}
	}
	/* unbalanced quotes and brackets left at the ends */
	if (s < e && (sc->cps[e - 1] == 0x201C || sc->cps[e - 1] == 0x300A))
		e--;
	*ps = s;
	*pe = s < e ? e : s;
}

/* is [s, e) made only of goal verbs?  and where does its last goal verb start? */
bool
pd_ts_goal_verbs_only(scanner *sc, int s, int e, int *last_verb)
{
	int			i = s;
	bool		only = true;

	*last_verb = -1;
	while (i < e)
	{
		int			w = pd_word_at(&pd_ts_ctx_tab, sc->cps, i, e);

		if (w >= 0 && pd_ts_ctx_words[w].a == C_GOAL && pd_word_len(&pd_ts_ctx_tab, w) >= 2)
		{
			*last_verb = i;
			i += pd_word_len(&pd_ts_ctx_tab, w);
			if (i == e)
				return only;
			continue;
		}
		only = false;
		*last_verb = -1;
		i++;
	}
	return only && s < e;
}

bool
pd_ts_starts_with_goal_verb(scanner *sc, int s, int e)
{
	int			w = s < e ? pd_word_at(&pd_ts_ctx_tab, sc->cps, s, e) : -1;

	return w >= 0 && pd_ts_ctx_words[w].a == C_GOAL;
}

/*
 * The object after a number: up to the clause end, the next listed number
 * or a bracket (推动5000家企业开展改造（省工业和信息化厅…）: the units
 * responsible, not the object).
 */
void
pd_ts_find_object(scanner *sc, int i, int *os, int *oe)
{
	int			s = i,
				e;

	*os = *oe = i;
	if (i >= sc->n || !(is_han(sc->cps[i]) || sc->cps[i] == 0x201C || sc->cps[i] == 0x300A ||
						is_ascii_letter(sc->cps[i])))
		return;
	e = s;
	while (e < sc->n && e - s < OBJECT_MAX && !is_clause_end(sc->cps[e]) && sc->cps[e] != '(')
	{
		uint32_t	c = sc->cps[e];

		if ((c == CP_DUN || c == 0x548C || c == 0x53CA) && e + 1 < sc->n &&
			(is_digit(sc->cps[e + 1]) || (c == CP_DUN && sc->cps[e + 1] == 0x548C)))
			break;
		e++;
	}
	while (e > s && (is_mark(sc->cps[e - 1]) || sc->cps[e - 1] == 0x7B49 /* 等 */ ))
		e--;
	if (s < e && sc->cps[s] == CP_DE)
		s++;
	*os = s;
	*oe = e;
}

/*
 * 100个示范社区全面建成, 10个重点项目建成投产: a count whose goal verb comes
 * after the counted noun, at the end of the clause.  Returns where the verb
 * starts, or -1 (also when 已 makes it a report: 10个项目已建成).
 */
int
pd_ts_goal_verb_after(scanner *sc, int i)
{
	for (int k = i; k < sc->n && k - i < OBJECT_MAX && !is_clause_end(sc->cps[k]); k++)
	{
		int			w;

		if (!is_han(sc->cps[k]))
			return -1;
		if ((w = pd_word_at(&pd_ts_ctx_tab, sc->cps, k, sc->n)) < 0)
			continue;
		if (pd_ts_ctx_words[w].a == C_PAST)
			return -1;
		if (pd_ts_ctx_words[w].a == C_GOAL && k > i)
		{
			/*
			 * the verb ends the clause, or a second verb does (建成投产);
			 * else it is part of the noun (服务设施建设示范社区): read on
			 */
			int			e = k + pd_word_len(&pd_ts_ctx_tab, w);

			while (e < sc->n && is_han(sc->cps[e]) && e - k < 6)
				e++;
			if (e >= sc->n || is_clause_end(sc->cps[e]))
				return k;
		}
	}
	return -1;
}

/* a goal verb (建成, 完成, 实现 …) between i and the clause's end, and no 已 before it */
bool
pd_ts_subsidy_in_clause(scanner *sc)
{
	for (int k = sc->clause_start; k < sc->n && !is_clause_end(sc->cps[k]); k++)
	{
		int			w = pd_word_at(&pd_ts_ctx_tab, sc->cps, k, sc->n);

		if (w >= 0 && (pd_ts_ctx_words[w].a == C_SUBSIDY || pd_ts_ctx_words[w].a == C_ELIGIBLE))
			return true;
	}
	return false;
}

bool
pd_ts_goal_verb_in_clause(scanner *sc, int i)
{
	for (int k = i; k < sc->n && k - i < OBJECT_MAX && !is_clause_end(sc->cps[k]); k++)
	{
		int			w = pd_word_at(&pd_ts_ctx_tab, sc->cps, k, sc->n);

		if (w < 0)
			continue;
		if (pd_ts_ctx_words[w].a == C_PAST)
			return false;
		if (pd_ts_ctx_words[w].a == C_GOAL || pd_ts_ctx_words[w].a == C_ACHIEVE)
			return true;
	}
	return false;
}
