"""Chapter 7 mistake catalogue: each variant is the reference with exactly one common mistake.

Variants of the random functions (dropout, mini-batches, initialisations, learning-rate samples,
splits) draw their own random numbers; the graders name them by the property they break (see
autograder/graders/ch07.py), not by equal outputs.
"""
import numpy as np

from autograder.catalogue import Catalogue
from solutions.dnn_utils import backward_propagation, compute_cost

catalogue = Catalogue("ch07")


# ---------------------------------------------------------------------------------------------
# 7.1.2 L2 regularisation
# ---------------------------------------------------------------------------------------------

@catalogue.variant("compute_cost_with_regularization", "missing_one_half")
def l2_cost_missing_one_half(AL, Y, parameters, lambd):
    m = Y.shape[1]
    L = len(parameters) // 2
    L2_sum = sum(np.sum(np.square(parameters['W' + str(l)])) for l in range(1, L + 1))
    return compute_cost(AL, Y) + lambd / m * L2_sum


@catalogue.variant("compute_cost_with_regularization", "missing_1_over_m")
def l2_cost_missing_1_over_m(AL, Y, parameters, lambd):
    L = len(parameters) // 2
    L2_sum = sum(np.sum(np.square(parameters['W' + str(l)])) for l in range(1, L + 1))
    return compute_cost(AL, Y) + lambd / 2 * L2_sum


@catalogue.variant("compute_cost_with_regularization", "includes_biases")
def l2_cost_includes_biases(AL, Y, parameters, lambd):
    m = Y.shape[1]
    L2_sum = sum(np.sum(np.square(p)) for p in parameters.values())
    return compute_cost(AL, Y) + lambd / (2 * m) * L2_sum


@catalogue.variant("compute_cost_with_regularization", "skips_last_layer")
def l2_cost_skips_last_layer(AL, Y, parameters, lambd):
    m = Y.shape[1]
    L = len(parameters) // 2
    L2_sum = sum(np.sum(np.square(parameters['W' + str(l)])) for l in range(1, L))
    return compute_cost(AL, Y) + lambd / (2 * m) * L2_sum


@catalogue.variant("compute_cost_with_regularization", "norm_not_squared")
def l2_cost_norm_not_squared(AL, Y, parameters, lambd):
    m = Y.shape[1]
    L = len(parameters) // 2
    L2_sum = sum(np.sqrt(np.sum(np.square(parameters['W' + str(l)]))) for l in range(1, L + 1))
    return compute_cost(AL, Y) + lambd / (2 * m) * L2_sum


@catalogue.variant("backward_propagation_with_regularization", "missing_1_over_m")
def l2_backward_missing_1_over_m(AL, Y, caches, lambd):
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd * caches[l - 1][1]
    return grads


@catalogue.variant("backward_propagation_with_regularization", "lambda_over_2m")
def l2_backward_lambda_over_2m(AL, Y, caches, lambd):
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / (2 * m) * caches[l - 1][1]
    return grads


@catalogue.variant("backward_propagation_with_regularization", "regularizes_biases")
def l2_backward_regularizes_biases(AL, Y, caches, lambd):
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * caches[l - 1][1]
        grads['db' + str(l)] = grads['db' + str(l)] + lambd / m * caches[l - 1][2]
    return grads


@catalogue.variant("backward_propagation_with_regularization", "penalty_gradient_subtracted")
def l2_backward_penalty_subtracted(AL, Y, caches, lambd):
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        grads['dW' + str(l)] = grads['dW' + str(l)] - lambd / m * caches[l - 1][1]
    return grads


# ---------------------------------------------------------------------------------------------
# 7.1.2 L1 regularisation
# ---------------------------------------------------------------------------------------------

@catalogue.variant("compute_cost_with_l1_regularization", "squares_weights")
def l1_cost_squares_weights(AL, Y, parameters, lambd):
    m = Y.shape[1]
    L = len(parameters) // 2
    L1_sum = sum(np.sum(np.square(parameters['W' + str(l)])) for l in range(1, L + 1))
    return compute_cost(AL, Y) + lambd / m * L1_sum


@catalogue.variant("compute_cost_with_l1_regularization", "missing_1_over_m")
def l1_cost_missing_1_over_m(AL, Y, parameters, lambd):
    L = len(parameters) // 2
    L1_sum = sum(np.sum(np.abs(parameters['W' + str(l)])) for l in range(1, L + 1))
    return compute_cost(AL, Y) + lambd * L1_sum


