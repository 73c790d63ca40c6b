"""What a student reads for the mistakes that used to get a wrong or unhelpful verdict: each case is
graded through the real worker (sandboxed where available) from a notebook written as a student
would write it, and the test asserts the message, the named mistake and where points are lost.

One mistake costs points once: a function built on the student's helpers that fails because a
helper fails is graded again with the reference helper in its place (autograder.composite)."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from autograder.grading import catalogue_of
from autograder.pipeline import grade_notebook
from helpers import ROOT
from tools import submissions

BIN = os.path.dirname(sys.executable)


def graded(nb: dict, chapter: str, tmp_path, **kwargs):
    return grade_notebook(submissions.write(nb, tmp_path / f"{chapter}.ipynb"), seed=kwargs.pop("seed", 5),
                          lang=kwargs.pop("lang", "en"), **kwargs)


def edited(chapter: str, function: str, *changes: tuple[str, str]) -> dict:
    """The perfect notebook with the solution cell that defines `function` edited."""
    nb = submissions.perfect(chapter)
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["metadata"].get("nbgrader", {}).get("solution") and re.search(rf"^def {function}\(", source, re.M):
            for old, new in changes:
                assert old in source, old
                source = source.replace(old, new)
            cell["source"] = source
            return nb
    raise KeyError(function)


def lost(report) -> dict[str, float]:
    return {f: m - s for f, (s, m) in report.by_function().items() if s < m}


def results_of(report, function: str):
    return [t for t in report.tests if t.function == function]


# --- a catalogued mistake is named only when it explains the failing part ------------------------

@pytest.mark.parametrize("db2, named", [("np.sum(dZ2, axis=1) / m", "ch05.back_propagation.db_without_keepdims"),
                                        ("np.sum(dZ2) / m", None)])
def test_a_shape_failure_gets_no_values_mistakes_name(tmp_path, db2, named):
    nb = edited("ch05", "back_propagation", ("db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)", f"db2 = {db2}"))
    report = graded(nb, "ch05", tmp_path)
    assert set(lost(report)) == {"back_propagation"}
    for t in results_of(report, "back_propagation"):
        assert "grads['db2'] has shape" in t.output, t.output
        assert "tanh" not in t.output
        assert t.diagnosis in (named, None, "exception")


# --- the helper that is missing, broken or misspelled is named, and its callers keep their points --

def test_an_unimplemented_helper_costs_points_in_its_own_tests_only(tmp_path):
    nb = edited("ch05", "back_propagation", ("    m = X.shape[1]\n", "    raise NotImplementedError()\n    m = X.shape[1]\n"))
    report = graded(nb, "ch05", tmp_path)
    assert set(lost(report)) == {"back_propagation"}
    assert all(t.diagnosis == "not_implemented" for t in results_of(report, "back_propagation"))
    for t in results_of(report, "nn_model"):
        assert t.score == t.max_score and t.graded_around == ("back_propagation",)
        assert "reference back_propagation in place of yours" in t.output


def test_a_helper_lost_to_a_syntax_error_is_named(tmp_path):
    nb = edited("ch05", "compute_loss", ("    m = Y.shape[1]\n", "    m = Y.shape[1\n"))
    report = graded(nb, "ch05", tmp_path)
    assert set(lost(report)) == {"compute_loss"}
    assert all("syntax error" in t.output for t in results_of(report, "compute_loss"))
    assert any("compute_loss" in t.graded_around for t in results_of(report, "nn_model"))


def test_a_misspelled_helper_is_named_with_the_name_found(tmp_path):
    nb = edited("ch05", "forward_propagation", ("def forward_propagation(", "def forward_propogation("))
    report = graded(nb, "ch05", tmp_path)
    assert set(lost(report)) == {"forward_propagation"}
    assert all("forward_propogation" in t.output and "misspelled" in t.output
               for t in results_of(report, "forward_propagation"))
    for function in ("nn_model", "predict"):
        assert all(t.score == t.max_score for t in results_of(report, function))


def test_a_wrong_composite_around_a_failing_helper_says_both(tmp_path):
    nb = edited("ch05", "back_propagation", ("    m = X.shape[1]\n", "    raise NotImplementedError()\n    m = X.shape[1]\n"))
    variant = next(v for v in catalogue_of("autograder.graders.ch05") if v.id == "ch05.nn_model.learning_rate_not_passed")
    nb = submissions.paste_function(nb, "nn_model", variant.source())
    report = graded(nb, "ch05", tmp_path)
    assert set(lost(report)) == {"back_propagation", "nn_model"}
    wrong = [t for t in results_of(report, "nn_model") if t.score < t.max_score]
    assert wrong and all("still wrong" in t.output and t.graded_around == ("back_propagation",) for t in wrong)
    assert "ch05.nn_model.learning_rate_not_passed" in {t.diagnosis for t in wrong}


@pytest.mark.parametrize("chapter, composites", [("ch05", {"nn_model"}), ("ch06", {"nn_model", "nn_model_softmax"})])
def test_a_transposed_initialisation_costs_points_once(tmp_path, chapter, composites):
    change = {"ch05": ("W1 = np.random.randn(n_h, n_x)", "W1 = np.random.randn(n_x, n_h)"),
              "ch06": ("np.random.randn(layer_dims[l], layer_dims[l - 1])", "np.random.randn(layer_dims[l - 1], layer_dims[l])")}
    report = graded(edited(chapter, "initialize_parameters", change[chapter]), chapter, tmp_path)
    assert set(lost(report)) == {"initialize_parameters"}
    for function in composites:
        assert all(t.score == t.max_score for t in results_of(report, function))
        assert any("initialize_parameters" in t.graded_around for t in results_of(report, function))


def test_the_helper_that_raised_inside_a_composite_is_named():
    from autograder.results import Definitions, student_error
    info = {"kind": "not_implemented", "etype": "NotImplementedError", "in_function": "back_propagation"}
    assert student_error("nn_model", info).render("en") == \
        "nn_model calls back_propagation, which is not implemented yet (it still raises NotImplementedError). " \
        "Complete back_propagation first."
    info = {"kind": "exception", "etype": "NameError", "detail": "name 'compute_loss' is not defined",
            "name": "compute_loss", "in_function": "nn_model"}
    broken = Definitions(frozenset({"nn_model"}), {"compute_loss": (7, 3, "invalid syntax")}, frozenset({"compute_loss"}))
    message = student_error("nn_model", info, definitions=broken).render("en")
    assert "compute_loss" in message and "syntax error" in message and "notebook globals" not in message
    missing = Definitions(frozenset({"nn_model", "forward_propogation"}), {}, frozenset({"forward_propagation"}))
    info = dict(info, name="forward_propagation", detail="name 'forward_propagation' is not defined")
    assert "forward_propogation" in student_error("nn_model", info, definitions=missing).render("en")
    info = dict(info, name="X_train", detail="name 'X_train' is not defined")
    assert "notebook globals" in student_error("nn_model", info, definitions=missing).render("en")


# --- chapter 6 as its author wrote it before the softmax layer of 6.4 -----------------------------

BOOK_STYLE_SINGLE_LAYER_FORWARD = '''def single_layer_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    cache = (A_prev, W, b, Z)
    return A, cache
'''


def test_a_single_layer_forward_without_softmax_loses_only_its_softmax_part(tmp_path):
    nb = submissions.paste_function(submissions.perfect("ch06"), "single_layer_forward", BOOK_STYLE_SINGLE_LAYER_FORWARD)
    report = graded(nb, "ch06", tmp_path)
    assert lost(report) == {"single_layer_forward": 2.0}
    failing = [t for t in results_of(report, "single_layer_forward") if t.score < t.max_score]
    assert {t.name for t in failing} == {"test_single_layer_forward_softmax_small_example",
                                         "test_single_layer_forward_softmax_random"}
    assert all("no branch for activation='softmax'" in t.output for t in failing)
    for function in ("forward_propagation_softmax", "nn_model_softmax", "predict_softmax"):
        assert all(t.score == t.max_score for t in results_of(report, function))


# --- the grader prints nothing; the in-notebook check keeps its promises ---------------------------

@pytest.mark.parametrize("chapter", ["ch01", "ch04", "ch05", "ch06", "ch07"])
def test_grading_a_correct_submission_writes_nothing_to_stderr(tmp_path, chapter):
    path = submissions.write(submissions.perfect(chapter), tmp_path / f"{chapter}.ipynb")
    out = subprocess.run([os.path.join(BIN, "autograder"), "grade", str(path), "--lang", "en", "--seed", "3"],
                         capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="default"))
    assert out.returncode == 0 and "Total" in out.stdout
    assert out.stderr == ""


KERNEL = r"""
import os, signal, sys, time
sys.path.insert(0, {root!r})
import numpy as np
from autograder.notebook_check import check
{code}
"""


def kernel(code: str) -> subprocess.CompletedProcess:
    """Run `code` as a kernel would, after the imports a check cell needs."""
    return subprocess.run([sys.executable, "-c", KERNEL.format(root=str(ROOT), code=code)], capture_output=True,
                          text=True, timeout=120, env=dict(os.environ, AUTOGRADER_LANG="en"))


def test_a_hung_function_in_the_kernel_gets_the_workers_timeout_message():
    out = kernel("def predict(X, W, b):\n    while True:\n        pass\n"
                 "print('score', check('ch04', 'predict', globals(), timeout=1))")
    assert "predict did not return within 1 s" in out.stdout
    assert "score 0.0" in out.stdout and out.stderr == ""


def test_interrupting_the_check_says_so_and_blames_no_function():
    out = kernel("def predict(X, W, b):\n    os.kill(os.getpid(), signal.SIGINT)\n    time.sleep(5)\n"
                 "print('score', check('ch04', 'predict', globals()))")
    assert "The check was interrupted" in out.stdout
    assert "KeyboardInterrupt" not in out.stdout + out.stderr


def test_the_visible_check_of_a_function_with_hidden_points_says_what_it_counts():
    out = kernel("from solutions.ch05 import *\nprint('score', check('ch05', 'back_propagation', globals()))")
    assert "visible tests 1/1 points (the function is worth 5; hidden tests after submission give the other 4)" \
        in out.stdout, out.stdout
    assert out.stderr == ""
