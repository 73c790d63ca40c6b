"""Chapter 9 graders: recurrent networks.

NumPy part (9.2-9.6): each function is compared part by part with the reference (`expect_parts`,
the catalogue naming the mistake), on a fixed small problem (visible) and on random sizes and values
(hidden; n_x, n_a, n_y, m and T_x are drawn distinct, so that a swapped axis or a transpose shows);
the backward passes are also checked against centred differences of a scalar loss through the
reference's forward pass (through the whole sequence for rnn_backward).

PyTorch (9.8) and Keras (9.9) parts: models cannot cross the channel, so trusted probes
(`autograder.worker.probes_ch09`) run beside the student's objects and answer plain data.  A model is
graded by its layers and parameter count, and by its output once the test's weights are loaded into
it, against an LSTM computed here in NumPy (float64); `train_model`, `evaluate` and `train_lstm_tf` run
on small trusted models, against the reference run here on an identical model (the Keras run after
the same `set_random_seed`, so that fit shuffles the same way; an unshuffled fit is accepted too).
TensorFlow is needed in this process only by the train_lstm_tf tests and to name a Keras mistake, and
torch._dynamo by the first optimizer of a reference training: both are imported in the background
while the worker loads the submission (`WARM_UP`), not when this module is imported.  The
reference's training runs here while the worker trains the student's model (`probe_answer_beside`).
The catalogued mistakes run here through the same probes (`probe_variants`), only when a comparison
fails.
"""
from __future__ import annotations

import numpy as np

from autograder.compare import (Mismatch, expect_close, expect_dict, expect_parts, expect_tuple, expect_type, fail,
                                scaled_atol)
from autograder.diagnosis import parts_of
from autograder.gradcheck import expect_gradient, gradient_settings, numerical_gradient
from autograder.grading import graded
from autograder.mistakes.ch09 import catalogue, reference_keras_training, reference_training
from autograder.probe_results import probe_answer, probe_answer_beside, probe_variants
from autograder.worker import frameworks, probes_ch09  # registers the chapter's probes
from solutions import ch09 as ref

frameworks.install()  # tensors in probe answers decode as protocol.Tensor (idempotent)

WARM_UP = ("tensorflow", "torch._dynamo")   # see the module docstring; the first optimizer imports _dynamo

RNN_PARAMETERS = ("Wax", "Waa", "Wya", "ba", "by")
LSTM_PARAMETERS = ("Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo", "Wy", "by")
RNN_CELL_GRADIENTS = ("dxt", "da_prev", "dWax", "dWaa", "dba")
RNN_GRADIENTS = ("dx", "da0", "dWax", "dWaa", "dba")
LSTM_CELL_GRADIENTS = ("dxt", "da_prev", "dc_prev", "dWf", "dbf", "dWi", "dbi", "dWc", "dbc", "dWo", "dbo")


# ---------------------------------------------------------------------------------------------
# problems
# ---------------------------------------------------------------------------------------------

def _sizes(rng, k: int, low: int = 2, high: int = 8) -> list[int]:
    """k distinct sizes (n_x, n_a, n_y, m, T_x ...): a swapped axis cannot go unnoticed."""
    return [int(v) for v in rng.choice(np.arange(low, high + 1), size=k, replace=False)]


def _rnn_parameters(rng, n_x, n_a, n_y):
    return {"Wax": rng.normal(0, 0.7, (n_a, n_x)), "Waa": rng.normal(0, 0.7, (n_a, n_a)),
            "Wya": rng.normal(0, 0.7, (n_y, n_a)), "ba": rng.normal(0, 0.4, (n_a, 1)),
            "by": rng.normal(0, 0.4, (n_y, 1))}


def _lstm_parameters(rng, n_x, n_a, n_y):
    p = {}
    for gate in "fico":
        p["W" + gate] = rng.normal(0, 0.6, (n_a, n_a + n_x))
        p["b" + gate] = rng.normal(0, 0.4, (n_a, 1))
    p["Wy"], p["by"] = rng.normal(0, 0.7, (n_y, n_a)), rng.normal(0, 0.4, (n_y, 1))
    return p


def _gru_parameters(rng, n_x, n_c):
    return {k: rng.normal(0, 0.7, (n_c, n_c + n_x)) if k[0] == "W" else rng.normal(0, 0.4, (n_c, 1))
            for k in ("Wu", "bu", "Wr", "br", "Wc", "bc")}


def _fixed(values: np.ndarray) -> np.ndarray:
    """Visible inputs: two decimals, easy to read in a message."""
    return np.round(values, 2)


VISIBLE = np.random.default_rng(909)
V_NX, V_NA, V_NY, V_M, V_T = 3, 5, 2, 4, 6
V_RNN = {k: _fixed(v) for k, v in _rnn_parameters(VISIBLE, V_NX, V_NA, V_NY).items()}
V_LSTM = {k: _fixed(v) for k, v in _lstm_parameters(VISIBLE, V_NX, V_NA, V_NY).items()}
V_GRU = {k: _fixed(v) for k, v in _gru_parameters(VISIBLE, V_NX, V_NA).items()}
V_XT, V_A_PREV, V_C_PREV = (_fixed(VISIBLE.normal(0, 1, shape)) for shape in ((V_NX, V_M), (V_NA, V_M), (V_NA, V_M)))
V_X = _fixed(VISIBLE.normal(0, 1, (V_NX, V_M, V_T)))
V_DA_NEXT, V_DC_NEXT = (_fixed(VISIBLE.normal(0, 1, (V_NA, V_M))) for _ in range(2))
V_DA = _fixed(VISIBLE.normal(0, 1, (V_NA, V_M, V_T)))


def _named(keys, what):
    return {k: f"{what}['{k}']" for k in keys}


def _gradient_atol(expected: dict) -> float:
    """Float32 code is about 1e-7 of the largest gradient entry off; sums over time a little more."""
    return max(scaled_atol(v, 1e-5) for v in expected.values())


def _steps(steps, T_x: int, length: int, what: str) -> list:
    """The per-step caches of rnn_forward / lstm_forward: a list of T_x tuples of at least `length` items."""
    expect_type(steps, (list, tuple), what, f"list of {T_x} caches")
    if len(steps) != T_x:
        raise Mismatch("wrong_length", what=what, got=len(steps), expected=T_x)
    for t, cache in enumerate(steps):
        expect_type(cache, (list, tuple), f"{what}[{t}]", f"tuple of {length}")
        if len(cache) < length:
            raise Mismatch("wrong_length", what=f"{what}[{t}]", got=len(cache), expected=length)
    return list(steps)


