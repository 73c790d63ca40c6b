"""Benchmark: how fast the in-notebook check answers, per graded function (goal: under 0.5 s).

For each chapter a fresh Python process plays the kernel: it loads the perfect notebook's code, then
calls `check(chapter, function, globals())` for every graded function, as the check cells do, and
reports each call's wall time.  The first call of a chapter includes importing its graders (what a
student waits for once); the rest is the steady state.

    python bench/bench_check.py [--chapters ch04 ch05 ...]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from autograder.assignments import ASSIGNMENTS  # noqa: E402

KERNEL = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from tools import submissions
from autograder.assignments import ASSIGNMENTS
from autograder.extract import extract
from autograder.notebook import read_notebook
from autograder.assignments import graded_functions
from autograder.worker.serve import load_program
chapter = {chapter!r}
path = submissions.write(submissions.perfect(chapter), __import__("pathlib").Path({tmp!r}) / (chapter + ".ipynb"))
sys.path[:0] = [str(p.parent) for p in ASSIGNMENTS[chapter].helper_paths()]
namespace = {{"__name__": "__main__"}}
load_program(extract(read_notebook(path)).to_wire(), namespace, float("inf"))
from autograder.notebook_check import check
times = {{}}
for function in sorted(graded_functions(chapter)):
    started = time.perf_counter()
    check(chapter, function, namespace, quiet=True)
    times[function] = time.perf_counter() - started
print("TIMES", json.dumps(times))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chapters", nargs="*", default=None)
    args = parser.parse_args()
    chapters = args.chapters or list(ASSIGNMENTS)
    import tempfile
    print(f"{'chapter':8} {'functions':>9} {'first call s':>12} {'median s':>9} {'max s':>7}   slowest")
    for chapter in chapters:
        with tempfile.TemporaryDirectory() as tmp:
            code = KERNEL.format(root=str(ROOT), chapter=chapter, tmp=tmp)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                 env={"TF_CPP_MIN_LOG_LEVEL": "3", "PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg"})
        times = json.loads(out.stdout.split("TIMES", 1)[1])
        first = next(iter(times.values()))
        rest = list(times.values())[1:] or [first]
        slowest = max(times, key=times.get)
        print(f"{chapter:8} {len(times):9d} {first:12.3f} {statistics.median(rest):9.3f} {max(rest):7.3f}   "
              f"{slowest} ({times[slowest]:.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
