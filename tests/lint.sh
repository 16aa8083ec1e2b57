#!/usr/bin/env bash
# lint.sh [BUILD] - static analysis of src/ with clang-tidy (checks in
# .clang-tidy) and cppcheck. BUILD (default build-lint) is configured with
# compile_commands.json if it has none. Exit 0 when both are clean, 1 when
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
  # shellcheck disable=SC2086 # one word per file
  if ! clang-tidy -p "$build" --quiet $sources 2>/dev/null | tee "$build/clang-tidy.log" |
      grep -E '^[^ ].*: (warning|error):'; then
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
      -I include -I "$build/include" -I src/lib -I src/cli \
      --suppress=missingIncludeSystem src; then
    status=1
  else
    echo "cppcheck: clean"
  fi
else
  echo "cppcheck not installed: skipped"
fi

[ "$ran" = 0 ] && exit 77
exit $status
