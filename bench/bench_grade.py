"""Benchmark: grade one submission per chapter with `autograder grade` (sandboxed and plain worker)
and with `nbgrader autograde`, side by side in one run on this machine; print medians and ratios.

    python bench/bench_grade.py [--repeat 5] [--chapters ch04 ch05 ...]

Each measurement is the wall time of a whole command, as a user runs it (interpreter start and
imports included).  Goals: `autograder grade` at least 3x faster than nbgrader autograde on a NumPy
chapter; the sandbox at most 20% slower than the plain worker; a chapter-7 grade under 10 s.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder.assignments import ASSIGNMENTS  # noqa: E402
from tools import submissions  # noqa: E402

BIN = Path(sys.executable).parent


def timed(argv: list[str], cwd: Path, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_chapter(chapter: str, repeat: int, env: dict) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix=f"bench-{chapter}-") as tmp:
        course = Path(tmp)
        shutil.copy(ROOT / "nbgrader_config.py", course)
        shutil.copytree(ROOT / "source" / chapter, course / "source" / chapter)
        subprocess.run([str(BIN / "nbgrader"), "generate_assignment", chapter, "--force", "--log-level=ERROR"],
                       cwd=course, env=env, check=True)
        nb = submissions.write(submissions.perfect(chapter), course / "submitted" / "alice" / chapter / f"{chapter}.ipynb")
        commands = {
            "autograder (sandbox)": [str(BIN / "autograder"), "grade", str(nb), "--seed", "1", "--require-sandbox"],
            "autograder (plain)": [str(BIN / "autograder"), "grade", str(nb), "--seed", "1", "--no-sandbox"],
            "nbgrader autograde": [str(BIN / "nbgrader"), "autograde", chapter, "--force", "--log-level=ERROR"],
        }
        times: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(repeat):  # interleaved, so drifting load hits every command alike
            for name, argv in commands.items():
                times[name].append(timed(argv, course, env))
        return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--chapters", nargs="*", default=None)
    args = parser.parse_args()
    chapters = args.chapters or list(ASSIGNMENTS)
    env = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}", TF_CPP_MIN_LOG_LEVEL="2")
    print(f"{'chapter':8} {'command':22} {'median s':>9} {'min s':>7} {'max s':>7}")
    summary = []
    for chapter in chapters:
        times = bench_chapter(chapter, args.repeat, env)
        med = {k: statistics.median(v) for k, v in times.items()}
        for name, values in times.items():
            print(f"{chapter:8} {name:22} {med[name]:9.2f} {min(values):7.2f} {max(values):7.2f}")
        summary.append((chapter, med))
    print("\nratios (medians):")
    for chapter, med in summary:
        speedup = med["nbgrader autograde"] / med["autograder (sandbox)"]
        overhead = med["autograder (sandbox)"] / med["autograder (plain)"] - 1
        print(f"  {chapter}: nbgrader / autograder (sandbox) = {speedup:.1f}x faster;   "
              f"sandbox overhead vs plain = {overhead:+.0%};   autograder grade = {med['autograder (sandbox)']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
