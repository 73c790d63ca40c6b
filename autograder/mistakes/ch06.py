"""Chapter 6 mistake catalogue: each variant is the reference with exactly one common mistake.

Variants use only NumPy and the chapter's reference functions (imported below), so each can also be
loaded as a student's code beside the reference.  Texts: autograder/messages/ch06.py.
"""
import numpy as np

from autograder.catalogue import Catalogue
from solutions.ch06 import (backward_propagation, backward_propagation_softmax, compute_cost,
                            forward_propagation, forward_propagation_softmax, initialize_parameters, relu,
                            relu_backward, sigmoid, sigmoid_backward, single_layer_backward,
                            single_layer_forward, softmax, softmax_backward, softmax_cost, update_parameters)

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

@catalogue.variant("sigmoid", "exp_sign")
def sigmoid_exp_sign(Z):
    return 1 / (1 + np.exp(Z))


@catalogue.variant("softmax", "no_max_shift")
def softmax_no_max_shift(Z):
    exp_Z = np.exp(Z)
    return exp_Z / np.sum(exp_Z, axis=0, keepdims=True)


@catalogue.variant("softmax", "wrong_axis")
def softmax_wrong_axis(Z):
    exp_Z = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return exp_Z / np.sum(exp_Z, axis=1, keepdims=True)


@catalogue.variant("softmax", "normalises_all_entries")
def softmax_normalises_all_entries(Z):
    exp_Z = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return exp_Z / np.sum(exp_Z)


# --- single_layer_forward, forward_propagation -----------------------------------------------

@catalogue.variant("single_layer_forward", "missing_bias")
def single_layer_forward_missing_bias(A_prev, W, b, activation):
    Z = np.dot(W, A_prev)
    if activation == 'sigmoid':
        A = sigmoid(Z)
    elif activation == 'relu':
        A = relu(Z)
    else:
        A = softmax(Z)
    return A, (A_prev, W, b, Z)


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


@catalogue.variant("forward_propagation", "sigmoid_hidden_layers")
def forward_propagation_sigmoid_hidden_layers(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'sigmoid')
        caches.append(cache)
    AL, cache = single_layer_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], 'sigmoid')
    caches.append(cache)
    return AL, caches


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


@catalogue.variant("compute_cost", "sign_flipped")
def compute_cost_sign_flipped(AL, Y):
    m = AL.shape[1]
    return 1.0 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))


@catalogue.variant("compute_cost", "missing_negative_class_term")
def compute_cost_missing_negative_class_term(AL, Y):
    m = AL.shape[1]
    return -1.0 / m * np.sum(Y * np.log(AL))


@catalogue.variant("compute_cost", "log10")
def compute_cost_log10(AL, Y):
    m = AL.shape[1]
    return -1.0 / m * np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL))


# --- relu_backward, sigmoid_backward ---------------------------------------------------------

@catalogue.variant("relu_backward", "mask_on_dA")
def relu_backward_mask_on_dA(dA, Z):
    return dA * (dA > 0)


@catalogue.variant("relu_backward", "no_mask")
def relu_backward_no_mask(dA, Z):
    return np.array(dA, copy=True)


@catalogue.variant("relu_backward", "times_relu")
def relu_backward_times_relu(dA, Z):
    return dA * np.maximum(0, Z)


