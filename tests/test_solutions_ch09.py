"""The chapter 9 reference against independent oracles.

NumPy part: torch.nn.RNNCell / nn.RNN (tanh) and torch.nn.LSTMCell / nn.LSTM with the weights mapped
(PyTorch keeps the gates in the order i, f, g, o and splits [x, h] into weight_ih and weight_hh),
forward and, with torch.autograd in float64, backward; centred differences in float64 through the
reference's own forward passes; the book's GRU (9.5: the reset gate applied to c_prev before the
matrix product) against a float64 torch transcription of its formulas, against autograd/centred
differences of that transcription, and against nn.GRUCell where the two coincide (reset gate 1).

PyTorch and Keras parts: LSTMNet against the same two layers unrolled with nn.LSTMCell; train_model's
first Adam step and per-sample loss average by hand; evaluate in eval mode; build_lstm against
torch.nn.LSTM holding its weights (Keras's gate columns i, f, c, o are torch's rows i, f, g, o);
train_lstm_tf's one Adam step by hand (Keras's ε = 1e-7); a short training run on the notebook's data;
and the reference graded through the real worker (the probes' answers crossing the channel).
"""
from pathlib import Path

import numpy as np
import pytest
import scipy.special
import torch

from autograder.gradcheck import numerical_gradient, relative_error
from solutions import ch09 as ref

pytestmark = pytest.mark.usefixtures("torch_float64")


def t(x, grad=True):
    return torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=grad)


def rnn_parameters(rng, n_x, n_a, n_y):
    return {"Wax": rng.normal(0, 0.6, (n_a, n_x)), "Waa": rng.normal(0, 0.6, (n_a, n_a)),
            "Wya": rng.normal(0, 0.6, (n_y, n_a)), "ba": rng.normal(0, 0.3, (n_a, 1)),
            "by": rng.normal(0, 0.3, (n_y, 1))}


def lstm_parameters(rng, n_x, n_a, n_y):
    p = {}
    for g in "fico":
        p["W" + g] = rng.normal(0, 0.5, (n_a, n_a + n_x))
        p["b" + g] = rng.normal(0, 0.3, (n_a, 1))
    p["Wy"], p["by"] = rng.normal(0, 0.5, (n_y, n_a)), rng.normal(0, 0.3, (n_y, 1))
    return p


def gru_parameters(rng, n_x, n_c):
    return {k: rng.normal(0, 0.6, (n_c, n_c + n_x)) if k[0] == "W" else rng.normal(0, 0.3, (n_c, 1))
            for k in ("Wu", "bu", "Wr", "br", "Wc", "bc")}


def torch_rnn_cell(p):
    n_a, n_x = p["Wax"].shape
    cell = torch.nn.RNNCell(n_x, n_a, nonlinearity="tanh")
    with torch.no_grad():
        cell.weight_ih.copy_(torch.tensor(p["Wax"]))
        cell.weight_hh.copy_(torch.tensor(p["Waa"]))
        cell.bias_ih.copy_(torch.tensor(p["ba"][:, 0]))
        cell.bias_hh.zero_()
    return cell


def lstm_torch_weights(p):
    """(weight_ih, weight_hh, bias) in PyTorch's gate order i, f, g, o from the book's Wi, Wf, Wc, Wo
    acting on [a_prev; xt]."""
    n_a = p["Wf"].shape[0]
    order = ("Wi", "Wf", "Wc", "Wo")
    weight_ih = np.concatenate([p[k][:, n_a:] for k in order])
    weight_hh = np.concatenate([p[k][:, :n_a] for k in order])
    bias = np.concatenate([p["b" + k[1]][:, 0] for k in order])
    return weight_ih, weight_hh, bias


def load_lstm(module, p, suffix="", zero_hh_bias=True):
    weight_ih, weight_hh, bias = lstm_torch_weights(p)
    with torch.no_grad():
        getattr(module, "weight_ih" + suffix).copy_(torch.tensor(weight_ih))
        getattr(module, "weight_hh" + suffix).copy_(torch.tensor(weight_hh))
        getattr(module, "bias_ih" + suffix).copy_(torch.tensor(bias))
        getattr(module, "bias_hh" + suffix).zero_()


