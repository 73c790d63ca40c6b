"""The warm worker: imports an assignment's frameworks once, then forks one worker per submission.

    python -m autograder.worker.zygote SOCKET_FD '{"preload": [...], "probes": [...], "sandboxed": true}'

A fresh worker pays for its interpreter and its imports (NumPy 0.1 s, torch 1.2 s, TensorFlow 3.7 s)
before the student's code runs; a worker forked from this process has them already.  The child runs
exactly what a fresh worker runs (`autograder.worker.serve.serve` on its two pipes), so the grader
talks to it the same way; only its birth differs.

The grader (`autograder.worker_pool`) talks to this process over one SOCK_SEQPACKET socket, one JSON
request and one JSON answer at a time:

    {"op": "spawn", "uid": U, "scratch": DIR, "env": {...}}  + fds (to_worker_r, from_worker_w, output)
                                              -> {"pid": P}       a worker started, or {"error": ...}
    {"op": "status", "pid": P}                -> {"returncode": None | int (negative: a signal)}
    {"op": "kill", "pid": P}                  -> {"ok": true}     SIGKILL to the worker and all it started

Sandboxed (this process runs inside bubblewrap as root with a few capabilities, see
`autograder.sandbox.BwrapLauncher.zygote_command`), each worker is first given what a worker in its
own bubblewrap sandbox has:
  * its own PID namespace (it is PID 1 there and sees only its own processes; killing it kills
    every process it started), mount namespace (a /proc of its own), IPC, UTS and network namespaces
    (no network, not even a loopback shared with the other workers);
  * an unprivileged user id of its own (given by the grader, which owns its scratch directory to it),
    no supplementary groups, an empty capability bounding set and no_new_privs, so it can neither
    signal nor read another worker or this process, and RLIMIT_NPROC counts its processes only;
  * no open file but its two pipes and its output file; its scratch directory (mode 0700, its own)
    as working directory, HOME and TMPDIR.
Without the sandbox (the plain launcher, not a security boundary) a worker is only forked into a
session of its own.

This module imports only the standard library and the worker package, like the worker itself.
"""
from __future__ import annotations

import ctypes
import importlib
import json
import os
import random
import signal
import socket
import sys
import time

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 0x2, 0x4, 0x8, 0x4000, 0x40000
PR_SET_NO_NEW_PRIVS, PR_CAPBSET_DROP, PR_SET_CHILD_SUBREAPER = 38, 24, 36
MAX_MESSAGE = 1 << 20

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _prctl(option: int, arg: int) -> int:
    return _libc.prctl(ctypes.c_int(option), ctypes.c_ulong(arg), ctypes.c_ulong(0), ctypes.c_ulong(0),
                       ctypes.c_ulong(0))


def warm_up(preload: list[str], probes: list[str]) -> None:
    """Import what every worker of the assignment imports first (see `serve.serve`)."""
    for module in preload:
        importlib.import_module(module)
    from autograder.worker import frameworks, serve  # noqa: F401 - imported once, here
    if {"torch", "tensorflow"} & set(preload):
        frameworks.install()
    for module in probes:
        importlib.import_module(module)


# --- the child: from a fork of this process to a worker ---------------------------------------------

def _isolate(uid: int, scratch: str) -> None:
    """In the worker, PID 1 of its new namespaces: a /proc of its own, then no privilege at all."""
    _check(_libc.mount(None, b"/", None, ctypes.c_ulong(MS_REC | MS_PRIVATE), None), "mount --make-rprivate /")
    _check(_libc.mount(b"proc", b"/proc", b"proc", ctypes.c_ulong(MS_NOSUID | MS_NODEV | MS_NOEXEC), None),
           "mount /proc")
    for cap in range(64):                   # the bounding set: no capability can ever come back
        if _prctl(PR_CAPBSET_DROP, cap) != 0 and ctypes.get_errno() != 22:   # EINVAL: past the last one
            _check(-1, f"drop capability {cap}")
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)             # leaving uid 0 clears the permitted and effective sets
    _check(_prctl(PR_SET_NO_NEW_PRIVS, 1), "no_new_privs")
    if os.getuid() != uid or os.geteuid() != uid:
        raise OSError("the worker still has its parent's user id")
    os.chdir(scratch)                       # mode 0700, its own: only its user may enter