@catalogue.variant("sigmoid_backward", "missing_1_minus_s")
def sigmoid_backward_missing_1_minus_s(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s


@catalogue.variant("sigmoid_backward", "derivative_of_Z")
def sigmoid_backward_derivative_of_Z(dA, Z):
    return dA * Z * (1 - Z)


@catalogue.variant("sigmoid_backward", "missing_dA")
def sigmoid_backward_missing_dA(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return s * (1 - s)


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

@catalogue.variant("backward_propagation", "dAL_sign_flipped")
def backward_propagation_dAL_sign_flipped(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = \
        single_layer_backward(dAL, caches[L - 1], 'sigmoid')
    for l in reversed(range(1, L)):
        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = \
            single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'relu')
    return grads


@catalogue.variant("backward_propagation", "dAL_divided_by_m")
def backward_propagation_dAL_divided_by_m(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / m
    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = \
        single_layer_backward(dAL, caches[L - 1], 'sigmoid')
    for l in reversed(range(1, L)):
        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = \
            single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'relu')
    return grads


@catalogue.variant("backward_propagation", "relu_output_layer")
def backward_propagation_relu_output_layer(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = \
        single_layer_backward(dAL, caches[L - 1], 'relu')
    for l in reversed(range(1, L)):
        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = \
            single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'relu')
    return grads


@catalogue.variant("backward_propagation", "sigmoid_hidden_layers")
def backward_propagation_sigmoid_hidden_layers(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = \
        single_layer_backward(dAL, caches[L - 1], 'sigmoid')
    for l in reversed(range(1, L)):
        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = \
            single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'sigmoid')
    return grads


# --- update_parameters -----------------------------------------------------------------------

@catalogue.variant("update_parameters", "plus_sign")
def update_parameters_plus_sign(parameters, grads, learning_rate=0.1):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters['W' + str(l)] = parameters['W' + str(l)] + learning_rate * grads['dW' + str(l)]
        parameters['b' + str(l)] = parameters['b' + str(l)] + learning_rate * grads['db' + str(l)]
    return parameters


@catalogue.variant("update_parameters", "no_learning_rate")
def update_parameters_no_learning_rate(parameters, grads, learning_rate=0.1):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters['W' + str(l)] = parameters['W' + str(l)] - grads['dW' + str(l)]
        parameters['b' + str(l)] = parameters['b' + str(l)] - grads['db' + str(l)]
    return parameters


@catalogue.variant("update_parameters", "skips_last_layer")
def update_parameters_skips_last_layer(parameters, grads, learning_rate=0.1):
    L = len(parameters) // 2
    for l in range(1, L):
        parameters['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]
        parameters['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]
    return parameters


@catalogue.variant("update_parameters", "bias_not_updated")
def update_parameters_bias_not_updated(parameters, grads, learning_rate=0.1):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]
    return parameters


# --- nn_model, predict -----------------------------------------------------------------------

@catalogue.variant("nn_model", "reinitialises_every_iteration")
def nn_model_reinitialises_every_iteration(X, Y, layers_dims, learning_rate=0.01, num_iterations=3000,
                                           print_cost=False):
    costs = []
    for i in range(num_iterations):
        parameters = initialize_parameters(layers_dims)
        AL, caches = forward_propagation(X, parameters)
        cost = compute_cost(AL, Y)
        grads = backward_propagation(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if (i + 1) % 100 == 0:
            costs.append(cost)
    return parameters, costs


@catalogue.variant("nn_model", "ignores_learning_rate")
def nn_model_ignores_learning_rate(X, Y, layers_dims, learning_rate=0.01, num_iterations=3000, print_cost=False):
    costs = []
    parameters = initialize_parameters(layers_dims)
    for i in range(num_iterations):
        AL, caches = forward_propagation(X, parameters)
        cost = compute_cost(AL, Y)
        grads = backward_propagation(AL, Y, caches)
        parameters = update_parameters(parameters, grads)
        if (i + 1) % 100 == 0:
            costs.append(cost)
    return parameters, costs


@catalogue.variant("predict", "returns_probabilities")
def predict_returns_probabilities(X, parameters):
    AL, _ = forward_propagation(X, parameters)
    return AL


@catalogue.variant("predict", "labels_inverted")
def predict_labels_inverted(X, parameters):
    AL, _ = forward_propagation(X, parameters)
    return (AL < 0.5).astype(float)


# --- one_hot, softmax_cost, softmax_backward -------------------------------------------------

@catalogue.variant("one_hot", "transposed")
def one_hot_transposed(labels, C):
    labels = np.asarray(labels).reshape(-1).astype(int)
    m = labels.shape[0]
    Y = np.zeros((m, C))
    Y[np.arange(m), labels] = 1
    return Y


@catalogue.variant("one_hot", "classes_from_max_label")
def one_hot_classes_from_max_label(labels, C):
    labels = np.asarray(labels).reshape(-1).astype(int)
    m = labels.shape[0]
    Y = np.zeros((labels.max() + 1, m))
    Y[labels, np.arange(m)] = 1
    return Y


@catalogue.variant("softmax_cost", "sign_flipped")
def softmax_cost_sign_flipped(AL, Y):
    m = AL.shape[1]
    return 1.0 / m * np.sum(Y * np.log(AL))


@catalogue.variant("softmax_cost", "missing_1_over_m")
def softmax_cost_missing_1_over_m(AL, Y):
    return -np.sum(Y * np.log(AL))


@catalogue.variant("softmax_cost", "binary_cross_entropy")
def softmax_cost_binary_cross_entropy(AL, Y):
    m = AL.shape[1]
    return -1.0 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))


@catalogue.variant("softmax_cost", "mean_over_classes")
def softmax_cost_mean_over_classes(AL, Y):
    return -np.mean(Y * np.log(AL))


@catalogue.variant("softmax_backward", "sign_flipped")
def softmax_backward_sign_flipped(AL, Y):
    return Y - AL


@catalogue.variant("softmax_backward", "divided_by_m")
def softmax_backward_divided_by_m(AL, Y):
    m = AL.shape[1]
    return (AL - Y) / m


@catalogue.variant("softmax_backward", "extra_activation_derivative")
def softmax_backward_extra_activation_derivative(AL, Y):
    return AL * (1 - AL) * (AL - Y)


# --- the softmax network ---------------------------------------------------------------------

@catalogue.variant("forward_propagation_softmax", "sigmoid_output_layer")
def forward_propagation_softmax_sigmoid_output_layer(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'relu')
        caches.append(cache)
    AL, cache = single_layer_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], 'sigmoid')
    caches.append(cache)
    return AL, caches


