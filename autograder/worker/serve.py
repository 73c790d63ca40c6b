"""Step 3, run (worker side): the process that holds the student's code.

    python -m autograder.worker FD_IN FD_OUT

It reads an `init` frame (modules to preload, limits, the extracted program), imports the
frameworks, sets its resource limits, executes the program statement by statement, then answers
`call` / `probe` requests until told to exit.  A `call` may name helpers to `replace`: for that call
each is a proxy that asks the grader for the reference's answer (a `helper` frame out, its answer
back), so a composite function can be graded around the student's failing helpers without any
reference code entering this process.  It never imports the graders, the catalogues or
`solutions/` (and refuses imports of them from student code).  Stdout and stderr were redirected by
the launcher to a capped file, so the student's prints never touch the channel.

Everything this module needs is bound before the student's code runs; a submission that rebinds
`json`, `numpy` or builtins afterwards can only make its own answers wrong.
"""
from __future__ import annotations

import importlib
import importlib.abc
import os
import resource
import signal
import sys
import time

from builtins import dict, float, int, isinstance, list, sorted, str  # noqa: A004 - see protocol.py

from autograder.worker import protocol
from autograder.worker.failures import exception_info

_read_frame, _write_frame, _pack, _decode = protocol.read_frame, protocol.write_frame, protocol.pack, protocol.decode
_exception_info = exception_info
_BaseException = BaseException
_callable = callable


class _BlockAnswers(importlib.abc.MetaPathFinder):
    """Student code may not import the graders, the catalogues or the reference solutions."""

    BLOCKED = ("solutions", "autograder.graders", "autograder.mistakes", "autograder.grading",
               "autograder.notebook_check", "autograder.course", "autograder.cli", "autograder.composite")

    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in self.BLOCKED):
            raise ImportError(f"import of {name} is not allowed while grading")
        return None


class _Lazy:
    """A heavy module bound by name but imported only when first used (plots, data loading)."""

    def __init__(self, module: str, attr: str | None = None):
        object.__setattr__(self, "_target", (module, attr))

    def _load(self):
        module, attr = object.__getattribute__(self, "_target")
        obj = importlib.import_module(module)
        return getattr(obj, attr) if attr else obj

    def __getattr__(self, name):
        return getattr(self._load(), name)

    def __call__(self, *args, **kwargs):
        return self._load()(*args, **kwargs)


def _bind_lazy(node, namespace: dict) -> None:
    import ast
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                namespace[alias.asname] = _Lazy(alias.name)
            else:
                namespace[alias.name.split(".")[0]] = _Lazy(alias.name.split(".")[0])
    else:
        for alias in node.names:
            namespace[alias.asname or alias.name] = _Lazy(node.module, alias.name)


def load_program(statements: list[dict], namespace: dict, deadline: float) -> list[dict]:
    """Execute each kept statement; return the load errors (cell, line, exception)."""
    import ast
    errors = []
    for st in statements:
        if time.monotonic() > deadline:
            errors.append({"cell": st["cell"], "line": st["lineno"], "kind": "timeout", "etype": "Timeout",
                           "detail": "loading took too long"})
            break
        filename = f"<cell {st['cell']}>"
        try:
            tree = ast.parse(st["source"], filename)
            if st["kind"] == "lazy_import":
                for node in tree.body:
                    _bind_lazy(node, namespace)
                continue
            exec(compile(tree, filename, "exec"), namespace)
        except _BaseException as exc:  # noqa: BLE001 - anything the student's top level raises
            info = _exception_info(exc, exc.__traceback__)
            info.update(cell=st["cell"], line=st["lineno"])
            errors.append(info)
    return errors


def _set_limits(limits: dict) -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if limits.get("output_kb"):
        n = int(limits["output_kb"]) * 1024
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))
    if limits.get("memory_mb"):
        with open("/proc/self/statm") as f:
            current = int(f.read().split()[0]) * resource.getpagesize()
        n = current + int(limits["memory_mb"]) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (n, n))
    if limits.get("processes") and os.getuid() != 0:  # root ignores it; the sandbox runs as a user of its own
        n = int(limits["processes"])
        resource.setrlimit(resource.RLIMIT_NPROC, (n, n))
    if limits.get("cpu_seconds"):  # SIGXCPU ends the worker; the grader reports a crash and restarts it
        used = resource.getrusage(resource.RUSAGE_SELF)
        n = int(used.ru_utime + used.ru_stime) + int(limits["cpu_seconds"])
        resource.setrlimit(resource.RLIMIT_CPU, (n, n + 5))
    if limits.get("open_files"):
        n = int(limits["open_files"])
        resource.setrlimit(resource.RLIMIT_NOFILE, (n, n))


def _reset_output(force: bool = False) -> bool:
    """Flush the student's prints; False when they ran over the output limit.  Then the capture file
    is emptied and fresh stdout/stderr objects replace the old ones with their stuck buffers."""
    ok = not force
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except _BaseException:  # noqa: BLE001
            ok = False
    if not ok:
        import io
        for fd in (1, 2):
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, 0)
            except OSError:
                pass
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="replace")
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="replace")
    return ok


