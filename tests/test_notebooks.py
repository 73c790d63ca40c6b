"""source/ is built from solutions/ and tools/notebooks/: the solution regions are the reference."""
import json
import re

import pytest

from helpers import ROOT
from autograder.assignments import ASSIGNMENTS
from tools import nbbuild

CHAPTERS = list(nbbuild.CHAPTERS)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_source_notebook_is_built_from_the_reference(chapter):
    built = nbbuild.build(chapter)
    committed = (ROOT / "source" / chapter / f"{chapter}.ipynb").read_text(encoding="utf-8")
    assert built.to_json() == committed, f"source/{chapter} is stale: run `make notebooks release`"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_graded_function_has_one_solution_cell_and_a_check_under_it(chapter):
    nb = json.loads((ROOT / "source" / chapter / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    meta = [c["metadata"].get("nbgrader", {}) for c in nb["cells"]]
    checks = [m["grade_id"][len("test_"):] for m in meta if m.get("grade") and not m.get("solution")]
    from autograder.assignments import graded_functions
    assert sorted(checks) == sorted(graded_functions(chapter))
    for i, m in enumerate(meta):
        if m.get("grade") and not m.get("solution"):
            function = m["grade_id"][len("test_"):]
            previous_solution = next(meta[j] for j in range(i - 1, -1, -1) if meta[j].get("solution"))
            source = "".join(nb["cells"][[k for k, mm in enumerate(meta) if mm is previous_solution][0]]["source"])
            assert re.search(rf"^(def|class) {function}\b", source, re.M), \
                f"the check of {function} is not under its solution cell"


@pytest.mark.parametrize("chapter", [c for c in CHAPTERS if ASSIGNMENTS[c].helpers])
def test_helper_modules_are_built_from_the_reference(chapter):
    built = nbbuild.helper_modules(chapter)
    assert sorted(built) == sorted(ASSIGNMENTS[chapter].helpers)
    for filename, source in built.items():
        committed = (ROOT / "source" / chapter / filename).read_text(encoding="utf-8")
        assert source == committed, f"source/{chapter}/{filename} is stale: run `make notebooks release`"
