"""roundtrip.py RAS DATA - the workbook `ras batch -o FILE.xlsx` writes,
opened with openpyxl (Debian's python3-openpyxl, run by /usr/bin/python3),
checked against the CSV `ras batch` writes from the same input: the
sheets, every value and its type, the number formats, the frozen header
and the autofilter; the Summary sheet against the summary the same run
writes as JSON (--summary). Then a workbook ras wrote is read back by ras (inline
strings, numbers in a pounds format) and must score the same again.
Exit 0 when all agree, 1 with the differences, 77 when openpyxl is
missing (a failure when CI is set: see tests/CMakeLists.txt)."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal

try:
    import openpyxl
except ImportError:
    print("roundtrip.py: openpyxl is missing (apt-get install python3-openpyxl)")
    sys.exit(1 if os.environ.get("CI") else 77)

ras, data = sys.argv[1], sys.argv[2]
model = os.path.join(data, "e2e/model")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([ras, *args], capture_output=True, text=True)


def batch_csv(path):
    out = run("batch", "-m", model, path)
    return list(csv.reader(io.StringIO(out.stdout)))


MONEY = {"ras_amount", "indicative_budget", "weekly_budget"}


def check_summary(ws, want, source):
    """The Summary sheet, row by row, against the summary the same run
    wrote as JSON (--summary): every figure, typed."""
    got = [[c for c in r] for r in ws.iter_rows()][1:]
    rows = [("input", want["input"], None, want["sha256"]), ("kind", want["kind"], None, None)]
    if want["kind"] == "csv":
        delim = "tab" if want["delimiter"] == "\t" else want["delimiter"]
        rows += [("encoding", want["encoding"], None, None),
                 ("encoding detected", want["encoding_detected"], None, None),
                 ("byte-order mark", want["bom"], None, None),
                 ("delimiter", delim, None, None),
                 ("delimiter detected", want["delimiter_detected"], None, None)]
    rows += [(item, want[key], None, None) for item, key in (
        ("bytes", "bytes"), ("rows", "rows"), ("ok", "ok"), ("errors", "errors"),
        ("panel", "panel"), ("blank rows skipped", "blank_rows_skipped"),
        ("duplicate ids", "duplicate_ids"), ("duplicate check capped", "duplicate_check_capped"),
        ("literal quotes", "literal_quotes"))]
    rows += [("total budget", Decimal(want["total_budget"]), None, None),
             ("total saturated", want["total_saturated"], None, None),
             ("mean budget", Decimal(want["mean_budget"]), None, None)]
    rows += [("basis " + b["basis"], Decimal(b["total"]), b["rows"], None) for b in want["by_basis"]]
    rows += [("group " + g["group"], Decimal(g["total"]), g["rows"], None)
             for g in want["by_group"]]
    rows += [("error reason", r["reason"], r["rows"], None) for r in want["error_reasons"]]
    rows += [("other error rows", want["other_error_rows"], None, None)]
    q = want["questionnaire"]
    rows += [("questionnaire", f"{q['id']}@{q['version']}", None, q["sha256"])]
    rows += [("scoring", f"{t['scoring']}@{t['version']}", t["rows"], t["sha256"])
             for t in want["tables"]]
    check(len(got) == len(rows), f"{source}: Summary has {len(got)} rows, want {len(rows)}")
    for cells, row in zip(got, rows):
        values = [c.value for c in cells]
        what = f"{source} Summary {row[0]}"
        if isinstance(row[1], Decimal):
            check(values[0] == row[0] and f"{values[1]:.2f}" == f"{row[1]:.2f}" and
                  "£" in cells[1].number_format, f"{what}: {values} ({cells[1].number_format})")
            check(values[2:] == list(row[2:]), f"{what}: {values}")
        elif isinstance(row[1], bool):
            check(values == list(row) and cells[1].data_type == "b", f"{what}: {values}")
        else:
            check(values == list(row), f"{what}: {values} != {list(row)}")
with tempfile.TemporaryDirectory() as tmp:
    for source in ("e2e/csv/cases.csv", "xlsx/cases-openpyxl.xlsx"):
        src = os.path.join(data, source)
        book = os.path.join(tmp, "out.xlsx")
        facts_json = os.path.join(tmp, "summary.json")
        done = run("batch", "-m", model, src, "-o", book, "--summary", facts_json)
        with open(facts_json) as f:
            facts = json.load(f)
        check(done.returncode == 1, f"{source}: exit {done.returncode}, expected 1 (rows in error)")
        rows = batch_csv(src)
        wb = openpyxl.load_workbook(book)
        check(wb.sheetnames == ["Results", "Errors", "Summary"], f"sheets {wb.sheetnames}")
        ws = wb["Results"]
        check(ws.freeze_panes == "A2", f"Results frozen at {ws.freeze_panes}")
        check(ws.auto_filter.ref == f"A1:J{len(rows)}", f"autofilter {ws.auto_filter.ref}")
        got = [[c.value for c in r] for r in ws.iter_rows()]
        check(len(got) == len(rows), f"{len(got)} rows in Results, {len(rows)} in the CSV")
        header = rows[0]
        check(got[0] == header, f"header {got[0]}")
        for want, cells in zip(rows[1:], list(ws.iter_rows())[1:]):
            for name, text, cell in zip(header, want, cells):
                v = cell.value
                if text == "":
                    check(v is None, f"{name} of {want[0]}: {v!r} for an empty cell")
                elif name == "points":
                    check(v == int(text) and cell.data_type == "n", f"points {v!r} != {text}")
                elif name in MONEY:
                    check(cell.data_type == "n" and f"{v:.2f}" == text, f"{name} {v!r} != {text}")
                    check("£" in cell.number_format and "0.00" in cell.number_format,
                          f"{name} format {cell.number_format!r}")
                else:
                    check(v == text and cell.data_type == "s", f"{name} {v!r} != {text!r}")
        errors = [r for r in rows[1:] if r[1] == "error"]
        es = [[c.value for c in r] for r in wb["Errors"].iter_rows()]
        check(es[0] == ["line", "client_id", "message"], f"Errors header {es[0]}")
        check([(e[1], e[2]) for e in es[1:]] == [(r[0], r[9]) for r in errors],
              f"Errors rows {es[1:]}")
        check(all(isinstance(e[0], int) and f"line {e[0]}" in e[2] for e in es[1:]),
              f"Errors lines {es[1:]}")
        summary = {r[0].value: [c.value for c in r[1:]] for r in wb["Summary"].iter_rows()}
        check(summary["rows"][0] == len(rows) - 1, f"Summary rows {summary['rows']}")
        check(summary["errors"][0] == len(errors), f"Summary errors {summary['errors']}")
        check(len(summary["questionnaire"][2]) == 64, "questionnaire sha256")
        check(len(summary["scoring"][2]) == 64, "scoring sha256")
        check_summary(wb["Summary"], facts, source)

        # ras reads its own workbook back: inline strings, numbers in a
        # pounds format, the first sheet.
        again = run("batch", "-m", model, book)
        check(again.returncode in (0, 1), f"reading back: {again.stderr}")

    # A text that looks like a formula stays text.
    evil = os.path.join(tmp, "evil.csv")
    with open(evil, "w") as f:
        f.write("client_id,washing,night_visits,activities,carer_help\n=1+2,some,3,,none\n")
    book = os.path.join(tmp, "evil.xlsx")
    run("batch", "-m", model, evil, "-o", book)
    cell = openpyxl.load_workbook(book)["Results"]["A2"]
    check(cell.value == "=1+2" and cell.data_type == "s", f"=1+2 written as {cell.data_type}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