_ABSENT = object()


class ReferenceHelperFailed(Exception):
    """The grader could not answer a replaced helper's call (the reference failed on its arguments)."""


def _proxy(name: str, fd_in: int, fd_out: int):
    """A stand-in for the student's helper `name`: each call asks the grader for the reference's answer."""
    def helper(*args, **kwargs):
        _write_frame(fd_out, _pack({"op": "helper", "name": name}, {"args": args, "kwargs": kwargs}))
        header, buffers = _read_frame(fd_in)
        if not header.get("ok"):
            raise ReferenceHelperFailed(f"{name}: {header.get('detail', '')}")
        return _decode(header["value"], buffers)
    helper.__name__ = name
    return helper


def _restore(namespace: dict, replaced: dict) -> None:
    for name, old in replaced.items():
        if old is _ABSENT:
            namespace.pop(name, None)
        else:
            namespace[name] = old


def _each(fn):
    """`fn` called on each argument tuple in turn: the list of results, or the first exception."""
    def each(calls):
        return [fn(*args) for args in calls]
    return each


def serve(fd_in: int, fd_out: int) -> None:
    header, buffers = _read_frame(fd_in)
    for module in header.get("preload", []):
        importlib.import_module(module)
    if {"torch", "tensorflow"} & set(header.get("preload", [])):
        from autograder.worker import frameworks
        frameworks.install()
    probes = None
    if header.get("probes"):
        from autograder.worker import probes as probes_module
        for module in header.get("probes"):  # the chapters' probe modules register themselves
            importlib.import_module(module)
        probes = probes_module.PROBES
    sys.meta_path.insert(0, _BlockAnswers())
    sys.path.insert(0, os.getcwd())  # helper modules shipped with the assignment (dnn_utils.py) are copied here
    _set_limits(header.get("limits", {}))
    namespace: dict = {"__name__": "__student__", "__builtins__": __builtins__}
    deadline = time.monotonic() + float(header.get("load_timeout", 60))
    errors = load_program(header.get("program", []), namespace, deadline)
    output_ok = _reset_output()
    defined = sorted(k for k, v in list(namespace.items()) if not k.startswith("__") and _callable(v)
                     and not isinstance(v, _Lazy))
    _write_frame(fd_out, _pack({"op": "loaded", "defined": defined, "errors": errors, "output_ok": output_ok}))
    while True:
        try:
            header, buffers = _read_frame(fd_in)
        except EOFError:
            return
        op = header.get("op")
        if op == "exit":
            return
        name = str(header.get("name", ""))
        replaced = {}
        if op in ("call", "call_each"):
            for helper in header.get("replace") or []:   # a replaced function is replaced for this call
                helper = str(helper)
                replaced[helper] = namespace.get(helper, _ABSENT)
                namespace[helper] = _proxy(helper, fd_in, fd_out)
            target = namespace.get(name)
            if not _callable(target) or isinstance(target, _Lazy):
                _restore(namespace, replaced)
                _write_frame(fd_out, _pack({"ok": False, "error": {"kind": "missing"}}))
                continue
            if op == "call_each":   # one request for many calls: args is (a list of argument tuples,)
                target = _each(target)
        elif op == "probe" and probes is not None and name in probes:
            probe = probes[name]
            target = lambda *a, **k: probe(namespace, *a, **k)  # noqa: E731
        else:
            _write_frame(fd_out, _pack({"ok": False, "error": {"kind": "exception", "etype": "ProtocolError",
                                                                "detail": f"unknown request {op} {name}"}}))
            continue
        try:
            args = _decode(header["args"], buffers)
            kwargs = _decode(header["kwargs"], buffers)
            result = target(*args, **kwargs)
            if header.get("return_args"):  # what the call did to its arguments (in-place updates)
                result = (result, list(args))
        except _BaseException as exc:  # noqa: BLE001 - SystemExit, KeyboardInterrupt, MemoryError ...
            info = _exception_info(exc, exc.__traceback__)
            _restore(namespace, replaced)
            output_ok = _reset_output(force=info["kind"] == "output_limit")
            _write_frame(fd_out, _pack({"ok": False, "error": info if output_ok else {"kind": "output_limit"}}))
            continue
        _restore(namespace, replaced)
        if not _reset_output():
            _write_frame(fd_out, _pack({"ok": False, "error": {"kind": "output_limit"}}))
            continue
        try:
            frame = _pack({"ok": True}, {"value": result})
        except _BaseException as exc:  # noqa: BLE001 - e.g. a __repr__ that raises, or memory
            frame = _pack({"ok": False, "error": {"kind": "unencodable", "detail": f"{type(exc).__name__}"}})
        _write_frame(fd_out, frame)


def main(argv: list[str]) -> None:
    fd_in, fd_out = int(argv[1]), int(argv[2])
    try:
        serve(fd_in, fd_out)
    except (EOFError, BrokenPipeError):
        pass
    finally:
        os._exit(0)


if __name__ == "__main__":
    main(sys.argv)
