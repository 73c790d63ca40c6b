"""Chapter 8 graders: the conv layer from scratch (8.3-8.6), LeNet-5 in PyTorch (8.8), a CNN in Keras (8.9).

NumPy part: every function is compared with the reference on the same inputs (layout (m, n_H, n_W,
n_C), heights and widths differ so that a swap shows), with float32-safe tolerances; the catalogue
names the mistake.  Hidden sizes are small, so the book's four nested loops answer each call in a
few milliseconds.  A function built on the student's other functions (`conv_forward` on
`conv_output_size`, `zero_pad` and `conv_single_step`, `pool_forward` on `conv_output_size`,
`pool_backward` on the mask and `distribute_value`) is graded around them when they are wrong;
`conv_backward` is also accepted on the student's own cache.

PyTorch and Keras part: models cannot cross the channel, so the trusted probes of
`autograder.worker.probes_ch08` run next to the student's classes and functions and answer plain
data.  The expected answer is the same probe run here on the reference, and each catalogued
mistake's answer comes from the same probe run on that variant (`probe_variants`).  Weights are
filled by the probes from their shapes (`fill_by_shape`), so the student's model, the reference and
the variants compute with the same numbers; a grading run never trains to convergence.
"""
from __future__ import annotations

import numpy as np

from autograder.worker import frameworks

frameworks.install()  # tensors in probe answers decode as protocol.Tensor (idempotent)

import autograder.worker.probes_ch08  # noqa: E402,F401  (registers the chapter's probes in-process)
from autograder.catalogue import LazyOutputs  # noqa: E402
from autograder.composite import try_call  # noqa: E402
from autograder.compare import (as_float_array, expect_array, expect_close, expect_dict, expect_equal, expect_parts,
                                expect_tuple, fail, scaled_atol)  # noqa: E402
from autograder.diagnosis import accepted, identical, name_mistake, parts_of  # noqa: E402
from autograder.gradcheck import expect_gradient, is_float32, numerical_gradient  # noqa: E402
from autograder.grading import graded  # noqa: E402
from autograder.mistakes.ch08 import catalogue, reference_probe  # noqa: E402
from autograder.probe_results import probe_answer_beside, probe_variants  # noqa: E402
from autograder.results import Mismatch, student_error  # noqa: E402
from solutions import ch08 as ref  # noqa: E402

WARM_UP = ("torch._dynamo",)   # imported by the first optimizer of a reference training (autograder.grading)
RTOL = 1e-4   # float32-safe: a correct float32, einsum or im2col version passes


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def _over_cases(mistakes, cases):
    """{mistake id: [its output on each case]} for the variants that ran on every case."""
    def compute():
        per_case = [dict(mistakes(*case)) for case in cases]
        common = set.intersection(*(set(o) for o in per_case)) if per_case else set()
        return {mid: [o[mid] for o in per_case] for mid in common}
    return LazyOutputs(compute)


def _atol(*arrays, relative=1e-5):
    return max(scaled_atol(a, relative) for a in arrays)


def _random_image_batch(rng, m, n_H, n_W, n_C):
    return rng.standard_normal((m, n_H, n_W, n_C))


def _different_sizes(rng, low, high):
    """Two different sizes in [low, high): a height and a width."""
    n_H = int(rng.integers(low, high))
    n_W = int(rng.choice([n for n in range(low, high) if n != n_H]))
    return n_H, n_W


def _conv_problem(rng, pad, stride, m=None):
    """A random conv layer's inputs: non-square images, f >= 2, at least two kernels."""
    m = m or int(rng.integers(2, 4))
    n_H_prev, n_W_prev = _different_sizes(rng, 4, 9)
    n_C_prev, n_C = int(rng.integers(1, 4)), int(rng.integers(2, 4))
    f = int(rng.integers(2, min(4, min(n_H_prev, n_W_prev) + 2 * pad) + 1))
    A_prev = _random_image_batch(rng, m, n_H_prev, n_W_prev, n_C_prev)
    W = rng.standard_normal((f, f, n_C_prev, n_C)) * 0.5
    b = rng.standard_normal((1, 1, 1, n_C))
    return A_prev, W, b, {"stride": stride, "pad": pad}


# ---------------------------------------------------------------------------------------------
# 8.3.3-8.3.4 conv_output_size
# ---------------------------------------------------------------------------------------------

def _check_conv_output_size(student, mistakes, cases):
    got = [student.conv_output_size(*case) for case in cases]
    for value, case in zip(got, cases):
        if not isinstance(value, (int, float, np.integer, np.floating)) or isinstance(value, bool):
            as_float_array(value, f"conv_output_size{case}", "int")
    expected = np.array([ref.conv_output_size(*case) for case in cases])
    what = "[conv_output_size(n, f, pad, stride) for (n, f, pad, stride) in " + str(cases) + "]"
    expect_equal(np.array(got, dtype=np.float64), expected, what, mistakes=_over_cases(mistakes, cases))


@graded("conv_output_size", points=1, visible=True)
def test_conv_output_size_on_five_layers(student, mistakes):
    """conv_output_size: five (n, f, pad, stride) cases, with and without padding, stride 1 and 2"""
    _check_conv_output_size(student, mistakes, [(6, 3, 0, 1), (7, 3, 1, 2), (28, 5, 0, 1), (8, 3, 0, 2), (5, 2, 1, 2)])


