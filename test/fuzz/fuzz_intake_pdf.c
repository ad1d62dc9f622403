/*
 * libFuzzer harness: the PDF decoder (src/planload/intake_pdf.c over poppler, then intake_layout.c).
 * Any bytes are a file; seeds in test/fuzz/seeds/intake_pdf are small real
 * files made by test/sh/lib/mkformats.py.
 */
#include "fuzz_intake.h"

static bool
dec(char *raw, size_t len, pl_intake_result *r, char *why, size_t whylen)
{
	return pl_pdf_decode(raw, len, r, why, whylen);
}

FUZZ_INTAKE_ENTRY(dec)
