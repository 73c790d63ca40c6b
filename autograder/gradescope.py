"""A Gradescope autograder for one assignment: the zip, and what runs inside it.

    autograder gradescope ch05 -o ch05-autograder.zip [--lang en] [--config nbgrader_config.py]

writes the zip a Gradescope programming assignment takes ("Zip file upload"), laid out as Gradescope's
autograder specification asks (https://gradescope-autograders.readthedocs.io/en/latest/specs/):

  setup.sh         run once, as root, while Gradescope builds the image (Ubuntu): bubblewrap, Python
                   3.11, the pinned environment (requirements.txt, constraints.txt; torch from PyTorch's
                   CPU index) in /autograder/venv, and /autograder/source on that environment's path
  run_autograder   run for every submission: grades the notebook in /autograder/submission/ and writes
                   /autograder/results/results.json
  autograder/, solutions/, the assignment's helper files (source/chNN/...), pyproject.toml,
  requirements.txt, constraints.txt, nbgrader_config.py (the worker limits, c.Autograder.limits)

`python -m autograder.gradescope chNN --root DIR` is what run_autograder runs.  The root is /autograder
on Gradescope; run_autograder takes it from $AUTOGRADER_ROOT, so a folder laid out the same way
(source/, submission/, results/) tries the autograder anywhere.  results.json is the engine's
(`autograder.report.to_results`) with Gradescope's presentation: each test's output in Markdown
(`output_format: md`), visible tests shown at once and hidden tests once grades are published
(`visibility: after_published`); the grader's own printout goes to stdout, which Gradescope shows
to instructors only.

Where the container does not let bubblewrap create its namespaces, the submission runs in the plain
worker (see `autograder.sandbox`): the printout's first lines say which isolation was in force.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import zipfile
from pathlib import Path

from autograder.assignments import ASSIGNMENTS, ROOT
from autograder.messages import text
from autograder.messages.reports import report_text
from autograder.results import GradeReport, TestResult

PACKAGES = ("autograder", "solutions")                    # copied whole, without caches
PROJECT_FILES = ("pyproject.toml", "requirements.txt", "constraints.txt")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)                         # the same sources give the same zip

SETUP_SH = r"""#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image (Ubuntu).  It installs
# bubblewrap (the sandbox the student's code runs in, where the container allows it), Python 3.11 and
# the pinned environment of requirements.txt / constraints.txt into /autograder/venv, and puts the
# autograder (this folder, /autograder/source) on that environment's path.
set -euo pipefail
SOURCE=/autograder/source
VENV=/autograder/venv
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

apt-get update -qq
apt-get install -y -qq --no-install-recommends bubblewrap util-linux ca-certificates

# Python 3.11, the version the pins were made for: Ubuntu's package where it has one, else deadsnakes.
if ! apt-get install -y -qq --no-install-recommends python3.11 python3.11-venv; then
  apt-get install -y -qq --no-install-recommends software-properties-common gpg-agent
  add-apt-repository -y ppa:deadsnakes/ppa
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3.11 python3.11-venv
fi
python3.11 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip

# The pinned torch from PyTorch's CPU index (PyPI's build of it is the multi-GB CUDA one), then the rest.
TORCH="$(grep -E '^torch==' "$SOURCE/constraints.txt")"
"$VENV/bin/pip" install -q --index-url https://download.pytorch.org/whl/cpu "$TORCH"
"$VENV/bin/pip" install -q -r "$SOURCE/requirements.txt" -c "$SOURCE/constraints.txt"

# The autograder: this folder on the environment's path (the sandbox masks this entry; the student's
# code sees the worker modules only).
SITE="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$SOURCE" > "$SITE/autograder.pth"
"$VENV/bin/python" -m autograder.cli doctor
"""

RUN_AUTOGRADER = r"""#!/usr/bin/env bash
# Gradescope runs this for every submission: grade the notebook in $ROOT/submission/ as @ASSIGNMENT@
# and write $ROOT/results/results.json.  ROOT is /autograder, or $AUTOGRADER_ROOT (a folder laid out
# like it: source/, submission/, results/); the Python is setup.sh's, or $AUTOGRADER_PYTHON.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PYTHON="${AUTOGRADER_PYTHON:-$ROOT/venv/bin/python}"
cd "$ROOT/source"
export PYTHONPATH="$ROOT/source" TF_CPP_MIN_LOG_LEVEL=3 TF_ENABLE_ONEDNN_OPTS=0 MPLBACKEND=Agg
exec "$PYTHON" -m autograder.gradescope @ASSIGNMENT@ --root "$ROOT" --lang @LANG@
"""


# --- building the zip ----------------------------------------------------------------------------------
def package_files(assignment: str, config: Path | None = None) -> dict[str, Path]:
    """{name in the zip: file}: the engine, the references, the assignment's helpers, the pins."""
    files: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files[path.relative_to(ROOT).as_posix()] = path
    for path in ASSIGNMENTS[assignment].helper_paths():
        files[path.relative_to(ROOT).as_posix()] = path
    for name in PROJECT_FILES:
        files[name] = ROOT / name
    if config is not None:
        files["nbgrader_config.py"] = config
    return files


def build_zip(assignment: str, out: str | Path, *, lang: str = "zh", config: str | Path | None = None) -> int:
    """Write the autograder zip for `assignment` to `out`; the number of files in it."""
    out = Path(out)
    config = Path(config) if config else (Path("nbgrader_config.py") if Path("nbgrader_config.py").is_file() else None)
    scripts = {"setup.sh": SETUP_SH,
               "run_autograder": RUN_AUTOGRADER.replace("@ASSIGNMENT@", assignment).replace("@LANG@", lang)}
    files = package_files(assignment, config)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in scripts.items():
            _add(zf, name, content.encode("utf-8"), executable=True)
        for name, path in files.items():
            _add(zf, name, path.read_bytes())
    tmp.replace(out)
    return len(scripts) + len(files)


