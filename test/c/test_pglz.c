/*
 * Unit tests of the pglz decoder (pd_pglz.h): hand-made streams, and, when
 * PostgreSQL's libpgcommon is linked in (PD_HAVE_PGCOMMON, see the
 * Makefile), agreement with its pglz_decompress() on compressed test
 * documents (whole, cut, with bits flipped) and on random streams.
 */
#include "ctest.h"
#include "pd_pglz.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>

#ifdef PD_HAVE_PGCOMMON
typedef struct PGLZ_Strategy
{
	int32_t		min_input_size,
				max_input_size,
				min_comp_rate,
				first_success_by,
				match_size_good,
				match_size_drop;
} PGLZ_Strategy;
extern const PGLZ_Strategy *const PGLZ_strategy_always;
extern int32_t pglz_compress(const char *source, int32_t slen, char *dest,
							 const PGLZ_Strategy *strategy);
extern int32_t pglz_decompress(const char *source, int32_t slen, char *dest,
							   int32_t rawsize, bool check_complete);
#endif

/* decompress into an output of exactly rawsize + PD_PGLZ_SLACK bytes */
static int32_t
decode(const unsigned char *src, int32_t slen, char **out, int32_t rawsize)
{
	*out = malloc((size_t) rawsize + PD_PGLZ_SLACK);
	return pd_pglz_decompress((const char *) src, slen, *out, rawsize);
}

static void
test_hand_made(void)
{
	char	   *out;
	/* "abc" then a reference 3 back, length 6: "abcabcabc" */
	static const unsigned char s1[] = {0x08, 'a', 'b', 'c', 0x03, 0x03};
	/* a reference 1 back, length 18 + 2 after one literal: 21 x's */
	static const unsigned char s2[] = {0x02, 'x', 0x0F, 0x01, 0x02};
	/* a reference to offset 0, and one before the start */
	static const unsigned char bad1[] = {0x02, 'x', 0x00, 0x00};
	static const unsigned char bad2[] = {0x02, 'x', 0x00, 0x02};

	CHECK_INT(decode(s1, sizeof s1, &out, 9), 9);
	CHECK(memcmp(out, "abcabcabc", 9) == 0);
	free(out);
	CHECK_INT(decode(s1, sizeof s1, &out, 8), 8);	/* the last reference cut, as pglz does */
	CHECK(memcmp(out, "abcabcab", 8) == 0);
	free(out);
	CHECK_INT(decode(s1, sizeof s1, &out, 2), -1);	/* input left over */
	free(out);
	CHECK_INT(decode(s1, sizeof s1, &out, 10), -1); /* output short */
	free(out);
	CHECK_INT(decode(s2, sizeof s2, &out, 21), 21);
	CHECK(memcmp(out, "xxxxxxxxxxxxxxxxxxxxx", 21) == 0);
	free(out);
	CHECK_INT(decode(bad1, sizeof bad1, &out, 4), -1);
	free(out);
	CHECK_INT(decode(bad2, sizeof bad2, &out, 4), -1);
	free(out);
	CHECK_INT(decode(s1, 0, &out, 0), 0);
	free(out);
}

#ifdef PD_HAVE_PGCOMMON
static void
agree(const unsigned char *src, int32_t slen, int32_t rawsize)
{
	char	   *want = malloc((size_t) rawsize + 1);
	char	   *got;
	unsigned char *copy = malloc((size_t) slen + 3);	/* both may read 2 bytes past */
	int32_t		w,
				g;

	memcpy(copy, src, (size_t) slen);
	w = pglz_decompress((const char *) copy, slen, want, rawsize, true);
	g = decode(copy, slen, &got, rawsize);
	CHECK_INT(g < 0 ? -1 : g, w < 0 ? -1 : w);
	if (w >= 0 && g >= 0)
		CHECK(memcmp(want, got, (size_t) rawsize) == 0);
	free(want);
	free(got);
	free(copy);
}

