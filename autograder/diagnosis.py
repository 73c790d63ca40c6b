"""Naming a student's mistake: which catalogued variant explains a wrong output.

One rule for every chapter (DESIGN.md, "Mistake diagnosis").  A catalogued mistake explains the
student's output (or one failing part of it) when

  * the variant's output is *wrong* there: the comparison would not accept it as the expected one
    (`accepted`: the same shape, a number for a number, values within the test's tolerance), and
  * the student's output is *identical* to the variant's (`identical`: exactly the same shape,
    values within float32 rounding).

So a shape failure is only ever explained by a variant with that very shape, and a variant that
is right on the failing part explains nothing.  When variants with different ids explain it, the
evidence does not decide between them and none is named: a wrong name is worse than none.

Values are compared as plain data (numbers, ndarrays, strings, tuples, lists, dicts, framework
tensors as `protocol.Tensor`); an opaque object is never identical to anything.
"""
from __future__ import annotations

import numbers
from typing import Any, Mapping

import numpy as np

from autograder.catalogue import LazyOutputs
from autograder.worker.protocol import Opaque, Tensor

IDENTICAL_RTOL, IDENTICAL_ATOL = 1e-4, 1e-7   # float32 rounding of a variant's output
ACCEPT_RTOL, ACCEPT_ATOL = 1e-5, 1e-7         # the comparisons' default tolerance


def numeric(value: Any) -> np.ndarray | None:
    """`value` as a float64 array, or None when it is not numeric data (None, str, dict, opaque)."""
    if isinstance(value, Tensor):
        value = value.values
    if value is None or isinstance(value, (Opaque, str, bytes, dict)):
        return None
    if isinstance(value, (list, tuple)) and any(isinstance(v, (dict, str, Opaque, type(None))) for v in value):
        return None
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return array


def _close(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> bool:
    with np.errstate(all="ignore"):
        return bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True))


def _structured(value: Any) -> bool:
    return isinstance(value, (dict, str, bytes)) or value is None or isinstance(value, Opaque) or (
        isinstance(value, (list, tuple)) and numeric(value) is None)


def _agrees(got: Any, other: Any, rtol: float, atol: float, number_for_number: bool) -> bool:
    if isinstance(other, dict):
        return isinstance(got, dict) and all(k in got and _agrees(got[k], v, rtol, atol, number_for_number)
                                             for k, v in other.items())
    if _structured(other) or _structured(got):
        if isinstance(other, (list, tuple)) and isinstance(got, (list, tuple)):
            return len(got) == len(other) and all(_agrees(g, o, rtol, atol, number_for_number)
                                                  for g, o in zip(got, other))
        return not isinstance(got, Opaque) and not isinstance(other, Opaque) and _plain_equal(got, other)
    a, b = numeric(got), numeric(other)
    if a is None or b is None:
        return False
    if number_for_number and b.ndim == 0 and a.size == 1:
        a = a.reshape(())
    return a.shape == b.shape and _close(a, b, rtol, atol)


def identical(got: Any, variant: Any, rtol: float = IDENTICAL_RTOL, atol: float = IDENTICAL_ATOL) -> bool:
    """The student's `got` is the variant's output: exactly the same shape and kinds, values within
    float32 rounding.  A dict may hold extra keys (a cache with more entries), a tuple or list must
    have the same length."""
    return _agrees(got, variant, rtol, atol, number_for_number=False)


def accepted(got: Any, expected: Any, rtol: float = ACCEPT_RTOL, atol: float = ACCEPT_ATOL) -> bool:
    """What the comparisons accept as right: the same shape (a number for a number: any size-1
    array passes for a scalar), values within tolerance; dicts need the expected keys (extra keys
    are fine), tuples and lists the same length."""
    return _agrees(got, expected, rtol, atol, number_for_number=True)


def explains(variant: Any, got: Any, expected: Any, rtol: float = ACCEPT_RTOL, atol: float = ACCEPT_ATOL) -> bool:
    """Whether a variant's output explains the student's: wrong where the student is wrong, and
    identical to the student's."""
    return not accepted(variant, expected, rtol, atol) and identical(got, variant)


def name_mistake(got: Any, expected: Any, outputs: Mapping[str, Any] | None,
                 rtol: float = ACCEPT_RTOL, atol: float = ACCEPT_ATOL) -> str | None:
    """The one catalogued mistake (id -> its output on the same inputs) that explains `got`, or None
    when none does or several different ones do."""
    if not outputs:
        return None
    found = {mistake_id for mistake_id, value in outputs.items() if explains(value, got, expected, rtol, atol)}
    return found.pop() if len(found) == 1 else None


def _plain_equal(a: Any, b: Any) -> bool:
    """Exact equality of plain data: strings, numbers (1 == 1.0 == np.int64(1)), bools, None,
    and arrays of the same shape and values."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        x, y = numeric(a), numeric(b)
        return x is not None and y is not None and x.shape == y.shape and bool(np.array_equal(x, y))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_plain_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_plain_equal(a[k], b[k]) for k in a)
    if isinstance(a, np.generic):
        a = a.item()
    if isinstance(b, np.generic):
        b = b.item()
    if isinstance(a, str) != isinstance(b, str) or isinstance(a, Opaque) or isinstance(b, Opaque):
        return False
    try:
        return bool(a == b) if isinstance(a, (str, bytes, numbers.Number, type(None))) else False
    except Exception:  # noqa: BLE001
        return False


def parts_of(outputs: Mapping[str, Any] | None, pick) -> Mapping[str, Any]:
    """{mistake id: pick(output)} for the variants whose output has that part, computed when first
    read: the variants' outputs are often lazy too (run only when a comparison fails), and taking
    their parts must not run them for a correct answer."""
    def compute() -> dict[str, Any]:
        parts = {}
        for mistake_id, value in (outputs or {}).items():
            try:
                parts[mistake_id] = pick(value)
            except Exception:  # noqa: BLE001 - a variant whose output lacks the part cannot explain it
                continue
        return parts
    return LazyOutputs(compute)
