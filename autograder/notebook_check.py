"""The in-notebook check: `check("ch04", "propagate", globals())` in the test cell under each function.

It runs that function's visible graders (or all of them with `hidden=True`, as the nbgrader test
cell does at grading time) against the definitions in the kernel, prints a verdict to stdout (one
language: Chinese by default, `AUTOGRADER_LANG=en` for English) and returns the score, which the
test cell leaves as its last expression so that `nbgrader autograde` records partial credit.

Each call into the student's code has the assignment's time limit, with the worker's message; the
user's interrupt ends the check with a plain message.  Nothing is written to stderr (nbgrader gives
a test cell 0 points as soon as it writes there).

This path trusts the kernel it runs in (the student's own); `autograder grade` is the isolated one.
"""
from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import os
import warnings
from typing import Any, Mapping

from autograder.assignments import ASSIGNMENTS
from autograder.grading import catalogue_of, collect, run_tests
from autograder.inprocess import CheckInterrupted, InProcessStudent
from autograder.messages import text

DEFAULT_SEED = 20240601


def graders_of(assignment: str) -> tuple[str, object, object]:
    """(grader module, catalogue, reference) of the chapter: the instructor's graders where they are
    installed; in the student package (no graders, no answers) its visible checks, answered from the
    record made at release time (autograder.replay), and no reference to grade around."""
    module = ASSIGNMENTS[assignment].grader_module
    if importlib.util.find_spec("autograder.graders") is not None:
        return module, catalogue_of(module), getattr(importlib.import_module(module), "ref", None)
    from autograder.visible import answers
    return f"autograder.visible.{assignment}", answers.catalogue(assignment), None


def total_points(assignment: str, function: str, tests) -> float:
    """What the function is worth, hidden tests included (the student package holds the visible
    tests only: its record says the rest)."""
    if importlib.util.find_spec("autograder.graders") is not None:
        return sum(t.points for t in tests)
    from autograder.visible import answers
    return float(answers.record(assignment).get("points").get(function, sum(t.points for t in tests)))


def check(assignment: str, function: str, namespace: Mapping[str, Any], hidden: bool = False,
          seed: int | None = None, lang: str | None = None, quiet: bool = False, timeout: float | None = None) -> float:
    """Run the checks of `function` on the definitions in `namespace`, print the verdict, return the
    score.  `timeout` overrides the assignment's time limit per call (seconds)."""
    lang = lang or os.environ.get("AUTOGRADER_LANG", "zh")
    spec = ASSIGNMENTS[assignment]
    module, catalogue, reference = graders_of(assignment)
    every = [t for t in collect(module) if t.function == function]
    tests = [t for t in every if hidden or t.visible]
    seed = DEFAULT_SEED if seed is None else seed
    student = InProcessStudent(namespace, timeout=timeout or spec.limits.call_timeout, expected=spec.graded_functions())
    try:
        # The student's warnings (overflow in exp, deprecations) must not reach stderr.
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            results = run_tests(tests, student, seed=seed, catalogue=catalogue, lang=lang, reference=reference)
    except (CheckInterrupted, KeyboardInterrupt):
        if not quiet:
            print(text("check_interrupted", lang))
        return 0.0
    score = sum(r.score for r in results)
    max_score = sum(r.max_score for r in results)
    total = total_points(assignment, function, every)
    if not quiet:
        if hidden or max_score == total:
            print(text("check_header", lang, function=function, score=score, max_score=max_score))
        else:
            print(text("check_header_visible", lang, function=function, score=score, max_score=max_score,
                       total=total, hidden=total - max_score))
        for r in results:
            mark = "✓" if r.status == "passed" else "✗"
            line = f"  {mark} {r.description}"
            if r.status != "passed" or r.graded_around:
                line += f"\n      {r.output}"
            print(line)
        if results and score == max_score and not hidden:
            print("  " + text("check_all_passed", lang))
    return float(score)
