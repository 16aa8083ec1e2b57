#!/usr/bin/python3
"""make_messy.py - writes messy-cases.csv (and messy-cases-mdy.csv) from
config/examples/cases.csv: the same cases written the way exports write
them (docs/exports.md, "Cell values"), so that `ras batch` must score them
exactly as their clean twin. Run from the repository's root; the output
is committed, this script only records how it was made.

Forms used, cycling over the rows: answers by their text in changing case,
ids in upper case, spaces around cells, multiple answers joined by ' | ',
groups by title, yes/no as Y/N/TRUE/0, money as £1,234.50 / 1,234.5,
dates as 01/07/2025, 1/7/2025 00:00 and 2025-07-01T00:00:00 (month first
in the -mdy file).
"""
import csv
import sys

import yaml

root = sys.argv[1] if len(sys.argv) > 1 else "."
q = yaml.safe_load(open(f"{root}/config/adult/questionnaire.yaml"))
t = yaml.safe_load(open(f"{root}/config/adult/scoring-2025.yaml"))
answers = {}
for d in q["domains"]:
    for qq in d["questions"]:
        answers[qq["id"]] = {a["id"]: a["text"] for a in qq.get("answers", [])}
titles = {g: v.get("title") for g, v in t["groups"].items()}
rows = list(csv.reader(open(f"{root}/config/examples/cases.csv", newline="")))
header, body = rows[0], rows[1:]


def case(s, k):
    return [s.lower(), s.upper(), s.title(), s][k % 4]


def answer(qid, cell, k):
    ids = answers[qid]
    if cell not in ids:
        return cell  # a number, or the file's deliberate error: kept
    return case(ids[cell], k) if k % 3 else cell.upper()


def money(cell, k):
    if not cell:
        return cell
    pounds, _, pence = cell.partition(".")
    grouped = f"{int(pounds):,}"
    forms = [f"\u00a3{grouped}.{pence or '00'}", f"{grouped}.{pence[:1] or '0'}"
             if (pence or "0").endswith("0") else f"{grouped}.{pence}", f" {cell} "]
    return forms[k % 3]


def date(cell, k, mdy):
    if not cell:
        return cell
    y, m, d = cell.split("-")
    a, b = (m, d) if mdy else (d, m)
    forms = [f"{a}/{b}/{y}", f"{int(a)}/{int(b)}/{y} 00:00", f"{cell}T00:00:00"]
    return forms[k % 3]


def messy(mdy):
    out = [header]
    for k, row in enumerate(body):
        new = []
        for col, cell in zip(header, row):
            if col == "client_id":
                cell = f" {cell} "
            elif col == "group" and cell:
                cell = case(titles[cell] or cell, k)
            elif col in ("new_client", "needs_increased") and cell:
                cell = {"yes": ["Y", "TRUE", "1", "Yes"], "no": ["N", "FALSE", "0", "No"]}.get(cell, [cell] * 4)[k % 4]
            elif col == "existing_package":
                cell = money(cell, k)
            elif col == "assessed_on":
                cell = date(cell, k, mdy)
            elif col in answers and answers[col]:
                parts = cell.split(";") if cell else []
                cell = " | ".join(answer(col, p, k + i) for i, p in enumerate(parts))
                cell = f" {cell}" if cell and k % 2 else cell
            new.append(cell)
        out.append(new)
    return out


for name, mdy in (("messy-cases.csv", False), ("messy-cases-mdy.csv", True)):
    with open(f"{root}/tests/data/e2e/messy/{name}", "w", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(messy(mdy))
