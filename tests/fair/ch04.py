"""Correct chapter 4 code written differently from the reference: loops, einsum, float32, in-place
updates, Python floats, booleans, warnings to stderr.  Every function must keep full marks."""
import sys
import warnings

import numpy as np


def perceptron(x, w, b):
    total = b
    for xi, wi in zip(x, w):          # an explicit loop
        total += xi * wi
    return int(total > 0)


def AND(x1, x2):
    return perceptron([x1, x2], [1.0, 1.0], -1.5)      # other valid weights


def OR(x1, x2):
    return perceptron([x1, x2], [1.0, 1.0], -0.5)


def NAND(x1, x2):
    return perceptron([x1, x2], [-1.0, -1.0], 1.5)


def XOR(x1, x2):
    return AND(NAND(x1, x2), OR(x1, x2))


def sigmoid(z):
    warnings.warn("computing a sigmoid")                # noise on stderr is not a failure
    return np.exp(-np.logaddexp(0, -np.asarray(z, dtype=np.float64)))


def initialize_with_zeros(dim):
    return np.zeros(dim).reshape(dim, 1), 0


def propagate(W, b, X, Y):
    print("propagate called", file=sys.stderr)
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.einsum("ij,ik->jk", W, X) + b)))
    cost = float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
    dZ = (A - Y).astype(np.float32)                     # float32 gradients
    dW = np.einsum("ik,jk->ij", X.astype(np.float32), dZ) / m
    db = float(np.mean(dZ))
    return {"dW": dW, "db": db, "dZ": dZ}, cost         # an extra key


def optimizer(X, Y, num_iterations=200, learning_rate=0.01):
    W = np.zeros((X.shape[0], 1))
    b = 0.0
    costs = []
    for _ in range(num_iterations):
        grads, J = propagate(W, b, X, Y)
        costs.append(J)
        W -= learning_rate * grads["dW"]                # in-place update
        b -= learning_rate * grads["db"]
    return W, b, costs


def predict(X, W, b):
    A = 1 / (1 + np.exp(-(W.T @ X + b)))
    return A > 0.5                                     # booleans are labels too
