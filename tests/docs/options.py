#!/usr/bin/env python3
"""options.py RAS SOURCE_DIR - the man page and the bash completion know
every option of every command, as `ras COMMAND --help` lists them.

For each command that `ras --help` lists, the options are read from the
lines of `ras COMMAND --help` that begin with two spaces and a dash (the
option column: "  -o, --output FILE   ..."). Then:

- docs/ras.1: every option other than the model options (-m, -q, -s, -h,
  shared by every command and described under OPTIONS) is in the command's
  SYNOPSIS entry, and in its COMMANDS section or under OPTIONS; the model
  options are under OPTIONS; `ras --version` and `ras --help` are in the
  SYNOPSIS.
- contrib/ras.bash-completion, run in bash: `ras COMMAND -<TAB>` offers
  every option of the command, `ras COMMAND --format <TAB>` offers exactly
  the formats its help names, and `ras <TAB>` every command.

A command or option added without its man page entry or completion fails
here, naming what is missing.
"""
import os
import re
import subprocess
import sys

RAS, SRC = sys.argv[1], sys.argv[2]
MAN = os.path.join(SRC, "docs", "ras.1")
COMPLETION = os.path.join(SRC, "contrib", "ras.bash-completion")
MODEL_OPTIONS = {"-m", "--model", "-q", "--questionnaire", "-s", "--scoring", "-h", "--help"}
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")
failures = []


def run(*args):
    p = subprocess.run([RAS, *args], capture_output=True, text=True,
                       env=dict(os.environ, NO_COLOR="1"))
    if p.returncode != 0:
        raise SystemExit("ras %s: exit status %d\n%s" % (" ".join(args), p.returncode, p.stderr))
    return p.stdout


def commands():
    """The commands `ras --help` lists, in its order."""
    out = run("--help")
    block = out.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in block.splitlines() if line.startswith("  ")]


def help_options(command):
    """The options of one command, each a tuple of its names ("-o",
    "--output"), and the formats --format takes."""
    options, formats = set(), []
    for line in run(command, "--help").splitlines():
        if not re.match(r"  -", line):
            continue
        spec = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        found = tuple(OPTION.findall(spec))
        options.add(found)
        if "--format" in found:
            m = re.search(r"--format\s+(\S+)", spec)
            formats = m.group(1).split("|") if m else []
    return options, formats


def plain_troff(text):
    """Man page text with escapes that matter here undone: \\- is a dash,
    font changes go."""
    text = text.replace("\\-", "-")
    return re.sub(r"\\f[BIRP]", "", text)


def man_parts():
    """The SYNOPSIS entry of each command, each COMMANDS section, OPTIONS."""
    lines = plain_troff(open(MAN, encoding="utf-8").read()).splitlines()
    synopsis, sections, section, options = {}, {}, None, []
    part, entry = None, None
    for line in lines:
        if line.startswith(".SH "):
            part, section, entry = line[4:].strip(), None, None
            continue
        if part == "SYNOPSIS":
            m = re.match(r"\.B ras (\S+)", line)
            if m:
                entry = m.group(1)
                synopsis.setdefault(entry, "")
            elif line.startswith(".br"):
                entry = None
            if entry:
                synopsis[entry] += line + "\n"
        elif part == "COMMANDS":
            if line.startswith(".SS "):
                section = line[4:].strip()
                sections[section] = ""
            elif section:
                sections[section] += line + "\n"
        elif part == "OPTIONS":
            options.append(line)
    return synopsis, sections, "\n".join(options)


def has(text, names):
    """True when text names the option by one of its names."""
    return any(re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(n), text) for n in names)


def check_man(cmds, opts):
    synopsis, sections, options = man_parts()
    whole = plain_troff(open(MAN, encoding="utf-8").read())
    for cmd in cmds:
        if cmd not in synopsis:
            failures.append("ras.1: no SYNOPSIS entry for ras %s" % cmd)
        if cmd not in sections:
            failures.append("ras.1: no COMMANDS section (.SS %s)" % cmd)
        for names in sorted(opts[cmd]):
            name = ", ".join(names)
            if set(names) <= MODEL_OPTIONS:
                if not all(has(options, [n]) for n in names):
                    failures.append("ras.1: %s is not under OPTIONS" % name)
                continue
            if not has(synopsis.get(cmd, ""), names):
                failures.append("ras.1: ras %s %s is not in the SYNOPSIS" % (cmd, name))
            if not has(sections.get(cmd, ""), names) and not has(options, names):
                failures.append("ras.1: ras %s %s is described neither in .SS %s nor under "
                                "OPTIONS" % (cmd, name, cmd))
    for opt in ("--version", "--help"):
        if not has(whole.split(".SH DESCRIPTION")[0], ["ras " + opt]):
            failures.append("ras.1: ras %s is not in the SYNOPSIS" % opt)


def complete(words):
    """What the completion offers for the words typed, the last being the
    word under the cursor."""
    script = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); '
              'COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; _ras; '
              'printf "%s\\n" "${COMPREPLY[@]}"')
    p = subprocess.run(["bash", "-c", script, "complete", COMPLETION, *words],
                       capture_output=True, text=True, cwd="/",
                       env=dict(os.environ, PATH=os.path.dirname(os.path.abspath(RAS)) + ":" +
                                os.environ.get("PATH", "")))
    if p.returncode != 0:
        failures.append("completion of %r: bash failed: %s" % (words, p.stderr.strip()))
    return set(filter(None, p.stdout.splitlines()))


def check_completion(cmds, opts, formats):
    offered = complete(["ras", ""])
    for cmd in cmds:
        if cmd not in offered:
            failures.append("completion: ras <TAB> does not offer %s" % cmd)
    for cmd in cmds:
        offered = complete(["ras", cmd, "-"])
        every = {n for names in opts[cmd] for n in names}
        for opt in sorted(every - offered):
            failures.append("completion: ras %s -<TAB> does not offer %s" % (cmd, opt))
        if formats[cmd]:
            offered = complete(["ras", cmd, "--format", ""])
            if offered != set(formats[cmd]):
                failures.append("completion: ras %s --format <TAB> offers %s, not %s" %
                                (cmd, " ".join(sorted(offered)), "|".join(formats[cmd])))


cmds = commands()
opts, formats = {}, {}
for cmd in cmds:
    opts[cmd], formats[cmd] = help_options(cmd)
    if not opts[cmd]:
        failures.append("ras %s --help lists no options: has its layout changed?" % cmd)
check_man(cmds, opts)
check_completion(cmds, opts, formats)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("%d commands, %d options: every one in ras.1 and in the bash completion"
      % (len(cmds), sum(len(o) for o in opts.values())))
