"""Every chapter's graders give the reference full marks, and every catalogued mistake loses points
and is named in the feedback (the catalogue as a self-test).

These run in-process (`InProcessStudent`) for speed; tests/test_engine_*.py cover the worker path.
"""
from __future__ import annotations

import importlib

import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.grading import catalogue_of, collect, run_tests
from autograder.inprocess import InProcessStudent
from autograder.messages import mistake_text

CHAPTERS = [c for c in ASSIGNMENTS if importlib.util.find_spec(f"autograder.graders.{c}") is not None
            and importlib.util.find_spec(f"solutions.{c}") is not None]
SEED = 1234


def _variants():
    for chapter in CHAPTERS:
        catalogue = catalogue_of(f"autograder.graders.{chapter}")
        for variant in catalogue or []:
            yield pytest.param(chapter, variant, id=variant.id)


def _grade(chapter: str, namespace: dict, function: str | None = None):
    module = f"autograder.graders.{chapter}"
    tests = [t for t in collect(module) if function is None or t.function == function]
    return run_tests(tests, InProcessStudent(namespace), seed=SEED, catalogue=catalogue_of(module), lang="en")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reference_scores_full_marks(chapter):
    results = _grade(chapter, vars(importlib.import_module(f"solutions.{chapter}")))
    failed = [(r.name, r.output) for r in results if r.status != "passed"]
    assert not failed
    assert results


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_graded_function_has_a_visible_and_a_hidden_test(chapter):
    tests = collect(f"autograder.graders.{chapter}")
    for function in {t.function for t in tests}:
        kinds = {t.visible for t in tests if t.function == function}
        assert kinds == {True, False}, function


@pytest.mark.parametrize("chapter,variant", list(_variants()))
def test_catalogued_mistake_loses_points_and_is_named(chapter, variant):
    namespace = dict(vars(importlib.import_module(f"solutions.{chapter}")))
    namespace[variant.function] = variant.fn
    results = _grade(chapter, namespace, variant.function)
    assert results, f"no graders for {variant.function}"
    assert sum(r.score for r in results) < sum(r.max_score for r in results), "the mistake keeps full marks"
    assert variant.id in {r.diagnosis for r in results}, [(r.name, r.output) for r in results if r.status != "passed"]
    assert mistake_text(variant.id, "zh") and mistake_text(variant.id, "en")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_grader_has_a_chinese_description(chapter):
    module = importlib.import_module(f"autograder.messages.{chapter}")
    names = {t.name for t in collect(f"autograder.graders.{chapter}")}
    described = set(getattr(module, "TESTS", {}))
    assert names <= described, sorted(names - described)
    assert described <= names, sorted(described - names)   # no description of a test that is gone
