"""Chapter 1 graders: Python basics (1.2.3), NumPy (1.2.4) and Matplotlib (1.2.5).

`Greeter` and `plot_sin_cos` are graded through trusted probes (`autograder.worker.probes_ch01`): a
class and a Matplotlib `Figure` cannot cross the channel, so the probe builds and calls them next to
the student's code and sends back data (the greetings; each line's data and label, the legends, the
axes labels and title).  Everything else is plain NumPy.  Tolerances are float32-safe (rtol 1e-4).
"""

import numpy as np

from autograder.catalogue import LazyOutputs
from autograder.compare import expect_close, expect_equal, fail
from autograder.diagnosis import parts_of
from autograder.grading import graded
from autograder.mistakes.ch01 import catalogue
from autograder.probe_results import probe_answer, probe_variants
from autograder.results import Mismatch
from autograder.worker import probes_ch01  # noqa: F401  (registers the chapter's probes for in-process grading)
from solutions import ch01 as ref

RTOL, ATOL = 1e-4, 1e-6


def _lazy(outputs, pick) -> LazyOutputs:
    """The catalogue's answers' parts, taken only when a failing comparison looks at them."""
    return LazyOutputs(lambda: parts_of(outputs, pick))


def _only(answers, predicate):
    """The one mistake whose probe answer shows the same failure as the student's, or None."""
    found = [mistake_id for mistake_id, answer in answers.items() if predicate(answer)]
    return found[0] if len(found) == 1 else None


# ---------------------------------------------------------------------------------------------
# 1.2.3 sign
# ---------------------------------------------------------------------------------------------

def _check_signs(student, mistakes, values):
    for x in values:
        expect_equal(student.sign(x), ref.sign(x), f"sign({x!r})", mistakes=mistakes(x))


@graded("sign", points=1, visible=True)
def test_sign_of_a_few_numbers(student, mistakes):
    """sign: 5, -3, 0, 2.5, -0.5 and 0.0 (0 is 'zero')"""
    _check_signs(student, mistakes, [5, -3, 0, 2.5, -0.5, 0.0])


@graded("sign", points=1)
def test_sign_of_random_numbers(student, rng, mistakes):
    """sign: random integers and floats, several of them 0"""
    values = [int(v) for v in rng.integers(1, 100, 4) * rng.choice([-1, 1], 4)]
    values += [float(v) for v in rng.uniform(-10, 10, 4)] + [0, 0.0, np.float64(rng.uniform(-1, 1))]
    _check_signs(student, mistakes, [values[i] for i in rng.permutation(len(values))])


# ---------------------------------------------------------------------------------------------
# 1.2.3 Greeter (a class: built and called by the probe)
# ---------------------------------------------------------------------------------------------

def _check_greetings(student, names, loud):
    answer = probe_answer(student, "greeter", "Greeter", names, loud)
    variants = probe_variants(catalogue, ref, "Greeter", "greeter", names, loud)
    if not answer["is_class"]:
        fail("ch01.not_a_class", got=answer["type"])
    call = "greet()" if loud is None else f"greet(loud={loud})"
    for i, name in enumerate(names):
        got, expected = answer["greetings"][i], ref.Greeter(name).greet(**({} if loud is None else {"loud": loud}))
        what = f"Greeter({name!r}).{call}"
        if got is None and answer["printed"].strip():
            diagnosis = _only(variants, lambda v: v["is_class"] and v["greetings"][i] is None and v["printed"].strip())
            fail("ch01.returned_none_printed", diagnosis, what=what, printed=answer["printed"].strip().splitlines()[0])
        if got is None:
            raise Mismatch("returned_none", what=what)
        expect_equal(got, expected, what, mistakes=_lazy(variants, lambda v, i=i: v["greetings"][i]))


@graded("Greeter", points=1, visible=True)
def test_greeter_greets_by_name(student):
    """Greeter: Greeter('Fred').greet() returns 'Hello, Fred!'"""
    _check_greetings(student, ["Fred"], None)


