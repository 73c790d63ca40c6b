"""Chapter 4 graders: perceptron and logic gates (4.1, 4.2), logistic regression (4.3).

Tolerances are float32-safe (rtol 1e-4): a correct float32, loop or einsum implementation keeps
full marks; every catalogued mistake is far outside them.
"""

import numpy as np

from autograder.compare import (expect_close, expect_dict, expect_not_none, expect_number, expect_parts,
                                expect_shape, expect_tuple, quietly)
from autograder.diagnosis import numeric
from autograder.gradcheck import expect_gradient, gradient_settings, is_float32, numerical_gradient
from autograder.grading import graded
from autograder.results import Mismatch
from autograder.mistakes.ch04 import catalogue  # noqa: F401  (the chapter's mistake catalogue)
from solutions import ch04 as ref

RTOL, ATOL = 1e-4, 1e-6


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def _label(got, what: str) -> float:
    """A 0/1 output (int, bool, float, NumPy scalar or size-1 array) as a number."""
    expect_not_none(got, what)
    if isinstance(got, np.ndarray) and got.size == 1:
        got = got.reshape(())[()]
    if isinstance(got, np.generic):
        got = got.item()
    if isinstance(got, (bool, int, float)):
        return float(got)
    raise Mismatch("wrong_type", what=what, got=type(got).__name__, expected="int (0 or 1)")


def expect_truth_table(call, mistakes, cases, reference, what: str) -> None:
    """Call the student on every case; the vector of outputs must equal the reference's."""
    got = np.array([_label(call(*case), what) for case in cases])
    expected = np.array([float(reference(*case)) for case in cases])
    raw = {}
    for case in cases:
        for mistake_id, value in mistakes(*case).items():
            raw.setdefault(mistake_id, []).append(value)
    raw = {k: np.array(v, dtype=np.float64) for k, v in raw.items() if len(v) == len(cases)}
    expect_parts({"y": got}, {"y": expected}, raw, lambda v: {"y": v}, {"y": what}, labels=True)


GATE_INPUTS = [(0, 0), (0, 1), (1, 0), (1, 1)]
GATE_HELPERS = ("perceptron",)           # a gate is one perceptron (4.1.2)
XOR_HELPERS = ("NAND", "OR", "AND")      # XOR is built from the three gates (4.2.2)


def _shuffled_float_inputs(rng):
    cases = [(float(a), float(b)) for a, b in GATE_INPUTS]
    return [cases[i] for i in rng.permutation(4)]


# ---------------------------------------------------------------------------------------------
# 4.1 perceptron
# ---------------------------------------------------------------------------------------------

@graded("perceptron", points=1, visible=True)
def test_perceptron_on_fixed_inputs(student, mistakes):
    """perceptron: outputs on fixed inputs, including w·x + b = 0 (must give 0)"""
    w = np.array([0.5, 0.5])
    cases = [(np.array([0.0, 0.0]), w, -0.7), (np.array([1.0, 1.0]), w, -0.7),
             (np.array([1.0, 0.0]), w, -0.2), (np.array([1.0, 1.0]), w, -1.0),
             (np.array([2.0, -1.0, 3.0]), np.array([1.0, 2.0, -1.0]), 3.0)]
    expect_truth_table(student.perceptron, mistakes, cases, ref.perceptron, "perceptron(x, w, b)")


@graded("perceptron", points=2)
def test_perceptron_on_random_inputs_and_boundary(student, rng, mistakes):
    """perceptron: random inputs of random length, several exactly on the boundary w·x + b = 0"""
    n = int(rng.integers(2, 6))
    cases = []
    for i in range(10):
        x = rng.integers(-3, 4, n).astype(np.float64)
        w = rng.integers(-3, 4, n).astype(np.float64)
        b = float(-np.dot(w, x)) if i % 3 == 0 else float(rng.integers(-4, 5)) + 0.5
        cases.append((x, w, b))
    expect_truth_table(student.perceptron, mistakes, cases, ref.perceptron, "perceptron(x, w, b)")


# ---------------------------------------------------------------------------------------------
# 4.1.2 logic gates, 4.2.2 XOR
# ---------------------------------------------------------------------------------------------

def _check_gate(student, mistakes, gate, cases):
    expect_truth_table(getattr(student, gate), mistakes, cases, getattr(ref, gate), f"{gate}(x1, x2)")


@graded("AND", points=1, visible=True, helpers=GATE_HELPERS)
def test_AND_truth_table(student, mistakes):
    """AND: truth table for (0,0), (0,1), (1,0), (1,1)"""
    _check_gate(student, mistakes, "AND", GATE_INPUTS)


