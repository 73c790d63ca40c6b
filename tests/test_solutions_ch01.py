"""Chapter 1: the references against independent oracles (torch.sigmoid, torch.autograd and central
differences in float64, torch.nn.functional's normalize / l1_loss / mse_loss, NumPy's sign and
index arithmetic, the figure read with Matplotlib's own API), and the graders and probes against
other correct ways of writing the same code: every way of labelling a Matplotlib line counts, the
probe leaves no figure open, and the notebook is graded through the real worker."""
from __future__ import annotations

import contextlib
import io

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from autograder.assignments import ASSIGNMENTS, Assignment  # noqa: E402
from autograder.grading import catalogue_of, collect, run_tests  # noqa: E402
from autograder.inprocess import InProcessStudent  # noqa: E402
from autograder.worker import probes_ch01  # noqa: E402
from solutions import ch01  # noqa: E402

MODULE = "autograder.graders.ch01"
CH01 = Assignment("ch01", "Python 与 NumPy 基础", ("numpy", "matplotlib"), probes=("autograder.worker.probes_ch01",))


@pytest.fixture
def registered(monkeypatch):
    """Chapter 1 in ASSIGNMENTS (as the lead registers it) for the tests that need the registry."""
    if "ch01" not in ASSIGNMENTS:
        monkeypatch.setitem(ASSIGNMENTS, "ch01", CH01)
    return ASSIGNMENTS["ch01"]


def _grade(namespace, function=None, seed=3):
    tests = [t for t in collect(MODULE) if function is None or t.function == function]
    return run_tests(tests, InProcessStudent(namespace), seed=seed, catalogue=catalogue_of(MODULE), lang="en",
                     reference=ch01)


def _lost(results):
    return [(r.name, r.output) for r in results if r.score < r.max_score]


# ---------------------------------------------------------------------------------------------
# the references against oracles
# ---------------------------------------------------------------------------------------------

def test_sign_agrees_with_numpy_sign():
    words = {1.0: "positive", -1.0: "negative", 0.0: "zero"}
    values = [5, -3, 0, 0.0, -0.0, 2.5, -1e-300, 1e300, np.float64(-7.5), np.int64(0)]
    for x in values:
        assert ch01.sign(x) == words[float(np.sign(x))], x


def test_greeter_greets_as_the_curriculum_says():
    g, h = ch01.Greeter("Will"), ch01.Greeter("ada")
    assert g.greet() == g.greet(loud=False) == "Hello, Will!"
    assert g.greet(loud=True) == "HELLO, WILL!"
    assert h.greet() == "Hello, ada!" and g.name == "Will"


def test_sigmoid_agrees_with_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 7)) * 5
    np.testing.assert_allclose(ch01.sigmoid(x), torch.sigmoid(torch.from_numpy(x)).numpy(), rtol=1e-12, atol=0)
    assert ch01.sigmoid(0) == 0.5 and abs(ch01.sigmoid(3) - 0.9525741268224334) < 1e-15
    np.testing.assert_allclose(ch01.sigmoid(-x), 1 - ch01.sigmoid(x), rtol=1e-10, atol=1e-15)


def test_sigmoid_derivative_agrees_with_autograd_and_central_differences():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 5)) * 3
    t = torch.from_numpy(x.copy()).requires_grad_(True)
    torch.sigmoid(t).sum().backward()
    np.testing.assert_allclose(ch01.sigmoid_derivative(x), t.grad.numpy(), rtol=1e-12, atol=0)
    h = 1e-6
    central = (ch01.sigmoid(x + h) - ch01.sigmoid(x - h)) / (2 * h)
    np.testing.assert_allclose(ch01.sigmoid_derivative(x), central, rtol=1e-7, atol=1e-10)


def test_image2vector_is_c_order():
    rng = np.random.default_rng(2)
    h, w, c = 4, 3, 2
    image = rng.random((h, w, c))
    v = ch01.image2vector(image)
    assert v.shape == (h * w * c, 1)
    for i in range(h):
        for j in range(w):
            for k in range(c):
                assert v[(i * w + j) * c + k, 0] == image[i, j, k]


def test_normalize_rows_agrees_with_torch_normalize():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    x = rng.standard_normal((5, 3)) * 4
    expected = torch.nn.functional.normalize(torch.from_numpy(x), p=2, dim=1).numpy()
    out = ch01.normalize_rows(x)
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(np.sqrt((out ** 2).sum(axis=1)), 1.0, rtol=1e-12)
    np.testing.assert_allclose(ch01.normalize_rows(np.array([[0., 3., 4.], [1., 6., 4.]]))[0], [0, 0.6, 0.8])


