/*
 * intake_docx.c — a Word file (.docx, Office Open XML) to text.
 *
 * Read from the archive (intake_zip.c, bounded): word/document.xml, and
 * when present word/numbering.xml and word/styles.xml.  The body is walked
 * in document order:
 *   - a paragraph (w:p) is one line: its runs' text (w:t), tabs, line breaks
 *     (w:br, w:cr) and non-breaking hyphens; deleted text (w:del), hidden
 *     runs (w:vanish), field instructions (w:instrText) and drawings/text
 *     boxes are left out; inserted text, hyperlinks, content controls,
 *     smart tags and simple fields are read through;
 *   - a paragraph with list numbering — its own w:numPr, or its style's
 *     (following w:basedOn; styles.xml is streamed, and only when a list
 *     and a styled paragraph exist) — starts with the number Word would show,
 *     counted and formatted by intake_numbering.c;
 *   - a table (w:tbl) gives one line per row, its cells' text separated by
 *     tabs, the layout the table parser reads from Word's own text export;
 *     a cell's paragraphs are joined, nested tables flattened into it;
 *   - headers, footers, footnotes and comments are not part of the text.
 */
#include "intake.h"
#include "intake_numbering.h"
#include "intake_zip.h"
#include "pd_core.h"

#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct style_num
{
	char		id[64];
	char		based_on[64];
	int			numId;			/* -1: the style names no numbering */
	int			ilvl;
} style_num;

typedef struct docx
{
	pl_numbering nb;
	style_num  *styles;
	int			nstyles;
	bool		styles_read;
	pl_zip	   *zip;			/* for reading styles.xml when first needed */
	pl_buf		out;
} docx;

static int
attr_int(const xmlNode *n, const char *local, int dflt)
{
	char		tmp[32];
	const char *v = pl_xml_attr(n, local, tmp, sizeof tmp);

	if (v == NULL || *v == '\0')
		return dflt;
	return (int) strtol(v, NULL, 10);
}

