"""Chapter 7 mistake catalogue: each variant is the reference with exactly one common mistake.

Variants of the random functions (dropout, mini-batches, initialisations, learning-rate samples,
splits) draw their own random numbers; the graders name them by the property they break (see
autograder/graders/ch07.py), not by equal outputs.
"""
import numpy as np

from autograder.catalogue import Catalogue
from solutions.ch06 import compute_cost

catalogue = Catalogue("ch07")


# ---------------------------------------------------------------------------------------------
# 7.1.2 L2 regularisation
# ---------------------------------------------------------------------------------------------

catalogue.edit("compute_cost_with_regularization", "missing_one_half", ('lambd / (2 * m)', 'lambd / m'))


catalogue.edit("compute_cost_with_regularization", "missing_1_over_m", ('lambd / (2 * m)', 'lambd / 2'))


catalogue.edit("compute_cost_with_regularization", "includes_biases",
               ("    for l in range(1, L + 1):\n        L2_sum += np.sum(np.square(parameters['W' + str(l)]))", '    for p in parameters.values():\n        L2_sum += np.sum(np.square(p))'))


catalogue.edit("compute_cost_with_regularization", "skips_last_layer", ('range(1, L + 1)', 'range(1, L)'))


catalogue.edit("compute_cost_with_regularization", "norm_not_squared",
               ("np.sum(np.square(parameters['W' + str(l)]))", "np.sqrt(np.sum(np.square(parameters['W' + str(l)])))"))


catalogue.edit("backward_propagation_with_regularization", "missing_1_over_m",
               ('    m = Y.shape[1]', ''),
               ("        W = caches[l - 1][1]\n        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * W", "        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd * caches[l - 1][1]"))


catalogue.edit("backward_propagation_with_regularization", "lambda_over_2m",
               ("        W = caches[l - 1][1]\n        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * W", "        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / (2 * m) * caches[l - 1][1]"))


catalogue.edit("backward_propagation_with_regularization", "regularizes_biases",
               ('W = caches[l - 1][1]', "grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * caches[l - 1][1]"),
               ("dW' + str(l)] = grads['dW' + str(l)] + lambd / m * W", "db' + str(l)] = grads['db' + str(l)] + lambd / m * caches[l - 1][2]"))


catalogue.edit("backward_propagation_with_regularization", "penalty_gradient_subtracted",
               ("        W = caches[l - 1][1]\n        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * W", "        grads['dW' + str(l)] = grads['dW' + str(l)] - lambd / m * caches[l - 1][1]"))


# ---------------------------------------------------------------------------------------------
# 7.1.2 L1 regularisation
# ---------------------------------------------------------------------------------------------

catalogue.edit("compute_cost_with_l1_regularization", "squares_weights",
               ('np.abs(parameters', 'np.square(parameters'))


catalogue.edit("compute_cost_with_l1_regularization", "missing_1_over_m", ('lambd / m * L1_sum', 'lambd * L1_sum'))


catalogue.edit("compute_cost_with_l1_regularization", "extra_one_half",
               ('lambd / m * L1_sum', 'lambd / (2 * m) * L1_sum'))


catalogue.edit("compute_cost_with_l1_regularization", "sum_without_abs",
               ("np.sum(np.abs(parameters['W' + str(l)]))", "np.sum(parameters['W' + str(l)])"))


catalogue.edit("backward_propagation_with_l1_regularization", "uses_W_not_sign",
               ("        W = caches[l - 1][1]\n        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.sign(W)", "        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * caches[l - 1][1]"))


catalogue.edit("backward_propagation_with_l1_regularization", "missing_1_over_m",
               ('    m = Y.shape[1]', ''),
               ("        W = caches[l - 1][1]\n        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.sign(W)", "        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd * np.sign(caches[l - 1][1])"))


catalogue.edit("backward_propagation_with_l1_regularization", "uses_abs_not_sign",
               ("        W = caches[l - 1][1]\n        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.sign(W)", "        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.abs(caches[l - 1][1])"))


catalogue.edit("backward_propagation_with_l1_regularization", "regularizes_biases",
               ('W = caches[l - 1][1]', "grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.sign(caches[l - 1][1])"),
               ("dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.sign(W", "db' + str(l)] = grads['db' + str(l)] + lambd / m * np.sign(caches[l - 1][2]"))


# ---------------------------------------------------------------------------------------------
# 7.1.3 dropout
# ---------------------------------------------------------------------------------------------

catalogue.edit("dropout_forward", "no_inverted_scaling", ('    A_out = A * D / keep_prob', '    A_out = A * D'))


catalogue.edit("dropout_forward", "scales_by_keep_prob",
               ('    A_out = A * D / keep_prob', '    A_out = A * D * keep_prob'))


