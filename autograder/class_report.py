"""The class report: what a class got right and wrong, read from what `course grade` stored.

    autograder course report ch05 --course-dir COURSE [--lang en] [-o OUT]

It reads every `feedback/STUDENT/chNN/results.json` (and `NAME.results.json`, one per notebook of an
assignment with several) and writes `OUT/report.md` with its plots beside it as PNG files, and
`OUT/report.html`, the same page with the plots embedded (one file to share); OUT defaults to
`COURSE/reports/chNN/`.  The report gives the score distribution, each function's mean and share of
zero scores, the catalogued mistakes ranked by how many students made them ("23 of 60 students in
back_propagation: the gradients are missing 1/m ..."), then the other reasons points were lost
(not implemented, exceptions, time-outs, wrong results no catalogued mistake explains).

The plots hold no words, only numbers and ASCII names (functions, mistake ids); their captions in
the page say what they show, so the report is in one language and needs no font for Chinese.
"""
from __future__ import annotations

import base64
import html
import io
import json
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from autograder.assignments import ASSIGNMENTS
from autograder.messages import mistake_text
from autograder.messages.reports import report_text

NOTEBOOK_REASONS = ("missing_notebook", "unreadable_notebook")   # a whole notebook failed, not a function


# --- reading the stored results ------------------------------------------------------------------
@dataclass
class StudentResult:
    """One student's stored results: totals, points per function, and why points were lost."""

    student: str
    score: float = 0.0
    max_score: float = 0.0
    functions: dict[str, list[float]] = field(default_factory=dict)   # function -> [score, max_score]
    mistakes: set[str] = field(default_factory=set)                   # catalogued mistake ids
    reasons: set[tuple[str, str]] = field(default_factory=set)        # (function or "", failure kind or "unnamed")


@dataclass
class ClassResults:
    assignment: str
    course_dir: Path
    students: list[StudentResult]
    ungraded: list[str] = field(default_factory=list)      # submitted, but no results stored
    unreadable: list[str] = field(default_factory=list)    # results files that are not valid JSON

    @property
    def size(self) -> int:
        return len(self.students)


def is_catalogued(diagnosis: str) -> bool:
    """A catalogued mistake id (`chNN.function.name`), as opposed to a failure's kind (`timeout`)."""
    return "." in diagnosis


def student_result(student: str, results: list[dict]) -> StudentResult:
    """Fold a student's results.json files (one per notebook) into a StudentResult."""
    out = StudentResult(student)
    failed: dict[str, list[str | None]] = {}       # function -> diagnoses of its failed tests
    for result in results:
        for test in result["tests"]:
            function = test["extra_data"]["function"]
            points = out.functions.setdefault(function, [0.0, 0.0])
            points[0] += test["score"]
            points[1] += test["max_score"]
            out.score += test["score"]
            out.max_score += test["max_score"]
            if test["score"] < test["max_score"]:
                failed.setdefault(function, []).append(test["extra_data"].get("diagnosis"))
    for function, diagnoses in failed.items():
        named = {d for d in diagnoses if d and is_catalogued(d)}
        kinds = {d for d in diagnoses if d and not is_catalogued(d)}
        out.mistakes |= named
        out.reasons |= {("" if k in NOTEBOOK_REASONS else function, k) for k in kinds}
        if not named and not kinds:
            out.reasons.add((function, "unnamed"))
    return out


def read_class(course_dir: str | Path, assignment: str) -> ClassResults:
    """Every stored result of `assignment` under `course_dir/feedback/`, by student."""
    course_dir = Path(course_dir).resolve()
    students, unreadable = [], []
    feedback = course_dir / "feedback"
    for folder in sorted(p / assignment for p in feedback.iterdir()) if feedback.is_dir() else []:
        files = sorted(folder.glob("*results.json")) if folder.is_dir() else []
        results = []
        for path in files:
            try:
                results.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                unreadable.append(str(path.relative_to(course_dir)))
        if results:
            students.append(student_result(folder.parent.name, results))
    graded = {s.student for s in students}
    submitted = course_dir / "submitted"
    ungraded = sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir() and p.name not in graded) \
        if submitted.is_dir() else []
    return ClassResults(assignment, course_dir, students, ungraded, unreadable)


