"""Chapter 2 graders: PyTorch tensors (2.3), autograd (2.4), nn and optim (2.5), linear regression (2.6).

The student's functions take torch tensors, which cannot cross the channel: every call goes through a
trusted probe (`autograder.worker.probes`) that builds the tensors next to the student's code and sends back
data (tensors arrive as `protocol.Tensor`).  Every expected value here is computed with NumPy from the
formulas (the linear regression by simulating full-batch gradient descent in float64), so a submission
that replaces `torch.allclose` or patches `nn.Module.__call__` cannot change a verdict.  The catalogued
mistakes run here, in the grader, through the same probes, to name what a wrong answer matches.
"""

import numpy as np

from autograder.worker import frameworks

frameworks.install()  # tensors in probe answers decode as protocol.Tensor (idempotent)

from autograder.compare import expect_close, expect_tensor, expect_tuple, fail  # noqa: E402
from autograder.diagnosis import identical, name_mistake, parts_of  # noqa: E402
from autograder.oracles import line_fit_descent  # noqa: E402
from autograder.results import Mismatch  # noqa: E402
from autograder.grading import graded  # noqa: E402
from autograder.probe_results import probe_answer, probe_variants  # noqa: E402
from autograder.mistakes.ch02 import catalogue  # noqa: E402
from autograder.worker.protocol import Tensor  # noqa: E402
from solutions import ch02 as ref  # noqa: E402

RTOL, ATOL = 1e-5, 1e-7          # float64 tensors built from the test's arrays
TRAIN_RTOL, TRAIN_ATOL = 1e-3, 1e-5   # float32 training against a float64 simulation


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def _tensor(value, what: str, diagnosis=None):
    return expect_tensor(value, "torch", what, diagnosis)


def _named_part(variants: dict, parts: dict, got: dict, expected: dict):
    """The mistake whose parts (name -> pick(answer)) explain the student's `got` (see autograder.diagnosis)."""
    return name_mistake(got, expected, parts_of(variants, lambda answer: {k: pick(answer) for k, pick in parts.items()}))


def _reference_init(seed: int):
    import torch
    torch.manual_seed(seed)
    model = ref.LinearRegression()
    return float(model.fc.weight.detach().reshape(-1)[0]), float(model.fc.bias.detach().reshape(-1)[0])


# ---------------------------------------------------------------------------------------------
# tensor_ops (2.3.2)
# ---------------------------------------------------------------------------------------------

def _check_tensor_ops(student, a, b):
    answer = probe_answer(student, "tensor_ops", "tensor_ops", a, b)
    variants = probe_variants(catalogue, ref, "tensor_ops", "tensor_ops", a, b)
    outs = expect_tuple(answer["result"], 3, "tensor_ops(a, b)")
    expected = (a + b, a * b, a @ b.T)
    for i, formula in enumerate(("a + b", "a * b", "a @ b.T")):
        what = f"tensor_ops(a, b)[{i}] ({formula})"
        expect_close(_tensor(outs[i], what), expected[i], what, rtol=RTOL, atol=ATOL,
                     mistakes=parts_of(variants, lambda v, i=i: v["result"][i].values))


@graded("tensor_ops", points=1, visible=True)
def test_tensor_ops_on_two_2x2_matrices(student):
    """tensor_ops: a + b, a * b and a @ b.T for a = [[1, 2], [3, 4]], b = [[5, 6], [7, 8]]"""
    _check_tensor_ops(student, np.array([[1., 2.], [3., 4.]]), np.array([[5., 6.], [7., 8.]]))


@graded("tensor_ops", points=2)
def test_tensor_ops_on_random_rectangular_matrices(student, rng):
    """tensor_ops: the three results on random (n, m) matrices, n != m"""
    n = int(rng.integers(2, 6))
    m = n + int(rng.integers(1, 4))
    _check_tensor_ops(student, rng.standard_normal((n, m)), rng.standard_normal((n, m)))


# ---------------------------------------------------------------------------------------------
# numpy_bridge (2.3.3)
# ---------------------------------------------------------------------------------------------

