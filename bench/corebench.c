/*
 * corebench — the parser core's own loop: what plan_tasks, plan_units,
 * plan_targets and plan_deadlines do per document, without PostgreSQL (no
 * detoast, no rows).
 *   make bench/corebench && bench/corebench FILE [COPIES]
 * prints ms per COPIES documents for each phase (best of 5), and with
 * DUMP=1 the units and targets found (to check that a change to the hot
 * path keeps every result); PHASE=0|1|2|3 runs one phase only (for perf).
 * ALIGN=FILE2 times pd_align of FILE against FILE2 instead (segmenting both
 * outside the clock, memory as plan_align has it), against segmenting both, and prints
 * the pairs' count and score sum (to check that a change keeps the result).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "pd_segment.h"
#include "pd_target.h"
#include "pd_units.h"
#include "pd_deadline.h"
#include "pd_align.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);	/* CPU time: others share the machine */
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct
{
	pd_doc	   *doc;
	int			own_year;
	long		hits;
	size_t		base;
	FILE	   *dump;
} tctx;

static int
year_of(void *vctx)
{
	tctx	   *c = vctx;

	if (c->own_year < 0)
	{
		pd_error	err;

		pd_doc_metadata(c->doc, NULL, &err);
		c->own_year = pd_doc_own_year(c->doc);
	}
	return c->own_year;
}

static bool
emit(void *vctx, const pd_target_hit *h)
{
	tctx	   *c = vctx;

	c->hits++;
	if (c->dump)
	{
		char		buf[512];

		pd_target_format(&h->target, buf);
		fprintf(c->dump, "T %s|%s|%d|%d|%d|%zu|%zu\n", h->indicator, buf, h->year, h->period,
				h->aspirational, c->base + h->raw_start, c->base + h->raw_end);
	}
	return true;
}

static long
run_segment(const char *s, size_t len)
{
	pd_doc		d;
	pd_error	err;
	long		n;

	if (pd_segment(s, len, NULL, &d, &err) != PD_OK)
		exit(1);
	n = d.nitems;
	pd_doc_free(&d);
	return n;
}

static long
run_units(const char *s, size_t len, FILE *dump)
{
	pd_doc		d;
	pd_error	err;
	pd_unit_rules rules;
	pd_unit_list list;
	long		n = 0;

	if (pd_segment(s, len, NULL, &d, &err) != PD_OK)
		exit(1);
	pd_unit_rules_scan(d.text, d.len, NULL, NULL, &rules, &err);
	pd_unit_list_init(&list, NULL);
	for (int i = 0; i < d.nitems; i++)
	{
		if (pd_item_units(&d, i, &rules, NULL, NULL, &list, &err) != PD_OK)
			exit(1);
		n += list.n;
		if (dump)
			for (int k = 0; k < list.n; k++)
			{
				const pd_unit *u = &list.units[k];

				fprintf(dump, "U %d %s|%d|%d|%d|%zu|%zu\n", i, pd_unit_name(&list, u), u->role,
						u->group, u->ordinal, u->raw_start, u->raw_end);
			}
	}
	pd_unit_list_free(&list);
	pd_doc_free(&d);
	return n;
}

static long
run_targets(const char *s, size_t len, FILE *dump)
{
	pd_doc		d;
	pd_error	err;
	tctx		c = {&d, -1, 0, 0, dump};

	if (pd_segment(s, len, NULL, &d, &err) != PD_OK)
		exit(1);
	for (int i = 0; i < d.nitems; i++)
	{
		const pd_item *it = &d.items[i];
		pd_tscan_opts opts = {0, NULL, NULL, year_of, &c};

		c.base = it->marker_end;
		if (pd_targets_scan(s + it->marker_end, it->own_end - it->marker_end, &opts, emit, &c,
							NULL, &err) != PD_OK)
			exit(1);
	}
	pd_doc_free(&d);
	return c.hits;
}

static bool
count_deadline(void *vctx, const pd_deadline *dl)
{
	(void) dl;
	(*(long *) vctx)++;
	return true;
}

static long
run_deadlines(const char *s, size_t len)
{
	pd_doc		d;
	pd_error	err;
	long		n = 0;

	if (pd_segment(s, len, NULL, &d, &err) != PD_OK)
		exit(1);
	if (pd_doc_deadlines(&d, NULL, count_deadline, &n, &err) != PD_OK)
		exit(1);
	pd_doc_free(&d);
	return n;
}

