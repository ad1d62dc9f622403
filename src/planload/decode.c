/*
 * decode.c — the bytes of a file to the UTF-8 text planload stores.
 *
 * A document's identity on the server is the sha256 of its text after this
 * step, so everything that must not make two copies of one plan look
 * different happens here: byte order marks are dropped, CRLF and lone CR
 * become LF, and GB18030 / Big5 / UTF-16 / UTF-32 are converted with iconv.
 *
 * Detection, in order:
 *   1. an empty file, or a known binary format by its magic bytes (PDF, ZIP
 *      = .docx/.ofd, OLE = .doc/.wps, images, archives): not a text file;
 *   2. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE, GB18030's);
 *   3. NUL or other control bytes: not a text file (UTF-16 needs a BOM);
 *   4. strict UTF-8 (pd_u8_next, the core's decoder): valid -> UTF-8;
 *   5. mostly valid UTF-8 with a few bad bytes (at most one in 20 of its
 *      multibyte characters) is damaged UTF-8 and fails with the offset of
 *      the first bad byte -- a file cut in the middle of a character is not
 *      GB18030;
 *   6. otherwise uchardet names the encoding; GB2312/GBK/GB18030 are read as
 *      GB18030 (a superset of both), Big5 as Big5, then CP950 and
 *      Big5-HKSCS (supersets used by Taiwanese and Hong Kong offices) when
 *      strict Big5 cannot read a character.  Anything else fails with the
 *      name uchardet gave and a hint to use --encoding.
 * A forced encoding (--encoding) skips 2-6; any iconv name works.
 *
 * Errors never print: they are a reason without the file name, which
 * main.c prefixes.
 */
#include "planload.h"
#include "pd_core.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet/uchardet.h>

/* bytes fed to uchardet: plenty for a confident answer on plan text */
#define DETECT_BYTES (256 * 1024)

static const struct
{
	const char *magic;
	size_t		len;
	const char *what;
}			magics[] =
{
	{"%PDF-", 5, "a PDF document; convert it to text first"},
	{"PK\x03\x04", 4, "a ZIP archive (.docx, .xlsx, .ofd, .zip); save it as plain text first"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
	"a Microsoft Office 97-2003 or WPS document (.doc, .wps, .xls); save it as plain text first"},
	{"{\\rtf", 5, "an RTF document; save it as plain text first"},
	{"\x7F" "ELF", 4, "an executable program"},
	{"\x89PNG", 4, "a PNG image"},
	{"\xFF\xD8\xFF", 3, "a JPEG image"},
	{"GIF8", 4, "a GIF image"},
	{"\x1F\x8B", 2, "a gzip-compressed file"},
	{"7z\xBC\xAF", 4, "a 7-Zip archive"},
	{"Rar!", 4, "a RAR archive"},
};

/* longest first where one is a prefix of another (UTF-32LE before UTF-16LE) */
static const struct
{
	const char *bom;
	size_t		len;
	const char *iconv;			/* NULL: UTF-8 */
	const char *name;
}			boms[] =
{
	{"\xEF\xBB\xBF", 3, NULL, "UTF-8 with BOM"},
	{"\xFF\xFE\x00\x00", 4, "UTF-32LE", "UTF-32LE with BOM"},
	{"\x00\x00\xFE\xFF", 4, "UTF-32BE", "UTF-32BE with BOM"},
	{"\xFF\xFE", 2, "UTF-16LE", "UTF-16LE with BOM"},
	{"\xFE\xFF", 2, "UTF-16BE", "UTF-16BE with BOM"},
	{"\x84\x31\x95\x33", 4, "GB18030", "GB18030 with BOM"},
};

/* what uchardet may answer for the encodings we read, and how we read them */
static const char *const gb_chain[] = {"GB18030", NULL};
static const char *const big5_chain[] = {"BIG5", "CP950", "BIG5-HKSCS", NULL};
static const struct
{
	const char *detected;
	const char *const *chain;
}			detected_map[] =
{
	{"GB18030", gb_chain}, {"GB2312", gb_chain}, {"GBK", gb_chain},
	{"EUC-CN", gb_chain}, {"CP936", gb_chain},
	{"BIG5", big5_chain}, {"BIG5-HKSCS", big5_chain}, {"BIG5HKSCS", big5_chain},
	{"CP950", big5_chain},
};

