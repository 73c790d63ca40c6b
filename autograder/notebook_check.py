"""The in-notebook check: `check("ch04", "propagate", globals())` in the test cell under each function.

It runs that function's visible graders (or all of them with `hidden=True`, as the nbgrader test
cell does at grading time) against the definitions in the kernel, shows the verdict (one language:
Chinese by default, `AUTOGRADER_LANG=en` for English; in a Jupyter kernel as rich output, HTML with
a text fallback, `autograder.verdict`; elsewhere as text on stdout) and returns the score, which the
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
import sys
import warnings
from typing import Any, Mapping

from autograder.assignments import ASSIGNMENTS
from autograder.grading import catalogue_of, collect, run_tests
from autograder.inprocess import CheckInterrupted, InProcessStudent
from autograder.messages import text
from autograder.verdict import Verdict

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
    """Run the checks of `function` on the definitions in `namespace`, show the verdict, return the
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
    verdict = Verdict(function, tuple(results), total_points(assignment, function, every), hidden, lang)
    if not quiet:
        show(verdict)
    return float(verdict.score)


def in_a_kernel() -> bool:
    """This runs in a Jupyter kernel (JupyterLab, nbclient, nbgrader), not in a console."""
    ipython = sys.modules.get("IPython")      # a kernel has imported it; a console need not
    shell = ipython.get_ipython() if ipython is not None else None
    return getattr(shell, "kernel", None) is not None


def show(verdict: Verdict) -> None:
    """In a Jupyter kernel, one rich output holding the verdict as HTML (what JupyterLab and
    nbgrader's feedback pages render) and as text (what front ends and exports without HTML use); it
    is display data, never stderr, and leaves the cell's value (the score) alone.  Anywhere else, and
    should the HTML ever fail to build (the check must not fail the cell for it), the text on stdout."""
    if in_a_kernel():
        try:
            bundle = verdict.bundle()
        except Exception:                        # noqa: BLE001 - the text says it all
            bundle = None
        if bundle is not None:
            from IPython.display import display
            display(bundle, raw=True)
            return
    print(verdict.text())
