"""The autograded notebook, as `nbgrader autograde` leaves it in `autograded/STUDENT/chNN/`.

It is the student's submission, untouched except that each test cell `test_<function>` shows our
verdict for that function as its output (visible tests with their details, hidden tests with the
kind of mistake only, as every message is written), and the notebook's metadata records what was
graded (`autograder.submission_sha256`, seed, score).  nbgrader's formgrader, `generate_feedback`
and `release_feedback` work on top of it and of the gradebook.
"""
from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path

from autograder.messages import text
from autograder.results import GradeReport

_DEFINES = re.compile(r"^(?:def|class)\s+(\w+)", re.M)


def checksum(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load(path: Path) -> dict:
    """The submission as notebook JSON; one that cannot be read becomes an empty notebook (its report
    already says why), so that the autograded copy still exists and shows the verdict."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        if isinstance(nb, dict) and isinstance(nb.get("cells"), list):
            return nb
    except (OSError, ValueError):
        pass
    return {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def function_verdict(report: GradeReport, function: str, lang: str) -> str:
    """The verdict of one function, as the in-notebook check prints it (hidden tests included)."""
    tests = [t for t in report.tests if t.function == function]
    score, max_score = sum(t.score for t in tests), sum(t.max_score for t in tests)
    lines = [text("check_header", lang, function=function, score=score, max_score=max_score)]
    for t in tests:
        hidden = "" if t.visible else text("hidden_test", lang)
        lines.append(f"  {'✓' if t.status == 'passed' else '✗'} {t.description}{hidden}")
        if t.status != "passed" or t.graded_around:
            lines.append(f"      {t.output}")
    return "\n".join(lines) + "\n"


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _nbgrader(cell: dict) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def solution_comments(submission: dict, report: GradeReport, lang: str) -> dict[str, str]:
    """{solution cell id: the verdicts of the graded functions the cell defines}."""
    graded = set(report.by_function())
    comments = {}
    for cell in submission.get("cells", []):
        meta = _nbgrader(cell)
        if meta.get("solution") and meta.get("grade_id"):
            functions = [f for f in _DEFINES.findall(_source(cell)) if f in graded]
            if functions:
                comments[meta["grade_id"]] = "\n".join(function_verdict(report, f, lang) for f in functions)
    return comments


def cell_scores(report: GradeReport) -> dict[str, float]:
    """{grade cell id test_<function>: the function's score}."""
    return {f"test_{function}": score for function, (score, _) in report.by_function().items()}


def autograded_notebook(submission: dict, report: GradeReport, sha256: str, lang: str) -> dict:
    nb = copy.deepcopy(submission)
    graded = report.by_function()
    for cell in nb.get("cells", []):
        meta = _nbgrader(cell)
        grade_id = str(meta.get("grade_id", ""))
        if cell.get("cell_type") == "code" and meta.get("grade") and not meta.get("solution") \
                and grade_id.startswith("test_") and grade_id[5:] in graded:
            cell["outputs"] = [{"output_type": "stream", "name": "stdout",
                                "text": function_verdict(report, grade_id[5:], lang)}]
    if not nb.get("cells") and report.problems:
        nb["cells"] = [{"cell_type": "markdown", "metadata": {}, "source": "\n\n".join(report.problems)}]
    nb.setdefault("metadata", {})["autograder"] = {
        "assignment": report.assignment, "submission_sha256": sha256, "seed": report.seed,
        "score": report.score, "max_score": report.max_score}
    return nb


def graded_checksum(path: Path) -> str | None:
    """The checksum of the submission an autograded notebook was made from (None when there is none)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))["metadata"]["autograder"]["submission_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