/* display names of the iconv names we choose ourselves */
static const char *
pretty(const char *iconv_name)
{
	if (strcmp(iconv_name, "BIG5") == 0)
		return "Big5";
	if (strcmp(iconv_name, "BIG5-HKSCS") == 0)
		return "Big5-HKSCS";
	return iconv_name;
}

/* "utf-8", "UTF_8", "utf8" -> "UTF8": for comparing encoding names */
static void
squash(const char *s, char *out, size_t outlen)
{
	size_t		n = 0;

	for (; *s && n + 1 < outlen; s++)
		if (*s != '-' && *s != '_')
			out[n++] = (*s >= 'a' && *s <= 'z') ? *s - 32 : *s;
	out[n] = '\0';
}

static bool
is_utf8_name(const char *name)
{
	char		sq[32];

	squash(name, sq, sizeof sq);
	return strcmp(sq, "UTF8") == 0;
}

/* UTF-16/32 and UCS encodings put NUL and control bytes inside characters */
static bool
ascii_compatible(const char *name)
{
	char		sq[32];

	squash(name, sq, sizeof sq);
	return strncmp(sq, "UTF16", 5) != 0 && strncmp(sq, "UTF32", 5) != 0 &&
		strncmp(sq, "UCS", 3) != 0;
}

bool
pl_encoding_known(const char *name)
{
	iconv_t		cd;

	if (is_utf8_name(name))
		return true;
	cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t) -1)
		return false;
	iconv_close(cd);
	return true;
}

void
pl_text_free(pl_text *t)
{
	if (t->owned)
		free(t->data);
	t->data = NULL;
	t->len = 0;
	t->owned = false;
}

/*
 * First control byte that plain text does not carry: NUL and C0 controls
 * other than tab, LF, VT, FF and CR.  In UTF-8, GB18030 and Big5 a byte
 * below 0x20 is always that character (trail bytes are >= 0x30), so this
 * runs on raw bytes as well as on converted text.  Returns len if none.
 */
static size_t
find_control(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < 0x20 && (s[i] < '\t' || s[i] > '\r'))
			return i;
	return len;
}

/*
 * NUL bytes mostly at odd (or mostly at even) offsets: UTF-16 without a BOM
 * (ASCII characters put their NUL on one side; U+xx00 Han characters on
 * the other, but they are few).
 */
static bool
looks_like_utf16(const unsigned char *s, size_t len)
{
	size_t		n = len < 4096 ? len : 4096,
				odd = 0,
				even = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] == 0)
			*(i & 1 ? &odd : &even) += 1;
	return odd >= 2 * (even + 1) || even >= 2 * (odd + 1);
}

/*
 * Strict UTF-8 check with the core's decoder: pd_u8_next yields U+FFFD and
 * advances one byte exactly on an invalid sequence (a literal U+FFFD takes
 * three).  Counts the bad sequences (a lead byte and the continuation bytes
 * after it count once) and the valid multibyte characters, and describes
 * the first bad sequence.  Returns its offset, or len if all valid.
 */
