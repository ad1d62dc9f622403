/*
 * text.c — small UTF-8 and error helpers shared by the whole core.
 */
#include "pd_core.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

pd_status
pd_fail(pd_error *err, pd_status status, int pos, const char *fmt,...)
{
	if (err)
	{
		va_list		ap;

		err->status = status;
		err->pos = pos;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return status;
}

static void *
malloc_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size ? size : 1);
}

static void
malloc_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

const pd_mem pd_malloc_mem = {malloc_alloc, malloc_release, NULL};

int
pd_u8_put(char *buf, uint32_t cp)
{
	unsigned char *b = (unsigned char *) buf;

	if (cp < 0x80)
	{
		b[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		b[0] = (unsigned char) (0xC0 | (cp >> 6));
		b[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		b[0] = (unsigned char) (0xE0 | (cp >> 12));
		b[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (unsigned char) (0xF0 | (cp >> 18));
	b[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	b[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	b[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

size_t
pd_u8_count(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	size_t		n = 0;

	while (p < end)
	{
		(void) pd_u8_next(&p, end);
		n++;
	}
	return n;
}

/*
 * Lead bytes in t[0, len): every byte that is not a UTF-8 continuation byte
 * (10xxxxxx, that is -128..-65 as a signed byte).  With SSE2, sixteen at a
 * time: the compare gives -1 per continuation byte, summed in byte lanes
 * (at most 255 rounds before they could wrap) and added up by _mm_sad_epu8.
 * Without it, eight at a time: bit 7 of (x & ~(x << 1)) is set exactly in
 * the continuation bytes; one multiply adds the eight bits up.
 */
static size_t
lead_bytes(const unsigned char *t, size_t len)
{
	size_t		n = len,
				i = 0;

#ifdef __SSE2__
	const __m128i below = _mm_set1_epi8(-64);

	while (len - i >= 16)
	{
		__m128i		acc = _mm_setzero_si128();
		size_t		rounds = (len - i) / 16;

		if (rounds > 255)
			rounds = 255;
		for (size_t r = 0; r < rounds; r++, i += 16)
		{
			__m128i		v = _mm_loadu_si128((const __m128i *) (t + i));

			acc = _mm_sub_epi8(acc, _mm_cmpgt_epi8(below, v));
		}
		acc = _mm_sad_epu8(acc, _mm_setzero_si128());
		n -= (size_t) _mm_cvtsi128_si32(acc) + (size_t) _mm_extract_epi16(acc, 4);
	}
#endif
	for (; i + 8 <= len; i += 8)
	{
		uint64_t	x;

		memcpy(&x, t + i, 8);
		x = (x & ~(x << 1) & UINT64_C(0x8080808080808080)) >> 7;
		n -= (size_t) ((x * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < len; i++)
		n -= ((t[i] & 0xC0) == 0x80);
	return n;
}

/*
 * The first place in [p, end) where the n bytes of pat start, all n of them
 * before end; NULL when there is none.  Sixteen places at a time with SSE2,
 * thirty-two with AVX2 where the CPU has it (chosen once, at the first
 * call): one compare per byte of pat at each.  Where a byte of pat is
 * frequent in Chinese text (a continuation byte such as 0x87, one byte in
 * 64), this makes one pass over the text instead of a memchr call per such
 * byte.
 */
static const unsigned char *
find_seq_tail(const unsigned char *p, const unsigned char *end, const unsigned char *q, size_t n)
{
	for (; (size_t) (end - p) >= n; p++)
		if (p[0] == q[0] && memcmp(p + 1, q + 1, n - 1) == 0)
			return p;
	return NULL;
}

#ifdef __SSE2__
static const unsigned char *
find_seq_sse2(const unsigned char *p, const unsigned char *end, const unsigned char *q, size_t n)
{
	const __m128i c0 = _mm_set1_epi8((char) q[0]),
				c1 = _mm_set1_epi8((char) q[1]),
				c2 = _mm_set1_epi8((char) q[n > 2 ? 2 : 1]),
				c3 = _mm_set1_epi8((char) q[n > 3 ? 3 : 1]);

	while ((size_t) (end - p) >= 16 + n - 1)
	{
		__m128i		m = _mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) p), c0),
									  _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (p + 1)), c1));
		int			bits;

		if (n > 2)
			m = _mm_and_si128(m, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (p + 2)), c2));
		if (n > 3)
			m = _mm_and_si128(m, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (p + 3)), c3));
		bits = _mm_movemask_epi8(m);
		if (bits)
			return p + __builtin_ctz((unsigned) bits);
		p += 16;
	}
	return find_seq_tail(p, end, q, n);
}

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define PD_FIND_SEQ_AVX2 1

