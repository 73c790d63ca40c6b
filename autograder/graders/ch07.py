"""Chapter 7 graders: regularisation, optimisers, initialisation, batch norm, evaluation.

Deterministic functions are compared with the reference (`expect_close`, the catalogue naming the
mistake).  Functions that draw random numbers are graded by properties of their draws, with
tolerances that a correct implementation misses with negligible probability; a failing property is
named by comparing the student's draws with the catalogued variants' draws on the same property.

Nesterov's `grad_fn` crosses to the student's code as data (`protocol.Function("quadratic_grad", spec)`,
built there by `autograder.callables`), and batch norm's in-place update of `bn_param` comes back
through `student.call_keeping_args`.
"""
from __future__ import annotations

import copy

import numpy as np

from autograder.compare import Mismatch, expect_close, expect_dict, expect_equal, expect_tuple, expect_type, fail
from autograder.gradcheck import expect_gradient, numerical_gradient
from autograder.callables import quadratic_grad
from autograder.grading import graded
from autograder.protocol import Function
from autograder.mistakes.ch07 import catalogue
from solutions import ch07 as ref
from solutions import dnn_utils

CH = "ch07"


# =============================================================================================
# helpers
# =============================================================================================

def _ref(fn, *args):
    """The reference's output on copies of the arguments (the references update dicts in place)."""
    return fn(*copy.deepcopy(args))


def _outputs(mistakes, *args):
    """The catalogue's outputs on these inputs, without NumPy's warnings (0/0 in a variant is expected)."""
    with np.errstate(all="ignore"):
        return mistakes(*args)


def _twice(function, *args):
    """{mistake id: (output, output of a second call right after)} of each variant (seed handling)."""
    out = {}
    for variant in catalogue.variants_of(function):
        try:
            with np.errstate(all="ignore"):
                out[variant.id] = (variant.fn(*copy.deepcopy(args)), variant.fn(*copy.deepcopy(args)))
        except Exception:  # noqa: BLE001 - a variant that fails on these inputs names nothing
            continue
    return out


def _sub(outputs, *path):
    """{mistake id: output[path...]} for the outputs that have that item."""
    out = {}
    for mistake_id, value in outputs.items():
        try:
            for p in path:
                value = value[p]
        except (KeyError, IndexError, TypeError):
            continue
        out[mistake_id] = value
    return out


def _id(function, name):
    return f"{CH}.{function}.{name}"