@graded("conv_output_size", points=1)
def test_conv_output_size_on_random_layers(student, rng, mistakes):
    """conv_output_size: random sizes, kernels, paddings and strides (some not dividing evenly)"""
    cases = []
    while len(cases) < 8:
        n, pad, stride = int(rng.integers(5, 40)), int(rng.integers(0, 4)), int(rng.integers(1, 5))
        f = int(rng.integers(1, min(n, 7) + 1))
        cases.append((n, f, pad, stride))
    cases[0] = (cases[0][0] | 1, 2, 1, 2)   # odd n + 2p - f: floor and true division differ
    _check_conv_output_size(student, mistakes, cases)


# ---------------------------------------------------------------------------------------------
# 8.3.3 zero_pad
# ---------------------------------------------------------------------------------------------

def _check_zero_pad(student, mistakes, X, pad):
    what = f"zero_pad(X, {pad})"
    expect_close(student.zero_pad(X, pad), ref.zero_pad(X, pad), what, mistakes=mistakes(X, pad), rtol=0, atol=0)


@graded("zero_pad", points=1, visible=True)
def test_zero_pad_small_batch(student, mistakes):
    """zero_pad: X of shape (2, 3, 2, 2) padded by 1 on the height and width axes only"""
    X = np.arange(1, 25, dtype=float).reshape(2, 3, 2, 2)
    _check_zero_pad(student, mistakes, X, 1)


@graded("zero_pad", points=1)
def test_zero_pad_random_batch(student, rng, mistakes):
    """zero_pad: a random batch and padding width"""
    n_H, n_W = _different_sizes(rng, 2, 7)
    X = _random_image_batch(rng, int(rng.integers(1, 4)), n_H, n_W, int(rng.integers(1, 4)))
    _check_zero_pad(student, mistakes, X, int(rng.integers(1, 4)))


# ---------------------------------------------------------------------------------------------
# 8.3.1 conv_single_step
# ---------------------------------------------------------------------------------------------

def _check_conv_single_step(student, mistakes, a, W, b):
    expected = ref.conv_single_step(a, W, b)
    expect_close(student.conv_single_step(a, W, b), expected, "conv_single_step(a_slice_prev, W, b)",
                 mistakes=mistakes(a, W, b), rtol=RTOL, atol=_atol(expected))


@graded("conv_single_step", points=1, visible=True)
def test_conv_single_step_one_window(student, mistakes):
    """conv_single_step: one 3x3x2 window, kernel and bias"""
    rng = np.random.default_rng(8)
    a = np.round(rng.standard_normal((3, 3, 2)), 2)
    W = np.round(rng.standard_normal((3, 3, 2)), 2)
    _check_conv_single_step(student, mistakes, a, W, np.array([[[-0.5]]]))


@graded("conv_single_step", points=1)
def test_conv_single_step_random_window(student, rng, mistakes):
    """conv_single_step: a random window size, channel count, kernel and bias"""
    f, n_C = int(rng.integers(2, 6)), int(rng.integers(1, 5))
    _check_conv_single_step(student, mistakes, rng.standard_normal((f, f, n_C)), rng.standard_normal((f, f, n_C)),
                            rng.standard_normal((1, 1, 1)))


# ---------------------------------------------------------------------------------------------
# 8.3.5 conv_forward
# ---------------------------------------------------------------------------------------------

CONV_WHAT = {"Z": "Z", "A_prev": "cache[0] (A_prev)", "W": "cache[1] (W)", "b": "cache[2] (b)"}


def _conv_parts(out):
    Z, cache = out
    return {"Z": Z, "A_prev": cache[0], "W": cache[1], "b": cache[2]}


def _expect_hparameters(got, expected: dict, what: str):
    got = expect_dict(got, list(expected), what)
    for k, v in expected.items():
        expect_equal(got[k], v, f"{what}['{k}']")


def _check_conv_forward(student, mistakes, A_prev, W, b, hp):
    call = "conv_forward(A_prev, W, b, hparameters)"
    Z, cache = expect_tuple(student.conv_forward(A_prev, W, b, hp), 2, call)
    cache = expect_tuple(cache, 4, "cache")
    expected = ref.conv_forward(A_prev, W, b, hp)
    expect_parts(_conv_parts((Z, cache)), _conv_parts(expected), mistakes(A_prev, W, b, hp), _conv_parts, CONV_WHAT,
                 rtol=RTOL, atol=_atol(expected[0]))
    _expect_hparameters(cache[3], hp, "cache[3] (hparameters)")


@graded("conv_forward", points=2, visible=True, helpers=("conv_output_size", "zero_pad", "conv_single_step"))
def test_conv_forward_pad_1_stride_2(student, mistakes):
    """conv_forward: Z and the cache for 2 images 5x4x3, two 3x3 kernels, pad 1, stride 2"""
    rng = np.random.default_rng(80)
    A_prev = np.round(rng.standard_normal((2, 5, 4, 3)), 2)
    W = np.round(rng.standard_normal((3, 3, 3, 2)) * 0.5, 2)
    b = np.array([0.5, -1.0]).reshape(1, 1, 1, 2)
    _check_conv_forward(student, mistakes, A_prev, W, b, {"pad": 1, "stride": 2})