# --- what the report says -------------------------------------------------------------------------
@dataclass(frozen=True)
class FunctionRow:
    function: str
    points: float
    mean: float
    zero: int     # students who scored 0 on it
    full: int     # students with all its points


def function_rows(cls: ClassResults) -> list[FunctionRow]:
    """Each graded function, in the graders' order, with the class's mean and zero/full counts."""
    order = list(dict.fromkeys(f for s in cls.students for f in s.functions))
    rows = []
    for function in order:
        got = [s.functions.get(function, [0.0, 0.0]) for s in cls.students]
        points = max(m for _, m in got)
        rows.append(FunctionRow(function, points, statistics.fmean(g for g, _ in got),
                                sum(1 for g, _ in got if g == 0), sum(1 for g, m in got if g == m)))
    return rows


def ranked_mistakes(cls: ClassResults) -> list[tuple[str, int]]:
    """(mistake id, students who made it), most frequent first, ties by id."""
    counts = Counter(m for s in cls.students for m in s.mistakes)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def ranked_reasons(cls: ClassResults) -> list[tuple[tuple[str, str], int]]:
    """((function or "", reason), students), most frequent first, ties in the graders' order."""
    order = {f: i for i, f in enumerate(r.function for r in function_rows(cls))}
    counts = Counter(r for s in cls.students for r in s.reasons)
    return sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0][0], -1), kv[0][1]))


def mistake_function(mistake_id: str) -> str:
    return mistake_id.split(".")[1]


def mistake_words(mistake_id: str, lang: str) -> str:
    try:
        return mistake_text(mistake_id, lang)
    except (ImportError, KeyError, ValueError):    # a mistake since removed from the catalogue
        return mistake_id


def reason_words(reason: str, lang: str) -> str:
    try:
        return report_text(f"reason_{reason}", lang)
    except KeyError:
        return reason


# --- the document, then Markdown and HTML -------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Items:
    items: list[tuple[str, str]]     # (sentence, an id shown as code)


@dataclass(frozen=True)
class Figure:
    name: str                        # PNG file name
    caption: str


