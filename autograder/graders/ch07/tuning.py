"""Chapter 7 graders, 7.3 initialisation and tuning: input normalisation, weight initialisation, batch normalisation, log-scale search."""
from __future__ import annotations

import copy

import numpy as np

from autograder.compare import (expect_array, expect_close, expect_dict, expect_dict_close, expect_tuple,
                                expect_type, fail)
from autograder.diagnosis import name_mistake
from autograder.gradcheck import expect_gradient, numerical_gradient
from autograder.grading import graded
from autograder.graders.ch07.common import CH, catalogue, item, reference_output, twice
from solutions import ch07 as ref


# =============================================================================================
# 7.3.1 input normalisation
# =============================================================================================

def _check_normalize(student, X_train, X_test, mistakes):
    got = expect_tuple(student.normalize_inputs(X_train, X_test), 2, "normalize_inputs(X_train, X_test)")
    expected = ref.normalize_inputs(X_train, X_test)
    outputs = mistakes(X_train, X_test)
    for i, what in enumerate(("X_train_norm", "X_test_norm")):
        expect_close(got[i], expected[i], what, mistakes=item(outputs, i),
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
        expect_array(got["W" + str(l)], (dims[l], dims[l - 1]), f"parameters['W{l}']")
        expect_array(got["b" + str(l)], (dims[l], 1), f"parameters['b{l}']")
    if scale is None:
        for k in keys:
            expect_close(got[k], np.zeros(np.shape(got[k])), f"parameters['{k}']")
        return
    mine = _init_profile(got, dims)
    right = [(scale(dims[l - 1], dims[l]), True, True) for l in range(1, len(dims))]
    diagnosis = next((mid for mid, out in mistakes(dims).items()
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
    expected, _ = reference_output(ref.batchnorm_forward, Z, gamma, beta, bn_param)
    expect_close(got[0], expected, "out", mistakes=item(mistakes(Z, gamma, beta, bn_param), 0))


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
    expect_dict_close(got, {k: expected[k] for k in ("running_mean", "running_var")}, "bn_param", outputs)


def _check_bn_backward(student, rng, n, m, mistakes, gradcheck=False):
    Z, gamma, beta, bn_param = _bn_problem(rng, n, m, low_variance_row=False)
    dout = rng.standard_normal((n, m))
    _, cache = expect_tuple(student.batchnorm_forward(Z, gamma, beta, bn_param), 2,
                            "batchnorm_forward(Z, gamma, beta, bn_param)")
    got = expect_tuple(student.batchnorm_backward(dout, cache), 3, "batchnorm_backward(dout, cache)")
    _, ref_cache = reference_output(ref.batchnorm_forward, Z, gamma, beta, bn_param)
    expected = ref.batchnorm_backward(dout, ref_cache)
    outputs = mistakes(dout, ref_cache)
    if gradcheck:
        def loss(z):
            return float(np.sum(dout * ref.batchnorm_forward(z, gamma, beta, {"mode": "train"})[0]))
        numeric = numerical_gradient(loss, Z, h=1e-5)
        expect_gradient(got[0], numeric, "dZ", diagnosis=name_mistake(got[0], numeric, item(outputs, 0)))
        return
    for i, what in enumerate(("dZ", "dgamma", "dbeta")):
        expect_close(got[i], expected[i], what, mistakes=item(outputs, i), factors={"m": m, "1/m": 1 / m})


@graded("batchnorm_backward", points=1, visible=True, helpers=("batchnorm_forward",))
def test_batchnorm_backward_on_small_example(student, mistakes):
    """batchnorm_backward: dZ, dgamma, dbeta for a 3×5 batch (cache from your batchnorm_forward)"""
    _check_bn_backward(student, np.random.default_rng(86), 3, 5, mistakes)


@graded("batchnorm_backward", points=1, helpers=("batchnorm_forward",))
def test_batchnorm_backward_on_random_batch(student, rng, mistakes):
    """batchnorm_backward: random shapes"""
    _check_bn_backward(student, rng, int(rng.integers(2, 8)), int(rng.integers(3, 30)), mistakes)


@graded("batchnorm_backward", points=1, helpers=("batchnorm_forward",))
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
    r = expect_array(r, (n,), "learning_rates")
    mine = _lr_signature(r, r_again, n, low, high)
    right = (True, True, True, True)
    variants = {mid: _lr_signature(*pair, n, low, high) for mid, pair in twice(fn, n, low, high, seed).items()}
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
