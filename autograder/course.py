"""Course mode, the nbgrader bridge: grade `submitted/STUDENT/chNN/` into the course's gradebook.

    autograder course grade ch05 --course-dir COURSE [--force] [--student NAME ...] [--jobs N]

Before grading anything it checks that the course directory exists and that the assignment is in
the gradebook (`nbgrader generate_assignment chNN` records it, with its notebooks and grade cells).
A submission is the assignment's notebooks by name, nbgrader's rule (`ch05.ipynb`); any other
notebook in the folder (`ch05 (1).ipynb`, `scratch.ipynb`) is reported as a warning for that
student and not graded, and a missing notebook scores 0 with a message that says so.

Submissions are graded in parallel (`autograder.dispatch`: threads here, or one task each on a Dask
cluster), each in its own worker; this process is the only writer.  Each
result is stored as soon as it is ready: the feedback (`feedback/STUDENT/chNN/chNN.md`,
`results.json`), the gradebook (one transaction: scores per grade cell, verdicts per solution
cell), then the autograded notebook (`autograded/STUDENT/chNN/chNN.ipynb`, written last and
atomically: it marks the submission as done).  A run killed at any point keeps everything it
finished; the next run skips every submission whose autograded notebook was made from the same
file (`--force` regrades them all, `--student` the named ones).  The table printed at the end is
read back from what was stored, so it always agrees with the gradebook, the CSV export, the
feedback and results.json.
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from autograder import autograded, dispatch, gradebook
from autograder.assignments import ASSIGNMENTS
from autograder.messages import text
from autograder.pipeline import report_without_notebook
from autograder.report import markdown_feedback, write_atomic, write_results
from autograder.results import GradeReport


class CourseError(Exception):
    """The course cannot be graded as asked; `key`/`params` render the message."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params

    def render(self, lang: str) -> str:
        return text(self.key, lang, **self.params)


@dataclass
class Submission:
    """One student's submission of the assignment: the notebooks found under their names, and what
    else the folder holds."""

    student: str
    folder: Path
    timestamp: str | None
    notebooks: dict[str, Path] = field(default_factory=dict)     # expected name -> file
    missing: list[str] = field(default_factory=list)             # expected names without a file
    extra: list[str] = field(default_factory=list)               # other .ipynb files in the folder


def find_submissions(course_dir: Path, assignment: str, expected: list[str]) -> list[Submission]:
    """Every student folder `submitted/STUDENT/<assignment>/`, sorted by student."""
    root = course_dir / "submitted"
    out = []
    for student_dir in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        folder = student_dir / assignment
        if not folder.is_dir():
            continue
        stamp = folder / "timestamp.txt"
        sub = Submission(student_dir.name, folder, stamp.read_text().strip() if stamp.exists() else None)
        for name in expected:
            path = folder / f"{name}.ipynb"
            if path.is_file():
                sub.notebooks[name] = path
            else:
                sub.missing.append(name)
        sub.extra = sorted(p.name for p in folder.glob("*.ipynb") if p.stem not in expected)
        out.append(sub)
    return out


class Course:
    """Paths of one assignment in an nbgrader course directory."""

    def __init__(self, course_dir: Path, assignment: str):
        self.dir, self.assignment = course_dir, assignment

    def feedback(self, student: str) -> Path:
        return self.dir / "feedback" / student / self.assignment

    def autograded(self, student: str, name: str) -> Path:
        return self.dir / "autograded" / student / self.assignment / f"{name}.ipynb"

    def results(self, student: str, name: str) -> Path:
        """results.json of one notebook (`results.json` for the assignment's single notebook)."""
        return self.feedback(student) / ("results.json" if name == self.assignment else f"{name}.results.json")

    def is_done(self, sub: Submission) -> bool:
        """Whether every notebook was graded from the file that is there now (and nothing is missing)."""
        return not sub.missing and all(
            autograded.graded_checksum(self.autograded(sub.student, name)) == autograded.checksum(path)
            and self.results(sub.student, name).exists() for name, path in sub.notebooks.items())


