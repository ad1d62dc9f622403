/*
 * match_terms.c — plan_match_terms(doc, terms, stop_suffixes): folded
 * leftmost-longest dictionary matches as rows.  The matching itself is
 * src/core/lexicon.c; plandata_geo builds its place finder on it.
 */
#include "plandata.h"
#include "pd_lexicon.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

/*
 * The compiled dictionary is kept in fn_extra between calls: a query that
 * scans many rows with the same terms (the usual case — the terms come from
 * one gazetteer query) compiles it once.  The key is the exact bytes of
 * both arrays.  A large dictionary (plandata_geo's national gazetteer:
 * some 12,000 names) is also kept for the session, in one slot of its own:
 * each call of a SQL function such as plan_places() starts with a fresh
 * fn_extra, and compiling it again would cost more than the rest of the
 * document's work.  Comparing the key bytes (a few hundred kB) is what a
 * call then costs.
 */
#define SESSION_CACHE_MIN_TERMS 1000
typedef struct lexicon_cache
{
	MemoryContext cxt;
	bytea	   *terms_key;
	bytea	   *stops_key;
	pd_lexicon *lx;
} lexicon_cache;

static void *
cxt_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size ? size : 1,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static bool
same_bytes(const bytea *key, const ArrayType *a)
{
	return key != NULL && VARSIZE(key) == VARSIZE(a) &&
		memcmp(VARDATA(key), VARDATA(a), VARSIZE(a) - VARHDRSZ) == 0;
}

static void
array_strings(ArrayType *a, const char ***strs, size_t **lens, int *n)
{
	Datum	   *elems;
	bool	   *nulls;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("plan_match_terms expects one-dimensional arrays")));
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, n);
	*strs = palloc(sizeof(char *) * (*n + 1));
	*lens = palloc(sizeof(size_t) * (*n + 1));
	for (int i = 0; i < *n; i++)
	{
		if (nulls[i])
		{
			(*strs)[i] = NULL;
			(*lens)[i] = 0;
		}
		else
		{
			text	   *t = DatumGetTextPP(elems[i]);

			(*strs)[i] = VARDATA_ANY(t);
			(*lens)[i] = VARSIZE_ANY_EXHDR(t);
		}
	}
}

static lexicon_cache *session_cache;

static const pd_lexicon *
cached_lexicon(FunctionCallInfo fcinfo, ArrayType *terms, ArrayType *stops)
{
	lexicon_cache *cache = fcinfo->flinfo->fn_extra;
	bool		large = ArrayGetNItems(ARR_NDIM(terms), ARR_DIMS(terms)) >= SESSION_CACHE_MIN_TERMS;
	const char **tstr,
			  **sstr;
	size_t	   *tlen,
			   *slen;
	int			nt,
				ns;
	pd_mem		mem;
	pd_error	err;
	pd_status	st;

	if (cache != NULL && same_bytes(cache->terms_key, terms) && same_bytes(cache->stops_key, stops))
		return cache->lx;
	if (large)
	{
		if (session_cache == NULL)
		{
			session_cache = MemoryContextAllocZero(TopMemoryContext, sizeof(lexicon_cache));
			session_cache->cxt = AllocSetContextCreate(TopMemoryContext, "plan_match_terms session dictionary",
													   ALLOCSET_DEFAULT_SIZES);
		}
		else if (same_bytes(session_cache->terms_key, terms) && same_bytes(session_cache->stops_key, stops))
			return session_cache->lx;
		cache = session_cache;
	}
	else if (cache == NULL || cache == session_cache)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(lexicon_cache));
		cache->cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "plan_match_terms dictionary",
										   ALLOCSET_DEFAULT_SIZES);
		fcinfo->flinfo->fn_extra = cache;
	}

	MemoryContextReset(cache->cxt);
	cache->lx = NULL;
	cache->terms_key = cache->stops_key = NULL;

	array_strings(terms, &tstr, &tlen, &nt);
	array_strings(stops, &sstr, &slen, &ns);
	mem.alloc = cxt_alloc;
	mem.release = NULL;			/* the context is reset as a whole */
	mem.ctx = cache->cxt;
	st = pd_lexicon_build(&mem, tstr, tlen, nt, sstr, slen, ns, &cache->lx, &err);
	if (st == PD_ENOMEM)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory"),
						errdetail_internal("%s", err.msg)));
	if (st != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid dictionary for plan_match_terms"),
				 errdetail_internal("%s", err.msg)));

	cache->terms_key = MemoryContextAlloc(cache->cxt, VARSIZE(terms));
	memcpy(cache->terms_key, terms, VARSIZE(terms));
	cache->stops_key = MemoryContextAlloc(cache->cxt, VARSIZE(stops));
	memcpy(cache->stops_key, stops, VARSIZE(stops));
	return cache->lx;
}

typedef struct emit_state
{
	Tuplestorestate *store;
	TupleDesc	desc;
	int			lbound;			/* the terms array's lower bound */
} emit_state;

static bool
emit_row(void *ctx, const pd_lexicon_hit *hit)
{
	emit_state *es = ctx;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	/* term as a subscript of the array passed in; positions 1-based like strpos */
	values[0] = Int32GetDatum(hit->term + es->lbound);
	values[1] = Int32GetDatum((int32) hit->cstart + 1);
	values[2] = Int32GetDatum((int32) hit->clen);
	tuplestore_putvalues(es->store, es->desc, values, nulls);
	return true;
}

PG_FUNCTION_INFO_V1(plan_match_terms);
Datum
plan_match_terms(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	ArrayType  *terms = PG_GETARG_ARRAYTYPE_P(1);
	ArrayType  *stops = PG_GETARG_ARRAYTYPE_P(2);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const pd_lexicon *lx;
	emit_state	es;
	pd_error	err;

	pd_init_srf(fcinfo);
	lx = cached_lexicon(fcinfo, terms, stops);
	es.store = rsinfo->setResult;
	es.desc = rsinfo->setDesc;
	es.lbound = ARR_NDIM(terms) == 1 ? ARR_LBOUND(terms)[0] : 1;
	/* the server's hook never returns true: CHECK_FOR_INTERRUPTS longjmps */
	(void) pd_lexicon_scan(lx, VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc),
						   pd_check_interrupts, NULL, emit_row, &es, &err);
	return (Datum) 0;
}
