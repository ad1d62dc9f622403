/*
 * fts.c — the tokenizer behind the plandata_zh text search parser (see
 * pd_fts.h for the token model): cutting text into Han bigrams, Latin
 * words, numbers, symbols and blanks, and folding a token into its lexeme.
 *
 * Owns only the character classes and the cutting; it knows nothing of
 * tsvector positions, dictionaries or headlines (src/fts.c).  Folding is
 * the fold module's (pd_fold), so the search sees the same "same text" as
 * every extractor.  No allocation, no recursion: one token per call, each
 * call bounded by PD_FTS_MAX_TOKEN bytes, so the server's wrapper can check
 * for interrupts between tokens.
 */
#include "pd_fts.h"

#include "pd_core.h"

pd_fts_class
pd_fts_classify(uint32_t c)
{
	if (c < 0x80)
	{
		if (c >= '0' && c <= '9')
			return PD_FTS_C_DIGIT;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			return PD_FTS_C_LETTER;
		if (c <= 0x20 || c == 0x7F)
			return PD_FTS_C_BLANK;	/* space, tabs, line ends, controls */
		return PD_FTS_C_OTHER;
	}
	/* CJK ideographs (with extension A, the compatibility block, the
	 * supplementary planes), 〇 as in 二〇二五, kana and Hangul syllables:
	 * scripts written without spaces, searched by bigrams */
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
		c == 0x3007 || (c >= 0x3041 && c <= 0x30FA) || (c >= 0xAC00 && c <= 0xD7A3))
		return PD_FTS_C_HAN;
	/* C1 controls, no-break and typographic spaces, line/paragraph
	 * separators, zero-width space and joiners, the byte order mark */
	if (c <= 0xA0 || (c >= 0x2000 && c <= 0x200D) || c == 0x2028 || c == 0x2029 ||
		c == 0x202F || c == 0x205F || c == 0xFEFF)
		return PD_FTS_C_BLANK;
	return PD_FTS_C_OTHER;
}

void
pd_fts_init(pd_fts_scanner *s, const char *text, size_t len)
{
	s->start = (const unsigned char *) text;
	s->p = s->start;
	s->end = s->start + len;
}

/* class of the (folded) code point at *pp, advancing *pp past it */
static inline pd_fts_class
next_class(const unsigned char **pp, const unsigned char *end)
{
	return pd_fts_classify(pd_fold(pd_u8_next(pp, end)));
}

pd_fts_tok
pd_fts_next(pd_fts_scanner *s, size_t *off, size_t *len)
{
	const unsigned char *tok = s->p;
	const unsigned char *q = s->p;
	pd_fts_class cls;
	pd_fts_tok	type;

	if (s->p >= s->end)
		return PD_FTS_END;
	cls = next_class(&q, s->end);
	*off = (size_t) (tok - s->start);

	switch (cls)
	{
		case PD_FTS_C_HAN:
			{
				const unsigned char *r = q;

				/* the token starts here; the scanner moves one character */
				s->p = q;
				if (r < s->end && next_class(&r, s->end) == PD_FTS_C_HAN)
				{
					*len = (size_t) (r - tok);
					return PD_FTS_HAN2;
				}
				*len = (size_t) (q - tok);
				return PD_FTS_HAN1;
			}

		case PD_FTS_C_BLANK:
			while (q < s->end && q - tok < PD_FTS_MAX_TOKEN)
			{
				const unsigned char *r = q;

				if (next_class(&r, s->end) != PD_FTS_C_BLANK || r - tok > PD_FTS_MAX_TOKEN)
					break;
				q = r;
			}
			type = PD_FTS_BLANK;
			break;

		case PD_FTS_C_DIGIT:
		case PD_FTS_C_LETTER:
			{
				bool		letters = (cls == PD_FTS_C_LETTER);
				pd_fts_class prev = cls;

				while (q < s->end)
				{
					const unsigned char *r = q;
					uint32_t	cp = pd_fold(pd_u8_next(&r, s->end));
					pd_fts_class c = pd_fts_classify(cp);

					/* a point between two digits belongs to the number */
					if (cp == '.' && prev == PD_FTS_C_DIGIT && r < s->end)
					{
						const unsigned char *t = r;

						if (next_class(&t, s->end) == PD_FTS_C_DIGIT && t - tok <= PD_FTS_MAX_TOKEN)
						{
							q = t;
							continue;
						}
						break;
					}
					if ((c != PD_FTS_C_DIGIT && c != PD_FTS_C_LETTER) || r - tok > PD_FTS_MAX_TOKEN)
						break;
					letters |= (c == PD_FTS_C_LETTER);
					prev = c;
					q = r;
				}
				type = letters ? PD_FTS_WORD : PD_FTS_NUMBER;
				break;
			}

		default:
			type = PD_FTS_SYMBOL;
			break;
	}
	s->p = q;
	*len = (size_t) (q - tok);
	return type;
}

size_t
pd_fts_lexeme(const char *tok, size_t len, char *out)
{
	const unsigned char *p = (const unsigned char *) tok;
	const unsigned char *end = p + len;
	size_t		n = 0;

	while (p < end)
	{
		uint32_t	c = pd_fold(pd_u8_next(&p, end));

		if (pd_fts_classify(c) == PD_FTS_C_BLANK)
			continue;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		n += (size_t) pd_u8_put(out + n, c);
	}
	out[n] = '\0';
	return n;
}

pd_fts_lexkind
pd_fts_lexkind_of(const char *tok, size_t len)
{
	const unsigned char *p = (const unsigned char *) tok;
	const unsigned char *end = p + len;
	pd_fts_class c;
	bool		only_blank = true;

	if (len == 0)
		return PD_FTS_LEX_STOP;
	c = next_class(&p, end);
	if (c == PD_FTS_C_HAN && p == end)
		return PD_FTS_LEX_PREFIX;
	for (;;)
	{
		if (c != PD_FTS_C_BLANK)
		{
			only_blank = false;
			break;
		}
		if (p >= end)
			break;
		c = next_class(&p, end);
	}
	return only_blank ? PD_FTS_LEX_STOP : PD_FTS_LEX_EXACT;
}