@graded("conv_forward", points=2, helpers=("conv_output_size", "zero_pad", "conv_single_step"))
def test_conv_forward_random_padding_and_stride(student, rng, mistakes):
    """conv_forward: Z and the cache on random shapes with padding 1-2 and stride 2-3"""
    _check_conv_forward(student, mistakes, *_conv_problem(rng, pad=int(rng.integers(1, 3)), stride=int(rng.integers(2, 4))))


@graded("conv_forward", points=1, helpers=("conv_output_size", "zero_pad", "conv_single_step"))
def test_conv_forward_random_valid_convolution(student, rng, mistakes):
    """conv_forward: Z on random shapes with no padding and stride 1 (a 'valid' convolution)"""
    _check_conv_forward(student, mistakes, *_conv_problem(rng, pad=0, stride=1))


# ---------------------------------------------------------------------------------------------
# 8.4 pool_forward
# ---------------------------------------------------------------------------------------------

POOL_WHAT = {"A": "A", "A_prev": "cache[0] (A_prev)"}


def _pool_parts(out):
    A, cache = out
    return {"A": A, "A_prev": cache[0]}


def _check_pool_forward(student, mistakes, A_prev, hp, mode=None):
    args = (A_prev, hp) if mode is None else (A_prev, hp, mode)
    call = "pool_forward(A_prev, hparameters" + ("" if mode is None else f", '{mode}'") + ")"
    A, cache = expect_tuple(student.pool_forward(*args), 2, call)
    cache = expect_tuple(cache, 2, "cache")
    expected = ref.pool_forward(*args)
    expect_parts(_pool_parts((A, cache)), _pool_parts(expected), mistakes(*args), _pool_parts, POOL_WHAT,
                 rtol=RTOL, atol=_atol(expected[0]))
    _expect_hparameters(cache[1], hp, "cache[1] (hparameters)")


VISIBLE_POOL_INPUT = np.round(np.random.default_rng(84).standard_normal((2, 6, 4, 2)), 2)


@graded("pool_forward", points=1, visible=True, helpers=("conv_output_size",))
def test_pool_forward_max_2x2_stride_2(student, mistakes):
    """pool_forward: max pooling (the default mode) of 2 images 6x4x2 with f = 2, stride 2"""
    _check_pool_forward(student, mistakes, VISIBLE_POOL_INPUT, {"f": 2, "stride": 2})


@graded("pool_forward", points=1, visible=True, helpers=("conv_output_size",))
def test_pool_forward_average_3x3_stride_1(student, mistakes):
    """pool_forward: average pooling of 2 images 6x4x2 with f = 3, stride 1"""
    _check_pool_forward(student, mistakes, VISIBLE_POOL_INPUT, {"f": 3, "stride": 1}, "average")


@graded("pool_forward", points=2, helpers=("conv_output_size",))
def test_pool_forward_random_max_and_average(student, rng, mistakes):
    """pool_forward: max and average pooling of a random batch, window and stride"""
    n_H, n_W = _different_sizes(rng, 4, 10)
    A_prev = _random_image_batch(rng, int(rng.integers(1, 4)), n_H, n_W, int(rng.integers(2, 4)))
    hp = {"f": int(rng.integers(2, 4)), "stride": int(rng.integers(1, 4))}
    for mode in ("max", "average"):
        _check_pool_forward(student, mistakes, A_prev, hp, mode)


# ---------------------------------------------------------------------------------------------
# 8.6 conv_backward
# ---------------------------------------------------------------------------------------------

BACK_WHAT = {"dA_prev": "dA_prev", "dW": "dW", "db": "db"}


def _back_parts(out):
    return {"dA_prev": out[0], "dW": out[1], "db": out[2]}


def _check_conv_backward(student, mistakes, A_prev, W, b, hp, dZ):
    _, cache = ref.conv_forward(A_prev, W, b, hp)
    got = expect_tuple(student.conv_backward(dZ, cache), 3, "conv_backward(dZ, cache)")
    expected = ref.conv_backward(dZ, cache)
    atol = _atol(*expected)
    try:
        expect_parts(_back_parts(got), _back_parts(expected), mistakes(dZ, cache), _back_parts, BACK_WHAT,
                     rtol=RTOL, atol=atol)
    except Mismatch:
        # the student's conv_forward may keep another cache that the student's conv_backward reads
        # right: that mistake costs points in conv_forward only
        own = try_call(lambda: expect_tuple(student.conv_forward(A_prev, W, b, hp), 2, "conv_forward")[1])
        if own is not None and not identical(own, cache):
            again = try_call(lambda: expect_tuple(student.conv_backward(dZ, own), 3, "conv_backward"))
            if again is not None and accepted(_back_parts(again), _back_parts(expected), RTOL, atol):
                return
        raise


def _conv(A_prev, W, b, hp):
    """The conv layer's Z, vectorised (the reference's loops are too slow for centred differences)."""
    f, s, p = W.shape[0], hp["stride"], hp["pad"]
    X = np.pad(A_prev, ((0, 0), (p, p), (p, p), (0, 0)))
    windows = np.lib.stride_tricks.sliding_window_view(X, (f, f), axis=(1, 2))[:, ::s, ::s]
    return np.einsum("mhwcij,ijck->mhwk", windows, W) + b