def book_gru_torch(xt, c_prev, p):
    """The book's GRU (9.5) transcribed in torch."""
    concat = torch.cat([c_prev, xt])
    u = torch.sigmoid(p["Wu"] @ concat + p["bu"])
    r = torch.sigmoid(p["Wr"] @ concat + p["br"])
    cc = torch.tanh(p["Wc"] @ torch.cat([r * c_prev, xt]) + p["bc"])
    return u * cc + (1 - u) * c_prev


# --------------------------------------------------------------------------------------------
# softmax
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("shift", [0.0, 1000.0, -1000.0])
def test_softmax_is_column_wise_and_stable(shift):
    x = np.random.default_rng(0).normal(0, 3, (5, 7)) + shift
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = ref.softmax(x)
    np.testing.assert_allclose(s, torch.softmax(torch.tensor(x), dim=0).numpy(), rtol=1e-10)
    np.testing.assert_allclose(s, scipy.special.softmax(x, axis=0), rtol=1e-10)
    np.testing.assert_allclose(s.sum(axis=0), 1.0, rtol=1e-12)


# --------------------------------------------------------------------------------------------
# RNN
# --------------------------------------------------------------------------------------------

def test_rnn_cell_forward_matches_torch_rnn_cell():
    rng = np.random.default_rng(1)
    n_x, n_a, n_y, m = 3, 5, 2, 4
    p = rnn_parameters(rng, n_x, n_a, n_y)
    xt, a_prev = rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_a, m))
    a_next, yt_pred, cache = ref.rnn_cell_forward(xt, a_prev, p)
    h = torch_rnn_cell(p)(torch.tensor(xt.T), torch.tensor(a_prev.T)).detach().numpy().T
    np.testing.assert_allclose(a_next, h, rtol=1e-12)
    np.testing.assert_allclose(yt_pred, torch.softmax(torch.tensor(p["Wya"] @ h + p["by"]), dim=0).numpy(),
                               rtol=1e-12)
    assert cache[0] is a_next and cache[1] is a_prev and cache[2] is xt and cache[3] is p


def test_rnn_forward_matches_torch_rnn_over_the_sequence():
    rng = np.random.default_rng(2)
    n_x, n_a, n_y, m, T_x = 3, 5, 2, 4, 6
    p = rnn_parameters(rng, n_x, n_a, n_y)
    x, a0 = rng.normal(0, 1, (n_x, m, T_x)), rng.normal(0, 1, (n_a, m))
    a, y_pred, (caches, x_cached) = ref.rnn_forward(x, a0, p)
    rnn = torch.nn.RNN(n_x, n_a, nonlinearity="tanh")
    cell = torch_rnn_cell(p)
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(rnn, name + "_l0").copy_(getattr(cell, name))
    out, h_n = rnn(torch.tensor(x.transpose(2, 1, 0)), torch.tensor(a0.T)[None])
    np.testing.assert_allclose(a, out.detach().numpy().transpose(2, 1, 0), rtol=1e-12)
    logits = np.einsum("ya,amt->ymt", p["Wya"], a) + p["by"][:, :, None]
    np.testing.assert_allclose(y_pred, scipy.special.softmax(logits, axis=0), rtol=1e-12)
    assert len(caches) == T_x and x_cached is x
    np.testing.assert_array_equal(caches[0][1], a0)


def test_rnn_cell_backward_matches_autograd_and_centred_differences():
    rng = np.random.default_rng(3)
    n_x, n_a, n_y, m = 3, 5, 2, 4
    p = rnn_parameters(rng, n_x, n_a, n_y)
    xt, a_prev, da_next = rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_a, m))
    _, _, cache = ref.rnn_cell_forward(xt, a_prev, p)
    g = ref.rnn_cell_backward(da_next, cache)
    assert sorted(g) == sorted(["dxt", "da_prev", "dWax", "dWaa", "dba"])

    tx, ta, tWax, tWaa, tba = t(xt), t(a_prev), t(p["Wax"]), t(p["Waa"]), t(p["ba"])
    a_next = torch.tanh(tWaa @ ta + tWax @ tx + tba)
    (a_next * torch.tensor(da_next)).sum().backward()
    for key, tensor in (("dxt", tx), ("da_prev", ta), ("dWax", tWax), ("dWaa", tWaa), ("dba", tba)):
        np.testing.assert_allclose(g[key], tensor.grad.numpy(), rtol=1e-10, atol=1e-14, err_msg=key)

    def loss(xt=xt, a_prev=a_prev, **changed):
        return np.sum(da_next * ref.rnn_cell_forward(xt, a_prev, {**p, **changed})[0])
    numeric = {"dxt": numerical_gradient(lambda v: loss(xt=v), xt),
               "da_prev": numerical_gradient(lambda v: loss(a_prev=v), a_prev),
               "dWax": numerical_gradient(lambda v: loss(Wax=v), p["Wax"]),
               "dWaa": numerical_gradient(lambda v: loss(Waa=v), p["Waa"]),
               "dba": numerical_gradient(lambda v: loss(ba=v), p["ba"])}
    for key, value in numeric.items():
        assert relative_error(g[key], value) < 1e-6, key