__attribute__((target("avx2"))) static const unsigned char *
find_seq_avx2(const unsigned char *p, const unsigned char *end, const unsigned char *q, size_t n)
{
	const __m256i c0 = _mm256_set1_epi8((char) q[0]),
				c1 = _mm256_set1_epi8((char) q[1]),
				c2 = _mm256_set1_epi8((char) q[n > 2 ? 2 : 1]),
				c3 = _mm256_set1_epi8((char) q[n > 3 ? 3 : 1]);

	while ((size_t) (end - p) >= 32 + n - 1)
	{
		__m256i		m = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *) p), c0),
										 _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *) (p + 1)), c1));
		unsigned	bits;

		if (n > 2)
			m = _mm256_and_si256(m, _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *) (p + 2)), c2));
		if (n > 3)
			m = _mm256_and_si256(m, _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *) (p + 3)), c3));
		bits = (unsigned) _mm256_movemask_epi8(m);
		if (bits)
			return p + __builtin_ctz(bits);
		p += 32;
	}
	return find_seq_sse2(p, end, q, n);
}

static const unsigned char *(*volatile find_seq_impl) (const unsigned char *, const unsigned char *,
													   const unsigned char *, size_t);
#endif
#endif

const unsigned char *
pd_find_seq(const unsigned char *p, const unsigned char *end, const char *pat, size_t n)
{
	const unsigned char *q = (const unsigned char *) pat;

	if (n == 0 || p >= end || (size_t) (end - p) < n)
		return n == 0 && p <= end ? p : NULL;
#ifdef __SSE2__
	if (n >= 2 && n <= 4)
	{
#ifdef PD_FIND_SEQ_AVX2
		if (find_seq_impl == NULL)
		{
			__builtin_cpu_init();
			find_seq_impl = __builtin_cpu_supports("avx2") ? find_seq_avx2 : find_seq_sse2;
		}
		return find_seq_impl(p, end, q, n);
#else
		return find_seq_sse2(p, end, q, n);
#endif
	}
#endif
	return find_seq_tail(p, end, q, n);
}

size_t
pd_charpos_at(pd_charpos *cp, size_t byte)
{
	const unsigned char *t = (const unsigned char *) cp->text;

	/* callers go forward mostly, and back a little (a unit's end, then the next one's start) */
	if (byte >= cp->byte)
		cp->chars += lead_bytes(t + cp->byte, byte - cp->byte);
	else
		cp->chars -= lead_bytes(t + byte, cp->byte - byte);
	cp->byte = byte;
	return cp->chars;
}

pd_script_kind
pd_script(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *) text;
	const unsigned char *end = p + len;
	size_t		han = 0,
				trad = 0;

	while (p < end)
	{
		uint32_t	c = pd_u8_next(&p, end);

		if (c >= 0x3400 && c <= 0x9FFF)
		{
			han++;
			trad += pd_is_traditional(c);
		}
	}
	if (han < 20)
		return PD_SCRIPT_UNKNOWN;
	/* Simplified text has almost no Traditional-only forms; 1% is plenty */
	return (trad * 100 >= han) ? PD_SCRIPT_TRADITIONAL : PD_SCRIPT_SIMPLIFIED;
}

const char *
pd_script_name(pd_script_kind kind)
{
	switch (kind)
	{
		case PD_SCRIPT_SIMPLIFIED:
			return "simplified";
		case PD_SCRIPT_TRADITIONAL:
			return "traditional";
		default:
			return "unknown";
	}
}
