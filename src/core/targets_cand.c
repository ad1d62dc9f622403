/*
 * targets_cand.c — one number at a time: the candidates (Arabic, Chinese,
 * fractions, 翻一番, years and five-year plans), what follows them (range,
 * unit, /年, 以上) and what precedes them (comparator and change words, read
 * backwards), and the rules that decide what is and is not a target and of
 * which kind (level, output, change, limit): years, dates, durations,
 * ranks, references, subsidies, eligibility thresholds and counts of places
 * are not.
 *
 * Owns the target rules.  Must not name targets (targets_name.c) or read
 * the text beyond the current sentence (targets_scan.c).
 */
#include "pd_tscan.h"

#include <string.h>

/* ---- word tables of candidates ------------------------------------------------ */

/* after YYYY年 */
enum
{
	A_DEADLINE = 1,				/* 2025年底前 2025年前 2025年内 */
	A_SINCE,					/* 2020年以来 */
	A_FROM,						/* 2025年起 2025年开始 */
	A_END						/* 2025年底 2025年末 */
};

static const pd_word after_year_words[] = {
	{"前", A_DEADLINE, 0}, {"底前", A_DEADLINE, 0}, {"年底前", A_DEADLINE, 0}, {"末前", A_DEADLINE, 0},
	{"内", A_DEADLINE, 0}, {"年内", A_DEADLINE, 0}, {"以前", A_DEADLINE, 0},
	{"以来", A_SINCE, 0}, {"起", A_FROM, 0}, {"开始", A_FROM, 0},
	{"底", A_END, 0}, {"末", A_END, 0}, {"年底", A_END, 0}, {"年末", A_END, 0},
};

/* adverbs between a counted noun and its verb: 100个智慧社区全部建成 */
static const pd_word adverb_words[] = {
	{"全部", 0, 0}, {"如期", 0, 0}, {"顺利", 0, 0}, {"陆续", 0, 0}, {"相继", 0, 0}, {"均", 0, 0},
	{"都", 0, 0}, {"率先", 0, 0}, {"按期", 0, 0}, {"全数", 0, 0},
};

/* fillers between comparator words and the number, or before them */
static const pd_word filler_words[] = {
	{"均", 1, 0}, {"分别", 2, 0}, {"总体", 0, 0}, {"都", 0, 0}, {"将", 0, 0}, {"要", 0, 0}, {"了", 0, 0},
	{"可", 0, 0}, {"为", 0, 0}, {"共", 0, 0}, {"共计", 0, 0}, {"合计", 0, 0}, {"总计", 0, 0}, {"累计", 0, 0},
	{"稳步", 0, 0}, {"持续", 0, 0}, {"逐步", 0, 0}, {"力争", 0, 0}, {"争取", 0, 0}, {"基本", 0, 0},
};

/* counted things that are places or parts of the plan, not targets */
static const pd_word admin_words[] = {
	{"区县", 0, 0}, {"区（县）", 0, 0}, {"区(县)", 0, 0}, {"县（市、区）", 0, 0}, {"县(市、区)", 0, 0},
	{"乡镇", 0, 0}, {"街道", 0, 0}, {"省份", 0, 0}, {"城市", 0, 0}, {"地市", 0, 0}, {"设区市", 0, 0},
	{"部门", 0, 0}, {"方面", 0, 0}, {"领域", 0, 0}, {"重点领域", 0, 0}, {"环节", 0, 0}, {"板块", 0, 0},
	{"国家和地区", 0, 0}, {"层级", 0, 0}, {"阶段", 0, 0}, {"步骤", 0, 0}, {"方向", 0, 0}, {"片区", 0, 0},
	{"区", 1, 0}, {"县", 1, 0}, {"市", 1, 0}, {"镇", 1, 0}, {"乡", 1, 0}, {"村", 1, 0}, {"省", 1, 0}, {"类", 1, 0},
	{"措施", 1, 0}, {"任务", 1, 0}, {"重点任务", 1, 0}, {"举措", 1, 0}, {"政策", 1, 0},
	{"政策措施", 1, 0}, {"行动", 1, 0}, {"专项行动", 1, 0}, {"工程", 1, 0}, {"重大工程", 1, 0},
	{"原则", 1, 0}, {"目标", 1, 0}, {"大类", 1, 0}, {"条措施", 1, 0}, {"个方面", 1, 0},
};

/* clauses opening with these do not carry on an earlier 每年 */
static const pd_word annual_break_words[] = {
	{"累计", 0, 0}, {"全省", 0, 0}, {"全市", 0, 0}, {"全区", 0, 0}, {"全县", 0, 0}, {"全国", 0, 0},
	{"总计", 0, 0}, {"合计", 0, 0}, {"共计", 0, 0}, {"到", 0, 0}, {"至", 0, 0},
};

static pd_wordtab after_year_tab = PD_WORDTAB(after_year_words);
static pd_wordtab adverb_tab = PD_WORDTAB(adverb_words);
static pd_wordtab filler_tab = PD_WORDTAB(filler_words);
static pd_wordtab admin_tab = PD_WORDTAB(admin_words);

/* what may follow a goal's 以上 / 以下 (65%以上和55%以上, 80%以上的确权登记, 6%以上水平) */
static const pd_word bound_next_words[] = {
	{"和"}, {"及"}, {"或"}, {"并"}, {"且"}, {"的"}, {"水平"}, {"左右"}, {"目标"}
};
static pd_wordtab bound_next_tab = PD_WORDTAB(bound_next_words);

/* classifiers: a count of the noun after them (实施100个以上重点项目), not a threshold on it */
static const pd_word classifier_words[] = {
	{"个"}, {"家"}, {"项"}, {"座"}, {"所"}, {"处"}, {"条"}, {"批"}, {"只"}, {"台"}, {"辆"}, {"艘"},
	{"架"}, {"名"}, {"位"}, {"支"}, {"场"}, {"间"}, {"栋"}, {"套"}, {"张"}, {"部"}, {"种"}, {"块"}
};
static pd_wordtab classifier_tab = PD_WORDTAB(classifier_words);
static pd_wordtab annual_break_tab = PD_WORDTAB(annual_break_words);

/*
 * The fixed words single rules below ask for at one place (before the
 * chain, after 内, at the head of a clause …), by class.  No word here is a
 * prefix or a suffix of another, so the longest match at a place is the
 * only one, and a test for a class is a test for its words.
 */
enum
{
	R_OP_TAIL = 1,				/* a one-character comparator (过 达 约) ends another word */
	R_BASIS,					/* 达到12000元的基础上: a level kept */
	R_FROM_DAY,					/* 作出之日起20个工作日内: a time limit per case */
	R_OWN_EVENT,				/* … unless counted from the plan's own 印发 / 施行 */
	R_USUALLY,					/* 时间一般为6个月: a rule for each case */
	R_TERM,						/* the duration nouns before 一般为 */
	R_REQUIRE,					/* 要求不得超过2年 */
	R_FUND,						/* 资助80名青年人才 */
	R_AND,						/* 以及: a chain goes on */
	R_HALF,						/* 一半 = 50% */
	R_PERIOD,					/* “十三五”期间: a plan period reported on */
	R_PERIOD_END				/* “十四五”期末 */
};

