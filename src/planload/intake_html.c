/*
 * intake_html.c — a web page to the text of the plan it carries, and the
 * metadata the page states about it.
 *
 * Encoding: a byte order mark, else the charset the page declares (<meta
 * charset> or http-equiv Content-Type in its first 4 KB; GB2312 and GBK are
 * read as GB18030), else detection as for text files (pl_decode: strict
 * UTF-8, then uchardet).  A declaration that the bytes contradict is
 * ignored and detection decides.  The page, now UTF-8, goes to libxml2's
 * HTML parser (error-recovering, no network, its own charset handling off).
 *
 * Metadata: government sites put a table above the text whose cells pair a
 * label with a value: 标题, 索引号, 发文机关, 发文字号, 成文日期, 主题分类 (and
 * their variants 文号, 发布机构, 名称).  Every cell-like element (td, th, dt,
 * dd, li, span, p, div without block children ...) whose text, without white
 * space and a trailing colon, is a label takes the text of the next such
 * element as its value; an element reading "label：value" holds both.  The
 * labels are a word table of the core's lexicon engine, so Traditional
 * pages (發文字號) read the same.
 *
 * The main content block (text density): for every element count C, the
 * visible characters under it (not white space); L, those inside links; T,
 * the elements under it.  Scripts, styles, forms and navigation (nav,
 * header, footer, aside, and elements whose class or id names a menu, nav,
 * footer, header, breadcrumb, share bar, sidebar or copyright) count no
 * text.  Among the elements that hold at least 60% of the page's non-link
 * text (C - L), the one with the highest density (C - L) / (T + 1) wins: a
 * content div full of paragraphs beats the page body around it, whose menus
 * and lists add elements and links but little text of their own; the 60%
 * floor keeps a single long paragraph from winning.  The title (the
 * table's 标题, else the page's first <h1>) is put before the text when the
 * block does not start with it.
 *
 * Text: block elements (p, div, li, h1-h6, br, ...) end lines; a table row
 * becomes one line with its cells separated by tabs, as the table parser
 * reads Word's tables, unless a cell holds a long text or a table of its
 * own (a layout table), when its cells are blocks.  White space inside a
 * line collapses as a browser does; indentation at the start of a line is
 * dropped.
 */
#include "intake.h"
#include "pd_core.h"
#include "pd_lexicon.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum
{
	F_TITLE = 1, F_INDEX, F_ISSUER, F_DOCNO, F_ISSUED, F_SUBJECT, F_PUBLISHED
};

static const pd_word label_words[] = {
	{"标题", F_TITLE, 0}, {"名称", F_TITLE, 0}, {"文件名称", F_TITLE, 0},
	{"索引号", F_INDEX, 0},
	{"发文机关", F_ISSUER, 0}, {"发布机构", F_ISSUER, 0}, {"发文单位", F_ISSUER, 0},
	{"发文字号", F_DOCNO, 0}, {"文号", F_DOCNO, 0}, {"发文文号", F_DOCNO, 0},
	{"成文日期", F_ISSUED, 0}, {"发文日期", F_ISSUED, 0},
	{"主题分类", F_SUBJECT, 0}, {"主题", F_SUBJECT, 0},
	{"发布日期", F_PUBLISHED, 0},
};
static pd_wordtab labels = PD_WORDTAB(label_words);

#define NODE_IS(n, s) ((n)->type == XML_ELEMENT_NODE && strcasecmp((const char *) (n)->name, (s)) == 0)

/* ---- element classes ---------------------------------------------------- */

static bool
name_in(const xmlNode *n, const char *const *list)
{
	if (n->type != XML_ELEMENT_NODE)
		return false;
	for (int i = 0; list[i]; i++)
		if (strcasecmp((const char *) n->name, list[i]) == 0)
			return true;
	return false;
}

static const char *const skipped_tags[] = {"script", "style", "noscript", "iframe", "nav", "header",
	"footer", "aside", "form", "select", "button", "input", "textarea", "svg", "object", "embed",
	"template", "head", "map", NULL};

