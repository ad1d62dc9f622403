/*
 * libFuzzer harness: the fixed-layout clean-up (src/planload/intake_layout.c)
 * on its own, with characters placed anywhere: each 5 input bytes are one
 * character (picked from digits, dashes, 第 页 一 、 （ ） and a few Han
 * characters, so page numbers, headings and table gaps come up) with its
 * x, y, width and height; a first byte of 0xFF starts a new page.  Tests
 * the line building, the furniture removal, the column alignment and the
 * paragraph joining with boxes no real file would give.
 */
#include "fuzz_intake.h"
#include "intake_layout.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint32_t chars[] = {'0', '1', '3', '9', '-', '.', '/', 'a', 'Z', ' ', 0x2014, 0x7B2C, 0x9875,
	0x5171, 0x4E00, 0x4E8C, 0x3001, 0xFF08, 0xFF09, 0x9644, 0x4EF6, 0x7AE0, 0x5E02, 0x653F, 0x5E9C,
0x3002, 0x2460, '\t', 0x3000, 0xFFFD, 0x10000, 0x7F};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pl_layout	lay = {0};
	pl_buf		out = {0};
	char		why[256] = "";

	pl_layout_page(&lay, 100 + (size ? data[0] : 0), 140);
	for (size_t i = 0; i + 5 <= size; i += 5)
	{
		const uint8_t *g = data + i;

		if (g[0] == 0xFF)
		{
			pl_layout_page(&lay, 100 + g[1], 100 + g[2]);
			continue;
		}
		pl_layout_glyph(&lay, chars[g[0] % (sizeof chars / sizeof chars[0])],
						g[1] * 0.5, g[2] * 0.6, g[1] * 0.5 + (g[3] & 15), g[2] * 0.6 + (g[4] & 15) - 2);
	}
	if (pl_layout_text(&lay, &out, why, sizeof why))
	{
		pl_text		t;

		if (pl_clean_text(&out, &t, "fuzz", why, sizeof why))
		{
			fuzz_check_text(&t);
			pl_text_free(&t);
		}
	}
	else if (why[0] == '\0')
		abort();
	pl_buf_free(&out);
	pl_layout_free(&lay);
	return 0;
}
