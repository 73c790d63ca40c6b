"""Independent float64 simulations that framework chapters are graded against.

A student's PyTorch or TensorFlow training run is compared with what the same algorithm gives when
written out in NumPy, in float64, from the same starting point: nothing a submission does to the
frameworks can change the expected numbers.
"""
from __future__ import annotations

import numpy as np


def line_fit_descent(x, y, w: float, b: float, epochs: int, lr: float) -> tuple[np.ndarray, float, float]:
    """Full-batch gradient descent on the mean squared error of the line w·x + b, from (w, b):
    (the loss before each step, the final w, the final b)."""
    x, y = np.asarray(x, np.float64).reshape(-1), np.asarray(y, np.float64).reshape(-1)
    w, b = float(w), float(b)
    losses = np.empty(epochs)
    for i in range(epochs):
        r = w * x + b - y
        losses[i] = np.mean(r * r)
        w, b = w - lr * np.mean(2 * r * x), b - lr * np.mean(2 * r)
    return losses, w, b