def _stacked(steps, k: int) -> np.ndarray:
    """Item k of every step's cache, stacked along a last (time) axis."""
    return np.stack([np.asarray(cache[k], dtype=np.float64) for cache in steps], axis=-1)


# ---------------------------------------------------------------------------------------------
# softmax
# ---------------------------------------------------------------------------------------------

def _check_softmax(student, mistakes, x):
    expect_parts({"s": student.softmax(x)}, {"s": ref.softmax(x)}, mistakes(x), lambda out: {"s": out},
                 {"s": "softmax(x)"})


@graded("softmax", points=1, visible=True)
def test_softmax_on_small_example(student, mistakes):
    """softmax: column by column on a (3, 4) matrix whose entries are near 1000"""
    _check_softmax(student, mistakes, np.array([[1001.0, 1002.0, 999.0, 1000.0], [1002.0, 1000.5, 1000.0, 1001.0],
                                                [1000.5, 999.0, 1003.0, 1002.0]]))


@graded("softmax", points=1)
def test_softmax_on_random_matrix(student, rng, mistakes):
    """softmax: a random (n_y, m) matrix"""
    n_y, m = _sizes(rng, 2, 3, 9)
    _check_softmax(student, mistakes, rng.normal(0, 3, (n_y, m)))


@graded("softmax", points=1)
def test_softmax_is_stable_for_large_inputs(student, rng, mistakes):
    """softmax: a random (n_y, m) matrix whose entries are all near 1000 (or -1000): no overflow"""
    n_y, m = _sizes(rng, 2, 3, 9)
    _check_softmax(student, mistakes, rng.normal(0, 3, (n_y, m)) + rng.choice([-1000.0, 1000.0]))


# ---------------------------------------------------------------------------------------------
# 9.2 rnn_cell_forward, rnn_forward
# ---------------------------------------------------------------------------------------------

def _rnn_cell_parts(out):
    a_next, yt_pred, cache = out
    return {"a_next": a_next, "yt_pred": yt_pred, "cache[0]": cache[0], "cache[1]": cache[1], "cache[2]": cache[2]}


RNN_CELL_WHAT = {"a_next": "a_next", "yt_pred": "yt_pred", "cache[0]": "cache[0] (a_next)",
                 "cache[1]": "cache[1] (a_prev)", "cache[2]": "cache[2] (xt)"}


def _check_rnn_cell_forward(student, mistakes, xt, a_prev, parameters):
    out = expect_tuple(student.rnn_cell_forward(xt, a_prev, parameters), 3, "rnn_cell_forward(xt, a_prev, parameters)")
    cache = expect_tuple(out[2], 4, "cache")
    expect_parts(_rnn_cell_parts(out), _rnn_cell_parts(ref.rnn_cell_forward(xt, a_prev, parameters)),
                 mistakes(xt, a_prev, parameters), _rnn_cell_parts, RNN_CELL_WHAT)
    expect_dict(cache[3], RNN_PARAMETERS, "cache[3] (parameters)")


@graded("rnn_cell_forward", points=1, visible=True, helpers=("softmax",))
def test_rnn_cell_forward_on_small_example(student, mistakes):
    """rnn_cell_forward: a_next, yt_pred and the cache for n_x=3, n_a=5, n_y=2, m=4"""
    _check_rnn_cell_forward(student, mistakes, V_XT, V_A_PREV, V_RNN)


@graded("rnn_cell_forward", points=2, helpers=("softmax",))
def test_rnn_cell_forward_on_random_sizes(student, rng, mistakes):
    """rnn_cell_forward: a_next, yt_pred and the cache for random sizes and values"""
    n_x, n_a, n_y, m = _sizes(rng, 4)
    _check_rnn_cell_forward(student, mistakes, rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_a, m)),
                            _rnn_parameters(rng, n_x, n_a, n_y))


def _sequence_outputs(out):
    return {"a": out[0], "y_pred": out[1]}


def _rnn_cache_parts(out):
    steps, x = out[2]
    return {"x": x, "a_next": _stacked(steps, 0), "a_prev": _stacked(steps, 1), "xt": _stacked(steps, 2)}


def _check_rnn_forward(student, mistakes, x, a0, parameters):
    T_x = x.shape[2]
    out = expect_tuple(student.rnn_forward(x, a0, parameters), 3, "rnn_forward(x, a0, parameters)")
    expected = ref.rnn_forward(x, a0, parameters)
    outputs = mistakes(x, a0, parameters)
    expect_parts(_sequence_outputs(out), _sequence_outputs(expected), outputs, _sequence_outputs,
                 {"a": "a", "y_pred": "y_pred"})
    steps, _ = expect_tuple(out[2], 2, "caches")
    steps = _steps(steps, T_x, 4, "caches[0]")
    what = {"x": "caches[1] (x)", "a_next": "caches[0][t][0] (a_next)", "a_prev": "caches[0][t][1] (a_prev)",
            "xt": "caches[0][t][2] (xt)"}
    expect_parts(_rnn_cache_parts((None, None, (steps, out[2][1]))), _rnn_cache_parts(expected), outputs,
                 _rnn_cache_parts, what)


@graded("rnn_forward", points=1, visible=True, helpers=("rnn_cell_forward",))
def test_rnn_forward_on_small_example(student, mistakes):
    """rnn_forward: a, y_pred and the caches for n_x=3, n_a=5, n_y=2, m=4, T_x=6"""
    _check_rnn_forward(student, mistakes, V_X, V_A_PREV, V_RNN)


@graded("rnn_forward", points=2, helpers=("rnn_cell_forward",))
def test_rnn_forward_on_random_sequence(student, rng, mistakes):
    """rnn_forward: a, y_pred and the caches for random sizes, sequence length and values"""
    n_x, n_a, n_y, m, T_x = _sizes(rng, 5)
    _check_rnn_forward(student, mistakes, rng.normal(0, 1, (n_x, m, T_x)), rng.normal(0, 1, (n_a, m)),
                       _rnn_parameters(rng, n_x, n_a, n_y))


# ---------------------------------------------------------------------------------------------
# 9.3 rnn_cell_backward, rnn_backward
# ---------------------------------------------------------------------------------------------