catalogue.edit("dropout_forward", "keeps_with_probability_1_minus_keep_prob",
               ('D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob', 'D = np.random.rand(A.shape[0], A.shape[1]) > keep_prob'))


@catalogue.variant("dropout_forward", "mask_not_applied")
def dropout_forward_mask_not_applied(A, keep_prob):
    D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob
    return A / keep_prob, D


catalogue.edit("dropout_backward", "no_inverted_scaling",
               ('    dA_prev = dA * D / keep_prob', '    dA_prev = dA * D'))


catalogue.edit("dropout_backward", "new_mask",
               ('    dA_prev = dA * D / keep_prob', '    D_new = np.random.rand(dA.shape[0], dA.shape[1]) < keep_prob\n    dA_prev = dA * D_new / keep_prob'))


catalogue.edit("dropout_backward", "scales_by_keep_prob",
               ('    dA_prev = dA * D / keep_prob', '    dA_prev = dA * D * keep_prob'))


catalogue.edit("dropout_backward", "mask_not_applied",
               ('    dA_prev = dA * D / keep_prob', '    dA_prev = dA / keep_prob'))


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


catalogue.edit("initialize_velocity", "skips_last_layer", ('L + 1', 'L'))


catalogue.edit("update_parameters_with_momentum", "velocity_without_1_minus_beta",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ('(1 - beta) * grads', 'grads'))


catalogue.edit("update_parameters_with_momentum", "update_with_gradient_not_velocity",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("parameters[key] = parameters[key] - learning_rate * v['d' + key]", "parameters[key] = parameters[key] - learning_rate * grads['d' + key]"))


catalogue.edit("update_parameters_with_momentum", "beta_and_1_minus_beta_swapped",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("beta * v['d' + key] + (1 - beta)", "(1 - beta) * v['d' + key] + beta"))


catalogue.edit("update_parameters_with_momentum", "adds_velocity",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("parameters[key] = parameters[key] - learning_rate * v['d' + key]", "parameters[key] = parameters[key] + learning_rate * v['d' + key]"))


