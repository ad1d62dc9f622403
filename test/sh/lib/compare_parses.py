#!/usr/bin/python3
# test/sh/lib/compare_parses.py — compare planload --parse-only JSON lines of
# documents in other formats with those of their text (not a test itself;
# used by planload_formats.sh).
#
#   compare_parses.py TEXT.jsonl OTHER.jsonl [MIN_F1]
#
# Documents are matched by file name without extension.  What must agree:
# every task (code, depth, parent, heading and body with white space
# removed), every unit row (code, unit, role) and every target row (code,
# indicator, target, kind, year, period, aspirational).  Offsets and line
# numbers are left out: a PDF's lines are not the text file's lines.
# Without MIN_F1 every document must agree exactly; with it, the task F1
# (code + heading) of each document must reach MIN_F1.  Prints one line per
# document that differs and a summary; exit 1 on failure.
import json
import os
import re
import sys

WS = re.compile(r"\s+")
# a page number left in a text file copied from a PDF ("— 3 —"): the PDF and
# OFD decoders remove it, so it is no part of the comparison
PAGE_NO = re.compile(r"[—－-]\d{1,4}[—－-]")


def norm(s):
    return PAGE_NO.sub("", WS.sub("", s or ""))


def rows(d):
    tasks = [(t["code"], t["depth"], t["parent"] or "", norm(t["heading"]), norm(t["body"]))
             for t in d["tasks"]]
    units = sorted((u["code"] or "", u["unit"], u["role"]) for u in d.get("units", []))
    targets = sorted((g["code"] or "", norm(g["indicator"]), norm(g["target"]), g["kind"],
                      str(g["year"]), g["period"] or "", g["aspirational"])
                     for g in d.get("targets", []))
    return tasks, units, targets


def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        name = os.path.splitext(os.path.basename(d["file"]))[0]
        out[name] = d
    return out


def f1(a, b):
    a, b = set(a), set(b)
    if not a and not b:
        return 1.0
    tp = len(a & b)
    p = tp / len(b) if b else 0
    r = tp / len(a) if a else 0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    text, other = load(sys.argv[1]), load(sys.argv[2])
    min_f1 = float(sys.argv[3]) if len(sys.argv) > 3 else None
    bad = 0
    counts = [0, 0, 0]
    for name, t in sorted(text.items()):
        o = other.get(name)
        if o is None:
            print(f"  {name}: missing from {sys.argv[2]}")
            bad += 1
            continue
        if "error" in o:
            print(f"  {name}: {o['error']}")
            bad += 1
            continue
        rt, ro = rows(t), rows(o)
        for i in range(3):
            counts[i] += len(rt[i])
        if min_f1 is not None:
            score = f1([(x[0], x[3]) for x in rt[0]], [(x[0], x[3]) for x in ro[0]])
            print(f"  {name}: task F1 {score:.3f} ({len(rt[0])} tasks in the text, {len(ro[0])} here)")
            if score < min_f1:
                bad += 1
            continue
        for what, a, b in zip(("tasks", "units", "targets"), rt, ro):
            if a != b:
                bad += 1
                only_a = [x for x in a if x not in b][:2]
                only_b = [x for x in b if x not in a][:2]
                print(f"  {name}: {what} differ ({len(a)} in the text, {len(b)} here); "
                      f"text only: {only_a}; here only: {only_b}")
    print(f"{len(text) - bad} of {len(text)} documents agree "
          f"({counts[0]} tasks, {counts[1]} units, {counts[2]} targets in the texts)")
    sys.exit(1 if bad else 0)


main()
