/*
 * unit_brackets.c — the bracket grammar: how the content of one bracket or
 * labelled list reads as units with roles.
 *
 * A group's content is decoded once into folded code points (ubuf) and
 * split into segments (；; 。), items (、，,) and pieces (及 / 和 / 与, a /
 * or spaces between two names).  A label (责任单位：) sets the role of its
 * segment; a verb at the end of an item (牵头, 配合, 按职责分工负责 …) sets
 * the role of the items since the previous verb; （牵头） after a name sets
 * that name's role.  Items that do not look like unit names are notes: a
 * bracket whose first item is a note is not a responsibility bracket, and a
 * note ends the segment it is in.
 *
 * Owns: that grammar, the verb and role-mark words, the parser state and
 * its memo of normalised pieces.  Must not: decide which brackets of a text
 * to read (unit_scan.c), judge a name on its own (unit_names.c), or know
 * documents, rules' wording or tables (unit_rules.c, unit_tables.c): the
 * rules arrive as a pd_unit_rules.
 */
#include "pd_units_int.h"

#include <string.h>

/*
 * Append text[s, e) to b, decoded and folded, with offsets relative to
 * b->base.  False when it does not fit.
 */
bool
pdu_ubuf_append(ubuf *b, const char *text, size_t s, size_t e)
{
	const unsigned char *base = (const unsigned char *) text + b->base;
	const unsigned char *p = (const unsigned char *) text + s;
	const unsigned char *end = (const unsigned char *) text + e;
	uint32_t   *cp = b->cp;
	uint16_t   *off = b->off;
	int			n = b->n;

	/* every character takes a byte at least: no bound to test in the loop */
	if (e - s > (size_t) (UB_MAX - n) || e - b->base > UB_MAX)
		return false;

	/*
	 * Locals, not b->n: PostgreSQL builds with -fno-strict-aliasing, so a
	 * store into b->cp would make the compiler reload b->n every character.
	 */
	while (p < end)
	{
		off[n] = (uint16_t) (p - base);
		/* the common case first: a Han character, three bytes, U+4E00..U+9FFF */
		if ((unsigned) (p[0] - 0xE4) <= 0xE9 - 0xE4 && end - p >= 3 &&
			((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40)
		{
			cp[n++] = pd_t2s_bmp(((uint32_t) (p[0] & 0x0F) << 12) | ((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F));
			p += 3;
		}
		else
		{
			const unsigned char *q = p;	/* p itself stays in a register */
			uint32_t	c = pd_fold(pd_u8_next(&q, end));

			/* 各市、县〔市、区〕政府: inside a list 〔〕 nest like () */
			cp[n++] = c == 0x3014 ? '(' : c == 0x3015 ? ')' : c;
			p = q;
		}
	}
	off[n] = (uint16_t) (e - b->base);
	b->n = n;
	return true;
}

bool
pdu_ubuf_fill(ubuf *b, const char *text, size_t s, size_t e)
{
	b->base = s;
	b->n = 0;
	return pdu_ubuf_append(b, text, s, e);
}

/* a character that is not in the text (a table's label, its colon) at text offset at */
bool
pdu_ubuf_put(ubuf *b, uint32_t c, size_t at)
{
	if (b->n >= UB_MAX || at < b->base || at - b->base > UB_MAX)
		return false;
	b->off[b->n] = (uint16_t) (at - b->base);
	b->cp[b->n++] = c;
	b->off[b->n] = (uint16_t) (at - b->base);
	return true;
}

static int
skip_spaces(const ubuf *b, int i, int n)
{
	while (i < n && pd_is_space(b->cp[i]))
		i++;
	return i;
}

/*
 * A label and its colon at b[i] — or a label in lenticular brackets,
 * 【牵头单位】, also when the 【 was just passed as a segment's end:
 * returns the position after the colon or the 】, or -1.
 */
static int
match_label(const ubuf *b, int i, int n, int *lab)
{
	int			len,
				k;
	bool		lenticular;

	i = skip_spaces(b, i, n);
	while (i < n && (b->cp[i] == '*' || b->cp[i] == '#'))
		i++;					/* **责任单位**： */
	lenticular = (i < n && b->cp[i] == 0x3010) || (i > 0 && b->cp[i - 1] == 0x3010);
	if (i < n && b->cp[i] == 0x3010)
		i++;
	/* a quick no: labels are at most 6 characters, then their colon */
	for (k = i; k < n && k < i + 10 && b->cp[k] != ':' && !(lenticular && b->cp[k] == 0x3011); k++)
		;
	if (k >= n || k >= i + 10)
		return -1;
	len = pd_unit_label_at(b->cp, i, n, lab);
	if (len == 0)
		return -1;
	k = i + len;
	while (k < n && (pd_is_space(b->cp[k]) || b->cp[k] == '*'))
		k++;
	if (k < n && (b->cp[k] == ':' || (lenticular && b->cp[k] == 0x3011)))
		return k + 1;
	return -1;
}

/* verbs that end an item: the role of the units named before them */
static const pd_word verb_words[] = {	/* a: the role */
	{"牵头负责", PD_ROLE_LEAD}, {"牵头落实", PD_ROLE_LEAD}, {"牵头实施", PD_ROLE_LEAD},
	{"牵头组织实施", PD_ROLE_LEAD}, {"牵头抓总", PD_ROLE_LEAD}, {"牵头推进", PD_ROLE_LEAD},
	{"牵头", PD_ROLE_LEAD}, {"总牵头", PD_ROLE_LEAD}, {"负总责", PD_ROLE_LEAD},
	{"配合落实", PD_ROLE_CO}, {"配合实施", PD_ROLE_CO}, {"配合推进", PD_ROLE_CO},
	{"配合", PD_ROLE_CO}, {"参与", PD_ROLE_CO}, {"协助", PD_ROLE_CO}, {"协同", PD_ROLE_CO},
	{"协同推进", PD_ROLE_CO}, {"参加", PD_ROLE_CO}, {"协办", PD_ROLE_CO},
	{"负责落实", PD_ROLE_RESPONSIBLE}, {"负责实施", PD_ROLE_RESPONSIBLE},
	{"负责推进", PD_ROLE_RESPONSIBLE}, {"负责", PD_ROLE_RESPONSIBLE},
	{"抓好落实", PD_ROLE_RESPONSIBLE}, {"落实", PD_ROLE_RESPONSIBLE},
	{"组织实施", PD_ROLE_RESPONSIBLE}, {"实施", PD_ROLE_RESPONSIBLE},
	{"推进", PD_ROLE_RESPONSIBLE}, {"推动", PD_ROLE_RESPONSIBLE}, {"负责推动", PD_ROLE_RESPONSIBLE},
	{"统筹", PD_ROLE_LEAD}, {"统筹推进", PD_ROLE_LEAD}, {"统筹协调", PD_ROLE_LEAD},
	{"支持", PD_ROLE_CO}, {"配合支持", PD_ROLE_CO},
	{"指导", PD_ROLE_CO}, {"督导", PD_ROLE_CO}, {"协助推进", PD_ROLE_CO},
	{"主责", PD_ROLE_LEAD}, {"负主责", PD_ROLE_LEAD}, {"负主体责任", PD_ROLE_RESPONSIBLE},
	{"负主要责任", PD_ROLE_RESPONSIBLE}, {"负属地责任", PD_ROLE_RESPONSIBLE},
	{"是责任主体", PD_ROLE_RESPONSIBLE}, {"为责任主体", PD_ROLE_RESPONSIBLE},
	{"是责任单位", PD_ROLE_RESPONSIBLE}, {"为责任单位", PD_ROLE_RESPONSIBLE}
};
static pd_wordtab verbs = PD_WORDTAB(verb_words);

/* words between the names and the verb: 按职责分工负责, 共同参与 */
static const pd_word verb_modifiers_words[] = {
	{"按照职责分工"}, {"按职责分工"}, {"按照职责"}, {"按职责"}, {"按照职能分工"}, {"按职能分工"},
	{"按职能"}, {"依职责"}, {"依据职责"}, {"根据职责"}, {"分工"}, {"共同"}, {"分别"}, {"具体"}, {"各自"}, {"等"},
	{"积极"}, {"加强"}, {"做好"}, {"切实"}, {"认真"}, {"抓好"}
};
static pd_wordtab verb_modifiers = PD_WORDTAB(verb_modifiers_words);

/* role words in a bracket after a name: 市科技局（牵头） */
static const pd_word role_mark_words[] = {	/* a: the role */
	{"牵头", PD_ROLE_LEAD}, {"牵头单位", PD_ROLE_LEAD}, {"牵头部门", PD_ROLE_LEAD},
	{"主办", PD_ROLE_LEAD}, {"主责", PD_ROLE_LEAD}, {"牵头负责", PD_ROLE_LEAD},
	{"配合", PD_ROLE_CO}, {"配合单位", PD_ROLE_CO}, {"协办", PD_ROLE_CO}, {"参与", PD_ROLE_CO},
	{"协助", PD_ROLE_CO}, {"负责", PD_ROLE_RESPONSIBLE}, {"责任单位", PD_ROLE_RESPONSIBLE}
};
static pd_wordtab role_marks = PD_WORDTAB(role_mark_words);

/* the verb ending a[lo, *hi): strips it (and its modifiers) and returns its role */
static pd_unit_role
strip_verb(const uint32_t *a, int lo, int *hi)
{
	int			w = pd_word_before(&verbs, a, lo, *hi);
	pd_unit_role role;

	if (w < 0)
		return ROLE_PENDING;
	role = (pd_unit_role) verb_words[w].a;
	*hi -= pd_word_len(&verbs, w);
	for (int round = 0; round < 2; round++)
	{
		int			len = pd_word_len_before(&verb_modifiers, a, lo, *hi);

		if (len == 0)
			break;
		*hi -= len;
	}

	/*
	 * A manner the lists above do not know, up to 10 characters of Han
	 * before the verb: 按职能职责负责, 按照属地原则负责, 依法负责, 根据
	 * 工作需要配合.  A name may hold 依 too, but not as a manner: at its
	 * start (依兰县人民政府负责) or before its own suffix (市委依法治市办负责).
	 */
	for (int k = *hi - 1; k > lo && k >= *hi - 10 && pd_is_han_bmp(a[k]); k--)
	{
		if ((a[k] == 0x6309 || a[k] == 0x4F9D ||	/* 按 依 */
			 (a[k] == 0x6839 && k + 1 < *hi && a[k + 1] == 0x636E)) &&	/* 根据 */
			!pdu_has_unit_suffix(a + k, *hi - k))	/* 市委依法治市办负责: a name */
		{
			*hi = k;
			break;
		}
	}
	return role;				/* *hi == lo: nothing but a verb (按职责分工负责) */
}

/* exact match of a[i, j) against a role-mark table; ROLE_PENDING if none */
static pd_unit_role
role_mark(const uint32_t *a, int i, int j)
{
	int			w = i < j ? pd_word_at(&role_marks, a, i, j) : -1;

	/* the longest mark that fits: a whole match if it ends at j */
	if (w >= 0 && pd_word_len(&role_marks, w) == j - i)
		return (pd_unit_role) role_mark_words[w].a;
	return ROLE_PENDING;
}

/* the state of one bracket or labelled list being read */
typedef struct group
{
	int			first;			/* list->n when the group started */
	int			pending;		/* first unit still waiting for a role */
	bool		verb_seen;
	pd_unit_role last_verb;
	bool		explicit_lead;	/* a lead label, verb or mark */
	bool		explicit_co;
	int			ordinal;
} group;

/*
 * Plans repeat the same few names (市发展改革委 a dozen times): a small
 * direct-mapped memo of recent pieces, keyed by their folded code points and
 * strictness, spares the normaliser and pdu_unit_like() on every repeat.  Per
 * thread, like the target module's unit cache; results are pure functions
 * of the key, so a stale entry is never wrong, only replaced.  The parser
 * takes the table's address once per span: in a shared library each access
 * to a thread-local variable is a call (__tls_get_addr).
 */
#define NORM_MEMO_SLOTS 128
#define NORM_MEMO_CPS 24
typedef struct norm_memo
{
	uint8_t		n;				/* code points in key; 0 = empty slot */
	bool		strict;
	bool		ok;
	uint8_t		outlen;
	uint32_t	key[NORM_MEMO_CPS];
	char		out[NORM_MEMO_CPS * 4 + 1];
} norm_memo;
static __thread norm_memo norm_memos[NORM_MEMO_SLOTS];



/*
 * Normalise b[s, e) (its folded code points, no second decoding) into out;
 * false when it is no unit name.
 */
static bool
norm_piece(uparse *P, int s, int e, char *out, size_t *outlen, bool strict)
{
	const uint32_t *k = P->b.cp + s;
	int			n = e - s;
	uint32_t	h = 2166136261u ^ (uint32_t) strict;
	norm_memo  *m;
	bool		ok;

	if (n <= 0 || n > NORM_MEMO_CPS)
		return pdu_normalize_piece(P->b.cp + s, e - s, strict, out, outlen);
	for (int i = 0; i < n; i++)
		h = (h ^ k[i]) * 16777619u;
	m = &P->memo[(h ^ (h >> 15)) & (NORM_MEMO_SLOTS - 1)];
	if (m->n == n && m->strict == strict && memcmp(m->key, k, (size_t) n * sizeof(uint32_t)) == 0)
	{
		if (m->ok)
		{
			memcpy(out, m->out, (size_t) m->outlen + 1);
			*outlen = m->outlen;
		}
		return m->ok;
	}
	ok = pdu_normalize_piece(P->b.cp + s, e - s, strict, out, outlen);
	if (!ok || *outlen <= NORM_MEMO_CPS * 4)
	{
		m->n = (uint8_t) n;
		m->strict = strict;
		m->ok = ok;
		memcpy(m->key, k, (size_t) n * sizeof(uint32_t));
		if (ok)
		{
			m->outlen = (uint8_t) *outlen;
			memcpy(m->out, out, *outlen + 1);
		}
	}
	return ok;
}

/* space, stray punctuation or a dropped mark: never a Han character, the usual first and last */
static inline bool
is_trimmed(uint32_t cp)
{
	if (pd_is_han_bmp(cp))
		return false;
	return pdu_is_trim_char(cp);
}

static void
trim_range(const ubuf *b, int *s, int *e)
{
	while (*s < *e && is_trimmed(b->cp[*s]))
		(*s)++;
	while (*e > *s && is_trimmed(b->cp[*e - 1]))
		(*e)--;
}

static bool
add_unit(uparse *P, group *g, const char *norm, size_t len, int s, int e, pd_unit_role role)
{
	if (pd_unit_list_add(P->list, norm, len, role, ubuf_offset(&P->b, s), ubuf_offset(&P->b, e), P->err) != PD_OK)
	{
		P->status = PD_ENOMEM;
		return false;
	}
	P->list->units[P->list->n - 1].ordinal = ++g->ordinal;
	if (role == PD_ROLE_LEAD)
		g->explicit_lead = true;
	else if (role == PD_ROLE_CO)
		g->explicit_co = true;
	return true;
}

/* a role for the units still waiting since the last one was given */
static void
settle_pending(pd_unit_list *L, group *g, pd_unit_role role)
{
	for (int k = g->pending; k < L->n; k++)
		if (L->units[k].role == ROLE_PENDING)
			L->units[k].role = role;
	g->pending = L->n;
}

/* a verb's role for the units still waiting since the previous verb */
static void
apply_verb(uparse *P, group *g, pd_unit_role vrole)
{
	settle_pending(P->list, g, vrole);
	g->verb_seen = true;
	g->last_verb = vrole;
	if (vrole == PD_ROLE_LEAD)
		g->explicit_lead = true;
	else if (vrole == PD_ROLE_CO)
		g->explicit_co = true;
}

static bool is_and(const uint32_t *a, int k, int e, int *len, bool *leads);
static int	parse_segment(uparse *P, group *g, int i, int j, pd_unit_role role, bool combined,
						  bool strict);
static void names_first(pd_unit_list *L, int co_start, int co_end);

/*
 * One item of a list, b[s, e): a name, or names joined by 及/和/与, with an
 * optional verb after them and an optional role mark or (combined labels)
 * a bracket of co units.  Returns 1 if units were added, 0 for an empty
 * item, -1 for a note.
 */
static int
parse_item(uparse *P, group *g, int s, int e, bool combined, bool strict)
{
	const uint32_t *a = P->b.cp;
	pd_unit_role vrole,
				mark = ROLE_PENDING;
	char		norm[PD_UNIT_NORM_MAX];
	size_t		nlen;
	int			added = 0,
				cur,
				item_first,
				co_start = 0,
				co_end = 0;

	trim_range(&P->b, &s, &e);
	if (s >= e)
		return 0;
	if (a[s] == 0x7531 || a[s] == 0x8BF7)	/* 由 / 请 A 负责 */
		s++;
	vrole = strip_verb(a, s, &e);
	trim_range(&P->b, &s, &e);
	/*
	 * （A等有关部门、单位负责）: the 、 split a 等 tail, and what follows it
	 * (单位, 有关机构) is the rest of that tail, not a note
	 */
	if (s < e && s >= 2 && pdu_is_item_sep(a[s - 1]) && pdu_etc_groups(a, s, e) &&
		pdu_etc_tail(a, 0, s - 1) > 1)
		s = e;
	if (s >= e)
	{
		/* （A、B，按职责分工负责）: a verb on its own, for the names before it */
		if (vrole != ROLE_PENDING)
			apply_verb(P, g, vrole);
		return 0;
	}

	/* 市科技局（牵头）, or in 主(协)办机关 lists: 经济部(国发会、劳动部) */
	while (e > s && a[e - 1] == ')')
	{
		int			o = pdu_matching_open(a, s, e - 1);
		int			vhi = e - 1;
		pd_unit_role r,
					vr;

		if (o < s)
			break;
		r = role_mark(a, o + 1, e - 1);
		if (r != ROLE_PENDING)
		{
			mark = r;
			e = o;
		}
		else if ((vr = strip_verb(a, o + 1, &vhi)) != ROLE_PENDING &&
				 vhi <= o + 1 && vrole == ROLE_PENDING)
		{
			/* 责任单位：A、B（按职责分工负责）: a verb for all the names before it */
			vrole = vr;
			e = o;
		}
		else if (pdu_bracket_is_note(a, o + 1, e - 1))
		{
			/* 责任单位：A、B（列第一位的为牵头单位，下同）: a note after the last name */
			e = o;
		}
		else if (combined)
		{
			/*
			 * The co units in brackets, read as a list of their own (各直轄市、
			 * 縣（市）政府 stays one).  If it is no list of units, the bracket
			 * is part of the name.
			 */
			int			before = P->list->n,
						pending = g->pending,
						r;

			g->pending = before;
			if (co_end == 0)
				co_start = before;
			r = parse_segment(P, g, o + 1, e - 1, PD_ROLE_CO, false, true);
			g->pending = pending;
			if (P->status != PD_OK)
				return -1;
			if (r <= 0)
			{
				P->list->n = before;
				break;
			}
			added += r;
			co_end = P->list->n;
			e = o;
		}
		else
			break;
		trim_range(&P->b, &s, &e);
	}
	if (s >= e)
		return added ? 1 : 0;

	/* 市科技局及相关行业主管部门, 农业农村部和工业和信息化部 */
	cur = s;
	item_first = P->list->n;
	for (int k = s + 1; k < e - 1; k++)
	{
		int			alen,
					lend;
		char		right[PD_UNIT_NORM_MAX];
		size_t		rlen;
		bool		leads;

		if (!is_and(a, k, e, &alen, &leads))
			continue;
		lend = (a[k] == 0x53CA && k - 1 > cur && a[k - 1] == 0x4EE5) ? k - 1 : k;	/* 以及 */
		if (norm_piece(P, cur, lend, norm, &nlen, true) &&
			norm_piece(P, k + alen, e, right, &rlen, true))
		{
			if (!add_unit(P, g, norm, nlen, cur, lend, mark))
				return -1;
			added++;
			if (leads)
			{
				/* A会同B, A和B会同C: the names so far lead, whatever the verb says */
				for (int u = item_first; u < P->list->n; u++)
					P->list->units[u].role = PD_ROLE_LEAD;
				g->explicit_lead = true;
			}
			cur = k + alen;
			k = cur;
		}
	}
	if (!norm_piece(P, cur, e, norm, &nlen, strict))
		return added ? 1 : -1;
	if (!add_unit(P, g, norm, nlen, cur, e, mark))
		return -1;
	added++;
	if (co_end > co_start)
		names_first(P->list, co_start, co_end);

	if (vrole != ROLE_PENDING)
		apply_verb(P, g, vrole);
	return 1;
}

static void
reverse_units(pd_unit *u, int i, int j)
{
	for (j--; i < j; i++, j--)
	{
		pd_unit		t = u[i];

		u[i] = u[j];
		u[j] = t;
	}
}

/*
 * 經濟部（國發會、勞動部）: the bracket's co units were read first, at
 * [co_start, co_end); put the names before them back in front, in print
 * order, with ordinals to match.
 */
static void
names_first(pd_unit_list *L, int co_start, int co_end)
{
	int			first_ordinal = L->units[co_start].ordinal;

	reverse_units(L->units, co_start, co_end);
	reverse_units(L->units, co_end, L->n);
	reverse_units(L->units, co_start, L->n);
	for (int k = co_start; k < L->n; k++)
		L->units[k].ordinal = first_ordinal + (k - co_start);
}

/*
 * 及, 和, 与, / or spaces between two names (以及 ends with 及); 会同 too,
 * which makes the names before it lead: （市场监管总局会同工业和信息化部负责）
 */
static bool
is_and(const uint32_t *a, int k, int e, int *len, bool *leads)
{
	*len = 1;
	*leads = false;
	if (pd_is_han_bmp(a[k]))
	{
		/* Han characters: only these join names (no space among them) */
		if (a[k] == 0x4F1A && k + 1 < e && a[k + 1] == 0x540C)	/* 会同 */
		{
			*len = 2;
			*leads = true;
			return true;
		}
		return a[k] == 0x53CA || a[k] == 0x548C || a[k] == 0x4E0E;	/* 及 和 与 */
	}
	if (a[k] == '/')
		return true;
	/* 市发展改革委 市财政局: names set apart by spaces (not before a bracket) */
	if (pd_is_space(a[k]) && a[k] != '\n')
	{
		while (k + *len < e && pd_is_space(a[k + *len]) && a[k + *len] != '\n')
			(*len)++;
		return k + *len < e && a[k + *len] != '(';
	}
	return false;
}

/* a collective's government: 各区、市政府, 各区县党委、人民政府 */
static const pd_word government_words[] = {{"人民政府"}, {"政府"}};
static pd_wordtab governments = PD_WORDTAB(government_words);

/*
 * 各区、县级市 and 有关区、市政府 are one collective that a 、 splits: the
 * left part is only division names, the right part division names with an
 * optional 政府 / 人民政府.
 */
static bool
collective_join(const ubuf *b, int ls, int le, int rs, int re)
{
	const uint32_t *a = b->cp;
	int			pre;
	int			end;

	trim_range(b, &ls, &le);
	trim_range(b, &rs, &re);
	(void) strip_verb(a, rs, &re);	/* 各市、县人民政府负责 */
	trim_range(b, &rs, &re);
	if (ls >= le || rs >= re)
		return false;
	/* 各区县党委、政府, 各级党委、政府: one collective's two organs */
	if (re - rs <= 4 && le - ls >= 3 && a[le - 1] == 0x59D4 && a[le - 2] == 0x515A &&	/* 党委 */
		pd_word_len_at(&governments, a, rs, re) == re - rs &&
		pdu_collective_prefix(a + ls, le - ls) > 0)
		return true;
	/* a quick no: the left part ends in a division word or a bracket */
	if (!(pdu_admin_first(a[le - 1]) || a[le - 1] == ')' || a[le - 1] == 0x9053))	/* 道 */
		return false;
	pre = pdu_collective_prefix(a + ls, le - ls);
	if (!pdu_admin_only(a, ls + pre, le))
		return false;
	end = re - pd_word_len_before(&governments, a, rs, re);
	return pdu_admin_only(a, rs, end);
}

static const pd_word time_limit_words[] = {
	{"年底"}, {"年前"}, {"月底"}, {"月前"}, {"年内"}, {"长期"}, {"持续"}, {"常态化"}, {"每年"}, {"季度"}
};
static pd_wordtab time_limits = PD_WORDTAB(time_limit_words);

/* a time limit, not a name: 2024年底前完成, 长期坚持, 每年 */
static bool
is_time_limit(const uint32_t *a, int s, int e)
{
	for (int k = s; k + 1 < e; k++)
		if (a[k] >= '0' && a[k] <= '9' && (a[k + 1] == 0x5E74 || a[k + 1] == 0x6708))
			return true;		/* 2024年, 6月 */
	return pd_word_find(&time_limits, a, s, e, NULL) >= 0;
}

/*
 * A segment b[i, j) of a group: items split at depth-0 、，, .  Returns the
 * number of units added, or -1 when its first item is a note.  A time limit
 * before the names is passed over: （2024年底前完成，市经济信息委负责）.
 */
static int
parse_segment(uparse *P, group *g, int i, int j, pd_unit_role role, bool combined,
			  bool strict)
{
	const uint32_t *a = P->b.cp;
	int			before = P->list->n,
				depth = 0,
				s = i;

	for (int k = i; k <= j; k++)
	{
		int			r;

		if (k < j)
		{
			if (pd_is_han_bmp(a[k]))
				continue;		/* no bracket or separator */
			if (a[k] == '(')
				depth++;
			else if (a[k] == ')' && depth > 0)
				depth--;
			if (depth > 0 || !pdu_is_item_sep(a[k]))
				continue;
		}
		/* k ends an item [s, k); 各区、市政府 stays one */
		if (k < j && k > s && (pdu_admin_first(a[k - 1]) || a[k - 1] == ')' || a[k - 1] == 0x9053 ||
							   (a[k - 1] == 0x59D4 && k - 1 > s && a[k - 2] == 0x515A)))	/* 道, 党委 */
		{
			int			next = k + 1,
						nd = 0;

			while (next < j && !(nd == 0 && pdu_is_item_sep(a[next])))
			{
				if (a[next] == '(')
					nd++;
				else if (a[next] == ')' && nd > 0)
					nd--;
				next++;
			}
			if (collective_join(&P->b, s, k, k + 1, next))
				continue;
		}
		/*
		 * 责任单位：A，B、C配合: the label gives the names before the comma
		 * its role; a verb after it speaks for its own clause
		 */
		if (role != ROLE_PENDING && s > i && a[s - 1] == ',')
			settle_pending(P->list, g, role);
		r = parse_item(P, g, s, k, combined, strict);
		if (P->status != PD_OK)
			return -1;
		if (r < 0)
		{
			if (P->list->n == before && k < j && is_time_limit(a, s, k))
			{
				s = k + 1;
				continue;
			}
			if (P->list->n == before)
				return -1;		/* the segment is a note */
			break;				/* a note ends the segment */
		}
		s = k + 1;
	}
	if (role != ROLE_PENDING)
		settle_pending(P->list, g, role);
	return P->list->n - before;
}


/*
 * Does the segment b[i, j) start with a label that names no units —
 * 完成时限：, 牵头领导：, 备注： — a short run of letters and a colon?
 */
static bool
other_label_at(const ubuf *b, int i, int j)
{
	int			k;

	i = skip_spaces(b, i, j);
	for (k = i; k < j && k < i + 8 && pdu_is_letter(b->cp[k]); k++)
		;
	return k > i + 1 && k < j && b->cp[k] == ':';
}

/* end of the segment starting at i: a depth-0 ；; 。 (or a line break outside brackets) */
static int
segment_end(const ubuf *b, int i, int n, int flags)
{
	int			depth = 0;

	for (; i < n; i++)
	{
		uint32_t	cp = b->cp[i];

		if (pd_is_han_bmp(cp))
			continue;			/* no bracket, separator or space */
		if (cp == '(')
			depth++;
		else if (cp == ')' && depth > 0)
			depth--;
		else if (depth == 0 && (pdu_is_segment_sep(cp) || ((flags & G_UNBRACKETED) && cp == '\n')))
			return i;
		else if (depth == 0 && cp == 0x3010)
		{
			/* 【牵头单位】A【配合单位】B: the next label ends the segment */
			int			lab;

			if (match_label(b, i, n, &lab) >= 0)
				return i;
		}
		else if (depth == 0 && (cp == ',' || (pd_is_space(cp) && cp != '\n')))
		{
			/*
			 * （牵头单位：A，配合单位：B）, 牵头单位：A　责任单位：B: a label after a
			 * comma or a space starts a segment
			 */
			int			lab;

			if (match_label(b, i + 1, n, &lab) >= 0 || other_label_at(b, i + 1, n))
				return i;
		}
	}
	return n;
}

/* the label that starts the segment at b[*i]: takes it and moves *i past its colon */
static bool
take_label(const ubuf *b, int *i, int n, int *lab)
{
	int			next = -1;
	int			k = match_label(b, *i, n, &next);

	if (k < 0)
		return false;
	*lab = next;
	*i = k;
	return true;
}


static const pd_word qualifiers_words[] = {
	{"包括"}, {"包含"}, {"例如"}, {"比如"}, {"诸如"}, {"其中"}, {"不含"}, {"不包括"},
	{"除"}, {"含"}, {"如"}, {"即"}, {"涉及"}
};
static pd_wordtab qualifiers = PD_WORDTAB(qualifiers_words);

/*
 * Does the content of the bracket in b start with a word that qualifies or
 * exemplifies (含, 包括, 如, 例如, 其中 …)?  含山县 and 如皋市 are names.
 */
static bool
starts_with_qualifier(const ubuf *b)
{
	int			i = skip_spaces(b, 0, b->n);
	int			len = pd_word_len_at(&qualifiers, b->cp, i, b->n);

	if (len == 1 && i + 1 < b->n &&
		((b->cp[i] == 0x542B && b->cp[i + 1] == 0x5C71) || (b->cp[i] == 0x5982 && b->cp[i + 1] == 0x768B)))
		return false;			/* 含山县, 如皋市 */
	return len > 0;
}

/*
 * A group: a bracket's content or a labelled list, b[0, n).  lab0 is a
 * label already read (a list in running text).  Returns true when units
 * were accepted; otherwise the list is as before.
 */
bool
pdu_parse_group(uparse *P, int lab0, int flags, size_t gstart, size_t gend)
{
	const ubuf *b = &P->b;
	pd_unit_list *L = P->list;
	int			lab = lab0;
	const pd_unit_rules *rules;
	group		g;
	int			i = 0,
				n = b->n,
				seg = 0;
	bool		label_here;
	int			bare = -1;		/* a bare list of names, as the document's rules read it */

	memset(&g, 0, sizeof(g));
	g.first = g.pending = L->n;
	g.last_verb = ROLE_PENDING;
	if (lab < 0)
	{
		int			k = match_label(b, 0, n, &lab);

		if (k >= 0)
			i = k;
		else
			lab = -1;
	}
	if (lab < 0 && (flags & G_LABEL_ONLY))
		return false;
	label_here = lab >= 0;

	while (i < n)
	{
		int			j = segment_end(b, i, n, flags);
		int			r;
		pd_unit_role role = lab >= 0 ? pd_unit_label_role(lab) : ROLE_PENDING;

		if (!label_here && !(flags & G_UNBRACKETED) && other_label_at(b, i, j))
		{
			/* （完成时限：2025年底；责任单位：…）: pass over it to the next label */
			i = j + 1;
			label_here = take_label(b, &i, n, &lab);
			if (!label_here)
				lab = -1;
			continue;
		}
		if (lab >= 0 && label_here)
		{
			if (pd_unit_label_role(lab) == PD_ROLE_LEAD)
				g.explicit_lead = true;
			else if (pd_unit_label_role(lab) == PD_ROLE_CO)
				g.explicit_co = true;
		}
		r = parse_segment(P, &g, i, j, role, lab >= 0 && pd_unit_label_combined(lab), !label_here);
		if (P->status != PD_OK)
			return false;
		if (r < 0 && seg == 0)
		{
			L->n = g.first;
			return false;
		}
		seg++;
		i = j + 1;
		label_here = take_label(b, &i, n, &lab);	/* else the label before goes on */
		if (!label_here && (flags & G_UNBRACKETED))
			break;
	}
	if (L->n == g.first)
		return false;

	/*
	 * Units still without a role: after a verb they take its side.  Without
	 * one, （A、B） is no list of units unless the document says so — and
	 * never one that qualifies or exemplifies the text before it
	 * (（含两江新区、重庆高新区）, （如市发展改革委、市财政局）).
	 */
	rules = P->opts->rules;
	for (int k = g.first; k < L->n; k++)
	{
		pd_unit    *u = &L->units[k];

		if (u->role != ROLE_PENDING)
			continue;
		if (!g.verb_seen)
		{
			if (bare < 0)		/* asked once, by the first unit without a role */
				bare = lab0 < 0 && !(flags & G_UNBRACKETED) && rules &&
					!starts_with_qualifier(&P->b);
			if (bare && rules->bracket_names_units)
			{
				u->role = rules->bracket_role;
				continue;
			}

			/*
			 * "排在第一位的为牵头单位" speaks of lists of units: a bracket of
			 * bare names that closes its sentence (…体系（A、B）。 or
			 * …工作。（A、B）) is one; inside a sentence it is an aside
			 * (与市公安局（市交巡警总队）协作).
			 */
			if (bare && (flags & G_CLOSES_SENTENCE) && rules->first_is_lead)
			{
				u->role = PD_ROLE_RESPONSIBLE;
				continue;
			}
			L->n = g.first;
			return false;
		}
		u->role = g.last_verb == PD_ROLE_LEAD ? PD_ROLE_CO : g.last_verb;
	}

	/*
	 * Roles relative to each other: beside a lead, the responsible are co
	 * (（牵头单位：A；责任单位：B）); beside co units, the responsible lead
	 * (（A负责，B配合）); otherwise a document rule may make the first unit
	 * lead (the others stay responsible, as the rule says no more).
	 */
	if (g.explicit_lead || g.explicit_co)
	{
		for (int k = g.first; k < L->n; k++)
			if (L->units[k].role == PD_ROLE_RESPONSIBLE)
				L->units[k].role = g.explicit_lead ? PD_ROLE_CO : PD_ROLE_LEAD;
	}
	else if (P->opts->rules && P->opts->rules->first_is_lead)
		L->units[g.first].role = PD_ROLE_LEAD;

	L->groups++;
	for (int k = g.first; k < L->n; k++)
	{
		L->units[k].group = L->groups;
		L->units[k].group_start = gstart;
		L->units[k].group_end = gend;
	}
	return true;
}

/* drop units of accepted brackets inside [cs, ce) that an outer bracket replaced */

/* the parser state for a span of text, from the list's scratch memory */
uparse *
pdu_parser_begin(const char *text, const pd_units_opts *opts, pd_unit_list *list, pd_error *err)
{
	static const pd_units_opts defaults = {0};
	uparse	   *P;

	/* the decode buffer is ~20 kB: from pd_mem once per list, not the stack */
	if (list->scratch == NULL)
		list->scratch = list->mem->alloc(list->mem->ctx, sizeof(uparse));
	P = list->scratch;
	if (P == NULL)
	{
		pd_fail(err, PD_ENOMEM, 0, "Out of memory for the unit parser.");
		return NULL;
	}
	P->text = text;
	P->opts = opts ? opts : &defaults;
	P->list = list;
	P->err = err;
	P->status = PD_OK;
	P->memo = norm_memos;
	list->groups = 0;
	return P;
}

bool
pdu_brackets_selfcheck(void)
{
	pd_wordtab *const tabs[] = {
		&verbs, &verb_modifiers, &role_marks, &governments, &time_limits, &qualifiers
	};

	return pdu_tables_ok(tabs, sizeof(tabs) / sizeof(tabs[0]));
}
