/*
 * taskcode.c — the taskcode SQL type: a task numbering path in 8 bytes,
 * passed by value.  Parsing, printing and the bit layout live in the core
 * (src/core/taskcode.c, pd_taskcode.h); this file is the fmgr glue, the
 * operators, the btree/hash support and the planner support function that
 * lets <@ and @> use a btree index.
 */
#include "plandata.h"
#include "pd_taskcode.h"

#include "access/stratnum.h"
#include "catalog/pg_am_d.h"
#include "nodes/pathnodes.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/sortsupport.h"

#define DatumGetTaskcode(d) ((pd_tc) DatumGetInt64(d))
#define TaskcodeGetDatum(t) Int64GetDatum((int64) (t))
#define PG_GETARG_TASKCODE(n) DatumGetTaskcode(PG_GETARG_DATUM(n))
#define PG_RETURN_TASKCODE(t) return TaskcodeGetDatum(t)

/* ---- I/O -------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(taskcode_in);
Datum
taskcode_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	pd_tc		tc;
	pd_error	err;

	if (pd_tc_parse(str, strlen(str), &tc, &err) != PD_OK)
	{
		pd_input_error(fcinfo, "taskcode", str, &err);
		PG_RETURN_NULL();		/* soft error saved (PG16+) */
	}
	PG_RETURN_TASKCODE(tc);
}

PG_FUNCTION_INFO_V1(taskcode_out);
Datum
taskcode_out(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);
	char	   *buf = palloc(PD_TC_TEXT_MAX + 1);

	pd_tc_format(tc, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(taskcode_from_text);
Datum
taskcode_from_text(PG_FUNCTION_ARGS)
{
	text	   *txt = PG_GETARG_TEXT_PP(0);
	pd_tc		tc = 0;
	pd_error	err;

	if (pd_tc_parse(VARDATA_ANY(txt), VARSIZE_ANY_EXHDR(txt), &tc, &err) != PD_OK)
		pd_input_error(fcinfo, "taskcode", text_to_cstring(txt), &err);
	PG_RETURN_TASKCODE(tc);
}

PG_FUNCTION_INFO_V1(taskcode_to_text);
Datum
taskcode_to_text(PG_FUNCTION_ARGS)
{
	char		buf[PD_TC_TEXT_MAX + 1];
	size_t		len = pd_tc_format(PG_GETARG_TASKCODE(0), buf);

	PG_RETURN_DATUM(pd_text_from(buf, len));
}

PG_FUNCTION_INFO_V1(taskcode_recv);
Datum
taskcode_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	pd_tc		tc = (pd_tc) pq_getmsgint64(buf);

	if (!pd_tc_valid(tc))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external taskcode value"),
				 errdetail("Levels must be 1..%d deep with numbers 1..%d and no gaps.",
						   PD_TC_MAX_DEPTH, PD_TC_MAX_NUM)));
	PG_RETURN_TASKCODE(tc);
}

PG_FUNCTION_INFO_V1(taskcode_send);
Datum
taskcode_send(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, (int64) tc);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- comparison ------------------------------------------------------ */

/* the layout keeps the top bits clear, so signed int64 order is path order */
#define TC_CMP(a, b) ((a) < (b) ? -1 : ((a) > (b) ? 1 : 0))

#define TC_COMPARE_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	pd_tc		a = PG_GETARG_TASKCODE(0); \
	pd_tc		b = PG_GETARG_TASKCODE(1); \
	PG_RETURN_BOOL(expr); \
}

TC_COMPARE_FN(taskcode_eq, a == b)
TC_COMPARE_FN(taskcode_ne, a != b)
TC_COMPARE_FN(taskcode_lt, a < b)
TC_COMPARE_FN(taskcode_le, a <= b)
TC_COMPARE_FN(taskcode_gt, a > b)
TC_COMPARE_FN(taskcode_ge, a >= b)
TC_COMPARE_FN(taskcode_isdescendant, pd_tc_is_descendant(a, b))
TC_COMPARE_FN(taskcode_isancestor, pd_tc_is_descendant(b, a))