@graded("AND", points=1, helpers=GATE_HELPERS)
def test_AND_float_inputs_any_order(student, rng, mistakes):
    """AND: float inputs 0.0 / 1.0 in random order"""
    _check_gate(student, mistakes, "AND", _shuffled_float_inputs(rng))


@graded("OR", points=1, visible=True, helpers=GATE_HELPERS)
def test_OR_truth_table(student, mistakes):
    """OR: truth table for (0,0), (0,1), (1,0), (1,1)"""
    _check_gate(student, mistakes, "OR", GATE_INPUTS)


@graded("OR", points=1, helpers=GATE_HELPERS)
def test_OR_float_inputs_any_order(student, rng, mistakes):
    """OR: float inputs 0.0 / 1.0 in random order"""
    _check_gate(student, mistakes, "OR", _shuffled_float_inputs(rng))


@graded("NAND", points=1, visible=True, helpers=GATE_HELPERS)
def test_NAND_truth_table(student, mistakes):
    """NAND: truth table for (0,0), (0,1), (1,0), (1,1)"""
    _check_gate(student, mistakes, "NAND", GATE_INPUTS)


@graded("NAND", points=1, helpers=GATE_HELPERS)
def test_NAND_float_inputs_any_order(student, rng, mistakes):
    """NAND: float inputs 0.0 / 1.0 in random order"""
    _check_gate(student, mistakes, "NAND", _shuffled_float_inputs(rng))


@graded("XOR", points=1, visible=True, helpers=XOR_HELPERS)
def test_XOR_truth_table(student, mistakes):
    """XOR: truth table for (0,0), (0,1), (1,0), (1,1)"""
    expect_truth_table(student.XOR, mistakes, GATE_INPUTS, ref.XOR, "XOR(x1, x2)")


@graded("XOR", points=1, helpers=XOR_HELPERS)
def test_XOR_float_inputs_any_order(student, rng, mistakes):
    """XOR: float inputs 0.0 / 1.0 in random order"""
    expect_truth_table(student.XOR, mistakes, _shuffled_float_inputs(rng), ref.XOR, "XOR(x1, x2)")


# ---------------------------------------------------------------------------------------------
# 4.3.1 sigmoid
# ---------------------------------------------------------------------------------------------

@graded("sigmoid", points=1, visible=True)
def test_sigmoid_on_small_array(student, mistakes):
    """sigmoid: values at z = [-2, 0, 0.5, 3]"""
    z = np.array([-2.0, 0.0, 0.5, 3.0])
    expect_close(student.sigmoid(z), ref.sigmoid(z), "sigmoid(z)", mistakes=mistakes(z), rtol=RTOL, atol=ATOL)


@graded("sigmoid", points=1)
def test_sigmoid_on_random_matrix_and_scalar(student, rng, mistakes):
    """sigmoid: a random 2-D array and a Python number"""
    z = rng.normal(0, 3, (int(rng.integers(2, 6)), int(rng.integers(2, 9))))
    expect_close(student.sigmoid(z), ref.sigmoid(z), "sigmoid(z)", mistakes=mistakes(z), rtol=RTOL, atol=ATOL)
    s = float(rng.normal(0, 2))
    expect_close(student.sigmoid(s), ref.sigmoid(s), "sigmoid(z) for a number z", mistakes=mistakes(s),
                 rtol=RTOL, atol=ATOL)


# ---------------------------------------------------------------------------------------------
# 4.3.4 logistic regression: initialize_with_zeros, propagate, optimizer, predict
# ---------------------------------------------------------------------------------------------

def _check_initialize_with_zeros(student, mistakes, dim):
    W, b = expect_tuple(student.initialize_with_zeros(dim), 2, f"initialize_with_zeros({dim})")
    W_ref, b_ref = ref.initialize_with_zeros(dim)
    expect_parts({"W": W, "b": b}, {"W": W_ref, "b": b_ref}, mistakes(dim),
                 lambda out: {"W": out[0], "b": out[1]}, {"W": "W", "b": "b"})


@graded("initialize_with_zeros", points=1, visible=True)
def test_initialize_with_zeros_dim_2(student, mistakes):
    """initialize_with_zeros: W of shape (2, 1) and b = 0 for dim = 2"""
    _check_initialize_with_zeros(student, mistakes, 2)


