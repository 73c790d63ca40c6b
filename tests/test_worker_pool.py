"""Warm workers (autograder.worker_pool): each submission's worker is forked from a process that has
the assignment's imports, and keeps every promise of a fresh sandboxed worker.

Two submissions forked from one zygote and alive at the same time try everything on each other (see
each other's processes, signal them, read or write each other's files, talk over the network or an
abstract socket); the sandbox attacks of test_sandbox.py are graded again through the pool; and the
pool grades every kind of notebook exactly as fresh workers do.  `tests/test_worker.py` also runs
its whole worker contract through the pool (its `warm` parameter).
"""
from __future__ import annotations

import contextlib

import pytest

from autograder.assignments import Assignment, Limits
from autograder.extract import extract
from autograder.notebook import Cell, Notebook
from autograder.pipeline import grade_notebook
from autograder.results import StudentError
from autograder.sandbox import PlainLauncher
from autograder.worker_client import WorkerStudent
from autograder.worker_pool import WarmPool
from helpers import sandbox_launcher, warm_pool
from test_sandbox import CORRECT, FORKER, THIEF, with_predict
from tools import submissions

SPY = r'''
import os, signal, socket
import numpy as np

def note(text):
    """Leave a file in this worker's own scratch directory, and listen on an abstract socket."""
    global listener
    with open("note.txt", "w") as f:
        f.write(text)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind("\0autograder-" + text)
    listener.listen(1)
    return {"cwd": os.getcwd(), "uid": os.getuid(), "pid": os.getpid()}

def read_note():
    return open("note.txt").read()

def attempt(fn):
    try:
        return ("done", repr(fn()))
    except Exception as e:
        return ("refused", type(e).__name__)

def spy(other, other_text):
    """Everything one submission can try against another graded at the same time."""
    seen = {}
    seen["pids"] = sorted(p for p in os.listdir("/proc") if p.isdigit())
    killed = 0
    for pid in range(2, 5000):
        try:
            os.kill(pid, signal.SIGKILL)
            killed += 1
        except OSError:
            pass
    seen["killed"] = killed
    seen["kill_all"] = attempt(lambda: os.kill(-1, signal.SIGKILL))
    seen["read"] = attempt(lambda: open(os.path.join(other["cwd"], "note.txt")).read())
    seen["write"] = attempt(lambda: open(os.path.join(other["cwd"], "note.txt"), "w").write("overwritten"))
    seen["list_other"] = attempt(lambda: os.listdir(other["cwd"]))
    seen["list_parent"] = attempt(lambda: os.listdir(os.path.dirname(os.getcwd())))
    seen["abstract"] = attempt(lambda: socket.socket(socket.AF_UNIX).connect("\0autograder-" + other_text))
    seen["loopback"] = attempt(lambda: socket.create_connection(("127.0.0.1", 22), timeout=1))
    seen["ptrace"] = attempt(lambda: open(f"/proc/{other['pid']}/mem", "rb").read(1))
    seen["setuid"] = attempt(lambda: os.setuid(other["uid"]))
    status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
    seen["caps"] = [status[k].strip() for k in ("CapEff", "CapPrm", "CapBnd")]
    seen["no_new_privs"] = status["NoNewPrivs"].strip()
    seen["uid"] = os.getuid()
    return seen

def hang():
    while True:
        pass
'''

LIMITS = Limits(call_timeout=5, load_timeout=60, memory_mb=512)


def student(pool):
    program = extract(Notebook("x", (Cell(0, 1, "code", SPY),), {}))
    return WorkerStudent(program, Assignment("test", "test", limits=LIMITS), pool)


@pytest.mark.parametrize("zygotes", [1, 2], ids=["one warm worker", "two grader processes' warm workers"])
def test_two_submissions_forked_at_once_cannot_reach_each_other(zygotes):
    """Two submissions graded at once, forked by one warm worker (threads of one grader) or by two
    (the grader processes of a NumPy chapter's class, each with its own pool)."""
    pool = warm_pool()
    with contextlib.ExitStack() as stack:
        second = pool if zygotes == 1 else stack.enter_context(WarmPool(sandbox_launcher()))
        ann, bob = stack.enter_context(student(pool)), stack.enter_context(student(second))
        ann_info, bob_info = ann.call("note", "ann"), bob.call("note", "bob")
        assert ann_info["uid"] != bob_info["uid"] and ann_info["cwd"] != bob_info["cwd"]
        for spy, other, other_text in ((ann, bob_info, "bob"), (bob, ann_info, "ann")):
            seen = spy.call("spy", other, other_text)
            assert seen["pids"] == ["1"], seen                      # its own PID namespace, and it is PID 1
            assert seen["killed"] == 0 and seen["kill_all"] == ("refused", "ProcessLookupError")  # nobody to kill
            for attack in ("read", "write", "list_other", "list_parent", "abstract", "loopback", "ptrace", "setuid"):
                assert seen[attack][0] == "refused", (attack, seen[attack])
            assert seen["caps"] == ["0000000000000000"] * 3 and seen["no_new_privs"] == "1"
        assert ann.call("read_note") == "ann" and bob.call("read_note") == "bob"   # both untouched
        assert ann.restarts == bob.restarts == 0


