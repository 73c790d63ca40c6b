"""Course mode, the nbgrader bridge: grade `submitted/STUDENT/chNN/*.ipynb` into nbgrader's gradebook.

    autograder course grade ch05 --course-dir COURSE

The assignment must have been released with `nbgrader generate_assignment chNN` (that records its
notebooks and grade cells in the gradebook).  Submissions are graded in parallel, each in its own
worker; the gradebook is written only here, by the grader, one transaction per submission: each
test cell `test_<function>` gets the function's score as its `auto_score`, so `nbgrader export`
and the formgrader show our grades.  Feedback goes to `feedback/STUDENT/chNN/` (`feedback.md` and
Gradescope's `results.json`), written atomically; the submissions are never modified.
"""
from __future__ import annotations

import os
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from autograder.pipeline import grade_notebook
from autograder.results import GradeReport
from autograder.report import markdown_feedback, write_atomic, write_results


@dataclass
class Submission:
    student: str
    notebook: Path
    timestamp: str | None


def find_submissions(course_dir: Path, assignment: str) -> list[Submission]:
    out = []
    root = course_dir / "submitted"
    if not root.is_dir():
        return out
    for student_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        folder = student_dir / assignment
        if not folder.is_dir():
            continue
        stamp = folder / "timestamp.txt"
        timestamp = stamp.read_text().strip() if stamp.exists() else None
        for nb in sorted(folder.glob("*.ipynb")):
            out.append(Submission(student_dir.name, nb, timestamp))
    return out


def _progress(done: int, total: int, name: str) -> None:
    """A progress bar on a terminal; nothing when stderr is a file or a pipe."""
    if not sys.stderr.isatty():
        return
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:30]:<30}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def write_gradebook(course_dir: Path, assignment: str, graded: list[tuple[Submission, GradeReport]]) -> None:
    """Record every function's score as the auto_score of its nbgrader test cell `test_<function>`."""
    import warnings

    from nbgrader.api import Gradebook, MissingEntry
    from sqlalchemy.exc import SAWarning

    url = f"sqlite:///{course_dir / 'gradebook.db'}"
    with Gradebook(url) as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)  # nbgrader's own add_submission warns on every call
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise SystemExit(f"autograder: {assignment} is not in the gradebook; run "
                             f"`nbgrader generate_assignment {assignment}` in {course_dir} first") from None
        for sub, report in graded:
            gb.update_or_create_student(sub.student)
            try:
                gb.find_submission(assignment, sub.student)
            except MissingEntry:
                kwargs = {"timestamp": sub.timestamp} if sub.timestamp else {}
                gb.add_submission(assignment, sub.student, **kwargs)
            notebook = sub.notebook.stem
            scores = report.by_function()
            try:
                submitted = gb.find_submission_notebook(notebook, assignment, sub.student)
            except MissingEntry:
                print(f"autograder: {sub.notebook} is not a notebook of {assignment}; skipped", file=sys.stderr)
                continue
            for grade in submitted.grades:
                cell = grade.cell
                if not cell.name.startswith("test_"):
                    continue
                score, _ = scores.get(cell.name[len("test_"):], (0.0, 0.0))
                grade.auto_score = min(float(score), float(cell.max_score))
                grade.needs_manual_grade = False
            gb.db.commit()


def grade_course(course_dir: str, assignment: str, *, jobs: int = 0, lang: str = "zh", seed: int | None = None,
                 launcher=None) -> int:
    course = Path(course_dir).resolve()
    submissions = find_submissions(course, assignment)
    if not submissions:
        print(f"autograder: no submissions in {course / 'submitted'}/*/{assignment}/", file=sys.stderr)
        return 0
    jobs = jobs or os.cpu_count() or 1
    from autograder.config import default_config_file, load_limits
    limits = load_limits(default_config_file(course))
    graded: list[tuple[Submission, GradeReport]] = []

    def one(sub: Submission) -> tuple[Submission, GradeReport | None]:
        try:
            return sub, grade_notebook(sub.notebook, assignment, seed=seed, lang=lang, launcher=launcher,
                                       limits=limits)
        except Exception:  # a failure of the grader itself: that submission is left out, loudly
            print(f"autograder: grading {sub.notebook} failed; not written to the gradebook:", file=sys.stderr)
            traceback.print_exc()
            return sub, None

    failed = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for i, (sub, report) in enumerate(pool.map(one, submissions), 1):
            if report is None:
                failed.append(sub)
                continue
            graded.append((sub, report))
            out = course / "feedback" / sub.student / assignment
            write_atomic(out / f"{sub.notebook.stem}.md", markdown_feedback(report, lang))
            write_results(report, out / "results.json")
            _progress(i, len(submissions), sub.student)
    write_gradebook(course, assignment, graded)
    print(score_table(graded))
    print(f"\nfeedback: {course / 'feedback'}/STUDENT/{assignment}/   gradebook: {course / 'gradebook.db'}")
    if failed:
        print(f"autograder: {len(failed)} submission(s) could not be graded: "
              + ", ".join(str(f.notebook) for f in failed), file=sys.stderr)
        return 3
    return 0


def score_table(graded: list[tuple[Submission, GradeReport]]) -> str:
    if not graded:
        return ""
    functions = list(graded[0][1].by_function())
    header = ["student"] + functions + ["total"]
    rows = []
    for sub, report in graded:
        per = report.by_function()
        rows.append([sub.student] + [f"{per.get(f, (0, 0))[0]:g}/{per.get(f, (0, 0))[1]:g}" for f in functions]
                    + [f"{report.score:g}/{report.max_score:g}"])
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths))  # noqa: E731
    return "\n".join([fmt(header), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows])