static const pd_word rule_words[] = {
	{"通过", R_OP_TAIL, 0}, {"经过", R_OP_TAIL, 0}, {"不过", R_OP_TAIL, 0}, {"度过", R_OP_TAIL, 0},
	{"越过", R_OP_TAIL, 0}, {"跨过", R_OP_TAIL, 0},
	{"到达", R_OP_TAIL, 0}, {"抵达", R_OP_TAIL, 0}, {"下达", R_OP_TAIL, 0}, {"发达", R_OP_TAIL, 0},
	{"表达", R_OP_TAIL, 0}, {"传达", R_OP_TAIL, 0}, {"送达", R_OP_TAIL, 0}, {"通达", R_OP_TAIL, 0},
	{"长达", R_OP_TAIL, 0},
	{"节约", R_OP_TAIL, 0}, {"制约", R_OP_TAIL, 0}, {"签约", R_OP_TAIL, 0},
	{"的基础", R_BASIS, 0},
	{"之日起", R_FROM_DAY, 0},
	{"印发", R_OWN_EVENT, 0}, {"发布", R_OWN_EVENT, 0}, {"施行", R_OWN_EVENT, 0}, {"实施", R_OWN_EVENT, 0},
	{"一般为", R_USUALLY, 0},
	{"时间", R_TERM, 0}, {"时限", R_TERM, 0}, {"期限", R_TERM, 0}, {"年限", R_TERM, 0},
	{"周期", R_TERM, 0}, {"时长", R_TERM, 0},
	{"要求", R_REQUIRE, 0},
	{"资助", R_FUND, 0},
	{"以及", R_AND, 0},
	{"一半", R_HALF, 0},
	{"时期", R_PERIOD, 0}, {"期间", R_PERIOD, 0}, {"以来", R_PERIOD, 0},
	{"期末", R_PERIOD_END, 0},
};

static pd_wordtab rule_tab = PD_WORDTAB(rule_words);

/* is the word at cps[i] (i < n) one of class cls? */
static inline bool
rule_at(const scanner *sc, int i, int cls)
{
	int			w = pd_word_at(&rule_tab, sc->cps, i, sc->n);

	return w >= 0 && rule_words[w].a == cls;
}

/* is the word ending just before cps[i], starting at or after from, one of class cls? */
static inline bool
rule_before(const scanner *sc, int from, int i, int cls)
{
	int			w = pd_word_before(&rule_tab, sc->cps, from, i);

	return w >= 0 && rule_words[w].a == cls;
}


/* ---- one candidate ---------------------------------------------------------- */

typedef struct cand
{
	int			num_s;			/* first code point of the number (or of 翻一番) */
	int			num_e;
	int			unit_s,
				unit_e;
	int			end;			/* after suffix and /年 */
	pd_tparts	parts;			/* words, number, suffix */
	bool		has_words;		/* a comparator or change word */
	bool		comparator;		/* a comparator proper (达到, 不低于, 以上 …) */
	int			chain_s;		/* where its words begin */
	int			grow_s,
				grow_e;
	int			dist;			/* 均 1, 分别 2 */
	int			shorten;		/* 缩短 压缩 降至 控制在: a time limit may be a target */
	bool		level_word;		/* 达到 提高到: a level is set (not 不超过, a limit) */
	bool		limit_word;		/* 不超过 不低于 不得超过: a bound set as a rule */
	bool		share_base;		/* 不少于本单位人员总数的5%: a share of a base */
	bool		only;			/* 只开设一个: only a count of things or people */
	const char *fixed_unit;		/* the unit a number word implies (一半: %), or NULL */
	int			split_s;		/* 压缩办理时间至3个工作日: the verb before the */
	int			split_e;		/* indicator, -1 when the verb is whole (压缩至) */
} cand;

/*
 * A change verb split by its object, 压缩办理时间至 / 提高覆盖率到: the verb
 * (2 characters) stands up to 12 characters before the 至 or 到 at `to`,
 * in the same clause, with a few characters and no number between.
 * Returns the whole word (压缩至, 提高到) and sets *vs, or -1.
 */
static int
split_level_word(const scanner *sc, int from, int to, int *vs)
{
	for (int v = to - 3; v >= from && v >= to - 14; v--)
	{
		uint32_t	word[3] = {sc->cps[v], sc->cps[v + 1], sc->cps[to]};
		int			w,
					cls;

		if (is_mark(sc->cps[v + 1]) || is_digit(sc->cps[v + 1]) || is_mark(sc->cps[v]))
			return -1;
		w = pd_prefix_word_at(word, 0, 3);
		if (w < 0 || pd_prefix_word_len(w) != 3)
			continue;
		cls = pd_prefix_word_class(w);
		if (cls != W_LEVEL_UP && cls != W_LEVEL_DOWN)
			continue;
		*vs = v;
		return w;
	}
	return -1;
}

/* 达到12000元的基础上: a level the plan keeps, not a qualifier (的) */
static bool
basis_follows(const scanner *sc, int i)
{
	return i + 3 < sc->n && rule_at(sc, i, R_BASIS);
}

/*
 * A duration that is a limit for every case without a comparator word:
 * 自执法决定作出之日起20个工作日内 (a time limit counted from each case's
 * own event; not from the plan's own 印发 / 施行, which is a deadline), and
 * 顶岗实习时间一般为6个月 (a duration noun set as a rule by 一般为).  Sets the comparator
 * of 内 (<=).
 */
static bool
time_limit(scanner *sc, cand *c)
{
	if (c->end < sc->n && sc->cps[c->end] == 0x5185 && c->parts.suffix_op < 0)	/* 内 */
	{
		/* 之日起 in the clause, after an event that is not the plan's own */
		for (int q = c->num_s - 3; q >= sc->clause_start; q--)
		{
			if (rule_at(sc, q, R_FROM_DAY))
			{
				for (int k = q - 1; k >= sc->clause_start && k >= q - 8; k--)
					if (rule_at(sc, k, R_OWN_EVENT))
						return false;
				c->parts.suffix_op = PD_OP_LE;
				c->end++;
				return true;
			}
		}
		return false;
	}
	/*
	 * 时间 时限 期限 年限 周期 时长, then 一般为: a rule for each case (not
	 * 合同周期为1年, which describes one)
	 */
	{
		int			q = c->num_s;

		if (q - 3 > sc->clause_start && rule_before(sc, q - 3, q, R_USUALLY))
		{
			q -= 3;
			if (q - 2 >= sc->clause_start)
				return rule_before(sc, q - 2, q, R_TERM);
		}
	}
	return false;
}

/*
 * A duration under a bound word (不超过 至少 不少于) that is a goal or a
 * rule for every case: an age (大于77.3岁), a procedure's time limit in
 * days or hours (审核时间不少于5个工作日, 最长不超过15个工作日), time each
 * year (每年至少1个月), or what may be required (缴纳年限要求不得超过2年).
 * A term of a policy or a loan (政策期限不超过5年, 贷款期限不超过3年) is a
 * parameter, not a target.
 */
