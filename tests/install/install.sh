#!/usr/bin/env bash
# install.sh BUILD SOURCE CC CMAKE [EXTRA_CFLAGS] - the install test.
#
#  1. `cmake --install BUILD --prefix P` into a scratch folder P;
#  2. every file the install promises is there (program, shared and static
#     library, headers, ras.pc, CMake package, man page, models, bash
#     completion), and the installed program runs from P;
#  3. the shared library exports ras_* symbols and nothing else;
#  4. tests/install/embed.c and docs/examples/casework_batch.c are built
#     against P with pkg-config, and embed.c (shared and static) and the
#     example again with a CMake project using find_package(ras);
#  5. each program runs (LD_LIBRARY_PATH for the shared library) and its
#     output must equal the expected file beside this script; embed's
#     budget must also equal what the installed `ras score` says.
# Exits 77 (skipped) when pkg-config or nm is missing.
set -u
build=$1
src=$2
cc=$3
cmake=$4
extra=${5:-}
here=$src/tests/install

for tool in pkg-config nm; do
  if ! command -v "$tool" >/dev/null; then
    echo "install test skipped: $tool is not installed"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail=0
say() { echo "install test: $*"; }
bad() { say "FAIL: $*"; fail=1; }

if ! "$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then
  cat "$work/install.log"
  bad "cmake --install failed"
  exit 1
fi

# Where GNUInstallDirs put things (lib or lib/<multiarch>, share, ...).
pc=$(find "$prefix" -name ras.pc -path '*/pkgconfig/*' | head -n 1)
if [ -z "$pc" ]; then
  bad "no ras.pc installed"
  exit 1
fi
libdir=$(dirname "$(dirname "$pc")")
bindir=$prefix/bin
datadir=$prefix/share

# 2. the files.
for f in "$bindir/ras" "$libdir/libras.a" "$libdir/libras.so" \
         "$prefix/include/ras.h" "$prefix/include/ras_export.h" "$prefix/include/ras_version.h" \
         "$libdir/cmake/ras/rasConfig.cmake" "$libdir/cmake/ras/rasConfigVersion.cmake" \
         "$libdir/cmake/ras/rasTargets.cmake" \
         "$datadir/man/man1/ras.1" \
         "$datadir/ras/models/adult/questionnaire.yaml" \
         "$datadir/ras/models/carers/questionnaire.yaml" \
         "$datadir/bash-completion/completions/ras"; do
  [ -e "$f" ] || bad "not installed: ${f#"$prefix"/}"
done
soname=$(find "$libdir" -maxdepth 1 -name 'libras.so.*' | head -n 1)
[ -n "$soname" ] || bad "no versioned libras.so.N installed"

# The installed program runs and reads the installed models.
if ! "$bindir/ras" --version >"$work/version.txt" 2>&1; then
  bad "installed ras --version failed"
fi
if ! "$bindir/ras" check -m "$datadir/ras/models/carers" >/dev/null 2>"$work/check.err"; then
  cat "$work/check.err"
  bad "installed ras check -m share/ras/models/carers failed"
fi

# 3. the shared library's exports: ras_* only.
if [ -e "$libdir/libras.so" ]; then
  nm -D --defined-only "$libdir/libras.so" | awk '{print $NF}' | sort -u >"$work/exports.txt"
  # Sanitizer and coverage runtimes add their own entry points (libgcov's
  # mangle_path among them).
  grep -v -E '^ras_|^_init$|^_fini$|^__(asan|ubsan|sanitizer|lsan|gcov|llvm)|^mangle_path$' \
    "$work/exports.txt" >"$work/foreign.txt"
  if [ -s "$work/foreign.txt" ]; then
    bad "libras.so exports names without the ras_ prefix:"
    sed 's/^/  /' "$work/foreign.txt"
  fi
  grep -q '^ras_score$' "$work/exports.txt" || bad "libras.so does not export ras_score"
  grep -q '^ras_builtin_files$' "$work/exports.txt" ||
    bad "libras.so does not export ras_builtin_files"