@graded("Greeter", points=1, visible=True)
def test_greeter_loud_greeting(student):
    """Greeter: Greeter('Fred').greet(loud=True) returns 'HELLO, FRED!'"""
    _check_greetings(student, ["Fred"], True)


def _random_names(rng, n):
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    names = set()
    while len(names) < n:
        names.add("".join(rng.choice(letters, int(rng.integers(3, 9)))).capitalize())
    return sorted(names)


@graded("Greeter", points=2)
def test_greeter_instances_keep_their_own_names(student, rng):
    """Greeter: several Greeters with random names, all built first, then greet(), greet(loud=False) and greet(loud=True)"""
    names = _random_names(rng, 3)
    for loud in (None, False, True):
        _check_greetings(student, names, loud)


# ---------------------------------------------------------------------------------------------
# 1.2.4 sigmoid, sigmoid_derivative
# ---------------------------------------------------------------------------------------------

@graded("sigmoid", points=1, visible=True)
def test_sigmoid_of_a_number(student, mistakes):
    """sigmoid: numbers, sigmoid(3) and sigmoid(-1.5)"""
    for x in (3, -1.5):
        expect_close(student.sigmoid(x), ref.sigmoid(x), f"sigmoid({x})", mistakes=mistakes(x), rtol=RTOL, atol=ATOL)


@graded("sigmoid", points=1, visible=True)
def test_sigmoid_of_an_array(student, mistakes):
    """sigmoid: element-wise on np.array([1, 2, 3])"""
    x = np.array([1, 2, 3])
    expect_close(student.sigmoid(x), ref.sigmoid(x), "sigmoid(x)", mistakes=mistakes(x), rtol=RTOL, atol=ATOL)


@graded("sigmoid", points=2)
def test_sigmoid_of_a_random_matrix(student, rng, mistakes):
    """sigmoid: a matrix of random shape and values"""
    x = rng.standard_normal((int(rng.integers(2, 6)), int(rng.integers(6, 12)))) * 4
    expect_close(student.sigmoid(x), ref.sigmoid(x), "sigmoid(x)", mistakes=mistakes(x), rtol=RTOL, atol=ATOL)


@graded("sigmoid_derivative", points=1, visible=True, helpers=("sigmoid",))
def test_sigmoid_derivative_of_an_array(student, mistakes):
    """sigmoid_derivative: s(1 - s) on np.array([1, 2, 3])"""
    x = np.array([1, 2, 3])
    expect_close(student.sigmoid_derivative(x), ref.sigmoid_derivative(x), "sigmoid_derivative(x)",
                 mistakes=mistakes(x), rtol=RTOL, atol=ATOL)


@graded("sigmoid_derivative", points=2, helpers=("sigmoid",))
def test_sigmoid_derivative_of_a_random_matrix(student, rng, mistakes):
    """sigmoid_derivative: a matrix of random shape and values"""
    x = rng.standard_normal((int(rng.integers(2, 6)), int(rng.integers(6, 12)))) * 3
    expect_close(student.sigmoid_derivative(x), ref.sigmoid_derivative(x), "sigmoid_derivative(x)",
                 mistakes=mistakes(x), rtol=RTOL, atol=ATOL)


# ---------------------------------------------------------------------------------------------
# 1.2.4 image2vector, normalize_rows
# ---------------------------------------------------------------------------------------------

@graded("image2vector", points=1, visible=True)
def test_image2vector_of_a_small_image(student, mistakes):
    """image2vector: a (3, 2, 2) image unrolled into a (12, 1) column"""
    image = np.array([[[0.12, 0.85], [0.33, 0.47]],
                      [[0.91, 0.06], [0.58, 0.24]],
                      [[0.71, 0.39], [0.15, 0.96]]])
    expect_close(student.image2vector(image), ref.image2vector(image), "image2vector(image)", mistakes=mistakes(image))


@graded("image2vector", points=2)
def test_image2vector_of_a_random_image(student, rng, mistakes):
    """image2vector: an image of random shape (h, w, c)"""
    shape = (int(rng.integers(2, 9)), int(rng.integers(2, 9)), int(rng.integers(1, 5)))
    image = rng.random(shape)
    expect_close(student.image2vector(image), ref.image2vector(image), "image2vector(image)", mistakes=mistakes(image))


