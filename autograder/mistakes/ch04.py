"""Chapter 4 mistake catalogue: each variant is the reference with exactly one common mistake.

Variants use only NumPy and the chapter's reference functions (perceptron, AND, OR, NAND, sigmoid,
initialize_with_zeros, propagate), so that each can be loaded as a student's code beside the reference.
"""
import numpy as np

from autograder.catalogue import Catalogue
from solutions.ch04 import OR, initialize_with_zeros, propagate, sigmoid

catalogue = Catalogue("ch04")


# --- perceptron -------------------------------------------------------------------------------

catalogue.edit("perceptron", "ge_instead_of_gt", ('return 1 if z > 0 else 0', 'return 1 if z >= 0 else 0'))


@catalogue.variant("perceptron", "bias_subtracted")
def perceptron_bias_subtracted(x, w, b):
    z = np.dot(w, x) - b
    return 1 if z > 0 else 0


catalogue.edit("perceptron", "outputs_swapped", ('1 if z > 0 else 0', '0 if z > 0 else 1'))


# --- gates ------------------------------------------------------------------------------------

catalogue.edit("AND", "or_bias",
               ('return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.7)', 'return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.2)'))


catalogue.edit("OR", "and_bias",
               ('return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.2)', 'return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.7)'))


catalogue.edit("OR", "bias_too_large",
               ('return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.2)', 'return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -1.2)'))


catalogue.edit("NAND", "not_negated", ('-0.5, -0.5]), 0.7', '0.5, 0.5]), -0.7'))


catalogue.edit("NAND", "weights_not_negated",
               ('return perceptron(np.array([x1, x2]), np.array([-0.5, -0.5]), 0.7)', 'return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), 0.7)'))


# --- XOR --------------------------------------------------------------------------------------

catalogue.edit("XOR", "or_of_nand_and",
               ('s2 = OR(x1, x2)', 's2 = AND(x1, x2)'),
               ('AND(s1, s2)   # layer 2', 'OR(s1, s2)'))


catalogue.edit("XOR", "and_of_and_or", ('NAND(x1, x2)    # layer 1', 'AND(x1, x2)'))


catalogue.edit("XOR", "nand_of_nand_or", ('AND(s1, s2)   # layer 2', 'NAND(s1, s2)'))


@catalogue.variant("XOR", "single_layer_or")
def XOR_single_layer_or(x1, x2):
    return OR(x1, x2)


# --- sigmoid ----------------------------------------------------------------------------------

catalogue.edit("sigmoid", "wrong_sign", ('a = 1 / (1 + np.exp(-z))', 'a = 1 / (1 + np.exp(z))'))


catalogue.edit("sigmoid", "missing_one", ('(1 + np.exp(-z)', 'np.exp(-z'))


catalogue.edit("sigmoid", "tanh_instead", ('1 / (1 + np.exp(-z)', 'np.tanh(z'))


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

catalogue.edit("propagate", "cost_missing_1_over_m",
               ('1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))  # J', 'np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))'))


catalogue.edit("propagate", "cost_sign_flipped",
               ('-1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))  # J', '1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))'))


catalogue.edit("propagate", "cost_log_terms_swapped",
               ('Y_hat) + (1 - Y) * np.log(1 - Y_hat))  # J', '1 - Y_hat) + (1 - Y) * np.log(Y_hat))'))


catalogue.edit("propagate", "gradients_missing_1_over_m",
               ('1.0 / m * np.dot(X, (Y_hat - Y).T)                                      # (dim, 1', 'np.dot(X, (Y_hat - Y).T'),
               ('1.0 / m * np.sum(Y_hat - Y)                                             # scalar', 'np.sum(Y_hat - Y)'))


catalogue.edit("propagate", "db_missing_1_over_m",
               ('1.0 / m * np.sum(Y_hat - Y)                                             # scalar', 'np.sum(Y_hat - Y)'))


catalogue.edit("propagate", "gradients_sign_flipped",
               ('Y_hat - Y).T)                                      # (dim, 1', 'Y - Y_hat).T'),
               ('Y_hat - Y)                                             # scalar', 'Y - Y_hat)'))


catalogue.edit("propagate", "dW_wrong_orientation",
               ('X, (Y_hat - Y).T)                                      # (dim, 1', 'Y_hat - Y, X.T'))


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


catalogue.edit("optimizer", "cost_after_update",
               ('        cost.append(J)', ''),
               ("        if (i + 1) % 100 == 0:\n            print('Iteration: %d, J = %f' % (i + 1, J))", '        cost.append(propagate(W, b, X, Y)[1])'))


catalogue.edit("optimizer", "one_iteration_short",
               ('for i in range(num_iterations):', 'for i in range(1, num_iterations):'),
               ("        if (i + 1) % 100 == 0:\n            print('Iteration: %d, J = %f' % (i + 1, J))", ''))


catalogue.edit("optimizer", "cost_list_has_final_cost",
               ("        if (i + 1) % 100 == 0:\n            print('Iteration: %d, J = %f' % (i + 1, J))", '    cost.append(propagate(W, b, X, Y)[1])'))


# --- predict ----------------------------------------------------------------------------------

catalogue.edit("predict", "ge_instead_of_gt", ('Y_pred[Y_hat > 0.5] = 1', 'Y_pred[Y_hat >= 0.5] = 1'))


catalogue.edit("predict", "threshold_on_z",
               ('Y_hat = sigmoid(np.dot(W.T, X) + b)', 'Z = np.dot(W.T, X) + b'),
               ('Y_pred[Y_hat > 0.5] = 1', 'Y_pred[Z > 0.5] = 1'))


@catalogue.variant("predict", "returns_probabilities")
def predict_returns_probabilities(X, W, b):
    return sigmoid(np.dot(W.T, X) + b)


catalogue.edit("predict", "labels_flipped", ('Y_pred[Y_hat > 0.5] = 1', 'Y_pred[Y_hat < 0.5] = 1'))