def _check_numpy_bridge(student, x):
    what = "numpy_bridge(x)"
    answer = probe_answer(student, "numpy_bridge", "numpy_bridge", x)
    variants = probe_variants(catalogue, ref, "numpy_bridge", "numpy_bridge", x)
    if not answer["is_tensor"]:
        wrong_type = {k: v for k, v in variants.items() if not v["is_tensor"] and v["type"] == answer["type"]}
        raise Mismatch("wrong_type", next(iter(wrong_type), None), what=what, got=answer["type"],
                       expected="torch.Tensor")
    tensors = {k: v for k, v in variants.items() if v["is_tensor"]}
    expect_close(answer["values"], x, what, rtol=RTOL, atol=ATOL, mistakes=parts_of(tensors, lambda v: v["values"]))
    expected_dtype = str(x.dtype)
    if answer["dtype"] != expected_dtype:
        diagnosis = next((k for k, v in tensors.items() if v["dtype"] == answer["dtype"]), None)
        fail("ch02.dtype", diagnosis, what=what, got=answer["dtype"], expected=expected_dtype)
    if not answer["shares_memory"]:
        diagnosis = next((k for k, v in tensors.items() if not v["shares_memory"] and v["dtype"] == answer["dtype"]),
                         None)
        fail("ch02.not_sharing_memory", diagnosis, what=what)


@graded("numpy_bridge", points=1, visible=True)
def test_numpy_bridge_shares_memory_with_a_small_array(student):
    """numpy_bridge: a tensor with the array's values and dtype that changes when the array does"""
    _check_numpy_bridge(student, np.array([[1., 2.], [3., 4.]]))


@graded("numpy_bridge", points=1)
def test_numpy_bridge_on_a_random_array(student, rng):
    """numpy_bridge: values, dtype and shared memory for a random float64 array"""
    shape = tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    _check_numpy_bridge(student, rng.standard_normal(shape))


# ---------------------------------------------------------------------------------------------
# autograd: mean_grad (2.4.1), vector_backward (2.4.2), no_grad_double (2.4.3)
# ---------------------------------------------------------------------------------------------

def _check_two_grads(student, function, x, y, expected_dx, expected_dy):
    answer = probe_answer(student, function, function, x, y)
    variants = probe_variants(catalogue, ref, function, function, x, y)
    grads = expect_tuple(answer["result"], 2, f"{function}(x, y)")
    for i, (name, expected) in enumerate((("x.grad", expected_dx), ("y.grad", expected_dy))):
        what = f"{function}(x, y)[{i}] ({name})"
        values = _tensor(grads[i], what)
        expect_close(values, expected, what, rtol=RTOL, atol=ATOL,
                     mistakes=parts_of(variants, lambda v, i=i: v["result"][i].values))


@graded("mean_grad", points=1, visible=True)
def test_mean_grad_on_3x2_tensors(student):
    """mean_grad: dz/dx and dz/dy of z = (x + y).mean() for 3x2 tensors (each 1/6)"""
    x = np.array([[1., 2.], [3., 4.], [5., 6.]])
    y = np.array([[0.5, -1.], [2., 0.], [-3., 1.5]])
    _check_two_grads(student, "mean_grad", x, y, np.full(x.shape, 1 / x.size), np.full(y.shape, 1 / y.size))


@graded("mean_grad", points=2)
def test_mean_grad_on_random_tensors(student, rng):
    """mean_grad: both gradients for random (n, m) tensors"""
    shape = (int(rng.integers(3, 7)), int(rng.integers(2, 7)))
    x, y = rng.standard_normal(shape), rng.standard_normal(shape)
    _check_two_grads(student, "mean_grad", x, y, np.full(shape, 1 / x.size), np.full(shape, 1 / y.size))


@graded("vector_backward", points=1, visible=True)
def test_vector_backward_on_2x2_tensors(student):
    """vector_backward: x.grad is all 2 and y.grad all 3 for z = 2x + 3y (2x2 tensors)"""
    x = np.array([[1., -2.], [0.5, 3.]])
    y = np.array([[2., 1.], [-1., 0.25]])
    _check_two_grads(student, "vector_backward", x, y, np.full(x.shape, 2.), np.full(y.shape, 3.))


@graded("vector_backward", points=2)
def test_vector_backward_on_random_tensors(student, rng):
    """vector_backward: both gradients for random (n, m) tensors"""
    shape = (int(rng.integers(2, 7)), int(rng.integers(2, 7)))
    x, y = rng.standard_normal(shape), rng.standard_normal(shape)
    _check_two_grads(student, "vector_backward", x, y, np.full(shape, 2.), np.full(shape, 3.))


