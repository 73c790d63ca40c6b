"""The in-notebook check: `check("ch04", "propagate", globals())` under each graded function.

It runs that function's visible graders (or all of them with `hidden=True`, as the nbgrader test
cell does at grading time) against the definitions in the kernel, prints a verdict to stdout
(bilingual-ready: Chinese by default, `AUTOGRADER_LANG=en` for English) and returns the score, which
the test cell leaves as its last expression so that `nbgrader autograde` records partial credit.

This path trusts the kernel it runs in (the student's own); `autograder grade` is the isolated one.
"""
from __future__ import annotations

import contextlib
import io
import os
import warnings
from typing import Any, Mapping

from autograder.grading import catalogue_of, collect, run_tests
from autograder.inprocess import InProcessStudent
from autograder.messages import text

DEFAULT_SEED = 20240601


def check(assignment: str, function: str, namespace: Mapping[str, Any], hidden: bool = False,
          seed: int | None = None, lang: str | None = None, quiet: bool = False) -> float:
    lang = lang or os.environ.get("AUTOGRADER_LANG", "zh")
    module = f"autograder.graders.{assignment}"
    tests = [t for t in collect(module) if t.function == function and (hidden or t.visible)]
    seed = DEFAULT_SEED if seed is None else seed
    student = InProcessStudent(namespace)
    # nbgrader gives a test cell 0 points as soon as it writes to stderr: the student's warnings
    # (overflow in exp, deprecations) must not cost marks, so they are silenced while we grade.
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        results = run_tests(tests, student, seed=seed, catalogue=catalogue_of(module), lang=lang)
    score = sum(r.score for r in results)
    max_score = sum(r.max_score for r in results)
    if not quiet:
        print(text("check_header", lang, function=function, score=score, max_score=max_score))
        for r in results:
            mark = "✓" if r.status == "passed" else "✗"
            line = f"  {mark} {r.description}"
            if r.status != "passed":
                line += f"\n      {r.output}"
            print(line)
        if results and score == max_score and not hidden:
            print("  " + text("check_all_passed", lang))
    return float(score)
