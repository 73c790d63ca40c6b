"""Correct chapter 6 code written differently from the reference: loops over layers and examples,
einsum, float32, in-place updates, caches with extra items, a dict of activations instead of
if/elif, labels as a flat vector.  Every function must keep full marks."""
import numpy as np


def initialize_parameters(layer_dims):
    np.random.seed(5)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters[f"W{l}"] = 0.1 * np.random.randn(n, n_prev)
        parameters[f"b{l}"] = np.zeros(n)[:, None]
    return parameters


def sigmoid(Z):
    return 0.5 * (1 + np.tanh(0.5 * Z))                 # the same function, another formula


def relu(Z):
    return Z * (Z > 0)


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float32)                  # float32 throughout
    E = np.exp(Z - Z.max(axis=0))
    return E / E.sum(axis=0)


ACTIVATIONS = {"sigmoid": lambda Z: sigmoid(Z), "relu": lambda Z: relu(Z), "softmax": lambda Z: softmax(Z)}


def single_layer_forward(A_prev, W, b, activation):
    Z = np.einsum("ij,jm->im", W, A_prev) + b
    return ACTIVATIONS[activation](Z), (A_prev, W, b, Z, activation)   # an extra item in the cache


def forward_propagation(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = single_layer_forward(A, parameters["W%d" % l], parameters["b%d" % l],
                                        "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A, caches


def compute_cost(AL, Y):
    m = Y.shape[1]
    total = 0.0
    for j in range(m):                                   # a loop over the examples
        total += Y[0, j] * np.log(AL[0, j]) + (1 - Y[0, j]) * np.log(1 - AL[0, j])
    return -total / m


def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0                                       # the book's way: 0 at the kink
    return dZ


def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return dA * s * (1 - s)


def single_layer_backward(dA, cache, activation):
    A_prev, W, b, Z = cache[:4]
    m = A_prev.shape[1]
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    dW = np.einsum("im,jm->ij", dZ, A_prev) / m
    db = dZ.mean(axis=1, keepdims=True)
    return W.T @ dZ, dW, db


def backward_propagation(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = (AL - Y) / (AL * (1 - AL))                      # the same dAL, simplified
    for l in reversed(range(1, L + 1)):
        dA, grads["dW%d" % l], grads["db%d" % l] = single_layer_backward(dA, caches[l - 1],
                                                                           "sigmoid" if l == L else "relu")
        grads["dA%d" % (l - 1)] = dA
    return grads


def update_parameters(parameters, grads, learning_rate=0.1):
    for key in list(parameters):
        parameters[key] -= learning_rate * grads["d" + key]   # in place
    return parameters


def nn_model(X, Y, layers_dims, learning_rate=0.01, num_iterations=3000, print_cost=False):
    parameters = initialize_parameters(layers_dims)
    for i in range(num_iterations):
        AL, caches = forward_propagation(X, parameters)
        parameters = update_parameters(parameters, backward_propagation(AL, Y, caches), learning_rate)
    return parameters                                    # the parameters alone are accepted too


def predict(X, parameters):
    AL, _ = forward_propagation(X, parameters)
    return (AL > 0.5).astype(int)


def one_hot(labels, C):
    return np.eye(C)[np.asarray(labels).reshape(-1)].T


def softmax_cost(AL, Y):
    return -np.einsum("cm,cm->", Y, np.log(AL)) / Y.shape[1]


def softmax_backward(AL, Y):
    return np.subtract(AL, Y)


def forward_propagation_softmax(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = single_layer_forward(A, parameters["W%d" % l], parameters["b%d" % l],
                                        "softmax" if l == L else "relu")
        caches.append(cache)
    return A, caches


def backward_propagation_softmax(AL, Y, caches):
    grads = {}
    L = len(caches)
    A_prev, W, b, Z = caches[-1][:4]
    dZ = softmax_backward(AL, Y)
    m = A_prev.shape[1]
    grads["dW%d" % L] = dZ @ A_prev.T / m
    grads["db%d" % L] = dZ.sum(axis=1, keepdims=True) / m
    dA = W.T @ dZ
    grads["dA%d" % (L - 1)] = dA
    for l in range(L - 1, 0, -1):
        dA, grads["dW%d" % l], grads["db%d" % l] = single_layer_backward(dA, caches[l - 1], "relu")
        grads["dA%d" % (l - 1)] = dA
    return grads


def nn_model_softmax(X, Y, layers_dims, learning_rate=0.1, num_iterations=3000, print_cost=False):
    parameters = initialize_parameters(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = forward_propagation_softmax(X, parameters)
        costs.append(softmax_cost(AL, Y))
        parameters = update_parameters(parameters, backward_propagation_softmax(AL, Y, caches), learning_rate)
    return parameters, costs


def predict_softmax(X, parameters):
    AL, _ = forward_propagation_softmax(X, parameters)
    return AL.argmax(axis=0)                             # a flat (m,) vector of labels
