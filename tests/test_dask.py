"""Course mode on a dask.distributed cluster: a LocalCluster of two worker processes, started here.

Each submission is one task graded on a worker (in its own sandbox there) that sends back plain
results; the client is the only writer of the gradebook.  The gradebook ends the same as after a
local run, and a task whose worker dies is retried, then reported, never lost."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from autograder import gradebook
from test_course import course_grade, new_course, submit
from tools import submissions

distributed = pytest.importorskip("distributed")


def a_class(tmp_path: Path, name: str) -> Path:
    course = new_course(tmp_path / name, "ch04")
    submit(course, "ann", "ch04", submissions.perfect("ch04"))
    submit(course, "ben", "ch04", submissions.with_mistakes("ch04", ["ch04.propagate.cost_missing_1_over_m"]))
    submit(course, "cat", "ch04", submissions.stub("ch04"))
    return course


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster
    import dask
    # One task per worker at a time (worker-saturation 1.0): a task waiting behind ben's on a worker
    # that ben's task kills would otherwise count that death against itself too, and with one allowed
    # failure be reported with ben instead of graded.  (Dask's default, 3 allowed failures, absorbs
    # this on a real cluster.)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1,
                          "distributed.scheduler.worker-saturation": 1.0}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as local:
            with Client(local) as client:
                yield local, client


def test_a_class_graded_on_the_cluster_ends_as_a_local_run(cluster, tmp_path):
    local, _ = cluster
    on_cluster, here = a_class(tmp_path, "cluster"), a_class(tmp_path, "local")
    out = course_grade(on_cluster, "ch04", "--seed", "9", "--scheduler", local.scheduler_address)
    assert out.returncode == 0, out.stderr
    assert course_grade(here, "ch04", "--seed", "9").returncode == 0
    assert gradebook.scores_of(on_cluster, "ch04") == gradebook.scores_of(here, "ch04")
    assert (on_cluster / "autograded" / "ben" / "ch04" / "ch04.ipynb").exists()
    assert "Graded 3, skipped 0" in out.stdout and "failed 0" in out.stdout


class KillsWorkerOnBen(distributed.WorkerPlugin):
    """A worker plugin that ends its worker process when it starts grading ben's submission."""

    name = "kills-worker-on-ben"

    def setup(self, worker):
        self.worker = worker

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and "-ben-" in str(key):
            os._exit(1)


def test_a_dead_worker_is_retried_then_reported_and_the_others_are_stored(cluster, tmp_path):
    local, client = cluster
    client.register_plugin(KillsWorkerOnBen())
    try:
        course = a_class(tmp_path, "killed")
        out = course_grade(course, "ch04", "--seed", "9", "--scheduler", local.scheduler_address, timeout=600)
    finally:
        client.unregister_worker_plugin(KillsWorkerOnBen.name)
    assert out.returncode == 3
    assert "ben" in out.stderr and "KilledWorker" in out.stderr
    stored = gradebook.scores_of(course, "ch04")
    assert set(stored) == {"ann", "cat"} and stored["ann"] > 0
