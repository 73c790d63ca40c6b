"""What grading produces, as types: a failed comparison (`Mismatch`), a failed call into the
student's code (`StudentError`), one test's outcome (`TestResult`) and one notebook's (`GradeReport`).

Both failures carry a message key and its parameters, rendered in the reader's language only when
shown (`render`), and a `diagnosis`: the id of the catalogued mistake or of the kind of failure.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from autograder.messages import mistake_text, text


class Mismatch(AssertionError):
    """A student's output is wrong.  `key`/`params` render the message; `diagnosis` is a mistake id;
    `also` is another Mismatch whose message follows (a visible test's values, then the factor)."""

    def __init__(self, key: str, diagnosis: str | None = None, *, also: "Mismatch | None" = None, **params):
        super().__init__(key)
        self.key = key
        self.params = params
        self.diagnosis = diagnosis
        self.also = also

    def render(self, lang: str = "zh") -> str:
        message = text(self.key, lang, **self.params)
        if self.also is not None:
            message += " " + text(self.also.key, lang, **self.also.params)
        if self.diagnosis:
            message += " " + text("diagnosis", lang, text=mistake_text(self.diagnosis, lang))
        return message


class StudentError(Exception):
    """A call into the student's code failed (missing, exception, timeout, crash, ...).

    `key`/`params` render the student-facing message; `kind` is the diagnosis id of the failure.
    """

    def __init__(self, kind: str, key: str, **params):
        super().__init__(key)
        self.kind = kind
        self.key = key
        self.params = params

    def render(self, lang: str = "zh") -> str:
        message = text(self.key, lang, **{k: v for k, v in self.params.items() if k != "hint"})
        hint = self.params.get("hint")
        if hint:
            message += " " + text(hint[0], lang, **hint[1])
        return message


@dataclass(frozen=True)
class Definitions:
    """What a submission defines, to say why a function it calls is not there: `defined` holds the
    names it defines, `broken` the functions lost to a syntax error ({name: (cell, line, detail)}),
    `expected` the functions the assignment asks for."""

    defined: frozenset[str] = frozenset()
    broken: dict = field(default_factory=dict)
    expected: frozenset[str] = frozenset()

    def why_missing(self, name: str) -> tuple[str, dict] | None:
        """(message key, params) saying why `name` is undefined, when it is one of the student's own
        functions (broken, misspelled or not written); None for any other name (a notebook global)."""
        if name in self.broken:
            cell, line, detail = self.broken[name]
            return "helper_syntax_error", {"cell": cell, "line": line, "detail": detail}
        close = difflib.get_close_matches(name, sorted(self.defined), n=1, cutoff=0.8)
        if close:
            return "helper_misspelled", {"found": close[0]}
        if name in self.expected:
            return "helper_missing", {}
        return None


def missing_function(function: str, definitions: Definitions) -> StudentError:
    """The StudentError for a graded function the submission does not define: its cell has a syntax
    error, or its name is misspelled, or it is not there."""
    if function in definitions.broken:
        cell, line, detail = definitions.broken[function]
        return StudentError("syntax_error", "missing_function_syntax", function=function, cell=cell, line=line,
                            detail=detail)
    close = difflib.get_close_matches(function, sorted(definitions.defined - {function}), n=1, cutoff=0.8)
    if close:
        return StudentError("missing_function", "missing_function_misspelled", function=function, found=close[0])
    return StudentError("missing_function", "missing_function", function=function)


def student_error(function: str, info: dict, limits=None, definitions: Definitions | None = None) -> StudentError:
    """The StudentError for the failure `info` (see `autograder.worker.failures.exception_info`) of a
    call to `function`.  A failure inside another of the student's functions names that helper."""
    kind = info.get("kind", "exception")
    helper = info.get("in_function")
    helper = helper if helper and helper != function else None
    if kind == "not_implemented":
        if helper:
            return StudentError(kind, "helper_not_implemented", function=function, helper=helper)
        return StudentError(kind, "not_implemented", function=function)
    if kind == "exit_called":
        return StudentError(kind, "exit_called", function=function, etype=str(info.get("etype")))
    if kind == "memory":
        return StudentError(kind, "memory", function=function, limit_mb=getattr(limits, "memory_mb", "?"))
    if kind == "output_limit":
        return StudentError(kind, "output_limit", function=function, limit_kb=getattr(limits, "output_kb", "?"))
    if kind == "missing":
        return StudentError("missing_function", "missing_function", function=function)
    if kind == "unencodable":
        return StudentError(kind, "unencodable", function=function, detail=str(info.get("detail", ""))[:200])
    name = info.get("name")
    if name and definitions is not None:
        why = definitions.why_missing(name)
        if why is not None:
            key, params = why
            return StudentError("missing_helper", key, function=function, helper=name, **params)
    hint = ("global_name", {"name": name}) if name else None
    where = info.get("where") or ""
    key = "exception_in_helper" if helper else "exception"
    return StudentError("exception", key, function=function, helper=helper or "", etype=str(info.get("etype")),
                        detail=str(info.get("detail", "")), where=f" [{where}]" if where else "", hint=hint)


@dataclass
class TestResult:
    __test__ = False  # not a pytest test class
    name: str
    function: str
    score: float
    max_score: float
    visible: bool
    status: str  # 'passed' | 'failed' | 'error'
    output: str = ""
    diagnosis: str | None = None
    description: str = ""
    graded_around: tuple[str, ...] = ()   # the student's helpers replaced by the reference's
    traceback: str = ""                   # a grader error's traceback (for the project, not the student)
    where_wrong: Any = None               # boolean mask of the wrong entries of a compared array (never values)


@dataclass
class GradeReport:
    notebook: str
    assignment: str | None
    seed: int
    isolation: str
    tests: list[TestResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # notebook-level messages (syntax, load errors)
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    def by_function(self) -> dict[str, tuple[float, float]]:
        out: dict[str, list[float]] = {}
        for t in self.tests:
            s = out.setdefault(t.function, [0.0, 0.0])
            s[0] += t.score
            s[1] += t.max_score
        return {k: (v[0], v[1]) for k, v in out.items()}
