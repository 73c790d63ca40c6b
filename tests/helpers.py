"""Shared helpers for the project's tests: build notebooks, pick launchers."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def notebook_json(*sources: str, metadata: dict | None = None) -> str:
    cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": s}
             for s in sources]
    return json.dumps({"cells": cells, "metadata": metadata or {}, "nbformat": 4, "nbformat_minor": 5})


def write_notebook(path: Path, *sources: str, metadata: dict | None = None) -> Path:
    path.write_text(notebook_json(*sources, metadata=metadata), encoding="utf-8")
    return path


def sandbox_launcher():
    """The bubblewrap launcher; a test that needs it fails (not skips) when AUTOGRADER_SANDBOX=require."""
    from autograder.sandbox import probe_bwrap
    launcher, reason = probe_bwrap()
    if launcher is None:
        if os.environ.get("AUTOGRADER_SANDBOX") == "require":
            pytest.fail(f"the sandbox is required in this run but unavailable: {reason}")
        pytest.skip(f"sandbox unavailable: {reason}")
    return launcher


def launchers():
    """Parametrize over the launchers: plain, sandboxed, and sandboxed workers forked from a warm one."""
    return [pytest.param("plain", id="plain"), pytest.param("bwrap", id="sandbox"), pytest.param("warm", id="warm")]


_WARM = {}


def warm_pool():
    """One `WarmPool` over the sandbox for the whole test session (its zygotes start once)."""
    if "pool" not in _WARM:
        import atexit
        from autograder.worker_pool import WarmPool
        _WARM["pool"] = WarmPool(sandbox_launcher())
        atexit.register(_WARM["pool"].close)
    return _WARM["pool"]


def make_launcher(name: str):
    from autograder.sandbox import PlainLauncher
    return {"plain": PlainLauncher, "warm": warm_pool}.get(name, sandbox_launcher)()
