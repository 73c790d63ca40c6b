"""Chapter 7 reference, 7.3 initialisation and tuning: input normalisation, weight initialisation, batch normalisation,
log-scale search of the learning rate."""
import numpy as np


# ---------------------------------------------------------------------------------------------
# 7.3.1 input normalisation
# ---------------------------------------------------------------------------------------------

def normalize_inputs(X_train, X_test):
    """
    输入标准化：用训练集每个特征的均值 μ 和标准差 σ（σ² = 1/m Σ (x - μ)²）
    把训练集和测试集都变换为 (X - μ) / σ；常数特征（σ = 0）不除以 0（取 σ = 1）

    函数输入：
        - X_train：训练集输入，维度 (n_x, m_train)
        - X_test：测试集输入，维度 (n_x, m_test)
    函数输出：
        - X_train_norm：标准化后的训练集，维度 (n_x, m_train)
        - X_test_norm：用训练集的 μ、σ 标准化后的测试集，维度 (n_x, m_test)
    """
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    sigma = np.where(sigma == 0, 1.0, sigma)  # a constant feature is only centred
    X_train_norm = (X_train - mu) / sigma
    X_test_norm = (X_test - mu) / sigma
    return X_train_norm, X_test_norm


# ---------------------------------------------------------------------------------------------
# 7.3.2 weight initialisation
# ---------------------------------------------------------------------------------------------

def initialize_parameters_zeros(layers_dims):
    """
    全零初始化（无法打破对称性，仅作对比）：W、b 全为 0

    函数输入：
        - layers_dims：列表，各层神经元个数 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_random(layers_dims):
    """
    小随机数初始化：W = randn · 0.01（标准正态分布乘以 0.01），b = 0

    函数输入：
        - layers_dims：列表，各层神经元个数 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_he(layers_dims):
    """
    He 初始化（适合 ReLU）：W = randn · √(2 / n_{l-1})，b = 0

    函数输入：
        - layers_dims：列表，各层神经元个数 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_xavier(layers_dims):
    """
    Xavier 初始化（适合 tanh）：W = randn · √(1 / n_{l-1})，b = 0

    函数输入：
        - layers_dims：列表，各层神经元个数 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


# ---------------------------------------------------------------------------------------------
# 7.3.3 batch normalisation
# ---------------------------------------------------------------------------------------------

def batchnorm_forward(Z, gamma, beta, bn_param):
    """
    批归一化前向传播（按样本维度，即每一行）：
        训练：μ = 1/m Σ z，σ² = 1/m Σ (z - μ)²，ẑ = (z - μ) / √(σ² + ε)，out = γ·ẑ + β，
              并更新 running = momentum·running + (1-momentum)·（本批的 μ 或 σ²）
        测试：用 running_mean、running_var 代替本批的 μ、σ²
    bn_param 中的 running_mean、running_var 原地更新（与 CS231n 相同）

    函数输入：
        - Z：该层线性输出，维度 (n_l, m)
        - gamma：缩放参数 γ，维度 (n_l, 1)
        - beta：平移参数 β，维度 (n_l, 1)
        - bn_param：字典，'mode'（'train' 或 'test'），'eps'（默认 1e-5），'momentum'（默认 0.9），
                    'running_mean'、'running_var'（维度 (n_l, 1)，默认全 0）
    函数输出：
        - out：批归一化的输出，维度 (n_l, m)
        - cache：反向传播需要的中间变量
    """
    mode = bn_param['mode']
    eps = bn_param.get('eps', 1e-5)
    momentum = bn_param.get('momentum', 0.9)
    n = Z.shape[0]
    running_mean = bn_param.get('running_mean', np.zeros((n, 1)))
    running_var = bn_param.get('running_var', np.zeros((n, 1)))
    if mode == 'train':
        mu = np.mean(Z, axis=1, keepdims=True)
        var = np.var(Z, axis=1, keepdims=True)  # biased: 1/m
        running_mean = momentum * running_mean + (1 - momentum) * mu
        running_var = momentum * running_var + (1 - momentum) * var
    elif mode == 'test':
        mu, var = running_mean, running_var
    else:
        raise ValueError('Invalid batchnorm mode "%s"' % mode)
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    out = gamma * Z_hat + beta
    bn_param['running_mean'] = running_mean
    bn_param['running_var'] = running_var
    cache = (Z_hat, var, gamma, eps)
    return out, cache


def batchnorm_backward(dout, cache):
    """
    批归一化反向传播（训练模式，μ、σ² 依赖于 Z）：
        dβ = Σ dout，dγ = Σ dout·ẑ（按样本求和）
        dẑ = dout·γ，dZ = 1/(m√(σ² + ε)) · (m·dẑ - Σ dẑ - ẑ·Σ dẑ·ẑ)

    函数输入：
        - dout：输出 out 的梯度，维度 (n_l, m)
        - cache：batchnorm_forward 返回的中间变量
    函数输出：
        - dZ：Z 的梯度，维度 (n_l, m)
        - dgamma：γ 的梯度，维度 (n_l, 1)
        - dbeta：β 的梯度，维度 (n_l, 1)
    """
    Z_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dZ_hat = dout * gamma
    dZ = (m * dZ_hat - np.sum(dZ_hat, axis=1, keepdims=True)
          - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dZ, dgamma, dbeta


# ---------------------------------------------------------------------------------------------
# 7.3.4 hyperparameter search
# ---------------------------------------------------------------------------------------------

def sample_learning_rates(n, low=1e-4, high=1.0, seed=0):
    """
    在对数尺度上均匀采样学习率：r ~ U(log10(low), log10(high))，α = 10^r

    函数输入：
        - n：采样个数
        - low, high：学习率的取值范围 [low, high]
        - seed：随机种子（相同的种子得到相同的样本）
    函数输出：
        - learning_rates：维度 (n,) 的数组
    """
    np.random.seed(seed)
    r = np.random.uniform(np.log10(low), np.log10(high), n)
    learning_rates = 10 ** r
    return learning_rates
