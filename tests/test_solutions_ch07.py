"""The chapter-7 reference checked against independent oracles.

- every update rule against `torch.optim` over several steps (Adam, SGD, SGD with momentum and
  Nesterov after the change of variables shown below, RMSprop, Adagrad);
- batch normalisation against `torch.nn.functional.batch_norm` and `torch.autograd`;
- the regularised costs and gradients (L2; L1 away from 0) and dropout's backward pass by centred
  finite differences in float64;
- the random functions by their properties (fraction kept, spread, coverage, log-uniformity);
- normalisation and the confusion matrix against scikit-learn.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from solutions import ch06 as dnn_utils  # noqa: E402  (the chapter-6 network dnn_utils.py is built from)
from solutions import ch07 as ref  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.usefixtures("torch_float64")



# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def _network(rng, dims=(4, 5, 3, 1), m=7):
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * 0.7
        params[f"b{l}"] = rng.standard_normal((dims[l], 1)) * 0.1
    X = rng.standard_normal((dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return params, X, Y


def _numerical_gradient(f, x, h=1e-6):
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for ix in np.ndindex(x.shape):
        old = x[ix]
        x[ix] = old + h
        plus = f(x)
        x[ix] = old - h
        minus = f(x)
        x[ix] = old
        grad[ix] = (plus - minus) / (2 * h)
    return grad


def _rel_error(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


def _param_keys(params):
    return [k for l in range(1, len(params) // 2 + 1) for k in (f"W{l}", f"b{l}")]


def _state_like(params, rng=None, positive=False):
    out = {}
    for k in _param_keys(params):
        if rng is None:
            out["d" + k] = np.zeros_like(params[k])
        else:
            x = rng.standard_normal(params[k].shape)
            out["d" + k] = x ** 2 if positive else x
    return out


def _torch_params(params):
    return {k: torch.tensor(params[k], requires_grad=True) for k in _param_keys(params)}


def _quadratic(rng, params):
    """A quadratic loss ½ Σ a ⊙ (θ - c)² over every parameter; its gradient a ⊙ (θ - c)."""
    a = {k: rng.uniform(0.5, 2.0, params[k].shape) for k in _param_keys(params)}
    c = {k: rng.standard_normal(params[k].shape) for k in _param_keys(params)}

    def grad_fn(p):
        return {"d" + k: a[k] * (p[k] - c[k]) for k in a}

    def torch_grad(k, tensor):
        return torch.tensor(a[k]) * (tensor.detach() - torch.tensor(c[k]))
    return grad_fn, torch_grad


# ---------------------------------------------------------------------------------------------
# the helper module shipped to students
# ---------------------------------------------------------------------------------------------

def test_dnn_utils_imports_only_numpy():
    import ast
    tree = ast.parse((ROOT / "source" / "ch07" / "dnn_utils.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported == {"numpy"}


def test_dnn_utils_gradients_match_torch_autograd():
    rng = np.random.default_rng(0)
    params, X, Y = _network(rng)
    AL, caches = dnn_utils.forward_propagation(X, params)
    grads = dnn_utils.backward_propagation(AL, Y, caches)
    tp = _torch_params(params)
    A = torch.tensor(X)
    L = len(params) // 2
    for l in range(1, L + 1):
        Z = tp[f"W{l}"] @ A + tp[f"b{l}"]
        A = torch.sigmoid(Z) if l == L else torch.relu(Z)
    cost = torch.nn.functional.binary_cross_entropy(A, torch.tensor(Y))
    cost.backward()
    assert math.isclose(dnn_utils.compute_cost(AL, Y), cost.item(), rel_tol=1e-12)
    for k in tp:
        np.testing.assert_allclose(grads["d" + k], tp[k].grad.numpy(), rtol=1e-9, atol=1e-12)


# ---------------------------------------------------------------------------------------------
# 7.1.2 L2 and L1 regularisation: finite differences in float64
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["l2", "l1"])
def test_regularised_gradients_agree_with_finite_differences(kind):
    rng = np.random.default_rng(1)
    params, X, Y = _network(rng)
    if kind == "l1":  # keep every weight away from the kink of |w| at 0
        for l in range(1, len(params) // 2 + 1):
            W = params[f"W{l}"]
            params[f"W{l}"] = np.sign(W) * (np.abs(W) + 0.2)
    cost_fn = ref.compute_cost_with_regularization if kind == "l2" else ref.compute_cost_with_l1_regularization
    back_fn = ref.backward_propagation_with_regularization if kind == "l2" else \
        ref.backward_propagation_with_l1_regularization
    lambd = 0.7
    AL, caches = dnn_utils.forward_propagation(X, params)
    grads = back_fn(AL, Y, caches, lambd)
    for k in _param_keys(params):
        def f(value, k=k):
            p = dict(params)
            p[k] = value
            return cost_fn(dnn_utils.forward_propagation(X, p)[0], Y, p, lambd)
        assert _rel_error(grads["d" + k], _numerical_gradient(f, params[k])) < 1e-7, k


def test_l2_cost_matches_torch_weight_penalty():
    rng = np.random.default_rng(2)
    params, X, Y = _network(rng)
    AL, _ = dnn_utils.forward_propagation(X, params)
    m, lambd = Y.shape[1], 0.3
    penalty = sum(torch.sum(torch.tensor(params[f"W{l}"]) ** 2) for l in range(1, 4)) * lambd / (2 * m)
    expected = torch.nn.functional.binary_cross_entropy(torch.tensor(AL), torch.tensor(Y)) + penalty
    assert math.isclose(ref.compute_cost_with_regularization(AL, Y, params, lambd), expected.item(), rel_tol=1e-12)


def test_l2_gradient_is_torch_weight_decay_of_lambda_over_m():
    """SGD's weight_decay=λ/m adds λ/m·W to the gradient: one step equals our dW step (W only)."""
    rng = np.random.default_rng(3)
    params, X, Y = _network(rng)
    lambd, lr = 0.5, 0.1
    m = Y.shape[1]
    AL, caches = dnn_utils.forward_propagation(X, params)
    grads = ref.backward_propagation_with_regularization(AL, Y, caches, lambd)
    plain = dnn_utils.backward_propagation(AL, Y, caches)
    for l in range(1, 4):
        w = torch.tensor(params[f"W{l}"], requires_grad=True)
        opt = torch.optim.SGD([w], lr=lr, weight_decay=lambd / m)
        w.grad = torch.tensor(plain[f"dW{l}"])
        opt.step()
        np.testing.assert_allclose(w.detach().numpy(), params[f"W{l}"] - lr * grads[f"dW{l}"], rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# 7.1.3 dropout
# ---------------------------------------------------------------------------------------------

def test_dropout_backward_agrees_with_finite_differences_with_the_same_mask():
    rng = np.random.default_rng(4)
    A, G, keep_prob = rng.standard_normal((4, 6)), rng.standard_normal((4, 6)), 0.7

    def forward(x):
        np.random.seed(11)  # the same mask on every call
        return ref.dropout_forward(x, keep_prob)

    _, D = forward(A)
    numeric = _numerical_gradient(lambda x: float(np.sum(G * forward(x)[0])), A)
    assert _rel_error(ref.dropout_backward(G, D, keep_prob), numeric) < 1e-7
    assert _rel_error(ref.dropout_backward(G, D.astype(int), keep_prob), numeric) < 1e-7


def test_dropout_forward_keeps_about_keep_prob_and_preserves_the_mean():
    np.random.seed(0)
    A = np.ones((300, 400))
    for keep_prob in (0.5, 0.8, 0.95):
        A_out, D = ref.dropout_forward(A, keep_prob)
        assert D.shape == A.shape and set(np.unique(D)) <= {0, 1}
        assert abs(D.mean() - keep_prob) < 0.01
        assert abs(A_out.mean() - 1.0) < 0.02
        np.testing.assert_allclose(A_out, A * D / keep_prob)
    assert np.array_equal(ref.dropout_forward(A, 1.0)[0], A)


def test_dropout_matches_torch_in_expectation():
    """torch.nn.functional.dropout is inverted dropout with p = 1 - keep_prob: the kept entries are x/keep_prob."""
    x = torch.ones(200, 300)
    y = torch.nn.functional.dropout(x, p=0.25, training=True)
    kept = y[y != 0]
    assert torch.allclose(kept, torch.full_like(kept, 1 / 0.75))
    np.random.seed(1)
    A_out, _ = ref.dropout_forward(np.ones((200, 300)), 0.75)
    np.testing.assert_allclose(np.unique(A_out), [0.0, 1 / 0.75])


# ---------------------------------------------------------------------------------------------
# 7.2.1 mini-batches
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("m,size", [(148, 64), (128, 64), (5, 64), (1000, 1)])
def test_mini_batches_partition_the_shuffled_columns(m, size):
    rng = np.random.default_rng(m)
    X = np.vstack([np.arange(m, dtype=float), rng.standard_normal((2, m))])
    Y = (X[:1] % 3 == 0).astype(float)
    batches = ref.random_mini_batches(X, Y, size, seed=3)
    sizes = [b[0].shape[1] for b in batches]
    assert sizes == [size] * (m // size) + ([m % size] if m % size else [])
    ids = np.concatenate([b[0][0] for b in batches]).astype(int)
    assert sorted(ids) == list(range(m))
    for bx, by in batches:
        np.testing.assert_array_equal(by, (bx[:1] % 3 == 0).astype(float))
        np.testing.assert_array_equal(bx, X[:, bx[0].astype(int)])
    if m > 10:
        assert not np.array_equal(ids, np.arange(m))
    again = ref.random_mini_batches(X, Y, size, seed=3)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(batches, again))


# ---------------------------------------------------------------------------------------------
# 7.2 update rules against torch.optim
# ---------------------------------------------------------------------------------------------

def _run_torch(params, grads_seq, make_opt):
    tp = _torch_params(params)
    opt = make_opt(list(tp.values()))
    for grads in grads_seq:
        for k, t in tp.items():
            t.grad = torch.tensor(grads["d" + k])
        opt.step()
    return {k: t.detach().numpy() for k, t in tp.items()}


def _grads_seq(rng, params, steps=5):
    return [{"d" + k: rng.standard_normal(params[k].shape) for k in _param_keys(params)} for _ in range(steps)]


def test_plain_gradient_descent_matches_torch_sgd():
    rng = np.random.default_rng(5)
    params, _, _ = _network(rng)
    seq = _grads_seq(rng, params)
    ours = {k: v.copy() for k, v in params.items()}
    for grads in seq:
        ours = dnn_utils.update_parameters(ours, grads, 0.05)
    theirs = _run_torch(params, seq, lambda p: torch.optim.SGD(p, lr=0.05))
    for k in theirs:
        np.testing.assert_allclose(ours[k], theirs[k], rtol=1e-12, atol=1e-14)


def test_momentum_equals_torch_sgd_momentum_with_learning_rate_scaled_by_1_minus_beta():
    """torch: buf = β·buf + g (buf₁ = g), p -= lr·buf; ours: v = β·v + (1-β)·g (v₀ = 0), W -= α·v.
    From v₀ = 0, v_t = (1-β)·buf_t for every t, so the two agree exactly when lr = α·(1-β)."""
    rng = np.random.default_rng(6)
    params, _, _ = _network(rng)
    seq = _grads_seq(rng, params, steps=8)
    beta, lr = 0.9, 0.1
    ours, v = {k: x.copy() for k, x in params.items()}, ref.initialize_velocity(params)
    for grads in seq:
        ours, v = ref.update_parameters_with_momentum(ours, grads, v, beta, lr)
    theirs = _run_torch(params, seq, lambda p: torch.optim.SGD(p, lr=lr * (1 - beta), momentum=beta))
    for k in theirs:
        np.testing.assert_allclose(ours[k], theirs[k], rtol=1e-10, atol=1e-12)


def test_nesterov_equals_torch_nesterov_sgd_at_the_look_ahead_point():
    """torch's nesterov=True keeps the look-ahead point P = W - α·β·v as its parameter:
    with P = W - αβv, buf = v/(1-β) and lr = α(1-β), our update gives P' = P - lr·(g(P) + β·buf'),
    buf' = β·buf + g(P), which is torch's rule.  So torch's parameters are our look-ahead points."""
    rng = np.random.default_rng(7)
    params, _, _ = _network(rng)
    grad_fn, torch_grad = _quadratic(rng, params)
    beta, lr, steps = 0.9, 0.05, 10
    ours, v = {k: x.copy() for k, x in params.items()}, ref.initialize_velocity(params)
    for _ in range(steps):
        ours, v = ref.update_parameters_with_nesterov(ours, grad_fn, v, beta, lr)
    tp = _torch_params(params)
    opt = torch.optim.SGD(list(tp.values()), lr=lr * (1 - beta), momentum=beta, nesterov=True)
    for _ in range(steps):
        for k, t in tp.items():
            t.grad = torch_grad(k, t)
        opt.step()
    for k, t in tp.items():
        np.testing.assert_allclose(ours[k] - lr * beta * v["d" + k], t.detach().numpy(), rtol=1e-10, atol=1e-12)


def test_nesterov_takes_the_gradient_at_the_look_ahead_point():
    rng = np.random.default_rng(8)
    params, _, _ = _network(rng)
    v = _state_like(params, rng)
    seen = []

    def grad_fn(p):
        seen.append({k: x.copy() for k, x in p.items()})
        return {"d" + k: np.zeros_like(x) for k, x in p.items()}
    ref.update_parameters_with_nesterov({k: x.copy() for k, x in params.items()}, grad_fn, dict(v), 0.9, 0.1)
    assert len(seen) == 1
    for k in _param_keys(params):
        np.testing.assert_allclose(seen[0][k], params[k] - 0.1 * 0.9 * v["d" + k])


def test_adagrad_matches_torch_adagrad():
    """torch.optim.Adagrad: sum += g², p -= lr·g/(√sum + eps), with lr_decay=0 and
    initial_accumulator_value=0 (torch's defaults, except eps, which is 1e-10 in torch, 1e-8 here)."""
    rng = np.random.default_rng(9)
    params, _, _ = _network(rng)
    seq = _grads_seq(rng, params, steps=6)
    lr, eps = 0.1, 1e-8
    ours, s = {k: x.copy() for k, x in params.items()}, _state_like(params)
    for grads in seq:
        ours, s = ref.update_parameters_with_adagrad(ours, grads, s, lr, eps)
    theirs = _run_torch(params, seq, lambda p: torch.optim.Adagrad(p, lr=lr, lr_decay=0, eps=eps,
                                                                    initial_accumulator_value=0))
    for k in theirs:
        np.testing.assert_allclose(ours[k], theirs[k], rtol=1e-10, atol=1e-12)


def test_rmsprop_matches_torch_rmsprop():
    """torch.optim.RMSprop (centered=False, momentum=0): sq = α·sq + (1-α)·g², p -= lr·g/(√sq + eps),
    sq starts at 0 and eps is outside the root: the same rule with α = β.  They would differ with
    centered=True (divides by √(sq - mean²)) or momentum>0, and from TF1's RMSPropOptimizer, whose
    accumulator starts at 1 and whose eps sits inside the root."""
    rng = np.random.default_rng(10)
    params, _, _ = _network(rng)
    seq = _grads_seq(rng, params, steps=6)
    beta, lr, eps = 0.9, 0.01, 1e-8
    ours, s = {k: x.copy() for k, x in params.items()}, _state_like(params)
    for grads in seq:
        ours, s = ref.update_parameters_with_rmsprop(ours, grads, s, beta, lr, eps)
    theirs = _run_torch(params, seq, lambda p: torch.optim.RMSprop(p, lr=lr, alpha=beta, eps=eps))
    for k in theirs:
        np.testing.assert_allclose(ours[k], theirs[k], rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("eps", [1e-8, 1e-3])
def test_adam_matches_torch_adam_over_several_steps(eps):
    rng = np.random.default_rng(11)
    params, _, _ = _network(rng)
    seq = _grads_seq(rng, params, steps=7)
    lr, b1, b2 = 0.01, 0.9, 0.999
    ours = {k: x.copy() for k, x in params.items()}
    v, s = ref.initialize_adam(params)
    for t, grads in enumerate(seq, start=1):
        ours, v, s = ref.update_parameters_with_adam(ours, grads, v, s, t, lr, b1, b2, eps)
    theirs = _run_torch(params, seq, lambda p: torch.optim.Adam(p, lr=lr, betas=(b1, b2), eps=eps))
    for k in theirs:
        np.testing.assert_allclose(ours[k], theirs[k], rtol=1e-10, atol=1e-12)


def test_learning_rate_decay_formulas():
    assert ref.update_lr(0.5, 2, 1) == pytest.approx(0.5 / 3)
    assert ref.update_lr(0.5, 0, 1) == 0.5
    assert ref.schedule_lr_decay(0.5, 100, 1, time_interval=100) == pytest.approx(0.25)
    assert ref.schedule_lr_decay(0.5, 199, 1, time_interval=100) == pytest.approx(0.25)
    assert ref.schedule_lr_decay(0.5, 99, 1, time_interval=100) == pytest.approx(0.5)
    # torch's LambdaLR with the same factor gives the same schedule
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.5)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda epoch: 1 / (1 + 0.3 * epoch))
    for epoch in range(5):
        assert opt.param_groups[0]["lr"] == pytest.approx(ref.update_lr(0.5, epoch, 0.3))
        opt.step()
        sched.step()


