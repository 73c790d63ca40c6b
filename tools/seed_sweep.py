"""Fair on every seed: grade the reference and the fair variants of each chapter under many hidden
seeds; every run must keep full marks.

    python -m tools.seed_sweep                     # every chapter, 100 seeds each
    python -m tools.seed_sweep ch07 --seeds 300    # one chapter, more seeds
    python -m tools.seed_sweep ch05 --start 1000   # other seeds

The submissions are graded in-process (`InProcessStudent`), visible and hidden tests together, with
the chapter's catalogue and reference exactly as `autograder grade` uses them.  The fair variants
are `tests/fair/chNN.py`: correct code written another way (loops, einsum, float32, in-place
updates), loaded over the reference so that the functions it does not define are the reference's.
It prints every test that lost points (chapter, submission, seed, test, message) and a summary;
the exit status is 1 when anything lost points.  tests/test_fairness.py runs a few seeds of it.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if __name__ == "__main__":
    # Before torch and TensorFlow load (the framework chapters' graders import them): one OpenMP thread
    # (the sweep's models are tiny; on a shared machine more threads only wait for each other) and no
    # TensorFlow start-up log.  Set either variable to override.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from autograder.assignments import ASSIGNMENTS, Assignment  # noqa: E402
from autograder.grading import catalogue_of, collect, reference_of, run_tests  # noqa: E402
from autograder.inprocess import InProcessStudent  # noqa: E402


def fair_namespace(chapter: str) -> dict:
    """The reference's namespace with the fair module's definitions loaded over it."""
    path = ROOT / "tests" / "fair" / f"{chapter}.py"
    namespace = dict(vars(importlib.import_module(f"solutions.{chapter}")))
    namespace["__name__"] = f"fair_{chapter}"
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace


def submissions(chapter: str) -> dict[str, dict]:
    out = {"reference": dict(vars(importlib.import_module(f"solutions.{chapter}")))}
    if (ROOT / "tests" / "fair" / f"{chapter}.py").exists():
        out["fair"] = fair_namespace(chapter)
    return out


def sweep(chapter: str, seeds: range, names: tuple[str, ...] = ("reference", "fair")) -> list[tuple]:
    """[(submission, seed, test, output)] of every test that lost points."""
    spec = ASSIGNMENTS.get(chapter) or Assignment(chapter, chapter)
    module = spec.grader_module
    tests, catalogue, reference = collect(module), catalogue_of(module), reference_of(module)
    helpers = [str(p.parent) for p in spec.helper_paths()]
    sys.path[:0] = helpers
    lost = []
    try:
        for name, namespace in submissions(chapter).items():
            if name not in names:
                continue
            student = InProcessStudent(namespace, timeout=spec.limits.call_timeout, expected=spec.graded_functions())
            for seed in seeds:
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
                        warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    results = run_tests(tests, student, seed=seed, catalogue=catalogue, lang="en", reference=reference)
                lost += [(name, seed, r.name, r.output) for r in results if r.score < r.max_score]
    finally:
        del sys.path[:len(helpers)]
    return lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chapters", nargs="*", help="chapters (default: every chapter)")
    parser.add_argument("--seeds", type=int, default=100, help="how many hidden seeds (default 100)")
    parser.add_argument("--start", type=int, default=0, help="the first seed (default 0)")
    args = parser.parse_args(argv)
    failed = 0
    for chapter in args.chapters or list(ASSIGNMENTS):
        started = time.perf_counter()
        lost = sweep(chapter, range(args.start, args.start + args.seeds))
        for name, seed, test, output in lost:
            print(f"{chapter} {name} seed {seed}: {test}: {output}")
        print(f"{chapter}: {args.seeds} seeds, {len(submissions(chapter))} submissions, "
              f"{len(lost)} lost tests ({time.perf_counter() - started:.0f} s)", flush=True)
        failed += len(lost)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
