#!/usr/bin/env bash
# run_xlsx.sh [ROWS] - the workbook benchmark (docs/performance.md,
# "Workbooks"): the benchmark's cases (gen_cases.c, default 1,000,000
# rows) as CSV and as a workbook (csv_to_xlsx.c), timed through `ras batch`
# read from each and written to each, with peak memory; and the same
# workbook read by openpyxl in read-only mode (Debian's python3-openpyxl,
# /usr/bin/python3), the peer, on a tenth of the rows (it is slow), in rows
# a second. Each timing is the best of RUNS (default 3).
#   BUILD=DIR  the build folder (default build-bench)
#   WORK=DIR   keep the generated files there (default: a temporary folder)
set -euo pipefail
rows=${1:-1000000}
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build-bench}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
trap '[ -z "${WORK:-}" ] && rm -rf "$work"' EXIT

if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF &&
  cmake --build "$build" --target ras -j"$(nproc)"; } >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi
cc -O2 -o "$work/gen_cases" "$here/gen_cases.c"
cc -O2 -o "$work/csv_to_xlsx" "$here/csv_to_xlsx.c" $(pkg-config --cflags --libs xlsxwriter)
"$work/gen_cases" "$rows" >"$work/cases.csv"
"$work/gen_cases" $((rows / 10)) >"$work/tenth.csv"
"$work/csv_to_xlsx" "$work/cases.csv" "$work/cases.xlsx"
"$work/csv_to_xlsx" "$work/tenth.csv" "$work/tenth.xlsx"
echo "input: $rows rows; CSV $(stat -c %s "$work/cases.csv") bytes, workbook $(stat -c %s "$work/cases.xlsx") bytes"

now() { date +%s.%N; }
best() { # best CMD...: the shortest wall time of $runs runs, in seconds
  local t min=
  for _ in $(seq "$runs"); do
    local s e
    s=$(now)
    "$@"
    e=$(now)
    t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }')
    if [ -z "$min" ] || awk -v a="$t" -v b="$min" 'BEGIN { exit !(a < b) }'; then min=$t; fi
  done
  echo "$min"
}
report() { # report LABEL ROWS SECONDS [RSS]
  awk -v l="$1" -v r="$2" -v t="$3" -v m="${4:-}" 'BEGIN {
    printf "%-34s %8.3f s  %10.0f rows/s  %s\n", l, t, r / t, m == "" ? "" : "peak " m " MB" }'
}
rss() { # rss IN OUT: peak RSS of one `ras batch` in MB
  /usr/bin/time -f "%M" -o "$work/rss" "$build/ras" batch -m "$here/model" "$1" -o "$2" \
    2>/dev/null || true
  tail -1 "$work/rss" | awk '{ printf "%.1f", $1 / 1024 }'
}
batch() { "$build/ras" batch -m "$here/model" "$1" -o "$2" 2>/dev/null || true; }

cat "$work/cases.csv" "$work/cases.xlsx" >/dev/null # into the page cache
for case in "csv csv" "xlsx csv" "csv xlsx" "xlsx xlsx"; do
  set -- $case
  t=$(best batch "$work/cases.$1" "$work/out.$2")
  report "ras batch cases.$1 -o out.$2" "$rows" "$t" "$(rss "$work/cases.$1" "$work/out.$2")"
done
"$build/ras" batch -m "$here/model" "$work/cases.xlsx" 2>/dev/null | cmp -s - <("$build/ras" batch -m "$here/model" "$work/cases.csv" 2>/dev/null) &&
  echo "the workbook scores exactly as the CSV" || echo "the workbook and the CSV differ!"
echo "peak RSS reading the workbook at $((rows / 10)) rows: $(rss "$work/tenth.xlsx" "$work/out-tenth.csv") MB"

if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
  peer() { /usr/bin/python3 "$here/openpyxl_read.py" "$work/tenth.xlsx" >/dev/null; }
  t=$(runs=1 best peer)
  report "openpyxl read-only ($((rows / 10)) rows)" $((rows / 10)) "$t"
  t=$(best batch "$work/tenth.xlsx" "$work/out-tenth.csv")
  report "ras batch tenth.xlsx -o out.csv" $((rows / 10)) "$t"
else
  echo "openpyxl is missing (apt-get install python3-openpyxl): no peer figure"
fi
