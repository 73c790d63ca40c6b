"""Graders are plain pytest-style test functions; this module declares, collects and runs them.

    @graded("propagate", points=2)                 # hidden by default
    def test_propagate_on_some_random_problem(student, rng, mistakes):
        ...

    @graded("sigmoid", points=1, visible=True)     # also run by the in-notebook check
    def test_sigmoid_at_zero(student): ...

    @graded("nn_model", points=2, helpers=("forward_propagation", "back_propagation"))
    def test_nn_model_on_random_problem(student, rng, mistakes): ...

Fixtures, passed by parameter name:
  student   the submission: `student.NAME(*args)` calls the student's NAME in the worker and returns
            plain decoded data; it raises `StudentError` when the call fails (the test then fails with
            the student-facing message).
  rng       `np.random.Generator` seeded from the run's seed and the test's name (reproducible).
  mistakes  `mistakes(*args, pick=...)` -> {mistake id: output} of the catalogue's variants of the
            test's function on those inputs (see `autograder.catalogue`).
  seed      the run's integer seed.

`helpers` are the student's functions that the graded one calls: when the test fails, it runs again
with the reference's helpers in their place (`autograder.composite`), so that one mistake costs
points once, in the function that has it.

A grader module is `autograder.graders.chNN`, or a package of that name whose submodules (one per
topic) hold the graders; `collect` returns them in the package's order.  A grader module may name in
`WARM_UP` the modules its tests import late (TensorFlow for a reference Keras run): `warm_up` imports
them in the background while the worker loads the submission, when this process would only wait.

The same functions run under pytest with the plugin `autograder.pytest_plugin` (`--notebook FILE`).
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
import threading
import traceback
import zlib
from dataclasses import dataclass, replace
from typing import Any, Callable

import numpy as np

from autograder.compare import reveal
from autograder.messages import test_description, text
from autograder.quiet import silenced
from autograder.replay import ReplayMissing
from autograder.results import Mismatch, StudentError, TestResult


@dataclass(frozen=True)
class GraderTest:
    name: str
    function: str
    points: float
    visible: bool
    func: Callable
    helpers: tuple[str, ...] = ()

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().splitlines()[0] if self.func.__doc__ else self.name

    @property
    def chapter(self) -> str:
        return self.func.__module__.split(".")[2] if self.func.__module__.startswith("autograder.graders.") \
            else self.func.__module__.rsplit(".", 1)[-1]

    def describe(self, lang: str = "zh") -> str:
        return test_description(self.chapter, self.name, self.doc, lang)


def graded(function: str, points: float, visible: bool = False, helpers: tuple[str, ...] = ()):
    """Declare a test of the student's `function` worth `points`; `visible` tests also run in the
    notebook; `helpers` are the student's functions it calls (see the module docstring)."""
    def mark(fn: Callable) -> Callable:
        fn.__grader__ = GraderTest(fn.__name__, function, float(points), visible, fn, tuple(helpers))
        if "pytest" in sys.modules:  # under pytest, also a marker: `pytest -m visible` selects them
            fn = getattr(sys.modules["pytest"].mark, "visible" if visible else "hidden")(fn)
        return fn
    return mark


def _modules(module_name: str) -> list:
    module = importlib.import_module(module_name)
    modules = [module]
    if hasattr(module, "__path__"):  # a package: its submodules, in the order the package lists them
        names = getattr(module, "TOPICS", None) or sorted(m.name for m in pkgutil.iter_modules(module.__path__))
        modules += [importlib.import_module(f"{module_name}.{n}") for n in names]
    return modules


def collect(module_name: str) -> list[GraderTest]:
    """The graders of a chapter module (or package), in file order."""
    tests = []
    for module in _modules(module_name):
        found = [obj.__grader__ for obj in vars(module).values()
                 if hasattr(obj, "__grader__") and obj.__module__ == module.__name__]
        tests += sorted(found, key=lambda t: t.func.__code__.co_firstlineno)
    return tests


_WARMED: set[str] = set()
_WARMED_LOCK = threading.Lock()