@graded("normalize_rows", points=1, visible=True)
def test_normalize_rows_of_a_small_matrix(student, mistakes):
    """normalize_rows: each row of [[0, 3, 4], [1, 6, 4]] divided by its L2 norm"""
    x = np.array([[0., 3., 4.], [1., 6., 4.]])
    expect_close(student.normalize_rows(x), ref.normalize_rows(x), "normalize_rows(x)", mistakes=mistakes(x),
                 rtol=RTOL, atol=ATOL)


@graded("normalize_rows", points=2)
def test_normalize_rows_of_a_random_matrix(student, rng, mistakes):
    """normalize_rows: a matrix of random shape and values"""
    x = rng.standard_normal((int(rng.integers(2, 9)), int(rng.integers(2, 9)))) * 5
    expect_close(student.normalize_rows(x), ref.normalize_rows(x), "normalize_rows(x)", mistakes=mistakes(x),
                 rtol=RTOL, atol=ATOL)


# ---------------------------------------------------------------------------------------------
# 1.2.4 L1 and L2 losses
# ---------------------------------------------------------------------------------------------

BOOK_YHAT = np.array([.9, 0.2, 0.1, .4, .9])
BOOK_Y = np.array([1, 0, 0, 1, 1])


def _check_loss(student, mistakes, function, yhat, y):
    expected = getattr(ref, function)(yhat, y)
    expect_close(getattr(student, function)(yhat, y), expected, f"{function}(yhat, y)", mistakes=mistakes(yhat, y),
                 rtol=RTOL, atol=ATOL, factors={"1/m": 1 / y.size})


@graded("l1_loss", points=1, visible=True)
def test_l1_loss_on_a_small_example(student, mistakes):
    """l1_loss: 1.1 for yhat = [.9, .2, .1, .4, .9], y = [1, 0, 0, 1, 1]"""
    _check_loss(student, mistakes, "l1_loss", BOOK_YHAT, BOOK_Y)


@graded("l1_loss", points=2)
def test_l1_loss_on_random_vectors(student, rng, mistakes):
    """l1_loss: vectors of random length and values"""
    m = int(rng.integers(5, 50))
    _check_loss(student, mistakes, "l1_loss", rng.random(m), rng.random(m))


@graded("l2_loss", points=1, visible=True)
def test_l2_loss_on_a_small_example(student, mistakes):
    """l2_loss: 0.43 for yhat = [.9, .2, .1, .4, .9], y = [1, 0, 0, 1, 1]"""
    _check_loss(student, mistakes, "l2_loss", BOOK_YHAT, BOOK_Y)


@graded("l2_loss", points=2)
def test_l2_loss_on_random_vectors(student, rng, mistakes):
    """l2_loss: vectors of random length and values"""
    m = int(rng.integers(5, 50))
    _check_loss(student, mistakes, "l2_loss", rng.random(m), rng.random(m))


# ---------------------------------------------------------------------------------------------
# 1.2.5 plot_sin_cos (a Figure: read back by the probe)
# ---------------------------------------------------------------------------------------------

TITLE = "sin and cos"


def _line_names(answer) -> dict:
    """{(axes, line): the names it goes by}: the legend texts that stand for it, else its own
    label unless that is hidden (starts with '_')."""
    from_legends = {}
    for legend in answer["legends"]:
        for entry in legend:
            if entry["line"] is not None:
                from_legends.setdefault(tuple(entry["line"]), []).append(entry["text"])
    names = {}
    for a, ax in enumerate(answer["axes"]):
        for i, line in enumerate(ax["lines"]):
            own = [line["label"]] if line["label"] and not line["label"].startswith("_") else []
            names[(a, i)] = from_legends.get((a, i), own)
    return names


def _lines_labelled(answer, label) -> list:
    return [(a, i) for (a, i), names in _line_names(answer).items() if label in names]


def _line(answer, label) -> dict:
    """The one line labelled `label` (raises when there is not exactly one: a variant without it)."""
    (a, i), = _lines_labelled(answer, label)
    return answer["axes"][a]["lines"][i]


