"""Per-assignment worker limits from the course's `nbgrader_config.py`:

    c.Autograder.limits = {"ch06": {"memory_mb": 2048, "call_timeout": 30}, "*": {"processes": 16}}

Keys are the fields of `autograder.assignments.Limits`; "*" applies to every assignment, a named
assignment's entry wins over it.  The file is read with traitlets' own loader, as nbgrader reads it.
"""
from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

from autograder.assignments import Limits

LIMIT_FIELDS = {f.name for f in fields(Limits)}


class ConfigError(Exception):
    pass


def load_limits(config_file: str | os.PathLike | None) -> dict[str, dict]:
    """{assignment or '*': {limit: value}} from an nbgrader_config.py (empty when there is none)."""
    if not config_file or not Path(config_file).is_file():
        return {}
    from traitlets.config import PyFileConfigLoader
    path = Path(config_file).resolve()
    try:
        config = PyFileConfigLoader(path.name, path=str(path.parent)).load_config()
    except Exception as e:  # a broken config file is the instructor's to fix: say what is wrong
        raise ConfigError(f"cannot read {path}: {e}") from None
    limits = config.get("Autograder", {}).get("limits", {}) or {}
    for assignment, values in limits.items():
        unknown = set(values) - LIMIT_FIELDS
        if unknown:
            raise ConfigError(f"{path}: unknown limits {sorted(unknown)} for {assignment} (known: {sorted(LIMIT_FIELDS)})")
    return {str(k): dict(v) for k, v in limits.items()}


def load_config(config_file: str | os.PathLike | None) -> dict:
    """The `c.Autograder` settings of an nbgrader_config.py other than the limits: `scheduler`
    (a Dask scheduler address for course grade)."""
    if not config_file or not Path(config_file).is_file():
        return {}
    from traitlets.config import PyFileConfigLoader
    path = Path(config_file).resolve()
    try:
        config = PyFileConfigLoader(path.name, path=str(path.parent)).load_config()
    except Exception as e:  # noqa: BLE001
        raise ConfigError(f"cannot read {path}: {e}") from None
    settings = config.get("Autograder", {})
    return {"scheduler": str(settings["scheduler"])} if settings.get("scheduler") else {}


def limits_for(assignment: str, configured: dict[str, dict]) -> dict:
    return {**configured.get("*", {}), **configured.get(assignment, {})}


def default_config_file(course_dir: str | os.PathLike = ".") -> Path | None:
    path = Path(course_dir) / "nbgrader_config.py"
    return path if path.is_file() else None