static char *
read_file(const char *name, size_t *len)
{
	FILE	   *f = fopen(name, "rb");
	char	   *buf;

	if (!f)
		return NULL;
	buf = malloc(1 << 26);
	*len = fread(buf, 1, (1 << 26) - 1, f);
	fclose(f);
	return buf;
}

/*
 * The alignment's memory as the SQL function has it: a bump allocator over
 * a block kept across calls (src/align.c), reset per call; what does not fit
 * is malloc'ed and leaked to the end of the run (never, for these plans).
 */
#define ARENA_BYTES (2 * 1024 * 1024)
static char *arena;
static size_t arena_used;

static void *
arena_alloc(void *ctx, size_t size)
{
	(void) ctx;
	size = (size + 15) & ~(size_t) 15;
	if (!arena)
		arena = malloc(ARENA_BYTES);
	if (size <= ARENA_BYTES - arena_used)
	{
		arena_used += size;
		return arena + arena_used - size;
	}
	return malloc(size);
}

static const pd_mem arena_mem = {arena_alloc, NULL, NULL};

/* pd_align of a against b, COPIES times per round, best of 5 rounds */
static int
bench_align(const char *a, size_t alen, const char *bname, int copies)
{
	size_t		blen;
	char	   *b = read_file(bname, &blen);
	pd_doc		da,
				db;
	pd_error	err;
	pd_align_opts opts = {PD_ALIGN_DEFAULT_THRESHOLD, &arena_mem};
	double		best_seg = 1e18,
				best_align = 1e18,
				sum = 0;
	int			np = 0;

	if (!b)
	{
		fprintf(stderr, "corebench: cannot read %s\n", bname);
		return 2;
	}
	for (int r = 0; r < 5; r++)
	{
		double		t0 = now_ms();

		for (int k = 0; k < copies; k++)
		{
			run_segment(a, alen);
			run_segment(b, blen);
		}
		t0 = now_ms() - t0;
		if (t0 < best_seg)
			best_seg = t0;
	}
	if (pd_segment(a, alen, NULL, &da, &err) != PD_OK || pd_segment(b, blen, NULL, &db, &err) != PD_OK)
		return 1;
	for (int r = 0; r < 5; r++)
	{
		double		t0 = now_ms();

		for (int k = 0; k < copies; k++)
		{
			pd_align_pair *pairs;

			arena_used = 0;
			if (pd_align(&da, &db, &opts, &pairs, &np, &err) != PD_OK)
				return 1;
			if (k == 0)
			{
				sum = 0;
				for (int i = 0; i < np; i++)
					sum += pairs[i].score;
			}
		}
		t0 = now_ms() - t0;
		if (t0 < best_align)
			best_align = t0;
	}
	printf("segment both %8.1f ms / %d pairs of docs\n", best_seg, copies);
	printf("align        %8.1f ms / %d pairs of docs (%d pairs, score sum %.6f): %.2fx segmenting both\n",
		   best_align, copies, np, sum, best_align / best_seg);
	return 0;
}

int
main(int argc, char **argv)
{
	char	   *buf;
	size_t		len;
	int			copies = argc > 2 ? atoi(argv[2]) : 1000;
	const char *names[] = {"segment", "units", "targets", "deadlines"};

	if (argc < 2 || !(buf = read_file(argv[1], &len)))
	{
		fprintf(stderr, "usage: corebench FILE [COPIES]\n");
		return 2;
	}
	if (getenv("ALIGN"))
		return bench_align(buf, len, getenv("ALIGN"), copies);
	if (getenv("DUMP"))
	{
		run_units(buf, len, stdout);
		run_targets(buf, len, stdout);
		return 0;
	}
	for (int w = 0; w < 4; w++)
	{
		if (getenv("PHASE") && atoi(getenv("PHASE")) != w)
			continue;
		double		best = 1e18;
		long		n = 0;

		for (int r = 0; r < 5; r++)
		{
			double		t0 = now_ms();

			for (int k = 0; k < copies; k++)
				n = w == 0 ? run_segment(buf, len) : w == 1 ? run_units(buf, len, NULL) :
					w == 2 ? run_targets(buf, len, NULL) : run_deadlines(buf, len);
			t0 = now_ms() - t0;
			if (t0 < best)
				best = t0;
		}
		printf("%-8s %8.1f ms / %d docs (%ld per doc)\n", names[w], best, copies, n);
	}
	return 0;
}
