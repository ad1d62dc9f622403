/*
 * planload — load plan documents into PostgreSQL through plandata's
 * plan_load(), or print their parse as JSON lines without a server.
 *
 *   planload [OPTION]... [CONNINFO] FILE|DIR|-...
 *
 * main.c: options, the list of documents, the workers (one thread and one
 * connection per job, taking documents from a shared counter), progress,
 * the summary and the exit status.  See --help for the user's view and
 * doc/readme-planload.md for the decisions.
 */
#include "planload.h"
#include "load.h"
#include "intake.h"
#include "pd_core.h"

#include <libpq-fe.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* exit statuses (see --help) */
#define EXIT_DOCS_FAILED 1
#define EXIT_CONNECTION 2
#define EXIT_USAGE 3

#define MAX_JOBS 64

typedef enum
{
	D_PENDING = 0, D_LOADED, D_UNCHANGED, D_FAILED
} doc_state;

typedef struct doc
{
	char	   *path;			/* NULL: standard input */
	char	   *display;		/* for messages: control characters escaped */
	char	   *source;			/* for plan_document.source: valid UTF-8 */
	uint64_t	size;			/* from stat(), 0 when unknown */
	doc_state	state;
} doc;

typedef enum
{
	PROGRESS_AUTO, PROGRESS_BAR, PROGRESS_LINES, PROGRESS_NONE
} progress_mode;

/* ---- options ------------------------------------------------------------ */

static pl_conn_opts copts;
static const char *forced_encoding;
static const char *stdin_source;
static const char **globs;
static bool default_globs;		/* no --glob: the formats planload reads */
static int	nglobs;
static int	jobs = 1;
static bool stop_on_error;
static bool parse_only;
static bool text_only;			/* --text: print the extracted text */
static bool force_prompt;
static progress_mode progress = PROGRESS_AUTO;

/* ---- the documents and the shared state of the run ----------------------- */

static doc *docs;
static size_t ndocs,
			capdocs;

static struct
{
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t		next;			/* next document to hand out */
	int			alive;			/* workers still running */
	bool		stop;			/* --stop-on-error hit */
	bool		lost;			/* a connection broke and could not be reopened */
	char		lost_msg[600];
	size_t		loaded,
				unchanged,
				failed,
				done;
	size_t		precounted_failed;	/* inputs that failed before loading */
	long long	tasks,
				units,
				targets;
	uint64_t	bytes_done,
				bytes_total;
	bool		bar_shown;
} S = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static volatile sig_atomic_t interrupted;
static struct timespec t0;

static double
elapsed(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) (t.tv_sec - t0.tv_sec) + (double) (t.tv_nsec - t0.tv_nsec) / 1e9;
}

static void *
xmalloc(size_t n)
{
	void	   *p = malloc(n ? n : 1);

	if (p == NULL)
	{
		fprintf(stderr, "planload: out of memory\n");
		exit(EXIT_USAGE);
	}
	return p;
}

static char *
xstrdup(const char *s)
{
	char	   *p = xmalloc(strlen(s) + 1);

	return strcpy(p, s);
}

/* ---- help --------------------------------------------------------------- */

