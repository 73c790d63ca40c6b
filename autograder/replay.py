"""What knows an answer, recorded at release time and replayed in the student's kernel.

A visible check asks things only the instructor's side can answer: the reference (`ref.f(x)`), the
catalogue's outputs, an oracle, the probes run on catalogued mistakes.  `make student`
(tools/student.py) runs every visible test once against the reference with each of those names
bound to a `Recorder`; every answer is stored under the chain of attribute accesses and calls that
asked for it (`ref.propagate(<args>)`), arguments by a fingerprint of their encoded bytes.  In the
student package the same names are bound to a `Replayer` answering from that record, so a visible
check runs as in the instructor's environment, while nothing installed there can compute an answer:
the record holds only the answers to the questions the visible tests ask.

A question the record does not hold (a check taking another path because the student's code
differs) raises `ReplayMissing`; the check then says it cannot run that part here (graded runs do).
"""
from __future__ import annotations

import hashlib
import importlib
import json
import types
from pathlib import Path
from typing import Any

from autograder.worker import protocol


class ReplayMissing(Exception):
    """The record holds no answer to this question."""


def _plain(value: Any) -> bool:
    """Whether `value` crosses the channel as data (no opaque object anywhere in it)."""
    def opaque(data):
        if isinstance(data, dict):
            return "$opaque" in data or any(opaque(v) for v in data.values())
        if isinstance(data, list):
            return any(opaque(v) for v in data)
        return False
    try:
        return not opaque(protocol.Encoder().encode(value))
    except Exception:  # noqa: BLE001
        return False


def _stable(value: Any) -> Any:
    """The arguments with the recorders and replayers in them replaced by their names (an object's
    address must not enter a fingerprint)."""
    if isinstance(value, (Recorder, Replayer)):
        return f"<{object.__getattribute__(value, '_key')}>"
    if isinstance(value, (CatalogueRecorder, CatalogueReplayer)):
        return f"<{value._key}>"
    if isinstance(value, types.ModuleType):
        return f"<module {value.__name__}>"
    if isinstance(value, (types.FunctionType, types.MethodType)):
        return f"<function {value.__qualname__}>"
    if isinstance(value, tuple):
        return tuple(_stable(v) for v in value)
    if isinstance(value, list):
        return [_stable(v) for v in value]
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    return value


def fingerprint(args: tuple, kwargs: dict) -> str:
    """A digest of a call's arguments as they cross the channel (arrays by dtype, shape and bytes)."""
    enc = protocol.Encoder()
    data = enc.encode((_stable(tuple(args)), _stable(dict(sorted(kwargs.items())))))
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8"))
    for buffer in enc.buffers:
        digest.update(buffer)
    return digest.hexdigest()[:24]


class Record:
    """{question: answer}; an answer is plain data, a module (by name) or an object (asked further)."""

    def __init__(self, answers: dict | None = None):
        self.answers: dict[str, Any] = answers or {}

    def put(self, key: str, value: Any) -> bool:
        """Store the answer `value`; False when it is an object whose answers come from asking further."""
        if isinstance(value, types.ModuleType):
            self.answers[key] = {"module": value.__name__}
            return True
        if callable(value) or not _plain(value):
            self.answers.setdefault(key, {"object": True})
            return False
        self.answers[key] = {"data": protocol.pack({}, {"value": value}).hex()}
        return True

    def get(self, key: str) -> Any:
        try:
            answer = self.answers[key]
        except KeyError:
            raise ReplayMissing(key) from None
        if "module" in answer:
            return importlib.import_module(answer["module"])
        if "data" not in answer:
            return Replayer(self, key)
        header, buffers = protocol.unpack(bytes.fromhex(answer["data"]))
        return protocol.decode(header["value"], buffers)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.answers, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "Record":
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))


def call_key(prefix: str, args: tuple, kwargs: dict) -> str:
    return f"{prefix}({fingerprint(args, kwargs)})"


def unwrap(value: Any) -> Any:
    """The real objects behind recorders (recorded objects passed back as arguments)."""
    if isinstance(value, Recorder):
        return object.__getattribute__(value, "_target")
    if isinstance(value, CatalogueRecorder):
        return value._catalogue
    if isinstance(value, tuple):
        return tuple(unwrap(v) for v in value)
    if isinstance(value, list):
        return [unwrap(v) for v in value]
    if isinstance(value, dict):
        return {k: unwrap(v) for k, v in value.items()}
    return value


