"""Step 2, extract: keep the student's definitions, drop everything that would re-run their work.

From every code cell, in order, we keep top-level imports, function and class definitions, simple
constant assignments (`lr = 0.01`, `layers_dims = [2, 4, 1]`) and assignments that bind one of the
assignment's graded names (`f_graph = tf.function(f_eager)`, a `functools.partial`, a lambda, an
alias: the student's answer, written as the book writes it); training loops, plots, prints and other
calls are dropped, so grading never re-runs a student's training.  IPython magics and `!` shell
lines are blanked (line numbers stay as the student sees them).  A cell with a syntax error is split
at its top-level definitions and each part is tried on its own, so one broken function does not hide
its neighbours; what cannot be parsed is reported with the names it would have defined.

The result is plain data (`Program`) that the worker executes statement by statement.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from autograder.notebook import Notebook
from autograder.pyparse import parse

# Modules never loaded for the student's code: the grader's own, and the answers.
BLOCKED_IMPORTS = {"autograder", "solutions"}
# Heavy modules used for plots and data in notebooks: bound lazily, imported only if a function uses them.
LAZY_IMPORTS = {"matplotlib", "sklearn", "scipy", "pandas", "seaborn", "IPython", "tqdm", "ipywidgets",
                "PIL", "h5py", "tensorboard"}
CELL_MAGICS_WITH_PYTHON = {"time", "timeit", "capture", "prun"}

_DEF_LINE = re.compile(r"^(?:async\s+)?def\s+(\w+)|^class\s+(\w+)", re.M)
_TOP_LEVEL_START = re.compile(r"^(?:@|def\s|async\s+def\s|class\s|import\s|from\s)")


@dataclass(frozen=True)
class Statement:
    cell: int     # 1-based code-cell number
    lineno: int   # first line within the cell
    source: str   # the cell's (cleaned) source from line 1, padded so line numbers match
    kind: str     # 'import' | 'lazy_import' | 'def' | 'class' | 'assign' | 'bind' (a graded name)
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyntaxProblem:
    cell: int
    line: int
    detail: str
    functions: tuple[str, ...]


@dataclass
class Program:
    statements: list[Statement] = field(default_factory=list)
    problems: list[SyntaxProblem] = field(default_factory=list)

    def defined(self) -> set[str]:
        return {n for s in self.statements if s.kind in ("def", "class", "bind") for n in s.names}

    def to_wire(self) -> list[dict]:
        return [{"cell": s.cell, "lineno": s.lineno, "source": s.source, "kind": s.kind} for s in self.statements]


def clean_magics(source: str) -> str | None:
    """Blank IPython-only lines; None for a cell magic whose body is not Python (%%bash, ...)."""
    lines = source.split("\n")
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].lstrip()[2:].split()[0] if lines[0].lstrip()[2:].split() else ""
        if magic not in CELL_MAGICS_WITH_PYTHON:
            return None
        lines[0] = ""
    out = []
    for line in lines:
        stripped = line.strip()
        # `%magic` and `!cmd`, but not a continuation line of the `%` operator ("...\n    % (a, b)")
        if re.match(r"^(%%?[A-Za-z_]|![^=\s])", stripped) or re.match(r"^[\w.]+\s*=\s*(%[A-Za-z_]|![^=])", stripped) or \
                (stripped.endswith("?") and not stripped.startswith("#") and re.match(r"^[\w.?]+$", stripped)):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


def _is_simple_value(node: ast.AST) -> bool:
    """A value whose evaluation runs nothing of the student's: constants, containers, names, attributes,
    arithmetic, and lambdas (defined, not called: `ACTIVATIONS = {"relu": lambda Z: relu(Z)}`)."""
    allowed = (ast.Constant, ast.Tuple, ast.List, ast.Set, ast.Dict, ast.UnaryOp, ast.BinOp, ast.Name,
               ast.Attribute, ast.Load, ast.operator, ast.unaryop)
    if isinstance(node, ast.Lambda):
        return True
    if not isinstance(node, allowed):
        return False
    return all(_is_simple_value(child) for child in ast.iter_child_nodes(node))


def _import_roots(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name.split(".")[0] for a in node.names]
    return [(node.module or "").split(".")[0]] if node.level == 0 else ["."]


def classify(node: ast.stmt, bound: set[str] | None = None,
             graded: frozenset[str] = frozenset()) -> tuple[str, tuple[str, ...]] | None:
    """What a top-level statement is, or None when it is dropped.  A constant assignment is kept only
    when every name it reads is `bound` by a statement kept before it (or is a builtin); so is an
    assignment of any value to one of the `graded` names (`f_graph = tf.function(f_eager)`)."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        roots = _import_roots(node)
        if any(r in BLOCKED_IMPORTS or r in (".", "__future__") for r in roots):
            return None
        names = tuple((a.asname or a.name).split(".")[0] for a in node.names)
        return ("lazy_import" if any(r in LAZY_IMPORTS for r in roots) else "import"), names
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return "def", (node.name,)
    if isinstance(node, ast.ClassDef):
        return "class", (node.name,)
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
            and node.targets[0].id in graded and (bound is None or _reads_only(node.value, bound)):
        return "bind", (node.targets[0].id,)
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and _is_simple_value(node.value):
        if bound is not None and not _reads_only(node.value, bound):
            return None
        if isinstance(node, ast.Assign) and all(isinstance(t, (ast.Name, ast.Tuple)) for t in node.targets):
            return "assign", tuple(n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name))
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            return "assign", (node.target.id,)
    return None


