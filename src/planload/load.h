/*
 * load.h — planload's libpq side (load.c) and the JSON printer (json.c).
 */
#ifndef PLANLOAD_LOAD_H
#define PLANLOAD_LOAD_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pg_conn PGconn;

/* psql's connection options; NULL = libpq's defaults (PG* variables ...) */
typedef struct pl_conn_opts
{
	const char *host;
	const char *port;
	const char *user;
	const char *dbname;			/* a name, a conninfo string or a URI */
	const char *password;		/* from a prompt; never from the command line */
	bool		no_password;	/* -w: never prompt */
} pl_conn_opts;

/*
 * Connect, find the extension and prepare plan_load().  may_prompt: ask on
 * the terminal when the server wants a password that libpq does not have
 * (the answer is kept in o->password for the other connections).  On
 * failure returns NULL with the reason in err; *fatal is true when the
 * server was reached but cannot take documents (no extension, old
 * version), so trying again is pointless.
 */
PGconn	   *pl_connect(pl_conn_opts *o, bool may_prompt, char *err, size_t errlen, bool *fatal);

/* read a line from /dev/tty without echo */
bool		pl_read_password(const char *prompt, char *buf, size_t buflen);

typedef enum pl_load_status
{
	PL_LOADED,					/* stored now */
	PL_UNCHANGED,				/* the server had this text already */
	PL_DOC_FAILED,				/* the server refused this document */
	PL_CONN_LOST				/* the connection broke: outcome unknown */
} pl_load_status;

typedef struct pl_result
{
	long long	id;
	bool		inserted;
	int			tasks,
				units,
				targets;
	char		msg[600];		/* why, for PL_DOC_FAILED / PL_CONN_LOST */
	char		notices[1024];	/* the server's notices and warnings while
								 * loading, one per line ("notice: ...") */
} pl_result;

/* one document through plan_load(body, source) in its own transaction */
pl_load_status pl_load(PGconn *conn, const char *body, const char *source, pl_result *res);

/* ---- json.c ---------------------------------------------------------- */

/* the parse as one JSON line (malloc'd, no newline), or NULL with why */
char	   *pl_parse_json(const char *file, const char *encoding, size_t bytes,
						  const char *text, size_t len, char *why, size_t whylen);

/* {"file": ..., "error": ...} for a document that could not be read */
char	   *pl_error_json(const char *file, const char *why);

/*
 * plan_units() and plan_targets() rows of a segmented document as JSON
 * arrays (json_units.c, json_targets.c): 1 and *out set, 0 when this build
 * has no such parser (no key is added), -1 with why on failure.
 */
struct pd_doc;
struct json_t;
int			pl_json_units(const struct pd_doc *d, struct json_t **out, char *why, size_t whylen);
int			pl_json_targets(const struct pd_doc *d, struct json_t **out, char *why, size_t whylen);
int			pl_json_deadlines(struct pd_doc *d, struct json_t **out, char *why, size_t whylen);

#endif
