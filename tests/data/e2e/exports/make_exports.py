#!/usr/bin/python3
"""make_exports.py - writes the export fixtures of this folder from
tests/data/e2e/messy/messy-cases.csv (the example cases with cells as
exports write them), each the way a real tool writes a file, so that
`ras batch` must score every one exactly as config/examples/cases.csv.
Run from the repository's root with Debian's python3 (csv, openpyxl) and
LibreOffice (soffice) installed; the outputs are committed, this script
records how they were made.

  excel.csv          Python's csv module, dialect "excel" (CRLF, quotes
                     only where needed), Windows-1252, as Excel's "CSV
                     (Comma delimited)" saves: header words ("Client ID"),
                     a Notes column with £, é and curly quotes.
  excel-tab.txt      dialect "excel-tab", UTF-8 with a byte-order mark.
  libreoffice.csv    a workbook (made with openpyxl, every cell text)
                     saved by LibreOffice headless as CSV with the filter
                     options 59,34,1: semicolons, double quotes,
                     Windows-1252.
  hand-cp1252.csv    bytes written by hand: semicolons, Windows-1252, a
                     quote inside an unquoted Notes cell (He is 5" tall),
                     an empty line and a row of empty cells.
"""
import csv
import os
import subprocess
import sys
import tempfile

import openpyxl

root = sys.argv[1] if len(sys.argv) > 1 else "."
here = f"{root}/tests/data/e2e/exports"
rows = list(csv.reader(open(f"{root}/tests/data/e2e/messy/messy-cases.csv", newline="")))
header, body = rows[0], rows[1:]

# Header words as a case-management system titles its columns.
words = [h.replace("_", " ").title() for h in header]
words[0] = "Client ID"
notes = ["Lives alone; daughter visits \u201cmost days\u201d",
         "Prefers Am\u00e9lie as key worker",
         "Pays \u00a320 a week for a cleaner", ""]
table = [words + ["Notes"]] + [r + [notes[k % 4]] for k, r in enumerate(body)]


def write(name, dialect, encoding):
    with open(f"{here}/{name}", "w", newline="", encoding=encoding) as f:
        csv.writer(f, dialect=dialect).writerows(table)


write("excel.csv", "excel", "cp1252")
write("excel-tab.txt", "excel-tab", "utf-8-sig")

with tempfile.TemporaryDirectory() as tmp:
    book = openpyxl.Workbook()
    sheet = book.active
    for r in table:
        sheet.append(r)  # every cell a string: LibreOffice shows it as it is
    book.save(f"{tmp}/libreoffice.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):59,34,1", "--outdir", tmp,
                    f"{tmp}/libreoffice.xlsx"], check=True, capture_output=True)
    os.replace(f"{tmp}/libreoffice.csv", f"{here}/libreoffice.csv")

# By hand: what a careless export does. The Notes cell of the second row
# holds a bare quote; an empty line and a row of empty cells come after
# the third row.
def quoted(c):
    return '"' + c.replace('"', '""') + '"' if (";" in c or '"' in c) else c


lines = [";".join(words + ["Notes"])]
for k, r in enumerate(body):
    cells = [quoted(c) for c in r + [notes[k % 4]]]
    if k == 1:
        cells[-1] = 'He is 5" tall'  # as it is: the quote is out of place
    lines.append(";".join(cells))
    if k == 2:
        lines += ["", ";" * len(words)]
with open(f"{here}/hand-cp1252.csv", "wb") as f:
    f.write(("\r\n".join(lines) + "\r\n").encode("cp1252"))