@catalogue.variant("update_parameters_with_nesterov", "gradient_at_current_point")
def nesterov_gradient_at_current_point(parameters, grad_fn, v, beta, learning_rate):
    grads = grad_fn(dict(parameters))
    for l in range(1, len(parameters) // 2 + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


catalogue.edit("update_parameters_with_nesterov", "look_ahead_with_plus_sign",
               ("lookahead[key] = parameters[key] - learning_rate * beta * v['d' + key]", "lookahead[key] = parameters[key] + learning_rate * beta * v['d' + key]"))


catalogue.edit("update_parameters_with_nesterov", "look_ahead_without_learning_rate",
               ('learning_rate * beta', 'beta'))


catalogue.edit("update_parameters_with_nesterov", "velocity_without_1_minus_beta", ('(1 - beta) * grads', 'grads'))


# ---------------------------------------------------------------------------------------------
# 7.2.4 AdaGrad, 7.2.5 RMSprop
# ---------------------------------------------------------------------------------------------

catalogue.edit("update_parameters_with_adagrad", "does_not_accumulate",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("s['d' + key] + np.square", 'np.square'))


catalogue.edit("update_parameters_with_adagrad", "epsilon_inside_sqrt",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("(np.sqrt(s['d' + key])", "np.sqrt(s['d' + key]"))


catalogue.edit("update_parameters_with_adagrad", "no_square_root",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("np.sqrt(s['d' + key])", "s['d' + key]"))


catalogue.edit("update_parameters_with_adagrad", "accumulates_gradient_not_square",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("np.square(grads['d' + key])", "grads['d' + key]"))


catalogue.edit("update_parameters_with_rmsprop", "no_square",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("np.square(grads['d' + key])", "grads['d' + key]"))


catalogue.edit("update_parameters_with_rmsprop", "epsilon_inside_sqrt",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("(np.sqrt(s['d' + key])", "np.sqrt(s['d' + key]"))


catalogue.edit("update_parameters_with_rmsprop", "without_1_minus_beta",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ('(1 - beta) * np.square', 'np.square'))


catalogue.edit("update_parameters_with_rmsprop", "no_square_root",
               ('    L = len(parameters) // 2\n    for l in range(1, L + 1):', '    for l in range(1, len(parameters) // 2 + 1):'),
               ("np.sqrt(s['d' + key])", "s['d' + key]"))


# ---------------------------------------------------------------------------------------------
# 7.2.6 Adam
# ---------------------------------------------------------------------------------------------

@catalogue.variant("initialize_adam", "keys_without_d")
def adam_init_keys_without_d(parameters):
    v = {k: np.zeros(p.shape) for k, p in parameters.items()}
    s = {k: np.zeros(p.shape) for k, p in parameters.items()}
    return v, s


catalogue.edit("update_parameters_with_adam", "no_bias_correction",
               ('/ (1 - beta1 ** t)', ''),
               ('/ (1 - beta2 ** t)', ''))


catalogue.edit("update_parameters_with_adam", "t_counted_from_0",
               ('beta1 ** t', 'beta1 ** (t + 1)'),
               ('beta2 ** t', 'beta2 ** (t + 1)'))


catalogue.edit("update_parameters_with_adam", "epsilon_inside_sqrt",
               ('(np.sqrt(s_corrected) + epsilon)', 'np.sqrt(s_corrected + epsilon)'))


catalogue.edit("update_parameters_with_adam", "corrected_moments_stored",
               ("            v_corrected = v['d' + key] / (1 - beta1 ** t)\n            s_corrected = s['d' + key] / (1 - beta2 ** t)\n", "            v_corrected = v['d' + key] = v['d' + key] / (1 - beta1 ** t)\n            s_corrected = s['d' + key] = s['d' + key] / (1 - beta2 ** t)\n"))


catalogue.edit("update_parameters_with_adam", "second_moment_without_square",
               ("np.square(grads['d' + key])", "grads['d' + key]"))


catalogue.edit("update_parameters_with_adam", "betas_swapped",
               ('beta1', 'BETA_2'),
               ('beta2', 'beta1'),
               ('BETA_2', 'beta2'),
               ('def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta2=0.9, beta1=0.999', 'def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999'))


# ---------------------------------------------------------------------------------------------
# 7.2.7 learning-rate decay
# ---------------------------------------------------------------------------------------------

catalogue.edit("update_lr", "multiplies_instead_of_divides",
               ('learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)', 'learning_rate = learning_rate0 * (1 + decay_rate * epoch_num)'))


catalogue.edit("update_lr", "missing_one",
               ('learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)', 'learning_rate = learning_rate0 / (decay_rate * epoch_num)'))


catalogue.edit("update_lr", "exponential_decay",
               ('learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)', 'learning_rate = learning_rate0 * np.exp(-decay_rate * epoch_num)'))


catalogue.edit("schedule_lr_decay", "no_floor", ('np.floor(epoch_num / time_interval)', 'epoch_num / time_interval'))


catalogue.edit("schedule_lr_decay", "ignores_time_interval", ('np.floor(epoch_num / time_interval)', 'epoch_num'))


catalogue.edit("schedule_lr_decay", "rounds_instead_of_floor", ('np.floor', 'np.round'))


catalogue.edit("schedule_lr_decay", "interval_multiplied",
               ('learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))', 'learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num * time_interval))'))


# ---------------------------------------------------------------------------------------------
# 7.3.1 input normalisation
# ---------------------------------------------------------------------------------------------

catalogue.edit("normalize_inputs", "test_set_uses_its_own_statistics",
               ('    X_test_norm = (X_test - mu) / sigma', '    sigma_test = np.std(X_test, axis=1, keepdims=True)\n    X_test_norm = (X_test - np.mean(X_test, axis=1, keepdims=True)) / np.where(sigma_test == 0, 1.0, sigma_test)'))


catalogue.edit("normalize_inputs", "divides_by_zero_std",
               ('    sigma = np.where(sigma == 0, 1.0, sigma)  # a constant feature is only centred\n', ''))


catalogue.edit("normalize_inputs", "mean_only",
               ('    X_train_norm = (X_train - mu) / sigma\n    X_test_norm = (X_test - mu) / sigma', '    X_train_norm = X_train - mu\n    X_test_norm = X_test - mu'))


catalogue.edit("normalize_inputs", "divides_by_variance",
               ('sigma = np.std(X_train, axis=1, keepdims=True)', 'sigma = np.var(X_train, axis=1, keepdims=True)'))


catalogue.edit("normalize_inputs", "std_with_m_minus_1",
               ('sigma = np.std(X_train, axis=1, keepdims=True)', 'sigma = np.std(X_train, axis=1, keepdims=True, ddof=1)'))


@catalogue.variant("normalize_inputs", "statistics_over_examples_axis")
def normalize_over_features(X_train, X_test):
    def standardize(X):  # mean and std of each column (example) instead of each row (feature)
        sigma = np.std(X, axis=0, keepdims=True)
        return (X - np.mean(X, axis=0, keepdims=True)) / np.where(sigma == 0, 1.0, sigma)
    return standardize(X_train), standardize(X_test)


# ---------------------------------------------------------------------------------------------
# 7.3.2 initialisation (graded by the spread of the draws)
# ---------------------------------------------------------------------------------------------

catalogue.edit("initialize_parameters_random", "unscaled_randn", (' * 0.01', ''))


catalogue.edit("initialize_parameters_random", "uniform_not_normal", ('np.random.randn', 'np.random.rand'))


catalogue.edit("initialize_parameters_random", "random_biases",
               ('np.zeros((layers_dims[l], 1))', 'np.random.randn(layers_dims[l], 1) * 0.01'))


catalogue.edit("initialize_parameters_he", "one_over_n",
               ("parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])", "parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])"))


catalogue.edit("initialize_parameters_he", "fan_out_not_fan_in",
               ("parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])", "parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l])"))


catalogue.edit("initialize_parameters_he", "no_square_root", ('np.sqrt', ''))


catalogue.edit("initialize_parameters_xavier", "two_over_n",
               ("parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])", "parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])"))


catalogue.edit("initialize_parameters_xavier", "fan_out_not_fan_in",
               ("parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])", "parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l])"))


catalogue.edit("initialize_parameters_xavier", "fan_average",
               ("        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])", "        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * \\\n            np.sqrt(2 / (layers_dims[l - 1] + layers_dims[l]))"))


catalogue.edit("initialize_parameters_xavier", "no_square_root", ('np.sqrt', ''))


# ---------------------------------------------------------------------------------------------
# 7.3.3 batch normalisation
# ---------------------------------------------------------------------------------------------

catalogue.edit("batchnorm_forward", "running_statistics_in_training",
               ('    Z_hat = (Z - mu)', '    mu, var = running_mean, running_var\n    Z_hat = (Z - mu)'))


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


catalogue.edit("batchnorm_forward", "variance_with_m_minus_1",
               ('var = np.var(Z, axis=1, keepdims=True)', 'var = np.var(Z, axis=1, keepdims=True, ddof=1)'))


catalogue.edit("batchnorm_forward", "epsilon_outside_sqrt", ('np.sqrt(var + eps)', '(np.sqrt(var) + eps)'))


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


catalogue.edit("batchnorm_forward", "running_average_weights_swapped",
               ('running_mean = momentum * running_mean + (1 - momentum) * mu', 'running_mean = (1 - momentum) * running_mean + momentum * mu'),
               ('running_var = momentum * running_var + (1 - momentum) * var', 'running_var = (1 - momentum) * running_var + momentum * var'))


catalogue.edit("batchnorm_forward", "running_statistics_not_updated",
               ("    bn_param['running_mean'] = running_mean\n    bn_param['running_var'] = running_var\n", ''))


@catalogue.variant("batchnorm_backward", "ignores_statistics_gradients")
def bn_backward_constant_statistics(dout, cache):
    Z_hat, var, gamma, eps = cache
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dZ = dout * gamma / np.sqrt(var + eps)
    return dZ, dgamma, dbeta


catalogue.edit("batchnorm_backward", "dgamma_dbeta_swapped",
               ('    dbeta = np.sum(dout, axis=1, keepdims=True)', '    dbeta = np.sum(dout * Z_hat, axis=1, keepdims=True)'),
               ('    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)', '    dgamma = np.sum(dout, axis=1, keepdims=True)'))


@catalogue.variant("batchnorm_backward", "missing_gamma")
def bn_backward_missing_gamma(dout, cache):
    Z_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dZ = (m * dout - np.sum(dout, axis=1, keepdims=True)
          - Z_hat * np.sum(dout * Z_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dZ, dgamma, dbeta


catalogue.edit("batchnorm_backward", "ignores_variance_gradient",
               ('    dZ = (m * dZ_hat - np.sum(dZ_hat, axis=1, keepdims=True)\n          - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))', '    dZ = (m * dZ_hat - np.sum(dZ_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))'))


catalogue.edit("batchnorm_backward", "dgamma_averaged",
               ('dbeta = np.sum(dout, axis=1, keepdims=True)', 'dbeta = np.mean(dout, axis=1, keepdims=True)'),
               ('dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)', 'dgamma = np.mean(dout * Z_hat, axis=1, keepdims=True)'))


# ---------------------------------------------------------------------------------------------
# 7.3.4 log-scale search
# ---------------------------------------------------------------------------------------------

catalogue.edit("sample_learning_rates", "uniform_in_linear_scale",
               ('    r = np.random.uniform(np.log10(low), np.log10(high), n)\n    learning_rates = 10 ** r', '    learning_rates = np.random.uniform(low, high, n)'))


catalogue.edit("sample_learning_rates", "bounds_used_as_exponents",
               ('    r = np.random.uniform(np.log10(low), np.log10(high), n)\n    learning_rates = 10 ** r', '    learning_rates = 10 ** np.random.uniform(low, high, n)'))


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


catalogue.edit("confusion_matrix", "transposed", ('M[i, j] += 1', 'M[j, i] += 1'))


catalogue.edit("confusion_matrix", "rows_normalised",
               (', dtype=int', ''),
               ('return M', 'return M / np.maximum(M.sum(axis=1, keepdims=True), 1)'))


catalogue.edit("confusion_matrix", "labels_taken_as_1_based", ('M[i, j] += 1', 'M[i - 1, j - 1] += 1'))