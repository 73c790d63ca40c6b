"""Chapter 5 mistake catalogue: each variant is the reference with exactly one common mistake.

Variants use only NumPy and the chapter's reference functions (sigmoid, initialize_parameters,
forward_propagation, back_propagation, update_parameters), so that each can be loaded as a student's
code beside the reference.
"""
import numpy as np

from autograder.catalogue import Catalogue
from solutions.ch05 import back_propagation, forward_propagation, initialize_parameters, sigmoid, update_parameters

catalogue = Catalogue("ch05")


# --- initialize_parameters ----------------------------------------------------------------------

@catalogue.variant("initialize_parameters", "scaled_by_0_01")
def initialize_parameters_scaled_by_0_01(n_x, n_h, n_y):
    np.random.seed(0)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}


@catalogue.variant("initialize_parameters", "W_shapes_transposed")
def initialize_parameters_W_shapes_transposed(n_x, n_h, n_y):
    np.random.seed(0)
    W1 = np.random.randn(n_x, n_h)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_h, n_y)
    b2 = np.zeros((n_y, 1))
    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}


@catalogue.variant("initialize_parameters", "b_1d")
def initialize_parameters_b_1d(n_x, n_h, n_y):
    np.random.seed(0)
    W1 = np.random.randn(n_h, n_x)
    b1 = np.zeros(n_h)
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros(n_y)
    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}


@catalogue.variant("initialize_parameters", "uniform_rand")
def initialize_parameters_uniform_rand(n_x, n_h, n_y):
    np.random.seed(0)
    W1 = np.random.rand(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.rand(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}


# --- forward_propagation ------------------------------------------------------------------------

@catalogue.variant("forward_propagation", "sigmoid_hidden_layer")
def forward_propagation_sigmoid_hidden_layer(X, parameters):
    W1, b1 = parameters['W1'], parameters['b1']
    W2, b2 = parameters['W2'], parameters['b2']
    Z1 = np.dot(W1, X) + b1
    A1 = sigmoid(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


@catalogue.variant("forward_propagation", "tanh_output_layer")
def forward_propagation_tanh_output_layer(X, parameters):
    W1, b1 = parameters['W1'], parameters['b1']
    W2, b2 = parameters['W2'], parameters['b2']
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = np.tanh(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


@catalogue.variant("forward_propagation", "Z_passed_to_next_layer")
def forward_propagation_Z_passed_to_next_layer(X, parameters):
    W1, b1 = parameters['W1'], parameters['b1']
    W2, b2 = parameters['W2'], parameters['b2']
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, Z1) + b2
    A2 = sigmoid(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


@catalogue.variant("forward_propagation", "bias_missing")
def forward_propagation_bias_missing(X, parameters):
    W1 = parameters['W1']
    W2 = parameters['W2']
    Z1 = np.dot(W1, X)
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1)
    A2 = sigmoid(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


# --- compute_loss -------------------------------------------------------------------------------

@catalogue.variant("compute_loss", "missing_1_over_m")
def compute_loss_missing_1_over_m(A2, Y):
    cross_entropy = -(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    return np.sum(cross_entropy)


@catalogue.variant("compute_loss", "wrong_sign")
def compute_loss_wrong_sign(A2, Y):
    m = Y.shape[1]
    cross_entropy = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    return 1.0 / m * np.sum(cross_entropy)


@catalogue.variant("compute_loss", "log_terms_swapped")
def compute_loss_log_terms_swapped(A2, Y):
    m = Y.shape[1]
    cross_entropy = -(Y * np.log(1 - A2) + (1 - Y) * np.log(A2))
    return 1.0 / m * np.sum(cross_entropy)


@catalogue.variant("compute_loss", "negative_class_term_missing")
def compute_loss_negative_class_term_missing(A2, Y):
    m = Y.shape[1]
    cross_entropy = -(Y * np.log(A2))
    return 1.0 / m * np.sum(cross_entropy)


# --- back_propagation ---------------------------------------------------------------------------

@catalogue.variant("back_propagation", "tanh_derivative_from_Z1")
def back_propagation_tanh_derivative_from_Z1(X, Y, parameters, cache):
    m = X.shape[1]
    W2 = parameters['W2']
    Z1, A1, A2 = cache['Z1'], cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(Z1, 2))
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}


@catalogue.variant("back_propagation", "sigmoid_derivative_for_tanh")
def back_propagation_sigmoid_derivative_for_tanh(X, Y, parameters, cache):
    m = X.shape[1]
    W2 = parameters['W2']
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * A1 * (1 - A1)
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}


@catalogue.variant("back_propagation", "missing_1_over_m")
def back_propagation_missing_1_over_m(X, Y, parameters, cache):
    W2 = parameters['W2']
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T)
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T)
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}


