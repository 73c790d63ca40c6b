"""Graders are plain pytest-style test functions; this module declares, collects and runs them.

    @graded("propagate", points=2)                 # hidden by default
    def test_propagate_cost_on_random_problem(student, rng, mistakes):
        ...

    @graded("sigmoid", points=1, visible=True)     # also run by the in-notebook check
    def test_sigmoid_at_zero(student): ...

Fixtures, passed by parameter name:
  student   the submission: `student.NAME(*args)` calls the student's NAME in the worker and returns
            plain decoded data; it raises `StudentError` when the call fails (the test then fails with
            the student-facing message).
  rng       `np.random.Generator` seeded from the run's seed and the test's name (reproducible).
  mistakes  `mistakes(*args, pick=...)` -> {mistake id: output} of the catalogue's variants of the
            test's function on those inputs (see `autograder.catalogue`).
  seed      the run's integer seed.

The same functions run under pytest with the plugin `autograder.pytest_plugin` (`--notebook FILE`).
"""
from __future__ import annotations

import importlib
import sys
import traceback
import zlib
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from autograder.compare import Mismatch, reveal
from autograder.messages import test_description, text


@dataclass(frozen=True)
class GraderTest:
    name: str
    function: str
    points: float
    visible: bool
    func: Callable

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().splitlines()[0] if self.func.__doc__ else self.name

    @property
    def chapter(self) -> str:
        return self.func.__module__.rsplit(".", 1)[-1]

    def describe(self, lang: str = "zh") -> str:
        return test_description(self.chapter, self.name, self.doc, lang)


def graded(function: str, points: float, visible: bool = False):
    """Declare a test of the student's `function` worth `points`; `visible` tests also run in the notebook."""
    def mark(fn: Callable) -> Callable:
        fn.__grader__ = GraderTest(fn.__name__, function, float(points), visible, fn)
        if "pytest" in sys.modules:  # under pytest, also a marker: `pytest -m visible` selects them
            fn = getattr(sys.modules["pytest"].mark, "visible" if visible else "hidden")(fn)
        return fn
    return mark


def collect(module_name: str) -> list[GraderTest]:
    """The graders of a chapter module, in file order."""
    module = importlib.import_module(module_name)
    tests = [getattr(obj, "__grader__") for obj in vars(module).values() if hasattr(obj, "__grader__")]
    return sorted(tests, key=lambda t: t.func.__code__.co_firstlineno)


def catalogue_of(module_name: str):
    module = importlib.import_module(module_name)
    return getattr(module, "catalogue", None)


@dataclass
class TestResult:
    __test__ = False  # not a pytest test class
    name: str
    function: str
    score: float
    max_score: float
    visible: bool
    status: str  # 'passed' | 'failed' | 'error'
    output: str = ""
    diagnosis: str | None = None
    description: str = ""


class StudentError(Exception):
    """A call into the student's code failed (missing, exception, timeout, crash, ...).

    `key`/`params` render the student-facing message; `kind` is the diagnosis id of the failure.
    """

    def __init__(self, kind: str, key: str, **params):
        super().__init__(key)
        self.kind = kind
        self.key = key
        self.params = params

    def render(self, lang: str = "zh") -> str:
        message = text(self.key, lang, **{k: v for k, v in self.params.items() if k != "hint"})
        hint = self.params.get("hint")
        if hint:
            message += " " + text(hint[0], lang, **hint[1])
        return message


def rng_for(seed: int, name: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def run_test(test: GraderTest, student: Any, *, seed: int, catalogue=None, lang: str = "zh") -> TestResult:
    """Run one grader against one submission; never raises."""
    def mistakes(*args, pick=None, **kwargs):
        return catalogue.outputs(test.function, *args, pick=pick, **kwargs) if catalogue else {}

    fixtures = {"student": student, "rng": rng_for(seed, test.name), "mistakes": mistakes, "seed": seed}
    params = test.func.__code__.co_varnames[: test.func.__code__.co_argcount]
    result = TestResult(test.name, test.function, 0.0, test.points, test.visible, "failed",
                        description=test.describe(lang))
    try:
        with reveal(test.visible):
            test.func(**{p: fixtures[p] for p in params})
    except Mismatch as e:
        result.output, result.diagnosis = e.render(lang), e.diagnosis
    except StudentError as e:
        result.output, result.diagnosis = e.render(lang), e.kind
    except Exception as e:  # a bug in a grader: say so plainly, never blame the student
        result.status = "error"
        result.output = text("grader_error", lang, detail=f"{type(e).__name__}: {e}")
        result.diagnosis = "grader_error"
        result.traceback = traceback.format_exc()
    else:
        result.score, result.status, result.output = test.points, "passed", text("passed", lang)
    return result


def run_tests(tests: list[GraderTest], student: Any, *, seed: int, catalogue=None, lang: str = "zh") -> list[TestResult]:
    return [run_test(t, student, seed=seed, catalogue=catalogue, lang=lang) for t in tests]
