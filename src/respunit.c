/*
 * respunit.c — the respunit SQL type (a responsible unit's normalised name)
 * and the SQL faces of the unit parser: respunit_extract(), plan_unit_rules()
 * and plan_units().
 *
 * A respunit is a varlena holding the name after pd_unit_normalize():
 * Traditional -> Simplified, full-width -> ASCII, white space, quotes and a
 * trailing 等/等有关部门 removed.  Equality, order and hashing are those of
 * the normalised bytes, so 市發展改革委 = 市发展改革委 and both hash alike.
 * The folding table is compiled in and changes only with an extension
 * version, so the input function is IMMUTABLE.
 */
#include "plandata.h"
#include "pd_units.h"
#include "pd_segment.h"

#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#define DatumGetTaskcode(d) ((pd_tc) DatumGetInt64(d))
#define TaskcodeGetDatum(t) Int64GetDatum((int64) (t))

/* a respunit datum from a normalised name */
static Datum
respunit_datum(const char *norm, size_t len)
{
	text	   *t = (text *) palloc(VARHDRSZ + len);

	SET_VARSIZE(t, VARHDRSZ + len);
	memcpy(VARDATA(t), norm, len);
	return PointerGetDatum(t);
}

/* ---- I/O -------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(respunit_in);
Datum
respunit_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	char		norm[PD_UNIT_NORM_MAX];
	size_t		len;
	pd_error	err;

	if (pd_unit_normalize(str, strlen(str), norm, &len, &err) != PD_OK)
	{
		pd_input_error(fcinfo, "respunit", str, &err);
		PG_RETURN_NULL();		/* soft error saved (PG16+) */
	}
	return respunit_datum(norm, len);
}

PG_FUNCTION_INFO_V1(respunit_out);
Datum
respunit_out(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_CSTRING(text_to_cstring(t));
}

PG_FUNCTION_INFO_V1(respunit_from_text);
Datum
respunit_from_text(PG_FUNCTION_ARGS)
{
	text	   *txt = PG_GETARG_TEXT_PP(0);
	char		norm[PD_UNIT_NORM_MAX];
	size_t		len;
	pd_error	err;

	if (pd_unit_normalize(VARDATA_ANY(txt), VARSIZE_ANY_EXHDR(txt), norm, &len, &err) != PD_OK)
		pd_input_error(fcinfo, "respunit", text_to_cstring(txt), &err);
	return respunit_datum(norm, len);
}

/* the bytes are text already: respunit -> text is the same datum */
PG_FUNCTION_INFO_V1(respunit_to_text);
Datum
respunit_to_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/*
 * Binary form: the name as text in the client encoding.  Received names are
 * normalised again, so a client may send any spelling of a unit.
 */
PG_FUNCTION_INFO_V1(respunit_recv);
Datum
respunit_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	char	   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	char		norm[PD_UNIT_NORM_MAX];
	size_t		len;
	pd_error	err;

	if (pd_unit_normalize(str, (size_t) nbytes, norm, &len, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external respunit value"),
				 errdetail_internal("%s", err.msg)));
	return respunit_datum(norm, len);
}

PG_FUNCTION_INFO_V1(respunit_send);
Datum
respunit_send(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- comparison: bytes of the normalised UTF-8 (code point order) ---- */

PG_FUNCTION_INFO_V1(respunit_eq);
Datum
respunit_eq(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);

	PG_RETURN_BOOL(VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
				   memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0);
}

PG_FUNCTION_INFO_V1(respunit_ne);
Datum
respunit_ne(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);

	PG_RETURN_BOOL(VARSIZE_ANY_EXHDR(a) != VARSIZE_ANY_EXHDR(b) ||
				   memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) != 0);
}

#define RU_COMPARE_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(pd_varlena_cmp(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1)) op 0); \
}

RU_COMPARE_FN(respunit_lt, <)
RU_COMPARE_FN(respunit_le, <=)
RU_COMPARE_FN(respunit_gt, >)
RU_COMPARE_FN(respunit_ge, >=)

