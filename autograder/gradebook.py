"""nbgrader's gradebook (SQLite by default), as course mode writes it: one transaction per submission.

`record` stores one student's result for one assignment the way `nbgrader autograde` would: the
submission with its timestamp, every notebook of the assignment, each grade cell `test_<function>`
with that function's score as its auto_score, and each solution cell's auto_comment with the verdict
of the functions defined in it.  Everything for one student is committed at once, so a run killed
at any moment leaves each submission either fully written or untouched.
"""
from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import importlib.util
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path


class GradebookError(Exception):
    """The gradebook cannot be used for this assignment; the message says what to do."""


@dataclass
class NotebookResult:
    """What to store for one notebook of a submission."""

    name: str                                        # the notebook's name in the assignment (ch05)
    scores: dict[str, float] = field(default_factory=dict)     # grade cell id -> score
    comments: dict[str, str] = field(default_factory=dict)     # solution cell id -> comment


def nbgrader_api():
    """`nbgrader.api` (the gradebook's ORM), imported without what the gradebook does not use, which
    every `course` command would otherwise pay for (5.3 s here, against 0.9 s):

    * nbgrader's package `__init__` imports its four Jupyter server extensions (the formgrader, the
      exchange, tornado handlers: 1.4 s).  When nothing has imported `nbgrader` yet, the package is
      registered as a plain namespace over its folder (with `__version__`, the one top-level name
      nbgrader's own modules read), so that `nbgrader.api` and `nbgrader.utils` load alone; any
      other nbgrader module still imports from that folder as usual.
    * jsonschema's optional IRI syntax checker `rfc3987_syntax` builds 38 parsers when imported
      (2.3 s), for the "iri" string formats that neither nbformat's notebook schema nor the
      gradebook uses; jsonschema skips those formats when the module is missing."""
    if "nbgrader.api" in sys.modules:
        return sys.modules["nbgrader.api"]
    if "nbgrader" not in sys.modules:
        spec = importlib.util.find_spec("nbgrader")
        package = importlib.util.module_from_spec(importlib.machinery.ModuleSpec(
            "nbgrader", None, origin=spec.origin, is_package=True))
        package.__path__ = list(spec.submodule_search_locations)
        package.__file__ = spec.origin
        sys.modules["nbgrader"] = package
        package.__version__ = importlib.import_module("nbgrader._version").__version__
    if "rfc3987_syntax" in sys.modules:
        return importlib.import_module("nbgrader.api")
    sys.modules["rfc3987_syntax"] = None   # `import rfc3987_syntax` raises ImportError
    try:
        return importlib.import_module("nbgrader.api")
    finally:
        del sys.modules["rfc3987_syntax"]


def url_of(course_dir: Path) -> str:
    return f"sqlite:///{Path(course_dir) / 'gradebook.db'}"


@contextlib.contextmanager
def opened(course_dir: Path):
    """The course's gradebook (nbgrader's Gradebook), quiet about SQLAlchemy's warnings."""
    Gradebook = nbgrader_api().Gradebook
    from sqlalchemy.exc import SAWarning
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        with Gradebook(url_of(course_dir)) as gb:
            yield gb


def assignment_notebooks(course_dir: Path, assignment: str) -> list[str]:
    """The names of the assignment's notebooks (nbgrader's rule for what a submission holds)."""
    MissingEntry = nbgrader_api().MissingEntry
    if not (Path(course_dir) / "gradebook.db").exists():
        raise GradebookError("no_gradebook")
    with opened(course_dir) as gb:
        try:
            return sorted(nb.name for nb in gb.find_assignment(assignment).notebooks)
        except MissingEntry:
            raise GradebookError("assignment_not_in_gradebook") from None


class Writer:
    """The course's gradebook held open while a class is graded: `record` one student at a time, each
    in its own transaction.  The assignment's cells (ids, names, max scores) are read once."""

    def __init__(self, course_dir: Path, assignment: str):
        self.course_dir, self.assignment = Path(course_dir), assignment
        self._opened = opened(self.course_dir)
        self.gb = self._opened.__enter__()
        self._cells: dict[str, tuple[dict, dict]] = {}

    def close(self) -> None:
        self._opened.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _cells_of(self, notebook) -> tuple[dict, dict]:
        """({grade cell id: (name, max score)}, {comment cell id: name}) of one assignment notebook."""
        if notebook.name not in self._cells:
            grades = {c.id: (c.name, float(c.max_score or 0.0)) for c in notebook.grade_cells + notebook.task_cells}
            comments = {c.id: c.name for c in notebook.solution_cells + notebook.task_cells}
            self._cells[notebook.name] = grades, comments
        return self._cells[notebook.name]

    def record(self, student: str, timestamp: str | None, notebooks: list[NotebookResult]) -> None:
        """Store one student's graded submission in one transaction (replacing an earlier one)."""
        from nbgrader import utils
        from nbgrader.api import Comment, Grade, MissingEntry, Student, SubmittedAssignment, SubmittedNotebook
        gb, db = self.gb, self.gb.db
        try:
            try:
                gb.find_student(student)
            except MissingEntry:
                db.add(Student(id=student))
            try:
                submission = gb.find_submission(self.assignment, student)
                if timestamp:
                    submission.timestamp = utils.parse_utc(timestamp)
            except MissingEntry:
                kwargs = {"timestamp": utils.parse_utc(timestamp)} if timestamp else {}
                submission = SubmittedAssignment(assignment=gb.find_assignment(self.assignment),
                                                 student=gb.find_student(student), **kwargs)
                for notebook in submission.assignment.notebooks:
                    nb = SubmittedNotebook(notebook=notebook, assignment=submission)
                    for cell in notebook.grade_cells:
                        Grade(cell_id=cell.id, notebook=nb)
                    for cell in notebook.solution_cells:
                        Comment(cell_id=cell.id, notebook=nb)
                    for cell in notebook.task_cells:
                        Comment(cell_id=cell.id, notebook=nb)
                        Grade(cell_id=cell.id, notebook=nb)
                db.add(submission)
            db.flush()
            by_name = {r.name: r for r in notebooks}
            for nb in submission.notebooks:
                grade_cells, comment_cells = self._cells_of(nb.notebook)
                result = by_name.get(nb.notebook.name, NotebookResult(nb.notebook.name))
                for grade in nb.grades:
                    name, max_score = grade_cells[grade.cell_id]
                    grade.auto_score = min(float(result.scores.get(name, 0.0)), max_score)
                    grade.needs_manual_grade = False
                for comment in nb.comments:
                    comment.auto_comment = result.comments.get(comment_cells[comment.cell_id]) or None
            db.commit()
        except BaseException:
            db.rollback()
            raise


def record(course_dir: Path, assignment: str, student: str, timestamp: str | None,
           notebooks: list[NotebookResult]) -> None:
    """Store one student's graded submission in one transaction (replacing an earlier one)."""
    with Writer(course_dir, assignment) as writer:
        writer.record(student, timestamp, notebooks)


def scores_of(course_dir: Path, assignment: str) -> dict[str, float]:
    """{student: score} as the gradebook holds it (what `nbgrader export` reports)."""
    with opened(course_dir) as gb:
        return {s.student.id: float(s.score) for s in gb.assignment_submissions(assignment)}
