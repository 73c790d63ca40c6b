"""The chapter 8 reference against independent oracles.

NumPy part: `torch.nn.functional.conv2d`, `max_pool2d`, `avg_pool2d` forward (layout converted from
(m, n_H, n_W, n_C) to PyTorch's (m, n_C, n_H, n_W), W from (f, f, n_C_prev, n_C) to
(n_C, n_C_prev, f, f)), `torch.autograd` in float64 and centred differences backward, over random
shapes, paddings and strides; NumPy-only properties (the output-size formula, padding, masks).
PyTorch part: LeNet-5's layers and parameter count (44,426) and its output against a forward pass
written with torch.nn.functional; `train_model` against a hand-written Adam loop; `evaluate` on a
loader with a known answer.  Keras part: the layers, output shapes and parameter count (3,274,634),
the output against `tf.nn` ops, and `train_cnn_tf` against a `GradientTape` loop.
"""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from autograder.gradcheck import numerical_gradient, relative_error
from solutions import ch08 as ref


def nchw(A):
    return torch.tensor(np.ascontiguousarray(np.transpose(A, (0, 3, 1, 2))), dtype=torch.float64)


def nhwc(T):
    return np.transpose(T.detach().numpy(), (0, 2, 3, 1))


def oihw(W):
    return torch.tensor(np.ascontiguousarray(np.transpose(W, (3, 2, 0, 1))), dtype=torch.float64)


def random_conv(rng, pad=None, stride=None):
    m = int(rng.integers(1, 4))
    n_H, n_W = int(rng.integers(4, 9)), int(rng.integers(4, 9))
    n_C_prev, n_C = int(rng.integers(1, 4)), int(rng.integers(1, 5))
    f = int(rng.integers(1, min(n_H, n_W) + 1))
    pad = int(rng.integers(0, 3)) if pad is None else pad
    stride = int(rng.integers(1, 4)) if stride is None else stride
    A_prev = rng.standard_normal((m, n_H, n_W, n_C_prev))
    W = rng.standard_normal((f, f, n_C_prev, n_C))
    b = rng.standard_normal((1, 1, 1, n_C))
    return A_prev, W, b, {"pad": pad, "stride": stride}


def random_pool(rng):
    m, n_C = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    n_H, n_W = int(rng.integers(3, 9)), int(rng.integers(3, 9))
    f = int(rng.integers(1, min(n_H, n_W) + 1))
    stride = int(rng.integers(1, 4))
    return rng.standard_normal((m, n_H, n_W, n_C)), {"f": f, "stride": stride}


# --------------------------------------------------------------------------------------------
# NumPy-only properties
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("n,f,pad,stride,expected", [(6, 3, 0, 1, 4), (7, 3, 1, 2, 4), (8, 3, 0, 2, 3),
                                                     (28, 5, 0, 1, 24), (28, 5, 2, 1, 28), (5, 5, 0, 3, 1)])
def test_conv_output_size_formula(n, f, pad, stride, expected):
    out = ref.conv_output_size(n, f, pad, stride)
    assert out == expected and isinstance(out, (int, np.integer))


def test_zero_pad_pads_only_height_and_width():
    X = np.random.default_rng(0).standard_normal((2, 3, 4, 2))
    X_pad = ref.zero_pad(X, 2)
    assert X_pad.shape == (2, 7, 8, 2)
    np.testing.assert_array_equal(X_pad[:, 2:5, 2:6, :], X)
    inside = np.zeros(X_pad.shape, bool)
    inside[:, 2:5, 2:6, :] = True
    assert not X_pad[~inside].any()
    np.testing.assert_array_equal(ref.zero_pad(X, 0), X)


def test_conv_single_step_is_a_number():
    rng = np.random.default_rng(1)
    a, W, b = rng.standard_normal((3, 3, 2)), rng.standard_normal((3, 3, 2)), rng.standard_normal((1, 1, 1))
    Z = ref.conv_single_step(a, W, b)
    assert np.ndim(Z) == 0
    assert Z == pytest.approx(float((a * W).sum() + b[0, 0, 0]))


def test_create_mask_and_distribute_value():
    x = np.array([[1.0, 3.0, -2.0], [0.5, 2.9, 3.1]])
    np.testing.assert_array_equal(ref.create_mask_from_window(x), x == 3.1)
    a = ref.distribute_value(6.0, (2, 3))
    np.testing.assert_allclose(a, np.ones((2, 3)))
    assert ref.distribute_value(2.0, (2, 2)).sum() == pytest.approx(2.0)


def test_detect_vertical_edges_on_the_books_example():
    image = np.array([[10, 10, 10, 0, 0, 0]] * 6, dtype=float)
    edges = ref.detect_vertical_edges(image)
    np.testing.assert_array_equal(edges, np.array([[0, 30, 30, 0]] * 4))
    np.testing.assert_array_equal(ref.vertical_edge_kernel(), np.array([[1, 0, -1]] * 3))