static bool
bound_duration(const scanner *sc, const cand *c, const pd_target *t)
{
	uint32_t	last = c->unit_e > c->unit_s ? sc->cps[c->unit_e - 1] : 0;

	if (last == 0x5C81 || last == 0x65E5 || last == 0x5929 || last == 0x65F6 || last == 0x949F)	/* 岁 日 天 时 钟 */
		return true;
	if (t->per_year || c->parts.per_year || sc->annual_from <= c->num_s)
		return true;
	return c->chain_s - 2 >= sc->clause_start && rule_before(sc, c->chain_s - 2, c->chain_s, R_REQUIRE);
}

/*
 * 资助80名青年人才: a count of people or projects that the plan funds is an
 * output — 资助 right before the number; not 给予1个名额 (an allocation).
 */
static bool
funds_count(const scanner *sc, const cand *c)
{
	return c->chain_s - 2 >= sc->clause_start && c->chain_s == c->num_s &&
		rule_before(sc, c->chain_s - 2, c->chain_s, R_FUND) && sc->cap_pos < 0;
}

/*
 * 每个县建设1个, 每个地市至少建设一所: a quota for each unit, set by a goal
 * verb — an output per unit, not a cap (最多3个) or a subsidy in the same
 * clause (每家给予; a subsidy in the next clause is another matter:
 * 每个县建设1个中心，对…企业给予奖励).
 */
static bool
quota_each(scanner *sc)
{
	return sc->cps[sc->cap_pos] == 0x6BCF && sc->goal && !pd_ts_subsidy_in_clause(sc);	/* 每 */
}

/*
 * What the target commits the plan to (pd_goal_kind; a change is decided
 * where it is emitted): a negated bound (不超过 不低于) or a duration that
 * passed the checks (压缩至10个工作日内, 每年至少1个月; not an age) is a
 * limit set as a rule; a count, amount or length that a goal verb governs,
 * with no level word, is an output; anything else a level.
 */
static uint8_t
goal_kind_of(const scanner *sc, const cand *c, int dim, bool verb_governs)
{
	if (c->limit_word)
		return PD_GOAL_LIMIT;
	if (dim == PD_DIM_TIME &&
		!(c->unit_e == c->unit_s + 1 && sc->cps[c->unit_s] == 0x5C81))	/* 岁 */
		return PD_GOAL_LIMIT;
	if (!c->level_word && (sc->goal || verb_governs) &&
		dim != PD_DIM_PERCENT && dim != PD_DIM_POINTS && c->unit_e > c->unit_s)
		return PD_GOAL_OUTPUT;
	return PD_GOAL_LEVEL;
}

/*
 * 至少建设一所, 不少于…: a goal verb between a bound (至少, 不少于, 超过) and
 * the number at pos.  Returns where the verb starts, or -1.
 */
static int
bound_verb_before(const scanner *sc, int from, int pos)
{
	int			f = pd_word_before(&pd_ts_ctx_tab, sc->cps, from, pos),
				vpos,
				w;

	if (f < 0 || pd_ts_ctx_words[f].a != C_GOAL)
		return -1;
	vpos = pos - pd_word_len(&pd_ts_ctx_tab, f);
	w = pd_prefix_word_before(sc->cps, from, vpos);
	return w >= 0 && pd_prefix_word_class(w) == W_OP_HARD ? vpos : -1;
}

/*
 * 只开设一个, 仅保留1个, 只能设立1个: 只 or 仅 (只能, 仅能) and a verb of one
 * or two characters right before the number at pos.  Returns where 只 / 仅
 * stands, or -1.
 */
static int
only_before(const scanner *sc, int from, int pos)
{
	for (int q = pos - 2; q >= from && q >= pos - 4; q--)
	{
		uint32_t	c = sc->cps[q];

		if (!is_han(sc->cps[pos - 1]) || is_mark(c))
			return -1;
		if (c == 0x53EA || c == 0x4EC5)	/* 只 仅 */
		{
			int			v = q + 1;

			if (v < pos && sc->cps[v] == 0x80FD)	/* 能 */
				v++;
			return pos - v >= 1 && pos - v <= 2 && is_han(sc->cps[v]) ? q : -1;
		}
	}
	return -1;
}

/*
 * Read the words in front of the number backwards (达到, 稳定在, 年均增长, 均
 * 分别 …) and apply them in reading order.
 */
static void
read_words_before(scanner *sc, cand *c)
{
	int			words[6],
				wpos[6];
	int			nw = 0;
	int			pos = c->num_s;
	int			from = sc->clause_start;

	c->dist = 0;
	c->grow_s = c->grow_e = -1;
	c->share_base = false;
	c->only = false;
	while (pos > from && pd_is_space(sc->cps[pos - 1]))
		pos--;
	/*
	 * 不少于本单位执法人员总数的5%, 按不低于采购金额的30%: a comparator, the
	 * base the share is of and 的 before the number
	 */
	if (pos - 2 > from && sc->cps[pos - 1] == CP_DE)
	{
		for (int q = pos - 2; q > from && q >= pos - 1 - SHARE_BASE_MAX; q--)
		{
			int			w;

			if (is_mark(sc->cps[q - 1]) || is_digit(sc->cps[q - 1]))
				break;
			if ((w = pd_prefix_word_before(sc->cps, from, q)) >= 0 &&
				(pd_prefix_word_class(w) == W_OP_HARD || pd_prefix_word_class(w) == W_OP_SOFT))
			{
				c->share_base = true;
				pos = q;
				break;
			}
		}
	}
	while (pos > from && nw < 6)
	{
		int			w = pd_prefix_word_before(sc->cps, from, pos);
		int			f;

		if (w >= 0)
		{
			int			len = pd_prefix_word_len(w);

			if (len == 1 && pos - 1 > from && rule_before(sc, pos - 2, pos, R_OP_TAIL))
				break;
			words[nw] = w;
			wpos[nw] = pos - len;
			nw++;
			pos -= len;
			continue;
		}
		if ((f = pd_word_before(&filler_tab, sc->cps, from, pos)) >= 0)
		{
			if (filler_words[f].a)
				c->dist = filler_words[f].a;
			pos -= pd_word_len(&filler_tab, f);
			continue;
		}
		if (nw == 0 && (f = bound_verb_before(sc, from, pos)) >= 0)
		{
			pos = f;			/* the bound is read next */
			continue;
		}
		/* 分别比2020年下降: a base year (比/较YYYY年) between the words */
		if (pos - 6 >= from && sc->cps[pos - 1] == CP_NIAN && is_digit(sc->cps[pos - 2]) &&
			is_digit(sc->cps[pos - 5]) && (sc->cps[pos - 6] == 0x6BD4 || sc->cps[pos - 6] == 0x8F83))
		{
			pos -= 6;
			continue;
		}
		break;
	}
	c->split_s = c->split_e = -1;
	if (nw == 0 && pos - 1 > from && (sc->cps[pos - 1] == 0x81F3 || sc->cps[pos - 1] == 0x5230) &&
		!is_digit(sc->cps[pos - 2]))
	{
		int			vs,
					w = split_level_word(sc, from, pos - 1, &vs);

		if (w >= 0)
		{
			words[0] = w;
			wpos[0] = pos - 1;
			nw = 1;
			pos--;
			c->split_s = vs;
			c->split_e = vs + 2;
		}
	}
	c->chain_s = pos;
	c->has_words = false;
	c->comparator = false;
	c->level_word = false;
	c->limit_word = false;
	c->shorten = 0;
	if (nw == 0 && (pos = only_before(sc, from, c->chain_s)) >= 0)
	{
		/* 只开设一个, 仅保留1个: a ceiling the plan sets */
		pd_tparts_symbol(&c->parts, PD_OP_LE, 0, NULL);
		c->chain_s = pos;
		c->has_words = c->comparator = c->limit_word = c->only = true;
		return;
	}
	for (int k = nw - 1; k >= 0; k--)
	{
		int			cls = pd_prefix_word_class(words[k]);

		if (pd_tparts_word(&c->parts, words[k], 0, NULL) != PD_OK)
			continue;
		/* 不超过 不低于 不得超过: a negated bound is a rule's ceiling or floor */
		if (cls == W_OP_HARD && sc->cps[wpos[k]] == 0x4E0D)
			c->limit_word = true;
		if (cls != W_PER_YEAR)
			c->has_words = true;
		if (cls == W_OP_HARD || cls == W_OP_SOFT || cls == W_LEVEL_UP || cls == W_LEVEL_DOWN)
			c->comparator = true;
		if (cls == W_OP_SOFT || cls == W_LEVEL_UP || cls == W_LEVEL_DOWN)
			c->level_word = true;
		if (cls == W_LEVEL_DOWN || cls == W_GROWTH_DOWN ||
			(cls == W_OP_SOFT && pd_prefix_word_arg(words[k]) == PD_OP_LE))
			c->shorten = 1;
		if (cls == W_GROWTH_UP || cls == W_GROWTH_DOWN || cls == W_PER_YEAR)
		{
			/* 年均增长, 下降: kept in the indicator of a growth target */
			if (c->grow_s < 0)
				c->grow_s = wpos[k];
			c->grow_e = wpos[k] + pd_prefix_word_len(words[k]);
		}
	}
	if (!c->parts.word_sign)
		c->grow_s = c->grow_e = -1;
}

