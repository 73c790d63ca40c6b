"""Correct chapter 7 code written differently from the reference: loops, einsum, float32, in-place
updates, extra dict keys, other random generators (np.random.default_rng, RandomState), a list of lists,
a cache dict, Python floats, labels in other cases.  Every function must keep full marks."""
import math

import numpy as np
from dnn_utils import backward_propagation, compute_cost


def compute_cost_with_regularization(AL, Y, parameters, lambd):
    m = AL.shape[1]
    Ws = [v for k, v in parameters.items() if k.startswith('W')]
    return np.array([[compute_cost(AL, Y) + lambd / (2 * m) * sum(np.linalg.norm(W) ** 2 for W in Ws)]], dtype=np.float32)

def backward_propagation_with_regularization(AL, Y, caches, lambd):
    grads = backward_propagation(AL, Y, caches)
    m = Y.shape[1]
    for l, (A_prev, W, b, Z) in enumerate(caches, start=1):
        grads['dW%d' % l] += (lambd / m) * W
        grads['extra%d' % l] = 'hello'
    return grads

def compute_cost_with_l1_regularization(AL, Y, parameters, lambd):
    m = Y.shape[1]
    total = 0.0
    for l in range(1, len(parameters) // 2 + 1):
        for w in parameters['W%d' % l].ravel():
            total += abs(w)
    return float(compute_cost(AL, Y) + lambd * total / m)

def backward_propagation_with_l1_regularization(AL, Y, caches, lambd):
    grads = backward_propagation(AL, Y, caches)
    m = Y.shape[1]
    for l in range(len(caches)):
        W = caches[l][1]
        grads['dW' + str(l + 1)] = (grads['dW' + str(l + 1)] + lambd / m * np.where(W > 0, 1.0, -1.0)).astype(np.float32)
    return grads

def dropout_forward(A, keep_prob):
    rng = np.random.default_rng()
    D = (rng.random(A.shape) < keep_prob).astype(np.float32)
    return (A * D) / keep_prob, D

def dropout_backward(dA, D, keep_prob):
    out = dA.copy()
    out[np.asarray(D) == 0] = 0
    out /= keep_prob
    return out

def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    rng = np.random.default_rng(seed)
    m = X.shape[1]
    perm = rng.permutation(m)
    X, Y = X[:, perm], Y[:, perm]
    n = math.ceil(m / mini_batch_size)
    return [[X[:, k * mini_batch_size:(k + 1) * mini_batch_size], Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]] for k in range(n)]

def initialize_velocity(parameters):
    return {'d' + k: np.zeros_like(v, dtype=np.float32) for k, v in parameters.items()} | {'t': 0}

def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    for k in list(parameters):
        v['d' + k] *= beta
        v['d' + k] += (1 - beta) * grads['d' + k]
        parameters[k] -= learning_rate * v['d' + k]
    return parameters, v

def update_parameters_with_nesterov(parameters, grad_fn, v, beta, learning_rate):
    for k in parameters:      # move to the look-ahead point in place, then back
        parameters[k] -= learning_rate * beta * v['d' + k]
    g = grad_fn(parameters)
    for k in parameters:
        parameters[k] += learning_rate * beta * v['d' + k]
        v['d' + k] = beta * v['d' + k] + (1 - beta) * g['d' + k]
        parameters[k] = (parameters[k] - learning_rate * v['d' + k]).astype(np.float32)
    return parameters, v

def update_parameters_with_adagrad(parameters, grads, s, learning_rate, epsilon=1e-8):
    new_p, new_s = {}, {}
    for k in parameters:
        new_s['d' + k] = np.float32(1) * (s['d' + k] + grads['d' + k] ** 2)
        new_p[k] = parameters[k] - learning_rate * grads['d' + k] / (new_s['d' + k] ** 0.5 + epsilon)
    return new_p, new_s

def update_parameters_with_rmsprop(parameters, grads, s, beta, learning_rate, epsilon=1e-8):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in 'Wb':
            g = grads['d%s%d' % (p, l)]
            s['d%s%d' % (p, l)] = beta * s['d%s%d' % (p, l)] + (1 - beta) * np.einsum('ij,ij->ij', g, g)
            parameters['%s%d' % (p, l)] -= learning_rate * g / (np.sqrt(s['d%s%d' % (p, l)]) + epsilon)
    return parameters, s

def initialize_adam(parameters):
    v = {}
    s = {}
    for k, p in parameters.items():
        v['d' + k] = np.zeros(p.shape, dtype=np.float32)
        s['d' + k] = np.zeros(p.shape)
    return [v, s]

def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    v_c, s_c = {}, {}
    for k in parameters:
        v['d' + k] = (beta1 * v['d' + k] + (1 - beta1) * grads['d' + k]).astype(np.float32)
        s['d' + k] = (beta2 * s['d' + k] + (1 - beta2) * grads['d' + k] ** 2).astype(np.float32)
        v_c[k] = v['d' + k] / (1 - np.power(beta1, t))
        s_c[k] = s['d' + k] / (1 - np.power(beta2, t))
        parameters[k] = parameters[k] - learning_rate * v_c[k] / (np.sqrt(s_c[k]) + epsilon)
    return parameters, v, s

