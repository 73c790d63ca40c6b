"""The narrow channel between the grader and the worker: plain data and NumPy arrays, never pickle.

A message is one frame: an 8-byte big-endian length, a JSON header, then the raw bytes of each array
the header refers to.  `encode` turns a Python value into (header, buffers); `decode` turns it back
into plain Python and fresh `np.ndarray`s (never a subclass, never an object the sender made), so a
returned array subclass with a lying `__eq__` arrives as plain data.

This module is imported by the worker before any student code runs; it binds the functions it needs
at import time, so a submission that later replaces `json.dumps` or `np.asarray` cannot corrupt
what it sends (it can only send wrong data, which is graded as wrong).
"""
from __future__ import annotations

import json
import os
import struct
# Bound here so that a submission replacing builtins.len (etc.) cannot garble what the worker sends.
from builtins import (bool, bytes, dict, float, int, isinstance, len, list, memoryview, repr, str, sum,  # noqa: A004
                      tuple, type)
from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_DEPTH = 32
MAX_ITEMS = 100_000
MAX_BYTES = 512 * 1024 * 1024
_HEADER = struct.Struct(">Q")
_ndarray = np.ndarray
_generic = np.generic
_copy = np.ndarray.copy
_tobytes = np.ndarray.tobytes
_view = np.ndarray.view
_dumps = json.dumps
_loads = json.loads
_str_add = str.__add__   # "" + s: a plain str copy of any str subclass (np.str_), whatever it overrides


@dataclass(frozen=True)
class Function:
    """A function sent as data: the receiver builds it with `autograder.worker.callables.FACTORIES[kind](spec)`."""

    kind: str
    spec: Any


@dataclass(frozen=True)
class Opaque:
    """An object that cannot cross the channel as data (a module, a function, a model, ...)."""

    type_name: str
    summary: str = ""


class ProtocolError(Exception):
    pass