class Recorder:
    """Wraps an object that knows answers; every answer it gives is stored in `record`."""

    def __init__(self, target: Any, key: str, record: Record):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_key", key)
        object.__setattr__(self, "_record", record)

    def _answer(self, value: Any, key: str) -> Any:
        record = object.__getattribute__(self, "_record")
        return value if record.put(key, value) else Recorder(value, key, record)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        target, key = object.__getattribute__(self, "_target"), object.__getattribute__(self, "_key")
        return self._answer(getattr(target, name), f"{key}.{name}")

    def __call__(self, *args, **kwargs) -> Any:
        target, key = object.__getattribute__(self, "_target"), object.__getattribute__(self, "_key")
        return self._answer(target(*unwrap(args), **unwrap(kwargs)), call_key(key, args, kwargs))


class Replayer:
    """An object of the instructor's side seen through its record: attribute accesses and calls are
    answered from it."""

    def __init__(self, record: Record, key: str):
        object.__setattr__(self, "_record", record)
        object.__setattr__(self, "_key", key)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)   # Python's own protocols (hasattr(x, "__grader__"), copy, ...)
        record, key = object.__getattribute__(self, "_record"), object.__getattribute__(self, "_key")
        return record.get(f"{key}.{name}")

    def __call__(self, *args, **kwargs) -> Any:
        record, key = object.__getattribute__(self, "_record"), object.__getattribute__(self, "_key")
        return record.get(call_key(key, args, kwargs))


# --- the catalogue: its outputs are recorded whole (before `pick`), its variants by id -----------

class CatalogueRecorder:
    """The chapter's catalogue, recording what the visible tests ask of it."""

    def __init__(self, catalogue, record: Record, key: str = "catalogue"):
        self._catalogue, self._record, self._key = catalogue, record, key
        self.chapter = catalogue.chapter

    def outputs(self, function: str, *args, pick=None, **kwargs):
        raw = dict(self._catalogue.outputs(function, *args, **kwargs))   # computed now, not lazily
        self._record.put(call_key(f"{self._key}.outputs.{function}", args, kwargs),
                         {k: v for k, v in raw.items() if _plain(v)})
        return _picked(raw, pick)

    def variants_of(self, function: str) -> list:
        variants = self._catalogue.variants_of(function)
        self._record.put(f"{self._key}.variants_of.{function}", [v.id for v in variants])
        return [_Variant(v.chapter, v.function, v.name, Recorder(v.fn, f"{self._key}.variant.{v.id}", self._record))
                for v in variants]


class CatalogueReplayer:
    """The catalogue in the student's package: the recorded outputs and variants."""

    def __init__(self, record: Record, chapter: str, key: str = "catalogue"):
        self._record, self._key, self.chapter = record, key, chapter

    def outputs(self, function: str, *args, pick=None, **kwargs):
        try:
            raw = self._record.get(call_key(f"{self._key}.outputs.{function}", args, kwargs))
        except ReplayMissing:
            raw = {}   # no mistake can be named here; the comparison still says what is wrong
        return _picked(raw, pick)

    def variants_of(self, function: str) -> list:
        ids = self._record.get(f"{self._key}.variants_of.{function}")
        return [_Variant(self.chapter, i.split(".")[1], i.split(".", 2)[2],
                         Replayer(self._record, f"{self._key}.variant.{i}")) for i in ids]

    def __iter__(self):
        return iter(())


class _Variant:
    def __init__(self, chapter, function, name, fn):
        self.chapter, self.function, self.name, self.fn = chapter, function, name, fn

    @property
    def id(self) -> str:
        return f"{self.chapter}.{self.function}.{self.name}"


def _picked(raw: dict, pick) -> dict:
    if pick is None:
        return raw
    out = {}
    for mistake_id, value in raw.items():
        try:
            out[mistake_id] = pick(value)
        except Exception:  # noqa: BLE001 - a variant whose output lacks the part
            continue
    return out


# --- probes run on the catalogued mistakes (autograder.probe_results.probe_variants) ------------

def record_probe_variants(probe_variants, record: Record, key: str = "probe_variants"):
    """`probe_variants` recording its answers (computed now, not lazily)."""
    def recorded(*args, **kwargs):
        answers = dict(probe_variants(*unwrap(args), **unwrap(kwargs)))
        record.put(call_key(key, args, kwargs), {k: v for k, v in answers.items() if _plain(v)})
        return answers
    return recorded


def replay_probe_variants(record: Record, key: str = "probe_variants"):
    def replayed(*args, **kwargs):
        try:
            return record.get(call_key(key, args, kwargs))
        except ReplayMissing:
            return {}
    return replayed
