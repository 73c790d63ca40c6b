"""Chapter 7 graders, 7.2 gradient optimisation: mini-batches, momentum, Nesterov, AdaGrad, RMSprop, Adam, learning-rate decay."""
from __future__ import annotations

import numpy as np

from autograder.compare import expect_close, expect_dict_close, expect_tuple, expect_type, fail
from autograder.grading import graded
from autograder.worker.callables import quadratic_grad
from autograder.worker.protocol import Function
from autograder.graders.ch07.common import (CH, batch_data, examples_signature, expect_examples_once_shuffled, item,
                                            random_dims, random_state, reference_output)
from solutions import ch07 as ref


# =============================================================================================
# 7.2.1 mini-batches (graded by property)
# =============================================================================================

def _batch_signature(batches, X, Y, size):
    """(sizes, every example once, X/Y columns paired, shuffled) of a list of mini-batches."""
    try:
        sizes = tuple(int(np.shape(b[0])[1]) for b in batches)
        ids = np.concatenate([np.asarray(b[0], dtype=np.float64)[0] for b in batches]).astype(int)
        labels = np.concatenate([np.asarray(b[1], dtype=np.float64)[0] for b in batches])
    except (TypeError, ValueError, IndexError):
        return None
    return (sizes, *examples_signature(ids, labels, Y))