class Encoder:
    """Turns one value into JSON-able data plus a list of byte buffers.

    `extra` holds framework encoders (a `torch.Tensor` -> array with notes), tried before the
    fallback `Opaque`; each takes the value and returns JSON-able data or None.
    """

    extra: list = []

    def __init__(self):
        self.buffers: list[bytes] = []
        self.size = 0
        self.items = 0

    def encode(self, value: Any, depth: int = 0) -> Any:
        self.items += 1
        if depth > MAX_DEPTH or self.items > MAX_ITEMS:
            return {"$opaque": "too deeply nested or too large"}
        if value is None or type(value) in (bool, str):
            return value
        if isinstance(value, str):   # np.str_ and other str subclasses cross as plain text
            return _str_add("", value)
        if type(value) is int:
            return value if abs(value) < 2 ** 63 else {"$opaque": "int", "summary": "huge integer"}
        if type(value) is float:
            return {"$float": repr(value)} if value != value or value in (float("inf"), float("-inf")) else value
        if isinstance(value, _ndarray):
            return self._array(value, type(value) is not _ndarray and type(value).__name__)
        if isinstance(value, _generic):
            data = self._array(np.asarray(value), False)
            data["$scalar"] = True
            return data
        if type(value) in (list, tuple):
            tag = "$list" if type(value) is list else "$tuple"
            return {tag: [self.encode(v, depth + 1) for v in value]}
        if type(value) is dict:
            return {"$dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()]}
        if type(value) is Function:
            return {"$function": value.kind, "spec": self.encode(value.spec, depth + 1)}
        for encoder in self.extra:
            data = encoder(self, value)
            if data is not None:
                return data
        return {"$opaque": _qualname(value), "summary": _summary(value)}

    def _array(self, value, subclass) -> dict:
        if value.dtype.kind not in "biufc":
            return {"$opaque": f"ndarray[{value.dtype}]", "summary": "array of non-numeric dtype"}
        base = _view(value, _ndarray)
        if not base.flags.c_contiguous:
            base = _copy(base, order="C")
        raw = _tobytes(base)
        self.size += len(raw)
        if self.size > MAX_BYTES:
            return {"$opaque": "ndarray", "summary": "result too large"}
        self.buffers.append(raw)
        return {"$array": len(self.buffers) - 1, "dtype": base.dtype.str, "shape": list(base.shape),
                "subclass": subclass or None}


def _qualname(value: Any) -> str:
    t = type(value)
    return f"{getattr(t, '__module__', '?')}.{getattr(t, '__qualname__', '?')}"


def _summary(value: Any) -> str:
    try:
        r = object.__repr__(value)
    except Exception:
        r = "?"
    return r[:200]


def decode(data: Any, buffers: list[bytes]) -> Any:
    """Inverse of `Encoder.encode`, building only plain Python values and fresh ndarrays."""
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        raise ProtocolError("bare list in message")
    if not isinstance(data, dict) or len(data) == 0:
        raise ProtocolError("malformed value")
    if "$array" in data:
        dtype = np.dtype(str(data["dtype"]))
        if dtype.kind not in "biufc":
            raise ProtocolError("bad dtype")
        shape = tuple(int(n) for n in data["shape"])
        array = np.frombuffer(buffers[int(data["$array"])], dtype=dtype).reshape(shape).copy()
        return array[()] if data.get("$scalar") else array
    if "$float" in data:
        return float(data["$float"])
    if "$list" in data:
        return [decode(v, buffers) for v in data["$list"]]
    if "$tuple" in data:
        return tuple(decode(v, buffers) for v in data["$tuple"])
    if "$dict" in data:
        out = {}
        for k, v in data["$dict"]:
            key = decode(k, buffers)
            try:
                out[key] = decode(v, buffers)
            except TypeError:
                raise ProtocolError("unhashable key") from None
        return out
    if "$function" in data:  # built by trusted factories only
        from autograder.worker.callables import FACTORIES
        kind = str(data["$function"])
        if kind not in FACTORIES:
            raise ProtocolError("unknown function kind")
        return FACTORIES[kind](decode(data["spec"], buffers))
    if "$opaque" in data:
        return Opaque(str(data["$opaque"]), str(data.get("summary", "")))
    if "$tensor" in data:  # a framework tensor: its values plus what it was
        return Tensor(decode(data["$tensor"], buffers), str(data.get("kind", "")), str(data.get("dtype", "")),
                      bool(data.get("requires_grad", False)), str(data.get("device", "")))
    raise ProtocolError("unknown tag")


@dataclass(frozen=True)
class Tensor:
    """A framework tensor as it arrives in the grader: values as an ndarray plus its notes."""

    values: np.ndarray
    kind: str  # 'torch' | 'tf'
    dtype: str
    requires_grad: bool
    device: str


def pack(message: dict, value_fields: dict[str, Any] | None = None) -> bytes:
    """Frame a message whose `value_fields` are encoded values."""
    enc = Encoder()
    body = dict(message)
    for name, value in (value_fields or {}).items():
        body[name] = enc.encode(value)
    header = _dumps(body).encode("utf-8")
    sizes = [len(b) for b in enc.buffers]
    prefix = _dumps(sizes).encode("utf-8")
    return _HEADER.pack(len(prefix)) + prefix + _HEADER.pack(len(header)) + header + b"".join(enc.buffers)


def write_frame(fd: int, frame: bytes) -> None:
    view = memoryview(frame)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_exact(fd: int, n: int) -> bytes:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError("channel closed")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def unpack(frame: bytes) -> tuple[dict, list[bytes]]:
    """The (header, buffers) of a frame held in memory (as `pack` made it)."""
    view, pos = memoryview(frame), 0

    def take(n: int) -> bytes:
        nonlocal pos
        if pos + n > len(view):
            raise ProtocolError("truncated frame")
        pos += n
        return bytes(view[pos - n:pos])

    (n,) = _HEADER.unpack(take(_HEADER.size))
    sizes = _loads(take(n))
    (n,) = _HEADER.unpack(take(_HEADER.size))
    header = _loads(take(n))
    return header, [take(int(s)) for s in sizes]


def read_frame(fd: int) -> tuple[dict, list[bytes]]:
    """Read one framed message: (header dict, raw buffers).  Values in it still need `decode`."""
    (n,) = _HEADER.unpack(_read_exact(fd, _HEADER.size))
    if n > 1 << 24:
        raise ProtocolError("frame too large")
    sizes = _loads(_read_exact(fd, n))
    (n,) = _HEADER.unpack(_read_exact(fd, _HEADER.size))
    if n > 1 << 28 or sum(sizes) > MAX_BYTES:
        raise ProtocolError("frame too large")
    rest = memoryview(_read_exact(fd, n + sum(int(s) for s in sizes)))   # one read for all that is left
    header = _loads(bytes(rest[:n]))
    buffers, pos = [], n
    for size in sizes:
        buffers.append(bytes(rest[pos:pos + int(size)]))
        pos += int(size)
    return header, buffers
