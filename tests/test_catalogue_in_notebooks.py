"""Every catalogued mistake, pasted into the perfect notebook as a student would write it (one shared
namespace, so the student's other functions call it), still loses points in its own function and is
named there.  tests/test_catalogues.py checks the same against the reference module alone; this one
checks the notebook's semantics: the worker's own loader, helper modules, lazy imports.

The framework chapters whose graded functions call one another (chapters 8 and 9: the conv layer on
`conv_single_step`, the RNN on its cell) are loaded here too, torch and TensorFlow in this process;
chapters 2 and 3 have no such calls.  In those chapters a mistake is graded against the functions
that can call it (the reference's call graph) rather than the whole chapter: every other test is a
model trained by a probe, seconds each, that cannot reach the mistaken function."""
from __future__ import annotations

import ast
import functools
import importlib
import inspect
import json
import sys

import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.extract import extract
from autograder.grading import catalogue_of, collect, reference_of, run_tests
from autograder.inprocess import InProcessStudent
from autograder.notebook import read_notebook
from autograder.worker.serve import load_program
from helpers import ROOT
from tools import submissions


def _has_composites(chapter: str) -> bool:
    """Whether a grader of the chapter declares `helpers` (a graded function calling another), read
    from the grader's source without importing it."""
    base = ROOT / "autograder" / "graders" / chapter
    paths = sorted(base.glob("*.py")) if base.is_dir() else [base.with_suffix(".py")]
    return any(isinstance(node, ast.Call) and getattr(node.func, "id", None) == "graded" and
               any(k.arg == "helpers" for k in node.keywords)
               for path in paths for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


CHAPTERS = [c for c, a in ASSIGNMENTS.items() if not a.frameworks or _has_composites(c)]


def callers(chapter: str, function: str) -> set[str]:
    """The graded functions of the chapter's reference that call `function`, directly or through
    others, and `function` itself."""
    ref = importlib.import_module(ASSIGNMENTS[chapter].reference_module)
    graded = ASSIGNMENTS[chapter].graded_functions()
    names = {f: {n.id for n in ast.walk(ast.parse(inspect.getsource(getattr(ref, f)))) if isinstance(n, ast.Name)}
             for f in graded}
    reach = {function}
    while True:
        more = {f for f, used in names.items() if used & reach} - reach
        if not more:
            return reach
        reach |= more


# Mistakes that still cost points outside their own function, each with the reason.  Kept exact (a
# mistake that stops spreading fails this too, so that its entry is removed).  None today: the last
# one, chapter 8's `/` for `//` in conv_output_size, is graded around since composite.float_for_int.
KNOWN_SPREAD: dict[str, list[str]] = {}


@functools.lru_cache(maxsize=None)
def _perfect_json(chapter: str) -> str:
    return json.dumps(submissions.perfect(chapter))


def _variants():
    for chapter in CHAPTERS:
        for variant in catalogue_of(f"autograder.graders.{chapter}"):
            yield pytest.param(chapter, variant, id=variant.id)


def namespace_of(nb: dict, chapter: str, tmp_path) -> dict:
    path = submissions.write(nb, tmp_path / f"{chapter}.ipynb")
    program = extract(read_notebook(path))
    namespace = {"__name__": "__student__"}
    helpers = [str(p.parent) for p in ASSIGNMENTS[chapter].helper_paths()]
    sys.path[:0] = helpers
    try:
        errors = load_program(program.to_wire(), namespace, deadline=float("inf"))
    finally:
        del sys.path[:len(helpers)]
    assert not errors, errors
    return namespace


@pytest.mark.parametrize("chapter,variant", list(_variants()))
def test_mistake_in_the_notebook_loses_points_in_its_function_and_is_named(chapter, variant, tmp_path):
    nb = json.loads(_perfect_json(chapter))
    submissions.paste_function(nb, variant.function, variant.source())
    module = f"autograder.graders.{chapter}"
    tests = [t for t in collect(module) if t.function == variant.function]
    results = run_tests(tests, InProcessStudent(namespace_of(nb, chapter, tmp_path)), seed=99,
                        catalogue=catalogue_of(module), lang="en", reference=reference_of(module))
    assert sum(r.score for r in results) < sum(r.max_score for r in results)
    assert variant.id in {r.diagnosis for r in results}, [(r.name, r.output) for r in results if r.score < r.max_score]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_mistake_costs_points_in_its_own_function_only(chapter, tmp_path):
    module = f"autograder.graders.{chapter}"
    tests, catalogue = collect(module), catalogue_of(module)
    spread = {}
    for variant in catalogue:
        graded = tests
        if ASSIGNMENTS[chapter].frameworks:   # see the module's docstring
            reach = callers(chapter, variant.function)
            if reach == {variant.function}:
                continue   # nothing else can lose points: its own tests are the test above
            graded = [t for t in tests if t.function in reach]
        nb = json.loads(_perfect_json(chapter))
        submissions.paste_function(nb, variant.function, variant.source())
        results = run_tests(graded, InProcessStudent(namespace_of(nb, chapter, tmp_path)), seed=3, catalogue=catalogue,
                            lang="en", reference=reference_of(module))
        others = {r.function for r in results if r.score < r.max_score} - {variant.function}
        if others:   # a composite failing because of its helper is graded around it (autograder.composite)
            spread[variant.id] = sorted(others)
    assert spread == {k: v for k, v in KNOWN_SPREAD.items() if k.startswith(chapter + ".")}

