"""Every catalogued mistake, pasted into the perfect notebook as a student would write it (one shared
namespace, so the student's other functions call it), still loses points in its own function and is
named there.  tests/test_catalogues.py checks the same against the reference module alone; this one
checks the notebook's semantics: the worker's own loader, helper modules, lazy imports."""
from __future__ import annotations

import functools
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

CHAPTERS = [c for c, a in ASSIGNMENTS.items() if not a.frameworks]   # loaded in this process: no torch, no TF


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
        nb = json.loads(_perfect_json(chapter))
        submissions.paste_function(nb, variant.function, variant.source())
        results = run_tests(tests, InProcessStudent(namespace_of(nb, chapter, tmp_path)), seed=3, catalogue=catalogue,
                            lang="en", reference=reference_of(module))
        others = {r.function for r in results if r.score < r.max_score} - {variant.function}
        if others:   # a composite failing because of its helper is graded around it (autograder.composite)
            spread[variant.id] = sorted(others)
    assert not spread
