"""A small map of where an array is wrong, for the verdict of the in-notebook check.

It is drawn from a boolean mask of the wrong entries (True = wrong), which the comparison attaches
to its Mismatch (`where_wrong`, see `autograder.compare.expect_close`).  The map shows *where* an
array is wrong, never a value, so a hidden test may show it too.

It is an HTML table of coloured cells with inline styles only: that survives JupyterLab's HTML
sanitizer, nbconvert and nbgrader's feedback pages alike.  A large array is drawn in blocks (a block
is red when any entry in it is wrong).
"""
from __future__ import annotations

import html
import math

import numpy as np

MAX_ROWS, MAX_COLS = 24, 48      # a larger array is drawn in blocks
WRONG, RIGHT = "#cf222e", "#aedcb8"


def worth_showing(mask) -> bool:
    """A map says more than the message when a 1-D or 2-D array of several entries is wrong in part
    of it (not everywhere, which the message already says)."""
    if mask is None:
        return False
    mask = np.asarray(mask, dtype=bool)
    return mask.ndim in (1, 2) and mask.size >= 4 and 0 < int(mask.sum()) < mask.size


def blocks(mask: np.ndarray, max_rows: int = MAX_ROWS, max_cols: int = MAX_COLS) -> tuple[np.ndarray, tuple[int, int]]:
    """The 2-D mask drawn at most `max_rows` x `max_cols`: (blocks, (block height, block width)),
    a block True when any entry in it is wrong.  A 1-D mask is one row."""
    mask = np.atleast_2d(np.asarray(mask, dtype=bool))
    rows, cols = mask.shape
    bh, bw = math.ceil(rows / max_rows), math.ceil(cols / max_cols)
    padded = np.zeros((math.ceil(rows / bh) * bh, math.ceil(cols / bw) * bw), dtype=bool)
    padded[:rows, :cols] = mask
    r, c = padded.shape[0] // bh, padded.shape[1] // bw
    return padded.reshape(r, bh, c, bw).any(axis=(1, 3)), (bh, bw)


def _runs(row: np.ndarray) -> list[tuple[bool, int]]:
    """[(wrong, length)] of the consecutive equal cells of a row."""
    runs: list[list] = []
    for wrong in row.tolist():
        if runs and runs[-1][0] == wrong:
            runs[-1][1] += 1
        else:
            runs.append([wrong, 1])
    return [(w, n) for w, n in runs]


def heatmap_html(mask, caption: str) -> str:
    """The map of `mask` (True = wrong) as an HTML table, with `caption` above it."""
    grid, _ = blocks(mask)
    rows, cols = grid.shape
    cell = max(6, min(16, 288 // max(rows, cols)))
    lines = [f'<div class="autograder-heatmap" data-rows="{rows}" data-cols="{cols}" style="margin:4px 0 2px 0">',
             f'<div style="font-size:90%;opacity:0.85;margin-bottom:2px">{html.escape(caption)}</div>',
             f'<table style="border-collapse:collapse;table-layout:fixed;margin:0;width:{cols * cell}px;'
             f'border:1px solid #8c959f">']
    for row in grid:
        tds = "".join(
            f'<td{f" colspan={n}" if n > 1 else ""} class="{"wrong" if wrong else "right"}" '
            f'style="padding:0;border:none;width:{n * cell}px;height:{cell}px;'
            f'background:{WRONG if wrong else RIGHT}"></td>'
            for wrong, n in _runs(row))
        lines.append(f'<tr style="background:none">{tds}</tr>')
    lines.append("</table></div>")
    return "".join(lines)