@graded("initialize_with_zeros", points=1)
def test_initialize_with_zeros_random_dim(student, rng, mistakes):
    """initialize_with_zeros: W of shape (dim, 1) and b = 0 for a random dim"""
    _check_initialize_with_zeros(student, mistakes, int(rng.integers(3, 12)))


def _propagate_problem(rng):
    n, m = int(rng.integers(2, 6)), int(rng.integers(5, 30))
    W = rng.normal(0, 0.5, (n, 1))
    b = float(rng.normal(0, 0.5))
    X = rng.normal(0, 1, (n, m))
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    return W, b, X, Y


def _student_propagate(student, W, b, X, Y):
    grads, cost = expect_tuple(student.propagate(W, b, X, Y), 2, "propagate(W, b, X, Y)")
    grads = expect_dict(grads, ["dW", "db"], "grads")
    return grads["dW"], grads["db"], cost


def _propagate_parts(out):
    return {"dW": out[0]["dW"], "db": out[0]["db"], "cost": out[1]}


def _check_propagate(student, mistakes, W, b, X, Y, keys):
    dW, db, cost = _student_propagate(student, W, b, X, Y)
    expected = {k: v for k, v in _propagate_parts(ref.propagate(W, b, X, Y)).items() if k in keys}
    got = {"dW": dW, "db": db, "cost": cost}
    expect_parts({k: got[k] for k in keys}, expected, mistakes(W, b, X, Y),
                 lambda out: {k: v for k, v in _propagate_parts(out).items() if k in keys},
                 {"dW": "grads['dW']", "db": "grads['db']", "cost": "cost"})


SIGMOID = ("sigmoid",)   # propagate and predict apply the student's own sigmoid (4.3.1)

# moderate w·x + b (|z| < 2), so that a correct float32 implementation is well within tolerance
VISIBLE_W, VISIBLE_B = np.array([[0.5], [-0.3]]), 0.2
VISIBLE_X, VISIBLE_Y = np.array([[1.0, 2.0, -1.0, 0.4], [3.0, 0.5, -2.0, 1.5]]), np.array([[1.0, 0.0, 1.0, 0.0]])


@graded("propagate", points=1, visible=True, helpers=SIGMOID)
def test_propagate_cost_on_small_example(student, mistakes):
    """propagate: the cost on a small fixed problem"""
    _check_propagate(student, mistakes, VISIBLE_W, VISIBLE_B, VISIBLE_X, VISIBLE_Y, ["cost"])


@graded("propagate", points=1, visible=True, helpers=SIGMOID)
def test_propagate_gradients_on_small_example(student, mistakes):
    """propagate: dW and db on a small fixed problem"""
    _check_propagate(student, mistakes, VISIBLE_W, VISIBLE_B, VISIBLE_X, VISIBLE_Y, ["dW", "db"])


@graded("propagate", points=1, helpers=SIGMOID)
def test_propagate_cost_on_random_problem(student, rng, mistakes):
    """propagate: the cost on a random problem"""
    _check_propagate(student, mistakes, *_propagate_problem(rng), ["cost"])


@graded("propagate", points=2, helpers=SIGMOID)
def test_propagate_gradients_on_random_problem(student, rng, mistakes):
    """propagate: dW and db on a random problem"""
    _check_propagate(student, mistakes, *_propagate_problem(rng), ["dW", "db"])


@graded("propagate", points=2, helpers=SIGMOID)
def test_propagate_gradients_agree_with_numerical_gradient(student, rng):
    """propagate: dW and db agree with centred differences of the student's own cost"""
    W, b, X, Y = _propagate_problem(rng)
    W, X = W[:3], X[:3, :12]
    Y = Y[:, :12]
    dW, db, cost = _student_propagate(student, W, b, X, Y)
    float32 = is_float32(dW, db, cost)
    h, _ = gradient_settings(float32)

    def cost_at(W_, b_):
        return expect_number(_student_propagate(student, W_, b_, X, Y)[2], "cost")

    num_dW = numerical_gradient(lambda w: cost_at(w, b), W, h=h)
    num_db = numerical_gradient(lambda bb: cost_at(W, float(bb)), np.array(b), h=h)
    expect_shape(dW, W, "grads['dW']")
    expect_gradient(dW, num_dW, "grads['dW']", tol=gradient_settings(float32)[1], float32=float32)
    expect_gradient(expect_number(db, "grads['db']"), num_db, "grads['db']", tol=gradient_settings(float32)[1], float32=float32)