def _check_gradients(got, expected, keys, outputs, what="gradients"):
    got = expect_dict(got, keys, what, outputs)
    expect_parts({k: got[k] for k in keys}, {k: expected[k] for k in keys}, outputs,
                 lambda out: {k: out[k] for k in keys}, _named(keys, what), atol=_gradient_atol(expected))


def _check_rnn_cell_backward(student, mistakes, da_next, xt, a_prev, parameters):
    _, _, cache = ref.rnn_cell_forward(xt, a_prev, parameters)
    _check_gradients(student.rnn_cell_backward(da_next, cache), ref.rnn_cell_backward(da_next, cache),
                     RNN_CELL_GRADIENTS, mistakes(da_next, cache))


@graded("rnn_cell_backward", points=1, visible=True)
def test_rnn_cell_backward_on_small_example(student, mistakes):
    """rnn_cell_backward: dxt, da_prev, dWax, dWaa, dba for n_x=3, n_a=5, m=4"""
    _check_rnn_cell_backward(student, mistakes, V_DA_NEXT, V_XT, V_A_PREV, V_RNN)


@graded("rnn_cell_backward", points=2)
def test_rnn_cell_backward_on_random_sizes(student, rng, mistakes):
    """rnn_cell_backward: the five gradients for random sizes and values"""
    n_x, n_a, n_y, m = _sizes(rng, 4)
    _check_rnn_cell_backward(student, mistakes, rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_x, m)),
                             rng.normal(0, 1, (n_a, m)), _rnn_parameters(rng, n_x, n_a, n_y))


def _expect_numerical(got: dict, loss, inputs: dict, what: str = "gradients") -> None:
    """Each gradient `got['d' + name]` against centred differences of `loss(name, value)` (the reference's
    forward pass in float64).  The error is measured against the gradient's largest entry (as for
    float32 code), within 1e-4: code that rounds to float32 on the way passes, a wrong formula is off
    by far more (and the comparisons with the reference check every entry to 1e-4)."""
    h, _ = gradient_settings(False)
    for name, value in inputs.items():
        numeric = numerical_gradient(lambda v, name=name: loss(name, v), value, h=h)
        expect_gradient(got["d" + name], numeric, f"{what}['d{name}']", tol=1e-4, float32=True)


@graded("rnn_cell_backward", points=1)
def test_rnn_cell_backward_agrees_with_numerical_gradient(student, rng):
    """rnn_cell_backward: every gradient agrees with centred differences of sum(da_next * a_next)"""
    n_x, n_a, n_y, m = _sizes(rng, 4, 2, 6)
    parameters = _rnn_parameters(rng, n_x, n_a, n_y)
    inputs = {"xt": rng.normal(0, 1, (n_x, m)), "a_prev": rng.normal(0, 1, (n_a, m))}
    da_next = rng.normal(0, 1, (n_a, m))
    _, _, cache = ref.rnn_cell_forward(inputs["xt"], inputs["a_prev"], parameters)
    got = expect_dict(student.rnn_cell_backward(da_next, cache), RNN_CELL_GRADIENTS, "gradients")

    def loss(name, value):
        args = {**inputs, "parameters": parameters}
        if name in inputs:
            args[name] = value
        else:
            args["parameters"] = {**parameters, name: value}
        return np.sum(da_next * ref.rnn_cell_forward(args["xt"], args["a_prev"], args["parameters"])[0])

    _expect_numerical(got, loss, {**inputs, "Wax": parameters["Wax"], "Waa": parameters["Waa"], "ba": parameters["ba"]})


def _check_rnn_backward(student, mistakes, da, x, a0, parameters):
    _, _, caches = ref.rnn_forward(x, a0, parameters)
    _check_gradients(student.rnn_backward(da, caches), ref.rnn_backward(da, caches), RNN_GRADIENTS,
                     mistakes(da, caches))


@graded("rnn_backward", points=1, visible=True, helpers=("rnn_cell_backward",))
def test_rnn_backward_on_small_example(student, mistakes):
    """rnn_backward: dx, da0, dWax, dWaa, dba for n_x=3, n_a=5, m=4, T_x=6"""
    _check_rnn_backward(student, mistakes, V_DA, V_X, V_A_PREV, V_RNN)


@graded("rnn_backward", points=2, helpers=("rnn_cell_backward",))
def test_rnn_backward_on_random_sequence(student, rng, mistakes):
    """rnn_backward: the five gradients for random sizes, sequence length and values"""
    n_x, n_a, n_y, m, T_x = _sizes(rng, 5)
    _check_rnn_backward(student, mistakes, rng.normal(0, 1, (n_a, m, T_x)), rng.normal(0, 1, (n_x, m, T_x)),
                        rng.normal(0, 1, (n_a, m)), _rnn_parameters(rng, n_x, n_a, n_y))


@graded("rnn_backward", points=2, helpers=("rnn_cell_backward",))
def test_rnn_backward_agrees_with_numerical_gradient_through_time(student, rng):
    """rnn_backward: every gradient agrees with centred differences of Σ_t sum(da<t> * a<t>) over the whole sequence"""
    n_x, n_a, n_y, m, T_x = _sizes(rng, 5, 2, 6)
    parameters = _rnn_parameters(rng, n_x, n_a, n_y)
    inputs = {"x": rng.normal(0, 1, (n_x, m, T_x)), "a0": rng.normal(0, 1, (n_a, m))}
    da = rng.normal(0, 1, (n_a, m, T_x))
    _, _, caches = ref.rnn_forward(inputs["x"], inputs["a0"], parameters)
    got = expect_dict(student.rnn_backward(da, caches), RNN_GRADIENTS, "gradients")

    def loss(name, value):
        args = {**inputs, "parameters": parameters}
        if name in inputs:
            args[name] = value
        else:
            args["parameters"] = {**parameters, name: value}
        return np.sum(da * ref.rnn_forward(args["x"], args["a0"], args["parameters"])[0])

    _expect_numerical(got, loss, {**inputs, "Wax": parameters["Wax"], "Waa": parameters["Waa"], "ba": parameters["ba"]})


# ---------------------------------------------------------------------------------------------
# 9.5 gru_cell_forward
# ---------------------------------------------------------------------------------------------

def _check_gru(student, mistakes, xt, c_prev, parameters):
    out = expect_tuple(student.gru_cell_forward(xt, c_prev, parameters), 2, "gru_cell_forward(xt, c_prev, parameters)")
    expect_parts({"c_next": out[0]}, {"c_next": ref.gru_cell_forward(xt, c_prev, parameters)[0]},
                 mistakes(xt, c_prev, parameters), lambda o: {"c_next": o[0]}, {"c_next": "c_next"})


