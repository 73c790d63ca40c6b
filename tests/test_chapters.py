"""A chapter is declared once, in `autograder.assignments.ASSIGNMENTS`; the notebook build, the
release, the tests' chapter lists and the worker follow from it.  Every part of a declared chapter
must exist (docs/adding-a-chapter.md lists them): a missing part fails here, it is never skipped."""
from __future__ import annotations

import importlib

import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.grading import catalogue_of, collect, reference_of
from tools import nbbuild


@pytest.mark.parametrize("chapter", list(ASSIGNMENTS))
def test_every_part_of_a_declared_chapter_exists(chapter):
    missing = [part for part, path in ASSIGNMENTS[chapter].parts().items() if not path.exists()]
    assert not missing, f"{chapter} lacks: {missing}"


@pytest.mark.parametrize("chapter", list(ASSIGNMENTS))
def test_a_chapter_is_one_set_of_parts(chapter):
    spec = ASSIGNMENTS[chapter]
    assert collect(spec.grader_module), "no graders"
    assert catalogue_of(spec.grader_module) is not None, "the grader module exposes no `catalogue`"
    assert reference_of(spec.grader_module) is importlib.import_module(spec.reference_module)
    messages = importlib.import_module(f"autograder.messages.{chapter}")
    for table in ("MISTAKES", "CHECKS", "TESTS"):
        assert isinstance(getattr(messages, table, None), dict), f"messages.{chapter} has no {table}"
    assert nbbuild.figures(chapter) is not None
    for probe_module in spec.probes:
        importlib.import_module(probe_module)


def test_the_notebook_build_and_release_follow_the_declaration():
    from tools import release
    assert list(nbbuild.CHAPTERS) == list(ASSIGNMENTS) == release.chapters()
