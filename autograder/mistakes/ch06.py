"""Chapter 6 mistake catalogue: each variant is the reference with exactly one common mistake.

Variants use only NumPy and the chapter's reference functions (imported below), so each can also be
loaded as a student's code beside the reference.  Texts: autograder/messages/ch06.py.
"""
import numpy as np

from autograder.catalogue import Catalogue
from solutions.ch06 import (relu, relu_backward, sigmoid, sigmoid_backward, single_layer_backward,
                            single_layer_forward, softmax, softmax_backward)

catalogue = Catalogue("ch06")


# --- initialize_parameters -------------------------------------------------------------------

@catalogue.variant("initialize_parameters", "scale_0_01")
def initialize_parameters_scale_0_01(layer_dims):
    np.random.seed(5)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters", "unscaled")
def initialize_parameters_unscaled(layer_dims):
    np.random.seed(5)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


# --- sigmoid, softmax ------------------------------------------------------------------------

catalogue.edit("sigmoid", "exp_sign", ('A = 1 / (1 + np.exp(-Z))', 'A = 1 / (1 + np.exp(Z))'))


catalogue.edit("softmax", "no_max_shift",
               ('    Z_shift = Z - np.max(Z, axis=0, keepdims=True)  # largest entry of each column becomes 0\n    exp_Z = np.exp(Z_shift)', '    exp_Z = np.exp(Z)'))


@catalogue.variant("softmax", "wrong_axis")
def softmax_wrong_axis(Z):
    exp_Z = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return exp_Z / np.sum(exp_Z, axis=1, keepdims=True)


@catalogue.variant("softmax", "normalises_all_entries")
def softmax_normalises_all_entries(Z):
    exp_Z = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return exp_Z / np.sum(exp_Z)


# --- single_layer_forward, forward_propagation -----------------------------------------------

catalogue.edit("single_layer_forward", "missing_bias",
               (' + b  # linear output', ''),
               ("elif activation == 'softmax'", 'else'),
               ('    else:\n        raise ValueError(f"unknown activation {activation!r}")', ''))


@catalogue.variant("single_layer_forward", "cache_stores_A")
def single_layer_forward_cache_stores_A(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    if activation == 'sigmoid':
        A = sigmoid(Z)
    elif activation == 'relu':
        A = relu(Z)
    else:
        A = softmax(Z)
    return A, (A_prev, W, b, A)


catalogue.edit("forward_propagation", "sigmoid_hidden_layers",
               ("A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'relu')", "A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'sigmoid')"))


@catalogue.variant("forward_propagation", "relu_output_layer")
def forward_propagation_relu_output_layer(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'relu')
        caches.append(cache)
    return A, caches


@catalogue.variant("forward_propagation", "last_cache_missing")
def forward_propagation_last_cache_missing(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'relu')
        caches.append(cache)
    AL, cache = single_layer_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], 'sigmoid')
    return AL, caches


# --- compute_cost ----------------------------------------------------------------------------

@catalogue.variant("compute_cost", "missing_1_over_m")
def compute_cost_missing_1_over_m(AL, Y):
    return np.sum(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


catalogue.edit("compute_cost", "sign_flipped",
               ('    cross_entropy = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n    cost = 1.0 / m * np.sum(cross_entropy)', '    cost = 1.0 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))'))


catalogue.edit("compute_cost", "missing_negative_class_term",
               ('    cross_entropy = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n    cost = 1.0 / m * np.sum(cross_entropy)', '    cost = -1.0 / m * np.sum(Y * np.log(AL))'))


catalogue.edit("compute_cost", "log10",
               ('    cross_entropy = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n    cost = 1.0 / m * np.sum(cross_entropy)', '    cost = -1.0 / m * np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL))'))


# --- relu_backward, sigmoid_backward ---------------------------------------------------------

catalogue.edit("relu_backward", "mask_on_dA", ('dZ = dA * (Z > 0)', 'dZ = dA * (dA > 0)'))


catalogue.edit("relu_backward", "no_mask", ('dA * (Z > 0', 'np.array(dA, copy=True'))


catalogue.edit("relu_backward", "gradient_at_zero", ("dA * (Z > 0)", "dA * (Z >= 0)"))


catalogue.edit("relu_backward", "times_relu", ('(Z > 0', 'np.maximum(0, Z'))


catalogue.edit("sigmoid_backward", "missing_1_minus_s", ('s * (1 - s)', 's'))


catalogue.edit("sigmoid_backward", "derivative_of_Z",
               ('    s = 1 / (1 + np.exp(-Z))\n    dZ = dA * s * (1 - s)', '    dZ = dA * Z * (1 - Z)'))


catalogue.edit("sigmoid_backward", "missing_dA", ('dA * s', 's'))


# --- single_layer_backward -------------------------------------------------------------------

@catalogue.variant("single_layer_backward", "missing_1_over_m")
def single_layer_backward_missing_1_over_m(dA, cache, activation):
    A_prev, W, b, Z = cache
    dZ = relu_backward(dA, Z) if activation == 'relu' else sigmoid_backward(dA, Z)
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@catalogue.variant("single_layer_backward", "db_without_keepdims")
def single_layer_backward_db_without_keepdims(dA, cache, activation):
    A_prev, W, b, Z = cache
    dZ = relu_backward(dA, Z) if activation == 'relu' else sigmoid_backward(dA, Z)
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@catalogue.variant("single_layer_backward", "dA_prev_uses_dA")
def single_layer_backward_dA_prev_uses_dA(dA, cache, activation):
    A_prev, W, b, Z = cache
    dZ = relu_backward(dA, Z) if activation == 'relu' else sigmoid_backward(dA, Z)
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dA)
    return dA_prev, dW, db