static void
usage(void)
{
	printf(
		   "NAME\n"
		   "    planload - load plan documents into PostgreSQL with plandata\n"
		   "\n"
		   "SYNOPSIS\n"
		   "    planload [OPTION]... [CONNINFO] FILE|DIR|-...\n"
		   "    planload --parse-only [OPTION]... FILE|DIR|-...\n"
		   "\n"
		   "DESCRIPTION\n"
		   "    Reads plan documents (规划, 行动计划, 实施方案) from files, from\n"
		   "    directories (recursively: *.txt, *.htm, *.html, *.docx, *.pdf, *.ofd) or\n"
		   "    from standard input (-): plain text, web pages (HTML), Word (.docx), PDF\n"
		   "    and OFD, told apart by their content, not their names.  Each becomes\n"
		   "    UTF-8 text and is stored through the plandata extension's\n"
		   "    plan_load_file(), one transaction per document, with its format, the\n"
		   "    digest of its bytes and a web page's metadata table (发文字号, 发文机关,\n"
		   "    成文日期, 主题分类).  Loading the same file again, or the same plan in\n"
		   "    another encoding or format (same text but for white space, and no\n"
		   "    other 发文字号), stores nothing and counts as \"unchanged\".\n"
		   "\n"
		   "    On a terminal a progress bar shows documents, MB, MB/s and the time\n"
		   "    left; otherwise one line per document.  Errors name the file and the\n"
		   "    reason and do not stop the other documents.  A closing summary gives\n"
		   "    documents loaded / unchanged / failed, tasks, units, targets and time.\n"
		   "\n"
		   "CONNECTION OPTIONS (as psql)\n"
		   "    CONNINFO                 a connection string (\"host=... dbname=...\") or URI\n"
		   "                             (postgresql://...) as the first argument\n"
		   "    -d, --dbname=DBNAME      database name, connection string or URI\n"
		   "    -h, --host=HOSTNAME      server host or socket directory\n"
		   "    -p, --port=PORT          server port\n"
		   "    -U, --username=USERNAME  user name\n"
		   "    -w, --no-password        never prompt for a password\n"
		   "    -W, --password           prompt for a password before connecting\n"
		   "    The PG* environment variables, the service file, ~/.pgpass and sslmode\n"
		   "    work as for psql (libpq reads them).\n"
		   "\n"
		   "INPUT OPTIONS\n"
		   "    -g, --glob=PATTERN       load the files in directories whose names match\n"
		   "                             PATTERN (shell pattern, case-insensitive;\n"
		   "                             repeat for several; default *.txt *.htm *.html\n"
		   "                             *.docx *.pdf *.ofd).  Files\n"
		   "                             named on the command line are always loaded.\n"
		   "    -E, --encoding=NAME      read every input in this encoding (any iconv\n"
		   "                             name: GB18030, BIG5, UTF-16LE, ...) instead of\n"
		   "                             detecting it\n"
		   "        --source=TEXT        source recorded for standard input (default none;\n"
		   "                             files record their path)\n"
		   "\n"
		   "LOADING OPTIONS\n"
		   "    -j, --jobs=N             load over N connections in parallel (default 1)\n"
		   "        --stop-on-error      stop at the first document that fails\n"
		   "        --parse-only         no server: print each document's parse (metadata,\n"
		   "                             parts, tasks, units, targets, document numbers)\n"
		   "                             as one JSON line on standard output\n"
		   "        --text               no server: print the text extracted from each\n"
		   "                             file, as the parser reads it\n"
		   "\n"
		   "OUTPUT OPTIONS\n"
		   "        --progress=MODE      auto (bar on a terminal, else lines), bar, lines,\n"
		   "                             or none\n"
		   "    -q, --quiet              same as --progress=none: errors and summary only\n"
		   "    -V, --version            print the version and exit\n"
		   "    -?, --help               print this help and exit\n"
		   "\n"
		   "ENCODINGS\n"
		   "    Detected per file: a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE,\n"
		   "    GB18030), else strict UTF-8, else uchardet for GB18030/GBK/GB2312 (read\n"
		   "    as GB18030) and Big5 (then CP950, Big5-HKSCS).  Converted with iconv;\n"
		   "    CRLF and CR become LF; the byte order mark is dropped.  Invalid or\n"
		   "    truncated byte sequences fail with the byte offset; files with NUL or\n"
		   "    control bytes, Word 97-2003/WPS, other ZIP archives and images fail.\n"
		   "\n"
		   "FORMATS\n"
		   "    HTML: the page's main text block (text density), block elements as\n"
		   "    lines, table rows as tab-separated cells; its declared charset or a\n"
		   "    detected one.  DOCX: paragraphs and tables in order, Word's automatic\n"
		   "    list numbers (一、 （一） 1.) written out.  PDF (poppler) and OFD: lines\n"
		   "    in reading order, page numbers and running headers removed, lines\n"
		   "    broken by the layout rejoined.  A PDF without a text layer, a password-\n"
		   "    protected one, a damaged or oversized archive (zip bomb) or XML with a\n"
		   "    DTD fails with the reason; the other files still load.\n"
		   "\n"
		   "EXIT STATUS\n"
		   "    0  every document was loaded or was already stored (unchanged)\n"
		   "    1  some documents failed or were not loaded (--stop-on-error, Ctrl-C,\n"
		   "       no documents found); the others were loaded\n"
		   "    2  could not connect, or the connection was lost: run the same command\n"
		   "       again to finish (documents already stored count as unchanged)\n"
		   "    3  usage error, or the database cannot take documents (no plandata)\n"
		   "\n"
		   "EXAMPLES\n"
		   "    planload -d plans ~/plans/2025/\n"
		   "    planload --jobs 4 \"host=db dbname=plans sslmode=require\" *.txt\n"
		   "    iconv -f GB18030 -t UTF-8 plan.txt | planload --source plan.txt -d plans -\n"
		   "    planload --parse-only plan.txt | jq '.tasks[] | [.code, .heading]'\n"
		   "    planload --text notice.html | less\n"
		   "\n"
		   "planload %s (plandata)\n", PD_VERSION_STRING);
}