static size_t
check_utf8(const unsigned char *s, size_t len, size_t *nbad, size_t *nmulti,
		   char *what, size_t whatlen)
{
	const unsigned char *p = s,
			   *end = s + len;
	size_t		first = len;

	*nbad = *nmulti = 0;
	while (p < end)
	{
		const unsigned char *q = p;
		uint32_t	cp;

		/* ASCII runs eight bytes at a time */
		while (end - p >= 8)
		{
			uint64_t	w;

			memcpy(&w, p, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			p += 8;
		}
		if (p == end)
			break;
		if (*p < 0x80)
		{
			p++;
			continue;
		}
		q = p;
		cp = pd_u8_next(&p, end);
		if (!(cp == PD_REPLACEMENT && p - q == 1))
		{
			(*nmulti)++;
			continue;
		}
		/* one bad sequence: its lead and the continuation bytes after it */
		{
			unsigned	c = *q;
			int			need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			int			k = 0;

			while (k < 3 && q + 1 + k < end && (q[1 + k] & 0xC0) == 0x80)
				k++;
			p = q + 1 + k;
			if ((*nbad)++ > 0)
				continue;
			first = (size_t) (q - s);
			if (c >= 0xC2 && c <= 0xF4 && k < need - 1)
			{
				if (q + 1 + k == end)
					snprintf(what, whatlen, "truncated multibyte sequence (the file ends inside a character)");
				else
					snprintf(what, whatlen, "truncated multibyte sequence (0x%02X followed by 0x%02X)",
							 c, q[1 + k]);
			}
			else if (c >= 0x80 && c <= 0xBF)
				snprintf(what, whatlen, "unexpected continuation byte 0x%02X", c);
			else if (c < 0xC2 || c > 0xF4)
				snprintf(what, whatlen, "invalid byte 0x%02X", c);
			else
				snprintf(what, whatlen, "overlong, surrogate or out-of-range sequence");
		}
	}
	return first;
}

/* CRLF and lone CR -> LF, in place; returns the new length */
static size_t
normalise_newlines(char *s, size_t len)
{
	char	   *r = memchr(s, '\r', len);
	char	   *w,
			   *end = s + len;

	if (r == NULL)
		return len;
	w = r;
	while (r < end)
	{
		if (*r == '\r')
		{
			*w++ = '\n';
			r += (r + 1 < end && r[1] == '\n') ? 2 : 1;
		}
		else
			*w++ = *r++;
	}
	*w = '\0';
	return (size_t) (w - s);
}

/* iconv in[0..inlen) -> UTF-8 into out; base = offset of in within the file */
static bool
convert(const char *from, const char *label, const char *in, size_t inlen, size_t base,
		pl_text *out, char *why, size_t whylen)
{
	iconv_t		cd = iconv_open("UTF-8", from);
	size_t		cap = inlen / 2 * 3 + 64;
	char	   *buf,
			   *ip = (char *) in,
			   *op;
	size_t		il = inlen,
				ol;

	if (cd == (iconv_t) -1)
	{
		snprintf(why, whylen, "unknown encoding \"%s\"", from);
		return false;
	}
	buf = malloc(cap + 1);
	if (buf == NULL)
	{
		iconv_close(cd);
		snprintf(why, whylen, "out of memory");
		return false;
	}
	op = buf;
	ol = cap;
	for (;;)
	{
		size_t		r = iconv(cd, il ? &ip : NULL, il ? &il : NULL, &op, &ol);

		if (r != (size_t) -1)
		{
			if (il == 0)
				break;
			continue;
		}
		if (errno == E2BIG)
		{
			size_t		used = (size_t) (op - buf);
			char	   *nb;

			if (cap > PL_MAX_TEXT)
				goto too_large;
			cap *= 2;
			nb = realloc(buf, cap + 1);
			if (nb == NULL)
			{
				free(buf);
				iconv_close(cd);
				snprintf(why, whylen, "out of memory");
				return false;
			}
			buf = nb;
			op = buf + used;
			ol = cap - used;
			continue;
		}
		if (errno == EINVAL)
			snprintf(why, whylen, "invalid %s at byte offset %zu: truncated multibyte sequence "
					 "(the file ends inside a character)", label, base + (size_t) (ip - in));
		else
			snprintf(why, whylen, "invalid %s at byte offset %zu: bytes that form no %s character",
					 label, base + (size_t) (ip - in), label);
		free(buf);
		iconv_close(cd);
		return false;
	}
	iconv_close(cd);
	if ((size_t) (op - buf) > PL_MAX_TEXT)
		goto too_large_nocd;
	*op = '\0';
	out->data = buf;
	out->len = (size_t) (op - buf);
	out->owned = true;
	return true;

too_large:
	iconv_close(cd);
too_large_nocd:
	free(buf);
	snprintf(why, whylen, "too large: more than 1 GB as UTF-8 (PostgreSQL's limit for one text value)");
	return false;
}

static bool
only_space(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s,
			   *end = p + len;

	while (p < end)
		if (!pd_is_space(pd_u8_next(&p, end)))
			return false;
	return true;
}

/* after conversion: drop U+FEFF at the start, normalise line ends, check */
static bool check_text(pl_text *out, bool check_controls, char *why, size_t whylen);

static bool
finish(pl_text *out, bool check_controls, char *why, size_t whylen)
{
	if (check_text(out, check_controls, why, whylen))
		return true;
	pl_text_free(out);
	return false;
}

static bool
check_text(pl_text *out, bool check_controls, char *why, size_t whylen)
{
	size_t		boms = 0;

	/* every leading U+FEFF: a BOM, or BOMs of files pasted together */
	while (out->len - boms >= 3 && memcmp(out->data + boms, "\xEF\xBB\xBF", 3) == 0)
		boms += 3;
	if (boms)
	{
		memmove(out->data, out->data + boms, out->len - boms + 1);
		out->len -= boms;
	}
	if (check_controls)
	{
		size_t		at = find_control((const unsigned char *) out->data, out->len);

		if (at < out->len)
		{
			snprintf(why, whylen, "not a text file: control character U+%04X at character %zu",
					 (unsigned) (unsigned char) out->data[at],
					 pd_u8_count(out->data, at) + 1);
			return false;
		}
	}
	out->len = normalise_newlines(out->data, out->len);
	if (out->len == 0)
	{
		snprintf(why, whylen, "empty file");
		return false;
	}
	if (only_space(out->data, out->len))
	{
		snprintf(why, whylen, "no text: the file holds only white space");
		return false;
	}
	return true;
}

static bool
bad_utf8(char *why, size_t whylen, const char *what, size_t at, size_t nbad)
{
	if (nbad > 1)
		snprintf(why, whylen, "invalid UTF-8 at byte offset %zu: %s, and %zu more invalid sequence%s after it",
				 at, what, nbad - 1, nbad > 2 ? "s" : "");
	else
		snprintf(why, whylen, "invalid UTF-8 at byte offset %zu: %s", at, what);
	return false;
}

bool
pl_decode(char *raw, size_t len, const char *forced, pl_text *out,
		  char *why, size_t whylen)
{
	const unsigned char *u = (const unsigned char *) raw;
	size_t		skip = 0,
				at,
				nbad,
				nmulti;
	const char *name = "UTF-8";
	char		what[96];
	bool		ok;

	memset(out, 0, sizeof *out);
	if (len == 0)
	{
		snprintf(why, whylen, "empty file");
		return false;
	}
	if (len > PL_MAX_TEXT)
	{
		snprintf(why, whylen, "too large: more than 1 GB (PostgreSQL's limit for one text value)");
		return false;
	}
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (len >= magics[i].len && memcmp(raw, magics[i].magic, magics[i].len) == 0)
		{
			snprintf(why, whylen, "not a text file: %s", magics[i].what);
			return false;
		}

	if (forced && !is_utf8_name(forced))
	{
		snprintf(out->encoding, sizeof out->encoding, "%s", forced);
		if (ascii_compatible(forced) && (at = find_control(u, len)) < len)
			goto control;
		if (!convert(forced, forced, raw, len, 0, out, why, whylen))
			return false;
		return finish(out, !ascii_compatible(forced), why, whylen);
	}

	if (!forced)
		for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++)
		{
			if (len < boms[i].len || memcmp(raw, boms[i].bom, boms[i].len) != 0)
				continue;
			skip = boms[i].len;
			name = boms[i].name;
			if (boms[i].iconv == NULL)
				break;			/* UTF-8 with a BOM: the UTF-8 path below */
			snprintf(out->encoding, sizeof out->encoding, "%s", name);
			if (len == skip)
			{
				snprintf(why, whylen, "empty file (only a byte order mark)");
				return false;
			}
			if (!convert(boms[i].iconv, boms[i].iconv, raw + skip, len - skip, skip, out, why, whylen))
				return false;
			return finish(out, !ascii_compatible(boms[i].iconv), why, whylen);
		}
	if (len == skip)
	{
		snprintf(why, whylen, "empty file (only a byte order mark)");
		return false;
	}

	/* no BOM (or UTF-8's): plain text has no NUL or control bytes */
	if ((at = find_control(u, len)) < len)
		goto control;

	at = check_utf8(u + skip, len - skip, &nbad, &nmulti, what, sizeof what);
	if (nbad == 0 || forced || nbad * 20 <= nmulti)
	{
		if (nbad > 0)
			return bad_utf8(why, whylen, what, skip + at, nbad);
		/* UTF-8: the text is the file's own buffer, terminated in place */
		snprintf(out->encoding, sizeof out->encoding, "%s", forced ? "UTF-8" : name);
		raw[len] = '\0';
		out->data = raw + skip;
		out->len = len - skip;
		out->owned = false;
		return finish(out, false, why, whylen);
	}

	/* not UTF-8: ask uchardet */
	{
		uchardet_t	ud = uchardet_new();
		const char *det;
		const char *const *chain = NULL;
		char		detected[64];

		if (ud == NULL)
		{
			snprintf(why, whylen, "out of memory");
			return false;
		}
		uchardet_handle_data(ud, raw, len < DETECT_BYTES ? len : DETECT_BYTES);
		uchardet_data_end(ud);
		det = uchardet_get_charset(ud);
		snprintf(detected, sizeof detected, "%s", det ? det : "");
		uchardet_delete(ud);

		for (size_t i = 0; i < sizeof detected_map / sizeof detected_map[0]; i++)
			if (strcasecmp(detected, detected_map[i].detected) == 0)
				chain = detected_map[i].chain;
		if (chain == NULL && is_utf8_name(detected))
		{
			return bad_utf8(why, whylen, what, skip + at, nbad);
		}
		if (chain == NULL)
		{
			if (detected[0])
				snprintf(why, whylen, "unsupported encoding %s (detected by uchardet); "
						 "planload reads UTF-8, GB18030/GBK, Big5 and UTF-16 -- "
						 "use --encoding if you know the file's encoding", detected);
			else
				snprintf(why, whylen, "encoding not recognised (neither UTF-8 nor GB18030 nor Big5); "
						 "use --encoding if you know the file's encoding");
			return false;
		}
		/* the first reading that works; the error of the first if none does */
		ok = false;
		for (int i = 0; chain[i] && !ok; i++)
		{
			char		w2[256];

			snprintf(out->encoding, sizeof out->encoding, "%s", pretty(chain[i]));
			ok = convert(chain[i], pretty(chain[0]), raw, len, 0, out,
						 i == 0 ? why : w2, i == 0 ? whylen : sizeof w2);
		}
		if (!ok)
			return false;
		return finish(out, false, why, whylen);
	}

control:
	{
		const char *hint = looks_like_utf16(u, len)
			? " (UTF-16 without a byte order mark? use --encoding UTF-16LE or UTF-16BE)" : "";

		if (u[at] == 0)
			snprintf(why, whylen, "not a text file: NUL byte at byte offset %zu%s", at, hint);
		else
			snprintf(why, whylen, "not a text file: control byte 0x%02X at byte offset %zu%s",
					 u[at], at, hint);
	}
	return false;
}