def _become_worker(request: dict, fds: list[int], sandboxed: bool) -> None:
    """Turn this fork into the worker for one submission; never returns."""
    code = 0
    try:
        fd_in, fd_out, output = fds
        os.setsid()
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(output, 1)
        os.dup2(output, 2)
        keep = {0, 1, 2, fd_in, fd_out}       # the zygote's socket and every other descriptor go
        for fd in sorted(set(range(3, max(keep))) - keep):
            try:
                os.close(fd)
            except OSError:
                pass
        os.closerange(max(keep) + 1, 1 << 20)
        if sandboxed:
            _isolate(int(request["uid"]), str(request["scratch"]))
        else:
            os.chdir(str(request["scratch"]))
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in dict(request.get("env") or {}).items()})
        random.seed()                        # a fresh worker's random state, not this process's copy
        numpy = sys.modules.get("numpy")
        if numpy is not None:
            numpy.random.seed()
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        from autograder.worker.serve import serve
        serve(fd_in, fd_out)
    except (EOFError, BrokenPipeError):
        pass
    except BaseException as e:  # noqa: BLE001 - the worker could not be set up: say why on its output
        try:
            os.write(2, f"autograder worker setup failed: {type(e).__name__}: {e}\n".encode())
        except OSError:
            pass
        code = 70
    finally:
        os._exit(code)


def spawn(request: dict, fds: list[int], sandboxed: bool) -> int:
    """Fork the worker for one submission; its pid (as this process sees it)."""
    if not sandboxed:
        pid = os.fork()
        if pid == 0:
            _become_worker(request, fds, sandboxed)
        return pid
    # New namespaces apply to the children of the process that asks for them: an intermediate fork
    # asks, forks the worker (PID 1 of the new PID namespace) and exits; the worker is then this
    # process's child again (PR_SET_CHILD_SUBREAPER), so its exit status is ours to read.
    r, w = os.pipe()
    intermediate = os.fork()
    if intermediate == 0:
        try:
            os.close(r)
            _check(_libc.unshare(ctypes.c_int(CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS |
                                              CLONE_NEWNET)), "unshare")
            worker = os.fork()
            if worker == 0:
                os.close(w)
                _become_worker(request, fds, sandboxed)
            os.write(w, str(worker).encode())
        except BaseException as e:  # noqa: BLE001
            try:
                os.write(w, f"error {type(e).__name__}: {e}".encode())
            except OSError:
                pass
        finally:
            os._exit(0)
    os.close(w)
    answer = b""
    while True:
        chunk = os.read(r, 4096)
        if not chunk:
            break
        answer += chunk
    os.close(r)
    os.waitpid(intermediate, 0)
    text = answer.decode(errors="replace")
    if not text.isdigit():
        raise OSError(text or "the worker could not be forked")
    return int(text)


# --- the loop ----------------------------------------------------------------------------------

class Children:
    """The workers this process started, and the exit status of those that ended."""

    def __init__(self, sandboxed: bool):
        self.sandboxed = sandboxed
        self.alive: set[int] = set()
        self.ended: dict[int, int] = {}

    def reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.alive.discard(pid)
            self.ended[pid] = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)

    def status(self, pid: int) -> int | None:
        self.reap()
        return self.ended.get(pid) if pid not in self.alive else None

    def kill(self, pid: int) -> None:
        if pid not in self.alive:
            return
        try:
            if self.sandboxed:
                os.kill(pid, signal.SIGKILL)       # PID 1 of its namespace: everything in it goes too
            else:
                os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def answer(sock: socket.socket, message: dict) -> None:
    sock.send(json.dumps(message).encode())


def main(argv: list[str]) -> None:
    fd = int(argv[1])
    spec = json.loads(argv[2])
    sandboxed = bool(spec.get("sandboxed"))
    sock = socket.socket(fileno=fd)
    started = time.monotonic()
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the grader ends this process, not a Ctrl-C
    if sandboxed:
        _check(_prctl(PR_SET_CHILD_SUBREAPER, 1), "child subreaper")
    try:
        warm_up(list(spec.get("preload", [])), list(spec.get("probes", [])))
    except BaseException as e:  # noqa: BLE001
        answer(sock, {"ready": False, "error": f"{type(e).__name__}: {e}"})
        return
    answer(sock, {"ready": True, "seconds": time.monotonic() - started})
    children = Children(sandboxed)
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(sock, MAX_MESSAGE, 3)
        except OSError:
            return
        if not data:
            return
        try:
            request = json.loads(data)
            op = request.get("op")
            if op == "spawn":
                try:
                    if len(fds) != 3:
                        raise OSError("a worker needs three file descriptors")
                    pid = spawn(request, fds, sandboxed)
                    children.alive.add(pid)
                    reply = {"pid": pid}
                except OSError as e:
                    reply = {"error": str(e)}
                finally:
                    for passed in fds:
                        os.close(passed)
            elif op == "status":
                reply = {"returncode": children.status(int(request["pid"]))}
            elif op == "kill":
                children.kill(int(request["pid"]))
                reply = {"ok": True}
            else:
                reply = {"error": f"unknown request {op!r}"}
        except (ValueError, KeyError, TypeError) as e:
            reply = {"error": f"bad request: {e}"}
        answer(sock, reply)


if __name__ == "__main__":
    main(sys.argv)
