/*
 * deadlines.c — the deadlines a plan's tasks state (pd_deadline.h).
 * Backend-free.
 *
 * Owns: the walk over a document's items and sentences (with a byte-level
 * fast path), deciding which of the dates deadline_dates.c reads are
 * deadlines of the item that prints them, recurring (每年) and standing
 * (长期坚持) deadlines, labels (完成时限：), the deadline cells of
 * task-division tables, the document's year, and inheritance from parent
 * items.
 *
 * What is not a deadline: a year alone (2023年已完成…, 2025年城镇化率…),
 * a year after 截至/截止 or before 以来, one before the document's own year,
 * a year in a cited title (《…（2021—2025年）》), the preamble (the plan's own
 * period in its title), and a governing year whose sentence states a
 * quantitative target (到2025年，城镇化率达到76%: the target's year, which
 * plan_targets gives; the target scanner decides, so both agree).
 *
 * Must not: decide what a target is (targets_scan.c), read table layouts
 * itself (table.c), or keep its own word matcher (the lexicon engine).
 */
#include "pd_deadline_int.h"
#include "pd_scan.h"
#include "pd_target.h"
#include "pd_docno.h"

#include <string.h>

/* ---- word tables ------------------------------------------------------------ */

/* before a date: what makes it no deadline, or a governing year */
enum
{
	B_PAST = 1,					/* 截至 截止: the present described */
	B_TO,						/* 到 至: a governing year (checked against targets) */
	B_AT						/* 于 在 力争 确保: a weak date still counts */
};

static const pd_word before_words[] = {
	{"截至", B_PAST, 0}, {"截止", B_PAST, 0}, {"截止到", B_PAST, 0}, {"截至到", B_PAST, 0},
	{"截止至", B_PAST, 0}, {"比", B_PAST, 0}, {"较", B_PAST, 0}, {"相比", B_PAST, 0},
	{"到", B_TO, 0}, {"至", B_TO, 0}, {"到了", B_TO, 0},
	{"于", B_AT, 0}, {"在", B_AT, 0}, {"力争", B_AT, 0}, {"争取", B_AT, 0}, {"确保", B_AT, 0},
	{"计划", B_AT, 0}, {"预计", B_AT, 0}, {"将于", B_AT, 0}, {"并于", B_AT, 0},
};

/* recurring deadlines after 每 (the 每 included) */
static const pd_word annual_words[] = {
	{"每年", 0, 0}, {"每年度", 0, 0}, {"每半年", 0, 0}, {"每季度", 0, 0}, {"每个季度", 0, 0},
	{"每季", 0, 0}, {"每月", 0, 0}, {"每个月", 0, 0},
	/* 按季度报送, 按月通报: a cycle without 每 (only with a verb of a recurring task after it) */
	{"按季度", 1, 0}, {"按季", 1, 0}, {"按月", 1, 0}, {"按月度", 1, 0}, {"按年度", 1, 0}, {"按半年", 1, 0},
};

/* standing tasks */
static const pd_word ongoing_words[] = {
	{"长期坚持", 1, 0}, {"长期推进", 1, 0}, {"长期实施", 1, 0}, {"长期开展", 1, 0}, {"长期", 0, 0},
	{"持续推进", 1, 0}, {"持续开展", 1, 0}, {"持续实施", 1, 0}, {"持续进行", 1, 0}, {"持续", 0, 0},
	{"常态化推进", 1, 0}, {"常态化开展", 1, 0}, {"常态化", 0, 0}, {"常年", 0, 0},
};

/*
 * what a recurring cycle is for: 每年召开两次会议, 每半年报送一次, 于每年
 * 1月31日前公开 (每月1000元, 每年可实现效益 are amounts, not deadlines)
 */
