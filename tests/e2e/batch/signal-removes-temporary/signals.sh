#!/usr/bin/env bash
# For each of SIGINT, SIGTERM and SIGHUP: a batch -o reads from a FIFO this
# script keeps open, so the run is surely mid-way (its temporary made, the
# input not ended) when the signal comes. Afterwards the temporary must be
# gone, the old output and another run's temporary untouched, and ras must
# have died of that signal.
set -u
set -m # background jobs keep SIGINT (a script's would ignore it)
cd "$TMP" || exit 2
for sig in INT TERM HUP; do
  rm -rf run && mkdir run && cd run || exit 2
  mkfifo in.csv
  echo 'old budgets' >out.csv
  echo 'another run' >out.csv.other
  # Opened for reading and writing, which does not wait for a reader: the
  # script goes on even if ras never opens it.
  exec 3<>in.csv
  $RAS batch -m "$DATA/e2e/model" in.csv -o out.csv 2>/dev/null &
  pid=$!
  head -n 1 "$DATA/e2e/csv/clean.csv" >&3
  for i in $(seq 1 1000); do echo "C$i,some,3,shopping,none"; done >&3
  # Wait (up to a minute, for a loaded machine) for the run's own
  # temporary, while the run is alive.
  for _ in $(seq 1 1200); do
    ls out.csv.?????? 2>/dev/null | grep -qv other && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  made=$(ls out.csv.?????? 2>/dev/null | grep -cv other)
  kill -s "$sig" "$pid"
  # A signal ignored by whoever started the tests is ignored by ras too:
  # never hang on it (the status then shows SIGKILL).
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -s KILL "$pid" 2>/dev/null
  wait "$pid"
  status=$?
  exec 3>&-
  echo "SIG$sig: temporary made $made, exit status $status, left: $(ls | tr '\n' ' ')"
  cat out.csv out.csv.other
  cd .. || exit 2
done
