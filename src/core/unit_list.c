/*
 * unit_list.c — the unit list (pd_unit_list): the units found in a span,
 * their normalised names packed in one buffer, grown through pd_mem.
 *
 * Owns: the list's storage (init, reset, free, add, lookup by name).  Must
 * not: parse anything; the parser (unit_brackets.c, unit_scan.c) and
 * pd_item_units (unit_tables.c) fill it.
 */
#include "pd_units_int.h"

#include <string.h>

void
pd_unit_list_init(pd_unit_list *list, const pd_mem *mem)
{
	memset(list, 0, sizeof(*list));
	list->mem = mem ? mem : &pd_malloc_mem;
}

void
pd_unit_list_reset(pd_unit_list *list)
{
	list->n = 0;
	list->names_len = 0;
	list->groups = 0;
}

void
pd_unit_list_free(pd_unit_list *list)
{
	if (list->mem->release)
	{
		if (list->units)
			list->mem->release(list->mem->ctx, list->units);
		if (list->names)
			list->mem->release(list->mem->ctx, list->names);
		if (list->scratch)
			list->mem->release(list->mem->ctx, list->scratch);
	}
	list->units = NULL;
	list->names = NULL;
	list->scratch = NULL;
	list->n = list->cap = 0;
	list->names_len = list->names_cap = 0;
}

/* grow an array to hold `need` bytes; realloc by hand through pd_mem */
static bool
grow(const pd_mem *mem, void **arr, size_t *cap, size_t used, size_t need)
{
	size_t		ncap;
	void	   *n;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap * 2 : 512;
	while (ncap < need)
		ncap *= 2;
	n = mem->alloc(mem->ctx, ncap);
	if (n == NULL)
		return false;
	if (*arr)
	{
		memcpy(n, *arr, used);
		if (mem->release)
			mem->release(mem->ctx, *arr);
	}
	*arr = n;
	*cap = ncap;
	return true;
}

pd_status
pd_unit_list_add(pd_unit_list *list, const char *norm, size_t norm_len,
				 pd_unit_role role, size_t raw_start, size_t raw_end, pd_error *err)
{
	pd_unit    *u;
	size_t		ucap = (size_t) list->cap * sizeof(pd_unit);

	if (!grow(list->mem, (void **) &list->units, &ucap, (size_t) list->n * sizeof(pd_unit),
			  (size_t) (list->n + 1) * sizeof(pd_unit)))
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory for the unit list.");
	list->cap = (int) (ucap / sizeof(pd_unit));
	if (!grow(list->mem, (void **) &list->names, &list->names_cap, list->names_len,
			  list->names_len + norm_len + 1))
		return pd_fail(err, PD_ENOMEM, 0, "Out of memory for unit names.");
	u = &list->units[list->n++];
	memset(u, 0, sizeof(*u));
	u->raw_start = raw_start;
	u->raw_end = raw_end;
	u->group_start = raw_start;
	u->group_end = raw_end;
	u->norm_off = list->names_len;
	u->norm_len = norm_len;
	u->role = role;
	memcpy(list->names + list->names_len, norm, norm_len);
	list->names[list->names_len + norm_len] = '\0';
	list->names_len += norm_len + 1;
	return PD_OK;
}

bool
pd_unit_list_has(const pd_unit_list *list, const char *norm, size_t norm_len)
{
	for (int i = 0; i < list->n; i++)
	{
		const pd_unit *u = &list->units[i];

		if (u->norm_len == norm_len && memcmp(list->names + u->norm_off, norm, norm_len) == 0)
			return true;
	}
	return false;
}
