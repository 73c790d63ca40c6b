"""The assignments, each declared once: everything else (the notebook build, the release, the tests'
chapter lists, the worker's preload and limits) follows from `ASSIGNMENTS`.

A chapter `chNN` consists of the parts listed in `Assignment.parts()`; tests/test_chapters.py fails
when one is missing.  Limits can be changed per assignment in `nbgrader_config.py` (see
`autograder.config`).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from autograder.pyparse import parse

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Limits:
    call_timeout: float = 10.0   # seconds of wall time per call into the student's code
    cpu_seconds: int = 600       # CPU time of one worker process in all (a backstop: RLIMIT_CPU)
    load_timeout: float = 60.0   # seconds to load the submission (imports included)
    memory_mb: int = 1024        # address space the student's code may add to the worker
    output_kb: int = 1024        # bytes the student's code may print
    processes: int = 32          # processes and threads (inside the sandbox)
    open_files: int = 256


@dataclass(frozen=True)
class Assignment:
    name: str
    title: str
    preload: tuple[str, ...] = ("numpy",)   # modules the worker imports before the student's code
    limits: Limits = field(default_factory=Limits)
    helpers: tuple[str, ...] = ()            # modules shipped beside the notebook (source/chNN/...)
    probes: tuple[str, ...] = ()             # worker-side probe modules (autograder.worker.probes...)

    def helper_paths(self) -> list[Path]:
        """The trusted copies of the helper modules (never the ones beside a submission)."""
        return [ROOT / "source" / self.name / h for h in self.helpers]

    @property
    def grader_module(self) -> str:
        return f"autograder.graders.{self.name}"

    @property
    def reference_module(self) -> str:
        return f"solutions.{self.name}"

    @property
    def frameworks(self) -> frozenset[str]:
        """The deep-learning frameworks the chapter uses (its worker preloads them)."""
        return frozenset(m for m in self.preload if m in ("torch", "tensorflow"))

    def with_limits(self, **changes) -> "Assignment":
        return replace(self, limits=replace(self.limits, **changes))

    def parts(self) -> dict[str, Path]:
        """The files (or packages) that make up the chapter, each with one job."""
        def module(path: Path) -> Path:
            return path if path.is_dir() else path.with_suffix(".py")
        return {
            "reference": module(ROOT / "solutions" / self.name),
            "oracle tests": next(iter(sorted((ROOT / "tests").glob(f"test_solutions_*{self.name}*.py"))),
                                 ROOT / "tests" / f"test_solutions_{self.name}.py"),
            "fair variants": ROOT / "tests" / "fair" / f"{self.name}.py",
            "mistake catalogue": module(PACKAGE / "mistakes" / self.name),
            "messages": PACKAGE / "messages" / f"{self.name}.py",
            "graders": module(PACKAGE / "graders" / self.name),
            "notebook spec": ROOT / "tools" / "notebooks" / f"{self.name}.py",
            "source notebook": ROOT / "source" / self.name / f"{self.name}.ipynb",
            "release notebook": ROOT / "release" / self.name / f"{self.name}.ipynb",
        }

    def graded_functions(self) -> frozenset[str]:
        return graded_functions(self.name)


@lru_cache(maxsize=None)
def graded_functions(assignment: str) -> frozenset[str]:
    """The functions an assignment grades, read from its grader module(s) without importing them."""
    base = PACKAGE / "graders" / assignment
    paths = sorted(base.glob("*.py")) if base.is_dir() else [base.with_suffix(".py")]
    names = set()
    for path in paths:
        if not path.exists():
            continue
        for node in ast.walk(parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "graded" and node.args and \
                    isinstance(node.args[0], ast.Constant):
                names.add(node.args[0].value)
    return frozenset(names)


FRAMEWORK_PROBES = ("autograder.worker.probes",)

# Limits of the framework chapters (2, 3, 8, 9), and why:
#   call_timeout=60   one call may be a short training run of the student's code (a Keras `fit` traces
#                     its graph on the first call: 1-3 s idle here) or chapter 8's four-loop conv on
#                     the hidden sizes (well under 1 s); 60 s keeps a correct submission safe on a
#                     machine busy grading a class, and still ends an endless loop within a minute.
#   load_timeout=120  importing torch and TensorFlow takes 11 s on this 2-core machine when idle, and
#                     several times that with a class being graded beside it.
#   memory_mb=4096    what the worker's address space may grow by once the preloaded imports are in
#                     (RLIMIT_AS): TensorFlow and torch map more on their first computations (thread
#                     stacks, kernels; 2 GiB of virtual memory in all after one product each), and a
#                     Keras `fit` more again for its graphs.
#   processes=256     RLIMIT_NPROC counts threads, and TensorFlow's and torch's pools grow with the
#                     operations run (8 threads after one product each, more during a Keras fit).
# Chapter 2 (torch only) stays at the default load time and process count.

ASSIGNMENTS: dict[str, Assignment] = {a.name: a for a in [
    Assignment("ch01", "Python 与 NumPy 基础", ("numpy", "matplotlib"), probes=("autograder.worker.probes_ch01",)),
    Assignment("ch02", "PyTorch 基础", ("numpy", "torch", "torch._dynamo"),  # optim.step() imports _dynamo
               Limits(call_timeout=60, memory_mb=4096), probes=FRAMEWORK_PROBES),
    Assignment("ch03", "TensorFlow 基础", ("numpy", "tensorflow"),
               Limits(call_timeout=60, load_timeout=120, memory_mb=4096, processes=256), probes=FRAMEWORK_PROBES),
    Assignment("ch04", "感知机与逻辑回归"),
    Assignment("ch05", "浅层神经网络"),
    Assignment("ch06", "深层神经网络与 softmax", limits=Limits(call_timeout=20)),
    Assignment("ch07", "优化神经网络", limits=Limits(call_timeout=20), helpers=("dnn_utils.py",)),
    Assignment("ch08", "卷积神经网络", ("numpy", "torch", "torch._dynamo", "tensorflow"),
               Limits(call_timeout=60, load_timeout=120, memory_mb=4096, processes=256),
               probes=FRAMEWORK_PROBES + ("autograder.worker.probes_ch08",)),
    Assignment("ch09", "循环神经网络", ("numpy", "torch", "torch._dynamo", "tensorflow"),
               Limits(call_timeout=60, load_timeout=120, memory_mb=4096, processes=256),
               probes=FRAMEWORK_PROBES + ("autograder.worker.probes_ch09",)),
]}
