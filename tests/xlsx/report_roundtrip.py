"""report_roundtrip.py RAS DATA - the workbooks `ras audit -o FILE.xlsx`
and `ras calibrate -o FILE.xlsx` write, opened with openpyxl (Debian's
python3-openpyxl, run by /usr/bin/python3) and checked against what the
same runs write as CSV and as JSON reports: the sheets and their order,
every value and its type, the number formats, the frozen headers and the
autofilters, the Summary sheet's record and figures. A text that looks
like a formula stays text, and a failed run leaves no workbook. Exit 0
when all agree, 1 with the differences, 77 when openpyxl is missing (a
failure when CI is set: see tests/CMakeLists.txt)."""
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
    print("report_roundtrip.py: openpyxl is missing (apt-get install python3-openpyxl)")
    sys.exit(1 if os.environ.get("CI") else 77)

ras, data = sys.argv[1], sys.argv[2]
model = os.path.join(data, "e2e/model")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([ras, *args], capture_output=True, text=True)


def money_cell(cell, want, what):
    """A number equal to want (pounds, Decimal or None) in a pounds format."""
    if want is None:
        check(cell.value is None, f"{what}: {cell.value!r}, expected an empty cell")
        return
    check(cell.data_type == "n" and f"{cell.value:.2f}" == f"{want:.2f}",
          f"{what}: {cell.value!r} != {want}")
    check("£" in cell.number_format and "0.00" in cell.number_format,
          f"{what}: format {cell.number_format!r}")


def int_cell(cell, want, what):
    check(cell.data_type == "n" and cell.value == want and cell.number_format == "0",
          f"{what}: {cell.value!r} ({cell.number_format}) != {want}")


def text_cell(cell, want, what):
    if want in ("", None):
        check(cell.value is None, f"{what}: {cell.value!r}, expected an empty cell")
    else:
        check(cell.data_type == "s" and cell.value == want, f"{what}: {cell.value!r} != {want!r}")


def table_sheet(ws, ncols, nrows, what):
    check(ws.freeze_panes == "A2", f"{what}: frozen at {ws.freeze_panes}")
    last = openpyxl.utils.get_column_letter(ncols)
    check(ws.auto_filter.ref == f"A1:{last}{nrows}",
          f"{what}: autofilter {ws.auto_filter.ref}, expected A1:{last}{nrows}")


def summary_rows(ws):
    """The Summary sheet as {item: [cells of value, rows, note, sha256]},
    items that repeat (scoring, table used) as lists of those."""
    out = {}
    for r in list(ws.iter_rows())[1:]:
        out.setdefault(r[0].value, []).append(r[1:])
    return out


def check_record(summary, record, args, what):
    """The Summary sheet's record against the JSON report's (args: the
    command line of the run that wrote the workbook)."""
    check(summary["ras version"][0][0].value == record["ras_version"], f"{what}: ras version")
    command = summary["command"][0][0].value
    check(command == "ras " + " ".join(args), f"{what}: command {command!r}")
    run_at = summary["run"][0][0]
    check(run_at.is_date and run_at.value.strftime("%Y-%m-%dT%H:%M:%SZ") <= record["run_at"],
          f"{what}: run {run_at.value!r} against {record['run_at']}")
    q = summary["questionnaire"][0]
    want = record["questionnaire"]
    check([q[0].value, q[2].value, q[3].value] ==
          [f"{want['id']}@{want['version']}", want["file"], want["sha256"]],
          f"{what}: questionnaire {[c.value for c in q]}")
    older = [[c.value for c in s] for s in summary.get("older questionnaire", [])]
    check(older == [[f"{q['id']}@{q['version']}", None, q["file"], q["sha256"]]
                    for q in record.get("older_questionnaires", [])],
          f"{what}: older questionnaires {older}")
    got = [[c.value for c in s] for s in summary["scoring"]]
    check(got == [[f"{t['id']}@{t['version']}", None, t["file"], t["sha256"]]
                  for t in record["scoring_tables"]], f"{what}: scoring {got}")
    i = summary["input"][0]
    check(i[0].value == record["input"]["file"] and i[3].value == record["input"]["sha256"],
          f"{what}: input {[c.value for c in i]}")


def pounds(text):
    return Decimal(text) if text != "" else None