def test_rnn_backward_matches_autograd_through_time_and_centred_differences():
    rng = np.random.default_rng(4)
    n_x, n_a, n_y, m, T_x = 3, 4, 2, 5, 6
    p = rnn_parameters(rng, n_x, n_a, n_y)
    x, a0, da = rng.normal(0, 1, (n_x, m, T_x)), rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_a, m, T_x))
    _, _, caches = ref.rnn_forward(x, a0, p)
    g = ref.rnn_backward(da, caches)
    assert sorted(g) == sorted(["dx", "da0", "dWax", "dWaa", "dba"])
    assert g["dx"].shape == x.shape and g["dba"].shape == (n_a, 1)

    tx, ta0, tWax, tWaa, tba = t(x), t(a0), t(p["Wax"]), t(p["Waa"]), t(p["ba"])
    a, loss = ta0, 0
    for step in range(T_x):
        a = torch.tanh(tWaa @ a + tWax @ tx[:, :, step] + tba)
        loss = loss + (a * torch.tensor(da[:, :, step])).sum()
    loss.backward()
    for key, tensor in (("dx", tx), ("da0", ta0), ("dWax", tWax), ("dWaa", tWaa), ("dba", tba)):
        np.testing.assert_allclose(g[key], tensor.grad.numpy(), rtol=1e-9, atol=1e-13, err_msg=key)

    def J(x=x, a0=a0, **changed):
        return np.sum(da * ref.rnn_forward(x, a0, {**p, **changed})[0])
    for key, value in {"dx": numerical_gradient(lambda v: J(x=v), x),
                       "da0": numerical_gradient(lambda v: J(a0=v), a0),
                       "dWaa": numerical_gradient(lambda v: J(Waa=v), p["Waa"]),
                       "dba": numerical_gradient(lambda v: J(ba=v), p["ba"])}.items():
        assert relative_error(g[key], value) < 1e-6, key


def test_rnn_backward_sums_parameter_gradients_over_time_and_batch():
    """dWaa is the sum of the per-step gradients: one step's alone (or one example's) is not it."""
    rng = np.random.default_rng(5)
    p = rnn_parameters(rng, 2, 3, 2)
    x, a0, da = rng.normal(0, 1, (2, 4, 5)), rng.normal(0, 1, (3, 4)), rng.normal(0, 1, (3, 4, 5))
    _, _, caches = ref.rnn_forward(x, a0, p)
    g = ref.rnn_backward(da, caches)
    last = ref.rnn_cell_backward(da[:, :, -1], caches[0][-1])
    assert not np.allclose(g["dWaa"], last["dWaa"])
    single = ref.rnn_backward(da[:, :1], ([(c[0][:, :1], c[1][:, :1], c[2][:, :1], c[3]) for c in caches[0]],
                                          x[:, :1]))
    assert not np.allclose(g["dba"], single["dba"])


# --------------------------------------------------------------------------------------------
# GRU (9.5)
# --------------------------------------------------------------------------------------------

def test_gru_cell_forward_matches_a_torch_transcription_of_the_books_formulas():
    rng = np.random.default_rng(6)
    n_x, n_c, m = 3, 4, 5
    p = gru_parameters(rng, n_x, n_c)
    xt, c_prev = rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_c, m))
    c_next, cache = ref.gru_cell_forward(xt, c_prev, p)
    expected = book_gru_torch(t(xt, False), t(c_prev, False), {k: t(v, False) for k, v in p.items()})
    np.testing.assert_allclose(c_next, expected.numpy(), rtol=1e-12)
    assert cache[0] is c_next and cache[1] is c_prev


