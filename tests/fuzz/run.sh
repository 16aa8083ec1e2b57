#!/usr/bin/env bash
# run.sh [SECONDS] - builds the libFuzzer targets with clang and runs each
# for SECONDS (default 60) on a scratch copy of its corpus.
#
#   FUZZ_TARGETS  the targets to run (default: "model case csv cells sheet")
#   FUZZ_BUILD    the build folder (default: build-fuzz)
#   FUZZ_FLAGS    more libFuzzer flags, e.g. "-jobs=2" or "-fork=1 -ignore_crashes=1"
#
# The scratch corpus, tests/fuzz/corpus-run/<target>/ (git-ignored), keeps
# what earlier runs found; it starts from corpus/<target>/ and
# regressions/<target>/. A crash input lands in corpus-run/crashes/: copy
# it to regressions/<target>/ once understood, so the test suite replays
# it for ever. Exits 1 when any target crashed, 2 when the build failed.
set -u
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
targets=${FUZZ_TARGETS:-model case csv cells sheet}
run="$here/corpus-run"

# Longest input per target: the shipped adult model is about 12 KB.
max_len() {
  case $1 in
    model) echo 16384 ;;
    case) echo 4096 ;;
    csv) echo 8192 ;;
    cells) echo 256 ;;
    sheet) echo 8192 ;;
  esac
}
dict() {
  case $1 in
    csv | cells) echo "$here/dict/csv.dict" ;;
    sheet) echo "$here/dict/xml.dict" ;;
    *) echo "$here/dict/yaml.dict" ;;
  esac
}

mkdir -p "$build"
blog="$build/fuzz-build.log"
if ! CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DRAS_FUZZ=ON \
      -DRAS_SANITIZE=ON -DBUILD_TESTING=OFF >"$blog" 2>&1 ||
   ! cmake --build "$build" --target fuzz_all -j "$(nproc 2>/dev/null || echo 2)" >>"$blog" 2>&1; then
  tail -n 30 "$blog"
  echo "run.sh: the fuzz build failed (log: $blog)" >&2
  exit 2
fi

crashed=0
mkdir -p "$run/crashes"
for t in $targets; do
  mkdir -p "$run/$t"
  for seeds in "$here/corpus/$t" "$here/regressions/$t"; do
    [ -d "$seeds" ] && find "$seeds" -maxdepth 1 -type f ! -name '.*' -exec cp -n {} "$run/$t/" \;
  done
  log="$run/$t.log"
  before=$(find "$run/crashes" -type f -name "$t-*" | wc -l)
  # shellcheck disable=SC2086
  "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" \
    -dict="$(dict "$t")" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$run/crashes/$t-" ${FUZZ_FLAGS:-} "$run/$t" >"$log" 2>&1
  status=$?
  execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')
  if [ "$execs" = 0 ]; then # fork mode prints no final stats: take the last count
    execs=$(grep -aoE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
  fi
  cov=$(grep -aE '^#[0-9]+' "$log" | grep -ao 'cov: [0-9]*' | tail -n 1)
  corpus=$(find "$run/$t" -type f | wc -l)
  after=$(find "$run/crashes" -type f -name "$t-*" | wc -l)
  printf 'fuzz_%s: %s s, %s executions, %s, corpus %s files, exit %s\n' \
    "$t" "$seconds" "$execs" "${cov:-cov: ?}" "$corpus" "$status"
  if [ "$status" != 0 ] || [ "$after" -gt "$before" ]; then
    crashed=1
    echo "fuzz_$t FOUND A CRASH (log: $log):"
    grep -aE 'ERROR: |check failed|SUMMARY|Test unit written' "$log" | head -n 20
  fi
done
exit $crashed
