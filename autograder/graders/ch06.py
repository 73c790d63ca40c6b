"""Chapter 6 graders: the deep network (6.5) and softmax (6.4).

Visible tests use fixed small inputs; hidden tests draw shapes and values from `rng`.  Backward
functions are also checked against centred differences of the student's own forward functions
(the reference's where the student's are wrong: `own_or_reference`).  A function built on the
student's other functions declares them as `helpers`, so a helper's mistake costs points once.
NumPy only (oracles that need torch live in tests/test_solutions_ch06.py).
"""
import numpy as np

from autograder.compare import (expect_array, expect_close, expect_dict, expect_equal, expect_number, expect_tuple,
                                expect_type, fail, scaled_atol)
from autograder.composite import own_or_reference
from autograder.diagnosis import name_mistake, numeric, parts_of
from autograder.gradcheck import expect_gradient, gradient_settings, is_float32, numerical_gradient
from autograder.grading import graded
from autograder.mistakes.ch06 import catalogue  # noqa: F401  (the chapter's catalogue)
from autograder.results import StudentError
from solutions import ch06 as ref

TRAIN_RTOL, TRAIN_ATOL = 1e-3, 1e-5  # parameters after a training run (float32 students drift a little)
LARGE_RTOL = 1e-3  # softmax of inputs near 1000: float32 holds them only to about 1e-4

# what each composite function calls (6.5.3-6.5.8, 6.4)
ACTIVATIONS = ("sigmoid", "relu", "softmax")
FORWARD = ("single_layer_forward",)
BACKWARD = ("single_layer_backward",)
NN_MODEL = ("initialize_parameters", "forward_propagation", "compute_cost", "backward_propagation", "update_parameters")
NN_MODEL_SOFTMAX = ("initialize_parameters", "forward_propagation_softmax", "softmax_cost",
                    "backward_propagation_softmax", "update_parameters")


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def close(got, expected, what, mistakes=None, **kwargs):
    """`expect_close` whose absolute tolerance is 1e-6 of the largest expected magnitude."""
    kwargs.setdefault("atol", scaled_atol(expected))
    expect_close(got, expected, what, mistakes=mistakes, **kwargs)


def gradient(got, numeric_grad, what, float32, diagnosis=None):
    """The student's gradient against a numerical one of the student's own forward pass."""
    _, tol = gradient_settings(float32)
    expect_gradient(got, numeric_grad, what, tol=tol, diagnosis=diagnosis, float32=float32)


def cache_items(got, what):
    """A layer cache: a tuple (A_prev, W, b, Z); longer caches are fine, their first four items count."""
    expect_type(got, (tuple, list), what, "tuple (A_prev, W, b, Z)")
    if len(got) < 4:
        fail("ch06.cache_length", what=what, got=len(got))
    return got


def parameters_of(got, what):
    """nn_model's result: the parameter dict, or (parameters, costs) as in this course's reference."""
    if isinstance(got, dict):
        return got
    if isinstance(got, (tuple, list)) and got and isinstance(got[0], dict):
        return got[0]
    fail("ch06.returns_parameters", what=what, got=type(got).__name__)


def params_of(out):
    return out[0] if isinstance(out, tuple) else out


def labels_row(got, m):
    """Predicted labels as a (1, m) row; a flat (m,) vector is accepted for the softmax labels."""
    if isinstance(got, np.ndarray) and got.shape == (m,):
        return got.reshape(1, m)
    return got


def random_parameters(rng, dims, scale=0.5):
    params = {}
    for l in range(1, len(dims)):
        params['W' + str(l)] = rng.normal(0, scale, (dims[l], dims[l - 1]))
        params['b' + str(l)] = rng.normal(0, 0.3, (dims[l], 1))
    return params


def random_labels(rng, m, C=2):
    """Labels in which every class occurs (binary: both 0 and 1)."""
    labels = np.concatenate([np.arange(C), rng.integers(0, C, m - C)])
    return rng.permutation(labels)


def away_from_zero(rng, shape, low=0.1, high=3.0):
    return rng.uniform(low, high, shape) * rng.choice([-1.0, 1.0], shape)


def with_exact_zeros(rng, Z, count=2):
    """Z with `count` entries set to exactly 0: ReLU's kink, where the book's derivative is 0."""
    Z = Z.copy()
    flat = rng.choice(Z.size, size=min(count, Z.size), replace=False)
    Z.reshape(-1)[flat] = 0.0
    return Z


def fixed_network():
    """A fixed 2-layer network (3 -> 2 -> 1) on 4 examples, for the visible tests."""
    X = np.array([[1.0, -0.5, 0.3, 2.0], [0.2, 1.5, -1.0, 0.4], [-0.7, 0.1, 0.8, -1.2]])
    params = {'W1': np.array([[0.5, -0.3, 0.8], [-0.6, 0.9, 0.2]]), 'b1': np.array([[0.1], [-0.2]]),
              'W2': np.array([[1.2, -0.7]]), 'b2': np.array([[0.05]])}
    Y = np.array([[1.0, 0.0, 1.0, 0.0]])
    return X, params, Y


def fixed_softmax_network():
    """A fixed 2-layer softmax network (3 -> 4 -> 3) on 5 examples, for the visible tests."""
    r = np.random.RandomState(0)
    X = np.round(r.randn(3, 5), 2)
    params = {'W1': np.round(r.randn(4, 3) * 0.8, 2), 'b1': np.round(r.randn(4, 1) * 0.2, 2),
              'W2': np.round(r.randn(3, 4) * 0.8, 2), 'b2': np.round(r.randn(3, 1) * 0.2, 2)}
    Y = ref.one_hot(np.array([0, 2, 1, 2, 0]), 3)
    return X, params, Y


def check_grads(grads, expected, L, what, mistakes):
    """Compare every 'dW{l}', 'db{l}' (l = 1..L) and 'dA{l}' (l = 0..L-1), output layer first."""
    keys = [k for l in range(L, 0, -1) for k in ('dW' + str(l), 'db' + str(l), 'dA' + str(l - 1))]
    expect_dict(grads, keys, what)
    for k in keys:
        close(grads[k], expected[k], f"{what}['{k}']", mistakes=mistakes(pick=lambda out, k=k: out[k]))


