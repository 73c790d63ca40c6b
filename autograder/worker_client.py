"""Step 3, run (grader side): the client of the worker process.  It starts the worker, calls into
it with time limits and restarts it after a crash; it runs no tests itself.

`WorkerStudent` is the `student` fixture of a real grading run.  Each call is one request frame and
one answer frame; the grader waits for the answer with a deadline, and on a timeout, a crash, a
`os._exit` or a garbled answer it kills the worker's whole process group, turns the failure into a
`StudentError` for that call only, and starts a fresh worker (reloading the program) on the next call.
Within `replacing(...)`, calls name helpers the worker replaces by proxies; each `helper` frame the
worker sends meanwhile is answered here with the reference's output (`autograder.composite`).

How the worker is launched (plain process, or inside a bubblewrap sandbox) is the `Launcher`'s job,
see `autograder.sandbox`.
"""
from __future__ import annotations

import contextlib
import copy
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from typing import Any

from autograder.assignments import Assignment
from autograder.composite import CallLog, reference_answer
from autograder.extract import Program
from autograder.results import Definitions, StudentError, missing_function, student_error
from autograder.worker import protocol

MAX_HELPER_CALLS = 100_000   # answers to replaced helpers within one call


class WorkerDied(Exception):
    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def worker_env(scratch: str) -> dict:
    """A small, predictable environment for the student's process."""
    env = {
        "PATH": os.path.dirname(sys.executable) + ":/usr/bin:/bin",
        "HOME": scratch, "TMPDIR": scratch, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": scratch, "KMP_WARNINGS": "0", "PYTHONWARNINGS": "ignore",
    }
    for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


