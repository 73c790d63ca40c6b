"""The chapter 6 reference against independent oracles: torch.autograd, centred differences in
float64, torch/scipy softmax and cross-entropy, torch.optim.SGD, and training on scikit-learn's
bundled digits (offline).

Digits set-up, shared with the notebook: X = digits.data.T / 16 (64 x 1797), a fixed permutation
(np.random.RandomState(0)) gives 1347 training and 450 test images.
  - binary task, sigmoid network: "is the digit even?" (Y = 1 for 0, 2, 4, 6, 8), a 5-layer network
    [64, 32, 16, 8, 4, 1], learning_rate 0.1, 2000 iterations: test accuracy 0.991 (asserted >= 0.98);
  - ten classes, softmax network [64, 32, 10], learning_rate 0.5, 1000 iterations: test accuracy 0.980
    (asserted >= 0.97).
Both runs are deterministic (initialize_parameters seeds NumPy with 5).
"""
import numpy as np
import pytest
import scipy.special
import torch
import torch.nn.functional as F

from autograder.gradcheck import numerical_gradient, relative_error
from solutions import ch06 as ref

pytestmark = pytest.mark.usefixtures("torch_float64")



def t(x):
    return torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=True)


def random_network(rng, dims, scale=0.5):
    return {k + str(l): rng.normal(0, scale if k == 'W' else 0.3, (dims[l], dims[l - 1]) if k == 'W' else (dims[l], 1))
            for l in range(1, len(dims)) for k in ('W', 'b')}


def torch_forward(X, params, L, output):
    """An independent forward pass in torch: ReLU hidden layers, `output` for layer L."""
    A = X
    for l in range(1, L + 1):
        Z = params['W' + str(l)] @ A + params['b' + str(l)]
        A = torch.relu(Z) if l < L else output(Z)
    return A


# --------------------------------------------------------------------------------------------
# initialisation and activations
# --------------------------------------------------------------------------------------------

def test_initialize_parameters_is_the_books_seeded_draw():
    params = ref.initialize_parameters([5, 4, 3, 1])
    np.random.seed(5)
    for l, (n, n_prev) in enumerate([(4, 5), (3, 4), (1, 3)], start=1):
        np.testing.assert_array_equal(params['W' + str(l)], np.random.randn(n, n_prev) * 0.1)
        np.testing.assert_array_equal(params['b' + str(l)], np.zeros((n, 1)))
    assert sorted(params) == ['W1', 'W2', 'W3', 'b1', 'b2', 'b3']


def test_initialize_parameters_spread():
    W = ref.initialize_parameters([200, 300])['W1']
    assert abs(W.std() - 0.1) < 0.002 and abs(W.mean()) < 0.002


