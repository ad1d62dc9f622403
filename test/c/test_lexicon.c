/* Unit tests of the folded dictionary matcher (src/core/lexicon.c). */
#include "ctest.h"
#include "pd_lexicon.h"

#include <stdlib.h>

static const char *const TERMS[] = {
	"铜梁", "铜梁区", "江北", "合川", "大足", "开州", "开州区", "重庆", "重庆市",
	"重庆市铜梁区", "广安", "南岸", "河南", "江南岸", "健康长寿", "长寿", "ABC", "广安",
};
static const char *const STOPS[] = {"路", "石刻", "岸", "场", "门"};

#define NTERMS ((int) (sizeof(TERMS) / sizeof(TERMS[0])))
#define NSTOPS ((int) (sizeof(STOPS) / sizeof(STOPS[0])))

static pd_lexicon *
build(void)
{
	size_t		tl[NTERMS],
				sl[NSTOPS];
	pd_lexicon *lx = NULL;
	pd_error	err;

	for (int i = 0; i < NTERMS; i++)
		tl[i] = strlen(TERMS[i]);
	for (int i = 0; i < NSTOPS; i++)
		sl[i] = strlen(STOPS[i]);
	CHECK(pd_lexicon_build(NULL, (const char *const *) TERMS, tl, NTERMS,
						   (const char *const *) STOPS, sl, NSTOPS, &lx, &err) == PD_OK);
	return lx;
}

typedef struct collect
{
	char		buf[2048];		/* "term@cstart+clen=text|..." */
	const char *text;
	int			limit;
} collect;

static bool
add_hit(void *ctx, const pd_lexicon_hit *h)
{
	collect    *c = ctx;
	size_t		n = strlen(c->buf);

	snprintf(c->buf + n, sizeof(c->buf) - n, "%s%s@%zu+%zu=%.*s", n ? "|" : "",
			 TERMS[h->term], h->cstart, h->clen,
			 (int) (h->end - h->start), c->text + h->start);
	return --c->limit != 0;
}

static const char *
scan(const pd_lexicon *lx, const char *text)
{
	static collect c;
	pd_error	err;

	memset(&c, 0, sizeof c);
	c.text = text;
	c.limit = -1;
	CHECK(pd_lexicon_scan(lx, text, strlen(text), NULL, NULL, add_hit, &c, &err) == PD_OK);
	return c.buf;
}

static int	interrupt_calls;

static bool
cancel_second(void *ctx)
{
	(void) ctx;
	return ++interrupt_calls >= 2;
}

/* word tables: the questions the unit and target modules ask */
static const pd_word WORDS[] = {{"牵头"}, {"牵头单位"}, {"配合"}, {"单位"}, {"市级"}};
static pd_wordtab wordtab = PD_WORDTAB(WORDS);
static const pd_word LONG[] = {{"一二三四五六七八九十一二三四五六"}, {"一二三四五六七八九十一二三四五六七"}};
static const pd_word TRAD[] = {{"牵头"}, {"牽頭"}};
static const pd_word DUP[] = {{"牵头"}, {"配合"}, {"牵头"}};
static pd_wordtab longtab = PD_WORDTAB(LONG);
static pd_wordtab tradtab = PD_WORDTAB(TRAD);
static pd_wordtab duptab = PD_WORDTAB(DUP);

static int
folded(const char *s, uint32_t *c)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + strlen(s);
	int			n = 0;

	while (p < end)
		c[n++] = pd_fold(pd_u8_next(&p, end));
	return n;
}

