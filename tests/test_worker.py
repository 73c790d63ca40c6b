"""The worker process: calls cross as data, and every failure fails one call only."""
import time

import numpy as np
import pytest

from autograder.assignments import Assignment, Limits
from autograder.extract import extract
from autograder.results import StudentError
from autograder.notebook import Cell, Notebook
from autograder.worker_client import WorkerStudent
from helpers import launchers, make_launcher

SOURCE = '''
import numpy as np
import matplotlib.pyplot as plt

def add(a, b):
    print("warning: noisy", flush=True)
    import sys; print("to stderr", file=sys.stderr)
    return a + b

def forever():
    while True:
        pass

def leave():
    import sys
    sys.exit(3)

def hard_exit():
    import os
    os._exit(7)

def interrupt():
    raise KeyboardInterrupt

def hog():
    chunks = []
    while True:
        chunks.append(np.ones(10**7))

def chatter():
    while True:
        print("x" * 1000)

def liar():
    class Liar(np.ndarray):
        def __eq__(self, other):
            return True
    return np.zeros(3).view(Liar)

def uses_global():
    return learning_rate * 2

def stub():
    raise NotImplementedError()

def tamper_and_return(x):
    import builtins
    np.allclose = lambda *a, **k: True
    builtins.len = lambda x: 0
    return x + 1

def plot_type():
    return type(plt.figure()).__name__
'''

LIMITS = Limits(call_timeout=3, load_timeout=30, memory_mb=256, output_kb=64)


@pytest.fixture(params=launchers())
def student(request):
    program = extract(Notebook("x", (Cell(0, 1, "code", SOURCE),), {}))
    with WorkerStudent(program, Assignment("test", "test", limits=LIMITS), make_launcher(request.param)) as s:
        yield s


def fails(student, name, *args):
    with pytest.raises(StudentError) as info:
        student.call(name, *args)
    return info.value


def test_results_cross_as_plain_data_and_prints_are_ignored(student):
    out = student.call("add", np.ones((2, 1)), 2)
    assert type(out) is np.ndarray and out.shape == (2, 1) and np.all(out == 3)


def test_infinite_loop_times_out_and_the_worker_comes_back(student):
    started = time.monotonic()
    assert fails(student, "forever").kind == "timeout"
    assert time.monotonic() - started < 10
    assert student.call("add", 1, 2) == 3
    assert student.restarts == 1


@pytest.mark.parametrize("name,kind", [("leave", "exit_called"), ("interrupt", "exit_called"),
                                       ("hard_exit", "crash"), ("hog", "memory"), ("chatter", "output_limit"),
                                       ("stub", "not_implemented"), ("nothing_here", "missing_function")])
def test_each_failure_is_named_and_fails_that_call_only(student, name, kind):
    error = fails(student, name)
    assert error.kind == kind
    assert error.render("zh") and error.render("en")
    assert student.call("add", 1, 1) == 2


def test_global_variables_are_named_in_the_hint(student):
    error = fails(student, "uses_global")
    assert error.kind == "exception" and "learning_rate" in error.render("en")


def test_array_subclass_with_lying_eq_arrives_as_plain_array(student):
    out = student.call("liar")
    assert type(out) is np.ndarray and not np.array_equal(out, np.ones(3))


def test_tampering_with_numpy_and_builtins_stays_in_the_worker(student):
    assert student.call("tamper_and_return", 1) == 2
    assert np.allclose(np.zeros(2), np.ones(2)) is False or not np.allclose(np.zeros(2), np.ones(2))
    assert len([1, 2]) == 2


def test_heavy_imports_load_only_when_used(student):
    assert student.call("plot_type") == "Figure"


def test_arguments_are_copies(student):
    a = np.zeros(3)
    student.call("add", a, 1)
    assert np.all(a == 0)


def test_cpu_time_backstop_ends_a_busy_worker_and_grading_goes_on():
    program = extract(Notebook("x", (Cell(0, 1, "code", SOURCE),), {}))
    limits = Limits(call_timeout=30, cpu_seconds=1)
    with WorkerStudent(program, Assignment("test", "test", limits=limits), make_launcher("plain")) as s:
        error = fails(s, "forever")
        assert error.kind == "crash" and "SIGXCPU" in error.render("en")
        assert s.call("add", 2, 3) == 5


def test_a_worker_that_cannot_start_fails_each_call_with_the_reason():
    class Broken:
        description = "broken launcher"

        def popen(self, argv, **kwargs):
            raise FileNotFoundError(2, "No such file or directory", "bwrap")
    program = extract(Notebook("x", (Cell(0, 1, "code", SOURCE),), {}))
    with WorkerStudent(program, Assignment("test", "test", limits=LIMITS), Broken()) as s:
        assert s.load_report() == []
        error = fails(s, "add", 1, 2)
        assert error.kind == "crash" and "bwrap" in error.render("en")


def test_call_each_answers_many_calls_in_one_round_trip_as_call_would(student, monkeypatch):
    calls = [(np.ones(2) * k, k) for k in range(6)]
    one_by_one = [student.call("add", *args) for args in calls]
    requests = []
    real = student._request
    monkeypatch.setattr(student, "_request", lambda *a, **k: requests.append(a[0]) or real(*a, **k))
    answers = student.call_each("add", calls)
    assert requests == ["call_each"]
    assert len(answers) == len(calls) and all(np.array_equal(a, b) for a, b in zip(answers, one_by_one))
    assert student.call_each("add", []) == []


@pytest.mark.parametrize("name,args,kind", [("uses_global", (), "exception"), ("nothing_here", (1,), "missing_function"),
                                            ("forever", (), "timeout"), ("leave", (), "exit_called")])
def test_call_each_fails_as_the_first_failing_call_would(student, name, args, kind):
    with pytest.raises(StudentError) as info:
        student.call_each(name, [args, args])
    assert info.value.kind == kind
    assert student.call_each("add", [(1, 1)]) == [2]


def test_call_each_in_process_answers_as_the_worker_does():
    from autograder.inprocess import InProcessStudent
    namespace: dict = {}
    exec(SOURCE, namespace)
    student = InProcessStudent(namespace, timeout=3)
    assert student.call_each("add", [(1, 2), (np.ones(1), 1)])[0] == 3
    with pytest.raises(StudentError) as info:
        student.call_each("uses_global", [()])
    assert info.value.kind == "exception"