def _visible_conv_backward_problem():
    rng = np.random.default_rng(86)
    A_prev = np.round(rng.standard_normal((2, 5, 4, 2)), 2)
    W = np.round(rng.standard_normal((3, 3, 2, 3)) * 0.5, 2)
    b = np.round(rng.standard_normal((1, 1, 1, 3)), 2)
    hp = {"pad": 1, "stride": 2}
    dZ = np.round(rng.standard_normal((2, 3, 2, 3)), 2)
    return A_prev, W, b, hp, dZ


@graded("conv_backward", points=2, visible=True, helpers=("zero_pad",))
def test_conv_backward_pad_1_stride_2(student, mistakes):
    """conv_backward: dA_prev, dW, db for 2 images 5x4x2, three 3x3 kernels, pad 1, stride 2"""
    _check_conv_backward(student, mistakes, *_visible_conv_backward_problem())


@graded("conv_backward", points=2, helpers=("zero_pad",))
def test_conv_backward_random_layer(student, rng, mistakes):
    """conv_backward: dA_prev, dW, db on random shapes, padding and stride"""
    A_prev, W, b, hp = _conv_problem(rng, pad=int(rng.integers(0, 3)), stride=int(rng.integers(1, 4)))
    dZ = rng.standard_normal(ref.conv_forward(A_prev, W, b, hp)[0].shape)
    _check_conv_backward(student, mistakes, A_prev, W, b, hp, dZ)


@graded("conv_backward", points=1, helpers=("zero_pad",))
def test_conv_backward_agrees_with_numerical_gradient(student, rng, mistakes):
    """conv_backward: dA_prev, dW, db agree with centred differences of sum(Z * dZ)"""
    A_prev, W, b, hp = _conv_problem(rng, pad=int(rng.integers(0, 2)), stride=int(rng.integers(1, 3)), m=2)
    Z, cache = ref.conv_forward(A_prev, W, b, hp)
    dZ = rng.standard_normal(Z.shape)
    got = expect_tuple(student.conv_backward(dZ, cache), 3, "conv_backward(dZ, cache)")
    expected = ref.conv_backward(dZ, cache)
    float32 = is_float32(*[g for g in got if isinstance(g, np.ndarray)])
    outputs = mistakes(dZ, cache)
    costs = (lambda v: np.sum(_conv(v, W, b, hp) * dZ),
             lambda v: np.sum(_conv(A_prev, v, b, hp) * dZ),
             lambda v: np.sum(_conv(A_prev, W, v, hp) * dZ))
    for k, (name, x) in enumerate((("dA_prev", A_prev), ("dW", W), ("db", b))):
        # sum(Z * dZ) is linear in each of A_prev, W and b, so centred differences are exact for any step:
        # a large one keeps rounding (about eps * |cost| / h) far below the smallest entries checked
        numeric = numerical_gradient(costs[k], x, h=1e-1)
        diagnosis = try_call(lambda k=k: name_mistake(as_float_array(got[k], name, "array"), expected[k],
                                                      parts_of(outputs, lambda o, k=k: o[k]), RTOL, _atol(expected[k])))
        expect_gradient(got[k], numeric, name, tol=1e-4 if float32 else 1e-6, diagnosis=diagnosis, float32=float32)


# ---------------------------------------------------------------------------------------------
# 8.6 create_mask_from_window, distribute_value
# ---------------------------------------------------------------------------------------------

def _check_masks(student, mistakes, windows):
    for k, x in enumerate(windows):
        expect_equal(student.create_mask_from_window(x), ref.create_mask_from_window(x),
                     f"create_mask_from_window(x) (window {k + 1} of {len(windows)})", mistakes=mistakes(x))


@graded("create_mask_from_window", points=1, visible=True)
def test_create_mask_from_window_two_windows(student, mistakes):
    """create_mask_from_window: the masks of two 3x4 windows (one maximum each)"""
    windows = [np.array([[1.0, 3.0, -2.0, 0.5], [0.5, 2.9, 3.1, -1.0], [0.0, -0.4, 1.2, 2.0]]),
               np.array([[-1.0, -3.0, -2.0, -0.5], [-0.6, -2.9, -3.1, -1.0], [-0.2, -0.4, -1.2, -2.0]])]
    _check_masks(student, mistakes, windows)


@graded("create_mask_from_window", points=1)
def test_create_mask_from_window_random_windows(student, rng, mistakes):
    """create_mask_from_window: the masks of five random windows"""
    shape = _different_sizes(rng, 2, 6)
    _check_masks(student, mistakes, [rng.standard_normal(shape) for _ in range(5)])


def _check_distribute_value(student, mistakes, dz, shape):
    expected = ref.distribute_value(dz, shape)
    expect_close(student.distribute_value(dz, shape), expected, f"distribute_value({dz!r}, {shape})",
                 mistakes=mistakes(dz, shape), rtol=RTOL, atol=_atol(expected))


@graded("distribute_value", points=1, visible=True)
def test_distribute_value_over_a_2x3_window(student, mistakes):
    """distribute_value: dz = 2.0 spread over a (2, 3) window"""
    _check_distribute_value(student, mistakes, 2.0, (2, 3))