/* the second number of a range and its unit; returns the end or -1 */
static int
read_range_tail(scanner *sc, int j, pd_dec *hi, int *u2s, int *u2e)
{
	pd_status	st;
	int			k;

	if (j >= sc->n || !pd_is_range_sep(sc->cps[j]) || sc->cps[j] == 0x5230 /* 到 */ )
		return -1;
	j++;
	if (j < sc->n && sc->cps[j] == 0x2014)
		j++;
	if (j >= sc->n || !is_digit(sc->cps[j]))
		return -1;
	k = pd_read_arabic(sc->cps, j, sc->n, true, hi, &st);
	if (k == 0 || st != PD_OK)
		return -1;
	j += k;
	*u2s = j;
	*u2e = j + pd_read_text_unit(sc->cps, j, sc->n);
	return *u2e;
}

static bool
units_equal(scanner *sc, int a, int ae, int b, int be)
{
	return ae - a == be - b && memcmp(sc->cps + a, sc->cps + b, (ae - a) * sizeof(uint32_t)) == 0;
}

/* is the number at i a continuation of the previous target (和55%, 、12%)? */
static bool
continues_chain(scanner *sc, int chain_s)
{
	int			k = chain_s;

	if (sc->prev_end < 0 || sc->nchain == 0)
		return false;
	while (k > sc->prev_end && pd_is_space(sc->cps[k - 1]))
		k--;
	if (k - sc->prev_end == 1)
	{
		uint32_t	c = sc->cps[k - 1];

		return c == CP_DUN || c == 0x548C || c == 0x53CA || c == 0x4E0E || c == 0x6216;	/* 、和及与或 */
	}
	if (k - sc->prev_end == 2)
		return rule_before(sc, k - 2, k, R_AND);
	return false;
}

/*
 * 每年 holds in its own clause and in the clauses after it that carry on
 * its verbs (每年实施1000项…，引导推动2000家…); a clause with an indicator of
 * its own (…，城镇调查失业率控制在5.5%以内) is a new statement.
 */
static bool
annual_applies(scanner *sc, int pos, int chain_s, bool cont, bool no_subject)
{
	int			cs = sc->clause_start,
				ce = chain_s;

	if (sc->annual_from > pos)
		return false;
	if (sc->annual_from >= sc->clause_start || cont)
		return true;
	if (sc->annual_own_clause)
		return false;			/* 年均增长7%，新增1000家: the second is no yearly figure */
	/*
	 * a clause that opens with 累计 (cumulative) or a scope word (全省 …)
	 * starts a statement of its own
	 */
	cs = pd_ts_skip_marks(sc, cs, ce);
	if (cs < ce && pd_word_at(&annual_break_tab, sc->cps, cs, ce) >= 0)
		return false;
	if (no_subject)
		return true;
	pd_ts_clean_subject(sc, &cs, &ce);
	return pd_ts_starts_with_goal_verb(sc, cs, ce);
}

/*
 * Decide on and record a candidate whose number, unit and suffix are read.
 * Returns the index to continue from.
 */
