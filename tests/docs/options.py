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

- An option that `--help` says may be repeated ("repeat ...", such as -q
  and -s) says so in its ras.1 entry under OPTIONS too, and the completion
  offers it again once it has been given; an OPTIONS entry that says
  "repeat" belongs to an option some `--help` says so of.

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


def repeated_options(command):
    """The options `ras COMMAND --help` says may be repeated: those whose
    description (the option's line and the lines under it) says "repeat"."""
    found, current = set(), None
    for line in run(command, "--help").splitlines():
        if re.match(r"  -", line):
            spec = re.split(r"\s{2,}", line.strip(), maxsplit=1)
            current = tuple(OPTION.findall(spec[0]))
            text = spec[1] if len(spec) > 1 else ""
        elif current and re.match(r"\s{6,}\S", line):
            text = line
        else:
            current = None
            continue
        if re.search(r"\brepeat", text, re.I):
            found.add(current)
    return found


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


def man_option_entries():
    """Each .TP entry under OPTIONS: (the names it gives, its text)."""
    options = man_parts()[2]
    entries = []
    for block in options.split(".TP\n")[1:]:
        head, _, body = block.partition("\n")
        entries.append((set(OPTION.findall(head)), body))
    return entries


def check_repeated(cmds, repeated):
    entries = man_option_entries()
    every = {names for cmd in cmds for names in repeated[cmd]}
    for names in sorted(every):
        said = [body for heads, body in entries if heads & set(names)]
        if not any(re.search(r"\brepeat", body, re.I) for body in said):
            failures.append("ras.1: %s may be repeated (--help says so) but its entry "
                            "under OPTIONS does not say so" % ", ".join(names))
    named = {n for names in every for n in names}
    for heads, body in entries:
        if re.search(r"\brepeat", body, re.I) and heads and not heads & named:
            failures.append("ras.1: the OPTIONS entry of %s says it may be repeated, but no "
                            "--help says so" % ", ".join(sorted(heads)))
    for cmd in cmds:
        for names in sorted(repeated[cmd]):
            offered = complete(["ras", cmd, names[0], "x.yaml", "-"])
            if names[0] not in offered:
                failures.append("completion: ras %s %s x.yaml -<TAB> does not offer %s again"
                                % (cmd, names[0], names[0]))


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
check_repeated(cmds, {cmd: repeated_options(cmd) for cmd in cmds})

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("%d commands, %d options: every one in ras.1 and in the bash completion"
      % (len(cmds), sum(len(o) for o in opts.values())))
