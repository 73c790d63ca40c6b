"""Chapter 3 graders: TensorFlow tensors (3.3), graphs as tf.function (3.4), the legacy Session (3.5),
linear regression with GradientTape (3.6) and TensorBoard summaries (3.7).

Functions that take tensors, `f_graph` (which must be a real `tf.function`), `session_compute` (whose
`Session.run` calls are recorded) and `write_loss_summary` (whose event file is read back) are graded
through trusted probes (`autograder.worker.probes`) that run next to the student's code and send back data.
Expected values are computed with NumPy (the regression by simulating gradient descent in float64), so
nothing a submission does to TensorFlow changes a verdict.  TensorFlow is imported once, here, to run
the catalogued mistakes through the same probes.
"""

import numpy as np

from autograder.worker import frameworks

frameworks.install()  # tensors in answers decode as protocol.Tensor (idempotent)

from autograder.compare import (expect_close, expect_equal, expect_not_none, expect_tensor, expect_tuple,  # noqa: E402
                                fail, type_name)
from autograder.diagnosis import parts_of  # noqa: E402
from autograder.oracles import line_fit_descent  # noqa: E402
from autograder.results import Mismatch, student_error  # noqa: E402
from autograder.grading import graded  # noqa: E402
from autograder.probe_results import probe_answer, probe_variants  # noqa: E402
from autograder.mistakes.ch03 import catalogue  # noqa: E402
from autograder.worker.protocol import Opaque, Tensor  # noqa: E402
from solutions import ch03 as ref  # noqa: E402

RTOL, ATOL = 1e-5, 1e-6                # float32 tensors
TRAIN_RTOL, TRAIN_ATOL = 1e-3, 1e-5    # float32 training against a float64 simulation


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def _tensor(value, what: str) -> np.ndarray:
    return expect_tensor(value, "tf", what)


def _numbers(value):
    """Numbers as an array: a tensor's values, an array, a number (a variant's output too)."""
    if isinstance(value, Tensor):
        return value.values
    if isinstance(value, (list, tuple)):
        return [_numbers(v) for v in value]
    if hasattr(value, "numpy") and callable(value.numpy):  # a variant's tf tensor, run in this process
        return value.numpy()
    return value


# ---------------------------------------------------------------------------------------------
# tf_tensor_ops (3.3.2)
# ---------------------------------------------------------------------------------------------

def _check_tf_tensor_ops(student, a, b):
    answer = probe_answer(student, "tf_tensor_ops", "tf_tensor_ops", a, b)
    variants = probe_variants(catalogue, ref, "tf_tensor_ops", "tf_tensor_ops", a, b)
    outs = expect_tuple(answer["result"], 4, "tf_tensor_ops(a, b)")
    expected = (a + b, a - b, a * b, a @ b)
    for i, name in enumerate(("add", "subtract", "multiply", "matmul")):
        what = f"tf_tensor_ops(a, b)[{i}] ({name})"
        expect_close(_tensor(outs[i], what), expected[i], what, rtol=RTOL, atol=ATOL,
                     mistakes=parts_of(variants, lambda v, i=i: v["result"][i].values))


@graded("tf_tensor_ops", points=1, visible=True)
def test_tf_tensor_ops_on_the_books_matrices(student):
    """tf_tensor_ops: add, subtract, multiply and matmul of [[1, 2], [3, 4]] and [[5, 6], [7, 8]]"""
    _check_tf_tensor_ops(student, np.array([[1, 2], [3, 4]], np.float32), np.array([[5, 6], [7, 8]], np.float32))


@graded("tf_tensor_ops", points=2)
def test_tf_tensor_ops_on_random_square_matrices(student, rng):
    """tf_tensor_ops: the four results on random (n, n) float32 matrices"""
    n = int(rng.integers(2, 7))
    a = rng.standard_normal((n, n)).astype(np.float32)
    b = rng.standard_normal((n, n)).astype(np.float32)
    _check_tf_tensor_ops(student, a, b)


# ---------------------------------------------------------------------------------------------
# f_eager and f_graph (3.4)
# ---------------------------------------------------------------------------------------------

def _f(a, b, c):
    a, b, c = (np.asarray(v, np.float64) for v in (a, b, c))
    return a * a + a * b + c


def _check_f_eager(student, a, b, c):
    answer = probe_answer(student, "f_eager", "f_eager", a, b, c)
    variants = probe_variants(catalogue, ref, "f_eager", "f_eager", a, b, c)
    what = "f_eager(a, b, c)"
    expect_close(_tensor(answer["result"], what), _f(a, b, c), what, rtol=RTOL, atol=ATOL,
                 mistakes=parts_of(variants, lambda v: v["result"].values))


@graded("f_eager", points=1, visible=True)
def test_f_eager_on_the_books_numbers(student):
    """f_eager: a*a + a*b + c is 23 for a = 3, b = 4, c = 2"""
    _check_f_eager(student, *(np.float32(v) for v in (3, 4, 2)))


