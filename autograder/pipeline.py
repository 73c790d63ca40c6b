"""The grading pipeline for one notebook: read -> extract -> run -> compare -> report.

`grade_notebook` never raises for anything a submission contains: an unreadable file, an unknown
assignment or a worker that cannot start become a `GradeReport` whose tests say why they scored 0.
"""
from __future__ import annotations

import os
import secrets
import time

from autograder.assignments import ASSIGNMENTS, Assignment, graded_functions
from autograder.config import limits_for
from autograder.extract import Program, extract
from autograder.grading import catalogue_of, collect, reference_of, run_tests, warm_up
from autograder.messages import text
from autograder.notebook import Notebook, NotebookError, infer_assignment, read_notebook
from autograder.results import GradeReport, TestResult


def guess_assignment(program: Program) -> str | None:
    """For a notebook without metadata: the assignment whose graded functions it defines most of."""
    defined = program.defined()
    best = max(ASSIGNMENTS, key=lambda a: (len(defined & graded_functions(a)), a))
    return best if defined & graded_functions(best) else None


def _failed_everything(tests, message: str, diagnosis: str, lang: str) -> list[TestResult]:
    return [TestResult(t.name, t.function, 0.0, t.points, t.visible, "failed", message, diagnosis, t.describe(lang))
            for t in tests]


def report_without_notebook(path: str, assignment: str, message: str, diagnosis: str, lang: str = "zh",
                            seed: int = 0, visible_only: bool = False) -> GradeReport:
    """The report of an assignment's notebook that cannot be graded at all (missing, unreadable):
    every test scores 0 with `message`, so the report still counts the assignment's real maximum."""
    report = GradeReport(str(path), assignment, seed, isolation="-")
    report.problems.append(message)
    if assignment in ASSIGNMENTS:
        report.tests = _failed_everything(_tests(assignment, visible_only), message, diagnosis, lang)
    return report


def grade_notebook(path: str | os.PathLike, assignment: str | None = None, *, seed: int | None = None,
                   lang: str = "zh", visible_only: bool = False, launcher=None,
                   limits: dict | None = None) -> GradeReport:
    """Grade one notebook.  `limits` overrides the assignment's worker limits: either one flat dict
    ({"call_timeout": 3}) or per assignment as in nbgrader_config.py ({"ch06": {...}, "*": {...}})."""
    started = time.perf_counter()
    seed = secrets.randbelow(2**31) if seed is None else int(seed)
    launcher = launcher or _default_launcher()
    try:
        nb = read_notebook(path)
    except NotebookError as e:
        assignment = assignment or infer_assignment(Notebook(str(path), (), {}), ASSIGNMENTS)
        report = report_without_notebook(str(path), assignment, text("notebook_unreadable", lang, detail=e.render(lang)),
                                         "unreadable_notebook", lang, seed, visible_only)
        report.isolation = launcher.name
        report.seconds = time.perf_counter() - started
        return report
    report = GradeReport(str(path), assignment, seed, isolation=launcher.name)
    if assignment is not None:
        other = infer_assignment(nb, ASSIGNMENTS) or guess_assignment(extract(nb))
        if other is not None and other != assignment:
            report.problems.append(text("looks_like_other_chapter", lang, given=assignment, found=other))
    assignment = assignment or infer_assignment(nb, ASSIGNMENTS)
    program = extract(nb, graded_functions(assignment) if assignment in ASSIGNMENTS else frozenset())
    if assignment is None:
        assignment = guess_assignment(program)
        if assignment is not None:
            program = extract(nb, graded_functions(assignment))
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
    from autograder.worker_client import WorkerStudent
    with WorkerStudent(program, spec, launcher) as student:   # starts loading the submission now
        tests = _tests(assignment, visible_only)               # ... while the graders are imported
        warm_up(spec.grader_module)                            # ... and what their tests import late
        for e in student.load_report():
            report.problems.append(text("load_error", lang, cell=e.get("cell"), line=e.get("line"),
                                        detail=f"{e.get('etype')}: {e.get('detail', '')}"))
        report.tests = run_tests(tests, student, seed=seed, catalogue=catalogue_of(spec.grader_module), lang=lang,
                                 reference=reference_of(spec.grader_module))
        report.isolation = student.launcher.name
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
