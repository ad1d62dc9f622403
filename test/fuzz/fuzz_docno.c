/*
 * libFuzzer harness: the 发文字号 literal parser and the document scanner.
 * An accepted literal prints canonically and reads back to itself, through
 * its sort key too; every number the scanner reports lies inside the text
 * and its printed form parses to the value reported.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_docno.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct scan_ctx
{
	const char *text;
	size_t		len;
} scan_ctx;

static bool
check_match(void *ctx, const pd_docno_match *m)
{
	scan_ctx   *c = ctx;
	pd_docno	again;

	if (m->start >= m->end || m->end > c->len)
		abort();
	if (pd_docno_parse(c->text + m->start, m->end - m->start, &again, NULL) != PD_OK ||
		pd_docno_cmp(&again, &m->value) != 0)
		abort();
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	pd_docno	d,
				again;
	pd_error	err;
	char		text[PD_DOCNO_TEXT_MAX];
	unsigned char key[PD_DOCNO_KEY_MAX];

	if (pd_docno_parse(s, size, &d, &err) == PD_OK)
	{
		size_t		n = pd_docno_format(&d, text);
		size_t		k = pd_docno_key(&d, key);

		if (pd_docno_parse(text, n, &again, NULL) != PD_OK || pd_docno_cmp(&d, &again) != 0)
			abort();
		if (!pd_docno_from_key(key, k, &again) || pd_docno_cmp(&d, &again) != 0)
			abort();
	}
	else if (err.msg[0] == '\0' || (err.status != PD_ESYNTAX && err.status != PD_ERANGE))
		abort();

	{
		scan_ctx	c = {s, size};

		if (pd_docno_scan(s, size, NULL, check_match, &c, &err) != PD_OK)
			abort();
	}
	return 0;
}
