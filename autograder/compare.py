"""Compare a student's output with the expected one, and say what kind of thing is wrong.

Every check raises `Mismatch` (a failed test, never a grader error).  A Mismatch names *what* is wrong
(type, shape, transpose, (n,) vs (n,1), NaN/Inf, sign, constant factor, values and where) and, when a
catalogued mistake explains the student's output (`autograder.diagnosis`), the mistake's id.
Expected values are only shown for visible tests (`reveal()`): a hidden test never prints them.

All numerical work here uses the grader's own NumPy on plain arrays that came through
`autograder.worker.protocol`, so nothing a submission does to NumPy or `__eq__` affects it.
"""
from __future__ import annotations

import contextlib
import contextvars
import numbers
from typing import Any, Callable, Mapping

import numpy as np

from autograder.diagnosis import accepted, name_mistake, parts_of
from autograder.results import Mismatch
from autograder.quiet import silenced
from autograder.worker.protocol import Opaque, Tensor

_REVEAL: contextvars.ContextVar[bool] = contextvars.ContextVar("reveal", default=False)


@contextlib.contextmanager
def reveal(on: bool):
    """Within this block, mismatch messages may show expected values (visible tests only)."""
    token = _REVEAL.set(on)
    try:
        yield
    finally:
        _REVEAL.reset(token)


def quietly(fn, *args, **kwargs):
    """Call a reference function that prints progress, without printing."""
    with silenced():
        return fn(*args, **kwargs)


def fail(check_id: str, diagnosis: str | None = None, **params) -> None:
    """Fail with a chapter message `chNN.name` from `autograder/messages/chNN.py` `CHECKS`
    (properties of random draws, training runs, ...)."""
    raise Mismatch("check:" + check_id, diagnosis, **params)


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


def expect_dict(got: Any, keys, what: str, mistakes: Mapping[str, Any] | None = None) -> dict:
    """`got` must be a dict holding at least `keys` (extra keys, e.g. in a cache, are fine); a
    missing key set that a catalogued mistake's dict also lacks names that mistake."""
    expect_not_none(got, what)
    if not isinstance(got, dict):
        raise Mismatch("wrong_type", what=what, got=type_name(got), expected="dict")
    missing = [k for k in keys if k not in got]
    if missing:
        lacking = {mid: set(keys) - set(out) for mid, out in (mistakes or {}).items() if isinstance(out, dict)}
        named = {mid for mid, lack in lacking.items() if lack and lack == set(missing)}
        raise Mismatch("missing_keys", named.pop() if len(named) == 1 else None, what=what,
                       keys=", ".join(map(repr, missing)))
    return got


TENSOR_TYPES = {"torch": "torch.Tensor", "tf": "tf.Tensor"}


def expect_tensor(value: Any, kind: str, what: str, diagnosis: str | None = None) -> np.ndarray:
    """A framework tensor's values (`kind` 'torch' or 'tf'); anything else is the wrong type."""
    expect_not_none(value, what)
    if isinstance(value, Tensor) and value.kind == kind:
        return value.values
    raise Mismatch("wrong_type", diagnosis, what=what, got=type_name(value), expected=TENSOR_TYPES[kind])


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
    if isinstance(got, bool) or isinstance(got, (str, bytes, dict, Opaque, Tensor)):
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


def shape_key(got_shape: tuple, expected_shape: tuple, diagnosis: str | None = None) -> str:
    """The message for a wrong shape: a transpose and (n,) vs (n,1) are named (unless a catalogued
    mistake explains it better)."""
    got_shape, expected_shape = tuple(got_shape), tuple(expected_shape)
    if len(got_shape) == 2 and got_shape[::-1] == expected_shape and got_shape != expected_shape:
        return "transposed"
    if diagnosis is None and int(np.prod(got_shape)) == int(np.prod(expected_shape)) and \
            tuple(n for n in got_shape if n != 1) == tuple(n for n in expected_shape if n != 1):
        return "broadcast_shape"
    return "wrong_shape"


def expect_array(got: Any, shape, what: str, diagnosis: str | None = None) -> np.ndarray:
    """`got` as a numeric ndarray of `shape` (lists are fine), or a Mismatch naming the problem."""
    arr = as_float_array(got, what, f"numpy array of shape {tuple(shape)}")
    if arr.shape != tuple(shape):
        raise Mismatch(shape_key(arr.shape, shape, diagnosis), diagnosis, what=what, got=arr.shape,
                       expected=tuple(shape))
    return arr