def check_network_output(student, name, X, params, what, mistakes):
    AL, caches = expect_tuple(getattr(student, name)(X, params), 2, what)
    AL_ref, caches_ref = getattr(ref, name)(X, params)
    outputs = mistakes(X, params)
    close(AL, AL_ref, "AL", mistakes=parts_of(outputs, lambda out: out[0]))
    expect_type(caches, (list, tuple), "caches", "list of the layers' caches")
    expect_equal(len(caches), len(caches_ref), "len(caches)", mistakes=parts_of(outputs, lambda out: len(out[1])))
    for l, (cache, cache_ref) in enumerate(zip(caches, caches_ref), start=1):
        cache = cache_items(cache, f"caches[{l - 1}]")
        for i, item in enumerate(("A_prev", "W", "b", "Z")):
            close(cache[i], cache_ref[i], f"caches[{l - 1}] {item}")


def trainable(reference_fn, cost_fn, forward_fn, X, Y, dims, lr, iters):
    """The reference training run lowers the cost clearly and stays far from saturating the output
    (a dead ReLU layer or a near-0/1 output would make the problem a poor test)."""
    params = params_of(reference_fn(X, Y, dims, lr, iters))
    before = cost_fn(forward_fn(X, ref.initialize_parameters(dims))[0], Y)
    AL, caches = forward_fn(X, params)
    return cost_fn(AL, Y) < before - 1e-3 and np.max(np.abs(caches[-1][3])) < 10


def check_training(student, name, X, Y, dims, lr, iters, what, mistakes):
    softmax = name.endswith('softmax')
    params = parameters_of(getattr(student, name)(X, Y, dims, lr, iters), what)
    forward = ref.forward_propagation_softmax if softmax else ref.forward_propagation
    cost_fn = ref.softmax_cost if softmax else ref.compute_cost
    expected = params_of(getattr(ref, name)(X, Y, dims, lr, iters))
    keys = list(expected)
    expect_dict(params, keys, "parameters")
    outputs = mistakes(X, Y, dims, lr, iters, pick=params_of)
    for k in keys:
        close(params[k], expected[k], f"parameters['{k}']", mistakes=parts_of(outputs, lambda out, k=k: out[k]),
              rtol=TRAIN_RTOL, atol=TRAIN_ATOL)
    before = cost_fn(forward(X, ref.initialize_parameters(dims))[0], Y)
    after = cost_fn(forward(X, {k: numeric(params[k]) for k in keys})[0], Y)
    if not after < before:
        fail("ch06.cost_not_lowered", before=float(before), after=float(after))


# ---------------------------------------------------------------------------------------------
# 6.5.2 initialize_parameters
# ---------------------------------------------------------------------------------------------

@graded("initialize_parameters", points=1, visible=True)
def test_initialize_parameters_book_values(student, mistakes):
    """initialize_parameters: shapes and the seeded values for layer_dims = [3, 2, 1]"""
    dims = [3, 2, 1]
    params = expect_dict(student.initialize_parameters(dims), ['W1', 'b1', 'W2', 'b2'], "parameters")
    expected = ref.initialize_parameters(dims)
    for k in expected:
        close(params[k], expected[k], f"parameters['{k}']", mistakes=mistakes(dims, pick=lambda out, k=k: out[k]))


@graded("initialize_parameters", points=1)
def test_initialize_parameters_shapes_and_spread(student, rng, mistakes):
    """initialize_parameters: shapes, zero biases and a spread of about 0.1 for random layer sizes"""
    dims = [int(n) for n in rng.integers(8, 15, int(rng.integers(3, 5)))]
    L = len(dims) - 1
    keys = [k + str(l) for l in range(1, L + 1) for k in ('W', 'b')]
    params = expect_dict(student.initialize_parameters(dims), keys, "parameters")
    weights = []
    for l in range(1, L + 1):
        W = expect_array(params['W' + str(l)], (dims[l], dims[l - 1]), f"parameters['W{l}']")
        if np.any(expect_array(params['b' + str(l)], (dims[l], 1), f"parameters['b{l}']") != 0):
            fail("ch06.init_bias_not_zero", what=f"parameters['b{l}']")
        weights.append(W.astype(np.float64).ravel())
    std = float(np.std(np.concatenate(weights)))
    if not 0.08 <= std <= 0.12:
        fail("ch06.init_spread", name_mistake(params, ref.initialize_parameters(dims), mistakes(dims)), std=std)


@graded("initialize_parameters", points=1)
def test_initialize_parameters_seeded_values(student, rng, mistakes):
    """initialize_parameters: the values np.random.seed(5) gives, for random layer sizes"""
    dims = [int(n) for n in rng.integers(1, 7, int(rng.integers(3, 6)))]
    expected = ref.initialize_parameters(dims)
    params = expect_dict(student.initialize_parameters(dims), list(expected), "parameters")
    outputs = mistakes(dims)
    for k in expected:
        got, named = params[k], parts_of(outputs, lambda out, k=k: out[k])
        if k.startswith('W') and isinstance(got, np.ndarray) and got.shape == expected[k].shape \
                and not np.allclose(got, expected[k], rtol=1e-5, atol=1e-7):
            fail("ch06.init_seeded_values", name_mistake(got, expected[k], named), what=f"parameters['{k}']")
        close(got, expected[k], f"parameters['{k}']", mistakes=named)


# ---------------------------------------------------------------------------------------------
# 6.5.3 activations and forward propagation
# ---------------------------------------------------------------------------------------------

@graded("sigmoid", points=1, visible=True)
def test_sigmoid_small_example(student, mistakes):
    """sigmoid: values on a small array"""
    Z = np.array([[0.0, 2.0, -1.0], [5.0, -3.0, 0.5]])
    close(student.sigmoid(Z), ref.sigmoid(Z), "sigmoid(Z)", mistakes=mistakes(Z))


