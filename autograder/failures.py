"""What went wrong inside the student's code, as plain data (worker side) and as a StudentError
(grader side).  Kept free of heavy imports: the worker imports it before any student code runs."""
from __future__ import annotations

import traceback

EXIT_TYPES = ("SystemExit", "KeyboardInterrupt", "GeneratorExit")


def exception_info(exc: BaseException, tb) -> dict:
    """Plain description of an exception raised by student code (cells are named `<cell N>`)."""
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
        frames = [f for f in traceback.extract_tb(tb) if f.filename.startswith("<cell")]
        where = f"{frames[-1].filename.strip('<>')}, line {frames[-1].lineno}" if frames else ""
    except Exception:
        where = ""
    try:
        detail = str(exc)[:300]
    except Exception:
        detail = "?"
    name = getattr(exc, "name", None) if isinstance(exc, NameError) else None
    return {"kind": kind, "etype": etype[:80], "detail": detail, "where": where[:80],
            "name": name[:80] if isinstance(name, str) else None}


def student_error(function: str, info: dict, limits=None):
    """The grader-side StudentError for the failure `info` of a call to `function`."""
    from autograder.grading import StudentError

    kind = info.get("kind", "exception")
    if kind == "not_implemented":
        return StudentError(kind, "not_implemented", function=function)
    if kind == "exit_called":
        return StudentError(kind, "exit_called", function=function, etype=str(info.get("etype")))
    if kind == "memory":
        return StudentError(kind, "memory", function=function, limit_mb=getattr(limits, "memory_mb", "?"))
    if kind == "output_limit":
        return StudentError(kind, "output_limit", function=function, limit_kb=getattr(limits, "output_kb", "?"))
    if kind == "missing":
        return StudentError("missing_function", "missing_function", function=function)
    if kind == "unencodable":
        return StudentError(kind, "unencodable", function=function, detail=str(info.get("detail", ""))[:200])
    hint = ("global_name", {"name": info["name"]}) if info.get("name") else None
    where = info.get("where") or ""
    return StudentError("exception", "exception", function=function, etype=str(info.get("etype")),
                        detail=str(info.get("detail", "")), where=f" [{where}]" if where else "", hint=hint)