static void
usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "planload: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry \"planload --help\" for more information.\n");
	exit(EXIT_USAGE);
}

/* ---- collecting the inputs ---------------------------------------------- */

static void
add_doc(const char *path, uint64_t size)
{
	doc		   *d;

	if (ndocs == capdocs)
	{
		capdocs = capdocs ? capdocs * 2 : 64;
		docs = realloc(docs, capdocs * sizeof *docs);
		if (docs == NULL)
			exit(EXIT_USAGE);
	}
	d = &docs[ndocs++];
	memset(d, 0, sizeof *d);
	if (path)
	{
		d->path = xstrdup(path);
		d->display = pl_display_name(path);
		d->source = pl_source_name(path);
	}
	else
	{
		d->display = xstrdup("(standard input)");
		d->source = stdin_source ? pl_source_name(stdin_source) : NULL;
	}
	d->size = size;
	S.bytes_total += size;
}

/* an input that cannot be loaded at all: reported now, counted as failed */
static void
input_failed(const char *path, const char *why)
{
	char	   *disp = pl_display_name(path);

	fprintf(stderr, "planload: %s: %s\n", disp, why);
	if (parse_only)
	{
		char	   *src = pl_source_name(path);
		char	   *line = pl_error_json(src, why);

		puts(line);
		free(line);
		free(src);
	}
	free(disp);
	S.precounted_failed++;
}