@graded("gru_cell_forward", points=1, visible=True)
def test_gru_cell_forward_on_small_example(student, mistakes):
    """gru_cell_forward: c_next for n_x=3, n_c=5, m=4 (the book's 9.5 formulas)"""
    _check_gru(student, mistakes, V_XT, V_C_PREV, V_GRU)


@graded("gru_cell_forward", points=2)
def test_gru_cell_forward_on_random_sizes(student, rng, mistakes):
    """gru_cell_forward: c_next for random sizes and values"""
    n_x, n_c, m = _sizes(rng, 3)
    _check_gru(student, mistakes, rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_c, m)), _gru_parameters(rng, n_x, n_c))


# ---------------------------------------------------------------------------------------------
# 9.6 lstm_cell_forward, lstm_forward, lstm_cell_backward
# ---------------------------------------------------------------------------------------------

LSTM_CELL_WHAT = {"ft": "cache[4] (ft)", "it": "cache[5] (it)", "cct": "cache[6] (cct)", "ot": "cache[7] (ot)",
                  "c_next": "c_next", "a_next": "a_next", "yt_pred": "yt_pred", "cache[0]": "cache[0] (a_next)",
                  "cache[1]": "cache[1] (c_next)", "cache[2]": "cache[2] (a_prev)", "cache[3]": "cache[3] (c_prev)",
                  "cache[8]": "cache[8] (xt)"}


def _lstm_cell_parts(out):
    a_next, c_next, yt_pred, cache = out
    return {"ft": cache[4], "it": cache[5], "cct": cache[6], "ot": cache[7], "c_next": c_next, "a_next": a_next,
            "yt_pred": yt_pred, "cache[0]": cache[0], "cache[1]": cache[1], "cache[2]": cache[2],
            "cache[3]": cache[3], "cache[8]": cache[8]}


def _check_lstm_cell_forward(student, mistakes, xt, a_prev, c_prev, parameters):
    out = expect_tuple(student.lstm_cell_forward(xt, a_prev, c_prev, parameters), 4,
                       "lstm_cell_forward(xt, a_prev, c_prev, parameters)")
    cache = expect_tuple(out[3], 10, "cache")
    expect_parts(_lstm_cell_parts(out), _lstm_cell_parts(ref.lstm_cell_forward(xt, a_prev, c_prev, parameters)),
                 mistakes(xt, a_prev, c_prev, parameters), _lstm_cell_parts, LSTM_CELL_WHAT)
    expect_dict(cache[9], LSTM_PARAMETERS, "cache[9] (parameters)")


@graded("lstm_cell_forward", points=1, visible=True, helpers=("softmax",))
def test_lstm_cell_forward_on_small_example(student, mistakes):
    """lstm_cell_forward: the gates, c_next, a_next, yt_pred and the cache for n_x=3, n_a=5, n_y=2, m=4"""
    _check_lstm_cell_forward(student, mistakes, V_XT, V_A_PREV, V_C_PREV, V_LSTM)


@graded("lstm_cell_forward", points=2, helpers=("softmax",))
def test_lstm_cell_forward_on_random_sizes(student, rng, mistakes):
    """lstm_cell_forward: the gates, c_next, a_next, yt_pred and the cache for random sizes and values"""
    n_x, n_a, n_y, m = _sizes(rng, 4)
    _check_lstm_cell_forward(student, mistakes, rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_a, m)),
                             rng.normal(0, 1, (n_a, m)), _lstm_parameters(rng, n_x, n_a, n_y))


def _lstm_outputs(out):
    return {"a": out[0], "y": out[1], "c": out[2]}


def _lstm_cache_parts(out):
    steps, x = out[3]
    return {"x": x, "a_next": _stacked(steps, 0), "c_next": _stacked(steps, 1), "a_prev": _stacked(steps, 2),
            "c_prev": _stacked(steps, 3)}


def _check_lstm_forward(student, mistakes, x, a0, parameters):
    T_x = x.shape[2]
    out = expect_tuple(student.lstm_forward(x, a0, parameters), 4, "lstm_forward(x, a0, parameters)")
    expected = ref.lstm_forward(x, a0, parameters)
    outputs = mistakes(x, a0, parameters)
    expect_parts(_lstm_outputs(out), _lstm_outputs(expected), outputs, _lstm_outputs, {"a": "a", "y": "y", "c": "c"})
    steps, _ = expect_tuple(out[3], 2, "caches")
    steps = _steps(steps, T_x, 10, "caches[0]")
    what = {"x": "caches[1] (x)", "a_next": "caches[0][t][0] (a_next)", "c_next": "caches[0][t][1] (c_next)",
            "a_prev": "caches[0][t][2] (a_prev)", "c_prev": "caches[0][t][3] (c_prev)"}
    expect_parts(_lstm_cache_parts((None, None, None, (steps, out[3][1]))), _lstm_cache_parts(expected), outputs,
                 _lstm_cache_parts, what)


@graded("lstm_forward", points=1, visible=True, helpers=("lstm_cell_forward",))
def test_lstm_forward_on_small_example(student, mistakes):
    """lstm_forward: a, y, c and the caches for n_x=3, n_a=5, n_y=2, m=4, T_x=6 (c0 = 0)"""
    _check_lstm_forward(student, mistakes, V_X, V_A_PREV, V_LSTM)


@graded("lstm_forward", points=2, helpers=("lstm_cell_forward",))
def test_lstm_forward_on_random_sequence(student, rng, mistakes):
    """lstm_forward: a, y, c and the caches for random sizes, sequence length and values"""
    n_x, n_a, n_y, m, T_x = _sizes(rng, 5)
    _check_lstm_forward(student, mistakes, rng.normal(0, 1, (n_x, m, T_x)), rng.normal(0, 1, (n_a, m)),
                        _lstm_parameters(rng, n_x, n_a, n_y))


def _check_lstm_cell_backward(student, mistakes, da_next, dc_next, xt, a_prev, c_prev, parameters):
    *_, cache = ref.lstm_cell_forward(xt, a_prev, c_prev, parameters)
    _check_gradients(student.lstm_cell_backward(da_next, dc_next, cache),
                     ref.lstm_cell_backward(da_next, dc_next, cache), LSTM_CELL_GRADIENTS,
                     mistakes(da_next, dc_next, cache))


