/*
 * ctest.h — the smallest test harness that does the job: CHECK* macros count
 * failures and print where; main() returns ctest_finish().
 */
#ifndef CTEST_H
#define CTEST_H

#include <stdio.h>
#include <string.h>

static int	ctest_checks,
			ctest_failures;

#define CHECK(cond) do { \
	ctest_checks++; \
	if (!(cond)) { ctest_failures++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	ctest_checks++; \
	if (strcmp(g_, w_) != 0) { ctest_failures++; \
		fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, g_, w_); } \
} while (0)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long) (got), w_ = (long long) (want); \
	ctest_checks++; \
	if (g_ != w_) { ctest_failures++; \
		fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } \
} while (0)

static int
ctest_finish(const char *name)
{
	printf("%s: %d checks, %d failures\n", name, ctest_checks, ctest_failures);
	return ctest_failures ? 1 : 0;
}

#endif
