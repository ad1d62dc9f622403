/*
 * intake.h — plans as they are published: HTML pages, Word (.docx), PDF and
 * OFD files turned into the plain UTF-8 text the parser core reads.
 *
 * pl_intake() looks at the bytes (magic numbers, ZIP member names, the
 * start of an HTML page), never only at the file name, and hands them to
 * one decoder per format:
 *
 *   intake_html.c    libxml2's HTML parser; the main content block by text
 *                    density; the gov.cn metadata table (发文字号 ...)
 *   intake_docx.c    libzip + libxml2: paragraphs, tables, and Word's
 *                    automatic list numbering rendered (intake_numbering.c)
 *   intake_pdf.c     poppler-glib: characters with their positions
 *   intake_ofd.c     libzip + libxml2: OFD (GB/T 33190) text objects
 *   intake_layout.c  fixed-layout pages (PDF, OFD) to paragraphs: lines in
 *                    reading order, running headers, footers and page
 *                    numbers removed, lines broken by the layout rejoined
 *   intake_zip.c     the bounded ZIP and XML readers DOCX and OFD share
 *
 * Plain text files go to pl_decode() (decode.c) as before.  Every decoder
 * writes through pl_buf, which enforces the output cap, and the result is
 * cleaned once here (pl_clean_text): valid UTF-8, LF line ends, no control
 * characters, no trailing spaces, at most one blank line in a row.
 *
 * Errors are a reason without the file name, like pl_decode's.
 */
#ifndef PL_INTAKE_H
#define PL_INTAKE_H

#include "planload.h"

#include <stdbool.h>
#include <stddef.h>

/* ---- limits (README "Limits"; doc/reference.md) ------------------------ */
#define PL_MAX_BINARY     ((size_t) 256 << 20)	/* a .docx/.pdf/.ofd file */
#define PL_MAX_OUT_TEXT   ((size_t) 64 << 20)	/* text extracted from one file */
#define PL_MAX_MEMBER     ((size_t) 64 << 20)	/* one ZIP member, uncompressed */
#define PL_MAX_UNZIPPED   ((size_t) 256 << 20)	/* all members read, uncompressed */
#define PL_MAX_ZIP_RATIO  200	/* uncompressed / compressed, members > 1 MB */
#define PL_MAX_ZIP_ENTRIES 20000
#define PL_MAX_PAGES      5000	/* PDF and OFD pages */
#define PL_MAX_XML_DEPTH  256	/* element nesting our walkers follow */

typedef enum pl_format
{
	PL_FMT_TEXT = 0, PL_FMT_HTML, PL_FMT_DOCX, PL_FMT_PDF, PL_FMT_OFD
} pl_format;

const char *pl_format_name(pl_format f);	/* "text", "html", "docx", ... */

/* metadata a page states about itself (the gov.cn table); NULL = absent */
typedef struct pl_meta
{
	char	   *title;			/* 标题 */
	char	   *docno;			/* 发文字号 */
	char	   *issuer;			/* 发文机关 */
	char	   *issued;			/* 成文日期, as YYYY-MM-DD */
	char	   *subject;		/* 主题分类 */
	char	   *index_no;		/* 索引号 */
} pl_meta;

typedef struct pl_intake_result
{
	pl_text		text;			/* what the parser reads */
	pl_format	format;
	pl_meta		meta;
	char		sha256[65];		/* of the original bytes, hex */
} pl_intake_result;

/*
 * Read raw[0..len) (one writable byte past len, as pl_decode wants) as
 * whatever format it is.  forced: an encoding for text and HTML files (NULL
 * = detect).  On failure: false, why set, nothing to free.
 */
bool		pl_intake(char *raw, size_t len, const char *forced, pl_intake_result *out,
					  char *why, size_t whylen);
void		pl_intake_free(pl_intake_result *r);

/* the format the bytes are in (ZIP archives: by their member names) */
pl_format	pl_sniff(const char *raw, size_t len);

/* once, before threads start: libxml2's and poppler's global set-up */
void		pl_intake_init(void);

/* ---- shared by the decoders ------------------------------------------- */

/* a growing UTF-8 output buffer with the PL_MAX_OUT_TEXT cap */
typedef struct pl_buf
{
	char	   *data;
	size_t		len,
				cap;
	bool		over;			/* the cap was hit: the decoder fails */
} pl_buf;

void		pl_buf_put(pl_buf *b, const char *s, size_t n);
void		pl_buf_puts(pl_buf *b, const char *s);
void		pl_buf_putc(pl_buf *b, char c);
void		pl_buf_cp(pl_buf *b, uint32_t cp);
/* end the current line unless the buffer is empty or already ends one */
void		pl_buf_newline(pl_buf *b);
/* trailing spaces and tabs of the current line dropped */
void		pl_buf_rtrim(pl_buf *b);
void		pl_buf_free(pl_buf *b);

/*
 * Clean decoder output in place into out (takes b's memory): invalid UTF-8
 * as U+FFFD, CR/controls dropped, NBSP and zero-width spaces as a space /
 * nothing, trailing white space of lines dropped, no more than one blank
 * line in a row, no blank lines at the start or end.  False (why) when no
 * text is left.
 */
bool		pl_clean_text(pl_buf *b, pl_text *out, const char *what, char *why, size_t whylen);

/* the decoders: text (UTF-8) into out->text, metadata into out->meta */
bool		pl_html_decode(char *raw, size_t len, const char *forced, pl_intake_result *out,
						   char *why, size_t whylen);
bool		pl_docx_decode(const char *raw, size_t len, pl_intake_result *out,
						   char *why, size_t whylen);
bool		pl_pdf_decode(const char *raw, size_t len, pl_intake_result *out,
						  char *why, size_t whylen);
bool		pl_ofd_decode(const char *raw, size_t len, pl_intake_result *out,
						  char *why, size_t whylen);

/* a Kangxi / CJK radical or compatibility ideograph as its unified ideograph */
uint32_t	pl_unify_cjk(uint32_t cp);

/* "2021年1月5日", "2021-01-05", "2021/1/5", "2021.01.05" -> "2021-01-05"; false if not a date */
bool		pl_norm_date(const char *s, char out[11]);

#endif
