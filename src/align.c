/*
 * align.c — SQL access to plan alignment and document sketches:
 * plan_align(text, text, float8), plan_text_similarity(), plan_sketch() and
 * plan_sketch_similarity().  The work is the core's (src/core/align.c,
 * sketch.c); these wrappers check arguments and form rows.
 */
#include "plandata.h"
#include "pd_align.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#define TaskcodeGetDatum(t) Int64GetDatum((int64) (t))

/*
 * The alignment's working memory (about 1 MB for two 30 KB plans: the term
 * table, vectors, the inverted index) comes from a workspace kept for the
 * life of the backend and reused by every call: allocated and freed per call,
 * those chunks are above malloc's mmap threshold, and the page faults of
 * mapping them again cost more than the alignment itself (a quarter of its
 * time in the kernel, measured with perf).  The workspace is a bump
 * allocator reset at the start of each call; what does not fit in it (larger
 * plans) is palloc'ed in the call's memory context as usual.  Nothing in it
 * outlives the call that fills it: the rows are copied out before returning,
 * and an error half-way leaves it to be reset by the next call.
 */
#define ALIGN_WORKSPACE_BYTES (2 * 1024 * 1024)

static char *workspace;
static size_t workspace_used;

static void *
workspace_alloc(void *ctx, size_t size)
{
	size = MAXALIGN(size);
	if (workspace == NULL)
		workspace = MemoryContextAllocExtended(TopMemoryContext, ALIGN_WORKSPACE_BYTES,
											   MCXT_ALLOC_NO_OOM);
	if (workspace != NULL && size <= ALIGN_WORKSPACE_BYTES - workspace_used)
	{
		void	   *p = workspace + workspace_used;

		workspace_used += size;
		return p;
	}
	return pd_palloc_mem.alloc(pd_palloc_mem.ctx, size);
}

/* release nothing: the workspace is reset per call, palloc'ed chunks go with the context */
static const pd_mem workspace_mem = {workspace_alloc, NULL, NULL};

static void
check_threshold(double t)
{
	if (!(t > 0 && t <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("threshold must be greater than 0 and at most 1, not %g", t)));
}

/* an array of the shared terms of a pair */
static Datum
shared_array(const pd_align_pair *p)
{
	Datum		elems[PD_ALIGN_SHARED_MAX];

	for (int k = 0; k < p->nshared; k++)
	{
		char		buf[PD_ALIGN_TERM_MAX * 4 + 1];
		int			len = 0;

		for (int c = 0; c < p->shared_len[k]; c++)
			len += pd_u8_put(buf + len, p->shared[k][c]);
		elems[k] = pd_text_from(buf, len);
	}
	return PointerGetDatum(construct_array(elems, p->nshared, TEXTOID, -1, false, TYPALIGN_INT));
}

static int
cmp_term_df(const void *x, const void *y)
{
	pd_term		a = ((const pd_term_df *) x)->term,
				b = ((const pd_term_df *) y)->term;

	return a < b ? -1 : a > b;
}

/*
 * The stored form passes two documents' term lists one after the other, each
 * sorted (plan_text_terms): merge the two runs; anything else is sorted.
 */
static void
sort_corpus(pd_term_df *c, int n)
{
	int			cut = 0,
				breaks = 0;

	for (int i = 1; i < n; i++)
		if (c[i].term < c[i - 1].term)
		{
			breaks++;
			cut = i;
		}
	if (breaks == 0)
		return;
	if (breaks == 1)
	{
		pd_term_df *m = palloc(sizeof(pd_term_df) * n);
		int			i = 0,
					j = cut,
					k = 0;

		while (i < cut && j < n)
			m[k++] = c[i].term <= c[j].term ? c[i++] : c[j++];
		while (i < cut)
			m[k++] = c[i++];
		while (j < n)
			m[k++] = c[j++];
		memcpy(c, m, sizeof(pd_term_df) * n);
		pfree(m);
		return;
	}
	qsort(c, n, sizeof(pd_term_df), cmp_term_df);
}

