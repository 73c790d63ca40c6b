"""Chapter 7: the helpers shipped to students in dnn_utils.py beside the notebook, besides the chapter-6
network (tools/notebooks/ch07.py builds that file from solutions/ch06.py and this module)."""
import numpy as np

from solutions.ch06 import backward_propagation, forward_propagation


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