static void
test_wordtab(void)
{
	uint32_t	c[64];
	int			n = folded("由市級牽頭單位負責，配合", c),
				w = -1;

	/* longest match forwards and backwards, on folded text */
	CHECK(pd_word_at(&wordtab, c, 3, n) == 1);
	CHECK(pd_word_len_at(&wordtab, c, 3, n) == 4);
	CHECK(pd_word_len_at(&wordtab, c, 3, 5) == 2);	/* 牵头单位 does not fit */
	CHECK(pd_word_len_at(&wordtab, c, n, n) == 0);
	CHECK(pd_word_before(&wordtab, c, 0, 7) == 1);
	CHECK(pd_word_len_before(&wordtab, c, 5, 7) == 2);	/* 单位 only */
	CHECK(pd_word_len_before(&wordtab, c, 0, 0) == 0);

	/* the first position where a word starts */
	CHECK(pd_word_find(&wordtab, c, 0, n, &w) == 1 && w == 4);	/* 市级 */
	CHECK(pd_word_find(&wordtab, c, 2, n, &w) == 3 && w == 1);
	CHECK(pd_word_find(&wordtab, c, 4, n, NULL) == 5);
	CHECK(pd_word_find(&wordtab, c, 4, 6, NULL) == -1);
	CHECK(pd_word_find(&wordtab, c, 10, n, &w) == 10 && w == 2);	/* 配合 */

	/* one word, not the longest */
	CHECK(pd_word_is_at(&wordtab, 0, c, 3, n));
	CHECK(!pd_word_is_at(&wordtab, 0, c, 4, n));
	CHECK(pd_word_is_before(&wordtab, 3, c, 0, 7));
	CHECK(!pd_word_is_before(&wordtab, 1, c, 4, 7));
	CHECK(pd_wordtab_has_first(&wordtab, 0x7275));	/* 牵 */
	CHECK(!pd_wordtab_has_first(&wordtab, 0x5934));	/* 头 */

	/* the table check: 16 characters at most, folded, no duplicates */
	CHECK(pd_wordtab_check(&wordtab) == -1);
	CHECK(pd_wordtab_check(&longtab) == 1);
	CHECK(pd_wordtab_check(&tradtab) == 1);
	CHECK(pd_wordtab_check(&duptab) == 2);
}

/* the same tables over UTF-8 text as printed: folded on the fly, byte positions back */
static void
test_wordtab_text(void)
{
	const char *s = "由市級牽頭單位負責，配合";
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + strlen(s);
	const unsigned char *after = NULL,
			   *start = NULL,
			   *at;
	int			w = -1;

	/* longest word at a position, bounded by end */
	CHECK(pd_word_at_text(&wordtab, p + 9, end, &after) == 1 && after == p + 21);	/* 牽頭單位 */
	CHECK(pd_word_at_text(&wordtab, p + 9, p + 18, &after) == 0 && after == p + 15);	/* 牽頭 */
	CHECK(pd_word_at_text(&wordtab, p, end, NULL) == -1);
	CHECK(pd_word_at_text(&wordtab, end, end, NULL) == -1);
	/* the first word from a position */
	at = pd_word_find_text(&wordtab, p, end, &w, &after);
	CHECK(at == p + 3 && w == 4 && after == p + 9);	/* 市級 */
	at = pd_word_find_text(&wordtab, p + 12, end, &w, NULL);
	CHECK(at == p + 15 && w == 3);	/* 單位 */
	CHECK(pd_word_find_text(&wordtab, p + 21, p + 30, NULL, NULL) == NULL);
	/* backwards from an end, not before base */
	CHECK(pd_word_before_text(&wordtab, p, p + 21, &start) == 1 && start == p + 9);
	CHECK(pd_word_before_text(&wordtab, p + 12, p + 21, &start) == 3 && start == p + 15);
	CHECK(pd_word_before_text(&wordtab, p, end, &start) == 2 && start == end - 6);	/* 配合 */
	CHECK(pd_word_before_text(&wordtab, p, p + 3, NULL) == -1);
	CHECK(pd_word_before_text(&wordtab, p, p, NULL) == -1);
	/* a whole text that is one word */
	CHECK(pd_text_is_word(&wordtab, p + 9, p + 21));
	CHECK(pd_text_is_word(&wordtab, p + 9, p + 15));
	CHECK(!pd_text_is_word(&wordtab, p + 9, p + 18));
	CHECK(!pd_text_is_word(&wordtab, p + 9, p + 24));
	/* invalid bytes are one U+FFFD each and never match */
	CHECK(pd_word_at_text(&wordtab, (const unsigned char *) "\xE7\x89", (const unsigned char *) "\xE7\x89" + 2, NULL) == -1);
}

