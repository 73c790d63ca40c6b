"""Course mode as an instructor runs it: the course directory after `autograder course grade` is what
nbgrader expects after `nbgrader autograde` (autograded notebooks, per-cell scores and comments in the
gradebook), nbgrader's own tools work on top of it, every place a score is shown agrees, and a run
killed part-way keeps what it finished and resumes."""
from __future__ import annotations

import csv
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from autograder import gradebook
from helpers import ROOT
from tools import submissions

BIN = Path(sys.executable).parent
ENV = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}", TF_CPP_MIN_LOG_LEVEL="2")


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "nbgrader"), *args, "--log-level=ERROR"], cwd=course, env=ENV,
                          capture_output=True, text=True, check=True)


def course_grade(course: Path, chapter: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "autograder"), "course", "grade", chapter, "--course-dir", str(course),
                           "--lang", "en", *args], env=ENV, capture_output=True, text=True, **kwargs)


def new_course(tmp_path: Path, chapter: str) -> Path:
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text((ROOT / "nbgrader_config.py").read_text())
    import shutil
    shutil.copytree(ROOT / "source" / chapter, course / "source" / chapter)
    nbgrader(course, "generate_assignment", chapter, "--force")
    return course


def submit(course: Path, student: str, chapter: str, nb: dict, name: str | None = None, stamp: str | None = None):
    folder = course / "submitted" / student / chapter
    submissions.write(nb, folder / f"{name or chapter}.ipynb")
    (folder / "timestamp.txt").write_text(stamp or "2026-11-20 12:00:00.000000 UTC\n")


def export(course: Path, chapter: str) -> dict[str, float]:
    nbgrader(course, "export", "--to", str(course / "grades.csv"))
    with open(course / "grades.csv") as f:
        return {r["student_id"]: float(r["raw_score"]) for r in csv.DictReader(f) if r["assignment"] == chapter}


def printed(stdout: str) -> dict[str, str]:
    """{student: total} from the table course grade prints."""
    return {m.group(1): m.group(2) for m in re.finditer(r"^(\w+)\s.*?\s(\d+(?:\.\d+)?)/\d+(?:\.\d+)?\s*$", stdout, re.M)}


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """A ch05 class: right, wrong, untouched, corrupt, misnamed, and a folder with an extra notebook."""
    tmp = tmp_path_factory.mktemp("class")
    course = new_course(tmp, "ch05")
    mistake = submissions.with_mistakes("ch05", ["ch05.compute_loss.missing_1_over_m"])
    submit(course, "ann", "ch05", submissions.perfect("ch05"))
    submit(course, "ben", "ch05", mistake)
    submit(course, "cat", "ch05", submissions.stub("ch05"))
    (course / "submitted" / "dan" / "ch05").mkdir(parents=True)
    (course / "submitted" / "dan" / "ch05" / "ch05.ipynb").write_text("{ not json")
    submit(course, "gus", "ch05", submissions.perfect("ch05"), name="ch05 (1)")
    submit(course, "hal", "ch05", mistake)
    submit(course, "hal", "ch05", submissions.perfect("ch05"), name="scratch")
    out = course_grade(course, "ch05", "--seed", "3")
    assert out.returncode == 0, out.stderr
    return course, out


def test_every_place_a_score_is_shown_agrees(graded_class):
    course, out = graded_class
    stored = gradebook.scores_of(course, "ch05")
    csv_scores = export(course, "ch05")
    table = printed(out.stdout)
    for student in ("ann", "ben", "cat", "dan", "gus", "hal"):
        results = json.loads((course / "feedback" / student / "ch05" / "results.json").read_text())
        feedback = (course / "feedback" / student / "ch05" / "ch05.md").read_text()
        total = re.search(r"\*\*Total: ([\d.]+) / ([\d.]+)\*\*", feedback)
        assert stored[student] == csv_scores[student] == results["score"] == float(table[student]) \
            == float(total.group(1)), student
        assert results["max_score"] == float(total.group(2)) > 0
    assert stored["ann"] == json.loads((course / "feedback" / "ann" / "ch05" / "results.json").read_text())["max_score"]
    assert 0 < stored["ben"] < stored["ann"] and stored["hal"] == stored["ben"]
    assert stored["cat"] == stored["dan"] == stored["gus"] == 0
    assert list(table) == ["ann", "ben", "cat", "dan", "gus", "hal"]   # each student once