_BUILTINS = set(dir(__import__("builtins")))


def _reads_only(value: ast.AST, bound: set[str]) -> bool:
    """Every name `value` reads is bound before it (a lambda's own parameters count as bound)."""
    local = {a.arg for n in ast.walk(value) if isinstance(n, ast.Lambda)
             for a in n.args.args + n.args.kwonlyargs + n.args.posonlyargs}
    return all(n.id in bound or n.id in _BUILTINS or n.id in local
               for n in ast.walk(value) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load))


def _chunks(source: str) -> list[str]:
    """Split a cell at top-level definition/import lines, each chunk padded to keep line numbers."""
    lines = source.split("\n")
    starts = [i for i, line in enumerate(lines) if _TOP_LEVEL_START.match(line)]
    # a decorator belongs to the def below it
    starts = [i for i in starts if not (i > 0 and lines[i - 1].startswith("@"))] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    bounds = starts + [len(lines)]
    return ["\n" * a + "\n".join(lines[a:b]) for a, b in zip(bounds, bounds[1:])]


def extract(nb: Notebook, graded: frozenset[str] = frozenset()) -> Program:
    """The student's program; `graded` names the assignment's graded functions, which a top-level
    assignment may bind (see the module docstring)."""
    program = Program()
    bound: set[str] = set()
    for cell in nb.code_cells:
        if cell.nbgrader.get("grade") and not cell.nbgrader.get("solution"):
            continue  # an nbgrader test cell: the grader's, not the student's
        source = clean_magics(cell.source)
        if not source or not source.strip():
            continue
        error = None
        try:
            pieces = [parse(source)]
        except SyntaxError as e:
            error = e
            pieces = []
            for chunk in _chunks(source):
                try:
                    pieces.append(parse(chunk))
                except SyntaxError:
                    continue
        recovered = set()
        for tree in pieces:
            for node in tree.body:
                kind = classify(node, bound, graded)
                if kind:
                    bound.update(kind[1])
                    recovered.update(kind[1])
                    program.statements.append(Statement(cell.code_number, node.lineno,
                                                         _node_source(source, node), kind[0], kind[1]))
        if error is not None:
            lost = tuple(n for a, b in _DEF_LINE.findall(source) for n in [a or b] if n not in recovered)
            program.problems.append(SyntaxProblem(cell.code_number, error.lineno or 0, error.msg or "syntax error", lost))
    return program


def _node_source(text: str, node: ast.stmt) -> str:
    """The statement's lines, padded with blank lines so that its line numbers stay the cell's."""
    lines = text.split("\n")
    first = (node.decorator_list[0].lineno if getattr(node, "decorator_list", None) else node.lineno) - 1
    last = node.end_lineno or node.lineno
    return "\n" * first + "\n".join(lines[first:last])
