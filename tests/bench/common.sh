# common.sh - what the benchmark scripts share, sourced by run.sh and
# run_xlsx.sh after they set `here` (their folder): the settings, the
# Release build, the generated cases and the timers.
#   $1         rows (default 1,000,000)
#   RUNS=N     each timing is the best of N runs (default 3)
#   BUILD=DIR  the build folder (default build-bench)
#   WORK=DIR   keep the generated files there (default: a temporary folder)
set -euo pipefail
rows=${1:-1000000}
runs=${RUNS:-3}
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build-bench}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
trap '[ -z "${WORK:-}" ] && rm -rf "$work"' EXIT

# bench_build TARGET...: a Release build of those targets, quiet unless
# it fails; and the case generator, $work/gen_cases.
bench_build() {
  if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF &&
    cmake --build "$build" --target "$@" -j"$(nproc)"; } >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    exit 1
  fi
  cc -O2 -o "$work/gen_cases" "$here/gen_cases.c"
}

now() { date +%s.%N; }
# best CMD...: runs CMD $runs times; prints the shortest wall time in seconds.
best() {
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
# best_cpu CMD...: the least CPU time (user + system, seconds) of $runs
# runs: steadier than wall time on a machine others share.
best_cpu() {
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null 2>&1 || true
    tail -1 "$work/cpu" | awk '{ printf "%.4f\n", $1 + $2 }'
  done | sort -n | head -1
}