def _check_no_grad_double(student, x):
    what = "no_grad_double(x)"
    answer = probe_answer(student, "no_grad_double", "no_grad_double", x)
    variants = probe_variants(catalogue, ref, "no_grad_double", "no_grad_double", x)
    result = answer["result"]
    values = _tensor(result, what)
    expect_close(values, 2 * x, what, rtol=RTOL, atol=ATOL,
                 mistakes=parts_of(variants, lambda v: v["result"].values))
    parts = {"input": lambda v: v["inputs"][0].values, "requires_grad": lambda v: float(v["result"].requires_grad)}
    got = {"input": answer["inputs"][0].values, "requires_grad": float(result.requires_grad)}
    if not identical(got["input"], x):
        fail("ch02.input_modified", _named_part(variants, parts, got, {**got, "input": x}))
    if result.requires_grad:
        fail("ch02.result_requires_grad", _named_part(variants, parts, got, {**got, "requires_grad": 0.0}), what=what)


@graded("no_grad_double", points=1, visible=True)
def test_no_grad_double_on_a_2x2_tensor(student):
    """no_grad_double: 2x with requires_grad False, x left unchanged (x = [[1, 2], [3, 4]])"""
    _check_no_grad_double(student, np.array([[1., 2.], [3., 4.]]))


@graded("no_grad_double", points=1)
def test_no_grad_double_on_a_random_tensor(student, rng):
    """no_grad_double: values, requires_grad and an unchanged input for a random tensor"""
    shape = (int(rng.integers(1, 6)), int(rng.integers(1, 6)))
    _check_no_grad_double(student, rng.standard_normal(shape) * 3)


# ---------------------------------------------------------------------------------------------
# LinearRegression (2.5.1): graded by what an instance does
# ---------------------------------------------------------------------------------------------

def _check_linear_regression(student, batch, seed):
    answer = probe_answer(student, "module_summary", "LinearRegression", "LinearRegression", batch, seed)
    variants = probe_variants(catalogue, ref, "LinearRegression", "module_summary", "LinearRegression", batch, seed)
    if not answer["is_module_class"]:
        fail("ch02.not_module_class", name="LinearRegression", got=answer["type"])
    fc = answer["fc"]
    if fc is None:
        fail("ch02.fc_missing", next((k for k, v in variants.items() if v["fc"] is None), None))
    if not fc["is_linear"] or (fc["in_features"], fc["out_features"]) != (1, 1):
        got = fc["type"] if not fc["is_linear"] else f"nn.Linear({fc['in_features']}, {fc['out_features']})"
        fail("ch02.fc_not_linear", got=got)
    if fc["bias"] is None:
        fail("ch02.fc_without_bias", next((k for k, v in variants.items() if v["fc"] and v["fc"]["bias"] is None), None))
    names = sorted(answer["parameters"])
    if answer["n_parameters"] != 2:
        fail("ch02.parameter_count", got=answer["n_parameters"], names=", ".join(names))
    w = float(np.asarray(fc["weight"]).reshape(-1)[0])
    b = float(np.asarray(fc["bias"]).reshape(-1)[0])
    expected = batch * w + b
    what = "LinearRegression()(x)"
    values = _tensor(answer["output"], what)
    expect_close(values, expected, what, rtol=1e-4, atol=1e-5,
                 mistakes=parts_of(variants, lambda v: v["output"].values))


@graded("LinearRegression", points=1, visible=True)
def test_linear_regression_is_one_linear_layer(student):
    """LinearRegression: an nn.Module whose fc = nn.Linear(1, 1) gives w * x + b for x of shape (5, 1)"""
    _check_linear_regression(student, np.array([[-10.], [-1.], [0.], [1.], [10.]]), seed=1)


@graded("LinearRegression", points=1)
def test_linear_regression_on_a_random_batch(student, rng):
    """LinearRegression: parameters, layer and output w * x + b on a random batch"""
    n = int(rng.integers(3, 20))
    batch = np.sort(rng.uniform(-10, 10, size=(n, 1)), axis=0)
    _check_linear_regression(student, batch, seed=int(rng.integers(0, 2**31 - 1)))


# ---------------------------------------------------------------------------------------------
# train_linear_regression (2.5.2, 2.6.2): a short training run, simulated in NumPy
# ---------------------------------------------------------------------------------------------

