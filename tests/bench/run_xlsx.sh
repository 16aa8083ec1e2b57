#!/usr/bin/env bash
# run_xlsx.sh [ROWS] - the workbook benchmark (docs/performance.md,
# "Workbooks"): the benchmark's cases (gen_cases.c, default 1,000,000
# rows) as CSV and as a workbook (csv_to_xlsx.c, inline strings as
# libxlsxwriter writes them), timed through `ras batch` read from each and
# written to each, with peak memory; and the same workbook read by
# openpyxl in read-only mode (Debian's python3-openpyxl, /usr/bin/python3),
# the peer, on a tenth of the rows (it is slow), with ras on that tenth
# beside it. Figures are rows a second by wall time and by CPU time (user
# and system: steadier on a shared machine), each the best of RUNS.
#   BUILD=DIR, WORK=DIR, RUNS=N  as common.sh says
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
bench_build ras
cc -O2 -o "$work/csv_to_xlsx" "$here/csv_to_xlsx.c" $(pkg-config --cflags --libs xlsxwriter)
tenth=$((rows / 10))
"$work/gen_cases" "$rows" >"$work/cases.csv"
"$work/gen_cases" "$tenth" >"$work/tenth.csv"
"$work/csv_to_xlsx" "$work/cases.csv" "$work/cases.xlsx"
"$work/csv_to_xlsx" "$work/tenth.csv" "$work/tenth.xlsx"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "input: $rows rows; CSV $(stat -c %s "$work/cases.csv") bytes, workbook $(stat -c %s "$work/cases.xlsx") bytes"

report() { # report LABEL ROWS WALL CPU [RSS]
  awk -v l="$1" -v r="$2" -v t="$3" -v c="$4" -v m="${5:-}" 'BEGIN {
    printf "%-36s %8.3f s %9.0f rows/s   CPU %8.3f s %9.0f rows/s  %s\n", l, t, r / t, c, r / c,
      m == "" ? "" : "peak " m " MB" }'
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
  in=$work/cases.$1 out=$work/out.$2
  report "ras batch cases.$1 -o out.$2" "$rows" "$(best batch "$in" "$out")" \
    "$(best_cpu "$build/ras" batch -m "$here/model" "$in" -o "$out")" "$(rss "$in" "$out")"
done
"$build/ras" batch -m "$here/model" "$work/cases.xlsx" 2>/dev/null | cmp -s - <("$build/ras" batch -m "$here/model" "$work/cases.csv" 2>/dev/null) &&
  echo "the workbook scores exactly as the CSV" || echo "the workbook and the CSV differ!"
echo "peak RSS reading the workbook at $tenth rows: $(rss "$work/tenth.xlsx" "$work/out-tenth.csv") MB"

if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
  peer=(/usr/bin/python3 "$here/openpyxl_read.py" "$work/tenth.xlsx")
  quiet_peer() { "${peer[@]}" >/dev/null; }
  pw=$(runs=1 best quiet_peer)
  pc=$(runs=1 best_cpu "${peer[@]}")
  report "openpyxl read-only ($tenth rows)" "$tenth" "$pw" "$pc"
  rw=$(best batch "$work/tenth.xlsx" "$work/out-tenth.csv")
  rc=$(best_cpu "$build/ras" batch -m "$here/model" "$work/tenth.xlsx" -o "$work/out-tenth.csv")
  report "ras batch tenth.xlsx -o out.csv" "$tenth" "$rw" "$rc"
  awk -v pw="$pw" -v pc="$pc" -v rw="$rw" -v rc="$rc" 'BEGIN {
    printf "ras reads and scores the workbook %.1fx as fast as openpyxl only reads it (wall), %.1fx (CPU)\n",
      pw / rw, pc / rc }'
else
  echo "openpyxl is missing (apt-get install python3-openpyxl): no peer figure"
fi
