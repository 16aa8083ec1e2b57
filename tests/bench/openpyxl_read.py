"""openpyxl_read.py BOOK.xlsx - the peer the workbook figures are set
against (docs/performance.md): every row of the first sheet read with
openpyxl in read-only mode, as a script that feeds a scorer would, and
each cell's value turned into text. Prints the rows read."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = 0
for row in wb.worksheets[0].iter_rows(values_only=True):
    cells = ["" if v is None else str(v) for v in row]
    rows += 1
print(rows - 1)