def _add(zf: zipfile.ZipFile, name: str, data: bytes, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100755 if executable else 0o100644) << 16
    zf.writestr(info, data)


def build_command(assignment: str, output: str | None, *, lang: str = "zh", config: str | None = None) -> int:
    """`autograder gradescope`: the exit status (0 written, 2 misuse)."""
    if assignment not in ASSIGNMENTS:
        print("autograder: " + text("unknown_assignment_named", lang, assignment=assignment,
                                    known=", ".join(ASSIGNMENTS)), file=sys.stderr)
        return 2
    if config is not None and not Path(config).is_file():
        print("autograder: " + text("no_such_file", lang, path=config), file=sys.stderr)
        return 2
    if config is not None:
        from autograder.config import load_limits
        load_limits(config)                    # a broken config is refused here (ConfigError: exit 2)
    out = Path(output or f"{assignment}-autograder.zip")
    count = build_zip(assignment, out, lang=lang, config=config)
    print(report_text("gradescope_built", lang, path=str(out), assignment=assignment, files=count))
    return 0


# --- inside Gradescope: grading one submission ----------------------------------------------------------
def find_notebook(submission: Path, assignment: str) -> tuple[Path | None, str | None]:
    """(the notebook to grade, the message about it) in a submission folder: `chNN.ipynb` (the one
    nearest the top), else the only notebook there is with a note saying so, else none and why."""
    expected = f"{assignment}.ipynb"
    notebooks = sorted((p for p in submission.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts),
                       key=lambda p: (len(p.parts), str(p)))
    named = [p for p in notebooks if p.name == expected]
    if named:
        return named[0], None
    found = ", ".join(p.relative_to(submission).as_posix() for p in notebooks)
    if len(notebooks) == 1:
        return notebooks[0], ("gradescope_other_name", {"expected": expected, "file": found})
    files = ", ".join(sorted(p.relative_to(submission).as_posix() for p in submission.rglob("*") if p.is_file()))
    if not notebooks:
        return None, ("gradescope_no_notebook", {"expected": expected, "found": files or "—"})
    return None, ("gradescope_several_notebooks", {"expected": expected, "found": found})


def grade_submission(root: Path, assignment: str, lang: str = "zh", launcher=None) -> GradeReport:
    """Grade the notebook in `root/submission/` (a report scoring 0 with the reason when there is none)."""
    from autograder.config import load_limits
    from autograder.pipeline import grade_notebook, report_without_notebook
    notebook, note = find_notebook(root / "submission", assignment)
    message = report_text(note[0], lang, **note[1]) if note else None
    if notebook is None:
        return report_without_notebook(str(root / "submission" / f"{assignment}.ipynb"), assignment, message,
                                       "missing_notebook", lang)
    limits = load_limits(root / "source" / "nbgrader_config.py")
    report = grade_notebook(notebook, assignment, lang=lang, launcher=launcher, limits=limits)
    if message:
        report.problems.insert(0, message)
    return report


def markdown_text(s: str) -> str:
    """Plain text (a verdict, arrays over several lines) as Markdown that shows it as it is."""
    from autograder.class_report import escape_markdown
    return escape_markdown(s).replace("\n", "  \n")


def verdict_markdown(t: TestResult) -> str:
    """A test's verdict for Gradescope: a mark, then its message."""
    return ("✅ " if t.status == "passed" else "❌ ") + markdown_text(t.output)


def gradescope_results(report: GradeReport, lang: str = "zh") -> dict:
    """results.json by Gradescope's specification: Markdown outputs, hidden tests shown once published."""
    from autograder.report import to_results
    results = to_results(report)
    results["output"] = "\n\n".join(markdown_text(p) for p in report.problems)
    results["output_format"] = "md"
    results["execution_time"] = max(1, round(report.seconds))
    for entry, t in zip(results["tests"], report.tests):
        entry["name"] = (t.description or t.name) + ("" if t.visible else text("hidden_test", lang))
        entry["output"] = verdict_markdown(t)
        entry["output_format"] = "md"
        entry["visibility"] = "visible" if t.visible else "after_published"
    return results


def run(root: Path, assignment: str, lang: str = "zh") -> int:
    """Grade `root/submission/` and write `root/results/results.json`; print the grader's summary."""
    from autograder.report import terminal_summary, write_atomic
    from autograder.sandbox import choose_launcher, doctor
    print(doctor(), flush=True)
    report = grade_submission(root, assignment, lang, launcher=choose_launcher())
    write_atomic(root / "results" / "results.json",
                 json.dumps(gradescope_results(report, lang), ensure_ascii=False, indent=2) + "\n")
    print(terminal_summary(report, lang), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m autograder.gradescope",
                                description="Grade a Gradescope submission (what run_autograder runs).")
    p.add_argument("assignment", choices=sorted(ASSIGNMENTS), help="the assignment")
    p.add_argument("--root", default=os.environ.get("AUTOGRADER_ROOT", "/autograder"),
                   help="Gradescope's /autograder (source/, submission/, results/); default: $AUTOGRADER_ROOT "
                        "or /autograder")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the feedback (default: zh)")
    args = p.parse_args(argv)
    return run(Path(args.root), args.assignment, args.lang)


if __name__ == "__main__":
    raise SystemExit(main())
