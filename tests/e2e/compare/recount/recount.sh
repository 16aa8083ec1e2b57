#!/usr/bin/env bash
# compare's figures against two runs of `ras batch`, one under each table
# alone: its totals must equal batch's, and its counts of cases gaining
# and losing more than 0%, 5% and 10% must equal a re-count from the two
# batch outputs (same rows, same order). Run by run_case.sh ($RAS, $TMP).
set -u
data=../../../data/e2e
q=$data/model/questionnaire.yaml
old=$data/model/scoring-2012.yaml
new=$data/compare/scoring-new.yaml
cases=$data/csv/compare.csv
$RAS batch -q "$q" -s "$old" "$cases" -o "$TMP/old.csv" 2>"$TMP/old.err"
$RAS batch -q "$q" -s "$new" "$cases" -o "$TMP/new.csv" 2>"$TMP/new.err"
$RAS compare -q "$q" -s "$old" --to "$new" "$cases" --format json >"$TMP/cmp.json" 2>/dev/null
# batch's totals, as compare prints amounts: "1234.00"
total() { sed -n 's/^ *total budget *£//p' "$1" | tr -d ','; }
echo "batch, old table: $(total "$TMP/old.err")"
echo "batch, new table: $(total "$TMP/new.err")"
# compare's figures for all: the first "all" object of the JSON
grep -o '"all": {"name": "all", "cases": [0-9]*, "before": "[0-9.]*", "after": "[0-9.]*"' \
  "$TMP/cmp.json" | sed 's/.*"cases": \([0-9]*\), "before": "\([0-9.]*\)", "after": "\([0-9.]*\)"/compare: cases \1, before \2, after \3/'
grep -o '"all": {.*' "$TMP/cmp.json" | head -1 |
  grep -o '"\(gaining\|losing\)": \[[^]]*\]' | sed 's/"total": "[-0-9.]*"//g; s/"more_than_pct": //g'
# The re-count: budgets are column 5 of both outputs; ok rows only.
paste -d, <(cut -d, -f2,5 "$TMP/old.csv") <(cut -d, -f2,5 "$TMP/new.csv") | tail -n +2 | awk -F, '
  $1 == "ok" && $3 == "ok" {
    b = $2 * 100; a = $4 * 100; d = a - b
    for (i = 0; i < 3; i++) {
      p = i * 5
      if (d > 0 && d * 100 > p * b) up[i]++
      if (d < 0 && -d * 100 > p * b) dn[i]++
    }
  }
  END { printf "re-count: gaining %d %d %d, losing %d %d %d\n", up[0], up[1], up[2], dn[0], dn[1], dn[2] }'