fi

# Runs a program and compares its output (and exit status) to a file.
# run NAME WANT_STATUS EXPECTED PROGRAM [ARGS...]
run() {
  local name=$1 want=$2 expected=$3
  shift 3
  LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$@" >"$work/$name.out" \
    2>"$work/$name.err"
  local status=$?
  if [ "$status" != "$want" ]; then
    bad "$name exited $status, expected $want"
    cat "$work/$name.err"
  fi
  if ! diff -u "$expected" "$work/$name.out"; then
    bad "$name: output differs from ${expected#"$src"/}"
  fi
}

# 4 and 5, pkg-config.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
if ! flags=$(pkg-config --cflags --libs ras); then
  bad "pkg-config cannot read ras.pc"
else
  say "pkg-config: $flags"
  # shellcheck disable=SC2086 # the flags are words
  if "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror $extra -o "$work/embed-pc" \
      "$here/embed.c" $flags; then
    run embed-pc 0 "$here/embed.expected" "$work/embed-pc"
  else
    bad "embed.c does not build with pkg-config"
  fi
  # shellcheck disable=SC2086
  if "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror $extra -o "$work/casework-pc" \
      "$src/docs/examples/casework_batch.c" $flags; then
    run casework-pc 1 "$here/casework_batch.expected" "$work/casework-pc"
  else
    bad "docs/examples/casework_batch.c does not build with pkg-config"
  fi
fi

# 4 and 5, find_package(ras).
if "$cmake" -S "$here/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
    -DRAS_SOURCE_DIR="$src" -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$extra" \
    -DCMAKE_EXE_LINKER_FLAGS="$extra" >"$work/consumer.log" 2>&1 &&
  "$cmake" --build "$work/consumer" >>"$work/consumer.log" 2>&1; then
  run embed-cmake 0 "$here/embed.expected" "$work/consumer/embed"
  run embed-static 0 "$here/embed.expected" "$work/consumer/embed_static"
  run casework-cmake 1 "$here/casework_batch.expected" "$work/consumer/casework_batch"
else
  cat "$work/consumer.log"
  bad "the find_package(ras) project does not build"
fi

# embed's budget agrees with the installed program's.
want=$(sed -n 's/.*a year (\([0-9.]*\)).*/\1/p' "$here/embed.expected")
sed -n '/^static const char case_yaml/,/;$/p' "$here/embed.c" |
  sed -n 's/^.*"\(.*\)\\n"[;]*$/\1/p' >"$work/case.yaml"
got=$("$bindir/ras" score --format json "$work/case.yaml" 2>&1 |
      sed -n 's/.*"indicative_budget": *"\([0-9.]*\)".*/\1/p' | head -n 1)
if [ -z "$want" ] || [ "$want" != "$got" ]; then
  bad "embed.expected says $want a year, the installed ras score says '$got'"
fi

# docs/api.md lists docs/examples/casework_batch.c whole: they must agree.
sed -n '/^<!-- example: docs\/examples\/casework_batch.c -->$/,/^<!-- end of example -->$/p' \
  "$src/docs/api.md" | sed '1,2d;$d' | sed '$d' >"$work/api-example.c"
if ! diff -u "$src/docs/examples/casework_batch.c" "$work/api-example.c" >"$work/api.diff"; then
  head -n 20 "$work/api.diff"
  bad "the example in docs/api.md differs from docs/examples/casework_batch.c"
fi
awk '/^Its output \(exit status 1/ { at = 1; next }
     at == 1 && /^```/ { at = 2; next }
     at == 2 && /^```/ { exit }
     at == 2 { print }' "$src/docs/api.md" >"$work/api-output.txt"
if ! diff -u "$here/casework_batch.expected" "$work/api-output.txt"; then
  bad "the example output in docs/api.md differs from casework_batch.expected"
fi

[ "$fail" = 0 ] && say "ok ($(head -n 1 "$work/version.txt"))"
exit $fail
