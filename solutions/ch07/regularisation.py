"""Chapter 7 reference, 7.1 regularisation: the L2 and L1 penalties and inverted dropout."""
import numpy as np

from solutions.ch06 import backward_propagation, compute_cost


# ---------------------------------------------------------------------------------------------
# 7.1.2 L2 and L1 regularisation
# ---------------------------------------------------------------------------------------------

def compute_cost_with_regularization(AL, Y, parameters, lambd):
    """
    L2 正则化的损失函数：J = 交叉熵损失 + λ/(2m) Σ_l ‖W^{[l]}‖²（只对 W，不对 b）

    函数输入：
        - AL：输出层输出 ŷ，维度 (1, m)
        - Y：真实标签，维度 (1, m)
        - parameters：参数字典 'W1', 'b1', ..., 'WL', 'bL'
        - lambd：正则化参数 λ
    函数输出：
        - cost：带 L2 正则项的损失，一个数
    """
    m = Y.shape[1]
    L = len(parameters) // 2
    cross_entropy_cost = compute_cost(AL, Y)
    L2_sum = 0.0
    for l in range(1, L + 1):
        L2_sum += np.sum(np.square(parameters['W' + str(l)]))  # squared Frobenius norm
    L2_regularization_cost = lambd / (2 * m) * L2_sum
    return cross_entropy_cost + L2_regularization_cost


def backward_propagation_with_regularization(AL, Y, caches, lambd):
    """
    L2 正则化的反向传播：先做普通反向传播，再对每层 dW 加上正则项的梯度 λ/m·W

    函数输入：
        - AL：输出层输出，维度 (1, m)
        - Y：真实标签，维度 (1, m)
        - caches：forward_propagation 返回的各层中间变量 (A_prev, W, b, Z)，共 L 个
        - lambd：正则化参数 λ
    函数输出：
        - grads：梯度字典 'dW{l}', 'db{l}'（还有 'dA{l}'），dW{l} 维度 (n_l, n_{l-1})
    """
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        W = caches[l - 1][1]
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * W
    return grads


def compute_cost_with_l1_regularization(AL, Y, parameters, lambd):
    """
    L1 正则化的损失函数：J = 交叉熵损失 + λ/m Σ_l Σ|W^{[l]}|（只对 W，不对 b）

    函数输入：
        - AL：输出层输出 ŷ，维度 (1, m)
        - Y：真实标签，维度 (1, m)
        - parameters：参数字典 'W1', 'b1', ..., 'WL', 'bL'
        - lambd：正则化参数 λ
    函数输出：
        - cost：带 L1 正则项的损失，一个数
    """
    m = Y.shape[1]
    L = len(parameters) // 2
    cross_entropy_cost = compute_cost(AL, Y)
    L1_sum = 0.0
    for l in range(1, L + 1):
        L1_sum += np.sum(np.abs(parameters['W' + str(l)]))
    L1_regularization_cost = lambd / m * L1_sum
    return cross_entropy_cost + L1_regularization_cost


def backward_propagation_with_l1_regularization(AL, Y, caches, lambd):
    """
    L1 正则化的反向传播：先做普通反向传播，再对每层 dW 加上 λ/m·sign(W)

    函数输入：
        - AL：输出层输出，维度 (1, m)
        - Y：真实标签，维度 (1, m)
        - caches：forward_propagation 返回的各层中间变量 (A_prev, W, b, Z)，共 L 个
        - lambd：正则化参数 λ
    函数输出：
        - grads：梯度字典 'dW{l}', 'db{l}'（还有 'dA{l}'）
    """
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        W = caches[l - 1][1]
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.sign(W)
    return grads


# ---------------------------------------------------------------------------------------------
# 7.1.3 inverted dropout
# ---------------------------------------------------------------------------------------------

def dropout_forward(A, keep_prob):
    """
    反向随机失活（inverted dropout）前向：每个神经元以概率 keep_prob 保留，保留的输出除以 keep_prob，
    使输出的期望不变：D = (rand < keep_prob)，A_out = A * D / keep_prob

    函数输入：
        - A：某隐藏层的输出，维度 (n_l, m)
        - keep_prob：保留概率，0 < keep_prob <= 1
    函数输出：
        - A_out：随机失活后的输出，维度 (n_l, m)
        - D：0/1 掩码（布尔或整数均可），维度 (n_l, m)，1 表示保留，反向传播时要用同一个 D
    """
    D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob
    A_out = A * D / keep_prob
    return A_out, D


def dropout_backward(dA, D, keep_prob):
    """
    反向随机失活的反向传播：使用前向传播的同一个掩码 D，dA_prev = dA * D / keep_prob

    函数输入：
        - dA：随机失活后输出 A_out 的梯度，维度 (n_l, m)
        - D：dropout_forward 返回的 0/1 掩码（布尔或整数），维度 (n_l, m)
        - keep_prob：保留概率
    函数输出：
        - dA_prev：随机失活前输出 A 的梯度，维度 (n_l, m)
    """
    dA_prev = dA * D / keep_prob
    return dA_prev
