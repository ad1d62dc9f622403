/*
 * The plandata_zh tokenizer (src/core/fts.c) on its own: token types and
 * spans (original bytes), lexemes (folded, lower case), the prefix and stop
 * kinds, long runs cut, invalid UTF-8 kept as one-byte symbols.
 */
#include "ctest.h"
#include "pd_fts.h"

#include <stdlib.h>

/* "type:token|type:token|..." with lexemes in brackets where they differ */
static void
tokens(const char *text, char *out)
{
	pd_fts_scanner s;
	pd_fts_tok	t;
	size_t		off,
				len;
	const char *start = out;

	*out = '\0';
	pd_fts_init(&s, text, strlen(text));
	while ((t = pd_fts_next(&s, &off, &len)) != PD_FTS_END)
	{
		char		lex[1024];

		pd_fts_lexeme(text + off, len, lex);
		out += sprintf(out, "%s%d:%.*s", out > start ? "|" : "", (int) t, (int) len, text + off);
		if (strlen(lex) != len || memcmp(lex, text + off, len) != 0)
			out += sprintf(out, "[%s]", lex);
	}
}

int
main(void)
{
	char		buf[8192];
	char	   *big;
	pd_fts_scanner s;
	size_t		off,
				len,
				n;

	tokens("城鎮化率", buf);
	CHECK_STR(buf, "2:城鎮[城镇]|2:鎮化[镇化]|2:化率|3:率");
	tokens("镇", buf);
	CHECK_STR(buf, "3:镇");
	tokens("到2025年，76%", buf);
	CHECK_STR(buf, "3:到|20:2025|3:年|4:，[,]|20:76|4:%");
	tokens("５Ｇ基站 PM2.5", buf);
	CHECK_STR(buf, "1:５Ｇ[5g]|2:基站|3:站|12: []|1:PM2.5[pm2.5]");
	tokens("3.5. a.b", buf);
	CHECK_STR(buf, "20:3.5|4:.|12: []|1:a|4:.|1:b");
	tokens("二〇二五", buf);
	CHECK_STR(buf, "2:二〇|2:〇二|2:二五|3:五");
	tokens("\xe5\x9f\x8e\xff\xe9\x95", buf);	/* 城, a stray byte, a cut-off character */
	CHECK_STR(buf, "3:\xe5\x9f\x8e|4:\xff[\xef\xbf\xbd]|4:\xe9[\xef\xbf\xbd]|4:\x95[\xef\xbf\xbd]");
	tokens("", buf);
	CHECK_STR(buf, "");

	CHECK_INT(pd_fts_lexkind_of("率", 3), PD_FTS_LEX_PREFIX);
	CHECK_INT(pd_fts_lexkind_of("化率", 6), PD_FTS_LEX_EXACT);
	CHECK_INT(pd_fts_lexkind_of(" \t　", 5), PD_FTS_LEX_STOP);
	CHECK_INT(pd_fts_lexkind_of(",", 1), PD_FTS_LEX_EXACT);

	/* long runs of letters and blanks are cut at PD_FTS_MAX_TOKEN bytes */
	big = malloc(1000 + 1);
	memset(big, 'a', 1000);
	big[1000] = '\0';
	pd_fts_init(&s, big, 1000);
	n = 0;
	while (pd_fts_next(&s, &off, &len) != PD_FTS_END)
	{
		CHECK(len <= PD_FTS_MAX_TOKEN);
		n++;
	}
	CHECK_INT(n, 4);
	memset(big, ' ', 1000);
	pd_fts_init(&s, big, 1000);
	CHECK_INT(pd_fts_next(&s, &off, &len), PD_FTS_BLANK);
	CHECK(len <= PD_FTS_MAX_TOKEN && len > 200);
	free(big);
	return ctest_finish("test_fts");
}
