#!/usr/bin/env bash
# The HTML page's scatter on a larger input (docs/compare.md, "The HTML
# page"): 5,000 cases, more than the 2,000 the sample holds. The sample
# keeps every case until it fills at 2,000, then every 2nd (1,000 kept),
# fills again at case 3,998 and keeps every 4th: cases 0, 4, ..., 4,996:
# 1,250 dots. The page stays small, and the same
# input gives the same page, from a file or from standard input.
# Run by run_case.sh ($RAS, $TMP).
set -u
data=../../../data/e2e
awk -F, -v OFS=, 'NR == 1 { print; next } { rows[++n] = $0 }
  END { for (i = 0; i < 5000; i++) { $0 = rows[i % n + 1]; $1 = sprintf("S%05d", i); print } }' \
  "$data/csv/compare-clean.csv" >"$TMP/cases.csv"
run() { $RAS compare -m "$data/model" --to "$data/compare/scoring-new.yaml" "$@" --format html; }
run "$TMP/cases.csv" >"$TMP/page.html"
echo "exit status $?"
run - <"$TMP/cases.csv" >"$TMP/stdin.html"
# the dots: every circle but the legend's (r="4")
echo "dots: $(grep -c '<circle cx="[0-9.]*" cy="[0-9.]*" r="3"' "$TMP/page.html")"
grep -o '[0-9,]* of the [0-9,]* priced cases are shown[^<]*' "$TMP/page.html"
size=$(wc -c <"$TMP/page.html")
[ "$size" -lt 200000 ] && echo "page under 200 kB" || echo "page of $size bytes"
# The same dots from standard input (the record names the input differently).
diff <(grep '<circle' "$TMP/page.html") <(grep '<circle' "$TMP/stdin.html") >/dev/null &&
  echo "the same dots from standard input"
