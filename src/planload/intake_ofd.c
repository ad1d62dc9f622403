/*
 * intake_ofd.c — an OFD file (GB/T 33190-2016, China's fixed-layout
 * format: a ZIP archive of XML) to text.
 *
 * The path to the text: OFD.xml names the document's root file
 * (DocBody/DocRoot, e.g. Doc_0/Document.xml); that lists the pages in
 * order (Pages/Page, BaseLoc relative to its own folder) and the default
 * page size (CommonData/PageArea/PhysicalBox); each page's Content.xml
 * holds layers of text objects (TextObject, also inside PageBlock).  A text
 * object has a Boundary (x y w h, in millimetres from the page's top left
 * corner), a font Size and optionally a CTM; each of its TextCode elements
 * places its characters from (X, Y) — the baseline, relative to the
 * boundary — advancing by DeltaX ("g 3 5.2" repeats 5.2 three times; after
 * the list ends, by the font size).  Page templates (headers, logos) are
 * not read.  Only the first document of the package is read.
 *
 * The characters go to intake_layout.c with their boxes, exactly as PDF's.
 */
#include "intake.h"
#include "intake_layout.h"
#include "intake_zip.h"
#include "pd_core.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* text content of an element (its text children only), trimmed, into buf */
static const char *
text_of(const xmlNode *n, char *buf, size_t buflen)
{
	char	   *s = (char *) pl_xml_text(n, buf, buflen);
	size_t		k;

	while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
		s++;
	k = strlen(s);
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\n' || s[k - 1] == '\r' || s[k - 1] == '\t'))
		s[--k] = '\0';
	return s;
}

/* up to max numbers of a space-separated list */
static int
numbers(const char *s, double *v, int max)
{
	int			n = 0;

	while (s && *s && n < max)
	{
		char	   *end;
		double		d = strtod(s, &end);

		if (end == s)
			break;
		if (!isfinite(d))
			d = 0;
		v[n++] = d;
		s = end;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ',')
			s++;
	}
	return n;
}

/* a DeltaX / DeltaY list expanded ("g 3 5.2" = 5.2 5.2 5.2), at most max */
static int
deltas(const char *s, double *v, int max)
{
	int			n = 0;

	while (s && *s && n < max)
	{
		char	   *end;

		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (*s == '\0')
			break;
		if (*s == 'g')
		{
			long		count = strtol(s + 1, &end, 10);
			double		d;

			s = end;
			d = strtod(s, &end);
			if (end == s)
				break;
			s = end;
			if (!isfinite(d))
				d = 0;
			for (long i = 0; i < count && n < max; i++)
				v[n++] = d;
			continue;
		}
		{
			double		d = strtod(s, &end);

			if (end == s)
				break;
			v[n++] = isfinite(d) ? d : 0;
			s = end;
		}
	}
	return n;
}

typedef struct ctm
{
	double		a,
				b,
				c,
				d,
				e,
				f;
} ctm;

static void
text_object(pl_layout *lay, const xmlNode *to)
{
	char		tmp[512];
	double		bnd[4] = {0, 0, 0, 0},
				size = 3.5,
				m[6];
	ctm			t = {1, 0, 0, 1, 0, 0};
	const char *v;
	double		x = 0,
				y = 0;

	if ((v = pl_xml_attr(to, "Boundary", tmp, sizeof tmp)) != NULL)
		numbers(v, bnd, 4);
	if ((v = pl_xml_attr(to, "Size", tmp, sizeof tmp)) != NULL)
	{
		size = strtod(v, NULL);
		if (!isfinite(size) || size <= 0 || size > 1000)
			size = 3.5;
	}
	if ((v = pl_xml_attr(to, "CTM", tmp, sizeof tmp)) != NULL && numbers(v, m, 6) == 6)
		t = (ctm) {m[0], m[1], m[2], m[3], m[4], m[5]};

	for (const xmlNode *tc = to->children; tc; tc = tc->next)
	{
		double		dx[4096];
		int			ndx = 0;
		const unsigned char *p,
				   *end;
		char	   *txt;
		int			i = 0;

		if (!pl_xml_is(tc, "TextCode"))
			continue;
		if ((v = pl_xml_attr(tc, "X", tmp, sizeof tmp)) != NULL)
			x = strtod(v, NULL);
		if ((v = pl_xml_attr(tc, "Y", tmp, sizeof tmp)) != NULL)
			y = strtod(v, NULL);
		if (!isfinite(x) || !isfinite(y))
			continue;
		{
			xmlChar    *dxs = xmlGetProp(tc, (const xmlChar *) "DeltaX");

			if (dxs)
			{
				ndx = deltas((const char *) dxs, dx, 4096);
				xmlFree(dxs);
			}
		}
		txt = (char *) xmlNodeGetContent(tc);
		if (txt == NULL)
			continue;
		p = (const unsigned char *) txt;
		end = p + strlen(txt);
		while (p < end)
		{
			uint32_t	cp = pd_u8_next(&p, end);
			double		adv = i < ndx ? dx[i] : size;
			double		gx0 = x,
						gy0 = y - size * 0.88,
						gx1 = x + (cp < 0x2E80 ? size * 0.5 : size),
						gy1 = y + size * 0.12;
			/* through the CTM, then from the boundary's origin */
			double		X0 = t.a * gx0 + t.c * gy0 + t.e + bnd[0],
						Y0 = t.b * gx0 + t.d * gy0 + t.f + bnd[1],
						X1 = t.a * gx1 + t.c * gy1 + t.e + bnd[0],
						Y1 = t.b * gx1 + t.d * gy1 + t.f + bnd[1];

			pl_layout_glyph(lay, pl_unify_cjk(cp), X0, Y0, X1, Y1);
			x += adv;
			i++;
		}
		xmlFree(txt);
	}
}

