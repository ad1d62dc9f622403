/*
 * libFuzzer harness: the document segmenter.  Any bytes are a document;
 * the result must be consistent: offsets inside the text and in order,
 * codes valid and matching their depth, parents before children, headings
 * within their limits and valid UTF-8-length; the metadata pass and the
 * document's own year never fail.
 */
#include <stdlib.h>
#include <string.h>
#include "pd_segment.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pd_doc		doc;
	pd_error	err;
	char		head[PD_HEADING_MAX_BYTES];

	if (pd_segment((const char *) data, size, NULL, &doc, &err) != PD_OK)
		abort();				/* only ENOMEM / ECANCEL may fail, neither here */
	if (doc.body_start > size || doc.title_end > size || doc.docno_end > size || doc.issuer_end > size)
		abort();
	for (int i = 0; i < doc.nitems; i++)
	{
		const pd_item *it = &doc.items[i];

		if (!pd_tc_valid(it->code) || pd_tc_depth(it->code) != it->depth)
			abort();
		if (!(it->marker_start < it->marker_end && it->marker_end <= it->own_end &&
			  it->own_end <= it->tree_end && it->tree_end <= size))
			abort();
		if (it->head_start > it->head_end || it->head_end > size)
			abort();
		if (i > 0 && it->marker_start < doc.items[i - 1].own_end)
			abort();
		if (it->part < 1 || it->part > doc.nparts)
			abort();
		if (it->parent >= i)
			abort();
		if (it->parent >= 0 && doc.items[it->parent].code != pd_tc_prefix(it->code, it->depth - 1))
			abort();
		if (pd_item_heading(&doc, it, head) >= PD_HEADING_MAX_BYTES)
			abort();
	}
	/* the metadata and the year the target scanner asks for: any year or 0 */
	if (pd_doc_metadata(&doc, NULL, &err) != PD_OK)
		abort();
	{
		int			year = pd_doc_own_year(&doc);

		if (year != 0 && (year < 1000 || year > 9999))
			abort();
	}
	pd_doc_free(&doc);
	return 0;
}