static const pd_word recurring_verb_words[] = {
	{"开展", 0, 0}, {"召开", 0, 0}, {"举办", 0, 0}, {"举行", 0, 0}, {"组织", 0, 0}, {"报送", 0, 0},
	{"上报", 0, 0}, {"报告", 0, 0}, {"提交", 0, 0}, {"发布", 0, 0}, {"公布", 0, 0}, {"公开", 0, 0},
	{"通报", 0, 0}, {"调整", 0, 0}, {"更新", 0, 0}, {"评估", 0, 0}, {"考核", 0, 0}, {"检查", 0, 0},
	{"督查", 0, 0}, {"督导", 0, 0}, {"进行", 0, 0}, {"修订", 0, 0}, {"编制", 0, 0}, {"汇总", 0, 0},
	{"核查", 0, 0}, {"抽查", 0, 0}, {"总结", 0, 0}, {"会商", 0, 0}, {"向", 0, 0}, {"听取", 0, 0},
	{"研究", 0, 0}, {"部署", 0, 0}, {"复核", 0, 0}, {"报", 0, 0}, {"监测", 0, 0}, {"评价", 0, 0},
	{"体检", 0, 0}, {"培训", 0, 0}, {"普查", 0, 0}, {"排查", 0, 0},
};

/* after a start date: a document taking effect, not a task (本办法自2019年1月1日起施行) */
static const pd_word effect_words[] = {
	{"施行", 0, 0}, {"生效", 0, 0}, {"起施行", 0, 0}, {"执行", 0, 0},
};

/* labels whose text is a deadline (完成时限：…) */
static const pd_word label_words[] = {
	{"完成时限", 0, 0}, {"时限", 0, 0}, {"完成时间", 0, 0}, {"时间节点", 0, 0}, {"进度安排", 0, 0},
	{"时间安排", 0, 0}, {"完成期限", 0, 0}, {"期限", 0, 0}, {"时限要求", 0, 0}, {"办结时限", 0, 0},
	{"截止时间", 0, 0}, {"推进时限", 0, 0}, {"时间要求", 0, 0}, {"进度要求", 0, 0},
	{"完成时间节点", 0, 0}, {"完成节点", 0, 0}, {"时序进度", 0, 0}, {"实施期限", 0, 0},
	{"实施时间", 0, 0}, {"完成年限", 0, 0},
};

/* header cells of a task-division table's deadline column contain one of these */
static const pd_word column_words[] = {
	{"时限", 0, 0}, {"时间", 0, 0}, {"期限", 0, 0}, {"节点", 0, 0}, {"进度", 0, 0}, {"时序", 0, 0},
	{"年限", 0, 0},
};

static pd_wordtab before_tab = PD_WORDTAB(before_words);
static pd_wordtab annual_tab = PD_WORDTAB(annual_words);
static pd_wordtab ongoing_tab = PD_WORDTAB(ongoing_words);
static pd_wordtab label_tab = PD_WORDTAB(label_words);
static pd_wordtab column_tab = PD_WORDTAB(column_words);
static pd_wordtab recurring_verb_tab = PD_WORDTAB(recurring_verb_words);
static pd_wordtab effect_tab = PD_WORDTAB(effect_words);

bool
pd_deadlines_selfcheck(void)
{
	pd_wordtab *tabs[] = {&before_tab, &annual_tab, &ongoing_tab, &label_tab, &column_tab,
	&recurring_verb_tab, &effect_tab};

	for (size_t k = 0; k < sizeof tabs / sizeof tabs[0]; k++)
		if (pd_wordtab_check(tabs[k]) >= 0)
			return false;
	return pd_dl_dates_selfcheck();
}

const char *
pd_deadline_kind_name(pd_deadline_kind kind)
{
	switch (kind)
	{
		case PD_DL_BY:
			return "by";
		case PD_DL_DURING:
			return "during";
		case PD_DL_FROM:
			return "from";
		case PD_DL_ANNUAL:
			return "annual";
		case PD_DL_ONGOING:
			return "ongoing";
	}
	return "by";
}

/* ---- the scanner ---------------------------------------------------------------- */


void
pd_dl_load_years(dscan *sc)
{
	if (sc->years_known)
		return;
	sc->years_known = true;
	if (sc->doc == NULL)
		return;
	if (!sc->opts || !sc->opts->have_metadata)
	{
		pd_segment_opts so = {sc->mem, sc->opts ? sc->opts->interrupt : NULL,
		sc->opts ? sc->opts->interrupt_ctx : NULL};

		if (pd_doc_metadata(sc->doc, &so, NULL) != PD_OK)
		{
			sc->status = pd_fail(sc->err, PD_ECANCEL, 0, "Reading deadlines was cancelled.");
			return;
		}
	}
	sc->year = pd_doc_deadline_year(sc->doc);
	sc->own_year = pd_doc_own_year(sc->doc);
}

