"""Chapter 7 graders, 7.4 evaluation: train/dev/test split, bias and variance, confusion matrix."""
from __future__ import annotations

import numpy as np

from autograder.compare import expect_array, expect_equal, expect_tuple, expect_type, fail
from autograder.grading import graded
from autograder.graders.ch07.common import CH, batch_data, examples_signature, expect_examples_once_shuffled
from solutions import ch07 as ref


# =============================================================================================
# 7.4.2 train/dev/test split (graded by property)
# =============================================================================================

def _split_signature(parts, X, Y, ratios):
    """(sizes about ratios·m, every example once, X/Y paired, shuffled) of the six arrays."""
    try:
        parts = [np.asarray(p, dtype=np.float64) for p in parts]
        if len(parts) != 6 or any(p.ndim != 2 for p in parts):
            return None
        sizes = [parts[i].shape[1] for i in (0, 2, 4)]
        ids = np.concatenate([parts[i][0] for i in (0, 2, 4)]).astype(int)
        labels = np.concatenate([parts[i][0] for i in (1, 3, 5)])
    except (TypeError, ValueError, IndexError):
        return None
    m = X.shape[1]
    sizes_ok = sum(sizes) == m and all(abs(s - r * m) < 1 + 1e-9 for s, r in zip(sizes[:2], ratios[:2]))
    return (sizes_ok, *examples_signature(ids, labels, Y))


def _check_split(student, rng, m, ratios, seed, mistakes, check_seed):
    fn = "train_dev_test_split"
    X, Y = batch_data(rng, m)
    got = expect_tuple(student.train_dev_test_split(X, Y, ratios, seed), 6,
                       "train_dev_test_split(X, Y, ratios, seed)")
    names = ("X_train", "Y_train", "X_dev", "Y_dev", "X_test", "Y_test")
    for i, name in enumerate(names):
        part = expect_type(got[i], np.ndarray, name, "numpy array")
        rows = X.shape[0] if i % 2 == 0 else Y.shape[0]
        if part.ndim != 2 or part.shape[0] != rows:
            fail(f"{CH}.split_shapes", what=name, got=part.shape, rows=rows)
    mine = _split_signature(got, X, Y, ratios)
    right = (True, True, True, True)
    diagnosis = next((mid for mid, out in mistakes(X, Y, ratios, seed).items()
                      if _split_signature(out, X, Y, ratios) not in (right, None)
                      and _split_signature(out, X, Y, ratios) == mine), None)
    if not mine[0]:
        fail(f"{CH}.split_sizes", diagnosis, m=m, ratios=tuple(float(r) for r in ratios),
             got=tuple(int(np.shape(got[i])[1]) for i in (0, 2, 4)))
    expect_examples_once_shuffled(mine[1:], diagnosis, "split")
    if check_seed:
        again = student.train_dev_test_split(X, Y, ratios, seed)
        if not (isinstance(again, (list, tuple)) and len(again) == 6 and
                all(np.array_equal(np.asarray(a), b) for a, b in zip(again, got))):
            fail(f"{CH}.seed_not_used", function=fn)


@graded("train_dev_test_split", points=1, visible=True)
def test_split_of_50_examples(student, mistakes):
    """train_dev_test_split: 50 examples, ratios (0.6, 0.2, 0.2) -> 30/10/10, shuffled, every example once"""
    _check_split(student, np.random.default_rng(87), 50, (0.6, 0.2, 0.2), 0, mistakes, check_seed=False)


@graded("train_dev_test_split", points=1)
def test_split_on_random_sizes_and_ratios(student, rng, mistakes):
    """train_dev_test_split: random m, ratios and seed; same seed, same split"""
    train = float(rng.choice([0.6, 0.7, 0.8, 0.98]))
    dev = round((1 - train) / 2, 4)
    _check_split(student, rng, int(rng.integers(60, 400)), (train, dev, round(1 - train - dev, 4)),
                 int(rng.integers(0, 1000)), mistakes, check_seed=True)


# =============================================================================================
# 7.4.3 bias and variance
# =============================================================================================

def _label(value):
    return value.strip().lower() if isinstance(value, str) else value


def _check_diagnosis(student, cases, mistakes):
    for args in cases:
        got = _label(student.diagnose_bias_variance(*args))
        outputs = {mid: _label(out) for mid, out in mistakes(*args).items()}
        expect_equal(got, ref.diagnose_bias_variance(*args), f"diagnose_bias_variance{args}", mistakes=outputs)


@graded("diagnose_bias_variance", points=1, visible=True)
def test_bias_variance_cases_of_the_book(student, mistakes):
    """diagnose_bias_variance: the four cases of 7.4.3 and a task with a high human error"""
    _check_diagnosis(student, [(0.0, 0.01, 0.11), (0.0, 0.15, 0.16), (0.0, 0.15, 0.30), (0.0, 0.005, 0.01),
                               (0.075, 0.08, 0.09)], mistakes)


@graded("diagnose_bias_variance", points=1)
def test_bias_variance_on_random_errors(student, rng, mistakes):
    """diagnose_bias_variance: random errors and tolerances, far from the thresholds"""
    cases = []
    for high_bias, high_variance in ((True, False), (False, True), (True, True), (False, False)) * 2:
        tol = float(rng.uniform(0.01, 0.05))
        human = float(rng.uniform(0.06, 0.2))
        train = human + (tol * rng.uniform(1.5, 3) if high_bias else tol * rng.uniform(0, 0.5))
        dev = train + (tol * rng.uniform(1.5, 3) if high_variance else tol * rng.uniform(0, 0.5))
        cases.append((human, float(train), float(dev), tol))
    _check_diagnosis(student, cases, mistakes)


# =============================================================================================
# 7.4.4 confusion matrix
# =============================================================================================

def _check_confusion(student, y_true, y_pred, C, mistakes):
    got = student.confusion_matrix(y_true, y_pred, C)
    expected = ref.confusion_matrix(y_true, y_pred, C)
    expect_array(got, (C, C), "M")
    expect_equal(got, expected, "M", mistakes=mistakes(y_true, y_pred, C))


@graded("confusion_matrix", points=1, visible=True)
def test_confusion_matrix_on_small_example(student, mistakes):
    """confusion_matrix: 3 classes, 10 examples (rows true, columns predicted)"""
    y_true = np.array([0, 1, 2, 2, 1, 0, 2, 1, 1, 0])
    y_pred = np.array([0, 2, 2, 1, 1, 0, 2, 0, 1, 2])
    _check_confusion(student, y_true, y_pred, 3, mistakes)


@graded("confusion_matrix", points=1)
def test_confusion_matrix_on_random_labels(student, rng, mistakes):
    """confusion_matrix: random classes and labels (a class may never be predicted)"""
    C = int(rng.integers(3, 7))
    m = int(rng.integers(30, 200))
    y_true = rng.integers(0, C, m)
    y_pred = np.where(rng.random(m) < 0.6, y_true, rng.integers(0, C - 1, m))
    _check_confusion(student, y_true, y_pred, C, mistakes)
