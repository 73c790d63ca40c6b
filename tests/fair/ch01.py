"""Correct chapter 1 code written differently from the reference: a lookup instead of if/elif,
f-strings and another attribute name, float32, a numerically stable sigmoid, loops, Python floats,
and a plot drawn with pyplot's state machine, labelled through `plt.legend([...])`, shown with
`plt.show()` before the figure is returned.  Every function must keep full marks."""
import math

import matplotlib.pyplot as plt
import numpy as np


def sign(x):
    if x == 0:
        return 'zero'
    return {True: 'positive', False: 'negative'}[x > 0]


class Greeter(object):
    def __init__(self, name):
        self._who = str(name)

    def greet(self, loud=False):
        text = f"Hello, {self._who}!"
        return text.upper() if loud else text


def sigmoid(x):
    x = np.asarray(x, dtype=np.float32)                # float32 throughout
    return np.exp(-np.logaddexp(np.float32(0), -x))    # stable for large |x|


def sigmoid_derivative(x):
    e = np.exp(-np.abs(np.asarray(x, dtype=np.float64)))
    return e / (1 + e) ** 2                            # σ'(x) = e^{-|x|} / (1 + e^{-|x|})², not via sigmoid


def image2vector(image):
    return np.reshape(image, (-1, 1)).copy()


def normalize_rows(x):
    out = np.empty(x.shape, dtype=np.float32)
    for i, row in enumerate(x):                        # one row at a time
        out[i] = row / math.sqrt(sum(v * v for v in row))
    return out


def l1_loss(yhat, y):
    return float(sum(abs(a - b) for a, b in zip(y, yhat)))


def l2_loss(yhat, y):
    d = (y - yhat).astype(np.float32)
    return np.dot(d, d)


def plot_sin_cos(x):
    plt.figure()
    plt.plot(x, np.sin(x))
    plt.plot(x, np.cos(x), '--')
    plt.legend(['sin', 'cos'])
    plt.xlabel('x')
    plt.ylabel('y')
    plt.title('sin and cos')
    plt.show()
    return plt.gcf()
