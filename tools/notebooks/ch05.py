"""Notebook spec of chapter 5: 神经网络 (a shallow network, 5.1-5.7)."""

FIGURES = [r"0\.204605", r"0\.94"]   # the book's figures, printed by the executed demo



def build(nb):
    nb.md(r"""
    # 第5章 神经网络

    本章作业对应书中第5章：从零实现一个浅层神经网络（一个 tanh 隐藏层、sigmoid 输出层），
    在第4章的 `make_moons` 数据集上训练，把逻辑回归的 0.86 准确率提高到 0.94。

    **作业说明**：在每个函数的 `# YOUR CODE HERE` 处完成代码（删除 `raise NotImplementedError()`），然后运行函数下方的检查单元。
    检查单元只运行可见测试；提交后还会用随机的形状和数值运行隐藏测试，所以函数只能使用参数，不要依赖笔记本中的全局变量，
    也不要把形状写死。样本按**列**排列：`X` 的维度是 `(n_x, m)`，`Y` 的维度是 `(1, m)`。

    下面的准备单元导入所需的库、生成与书中相同的数据（5.7.1），并给出第4章已经实现的 `sigmoid` 函数。
    """)
    nb.code('''
    import numpy as np
    import matplotlib.pyplot as plt
    import sklearn.datasets

    np.random.seed(1)    # 设置随机种子，与书中结果一致
    X, Y = sklearn.datasets.make_moons(n_samples=200, noise=.2)    # 样本个数 m = 200，噪声标准差 0.2
    X, Y = X.T, Y.reshape(1, Y.shape[0])    # X: (2, 200)，Y: (1, 200)
    print('X shape:', X.shape)
    print('Y shape:', Y.shape)


    def sigmoid(z):
        """
        Sigmoid 激活函数（第4章已实现）。

        函数输入：
            - z：激活函数输入，神经元线性输出
        函数输出：
            - a：激活函数输出，神经元非线性输出
        """
        return 1 / (1 + np.exp(-z))
    ''')

    nb.md(r"""
    ## 5.1 基本结构

    本章的神经网络有输入层、一个隐藏层和输出层（输入层不计入层数，所以是两层神经网络）：

    - 输入层：$n_x$ 个特征（本例 $n_x = 2$）；
    - 隐藏层：$n_h$ 个神经元，激活函数 tanh；
    - 输出层：$n_y = 1$ 个神经元，激活函数 sigmoid，输出预测为正类的概率。

    参数的维度：$W^{[1]}$ 为 $(n_h, n_x)$，$b^{[1]}$ 为 $(n_h, 1)$，$W^{[2]}$ 为 $(n_y, n_h)$，$b^{[2]}$ 为 $(n_y, 1)$。
    代码中分别记作 `W1`、`b1`、`W2`、`b2`，存放在字典 `parameters` 中。

    ## 5.2 前向传播

    对按列排列的 $m$ 个样本 $X$：

    $$
    Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
    Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]})
    $$

    ## 5.3 激活函数

    隐藏层使用 $\tanh(z) = \dfrac{e^z - e^{-z}}{e^z + e^{-z}}$，输出在 $(-1, 1)$ 之间、均值接近 0；
    它的导数可以用激活值表示：$\tanh'(z) = 1 - \tanh^2(z) = 1 - a^2$。
    输出层使用 sigmoid，把输出变成 $(0, 1)$ 之间的概率。

    ## 5.4 反向传播

    交叉熵损失 $J = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log a^{[2](i)} + (1 - y^{(i)}) \log (1 - a^{[2](i)}) \right]$
    对各参数的梯度为（$\odot$ 表示逐元素相乘）：

    $$
    \begin{aligned}
    dZ^{[2]} &= A^{[2]} - Y, &
    dW^{[2]} &= \frac{1}{m} dZ^{[2]} A^{[1]T}, &
    db^{[2]} &= \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)} \\
    dZ^{[1]} &= W^{[2]T} dZ^{[2]} \odot (1 - A^{[1]2}), &
    dW^{[1]} &= \frac{1}{m} dZ^{[1]} X^T, &
    db^{[1]} &= \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}
    \end{aligned}
    $$

    $db$ 的维度要与 $b$ 相同，按样本（列）求和时保持二维 `(n, 1)`。

    ## 5.5 更新参数

    梯度下降：$W := W - \alpha\, dW$，$b := b - \alpha\, db$，$\alpha$ 是学习率。

    ## 5.6 初始化

    神经网络的权重不能全部初始化为 0：否则隐藏层的神经元完全对称，计算相同的输出、得到相同的梯度，永远学不到不同的特征。
    权重随机初始化，偏置可以初始化为 0。

    ## 5.7 神经网络的 Python 实现

    ### 5.7.1 准备数据

    数据已在准备单元中生成，与第4章相同：
    """)
    nb.code("""
    plt.scatter(X[0, Y[0, :] == 0], X[1, Y[0, :] == 0], c='r', marker='s', label='y = 0')    # 负类
    plt.scatter(X[0, Y[0, :] == 1], X[1, Y[0, :] == 1], c='b', marker='o', label='y = 1')    # 正类
    plt.legend()
    plt.show()
    """)

    nb.md(r"""
    ### 5.7.2 参数初始化

    与书中相同：先 `np.random.seed(0)`，然后用标准正态分布 `np.random.randn` 依次生成 `W1`、`W2`（不乘缩放系数），
    偏置 `b1`、`b2` 为 0。这样才能复现书中的训练结果。

    **任务**：实现 `initialize_parameters(n_x, n_h, n_y)`，返回参数字典 `{'W1', 'b1', 'W2', 'b2'}`。
    """)
    nb.solution("initialize_parameters")
    nb.check("initialize_parameters")

    nb.md(r"""
    ### 5.7.3 前向传播

    **任务**：按 5.2 的公式实现 `forward_propagation(X, parameters)`，返回 `(A2, cache)`，
    其中 `cache = {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}` 保存反向传播要用到的中间变量。
    """)
    nb.solution("forward_propagation")
    nb.check("forward_propagation")

    nb.md(r"""
    ### 5.7.4 交叉熵损失

    $$
    J = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log a^{[2](i)} + (1 - y^{(i)}) \log (1 - a^{[2](i)}) \right]
    $$

    **任务**：实现 `compute_loss(A2, Y)`，返回标量损失。
    """)
    nb.solution("compute_loss")
    nb.check("compute_loss")

    nb.md(r"""
    ### 5.7.5 反向传播

    **任务**：按 5.4 的公式实现 `back_propagation(X, Y, parameters, cache)`，返回梯度字典
    `{'dW1', 'db1', 'dW2', 'db2'}`，每个梯度的维度与对应参数相同。
    """)
    nb.solution("back_propagation")
    nb.check("back_propagation")

    nb.md(r"""
    ### 5.7.6 更新参数

    **任务**：实现 `update_parameters(parameters, grads, learning_rate=0.1)`，按 5.5 的公式更新四个参数，返回新的参数字典。
    """)
    nb.solution("update_parameters")
    nb.check("update_parameters")

    nb.md(r"""
    ### 5.7.7 构建整个神经网络模型

    把前面的函数组合起来：用 `initialize_parameters` 初始化一次，然后迭代 `num_iterations` 次，
    每次依次做 前向传播 → 计算损失 → 反向传播 → 更新参数。

    **任务**：实现 `nn_model(X, Y, n_h=3, num_iterations=200, learning_rate=0.1)`，返回训练后的参数字典。
    （参考实现每 100 次迭代打印一次损失，打印与否不影响评分。）
    """)
    nb.solution("nn_model")
    nb.check("nn_model")

    nb.md(r"""
    ### 5.7.8 训练

    与书中相同：隐藏层 3 个神经元，学习率 0.2，训练 500 次。实现正确时最后一次迭代的损失为 0.204605。
    `nn_model` 只返回参数；为了画出损失曲线，下面用同样的步骤再训练一遍，并记录每次迭代（更新参数之前）的损失。
    """)
    nb.code("""
    parameters = nn_model(X, Y, n_h=3, num_iterations=500, learning_rate=0.2)

    # the same training steps as nn_model, recording the cost of every iteration
    params = initialize_parameters(X.shape[0], 3, 1)
    costs = []
    for i in range(500):
        A2, cache = forward_propagation(X, params)
        costs.append(compute_loss(A2, Y))
        params = update_parameters(params, back_propagation(X, Y, params, cache), 0.2)
    print('cost after 500 iterations = %f' % costs[-1])

    plt.plot(costs)
    plt.xlabel('iteration')
    plt.ylabel('cost')
    plt.show()
    """)

    nb.md(r"""
    ### 5.7.9 预测

    $A^{[2]} > 0.5$ 的样本预测为正类 1，否则为 0（恰好等于 0.5 时预测为 0）。

    **任务**：实现 `predict(X, parameters)`，返回维度为 `(1, m)` 的预测标签。
    """)
    nb.solution("predict")
    nb.check("predict")

    nb.md(r"""
    计算训练集上的准确率（书中为 0.94，逻辑回归只有 0.86），并画出神经网络的决策边界：
    隐藏层让决策边界变成了曲线，能够较好地分开两个半月形。
    """)
    nb.code("""
    Y_pred = predict(X, parameters)
    accuracy = np.mean(Y_pred == Y)
    print('accuracy = %.2f' % accuracy)

    x_min, x_max = X[0, :].min() - 0.5, X[0, :].max() + 0.5
    y_min, y_max = X[1, :].min() - 0.5, X[1, :].max() + 0.5
    xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.01), np.arange(y_min, y_max, 0.01))
    Z = predict(np.c_[xx.ravel(), yy.ravel()].T, parameters).reshape(xx.shape)
    plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral, alpha=0.6)    # 决策区域
    plt.scatter(X[0, Y[0, :] == 0], X[1, Y[0, :] == 0], c='g', marker='s', label='y = 0')
    plt.scatter(X[0, Y[0, :] == 1], X[1, Y[0, :] == 1], c='y', marker='o', label='y = 1')
    plt.legend()
    plt.show()
    """)