# --------------------------------------------------------------------------------------------
# forward passes against torch.nn.functional
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(12))
def test_conv_forward_matches_torch_conv2d(seed):
    rng = np.random.default_rng(seed)
    A_prev, W, b, hp = random_conv(rng)
    Z, cache = ref.conv_forward(A_prev, W, b, hp)
    expected = F.conv2d(nchw(A_prev), oihw(W), torch.tensor(b.reshape(-1)), stride=hp["stride"], padding=hp["pad"])
    np.testing.assert_allclose(Z, nhwc(expected), rtol=1e-10, atol=1e-10)
    assert cache[0] is A_prev and cache[1] is W and cache[2] is b and cache[3] is hp


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("mode", ["max", "average"])
def test_pool_forward_matches_torch_pooling(seed, mode):
    rng = np.random.default_rng(seed)
    A_prev, hp = random_pool(rng)
    A, cache = ref.pool_forward(A_prev, hp, mode=mode)
    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
    expected = pool(nchw(A_prev), kernel_size=hp["f"], stride=hp["stride"])
    np.testing.assert_allclose(A, nhwc(expected), rtol=1e-12, atol=1e-12)
    assert cache[0] is A_prev and cache[1] is hp


def test_pool_forward_default_mode_is_max():
    A_prev, hp = random_pool(np.random.default_rng(3))
    np.testing.assert_array_equal(ref.pool_forward(A_prev, hp)[0], ref.pool_forward(A_prev, hp, "max")[0])


