"""The command line as users run it: exit codes, Gradescope results.json, languages, bad input."""
import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, write_notebook
from tools import submissions

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(not (ROOT / "release" / "ch04").exists(), reason="chapter 4 is not built")


def autograder(*args, cwd=None):
    env = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}")
    return subprocess.run([str(BIN / "autograder"), *map(str, args)], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300)


def test_grade_writes_gradescope_results_with_function_and_diagnosis(tmp_path):
    nb = submissions.write(submissions.with_mistakes("ch04", ["ch04.propagate.cost_missing_1_over_m"]),
                           tmp_path / "ch04.ipynb")
    out = autograder("grade", nb, "--results", tmp_path / "results.json", "--feedback", tmp_path / "fb.md")
    assert out.returncode == 0, out.stderr
    results = json.loads((tmp_path / "results.json").read_text())
    assert {"score", "max_score", "tests"} <= set(results)
    assert 0 < results["score"] < results["max_score"]
    for test in results["tests"]:
        assert {"name", "score", "max_score", "output", "visibility"} <= set(test)
        assert {"function", "diagnosis"} <= set(test["extra_data"])
    assert "ch04.propagate.cost_missing_1_over_m" in {t["extra_data"]["diagnosis"] for t in results["tests"]}
    assert isinstance(results["extra_data"]["seed"], int) and results["extra_data"]["isolation"]
    assert "propagate" in (tmp_path / "fb.md").read_text()
    assert "propagate" in out.stdout and "总分" in out.stdout


def test_english_feedback_on_request(tmp_path):
    nb = submissions.write(submissions.stub("ch04"), tmp_path / "ch04.ipynb")
    out = autograder("grade", nb, "--lang", "en")
    assert out.returncode == 0 and "Total" in out.stdout and "not implemented yet" in out.stdout