# ---------------------------------------------------------------------------------------------
# 7.3 normalisation, initialisation, batch norm, search
# ---------------------------------------------------------------------------------------------

def test_normalize_inputs_matches_sklearn_standard_scaler():
    from sklearn.preprocessing import StandardScaler
    rng = np.random.default_rng(12)
    X_train, X_test = rng.normal(3, 2, (4, 50)), rng.normal(3, 2, (4, 20))
    X_train[2] = 7.0   # a constant feature: StandardScaler uses scale 1 there, as we do
    X_test[2] = 7.0
    scaler = StandardScaler().fit(X_train.T)
    a, b = ref.normalize_inputs(X_train, X_test)
    np.testing.assert_allclose(a, scaler.transform(X_train.T).T, atol=1e-12)
    np.testing.assert_allclose(b, scaler.transform(X_test.T).T, atol=1e-12)
    assert np.all(np.isfinite(a)) and np.all(a[2] == 0)


@pytest.mark.parametrize("name,scale", [("he", lambda n_in, n_out: math.sqrt(2 / n_in)),
                                        ("xavier", lambda n_in, n_out: math.sqrt(1 / n_in)),
                                        ("random", lambda n_in, n_out: 0.01)])
def test_initialisations_have_the_right_spread(name, scale):
    np.random.seed(0)
    dims = [400, 150, 300, 100]
    params = getattr(ref, f"initialize_parameters_{name}")(dims)
    for l in range(1, len(dims)):
        W, b = params[f"W{l}"], params[f"b{l}"]
        assert W.shape == (dims[l], dims[l - 1]) and b.shape == (dims[l], 1) and not b.any()
        assert abs(W.std() / scale(dims[l - 1], dims[l]) - 1) < 0.02
        assert abs(W.mean()) < 0.02 * W.std()
    zeros = ref.initialize_parameters_zeros([3, 2, 1])
    assert set(zeros) == {"W1", "b1", "W2", "b2"} and not any(x.any() for x in zeros.values())


