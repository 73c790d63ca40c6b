"""Chapter 5 graders: a shallow network (5.7), the book's API.

Tolerances are float32-safe (rtol 1e-4): a correct float32, loop or einsum implementation, in-place
updates and extra dict keys keep full marks; every catalogued mistake is far outside them.
"""

import numpy as np

from autograder.compare import (expect_close, expect_dict, expect_number, expect_parts, expect_shape, expect_tuple,
                                fail, quietly)
from autograder.composite import own_or_reference
from autograder.diagnosis import name_mistake, numeric, parts_of
from autograder.gradcheck import (centred_differences, expect_gradient, gradient_settings, is_float32,
                                  perturbations)
from autograder.grading import graded
from autograder.mistakes.ch05 import catalogue  # noqa: F401  (the chapter's mistake catalogue)
from solutions import ch05 as ref

RTOL, ATOL = 1e-4, 1e-6
PARAMS = ("W1", "b1", "W2", "b2")
GRADS = ("dW2", "db2", "dW1", "db1")  # in the order back propagation computes them
CACHE = ("Z1", "A1", "Z2", "A2")


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def _named(keys, prefix):
    return {k: f"{prefix}['{k}']" for k in keys}


def _network(rng, n_x=None, n_h=None, m=None):
    """A random problem: X (n_x, m), Y (1, m) with both labels, parameters of moderate size."""
    n_x = n_x or int(rng.integers(2, 5))
    n_h = n_h or int(rng.integers(2, 5))
    m = m or int(rng.integers(5, 25))
    X = rng.normal(0, 1, (n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    Y[0, :2] = [0.0, 1.0]
    parameters = {"W1": rng.normal(0, 0.7, (n_h, n_x)), "b1": rng.normal(0, 0.3, (n_h, 1)),
                  "W2": rng.normal(0, 0.7, (1, n_h)), "b2": rng.normal(0, 0.3, (1, 1))}
    return X, Y, parameters


VISIBLE_X = np.array([[1.0, -0.5, 2.0, 0.3], [0.5, 1.5, -1.0, -0.7]])
VISIBLE_Y = np.array([[1.0, 0.0, 1.0, 0.0]])
VISIBLE_PARAMETERS = {"W1": np.array([[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]),
                      "b1": np.array([[0.1], [-0.2], [0.05]]),
                      "W2": np.array([[0.7, -0.4, 0.3]]), "b2": np.array([[0.1]])}


# ---------------------------------------------------------------------------------------------
# 5.7.2 initialize_parameters
# ---------------------------------------------------------------------------------------------

def _check_initialize_parameters(student, mistakes, n_x, n_h, n_y, keys=PARAMS):
    got = expect_dict(student.initialize_parameters(n_x, n_h, n_y), PARAMS,
                      f"initialize_parameters({n_x}, {n_h}, {n_y})")
    expected = ref.initialize_parameters(n_x, n_h, n_y)
    expect_parts({k: got[k] for k in keys}, {k: expected[k] for k in keys}, mistakes(n_x, n_h, n_y),
                 lambda out: {k: out[k] for k in keys}, _named(keys, "parameters"))


@graded("initialize_parameters", points=1, visible=True)
def test_initialize_parameters_book_values(student, mistakes):
    """initialize_parameters: the book's values (np.random.seed(0), randn, zero biases) for n_x=2, n_h=4, n_y=1"""
    _check_initialize_parameters(student, mistakes, 2, 4, 1)


@graded("initialize_parameters", points=1)
def test_initialize_parameters_shapes_and_zero_biases(student, rng, mistakes):
    """initialize_parameters: shapes for random layer sizes, zero biases, weights not all zero"""
    n_x, n_h, n_y = int(rng.integers(2, 7)), int(rng.integers(2, 7)), int(rng.integers(1, 4))
    got = expect_dict(student.initialize_parameters(n_x, n_h, n_y), PARAMS,
                      f"initialize_parameters({n_x}, {n_h}, {n_y})")
    expected = ref.initialize_parameters(n_x, n_h, n_y)
    outputs = parts_of(mistakes(n_x, n_h, n_y), lambda out: {k: out[k] for k in PARAMS})
    for k in PARAMS:
        named = parts_of(outputs, lambda parts, k=k: parts[k])
        expect_shape(got[k], expected[k], f"parameters['{k}']", name_mistake(got[k], expected[k], named))
        if k[0] == "b":
            expect_close(got[k], expected[k], f"parameters['{k}']", mistakes=named)
    for k in ("W1", "W2"):
        if not np.any(numeric(got[k])):
            fail("ch05.weights_all_zero", key=k)


@graded("initialize_parameters", points=1)
def test_initialize_parameters_book_values_random_sizes(student, rng, mistakes):
    """initialize_parameters: the book's values (seed 0, W1 drawn before W2) for random layer sizes"""
    _check_initialize_parameters(student, mistakes, int(rng.integers(2, 7)), int(rng.integers(2, 7)),
                                 int(rng.integers(1, 4)))


# ---------------------------------------------------------------------------------------------
# 5.7.3 forward_propagation
# ---------------------------------------------------------------------------------------------

def _student_forward(student, X, parameters):
    return _forward_answer(student.forward_propagation(X, parameters))


def _forward_answer(out):
    """(A2, cache) of what the student's forward_propagation returned, checked for its form."""
    A2, cache = expect_tuple(out, 2, "forward_propagation(X, parameters)")
    cache = expect_dict(cache, CACHE, "cache")
    return A2, cache


def _forward_parts(out):
    """The cache in the order it is computed, then the returned A2."""
    return {**{k: out[1][k] for k in CACHE}, "A2 returned": out[0]}


def _check_forward(student, mistakes, X, parameters):
    A2, cache = _student_forward(student, X, parameters)
    expect_parts(_forward_parts((A2, cache)), _forward_parts(ref.forward_propagation(X, parameters)),
                 mistakes(X, parameters), _forward_parts, {**_named(CACHE, "cache"), "A2 returned": "A2"})


@graded("forward_propagation", points=1, visible=True)
def test_forward_propagation_on_small_example(student, mistakes):
    """forward_propagation: A2 and the cache Z1, A1, Z2, A2 on a small fixed network"""
    _check_forward(student, mistakes, VISIBLE_X, VISIBLE_PARAMETERS)


@graded("forward_propagation", points=2)
def test_forward_propagation_on_random_network(student, rng, mistakes):
    """forward_propagation: A2 and the cache on a random network and batch"""
    X, _, parameters = _network(rng)
    _check_forward(student, mistakes, X, parameters)


# ---------------------------------------------------------------------------------------------
# 5.7.4 compute_loss
# ---------------------------------------------------------------------------------------------

def _check_loss(student, mistakes, A2, Y):
    expect_parts({"cost": student.compute_loss(A2, Y)}, {"cost": ref.compute_loss(A2, Y)}, mistakes(A2, Y),
                 lambda out: {"cost": out}, {"cost": "compute_loss(A2, Y)"})


@graded("compute_loss", points=1, visible=True)
def test_compute_loss_on_small_example(student, mistakes):
    """compute_loss: the cross-entropy cost of a small fixed batch"""
    _check_loss(student, mistakes, np.array([[0.6, 0.2, 0.9, 0.35]]), VISIBLE_Y)


@graded("compute_loss", points=2)
def test_compute_loss_on_random_batch(student, rng, mistakes):
    """compute_loss: the cost of a random batch"""
    m = int(rng.integers(5, 40))
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    Y[0, :2] = [0.0, 1.0]
    _check_loss(student, mistakes, rng.uniform(0.05, 0.95, (1, m)), Y)


# ---------------------------------------------------------------------------------------------
# 5.7.5 back_propagation
# ---------------------------------------------------------------------------------------------

def _check_backward(student, mistakes, X, Y, parameters):
    _, cache = ref.forward_propagation(X, parameters)
    got = expect_dict(student.back_propagation(X, Y, parameters, cache), GRADS,
                      "back_propagation(X, Y, parameters, cache)")
    expected = ref.back_propagation(X, Y, parameters, cache)
    expect_parts({k: got[k] for k in GRADS}, {k: expected[k] for k in GRADS}, mistakes(X, Y, parameters, cache),
                 lambda out: {k: out[k] for k in GRADS}, _named(GRADS, "grads"))


@graded("back_propagation", points=1, visible=True)
def test_back_propagation_on_small_example(student, mistakes):
    """back_propagation: dW1, db1, dW2, db2 on a small fixed network"""
    _check_backward(student, mistakes, VISIBLE_X, VISIBLE_Y, VISIBLE_PARAMETERS)


@graded("back_propagation", points=2)
def test_back_propagation_on_random_network(student, rng, mistakes):
    """back_propagation: the gradients on a random network and batch"""
    _check_backward(student, mistakes, *_network(rng))


@graded("back_propagation", points=2)
def test_back_propagation_agrees_with_numerical_gradient(student, rng):
    """back_propagation: gradients agree with centred differences of the cost (forward_propagation + compute_loss)"""
    X, Y, parameters = _network(rng, n_x=int(rng.integers(2, 4)), n_h=int(rng.integers(2, 4)),
                                m=int(rng.integers(5, 12)))
    # the student's own forward_propagation and compute_loss where they are right, so that a
    # mistake there is not charged to back_propagation; otherwise the reference's
    forward = own_or_reference(lambda *a: _student_forward(student, *a), ref.forward_propagation, X, parameters,
                               pick=lambda out: {k: out[1][k] for k in CACHE})
    A2, cache = forward(X, parameters)
    loss = own_or_reference(student.compute_loss, ref.compute_loss, A2, Y)
    cost = loss(A2, Y)
    grads = expect_dict(student.back_propagation(X, Y, parameters, cache), GRADS,
                        "back_propagation(X, Y, parameters, cache)")
    float32 = is_float32(A2, cost, *grads.values())
    h, tol = gradient_settings(float32)

    def costs(parameter_sets: list[dict]) -> list[float]:
        """compute_loss(forward_propagation(X, p)[0], Y) for each p: the student's functions are
        called in one round trip each for all the points (`call_each`)."""
        if forward is ref.forward_propagation:
            A2s = [ref.forward_propagation(X, p)[0] for p in parameter_sets]
        else:
            A2s = [_forward_answer(out)[0]
                   for out in student.call_each("forward_propagation", [(X, p) for p in parameter_sets])]
        if loss is ref.compute_loss:
            values = [ref.compute_loss(a, Y) for a in A2s]
        else:
            values = student.call_each("compute_loss", [(a, Y) for a in A2s])
        return [expect_number(v, "compute_loss(A2, Y)") for v in values]

    keys = ("W2", "b2", "W1", "b1")
    points = {key: perturbations(parameters[key], h) for key in keys}
    all_costs = iter(costs([dict(parameters, **{key: v}) for key in keys for v in points[key]]))
    for key in keys:
        numeric = centred_differences([next(all_costs) for _ in points[key]], parameters[key], h)
        expect_shape(grads["d" + key], parameters[key], f"grads['d{key}']")
        expect_gradient(grads["d" + key], numeric, f"grads['d{key}']", tol=tol, float32=float32)


# ---------------------------------------------------------------------------------------------
# 5.7.6 update_parameters
# ---------------------------------------------------------------------------------------------

def _check_update(student, mistakes, parameters, grads, *args):
    call = "update_parameters(parameters, grads" + "".join(f", {a!r}" for a in args) + ")"
    got = expect_dict(student.update_parameters(parameters, grads, *args), PARAMS, call)
    expected = ref.update_parameters(parameters, grads, *args)
    expect_parts({k: got[k] for k in PARAMS}, {k: expected[k] for k in PARAMS}, mistakes(parameters, grads, *args),
                 lambda out: {k: out[k] for k in PARAMS}, _named(PARAMS, "parameters"))


def _random_grads(rng, parameters):
    return {"d" + k: rng.normal(0, 0.5, v.shape) for k, v in parameters.items()}


@graded("update_parameters", points=1, visible=True)
def test_update_parameters_on_small_example(student, mistakes):
    """update_parameters: one step at learning rate 0.5 on a small fixed network"""
    grads = {"dW1": np.array([[0.1, -0.2], [0.3, 0.05], [-0.1, 0.2]]), "db1": np.array([[0.02], [-0.04], [0.01]]),
             "dW2": np.array([[0.2, -0.1, 0.4]]), "db2": np.array([[-0.3]])}
    _check_update(student, mistakes, VISIBLE_PARAMETERS, grads, 0.5)


@graded("update_parameters", points=1)
def test_update_parameters_random_learning_rate(student, rng, mistakes):
    """update_parameters: one step on a random network at a random learning rate"""
    _, _, parameters = _network(rng)
    _check_update(student, mistakes, parameters, _random_grads(rng, parameters), float(rng.uniform(0.01, 0.9)))


@graded("update_parameters", points=1)
def test_update_parameters_default_learning_rate(student, rng, mistakes):
    """update_parameters: the default learning_rate=0.1"""
    _, _, parameters = _network(rng)
    _check_update(student, mistakes, parameters, _random_grads(rng, parameters))


# ---------------------------------------------------------------------------------------------
# 5.7.7 nn_model
# ---------------------------------------------------------------------------------------------

NN_MODEL_HELPERS = ("initialize_parameters", "forward_propagation", "compute_loss", "back_propagation",
                    "update_parameters")   # nn_model is the loop of 5.7.7 over these


def _check_nn_model(student, mistakes, X, Y, n_h, num_iterations, learning_rate):
    args = (X, Y, n_h, num_iterations, learning_rate)
    call = f"nn_model(X, Y, {n_h}, {num_iterations}, {learning_rate!r})"
    got = expect_dict(student.nn_model(*args), PARAMS, call)
    expected = quietly(ref.nn_model, *args)
    expect_parts({k: got[k] for k in PARAMS}, {k: expected[k] for k in PARAMS}, mistakes(*args),
                 lambda out: {k: out[k] for k in PARAMS}, _named(PARAMS, "parameters"))


@graded("nn_model", points=1, visible=True, helpers=NN_MODEL_HELPERS)
def test_nn_model_small_example(student, mistakes):
    """nn_model: the parameters after 20 iterations at learning rate 0.5 (n_h = 3, the book's initialisation)"""
    _check_nn_model(student, mistakes, VISIBLE_X, VISIBLE_Y, 3, 20, 0.5)


@graded("nn_model", points=2, helpers=NN_MODEL_HELPERS)
def test_nn_model_random_problem(student, rng, mistakes):
    """nn_model: the parameters on a random problem, hidden size, iterations and learning rate"""
    X, Y, _ = _network(rng)
    _check_nn_model(student, mistakes, X, Y, int(rng.integers(2, 5)), int(rng.integers(10, 40)),
                    float(rng.uniform(0.1, 0.6)))


@graded("nn_model", points=1, helpers=NN_MODEL_HELPERS)
def test_nn_model_reduces_the_cost(student, rng):
    """nn_model: returns parameters of the right shapes whose cost is lower than at initialisation"""
    X, Y, _ = _network(rng, m=int(rng.integers(20, 40)))
    n_h = int(rng.integers(2, 5))
    got = expect_dict(student.nn_model(X, Y, n_h, 50, 0.5), PARAMS, f"nn_model(X, Y, {n_h}, 50, 0.5)")
    start = ref.initialize_parameters(X.shape[0], n_h, 1)
    for k in PARAMS:
        expect_shape(got[k], start[k], f"parameters['{k}']")
        expect_close(got[k], got[k], f"parameters['{k}']")  # a numeric array
    trained = {k: numeric(got[k]) for k in PARAMS}
    before = ref.compute_loss(ref.forward_propagation(X, start)[0], Y)
    with np.errstate(all="ignore"):
        after = ref.compute_loss(ref.forward_propagation(X, trained)[0], Y)
    if not np.isfinite(after) or after >= before:
        fail("ch05.cost_not_reduced", before=float(before), after=float(after))


# ---------------------------------------------------------------------------------------------
# 5.7.9 predict
# ---------------------------------------------------------------------------------------------

PREDICT_HELPERS = ("forward_propagation",)


def _check_predict(student, mistakes, X, parameters):
    expect_parts({"Y_pred": student.predict(X, parameters)}, {"Y_pred": ref.predict(X, parameters)},
                 mistakes(X, parameters), lambda out: {"Y_pred": out}, {"Y_pred": "Y_pred"}, labels=True)


@graded("predict", points=1, visible=True, helpers=PREDICT_HELPERS)
def test_predict_on_small_example(student, mistakes):
    """predict: labels on a small fixed network"""
    _check_predict(student, mistakes, VISIBLE_X, VISIBLE_PARAMETERS)


@graded("predict", points=1, helpers=PREDICT_HELPERS)
def test_predict_on_random_network(student, rng, mistakes):
    """predict: labels on a random network and batch"""
    X, _, parameters = _network(rng, m=int(rng.integers(10, 30)))

    def near_half(X):  # examples so close to 0.5 that float32 rounding could decide them
        return np.abs(ref.forward_propagation(X, parameters)[1]["Z2"][0]) < 1e-3

    near = near_half(X)
    while near.any():
        X[:, near] = rng.normal(0, 1, (X.shape[0], int(near.sum())))
        near = near_half(X)
    _check_predict(student, mistakes, X, parameters)


@graded("predict", points=1, helpers=PREDICT_HELPERS)
def test_predict_threshold_is_strict(student, rng, mistakes):
    """predict: an example with A2 exactly 0.5 is labelled 0 (zero biases and an all-zero input column)"""
    X, _, parameters = _network(rng, m=int(rng.integers(6, 15)))
    parameters["b1"] = np.zeros_like(parameters["b1"])
    parameters["b2"] = np.zeros_like(parameters["b2"])
    zero = int(rng.integers(0, X.shape[1]))

    def near_half(X):  # other examples so close to 0.5 that float32 rounding could decide them
        z = np.abs(ref.forward_propagation(X, parameters)[1]["Z2"][0])
        return (z < 1e-3) & (np.arange(X.shape[1]) != zero)

    near = near_half(X)
    while near.any():
        X[:, near] = rng.normal(0, 1, (X.shape[0], int(near.sum())))
        near = near_half(X)
    X[:, zero] = 0.0  # Z1 = 0, A1 = tanh(0) = 0, Z2 = 0, A2 = 0.5 exactly
    _check_predict(student, mistakes, X, parameters)