int
pd_dl_year(dscan *sc)
{
	pd_dl_load_years(sc);
	return sc->year;
}

static int
own_year_fn(void *ctx)
{
	dscan	   *sc = ctx;

	pd_dl_load_years(sc);
	return sc->own_year ? sc->own_year : sc->year;
}

static bool
stop_at_target(void *ctx, const pd_target_hit *hit)
{
	(void) hit;
	*(bool *) ctx = true;
	return false;
}

/* does the sentence state a quantitative target?  (the target scanner decides) */
static bool
sentence_has_target(dscan *sc)
{
	if (sc->has_target < 0)
	{
		bool		found = false;
		pd_tscan_opts to = {0, NULL, NULL, own_year_fn, sc};

		(void) pd_targets_scan(sc->text + sc->off[0], sc->off[sc->n] - sc->off[0], &to,
							   stop_at_target, &found, NULL, NULL);
		sc->has_target = found;
	}
	return sc->has_target > 0;
}

static bool
add_row(dscan *sc, pd_deadline_kind kind, int32_t lo, int32_t hi, size_t rs, size_t re)
{
	pd_deadline *r;

	if (sc->nrows == sc->cap)
	{
		int			ncap = sc->cap ? sc->cap * 2 : 32;
		pd_deadline *nr = sc->mem->alloc(sc->mem->ctx, (size_t) ncap * sizeof(pd_deadline));

		if (nr == NULL)
		{
			sc->status = pd_fail(sc->err, PD_ENOMEM, 0, "Out of memory reading deadlines.");
			return false;
		}
		if (sc->nrows)
			memcpy(nr, sc->rows, (size_t) sc->nrows * sizeof(pd_deadline));
		if (sc->rows && sc->mem->release)
			sc->mem->release(sc->mem->ctx, sc->rows);
		sc->rows = nr;
		sc->cap = ncap;
	}
	r = &sc->rows[sc->nrows++];
	r->item = sc->item;
	r->kind = kind;
	r->lo = lo;
	r->hi = hi;
	r->inherited = false;
	r->raw_start = rs;
	r->raw_end = re;
	return true;
}

/* is cps[i] preceded (past spaces and marks) by the start of a clause? */
static bool
clause_start_before(const dscan *sc, int i)
{
	while (i > 0 && (pd_is_space(sc->cps[i - 1]) || sc->cps[i - 1] == '*'))
		i--;
	if (i == 0)
		return true;
	switch (sc->cps[i - 1])
	{
		case ',':
		case ':':
		case ';':
		case '(':
		case 0x3001:			/* 、 */
		case 0x3002:			/* 。 */
		case 0x3010:			/* 【 */
		case '[':
		case '|':
		case '\t':
			return true;
	}
	return false;
}

/* an ongoing word's clause of its own: （长期坚持）, …，持续推进。 — not 全覆盖、常态化 */
static bool
ongoing_clause_start(const dscan *sc, int i)
{
	while (i > 0 && pd_is_space(sc->cps[i - 1]))
		i--;
	return i == 0 || sc->cps[i - 1] == ',' || sc->cps[i - 1] == '(' || sc->cps[i - 1] == ':' ||
		sc->cps[i - 1] == ';' || sc->cps[i - 1] == 0x3002;
}

static bool
ongoing_clause_end(const dscan *sc, int i)
{
	i = skip_spaces(sc, i);
	return i >= sc->n || sc->cps[i] == ',' || sc->cps[i] == ')' || sc->cps[i] == ';' ||
		sc->cps[i] == 0x3002 || sc->cps[i] == '\n';
}

/* does a clause end at i (past spaces)? */
static bool
clause_end_at(const dscan *sc, int i)
{
	i = skip_spaces(sc, i);
	if (i >= sc->n)
		return true;
	switch (sc->cps[i])
	{
		case ',':
		case ';':
		case ')':
		case 0x3001:
		case 0x3002:
		case 0x3011:
		case ']':
		case '|':
		case '\t':
		case '.':
			return true;
	}
	return false;
}

/* the word class before i (past spaces), 0 when none */
static int
before_class(const dscan *sc, int i)
{
	int			w;

	while (i > 0 && pd_is_space(sc->cps[i - 1]))
		i--;
	w = pd_word_before(&before_tab, sc->cps, 0, i);
	return w < 0 ? 0 : before_words[w].a;
}