static const char *const block_tags[] = {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd",
	"h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "tbody", "thead", "tfoot", "blockquote",
	"section", "article", "main", "center", "address", "hr", "pre", "figure", "figcaption",
	"caption", "body", NULL};

/* class or id words that mark site furniture, not the document */
static const char *const furniture[] = {"nav", "menu", "footer", "header", "breadcrumb", "crumb",
	"share", "sidebar", "copyright", "toolbar", "login", "search", "banner", NULL};

static bool
furniture_attr(const xmlNode *n, const char *attr)
{
	xmlChar    *v = xmlGetProp(n, (const xmlChar *) attr);
	bool		hit = false;

	if (v == NULL)
		return false;
	for (char *s = (char *) v; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 32;
	for (int i = 0; furniture[i] && !hit; i++)
		hit = strstr((char *) v, furniture[i]) != NULL;
	xmlFree(v);
	return hit;
}

static bool
hidden(const xmlNode *n)
{
	xmlChar    *st = xmlGetProp(n, (const xmlChar *) "style");
	bool		h = false;

	if (st)
	{
		char	   *s = (char *) st,
				   *w = s;

		for (char *r = s; *r; r++)
			if (*r != ' ')
				*w++ = (*r >= 'A' && *r <= 'Z') ? *r + 32 : *r;
		*w = '\0';
		h = strstr(s, "display:none") != NULL || strstr(s, "visibility:hidden") != NULL;
		xmlFree(st);
	}
	return h;
}

/* an element whose text is no part of the document */
static bool
skipped(const xmlNode *n)
{
	return name_in(n, skipped_tags) || hidden(n) ||
		furniture_attr(n, "class") || furniture_attr(n, "id");
}

/* ---- text of a subtree -------------------------------------------------- */

static size_t
visible_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + strlen(s);
	size_t		n = 0;

	while (p < end)
		if (!pd_is_space(pd_u8_next(&p, end)))
			n++;
	return n;
}

typedef struct stats
{
	size_t		c,
				l,
				t;
} stats;

typedef struct best
{
	const xmlNode *node;
	double		density;
	size_t		floor;
} best;

/* C, L and T of every element under n; with b set, keep the densest eligible one */
static stats
measure(const xmlNode *n, bool in_link, int depth, best *b)
{
	stats		s = {0, 0, 0};

	for (const xmlNode *c = n->children; c; c = c->next)
	{
		if (c->type == XML_TEXT_NODE && c->content)
		{
			size_t		k = visible_chars((const char *) c->content);

			s.c += k;
			if (in_link)
				s.l += k;
		}
		else if (c->type == XML_ELEMENT_NODE)
		{
			s.t++;
			if (skipped(c) || depth >= PL_MAX_XML_DEPTH)
				continue;
			{
				stats		k = measure(c, in_link || NODE_IS(c, "a"), depth + 1, b);

				s.c += k.c;
				s.l += k.l;
				s.t += k.t;
			}
		}
	}
	if (b && b->floor > 0 && s.c - s.l >= b->floor && !NODE_IS(n, "a"))
	{
		double		d = (double) (s.c - s.l) / (double) (s.t + 1);

		if (d >= b->density)
		{
			b->density = d;
			b->node = n;
		}
	}
	return s;
}

/* ---- rendering ---------------------------------------------------------- */

typedef struct render
{
	pl_buf	   *out;
	int			pre;			/* inside <pre> */
} render;

static bool
at_line_start(const pl_buf *b)
{
	return b->len == 0 || b->data[b->len - 1] == '\n';
}