def _cost_list(costs):
    """The student's cost list as a 1-D array when it holds numbers (size-1 arrays count as numbers)."""
    if not isinstance(costs, (list, tuple, np.ndarray)):
        return costs
    arr = numeric(costs)
    if arr is None:
        return costs
    if arr.ndim > 1 and arr.size == arr.shape[0]:
        arr = arr.reshape(-1)
    return arr


def _check_optimizer(student, mistakes, X, Y, *args):
    call = f"optimizer(X, Y{''.join(', ' + repr(a) for a in args)})"
    W, b, costs = expect_tuple(student.optimizer(X, Y, *args), 3, call)
    W_ref, b_ref, costs_ref = quietly(ref.optimizer, X, Y, *args)
    expect_parts({"W": W, "b": b, "cost": _cost_list(costs)},
                 {"W": W_ref, "b": b_ref, "cost": np.array(costs_ref)}, mistakes(X, Y, *args),
                 lambda out: {"W": out[0], "b": out[1], "cost": np.array(out[2], dtype=np.float64)},
                 {"W": "W", "b": "b", "cost": "cost (the list of costs)"})


OPTIMIZER_HELPERS = ("initialize_with_zeros", "propagate")


@graded("optimizer", points=1, visible=True, helpers=OPTIMIZER_HELPERS)
def test_optimizer_ten_steps_on_small_example(student, mistakes):
    """optimizer: W, b and the cost list after 10 iterations at learning rate 0.1 on a small problem"""
    _check_optimizer(student, mistakes, VISIBLE_X, VISIBLE_Y, 10, 0.1)


@graded("optimizer", points=2, helpers=OPTIMIZER_HELPERS)
def test_optimizer_on_random_problem(student, rng, mistakes):
    """optimizer: W, b and the cost list on a random problem, random iterations and learning rate"""
    _, _, X, Y = _propagate_problem(rng)
    _check_optimizer(student, mistakes, X, Y, int(rng.integers(5, 30)), float(rng.uniform(0.05, 0.5)))


@graded("optimizer", points=1, helpers=OPTIMIZER_HELPERS)
def test_optimizer_default_arguments(student, rng, mistakes):
    """optimizer: the defaults num_iterations=200, learning_rate=0.01"""
    _, _, X, Y = _propagate_problem(rng)
    _check_optimizer(student, mistakes, X, Y)


def _check_predict(student, mistakes, X, W, b):
    expect_parts({"Y_pred": student.predict(X, W, b)}, {"Y_pred": ref.predict(X, W, b)}, mistakes(X, W, b),
                 lambda out: {"Y_pred": out}, {"Y_pred": "Y_pred"}, labels=True)


@graded("predict", points=1, visible=True, helpers=SIGMOID)
def test_predict_on_small_example(student, mistakes):
    """predict: labels on a small fixed problem"""
    W, b = np.array([[0.1124579], [0.23106775]]), -0.3
    X = np.array([[1.0, -1.1, -3.2, 0.5], [1.2, 2.0, 0.1, 3.0]])
    _check_predict(student, mistakes, X, W, b)


@graded("predict", points=1, helpers=SIGMOID)
def test_predict_on_random_problem(student, rng, mistakes):
    """predict: labels on a random problem"""
    W, b, X, _ = _propagate_problem(rng)
    near = np.abs(W.T @ X + b)[0] < 1e-3  # no example so close to 0.5 that float32 rounding could decide it
    while near.any():
        X[:, near] = rng.normal(0, 1, (X.shape[0], int(near.sum())))
        near = np.abs(W.T @ X + b)[0] < 1e-3
    _check_predict(student, mistakes, X, W, b)


@graded("predict", points=1, helpers=SIGMOID)
def test_predict_threshold_is_strict(student, rng, mistakes):
    """predict: examples with ŷ exactly 0.5 (w·x + b = 0) are labelled 0; ŷ just above 0.5 is labelled 1"""
    n, m = int(rng.integers(2, 5)), int(rng.integers(4, 10))
    W = rng.integers(-4, 5, (n, 1)) * 0.5
    W[0, 0] = rng.choice([-1.0, -0.5, 0.5, 1.0])
    b = float(rng.integers(-4, 5)) * 0.25
    X = rng.integers(-4, 5, (n, m)) * 0.5
    for j, z in enumerate([0.0, 0.25, -0.25, 0.0]):  # x = t·e0 with w·x + b = z exactly
        X[:, j] = 0.0
        X[0, j] = (z - b) / W[0, 0]
    X = X[:, rng.permutation(m)]
    _check_predict(student, mistakes, X, W, b)