/*
 * 到2027年 alone: a deadline only when nothing counted follows in its sentence
 * (至1998年达到2000名: a target the target scanner does not read) and no 从/自
 * opens its clause (从现在到2009年: a span, not a promise).
 */
static bool
bare_goal_year(const dscan *sc, const cand *c)
{
	for (int k = c->start - 1; k >= 0 && !clause_end_at(sc, k) ; k--)
		if (sc->cps[k] == 0x4ECE || sc->cps[k] == 0x81EA)	/* 从 自 */
			return false;
	for (int k = c->end; k < sc->n; k++)
	{
		int			y;
		int			e = pd_dl_year_digits(sc, k, &y);

		if (e > 0 && (pd_dl_nian_at(sc, e) > 0 || pd_dl_range_dash(sc, e) > 0))
		{
			k = e - 1;			/* a year: 2020年, 2024—2026年 */
			continue;
		}
		if (is_ascii_digit(sc->cps[k]))
			return false;
	}
	return true;
}

/* decide on a date candidate; add it when it is a deadline */
static void
take_date(dscan *sc, cand *c, bool label)
{
	int			bc = before_class(sc, c->start);
	int			year;

	if (c->past || bc == B_PAST)
		return;
	if (c->kind == PD_DL_FROM && skip_spaces(sc, c->end) < sc->n &&
		pd_word_at(&effect_tab, sc->cps, skip_spaces(sc, c->end), sc->n) >= 0)
		return;					/* 本办法自2019年1月1日起施行 */
	year = sc->doc ? pd_dl_year(sc) : sc->year;
	if (c->kind == PD_DL_FROM && year > 0 && c->lo < pd_days_from_civil(year, 1, 1))
		return;					/* 自2003年7月起，… in a text of 2004: the past, as targets_scan reads it */
	if (c->weak && !sc->column && !label)
	{
		/*
		 * A period's end without 前 (2025年底), a month or day alone, or a
		 * year alone: a deadline after 到/于/在 (or, for an end, at the head
		 * of a clause) when the sentence states no target, whose year it
		 * then is.  A year alone needs 到.
		 */
		if (c->weak == 2 ? bc != B_TO || !bare_goal_year(sc, c) :
			c->weak == 3 ? bc == 0 :
			(bc == 0 && !clause_start_before(sc, c->start)))
			return;
		if (sentence_has_target(sc))
			return;
	}
	else if (!sc->column && !label && bc == B_TO && c->kind == PD_DL_BY && c->weak == 0 &&
			 sc->cps[c->end - 1] != 0x524D && sentence_has_target(sc))
		return;					/* 到2025年内…达到76%: (年内 without 前) the target's year */
	/* the past: a deadline that ended before the document's own year */
	if (year > 0 && c->hi != PD_DAY_NONE && c->hi <= pd_days_from_civil(year, 1, 1))
		return;
	(void) add_row(sc, c->kind, c->lo, c->hi, sc->off[c->start], sc->off[c->end]);
}

/* the range of a standing or recurring deadline: from 1 January of the document's year */
static int32_t
standing_from(dscan *sc)
{
	int			y = sc->doc ? pd_dl_year(sc) : sc->year;

	return y > 0 ? pd_days_from_civil(y, 1, 1) : PD_DAY_NONE;
}

/*
 * 每年 at i (the word ends at e) in running text: a recurring deadline when
 * what recurs is a task (每年召开两次会议, 每半年报送一次), not an amount
 * (每月1000元, 每年可实现效益4200万元) nor a rule per head (每人每年只享受一次).
 */
static bool
recurring_task(dscan *sc, int i, int e)
{
	if (i > 0 && sc->cps[i - 1] != CP_MEI && i >= 2 && sc->cps[i - 2] == CP_MEI)
		return false;			/* 每人每年 */
	for (int k = e; k < sc->n && k < e + 12 && !clause_end_at(sc, k); k++)
	{
		if (is_ascii_digit(sc->cps[k]) && k + 1 < sc->n && !is_ascii_digit(sc->cps[k + 1]) &&
			sc->cps[k + 1] != 0x6B21 /* 次 */ )
			return false;		/* 每月1000元 */
		if (pd_word_at(&recurring_verb_tab, sc->cps, k, sc->n) >= 0)
			return true;
	}
	return false;
}