def test_gru_cell_forward_is_differentiable_like_its_transcription():
    """The Jacobian-vector product of the reference (centred differences) equals autograd's on the
    transcription: the two compute the same function, not just the same values at one point."""
    rng = np.random.default_rng(7)
    n_x, n_c, m = 2, 3, 4
    p = gru_parameters(rng, n_x, n_c)
    xt, c_prev, dc = rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_c, m)), rng.normal(0, 1, (n_c, m))
    tp = {k: t(v) for k, v in p.items()}
    tx, tc = t(xt), t(c_prev)
    (book_gru_torch(tx, tc, tp) * torch.tensor(dc)).sum().backward()

    def J(xt=xt, c_prev=c_prev, **changed):
        return np.sum(dc * ref.gru_cell_forward(xt, c_prev, {**p, **changed})[0])
    assert relative_error(numerical_gradient(lambda v: J(xt=v), xt), tx.grad.numpy()) < 1e-6
    assert relative_error(numerical_gradient(lambda v: J(c_prev=v), c_prev), tc.grad.numpy()) < 1e-6
    for key in p:
        numeric = numerical_gradient(lambda v, key=key: J(**{key: v}), p[key])
        assert relative_error(numeric, tp[key].grad.numpy()) < 1e-6, key


def test_gru_cell_forward_equals_torch_gru_cell_when_the_reset_gate_is_open():
    """torch.nn.GRUCell applies its reset gate after the matrix product (r * (W_hn h + b_hn)), the book
    before it (Wc [r * c, x]); with r = 1 the two agree (torch's update gate z is the book's 1 - Γu)."""
    rng = np.random.default_rng(8)
    n_x, n_c, m = 3, 4, 5
    p = gru_parameters(rng, n_x, n_c)
    p["Wr"], p["br"] = np.zeros_like(p["Wr"]), np.full_like(p["br"], 60.0)   # Γr = σ(60) = 1
    xt, c_prev = rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_c, m))
    cell = torch.nn.GRUCell(n_x, n_c)
    with torch.no_grad():   # torch's rows: r, z, n
        cell.weight_ih.copy_(torch.tensor(np.concatenate([p["Wr"][:, n_c:], -p["Wu"][:, n_c:], p["Wc"][:, n_c:]])))
        cell.weight_hh.copy_(torch.tensor(np.concatenate([p["Wr"][:, :n_c], -p["Wu"][:, :n_c], p["Wc"][:, :n_c]])))
        cell.bias_ih.copy_(torch.tensor(np.concatenate([p["br"][:, 0], -p["bu"][:, 0], p["bc"][:, 0]])))
        cell.bias_hh.zero_()
        h = cell(torch.tensor(xt.T), torch.tensor(c_prev.T)).numpy().T
    np.testing.assert_allclose(ref.gru_cell_forward(xt, c_prev, p)[0], h, rtol=1e-12)
    # with the reset gate at work, they differ: the book's GRU is not torch's
    q = gru_parameters(rng, n_x, n_c)
    assert not np.allclose(ref.gru_cell_forward(xt, c_prev, q)[0],
                           book_gru_torch(t(xt, False), t(c_prev, False),
                                          {**{k: t(v, False) for k, v in q.items()}, "Wr": t(q["Wr"] * 0, False),
                                           "br": t(q["br"] * 0 + 60, False)}).numpy())


# --------------------------------------------------------------------------------------------
# LSTM
# --------------------------------------------------------------------------------------------

def test_lstm_cell_forward_matches_torch_lstm_cell():
    rng = np.random.default_rng(9)
    n_x, n_a, n_y, m = 3, 5, 2, 4
    p = lstm_parameters(rng, n_x, n_a, n_y)
    xt, a_prev, c_prev = rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_a, m))
    a_next, c_next, yt_pred, cache = ref.lstm_cell_forward(xt, a_prev, c_prev, p)
    cell = torch.nn.LSTMCell(n_x, n_a)
    load_lstm(cell, p)
    h, c = cell(torch.tensor(xt.T), (torch.tensor(a_prev.T), torch.tensor(c_prev.T)))
    np.testing.assert_allclose(a_next, h.detach().numpy().T, rtol=1e-12)
    np.testing.assert_allclose(c_next, c.detach().numpy().T, rtol=1e-12)
    np.testing.assert_allclose(yt_pred, scipy.special.softmax(p["Wy"] @ a_next + p["by"], axis=0), rtol=1e-12)
    assert len(cache) == 10 and cache[0] is a_next and cache[1] is c_next and cache[9] is p
    ft, it, cct, ot = cache[4:8]
    np.testing.assert_allclose(c_next, ft * c_prev + it * cct, rtol=1e-12)
    np.testing.assert_allclose(a_next, ot * np.tanh(c_next), rtol=1e-12)


