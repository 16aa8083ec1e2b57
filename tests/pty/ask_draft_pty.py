#!/usr/bin/env python3
"""ask_draft_pty.py RAS MODEL_DIR - `ras ask` loses nothing, in a real
pseudo-terminal (docs/ask.md, "Drafts").

- Ctrl-C at a prompt asks first ("Leave now?"); n carries on with the same
  prompt, y leaves with status 5 and the draft kept.
- Ctrl-C at that question leaves too.
- Ctrl-D at a prompt asks first as well.
- Before the first answer there is nothing to keep: Ctrl-C ends at once.
- A session killed with SIGKILL mid-way leaves a draft; `ras ask --resume`
  carries on from the same question (b still reaches the answers before
  it) and saves, byte for byte, the case a session in one go saves; the
  draft is then gone.
- --resume of a file that is no draft, or a draft of another
  questionnaire, gives a located error.
"""
import os
import pty
import re
import select
import signal
import sys
import tempfile
import time

RAS, MODEL = sys.argv[1], sys.argv[2]
failures = []

# The whole session, as (text on the screen before we type, what we type).
ANSWERS = [
    ("Client id: ", "C1001"),
    ("Choose 1-2 (Enter: default): ", ""),
    ("New client? [Y/n] ", "n"),
    ("Have the client's needs increased? [y/N] ", "y"),
    ("Existing package, pounds a year (Enter: none): ", "£7,800"),
    ("(Enter: today, ", "04/05/2012"),
    ("Choose 1-3: ", "2"),                     # washing
    ("A whole number from 0 to 7: ", "3"),     # night visits
    ("(Enter: none): ", "1,2"),                # activities
    ("Choose 1-2 (Enter: skip): ", ""),        # hobby
    ("Choose 1-3: ", "2"),                     # carer help
]


def check(cond, what):
    if not cond:
        failures.append(what)


class Session:
    """One `ras ask` in a pseudo-terminal, its screen read as it comes."""

    def __init__(self, args, cwd):
        env = dict(os.environ, TERM="xterm", NO_COLOR="1",
                   XDG_STATE_HOME=os.path.join(cwd, "state"))
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.execvpe(RAS, [RAS, "ask"] + args, env)
        self.screen, self.seen = "", 0
        self.status = None

    def wait_for(self, want, timeout=10.0):
        end = time.time() + timeout
        while want not in self.screen[self.seen:]:
            left = end - time.time()
            if left <= 0:
                raise SystemExit("timed out waiting for %r; screen:\n%s" % (want, self.screen))
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    data = b""
                if not data:
                    raise SystemExit("ras ended waiting for %r; screen:\n%s" % (want, self.screen))
                self.screen += data.decode("utf-8", "replace")
        self.seen = self.screen.index(want, self.seen) + len(want)

    def type(self, text, end="\r"):
        os.write(self.fd, (text + end).encode())

    def key(self, byte):
        os.write(self.fd, byte)

    def answer(self, steps):
        for prompt, reply in steps:
            self.wait_for(prompt)
            self.type(reply)

    def end(self, timeout=30.0):
        """Reads to the end and returns the exit status. A session that
        does not end in time is killed and the test fails, saying where."""
        end = time.time() + timeout
        while True:
            left = end - time.time()
            ready = select.select([self.fd], [], [], max(left, 0))[0] if left > 0 else []
            if not ready:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                os.close(self.fd)
                raise SystemExit("ras did not end; screen:\n%s" % self.screen)
            try:
                data = os.read(self.fd, 4096)
            except OSError:
                break
            if not data:
                break
            self.screen += data.decode("utf-8", "replace")
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        self.status = os.waitstatus_to_exitcode(status)
        return self.status


def whole_session(tmp):
    """The case a session in one go saves: the reference."""
    s = Session(["-m", MODEL, "-o", "whole.yaml"], tmp)
    s.answer(ANSWERS)
    check(s.end() == 0, "whole session: exit status %r" % s.status)
    with open(os.path.join(tmp, "whole.yaml"), "rb") as f:
        return f.read()


def ctrl_c(tmp):
    s = Session(["-m", MODEL, "-o", "c.yaml"], tmp)
    s.answer(ANSWERS[:6])
    s.wait_for("Choose 1-3: ")
    s.key(b"\x03")
    s.wait_for("Leave now? [y/N] ")
    check("Your answers are kept in c.yaml.draft" in s.screen, "Ctrl-C: draft not named")
    check("ras ask --resume c.yaml.draft" in s.screen, "Ctrl-C: --resume not shown")
    s.type("n")                                   # carry on: the same prompt again
    s.wait_for("Choose 1-3: ")
    s.type("2")
    s.wait_for("A whole number from 0 to 7: ")
    s.key(b"\x03")
    s.wait_for("Leave now? [y/N] ")
    s.type("y")
    check(s.end() == 5, "Ctrl-C then y: exit status %r, not 5" % s.status)
    check("left before the end; the answers are kept in c.yaml.draft" in s.screen,
          "Ctrl-C then y: no leaving message")
    draft = os.path.join(tmp, "c.yaml.draft")
    check(os.path.exists(draft), "Ctrl-C: the draft is gone")
    check(not os.path.exists(os.path.join(tmp, "c.yaml")), "Ctrl-C: a case was saved")
    if os.path.exists(draft):
        text = open(draft, encoding="utf-8").read()
        check("# at: answers.night_visits" in text, "Ctrl-C: the draft is not at night_visits")
        check("washing: some" in text, "Ctrl-C: the answer given after n is not kept")

    # A second Ctrl-C at the question leaves as well.
    s = Session(["--resume", "c.yaml.draft"], tmp)
    s.wait_for("A whole number from 0 to 7: ")
    s.key(b"\x03")
    s.wait_for("Leave now? [y/N] ")
    s.key(b"\x03")
    check(s.end() == 5, "second Ctrl-C: exit status %r, not 5" % s.status)
    check(os.path.exists(draft), "second Ctrl-C: the draft is gone")


