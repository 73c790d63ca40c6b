"""The nbgrader side: release/ is what `nbgrader generate_assignment` makes of source/, it holds no
solution and no hidden test; plain `nbgrader autograde` gives the reference full marks, the stub 0,
and reproduces the book's figures; `autograder course grade` writes the real gradebook."""
from __future__ import annotations

import csv
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from tools import nbbuild, release, submissions

BIN = Path(sys.executable).parent
CHAPTERS = [c for c in release.chapters() if os.environ.get("CHAPTERS") is None or c in os.environ["CHAPTERS"].split()]
ENV = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}", TF_CPP_MIN_LOG_LEVEL="2")


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "nbgrader"), *args, "--log-level=ERROR"], cwd=course, env=ENV,
                          capture_output=True, text=True, check=True)


def test_release_is_what_nbgrader_generates(tmp_path):
    release.generate(CHAPTERS, tmp_path)
    for chapter in CHAPTERS:
        cmp = filecmp.dircmp(ROOT / "release" / chapter, tmp_path / chapter, ignore=["__pycache__"])
        assert not (cmp.left_only or cmp.right_only or cmp.diff_files), \
            f"release/{chapter} is stale: run `make release` ({cmp.left_only} {cmp.right_only} {cmp.diff_files})"
        for sub in cmp.subdirs.values():
            assert not (sub.left_only or sub.right_only or sub.diff_files)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_release_holds_no_solution_and_no_hidden_test(chapter):
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "release" / chapter).rglob("*")
                     if p.is_file() and p.suffix in (".ipynb", ".py"))
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "hidden=True", "solutions."):
        assert marker not in text
    ref = __import__(f"solutions.{chapter}", fromlist=["x"])
    nb = submissions.stub(chapter)
    for cell in nb["cells"]:
        if not cell["metadata"].get("nbgrader", {}).get("solution"):
            continue
        body = "".join(cell["source"])
        assert "raise NotImplementedError()" in body
        for name in re.findall(r"^def (\w+)\(", body, re.M):
            import inspect
            source = inspect.getsource(getattr(ref, name))
            doc_end = source.find('"""', source.find('"""') + 3) + 3
            code_lines = [l.strip() for l in source[doc_end:].splitlines() if l.strip() and not l.strip().startswith("#")]
            leaked = [l for l in code_lines if l in body.splitlines() or f"    {l}" in body]
            assert not [l for l in leaked if len(l) > 12], f"{name} leaks {leaked}"