/* can a deadline start with the Han character ch?  (the first characters of every form) */
static inline bool
may_start(uint32_t ch)
{
	switch (ch)
	{
		case CP_SHI:
		case 0x7B2C:			/* 第 */
		case 0x4ECA:			/* 今 */
		case 0x672C:			/* 本 */
		case 0x660E:			/* 明 */
		case CP_NIAN:
		case 0x4E0A:			/* 上 */
		case 0x4E0B:			/* 下 */
		case CP_MEI:
		case 0x6309:			/* 按 */
		case 0x957F:			/* 长 */
		case 0x6301:			/* 持 */
		case 0x5E38:			/* 常 */
		case 0x4E4B:			/* 之 */
			return true;
	}
	return cn_year_digit(ch) >= 0;
}

/* read one sentence in sc->cps[0..n) */
static void
scan_sentence(dscan *sc)
{
	int			book = 0;
	bool		label = false;
	bool		ongoing_done = false;

	sc->has_target = -1;
	for (int i = 0; i < sc->n && sc->status == PD_OK;)
	{
		uint32_t	ch = sc->cps[i];
		cand		c;
		int			w;

		if (ch == CP_OPEN_BOOK)
		{
			book++;
			i++;
			continue;
		}
		if (ch == CP_CLOSE_BOOK)
		{
			if (book > 0)
				book--;
			i++;
			continue;
		}
		if (book > 0)
		{
			i++;
			continue;
		}
		if (ch == ':')
		{
			int			b = i;

			while (b > 0 && pd_is_space(sc->cps[b - 1]))
				b--;
			if (pd_word_before(&label_tab, sc->cps, 0, b) >= 0)
				label = true;
			i++;
			continue;
		}
		if (ch == ')')
			label = false;
		if (ch < 0x80 ? !is_ascii_digit(ch) : !may_start(ch))
		{
			i++;
			continue;
		}
		if ((ch == CP_MEI || ch == 0x6309 /* 按 */ ) && (w = pd_word_at(&annual_tab, sc->cps, i, sc->n)) >= 0)
		{
			int			e = i + pd_word_len(&annual_tab, w);
			cand		sub;

			bool		dated = false;

			/* 每年6月底前, 每季度末前, 每年年底前: the date within the cycle is part of it */
			if (e < sc->n && pd_dl_date_at(sc, e, &sub) && !sub.past)
			{
				e = sub.end;
				dated = true;
			}
			else
			{
				int			end,
							flags = pd_dl_tail_at(sc, e, &end);

				if (flags & (T_BY | T_END))
				{
					e = end;
					dated = true;
				}
			}
			if (annual_words[w].a ? recurring_task(sc, i, e) && !sentence_has_target(sc) :
				(sc->column || label || dated || (recurring_task(sc, i, e) && !sentence_has_target(sc))))
				(void) add_row(sc, PD_DL_ANNUAL, standing_from(sc), PD_DAY_NONE, sc->off[i], sc->off[e]);
			i = e;
			continue;
		}
		if (!ongoing_done && (w = pd_word_at(&ongoing_tab, sc->cps, i, sc->n)) >= 0)
		{
			int			e = i + pd_word_len(&ongoing_tab, w);

			if (sc->column || label ||
				(ongoing_words[w].a && ongoing_clause_start(sc, i) && ongoing_clause_end(sc, e)))
			{
				(void) add_row(sc, PD_DL_ONGOING, standing_from(sc), PD_DAY_NONE, sc->off[i], sc->off[e]);
				ongoing_done = sc->column || label;
			}
			i = e;
			continue;
		}
		if (ch == 0x4E4B && pd_dl_issue_relative_at(sc, i, &c))	/* 之 */
		{
			take_date(sc, &c, label);
			i = c.end;
			continue;
		}
		if (pd_dl_date_at(sc, i, &c))
		{
			take_date(sc, &c, label);
			i = c.end > i ? c.end : i + 1;
			continue;
		}
		i++;
	}
}

static inline bool
sentence_end(uint32_t c)
{
	return c == 0x3002 || c == ';' || c == '!' || c == '?' || c == '\n';
}