def test_lstm_forward_matches_torch_lstm_with_zero_initial_cell():
    rng = np.random.default_rng(10)
    n_x, n_a, n_y, m, T_x = 3, 5, 2, 4, 7
    p = lstm_parameters(rng, n_x, n_a, n_y)
    x, a0 = rng.normal(0, 1, (n_x, m, T_x)), rng.normal(0, 1, (n_a, m))
    a, y, c, (caches, x_cached) = ref.lstm_forward(x, a0, p)
    lstm = torch.nn.LSTM(n_x, n_a)
    load_lstm(lstm, p, "_l0")
    out, (h_n, c_n) = lstm(torch.tensor(x.transpose(2, 1, 0)), (torch.tensor(a0.T)[None], torch.zeros(1, m, n_a)))
    np.testing.assert_allclose(a, out.detach().numpy().transpose(2, 1, 0), rtol=1e-12)
    np.testing.assert_allclose(c[:, :, -1], c_n.detach().numpy()[0].T, rtol=1e-12)
    np.testing.assert_allclose(y, scipy.special.softmax(np.einsum("ya,amt->ymt", p["Wy"], a) + p["by"][:, :, None],
                                                        axis=0), rtol=1e-12)
    assert len(caches) == T_x and x_cached is x
    np.testing.assert_array_equal(caches[0][3], np.zeros((n_a, m)))


