"""The assignments: which grader module, which frameworks the worker preloads, and resource limits.

Limits can be changed per assignment in `nbgrader_config.py` (see `autograder.config`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    probes: bool = False                     # whether the worker loads autograder.probes

    def helper_paths(self) -> list[Path]:
        """The trusted copies of the helper modules (never the ones beside a submission)."""
        return [ROOT / "source" / self.name / h for h in self.helpers]

    @property
    def grader_module(self) -> str:
        return f"autograder.graders.{self.name}"

    def with_limits(self, **changes) -> "Assignment":
        return replace(self, limits=replace(self.limits, **changes))


ASSIGNMENTS: dict[str, Assignment] = {a.name: a for a in [
    Assignment("ch02", "PyTorch 基础", ("numpy", "torch", "torch._dynamo"),  # optim.step() imports _dynamo
               Limits(call_timeout=60, memory_mb=4096), probes=True),
    Assignment("ch03", "TensorFlow 基础", ("numpy", "tensorflow"),
               Limits(call_timeout=60, load_timeout=120, memory_mb=4096, processes=256), probes=True),
    Assignment("ch04", "感知机与逻辑回归"),
    Assignment("ch05", "浅层神经网络"),
    Assignment("ch06", "深层神经网络与 softmax", limits=Limits(call_timeout=20)),
    Assignment("ch07", "优化神经网络", limits=Limits(call_timeout=20), helpers=("dnn_utils.py",)),
]}