@graded("lstm_cell_backward", points=1, visible=True)
def test_lstm_cell_backward_on_small_example(student, mistakes):
    """lstm_cell_backward: the eleven gradients for n_x=3, n_a=5, m=4"""
    _check_lstm_cell_backward(student, mistakes, V_DA_NEXT, V_DC_NEXT, V_XT, V_A_PREV, V_C_PREV, V_LSTM)


@graded("lstm_cell_backward", points=2)
def test_lstm_cell_backward_on_random_sizes(student, rng, mistakes):
    """lstm_cell_backward: the eleven gradients for random sizes and values"""
    n_x, n_a, n_y, m = _sizes(rng, 4)
    _check_lstm_cell_backward(student, mistakes, rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_a, m)),
                              rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_a, m)),
                              _lstm_parameters(rng, n_x, n_a, n_y))


@graded("lstm_cell_backward", points=2)
def test_lstm_cell_backward_agrees_with_numerical_gradient(student, rng):
    """lstm_cell_backward: every gradient agrees with centred differences of sum(da_next * a_next) + sum(dc_next * c_next)"""
    n_x, n_a, n_y, m = _sizes(rng, 4, 2, 5)
    parameters = _lstm_parameters(rng, n_x, n_a, n_y)
    inputs = {"xt": rng.normal(0, 1, (n_x, m)), "a_prev": rng.normal(0, 1, (n_a, m)), "c_prev": rng.normal(0, 1, (n_a, m))}
    da_next, dc_next = rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_a, m))
    *_, cache = ref.lstm_cell_forward(inputs["xt"], inputs["a_prev"], inputs["c_prev"], parameters)
    got = expect_dict(student.lstm_cell_backward(da_next, dc_next, cache), LSTM_CELL_GRADIENTS, "gradients")

    def loss(name, value):
        args = {**inputs, "parameters": parameters}
        if name in inputs:
            args[name] = value
        else:
            args["parameters"] = {**parameters, name: value}
        a_next, c_next, _, _ = ref.lstm_cell_forward(args["xt"], args["a_prev"], args["c_prev"], args["parameters"])
        return np.sum(da_next * a_next) + np.sum(dc_next * c_next)

    _expect_numerical(got, loss, {**inputs, **{k: parameters[k] for k in LSTM_PARAMETERS[:8]}})


# ---------------------------------------------------------------------------------------------
# 9.4 clip
# ---------------------------------------------------------------------------------------------

def _gradients_to_clip(rng, keys, max_value):
    """Random gradients, each with entries above max_value, below -max_value and inside."""
    out = {}
    for key in keys:
        g = rng.uniform(-3 * max_value, 3 * max_value, (int(rng.integers(2, 6)), int(rng.integers(1, 6))))
        g.flat[:3] = [1.5 * max_value, -2 * max_value, 0.5 * max_value][: g.size]
        out[key] = rng.permutation(g.reshape(-1)).reshape(g.shape) if g.size > 3 else g
    return out


def _check_clip(student, mistakes, gradients, max_value):
    keys = list(gradients)
    # the expected answer (np.clip itself: the reference clips in place, and an answer recorded for the
    # student package must not depend on its arguments changing) and the catalogue's inputs are taken
    # before the student's clip runs
    expected = {k: np.clip(v, -max_value, max_value) for k, v in gradients.items()}
    outputs = mistakes(gradients, max_value)
    got = expect_dict(student.clip({k: v.copy() for k, v in gradients.items()}, max_value), keys,
                      f"clip(gradients, {max_value!r})")
    expect_parts({k: got[k] for k in keys}, {k: expected[k] for k in keys}, outputs,
                 lambda out: {k: out[k] for k in keys}, _named(keys, "gradients"))


@graded("clip", points=1, visible=True)
def test_clip_on_small_example(student, mistakes):
    """clip: the five gradients dWaa, dWax, dWya, db, dby clipped to [-5, 5]"""
    rng = np.random.default_rng(94)
    gradients = {k: _fixed(v) for k, v in _gradients_to_clip(rng, ("dWaa", "dWax", "dWya", "db", "dby"), 5.0).items()}
    _check_clip(student, mistakes, gradients, 5.0)


@graded("clip", points=2)
def test_clip_on_random_gradients(student, rng, mistakes):
    """clip: every array of a random gradient dict (random keys) clipped to a random max_value"""
    pool = ["dWaa", "dWax", "dWya", "db", "dby", "dWf", "dbf", "dWi", "dbi", "dWc", "dbc", "dWo", "dbo", "dx", "da0"]
    keys = [str(k) for k in rng.choice(pool, size=int(rng.integers(3, 7)), replace=False)]
    max_value = float(np.round(rng.uniform(0.5, 10.0), 2))
    _check_clip(student, mistakes, _gradients_to_clip(rng, keys, max_value), max_value)


# =============================================================================================
# 9.8 PyTorch and 9.9 Keras: graded through the probes of autograder.worker.probes_ch09
# =============================================================================================

def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _torch_lstm_numpy(x, layers, linear):
    """nn.LSTM(batch_first=True) layers (PyTorch's gate order i, f, g, o), zero initial state, then the
    Linear layer on the last step of the last layer, in float64."""
    h_seq = np.asarray(x, dtype=np.float64)
    for W_ih, W_hh, b_ih, b_hh in layers:
        n, steps, _ = h_seq.shape
        H = W_hh.shape[1]
        h, c, outputs = np.zeros((n, H)), np.zeros((n, H)), []
        for t in range(steps):
            z = h_seq[:, t] @ W_ih.T + h @ W_hh.T + b_ih + b_hh
            i, f, g, o = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H]), np.tanh(z[:, 2 * H:3 * H]), _sigmoid(z[:, 3 * H:])
            c = f * c + i * g
            h = o * np.tanh(c)
            outputs.append(h)
        h_seq = np.stack(outputs, axis=1)
    W, b = linear
    return h_seq[:, -1] @ W.T + b


def _keras_lstm_numpy(x, lstm, dense):
    """keras.layers.LSTM (gates i, f, c, o in the kernel's columns), then a softmax Dense layer, in float64."""
    kernel, recurrent, bias = lstm
    u = recurrent.shape[0]
    h, c = np.zeros((x.shape[0], u)), np.zeros((x.shape[0], u))
    for t in range(x.shape[1]):
        z = x[:, t] @ kernel + h @ recurrent + bias
        i, f, g, o = _sigmoid(z[:, :u]), _sigmoid(z[:, u:2 * u]), np.tanh(z[:, 2 * u:3 * u]), _sigmoid(z[:, 3 * u:])
        c = f * c + i * g
        h = o * np.tanh(c)
    logits = h @ dense[0] + dense[1]
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _f32(a):
    """Weights and inputs as float32 values (what the models hold), kept as float64 arrays."""
    return np.asarray(a, dtype=np.float32).astype(np.float64)