def test_lstm_cell_backward_matches_autograd_through_torch_lstm_cell_and_centred_differences():
    rng = np.random.default_rng(11)
    n_x, n_a, n_y, m = 3, 4, 2, 5
    p = lstm_parameters(rng, n_x, n_a, n_y)
    xt, a_prev, c_prev = rng.normal(0, 1, (n_x, m)), rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_a, m))
    da_next, dc_next = rng.normal(0, 1, (n_a, m)), rng.normal(0, 1, (n_a, m))
    *_, cache = ref.lstm_cell_forward(xt, a_prev, c_prev, p)
    g = ref.lstm_cell_backward(da_next, dc_next, cache)
    assert sorted(g) == sorted(["dxt", "da_prev", "dc_prev", "dWf", "dbf", "dWi", "dbi", "dWc", "dbc", "dWo", "dbo"])

    cell = torch.nn.LSTMCell(n_x, n_a)
    load_lstm(cell, p)
    tx, ta, tc = t(xt.T), t(a_prev.T), t(c_prev.T)
    h, c = cell(tx, (ta, tc))
    ((h * torch.tensor(da_next.T)).sum() + (c * torch.tensor(dc_next.T)).sum()).backward()
    np.testing.assert_allclose(g["dxt"], tx.grad.numpy().T, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(g["da_prev"], ta.grad.numpy().T, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(g["dc_prev"], tc.grad.numpy().T, rtol=1e-10, atol=1e-14)
    for k, gate in enumerate("ifco"):   # torch's blocks i, f, g, o
        rows = slice(k * n_a, (k + 1) * n_a)
        dW = np.concatenate([cell.weight_hh.grad.numpy()[rows], cell.weight_ih.grad.numpy()[rows]], axis=1)
        np.testing.assert_allclose(g["dW" + gate], dW, rtol=1e-10, atol=1e-14, err_msg=gate)
        np.testing.assert_allclose(g["db" + gate][:, 0], cell.bias_ih.grad.numpy()[rows], rtol=1e-10, atol=1e-14)

    def J(xt=xt, a_prev=a_prev, c_prev=c_prev, **changed):
        a_next, c_next, _, _ = ref.lstm_cell_forward(xt, a_prev, c_prev, {**p, **changed})
        return np.sum(da_next * a_next) + np.sum(dc_next * c_next)
    numeric = {"dxt": numerical_gradient(lambda v: J(xt=v), xt),
               "da_prev": numerical_gradient(lambda v: J(a_prev=v), a_prev),
               "dc_prev": numerical_gradient(lambda v: J(c_prev=v), c_prev)}
    numeric.update({"d" + k: numerical_gradient(lambda v, k=k: J(**{k: v}), p[k])
                    for k in ("Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo")})
    for key, value in numeric.items():
        assert relative_error(g[key], value) < 1e-6, key


# --------------------------------------------------------------------------------------------
# clip (9.4)
# --------------------------------------------------------------------------------------------

def test_clip_clips_every_gradient_in_place_and_returns_the_dict():
    rng = np.random.default_rng(12)
    gradients = {k: rng.normal(0, 8, shape) for k, shape in
                 (("dWaa", (4, 4)), ("dWax", (4, 3)), ("dWya", (2, 4)), ("db", (4, 1)), ("dby", (2, 1)))}
    original = {k: v.copy() for k, v in gradients.items()}
    out = ref.clip(gradients, 5.0)
    assert out is gradients and sorted(out) == sorted(original)
    for k in original:
        np.testing.assert_array_equal(out[k], np.clip(original[k], -5.0, 5.0))
        assert np.abs(out[k]).max() <= 5.0
    inside = {"dW": np.array([[0.5, -0.25]])}
    np.testing.assert_array_equal(ref.clip(inside, 1.0)["dW"], [[0.5, -0.25]])


# --------------------------------------------------------------------------------------------
# 9.8 PyTorch
# --------------------------------------------------------------------------------------------

def _float32():
    torch.set_default_dtype(torch.float32)


def test_lstmnet_is_the_books_network_and_classifies_the_last_step():
    _float32()
    torch.manual_seed(0)
    net = ref.LSTMNet()
    assert sum(p.numel() for p in net.parameters()) == 96274
    lstm = [m for m in net.modules() if isinstance(m, torch.nn.LSTM)]
    assert len(lstm) == 1 and (lstm[0].input_size, lstm[0].hidden_size, lstm[0].num_layers) == (28, 84, 2)
    assert lstm[0].batch_first
    x = torch.rand(5, 28, 28)
    with torch.no_grad():
        out = net(x)
        # an independent path: the two layers unrolled with LSTMCells holding the same weights
        h_seq = x
        for layer in range(2):
            cell = torch.nn.LSTMCell(28 if layer == 0 else 84, 84)
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                getattr(cell, name).copy_(getattr(lstm[0], f"{name}_l{layer}"))
            h, c, outputs = torch.zeros(5, 84), torch.zeros(5, 84), []
            for t in range(28):
                h, c = cell(h_seq[:, t], (h, c))
                outputs.append(h)
            h_seq = torch.stack(outputs, dim=1)
        linear = [m for m in net.modules() if isinstance(m, torch.nn.Linear)][0]
        np.testing.assert_allclose(out.numpy(), linear(h_seq[:, -1]).numpy(), rtol=1e-5, atol=1e-6)
        assert not np.allclose(out.numpy(), linear(h_seq[:, 0]).numpy(), atol=1e-3)


def _classifier_and_data(seed, n=23, classes=4):
    _float32()
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 6), torch.nn.Tanh(), torch.nn.Linear(6, classes))
    x = torch.rand(n, 28, 28)
    y = torch.randint(0, classes, (n,))
    return model, x, y


def test_train_model_takes_one_adam_step_per_batch_and_averages_the_loss_over_samples():
    from torch.utils.data import DataLoader, TensorDataset
    model, x, y = _classifier_and_data(1)
    before = [p.detach().clone() for p in model.parameters()]
    # one batch holding everything: one Adam step, whose first update is -lr * g / (|g| + eps)
    for p in model.parameters():
        p.grad = None
    loss = torch.nn.functional.cross_entropy(model(x), y)
    loss.backward()
    grads = [p.grad.detach().clone() for p in model.parameters()]
    losses = ref.train_model(model, DataLoader(TensorDataset(x, y), batch_size=len(y)), 1, 0.01)
    assert losses == pytest.approx([loss.item()], rel=1e-6)
    for p, p0, g in zip(model.parameters(), before, grads):
        np.testing.assert_allclose(p.detach().numpy(), (p0 - 0.01 * g / (g.abs() + 1e-8)).numpy(), rtol=1e-5, atol=1e-7)
    # batches of 5, 5, 5, 5, 3 at learning rate 0: the mean over the 23 samples, not over the 5 batches
    model, x, y = _classifier_and_data(2)
    losses = ref.train_model(model, DataLoader(TensorDataset(x, y), batch_size=5), 2, 0.0)
    with torch.no_grad():
        expected = torch.nn.functional.cross_entropy(model(x), y).item()
    assert losses == pytest.approx([expected, expected], rel=1e-6)