def test_losses_agree_with_torch_sum_reductions():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    rng = np.random.default_rng(4)
    yhat, y = rng.random(17), rng.random(17)
    tyhat, ty = torch.from_numpy(yhat), torch.from_numpy(y)
    assert abs(ch01.l1_loss(yhat, y) - F.l1_loss(tyhat, ty, reduction="sum").item()) < 1e-12
    assert abs(ch01.l2_loss(yhat, y) - F.mse_loss(tyhat, ty, reduction="sum").item()) < 1e-12
    yhat, y = np.array([.9, 0.2, 0.1, .4, .9]), np.array([1, 0, 0, 1, 1])    # deeplearning.ai's example
    assert "%.4f" % ch01.l1_loss(yhat, y) == "1.1000" and "%.4f" % ch01.l2_loss(yhat, y) == "0.4300"


def test_plot_sin_cos_figure_read_with_matplotlib():
    x = np.linspace(-3, 7, 41)
    fig = ch01.plot_sin_cos(x)
    try:
        assert isinstance(fig, Figure)
        (ax,) = fig.get_axes()
        lines = {line.get_label(): line for line in ax.get_lines()}
        np.testing.assert_array_equal(lines["sin"].get_xdata(), x)
        np.testing.assert_allclose(lines["sin"].get_ydata(), [np.sin(v) for v in x], rtol=1e-15)
        np.testing.assert_allclose(lines["cos"].get_ydata(), [np.cos(v) for v in x], rtol=1e-15)
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["sin", "cos"]
        assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("x", "y", "sin and cos")
    finally:
        plt.close(fig)


# ---------------------------------------------------------------------------------------------
# graders and probes: correct code written otherwise keeps full marks
# ---------------------------------------------------------------------------------------------

PLOTS = {
    "object API, labels in plot": ch01.plot_sin_cos,
}


def _plot(fn):
    PLOTS[fn.__name__.replace("_", " ")] = fn
    return fn


@_plot
def labels_given_to_ax_legend(x):
    fig, ax = plt.subplots()
    ax.plot(x, np.sin(x), 'r')
    ax.plot(x, np.cos(x), 'r')                    # the same style: only the recording tells them apart
    ax.legend(['sin', 'cos'])
    ax.set(xlabel='x', ylabel='y', title='sin and cos')
    return fig


@_plot
def one_plot_call_and_figure_legend_with_handles(x):
    fig, ax = plt.subplots(figsize=(4, 3))
    cos_line, = ax.plot(x, np.cos(x))
    sin_line, = ax.plot(x, np.sin(x))
    fig.legend([sin_line, cos_line], ['sin', 'cos'])
    ax.set_xlabel('x')
    ax.set_ylabel('y')
    fig.suptitle('sin and cos')                   # a figure title counts as the title
    return fig


@_plot
def two_curves_in_one_plot_call(x):
    fig = plt.figure()
    ax = fig.add_subplot()
    ax.plot(x, np.sin(x), x, np.cos(x))
    ax.axhline(0, color='k', linewidth=0.5)      # an extra, unlabelled line
    ax.legend(['sin', 'cos'], loc='upper right')
    ax.set_xlabel('x'), ax.set_ylabel('y'), ax.set_title('sin and cos')
    plt.show()
    return fig


@_plot
def figure_without_pyplot(x):
    fig = Figure()
    ax = fig.subplots()
    ax.plot(list(x), list(np.sin(x)), label='sin')
    ax.plot(x.astype(np.float32), np.cos(x).astype(np.float32), label='cos')
    ax.legend()
    ax.set_xlabel('x')
    ax.set_ylabel('y')
    ax.set_title('sin and cos')
    return fig


@_plot
def pyplot_state_machine_with_labels(x):
    plt.plot(x, np.sin(x), label='sin')           # draws on the current figure
    plt.plot(x, np.cos(x), label='cos')
    plt.legend()
    plt.xlabel('x')
    plt.ylabel('y')
    plt.title('sin and cos')
    fig = plt.gcf()
    plt.show()
    return fig


@pytest.mark.parametrize("name", list(PLOTS))
def test_every_way_of_labelling_the_lines_keeps_full_marks(name):
    namespace = dict(vars(ch01), plot_sin_cos=PLOTS[name])
    before = plt.get_fignums()
    for seed in (3, 4):
        assert _lost(_grade(namespace, "plot_sin_cos", seed)) == []
    assert plt.get_fignums() == before, "the probe must close every figure the calls opened"


