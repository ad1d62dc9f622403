/*
 * fts.c — the plandata_zh text search parser and its folding dictionary:
 * thin server wrappers around the core tokenizer (src/core/fts.c), plus the
 * headline function that turns overlapping bigram tokens back into the
 * printed text.
 *
 * The parser hands PostgreSQL spans of the original text; the dictionary
 * (plandata_zh_fold) folds them into lexemes, marks a lone Han character as
 * a prefix (so that a query's last character also matches where the text's
 * run goes on) and makes white space a stop word (it takes a position, so
 * "2025 年" is not the phrase 2025年).  Headlines are selected by
 * PostgreSQL's own prsd_headline; we only rewrite the words it chose, since
 * its output would print each bigram whole and so every character twice
 * (and, for a phrase query, mark whole occurrences only).  Also here:
 * plandata_zh_compact, which drops the trailing prefix of a phrase query
 * where the bigram before it implies it.
 */
#include "plandata.h"

#include "catalog/pg_type.h"
#include "commands/defrem.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_type.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"

#include "pd_fts.h"

/* ---- parser ------------------------------------------------------------ */

typedef struct fts_state
{
	pd_fts_scanner scan;
	const char *text;
	uint32		tokens;
} fts_state;

PG_FUNCTION_INFO_V1(plandata_zh_start);
Datum
plandata_zh_start(PG_FUNCTION_ARGS)
{
	fts_state  *st = palloc0(sizeof(fts_state));

	st->text = (const char *) PG_GETARG_POINTER(0);
	pd_fts_init(&st->scan, st->text, (size_t) Max(PG_GETARG_INT32(1), 0));
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(plandata_zh_gettoken);
Datum
plandata_zh_gettoken(PG_FUNCTION_ARGS)
{
	fts_state  *st = (fts_state *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	size_t		off,
				len;
	pd_fts_tok	type;

	/* a token costs at most PD_FTS_MAX_TOKEN bytes of scanning */
	if ((++st->tokens & 1023) == 0)
		CHECK_FOR_INTERRUPTS();
	type = pd_fts_next(&st->scan, &off, &len);
	if (type == PD_FTS_END)
		PG_RETURN_INT32(0);
	*t = (char *) st->text + off;
	*tlen = (int) len;
	PG_RETURN_INT32((int32) type);
}

PG_FUNCTION_INFO_V1(plandata_zh_end);
Datum
plandata_zh_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

static const struct
{
	int			id;
	const char *alias;
	const char *descr;
}			fts_types[] =
{
	{PD_FTS_WORD, "word", "Latin letters, with digits (GDP, 5G, PM2.5)"},
	{PD_FTS_HAN2, "han2", "Two Han characters (overlapping bigram)"},
	{PD_FTS_HAN1, "han1", "Han character ending a run"},
	{PD_FTS_SYMBOL, "symbol", "Punctuation mark or other character"},
	{PD_FTS_BLANK, "blank", "Space symbols"},
	{PD_FTS_NUMBER, "number", "Number (2025, 76, 3.5)"},
};

PG_FUNCTION_INFO_V1(plandata_zh_lextype);
Datum
plandata_zh_lextype(PG_FUNCTION_ARGS)
{
	int			n = lengthof(fts_types);
	LexDescr   *d = palloc(sizeof(LexDescr) * (n + 1));

	for (int i = 0; i < n; i++)
	{
		d[i].lexid = fts_types[i].id;
		d[i].alias = pstrdup(fts_types[i].alias);
		d[i].descr = pstrdup(fts_types[i].descr);
	}
	d[n].lexid = 0;
	PG_RETURN_POINTER(d);
}

/* ---- headline ---------------------------------------------------------- */

/* how far a headline fragment is widened to the ends of a Han run */
#define HL_RUN_STRETCH 8

/* bytes of the first UTF-8 character of w (at least 1, at most len) */
static int
first_char_len(const char *w, int len)
{
	const unsigned char *p = (const unsigned char *) w;

	(void) pd_u8_next(&p, p + len);
	return (int) (p - (const unsigned char *) w);
}

/*
 * How word i of the headline matched the query: any non-prefix operand
 * (exact), any prefix operand.  Extra operands a word matches sit in the
 * "repeated" copies right after it.
 */
static void
word_matches(HeadlineParsedText *prs, int i, bool *exact, bool *prefix)
{
	*exact = *prefix = false;
	for (int j = i; j < prs->curwords && (j == i || prs->words[j].repeated); j++)
	{
		QueryOperand *op = prs->words[j].item;

		if (op == NULL)
			continue;
		if (op->prefix)
			*prefix = true;
		else
			*exact = true;
	}
}

/*
 * The operands of a query that is one phrase, a <-> b <-> c (as a phrase
 * search gives), in order; false for any other query.
 */
#define HL_CHAIN_MAX 64
static bool
query_chain(QueryItem *it, QueryOperand **ops, int *n)
{
	check_stack_depth();
	if (it->type == QI_VAL)
	{
		if (*n >= HL_CHAIN_MAX)
			return false;
		ops[(*n)++] = &it->qoperand;
		return true;
	}
	if (it->qoperator.oper != OP_PHRASE || it->qoperator.distance != 1)
		return false;
	/* the left operand is it + left, the right one it + 1 */
	return query_chain(it + it->qoperator.left, ops, n) && query_chain(it + 1, ops, n);
}

/* true if word i (or one of its repeated copies) matched operand op */
static bool
word_has(HeadlineParsedText *prs, int i, QueryOperand *op)
{
	for (int j = i; j < prs->curwords && (j == i || prs->words[j].repeated); j++)
		if (prs->words[j].item == op)
			return true;
	return false;
}

static void
append(StringInfo buf, const char *s, int len)
{
	appendBinaryStringInfo(buf, s, len);
}

/*
 * Rewrite the words prsd_headline put into the headline so that the text
 * comes out as printed, with one highlight around each matched stretch:
 *  - a bigram followed by the next word of the fragment shows its first
 *    character only (the next word starts with its second);
 *  - a bigram that matched an exact operand highlights both its characters
 *    (so the next word's first character too); one that matched only a
 *    prefix operand (a one-character query) its first character;
 *  - a Han token matched only by a query's trailing prefix is highlighted
 *    only where it ends a highlighted stretch (城镇化率, 2025年), unless the
 *    query has nothing but prefixes (a one-character search).
 * The marks are written into the words' texts and "selected" is cleared, so
 * generateHeadline copies them as they are.
 */
static void
fix_headline(HeadlineParsedText *prs, TSQuery query)
{
	int			n = prs->curwords;
	int		   *order = palloc(sizeof(int) * (n + 1));
	bool	   *hl_a,
			   *hl_b,
			   *show_b,
			   *chain;
	QueryOperand *ops[HL_CHAIN_MAX];
	int			nops = 0;
	int			m = 0;
	bool		query_exact = false;
	QueryItem  *item = GETQUERY(query);
	StringInfoData buf;

	for (int i = 0; i < query->size; i++)
		if (item[i].type == QI_VAL && !item[i].qoperand.prefix)
			query_exact = true;

	for (int i = 0; i < n; i++)
		if (!prs->words[i].repeated)
			order[m++] = i;
	hl_a = palloc0(sizeof(bool) * (m + 1));

	/*
	 * A phrase query marks whole occurrences of the phrase only: words that
	 * match its operands in order at consecutive positions (PostgreSQL marks
	 * every word that matches any operand, so 城镇 alone for 城镇化率).
	 */
	chain = palloc0(sizeof(bool) * (m + 1));
	if (query->size > 0 && query_chain(item, ops, &nops) && nops > 1)
	{
		for (int k = 0; k + nops <= m; k++)
		{
			int			t;

			for (t = 0; t < nops; t++)
			{
				HeadlineWordEntry *w = &prs->words[order[k + t]];

				if (!w->in || w->pos != prs->words[order[k]].pos + t ||
					!word_has(prs, order[k + t], ops[t]))
					break;
			}
			if (t == nops)
				for (t = 0; t < nops; t++)
					chain[k + t] = true;
		}
	}
	else
		for (int k = 0; k < m; k++)
			chain[k] = prs->words[order[k]].selected;
	hl_b = palloc0(sizeof(bool) * (m + 1));
	show_b = palloc0(sizeof(bool) * (m + 1));

	/*
	 * Fragments begin and end inside a run of Han characters wherever
	 * PostgreSQL's word count falls: widen each to the run's ends (at most
	 * HL_RUN_STRETCH characters each way), so a snippet does not start or
	 * stop in the middle of a word.
	 */
	for (int k = 0; k < m; k++)
	{
		if (!prs->words[order[k]].in)
			continue;
		if (k == 0 || !prs->words[order[k - 1]].in)
			for (int j = k - 1, steps = 0; j >= 0 && steps < HL_RUN_STRETCH &&
				 prs->words[order[j]].type == PD_FTS_HAN2 && !prs->words[order[j]].in; j--, steps++)
				prs->words[order[j]].in = 1;
		if (k + 1 == m || !prs->words[order[k + 1]].in)
		{
			int			j = k;

			for (int steps = 0; j + 1 < m && steps < HL_RUN_STRETCH &&
				 prs->words[order[j]].type == PD_FTS_HAN2 && !prs->words[order[j + 1]].in; steps++)
				prs->words[order[++j]].in = 1;
			k = j;
		}
	}

	/* what each word shows and highlights */
	for (int k = 0; k < m; k++)
	{
		HeadlineWordEntry *w = &prs->words[order[k]];
		bool		exact,
					prefix,
					prefix_ok,
					next_in = (k + 1 < m && prs->words[order[k + 1]].in);

		if (!w->in)
			continue;
		word_matches(prs, order[k], &exact, &prefix);
		if (!chain[k])
			exact = prefix = false;
		show_b[k] = !(w->type == PD_FTS_HAN2 && next_in);
		/* a prefix match counts as the end of a highlighted stretch */
		prefix_ok = prefix && (!query_exact || (k > 0 && prs->words[order[k - 1]].in &&
												((prs->words[order[k - 1]].type == PD_FTS_HAN2 && show_b[k - 1]) ?
												 hl_b[k - 1] : hl_a[k - 1])));
		switch (w->type)
		{
			case PD_FTS_HAN2:
				hl_a[k] |= exact || prefix_ok;
				hl_b[k] = exact;
				if (exact && next_in)
					hl_a[k + 1] = true;
				break;
			case PD_FTS_HAN1:
				hl_a[k] |= exact || prefix_ok;
				break;
			default:
				hl_a[k] |= exact || prefix;
				hl_b[k] = hl_a[k];
				break;
		}
	}

	/* write each word's text with the marks around highlighted stretches */
	initStringInfo(&buf);
	for (int k = 0; k < m; k++)
	{
		HeadlineWordEntry *w = &prs->words[order[k]];
		int			a_len;
		bool		prev_hl,
					next_hl;

		if (!w->in)
			continue;
		a_len = (w->type == PD_FTS_HAN2) ? first_char_len(w->word, w->len) : w->len;
		prev_hl = k > 0 && prs->words[order[k - 1]].in &&
			((prs->words[order[k - 1]].type == PD_FTS_HAN2 && show_b[k - 1]) ?
			 hl_b[k - 1] : hl_a[k - 1]);
		next_hl = k + 1 < m && prs->words[order[k + 1]].in && hl_a[k + 1];

		resetStringInfo(&buf);
		if (w->type == PD_FTS_HAN2 && show_b[k])
		{
			/* the bigram ends the fragment: both characters, two stretches */
			if (hl_a[k] && !prev_hl)
				append(&buf, prs->startsel, prs->startsellen);
			append(&buf, w->word, a_len);
			if (hl_a[k] && !hl_b[k])
				append(&buf, prs->stopsel, prs->stopsellen);
			if (hl_b[k] && !hl_a[k])
				append(&buf, prs->startsel, prs->startsellen);
			append(&buf, w->word + a_len, w->len - a_len);
			if (hl_b[k] && !next_hl)
				append(&buf, prs->stopsel, prs->stopsellen);
		}
		else
		{
			if (hl_a[k] && !prev_hl)
				append(&buf, prs->startsel, prs->startsellen);
			append(&buf, w->word, a_len);
			if (hl_a[k] && !next_hl)
				append(&buf, prs->stopsel, prs->stopsellen);
		}
		w->word = pnstrdup(buf.data, buf.len);
		w->len = buf.len;
		w->selected = 0;
	}
	pfree(buf.data);
	pfree(order);
	pfree(hl_a);
	pfree(hl_b);
	pfree(show_b);
	pfree(chain);
}

/* the most words PostgreSQL's headline selection looks at */
#define HL_WINDOW 4000

PG_FUNCTION_INFO_V1(plandata_zh_headline);
Datum
plandata_zh_headline(PG_FUNCTION_ARGS)
{
	HeadlineParsedText *prs = (HeadlineParsedText *) PG_GETARG_POINTER(0);
	TSQuery		query = PG_GETARG_TSQUERY(2);

	HeadlineWordEntry *all = prs->words;
	int32		n = prs->curwords,
				from = 0,
				to = n;

	/*
	 * PostgreSQL's fragment selection (covers, MaxWords, StartSel, ...) costs
	 * time and memory that grow faster than the text where every word
	 * matches (a megabyte of one character): it sees a window of
	 * HL_WINDOW words from shortly before the first match.
	 */
	if (n > HL_WINDOW)
	{
		while (from < n && all[from].item == NULL)
			from++;
		if (from == n)
			from = 0;
		from = Max(from - HL_WINDOW / 50, 0);
		while (from > 0 && all[from].repeated)
			from--;
		to = Min(from + HL_WINDOW, n);
		while (to < n && all[to].repeated)
			to++;
	}
	prs->words = all + from;
	prs->curwords = to - from;
	DirectFunctionCall3(prsd_headline, PointerGetDatum(prs), PG_GETARG_DATUM(1),
						PointerGetDatum(query));
	prs->words = all;
	prs->curwords = n;
	fix_headline(prs, query);
	PG_RETURN_POINTER(prs);
}

/* ---- compacting phrase queries ----------------------------------------- */

/* true if w[0, len) is n Han characters (n = 1 or 2); *last gets the last */
static bool
han_chars(const char *w, int len, int n, const char **last, int *last_len)
{
	const unsigned char *p = (const unsigned char *) w;
	const unsigned char *end = p + len;

	for (int i = 0; i < n; i++)
	{
		const unsigned char *c = p;

		if (p >= end || pd_fts_classify(pd_u8_next(&p, end)) != PD_FTS_C_HAN)
			return false;
		*last = (const char *) c;
		*last_len = (int) (p - c);
	}
	return p == end;
}

/*
 * In a query on plandata_zh tsvectors, "... <-> 'ab' <-> 'b':*" matches
 * exactly where "... <-> 'ab'" does: the parser puts a token starting with
 * b right after every bigram ab (the next bigram or the run's last
 * character).  The prefix costs the index scan a range of lexemes, so drop
 * it wherever it follows such a bigram directly -- unless an enclosing
 * phrase operator measures from where the dropped operand matched (the node
 * is on the left of a phrase, at any depth: end_matters).  Post-order over
 * the tree; a binary node's child[0] is its right operand, child[1] its left.
 */
static void
compact_node(QTNode *n, bool end_matters)
{
	QTNode	   *right,
			   *left,
			   *r;
	const char *x,
			   *b;
	int			x_len,
				b_len;

	check_stack_depth();
	if (n->valnode->type == QI_OPR && n->valnode->qoperator.oper == OP_PHRASE && n->nchild == 2)
	{
		compact_node(n->child[0], end_matters);
		compact_node(n->child[1], true);
	}
	else
		for (int i = 0; i < n->nchild; i++)
			compact_node(n->child[i], end_matters);
	if (end_matters || n->valnode->type != QI_OPR || n->valnode->qoperator.oper != OP_PHRASE ||
		n->valnode->qoperator.distance != 1 || n->nchild != 2)
		return;
	right = n->child[0];
	left = n->child[1];
	if (right->valnode->type != QI_VAL || !right->valnode->qoperand.prefix ||
		right->valnode->qoperand.weight != 0 ||
		!han_chars(right->word, right->valnode->qoperand.length, 1, &x, &x_len))
		return;
	/* the operand that ends the left side's matches */
	for (r = left; r->valnode->type == QI_OPR && r->valnode->qoperator.oper == OP_PHRASE;)
		r = r->child[0];
	if (r->valnode->type != QI_VAL || r->valnode->qoperand.prefix ||
		!han_chars(r->word, r->valnode->qoperand.length, 2, &b, &b_len) ||
		b_len != x_len || memcmp(b, x, x_len) != 0)
		return;
	QTNFree(right);
	*n = *left;
	pfree(left);
}

PG_FUNCTION_INFO_V1(plandata_zh_compact);
Datum
plandata_zh_compact(PG_FUNCTION_ARGS)
{
	TSQuery		q = PG_GETARG_TSQUERY(0);
	QTNode	   *tree;

	if (q->size == 0)
		PG_RETURN_TSQUERY(q);
	tree = QT2QTN(GETQUERY(q), GETOPERAND(q));
	compact_node(tree, false);
	PG_RETURN_TSQUERY(QTN2QT(tree));
}

/* ---- the folding dictionary ------------------------------------------- */

PG_FUNCTION_INFO_V1(plandata_zh_fold_init);
Datum
plandata_zh_fold_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);

	if (options != NIL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized plandata_zh_fold parameter: \"%s\"",
						((DefElem *) linitial(options))->defname),
				 errdetail("The folding dictionary takes no parameters.")));
	PG_RETURN_POINTER(NULL);
}

PG_FUNCTION_INFO_V1(plandata_zh_fold_lexize);
Datum
plandata_zh_fold_lexize(PG_FUNCTION_ARGS)
{
	const char *tok = (const char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * 2);
	pd_fts_lexkind kind = pd_fts_lexkind_of(tok, (size_t) Max(len, 0));

	/* white space: a stop word (an empty list), which keeps its position */
	if (kind == PD_FTS_LEX_STOP)
		PG_RETURN_POINTER(res);
	res[0].lexeme = palloc(PD_FTS_LEXEME_MAX((size_t) len));
	if (pd_fts_lexeme(tok, (size_t) len, res[0].lexeme) == 0)
	{
		pfree(res[0].lexeme);
		res[0].lexeme = NULL;
		PG_RETURN_POINTER(res);
	}
	if (kind == PD_FTS_LEX_PREFIX)
		res[0].flags = TSL_PREFIX;
	PG_RETURN_POINTER(res);
}