@catalogue.variant("compute_cost_with_l1_regularization", "extra_one_half")
def l1_cost_extra_one_half(AL, Y, parameters, lambd):
    m = Y.shape[1]
    L = len(parameters) // 2
    L1_sum = sum(np.sum(np.abs(parameters['W' + str(l)])) for l in range(1, L + 1))
    return compute_cost(AL, Y) + lambd / (2 * m) * L1_sum


@catalogue.variant("compute_cost_with_l1_regularization", "sum_without_abs")
def l1_cost_sum_without_abs(AL, Y, parameters, lambd):
    m = Y.shape[1]
    L = len(parameters) // 2
    L1_sum = sum(np.sum(parameters['W' + str(l)]) for l in range(1, L + 1))
    return compute_cost(AL, Y) + lambd / m * L1_sum


@catalogue.variant("backward_propagation_with_l1_regularization", "uses_W_not_sign")
def l1_backward_uses_W(AL, Y, caches, lambd):
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * caches[l - 1][1]
    return grads


@catalogue.variant("backward_propagation_with_l1_regularization", "missing_1_over_m")
def l1_backward_missing_1_over_m(AL, Y, caches, lambd):
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd * np.sign(caches[l - 1][1])
    return grads


@catalogue.variant("backward_propagation_with_l1_regularization", "uses_abs_not_sign")
def l1_backward_uses_abs(AL, Y, caches, lambd):
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.abs(caches[l - 1][1])
    return grads


@catalogue.variant("backward_propagation_with_l1_regularization", "regularizes_biases")
def l1_backward_regularizes_biases(AL, Y, caches, lambd):
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.sign(caches[l - 1][1])
        grads['db' + str(l)] = grads['db' + str(l)] + lambd / m * np.sign(caches[l - 1][2])
    return grads


# ---------------------------------------------------------------------------------------------
# 7.1.3 dropout
# ---------------------------------------------------------------------------------------------

@catalogue.variant("dropout_forward", "no_inverted_scaling")
def dropout_forward_no_scaling(A, keep_prob):
    D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob
    return A * D, D


@catalogue.variant("dropout_forward", "scales_by_keep_prob")
def dropout_forward_times_keep_prob(A, keep_prob):
    D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob
    return A * D * keep_prob, D


@catalogue.variant("dropout_forward", "keeps_with_probability_1_minus_keep_prob")
def dropout_forward_keeps_complement(A, keep_prob):
    D = np.random.rand(A.shape[0], A.shape[1]) > keep_prob
    return A * D / keep_prob, D


@catalogue.variant("dropout_forward", "mask_not_applied")
def dropout_forward_mask_not_applied(A, keep_prob):
    D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob
    return A / keep_prob, D


@catalogue.variant("dropout_backward", "no_inverted_scaling")
def dropout_backward_no_scaling(dA, D, keep_prob):
    return dA * D


@catalogue.variant("dropout_backward", "new_mask")
def dropout_backward_new_mask(dA, D, keep_prob):
    D_new = np.random.rand(dA.shape[0], dA.shape[1]) < keep_prob
    return dA * D_new / keep_prob


@catalogue.variant("dropout_backward", "scales_by_keep_prob")
def dropout_backward_times_keep_prob(dA, D, keep_prob):
    return dA * D * keep_prob


@catalogue.variant("dropout_backward", "mask_not_applied")
def dropout_backward_mask_not_applied(dA, D, keep_prob):
    return dA / keep_prob


# ---------------------------------------------------------------------------------------------
# 7.2.1 mini-batches
# ---------------------------------------------------------------------------------------------

@catalogue.variant("random_mini_batches", "drops_the_remainder")
def mini_batches_drop_remainder(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [(shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]) for k in range(m // mini_batch_size)]


@catalogue.variant("random_mini_batches", "X_and_Y_shuffled_differently")
def mini_batches_shuffle_separately(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    shuffled_X = X[:, np.random.permutation(m)]
    shuffled_Y = Y[:, np.random.permutation(m)]
    mini_batches = []
    for k in range(0, m, mini_batch_size):
        mini_batches.append((shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size]))
    return mini_batches


@catalogue.variant("random_mini_batches", "no_shuffle")
def mini_batches_no_shuffle(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size]) for k in range(0, m, mini_batch_size)]


