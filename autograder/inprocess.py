"""Call a student's functions in this very process (the in-notebook check, and fast self-tests).

Arguments and results still cross `autograder.worker.protocol` (encode -> decode), so the student's
code gets fresh copies it may mutate, and the graders get plain data exactly as from the worker.
Each call has the assignment's time limit (SIGALRM, in the main thread), with the worker's message;
an interrupt the user sends (Ctrl-C, the kernel's stop button) ends the check as `CheckInterrupted`
instead of being blamed on the student's function.  Isolation from a hostile submission is the
worker's job (`autograder.worker_client`), not this one's.
"""
from __future__ import annotations

import contextlib
import copy
import os
import signal
import sys
import threading
from typing import Any, Mapping

from autograder.composite import CallLog, reference_answer
from autograder.results import Definitions, StudentError, missing_function, student_error
from autograder.worker import protocol
from autograder.worker.failures import exception_info

_ENGINE_DIR = os.path.dirname(os.path.abspath(__file__))
_LIBRARY_DIRS = tuple({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)})


def roundtrip(value: Any) -> Any:
    enc = protocol.Encoder()
    data = enc.encode(value)
    return protocol.decode(data, enc.buffers)


def is_student_frame(filename: str) -> bool:
    """A frame of the student's code here: not the engine's, not a library's (a notebook cell in
    the kernel is a file like /tmp/ipykernel_1234/567.py)."""
    if filename.startswith("<"):
        return filename.startswith("<cell")
    path = os.path.realpath(filename)
    return not path.startswith(_ENGINE_DIR) and not path.startswith(_LIBRARY_DIRS)


class _Timeout(BaseException):
    pass


class CheckInterrupted(BaseException):
    """The user interrupted the check (not the student's code raising KeyboardInterrupt)."""


class InProcessStudent:
    """`student.NAME(*args)` calls `namespace[NAME]` with copied arguments and returns a copied result."""

    runs_here = True   # the student's code shares this process (and its frameworks' global state)

    def __init__(self, namespace: Mapping[str, Any], timeout: float = 10.0, expected: frozenset[str] = frozenset()):
        self._namespace = namespace
        self._timeout = timeout
        self._expected = expected
        self._replacements: dict = {}
        self._log: CallLog | None = None
        self.isolation = "in-process"

    def has(self, name: str) -> bool:
        return callable(self._namespace.get(name))

    def definitions(self) -> Definitions:
        defined = frozenset(k for k, v in self._namespace.items() if callable(v) and not k.startswith("_"))
        return Definitions(defined, {}, self._expected)

    def call(self, name: str, *args, **kwargs) -> Any:
        return self._invoke(name, args, kwargs, return_args=False)

    def call_keeping_args(self, name: str, *args) -> tuple[Any, list]:
        """(result, the positional arguments as the call left them), as `WorkerStudent` does."""
        return tuple(self._invoke(name, args, {}, return_args=True))

    def call_each(self, name: str, calls: list[tuple]) -> list:
        """[name(*args) for args in calls], as `WorkerStudent.call_each` answers it in one round trip."""
        return [self.call(name, *args) for args in calls]

    @contextlib.contextmanager
    def replacing(self, replacements: dict):
        """Within this block, calls see the given reference functions in place of the student's
        helpers (the namespace is patched for each call and restored after it)."""
        self._replacements, self._log = dict(replacements), CallLog()
        try:
            yield self._log
        finally:
            self._replacements, self._log = {}, None

    def _proxy(self, name: str, fn):
        log = self._log

        def helper(*args, **kwargs):
            args, kwargs = roundtrip(args), roundtrip(kwargs)
            wanted = log is not None and log.wants(name)
            recorded = (copy.deepcopy(args), copy.deepcopy(kwargs)) if wanted else None
            output = reference_answer(fn, args, kwargs)
            if wanted:
                log.record(name, *recorded, copy.deepcopy(output))
            return roundtrip(output)
        return helper

    def _invoke(self, name: str, args: tuple, kwargs: dict, return_args: bool) -> Any:
        if not callable(self._namespace.get(name)) and name not in self._replacements:
            raise missing_function(name, self.definitions())
        args, kwargs = roundtrip(args), roundtrip(kwargs)
        saved = {h: self._namespace.get(h, _ABSENT) for h in self._replacements}
        for h, ref in self._replacements.items():
            self._namespace[h] = self._proxy(h, ref)
        fn = self._namespace[name]   # a replaced function is replaced for this call too
        try:
            with _time_limit(self._timeout):
                result = fn(*args, **kwargs)
        except _Timeout:
            raise StudentError("timeout", "timeout", function=name, seconds=self._timeout) from None
        except CheckInterrupted:
            raise
        except BaseException as exc:  # noqa: BLE001 - the student's code may raise anything
            info = exception_info(exc, exc.__traceback__, is_student_frame)
            raise student_error(name, info, definitions=self.definitions()) from None
        finally:
            for h, old in saved.items():
                if old is _ABSENT:
                    self._namespace.pop(h, None)
                else:
                    self._namespace[h] = old
        return roundtrip((result, list(args)) if return_args else result)

    def probe(self, probe: str, *args, **kwargs) -> Any:
        """Run the trusted probe `autograder.worker.probes.PROBES[probe](namespace, *args)` next to the
        student's objects (a model is graded by what it does; only plain data comes back)."""
        from autograder.worker.probes import PROBES
        args, kwargs = roundtrip(args), roundtrip(kwargs)
        try:
            with _time_limit(self._timeout):
                result = PROBES[probe](self._namespace, *args, **kwargs)
        except _Timeout:
            raise StudentError("timeout", "timeout", function=probe, seconds=self._timeout) from None
        except (StudentError, CheckInterrupted):
            raise
        except BaseException as exc:  # noqa: BLE001
            raise student_error(probe, exception_info(exc, exc.__traceback__, is_student_frame)) from None
        return roundtrip(result)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)


_ABSENT = object()


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Raise `_Timeout` in the student's code after `seconds`, and turn the user's interrupt into
    `CheckInterrupted` (main thread only: elsewhere signals cannot be used and calls are unlimited)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise _Timeout()

    def on_interrupt(signum, frame):
        raise CheckInterrupted()

    previous_alarm = signal.signal(signal.SIGALRM, on_alarm)
    previous_int = signal.signal(signal.SIGINT, on_interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_alarm)
        signal.signal(signal.SIGINT, previous_int)
