"""Chapter 4 mistake catalogue: each variant is the reference with exactly one common mistake.

Variants use only NumPy and the chapter's reference functions (perceptron, AND, OR, NAND, sigmoid,
initialize_with_zeros, propagate), so that each can be loaded as a student's code beside the reference.
"""
import numpy as np

from autograder.catalogue import Catalogue
from solutions.ch04 import AND, NAND, OR, initialize_with_zeros, perceptron, propagate, sigmoid

catalogue = Catalogue("ch04")


# --- perceptron -------------------------------------------------------------------------------

@catalogue.variant("perceptron", "ge_instead_of_gt")
def perceptron_ge_instead_of_gt(x, w, b):
    z = np.dot(w, x) + b
    return 1 if z >= 0 else 0


@catalogue.variant("perceptron", "bias_subtracted")
def perceptron_bias_subtracted(x, w, b):
    z = np.dot(w, x) - b
    return 1 if z > 0 else 0


@catalogue.variant("perceptron", "outputs_swapped")
def perceptron_outputs_swapped(x, w, b):
    z = np.dot(w, x) + b
    return 0 if z > 0 else 1


# --- gates ------------------------------------------------------------------------------------

@catalogue.variant("AND", "or_bias")
def AND_or_bias(x1, x2):
    return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.2)


@catalogue.variant("OR", "and_bias")
def OR_and_bias(x1, x2):
    return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.7)


@catalogue.variant("OR", "bias_too_large")
def OR_bias_too_large(x1, x2):
    return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -1.2)


@catalogue.variant("NAND", "not_negated")
def NAND_not_negated(x1, x2):
    return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.7)


@catalogue.variant("NAND", "weights_not_negated")
def NAND_weights_not_negated(x1, x2):
    return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), 0.7)


# --- XOR --------------------------------------------------------------------------------------

@catalogue.variant("XOR", "or_of_nand_and")
def XOR_or_of_nand_and(x1, x2):
    s1 = NAND(x1, x2)
    s2 = AND(x1, x2)
    return OR(s1, s2)


@catalogue.variant("XOR", "and_of_and_or")
def XOR_and_of_and_or(x1, x2):
    s1 = AND(x1, x2)
    s2 = OR(x1, x2)
    return AND(s1, s2)


@catalogue.variant("XOR", "nand_of_nand_or")
def XOR_nand_of_nand_or(x1, x2):
    s1 = NAND(x1, x2)
    s2 = OR(x1, x2)
    return NAND(s1, s2)


@catalogue.variant("XOR", "single_layer_or")
def XOR_single_layer_or(x1, x2):
    return OR(x1, x2)


# --- sigmoid ----------------------------------------------------------------------------------

@catalogue.variant("sigmoid", "wrong_sign")
def sigmoid_wrong_sign(z):
    return 1 / (1 + np.exp(z))


@catalogue.variant("sigmoid", "missing_one")
def sigmoid_missing_one(z):
    return 1 / np.exp(-z)


@catalogue.variant("sigmoid", "tanh_instead")
def sigmoid_tanh_instead(z):
    return np.tanh(z)


# --- initialize_with_zeros ----------------------------------------------------------------------

@catalogue.variant("initialize_with_zeros", "W_1d")
def initialize_with_zeros_W_1d(dim):
    W = np.zeros(dim)
    b = 0.0
    return W, b


@catalogue.variant("initialize_with_zeros", "W_row_vector")
def initialize_with_zeros_W_row_vector(dim):
    W = np.zeros((1, dim))
    b = 0.0
    return W, b


@catalogue.variant("initialize_with_zeros", "W_ones")
def initialize_with_zeros_W_ones(dim):
    W = np.ones((dim, 1))
    b = 0.0
    return W, b


# --- propagate --------------------------------------------------------------------------------

@catalogue.variant("propagate", "cost_missing_1_over_m")
def propagate_cost_missing_1_over_m(W, b, X, Y):
    m = X.shape[1]
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    cost = -np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))
    dW = 1.0 / m * np.dot(X, (Y_hat - Y).T)
    db = 1.0 / m * np.sum(Y_hat - Y)
    return {'dW': dW, 'db': db}, cost


@catalogue.variant("propagate", "cost_sign_flipped")
def propagate_cost_sign_flipped(W, b, X, Y):
    m = X.shape[1]
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    cost = 1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))
    dW = 1.0 / m * np.dot(X, (Y_hat - Y).T)
    db = 1.0 / m * np.sum(Y_hat - Y)
    return {'dW': dW, 'db': db}, cost


@catalogue.variant("propagate", "cost_log_terms_swapped")
def propagate_cost_log_terms_swapped(W, b, X, Y):
    m = X.shape[1]
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    cost = -1.0 / m * np.sum(Y * np.log(1 - Y_hat) + (1 - Y) * np.log(Y_hat))
    dW = 1.0 / m * np.dot(X, (Y_hat - Y).T)
    db = 1.0 / m * np.sum(Y_hat - Y)
    return {'dW': dW, 'db': db}, cost