/* the documents of test/docs (run from the checkout), or the files named */
static void
test_documents(int argc, char **argv)
{
	static char text[1 << 20];
	static unsigned char comp[(1 << 20) + (1 << 18)];
	static char names[256][300];
	int			nnames = 0;

	if (argc > 1)
		for (int f = 1; f < argc && nnames < 256; f++)
			snprintf(names[nnames++], sizeof names[0], "%s", argv[f]);
	else
	{
		DIR		   *d = opendir("test/docs");
		struct dirent *e;

		while (d && (e = readdir(d)) != NULL && nnames < 256)
			if (e->d_name[0] != '.')
				snprintf(names[nnames++], sizeof names[0], "test/docs/%s", e->d_name);
		if (d)
			closedir(d);
	}
	CHECK(nnames > 0);
	srand(7);
	for (int f = 0; f < nnames; f++)
	{
		FILE	   *fp = fopen(names[f], "rb");
		int32_t		n;

		if (fp == NULL)
			continue;
		n = (int32_t) fread(text, 1, sizeof text, fp);
		fclose(fp);
		for (int cut = 0; cut < 4; cut++)
		{
			int32_t		len = cut == 0 ? n : rand() % (n + 1);
			int32_t		c = pglz_compress(text, len, (char *) comp, PGLZ_strategy_always);

			if (c < 0)
				continue;
			agree(comp, c, len);
			for (int k = 0; k < 8 && c > 2; k++)
			{
				int			at = rand() % c;
				unsigned char save = comp[at];

				comp[at] ^= (unsigned char) (1 << (rand() % 8));
				agree(comp, c - (k % 4 == 0 ? rand() % 3 : 0), len + (k == 7 ? 1 : 0));
				comp[at] = save;
			}
		}
	}
}

/* random streams of groups, references mostly reaching back into the output */
static void
test_random(void)
{
	static unsigned char comp[1 << 16];

	srand(42);
	for (int it = 0; it < 20000; it++)
	{
		int			c = 0,
					out = 0,
					groups = 1 + rand() % (it % 10 == 0 ? 400 : 20);
		int			raw;

		for (int g = 0; g < groups && c < (int) sizeof comp - 40; g++)
		{
			unsigned	ctrl = rand() % 3 == 0 ? 0 : (unsigned) (rand() & 0xff);

			comp[c++] = (unsigned char) ctrl;
			for (int k = 0; k < 8; k++)
			{
				if (ctrl >> k & 1)
				{
					int			len = 3 + rand() % 15;
					int			off = out > 0 ? 1 + rand() % (out < 4095 ? out : 4095) : 1;

					if (rand() % 50 == 0)
						off = rand() % 4096;
					if (rand() % 8 == 0)
					{
						int			ext = rand() % 256;

						comp[c++] = (unsigned char) (((off >> 8) << 4) | 15);
						comp[c++] = (unsigned char) (off & 255);
						comp[c++] = (unsigned char) ext;
						out += 18 + ext;
					}
					else
					{
						comp[c++] = (unsigned char) (((off >> 8) << 4) | (len - 3));
						comp[c++] = (unsigned char) (off & 255);
						out += len;
					}
				}
				else
				{
					comp[c++] = (unsigned char) rand();
					out++;
				}
			}
		}
		raw = out + (rand() % 20 == 0 ? rand() % 5 - 2 : 0);
		if (raw < 0)
			raw = 0;
		if (rand() % 10 == 0)
			comp[rand() % c] ^= (unsigned char) (1 << (rand() % 8));
		agree(comp, c - (rand() % 20 == 0 ? rand() % 3 : 0), raw);
	}
}
#endif

int
main(int argc, char **argv)
{
	test_hand_made();
#ifdef PD_HAVE_PGCOMMON
	test_documents(argc, argv);
	test_random();
#else
	(void) argc;
	(void) argv;
	printf("test_pglz: libpgcommon not linked, no comparison with pglz_decompress\n");
#endif
	return ctest_finish("test_pglz");
}