# ---------------------------------------------------------------------------------------------
# LSTMNet
# ---------------------------------------------------------------------------------------------

LSTMNET_LAYERS = [[28, 84, True, False, 0, True], [84, 84, True, False, 0, True]]
LSTMNET_LINEAR = [[84, 10, True]]
LSTMNET_PARAMETERS = 96274


def _lstmnet_weights(rng, scale):
    layers = []
    for n_in in (28, 84):
        layers.append([_f32(rng.normal(0, scale, (336, n_in))), _f32(rng.normal(0, scale, (336, 84))),
                       _f32(rng.normal(0, 0.1, 336)), _f32(rng.normal(0, 0.1, 336))])
    return {"lstm": layers, "linear": [_f32(rng.normal(0, 0.3, (10, 84))), _f32(rng.normal(0, 0.1, 10))]}


def _describe_lstmnet(answer) -> str:
    lstm = ", ".join(f"{l[0]}->{l[1]}" + ("" if l[2] else " (batch_first=False)") + (" bidirectional" if l[3] else "")
                     for l in answer["lstm_layers"]) or "none"
    linear = ", ".join(f"{l[0]}->{l[1]}" for l in answer["linear"]) or "none"
    return f"LSTM layers [{lstm}], Linear [{linear}], {answer['n_parameters']:,} parameters"


def _lstmnet_signature(answer):
    return answer.get("lstm_layers"), answer.get("linear"), answer.get("n_parameters")


def _lstmnet_diagnosis(answer, variants):
    expected = (LSTMNET_LAYERS, LSTMNET_LINEAR, LSTMNET_PARAMETERS)
    found = {k for k, v in variants.items() if v.get("is_module_class") and
             _lstmnet_signature(v) == _lstmnet_signature(answer) != expected}
    return found.pop() if len(found) == 1 else None


def _lstmnet_answer(student, batch, weights):
    answer = probe_answer(student, "ch09.lstmnet", "LSTMNet", batch, weights, 0)
    if not answer["is_module_class"]:
        fail("ch09.not_module_class", name="LSTMNet", got=answer["type"])
    return answer, probe_variants(catalogue, ref, "LSTMNet", "ch09.lstmnet", batch, weights, 0)


@graded("LSTMNet", points=1, visible=True)
def test_lstmnet_layers_and_parameter_count(student):
    """LSTMNet: nn.LSTM(28, 84, num_layers=2, batch_first=True) and Linear(84, 10), 96,274 parameters"""
    batch = np.zeros((2, 28, 28))
    answer, variants = _lstmnet_answer(student, batch, _lstmnet_weights(np.random.default_rng(98), 0.2))
    expected = (LSTMNET_LAYERS, LSTMNET_LINEAR, LSTMNET_PARAMETERS)
    if _lstmnet_signature(answer) != expected:
        fail("ch09.lstmnet_layers", _lstmnet_diagnosis(answer, variants), got=_describe_lstmnet(answer),
             expected="LSTM layers [28->84, 84->84], Linear [84->10], 96,274 parameters")


def _check_lstmnet_output(student, batch, weights):
    answer, variants = _lstmnet_answer(student, batch, weights)
    if not answer["loaded"]:
        fail("ch09.lstmnet_weights_not_loaded", _lstmnet_diagnosis(answer, variants), got=_describe_lstmnet(answer))
    expected = _torch_lstm_numpy(_f32(batch), weights["lstm"], weights["linear"])
    expect_close(answer["output"], expected, "LSTMNet()(x) (with the test's weights)",
                 mistakes=parts_of(variants, lambda v: v["output"]), rtol=1e-4, atol=scaled_atol(expected, 1e-5))


@graded("LSTMNet", points=2, visible=True)
def test_lstmnet_output_with_given_weights(student):
    """LSTMNet: the scores of 3 images (batch, 28, 28) with fixed weights loaded: the last time step of the second layer goes to Linear"""
    rng = np.random.default_rng(980)
    _check_lstmnet_output(student, _f32(rng.uniform(0, 1, (3, 28, 28))), _lstmnet_weights(rng, 0.2))


@graded("LSTMNet", points=2)
def test_lstmnet_output_on_random_batch(student, rng):
    """LSTMNet: the scores of a random batch with random weights loaded"""
    batch = _f32(rng.uniform(0, 1, (int(rng.integers(2, 7)), 28, 28)))
    _check_lstmnet_output(student, batch, _lstmnet_weights(rng, float(rng.uniform(0.1, 0.3))))


# ---------------------------------------------------------------------------------------------
# train_model, evaluate (chapter 8's contract)
# ---------------------------------------------------------------------------------------------

def _classification_data(rng, n, n_classes):
    """n images (n, 28, 28) with values in [0, 1] (the notebook's layout) and labels of every class."""
    x = _f32(rng.uniform(0, 1, (n, 28, 28)))
    y = rng.integers(0, n_classes, n)
    y[:n_classes] = np.arange(n_classes)
    return x, rng.permutation(y)


def _check_train_model(student, rng, n, n_hidden, n_classes, batch_size, epochs, lr):
    sizes = (n_hidden, n_classes)
    weights = [_f32(rng.normal(0, 0.1, (n_hidden, 784))), _f32(rng.normal(0, 0.2, n_hidden)),
               _f32(rng.normal(0, 0.5, (n_classes, n_hidden))), _f32(rng.normal(0, 0.2, n_classes))]
    x, y = _classification_data(rng, n, n_classes)
    args = (sizes, weights, x, y, batch_size, epochs, lr)
    answer, (losses, parameters) = probe_answer_beside(lambda: reference_training(*args), student, "ch09.train_model",
                                                       "train_model", *args)
    variants = probe_variants(catalogue, ref, "train_model", "ch09.train_model", *args)
    if answer["losses"] is None:
        fail("ch09.losses_not_numbers", got=answer["losses_problem"])
    if len(answer["losses"]) != epochs:
        found = {k for k, v in variants.items() if v["losses"] is not None and len(v["losses"]) == len(answer["losses"])}
        fail("ch09.losses_length", found.pop() if len(found) == 1 else None, got=len(answer["losses"]), expected=epochs)
    expect_close(answer["losses"], losses, f"train_model(model, loader, {epochs}, {lr}) losses",
                 mistakes=parts_of(variants, lambda v: v["losses"]), rtol=1e-4, atol=1e-6)
    for k, (got, expected) in enumerate(zip(answer["parameters"], parameters)):
        expect_close(got, expected, f"the model's parameter {k} after training",
                     mistakes=parts_of(variants, lambda v, k=k: v["parameters"][k]), rtol=1e-3,
                     atol=scaled_atol(expected, 1e-5))


