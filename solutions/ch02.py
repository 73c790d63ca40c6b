"""Chapter 2 — PyTorch (book sections 2.3-2.6), reference solutions.

Tensors and their arithmetic (2.3), the NumPy bridge (2.3.3), autograd for a scalar and for a tensor
output (2.4.1-2.4.2), switching autograd off (2.4.3), `torch.nn` and `torch.optim` (2.5) and the
linear regression of 2.6, written for PyTorch 2.x.
"""
import torch
import torch.nn as nn
import torch.optim as optim


def tensor_ops(a, b):
    """
    Tensor 的数学运算（2.3.2）：加法、对应元素相乘、矩阵相乘。

    函数输入：
        a -- torch.Tensor，维度 (n, m)
        b -- torch.Tensor，维度 (n, m)
    函数输出：
        total -- a + b，维度 (n, m)
        product -- a 与 b 对应元素相乘 a * b，维度 (n, m)
        matmul -- 矩阵相乘 a @ b.T，维度 (n, n)
    """
    total = a + b            # same as torch.add(a, b)
    product = a * b          # element-wise, same as a.mul(b)
    matmul = a @ b.T         # matrix product, same as a.mm(b.t())
    return total, product, matmul


def numpy_bridge(x):
    """
    NumPy 数组转换为 Tensor（2.3.3），二者共享内存：修改其中一个，另一个随之改变。

    函数输入：
        x -- numpy.ndarray，任意维度
    函数输出：
        t -- torch.Tensor，与 x 共享内存，维度和数据类型与 x 相同
    """
    t = torch.from_numpy(x)  # shares memory; torch.tensor(x) would copy
    return t


def mean_grad(x, y):
    """
    返回值是标量时的自动求导（2.4.1）：z = (x + y).mean()，求 dz/dx 和 dz/dy。

    函数输入：
        x -- torch.Tensor，维度 (n, m)，requires_grad=True
        y -- torch.Tensor，维度 (n, m)，requires_grad=True
    函数输出：
        dx -- dz/dx，即 x.grad，维度 (n, m)，每个元素都是 1/(n*m)
        dy -- dz/dy，即 y.grad，维度 (n, m)
    """
    z = (x + y).mean()
    z.backward()             # z is a scalar: no gradient argument needed
    return x.grad, y.grad


def vector_backward(x, y):
    """
    返回值是张量时的自动求导（2.4.2）：z = 2x + 3y，调用 z.backward(torch.ones_like(z))。

    函数输入：
        x -- torch.Tensor，维度 (n, m)，requires_grad=True
        y -- torch.Tensor，维度 (n, m)，requires_grad=True
    函数输出：
        dx -- x.grad，维度 (n, m)（全为 2）
        dy -- y.grad，维度 (n, m)（全为 3）
    """
    z = 2 * x + 3 * y
    z.backward(torch.ones_like(z))   # z is a tensor: pass dL/dz = 1 for every element
    return x.grad, y.grad


def no_grad_double(x):
    """
    禁止自动求导（2.4.3）：在 torch.no_grad() 中计算 2x。

    函数输入：
        x -- torch.Tensor，维度 (n, m)，requires_grad=True
    函数输出：
        y -- 2 * x，维度 (n, m)，y.requires_grad 为 False；x 本身不被修改
    """
    with torch.no_grad():
        y = 2 * x
    return y


class LinearRegression(nn.Module):
    """
    线性回归模型（2.5.1、2.6.2）：一个输入、一个输出的全连接层 self.fc = nn.Linear(1, 1)。

    函数输入（forward）：
        x -- torch.Tensor，维度 (m, 1)
    函数输出（forward）：
        out -- torch.Tensor，维度 (m, 1)，out = x * w + b
    """

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)

    def forward(self, x):
        out = self.fc(x)
        return out


def train_linear_regression(x, y, epochs=1000, lr=5e-3):
    """
    PyTorch 线性回归训练（2.6.2）：nn.MSELoss 作为损失函数，optim.SGD 作为优化器，每个 epoch
    使用全部样本做一次梯度下降。

    函数输入：
        x -- torch.Tensor，维度 (m, 1)，训练样本
        y -- torch.Tensor，维度 (m, 1)，样本标签
        epochs -- 遍历整个训练集的次数
        lr -- 学习率
    函数输出：
        model -- 训练好的 LinearRegression 模型（先用 LinearRegression() 新建）
        losses -- list，长度为 epochs，每个 epoch 参数更新前的 loss（Python float）
    """
    model = LinearRegression()
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for epoch in range(epochs):
        out = model(x)                 # forward
        loss = criterion(out, y)
        optimizer.zero_grad()          # clear the gradients of the previous epoch
        loss.backward()                # backward
        optimizer.step()               # update w and b
        losses.append(loss.item())
    return model, losses