@graded("sigmoid", points=1)
def test_sigmoid_random(student, rng, mistakes):
    """sigmoid: values on a random array"""
    Z = rng.normal(0, 4, (int(rng.integers(1, 6)), int(rng.integers(2, 9))))
    close(student.sigmoid(Z), ref.sigmoid(Z), "sigmoid(Z)", mistakes=mistakes(Z))


@graded("relu", points=1, visible=True)
def test_relu_small_example(student, mistakes):
    """relu: values on a small array"""
    Z = np.array([[0.0, 2.0, -1.0], [5.0, -3.0, 0.5]])
    close(student.relu(Z), ref.relu(Z), "relu(Z)", mistakes=mistakes(Z))


@graded("relu", points=1)
def test_relu_random(student, rng, mistakes):
    """relu: values on a random array"""
    Z = rng.normal(0, 2, (int(rng.integers(1, 6)), int(rng.integers(2, 9))))
    close(student.relu(Z), ref.relu(Z), "relu(Z)", mistakes=mistakes(Z))


@graded("softmax", points=1, visible=True)
def test_softmax_small_example_and_large_inputs(student, mistakes):
    """softmax: columns of a small array, and inputs around 1000 (no overflow)"""
    Z = np.array([[1.0, 0.0, -2.0], [2.0, 0.0, 1.0], [3.0, 0.0, 0.5]])
    close(student.softmax(Z), ref.softmax(Z), "softmax(Z)", mistakes=mistakes(Z))
    Z_large = np.array([[1000.0, -5.0], [1001.0, 0.0], [1002.0, 800.0]])
    close(student.softmax(Z_large), ref.softmax(Z_large), "softmax(Z)（Z ≈ 1000）", mistakes=mistakes(Z_large),
          rtol=LARGE_RTOL)


@graded("softmax", points=2)
def test_softmax_random_and_large_inputs(student, rng, mistakes):
    """softmax: random columns, then the same shifted by a large constant"""
    C, m = int(rng.integers(2, 7)), int(rng.integers(2, 9))
    if C == m:
        m += 1
    Z = rng.normal(0, 3, (C, m))
    close(student.softmax(Z), ref.softmax(Z), "softmax(Z)", mistakes=mistakes(Z))
    Z_large = Z + rng.uniform(800, 1200, (1, m))
    close(student.softmax(Z_large), ref.softmax(Z_large), "softmax(Z + large constant)", mistakes=mistakes(Z_large),
          rtol=LARGE_RTOL)


def _single_layer_forward(student, A_prev, W, b, activation):
    """The student's (A, cache); an activation the function has no branch for is named as such
    (the book's 6.5 code knows only 'relu' and 'sigmoid': the softmax layer comes in 6.4)."""
    call = f"single_layer_forward(A_prev, W, b, '{activation}')"
    try:
        out = student.single_layer_forward(A_prev, W, b, activation)
    except StudentError as e:
        if e.params.get("etype") in ("UnboundLocalError", "ValueError", "KeyError") and not e.params.get("helper"):
            fail("ch06.no_activation_branch", activation=activation, etype=e.params.get("etype"))
        raise
    if out is None:
        fail("ch06.no_activation_branch", activation=activation, etype="None")
    return expect_tuple(out, 2, call)


def _check_single_layer_forward(student, mistakes, A_prev, W, b, activation):
    A, cache = _single_layer_forward(student, A_prev, W, b, activation)
    A_ref, cache_ref = ref.single_layer_forward(A_prev, W, b, activation)
    outputs = mistakes(A_prev, W, b, activation)
    close(A, A_ref, f"A ('{activation}')", mistakes=parts_of(outputs, lambda out: out[0]))
    cache = cache_items(cache, "cache")
    for i, item in enumerate(("A_prev", "W", "b", "Z")):
        close(cache[i], cache_ref[i], f"cache {item}", mistakes=parts_of(outputs, lambda out, i=i: out[1][i]))


def _fixed_layer():
    A_prev = np.array([[1.0, -0.5], [0.2, 1.5], [-0.7, 0.1]])
    W = np.array([[0.5, -0.3, 0.8], [-0.6, 0.9, 0.2]])
    b = np.array([[0.1], [-0.2]])
    return A_prev, W, b


def _random_layer(rng):
    n_prev, n, m = (int(k) for k in rng.integers(2, 7, 3))
    return rng.normal(0, 1, (n_prev, m)), rng.normal(0, 1, (n, n_prev)), rng.normal(0, 1, (n, 1))


@graded("single_layer_forward", points=1, visible=True, helpers=ACTIVATIONS)
def test_single_layer_forward_relu_small_example(student, mistakes):
    """single_layer_forward: A and cache of a fixed layer with activation='relu'"""
    _check_single_layer_forward(student, mistakes, *_fixed_layer(), 'relu')


@graded("single_layer_forward", points=1, visible=True, helpers=ACTIVATIONS)
def test_single_layer_forward_sigmoid_small_example(student, mistakes):
    """single_layer_forward: A and cache of a fixed layer with activation='sigmoid'"""
    _check_single_layer_forward(student, mistakes, *_fixed_layer(), 'sigmoid')


@graded("single_layer_forward", points=1, visible=True, helpers=ACTIVATIONS)
def test_single_layer_forward_softmax_small_example(student, mistakes):
    """single_layer_forward: A and cache of a fixed layer with activation='softmax' (6.4)"""
    _check_single_layer_forward(student, mistakes, *_fixed_layer(), 'softmax')


@graded("single_layer_forward", points=1, helpers=ACTIVATIONS)
def test_single_layer_forward_relu_random(student, rng, mistakes):
    """single_layer_forward: A and cache of a random layer with activation='relu'"""
    _check_single_layer_forward(student, mistakes, *_random_layer(rng), 'relu')


@graded("single_layer_forward", points=1, helpers=ACTIVATIONS)
def test_single_layer_forward_sigmoid_random(student, rng, mistakes):
    """single_layer_forward: A and cache of a random layer with activation='sigmoid'"""
    _check_single_layer_forward(student, mistakes, *_random_layer(rng), 'sigmoid')


