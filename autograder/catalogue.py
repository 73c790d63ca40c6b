"""Catalogues of named common mistakes, written as small variants of the reference.

A chapter's catalogue (`autograder/mistakes/chNN.py`) registers each variant in one of two ways:

    catalogue = Catalogue("ch04")

    # most mistakes are one change to the reference: say the change, the variant follows from it
    catalogue.edit("propagate", "cost_missing_1_over_m", ("cost = -1.0 / m * np.sum(", "cost = -np.sum("))

    # a mistake that rewrites the function is written out in full
    @catalogue.variant("propagate", "loops_over_the_wrong_axis")
    def propagate(W, b, X, Y):
        ...

Each variant's text lives in `autograder/messages/chNN.py` under `MISTAKES["propagate.cost_missing_1_over_m"]`.
Graders compute what each variant returns on the test's inputs (`Catalogue.outputs`) and pass that
to `expect_close(..., mistakes=...)`, which names the mistake whose output the student's matches.
The same variants are a self-test (tests/test_catalogues.py): loaded as a student's code, every
variant must lose points and be named.
"""
from __future__ import annotations

import copy
import importlib
import inspect
import re
import textwrap
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any, Callable

from autograder.quiet import silenced


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
    edited_source: str | None = None   # for `Catalogue.edit` variants: the reference's source, edited

    @property
    def id(self) -> str:
        return f"{self.chapter}.{self.function}.{self.name}"

    def source(self) -> str:
        """The variant's source, renamed to the graded function (to load it as a student's code)."""
        if self.edited_source is not None:
            return self.edited_source
        src = textwrap.dedent(inspect.getsource(self.fn))
        src = re.sub(r"^@\w+\.variant\(.*\)\n", "", src, flags=re.M)   # the catalogue's own decorator only
        return re.sub(rf"^(def|class) {re.escape(self.fn.__name__)}\b", rf"\1 {self.function}", src, count=1,
                      flags=re.M)


class Catalogue:
    """The named mistakes of one chapter.  `reference` is the module whose functions `edit` changes
    (default `solutions.<chapter>`)."""

    def __init__(self, chapter: str, reference: str | None = None):
        self.chapter = chapter
        self.reference = reference or f"solutions.{chapter}"
        self._variants: list[Variant] = []

    def _add(self, variant: Variant) -> None:
        if any(v.function == variant.function and v.name == variant.name for v in self._variants):
            raise ValueError(f"duplicate mistake {variant.function}.{variant.name}")
        self._variants.append(variant)

    def variant(self, function: str, name: str):
        """Register the decorated function as the mistake `name` of `function`."""
        def register(fn: Callable) -> Callable:
            self._add(Variant(self.chapter, function, name, fn))
            return fn
        return register

    def edit(self, function: str, name: str, *changes: tuple[str, str]) -> Variant:
        """Register the mistake `name` of `function`: the reference's source with each `(old, new)`
        text replaced.  Every `old` must occur in the source (so a changed reference fails loudly,
        at import); its every occurrence is replaced.  The variant runs beside the reference
        module's other functions, exactly as its source would in a student's notebook."""
        module = importlib.import_module(self.reference)
        source = textwrap.dedent(inspect.getsource(getattr(module, function)))
        for old, new in changes:
            if old not in source:
                raise ValueError(f"{self.chapter}.{function}.{name}: {old!r} is not in the reference")
            source = source.replace(old, new)
        namespace = dict(vars(module))
        exec(compile(source, f"<mistake {self.chapter}.{function}.{name}>", "exec"), namespace)
        variant = Variant(self.chapter, function, name, namespace[function], edited_source=source)
        self._add(variant)
        return variant

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
            return {v.id: out for v in self.variants_of(function)
                    for out in [run_quietly(v.fn, args, kwargs, pick)] if out is not FAILED}
        return LazyOutputs(compute)


FAILED = object()


def run_quietly(fn: Callable, args: tuple, kwargs: dict, pick: Callable | None = None) -> Any:
    """`pick(fn(*args, **kwargs))` on deep copies, silently: no prints, no NumPy floating-point
    warnings, no Python warnings (a variant dividing by zero is expected; only the student's code
    may print), or FAILED when it raises (a variant that cannot run on these inputs names nothing)."""
    try:
        with silenced():
            result = fn(*copy.deepcopy(args), **copy.deepcopy(kwargs))
            return pick(result) if pick else result
    except Exception:  # noqa: BLE001
        return FAILED
