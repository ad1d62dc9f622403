/*
 * libFuzzer harness: the Word decoder (src/planload/intake_docx.c, intake_numbering.c, intake_zip.c) — the bounded ZIP reader, document.xml, numbering.xml and styles.xml.
 * Any bytes are a file; seeds in test/fuzz/seeds/intake_docx are small real
 * files made by test/sh/lib/mkformats.py.
 */
#include "fuzz_intake.h"

static bool
dec(char *raw, size_t len, pl_intake_result *r, char *why, size_t whylen)
{
	return pl_docx_decode(raw, len, r, why, whylen);
}

FUZZ_INTAKE_ENTRY(dec)
