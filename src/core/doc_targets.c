/*
 * doc_targets.c — which spans of a segmented document are read for targets,
 * and which item each belongs to.  Backend-free; the one place both front
 * ends (plan_targets() in SQL, planload --parse-only) ask.
 *
 * Owns: the walk over a document's items (each item's own text after its
 * marker, so a target carries the innermost item that states it) and the
 * plan-level goal block before the first item (主要目标：…, 具体指标：…),
 * whose targets have no item (task "" in the gold, a NULL code in SQL).
 * Must not: decide what a target is (targets_scan.c), or allocate.
 */
#include "pd_doc_targets.h"
#include "pd_scan.h"

#include <string.h>

typedef struct relay_ctx
{
	pd_doc_target_fn fn;
	void	   *ctx;
	int			item;			/* index into doc->items, -1 for the goal block */
	size_t		base;			/* byte offset of the scanned span */
} relay_ctx;

/* the scanner's hit, passed on with its item and span */
static bool
relay(void *vctx, const pd_target_hit *hit)
{
	relay_ctx  *c = vctx;

	return c->fn(c->ctx, c->item, c->base, hit);
}

#define LABEL_MAX_CPS 16		/* 总体要求与目标：, 主要预期目标： */
#define HEADING_MAX_CPS 12		/* a goal heading on a line of its own */

/*
 * Does the label end with 目标 or 指标?  cps are folded, n >= 2.
 */
static bool
goal_label(const uint32_t *cps, int n)
{
	return n >= 2 && cps[n - 1] == 0x6807 /* 标 */ &&
		(cps[n - 2] == 0x76EE /* 目 */ || cps[n - 2] == 0x6307 /* 指 */ );
}

/*
 * How the line text[s, e) opens: 1 with a goal label (具体指标：…, or a
 * short heading line 主要目标), -1 with another label (基本原则：…), 0
 * with running text.
 */
static int
line_label(const char *text, size_t s, size_t e)
{
	const unsigned char *p = pd_skip_decoration((const unsigned char *) text + s,
												(const unsigned char *) text + e);
	const unsigned char *end = pd_trim_decoration_end(p, (const unsigned char *) text + e);
	uint32_t	cps[LABEL_MAX_CPS];
	int			n = 0;

	while (p < end && n < LABEL_MAX_CPS)
	{
		uint32_t	cp = pd_fold(pd_u8_next(&p, end));

		if (cp == ':')
			return goal_label(cps, n) ? 1 : (n > 0 ? -1 : 0);
		if (cp == CP_JUHAO || cp == ',' || cp == ';' || pd_is_space(cp))
			break;
		cps[n++] = cp;
	}
	/* a heading alone on its line */
	if (p >= end && n <= HEADING_MAX_CPS && goal_label(cps, n))
		return 1;
	return 0;
}

bool
pd_doc_goal_block(const pd_doc *doc, size_t *start, size_t *end)
{
	size_t		limit = doc->nitems > 0 ? doc->items[0].marker_start : doc->len;
	size_t		p = 0;
	bool		open = false;

	while (p < limit)
	{
		const char *nl = memchr(doc->text + p, '\n', limit - p);
		size_t		le = nl ? (size_t) (nl - doc->text) : limit;
		int			label = line_label(doc->text, p, le);

		if (!open && label > 0)
		{
			*start = p;
			open = true;
		}
		else if (open && label < 0)
		{
			*end = p;
			return true;
		}
		p = nl ? le + 1 : limit;
	}
	if (open)
		*end = limit;
	return open;
}

pd_status
pd_doc_targets(const pd_doc *doc, const pd_tscan_opts *opts, pd_doc_target_fn fn, void *ctx,
			   pd_error *err)
{
	relay_ctx	c = {.fn = fn, .ctx = ctx};
	size_t		s,
				e;
	pd_status	st;

	if (pd_doc_goal_block(doc, &s, &e))
	{
		c.item = -1;
		c.base = s;
		if ((st = pd_targets_scan(doc->text + s, e - s, opts, relay, &c, NULL, err)) != PD_OK)
			return st;
	}
	for (int i = 0; i < doc->nitems; i++)
	{
		const pd_item *it = &doc->items[i];

		c.item = i;
		c.base = it->marker_end;
		if ((st = pd_targets_scan(doc->text + it->marker_end, it->own_end - it->marker_end, opts,
								  relay, &c, NULL, err)) != PD_OK)
			return st;
	}
	return PD_OK;
}

