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
    """The file cannot be read as a notebook; the message says why, for the student."""


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
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise NotebookError(f"file too large ({size // (1024 * 1024)} MB)")
        raw = path.read_bytes()
    except OSError as e:
        raise NotebookError(e.strerror or str(e)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NotebookError("not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise NotebookError(f"not valid JSON (line {e.lineno}, column {e.colno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("no list of cells (is this an .ipynb notebook?)")
    if data.get("nbformat") not in (4, None):
        raise NotebookError(f"nbformat {data.get('nbformat')} is not supported (save it with Jupyter as nbformat 4)")
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
