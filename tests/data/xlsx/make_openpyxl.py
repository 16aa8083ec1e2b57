"""Writes the workbooks of tests/data/xlsx made by openpyxl (Debian's
python3-openpyxl; run with /usr/bin/python3 by make-fixtures.sh).

openpyxl writes strings inline (<is>), numbers, booleans and dates in a
date style, as a finance officer's script would. The data are the CSV
files of tests/data/e2e/csv typed as a spreadsheet types them, so each
workbook must score exactly as its CSV twin."""
import csv
import datetime
import sys

import openpyxl

here = sys.argv[1]
csv_dir = here + "/../e2e/csv/"

DATE = {"assessed_on"}
INT = {"night_visits"}
MONEY = {"existing_package", "recorded_budget", "current_cost"}
BOOL = {"new_client", "needs_increased"}


def typed(header, value, row_no):
    """A CSV cell as the typed value a spreadsheet would hold."""
    if value == "":
        return None
    if header in DATE:
        day = datetime.date.fromisoformat(value)
        if row_no == 1:  # a date and time: the time is dropped
            return datetime.datetime.combine(day, datetime.time(13, 30))
        return day
    if header in INT and value.isdigit():
        return int(value)
    if header in MONEY:
        try:
            return float(value)
        except ValueError:  # a bad amount stays text, and stays bad
            return value
    if header in BOOL and value in ("yes", "no"):
        return value == "yes"
    return value


def fill(ws, name):
    rows = list(csv.reader(open(csv_dir + name, newline="")))
    ws.append(rows[0])
    for n, row in enumerate(rows[1:], 1):
        ws.append([typed(h, v, n) for h, v in zip(rows[0], row)])
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if rows[0][cell.column - 1] in MONEY:
                cell.number_format = '"£"#,##0.00'


def book(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, name in sheets:
        ws = wb.create_sheet(title)
        if name:
            fill(ws, name)
    wb.save(here + "/" + path)


# cases.csv, then clean.csv on a second sheet, then an empty sheet
book("cases-openpyxl.xlsx", [("Cases", "cases.csv"), ("Clean", "clean.csv"), ("Empty", None)])
book("past-openpyxl.xlsx", [("Past", "past.csv")])
book("costs-openpyxl.xlsx", [("Costs", "costs.csv")])

# The source of the LibreOffice workbook: clean.csv with night_visits of
# its first row as a formula (=1+2), which LibreOffice calculates and
# saves with its value.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Cases"
fill(ws, "clean.csv")
ws["C2"] = "=1+2"
wb.save(sys.argv[2])