AUDIT_COLS = ["client_id", "recorded", "recomputed", "difference", "basis", "questionnaire",
              "scoring", "table", "reason"]


def audit_case(tmp, source, extra=()):
    src = os.path.join(data, source)
    book = os.path.join(tmp, "audit.xlsx")
    args = ("audit", "-m", model, src, "-o", book, *extra)
    done = run(*args)
    check(done.returncode == 1, f"audit {source}: exit {done.returncode}: {done.stderr}")
    rows = list(csv.reader(io.StringIO(run("audit", "-m", model, src, *extra).stdout)))
    report = json.loads(run("audit", "-m", model, src, "-o", os.devnull, "--format", "json",
                            *extra).stdout)
    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames == ["Differences", "Summary"], f"audit sheets {wb.sheetnames}")
    ws = wb["Differences"]
    table_sheet(ws, len(AUDIT_COLS), len(rows), f"audit {source} Differences")
    got = list(ws.iter_rows())
    check(len(got) == len(rows), f"audit {source}: {len(got)} rows, {len(rows)} in the CSV")
    check([c.value for c in got[0]] == rows[0] == AUDIT_COLS, f"audit header {rows[0]}")
    for want, cells in zip(rows[1:], got[1:]):
        for name, text, cell in zip(AUDIT_COLS, want, cells):
            what = f"audit {source} {want[0]} {name}"
            if name in ("recorded", "recomputed", "difference"):
                money_cell(cell, pounds(text), what)
            else:
                text_cell(cell, text, what)
    s = summary_rows(wb["Summary"])
    check_record(s, report["record"], args, f"audit {source} Summary")
    for item, key in (("rows read", "rows"), ("consistent", "consistent"),
                      ("different", "different"), ("in error", "errors"),
                      ("no assessed_on", "undated_rows"),
                      ("priced by an older table", "older_table_rows")):
        int_cell(s[item][0][0], report[key], f"audit Summary {item}")
    money_cell(s["tolerance"][0][0], Decimal(report["tolerance"]), "audit Summary tolerance")
    for item, key in (("over-payments", "over_payments"), ("under-payments", "under_payments")):
        money_cell(s[item][0][0], Decimal(report[key]["total"]), f"audit Summary {item}")
        int_cell(s[item][0][1], report[key]["rows"], f"audit Summary {item} rows")
    money_cell(s["net"][0][0], Decimal(report["total_difference"]), "audit Summary net")
    got = [[c.value for c in t] for t in s.get("table used", [])]
    check(got == [[t["scoring"] + "@" + t["version"], t["rows"], t["table"], t["sha256"]]
                  for t in report["tables"]],
          f"audit Summary tables used {got}")


