"""Warm workers: each submission's worker forked from a process that has already imported the
assignment's frameworks (`autograder.worker.zygote`), instead of started as a fresh interpreter.

    with WarmPool() as launcher:                          # a launcher, like those of autograder.sandbox
        grade_notebook(path, "ch05", launcher=launcher)   # the first worker of ch05 starts its zygote

A fresh worker costs an interpreter and its imports (NumPy 0.1 s, torch 1.2 s, TensorFlow 3.7 s); a
forked one costs a fork.  What the sandbox promises holds for each forked worker as for a fresh one
(see the zygote's docstring): its own namespaces, user id and scratch directory, its own limits
(set by the worker itself after the fork), and a crash or a hang ends only that worker.  The grader
talks to a forked worker exactly as to a fresh one; only starting, killing and reaping it go through
the zygote, which is this module's `ForkedWorker`.

One zygote per set of preloaded modules (an assignment), started on first use and ended by
`close()`.  Where a zygote cannot start (a sandbox without the capabilities it needs), workers are
started fresh by the underlying launcher, and `unavailable` says why.  Used where many submissions
of one assignment are graded (`course grade`, a Dask worker); a single `autograder grade` starts a
fresh worker, which is no slower than starting a zygote.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

from autograder.sandbox import BwrapLauncher, default_launcher, fresh_uid, own_scratch

MAX_MESSAGE = 1 << 16
READY_TIMEOUT = 600        # imports under heavy load (TensorFlow took 11 s on a busy 2-core machine)
REQUEST_TIMEOUT = 60


class ZygoteUnavailable(Exception):
    pass


class Zygote:
    """One warm process that forks the workers of one assignment."""

    def __init__(self, base, warm: tuple, root: str, env: dict):
        preload, probes = warm
        self.sandboxed = isinstance(base, BwrapLauncher)
        self._lock = threading.Lock()
        self._sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        spec = json.dumps({"preload": list(preload), "probes": list(probes), "sandboxed": self.sandboxed})
        argv = [sys.executable, "-m", "autograder.worker.zygote", str(theirs.fileno()), spec]
        self.log_path = os.path.join(root, f"zygote-{os.urandom(4).hex()}.log")
        log = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        env = {**env, "HOME": root, "TMPDIR": root, "MPLCONFIGDIR": root}
        try:
            command = base.zygote_command(argv, root)
            self._proc = subprocess.Popen(command, cwd=root, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
                                          stdout=log, stderr=log, env=env, start_new_session=True, close_fds=True)
        finally:
            os.close(log)
            theirs.close()
        self._sock.settimeout(READY_TIMEOUT)
        try:
            ready = json.loads(self._sock.recv(MAX_MESSAGE) or b"{}")
        except (OSError, ValueError) as e:
            ready = {"error": f"{type(e).__name__}: {e}"}
        if not ready.get("ready"):
            self.close()
            raise ZygoteUnavailable(f"{ready.get('error', 'it exited')}; {self._log_tail()}")
        self._sock.settimeout(REQUEST_TIMEOUT)

    def _log_tail(self) -> str:
        try:
            with open(self.log_path, "rb") as f:
                return f.read()[-500:].decode(errors="replace").strip()
        except OSError:
            return ""

    def request(self, message: dict, fds: tuple[int, ...] = ()) -> dict:
        with self._lock:
            socket.send_fds(self._sock, [json.dumps(message).encode()], list(fds))
            answer = self._sock.recv(MAX_MESSAGE)
        if not answer:
            raise OSError("the warm worker has exited")
        return json.loads(answer)

    def spawn(self, fds: tuple[int, int, int], scratch: str, env: dict, uid: int | None) -> int:
        answer = self.request({"op": "spawn", "uid": uid, "scratch": scratch, "env": env}, fds)
        if "pid" not in answer:
            raise OSError(answer.get("error", "the warm worker could not fork"))
        return int(answer["pid"])

    def alive(self) -> bool:
        return self._proc.poll() is None

    def close(self) -> None:
        try:
            self._sock.close()            # the zygote ends on EOF; sandboxed, its workers end with it
        except OSError:
            pass
        try:
            os.killpg(self._proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


class ForkedWorker:
    """A worker forked by a zygote, seen like a `subprocess.Popen` by `WorkerStudent`."""

    def __init__(self, zygote: Zygote, pid: int, args):
        self.zygote, self.pid, self.args = zygote, pid, args
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                self.returncode = self.zygote.request({"op": "status", "pid": self.pid}).get("returncode")
            except (OSError, ValueError):                   # the zygote is gone, and its workers with it
                self.returncode = -signal.SIGKILL
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        pause = 0.002
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(self.args, timeout)
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        return self.returncode

    def kill_group(self) -> None:
        """SIGKILL to the worker and every process it started."""
        if self.returncode is None:
            try:
                self.zygote.request({"op": "kill", "pid": self.pid})
            except (OSError, ValueError):
                pass

    kill = kill_group


class WarmPool:
    """A launcher whose workers are forked from a warm zygote per assignment (see the module's docstring)."""

    def __init__(self, base=None):
        self.base = base or default_launcher()
        self.name = self.base.name
        self.root = tempfile.mkdtemp(prefix="autograder-pool-")
        os.chmod(self.root, 0o711)         # workers reach their own scratch directory, list nothing
        self.unavailable: dict[tuple, str] = {}
        self._zygotes: dict[tuple, Zygote] = {}
        self._lock = threading.Lock()

    @property
    def description(self) -> str:
        forked = "" if self.unavailable else ", forked from a warm worker"
        return self.base.description + forked

    def new_scratch(self) -> str:
        return tempfile.mkdtemp(prefix="w-", dir=self.root)

    def _zygote(self, warm: tuple, env: dict) -> Zygote | None:
        with self._lock:
            zygote = self._zygotes.get(warm)
            if zygote is not None and not zygote.alive():     # restarted once it has died
                self._zygotes.pop(warm).close()
                zygote = None
            if zygote is None and warm not in self.unavailable:
                try:
                    zygote = self._zygotes[warm] = Zygote(self.base, warm, self.root, env)
                except (ZygoteUnavailable, OSError) as e:
                    self.unavailable[warm] = str(e)
            return zygote

    def popen(self, argv, *, scratch, pass_fds, stdout, env, limits, warm=()):
        warm = tuple(tuple(part) for part in warm) or ((), ())
        zygote = self._zygote(warm, env)
        if zygote is None:
            return self.base.popen(argv, scratch=scratch, pass_fds=pass_fds, stdout=stdout, env=env, limits=limits)
        uid = None
        if zygote.sandboxed:
            uid = fresh_uid()
            own_scratch(scratch, uid)
        fd_in, fd_out = pass_fds
        pid = zygote.spawn((fd_in, fd_out, stdout), scratch, env, uid)
        return ForkedWorker(zygote, pid, argv)

    def close(self) -> None:
        with self._lock:
            zygotes, self._zygotes = list(self._zygotes.values()), {}
        for zygote in zygotes:
            zygote.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
