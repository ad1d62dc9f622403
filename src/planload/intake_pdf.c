/*
 * intake_pdf.c — a PDF file to text with poppler (libpoppler-glib).
 *
 * poppler opens the document from memory; an encrypted one that needs a
 * password fails as such (we never try passwords).  For each page (at most
 * PL_MAX_PAGES) poppler gives the page's text and one box per character of
 * it; the characters and boxes go to intake_layout.c, which orders them
 * into lines, drops page numbers and running headers and rejoins
 * paragraphs.  A document whose pages give no characters has no text layer
 * (a scan) and fails with that reason.
 *
 * poppler keeps some global state (fonts, caches); the decoder runs one
 * document at a time under a mutex, so planload --jobs stays safe.
 */
#include "intake.h"
#include "intake_layout.h"
#include "pd_core.h"

#include <poppler.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t poppler_mu = PTHREAD_MUTEX_INITIALIZER;

static bool
decode_locked(const char *raw, size_t len, pl_intake_result *out, char *why, size_t whylen)
{
	GBytes	   *bytes = g_bytes_new_static(raw, len);
	GError	   *err = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	pl_layout	lay = {0};
	pl_buf		ob = {0};
	int			npages;
	bool		ok;

	if (doc == NULL)
	{
		if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED)
			snprintf(why, whylen, "password-protected PDF: save it without a password first");
		else
			snprintf(why, whylen, "damaged or unreadable PDF (%s)", err && err->message ? err->message : "poppler could not open it");
		if (err)
			g_error_free(err);
		g_bytes_unref(bytes);
		return false;
	}
	npages = poppler_document_get_n_pages(doc);
	if (npages > PL_MAX_PAGES)
	{
		snprintf(why, whylen, "PDF of %d pages (at most %d are read)", npages, PL_MAX_PAGES);
		g_object_unref(doc);
		g_bytes_unref(bytes);
		return false;
	}
	if (npages <= 0)
	{
		snprintf(why, whylen, "PDF without pages");
		g_object_unref(doc);
		g_bytes_unref(bytes);
		return false;
	}
	for (int i = 0; i < npages && !lay.over; i++)
	{
		PopplerPage *page = poppler_document_get_page(doc, i);
		double		w = 0,
					h = 0;
		char	   *text;
		PopplerRectangle *rects = NULL;
		guint		nrects = 0;

		if (page == NULL)
			continue;
		poppler_page_get_size(page, &w, &h);
		if (!pl_layout_page(&lay, w, h))
		{
			g_object_unref(page);
			break;
		}
		text = poppler_page_get_text(page);
		if (text && poppler_page_get_text_layout(page, &rects, &nrects))
		{
			const unsigned char *p = (const unsigned char *) text,
					   *end = p + strlen(text);
			guint		k = 0;

			/* one box per character of the text, in the same order */
			while (p < end && k < nrects)
			{
				uint32_t	cp = pd_u8_next(&p, end);
				const PopplerRectangle *r = &rects[k++];

				pl_layout_glyph(&lay, pl_unify_cjk(cp), r->x1, r->y1, r->x2, r->y2);
			}
		}
		g_free(rects);
		g_free(text);
		g_object_unref(page);
	}
	g_object_unref(doc);
	g_bytes_unref(bytes);

	ok = pl_layout_text(&lay, &ob, why, whylen);
	pl_layout_free(&lay);
	if (!ok)
	{
		pl_buf_free(&ob);
		return false;
	}
	return pl_clean_text(&ob, &out->text, "the PDF", why, whylen);
}

bool
pl_pdf_decode(const char *raw, size_t len, pl_intake_result *out, char *why, size_t whylen)
{
	bool		ok;
	char		w[512];

	pthread_mutex_lock(&poppler_mu);
	ok = decode_locked(raw, len, out, w, sizeof w);
	pthread_mutex_unlock(&poppler_mu);
	if (!ok)
		snprintf(why, whylen, "%s%s", strncmp(w, "no text layer", 13) == 0 ? "PDF with " : "", w);
	else
		snprintf(out->text.encoding, sizeof out->text.encoding, "pdf");
	return ok;
}
