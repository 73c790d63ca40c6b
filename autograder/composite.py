"""One mistake costs points once: grading a function around the student's failing helpers.

A composite function (`nn_model` calling the student's forward and backward passes, an optimiser
calling `propagate`, `predict` calling the forward pass) is graded on what it does itself.  When its
test fails, it runs again with the reference's helpers standing in for the student's
(`student.replacing`: in the worker each call to a replaced helper comes back to the grader, which
answers with the reference's output, so no reference code ever enters the student's process).

  * The helpers the student got wrong are those whose answers differ from the reference's on the
    very calls the composite made (a crash, a wrong shape or wrong values, or a float where the
    reference answers an integer: 4.0 for a size breaks `np.zeros` and `range` in the composite).
    None: the first verdict stands, the composite's own mistake.  The helpers whose own tests
    already failed are tried first, alone (`grade_around_helpers`).
  * With the reference helpers the test passes: the composite is right and keeps its points; the
    verdict says which helpers it was graded around (they lose points in their own tests).
  * It still fails: that failure is the composite's own, and is reported (its catalogue names the
    mistake more surely, since the catalogue's variants run on the reference helpers too).

`own_or_reference` serves gradient checks: the numerical gradient is taken through the student's
own forward pass where that is right, and through the reference's where it is not.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

import numpy as np

from autograder.diagnosis import identical
from autograder.messages import text
from autograder.quiet import silenced
from autograder.results import Mismatch, StudentError, TestResult

CALLS_COMPARED = 5   # calls per helper on which the student's helper is compared with the reference's


class CallLog:
    """The calls a composite made to the replaced helpers: {name: [(args, kwargs, reference output)]}."""

    def __init__(self, limit: int = CALLS_COMPARED):
        self.calls: dict[str, list[tuple[tuple, dict, Any]]] = {}
        self.limit = limit

    def wants(self, name: str) -> bool:
        """Whether the next call of `name` is one to record (only the first `limit` are compared)."""
        return len(self.calls.get(name, ())) < self.limit

    def record(self, name: str, args: tuple, kwargs: dict, output: Any) -> None:
        calls = self.calls.setdefault(name, [])
        if len(calls) < self.limit:
            calls.append((args, kwargs, output))


def reference_answer(fn: Callable, args: tuple, kwargs: dict) -> Any:
    """The reference helper's output, computed quietly (its prints and warnings are not the student's)."""
    with silenced():
        return fn(*args, **kwargs)


def failing_helpers(student: Any, log: CallLog) -> list[str]:
    """The helpers whose student version answers differently from the reference on a logged call."""
    failing = []
    for name, calls in log.calls.items():
        for args, kwargs, expected in calls:
            try:
                got = student.call(name, *args, **kwargs)
            except StudentError:
                failing.append(name)
                break
            if not identical(got, expected, rtol=1e-7, atol=1e-10) or float_for_int(got, expected):
                failing.append(name)
                break
    return failing


def float_for_int(got: Any, expected: Any) -> bool:
    """Whether `got` answers a float (4.0) where `expected` holds an integer (a size, a count), in
    the same place of a tuple, list or dict: equal values, which `identical` accepts, yet the
    composite that uses it as a size fails where the reference's answer works."""
    if isinstance(expected, (tuple, list)) and isinstance(got, (tuple, list)):
        return any(float_for_int(g, e) for g, e in zip(got, expected))
    if isinstance(expected, dict) and isinstance(got, dict):
        return any(float_for_int(got[k], e) for k, e in expected.items() if k in got)
    return isinstance(expected, (int, np.integer)) and not isinstance(expected, bool) and \
        isinstance(got, (float, np.floating))


def grade_around_helpers(test, student: Any, reference, first: TestResult, run_again: Callable[[], TestResult],
                         lang: str, suspects: frozenset[str] = frozenset()) -> TestResult:
    """`first` is the failing result of `test`; grade it again with the reference's helpers.

    Each call of a replaced helper is a round trip to this process, and a composite may call its
    helpers hundreds of times (a training loop), so the `suspects` among the helpers (those whose
    own tests failed earlier in this run) are replaced first, alone.  When that makes the test pass,
    the verdict is that one; otherwise every helper is replaced, as without suspects."""
    helpers = [h for h in test.helpers if callable(getattr(reference, h, None))]
    if not helpers or not hasattr(student, "replacing"):
        return first
    first_try = [h for h in helpers if h in suspects]
    if first_try and len(first_try) < len(helpers):
        verdict = _graded_around(first_try, test, student, reference, run_again, lang)
        if verdict is not None and verdict.status == "passed":
            return verdict
    return _graded_around(helpers, test, student, reference, run_again, lang) or first


def _graded_around(helpers: list[str], test, student: Any, reference, run_again: Callable[[], TestResult],
                   lang: str) -> TestResult | None:
    """The test's verdict with the reference's `helpers` in place of the student's, or None when none
    of those the composite called answers differently from the reference (nothing to grade around)."""
    with student.replacing({h: getattr(reference, h) for h in helpers}) as log:
        again = run_again()
    failing = [h for h in helpers if h in failing_helpers(student, log)]
    if not failing:
        return None
    names = ", ".join(failing)
    if again.status == "passed":
        return replace(again, graded_around=tuple(failing),
                       output=text("graded_around", lang, helpers=names, function=test.function))
    if again.status == "failed":
        return replace(again, graded_around=tuple(failing),
                       output=again.output + " " + text("failed_around", lang, helpers=names, function=test.function))
    return None


def try_call(compute: Callable[[], Any]) -> Any:
    """`compute()`, or None when it fails: probing a student's *other* functions never fails a test."""
    try:
        return compute()
    except (StudentError, Mismatch, Exception):  # noqa: BLE001
        return None


def own_or_reference(student_fn: Callable, reference_fn: Callable, *probe: Any, pick: Callable = lambda out: out,
                     rtol: float = 1e-4, atol: float = 1e-6) -> Callable:
    """The student's function when it agrees with the reference on `probe` (compared after `pick`),
    else the reference's: a wrong forward pass loses points in its own tests, not again in the
    gradient check of the backward function (which then still checks the backward formula)."""
    expected = pick(reference_answer(reference_fn, probe, {}))
    got = try_call(lambda: pick(student_fn(*probe)))
    return student_fn if got is not None and identical(got, expected, rtol, atol) else reference_fn