static int
finish_candidate(scanner *sc, cand *c)
{
	pd_target	t;
	pending    *p;
	bool		cont;
	int			dim;
	uint32_t	next = c->end < sc->n ? sc->cps[c->end] : 0;
	int			subj_s,
				subj_e,
				verb_s = -1,
				sov_verb = -1;
	bool		verb_only = false;

	memset(&t, 0, offsetof(pd_target, unit));
	if (c->fixed_unit)
	{
		t.unit_len = (uint8_t) strlen(c->fixed_unit);
		memcpy(t.unit, c->fixed_unit, t.unit_len + 1);
		pd_unit_resolve(t.unit, t.unit_len, &t.u);
	}
	else if (!pd_target_set_unit(&t, sc->cps, c->unit_s, c->unit_e))
		return c->end;
	dim = t.u.dim;
	read_words_before(sc, c);
	if (c->share_base && dim != PD_DIM_PERCENT)
		return c->end;			/* only a share is of a base */
	if (c->only && dim != PD_DIM_COUNT && dim != PD_DIM_PERSONS)
		return c->end;			/* 只能由一方: not a count */
	cont = continues_chain(sc, c->chain_s);
	if (cont && !c->has_words && c->parts.suffix_op < 0)
	{
		/* 分别达到65%和55%: the comparator of the head holds */
		pd_tparts	h = sc->head_parts;

		h.v = c->parts.v;
		h.hi = c->parts.hi;
		h.range = c->parts.range;
		h.explicit_sign = c->parts.explicit_sign;
		h.suffix_op = c->parts.suffix_op;
		h.per_year |= c->parts.per_year;
		c->parts = h;
		c->has_words = true;
		c->comparator = true;
	}

	/* ---- what is not a target */
	if (sc->past || sc->past_from <= c->num_s)
	{
		if (sc->past_by_year)
		{
			/*
			 * 城镇化率2019年达到60%、2025年达到70%: a report, but its subject
			 * is the goal's after it
			 */
			int			s0 = sc->prev_end >= 0 ? sc->prev_end : sc->clause_start,
						e0 = c->chain_s;

			pd_ts_clean_subject(sc, &s0, &e0);
			if (s0 < e0)
			{
				sc->inh_s = s0;
				sc->inh_e = e0;
			}
			sc->prev_end = c->end;
		}
		return c->end;
	}
	/*
	 * 200亿元的软件产业集群, 1000万元及以上的项目: an amount that qualifies
	 * a noun; but a share of what a goal verb acts on is a goal
	 * (完成75%以上的确权登记, 50%的城市社区建成…)
	 */
	if (next == CP_DE &&
		!(dim == PD_DIM_PERCENT && (sc->goal || pd_ts_goal_verb_in_clause(sc, c->end + 1))) &&
		!(c->comparator && basis_follows(sc, c->end)))
		return c->end;
	/*
	 * 20户以上自然村, 3000人以下小城镇: a bound in another measure that
	 * qualifies the noun right after it, as 的 does above; a classifier's
	 * count is the noun's own (实施100个以上重点项目)
	 */
	if (c->end >= 2 && c->end < sc->n && sc->cps[c->end - 2] == 0x4EE5 &&	/* 以 */
		(sc->cps[c->end - 1] == 0x4E0A || sc->cps[c->end - 1] == 0x4E0B) &&	/* 上 下 */
		pd_is_han_bmp(next) && pd_word_at(&bound_next_tab, sc->cps, c->end, sc->n) < 0 &&
		!(c->unit_e > c->unit_s && pd_word_before(&classifier_tab, sc->cps, c->unit_s, c->unit_e) >= 0))
		return c->end;
	/* 50亿级项目: a magnitude that qualifies a noun (not 达到7000亿级。) */
	if (c->unit_e > c->unit_s && sc->cps[c->unit_e - 1] == 0x7EA7 && c->end == c->unit_e &&
		pd_is_han_bmp(next))
		return c->end;
	switch (dim)
	{
		case PD_DIM_TIME:
			/*
			 * durations are not goals (再延长30年, 15分钟生活圈, 经过5年左右努力)
			 * unless a comparator sets them: 人均预期寿命达到79岁, 压缩至5个工作日;
			 * an age takes any comparator (人均预期寿命大于77.3岁)
			 */
			if (!c->level_word && !c->shorten && !(c->comparator && bound_duration(sc, c, &t)) &&
				!time_limit(sc, c))
				return c->end;
			if (sc->subsidy)
				return c->end;	/* 贴息期不超过3年 */
			break;
		case PD_DIM_PERCENT:
		case PD_DIM_POINTS:
			if (!c->has_words && c->parts.suffix_op < 0 && !cont && !sc->achieve && next != CP_DE)
				return c->end;	/* 贴息40%, 占10%; not 50%的城市社区建成… (passed above) */
			if (sc->subsidy ||
				(sc->by_pos >= 0 && c->num_s - sc->by_pos <= BY_WINDOW && !c->limit_word))
				return c->end;	/* 按10%比例, 给予30%补助; not 按不低于…的30%预付 */
			break;
		case PD_DIM_COUNT:
		case PD_DIM_PERSONS:
			if (!c->has_words && c->parts.suffix_op < 0 && !sc->goal && !cont && !funds_count(sc, c) &&
				(sov_verb = pd_ts_goal_verb_after(sc, c->end)) < 0)
				return c->end;
			if ((sc->sub_clause && !funds_count(sc, c)) || (sc->cap_pos >= 0 && !quota_each(sc) && !c->only))
				return c->end;	/* 每家给予…, 最多3个; not 每个县建设1个, 资助80名 */
			if (!c->comparator)
			{
				int			w = pd_word_at(&admin_tab, sc->cps, c->end, sc->n);

				if (sc->desc)
					return c->end;	/* 围绕37条产业链和40个产业集群 */
				if (w >= 0)
				{
					int			after = c->end + pd_word_len(&admin_tab, w);

					/*
					 * 15个区县, 21项措施: places and parts of the plan; the short
					 * words (区 县 市 任务 工程) only when the word ends there
					 */
					if (!admin_words[w].a || after >= sc->n || !is_han(sc->cps[after]) ||
						sc->cps[after] == 0x548C || sc->cps[after] == 0x53CA)
						return c->end;
				}
			}
			break;
		case PD_DIM_NONE:
			if (c->unit_s == c->unit_e)
			{
				/* a bare number: only after a comparator, ending its clause (125左右) */
				if (!c->comparator)
					return c->end;
				if (c->parts.suffix_op < 0 && next != 0 && !is_clause_end(next) &&
					next != CP_DUN && next != 0x548C)
					return c->end;
				break;
			}
			/* FALLTHROUGH - 5亿 and 过千亿 are amounts */
		default:
			/* amounts: money, energy, length, data … and units outside the table */
			if (dim == PD_DIM_UNKNOWN && !c->has_words)
				return c->end;
			if (!c->has_words && c->parts.suffix_op < 0 && !sc->goal && !cont)
				return c->end;
			if (sc->subsidy || sc->cap_pos >= 0 ||
				(sc->by_pos >= 0 && c->num_s - sc->by_pos <= BY_WINDOW))
				return c->end;	/* 最高3000万元, 给予…奖励 */
			/* 投资1000万元以上项目: an attribute of what is counted */
			if (!c->comparator && is_han(next) && next != 0x548C && next != 0x53CA)
				return c->end;
			break;
	}

	/* ---- build it */
	if (pd_tparts_build(&c->parts, &t, NULL) != PD_OK)
		return c->end;
	if (!cont || sc->nchain == CHAIN_MAX)
	{
		pd_ts_flush_chain(sc);
		sc->head_parts = c->parts;
	}

	/* subject: from the clause start or after the previous target */
	subj_s = sc->clause_start;
	if (sc->prev_end >= 0)
		subj_s = sc->prev_object_style ? c->chain_s : sc->prev_end;
	if (c->chain_s - subj_s > CLAUSE_LOOK)
		subj_s = c->chain_s - CLAUSE_LOOK;
	subj_e = c->chain_s;
	if (c->split_e >= 0 && subj_s < c->split_e)
		subj_s = c->split_e;	/* the indicator is the verb's object */
	if (cont)
		subj_s = subj_e;
	pd_ts_clean_subject(sc, &subj_s, &subj_e);
	/* a long subject keeps its end, where the head noun is */
	if (subj_e - subj_s > PD_INDICATOR_MAX_CHARS)
		subj_s = subj_e - PD_INDICATOR_MAX_CHARS;
	if (subj_s < subj_e)
		verb_only = pd_ts_goal_verbs_only(sc, subj_s, subj_e, &verb_s);

	/*
	 * 每年 holds in its own clause and in the clauses after it that carry on
	 * its verbs (每年实施1000项…，引导推动2000家…); a clause with an
	 * indicator of its own (…，城镇调查失业率控制在5.5%以内) is a new statement.
	 */
	if (!t.per_year && annual_applies(sc, c->num_s, c->chain_s, cont, subj_s == subj_e || verb_only))
		t.per_year = true;

	p = &sc->chain[sc->nchain++];
	memset(&p->hit, 0, offsetof(pd_target_hit, indicator));
	p->hit.target = t;
	p->hit.year = sc->year;
	p->hit.period = t.per_year ? PD_PERIOD_ANNUAL : sc->year ? PD_PERIOD_BY_YEAR : PD_PERIOD_NONE;
	p->hit.aspirational = sc->aspire_from <= c->num_s;
	p->hit.goal_kind = goal_kind_of(sc, c, dim, verb_only || verb_s >= 0 || sov_verb >= 0 ||
									((dim == PD_DIM_COUNT || dim == PD_DIM_PERSONS) && funds_count(sc, c)));
	p->subj_s = subj_s;
	p->subj_e = subj_e;
	p->verb_only = verb_only;
	p->verb_s = verb_only ? -1 : verb_s;
	p->grow_s = c->grow_s;
	p->grow_e = c->grow_e;
	if (cont && sc->nchain > 1 && p->grow_s < 0)
	{
		/* 分别下降13.5%、18%: the change words are the head's */
		p->grow_s = sc->chain[0].grow_s;
		p->grow_e = sc->chain[0].grow_e;
	}
	p->dist = c->dist;
	pd_ts_find_object(sc, c->end, &p->obj_s, &p->obj_e);
	p->verb_after = sov_verb >= 0;
	if (sov_verb >= 0)
	{
		/* 100个示范社区全面建成: the object ends before its adverbs and verb */
		int			w;

		if (p->obj_e > sov_verb)
			p->obj_e = sov_verb;
		for (;;)
		{
			if ((w = pd_word_before(&pd_ts_lead_tab, sc->cps, p->obj_s, p->obj_e)) >= 0)
				p->obj_e -= pd_word_len(&pd_ts_lead_tab, w);
			else if ((w = pd_word_before(&adverb_tab, sc->cps, p->obj_s, p->obj_e)) >= 0)
				p->obj_e -= pd_word_len(&adverb_tab, w);
			else
				break;
			if (p->obj_e <= p->obj_s)
				break;
		}
	}
	{
		int			rs = subj_s < subj_e ? subj_s : c->chain_s;

		if (c->split_s >= 0 && c->split_s < rs)
			rs = c->split_s;

		p->hit.raw_start = sc->off[rs];
		p->hit.raw_end = sc->off[c->end];
	}
	if (subj_s < subj_e && !verb_only && verb_s < 0)
	{
		sc->inh_s = subj_s;
		sc->inh_e = subj_e;
	}
	sc->prev_end = c->end;
	sc->prev_object_style = (verb_only || verb_s >= 0 || subj_s == subj_e) && p->obj_s < p->obj_e;
	return c->end;
}

