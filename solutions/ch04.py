"""Chapter 4 reference: perceptron and logic gates (4.1, 4.2), logistic regression (4.3).

Examples are columns: X is (n_x, m), Y is (1, m).
"""
import numpy as np


# ---------------------------------------------------------------------------------------------
# 4.1 Perceptron and logic gates
# ---------------------------------------------------------------------------------------------

def perceptron(x, w, b):
    """
    感知机：加权和大于 0 时输出 1，否则输出 0。

    函数输入：
        - x：输入信号，维度 = (n,)
        - w：权重，维度 = (n,)
        - b：偏置，标量
    函数输出：
        - y：输出信号，1 或 0（w·x + b = 0 时输出 0）
    """
    z = np.dot(w, x) + b    # weighted sum plus bias
    return 1 if z > 0 else 0


def AND(x1, x2):
    """
    与门：单个感知机，w = (0.5, 0.5)，b = -0.7。

    函数输入：
        - x1, x2：输入信号，0 或 1
    函数输出：
        - y：x1 与 x2，0 或 1
    """
    return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.7)


def OR(x1, x2):
    """
    或门：单个感知机，w = (0.5, 0.5)，b = -0.2。

    函数输入：
        - x1, x2：输入信号，0 或 1
    函数输出：
        - y：x1 或 x2，0 或 1
    """
    return perceptron(np.array([x1, x2]), np.array([0.5, 0.5]), -0.2)


def NAND(x1, x2):
    """
    与非门：单个感知机，w = (-0.5, -0.5)，b = 0.7。

    函数输入：
        - x1, x2：输入信号，0 或 1
    函数输出：
        - y：非（x1 与 x2），0 或 1
    """
    return perceptron(np.array([x1, x2]), np.array([-0.5, -0.5]), 0.7)


def XOR(x1, x2):
    """
    异或门：两层感知机，第一层是与非门和或门，第二层是与门。

    函数输入：
        - x1, x2：输入信号，0 或 1
    函数输出：
        - y：x1 异或 x2，0 或 1
    """
    s1 = NAND(x1, x2)    # layer 1
    s2 = OR(x1, x2)
    return AND(s1, s2)   # layer 2


# ---------------------------------------------------------------------------------------------
# 4.3 Logistic regression
# ---------------------------------------------------------------------------------------------

def sigmoid(z):
    """
    Sigmoid 函数：σ(z) = 1 / (1 + e^(-z))。

    函数输入：
        - z：标量或任意维度的数组
    函数输出：
        - a：sigmoid 输出，维度与 z 相同
    """
    a = 1 / (1 + np.exp(-z))
    return a


def initialize_with_zeros(dim):
    """
    参数初始化为 0。

    函数输入：
        - dim：特征维度
    函数输出：
        - W：权重，维度 = (dim, 1)，全 0
        - b：偏置，标量 0.0
    """
    W = np.zeros((dim, 1))
    b = 0.0
    return W, b


def propagate(W, b, X, Y):
    """
    正向传播计算代价函数，反向传播计算梯度。

    函数输入：
        - W：权重，维度 = (dim, 1)
        - b：偏置，标量
        - X：输入数据特征，维度 = (dim, m)
        - Y：输入数据标签，维度 = (1, m)
    函数输出：
        - grads：梯度字典，'dW' 维度 = (dim, 1)，'db' 标量
        - cost：交叉熵代价函数，标量
    """
    m = X.shape[1]
    Y_hat = sigmoid(np.dot(W.T, X) + b)                                          # (1, m)
    cost = -1.0 / m * np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat))  # J
    dW = 1.0 / m * np.dot(X, (Y_hat - Y).T)                                      # (dim, 1)
    db = 1.0 / m * np.sum(Y_hat - Y)                                             # scalar
    grads = {'dW': dW, 'db': db}
    return grads, cost


def optimizer(X, Y, num_iterations=200, learning_rate=0.01):
    """
    梯度下降训练逻辑回归。

    函数输入：
        - X：输入数据特征，维度 = (dim, m)
        - Y：输入数据标签，维度 = (1, m)
        - num_iterations：训练次数
        - learning_rate：学习速率
    函数输出：
        - W：训练后的权重参数，维度 = (dim, 1)
        - b：训练后的偏置参数，标量
        - cost：每次训练（更新参数之前）计算的代价，长度 = num_iterations 的列表
    """
    W, b = initialize_with_zeros(X.shape[0])
    cost = []
    for i in range(num_iterations):
        grads, J = propagate(W, b, X, Y)
        cost.append(J)
        W = W - learning_rate * grads['dW']    # gradient descent on W
        b = b - learning_rate * grads['db']    # gradient descent on b
        if (i + 1) % 100 == 0:
            print('Iteration: %d, J = %f' % (i + 1, J))
    return W, b, cost


def predict(X, W, b):
    """
    用训练好的参数预测标签：ŷ > 0.5 预测为正类 1，否则为 0。

    函数输入：
        - X：输入数据特征，维度 = (dim, m)
        - W：训练后的权重参数，维度 = (dim, 1)
        - b：训练后的偏置参数，标量
    函数输出：
        - Y_pred：预测标签，维度 = (1, m)
    """
    Y_hat = sigmoid(np.dot(W.T, X) + b)
    Y_pred = np.zeros((1, X.shape[1]))
    Y_pred[Y_hat > 0.5] = 1
    return Y_pred
