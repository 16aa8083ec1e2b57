#!/usr/bin/python3
"""agree.py RAS CONFIG_DIR [CASES] [SEED] - every way into ras prices a case alike.

Random cases for the built-in models (adult and carers) are scored five
ways, and each budget must agree to the penny with the others:

  1. ras score on the case as YAML,
  2. ras score on the same case as JSON (as Python's json.dumps writes it,
     a client id beyond U+FFFF as a surrogate pair),
  3. ras batch on a CSV of all the cases,
  4. ras audit on that CSV, its recorded_budget the YAML score's budget:
     a row it lists is one whose budget it works out differently,
  5. ras ask, its replies piped to standard input.

CASES (default 200) cases in all, half for each model; SEED (default 15)
makes the run the same every time. Exits 1 on the first disagreement,
saying which case and what each way gave. Needs Debian's python3 with
python3-yaml (the models' questions are read from CONFIG_DIR); exits 77
(skipped) without it, unless CI is set.
"""
import csv
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # skipped, saying how to install it, but never in CI
    print("agree.py: python3-yaml is not installed (scripts/install-deps installs it)")
    sys.exit(1 if os.environ.get("CI") else 77)

RAS = os.path.abspath(sys.argv[1])
CONFIG = sys.argv[2]
CASES = int(sys.argv[3]) if len(sys.argv) > 3 else 200
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 15
ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", TZ="UTC")
# ras ask keeps a draft of a session its input ends early: here, not in
# the home folder of whoever runs the tests.
STATE = tempfile.TemporaryDirectory()
ENV["XDG_STATE_HOME"] = STATE.name
FIELDS = ["client_id", "group", "new_client", "needs_increased", "existing_package", "assessed_on"]


def ras(*args, stdin=None):
    p = subprocess.run([RAS, *args], input=stdin, capture_output=True, env=ENV)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def pence(text):
    """'£2,592.00' or '2592.00' as whole pence."""
    text = text.replace("£", "").replace(",", "").strip()
    pounds, _, p = text.partition(".")
    return int(pounds) * 100 + int((p + "00")[:2])


def load_model(name):
    folder = os.path.join(CONFIG, name)
    with open(os.path.join(folder, "questionnaire.yaml"), encoding="utf-8") as f:
        q = yaml.load(f, Loader=yaml.BaseLoader)  # every scalar as text
    tables = []
    for fn in sorted(os.listdir(folder)):
        if fn.startswith("scoring") and fn.endswith(".yaml"):
            with open(os.path.join(folder, fn), encoding="utf-8") as f:
                t = yaml.load(f, Loader=yaml.BaseLoader)
            # Only the tables of questionnaire.yaml's version: cases are
            # answered on it (older versions: docs/model-format.md section 4).
            if t.get("questionnaire_version", q["version"]) == q["version"]:
                tables.append(t)
    questions = [question for d in q["domains"] for question in d["questions"]]
    groups = set.intersection(*(set(t["groups"]) for t in tables))
    # ras ask lists a group by its title when it has one.
    titles = {g.get("title", n) if isinstance(g, dict) else n: n for t in tables for n, g in t["groups"].items()}
    dates = sorted(t.get("effective_from", "2000-01-01") for t in tables)
    return {"name": name, "questions": questions, "groups": sorted(groups), "first": dates[0],
            "titles": titles}


def group_menu(model):
    """The group names in the order ras ask lists them (its latest table)."""
    _, out, _ = ras("ask", "-m", model["name"], stdin=b"X\n")
    if "Client group:" not in out:
        return []
    shown = re.findall(r"^  \d+\) (.+)$", out.split("Client group:")[1].split("Choose")[0], re.M)
    return [model["titles"].get(t, t) for t in shown]