/* unit, /年 and suffix after a number ending at j */
static void
read_after_number(scanner *sc, cand *c, int j)
{
	int			op,
				k;

	c->unit_s = j;
	c->unit_e = j + pd_read_text_unit(sc->cps, j, sc->n);
	j = c->unit_e;
	for (int round = 0; round < 2; round++)
	{
		if (j + 1 < sc->n && sc->cps[j] == '/' && sc->cps[j + 1] == CP_NIAN)
		{
			c->parts.per_year = true;
			j += 2;
		}
		else if (c->parts.suffix_op < 0 && (k = pd_suffix_at(sc->cps, j, sc->n, &op)) > 0)
		{
			c->parts.suffix_op = op;
			j += k;
		}
	}
	c->end = j;
}

/* the document's own year (pd_doc_own_year), asked once; 0 when unknown */
int
pd_ts_doc_year(scanner *sc)
{
	if (sc->doc_year < 0)
		sc->doc_year = sc->doc_year_fn ? sc->doc_year_fn(sc->doc_year_ctx) : 0;
	return sc->doc_year;
}

/* 6月底前, 12月前, 9月底, 3月末 at i: a month that ends a deadline */
static bool
month_deadline_at(scanner *sc, int i)
{
	int			k = i;

	while (k < sc->n && k - i < 2 && is_digit(sc->cps[k]))
		k++;
	if (k == i || k >= sc->n || sc->cps[k] != 0x6708)	/* 月 */
		return false;
	k++;
	return k < sc->n && (sc->cps[k] == 0x5E95 || sc->cps[k] == 0x524D || sc->cps[k] == 0x672B);	/* 底 前 末 */
}

/* does the sentence aim (力争, 争取) after i? */
static bool
aspires_after(scanner *sc, int i)
{
	for (int k = i; k < sc->n; k++)
	{
		int			w = pd_word_at(&pd_ts_ctx_tab, sc->cps, k, sc->n);

		if (w >= 0 && pd_ts_ctx_words[w].a == C_ASPIRE)
			return true;
	}
	return false;
}

/* does a comparator or level verb (达到, 控制在, 突破, 提高到 …) start at i? */
static bool
verb_follows(scanner *sc, int i)
{
	int			w = i < sc->n ? pd_prefix_word_at(sc->cps, i, sc->n) : -1;
	int			cls = w >= 0 ? pd_prefix_word_class(w) : -1;

	return cls == W_OP_HARD || cls == W_OP_SOFT || cls == W_LEVEL_UP || cls == W_LEVEL_DOWN;
}