def calibrate_case(tmp, source, status=0, model=model):
    src = os.path.join(data, source)
    book = os.path.join(tmp, "cal.xlsx")
    args = ("calibrate", "-m", model, src, "-o", book)
    done = run(*args)
    check(done.returncode == status, f"calibrate {source}: exit {done.returncode}: {done.stderr}")
    check(done.stdout == "", f"calibrate -o FILE.xlsx printed {done.stdout!r}")
    report = json.loads(run("calibrate", "-m", model, src, "--format", "json").stdout)
    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames == ["Summary", "Groups", "Largest differences"],
          f"calibrate sheets {wb.sheetnames}")
    s = summary_rows(wb["Summary"])
    check_record(s, report["record"], args, f"calibrate {source} Summary")
    for item, key in (("rows read", "rows"), ("rows used", "used"), ("rows left out", "left_out"),
                      ("rows on another version", "other_version")):
        int_cell(s[item][0][0], report[key], f"calibrate Summary {item}")
    cal = s["calibrated"][0]
    sc = report["scoring"]
    check(cal[0].value == f"{sc['id']}@{sc['version']}" and cal[3].value == sc["sha256"],
          f"calibrate Summary calibrated {[c.value for c in cal]}")

    ws = wb["Groups"]
    groups = report["groups"]
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    table_sheet(ws, len(header), len(groups) + 1, "calibrate Groups")
    check(len(rows) == len(groups) + 1, f"Groups: {len(rows) - 1} rows, {len(groups)} groups")
    money = {"total_current_cost", "all_cases_current_cost", "cost_per_point", "neutral_price",
             "least_squares_price", "current_table_total", "new_table_total", "new_table_priced"}
    for g, cells in zip(groups, rows[1:]):
        for name, cell in zip(header, cells):
            want = g[name]
            what = f"Groups {g['group']} {name}"
            if name in money:
                money_cell(cell, None if want is None else Decimal(want), what)
            elif name in ("out_of_reach", "repriced"):
                check(cell.data_type == "b" and cell.value is want, f"{what}: {cell.value!r}")
            elif name == "group":
                text_cell(cell, want, what)
            elif want is None:
                check(cell.value is None, f"{what}: {cell.value!r}, expected an empty cell")
            elif name == "neutral_scale":
                check(f"{cell.value:.6f}" == want and cell.number_format == "0.000000",
                      f"{what}: {cell.value!r} != {want}")
            elif name == "r_squared":
                check(f"{cell.value:.6f}" == f"{want:.6f}" and cell.number_format == "0.0000",
                      f"{what}: {cell.value!r} != {want}")
            elif name == "mean_abs_pct_difference":
                check(f"{cell.value:.3f}" == f"{want:.3f}" and cell.number_format == "0.0",
                      f"{what}: {cell.value!r} != {want}")
            else:
                int_cell(cell, want, what)

    ws = wb["Largest differences"]
    want = [(g["group"], d) for g in groups for d in g["largest_differences"]]
    rows = list(ws.iter_rows())
    table_sheet(ws, 6, len(want) + 1, "calibrate Largest differences")
    check([c.value for c in rows[0]] ==
          ["group", "client_id", "points", "current", "new", "difference"],
          f"Largest differences header {[c.value for c in rows[0]]}")
    check(len(rows) == len(want) + 1, f"Largest differences: {len(rows) - 1} rows")
    for (group, d), cells in zip(want, rows[1:]):
        what = f"Largest differences {group} {d['client_id']}"
        text_cell(cells[0], group, what)
        text_cell(cells[1], d["client_id"], what)
        int_cell(cells[2], d["points"], what)
        for cell, key in zip(cells[3:], ("current", "new", "difference")):
            money_cell(cell, Decimal(d[key]), f"{what} {key}")


with tempfile.TemporaryDirectory() as tmp:
    for source in ("e2e/csv/past.csv", "xlsx/past-openpyxl.xlsx"):
        audit_case(tmp, source)
    audit_case(tmp, "e2e/csv/past.csv", ("--tolerance", "0.50"))
    for source in ("e2e/csv/costs.csv", "xlsx/costs-openpyxl.xlsx"):
        calibrate_case(tmp, source)
    calibrate_case(tmp, "e2e/csv/costs-bad.csv", 1)
    # Rows on a questionnaire version the table does not price: left out,
    # and counted apart on the Summary sheet as in the JSON.
    calibrate_case(tmp, "../e2e/calibrate/questionnaire-versions/costs.csv", 1,
                   os.path.join(data, "versions/good"))

    # A client id that looks like a formula stays text.
    evil = os.path.join(tmp, "evil.csv")
    with open(evil, "w") as f:
        f.write("client_id,washing,night_visits,activities,carer_help,recorded_budget\n"
                "=1+2,some,3,,none,1.00\n")
    book = os.path.join(tmp, "evil.xlsx")
    run("audit", "-m", model, evil, "-o", book)
    cell = openpyxl.load_workbook(book)["Differences"]["A2"]
    check(cell.value == "=1+2" and cell.data_type == "s", f"=1+2 written as {cell.data_type}")

    # A run that fails leaves no workbook, and does not touch one there.
    broken = os.path.join(data, "xlsx/bad/truncated.xlsx")
    for cmd in (("audit",), ("calibrate",)):
        out = os.path.join(tmp, "failed.xlsx")
        done = run(*cmd, "-m", model, broken, "-o", out)
        check(done.returncode in (1, 4) and not os.path.exists(out),
              f"{cmd[0]} of a broken workbook: exit {done.returncode}, "
              f"file left: {os.path.exists(out)}")
        with open(out, "w") as f:
            f.write("before\n")
        run(*cmd, "-m", model, broken, "-o", out)
        with open(out) as f:
            check(f.read() == "before\n", f"{cmd[0]}: the file there was changed")
        os.remove(out)

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