@graded("train_model", points=2, visible=True)
def test_train_model_on_small_problem(student):
    """train_model: per-epoch losses (averaged over samples) and parameters after 3 epochs of Adam at lr 0.01 (batches 8, 8, 8, 3)"""
    _check_train_model(student, np.random.default_rng(981), 27, 6, 4, 8, 3, 0.01)


@graded("train_model", points=2)
def test_train_model_on_random_problem(student, rng):
    """train_model: losses and parameters on random images, labels, model size, batch size, epochs and learning rate"""
    batch_size = int(rng.integers(4, 10))
    n = batch_size * int(rng.integers(2, 5)) + int(rng.integers(1, batch_size))   # a smaller last batch
    _check_train_model(student, rng, n, int(rng.integers(4, 9)), int(rng.integers(3, 6)), batch_size,
                       int(rng.integers(2, 4)), float(np.round(rng.uniform(0.005, 0.05), 4)))


def _evaluate_logits(x, weights, batch_size=None):
    """The evaluate model's logits in eval mode (running statistics), or in training mode (each batch's
    own statistics) when `batch_size` is given."""
    z = x.reshape(len(x), -1) @ weights["W1"].T + weights["b1"]
    if batch_size is None:
        mean, var = weights["running_mean"], weights["running_var"]
    else:
        parts = [z[i:i + batch_size] for i in range(0, len(z), batch_size)]
        mean = np.concatenate([np.repeat(p.mean(axis=0, keepdims=True), len(p), 0) for p in parts])
        var = np.concatenate([np.repeat(p.var(axis=0, keepdims=True), len(p), 0) for p in parts])
    h = np.maximum((z - mean) / np.sqrt(var + 1e-5) * weights["gamma"] + weights["beta"], 0)
    return h @ weights["W2"].T + weights["b2"]


def _evaluate_problem(rng, n, n_hidden, n_classes, batch_size):
    """Weights, images and labels on which evaluate's right answer differs from model.eval() forgotten
    and from an accuracy averaged over batches, with no prediction a near tie (redrawn until so)."""
    for _ in range(1000):
        weights = {"W1": _f32(rng.normal(0, 0.1, (n_hidden, 784))), "b1": _f32(rng.normal(0, 0.3, n_hidden)),
                   "gamma": _f32(rng.uniform(0.5, 1.5, n_hidden)), "beta": _f32(rng.normal(0, 0.3, n_hidden)),
                   "running_mean": _f32(rng.normal(0.5, 0.5, n_hidden)),
                   "running_var": _f32(rng.uniform(0.5, 3, n_hidden)),
                   "W2": _f32(rng.normal(0, 0.8, (n_classes, n_hidden))), "b2": _f32(rng.normal(0, 0.2, n_classes))}
        x = _f32(rng.uniform(0, 1, (n, 28, 28)))
        logits = _evaluate_logits(x, weights)
        top2 = np.sort(logits, axis=1)[:, -2:]
        predicted = logits.argmax(axis=1)
        train_predicted = _evaluate_logits(x, weights, batch_size).argmax(axis=1)
        if np.min(top2[:, 1] - top2[:, 0]) < 1e-3 or np.all(predicted == train_predicted):
            continue
        for _ in range(20):
            y = predicted.copy()
            wrong = rng.random(n) < 0.4
            y[wrong] = (predicted[wrong] + rng.integers(1, n_classes, int(wrong.sum()))) % n_classes
            right = y == predicted
            batches = [right[i:i + batch_size].mean() for i in range(0, n, batch_size)]
            if 0 < right.mean() < 1 and abs((y == train_predicted).mean() - right.mean()) > 1e-9 and \
                    abs(np.mean(batches) - right.mean()) > 1e-9:
                return weights, x, y, float(right.mean())
    raise RuntimeError("no evaluate problem found")   # not expected: each draw succeeds with a fair chance


def _check_evaluate(student, rng, n, n_hidden, n_classes, batch_size):
    weights, x, y, expected = _evaluate_problem(rng, n, n_hidden, n_classes, batch_size)
    args = ((n_hidden, n_classes), weights, x, y, batch_size)
    answer = probe_answer(student, "ch09.evaluate", "evaluate", *args)
    variants = probe_variants(catalogue, ref, "evaluate", "ch09.evaluate", *args)
    if answer["accuracy"] is None:
        fail("ch09.accuracy_not_a_number", got=answer["returned"])
    expect_close(answer["accuracy"], expected, "evaluate(model, loader)", mistakes=parts_of(variants, lambda v: v["accuracy"]),
                 rtol=1e-6, atol=1e-9, factors={"100": 100.0})


@graded("evaluate", points=1, visible=True)
def test_evaluate_on_small_problem(student):
    """evaluate: the accuracy of a model holding BatchNorm (left in training mode) on 22 images in batches of 8"""
    _check_evaluate(student, np.random.default_rng(982), 22, 8, 3, 8)


@graded("evaluate", points=2)
def test_evaluate_on_random_problem(student, rng):
    """evaluate: the accuracy on random images, labels, model size and batch size (the last batch smaller)"""
    batch_size = int(rng.integers(4, 10))
    n = batch_size * int(rng.integers(2, 5)) + int(rng.integers(2, batch_size))
    _check_evaluate(student, rng, n, int(rng.integers(5, 10)), int(rng.integers(3, 6)), batch_size)


# ---------------------------------------------------------------------------------------------
# build_lstm, train_lstm_tf (Keras)
# ---------------------------------------------------------------------------------------------

BUILD_LSTM_LAYERS = [["LSTM", 100, False], ["Dense", 10, False]]
BUILD_LSTM_PARAMETERS = 52610


def _keras_weights(rng, scale):
    return {"lstm": [_f32(rng.normal(0, scale, (28, 400))), _f32(rng.normal(0, scale, (100, 400))),
                     _f32(rng.normal(0, 0.1, 400))],
            "dense": [_f32(rng.normal(0, 0.3, (100, 10))), _f32(rng.normal(0, 0.1, 10))]}