@catalogue.variant("forward_propagation_softmax", "softmax_hidden_layers")
def forward_propagation_softmax_softmax_hidden_layers(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'softmax')
        caches.append(cache)
    return A, caches


@catalogue.variant("backward_propagation_softmax", "dZ_sign_flipped")
def backward_propagation_softmax_dZ_sign_flipped(AL, Y, caches):
    grads = {}
    L = len(caches)
    A_prev, W, b, Z = caches[L - 1]
    m = A_prev.shape[1]
    dZ = Y - AL
    grads['dW' + str(L)] = 1 / m * np.dot(dZ, A_prev.T)
    grads['db' + str(L)] = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    grads['dA' + str(L - 1)] = np.dot(W.T, dZ)
    for l in reversed(range(1, L)):
        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = \
            single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'relu')
    return grads


@catalogue.variant("backward_propagation_softmax", "output_missing_1_over_m")
def backward_propagation_softmax_output_missing_1_over_m(AL, Y, caches):
    grads = {}
    L = len(caches)
    A_prev, W, b, Z = caches[L - 1]
    dZ = softmax_backward(AL, Y)
    grads['dW' + str(L)] = np.dot(dZ, A_prev.T)
    grads['db' + str(L)] = np.sum(dZ, axis=1, keepdims=True)
    grads['dA' + str(L - 1)] = np.dot(W.T, dZ)
    for l in reversed(range(1, L)):
        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = \
            single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'relu')
    return grads


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


@catalogue.variant("nn_model_softmax", "reinitialises_every_iteration")
def nn_model_softmax_reinitialises_every_iteration(X, Y, layers_dims, learning_rate=0.1, num_iterations=3000,
                                                   print_cost=False):
    costs = []
    for i in range(num_iterations):
        parameters = initialize_parameters(layers_dims)
        AL, caches = forward_propagation_softmax(X, parameters)
        cost = softmax_cost(AL, Y)
        grads = backward_propagation_softmax(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if (i + 1) % 100 == 0:
            costs.append(cost)
    return parameters, costs


@catalogue.variant("nn_model_softmax", "ignores_learning_rate")
def nn_model_softmax_ignores_learning_rate(X, Y, layers_dims, learning_rate=0.1, num_iterations=3000,
                                           print_cost=False):
    costs = []
    parameters = initialize_parameters(layers_dims)
    for i in range(num_iterations):
        AL, caches = forward_propagation_softmax(X, parameters)
        cost = softmax_cost(AL, Y)
        grads = backward_propagation_softmax(AL, Y, caches)
        parameters = update_parameters(parameters, grads)
        if (i + 1) % 100 == 0:
            costs.append(cost)
    return parameters, costs


@catalogue.variant("predict_softmax", "argmax_wrong_axis")
def predict_softmax_argmax_wrong_axis(X, parameters):
    AL, _ = forward_propagation_softmax(X, parameters)
    return np.argmax(AL, axis=1).reshape(1, -1)


@catalogue.variant("predict_softmax", "returns_probabilities")
def predict_softmax_returns_probabilities(X, parameters):
    AL, _ = forward_propagation_softmax(X, parameters)
    return AL

