"""The Gradescope autograder as Gradescope runs it: the zip built by `autograder gradescope`, unpacked
into a folder laid out like /autograder/ (source/, submission/, results/), run_autograder run on a
correct and a buggy submission, and results.json checked against Gradescope's specification
(https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format")."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from autograder.gradescope import find_notebook, grade_submission, gradescope_results
from autograder.messages import mistake_text
from autograder.sandbox import probe_bwrap
from helpers import ROOT
from tools import submissions

BIN = Path(sys.executable).parent
ENV = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}", TF_CPP_MIN_LOG_LEVEL="2")
MISTAKE = "ch05.back_propagation.missing_1_over_m"

# The specification's fields and values.
RESULT_FIELDS = {"score", "execution_time", "output", "output_format", "test_output_format", "test_name_format",
                 "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"}
TEST_FIELDS = {"score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags",
               "visibility", "extra_data"}
VISIBILITIES = {"hidden", "after_due_date", "after_published", "visible"}
FORMATS = {"text", "html", "simple_format", "md", "ansi"}


def assert_gradescope_results(results: dict) -> None:
    """results.json as Gradescope reads it (our one addition: a top-level max_score, which it ignores)."""
    assert set(results) - {"max_score"} <= RESULT_FIELDS
    assert isinstance(results["score"], (int, float)) and isinstance(results["tests"], list) and results["tests"]
    assert results["visibility"] in VISIBILITIES and results["stdout_visibility"] in VISIBILITIES
    assert results["output_format"] in FORMATS and isinstance(results["execution_time"], int)
    assert results["score"] == pytest.approx(sum(t["score"] for t in results["tests"]))
    for test in results["tests"]:
        assert set(test) <= TEST_FIELDS and {"score", "max_score", "name", "output", "visibility"} <= set(test)
        assert isinstance(test["name"], str) and test["name"] and isinstance(test["output"], str)
        assert 0 <= test["score"] <= test["max_score"]
        assert test["status"] in ("passed", "failed") and test["output_format"] == "md"
        assert test["visibility"] == ("after_published" if test["extra_data"]["hidden"] else "visible")
    json.dumps(results)


def autograder(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "autograder"), *args], env=ENV, capture_output=True, text=True, cwd=cwd,
                          timeout=300)


@pytest.fixture(scope="module")
def ch05_zip(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zip") / "ch05-autograder.zip"
    built = autograder("gradescope", "ch05", "-o", str(out), "--lang", "en",
                       "--config", str(ROOT / "nbgrader_config.py"))
    assert built.returncode == 0 and built.stderr == "" and str(out) in built.stdout, built.stderr
    return out


def gradescope_tree(zip_path: Path, root: Path, notebook: dict | None) -> Path:
    """A folder laid out as Gradescope lays out /autograder: the zip unpacked in source/ (modes kept, as
    unzip keeps them), run_autograder copied beside it, the submission, an empty results/."""
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            zf.extract(info, root / "source")
            os.chmod(root / "source" / info.filename, (info.external_attr >> 16) & 0o777)
    shutil.copy2(root / "source" / "run_autograder", root / "run_autograder")
    (root / "submission").mkdir()
    (root / "results").mkdir()
    if notebook is not None:
        submissions.write(notebook, root / "submission" / "ch05.ipynb")
    return root


def isolated_environment(root: Path) -> None:
    """root/venv: this project's packages without its editable install of the autograder, plus the line
    setup.sh writes (root/source on the path), so every module must come from the zip."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    subprocess.run([str(Path(sys.base_prefix) / "bin" / version), "-m", "venv", "--without-pip", str(root / "venv")],
                   check=True)
    site = root / "venv" / "lib" / version / "site-packages"
    project_site = next(p for p in map(Path, sys.path) if p.name == "site-packages" and (p / "numpy").is_dir())
    (site / "project-env.pth").write_text(f"{project_site}\n")     # a plain path entry: its .pth files stay unread
    (site / "autograder.pth").write_text(f"{root / 'source'}\n")


def run_autograder(root: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(root / "run_autograder")], env=dict(ENV, AUTOGRADER_ROOT=str(root), **env),
                          cwd=root, capture_output=True, text=True, timeout=600)


def test_the_zip_holds_the_scripts_at_its_root_the_graders_references_and_pins(ch05_zip, tmp_path):
    with zipfile.ZipFile(ch05_zip) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        run = zf.read("run_autograder").decode()
    for script in ("setup.sh", "run_autograder"):
        assert (infos[script].external_attr >> 16) & 0o111, f"{script} is not executable"
    for name in ("autograder/graders/ch05.py", "autograder/mistakes/ch05.py", "autograder/messages/ch05.py",
                 "autograder/worker/__main__.py", "solutions/ch05.py", "requirements.txt", "constraints.txt",
                 "pyproject.toml", "nbgrader_config.py"):
        assert name in infos, name
    assert not [n for n in infos if "__pycache__" in n or n.endswith(".pyc")]
    assert "-m autograder.gradescope ch05 " in run and "--lang en" in run
    ch07 = tmp_path / "ch07.zip"
    assert autograder("gradescope", "ch07", "-o", str(ch07)).returncode == 0
    assert "source/ch07/dnn_utils.py" in zipfile.ZipFile(ch07).namelist()     # the helper shipped beside the notebook


