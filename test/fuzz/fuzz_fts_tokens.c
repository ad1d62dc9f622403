/*
 * libFuzzer harness: the plandata_zh tokenizer (src/core/fts.c).  Tokens
 * cover the text in order with no gap: a bigram overlaps the next token by
 * exactly its first character's successor, every other token ends where the
 * next begins; each token is short and non-empty; its lexeme fits the
 * documented bound and is a prefix exactly for a lone Han character; a
 * bigram's lexeme is its two characters' lexemes.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_core.h"
#include "pd_fts.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
first_char(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;

	(void) pd_u8_next(&p, p + len);
	return (size_t) (p - (const unsigned char *) s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	pd_fts_scanner s;
	pd_fts_tok	type;
	size_t		off,
				len,
				expect = 0,
				count = 0;

	pd_fts_init(&s, text, size);
	while ((type = pd_fts_next(&s, &off, &len)) != PD_FTS_END)
	{
		char	   *lex;
		size_t		n;
		pd_fts_lexkind kind;

		if (++count > size)
			abort();			/* at most one token per byte */
		if (off != expect || len == 0 || off + len > size || len > PD_FTS_MAX_TOKEN + 4)
			abort();
		/* a bigram is followed by the token at its second character */
		expect = (type == PD_FTS_HAN2) ? off + first_char(text + off, len) : off + len;
		if (type == PD_FTS_HAN2 && (expect >= off + len || first_char(text + expect, off + len - expect) != off + len - expect))
			abort();

		lex = malloc(PD_FTS_LEXEME_MAX(len));
		n = pd_fts_lexeme(text + off, len, lex);
		if (n >= PD_FTS_LEXEME_MAX(len) || strlen(lex) != n)
			abort();
		kind = pd_fts_lexkind_of(text + off, len);
		if ((type == PD_FTS_HAN1) != (kind == PD_FTS_LEX_PREFIX))
			abort();
		if ((type == PD_FTS_BLANK) != (kind == PD_FTS_LEX_STOP))
			abort();
		if (type == PD_FTS_HAN2)
		{
			size_t		a = first_char(text + off, len);
			char	   *l1 = malloc(PD_FTS_LEXEME_MAX(a)),
					   *l2 = malloc(PD_FTS_LEXEME_MAX(len - a));
			size_t		n1 = pd_fts_lexeme(text + off, a, l1),
						n2 = pd_fts_lexeme(text + off + a, len - a, l2);

			if (n1 + n2 != n || memcmp(lex, l1, n1) != 0 || memcmp(lex + n1, l2, n2) != 0)
				abort();
			free(l1);
			free(l2);
		}
		free(lex);
	}
	if (expect != size)
		abort();				/* the last token ends the text */
	return 0;
}
