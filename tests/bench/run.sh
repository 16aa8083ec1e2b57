#!/usr/bin/env bash
# run.sh [ROWS] - the batch benchmark (`make bench`): builds Release,
# generates ROWS (default 1,000,000) deterministic cases for the
# 40-question model in tests/bench/model (about 97 bytes a row), and times
# `ras batch` and ras_batch alone (through a small driver): rows/s, MB/s
# and peak memory (RSS). For context it also times reading the file alone,
# and measures peak memory at a tenth of the rows, to show it does not
# grow with them. Each timing is the best of RUNS (default 3) runs, as a
# shared machine is noisy.
#   BUILD=DIR, WORK=DIR, RUNS=N  as common.sh says
#   CALLGRIND=1  also count instructions per row with valgrind (slow)
#   LARGE=0      skip the large models (docs/performance.md, "Large models")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
bench_build ras ras_static
cc -O2 -o "$work/gen_big" "$here/gen_big.c"
cc -O2 -I"$root/include" -I"$build/include" -o "$work/batch_driver" "$here/batch_driver.c" \
  "$build/libras.a" $(pkg-config --libs yaml-0.1 minizip expat xlsxwriter) -lcrypto -pthread

"$work/gen_cases" "$rows" >"$work/cases.csv"
"$work/gen_cases" $((rows / 10)) >"$work/cases-tenth.csv"
# The same cases as a council's export writes them (gen_cases.c, "messy").
"$work/gen_cases" "$rows" 42 messy >"$work/messy.csv"
bytes=$(stat -c %s "$work/cases.csv")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "input: $rows rows, $bytes bytes ($(awk -v b="$bytes" -v r="$rows" 'BEGIN { printf "%.1f MB, %.1f bytes a row", b / 1e6, b / r }'))"

report() { # report LABEL SECONDS
  awk -v l="$1" -v t="$2" -v r="$rows" -v b="$bytes" 'BEGIN {
    printf "%-28s %7.3f s  %10.0f rows/s  %7.1f MB/s\n", l, t, r / t, b / t / 1e6 }'
}

cat "$work/cases.csv" >/dev/null # into the page cache
echo "--- reading the file alone (the floor)"
report "cat >/dev/null" "$(best sh -c "cat '$work/cases.csv' >/dev/null")"
report "wc -l" "$(best sh -c "wc -l <'$work/cases.csv' >/dev/null")"

echo "--- ras_batch (the library alone, through batch_driver)"
report "ras_batch" "$(best sh -c "'$work/batch_driver' '$here/model' '$work/cases.csv' '$work/out-driver.csv' 2>/dev/null || true")"

echo "--- ras batch (the program)"
batch() { "$build/ras" batch -m "$here/model" "$1" -o "$2" 2>"$work/stderr" || true; }
report "ras batch -o FILE" "$(best batch "$work/cases.csv" "$work/out.csv")"
# The same to stdout, into /dev/null: no file is written and nothing is
# synced to disk (-o does both, so that a finished file is a whole one).
report "ras batch >/dev/null" "$(best sh -c "'$build/ras' batch -m '$here/model' '$work/cases.csv' >/dev/null 2>&1 || true")"
messy_bytes=$(stat -c %s "$work/messy.csv")
echo "--- ras batch on the same cases as a messy export ($messy_bytes bytes: Windows-1252, semicolons, UK dates, £ amounts, answers by text)"
report "ras batch messy -o FILE" "$(best batch "$work/messy.csv" "$work/out-messy.csv")"
report "ras batch messy >/dev/null" "$(best sh -c "'$build/ras' batch -m '$here/model' '$work/messy.csv' >/dev/null 2>&1 || true")"
rss() { # rss IN: peak RSS of one run in MB
  /usr/bin/time -f "%M" -o "$work/rss" "$build/ras" batch -m "$here/model" "$1" -o "$work/out-rss.csv" \
    2>/dev/null || true
  tail -1 "$work/rss" | awk '{ printf "%.1f", $1 / 1024 }' # after any "exited with" line
}
echo "peak RSS: $(rss "$work/cases.csv") MB at $rows rows, $(rss "$work/cases-tenth.csv") MB at $((rows / 10)) rows"
echo "peak RSS of the messy export: $(rss "$work/messy.csv") MB"
cmp -s "$work/out.csv" "$work/out-driver.csv" && echo "outputs agree" || echo "outputs differ!"
# The messy export names its columns in its own words (Q01 for q01), so
# only the error rows' messages may differ: the figures must not.
cmp -s <(cut -d, -f1-9 "$work/out.csv") <(cut -d, -f1-9 "$work/out-messy.csv") &&
  echo "the messy export scores as the clean file" || echo "the messy export scores differently!"