/* a boolean property: present and not val="0"/"false"/"off" */
static bool
on(const xmlNode *prop)
{
	char		tmp[16];
	const char *v;

	if (prop == NULL)
		return false;
	v = pl_xml_attr(prop, "val", tmp, sizeof tmp);
	return v == NULL || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

/* ---- numbering.xml ------------------------------------------------------ */

static void
read_level(const xmlNode *lv, pl_num_level *l, int ilvl)
{
	const xmlNode *c;
	char		tmp[64];
	const char *v;

	pl_num_level_default(l, ilvl);
	l->defined = true;
	if ((c = pl_xml_child(lv, "start")) != NULL)
		l->start = attr_int(c, "val", 1);
	if ((c = pl_xml_child(lv, "lvlRestart")) != NULL)
		l->restart = attr_int(c, "val", -1);
	if ((c = pl_xml_child(lv, "numFmt")) != NULL && (v = pl_xml_attr(c, "val", tmp, sizeof tmp)) != NULL)
		snprintf(l->fmt, sizeof l->fmt, "%s", v);
	if ((c = pl_xml_child(lv, "lvlText")) != NULL && (v = pl_xml_attr(c, "val", tmp, sizeof tmp)) != NULL)
		snprintf(l->text, sizeof l->text, "%s", v);
	if ((c = pl_xml_child(lv, "suff")) != NULL && (v = pl_xml_attr(c, "val", tmp, sizeof tmp)) != NULL)
		l->suff = strcmp(v, "space") == 0 ? 's' : strcmp(v, "nothing") == 0 ? 'n' : 't';
	l->legal = on(pl_xml_child(lv, "isLgl"));
	/* a level text cut by our buffer would render garbage: keep whole characters */
	if (strlen(l->text) == sizeof l->text - 1)
		l->text[0] = '\0';
}

static void
read_numbering(docx *d, xmlDocPtr doc)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	int			na = 0,
				nn = 0;

	for (const xmlNode *c = root->children; c; c = c->next)
		na += pl_xml_is(c, "abstractNum"), nn += pl_xml_is(c, "num");
	if (na > 10000 || nn > 10000)
		return;
	d->nb.abs = calloc((size_t) na + 1, sizeof *d->nb.abs);
	d->nb.num = calloc((size_t) nn + 1, sizeof *d->nb.num);
	if (d->nb.abs == NULL || d->nb.num == NULL)
		return;
	for (const xmlNode *c = root->children; c; c = c->next)
	{
		if (pl_xml_is(c, "abstractNum"))
		{
			pl_num_abstract *a = &d->nb.abs[d->nb.nabs++];

			a->id = attr_int(c, "abstractNumId", -1);
			for (int i = 0; i < PL_NUM_LEVELS; i++)
				pl_num_level_default(&a->lvl[i], i);
			for (const xmlNode *lv = c->children; lv; lv = lv->next)
				if (pl_xml_is(lv, "lvl"))
				{
					int			i = attr_int(lv, "ilvl", 0);

					if (i >= 0 && i < PL_NUM_LEVELS)
						read_level(lv, &a->lvl[i], i);
				}
		}
		else if (pl_xml_is(c, "num"))
		{
			pl_num_instance *in = &d->nb.num[d->nb.nnum++];
			const xmlNode *an = pl_xml_child(c, "abstractNumId");
			int			aid = an ? attr_int(an, "val", -1) : -1;

			in->id = attr_int(c, "numId", -1);
			in->abstract = -1;
			for (int i = 0; i < PL_NUM_LEVELS; i++)
				in->start_override[i] = -1;
			/* resolved below, once every abstractNum is read */
			in->abstract = -2 - aid;
			for (const xmlNode *o = c->children; o; o = o->next)
				if (pl_xml_is(o, "lvlOverride"))
				{
					int			i = attr_int(o, "ilvl", 0);
					const xmlNode *so = pl_xml_child(o, "startOverride"),
							   *lv = pl_xml_child(o, "lvl");

					if (i < 0 || i >= PL_NUM_LEVELS)
						continue;
					if (so)
						in->start_override[i] = attr_int(so, "val", 1);
					if (lv)
						read_level(lv, &in->lvl_override[i], i);
				}
		}
	}
	for (int i = 0; i < d->nb.nnum; i++)
	{
		int			aid = -2 - d->nb.num[i].abstract;

		d->nb.num[i].abstract = -1;
		for (int k = 0; k < d->nb.nabs; k++)
			if (d->nb.abs[k].id == aid)
				d->nb.num[i].abstract = k;
	}
}

/* ---- styles.xml: the numbering a paragraph style carries ------------------ */

/*
 * styles.xml is read only when a numbered list exists and a paragraph names
 * a style, and then with libxml2's streaming reader: Word's own styles part
 * is some 30-60 kB, a template's can be 350 kB, and only the few styles
 * with w:numPr matter.  Same safety as pl_xml_parse: no DTD, no network, no
 * entity substitution.
 */
static void
add_style(docx *d, int *cap, const style_num *s)
{
	if (d->nstyles == *cap)
	{
		int			nc = *cap ? *cap * 2 : 64;
		style_num  *ns = realloc(d->styles, (size_t) nc * sizeof *ns);

		if (ns == NULL)
			return;
		d->styles = ns;
		*cap = nc;
	}
	d->styles[d->nstyles++] = *s;
}

static const char *
reader_attr(xmlTextReaderPtr r, const char *local, char *buf, size_t buflen)
{
	const char *v = NULL;

	if (xmlTextReaderMoveToFirstAttribute(r) == 1)
	{
		do
		{
			const xmlChar *ln = xmlTextReaderConstLocalName(r);

			if (ln && strcmp((const char *) ln, local) == 0)
			{
				snprintf(buf, buflen, "%s", (const char *) xmlTextReaderConstValue(r));
				v = buf;
				break;
			}
		} while (xmlTextReaderMoveToNextAttribute(r) == 1);
		xmlTextReaderMoveToElement(r);
	}
	return v;
}