@catalogue.variant("back_propagation", "db_without_keepdims")
def back_propagation_db_without_keepdims(X, Y, parameters, cache):
    m = X.shape[1]
    W2 = parameters['W2']
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}


@catalogue.variant("back_propagation", "dZ2_Y_minus_A2")
def back_propagation_dZ2_Y_minus_A2(X, Y, parameters, cache):
    m = X.shape[1]
    W2 = parameters['W2']
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = Y - A2
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}


@catalogue.variant("back_propagation", "tanh_derivative_missing")
def back_propagation_tanh_derivative_missing(X, Y, parameters, cache):
    m = X.shape[1]
    W2 = parameters['W2']
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2)
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}


# --- update_parameters --------------------------------------------------------------------------

@catalogue.variant("update_parameters", "plus_instead_of_minus")
def update_parameters_plus_instead_of_minus(parameters, grads, learning_rate=0.1):
    W1 = parameters['W1'] + learning_rate * grads['dW1']
    b1 = parameters['b1'] + learning_rate * grads['db1']
    W2 = parameters['W2'] + learning_rate * grads['dW2']
    b2 = parameters['b2'] + learning_rate * grads['db2']
    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}


@catalogue.variant("update_parameters", "learning_rate_ignored")
def update_parameters_learning_rate_ignored(parameters, grads, learning_rate=0.1):
    W1 = parameters['W1'] - grads['dW1']
    b1 = parameters['b1'] - grads['db1']
    W2 = parameters['W2'] - grads['dW2']
    b2 = parameters['b2'] - grads['db2']
    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}


@catalogue.variant("update_parameters", "only_W_updated")
def update_parameters_only_W_updated(parameters, grads, learning_rate=0.1):
    W1 = parameters['W1'] - learning_rate * grads['dW1']
    W2 = parameters['W2'] - learning_rate * grads['dW2']
    return {'W1': W1, 'b1': parameters['b1'], 'W2': W2, 'b2': parameters['b2']}


@catalogue.variant("update_parameters", "wrong_default_learning_rate")
def update_parameters_wrong_default_learning_rate(parameters, grads, learning_rate=0.01):
    W1 = parameters['W1'] - learning_rate * grads['dW1']
    b1 = parameters['b1'] - learning_rate * grads['db1']
    W2 = parameters['W2'] - learning_rate * grads['dW2']
    b2 = parameters['b2'] - learning_rate * grads['db2']
    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}


# --- nn_model -----------------------------------------------------------------------------------

@catalogue.variant("nn_model", "parameters_not_reassigned")
def nn_model_parameters_not_reassigned(X, Y, n_h=3, num_iterations=200, learning_rate=0.1):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = back_propagation(X, Y, parameters, cache)
        update_parameters(parameters, grads, learning_rate)
    return parameters


@catalogue.variant("nn_model", "learning_rate_not_passed")
def nn_model_learning_rate_not_passed(X, Y, n_h=3, num_iterations=200, learning_rate=0.1):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = back_propagation(X, Y, parameters, cache)
        parameters = update_parameters(parameters, grads)
    return parameters


@catalogue.variant("nn_model", "initialized_inside_loop")
def nn_model_initialized_inside_loop(X, Y, n_h=3, num_iterations=200, learning_rate=0.1):
    for i in range(num_iterations):
        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        A2, cache = forward_propagation(X, parameters)
        grads = back_propagation(X, Y, parameters, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters


# --- predict ----------------------------------------------------------------------------------

@catalogue.variant("predict", "ge_instead_of_gt")
def predict_ge_instead_of_gt(X, parameters):
    A2, _ = forward_propagation(X, parameters)
    Y_pred = np.zeros((1, X.shape[1]))
    Y_pred[A2 >= 0.5] = 1
    return Y_pred


@catalogue.variant("predict", "returns_probabilities")
def predict_returns_probabilities(X, parameters):
    A2, _ = forward_propagation(X, parameters)
    return A2


@catalogue.variant("predict", "labels_flipped")
def predict_labels_flipped(X, parameters):
    A2, _ = forward_propagation(X, parameters)
    Y_pred = np.zeros((1, X.shape[1]))
    Y_pred[A2 < 0.5] = 1
    return Y_pred


@catalogue.variant("predict", "sigmoid_hidden_layer")
def predict_sigmoid_hidden_layer(X, parameters):
    A1 = sigmoid(np.dot(parameters['W1'], X) + parameters['b1'])
    A2 = sigmoid(np.dot(parameters['W2'], A1) + parameters['b2'])
    Y_pred = np.zeros((1, X.shape[1]))
    Y_pred[A2 > 0.5] = 1
    return Y_pred
