/*
 * libFuzzer harness: the taskcode literal parser.  Whatever the bytes, the
 * parser returns; a value it accepts is valid, prints, and reads back to
 * itself; labels fit their buffer.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_taskcode.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pd_tc		tc,
				again;
	pd_error	err;
	char		text[PD_TC_TEXT_MAX + 1];
	char		label[PD_TC_LABEL_MAX];

	if (pd_tc_parse((const char *) data, size, &tc, &err) != PD_OK)
	{
		if (err.status != PD_ESYNTAX || err.msg[0] == '\0')
			abort();
		return 0;
	}
	if (!pd_tc_valid(tc))
		abort();
	pd_tc_format(tc, text);
	if (pd_tc_parse(text, strlen(text), &again, NULL) != PD_OK || again != tc)
		abort();
	if (pd_tc_label(tc, true, label) >= PD_TC_LABEL_MAX || pd_tc_label(tc, false, label) >= PD_TC_LABEL_MAX)
		abort();
	return 0;
}
