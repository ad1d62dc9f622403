/*
 * intake.c — which format a file is in, the decoder it goes to, and what
 * every decoder shares: the capped output buffer, the final clean-up of the
 * text, the digest of the original bytes and date normalisation.
 *
 * Formats are told by content (pl_sniff):
 *   "%PDF-" in the first 1024 bytes            PDF
 *   a ZIP archive with word/document.xml       DOCX
 *   a ZIP archive with OFD.xml                 OFD
 *   text whose first tag-like bytes are an HTML document (<!DOCTYPE html,
 *   <html, <head, <body, <meta, or <div/<p/<table before any other text)
 *                                              HTML
 *   anything else                              text (pl_decode decides)
 * so a page saved as .txt or a Word file without its extension load as what
 * they are; a ZIP archive that is neither fails with a clear reason.
 */
#include "intake.h"
#include "intake_zip.h"
#include "pd_core.h"

#include <glib.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

const char *
pl_format_name(pl_format f)
{
	switch (f)
	{
		case PL_FMT_HTML: return "html";
		case PL_FMT_DOCX: return "docx";
		case PL_FMT_PDF: return "pdf";
		case PL_FMT_OFD: return "ofd";
		default: return "text";
	}
}

void
pl_intake_init(void)
{
	xmlInitParser();
}

/* ---- sniffing ----------------------------------------------------------- */

static bool
starts_ci(const char *p, const char *end, const char *word)
{
	size_t		n = strlen(word);

	return (size_t) (end - p) >= n && strncasecmp(p, word, n) == 0;
}

/*
 * HTML: skip a BOM, white space and comments; the first tag decides.  An
 * ASCII-compatible look only: a UTF-16 page is read as text.
 */
static bool
looks_like_html(const char *raw, size_t len)
{
	const char *p = raw,
			   *end = raw + (len < 4096 ? len : 4096);
	static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
	"<title", "<div", "<table", "<p>", "<p ", "<?xml", NULL};

	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;)
	{
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (starts_ci(p, end, "<!--"))
		{
			const char *c = p + 4;

			while (c + 3 <= end && memcmp(c, "-->", 3) != 0)
				c++;
			if (c + 3 > end)
				return false;
			p = c + 3;
			continue;
		}
		break;
	}
	if (p >= end || *p != '<')
		return false;
	for (int i = 0; tags[i]; i++)
		if (starts_ci(p, end, tags[i]))
		{
			/* an XML declaration counts only when an <html element follows */
			if (i == 10)
			{
				const char *q = p;

				for (; q + 5 <= end; q++)
					if (strncasecmp(q, "<html", 5) == 0)
						return true;
				return false;
			}
			return true;
		}
	return false;
}

pl_format
pl_sniff(const char *raw, size_t len)
{
	size_t		n = len < 1024 ? len : 1024;

	if (len >= 4 && memcmp(raw, "PK\x03\x04", 4) == 0)
	{
		zip_error_t ze;
		zip_source_t *src;
		zip_t	   *za;
		pl_format	f = PL_FMT_TEXT;

		zip_error_init(&ze);
		src = zip_source_buffer_create(raw, len, 0, &ze);
		za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
		if (za == NULL)
		{
			if (src)
				zip_source_free(src);
			zip_error_fini(&ze);
			/* damaged: decide by the first member's name in the local header */
			if (len > 30 && memmem(raw + 30, len - 30 < 256 ? len - 30 : 256, "word/", 5))
				return PL_FMT_DOCX;
			if (len > 30 && memmem(raw + 30, len - 30 < 256 ? len - 30 : 256, "OFD", 3))
				return PL_FMT_OFD;
			return PL_FMT_DOCX;	/* a ZIP we cannot open: the DOCX reader says why */
		}
		if (zip_name_locate(za, "word/document.xml", 0) >= 0)
			f = PL_FMT_DOCX;
		else if (zip_name_locate(za, "OFD.xml", ZIP_FL_NOCASE) >= 0)
			f = PL_FMT_OFD;
		else
			f = PL_FMT_DOCX;	/* refused there with the reason */
		zip_discard(za);
		zip_error_fini(&ze);
		return f;
	}
	if (n >= 5 && memmem(raw, n, "%PDF-", 5) != NULL)
		return PL_FMT_PDF;
	if (looks_like_html(raw, len))
		return PL_FMT_HTML;
	return PL_FMT_TEXT;
}

