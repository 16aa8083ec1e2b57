#!/usr/bin/env python3
"""validate.py SOURCE_DIR - checks docs/schema/*.schema.json.

1. Both schemas are valid JSON Schema (draft 2020-12).
2. Every shipped model file (config/*/questionnaire.yaml and scoring*.yaml,
   and the test models) is valid against its schema.
3. Files with faults a schema can see (an unknown key, a missing key, a
   wrong type, a bad money or percentage text) are rejected, so the
   schemas are not merely permissive.

YAML is read the way an editor with YAML 1.2 reads it (dates and yes/no
stay text), which is what the schemas describe. Exits 77 (skipped) when
PyYAML or jsonschema is missing.
"""
import copy
import glob
import json
import os
import re
import sys

try:
    import yaml
    import jsonschema
except ImportError as e:  # not installed: skip, saying how, but never in CI
    print(f"schema test {'failed' if os.environ.get('CI') else 'skipped'}: {e.name} is not "
          "installed (Debian: apt-get install python3-yaml python3-jsonschema, as "
          "scripts/install-deps does)")
    sys.exit(1 if os.environ.get("CI") else 77)


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's dates and yes/no/on/off booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def main():
    src = sys.argv[1]
    schemas = {}
    for kind in ("questionnaire", "scoring"):
        with open(os.path.join(src, "docs", "schema", f"{kind}.schema.json")) as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[kind] = jsonschema.Draft202012Validator(schema)

    failures = 0
    checked = 0
    folders = sorted(glob.glob(os.path.join(src, "config", "*")))
    folders += [os.path.join(src, "tests", "bench", "model"),
                os.path.join(src, "tests", "data", "e2e", "model"),
                os.path.join(src, "tests", "data", "bad", "good")]
    for folder in folders:
        if not os.path.exists(os.path.join(folder, "questionnaire.yaml")):
            continue
        files = [("questionnaire", os.path.join(folder, "questionnaire.yaml"))]
        files += [("scoring", p) for p in sorted(glob.glob(os.path.join(folder, "scoring*.yaml")))]
        for kind, path in files:
            checked += 1
            errors = list(schemas[kind].iter_errors(load(path)))
            for e in errors:
                where = "/".join(str(p) for p in e.absolute_path)
                print(f"{os.path.relpath(path, src)}: {where}: {e.message}")
            failures += len(errors) > 0

    # Faults the schemas must catch, made from the starter model.
    q = load(os.path.join(src, "config", "starter", "questionnaire.yaml"))
    s = load(os.path.join(src, "config", "starter", "scoring.yaml"))
    bad = []

    def mutate(kind, base, what, change):
        doc = copy.deepcopy(base)
        change(doc)
        bad.append((kind, what, doc))

    first_q = lambda d: d["domains"][0]["questions"][0]
    mutate("questionnaire", q, "unknown key 'cpa' in a domain",
           lambda d: d["domains"][0].update(cpa=3))
    mutate("questionnaire", q, "question without text", lambda d: first_q(d).pop("text"))
    mutate("questionnaire", q, "upper-case id", lambda d: first_q(d).update(id="Washing"))
    mutate("questionnaire", q, "reserved question id", lambda d: first_q(d).update(id="group"))
    mutate("questionnaire", q, "negative points",
           lambda d: first_q(d)["answers"][0].update(points=-1))
    mutate("questionnaire", q, "adjust without %",
           lambda d: first_q(d)["answers"][0].update(adjust="-10"))
    mutate("questionnaire", q, "number question with answers",
           lambda d: first_q(d).update(type="number", min=0, max=2, points_per_unit=1))
    mutate("questionnaire", q, "single question with min",
           lambda d: first_q(d).update(min=0))
    mutate("questionnaire", q, "no domains", lambda d: d.update(domains=[]))
    mutate("questionnaire", q, "points as a fraction",
           lambda d: first_q(d)["answers"][0].update(points=1.5))
    mutate("scoring", s, "money with three decimals", lambda d: d.update(floor="1000.005"))
    mutate("scoring", s, "money with a sign", lambda d: d.update(ceiling="-5.00"))
    mutate("scoring", s, "unknown rounding", lambda d: d.update(rounding="nearest"))
    mutate("scoring", s, "group with bands and steps",
           lambda d: d["groups"]["default"].update(steps=[{"from": 0, "amount": 0}]))
    mutate("scoring", s, "group with neither", lambda d: d["groups"].update(empty={}))
    mutate("scoring", s, "group with a title alone",
           lambda d: d["groups"].update(empty={"title": "Empty"}))
    mutate("scoring", s, "group with an empty title",
           lambda d: d["groups"]["default"].update(title=""))
    mutate("scoring", s, "amount in a band",
           lambda d: d["groups"]["default"]["bands"][0].update(amount=5))
    mutate("scoring", s, "no groups", lambda d: d.pop("groups"))
    mutate("scoring", s, "date in the wrong form", lambda d: d.update(effective_from="1/4/2025"))
    mutate("scoring", s, "lower-case currency", lambda d: d.update(currency="gbp"))
    for kind, what, doc in bad:
        checked += 1
        if schemas[kind].is_valid(doc):
            print(f"the {kind} schema accepts a file with a fault: {what}")
            failures += 1

    print(f"schema test: {checked} files checked, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