def test_setup_sh_is_bash_that_installs_bubblewrap_and_the_pinned_environment(ch05_zip, tmp_path):
    setup = tmp_path / "setup.sh"
    setup.write_bytes(zipfile.ZipFile(ch05_zip).read("setup.sh"))
    checked = subprocess.run(["bash", "-n", str(setup)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    script = setup.read_text()
    assert script.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in script
    assert re.search(r"^apt-get install -y .*\bbubblewrap\b", script, re.M)
    assert re.search(r'^"\$VENV/bin/pip" install -q -r "\$SOURCE/requirements.txt" -c "\$SOURCE/constraints.txt"$',
                     script, re.M)
    assert re.search(r"^python3\.11 -m venv \"\$VENV\"$", script, re.M) and "SOURCE=/autograder/source" in script
    torch = re.search(r"grep -E '(\^torch==)'", script).group(1)          # the pin setup.sh installs first
    assert re.search(torch, (ROOT / "constraints.txt").read_text(), re.M)
    assert "--index-url https://download.pytorch.org/whl/cpu" in script


def test_a_correct_submission_gets_full_marks_from_the_zip_alone(ch05_zip, tmp_path):
    """Graded with only what the zip holds (no editable install of this repository on the path); the
    plain worker, as on a Gradescope container where bubblewrap cannot create its namespaces."""
    root = gradescope_tree(ch05_zip, tmp_path / "autograder", submissions.perfect("ch05"))
    isolated_environment(root)
    out = run_autograder(root, AUTOGRADER_SANDBOX="off")
    assert out.returncode == 0 and out.stderr == "", out.stderr
    results = json.loads((root / "results" / "results.json").read_text())
    assert_gradescope_results(results)
    assert results["score"] == results["max_score"] > 0 and results["extra_data"]["isolation"] == "plain"
    assert all(t["status"] == "passed" and t["output"] == "✅ passed" for t in results["tests"])
    assert {t["visibility"] for t in results["tests"]} == {"visible", "after_published"}
    assert "isolation: plain worker process" in out.stdout and "Total" in out.stdout


def test_a_buggy_submission_names_its_mistake_and_hidden_tests_show_once_published(ch05_zip, tmp_path):
    root = gradescope_tree(ch05_zip, tmp_path / "autograder", submissions.with_mistakes("ch05", [MISTAKE]))
    out = run_autograder(root, AUTOGRADER_PYTHON=sys.executable)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    results = json.loads((root / "results" / "results.json").read_text())
    assert_gradescope_results(results)
    assert results["extra_data"]["isolation"] == ("bwrap" if probe_bwrap()[0] else "plain")
    failed = [t for t in results["tests"] if t["status"] == "failed"]
    assert failed and all(t["extra_data"]["function"] == "back_propagation" for t in failed)
    assert 0 < results["score"] < results["max_score"]
    named = [t for t in failed if t["extra_data"]["diagnosis"] == MISTAKE]
    assert {t["visibility"] for t in named} == {"visible", "after_published"}
    assert all(t["output"].startswith("❌ ") and mistake_text(MISTAKE, "en") in t["output"] for t in named)
    hidden = [t for t in named if t["extra_data"]["hidden"]]
    assert all(t["name"].endswith(" (hidden test)") for t in hidden)
    assert "grads\\['dW" in named[0]["output"]          # Markdown shows the brackets as they are


def test_a_submission_without_the_notebook_scores_zero_and_says_what_to_upload(tmp_path):
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "notes.txt").write_text("hello")
    report = grade_submission(tmp_path, "ch05", "en")
    results = gradescope_results(report, "en")
    assert_gradescope_results(results)
    assert results["score"] == 0 and results["max_score"] > 0
    assert "The submission has no notebook ch05.ipynb (files submitted: notes.txt). Upload ch05.ipynb." \
        in results["output"]


def test_which_notebook_of_a_submission_is_graded(tmp_path):
    sub = tmp_path / "submission"
    (sub / "work" / ".ipynb_checkpoints").mkdir(parents=True)
    (sub / "work" / ".ipynb_checkpoints" / "ch05-checkpoint.ipynb").write_text("{}")
    (sub / "mine.ipynb").write_text("{}")
    assert find_notebook(sub, "ch05") == (sub / "mine.ipynb", ("gradescope_other_name",
                                                                {"expected": "ch05.ipynb", "file": "mine.ipynb"}))
    (sub / "work" / "ch05.ipynb").write_text("{}")
    assert find_notebook(sub, "ch05") == (sub / "work" / "ch05.ipynb", None)
    (sub / "work" / "ch05.ipynb").unlink()
    (sub / "other.ipynb").write_text("{}")
    notebook, (key, params) = find_notebook(sub, "ch05")
    assert notebook is None and key == "gradescope_several_notebooks" and params["found"] == "mine.ipynb, other.ipynb"