@catalogue.variant("single_layer_backward", "dA_prev_divided_by_m")
def single_layer_backward_dA_prev_divided_by_m(dA, cache, activation):
    A_prev, W, b, Z = cache
    dZ = relu_backward(dA, Z) if activation == 'relu' else sigmoid_backward(dA, Z)
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = 1 / m * np.dot(W.T, dZ)
    return dA_prev, dW, db


# --- backward_propagation --------------------------------------------------------------------

catalogue.edit("backward_propagation", "dAL_sign_flipped",
               ('    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))\n    # layer L: sigmoid', '    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)'))


catalogue.edit("backward_propagation", "dAL_divided_by_m",
               ('dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))', 'm = AL.shape[1]'),
               ('# layer L: sigmoid', 'dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / m'))


catalogue.edit("backward_propagation", "relu_output_layer",
               ("        single_layer_backward(dAL, caches[L - 1], 'sigmoid')\n    # layers L-1..1: ReLU", "        single_layer_backward(dAL, caches[L - 1], 'relu')"))


catalogue.edit("backward_propagation", "sigmoid_hidden_layers",
               ("single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'relu')", "single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'sigmoid')"))


# --- update_parameters -----------------------------------------------------------------------

catalogue.edit("update_parameters", "plus_sign",
               ("parameters['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]", "parameters['W' + str(l)] = parameters['W' + str(l)] + learning_rate * grads['dW' + str(l)]"),
               ("parameters['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]", "parameters['b' + str(l)] = parameters['b' + str(l)] + learning_rate * grads['db' + str(l)]"))


catalogue.edit("update_parameters", "no_learning_rate",
               ("parameters['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]", "parameters['W' + str(l)] = parameters['W' + str(l)] - grads['dW' + str(l)]"),
               ("parameters['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]", "parameters['b' + str(l)] = parameters['b' + str(l)] - grads['db' + str(l)]"))


catalogue.edit("update_parameters", "skips_last_layer", ('L + 1', 'L'))


catalogue.edit("update_parameters", "bias_not_updated",
               ("        parameters['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]", ''))


# --- nn_model, predict -----------------------------------------------------------------------

catalogue.edit("nn_model", "reinitialises_every_iteration",
               ('    parameters = initialize_parameters(layers_dims)', ''),
               ('    for i in range(num_iterations):', '    for i in range(num_iterations):\n        parameters = initialize_parameters(layers_dims)'),
               ('            if print_cost:\n                print("Cost after iteration %i: %f" % (i + 1, cost))', ''))


catalogue.edit("nn_model", "ignores_learning_rate",
               ('grads, learning_rate', 'grads'),
               ('            if print_cost:\n                print("Cost after iteration %i: %f" % (i + 1, cost))', ''))


catalogue.edit("predict", "returns_probabilities", ('(AL > 0.5).astype(float)', 'AL'))


catalogue.edit("predict", "labels_inverted",
               ('Y_pred = (AL > 0.5).astype(float)', 'Y_pred = (AL < 0.5).astype(float)'))


# --- one_hot, softmax_cost, softmax_backward -------------------------------------------------

catalogue.edit("one_hot", "transposed",
               ('Y = np.zeros((C, m))', 'Y = np.zeros((m, C))'),
               ('labels, np.arange(m)', 'np.arange(m), labels'))


catalogue.edit("one_hot", "classes_from_max_label", ('Y = np.zeros((C, m))', 'Y = np.zeros((labels.max() + 1, m))'))