@graded("single_layer_forward", points=1, helpers=ACTIVATIONS)
def test_single_layer_forward_softmax_random(student, rng, mistakes):
    """single_layer_forward: A and cache of a random layer with activation='softmax' (6.4)"""
    _check_single_layer_forward(student, mistakes, *_random_layer(rng), 'softmax')


@graded("forward_propagation", points=1, visible=True, helpers=FORWARD)
def test_forward_propagation_small_network(student, mistakes):
    """forward_propagation: AL and caches of a fixed 2-layer network"""
    X, params, _ = fixed_network()
    check_network_output(student, "forward_propagation", X, params, "forward_propagation(X, parameters)", mistakes)


@graded("forward_propagation", points=2, helpers=FORWARD)
def test_forward_propagation_random_network(student, rng, mistakes):
    """forward_propagation: AL and caches of a random 3- or 4-layer network"""
    dims = [int(n) for n in rng.integers(2, 6, int(rng.integers(3, 5)))] + [1]
    X = rng.normal(0, 1, (dims[0], int(rng.integers(3, 9))))
    check_network_output(student, "forward_propagation", X, random_parameters(rng, dims),
                         "forward_propagation(X, parameters)", mistakes)


# ---------------------------------------------------------------------------------------------
# 6.5.4 cost
# ---------------------------------------------------------------------------------------------

@graded("compute_cost", points=1, visible=True)
def test_compute_cost_small_example(student, mistakes):
    """compute_cost: the cross-entropy of a fixed prediction"""
    AL = np.array([[0.8, 0.9, 0.4, 0.2]])
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])
    close(student.compute_cost(AL, Y), ref.compute_cost(AL, Y), "cost", mistakes=mistakes(AL, Y),
          factors={"m": 4.0})


@graded("compute_cost", points=1)
def test_compute_cost_random(student, rng, mistakes):
    """compute_cost: the cross-entropy of a random prediction"""
    m = int(rng.integers(3, 30))
    AL, Y = rng.uniform(0.05, 0.95, (1, m)), random_labels(rng, m).reshape(1, m).astype(float)
    close(student.compute_cost(AL, Y), ref.compute_cost(AL, Y), "cost", mistakes=mistakes(AL, Y),
          factors={"m": float(m)})


# ---------------------------------------------------------------------------------------------
# 6.5.5 backward propagation
# ---------------------------------------------------------------------------------------------

@graded("relu_backward", points=1, visible=True)
def test_relu_backward_small_example(student, mistakes):
    """relu_backward: dZ for a fixed dA and Z (Z = 0 counts as not positive: its gradient is 0)"""
    dA = np.array([[0.5, -1.0, 2.0], [-0.3, 0.7, 1.1]])
    Z = np.array([[1.0, 2.0, -0.5], [-2.0, 0.0, 0.4]])
    close(student.relu_backward(dA, Z), ref.relu_backward(dA, Z), "dZ", mistakes=mistakes(dA, Z))


@graded("relu_backward", points=1)
def test_relu_backward_random(student, rng, mistakes):
    """relu_backward: dZ for a random dA and Z, with some entries of Z exactly 0"""
    shape = (int(rng.integers(1, 6)), int(rng.integers(2, 9)))
    dA, Z = away_from_zero(rng, shape), with_exact_zeros(rng, away_from_zero(rng, shape))
    close(student.relu_backward(dA, Z), ref.relu_backward(dA, Z), "dZ", mistakes=mistakes(dA, Z))


@graded("relu_backward", points=1)
def test_relu_backward_numerical_gradient(student, rng, mistakes):
    """relu_backward: agrees with centred differences of your relu"""
    dA, Z = rng.normal(0, 1, (3, 4)), away_from_zero(rng, (3, 4))
    relu = own_or_reference(student.relu, ref.relu, Z)
    float32 = is_float32(relu(Z))
    numeric_grad = numerical_gradient(lambda z: np.sum(dA * numeric(relu(z))), Z, gradient_settings(float32)[0])
    dZ = student.relu_backward(dA, Z)
    gradient(dZ, numeric_grad, "relu_backward(dA, Z)", float32,
             name_mistake(dZ, ref.relu_backward(dA, Z), mistakes(dA, Z)))


@graded("sigmoid_backward", points=1, visible=True)
def test_sigmoid_backward_small_example(student, mistakes):
    """sigmoid_backward: dZ for a fixed dA and Z"""
    dA = np.array([[0.5, -1.0, 2.0], [-0.3, 0.7, 1.1]])
    Z = np.array([[1.0, 2.0, -0.5], [-2.0, 0.0, 0.4]])
    close(student.sigmoid_backward(dA, Z), ref.sigmoid_backward(dA, Z), "dZ", mistakes=mistakes(dA, Z))


@graded("sigmoid_backward", points=1)
def test_sigmoid_backward_random(student, rng, mistakes):
    """sigmoid_backward: dZ for a random dA and Z"""
    shape = (int(rng.integers(1, 6)), int(rng.integers(2, 9)))
    dA, Z = rng.normal(0, 1, shape), rng.normal(0, 2, shape)
    close(student.sigmoid_backward(dA, Z), ref.sigmoid_backward(dA, Z), "dZ", mistakes=mistakes(dA, Z))


@graded("sigmoid_backward", points=1)
def test_sigmoid_backward_numerical_gradient(student, rng, mistakes):
    """sigmoid_backward: agrees with centred differences of your sigmoid"""
    dA, Z = rng.normal(0, 1, (3, 4)), rng.normal(0, 1.5, (3, 4))
    sigmoid = own_or_reference(student.sigmoid, ref.sigmoid, Z)
    float32 = is_float32(sigmoid(Z))
    numeric_grad = numerical_gradient(lambda z: np.sum(dA * numeric(sigmoid(z))), Z, gradient_settings(float32)[0])
    dZ = student.sigmoid_backward(dA, Z)
    gradient(dZ, numeric_grad, "sigmoid_backward(dA, Z)", float32,
             name_mistake(dZ, ref.sigmoid_backward(dA, Z), mistakes(dA, Z)))