static void
put_text(render *r, const char *s)
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + strlen(s);

	while (p < end)
	{
		const unsigned char *q = p;
		uint32_t	cp = pd_u8_next(&p, end);

		if (r->pre)
		{
			pl_buf_put(r->out, (const char *) q, (size_t) (p - q));
			continue;
		}
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f')
		{
			/* collapsed: one space, none at a line start or after one */
			if (!at_line_start(r->out) && r->out->data[r->out->len - 1] != ' ' &&
				r->out->data[r->out->len - 1] != '\t')
				pl_buf_putc(r->out, ' ');
			continue;
		}
		if ((cp == 0x3000 || cp == 0xA0) && at_line_start(r->out))
			continue;			/* indentation */
		pl_buf_put(r->out, (const char *) q, (size_t) (p - q));
	}
}

static void render_children(render *r, const xmlNode *n, int depth);

static void
end_line(render *r)
{
	pl_buf_rtrim(r->out);
	pl_buf_newline(r->out);
}

/* a cell's text on one line: its lines joined */
static char *
cell_text(const xmlNode *cell, int depth, bool *layout)
{
	pl_buf		b = {0};
	render		cr = {&b, 0};
	size_t		w = 0;

	render_children(&cr, cell, depth + 1);
	if (b.over)
		*layout = true;
	if (b.data == NULL)
		return strdup("");
	if (b.len > 600)
		*layout = true;
	for (size_t i = 0; i < b.len; i++)
	{
		char		ch = b.data[i];

		if (ch == '\n' || ch == '\t')
		{
			/* a space only between two ASCII letters or digits */
			bool		sp = w > 0 && i + 1 < b.len &&
				((unsigned char) b.data[w - 1] < 0x80 && b.data[w - 1] != ' ') &&
				((unsigned char) b.data[i + 1] < 0x80 && b.data[i + 1] != '\n');

			if (sp)
				b.data[w++] = ' ';
			continue;
		}
		b.data[w++] = ch;
	}
	while (w > 0 && b.data[w - 1] == ' ')
		w--;
	b.data[w] = '\0';
	return b.data;
}

static bool
has_table(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
			(NODE_IS(c, "table") || (depth < PL_MAX_XML_DEPTH && has_table(c, depth + 1))))
			return true;
	return false;
}

static void
render_row(render *r, const xmlNode *tr, int depth)
{
	char	   *cells[256];
	int			n = 0;
	bool		layout = false;

	for (const xmlNode *c = tr->children; c; c = c->next)
		if ((NODE_IS(c, "td") || NODE_IS(c, "th")) && !skipped(c))
		{
			if (has_table(c, depth))
				layout = true;
			if (n < 256)
				cells[n++] = NULL;
		}
	if (layout || n > 64)
	{
		for (int i = 0; i < n; i++)
			free(cells[i]);
		for (const xmlNode *c = tr->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE && !skipped(c))
			{
				end_line(r);
				render_children(r, c, depth + 1);
				end_line(r);
			}
		return;
	}
	n = 0;
	for (const xmlNode *c = tr->children; c; c = c->next)
		if ((NODE_IS(c, "td") || NODE_IS(c, "th")) && !skipped(c))
			cells[n++] = cell_text(c, depth, &layout);
	end_line(r);
	if (layout)
	{
		for (int i = 0; i < n; i++)
		{
			put_text(r, cells[i]);
			end_line(r);
		}
	}
	else
	{
		int			last = n;

		/* trailing empty cells add nothing the table parser reads */
		while (last > 0 && cells[last - 1][0] == '\0')
			last--;
		for (int i = 0; i < last; i++)
		{
			if (i > 0)
				pl_buf_putc(r->out, '\t');
			pl_buf_puts(r->out, cells[i]);
		}
		end_line(r);
	}
	for (int i = 0; i < n; i++)
		free(cells[i]);
}

