"""Notebook spec of chapter 4: 神经网络基础 (4.1 感知机, 4.2 多层感知机, 4.3 逻辑回归)."""

FIGURES = [r"J = 0\.301476", r"0\.86"]   # the book's figures, printed by the executed demo



def build(nb):
    nb.md(r"""
    # 第4章 神经网络基础

    本章作业对应书中第4章：

    - 4.1 感知机：感知机模型，用感知机实现与门、或门、与非门；
    - 4.2 多层感知机：单层感知机的局限性，用两层感知机实现异或门；
    - 4.3 逻辑回归：Sigmoid 函数、交叉熵代价函数、梯度下降，在 `make_moons` 数据集上训练逻辑回归。

    **作业说明**：在每个函数的 `# YOUR CODE HERE` 处完成代码（删除 `raise NotImplementedError()`），然后运行函数下方的检查单元。
    检查单元只运行可见测试；提交后还会用随机的形状和数值运行隐藏测试，所以函数只能使用参数，不要依赖笔记本中的全局变量，
    也不要把形状写死。样本按**列**排列：`X` 的维度是 `(n_x, m)`，`Y` 的维度是 `(1, m)`。
    """)
    nb.code("""
    import numpy as np
    import matplotlib.pyplot as plt
    import sklearn.datasets

    np.random.seed(1)    # 设置随机种子，与书中结果一致
    X, Y = sklearn.datasets.make_moons(n_samples=200, noise=.2)    # 样本个数 m = 200，噪声标准差 0.2
    X, Y = X.T, Y.reshape(1, Y.shape[0])    # X: (2, 200)，Y: (1, 200)
    m = X.shape[1]      # 样本个数
    dim = X.shape[0]    # 特征维度
    print('X shape:', X.shape)
    print('Y shape:', Y.shape)
    """)

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 4.1 感知机

    ### 4.1.1 感知机模型

    感知机接收多个输入信号 $x_1, x_2, \dots, x_n$，每个信号乘以各自的权重 $w_i$，求和后再加上偏置 $b$。
    加权和大于 0 时神经元被激活，输出 1；否则输出 0：

    $$
    y = \begin{cases} 1, & w \cdot x + b > 0 \\ 0, & w \cdot x + b \le 0 \end{cases}
    $$

    注意等号：$w \cdot x + b = 0$ 时输出 **0**。

    **任务**：实现 `perceptron(x, w, b)`。`x`、`w` 是维度为 `(n,)` 的数组，`b` 是标量，返回整数 1 或 0。
    """)
    nb.solution("perceptron")
    nb.check("perceptron")

    nb.md(r"""
    ### 4.1.2 感知机与逻辑电路

    只要选择合适的权重和偏置，同一个感知机就能实现不同的逻辑门（输入和输出都是 0 或 1）：

    | $x_1$ | $x_2$ | 与门 AND | 或门 OR | 与非门 NAND |
    |:-----:|:-----:|:-------:|:------:|:----------:|
    | 0 | 0 | 0 | 0 | 1 |
    | 0 | 1 | 0 | 1 | 1 |
    | 1 | 0 | 0 | 1 | 1 |
    | 1 | 1 | 1 | 1 | 0 |

    例如与门可以取 $w = (0.5, 0.5)$，$b = -0.7$：只有两个输入都为 1 时，$0.5 + 0.5 - 0.7 > 0$。
    或门只需把偏置改为 $b = -0.2$；与非门的输出与与门正好相反，权重和偏置都取相反数：$w = (-0.5, -0.5)$，$b = 0.7$。

    **任务**：用上面的 `perceptron` 分别实现 `AND(x1, x2)`、`OR(x1, x2)`、`NAND(x1, x2)`，每个门都是**一个**感知机。
    """)
    nb.solution("AND")
    nb.check("AND")
    nb.solution("OR")
    nb.check("OR")
    nb.solution("NAND")
    nb.check("NAND")

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 4.2 多层感知机

    ### 4.2.1 感知机的局限性

    异或门（XOR）只在两个输入不同时输出 1：$(0,0) \to 0$，$(0,1) \to 1$，$(1,0) \to 1$，$(1,1) \to 0$。
    单个感知机的决策边界 $w_1 x_1 + w_2 x_2 + b = 0$ 是一条直线，而异或的两类点无法用一条直线分开（线性不可分），
    所以单层感知机实现不了异或门。

    ### 4.2.2 多层感知机实现异或

    把感知机叠加起来就能突破这个限制。第一层由与非门和或门组成，第二层把它们的输出送入与门：

    $$
    s_1 = \mathrm{NAND}(x_1, x_2), \quad s_2 = \mathrm{OR}(x_1, x_2), \quad y = \mathrm{AND}(s_1, s_2)
    $$

    **任务**：用已经实现的门实现两层感知机 `XOR(x1, x2)`。
    """)
    nb.solution("XOR")
    nb.check("XOR")

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 4.3 逻辑回归

    ### 4.3.1 基本原理

    逻辑回归先计算线性部分 $z = w^T x + b$，再经过 Sigmoid 函数得到预测为正类的概率：

    $$
    \hat y = \sigma(z) = \frac{1}{1 + e^{-z}}
    $$

    Sigmoid 把任意实数压缩到 $(0, 1)$ 之间，$\sigma(0) = 0.5$。

    **任务**：实现 `sigmoid(z)`，`z` 可以是标量，也可以是任意维度的数组。
    """)
    nb.solution("sigmoid")
    nb.check("sigmoid")

    nb.md(r"""
    ### 4.3.2 损失函数

    对 $m$ 个样本，逻辑回归使用交叉熵代价函数：

    $$
    J = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log \hat y^{(i)} + (1 - y^{(i)}) \log (1 - \hat y^{(i)}) \right]
    $$

    ### 4.3.3 梯度下降

    把 $m$ 个样本按列排成矩阵 $X$（维度 $(n_x, m)$），则 $\hat Y = \sigma(W^T X + b)$，代价函数对参数的梯度为：

    $$
    \frac{\partial J}{\partial W} = \frac{1}{m} X (\hat Y - Y)^T, \qquad
    \frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} (\hat y^{(i)} - y^{(i)})
    $$

    梯度下降沿负梯度方向更新参数，$\alpha$ 是学习速率：

    $$
    W := W - \alpha \frac{\partial J}{\partial W}, \qquad b := b - \alpha \frac{\partial J}{\partial b}
    $$

    ### 4.3.4 逻辑回归的 Python 实现

    先看一下数据：`make_moons` 生成的两类样本呈两个交错的半月形。
    """)
    nb.code("""
    plt.scatter(X[0, Y[0, :] == 0], X[1, Y[0, :] == 0], c='r', marker='s', label='y = 0')    # 负类
    plt.scatter(X[0, Y[0, :] == 1], X[1, Y[0, :] == 1], c='b', marker='o', label='y = 1')    # 正类
    plt.legend()
    plt.show()
    """)

    nb.md(r"""
    **参数初始化**：逻辑回归的参数可以全部初始化为 0。

    **任务**：实现 `initialize_with_zeros(dim)`，返回维度为 `(dim, 1)` 的全 0 权重 `W` 和标量偏置 `b = 0.0`。
    """)
    nb.solution("initialize_with_zeros")
    nb.check("initialize_with_zeros")

    nb.md(r"""
    **正向传播与反向传播**：正向传播计算 $\hat Y$ 和代价 $J$（4.3.2），反向传播计算梯度 $dW$、$db$（4.3.3）。

    **任务**：实现 `propagate(W, b, X, Y)`，返回 `(grads, cost)`：`grads = {'dW': dW, 'db': db}`，
    `dW` 的维度与 `W` 相同 `(dim, 1)`，`db` 和 `cost` 是标量。
    """)
    nb.solution("propagate")
    nb.check("propagate")

    nb.md(r"""
    **梯度下降优化**：从全 0 参数开始迭代 `num_iterations` 次；每次迭代先调用 `propagate` 计算代价和梯度，
    把**本次更新之前**的代价记入列表，再按 4.3.3 的公式更新 `W` 和 `b`。

    **任务**：实现 `optimizer(X, Y, num_iterations=200, learning_rate=0.01)`，返回 `(W, b, cost)`，
    其中 `cost` 是长度为 `num_iterations` 的列表。（参考实现每 100 次迭代打印一次代价，打印与否不影响评分。）
    """)
    nb.solution("optimizer")
    nb.check("optimizer")

    nb.md(r"""
    **训练**：与书中相同，在 `make_moons` 数据上以学习速率 0.1 训练 1000 次。实现正确时应得到
    $J = 0.301476$，$W = [[1.14042339], [-3.83196763]]$，$b = 0.35010174$。
    """)
    nb.code("""
    W, b, cost = optimizer(X, Y, num_iterations=1000, learning_rate=0.1)
    print('J = %f' % cost[-1])
    print('W =', W)
    print('b = %.8f' % b)

    plt.plot(cost)
    plt.xlabel('iteration')
    plt.ylabel('cost J')
    plt.show()
    """)

    nb.md(r"""
    **预测**：$\hat y > 0.5$ 的样本预测为正类 1，否则为 0（$\hat y$ 恰好等于 0.5 时预测为 0）。

    **任务**：实现 `predict(X, W, b)`，返回维度为 `(1, m)` 的预测标签。
    """)
    nb.solution("predict")
    nb.check("predict")

    nb.md(r"""
    计算训练集上的预测准确率（书中为 0.86），并画出逻辑回归的分类直线：逻辑回归的决策边界是直线，
    无法很好地分开两个半月形，这正是第5章要用神经网络解决的问题。
    """)
    nb.code("""
    Y_pred = predict(X, W, b)
    accuracy = np.mean(Y_pred == Y)
    print('accuracy = %.2f' % accuracy)

    x_min, x_max = X[0, :].min() - 0.5, X[0, :].max() + 0.5
    y_min, y_max = X[1, :].min() - 0.5, X[1, :].max() + 0.5
    xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.01), np.arange(y_min, y_max, 0.01))
    Z = predict(np.c_[xx.ravel(), yy.ravel()].T, W, b).reshape(xx.shape)
    plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral, alpha=0.6)    # 决策区域
    plt.scatter(X[0, Y[0, :] == 0], X[1, Y[0, :] == 0], c='g', marker='s', label='y = 0')
    plt.scatter(X[0, Y[0, :] == 1], X[1, Y[0, :] == 1], c='y', marker='o', label='y = 1')
    plt.legend()
    plt.show()
    """)
