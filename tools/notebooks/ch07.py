"""Notebook spec of chapter 7: 优化神经网络 (7.1 正则化, 7.2 梯度优化, 7.3 网络初始化与超参数调试, 7.4 模型评估与调试)."""

# what the executed demo prints: 300 examples in batches of 64, and a 60/20/20 split of 1000 examples
FIGURES = [r"mini-batch 个数： 5", r"训练集 \(2, 600\)  验证集 \(2, 200\)  测试集 \(2, 200\)"]



# dnn_utils.py, shipped beside the notebook: the chapter-6 network (written once, in solutions/ch06.py)
# and two helpers of this chapter; `python -m tools.nbbuild ch07` writes it into source/ch07/.
HELPER_MODULES = {
    "dnn_utils.py": (
        """Helper network for chapter 7 (第7章 优化神经网络): the L-layer network of chapter 6, NumPy only.

This file is shipped to students next to the notebook, which does `from dnn_utils import ...`.
It is built from the course's chapter-6 reference (do not edit it by hand: `make notebooks`).

The book's chapter 6 API: examples are columns, X is (n_x, m), Y is (1, m); W{l} is (n_l, n_{l-1}),
b{l} is (n_l, 1); layers 1..L-1 use ReLU, layer L uses sigmoid; caches[l-1] = (A_prev, W, b, Z).
The cost is averaged over the m examples; dA and dZ are gradients of the summed loss and the 1/m is
applied in dW and db only.
""",
        {"solutions.ch06": ["initialize_parameters", "sigmoid", "relu", "softmax", "single_layer_forward",
                            "forward_propagation", "compute_cost", "relu_backward", "sigmoid_backward",
                            "single_layer_backward", "backward_propagation", "update_parameters", "predict"],
         "solutions.ch07": ["compute_gradients", "load_moons"]}),
}


