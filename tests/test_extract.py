"""Reading notebooks and extracting the student's definitions."""
import json

import pytest

from autograder.extract import clean_magics, extract
from autograder.notebook import Cell, Notebook, NotebookError, infer_assignment, read_notebook


def nb(*sources, metadata=None):
    return Notebook("x.ipynb", tuple(Cell(i, i + 1, "code", s) for i, s in enumerate(sources)), metadata or {})


def kinds(program):
    return [(s.kind, s.names) for s in program.statements]


def test_keeps_imports_definitions_and_constants_and_drops_the_rest():
    program = extract(nb("import numpy as np\nlr = 0.1\nlayers = [2, 4, 1]\nX = np.zeros(3)\n"
                         "for i in range(3):\n    print(i)\nresult = train()\n",
                         "def f(x):\n    return x\n\nclass Net:\n    pass\n\nf(3)\nplt.plot([1])"))
    assert kinds(program) == [("import", ("np",)), ("assign", ("lr",)), ("assign", ("layers",)),
                              ("def", ("f",)), ("class", ("Net",))]


def test_heavy_imports_are_lazy_and_grader_imports_are_dropped():
    program = extract(nb("import matplotlib.pyplot as plt\nfrom sklearn.datasets import make_moons\n"
                         "from autograder.notebook_check import check\nimport solutions.ch04 as ref\nimport numpy as np"))
    assert kinds(program) == [("lazy_import", ("plt",)), ("lazy_import", ("make_moons",)), ("import", ("np",))]


def test_magics_and_shell_lines_are_blanked_keeping_line_numbers():
    source = "%matplotlib inline\n!pip install x\nfiles = !ls\ndef f():\n    return 1\nnp.sum?"
    cleaned = clean_magics(source)
    assert cleaned.split("\n")[3] == "def f():" and "%" not in cleaned and "!" not in cleaned
    assert clean_magics("%%bash\nls") is None
    assert clean_magics("%%time\nx = 1").strip() == "x = 1"
    program = extract(nb(source))
    assert program.statements[0].lineno == 4


def test_a_syntax_error_loses_only_the_broken_function():
    program = extract(nb("def good(x):\n    return x\n\ndef broken(x)\n    return x\n\ndef also_good():\n    return 2\n"))
    assert program.defined() == {"good", "also_good"}
    [problem] = program.problems
    assert problem.cell == 1 and problem.line == 4 and problem.functions == ("broken",)


def test_nbgrader_test_cells_are_not_student_code():
    cells = (Cell(0, 1, "code", "def f():\n    return 1"),
             Cell(1, 2, "code", "def f():\n    return 'tampered'", {"grade": True, "solution": False}))
    program = extract(Notebook("x", cells, {}))
    assert len(program.statements) == 1