static bool
glob_match(const char *name)
{
	for (int i = 0; i < nglobs; i++)
		if (fnmatch(globs[i], name, FNM_PERIOD | FNM_CASEFOLD) == 0)
			return true;
	return false;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * Files under dir whose names match the globs, in name order, recursively.
 * Hidden entries (.name) are skipped unless a pattern names them, and
 * symbolic links to directories are not followed (no loops).
 */
static size_t
walk(const char *dir)
{
	DIR		   *dh = opendir(dir);
	struct dirent *de;
	char	  **names = NULL;
	size_t		n = 0,
				cap = 0,
				found = 0;
	size_t		dlen = strlen(dir);
	bool		slash = dlen > 0 && dir[dlen - 1] == '/';

	if (dh == NULL)
	{
		input_failed(dir, strerror(errno));
		return 0;
	}
	while ((de = readdir(dh)) != NULL)
	{
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (n == cap)
		{
			cap = cap ? cap * 2 : 32;
			names = realloc(names, cap * sizeof *names);
			if (names == NULL)
				exit(EXIT_USAGE);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dh);
	if (n > 0)
		qsort(names, n, sizeof *names, cmp_names);

	for (size_t i = 0; i < n; i++)
	{
		char	   *path = xmalloc(dlen + strlen(names[i]) + 2);
		struct stat st;

		sprintf(path, "%s%s%s", dir, slash ? "" : "/", names[i]);
		if (lstat(path, &st) != 0)
			input_failed(path, strerror(errno));
		else if (S_ISDIR(st.st_mode))
		{
			if (names[i][0] != '.')
				found += walk(path);
		}
		else if (glob_match(names[i]))
		{
			if (S_ISLNK(st.st_mode) && stat(path, &st) != 0)
				input_failed(path, "broken symbolic link");
			else if (S_ISDIR(st.st_mode))
				;				/* a link to a directory: not followed */
			else
			{
				add_doc(path, S_ISREG(st.st_mode) ? (uint64_t) st.st_size : 0);
				found++;
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return found;
}

static void
collect(const char *arg, bool *stdin_seen)
{
	struct stat st;

	if (strcmp(arg, "-") == 0)
	{
		if (*stdin_seen)
			usage_error("standard input (-) can be named only once%s", "");
		*stdin_seen = true;
		add_doc(NULL, 0);
		return;
	}
	if (stat(arg, &st) != 0)
	{
		input_failed(arg, strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode))
	{
		if (walk(arg) == 0)
		{
			char	   *disp = pl_display_name(arg);

			if (default_globs)
				fprintf(stderr, "planload: %s: no plan files (*.txt, *.htm, *.html, *.docx, *.pdf, *.ofd)\n", disp);
			else
				fprintf(stderr, "planload: %s: no files matching %s%s\n", disp, globs[0],
						nglobs > 1 ? " (or the other --glob patterns)" : "");
			free(disp);
		}
		return;
	}
	add_doc(arg, S_ISREG(st.st_mode) ? (uint64_t) st.st_size : 0);
}

/* ---- reading a document ---------------------------------------------------- */

/* the whole input, with one spare byte after it (pl_decode wants it) */
static char *
read_doc(const doc *d, size_t *len, char *why, size_t whylen)
{
	int			fd = d->path ? open(d->path, O_RDONLY | O_CLOEXEC) : STDIN_FILENO;
	struct stat st;
	size_t		cap = 64 * 1024,
				n = 0;
	char	   *buf;

	if (fd < 0)
	{
		snprintf(why, whylen, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
	{
		if ((uint64_t) st.st_size > PL_MAX_TEXT)
		{
			snprintf(why, whylen, "too large: %.1f GB, more than PostgreSQL's 1 GB limit for one text value",
					 (double) st.st_size / 1e9);
			if (d->path)
				close(fd);
			return NULL;
		}
		cap = (size_t) st.st_size + 1;
	}
	buf = malloc(cap + 1);
	if (buf == NULL)
	{
		snprintf(why, whylen, "out of memory");
		if (d->path)
			close(fd);
		return NULL;
	}
	for (;;)
	{
		ssize_t		r;

		if (n == cap)
		{
			char	   *nb;

			if (cap > PL_MAX_TEXT)
			{
				snprintf(why, whylen, "too large: more than PostgreSQL's 1 GB limit for one text value");
				goto fail;
			}
			cap *= 2;
			nb = realloc(buf, cap + 1);
			if (nb == NULL)
			{
				snprintf(why, whylen, "out of memory");
				goto fail;
			}
			buf = nb;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
		{
			snprintf(why, whylen, "%s", strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t) r;
	}
	if (d->path)
		close(fd);
	*len = n;
	return buf;

fail:
	free(buf);
	if (d->path)
		close(fd);
	return NULL;
}

/* ---- progress and reporting (callers hold S.mu) ---------------------------- */

static bool bar_mode,
			lines_mode;

static int
term_width(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

static void
clear_bar(void)
{
	if (S.bar_shown)
	{
		printf("\r%*s\r", term_width() - 1, "");
		fflush(stdout);
		S.bar_shown = false;
	}
}

static void
fmt_duration(double s, char *buf, size_t len)
{
	long		t = (long) (s + 0.5);

	if (t >= 3600)
		snprintf(buf, len, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, len, "%ld:%02ld", t / 60, t % 60);
}

static void
draw_bar(void)
{
	double		el = elapsed();
	double		mb = (double) S.bytes_done / 1e6,
				total = (double) S.bytes_total / 1e6;
	double		rate = el > 0 ? mb / el : 0;
	double		frac;
	char		eta[24] = "--:--",
				right[160];
	int			width = term_width(),
				barw,
				fill;

	if (S.bytes_done > 0 && el >= 0.5 && total >= mb)
		fmt_duration((total - mb) / rate, eta, sizeof eta);
	snprintf(right, sizeof right, " %zu/%zu docs  %.*f/%.*f MB  %.1f MB/s  ETA %s",
			 S.done, ndocs, total < 10 ? 2 : 1, mb, total < 10 ? 2 : 1, total, rate, eta);
	frac = S.bytes_total > 0 ? (double) S.bytes_done / (double) S.bytes_total
		: ndocs ? (double) S.done / (double) ndocs : 1;
	if (frac > 1)
		frac = 1;
	barw = width - 1 - (int) strlen(right) - 2;
	if (barw > 50)
		barw = 50;
	printf("\r");
	if (barw >= 10)
	{
		fill = (int) (frac * barw);
		putchar('[');
		for (int i = 0; i < barw; i++)
			putchar(i < fill ? '#' : '.');
		putchar(']');
	}
	else
		barw = -2;
	printf("%-*s", width - 1 - (barw + 2), right);
	fflush(stdout);
	S.bar_shown = true;
}

/* a message about one document that is not its outcome (takes S.mu) */
static void
note_doc(const doc *d, const char *fmt,...)
__attribute__((format(printf, 2, 3)));

static void
note_doc(const doc *d, const char *fmt,...)
{
	va_list		ap;

	pthread_mutex_lock(&S.mu);
	clear_bar();
	fprintf(stderr, "planload: %s: ", d->display);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	pthread_mutex_unlock(&S.mu);
}

static void
report_failed(doc *d, size_t bytes, const char *why)
{
	d->state = D_FAILED;
	S.failed++;
	S.done++;
	S.bytes_done += bytes;
	clear_bar();
	fprintf(stderr, "planload: %s: %s\n", d->display, why);
	if (parse_only)
	{
		char	   *line = pl_error_json(d->source ? d->source : "-", why);

		puts(line);
		free(line);
	}
	if (stop_on_error)
		S.stop = true;
}

static void
report_loaded(doc *d, size_t bytes, pl_load_status st, const pl_result *r, const char *encoding)
{
	d->state = st == PL_LOADED ? D_LOADED : D_UNCHANGED;
	if (st == PL_LOADED)
		S.loaded++;
	else
		S.unchanged++;
	S.done++;
	S.bytes_done += bytes;
	S.tasks += r->tasks;
	S.units += r->units;
	S.targets += r->targets;
	if (lines_mode)
	{
		printf("%-10s%s: document %lld, %d tasks, %d units, %d targets (%s)\n",
			   st == PL_LOADED ? "loaded" : "unchanged", d->display, r->id,
			   r->tasks, r->units, r->targets, encoding);
		/* in order with the errors on stderr when both go to one log */
		fflush(stdout);
	}
}

/* ---- the workers ------------------------------------------------------------ */

typedef struct worker
{
	pthread_t	th;
	PGconn	   *conn;
} worker;

/* one document; false when this worker's connection is gone for good */
static bool
process(worker *w, doc *d)
{
	char		why[1024];
	size_t		len = 0;
	char	   *raw = read_doc(d, &len, why, sizeof why);
	pl_text		text;
	pl_intake_result in;
	const char *fmt;
	char	   *meta_json = NULL;
	bool		alive = true;

	if (raw == NULL)
	{
		pthread_mutex_lock(&S.mu);
		report_failed(d, d->size, why);
		pthread_mutex_unlock(&S.mu);
		return true;
	}
	if (d->size != len)
	{
		/* standard input, a pipe, or a file that changed since it was listed */
		pthread_mutex_lock(&S.mu);
		S.bytes_total = S.bytes_total - d->size + len;
		pthread_mutex_unlock(&S.mu);
	}
	if (!pl_intake(raw, len, forced_encoding, &in, why, sizeof why))
	{
		pthread_mutex_lock(&S.mu);
		report_failed(d, len, why);
		pthread_mutex_unlock(&S.mu);
		free(raw);
		return true;
	}
	text = in.text;
	fmt = pl_format_name(in.format);

	if (text_only)
	{
		pthread_mutex_lock(&S.mu);
		fwrite(text.data, 1, text.len, stdout);
		fflush(stdout);
		d->state = D_LOADED;
		S.loaded++;
		S.done++;
		S.bytes_done += len;
		pthread_mutex_unlock(&S.mu);
	}
	else if (parse_only)
	{
		char	   *line = pl_parse_json_file(d->source ? d->source : "-", text.encoding, len,
											  text.data, text.len, fmt, in.sha256,
											  in.format == PL_FMT_HTML ? &in.meta : NULL, why, sizeof why);

		pthread_mutex_lock(&S.mu);
		if (line)
		{
			puts(line);
			d->state = D_LOADED;
			S.loaded++;
			S.done++;
			S.bytes_done += len;
		}
		else
			report_failed(d, len, why);
		pthread_mutex_unlock(&S.mu);
		free(line);
	}
	else
	{
		bool		retried = false;

		meta_json = pl_meta_json(&in.meta);
		for (;;)
		{
			pl_result	r;
			pl_load_status st = pl_load(w->conn, text.data, d->source, fmt, in.sha256, meta_json, &r);

			if (r.notices[0])
			{
				char	   *save;

				for (char *line = strtok_r(r.notices, "\n", &save); line;
					 line = strtok_r(NULL, "\n", &save))
					note_doc(d, "%s", line);
			}
			if (st == PL_LOADED || st == PL_UNCHANGED)
			{
				pthread_mutex_lock(&S.mu);
				report_loaded(d, len, st, &r, text.encoding);
				pthread_mutex_unlock(&S.mu);
				break;
			}
			if (st == PL_DOC_FAILED)
			{
				pthread_mutex_lock(&S.mu);
				report_failed(d, len, r.msg);
				pthread_mutex_unlock(&S.mu);
				break;
			}

			/*
			 * The connection broke.  Open it again once (a terminated
			 * backend, a restarted pooler) and send the document again:
			 * plan_load() is idempotent, so a document whose commit made
			 * it before the break comes back "unchanged".  If the server
			 * is down this worker stops; the summary says what to do.
			 */
			PQfinish(w->conn);
			w->conn = NULL;
			if (!retried)
			{
				char		err[1024];
				bool		fatal;

				retried = true;
				w->conn = pl_connect(&copts, false, err, sizeof err, &fatal);
				if (w->conn)
				{
					note_doc(d, "connection lost (%s); reconnected, loading it again", r.msg);
					continue;
				}
			}
			snprintf(why, sizeof why, "connection lost while loading: %s "
					 "(whether the server stored this document is unknown; running the same command "
					 "again stores it exactly once)", r.msg);
			pthread_mutex_lock(&S.mu);
			report_failed(d, len, why);
			if (!S.lost)
				snprintf(S.lost_msg, sizeof S.lost_msg, "%s", r.msg);
			S.lost = true;
			pthread_mutex_unlock(&S.mu);
			alive = false;
			break;
		}
	}
	free(meta_json);
	pl_intake_free(&in);
	free(raw);
	return alive;
}

static void *
work(void *arg)
{
	worker	   *w = arg;

	for (;;)
	{
		size_t		i;

		pthread_mutex_lock(&S.mu);
		if (S.stop || interrupted || S.next >= ndocs)
		{
			pthread_mutex_unlock(&S.mu);
			break;
		}
		i = S.next++;
		pthread_mutex_unlock(&S.mu);
		if (!process(w, &docs[i]))
			break;
	}
	pthread_mutex_lock(&S.mu);
	S.alive--;
	pthread_cond_broadcast(&S.cv);
	pthread_mutex_unlock(&S.mu);
	return NULL;
}

static void
on_signal(int sig)
{
	static const char msg[] =
		"\nplanload: interrupted: finishing the documents in progress (again to abort)\n";

	interrupted = 1;
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
	{
		/* nothing to do */
	}
	signal(sig, SIG_DFL);
}

/* ---- main ----------------------------------------------------------------- */

static bool
looks_like_conninfo(const char *s)
{
	struct stat st;

	if (strncmp(s, "postgresql://", 13) == 0 || strncmp(s, "postgres://", 11) == 0)
		return true;
	return strchr(s, '=') != NULL && stat(s, &st) != 0;
}

int
main(int argc, char **argv)
{
	enum
	{
		OPT_SOURCE = 256, OPT_STOP, OPT_PARSE, OPT_PROGRESS, OPT_TEXT
	};
	static const struct option longopts[] = {
		{"host", required_argument, NULL, 'h'},
		{"port", required_argument, NULL, 'p'},
		{"username", required_argument, NULL, 'U'},
		{"dbname", required_argument, NULL, 'd'},
		{"no-password", no_argument, NULL, 'w'},
		{"password", no_argument, NULL, 'W'},
		{"glob", required_argument, NULL, 'g'},
		{"encoding", required_argument, NULL, 'E'},
		{"source", required_argument, NULL, OPT_SOURCE},
		{"jobs", required_argument, NULL, 'j'},
		{"stop-on-error", no_argument, NULL, OPT_STOP},
		{"parse-only", no_argument, NULL, OPT_PARSE},
		{"text", no_argument, NULL, OPT_TEXT},
		{"progress", required_argument, NULL, OPT_PROGRESS},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, '?'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	int			c,
				first_input;
	bool		stdin_seen = false;
	worker	   *workers;
	int			nworkers = 0;
	int			status;
	size_t		not_loaded;
	double		secs;

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-?") == 0)
		{
			usage();
			return 0;
		}
		else if (strcmp(argv[i], "--") == 0)
			break;

	globs = xmalloc((size_t) (argc + 8) * sizeof *globs);
	while ((c = getopt_long(argc, argv, "h:p:U:d:wWg:E:j:qV", longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'h': copts.host = optarg; break;
			case 'p': copts.port = optarg; break;
			case 'U': copts.user = optarg; break;
			case 'd': copts.dbname = optarg; break;
			case 'w': copts.no_password = true; break;
			case 'W': force_prompt = true; break;
			case 'g': globs[nglobs++] = optarg; break;
			case 'E':
				if (strcasecmp(optarg, "auto") == 0)
					forced_encoding = NULL;
				else if (!pl_encoding_known(optarg))
					usage_error("unknown encoding \"%s\" (iconv -l lists the names)", optarg);
				else
					forced_encoding = optarg;
				break;
			case OPT_SOURCE: stdin_source = optarg; break;
			case 'j':
				{
					char	   *end;
					long		n = strtol(optarg, &end, 10);

					if (*end || n < 1 || n > MAX_JOBS)
						usage_error("--jobs must be a number from 1 to 64, not \"%s\"", optarg);
					jobs = (int) n;
				}
				break;
			case OPT_STOP: stop_on_error = true; break;
			case OPT_PARSE: parse_only = true; break;
			case OPT_TEXT: text_only = parse_only = true; break;
			case OPT_PROGRESS:
				if (strcmp(optarg, "auto") == 0) progress = PROGRESS_AUTO;
				else if (strcmp(optarg, "bar") == 0) progress = PROGRESS_BAR;
				else if (strcmp(optarg, "lines") == 0) progress = PROGRESS_LINES;
				else if (strcmp(optarg, "none") == 0) progress = PROGRESS_NONE;
				else usage_error("--progress must be auto, bar, lines or none, not \"%s\"", optarg);
				break;
			case 'q': progress = PROGRESS_NONE; break;
			case 'V':
				printf("planload (plandata) %s\n", PD_VERSION_STRING);
				return 0;
			case '?':
				if (optopt == 0 && strcmp(argv[optind - 1], "--help") == 0)
				{
					usage();
					return 0;
				}
				fprintf(stderr, "Try \"planload --help\" for more information.\n");
				return EXIT_USAGE;
			default:
				fprintf(stderr, "Try \"planload --help\" for more information.\n");
				return EXIT_USAGE;
		}
	}
	if (nglobs == 0)
	{
		static const char *const formats[] = {"*.txt", "*.htm", "*.html", "*.docx", "*.pdf", "*.ofd"};

		for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
			globs[nglobs++] = formats[i];
		default_globs = true;
	}
	pl_intake_init();

	first_input = optind;
	if (!parse_only && copts.dbname == NULL && first_input < argc &&
		looks_like_conninfo(argv[first_input]))
		copts.dbname = argv[first_input++];
	if (first_input >= argc)
		usage_error("no documents named (give files, directories, or - for standard input)%s", "");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = first_input; i < argc; i++)
		collect(argv[i], &stdin_seen);
	if (ndocs == 0)
	{
		fprintf(stderr, "planload: no documents to load\n");
		return EXIT_DOCS_FAILED;
	}

	if (parse_only)
	{
		jobs = 1;
		bar_mode = lines_mode = false;
	}
	else
	{
		bool		tty = isatty(STDOUT_FILENO) && getenv("TERM") && strcmp(getenv("TERM"), "dumb") != 0;

		bar_mode = progress == PROGRESS_BAR || (progress == PROGRESS_AUTO && tty);
		lines_mode = progress == PROGRESS_LINES || (progress == PROGRESS_AUTO && !tty);
	}
	if ((size_t) jobs > ndocs)
		jobs = (int) ndocs;

	workers = calloc((size_t) jobs, sizeof *workers);
	if (!parse_only)
	{
		char		err[1024];
		bool		fatal;

		if (force_prompt && !copts.no_password)
		{
			char		pw[256];

			if (pl_read_password("Password: ", pw, sizeof pw))
				copts.password = xstrdup(pw);
		}
		for (int i = 0; i < jobs; i++)
		{
			workers[nworkers].conn = pl_connect(&copts, i == 0, err, sizeof err, &fatal);
			if (workers[nworkers].conn)
			{
				nworkers++;
				continue;
			}
			if (i == 0)
			{
				fprintf(stderr, "planload: %s\n", err);
				if (!fatal)
					fprintf(stderr, "planload: nothing loaded (%zu document%s); "
							"run the same command again when the server is reachable\n",
							ndocs, ndocs == 1 ? "" : "s");
				return fatal ? EXIT_USAGE : EXIT_CONNECTION;
			}
			fprintf(stderr, "planload: warning: could only open %d of %d connections (%s); "
					"loading over %d\n", i, jobs, strtok(err, "\n"), i);
			break;
		}
	}
	else
		nworkers = 1;

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	S.alive = nworkers;
	for (int i = 0; i < nworkers; i++)
		if (pthread_create(&workers[i].th, NULL, work, &workers[i]) != 0)
		{
			fprintf(stderr, "planload: could not start a thread\n");
			return EXIT_USAGE;
		}

	pthread_mutex_lock(&S.mu);
	while (S.alive > 0)
	{
		struct timespec until;

		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 200 * 1000 * 1000;
		if (until.tv_nsec >= 1000000000)
		{
			until.tv_sec++;
			until.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&S.cv, &S.mu, &until);
		if (bar_mode && S.alive > 0)
			draw_bar();
	}
	if (bar_mode)
	{
		draw_bar();
		printf("\n");
		S.bar_shown = false;
	}
	pthread_mutex_unlock(&S.mu);
	for (int i = 0; i < nworkers; i++)
	{
		pthread_join(workers[i].th, NULL);
		if (workers[i].conn)
			PQfinish(workers[i].conn);
	}
	secs = elapsed();
	free(workers);

	/* ---- summary ---- */
	not_loaded = ndocs - S.done;
	{
		FILE	   *out = parse_only ? stderr : stdout;
		size_t		total = ndocs + S.precounted_failed;
		size_t		failed = S.failed + S.precounted_failed;

		fflush(stdout);
		if (text_only)
			out = fopen("/dev/null", "w");	/* --text: standard output is the text alone */
		if (out == NULL)
			out = stderr;
		if (parse_only)
			fprintf(out, "%zu document%s: %zu parsed, %zu failed", total, total == 1 ? "" : "s",
					S.loaded, failed);
		else
			fprintf(out, "%zu document%s: %zu loaded, %zu unchanged, %zu failed", total,
					total == 1 ? "" : "s", S.loaded, S.unchanged, failed);
		if (not_loaded)
			fprintf(out, ", %zu not loaded (%s)", not_loaded,
					S.lost ? "connection lost" : interrupted ? "interrupted" :
					S.stop ? "stopped at the first failure" : "not attempted");
		fprintf(out, "\n");
		if (!parse_only)
			fprintf(out, "%lld tasks, %lld units, %lld targets\n", S.tasks, S.units, S.targets);
		fprintf(out, "%.2f MB in %.2f s (%.2f MB/s, %.1f documents/s)\n",
				(double) S.bytes_done / 1e6, secs, secs > 0 ? (double) S.bytes_done / 1e6 / secs : 0,
				secs > 0 ? (double) S.done / secs : 0);
		if (S.lost)
			fprintf(stderr, "planload: the connection to the server was lost (%s); "
					"run the same command again to finish: documents already stored "
					"count as unchanged\n", S.lost_msg);
		fflush(out);
		if (out != stdout && out != stderr)
			fclose(out);
		if (S.lost)
			status = EXIT_CONNECTION;
		else if (failed > 0 || not_loaded > 0)
			status = EXIT_DOCS_FAILED;
		else
			status = 0;
	}
	return status;
}