def test_he_matches_torch_kaiming_normal_spread():
    w = torch.empty(300, 400)
    torch.nn.init.kaiming_normal_(w, nonlinearity="relu")  # std = √2/√fan_in, fan_in = 400
    np.random.seed(1)
    ours = ref.initialize_parameters_he([400, 300])["W1"]
    assert abs(ours.std() / w.std().item() - 1) < 0.03


def test_batchnorm_forward_matches_torch_batch_norm():
    """torch.nn.functional.batch_norm normalises (N, C) with the biased batch variance like ours;
    its `momentum` is our 1 - momentum, and it updates running_var with the UNBIASED variance
    (m/(m-1)·σ²), where CS231n and this chapter use the biased one: that is the one difference."""
    rng = np.random.default_rng(13)
    n, m = 5, 8
    Z = rng.normal(2, 3, (n, m))
    gamma, beta = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
    rm, rv = rng.standard_normal((n, 1)), rng.uniform(0.5, 2, (n, 1))
    bn = {"mode": "train", "eps": 1e-5, "momentum": 0.9, "running_mean": rm.copy(), "running_var": rv.copy()}
    out, _ = ref.batchnorm_forward(Z, gamma, beta, bn)
    t_rm, t_rv = torch.tensor(rm[:, 0]), torch.tensor(rv[:, 0])
    expected = torch.nn.functional.batch_norm(torch.tensor(Z.T), t_rm, t_rv, torch.tensor(gamma[:, 0]),
                                              torch.tensor(beta[:, 0]), training=True, momentum=0.1, eps=1e-5)
    np.testing.assert_allclose(out, expected.numpy().T, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(bn["running_mean"][:, 0], t_rm.numpy(), rtol=1e-12)
    batch_var = Z.var(axis=1)
    np.testing.assert_allclose(bn["running_var"][:, 0], t_rv.numpy() - 0.1 * batch_var * (m / (m - 1) - 1), rtol=1e-12)
    # test mode: the running statistics
    bn["mode"] = "test"
    out_test, _ = ref.batchnorm_forward(Z, gamma, beta, bn)
    expected = torch.nn.functional.batch_norm(torch.tensor(Z.T), torch.tensor(bn["running_mean"][:, 0]),
                                              torch.tensor(bn["running_var"][:, 0]), torch.tensor(gamma[:, 0]),
                                              torch.tensor(beta[:, 0]), training=False, eps=1e-5)
    np.testing.assert_allclose(out_test, expected.numpy().T, rtol=1e-10, atol=1e-12)


def test_batchnorm_backward_matches_torch_autograd_and_finite_differences():
    rng = np.random.default_rng(14)
    n, m = 4, 6
    Z = rng.normal(1, 2, (n, m))
    gamma, beta, dout = rng.standard_normal((n, 1)), rng.standard_normal((n, 1)), rng.standard_normal((n, m))

    def forward(z, g=gamma, b=beta):
        return ref.batchnorm_forward(z, g, b, {"mode": "train"})[0]
    _, cache = ref.batchnorm_forward(Z, gamma, beta, {"mode": "train"})
    dZ, dgamma, dbeta = ref.batchnorm_backward(dout, cache)
    tz, tg, tb = (torch.tensor(x, requires_grad=True) for x in (Z.T, gamma[:, 0], beta[:, 0]))
    out = torch.nn.functional.batch_norm(tz, None, None, tg, tb, training=True, eps=1e-5)
    out.backward(torch.tensor(dout.T))
    np.testing.assert_allclose(dZ, tz.grad.numpy().T, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(dgamma[:, 0], tg.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(dbeta[:, 0], tb.grad.numpy(), rtol=1e-10)
    assert _rel_error(dZ, _numerical_gradient(lambda z: float(np.sum(dout * forward(z))), Z)) < 1e-6
    assert _rel_error(dgamma, _numerical_gradient(lambda g: float(np.sum(dout * forward(Z, g=g))), gamma)) < 1e-7


def test_sample_learning_rates_is_log_uniform_and_reproducible():
    r = ref.sample_learning_rates(20000, 1e-4, 1.0, seed=0)
    assert r.shape == (20000,) and r.min() >= 1e-4 and r.max() <= 1.0
    counts = np.histogram(np.log10(r), bins=4, range=(-4, 0))[0] / r.size
    np.testing.assert_allclose(counts, 0.25, atol=0.02)  # each decade about a quarter
    np.testing.assert_array_equal(r, ref.sample_learning_rates(20000, 1e-4, 1.0, seed=0))
    assert not np.array_equal(r, ref.sample_learning_rates(20000, 1e-4, 1.0, seed=1))


# ---------------------------------------------------------------------------------------------
# 7.4 evaluation
# ---------------------------------------------------------------------------------------------

def test_train_dev_test_split_partitions_the_shuffled_examples():
    m = 101
    X = np.vstack([np.arange(m, dtype=float), np.zeros(m)])
    Y = (np.arange(m) % 2).reshape(1, m)
    parts = ref.train_dev_test_split(X, Y, (0.6, 0.2, 0.2), seed=0)
    Xs, Ys = parts[0::2], parts[1::2]
    assert [x.shape[1] for x in Xs] == [60, 20, 21]
    ids = np.concatenate([x[0] for x in Xs]).astype(int)
    assert sorted(ids) == list(range(m)) and not np.array_equal(ids, np.arange(m))
    for x, y in zip(Xs, Ys):
        np.testing.assert_array_equal(y[0], x[0].astype(int) % 2)


@pytest.mark.parametrize("errors,expected", [((0.0, 0.01, 0.11), "high variance"),
                                             ((0.0, 0.15, 0.16), "high bias"),
                                             ((0.0, 0.15, 0.30), "high bias and high variance"),
                                             ((0.0, 0.005, 0.01), "good fit"),
                                             ((0.075, 0.08, 0.09), "good fit"),
                                             ((0.075, 0.08, 0.15), "high variance")])
def test_bias_variance_cases_of_the_book(errors, expected):
    assert ref.diagnose_bias_variance(*errors) == expected


def test_confusion_matrix_matches_sklearn():
    from sklearn.metrics import confusion_matrix
    rng = np.random.default_rng(15)
    y_true, y_pred = rng.integers(0, 4, 200), rng.integers(0, 4, 200)
    y_pred[:5] = 0
    y_true[:5] = 3
    np.testing.assert_array_equal(ref.confusion_matrix(y_true, y_pred, 4),
                                  confusion_matrix(y_true, y_pred, labels=range(4)))
    np.testing.assert_array_equal(ref.confusion_matrix(y_true.reshape(1, -1), y_pred.reshape(1, -1), 5)[:4, :4],
                                  confusion_matrix(y_true, y_pred, labels=range(4)))


def test_notebook_setup_imports_every_helper_the_solutions_use():
    """The solution cells are copied from solutions/ch07/: every name it takes from the chapter-6
    network must be imported by the notebook's setup cell (`from dnn_utils import ...`)."""
    import ast
    import importlib
    import sys
    sys.path.insert(0, str(ROOT))
    nbbuild = importlib.import_module("tools.nbbuild")
    setup = next(c["source"] for c in nbbuild.build("ch07").cells if c["cell_type"] == "code")
    shipped = {a.name for node in ast.walk(ast.parse(setup)) if isinstance(node, ast.ImportFrom)
               and node.module == "dnn_utils" for a in node.names}
    used = {a.name for path in (ROOT / "solutions" / "ch07").glob("*.py")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module == "solutions.ch06" for a in node.names}
    module = {}
    exec((ROOT / "source" / "ch07" / "dnn_utils.py").read_text(encoding="utf-8"), module)
    assert used and used <= shipped
    assert shipped <= set(module)


# ---------------------------------------------------------------------------------------------
# the graders are fair to correct code written differently (tests/fair/ch07.py), in-process
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [0, 1, 2, 1234])
def test_correct_code_written_differently_keeps_full_marks(seed, monkeypatch):
    import importlib.util
    import sys
    from autograder.grading import catalogue_of, collect, run_tests
    from autograder.inprocess import InProcessStudent
    monkeypatch.syspath_prepend(str(ROOT / "source" / "ch07"))    # `from dnn_utils import ...`
    spec = importlib.util.spec_from_file_location("fair_ch07", ROOT / "tests" / "fair" / "ch07.py")
    fair = importlib.util.module_from_spec(spec)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)           # no __pycache__ in source/ch07
    spec.loader.exec_module(fair)
    monkeypatch.delitem(sys.modules, "dnn_utils", raising=False)
    module = "autograder.graders.ch07"
    with np.errstate(all="ignore"):
        results = run_tests(collect(module), InProcessStudent(vars(fair)), seed=seed, catalogue=catalogue_of(module),
                            lang="en")
    assert not [(r.name, r.output) for r in results if r.status != "passed"]