/* ---- the output buffer -------------------------------------------------- */

static void
buf_grow(pl_buf *b, size_t more)
{
	size_t		cap;
	char	   *nd;

	if (b->over)
		return;
	if (b->len + more > PL_MAX_OUT_TEXT)
	{
		b->over = true;
		return;
	}
	if (b->len + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more + 1)
		cap *= 2;
	nd = realloc(b->data, cap);
	if (nd == NULL)
	{
		b->over = true;
		return;
	}
	b->data = nd;
	b->cap = cap;
}

void
pl_buf_put(pl_buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (b->over)
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
pl_buf_puts(pl_buf *b, const char *s)
{
	pl_buf_put(b, s, strlen(s));
}

void
pl_buf_putc(pl_buf *b, char c)
{
	pl_buf_put(b, &c, 1);
}

void
pl_buf_cp(pl_buf *b, uint32_t cp)
{
	char		u[4];

	pl_buf_put(b, u, (size_t) pd_u8_put(u, cp));
}

void
pl_buf_newline(pl_buf *b)
{
	if (b->len > 0 && b->data[b->len - 1] != '\n')
		pl_buf_putc(b, '\n');
}

void
pl_buf_rtrim(pl_buf *b)
{
	while (b->len > 0 && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
		b->len--;
	if (b->data)
		b->data[b->len] = '\0';
}

void
pl_buf_free(pl_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

/* ---- the common clean-up ------------------------------------------------ */

bool
pl_clean_text(pl_buf *b, pl_text *out, const char *what, char *why, size_t whylen)
{
	const unsigned char *p,
			   *end;
	char	   *w;
	size_t		line_start = 0;
	int			newlines = 2;	/* no blank lines at the start */
	bool		any = false;

	memset(out, 0, sizeof *out);
	if (b->over)
	{
		snprintf(why, whylen, "%s: the text is longer than %zu MB", what, PL_MAX_OUT_TEXT >> 20);
		pl_buf_free(b);
		return false;
	}
	if (b->data == NULL)
	{
		snprintf(why, whylen, "%s holds no text", what);
		return false;
	}

	/*
	 * Rewritten in place: every character keeps its length or shrinks
	 * (U+FFFD for one invalid byte is the exception: three bytes for one,
	 * so invalid bytes, which no decoder of ours emits, become '?').
	 */
	p = (const unsigned char *) b->data;
	end = p + b->len;
	w = b->data;
	while (p < end)
	{
		const unsigned char *q = p;
		uint32_t	cp = pd_u8_next(&p, end);

		if (cp == PD_REPLACEMENT && p - q == 1)
			cp = '?';
		if (cp == '\r' || cp == 0x200B || cp == 0xFEFF || cp == 0x200C || cp == 0x200D ||
			cp == 0xAD || cp == 0x2060)
			continue;
		if (cp == 0xA0 || cp == '\v' || cp == '\f' || (cp >= 0x2000 && cp <= 0x200A))
			cp = ' ';
		if (cp == 0x2028 || cp == 0x2029)
			cp = '\n';
		if (cp < 0x20 && cp != '\n' && cp != '\t')
			continue;
		if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			continue;
		if (cp == '\n')
		{
			/* trailing white space of the line (ASCII and U+3000) */
			while ((size_t) (w - b->data) > line_start &&
				   (w[-1] == ' ' || w[-1] == '\t' ||
					((size_t) (w - b->data) >= line_start + 3 && memcmp(w - 3, "\xE3\x80\x80", 3) == 0)))
				w -= w[-1] == ' ' || w[-1] == '\t' ? 1 : 3;
			if ((size_t) (w - b->data) == line_start)
			{
				if (newlines >= 2)
					continue;
			}
			else
				newlines = 0;
			*w++ = '\n';
			newlines++;
			line_start = (size_t) (w - b->data);
			continue;
		}
		if (cp != ' ' && cp != '\t' && cp != 0x3000)
			any = true;
		w += pd_u8_put(w, cp);
	}
	/* the last line's trailing space, then trailing blank lines */
	while (w > b->data && (w[-1] == ' ' || w[-1] == '\t' || w[-1] == '\n'))
		w--;
	*w++ = '\n';
	*w = '\0';
	if (!any)
	{
		snprintf(why, whylen, "%s holds no text", what);
		pl_buf_free(b);
		return false;
	}
	out->data = b->data;
	out->len = (size_t) (w - b->data);
	out->owned = true;
	memset(b, 0, sizeof *b);
	return true;
}

/* ---- characters of fixed-layout files ------------------------------------ */

/*
 * PDF and OFD fonts often map Han characters to the look-alike Kangxi and
 * CJK radicals (⼀ U+2F00 for 一, ⼯ for 工) or to compatibility ideographs:
 * the text reads right and matches nothing.  Their compatibility
 * decomposition (glib's Unicode tables) is the unified ideograph.
 */
uint32_t
pl_unify_cjk(uint32_t cp)
{
	gunichar	d[4];
	gsize		n;

	if (!((cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF)))
		return cp;
	n = g_unichar_fully_decompose((gunichar) cp, TRUE, d, 4);
	return n == 1 && d[0] >= 0x3400 ? (uint32_t) d[0] : cp;
}

/* ---- dates -------------------------------------------------------------- */

bool
pl_norm_date(const char *s, char out[11])
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + strlen(s);
	int			v[3] = {0, 0, 0},
				k = 0,
				digits = 0;

	while (p < end && k < 3)
	{
		uint32_t	cp = pd_u8_next(&p, end);
		int			d = pd_digit(cp);

		if (d >= 0)
		{
			if (digits >= 4)
				return false;
			v[k] = v[k] * 10 + d;
			digits++;
			continue;
		}
		if (digits > 0)
		{
			k++;
			digits = 0;
		}
		else if (k == 0 && !pd_is_space(cp))
			return false;		/* text before the date */
	}
	if (digits > 0)
		k++;
	if (k < 3 || v[0] < 1900 || v[0] > 2200 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return false;
	snprintf(out, 11, "%04d-%02d-%02d", v[0], v[1], v[2]);
	return true;
}

/* ---- dispatch ----------------------------------------------------------- */

void
pl_intake_free(pl_intake_result *r)
{
	pl_text_free(&r->text);
	free(r->meta.title);
	free(r->meta.docno);
	free(r->meta.issuer);
	free(r->meta.issued);
	free(r->meta.subject);
	free(r->meta.index_no);
	memset(&r->meta, 0, sizeof r->meta);
}

bool
pl_intake(char *raw, size_t len, const char *forced, pl_intake_result *out,
		  char *why, size_t whylen)
{
	bool		ok;
	gchar	   *hex;

	memset(out, 0, sizeof *out);
	hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *) raw, len);
	snprintf(out->sha256, sizeof out->sha256, "%s", hex);
	g_free(hex);

	out->format = len ? pl_sniff(raw, len) : PL_FMT_TEXT;
	if (out->format != PL_FMT_TEXT && out->format != PL_FMT_HTML && len > PL_MAX_BINARY)
	{
		snprintf(why, whylen, "%s file of %.1f MB (the limit is %zu MB)", pl_format_name(out->format),
				 (double) len / 1e6, PL_MAX_BINARY >> 20);
		return false;
	}
	switch (out->format)
	{
		case PL_FMT_HTML:
			ok = pl_html_decode(raw, len, forced, out, why, whylen);
			break;
		case PL_FMT_DOCX:
			ok = pl_docx_decode(raw, len, out, why, whylen);
			break;
		case PL_FMT_PDF:
			ok = pl_pdf_decode(raw, len, out, why, whylen);
			break;
		case PL_FMT_OFD:
			ok = pl_ofd_decode(raw, len, out, why, whylen);
			break;
		default:
			ok = pl_decode(raw, len, forced, &out->text, why, whylen);
			break;
	}
	if (!ok)
	{
		pl_intake_free(out);
		return false;
	}
	if (out->format != PL_FMT_TEXT && out->text.encoding[0] == '\0')
		snprintf(out->text.encoding, sizeof out->text.encoding, "%s", pl_format_name(out->format));
	return true;
}
