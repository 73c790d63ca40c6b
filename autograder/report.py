"""Step 5, report: Gradescope `results.json`, a terminal table, and Markdown feedback.

Feedback shows, per test, its description, score and message; it never shows a hidden test's code
or expected values (the messages themselves are written not to, see `autograder.compare`).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from autograder.messages import text
from autograder.results import GradeReport


def to_results(report: GradeReport) -> dict:
    """Gradescope's results.json schema, with our extra data on every test."""
    return {
        "score": round(report.score, 4),
        "max_score": round(report.max_score, 4),
        "output": "\n".join(report.problems),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "extra_data": {"assignment": report.assignment, "seed": report.seed, "isolation": report.isolation,
                       "seconds": round(report.seconds, 3), "notebook": os.path.basename(report.notebook)},
        "tests": [{
            "name": t.description or t.name,
            "score": t.score,
            "max_score": t.max_score,
            "output": t.output,
            "visibility": "visible",
            "status": "passed" if t.status == "passed" else "failed",
            "extra_data": {"function": t.function, "diagnosis": t.diagnosis, "test": t.name,
                           "hidden": not t.visible},
        } for t in report.tests],
    }


def isolation(report: GradeReport, lang: str) -> str:
    """How the submission was isolated, in the reader's language."""
    key = f"isolation_{report.isolation}"
    mode = text(key, lang) if report.isolation in ("bwrap", "plain", "in-process") else report.isolation
    return text("isolation", lang, mode=mode)


def write_atomic(path: str | os.PathLike, content: str) -> None:
    """Write a file so that readers see the old or the new content, never a half-written one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_results(report: GradeReport, path: str | os.PathLike) -> None:
    write_atomic(path, json.dumps(to_results(report), ensure_ascii=False, indent=2) + "\n")


def _width(s: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def _pad(s: str, n: int) -> str:
    return s + " " * max(0, n - _width(s))


def terminal_summary(report: GradeReport, lang: str = "zh") -> str:
    """A per-function table, then the failed tests with their messages."""
    lines = [f"{report.notebook}  [{report.assignment or '?'}]  " + isolation(report, lang)]
    lines += [f"  ! {p}" for p in report.problems]
    rows = report.by_function()
    width = max([_width(f) for f in rows] + [8])
    for function, (score, max_score) in rows.items():
        mark = "✓" if score == max_score else ("✗" if score == 0 else "~")
        lines.append(f"  {mark} {_pad(function, width)}  {score:g}/{max_score:g}")
    lines.append(f"  {_pad(text('total', lang), width + 2)}  {report.score:g}/{report.max_score:g}")
    failed = [t for t in report.tests if t.status != "passed"]
    if failed:
        lines.append("")
    for t in failed:
        lines.append(f"  ✗ {t.description}")
        lines.append(f"      {t.output}")
    return "\n".join(lines)


def markdown_feedback(report: GradeReport, lang: str = "zh") -> str:
    title = "评分反馈" if lang != "en" else "Feedback"
    lines = [f"# {title}: {os.path.basename(report.notebook)} ({report.assignment})", "",
             f"**{text('total', lang)}: {report.score:g} / {report.max_score:g}**", "",
             isolation(report, lang), ""]
    for p in report.problems:
        lines.append(f"> {p}")
    if report.problems:
        lines.append("")
    current = None
    for t in report.tests:
        if t.function != current:
            current = t.function
            score, max_score = report.by_function()[current]
            lines += ["", f"## {current} — {score:g}/{max_score:g}", ""]
        mark = "✅" if t.status == "passed" else "❌"
        kind = "" if t.visible else (" （隐藏测试）" if lang != "en" else " (hidden test)")
        lines.append(f"- {mark} {t.description}{kind}: {t.score:g}/{t.max_score:g}")
        if t.status != "passed":
            lines.append("  - " + t.output.replace("\n", "\n    "))   # multi-line arrays stay in the item
    return "\n".join(lines) + "\n"
