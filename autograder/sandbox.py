"""How the worker process is launched, and what isolation that gives.

`BwrapLauncher` (the default where it works) starts the worker inside a bubblewrap sandbox:
  * its own PID, network, IPC and UTS namespaces: it sees no other process (it cannot signal the
    grader), and has no network at all, not even the host's loopback;
  * a read-only view of only the Python installation, the virtual environment and the few engine
    modules the worker needs (bound under /opt/autograder), with the editable install's path hook
    masked: `solutions/`, the graders, the catalogues, `source/`, the gradebook, other submissions
    and the results file are simply not in its file system;
  * a private writable scratch directory (also its HOME and TMPDIR), the only writable place;
  * an unprivileged user id of its own (a different one per worker), no capabilities, so that
    RLIMIT_NPROC bounds its processes; memory, open files and output size are rlimits set by the
    worker itself (see `autograder.worker.serve`), call time by the grader.
`PlainLauncher` starts the worker as an ordinary child process in its own process group.  It
separates crashes, hangs and tampering from the grader, but it is not a security boundary: the
student's code runs as the grading user.  Every report says which of the two was in force.
"""
from __future__ import annotations

import functools
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# What the worker imports: the package's (empty) __init__ and the `worker` subpackage, the trust
# boundary as a folder.  Nothing else of the package enters the sandbox.
WORKER_FILES = ("__init__.py", "worker")
SANDBOX_PACKAGE_ROOT = "/opt/autograder"


class SandboxUnavailable(Exception):
    pass


# What the warm worker keeps, as root in its sandbox, to fork workers into namespaces of their own
# (CAP_SYS_ADMIN), give each its own user (CAP_SETUID, CAP_SETGID), empty their bounding set
# (CAP_SETPCAP) and end them (CAP_KILL).  Each forked worker drops them all before any student code.
ZYGOTE_CAPABILITIES = ("CAP_SYS_ADMIN", "CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP", "CAP_KILL")


class WorkerProcess(subprocess.Popen):
    """A worker started as a process of its own, in its own session (process group)."""

    def kill_group(self) -> None:
        """SIGKILL to the worker and every process it started."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def new_scratch() -> str:
    """A private directory for one worker (its working directory, HOME and TMPDIR)."""
    return tempfile.mkdtemp(prefix="autograder-")


def fresh_uid() -> int:
    """A user id of its own for one sandboxed worker: RLIMIT_NPROC counts per user."""
    return 200_000 + secrets.randbelow(800_000)


def own_scratch(scratch: str, uid: int) -> None:
    """Give `scratch` and what the grader put there to `uid`, readable by nobody else."""
    os.chown(scratch, uid, uid)
    os.chmod(scratch, 0o700)
    for entry in os.scandir(scratch):
        os.chown(entry.path, uid, uid)


class PlainLauncher:
    name = "plain"
    description = "plain worker process (no sandbox)"
    new_scratch = staticmethod(new_scratch)

    def zygote_command(self, argv: list[str], root: str) -> list[str]:
        """The warm worker's command (`autograder.worker_pool`): as it is."""
        return argv

    def popen(self, argv, *, scratch, pass_fds, stdout, env, limits, warm=()) -> WorkerProcess:
        return WorkerProcess(argv, cwd=scratch, pass_fds=pass_fds, stdin=subprocess.DEVNULL, stdout=stdout,
                                stderr=stdout, env=env, start_new_session=True, close_fds=True)


def _site_packages() -> list[Path]:
    import site
    return [Path(p) for p in site.getsitepackages() if Path(p).is_dir()]