def _keys(parameters):
    return [k for l in range(1, len(parameters) // 2 + 1) for k in ("W" + str(l), "b" + str(l))]


def _expect_keys(got, keys, what, outputs):
    """`got` is a dict with at least `keys`; a key set that equals a variant's is named."""
    if isinstance(got, dict) and any(k not in got for k in keys):
        diagnosis = next((mid for mid, o in outputs.items() if isinstance(o, dict) and set(o) == set(got)), None)
        missing = ", ".join(repr(k) for k in keys if k not in got)
        raise Mismatch("missing_keys", diagnosis, what=what, keys=missing)
    return expect_dict(got, keys, what)


def _expect_dict_close(got, expected, what, outputs, **tol):
    got = _expect_keys(got, list(expected), what, outputs)
    for k in expected:
        expect_close(got[k], expected[k], f"{what}['{k}']", mistakes=_sub(outputs, k), **tol)


def _array(got, what, shape):
    """`got` as a numeric ndarray of `shape` (lists are fine), or a Mismatch naming the problem."""
    if got is None:
        raise Mismatch("returned_none", what=what)
    if isinstance(got, (list, tuple)):
        try:
            got = np.array(got, dtype=np.float64)
        except (TypeError, ValueError):
            pass
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "biuf":
        raise Mismatch("wrong_type", what=what, got=type(got).__name__, expected=f"numpy array of shape {shape}")
    if got.shape != tuple(shape):
        if got.ndim == 2 and got.T.shape == tuple(shape) and got.shape != got.T.shape:
            raise Mismatch("transposed", what=what, got=got.shape, expected=tuple(shape))
        if got.size == int(np.prod(shape)):
            raise Mismatch("broadcast_shape", what=what, got=got.shape, expected=tuple(shape))
        raise Mismatch("wrong_shape", what=what, got=got.shape, expected=tuple(shape))
    return got


def _network(rng, dims, m, labels_dtype=float):
    """Parameters, inputs and the forward pass of the chapter-6 network."""
    parameters = {}
    for l in range(1, len(dims)):
        parameters["W" + str(l)] = rng.standard_normal((dims[l], dims[l - 1])) * rng.uniform(0.4, 1.0)
        parameters["b" + str(l)] = rng.standard_normal((dims[l], 1)) * 0.1
    X = rng.standard_normal((dims[0], m))
    Y = (rng.random((1, m)) < 0.5).astype(labels_dtype)
    Y[0, :2] = [0, 1]
    AL, caches = dnn_utils.forward_propagation(X, parameters)
    return parameters, X, Y, AL, caches


def _random_dims(rng):
    return [int(rng.integers(2, 6)) for _ in range(int(rng.integers(2, 4)))] + [1]


def _state(rng, parameters, positive=False, scale=1.0):
    out = {}
    for k in _keys(parameters):
        x = rng.standard_normal(parameters[k].shape) * scale
        out["d" + k] = x * x if positive else x
    return out


def _diagnose(got, outputs, expected, rtol=1e-4, atol=1e-7):
    """The mistake whose output `got` equals (and which differs from `expected`), else None."""
    try:
        got = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    for mistake_id, value in outputs.items():
        try:
            value = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            continue
        if value.shape == got.shape and not np.allclose(value, expected, rtol=rtol, atol=atol) and \
                np.allclose(got, value, rtol=rtol, atol=atol, equal_nan=True):
            return mistake_id
    return None


# =============================================================================================
# 7.1.2 L2 regularisation
# =============================================================================================

def _check_cost(student, function, AL, Y, parameters, lambd, mistakes):
    got = getattr(student, function)(AL, Y, parameters, lambd)
    expected = _ref(getattr(ref, function), AL, Y, parameters, lambd)
    m = Y.shape[1]
    expect_close(got, expected, "cost", mistakes=_outputs(mistakes, AL, Y, parameters, lambd),
                 factors={"m": m, "1/m": 1 / m})


@graded("compute_cost_with_regularization", points=1, visible=True)
def test_l2_cost_on_small_example(student, mistakes):
    """compute_cost_with_regularization: a 3-layer network, λ = 0.7"""
    parameters, X, Y, AL, caches = _network(np.random.default_rng(70), [3, 4, 2, 1], 5)
    _check_cost(student, "compute_cost_with_regularization", AL, Y, parameters, 0.7, mistakes)


@graded("compute_cost_with_regularization", points=1)
def test_l2_cost_on_random_network(student, rng, mistakes):
    """compute_cost_with_regularization: random network, labels and λ"""
    parameters, X, Y, AL, caches = _network(rng, _random_dims(rng), int(rng.integers(4, 30)), int)
    _check_cost(student, "compute_cost_with_regularization", AL, Y, parameters, float(rng.uniform(0.1, 2)), mistakes)


def _check_reg_backward(student, function, AL, Y, caches, lambd, mistakes):
    got = getattr(student, function)(AL, Y, caches, lambd)
    expected = _ref(getattr(ref, function), AL, Y, caches, lambd)
    keys = [k for l in range(1, len(caches) + 1) for k in ("dW" + str(l), "db" + str(l))]
    _expect_dict_close(got, {k: expected[k] for k in keys}, "grads", _outputs(mistakes, AL, Y, caches, lambd))


def _check_reg_gradcheck(student, function, cost_function, rng, mistakes, away_from_zero=False):
    dims = _random_dims(rng)
    parameters, X, Y, AL, caches = _network(rng, dims, int(rng.integers(4, 12)))
    if away_from_zero:  # |W| is not differentiable at 0: keep the weights away from it
        for l in range(1, len(dims)):
            W = parameters["W" + str(l)]
            parameters["W" + str(l)] = np.sign(W) * (np.abs(W) + 0.2)
        AL, caches = dnn_utils.forward_propagation(X, parameters)
    lambd = float(rng.uniform(0.3, 2))
    grads = expect_type(getattr(student, function)(AL, Y, caches, lambd), dict, "grads", "dict")
    outputs = _outputs(mistakes, AL, Y, caches, lambd)
    for l in range(1, len(dims)):
        key = "W" + str(l)

        def cost(W, key=key):
            p = dict(parameters)
            p[key] = W
            return getattr(ref, cost_function)(dnn_utils.forward_propagation(X, p)[0], Y, p, lambd)
        numeric = numerical_gradient(cost, parameters[key], h=1e-5)
        got = _expect_keys(grads, ["d" + key], "grads", outputs)["d" + key]
        expect_gradient(got, numeric, f"grads['d{key}']",
                        diagnosis=_diagnose(got, _sub(outputs, "d" + key), numeric))


@graded("backward_propagation_with_regularization", points=1, visible=True)
def test_l2_backward_on_small_example(student, mistakes):
    """backward_propagation_with_regularization: a 3-layer network, λ = 0.7"""
    parameters, X, Y, AL, caches = _network(np.random.default_rng(71), [3, 4, 2, 1], 5)
    _check_reg_backward(student, "backward_propagation_with_regularization", AL, Y, caches, 0.7, mistakes)


@graded("backward_propagation_with_regularization", points=1)
def test_l2_backward_on_random_network(student, rng, mistakes):
    """backward_propagation_with_regularization: random network, labels and λ"""
    parameters, X, Y, AL, caches = _network(rng, _random_dims(rng), int(rng.integers(4, 30)), int)
    _check_reg_backward(student, "backward_propagation_with_regularization", AL, Y, caches,
                        float(rng.uniform(0.1, 2)), mistakes)


@graded("backward_propagation_with_regularization", points=1)
def test_l2_backward_agrees_with_finite_differences(student, rng, mistakes):
    """backward_propagation_with_regularization: dW agrees with the numerical gradient of the L2 cost"""
    _check_reg_gradcheck(student, "backward_propagation_with_regularization", "compute_cost_with_regularization",
                         rng, mistakes)


# =============================================================================================
# 7.1.2 L1 regularisation
# =============================================================================================

@graded("compute_cost_with_l1_regularization", points=1, visible=True)
def test_l1_cost_on_small_example(student, mistakes):
    """compute_cost_with_l1_regularization: a 3-layer network, λ = 0.7"""
    parameters, X, Y, AL, caches = _network(np.random.default_rng(72), [3, 4, 2, 1], 5)
    _check_cost(student, "compute_cost_with_l1_regularization", AL, Y, parameters, 0.7, mistakes)


@graded("compute_cost_with_l1_regularization", points=1)
def test_l1_cost_on_random_network(student, rng, mistakes):
    """compute_cost_with_l1_regularization: random network, labels and λ"""
    parameters, X, Y, AL, caches = _network(rng, _random_dims(rng), int(rng.integers(4, 30)), int)
    _check_cost(student, "compute_cost_with_l1_regularization", AL, Y, parameters, float(rng.uniform(0.1, 2)),
                mistakes)


@graded("backward_propagation_with_l1_regularization", points=1, visible=True)
def test_l1_backward_on_small_example(student, mistakes):
    """backward_propagation_with_l1_regularization: a 3-layer network, λ = 0.7"""
    parameters, X, Y, AL, caches = _network(np.random.default_rng(73), [3, 4, 2, 1], 5)
    _check_reg_backward(student, "backward_propagation_with_l1_regularization", AL, Y, caches, 0.7, mistakes)


@graded("backward_propagation_with_l1_regularization", points=1)
def test_l1_backward_on_random_network(student, rng, mistakes):
    """backward_propagation_with_l1_regularization: random network, labels and λ"""
    parameters, X, Y, AL, caches = _network(rng, _random_dims(rng), int(rng.integers(4, 30)), int)
    _check_reg_backward(student, "backward_propagation_with_l1_regularization", AL, Y, caches,
                        float(rng.uniform(0.1, 2)), mistakes)


@graded("backward_propagation_with_l1_regularization", points=1)
def test_l1_backward_agrees_with_finite_differences(student, rng, mistakes):
    """backward_propagation_with_l1_regularization: dW agrees with the numerical gradient (W away from 0)"""
    _check_reg_gradcheck(student, "backward_propagation_with_l1_regularization",
                         "compute_cost_with_l1_regularization", rng, mistakes, away_from_zero=True)


# =============================================================================================
# 7.1.3 dropout
# =============================================================================================

def _mask(D, shape, what="D"):
    D = _array(D, what, shape)
    if not np.all((D == 0) | (D == 1)):
        fail(f"{CH}.mask_not_binary", what=what)
    return D.astype(np.float64)


def _check_dropout_forward(student, A, keep_prob, visible):
    fn = "dropout_forward"
    A_out, D = expect_tuple(student.dropout_forward(A, keep_prob), 2, "dropout_forward(A, keep_prob)")
    D = _mask(D, A.shape)
    # A_out must be A·D/keep_prob with the student's own mask
    related = {_id(fn, "no_inverted_scaling"): A * D, _id(fn, "scales_by_keep_prob"): A * D * keep_prob,
               _id(fn, "mask_not_applied"): A / keep_prob}
    expect_close(A_out, A * D / keep_prob, "A_out", mistakes=related)
    kept = float(D.mean())
    if abs(kept - keep_prob) > 0.02:
        diagnosis = _id(fn, "keeps_with_probability_1_minus_keep_prob") if abs(kept - (1 - keep_prob)) <= 0.02 else None
        fail(f"{CH}.dropout_fraction" + ("_visible" if visible else ""), diagnosis,
             kept=f"{kept:.3f}", keep_prob=f"{keep_prob:g}")
    ratio = float(np.mean(A_out) / np.mean(A))
    if abs(ratio - 1) > 0.03:
        fail(f"{CH}.dropout_mean", ratio=f"{ratio:.3f}")


@graded("dropout_forward", points=1, visible=True)
def test_dropout_forward_keeps_about_keep_prob(student):
    """dropout_forward: A_out = A·D/keep_prob, about 80% kept, mean preserved (A of 100×200 ones, keep_prob = 0.8)"""
    _check_dropout_forward(student, np.ones((100, 200)), 0.8, visible=True)


@graded("dropout_forward", points=2)
def test_dropout_forward_on_random_activations(student, rng):
    """dropout_forward: random activations and keep_prob: scaling, fraction kept, mean preserved"""
    n, m = int(rng.integers(150, 250)), int(rng.integers(250, 400))
    _check_dropout_forward(student, rng.uniform(0.5, 1.5, (n, m)), float(rng.uniform(0.6, 0.9)), visible=False)


def _check_dropout_backward(student, dA, D, keep_prob, mistakes):
    got = student.dropout_backward(dA, D, keep_prob)
    expected = ref.dropout_backward(dA, D, keep_prob)
    outputs = _outputs(mistakes, dA, D, keep_prob)
    outputs.pop(_id("dropout_backward", "new_mask"), None)
    if isinstance(got, np.ndarray) and got.shape == dA.shape and got.dtype.kind in "biuf":
        # a fresh mask: got = dA·D'/keep_prob for a 0/1 mask D' other than D
        outputs[_id("dropout_backward", "new_mask")] = dA * (got != 0) / keep_prob
    expect_close(got, expected, "dA_prev", mistakes=outputs)


@graded("dropout_backward", points=1, visible=True)
def test_dropout_backward_on_small_example(student, mistakes):
    """dropout_backward: dA·D/keep_prob with the forward mask D (6×10, keep_prob = 0.8)"""
    rng = np.random.default_rng(74)
    dA = rng.standard_normal((6, 10))
    D = (rng.random((6, 10)) < 0.8).astype(int)
    _check_dropout_backward(student, dA, D, 0.8, mistakes)


@graded("dropout_backward", points=1)
def test_dropout_backward_on_random_mask(student, rng, mistakes):
    """dropout_backward: random gradient, boolean mask and keep_prob"""
    keep_prob = float(rng.uniform(0.5, 0.9))
    shape = (int(rng.integers(5, 30)), int(rng.integers(10, 40)))
    _check_dropout_backward(student, rng.standard_normal(shape), rng.random(shape) < keep_prob, keep_prob, mistakes)


# =============================================================================================
# 7.2.1 mini-batches (graded by property)
# =============================================================================================

def _batch_data(rng, m):
    """X whose first row is the column's index (to follow each example) and random labels Y."""
    X = np.vstack([np.arange(m, dtype=np.float64), rng.standard_normal((2, m))])
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    return X, Y


def _batch_signature(batches, X, Y, size):
    """(sizes, every example once, X/Y columns paired, shuffled) of a list of mini-batches."""
    try:
        sizes = tuple(int(np.shape(b[0])[1]) for b in batches)
        ids = np.concatenate([np.asarray(b[0], dtype=np.float64)[0] for b in batches]).astype(int)
        labels = np.concatenate([np.asarray(b[1], dtype=np.float64)[0] for b in batches])
    except (TypeError, ValueError, IndexError):
        return None
    m = X.shape[1]
    covers = ids.shape == (m,) and bool(np.array_equal(np.sort(ids), np.arange(m)))
    inside = bool(np.all((ids >= 0) & (ids < m)))
    paired = inside and labels.shape == ids.shape and bool(np.array_equal(labels, Y[0, ids]))
    shuffled = not (ids.shape == (m,) and np.array_equal(ids, np.arange(m)))
    return sizes, covers, paired, shuffled


def _check_mini_batches(student, rng, mistakes, m, size, seed, check_seed):
    fn = "random_mini_batches"
    X, Y = _batch_data(rng, m)
    got = expect_type(student.random_mini_batches(X, Y, size, seed), (list, tuple), "mini_batches", "list")
    for i, batch in enumerate(got):
        bx, by = expect_tuple(batch, 2, f"mini_batches[{i}]")
        bx = expect_type(bx, np.ndarray, f"mini_batches[{i}][0]", "numpy array")
        by = expect_type(by, np.ndarray, f"mini_batches[{i}][1]", "numpy array")
        if bx.ndim != 2 or bx.shape[0] != X.shape[0] or by.shape != (Y.shape[0], bx.shape[1]):
            fail(f"{CH}.batch_shapes", index=i, got_x=bx.shape, got_y=by.shape, n_x=X.shape[0])
    mine = _batch_signature(got, X, Y, size)
    right = _batch_signature(_ref(ref.random_mini_batches, X, Y, size, seed), X, Y, size)
    variants = {mid: _batch_signature(out, X, Y, size) for mid, out in _outputs(mistakes, X, Y, size, seed).items()}
    diagnosis = next((mid for mid, sig in variants.items() if sig is not None and sig != right and sig == mine), None)
    sizes, covers, paired, shuffled = mine
    if sizes != right[0]:
        fail(f"{CH}.batch_sizes", diagnosis, m=m, size=size, full=m // size, rest=m % size)
    if not covers:
        fail(f"{CH}.batch_coverage", diagnosis)
    if not paired:
        fail(f"{CH}.batch_pairing", diagnosis)
    if not shuffled:
        fail(f"{CH}.batch_not_shuffled", diagnosis)
    if check_seed:
        again = student.random_mini_batches(X, Y, size, seed)
        same = isinstance(again, (list, tuple)) and len(again) == len(got) and all(
            isinstance(a, (list, tuple)) and len(a) == 2 and np.array_equal(np.asarray(a[0]), b[0])
            for a, b in zip(again, got))
        if not same:
            fail(f"{CH}.seed_not_used", function=fn)


@graded("random_mini_batches", points=1, visible=True)
def test_mini_batches_of_148_examples_by_64(student, mistakes):
    """random_mini_batches: m = 148, mini_batch_size = 64 -> batches of 64, 64, 20 covering every example once"""
    _check_mini_batches(student, np.random.default_rng(75), mistakes, 148, 64, 0, check_seed=False)


@graded("random_mini_batches", points=1)
def test_mini_batches_with_a_remainder(student, rng, mistakes):
    """random_mini_batches: random m and size with a remainder; same seed, same batches"""
    size = int(rng.integers(8, 40))
    m = size * int(rng.integers(2, 6)) + int(rng.integers(1, size))
    _check_mini_batches(student, rng, mistakes, m, size, int(rng.integers(0, 1000)), check_seed=True)


@graded("random_mini_batches", points=1)
def test_mini_batches_when_size_divides_m(student, rng, mistakes):
    """random_mini_batches: m a multiple of mini_batch_size (no remainder, no empty batch)"""
    size = int(rng.integers(8, 40))
    _check_mini_batches(student, rng, mistakes, size * int(rng.integers(2, 6)), size, int(rng.integers(0, 1000)),
                        check_seed=True)


# =============================================================================================
# 7.2.2 momentum, 7.2.3 Nesterov
# =============================================================================================

def _check_state_init(student, function, parameters, mistakes, index=None):
    got = getattr(student, function)(parameters)
    expected = _ref(getattr(ref, function), parameters)
    outputs = _outputs(mistakes, parameters)
    if index is None:
        _expect_dict_close(got, expected, "v", outputs)
        return
    got = expect_tuple(got, len(expected), f"{function}(parameters)")
    for i, name in enumerate(("v", "s")):
        _expect_dict_close(got[i], expected[i], name, _sub(outputs, i))


def _params(rng, dims):
    return {k: rng.standard_normal(shape) for l in range(1, len(dims))
            for k, shape in (("W" + str(l), (dims[l], dims[l - 1])), ("b" + str(l), (dims[l], 1)))}


@graded("initialize_velocity", points=1, visible=True)
def test_initialize_velocity_of_three_layers(student, mistakes):
    """initialize_velocity: zeros keyed 'dW1', 'db1', ... for a [3, 4, 2, 1] network"""
    _check_state_init(student, "initialize_velocity", _params(np.random.default_rng(76), [3, 4, 2, 1]), mistakes)


@graded("initialize_velocity", points=1)
def test_initialize_velocity_of_random_network(student, rng, mistakes):
    """initialize_velocity: random network"""
    _check_state_init(student, "initialize_velocity", _params(rng, _random_dims(rng)), mistakes)


def _check_update(got, expected, outputs, names, order, call):
    """An update's result: each state dict first (the cause), then the parameters."""
    got = expect_tuple(got, len(names), call)
    for i in order:
        _expect_dict_close(got[i], expected[i], names[i], _sub(outputs, i))


def _optimizer_problem(rng, dims=None):
    dims = dims or _random_dims(rng)
    parameters = _params(rng, dims)
    return parameters, _state(rng, parameters)


def _check_momentum(student, parameters, grads, v, beta, lr, mistakes):
    args = (parameters, grads, v, beta, lr)
    _check_update(student.update_parameters_with_momentum(*args), _ref(ref.update_parameters_with_momentum, *args),
                  _outputs(mistakes, *args), ("parameters", "v"), (1, 0),
                  "update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)")


@graded("update_parameters_with_momentum", points=1, visible=True)
def test_momentum_step_on_small_example(student, mistakes):
    """update_parameters_with_momentum: one step from a non-zero v, β = 0.9, α = 0.01"""
    rng = np.random.default_rng(77)
    parameters, grads = _optimizer_problem(rng, [3, 2, 1])
    _check_momentum(student, parameters, grads, _state(rng, parameters), 0.9, 0.01, mistakes)


@graded("update_parameters_with_momentum", points=2)
def test_momentum_step_on_random_network(student, rng, mistakes):
    """update_parameters_with_momentum: random network, gradients, v, β and α"""
    parameters, grads = _optimizer_problem(rng)
    _check_momentum(student, parameters, grads, _state(rng, parameters), float(rng.uniform(0.8, 0.98)),
                    float(rng.uniform(0.005, 0.1)), mistakes)


def _quadratic_spec(rng, parameters):
    """A random quadratic loss for `callables.quadratic_grad`: curvatures a in [0.5, 2], minimum c."""
    return {"a": {k: rng.uniform(0.5, 2.0, p.shape) for k, p in parameters.items()},
            "c": {k: rng.standard_normal(p.shape) for k, p in parameters.items()}}


def _check_nesterov(student, parameters, spec, v, beta, lr, mistakes):
    got = student.update_parameters_with_nesterov(parameters, Function("quadratic_grad", spec), v, beta, lr)
    args = (parameters, quadratic_grad(spec), v, beta, lr)
    _check_update(got, _ref(ref.update_parameters_with_nesterov, *args), _outputs(mistakes, *args),
                  ("parameters", "v"), (1, 0),
                  "update_parameters_with_nesterov(parameters, grad_fn, v, beta, learning_rate)")


@graded("update_parameters_with_nesterov", points=1, visible=True)
def test_nesterov_step_on_small_example(student, mistakes):
    """update_parameters_with_nesterov: one step on a quadratic loss from a non-zero v, β = 0.9, α = 0.1"""
    rng = np.random.default_rng(78)
    parameters, v = _optimizer_problem(rng, [3, 2, 1])
    _check_nesterov(student, parameters, _quadratic_spec(rng, parameters), v, 0.9, 0.1, mistakes)


@graded("update_parameters_with_nesterov", points=2)
def test_nesterov_step_on_random_quadratic(student, rng, mistakes):
    """update_parameters_with_nesterov: random network, quadratic loss, v, β and α"""
    parameters, v = _optimizer_problem(rng)
    _check_nesterov(student, parameters, _quadratic_spec(rng, parameters), v, float(rng.uniform(0.8, 0.98)),
                    float(rng.uniform(0.05, 0.3)), mistakes)


# =============================================================================================
# 7.2.4 AdaGrad, 7.2.5 RMSprop
# =============================================================================================

def _check_adagrad(student, args, mistakes):
    _check_update(student.update_parameters_with_adagrad(*args), _ref(ref.update_parameters_with_adagrad, *args),
                  _outputs(mistakes, *args), ("parameters", "s"), (1, 0),
                  "update_parameters_with_adagrad(parameters, grads, s, learning_rate, epsilon)")


@graded("update_parameters_with_adagrad", points=1, visible=True)
def test_adagrad_step_on_small_example(student, mistakes):
    """update_parameters_with_adagrad: one step from a non-zero s, α = 0.01, ε = 1e-8"""
    rng = np.random.default_rng(79)
    parameters, grads = _optimizer_problem(rng, [3, 2, 1])
    _check_adagrad(student, (parameters, grads, _state(rng, parameters, positive=True), 0.01), mistakes)


@graded("update_parameters_with_adagrad", points=2)
def test_adagrad_step_with_small_gradients_and_large_epsilon(student, rng, mistakes):
    """update_parameters_with_adagrad: random network, s, α and an ε comparable to the gradients"""
    parameters, _ = _optimizer_problem(rng)
    grads = _state(rng, parameters, scale=0.05)
    s = _state(rng, parameters, positive=True, scale=0.05)
    _check_adagrad(student, (parameters, grads, s, float(rng.uniform(0.005, 0.1)), float(rng.uniform(1e-3, 1e-2))),
                   mistakes)


def _check_rmsprop(student, args, mistakes):
    _check_update(student.update_parameters_with_rmsprop(*args), _ref(ref.update_parameters_with_rmsprop, *args),
                  _outputs(mistakes, *args), ("parameters", "s"), (1, 0),
                  "update_parameters_with_rmsprop(parameters, grads, s, beta, learning_rate, epsilon)")


@graded("update_parameters_with_rmsprop", points=1, visible=True)
def test_rmsprop_step_on_small_example(student, mistakes):
    """update_parameters_with_rmsprop: one step from a non-zero s, β = 0.9, α = 0.01, ε = 1e-8"""
    rng = np.random.default_rng(80)
    parameters, grads = _optimizer_problem(rng, [3, 2, 1])
    _check_rmsprop(student, (parameters, grads, _state(rng, parameters, positive=True), 0.9, 0.01), mistakes)


@graded("update_parameters_with_rmsprop", points=2)
def test_rmsprop_step_with_small_gradients_and_large_epsilon(student, rng, mistakes):
    """update_parameters_with_rmsprop: random network, s, β, α and an ε comparable to the gradients"""
    parameters, _ = _optimizer_problem(rng)
    grads = _state(rng, parameters, scale=0.05)
    s = _state(rng, parameters, positive=True, scale=0.05)
    _check_rmsprop(student, (parameters, grads, s, float(rng.uniform(0.8, 0.99)), float(rng.uniform(0.005, 0.1)),
                             float(rng.uniform(1e-3, 1e-2))), mistakes)


# =============================================================================================
# 7.2.6 Adam
# =============================================================================================

@graded("initialize_adam", points=1, visible=True)
def test_initialize_adam_of_three_layers(student, mistakes):
    """initialize_adam: v and s zeros keyed 'dW1', 'db1', ... for a [3, 4, 2, 1] network"""
    _check_state_init(student, "initialize_adam", _params(np.random.default_rng(81), [3, 4, 2, 1]), mistakes, index=True)


@graded("initialize_adam", points=1)
def test_initialize_adam_of_random_network(student, rng, mistakes):
    """initialize_adam: random network"""
    _check_state_init(student, "initialize_adam", _params(rng, _random_dims(rng)), mistakes, index=True)


def _check_adam(student, args, mistakes):
    _check_update(student.update_parameters_with_adam(*args), _ref(ref.update_parameters_with_adam, *args),
                  _outputs(mistakes, *args), ("parameters", "v", "s"), (1, 2, 0),
                  "update_parameters_with_adam(parameters, grads, v, s, t, ...)")


@graded("update_parameters_with_adam", points=1, visible=True)
def test_adam_step_on_small_example(student, mistakes):
    """update_parameters_with_adam: step t = 2 from non-zero v and s, default hyperparameters"""
    rng = np.random.default_rng(82)
    parameters, grads = _optimizer_problem(rng, [3, 2, 1])
    v, s = _state(rng, parameters, scale=0.1), _state(rng, parameters, positive=True, scale=0.01)
    _check_adam(student, (parameters, grads, v, s, 2), mistakes)


@graded("update_parameters_with_adam", points=2)
def test_adam_step_on_random_network(student, rng, mistakes):
    """update_parameters_with_adam: random network, state, t, α, β1 and β2"""
    parameters, grads = _optimizer_problem(rng)
    v, s = _state(rng, parameters, scale=0.1), _state(rng, parameters, positive=True, scale=0.01)
    args = (parameters, grads, v, s, int(rng.integers(1, 20)), float(rng.uniform(0.001, 0.05)),
            float(rng.uniform(0.8, 0.95)), float(rng.uniform(0.99, 0.9999)))
    _check_adam(student, args, mistakes)


@graded("update_parameters_with_adam", points=1)
def test_adam_first_step_with_large_epsilon(student, rng, mistakes):
    """update_parameters_with_adam: the first step (t = 1) from zero state, small gradients, ε = 1e-3"""
    parameters, _ = _optimizer_problem(rng)
    grads = _state(rng, parameters, scale=0.01)
    v, s = ref.initialize_adam(parameters)
    _check_adam(student, (parameters, grads, v, s, 1, 0.01, 0.9, 0.999, 1e-3), mistakes)


# =============================================================================================
# 7.2.7 learning-rate decay
# =============================================================================================

def _check_lr(student, function, cases, mistakes):
    for args in cases:
        got = getattr(student, function)(*args)
        expect_close(got, getattr(ref, function)(*args), f"{function}{args}",
                     mistakes=_outputs(mistakes, *args))


@graded("update_lr", points=1, visible=True)
def test_update_lr_on_small_examples(student, mistakes):
    """update_lr: α0 = 0.5, decay_rate = 1, epochs 1, 2 and 10"""
    _check_lr(student, "update_lr", [(0.5, 1, 1), (0.5, 2, 1), (0.5, 10, 1)], mistakes)


@graded("update_lr", points=1)
def test_update_lr_on_random_values(student, rng, mistakes):
    """update_lr: random α0, epochs and decay rates"""
    cases = [(float(rng.uniform(0.01, 1)), int(rng.integers(1, 500)), float(rng.uniform(0.01, 2))) for _ in range(5)]
    _check_lr(student, "update_lr", cases, mistakes)


@graded("schedule_lr_decay", points=1, visible=True)
def test_schedule_lr_decay_on_small_examples(student, mistakes):
    """schedule_lr_decay: α0 = 0.5, decay_rate = 1, time_interval = 100, epochs 50, 150 and 399"""
    _check_lr(student, "schedule_lr_decay", [(0.5, 50, 1, 100), (0.5, 150, 1, 100), (0.5, 399, 1, 100)], mistakes)


@graded("schedule_lr_decay", points=1)
def test_schedule_lr_decay_on_random_values(student, rng, mistakes):
    """schedule_lr_decay: random α0, decay rates and intervals, epochs inside intervals"""
    cases = []
    for fraction in (0.2, 0.8, 0.5, 0.9, 0.1):
        interval = int(rng.integers(10, 2000))
        epoch = int(rng.integers(1, 6)) * interval + int(fraction * interval)
        cases.append((float(rng.uniform(0.01, 1)), epoch, float(rng.uniform(0.1, 2)), interval))
    _check_lr(student, "schedule_lr_decay", cases, mistakes)


# =============================================================================================
# 7.3.1 input normalisation
# =============================================================================================

def _check_normalize(student, X_train, X_test, mistakes):
    got = expect_tuple(student.normalize_inputs(X_train, X_test), 2, "normalize_inputs(X_train, X_test)")
    expected = ref.normalize_inputs(X_train, X_test)
    outputs = _outputs(mistakes, X_train, X_test)
    for i, what in enumerate(("X_train_norm", "X_test_norm")):
        expect_close(got[i], expected[i], what, mistakes=_sub(outputs, i),
                     factors={"√(m/(m-1))": float(np.sqrt(X_train.shape[1] / (X_train.shape[1] - 1)))})


def _normalize_data(rng, n, m_train, m_test, constant_row):
    scale, shift = rng.uniform(0.5, 5, (n, 1)), rng.uniform(-3, 3, (n, 1))
    X_train = rng.standard_normal((n, m_train)) * scale + shift
    X_test = rng.standard_normal((n, m_test)) * scale + shift
    X_train[constant_row], X_test[constant_row] = 3.0, 3.0  # a constant feature (σ = 0)
    return X_train, X_test


@graded("normalize_inputs", points=1, visible=True)
def test_normalize_inputs_on_small_example(student, mistakes):
    """normalize_inputs: 3 features (the last one constant), 6 training and 4 test examples"""
    X_train, X_test = _normalize_data(np.random.default_rng(83), 3, 6, 4, 2)
    _check_normalize(student, X_train, X_test, mistakes)


@graded("normalize_inputs", points=2)
def test_normalize_inputs_on_random_data(student, rng, mistakes):
    """normalize_inputs: random features of different scales (one constant), random set sizes"""
    n = int(rng.integers(3, 7))
    X_train, X_test = _normalize_data(rng, n, int(rng.integers(10, 60)), int(rng.integers(3, 20)),
                                      int(rng.integers(0, n)))
    _check_normalize(student, X_train, X_test, mistakes)


# =============================================================================================
# 7.3.2 weight initialisation (graded by the spread of the draws)
# =============================================================================================

def _init_profile(parameters, dims):
    """Per layer: (std of W, |mean| small against std, b all zero), or None when malformed."""
    try:
        profile = []
        for l in range(1, len(dims)):
            W = np.asarray(parameters["W" + str(l)], dtype=np.float64)
            b = np.asarray(parameters["b" + str(l)], dtype=np.float64)
            std = float(W.std())
            profile.append((std, abs(float(W.mean())) <= 0.1 * std, not b.any()))
        return profile
    except (KeyError, TypeError, ValueError):
        return None


def _same_profile(a, b):
    return a is not None and b is not None and len(a) == len(b) and all(
        x[1:] == y[1:] and ((x[0] == 0 and y[0] == 0) or (y[0] > 0 and abs(x[0] / y[0] - 1) < 0.06))
        for x, y in zip(a, b))


def _check_init(student, function, dims, scale, mistakes, visible):
    """`scale(n_in, n_out)`: the standard deviation W{l} should have (None: all zeros)."""
    got = expect_type(getattr(student, function)(dims), dict, "parameters", "dict")
    keys = [k for l in range(1, len(dims)) for k in ("W" + str(l), "b" + str(l))]
    got = expect_dict(got, keys, "parameters")
    for l in range(1, len(dims)):
        _array(got["W" + str(l)], f"parameters['W{l}']", (dims[l], dims[l - 1]))
        _array(got["b" + str(l)], f"parameters['b{l}']", (dims[l], 1))
    if scale is None:
        for k in keys:
            expect_close(got[k], np.zeros(np.shape(got[k])), f"parameters['{k}']")
        return
    mine = _init_profile(got, dims)
    right = [(scale(dims[l - 1], dims[l]), True, True) for l in range(1, len(dims))]
    diagnosis = next((mid for mid, out in _outputs(mistakes, dims).items()
                      if not _same_profile(_init_profile(out, dims), right)
                      and _same_profile(mine, _init_profile(out, dims))), None)
    for l, ((std, centred, b_zero), (expected_std, _, _)) in enumerate(zip(mine, right), start=1):
        if not b_zero:
            fail(f"{CH}.init_bias_not_zero", diagnosis, layer=l)
        if not centred:
            fail(f"{CH}.init_not_centred", diagnosis, layer=l)
        if abs(std / expected_std - 1) > 0.05:
            if visible:
                fail(f"{CH}.init_spread_visible", diagnosis, layer=l, got=f"{std:.4g}", expected=f"{expected_std:.4g}")
            fail(f"{CH}.init_spread", diagnosis, layer=l)


def _big_dims(rng):
    """Four layers of 100-400 units, neighbours at least 1.6 times apart (fan-in ≠ fan-out)."""
    small, large = (lambda: int(rng.integers(100, 160))), (lambda: int(rng.integers(260, 400)))
    return [large(), small(), large(), small()] if rng.random() < 0.5 else [small(), large(), small(), large()]


VISIBLE_DIMS = [400, 120, 300, 100]


@graded("initialize_parameters_zeros", points=1, visible=True)
def test_zeros_initialisation_of_small_network(student):
    """initialize_parameters_zeros: [3, 2, 1]: all W and b zero, right shapes"""
    _check_init(student, "initialize_parameters_zeros", [3, 2, 1], None, None, visible=True)


@graded("initialize_parameters_zeros", points=1)
def test_zeros_initialisation_of_random_network(student, rng):
    """initialize_parameters_zeros: random layer sizes"""
    _check_init(student, "initialize_parameters_zeros", [int(rng.integers(1, 8)) for _ in range(4)], None, None,
                visible=False)


@graded("initialize_parameters_random", points=1, visible=True)
def test_random_initialisation_spread(student, mistakes):
    """initialize_parameters_random: W centred with std 0.01, b zero, for [400, 120, 300, 100]"""
    _check_init(student, "initialize_parameters_random", VISIBLE_DIMS, lambda n_in, n_out: 0.01, mistakes, True)


@graded("initialize_parameters_random", points=1)
def test_random_initialisation_spread_on_random_layers(student, rng, mistakes):
    """initialize_parameters_random: random large layers"""
    _check_init(student, "initialize_parameters_random", _big_dims(rng), lambda n_in, n_out: 0.01, mistakes, False)


@graded("initialize_parameters_he", points=1, visible=True)
def test_he_initialisation_spread(student, mistakes):
    """initialize_parameters_he: std of W{l} is √(2/n_{l-1}), b zero, for [400, 120, 300, 100]"""
    _check_init(student, "initialize_parameters_he", VISIBLE_DIMS, lambda n_in, n_out: np.sqrt(2 / n_in), mistakes,
                True)


@graded("initialize_parameters_he", points=1)
def test_he_initialisation_spread_on_random_layers(student, rng, mistakes):
    """initialize_parameters_he: random large layers"""
    _check_init(student, "initialize_parameters_he", _big_dims(rng), lambda n_in, n_out: np.sqrt(2 / n_in), mistakes,
                False)


@graded("initialize_parameters_xavier", points=1, visible=True)
def test_xavier_initialisation_spread(student, mistakes):
    """initialize_parameters_xavier: std of W{l} is √(1/n_{l-1}), b zero, for [400, 120, 300, 100]"""
    _check_init(student, "initialize_parameters_xavier", VISIBLE_DIMS, lambda n_in, n_out: np.sqrt(1 / n_in),
                mistakes, True)


@graded("initialize_parameters_xavier", points=1)
def test_xavier_initialisation_spread_on_random_layers(student, rng, mistakes):
    """initialize_parameters_xavier: random large layers"""
    _check_init(student, "initialize_parameters_xavier", _big_dims(rng), lambda n_in, n_out: np.sqrt(1 / n_in),
                mistakes, False)


# =============================================================================================
# 7.3.3 batch normalisation
# =============================================================================================

def _bn_problem(rng, n, m, low_variance_row=True):
    Z = rng.standard_normal((n, m)) * rng.uniform(0.5, 3, (n, 1)) + rng.uniform(-2, 2, (n, 1))
    if low_variance_row:  # a feature whose variance is comparable to eps
        Z[0] = rng.standard_normal(m) * 3e-3 + 1.0
    gamma, beta = rng.uniform(0.5, 2, (n, 1)), rng.standard_normal((n, 1))
    bn_param = {"mode": "train", "eps": 1e-5, "momentum": 0.9,
                "running_mean": rng.standard_normal((n, 1)), "running_var": rng.uniform(0.5, 2, (n, 1))}
    return Z, gamma, beta, bn_param


def _check_bn_out(student, Z, gamma, beta, bn_param, mistakes):
    got = expect_tuple(student.batchnorm_forward(Z, gamma, beta, bn_param), 2,
                       "batchnorm_forward(Z, gamma, beta, bn_param)")
    expected, _ = _ref(ref.batchnorm_forward, Z, gamma, beta, bn_param)
    expect_close(got[0], expected, "out", mistakes=_sub(_outputs(mistakes, Z, gamma, beta, bn_param), 0))


@graded("batchnorm_forward", points=1, visible=True)
def test_batchnorm_forward_train_on_small_example(student, mistakes):
    """batchnorm_forward: training mode, Z of 3×6 (one feature with a tiny variance)"""
    _check_bn_out(student, *_bn_problem(np.random.default_rng(84), 3, 6), mistakes)


@graded("batchnorm_forward", points=1, visible=True)
def test_batchnorm_forward_test_mode_on_small_example(student, mistakes):
    """batchnorm_forward: test mode uses running_mean and running_var (3×6)"""
    Z, gamma, beta, bn_param = _bn_problem(np.random.default_rng(85), 3, 6)
    bn_param["mode"] = "test"
    _check_bn_out(student, Z, gamma, beta, bn_param, mistakes)


@graded("batchnorm_forward", points=1)
def test_batchnorm_forward_train_on_random_batch(student, rng, mistakes):
    """batchnorm_forward: training mode, random shapes, eps and momentum"""
    Z, gamma, beta, bn_param = _bn_problem(rng, int(rng.integers(2, 8)), int(rng.integers(4, 40)))
    bn_param["eps"], bn_param["momentum"] = float(rng.uniform(1e-6, 1e-4)), float(rng.uniform(0.8, 0.99))
    _check_bn_out(student, Z, gamma, beta, bn_param, mistakes)


@graded("batchnorm_forward", points=1)
def test_batchnorm_forward_test_mode_on_random_batch(student, rng, mistakes):
    """batchnorm_forward: test mode, random shapes and running statistics"""
    Z, gamma, beta, bn_param = _bn_problem(rng, int(rng.integers(2, 8)), int(rng.integers(4, 40)))
    bn_param["mode"] = "test"
    _check_bn_out(student, Z, gamma, beta, bn_param, mistakes)


@graded("batchnorm_forward", points=1)
def test_batchnorm_forward_updates_running_averages(student, rng):
    """batchnorm_forward: training mode updates bn_param's running_mean and running_var in place"""
    Z, gamma, beta, bn_param = _bn_problem(rng, int(rng.integers(2, 8)), int(rng.integers(4, 40)))
    bn_param["momentum"] = float(rng.uniform(0.8, 0.95))
    _, args = student.call_keeping_args("batchnorm_forward", Z, gamma, beta, bn_param)
    got = expect_type(args[3], dict, "bn_param", "dict")
    expected = copy.deepcopy(bn_param)
    ref.batchnorm_forward(Z, gamma, beta, expected)
    outputs = {}
    for variant in catalogue.variants_of("batchnorm_forward"):
        changed = copy.deepcopy(bn_param)
        try:
            with np.errstate(all="ignore"):
                variant.fn(Z.copy(), gamma.copy(), beta.copy(), changed)
        except Exception:  # noqa: BLE001 - a variant that fails here names nothing
            continue
        outputs[variant.id] = changed
    _expect_dict_close(got, {k: expected[k] for k in ("running_mean", "running_var")}, "bn_param", outputs)


def _check_bn_backward(student, rng, n, m, mistakes, gradcheck=False):
    Z, gamma, beta, bn_param = _bn_problem(rng, n, m, low_variance_row=False)
    dout = rng.standard_normal((n, m))
    _, cache = expect_tuple(student.batchnorm_forward(Z, gamma, beta, bn_param), 2,
                            "batchnorm_forward(Z, gamma, beta, bn_param)")
    got = expect_tuple(student.batchnorm_backward(dout, cache), 3, "batchnorm_backward(dout, cache)")
    _, ref_cache = _ref(ref.batchnorm_forward, Z, gamma, beta, bn_param)
    expected = ref.batchnorm_backward(dout, ref_cache)
    outputs = _outputs(mistakes, dout, ref_cache)
    if gradcheck:
        def loss(z):
            return float(np.sum(dout * ref.batchnorm_forward(z, gamma, beta, {"mode": "train"})[0]))
        numeric = numerical_gradient(loss, Z, h=1e-5)
        expect_gradient(got[0], numeric, "dZ", diagnosis=_diagnose(got[0], _sub(outputs, 0), numeric))
        return
    for i, what in enumerate(("dZ", "dgamma", "dbeta")):
        expect_close(got[i], expected[i], what, mistakes=_sub(outputs, i), factors={"m": m, "1/m": 1 / m})


@graded("batchnorm_backward", points=1, visible=True)
def test_batchnorm_backward_on_small_example(student, mistakes):
    """batchnorm_backward: dZ, dgamma, dbeta for a 3×5 batch (cache from your batchnorm_forward)"""
    _check_bn_backward(student, np.random.default_rng(86), 3, 5, mistakes)


@graded("batchnorm_backward", points=1)
def test_batchnorm_backward_on_random_batch(student, rng, mistakes):
    """batchnorm_backward: random shapes"""
    _check_bn_backward(student, rng, int(rng.integers(2, 8)), int(rng.integers(3, 30)), mistakes)


@graded("batchnorm_backward", points=1)
def test_batchnorm_backward_agrees_with_finite_differences(student, rng, mistakes):
    """batchnorm_backward: dZ agrees with the numerical gradient of the training-mode forward pass"""
    _check_bn_backward(student, rng, int(rng.integers(2, 5)), int(rng.integers(3, 8)), mistakes, gradcheck=True)


# =============================================================================================
# 7.3.4 log-scale search (graded by property)
# =============================================================================================

def _lr_signature(r, r_again, n, low, high):
    """(shape right, inside [low, high], log-uniform, same seed -> same draws)."""
    try:
        r = np.asarray(r, dtype=np.float64)
        r_again = np.asarray(r_again, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    shape_ok = r.shape == (n,)
    inside = bool(np.all((r >= low * (1 - 1e-9)) & (r <= high * (1 + 1e-9))))
    log_uniform = False
    if shape_ok and inside:
        u = np.sort((np.log10(r) - np.log10(low)) / (np.log10(high) - np.log10(low)))
        ks = max(np.max(np.arange(1, n + 1) / n - u), np.max(u - np.arange(n) / n))
        log_uniform = bool(ks < 3 / np.sqrt(n))  # Kolmogorov-Smirnov: fails a right answer with p < 1e-7
    return shape_ok, inside, log_uniform, r_again.shape == r.shape and bool(np.array_equal(r, r_again))


def _check_lr_samples(student, n, low, high, seed, visible):
    fn = "sample_learning_rates"
    r = student.sample_learning_rates(n, low, high, seed)
    r_again = student.sample_learning_rates(n, low, high, seed)
    r = _array(r, "learning_rates", (n,))
    mine = _lr_signature(r, r_again, n, low, high)
    right = (True, True, True, True)
    variants = {mid: _lr_signature(*pair, n, low, high) for mid, pair in _twice(fn, n, low, high, seed).items()}
    diagnosis = next((mid for mid, sig in variants.items() if sig not in (right, None) and sig == mine), None)
    _, inside, log_uniform, same = mine
    if not inside:
        fail(f"{CH}.lr_out_of_range", diagnosis, low=f"{low:g}", high=f"{high:g}",
             got_min=f"{float(r.min()):.3g}", got_max=f"{float(r.max()):.3g}")
    if not log_uniform:
        fail(f"{CH}.lr_not_log_uniform", diagnosis)
    if not same:
        fail(f"{CH}.seed_not_used", diagnosis, function=fn)


@graded("sample_learning_rates", points=1, visible=True)
def test_learning_rates_are_log_uniform_between_1e_4_and_1(student):
    """sample_learning_rates: 2000 samples in [1e-4, 1], uniform in log scale, reproducible with the seed"""
    _check_lr_samples(student, 2000, 1e-4, 1.0, 0, True)


@graded("sample_learning_rates", points=1)
def test_learning_rates_on_random_range(student, rng):
    """sample_learning_rates: random n, range and seed"""
    low = 10.0 ** -float(rng.uniform(3, 6))
    high = 10.0 ** -float(rng.uniform(0, 1))
    _check_lr_samples(student, int(rng.integers(1000, 3000)), low, high, int(rng.integers(0, 1000)), False)


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
    covers = ids.shape == (m,) and bool(np.array_equal(np.sort(ids), np.arange(m)))
    inside = bool(np.all((ids >= 0) & (ids < m)))
    paired = inside and labels.shape == ids.shape and bool(np.array_equal(labels, Y[0, ids]))
    shuffled = not (ids.shape == (m,) and np.array_equal(ids, np.arange(m)))
    return sizes_ok, covers, paired, shuffled


def _check_split(student, rng, m, ratios, seed, mistakes, check_seed):
    fn = "train_dev_test_split"
    X, Y = _batch_data(rng, m)
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
    diagnosis = next((mid for mid, out in _outputs(mistakes, X, Y, ratios, seed).items()
                      if _split_signature(out, X, Y, ratios) not in (right, None)
                      and _split_signature(out, X, Y, ratios) == mine), None)
    sizes_ok, covers, paired, shuffled = mine
    if not sizes_ok:
        fail(f"{CH}.split_sizes", diagnosis, m=m, ratios=tuple(float(r) for r in ratios),
             got=tuple(int(np.shape(got[i])[1]) for i in (0, 2, 4)))
    if not covers:
        fail(f"{CH}.split_coverage", diagnosis)
    if not paired:
        fail(f"{CH}.batch_pairing", diagnosis)
    if not shuffled:
        fail(f"{CH}.split_not_shuffled", diagnosis)
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
        outputs = {mid: _label(out) for mid, out in _outputs(mistakes, *args).items()}
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
    _array(got, "M", (C, C))
    expect_equal(got, expected, "M", mistakes=_outputs(mistakes, y_true, y_pred, C))


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
