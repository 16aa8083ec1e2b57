#!/usr/bin/env python3
"""ask_pty.py RAS MODEL_DIR - drives `ras ask` in a real pseudo-terminal.

Answers each prompt only once it is on the screen, the way a person would,
and checks what the terminal showed: the prompts, the running totals, the
budget, colour when NO_COLOR is unset and none when it is set, and that the
saved case reads back through `ras score` to the same budget.
"""
import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import time

RAS, MODEL = sys.argv[1], sys.argv[2]

# (text that must be on the screen before we type, what we type)
SCRIPT = [
    ("Client id: ", "C1001"),
    ("Choose 1-2 (Enter: default): ", ""),
    ("New client? [Y/n] ", "n"),      # not new: the two questions below are asked
    ("Have the client's needs increased? [y/N] ", "y"),
    ("Existing package, pounds a year (Enter: none): ", ""),
    ("Assessment date, day/month/year or YYYY-MM-DD (Enter: today, ", "b"),  # back: the earlier reply is offered
    ("Earlier answer: none (Enter keeps it)", ""),
    ("Assessment date, day/month/year or YYYY-MM-DD (Enter: today, ", "2012-05-04"),
    ("Choose 1-3: ", "9"),            # out of range: re-prompted
    ("Choose 1-3: ", "2"),
    ("A whole number from 0 to 7: ", "b"),  # back to the first question
    ("Earlier answer: 2 (Enter keeps it)", ""),  # Enter keeps it
    ("A whole number from 0 to 7: ", "3"),
    ("(Enter: none): ", "1,2"),
    ("Choose 1-2 (Enter: skip): ", ""),
    ("Choose 1-3: ", "2"),
]


def read_until(fd, want, screen, timeout=10.0):
    """Reads from the terminal until `want` appears after what was seen."""
    end = time.time() + timeout
    while want not in screen[0][screen[1]:]:
        left = end - time.time()
        if left <= 0:
            raise SystemExit("timed out waiting for %r; screen:\n%s" % (want, screen[0]))
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            if not data:
                raise SystemExit("ras ended waiting for %r; screen:\n%s" % (want, screen[0]))
            screen[0] += data.decode("utf-8", "replace")
    screen[1] = screen[0].index(want, screen[1]) + len(want)


def drain(pid, fd, screen, timeout=30.0):
    """Reads until the program ends; its wait status. One that does not
    end in time is killed and the test fails, showing the screen."""
    end = time.time() + timeout
    while True:
        left = end - time.time()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            raise SystemExit("ras did not end; screen:\n%s" % screen[0])
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        screen[0] += data.decode("utf-8", "replace")
    return os.waitpid(pid, 0)[1]


def session(no_color, out_path):
    env = dict(os.environ, TERM="xterm")
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(RAS, [RAS, "ask", "-m", MODEL, "-o", out_path], env)
    screen = ["", 0]
    for prompt, reply in SCRIPT:
        read_until(fd, prompt, screen)
        os.write(fd, (reply + "\r").encode())
    read_until(fd, "Panel", screen)
    status = drain(pid, fd, screen)
    return screen[0], os.waitstatus_to_exitcode(status)


failures = []


def replace_session(path, reply):
    """-o naming a file that exists: asked first; returns (screen, status)."""
    env = dict(os.environ, TERM="xterm", NO_COLOR="1")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(RAS, [RAS, "ask", "-m", MODEL, "-o", path], env)
    screen = ["", 0]
    read_until(fd, "Replace it with these answers? [y/N] ", screen)
    os.write(fd, (reply + "\r").encode())
    read_until(fd, "Client id: " if reply == "y" else "is kept", screen)
    if reply == "y":
        os.kill(pid, 9)
    status = drain(pid, fd, screen)
    return screen[0], status


def check(cond, what):
    if not cond:
        failures.append(what)


with tempfile.TemporaryDirectory() as tmp:
    for no_color in (False, True):
        saved = os.path.join(tmp, "case-%d.yaml" % no_color)
        screen, status = session(no_color, saved)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", screen)
        label = "NO_COLOR" if no_color else "colour"
        check(status == 0, "%s: exit status %d" % (label, status))
        check("please choose a number from 1 to 3" in plain.lower()
              or "1 to 3" in plain, "%s: no re-prompt reason shown" % label)
        check("Running total: 13 points" in plain, "%s: no running total" % label)
        check("Your indicative personal budget is £" in plain, "%s: no budget shown" % label)
        has_escape = "\x1b[" in screen
        check(has_escape != no_color, "%s: colour escapes %s" %
              (label, "present" if has_escape else "missing"))
        check(os.path.exists(saved), "%s: case not saved" % label)
        if os.path.exists(saved):
            scored = subprocess.run([RAS, "score", "-m", MODEL, saved],
                                    capture_output=True, text=True,
                                    env=dict(os.environ, NO_COLOR="1"))
            check(scored.returncode == 0, "%s: saved case does not score" % label)
            yearly = re.search(r"personal budget is (\S+)", plain)
            again = re.search(r"personal budget is (\S+)", scored.stdout)
            check(yearly and again and yearly.group(1) == again.group(1),
                  "%s: budget differs when the saved case is scored" % label)

with tempfile.TemporaryDirectory() as tmp:
    kept = os.path.join(tmp, "C1.yaml")
    with open(kept, "w") as f:
        f.write("earlier client\n")
    screen, status = replace_session(kept, "n")
    check(os.waitstatus_to_exitcode(status) == 1, "replace n: exit status %r" % status)
    check(open(kept).read() == "earlier client\n", "replace n: the file was changed")
    screen, status = replace_session(kept, "y")
    check("Client id: " in screen, "replace y: the session did not start")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ask in a pseudo-terminal: 4 sessions passed")
