"""Chapters 4 and 5: the references against independent oracles (the book's printed figures, centred
differences in float64, torch.autograd, torch.optim.SGD), and the graders against other correct
implementations (loops, einsum, float32, in-place updates, extra keys, bool labels, ...)."""
from __future__ import annotations

import importlib
import time

import numpy as np
import pytest

from autograder.grading import catalogue_of, collect, reference_of, run_tests
from autograder.inprocess import InProcessStudent
from solutions import ch04, ch05

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.usefixtures("torch_float64")



# ---------------------------------------------------------------------------------------------
# the book's data and figures
# ---------------------------------------------------------------------------------------------

def book_moons():
    """The book's data: np.random.seed(1), make_moons(200, noise=.2), X (2, 200), Y (1, 200)."""
    datasets = pytest.importorskip("sklearn.datasets")
    np.random.seed(1)
    X, Y = datasets.make_moons(n_samples=200, noise=.2)
    return X.T, Y.reshape(1, Y.shape[0])


def test_ch04_book_figures(capsys):
    X, Y = book_moons()
    assert X.shape == (2, 200) and Y.shape == (1, 200)
    W, b, cost = ch04.optimizer(X, Y, num_iterations=1000, learning_rate=0.1)
    printed = capsys.readouterr().out.strip().splitlines()
    assert printed[-1] == "Iteration: 1000, J = 0.301476"
    assert len(cost) == 1000 and "%f" % cost[-1] == "0.301476"
    np.testing.assert_allclose(W, [[1.14042339], [-3.83196763]], rtol=0, atol=5e-9)
    assert abs(b - 0.35010174) < 5e-9
    assert np.mean(ch04.predict(X, W, b) == Y) == 0.86


def test_ch05_book_figures(capsys):
    X, Y = book_moons()
    parameters = ch05.nn_model(X, Y, n_h=3, num_iterations=500, learning_rate=0.2)
    printed = capsys.readouterr().out.strip().splitlines()
    assert printed[-1] == "Iteration: 500, cost = 0.204605"
    assert np.mean(ch05.predict(X, parameters) == Y) == 0.94


# ---------------------------------------------------------------------------------------------
# chapter 4: perceptron and gates
# ---------------------------------------------------------------------------------------------

def test_ch04_gates_truth_tables():
    for x1 in (0, 1):
        for x2 in (0, 1):
            assert ch04.AND(x1, x2) == int(x1 and x2)
            assert ch04.OR(x1, x2) == int(x1 or x2)
            assert ch04.NAND(x1, x2) == int(not (x1 and x2))
            assert ch04.XOR(x1, x2) == x1 ^ x2


def test_ch04_perceptron_boundary_gives_zero():
    w = np.array([0.5, 0.5])
    assert ch04.perceptron(np.array([1.0, 1.0]), w, -1.0) == 0         # w·x + b = 0 exactly
    assert ch04.perceptron(np.array([1.0, 1.0]), w, -1.0 + 1e-12) == 1
    assert ch04.perceptron(np.array([1.0, 1.0]), w, -1.0 - 1e-12) == 0
    rng = np.random.default_rng(0)
    for _ in range(200):
        x, w = rng.integers(-3, 4, 4).astype(float), rng.integers(-3, 4, 4).astype(float)
        b = float(rng.integers(-5, 6))
        assert ch04.perceptron(x, w, b) == int(sum(wi * xi for wi, xi in zip(w, x)) + b > 0)


# ---------------------------------------------------------------------------------------------
# chapter 4: logistic regression
# ---------------------------------------------------------------------------------------------

def logistic_cost(W, b, X, Y):
    """An independent formula: J = mean(softplus(z) - y z), z = WᵀX + b."""
    z = (W.T @ X + b)[0]
    return float(np.mean(np.logaddexp(0.0, z) - Y[0] * z))


def centred_differences(f, x, h=1e-6):
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for ix in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[ix] = h
        grad[ix] = (f(x + e) - f(x - e)) / (2 * h)
    return grad


