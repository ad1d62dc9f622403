/*
 * intake_zip.h — bounded ZIP and XML reading for the DOCX and OFD decoders
 * (intake_zip.c).  Every member read is checked against the caps of
 * intake.h before it is inflated: its declared size, its compression ratio
 * (a zip bomb stops here), the total read from one archive; libzip checks
 * each member's CRC and length while inflating, so a lying header fails
 * too.  XML is parsed without network access, without entity substitution
 * and without libxml2's "huge" mode, and a document type declaration is
 * refused outright: neither Office Open XML nor OFD ever carries one, and it
 * is where entity-expansion attacks live.
 */
#ifndef PL_INTAKE_ZIP_H
#define PL_INTAKE_ZIP_H

#include "intake.h"

#include <libxml/tree.h>

typedef struct pl_zip pl_zip;

/* open an archive held in memory; NULL and why when it is not a readable ZIP */
pl_zip	   *pl_zip_open(const char *raw, size_t len, char *why, size_t whylen);
void		pl_zip_close(pl_zip *z);
bool		pl_zip_has(pl_zip *z, const char *name);

/*
 * One member, NUL-terminated, in a malloc'd buffer.  name may start with
 * '/' (OFD writes absolute paths).  NULL with why on failure; *absent is set
 * when the member does not exist (why says so too).
 */
char	   *pl_zip_read(pl_zip *z, const char *name, size_t *len, bool *absent,
						char *why, size_t whylen);

/* a member parsed as XML (pl_xml_parse); NULL with why */
xmlDocPtr	pl_zip_xml(pl_zip *z, const char *name, bool *absent, char *why, size_t whylen);

/* XML from memory with the safe options; NULL with why (what names it) */
xmlDocPtr	pl_xml_parse(const char *buf, size_t len, const char *what, char *why, size_t whylen);

/* does the XML declare a document type (checked before any parse)? */
bool		pl_xml_has_doctype(const char *buf, size_t len);

/*
 * element helpers: local name test (any namespace), the first child element
 * of a local name, an attribute by local name, and an element's own text
 * (its text children), both copied into tmp and cut to fit
 */
bool		pl_xml_is(const xmlNode *n, const char *local);
const xmlNode *pl_xml_child(const xmlNode *n, const char *local);
const char *pl_xml_attr(const xmlNode *n, const char *local, char *tmp, size_t tmplen);
const char *pl_xml_text(const xmlNode *n, char *tmp, size_t tmplen);

/* resolve a relative member path against the folder of base ("Doc_0/Document.xml") */
void		pl_zip_join(const char *base, const char *rel, char *out, size_t outlen);

#endif