PG_FUNCTION_INFO_V1(taskcode_larger);
Datum
taskcode_larger(PG_FUNCTION_ARGS)
{
	pd_tc		a = PG_GETARG_TASKCODE(0);
	pd_tc		b = PG_GETARG_TASKCODE(1);

	PG_RETURN_TASKCODE(a > b ? a : b);
}

PG_FUNCTION_INFO_V1(taskcode_smaller);
Datum
taskcode_smaller(PG_FUNCTION_ARGS)
{
	pd_tc		a = PG_GETARG_TASKCODE(0);
	pd_tc		b = PG_GETARG_TASKCODE(1);

	PG_RETURN_TASKCODE(a < b ? a : b);
}

PG_FUNCTION_INFO_V1(taskcode_cmp);
Datum
taskcode_cmp(PG_FUNCTION_ARGS)
{
	pd_tc		a = PG_GETARG_TASKCODE(0);
	pd_tc		b = PG_GETARG_TASKCODE(1);

	PG_RETURN_INT32(TC_CMP(a, b));
}

#if PG_VERSION_NUM < 150000
static int
taskcode_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	pd_tc		a = DatumGetTaskcode(x);
	pd_tc		b = DatumGetTaskcode(y);

	(void) ssup;
	return TC_CMP(a, b);
}
#endif

PG_FUNCTION_INFO_V1(taskcode_sortsupport);
Datum
taskcode_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

#if PG_VERSION_NUM >= 150000
	/* the same comparator int8 uses, which tuplesort specialises */
	ssup->comparator = ssup_datum_signed_cmp;
#else
	ssup->comparator = taskcode_fastcmp;
#endif
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(taskcode_hash);
Datum
taskcode_hash(PG_FUNCTION_ARGS)
{
	/* hash exactly as int8 does: equal codes are equal int8 values */
	return DirectFunctionCall1(hashint8, PG_GETARG_DATUM(0));
}

PG_FUNCTION_INFO_V1(taskcode_hash_extended);
Datum
taskcode_hash_extended(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall2(hashint8extended, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1));
}

/* ---- path functions ---------------------------------------------------- */

PG_FUNCTION_INFO_V1(taskcode_nlevel);
Datum
taskcode_nlevel(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(pd_tc_depth(PG_GETARG_TASKCODE(0)));
}

PG_FUNCTION_INFO_V1(taskcode_parent);
Datum
taskcode_parent(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);
	int			d = pd_tc_depth(tc);

	if (d <= 1)
		PG_RETURN_NULL();		/* a top-level item has no parent */
	PG_RETURN_TASKCODE(pd_tc_prefix(tc, d - 1));
}

PG_FUNCTION_INFO_V1(taskcode_ancestor);
Datum
taskcode_ancestor(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);
	int32		level = PG_GETARG_INT32(1);

	if (level < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("level must be at least 1, not %d", level)));
	if (level > pd_tc_depth(tc))
		PG_RETURN_NULL();
	PG_RETURN_TASKCODE(pd_tc_prefix(tc, level));
}

/*
 * subpath(code, offset [, len]) as ltree defines it: offset counts from 0,
 * a negative offset counts from the end, a negative len leaves that many
 * components off the end.  The result must not be empty.
 */
static pd_tc
tc_subpath(pd_tc tc, int32 offset, int32 len, bool has_len)
{
	int			d = pd_tc_depth(tc);
	int			start = offset < 0 ? d + offset : offset;
	int			stop;
	pd_tc		out = 0;

	if (!has_len)
		stop = d;
	else if (len < 0)
		stop = d + len;
	else
		stop = start + len > d ? d : start + len;
	if (start < 0 || start >= d || stop <= start)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid positions for subpath of %d-level task code", d)));
	for (int i = start; i < stop; i++)
		out = pd_tc_set(out, i - start + 1, pd_tc_get(tc, i + 1));
	return out;
}

PG_FUNCTION_INFO_V1(taskcode_subpath);
Datum
taskcode_subpath(PG_FUNCTION_ARGS)
{
	PG_RETURN_TASKCODE(tc_subpath(PG_GETARG_TASKCODE(0), PG_GETARG_INT32(1),
								  PG_NARGS() > 2 ? PG_GETARG_INT32(2) : 0, PG_NARGS() > 2));
}

