"""Regenerate `release/` from `source/` with the real `nbgrader generate_assignment`.

    python -m tools.release [chNN ...]      # default: every chapter in source/

nbgrader runs in a temporary course directory (so no gradebook is left in the repository) and its
output replaces `release/chNN/`.  tests/test_release.py runs the same function and compares.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def chapters() -> list[str]:
    from autograder.assignments import ASSIGNMENTS
    return list(ASSIGNMENTS)


def generate(chapter_names: list[str], out: Path) -> None:
    """Run `nbgrader generate_assignment` for each chapter into `out/chNN/`."""
    with tempfile.TemporaryDirectory(prefix="release-") as course:
        course = Path(course)
        shutil.copy(ROOT / "nbgrader_config.py", course)
        for name in chapter_names:
            shutil.copytree(ROOT / "source" / name, course / "source" / name,
                            ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        env = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}")
        for name in chapter_names:
            subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "generate_assignment", name, "--force",
                            "--log-level=WARN"], cwd=course, env=env, check=True)
            if (out / name).exists():
                shutil.rmtree(out / name)
            shutil.copytree(course / "release" / name, out / name)


def main(argv: list[str]) -> int:
    generate(argv or chapters(), ROOT / "release")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