@graded("distribute_value", points=1)
def test_distribute_value_random(student, rng, mistakes):
    """distribute_value: a random dz and window shape"""
    shape = _different_sizes(rng, 3, 7)
    _check_distribute_value(student, mistakes, float(rng.uniform(-3, 3)), shape)


# ---------------------------------------------------------------------------------------------
# 8.6 pool_backward
# ---------------------------------------------------------------------------------------------

def _check_pool_backward(student, mistakes, A_prev, hp, mode, dA):
    _, cache = ref.pool_forward(A_prev, hp, mode)
    expected = ref.pool_backward(dA, cache, mode)
    expect_close(student.pool_backward(dA, cache, mode), expected, f"pool_backward(dA, cache, '{mode}')",
                 mistakes=mistakes(dA, cache, mode), rtol=RTOL, atol=_atol(expected))


def _visible_pool_backward_problem():
    rng = np.random.default_rng(88)
    A_prev = np.round(rng.standard_normal((2, 5, 7, 2)), 2)
    dA = np.round(rng.standard_normal((2, 2, 3, 2)), 2)
    return A_prev, {"f": 3, "stride": 2}, dA


@graded("pool_backward", points=1, visible=True, helpers=("create_mask_from_window", "distribute_value"))
def test_pool_backward_max_overlapping_windows(student, mistakes):
    """pool_backward: max mode, 2 images 5x7x2, f = 3, stride 2 (windows overlap)"""
    A_prev, hp, dA = _visible_pool_backward_problem()
    _check_pool_backward(student, mistakes, A_prev, hp, "max", dA)


@graded("pool_backward", points=1, visible=True, helpers=("create_mask_from_window", "distribute_value"))
def test_pool_backward_average_overlapping_windows(student, mistakes):
    """pool_backward: average mode, 2 images 5x7x2, f = 3, stride 2 (windows overlap)"""
    A_prev, hp, dA = _visible_pool_backward_problem()
    _check_pool_backward(student, mistakes, A_prev, hp, "average", dA)


@graded("pool_backward", points=2, helpers=("create_mask_from_window", "distribute_value"))
def test_pool_backward_random_max_and_average(student, rng, mistakes):
    """pool_backward: max and average mode on a random batch, window and stride"""
    n_H, n_W = _different_sizes(rng, 4, 10)
    A_prev = _random_image_batch(rng, int(rng.integers(1, 4)), n_H, n_W, int(rng.integers(1, 4)))
    hp = {"f": int(rng.integers(2, 4)), "stride": int(rng.integers(1, 4))}
    for mode in ("max", "average"):
        dA = rng.standard_normal(ref.pool_forward(A_prev, hp, mode)[0].shape)
        _check_pool_backward(student, mistakes, A_prev, hp, mode, dA)


# ---------------------------------------------------------------------------------------------
# 8.3.2 edge detection
# ---------------------------------------------------------------------------------------------

def _correlate(image, kernel):
    """The 'valid' cross-correlation of a 2-D image with a 3x3 kernel, in NumPy."""
    kernel = np.asarray(kernel, dtype=np.float64)
    n_H, n_W = image.shape
    return np.array([[np.sum(image[h:h + 3, w:w + 3] * kernel) for w in range(n_W - 2)] for h in range(n_H - 2)])


@graded("vertical_edge_kernel", points=1, visible=True)
def test_vertical_edge_kernel_values(student, mistakes):
    """vertical_edge_kernel: the 3x3 kernel [[1, 0, -1]] * 3"""
    expect_close(student.vertical_edge_kernel(), ref.vertical_edge_kernel(), "vertical_edge_kernel()",
                 mistakes=mistakes(), rtol=0, atol=0)


@graded("vertical_edge_kernel", points=1)
def test_vertical_edge_kernel_finds_edges_in_a_random_image(student, rng, mistakes):
    """vertical_edge_kernel: cross-correlated with a random image it gives the vertical-edge response"""
    kernel = expect_array(student.vertical_edge_kernel(), (3, 3), "vertical_edge_kernel()")
    image = rng.uniform(0, 255, _different_sizes(rng, 5, 10))
    expect_close(_correlate(image, kernel), _correlate(image, ref.vertical_edge_kernel()),
                 "the cross-correlation of an image with vertical_edge_kernel()",
                 mistakes=mistakes(pick=lambda k: _correlate(image, k)), rtol=RTOL, atol=1e-6)


@graded("detect_vertical_edges", points=1, visible=True, helpers=("vertical_edge_kernel",))
def test_detect_vertical_edges_on_the_books_image(student, mistakes):
    """detect_vertical_edges: the book's 6x6 image (10 on the left, 0 on the right) gives rows [0, 30, 30, 0]"""
    image = np.array([[10, 10, 10, 0, 0, 0]] * 6, dtype=float)
    expect_close(student.detect_vertical_edges(image), ref.detect_vertical_edges(image), "detect_vertical_edges(image)",
                 mistakes=mistakes(image), rtol=RTOL, atol=1e-6)


