"""Step 1, read: load any nbformat-4 notebook into plain cells, or fail with a clear reason.

Deliberately does not import `nbformat` (nor anything from Jupyter): grading a NumPy chapter stays
light, and a damaged file is described instead of raising deep inside a validator.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path


class NotebookError(Exception):
    """The file cannot be read as a notebook; `key`/`params` render why, for the student
    (`autograder.messages`, keys `notebook_*`)."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params

    def render(self, lang: str = "zh") -> str:
        from autograder.messages import text
        return text(self.key, lang, **self.params)


@dataclass(frozen=True)
class Cell:
    index: int          # position among all cells, from 0
    code_number: int    # 1-based position among code cells (0 for markdown), as shown in messages
    cell_type: str
    source: str
    nbgrader: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Notebook:
    path: str
    cells: tuple[Cell, ...]
    metadata: dict

    @property
    def code_cells(self) -> list[Cell]:
        return [c for c in self.cells if c.cell_type == "code"]


MAX_BYTES = 64 * 1024 * 1024


def _source(raw) -> str:
    if isinstance(raw, list):
        return "".join(s for s in raw if isinstance(s, str))
    return raw if isinstance(raw, str) else ""


def read_notebook(path: str | Path) -> Notebook:
    path = Path(path)
    if path.is_dir():
        raise NotebookError("notebook_is_directory")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise NotebookError("notebook_too_large", mb=size // (1024 * 1024))
        raw = path.read_bytes()
    except OSError as e:
        raise NotebookError("notebook_os_error", detail=e.strerror or type(e).__name__) from None
    if not raw.strip():
        raise NotebookError("notebook_empty")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NotebookError("notebook_not_utf8") from None
    except json.JSONDecodeError as e:
        key = "notebook_python_file" if path.suffix == ".py" else "notebook_not_json"
        raise NotebookError(key, line=e.lineno, column=e.colno) from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("notebook_no_cells")
    if data.get("nbformat") not in (4, None):
        raise NotebookError("notebook_nbformat", version=str(data.get("nbformat"))[:20])
    cells, code_number = [], 0
    for index, raw_cell in enumerate(data["cells"]):
        if not isinstance(raw_cell, dict):
            continue
        cell_type = raw_cell.get("cell_type")
        if cell_type == "code":
            code_number += 1
        metadata = raw_cell.get("metadata") if isinstance(raw_cell.get("metadata"), dict) else {}
        nbgrader = metadata.get("nbgrader") if isinstance(metadata.get("nbgrader"), dict) else {}
        cells.append(Cell(index, code_number if cell_type == "code" else 0, str(cell_type),
                          _source(raw_cell.get("source")), nbgrader))
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    return Notebook(str(path), tuple(cells), metadata)


_CHECK_CALL = re.compile(r"check\(\s*[\"'](ch\d\d)[\"']")
_CHAPTER_NAME = re.compile(r"(ch\d\d)")


def infer_assignment(nb: Notebook, known) -> str | None:
    """Which assignment a notebook belongs to: its metadata, its check cells, or its file name."""
    meta = nb.metadata.get("autograder")
    if isinstance(meta, dict) and meta.get("assignment") in known:
        return meta["assignment"]
    for cell in nb.code_cells:
        match = _CHECK_CALL.search(cell.source)
        if match and match.group(1) in known:
            return match.group(1)
    for part in reversed(Path(nb.path).parts):
        match = _CHAPTER_NAME.search(part)
        if match and match.group(1) in known:
            return match.group(1)
    return None