def _build_lstm_signature(answer):
    layers = [[l["type"], l["units"], bool(l["return_sequences"])] for l in answer.get("layers", [])
              if l["n_parameters"]]
    return layers, answer.get("n_parameters")


def _describe_keras(answer) -> str:
    layers = ", ".join(f"{l['type']}({l['units']}" + (", return_sequences=True" if l["return_sequences"] else "") + ")"
                       for l in answer["layers"] if l["n_parameters"])
    return f"[{layers}], {answer['n_parameters']:,} parameters"


def _keras_diagnosis(answer, variants):
    expected = (BUILD_LSTM_LAYERS, BUILD_LSTM_PARAMETERS)
    found = {k for k, v in variants.items() if v.get("is_model") and
             _build_lstm_signature(v) == _build_lstm_signature(answer) != expected}
    return found.pop() if len(found) == 1 else None


def _build_lstm_answer(student, batch, weights):
    answer = probe_answer(student, "ch09.build_lstm", "build_lstm", batch, weights)
    if not answer["is_model"]:
        fail("ch09.not_keras_model", got=answer["type"])
    return answer, probe_variants(catalogue, ref, "build_lstm", "ch09.build_lstm", batch, weights)


@graded("build_lstm", points=1, visible=True)
def test_build_lstm_layers_and_parameter_count(student):
    """build_lstm: LSTM(100) on (28, 28) inputs returning the last step, Dense(10), 52,610 parameters"""
    answer, variants = _build_lstm_answer(student, np.zeros((1, 28, 28)), _keras_weights(np.random.default_rng(99), 0.1))
    if _build_lstm_signature(answer) != (BUILD_LSTM_LAYERS, BUILD_LSTM_PARAMETERS):
        fail("ch09.build_lstm_layers", _keras_diagnosis(answer, variants), got=_describe_keras(answer),
             expected="[LSTM(100), Dense(10)], 52,610 parameters")


def _check_build_lstm_output(student, batch, weights):
    answer, variants = _build_lstm_answer(student, batch, weights)
    if not answer["loaded"]:
        fail("ch09.build_lstm_weights_not_loaded", _keras_diagnosis(answer, variants), got=_describe_keras(answer))
    expected = _keras_lstm_numpy(_f32(batch), weights["lstm"], weights["dense"])
    expect_close(answer["output"], expected, "build_lstm()(x) (with the test's weights)",
                 mistakes=parts_of(variants, lambda v: v["output"]), rtol=1e-4, atol=1e-6)


@graded("build_lstm", points=2, visible=True)
def test_build_lstm_output_with_given_weights(student):
    """build_lstm: the class probabilities of 3 images with fixed weights loaded (the last step, softmax)"""
    rng = np.random.default_rng(990)
    _check_build_lstm_output(student, _f32(rng.uniform(0, 1, (3, 28, 28))), _keras_weights(rng, 0.1))


@graded("build_lstm", points=2)
def test_build_lstm_output_on_random_batch(student, rng):
    """build_lstm: the class probabilities of a random batch with random weights loaded"""
    batch = _f32(rng.uniform(0, 1, (int(rng.integers(2, 6)), 28, 28)))
    _check_build_lstm_output(student, batch, _keras_weights(rng, float(rng.uniform(0.05, 0.15))))


def _check_train_lstm_tf(student, rng, n, n_hidden, n_classes, epochs, batch_size, seed):
    sizes = (n_hidden, n_classes)
    weights = [_f32(rng.normal(0, 0.1, (784, n_hidden))), _f32(rng.normal(0, 0.2, n_hidden)),
               _f32(rng.normal(0, 0.5, (n_hidden, n_classes))), _f32(rng.normal(0, 0.2, n_classes))]
    x, y = _classification_data(rng, n, n_classes)
    args = (sizes, weights, x, y, epochs, batch_size, seed)
    answer, (losses, trained) = probe_answer_beside(lambda: reference_keras_training(*args), student,
                                                    "ch09.train_lstm_tf", "train_lstm_tf", *args)
    variants = probe_variants(catalogue, ref, "train_lstm_tf", "ch09.train_lstm_tf", *args)
    if not answer["is_history"]:
        found = {k for k, v in variants.items() if not v["is_history"] and v["returned"] == answer["returned"]}
        fail("ch09.not_history", found.pop() if len(found) == 1 else None, got=answer["returned"])
    if answer["losses"] is None:
        fail("ch09.history_without_loss")
    if len(answer["losses"]) != epochs:
        found = {k for k, v in variants.items() if v["losses"] is not None and len(v["losses"]) == len(answer["losses"])}
        fail("ch09.losses_length", found.pop() if len(found) == 1 else None, got=len(answer["losses"]), expected=epochs)
    if not np.allclose(answer["losses"], losses, rtol=1e-4, atol=1e-6):
        unshuffled = reference_keras_training(*args, shuffle=False)
        if np.allclose(answer["losses"], unshuffled[0], rtol=1e-4, atol=1e-6):
            losses, trained = unshuffled
    expect_close(answer["losses"], losses, "history.history['loss']", mistakes=parts_of(variants, lambda v: v["losses"]),
                 rtol=1e-4, atol=1e-6)
    for k, (got, expected) in enumerate(zip(answer["weights"], trained)):
        expect_close(got, expected, f"the model's weight {k} after training",
                     mistakes=parts_of(variants, lambda v, k=k: v["weights"][k]), rtol=1e-3, atol=scaled_atol(expected, 1e-5))


@graded("train_lstm_tf", points=2, visible=True)
def test_train_lstm_tf_on_small_problem(student):
    """train_lstm_tf: History losses and weights after 3 epochs in batches of 8 (Adam 1e-3, sparse cross-entropy)"""
    _check_train_lstm_tf(student, np.random.default_rng(991), 27, 6, 4, 3, 8, 7)


@graded("train_lstm_tf", points=2)
def test_train_lstm_tf_on_random_problem(student, rng):
    """train_lstm_tf: History losses and weights on random images, labels, model size, epochs and batch size"""
    batch_size = int(rng.integers(5, 12))
    n = batch_size * int(rng.integers(2, 4)) + int(rng.integers(1, batch_size))
    _check_train_lstm_tf(student, rng, n, int(rng.integers(4, 9)), int(rng.integers(3, 6)), int(rng.integers(2, 4)),
                         batch_size, int(rng.integers(0, 2**31 - 1)))
