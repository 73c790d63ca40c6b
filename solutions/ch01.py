"""Chapter 1 reference: Python basics (1.2.3), NumPy (1.2.4) and Matplotlib (1.2.5).

Vectors and matrices are NumPy arrays; `image2vector` keeps NumPy's C order, `normalize_rows`
divides each row by its L2 norm, and both losses are sums over every element.
"""
import matplotlib.pyplot as plt
import numpy as np


# ---------------------------------------------------------------------------------------------
# 1.2.3 Python basics: functions and classes
# ---------------------------------------------------------------------------------------------

def sign(x):
    """
    判断一个数的正负。

    函数输入：
        - x：一个数（int 或 float）
    函数输出：
        - s：字符串，x > 0 时为 'positive'，x < 0 时为 'negative'，x = 0 时为 'zero'
    """
    if x > 0:
        return 'positive'
    elif x < 0:
        return 'negative'
    else:
        return 'zero'


class Greeter:
    """
    问候者：用名字创建，greet 返回问候语。

    函数输入（构造函数）：
        - name：字符串，名字，保存为实例变量 self.name
    函数输出（greet）：
        - 字符串 'Hello, NAME!'；loud=True 时整句大写 'HELLO, NAME!'
    """

    def __init__(self, name):
        self.name = name    # an instance variable: each Greeter keeps its own name

    def greet(self, loud=False):
        greeting = 'Hello, %s!' % self.name
        if loud:
            greeting = greeting.upper()
        return greeting


# ---------------------------------------------------------------------------------------------
# 1.2.4 NumPy: vectorised functions
# ---------------------------------------------------------------------------------------------

def sigmoid(x):
    """
    Sigmoid 函数：s = 1 / (1 + e^(-x))，逐元素计算。

    函数输入：
        - x：一个数，或任意维度的 NumPy 数组
    函数输出：
        - s：sigmoid(x)，与 x 维度相同
    """
    s = 1 / (1 + np.exp(-x))
    return s


def sigmoid_derivative(x):
    """
    Sigmoid 函数的导数：σ'(x) = s(1 - s)，其中 s = σ(x)。

    函数输入：
        - x：一个数，或任意维度的 NumPy 数组
    函数输出：
        - ds：σ'(x)，与 x 维度相同
    """
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds


def image2vector(image):
    """
    把图片数组展开成列向量（按 NumPy 默认的 C 顺序：最后一维变化最快）。

    函数输入：
        - image：NumPy 数组，维度 = (h, w, c)
    函数输出：
        - v：列向量，维度 = (h * w * c, 1)
    """
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    return v


def normalize_rows(x):
    """
    按行归一化：每一行除以它的 L2 范数 ||x_i|| = sqrt(Σ_j x_ij²)。

    函数输入：
        - x：NumPy 矩阵，维度 = (n, d)，没有全零行
    函数输出：
        - x_normalized：每行 L2 范数为 1 的矩阵，维度 = (n, d)
    """
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)    # (n, 1): one norm per row
    x_normalized = x / x_norm                            # broadcast over the columns
    return x_normalized


def l1_loss(yhat, y):
    """
    L1 损失：L1 = Σ |y - ŷ|。

    函数输入：
        - yhat：预测值，维度 = (m,)
        - y：真实值，维度 = (m,)
    函数输出：
        - loss：L1 损失，标量
    """
    loss = np.sum(np.abs(y - yhat))
    return loss


def l2_loss(yhat, y):
    """
    L2 损失：L2 = Σ (y - ŷ)²。

    函数输入：
        - yhat：预测值，维度 = (m,)
        - y：真实值，维度 = (m,)
    函数输出：
        - loss：L2 损失，标量
    """
    loss = np.sum((y - yhat) ** 2)
    return loss


# ---------------------------------------------------------------------------------------------
# 1.2.5 Matplotlib
# ---------------------------------------------------------------------------------------------

def plot_sin_cos(x):
    """
    在同一张图中画出 sin(x) 和 cos(x)（x 的单位是弧度），并返回这张图。

    函数输入：
        - x：NumPy 数组，维度 = (n,)，横坐标（弧度）
    函数输出：
        - fig：matplotlib.figure.Figure，包含两条曲线，标签分别为 'sin' 和 'cos'，
          有图例，x 轴标签 'x'，y 轴标签 'y'，标题 'sin and cos'
    """
    fig, ax = plt.subplots()
    ax.plot(x, np.sin(x), label='sin')
    ax.plot(x, np.cos(x), label='cos')
    ax.set_xlabel('x')
    ax.set_ylabel('y')
    ax.set_title('sin and cos')
    ax.legend()
    return fig