static void
render_node(render *r, const xmlNode *c, int depth)
{
	if (c->type == XML_TEXT_NODE && c->content)
	{
		put_text(r, (const char *) c->content);
		return;
	}
	if (c->type != XML_ELEMENT_NODE || skipped(c) || depth >= PL_MAX_XML_DEPTH)
		return;
	if (NODE_IS(c, "br"))
	{
		end_line(r);
		return;
	}
	if (NODE_IS(c, "tr"))
	{
		render_row(r, c, depth);
		return;
	}
	if (name_in(c, block_tags))
	{
		bool		pre = NODE_IS(c, "pre");

		end_line(r);
		r->pre += pre;
		render_children(r, c, depth + 1);
		r->pre -= pre;
		end_line(r);
		return;
	}
	render_children(r, c, depth + 1);
}

static void
render_children(render *r, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		render_node(r, c, depth);
}

/* ---- metadata ----------------------------------------------------------- */

/* the text of an element on one line, NUL-terminated (malloc'd) */
static char *
flat_text(const xmlNode *n)
{
	pl_buf		b = {0};
	render		r = {&b, 0};

	render_children(&r, n, 0);
	if (b.data == NULL)
		return strdup("");
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] == '\n' || b.data[i] == '\t')
			b.data[i] = ' ';
	return b.data;
}

static const char *const cell_tags[] = {"td", "th", "dt", "dd", "li", "span", "p", "b", "strong",
	"label", "font", "em", "div", "h3", "h4", "h5", "i", NULL};

static bool
has_block_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !NODE_IS(c, "br") && name_in(c, block_tags))
			return true;
	return false;
}

/* an element that can hold a label or a value */
static bool
cell_like(const xmlNode *n)
{
	return name_in(n, cell_tags) && !has_block_child(n) && !NODE_IS(n, "table");
}

/*
 * If text (one line) starts with a label: its field, and *rest = the text
 * after the label and its colon (may be empty).  0 if not a label.
 */
static int
label_of(const char *text, const char **rest)
{
	uint32_t	cps[24];
	const char *ends[24];
	int			n = 0,
				w,
				len;
	const unsigned char *p = (const unsigned char *) text,
			   *end = p + strlen(text);

	/* the first code points, white space dropped, folded */
	while (p < end && n < 24)
	{
		uint32_t	cp = pd_u8_next(&p, end);

		if (pd_is_space(cp))
			continue;
		cps[n] = pd_fold(cp);
		ends[n] = (const char *) p;
		n++;
		if (cps[n - 1] == ':')
			break;
	}
	if (n == 0)
		return 0;
	w = pd_word_at(&labels, cps, 0, n);
	if (w < 0)
		return 0;
	len = pd_word_len(&labels, w);
	/* a label alone, or followed by a colon */
	if (len < n && cps[len] != ':')
		return 0;
	if (len == n && p < end)
	{
		/* more text after the label without a colon: not a label cell */
		const unsigned char *q = p;

		while (q < end)
			if (!pd_is_space(pd_u8_next(&q, end)))
				return 0;
	}
	*rest = len < n ? ends[len] : (const char *) end;
	return label_words[w].a;
}

static char *
trimmed(const char *s)
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + strlen(s),
			   *q;

	for (;;)
	{
		q = p;
		if (p >= end || !pd_is_space(pd_u8_next(&q, end)))
			break;
		p = q;
	}
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	while (end - p >= 3 && memcmp(end - 3, "\xE3\x80\x80", 3) == 0)
		end -= 3;
	return strndup((const char *) p, (size_t) (end - p));
}

typedef struct meta_walk
{
	pl_meta    *m;
	int			pending;		/* a label cell waiting for its value */
	int			found;
} meta_walk;

static void
set_field(pl_meta *m, int field, const char *value)
{
	char	  **slot = NULL;
	char	   *v = trimmed(value);

	switch (field)
	{
		case F_TITLE: slot = &m->title; break;
		case F_INDEX: slot = &m->index_no; break;
		case F_ISSUER: slot = &m->issuer; break;
		case F_DOCNO: slot = &m->docno; break;
		case F_SUBJECT: slot = &m->subject; break;
		case F_ISSUED:
			{
				char		d[11];

				if (pl_norm_date(v, d))
				{
					free(v);
					v = strdup(d);
				}
				else
				{
					free(v);
					return;
				}
				slot = &m->issued;
				break;
			}
		default:
			free(v);
			return;
	}
	if (*slot == NULL && v[0] != '\0')
		*slot = v;
	else
		free(v);
}