/*
 * The fast path: every deadline holds one of 年 月 季 每 期 续/續 常 之 (a
 * date, a cycle, 长期 持续 常态化, 之日起), so a sentence without one of their
 * UTF-8 sequences (Traditional and Simplified alike) is not decoded.  The
 * first byte of each is E4..E7; the test on raw bytes is a few compares per
 * character, against decoding and folding it.
 */
static inline bool
trigger_at(const unsigned char *p)
{
	switch (p[0])
	{
		case 0xE4:
			return p[1] == 0xB9 && p[2] == 0x8B;	/* 之 */
		case 0xE5:
			return (p[1] == 0xB9 && p[2] == 0xB4) ||	/* 年 */
				(p[1] == 0xAD && p[2] == 0xA3) ||	/* 季 */
				(p[1] == 0xB8 && p[2] == 0xB8);	/* 常 */
		case 0xE6:
			return (p[1] == 0x9C && (p[2] == 0x88 || p[2] == 0x9F)) ||	/* 月 期 */
				(p[1] == 0xAF && p[2] == 0x8F);	/* 每 */
		case 0xE7:
			return (p[1] == 0xBB && p[2] == 0xAD) || (p[1] == 0xBA && p[2] == 0x8C);	/* 续 續 */
	}
	return false;
}