def _check_single_layer_backward(student, mistakes, dA, cache, activation):
    got = expect_tuple(student.single_layer_backward(dA, cache, activation), 3,
                       f"single_layer_backward(dA, cache, '{activation}')")
    expected = ref.single_layer_backward(dA, cache, activation)
    outputs = mistakes(dA, cache, activation)
    m = dA.shape[1]
    for i, name in enumerate(("dA_prev", "dW", "db")):
        close(got[i], expected[i], f"{name} ('{activation}')", mistakes=parts_of(outputs, lambda out, i=i: out[i]),
              factors={"m": float(m), "1/m": 1.0 / m})


SINGLE_LAYER_BACKWARD = ("relu_backward", "sigmoid_backward")


@graded("single_layer_backward", points=1, visible=True, helpers=SINGLE_LAYER_BACKWARD)
def test_single_layer_backward_small_example(student, mistakes):
    """single_layer_backward: dA_prev, dW, db for a fixed layer, ReLU and sigmoid"""
    A_prev = np.array([[1.0, -0.5, 0.3], [0.2, 1.5, -1.0], [-0.7, 0.1, 0.8]])
    W = np.array([[0.5, -0.3, 0.8], [-0.6, 0.9, 0.2]])
    b = np.array([[0.1], [-0.2]])
    Z = np.dot(W, A_prev) + b
    dA = np.array([[0.4, -1.2, 0.7], [1.0, 0.3, -0.5]])
    for activation in ('relu', 'sigmoid'):
        _check_single_layer_backward(student, mistakes, dA, (A_prev, W, b, Z), activation)


@graded("single_layer_backward", points=2, helpers=SINGLE_LAYER_BACKWARD)
def test_single_layer_backward_random(student, rng, mistakes):
    """single_layer_backward: dA_prev, dW, db for a random layer, ReLU and sigmoid"""
    n_prev, n, m = int(rng.integers(2, 7)), int(rng.integers(2, 7)), int(rng.integers(3, 9))
    A_prev, W, b = rng.normal(0, 1, (n_prev, m)), rng.normal(0, 1, (n, n_prev)), rng.normal(0, 1, (n, 1))
    Z = np.dot(W, A_prev) + b
    dA = rng.normal(0, 1, (n, m))
    for activation in ('relu', 'sigmoid'):
        _check_single_layer_backward(student, mistakes, dA, (A_prev, W, b, Z), activation)


@graded("single_layer_backward", points=1, helpers=SINGLE_LAYER_BACKWARD)
def test_single_layer_backward_numerical_gradient(student, rng, mistakes):
    """single_layer_backward: agrees with centred differences of your single_layer_forward"""
    n_prev, n, m = 3, 2, 4
    while True:  # keep Z away from ReLU's kink at 0
        A_prev, W, b = rng.normal(0, 1, (n_prev, m)), rng.normal(0, 1, (n, n_prev)), rng.normal(0, 1, (n, 1))
        if np.min(np.abs(np.dot(W, A_prev) + b)) > 0.05:
            break
    dA = rng.normal(0, 1, (n, m))
    for activation in ('sigmoid', 'relu'):
        forward = own_or_reference(lambda *args: student.single_layer_forward(*args)[0],
                                   lambda *args: ref.single_layer_forward(*args)[0], A_prev, W, b, activation)

        def f(A_prev, W, b):
            return np.sum(dA * numeric(forward(A_prev, W, b, activation)))
        float32 = is_float32(forward(A_prev, W, b, activation))
        h = gradient_settings(float32)[0]
        Z = np.dot(W, A_prev) + b
        got = expect_tuple(student.single_layer_backward(dA, (A_prev, W, b, Z), activation), 3,
                           f"single_layer_backward(dA, cache, '{activation}')")
        outputs = mistakes(dA, (A_prev, W, b, Z), activation)
        correct = ref.single_layer_backward(dA, (A_prev, W, b, Z), activation)
        numeric_grads = (numerical_gradient(lambda x: f(x, W, b), A_prev, h),
                         numerical_gradient(lambda x: f(A_prev, x, b), W, h) / m,   # dW carries the 1/m
                         numerical_gradient(lambda x: f(A_prev, W, x), b, h) / m)
        for i, name in enumerate(("dA_prev", "dW", "db")):
            gradient(got[i], numeric_grads[i], f"{name} ('{activation}')", float32,
                     name_mistake(got[i], correct[i], parts_of(outputs, lambda out, i=i: out[i])))


@graded("backward_propagation", points=1, visible=True, helpers=BACKWARD)
def test_backward_propagation_small_network(student, mistakes):
    """backward_propagation: every dW, db and dA of a fixed 2-layer network"""
    X, params, Y = fixed_network()
    AL, caches = ref.forward_propagation(X, params)
    check_grads(student.backward_propagation(AL, Y, caches), ref.backward_propagation(AL, Y, caches), 2, "grads",
                lambda pick: mistakes(AL, Y, caches, pick=pick))


@graded("backward_propagation", points=2, helpers=BACKWARD)
def test_backward_propagation_random_network(student, rng, mistakes):
    """backward_propagation: every dW, db and dA of a random 3- or 4-layer network"""
    dims = [int(n) for n in rng.integers(2, 6, int(rng.integers(3, 5)))] + [1]
    m = int(rng.integers(3, 9))
    X, params = rng.normal(0, 1, (dims[0], m)), random_parameters(rng, dims)
    Y = random_labels(rng, m).reshape(1, m).astype(float)
    AL, caches = ref.forward_propagation(X, params)
    check_grads(student.backward_propagation(AL, Y, caches), ref.backward_propagation(AL, Y, caches), len(dims) - 1,
                "grads", lambda pick: mistakes(AL, Y, caches, pick=pick))


