/*
 * plandata.h — shared pieces of the PostgreSQL side of plandata.
 *
 * The wrappers in the src directory adapt the backend-free core (src/core) to the
 * server: palloc for memory, CHECK_FOR_INTERRUPTS for cancellation, and
 * ereport / errsave for errors.
 */
#ifndef PLANDATA_H
#define PLANDATA_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/sortsupport.h"

#include "pd_core.h"

#if SIZEOF_DATUM != 8
#error "plandata passes 8-byte values by value and needs a 64-bit build"
#endif

/* memory for the core: palloc in CurrentMemoryContext, freed with it */
extern const pd_mem pd_palloc_mem;

/* interrupt hook for the core: runs CHECK_FOR_INTERRUPTS() */
extern bool pd_check_interrupts(void *ctx);

/*
 * Report a failed literal parse for type `typname`:
 *   ERROR:  invalid input syntax for type taskcode: "1..2"
 *   DETAIL: Empty component before the separator at character 3.
 * with SQLSTATE 22P02 (22003 for PD_ERANGE).  On PostgreSQL 16 and later
 * the error is saved into fcinfo->context when the caller asked for soft
 * errors (pg_input_is_valid); the function then returns and the caller
 * must return (Datum) 0.
 */
extern void pd_input_error(FunctionCallInfo fcinfo, const char *typname,
						   const char *input, const pd_error *err);

#if PG_VERSION_NUM >= 160000
#define PD_SOFT_ERROR_OCCURRED(fcinfo) SOFT_ERROR_OCCURRED((fcinfo)->context)
#else
#define PD_SOFT_ERROR_OCCURRED(fcinfo) false
#endif

/*
 * Materialised set-returning functions on every supported version.  The
 * result descriptor is the caller's expectedDesc when it passes one (a
 * FROM-clause call always does): building it from pg_proc on every call
 * cost a few per cent of plan_units() over short documents.
 */
#if PG_VERSION_NUM >= 150000
#include "funcapi.h"
#define pd_expected_desc(fcinfo) \
	((fcinfo)->resultinfo && IsA((fcinfo)->resultinfo, ReturnSetInfo) && \
	 ((ReturnSetInfo *) (fcinfo)->resultinfo)->expectedDesc != NULL)
#define pd_init_srf(fcinfo) \
	InitMaterializedSRF((fcinfo), pd_expected_desc(fcinfo) ? MAT_SRF_USE_EXPECTED_DESC : 0)
#else
extern void pd_init_srf(FunctionCallInfo fcinfo);
#endif

/*
 * Rows formed by hand for the SRFs with many rows per call (plan_units):
 * tuplestore_putvalues() sizes a row in one pass over its columns, zeroes
 * it and fills it in a second; pd_rowform_put() does both in one pass into
 * a buffer kept between rows, for descriptors of pass-by-value columns and
 * varlenas (anything else, and an external or expanded value, goes through
 * tuplestore_putvalues), and hands the tuple to tuplestore_puttuple(),
 * which copies it.  The bytes stored are those heap_form_minimal_tuple()
 * would store: the same header bits, null bitmap, alignment and zero
 * padding, and 4-byte varlena headers shortened to 1 where they fit.
 */
#include "access/tupdesc.h"
#include "utils/tuplestore.h"

#define PD_ROWFORM_MAX_ATTS 32
typedef struct pd_rowform
{
	TupleDesc	desc;
	bool		by_hand;		/* the descriptor is one we form rows of */
	int			natts;
	int16		len[PD_ROWFORM_MAX_ATTS];	/* attlen: 1 2 4 8, or -1 */
	uint8		align[PD_ROWFORM_MAX_ATTS]; /* alignment in bytes */
	bool		packable[PD_ROWFORM_MAX_ATTS];	/* may take a 1-byte header */
	size_t		fixed;			/* bound of the header and the by-value columns */
	char	   *buf;			/* MAXALIGNed */
	size_t		cap;
} pd_rowform;

extern void pd_rowform_init(pd_rowform *rf, TupleDesc desc);
extern void pd_rowform_put(pd_rowform *rf, Tuplestorestate *ts, const Datum *values,
						   const bool *nulls);

/*
 * A document argument, detoasted (src/pglz.c: pglz decompressed by our own
 * decoder, which is about twice as fast as the server's; the same bytes):
 *   text *doc = PD_GETARG_DOC(0);
 */
extern text *pd_detoast_doc(Datum d);
#define PD_GETARG_DOC(n) pd_detoast_doc(PG_GETARG_DATUM(n))

/* segment a text datum with palloc memory and interrupt checks; errors out */
struct pd_doc;
extern void pd_segment_text(text *doc, struct pd_doc *out);
/* ... and fill in its metadata (title, own docno, issuer, date) */
extern void pd_doc_metadata_checked(struct pd_doc *doc);

/* a docno datum (src/docno.c) */
struct pd_docno;
extern Datum pd_docno_datum(const struct pd_docno *d);

/* the document functions read UTF-8: error out in other databases */
extern void pd_require_utf8(void);

/*
 * Types whose order is the byte order of their payload (docno's key,
 * respunit's normalised name): memcmp, a prefix before what it prefixes.
 * pd_varlena_fastcmp is the matching sortsupport comparator.
 */
extern int	pd_varlena_cmp(const struct varlena *a, const struct varlena *b);
extern int	pd_varlena_fastcmp(Datum x, Datum y, SortSupport ssup);

/* text datum from a byte range (no terminator needed) */
#define pd_text_from(s, len) ((Datum) cstring_to_text_with_len((s), (int) (len)))

#endif