@graded("detect_vertical_edges", points=1, helpers=("vertical_edge_kernel",))
def test_detect_vertical_edges_random_image(student, rng, mistakes):
    """detect_vertical_edges: a random grey image of random size"""
    image = rng.uniform(0, 255, _different_sizes(rng, 5, 12))
    expected = ref.detect_vertical_edges(image)
    expect_close(student.detect_vertical_edges(image), expected, "detect_vertical_edges(image)",
                 mistakes=mistakes(image), rtol=RTOL, atol=_atol(expected))


# =============================================================================================
# 8.8 PyTorch and 8.9 Keras: graded through the probes of autograder.worker.probes_ch08
# =============================================================================================

TRAIN_RTOL, TRAIN_ATOL = 1e-4, 1e-6   # float32 training, the same operations in the same order


def _probe(student, probe_name: str, function: str, *args):
    """(the student's answer, the reference's, the catalogued variants' answers) of one probe."""
    answer, expected = probe_answer_beside(lambda: reference_probe(probe_name, *args), student, probe_name, function,
                                           *args)
    return answer, expected, probe_variants(catalogue, ref, function, probe_name, *args)


def _shapes_text(shapes) -> str:
    return ", ".join("(" + ", ".join(str(s) for s in shape) + ")" for shape in shapes)


def _expect_shapes(got, expected, what):
    """The parameter shapes, in any order (attribute names and registration order are free)."""
    if sorted(map(tuple, got)) != sorted(map(tuple, expected)):
        fail("ch08.parameter_shapes", what=what, got=_shapes_text(got), expected=_shapes_text(expected))


def _digit_like_batch(rng, n, side=28, channels_last=False):
    """n images in [0, 1] with a bright stroke, shaped (n, 1, side, side) or (n, side, side, 1)."""
    x = rng.uniform(0, 0.3, (n, side, side))
    for k in range(n):
        r, c = int(rng.integers(4, side - 8)), int(rng.integers(4, side - 8))
        x[k, r:r + int(rng.integers(4, 8)), c:c + 3] = rng.uniform(0.7, 1.0)
    return x[..., None] if channels_last else x[:, None]


# ---------------------------------------------------------------------------------------------
# 8.8.2 LeNet5
# ---------------------------------------------------------------------------------------------

def _lenet(student, batch, seed):
    answer, expected, variants = _probe(student, "ch08.lenet5_summary", "LeNet5", batch, seed)
    if not answer["is_module_class"]:
        fail("ch08.not_module_class", name="LeNet5", got=answer["type"])
    return answer, expected, variants


def _check_lenet_output(student, batch, seed):
    answer, expected, variants = _lenet(student, batch, seed)
    if answer["output_error"] is not None:
        raise student_error("LeNet5", answer["output_error"])
    if answer["output"] is None:
        fail("ch08.output_not_tensor", what="LeNet5()(x)", got=answer["output_type"])
    expect_close(answer["output"], expected["output"], f"LeNet5()(x) for x of shape {batch.shape}",
                 mistakes=parts_of(variants, lambda a: a["output"]), rtol=TRAIN_RTOL, atol=_atol(expected["output"]))


@graded("LeNet5", points=2, visible=True)
def test_lenet5_layers_and_parameter_count(student):
    """LeNet5: an nn.Module with conv 6@5x5, conv 16@5x5, linear 256-120-84-10 (44,426 parameters)"""
    answer, expected, variants = _lenet(student, _digit_like_batch(np.random.default_rng(88), 2), 0)
    convs = [details for kind, details in answer["layers"] if kind == "Conv2d"]
    for got, want in zip(convs, [details for kind, details in expected["layers"] if kind == "Conv2d"]):
        if got != want:   # e.g. padding=2, as for LeNet-5 on 28x28 images elsewhere
            fail("ch08.conv_layer", got=got, expected=want)
    expect_equal(answer["n_parameters"], expected["n_parameters"], "the number of parameters of LeNet5()",
                 mistakes=parts_of(variants, lambda a: a["n_parameters"]))
    _expect_shapes(answer["shapes"], expected["shapes"], "LeNet5()")


@graded("LeNet5", points=1, visible=True)
def test_lenet5_output_on_four_images(student):
    """LeNet5: the scores for 4 images of 1x28x28, with the same weights as the reference"""
    _check_lenet_output(student, _digit_like_batch(np.random.default_rng(89), 4), 1)


@graded("LeNet5", points=2)
def test_lenet5_output_on_a_random_batch(student, rng):
    """LeNet5: the scores for a random batch of 1x28x28 images, with the same weights as the reference"""
    n = int(rng.choice([3, 5, 6, 7, 9, 11]))
    _check_lenet_output(student, _digit_like_batch(rng, n), int(rng.integers(0, 2**31 - 1)))


# ---------------------------------------------------------------------------------------------
# 8.8.3-8.8.4 train_model
# ---------------------------------------------------------------------------------------------

def _training_parts(answer):
    parts = {f"model.{name}": value for name, value in sorted(answer["parameters"].items())}
    parts["losses"] = answer["losses"]
    return parts