def _check_network_gradients(student, forward, backward, cost, X, params, Y, mistakes):
    """The student's backward pass against centred differences of the student's forward pass and cost
    (the reference's where the student's disagree with it)."""
    L, m = len(params) // 2, X.shape[1]
    network = own_or_reference(getattr(student, forward), getattr(ref, forward), X, params,
                               pick=lambda out: (out[0], [tuple(cache[:4]) for cache in out[1]]))
    AL, caches = expect_tuple(network(X, params), 2, f"{forward}(X, parameters)")
    cost_fn = own_or_reference(getattr(student, cost), getattr(ref, cost), getattr(ref, forward)(X, params)[0], Y)
    float32 = is_float32(AL, cost_fn(AL, Y))
    h = gradient_settings(float32)[0]
    grads = getattr(student, backward)(AL, Y, caches)
    keys = [k + str(l) for l in range(1, L + 1) for k in ('dW', 'db')] + ['dA0']
    AL_ref, caches_ref = getattr(ref, forward)(X, params)
    outputs, correct = mistakes(AL_ref, Y, caches_ref), getattr(ref, backward)(AL_ref, Y, caches_ref)
    expect_dict(grads, keys, "grads")

    def J(p, X=X):
        return expect_number(cost_fn(network(X, p)[0], Y), cost)

    for l in range(L, 0, -1):
        for k in ('W', 'b'):
            key = 'd' + k + str(l)
            numeric_grad = numerical_gradient(lambda x, k=k, l=l: J({**params, k + str(l): x}), params[k + str(l)], h)
            gradient(grads[key], numeric_grad, f"grads['{key}']", float32,
                     name_mistake(grads[key], correct[key], parts_of(outputs, lambda out, key=key: out[key])))
    numeric_grad = numerical_gradient(lambda x: J(params, x), X, h) * m  # dA0 = m dJ/dX (no 1/m in dA)
    gradient(grads['dA0'], numeric_grad, "grads['dA0']", float32,
             name_mistake(grads['dA0'], correct['dA0'], parts_of(outputs, lambda out: out['dA0'])))


def away_from_kinks(rng, dims, m, forward, margin=0.05):
    """X and parameters whose hidden pre-activations all lie at least `margin` from ReLU's kink at 0,
    so that centred differences never step across it."""
    while True:
        X, params = rng.normal(0, 1, (dims[0], m)), random_parameters(rng, dims, scale=0.5)
        caches = forward(X, params)[1]
        if all(np.min(np.abs(cache[3])) > margin for cache in caches[:-1]):
            return X, params


@graded("backward_propagation", points=1, helpers=BACKWARD)
def test_backward_propagation_numerical_gradient(student, rng, mistakes):
    """backward_propagation: agrees with centred differences of your forward_propagation and compute_cost"""
    dims, m = [3, 4, 1], 4
    X, params = away_from_kinks(rng, dims, m, ref.forward_propagation)
    Y = random_labels(rng, m).reshape(1, m).astype(float)
    _check_network_gradients(student, "forward_propagation", "backward_propagation", "compute_cost",
                             X, params, Y, mistakes)


# ---------------------------------------------------------------------------------------------
# 6.5.6 update
# ---------------------------------------------------------------------------------------------

def _check_update(student, mistakes, params, grads, lr):
    got = expect_dict(student.update_parameters(params, grads, lr), list(params), "parameters")
    expected = ref.update_parameters(dict(params), grads, lr)
    outputs = mistakes(params, grads, lr)
    for k in expected:
        close(got[k], expected[k], f"parameters['{k}']", mistakes=parts_of(outputs, lambda out, k=k: out[k]))


@graded("update_parameters", points=1, visible=True)
def test_update_parameters_small_example(student, mistakes):
    """update_parameters: one gradient-descent step of a fixed 2-layer network (learning_rate = 0.5)"""
    _, params, _ = fixed_network()
    grads = {'dW1': np.array([[0.1, -0.2, 0.3], [0.0, 0.5, -0.1]]), 'db1': np.array([[0.2], [-0.4]]),
             'dW2': np.array([[-0.3, 0.6]]), 'db2': np.array([[0.1]]), 'dA1': np.ones((2, 4)), 'dA0': np.ones((3, 4))}
    _check_update(student, mistakes, params, grads, 0.5)


@graded("update_parameters", points=1)
def test_update_parameters_random(student, rng, mistakes):
    """update_parameters: one gradient-descent step of a random network"""
    dims = [int(n) for n in rng.integers(1, 6, int(rng.integers(3, 5)))]
    params = random_parameters(rng, dims)
    grads = {'d' + k: rng.normal(0, 1, v.shape) for k, v in params.items()}
    lr = float(rng.uniform(0.01, 0.09)) if rng.random() < 0.5 else float(rng.uniform(0.2, 0.9))
    _check_update(student, mistakes, params, grads, lr)


# ---------------------------------------------------------------------------------------------
# 6.5.7 the whole model, 6.5.8 prediction
# ---------------------------------------------------------------------------------------------

def _binary_problem(rng, n_x, m):
    """A noisy linear rule, so that a short training run never saturates the sigmoid."""
    X = rng.normal(0, 1, (n_x, m))
    Y = (X[0] + 0.5 * X[-1] + rng.normal(0, 0.7, m) > 0).astype(float).reshape(1, m)
    Y[0, :2] = [0.0, 1.0]  # both classes occur
    return X, Y


@graded("nn_model", points=2, visible=True, helpers=NN_MODEL)
def test_nn_model_small_problem(student, mistakes):
    """nn_model: 200 iterations on a fixed problem lower the cost and match the reference"""
    X, Y = _binary_problem(np.random.default_rng(6), 2, 12)
    check_training(student, "nn_model", X, Y, [2, 4, 1], 0.3, 200,
                   "nn_model(X, Y, layers_dims, learning_rate, num_iterations)", mistakes)


