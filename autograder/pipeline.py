"""The grading pipeline for one notebook: read -> extract -> run -> compare -> report.

`grade_notebook` never raises for anything a submission contains: an unreadable file, an unknown
assignment or a worker that cannot start become a `GradeReport` whose tests say why they scored 0.
"""
from __future__ import annotations

import ast
import os
import secrets
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from autograder.assignments import ASSIGNMENTS, Assignment
from autograder.config import limits_for
from autograder.extract import Program, extract
from autograder.grading import TestResult, catalogue_of, collect, run_tests
from autograder.messages import text
from autograder.notebook import Notebook, NotebookError, infer_assignment, read_notebook

GRADERS_DIR = Path(__file__).resolve().parent / "graders"


@dataclass
class GradeReport:
    notebook: str
    assignment: str | None
    seed: int
    isolation: str
    tests: list[TestResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # notebook-level messages (syntax, load errors)
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    def by_function(self) -> dict[str, tuple[float, float]]:
        out: dict[str, list[float]] = {}
        for t in self.tests:
            s = out.setdefault(t.function, [0.0, 0.0])
            s[0] += t.score
            s[1] += t.max_score
        return {k: (v[0], v[1]) for k, v in out.items()}


@lru_cache(maxsize=None)
def graded_functions(assignment: str) -> frozenset[str]:
    """The functions an assignment grades, read from its grader module without importing it."""
    path = GRADERS_DIR / f"{assignment}.py"
    if not path.exists():
        return frozenset()
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "graded" and node.args and \
                isinstance(node.args[0], ast.Constant):
            names.add(node.args[0].value)
    return frozenset(names)


def guess_assignment(program: Program) -> str | None:
    """For a notebook without metadata: the assignment whose graded functions it defines most of."""
    defined = program.defined()
    best = max(ASSIGNMENTS, key=lambda a: (len(defined & graded_functions(a)), a))
    return best if defined & graded_functions(best) else None


def _failed_everything(tests, message: str, diagnosis: str, lang: str) -> list[TestResult]:
    return [TestResult(t.name, t.function, 0.0, t.points, t.visible, "failed", message, diagnosis, t.describe(lang))
            for t in tests]


def grade_notebook(path: str | os.PathLike, assignment: str | None = None, *, seed: int | None = None,
                   lang: str = "zh", visible_only: bool = False, launcher=None,
                   limits: dict | None = None) -> GradeReport:
    """Grade one notebook.  `limits` overrides the assignment's worker limits: either one flat dict
    ({"call_timeout": 3}) or per assignment as in nbgrader_config.py ({"ch06": {...}, "*": {...}})."""
    started = time.perf_counter()
    seed = secrets.randbelow(2**31) if seed is None else int(seed)
    launcher = launcher or _default_launcher()
    report = GradeReport(str(path), assignment, seed, isolation=launcher.description)
    try:
        nb = read_notebook(path)
    except NotebookError as e:
        message = text("notebook_unreadable", lang, detail=str(e))
        report.problems.append(message)
        assignment = assignment or infer_assignment(Notebook(str(path), (), {}), ASSIGNMENTS)
        report.assignment = assignment
        if assignment in ASSIGNMENTS:
            report.tests = _failed_everything(_tests(assignment, visible_only), message, "unreadable_notebook", lang)
        report.seconds = time.perf_counter() - started
        return report
    program = extract(nb)
    assignment = assignment or infer_assignment(nb, ASSIGNMENTS) or guess_assignment(program)
    report.assignment = assignment
    if assignment not in ASSIGNMENTS:
        report.problems.append(text("unknown_assignment", lang))
        report.seconds = time.perf_counter() - started
        return report
    for p in program.problems:
        report.problems.append(text("syntax_error_cell", lang, cell=p.cell, line=p.line, detail=p.detail))
    spec: Assignment = ASSIGNMENTS[assignment]
    if limits:
        spec = spec.with_limits(**limits_for(assignment, limits) if _per_assignment(limits) else limits)
    from autograder.runner import WorkerStudent
    with WorkerStudent(program, spec, launcher) as student:   # starts loading the submission now
        tests = _tests(assignment, visible_only)               # ... while the graders are imported
        for e in student.load_report():
            report.problems.append(text("load_error", lang, cell=e.get("cell"), line=e.get("line"),
                                        detail=f"{e.get('etype')}: {e.get('detail', '')}"))
        report.tests = run_tests(tests, student, seed=seed, catalogue=catalogue_of(spec.grader_module), lang=lang)
        report.isolation = student.isolation
    report.seconds = time.perf_counter() - started
    return report


def _per_assignment(limits: dict) -> bool:
    """Whether `limits` is keyed by assignment (from nbgrader_config.py) or is one flat set of limits."""
    return all(isinstance(v, dict) for v in limits.values())


def _tests(assignment: str, visible_only: bool):
    tests = collect(ASSIGNMENTS[assignment].grader_module)
    return [t for t in tests if t.visible] if visible_only else tests


def _default_launcher():
    from autograder.sandbox import default_launcher
    return default_launcher()