static void
walk_meta(meta_walk *mw, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c; c = c->next)
	{
		if (c->type != XML_ELEMENT_NODE || depth >= PL_MAX_XML_DEPTH)
			continue;
		if (name_in(c, skipped_tags) && !NODE_IS(c, "header"))
			continue;
		if (cell_like(c))
		{
			char	   *t = flat_text(c);
			const char *rest = NULL;
			int			f = strlen(t) < 400 ? label_of(t, &rest) : 0;

			if (f)
			{
				char	   *v = trimmed(rest);

				if (v[0] != '\0')
				{
					set_field(mw->m, f, v);
					mw->pending = 0;
				}
				else
					mw->pending = f;
				free(v);
				free(t);
				mw->found++;
				continue;
			}
			if (mw->pending && strlen(t) < 2000)
			{
				char	   *v = trimmed(t);

				if (v[0] != '\0')
				{
					set_field(mw->m, mw->pending, v);
					mw->pending = 0;
					free(v);
					free(t);
					continue;
				}
				free(v);
			}
			free(t);
		}
		walk_meta(mw, c, depth + 1);
	}
}

static const xmlNode *
find_tag(const xmlNode *n, const char *tag, int depth)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && depth < PL_MAX_XML_DEPTH && !skipped(c))
		{
			const xmlNode *f;

			if (NODE_IS(c, tag))
				return c;
			if ((f = find_tag(c, tag, depth + 1)) != NULL)
				return f;
		}
	return NULL;
}

/* ---- encoding ----------------------------------------------------------- */

/* the charset a page declares in its first 4 KB, as an iconv name, or NULL */
static const char *
declared_charset(const char *raw, size_t len, char *buf, size_t buflen)
{
	size_t		n = len < 4096 ? len : 4096;
	const char *p = raw,
			   *end = raw + n;

	while (p < end && (p = memmem(p, (size_t) (end - p), "charset", 7)) != NULL)
	{
		const char *q = p + 7;
		size_t		k = 0;

		while (q < end && (*q == ' ' || *q == '='))
			q++;
		while (q < end && (*q == '"' || *q == '\''))
			q++;
		while (q < end && k + 1 < buflen &&
			   ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') ||
				*q == '-' || *q == '_'))
			buf[k++] = *q++;
		buf[k] = '\0';
		if (k > 0)
		{
			if (strcasecmp(buf, "gb2312") == 0 || strcasecmp(buf, "gbk") == 0 ||
				strcasecmp(buf, "x-gbk") == 0 || strcasecmp(buf, "gb18030") == 0 ||
				strcasecmp(buf, "cp936") == 0)
				return "GB18030";
			if (strcasecmp(buf, "big5") == 0)
				return "BIG5";
			if (strcasecmp(buf, "utf8") == 0 || strcasecmp(buf, "utf-8") == 0)
				return "UTF-8";
			return pl_encoding_known(buf) ? buf : NULL;
		}
		p += 7;
	}
	return NULL;
}

/* ---- the decoder -------------------------------------------------------- */

/* does the block's text start with the title (white space ignored)? */
static bool
starts_with(const char *text, const char *title)
{
	const unsigned char *a = (const unsigned char *) text,
			   *ae = a + strlen(text),
			   *b = (const unsigned char *) title,
			   *be = b + strlen(title);

	while (b < be)
	{
		uint32_t	cb = pd_u8_next(&b, be),
					ca;

		if (pd_is_space(cb))
			continue;
		do
		{
			if (a >= ae)
				return false;
			ca = pd_u8_next(&a, ae);
		} while (pd_is_space(ca));
		if (pd_fold(ca) != pd_fold(cb))
			return false;
	}
	return true;
}

