/*
 * intake_zip.c — the bounded ZIP and XML readers of the DOCX and OFD
 * decoders (see intake_zip.h for the rules).  libzip reads the archive from
 * memory; libxml2 parses the members.
 */
#include "intake_zip.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct pl_zip
{
	zip_t	   *za;
	size_t		read_total;		/* uncompressed bytes handed out so far */
};

pl_zip *
pl_zip_open(const char *raw, size_t len, char *why, size_t whylen)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t	   *za;
	pl_zip	   *z;
	zip_int64_t n;

	zip_error_init(&ze);
	src = zip_source_buffer_create(raw, len, 0, &ze);
	if (src == NULL)
	{
		snprintf(why, whylen, "cannot read the ZIP archive: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (za == NULL)
	{
		snprintf(why, whylen, "damaged or truncated ZIP archive (%s)", zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	n = zip_get_num_entries(za, 0);
	if (n < 0 || n > PL_MAX_ZIP_ENTRIES)
	{
		snprintf(why, whylen, "ZIP archive with %lld members (at most %d are read)",
				 (long long) n, PL_MAX_ZIP_ENTRIES);
		zip_discard(za);
		return NULL;
	}
	z = calloc(1, sizeof *z);
	if (z == NULL)
	{
		zip_discard(za);
		snprintf(why, whylen, "out of memory");
		return NULL;
	}
	z->za = za;
	return z;
}

void
pl_zip_close(pl_zip *z)
{
	if (z)
	{
		zip_discard(z->za);
		free(z);
	}
}

static const char *
member_name(const char *name)
{
	while (*name == '/')
		name++;
	return name;
}

bool
pl_zip_has(pl_zip *z, const char *name)
{
	return zip_name_locate(z->za, member_name(name), 0) >= 0;
}

char *
pl_zip_read(pl_zip *z, const char *name, size_t *len, bool *absent, char *why, size_t whylen)
{
	const char *m = member_name(name);
	zip_int64_t idx = zip_name_locate(z->za, m, 0);
	zip_stat_t	st;
	zip_file_t *f;
	char	   *buf;
	zip_int64_t got;
	size_t		size;

	if (absent)
		*absent = false;
	if (idx < 0)
	{
		/* some writers use backslashes or another case: one more try */
		idx = zip_name_locate(z->za, m, ZIP_FL_NOCASE);
		if (idx < 0)
		{
			if (absent)
				*absent = true;
			snprintf(why, whylen, "the archive has no member %s", m);
			return NULL;
		}
	}
	zip_stat_init(&st);
	if (zip_stat_index(z->za, (zip_uint64_t) idx, 0, &st) != 0 ||
		!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
	{
		snprintf(why, whylen, "damaged ZIP archive: no size for member %s", m);
		return NULL;
	}
	if (st.size > PL_MAX_MEMBER)
	{
		snprintf(why, whylen, "member %s is %.1f MB uncompressed (the limit is %zu MB)",
				 m, (double) st.size / 1e6, PL_MAX_MEMBER >> 20);
		return NULL;
	}
	if (st.size > ((zip_uint64_t) 1 << 20) &&
		st.size / (st.comp_size ? st.comp_size : 1) > PL_MAX_ZIP_RATIO)
	{
		snprintf(why, whylen, "member %s expands %llu times (%llu bytes to %llu): refused as a zip bomb "
				 "(the limit is %d times)", m,
				 (unsigned long long) (st.size / (st.comp_size ? st.comp_size : 1)),
				 (unsigned long long) st.comp_size, (unsigned long long) st.size, PL_MAX_ZIP_RATIO);
		return NULL;
	}
	if (z->read_total + st.size > PL_MAX_UNZIPPED)
	{
		snprintf(why, whylen, "the archive's members add up to more than %zu MB uncompressed",
				 PL_MAX_UNZIPPED >> 20);
		return NULL;
	}
	size = (size_t) st.size;
	f = zip_fopen_index(z->za, (zip_uint64_t) idx, 0);
	if (f == NULL)
	{
		snprintf(why, whylen, "cannot read member %s: %s", m, zip_strerror(z->za));
		return NULL;
	}
	buf = malloc(size + 2);
	if (buf == NULL)
	{
		zip_fclose(f);
		snprintf(why, whylen, "out of memory");
		return NULL;
	}
	/* one byte more than declared: libzip fails a member longer than its header says */
	got = zip_fread(f, buf, size + 1);
	if (got < 0 || (size_t) got != size)
	{
		snprintf(why, whylen, "damaged member %s: %s", m,
				 got < 0 ? zip_file_strerror(f) : "its length differs from the archive's directory");
		zip_fclose(f);
		free(buf);
		return NULL;
	}
	zip_fclose(f);
	buf[size] = '\0';
	z->read_total += size;
	*len = size;
	return buf;
}

/* the first "<!DOCTYPE" before the root element, if any */
bool
pl_xml_has_doctype(const char *buf, size_t len)
{
	const char *p = buf,
			   *end = buf + len;

	while (p < end && (p = memchr(p, '<', (size_t) (end - p))) != NULL)
	{
		if (end - p >= 2 && p[1] == '!' && end - p >= 9 && strncasecmp(p, "<!DOCTYPE", 9) == 0)
			return true;
		if (end - p >= 2 && p[1] != '?' && p[1] != '!')
			return false;		/* the root element: a DTD can no longer come */
		p++;
	}
	return false;
}

xmlDocPtr
pl_xml_parse(const char *buf, size_t len, const char *what, char *why, size_t whylen)
{
	xmlDocPtr	doc;
	const xmlError *e;

	if (len > (size_t) 0x7FFFFFFF)
	{
		snprintf(why, whylen, "%s is too large", what);
		return NULL;
	}
	if (pl_xml_has_doctype(buf, len))
	{
		snprintf(why, whylen, "%s declares a DTD (<!DOCTYPE>): refused, entity declarations are not read", what);
		return NULL;
	}
	/* no XML_PARSE_NOENT (entities stay references), no XML_PARSE_HUGE, no network */
	doc = xmlReadMemory(buf, (int) len, NULL, NULL,
						XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL)
	{
		e = xmlGetLastError();
		snprintf(why, whylen, "%s is not well-formed XML%s%.*s", what, e && e->message ? ": " : "",
				 e && e->message ? (int) strcspn(e->message, "\n") : 0, e && e->message ? e->message : "");
		if (doc)
			xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

xmlDocPtr
pl_zip_xml(pl_zip *z, const char *name, bool *absent, char *why, size_t whylen)
{
	size_t		len;
	char	   *buf = pl_zip_read(z, name, &len, absent, why, whylen);
	xmlDocPtr	doc;

	if (buf == NULL)
		return NULL;
	doc = pl_xml_parse(buf, len, member_name(name), why, whylen);
	free(buf);
	return doc;
}

bool
pl_xml_is(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *) n->name, local) == 0;
}

const xmlNode *
pl_xml_child(const xmlNode *n, const char *local)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (pl_xml_is(c, local))
			return c;
	return NULL;
}

/* the text (and CDATA) nodes among c and its siblings, concatenated into tmp, cut to fit */
static const char *
concat_text(const xmlNode *c, char *tmp, size_t tmplen)
{
	size_t		k = 0;

	for (; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
		{
			size_t		l = strlen((const char *) c->content);

			if (k + l >= tmplen)
				l = tmplen - 1 - k;
			memcpy(tmp + k, c->content, l);
			k += l;
		}
	tmp[k] = '\0';
	return tmp;
}

const char *
pl_xml_text(const xmlNode *n, char *tmp, size_t tmplen)
{
	return concat_text(n ? n->children : NULL, tmp, tmplen);
}

const char *
pl_xml_attr(const xmlNode *n, const char *local, char *tmp, size_t tmplen)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *) a->name, local) == 0)
			return concat_text(a->children, tmp, tmplen);
	return NULL;
}

void
pl_zip_join(const char *base, const char *rel, char *out, size_t outlen)
{
	const char *slash;
	char		tmp[1024];
	char	   *parts[64];
	int			np = 0;
	size_t		k = 0;

	if (rel[0] == '/')
		snprintf(tmp, sizeof tmp, "%s", rel + 1);
	else
	{
		slash = strrchr(base, '/');
		snprintf(tmp, sizeof tmp, "%.*s%s%s", slash ? (int) (slash - base) : 0, base,
				 slash ? "/" : "", rel);
	}
	/* normalise ./ and ../ (never above the archive's root) */
	for (char *save, *t = strtok_r(tmp, "/\\", &save); t; t = strtok_r(NULL, "/\\", &save))
	{
		if (strcmp(t, ".") == 0)
			continue;
		if (strcmp(t, "..") == 0)
		{
			if (np > 0)
				np--;
			continue;
		}
		if (np < 64)
			parts[np++] = t;
	}
	out[0] = '\0';
	for (int i = 0; i < np; i++)
	{
		int			w = snprintf(out + k, outlen - k, "%s%s", i ? "/" : "", parts[i]);

		if (w < 0 || (size_t) w >= outlen - k)
			break;
		k += (size_t) w;
	}
}
