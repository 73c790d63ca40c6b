"""Compare a student's output with the expected one, and say what kind of thing is wrong.

Every check raises `Mismatch` (a failed test, never a grader error).  A Mismatch names *what* is wrong
(type, shape, transpose, (n,) vs (n,1), NaN/Inf, sign, constant factor, values and where) and, when the
student's output equals the output of a catalogued mistake, the mistake's id.  Expected values are only
shown for visible tests (`reveal()`): a hidden test never prints them.

All numerical work here uses the grader's own NumPy on plain arrays that came through
`autograder.protocol`, so nothing a submission does to NumPy or `__eq__` affects it.
"""
from __future__ import annotations

import contextlib
import contextvars
import io
import numbers
from typing import Any, Mapping

import numpy as np

from autograder.messages import mistake_text, text
from autograder.protocol import Opaque, Tensor

_REVEAL: contextvars.ContextVar[bool] = contextvars.ContextVar("reveal", default=False)


@contextlib.contextmanager
def reveal(on: bool):
    """Within this block, mismatch messages may show expected values (visible tests only)."""
    token = _REVEAL.set(on)
    try:
        yield
    finally:
        _REVEAL.reset(token)


class Mismatch(AssertionError):
    """A student's output is wrong.  `key`/`params` render the message; `diagnosis` is a mistake id."""

    def __init__(self, key: str, diagnosis: str | None = None, **params):
        super().__init__(key)
        self.key = key
        self.params = params
        self.diagnosis = diagnosis

    def render(self, lang: str = "zh") -> str:
        message = text(self.key, lang, **self.params)
        if self.diagnosis:
            message += " " + text("diagnosis", lang, text=mistake_text(self.diagnosis, lang))
        return message


# --------------------------------------------------------------------------------------------
# structure
# --------------------------------------------------------------------------------------------

def type_name(value: Any) -> str:
    """What a student's value is, for messages: a type, an opaque object's type, or "torch tensor"."""
    if isinstance(value, Opaque):
        return value.type_name
    if isinstance(value, Tensor):
        return f"{value.kind} tensor"
    return type(value).__name__


def expect_not_none(got: Any, what: str) -> None:
    if got is None:
        raise Mismatch("returned_none", what=what)


def expect_tuple(got: Any, n: int, what: str) -> tuple:
    """`got` must be a tuple or list of `n` items (a function returning several values)."""
    expect_not_none(got, what)
    if not isinstance(got, (tuple, list)):
        raise Mismatch("wrong_type", what=what, got=type_name(got), expected=f"tuple of {n}")
    if len(got) != n:
        raise Mismatch("wrong_length", what=what, got=len(got), expected=n)
    return tuple(got)


def expect_dict(got: Any, keys, what: str) -> dict:
    """`got` must be a dict holding at least `keys` (extra keys, e.g. in a cache, are fine)."""
    expect_not_none(got, what)
    if not isinstance(got, dict):
        raise Mismatch("wrong_type", what=what, got=type_name(got), expected="dict")
    missing = [k for k in keys if k not in got]
    if missing:
        raise Mismatch("missing_keys", what=what, keys=", ".join(map(repr, missing)))
    return got


def expect_type(got: Any, types, what: str, expected: str) -> Any:
    expect_not_none(got, what)
    if not isinstance(got, types):
        raise Mismatch("wrong_type", what=what, got=type_name(got), expected=expected)
    return got


# --------------------------------------------------------------------------------------------
# numbers and arrays
# --------------------------------------------------------------------------------------------

def as_float_array(got: Any, what: str, expected_desc: str) -> np.ndarray:
    """`got` as a numeric ndarray, or a Mismatch naming what it is instead (None, a dict, ...)."""
    expect_not_none(got, what)
    if isinstance(got, bool) or isinstance(got, (str, bytes, dict, Opaque)):
        raise Mismatch("wrong_type", what=what, got=type_name(got), expected=expected_desc)
    if isinstance(got, (list, tuple)):
        try:
            got = np.array(got, dtype=np.float64)
        except (TypeError, ValueError):
            raise Mismatch("wrong_type", what=what, got=type_name(got), expected=expected_desc) from None
    if isinstance(got, (numbers.Number, np.generic)):
        got = np.array(got)
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "biuf":
        raise Mismatch("wrong_type", what=what, got=type_name(got), expected=expected_desc)
    return got