def ctrl_c_before_any_answer(tmp):
    """Nothing to keep yet: Ctrl-C ends the session at once, status 1."""
    s = Session(["-m", MODEL, "-o", "none.yaml"], tmp)
    s.wait_for("Client id: ")
    s.key(b"\x03")
    check(s.end() == 1, "Ctrl-C before any answer: exit status %r, not 1" % s.status)
    check("interrupted; nothing saved" in s.screen, "Ctrl-C before any answer: no message")
    check(not os.path.exists(os.path.join(tmp, "none.yaml.draft")),
          "Ctrl-C before any answer: a draft was left")


def ctrl_d(tmp):
    s = Session(["-m", MODEL, "-o", "d.yaml"], tmp)
    s.answer(ANSWERS[:3])
    s.wait_for("Have the client's needs increased? [y/N] ")
    s.key(b"\x04")
    s.wait_for("Leave now? [y/N] ")
    s.type("")                                    # Enter: carry on
    s.wait_for("Have the client's needs increased? [y/N] ")
    s.key(b"\x04")
    s.wait_for("Leave now? [y/N] ")
    s.type("y")
    check(s.end() == 5, "Ctrl-D: exit status %r, not 5" % s.status)
    check(os.path.exists(os.path.join(tmp, "d.yaml.draft")), "Ctrl-D: no draft kept")


def killed_and_resumed(tmp, whole):
    s = Session(["-m", MODEL, "-o", "k.yaml"], tmp)
    s.answer(ANSWERS[:8])                         # up to night visits
    s.wait_for("(Enter: none): ")                 # activities asked: the draft is written
    os.kill(s.pid, signal.SIGKILL)
    s.end()
    check(s.status == -signal.SIGKILL, "kill: status %r" % s.status)
    draft = os.path.join(tmp, "k.yaml.draft")
    check(os.path.exists(draft), "kill: no draft left")
    check(not os.path.exists(os.path.join(tmp, "k.yaml")), "kill: a case was saved")
    leftovers = [n for n in os.listdir(tmp) if n.startswith("k.yaml.draft.")]
    check(not leftovers, "kill: temporaries left: %r" % leftovers)
    if not os.path.exists(draft):
        return
    s = Session(["--resume", draft], tmp)
    s.wait_for("Carrying on from %s." % draft)
    s.wait_for("Question 3 of 5: Which activities do you need support with?")
    s.wait_for("(Enter: none): ")
    s.type("b")                                   # back to the answer before the kill
    s.wait_for("Earlier answer: 3 (Enter keeps it)")
    s.wait_for("A whole number from 0 to 7: ")
    s.type("")
    s.answer(ANSWERS[8:])
    check(s.end() == 0, "resume: exit status %r" % s.status)
    saved = os.path.join(tmp, "k.yaml")
    check("The answers were saved to %s." % saved in s.screen, "resume: not saved to -o's file")
    check(not os.path.exists(draft), "resume: the draft was not removed")
    if os.path.exists(saved):
        with open(saved, "rb") as f:
            check(f.read() == whole, "resume: the case differs from a session in one go")


def bad_drafts(tmp):
    case = os.path.join(tmp, "plain.yaml")
    with open(case, "w") as f:
        f.write("client:\n  id: C1\nanswers: {}\n")
    s = Session(["--resume", case, "-m", MODEL], tmp)
    check(s.end() == 1, "not a draft: exit status %r" % s.status)
    check(re.search(r"plain\.yaml:1:1: this is not a draft", s.screen),
          "not a draft: no located error:\n" + s.screen)
    foreign = os.path.join(tmp, "carer.draft")
    with open(foreign, "w") as f:
        f.write("# ras ask draft\n# at: answers.health_impact\n"
                "questionnaire: carers-saq\nclient:\n  id: K1\nanswers: {}\n")
    s = Session(["--resume", foreign, "-m", MODEL], tmp)
    check(s.end() == 1, "foreign draft: exit status %r" % s.status)
    check(re.search(r"carer\.draft:3:16: this case was answered on carers-saq", s.screen),
          "foreign draft: no located error:\n" + s.screen)


with tempfile.TemporaryDirectory() as tmp:
    whole = whole_session(tmp)
    ctrl_c(tmp)
    ctrl_c_before_any_answer(tmp)
    ctrl_d(tmp)
    killed_and_resumed(tmp, whole)
    bad_drafts(tmp)
    check(not os.path.exists(os.path.join(tmp, "state")), "a draft went to the state folder")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ask drafts in a pseudo-terminal: Ctrl-C, Ctrl-D, kill and resume, bad drafts passed")