static void
walk_content(pl_layout *lay, const xmlNode *n, int depth)
{
	if (depth > PL_MAX_XML_DEPTH)
		return;
	for (const xmlNode *c = n->children; c; c = c->next)
	{
		if (pl_xml_is(c, "TextObject"))
			text_object(lay, c);
		else if (pl_xml_is(c, "Layer") || pl_xml_is(c, "PageBlock") || pl_xml_is(c, "Content"))
			walk_content(lay, c, depth + 1);
	}
}

static bool
page_size(const xmlNode *area, double *w, double *h)
{
	char		buf[256];
	double		v[4];
	const xmlNode *pb = pl_xml_child(area, "PhysicalBox");

	if (pb && numbers(text_of(pb, buf, sizeof buf), v, 4) == 4 && v[2] > 0 && v[3] > 0)
	{
		*w = v[2];
		*h = v[3];
		return true;
	}
	return false;
}

bool
pl_ofd_decode(const char *raw, size_t len, pl_intake_result *out, char *why, size_t whylen)
{
	pl_zip	   *z = pl_zip_open(raw, len, why, whylen);
	xmlDocPtr	ofd = NULL,
				doc = NULL;
	const xmlNode *root,
			   *pages;
	char		docroot[1024],
				buf[1024];
	double		dw = 210,
				dh = 297;
	pl_layout	lay = {0};
	pl_buf		ob = {0};
	bool		ok = false;
	int			npages = 0;

	if (z == NULL)
		return false;
	ofd = pl_zip_xml(z, "OFD.xml", NULL, why, whylen);
	if (ofd == NULL)
		goto done;
	root = xmlDocGetRootElement(ofd);
	{
		const xmlNode *body = pl_xml_child(root, "DocBody"),
				   *dr = pl_xml_child(body, "DocRoot");

		if (dr == NULL)
		{
			snprintf(why, whylen, "OFD.xml names no document (DocBody/DocRoot)");
			goto done;
		}
		pl_zip_join("", text_of(dr, buf, sizeof buf), docroot, sizeof docroot);
	}
	doc = pl_zip_xml(z, docroot, NULL, why, whylen);
	if (doc == NULL)
		goto done;
	root = xmlDocGetRootElement(doc);
	page_size(pl_xml_child(pl_xml_child(root, "CommonData"), "PageArea"), &dw, &dh);
	pages = pl_xml_child(root, "Pages");
	for (const xmlNode *pg = pages ? pages->children : NULL; pg; pg = pg->next)
		npages += pl_xml_is(pg, "Page");
	if (npages == 0)
	{
		snprintf(why, whylen, "the OFD document has no pages");
		goto done;
	}
	if (npages > PL_MAX_PAGES)
	{
		snprintf(why, whylen, "OFD of %d pages (at most %d are read)", npages, PL_MAX_PAGES);
		goto done;
	}
	for (const xmlNode *pg = pages->children; pg; pg = pg->next)
	{
		char		tmp[1024],
					loc[1024];
		const char *base;
		xmlDocPtr	pd;
		double		w = dw,
					h = dh;

		if (!pl_xml_is(pg, "Page"))
			continue;
		base = pl_xml_attr(pg, "BaseLoc", tmp, sizeof tmp);
		if (base == NULL)
			continue;
		pl_zip_join(docroot, base, loc, sizeof loc);
		pd = pl_zip_xml(z, loc, NULL, why, whylen);
		if (pd == NULL)
			goto done;
		page_size(pl_xml_child(xmlDocGetRootElement(pd), "Area"), &w, &h);
		if (!pl_layout_page(&lay, w, h))
		{
			xmlFreeDoc(pd);
			break;
		}
		walk_content(&lay, xmlDocGetRootElement(pd), 0);
		xmlFreeDoc(pd);
	}
	if (!pl_layout_text(&lay, &ob, why, whylen))
	{
		if (strncmp(why, "no text layer", 13) == 0)
			snprintf(why, whylen, "OFD without text objects (a scanned document? run OCR on it first)");
		goto done;
	}
	ok = pl_clean_text(&ob, &out->text, "the OFD file", why, whylen);
	if (ok)
		snprintf(out->text.encoding, sizeof out->text.encoding, "ofd");

done:
	pl_buf_free(&ob);
	pl_layout_free(&lay);
	if (doc)
		xmlFreeDoc(doc);
	if (ofd)
		xmlFreeDoc(ofd);
	pl_zip_close(z);
	return ok;
}