int
main(void)
{
	pd_lexicon *lx = build();

	test_wordtab_text();

	/* duplicates after folding count once; the first index is reported */
	CHECK_INT(pd_lexicon_size(lx), NTERMS - 1);

	/* lists split by 、, longest match, positions in characters */
	CHECK_STR(scan(lx, "支持铜梁、开州区、合川开展试点"),
			  "铜梁@2+2=铜梁|开州区@5+3=开州区|合川@9+2=合川");
	/* Traditional and full-width text finds the Simplified terms as printed */
	CHECK_STR(scan(lx, "支持銅梁區和ＡＢＣ"), "铜梁区@2+3=銅梁區|ABC@6+3=ＡＢＣ");
	/* the full name wins over its parts */
	CHECK_STR(scan(lx, "重庆市铜梁区人民政府"), "重庆市铜梁区@0+6=重庆市铜梁区");
	/* stop suffixes: 合川路, 大足石刻 are not the districts; the span is consumed */
	CHECK_STR(scan(lx, "合川路与大足石刻"), "");
	/* a rejected long candidate falls back to the shorter one at the same place */
	CHECK_STR(scan(lx, "重庆市场主体"), "重庆@0+2=重庆");
	/* every candidate rejected: consumed, so 河南岸 does not offer 南岸 */
	CHECK_STR(scan(lx, "黄河南岸"), "");
	/* a blocker phrase is longer and wins: the caller ignores its hits */
	CHECK_STR(scan(lx, "长江南岸地区"), "江南岸@1+3=江南岸");
	CHECK_STR(scan(lx, "健康长寿，长寿区"), "健康长寿@0+4=健康长寿|长寿@5+2=长寿");
	/* 江北 inside 长江北岸 is stopped by 岸 */
	CHECK_STR(scan(lx, "长江北岸"), "");
	/* ASCII terms respect ASCII word boundaries */
	CHECK_STR(scan(lx, "ABCD xABC ABC"), "ABC@10+3=ABC");
	/* the same term twice, and a term at the very end */
	CHECK_STR(scan(lx, "广安广安"), "广安@0+2=广安|广安@2+2=广安");
	/* invalid bytes are one character each and never stall the scan */
	CHECK_STR(scan(lx, "\xff\xfe铜梁\xe9"), "铜梁@2+2=铜梁");
	CHECK_STR(scan(lx, ""), "");

	/* the emit callback can stop the scan */
	{
		collect		c;
		pd_error	err;
		const char *t = "铜梁、合川、江北";

		memset(&c, 0, sizeof c);
		c.text = t;
		c.limit = 2;
		CHECK(pd_lexicon_scan(lx, t, strlen(t), NULL, NULL, add_hit, &c, &err) == PD_OK);
		CHECK_STR(c.buf, "铜梁@0+2=铜梁|合川@3+2=合川");
	}

	/* cancellation through the interrupt hook on a long text */
	{
		size_t		n = 3 * PD_INTERRUPT_STRIDE;
		char	   *big = malloc(n + 1);
		collect		c;
		pd_error	err;

		memset(big, 'x', n);
		big[n] = '\0';
		memset(&c, 0, sizeof c);
		c.text = big;
		c.limit = -1;
		interrupt_calls = 0;
		CHECK(pd_lexicon_scan(lx, big, n, cancel_second, NULL, add_hit, &c, &err) == PD_ECANCEL);
		CHECK_INT(interrupt_calls, 2);
		free(big);
	}
	pd_lexicon_free(lx);

	/* terms that are too long are refused with a position-free message */
	{
		char		longterm[PD_LEXICON_MAX_TERM_CHARS * 3 + 4];
		const char *t[1] = {longterm};
		size_t		l[1];
		pd_error	err;

		for (int i = 0; i <= PD_LEXICON_MAX_TERM_CHARS; i++)
			memcpy(longterm + 3 * i, "区", 3);
		l[0] = 3 * (PD_LEXICON_MAX_TERM_CHARS + 1);
		CHECK(pd_lexicon_build(NULL, t, l, 1, NULL, NULL, 0, &lx, &err) == PD_ERANGE);
		CHECK_STR(err.msg, "Term 1 is longer than 64 characters.");
		CHECK(lx == NULL);
	}

	/* an empty dictionary finds nothing */
	CHECK(pd_lexicon_build(NULL, NULL, NULL, 0, NULL, NULL, 0, &lx, NULL) == PD_OK);
	CHECK_STR(scan(lx, "铜梁"), "");
	pd_lexicon_free(lx);

	test_wordtab();
	return ctest_finish("test_lexicon");
}
