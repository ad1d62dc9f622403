/*
 * libFuzzer harness: planload's decoder (src/planload/decode.c) and its
 * JSON printer.  Any bytes are a file: pl_decode either fails with a reason
 * or returns valid UTF-8 with LF line ends, no CR, no NUL or control
 * bytes, no leading BOM; --parse-only's JSON of that text must then be
 * valid JSON (jansson reads it back).  The first byte picks a forced
 * encoding for some inputs, so the iconv paths are fuzzed too.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "planload.h"
#include "load.h"
#include "pd_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const forced[] = {NULL, NULL, NULL, NULL, "GB18030", "BIG5", "UTF-16LE", "UTF-8"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *enc = size > 0 ? forced[data[0] & 7] : NULL;
	char	   *buf = malloc(size + 1);
	char		why[512];
	pl_text		t;

	memcpy(buf, data, size);
	if (pl_decode(buf, size, enc, &t, why, sizeof why))
	{
		const unsigned char *p = (const unsigned char *) t.data,
				   *end = p + t.len;
		char	   *line;

		if (t.len == 0 || t.data[t.len] != '\0' || memchr(t.data, '\r', t.len) ||
			(t.len >= 3 && memcmp(t.data, "\xEF\xBB\xBF", 3) == 0))
			abort();
		while (p < end)
		{
			const unsigned char *q = p;
			uint32_t	cp = pd_u8_next(&p, end);

			if ((cp == PD_REPLACEMENT && p - q == 1) || (cp < 0x20 && (cp < '\t' || cp > '\r')))
				abort();
		}
		line = pl_parse_json("f", t.encoding, size, t.data, t.len, why, sizeof why);
		if (line == NULL)
			abort();
		{
			json_error_t jerr;
			json_t	   *j = json_loads(line, 0, &jerr);

			if (j == NULL)
				abort();
			json_decref(j);
		}
		free(line);
		pl_text_free(&t);
	}
	else if (why[0] == '\0')
		abort();
	free(buf);
	return 0;
}
