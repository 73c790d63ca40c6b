"""`make student`: the package a course admin installs into the students' Jupyter image.

    python -m tools.student            # writes dist/autograder_student-<version>-py3-none-any.whl

It holds the in-notebook check and nothing that knows an answer:
  * the engine modules the check needs (comparisons, diagnosis, messages, the in-process student,
    the trusted probes), never `solutions/`, the graders, the catalogues or the oracles;
  * `autograder/visible/chNN.py` (or a package): the chapter's grader module(s) with every hidden test
    removed and each name that knows answers (`ref`, `catalogue`, oracles, `probe_variants`) bound to
    a replayer of `chNN.answers.json`;
  * `chNN.answers.json`: the answers those names gave when every visible test ran once against the
    reference (autograder.replay), nothing else.
A student who edits that data only fools their own check: `autograder grade` and nbgrader autograde
run the instructor's graders.  tests/test_student_package.py installs the wheel into a fresh
environment, looks for answers in it, and executes every release notebook there.
"""
from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import __version__  # noqa: E402
from autograder.assignments import ASSIGNMENTS  # noqa: E402

STAGE = ROOT / "build" / "student"
DIST = ROOT / "dist"
# The engine modules the check runs on; none of them knows an answer.
ENGINE = ("__init__.py", "assignments.py", "pyparse.py", "catalogue.py", "compare.py", "composite.py", "diagnosis.py",
          "gradcheck.py", "grading.py", "heatmap.py", "inprocess.py", "notebook_check.py", "probe_results.py",
          "quiet.py", "replay.py", "results.py", "verdict.py", "messages", "worker")
ANSWER_MODULES = ("solutions", "autograder.mistakes", "autograder.oracles")


def grader_modules(chapter: str) -> list[str]:
    """The chapter's grader module names: the module, or the package and every module in it."""
    import pkgutil
    name = ASSIGNMENTS[chapter].grader_module
    module = importlib.import_module(name)
    if not hasattr(module, "__path__"):
        return [name]
    return [name] + [f"{name}.{m.name}" for m in pkgutil.iter_modules(module.__path__)]


def answer_names(tree: ast.Module) -> dict[str, str]:
    """{local name: kind} of the top-level imports that bind something that knows answers."""
    names = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                local = alias.asname or alias.name
                if node.module.startswith(ANSWER_MODULES):
                    names[local] = "catalogue" if alias.name == "catalogue" else "reference"
                elif node.module == "autograder.probe_results" and alias.name == "probe_variants":
                    names[local] = "probe_variants"
    return names


class _VisibleOnly(ast.NodeTransformer):
    """Drop the hidden tests; bind the answer-knowing names to the chapter's replayers."""

    def __init__(self, chapter: str, names: dict[str, str]):
        self.chapter, self.names = chapter, names

    def visit_FunctionDef(self, node):
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "graded":
                visible = [k.value for k in decorator.keywords if k.arg == "visible"]
                if not (visible and isinstance(visible[0], ast.Constant) and visible[0].value is True):
                    return None
        return node

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if module.startswith(f"autograder.graders.{self.chapter}"):
            node.module = module.replace("autograder.graders.", "autograder.visible.", 1)
            return node
        kept = [a for a in node.names if (a.asname or a.name) not in self.names]
        binds = [ast.parse(f"{a.asname or a.name} = _answers.{self.names[a.asname or a.name]}"
                           f"({self.chapter!r}, {(a.asname or a.name)!r})").body[0]
                 for a in node.names if (a.asname or a.name) in self.names]
        if not binds:
            return node
        node.names = kept
        return ([node] if kept else []) + binds


