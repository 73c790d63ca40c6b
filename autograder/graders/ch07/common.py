"""Chapter 7 graders: what the topics share (problems drawn from `rng`, the catalogue's outputs)."""
from __future__ import annotations

import copy

import numpy as np

from autograder.catalogue import FAILED, run_quietly
from autograder.compare import fail
from autograder.diagnosis import parts_of
from autograder.mistakes.ch07 import catalogue
from solutions import ch06 as network   # the chapter-6 network that dnn_utils.py ships to students

CH = "ch07"


def reference_output(fn, *args):
    """The reference's output on copies of the arguments (the references update dicts in place)."""
    return fn(*copy.deepcopy(args))


def twice(function, *args):
    """{mistake id: (output, output of a second call right after)} of each variant (seed handling)."""
    return {v.id: (first, second) for v in catalogue.variants_of(function)
            for first, second in [(run_quietly(v.fn, args, {}), run_quietly(v.fn, args, {}))]
            if first is not FAILED and second is not FAILED}


def item(outputs, *path):
    """{mistake id: output[path...]} for the outputs that have that item."""
    def pick(value):
        for p in path:
            value = value[p]
        return value
    return parts_of(outputs, pick)


def mistake_id(function, name):
    return f"{CH}.{function}.{name}"


def parameter_keys(parameters):
    return [k for l in range(1, len(parameters) // 2 + 1) for k in ("W" + str(l), "b" + str(l))]


def network_problem(rng, dims, m, labels_dtype=float):
    """Parameters, inputs and the forward pass of the chapter-6 network."""
    parameters = {}
    for l in range(1, len(dims)):
        parameters["W" + str(l)] = rng.standard_normal((dims[l], dims[l - 1])) * rng.uniform(0.4, 1.0)
        parameters["b" + str(l)] = rng.standard_normal((dims[l], 1)) * 0.1
    X = rng.standard_normal((dims[0], m))
    Y = (rng.random((1, m)) < 0.5).astype(labels_dtype)
    Y[0, :2] = [0, 1]
    AL, caches = network.forward_propagation(X, parameters)
    return parameters, X, Y, AL, caches


def random_dims(rng):
    return [int(rng.integers(2, 6)) for _ in range(int(rng.integers(2, 4)))] + [1]


def random_state(rng, parameters, positive=False, scale=1.0):
    out = {}
    for k in parameter_keys(parameters):
        x = rng.standard_normal(parameters[k].shape) * scale
        out["d" + k] = x * x if positive else x
    return out


def batch_data(rng, m):
    """X whose first row is the column's index (to follow each example) and random labels Y."""
    X = np.vstack([np.arange(m, dtype=np.float64), rng.standard_normal((2, m))])
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    return X, Y


def examples_signature(ids: np.ndarray, labels: np.ndarray, Y: np.ndarray) -> tuple[bool, bool, bool]:
    """(every example exactly once, each X column with its own label, shuffled) of the example
    indices `ids` (the first row of `batch_data`'s X, in the order a function returned them) and
    the `labels` that came with them."""
    m = Y.shape[1]
    covers = ids.shape == (m,) and bool(np.array_equal(np.sort(ids), np.arange(m)))
    inside = bool(np.all((ids >= 0) & (ids < m)))
    paired = inside and labels.shape == ids.shape and bool(np.array_equal(labels, Y[0, ids]))
    shuffled = not (ids.shape == (m,) and np.array_equal(ids, np.arange(m)))
    return covers, paired, shuffled


def expect_examples_once_shuffled(signature: tuple[bool, bool, bool], diagnosis: str | None, kind: str) -> None:
    """Fail on the first property of `examples_signature` that the answer breaks (`kind` is "split"
    or "batch", the function whose messages to use)."""
    covers, paired, shuffled = signature
    if not covers:
        fail(f"{CH}.{kind}_coverage", diagnosis)
    if not paired:
        fail(f"{CH}.batch_pairing", diagnosis)
    if not shuffled:
        fail(f"{CH}.{kind}_not_shuffled", diagnosis)