bool
pl_html_decode(char *raw, size_t len, const char *forced, pl_intake_result *out,
			   char *why, size_t whylen)
{
	pl_text		t;
	char		csbuf[48];
	const char *cs = forced ? forced : declared_charset(raw, len, csbuf, sizeof csbuf);
	htmlDocPtr	doc;
	const xmlNode *root,
			   *body,
			   *block;
	best		b = {NULL, -1, 0};
	stats		all;
	pl_buf		ob = {0};
	render		r = {&ob, 0};
	meta_walk	mw = {&out->meta, 0, 0};
	char	   *copy = NULL;
	bool		ok;

	/* a byte order mark outweighs any declaration */
	if (!forced && len >= 2 && (memcmp(raw, "\xEF\xBB\xBF", len >= 3 ? 3 : 2) == 0 ||
								memcmp(raw, "\xFF\xFE", 2) == 0 || memcmp(raw, "\xFE\xFF", 2) == 0))
		cs = NULL;
	/* a declared charset the bytes contradict: detection decides */
	if (cs && !forced)
	{
		copy = malloc(len + 1);
		if (copy == NULL)
		{
			snprintf(why, whylen, "out of memory");
			return false;
		}
		memcpy(copy, raw, len);
		copy[len] = '\0';
	}
	ok = pl_decode(raw, len, cs, &t, why, whylen);
	if (!ok && copy)
		ok = pl_decode(copy, len, NULL, &t, why, whylen);
	if (!ok)
	{
		free(copy);
		return false;
	}
	if (t.len > (size_t) 0x7FFFFFFF)
	{
		pl_text_free(&t);
		free(copy);
		snprintf(why, whylen, "HTML page too large");
		return false;
	}
	doc = htmlReadMemory(t.data, (int) t.len, NULL, "UTF-8",
						 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
						 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
	snprintf(out->text.encoding, sizeof out->text.encoding, "HTML, %.32s", t.encoding);
	pl_text_free(&t);
	free(copy);					/* (the text may have been decoded in place in it) */
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL)
	{
		if (doc)
			xmlFreeDoc(doc);
		snprintf(why, whylen, "HTML page with no content");
		return false;
	}
	body = find_tag(root, "body", 0);
	if (body == NULL)
		body = root;

	walk_meta(&mw, root, 0);

	all = measure(body, false, 0, NULL);
	b.floor = (all.c - all.l) * 6 / 10;
	if (b.floor == 0)
		b.floor = 1;
	measure(body, false, 0, &b);
	block = b.node ? b.node : body;

	if (out->meta.title == NULL)
	{
		const xmlNode *h1 = find_tag(body, "h1", 0);

		if (h1)
		{
			char	   *ht = flat_text(h1);

			out->meta.title = trimmed(ht);
			free(ht);
			if (out->meta.title[0] == '\0')
			{
				free(out->meta.title);
				out->meta.title = NULL;
			}
		}
	}
	if (NODE_IS(block, "tr"))
		render_row(&r, block, 0);
	else
		render_children(&r, block, 0);
	end_line(&r);
	if (out->meta.title && !ob.over && !starts_with(ob.data ? ob.data : "", out->meta.title))
	{
		pl_buf		tb = {0};

		pl_buf_puts(&tb, out->meta.title);
		pl_buf_puts(&tb, "\n\n");
		if (ob.data)
			pl_buf_put(&tb, ob.data, ob.len);
		pl_buf_free(&ob);
		ob = tb;
	}
	xmlFreeDoc(doc);
	{
		char		enc[40];

		snprintf(enc, sizeof enc, "%s", out->text.encoding);
		ok = pl_clean_text(&ob, &out->text, "the HTML page", why, whylen);
		if (ok)
			snprintf(out->text.encoding, sizeof out->text.encoding, "%s", enc);
		else
			pl_intake_free(out);	/* the metadata read so far */
	}
	return ok;
}
