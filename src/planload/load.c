/*
 * load.c — the server side of planload: connections and plan_load().
 *
 * Connection parameters go to libpq exactly as psql passes them
 * (PQconnectdbParams with expand_dbname), so a conninfo string or URI in
 * --dbname, the PG* environment, the service file, .pgpass and sslmode all
 * work as they do for psql.  client_encoding is forced to UTF8 after the
 * user's parameters because planload always sends UTF-8.
 *
 * No SQL is ever built from anything: the extension's schema is put on the
 * search_path with set_config() from the catalog, and every document goes
 * through one prepared statement with the text and the source as
 * parameters.  Each execution is its own transaction (plan_load() is one
 * statement), so a document is stored whole or not at all.
 */
#include "planload.h"
#include "load.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define TEXTOID 25
#define STMT "planload_plan_load"
#define STMT_FILE "planload_plan_load_file"

/*
 * Does the server have plan_load_file (0.4)?  Every connection of a run goes
 * to one database, so the first connection's answer holds for all of them.
 */
static volatile int have_load_file = -1;

/* how often a deadlock or serialisation failure is retried before it counts */
#define MAX_TRANSIENT_RETRIES 10

/* first line of a libpq message, without "ERROR:  " and the newline */
static void
first_line(const char *msg, char *out, size_t outlen)
{
	size_t		n;

	if (msg == NULL)
		msg = "";
	if (strncmp(msg, "ERROR:  ", 8) == 0)
		msg += 8;
	if (strncmp(msg, "FATAL:  ", 8) == 0)
		msg += 8;
	n = strcspn(msg, "\n");
	snprintf(out, outlen, "%.*s", (int) n, msg);
}

/* the whole libpq message without the final newline (for fatal errors) */
static void
whole_message(const char *msg, char *out, size_t outlen)
{
	size_t		n;

	snprintf(out, outlen, "%s", msg ? msg : "");
	n = strlen(out);
	while (n > 0 && out[n - 1] == '\n')
		out[--n] = '\0';
}

bool
pl_read_password(const char *prompt, char *buf, size_t buflen)
{
	FILE	   *tty = fopen("/dev/tty", "r+");
	struct termios old,
				noecho;
	bool		ok;

	if (tty == NULL)
		return false;
	fputs(prompt, tty);
	fflush(tty);
	tcgetattr(fileno(tty), &old);
	noecho = old;
	noecho.c_lflag &= ~(tcflag_t) ECHO;
	tcsetattr(fileno(tty), TCSAFLUSH, &noecho);
	ok = fgets(buf, (int) buflen, tty) != NULL;
	tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputs("\n", tty);
	fclose(tty);
	if (ok)
		buf[strcspn(buf, "\r\n")] = '\0';
	return ok;
}

/*
 * Notices and warnings: while a document loads they are collected into its
 * result, so that main.c can print them with the file name; outside a
 * document (connection set-up) they go to stderr with our prefix.
 */
static void
notice_to_result(void *arg, const PGresult *r)
{
	pl_result  *res = arg;
	const char *sev = PQresultErrorField(r, PG_DIAG_SEVERITY_NONLOCALIZED);
	const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	size_t		n = strlen(res->notices);
	char		lower[16] = "notice";

	if (sev)
	{
		size_t		i;

		for (i = 0; sev[i] && i + 1 < sizeof lower; i++)
			lower[i] = (sev[i] >= 'A' && sev[i] <= 'Z') ? sev[i] + 32 : sev[i];
		lower[i] = '\0';
	}
	if (n + 1 < sizeof res->notices)
		snprintf(res->notices + n, sizeof res->notices - n, "%s%s: %s",
				 n ? "\n" : "", lower, msg ? msg : "");
}

static void
notice_to_stderr(void *arg, const PGresult *r)
{
	const char *msg = PQresultErrorMessage(r);

	(void) arg;
	fprintf(stderr, "planload: server: %s", msg ? msg : "\n");
}

static PGconn *
connect_once(const pl_conn_opts *o)
{
	const char *keys[] = {"host", "port", "user", "password", "dbname",
	"fallback_application_name", "client_encoding", NULL};
	const char *vals[] = {o->host, o->port, o->user, o->password, o->dbname,
	"planload", "UTF8", NULL};
	PGconn	   *conn = PQconnectdbParams(keys, vals, 1);

	if (conn)
		PQsetNoticeReceiver(conn, notice_to_stderr, NULL);
	return conn;
}

