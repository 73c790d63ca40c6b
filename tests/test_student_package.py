"""The student package (`make student`) holds the in-notebook checks and no answer.

Built into a fresh virtual environment (its frameworks taken from the project's, not its code), it
must contain no reference function body and no hidden test, `import solutions` must fail there, and
every release notebook's checks must run in it: full marks with the reference pasted into the
solution cells, 0 without a traceback for the stubs as handed out."""
from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import re
import site
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.grading import collect
from helpers import ROOT
from tools import submissions


@pytest.fixture(scope="module")
def student_env(tmp_path_factory):
    """A fresh venv with the student wheel; numpy, torch, TensorFlow, Jupyter come from the project's
    environment through a .pth file (whose own editable install of the project is not read)."""
    subprocess.run([sys.executable, "-m", "tools.student"], cwd=ROOT, check=True, capture_output=True)
    wheel = next((ROOT / "dist").glob("autograder_student-*.whl"))
    env_dir = tmp_path_factory.mktemp("student") / "venv"
    subprocess.run([sys._base_executable, "-m", "venv", str(env_dir)], check=True)   # not the project's venv
    python = env_dir / "bin" / "python"
    site_dir = Path(subprocess.run([str(python), "-c", "import site; print(site.getsitepackages()[0])"],
                                   capture_output=True, text=True, check=True).stdout.strip())
    (site_dir / "course_frameworks.pth").write_text(site.getsitepackages()[0] + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check",
                    str(wheel)], check=True)
    return python, site_dir / "autograder"


def run_in(python: Path, code: str, cwd: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=cwd or "/",
                          env=env, timeout=timeout)


def test_the_answers_cannot_be_imported_there(student_env):
    python, _ = student_env
    for module in ("solutions", "solutions.ch05", "autograder.graders", "autograder.mistakes", "autograder.oracles"):
        out = run_in(python, f"import {module}")
        assert out.returncode != 0 and "No module named" in out.stderr, module
    out = run_in(python, "import autograder.notebook_check, autograder.visible.ch05; print('ok')")
    assert out.stdout.strip() == "ok", out.stderr


def _body(fn) -> str:
    """A function's code without its docstring, whitespace folded."""
    source = textwrap.dedent(inspect.getsource(fn))
    node = ast.parse(source).body[0]
    body = node.body[1:] if ast.get_docstring(node) else node.body
    return " ".join(" ".join(ast.unparse(s).split()) for s in body)


def test_no_reference_body_and_no_hidden_test_is_installed(student_env):
    _, package = student_env
    installed = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in package.rglob("*")
                          if p.is_file() and p.suffix in (".py", ".json"))
    folded = " ".join(installed.split())
    code = " ".join(" ".join(ast.unparse(n).split()) for p in package.rglob("*.py")
                    for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))) if isinstance(n, ast.stmt))
    for chapter, spec in ASSIGNMENTS.items():
        reference = importlib.import_module(spec.reference_module)
        for name, fn in vars(reference).items():
            if inspect.isfunction(fn) and fn.__module__.startswith("solutions") and len(_body(fn)) > 40:
                assert _body(fn) not in code and _body(fn) not in folded, f"{chapter}.{name} is in the package"
        for test in collect(spec.grader_module):
            if not test.visible:
                assert f"def {test.name}(" not in installed, f"hidden test {test.name} is in the package"
    assert not list(package.rglob("graders")) and not list(package.rglob("mistakes"))


def _checks_only(nb: dict) -> dict:
    """The notebook's setup, solution and check cells (the demos train models: not what is tested here)."""
    cells, seen_solution = [], False
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell["cell_type"] != "code":
            continue
        if meta.get("solution") or meta.get("grade"):
            seen_solution = True
            cells.append(cell)
        elif not seen_solution:
            cells.append(cell)
    return dict(nb, cells=cells)


KERNEL = r"""
import json, sys
import nbformat
from nbclient import NotebookClient
nb = nbformat.reads(open(sys.argv[1], encoding="utf-8").read(), as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
               resources={"metadata": {"path": sys.argv[2]}}).execute()
out = {}
for cell in nb.cells:
    meta = cell.metadata.get("nbgrader", {})
    if meta.get("grade") and not meta.get("solution"):
        value = [o for o in cell.outputs if o.output_type == "execute_result"]
        out[meta["grade_id"]] = {"score": float(value[0]["data"]["text/plain"]) if value else None,
                                 "errors": [o.get("ename") for o in cell.outputs if o.output_type == "error"],
                                 "stderr": "".join(o.get("text", "") for o in cell.outputs
                                                   if o.output_type == "stream" and o.name == "stderr"),
                                 # the verdict: rich output (HTML and its text) in a kernel
                                 "text": "".join(o.get("text", "") if o.output_type == "stream" else
                                                 o.get("data", {}).get("text/plain", "") for o in cell.outputs
                                                 if o.output_type in ("stream", "display_data")),
                                 "html": "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs
                                                 if o.output_type == "display_data")}
print("RESULT" + json.dumps(out))
"""


def execute(python: Path, nb: dict, chapter: str, tmp_path: Path) -> dict:
    folder = tmp_path / chapter
    folder.mkdir(parents=True, exist_ok=True)
    for extra in (ROOT / "release" / chapter).iterdir():
        if extra.suffix != ".ipynb":
            (folder / extra.name).write_bytes(extra.read_bytes())
    path = submissions.write(_checks_only(nb), folder / f"{chapter}.ipynb")
    out = subprocess.run([str(python), "-c", KERNEL, str(path), str(folder)], capture_output=True, text=True,
                         cwd=folder, timeout=1800, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"))
    assert "RESULT" in out.stdout, out.stderr[-2000:]
    return json.loads(out.stdout.split("RESULT", 1)[1])


def visible_points(chapter: str) -> dict[str, float]:
    points: dict[str, float] = {}
    for t in collect(ASSIGNMENTS[chapter].grader_module):
        if t.visible:
            points[f"test_{t.function}"] = points.get(f"test_{t.function}", 0.0) + t.points
    return points


@pytest.mark.parametrize("chapter", list(ASSIGNMENTS))
def test_every_check_runs_there_full_marks_for_the_reference_zero_for_the_stub(student_env, chapter, tmp_path):
    python, _ = student_env
    right = execute(python, submissions.perfect(chapter), chapter, tmp_path / "perfect")
    assert {k: v["score"] for k, v in right.items()} == visible_points(chapter), \
        {k: v["text"] for k, v in right.items() if v["score"] != visible_points(chapter).get(k)}
    assert not any(v["errors"] or v["stderr"] for v in right.values())
    stub = execute(python, submissions.stub(chapter), chapter, tmp_path / "stub")
    assert all(v["score"] == 0 and not v["errors"] and not v["stderr"] for v in stub.values()), stub
    assert all(re.search("NotImplementedError|还没有实现", v["text"]) for v in stub.values())
    assert all('class="autograder-verdict"' in v["html"] for v in (*right.values(), *stub.values()))