@graded("nn_model", points=2, helpers=NN_MODEL)
def test_nn_model_random_problem(student, rng, mistakes):
    """nn_model: a short training run of a random 3-layer network lowers the cost and matches the reference"""
    while True:
        n_x, m = int(rng.integers(2, 6)), int(rng.integers(15, 40))
        X, Y = _binary_problem(rng, n_x, m)
        dims = [n_x, int(rng.integers(3, 7)), int(rng.integers(3, 6)), 1]
        lr, iters = float(rng.choice([0.03, 0.05, 0.08])), int(rng.integers(100, 201))
        if trainable(ref.nn_model, ref.compute_cost, ref.forward_propagation, X, Y, dims, lr, iters):
            break
    check_training(student, "nn_model", X, Y, dims, lr, iters,
                   "nn_model(X, Y, layers_dims, learning_rate, num_iterations)", mistakes)


@graded("predict", points=1, visible=True, helpers=("forward_propagation",))
def test_predict_small_network(student, mistakes):
    """predict: 0/1 labels of a fixed 2-layer network"""
    X, params, _ = fixed_network()
    close(student.predict(X, params), ref.predict(X, params), "Y_pred", mistakes=mistakes(X, params))


@graded("predict", points=1, helpers=("forward_propagation",))
def test_predict_random_network(student, rng, mistakes):
    """predict: 0/1 labels of a random network"""
    dims = [int(n) for n in rng.integers(2, 6, int(rng.integers(2, 4)))] + [1]
    X = rng.normal(0, 1, (dims[0], int(rng.integers(5, 20))))
    params = random_parameters(rng, dims, scale=1.0)
    close(student.predict(X, params), ref.predict(X, params), "Y_pred", mistakes=mistakes(X, params))


# ---------------------------------------------------------------------------------------------
# 6.4 softmax: one-hot labels, cost, gradient
# ---------------------------------------------------------------------------------------------

@graded("one_hot", points=1, visible=True)
def test_one_hot_small_example(student, mistakes):
    """one_hot: labels [0, 2, 1, 2, 0] with C = 4"""
    labels = np.array([0, 2, 1, 2, 0])
    close(student.one_hot(labels, 4), ref.one_hot(labels, 4), "one_hot(labels, 4)", mistakes=mistakes(labels, 4))


@graded("one_hot", points=1)
def test_one_hot_random(student, rng, mistakes):
    """one_hot: random labels (the last class absent)"""
    C = int(rng.integers(3, 9))
    m = int(rng.integers(5, 20))
    if m == C:
        m += 1
    labels = rng.integers(0, C - 1, m)
    close(student.one_hot(labels, C), ref.one_hot(labels, C), "one_hot(labels, C)", mistakes=mistakes(labels, C))


@graded("softmax_cost", points=1, visible=True)
def test_softmax_cost_small_example(student, mistakes):
    """softmax_cost: the cross-entropy of a fixed 3-class prediction"""
    AL = np.array([[0.7, 0.1, 0.2], [0.2, 0.6, 0.3], [0.1, 0.3, 0.5]])
    Y = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    close(student.softmax_cost(AL, Y), ref.softmax_cost(AL, Y), "cost", mistakes=mistakes(AL, Y), factors={"m": 3.0})


@graded("softmax_cost", points=1)
def test_softmax_cost_random(student, rng, mistakes):
    """softmax_cost: the cross-entropy of a random prediction"""
    C, m = int(rng.integers(3, 8)), int(rng.integers(4, 20))
    AL = ref.softmax(rng.normal(0, 1.5, (C, m)))
    Y = ref.one_hot(rng.integers(0, C, m), C)
    close(student.softmax_cost(AL, Y), ref.softmax_cost(AL, Y), "cost", mistakes=mistakes(AL, Y),
          factors={"m": float(m)})