PG_FUNCTION_INFO_V1(taskcode_last);
Datum
taskcode_last(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);

	PG_RETURN_INT32(pd_tc_get(tc, pd_tc_depth(tc)));
}

PG_FUNCTION_INFO_V1(taskcode_component);
Datum
taskcode_component(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);
	int32		level = PG_GETARG_INT32(1);

	if (level < 1 || level > pd_tc_depth(tc))
		PG_RETURN_NULL();
	PG_RETURN_INT32(pd_tc_get(tc, level));
}

PG_FUNCTION_INFO_V1(taskcode_child);
Datum
taskcode_child(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);
	int32		num = PG_GETARG_INT32(1);
	int			d = pd_tc_depth(tc);

	if (d >= PD_TC_MAX_DEPTH)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("task code %s is already at the maximum depth of %d",
						DatumGetCString(DirectFunctionCall1(taskcode_out, TaskcodeGetDatum(tc))),
						PD_TC_MAX_DEPTH)));
	if (num < 1 || num > PD_TC_MAX_NUM)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("task code component %d is out of range", num),
				 errdetail("Components are between 1 and %d.", PD_TC_MAX_NUM)));
	PG_RETURN_TASKCODE(pd_tc_set(tc, d + 1, (unsigned) num));
}

PG_FUNCTION_INFO_V1(taskcode_label);
Datum
taskcode_label(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);
	bool		full = PG_NARGS() > 1 ? PG_GETARG_BOOL(1) : false;
	char		buf[PD_TC_LABEL_MAX];
	size_t		len = pd_tc_label(tc, full, buf);

	PG_RETURN_DATUM(pd_text_from(buf, len));
}

PG_FUNCTION_INFO_V1(taskcode_to_array);
Datum
taskcode_to_array(PG_FUNCTION_ARGS)
{
	pd_tc		tc = PG_GETARG_TASKCODE(0);
	int			d = pd_tc_depth(tc);
	Datum		elems[PD_TC_MAX_DEPTH];

	for (int i = 0; i < d; i++)
		elems[i] = Int32GetDatum((int32) pd_tc_get(tc, i + 1));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, d, INT4OID, sizeof(int32), true, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(taskcode_from_array);
Datum
taskcode_from_array(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	long		nums[PD_TC_MAX_DEPTH + 1];
	pd_tc		tc;
	pd_error	err;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("a task code is built from a one-dimensional array")));
	deconstruct_array(arr, INT4OID, sizeof(int32), true, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n && i <= PD_TC_MAX_DEPTH; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("task code components cannot be null")));
		nums[i] = DatumGetInt32(elems[i]);
	}
	if (pd_tc_from_array(nums, n, &tc, &err) != PD_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot build a task code from this array"),
				 errdetail_internal("%s", err.msg)));
	PG_RETURN_TASKCODE(tc);
}

/* ---- planner support: <@ and @> as btree range conditions ------------- */

/*
 * For  col <@ 'c'  (col is a descendant of c) the answer is exactly the
 * range  col >= c AND col <= last_descendant(c), because descendants are
 * contiguous in the btree order.  For  col @> 'c'  (col is an ancestor of c)
 * the answer is the short list of c's prefixes: col = ANY('{4, 4.15}').
 * Both are exact (not lossy), so the original clause is not rechecked.
 */
static Expr *
make_tc_opclause(Oid opfamily, Oid tctype, int strategy, Expr *left, pd_tc value)
{
	Oid			opno = get_opfamily_member(opfamily, tctype, tctype, strategy);

	if (!OidIsValid(opno))
		return NULL;
	return make_opclause(opno, BOOLOID, false, left,
						 (Expr *) makeConst(tctype, -1, InvalidOid, sizeof(int64),
											TaskcodeGetDatum(value), false, true),
						 InvalidOid, InvalidOid);
}