@graded("f_eager", points=1)
def test_f_eager_on_random_vectors(student, rng):
    """f_eager: a*a + a*b + c element-wise on random float32 vectors"""
    n = int(rng.integers(2, 10))
    _check_f_eager(student, *(rng.standard_normal(n).astype(np.float32) for _ in range(3)))


def _check_f_graph(student, a, b, c):
    answer = probe_answer(student, "is_tf_function", "f_graph", "f_graph", a, b, c)
    variants = probe_variants(catalogue, ref, "f_graph", "is_tf_function", "f_graph", a, b, c)
    if not answer["is_tf_function"]:
        diagnosis = next((k for k, v in variants.items() if not v["is_tf_function"]), None)
        fail("ch03.not_tf_function", diagnosis, name="f_graph", got=answer["type"])
    error = answer["trace_error"] or answer["call_error"]
    if error and error.get("kind") != "exception":   # NotImplementedError, sys.exit, MemoryError, ...
        raise student_error("f_graph", error)
    if error:
        diagnosis = next((k for k, v in variants.items()
                          if (v["trace_error"] or v["call_error"] or {}).get("etype") == error.get("etype")), None)
        fail("ch03.tf_function_failed", diagnosis, name="f_graph", etype=error.get("etype"),
             detail=str(error.get("detail", ""))[:200])
    what = "f_graph(a, b, c)"
    expect_close(_tensor(answer["result"], what), _f(a, b, c), what, rtol=RTOL, atol=ATOL,
                 mistakes=parts_of(variants, lambda v: v["result"].values))


@graded("f_graph", points=1, visible=True)
def test_f_graph_is_a_tf_function_giving_23(student):
    """f_graph: a real tf.function whose graph gives 23 for a = 3, b = 4, c = 2"""
    _check_f_graph(student, *(np.float32(v) for v in (3, 4, 2)))


@graded("f_graph", points=1)
def test_f_graph_on_random_vectors(student, rng):
    """f_graph: a tf.function computing a*a + a*b + c on random float32 vectors"""
    n = int(rng.integers(2, 10))
    _check_f_graph(student, *(rng.standard_normal(n).astype(np.float32) for _ in range(3)))


# ---------------------------------------------------------------------------------------------
# session_compute (3.4-3.5, legacy tf.compat.v1)
# ---------------------------------------------------------------------------------------------

def _check_session_compute(student, a, b):
    what = "session_compute(a_value, b_value)"
    answer = probe_answer(student, "session_compute", "session_compute", a, b)
    variants = probe_variants(catalogue, ref, "session_compute", "session_compute", a, b)
    result = answer["result"]
    if isinstance(result, Opaque) and "symbolic" in result.type_name:
        diagnosis = next((k for k, v in variants.items()
                          if isinstance(v["result"], Opaque) and "symbolic" in v["result"].type_name), None)
        fail("ch03.graph_not_run", diagnosis, what=what, summary=result.summary)
    expected = np.asarray(a, np.float64) ** 2 + np.asarray(a, np.float64) * np.asarray(b, np.float64)
    expect_close(_numbers(result), expected, what, rtol=RTOL, atol=ATOL,
                 mistakes=parts_of(variants, lambda v: _numbers(v["result"])))
    runs = answer["runs"]
    if not runs:
        fail("ch03.no_session_run", next((k for k, v in variants.items()
                                          if not v["runs"] and not isinstance(v["result"], Opaque)), None))
    if not any(r["feeds"] and r["placeholders"] for r in runs):
        diagnosis = next((k for k, v in variants.items()
                          if v["runs"] and not any(r["feeds"] and r["placeholders"] for r in v["runs"])), None)
        fail("ch03.no_feed_dict", diagnosis)


@graded("session_compute", points=1, visible=True)
def test_session_compute_feeds_3_and_4(student):
    """session_compute: a Session run with placeholders fed 3.0 and 4.0 gives 21"""
    _check_session_compute(student, 3.0, 4.0)


@graded("session_compute", points=2)
def test_session_compute_on_random_vectors(student, rng):
    """session_compute: a*a + a*b for random vectors fed through feed_dict"""
    n = int(rng.integers(2, 8))
    _check_session_compute(student, rng.standard_normal(n).astype(np.float32),
                           rng.standard_normal(n).astype(np.float32))


# ---------------------------------------------------------------------------------------------
# linear_regression_tf (3.6): simulated in NumPy
# ---------------------------------------------------------------------------------------------