/* a year at cps[i..j) followed by 年 at j */
static int
handle_year(scanner *sc, int i, int j, int year)
{
	int			b = i,
				w,
				kind = 0,
				after = 0;

	while (b > 0 && (pd_is_space(sc->cps[b - 1]) || sc->cps[b - 1] == 0x201C))
		b--;
	if ((w = pd_word_before(&pd_ts_before_tab, sc->cps, 0, b)) >= 0)
		kind = pd_ts_before_words[w].a;
	if ((w = pd_word_at(&after_year_tab, sc->cps, j + 1, sc->n)) >= 0)
		after = after_year_words[w].a;
	else if (month_deadline_at(sc, j + 1))
		after = A_DEADLINE;		/* 2024年6月底前 */
	if (after == A_FROM && pd_ts_doc_year(sc) > 0 && year >= pd_ts_doc_year(sc))
	{
		/* 自2025年起，每年新增…: from a year still ahead, the goals hold */
	}
	else if (kind == B_YEAR_PAST || after == A_SINCE || after == A_FROM)
	{
		if (sc->past_from > i)
			sc->past_from = i;
	}
	else if (kind == B_YEAR_TO || after == A_DEADLINE)
		sc->year = year;
	else if (kind != B_YEAR_BASE && pd_ts_at_sentence_head(sc, i) && after != A_END)
	{
		/*
		 * 2020年，全市…: a statement about that year, not a goal, unless the
		 * year is not before the document's own: 2022年，全市新建5G基站2600个以上
		 * in a plan for 2022—2024 (or a 2026 work report's 2026年，…) is the
		 * goal of that year.
		 */
		int			own = pd_ts_doc_year(sc);

		if ((own > 0 && year >= own) || (own == 0 && aspires_after(sc, j + 1)))
			sc->year = year;	/* undated: 2023年，争取…增长10%以上 still aims */
		else if (sc->past_from > i)
			sc->past_from = i;
	}
	else if (kind != B_YEAR_BASE && pd_ts_at_sentence_head(sc, i) && after == A_END)
	{
		/* 2025年底，…: a deadline at the head of the sentence; 2022年末，… before the document's own: a report */
		int			own = pd_ts_doc_year(sc);

		if (own > 0 && year < own)
		{
			if (sc->past_from > i)
				sc->past_from = i;
		}
		else
			sc->year = year;
	}
	else if (kind != B_YEAR_BASE && after == 0 && verb_follows(sc, j + 1))
	{
		/*
		 * 城镇化率2025年达到70%、2030年达到75%: a year just before the verb
		 * is that goal's year (a report when before the document's own)
		 */
		int			own = pd_ts_doc_year(sc);

		if (own > 0 && year < own)
		{
			sc->past = sc->past_by_year = true; /* this clause only */
			return j + 1;
		}
		if (sc->past_by_year)
			sc->past = sc->past_by_year = false;	/* 2019年达到60%、2025年达到70% */
		if (!sc->clause_year)
		{
			sc->outer_year = sc->year;
			sc->clause_year = true;
		}
		sc->year = year;		/* until the clause ends */
	}
	return j + 1;
}

/* an Arabic number at i */
int
pd_ts_arabic_candidate(scanner *sc, int i)
{
	pd_status	st;
	cand		c;
	int			k,
				j,
				w;

	pd_tparts_init(&c.parts);
	c.fixed_unit = NULL;
	k = pd_read_arabic(sc->cps, i, sc->n, true, &c.parts.v, &st);
	j = i + k;
	if (st != PD_OK)
		return j;
	/* 4.2018年: an item number run into a year */
	if (j < sc->n && sc->cps[j] == CP_NIAN && c.parts.v.exp > 0)
	{
		int			dot = i;

		while (dot < j && sc->cps[dot] != '.')
			dot++;
		if (j - dot == 5 && sc->cps[dot + 1] != '0')
		{
			int			y = 0;

			for (int q = dot + 1; q < j; q++)
				y = y * 10 + (int) (sc->cps[q] - '0');
			if (y >= 1900 && y <= 2199)
				return handle_year(sc, dot + 1, j, y);
		}
	}
	/* years, plan periods, dates */
	if (k == 4 && c.parts.v.exp == 0 && c.parts.v.mant >= 1900 && c.parts.v.mant <= 2199)
	{
		if (j < sc->n && sc->cps[j] == CP_NIAN)
			return handle_year(sc, i, j, (int) c.parts.v.mant);
		if (j + 5 < sc->n && pd_is_range_sep(sc->cps[j]))
		{
			/* 2021—2023年, 2021-2023 */
			int			q = j + 1;

			if (sc->cps[q] == 0x2014)
				q++;
			while (q < sc->n && is_digit(sc->cps[q]))
				q++;
			if (q - j >= 5)
				return (q < sc->n && sc->cps[q] == CP_NIAN) ? q + 1 : q;
		}
		if (j < sc->n && (sc->cps[j] == '-' || sc->cps[j] == '.' || sc->cps[j] == '/' ||
						  sc->cps[j] == CP_YUE))
			return j;
	}
	if (j < sc->n && sc->cps[j] == CP_YUE)
		return j + 1;			/* 3月 */
	/* serials, ranks, references: A3, 第3, 前10, 专栏1 */
	if (i > 0 && (is_ascii_letter(sc->cps[i - 1]) || sc->cps[i - 1] == '.' ||
				  sc->cps[i - 1] == '-' || sc->cps[i - 1] == '/'))
		return j;
	if ((w = pd_word_before(&pd_ts_before_tab, sc->cps, sc->clause_start, i)) >= 0 &&
		(pd_ts_before_words[w].a == B_RANK || pd_ts_before_words[w].a == B_REF))
		return j;
	c.num_s = i;
	c.num_e = j;
	/* a range: 2—3个, 3-5家, 10%—15%, 3万—5万人 */
	{
		int			u1 = j + pd_read_text_unit(sc->cps, j, sc->n);
		pd_dec		hi;
		int			u2s,
					u2e;
		int			e = read_range_tail(sc, u1, &hi, &u2s, &u2e);

		if (e >= 0 && (u1 == j || units_equal(sc, j, u1, u2s, u2e) ||
					   (u2e - u2s > u1 - j && units_equal(sc, j, u1, u2s, u2s + (u1 - j)))))
		{
			c.parts.hi = hi;
			c.parts.range = true;
			read_after_number(sc, &c, u2s);
			if (pd_dec_cmp(c.parts.v, hi) > 0)
				return c.end;
			goto decided;
		}
	}
	read_after_number(sc, &c, j);
decided:
	/* 5G, 1+N+X, 4K: a number run into letters or operators is a name */
	if (c.unit_s == c.unit_e && c.end < sc->n &&
		(is_ascii_letter(sc->cps[c.end]) || sc->cps[c.end] == '+' || sc->cps[c.end] == '*' ||
		 sc->cps[c.end] == 0x00D7))
	{
		int			q = c.end;

		while (q < sc->n && (is_ascii_letter(sc->cps[q]) || is_digit(sc->cps[q])))
			q++;
		return q;
	}
	/* 5大领域, 100多家 */
	if (c.unit_s == c.unit_e && c.end < sc->n &&
		(sc->cps[c.end] == 0x5927 || sc->cps[c.end] == 0x591A))
		return c.end;
	return finish_candidate(sc, &c);
}