def _train(student, x, y, epochs, lr, seed):
    """(answer, expected losses, w, b, variants) of a training run."""
    answer = probe_answer(student, "train_linear_regression", "train_linear_regression", x, y, epochs, lr, seed)
    variants = probe_variants(catalogue, ref, "train_linear_regression", "train_linear_regression", x, y, epochs, lr, seed)
    if not answer["pair"]:
        fail("ch02.train_not_pair", got=answer["returned"])
    if not answer["is_module"]:
        fail("ch02.train_model_not_module", got=answer["model_type"])
    if answer["losses"] is None:
        fail("ch02.losses_not_numbers", got=answer["losses_problem"])
    initial = answer["initial"] or {}
    w0, b0 = (initial["weight"], initial["bias"]) if initial else _reference_init(seed)
    losses, w, b = line_fit_descent(x, y, w0, b0, epochs, lr)
    if len(answer["losses"]) != epochs:
        diagnosis = next((k for k, v in variants.items()
                          if v.get("losses") is not None and len(v["losses"]) == len(answer["losses"])), None)
        fail("ch02.losses_length", diagnosis, got=len(answer["losses"]), expected=epochs)
    if answer.get("params_changed") is False and epochs > 0:
        diagnosis = next((k for k, v in variants.items() if v.get("params_changed") is False), None)
        fail("ch02.params_not_updated", diagnosis, epochs=epochs)
    expect_close(answer["losses"], losses, "losses", rtol=TRAIN_RTOL, atol=TRAIN_ATOL,
                 mistakes=parts_of(variants, lambda v: v["losses"]))
    return answer, w, b, variants


def _check_fitted_line(answer, w, b, variants):
    if answer["weight"] is None or answer["bias"] is None:
        fail("ch02.model_not_linear")
    expect_close(answer["weight"], w, "model.fc.weight (w)", rtol=TRAIN_RTOL, atol=TRAIN_ATOL,
                 mistakes=parts_of(variants, lambda v: v["weight"]))
    expect_close(answer["bias"], b, "model.fc.bias (b)", rtol=TRAIN_RTOL, atol=TRAIN_ATOL,
                 mistakes=parts_of(variants, lambda v: v["bias"]))


def _book_data():
    """The book's data set: y = 3x + 10 + 0.5 * noise on 50 points of [-1, 1], as (50, 1) arrays."""
    x = np.linspace(-1, 1, 50).reshape(-1, 1)
    y = 3 * x + 10 + 0.5 * np.random.default_rng(2).standard_normal(x.shape)
    return x, y


@graded("train_linear_regression", points=2, visible=True)
def test_train_linear_regression_on_the_books_data(student):
    """train_linear_regression: losses, w and b after 200 epochs at lr 5e-3 on y = 3x + 10 + 0.5·noise"""
    x, y = _book_data()
    answer, w, b, variants = _train(student, x, y, epochs=200, lr=5e-3, seed=0)
    _check_fitted_line(answer, w, b, variants)


@graded("train_linear_regression", points=2)
def test_train_linear_regression_on_a_random_line(student, rng):
    """train_linear_regression: losses, w and b on a random line, number of epochs and learning rate"""
    m = int(rng.integers(20, 80))
    x = np.sort(rng.uniform(-2, 2, size=(m, 1)), axis=0)
    y = rng.uniform(-5, 5) * x + rng.uniform(-5, 5) + rng.uniform(0.1, 1.0) * rng.standard_normal((m, 1))
    answer, w, b, variants = _train(student, x, y, epochs=int(rng.integers(50, 300)),
                                    lr=float(rng.uniform(1e-3, 2e-2)), seed=int(rng.integers(0, 2**31 - 1)))
    _check_fitted_line(answer, w, b, variants)


@graded("train_linear_regression", points=1)
def test_train_linear_regression_returns_the_trained_model(student, rng):
    """train_linear_regression: the returned model predicts w * x + b with the trained w and b"""
    m = int(rng.integers(10, 40))
    x = np.sort(rng.uniform(-1, 1, size=(m, 1)), axis=0)
    y = rng.uniform(1, 4) * x + rng.uniform(5, 10) + 0.3 * rng.standard_normal((m, 1))
    epochs, lr = int(rng.integers(100, 200)), float(rng.uniform(5e-3, 2e-2))
    answer, w, b, variants = _train(student, x, y, epochs=epochs, lr=lr, seed=int(rng.integers(0, 2**31 - 1)))
    what = "model(x)"
    expect_close(_tensor(answer["predictions"], what), w * x + b, what, rtol=TRAIN_RTOL, atol=TRAIN_ATOL,
                 mistakes=parts_of(variants, lambda v: v["predictions"].values))