def test_extra_and_misnamed_notebooks_are_warned_about_per_student(graded_class):
    course, out = graded_class
    assert "gus: ch05 (1).ipynb is not a notebook of this assignment" in out.stderr
    assert "hal: scratch.ipynb is not a notebook of this assignment" in out.stderr
    gus = json.loads((course / "feedback" / "gus" / "ch05" / "results.json").read_text())
    assert "ch05.ipynb was not found" in gus["output"] and "ch05 (1).ipynb" in gus["output"]
    assert "scratch.ipynb" in json.loads((course / "feedback" / "hal" / "ch05" / "results.json").read_text())["output"]


def test_the_course_directory_is_what_nbgrader_autograde_leaves(graded_class):
    course, _ = graded_class
    nb = json.loads((course / "autograded" / "ben" / "ch05" / "ch05.ipynb").read_text())
    check = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "test_compute_loss")
    verdict = check["outputs"][0]["text"]
    assert "compute_loss" in verdict and "missing" in verdict.lower() and "(hidden test)" in verdict
    assert not (course / "autograded" / "gus").exists()          # nothing graded, nothing autograded
    with gradebook.opened(course) as gb:
        comment = gb.find_comment("compute_loss", "ch05", "ch05", "ben").auto_comment
        grade = gb.find_grade("test_compute_loss", "ch05", "ch05", "ben")
        assert grade.auto_score < grade.max_score and not grade.needs_manual_grade
    assert "compute_loss" in comment and "1/m" in comment


