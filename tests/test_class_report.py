"""The class report as an instructor gets it: a small ch05 class graded by `autograder course grade`,
then `autograder course report`; every number the report prints is checked against the results.json
files grading stored, and the named mistakes against the ones planted in the class."""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from autograder.class_report import student_result
from autograder.messages import mistake_text
from helpers import ROOT
from tools import submissions

BIN = Path(sys.executable).parent
ENV = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}", TF_CPP_MIN_LOG_LEVEL="2")

MISSING_1_OVER_M = "ch05.compute_loss.missing_1_over_m"
TANH_DERIVATIVE = "ch05.back_propagation.tanh_derivative_from_Z1"
PROBABILITIES = "ch05.predict.returns_probabilities"
CLASS = {"amy": [], "bob": [MISSING_1_OVER_M], "cyd": [MISSING_1_OVER_M, TANH_DERIVATIVE],
         "dee": [MISSING_1_OVER_M, PROBABILITIES], "eve": [TANH_DERIVATIVE]}
PLANTED = [(MISSING_1_OVER_M, 3), (TANH_DERIVATIVE, 2), (PROBABILITIES, 1)]   # by how many students


def autograder(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "autograder"), *args], env=ENV, capture_output=True, text=True, timeout=600)


def new_course(tmp: Path, chapter: str) -> Path:
    course = tmp / "course"
    (course / "source").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text((ROOT / "nbgrader_config.py").read_text())
    shutil.copytree(ROOT / "source" / chapter, course / "source" / chapter)
    subprocess.run([str(BIN / "nbgrader"), "generate_assignment", chapter, "--force", "--log-level=ERROR"],
                   cwd=course, env=ENV, capture_output=True, text=True, check=True)
    return course


def submit(course: Path, student: str, chapter: str, nb: dict) -> None:
    folder = course / "submitted" / student / chapter
    submissions.write(nb, folder / f"{chapter}.ipynb")
    (folder / "timestamp.txt").write_text("2026-11-20 12:00:00.000000 UTC\n")


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """Seven ch05 students graded (right, the planted mistakes, untouched, a corrupt file), one more
    submitted after grading; the report in English."""
    course = new_course(tmp_path_factory.mktemp("class"), "ch05")
    for student, mistakes in CLASS.items():
        submit(course, student, "ch05", submissions.with_mistakes("ch05", mistakes))
    submit(course, "fay", "ch05", submissions.stub("ch05"))
    (course / "submitted" / "gus" / "ch05").mkdir(parents=True)
    (course / "submitted" / "gus" / "ch05" / "ch05.ipynb").write_text("{ not json")
    graded = autograder("course", "grade", "ch05", "--course-dir", str(course), "--lang", "en", "--seed", "3")
    assert graded.returncode == 0, graded.stderr
    submit(course, "hal", "ch05", submissions.perfect("ch05"))          # not graded yet
    out = autograder("course", "report", "ch05", "--course-dir", str(course), "--lang", "en")
    assert out.returncode == 0, out.stderr
    return course, out


def stored(course: Path) -> dict[str, dict]:
    """{student: results.json} as `course grade` stored them."""
    return {p.parent.parent.name: json.loads(p.read_text())
            for p in sorted(course.glob("feedback/*/ch05/results.json"))}


def report_md(course: Path) -> str:
    return (course / "reports" / "ch05" / "report.md").read_text()


def test_named_mistakes_are_ranked_by_how_many_students_made_them(graded_class):
    course, _ = graded_class
    results = stored(course)
    item = re.compile(r"^\d+\. (\d+) of 7 students \(\d+%\) in (.+?) \(`(ch05\.[\w.]+)`\)$", re.M)
    ranked = [(m.group(3), int(m.group(1)), m.group(2)) for m in item.finditer(report_md(course))]
    assert [(mistake, count) for mistake, count, _ in ranked] == PLANTED
    for mistake, count, sentence in ranked:
        made_it = {s for s, r in results.items() if mistake in {t["extra_data"]["diagnosis"] for t in r["tests"]}}
        assert len(made_it) == count, mistake
        assert sentence.replace("\\_", "_") == f"{mistake.split('.')[1]}: {mistake_text(mistake, 'en')}"


