#!/usr/bin/env bash
# reports.sh [ROWS] - the reports against the batch (docs/performance.md,
# "Reports"): builds Release, generates ROWS (default 1,000,000)
# deterministic cases for the 40-question model in tests/bench/model with
# the two columns the reports read (recorded_budget for audit,
# current_cost for calibrate), and runs `ras batch`, `ras audit`,
# `ras calibrate` and `ras compare` over that same file. For each it
# prints the best wall time and the best CPU time (user + system, steadier
# on a shared machine) of RUNS (default 3) runs, both as a multiple of the
# batch's, and the peak memory (RSS) at ROWS and at a tenth of them, with
# what the command holds beyond the batch in bytes a row. Prints figures;
# it is not a test (tests/memory/flat_memory.py is).
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

# One file for all four: batch ignores the two extra columns (one warning
# each), audit reads recorded_budget, calibrate current_cost. The recorded
# budget is what the batch gives, as in a council's records, so the audit
# finds them consistent (rows in error aside); "audit, all differ" runs on
# a copy where every recorded budget is wrong, the audit's worst case: a
# row and a reason written for every case.
extend() { # extend ROWS OUT
  "$work/gen_cases" "$1" >"$work/plain.csv"
  "$build/ras" batch -m "$model" "$work/plain.csv" -o "$work/plain-out.csv" 2>/dev/null || true
  cut -d, -f5 "$work/plain-out.csv" | paste -d, "$work/plain.csv" - |
    awk 'NR == 1 { sub(/,[^,]*$/, ""); print $0 ",recorded_budget,current_cost"; next }
      { print $0 "," (NR % 97) * 100 + 500 ".00" }' >"$2"
  awk -F, -v OFS=, 'NR > 1 { $(NF - 1) = "1234.00" } { print }' "$2" >"${2%.csv}-differ.csv"
}
model=$here/model
extend "$rows" "$work/cases.csv"
extend $((rows / 10)) "$work/tenth.csv"
bytes=$(stat -c %s "$work/cases.csv")
old_table=$(ls "$model"/scoring-*.yaml | head -1)
new_table=$(ls "$model"/scoring-*.yaml | tail -1)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $rows rows, $bytes bytes; best of $runs runs"

command_for() { # command_for WHAT IN: the command line, outputs into $work
  case $1 in
  batch) echo "$build/ras batch -m $model $2 -o $work/out-batch.csv" ;;
  audit) echo "$build/ras audit -m $model $2 -o $work/out-audit.csv" ;;
  audit-differ) echo "$build/ras audit -m $model ${2%.csv}-differ.csv -o $work/out-audit.csv" ;;
  calibrate) echo "$build/ras calibrate -m $model $2 -o $work/out-calibrate.txt" ;;
  compare) echo "$build/ras compare -m $model --from $old_table --to $new_table $2 -o $work/out-compare.csv --report $work/out-compare.txt" ;;
  esac
}
measure() { # measure WHAT IN: "wall cpu peak_kb", the best of $runs runs
  local cmd
  cmd=$(command_for "$1" "$2")
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086 # the command line is split into words
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" $cmd >/dev/null 2>&1 || true
    tail -1 "$work/time"
  done | awk '{ cpu = $2 + $3; if (NR == 1 || $1 < w) w = $1; if (NR == 1 || cpu < c) c = cpu
               if ($4 > m) m = $4 } END { printf "%.3f %.3f %d\n", w, c, m }'
}

cat "$work/cases.csv" >/dev/null # into the page cache
printf '%-12s %9s %7s %9s %7s %10s %12s %14s\n' "" wall "x batch" CPU "x batch" "peak RSS" "at a tenth" "beyond batch"
read -r bw bc bm <<<"$(measure batch "$work/cases.csv")"
read -r _ _ btm <<<"$(measure batch "$work/tenth.csv")"
for what in batch audit audit-differ calibrate compare; do
  if [ "$what" = batch ]; then
    w=$bw c=$bc m=$bm tm=$btm
  else
    read -r w c m <<<"$(measure "$what" "$work/cases.csv")"
    read -r _ _ tm <<<"$(measure "$what" "$work/tenth.csv")"
  fi
  awk -v l="$what" -v w="$w" -v c="$c" -v m="$m" -v tm="$tm" -v bw="$bw" -v bc="$bc" -v bm="$bm" \
    -v r="$rows" 'BEGIN {
      printf "%-12s %7.3f s %6.2fx %7.3f s %6.2fx %7.1f MB %9.1f MB %8.1f B/row\n",
        l, w, w / bw, c, c / bc, m / 1024, tm / 1024, (m - bm) * 1024 / r }'
done
