"""Call a student's functions in this very process (the in-notebook check, and fast self-tests).

Arguments and results still cross `autograder.protocol` (encode -> decode), so the student's code
gets fresh copies it may mutate, and the graders get plain data exactly as from the worker.  Calls are
time-limited with SIGALRM when running in the main thread.  Isolation from a hostile submission is
the worker's job (`autograder.runner`), not this one's.
"""
from __future__ import annotations

import signal
import threading
from typing import Any, Mapping

from autograder import protocol
from autograder.failures import exception_info, student_error
from autograder.grading import StudentError


def roundtrip(value: Any) -> Any:
    enc = protocol.Encoder()
    data = enc.encode(value)
    return protocol.decode(data, enc.buffers)


class _Timeout(BaseException):
    pass


def describe_exception(function: str, exc: BaseException, tb) -> StudentError:
    """The StudentError for an exception raised by the student's `function`."""
    return student_error(function, exception_info(exc, tb))


class InProcessStudent:
    """`student.NAME(*args)` calls `namespace[NAME]` with copied arguments and returns a copied result."""

    def __init__(self, namespace: Mapping[str, Any], timeout: float = 10.0):
        self._namespace = namespace
        self._timeout = timeout
        self.isolation = "in-process"

    def has(self, name: str) -> bool:
        return callable(self._namespace.get(name))

    def call(self, name: str, *args, **kwargs) -> Any:
        return self._invoke(name, args, kwargs, return_args=False)

    def call_keeping_args(self, name: str, *args) -> tuple[Any, list]:
        """(result, the positional arguments as the call left them), as `WorkerStudent` does."""
        return tuple(self._invoke(name, args, {}, return_args=True))

    def _invoke(self, name: str, args: tuple, kwargs: dict, return_args: bool) -> Any:
        fn = self._namespace.get(name)
        if not callable(fn):
            raise StudentError("missing_function", "missing_function", function=name)
        args, kwargs = roundtrip(args), roundtrip(kwargs)
        use_alarm = threading.current_thread() is threading.main_thread() and self._timeout
        if use_alarm:
            def on_alarm(signum, frame):
                raise _Timeout()
            previous = signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self._timeout)
        try:
            result = fn(*args, **kwargs)
        except _Timeout:
            raise StudentError("timeout", "timeout", function=name, seconds=self._timeout) from None
        except BaseException as exc:  # noqa: BLE001 - the student's code may raise anything
            raise describe_exception(name, exc, exc.__traceback__) from None
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        return roundtrip((result, list(args)) if return_args else result)

    def probe(self, probe: str, *args, **kwargs) -> Any:
        """Run the trusted probe `autograder.probes.PROBES[probe](namespace, *args)` next to the student's
        objects (a model is graded by what it does; only plain data comes back)."""
        from autograder.probes import PROBES
        args, kwargs = roundtrip(args), roundtrip(kwargs)
        try:
            result = PROBES[probe](self._namespace, *args, **kwargs)
        except StudentError:
            raise
        except BaseException as exc:  # noqa: BLE001
            raise describe_exception(probe, exc, exc.__traceback__) from None
        return roundtrip(result)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)