def test_check_runs_only_the_visible_tests(tmp_path):
    nb = submissions.write(submissions.perfect("ch04"), tmp_path / "ch04.ipynb")
    out = autograder("check", nb, "--results", tmp_path / "r.json")
    assert out.returncode == 0
    results = json.loads((tmp_path / "r.json").read_text())
    assert results["tests"] and all(not t["extra_data"]["hidden"] for t in results["tests"])
    assert results["score"] == results["max_score"]


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage", b"{\"cells\": 5}"])
def test_corrupt_file_gets_a_clear_verdict_and_exit_zero(tmp_path, content):
    path = tmp_path / "ch04.ipynb"
    path.write_bytes(content)
    out = autograder("grade", path, "--results", tmp_path / "r.json", "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    results = json.loads((tmp_path / "r.json").read_text())
    assert results["score"] == 0 and "Cannot read the notebook" in results["output"]
    assert results["tests"] and all(t["extra_data"]["diagnosis"] == "unreadable_notebook" for t in results["tests"])


def test_a_notebook_of_no_known_chapter_is_an_error_that_says_what_to_do(tmp_path):
    path = write_notebook(tmp_path / "notes.ipynb", "print('hello')")
    out = autograder("grade", path, "--lang", "en")
    assert out.returncode == 2 and "--assignment" in out.stderr


def test_an_unknown_assignment_is_an_error_that_names_the_known_ones(tmp_path):
    out = autograder("grade", ROOT / "source" / "ch04" / "ch04.ipynb", "--assignment", "ch99", "--lang", "en")
    assert out.returncode == 2 and "ch99" in out.stderr and "ch04" in out.stderr and "Traceback" not in out.stderr


def test_a_notebook_of_another_chapter_is_graded_with_a_warning_that_names_it(tmp_path):
    out = autograder("grade", ROOT / "source" / "ch05" / "ch05.ipynb", "--assignment", "ch04", "--lang", "en",
                     "--results", tmp_path / "r.json")
    assert out.returncode == 0 and "looks like ch05" in out.stdout
    assert "looks like ch05" in json.loads((tmp_path / "r.json").read_text())["output"]


@pytest.mark.parametrize("kind", ["empty", "python", "directory", "json"])
def test_what_is_not_a_notebook_gets_one_message_in_one_language_and_the_real_maximum(tmp_path, kind):
    path = tmp_path / {"python": "ch04.py", "directory": "ch04"}.get(kind, "ch04.ipynb")
    if kind == "directory":
        path.mkdir()
    else:
        path.write_text({"empty": "", "python": "import numpy as np\ndef sigmoid(z):\n    return z\n",
                         "json": json.dumps({"name": "not a notebook"})}[kind])
    out = autograder("grade", path, "--assignment", "ch04", "--results", tmp_path / "r.json", "--lang", "zh")
    assert out.returncode == 0 and "Traceback" not in out.stdout + out.stderr
    results = json.loads((tmp_path / "r.json").read_text())
    full = json.loads(autograder("grade", ROOT / "source" / "ch04" / "ch04.ipynb", "--results", tmp_path / "f.json",
                                 "--lang", "en").stdout and (tmp_path / "f.json").read_text())
    assert results["score"] == 0 and results["max_score"] == full["max_score"] > 0
    message = results["output"]
    assert "无法读取笔记本文件" in message
    assert not re.search(r"[A-Za-z]{4,}", message.replace(".ipynb", "").replace("JSON", "").replace("UTF", "")
                         .replace("Python", "").replace("Jupyter", "").replace("nbformat", "")), message


def test_help_version_and_quiet():
    assert autograder("--version").stdout.startswith("autograder ")
    grade_help, check_help = autograder("grade", "--help").stdout, autograder("check", "--help").stdout
    assert grade_help != check_help and "hidden" in grade_help and "visible" in check_help
    for command in ("grade", "check", "course", "doctor"):
        help_text = autograder(command, "--help").stdout
        assert "usage:" in help_text
    assert "exit status" in autograder("--help").stdout and "130" in autograder("course", "--help").stdout
    out = autograder("grade", ROOT / "source" / "ch04" / "ch04.ipynb", "-q", "--seed", "1")
    assert out.returncode == 0 and re.fullmatch(r"\d+(\.\d+)?/\d+(\.\d+)?\n", out.stdout)


def test_misuse_exits_two(tmp_path):
    assert autograder("grade", tmp_path / "missing.ipynb").returncode == 2
    assert autograder("grade").returncode == 2
    assert autograder("grade", ROOT / "source" / "ch04" / "ch04.ipynb", "--require-sandbox", "--no-sandbox").returncode == 2


def test_doctor_says_which_isolation_is_in_force():
    out = autograder("doctor")
    assert out.returncode == 0 and "isolation:" in out.stdout and "sandbox:" in out.stdout


def test_grading_a_numpy_chapter_imports_no_framework_or_jupyter(tmp_path):
    nb = submissions.write(submissions.perfect("ch04"), tmp_path / "ch04.ipynb")
    code = ("import sys; from autograder.cli import main; main(['grade', sys.argv[1]]); "
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'torch', 'tensorflow', 'nbgrader', 'jupyter_client', 'jupyter_core', 'nbformat', 'nbclient', "
            "'IPython', 'ipykernel', 'notebook', 'jupyterlab', 'sklearn', 'matplotlib', 'pytest'}); "
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code, str(nb)], capture_output=True, text=True, timeout=300)
    assert "HEAVY []" in out.stdout, out.stdout[-500:] + out.stderr[-500:]


def test_limits_come_from_nbgrader_config(tmp_path):
    body = "    while True:\n        pass\n"
    nb = submissions.perfect("ch04")
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if "def predict(" in source and cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = submissions._replace_function(source, "predict", "def predict(X, W, b):\n" + body)
    path = submissions.write(nb, tmp_path / "ch04.ipynb")
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.Autograder.limits = {'ch04': {'call_timeout': 1.5}, '*': {'memory_mb': 512}}\n")
    out = autograder("grade", path, "--results", tmp_path / "r.json", "--lang", "en", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    outputs = {t["output"] for t in json.loads((tmp_path / "r.json").read_text())["tests"]
               if t["extra_data"]["function"] == "predict"}
    assert outputs and all("within 1.5 s" in o for o in outputs)
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\nc.Autograder.limits = {'ch04': {'bogus': 1}}\n")
    out = autograder("grade", path, cwd=tmp_path)
    assert out.returncode == 2 and "bogus" in out.stderr
