/*
 * targets_scan.c — find the quantitative targets in running plan text: the
 * scanner's state and its loop over sentences and clauses, the sentence
 * fast path (a byte-level search for sentence ends and trigger bytes), the
 * rows of indicator tables, and pd_targets_scan, the entry point.
 * Backend-free, one pass, no allocation.
 *
 * The text is read sentence by sentence (up to 。；！？ or a line break) into
 * a fixed buffer of folded code points (Simplified, half-width) with the
 * byte offset of each, so every keyword test is script- and width-blind
 * while indicator and raw text come back exactly as printed.  Within a
 * sentence one left-to-right loop keeps the state of the current clause
 * (up to ，：；or a bracket): whether a goal verb (建成 培育 打造 …), a
 * descriptive verb (围绕 聚焦), a subsidy word (给予 奖励) or a past marker
 * (已 截至) has been seen, and of the sentence: where 每年/年均 and 力争
 * start.  The governing year (到2025年) is state of the whole scan.
 *
 * At every number the reader takes what follows (range, unit, /年, 以上 …)
 * and reads the comparator and change words backwards (达到, 稳定在, 年均增长,
 * 均 / 分别 …), then decides: a target needs a comparator, a suffix, or —
 * for counts, people and amounts — a goal verb in its clause; years, dates,
 * plan periods, durations, ranks, references, subsidy and eligibility
 * parameters, counts of places (15个区县) and attributive amounts (200亿元的
 * 集群) are not targets.  Lists joined by 和 、及 after 分别 share the
 * comparator and split the subject (花生种植、收获机械化率分别达到65%和55%);
 * 均 gives one target per listed subject.
 *
 * Backward looks are bounded (a clause, at most CLAUSE_LOOK code points), so
 * the scan is linear in the text.
 *
 * This file owns the loop and the state; what a number is (targets_cand.c)
 * and what it is called (targets_name.c) are decided elsewhere.  It must
 * not hold target rules or naming rules of its own, and looks words up
 * only through the lexicon engine (pd_lexicon.h) — the seq3 bitmap below
 * is a byte filter that finds where to look, not a word match.
 */
#include "pd_tscan.h"
#include "pd_table.h"

#include <string.h>

/* ---- clauses ----------------------------------------------------------------- */

static void
clause_reset(scanner *sc, int start)
{
	pd_ts_flush_chain(sc);
	if (sc->clause_year)
	{
		sc->year = sc->outer_year;
		sc->clause_year = false;
	}
	sc->past_by_year = false;
	sc->clause_start = start;
	sc->goal = sc->desc = sc->past = sc->sub_clause = sc->achieve = false;
	sc->cap_pos = sc->by_pos = -1;
	sc->prev_end = -1;
	sc->prev_object_style = false;
}

