"""`make demo`: grade a small example class of chapters 4 and 5 in an nbgrader course directory.

Builds demo/course/ afresh: the course's source notebooks, `nbgrader generate_assignment` (which
creates the SQLite gradebook), four submissions per chapter (alice: perfect; bob: typical mistakes;
carol: the untouched release notebook; dave: a notebook with a syntax error and a hanging function),
then `autograder course grade`, and `nbgrader export` of the gradebook to grades.csv.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tools import submissions

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "demo" / "course"
CHAPTERS = ("ch04", "ch05")
TYPICAL_MISTAKES = {
    "ch04": ["ch04.propagate.cost_missing_1_over_m", "ch04.predict.returns_probabilities"],
    "ch05": ["ch05.back_propagation.tanh_derivative_from_Z1", "ch05.compute_loss.missing_1_over_m"],
}


ROLES = {
    "alice": lambda ch: "the reference solution: full marks",
    "bob": lambda ch: "two typical mistakes, each named: " + ", ".join(m.split(".", 1)[1] for m in TYPICAL_MISTAKES[ch]),
    "carol": lambda ch: "the release notebook as handed out, untouched: 0, every function 'not implemented'",
    "dave": lambda ch: "a syntax error in the first function and a last function that never returns",
}


def run(*argv: str) -> None:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}")
    subprocess.run(argv, cwd=COURSE, env=env, check=True)


def broken(chapter: str) -> dict:
    """A perfect notebook with one syntax error and one function that never returns."""
    nb = submissions.perfect(chapter)
    solution_cells = [c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("solution")]
    first, last = solution_cells[0], solution_cells[-1]
    first["source"] = "".join(first["source"]).replace("):", ")", 1)          # a syntax error
    last["source"] = "".join(last["source"]).split("\n")[0] + "\n    while True:\n        pass\n"  # never returns
    return nb


def main() -> int:
    if COURSE.exists():
        shutil.rmtree(COURSE)
    (COURSE / "source").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", COURSE)
    for chapter in CHAPTERS:
        shutil.copytree(ROOT / "source" / chapter, COURSE / "source" / chapter)
        run(str(Path(sys.executable).parent / "nbgrader"), "generate_assignment", chapter, "--force", "--log-level=WARN")
    bin_dir = Path(sys.executable).parent
    for chapter in CHAPTERS:
        examples = {"alice": submissions.perfect(chapter),
                    "bob": submissions.with_mistakes(chapter, TYPICAL_MISTAKES[chapter]),
                    "carol": submissions.stub(chapter),
                    "dave": broken(chapter)}
        for student, nb in examples.items():
            folder = COURSE / "submitted" / student / chapter
            submissions.write(nb, folder / f"{chapter}.ipynb")
            (folder / "timestamp.txt").write_text("2026-11-20 12:00:00.000000 UTC\n")
        print(f"\n=== {chapter} ===")
        for student, role in ROLES.items():
            print(f"  {student:6} {role(chapter)}")
        run(str(bin_dir / "autograder"), "course", "grade", chapter, "--course-dir", str(COURSE))
    run(str(bin_dir / "nbgrader"), "export", "--to", str(COURSE / "grades.csv"), "--log-level=WARN")
    print(f"\ngradebook export: {COURSE / 'grades.csv'}")
    print((COURSE / "grades.csv").read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