class BwrapLauncher:
    name = "bwrap"
    description = "bubblewrap sandbox (own PID/network namespaces, read-only system, private scratch, unprivileged uid)"

    def __init__(self, bwrap: str):
        self.bwrap = bwrap

    def command(self, argv: list[str], scratch: str, uid: int) -> list[str]:
        """The worker's command: the sandbox, then `setpriv` drops to `uid` with no capability."""
        return self.sandbox(scratch, ("CAP_SETUID", "CAP_SETGID")) + [
            shutil.which("setpriv") or "/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"] + argv

    def zygote_command(self, argv: list[str], root: str) -> list[str]:
        """The warm worker's command (`autograder.worker.zygote`): the same sandbox, with `root` (the
        parent of the workers' scratch directories) writable, run as root with the capabilities it
        needs to give each forked worker namespaces and a user id of its own, then drop them all."""
        return self.sandbox(root, ZYGOTE_CAPABILITIES) + argv

    def sandbox(self, scratch: str, capabilities) -> list[str]:
        prefixes = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), Path(sys.prefix)}
        cmd = [self.bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
               "--die-with-parent", "--new-session"]
        for capability in capabilities:
            cmd += ["--cap-add", capability]
        cmd += ["--ro-bind", "/usr", "/usr"]
        for name in ("bin", "lib", "lib64", "sbin"):
            target = Path("/") / name
            if target.is_symlink():
                cmd += ["--symlink", os.readlink(target), str(target)]
            elif target.is_dir():
                cmd += ["--ro-bind", str(target), str(target)]
        for f in ("/etc/ld.so.cache", "/etc/localtime", "/etc/nsswitch.conf", "/etc/hosts"):
            if os.path.exists(f):
                cmd += ["--ro-bind", f, f]
        for prefix in sorted(prefixes, key=lambda p: len(str(p))):
            if prefix.exists() and not str(prefix).startswith("/usr/"):
                cmd += ["--ro-bind", str(prefix), str(prefix)]
        for site_dir in _site_packages():  # mask the editable install's hook onto the repository
            for hook in list(site_dir.glob("__editable__*autograder*")) + list(site_dir.glob("*autograder*.pth")):
                cmd += ["--ro-bind", "/dev/null", str(hook)]
        for name in WORKER_FILES:
            cmd += ["--ro-bind", str(PACKAGE / name), f"{SANDBOX_PACKAGE_ROOT}/autograder/{name}"]
        cmd = self._traversable_parents(cmd, scratch)
        return cmd + ["--proc", "/proc", "--dev", "/dev", "--bind", scratch, scratch,
                      "--chdir", scratch, "--setenv", "PYTHONPATH", SANDBOX_PACKAGE_ROOT, "--"]

    @staticmethod
    def _traversable_parents(cmd: list[str], scratch: str) -> list[str]:
        """bwrap creates the parents of bind targets mode 0700; make them 0755 so the worker's
        unprivileged user can reach the bound directories (their contents stay read-only)."""
        targets = [cmd[i + 2] for i, a in enumerate(cmd) if a in ("--ro-bind", "--bind")] + [scratch]
        parents = sorted({str(p) for t in targets for p in Path(t).parents if str(p) != "/"},
                         key=lambda p: (p.count("/"), p))
        dirs = []
        for parent in parents:
            dirs += ["--perms", "0755", "--dir", parent]
        head = cmd.index("--ro-bind")
        return cmd[:head] + dirs + cmd[head:]

    new_scratch = staticmethod(new_scratch)

    def popen(self, argv, *, scratch, pass_fds, stdout, env, limits, warm=()) -> WorkerProcess:
        uid = fresh_uid()
        own_scratch(scratch, uid)
        return WorkerProcess(self.command(argv, scratch, uid), cwd="/", pass_fds=pass_fds,
                                stdin=subprocess.DEVNULL, stdout=stdout, stderr=stdout, env=env,
                                start_new_session=True, close_fds=True)


@functools.lru_cache(maxsize=1)
def probe_bwrap() -> tuple[BwrapLauncher | None, str]:
    """(launcher, reason): whether the bubblewrap sandbox works on this machine, and why not."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return None, "bwrap is not installed (Debian: apt-get install -y bubblewrap)"
    if not shutil.which("setpriv"):
        return None, "setpriv (util-linux) is missing"
    if os.geteuid() != 0:
        return None, "the sandbox drops to a per-worker user id, which needs the grader to run as root"
    launcher = BwrapLauncher(bwrap)
    scratch = tempfile.mkdtemp(prefix="autograder-probe-")
    try:
        os.chown(scratch, 200_000, 200_000)
        proc = subprocess.run(launcher.command(["/bin/true"], scratch, 200_000), capture_output=True, text=True,
                              timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"bwrap could not start: {e}"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if proc.returncode != 0:
        return None, f"bwrap cannot create the sandbox here: {(proc.stderr or proc.stdout).strip()[-300:]}"
    return launcher, "bubblewrap works"


def choose_launcher(require: bool = False, disable: bool = False):
    """The sandbox where it works (unless `disable`), else the plain worker; with `require`,
    refuse (SandboxUnavailable) rather than grade without the sandbox."""
    if disable and require:
        raise SandboxUnavailable("--require-sandbox and --no-sandbox contradict each other")
    if disable or os.environ.get("AUTOGRADER_SANDBOX") == "off":
        return PlainLauncher()
    launcher, reason = probe_bwrap()
    if launcher is None:
        if require or os.environ.get("AUTOGRADER_SANDBOX") == "require":
            raise SandboxUnavailable(f"the sandbox is required but unavailable: {reason}")
        return PlainLauncher()
    return launcher


def default_launcher():
    return choose_launcher()


def doctor() -> str:
    launcher, reason = probe_bwrap()
    chosen = choose_launcher()
    lines = [f"isolation: {chosen.description}",
             f"sandbox:   {'available' if launcher else 'unavailable'} ({reason})",
             f"python:    {sys.executable} ({sys.version.split()[0]})"]
    return "\n".join(lines)
