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
  $RAS batch -m "$DATA/e2e/model" in.csv -o out.csv 2>/dev/null &
  pid=$!
  exec 3>in.csv
  head -n 1 "$DATA/e2e/csv/clean.csv" >&3
  for i in $(seq 1 2000); do echo "C$i,some,3,shopping,none"; done >&3
  # Wait (up to 20 s) for the run's own temporary.
  for _ in $(seq 1 400); do
    ls out.csv.?????? 2>/dev/null | grep -qv other && break
    sleep 0.05
  done
  made=$(ls out.csv.?????? 2>/dev/null | grep -cv other)
  kill -s "$sig" "$pid"
  wait "$pid"
  status=$?
  exec 3>&-
  echo "SIG$sig: temporary made $made, exit status $status, left: $(ls | tr '\n' ' ')"
  cat out.csv out.csv.other
  cd .. || exit 2
done