def test_a_legend_pointing_at_the_wrong_lines_is_named_swapped():
    def plot_sin_cos(x):
        fig, ax = plt.subplots()
        sin_line, = ax.plot(x, np.sin(x), label='sin')
        cos_line, = ax.plot(x, np.cos(x), label='cos')
        ax.legend([cos_line, sin_line], ['sin', 'cos'])    # the legend's names win over plot's labels
        ax.set(xlabel='x', ylabel='y', title='sin and cos')
        return fig
    results = _grade(dict(vars(ch01), plot_sin_cos=plot_sin_cos), "plot_sin_cos")
    failed = {r.name: r.diagnosis for r in results if r.score < r.max_score}
    assert failed == {"test_plot_sin_cos_draws_both_curves": "ch01.plot_sin_cos.sin_and_cos_swapped",
                      "test_plot_sin_cos_on_random_points": "ch01.plot_sin_cos.sin_and_cos_swapped"}


def test_a_legend_made_before_the_call_is_matched_by_style():
    fig, ax = plt.subplots()
    x = np.linspace(0, 1, 5)
    ax.plot(x, x, color='b')
    ax.plot(x, -x, color='g', linestyle='--')
    ax.legend(['up', 'down'])
    try:
        answer = probes_ch01.describe_figure(probes_ch01._mpl(), fig, recorded=())
    finally:
        plt.close(fig)
    assert answer["legends"] == [[{"text": "up", "line": [0, 0]}, {"text": "down", "line": [0, 1]}]]


def test_wrong_titles_and_labels_lose_the_labels_test_only():
    def plot_sin_cos(x):
        fig, ax = plt.subplots()
        ax.plot(x, np.sin(x), label='sin')
        ax.plot(x, np.cos(x), label='cos')
        ax.legend()
        ax.set_title('Sine and Cosine')
        return fig
    results = _grade(dict(vars(ch01), plot_sin_cos=plot_sin_cos), "plot_sin_cos")
    assert [r.name for r in results if r.score < r.max_score] == ["test_plot_sin_cos_axis_labels_and_title"]


def test_greeter_written_otherwise_keeps_full_marks_and_a_function_is_not_a_class():
    class Greeter:
        def __init__(self, name):
            self.who = name

        def greet(self, loud=False):
            return ("Hello, " + self.who + "!").upper() if loud else "Hello, {}!".format(self.who)
    assert _lost(_grade(dict(vars(ch01), Greeter=Greeter), "Greeter")) == []

    def greeter_function(name):
        return "Hello, %s!" % name
    results = _grade(dict(vars(ch01), Greeter=greeter_function), "Greeter")
    assert all(r.score == 0 and "must be a class" in r.output for r in results)


def test_greet_that_returns_nothing_without_printing_names_no_mistake():
    class Greeter:
        def __init__(self, name):
            self.name = name

        def greet(self, loud=False):
            self.last = 'Hello, %s!' % self.name      # forgot the return, printed nothing
    results = _grade(dict(vars(ch01), Greeter=Greeter), "Greeter")
    assert all(r.score == 0 and r.diagnosis is None and "None" in r.output for r in results)


# ---------------------------------------------------------------------------------------------
# the notebook: in-notebook check and the real worker
# ---------------------------------------------------------------------------------------------

def test_check_cell_prints_only_to_stdout_and_leaves_no_figure(registered):
    from autograder.notebook_check import check
    namespace = dict(vars(ch01))
    before = plt.get_fignums()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        score = check("ch01", "plot_sin_cos", namespace, lang="en")
        hidden = check("ch01", "plot_sin_cos", namespace, hidden=True, lang="en")
    assert score == 3 and hidden == 5
    assert err.getvalue() == "" and "Check plot_sin_cos" in out.getvalue()
    assert plt.get_fignums() == before


def test_the_worker_grades_the_notebook_and_names_a_plotting_mistake(registered, tmp_path):
    from autograder.pipeline import grade_notebook
    from tools import submissions
    report = grade_notebook(submissions.write(submissions.perfect("ch01"), tmp_path / "ref.ipynb"), "ch01",
                            seed=5, lang="en")
    assert report.max_score > 0 and report.score == report.max_score, _lost(report.tests)
    nb = submissions.with_mistakes("ch01", ["ch01.plot_sin_cos.sin_and_cos_swapped", "ch01.Greeter.name_is_a_class_attribute"])
    report = grade_notebook(submissions.write(nb, tmp_path / "mistakes.ipynb"), "ch01", seed=5, lang="en")
    lost = {r.function for r in report.tests if r.score < r.max_score}
    named = {r.diagnosis for r in report.tests if r.diagnosis}
    assert lost == {"plot_sin_cos", "Greeter"}, _lost(report.tests)
    assert named == {"ch01.plot_sin_cos.sin_and_cos_swapped", "ch01.Greeter.name_is_a_class_attribute"}