def logistic_problem(seed):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(2, 6)), int(rng.integers(5, 40))
    return (rng.normal(0, 0.7, (n, 1)), float(rng.normal()), rng.normal(0, 1, (n, m)),
            (rng.random((1, m)) < 0.5).astype(np.float64))


def test_ch04_sigmoid_and_initialisation():
    z = np.linspace(-20, 20, 41)
    np.testing.assert_allclose(ch04.sigmoid(z), torch.sigmoid(torch.tensor(z)).numpy(), rtol=1e-12)
    W, b = ch04.initialize_with_zeros(5)
    assert W.shape == (5, 1) and not W.any() and b == 0.0


@pytest.mark.parametrize("seed", range(5))
def test_ch04_propagate_against_finite_differences(seed):
    W, b, X, Y = logistic_problem(seed)
    grads, cost = ch04.propagate(W, b, X, Y)
    assert abs(cost - logistic_cost(W, b, X, Y)) < 1e-12
    num_dW = centred_differences(lambda w: logistic_cost(w, b, X, Y), W)
    num_db = centred_differences(lambda bb: logistic_cost(W, float(bb), X, Y), np.array(b))
    assert grads["dW"].shape == W.shape and np.ndim(grads["db"]) == 0
    np.testing.assert_allclose(grads["dW"], num_dW, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(grads["db"], num_db, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_ch04_propagate_against_torch_autograd(seed):
    W, b, X, Y = logistic_problem(seed)
    tW, tb = torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(tW.T @ torch.tensor(X) + tb, torch.tensor(Y))
    loss.backward()
    grads, cost = ch04.propagate(W, b, X, Y)
    assert abs(cost - loss.item()) < 1e-12
    np.testing.assert_allclose(grads["dW"], tW.grad.numpy(), rtol=1e-10, atol=1e-14)
    assert abs(grads["db"] - tb.grad.item()) < 1e-12


def test_ch04_optimizer_against_torch_sgd(capsys):
    W, b, X, Y = logistic_problem(7)
    tW = torch.zeros(W.shape, requires_grad=True)
    tb = torch.zeros((), requires_grad=True)
    sgd = torch.optim.SGD([tW, tb], lr=0.3)
    costs = []
    for _ in range(150):
        sgd.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(tW.T @ torch.tensor(X) + tb, torch.tensor(Y))
        costs.append(loss.item())
        loss.backward()
        sgd.step()
    W_ref, b_ref, cost_ref = ch04.optimizer(X, Y, num_iterations=150, learning_rate=0.3)
    assert capsys.readouterr().out == "Iteration: 100, J = %f\n" % costs[99]
    np.testing.assert_allclose(W_ref, tW.detach().numpy(), rtol=1e-10)
    assert abs(b_ref - tb.item()) < 1e-10
    np.testing.assert_allclose(cost_ref, costs, rtol=1e-10)


def test_ch04_predict_threshold():
    W, b = np.array([[1.0], [-2.0]]), 0.5
    X = np.array([[1.5, -0.5, 0.0, -0.5 + 1e-9, -0.5 - 1e-9], [1.0, 0.0, 0.25, 0.0, 0.0]])  # z = 0, 0, 0, ±1e-9
    np.testing.assert_array_equal(ch04.predict(X, W, b), [[0, 0, 0, 1, 0]])
    _, _, X, _ = logistic_problem(3)
    W, b = np.random.default_rng(3).normal(0, 1, (X.shape[0], 1)), 0.2
    oracle = (torch.sigmoid(torch.tensor(W.T @ X + b)) > 0.5).numpy().astype(float)
    np.testing.assert_array_equal(ch04.predict(X, W, b), oracle)
    assert ch04.predict(X, W, b).shape == (1, X.shape[1])


# ---------------------------------------------------------------------------------------------
# chapter 5: shallow network
# ---------------------------------------------------------------------------------------------

def network_problem(seed, n_x=3, n_h=4, m=17):
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, (n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    parameters = {"W1": rng.normal(0, 0.8, (n_h, n_x)), "b1": rng.normal(0, 0.3, (n_h, 1)),
                  "W2": rng.normal(0, 0.8, (1, n_h)), "b2": rng.normal(0, 0.3, (1, 1))}
    return X, Y, parameters


def network_cost(X, Y, p):
    """An independent formula for the cost: z2 = W2 tanh(W1 X + b1) + b2, J = mean(softplus(z2) - y z2)."""
    z2 = (p["W2"] @ np.tanh(p["W1"] @ X + p["b1"]) + p["b2"])[0]
    return float(np.mean(np.logaddexp(0.0, z2) - Y[0] * z2))


def torch_network(X, Y, p):
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in p.items()}
    a1 = torch.tanh(tp["W1"] @ torch.tensor(X) + tp["b1"])
    z2 = tp["W2"] @ a1 + tp["b2"]
    loss = torch.nn.functional.binary_cross_entropy_with_logits(z2, torch.tensor(Y))
    return tp, a1, z2, loss


def test_ch05_initialize_parameters_is_the_books():
    p = ch05.initialize_parameters(2, 4, 1)
    rs = np.random.RandomState(0)
    np.testing.assert_array_equal(p["W1"], rs.randn(4, 2))
    np.testing.assert_array_equal(p["W2"], rs.randn(1, 4))
    assert p["b1"].shape == (4, 1) and p["b2"].shape == (1, 1) and not p["b1"].any() and not p["b2"].any()


@pytest.mark.parametrize("seed", range(4))
def test_ch05_forward_and_loss_against_torch(seed):
    X, Y, p = network_problem(seed)
    A2, cache = ch05.forward_propagation(X, p)
    _, a1, z2, loss = torch_network(X, Y, p)
    np.testing.assert_allclose(cache["A1"], a1.detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(cache["Z2"], z2.detach().numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(A2, torch.sigmoid(z2).detach().numpy(), rtol=1e-12)
    assert A2.shape == (1, X.shape[1]) and cache["Z1"].shape == (4, X.shape[1])
    assert abs(ch05.compute_loss(A2, Y) - loss.item()) < 1e-12


@pytest.mark.parametrize("seed", range(4))
def test_ch05_back_propagation_against_finite_differences(seed):
    X, Y, p = network_problem(seed)
    _, cache = ch05.forward_propagation(X, p)
    grads = ch05.back_propagation(X, Y, p, cache)
    for key in p:
        numeric = centred_differences(lambda v, key=key: network_cost(X, Y, dict(p, **{key: v})), p[key])
        assert grads["d" + key].shape == p[key].shape
        np.testing.assert_allclose(grads["d" + key], numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_ch05_back_propagation_against_torch_autograd(seed):
    X, Y, p = network_problem(seed)
    tp, _, _, loss = torch_network(X, Y, p)
    loss.backward()
    _, cache = ch05.forward_propagation(X, p)
    grads = ch05.back_propagation(X, Y, p, cache)
    for key in p:
        np.testing.assert_allclose(grads["d" + key], tp[key].grad.numpy(), rtol=1e-10, atol=1e-14)


def test_ch05_update_and_nn_model_against_torch_sgd(capsys):
    X, Y, _ = network_problem(11, n_x=2, n_h=3, m=30)
    p0 = ch05.initialize_parameters(2, 3, 1)
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in p0.items()}
    sgd = torch.optim.SGD(list(tp.values()), lr=0.4)
    for step in range(120):
        sgd.zero_grad()
        a1 = torch.tanh(tp["W1"] @ torch.tensor(X) + tp["b1"])
        loss = torch.nn.functional.binary_cross_entropy_with_logits(tp["W2"] @ a1 + tp["b2"], torch.tensor(Y))
        if step == 0:
            loss.backward()
            grads = {"d" + k: v.grad.numpy().copy() for k, v in tp.items()}
            sgd.step()
            one_step = ch05.update_parameters(p0, grads, 0.4)
            for k in p0:
                np.testing.assert_allclose(one_step[k], tp[k].detach().numpy(), rtol=1e-12)
            continue
        loss.backward()
        sgd.step()
    trained = ch05.nn_model(X, Y, n_h=3, num_iterations=120, learning_rate=0.4)
    assert capsys.readouterr().out.startswith("Iteration: 100, cost = ")
    for k in p0:
        np.testing.assert_allclose(trained[k], tp[k].detach().numpy(), rtol=1e-9, atol=1e-12)
    assert ch05.update_parameters(p0, grads)["W1"] == pytest.approx(p0["W1"] - 0.1 * grads["dW1"])


def test_ch05_predict_threshold():
    X, _, p = network_problem(5, m=12)
    p["b1"], p["b2"] = np.zeros_like(p["b1"]), np.zeros_like(p["b2"])
    X[:, 0] = 0.0  # A2 = 0.5 exactly
    labels = ch05.predict(X, p)
    oracle = (torch_network(X, np.zeros((1, 12)), p)[2] > 0).numpy().astype(float)
    assert labels.shape == (1, 12) and labels[0, 0] == 0
    np.testing.assert_array_equal(labels, oracle)


# ---------------------------------------------------------------------------------------------
# the graders: other correct implementations keep full marks, on many seeds, fast
# ---------------------------------------------------------------------------------------------

def _grade(chapter, namespace, seed):
    module = f"autograder.graders.{chapter}"
    return run_tests(collect(module), InProcessStudent(namespace), seed=seed, catalogue=catalogue_of(module), lang="en",
                     reference=reference_of(module))


def _assert_full_marks(chapter, namespace, seeds):
    for seed in seeds:
        results = _grade(chapter, namespace, seed)
        failed = [(r.name, r.output) for r in results if r.status != "passed"]
        assert not failed, (seed, failed)


def ch04_loops():
    """Loops, different (but valid) gate weights, bool outputs, Python-float cost and db, in-place updates."""
    def perceptron(x, w, b):
        total = b
        for xi, wi in zip(x, w):
            total += xi * wi
        return total > 0

    def AND(x1, x2):
        return perceptron([x1, x2], [1.0, 1.0], -1.5)

    def OR(x1, x2):
        return perceptron([x1, x2], [1.0, 1.0], -0.5)

    def NAND(x1, x2):
        return perceptron([x1, x2], [-1.0, -1.0], 1.5)

    def XOR(x1, x2):
        return AND(OR(x1, x2), NAND(x1, x2))

    def sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    def initialize_with_zeros(dim):
        return np.zeros((dim, 1)), 0

    def propagate(W, b, X, Y):
        n, m = X.shape
        cost, dW, db = 0.0, np.zeros((n, 1)), 0.0
        for i in range(m):
            z = b + sum(W[k, 0] * X[k, i] for k in range(n))
            a = 1.0 / (1.0 + np.exp(-z))
            cost -= Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)
            for k in range(n):
                dW[k, 0] += X[k, i] * (a - Y[0, i])
            db += a - Y[0, i]
        return {"dW": dW / m, "db": float(db / m), "extra": None}, float(cost / m)

    def optimizer(X, Y, num_iterations=200, learning_rate=0.01):
        W, b = initialize_with_zeros(X.shape[0])
        costs = []
        for i in range(num_iterations):
            grads, cost = propagate(W, b, X, Y)
            W -= learning_rate * grads["dW"]
            b -= learning_rate * grads["db"]
            costs.append(cost)
        return W, b, costs

    def predict(X, W, b):
        return sigmoid(W.T @ X + b) > 0.5

    return locals()


def ch04_vectorised_float32():
    """einsum, float32 throughout, numpy-bool perceptron, 0-d / (1, 1) costs, int labels."""
    f32 = np.float32

    def perceptron(x, w, b):
        return np.dot(np.asarray(w, f32), np.asarray(x, f32)) + f32(b) > 0

    def AND(x1, x2):
        return int(perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.7))

    def OR(x1, x2):
        return int(x1 + x2 >= 1)

    def NAND(x1, x2):
        return 1 - AND(x1, x2)

    def XOR(x1, x2):
        return AND(NAND(x1, x2), OR(x1, x2))

    def sigmoid(z):
        return (1 / (1 + np.exp(-np.asarray(z, f32)))).astype(f32)

    def initialize_with_zeros(dim):
        return np.zeros((dim, 1), f32), f32(0)

    def propagate(W, b, X, Y):
        W, X, Y = W.astype(f32), X.astype(f32), Y.astype(f32)
        m = X.shape[1]
        A = sigmoid(np.einsum("ni,nm->im", W, X) + f32(b))
        cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m      # (1, 1)
        dW = np.einsum("nm,im->ni", X, A - Y) / m
        db = np.sum(A - Y, keepdims=True) / m                                     # (1, 1)
        return {"dW": dW, "db": db}, cost

    def optimizer(X, Y, num_iterations=200, learning_rate=0.01):
        W, b = initialize_with_zeros(X.shape[0])
        costs = []
        for _ in range(num_iterations):
            grads, cost = propagate(W, b, X, Y)
            costs.append(cost)
            W = W - f32(learning_rate) * grads["dW"]
            b = b - f32(learning_rate) * grads["db"].item()
        return W, b, np.array(costs)

    def predict(X, W, b):
        return (sigmoid(np.dot(W.T, X) + b) > 0.5).astype(int)

    return locals()


def ch05_vectorised_variants():
    """einsum, extra dict keys, in-place updates, RandomState, derivative via Z1, bool labels."""
    sigmoid = ch05.sigmoid

    def initialize_parameters(n_x, n_h, n_y):
        rs = np.random.RandomState(0)
        np.random.seed(0)
        return {"W1": rs.randn(n_h, n_x), "b1": np.zeros((n_h, 1)), "W2": rs.randn(n_y, n_h),
                "b2": np.zeros((n_y, 1)), "sizes": (n_x, n_h, n_y)}

    def forward_propagation(X, parameters):
        Z1 = np.einsum("hx,xm->hm", parameters["W1"], X) + parameters["b1"]
        A1 = np.tanh(Z1)
        Z2 = np.einsum("yh,hm->ym", parameters["W2"], A1) + parameters["b2"]
        A2 = sigmoid(Z2)
        return A2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}

    def compute_loss(A2, Y):
        return float(np.squeeze(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))))

    def back_propagation(X, Y, parameters, cache):
        m = X.shape[1]
        dZ2 = cache["A2"] - Y
        dZ1 = parameters["W2"].T @ dZ2 * (1 - np.tanh(cache["Z1"]) ** 2)
        return {"dZ2": dZ2, "dZ1": dZ1, "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.mean(axis=1, keepdims=True),
                "dW1": dZ1 @ X.T / m, "db1": dZ1.mean(axis=1, keepdims=True)}

    def update_parameters(parameters, grads, learning_rate=0.1):
        for key in ("W1", "b1", "W2", "b2"):
            parameters[key] -= learning_rate * grads["d" + key]
        return parameters

    def nn_model(X, Y, n_h=3, num_iterations=200, learning_rate=0.1):
        parameters = initialize_parameters(X.shape[0], n_h, 1)
        for i in range(num_iterations):
            A2, cache = forward_propagation(X, parameters)
            if i % 20 == 0:
                print("cost", compute_loss(A2, Y))
            update_parameters(parameters, back_propagation(X, Y, parameters, cache), learning_rate)
        return parameters

    def predict(X, parameters):
        return forward_propagation(X, parameters)[0] > 0.5

    return locals()


