"""Where the submissions of a class are graded: on this machine, or on a Dask cluster.

    for submission, outcome in dispatcher(...).run(submissions):   # as each one completes
        ...   # outcome: {notebook name: GradeReport}, or a GradingFailed saying why

`Local(jobs)` grades `jobs` submissions at once on this machine, in grader processes or threads
(each submission's code runs in its own worker process, sandboxed where available).
`Dask(address)` sends each submission to a `dask.distributed` cluster as one task: the notebook's
bytes go with it, the task grades it on a worker (in its own sandbox there) and sends back plain
results; this process stays the only writer of the gradebook.  A task whose worker dies is retried
once, then reported, never lost.

Dask workers are daemonic processes: grading there starts the student's worker with `subprocess`
(never `multiprocessing`), and a worker's memory limit does not count that child, so the sandbox's
own limits are what bound the student's code.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import traceback
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from autograder.pipeline import grade_notebook
from autograder.results import GradeReport


@dataclass
class GradingFailed:
    """The grader itself could not grade a submission (an internal error, a dead cluster worker)."""

    detail: str


@dataclass(frozen=True)
class Job:
    """One submission to grade: its notebooks by name, and how."""

    student: str
    notebooks: dict        # name -> Path
    assignment: str
    seed: int | None
    lang: str
    limits: dict


def grade_job(job: Job, launcher=None) -> dict[str, GradeReport]:
    """Grade the job's notebooks where it runs (a thread here, or a Dask worker)."""
    return {name: grade_notebook(path, job.assignment, seed=job.seed, lang=job.lang, launcher=launcher,
                                 limits=job.limits) for name, path in job.notebooks.items()}


_POOL = None   # a Dask worker's or a grader process's warm workers, kept for the submissions after the first
_POOL_LOCK = threading.Lock()


