"""Correct chapter 9 code written differently from the reference: the deeplearning.ai softmax (one
global max), stacked weight matrices ([Waa | Wax], one matrix for the four LSTM gates), loops over time
that stack their results, float32 arithmetic, clipping into new arrays.  Every function must keep
full marks."""
import numpy as np


def softmax(x):
    e_x = np.exp(x - np.max(x))          # one global shift, as the deeplearning.ai utilities do
    return e_x / e_x.sum(axis=0)


def rnn_cell_forward(xt, a_prev, parameters):
    W = np.hstack([parameters["Waa"], parameters["Wax"]]).astype(np.float32)   # [Waa | Wax] [a; x]
    z = W @ np.vstack([a_prev, xt]).astype(np.float32) + parameters["ba"].astype(np.float32)
    a_next = np.tanh(z)
    yt_pred = softmax(parameters["Wya"].astype(np.float32) @ a_next + parameters["by"].astype(np.float32))
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)


def rnn_forward(x, a0, parameters):
    a_steps, y_steps, caches = [], [], []
    a_t = a0
    for t in range(x.shape[2]):
        a_t, y_t, cache = rnn_cell_forward(x[:, :, t], a_t, parameters)
        a_steps.append(a_t)
        y_steps.append(y_t)
        caches.append(cache)
    return np.stack(a_steps, axis=2), np.stack(y_steps, axis=2), (caches, x)


def rnn_cell_backward(da_next, cache):
    a_next, a_prev, xt, parameters = cache
    dz = (da_next * (1 - a_next * a_next)).astype(np.float32)
    return {"dxt": parameters["Wax"].T.astype(np.float32) @ dz,
            "da_prev": np.einsum("ij,ik->jk", parameters["Waa"], dz),
            "dWax": np.einsum("im,jm->ij", dz, xt),
            "dWaa": dz @ a_prev.T,
            "dba": dz.sum(axis=1).reshape(-1, 1),
            "dz": dz}                                   # an extra key is fine


def rnn_backward(da, caches):
    steps, x = caches
    n_a, m, T_x = da.shape
    dx = np.zeros(x.shape)
    per_step = []
    carried = np.zeros((n_a, m))
    for t in range(T_x - 1, -1, -1):
        g = rnn_cell_backward(da[:, :, t] + carried, steps[t])
        dx[:, :, t] = g["dxt"]
        carried = g["da_prev"]
        per_step.append(g)
    return {"dx": dx, "da0": carried, "dWax": sum(g["dWax"] for g in per_step),
            "dWaa": np.sum([g["dWaa"] for g in per_step], axis=0), "dba": sum(g["dba"] for g in per_step)}


def gru_cell_forward(xt, c_prev, parameters):
    n_c = c_prev.shape[0]

    def split(W):
        return W[:, :n_c], W[:, n_c:]

    Wuc, Wux = split(parameters["Wu"])
    Wrc, Wrx = split(parameters["Wr"])
    Wcc, Wcx = split(parameters["Wc"])
    u = 1 / (1 + np.exp(-(Wuc @ c_prev + Wux @ xt + parameters["bu"])))
    r = 1 / (1 + np.exp(-(Wrc @ c_prev + Wrx @ xt + parameters["br"])))
    candidate = np.tanh(Wcc @ (r * c_prev) + Wcx @ xt + parameters["bc"])
    c_next = c_prev + u * (candidate - c_prev)
    return c_next, {"u": u, "r": r}


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    n_a = a_prev.shape[0]
    W = np.vstack([parameters[k] for k in ("Wf", "Wi", "Wc", "Wo")])        # one stacked gate matrix
    b = np.vstack([parameters[k] for k in ("bf", "bi", "bc", "bo")])
    z = W @ np.concatenate([a_prev, xt]) + b
    ft, it, ot = (0.5 * (1 + np.tanh(z[k * n_a:(k + 1) * n_a] / 2)) for k in (0, 1, 3))
    cct = np.tanh(z[2 * n_a:3 * n_a])
    c_next = ft * c_prev + it * cct
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(parameters["Wy"] @ a_next + parameters["by"])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)


