#!/usr/bin/env bash
# run.sh [ROWS] - the batch benchmark: builds Release, generates ROWS
# (default 1,000,000) deterministic cases for the 40-question model in
# tests/bench/model, and times `ras batch` (and ras_batch alone through a
# small driver): rows/s, MB/s and peak memory (RSS).
set -euo pipefail
rows=${1:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build-bench}
work=${WORK:-$(mktemp -d)}
trap '[ -z "${WORK:-}" ] && rm -rf "$work"' EXIT

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target ras ras_static -j"$(nproc)" >/dev/null
cc -O2 -o "$work/gen_cases" "$here/gen_cases.c"
cc -O2 -I"$root/include" -I"$build/include" -o "$work/batch_driver" "$here/batch_driver.c" \
  "$build/libras.a" $(pkg-config --libs yaml-0.1) -lcrypto

"$work/gen_cases" "$rows" >"$work/cases.csv"
bytes=$(stat -c %s "$work/cases.csv")
echo "input: $rows rows, $((bytes / 1000000)) MB"

echo "--- ras_batch (library alone)"
"$work/batch_driver" "$here/model" "$work/cases.csv" "$work/out-driver.csv"

echo "--- ras batch (the program)"
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$build/ras" batch -m "$here/model" "$work/cases.csv" \
  -o "$work/out.csv" 2>"$work/stderr" || true
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v r="$rows" -v b="$bytes" -v kb="$(tail -1 "$work/rss")" 'BEGIN {
  t = e - s; printf "%.3f s, %.0f rows/s, %.1f MB/s, peak RSS %.1f MB\n", t, r / t, b / t / 1e6, kb / 1024 }'
cmp -s "$work/out.csv" "$work/out-driver.csv" && echo "outputs agree" || echo "outputs differ!"