def _all_labels(answer) -> list:
    return sorted({n for names in _line_names(answer).values() for n in names})


def _legend_texts(answer) -> list:
    return [entry["text"] for legend in answer["legends"] for entry in legend]


def _figure(student, x):
    """(the student's figure as data, the catalogue's figures), failing when it is no Figure."""
    answer = probe_answer(student, "plot_sin_cos", "plot_sin_cos", x)
    variants = probe_variants(catalogue, ref, "plot_sin_cos", "plot_sin_cos", x)
    if not answer["is_figure"]:
        fail("ch01.not_a_figure", _only(variants, lambda v: not v["is_figure"] and v["type"] == answer["type"]),
             got="None" if answer["type"] == "builtins.NoneType" else answer["type"])
    return answer, variants


def _check_curves(student, x):
    answer, variants = _figure(student, x)
    for label, curve in (("sin", np.sin), ("cos", np.cos)):
        found = _lines_labelled(answer, label)
        if not found:
            labels = _all_labels(answer)
            diagnosis = _only(variants, lambda v: v["is_figure"] and _all_labels(v) == labels and label not in labels)
            fail("ch01.no_line_labelled", diagnosis, label=label, labels=", ".join(map(repr, labels)) or "-")
        if len(found) > 1:
            fail("ch01.several_lines_labelled", label=label, count=len(found))
        line = _line(answer, label)
        for axis, expected in (("x", x), ("y", curve(x))):
            what = f"lines['{label}'].get_{axis}data()"
            if line[axis] is None:
                fail("ch01.line_data_not_numbers", what=what)
            expect_close(line[axis], expected, what, rtol=RTOL, atol=ATOL,
                         mistakes=_lazy({k: v for k, v in variants.items() if v["is_figure"]},
                                        lambda v, label=label, axis=axis: _line(v, label)[axis]))


@graded("plot_sin_cos", points=1, visible=True)
def test_plot_sin_cos_draws_both_curves(student):
    """plot_sin_cos: returns a Figure whose lines labelled 'sin' and 'cos' show sin(x) and cos(x)"""
    _check_curves(student, np.arange(0, 3 * np.pi, 0.1))


@graded("plot_sin_cos", points=1, visible=True)
def test_plot_sin_cos_has_a_legend(student):
    """plot_sin_cos: the figure has a legend showing 'sin' and 'cos'"""
    answer, variants = _figure(student, np.arange(0, 3 * np.pi, 0.1))
    texts = _legend_texts(answer)
    if not texts:
        fail("ch01.no_legend", _only(variants, lambda v: v["is_figure"] and not _legend_texts(v)))
    for label in ("sin", "cos"):
        if label not in texts:
            diagnosis = _only(variants, lambda v: v["is_figure"] and _legend_texts(v) == texts)
            fail("ch01.legend_missing_entry", diagnosis, label=label, entries=", ".join(map(repr, texts)))


@graded("plot_sin_cos", points=1, visible=True)
def test_plot_sin_cos_axis_labels_and_title(student):
    """plot_sin_cos: x-axis label 'x', y-axis label 'y' and title 'sin and cos'"""
    answer, _ = _figure(student, np.arange(0, 3 * np.pi, 0.1))
    if not answer["axes"]:
        fail("ch01.no_axes")
    found = _lines_labelled(answer, "sin")
    ax = answer["axes"][found[0][0] if found else 0]
    expect_equal(ax["xlabel"].strip(), "x", "ax.get_xlabel()")
    expect_equal(ax["ylabel"].strip(), "y", "ax.get_ylabel()")
    title = ax["title"].strip() or answer["suptitle"].strip()
    expect_equal(title, TITLE, "ax.get_title()")


@graded("plot_sin_cos", points=2)
def test_plot_sin_cos_on_random_points(student, rng):
    """plot_sin_cos: both curves on a random number of random points x (radians)"""
    x = np.sort(rng.uniform(-2 * np.pi, 2 * np.pi, int(rng.integers(20, 80))))
    _check_curves(student, x)
