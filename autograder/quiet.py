"""Silence for the grader's own computations: `with silenced(): ...` drops prints to stdout and
stderr, Python warnings and NumPy floating-point warnings raised inside the block.

References print progress (`nn_model(print_cost=True)`), catalogued variants divide by zero on odd
inputs: only the student's code may print, and that is captured by its worker.

`contextlib.redirect_stdout` and `warnings.catch_warnings` swap process-wide state and restore what
they saw on entry, so two threads using them at once can leave `sys.stdout` pointing at a dead
buffer (course grade's final table was lost that way) or the warning filters changed.  Outside the
main thread (course grade's grading threads, Dask tasks) the silence is therefore per thread: once
installed, `sys.stdout`, `sys.stderr` and `warnings.showwarning` pass through everything except what
a silenced thread writes.  The main thread (the in-notebook check in a kernel, `autograder grade`)
uses the plain swaps, leaving a kernel's own streams as they are.
"""
from __future__ import annotations

import contextlib
import io
import sys
import threading
import warnings

import numpy as np

_local = threading.local()
_lock = threading.Lock()


def _silenced_here(what: str = "warnings") -> bool:
    return getattr(_local, what, 0) > 0


class _PassThrough:
    """A stream that writes what every thread writes, except a silenced thread."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        return len(text) if _silenced_here("streams") else self._stream.write(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _showwarning(*args, **kwargs):
    if not _silenced_here():
        _showwarning.original(*args, **kwargs)


def _install() -> None:
    with _lock:
        for name in ("stdout", "stderr"):
            stream = getattr(sys, name)
            if stream is not None and not isinstance(stream, _PassThrough):
                setattr(sys, name, _PassThrough(stream))
        if warnings.showwarning is not _showwarning:
            _showwarning.original = warnings.showwarning
            warnings.showwarning = _showwarning


@contextlib.contextmanager
def silenced(streams: bool = True):
    """No warnings from the code inside, and with `streams` no prints either (see the module's docstring)."""
    if threading.current_thread() is threading.main_thread():
        with contextlib.ExitStack() as stack:
            if streams:
                stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
                stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
            stack.enter_context(warnings.catch_warnings())
            stack.enter_context(np.errstate(all="ignore"))
            warnings.simplefilter("ignore")
            yield
        return
    _install()
    counts = ("warnings", "streams") if streams else ("warnings",)
    for what in counts:
        setattr(_local, what, getattr(_local, what, 0) + 1)
    try:
        with np.errstate(all="ignore"):       # NumPy's error state is per thread already
            yield
    finally:
        for what in counts:
            setattr(_local, what, getattr(_local, what) - 1)
