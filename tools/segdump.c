/* segdump — print the segmentation of a document (development aid) */
#include <stdio.h>
#include <stdlib.h>
#include "pd_segment.h"

int
main(int argc, char **argv)
{
	FILE	   *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
	char	   *buf = malloc(1 << 28);
	size_t		len;
	pd_doc		doc;
	pd_error	err;

	if (!f || !buf)
		return 2;
	len = fread(buf, 1, (1 << 28) - 1, f);
	if (pd_segment(buf, len, NULL, &doc, &err) != PD_OK)
	{
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	pd_doc_metadata(&doc, NULL, &err);
	printf("title: %.*s\n", (int) (doc.title_end - doc.title_start), buf + doc.title_start);
	printf("docno: %.*s\n", (int) (doc.docno_end - doc.docno_start), buf + doc.docno_start);
	printf("issuer: %.*s\n", (int) (doc.issuer_end - doc.issuer_start), buf + doc.issuer_start);
	printf("date: %d-%d-%d  body_start %zu  parts %d  skipped %d\n", doc.year, doc.month, doc.day,
		   doc.body_start, doc.nparts, doc.skipped);
	for (int i = 0; i < doc.nparts; i++)
		printf("part %d: %.*s\n", i + 1, (int) (doc.parts[i].title_end - doc.parts[i].title_start),
			   buf + doc.parts[i].title_start);
	for (int i = 0; i < doc.nitems; i++)
	{
		char		code[32],
					head[PD_HEADING_MAX_BYTES];

		pd_tc_format(doc.items[i].code, code);
		pd_item_heading(&doc, &doc.items[i], head);
		printf("%d %-10s L%-4d st%-2d own=%zu %s\n", doc.items[i].part, code, doc.items[i].line,
			   doc.items[i].style, doc.items[i].own_end - doc.items[i].marker_start, head);
	}
	pd_doc_free(&doc);
	return 0;
}