def _check_linear_regression_tf(student, mistakes, x, y, iterations, lr):
    call = f"linear_regression_tf(x, y, {iterations}, {lr:g})"
    w1, w0, losses = expect_tuple(student.linear_regression_tf(x, y, iterations, lr), 3, call)
    outputs = mistakes(x, y, iterations, lr, pick=lambda out: tuple(_numbers(v) for v in out))
    expected_losses, expected_w1, expected_w0 = line_fit_descent(x, y, 0.0, 0.0, iterations, lr)
    losses = _numbers(losses)
    expect_not_none(losses, "losses")
    if not isinstance(losses, (list, tuple, np.ndarray)) or len(losses) != iterations:
        got = len(losses) if isinstance(losses, (list, tuple, np.ndarray)) else type_name(losses)
        raise Mismatch("wrong_length" if isinstance(got, int) else "wrong_type", what="losses", got=got,
                       expected=iterations if isinstance(got, int) else f"list of {iterations} numbers")
    try:
        losses = np.asarray([np.asarray(v, np.float64).reshape(()) for v in losses])
    except (TypeError, ValueError):
        raise Mismatch("wrong_type", what="losses", got="list of non-numbers",
                       expected=f"list of {iterations} numbers") from None
    expect_close(losses, expected_losses, "losses", rtol=TRAIN_RTOL, atol=TRAIN_ATOL,
                 mistakes=parts_of(outputs, lambda o: np.asarray(o[2], np.float64).reshape(-1)))
    for name, got, expected, i in (("w1", w1, expected_w1, 0), ("w0", w0, expected_w0, 1)):
        expect_close(_numbers(got), expected, name, rtol=TRAIN_RTOL, atol=TRAIN_ATOL,
                     mistakes=parts_of(outputs, lambda o, i=i: np.asarray(o[i], np.float64).reshape(())))


def _book_data():
    """The book's data: y = 3x + 10 + 0.5 * noise on 50 points of [-1, 1] (np.random.seed(35))."""
    x = np.linspace(-1, 1, 50)
    y = 3 * x + 10 + 0.5 * np.random.RandomState(35).randn(50)
    return x, y


@graded("linear_regression_tf", points=2, visible=True)
def test_linear_regression_tf_on_the_books_data(student, mistakes):
    """linear_regression_tf: losses, w1 and w0 after 60 iterations at learning rate 0.01 on the book's data"""
    x, y = _book_data()
    _check_linear_regression_tf(student, mistakes, x, y, 60, 0.01)


@graded("linear_regression_tf", points=3)
def test_linear_regression_tf_on_a_random_line(student, mistakes, rng):
    """linear_regression_tf: losses, w1 and w0 on a random line, number of iterations and learning rate"""
    m = int(rng.integers(20, 60))
    x = np.linspace(-1, 1, m) * rng.uniform(0.5, 1.5)
    y = rng.uniform(-5, 5) * x + rng.uniform(-5, 5) + rng.uniform(0.1, 1.0) * rng.standard_normal(m)
    _check_linear_regression_tf(student, mistakes, x, y, int(rng.integers(30, 100)), float(rng.uniform(0.02, 0.08)))


# ---------------------------------------------------------------------------------------------
# write_loss_summary (3.7): the event file read back
# ---------------------------------------------------------------------------------------------

def _check_write_loss_summary(student, losses):
    answer = probe_answer(student, "write_loss_summary", "write_loss_summary", losses)
    variants = probe_variants(catalogue, ref, "write_loss_summary", "write_loss_summary", losses)
    if not answer["event_files"]:
        fail("ch03.no_event_file", next((k for k, v in variants.items() if not v["event_files"]), None))
    scalars = answer["scalars"]
    if "loss" not in scalars:
        diagnosis = next((k for k, v in variants.items() if v["event_files"] and "loss" not in v["scalars"]), None)
        fail("ch03.summary_tag_missing", diagnosis, tags=", ".join(sorted(scalars)) or "-")
    written = {k: v["scalars"]["loss"] for k, v in variants.items() if "loss" in v["scalars"]}
    expect_equal(list(scalars["loss"]["steps"]), list(range(len(losses))), "step list of the 'loss' scalars",
                 mistakes=parts_of(written, lambda w: list(w["steps"])))
    expect_close(np.asarray(scalars["loss"]["values"]), np.asarray(losses, np.float64), "the 'loss' values read back",
                 rtol=1e-6, atol=1e-7, mistakes=parts_of(written, lambda w: np.asarray(w["values"])))


@graded("write_loss_summary", points=1, visible=True)
def test_write_loss_summary_of_four_losses(student):
    """write_loss_summary: TensorBoard reads 'loss' = 3.0, 2.0, 1.5, 1.2 at steps 0-3"""
    _check_write_loss_summary(student, [3.0, 2.0, 1.5, 1.2])


@graded("write_loss_summary", points=2)
def test_write_loss_summary_of_random_losses(student, rng):
    """write_loss_summary: steps and values of a random loss curve read back from the event file"""
    n = int(rng.integers(5, 30))
    losses = np.sort(rng.uniform(0.1, 50.0, size=n))[::-1]
    _check_write_loss_summary(student, [float(np.float32(v)) for v in losses])
