"""Chapter 5 reference: a shallow network (one tanh hidden layer, sigmoid output), the book's API (5.7).

Examples are columns: X is (n_x, m), Y is (1, m); W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1).
"""
import numpy as np


def sigmoid(z):
    """
    Sigmoid 激活函数（第4章已实现，这里直接给出）。

    函数输入：
        - z：激活函数输入，神经元线性输出
    函数输出：
        - a：激活函数输出，神经元非线性输出
    """
    a = 1 / (1 + np.exp(-z))
    return a


def initialize_parameters(n_x, n_h, n_y):
    """
    参数初始化：W 为标准正态分布随机数，b 为 0（np.random.seed(0)，与书中结果一致）。

    函数输入：
        - n_x：输入层维度
        - n_h：隐藏层神经元个数
        - n_y：输出层神经元个数
    函数输出：
        - parameters：参数字典，W1 (n_h, n_x)，b1 (n_h, 1)，W2 (n_y, n_h)，b2 (n_y, 1)
    """
    np.random.seed(0)    # the book's seed, to reproduce its figures
    W1 = np.random.randn(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    parameters = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}
    return parameters


def forward_propagation(X, parameters):
    """
    前向传播：隐藏层 tanh，输出层 sigmoid。

    函数输入：
        - X：神经网络输入，维度 = (n_x, m)
        - parameters：参数字典 W1, b1, W2, b2
    函数输出：
        - A2：神经网络输出，维度 = (n_y, m)
        - cache：缓存字典，存储中间变量 Z1, A1 (n_h, m) 和 Z2, A2 (n_y, m)
    """
    W1, b1 = parameters['W1'], parameters['b1']
    W2, b2 = parameters['W2'], parameters['b2']
    Z1 = np.dot(W1, X) + b1     # input layer -> hidden layer
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2    # hidden layer -> output layer
    A2 = sigmoid(Z2)
    cache = {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}
    return A2, cache


def compute_loss(A2, Y):
    """
    交叉熵损失：J = -1/m Σ[y log a + (1 - y) log(1 - a)]。

    函数输入：
        - A2：神经网络输出，维度 = (1, m)
        - Y：样本真实标签，维度 = (1, m)
    函数输出：
        - cost：交叉熵损失，标量
    """
    m = Y.shape[1]
    cross_entropy = -(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    cost = 1.0 / m * np.sum(cross_entropy)
    return cost


def back_propagation(X, Y, parameters, cache):
    """
    反向传播：dZ2 = A2 - Y，dZ1 = W2ᵀ dZ2 ⊙ (1 - A1²)。

    函数输入：
        - X：神经网络输入，维度 = (n_x, m)
        - Y：样本真实标签，维度 = (1, m)
        - parameters：参数字典 W1, b1, W2, b2
        - cache：前向传播的缓存字典 Z1, A1, Z2, A2
    函数输出：
        - grads：梯度字典 dW1, db1, dW2, db2，维度与对应参数相同
    """
    m = X.shape[1]
    W2 = parameters['W2']
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))    # tanh'(Z1) = 1 - A1^2
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    grads = {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}
    return grads


def update_parameters(parameters, grads, learning_rate=0.1):
    """
    梯度下降更新参数：W = W - α dW，b = b - α db。

    函数输入：
        - parameters：参数字典 W1, b1, W2, b2
        - grads：梯度字典 dW1, db1, dW2, db2
        - learning_rate：学习率 α
    函数输出：
        - parameters：更新后的参数字典
    """
    W1 = parameters['W1'] - learning_rate * grads['dW1']
    b1 = parameters['b1'] - learning_rate * grads['db1']
    W2 = parameters['W2'] - learning_rate * grads['dW2']
    b2 = parameters['b2'] - learning_rate * grads['db2']
    parameters = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}
    return parameters


def nn_model(X, Y, n_h=3, num_iterations=200, learning_rate=0.1):
    """
    构建并训练浅层神经网络：初始化，然后重复 前向传播 -> 损失 -> 反向传播 -> 更新参数。

    函数输入：
        - X：神经网络输入，维度 = (n_x, m)
        - Y：样本真实标签，维度 = (1, m)
        - n_h：隐藏层神经元个数
        - num_iterations：训练次数
        - learning_rate：学习率
    函数输出：
        - parameters：训练完成后的参数字典 W1, b1, W2, b2
    """
    n_x, n_y = X.shape[0], Y.shape[0]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_loss(A2, Y)
        grads = back_propagation(X, Y, parameters, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
        if (i + 1) % 100 == 0:
            print('Iteration: %d, cost = %f' % (i + 1, cost))
    return parameters


def predict(X, parameters):
    """
    用训练好的网络预测标签：A2 > 0.5 预测为正类 1，否则为 0。

    函数输入：
        - X：神经网络输入，维度 = (n_x, m)
        - parameters：训练完成后的参数字典
    函数输出：
        - Y_pred：预测标签，维度 = (1, m)
    """
    A2, _ = forward_propagation(X, parameters)
    Y_pred = np.zeros((1, X.shape[1]))
    Y_pred[A2 > 0.5] = 1
    return Y_pred
