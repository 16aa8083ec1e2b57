#!/usr/bin/env bash
# page_test.sh OUT.html COMMAND... -- EXPECTED... - runs COMMAND (a ras
# command line that writes an HTML page on standard output) into OUT.html,
# then checks the page with check_html.sh (in a browser, printed, read
# back). A failing COMMAND fails the test. This is what browser.cmake
# registers; any command's HTML output can be checked the same way.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=$1
shift
cmd=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  cmd+=("$1")
  shift
done
[ $# -gt 0 ] && shift
mkdir -p "$(dirname "$out")"
if ! "${cmd[@]}" >"$out"; then
  echo "page_test: '${cmd[*]}' failed" >&2
  exit 1
fi
exec bash "$here/check_html.sh" "$out" "$@"