/* the first trigger in [p, end), or NULL */
static const unsigned char *
next_trigger(const unsigned char *p, const unsigned char *end)
{
	while (p + 3 <= end)
	{
		unsigned	b = *p;

		if (b < 0xE0)
			p += b < 0x80 || b >= 0xC0 ? (b < 0x80 ? 1 : 2) : 1;	/* ASCII, 2-byte, stray continuation */
		else if (b < 0xF0)
		{
			if (b >= 0xE4 && b <= 0xE7 && trigger_at(p))
				return p;
			p += (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 ? 3 : 1;
		}
		else
			p++;
	}
	return NULL;
}

/* does a sentence end (。；！？ ; ! ? newline) just before p? */
static inline bool
sentence_end_before(const unsigned char *start, const unsigned char *p)
{
	if (p > start && (p[-1] == '\n' || p[-1] == ';' || p[-1] == '!' || p[-1] == '?'))
		return true;
	return p - start >= 3 &&
		((p[-3] == 0xE3 && p[-2] == 0x80 && p[-1] == 0x82) ||	/* 。 */
		 (p[-3] == 0xEF && p[-2] == 0xBC && (p[-1] == 0x9B || p[-1] == 0x81 || p[-1] == 0x9F)));	/* ；！？ */
}

/* every PD_INTERRUPT_STRIDE bytes read or passed over, ask the interrupt hook; false when cancelled */
static bool
interrupt_check(dscan *sc)
{
	if (sc->since_interrupt >= PD_INTERRUPT_STRIDE)
	{
		sc->since_interrupt = 0;
		if (sc->opts && sc->opts->interrupt && sc->opts->interrupt(sc->opts->interrupt_ctx))
			sc->status = pd_fail(sc->err, PD_ECANCEL, 0, "Reading deadlines was cancelled.");
	}
	return sc->status == PD_OK;
}

/*
 * Read text[s, e) sentence by sentence: from the start of each sentence that
 * holds a trigger (a deadline cell: every sentence) to its end, in pieces of
 * DL_SMAX characters.
 */
static void
scan_span(dscan *sc, size_t s, size_t e, bool column)
{
	const unsigned char *base = (const unsigned char *) sc->text;
	const unsigned char *span = base + s;
	const unsigned char *p = span;
	const unsigned char *end = base + e;

	sc->column = column;
	while (p < end && sc->status == PD_OK)
	{
		const unsigned char *start = p;

		if (!column)
		{
			const unsigned char *t = next_trigger(p, end);

			if (t == NULL)
				t = end;
			else
				while (t > p && !sentence_end_before(span, t))
					t--;
			sc->since_interrupt += (size_t) (t - p);
			p = start = t;
			if (!interrupt_check(sc) || p >= end)
				break;
		}
		sc->n = 0;
		while (p < end && sc->n < DL_SMAX)
		{
			const unsigned char *q = p;
			uint32_t	c = pd_fold(pd_u8_next(&p, end));

			sc->off[sc->n] = (size_t) (q - base);
			sc->cps[sc->n++] = c;
			if (sentence_end(c))
				break;
		}
		sc->off[sc->n] = (size_t) (p - base);
		scan_sentence(sc);
		sc->since_interrupt += (size_t) (p - start);
		(void) interrupt_check(sc);
	}
}

/* ---- task-division tables --------------------------------------------------------- */

/* does the header cell text[s, e) name a deadline column (完成时限, 时间节点, 进度安排)? */
static bool
deadline_header(const char *text, size_t s, size_t e)
{
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;
	uint32_t	cps[64];
	int			n = 0;

	while (p < end && n < 64)
		cps[n++] = pd_fold(pd_u8_next(&p, end));
	return pd_word_find(&column_tab, cps, 0, n, NULL) >= 0;
}

/* is the cell text[s, e) short enough to be a deadline cell of its own? */
static bool
short_cell(const char *text, size_t s, size_t e)
{
	return pd_u8_count(text + s, e - s) <= DL_CELL_SHORT &&
		!pd_has_sentence_end((const unsigned char *) text + s, (const unsigned char *) text + e);
}

static void
scan_cell(dscan *sc, const pd_table *t, int col, size_t s, size_t e)
{
	bool		column = (col >= 0 && col < t->ncols && col != t->task_col && !t->unit_col[col] &&
						  deadline_header(sc->text, t->col_start[col], t->col_end[col])) ||
		short_cell(sc->text, s, e);

	if (e > s)
		scan_span(sc, s, e, column);
}

/* the cells of a table row: deadline cells as such, the rest as running text */
static void
scan_table_row(dscan *sc, const pd_item *it)
{
	const pd_table *t = &sc->doc->tables[it->table - 1];
	size_t		cells[PD_TABLE_MAX_COLS][2];

	if (t->sep == PD_SEP_LINES)
	{
		int			m = pd_split_cells(sc->text, it->marker_start, it->own_end, PD_SEP_LINES, cells,
									   PD_TABLE_MAX_COLS);

		for (int c = 0; c < m && sc->status == PD_OK; c++)
			scan_cell(sc, t, m >= t->ncols ? c : -1, cells[c][0], cells[c][1]);
		return;
	}
	for (size_t rs = it->marker_start; rs < it->own_end && sc->status == PD_OK;)
	{
		const char *nl = memchr(sc->text + rs, '\n', it->own_end - rs);
		size_t		re = nl ? (size_t) (nl - sc->text) : it->own_end;

		if (pd_cell_separator(sc->text, rs, re) == t->sep)
		{
			int			m = pd_split_cells(sc->text, rs, re, t->sep, cells, PD_TABLE_MAX_COLS);

			for (int c = 0; c < m && sc->status == PD_OK; c++)
				scan_cell(sc, t, c, cells[c][0], cells[c][1]);
		}
		else
			scan_span(sc, rs, re, false);
		rs = re + 1;
	}
}

/* ---- documents ---------------------------------------------------------------------- */

/* the one year a title names (工作方案（2024年）), 0 for none or a period */
static int
title_single_year(const pd_doc *doc)
{
	dscan		sc;
	const unsigned char *p = (const unsigned char *) doc->text + doc->title_start;
	const unsigned char *end = (const unsigned char *) doc->text + doc->title_end;
	int			found = 0,
				count = 0;

	sc.n = 0;
	while (p < end && sc.n < DL_SMAX)
		sc.cps[sc.n++] = pd_fold(pd_u8_next(&p, end));
	for (int i = 0; i < sc.n; i++)
	{
		int			y,
					k;

		if ((i > 0 && is_numberish(sc.cps[i - 1])) || (k = pd_dl_year_digits(&sc, i, &y)) < 0)
			continue;
		if (pd_dl_nian_at(&sc, k) < 0 && pd_dl_range_dash(&sc, k) < 0)
			continue;
		count++;
		found = y;
		i = k - 1;
	}
	/* “十四五” and the like name a period too */
	for (int i = 0; i + 2 < sc.n; i++)
	{
		int			len;

		if (pd_five_year_plan(sc.cps + i, sc.n - i < 5 ? sc.n - i : 5, &len) > 0)
			count += 2;
	}
	return count == 1 ? found : 0;
}

int
pd_doc_deadline_year(const pd_doc *doc)
{
	pd_docno	dn;

	if (doc->year > 0)
		return doc->year;
	if (doc->docno_end > doc->docno_start &&
		pd_docno_parse(doc->text + doc->docno_start, doc->docno_end - doc->docno_start, &dn, NULL) == PD_OK &&
		dn.year >= YEAR_MIN && dn.year <= YEAR_MAX)
		return dn.year;
	if (doc->title_end > doc->title_start)
		return title_single_year(doc);
	return 0;
}

static void
dscan_init(dscan *sc, const char *text, const pd_deadline_opts *opts, pd_error *err)
{
	memset(sc, 0, offsetof(dscan, cps));
	sc->text = text;
	sc->opts = opts;
	sc->mem = opts && opts->mem ? opts->mem : &pd_malloc_mem;
	sc->err = err;
	sc->status = PD_OK;
	sc->item = -1;
}

static void
dscan_free(dscan *sc)
{
	if (sc->rows && sc->mem->release)
		sc->mem->release(sc->mem->ctx, sc->rows);
	sc->rows = NULL;
}

static bool
emit(dscan *sc, pd_deadline_fn fn, void *ctx, const pd_deadline *d)
{
	if (!fn(ctx, d))
	{
		sc->status = pd_fail(sc->err, PD_ECANCEL, 0, "Reading deadlines was stopped.");
		return false;
	}
	return true;
}

pd_status
pd_deadlines_scan(const char *text, size_t len, int year, const pd_deadline_opts *opts,
				  pd_deadline_fn fn, void *ctx, pd_error *err)
{
	dscan	   *sc;
	const pd_mem *mem = opts && opts->mem ? opts->mem : &pd_malloc_mem;
	pd_status	st;

	sc = mem->alloc(mem->ctx, sizeof(dscan));
	if (sc == NULL)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory reading deadlines.");
	dscan_init(sc, text, opts, err);
	sc->years_known = true;
	sc->year = sc->own_year = year >= YEAR_MIN && year <= YEAR_MAX ? year : 0;
	scan_span(sc, 0, len, false);
	for (int r = 0; r < sc->nrows && sc->status == PD_OK; r++)
		emit(sc, fn, ctx, &sc->rows[r]);
	st = sc->status;
	dscan_free(sc);
	if (mem->release)
		mem->release(mem->ctx, sc);
	return st;
}

pd_status
pd_doc_deadlines(pd_doc *doc, const pd_deadline_opts *opts, pd_deadline_fn fn, void *ctx,
				 pd_error *err)
{
	const pd_mem *mem = opts && opts->mem ? opts->mem : &pd_malloc_mem;
	dscan	   *sc;
	int		   *first,
			   *count,
			   *eff;
	pd_status	st;

	sc = mem->alloc(mem->ctx, sizeof(dscan));
	first = mem->alloc(mem->ctx, sizeof(int) * 3 * (size_t) (doc->nitems + 1));
	if (sc == NULL || first == NULL)
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory reading deadlines.");
	count = first + doc->nitems + 1;
	eff = count + doc->nitems + 1;
	dscan_init(sc, doc->text, opts, err);
	sc->doc = doc;
	for (int i = 0; i < doc->nitems && sc->status == PD_OK; i++)
	{
		const pd_item *it = &doc->items[i];

		sc->item = i;
		first[i] = sc->nrows;
		if (it->table > 0 && it->table <= doc->ntables)
			scan_table_row(sc, it);
		else
			scan_span(sc, it->marker_end, it->own_end, false);
		count[i] = sc->nrows - first[i];
		if (sc->status != PD_OK)
			break;
		if (count[i] > 0)
		{
			eff[i] = i;
			for (int r = first[i]; r < sc->nrows; r++)
				if (!emit(sc, fn, ctx, &sc->rows[r]))
					break;
		}
		else
		{
			eff[i] = it->parent >= 0 && it->parent < i ? eff[it->parent] : -1;
			if (eff[i] >= 0)
			{
				for (int r = first[eff[i]]; r < first[eff[i]] + count[eff[i]]; r++)
				{
					pd_deadline d = sc->rows[r];

					d.item = i;
					d.inherited = true;
					if (!emit(sc, fn, ctx, &d))
						break;
				}
			}
		}
	}
	st = sc->status;
	dscan_free(sc);
	if (mem->release)
	{
		mem->release(mem->ctx, first);
		mem->release(mem->ctx, sc);
	}
	return st;
}