catalogue.edit("softmax_cost", "sign_flipped",
               ('cost = -1.0 / m * np.sum(Y * np.log(AL))', 'cost = 1.0 / m * np.sum(Y * np.log(AL))'))


catalogue.edit("softmax_cost", "missing_1_over_m",
               ('    m = AL.shape[1]\n    cost = -1.0 / m * np.sum(Y * np.log(AL))', '    cost = -np.sum(Y * np.log(AL))'))


catalogue.edit("softmax_cost", "binary_cross_entropy",
               ('cost = -1.0 / m * np.sum(Y * np.log(AL))', 'cost = -1.0 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))'))


catalogue.edit("softmax_cost", "mean_over_classes",
               ('    m = AL.shape[1]\n    cost = -1.0 / m * np.sum(Y * np.log(AL))', '    cost = -np.mean(Y * np.log(AL))'))


catalogue.edit("softmax_backward", "sign_flipped", ('    dZ = AL - Y', '    dZ = Y - AL'))


catalogue.edit("softmax_backward", "divided_by_m", ('    dZ = AL - Y', '    m = AL.shape[1]\n    dZ = (AL - Y) / m'))


catalogue.edit("softmax_backward", "extra_activation_derivative",
               ('    dZ = AL - Y', '    dZ = AL * (1 - AL) * (AL - Y)'))


# --- the softmax network ---------------------------------------------------------------------

catalogue.edit("forward_propagation_softmax", "sigmoid_output_layer",
               ("AL, cache = single_layer_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], 'softmax')", "AL, cache = single_layer_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], 'sigmoid')"))


@catalogue.variant("forward_propagation_softmax", "softmax_hidden_layers")
def forward_propagation_softmax_softmax_hidden_layers(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'softmax')
        caches.append(cache)
    return A, caches


catalogue.edit("backward_propagation_softmax", "dZ_sign_flipped",
               ('    # layer L: softmax with cross-entropy, dZ = AL - Y\n    dZ = softmax_backward(AL, Y)', '    dZ = Y - AL'))


catalogue.edit("backward_propagation_softmax", "output_missing_1_over_m",
               ('    m = A_prev.shape[1]\n    # layer L: softmax with cross-entropy, dZ = AL - Y', ''),
               ('1 / m * np.dot', 'np.dot'),
               ('1 / m * np.sum', 'np.sum'))


@catalogue.variant("backward_propagation_softmax", "binary_output_gradient")
def backward_propagation_softmax_binary_output_gradient(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = \
        single_layer_backward(dAL, caches[L - 1], 'sigmoid')
    for l in reversed(range(1, L)):
        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = \
            single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'relu')
    return grads


@catalogue.variant("backward_propagation_softmax", "no_relu_mask")
def backward_propagation_softmax_no_relu_mask(AL, Y, caches):
    grads = {}
    L = len(caches)
    A_prev, W, b, Z = caches[L - 1]
    m = A_prev.shape[1]
    dZ = softmax_backward(AL, Y)
    grads['dW' + str(L)] = 1 / m * np.dot(dZ, A_prev.T)
    grads['db' + str(L)] = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    grads['dA' + str(L - 1)] = np.dot(W.T, dZ)
    for l in reversed(range(1, L)):
        A_prev, W, b, Z = caches[l - 1]
        dZ = grads['dA' + str(l)]
        grads['dW' + str(l)] = 1 / m * np.dot(dZ, A_prev.T)
        grads['db' + str(l)] = 1 / m * np.sum(dZ, axis=1, keepdims=True)
        grads['dA' + str(l - 1)] = np.dot(W.T, dZ)
    return grads


catalogue.edit("nn_model_softmax", "reinitialises_every_iteration",
               ('    parameters = initialize_parameters(layers_dims)', ''),
               ('    for i in range(num_iterations):', '    for i in range(num_iterations):\n        parameters = initialize_parameters(layers_dims)'),
               ('            if print_cost:\n                print("Cost after iteration %i: %f" % (i + 1, cost))', ''))


catalogue.edit("nn_model_softmax", "ignores_learning_rate",
               ('grads, learning_rate', 'grads'),
               ('            if print_cost:\n                print("Cost after iteration %i: %f" % (i + 1, cost))', ''))


catalogue.edit("predict_softmax", "argmax_wrong_axis",
               ('labels = np.argmax(AL, axis=0).reshape(1, -1)', 'labels = np.argmax(AL, axis=1).reshape(1, -1)'))


catalogue.edit("predict_softmax", "returns_probabilities", ('np.argmax(AL, axis=0).reshape(1, -1)', 'AL'))