def _warm_pool(base=None):
    """This process's `WarmPool` (over the launcher `base`), started by the first submission that asks
    and closed when the process exits: by `multiprocessing`'s exit handler, which runs in any process,
    also in one that `multiprocessing` started with fork or forkserver (a grader process), where
    atexit handlers do not run."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            import multiprocessing.util
            from autograder.worker_pool import WarmPool
            _POOL = WarmPool(base)
            multiprocessing.util.Finalize(_POOL, _POOL.close, exitpriority=10)
        return _POOL


def grade_job_from_bytes(student: str, notebooks: dict[str, bytes], assignment: str, seed: int | None, lang: str,
                         limits: dict, warm: bool = True) -> dict[str, GradeReport]:
    """The Dask task: the notebooks arrive as bytes, are graded in a scratch directory of the worker
    (by workers forked from that Dask worker's warm one, unless `warm` is False), and the reports come
    back (their `notebook` set by the client)."""
    with tempfile.TemporaryDirectory(prefix="autograder-task-") as tmp:
        paths = {}
        for name, content in notebooks.items():
            path = Path(tmp) / student / f"{name}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            paths[name] = path
        return grade_job(Job(student, paths, assignment, seed, lang, limits), _warm_pool() if warm else None)


class Local:
    """`jobs` submissions at once on this machine (default: one per core); each submission's worker
    forked from a warm one (`autograder.worker_pool`) unless `warm` is False.

    A NumPy chapter is graded in `jobs` grader processes (`GraderProcesses`): what grading one of its
    submissions costs is mostly the grader's own Python (the references, the comparisons, the
    catalogue, the answers to a composite's helper calls), which one interpreter runs on one core
    at a time however many threads ask.  A framework chapter (torch, TensorFlow) is graded in
    threads of this process: a second grader process would import the framework again and start a
    second warm worker (seconds of every class's time, against one submission's tenths), and its
    grading mostly waits on the student's worker, which runs beside it anyway."""

    def __init__(self, jobs: int = 0, launcher=None, warm: bool = True):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.launcher = launcher
        self.warm = warm

    def grader_processes(self, jobs: list[Job]) -> int:
        """How many grader processes grade `jobs`: 1 means threads of this process."""
        from autograder.assignments import ASSIGNMENTS
        numpy_only = all(job.assignment in ASSIGNMENTS and not ASSIGNMENTS[job.assignment].frameworks
                         for job in jobs)
        return min(self.jobs, len(jobs)) if numpy_only else 1

    def run(self, jobs: list[Job]) -> Iterator[tuple[Job, dict[str, GradeReport] | GradingFailed]]:
        processes = self.grader_processes(jobs)
        if processes > 1:
            try:
                yield from GraderProcesses(processes, self.launcher, self.warm).run(jobs)
                return
            except GraderProcessesUnavailable:   # nothing was graded: grade it all here instead
                pass
        yield from self._in_threads(jobs)

    def _in_threads(self, jobs: list[Job]) -> Iterator[tuple[Job, dict[str, GradeReport] | GradingFailed]]:
        from autograder.worker_pool import WarmPool
        launcher = WarmPool(self.launcher) if self.warm else self.launcher

        def one(job: Job):
            try:
                return job, grade_job(job, launcher)
            except Exception:  # noqa: BLE001 - a failure of the grader itself: reported, not fatal
                return job, GradingFailed(traceback.format_exc())

        with contextlib.ExitStack() as stack, ThreadPoolExecutor(max_workers=self.jobs) as pool:
            if self.warm:
                stack.callback(launcher.close)  # after the threads: no worker is left to fork
            pending = {pool.submit(one, job) for job in jobs}
            try:
                while pending:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        yield future.result()
            finally:
                for future in pending:
                    future.cancel()


class GraderProcessesUnavailable(Exception):
    """The grader processes could not start (or all died before grading anything)."""


class GraderProcesses:
    """`processes` grader processes, each grading one submission at a time with warm workers of its
    own; the reports come back to this process, which stays the only writer of the gradebook.

    The processes are forked from a `forkserver` that has imported the engine and the graders (a
    fork of this process could inherit a lock held by one of its threads).  They ignore Ctrl-C: on
    an interrupt, the submissions being graded finish and nothing more starts, as with threads.  A
    grader process that dies costs the submissions it was grading (reported, never stored); a
    later `course grade` grades them again.  Processes that cannot start, or die before any
    submission is graded, raise `GraderProcessesUnavailable` (`Local` then grades in threads)."""

    def __init__(self, processes: int, launcher=None, warm: bool = True):
        self.processes, self.launcher, self.warm = processes, launcher, warm

    def run(self, jobs: list[Job]) -> Iterator[tuple[Job, dict[str, GradeReport] | GradingFailed]]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        from autograder.assignments import ASSIGNMENTS
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["autograder.dispatch"] + sorted(
            {ASSIGNMENTS[job.assignment].grader_module for job in jobs}))
        graded = 0
        try:
            pool = ProcessPoolExecutor(self.processes, mp_context=context, initializer=_start_grader_process,
                                       initargs=(self.launcher, self.warm))
            futures = {pool.submit(_grade_in_grader_process, job): job for job in jobs}
        except Exception as e:  # noqa: BLE001 - e.g. a launcher that cannot be sent to another process
            raise GraderProcessesUnavailable(f"{type(e).__name__}: {e}") from None
        with pool:
            try:
                for future in as_completed(futures):
                    try:
                        outcome = future.result()
                    except Exception as e:  # noqa: BLE001 - BrokenProcessPool: the grader process died
                        if not graded:
                            raise GraderProcessesUnavailable(f"{type(e).__name__}: {e}") from None
                        outcome = GradingFailed(f"{type(e).__name__}: {e}")
                    graded += 1
                    yield futures[future], outcome
            finally:
                for future in futures:
                    future.cancel()


_LAUNCHER = None   # in a grader process: how it starts the student's workers


def _start_grader_process(launcher, warm: bool) -> None:
    global _LAUNCHER
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent decides when grading stops
    _LAUNCHER = _warm_pool(launcher) if warm else launcher


def _grade_in_grader_process(job: Job) -> dict[str, GradeReport] | GradingFailed:
    try:
        return grade_job(job, _LAUNCHER)
    except Exception:  # noqa: BLE001 - a failure of the grader itself: reported, not fatal
        return GradingFailed(traceback.format_exc())


class Dask:
    """One task per submission on the `dask.distributed` scheduler at `address`."""

    RETRIES = 1

    def __init__(self, address: str, warm: bool = True):
        self.address = address
        self.warm = warm

    def run(self, jobs: list[Job]) -> Iterator[tuple[Job, dict[str, GradeReport] | GradingFailed]]:
        from distributed import Client, as_completed
        with Client(self.address, timeout="30s") as client:
            futures = {}
            for job in jobs:
                payload = {name: Path(path).read_bytes() for name, path in job.notebooks.items()}
                future = client.submit(grade_job_from_bytes, job.student, payload, job.assignment, job.seed, job.lang,
                                       job.limits, self.warm, key=f"grade-{job.assignment}-{job.student}-{os.urandom(4).hex()}",
                                       retries=self.RETRIES, pure=False)
                futures[future] = job
            for future in as_completed(futures):
                job = futures[future]
                try:
                    reports = future.result()
                except Exception as e:  # noqa: BLE001 - KilledWorker, a task error: reported
                    yield job, GradingFailed(f"{type(e).__name__}: {e}")
                    continue
                for name, report in reports.items():
                    report.notebook = str(job.notebooks[name])
                yield job, reports
