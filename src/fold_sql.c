/*
 * fold_sql.c — the core's character folding as a SQL function, so queries
 * can compare printed names across scripts and widths the way the parser
 * does: plan_fold('重慶市（發展）') = '重庆市(发展)'.
 */
#include "plandata.h"

#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(plan_fold);
Datum
plan_fold(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const unsigned char *p = (const unsigned char *) VARDATA_ANY(in);
	const unsigned char *end = p + VARSIZE_ANY_EXHDR(in);
	/* folding never makes a character longer than 4 bytes */
	char	   *out = palloc(VARSIZE_ANY_EXHDR(in) * 2 + 4);
	size_t		len = 0;

	while (p < end)
		len += (size_t) pd_u8_put(out + len, pd_fold(pd_u8_next(&p, end)));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out, (int) len));
}