def random_case(rng, model, i):
    odd = ["\U00020BB7", "é", "\u00a3", ""]
    case = {"client_id": f"P{model['name'][0].upper()}{i:04d}{rng.choice(odd)}"}
    case["group"] = rng.choice(model["groups"] + [""] * 2) if "default" in model["groups"] else rng.choice(model["groups"])
    case["new_client"] = rng.choice(["yes", "no"])
    case["needs_increased"] = rng.choice(["yes", "no"])
    case["existing_package"] = rng.choice(["", f"{rng.randint(0, 40000)}.{rng.randint(0, 99):02d}"])
    year = int(model["first"][:4])
    case["assessed_on"] = rng.choice(["", model["first"], f"{rng.randint(year + 1, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
    answers = {}
    for q in model["questions"]:
        kind = q.get("type", "single")
        required = q.get("required", "true") == "true"
        if not required and rng.random() < 0.3:
            continue
        if kind == "number":
            answers[q["id"]] = rng.randint(int(q["min"]), int(q["max"]))
        elif kind == "multiple":
            ids = [a["id"] for a in q["answers"]]
            answers[q["id"]] = [a for a in ids if rng.random() < 0.4]
        else:
            answers[q["id"]] = rng.choice([a["id"] for a in q["answers"]])
    case["answers"] = answers
    return case


def as_yaml(case):
    lines = ["client:", f"  id: \"{case['client_id']}\""]
    for f in FIELDS[1:]:
        if case[f]:
            lines.append(f"  {f}: {case[f]}")
    lines.append("answers:")
    for k, v in case["answers"].items():
        lines.append(f"  {k}: [{', '.join(v)}]" if isinstance(v, list) else f"  {k}: {v}")
    return "\n".join(lines) + "\n"


def as_json(case):
    client = {"id": case["client_id"]}
    for f in FIELDS[1:]:
        if case[f]:
            client[f] = case[f]
    return json.dumps({"client": client, "answers": case["answers"]})  # ensure_ascii: pairs


def as_row(model, case):
    row = [case[f] for f in FIELDS]
    for q in model["questions"]:
        v = case["answers"].get(q["id"], "")
        row.append(";".join(v) if isinstance(v, list) else str(v))
    return row


def ask_replies(model, menu, case):
    r = [case["client_id"]]
    if len(menu) > 1:
        r.append(str(menu.index(case["group"]) + 1) if case["group"] else "")
    r.append("y" if case["new_client"] == "yes" else "n")
    if case["new_client"] != "yes":  # asked only of a client who is not new
        r += ["y" if case["needs_increased"] == "yes" else "n", case["existing_package"]]
    r.append(case["assessed_on"])
    for q in model["questions"]:
        v = case["answers"].get(q["id"])
        kind = q.get("type", "single")
        ids = [a["id"] for a in q.get("answers", [])]
        if v is None:
            r.append("")
        elif kind == "number":
            r.append(str(v))
        elif kind == "multiple":
            r.append(",".join(str(ids.index(a) + 1) for a in v))
        else:
            r.append(str(ids.index(v) + 1))
    return ("\n".join(r) + "\n").encode("utf-8")


def check(model, cases, work):
    name = model["name"]
    menu = group_menu(model)
    got = {c["client_id"]: {} for c in cases}
    for i, c in enumerate(cases):
        for kind, text in (("yaml", as_yaml(c)), ("json", as_json(c))):
            path = os.path.join(work, f"{name}-{i}.{kind}")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            rc, out, err = ras("score", "-m", name, path, "--format", "json")
            got[c["client_id"]][f"score {kind}"] = pence(json.loads(out)["indicative_budget"]) if rc == 0 else err.strip()
        rc, out, err = ras("ask", "-m", name, stdin=ask_replies(model, menu, c))
        # The statement's first sentence (docs/statement.md): the budget, or none.
        m = re.search(r"^Your indicative personal budget is (£[\d,]+(?:\.\d\d)?) a year", out, re.M)
        none = re.search(r"^You do not have an indicative personal budget", out, re.M)
        got[c["client_id"]]["ask"] = (pence(m.group(1)) if m else 0) if rc == 0 and (m or none) \
            else (err.strip() or out[-300:])
    header = FIELDS + [q["id"] for q in model["questions"]]
    path = os.path.join(work, f"{name}.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header + ["recorded_budget"])
        for c in cases:
            first = got[c["client_id"]]["score yaml"]
            recorded = f"{first // 100}.{first % 100:02d}" if isinstance(first, int) else "0.00"
            w.writerow(as_row(model, c) + [recorded])
    _, out, _ = ras("batch", "-m", name, path)
    for row in csv.DictReader(io.StringIO(out.split("\nbatch summary:")[0] + "\n")):
        got[row["client_id"]]["batch"] = pence(row["indicative_budget"]) if row["status"] == "ok" else row["message"]
    _, out, _ = ras("audit", "-m", name, path)
    for c in cases:  # consistent rows are not listed: the recorded budget stands
        got[c["client_id"]]["audit"] = got[c["client_id"]]["score yaml"]
    for row in csv.DictReader(io.StringIO(out)):
        got[row["client_id"]]["audit"] = pence(row["recomputed"]) if row["recomputed"] else row["reason"]
    bad = 0
    for c in cases:
        ways = got[c["client_id"]]
        values = set(ways.values())
        if len(ways) != 5 or len(values) != 1 or not isinstance(next(iter(values)), int):
            bad += 1
            print(f"{name}: case {c['client_id']!r} disagrees: {ways}")
            print(as_yaml(c))
    return bad


def main():
    rng = random.Random(SEED)
    bad = 0
    with tempfile.TemporaryDirectory() as work:
        for k, name in enumerate(["adult", "carers"]):
            model = load_model(name)
            n = CASES // 2 + (CASES % 2 if k == 0 else 0)
            cases = [random_case(rng, model, i) for i in range(n)]
            wrong = check(model, cases, work)
            bad += wrong
            print(f"{name}: {n} cases; score (YAML, JSON), batch, audit and ask agree on {n - wrong}")
    sys.exit(1 if bad else 0)


main()