static void
put_pairs(ReturnSetInfo *rsinfo, const pd_doc *da, const pd_doc *db, const pd_align_pair *pairs, int np)
{
	for (int i = 0; i < np; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {0};

		values[0] = TaskcodeGetDatum(da->items[pairs[i].a].code);
		values[1] = TaskcodeGetDatum(db->items[pairs[i].b].code);
		values[2] = Float8GetDatum(pairs[i].score);
		values[3] = shared_array(&pairs[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/*
 * Both forms of plan_align once their options are set: segment the two
 * texts, align them in the backend's work space, and return the pairs.
 */
static Datum
align_and_put(FunctionCallInfo fcinfo, text *ta, text *tb, pd_align_opts *opts)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	pd_doc		da,
				db;
	pd_align_pair *pairs;
	int			np;
	pd_error	err;

	pd_init_srf(fcinfo);
	pd_segment_text(ta, &da);
	pd_segment_text(tb, &db);
	workspace_used = 0;
	opts->mem = &workspace_mem;
	opts->interrupt = pd_check_interrupts;
	if (pd_align(&da, &db, opts, &pairs, &np, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("could not align the documents"),
				 errdetail_internal("%s", err.msg)));
	put_pairs(rsinfo, &da, &db, pairs, np);
	pd_doc_free(&da);
	pd_doc_free(&db);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(plan_align_text);
Datum
plan_align_text(PG_FUNCTION_ARGS)
{
	text	   *ta = PD_GETARG_DOC(0);
	text	   *tb = PD_GETARG_DOC(1);
	double		threshold = PG_GETARG_FLOAT8(2);
	pd_align_opts opts = {0};

	check_threshold(threshold);
	opts.threshold = threshold;
	return align_and_put(fcinfo, ta, tb, &opts);
}

PG_FUNCTION_INFO_V1(plan_text_similarity);
Datum
plan_text_similarity(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);

	PG_RETURN_FLOAT8(pd_text_similarity(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
										VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}

PG_FUNCTION_INFO_V1(plan_sketch);
Datum
plan_sketch(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	bytea	   *out = palloc(VARHDRSZ + PD_SKETCH_K * sizeof(uint32_t));

	SET_VARSIZE(out, VARHDRSZ + PD_SKETCH_K * sizeof(uint32_t));
	pd_sketch(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), (uint32_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/* a sketch argument: exactly PD_SKETCH_K buckets */
static const uint32_t *
sketch_arg(bytea *b, uint32_t *copy)
{
	if (VARSIZE_ANY_EXHDR(b) != PD_SKETCH_K * sizeof(uint32_t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a plan sketch has %d bytes, not %d",
						(int) (PD_SKETCH_K * sizeof(uint32_t)), (int) VARSIZE_ANY_EXHDR(b))));
	memcpy(copy, VARDATA_ANY(b), PD_SKETCH_K * sizeof(uint32_t));
	return copy;
}

PG_FUNCTION_INFO_V1(plan_sketch_similarity);
Datum
plan_sketch_similarity(PG_FUNCTION_ARGS)
{
	uint32_t	a[PD_SKETCH_K],
				b[PD_SKETCH_K];

	PG_RETURN_FLOAT8(pd_sketch_similarity(sketch_arg(PG_GETARG_BYTEA_PP(0), a),
										  sketch_arg(PG_GETARG_BYTEA_PP(1), b)));
}

PG_FUNCTION_INFO_V1(plan_text_terms);
Datum
plan_text_terms(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	pd_term    *terms;
	int			n;
	Datum	   *elems;

	if (pd_text_terms(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), &pd_palloc_mem, &terms, &n) != PD_OK)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	elems = palloc(sizeof(Datum) * (n + 1));
	/* a term is two 16-bit code points; as int4 it may be negative, sorted as unsigned */
	for (int i = 0; i < n; i++)
		elems[i] = Int32GetDatum((int32) terms[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, INT4OID, sizeof(int32), true, TYPALIGN_INT));
}

/*
 * plan_align over two texts with document frequencies over a corpus of
 * ndocs documents: terms[] and dfs[] (int4, the same length, any order).
 */
PG_FUNCTION_INFO_V1(plan_align_corpus);
Datum
plan_align_corpus(PG_FUNCTION_ARGS)
{
	text	   *ta = PD_GETARG_DOC(0);
	text	   *tb = PD_GETARG_DOC(1);
	double		threshold = PG_GETARG_FLOAT8(2);
	ArrayType  *at = PG_GETARG_ARRAYTYPE_P(3);
	ArrayType  *ad = PG_GETARG_ARRAYTYPE_P(4);
	int32		ndocs = PG_GETARG_INT32(5);
	pd_align_opts opts = {0};
	int			nt;
	pd_term_df *corpus;

	check_threshold(threshold);
	if (ARR_NDIM(at) > 1 || ARR_NDIM(ad) > 1 || ARR_HASNULL(at) || ARR_HASNULL(ad) ||
		ARR_ELEMTYPE(at) != INT4OID || ARR_ELEMTYPE(ad) != INT4OID ||
		ArrayGetNItems(ARR_NDIM(at), ARR_DIMS(at)) != ArrayGetNItems(ARR_NDIM(ad), ARR_DIMS(ad)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("terms and document frequencies must be two int4 arrays of one length without NULLs")));
	nt = ArrayGetNItems(ARR_NDIM(at), ARR_DIMS(at));
	corpus = palloc(sizeof(pd_term_df) * (nt + 1));
	for (int i = 0; i < nt; i++)
	{
		corpus[i].term = (pd_term) ((int32 *) ARR_DATA_PTR(at))[i];
		corpus[i].df = ((int32 *) ARR_DATA_PTR(ad))[i];
	}
	sort_corpus(corpus, nt);
	opts.threshold = threshold;
	opts.corpus = corpus;
	opts.ncorpus = nt;
	opts.corpus_docs = ndocs;
	return align_and_put(fcinfo, ta, tb, &opts);
}