def expect_number(got: Any, what: str) -> float:
    """A number: a Python int or float, a NumPy scalar or any size-1 array (a cost as 0-d or (1, 1))."""
    arr = as_float_array(got, what, "number")
    if arr.size != 1:
        raise Mismatch("wrong_shape", what=what, got=arr.shape, expected="() (a number)")
    return float(arr.reshape(-1)[0])


def _close(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    both_nan = np.isnan(a) & np.isnan(b)
    with np.errstate(invalid="ignore"):
        ok = np.abs(a - b) <= atol + rtol * np.abs(b)
    return ok | both_nan | ((a == b) & np.isinf(b))


def _fmt(value: np.ndarray) -> str:
    with np.printoptions(precision=6, suppress=True, threshold=20, edgeitems=3):
        return np.array2string(np.asarray(value, dtype=np.float64)) if np.ndim(value) else f"{float(value):.6g}"


NAMED_FACTORS = {"-1": -1.0, "2": 2.0, "1/2": 0.5}


def _constant_factor(got: np.ndarray, expected: np.ndarray) -> float | None:
    mask = np.abs(expected) > 1e-8
    if mask.sum() < 1:
        return None
    ratio = got[mask] / expected[mask]
    c = float(np.median(ratio))
    if not np.isfinite(c) or abs(c) < 1e-12 or abs(c - 1) < 1e-3:  # ~1 is rounding (float32), not a factor
        return None
    if np.allclose(got, c * expected, rtol=1e-4, atol=1e-8 * max(1.0, abs(c))):
        return c
    return None


def _matching_mistake(got: np.ndarray, expected: np.ndarray, mistakes: Mapping[str, Any] | None,
                      rtol: float, atol: float) -> str | None:
    """The catalogued mistake whose output equals the student's (same shape, close values)."""
    for mistake_id, value in (mistakes or {}).items():
        try:
            value = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            continue
        if value.shape != got.shape:
            if value.size == 1 and got.size == 1:
                value = value.reshape(got.shape)
            else:
                continue
        if value.shape == expected.shape and _close(value, expected, rtol, atol).all():
            continue  # indistinguishable from the right answer on these inputs
        if _close(got, value, max(rtol, 1e-4), max(atol, 1e-7)).all():
            return mistake_id
    return None


def expect_close(got: Any, expected: Any, what: str, *, mistakes: Mapping[str, Any] | None = None,
                 rtol: float = 1e-5, atol: float = 1e-7, factors: Mapping[str, float] | None = None) -> None:
    """`got` must be numerically close to `expected` (an array or a number).

    A scalar expectation accepts any real number or size-1 array (a cost returned as `np.squeeze`d
    0-d array or as a Python float).  Integer and bool outputs are fine when the values agree.
    `mistakes` maps mistake ids to the output each catalogued mistake gives on the same inputs;
    `factors` names extra constant factors worth naming (e.g. {"m": m, "1/m": 1/m}).
    """
    expected = np.asarray(expected, dtype=np.float64)
    scalar = expected.ndim == 0
    arr = as_float_array(got, what, "number" if scalar else f"numpy array of shape {expected.shape}")
    if scalar:
        if arr.size != 1:
            raise Mismatch("wrong_shape", what=what, got=arr.shape, expected="() (a number)")
        arr = arr.reshape(())
    elif arr.shape != expected.shape:
        diagnosis = _matching_mistake(arr.astype(np.float64), expected, mistakes, rtol, atol)
        if diagnosis is not None:
            expect_shape(arr, expected, what, diagnosis)
        if arr.ndim == 2 and arr.T.shape == expected.shape and arr.shape != arr.T.shape:
            raise Mismatch("transposed", what=what, got=arr.shape, expected=expected.shape)
        if arr.size == expected.size and np.squeeze(arr).shape == np.squeeze(expected).shape:
            raise Mismatch("broadcast_shape", what=what, got=arr.shape, expected=expected.shape)
        raise Mismatch("wrong_shape", what=what, got=arr.shape, expected=expected.shape)
    ok = _close(arr, expected, rtol, atol)
    if ok.all():
        return
    got_f = arr.astype(np.float64)
    diagnosis = _matching_mistake(got_f, expected, mistakes, rtol, atol)
    bad_finite = ~np.isfinite(got_f) & np.isfinite(expected)
    if diagnosis is None and bad_finite.any():
        raise Mismatch("not_finite", what=what, count=int(bad_finite.sum()))
    if _REVEAL.get():
        raise Mismatch("values_differ_visible", diagnosis, what=what, got=_fmt(arr), expected=_fmt(expected))
    if diagnosis is None and arr.dtype.kind in "biu" and expected.dtype.kind == "f" and \
            not np.allclose(expected, np.round(expected)):
        raise Mismatch("integer_dtype", what=what, dtype=str(arr.dtype))
    factor = _constant_factor(got_f, expected) if diagnosis is None else None
    if factor is not None:
        if abs(factor + 1) < 1e-4:
            raise Mismatch("sign_flipped", what=what)
        for name, value in {**NAMED_FACTORS, **(factors or {})}.items():
            if abs(factor - value) <= 1e-4 * max(1.0, abs(value)):
                raise Mismatch("factor_named", what=what, name=name)
        raise Mismatch("factor", what=what, factor=f"{factor:.3g}")
    rel = np.abs(got_f - expected) / np.maximum(np.abs(expected), 1e-12)
    rel = np.where(np.isfinite(rel), rel, np.inf)
    if arr.ndim == 0:
        raise Mismatch("value_differs", diagnosis, what=what, rel=float(rel))
    worst = np.unravel_index(int(np.argmax(np.where(ok, -1.0, rel))), arr.shape) if arr.ndim else ()
    raise Mismatch("values_differ", diagnosis, what=what, bad=int((~ok).sum()), total=int(ok.size),
                   rel=float(np.max(np.where(ok, 0.0, rel))), index=tuple(int(i) for i in worst))


def expect_equal(got: Any, expected: Any, what: str, *, mistakes: Mapping[str, Any] | None = None) -> None:
    """Exact agreement for discrete outputs: labels, strings, integers, nested plain data.

    Arrays are compared by shape and values (any numeric dtype, bool included).
    """
    if isinstance(expected, np.ndarray):
        arr = as_float_array(got, what, f"numpy array of shape {expected.shape}")
        if arr.shape != expected.shape:
            expect_close(arr, expected.astype(np.float64), what)  # names the shape problem
        if np.array_equal(arr.astype(np.float64), expected.astype(np.float64)):
            return
    elif _plain_equal(got, expected):
        return
    diagnosis = None
    for mistake_id, value in (mistakes or {}).items():
        if not _plain_equal(value, expected) and _plain_equal(got, value):
            diagnosis = mistake_id
            break
    if _REVEAL.get():
        raise Mismatch("not_equal_visible", diagnosis, what=what, got=_short(got), expected=_short(expected))
    raise Mismatch("not_equal", diagnosis, what=what)


def _plain_equal(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        try:
            a, b = np.asarray(a), np.asarray(b)
            return a.shape == b.shape and a.dtype.kind != "O" and b.dtype.kind != "O" and bool(np.array_equal(a, b))
        except (TypeError, ValueError):
            return False
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_plain_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_plain_equal(a[k], b[k]) for k in a)
    if type(a) is Opaque or type(b) is Opaque:
        return False
    if isinstance(a, np.generic):
        a = a.item()
    if isinstance(b, np.generic):
        b = b.item()
    if isinstance(a, str) != isinstance(b, str):
        return False
    try:
        return bool(a == b) if isinstance(a, (str, numbers.Number, type(None))) else False
    except Exception:
        return False


def _short(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return _fmt(value)
    r = repr(value)
    return r if len(r) <= 200 else r[:200] + "…"


def fail(check_id: str, diagnosis: str | None = None, **params) -> None:
    """Fail with a chapter message `chNN.name` from `autograder/messages/chNN.py` `CHECKS`
    (properties of random draws, training runs, ...)."""
    raise Mismatch("check:" + check_id, diagnosis, **params)


# --------------------------------------------------------------------------------------------
# several outputs at once: a mistake is named only when all of the student's outputs agree with it
# --------------------------------------------------------------------------------------------

PARTS_RTOL, PARTS_ATOL = 1e-4, 1e-6   # float32-safe: a correct float32 or einsum version passes


def as_array(value: Any) -> np.ndarray | None:
    """`value` as a float64 array, or None when it is not numeric data."""
    if isinstance(value, (Opaque, str, bytes, dict)) or value is None:
        return None
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None


def same(a: Any, b: Any, rtol: float = PARTS_RTOL, atol: float = PARTS_ATOL) -> bool:
    """Numerically the same (size-1 shapes are interchangeable, NaN equals NaN)."""
    a, b = as_array(a), as_array(b)
    if a is None or b is None:
        return False
    if a.shape != b.shape:
        if a.size == 1 and b.size == 1:
            a, b = a.reshape(()), b.reshape(())
        else:
            return False
    return bool(np.allclose(a, b, rtol=max(rtol, 1e-4), atol=max(atol, 1e-7), equal_nan=True))


def expect_shape(got: Any, expected: Any, what: str, diagnosis: str | None = None) -> None:
    """Fail when `got`'s shape differs from `expected`'s (a transpose and (n,) vs (n,1) are named)."""
    g, e = as_array(got), np.asarray(expected)
    if g is None or g.shape == e.shape or (e.ndim == 0 and g.size == 1):
        return
    if g.ndim == 2 and g.T.shape == e.shape:
        key = "transposed"
    elif diagnosis is None and g.size == e.size and np.squeeze(g).shape == np.squeeze(e).shape:
        key = "broadcast_shape"   # a named mistake explains itself better than the generic hint
    else:
        key = "wrong_shape"
    raise Mismatch(key, diagnosis, what=what, got=tuple(g.shape), expected=tuple(e.shape))


def pick_outputs(raw: Mapping[str, Any], pick) -> Mapping[str, Any]:
    """{mistake id: pick(output)} for the variants whose output has the picked parts (lazily)."""
    from autograder.catalogue import LazyOutputs

    def compute() -> dict:
        out = {}
        for mistake_id, value in raw.items():
            try:
                out[mistake_id] = pick(value)
            except Exception:  # a variant whose output lacks a part cannot be this student's
                continue
        return out
    return LazyOutputs(compute)


def diagnose_parts(got: Mapping, expected: Mapping, outputs: Mapping[str, Mapping]) -> str | None:
    """The mistake whose every part agrees with the student's (and differs from the reference)."""
    for mistake_id, parts in outputs.items():
        if all(same(parts.get(k), expected[k]) for k in expected):
            continue
        if all(same(got[k], parts.get(k)) for k in expected):
            return mistake_id
    return None


def try_call(compute) -> Any:
    """`compute()`, or None when it fails: probing a student's *other* functions never fails a test."""
    from autograder.grading import StudentError
    try:
        return compute()
    except (StudentError, Mismatch, Exception):
        return None


def quietly(fn, *args, **kwargs):
    """Call a reference function that prints progress, without printing."""
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args, **kwargs)


def expect_parts(got: Mapping, expected: Mapping, raw_mistakes: Mapping[str, Any], pick, what: Mapping[str, str],
                 labels: bool = False, alternative=None, rtol: float = PARTS_RTOL, atol: float = PARTS_ATOL) -> None:
    """Each part `k` of the student's output must match `expected[k]`; a catalogued mistake is named
    when all of the student's parts agree with it (`pick(variant output) -> {k: part}`).

    `alternative()` gives what a correct function built on the student's *own* helpers returns (an
    optimizer calling the student's propagate): agreeing with it is full marks too, so that one
    mistake costs points only in the function that has it."""
    try:  # the common case, a right answer, needs no catalogue
        for k in expected:
            if labels:
                expect_equal(got[k], np.asarray(expected[k]), what[k])
            else:
                expect_close(got[k], expected[k], what[k], rtol=rtol, atol=atol)
        return
    except Mismatch:
        pass
    if alternative is not None and not all(same(got[k], expected[k]) for k in expected):
        alt = try_call(alternative)
        if alt is not None and all(same(got[k], alt[k]) for k in expected):
            return
    outputs = pick_outputs(raw_mistakes, pick)
    diagnosis = diagnose_parts(got, expected, outputs)
    for k in expected:
        if diagnosis is not None:
            expect_shape(got[k], expected[k], what[k], diagnosis)
            mistakes = {diagnosis: outputs[diagnosis][k]}
        else:
            mistakes = {mid: parts[k] for mid, parts in outputs.items() if k in parts}
        if labels:
            expect_equal(got[k], np.asarray(expected[k]), what[k], mistakes=mistakes)
        else:
            expect_close(got[k], expected[k], what[k], mistakes=mistakes, rtol=rtol, atol=atol)
