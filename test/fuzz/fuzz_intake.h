/*
 * fuzz_intake.h — what every format decoder's output must be, whatever the
 * input (shared by the fuzz_intake_*.c harnesses): on success, UTF-8 text
 * that is valid, NUL-terminated, ends with a line feed, and holds no CR and
 * no control character but tab and LF; on failure, a reason.
 */
#ifndef FUZZ_INTAKE_H
#define FUZZ_INTAKE_H

#include <stdlib.h>
#include <string.h>
#include "intake.h"
#include "pd_core.h"

static void
fuzz_check_text(const pl_text *t)
{
	const unsigned char *p = (const unsigned char *) t->data,
			   *end = p + t->len;

	if (t->data == NULL || t->len == 0 || t->data[t->len] != '\0' || t->data[t->len - 1] != '\n')
		abort();
	while (p < end)
	{
		const unsigned char *q = p;
		uint32_t	cp = pd_u8_next(&p, end);

		if ((cp == PD_REPLACEMENT && p - q == 1) || cp == '\r' || (cp < 0x20 && cp != '\n' && cp != '\t'))
			abort();
	}
}

/* run one decoder on a copy of the input (with the spare byte pl_intake wants) */
static void
fuzz_intake(const uint8_t *data, size_t size, bool (*decode) (char *, size_t, pl_intake_result *, char *, size_t))
{
	static bool init;
	char	   *buf = malloc(size + 1);
	char		why[512] = "";
	pl_intake_result r;

	if (!init)
	{
		pl_intake_init();
		init = true;
	}
	memcpy(buf, data, size);
	memset(&r, 0, sizeof r);
	if (decode(buf, size, &r, why, sizeof why))
	{
		fuzz_check_text(&r.text);
		pl_intake_free(&r);
	}
	else if (why[0] == '\0')
		abort();				/* a failure always says why */
	free(buf);
}

/* the libFuzzer entry point of a harness whose decoder is decode */
#define FUZZ_INTAKE_ENTRY(decode) \
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); \
int \
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) \
{ \
	fuzz_intake(data, size, decode); \
	return 0; \
}

#endif
