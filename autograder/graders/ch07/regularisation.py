"""Chapter 7 graders, 7.1 regularisation: L2 and L1 penalties, inverted dropout."""
from __future__ import annotations

import numpy as np

from autograder.compare import (expect_array, expect_close, expect_dict, expect_dict_close, expect_tuple,
                                expect_type, fail)
from autograder.diagnosis import name_mistake
from autograder.gradcheck import expect_gradient, gradient_settings, is_float32, numerical_gradient
from autograder.grading import graded
from autograder.graders.ch07.common import CH, item, mistake_id, network, network_problem, random_dims, reference_output
from solutions import ch07 as ref


# =============================================================================================
# 7.1.2 L2 regularisation
# =============================================================================================

def _check_cost(student, function, AL, Y, parameters, lambd, mistakes):
    got = getattr(student, function)(AL, Y, parameters, lambd)
    expected = reference_output(getattr(ref, function), AL, Y, parameters, lambd)
    m = Y.shape[1]
    expect_close(got, expected, "cost", mistakes=mistakes(AL, Y, parameters, lambd),
                 factors={"m": m, "1/m": 1 / m})


@graded("compute_cost_with_regularization", points=1, visible=True)
def test_l2_cost_on_small_example(student, mistakes):
    """compute_cost_with_regularization: a 3-layer network, λ = 0.7"""
    parameters, X, Y, AL, caches = network_problem(np.random.default_rng(70), [3, 4, 2, 1], 5)
    _check_cost(student, "compute_cost_with_regularization", AL, Y, parameters, 0.7, mistakes)


@graded("compute_cost_with_regularization", points=1)
def test_l2_cost_on_random_network(student, rng, mistakes):
    """compute_cost_with_regularization: random network, labels and λ"""
    parameters, X, Y, AL, caches = network_problem(rng, random_dims(rng), int(rng.integers(4, 30)), int)
    _check_cost(student, "compute_cost_with_regularization", AL, Y, parameters, float(rng.uniform(0.1, 2)), mistakes)


def _check_reg_backward(student, function, AL, Y, caches, lambd, mistakes):
    got = getattr(student, function)(AL, Y, caches, lambd)
    expected = reference_output(getattr(ref, function), AL, Y, caches, lambd)
    keys = [k for l in range(1, len(caches) + 1) for k in ("dW" + str(l), "db" + str(l))]
    expect_dict_close(got, {k: expected[k] for k in keys}, "grads", mistakes(AL, Y, caches, lambd))


def _check_reg_gradcheck(student, function, cost_function, rng, mistakes, away_from_zero=False):
    dims = random_dims(rng)
    while True:  # centred differences must not step across a ReLU kink (|Z| of a hidden unit near 0)
        parameters, X, Y, AL, caches = network_problem(rng, dims, int(rng.integers(4, 12)))
        if away_from_zero:  # |W| is not differentiable at 0: keep the weights away from it
            for l in range(1, len(dims)):
                W = parameters["W" + str(l)]
                parameters["W" + str(l)] = np.sign(W) * (np.abs(W) + 0.2)
            AL, caches = network.forward_propagation(X, parameters)
        if all(np.min(np.abs(cache[3])) > 1e-3 for cache in caches[:-1]):
            break
    lambd = float(rng.uniform(0.3, 2))
    grads = expect_type(getattr(student, function)(AL, Y, caches, lambd), dict, "grads", "dict")
    outputs = mistakes(AL, Y, caches, lambd)
    float32 = is_float32(*grads.values())
    for l in range(1, len(dims)):
        key = "W" + str(l)

        def cost(W, key=key):
            p = dict(parameters)
            p[key] = W
            return getattr(ref, cost_function)(network.forward_propagation(X, p)[0], Y, p, lambd)
        numeric = numerical_gradient(cost, parameters[key], h=1e-5)
        got = expect_dict(grads, ["d" + key], "grads", outputs)["d" + key]
        expect_gradient(got, numeric, f"grads['d{key}']", tol=gradient_settings(float32)[1], float32=float32,
                        diagnosis=name_mistake(got, numeric, item(outputs, "d" + key)))


