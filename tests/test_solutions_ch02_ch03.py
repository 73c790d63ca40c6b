"""Chapters 2 (PyTorch) and 3 (TensorFlow 2): the references against independent oracles, the
framework encoders and probes, and tampering that must change no verdict.

Oracles: NumPy formulas, hand-derived gradients checked by centred differences, gradient descent
simulated in float64 NumPy, least squares (`np.polyfit`) for a converged fit, the book's printed
figures on seeded data, and TensorBoard's own event reader for the summaries.

Seeded data that reproduce the book's figures (both chapters use y = 3x + 10 + 0.5·noise on
`linspace(-1, 1, 50)`):
  PyTorch (2.6.2)    torch.manual_seed(179), then x, y with torch.randn, then train 1000 epochs at
                     lr 5e-3: w = 2.785, b = 9.967, last loss 0.2100 (book: 2.80, 9.96, 0.2098)
  TensorFlow (3.6)   np.random.seed(35), y with np.random.randn, 500 iterations at 0.01 from
                     w1 = w0 = 0: loss 0.2300, w1 = 2.946, w0 = 9.953 (book: 0.2253, 2.94, 9.94)
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
tf = pytest.importorskip("tensorflow")

from autograder.worker import frameworks  # noqa: E402
from autograder.assignments import ASSIGNMENTS  # noqa: E402
from autograder.gradcheck import numerical_gradient  # noqa: E402
from autograder.grading import catalogue_of, collect, run_tests  # noqa: E402
from autograder.inprocess import InProcessStudent, roundtrip  # noqa: E402
from autograder.worker.protocol import Opaque, Tensor  # noqa: E402
from solutions import ch02, ch03  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
frameworks.install()


def _grade(chapter: str, namespace: dict, student=None, seed: int = 7):
    module = f"autograder.graders.{chapter}"
    return run_tests(collect(module), student or InProcessStudent(namespace), seed=seed,
                     catalogue=catalogue_of(module), lang="en")


def _by_function(results) -> dict:
    out: dict = {}
    for r in results:
        score, max_score = out.get(r.function, (0.0, 0.0))
        out[r.function] = (score + r.score, max_score + r.max_score)
    return out


# =============================================================================================
# chapter 2: the reference against oracles
# =============================================================================================

def test_ch02_tensor_ops_match_numpy():
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((3, 5)), rng.standard_normal((3, 5))
    total, product, matmul = ch02.tensor_ops(torch.from_numpy(a), torch.from_numpy(b))
    np.testing.assert_allclose(total.numpy(), a + b)
    np.testing.assert_allclose(product.numpy(), a * b)
    np.testing.assert_allclose(matmul.numpy(), a @ b.T)
    assert matmul.shape == (3, 3)


def test_ch02_numpy_bridge_shares_memory_both_ways():
    x = np.arange(6, dtype=np.float64).reshape(2, 3)
    t = ch02.numpy_bridge(x)
    assert isinstance(t, torch.Tensor) and t.dtype == torch.float64 and np.shares_memory(t.numpy(), x)
    np.add(x, 1, out=x)
    assert t[0, 0].item() == 1.0
    t.mul_(2)
    assert x[0, 0] == 2.0


def test_ch02_mean_grad_is_one_over_n_and_agrees_with_finite_differences():
    rng = np.random.default_rng(1)
    xv, yv = rng.standard_normal((4, 3)), rng.standard_normal((4, 3))
    x = torch.tensor(xv, requires_grad=True)
    y = torch.tensor(yv, requires_grad=True)
    dx, dy = ch02.mean_grad(x, y)
    np.testing.assert_allclose(dx.numpy(), np.full((4, 3), 1 / 12))      # hand-derived: d mean / d x_i = 1/n
    np.testing.assert_allclose(dy.numpy(), np.full((4, 3), 1 / 12))
    numeric = numerical_gradient(lambda v: np.mean(v + yv), xv)
    np.testing.assert_allclose(dx.numpy(), numeric, rtol=1e-6, atol=1e-9)


def test_ch02_vector_backward_gives_2_and_3_like_a_vector_jacobian_product():
    rng = np.random.default_rng(2)
    xv, yv = rng.standard_normal((2, 4)), rng.standard_normal((2, 4))
    x = torch.tensor(xv, requires_grad=True)
    y = torch.tensor(yv, requires_grad=True)
    dx, dy = ch02.vector_backward(x, y)
    np.testing.assert_allclose(dx.numpy(), np.full((2, 4), 2.0))
    np.testing.assert_allclose(dy.numpy(), np.full((2, 4), 3.0))
    # ones_like(z) as the gradient argument = the gradient of sum(z)
    np.testing.assert_allclose(numerical_gradient(lambda v: np.sum(2 * v + 3 * yv), xv), dx.numpy(), rtol=1e-6)
    np.testing.assert_allclose(numerical_gradient(lambda v: np.sum(2 * xv + 3 * v), yv), dy.numpy(), rtol=1e-6)


def test_ch02_no_grad_double_tracks_no_gradient_and_leaves_x_alone():
    x = torch.tensor([[1., -2.], [3., 0.5]], requires_grad=True)
    out = ch02.no_grad_double(x)
    assert not out.requires_grad and out.grad_fn is None
    np.testing.assert_allclose(out.numpy(), [[2., -4.], [6., 1.]])
    np.testing.assert_allclose(x.detach().numpy(), [[1., -2.], [3., 0.5]])


def test_ch02_linear_regression_is_w_x_plus_b():
    torch.manual_seed(3)
    model = ch02.LinearRegression()
    assert isinstance(model, torch.nn.Module) and isinstance(model.fc, torch.nn.Linear)
    assert (model.fc.in_features, model.fc.out_features) == (1, 1)
    assert sum(p.numel() for p in model.parameters()) == 2
    x = torch.linspace(-2, 2, 7).reshape(-1, 1)
    w, b = model.fc.weight.item(), model.fc.bias.item()
    np.testing.assert_allclose(model(x).detach().numpy(), w * x.numpy() + b, rtol=1e-6)


def _book_data_torch():
    torch.manual_seed(179)
    x = torch.unsqueeze(torch.linspace(-1, 1, 50), dim=1)
    y = 3 * x + 10 + 0.5 * torch.randn(x.size())
    return x, y


def test_ch02_training_lands_near_the_books_figures():
    x, y = _book_data_torch()
    model, losses = ch02.train_linear_regression(x, y, epochs=1000, lr=5e-3)
    w, b = model.fc.weight.item(), model.fc.bias.item()
    assert len(losses) == 1000 and all(type(v) is float for v in losses)
    assert abs(w - 2.80) < 0.03 and abs(b - 9.96) < 0.03         # book: w = 2.80, b = 9.96
    assert abs(losses[-1] - 0.2098) < 0.005                      # book: loss 0.209784 at epoch 1000
    assert abs(w - 3) < 0.25 and abs(b - 10) < 0.1
    assert all(a >= c for a, c in zip(losses, losses[1:]))       # full-batch GD at this rate only goes down


def test_ch02_training_follows_gradient_descent_simulated_in_numpy():
    from autograder.oracles import line_fit_descent
    rng = np.random.default_rng(4)
    xv = np.sort(rng.uniform(-2, 2, (40, 1)), axis=0)
    yv = -1.5 * xv + 4 + 0.3 * rng.standard_normal((40, 1))
    torch.manual_seed(11)
    init = ch02.LinearRegression()
    w0, b0 = init.fc.weight.item(), init.fc.bias.item()
    torch.manual_seed(11)
    model, losses = ch02.train_linear_regression(torch.tensor(xv, dtype=torch.float32),
                                                 torch.tensor(yv, dtype=torch.float32), epochs=150, lr=0.02)
    expected, w, b = line_fit_descent(xv, yv, w0, b0, 150, 0.02)
    np.testing.assert_allclose(losses, expected, rtol=1e-4)
    np.testing.assert_allclose([model.fc.weight.item(), model.fc.bias.item()], [w, b], rtol=1e-4)


def test_ch02_training_converges_to_least_squares():
    rng = np.random.default_rng(5)
    xv = rng.uniform(-1, 1, (60, 1))
    yv = 2.5 * xv - 1 + 0.2 * rng.standard_normal((60, 1))
    model, _ = ch02.train_linear_regression(torch.tensor(xv, dtype=torch.float32),
                                            torch.tensor(yv, dtype=torch.float32), epochs=3000, lr=0.3)
    slope, intercept = np.polyfit(xv.ravel(), yv.ravel(), 1)
    np.testing.assert_allclose([model.fc.weight.item(), model.fc.bias.item()], [slope, intercept], rtol=1e-4)


def test_ch02_torch_optim_sgd_step_matches_the_hand_derived_update():
    """The gradients autograd gives the training loop are the hand-derived MSE gradients."""
    xv = np.array([[-1.], [0.], [2.]])
    yv = np.array([[1.], [2.], [0.]])
    model = ch02.LinearRegression()
    w, b = model.fc.weight.item(), model.fc.bias.item()
    loss = torch.nn.MSELoss()(model(torch.tensor(xv, dtype=torch.float32)), torch.tensor(yv, dtype=torch.float32))
    loss.backward()
    r = w * xv + b - yv
    np.testing.assert_allclose(model.fc.weight.grad.item(), np.mean(2 * r * xv), rtol=1e-5)
    np.testing.assert_allclose(model.fc.bias.grad.item(), np.mean(2 * r), rtol=1e-5)


# =============================================================================================
# chapter 3: the reference against oracles
# =============================================================================================

def test_ch03_tf_tensor_ops_match_numpy():
    a = np.array([[1, 2], [3, 4]], np.float32)
    b = np.array([[5, 6], [7, 8]], np.float32)
    add, sub, mul, matmul = (t.numpy() for t in ch03.tf_tensor_ops(tf.constant(a), tf.constant(b)))
    np.testing.assert_array_equal(add, a + b)
    np.testing.assert_array_equal(sub, a - b)
    np.testing.assert_array_equal(mul, a * b)
    np.testing.assert_array_equal(matmul, [[19, 22], [43, 50]])


def test_ch03_f_eager_and_f_graph_give_23_and_f_graph_is_a_traced_graph():
    args = [tf.constant(v) for v in (3.0, 4.0, 2.0)]
    assert float(ch03.f_eager(*args)) == 23.0
    assert float(ch03.f_graph(*args)) == 23.0
    assert isinstance(ch03.f_graph, tf.types.experimental.PolymorphicFunction)
    ops = [op.type for op in ch03.f_graph.get_concrete_function(*args).graph.get_operations()]
    assert ops.count("Placeholder") == 3 and "Mul" in ops and "AddV2" in ops


def test_ch03_session_compute_runs_a_graph_with_placeholders():
    assert ch03.session_compute(3.0, 4.0) == pytest.approx(21.0)
    np.testing.assert_allclose(ch03.session_compute(np.array([1., 2.]), np.array([3., 4.])), [4., 12.])
    assert tf.executing_eagerly()     # the legacy graph did not leak into eager mode


def _book_data_tf():
    np.random.seed(35)
    x = np.linspace(-1, 1, 50)
    y = 3 * x + 10 + 0.5 * np.random.randn(x.shape[0])
    return x, y


def test_ch03_linear_regression_lands_near_the_books_figures():
    x, y = _book_data_tf()
    w1, w0, losses = ch03.linear_regression_tf(x, y, iterations=500, learning_rate=0.01)
    assert w1.shape == (1,) and w0.shape == (1,) and len(losses) == 500
    assert abs(losses[-1] - 0.2253) < 0.01            # book: loss 0.225258
    assert abs(w1[0] - 2.94) < 0.01                   # book: w1 2.938043
    assert abs(w0[0] - 9.94) < 0.02                   # book: w0 9.940149


def test_ch03_linear_regression_follows_gradient_descent_and_converges_to_least_squares():
    from autograder.oracles import line_fit_descent
    rng = np.random.default_rng(6)
    x = np.linspace(-1, 1, 30)
    y = -2 * x + 1 + 0.3 * rng.standard_normal(30)
    w1, w0, losses = ch03.linear_regression_tf(x, y, iterations=80, learning_rate=0.05)
    expected, e1, e0 = line_fit_descent(x, y, 0.0, 0.0, 80, 0.05)
    np.testing.assert_allclose(losses, expected, rtol=1e-4)
    np.testing.assert_allclose([w1[0], w0[0]], [e1, e0], rtol=1e-4)
    w1, w0, _ = ch03.linear_regression_tf(x, y, iterations=400, learning_rate=0.5)
    np.testing.assert_allclose([w1[0], w0[0]], np.polyfit(x, y, 1), rtol=1e-4)


def test_ch03_gradient_tape_gives_the_hand_derived_gradients():
    x = tf.constant([-1., 0., 2.])
    y = tf.constant([1., 2., 0.])
    w1, w0 = tf.Variable([0.5]), tf.Variable([-0.25])
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(w0 + w1 * x - y))
    dw1, dw0 = tape.gradient(loss, [w1, w0])
    r = 0.5 * x.numpy() - 0.25 - y.numpy()
    np.testing.assert_allclose(dw1.numpy(), [np.mean(2 * r * x.numpy())], rtol=1e-6)
    np.testing.assert_allclose(dw0.numpy(), [np.mean(2 * r)], rtol=1e-6)


def test_ch03_summary_is_read_back_by_tensorboard(tmp_path):
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    losses = [3.0, 2.0, 1.5, 1.25]
    ch03.write_loss_summary(str(tmp_path), losses)
    accumulator = EventAccumulator(str(tmp_path))
    accumulator.Reload()
    assert "loss" in accumulator.Tags()["tensors"]          # TF2 writes scalars as tensor summaries
    events = accumulator.Tensors("loss")
    assert [e.step for e in events] == [0, 1, 2, 3]
    assert [float(tf.make_ndarray(e.tensor_proto)) for e in events] == losses
    # the same through TensorFlow's summary_iterator
    files = list(tmp_path.glob("events.out.tfevents*"))
    values = [(e.step, float(tf.make_ndarray(v.tensor))) for f in files
              for e in tf.compat.v1.train.summary_iterator(str(f)) for v in e.summary.value]
    assert values == list(enumerate(losses))


# =============================================================================================
# encoders and probes
# =============================================================================================

def test_ch02_ch03_framework_tensors_cross_as_data():
    x = torch.ones(2, 3, requires_grad=True)
    t, v = roundtrip((x * 2, torch.nn.Parameter(torch.zeros(2))))
    assert isinstance(t, Tensor) and t.kind == "torch" and t.dtype == "float32" and t.requires_grad
    assert t.device == "cpu" and type(t.values) is np.ndarray and np.all(t.values == 2)
    assert isinstance(v, Tensor) and v.requires_grad
    c, var = roundtrip((tf.constant([1, 2]), tf.Variable([0.5], trainable=False)))
    assert c.kind == "tf" and c.dtype == "int32" and list(c.values) == [1, 2] and not c.requires_grad
    assert var.kind == "tf" and not var.requires_grad and var.values.tolist() == [0.5]
    graph = tf.Graph()
    with graph.as_default():
        symbolic = tf.compat.v1.placeholder(tf.float32) * 2
    assert roundtrip(symbolic).type_name == "tf.Tensor (symbolic)"
    assert roundtrip(ch03.f_graph) == Opaque("tf.function", "tf.function wrapping the Python function f_graph")
    assert isinstance(roundtrip(ch02.LinearRegression()), Opaque)


def test_ch02_ch03_worker_modules_import_no_framework_and_no_grader_code():
    code = ("import sys; import autograder.worker.serve, autograder.worker.probes; "
            "print(sorted(m for m in sys.modules if m.startswith('autograder') or m in ('torch', 'tensorflow')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    # only modules the sandbox carries (autograder.sandbox.WORKER_FILES: the worker subpackage), no framework
    loaded = set(eval(out))
    assert "autograder.worker.probes" in loaded
    assert all(m == "autograder" or m.startswith("autograder.worker") for m in loaded), loaded


def test_ch02_probes_report_missing_functions_and_student_exceptions():
    from autograder.worker.probes import PROBES

    def broken(x, y):
        raise ValueError("boom")

    assert PROBES["mean_grad"]({}, np.ones(2), np.ones(2)) == {"missing": "mean_grad"}
    answer = PROBES["mean_grad"]({"mean_grad": broken}, np.ones(2), np.ones(2))
    assert answer["error"]["etype"] == "ValueError" and answer["error"]["detail"] == "boom"


def test_ch03_session_probe_restores_session_run():
    from autograder.worker.probes import PROBES
    from tensorflow.python.client import session as session_lib
    before = session_lib.BaseSession.__dict__["run"]
    answer = PROBES["session_compute"](vars(ch03), 3.0, 4.0)
    assert answer["runs"] == [{"feeds": 2, "placeholders": 2}]
    assert session_lib.BaseSession.__dict__["run"] is before and "run" not in session_lib.Session.__dict__


# =============================================================================================
# tampering changes no verdict
# =============================================================================================

HOSTILE_CH02 = '''
def tensor_ops(a, b):
    torch.allclose = lambda *args, **kwargs: True
    torch.Tensor.numpy = lambda self, *args, **kwargs: torch.Tensor.detach(self).cpu().clone().zero_().numpy()
    return a + b, a * b, a @ b.T


class LinearRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)
        # make every module call look like the right layer, and seeding do nothing
        nn.Module.__call__ = lambda self, x: self.fc(x) if hasattr(self, "fc") else x
        torch.manual_seed = lambda seed: None

    def forward(self, x):
        return x
'''


def _hostile_program(chapter: str, hostile: str):
    from autograder.extract import extract
    from autograder.notebook import Cell, Notebook
    source = (ROOT / "solutions" / f"{chapter}.py").read_text(encoding="utf-8") + "\n" + hostile
    return extract(Notebook("hostile.ipynb", (Cell(0, 1, "code", source),), {})), source


def _check_hostile_ch02(results, diagnosis=True):
    scores = _by_function(results)
    assert scores["tensor_ops"][0] == scores["tensor_ops"][1]              # right answers stay right
    assert scores["LinearRegression"][0] == 0                              # the wrong forward is still wrong
    if diagnosis:  # in-process the catalogue's variants run under the patched nn.Module.__call__ too
        diagnoses = {r.diagnosis for r in results if r.function == "LinearRegression"}
        assert "ch02.LinearRegression.forward_returns_input" in diagnoses
    for function in ("mean_grad", "vector_backward", "no_grad_double", "numpy_bridge"):
        assert scores[function][0] == scores[function][1], function


def test_ch02_tampering_in_the_worker_changes_no_verdict():
    from autograder.worker_client import WorkerStudent
    from autograder.sandbox import default_launcher
    program, _ = _hostile_program("ch02", HOSTILE_CH02)
    with WorkerStudent(program, ASSIGNMENTS["ch02"], default_launcher()) as student:
        assert not student.load_report()
        results = _grade("ch02", {}, student)
    _check_hostile_ch02(results)


def test_ch02_tampering_in_process_changes_no_verdict():
    import autograder.worker.probes  # noqa: F401 - imported before the student's code, as in the worker
    saved = (torch.nn.Module.__call__, torch.allclose, torch.Tensor.numpy, torch.manual_seed)
    try:
        namespace: dict = {"__name__": "__student__"}
        exec(compile(_hostile_program("ch02", HOSTILE_CH02)[1], "<cell 1>", "exec"), namespace)
        results = _grade("ch02", namespace)
    finally:
        torch.nn.Module.__call__, torch.allclose, torch.Tensor.numpy, torch.manual_seed = saved
    _check_hostile_ch02(results, diagnosis=False)


HOSTILE_CH03 = '''
import numpy as np


def tf_tensor_ops(a, b):
    base = type(a).__mro__[1]
    if "saved" not in globals():
        globals()["saved"] = base.numpy
    base.numpy = lambda self: np.zeros(1, np.float32)                  # every tensor claims to be [0]
    tf.make_ndarray = lambda proto: np.zeros(())                       # summaries would read back as 0
    tf.TensorSpec = lambda *args, **kwargs: None                       # tracing a tf.function would fail
    return tf.add(a, b), tf.subtract(a, b), tf.multiply(a, b), tf.matmul(a, b)


def f_eager(a, b, c):
    type(a).__mro__[1].numpy = saved      # TensorFlow itself calls .numpy(): give the rest a working one
    return a * a + b * b + c
'''


def test_ch03_tampering_in_the_worker_changes_no_verdict():
    from autograder.worker_client import WorkerStudent
    from autograder.sandbox import default_launcher
    program, _ = _hostile_program("ch03", HOSTILE_CH03)
    with WorkerStudent(program, ASSIGNMENTS["ch03"], default_launcher()) as student:
        assert not student.load_report()
        results = _grade("ch03", {}, student)
    scores = _by_function(results)
    assert scores["f_eager"][0] == 0
    assert "ch03.f_eager.b_squared" in {r.diagnosis for r in results if r.function == "f_eager"}
    for function in ("tf_tensor_ops", "f_graph", "session_compute", "linear_regression_tf", "write_loss_summary"):
        assert scores[function][0] == scores[function][1], (function, [r.output for r in results
                                                                       if r.function == function])


# =============================================================================================
# correct code written differently keeps full marks
# =============================================================================================

@pytest.mark.parametrize("chapter", ["ch02", "ch03"])
def test_ch02_ch03_correct_code_written_differently_keeps_full_marks(chapter):
    import runpy
    namespace = runpy.run_path(str(ROOT / "tests" / "fair" / f"{chapter}.py"))
    results = _grade(chapter, namespace)
    assert [(r.name, r.output) for r in results if r.status != "passed"] == []


# =============================================================================================
# the chapters' notebooks and assignments
# =============================================================================================

@pytest.mark.parametrize("chapter", ["ch02", "ch03"])
def test_ch02_ch03_reference_in_the_worker_scores_full_marks(chapter):
    from autograder.worker_client import WorkerStudent
    from autograder.sandbox import default_launcher
    program, _ = _hostile_program(chapter, "")
    with WorkerStudent(program, ASSIGNMENTS[chapter], default_launcher()) as student:
        results = _grade(chapter, {}, student)
    assert [(r.name, r.output) for r in results if r.status != "passed"] == []


@pytest.mark.parametrize("chapter", ["ch02", "ch03"])
def test_ch02_ch03_notebook_spec_has_every_graded_function(chapter):
    from tools.nbbuild import build
    nb = build(chapter)
    graded = {t.function for t in collect(f"autograder.graders.{chapter}")}
    solutions = {c["metadata"]["nbgrader"]["grade_id"] for c in nb.cells
                 if c["metadata"].get("nbgrader", {}).get("solution")}
    checks = {c["metadata"]["nbgrader"]["grade_id"][len("test_"):] for c in nb.cells
              if c["metadata"].get("nbgrader", {}).get("grade")}
    assert graded == solutions == checks