/* ---- names for output and for the source column ------------------------ */

static char *
clean_name(const char *name, bool display)
{
	const unsigned char *p = (const unsigned char *) name,
			   *end = p + strlen(name);
	char	   *out = malloc(strlen(name) * 4 + 1),
			   *w = out;

	if (out == NULL)
		return NULL;
	while (p < end)
	{
		const unsigned char *q = p;
		uint32_t	cp = pd_u8_next(&p, end);

		if (cp == PD_REPLACEMENT && p - q == 1)
		{
			if (display)
				w += sprintf(w, "\\x%02X", *q);
			else
				w += pd_u8_put(w, PD_REPLACEMENT);
		}
		else if (display && (cp < 0x20 || cp == 0x7F || cp == '\\'))
		{
			switch (cp)
			{
				case '\n': w += sprintf(w, "\\n"); break;
				case '\t': w += sprintf(w, "\\t"); break;
				case '\r': w += sprintf(w, "\\r"); break;
				case '\\': w += sprintf(w, "\\\\"); break;
				default: w += sprintf(w, "\\x%02X", cp); break;
			}
		}
		else
		{
			memcpy(w, q, (size_t) (p - q));
			w += p - q;
		}
	}
	*w = '\0';
	return out;
}

char *
pl_display_name(const char *name)
{
	return clean_name(name, true);
}

char *
pl_source_name(const char *name)
{
	return clean_name(name, false);
}
