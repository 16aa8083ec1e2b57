#!/usr/bin/env bash
# check_html.sh FILE.html EXPECTED... - checks an HTML page ras wrote the
# way a reader meets it: in a real browser, printed.
#
#  1. The page is self-contained: no <script>, no <iframe>/<object>/<embed>,
#     no stylesheet or image fetched from elsewhere (src=, href= to a
#     stylesheet, url(), @import), so it reads the same offline and can be
#     filed as one file.
#  2. Headless Chromium prints it to PDF on A4 (the page's print CSS sets
#     the size; a page that forgets does not come out A4).
#  3. pdftotext -layout reads the PDF back (a table row stays one line),
#     and every EXPECTED string must be in
#     that text (white space, line breaks included, counts as one space, so
#     a sentence wrapped across lines still matches).
#
# RAS_SCREENSHOT=FILE.png also saves a screenshot of the page on screen.
# RAS_KEEP_PDF=FILE.pdf keeps the printed PDF.
#
# Needs chromium and poppler-utils (pdftotext, pdfinfo). Without them the
# check fails when CI is set (CI must run it) and is skipped (exit 77)
# otherwise. Exit 0 when every check passes, 1 when one fails.
set -u
if [ $# -lt 1 ]; then
  echo "usage: check_html.sh FILE.html EXPECTED..." >&2
  exit 2
fi
page=$1
shift

for tool in chromium pdftotext pdfinfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ -n "${CI:-}" ]; then
      echo "check_html: $tool is missing (Debian: chromium poppler-utils)" >&2
      exit 1
    fi
    echo "check_html: $tool is missing, so the browser check is skipped" >&2
    exit 77
  fi
done
if [ ! -s "$page" ]; then
  echo "check_html: $page is missing or empty" >&2
  exit 1
fi

fail=0
# 1. Self-contained. The SVG namespace (xmlns="http://www.w3.org/2000/svg")
# is a name, not a fetch, so only attributes that load something count.
if grep -Eiq '<(script|iframe|object|embed)\b' "$page"; then
  echo "check_html: $page holds a script or an embedded object" >&2
  fail=1
fi
if grep -Eiq '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?[a-z]+:|url\(|@import|<link\b' "$page"; then
  echo "check_html: $page loads something from elsewhere" >&2
  fail=1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")

# --host-resolver-rules makes any network fetch fail, whatever the page says.
browser() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND" "$@" \
    "file://$abs" >"$work/chromium.log" 2>&1
}

# 2. Printed to PDF.
if ! browser --no-pdf-header-footer --print-to-pdf="$work/page.pdf" || [ ! -s "$work/page.pdf" ]; then
  echo "check_html: chromium could not print $page:" >&2
  tail -5 "$work/chromium.log" >&2
  exit 1
fi
if [ -n "${RAS_KEEP_PDF:-}" ]; then
  cp "$work/page.pdf" "$RAS_KEEP_PDF"
fi
size=$(pdfinfo "$work/page.pdf" | sed -n 's/^Page size:[[:space:]]*//p')
pages=$(pdfinfo "$work/page.pdf" | sed -n 's/^Pages:[[:space:]]*//p')
case $size in
*"(A4)"*) ;;
*)
  echo "check_html: printed on '$size', not A4" >&2
  fail=1
  ;;
esac

# 3. Read back.
pdftotext -layout "$work/page.pdf" "$work/page.txt"
tr -s '[:space:]' ' ' <"$work/page.txt" >"$work/flat.txt"
for want in "$@"; do
  if ! grep -Fq -- "$want" "$work/flat.txt"; then
    echo "check_html: the printed page does not say: $want" >&2
    fail=1
  fi
done

if [ -n "${RAS_SCREENSHOT:-}" ]; then
  browser --window-size=1000,1400 --screenshot="$work/shot.png" || true
  cp "$work/shot.png" "$RAS_SCREENSHOT" 2>/dev/null || echo "check_html: no screenshot" >&2
fi

if [ "$fail" != 0 ]; then
  echo "--- the printed text ($pages pages, $size):" >&2
  cat "$work/page.txt" >&2
  exit 1
fi
echo "check_html: $page prints on $pages A4 page(s) and says all ${#} expected texts"
exit 0