static void
scan_sentence(scanner *sc)
{
	int			i = 0;

	sc->annual_from = sc->aspire_from = sc->past_from = NO_POS;
	sc->annual_own_clause = false;
	sc->head_end = 0;
	while (sc->head_end < sc->n &&
		   (is_mark(sc->cps[sc->head_end]) || is_digit(sc->cps[sc->head_end])))
		sc->head_end++;
	sc->subsidy = false;
	sc->inh_s = sc->inh_e = 0;
	sc->nchain = 0;
	clause_reset(sc, 0);

	/* subsidy words anywhere make amounts and rates in the sentence parameters */
	for (int k = 0; k < sc->n; k++)
	{
		int			w = pd_word_at(&pd_ts_ctx_tab, sc->cps, k, sc->n);

		if (w >= 0 && (pd_ts_ctx_words[w].a == C_SUBSIDY || pd_ts_ctx_words[w].a == C_ELIGIBLE))
		{
			sc->subsidy = true;
			break;
		}
	}

	while (i < sc->n && !sc->stopped)
	{
		uint32_t	c = sc->cps[i];
		int			w;

		if (is_clause_end(c))
		{
			clause_reset(sc, i + 1);
			i++;
			continue;
		}
		if (is_digit(c) && (i == 0 || !(is_digit(sc->cps[i - 1]) || sc->cps[i - 1] == '.' ||
										 is_ascii_letter(sc->cps[i - 1]))))
		{
			i = pd_ts_arabic_candidate(sc, i);
			continue;
		}
		if ((w = pd_word_at(&pd_ts_ctx_tab, sc->cps, i, sc->n)) >= 0)
		{
			switch (pd_ts_ctx_words[w].a)
			{
				case C_GOAL:
					sc->goal = true;
					break;
				case C_GOAL_NEXT:
					{
						int			k = i + pd_word_len(&pd_ts_ctx_tab, w);

						if (k < sc->n && is_digit(sc->cps[k]))
							sc->goal = true;
					}
					break;
				case C_ACHIEVE:
					sc->achieve = true;
					break;
				case C_DESC:
					sc->desc = true;
					break;
				case C_PAST_HEAD:
					if (pd_ts_at_sentence_head(sc, i) && sc->past_from > i)
						sc->past_from = i;
					break;
				case C_PAST:
					sc->past = true;
					/* 五年来，…: at the head it holds for the whole sentence */
					if (pd_ts_at_sentence_head(sc, i) && sc->past_from > i)
						sc->past_from = i;
					break;
				case C_SUBSIDY:
					sc->sub_clause = true;
					break;
				case C_CAP:
					sc->cap_pos = i;
					break;
				case C_BY:
					sc->by_pos = i;
					break;
				case C_ANNUAL:
					{
						/*
						 * 每年, and 年均 before a goal verb (年均新增5万人),
						 * hold in the clauses after theirs that carry on
						 * their verbs.  年均增长 / 年均增长率 is a growth rate:
						 * annual in its own clause only.  年均浓度 names an
						 * indicator and is not annual at all.
						 */
						int			g = (sc->cps[i] == 0x5E74 && i + 2 < sc->n) ?
							pd_prefix_word_at(sc->cps, i + 2, sc->n) : -1;
						int			gc = g >= 0 ? pd_prefix_word_class(g) : -1;
						bool		growth = gc == W_GROWTH_UP || gc == W_GROWTH_DOWN;

						if (sc->cps[i] != 0x5E74 || growth || pd_ts_starts_with_goal_verb(sc, i + 2, sc->n))
						{
							sc->annual_from = i;	/* the latest 每年 so far */
							sc->annual_own_clause = growth;
						}
					}
					break;
				case C_ASPIRE:
					if (sc->aspire_from > i)
						sc->aspire_from = i;
					break;
			}
		}
		if (c == 0x5341)		/* 十: 到“十四五”末 */
		{
			int			k = pd_ts_five_year_plan(sc, i);

			if (k > i)
			{
				i = k;
				continue;
			}
		}
		if (i > sc->clause_start && c >= 0x3007 && c <= 0x9678 && cn_number_start(c))
		{
			int			k = pd_ts_fraction_candidate(sc, i);

			if (k == i)
				k = pd_ts_chinese_candidate(sc, i);

			if (k > i)
			{
				i = k;
				continue;
			}
		}
		if (c == 0x7FFB || c == 0x500D)	/* 翻 倍 */
		{
			int			pw = pd_prefix_word_at(sc->cps, i, sc->n);

			/*
			 * 倍增 doubles where it ends its clause (企业数量实现倍增，), not
			 * in 成倍增长 or a programme's name (实施倍增计划)
			 */
			if (pw >= 0 && pd_prefix_word_class(pw) == W_DOUBLE &&
				(c == 0x7FFB ||
				 ((i == 0 || sc->cps[i - 1] != 0x6210) &&	/* 成 */
				  (i + 2 >= sc->n || is_clause_end(sc->cps[i + 2])))))
			{
				i = pd_ts_doubling_candidate(sc, i, pw);
				continue;
			}
		}
		i++;
	}
	pd_ts_flush_chain(sc);
}

/*
 * The three-byte UTF-8 characters sentence_end() looks for, as a bitmap over
 * all three-byte sequences (4 + 6 + 6 payload bits = 65536 bits): one bit
 * test per Chinese character.
 *
 * A byte-level fast path, not word matching: single characters, tested on
 * the raw bytes before anything is decoded or folded, that only say where
 * a sentence ends and whether it may hold a target; the full-width digits
 * and both scripts (萬 億 隻 僅) are listed because nothing is folded yet.
 * Every word the scanner then tests goes through the lexicon engine.  Keep
 * TRIGGER_CHARS a superset of what can start a candidate (pd_ts_*_candidate).
 */
static const char *const end_chars[] = {"。", "；", "！", "？"};
/*
 * The characters that may begin a target (besides the digits 0-9 and ０-９),
 * as their UTF-8 bytes: one list for the bitmap below and for the vector
 * scan, which compares constants.
 */