def test_activations_match_torch():
    Z = np.random.default_rng(0).normal(0, 5, (4, 7))
    np.testing.assert_allclose(ref.sigmoid(Z), torch.sigmoid(t(Z)).detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(ref.relu(Z), torch.relu(t(Z)).detach().numpy(), rtol=0)


@pytest.mark.parametrize("shift", [0.0, 1000.0, -1000.0, 1e5])
def test_softmax_matches_torch_and_scipy_and_is_stable(shift):
    Z = np.random.default_rng(1).normal(0, 3, (5, 6)) + shift
    Z[:, 0] += 700.0  # one column far from the others
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # no overflow, no 0/0
        A = ref.softmax(Z)
    np.testing.assert_allclose(A, torch.softmax(t(Z), dim=0).detach().numpy(), rtol=1e-10, atol=1e-300)
    np.testing.assert_allclose(A, scipy.special.softmax(Z, axis=0), rtol=1e-10, atol=1e-300)
    np.testing.assert_allclose(A.sum(axis=0), 1.0, rtol=1e-12)


def test_softmax_of_huge_inputs_is_finite():
    Z = np.array([[1000.0, 1e300], [1001.0, 0.0], [1002.0, -1e4]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        A = ref.softmax(Z)
    np.testing.assert_allclose(A[:, 0], scipy.special.softmax([1000.0, 1001.0, 1002.0]))
    np.testing.assert_array_equal(A[:, 1], [1.0, 0.0, 0.0])


def test_one_hot_matches_torch():
    labels = np.array([3, 0, 2, 2, 1, 0])
    expected = F.one_hot(torch.tensor(labels), num_classes=5).T.numpy()
    np.testing.assert_array_equal(ref.one_hot(labels, 5), expected)
    np.testing.assert_array_equal(ref.one_hot(labels.reshape(1, -1), 5), expected)


# --------------------------------------------------------------------------------------------
# costs
# --------------------------------------------------------------------------------------------

def test_compute_cost_matches_torch_bce():
    rng = np.random.default_rng(2)
    AL, Y = rng.uniform(0.01, 0.99, (1, 9)), rng.integers(0, 2, (1, 9)).astype(float)
    expected = F.binary_cross_entropy(t(AL), torch.tensor(Y)).item()
    assert ref.compute_cost(AL, Y) == pytest.approx(expected, rel=1e-12)


def test_softmax_cost_matches_torch_cross_entropy():
    rng = np.random.default_rng(3)
    Z, labels = rng.normal(0, 2, (4, 11)), rng.integers(0, 4, 11)
    expected = F.cross_entropy(t(Z.T), torch.tensor(labels)).item()
    assert ref.softmax_cost(ref.softmax(Z), ref.one_hot(labels, 4)) == pytest.approx(expected, rel=1e-12)


# --------------------------------------------------------------------------------------------
# gradients: torch.autograd and centred differences (float64)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,torch_fn", [("relu", torch.relu), ("sigmoid", torch.sigmoid)])
def test_activation_backward_matches_autograd_and_finite_differences(name, torch_fn):
    rng = np.random.default_rng(4)
    dA = rng.normal(0, 1, (3, 5))
    Z = rng.uniform(0.1, 3, (3, 5)) * rng.choice([-1, 1], (3, 5))
    dZ = getattr(ref, name + "_backward")(dA, Z)
    Zt = t(Z)
    (torch_fn(Zt) * torch.tensor(dA)).sum().backward()
    np.testing.assert_allclose(dZ, Zt.grad.numpy(), rtol=1e-12)
    forward = getattr(ref, name)
    numeric = numerical_gradient(lambda z: np.sum(dA * forward(z)), Z)
    assert relative_error(dZ, numeric) < 1e-7


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_single_layer_backward_matches_autograd(activation):
    rng = np.random.default_rng(5)
    A_prev, W = rng.normal(0, 1, (4, 6)), rng.normal(0, 1, (3, 4))
    b, dA = rng.normal(0, 1, (3, 1)), rng.normal(0, 1, (3, 6))
    A, cache = ref.single_layer_forward(A_prev, W, b, activation)
    dA_prev, dW, db = ref.single_layer_backward(dA, cache, activation)
    At, Wt, bt = t(A_prev), t(W), t(b)
    out = (torch.relu if activation == "relu" else torch.sigmoid)(Wt @ At + bt)
    np.testing.assert_allclose(A, out.detach().numpy(), rtol=1e-12)
    (out * torch.tensor(dA)).sum().backward()
    m = A_prev.shape[1]  # dW and db carry the 1/m, dA_prev does not
    np.testing.assert_allclose(dA_prev, At.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(dW, Wt.grad.numpy() / m, rtol=1e-10)
    np.testing.assert_allclose(db, bt.grad.numpy() / m, rtol=1e-10)
    assert db.shape == (3, 1)


def test_backward_propagation_matches_autograd_and_finite_differences():
    rng = np.random.default_rng(6)
    dims, m = [5, 6, 4, 3, 1], 8
    X, params = rng.normal(0, 1, (dims[0], m)), random_network(rng, dims)
    Y = rng.integers(0, 2, (1, m)).astype(float)
    AL, caches = ref.forward_propagation(X, params)
    grads = ref.backward_propagation(AL, Y, caches)
    L = len(dims) - 1
    assert sorted(grads) == sorted([f"d{k}{l}" for l in range(1, L + 1) for k in "Wb"] + [f"dA{l}" for l in range(L)])

    tp = {k: t(v) for k, v in params.items()}
    Xt = t(X)
    ALt = torch_forward(Xt, tp, L, torch.sigmoid)
    np.testing.assert_allclose(AL, ALt.detach().numpy(), rtol=1e-12)
    F.binary_cross_entropy(ALt, torch.tensor(Y)).backward()
    for k, v in tp.items():
        np.testing.assert_allclose(grads['d' + k], v.grad.numpy(), rtol=1e-9, atol=1e-14)
    np.testing.assert_allclose(grads['dA0'], Xt.grad.numpy() * m, rtol=1e-9, atol=1e-14)

    def J(p):
        return ref.compute_cost(ref.forward_propagation(X, p)[0], Y)
    for k in params:
        numeric = numerical_gradient(lambda x: J({**params, k: x}), params[k])
        assert relative_error(grads['d' + k], numeric) < 1e-5, k  # ReLU kinks: CS231n's 'fine'


def test_softmax_backward_is_the_gradient_of_softmax_cross_entropy():
    rng = np.random.default_rng(7)
    Z, labels = rng.normal(0, 2, (4, 6)), rng.integers(0, 4, 6)
    Y = ref.one_hot(labels, 4)
    dZ = ref.softmax_backward(ref.softmax(Z), Y)
    Zt = t(Z)
    F.cross_entropy(Zt.T, torch.tensor(labels)).backward()
    np.testing.assert_allclose(dZ, Zt.grad.numpy() * 6, rtol=1e-10)  # dZ carries no 1/m
    numeric = numerical_gradient(lambda z: ref.softmax_cost(ref.softmax(z), Y), Z)
    assert relative_error(dZ / 6, numeric) < 1e-7


def test_backward_propagation_softmax_matches_autograd_and_finite_differences():
    rng = np.random.default_rng(8)
    dims, m = [4, 5, 3, 4], 7
    X, params = rng.normal(0, 1, (dims[0], m)), random_network(rng, dims)
    labels = rng.integers(0, 4, m)
    Y = ref.one_hot(labels, 4)
    AL, caches = ref.forward_propagation_softmax(X, params)
    grads = ref.backward_propagation_softmax(AL, Y, caches)

    tp = {k: t(v) for k, v in params.items()}
    Xt = t(X)
    logits = torch_forward(Xt, tp, 3, lambda Z: Z)
    np.testing.assert_allclose(AL, torch.softmax(logits, dim=0).detach().numpy(), rtol=1e-12)
    F.cross_entropy(logits.T, torch.tensor(labels)).backward()
    for k, v in tp.items():
        np.testing.assert_allclose(grads['d' + k], v.grad.numpy(), rtol=1e-9, atol=1e-14)
    np.testing.assert_allclose(grads['dA0'], Xt.grad.numpy() * m, rtol=1e-9, atol=1e-14)

    def J(p):
        return ref.softmax_cost(ref.forward_propagation_softmax(X, p)[0], Y)
    for k in params:
        numeric = numerical_gradient(lambda x: J({**params, k: x}), params[k])
        assert relative_error(grads['d' + k], numeric) < 1e-5, k  # ReLU kinks: CS231n's 'fine'


def test_update_parameters_matches_torch_sgd():
    rng = np.random.default_rng(9)
    params = random_network(rng, [3, 4, 2])
    grads = {'d' + k: rng.normal(0, 1, v.shape) for k, v in params.items()}
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    for k, v in tp.items():
        v.grad = torch.tensor(grads['d' + k])
    torch.optim.SGD(list(tp.values()), lr=0.3).step()
    updated = ref.update_parameters({k: v.copy() for k, v in params.items()}, grads, 0.3)
    for k in params:
        np.testing.assert_allclose(updated[k], tp[k].detach().numpy(), rtol=1e-14)


# --------------------------------------------------------------------------------------------
# training on the digits (sklearn.datasets.load_digits, bundled with scikit-learn)
# --------------------------------------------------------------------------------------------

@pytest.fixture(autouse=False)
def one_thread():
    """Small matrices: BLAS threads only fight each other (and torch's) on a busy machine."""
    from threadpoolctl import threadpool_limits
    with threadpool_limits(1):
        yield


@pytest.fixture(scope="module")
def digits():
    from sklearn.datasets import load_digits
    data = load_digits()
    X, y = data.data.T / 16.0, data.target
    perm = np.random.RandomState(0).permutation(X.shape[1])
    train, test = perm[:1347], perm[1347:]
    return X[:, train], y[train], X[:, test], y[test]


def test_deep_sigmoid_network_learns_even_digits(digits, one_thread):
    X_train, y_train, X_test, y_test = digits
    Y_train, Y_test = (y_train % 2 == 0).astype(float).reshape(1, -1), (y_test % 2 == 0).astype(float).reshape(1, -1)
    parameters, costs = ref.nn_model(X_train, Y_train, [64, 32, 16, 8, 4, 1], learning_rate=0.1, num_iterations=2000)
    assert len(costs) == 20 and costs[-1] < 0.02 < costs[0]
    accuracy = np.mean(ref.predict(X_test, parameters) == Y_test)
    assert accuracy >= 0.98  # 0.991 (446 of 450)
    assert ref.predict(X_test, parameters).shape == (1, 450)


def test_softmax_network_learns_ten_digits(digits, one_thread):
    X_train, y_train, X_test, y_test = digits
    parameters, costs = ref.nn_model_softmax(X_train, ref.one_hot(y_train, 10), [64, 32, 10],
                                             learning_rate=0.5, num_iterations=1000)
    assert len(costs) == 10 and costs[-1] < 0.03 and all(np.diff(costs) < 0)
    labels = ref.predict_softmax(X_test, parameters)
    assert labels.shape == (1, 450)
    accuracy = np.mean(labels == y_test)
    assert accuracy >= 0.97  # 0.980 (441 of 450)


def test_nn_model_is_deterministic():
    rng = np.random.default_rng(10)
    X, Y = rng.normal(0, 1, (3, 20)), rng.integers(0, 2, (1, 20)).astype(float)
    a, _ = ref.nn_model(X, Y, [3, 4, 1], 0.1, 50)
    b, _ = ref.nn_model(X, Y, [3, 4, 1], 0.1, 50)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])


def test_module_needs_only_numpy():
    import ast
    import inspect
    tree = ast.parse(inspect.getsource(ref))
    imported = {a.name.split('.')[0] for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                for a in node.names} | {node.module.split('.')[0] for node in ast.walk(tree)
                                        if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= {"numpy"}, imported


# --------------------------------------------------------------------------------------------
# the graders are fair: correct code written differently keeps full marks, and a wrong helper
# costs points only in its own function (in-process, through autograder.inprocess)
# --------------------------------------------------------------------------------------------

FAIR = r'''
"""Correct chapter 6 code written differently from the reference: float32 throughout, loops, einsum,
np.random.normal, in-place updates, a 5-item cache, extra gradient keys, costs as np.float32 or Python
float, nn_model returning only the parameters (as the book), flat (m,) softmax labels."""
import numpy as np
F = np.float32
def initialize_parameters(layer_dims):
    np.random.seed(5)
    p = {}
    for l in range(1, len(layer_dims)):
        p[f"W{l}"] = np.random.normal(0, 0.1, (layer_dims[l], layer_dims[l-1])).astype(F)
        p[f"b{l}"] = np.zeros((layer_dims[l], 1), dtype=F)
    return p
def sigmoid(Z):
    return (1 / (1 + np.exp(-np.asarray(Z, F)))).astype(F)
def relu(Z):
    Z = np.asarray(Z, F); A = Z.copy(); A[A < 0] = 0; return A
def softmax(Z):
    Z = np.asarray(Z, F)
    out = np.empty_like(Z)
    for j in range(Z.shape[1]):
        z = Z[:, j] - Z[:, j].max(); e = np.exp(z); out[:, j] = e / e.sum()
    return out
def single_layer_forward(A_prev, W, b, activation):
    Z = np.einsum('ij,jk->ik', np.asarray(W, F), np.asarray(A_prev, F)) + np.asarray(b, F)
    A = {'relu': relu, 'sigmoid': sigmoid, 'softmax': softmax}[activation](Z)
    return A, (A_prev, W, b, Z, A)   # an extra item
def forward_propagation(X, parameters):
    caches = []; A = X; L = len([k for k in parameters if k.startswith('W')])
    for l in range(1, L + 1):
        A, c = single_layer_forward(A, parameters[f'W{l}'], parameters[f'b{l}'], 'relu' if l < L else 'sigmoid')
        caches.append(c)
    return A, caches
def compute_cost(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m).astype(F)
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True, dtype=F); dZ[np.asarray(Z) <= 0] = 0; return dZ
def sigmoid_backward(dA, Z):
    s = sigmoid(Z); return (dA * s * (1 - s)).astype(F)
def single_layer_backward(dA, cache, activation):
    A_prev, W, b, Z = cache[:4]
    dZ = relu_backward(dA, Z) if activation == 'relu' else sigmoid_backward(dA, Z)
    m = A_prev.shape[1]
    dW = np.zeros(W.shape, F)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
    dW /= m
    db = dZ.mean(axis=1).reshape(-1, 1)
    return (W.T @ dZ).astype(F), dW, db
def backward_propagation(AL, Y, caches):
    grads = {}; L = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        dA, grads[f'dW{l}'], grads[f'db{l}'] = single_layer_backward(dA, caches[l-1], 'sigmoid' if l == L else 'relu')
        grads[f'dA{l-1}'] = dA
        grads[f'extra{l}'] = 1.0
    return grads
def update_parameters(parameters, grads, learning_rate=0.1):
    for k in list(parameters):
        parameters[k] -= learning_rate * grads['d' + k]
    return parameters
def nn_model(X, Y, layers_dims, learning_rate=0.01, num_iterations=3000, print_cost=False):
    p = initialize_parameters(layers_dims)
    for i in range(num_iterations):
        AL, caches = forward_propagation(X, p)
        p = update_parameters(p, backward_propagation(AL, Y, caches), learning_rate)
    return p
def predict(X, parameters):
    return forward_propagation(X, parameters)[0] > 0.5
def one_hot(labels, C):
    return np.eye(C, dtype=F)[np.asarray(labels).ravel()].T
def softmax_cost(AL, Y):
    return float(-np.sum(Y * np.log(AL)) / Y.shape[1])
def softmax_backward(AL, Y):
    return (AL - Y).astype(F)
def forward_propagation_softmax(X, parameters):
    caches = []; A = X; L = len(parameters) // 2
    for l in range(1, L + 1):
        A, c = single_layer_forward(A, parameters[f'W{l}'], parameters[f'b{l}'], 'relu' if l < L else 'softmax')
        caches.append(c)
    return A, caches
def backward_propagation_softmax(AL, Y, caches):
    grads = {}; L = len(caches); m = Y.shape[1]
    A_prev, W, b, Z = caches[-1][:4]
    dZ = softmax_backward(AL, Y)
    grads[f'dW{L}'] = dZ @ A_prev.T / m; grads[f'db{L}'] = dZ.sum(1, keepdims=True) / m
    dA = W.T @ dZ; grads[f'dA{L-1}'] = dA
    for l in range(L - 1, 0, -1):
        dA, grads[f'dW{l}'], grads[f'db{l}'] = single_layer_backward(dA, caches[l-1], 'relu')
        grads[f'dA{l-1}'] = dA
    return grads
def nn_model_softmax(X, Y, layers_dims, learning_rate=0.1, num_iterations=3000, print_cost=False):
    p = initialize_parameters(layers_dims); costs = []
    for i in range(num_iterations):
        AL, caches = forward_propagation_softmax(X, p)
        costs.append(softmax_cost(AL, Y))
        p = update_parameters(p, backward_propagation_softmax(AL, Y, caches), learning_rate)
    return p, costs
def predict_softmax(X, parameters):
    return np.argmax(forward_propagation_softmax(X, parameters)[0], axis=0)
'''


def _grade(namespace, seed, function=None):
    from autograder.grading import catalogue_of, collect, run_tests
    from autograder.inprocess import InProcessStudent
    module = "autograder.graders.ch06"
    tests = [t for t in collect(module) if function is None or t.function == function]
    return run_tests(tests, InProcessStudent(namespace), seed=seed, catalogue=catalogue_of(module), lang="en")


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_correct_code_written_differently_keeps_full_marks(seed):
    namespace = {}
    exec(compile(FAIR, "<cell-1>", "exec"), namespace)
    failed = [(r.name, r.output) for r in _grade(namespace, seed) if r.status != "passed"]
    assert not failed


@pytest.mark.parametrize("mistake", ["ch06.single_layer_forward.missing_bias", "ch06.sigmoid.exp_sign",
                                     "ch06.update_parameters.plus_sign", "ch06.softmax.wrong_axis",
                                     "ch06.single_layer_backward.dA_prev_uses_dA"])
def test_a_wrong_helper_costs_points_only_in_its_own_function(mistake):
    from autograder.mistakes.ch06 import catalogue
    variant = next(v for v in catalogue if v.id == mistake)
    namespace = dict(vars(ref))
    exec(compile("import numpy as np\n" + variant.source(), "<cell-1>", "exec"), namespace)
    lost = {r.function for r in _grade(namespace, 5) if r.status != "passed"}
    assert lost == {variant.function}