def ch05_float32():
    """float32 throughout, loops over examples in the loss, int labels."""
    f32 = np.float32

    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    def initialize_parameters(n_x, n_h, n_y):
        np.random.seed(0)
        W1 = np.random.randn(n_h, n_x).astype(f32)
        W2 = np.random.randn(n_y, n_h).astype(f32)
        return {"W1": W1, "b1": np.zeros((n_h, 1), f32), "W2": W2, "b2": np.zeros((n_y, 1), f32)}

    def forward_propagation(X, parameters):
        p = {k: v.astype(f32) for k, v in parameters.items()}
        Z1 = p["W1"] @ X.astype(f32) + p["b1"]
        A1 = np.tanh(Z1)
        Z2 = p["W2"] @ A1 + p["b2"]
        A2 = sigmoid(Z2)
        return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}

    def compute_loss(A2, Y):
        total = f32(0)
        for a, y in zip(A2[0].astype(f32), Y[0].astype(f32)):
            total += -(y * np.log(a) + (1 - y) * np.log(1 - a))
        return total / f32(Y.shape[1])

    def back_propagation(X, Y, parameters, cache):
        X, Y = X.astype(f32), Y.astype(f32)
        m = f32(X.shape[1])
        dZ2 = cache["A2"].astype(f32) - Y
        A1 = cache["A1"].astype(f32)
        dZ1 = parameters["W2"].astype(f32).T @ dZ2 * (1 - A1 * A1)
        return {"dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
                "dW2": dZ2 @ A1.T / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}

    def update_parameters(parameters, grads, learning_rate=0.1):
        lr = f32(learning_rate)
        return {k: (parameters[k] - lr * grads["d" + k]).astype(f32) for k in ("W1", "b1", "W2", "b2")}

    def nn_model(X, Y, n_h=3, num_iterations=200, learning_rate=0.1):
        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            A2, cache = forward_propagation(X, parameters)
            parameters = update_parameters(parameters, back_propagation(X, Y, parameters, cache), learning_rate)
        return parameters

    def predict(X, parameters):
        return (forward_propagation(X, parameters)[0] > 0.5).astype(np.int64)

    return locals()