@catalogue.variant("propagate", "gradients_missing_1_over_m")
def propagate_gradients_missing_1_over_m(W, b, X, Y):
    m = X.shape[1]
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    cost = -1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))
    dW = np.dot(X, (Y_hat - Y).T)
    db = np.sum(Y_hat - Y)
    return {'dW': dW, 'db': db}, cost


@catalogue.variant("propagate", "db_missing_1_over_m")
def propagate_db_missing_1_over_m(W, b, X, Y):
    m = X.shape[1]
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    cost = -1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))
    dW = 1.0 / m * np.dot(X, (Y_hat - Y).T)
    db = np.sum(Y_hat - Y)
    return {'dW': dW, 'db': db}, cost


@catalogue.variant("propagate", "gradients_sign_flipped")
def propagate_gradients_sign_flipped(W, b, X, Y):
    m = X.shape[1]
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    cost = -1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))
    dW = 1.0 / m * np.dot(X, (Y - Y_hat).T)
    db = 1.0 / m * np.sum(Y - Y_hat)
    return {'dW': dW, 'db': db}, cost


@catalogue.variant("propagate", "dW_wrong_orientation")
def propagate_dW_wrong_orientation(W, b, X, Y):
    m = X.shape[1]
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    cost = -1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))
    dW = 1.0 / m * np.dot(Y_hat - Y, X.T)
    db = 1.0 / m * np.sum(Y_hat - Y)
    return {'dW': dW, 'db': db}, cost


# --- optimizer --------------------------------------------------------------------------------

@catalogue.variant("optimizer", "b_not_updated")
def optimizer_b_not_updated(X, Y, num_iterations=200, learning_rate=0.01):
    W, b = initialize_with_zeros(X.shape[0])
    cost = []
    for i in range(num_iterations):
        grads, J = propagate(W, b, X, Y)
        cost.append(J)
        W = W - learning_rate * grads['dW']
    return W, b, cost


@catalogue.variant("optimizer", "plus_instead_of_minus")
def optimizer_plus_instead_of_minus(X, Y, num_iterations=200, learning_rate=0.01):
    W, b = initialize_with_zeros(X.shape[0])
    cost = []
    for i in range(num_iterations):
        grads, J = propagate(W, b, X, Y)
        cost.append(J)
        W = W + learning_rate * grads['dW']
        b = b + learning_rate * grads['db']
    return W, b, cost


@catalogue.variant("optimizer", "learning_rate_ignored")
def optimizer_learning_rate_ignored(X, Y, num_iterations=200, learning_rate=0.01):
    W, b = initialize_with_zeros(X.shape[0])
    cost = []
    for i in range(num_iterations):
        grads, J = propagate(W, b, X, Y)
        cost.append(J)
        W = W - grads['dW']
        b = b - grads['db']
    return W, b, cost


@catalogue.variant("optimizer", "cost_after_update")
def optimizer_cost_after_update(X, Y, num_iterations=200, learning_rate=0.01):
    W, b = initialize_with_zeros(X.shape[0])
    cost = []
    for i in range(num_iterations):
        grads, J = propagate(W, b, X, Y)
        W = W - learning_rate * grads['dW']
        b = b - learning_rate * grads['db']
        cost.append(propagate(W, b, X, Y)[1])
    return W, b, cost


@catalogue.variant("optimizer", "one_iteration_short")
def optimizer_one_iteration_short(X, Y, num_iterations=200, learning_rate=0.01):
    W, b = initialize_with_zeros(X.shape[0])
    cost = []
    for i in range(1, num_iterations):
        grads, J = propagate(W, b, X, Y)
        cost.append(J)
        W = W - learning_rate * grads['dW']
        b = b - learning_rate * grads['db']
    return W, b, cost


@catalogue.variant("optimizer", "cost_list_has_final_cost")
def optimizer_cost_list_has_final_cost(X, Y, num_iterations=200, learning_rate=0.01):
    W, b = initialize_with_zeros(X.shape[0])
    cost = []
    for i in range(num_iterations):
        grads, J = propagate(W, b, X, Y)
        cost.append(J)
        W = W - learning_rate * grads['dW']
        b = b - learning_rate * grads['db']
    cost.append(propagate(W, b, X, Y)[1])
    return W, b, cost


# --- predict ----------------------------------------------------------------------------------

@catalogue.variant("predict", "ge_instead_of_gt")
def predict_ge_instead_of_gt(X, W, b):
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    Y_pred = np.zeros((1, X.shape[1]))
    Y_pred[Y_hat >= 0.5] = 1
    return Y_pred


@catalogue.variant("predict", "threshold_on_z")
def predict_threshold_on_z(X, W, b):
    Z = np.dot(W.T, X) + b
    Y_pred = np.zeros((1, X.shape[1]))
    Y_pred[Z > 0.5] = 1
    return Y_pred


@catalogue.variant("predict", "returns_probabilities")
def predict_returns_probabilities(X, W, b):
    return sigmoid(np.dot(W.T, X) + b)


@catalogue.variant("predict", "labels_flipped")
def predict_labels_flipped(X, W, b):
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    Y_pred = np.zeros((1, X.shape[1]))
    Y_pred[Y_hat < 0.5] = 1
    return Y_pred