@graded("backward_propagation_with_regularization", points=1, visible=True)
def test_l2_backward_on_small_example(student, mistakes):
    """backward_propagation_with_regularization: a 3-layer network, λ = 0.7"""
    parameters, X, Y, AL, caches = network_problem(np.random.default_rng(71), [3, 4, 2, 1], 5)
    _check_reg_backward(student, "backward_propagation_with_regularization", AL, Y, caches, 0.7, mistakes)


@graded("backward_propagation_with_regularization", points=1)
def test_l2_backward_on_random_network(student, rng, mistakes):
    """backward_propagation_with_regularization: random network, labels and λ"""
    parameters, X, Y, AL, caches = network_problem(rng, random_dims(rng), int(rng.integers(4, 30)), int)
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
    parameters, X, Y, AL, caches = network_problem(np.random.default_rng(72), [3, 4, 2, 1], 5)
    _check_cost(student, "compute_cost_with_l1_regularization", AL, Y, parameters, 0.7, mistakes)


@graded("compute_cost_with_l1_regularization", points=1)
def test_l1_cost_on_random_network(student, rng, mistakes):
    """compute_cost_with_l1_regularization: random network, labels and λ"""
    parameters, X, Y, AL, caches = network_problem(rng, random_dims(rng), int(rng.integers(4, 30)), int)
    _check_cost(student, "compute_cost_with_l1_regularization", AL, Y, parameters, float(rng.uniform(0.1, 2)),
                mistakes)


@graded("backward_propagation_with_l1_regularization", points=1, visible=True)
def test_l1_backward_on_small_example(student, mistakes):
    """backward_propagation_with_l1_regularization: a 3-layer network, λ = 0.7"""
    parameters, X, Y, AL, caches = network_problem(np.random.default_rng(73), [3, 4, 2, 1], 5)
    _check_reg_backward(student, "backward_propagation_with_l1_regularization", AL, Y, caches, 0.7, mistakes)


@graded("backward_propagation_with_l1_regularization", points=1)
def test_l1_backward_on_random_network(student, rng, mistakes):
    """backward_propagation_with_l1_regularization: random network, labels and λ"""
    parameters, X, Y, AL, caches = network_problem(rng, random_dims(rng), int(rng.integers(4, 30)), int)
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
    D = expect_array(D, shape, what)
    if not np.all((D == 0) | (D == 1)):
        fail(f"{CH}.mask_not_binary", what=what)
    return D.astype(np.float64)


def _check_dropout_forward(student, A, keep_prob, visible):
    fn = "dropout_forward"
    A_out, D = expect_tuple(student.dropout_forward(A, keep_prob), 2, "dropout_forward(A, keep_prob)")
    D = _mask(D, A.shape)
    # A_out must be A·D/keep_prob with the student's own mask
    related = {mistake_id(fn, "no_inverted_scaling"): A * D, mistake_id(fn, "scales_by_keep_prob"): A * D * keep_prob,
               mistake_id(fn, "mask_not_applied"): A / keep_prob}
    expect_close(A_out, A * D / keep_prob, "A_out", mistakes=related)
    kept = float(D.mean())
    if abs(kept - keep_prob) > 0.02:
        diagnosis = mistake_id(fn, "keeps_with_probability_1_minus_keep_prob") if abs(kept - (1 - keep_prob)) <= 0.02 else None
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
    outputs = mistakes(dA, D, keep_prob)
    outputs.pop(mistake_id("dropout_backward", "new_mask"), None)
    if isinstance(got, np.ndarray) and got.shape == dA.shape and got.dtype.kind in "biuf" and np.any(got == 0):
        # a fresh mask: got = dA·D'/keep_prob for a 0/1 mask D' other than D
        outputs[mistake_id("dropout_backward", "new_mask")] = dA * (got != 0) / keep_prob
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