def update_lr(learning_rate0, epoch_num, decay_rate):
    return np.float32(learning_rate0 * (1.0 / (1.0 + decay_rate * epoch_num)))

def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * (epoch_num // time_interval))

def normalize_inputs(X_train, X_test):
    mu = X_train.mean(axis=1).reshape(-1, 1)
    var = ((X_train - mu) ** 2).mean(axis=1, keepdims=True)
    sigma = np.sqrt(var) + 1e-8
    return ((X_train - mu) / sigma).astype(np.float32), (X_test - mu) / sigma

def initialize_parameters_zeros(layers_dims):
    return {**{'W%d' % l: np.zeros((layers_dims[l], layers_dims[l - 1]), dtype=int) for l in range(1, len(layers_dims))},
            **{'b%d' % l: np.zeros((layers_dims[l], 1)) for l in range(1, len(layers_dims))}}

def initialize_parameters_random(layers_dims):
    rng = np.random.default_rng()
    p = {}
    for l in range(1, len(layers_dims)):
        p['W' + str(l)] = rng.normal(0, 0.01, (layers_dims[l], layers_dims[l - 1])).astype(np.float32)
        p['b' + str(l)] = np.zeros((layers_dims[l], 1), dtype=np.float32)
    return p

def initialize_parameters_he(layers_dims):
    p = {}
    for l in range(1, len(layers_dims)):
        p['W' + str(l)] = np.random.normal(scale=np.sqrt(2.0 / layers_dims[l - 1]), size=(layers_dims[l], layers_dims[l - 1]))
        p['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return p

def initialize_parameters_xavier(layers_dims):
    p = {}
    for l in range(1, len(layers_dims)):
        p['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
        p['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return p

def batchnorm_forward(Z, gamma, beta, bn_param):
    mode = bn_param['mode']
    eps = bn_param.get('eps', 1e-5)
    momentum = bn_param.get('momentum', 0.9)
    if mode == 'train':
        m = Z.shape[1]
        mu = np.einsum('ij->i', Z)[:, None] / m
        xc = Z - mu
        var = np.einsum('ij,ij->i', xc, xc)[:, None] / m
        bn_param['running_mean'] *= momentum
        bn_param['running_mean'] += (1 - momentum) * mu
        bn_param['running_var'] = momentum * bn_param['running_var'] + (1 - momentum) * var
        std = np.sqrt(var + eps)
        xhat = xc / std
        out = gamma * xhat + beta
        cache = {'xhat': xhat, 'xc': xc, 'std': std, 'gamma': gamma, 'bn_param': dict(bn_param)}
    else:
        xhat = (Z - bn_param['running_mean']) / np.sqrt(bn_param['running_var'] + eps)
        out = gamma * xhat + beta
        cache = None
    return out.astype(np.float32), cache

def batchnorm_backward(dout, cache):
    # the CS231n staged backward pass
    xhat, xc, std, gamma = cache['xhat'], cache['xc'], cache['std'], cache['gamma']
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * xhat).sum(axis=1, keepdims=True)
    dxhat = dout * gamma
    dxc = dxhat / std
    dstd = -np.sum(dxhat * xc / std ** 2, axis=1, keepdims=True)
    dvar = 0.5 * dstd / std
    dxc += (2.0 / m) * xc * dvar
    dmu = np.sum(dxc, axis=1, keepdims=True)
    dZ = dxc - dmu / m
    return dZ, dgamma, dbeta

def sample_learning_rates(n, low=1e-4, high=1.0, seed=0):
    rng = np.random.default_rng(seed)
    return np.power(10.0, np.log10(low) + (np.log10(high) - np.log10(low)) * rng.random(n))

def train_dev_test_split(X, Y, ratios=(0.6, 0.2, 0.2), seed=0):
    rng = np.random.RandomState(seed)
    m = X.shape[1]
    p = rng.permutation(m)
    a = round(ratios[0] * m); b = a + round(ratios[1] * m)
    return [X[:, p[:a]], Y[:, p[:a]], X[:, p[a:b]], Y[:, p[a:b]], X[:, p[b:]], Y[:, p[b:]]]

def diagnose_bias_variance(human_error, train_error, dev_error, tolerance=0.02):
    b = (train_error - human_error) > tolerance
    v = (dev_error - train_error) > tolerance
    return {(True, True): 'High bias and high variance ', (True, False): 'High Bias', (False, True): 'high variance', (False, False): 'good fit'}[(b, v)]

def confusion_matrix(y_true, y_pred, num_classes):
    M = np.zeros((num_classes, num_classes))
    np.add.at(M, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return M
