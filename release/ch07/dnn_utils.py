"""Helper network for chapter 7 (第7章 优化神经网络): the L-layer network of chapter 6, NumPy only.

This file is shipped to students next to the notebook, which does `from dnn_utils import ...`.
It is built from the course's chapter-6 reference (do not edit it by hand: `make notebooks`).

The book's chapter 6 API: examples are columns, X is (n_x, m), Y is (1, m); W{l} is (n_l, n_{l-1}),
b{l} is (n_l, 1); layers 1..L-1 use ReLU, layer L uses sigmoid; caches[l-1] = (A_prev, W, b, Z).
The cost is averaged over the m examples; dA and dZ are gradients of the summed loss and the 1/m is
applied in dW and db only.
"""
import numpy as np


def initialize_parameters(layer_dims):
    """
    参数初始化（6.5.2）：W 为随机数乘以 0.1，b 为零（np.random.seed(5)，复现书中结果）

    函数输入：
        - layer_dims：列表，神经网络各层神经元个数，包含输入层，如 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，'W1', 'b1', ..., 'WL', 'bL'
                      W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    np.random.seed(5)
    parameters = {}
    L = len(layer_dims)  # number of layers, input layer included
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.1
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def sigmoid(Z):
    """
    Sigmoid 激活函数：A = 1 / (1 + e^{-Z})

    函数输入：
        - Z：激活函数输入，神经元线性输出，任意维度
    函数输出：
        - A：激活函数输出，与 Z 维度相同
    """
    A = 1 / (1 + np.exp(-Z))
    return A


def relu(Z):
    """
    ReLU 激活函数：A = max(0, Z)

    函数输入：
        - Z：激活函数输入，神经元线性输出，任意维度
    函数输出：
        - A：激活函数输出，与 Z 维度相同
    """
    A = np.maximum(0, Z)
    return A


def softmax(Z):
    """
    Softmax 激活函数（6.4.1），按列计算：A_i = e^{Z_i} / Σ_j e^{Z_j}
    每列先减去该列最大值，数值稳定（Z 很大时不会溢出）

    函数输入：
        - Z：输出层线性输出，维度 (C, m)
    函数输出：
        - A：各类别的概率，维度 (C, m)，每列之和为 1
    """
    Z_shift = Z - np.max(Z, axis=0, keepdims=True)  # largest entry of each column becomes 0
    exp_Z = np.exp(Z_shift)
    A = exp_Z / np.sum(exp_Z, axis=0, keepdims=True)
    return A


def single_layer_forward(A_prev, W, b, activation):
    """
    单层网络前向传播：Z = W·A_prev + b，A = g(Z)

    函数输入：
        - A_prev：该层网络的输入，上一层网络的输出，维度 (n_{l-1}, m)
        - W：该层网络的权重参数，维度 (n_l, n_{l-1})
        - b：该层网络的偏置参数，维度 (n_l, 1)
        - activation：该层网络使用的激活函数，'relu'、'sigmoid' 或 'softmax'
    函数输出：
        - A：该层网络输出，维度 (n_l, m)
        - cache：存储该层的中间变量 (A_prev, W, b, Z)，供反向传播使用
    """
    Z = np.dot(W, A_prev) + b  # linear output
    if activation == 'sigmoid':
        A = sigmoid(Z)
    elif activation == 'relu':
        A = relu(Z)
    elif activation == 'softmax':
        A = softmax(Z)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    cache = (A_prev, W, b, Z)
    return A, cache


def forward_propagation(X, parameters):
    """
    L 层神经网络前向传播：第 1 到 L-1 层使用 ReLU，第 L 层使用 Sigmoid

    函数输入：
        - X：神经网络输入，维度 (n_x, m)
        - parameters：参数字典 'W1', 'b1', ..., 'WL', 'bL'
    函数输出：
        - AL：输出层输出，维度 (1, m)
        - caches：列表，caches[l-1] 为第 l 层的 (A_prev, W, b, Z)，共 L 个
    """
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers L
    for l in range(1, L):  # layers 1..L-1: ReLU
        A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'relu')
        caches.append(cache)
    AL, cache = single_layer_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], 'sigmoid')
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """
    交叉熵损失：J = -1/m Σ [y·log(ŷ) + (1-y)·log(1-ŷ)]

    函数输入：
        - AL：神经网络输出层输出 ŷ，维度 (1, m)
        - Y：样本真实标签，维度 (1, m)，取值 0 或 1
    函数输出：
        - cost：交叉熵损失，一个数
    """
    m = AL.shape[1]
    cross_entropy = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    cost = 1.0 / m * np.sum(cross_entropy)
    return cost


def relu_backward(dA, Z):
    """
    ReLU 的反向传播 dA -> dZ：dZ = dA * g'(Z)，g'(Z) = 1（Z > 0），0（Z <= 0）

    函数输入：
        - dA：A 的梯度，维度 (n_l, m)
        - Z：该层线性输出，维度 (n_l, m)
    函数输出：
        - dZ：Z 的梯度，维度 (n_l, m)
    """
    dZ = dA * (Z > 0)
    return dZ


def sigmoid_backward(dA, Z):
    """
    Sigmoid 的反向传播 dA -> dZ：dZ = dA * σ(Z)(1 - σ(Z))

    函数输入：
        - dA：A 的梯度，维度 (n_l, m)
        - Z：该层线性输出，维度 (n_l, m)
    函数输出：
        - dZ：Z 的梯度，维度 (n_l, m)
    """
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
    return dZ


def single_layer_backward(dA, cache, activation):
    """
    单层网络反向传播：
        dZ = dA * g'(Z)，dW = 1/m dZ·A_prevᵀ，db = 1/m Σ dZ（按样本求和），dA_prev = Wᵀ·dZ

    函数输入：
        - dA：该层输出 A 的梯度，维度 (n_l, m)
        - cache：该层前向传播存储的 (A_prev, W, b, Z)
        - activation：该层使用的激活函数，'relu' 或 'sigmoid'
    函数输出：
        - dA_prev：上一层输出 A_prev 的梯度，维度 (n_{l-1}, m)
        - dW：参数 W 的梯度，维度 (n_l, n_{l-1})
        - db：参数 b 的梯度，维度 (n_l, 1)
    """
    A_prev, W, b, Z = cache
    if activation == 'relu':
        dZ = relu_backward(dA, Z)
    elif activation == 'sigmoid':
        dZ = sigmoid_backward(dA, Z)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def backward_propagation(AL, Y, caches):
    """
    L 层神经网络反向传播：dAL = -(Y/AL - (1-Y)/(1-AL))，第 L 层 Sigmoid，第 L-1 到 1 层 ReLU

    函数输入：
        - AL：输出层输出，维度 (1, m)
        - Y：样本真实标签，维度 (1, m)
        - caches：forward_propagation 返回的各层中间变量，共 L 个
    函数输出：
        - grads：梯度字典
                 'dW{l}', 'db{l}'：第 l 层参数的梯度，l = 1, ..., L
                 'dA{l}'：第 l 层输出 A^{[l]}（即第 l+1 层输入）的梯度，l = 0, ..., L-1
                          （dA0 是输入 X 的梯度；不存 dAL）
    """
    grads = {}
    L = len(caches)  # number of layers
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    # layer L: sigmoid
    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = \
        single_layer_backward(dAL, caches[L - 1], 'sigmoid')
    # layers L-1..1: ReLU
    for l in reversed(range(1, L)):
        grads['dA' + str(l - 1)], grads['dW' + str(l)], grads['db' + str(l)] = \
            single_layer_backward(grads['dA' + str(l)], caches[l - 1], 'relu')
    return grads


def update_parameters(parameters, grads, learning_rate=0.1):
    """
    梯度下降更新参数：W = W - α·dW，b = b - α·db

    函数输入：
        - parameters：参数字典 'W1', 'b1', ..., 'WL', 'bL'
        - grads：梯度字典 'dW1', 'db1', ..., 'dWL', 'dbL'（可以含有 'dA{l}' 等其它键）
        - learning_rate：学习率 α
    函数输出：
        - parameters：更新后的参数字典
    """
    L = len(parameters) // 2  # number of layers L
    for l in range(1, L + 1):
        parameters['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]
        parameters['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]
    return parameters


def predict(X, parameters):
    """
    预测（二分类）：ŷ > 0.5 预测为正类 1，否则为 0

    函数输入：
        - X：神经网络输入，维度 (n_x, m)
        - parameters：训练完成后的网络参数
    函数输出：
        - Y_pred：预测标签，维度 (1, m)，取值 0 或 1
    """
    AL, _ = forward_propagation(X, parameters)
    Y_pred = (AL > 0.5).astype(float)
    return Y_pred


def compute_gradients(X, Y, parameters):
    """
    在参数 parameters 处计算梯度：前向传播 + 反向传播（可作为 Nesterov 动量的 grad_fn）

    函数输入：
        - X：输入，维度 (n_x, m)
        - Y：真实标签，维度 (1, m)
        - parameters：参数字典
    函数输出：
        - grads：梯度字典 'dW{l}', 'db{l}', 'dA{l}'
    """
    AL, caches = forward_propagation(X, parameters)
    return backward_propagation(AL, Y, caches)


def load_moons(m=300, noise=0.2, seed=0):
    """
    生成"两个月牙"二分类数据（与 sklearn.datasets.make_moons 的做法相同，只用 NumPy）

    函数输入：
        - m：样本个数
        - noise：高斯噪声的标准差
        - seed：随机种子
    函数输出：
        - X：维度 (2, m)
        - Y：标签，维度 (1, m)，取值 0 或 1
    """
    rng = np.random.RandomState(seed)
    m_out = m // 2
    m_in = m - m_out
    t_out = np.linspace(0, np.pi, m_out)
    t_in = np.linspace(0, np.pi, m_in)
    X = np.vstack([np.append(np.cos(t_out), 1 - np.cos(t_in)),
                   np.append(np.sin(t_out), 1 - np.sin(t_in) - 0.5)])
    Y = np.append(np.zeros(m_out), np.ones(m_in)).reshape(1, m).astype(int)
    perm = rng.permutation(m)
    X = X[:, perm] + noise * rng.randn(2, m)
    return X, Y[:, perm]
