"""Writes the broken workbooks of tests/data/xlsx/bad from good ones
(make-fixtures.sh): each must be refused with a clear, located error."""
import sys
import zipfile

openpyxl_book, libreoffice_book, out = sys.argv[1], sys.argv[2], sys.argv[3]
SHEET = "xl/worksheets/sheet1.xml"


def rewrite(src, dst, part, change):
    """Copies the zip src to dst with one part changed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                data = change(data)
            zout.writestr(item.filename, data, compresslevel=9)


def pad(marker, size):
    """Inserts size bytes of spaces after marker: harmless XML that
    compresses about a thousand times, as a zip bomb does."""
    return lambda data: data.replace(marker, marker + b" " * size, 1)


data = open(openpyxl_book, "rb").read()
open(out + "/truncated.xlsx", "wb").write(data[: len(data) // 2])
open(out + "/not-a-zip.xlsx", "wb").write(b"client_id,washing\nC1,some\n")
rewrite(openpyxl_book, out + "/bomb.xlsx", SHEET, pad(b"<sheetData>", 20 << 20))
rewrite(libreoffice_book, out + "/strings-bomb.xlsx", "xl/sharedStrings.xml",
        lambda d: d.replace(b"<t xml:space=\"preserve\">", b"<t xml:space=\"preserve\">" + b"x" * (20 << 20), 1)
        if b"<t xml:space=\"preserve\">" in d else d.replace(b"<t>", b"<t>" + b"x" * (20 << 20), 1))
rewrite(openpyxl_book, out + "/dtd.xlsx", SHEET,
        lambda d: b'<!DOCTYPE w [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + d)
rewrite(openpyxl_book, out + "/cp1252.xlsx", SHEET,
        lambda d: b'<?xml version="1.0" encoding="windows-1252"?>' + d.replace(b"first", b"\xa3first"))
rewrite(openpyxl_book, out + "/bad-utf8.xlsx", SHEET, lambda d: d.replace(b"first", b"\xa3first"))