@graded("softmax_backward", points=1, visible=True)
def test_softmax_backward_small_example(student, mistakes):
    """softmax_backward: dZ for a fixed 3-class prediction"""
    AL = np.array([[0.7, 0.1, 0.2], [0.2, 0.6, 0.3], [0.1, 0.3, 0.5]])
    Y = np.array([[1.0, 0.0, 1.0], [0.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    close(student.softmax_backward(AL, Y), ref.softmax_backward(AL, Y), "dZ", mistakes=mistakes(AL, Y))


@graded("softmax_backward", points=1)
def test_softmax_backward_random(student, rng, mistakes):
    """softmax_backward: dZ for a random prediction"""
    C, m = int(rng.integers(3, 8)), int(rng.integers(4, 20))
    AL, Y = ref.softmax(rng.normal(0, 1.5, (C, m))), ref.one_hot(rng.integers(0, C, m), C)
    close(student.softmax_backward(AL, Y), ref.softmax_backward(AL, Y), "dZ", mistakes=mistakes(AL, Y))


@graded("softmax_backward", points=1)
def test_softmax_backward_numerical_gradient(student, rng, mistakes):
    """softmax_backward: agrees with centred differences of your softmax and softmax_cost"""
    C, m = 4, 3
    Z, Y = rng.normal(0, 1.5, (C, m)), ref.one_hot(rng.integers(0, C, m), C)
    softmax = own_or_reference(student.softmax, ref.softmax, Z)
    softmax_cost = own_or_reference(student.softmax_cost, ref.softmax_cost, ref.softmax(Z), Y)
    AL = softmax(Z)
    float32 = is_float32(AL, softmax_cost(AL, Y))

    def J(z):
        return expect_number(softmax_cost(softmax(z), Y), "softmax_cost")
    numeric_grad = numerical_gradient(J, Z, gradient_settings(float32)[0]) * m  # dZ carries no 1/m
    dZ = student.softmax_backward(AL, Y)
    AL = numeric(AL)
    gradient(dZ, numeric_grad, "softmax_backward(softmax(Z), Y)", float32,
             name_mistake(dZ, ref.softmax_backward(AL, Y), mistakes(AL, Y)))


# ---------------------------------------------------------------------------------------------
# 6.4 the softmax network
# ---------------------------------------------------------------------------------------------

@graded("forward_propagation_softmax", points=1, visible=True, helpers=FORWARD)
def test_forward_propagation_softmax_small_network(student, mistakes):
    """forward_propagation_softmax: AL and caches of a fixed 2-layer softmax network"""
    X, params, _ = fixed_softmax_network()
    check_network_output(student, "forward_propagation_softmax", X, params,
                         "forward_propagation_softmax(X, parameters)", mistakes)


@graded("forward_propagation_softmax", points=1, helpers=FORWARD)
def test_forward_propagation_softmax_random_network(student, rng, mistakes):
    """forward_propagation_softmax: AL and caches of a random 3- or 4-layer softmax network"""
    dims = [int(n) for n in rng.integers(2, 6, int(rng.integers(3, 5)))] + [int(rng.integers(3, 6))]
    X = rng.normal(0, 1, (dims[0], int(rng.integers(3, 9))))
    check_network_output(student, "forward_propagation_softmax", X, random_parameters(rng, dims),
                         "forward_propagation_softmax(X, parameters)", mistakes)


BACKWARD_SOFTMAX = ("single_layer_backward", "softmax_backward")


@graded("backward_propagation_softmax", points=1, visible=True, helpers=BACKWARD_SOFTMAX)
def test_backward_propagation_softmax_small_network(student, mistakes):
    """backward_propagation_softmax: every dW, db and dA of a fixed 2-layer softmax network"""
    X, params, Y = fixed_softmax_network()
    AL, caches = ref.forward_propagation_softmax(X, params)
    check_grads(student.backward_propagation_softmax(AL, Y, caches), ref.backward_propagation_softmax(AL, Y, caches),
                2, "grads", lambda pick: mistakes(AL, Y, caches, pick=pick))


@graded("backward_propagation_softmax", points=2, helpers=BACKWARD_SOFTMAX)
def test_backward_propagation_softmax_random_network(student, rng, mistakes):
    """backward_propagation_softmax: every dW, db and dA of a random 3- or 4-layer softmax network"""
    C = int(rng.integers(3, 6))
    dims = [int(n) for n in rng.integers(2, 6, int(rng.integers(3, 5)))] + [C]
    m = int(rng.integers(3, 9))
    X, params = rng.normal(0, 1, (dims[0], m)), random_parameters(rng, dims)
    Y = ref.one_hot(rng.integers(0, C, m), C)
    AL, caches = ref.forward_propagation_softmax(X, params)
    check_grads(student.backward_propagation_softmax(AL, Y, caches), ref.backward_propagation_softmax(AL, Y, caches),
                len(dims) - 1, "grads", lambda pick: mistakes(AL, Y, caches, pick=pick))


@graded("backward_propagation_softmax", points=1, helpers=BACKWARD_SOFTMAX)
def test_backward_propagation_softmax_numerical_gradient(student, rng, mistakes):
    """backward_propagation_softmax: agrees with centred differences of your forward pass and softmax_cost"""
    dims, m = [3, 4, 3], 4
    X, params = away_from_kinks(rng, dims, m, ref.forward_propagation_softmax)
    Y = ref.one_hot(rng.integers(0, dims[-1], m), dims[-1])
    _check_network_gradients(student, "forward_propagation_softmax", "backward_propagation_softmax",
                             "softmax_cost", X, params, Y, mistakes)


def _multiclass_problem(rng, n_x, m, C):
    X = rng.normal(0, 1, (n_x, m))
    labels = np.argmax(rng.normal(0, 1, (C, n_x)) @ X, axis=0)
    labels[:C] = np.arange(C)  # every class occurs
    return X, ref.one_hot(labels, C)


@graded("nn_model_softmax", points=2, visible=True, helpers=NN_MODEL_SOFTMAX)
def test_nn_model_softmax_small_problem(student, mistakes):
    """nn_model_softmax: 200 iterations on a fixed 3-class problem lower the cost and match the reference"""
    X, Y = _multiclass_problem(np.random.default_rng(7), 3, 15, 3)
    check_training(student, "nn_model_softmax", X, Y, [3, 5, 3], 0.3, 200,
                   "nn_model_softmax(X, Y, layers_dims, learning_rate, num_iterations)", mistakes)


@graded("nn_model_softmax", points=2, helpers=NN_MODEL_SOFTMAX)
def test_nn_model_softmax_random_problem(student, rng, mistakes):
    """nn_model_softmax: a short training run of a random softmax network lowers the cost and matches the reference"""
    while True:
        n_x, m, C = int(rng.integers(2, 6)), int(rng.integers(15, 40)), int(rng.integers(3, 5))
        X, Y = _multiclass_problem(rng, n_x, m, C)
        dims = [n_x, int(rng.integers(3, 7)), int(rng.integers(3, 6)), C]
        lr, iters = float(rng.choice([0.03, 0.05, 0.08])), int(rng.integers(100, 201))
        if trainable(ref.nn_model_softmax, ref.softmax_cost, ref.forward_propagation_softmax, X, Y, dims, lr, iters):
            break
    check_training(student, "nn_model_softmax", X, Y, dims, lr, iters,
                   "nn_model_softmax(X, Y, layers_dims, learning_rate, num_iterations)", mistakes)


@graded("predict_softmax", points=1, visible=True, helpers=("forward_propagation_softmax",))
def test_predict_softmax_small_network(student, mistakes):
    """predict_softmax: class labels of a fixed softmax network"""
    X, params, _ = fixed_softmax_network()
    got = labels_row(student.predict_softmax(X, params), X.shape[1])
    close(got, ref.predict_softmax(X, params), "labels", mistakes=mistakes(X, params))


@graded("predict_softmax", points=1, helpers=("forward_propagation_softmax",))
def test_predict_softmax_random_network(student, rng, mistakes):
    """predict_softmax: class labels of a random softmax network"""
    C = int(rng.integers(3, 6))
    dims = [int(n) for n in rng.integers(2, 6, int(rng.integers(2, 4)))] + [C]
    X = rng.normal(0, 1, (dims[0], int(rng.integers(C + 1, 20))))
    params = random_parameters(rng, dims, scale=1.0)
    got = labels_row(student.predict_softmax(X, params), X.shape[1])
    close(got, ref.predict_softmax(X, params), "labels", mistakes=mistakes(X, params))