PG_FUNCTION_INFO_V1(respunit_cmp);
Datum
respunit_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(pd_varlena_cmp(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(respunit_sortsupport);
Datum
respunit_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = pd_varlena_fastcmp;	/* code point order = UTF-8 byte order */
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(respunit_hash);
Datum
respunit_hash(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	return hash_any((const unsigned char *) VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

PG_FUNCTION_INFO_V1(respunit_hash_extended);
Datum
respunit_hash_extended(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	return hash_any_extended((const unsigned char *) VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
							 PG_GETARG_INT64(1));
}

/* ---- what the name says ------------------------------------------------ */

static Datum
text_or_null(FunctionCallInfo fcinfo, const char *s)
{
	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(s));
}

PG_FUNCTION_INFO_V1(respunit_level);
Datum
respunit_level(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	return text_or_null(fcinfo, pd_unit_level_name(pd_unit_level_of(VARDATA_ANY(t),
																	 VARSIZE_ANY_EXHDR(t))));
}

PG_FUNCTION_INFO_V1(respunit_kind);
Datum
respunit_kind(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	return text_or_null(fcinfo, pd_unit_kind_name(pd_unit_kind_of(VARDATA_ANY(t),
																  VARSIZE_ANY_EXHDR(t))));
}

PG_FUNCTION_INFO_V1(respunit_region);
Datum
respunit_region(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		out[PD_UNIT_NORM_MAX];
	size_t		len = pd_unit_region(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), out);

	if (len == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(pd_text_from(out, len));
}

/* ---- the parser --------------------------------------------------------- */

/*
 * Row building for the SRFs without a palloc per value: tuplestore_putvalues
 * copies every datum into the stored tuple, so the unit and raw-text datums
 * can live in two reusable buffers and the role names are made once.
 */
typedef struct unit_row_bufs
{
	Datum		roles[4];		/* indexed by pd_unit_role */
	text	   *unit;			/* VARHDRSZ + PD_UNIT_NORM_MAX */
	text	   *raw;
	size_t		raw_cap;
} unit_row_bufs;

/*
 * A text datum of s[0, len) in buf (VARHDRSZ + len bytes at least): with the
 * 1-byte header a stored row gives a short value anyway, so the row
 * copies it as it is
 */
static Datum
short_text_in(struct varlena *buf, const char *s, size_t len)
{
	if (len + VARHDRSZ_SHORT <= VARATT_SHORT_MAX)
	{
		SET_VARSIZE_SHORT(buf, len + VARHDRSZ_SHORT);
		memcpy(VARDATA_SHORT(buf), s, len);
	}
	else
	{
		SET_VARSIZE(buf, VARHDRSZ + len);
		memcpy(VARDATA(buf), s, len);
	}
	return PointerGetDatum(buf);
}

static void
unit_row_bufs_init(unit_row_bufs *rb)
{
	for (int r = PD_ROLE_RESPONSIBLE; r <= PD_ROLE_IMPLICIT; r++)
	{
		const char *name = pd_unit_role_name((pd_unit_role) r);

		rb->roles[r] = short_text_in(palloc(VARHDRSZ + strlen(name)), name, strlen(name));
	}
	rb->unit = palloc(VARHDRSZ + PD_UNIT_NORM_MAX);
	rb->raw_cap = 1024;
	rb->raw = palloc(VARHDRSZ + rb->raw_cap);
}

static Datum
unit_datum(unit_row_bufs *rb, const char *norm, size_t len)
{
	return short_text_in(rb->unit, norm, len);
}

static Datum
raw_datum(unit_row_bufs *rb, const char *s, size_t len)
{
	if (len > rb->raw_cap)
	{
		rb->raw_cap = len;
		rb->raw = repalloc(rb->raw, VARHDRSZ + len);
	}
	return short_text_in(rb->raw, s, len);
}

static void
core_failed(pd_status st, const pd_error *err)
{
	ereport(ERROR,
			(errcode(st == PD_ENOMEM ? ERRCODE_OUT_OF_MEMORY : ERRCODE_QUERY_CANCELED),
			 errmsg("could not read the responsible units"),
			 errdetail_internal("%s", err->msg)));
}

static void
scan_rules(const char *s, size_t len, pd_unit_rules *rules)
{
	pd_error	err;
	pd_status	st = pd_unit_rules_scan(s, len, pd_check_interrupts, NULL, rules, &err);

	if (st != PD_OK)
		core_failed(st, &err);
}

/*
 * respunit_extract(text): every unit mention of a piece of text with the
 * document rules the text itself states, no task attribution, no merging.
 */
PG_FUNCTION_INFO_V1(respunit_extract);
Datum
respunit_extract(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *s = VARDATA_ANY(doc);
	size_t		len = VARSIZE_ANY_EXHDR(doc);
	pd_unit_rules rules;
	pd_units_opts opts = {&rules, false, pd_check_interrupts, NULL};
	pd_unit_list list;
	pd_charpos	cpos;
	pd_error	err;
	pd_status	st;
	unit_row_bufs rb;

	pd_init_srf(fcinfo);
	unit_row_bufs_init(&rb);
	scan_rules(s, len, &rules);
	pd_unit_list_init(&list, &pd_palloc_mem);
	st = pd_units_extract(s, 0, len, &opts, &list, &err);
	if (st != PD_OK)
		core_failed(st, &err);

	pd_charpos_init(&cpos, s);
	for (int i = 0; i < list.n; i++)
	{
		const pd_unit *u = &list.units[i];
		Datum		values[7];
		bool		nulls[7] = {0};

		values[0] = unit_datum(&rb, pd_unit_name(&list, u), u->norm_len);
		values[1] = rb.roles[u->role];
		values[2] = raw_datum(&rb, s + u->raw_start, u->raw_end - u->raw_start);
		values[3] = Int32GetDatum(u->group);
		values[4] = Int32GetDatum(u->ordinal);
		values[5] = Int32GetDatum((int32) pd_charpos_at(&cpos, u->raw_start));
		values[6] = Int32GetDatum((int32) pd_charpos_at(&cpos, u->raw_end));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	pd_unit_list_free(&list);
	return (Datum) 0;
}

/* plan_unit_rules(doc): the document-wide rules the parser applies */
PG_FUNCTION_INFO_V1(plan_unit_rules);
Datum
plan_unit_rules(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *s = VARDATA_ANY(doc);
	pd_unit_rules rules;
	Datum		values[3];
	bool		nulls[3] = {0};

	pd_init_srf(fcinfo);
	scan_rules(s, VARSIZE_ANY_EXHDR(doc), &rules);
	if (rules.first_is_lead)
	{
		values[0] = CStringGetTextDatum("first_is_lead");
		nulls[1] = true;
		values[2] = pd_text_from(s + rules.lead_rule_start,
								 rules.lead_rule_end - rules.lead_rule_start);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	if (rules.bracket_names_units)
	{
		/* bracket_lead, bracket_responsible, bracket_co */
		char		name[32];

		snprintf(name, sizeof(name), "bracket_%s", pd_unit_role_name(rules.bracket_role));
		values[0] = CStringGetTextDatum(name);
		nulls[1] = true;
		values[2] = pd_text_from(s + rules.bracket_rule_start,
								 rules.bracket_rule_end - rules.bracket_rule_start);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	if (rules.has_implicit)
	{
		values[0] = CStringGetTextDatum("implicit");
		nulls[1] = false;
		values[1] = respunit_datum(rules.implicit_unit, rules.implicit_len);
		values[2] = pd_text_from(s + rules.implicit_rule_start,
								 rules.implicit_rule_end - rules.implicit_rule_start);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * plan_units(doc): the units of every task, read from the task's own text
 * (so a unit belongs to the innermost task whose text holds its bracket),
 * one row per unit and task, with the document's rules applied and an
 * implicit row on every task when a standing rule names one.
 */
PG_FUNCTION_INFO_V1(plan_units);
Datum
plan_units(PG_FUNCTION_ARGS)
{
	text	   *doc = PD_GETARG_DOC(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	pd_doc		d;
	pd_unit_rules rules;
	pd_unit_list list;
	pd_charpos	cpos;
	unit_row_bufs rb;
	pd_rowform	rf;

	pd_init_srf(fcinfo);
	unit_row_bufs_init(&rb);
	pd_rowform_init(&rf, rsinfo->setDesc);
	pd_segment_text(doc, &d);
	scan_rules(d.text, d.len, &rules);
	pd_unit_list_init(&list, &pd_palloc_mem);
	pd_charpos_init(&cpos, d.text);

	for (int i = 0; i < d.nitems; i++)
	{
		const pd_item *it = &d.items[i];
		pd_error	err;
		pd_status	st = pd_item_units(&d, i, &rules, pd_check_interrupts, NULL, &list, &err);

		if (st != PD_OK)
			core_failed(st, &err);
		for (int k = 0; k < list.n; k++)
		{
			const pd_unit *u = &list.units[k];
			bool		implicit = u->role == PD_ROLE_IMPLICIT;
			Datum		values[10];
			bool		nulls[10] = {0};

			values[0] = Int32GetDatum(i + 1);
			values[1] = Int32GetDatum(it->part);
			values[2] = TaskcodeGetDatum(it->code);
			values[3] = unit_datum(&rb, pd_unit_name(&list, u), u->norm_len);
			values[4] = rb.roles[u->role];
			values[5] = raw_datum(&rb, d.text + u->raw_start, u->raw_end - u->raw_start);
			values[6] = Int32GetDatum(u->group);
			values[7] = Int32GetDatum(u->ordinal);
			nulls[6] = nulls[7] = implicit;
			if (implicit)
				nulls[8] = nulls[9] = true;	/* the rule is elsewhere in the text */
			else
			{
				values[8] = Int32GetDatum((int32) pd_charpos_at(&cpos, u->raw_start));
				values[9] = Int32GetDatum((int32) pd_charpos_at(&cpos, u->raw_end));
			}
			pd_rowform_put(&rf, rsinfo->setResult, values, nulls);
		}
	}
	pd_unit_list_free(&list);
	pd_doc_free(&d);
	return (Datum) 0;
}
