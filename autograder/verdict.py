"""The verdict of one function's check, as the student reads it under the check cell.

`Verdict.html()` is what JupyterLab shows: a header with the score, then one row per test with a
pass/fail mark, what the test checks, the message of a failing test with the named mistake
highlighted, and the test's score; under a failing array comparison that is wrong in part of the
array, a small map of where (`autograder.heatmap`).  `Verdict.text()` is the same verdict in plain
text, for consoles and exports without HTML; it is what the check printed before it had HTML (with
the hidden tests marked, as `autograder course grade` writes them).  Both are in one language
(`lang`); the HTML escapes every message, since a message may quote the student's own output, and
uses inline styles only (JupyterLab's sanitizer keeps them in a notebook reopened untrusted).
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from autograder.heatmap import blocks, heatmap_html, worth_showing
from autograder.messages import mistake_text, text
from autograder.results import TestResult

# The verdict's own texts (zh, en); every other text is the engine's (autograder.messages).
TEXTS: dict[str, tuple[str, str]] = {
    "where_wrong": ("红色是超出容差的元素：{bad}/{total} 个（形状 {shape}）。",
                    "Red marks the entries outside the tolerance: {bad} of {total} (shape {shape})."),
    "where_wrong_blocks": ("每个方格代表 {rows}×{cols} 个元素。", "Each square stands for {rows}×{cols} entries."),
}

PASSED, FAILED, PARTIAL, HIGHLIGHT = "#1a7f37", "#cf222e", "#bf8700", "#fff0b3"


def _own_text(key: str, lang: str, **params) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def named_mistake(result: TestResult, lang: str) -> tuple[str, str, str] | None:
    """The message split around the catalogued mistake it names: (before, "Likely mistake: ...",
    after); None when it names none."""
    if not result.diagnosis or result.status == "passed":
        return None
    try:
        named = text("diagnosis", lang, text=mistake_text(result.diagnosis, lang))
    except (ImportError, KeyError, ValueError):   # a kind of failure (not_implemented, ...), not a mistake
        return None
    at = result.output.rfind(named)
    if at < 0:
        return None
    return result.output[:at], named, result.output[at + len(named):]


def where_wrong(result: TestResult):
    """The mask of the wrong entries of the array the test compared, when it has one worth a map."""
    mask = getattr(result, "where_wrong", None)
    return np.asarray(mask, dtype=bool) if result.status != "passed" and worth_showing(mask) else None


@dataclass(frozen=True)
class Verdict:
    function: str
    results: tuple[TestResult, ...]
    total: float            # what the function is worth, hidden tests included
    hidden: bool = False    # the hidden tests ran too (nbgrader's test cell at grading time)
    lang: str = "zh"

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results)

    @property
    def max_score(self) -> float:
        return sum(r.max_score for r in self.results)

    @property
    def all_passed(self) -> bool:
        return bool(self.results) and self.score == self.max_score

    def header(self) -> str:
        if self.hidden or self.max_score == self.total:
            return text("check_header", self.lang, function=self.function, score=self.score, max_score=self.max_score)
        return text("check_header_visible", self.lang, function=self.function, score=self.score,
                    max_score=self.max_score, total=self.total, hidden=self.total - self.max_score)

    def _label(self, r: TestResult) -> str:
        return r.description + ("" if r.visible or not self.hidden else text("hidden_test", self.lang))

    @staticmethod
    def _explained(r: TestResult) -> bool:
        return r.status != "passed" or bool(r.graded_around)

    # --- plain text ---------------------------------------------------------------------------

    def text(self) -> str:
        lines = [self.header()]
        for r in self.results:
            lines.append(f"  {'✓' if r.status == 'passed' else '✗'} {self._label(r)}")
            if self._explained(r):
                lines.append(f"      {r.output}")
        if self.all_passed and not self.hidden:
            lines.append("  " + text("check_all_passed", self.lang))
        return "\n".join(lines)

    # --- HTML ---------------------------------------------------------------------------------

    def html(self) -> str:
        colour = PASSED if self.all_passed else FAILED if self.score == 0 else PARTIAL
        e = html.escape
        parts = [
            f'<div class="autograder-verdict" lang="{"en" if self.lang == "en" else "zh-CN"}" '
            f'data-function="{e(self.function)}" data-score="{self.score:g}" data-max-score="{self.max_score:g}" '
            f'style="border-left:4px solid {colour};padding:4px 10px;margin:2px 0;font-size:13px;line-height:1.45">',
            f'<div class="autograder-header" style="font-weight:600;margin-bottom:4px">{e(self.header())}</div>',
            '<table style="border-collapse:collapse;table-layout:auto;margin:0;width:auto;border:none">',
            *(self._row(r) for r in self.results),
            "</table>",
        ]
        if self.all_passed and not self.hidden:
            parts.append(f'<div class="autograder-all-passed" style="color:{PASSED};margin-top:4px">'
                         f'{e(text("check_all_passed", self.lang))}</div>')
        parts.append("</div>")
        return "".join(parts)

    def _row(self, r: TestResult) -> str:
        e = html.escape
        passed = r.status == "passed"
        colour = PASSED if passed else FAILED
        cell = "padding:3px 8px;border:none;text-align:left;vertical-align:top"
        body = f'<div class="autograder-test-name">{e(self._label(r))}</div>'
        if self._explained(r):
            body += self._message(r)
        mask = where_wrong(r)
        if mask is not None:
            body += self._heatmap(mask)
        return (f'<tr class="autograder-test" data-test="{e(r.name)}" data-status="{e(r.status)}" '
                f'style="background:{"rgba(26,127,55,0.07)" if passed else "rgba(207,34,46,0.07)"}">'
                f'<td class="autograder-mark" style="{cell};color:{colour};font-weight:700;font-size:115%">'
                f'{"✓" if passed else "✗"}</td>'
                f'<td style="{cell}">{body}</td>'
                f'<td class="autograder-points" style="{cell.replace("text-align:left", "text-align:right")};'
                f'white-space:nowrap;color:{colour}">'
                f'{r.score:g}/{r.max_score:g}</td></tr>')

    def _message(self, r: TestResult) -> str:
        e = html.escape
        # plain CSS values only: JupyterLab's sanitizer (a notebook reopened untrusted) drops var() and
        # inherit, and every data- attribute; the verdict must read the same without them
        style = "white-space:pre-wrap;font-family:monospace;font-size:92%;margin-top:2px" + \
            (f";color:{PARTIAL}" if r.status == "passed" else "")
        split = named_mistake(r, self.lang)
        if split is None:
            return f'<div class="autograder-message" style="{style}">{e(r.output)}</div>'
        before, named, after = split
        mistake = (f'<mark class="autograder-mistake" data-mistake="{e(r.diagnosis)}" style="background:{HIGHLIGHT};'
                   f'color:#3b2300;font-weight:600;padding:1px 4px;border-radius:3px;'
                   f'font-family:sans-serif">{e(named)}</mark>')
        return f'<div class="autograder-message" style="{style}">{e(before)}{mistake}{e(after)}</div>'

    def _heatmap(self, mask: np.ndarray) -> str:
        caption = _own_text("where_wrong", self.lang, bad=int(mask.sum()), total=int(mask.size),
                            shape=tuple(mask.shape))
        _, (bh, bw) = blocks(mask)
        if (bh, bw) != (1, 1):
            caption += " " + _own_text("where_wrong_blocks", self.lang, rows=bh, cols=bw)
        return heatmap_html(mask, caption)

    def bundle(self) -> dict[str, str]:
        """The rich output: HTML for the notebook's front end, the text for everything else."""
        return {"text/html": self.html(), "text/plain": self.text()}
