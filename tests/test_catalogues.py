"""Every chapter's graders give the reference full marks, and every catalogued mistake loses points
and is named in the feedback (the catalogue as a self-test); a mistake is never named for another
(precision).

These run in-process (`InProcessStudent`) for speed; tests/test_grade_notebooks.py covers the worker.
"""
from __future__ import annotations

import importlib

import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.grading import catalogue_of, collect, reference_of, run_tests
from autograder.inprocess import InProcessStudent
from autograder.messages import mistake_text

CHAPTERS = list(ASSIGNMENTS)
SEED = 1234


def _variants():
    for chapter in CHAPTERS:
        for variant in catalogue_of(ASSIGNMENTS[chapter].grader_module) or []:
            yield pytest.param(chapter, variant, id=variant.id)


def _grade(chapter: str, namespace: dict, function: str | None = None, seed: int = SEED):
    module = ASSIGNMENTS[chapter].grader_module
    tests = [t for t in collect(module) if function is None or t.function == function]
    return run_tests(tests, InProcessStudent(namespace), seed=seed, catalogue=catalogue_of(module), lang="en",
                     reference=reference_of(module))


def _with(chapter: str, variant) -> dict:
    namespace = dict(vars(importlib.import_module(ASSIGNMENTS[chapter].reference_module)))
    namespace[variant.function] = variant.fn
    return namespace


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reference_scores_full_marks(chapter):
    results = _grade(chapter, vars(importlib.import_module(ASSIGNMENTS[chapter].reference_module)))
    failed = [(r.name, r.output) for r in results if r.status != "passed"]
    assert not failed
    assert results


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_graded_function_has_a_visible_and_a_hidden_test(chapter):
    tests = collect(ASSIGNMENTS[chapter].grader_module)
    for function in {t.function for t in tests}:
        kinds = {t.visible for t in tests if t.function == function}
        assert kinds == {True, False}, function


@pytest.mark.parametrize("chapter,variant", list(_variants()))
def test_catalogued_mistake_loses_points_and_is_named(chapter, variant):
    results = _grade(chapter, _with(chapter, variant), variant.function)
    assert results, f"no graders for {variant.function}"
    assert sum(r.score for r in results) < sum(r.max_score for r in results), "the mistake keeps full marks"
    assert variant.id in {r.diagnosis for r in results}, [(r.name, r.output) for r in results if r.status != "passed"]
    assert mistake_text(variant.id, "zh") and mistake_text(variant.id, "en")


@pytest.mark.parametrize("chapter,variant", list(_variants()))
def test_a_named_mistake_is_the_one_made(chapter, variant):
    """Precision: on every failing test of the whole chapter, under two seeds, the mistake named is
    this one or none, never another catalogued mistake."""
    for seed in (SEED, 77):
        for r in _grade(chapter, _with(chapter, variant), seed=seed):
            named = r.diagnosis if r.diagnosis and r.diagnosis.startswith(chapter + ".") else None
            assert named in (None, variant.id), (seed, r.name, r.output)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_grader_has_a_chinese_description(chapter):
    module = importlib.import_module(f"autograder.messages.{chapter}")
    names = {t.name for t in collect(ASSIGNMENTS[chapter].grader_module)}
    described = set(getattr(module, "TESTS", {}))
    assert names <= described, sorted(names - described)
    assert described <= names, sorted(described - names)   # no description of a test that is gone
