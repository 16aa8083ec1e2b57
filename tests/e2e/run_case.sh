#!/usr/bin/env bash
# run_case.sh RAS CASE_DIR - runs one end-to-end case of the real binary.
#
# A case folder holds:
#   cmd     the arguments to ras, one shell line, run from the case folder
#           with $DATA (tests/data), $CONFIG (config/) and $TMP (a fresh
#           scratch folder) set; it may redirect standard input;
#   stdout  the whole expected standard output;
#   stderr  (optional) the whole expected standard error;
#   status  (optional) the expected exit status, 0 when absent;
#   files/  (optional) files the command must leave in $TMP, compared whole.
# RAS_WRAPPER (e.g. "valgrind -q --error-exitcode=99") runs ras under a tool.
# RAS_UPDATE=1 rewrites the expected files from what the binary does now.
set -u
ras=$1
dir=$2
here=$(cd "$(dirname "$0")" && pwd)
export DATA="$here/../data"
export CONFIG="$here/../../config"
TMP=$(mktemp -d)
export TMP
trap 'rm -rf "$TMP"' EXIT
export RAS="${RAS_WRAPPER:-} $ras"
export NO_COLOR=1 LC_ALL=C TZ=UTC
# ras ask keeps its drafts here when it has no -o: in the scratch folder,
# never in the home folder of whoever runs the tests.
export XDG_STATE_HOME="$TMP/state"
# Reports record when they ran: a fixed time keeps their expected output whole.
export SOURCE_DATE_EPOCH=1775044800

cd "$dir" || exit 2
set +e
eval "$RAS $(cat cmd)" >"$TMP/.stdout" 2>"$TMP/.stderr"
status=$?
set -e
want_status=0
[ -f status ] && want_status=$(cat status)

if [ "${RAS_UPDATE:-}" = 1 ]; then
  cp "$TMP/.stdout" stdout
  [ -f stderr ] && cp "$TMP/.stderr" stderr
  [ "$status" != 0 ] && echo "$status" >status
  [ "$status" = 0 ] && rm -f status
  if [ -d files ]; then
    for f in files/*; do cp "$TMP/$(basename "$f")" "$f"; done
  fi
  exit 0
fi

fail=0
if [ "$status" != "$want_status" ]; then
  echo "exit status $status, expected $want_status"
  fail=1
fi
if ! diff -u stdout "$TMP/.stdout"; then
  echo "standard output differs"
  fail=1
fi
if [ -f stderr ] && ! diff -u stderr "$TMP/.stderr"; then
  echo "standard error differs"
  fail=1
fi
if [ -d files ]; then
  for f in files/*; do
    if ! diff -u "$f" "$TMP/$(basename "$f")"; then
      echo "file $(basename "$f") differs"
      fail=1
    fi
  done
fi
if [ "$fail" != 0 ]; then
  echo "--- stderr was:"
  cat "$TMP/.stderr"
fi
exit $fail