class WorkerStudent:
    """The submission, loaded in a separate worker process."""

    runs_here = False   # the student's code runs in the worker: this process may compute meanwhile

    def __init__(self, program: Program, assignment: Assignment, launcher=None):
        from autograder.sandbox import default_launcher
        self.program = program
        self.assignment = assignment
        self.limits = assignment.limits
        self.launcher = launcher or default_launcher()
        self.isolation = self.launcher.description
        self.load_errors: list[dict] = []
        self.defined: set[str] = set()
        self.restarts = 0
        self._hung: set[str] = set()   # functions that timed out: later calls fail at once
        self._replacements: dict = {}  # helper name -> reference function (within `replacing`)
        self._log: CallLog | None = None
        self._loaded = False
        self._proc: subprocess.Popen | None = None
        self._scratch: str | None = None

    # --- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        from autograder.sandbox import new_scratch
        self._scratch = getattr(self.launcher, "new_scratch", new_scratch)()
        for helper in self.assignment.helper_paths():
            shutil.copy(helper, self._scratch)
        to_worker_r, to_worker_w = os.pipe()
        from_worker_r, from_worker_w = os.pipe()
        out = os.open(os.path.join(self._scratch, ".output"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        argv = [sys.executable, "-m", "autograder.worker", str(to_worker_r), str(from_worker_w)]
        try:
            self._proc = self.launcher.popen(argv, scratch=self._scratch, pass_fds=(to_worker_r, from_worker_w),
                                             stdout=out, env=worker_env(self._scratch), limits=self.limits,
                                             warm=(tuple(self.assignment.preload), tuple(self.assignment.probes)))
        except OSError:
            for fd in (to_worker_w, from_worker_r):
                os.close(fd)
            raise
        finally:
            for fd in (to_worker_r, from_worker_w, out):
                os.close(fd)
        self._fd_out, self._fd_in = to_worker_w, from_worker_r
        init = {"op": "init", "preload": list(self.assignment.preload), "limits": {
            "memory_mb": self.limits.memory_mb, "output_kb": self.limits.output_kb,
            "open_files": self.limits.open_files, "processes": self.limits.processes,
            "cpu_seconds": self.limits.cpu_seconds}, "load_timeout": self.limits.load_timeout,
            "probes": list(self.assignment.probes), "program": self.program.to_wire()}
        protocol.write_frame(self._fd_out, protocol.pack(init))
        self._loaded = False  # the worker loads while the grader imports its tests; see _await_loaded

    def _await_loaded(self) -> None:
        if self._loaded:
            return
        header, _ = self._answer(self.limits.load_timeout + 5)
        self.load_errors = list(header.get("errors", []))
        self.defined = set(header.get("defined", []))
        self._loaded = True

    def close(self) -> None:
        if self._proc is not None:
            try:
                protocol.write_frame(self._fd_out, protocol.pack({"op": "exit"}))
            except OSError:
                pass
            self._kill()
        if self._scratch:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self):
        try:
            self.start()
        except OSError:  # e.g. the sandbox binary vanished: every call then fails with the reason
            self._kill()
        return self

    def __exit__(self, *exc):
        self.close()

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for fd in (self._fd_out, self._fd_in):
            try:
                os.close(fd)
            except OSError:
                pass
        proc.kill_group()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()

    def _answer(self, timeout: float) -> tuple[dict, list[bytes]]:
        ready, _, _ = select.select([self._fd_in], [], [], timeout)
        if not ready:
            raise TimeoutError()
        try:
            return protocol.read_frame(self._fd_in)
        except (EOFError, OSError, protocol.ProtocolError, ValueError) as e:
            proc = self._proc
            try:
                code = proc.wait(timeout=1) if proc else None
            except subprocess.TimeoutExpired:  # alive but talking nonsense
                code = None
            if code is not None and code < 0:
                detail = f"signal {signal.Signals(-code).name}"
            elif code is not None:
                detail = f"exit status {code}"
            else:
                detail = f"garbled answer ({type(e).__name__})"
            raise WorkerDied(detail) from None

    # --- calls ------------------------------------------------------------------------------
    def has(self, name: str) -> bool:
        self._ensure_started()
        return name in self.defined

    def _ensure_started(self) -> None:
        if self._proc is None:
            if self._scratch:
                shutil.rmtree(self._scratch, ignore_errors=True)
                self.restarts += 1
            self.start()
        self._await_loaded()

    def load_report(self) -> list[dict]:
        """The errors the student's top-level code raised while loading (loads it if need be)."""
        try:
            self._ensure_started()
        except (TimeoutError, WorkerDied, OSError):
            self._kill()
        return self.load_errors

    def definitions(self) -> Definitions:
        """What the submission defines, to say why a function it calls is missing."""
        broken = {f: (p.cell, p.line, p.detail) for p in self.program.problems for f in p.functions}
        return Definitions(frozenset(self.defined | self.program.defined()), broken,
                           self.assignment.graded_functions())

    @contextlib.contextmanager
    def replacing(self, replacements: dict):
        """Within this block, each call replaces the student's helpers named in `replacements` by the
        given reference functions; yields the `CallLog` of the calls they answered."""
        self._replacements, self._log = dict(replacements), CallLog()
        try:
            yield self._log
        finally:
            self._replacements, self._log = {}, None

    def _answer_helper(self, header: dict, buffers: list[bytes]) -> bytes:
        """The frame answering the worker's `helper` request with the reference's output."""
        name = str(header.get("name", ""))
        fn = self._replacements.get(name)
        try:
            if fn is None:
                raise LookupError(f"{name} is not replaced")
            args = protocol.decode(header["args"], buffers)
            kwargs = protocol.decode(header["kwargs"], buffers)
            log = self._log if self._log is not None and self._log.wants(name) else None
            recorded = (copy.deepcopy(args), copy.deepcopy(kwargs)) if log else None
            output = reference_answer(fn, args, kwargs)
            if log:
                log.record(name, *recorded, copy.deepcopy(output))
            return protocol.pack({"ok": True}, {"value": output})
        except Exception as e:  # noqa: BLE001 - the reference on the student's arguments
            return protocol.pack({"ok": False, "detail": type(e).__name__})

    def _await_answer(self, timeout: float) -> tuple[dict, list[bytes]]:
        """The answer to the request just sent, answering the helper requests that come first; the
        time the grader spends on those does not count against the student's call."""
        deadline = time.monotonic() + timeout
        for _ in range(MAX_HELPER_CALLS):
            header, buffers = self._answer(max(0.0, deadline - time.monotonic()))
            if header.get("op") != "helper":
                return header, buffers
            started = time.monotonic()
            protocol.write_frame(self._fd_out, self._answer_helper(header, buffers))
            deadline += time.monotonic() - started
        raise WorkerDied("too many helper calls")

    def _request(self, op: str, name: str, args: tuple, kwargs: dict, label: str, return_args: bool = False,
                 calls: int = 1) -> Any:
        try:
            self._ensure_started()
        except (TimeoutError, WorkerDied, OSError) as e:
            self._kill()
            raise StudentError("crash", "crash", function=label, detail=f"load: {getattr(e, 'detail', None) or e or 'timeout'}") from None
        if op != "probe" and name not in self.defined and name not in self._replacements:
            raise self._missing(name)
        if label in self._hung:  # a function that hung once is not waited for again
            raise StudentError("timeout", "timeout", function=label, seconds=self.limits.call_timeout)
        try:
            request = {"op": op, "name": name, "return_args": return_args}
            if op != "probe" and self._replacements:
                request["replace"] = sorted(self._replacements)
            protocol.write_frame(self._fd_out, protocol.pack(request, {"args": args, "kwargs": kwargs}))
            header, buffers = self._await_answer(self.limits.call_timeout * calls)
        except TimeoutError:
            self._kill()
            self._hung.add(label)
            raise StudentError("timeout", "timeout", function=label, seconds=self.limits.call_timeout) from None
        except (WorkerDied, OSError) as e:
            self._kill()
            raise StudentError("crash", "crash", function=label, detail=getattr(e, "detail", str(e))) from None
        if not header.get("ok"):
            raise student_error(label, header.get("error") or {}, self.limits, self.definitions())
        try:
            return protocol.decode(header.get("value"), buffers)
        except (protocol.ProtocolError, ValueError, TypeError, KeyError, IndexError) as e:
            self._kill()
            raise StudentError("unencodable", "unencodable", function=label, detail=type(e).__name__) from None

    def _missing(self, name: str) -> StudentError:
        return missing_function(name, self.definitions())

    def call(self, name: str, *args, **kwargs) -> Any:
        return self._request("call", name, args, kwargs, name)

    def call_keeping_args(self, name: str, *args) -> tuple[Any, list]:
        """(result, the positional arguments as the call left them): for functions that update
        their arguments in place (batch norm's running averages in `bn_param`)."""
        return tuple(self._request("call", name, args, {}, name, return_args=True))

    def call_each(self, name: str, calls: list[tuple]) -> list:
        """[name(*args) for args in calls] in one round trip (a numerical gradient's many costs): the
        results, or the error of the first call that fails, as `call` would raise it.  The time
        limit is the per-call one times the number of calls."""
        calls = [tuple(args) for args in calls]
        if not calls:
            return []
        return self._request("call_each", name, (calls,), {}, name, calls=len(calls))

    def probe(self, probe: str, *args, **kwargs) -> Any:
        return self._request("probe", probe, args, kwargs, probe)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)
