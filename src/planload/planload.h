/*
 * planload.h — shared pieces of the planload command-line loader.
 *
 * planload reads plan documents from files, directories or standard input,
 * converts them to UTF-8 (decode.c), and either stores them through the
 * server's plan_load() over libpq (load.c) or prints the parse of the
 * backend-free core as JSON lines (json.c).  main.c ties it together:
 * options, the work queue, progress and the summary.
 */
#ifndef PLANLOAD_H
#define PLANLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- decoding (decode.c): bytes of a file -> UTF-8 text ---------------- */

/* PostgreSQL's limit for one text value (1 GB - 1 byte) */
#define PL_MAX_TEXT ((size_t) 0x3FFFFFFF)

typedef struct pl_text
{
	char	   *data;			/* UTF-8, LF line ends, NUL-terminated */
	size_t		len;
	bool		owned;			/* data is a new buffer (else: the input's) */
	char		encoding[40];	/* what the bytes were: "GB18030", "UTF-8 (BOM)" */
} pl_text;

/*
 * Decode raw[0..len) into UTF-8.  raw must have one writable byte past len
 * (the UTF-8 path terminates and normalises line ends in place).  forced:
 * an iconv encoding name, or NULL to detect (BOM, strict UTF-8, then
 * uchardet for GB18030 / Big5).  Returns true on success; otherwise writes a
 * reason (without the file name) into why: "empty file", "not a text file:
 * NUL byte at byte offset 12", "invalid UTF-8: truncated multibyte sequence
 * at end of file (byte offset 999)", ...
 */
bool		pl_decode(char *raw, size_t len, const char *forced, pl_text *out,
					  char *why, size_t whylen);
void		pl_text_free(pl_text *t);

/* can iconv convert from this encoding name to UTF-8? */
bool		pl_encoding_known(const char *name);

/* ---- display ------------------------------------------------------------ */

/*
 * A file name made safe for one line of output and for PostgreSQL text and
 * JSON strings: control characters as \n \t \xNN, a backslash doubled
 * (display only), bytes that are not UTF-8 as U+FFFD (source) or \xNN
 * (display).  Returns a malloc'd string.
 */
char	   *pl_display_name(const char *name);
char	   *pl_source_name(const char *name);

#endif