echo "output: $(md5sum <"$work/out.csv" | cut -d' ' -f1) ($(grep -c ',error,' "$work/out.csv") error rows)"

# The reports (docs/performance.md, "Reports"): audit, calibrate and
# compare over the same rows with the one extra column each reads, against
# the batch's time on them. Peak RSS of each.
echo "--- reports (audit, calibrate, compare) against the batch"
awk 'NR == 1 { print $0 ",recorded_budget"; next } { print $0 ",1234.00" }' "$work/cases.csv" >"$work/past.csv"
awk 'NR == 1 { print $0 ",current_cost"; next } { print $0 "," (NR % 97) * 100 + 500 ".00" }' \
  "$work/cases.csv" >"$work/costs.csv"
peak() { # peak CMD...: peak RSS of one run in MB
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1 || true
  tail -1 "$work/rss" | awk '{ printf "%.1f MB", $1 / 1024 }'
}
old_table=$(ls "$here"/model/scoring-*.yaml | head -1)
new_table=$(ls "$here"/model/scoring-*.yaml | tail -1)
cmd_batch=("$build/ras" batch -m "$here/model" "$work/past.csv" -o "$work/out-b.csv")
cmd_audit=("$build/ras" audit -m "$here/model" "$work/past.csv" -o "$work/out-a.csv")
cmd_calibrate=("$build/ras" calibrate -m "$here/model" "$work/costs.csv" -o "$work/out-c.txt")
cmd_compare=("$build/ras" compare -m "$here/model" --from "$old_table" --to "$new_table"
  "$work/cases.csv" -o "$work/out-p.csv" --report "$work/out-p.txt")
quiet() { "$@" >/dev/null 2>&1 || true; }
tb=$(best quiet "${cmd_batch[@]}")
report "ras batch -o FILE" "$tb"
for what in audit calibrate compare; do
  eval 'cmd=("${cmd_'"$what"'[@]}")'
  t=$(best quiet "${cmd[@]}")
  report "ras $what" "$t"
  echo "  $(awk -v t="$t" -v b="$tb" 'BEGIN { printf "%.2f x the batch", t / b }'), peak RSS $(peak "${cmd[@]}")"
done

if [ "${CALLGRIND:-}" = 1 ] && command -v valgrind >/dev/null; then
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$build/ras" batch -m "$here/model" \
    "$work/cases-tenth.csv" -o /dev/null 2>"$work/cg.txt" || true
  awk -v r=$((rows / 10)) '/refs:/ { gsub(",", "", $4); printf "instructions: %.0f a row (callgrind, %d rows)\n", $4 / r, r }' \
    "$work/cg.txt"
fi

# Large models: one case on a model at the sizes that once took seconds to
# minutes, when ids were found by a linear search. Each must take well
# under a second, loading the model included.
if [ "${LARGE:-1}" != 0 ]; then
  echo "--- large models (one case each; time and peak RSS, loading included)"
  "$work/gen_big" questions 100000 "$work/q100k"
  "$work/gen_big" questions 40000 "$work/q40k"
  "$work/gen_big" questions 60000 "$work/q60k"
  "$work/gen_big" answers 100000 "$work/a100k"
  large() { # large LABEL ARGS...: the best of $runs runs of ras ARGS: wall time, CPU time
    # (user + system: steadier than wall time on a shared machine) and peak RSS
    local label=$1
    shift
    for _ in $(seq "$runs"); do
      /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$build/ras" "$@" >/dev/null 2>&1 || true
      tail -1 "$work/time"
    done | sort -n | head -1 | awk -v l="$label" '{
      printf "%-44s %7.3f s  %7.3f s CPU  %7.1f MB\n", l, $1, $2 + $3, $4 / 1024 }'
  }
  large "100,000 questions: check (load only)" check -m "$work/q100k/model"
  large "100,000 questions: score one case" score -m "$work/q100k/model" "$work/q100k/case.yaml"
  large "40,000 questions: one-row batch" batch -m "$work/q40k/model" "$work/q40k/cases.csv"
  large "60,000-column header: one-row batch" batch -m "$work/q60k/model" "$work/q60k/cases.csv"
  large "100,000 answers of one question: score" score -m "$work/a100k/model" "$work/a100k/case.yaml"
fi
