"""What went wrong inside the student's code, as plain data.  The grader turns it into the
student-facing message (`autograder.results.student_error`).  Kept free of heavy imports: the
worker imports it before any student code runs."""
from __future__ import annotations

import traceback

EXIT_TYPES = ("SystemExit", "KeyboardInterrupt", "GeneratorExit")


def in_cell(filename: str) -> bool:
    """Whether a frame is the student's: the worker compiles each notebook cell as `<cell N>`."""
    return filename.startswith("<cell")


def exception_info(exc: BaseException, tb, is_student_frame=in_cell) -> dict:
    """Plain description of an exception raised by student code.

    `where` is the innermost frame of the student's code ("cell 3, line 7"), `in_function` the
    function that frame belongs to (the helper that failed when a composite function called it),
    `name` the undefined name of a NameError."""
    etype = type(exc).__name__
    if isinstance(exc, NotImplementedError):
        kind = "not_implemented"
    elif isinstance(exc, (SystemExit, KeyboardInterrupt, GeneratorExit)):
        kind = "exit_called"
    elif isinstance(exc, MemoryError):
        kind = "memory"
    elif isinstance(exc, OSError) and getattr(exc, "errno", None) == 27:  # EFBIG: output limit
        kind = "output_limit"
    else:
        kind = "exception"
    try:
        frames = [f for f in traceback.extract_tb(tb) if is_student_frame(f.filename)]
        where = f"{frames[-1].filename.strip('<>')}, line {frames[-1].lineno}" \
            if frames and in_cell(frames[-1].filename) else ""
        in_function = frames[-1].name if frames and frames[-1].name.isidentifier() else None
    except Exception:
        where, in_function = "", None
    try:
        detail = str(exc)[:300]
    except Exception:
        detail = "?"
    name = getattr(exc, "name", None) if isinstance(exc, NameError) else None
    return {"kind": kind, "etype": etype[:80], "detail": detail, "where": where[:80],
            "name": name[:80] if isinstance(name, str) else None,
            "in_function": in_function[:80] if in_function else None}