@catalogue.variant("random_mini_batches", "empty_last_batch")
def mini_batches_empty_last(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    num_complete = m // mini_batch_size
    mini_batches = [(shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                     shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]) for k in range(num_complete)]
    mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:], shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


@catalogue.variant("random_mini_batches", "remainder_from_unshuffled_data")
def mini_batches_remainder_unshuffled(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    num_complete = m // mini_batch_size
    mini_batches = [(shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                     shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]) for k in range(num_complete)]
    if m % mini_batch_size != 0:
        mini_batches.append((X[:, num_complete * mini_batch_size:], Y[:, num_complete * mini_batch_size:]))
    return mini_batches


# ---------------------------------------------------------------------------------------------
# 7.2.2 momentum, 7.2.3 Nesterov
# ---------------------------------------------------------------------------------------------

@catalogue.variant("initialize_velocity", "keys_without_d")
def velocity_keys_without_d(parameters):
    return {k: np.zeros(p.shape) for k, p in parameters.items()}


@catalogue.variant("initialize_velocity", "skips_last_layer")
def velocity_skips_last_layer(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L):
        v['dW' + str(l)] = np.zeros(parameters['W' + str(l)].shape)
        v['db' + str(l)] = np.zeros(parameters['b' + str(l)].shape)
    return v