def document(cls: ClassResults, lang: str) -> list:
    """The report's content, in `lang`; the plots it names are made by `plots`."""
    n = cls.size
    title = ASSIGNMENTS[cls.assignment].title if cls.assignment in ASSIGNMENTS else cls.assignment
    totals = [s.score for s in cls.students]
    max_score = max(s.max_score for s in cls.students)
    doc: list = [Heading(report_text("report_title", lang, assignment=cls.assignment, title=title), 1),
                 Para(report_text("report_graded", lang, graded=n, course=str(cls.course_dir)))]
    if cls.ungraded:
        doc.append(Para(report_text("report_ungraded", lang, count=len(cls.ungraded), students=", ".join(cls.ungraded),
                                    assignment=cls.assignment)))
    if cls.unreadable:
        doc.append(Para(report_text("report_unreadable", lang, files=", ".join(cls.unreadable))))
    doc += [Para(report_text("report_scores", lang, mean=statistics.fmean(totals), median=statistics.median(totals),
                             min=min(totals), max=max(totals), max_score=max_score,
                             full=sum(1 for s in cls.students if s.score == s.max_score > 0),
                             zero=sum(1 for t in totals if t == 0))),
            Heading(report_text("report_distribution", lang)),
            Figure("scores.png", report_text("report_distribution_caption", lang, max_score=max_score)),
            Heading(report_text("report_functions", lang))]
    rows = function_rows(cls)
    doc.append(Table([report_text(f"report_col_{c}", lang) for c in ("function", "points", "mean", "mean_share",
                                                                       "zero", "full")],
                     [[r.function, f"{r.points:g}", f"{r.mean:.2f}", f"{r.mean / r.points:.0%}" if r.points else "—",
                       f"{r.zero} ({r.zero / n:.0%})", f"{r.full} ({r.full / n:.0%})"] for r in rows]))
    doc.append(Figure("functions.png", report_text("report_functions_caption", lang)))
    doc += [Heading(report_text("report_mistakes", lang)), Para(report_text("report_mistakes_intro", lang))]
    mistakes = ranked_mistakes(cls)
    if mistakes:
        doc.append(Items([(report_text("report_mistake_line", lang, count=count, n=n, share=count / n,
                                       function=mistake_function(m), text=mistake_words(m, lang)), m)
                          for m, count in mistakes]))
        doc.append(Figure("mistakes.png", report_text("report_mistakes_caption", lang)))
    else:
        doc.append(Para(report_text("report_no_mistakes", lang)))
    doc += [Heading(report_text("report_other", lang)), Para(report_text("report_other_intro", lang))]
    reasons = ranked_reasons(cls)
    if reasons:
        doc.append(Items([(report_text("report_other_line", lang, count=count, n=n, share=count / n,
                                       where=report_text("report_other_where", lang, function=f) if f else "",
                                       reason=reason_words(reason, lang)), "") for (f, reason), count in reasons]))
    else:
        doc.append(Para(report_text("report_no_other", lang)))
    return doc


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape_markdown(s: str) -> str:
    """Plain text that Markdown shows as it is (tables included: `|` is escaped too)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", s)


def to_markdown(doc: list) -> str:
    out: list[str] = []
    for block in doc:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + escape_markdown(block.text), ""]
        elif isinstance(block, Para):
            out += [escape_markdown(block.text), ""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(map(escape_markdown, block.header)) + " |")
            out.append("|" + "|".join(" --- " for _ in block.header) + "|")
            out += ["| " + " | ".join(map(escape_markdown, row)) + " |" for row in block.rows]
            out.append("")
        elif isinstance(block, Items):
            out += [f"{i}. {escape_markdown(text)}" + (f" (`{code}`)" if code else "")
                    for i, (text, code) in enumerate(block.items, 1)]
            out.append("")
        elif isinstance(block, Figure):
            out += [f"![{escape_markdown(block.caption)}]({block.name})", "", f"*{escape_markdown(block.caption)}*", ""]
    return "\n".join(out)


_STYLE = """body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}
figure{margin:1rem 0}img{max-width:100%}figcaption{color:#555;font-size:.9rem}code{color:#555}"""


def to_html(doc: list, lang: str, images: dict[str, bytes]) -> str:
    """A self-contained page: the plots are embedded as PNG data URIs."""
    e = html.escape
    title = next((b.text for b in doc if isinstance(b, Heading)), "")
    out = ["<!DOCTYPE html>", f'<html lang="{"en" if lang == "en" else "zh-CN"}">',
           f'<head><meta charset="utf-8"><title>{e(title)}</title><style>{_STYLE}</style></head>', "<body>"]
    for block in doc:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            out.append(f"<p>{e(block.text)}</p>")
        elif isinstance(block, Table):
            out.append("<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in block.header)
                       + "</tr></thead><tbody>")
            out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block.rows]
            out.append("</tbody></table>")
        elif isinstance(block, Items):
            out.append("<ol>")
            out += [f"<li>{e(text)}" + (f" <code>{e(code)}</code>" if code else "") + "</li>"
                    for text, code in block.items]
            out.append("</ol>")
        elif isinstance(block, Figure):
            data = base64.b64encode(images[block.name]).decode("ascii")
            out.append(f'<figure><img src="data:image/png;base64,{data}" alt="{e(block.caption)}">'
                       f"<figcaption>{e(block.caption)}</figcaption></figure>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


# --- the plots ------------------------------------------------------------------------------------------
def plots(cls: ClassResults) -> dict[str, bytes]:
    """{file name: PNG}: the score distribution, each function's mean and zero share, the mistakes."""
    from matplotlib.figure import Figure as MplFigure     # the object API: no pyplot, no GUI backend
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    def png(fig) -> bytes:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110)
        return buf.getvalue()

    images = {}
    totals = [s.score for s in cls.students]
    max_score = max(s.max_score for s in cls.students)
    fig = MplFigure(figsize=(7, 3.2), layout="constrained")
    ax = fig.subplots()
    step = max(1.0, max_score / 30)
    edges = [i * step - step / 2 for i in range(int(max_score / step) + 2)]
    ax.hist(totals, bins=edges, color="#4878a8", edgecolor="white")
    ax.axvline(statistics.fmean(totals), color="#333", linestyle="--", linewidth=1)
    ax.set_xlim(edges[0], edges[-1])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    images["scores.png"] = png(fig)

    rows = function_rows(cls)
    fig = MplFigure(figsize=(8, 0.45 * len(rows) + 1), layout="constrained")
    left, right = fig.subplots(1, 2, sharey=True)
    names = [r.function for r in rows][::-1]
    left.barh(names, [100 * r.mean / r.points if r.points else 0 for r in rows][::-1], color="#4878a8")
    right.barh(names, [100 * r.zero / cls.size for r in rows][::-1], color="#c0504d")
    for ax in (left, right):
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_formatter(PercentFormatter())
    images["functions.png"] = png(fig)

    mistakes = ranked_mistakes(cls)
    if mistakes:
        fig = MplFigure(figsize=(8, 0.4 * len(mistakes) + 1), layout="constrained")
        ax = fig.subplots()
        bars = ax.barh([m.split(".", 1)[1] for m, _ in mistakes][::-1], [c for _, c in mistakes][::-1],
                       color="#c0504d")
        ax.bar_label(bars, padding=3)
        ax.set_xlim(0, cls.size)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        images["mistakes.png"] = png(fig)
    return images


