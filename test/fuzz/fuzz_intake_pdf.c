/*
 * libFuzzer harness: the PDF decoder (src/planload/intake_pdf.c over poppler, then intake_layout.c).
 * Any bytes are a file; seeds in test/fuzz/seeds/intake_pdf are small real
 * files made by test/sh/lib/mkformats.py.
 */
#include "fuzz_intake.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
dec(char *raw, size_t len, pl_intake_result *r, char *why, size_t whylen)
{
	return pl_pdf_decode(raw, len, r, why, whylen);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool init;

	if (!init)
	{
		pl_intake_init();
		init = true;
	}
	fuzz_intake(data, size, dec);
	return 0;
}
