"""Benchmark: a whole class graded by `autograder course grade` and by `nbgrader autograde`, side by
side in one run on this machine; medians and ratios printed.

    python bench/bench_class.py [--chapters ch05 ch02 ch03] [--students 200 40 40] [--repeat 3]
                                [--nbgrader-students 20 8 8]

Each chapter's class mixes correct and buggy notebooks: every other notebook is the reference, the
others are the stub or the reference with one catalogued mistake, each mistake in turn (a mistake in
a helper makes its composite functions graded again around it, the costliest case).  Measured, each as the wall
time of the whole command a user runs (interpreter start and imports included), divided by the
number of notebooks it graded:
  * `course grade` as it runs by default (each submission's worker forked from a warm one),
  * `course grade --fresh-workers` (each worker a fresh interpreter: the cost before warm workers),
  * `nbgrader autograde` on the same notebooks (the first `--nbgrader-students` of the class, since
    it needs seconds per notebook; 0 grades the whole class with it too),
  * next to them, a bare `python -c "import numpy"`, and the single-notebook `autograder grade`.
Goals (issue 11): ch05 at least 60x nbgrader per notebook, ch02 and ch03 at least 15x; the
single-notebook `autograder grade` no slower than before (bench/RESULTS.md).
"""
from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")   # building the ch03 class imports TensorFlow here
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder.grading import catalogue_of  # noqa: E402
from tools import submissions  # noqa: E402

BIN = Path(sys.executable).parent
GOALS = {"ch05": 60, "ch02": 15, "ch03": 15}
STAMP = "2026-11-20 12:00:00.000000 UTC\n"


def timed(argv: list[str], cwd: Path, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def a_class(chapter: str, size: int) -> list[dict]:
    """`size` notebooks: every other one correct (the reference); the others the stub, then each
    catalogued mistake in turn, over and over."""
    mistakes = [v.id for v in catalogue_of(f"autograder.graders.{chapter}")]
    wrong = itertools.cycle([lambda: submissions.stub(chapter)] +
                            [lambda m=m: submissions.with_mistakes(chapter, [m]) for m in mistakes])
    return [submissions.perfect(chapter) if i % 2 == 0 else next(wrong)() for i in range(size)]


def new_course(folder: Path, chapter: str, notebooks: list[dict], env: dict) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    shutil.copytree(ROOT / "source" / chapter, folder / "source" / chapter)
    subprocess.run([str(BIN / "nbgrader"), "generate_assignment", chapter, "--force", "--log-level=ERROR"],
                   cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL)
    for i, nb in enumerate(notebooks):
        submitted = folder / "submitted" / f"s{i:04d}" / chapter
        submissions.write(nb, submitted / f"{chapter}.ipynb")
        (submitted / "timestamp.txt").write_text(STAMP)
    return folder


def bench_chapter(chapter: str, size: int, nbgrader_size: int, repeat: int, fresh_repeat: int, env: dict,
                  tmp: Path) -> dict:
    notebooks = a_class(chapter, size)
    course = new_course(tmp / f"{chapter}-course", chapter, notebooks, env)
    nb_course = new_course(tmp / f"{chapter}-nbgrader", chapter, notebooks[:nbgrader_size or size], env)
    single = course / "submitted" / "s0000" / chapter / f"{chapter}.ipynb"      # the reference
    grade = [str(BIN / "autograder"), "course", "grade", chapter, "--course-dir", str(course), "--force",
             "--seed", "1", "-q"]
    per_notebook: dict[str, list[float]] = {"course grade": [], "course grade --fresh-workers": [],
                                            "nbgrader autograde": [], "autograder grade (one notebook)": []}
    for i in range(repeat):     # interleaved, so drifting load hits every command alike
        per_notebook["course grade"].append(timed(grade, course, env) / size)
        if i < fresh_repeat:
            per_notebook["course grade --fresh-workers"].append(timed(grade + ["--fresh-workers"], course, env) / size)
        per_notebook["autograder grade (one notebook)"].append(
            timed([str(BIN / "autograder"), "grade", str(single), "--seed", "1", "-q"], course, env))
    n = nbgrader_size or size
    per_notebook["nbgrader autograde"].append(
        timed([str(BIN / "nbgrader"), "autograde", chapter, "--force", "--log-level=ERROR"], nb_course, env) / n)
    return {"size": size, "nbgrader_size": n, "times": per_notebook}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chapters", nargs="*", default=["ch05", "ch02", "ch03"])
    parser.add_argument("--students", nargs="*", type=int, default=None,
                        help="class size per chapter (default 200 for ch05, 40 otherwise)")
    parser.add_argument("--nbgrader-students", nargs="*", type=int, default=None,
                        help="notebooks nbgrader autograde grades per chapter (default 20 for ch05, 8 otherwise; "
                             "0: the whole class)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fresh-repeat", type=int, default=1,
                        help="runs of the slow --fresh-workers grade (default 1)")
    args = parser.parse_args()
    sizes = args.students or [200 if c == "ch05" else 40 for c in args.chapters]
    nb_sizes = args.nbgrader_students or [20 if c == "ch05" else 8 for c in args.chapters]
    env = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}", TF_CPP_MIN_LOG_LEVEL="2")
    numpy = statistics.median(timed([sys.executable, "-c", "import numpy"], ROOT, env) for _ in range(5))
    print(f"bare `python -c 'import numpy'`: {numpy:.3f} s;  load average at start: {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores\n")
    print(f"{'chapter':8} {'command':34} {'notebooks':>9} {'median s/notebook':>18} {'min':>7} {'max':>7}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-class-") as tmp:
        for chapter, size, nb_size in zip(args.chapters, sizes, nb_sizes):
            result = results[chapter] = bench_chapter(chapter, size, nb_size, args.repeat, args.fresh_repeat, env,
                                                      Path(tmp))
            for name, values in result["times"].items():
                count = {"nbgrader autograde": result["nbgrader_size"], "autograder grade (one notebook)": 1}.get(
                    name, size)
                print(f"{chapter:8} {name:34} {count:9d} {statistics.median(values):18.3f} "
                      f"{min(values):7.3f} {max(values):7.3f}")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    print("ratios (medians, per notebook):")
    for chapter, result in results.items():
        med = {k: statistics.median(v) for k, v in result["times"].items()}
        ratio = med["nbgrader autograde"] / med["course grade"]
        goal = GOALS.get(chapter)
        verdict = "" if goal is None else f" (goal {goal}x: {'met' if ratio >= goal else 'NOT met'})"
        print(f"  {chapter}: nbgrader autograde / course grade = {ratio:.1f}x{verdict};  "
              f"warm workers / fresh = {med['course grade --fresh-workers'] / med['course grade']:.1f}x faster;  "
              f"course grade = {med['course grade'] / numpy:.2f}x a bare numpy import;  "
              f"one notebook: autograder grade = {med['autograder grade (one notebook)']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