@pytest.mark.parametrize("chapter", ["ch04", "ch05"])
def test_ch04_ch05_reference_full_marks_on_many_seeds(chapter):
    namespace = vars(importlib.import_module(f"solutions.{chapter}"))
    _assert_full_marks(chapter, namespace, range(30))


@pytest.mark.parametrize("chapter,make", [("ch04", ch04_loops), ("ch04", ch04_vectorised_float32),
                                          ("ch05", ch05_vectorised_variants), ("ch05", ch05_float32)])
def test_ch04_ch05_other_correct_implementations_keep_full_marks(chapter, make, capsys):
    _assert_full_marks(chapter, make(), range(15))


@pytest.mark.parametrize("chapter", ["ch04", "ch05"])
def test_ch04_ch05_graders_are_fast(chapter, capsys):
    namespace = vars(importlib.import_module(f"solutions.{chapter}"))
    _grade(chapter, namespace, 0)  # warm up imports
    start = time.perf_counter()
    _grade(chapter, namespace, 1)
    assert time.perf_counter() - start < 1.0


# A helper whose output has the wrong shape makes a correct caller crash (a crash cannot be graded).
@pytest.mark.parametrize("chapter", ["ch04", "ch05"])
def test_ch04_ch05_a_mistake_costs_points_only_where_it_is(chapter, capsys):
    """Loaded as a notebook would be (the reference's source, then one variant), so that correct
    functions call the mistaken helper: only the variant's function loses points."""
    import inspect
    module = f"autograder.graders.{chapter}"
    source = inspect.getsource(importlib.import_module(f"solutions.{chapter}"))
    for variant in catalogue_of(module):
        namespace = {}
        exec(compile(source, f"<{chapter}>", "exec"), namespace)
        exec(compile(variant.source(), "<variant>", "exec"), namespace)
        with np.errstate(all="ignore"):
            results = _grade(chapter, namespace, 5)
        lost = {r.function for r in results if r.score < r.max_score}
        assert lost == {variant.function}, \
            (variant.id, [(r.name, r.output) for r in results if r.score < r.max_score])
