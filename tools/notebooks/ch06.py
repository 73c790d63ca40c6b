"""Notebook spec of chapter 6: 深层神经网络 (6.1-6.5) with softmax multi-class (6.4)."""

FIGURES = [r"test accuracy: 0\.94", r"test accuracy: 0\.99", r"test accuracy: 0\.98"]   # digits: binary, deep, softmax



def build(nb):
    nb.md(r"""
    # 第6章 深层神经网络

    本章作业对应书中第6章：从零实现一个 $L$ 层的深层神经网络（隐藏层使用 ReLU，输出层使用 Sigmoid 做二分类），
    再把输出层换成 Softmax，做多分类（6.4）。

    书中使用的猫狗图片不能随作业分发，本作业改用 scikit-learn 自带的手写数字数据集 `load_digits`（离线可用）：
    1797 张 8×8 的灰度图片，数字 0～9。

    - 二分类任务（Sigmoid 输出层）：判断图片中的数字是不是**偶数**（0、2、4、6、8 为正类 $y = 1$）；
    - 多分类任务（Softmax 输出层）：识别全部 10 个数字。

    **作业说明**：在每个函数的 `# YOUR CODE HERE` 处完成代码（删除 `raise NotImplementedError()`），然后运行函数下方的检查单元。
    检查单元只运行可见测试；提交后还会用随机的形状和数值运行隐藏测试，所以函数只能使用参数，不要依赖笔记本中的全局变量，
    也不要把形状写死。样本按**列**排列：`X` 的维度是 `(n_x, m)`，二分类标签 `Y` 的维度是 `(1, m)`，
    多分类的 one-hot 标签 `Y` 的维度是 `(C, m)`。

    下面的准备单元导入所需的库并准备数据（6.5.1）。
    """)
    nb.code('''
    import numpy as np
    import matplotlib.pyplot as plt
    from sklearn.datasets import load_digits

    digits = load_digits()
    X_all = digits.data.T / 16.0    # 像素值 0~16 归一化到 [0, 1]，X_all: (64, 1797)
    y_all = digits.target           # 数字标签 0~9，y_all: (1797,)

    # 固定的随机划分：1347 个训练样本，450 个测试样本
    perm = np.random.RandomState(0).permutation(X_all.shape[1])
    X_train, X_test = X_all[:, perm[:1347]], X_all[:, perm[1347:]]
    y_train, y_test = y_all[perm[:1347]], y_all[perm[1347:]]

    # 二分类标签：偶数为 1，奇数为 0
    Y_train = (y_train % 2 == 0).astype(float).reshape(1, -1)    # (1, 1347)
    Y_test = (y_test % 2 == 0).astype(float).reshape(1, -1)      # (1, 450)

    print('训练样本维度：' + str(X_train.shape))
    print('测试样本维度：' + str(X_test.shape))
    print('二分类标签维度：' + str(Y_train.shape))
    ''')

    nb.md(r"""
    ## 6.1 神经网络为什么要深

    浅层神经网络只要隐藏层足够宽，理论上可以拟合任意函数；但深层网络往往用少得多的神经元就能表示同样复杂的函数。
    以图像为例，前面的层学习边缘等简单特征，后面的层把它们组合成笔画、部件，最后识别出整个物体：
    每一层都在前一层的基础上提取更抽象的特征。本章最后会比较 2 层和 5 层网络在同一任务上的表现。

    ## 6.2 符号标记

    - $L$：神经网络的层数（不含输入层），$n^{[l]}$：第 $l$ 层神经元个数，$n^{[0]} = n_x$ 为输入特征数；
    - $W^{[l]}$：第 $l$ 层权重，维度 $(n^{[l]}, n^{[l-1]})$；$b^{[l]}$：第 $l$ 层偏置，维度 $(n^{[l]}, 1)$；
    - $Z^{[l]}$、$A^{[l]}$：第 $l$ 层的线性输出和激活输出，维度 $(n^{[l]}, m)$；$A^{[0]} = X$，$A^{[L]} = \hat Y$。

    代码中参数存放在字典 `parameters` 中，键为 `'W1', 'b1', ..., 'WL', 'bL'`；
    梯度存放在字典 `grads` 中，键为 `'dW1', 'db1', ...`，还有各层激活输出的梯度 `'dA0', ..., 'dA{L-1}'`。

    ## 6.3 前向传播与反向传播

    第 $l$ 层的前向传播：

    $$
    Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]})
    $$

    第 $l$ 层的反向传播（输入 $dA^{[l]}$，$*$ 表示逐元素相乘）：

    $$
    dZ^{[l]} = dA^{[l]} * g^{[l]\prime}(Z^{[l]}), \quad
    dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \quad
    db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \quad
    dA^{[l-1]} = W^{[l]T} dZ^{[l]}
    $$

    本章约定：损失对 $m$ 个样本取平均，$dA$、$dZ$ 是单个样本损失之和的梯度，$\frac{1}{m}$ 只出现在 $dW$、$db$ 中。

    ## 6.4 多分类 Softmax

    ### 6.4.1 Softmax 基本原理

    $C$ 分类问题的输出层有 $C$ 个神经元。Softmax 把输出层的线性输出 $z$（一列）变成 $C$ 个类别的概率：

    $$
    \hat y_i = \frac{e^{z_i}}{\sum_{j=1}^{C} e^{z_j}}, \qquad i = 1, \ldots, C
    $$

    每列的概率都在 0 到 1 之间，且和为 1。直接计算 $e^{z}$ 在 $z$ 很大时会溢出（`np.exp(1000)` 是 `inf`，`inf / inf` 是 `nan`）。
    由于分子分母同乘一个常数结果不变，可以先让每一列减去该列的最大值：$\hat y_i = e^{z_i - \max_j z_j} / \sum_k e^{z_k - \max_j z_j}$，
    这样指数最大为 $e^0 = 1$，不会溢出。

    **任务**：实现 `softmax(Z)`，对 `(C, m)` 矩阵的**每一列**计算 softmax，输入很大（如 1000）时也不能出现 `nan`。
    """)
    nb.solution("softmax")
    nb.check("softmax")

    nb.md(r"""
    多分类的标签用 one-hot 向量表示：类别为 $k$ 的样本对应的列，第 $k$ 行为 1，其余为 0。例如 $C = 4$ 时，
    标签 `[0, 2, 1]` 变成

    $$
    Y = \begin{pmatrix} 1 & 0 & 0 \\ 0 & 0 & 1 \\ 0 & 1 & 0 \\ 0 & 0 & 0 \end{pmatrix}
    $$

    **任务**：实现 `one_hot(labels, C)`，`labels` 是维度为 `(m,)` 的整数标签，返回维度为 `(C, m)` 的 one-hot 矩阵。
    注意类别数由参数 `C` 给出：某些类别可能恰好没有出现在 `labels` 中。
    """)
    nb.solution("one_hot")
    nb.check("one_hot")

    nb.md(r"""
    ### 6.4.2 Softmax 损失函数

    Softmax 的交叉熵损失（one-hot 标签 $y$ 中只有真实类别一项为 1）：

    $$
    J = -\frac{1}{m} \sum_{j=1}^{m} \sum_{i=1}^{C} y_i^{(j)} \log \hat y_i^{(j)}
    $$

    **任务**：实现 `softmax_cost(AL, Y)`，`AL`、`Y` 的维度都是 `(C, m)`，返回标量损失。
    """)
    nb.solution("softmax_cost")
    nb.check("softmax_cost")

    nb.md(r"""
    ### 6.4.3 Softmax 求导

    把 softmax 和交叉熵放在一起对 $z$ 求导，结果非常简洁（对单个样本）：

    $$
    \frac{\partial L}{\partial z_i} = \hat y_i - y_i, \qquad \text{即} \quad dZ^{[L]} = A^{[L]} - Y
    $$

    按 6.3 的约定，$dZ^{[L]}$ 不含 $\frac{1}{m}$。

    **任务**：实现 `softmax_backward(AL, Y)`，返回输出层线性输出的梯度 `dZ`，维度 `(C, m)`。
    """)
    nb.solution("softmax_backward")
    nb.check("softmax_backward")

    nb.md(r"""
    ## 6.5 深层神经网络的 Python 实现

    ### 6.5.1 准备数据

    数据已在准备单元中准备好。随机显示 10 张训练图片和它们的二分类标签（$y = 1$ 表示偶数）：
    """)
    nb.code("""
    idx = np.random.RandomState(1).choice(X_train.shape[1], 10, replace=False)
    for i, j in enumerate(idx):
        plt.subplot(2, 5, i + 1)
        plt.imshow(X_train[:, j].reshape(8, 8), cmap='gray_r')
        plt.title('%d: y = %d' % (y_train[j], Y_train[0, j]))
        plt.axis('off')
    plt.show()
    """)

    nb.md(r"""
    ### 6.5.2 参数初始化

    对 $L$ 层神经网络，各层 $W^{[l]}$ 和 $b^{[l]}$ 都要初始化。与书中相同：先 `np.random.seed(5)`，
    然后按层的顺序用 `np.random.randn` 生成 $W^{[l]}$ 并乘以 0.1，偏置 $b^{[l]}$ 初始化为零。

    **任务**：实现 `initialize_parameters(layer_dims)`，`layer_dims` 是包含输入层在内的各层神经元个数，
    如 `[64, 32, 16, 1]`；返回参数字典。
    """)
    nb.solution("initialize_parameters")
    nb.check("initialize_parameters")

    nb.md(r"""
    ### 6.5.3 前向传播

    隐藏层使用 ReLU 激活函数，二分类的输出层使用 Sigmoid 激活函数：

    $$
    \mathrm{ReLU}(z) = \max(0, z), \qquad \sigma(z) = \frac{1}{1 + e^{-z}}
    $$

    **任务**：实现 `sigmoid(Z)` 和 `relu(Z)`（逐元素计算）。
    """)
    nb.solution("sigmoid")
    nb.check("sigmoid")
    nb.solution("relu")
    nb.check("relu")

    nb.md(r"""
    单层网络计算 $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ 和 $A^{[l]} = g(Z^{[l]})$，并把反向传播要用到的中间变量存入 `cache`。

    **任务**：实现 `single_layer_forward(A_prev, W, b, activation)`，`activation` 为 `'relu'`、`'sigmoid'` 或 `'softmax'`，
    返回 `(A, cache)`，其中 `cache = (A_prev, W, b, Z)`。
    """)
    nb.solution("single_layer_forward")
    nb.check("single_layer_forward")

    nb.md(r"""
    $L$ 层神经网络的前向传播：第 1 到 $L-1$ 层使用 ReLU，第 $L$ 层使用 Sigmoid。层数 $L$ 可以由参数字典得到：
    `L = len(parameters) // 2`。

    **任务**：实现 `forward_propagation(X, parameters)`，返回 `(AL, caches)`，`caches` 是按层顺序排列的 $L$ 个 `cache`。
    """)
    nb.solution("forward_propagation")
    nb.check("forward_propagation")

    nb.md(r"""
    ### 6.5.4 交叉熵损失

    $$
    J = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log \hat y^{(i)} + (1 - y^{(i)}) \log (1 - \hat y^{(i)}) \right]
    $$

    **任务**：实现 `compute_cost(AL, Y)`，返回标量损失。
    """)
    nb.solution("compute_cost")
    nb.check("compute_cost")

    nb.md(r"""
    ### 6.5.5 反向传播

    激活函数的反向传播 $dA \to dZ$：$dZ = dA * g'(Z)$，其中

    $$
    \mathrm{ReLU}'(z) = \begin{cases} 1, & z > 0 \\ 0, & z \le 0 \end{cases}, \qquad
    \sigma'(z) = \sigma(z)\,(1 - \sigma(z))
    $$

    **任务**：实现 `relu_backward(dA, Z)` 和 `sigmoid_backward(dA, Z)`，返回 `dZ`。
    """)
    nb.solution("relu_backward")
    nb.check("relu_backward")
    nb.solution("sigmoid_backward")
    nb.check("sigmoid_backward")

    nb.md(r"""
    单层网络的反向传播按 6.3 的公式计算：

    $$
    dZ^{[l]} = dA^{[l]} * g'(Z^{[l]}), \quad
    dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \quad
    db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \quad
    dA^{[l-1]} = W^{[l]T} dZ^{[l]}
    $$

    $db$ 的维度要与 $b$ 相同，按样本（列）求和时保持二维 `(n, 1)`。

    **任务**：实现 `single_layer_backward(dA, cache, activation)`（`activation` 为 `'relu'` 或 `'sigmoid'`），
    返回 `(dA_prev, dW, db)`。
    """)
    nb.solution("single_layer_backward")
    nb.check("single_layer_backward")

    nb.md(r"""
    $L$ 层神经网络的反向传播从输出层开始。交叉熵损失对 $A^{[L]}$ 的导数为

    $$
    dA^{[L]} = -\left( \frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}} \right)
    $$

    然后第 $L$ 层按 Sigmoid、第 $L-1$ 到 1 层按 ReLU 依次调用 `single_layer_backward`。

    **任务**：实现 `backward_propagation(AL, Y, caches)`，返回梯度字典 `grads`：
    `'dW1', 'db1', ..., 'dWL', 'dbL'`，以及各层输出的梯度 `'dA0', 'dA1', ..., 'dA{L-1}'`
    （`grads['dA' + str(l)]` 是 $A^{[l]}$ 的梯度，也就是第 $l+1$ 层输入的梯度；`dA0` 是 $X$ 的梯度，不存 $dA^{[L]}$）。
    """)
    nb.solution("backward_propagation")
    nb.check("backward_propagation")

    nb.md(r"""
    ### 6.5.6 更新参数

    梯度下降：$W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}$，$b^{[l]} := b^{[l]} - \alpha\, db^{[l]}$，$l = 1, \ldots, L$。

    **任务**：实现 `update_parameters(parameters, grads, learning_rate=0.1)`，返回更新后的参数字典。
    """)
    nb.solution("update_parameters")
    nb.check("update_parameters")

    nb.md(r"""
    ### 6.5.7 构建整个神经网络

    把前面的函数组合起来：用 `initialize_parameters` 初始化一次，然后迭代 `num_iterations` 次，
    每次依次做 前向传播 → 计算损失 → 反向传播 → 更新参数。与书中相同，每 100 次迭代记录一次损失
    （`print_cost=True` 时同时打印）。

    **任务**：实现 `nn_model(X, Y, layers_dims, learning_rate=0.01, num_iterations=3000, print_cost=False)`，
    返回 `(parameters, costs)`：训练后的参数字典和记录的损失列表。
    """)
    nb.solution("nn_model")
    nb.check("nn_model")

    nb.md(r"""
    预测时 $\hat y > 0.5$ 的样本预测为正类 1，否则为 0。

    **任务**：实现 `predict(X, parameters)`，返回维度为 `(1, m)` 的预测标签。
    """)
    nb.solution("predict")
    nb.check("predict")

    nb.md(r"""
    ### 6.5.8 训练与预测

    先用简单的 2 层神经网络（一个 10 个神经元的隐藏层）训练，学习率 0.1，迭代 2000 次。
    实现正确时测试准确率约为 0.94。
    """)
    nb.code("""
    parameters, costs = nn_model(X_train, Y_train, [64, 10, 1], learning_rate=0.1, num_iterations=2000, print_cost=True)

    plt.plot(np.arange(1, len(costs) + 1) * 100, costs)
    plt.xlabel('iteration')
    plt.ylabel('cost')
    plt.title('2-layer network')
    plt.show()

    print('train accuracy: %.2f' % np.mean(predict(X_train, parameters) == Y_train))
    print('test accuracy: %.2f' % np.mean(predict(X_test, parameters) == Y_test))
    """)

    nb.md(r"""
    再用更深的 5 层神经网络 `[64, 32, 16, 8, 4, 1]` 训练，学习率和迭代次数不变。
    损失在开始的几百次迭代中几乎不变（很深的网络起步较慢），随后迅速下降；实现正确时测试准确率约为 0.99，明显高于 2 层网络。
    """)
    nb.code("""
    parameters, costs = nn_model(X_train, Y_train, [64, 32, 16, 8, 4, 1], learning_rate=0.1, num_iterations=2000,
                                 print_cost=True)

    plt.plot(np.arange(1, len(costs) + 1) * 100, costs)
    plt.xlabel('iteration')
    plt.ylabel('cost')
    plt.title('5-layer network')
    plt.show()

    print('train accuracy: %.2f' % np.mean(predict(X_train, parameters) == Y_train))
    print('test accuracy: %.2f' % np.mean(predict(X_test, parameters) == Y_test))
    """)

    nb.md(r"""
    ### 多分类网络：Softmax 输出层（6.4 的 Python 实现）

    把输出层换成 $C$ 个神经元的 Softmax 层，就得到多分类网络。前向传播与 `forward_propagation` 相同，只是第 $L$ 层使用
    `'softmax'`；反向传播时输出层直接用 6.4.3 的 $dZ^{[L]} = A^{[L]} - Y$，再按 6.3 的公式计算

    $$
    dW^{[L]} = \frac{1}{m} dZ^{[L]} A^{[L-1]T}, \quad
    db^{[L]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[L](i)}, \quad
    dA^{[L-1]} = W^{[L]T} dZ^{[L]}
    $$

    隐藏层与二分类网络完全相同。

    **任务**：实现 `forward_propagation_softmax(X, parameters)`，返回 `(AL, caches)`，`AL` 的维度为 `(C, m)`。
    """)
    nb.solution("forward_propagation_softmax")
    nb.check("forward_propagation_softmax")

    nb.md(r"""
    **任务**：实现 `backward_propagation_softmax(AL, Y, caches)`，`Y` 为 one-hot 标签，返回与 `backward_propagation`
    键相同的梯度字典。
    """)
    nb.solution("backward_propagation_softmax")
    nb.check("backward_propagation_softmax")

    nb.md(r"""
    **任务**：实现 `nn_model_softmax(X, Y, layers_dims, learning_rate=0.1, num_iterations=3000, print_cost=False)`，
    与 `nn_model` 相同，只是使用 softmax 的前向传播、损失和反向传播；返回 `(parameters, costs)`。
    """)
    nb.solution("nn_model_softmax")
    nb.check("nn_model_softmax")

    nb.md(r"""
    预测类别：每个样本（每一列）取概率最大的类别。

    **任务**：实现 `predict_softmax(X, parameters)`，返回维度为 `(1, m)` 的类别标签。
    """)
    nb.solution("predict_softmax")
    nb.check("predict_softmax")

    nb.md(r"""
    用 `[64, 32, 10]` 的网络识别全部 10 个数字，学习率 0.5，迭代 1000 次。实现正确时测试准确率约为 0.98。
    """)
    nb.code("""
    parameters, costs = nn_model_softmax(X_train, one_hot(y_train, 10), [64, 32, 10], learning_rate=0.5,
                                         num_iterations=1000, print_cost=True)

    plt.plot(np.arange(1, len(costs) + 1) * 100, costs)
    plt.xlabel('iteration')
    plt.ylabel('cost')
    plt.title('softmax network, 10 classes')
    plt.show()

    labels = predict_softmax(X_test, parameters)
    print('train accuracy: %.2f' % np.mean(predict_softmax(X_train, parameters) == y_train))
    print('test accuracy: %.2f' % np.mean(labels == y_test))
    """)

    nb.md(r"""
    显示测试集中被分错的图片（标题为 预测 / 真实）：
    """)
    nb.code("""
    wrong = np.where(labels.ravel() != y_test)[0][:10]
    for i, j in enumerate(wrong):
        plt.subplot(2, 5, i + 1)
        plt.imshow(X_test[:, j].reshape(8, 8), cmap='gray_r')
        plt.title('%d / %d' % (labels.ravel()[j], y_test[j]))
        plt.axis('off')
    plt.show()
    """)
