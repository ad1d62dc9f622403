/*
 * libFuzzer harness: the OFD decoder (src/planload/intake_ofd.c, intake_zip.c, intake_layout.c) — OFD.xml, Document.xml, the pages' text objects.
 * Any bytes are a file; seeds in test/fuzz/seeds/intake_ofd are small real
 * files made by test/sh/lib/mkformats.py.
 */
#include "fuzz_intake.h"

static bool
dec(char *raw, size_t len, pl_intake_result *r, char *why, size_t whylen)
{
	return pl_ofd_decode(raw, len, r, why, whylen);
}

FUZZ_INTAKE_ENTRY(dec)
