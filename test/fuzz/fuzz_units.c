/*
 * libFuzzer harness: responsible units.  Any bytes are a text; the rules
 * pre-pass and the extraction (whole text, and per item of the segmented
 * document with dedupe and implicit units) must not fail, every unit must
 * lie inside its bracket and the text, carry a role and a name that the
 * normaliser accepts unchanged, and the first bytes of the input are also
 * tried as a single unit name: a name the normaliser accepts is a fixed
 * point (normalising it again gives the same bytes).
 */
#include <stdlib.h>
#include <string.h>
#include "pd_segment.h"
#include "pd_units.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_list(const pd_unit_list *l, size_t size)
{
	for (int i = 0; i < l->n; i++)
	{
		const pd_unit *u = &l->units[i];
		char		again[PD_UNIT_NORM_MAX];
		size_t		alen;

		if (u->role > PD_ROLE_IMPLICIT)
			abort();
		if (u->raw_start > u->raw_end || u->raw_end > size)
			abort();
		if (u->role != PD_ROLE_IMPLICIT &&
			(u->raw_start < u->group_start || u->raw_end > u->group_end || u->group < 1))
			abort();
		if (u->norm_len == 0 || u->norm_len >= PD_UNIT_NORM_MAX ||
			strlen(pd_unit_name(l, u)) != u->norm_len)
			abort();
		if (pd_unit_normalize(pd_unit_name(l, u), u->norm_len, again, &alen, NULL) != PD_OK ||
			alen != u->norm_len || memcmp(again, pd_unit_name(l, u), alen) != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	pd_unit_rules rules;
	pd_units_opts opts = {&rules, false, NULL, NULL};
	pd_unit_list list;
	pd_doc		doc;
	char		norm[PD_UNIT_NORM_MAX],
				again[PD_UNIT_NORM_MAX];
	size_t		nlen,
				alen;

	if (pd_unit_rules_scan(text, size, NULL, NULL, &rules, NULL) != PD_OK)
		abort();
	if (rules.has_implicit && (rules.implicit_len == 0 || rules.implicit_rule_end > size))
		abort();
	if (rules.bracket_names_units &&
		(rules.bracket_rule_start >= rules.bracket_rule_end || rules.bracket_rule_end > size ||
		 rules.bracket_role > PD_ROLE_CO))
		abort();

	pd_unit_list_init(&list, NULL);
	if (pd_units_extract(text, 0, size, &opts, &list, NULL) != PD_OK)
		abort();
	check_list(&list, size);

	if (pd_segment(text, size, NULL, &doc, NULL) != PD_OK)
		abort();
	for (int i = 0; i < doc.nitems; i++)
	{
		if (pd_item_units(&doc, i, &rules, NULL, NULL, &list, NULL) != PD_OK)
			abort();
		check_list(&list, size);
		for (int a = 0; a < list.n; a++)
			for (int b = a + 1; b < list.n; b++)
				if (list.units[a].norm_len == list.units[b].norm_len &&
					memcmp(pd_unit_name(&list, &list.units[a]), pd_unit_name(&list, &list.units[b]),
						   list.units[a].norm_len) == 0)
					abort();	/* deduplicated per item */
	}
	pd_doc_free(&doc);
	pd_unit_list_free(&list);

	/* the head of the input as one name: accepted names are fixed points */
	if (pd_unit_normalize(text, size < 300 ? size : 300, norm, &nlen, NULL) == PD_OK)
	{
		if (pd_unit_normalize(norm, nlen, again, &alen, NULL) != PD_OK ||
			alen != nlen || memcmp(norm, again, nlen) != 0)
			abort();
		(void) pd_unit_level_of(norm, nlen);
		(void) pd_unit_kind_of(norm, nlen);
	}
	(void) pd_unit_region(text, size < 300 ? size : 300, norm);
	return 0;
}