def expect_shape(got: Any, expected: Any, what: str, diagnosis: str | None = None) -> None:
    """Fail when `got`'s shape differs from `expected`'s (a number accepts any size-1 array)."""
    e = np.asarray(expected)
    arr = as_float_array(got, what, f"numpy array of shape {e.shape}")
    if arr.shape != e.shape and not (e.ndim == 0 and arr.size == 1):
        raise Mismatch(shape_key(arr.shape, e.shape, diagnosis), diagnosis, what=what, got=tuple(arr.shape),
                       expected=tuple(e.shape))


def scaled_atol(expected: Any, relative: float = 1e-6) -> float:
    """An absolute tolerance of `relative` times the largest expected magnitude (at least `relative`):
    float32 code loses about 1e-7 of the largest terms to cancellation."""
    e = np.asarray(expected, dtype=np.float64)
    finite = e[np.isfinite(e)]
    return relative * max(1.0, float(np.max(np.abs(finite)))) if finite.size else relative


def _elementwise_close(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    a, b = a.astype(np.float64), b.astype(np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        ok = np.abs(a - b) <= atol + rtol * np.abs(b)
    return ok | (np.isnan(a) & np.isnan(b)) | ((a == b) & np.isinf(b))


def _fmt(value: np.ndarray) -> str:
    with np.printoptions(precision=6, suppress=True, threshold=20, edgeitems=3):
        return np.array2string(np.asarray(value, dtype=np.float64)) if np.ndim(value) else f"{float(value):.6g}"


NAMED_FACTORS = {"-1": -1.0, "2": 2.0, "1/2": 0.5}


def _constant_factor(got: np.ndarray, expected: np.ndarray) -> float | None:
    mask = np.abs(expected) > 1e-8
    if mask.sum() < 1:
        return None
    with np.errstate(all="ignore"):
        c = float(np.median(got[mask] / expected[mask]))
        if not np.isfinite(c) or abs(c) < 1e-12 or abs(c - 1) < 1e-3:  # ~1 is rounding, not a factor
            return None
        return c if np.allclose(got, c * expected, rtol=1e-4, atol=1e-8 * max(1.0, abs(c))) else None


def _factor_mismatch(got: np.ndarray, expected: np.ndarray, what: str, factors: Mapping[str, float] | None):
    """A Mismatch naming a constant factor between `got` and `expected` (sign, 2, m, 1/m ...), or None."""
    factor = _constant_factor(got, expected)
    if factor is None:
        return None
    if abs(factor + 1) < 1e-4:
        return Mismatch("sign_flipped", what=what)
    for name, value in {**NAMED_FACTORS, **(factors or {})}.items():
        if abs(factor - value) <= 1e-4 * max(1.0, abs(value)):
            return Mismatch("factor_named", what=what, name=name)
    return Mismatch("factor", what=what, factor=f"{factor:.3g}")


def _where_wrong(mismatch: Mismatch, ok: np.ndarray) -> Mismatch:
    """Attach to `mismatch` where the compared array is wrong: `where_wrong`, a boolean mask of the
    wrong entries (True = wrong; None for a number), for the verdict's map (autograder.heatmap).  It
    says where, never a value, so a hidden test's Mismatch carries it too."""
    mismatch.where_wrong = ~ok if ok.ndim else None
    return mismatch


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
            raise Mismatch("wrong_shape", name_mistake(arr, expected, mistakes, rtol, atol), what=what,
                           got=arr.shape, expected="() (a number)")
        arr = arr.reshape(())
    elif arr.shape != expected.shape:
        expect_shape(arr, expected, what, name_mistake(arr, expected, mistakes, rtol, atol))
    ok = _elementwise_close(arr, expected, rtol, atol)
    if ok.all():
        return
    got_f = arr.astype(np.float64)
    diagnosis = name_mistake(got_f, expected, mistakes, rtol, atol)
    bad_finite = ~np.isfinite(got_f) & np.isfinite(expected)
    if diagnosis is None and bad_finite.any():
        raise _where_wrong(Mismatch("not_finite", what=what, count=int(bad_finite.sum())), ok)
    if diagnosis is None and arr.dtype.kind in "biu" and not np.allclose(expected, np.round(expected)):
        raise _where_wrong(Mismatch("integer_dtype", what=what, dtype=str(arr.dtype)), ok)
    factor = _factor_mismatch(got_f, expected, what, factors) if diagnosis is None else None
    if _REVEAL.get():
        raise _where_wrong(Mismatch("values_differ_visible", diagnosis, also=factor, what=what, got=_fmt(arr),
                                    expected=_fmt(expected)), ok)
    if factor is not None:
        raise _where_wrong(factor, ok)
    with np.errstate(all="ignore"):
        rel = np.abs(got_f - expected) / np.maximum(np.abs(expected), 1e-12)
    rel = np.where(np.isfinite(rel), rel, np.inf)
    if arr.ndim == 0:
        raise _where_wrong(Mismatch("value_differs", diagnosis, what=what, rel=float(rel)), ok)
    worst = np.unravel_index(int(np.argmax(np.where(ok, -1.0, rel))), arr.shape)
    raise _where_wrong(Mismatch("values_differ", diagnosis, what=what, bad=int((~ok).sum()), total=int(ok.size),
                                rel=float(np.max(np.where(ok, 0.0, rel))), index=tuple(int(i) for i in worst)), ok)


def expect_equal(got: Any, expected: Any, what: str, *, mistakes: Mapping[str, Any] | None = None) -> None:
    """Exact agreement for discrete outputs: labels, strings, integers, nested plain data.

    Arrays are compared by shape and values (any numeric dtype, bool included)."""
    if isinstance(expected, np.ndarray):
        arr = as_float_array(got, what, f"numpy array of shape {expected.shape}")
        if arr.shape != expected.shape:
            expect_shape(arr, expected, what, name_mistake(arr, expected, mistakes))
    if accepted(got, expected, rtol=0.0, atol=0.0):
        return
    diagnosis = name_mistake(got, expected, mistakes, rtol=0.0, atol=0.0)
    if _REVEAL.get():
        raise Mismatch("not_equal_visible", diagnosis, what=what, got=_short(got), expected=_short(expected))
    raise Mismatch("not_equal", diagnosis, what=what)


def _short(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return _fmt(value)
    r = repr(value)
    return r if len(r) <= 200 else r[:200] + "…"


# --------------------------------------------------------------------------------------------
# several outputs at once
# --------------------------------------------------------------------------------------------

PARTS_RTOL, PARTS_ATOL = 1e-4, 1e-6   # float32-safe: a correct float32 or einsum version passes


def expect_parts(got: Mapping, expected: Mapping, outputs: Mapping[str, Any], pick: Callable, what: Mapping[str, str],
                 labels: bool = False, rtol: float = PARTS_RTOL, atol: float = PARTS_ATOL) -> None:
    """Each part `k` of the student's output must match `expected[k]`, checked in order (the cause
    first: a cache before the output computed from it).  `outputs` holds the catalogue's raw outputs
    on the same inputs and `pick(output) -> {k: part}` takes their parts; a mistake that explains the
    student's every part is named, else the one that explains the first failing part."""
    try:  # the common case, a right answer, needs no catalogue
        _compare_parts(got, expected, what, None, labels, rtol, atol)
        return
    except Mismatch:
        pass
    variants = parts_of(outputs, pick)
    whole = name_mistake(got, expected, variants, rtol, atol)
    _compare_parts(got, expected, what, variants, labels, rtol, atol, whole)


def _compare_parts(got, expected, what, variants, labels, rtol, atol, whole=None):
    for k in expected:
        mistakes = {whole: variants[whole][k]} if whole else parts_of(variants, lambda parts, k=k: parts[k])
        if labels:
            expect_equal(got[k], np.asarray(expected[k]), what[k], mistakes=mistakes)
        else:
            expect_close(got[k], expected[k], what[k], mistakes=mistakes, rtol=rtol, atol=atol)


def expect_dict_close(got: Any, expected: Mapping, what: str, outputs: Mapping[str, Any] | None = None,
                      **tolerances) -> dict:
    """A dict of arrays (gradients, optimiser state, parameters) close to `expected` key by key, in
    the expected order; `outputs` are the catalogue's dicts on the same inputs."""
    outputs = outputs or {}
    got = expect_dict(got, list(expected), what, outputs)
    for k in expected:
        expect_close(got[k], expected[k], f"{what}['{k}']", mistakes=parts_of(outputs, lambda out, k=k: out[k]),
                     **tolerances)
    return got