def warm_up(module_name: str) -> None:
    """Start importing the grader module's `WARM_UP` modules in a background thread (once per process);
    a module that fails to import here fails again, with its error, where a test imports it."""
    names = tuple(getattr(importlib.import_module(module_name), "WARM_UP", ()))
    with _WARMED_LOCK:
        names = tuple(n for n in names if n not in _WARMED and n not in sys.modules)
        _WARMED.update(names)
    if names:
        threading.Thread(target=_import_quietly, args=(names,), name=f"warm-up {module_name}", daemon=True).start()


def _import_quietly(names: tuple[str, ...]) -> None:
    from autograder.quiet import silenced
    for name in names:
        try:
            with silenced(streams=True):
                importlib.import_module(name)
        except Exception:  # noqa: BLE001  (the test that needs it reports the failure)
            pass


def catalogue_of(module_name: str):
    module = importlib.import_module(module_name)
    return getattr(module, "catalogue", None)


def reference_of(module_name: str):
    """The reference module whose functions stand in for a student's failing helpers."""
    module = importlib.import_module(module_name)
    return getattr(module, "ref", None)


def rng_for(seed: int, name: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def _run_once(test: GraderTest, student: Any, seed: int, catalogue, lang: str) -> TestResult:
    def mistakes(*args, pick=None, **kwargs):
        return catalogue.outputs(test.function, *args, pick=pick, **kwargs) if catalogue else {}

    fixtures = {"student": student, "rng": rng_for(seed, test.name), "mistakes": mistakes, "seed": seed}
    params = test.func.__code__.co_varnames[: test.func.__code__.co_argcount]
    result = TestResult(test.name, test.function, 0.0, test.points, test.visible, "failed",
                        description=test.describe(lang))
    try:
        # The grader's own arithmetic (references, catalogue variants on odd inputs) must not print.
        with reveal(test.visible), silenced(streams=False):
            test.func(**{p: fixtures[p] for p in params})
    except Mismatch as e:
        result.output, result.diagnosis = e.render(lang), e.diagnosis
        result.where_wrong = getattr(e, "where_wrong", None)
    except StudentError as e:
        result.output, result.diagnosis = e.render(lang), e.kind
    except ReplayMissing:  # the student package cannot answer this question: the graded run will
        result.output, result.diagnosis = text("check_unavailable", lang), "unavailable_here"
    except Exception as e:  # a bug in a grader: say so plainly, never blame the student
        result.status = "error"
        result.output = text("grader_error", lang, detail=f"{type(e).__name__}: {e}")
        result.diagnosis = "grader_error"
        result.traceback = traceback.format_exc()
    else:
        result.score, result.status, result.output = test.points, "passed", text("passed", lang)
    return result


def run_test(test: GraderTest, student: Any, *, seed: int, catalogue=None, lang: str = "zh",
             reference=None, suspects: frozenset[str] = frozenset()) -> TestResult:
    """Run one grader against one submission; never raises.  A failing test of a function with
    `helpers` is graded again around the student's failing helpers (`autograder.composite`), trying
    the `suspects` (functions already seen failing) first."""
    result = _run_once(test, student, seed, catalogue, lang)
    if result.status != "failed" or not test.helpers or reference is None:
        return result
    from autograder.composite import grade_around_helpers
    return grade_around_helpers(test, student, reference, result,
                                lambda: _run_once(test, student, seed, catalogue, lang), lang, suspects)


def run_tests(tests: list[GraderTest], student: Any, *, seed: int, catalogue=None, lang: str = "zh",
              reference=None) -> list[TestResult]:
    """Run the tests in order; the functions failing so far are the suspects of the later composites."""
    results: list[TestResult] = []
    failed: set[str] = set()
    for t in tests:
        results.append(run_test(t, student, seed=seed, catalogue=catalogue, lang=lang, reference=reference,
                                suspects=frozenset(failed)))
        if results[-1].status == "failed":
            failed.add(t.function)
    return results


def with_output(result: TestResult, **changes) -> TestResult:
    return replace(result, **changes)