def test_evaluate_is_the_fraction_of_right_predictions_in_eval_mode():
    from torch.utils.data import DataLoader, TensorDataset
    _float32()
    torch.manual_seed(3)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 8), torch.nn.BatchNorm1d(8), torch.nn.ReLU(),
                                torch.nn.Linear(8, 3))
    with torch.no_grad():
        model[2].running_mean.uniform_(-1, 1)
        model[2].running_var.uniform_(0.5, 2)
    x, y = torch.rand(22, 28, 28), torch.randint(0, 3, (22,))
    model.eval()
    with torch.no_grad():
        expected = int((model(x).argmax(dim=1) == y).sum()) / 22
    model.train()
    accuracy = ref.evaluate(model, DataLoader(TensorDataset(x, y), batch_size=8))
    assert isinstance(accuracy, float) and accuracy == pytest.approx(expected, abs=1e-12)


def test_lstmnet_learns_the_upsampled_digits():
    """A few epochs on the notebook's data already reach 0.8 (the notebook trains 20 epochs: about 0.97)."""
    from scipy.ndimage import zoom
    from sklearn.datasets import load_digits
    from torch.utils.data import DataLoader, TensorDataset
    _float32()
    digits = load_digits()
    images = np.clip(np.array([zoom(img, 3.5, order=1) for img in digits.images]) / 16.0, 0, 1).astype(np.float32)
    assert images.shape == (1797, 28, 28) and images.min() >= 0 and images.max() <= 1
    perm = np.random.RandomState(0).permutation(len(images))
    train, test = perm[:1347], perm[1347:]
    torch.manual_seed(0)
    loader = DataLoader(TensorDataset(torch.tensor(images[train]), torch.tensor(digits.target[train])), batch_size=32,
                        shuffle=True)
    net = ref.LSTMNet()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)   # as the notebook: a small LSTM trains fastest on one thread
    try:
        losses = ref.train_model(net, loader, 4, 0.005)
    finally:
        torch.set_num_threads(threads)
    assert len(losses) == 4 and losses[-1] < losses[0]
    accuracy = ref.evaluate(net, DataLoader(TensorDataset(torch.tensor(images[test]), torch.tensor(digits.target[test])),
                                            batch_size=256))
    assert accuracy > 0.8


# --------------------------------------------------------------------------------------------
# 9.9 Keras
# --------------------------------------------------------------------------------------------

def test_build_lstm_matches_torch_lstm_with_the_same_weights():
    """Keras keeps the gates as columns i, f, c, o of kernel (28, 400): torch's order i, f, g, o, transposed."""
    import tensorflow as tf
    _float32()
    tf.keras.utils.set_random_seed(0)
    model = ref.build_lstm()
    assert model.count_params() == 52610 and getattr(model, "optimizer", None) is None   # not compiled
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["LSTM", "Dense"] and model.layers[0].units == 100 and not model.layers[0].return_sequences
    x = np.random.default_rng(13).uniform(0, 1, (4, 28, 28)).astype(np.float32)
    kernel, recurrent, bias = model.layers[0].get_weights()
    W, b = model.layers[1].get_weights()
    lstm = torch.nn.LSTM(28, 100, batch_first=True)
    with torch.no_grad():
        lstm.weight_ih_l0.copy_(torch.tensor(kernel.T))
        lstm.weight_hh_l0.copy_(torch.tensor(recurrent.T))
        lstm.bias_ih_l0.copy_(torch.tensor(bias))
        lstm.bias_hh_l0.zero_()
        out, _ = lstm(torch.tensor(x))
        expected = torch.softmax(out[:, -1] @ torch.tensor(W) + torch.tensor(b), dim=1).numpy()
    np.testing.assert_allclose(model(x, training=False).numpy(), expected, rtol=1e-4, atol=1e-6)