def test_a_hang_or_crash_costs_that_submission_only():
    pool = warm_pool()
    with student(pool) as ann, student(pool) as bob:
        ann.call("note", "ann-2")
        with pytest.raises(StudentError) as info:
            bob.call("hang")
        assert info.value.kind == "timeout"
        assert ann.call("read_note") == "ann-2" and ann.restarts == 0
        assert bob.call("note", "bob-2")["cwd"]            # bob's next call: a fresh fork
        assert bob.restarts == 1


def report(nb: dict, tmp_path, launcher, chapter: str = "ch04"):
    path = submissions.write(nb, tmp_path / f"{chapter}.ipynb")
    return grade_notebook(path, chapter, seed=5, lang="en", launcher=launcher)


def outcome(report) -> list:
    return [(t.name, t.score, t.status, t.diagnosis) for t in report.tests]


@pytest.mark.parametrize("chapter,mistake", [("ch04", "ch04.propagate.cost_missing_1_over_m"),
                                             ("ch05", "ch05.back_propagation.tanh_derivative_from_Z1")])
def test_the_pool_grades_as_fresh_workers_do(tmp_path, chapter, mistake):
    fresh, pool = sandbox_launcher(), warm_pool()
    for nb in (submissions.perfect(chapter), submissions.stub(chapter), submissions.with_mistakes(chapter, [mistake])):
        assert outcome(report(nb, tmp_path, pool, chapter)) == outcome(report(nb, tmp_path, fresh, chapter))
    assert not pool.unavailable and "warm" in pool.description


def function_score(report, function: str) -> float:
    return sum(t.score for t in report.tests if t.function == function)


def others_full(report, *functions: str) -> bool:
    return all(t.score == t.max_score for t in report.tests if t.function not in functions)


def test_the_sandbox_attacks_fail_in_forked_workers_too(tmp_path):
    pool = warm_pool()
    thief = submissions.stub("ch04")
    thief["cells"].append({"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                           "source": THIEF})
    assert function_score(report(thief, tmp_path, pool), "propagate") == 0
    forker = report(with_predict(FORKER), tmp_path, pool)
    assert others_full(forker)                                        # the process limit held
    hog = report(with_predict("    chunks = []\n    while True:\n        chunks.append(np.ones(10**7))\n"),
                 tmp_path, pool)
    assert others_full(hog, "predict") and function_score(hog, "predict") == 0
    assert {t.diagnosis for t in hog.tests if t.function == "predict"} == {"memory"}
    parent = "    import os, signal\n    try:\n        os.kill(os.getppid(), signal.SIGKILL)\n    except OSError:\n        pass\n"
    assert others_full(report(with_predict(parent + CORRECT), tmp_path, pool))
    assert not pool.unavailable


class NoZygote(PlainLauncher):
    """A launcher whose warm worker cannot start (as in a sandbox without the capabilities it needs)."""

    def zygote_command(self, argv, root):
        return ["/bin/false"]


def test_without_a_zygote_workers_start_fresh_and_grading_goes_on(tmp_path):
    with WarmPool(NoZygote()) as pool:
        graded = report(submissions.perfect("ch04"), tmp_path, pool)
        assert graded.score == graded.max_score > 0
        assert pool.unavailable and "warm" not in pool.description


def test_a_plain_pool_grades_too(tmp_path):
    with WarmPool(PlainLauncher()) as pool:
        graded = report(submissions.perfect("ch04"), tmp_path, pool)
        assert graded.score == graded.max_score > 0 and not pool.unavailable


def test_a_dead_zygote_is_started_again(tmp_path):
    with WarmPool(PlainLauncher()) as pool:
        report(submissions.perfect("ch04"), tmp_path, pool)
        (zygote,) = pool._zygotes.values()
        zygote._proc.kill()
        zygote._proc.wait()
        graded = report(submissions.perfect("ch04"), tmp_path, pool)
        assert graded.score == graded.max_score and list(pool._zygotes.values()) != [zygote]
