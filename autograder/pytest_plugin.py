"""Run the graders with pytest itself:

    pytest -p autograder.pytest_plugin autograder/graders/ch04.py                      # against the reference
    pytest -p autograder.pytest_plugin autograder/graders/ch04.py --notebook sub.ipynb # against a submission

Provides the fixtures the graders declare (`student`, `rng`, `mistakes`, `seed`); with `--notebook`
the student is the submission loaded in the worker (sandboxed where available), otherwise the
reference solutions in-process.  `autograder grade` runs the same functions without pytest's
start-up cost; this plugin is for instructors writing and debugging graders.
"""
from __future__ import annotations

import importlib

import pytest

from autograder.grading import rng_for


def pytest_addoption(parser):
    group = parser.getgroup("autograder")
    group.addoption("--notebook", help="grade this submission instead of the reference solutions")
    group.addoption("--grading-seed", type=int, default=1234, help="seed of the hidden tests' inputs")


def _chapter(request) -> str:
    """chNN of a grader module `autograder.graders.chNN` or of a topic `autograder.graders.chNN.topic`."""
    parts = request.module.__name__.split(".")
    return parts[2] if parts[:2] == ["autograder", "graders"] and len(parts) > 2 else parts[-1]


@pytest.fixture(scope="module")
def student(request):
    chapter = _chapter(request)
    path = request.config.getoption("--notebook")
    if not path:
        from autograder.inprocess import InProcessStudent
        yield InProcessStudent(vars(importlib.import_module(f"solutions.{chapter}")))
        return
    from autograder.assignments import ASSIGNMENTS
    from autograder.extract import extract
    from autograder.notebook import read_notebook
    from autograder.worker_client import WorkerStudent
    with WorkerStudent(extract(read_notebook(path), ASSIGNMENTS[chapter].graded_functions()),
                       ASSIGNMENTS[chapter]) as worker:
        yield worker


@pytest.fixture
def seed(request) -> int:
    return request.config.getoption("--grading-seed")


@pytest.fixture
def rng(request, seed):
    return rng_for(seed, request.node.function.__name__)


@pytest.fixture
def mistakes(request):
    grader = request.node.function.__grader__
    from autograder.grading import catalogue_of
    catalogue = catalogue_of(f"autograder.graders.{_chapter(request)}")

    def outputs(*args, pick=None, **kwargs):
        return catalogue.outputs(grader.function, *args, pick=pick, **kwargs) if catalogue else {}
    return outputs