#define TRIGGER_CHARS(X) \
	X(0xE5, 0x8D, 0x81)	/* 十 */ \
	X(0xE7, 0x99, 0xBE)	/* 百 */ \
	X(0xE5, 0x8D, 0x83)	/* 千 */ \
	X(0xE4, 0xB8, 0x87)	/* 万 */ \
	X(0xE8, 0x90, 0xAC)	/* 萬 */ \
	X(0xE4, 0xBA, 0xBF)	/* 亿 */ \
	X(0xE5, 0x84, 0x84)	/* 億 */ \
	X(0xE7, 0xBF, 0xBB)	/* 翻 */ \
	X(0xE4, 0xBD, 0xB0)	/* 佰 */ \
	X(0xE4, 0xBB, 0x9F)	/* 仟 */ \
	/* numbers in words: 一半, 三分之一, 至少建设一所, 只开设一个 */ \
	X(0xE5, 0x8D, 0x8A)	/* 半 */ \
	X(0xE4, 0xB9, 0x8B)	/* 之 */ \
	X(0xE5, 0xB0, 0x91)	/* 少 */ \
	X(0xE5, 0x8F, 0xAA)	/* 只 */ \
	X(0xE9, 0x9A, 0xBB)	/* 隻 */ \
	X(0xE4, 0xBB, 0x85)	/* 仅 */ \
	X(0xE5, 0x83, 0x85)	/* 僅 */
static uint32_t seq3_bits[65536 / 32];
static uint32_t seq3_end_bits[65536 / 32];
static volatile int seq3_ready;
static void sentence_skip_choose(void);

static inline unsigned
seq3_index(const unsigned char *p)
{
	return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
}

