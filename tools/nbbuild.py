"""Build a chapter's nbgrader source notebook from its spec (`tools/notebooks/chNN.py`).

`solutions/chNN.py` is the single source of truth for the solution regions: `Notebook.solution(name)`
copies the reference function's source into a solution cell, wrapping its body (after the docstring)
in `### BEGIN SOLUTION` / `### END SOLUTION`; `Notebook.check(name)` adds the locked test cell whose
points are the sum of the graders' points for that function.  tests/test_notebooks.py rebuilds every
notebook and asserts the committed file is identical.

    python -m tools.nbbuild ch04        # writes source/ch04/ch04.ipynb
    python -m tools.nbbuild --all
"""
from __future__ import annotations

import ast
import importlib
import inspect
import json
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from autograder.assignments import ASSIGNMENTS  # noqa: E402

CHAPTERS = tuple(ASSIGNMENTS)


def _meta(grade_id: str, *, solution=False, grade=False, locked=False, points=None, task=False) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": task}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _first_statement(body: list[ast.stmt]) -> ast.stmt:
    """The first statement after a docstring (the docstring itself stays in the student's stub)."""
    has_doc = isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
        and isinstance(body[0].value.value, str) and len(body) > 1
    return body[1] if has_doc else body[0]


def _wrap(lines: list[str], first: ast.stmt, last_line: int) -> None:
    """Put solution markers around lines first.lineno .. last_line (1-based), in place."""
    start = first.lineno - 1
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    lines[start:last_line] = [indent + "### BEGIN SOLUTION"] + lines[start:last_line] + [indent + "### END SOLUTION"]


def solution_source(fn) -> str:
    """The source with each function body (after its docstring) wrapped in solution markers; for a
    class, each method's body, so that the student's stub is still a class whose methods raise."""
    src = textwrap.dedent(inspect.getsource(fn)).rstrip("\n")
    lines = src.split("\n")
    node = ast.parse(src).body[0]
    if isinstance(node, ast.ClassDef):
        methods = [m for m in node.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for method in reversed(methods):
            _wrap(lines, _first_statement(method.body), method.end_lineno)
    else:
        _wrap(lines, _first_statement(node.body), len(lines))
    return "\n".join(lines)


class Notebook:
    def __init__(self, chapter: str):
        self.chapter = chapter
        self.cells: list[dict] = []
        self.solutions = importlib.import_module(f"solutions.{chapter}")
        self._graders = None

    def _add(self, cell_type: str, source: str, metadata: dict | None = None) -> None:
        cell = {"cell_type": cell_type, "id": f"{self.chapter}-{len(self.cells):03d}",
                "metadata": metadata or {}, "source": source.strip("\n")}
        if cell_type == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        self.cells.append(cell)

    def md(self, source: str) -> None:
        """A Markdown cell (prose in Simplified Chinese, the book's section numbers)."""
        self._add("markdown", textwrap.dedent(source))

    def code(self, source: str) -> None:
        """A plain code cell (setup, training demo, plots)."""
        self._add("code", textwrap.dedent(source))

    def solution(self, *names: str) -> None:
        """One solution cell holding the reference of each named function."""
        source = "\n\n\n".join(solution_source(getattr(self.solutions, n)) for n in names)
        self._add("code", source, _meta(names[0], solution=True))

    def check(self, function: str) -> None:
        """The locked test cell under a solution: visible check, hidden tests, score as last expression."""
        points = self.points(function)
        source = (f"# 检查 {function}（可见测试；提交后还会运行隐藏测试）\n"
                  f"from autograder.notebook_check import check\n"
                  f"_score = check(\"{self.chapter}\", \"{function}\", globals())\n"
                  f"### BEGIN HIDDEN TESTS\n"
                  f"_score = check(\"{self.chapter}\", \"{function}\", globals(), hidden=True)\n"
                  f"### END HIDDEN TESTS\n"
                  f"_score")
        self._add("code", source, _meta(f"test_{function}", grade=True, locked=True, points=points))

    def points(self, function: str) -> float:
        from autograder.grading import collect
        if self._graders is None:
            self._graders = collect(f"autograder.graders.{self.chapter}")
        total = sum(t.points for t in self._graders if t.function == function)
        if not total:
            raise ValueError(f"no graders for {self.chapter}.{function}")
        return int(total) if float(total).is_integer() else total

    def to_json(self) -> str:
        nb = {"cells": self.cells,
              "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                           "language_info": {"name": "python"},
                           "autograder": {"assignment": self.chapter}},
              "nbformat": 4, "nbformat_minor": 5}
        return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"

    def path(self) -> Path:
        return ROOT / "source" / self.chapter / f"{self.chapter}.ipynb"


def helper_modules(chapter: str) -> dict[str, str]:
    """{file name: source} of the modules shipped beside the chapter's notebook (`HELPER_MODULES` of
    its spec: a docstring and the reference functions the module holds, copied from `solutions/`)."""
    spec = importlib.import_module(f"tools.notebooks.{chapter}")
    out = {}
    for filename, (doc, functions) in getattr(spec, "HELPER_MODULES", {}).items():
        sources = [inspect.getsource(getattr(importlib.import_module(module), name)).rstrip("\n")
                   for module, names in functions.items() for name in names]
        out[filename] = f'"""{doc}"""\nimport numpy as np\n\n\n' + "\n\n\n".join(sources) + "\n"
    return out


def figures(chapter: str) -> list[str]:
    """The regexes the chapter's executed demo cells must print (`FIGURES` of its spec)."""
    return list(importlib.import_module(f"tools.notebooks.{chapter}").FIGURES)


def build(chapter: str) -> Notebook:
    spec = importlib.import_module(f"tools.notebooks.{chapter}")
    nb = Notebook(chapter)
    spec.build(nb)
    return nb


def main(argv: list[str]) -> int:
    chapters = list(CHAPTERS) if argv == ["--all"] else argv
    for chapter in chapters:
        nb = build(chapter)
        nb.path().parent.mkdir(parents=True, exist_ok=True)
        nb.path().write_text(nb.to_json(), encoding="utf-8")
        print(f"wrote {nb.path().relative_to(ROOT)}")
        for filename, source in helper_modules(chapter).items():
            (nb.path().parent / filename).write_text(source, encoding="utf-8")
            print(f"wrote {(nb.path().parent / filename).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