def preflight(course_dir: Path, assignment: str) -> list[str]:
    """The assignment's notebook names, after checking that the course can be graded at all."""
    if not course_dir.is_dir():
        raise CourseError("course_no_directory", path=str(course_dir))
    if assignment not in ASSIGNMENTS:
        raise CourseError("unknown_assignment_named", assignment=assignment, known=", ".join(ASSIGNMENTS))
    try:
        return gradebook.assignment_notebooks(course_dir, assignment)
    except gradebook.GradebookError as e:
        raise CourseError(f"course_{e}", assignment=assignment, path=str(course_dir)) from None


def grade_course(course_dir: str, assignment: str, *, jobs: int = 0, lang: str = "zh", seed: int | None = None,
                 launcher=None, force: bool = False, students: list[str] | None = None, quiet: bool = False,
                 scheduler: str | None = None, warm: bool = True) -> int:
    """Grade the class; the exit status (0 done, 2 the course cannot be graded, 3 some submission could
    not be graded by the grader itself, 130 interrupted: what finished is kept)."""
    course_dir = Path(course_dir).resolve()
    try:
        expected = preflight(course_dir, assignment)
    except CourseError as e:
        print(f"autograder: {e.render(lang)}", file=sys.stderr)
        return 2
    course = Course(course_dir, assignment)
    subs = find_submissions(course_dir, assignment, expected)
    if students:
        unknown = sorted(set(students) - {s.student for s in subs})
        for name in unknown:
            print(f"autograder: {text('course_no_such_student', lang, student=name, assignment=assignment)}",
                  file=sys.stderr)
        subs = [s for s in subs if s.student in students]
    if not subs:
        print(f"autograder: {text('course_no_submissions', lang, path=str(course_dir / 'submitted'), assignment=assignment)}",
              file=sys.stderr)
        return 0 if students is None else 2
    for sub in subs:
        for name in sub.extra:
            print(f"autograder: {text('course_extra_notebook', lang, student=sub.student, file=name, expected=', '.join(f'{e}.ipynb' for e in expected))}",
                  file=sys.stderr)
    todo = subs if force or students else [s for s in subs if not course.is_done(s)]
    skipped = len(subs) - len(todo)
    from autograder.config import default_config_file, load_config, load_limits
    limits = load_limits(default_config_file(course_dir))
    scheduler = scheduler or load_config(default_config_file(course_dir)).get("scheduler")
    runner = dispatch.Dask(scheduler, warm) if scheduler else dispatch.Local(jobs, launcher, warm)
    by_student = {s.student: s for s in todo}
    jobs_ = [dispatch.Job(s.student, dict(s.notebooks), assignment, seed, lang, limits) for s in todo]
    started = time.monotonic()
    failed: list[str] = []
    progress = Progress(len(jobs_), lang, quiet)
    writer = gradebook.Writer(course_dir, assignment)
    try:
        for job, outcome in runner.run(jobs_):
            sub = by_student[job.student]
            if isinstance(outcome, dispatch.GradingFailed):
                failed.append(sub.student)
                print(f"autograder: {text('course_submission_failed', lang, student=sub.student, detail=outcome.detail)}",
                      file=sys.stderr)
            else:
                store(course, sub, outcome, expected, lang, writer)
            progress.step(sub.student, failed=isinstance(outcome, dispatch.GradingFailed))
    except KeyboardInterrupt:
        progress.close()
        print(f"\nautograder: {text('course_interrupted', lang, done=progress.done, total=len(todo))}", file=sys.stderr)
        return 130
    finally:
        writer.close()
    progress.close()
    done = progress.done - len(failed)
    if not quiet:
        print(score_table(course, subs, expected, lang))
        print("\n" + text("course_summary", lang, graded=done, skipped=skipped, failed=len(failed),
                          seconds=time.monotonic() - started))
        print(text("course_paths", lang, feedback=str(course_dir / "feedback"), assignment=assignment,
                   autograded=str(course_dir / "autograded"), gradebook=str(course_dir / "gradebook.db")))
    if failed:
        print(f"autograder: {text('course_failed', lang, count=len(failed), students=', '.join(failed))}",
              file=sys.stderr)
        return 3
    return 0


