"""Correct chapter 8 code written differently from the reference (which uses the book's four nested
loops): im2col in float32, np.einsum over `sliding_window_view`, vectorised pooling, one-hot argmax
masks, 0/1 integer masks, Python floats; LeNet-5 as an nn.Sequential with functional pooling,
a training loop that counts samples, `inference_mode`; the Keras CNN with the functional API and
separate activation layers.  Every function keeps full marks."""
import numpy as np
import tensorflow as tf
import torch
import torch.nn as nn
import torch.nn.functional as F
from numpy.lib.stride_tricks import sliding_window_view


def conv_output_size(n, f, pad, stride):
    return int(np.floor((n + 2 * pad - f) / stride)) + 1


def zero_pad(X, pad):
    m, n_H, n_W, n_C = X.shape
    out = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C), dtype=X.dtype)
    out[:, pad:pad + n_H, pad:pad + n_W, :] = X
    return out


def conv_single_step(a_slice_prev, W, b):
    return np.float32(np.tensordot(a_slice_prev.astype(np.float32), W.astype(np.float32), axes=3)) + np.squeeze(b)


def conv_forward(A_prev, W, b, hparameters):
    """im2col in float32: every window becomes a row, the kernels a matrix."""
    s, p = hparameters["stride"], hparameters["pad"]
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, _, _, n_C = W.shape
    X = np.pad(A_prev.astype(np.float32), ((0, 0), (p, p), (p, p), (0, 0)))
    n_H = int((n_H_prev + 2 * p - f) / s) + 1
    n_W = int((n_W_prev + 2 * p - f) / s) + 1
    cols = np.empty((m, n_H, n_W, f * f * n_C_prev), dtype=np.float32)
    for h in range(n_H):
        for w in range(n_W):
            cols[:, h, w, :] = X[:, h * s:h * s + f, w * s:w * s + f, :].reshape(m, -1)
    Z = cols.reshape(-1, f * f * n_C_prev) @ W.astype(np.float32).reshape(-1, n_C) + b.reshape(1, n_C)
    return Z.reshape(m, n_H, n_W, n_C), (A_prev, W, b, hparameters)


def pool_forward(A_prev, hparameters, mode="max"):
    f, s = hparameters["f"], hparameters["stride"]
    windows = sliding_window_view(A_prev, (f, f), axis=(1, 2))[:, ::s, ::s]   # (m, n_H, n_W, n_C, f, f)
    A = windows.max(axis=(-2, -1)) if mode == "max" else windows.mean(axis=(-2, -1))
    return A, (A_prev, hparameters)


def conv_backward(dZ, cache):
    """np.einsum over the sliding windows of the padded input."""
    A_prev, W, b, hparameters = cache
    s, p = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    X = zero_pad(A_prev, p)
    windows = sliding_window_view(X, (f, f), axis=(1, 2))[:, ::s, ::s][:, :n_H, :n_W]   # (m, n_H, n_W, C, f, f)
    dW = np.einsum("mhwcij,mhwk->ijck", windows, dZ)
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    dX = np.zeros_like(X)
    for h in range(n_H):
        for w in range(n_W):
            dX[:, h * s:h * s + f, w * s:w * s + f, :] += np.einsum("ijck,mk->mijc", W, dZ[:, h, w, :])
    return dX[:, p:p + A_prev.shape[1], p:p + A_prev.shape[2], :], dW, db


def create_mask_from_window(x):
    return (x >= x.max()).astype(int)


def distribute_value(dz, shape):
    return np.full(shape, dz / np.prod(shape))


def pool_backward(dA, cache, mode="max"):
    """Vectorised over examples and channels, float32, one-hot argmax masks."""
    A_prev, hparameters = cache
    f, s = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape, dtype=np.float32)
    for h in range(n_H):
        for w in range(n_W):
            window = A_prev[:, h * s:h * s + f, w * s:w * s + f, :]
            g = dA[:, h, w, :][:, None, None, :]
            if mode == "max":
                first = window.reshape(m, f * f, n_C).argmax(axis=1)
                onehot = np.arange(f * f)[None, :, None] == first[:, None, :]
                dA_prev[:, h * s:h * s + f, w * s:w * s + f, :] += onehot.reshape(m, f, f, n_C) * g
            else:
                dA_prev[:, h * s:h * s + f, w * s:w * s + f, :] += g / (f * f)
    return dA_prev


def vertical_edge_kernel():
    return np.array([[1.0, 0.0, -1.0]] * 3)


def detect_vertical_edges(image):
    return np.einsum("hwij,ij->hw", sliding_window_view(image, (3, 3)), vertical_edge_kernel())


class LeNet5(nn.Module):
    def __init__(self):
        super(LeNet5, self).__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 6, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(6, 16, kernel_size=5), nn.ReLU())
        self.classifier = nn.Sequential(nn.Linear(256, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                                        nn.Linear(84, 10))

    def forward(self, x):
        x = F.max_pool2d(self.features(x), kernel_size=2)
        return self.classifier(torch.flatten(x, 1))


def train_model(model, loader, epochs, lr):
    optimizer = torch.optim.Adam(model.parameters(), lr)
    losses = []
    for _ in range(epochs):
        model.train()
        total, count = 0.0, 0
        for x, y in loader:
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss) * len(y)
            count += len(y)
        losses.append(total / count)
    return np.array(losses)


def evaluate(model, loader):
    model.eval()
    hits, seen = 0, 0
    with torch.inference_mode():
        for x, y in loader:
            hits += int((model(x).argmax(dim=1) == y).sum())
            seen += len(y)
    return hits / seen


def build_cnn():
    inputs = tf.keras.Input(shape=(28, 28, 1))
    x = tf.keras.layers.Conv2D(filters=32, kernel_size=(5, 5), padding="same")(inputs)
    x = tf.keras.layers.Activation("relu")(x)
    x = tf.keras.layers.MaxPool2D(pool_size=(2, 2))(x)
    x = tf.keras.layers.Conv2D(filters=64, kernel_size=(5, 5), padding="same")(x)
    x = tf.keras.layers.ReLU()(x)
    x = tf.keras.layers.MaxPool2D()(x)
    x = tf.keras.layers.Reshape((7 * 7 * 64,))(x)
    x = tf.keras.layers.Dense(1024, activation=tf.nn.relu)(x)
    outputs = tf.keras.layers.Dense(10)(x)
    outputs = tf.keras.layers.Softmax()(outputs)
    return tf.keras.Model(inputs, outputs)


def train_cnn_tf(model, x, y, epochs, batch_size):
    model.compile(optimizer=tf.keras.optimizers.Adam(0.001),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy())
    return model.fit(x, y, batch_size=batch_size, epochs=epochs, verbose=0, shuffle=True)
