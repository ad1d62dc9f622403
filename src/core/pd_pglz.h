/*
 * pd_pglz.h — decompressing PostgreSQL's pglz format (src/core/pglz.c).
 */
#ifndef PD_PGLZ_H
#define PD_PGLZ_H

#include <stdint.h>

/* bytes pd_pglz_decompress() may write past the end of its output */
#define PD_PGLZ_SLACK 16

/*
 * Decompress source[0, slen) into dest[0, rawsize); dest must hold rawsize +
 * PD_PGLZ_SLACK bytes.  Returns rawsize, or -1 when the data is corrupt or
 * does not decompress to exactly rawsize bytes, as PostgreSQL's
 * pglz_decompress(source, slen, dest, rawsize, true) does.  Like it, may
 * read two bytes past a corrupt input's end.
 */
int32_t		pd_pglz_decompress(const char *source, int32_t slen, char *dest, int32_t rawsize);

#endif
