"""A BI tool's view of plandata: read every plandata view with psycopg2 (a
client library we did not write) and no type adapters.  Each column must be
a built-in PostgreSQL type, arrive as a plain Python value, and the rows
must say what the loaded documents say.

usage: python3 bi_client.py   (libpq environment: PGHOST, PGPORT, PGUSER, PGDATABASE)
"""
import datetime
import decimal
import sys

import psycopg2

PLAIN = (str, int, float, decimal.Decimal, bool, datetime.date, datetime.datetime, type(None))

conn = psycopg2.connect("")
cur = conn.cursor()
cur.execute("""
    SELECT c.relname FROM pg_class c JOIN pg_depend d ON d.objid = c.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid
    WHERE c.relkind = 'v' AND e.extname LIKE 'plandata%' ORDER BY 1""")
views = [r[0] for r in cur.fetchall()]
failures = 0
if not views:
    print("no plandata views found")
    sys.exit(1)

cur.execute("SELECT oid FROM pg_type WHERE typnamespace = 'pg_catalog'::regnamespace")
builtin = {r[0] for r in cur.fetchall()}

for view in views:
    cur.execute('SELECT * FROM "%s" LIMIT 50' % view)
    rows = cur.fetchall()
    for col in cur.description:
        if col.type_code not in builtin:
            print("%s.%s: type oid %d is not a built-in type" % (view, col.name, col.type_code))
            failures += 1
    for row in rows:
        for col, value in zip(cur.description, row):
            if not isinstance(value, PLAIN):
                print("%s.%s: %r arrived as %s" % (view, col.name, value, type(value).__name__))
                failures += 1
    print("%-28s %3d columns, %3d rows read" % (view, len(cur.description), len(rows)))

# the content is right, not just readable
cur.execute("SELECT tasks, issued, title, docno, document_id FROM plan_documents WHERE source = %s",
            ("cq_style_trad.txt",))
row = cur.fetchone()
if row is None:
    document_id = None
    cur.execute("SELECT docno, tasks, issued FROM plan_documents")
    print("documents:", cur.fetchall())
    print("the Chongqing-style document is missing")
    failures += 1
else:
    tasks, issued, title, docno, document_id = row
    if (tasks != 32 or issued != datetime.date(2025, 2, 10) or not title.startswith("重慶市")
            or docno != "渝府发〔2025〕4号"):
        print("unexpected document row:", row)
        failures += 1
cur.execute("SELECT code, heading, parent_heading FROM plan_task_tree WHERE code = %s AND document_id = %s",
            ("4.19", document_id))
row = cur.fetchone()
if row != ("4.19", "支持廣安加快融入重慶都市圈", "推進現代化重慶都市圈建設"):
    print("unexpected task row:", row)
    failures += 1

print("%d views read, %d failures" % (len(views), failures))
sys.exit(1 if failures else 0)