def test_train_lstm_tf_compiles_adam_and_sparse_cross_entropy_and_returns_the_history():
    """One epoch on one batch is one Adam step: w - lr * g√(1-β2) / (√(1-β2)|g| + ε) with Keras's ε = 1e-7."""
    import tensorflow as tf
    tf.keras.utils.set_random_seed(1)
    model = tf.keras.Sequential([tf.keras.Input((28, 28)), tf.keras.layers.Flatten(),
                                 tf.keras.layers.Dense(5, activation="tanh"), tf.keras.layers.Dense(3, activation="softmax")])
    rng = np.random.default_rng(14)
    x, y = rng.uniform(0, 1, (10, 28, 28)).astype(np.float32), rng.integers(0, 3, 10)
    before = [w.copy() for w in model.get_weights()]
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(y, model(x)))
    grads = [g.numpy() for g in tape.gradient(loss, model.trainable_weights)]
    history = ref.train_lstm_tf(model, x, y, 1, 16)
    assert isinstance(history, tf.keras.callbacks.History)
    assert history.history["loss"] == pytest.approx([float(loss)], rel=1e-5)
    assert isinstance(model.optimizer, tf.keras.optimizers.Adam)
    assert float(model.optimizer.learning_rate) == pytest.approx(1e-3)
    s = np.sqrt(1 - 0.999)
    for w, w0, g in zip(model.get_weights(), before, grads):
        np.testing.assert_allclose(w, w0 - 1e-3 * g * s / (s * np.abs(g) + 1e-7), rtol=1e-4, atol=1e-7)
    history = ref.train_lstm_tf(model, x, y, 3, 4)
    assert len(history.history["loss"]) == 3 and history.params["steps"] == 3


# --------------------------------------------------------------------------------------------
# the worker side: the probes module, and the reference graded through the real worker
# --------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def test_probes_ch09_imports_no_framework_and_no_grader_code():
    import subprocess
    import sys
    code = ("import sys; import autograder.worker.serve, autograder.worker.probes_ch09; "
            "print(sorted(m for m in sys.modules if m.startswith('autograder') or m in ('torch', 'tensorflow')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    loaded = set(eval(out))
    assert "autograder.worker.probes_ch09" in loaded
    assert all(m == "autograder" or m.startswith("autograder.worker") for m in loaded), loaded


def test_probes_report_missing_definitions_and_student_exceptions():
    from autograder.worker.probes import PROBES
    import autograder.worker.probes_ch09  # noqa: F401 - registers them

    class LSTMNet(torch.nn.Module):
        def __init__(self):
            super().__init__()
            raise ValueError("boom")

    assert PROBES["ch09.lstmnet"]({}, np.zeros((1, 28, 28)), {"lstm": [], "linear": []}) == {"missing": "LSTMNet"}
    assert PROBES["ch09.lstmnet"]({"LSTMNet": LSTMNet}, np.zeros((1, 28, 28)), {"lstm": [], "linear": []})["error"]
    assert PROBES["ch09.lstmnet"]({"LSTMNet": 3}, np.zeros((1, 28, 28)), {})["is_module_class"] is False
    assert PROBES["ch09.evaluate"]({}, (4, 3), {}, np.zeros((2, 28, 28)), np.zeros(2), 2) == {"missing": "evaluate"}


def test_reference_graded_in_the_worker_scores_full_marks():
    """The probes' answers cross the real worker channel (tensors and all) and keep the reference at full marks."""
    from autograder.assignments import Assignment, Limits
    from autograder.extract import extract
    from autograder.grading import catalogue_of, collect, run_tests
    from autograder.notebook import Cell, Notebook
    from autograder.sandbox import default_launcher
    from autograder.worker_client import WorkerStudent
    source = (ROOT / "solutions" / "ch09.py").read_text(encoding="utf-8")
    source = source.replace('tf = _ImportOnFirstUse("tensorflow")', "import tensorflow as tf")   # as the notebook does
    program = extract(Notebook("reference.ipynb", (Cell(0, 1, "code", source),), {}))
    spec = Assignment("ch09", "循环神经网络", ("numpy", "torch", "torch._dynamo", "tensorflow"),
                      Limits(call_timeout=60, load_timeout=180, memory_mb=4096, processes=256),
                      probes=("autograder.worker.probes", "autograder.worker.probes_ch09"))
    module = "autograder.graders.ch09"
    with WorkerStudent(program, spec, default_launcher()) as student:
        assert not student.load_report()
        results = run_tests(collect(module), student, seed=5, catalogue=catalogue_of(module), lang="en", reference=ref)
    assert [(r.name, r.output) for r in results if r.status != "passed"] == []