# --------------------------------------------------------------------------------------------
# backward passes against torch.autograd (float64) and centred differences
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(12))
def test_conv_backward_matches_torch_autograd(seed):
    rng = np.random.default_rng(100 + seed)
    A_prev, W, b, hp = random_conv(rng)
    Z, cache = ref.conv_forward(A_prev, W, b, hp)
    dZ = rng.standard_normal(Z.shape)
    dA_prev, dW, db = ref.conv_backward(dZ, cache)
    a, w, bias = nchw(A_prev).requires_grad_(), oihw(W).requires_grad_(), torch.tensor(b.reshape(-1), requires_grad=True)
    out = F.conv2d(a, w, bias, stride=hp["stride"], padding=hp["pad"])
    out.backward(nchw(dZ))
    np.testing.assert_allclose(dA_prev, nhwc(a.grad), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(dW, np.transpose(w.grad.numpy(), (2, 3, 1, 0)), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(db, bias.grad.numpy().reshape(1, 1, 1, -1), rtol=1e-10, atol=1e-10)
    assert dA_prev.shape == A_prev.shape and dW.shape == W.shape and db.shape == b.shape


@pytest.mark.parametrize("pad,stride", [(0, 1), (1, 2), (2, 1), (0, 3)])
def test_conv_backward_matches_centred_differences(pad, stride):
    rng = np.random.default_rng(7 + pad + 10 * stride)
    A_prev, W, b, hp = random_conv(rng, pad=pad, stride=stride)
    Z, cache = ref.conv_forward(A_prev, W, b, hp)
    dZ = rng.standard_normal(Z.shape)
    dA_prev, dW, db = ref.conv_backward(dZ, cache)
    cost = {"A_prev": lambda v: np.sum(ref.conv_forward(v, W, b, hp)[0] * dZ),
            "W": lambda v: np.sum(ref.conv_forward(A_prev, v, b, hp)[0] * dZ),
            "b": lambda v: np.sum(ref.conv_forward(A_prev, W, v, hp)[0] * dZ)}
    for name, analytic, x in (("A_prev", dA_prev, A_prev), ("W", dW, W), ("b", db, b)):
        assert relative_error(analytic, numerical_gradient(cost[name], x, h=1e-5)) < 1e-6, name


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("mode", ["max", "average"])
def test_pool_backward_matches_torch_autograd(seed, mode):
    rng = np.random.default_rng(200 + seed)
    A_prev, hp = random_pool(rng)
    A, cache = ref.pool_forward(A_prev, hp, mode=mode)
    dA = rng.standard_normal(A.shape)
    dA_prev = ref.pool_backward(dA, cache, mode=mode)
    a = nchw(A_prev).requires_grad_()
    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
    pool(a, kernel_size=hp["f"], stride=hp["stride"]).backward(nchw(dA))
    np.testing.assert_allclose(dA_prev, nhwc(a.grad), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("mode", ["max", "average"])
def test_pool_backward_matches_centred_differences(mode):
    rng = np.random.default_rng(5)
    A_prev, hp = rng.standard_normal((2, 5, 6, 2)), {"f": 3, "stride": 2}   # overlapping windows
    A, cache = ref.pool_forward(A_prev, hp, mode)
    dA = rng.standard_normal(A.shape)
    numeric = numerical_gradient(lambda v: np.sum(ref.pool_forward(v, hp, mode)[0] * dA), A_prev)
    assert relative_error(ref.pool_backward(dA, cache, mode), numeric) < 1e-6


def test_detect_vertical_edges_matches_torch_conv2d():
    image = np.random.default_rng(4).uniform(0, 255, (7, 9))
    kernel = torch.tensor(ref.vertical_edge_kernel(), dtype=torch.float64).reshape(1, 1, 3, 3)
    expected = F.conv2d(torch.tensor(image).reshape(1, 1, 7, 9), kernel)[0, 0].numpy()   # cross-correlation
    np.testing.assert_allclose(ref.detect_vertical_edges(image), expected, rtol=1e-12)


# --------------------------------------------------------------------------------------------
# PyTorch: LeNet-5, train_model, evaluate
# --------------------------------------------------------------------------------------------

def test_lenet5_layers_and_parameter_count():
    model = ref.LeNet5()
    shapes = [tuple(p.shape) for p in model.parameters()]
    assert shapes == [(6, 1, 5, 5), (6,), (16, 6, 5, 5), (16,), (120, 256), (120,), (84, 120), (84,), (10, 84), (10,)]
    assert sum(p.numel() for p in model.parameters()) == 44426


def test_lenet5_output_matches_a_functional_forward_pass():
    torch.manual_seed(0)
    model = ref.LeNet5()
    x = torch.rand(5, 1, 28, 28)
    p = dict(model.named_parameters())
    h = F.max_pool2d(F.relu(F.conv2d(x, p["conv1.weight"], p["conv1.bias"])), 2)
    h = F.max_pool2d(F.relu(F.conv2d(h, p["conv2.weight"], p["conv2.bias"])), 2)
    h = F.relu(F.linear(h.flatten(1), p["fc1.weight"], p["fc1.bias"]))
    h = F.relu(F.linear(h, p["fc2.weight"], p["fc2.bias"]))
    expected = F.linear(h, p["fc3.weight"], p["fc3.bias"])
    with torch.no_grad():
        torch.testing.assert_close(model(x), expected.detach())


def _loader(n, batch_size, seed=0, shape=(1, 28, 28)):
    g = torch.Generator().manual_seed(seed)
    x, y = torch.rand(n, *shape, generator=g), torch.randint(0, 10, (n,), generator=g)
    return torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=batch_size, shuffle=False)


def test_train_model_is_adam_on_cross_entropy_with_sample_averaged_losses():
    loader = _loader(10, 4)
    torch.manual_seed(1)
    model = ref.LeNet5()
    twin = ref.LeNet5()
    twin.load_state_dict(model.state_dict())
    losses = ref.train_model(model, loader, epochs=2, lr=3e-3)
    # the same by hand: Adam's update rule written out (bias-corrected, eps outside the root)
    params = list(twin.parameters())
    m1 = [torch.zeros_like(p) for p in params]
    m2 = [torch.zeros_like(p) for p in params]
    t, expected = 0, []
    for _ in range(2):
        total = 0.0
        for x, y in loader:
            out = twin(x)
            loss = -F.log_softmax(out, dim=1)[torch.arange(len(y)), y].mean()
            grads = torch.autograd.grad(loss, params)
            t += 1
            with torch.no_grad():
                for p, g, a, s in zip(params, grads, m1, m2):
                    a.mul_(0.9).add_(0.1 * g)
                    s.mul_(0.999).add_(0.001 * g * g)
                    p -= 3e-3 * (a / (1 - 0.9 ** t)) / ((s / (1 - 0.999 ** t)).sqrt() + 1e-8)
            total += loss.item() * len(y)
        expected.append(total / 10)
    assert len(losses) == 2 and all(isinstance(v, float) for v in losses)
    np.testing.assert_allclose(losses, expected, rtol=1e-5)
    for p, q in zip(model.parameters(), twin.parameters()):
        torch.testing.assert_close(p, q, rtol=1e-4, atol=1e-6)


def test_evaluate_counts_samples_not_batches():
    class Fixed(torch.nn.Module):
        def forward(self, x):                       # predicts class round(x[:, 0]) among 3
            return F.one_hot(x[:, 0].round().long(), 3).float()
    x = torch.tensor([[0.], [1.], [2.], [0.], [1.], [2.], [2.]])
    y = torch.tensor([0, 1, 0, 0, 2, 2, 1])         # batches of 3: 2/3, 2/3 and 0/1 correct
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=3)
    accuracy = ref.evaluate(Fixed(), loader)
    assert isinstance(accuracy, float) and accuracy == pytest.approx(4 / 7)


# --------------------------------------------------------------------------------------------
# Keras: build_cnn, train_cnn_tf
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tf():
    import tensorflow
    return tensorflow


def test_build_cnn_layers_shapes_and_parameter_count(tf):
    model = ref.build_cnn()
    assert model.count_params() == 3274634
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dense"]
    shapes = [tuple(w.shape) for w in model.weights]
    assert shapes == [(5, 5, 1, 32), (32,), (5, 5, 32, 64), (64,), (3136, 1024), (1024,), (1024, 10), (10,)]
    assert tuple(model.output_shape) == (None, 10)


def test_build_cnn_output_matches_tf_nn_ops(tf):
    tf.keras.utils.set_random_seed(0)
    model = ref.build_cnn()
    x = np.random.default_rng(0).random((3, 28, 28, 1)).astype(np.float32)
    k1, b1, k2, b2, k3, b3, k4, b4 = [w.numpy() for w in model.weights]
    h = tf.nn.max_pool2d(tf.nn.relu(tf.nn.conv2d(x, k1, 1, "SAME") + b1), 2, 2, "VALID")
    h = tf.nn.max_pool2d(tf.nn.relu(tf.nn.conv2d(h, k2, 1, "SAME") + b2), 2, 2, "VALID")
    h = tf.nn.relu(tf.reshape(h, (3, -1)) @ k3 + b3)
    expected = tf.nn.softmax(h @ k4 + b4).numpy()
    np.testing.assert_allclose(model(x).numpy(), expected, rtol=1e-4, atol=1e-6)


def test_train_cnn_tf_is_adam_1e_3_on_sparse_cross_entropy(tf):
    tf.keras.utils.set_random_seed(1)
    model = tf.keras.Sequential([tf.keras.Input((8, 8, 1)), tf.keras.layers.Conv2D(2, 3, activation="relu"),
                                 tf.keras.layers.Flatten(), tf.keras.layers.Dense(3, activation="softmax")])
    twin = tf.keras.models.clone_model(model)
    twin.set_weights(model.get_weights())
    rng = np.random.default_rng(2)
    x, y = rng.random((12, 8, 8, 1)).astype(np.float32), rng.integers(0, 3, 12)
    history = ref.train_cnn_tf(model, x, y, epochs=3, batch_size=12)     # one full batch per epoch
    opt = tf.keras.optimizers.Adam(1e-3)
    losses = []
    for _ in range(3):
        with tf.GradientTape() as tape:
            p = twin(x)
            loss = -tf.reduce_mean(tf.math.log(tf.gather(p, y, axis=1, batch_dims=1)))
        opt.apply_gradients(zip(tape.gradient(loss, twin.trainable_variables), twin.trainable_variables))
        losses.append(float(loss))
    np.testing.assert_allclose(history.history["loss"], losses, rtol=1e-4)
    for a, b in zip(model.get_weights(), twin.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)
    assert int(model.optimizer.iterations.numpy()) == 3


def test_the_graders_vectorised_conv_is_the_reference():
    """The graders take centred differences through a vectorised conv layer: it must be conv_forward."""
    from autograder.graders.ch08 import _conv
    for seed in range(6):
        A_prev, W, b, hp = random_conv(np.random.default_rng(300 + seed))
        np.testing.assert_allclose(_conv(A_prev, W, b, hp), ref.conv_forward(A_prev, W, b, hp)[0], rtol=1e-12, atol=1e-12)


def test_the_chapters_probes_are_named_apart_from_every_other_chapters():
    """Chapters 8 and 9 both grade a `train_model` and an `evaluate`: in one process (the test suite, the
    seed sweep) their probes must not replace each other in `PROBES`, so each chapter's probe names
    carry its prefix.  Read from the probe modules' sources (`@probe("name")`), nothing re-imported."""
    import ast
    from pathlib import Path

    from autograder.assignments import ASSIGNMENTS

    root = Path(__file__).resolve().parent.parent
    owner: dict[str, str] = {}
    modules = {m: c for c, spec in ASSIGNMENTS.items() for m in spec.probes}
    for module, chapter in modules.items():
        tree = ast.parse((root / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "probe" and node.args:
                name = node.args[0].value
                assert owner.setdefault(name, module) == module, (name, owner[name], module)
    ch08 = {n for n, m in owner.items() if m == "autograder.worker.probes_ch08"}
    assert ch08 == {"ch08.lenet5_summary", "ch08.train_model", "ch08.evaluate", "ch08.build_cnn_summary",
                    "ch08.train_cnn_tf"}
    assert all(n.startswith("ch09.") for n, m in owner.items() if m == "autograder.worker.probes_ch09")
