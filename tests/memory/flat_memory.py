#!/usr/bin/env python3
"""flat_memory.py RAS DATA - the reports' memory against the batch's
(docs/performance.md, "Reports"): on the same 300,000 generated rows,
`ras audit` and `ras compare` (with --by, rows and the HTML page) must
peak within 3 MB of `ras batch`, which streams, so neither keeps anything
per row; so must `ras calibrate` of a file, which it reads twice rather
than keep anything per row, while `ras calibrate` of a pipe, which cannot
be read twice and so keeps compact data for every case
(docs/calibration.md, "Memory and speed"), must stay within 48 bytes a
row of it.

Figures, not times: the peak resident memory of each run (ru_maxrss from
wait4), which does not depend on the machine's load. Whatever the
reading layer itself keeps is in the batch's figure too, so only what a
report adds is measured. Exit 0 when all hold, 1 when one does not.
"""
import os
import subprocess
import sys
import tempfile

ROWS = 300_000
SLACK = 3 * 1024 * 1024  # bytes a streaming report may add
CAL_PER_ROW = 48  # bytes a row calibration may add


def make_input(data, path):
    with open(os.path.join(data, "e2e/csv/compare-clean.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    head, rows = lines[0], [l.split(",", 1)[1] for l in lines[1:]]
    with open(path, "w", encoding="utf-8") as out:
        out.write(head + ",recorded_budget,current_cost\n")
        # Line by line: this process stays small, as its children's peaks
        # count what they inherit before they run ras.
        for i in range(ROWS):
            out.write("S%06d,%s,1234.00,%d.00\n" % (i, rows[i % len(rows)], 500 + (i % 97) * 100))


def peak(args, stdin=None):
    """Runs args, standard input a pipe from `cat stdin` if given (a pipe:
    a file, even as standard input, can be read twice); returns its peak
    resident memory in bytes."""
    with open(os.devnull, "wb") as null:
        cat = subprocess.Popen(["cat", stdin], stdout=subprocess.PIPE) if stdin else None
        proc = subprocess.Popen(args, stdin=cat.stdout if cat else null, stdout=null, stderr=null)
        if cat:
            cat.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        if cat:
            cat.wait()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: some rows differ or are in error, as they may
        sys.exit("flat_memory: %s exited with %d" % (" ".join(args), code))
    return usage.ru_maxrss * 1024


def main():
    ras, data = sys.argv[1], sys.argv[2]
    model = os.path.join(data, "e2e/model")
    new = os.path.join(data, "e2e/compare/scoring-new.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        cases = os.path.join(tmp, "cases.csv")
        make_input(data, cases)
        out = lambda name: os.path.join(tmp, name)
        batch = peak([ras, "batch", "-m", model, cases, "-o", out("batch.csv")])
        runs = {
            "audit": ([ras, "audit", "-m", model, cases, "-o", out("audit.csv")], SLACK),
            "compare": (
                [ras, "compare", "-m", model, "--to", new, cases, "--by", "age_band,locality",
                 "-o", out("rows.csv"), "--format", "html", "--report", out("page.html")],
                SLACK,
            ),
            "calibrate": ([ras, "calibrate", "-m", model, cases, "-o", out("cal.txt")], SLACK),
            "calibrate (a pipe)": (
                [ras, "calibrate", "-m", model, "-", "-o", out("cal.txt")],
                CAL_PER_ROW * ROWS,
                cases,
            ),
        }
        failed = False
        print("batch: peak %.1f MB over %d rows" % (batch / 1e6, ROWS))
        for name, (args, allowed, *stdin) in runs.items():
            p = peak(args, *stdin)
            extra = p - batch
            ok = extra <= allowed
            failed = failed or not ok
            print(
                "%s: peak %.1f MB, %+.1f MB on the batch (%.1f bytes a row; at most %.1f MB): %s"
                % (name, p / 1e6, extra / 1e6, extra / ROWS, allowed / 1e6, "ok" if ok else "TOO MUCH")
            )
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