# --- writing it ----------------------------------------------------------------------------------------
def write_report(cls: ClassResults, out_dir: str | Path, lang: str = "zh") -> tuple[Path, Path]:
    """Write report.md with its PNG files, and the self-contained report.html; their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = document(cls, lang)
    images = plots(cls)
    for name, data in images.items():
        _write(out_dir / name, data)
    markdown, page = out_dir / "report.md", out_dir / "report.html"
    _write(markdown, to_markdown(doc).encode("utf-8"))
    _write(page, to_html(doc, lang, images).encode("utf-8"))
    return markdown, page


def _write(path: Path, data: bytes) -> None:
    """Replace `path` at once (a reader never sees half a file), readable by others as a page to share."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def course_report(course_dir: str, assignment: str, *, lang: str = "zh", out: str | None = None) -> int:
    """`autograder course report`: the exit status (0 written, 2 nothing to report on)."""
    from autograder.messages import text
    course = Path(course_dir).resolve()
    if not course.is_dir():
        print("autograder: " + text("course_no_directory", lang, path=str(course)), file=sys.stderr)
        return 2
    if assignment not in ASSIGNMENTS:
        print("autograder: " + text("unknown_assignment_named", lang, assignment=assignment,
                                    known=", ".join(ASSIGNMENTS)), file=sys.stderr)
        return 2
    cls = read_class(course, assignment)
    if not cls.students:
        print("autograder: " + report_text("report_no_results", lang, path=str(course / "feedback"),
                                           assignment=assignment), file=sys.stderr)
        return 2
    markdown, page = write_report(cls, out or course / "reports" / assignment, lang)
    print(report_text("report_written", lang, markdown=str(markdown), html=str(page)))
    return 0
