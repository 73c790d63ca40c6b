"""Notebook spec for chapter 2: PyTorch (book sections 2.3-2.6)."""

FIGURES = [r"w = 2\.79, b = 9\.97"]   # what the executed demo prints (book: 2.80, 9.96)



def build(nb):
    nb.md("""
    # 第2章 PyTorch

    本次作业对应教材第 2 章的 2.3-2.6 节：张量 Tensor、自动求导 autograd、神经网络包 nn 与优化器 optim，
    最后用 PyTorch 实现一个线性回归模型。教材的配套代码基于 PyTorch 1.0，本作业使用 PyTorch 2.x，
    书中用到的 API 在新版本中基本不变。

    **作业说明**

    - 每个需要你完成的函数下面都有 `# YOUR CODE HERE` 与 `raise NotImplementedError()`，删除这一行并写出你的实现。
    - 每个函数下方的检查单元会运行可见测试并给出分数和提示；提交后还会运行隐藏测试（随机形状和随机数值），
      所以不要针对可见测试的输入“硬编码”结果，也不要在函数里使用笔记本中的全局变量。
    - 训练演示和画图单元不参与评分，但请运行它们，对照教材中的结果。
    """)
    nb.code("""
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.optim as optim
    import matplotlib.pyplot as plt

    # 查看安装的 PyTorch 版本
    print(torch.__version__)
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 2.3 张量 Tensor

    ### 2.3.1 创建 Tensor

    Tensor（张量）是 PyTorch 中最基本的数据结构，可以看作能在 GPU 上运算、并能自动求导的多维数组。
    下面是几种常用的创建方法：随机初始化、由 Python 列表构建、全零张量、基于已有张量创建，以及指定数据类型。
    """)
    nb.code("""
    x = torch.randn(2, 2)                      # 随机初始化（标准正态分布）
    print(x)
    x = torch.tensor([[1, 2], [3, 4]])         # 直接把 Python 列表构建成 Tensor
    print(x)
    x = torch.zeros(2, 2)                      # 全零 Tensor
    y = torch.ones_like(x)                     # 与 x 形状相同的全 1 Tensor
    print(y)
    x = torch.ones(2, 2, dtype=torch.long)     # 指定数据类型
    print(x)
    """)
    nb.md("""
    ### 2.3.2 Tensor 的数学运算

    两个 Tensor 相加可以写成 `x + y`，也可以用 `torch.add(x, y)`；带下划线的方法（如 `y.add_(x)`）会原地修改 `y`。
    Tensor 的乘法有两种：`x * y`（即 `x.mul(y)`）是**对应元素相乘**，`x @ y`（即 `x.mm(y)`、`torch.matmul(x, y)`）
    是**矩阵相乘**。

    **练习：** 实现 `tensor_ops(a, b)`，对两个形状都为 `(n, m)` 的张量返回三元组 `(a + b, a * b, a @ b.T)`。
    注意矩阵相乘前要把 `b` 转置，结果的形状是 `(n, n)`。
    """)
    nb.solution("tensor_ops")
    nb.check("tensor_ops")
    nb.code("""
    a = torch.tensor([[1., 2.], [3., 4.]])
    b = torch.tensor([[5., 6.], [7., 8.]])
    for name, value in zip(["a + b", "a * b", "a @ b.T"], tensor_ops(a, b)):
        print(name)
        print(value)
    """)
    nb.md("""
    ### 2.3.3 Tensor 与 NumPy

    `tensor.numpy()` 把 Tensor 转换为 NumPy 数组，`torch.from_numpy(array)` 把 NumPy 数组转换为 Tensor。
    这样转换得到的 Tensor 和 NumPy 数组**共享内存**：修改其中一个，另一个也随之改变。
    而 `torch.tensor(array)` 会复制一份数据，`torch.Tensor(array)` 还会把数据转换为 float32。
    """)
    nb.code("""
    a = torch.ones(2, 2)
    b = a.numpy()
    a.add_(1)            # 原地修改 Tensor，NumPy 数组也随之改变
    print(a)
    print(b)
    """)
    nb.md("""
    **练习：** 实现 `numpy_bridge(x)`，返回一个与 NumPy 数组 `x` 共享内存的 Tensor（形状和数据类型都与 `x` 相同）。
    """)
    nb.solution("numpy_bridge")
    nb.check("numpy_bridge")
    nb.code("""
    a = np.array([[1, 1], [1, 1]])
    b = numpy_bridge(a)
    np.add(a, 1, out=a)  # 修改 NumPy 数组，Tensor 也随之改变
    print(a)
    print(b)
    """)
    nb.md("""
    ### 2.3.4 CUDA Tensor

    如果安装了 GPU 版本的 PyTorch 并且有可用的 GPU，可以用 `.cuda()`（或 `.to("cuda")`）把 Tensor 移到 GPU 上运算。
    在只有 CPU 的机器上，下面的 `if` 语句不会执行。
    """)
    nb.code("""
    a = torch.ones(2, 2)
    if torch.cuda.is_available():   # 检查是否可以使用 GPU
        a_cuda = a.cuda()
        print(a_cuda)
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 2.4 自动求导 autograd

    创建 Tensor 时设置 `requires_grad=True`，PyTorch 就会记录在它上面进行的运算，
    调用 `backward()` 后，梯度保存在每个叶子张量的 `.grad` 属性中。

    ### 2.4.1 返回值是标量

    定义 $z = \\frac{1}{n}\\sum_i (x_i + y_i)$，即 `z = (x + y).mean()`。$z$ 是标量，直接调用 `z.backward()`，
    得到 $\\frac{\\partial z}{\\partial x_i} = \\frac{\\partial z}{\\partial y_i} = \\frac{1}{n}$（$n$ 为元素个数）。

    **练习：** 实现 `mean_grad(x, y)`，`x`、`y` 是 `requires_grad=True` 的张量，返回 `(x.grad, y.grad)`。
    注意：`backward()` 只调用一次，PyTorch 会把多次调用的梯度**累加**起来。
    """)
    nb.solution("mean_grad")
    nb.check("mean_grad")
    nb.code("""
    x = torch.ones(2, 2, requires_grad=True)
    y = torch.ones(2, 2, requires_grad=True)
    dx, dy = mean_grad(x, y)
    print(dx)   # 每个元素都是 0.25
    print(dy)
    """)
    nb.md("""
    ### 2.4.2 返回值是张量

    定义 $z = 2x + 3y$，此时 $z$ 是一个张量而不是标量，调用 `backward` 时要传入一个与 $z$ 形状相同的张量
    （$\\partial L / \\partial z$），通常取全 1：`z.backward(torch.ones_like(z))`。
    得到 $\\frac{\\partial z}{\\partial x} = 2$，$\\frac{\\partial z}{\\partial y} = 3$。

    **练习：** 实现 `vector_backward(x, y)`，返回 `(x.grad, y.grad)`。
    """)
    nb.solution("vector_backward")
    nb.check("vector_backward")
    nb.code("""
    x = torch.ones(2, 2, requires_grad=True)
    y = torch.ones(2, 2, requires_grad=True)
    dx, dy = vector_backward(x, y)
    print(dx)   # 全为 2
    print(dy)   # 全为 3
    """)
    nb.md("""
    ### 2.4.3 禁止自动求导

    在 `with torch.no_grad():` 代码块中的运算不会被记录，得到的结果 `requires_grad` 为 `False`。
    测试模型、更新参数时常用这种方式节省内存和计算。

    **练习：** 实现 `no_grad_double(x)`，在 `torch.no_grad()` 中计算并返回 `2 * x`，不要修改输入 `x`。
    """)
    nb.solution("no_grad_double")
    nb.check("no_grad_double")
    nb.code("""
    x = torch.ones(2, 2, requires_grad=True)
    print(x.requires_grad)
    print((2 * x).requires_grad)
    print(no_grad_double(x).requires_grad)   # False
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 2.5 神经网络包 nn 和优化器 optim

    ### 2.5.1 torch.nn

    `torch.nn` 是专门为神经网络设计的模块化接口。自定义的网络要继承 `nn.Module`，在 `__init__` 中定义各层，
    在 `forward` 中写出前向传播；调用 `model(x)` 时会自动执行 `forward`，反向传播由 autograd 完成。

    **练习：** 实现线性回归模型 `LinearRegression`：在 `__init__` 中先调用父类的构造函数，再定义
    `self.fc = nn.Linear(1, 1)`（一个输入、一个输出，带偏置），`forward(x)` 返回 `self.fc(x)`。
    模型的输入、输出形状都是 `(m, 1)`。
    """)
    nb.solution("LinearRegression")
    nb.check("LinearRegression")
    nb.md("""
    ### 2.5.2 torch.optim

    `torch.optim` 实现了各种优化算法。均方误差损失和随机梯度下降（SGD）优化器的用法如下：

    ```python
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=0.01)
    ```

    单次迭代对应的代码为：

    ```python
    optimizer.zero_grad()              # 梯度清零，否则梯度会在各次迭代之间累加
    output = model(input)
    loss = criterion(output, target)
    loss.backward()                    # 反向传播，计算梯度
    optimizer.step()                   # 完成参数更新
    ```
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 2.6 PyTorch 线性回归

    ### 2.6.1 线性回归基本原理

    线性回归用一条直线 $\\hat{y} = wx + b$ 拟合数据，损失函数是均方误差
    $L = \\frac{1}{m}\\sum_{i=1}^{m}(\\hat{y}_i - y_i)^2$。梯度下降沿负梯度方向更新参数：
    $w \\leftarrow w - \\alpha\\frac{\\partial L}{\\partial w}$，$b \\leftarrow b - \\alpha\\frac{\\partial L}{\\partial b}$，
    其中 $\\alpha$ 是学习率。

    ### 2.6.2 PyTorch 实现

    **练习：** 实现 `train_linear_regression(x, y, epochs=1000, lr=5e-3)`：
    先新建 `model = LinearRegression()`，用 `nn.MSELoss()` 作为损失函数、`optim.SGD(model.parameters(), lr=lr)`
    作为优化器；每个 epoch 用全部样本做一次前向传播、计算 loss、梯度清零、反向传播、更新参数，
    并用 `loss.item()` 把本次的 loss 记入列表 `losses`。返回 `(model, losses)`。
    """)
    nb.solution("train_linear_regression")
    nb.check("train_linear_regression")
    nb.md("""
    **训练演示：** 按教材的方法构造数据集 $y = 3x + 10 + 0.5 \\cdot \\text{noise}$（固定随机种子，结果可复现），
    训练 1000 个 epoch。教材给出的结果约为 $w = 2.80$，$b = 9.96$，loss 约 0.21；
    下面的随机种子得到 $w \\approx 2.79$，$b \\approx 9.97$，loss $\\approx 0.210$。
    由于 1000 个 epoch、学习率 5e-3 还没有完全收敛，$w$ 比 3 略小。
    """)
    nb.code("""
    torch.manual_seed(179)
    x = torch.unsqueeze(torch.linspace(-1, 1, 50), dim=1)    # (50, 1)
    y = 3 * x + 10 + 0.5 * torch.randn(x.size())             # y = 3x + 10 加上噪声

    model, losses = train_linear_regression(x, y, epochs=1000, lr=5e-3)
    for epoch in range(199, 1000, 200):
        print('Epoch[{}/{}], loss: {:.6f}'.format(epoch + 1, 1000, losses[epoch]))
    w, b = model.fc.weight.item(), model.fc.bias.item()
    print('w = {:.2f}, b = {:.2f}'.format(w, b))
    """)
    nb.code("""
    # 模型测试：画出原始数据和拟合直线
    with torch.no_grad():
        y_hat = model(x)
    plt.scatter(x.numpy(), y.numpy(), label='data')
    plt.plot(x.numpy(), y_hat.numpy(), c='r', label='fitted line')
    plt.legend()
    plt.show()
    """)