def _check_train_model(student, x, y, batch_size, epochs, lr, n_classes, seed):
    args = (x, y, batch_size, epochs, lr, n_classes, seed)
    answer, expected, variants = _probe(student, "ch08.train_model", "train_model", *args)
    if answer["losses"] is None:
        fail("ch08.losses_not_numbers", got=answer["losses_problem"] or answer["returned"])
    if len(answer["losses"]) != epochs:
        lengths = {mid: float(len(a["losses"])) for mid, a in variants.items() if a.get("losses") is not None}
        fail("ch08.losses_length", name_mistake(float(len(answer["losses"])), float(epochs), lengths),
             got=len(answer["losses"]), expected=epochs)
    what = {k: k for k in _training_parts(expected)}
    what["losses"] = "the losses train_model returns"
    expect_parts(_training_parts(answer), _training_parts(expected), variants, _training_parts, what,
                 rtol=TRAIN_RTOL, atol=TRAIN_ATOL)


def _small_training_set(rng, n, n_classes, side=8):
    x = rng.uniform(0, 1, (n, 1, side, side))
    y = rng.integers(0, n_classes, n)
    y[:n_classes] = np.arange(n_classes)
    return x, y


@graded("train_model", points=2, visible=True)
def test_train_model_two_epochs_on_ten_images(student):
    """train_model: losses and weights after 2 epochs of Adam (lr 0.01) on 10 images in batches of 4, 4, 2"""
    x, y = _small_training_set(np.random.default_rng(90), 10, 4)
    _check_train_model(student, x, y, batch_size=4, epochs=2, lr=0.01, n_classes=4, seed=2)


@graded("train_model", points=2)
def test_train_model_random_run(student, rng):
    """train_model: losses and weights after a short random run (batches of unequal size, random lr)"""
    batch_size = int(rng.integers(3, 6))
    n = batch_size * int(rng.integers(2, 4)) + int(rng.integers(1, batch_size))
    n_classes = int(rng.integers(3, 6))
    x, y = _small_training_set(rng, n, n_classes)
    _check_train_model(student, x, y, batch_size, epochs=int(rng.integers(2, 4)), lr=float(rng.uniform(2e-3, 2e-2)),
                       n_classes=n_classes, seed=int(rng.integers(0, 2**31 - 1)))


# ---------------------------------------------------------------------------------------------
# 8.8.5 evaluate
# ---------------------------------------------------------------------------------------------

def _check_evaluate(student, x, y, batch_size, weight, bias):
    answer, _, variants = _probe(student, "ch08.evaluate", "evaluate", x, y, batch_size, weight, bias)
    predicted = np.argmax(x.reshape(len(x), -1) @ weight.T + bias, axis=1)
    expected = float(np.mean(predicted == y))
    if answer["accuracy"] is None:
        fail("ch08.accuracy_not_a_number", got=answer["returned"])
    expect_close(answer["accuracy"], expected, "evaluate(model, loader)", mistakes=parts_of(variants, lambda a: a["accuracy"]),
                 rtol=1e-6, atol=1e-9, factors={"100": 100.0})
    for flag, check in (("training", "evaluate_in_training_mode"), ("grad_enabled", "evaluate_records_gradients")):
        flags = np.array(answer[flag], dtype=float)
        if flags.any():
            outputs = parts_of(variants, lambda a, flag=flag: np.array(a[flag], dtype=float))
            fail(f"ch08.{check}", name_mistake(flags, np.zeros_like(flags), outputs))


def _linear_classifier(rng, x, n_classes):
    """Weights whose predictions on x are clear (no two scores within 0.05)."""
    while True:
        weight = rng.standard_normal((n_classes, x[0].size))
        bias = rng.standard_normal(n_classes) * 0.1
        scores = np.sort(x.reshape(len(x), -1) @ weight.T + bias, axis=1)
        if np.all(scores[:, -1] - scores[:, -2] > 0.05):
            return weight, bias