def _check_mini_batches(student, rng, mistakes, m, size, seed, check_seed):
    fn = "random_mini_batches"
    X, Y = batch_data(rng, m)
    got = expect_type(student.random_mini_batches(X, Y, size, seed), (list, tuple), "mini_batches", "list")
    for i, batch in enumerate(got):
        bx, by = expect_tuple(batch, 2, f"mini_batches[{i}]")
        bx = expect_type(bx, np.ndarray, f"mini_batches[{i}][0]", "numpy array")
        by = expect_type(by, np.ndarray, f"mini_batches[{i}][1]", "numpy array")
        if bx.ndim != 2 or bx.shape[0] != X.shape[0] or by.shape != (Y.shape[0], bx.shape[1]):
            fail(f"{CH}.batch_shapes", index=i, got_x=bx.shape, got_y=by.shape, n_x=X.shape[0])
    mine = _batch_signature(got, X, Y, size)
    right = _batch_signature(reference_output(ref.random_mini_batches, X, Y, size, seed), X, Y, size)
    variants = {mid: _batch_signature(out, X, Y, size) for mid, out in mistakes(X, Y, size, seed).items()}
    diagnosis = next((mid for mid, sig in variants.items() if sig is not None and sig != right and sig == mine), None)
    if mine[0] != right[0]:
        fail(f"{CH}.batch_sizes", diagnosis, m=m, size=size, full=m // size, rest=m % size)
    expect_examples_once_shuffled(mine[1:], diagnosis, "batch")
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
    expected = reference_output(getattr(ref, function), parameters)
    outputs = mistakes(parameters)
    if index is None:
        expect_dict_close(got, expected, "v", outputs)
        return
    got = expect_tuple(got, len(expected), f"{function}(parameters)")
    for i, name in enumerate(("v", "s")):
        expect_dict_close(got[i], expected[i], name, item(outputs, i))


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
    _check_state_init(student, "initialize_velocity", _params(rng, random_dims(rng)), mistakes)


def _check_update(got, expected, outputs, names, order, call):
    """An update's result: each state dict first (the cause), then the parameters."""
    got = expect_tuple(got, len(names), call)
    for i in order:
        expect_dict_close(got[i], expected[i], names[i], item(outputs, i))


def _optimizer_problem(rng, dims=None):
    dims = dims or random_dims(rng)
    parameters = _params(rng, dims)
    return parameters, random_state(rng, parameters)


def _check_momentum(student, parameters, grads, v, beta, lr, mistakes):
    args = (parameters, grads, v, beta, lr)
    _check_update(student.update_parameters_with_momentum(*args), reference_output(ref.update_parameters_with_momentum, *args),
                  mistakes(*args), ("parameters", "v"), (1, 0),
                  "update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)")


@graded("update_parameters_with_momentum", points=1, visible=True)
def test_momentum_step_on_small_example(student, mistakes):
    """update_parameters_with_momentum: one step from a non-zero v, β = 0.9, α = 0.01"""
    rng = np.random.default_rng(77)
    parameters, grads = _optimizer_problem(rng, [3, 2, 1])
    _check_momentum(student, parameters, grads, random_state(rng, parameters), 0.9, 0.01, mistakes)


@graded("update_parameters_with_momentum", points=2)
def test_momentum_step_on_random_network(student, rng, mistakes):
    """update_parameters_with_momentum: random network, gradients, v, β and α"""
    parameters, grads = _optimizer_problem(rng)
    _check_momentum(student, parameters, grads, random_state(rng, parameters), float(rng.uniform(0.8, 0.98)),
                    float(rng.uniform(0.005, 0.1)), mistakes)


def _quadratic_spec(rng, parameters):
    """A random quadratic loss for `callables.quadratic_grad`: curvatures a in [0.5, 2], minimum c."""
    return {"a": {k: rng.uniform(0.5, 2.0, p.shape) for k, p in parameters.items()},
            "c": {k: rng.standard_normal(p.shape) for k, p in parameters.items()}}


def _check_nesterov(student, parameters, spec, v, beta, lr, mistakes):
    got = student.update_parameters_with_nesterov(parameters, Function("quadratic_grad", spec), v, beta, lr)
    args = (parameters, quadratic_grad(spec), v, beta, lr)
    _check_update(got, reference_output(ref.update_parameters_with_nesterov, *args), mistakes(*args),
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
    _check_update(student.update_parameters_with_adagrad(*args), reference_output(ref.update_parameters_with_adagrad, *args),
                  mistakes(*args), ("parameters", "s"), (1, 0),
                  "update_parameters_with_adagrad(parameters, grads, s, learning_rate, epsilon)")


@graded("update_parameters_with_adagrad", points=1, visible=True)
def test_adagrad_step_on_small_example(student, mistakes):
    """update_parameters_with_adagrad: one step from a non-zero s, α = 0.01, ε = 1e-8"""
    rng = np.random.default_rng(79)
    parameters, grads = _optimizer_problem(rng, [3, 2, 1])
    _check_adagrad(student, (parameters, grads, random_state(rng, parameters, positive=True), 0.01), mistakes)


@graded("update_parameters_with_adagrad", points=2)
def test_adagrad_step_with_small_gradients_and_large_epsilon(student, rng, mistakes):
    """update_parameters_with_adagrad: random network, s, α and an ε comparable to the gradients"""
    parameters, _ = _optimizer_problem(rng)
    grads = random_state(rng, parameters, scale=0.05)
    s = random_state(rng, parameters, positive=True, scale=0.05)
    _check_adagrad(student, (parameters, grads, s, float(rng.uniform(0.005, 0.1)), float(rng.uniform(1e-3, 1e-2))),
                   mistakes)


def _check_rmsprop(student, args, mistakes):
    _check_update(student.update_parameters_with_rmsprop(*args), reference_output(ref.update_parameters_with_rmsprop, *args),
                  mistakes(*args), ("parameters", "s"), (1, 0),
                  "update_parameters_with_rmsprop(parameters, grads, s, beta, learning_rate, epsilon)")


@graded("update_parameters_with_rmsprop", points=1, visible=True)
def test_rmsprop_step_on_small_example(student, mistakes):
    """update_parameters_with_rmsprop: one step from a non-zero s, β = 0.9, α = 0.01, ε = 1e-8"""
    rng = np.random.default_rng(80)
    parameters, grads = _optimizer_problem(rng, [3, 2, 1])
    _check_rmsprop(student, (parameters, grads, random_state(rng, parameters, positive=True), 0.9, 0.01), mistakes)


@graded("update_parameters_with_rmsprop", points=2)
def test_rmsprop_step_with_small_gradients_and_large_epsilon(student, rng, mistakes):
    """update_parameters_with_rmsprop: random network, s, β, α and an ε comparable to the gradients"""
    parameters, _ = _optimizer_problem(rng)
    grads = random_state(rng, parameters, scale=0.05)
    s = random_state(rng, parameters, positive=True, scale=0.05)
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
    _check_state_init(student, "initialize_adam", _params(rng, random_dims(rng)), mistakes, index=True)


def _check_adam(student, args, mistakes):
    _check_update(student.update_parameters_with_adam(*args), reference_output(ref.update_parameters_with_adam, *args),
                  mistakes(*args), ("parameters", "v", "s"), (1, 2, 0),
                  "update_parameters_with_adam(parameters, grads, v, s, t, ...)")


@graded("update_parameters_with_adam", points=1, visible=True)
def test_adam_step_on_small_example(student, mistakes):
    """update_parameters_with_adam: step t = 2 from non-zero v and s, default hyperparameters"""
    rng = np.random.default_rng(82)
    parameters, grads = _optimizer_problem(rng, [3, 2, 1])
    v, s = random_state(rng, parameters, scale=0.1), random_state(rng, parameters, positive=True, scale=0.01)
    _check_adam(student, (parameters, grads, v, s, 2), mistakes)


@graded("update_parameters_with_adam", points=2)
def test_adam_step_on_random_network(student, rng, mistakes):
    """update_parameters_with_adam: random network, state, t, α, β1 and β2"""
    parameters, grads = _optimizer_problem(rng)
    v, s = random_state(rng, parameters, scale=0.1), random_state(rng, parameters, positive=True, scale=0.01)
    args = (parameters, grads, v, s, int(rng.integers(1, 20)), float(rng.uniform(0.001, 0.05)),
            float(rng.uniform(0.8, 0.95)), float(rng.uniform(0.99, 0.9999)))
    _check_adam(student, args, mistakes)


@graded("update_parameters_with_adam", points=1)
def test_adam_first_step_with_large_epsilon(student, rng, mistakes):
    """update_parameters_with_adam: the first step (t = 1) from zero state, small gradients, ε = 1e-3"""
    parameters, _ = _optimizer_problem(rng)
    grads = random_state(rng, parameters, scale=0.01)
    v, s = ref.initialize_adam(parameters)
    _check_adam(student, (parameters, grads, v, s, 1, 0.01, 0.9, 0.999, 1e-3), mistakes)


# =============================================================================================
# 7.2.7 learning-rate decay
# =============================================================================================

def _check_lr(student, function, cases, mistakes):
    for args in cases:
        got = getattr(student, function)(*args)
        expect_close(got, getattr(ref, function)(*args), f"{function}{args}",
                     mistakes=mistakes(*args))


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