/* a Chinese numeral (or a bare 万 / 亿) right after a comparator: 过千亿, 达到万亿级 */
int
pd_ts_chinese_candidate(scanner *sc, int i)
{
	cand		c;
	int			w = pd_prefix_word_before(sc->cps, sc->clause_start, i);
	int			k,
				cls;
	/* 至少建设一所, 只开设一个: a bound on a small count the plan sets */
	bool		bound = w < 0 && (bound_verb_before(sc, sc->clause_start, i) >= 0 ||
								  only_before(sc, sc->clause_start, i) >= 0);

	if (w < 0 && !bound)
		return i;
	if (w >= 0)
	{
		cls = pd_prefix_word_class(w);
		if (cls == W_PER_YEAR || cls == W_DOUBLE)
			return i;
		if (pd_prefix_word_len(w) == 1 && i - 1 > sc->clause_start &&
			rule_before(sc, i - 2, i, R_OP_TAIL))
			return i;
	}
	pd_tparts_init(&c.parts);
	c.fixed_unit = NULL;
	if (sc->cps[i] == CP_WAN || sc->cps[i] == CP_YI)
	{
		c.parts.v = (pd_dec) {1, 0};
		k = 0;
	}
	else if ((k = pd_read_chinese(sc->cps, i, sc->n, &c.parts.v)) == 0)
		return i;
	c.num_s = i;
	c.num_e = i + k;
	read_after_number(sc, &c, i + k);
	if (c.unit_s == c.unit_e)
		return i;				/* 达到一流, 提高一倍 */
	/*
	 * 实现一次委托, 形成一批: small Chinese numbers before a measure word are
	 * phrases; only magnitudes (过千亿, 突破百万人) and shares (提高两个百分点)
	 */
	if (c.parts.v.mant < 10 && pd_multiplier_pow10(sc->cps[c.unit_s]) == 0 && !bound)
	{
		pd_measure		u;
		char		ubuf[PD_TARGET_UNIT_MAX + 1];
		size_t		ulen = pd_cps_to_utf8(sc->cps, c.unit_s, c.unit_e, ubuf, sizeof ubuf);

		pd_unit_resolve(ubuf, ulen, &u);
		if (u.dim != PD_DIM_PERCENT && u.dim != PD_DIM_POINTS)
			return i;
	}
	return finish_candidate(sc, &c);
}

/*
 * Fraction words are shares: 一半 = 50%, 三分之一 = 33.33% (the guide's
 * rounding: two decimals).  They stand where a number would (占总课时一半以上,
 * 超过三分之一) and pass the same checks as a printed percentage.
 */
int
pd_ts_fraction_candidate(scanner *sc, int i)
{
	cand		c;
	int			k;

	pd_tparts_init(&c.parts);
	c.fixed_unit = "%";
	c.num_s = i;
	if (rule_at(sc, i, R_HALF))
	{
		c.parts.v = (pd_dec) {50, 0};
		c.num_e = i + 2;
	}
	else
	{
		pd_dec		den,
					num;
		int			kd = pd_read_chinese(sc->cps, i, sc->n, &den),
					kn;

		if (kd == 0 || i + kd + 2 >= sc->n || sc->cps[i + kd] != 0x5206 || sc->cps[i + kd + 1] != 0x4E4B ||	/* 分之 */
			(kn = pd_read_chinese(sc->cps, i + kd + 2, sc->n, &num)) == 0 ||
			den.exp != 0 || num.exp != 0 || den.mant <= 0 || num.mant <= 0 || num.mant > den.mant ||
			den.mant > 1000)
			return i;
		/* 100 * num / den, rounded to two decimals */
		c.parts.v = pd_dec_norm((pd_dec) {(num.mant * 100000 / den.mant + 5) / 10, 2});
		c.num_e = i + kd + 2 + kn;
	}
	k = c.num_e;
	read_after_number(sc, &c, k);
	c.unit_s = c.unit_e = k;	/* the unit is the fraction's own */
	return finish_candidate(sc, &c);
}

/* 翻一番 / 翻两番 */
int
pd_ts_doubling_candidate(scanner *sc, int i, int w)
{
	cand		c;
	int			op,
				k;

	pd_tparts_init(&c.parts);
	c.num_s = i;
	c.num_e = i + pd_prefix_word_len(w);
	c.unit_s = c.unit_e = c.num_e;
	c.end = c.num_e;
	if ((k = pd_suffix_at(sc->cps, c.end, sc->n, &op)) > 0)
	{
		c.parts.suffix_op = op;
		c.end += k;
	}
	pd_tparts_word(&c.parts, w, 0, NULL);
	{
		/* the unit of a doubling is % (翻一番 = +100%) */
		pd_target	t;
		pending    *p;
		int			end = c.end;
		int			subj_s = sc->prev_end >= 0 ? sc->prev_end : sc->clause_start,
					subj_e = i,
					verb_s;

		if (sc->past || sc->past_from <= i)
			return end;
		memset(&t, 0, offsetof(pd_target, unit));
		memcpy(t.unit, "%", 2);
		t.unit_len = 1;
		pd_unit_resolve(t.unit, 1, &t.u);
		pd_ts_clean_subject(sc, &subj_s, &subj_e);
		if (annual_applies(sc, i, i, false, subj_s == subj_e))
			c.parts.per_year = true;
		if (pd_tparts_build(&c.parts, &t, NULL) != PD_OK)
			return end;
		pd_ts_flush_chain(sc);
		sc->head_parts = c.parts;
		p = &sc->chain[sc->nchain++];
		memset(&p->hit, 0, offsetof(pd_target_hit, indicator));
		p->hit.target = t;
		p->hit.year = sc->year;
		p->hit.period = t.per_year ? PD_PERIOD_ANNUAL : sc->year ? PD_PERIOD_BY_YEAR : PD_PERIOD_NONE;
		p->hit.aspirational = sc->aspire_from <= i;
		p->subj_s = subj_s;
		p->subj_e = subj_e;
		p->verb_only = subj_s < subj_e && pd_ts_goal_verbs_only(sc, subj_s, subj_e, &verb_s);
		p->verb_s = -1;
		p->verb_after = false;
		p->grow_s = p->grow_e = -1;
		p->obj_s = p->obj_e = end;
		p->dist = 0;
		p->hit.raw_start = sc->off[subj_s < subj_e ? subj_s : i];
		p->hit.raw_end = sc->off[end];
		sc->prev_end = end;
		sc->prev_object_style = false;
		return end;
	}
}

/* 到“十四五”末: the last year of a five-year plan */
int
pd_ts_five_year_plan(scanner *sc, int i)
{
	int			k = i,
				b = i,
				num,
				len;

	/* 十三五 十四五 十五五 十六五 */
	num = pd_five_year_plan(sc->cps + k, sc->n - k, &len);
	if (num == 0 || len != 3)
		return i;
	k += len;
	if (k < sc->n && sc->cps[k] == 0x201D)
		k++;
	while (b > 0 && (sc->cps[b - 1] == 0x201C || pd_is_space(sc->cps[b - 1])))
		b--;
	if (k + 1 < sc->n &&
		pd_ts_at_sentence_head(sc, (b > 0 && sc->cps[b - 1] == 0x5728) ? b - 1 : b) &&	/* 在 */
		rule_at(sc, k, R_PERIOD) &&
		pd_ts_doc_year(sc) > PD_FYP_LAST_YEAR(num))
	{
		/* “十三五”期间，… in a document of 2021: a report on a finished plan */
		if (sc->past_from > i)
			sc->past_from = i;
		return k + 2;
	}
	if (!(k < sc->n && (sc->cps[k] == 0x672B /* 末 */ || rule_at(sc, k, R_PERIOD_END))))
		return i;
	if (b > 0 && (sc->cps[b - 1] == 0x5230 || sc->cps[b - 1] == 0x81F3))
		sc->year = PD_FYP_LAST_YEAR(num);
	return k;
}