def write(tmp_path, content, name="sub.ipynb"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


@pytest.mark.parametrize("content,reason", [
    (b"", "is empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"), ("{\"cells\": 3}", "no list of cells"),
    ("[1, 2]", "no list of cells"), ("{\"nbformat\": 3, \"cells\": []}", "nbformat 3"), ("{\"cells\": [", "not valid JSON"),
])
def test_corrupt_files_are_described(tmp_path, content, reason):
    with pytest.raises(NotebookError) as raised:
        read_notebook(write(tmp_path, content))
    assert reason in raised.value.render("en")
    assert raised.value.render("zh") != raised.value.render("en")


def test_missing_file_is_described(tmp_path):
    with pytest.raises(NotebookError):
        read_notebook(tmp_path / "nope.ipynb")


def test_odd_but_valid_cells_are_read(tmp_path):
    data = {"nbformat": 4, "cells": [{"cell_type": "code", "source": ["def f():\n", "    return 1\n"]},
                                     {"cell_type": "markdown", "source": "text"}, "garbage",
                                     {"cell_type": "code", "metadata": None, "source": None}]}
    notebook = read_notebook(write(tmp_path, json.dumps(data)))
    assert [c.source for c in notebook.code_cells] == ["def f():\n    return 1\n", ""]


def test_assignment_is_inferred_from_metadata_check_cells_or_file_name(tmp_path):
    known = {"ch04", "ch05"}
    assert infer_assignment(nb(metadata={"autograder": {"assignment": "ch05"}}), known) == "ch05"
    assert infer_assignment(nb("check(\"ch04\", \"sigmoid\", globals())"), known) == "ch04"
    named = Notebook(str(tmp_path / "ch05-alice.ipynb"), (), {})
    assert infer_assignment(named, known) == "ch05"
    assert infer_assignment(nb("x = 1"), known) is None


def test_percent_operator_continuation_is_not_a_magic():
    source = 'def f(a, b):\n    return ("%d and %d"\n            % (a, b))\n%timeit f(1, 2)'
    program = extract(nb(source))
    assert program.defined() == {"f"} and not program.problems


def test_constants_that_read_dropped_names_are_dropped_too():
    program = extract(nb("import numpy as np\nTP, FP = M[1, 1], M[0, 1]\nprecision = TP / (TP + FP)\n"
                         "eps = 1e-8\nhalf = eps / 2\ntau = 2 * np.pi\nn = len([1, 2])"))
    assert [s.names for s in program.statements] == [("np",), ("eps",), ("half",), ("tau",)]


def test_an_assignment_that_binds_a_graded_name_is_kept():
    """The book writes `f_graph = tf.function(f_eager)`: an answer bound by assignment keeps its points,
    as do a functools.partial, a lambda and an alias, while other calls are still not re-run."""
    source = ("import functools\nimport numpy as np\n\ndef f_eager(a, b, c):\n    return a * a + a * b + c\n\n"
              "f_graph = functools.partial(f_eager)\nsquare = lambda x: x * x\nrelu = np.maximum\n"
              "alias = f_eager\nlosses = f_eager(1, 2, 3)\ntrained = train(model)\n")
    graded = frozenset({"f_graph", "square", "relu", "alias", "trained"})
    program = extract(nb(source), graded)
    kept = [s.names for s in program.statements]
    assert ("f_graph",) in kept and ("square",) in kept and ("relu",) in kept and ("alias",) in kept
    assert ("losses",) not in kept          # not a graded name: a call is not re-run
    assert ("trained",) not in kept         # reads an undefined name: dropped
    assert {"f_graph", "square", "relu", "alias"} <= program.defined()
    assert ("f_graph",) not in [s.names for s in extract(nb(source)).statements]   # without the assignment's names


def test_a_graded_name_bound_by_assignment_is_graded(tmp_path):
    from autograder.pipeline import grade_notebook
    from autograder.sandbox import PlainLauncher
    from tools import submissions
    nb_json = submissions.perfect("ch04")
    for cell in nb_json["cells"]:
        source = "".join(cell["source"])
        if cell["metadata"].get("nbgrader", {}).get("solution") and "def sigmoid(" in source:
            cell["source"] = source.replace("def sigmoid(", "def my_sigmoid(") + "\n\nsigmoid = my_sigmoid\n"
    report = grade_notebook(submissions.write(nb_json, tmp_path / "ch04.ipynb"), seed=1, lang="en",
                            launcher=PlainLauncher())
    sigmoid = [t for t in report.tests if t.function == "sigmoid"]
    assert sigmoid and all(t.score == t.max_score for t in sigmoid), [t.output for t in sigmoid]


def test_a_table_of_lambdas_is_kept_but_not_a_call():
    program = extract(nb("import numpy as np\ndef relu(Z):\n    return np.maximum(0, Z)\n"
                         "ACTIVATIONS = {'relu': lambda Z: relu(Z), 'id': lambda Z: Z}\nTABLE = {'relu': relu(3)}\n"))
    assert [s.names for s in program.statements] == [("np",), ("relu",), ("ACTIVATIONS",)]