@pytest.fixture(scope="module")
def autograded(tmp_path_factory):
    """One nbgrader course with every chapter: `ref` submits the reference, `stub` the release."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", course)
    for chapter in CHAPTERS:
        shutil.copytree(ROOT / "source" / chapter, course / "source" / chapter)
        nbgrader(course, "generate_assignment", chapter, "--force")
        for student, nb in (("ref", submissions.perfect(chapter)), ("stub", submissions.stub(chapter))):
            folder = course / "submitted" / student / chapter
            shutil.copytree(course / "release" / chapter, folder)
            submissions.write(nb, folder / f"{chapter}.ipynb")
        nbgrader(course, "autograde", chapter, "--force")
    nbgrader(course, "export", "--to", str(course / "grades.csv"))
    with open(course / "grades.csv") as f:
        grades = {(r["assignment"], r["student_id"]): (float(r["raw_score"]), float(r["max_score"])) for r in csv.DictReader(f)}
    return course, grades


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_nbgrader_autograde_gives_the_reference_full_marks_and_the_stub_zero(autograded, chapter):
    _, grades = autograded
    score, max_score = grades[(chapter, "ref")]
    assert max_score > 0 and score == max_score
    assert grades[(chapter, "stub")][0] == 0


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_executed_notebook_reproduces_the_books_figures(autograded, chapter):
    """What each chapter's demo prints (CURRICULUM.md; the book's own numbers where it has them):
    the regexes `FIGURES` of its notebook spec, matched in the executed notebook's outputs."""
    course, _ = autograded
    figures = nbbuild.figures(chapter)
    assert figures, f"tools/notebooks/{chapter}.py declares no FIGURES"
    nb = json.loads((course / "autograded" / "ref" / chapter / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    printed = "".join("".join(o.get("text", "")) for c in nb["cells"] if c["cell_type"] == "code"
                      for o in c.get("outputs", []) if o.get("output_type") == "stream")   # outputs, not prose
    for figure in figures:
        assert re.search(figure, printed), f"{chapter}: the demo does not print {figure}"


@pytest.mark.parametrize("chapter", [c for c in ("ch01",) if c in CHAPTERS])
def test_nbgraders_feedback_shows_our_verdicts(autograded, chapter):
    """In nbgrader autograde each check is rich output (HTML and text, no stderr) and the cell's value
    its score: nbgrader's feedback page shows every verdict, rendered."""
    from autograder.assignments import graded_functions
    course, _ = autograded
    nbgrader(course, "generate_feedback", chapter, "--force")
    for student in ("ref", "stub"):
        page = (course / "feedback" / student / chapter / f"{chapter}.html").read_text(encoding="utf-8")
        verdicts = [dict(re.findall(r'data-(function|score|max-score)="([^"]*)"', tag))
                    for tag in re.findall(r'<div [^>]*class="autograder-verdict"[^>]*>', page)]
        assert {v["function"] for v in verdicts} == set(graded_functions(chapter))
        assert len(verdicts) == 2 * len(graded_functions(chapter))       # the visible check, then all tests
        right = (lambda v: v["score"] == v["max-score"]) if student == "ref" else (lambda v: v["score"] == "0")
        assert all(right(v) for v in verdicts), verdicts
        nb = json.loads((course / "autograded" / student / chapter / f"{chapter}.ipynb").read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["metadata"].get("nbgrader", {}).get("grade") and cell["cell_type"] == "code":
                kinds = [o["output_type"] for o in cell["outputs"]]
                assert kinds == ["display_data", "display_data", "execute_result"], cell["outputs"]
                assert all({"text/html", "text/plain"} <= set(o["data"]) for o in cell["outputs"][:2])


@pytest.mark.parametrize("chapter", [c for c in ("ch04", "ch05") if c in CHAPTERS])
def test_course_mode_writes_our_scores_into_the_gradebook(tmp_path, chapter):
    course = tmp_path
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "source" / chapter, course / "source" / chapter)
    nbgrader(course, "generate_assignment", chapter, "--force")
    mistake = {"ch04": "ch04.propagate.cost_missing_1_over_m", "ch05": "ch05.compute_loss.missing_1_over_m"}[chapter]
    for student, nb in (("ann", submissions.perfect(chapter)), ("ben", submissions.with_mistakes(chapter, [mistake])),
                        ("cat", submissions.stub(chapter))):
        submissions.write(nb, course / "submitted" / student / chapter / f"{chapter}.ipynb")
    (course / "submitted" / "dan" / chapter).mkdir(parents=True)
    (course / "submitted" / "dan" / chapter / f"{chapter}.ipynb").write_text("{ not json")
    out = subprocess.run([str(BIN / "autograder"), "course", "grade", chapter, "--course-dir", str(course), "--lang", "en"],
                         env=ENV, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "ann" in out.stdout and "total" in out.stdout
    nbgrader(course, "export", "--to", str(course / "grades.csv"))
    with open(course / "grades.csv") as f:
        rows = {r["student_id"]: (float(r["raw_score"]), float(r["max_score"])) for r in csv.DictReader(f)
                if r["assignment"] == chapter}
    assert rows["ann"][0] == rows["ann"][1] > 0
    assert 0 < rows["ben"][0] < rows["ben"][1]
    assert rows["cat"][0] == 0 and rows["dan"][0] == 0
    feedback = (course / "feedback" / "ben" / chapter / f"{chapter}.md").read_text()
    assert "❌" in feedback and "def " not in feedback
    assert (course / "feedback" / "ben" / chapter / "results.json").exists()


def test_the_gradebook_api_loads_without_nbgraders_server_extensions():
    """`course` commands import nbgrader.api alone (not the formgrader, the exchange or jsonschema's
    IRI parsers); nbgrader's other modules still import afterwards, with the package's version."""
    code = ("import sys\nfrom autograder import gradebook\napi = gradebook.nbgrader_api()\n"
            "print(sorted(m for m in ('nbgrader.server_extensions', 'nbgrader.exchange', 'rfc3987_syntax') "
            "if m in sys.modules))\n"
            "import nbgrader\nfrom nbgrader.apps import NbGraderAPI\nprint(nbgrader.__version__, api.Gradebook.__name__)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded, version = out.stdout.splitlines()
    assert loaded == "[]"
    import importlib.metadata
    assert version == f"{importlib.metadata.version('nbgrader')} Gradebook"
