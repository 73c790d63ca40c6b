"""Grading whole notebooks end to end through the worker (sandboxed where available):
full marks for the reference, 0 for the stubs, fair grading of correct variants, named mistakes,
and a clear verdict for every kind of bad submission, each failing only the function concerned."""
from __future__ import annotations

import importlib.util
import re

import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.pipeline import grade_notebook
from helpers import ROOT
from tools import submissions

CHAPTERS = list(ASSIGNMENTS)
FAST = {"call_timeout": 3.0, "memory_mb": 256}


def grade(path, **kwargs):
    return grade_notebook(path, seed=kwargs.pop("seed", 11), lang="en", **kwargs)


def lost(report) -> dict[str, float]:
    """{function: points lost}"""
    return {f: m - s for f, (s, m) in report.by_function().items() if s < m}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_source_notebook_scores_full_marks(chapter):
    report = grade(ROOT / "source" / chapter / f"{chapter}.ipynb")
    assert report.assignment == chapter
    assert report.max_score > 0 and lost(report) == {}, [(t.name, t.output) for t in report.tests if t.score < t.max_score]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_release_notebook_scores_zero_with_not_implemented(chapter):
    report = grade(ROOT / "release" / chapter / f"{chapter}.ipynb")
    assert report.score == 0 and report.max_score > 0
    assert {t.diagnosis for t in report.tests} == {"not_implemented"}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_correct_code_written_differently_keeps_full_marks(chapter, tmp_path):
    spec = importlib.util.spec_from_file_location(f"fair_{chapter}", ROOT / "tests" / "fair" / f"{chapter}.py")
    fair_source = (ROOT / "tests" / "fair" / f"{chapter}.py").read_text()
    nb = submissions.perfect(chapter)
    # replace every solution cell by the fair module's definitions of the same functions
    names = re.findall(r"^(?:def|class) (\w+)\b", fair_source, re.M)
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            defined = re.findall(r"^(?:def|class) (\w+)\b", "".join(cell["source"]), re.M)
            if defined and all(n in names for n in defined):
                cell["source"] = ""
    nb["cells"].insert(1, {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                           "source": fair_source})
    report = grade(submissions.write(nb, tmp_path / f"{chapter}.ipynb"))
    assert spec is not None
    assert lost(report) == {}, [(t.name, t.output) for t in report.tests if t.score < t.max_score]


TYPICAL = {"ch04": ["ch04.propagate.cost_missing_1_over_m", "ch04.predict.returns_probabilities"],
           "ch05": ["ch05.back_propagation.tanh_derivative_from_Z1", "ch05.compute_loss.missing_1_over_m"],
           "ch06": ["ch06.softmax.no_max_shift", "ch06.compute_cost.missing_1_over_m"],
           "ch07": ["ch07.update_parameters_with_adam.no_bias_correction", "ch07.dropout_forward.no_inverted_scaling"]}


@pytest.mark.parametrize("chapter", [c for c in TYPICAL if c in CHAPTERS])
def test_typical_mistakes_lose_points_and_are_named_through_the_worker(chapter, tmp_path):
    nb = submissions.with_mistakes(chapter, TYPICAL[chapter])
    report = grade(submissions.write(nb, tmp_path / f"{chapter}.ipynb"))
    functions = {m.split(".")[1] for m in TYPICAL[chapter]}
    assert set(lost(report)) == functions
    assert set(TYPICAL[chapter]) <= {t.diagnosis for t in report.tests}


# --- bad submissions (chapter 4) -------------------------------------------------------------------

needs_ch04 = pytest.mark.skipif("ch04" not in CHAPTERS, reason="chapter 4 is not built")


def perfect_with(function: str, body: str) -> dict:
    """The perfect ch04 notebook whose `function` is replaced by `body` (the code after its def line)."""
    nb = submissions.perfect("ch04")
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["metadata"].get("nbgrader", {}).get("solution") and re.search(rf"^def {function}\(", source, re.M):
            header = re.search(rf"^def {function}\(.*\):$", source, re.M).group(0)
            cell["source"] = submissions._replace_function(source, function, header + "\n" + body)
            return nb
    raise KeyError(function)


BAD_PREDICT = {
    "sys_exit": ("import sys\n    sys.exit(0)", "exit_called"),
    "os_exit": ("import os\n    os._exit(1)", "crash"),
    "keyboard_interrupt": ("raise KeyboardInterrupt", "exit_called"),
    "infinite_loop": ("while True:\n        pass", "timeout"),
    "memory_hog": ("chunks = []\n    while True:\n        chunks.append(np.ones(10**7))", "memory"),
    "huge_output": ("while True:\n        print('spam ' * 1000)", "output_limit"),
    "replaces_allclose": ("np.allclose = lambda *a, **k: True\n    np.array_equal = lambda *a, **k: True\n"
                          "    return np.zeros((1, X.shape[1]))", None),
    "replaces_builtins": ("import builtins\n    builtins.len = lambda x: 0\n    builtins.isinstance = lambda *a: True\n"
                          "    builtins.abs = lambda x: 0\n    return np.zeros((1, X.shape[1]))", None),
    "lying_subclass": ("class Liar(np.ndarray):\n        def __eq__(self, other):\n            return True\n"
                       "        def __ne__(self, other):\n            return False\n"
                       "    return np.zeros((1, X.shape[1])).view(Liar)", None),
}


