/*
 * The compiled Traditional->Simplified table agrees with libopencc: every
 * entry converted on its own by OpenCC's t2s configuration gives the same
 * character, and plain Simplified text passes through unchanged.
 */
#include "ctest.h"
#include "pd_core.h"

#include <stdlib.h>
#include <opencc/opencc.h>

static void
fold_string(const char *in, char *out)
{
	const unsigned char *p = (const unsigned char *) in;
	const unsigned char *end = p + strlen(in);

	while (p < end)
		out += pd_u8_put(out, pd_t2s(pd_u8_next(&p, end)));
	*out = '\0';
}

int
main(void)
{
	opencc_t	cc = opencc_open("t2s.json");
	size_t		n = pd_t2s_table_size();
	size_t		mismatches = 0;

	CHECK(cc != (opencc_t) -1);
	if (cc == (opencc_t) -1)
		return ctest_finish("test_t2s");
	CHECK(n > 3000);
	for (size_t i = 0; i < n; i++)
	{
		uint32_t	t,
					s;
		char		in[8] = {0},
					want[8] = {0};
		char	   *got;

		pd_t2s_table_entry(i, &t, &s);
		pd_u8_put(in, t);
		pd_u8_put(want, s);
		/* OpenCC's conversion, applied until it changes nothing (薴 苧 苎) */
		got = opencc_convert_utf8(cc, in, strlen(in));
		for (int step = 0; step < 8; step++)
		{
			char	   *again = opencc_convert_utf8(cc, got, strlen(got));
			bool		same = strcmp(again, got) == 0;

			opencc_convert_utf8_free(got);
			got = again;
			if (same)
				break;
		}
		if (strcmp(got, want) != 0)
		{
			if (mismatches++ < 10)
				fprintf(stderr, "U+%04X %s: libopencc %s, table %s\n", t, in, got, want);
		}
		opencc_convert_utf8_free(got);
		/* folding is a projection: a folded character folds to itself */
		CHECK_INT(pd_t2s(s), s);
	}
	CHECK_INT(mismatches, 0);
	/* the one chain in OpenCC's data: 薴 -> 苧 -> 苎 */
	CHECK_INT(pd_t2s(0x85B4), 0x82CE);
	CHECK_INT(pd_t2s(0x82E7), 0x82CE);

	/* keywords the parser relies on */
	{
		char		out[128];

		fold_string("責任單位：市發展改革委、市衛生健康委", out);
		CHECK_STR(out, "责任单位：市发展改革委、市卫生健康委");
		fold_string("牽頭單位；配合單位；達到；萬人；億元；個百分點", out);
		CHECK_STR(out, "牵头单位；配合单位；达到；万人；亿元；个百分点");
		fold_string("重庆市人民政府", out);
		CHECK_STR(out, "重庆市人民政府");
	}
	CHECK(pd_is_traditional(0x8CAC));	/* 責 */
	CHECK(!pd_is_traditional(0x8D23));	/* 责 */
	opencc_close(cc);
	return ctest_finish("test_t2s");
}
