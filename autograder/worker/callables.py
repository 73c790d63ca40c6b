"""Functions that graders pass to a student's code, sent as data and built next to it.

A grader cannot send a Python function into the worker (the channel carries data only), so it sends
`protocol.Function(kind, spec)`; the receiving side builds the callable with `FACTORIES[kind](spec)`.
These factories are trusted engine code; they run in the worker (and the sandbox), so they use
NumPy only.
"""
from __future__ import annotations

import numpy as np


def quadratic_grad(spec: dict):
    """grad_fn of the loss ½ Σ a ⊙ (θ - c)² over each parameter θ, from
    spec = {"a": {"W1": array, ...}, "c": {"W1": array, ...}}: params -> {'dW1': a ⊙ (W1 - c), ...}."""
    a, c = spec["a"], spec["c"]

    def grad_fn(params):
        return {"d" + k: a[k] * (np.asarray(params[k], dtype=np.float64) - c[k]) for k in a}
    return grad_fn


FACTORIES = {"quadratic_grad": quadratic_grad}