/* search_path and the prepared statement on a fresh connection */
static bool
setup(PGconn *conn, char *err, size_t errlen, bool *fatal)
{
	static const char find_ext[] =
		"SELECT e.extversion, "
		"       pg_catalog.set_config('search_path', pg_catalog.quote_ident(n.nspname), false) "
		"FROM pg_catalog.pg_extension e "
		"JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
		"WHERE e.extname = 'plandata'";
	static const Oid types[2] = {TEXTOID, TEXTOID};
	PGresult   *r = PQexec(conn, find_ext);
	char		version[64];
	char		msg[400];

	*fatal = true;
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
	{
		first_line(PQerrorMessage(conn), msg, sizeof msg);
		snprintf(err, errlen, "could not look up the plandata extension: %s", msg);
		*fatal = PQstatus(conn) == CONNECTION_OK;
		PQclear(r);
		return false;
	}
	if (PQntuples(r) == 0)
	{
		snprintf(err, errlen, "the plandata extension is not installed in database \"%s\" "
				 "(run CREATE EXTENSION plandata there first)", PQdb(conn));
		PQclear(r);
		return false;
	}
	snprintf(version, sizeof version, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);

	r = PQprepare(conn, STMT,
				  "SELECT document_id, inserted, tasks, units, targets FROM plan_load($1, $2)",
				  2, types);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
	{
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);

		first_line(PQerrorMessage(conn), msg, sizeof msg);
		if (state && strcmp(state, "42883") == 0)
			snprintf(err, errlen, "plandata %s in database \"%s\" has no plan_load(text, text) "
					 "(run ALTER EXTENSION plandata UPDATE there first)", version, PQdb(conn));
		else
			snprintf(err, errlen, "could not prepare plan_load(): %s", msg);
		*fatal = PQstatus(conn) == CONNECTION_OK;
		PQclear(r);
		return false;
	}
	PQclear(r);

	/* 0.4: plan_load_file(body, source, format, digest, meta) */
	if (have_load_file != 0)
	{
		static const Oid ftypes[5] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};

		r = PQprepare(conn, STMT_FILE,
					  "SELECT document_id, inserted, tasks, units, targets "
					  "FROM plan_load_file($1, $2, $3, pg_catalog.decode($4, 'hex'), $5::jsonb)",
					  5, ftypes);
		have_load_file = PQresultStatus(r) == PGRES_COMMAND_OK;
		PQclear(r);
		if (!have_load_file && PQstatus(conn) != CONNECTION_OK)
		{
			snprintf(err, errlen, "connection lost while preparing plan_load_file()");
			*fatal = false;
			return false;
		}
	}
	return true;
}

PGconn *
pl_connect(pl_conn_opts *o, bool may_prompt, char *err, size_t errlen, bool *fatal)
{
	PGconn	   *conn = connect_once(o);
	char		msg[1024];

	*fatal = false;
	if (PQstatus(conn) == CONNECTION_BAD && PQconnectionNeedsPassword(conn) &&
		o->password == NULL && may_prompt && !o->no_password)
	{
		char		pw[256];

		if (pl_read_password("Password: ", pw, sizeof pw))
		{
			PQfinish(conn);
			o->password = strdup(pw);
			memset(pw, 0, sizeof pw);
			conn = connect_once(o);
		}
	}
	if (PQstatus(conn) == CONNECTION_BAD)
	{
		whole_message(PQerrorMessage(conn), msg, sizeof msg);
		snprintf(err, errlen, "%s", msg);
		PQfinish(conn);
		return NULL;
	}
	if (!setup(conn, err, errlen, fatal))
	{
		PQfinish(conn);
		return NULL;
	}
	return conn;
}

/* SQLSTATEs after which the connection is gone or going */
static bool
connection_state(const char *state)
{
	return state && (strncmp(state, "08", 2) == 0 ||
					 strcmp(state, "57P01") == 0 ||	/* admin_shutdown */
					 strcmp(state, "57P02") == 0 ||	/* crash_shutdown */
					 strcmp(state, "57P03") == 0);	/* cannot_connect_now */
}

static pl_load_status load_once(PGconn *conn, const char *const *vals, pl_result *res);

pl_load_status
pl_load(PGconn *conn, const char *body, const char *source, const char *format,
		const char *sha256, const char *meta_json, pl_result *res)
{
	pl_load_status st;
	const char *vals[5] = {body, source, format, sha256, meta_json};

	memset(res, 0, sizeof *res);
	PQsetNoticeReceiver(conn, notice_to_result, res);
	st = load_once(conn, vals, res);
	PQsetNoticeReceiver(conn, notice_to_stderr, NULL);
	return st;
}

static pl_load_status
load_once(PGconn *conn, const char *const *vals, pl_result *res)
{
	bool		file = have_load_file == 1;

	for (int attempt = 0;; attempt++)
	{
		PGresult   *r = PQexecPrepared(conn, file ? STMT_FILE : STMT, file ? 5 : 2, vals, NULL, NULL, 0);
		ExecStatusType st = PQresultStatus(r);
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);

		if (st == PGRES_TUPLES_OK && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0))
		{
			res->id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
			res->inserted = PQgetvalue(r, 0, 1)[0] == 't';
			res->tasks = atoi(PQgetvalue(r, 0, 2));
			res->units = atoi(PQgetvalue(r, 0, 3));
			res->targets = atoi(PQgetvalue(r, 0, 4));
			PQclear(r);
			return res->inserted ? PL_LOADED : PL_UNCHANGED;
		}
		if (st == PGRES_TUPLES_OK)
		{
			snprintf(res->msg, sizeof res->msg, "plan_load() returned no document id");
			PQclear(r);
			return PL_DOC_FAILED;
		}
		if (PQstatus(conn) == CONNECTION_BAD || r == NULL || connection_state(state))
		{
			first_line(PQerrorMessage(conn), res->msg, sizeof res->msg);
			PQclear(r);
			return PL_CONN_LOST;
		}

		/*
		 * Two loads of the same text wait on each other through the unique
		 * content hash and never deadlock with plan_load() as written; a
		 * deadlock or serialisation failure (a serializable default, a
		 * trigger the user added) is transient, and re-running plan_load()
		 * is safe because it is idempotent.
		 */
		if (state && (strcmp(state, "40P01") == 0 || strcmp(state, "40001") == 0) &&
			attempt < MAX_TRANSIENT_RETRIES)
		{
			PQclear(r);
			usleep(10000 * (attempt + 1));
			continue;
		}
		{
			const char *primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
			const char *detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
			char		line[400];

			if (primary == NULL)
				first_line(PQerrorMessage(conn), line, sizeof line);
			snprintf(res->msg, sizeof res->msg, "server error: %s%s%s%s%s%s",
					 primary ? primary : line,
					 detail ? " (" : "", detail ? detail : "", detail ? ")" : "",
					 state ? " SQLSTATE " : "", state ? state : "");
		}
		PQclear(r);
		return PL_DOC_FAILED;
	}
}