def lstm_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    a, c = np.empty((n_a, m, T_x)), np.empty((n_a, m, T_x))
    y = np.empty((parameters["Wy"].shape[0], m, T_x))
    caches = []
    a_t, c_t = a0, np.zeros_like(a0)
    for t in range(T_x):
        a_t, c_t, y[..., t], cache = lstm_cell_forward(x[..., t], a_t, c_t, parameters)
        a[..., t], c[..., t] = a_t, c_t
        caches.append(cache)
    return a, y, c, (caches, x)


def lstm_cell_backward(da_next, dc_next, cache):
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = [
        v.astype(np.float32) if isinstance(v, np.ndarray) else v for v in cache]
    n_a = a_next.shape[0]
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c * tanh_c)
    dz = np.concatenate([dc * c_prev * ft * (1 - ft), dc * cct * it * (1 - it), dc * it * (1 - cct * cct),
                         da_next * tanh_c * ot * (1 - ot)])                    # f, i, c, o stacked
    concat = np.concatenate([a_prev, xt])
    dW = dz @ concat.T
    db = dz.sum(axis=1, keepdims=True)
    W = np.vstack([parameters[k] for k in ("Wf", "Wi", "Wc", "Wo")]).astype(np.float32)
    dconcat = W.T @ dz
    out = {"dxt": dconcat[n_a:], "da_prev": dconcat[:n_a], "dc_prev": dc * ft}
    for k, gate in enumerate("fico"):
        out["dW" + gate] = dW[k * n_a:(k + 1) * n_a]
        out["db" + gate] = db[k * n_a:(k + 1) * n_a]
    return out


def clip(gradients, max_value):
    return {key: np.minimum(np.maximum(value, -max_value), max_value) for key, value in gradients.items()}


# --- PyTorch (9.8) and Keras (9.9) --------------------------------------------------------------
import tensorflow as tf  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402


class LSTMNet(nn.Module):
    """Two single-layer LSTMs stacked by hand, the classifier on h_n[-1]; images of shape
    (batch, 1, 28, 28) are accepted too."""

    def __init__(self):
        super().__init__()
        self.lower = nn.LSTM(28, 84, batch_first=True)
        self.upper = nn.LSTM(84, 84, batch_first=True)
        self.classifier = nn.Linear(84, 10)

    def forward(self, images):
        x = images.view(-1, 28, 28)
        lower, _ = self.lower(x)
        _, (h_n, _) = self.upper(lower)
        return self.classifier(h_n[-1])


def train_model(model, loader, epochs, lr):
    optimizer = torch.optim.Adam(model.parameters(), lr)
    history = []
    for _ in range(epochs):
        running = torch.zeros(())
        for inputs, labels in loader:
            inputs = inputs.view(-1, 28, 28)             # as the book's loop does
            loss = nn.functional.cross_entropy(model(inputs), labels, reduction="sum")
            optimizer.zero_grad()
            (loss / len(labels)).backward()
            optimizer.step()
            running += loss.detach()
        history.append(running / len(loader.dataset))    # a 0-d tensor per epoch
    return history


def evaluate(model, loader):
    model.train(False)
    hits = torch.tensor(0)
    for inputs, labels in loader:
        with torch.no_grad():
            _, predicted = torch.max(model(inputs).data, 1)
        hits += (predicted == labels).sum()
    return hits.item() / len(loader.dataset)


def build_lstm():
    inputs = tf.keras.Input(shape=(28, 28))
    h = tf.keras.layers.LSTM(units=100, return_sequences=False)(inputs)
    logits = tf.keras.layers.Dense(10)(h)
    return tf.keras.Model(inputs, tf.keras.layers.Activation("softmax")(logits))


def train_lstm_tf(model, x, y, epochs, batch_size):
    model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy())
    return model.fit(x, y, batch_size=batch_size, epochs=epochs, shuffle=False, verbose=0)