def build(nb):
    nb.md(r"""
    # 第7章 优化神经网络

    本章作业对应书中第7章，在第6章的 L 层神经网络上实现各种优化方法：

    - 7.1 正则化：L2 和 L1 正则化、Dropout 正则化；
    - 7.2 梯度优化：mini-batch 梯度下降、Momentum、Nesterov Momentum、AdaGrad、RMSprop、Adam、学习率衰减，并在同一个问题上比较它们；
    - 7.3 网络初始化与超参数调试：输入标准化、权重初始化、批归一化（Batch Normalization）、在对数尺度上搜索学习率；
    - 7.4 模型评估与调试：训练/验证/测试集划分、偏差与方差诊断、混淆矩阵。

    **作业说明**：在每个函数的 `# YOUR CODE HERE` 处完成代码（删除 `raise NotImplementedError()`），然后运行函数下方的检查单元。
    检查单元只运行可见测试；提交后还会用随机的形状和数值运行隐藏测试，所以函数只能使用参数，不要依赖笔记本中的全局变量，
    也不要把形状写死。样本按**列**排列：`X` 的维度是 `(n_x, m)`，`Y` 的维度是 `(1, m)`；`W{l}` 的维度是 `(n_l, n_{l-1})`，
    `b{l}` 的维度是 `(n_l, 1)`。

    第6章的 L 层神经网络（第 1 到 L-1 层 ReLU，第 L 层 Sigmoid）放在与本笔记本同一目录的 `dnn_utils.py` 中，直接导入使用：
    `forward_propagation(X, parameters)` 返回 `(AL, caches)`，`caches[l-1] = (A_prev, W, b, Z)`；
    `backward_propagation(AL, Y, caches)` 返回梯度字典 `'dW{l}'`、`'db{l}'`、`'dA{l}'`；`compute_cost(AL, Y)` 是交叉熵损失。
    """)
    nb.code("""
    import numpy as np
    import matplotlib.pyplot as plt
    from dnn_utils import (initialize_parameters, sigmoid, relu, single_layer_forward, forward_propagation,
                           compute_cost, relu_backward, sigmoid_backward, single_layer_backward,
                           backward_propagation, compute_gradients, update_parameters, predict, load_moons)

    plt.rcParams['figure.figsize'] = (7.0, 4.0)    # 图中的标注用英文，避免系统缺少中文字体时显示为方框
    X_train, Y_train = load_moons(m=300, noise=0.2, seed=1)    # 训练集：300 个样本
    X_test, Y_test = load_moons(m=300, noise=0.2, seed=2)      # 测试集：300 个样本
    print('X_train shape:', X_train.shape, ' Y_train shape:', Y_train.shape)
    print('X_test shape:', X_test.shape, ' Y_test shape:', Y_test.shape)
    """)
    nb.code("""
    def plot_decision_boundary(parameters, X, Y, ax=None, title=''):
        \"\"\"画出网络的决策边界和样本点\"\"\"
        ax = ax or plt.gca()
        x_min, x_max = X[0].min() - 0.5, X[0].max() + 0.5
        y_min, y_max = X[1].min() - 0.5, X[1].max() + 0.5
        xx, yy = np.meshgrid(np.linspace(x_min, x_max, 200), np.linspace(y_min, y_max, 200))
        grid = np.vstack([xx.ravel(), yy.ravel()])
        Z = predict(grid, parameters).reshape(xx.shape)
        ax.contourf(xx, yy, Z, cmap=plt.cm.Spectral, alpha=0.6)
        ax.scatter(X[0], X[1], c=Y[0], cmap=plt.cm.Spectral, s=12, edgecolors='k', linewidths=0.3)
        ax.set_title(title)


    def accuracy(parameters, X, Y):
        \"\"\"二分类准确率\"\"\"
        return float(np.mean(predict(X, parameters) == Y))
    """)

    # ==========================================================================================
    nb.md(r"""
    ## 7.1 正则化

    ### 7.1.1 什么是过拟合

    模型在训练集上表现很好、在没见过的数据上却明显变差，称为**过拟合**（高方差）。下面用一个只有 60 个样本、噪声较大的训练集，
    训练一个较大的网络 `[2, 50, 25, 1]`：不加正则化时训练集准确率接近 100%，测试集准确率却低得多，决策边界弯弯曲曲地去迎合每一个噪声点。

    `train_model` 是本节的训练函数：全批量梯度下降；`lambd > 0` 时使用 L2（`l1=True` 时 L1）正则化，`keep_prob < 1` 时使用 Dropout。
    它调用的正则化函数将在 7.1.2 和 7.1.3 中由你实现。
    """)
    nb.code("""
    X_small, Y_small = load_moons(m=60, noise=0.35, seed=3)       # 小训练集，容易过拟合
    X_large, Y_large = load_moons(m=1000, noise=0.35, seed=4)     # 同分布的测试集


    def train_model(X, Y, layers_dims, learning_rate=0.1, num_iterations=10000, lambd=0.0, l1=False, keep_prob=1.0):
        \"\"\"全批量梯度下降训练 L 层网络，可选 L2 / L1 正则化或 Dropout\"\"\"
        parameters = initialize_parameters(layers_dims)
        np.random.seed(1)
        for i in range(num_iterations):
            if keep_prob < 1:
                AL, caches, masks = forward_propagation_with_dropout(X, parameters, keep_prob)
            else:
                AL, caches = forward_propagation(X, parameters)
            AL = np.clip(AL, 1e-10, 1 - 1e-10)    # 输出饱和为 0 或 1 时避免 log(0) 和 0/0
            if keep_prob < 1:
                grads = backward_propagation_with_dropout(AL, Y, caches, masks, keep_prob)
            elif lambd > 0 and l1:
                grads = backward_propagation_with_l1_regularization(AL, Y, caches, lambd)
            elif lambd > 0:
                grads = backward_propagation_with_regularization(AL, Y, caches, lambd)
            else:
                grads = backward_propagation(AL, Y, caches)
            parameters = update_parameters(parameters, grads, learning_rate)
        return parameters


    layers_big = [2, 50, 25, 1]
    results = {}
    params_plain = train_model(X_small, Y_small, layers_big)
    results['no regularization'] = params_plain
    print('无正则化：训练集准确率 %.3f，测试集准确率 %.3f' %
          (accuracy(params_plain, X_small, Y_small), accuracy(params_plain, X_large, Y_large)))
    """)

    nb.md(r"""
    ### 7.1.2 L1 和 L2 正则化

    **L2 正则化**在交叉熵损失上加上所有权重矩阵元素的平方和（Frobenius 范数的平方），偏置 $b$ 不参与：

    $$
    J_{L2} = -\frac{1}{m}\sum_{i=1}^{m}\Big[y^{(i)}\log \hat y^{(i)} + (1-y^{(i)})\log\big(1-\hat y^{(i)}\big)\Big]
    + \frac{\lambda}{2m}\sum_{l=1}^{L}\big\|W^{[l]}\big\|_F^2,\qquad
    \big\|W^{[l]}\big\|_F^2 = \sum_{i}\sum_{j}\big(W^{[l]}_{ij}\big)^2
    $$

    **任务**：实现 `compute_cost_with_regularization(AL, Y, parameters, lambd)`（`lambd` 即 $\lambda$，`lambda` 是 Python 的关键字）。
    交叉熵部分直接调用 `compute_cost(AL, Y)`；$m$ 是样本个数 `Y.shape[1]`；层数 `L = len(parameters) // 2`。
    """)
    nb.solution("compute_cost_with_regularization")
    nb.check("compute_cost_with_regularization")

    nb.md(r"""
    正则项对 $W^{[l]}$ 的梯度是 $\frac{\lambda}{m}W^{[l]}$，所以反向传播只需在普通的 $dW^{[l]}$ 上加上这一项（$db^{[l]}$ 不变）。
    梯度下降 $W \leftarrow W - \alpha\big(dW + \frac{\lambda}{m}W\big) = \big(1-\frac{\alpha\lambda}{m}\big)W - \alpha\,dW$，
    每次更新都先把 $W$ 缩小一点，所以 L2 正则化也叫**权重衰减**（weight decay）：

    $$
    dW^{[l]} = \underbrace{\frac{1}{m}\,dZ^{[l]}A^{[l-1]T}}_{\text{backward\_propagation}} + \frac{\lambda}{m}W^{[l]}
    $$

    **任务**：实现 `backward_propagation_with_regularization(AL, Y, caches, lambd)`：先调用 `backward_propagation(AL, Y, caches)`，
    再给每一层的 `grads['dW' + str(l)]` 加上 $\frac{\lambda}{m}W^{[l]}$。第 $l$ 层的 $W^{[l]}$ 就是 `caches[l-1][1]`。
    """)
    nb.solution("backward_propagation_with_regularization")
    nb.check("backward_propagation_with_regularization")

    nb.md(r"""
    **L1 正则化**用权重的绝对值之和代替平方和，它的梯度是符号函数 $\operatorname{sign}(W)$，会把许多权重压到 0（稀疏）：

    $$
    J_{L1} = \text{交叉熵损失} + \frac{\lambda}{m}\sum_{l=1}^{L}\sum_{i,j}\big|W^{[l]}_{ij}\big|,\qquad
    dW^{[l]} = \frac{1}{m}\,dZ^{[l]}A^{[l-1]T} + \frac{\lambda}{m}\operatorname{sign}\big(W^{[l]}\big)
    $$

    **任务**：实现 `compute_cost_with_l1_regularization(AL, Y, parameters, lambd)` 和
    `backward_propagation_with_l1_regularization(AL, Y, caches, lambd)`（`np.abs`、`np.sign`）。
    """)
    nb.solution("compute_cost_with_l1_regularization")
    nb.check("compute_cost_with_l1_regularization")
    nb.solution("backward_propagation_with_l1_regularization")
    nb.check("backward_propagation_with_l1_regularization")

    nb.code("""
    params_l2 = train_model(X_small, Y_small, layers_big, lambd=0.7)
    results['L2 (lambda = 0.7)'] = params_l2
    print('L2 正则化：训练集准确率 %.3f，测试集准确率 %.3f' %
          (accuracy(params_l2, X_small, Y_small), accuracy(params_l2, X_large, Y_large)))
    params_l1 = train_model(X_small, Y_small, layers_big, lambd=0.3, l1=True)
    results['L1 (lambda = 0.3)'] = params_l1
    print('L1 正则化：训练集准确率 %.3f，测试集准确率 %.3f' %
          (accuracy(params_l1, X_small, Y_small), accuracy(params_l1, X_large, Y_large)))
    print('各层 |W| < 0.01 的权重比例（L1 使权重稀疏）：',
          ['%.2f' % np.mean(np.abs(params_l1['W%d' % l]) < 0.01) for l in (1, 2, 3)], '对比无正则化：',
          ['%.2f' % np.mean(np.abs(params_plain['W%d' % l]) < 0.01) for l in (1, 2, 3)])
    """)

    nb.md(r"""
    ### 7.1.3 Dropout 正则化

    Dropout 在每次迭代中以概率 $1-p$ 随机"关闭"隐藏层的神经元（$p$ 即 `keep_prob`），每次训练的都是一个更"瘦"的网络，
    网络不能依赖任何一个特定的神经元。**反向随机失活**（inverted dropout）在训练时把保留下来的输出除以 $p$，
    使输出的期望保持不变，测试时就不需要做任何处理：

    $$
    D^{[l]}_{ij} = \begin{cases}1, & r_{ij} < p\\ 0, & r_{ij} \ge p\end{cases},\quad r_{ij}\sim U(0,1),\qquad
    A^{[l]} \leftarrow \frac{A^{[l]} \odot D^{[l]}}{p}
    $$

    **任务**：实现 `dropout_forward(A, keep_prob)`，返回 `(A_out, D)`（`np.random.rand`）。
    """)
    nb.solution("dropout_forward")
    nb.check("dropout_forward")

    nb.md(r"""
    反向传播时必须使用前向传播时的**同一个**掩码 $D^{[l]}$：被关闭的神经元对损失没有贡献，梯度为 0；保留的神经元同样除以 $p$：

    $$
    dA^{[l]} \leftarrow \frac{dA^{[l]} \odot D^{[l]}}{p}
    $$

    **任务**：实现 `dropout_backward(dA, D, keep_prob)`。
    """)
    nb.solution("dropout_backward")
    nb.check("dropout_backward")

    nb.md(r"""
    把 Dropout 加到网络的每个隐藏层（输出层不加）：前向传播在 ReLU 之后调用 `dropout_forward` 并记下掩码，
    反向传播在进入第 $l$ 层之前调用 `dropout_backward`。
    """)
    nb.code("""
    def forward_propagation_with_dropout(X, parameters, keep_prob):
        \"\"\"隐藏层使用 Dropout 的前向传播，返回 (AL, caches, masks)\"\"\"
        caches, masks = [], []
        A = X
        L = len(parameters) // 2
        for l in range(1, L):
            A, cache = single_layer_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'relu')
            caches.append(cache)
            A, D = dropout_forward(A, keep_prob)    # the next layer sees the dropped-out A
            masks.append(D)
        AL, cache = single_layer_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], 'sigmoid')
        caches.append(cache)
        return AL, caches, masks


    def backward_propagation_with_dropout(AL, Y, caches, masks, keep_prob):
        \"\"\"与 forward_propagation_with_dropout 对应的反向传播\"\"\"
        grads = {}
        L = len(caches)
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        dA, grads['dW' + str(L)], grads['db' + str(L)] = single_layer_backward(dAL, caches[L - 1], 'sigmoid')
        for l in reversed(range(1, L)):
            dA = dropout_backward(dA, masks[l - 1], keep_prob)
            dA, grads['dW' + str(l)], grads['db' + str(l)] = single_layer_backward(dA, caches[l - 1], 'relu')
        return grads


    params_dropout = train_model(X_small, Y_small, layers_big, keep_prob=0.5)
    results['dropout (keep_prob = 0.5)'] = params_dropout
    print('Dropout：训练集准确率 %.3f，测试集准确率 %.3f' %
          (accuracy(params_dropout, X_small, Y_small), accuracy(params_dropout, X_large, Y_large)))

    fig, axes = plt.subplots(1, 4, figsize=(16, 3.6))
    for ax, (name, params) in zip(axes, results.items()):
        plot_decision_boundary(params, X_small, Y_small, ax, name)
    plt.show()
    """)

    nb.md(r"""
    ### 7.1.4 其它正则化技巧

    - **数据增强**（data augmentation）：对图片做翻转、裁剪、旋转等变换，低成本地扩充训练集；
    - **早停法**（early stopping）：训练时同时监控验证集误差，验证集误差开始上升时停止训练。它的缺点是把"降低损失"和"防止过拟合"
      两件事绑在了一起。
    """)

    # ==========================================================================================
    nb.md(r"""
    ## 7.2 梯度优化

    ### 7.2.1 BGD、SGD、MBGD

    - **批量梯度下降（BGD）**：每次迭代使用全部 $m$ 个样本，梯度准确但每步都很慢；
    - **随机梯度下降（SGD）**：每次只用 1 个样本，更新很快但方向噪声大，也失去了向量化的加速；
    - **小批量梯度下降（MBGD）**：每次用 `mini_batch_size` 个样本（常取 64、128、256、512 等 2 的幂），兼顾两者。

    构造 mini-batch 分两步：

    1. **打乱**（shuffle）：用同一个随机排列 `permutation = np.random.permutation(m)` 同时打乱 `X` 和 `Y` 的列，保证每个 $x^{(i)}$ 与 $y^{(i)}$ 仍然对应；
    2. **切分**（partition）：依次取出 $\lfloor m / \text{mini\_batch\_size}\rfloor$ 个完整的 mini-batch；
       若 $m$ 不能被整除，最后剩下的 $m - \text{mini\_batch\_size}\times\lfloor m / \text{mini\_batch\_size}\rfloor$ 个样本组成最后一个 mini-batch。

    **任务**：实现 `random_mini_batches(X, Y, mini_batch_size=64, seed=0)`，在函数开头调用 `np.random.seed(seed)`，
    返回 `[(mini_batch_X, mini_batch_Y), ...]`。
    """)
    nb.solution("random_mini_batches")
    nb.check("random_mini_batches")
    nb.code("""
    mini_batches = random_mini_batches(X_train, Y_train, mini_batch_size=64, seed=0)
    print('mini-batch 个数：', len(mini_batches))
    print('各 mini-batch 的形状：', [(mb_X.shape, mb_Y.shape) for mb_X, mb_Y in mini_batches])
    """)

    nb.md(r"""
    ### 7.2.2 Momentum GD

    动量梯度下降计算梯度的**指数加权平均** $v$，用 $v$ 代替梯度更新参数。梯度中来回振荡的分量在平均中相互抵消，
    一致的方向则不断累积，于是纵向振荡变小、横向前进变快（$\beta$ 常取 0.9）：

    $$
    v_{dW} = \beta\, v_{dW} + (1-\beta)\, dW,\qquad W = W - \alpha\, v_{dW}\qquad（b\ 同理）
    $$

    优化器的状态 $v$ 是一个字典，键与梯度相同（`'dW1'`、`'db1'`、…），初始值为与参数同形状的全零数组。

    **任务**：实现 `initialize_velocity(parameters)` 和 `update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)`，
    后者返回 `(parameters, v)`。
    """)
    nb.solution("initialize_velocity")
    nb.check("initialize_velocity")
    nb.solution("update_parameters_with_momentum")
    nb.check("update_parameters_with_momentum")

    nb.md(r"""
    ### 7.2.3 Nesterov Momentum

    Nesterov 动量先"向前看"：参数即将沿动量方向移动到 $W - \alpha\beta v$，就在这个**前瞻点**上计算梯度，再做动量更新。
    这样在快要越过谷底时，梯度能提前把速度"拉回来"：

    $$
    W_{\text{ahead}} = W - \alpha\beta\, v_{dW},\qquad dW = \nabla J\big(W_{\text{ahead}}\big),\qquad
    v_{dW} = \beta\, v_{dW} + (1-\beta)\, dW,\qquad W = W - \alpha\, v_{dW}
    $$

    因为梯度要在另一个点上求，函数接收的不是梯度，而是一个求梯度的函数 `grad_fn`：`grad_fn(params)` 返回在参数字典
    `params` 处的梯度字典（`'dW1'`、`'db1'`、…）。训练时可以写 `grad_fn = lambda p: compute_gradients(mb_X, mb_Y, p)`。

    **任务**：实现 `update_parameters_with_nesterov(parameters, grad_fn, v, beta, learning_rate)`，返回 `(parameters, v)`：
    先构造前瞻点的参数字典，调用一次 `grad_fn`，再按动量法更新 `v` 和参数。
    """)
    nb.solution("update_parameters_with_nesterov")
    nb.check("update_parameters_with_nesterov")

    nb.md(r"""
    ### 7.2.4 AdaGrad

    AdaGrad 为每个参数自适应地调整学习率：累加历史上所有梯度的平方 $s$，用 $\sqrt{s}$ 去除梯度。梯度一直很大的参数步长变小，
    梯度小的参数步长相对变大。由于 $s$ 只增不减，学习率会越来越小，训练后期可能过早停止。$\varepsilon$（如 $10^{-8}$）在平方根**外面**，防止除以 0：

    $$
    s_{dW} = s_{dW} + dW^2,\qquad W = W - \alpha\,\frac{dW}{\sqrt{s_{dW}} + \varepsilon}\qquad（逐元素运算，b\ 同理）
    $$

    **任务**：实现 `update_parameters_with_adagrad(parameters, grads, s, learning_rate, epsilon=1e-8)`，返回 `(parameters, s)`。
    `s` 的初始值与 `v` 一样是全零字典（可以用 `initialize_velocity` 得到）。
    """)
    nb.solution("update_parameters_with_adagrad")
    nb.check("update_parameters_with_adagrad")

    nb.md(r"""
    ### 7.2.5 RMSprop

    RMSprop 把 AdaGrad 的"累加"改成梯度平方的**指数加权平均**，只记住最近一段时间的梯度大小，学习率不会一直衰减下去：

    $$
    s_{dW} = \beta\, s_{dW} + (1-\beta)\, dW^2,\qquad W = W - \alpha\,\frac{dW}{\sqrt{s_{dW}} + \varepsilon}
    $$

    **任务**：实现 `update_parameters_with_rmsprop(parameters, grads, s, beta, learning_rate, epsilon=1e-8)`，返回 `(parameters, s)`。
    """)
    nb.solution("update_parameters_with_rmsprop")
    nb.check("update_parameters_with_rmsprop")

    nb.md(r"""
    ### 7.2.6 Adam

    Adam 结合了 Momentum（一阶矩 $v$）和 RMSprop（二阶矩 $s$）。$v$、$s$ 都从 0 开始，前几步偏小，所以要做**偏差修正**，
    $t$ 是已经做过的更新次数，**从 1 开始**。常用 $\beta_1 = 0.9$，$\beta_2 = 0.999$，$\varepsilon = 10^{-8}$
    （与 `torch.optim.Adam` 完全相同，$\varepsilon$ 在平方根外面）：

    $$
    \begin{aligned}
    v_{dW} &= \beta_1 v_{dW} + (1-\beta_1)\, dW, & s_{dW} &= \beta_2 s_{dW} + (1-\beta_2)\, dW^2\\
    v^{\text{corrected}}_{dW} &= \frac{v_{dW}}{1-\beta_1^t}, & s^{\text{corrected}}_{dW} &= \frac{s_{dW}}{1-\beta_2^t}\\
    W &= W - \alpha\,\frac{v^{\text{corrected}}_{dW}}{\sqrt{s^{\text{corrected}}_{dW}} + \varepsilon}
    \end{aligned}
    $$

    状态 `v`、`s` 中保存的是**未修正**的 $v_{dW}$、$s_{dW}$；修正后的值只用于本次更新。

    **任务**：实现 `initialize_adam(parameters)`（返回 `(v, s)`）和
    `update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8)`（返回 `(parameters, v, s)`）。
    """)
    nb.solution("initialize_adam")
    nb.check("initialize_adam")
    nb.solution("update_parameters_with_adam")
    nb.check("update_parameters_with_adam")

    nb.md(r"""
    ### 优化算法的比较

    在同一个问题上比较这些算法：网络 `[2, 10, 5, 1]`，训练集为 300 个"月牙"样本，mini-batch 大小 64，训练 1000 个 epoch，
    各算法使用相同的初始参数和相同的 mini-batch 顺序。下面的 `model` 函数支持所有优化器，也支持学习率衰减（7.2.7）。
    """)
    nb.code("""
    def model(X, Y, layers_dims, optimizer='gd', learning_rate=0.01, mini_batch_size=64, beta=0.9,
              beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=1000, decay=None, decay_rate=1.0, time_interval=100):
        \"\"\"mini-batch 训练 L 层网络；optimizer 取 'gd'、'momentum'、'nesterov'、'adagrad'、'rmsprop'、'adam'；
        decay 取 None、'update_lr' 或 'schedule'（每个 epoch 之后衰减学习率）。返回 (parameters, costs)\"\"\"
        parameters = initialize_parameters(layers_dims)
        if optimizer in ('momentum', 'nesterov'):
            v = initialize_velocity(parameters)
        elif optimizer in ('adagrad', 'rmsprop'):
            s = initialize_velocity(parameters)       # zeros keyed like the gradients
        elif optimizer == 'adam':
            v, s = initialize_adam(parameters)
        costs, t, seed = [], 0, 10
        lr = learning_rate
        for epoch in range(num_epochs):
            seed += 1                                 # a new shuffle every epoch
            cost_total = 0.0
            for mb_X, mb_Y in random_mini_batches(X, Y, mini_batch_size, seed):
                AL, caches = forward_propagation(mb_X, parameters)
                cost_total += compute_cost(AL, mb_Y) * mb_X.shape[1]
                if optimizer == 'nesterov':
                    grad_fn = lambda p: compute_gradients(mb_X, mb_Y, p)
                    parameters, v = update_parameters_with_nesterov(parameters, grad_fn, v, beta, lr)
                    continue
                grads = backward_propagation(AL, mb_Y, caches)
                if optimizer == 'gd':
                    parameters = update_parameters(parameters, grads, lr)
                elif optimizer == 'momentum':
                    parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, lr)
                elif optimizer == 'adagrad':
                    parameters, s = update_parameters_with_adagrad(parameters, grads, s, lr, epsilon)
                elif optimizer == 'rmsprop':
                    parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta, lr, epsilon)
                elif optimizer == 'adam':
                    t += 1                            # Adam's step counter starts at 1
                    parameters, v, s = update_parameters_with_adam(parameters, grads, v, s, t, lr, beta1, beta2, epsilon)
            costs.append(cost_total / X.shape[1])
            if decay == 'update_lr':
                lr = update_lr(learning_rate, epoch + 1, decay_rate)
            elif decay == 'schedule':
                lr = schedule_lr_decay(learning_rate, epoch + 1, decay_rate, time_interval)
        return parameters, costs


    layers_dims = [2, 10, 5, 1]
    settings = [('gd', 0.1), ('momentum', 0.1), ('nesterov', 0.1), ('adagrad', 0.02), ('rmsprop', 0.005), ('adam', 0.005)]
    trained = {}
    plt.figure(figsize=(9, 5))
    for optimizer, lr in settings:
        parameters, costs = model(X_train, Y_train, layers_dims, optimizer=optimizer, learning_rate=lr)
        trained[optimizer] = parameters
        plt.plot(costs, label='%s (lr = %g)' % (optimizer, lr))
        print('%-9s 最终损失 %.4f，训练集准确率 %.3f，测试集准确率 %.3f' %
              (optimizer, costs[-1], accuracy(parameters, X_train, Y_train), accuracy(parameters, X_test, Y_test)))
    plt.xlabel('epoch')
    plt.ylabel('cost')
    plt.yscale('log')
    plt.title('cost of each optimizer')
    plt.legend()
    plt.show()
    """)

    nb.md(r"""
    ### 7.2.7 Learning Rate Decay

    训练初期用较大的学习率快速下降，后期减小学习率，在最优点附近的振荡变小。常用的衰减方式（`epoch_num` 从 0 开始）：

    $$
    \alpha = \frac{\alpha_0}{1 + \text{decay\_rate}\times \text{epoch\_num}}
    $$

    **任务**：实现 `update_lr(learning_rate0, epoch_num, decay_rate)`。
    """)
    nb.solution("update_lr")
    nb.check("update_lr")

    nb.md(r"""
    每个 epoch 都衰减往往太快。更常用的是**按间隔衰减**：每隔 `time_interval` 个 epoch 才衰减一次（$\lfloor\cdot\rfloor$ 为向下取整）：

    $$
    \alpha = \frac{\alpha_0}{1 + \text{decay\_rate}\times \left\lfloor \dfrac{\text{epoch\_num}}{\text{time\_interval}} \right\rfloor}
    $$

    **任务**：实现 `schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000)`。
    """)
    nb.solution("schedule_lr_decay")
    nb.check("schedule_lr_decay")
    nb.code("""
    epochs = np.arange(1000)
    plt.plot(epochs, [update_lr(0.1, e, 0.01) for e in epochs], label='update_lr (decay_rate = 0.01)')
    plt.plot(epochs, [schedule_lr_decay(0.1, e, 1, time_interval=100) for e in epochs], label='schedule_lr_decay (decay_rate = 1, time_interval = 100)')
    plt.xlabel('epoch')
    plt.ylabel('learning rate')
    plt.legend()
    plt.show()

    parameters, costs_const = model(X_train, Y_train, layers_dims, optimizer='gd', learning_rate=0.3)
    parameters, costs_decay = model(X_train, Y_train, layers_dims, optimizer='gd', learning_rate=0.3,
                                    decay='schedule', decay_rate=1, time_interval=300)
    print('最后 100 个 epoch 损失的标准差（振荡幅度）：固定学习率 %.4f，学习率衰减 %.4f' %
          (np.std(costs_const[-100:]), np.std(costs_decay[-100:])))
    plt.plot(costs_const, label='constant lr = 0.3')
    plt.plot(costs_decay, label='schedule_lr_decay, lr0 = 0.3, time_interval = 300')
    plt.xlabel('epoch')
    plt.ylabel('cost')
    plt.yscale('log')
    plt.legend()
    plt.show()
    """)

    # ==========================================================================================
    nb.md(r"""
    ## 7.3 网络初始化与超参数调试

    ### 7.3.1 输入标准化

    各特征的取值范围相差很大时，损失函数的等高线又扁又长，梯度下降只能用很小的学习率来回振荡。把每个特征变换为均值 0、方差 1：

    $$
    \mu = \frac{1}{m}\sum_{i=1}^{m} x^{(i)},\qquad \sigma^2 = \frac{1}{m}\sum_{i=1}^{m}\big(x^{(i)} - \mu\big)^2,\qquad
    x := \frac{x - \mu}{\sigma}
    $$

    $\mu$、$\sigma$ 都是每个特征（每一行）各自的统计量，只能用**训练集**计算，测试集必须用同样的 $\mu$、$\sigma$ 变换。
    值恒定的特征 $\sigma = 0$，不能除以 0：对这样的特征取 $\sigma = 1$（只减去均值）。

    **任务**：实现 `normalize_inputs(X_train, X_test)`，返回 `(X_train_norm, X_test_norm)`。
    """)
    nb.solution("normalize_inputs")
    nb.check("normalize_inputs")
    nb.code("""
    X_raw = X_train * np.array([[1.0], [50.0]]) + np.array([[3.0], [-20.0]])    # 第二个特征的尺度大 50 倍
    X_raw_test = X_test * np.array([[1.0], [50.0]]) + np.array([[3.0], [-20.0]])
    X_norm, X_norm_test = normalize_inputs(X_raw, X_raw_test)
    print('标准化后训练集每个特征的均值：', X_norm.mean(axis=1), ' 标准差：', X_norm.std(axis=1))
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    axes[0].scatter(X_raw[0], X_raw[1], c=Y_train[0], cmap=plt.cm.Spectral, s=10)
    axes[0].set_title('raw inputs')
    axes[0].axis('equal')
    axes[1].scatter(X_norm[0], X_norm[1], c=Y_train[0], cmap=plt.cm.Spectral, s=10)
    axes[1].set_title('normalized inputs')
    axes[1].axis('equal')
    plt.show()
    """)

    nb.md(r"""
    ### 7.3.2 权重参数初始化

    - **全零初始化**：同一层的所有神经元计算完全相同的输出、得到完全相同的梯度，永远无法打破对称性，等价于每层只有一个神经元；
    - **小随机数初始化**：$W = \texttt{np.random.randn}(n_l, n_{l-1}) \times 0.01$，打破了对称性，但层数较多时信号逐层变小；
    - **He 初始化**（适合 ReLU）：$W^{[l]} \sim \mathcal{N}\!\left(0, \dfrac{2}{n_{l-1}}\right)$，即 $W = \texttt{np.random.randn}(n_l, n_{l-1}) \times \sqrt{2 / n_{l-1}}$；
    - **Xavier 初始化**（适合 tanh）：$W^{[l]} \sim \mathcal{N}\!\left(0, \dfrac{1}{n_{l-1}}\right)$，即 $W = \texttt{np.random.randn}(n_l, n_{l-1}) \times \sqrt{1 / n_{l-1}}$。

    $n_{l-1}$ 是上一层的神经元个数 `layers_dims[l-1]`（每个神经元的输入个数）。四种方法中偏置 $b$ 都初始化为 0。

    **任务**：实现 `initialize_parameters_zeros`、`initialize_parameters_random`、`initialize_parameters_he`、
    `initialize_parameters_xavier`，参数都是 `layers_dims`（包含输入层），返回参数字典。不要在函数中设置随机种子。
    """)
    nb.solution("initialize_parameters_zeros")
    nb.check("initialize_parameters_zeros")
    nb.solution("initialize_parameters_random")
    nb.check("initialize_parameters_random")
    nb.solution("initialize_parameters_he")
    nb.check("initialize_parameters_he")
    nb.solution("initialize_parameters_xavier")
    nb.check("initialize_parameters_xavier")
    nb.code("""
    def train_with_init(init_fn, X, Y, layers_dims, learning_rate=0.1, num_iterations=3000):
        \"\"\"用指定的初始化函数，全批量梯度下降训练\"\"\"
        np.random.seed(3)
        parameters = init_fn(layers_dims)
        for i in range(num_iterations):
            AL, caches = forward_propagation(X, parameters)
            AL = np.clip(AL, 1e-10, 1 - 1e-10)    # 输出饱和时避免 log(0) 和 0/0
            grads = backward_propagation(AL, Y, caches)
            parameters = update_parameters(parameters, grads, learning_rate)
        return parameters, compute_cost(AL, Y)


    for name, init_fn in [('全零', initialize_parameters_zeros), ('小随机数', initialize_parameters_random),
                          ('He', initialize_parameters_he), ('Xavier', initialize_parameters_xavier)]:
        parameters, cost = train_with_init(init_fn, X_train, Y_train, [2, 10, 5, 5, 1])
        print('%-6s 初始化：损失 %.4f，训练集准确率 %.3f' % (name, cost, accuracy(parameters, X_train, Y_train)))

    # 10 层、每层 200 个神经元的 ReLU 网络：每层输出的标准差
    np.random.seed(0)
    dims = [200] * 11
    A0 = np.random.randn(200, 500)
    plt.figure(figsize=(7, 4))
    for name, init_fn in [('random x 0.01', initialize_parameters_random), ('Xavier', initialize_parameters_xavier),
                          ('He', initialize_parameters_he)]:
        parameters = init_fn(dims)
        A, stds = A0, []
        for l in range(1, len(dims)):
            A = relu(np.dot(parameters['W' + str(l)], A) + parameters['b' + str(l)])
            stds.append(A.std())
        plt.semilogy(range(1, len(dims)), stds, 'o-', label=name)
    plt.xlabel('layer l')
    plt.ylabel('std of A[l]')
    plt.legend()
    plt.show()
    """)

    nb.md(r"""
    ### 7.3.3 批归一化

    批归一化（Batch Normalization）把每个隐藏层的线性输出 $Z^{[l]}$ 在一个 mini-batch 的样本维度上标准化，再用可学习的参数
    $\gamma$、$\beta$ 缩放、平移（$Z$ 的维度为 $(n_l, m)$，每一行是一个神经元在 $m$ 个样本上的取值，方差用 $\frac{1}{m}$）：

    $$
    \mu = \frac{1}{m}\sum_{i=1}^{m} z^{(i)},\qquad \sigma^2 = \frac{1}{m}\sum_{i=1}^{m}\big(z^{(i)} - \mu\big)^2,\qquad
    \hat z^{(i)} = \frac{z^{(i)} - \mu}{\sqrt{\sigma^2 + \varepsilon}},\qquad \tilde z^{(i)} = \gamma\,\hat z^{(i)} + \beta
    $$

    测试时一次可能只有一个样本，无法计算批统计量，所以训练时要维护均值和方差的**滑动平均**（与 CS231n 相同，`momentum` 常取 0.9）：

    $$
    \text{running\_mean} = \text{momentum}\cdot\text{running\_mean} + (1-\text{momentum})\cdot\mu,\qquad
    \text{running\_var} = \text{momentum}\cdot\text{running\_var} + (1-\text{momentum})\cdot\sigma^2
    $$

    测试模式（`bn_param['mode'] == 'test'`）用 `running_mean`、`running_var` 代替 $\mu$、$\sigma^2$。

    **任务**：实现 `batchnorm_forward(Z, gamma, beta, bn_param)`，返回 `(out, cache)`。训练模式下把更新后的 `running_mean`、
    `running_var` 写回 `bn_param`（原地修改字典）；`cache` 中保存反向传播需要的量（格式由你决定）。
    """)
    nb.solution("batchnorm_forward")
    nb.check("batchnorm_forward")

    nb.md(r"""
    反向传播（训练模式）：$\mu$ 和 $\sigma^2$ 都依赖于 $Z$，不能当作常数。把三条路径的梯度合在一起得到
    （$\sum$ 为在样本维度上按行求和）：

    $$
    d\beta = \sum_{i=1}^{m} d\tilde z^{(i)},\qquad d\gamma = \sum_{i=1}^{m} d\tilde z^{(i)}\,\hat z^{(i)},\qquad
    d\hat z = d\tilde z\cdot\gamma,\qquad
    dZ = \frac{1}{m\sqrt{\sigma^2+\varepsilon}}\Big(m\,d\hat z - \sum_{i=1}^{m} d\hat z^{(i)} - \hat z\sum_{i=1}^{m} d\hat z^{(i)}\hat z^{(i)}\Big)
    $$

    **任务**：实现 `batchnorm_backward(dout, cache)`，返回 `(dZ, dgamma, dbeta)`，`dgamma`、`dbeta` 的维度为 $(n_l, 1)$。
    """)
    nb.solution("batchnorm_backward")
    nb.check("batchnorm_backward")
    nb.code("""
    np.random.seed(1)
    n = 3
    gamma, beta = np.ones((n, 1)), np.zeros((n, 1))
    bn_param = {'mode': 'train', 'eps': 1e-5, 'momentum': 0.9,
                'running_mean': np.zeros((n, 1)), 'running_var': np.zeros((n, 1))}
    true_mean, true_std = np.array([[5.0], [-2.0], [0.5]]), np.array([[3.0], [0.5], [10.0]])
    for step in range(100):
        Z = true_mean + true_std * np.random.randn(n, 64)
        out, cache = batchnorm_forward(Z, gamma, beta, bn_param)
    print('训练模式输出每行的均值：', out.mean(axis=1).round(6), ' 标准差：', out.std(axis=1).round(4))
    print('running_mean：', bn_param['running_mean'].ravel().round(2), ' 真实均值：', true_mean.ravel())
    print('running_var： ', bn_param['running_var'].ravel().round(2), ' 真实方差：', (true_std ** 2).ravel())
    bn_param['mode'] = 'test'
    out_test, _ = batchnorm_forward(true_mean + true_std * np.random.randn(n, 1000), gamma, beta, bn_param)
    print('测试模式输出每行的均值：', out_test.mean(axis=1).round(2), ' 标准差：', out_test.std(axis=1).round(2))
    """)

    nb.md(r"""
    ### 7.3.4 超参数调试

    超参数的重要性大致为：学习率 $\alpha$ 最重要，其次是动量 $\beta$、mini-batch 大小、隐藏层神经元个数，再次是层数、学习率衰减等。
    搜索时用**随机采样**代替网格搜索，并且要在合适的尺度上采样：学习率在 $[10^{-4}, 1]$ 上线性均匀采样时，90% 的样本落在 $[0.1, 1]$，
    应该在**对数尺度**上均匀采样：

    $$
    r \sim U\big(\log_{10}\text{low},\ \log_{10}\text{high}\big),\qquad \alpha = 10^{r}
    $$

    **任务**：实现 `sample_learning_rates(n, low=1e-4, high=1.0, seed=0)`，在函数开头调用 `np.random.seed(seed)`，返回维度为 `(n,)` 的数组。
    """)
    nb.solution("sample_learning_rates")
    nb.check("sample_learning_rates")
    nb.code("""
    rates = sample_learning_rates(2000, 1e-4, 1.0, seed=0)
    plt.hist(np.log10(rates), bins=20)
    plt.xlabel('log10(learning rate)')
    plt.ylabel('count')
    plt.title('learning rates sampled uniformly in log scale')
    plt.show()

    # 随机搜索：Adam 的学习率，每个候选训练 200 个 epoch，比较验证集（这里用测试集代替）上的准确率
    for lr in sample_learning_rates(6, 1e-4, 1e-1, seed=1):
        parameters, costs = model(X_train, Y_train, layers_dims, optimizer='adam', learning_rate=lr, num_epochs=200)
        print('α = %.5f：最终损失 %.4f，准确率 %.3f' % (lr, costs[-1], accuracy(parameters, X_test, Y_test)))
    """)

    # ==========================================================================================
    nb.md(r"""
    ## 7.4 模型评估与调试

    ### 7.4.1 模型评估

    分类模型最常用的指标是**准确率**。类别不平衡时还要看**混淆矩阵**（7.4.4）和由它得到的精确率、召回率与 F1 值
    （以正类为例，TP、FP、FN 分别是真正例、假正例、假反例的个数）：

    $$
    \text{Precision} = \frac{TP}{TP + FP},\qquad \text{Recall} = \frac{TP}{TP + FN},\qquad
    F_1 = \frac{2\cdot\text{Precision}\cdot\text{Recall}}{\text{Precision} + \text{Recall}}
    $$

    ### 7.4.2 训练/验证/测试集

    数据分为训练集（训练参数）、验证集（选择模型和超参数）和测试集（评估最终模型的泛化能力）。数据量不大时常用 60%/20%/20%；
    数据量达到百万级时验证集和测试集各 1% 甚至更少就足够了。三个集合应来自**同一分布**，所以划分前要先随机打乱。

    **任务**：实现 `train_dev_test_split(X, Y, ratios=(0.6, 0.2, 0.2), seed=0)`：在函数开头调用 `np.random.seed(seed)`，
    用同一个排列打乱 `X`、`Y` 的列，训练集取前 `int(ratios[0] * m)` 个，验证集取接下来的 `int(ratios[1] * m)` 个，其余为测试集；
    返回 `(X_train, Y_train, X_dev, Y_dev, X_test, Y_test)`。
    """)
    nb.solution("train_dev_test_split")
    nb.check("train_dev_test_split")
    nb.code("""
    X_all, Y_all = load_moons(m=1000, noise=0.3, seed=5)
    X_tr, Y_tr, X_dev, Y_dev, X_te, Y_te = train_dev_test_split(X_all, Y_all, (0.6, 0.2, 0.2), seed=0)
    print('训练集', X_tr.shape, ' 验证集', X_dev.shape, ' 测试集', X_te.shape)
    print('各集合中正类的比例：%.2f %.2f %.2f' % (Y_tr.mean(), Y_dev.mean(), Y_te.mean()))
    """)

    nb.md(r"""
    ### 7.4.3 偏差与方差

    以人类水平误差作为贝叶斯误差（最低可能误差）的估计：

    - **可避免偏差** = 训练集误差 − 人类水平误差，较大时为**高偏差**（欠拟合）：用更大的网络、训练更久、换更好的优化算法；
    - **方差** = 验证集误差 − 训练集误差，较大时为**高方差**（过拟合）：用更多数据、正则化。

    | 训练集误差 | 验证集误差 | 诊断（人类误差 ≈ 0%） |
    |:---:|:---:|:---:|
    | 1% | 11% | 高方差 |
    | 15% | 16% | 高偏差 |
    | 15% | 30% | 高偏差和高方差 |
    | 0.5% | 1% | 低偏差、低方差 |

    **任务**：实现 `diagnose_bias_variance(human_error, train_error, dev_error, tolerance=0.02)`：两项差值分别大于 `tolerance`
    即为"高"，返回 `'high bias'`、`'high variance'`、`'high bias and high variance'` 或 `'good fit'` 之一。
    """)
    nb.solution("diagnose_bias_variance")
    nb.check("diagnose_bias_variance")
    nb.code("""
    for errors in [(0.0, 0.01, 0.11), (0.0, 0.15, 0.16), (0.0, 0.15, 0.30), (0.0, 0.005, 0.01)]:
        print('人类 %.3f  训练 %.3f  验证 %.3f  ->' % errors, diagnose_bias_variance(*errors))

    parameters, costs = model(X_tr, Y_tr, layers_dims, optimizer='adam', learning_rate=0.005, num_epochs=300)
    train_error, dev_error = 1 - accuracy(parameters, X_tr, Y_tr), 1 - accuracy(parameters, X_dev, Y_dev)
    print('本模型：训练集误差 %.3f，验证集误差 %.3f ->' % (train_error, dev_error),
          diagnose_bias_variance(0.07, train_error, dev_error))    # 噪声很大的数据，假设人类水平误差约 7%
    """)

    nb.md(r"""
    ### 7.4.4 错误分析

    **混淆矩阵** $M$ 的第 $i$ 行第 $j$ 列是真实类别为 $i$、被预测为 $j$ 的样本个数（行是真实类别，列是预测类别，与 scikit-learn 相同）。
    对角线是预测正确的样本，非对角线上的大数字指出模型最常把哪一类错认为哪一类，值得逐个检查这些样本。

    **任务**：实现 `confusion_matrix(y_true, y_pred, num_classes)`，`y_true`、`y_pred` 是取值 $0,\dots,C-1$ 的整数数组，
    返回维度为 $(C, C)$ 的整数矩阵。
    """)
    nb.solution("confusion_matrix")
    nb.check("confusion_matrix")
    nb.code("""
    y_pred = predict(X_dev, parameters).ravel()
    M = confusion_matrix(Y_dev.ravel(), y_pred, 2)
    print('混淆矩阵（行：真实类别，列：预测类别）：')
    print(M)
    precision = M[1, 1] / (M[1, 1] + M[0, 1])    # TP / (TP + FP)
    recall = M[1, 1] / (M[1, 1] + M[1, 0])       # TP / (TP + FN)
    print('精确率 %.3f，召回率 %.3f，F1 %.3f' % (precision, recall, 2 * precision * recall / (precision + recall)))
    """)