@catalogue.variant("update_parameters_with_momentum", "velocity_without_1_minus_beta")
def momentum_without_1_minus_beta(parameters, grads, v, beta, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


@catalogue.variant("update_parameters_with_momentum", "update_with_gradient_not_velocity")
def momentum_update_with_gradient(parameters, grads, v, beta, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * grads['d' + key]
    return parameters, v


@catalogue.variant("update_parameters_with_momentum", "beta_and_1_minus_beta_swapped")
def momentum_beta_swapped(parameters, grads, v, beta, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = (1 - beta) * v['d' + key] + beta * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


@catalogue.variant("update_parameters_with_momentum", "adds_velocity")
def momentum_adds_velocity(parameters, grads, v, beta, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] + learning_rate * v['d' + key]
    return parameters, v


@catalogue.variant("update_parameters_with_nesterov", "gradient_at_current_point")
def nesterov_gradient_at_current_point(parameters, grad_fn, v, beta, learning_rate):
    grads = grad_fn(dict(parameters))
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


@catalogue.variant("update_parameters_with_nesterov", "look_ahead_with_plus_sign")
def nesterov_look_ahead_plus(parameters, grad_fn, v, beta, learning_rate):
    L = len(parameters) // 2
    lookahead = {}
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            lookahead[key] = parameters[key] + learning_rate * beta * v['d' + key]
    grads = grad_fn(lookahead)
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


@catalogue.variant("update_parameters_with_nesterov", "look_ahead_without_learning_rate")
def nesterov_look_ahead_without_lr(parameters, grad_fn, v, beta, learning_rate):
    L = len(parameters) // 2
    lookahead = {}
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            lookahead[key] = parameters[key] - beta * v['d' + key]
    grads = grad_fn(lookahead)
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


@catalogue.variant("update_parameters_with_nesterov", "velocity_without_1_minus_beta")
def nesterov_without_1_minus_beta(parameters, grad_fn, v, beta, learning_rate):
    L = len(parameters) // 2
    lookahead = {}
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            lookahead[key] = parameters[key] - learning_rate * beta * v['d' + key]
    grads = grad_fn(lookahead)
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


# ---------------------------------------------------------------------------------------------
# 7.2.4 AdaGrad, 7.2.5 RMSprop
# ---------------------------------------------------------------------------------------------

@catalogue.variant("update_parameters_with_adagrad", "does_not_accumulate")
def adagrad_not_accumulating(parameters, grads, s, learning_rate, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / (np.sqrt(s['d' + key]) + epsilon)
    return parameters, s


@catalogue.variant("update_parameters_with_adagrad", "epsilon_inside_sqrt")
def adagrad_epsilon_inside(parameters, grads, s, learning_rate, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = s['d' + key] + np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / np.sqrt(s['d' + key] + epsilon)
    return parameters, s


@catalogue.variant("update_parameters_with_adagrad", "no_square_root")
def adagrad_no_sqrt(parameters, grads, s, learning_rate, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = s['d' + key] + np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / (s['d' + key] + epsilon)
    return parameters, s


@catalogue.variant("update_parameters_with_adagrad", "accumulates_gradient_not_square")
def adagrad_no_square(parameters, grads, s, learning_rate, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = s['d' + key] + grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / (np.sqrt(s['d' + key]) + epsilon)
    return parameters, s


@catalogue.variant("update_parameters_with_rmsprop", "no_square")
def rmsprop_no_square(parameters, grads, s, beta, learning_rate, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = beta * s['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / (np.sqrt(s['d' + key]) + epsilon)
    return parameters, s


@catalogue.variant("update_parameters_with_rmsprop", "epsilon_inside_sqrt")
def rmsprop_epsilon_inside(parameters, grads, s, beta, learning_rate, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = beta * s['d' + key] + (1 - beta) * np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / np.sqrt(s['d' + key] + epsilon)
    return parameters, s


@catalogue.variant("update_parameters_with_rmsprop", "without_1_minus_beta")
def rmsprop_without_1_minus_beta(parameters, grads, s, beta, learning_rate, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = beta * s['d' + key] + np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / (np.sqrt(s['d' + key]) + epsilon)
    return parameters, s


@catalogue.variant("update_parameters_with_rmsprop", "no_square_root")
def rmsprop_no_sqrt(parameters, grads, s, beta, learning_rate, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = beta * s['d' + key] + (1 - beta) * np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / (s['d' + key] + epsilon)
    return parameters, s


# ---------------------------------------------------------------------------------------------
# 7.2.6 Adam
# ---------------------------------------------------------------------------------------------

@catalogue.variant("initialize_adam", "keys_without_d")
def adam_init_keys_without_d(parameters):
    v = {k: np.zeros(p.shape) for k, p in parameters.items()}
    s = {k: np.zeros(p.shape) for k, p in parameters.items()}
    return v, s


@catalogue.variant("update_parameters_with_adam", "no_bias_correction")
def adam_no_bias_correction(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta1 * v['d' + key] + (1 - beta1) * grads['d' + key]
            s['d' + key] = beta2 * s['d' + key] + (1 - beta2) * np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * v['d' + key] / (np.sqrt(s['d' + key]) + epsilon)
    return parameters, v, s


@catalogue.variant("update_parameters_with_adam", "t_counted_from_0")
def adam_t_from_0(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta1 * v['d' + key] + (1 - beta1) * grads['d' + key]
            s['d' + key] = beta2 * s['d' + key] + (1 - beta2) * np.square(grads['d' + key])
            v_corrected = v['d' + key] / (1 - beta1 ** (t + 1))
            s_corrected = s['d' + key] / (1 - beta2 ** (t + 1))
            parameters[key] = parameters[key] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


@catalogue.variant("update_parameters_with_adam", "epsilon_inside_sqrt")
def adam_epsilon_inside(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta1 * v['d' + key] + (1 - beta1) * grads['d' + key]
            s['d' + key] = beta2 * s['d' + key] + (1 - beta2) * np.square(grads['d' + key])
            v_corrected = v['d' + key] / (1 - beta1 ** t)
            s_corrected = s['d' + key] / (1 - beta2 ** t)
            parameters[key] = parameters[key] - learning_rate * v_corrected / np.sqrt(s_corrected + epsilon)
    return parameters, v, s


@catalogue.variant("update_parameters_with_adam", "corrected_moments_stored")
def adam_corrected_stored(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta1 * v['d' + key] + (1 - beta1) * grads['d' + key]
            s['d' + key] = beta2 * s['d' + key] + (1 - beta2) * np.square(grads['d' + key])
            v['d' + key] = v['d' + key] / (1 - beta1 ** t)
            s['d' + key] = s['d' + key] / (1 - beta2 ** t)
            parameters[key] = parameters[key] - learning_rate * v['d' + key] / (np.sqrt(s['d' + key]) + epsilon)
    return parameters, v, s


@catalogue.variant("update_parameters_with_adam", "second_moment_without_square")
def adam_second_moment_no_square(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                 epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta1 * v['d' + key] + (1 - beta1) * grads['d' + key]
            s['d' + key] = beta2 * s['d' + key] + (1 - beta2) * grads['d' + key]
            v_corrected = v['d' + key] / (1 - beta1 ** t)
            s_corrected = s['d' + key] / (1 - beta2 ** t)
            parameters[key] = parameters[key] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


@catalogue.variant("update_parameters_with_adam", "betas_swapped")
def adam_betas_swapped(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta2 * v['d' + key] + (1 - beta2) * grads['d' + key]
            s['d' + key] = beta1 * s['d' + key] + (1 - beta1) * np.square(grads['d' + key])
            v_corrected = v['d' + key] / (1 - beta2 ** t)
            s_corrected = s['d' + key] / (1 - beta1 ** t)
            parameters[key] = parameters[key] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


# ---------------------------------------------------------------------------------------------
# 7.2.7 learning-rate decay
# ---------------------------------------------------------------------------------------------

@catalogue.variant("update_lr", "multiplies_instead_of_divides")
def update_lr_multiplies(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 * (1 + decay_rate * epoch_num)


@catalogue.variant("update_lr", "missing_one")
def update_lr_missing_one(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 / (decay_rate * epoch_num)


@catalogue.variant("update_lr", "exponential_decay")
def update_lr_exponential(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 * np.exp(-decay_rate * epoch_num)


@catalogue.variant("schedule_lr_decay", "no_floor")
def schedule_no_floor(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * epoch_num / time_interval)


@catalogue.variant("schedule_lr_decay", "ignores_time_interval")
def schedule_ignores_interval(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * epoch_num)


@catalogue.variant("schedule_lr_decay", "rounds_instead_of_floor")
def schedule_rounds(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.round(epoch_num / time_interval))


@catalogue.variant("schedule_lr_decay", "interval_multiplied")
def schedule_interval_multiplied(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num * time_interval))


# ---------------------------------------------------------------------------------------------
# 7.3.1 input normalisation
# ---------------------------------------------------------------------------------------------

@catalogue.variant("normalize_inputs", "test_set_uses_its_own_statistics")
def normalize_test_statistics(X_train, X_test):
    def standardize(X):
        sigma = np.std(X, axis=1, keepdims=True)
        return (X - np.mean(X, axis=1, keepdims=True)) / np.where(sigma == 0, 1.0, sigma)
    return standardize(X_train), standardize(X_test)


@catalogue.variant("normalize_inputs", "divides_by_zero_std")
def normalize_divides_by_zero(X_train, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    return (X_train - mu) / sigma, (X_test - mu) / sigma


@catalogue.variant("normalize_inputs", "mean_only")
def normalize_mean_only(X_train, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    return X_train - mu, X_test - mu


@catalogue.variant("normalize_inputs", "divides_by_variance")
def normalize_by_variance(X_train, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    var = np.var(X_train, axis=1, keepdims=True)
    var = np.where(var == 0, 1.0, var)
    return (X_train - mu) / var, (X_test - mu) / var


@catalogue.variant("normalize_inputs", "std_with_m_minus_1")
def normalize_std_ddof1(X_train, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True, ddof=1)
    sigma = np.where(sigma == 0, 1.0, sigma)
    return (X_train - mu) / sigma, (X_test - mu) / sigma


@catalogue.variant("normalize_inputs", "statistics_over_examples_axis")
def normalize_over_features(X_train, X_test):
    def standardize(X):  # mean and std of each column (example) instead of each row (feature)
        sigma = np.std(X, axis=0, keepdims=True)
        return (X - np.mean(X, axis=0, keepdims=True)) / np.where(sigma == 0, 1.0, sigma)
    return standardize(X_train), standardize(X_test)


# ---------------------------------------------------------------------------------------------
# 7.3.2 initialisation (graded by the spread of the draws)
# ---------------------------------------------------------------------------------------------

@catalogue.variant("initialize_parameters_random", "unscaled_randn")
def random_unscaled(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters_random", "uniform_not_normal")
def random_uniform(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.rand(layers_dims[l], layers_dims[l - 1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters_random", "random_biases")
def random_random_biases(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0.01
        parameters['b' + str(l)] = np.random.randn(layers_dims[l], 1) * 0.01
    return parameters


@catalogue.variant("initialize_parameters_he", "one_over_n")
def he_one_over_n(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters_he", "fan_out_not_fan_in")
def he_fan_out(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters_he", "no_square_root")
def he_no_sqrt(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * (2 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters_xavier", "two_over_n")
def xavier_two_over_n(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters_xavier", "fan_out_not_fan_in")
def xavier_fan_out(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters_xavier", "fan_average")
def xavier_fan_average(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * \
            np.sqrt(2 / (layers_dims[l - 1] + layers_dims[l]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@catalogue.variant("initialize_parameters_xavier", "no_square_root")
def xavier_no_sqrt(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * (1 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


# ---------------------------------------------------------------------------------------------
# 7.3.3 batch normalisation
# ---------------------------------------------------------------------------------------------

@catalogue.variant("batchnorm_forward", "running_statistics_in_training")
def bn_running_in_training(Z, gamma, beta, bn_param):
    mode, eps, momentum = bn_param['mode'], bn_param.get('eps', 1e-5), bn_param.get('momentum', 0.9)
    running_mean, running_var = bn_param['running_mean'], bn_param['running_var']
    if mode == 'train':
        running_mean = momentum * running_mean + (1 - momentum) * np.mean(Z, axis=1, keepdims=True)
        running_var = momentum * running_var + (1 - momentum) * np.var(Z, axis=1, keepdims=True)
    mu, var = running_mean, running_var
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    bn_param['running_mean'], bn_param['running_var'] = running_mean, running_var
    return gamma * Z_hat + beta, (Z_hat, var, gamma, eps)


@catalogue.variant("batchnorm_forward", "batch_statistics_at_test_time")
def bn_batch_stats_at_test(Z, gamma, beta, bn_param):
    mode, eps, momentum = bn_param['mode'], bn_param.get('eps', 1e-5), bn_param.get('momentum', 0.9)
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.var(Z, axis=1, keepdims=True)
    if mode == 'train':
        bn_param['running_mean'] = momentum * bn_param['running_mean'] + (1 - momentum) * mu
        bn_param['running_var'] = momentum * bn_param['running_var'] + (1 - momentum) * var
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    return gamma * Z_hat + beta, (Z_hat, var, gamma, eps)


@catalogue.variant("batchnorm_forward", "variance_with_m_minus_1")
def bn_unbiased_variance(Z, gamma, beta, bn_param):
    mode, eps, momentum = bn_param['mode'], bn_param.get('eps', 1e-5), bn_param.get('momentum', 0.9)
    running_mean, running_var = bn_param['running_mean'], bn_param['running_var']
    if mode == 'train':
        mu = np.mean(Z, axis=1, keepdims=True)
        var = np.var(Z, axis=1, keepdims=True, ddof=1)
        running_mean = momentum * running_mean + (1 - momentum) * mu
        running_var = momentum * running_var + (1 - momentum) * var
    else:
        mu, var = running_mean, running_var
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    bn_param['running_mean'], bn_param['running_var'] = running_mean, running_var
    return gamma * Z_hat + beta, (Z_hat, var, gamma, eps)


@catalogue.variant("batchnorm_forward", "epsilon_outside_sqrt")
def bn_epsilon_outside(Z, gamma, beta, bn_param):
    mode, eps, momentum = bn_param['mode'], bn_param.get('eps', 1e-5), bn_param.get('momentum', 0.9)
    running_mean, running_var = bn_param['running_mean'], bn_param['running_var']
    if mode == 'train':
        mu, var = np.mean(Z, axis=1, keepdims=True), np.var(Z, axis=1, keepdims=True)
        running_mean = momentum * running_mean + (1 - momentum) * mu
        running_var = momentum * running_var + (1 - momentum) * var
    else:
        mu, var = running_mean, running_var
    Z_hat = (Z - mu) / (np.sqrt(var) + eps)
    bn_param['running_mean'], bn_param['running_var'] = running_mean, running_var
    return gamma * Z_hat + beta, (Z_hat, var, gamma, eps)


@catalogue.variant("batchnorm_forward", "statistics_over_features")
def bn_over_features(Z, gamma, beta, bn_param):
    mode, eps, momentum = bn_param['mode'], bn_param.get('eps', 1e-5), bn_param.get('momentum', 0.9)
    running_mean, running_var = bn_param['running_mean'], bn_param['running_var']
    if mode == 'train':
        mu, var = np.mean(Z, axis=0, keepdims=True), np.var(Z, axis=0, keepdims=True)
        running_mean = momentum * running_mean + (1 - momentum) * np.mean(Z, axis=1, keepdims=True)
        running_var = momentum * running_var + (1 - momentum) * np.var(Z, axis=1, keepdims=True)
    else:
        mu, var = running_mean, running_var
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    bn_param['running_mean'], bn_param['running_var'] = running_mean, running_var
    return gamma * Z_hat + beta, (Z_hat, var, gamma, eps)


@catalogue.variant("batchnorm_forward", "running_average_weights_swapped")
def bn_running_swapped(Z, gamma, beta, bn_param):
    mode, eps, momentum = bn_param['mode'], bn_param.get('eps', 1e-5), bn_param.get('momentum', 0.9)
    running_mean, running_var = bn_param['running_mean'], bn_param['running_var']
    if mode == 'train':
        mu, var = np.mean(Z, axis=1, keepdims=True), np.var(Z, axis=1, keepdims=True)
        running_mean = (1 - momentum) * running_mean + momentum * mu
        running_var = (1 - momentum) * running_var + momentum * var
    else:
        mu, var = running_mean, running_var
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    bn_param['running_mean'], bn_param['running_var'] = running_mean, running_var
    return gamma * Z_hat + beta, (Z_hat, var, gamma, eps)


@catalogue.variant("batchnorm_forward", "running_statistics_not_updated")
def bn_running_not_updated(Z, gamma, beta, bn_param):
    mode, eps = bn_param['mode'], bn_param.get('eps', 1e-5)
    if mode == 'train':
        mu, var = np.mean(Z, axis=1, keepdims=True), np.var(Z, axis=1, keepdims=True)
    else:
        mu, var = bn_param['running_mean'], bn_param['running_var']
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    return gamma * Z_hat + beta, (Z_hat, var, gamma, eps)


@catalogue.variant("batchnorm_backward", "ignores_statistics_gradients")
def bn_backward_constant_statistics(dout, cache):
    Z_hat, var, gamma, eps = cache
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dZ = dout * gamma / np.sqrt(var + eps)
    return dZ, dgamma, dbeta


@catalogue.variant("batchnorm_backward", "dgamma_dbeta_swapped")
def bn_backward_swapped(dout, cache):
    Z_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dgamma = np.sum(dout, axis=1, keepdims=True)
    dZ_hat = dout * gamma
    dZ = (m * dZ_hat - np.sum(dZ_hat, axis=1, keepdims=True)
          - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dZ, dgamma, dbeta


@catalogue.variant("batchnorm_backward", "missing_gamma")
def bn_backward_missing_gamma(dout, cache):
    Z_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dZ = (m * dout - np.sum(dout, axis=1, keepdims=True)
          - Z_hat * np.sum(dout * Z_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dZ, dgamma, dbeta


@catalogue.variant("batchnorm_backward", "ignores_variance_gradient")
def bn_backward_no_variance_path(dout, cache):
    Z_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dZ_hat = dout * gamma
    dZ = (m * dZ_hat - np.sum(dZ_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dZ, dgamma, dbeta


@catalogue.variant("batchnorm_backward", "dgamma_averaged")
def bn_backward_dgamma_averaged(dout, cache):
    Z_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = np.mean(dout, axis=1, keepdims=True)
    dgamma = np.mean(dout * Z_hat, axis=1, keepdims=True)
    dZ_hat = dout * gamma
    dZ = (m * dZ_hat - np.sum(dZ_hat, axis=1, keepdims=True)
          - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dZ, dgamma, dbeta


# ---------------------------------------------------------------------------------------------
# 7.3.4 log-scale search
# ---------------------------------------------------------------------------------------------

@catalogue.variant("sample_learning_rates", "uniform_in_linear_scale")
def lr_samples_linear(n, low=1e-4, high=1.0, seed=0):
    np.random.seed(seed)
    return np.random.uniform(low, high, n)


@catalogue.variant("sample_learning_rates", "bounds_used_as_exponents")
def lr_samples_bounds_as_exponents(n, low=1e-4, high=1.0, seed=0):
    np.random.seed(seed)
    return 10 ** np.random.uniform(low, high, n)


@catalogue.variant("sample_learning_rates", "ignores_seed")
def lr_samples_ignore_seed(n, low=1e-4, high=1.0, seed=0):
    return 10 ** np.random.uniform(np.log10(low), np.log10(high), n)


# ---------------------------------------------------------------------------------------------
# 7.4 evaluation
# ---------------------------------------------------------------------------------------------

@catalogue.variant("train_dev_test_split", "X_and_Y_shuffled_differently")
def split_shuffle_separately(X, Y, ratios=(0.6, 0.2, 0.2), seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    X_s, Y_s = X[:, np.random.permutation(m)], Y[:, np.random.permutation(m)]
    a, b = int(ratios[0] * m), int(ratios[0] * m) + int(ratios[1] * m)
    return X_s[:, :a], Y_s[:, :a], X_s[:, a:b], Y_s[:, a:b], X_s[:, b:], Y_s[:, b:]


@catalogue.variant("train_dev_test_split", "no_shuffle")
def split_no_shuffle(X, Y, ratios=(0.6, 0.2, 0.2), seed=0):
    m = X.shape[1]
    a, b = int(ratios[0] * m), int(ratios[0] * m) + int(ratios[1] * m)
    return X[:, :a], Y[:, :a], X[:, a:b], Y[:, a:b], X[:, b:], Y[:, b:]


@catalogue.variant("train_dev_test_split", "dev_and_test_overlap")
def split_overlap(X, Y, ratios=(0.6, 0.2, 0.2), seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    X_s, Y_s = X[:, permutation], Y[:, permutation]
    a, b = int(ratios[0] * m), int(ratios[0] * m) + int(ratios[1] * m)
    return X_s[:, :a], Y_s[:, :a], X_s[:, a:b], Y_s[:, a:b], X_s[:, a:], Y_s[:, a:]


@catalogue.variant("diagnose_bias_variance", "bias_and_variance_swapped")
def diagnose_swapped(human_error, train_error, dev_error, tolerance=0.02):
    avoidable_bias = dev_error - train_error
    variance = train_error - human_error
    high_bias, high_variance = avoidable_bias > tolerance, variance > tolerance
    if high_bias and high_variance:
        return 'high bias and high variance'
    if high_bias:
        return 'high bias'
    if high_variance:
        return 'high variance'
    return 'good fit'


@catalogue.variant("diagnose_bias_variance", "ignores_human_error")
def diagnose_ignores_human(human_error, train_error, dev_error, tolerance=0.02):
    high_bias, high_variance = train_error > tolerance, dev_error - train_error > tolerance
    if high_bias and high_variance:
        return 'high bias and high variance'
    if high_bias:
        return 'high bias'
    if high_variance:
        return 'high variance'
    return 'good fit'


@catalogue.variant("diagnose_bias_variance", "variance_from_human_error")
def diagnose_variance_from_human(human_error, train_error, dev_error, tolerance=0.02):
    high_bias = train_error - human_error > tolerance
    high_variance = dev_error - human_error > tolerance
    if high_bias and high_variance:
        return 'high bias and high variance'
    if high_bias:
        return 'high bias'
    if high_variance:
        return 'high variance'
    return 'good fit'


@catalogue.variant("confusion_matrix", "transposed")
def confusion_transposed(y_true, y_pred, num_classes):
    y_true = np.asarray(y_true).reshape(-1).astype(int)
    y_pred = np.asarray(y_pred).reshape(-1).astype(int)
    M = np.zeros((num_classes, num_classes), dtype=int)
    for i, j in zip(y_true, y_pred):
        M[j, i] += 1
    return M


@catalogue.variant("confusion_matrix", "rows_normalised")
def confusion_rows_normalised(y_true, y_pred, num_classes):
    y_true = np.asarray(y_true).reshape(-1).astype(int)
    y_pred = np.asarray(y_pred).reshape(-1).astype(int)
    M = np.zeros((num_classes, num_classes))
    for i, j in zip(y_true, y_pred):
        M[i, j] += 1
    return M / np.maximum(M.sum(axis=1, keepdims=True), 1)


@catalogue.variant("confusion_matrix", "labels_taken_as_1_based")
def confusion_one_based(y_true, y_pred, num_classes):
    y_true = np.asarray(y_true).reshape(-1).astype(int)
    y_pred = np.asarray(y_pred).reshape(-1).astype(int)
    M = np.zeros((num_classes, num_classes), dtype=int)
    for i, j in zip(y_true, y_pred):
        M[i - 1, j - 1] += 1
    return M
