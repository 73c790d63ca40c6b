"""Numerical gradient checks: centred differences in float64, CS231n-style relative errors."""
from __future__ import annotations

from typing import Callable

import numpy as np

from autograder.compare import as_float_array
from autograder.results import Mismatch


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """d f / d x by centred differences; `f` takes an array shaped like `x` and returns a number."""
    return centred_differences([f(point) for point in perturbations(x, h)], x, h)


def perturbations(x: np.ndarray, h: float) -> list[np.ndarray]:
    """The points a centred difference evaluates, in float64: x + h e_i, then x - h e_i, for each
    entry i in order.  Evaluate them all at once (e.g. in one `call_each` request to the worker),
    then hand the costs to `centred_differences`."""
    x = np.array(x, dtype=np.float64)
    points = []
    for ix in np.ndindex(x.shape):
        for step in (h, -h):
            point = x.copy()
            point[ix] += step
            points.append(point)
    return points


def centred_differences(costs: list, x: np.ndarray, h: float) -> np.ndarray:
    """The gradient from the costs at `perturbations(x, h)`: (f(x + h e_i) - f(x - h e_i)) / 2h."""
    values = np.array([_number(c) for c in costs], dtype=np.float64).reshape(-1, 2)
    return ((values[:, 0] - values[:, 1]) / (2 * h)).reshape(np.shape(x))


def _number(value) -> float:
    """A cost as a float: a Python number, a 0-d array or any size-1 array (e.g. shape (1, 1))."""
    return float(np.asarray(value, dtype=np.float64).reshape(-1)[0])


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """max |a - b| / max(|a| + |b|, floor), the CS231n measure (about 1e-7 or less when right).

    The floor is 1e-6 of the largest entry (and at least 1e-8): entries that are both nearly zero
    compared with the rest of the gradient carry no digits worth comparing."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if not a.size:
        return 0.0
    floor = max(1e-8, 1e-6 * float(np.max(np.abs(a)) + np.max(np.abs(b))))
    return float(np.max(np.abs(a - b) / np.maximum(floor, np.abs(a) + np.abs(b))))


def is_float32(*values) -> bool:
    """Whether the student computed in float32 (then a cost has too few digits for tight checks)."""
    return any(getattr(v, "dtype", None) == np.float32 for v in values)


def gradient_settings(float32: bool) -> tuple[float, float]:
    """(step h, tolerance) for centred differences of a student's own cost."""
    return (1e-2, 1e-2) if float32 else (1e-5, 1e-5)


def expect_gradient(analytic, numeric: np.ndarray, what: str, tol: float = 1e-5,
                    diagnosis: str | None = None, float32: bool = False) -> None:
    """The student's `analytic` gradient must agree with the `numeric` one (same shape).

    In float64 the error is CS231n's entrywise relative error; for float32 work (`float32=True`) the
    largest error is measured against the largest entry, since small entries have no digits left."""
    numeric = np.asarray(numeric, dtype=np.float64)
    got = as_float_array(analytic, what, f"numpy array of shape {numeric.shape}")
    if got.shape != numeric.shape:
        if got.size == numeric.size and np.squeeze(got).shape == np.squeeze(numeric).shape:
            raise Mismatch("broadcast_shape", diagnosis, what=what, got=got.shape, expected=numeric.shape)
        raise Mismatch("wrong_shape", diagnosis, what=what, got=got.shape, expected=numeric.shape)
    if float32:
        got = got.astype(np.float64)
        scale = max(float(np.max(np.abs(got), initial=0.0) + np.max(np.abs(numeric), initial=0.0)), 1e-8)
        rel = float(np.max(np.abs(got - numeric), initial=0.0)) / scale
    else:
        rel = relative_error(got, numeric)
    if not np.isfinite(rel) or rel > tol:
        raise Mismatch("gradient_check", diagnosis, what=what, rel=rel if np.isfinite(rel) else float("inf"))
