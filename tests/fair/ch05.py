"""Correct chapter 5 code written differently from the reference.  Every function keeps full marks."""
import sys

import numpy as np


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(0)
    W1 = np.random.randn(n_h, n_x)
    W2 = np.random.randn(n_y, n_h)
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1)), "n_h": n_h}


def forward_propagation(X, parameters):
    Z1 = np.einsum("hk,km->hm", parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 0.5 * (1 + np.tanh(Z2 / 2))                   # the same sigmoid, another formula
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "X": X}


def compute_loss(A2, Y):
    m = Y.shape[1]
    total = 0.0
    for j in range(m):                                 # a loop over examples
        y, a = Y[0, j], A2[0, j]
        total -= y * np.log(a) + (1 - y) * np.log(1 - a)
    return total / m


def back_propagation(X, Y, parameters, cache):
    print("backprop", file=sys.stderr)
    m = X.shape[1]
    A1 = cache["A1"].astype(np.float32)
    dZ2 = (cache["A2"] - Y).astype(np.float32)
    dW2 = dZ2 @ A1.T / m
    db2 = dZ2.sum(axis=1).reshape(-1, 1) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1 * A1)
    dW1 = dZ1 @ X.T.astype(np.float32) / m
    db1 = np.mean(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=0.1):
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]   # in place
    return parameters


def nn_model(X, Y, n_h=3, num_iterations=200, learning_rate=0.1):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = back_propagation(X, Y, parameters, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters


def predict(X, parameters):
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(int)
