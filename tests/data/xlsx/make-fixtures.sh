#!/usr/bin/env bash
# make-fixtures.sh - writes the workbooks in tests/data/xlsx with the real
# producers: openpyxl (Debian's python3-openpyxl, run by /usr/bin/python3)
# and LibreOffice headless (libreoffice-calc-nogui), then the broken
# workbooks made from them. The outputs are committed; run this again only
# to remake them (docs/exports.md, "Workbooks"; tests/README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3

"$py" "$here/make_openpyxl.py" "$here" "$work/formula.xlsx"

# LibreOffice: shared strings, a formula with its cached value, and the
# Excel 97-2003 (.xls) form that ras refuses.
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to xlsx \
  --outdir "$work/lo" "$work/formula.xlsx" >/dev/null
cp "$work/lo/formula.xlsx" "$here/clean-libreoffice.xlsx"
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to xls \
  --outdir "$work/lo" "$work/formula.xlsx" >/dev/null
cp "$work/lo/formula.xls" "$here/bad/old-excel.xls"

"$py" "$here/make_bad.py" "$here/cases-openpyxl.xlsx" "$here/clean-libreoffice.xlsx" "$here/bad"
