"""Catalogues of named common mistakes, written as small variants of the reference.

A chapter's catalogue (`autograder/mistakes/chNN.py`) registers each variant with

    catalogue = Catalogue("ch04")

    @catalogue.variant("propagate", "cost_missing_1_over_m")
    def propagate(W, b, X, Y):
        ...   # the reference with exactly one mistake

Each variant's text lives in `autograder/messages/chNN.py` under `MISTAKES["propagate.cost_missing_1_over_m"]`.
Graders compute what each variant returns on the test's inputs (`Catalogue.outputs`) and pass that
to `expect_close(..., mistakes=...)`, which names the mistake whose output the student's matches.
The same variants are a self-test (tests/test_catalogues.py): loaded as a student's code, every
variant must lose points and be named.
"""
from __future__ import annotations

import copy
import inspect
import re
import textwrap
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any, Callable


class LazyOutputs(MutableMapping):
    """{mistake id: output}, computed on first use: a correct answer never pays for running the
    catalogue, since only a failing comparison looks at it.  Graders may edit it like a dict."""

    def __init__(self, compute: Callable[[], dict]):
        self._compute = compute
        self._data: dict | None = None

    def _outputs(self) -> dict:
        if self._data is None:
            self._data = self._compute()
        return self._data

    def __getitem__(self, key):
        return self._outputs()[key]

    def __iter__(self):
        return iter(self._outputs())

    def __len__(self):
        return len(self._outputs())

    def __setitem__(self, key, value):
        self._outputs()[key] = value

    def __delitem__(self, key):
        del self._outputs()[key]

    def copy(self) -> dict:
        return dict(self._outputs())


@dataclass(frozen=True)
class Variant:
    chapter: str
    function: str  # the graded function this variant imitates
    name: str
    fn: Callable

    @property
    def id(self) -> str:
        return f"{self.chapter}.{self.function}.{self.name}"

    def source(self) -> str:
        """The variant's source, renamed to the graded function (to load it as a student's code)."""
        src = textwrap.dedent(inspect.getsource(self.fn))
        src = re.sub(r"^@\w+\.variant\(.*\)\n", "", src, flags=re.M)   # the catalogue's own decorator only
        return re.sub(rf"^(def|class) {re.escape(self.fn.__name__)}\b", rf"\1 {self.function}", src, count=1,
                      flags=re.M)


class Catalogue:
    def __init__(self, chapter: str):
        self.chapter = chapter
        self._variants: list[Variant] = []

    def variant(self, function: str, name: str):
        def register(fn: Callable) -> Callable:
            if any(v.function == function and v.name == name for v in self._variants):
                raise ValueError(f"duplicate mistake {function}.{name}")
            self._variants.append(Variant(self.chapter, function, name, fn))
            return fn
        return register

    def __iter__(self):
        return iter(self._variants)

    def variants_of(self, function: str) -> list[Variant]:
        return [v for v in self._variants if v.function == function]

    def outputs(self, function: str, *args, pick: Callable[[Any], Any] | None = None, **kwargs) -> LazyOutputs:
        """{mistake id: what that variant returns on these inputs} (after `pick`), computed when first
        looked at.  Variants get deep copies of the inputs (taken now); a variant that raises is left out.
        """
        args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)

        def compute() -> dict:
            out = {}
            for v in self.variants_of(function):
                try:
                    result = v.fn(*copy.deepcopy(args), **copy.deepcopy(kwargs))
                    out[v.id] = pick(result) if pick else result
                except Exception:
                    continue
            return out
        return LazyOutputs(compute)
