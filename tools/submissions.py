"""Make example student submissions from the course's own notebooks (for the demo, tests, benchmarks).

  perfect(ch)            the release notebook with every solution cell filled in with the reference
  stub(ch)               the release notebook as a student receives it
  with_mistakes(ch, ids) the perfect one with the named catalogued mistakes pasted in
"""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", re.M)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _grade_id(cell: dict) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def stub(chapter: str) -> dict:
    return load(ROOT / "release" / chapter / f"{chapter}.ipynb")


def perfect(chapter: str) -> dict:
    """The release notebook, each solution cell replaced by the source's solution without markers."""
    source = load(ROOT / "source" / chapter / f"{chapter}.ipynb")
    solutions = {_grade_id(c): "".join(c["source"]) for c in source["cells"]
                 if c.get("metadata", {}).get("nbgrader", {}).get("solution")}
    nb = copy.deepcopy(stub(chapter))
    for cell in nb["cells"]:
        gid = _grade_id(cell)
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and gid in solutions:
            cell["source"] = _MARKER.sub("", solutions[gid])
    return nb


def with_mistakes(chapter: str, mistake_ids: list[str]) -> dict:
    """The perfect notebook with each catalogued mistake `chNN.function.name` in its function's cell."""
    from autograder.grading import catalogue_of
    catalogue = catalogue_of(f"autograder.graders.{chapter}")
    variants = {v.id: v for v in catalogue}
    nb = perfect(chapter)
    for mistake_id in mistake_ids:
        paste_function(nb, variants[mistake_id].function, variants[mistake_id].source())
    return nb


def paste_function(nb: dict, function: str, source: str) -> dict:
    """Replace the definition of `function` (a def or a class) in its solution cell by `source`."""
    for cell in nb["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and \
                re.search(rf"^(def|class) {function}\b", "".join(cell["source"]), re.M):
            cell["source"] = _replace_function("".join(cell["source"]), function, source)
            return nb
    raise KeyError(f"no solution cell defines {function}")


def _replace_function(cell_source: str, name: str, new_source: str) -> str:
    """Replace the top-level `def name` / `class name` block (with its decorators) in a cell by `new_source`."""
    lines = cell_source.split("\n")
    start = next(i for i, line in enumerate(lines) if re.match(rf"(def|class) {name}\b", line))
    end = start + 1
    while start > 0 and lines[start - 1].startswith("@"):
        start -= 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "\t")):
        end += 1
    return "\n".join(lines[:start] + new_source.rstrip("\n").split("\n") + [""] + lines[end:])


def write(nb: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