def store(course: Course, sub: Submission, reports: dict[str, GradeReport], expected: list[str], lang: str,
          writer: gradebook.Writer) -> None:
    """Write one student's results: feedback and results.json, the gradebook, the autograded notebooks."""
    all_reports = dict(reports)
    for name in sub.missing:
        found = ", ".join(sub.extra) or "—"
        message = text("course_missing_notebook", lang, file=f"{name}.ipynb", found=found)
        all_reports[name] = report_without_notebook(str(sub.folder / f"{name}.ipynb"), course.assignment, message,
                                                    "missing_notebook", lang)
    for name, report in all_reports.items():
        if sub.extra:
            report.problems.append(text("course_extra_notebooks_ignored", lang, files=", ".join(sub.extra)))
        out = course.feedback(sub.student)
        write_atomic(out / f"{name}.md", markdown_feedback(report, lang))
        write_results(report, course.results(sub.student, name))
    submitted = {name: autograded.load(path) for name, path in sub.notebooks.items()}
    results = []
    for name in expected:
        report = all_reports[name]
        comments = autograded.solution_comments(submitted[name], report, lang) if name in reports else {}
        results.append(gradebook.NotebookResult(name, autograded.cell_scores(report), comments))
    writer.record(sub.student, sub.timestamp, results)
    for name, path in sub.notebooks.items():
        nb = autograded.autograded_notebook(submitted[name], reports[name], autograded.checksum(path), lang)
        write_atomic(course.autograded(sub.student, name), json.dumps(nb, ensure_ascii=False, indent=1) + "\n")


def stored_scores(course: Course, sub: Submission, expected: list[str]) -> dict[str, tuple[float, float]] | None:
    """{function: (score, max)} as stored in the student's results.json files (None: never graded)."""
    scores: dict[str, list[float]] = {}
    for name in expected:
        try:
            results = json.loads(course.results(sub.student, name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        for t in results["tests"]:
            s = scores.setdefault(t["extra_data"]["function"], [0.0, 0.0])
            s[0] += t["score"]
            s[1] += t["max_score"]
    return {k: (v[0], v[1]) for k, v in scores.items()}


def score_table(course: Course, subs: list[Submission], expected: list[str], lang: str) -> str:
    rows = [(sub.student, stored_scores(course, sub, expected)) for sub in subs]
    functions = next((list(s) for _, s in rows if s), [])
    header = [text("student", lang)] + functions + [text("total", lang).lower()]
    table = []
    for student, scores in rows:
        if scores is None:
            table.append([student] + ["—"] * len(functions) + ["—"])
            continue
        total = (sum(s for s, _ in scores.values()), sum(m for _, m in scores.values()))
        table.append([student] + [f"{scores.get(f, (0, 0))[0]:g}/{scores.get(f, (0, 0))[1]:g}" for f in functions]
                     + [f"{total[0]:g}/{total[1]:g}"])
    widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths))  # noqa: E731
    return "\n".join([fmt(header), fmt(["-" * w for w in widths])] + [fmt(r) for r in table])


class Progress:
    """Progress while a class is graded: a bar with count, rate and ETA on a terminal (rich), else a
    line every few seconds (a log, CI); nothing when quiet."""

    EVERY = 5.0   # seconds between lines when stderr is not a terminal

    def __init__(self, total: int, lang: str, quiet: bool):
        self.total, self.lang, self.quiet = total, lang, quiet
        self.done = self.failed = 0
        self.started = self.last = time.monotonic()
        self.bar = None
        if not quiet and total and sys.stderr.isatty():
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                           transient=True)
            self.task = self.bar.add_task(text("progress_grading", lang), total=total, rate="")
            self.bar.start()

    def step(self, student: str, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-9)
        if self.bar is not None:
            self.bar.update(self.task, advance=1, rate=f"{rate:.1f}/s")
        elif not self.quiet and (now - self.last >= self.EVERY or self.done == self.total):
            self.last = now
            eta = (self.total - self.done) / rate if rate else 0.0
            print(text("progress_line", self.lang, done=self.done, total=self.total, rate=rate, eta=eta,
                       failed=self.failed), file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
