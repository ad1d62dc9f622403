/*
 * pd_fts.h — the tokenizer of the plandata_zh text search parser: Chinese
 * text cut into overlapping Han bigrams, Latin words, numbers and single
 * symbols, and the folded lexeme of a token.
 *
 * Backend-free (no PostgreSQL headers): src/fts.c wraps it as a text search
 * parser and dictionary, test/fuzz/fuzz_fts_tokens.c fuzzes it.
 *
 * Tokens are spans of the ORIGINAL text (so ts_headline prints what was
 * printed); only the lexeme is folded (pd_fold: full-width -> ASCII,
 * Traditional -> Simplified) and ASCII letters lower-cased.  Every Han
 * character starts exactly one token: the bigram with the next character
 * when that one is Han too, else the character alone (PD_FTS_HAN1, the last
 * or only character of a run).  So a phrase of n Han characters is the
 * chain of its n-1 bigrams plus its last character, at consecutive
 * positions, and the text contains the phrase exactly when the chain is
 * there with the last character as a prefix (see doc/reference.md).
 */
#ifndef PD_FTS_H
#define PD_FTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Token types.  The numbers are the parser's token ids; they keep clear of
 * the ids that PostgreSQL's default headline code treats specially (5, 13,
 * 15-17 are skipped or replaced there) and reuse 12 for white space and 20
 * for numbers, which that code treats as poor fragment ends, as it does for
 * the default parser's blank and float tokens.
 */
typedef enum pd_fts_tok
{
	PD_FTS_END = 0,
	PD_FTS_WORD = 1,			/* ASCII letters, with digits: gdp, 5g, pm2.5 */
	PD_FTS_HAN2 = 2,			/* two Han characters (overlapping bigram) */
	PD_FTS_HAN1 = 3,			/* a Han character with no Han after it */
	PD_FTS_SYMBOL = 4,			/* one punctuation mark or other character */
	PD_FTS_BLANK = 12,			/* white space and control characters */
	PD_FTS_NUMBER = 20			/* digits, with inner decimal points: 2025, 3.5 */
} pd_fts_tok;

#define PD_FTS_MAX_TYPE 20

/* runs of letters, digits or blanks are cut after this many bytes */
#define PD_FTS_MAX_TOKEN 255

typedef struct pd_fts_scanner
{
	const unsigned char *start;
	const unsigned char *p;
	const unsigned char *end;
} pd_fts_scanner;

/* character classes, on folded code points */
typedef enum pd_fts_class
{
	PD_FTS_C_OTHER = 0,
	PD_FTS_C_BLANK,
	PD_FTS_C_DIGIT,
	PD_FTS_C_LETTER,
	PD_FTS_C_HAN
} pd_fts_class;

pd_fts_class pd_fts_classify(uint32_t folded);

void		pd_fts_init(pd_fts_scanner *s, const char *text, size_t len);

/*
 * The next token: its type (PD_FTS_END at the end of the text) and its
 * byte span [*off, *off + *len) in the original text.  Tokens appear in
 * text order; a HAN2 token overlaps the token after it by one character,
 * every other token is followed by the next one without gap or overlap.
 * Each call does work bounded by PD_FTS_MAX_TOKEN bytes.
 */
pd_fts_tok	pd_fts_next(pd_fts_scanner *s, size_t *off, size_t *len);

/* the most bytes pd_fts_lexeme writes for a token of len bytes, with NUL */
#define PD_FTS_LEXEME_MAX(len) ((len) * 3 + 1)

/*
 * The lexeme of token tok[0, len): every code point folded (pd_fold) and
 * ASCII letters lower-cased, white space dropped.  Writes a NUL-terminated
 * string of at most PD_FTS_LEXEME_MAX(len) bytes; returns its length.
 */
size_t		pd_fts_lexeme(const char *tok, size_t len, char *out);

/* what a lexicon entry of this token is: */
typedef enum pd_fts_lexkind
{
	PD_FTS_LEX_STOP = 0,		/* nothing (white space): a position only */
	PD_FTS_LEX_EXACT,			/* the lexeme itself */
	PD_FTS_LEX_PREFIX			/* one Han character: in a query, a prefix */
} pd_fts_lexkind;

pd_fts_lexkind pd_fts_lexkind_of(const char *tok, size_t len);

#endif							/* PD_FTS_H */