PG_FUNCTION_INFO_V1(taskcode_support);
Datum
taskcode_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestIndexCondition *req;
	List	   *args;
	Node	   *indexarg;
	Node	   *other;
	Oid			funcid;
	Oid			tctype;
	bool		descendant_of_const;
	pd_tc		c;
	List	   *result = NIL;

	if (!IsA(rawreq, SupportRequestIndexCondition))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestIndexCondition *) rawreq;

	if (is_opclause(req->node))
	{
		args = ((OpExpr *) req->node)->args;
		funcid = ((OpExpr *) req->node)->opfuncid;
		if (!OidIsValid(funcid))
			funcid = get_opcode(((OpExpr *) req->node)->opno);
	}
	else if (is_funcclause(req->node))
	{
		args = ((FuncExpr *) req->node)->args;
		funcid = ((FuncExpr *) req->node)->funcid;
	}
	else
		PG_RETURN_POINTER(NULL);
	if (list_length(args) != 2 || req->indexarg > 1)
		PG_RETURN_POINTER(NULL);

	indexarg = (Node *) list_nth(args, req->indexarg);
	other = (Node *) list_nth(args, 1 - req->indexarg);
	if (!IsA(other, Const) || ((Const *) other)->constisnull)
		PG_RETURN_POINTER(NULL);
	tctype = exprType(indexarg);
	if (exprType(other) != tctype)
		PG_RETURN_POINTER(NULL);
	/* the index must order taskcodes our way: the opfamily has our < */
	if (req->index->relam != BTREE_AM_OID ||
		!OidIsValid(get_opfamily_member(req->opfamily, tctype, tctype, BTLessStrategyNumber)))
		PG_RETURN_POINTER(NULL);

	/*
	 * isdescendant(a, b) is a <@ b; isancestor(a, b) is a @> b.  Which one
	 * we have is told by the name of the function behind the clause.
	 */
	{
		char	   *fname = get_func_name(funcid);
		bool		is_desc;

		if (fname == NULL)
			PG_RETURN_POINTER(NULL);
		is_desc = strcmp(fname, "taskcode_isdescendant") == 0;
		if (!is_desc && strcmp(fname, "taskcode_isancestor") != 0)
			PG_RETURN_POINTER(NULL);
		/* "index column is the descendant" when it is arg 0 of isdescendant */
		descendant_of_const = (is_desc == (req->indexarg == 0));
	}

	c = DatumGetTaskcode(((Const *) other)->constvalue);
	if (descendant_of_const)
	{
		Expr	   *lo = make_tc_opclause(req->opfamily, tctype, BTGreaterEqualStrategyNumber,
										  (Expr *) copyObject(indexarg), c);
		Expr	   *hi = make_tc_opclause(req->opfamily, tctype, BTLessEqualStrategyNumber,
										  (Expr *) copyObject(indexarg), pd_tc_last_descendant(c));

		if (lo == NULL || hi == NULL)
			PG_RETURN_POINTER(NULL);
		result = list_make2(lo, hi);
	}
	else
	{
		/* the ancestors-or-self of c: at most PD_TC_MAX_DEPTH values */
		Oid			eqop = get_opfamily_member(req->opfamily, tctype, tctype, BTEqualStrategyNumber);
		int			d = pd_tc_depth(c);
		Datum		elems[PD_TC_MAX_DEPTH];
		ArrayType  *arr;
		ScalarArrayOpExpr *saop;
		Oid			arrtype = get_array_type(tctype);

		if (!OidIsValid(eqop) || !OidIsValid(arrtype))
			PG_RETURN_POINTER(NULL);
		for (int level = 1; level <= d; level++)
			elems[level - 1] = TaskcodeGetDatum(pd_tc_prefix(c, level));
		arr = construct_array(elems, d, tctype, sizeof(int64), true, TYPALIGN_DOUBLE);
		saop = makeNode(ScalarArrayOpExpr);
		saop->opno = eqop;
		saop->opfuncid = get_opcode(eqop);
		saop->useOr = true;
		saop->inputcollid = InvalidOid;
		saop->args = list_make2(copyObject(indexarg),
								makeConst(arrtype, -1, InvalidOid, -1, PointerGetDatum(arr), false, false));
		saop->location = -1;
		result = list_make1(saop);
	}
	req->lossy = false;
	PG_RETURN_POINTER(result);
}