static void
read_styles(docx *d, pl_zip *z)
{
	size_t		len;
	bool		absent;
	char		why[256];
	char	   *buf = pl_zip_read(z, "word/styles.xml", &len, &absent, why, sizeof why);
	xmlTextReaderPtr r;
	style_num	cur;
	bool		in_style = false;
	int			cap = 0;

	d->styles_read = true;
	if (buf == NULL)
		return;
	if (pl_xml_has_doctype(buf, len) || len > (size_t) 0x7FFFFFFF ||
		(r = xmlReaderForMemory(buf, (int) len, NULL, NULL,
								XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) == NULL)
	{
		free(buf);
		return;
	}
	memset(&cur, 0, sizeof cur);
	while (xmlTextReaderRead(r) == 1)
	{
		const xmlChar *ln = xmlTextReaderConstLocalName(r);
		int			type = xmlTextReaderNodeType(r);
		char		tmp[64];
		const char *v;

		if (ln == NULL)
			continue;
		if (type == XML_READER_TYPE_END_ELEMENT && strcmp((const char *) ln, "style") == 0)
		{
			if (in_style)
				add_style(d, &cap, &cur);
			in_style = false;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (strcmp((const char *) ln, "style") == 0)
		{
			memset(&cur, 0, sizeof cur);
			cur.numId = -1;
			if ((v = reader_attr(r, "styleId", tmp, sizeof tmp)) != NULL)
				snprintf(cur.id, sizeof cur.id, "%s", v);
			in_style = !xmlTextReaderIsEmptyElement(r);
			if (!in_style)
				add_style(d, &cap, &cur);
		}
		else if (in_style && strcmp((const char *) ln, "basedOn") == 0 &&
				 (v = reader_attr(r, "val", tmp, sizeof tmp)) != NULL)
			snprintf(cur.based_on, sizeof cur.based_on, "%s", v);
		else if (in_style && strcmp((const char *) ln, "numId") == 0)
			cur.numId = (v = reader_attr(r, "val", tmp, sizeof tmp)) ? (int) strtol(v, NULL, 10) : 0;
		else if (in_style && strcmp((const char *) ln, "ilvl") == 0)
			cur.ilvl = (v = reader_attr(r, "val", tmp, sizeof tmp)) ? (int) strtol(v, NULL, 10) : 0;
		if (d->nstyles > 20000)
			break;
	}
	xmlFreeTextReader(r);
	free(buf);
}

static bool
style_numbering(docx *d, const char *id, int *numId, int *ilvl)
{
	if (d->nb.nnum == 0 || id == NULL)
		return false;			/* no lists: no style can number a paragraph */
	if (!d->styles_read)
		read_styles(d, d->zip);
	for (int hops = 0; hops < 16 && id && *id; hops++)
	{
		const style_num *s = NULL;

		for (int i = 0; i < d->nstyles; i++)
			if (strcmp(d->styles[i].id, id) == 0)
			{
				s = &d->styles[i];
				break;
			}
		if (s == NULL)
			return false;
		if (s->numId >= 0)
		{
			*numId = s->numId;
			*ilvl = s->ilvl;
			return true;
		}
		id = s->based_on;
	}
	return false;
}

/* ---- document.xml ----------------------------------------------------- */

static void runs(docx *d, const xmlNode *n, int depth);

static void
run(docx *d, const xmlNode *r)
{
	const xmlNode *rpr = pl_xml_child(r, "rPr");

	if (rpr && on(pl_xml_child(rpr, "vanish")))
		return;
	for (const xmlNode *c = r->children; c; c = c->next)
	{
		if (pl_xml_is(c, "t"))
		{
			for (const xmlNode *t = c->children; t; t = t->next)
				if (t->type == XML_TEXT_NODE && t->content)
					pl_buf_puts(&d->out, (const char *) t->content);
		}
		else if (pl_xml_is(c, "tab") || pl_xml_is(c, "ptab"))
			pl_buf_putc(&d->out, '\t');
		else if (pl_xml_is(c, "br"))
		{
			char		tmp[16];
			const char *type = pl_xml_attr(c, "type", tmp, sizeof tmp);

			if (type == NULL || strcmp(type, "textWrapping") == 0)
				pl_buf_putc(&d->out, '\n');
		}
		else if (pl_xml_is(c, "cr"))
			pl_buf_putc(&d->out, '\n');
		else if (pl_xml_is(c, "noBreakHyphen"))
			pl_buf_putc(&d->out, '-');
	}
}

/* the runs of a paragraph and of the elements that wrap runs */
static void
runs(docx *d, const xmlNode *n, int depth)
{
	if (depth > PL_MAX_XML_DEPTH)
		return;
	for (const xmlNode *c = n->children; c; c = c->next)
	{
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (pl_xml_is(c, "r"))
			run(d, c);
		else if (pl_xml_is(c, "ins") || pl_xml_is(c, "hyperlink") || pl_xml_is(c, "smartTag") ||
				 pl_xml_is(c, "fldSimple") || pl_xml_is(c, "customXml") || pl_xml_is(c, "sdtContent") ||
				 pl_xml_is(c, "sdt") || pl_xml_is(c, "moveTo") || pl_xml_is(c, "dir") ||
				 pl_xml_is(c, "bdo"))
			runs(d, c, depth + 1);
		/* w:del, w:moveFrom, w:pPr, drawings, text boxes: no text of the page's flow */
	}
}

static void
paragraph(docx *d, const xmlNode *p, int depth)
{
	const xmlNode *ppr = pl_xml_child(p, "pPr"),
			   *npr = pl_xml_child(ppr, "numPr");
	int			numId = 0,
				ilvl = 0;
	bool		numbered = false;

	if (npr)
	{
		const xmlNode *ni = pl_xml_child(npr, "numId"),
				   *il = pl_xml_child(npr, "ilvl");

		numId = ni ? attr_int(ni, "val", 0) : 0;
		ilvl = il ? attr_int(il, "val", 0) : 0;
		numbered = true;
		/* numPr with only ilvl: the style's list at that level */
		if (ni == NULL)
		{
			int			sl;
			const xmlNode *ps = pl_xml_child(ppr, "pStyle");
			char		tmp[64];

			numbered = ps && style_numbering(d, pl_xml_attr(ps, "val", tmp, sizeof tmp), &numId, &sl);
		}
	}
	else if (ppr && pl_xml_child(ppr, "pStyle"))
	{
		char		tmp[64];

		numbered = style_numbering(d, pl_xml_attr(pl_xml_child(ppr, "pStyle"), "val", tmp, sizeof tmp),
								   &numId, &ilvl);
	}
	if (numbered && numId > 0 && d->nb.nnum > 0)
	{
		char		num[256];
		size_t		before = d->out.len;

		runs(d, p, depth + 1);
		/* an empty paragraph shows no number in print either (and does not count) */
		if (d->out.len > before)
		{
			size_t		n = pl_num_render(&d->nb, numId, ilvl, num, sizeof num);

			if (n > 0 && !d->out.over)
			{
				pl_buf_put(&d->out, num, n);	/* make room, then move it in front */
				if (!d->out.over)
				{
					memmove(d->out.data + before + n, d->out.data + before, d->out.len - n - before);
					memcpy(d->out.data + before, num, n);
				}
			}
		}
	}
	else
		runs(d, p, depth + 1);
}

static void block_content(docx *d, const xmlNode *n, int depth, bool in_cell);

static void
table(docx *d, const xmlNode *tbl, int depth, bool in_cell)
{
	for (const xmlNode *tr = tbl->children; tr; tr = tr->next)
	{
		int			cells = 0;

		if (!pl_xml_is(tr, "tr"))
			continue;
		if (!in_cell)
			pl_buf_newline(&d->out);
		for (const xmlNode *tc = tr->children; tc; tc = tc->next)
		{
			const xmlNode *cell = tc;

			/* a cell inside a content control */
			if (pl_xml_is(tc, "sdt"))
				cell = pl_xml_child(pl_xml_child(tc, "sdtContent"), "tc");
			if (!pl_xml_is(cell, "tc"))
				continue;
			if (cells++ > 0)
				pl_buf_putc(&d->out, in_cell ? ' ' : '\t');
			block_content(d, cell, depth + 1, true);
		}
		if (!in_cell)
		{
			pl_buf_rtrim(&d->out);
			pl_buf_putc(&d->out, '\n');
		}
	}
}

/*
 * Paragraphs and tables in order.  In a cell, paragraphs are joined (a space
 * between two ASCII letters or digits) and line breaks become spaces, so a
 * row stays one line.
 */
static void
block_content(docx *d, const xmlNode *n, int depth, bool in_cell)
{
	bool		first = true;

	if (depth > PL_MAX_XML_DEPTH)
		return;
	for (const xmlNode *c = n->children; c; c = c->next)
	{
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (pl_xml_is(c, "p"))
		{
			size_t		before = d->out.len;

			if (!in_cell)
				pl_buf_newline(&d->out);
			else if (!first && d->out.len > 0)
			{
				unsigned char last = (unsigned char) d->out.data[d->out.len - 1];

				if (last < 0x80 && last != '\t' && last != ' ')
					pl_buf_putc(&d->out, ' ');
				before = d->out.len;
			}
			paragraph(d, c, depth + 1);
			if (in_cell)
			{
				for (size_t i = before; i < d->out.len && !d->out.over; i++)
					if (d->out.data[i] == '\n' || d->out.data[i] == '\t')
						d->out.data[i] = ' ';
			}
			else
				pl_buf_putc(&d->out, '\n');
			first = false;
		}
		else if (pl_xml_is(c, "tbl"))
		{
			table(d, c, depth + 1, in_cell);
			first = false;
		}
		else if (pl_xml_is(c, "sdt"))
			block_content(d, pl_xml_child(c, "sdtContent") ? pl_xml_child(c, "sdtContent") : c, depth + 1, in_cell);
		else if (pl_xml_is(c, "customXml") || pl_xml_is(c, "ins") || pl_xml_is(c, "body"))
			block_content(d, c, depth + 1, in_cell);
	}
}

bool
pl_docx_decode(const char *raw, size_t len, pl_intake_result *out, char *why, size_t whylen)
{
	docx		d;
	pl_zip	   *z = pl_zip_open(raw, len, why, whylen);
	xmlDocPtr	doc,
				aux;
	const xmlNode *root,
			   *body;
	bool		absent,
				ok;

	memset(&d, 0, sizeof d);
	if (z == NULL)
		return false;
	if (!pl_zip_has(z, "word/document.xml"))
	{
		snprintf(why, whylen, "a ZIP archive that is neither a Word file (no word/document.xml) "
				 "nor an OFD file (no OFD.xml)");
		pl_zip_close(z);
		return false;
	}
	doc = pl_zip_xml(z, "word/document.xml", &absent, why, whylen);
	if (doc == NULL)
	{
		pl_zip_close(z);
		return false;
	}
	/* numbering and styles are optional; a damaged one fails the file */
	aux = pl_zip_xml(z, "word/numbering.xml", &absent, why, whylen);
	if (aux == NULL && !absent)
		goto fail;
	if (aux)
	{
		read_numbering(&d, aux);
		xmlFreeDoc(aux);
	}
	d.zip = z;
	root = xmlDocGetRootElement(doc);
	body = pl_xml_child(root, "body");
	if (body == NULL)
	{
		snprintf(why, whylen, "word/document.xml has no body");
		goto fail;
	}
	block_content(&d, body, 0, false);
	xmlFreeDoc(doc);
	pl_zip_close(z);
	pl_numbering_free(&d.nb);
	free(d.styles);
	ok = pl_clean_text(&d.out, &out->text, "the Word file", why, whylen);
	if (ok)
		snprintf(out->text.encoding, sizeof out->text.encoding, "docx");
	return ok;

fail:
	xmlFreeDoc(doc);
	pl_zip_close(z);
	pl_numbering_free(&d.nb);
	free(d.styles);
	pl_buf_free(&d.out);
	return false;
}