@needs_ch04
@pytest.mark.parametrize("case", list(BAD_PREDICT))
def test_a_misbehaving_function_fails_alone(case, tmp_path):
    body, kind = BAD_PREDICT[case]
    nb = perfect_with("predict", "    " + body)
    report = grade(submissions.write(nb, tmp_path / "ch04.ipynb"), limits=FAST)
    assert set(lost(report)) == {"predict"}, lost(report)
    predict_tests = [t for t in report.tests if t.function == "predict"]
    assert all(t.score == 0 for t in predict_tests)
    if kind:
        assert {t.diagnosis for t in predict_tests} == {kind}
    assert all(t.output for t in predict_tests)


@needs_ch04
def test_syntax_error_in_one_cell_leaves_the_others_graded(tmp_path):
    nb = perfect_with("predict", "    m = X.shape[1\n    return None")
    report = grade(submissions.write(nb, tmp_path / "ch04.ipynb"))
    assert set(lost(report)) == {"predict"}
    assert any("syntax error" in p for p in report.problems)
    assert all("syntax error" in t.output for t in report.tests if t.function == "predict")


@needs_ch04
def test_missing_function_is_named(tmp_path):
    nb = submissions.perfect("ch04")
    for cell in nb["cells"]:
        if re.search(r"^def predict\(", "".join(cell["source"]), re.M):
            cell["source"] = "# deleted"
    report = grade(submissions.write(nb, tmp_path / "ch04.ipynb"))
    assert set(lost(report)) == {"predict"}
    assert all("predict was not found" in t.output for t in report.tests if t.function == "predict")


@needs_ch04
def test_metadata_cleared_still_grades_and_infers_the_assignment(tmp_path):
    nb = submissions.perfect("ch04")
    nb["metadata"] = {}
    for cell in nb["cells"]:
        cell["metadata"] = {}
    report = grade(submissions.write(nb, tmp_path / "homework.ipynb"))
    assert report.assignment == "ch04" and lost(report) == {}


@needs_ch04
def test_cells_pasted_into_a_fresh_notebook_are_graded(tmp_path):
    perfect = submissions.perfect("ch04")
    code = ["".join(c["source"]) for c in perfect["cells"]
            if c["cell_type"] == "code" and c["metadata"].get("nbgrader", {}).get("solution")]
    fresh = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": 1,
                        "source": "import numpy as np"}] +
             [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": s} for s in code],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    report = grade(submissions.write(fresh, tmp_path / "Untitled1.ipynb"))
    assert report.assignment == "ch04" and lost(report) == {}


@needs_ch04
def test_magics_shell_lines_and_failing_top_level_code_are_harmless(tmp_path):
    nb = submissions.perfect("ch04")
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = "%matplotlib inline\n!echo hello\nfiles = !ls\n" + "".join(cell["source"]) + \
                             "\nnp.sum?\nraise ValueError('top-level code that fails')\n"
    nb["cells"].append({"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                        "source": "%%bash\nrm -rf /\n"})
    report = grade(submissions.write(nb, tmp_path / "ch04.ipynb"))
    assert lost(report) == {}


@needs_ch04
def test_seed_is_recorded_and_a_rerun_gives_the_same_result(tmp_path):
    nb = submissions.with_mistakes("ch04", TYPICAL["ch04"])
    path = submissions.write(nb, tmp_path / "ch04.ipynb")
    before = path.read_bytes()
    first = grade_notebook(path, lang="en")
    second = grade_notebook(path, seed=first.seed, lang="en")
    assert [(t.name, t.score, t.output) for t in first.tests] == [(t.name, t.score, t.output) for t in second.tests]
    assert path.read_bytes() == before  # grading never modifies a submission


@needs_ch04
def test_hidden_test_feedback_never_shows_expected_values(tmp_path):
    nb = submissions.with_mistakes("ch04", ["ch04.propagate.cost_missing_1_over_m"])
    report = grade(submissions.write(nb, tmp_path / "ch04.ipynb"))
    for t in report.tests:
        if not t.visible and t.score < t.max_score:
            assert "expected" not in t.output.lower() or "shape" in t.output.lower(), t.output
            assert "def " not in t.output and "ref." not in t.output