def test_totals_and_each_function_agree_with_the_stored_results(graded_class):
    course, _ = graded_class
    results, md = stored(course), report_md(course)
    totals = [r["score"] for r in results.values()]
    assert len(results) == 7 and f"7 graded students in {course}." in md
    assert (f"Total: mean {statistics.fmean(totals):.1f}, median {statistics.median(totals):g}, lowest 0, "
            f"highest {max(totals):g} (out of {results['amy']['max_score']:g}); 1 student(s) with full marks, "
            f"2 with 0.") in md
    row = re.compile(r"^\| ([\w\\]+) \| ([\d.]+) \| ([\d.]+) \| (\d+)% \| (\d+) \(\d+%\) \| (\d+) \(\d+%\) \|$", re.M)
    rows = {m.group(1).replace(r"\_", "_"): m.groups()[1:] for m in row.finditer(md)}
    functions = list(dict.fromkeys(t["extra_data"]["function"] for t in results["amy"]["tests"]))
    assert list(rows) == functions
    for function in functions:
        got = [(sum(t["score"] for t in r["tests"] if t["extra_data"]["function"] == function),
                sum(t["max_score"] for t in r["tests"] if t["extra_data"]["function"] == function))
               for r in results.values()]
        points, mean, _, zero, full = rows[function]
        assert float(points) == got[0][1]
        assert float(mean) == pytest.approx(statistics.fmean(g for g, _ in got), abs=0.005)
        assert int(zero) == sum(1 for g, _ in got if g == 0)
        assert int(full) == sum(1 for g, m in got if g == m)
    assert rows["compute_loss"][3] == "5" and rows["back_propagation"][3] == "4"   # 3 + 2 planted, fay, gus


def test_other_reasons_name_what_no_catalogued_mistake_explains(graded_class):
    course, _ = graded_class
    md = report_md(course)
    section = md.split("## Other reasons for lost points")[1]
    assert "1. " in section and "1 of 7 students (14%): the notebook file could not be read" in section
    for function in ("initialize\\_parameters", "back\\_propagation", "predict"):
        assert f"1 of 7 students (14%): {function} not implemented (still raises NotImplementedError)" in section
    # eve's and cyd's failing gradient check is their tanh derivative, named above: not "wrong results"
    assert "not a catalogued mistake" not in section
    assert "1 more submission(s) have no results yet (hal)" in md


def test_the_page_embeds_the_plots_and_the_pngs_are_beside_the_markdown(graded_class):
    course, out = graded_class
    folder = course / "reports" / "ch05"
    assert out.stderr == "" and str(folder / "report.html") in out.stdout
    md, page = report_md(course), (folder / "report.html").read_text()
    for name in ("scores.png", "functions.png", "mistakes.png"):
        assert (folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and f"]({name})" in md
    embedded = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(embedded) == 3 and all(base64.b64decode(e)[:4] == b"\x89PNG" for e in embedded)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "3 of 7 students (43%) in compute_loss: " + mistake_text(MISSING_1_OVER_M, "en") in page


def test_the_report_is_in_chinese_by_default(graded_class, tmp_path):
    course, _ = graded_class
    out = autograder("course", "report", "ch05", "--course-dir", str(course), "-o", str(tmp_path / "zh"))
    assert out.returncode == 0 and out.stderr == ""
    md = (tmp_path / "zh" / "report.md").read_text()
    assert md.startswith("# ch05（浅层神经网络）班级报告")
    assert f"7 名学生中有 3 名（43%）在 compute\\_loss 中：{mistake_text(MISSING_1_OVER_M, 'zh')}" in md
    assert "students" not in md and "Total" not in md
    assert (tmp_path / "zh" / "report.html").read_text().count("data:image/png;base64,") == 3


def test_nothing_graded_yet_is_a_clear_refusal(tmp_path):
    (tmp_path / "submitted" / "ann" / "ch05").mkdir(parents=True)
    out = autograder("course", "report", "ch05", "--course-dir", str(tmp_path), "--lang", "en")
    assert out.returncode == 2 and "run `autograder course grade ch05` first" in out.stderr
    out = autograder("course", "report", "ch99", "--course-dir", str(tmp_path), "--lang", "en")
    assert out.returncode == 2 and "There is no assignment ch99" in out.stderr


def test_a_missing_notebook_counts_once_not_once_per_function():
    test = lambda function, diagnosis: {"score": 0.0, "max_score": 1.0, "extra_data":  # noqa: E731
                                        {"function": function, "diagnosis": diagnosis}}
    missing = student_result("ann", [{"tests": [test("f", "missing_notebook"), test("g", "missing_notebook")]}])
    assert missing.reasons == {("", "missing_notebook")} and missing.functions == {"f": [0, 1], "g": [0, 1]}
    mixed = student_result("ben", [{"tests": [test("f", "ch05.f.x"), test("f", None), test("g", None),
                                              test("h", "timeout")]}])
    assert mixed.mistakes == {"ch05.f.x"} and mixed.reasons == {("g", "unnamed"), ("h", "timeout")}