static void
seq3_build(void)
{
	for (size_t k = 0; k < sizeof end_chars / sizeof end_chars[0]; k++)
	{
		unsigned	i = seq3_index((const unsigned char *) end_chars[k]);

		seq3_bits[i / 32] |= 1u << (i % 32);
		seq3_end_bits[i / 32] |= 1u << (i % 32);
	}
#define SET_TRIGGER(b0, b1, b2) \
	{ \
		static const unsigned char c_[3] = {b0, b1, b2}; \
		unsigned	i_ = seq3_index(c_); \
		seq3_bits[i_ / 32] |= 1u << (i_ % 32); \
	}
	TRIGGER_CHARS(SET_TRIGGER)
#undef SET_TRIGGER
	for (unsigned char d = 0x90; d <= 0x99; d++)	/* ０-９: EF BC 90-99 */
	{
		const unsigned char c[3] = {0xEF, 0xBC, d};
		unsigned	i = seq3_index(c);

		seq3_bits[i / 32] |= 1u << (i % 32);
	}
	sentence_skip_choose();
	__atomic_store_n(&seq3_ready, 1, __ATOMIC_RELEASE);
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
/*
 * The same search a vector at a time: the bytes that can start an end or a
 * trigger are told apart by their bytes alone (an ASCII byte or the lead
 * byte of a three-byte character is never inside another character), so
 * blocks without an end are passed over whole, noting whether they hold a
 * trigger, and the block with the end is left to the loop of
 * sentence_end() (which may then start inside a character: it reads the
 * continuation bytes as stray bytes up to the next character).  Returns
 * where that loop takes over.  Built for AVX2 and for plain x86-64, chosen
 * once at run time.
 */
#define SE_VEC 32
typedef signed char se_vec __attribute__((vector_size(SE_VEC)));

static inline __attribute__((always_inline)) const unsigned char *
sentence_skip_body(const unsigned char *p, const unsigned char *end, bool *trigger)
{
	bool		t = false;

#define SE_B(x) ((signed char) (x))
	while (end - p >= SE_VEC + 2)
	{
		se_vec		v0,
					v1,
					v2,
					m;
		uint64_t	w[SE_VEC / 8];

		memcpy(&v0, p, SE_VEC);
		memcpy(&v1, p + 1, SE_VEC);
		memcpy(&v2, p + 2, SE_VEC);
		/* \n \r ; ! ? 。(E3 80 82) ；！？(EF BC 9B/81/9F) */
		m = (v0 == '\n') | (v0 == '\r') | (v0 == ';') | (v0 == '!') | (v0 == '?') |
			((v0 == SE_B(0xE3)) & (v1 == SE_B(0x80)) & (v2 == SE_B(0x82))) |
			((v0 == SE_B(0xEF)) & (v1 == SE_B(0xBC)) &
			 ((v2 == SE_B(0x9B)) | (v2 == SE_B(0x81)) | (v2 == SE_B(0x9F))));
		memcpy(w, &m, sizeof w);
		if (w[0] | w[1] | w[2] | w[3])
			break;
		if (!t)
		{
			/* 0-9, ０-９ (EF BC 90-99), and TRIGGER_CHARS */
			m = ((v0 >= '0') & (v0 <= '9')) |
				((v0 == SE_B(0xEF)) & (v1 == SE_B(0xBC)) & (v2 >= SE_B(0x90)) & (v2 <= SE_B(0x99)));
#define OR_TRIGGER(b0, b1, b2) m |= (v0 == SE_B(b0)) & (v1 == SE_B(b1)) & (v2 == SE_B(b2));
			TRIGGER_CHARS(OR_TRIGGER)
#undef OR_TRIGGER
			memcpy(w, &m, sizeof w);
			t = (w[0] | w[1] | w[2] | w[3]) != 0;
		}
		p += SE_VEC;
	}
#undef SE_B
	*trigger = t;
	return p;
}

__attribute__((target("avx2"))) static const unsigned char *
sentence_skip_avx2(const unsigned char *p, const unsigned char *end, bool *trigger)
{
	return sentence_skip_body(p, end, trigger);
}

static const unsigned char *
sentence_skip_sse2(const unsigned char *p, const unsigned char *end, bool *trigger)
{
	return sentence_skip_body(p, end, trigger);
}

static const unsigned char *(*sentence_skip) (const unsigned char *, const unsigned char *, bool *);

static void
sentence_skip_choose(void)
{
	__builtin_cpu_init();
	sentence_skip = __builtin_cpu_supports("avx2") ? sentence_skip_avx2 : sentence_skip_sse2;
}
#else
static void
sentence_skip_choose(void)
{
}
#endif

/*
 * Where the sentence at p ends (just after its 。；！？ or line break), and
 * whether it can hold a target at all: only a digit (ASCII or full-width)
 * or 十 百 千 万 亿 翻 (either script) can start one, and 到YYYY年 and
 * “十四五” are digits and 十 too.  Most sentences of a plan have none, so
 * they are skipped at byte speed without being decoded and folded.
 */
static const unsigned char *
sentence_end(const unsigned char *p, const unsigned char *end, bool *trigger)
{
	bool		t = false;

#ifdef SE_VEC
	p = sentence_skip(p, end, &t);
#endif
	while (p < end)
	{
		uint32_t	b = p[0];

		if (b < 0x80)
		{
			p++;
			if (b <= '?' && (b == '\n' || b == '\r' || b == ';' || b == '!' || b == '?'))
				break;
			t |= (b - '0') < 10;
			continue;
		}
		if ((b & 0xF0) == 0xE0 && end - p >= 3)
		{
			uint32_t	b1 = p[1] ^ 0x80,
						b2 = p[2] ^ 0x80;

			if ((b1 | b2) < 0x40)
			{
				uint32_t	i = ((b & 0x0Fu) << 12) | (b1 << 6) | b2;

				p += 3;
				if (seq3_bits[i >> 5] & (1u << (i & 31)))
				{
					if (seq3_end_bits[i >> 5] & (1u << (i & 31)))
						break;
					t = true;
				}
				continue;
			}
		}
		(void) pd_u8_next(&p, end);
	}
	*trigger = t;
	return p;
}

/*
 * Is the run of spaces at q (after prev) only layout?  Text taken from a
 * PDF spaces out numbers and words: 到 2025 年，突破 600 亿元，年均增长 7% 左右,
 * 达到 70 %, 30 微克 / 立方米, “ 十三五 ” 期间.  Such a run touches a Chinese
 * character (or mark) on one side and a Chinese character or a number on
 * the other, or stands between a number and its %, or around a / between
 * units; it is dropped from the sentence.  Spaces between Latin words and
 * numbers (PM 2.5) stay.  *run_end is set to the end of the run, so a run
 * is judged once, whatever its length.
 */
static bool
space_is_layout(uint32_t prev, const unsigned char *q, const unsigned char *e,
				const unsigned char **run_end)
{
	uint32_t	next;
	bool		han_before = prev >= 0x2E80 || prev == 0x201C || prev == 0x201D;

	*run_end = q;
	if (!(han_before || is_digit(prev) || prev == '%' || prev == '/'))
		return false;			/* judged before the run is walked: a space kept is not */
	while (q < e && (*q == ' ' || (e - q >= 3 && q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80)))
		q += *q == ' ' ? 1 : 3;
	*run_end = q;
	if (q >= e)
		return false;
	next = *q < 0x80 ? *q : pd_fold(pd_u8_next(&q, e));
	if (han_before)
		return next >= 0x2E80 || next == 0x201C || next == 0x201D || is_digit(next) || next == '/';
	if (is_digit(prev))
		return next >= 0x2E80 || next == 0x201D || next == '%' || next == 0x2030;
	return next >= 0x2E80;		/* % 左右, / 立方米 */
}

/* the sentences of text[from, to): the scanner proper */
static pd_status
scan_range(scanner *sc, size_t from, size_t to, const pd_tscan_opts *opts, size_t *next_check,
		   pd_error *err)
{
	const unsigned char *base = (const unsigned char *) sc->text;
	const unsigned char *p = base + from;
	const unsigned char *end = base + to;

	while (p < end && !sc->stopped)
	{
		bool		trigger;
		const unsigned char *e = sentence_end(p, end, &trigger);

		/* a long sentence is read in pieces of at most SMAX code points */
		while (trigger && p < e && !sc->stopped)
		{
			int			n = 0,
						cut = 0;	/* after the last clause or list mark */

			while (p < e && n < SMAX)
			{
				const unsigned char *q = p;
				uint32_t	c = *q < 0x80 ? *q++ : pd_fold(pd_u8_next(&q, e));

				if (c == ' ' && n > 0)
				{
					const unsigned char *run_end;

					if (space_is_layout(sc->cps[n - 1], p, e, &run_end))
					{
						p = run_end;
						continue;
					}
				}
				sc->off[n] = (size_t) (p - base);
				sc->cps[n++] = c;
				p = q;
				if (is_clause_end(c) || c == CP_DUN)
					cut = n;
			}
			sc->off[n] = (size_t) (p - base);
			if (n == SMAX && p < e && cut > SMAX / 2)
			{
				/* read on from the last clause of the piece */
				n = cut;
				p = base + sc->off[n];
			}
			sc->n = n;
			scan_sentence(sc);
		}
		p = e;
		if ((size_t) (p - base) >= *next_check)
		{
			*next_check = (size_t) (p - base) + PD_INTERRUPT_STRIDE;
			if (opts && opts->interrupt && opts->interrupt(opts->interrupt_ctx))
				return pd_fail(err, PD_ECANCEL, 0, "The scan was cancelled.");
		}
	}
	return PD_OK;
}

/*
 * Could text[0, len) hold an indicator table (indicators.c)?  Its header
 * names 指标 (指標) and either separates cells by a tab, | or ASCII spaces
 * (as the task-division tables, not U+3000 alone) or stands on a short
 * line of its own: a quick no for running text, which has neither.
 */
static bool
may_hold_indicator_table(const char *text, size_t len)
{
	const char *p = text;
	const char *end = text + len;
	bool		separators = memchr(text, '\t', len) != NULL || memchr(text, '|', len) != NULL ||
		memchr(text, ' ', len) != NULL;

	/* 指 E6 8C 87, then 标 E6 A0 87 or 標 E6 A8 99 (0x87 is one byte in 64: find all three) */
	const unsigned char *zhi;

	while ((zhi = pd_find_seq((const unsigned char *) p, (const unsigned char *) end,
							  "\xE6\x8C\x87", 3)) != NULL)
	{
		p = (const char *) zhi + 2;		/* at its 0x87 */
		if (end - p >= 4 && (unsigned char) p[1] == 0xE6 &&
			(((unsigned char) p[2] == 0xA0 && (unsigned char) p[3] == 0x87) ||
			 ((unsigned char) p[2] == 0xA8 && (unsigned char) p[3] == 0x99)))
		{
			const char *b = p - 2;
			const char *a = p + 1;

			if (separators)
				return true;
			/* 指标 (名称) on a short line of its own: a header printed one cell per line */
			while (b > text && b[-1] != '\n' && p - b < 24)
				b--;
			while (a < end && *a != '\n' && a - p < 24)
				a++;
			if ((b == text || b[-1] == '\n') && (a == end || *a == '\n'))
				return true;
		}
		p++;
	}
	return false;
}

/*
 * The rows of the indicator table whose header is the line at text[ls]:
 * emits their targets and returns where the table ends (the start of the
 * first line that is no row).  A header repeated on a later page, or a new
 * one, is no row: its columns hold from there on.  The interrupt hook runs
 * every PD_INTERRUPT_STRIDE bytes; *st is PD_ECANCEL when it stopped.
 */
static size_t
scan_indicator_rows(scanner *sc, pd_indicator_table t, size_t p, size_t len,
					const pd_tscan_opts *opts, size_t *next_check, pd_status *st, pd_error *err)
{
	const char *text = sc->text;

	while (p < len && !sc->stopped)
	{
		const char *e = memchr(text + p, '\n', len - p);
		size_t		le = e ? (size_t) (e - text) : len;
		pd_target_hit hit;
		pd_indicator_table again;
		size_t		next;

		hit.indicator_len = 0;

		if (p >= *next_check)
		{
			*next_check = p + PD_INTERRUPT_STRIDE;
			if (opts && opts->interrupt && opts->interrupt(opts->interrupt_ctx))
			{
				*st = pd_fail(err, PD_ECANCEL, 0, "The scan was cancelled.");
				break;
			}
		}
		if (le > p && text[le - 1] == '\r')
			le--;
		next = e ? (size_t) (e - text) + 1 : len;
		if (t.sep == PD_SEP_LINES)
		{
			/* one cell per line: a row spans lines, and a blank line is no end */
			if (pd_indicator_header_lines(text, p, len, &again, &next))
				t = again;
			else if (le == p)
				;
			else if (!pd_indicator_row_lines(text, p, len, &t, &hit, &next))
				break;
		}
		else if (le > p && pd_indicator_header(text, p, le, &again))
			t = again;
		else if (le == p || !pd_indicator_row(text, p, le, &t, &hit))
			break;
		if (hit.indicator_len > 0)
		{
			if (hit.year == 0)
				hit.year = sc->year;
			pd_ts_emit_hit(sc, &hit);
		}
		p = next;
	}
	return p;
}

pd_status
pd_targets_scan(const char *text, size_t len, const pd_tscan_opts *opts,
				pd_target_emit_fn emit, void *emit_ctx, int *year_out, pd_error *err)
{
	scanner		sc;
	size_t		next_check = PD_INTERRUPT_STRIDE;
	size_t		from = 0;
	pd_status	st = PD_OK;

	pd_target_init();
	if (!__atomic_load_n(&seq3_ready, __ATOMIC_ACQUIRE))
		seq3_build();
	sc.text = text;
	sc.emit = emit;
	sc.emit_ctx = emit_ctx;
	sc.stopped = false;
	sc.year = opts ? opts->year : 0;
	sc.clause_year = sc.past_by_year = false;
	sc.doc_year_fn = opts ? opts->doc_year : NULL;
	sc.doc_year_ctx = opts ? opts->doc_year_ctx : NULL;
	sc.doc_year = -1;

	/* indicator tables: their rows in turn with the sentences around them */
	if (len > 0 && may_hold_indicator_table(text, len))
	{
		for (size_t ls = 0; ls < len && st == PD_OK && !sc.stopped;)
		{
			const char *nl = memchr(text + ls, '\n', len - ls);
			size_t		le = nl ? (size_t) (nl - text) : len;
			pd_indicator_table t;
			size_t		rows = 0;

			if (ls >= next_check)
			{
				next_check = ls + PD_INTERRUPT_STRIDE;
				if (opts && opts->interrupt && opts->interrupt(opts->interrupt_ctx))
					return pd_fail(err, PD_ECANCEL, 0, "The scan was cancelled.");
			}
			if (le > ls && (pd_indicator_header(text, ls, le > ls && text[le - 1] == '\r' ? le - 1 : le, &t) ||
							(le - ls <= 40 && pd_indicator_header_lines(text, ls, len, &t, &rows))))
			{
				if (t.sep != PD_SEP_LINES)
					rows = nl ? le + 1 : len;
				st = scan_range(&sc, from, ls, opts, &next_check, err);
				if (st == PD_OK && !sc.stopped)
					from = ls = scan_indicator_rows(&sc, t, rows, len, opts, &next_check, &st, err);
				continue;
			}
			ls = nl ? le + 1 : len;
		}
	}
	if (st == PD_OK)
		st = scan_range(&sc, from, len, opts, &next_check, err);
	if (st != PD_OK)
		return st;
	if (year_out)
		*year_out = sc.year;
	if (sc.stopped)
		return pd_fail(err, PD_ECANCEL, 0, "The scan was stopped by its caller.");
	return PD_OK;
}