@graded("evaluate", points=1, visible=True)
def test_evaluate_on_seven_images_in_batches_of_3(student):
    """evaluate: accuracy 4/7 on 7 examples in batches of 3, 3, 1 (eval mode, no gradients)"""
    x = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])[:, None, None, :]
    weight = np.array([[-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
    bias = np.array([0.5, 0.0, 0.0])
    y = np.array([0, 1, 0, 0, 2, 2, 1])        # batch accuracies 2/3, 2/3, 0/1: the mean of batches is 4/9
    _check_evaluate(student, x, y, 3, weight, bias)


@graded("evaluate", points=2)
def test_evaluate_on_a_random_loader(student, rng):
    """evaluate: the accuracy of a random classifier on a random loader with a smaller last batch"""
    batch_size = int(rng.integers(3, 7))
    n = batch_size * int(rng.integers(2, 5)) + int(rng.integers(1, batch_size))
    n_classes = int(rng.integers(3, 6))
    x = rng.uniform(0, 1, (n, 1, 3, 4))
    weight, bias = _linear_classifier(rng, x, n_classes)
    predicted = np.argmax(x.reshape(n, -1) @ weight.T + bias, axis=1)
    while True:   # some right, some wrong, and a mean over batches that differs from the mean over samples
        y = np.where(rng.random(n) < 0.6, predicted, rng.integers(0, n_classes, n))
        hits = (y == predicted).astype(float)
        by_batch = np.mean([hits[k:k + batch_size].mean() for k in range(0, n, batch_size)])
        if 0 < hits.mean() < 1 and abs(by_batch - hits.mean()) > 1e-3:
            break
    _check_evaluate(student, x, y, batch_size, weight, bias)


# ---------------------------------------------------------------------------------------------
# 8.9.2 build_cnn
# ---------------------------------------------------------------------------------------------

def _build_cnn(student, batch, seed):
    answer, expected, variants = _probe(student, "ch08.build_cnn_summary", "build_cnn", batch, seed)
    if not answer["is_model"]:
        fail("ch08.not_keras_model", got=answer["type"])
    return answer, expected, variants


@graded("build_cnn", points=2, visible=True)
def test_build_cnn_layers_and_parameter_count(student):
    """build_cnn: a Keras model with 3,274,634 parameters and the book's weight shapes; its class probabilities for 2 images"""
    batch = _digit_like_batch(np.random.default_rng(91), 2, channels_last=True)
    answer, expected, variants = _build_cnn(student, batch, 0)
    expect_equal(answer["n_parameters"], expected["n_parameters"], "the number of parameters of build_cnn()",
                 mistakes=parts_of(variants, lambda a: a["n_parameters"]))
    _expect_shapes(answer["shapes"], expected["shapes"], "build_cnn()")
    expect_close(answer["output"], expected["output"], "build_cnn()(x) for 2 images of 28x28x1 (the same weights)",
                 mistakes=parts_of(variants, lambda a: a["output"]), rtol=TRAIN_RTOL, atol=1e-6)


@graded("build_cnn", points=2)
def test_build_cnn_output_on_a_random_batch(student, rng):
    """build_cnn: the class probabilities for a random batch, with the same weights as the reference"""
    batch = _digit_like_batch(rng, int(rng.integers(2, 6)), channels_last=True)
    answer, expected, variants = _build_cnn(student, batch, int(rng.integers(0, 2**31 - 1)))
    expect_close(answer["output"], expected["output"], f"build_cnn()(x) for x of shape {batch.shape}",
                 mistakes=parts_of(variants, lambda a: a["output"]), rtol=TRAIN_RTOL, atol=1e-6)


# ---------------------------------------------------------------------------------------------
# 8.9.3-8.9.4 train_cnn_tf
# ---------------------------------------------------------------------------------------------

def _keras_parts(answer):
    parts = {f"model.weights[{k}]": w for k, w in enumerate(answer["weights"])}
    parts["loss"] = (answer["history"] or {}).get("loss")
    return parts


def _check_train_cnn_tf(student, x, y, epochs, batch_size, n_classes, seed):
    args = (x, y, epochs, batch_size, n_classes, seed)
    answer, expected, variants = _probe(student, "ch08.train_cnn_tf", "train_cnn_tf", *args)
    if answer["history"] is None:
        fail("ch08.not_history", got=answer["returned"])
    losses = answer["history"].get("loss")
    if losses is None:
        fail("ch08.history_without_loss", keys=", ".join(answer["history"]) or "-")
    if len(losses) != epochs:
        lengths = {mid: float(len(a["history"]["loss"])) for mid, a in variants.items()
                   if (a.get("history") or {}).get("loss") is not None}
        fail("ch08.history_length", name_mistake(float(len(losses)), float(epochs), lengths), got=len(losses),
             expected=epochs)
    if answer["iterations"] is None:
        fail("ch08.not_compiled")
    if answer["iterations"] != expected["iterations"]:
        steps = {mid: float(a["iterations"]) for mid, a in variants.items() if a.get("iterations") is not None}
        fail("ch08.optimizer_steps", name_mistake(float(answer["iterations"]), float(expected["iterations"]), steps),
             got=answer["iterations"], expected=expected["iterations"], epochs=epochs, batch_size=batch_size, m=len(x))
    what = {k: k for k in _keras_parts(expected)}
    what["loss"] = "history.history['loss']"
    expect_parts(_keras_parts(answer), _keras_parts(expected), variants, _keras_parts, what,
                 rtol=TRAIN_RTOL, atol=TRAIN_ATOL)


def _keras_training_set(rng, n, n_classes, side=8):
    x = rng.uniform(0, 1, (n, side, side, 1))
    y = rng.integers(0, n_classes, n)
    y[:n_classes] = np.arange(n_classes)
    return x, y


@graded("train_cnn_tf", points=2, visible=True)
def test_train_cnn_tf_two_epochs_one_batch(student):
    """train_cnn_tf: losses and weights after 2 epochs of Adam(1e-3) on 40 images in one batch of 40"""
    x, y = _keras_training_set(np.random.default_rng(92), 40, 3)
    _check_train_cnn_tf(student, x, y, epochs=2, batch_size=40, n_classes=3, seed=3)


@graded("train_cnn_tf", points=2)
def test_train_cnn_tf_random_full_batch_run(student, rng):
    """train_cnn_tf: losses, weights and optimizer steps after a short random run (33-48 images, one batch)"""
    n, n_classes = int(rng.integers(33, 49)), int(rng.integers(3, 6))
    x, y = _keras_training_set(rng, n, n_classes)
    _check_train_cnn_tf(student, x, y, epochs=int(rng.integers(2, 4)), batch_size=n, n_classes=n_classes,
                        seed=int(rng.integers(0, 2**31 - 1)))
