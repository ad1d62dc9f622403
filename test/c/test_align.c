/*
 * Unit tests of plan alignment and sketches in the core: pairs of a plan
 * with its Traditional edition, the most specific items winning, plans
 * without items, cancellation, and the sketch's estimates.
 */
#include "ctest.h"
#include "pd_align.h"

#include <stdlib.h>

static const char *simp =
	"一、加强养老服务\n"
	"（一）扩大老年助餐服务。建设老年食堂和助餐点，推行中央厨房配送模式。\n"
	"（二）推进适老化改造。完成特殊困难老年人家庭适老化改造，推进既有住宅加装电梯。\n"
	"二、强化保障措施\n"
	"（三）加强人才队伍建设。开展养老护理员培训和职业技能等级认定。\n";
static const char *trad =
	"一、加強養老服務\n"
	"（一）擴大老年助餐服務。建設老年食堂和助餐點，推行中央廚房配送模式。\n"
	"（二）推進適老化改造。完成特殊困難老年人家庭適老化改造，推進既有住宅加裝電梯。\n"
	"二、強化保障措施\n"
	"（三）加強人才隊伍建設。開展養老護理員培訓和職業技能等級認定。\n";

static int
count_pairs(const char *x, const char *y, double threshold, pd_align_pair **out)
{
	pd_doc		a,
				b;
	pd_error	err;
	pd_align_opts opts = {0};
	int			n = -1;

	opts.threshold = threshold;
	CHECK(pd_segment(x, strlen(x), NULL, &a, &err) == PD_OK);
	CHECK(pd_segment(y, strlen(y), NULL, &b, &err) == PD_OK);
	CHECK(pd_align(&a, &b, &opts, out, &n, &err) == PD_OK);
	pd_doc_free(&a);
	pd_doc_free(&b);
	return n;
}

static bool
cancel_now(void *ctx)
{
	(void) ctx;
	return true;
}

int
main(void)
{
	pd_align_pair *p;
	int			n;
	uint32_t	s1[PD_SKETCH_K],
				s2[PD_SKETCH_K];

	/* Traditional against Simplified: the three items pair with their counterparts at 1, the sections do not */
	n = count_pairs(trad, simp, PD_ALIGN_DEFAULT_THRESHOLD, &p);
	CHECK_INT(n, 3);
	for (int i = 0; i < n; i++)
	{
		CHECK(p[i].score > 0.999);
		CHECK(p[i].nshared >= 1);
	}
	CHECK_INT(p[0].a, 1);
	CHECK_INT(p[0].b, 1);
	CHECK_INT(p[2].a, 4);
	CHECK_INT(p[2].b, 4);
	free(p);

	/* a plan without items, and an empty one */
	CHECK_INT(count_pairs("请认真做好养老服务工作。", simp, 0.25, &p), 0);
	CHECK(p == NULL);
	CHECK_INT(count_pairs(simp, "", 0.25, &p), 0);

	/* cancellation */
	{
		pd_doc		a,
					b;
		pd_error	err;
		pd_align_opts opts = {0};
		char	   *big = malloc(40 * 200000 + 1);
		size_t		len = 0;

		for (int i = 1; i <= 200000 / 40; i++)
			len += (size_t) sprintf(big + len, "%d. 推进老年助餐服务第%d项工作。\n", i % 999 + 1, i);
		opts.threshold = 0.5;
		opts.interrupt = cancel_now;
		CHECK(pd_segment(big, len, NULL, &a, &err) == PD_OK);
		CHECK(pd_segment(simp, strlen(simp), NULL, &b, &err) == PD_OK);
		CHECK(pd_align(&a, &b, &opts, &p, &n, &err) == PD_ECANCEL);
		pd_doc_free(&a);
		pd_doc_free(&b);
		free(big);
	}

	/* sketches: the same text in both scripts is the same sketch */
	pd_sketch(simp, strlen(simp), s1);
	pd_sketch(trad, strlen(trad), s2);
	CHECK(pd_sketch_similarity(s1, s2) == 1.0);
	pd_sketch("", 0, s2);
	CHECK(pd_sketch_similarity(s1, s2) == 0.0);
	CHECK(pd_sketch_similarity(s2, s2) == 0.0);

	/* the similarity of short texts */
	CHECK(pd_text_similarity("城镇化率", 12, "城鎮化率", 12) > 0.999);
	CHECK(pd_text_similarity("城镇化率", 12, "护理床位", 12) == 0.0);
	return ctest_finish("test_align");
}