def visible_source(chapter: str, module_name: str) -> str:
    path = Path(importlib.import_module(module_name).__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = answer_names(tree)
    tree = _VisibleOnly(chapter, names).visit(tree)
    header = ast.parse("from autograder.visible import answers as _answers").body
    # after the module docstring and `from __future__` imports
    at = next((i for i, n in enumerate(tree.body) if not (isinstance(n, ast.Expr) and isinstance(getattr(n, "value", None), ast.Constant))
               and not (isinstance(n, ast.ImportFrom) and n.module == "__future__")), 0)
    tree.body[at:at] = header
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def record_answers(chapter: str):
    """Run every visible test against the reference with the answer-knowing names recording."""
    from autograder import replay
    from autograder.grading import catalogue_of, collect, run_tests
    from autograder.inprocess import InProcessStudent
    spec = ASSIGNMENTS[chapter]
    record = replay.Record()
    real_catalogue = catalogue_of(spec.grader_module)
    recorder_catalogue = replay.CatalogueRecorder(real_catalogue, record)
    patched = []
    for module_name in grader_modules(chapter):
        module = importlib.import_module(module_name)
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for name, kind in answer_names(tree).items():
            real = getattr(module, name)
            wrapped = (recorder_catalogue if kind == "catalogue" else
                       replay.record_probe_variants(real, record) if kind == "probe_variants" else
                       replay.Recorder(real, name, record))
            patched.append((module, name, real))
            setattr(module, name, wrapped)
    helpers = [str(p.parent) for p in spec.helper_paths()]
    sys.path[:0] = helpers
    try:
        from autograder.notebook_check import DEFAULT_SEED
        tests = [t for t in collect(spec.grader_module) if t.visible]
        student = InProcessStudent(dict(vars(importlib.import_module(spec.reference_module))),
                                   timeout=spec.limits.call_timeout)
        results = run_tests(tests, student, seed=DEFAULT_SEED, catalogue=recorder_catalogue, lang="en")
    finally:
        del sys.path[:len(helpers)]
        for module, name, real in patched:
            setattr(module, name, real)
    points: dict[str, float] = {}
    for t in collect(spec.grader_module):
        points[t.function] = points.get(t.function, 0.0) + t.points
    record.put("points", points)
    failed = [(r.name, r.output) for r in results if r.status != "passed"]
    if failed:
        raise SystemExit(f"{chapter}: the reference fails visible tests while recording: {failed}")
    return record


ANSWERS_MODULE = '''"""The answers the visible checks asked for at release time (see autograder.replay)."""
import functools
from pathlib import Path

from autograder import replay

HERE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=None)
def record(chapter):
    return replay.Record.load(HERE / f"{chapter}.answers.json")


def reference(chapter, name):
    return replay.Replayer(record(chapter), name)


def catalogue(chapter, name="catalogue"):
    return replay.CatalogueReplayer(record(chapter), chapter)


def probe_variants(chapter, name="probe_variants"):
    return replay.replay_probe_variants(record(chapter))
'''

PYPROJECT = '''[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "autograder-student"
version = "{version}"
description = "The in-notebook checks of the course 深度学习入门 (no answers inside)"
requires-python = ">=3.11"
dependencies = ["numpy"]

[tool.setuptools.packages.find]
include = ["autograder*"]

[tool.setuptools.package-data]
"autograder.visible" = ["*.json"]
'''


def stage() -> Path:
    """The package tree of the student wheel, under build/student/."""
    if STAGE.exists():
        shutil.rmtree(STAGE)
    package = STAGE / "autograder"
    package.mkdir(parents=True)
    for name in ENGINE:
        source = ROOT / "autograder" / name
        if source.is_dir():
            shutil.copytree(source, package / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, package / name)
    visible = package / "visible"
    visible.mkdir()
    (visible / "__init__.py").write_text('"""The visible checks of each chapter, without the hidden tests."""\n')
    (visible / "answers.py").write_text(ANSWERS_MODULE)
    for chapter in ASSIGNMENTS:
        for module_name in grader_modules(chapter):
            relative = module_name.split(".")[2:]          # ['ch05'] or ['ch07', 'optimisers']
            is_package = hasattr(importlib.import_module(module_name), "__path__")
            target = visible.joinpath(*relative, "__init__.py") if is_package else visible.joinpath(*relative[:-1], relative[-1] + ".py")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(visible_source(chapter, module_name), encoding="utf-8")
        record_answers(chapter).save(visible / f"{chapter}.answers.json")
    (STAGE / "pyproject.toml").write_text(PYPROJECT.format(version=__version__))
    return STAGE


def build() -> Path:
    stage()
    DIST.mkdir(exist_ok=True)
    for old in DIST.glob("autograder_student-*.whl"):
        old.unlink()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "--disable-pip-version-check", "-w", str(DIST), str(STAGE)], check=True)
    wheel = next(DIST.glob("autograder_student-*.whl"))
    print(f"wrote {wheel.relative_to(ROOT)}")
    return wheel


if __name__ == "__main__":
    build()
