/*
 * libFuzzer harness: the HTML decoder (src/planload/intake_html.c) — the
 * charset sniffing, libxml2's HTML parser, the text-density block choice,
 * the metadata table and the rendering.  Any bytes are a page.
 */
#include "fuzz_intake.h"

static bool
html(char *raw, size_t len, pl_intake_result *r, char *why, size_t whylen)
{
	return pl_html_decode(raw, len, NULL, r, why, whylen);
}

FUZZ_INTAKE_ENTRY(html)