def test_nbgrader_generate_feedback_shows_our_verdicts(graded_class):
    course, _ = graded_class
    nbgrader(course, "generate_feedback", "ch05", "--student", "ben", "--force")
    html = (course / "feedback" / "ben" / "ch05" / "ch05.html").read_text()
    total = gradebook.scores_of(course, "ch05")["ben"]
    assert f"{total:g}" in html and "compute_loss" in html and "1/m" in html


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_formgrader_lists_the_class_as_autograded_with_our_scores(graded_class):
    course, _ = graded_class
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "jupyter"), "server", f"--port={port}", "--ip=127.0.0.1", "--no-browser", "--allow-root",
         "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
         f"--ServerApp.root_dir={course}",
         "--ServerApp.jpserver_extensions={'nbgrader.server_extensions.formgrader': True}"],
        cwd=course, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/formgrader/api/submissions/ch05"
        for _ in range(120):
            try:
                listed = json.loads(urllib.request.urlopen(url, timeout=5).read())
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the formgrader did not answer")
        by_student = {s["student"]: s for s in listed}
        stored = gradebook.scores_of(course, "ch05")
        for student in ("ann", "ben", "cat", "dan", "hal"):
            assert by_student[student]["autograded"], student
            assert by_student[student]["score"] == pytest.approx(stored[student])
        notebooks = json.loads(urllib.request.urlopen(
            f"http://127.0.0.1:{port}/formgrader/api/submitted_notebooks/ch05/ch05", timeout=10).read())
        ben = next(nb for nb in notebooks if nb["student"] == "ben")
        assert ben["score"] == pytest.approx(stored["ben"]) and not ben["needs_manual_grade"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_preflight_refuses_before_grading_anything(tmp_path):
    out = course_grade(tmp_path / "nowhere", "ch04")
    assert out.returncode == 2 and "does not exist" in out.stderr
    course = new_course(tmp_path, "ch04")
    submit(course, "ann", "ch07", submissions.perfect("ch07"))
    out = course_grade(course, "ch07")
    assert out.returncode == 2 and "not in the gradebook" in out.stderr
    assert not (course / "feedback").exists() and not (course / "autograded").exists()
    out = course_grade(course, "ch99")
    assert out.returncode == 2 and "ch99" in out.stderr


def test_a_killed_run_keeps_what_it_finished_and_a_rerun_grades_only_the_rest(tmp_path):
    course = new_course(tmp_path, "ch04")
    students = [f"s{i:02d}" for i in range(10)]
    for i, student in enumerate(students):
        nb = submissions.perfect("ch04") if i % 2 else submissions.with_mistakes("ch04", ["ch04.predict.labels_flipped"])
        submit(course, student, "ch04", nb)
    run = subprocess.Popen([str(BIN / "autograder"), "course", "grade", "ch04", "--course-dir", str(course),
                            "--jobs", "1", "--seed", "5", "--no-sandbox"], env=ENV, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    autograded = course / "autograded"
    while run.poll() is None and len(list(autograded.glob("*/ch04/ch04.ipynb"))) < 3:
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    done = sorted(p.parts[-3] for p in autograded.glob("*/ch04/ch04.ipynb"))
    assert 3 <= len(done) < len(students), "the run finished before it could be killed"
    with sqlite3.connect(course / "gradebook.db") as db:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
    stored = gradebook.scores_of(course, "ch04")
    assert set(done) <= set(stored) and len(stored) <= len(done) + 1   # at most the one being written
    rerun = course_grade(course, "ch04", "--jobs", "1", "--seed", "5", "--no-sandbox")
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {len(done)}" in rerun.stdout
    fresh = new_course(tmp_path / "fresh", "ch04")
    for i, student in enumerate(students):
        nb = submissions.perfect("ch04") if i % 2 else submissions.with_mistakes("ch04", ["ch04.predict.labels_flipped"])
        submit(fresh, student, "ch04", nb)
    assert course_grade(fresh, "ch04", "--seed", "5", "--no-sandbox").returncode == 0
    assert gradebook.scores_of(course, "ch04") == gradebook.scores_of(fresh, "ch04")
    assert len(gradebook.scores_of(course, "ch04")) == len(students)


def test_force_and_student_regrade_what_is_asked(tmp_path):
    course = new_course(tmp_path, "ch04")
    submit(course, "ann", "ch04", submissions.perfect("ch04"))
    submit(course, "ben", "ch04", submissions.stub("ch04"))
    assert course_grade(course, "ch04", "--no-sandbox").returncode == 0
    again = course_grade(course, "ch04", "--no-sandbox")
    assert "Graded 0, skipped 2" in again.stdout
    submit(course, "ben", "ch04", submissions.perfect("ch04"))       # a changed file is graded again
    changed = course_grade(course, "ch04", "--no-sandbox")
    assert "Graded 1, skipped 1" in changed.stdout
    assert gradebook.scores_of(course, "ch04")["ben"] == gradebook.scores_of(course, "ch04")["ann"] > 0
    assert "Graded 2, skipped 0" in course_grade(course, "ch04", "--force", "--no-sandbox").stdout
    one = course_grade(course, "ch04", "--student", "ann", "--no-sandbox")
    assert "Graded 1, skipped 0" in one.stdout and one.returncode == 0
    assert course_grade(course, "ch04", "--student", "zed", "--no-sandbox").returncode == 2


def ch04_jobs(folder: Path) -> list:
    """Jobs for three ch04 submissions: right, one mistake, the stub."""
    from autograder import dispatch
    notebooks = {"ann": submissions.perfect("ch04"), "cat": submissions.stub("ch04"),
                 "ben": submissions.with_mistakes("ch04", ["ch04.propagate.cost_missing_1_over_m"])}
    jobs = []
    for student, nb in notebooks.items():
        submissions.write(nb, folder / student / "ch04.ipynb")
        jobs.append(dispatch.Job(student, {"ch04": folder / student / "ch04.ipynb"}, "ch04", 5, "en", {}))
    return jobs


def verdicts(runner, jobs) -> dict:
    """{student: [(test, score, output)]} of a dispatcher's run."""
    return {job.student: [(t.name, t.score, t.output) for t in reports["ch04"].tests]
            for job, reports in runner.run(jobs)}


def test_numpy_chapters_are_graded_in_grader_processes_as_threads_grade_them(tmp_path):
    """A NumPy chapter's class is graded in one grader process per core (one interpreter runs the
    grader's Python on one core at a time); a framework chapter's in threads.  Either way each
    submission gets the same report."""
    from autograder import dispatch
    jobs = ch04_jobs(tmp_path)
    assert dispatch.Local(2).grader_processes(jobs) == 2
    assert dispatch.Local(1).grader_processes(jobs) == 1
    assert dispatch.Local(2).grader_processes([dispatch.Job("x", {}, "ch03", 5, "en", {})]) == 1
    in_processes, in_threads = verdicts(dispatch.Local(2), jobs), verdicts(dispatch.Local(1), jobs)
    assert in_processes == in_threads
    assert sorted(in_processes) == ["ann", "ben", "cat"]
    scores = {s: sum(score for _, score, _ in results) for s, results in in_processes.items()}
    assert scores["ann"] > scores["ben"] > scores["cat"] == 0


def test_grader_processes_that_cannot_start_leave_the_class_to_threads(tmp_path):
    from autograder import dispatch
    from autograder.sandbox import default_launcher
    jobs = ch04_jobs(tmp_path)
    launcher = default_launcher()
    launcher.cannot_be_sent = lambda: None     # a lambda: the launcher cannot reach another process
    with pytest.raises(dispatch.GraderProcessesUnavailable):
        list(dispatch.GraderProcesses(2, launcher).run(jobs))
    assert verdicts(dispatch.Local(2, launcher), jobs) == verdicts(dispatch.Local(1), jobs)
