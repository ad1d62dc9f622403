/*
 * libFuzzer harness: the target literal parser.  Whatever the bytes, the
 * parser returns a syntax or range error with a message, or a value that
 * prints, reads back to itself (through both the canonical fast path and
 * the general parser), packs and unpacks to the same value, and compares
 * equal to itself.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_target.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pd_target	t,
				again,
				unpacked;
	pd_error	err;
	char		text[PD_TARGET_TEXT_MAX],
				text2[PD_TARGET_TEXT_MAX + 1];
	unsigned char packed[PD_TARGET_PACKED_MAX];
	size_t		n,
				len;
	bool		ok;

	if (pd_target_parse((const char *) data, size, &t, &err) != PD_OK)
	{
		if ((err.status != PD_ESYNTAX && err.status != PD_ERANGE) || err.msg[0] == '\0')
			abort();
		return 0;
	}
	len = pd_target_format(&t, text);
	if (len >= PD_TARGET_TEXT_MAX || strlen(text) != len)
		abort();
	if (pd_target_parse(text, len, &again, NULL) != PD_OK || pd_target_cmp(&t, &again) != 0)
		abort();
	/* the general parser (a leading space keeps the fast path out) agrees */
	text2[0] = ' ';
	memcpy(text2 + 1, text, len + 1);
	if (pd_target_parse(text2, len + 1, &again, NULL) != PD_OK || pd_target_cmp(&t, &again) != 0)
		abort();
	n = pd_target_pack(&t, packed);
	if (n > PD_TARGET_PACKED_MAX || !pd_target_unpack(packed, n, &unpacked) ||
		pd_target_cmp(&t, &unpacked) != 0 || pd_target_cmp_packed(packed, n, packed, n, &ok) != 0 || !ok)
		abort();
	return 0;
}
