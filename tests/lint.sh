#!/usr/bin/env bash
# lint.sh [BUILD] - static analysis of src/ with clang-tidy (checks in
# .clang-tidy) and cppcheck. BUILD (default build-lint) is configured with
# compile_commands.json if it has none; the tree must also keep the layout
# of .clang-format. Exit 0 when all are clean, 1 when
# either finds something, 77 when neither tool is installed.
set -u
cd "$(dirname "$0")/.."
build=${1:-build-lint}
status=0
ran=0

if [ ! -f "$build/compile_commands.json" ]; then
  cmake -S . -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_TESTING=OFF >/dev/null ||
    exit 1
fi
# The generated headers (ras_version.h) and embedded models must exist.
cmake --build "$build" --target ras_objects -j 2 >/dev/null || exit 1

sources=$(find src -name '*.c' | sort)

if command -v clang-tidy >/dev/null; then
  ran=1
  echo "== clang-tidy"
  # One clang-tidy per file, as many at once as there are processors, each
  # into its own log so their lines never interleave; a header's findings
  # repeat in every file that includes it, hence sort -u.
  logs="$build/clang-tidy.d"
  rm -rf "$logs" && mkdir -p "$logs"
  jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
  # shellcheck disable=SC2016,SC2086 # $1.. expand in the inner shell; one word per file
  printf '%s\n' $sources | xargs -P "$jobs" -I{} sh -c \
    'clang-tidy -p "$1" --quiet "$2" >"$3/$(echo "$2" | tr / _).log" 2>/dev/null' \
    sh "$build" {} "$logs"
  cat "$logs"/*.log >"$build/clang-tidy.log"
  if ! grep -E '^[^ ].*: (warning|error):' "$build/clang-tidy.log" | sort -u | grep .; then
    echo "clang-tidy: clean"
  else
    status=1
  fi
else
  echo "clang-tidy not installed: skipped"
fi

if command -v cppcheck >/dev/null; then
  ran=1
  echo "== cppcheck"
  if ! cppcheck --quiet --std=c11 --enable=warning,performance,portability \
      --error-exitcode=1 --inline-suppr -D__GNUC__ -D_POSIX_C_SOURCE=200809L \
      -I include -I "$build/include" $(for d in src/lib/*/; do printf -- "-I %s " "$d"; done) -I src/cli \
      --suppress=missingIncludeSystem src; then
    status=1
  else
    echo "cppcheck: clean"
  fi
else
  echo "cppcheck not installed: skipped"
fi

if command -v clang-format >/dev/null; then
  ran=1
  echo "== clang-format"
  # The whole tree keeps the layout of .clang-format.
  if find include src tests docs/examples \( -name '*.c' -o -name '*.h' \) \
      -not -path 'tests/fuzz/corpus*' -not -path 'tests/fuzz/regressions*' -print0 |
      xargs -0 clang-format --dry-run --Werror; then
    echo "clang-format: clean"
  else
    status=1
  fi
else
  echo "clang-format not installed: skipped"
fi

[ "$ran" = 0 ] && exit 77
exit $status
