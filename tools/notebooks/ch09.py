"""Notebook spec of chapter 9: 循环神经网络 (9.1-9.9)."""

# What the executed demo cells print (asserted on the executed notebook).  On load_digits upsampled
# to 28x28 (1347 training / 450 test images) the PyTorch LSTM reached 0.969-0.991 after 20 epochs
# (20-40 s on one thread of a busy 2-core machine) and the Keras LSTM 0.960-0.969 after 15 epochs
# (about 40 s there): 0.94 is asserted.
FIGURES = [
    r"LSTMNet 参数个数：96274",
    r"Keras 模型参数个数：52610",
    r"LSTMNet 测试集准确率：0\.9[4-9]\d",
    r"Keras LSTM 测试集准确率：0\.9[4-9]\d",
]


def build(nb):
    nb.md(r"""
    # 第9章 循环神经网络

    本章作业对应书中第9章。前半部分（9.2-9.6）用 NumPy 从零实现循环神经网络：RNN 单元与整个序列的前向传播、
    随时间反向传播（BPTT）、梯度修剪、GRU 单元和 LSTM 单元；后半部分用 PyTorch（9.8）和 TensorFlow 2 / Keras（9.9）
    搭建 LSTM，把手写数字图片一行一行地“读”进网络，识别图片中的数字。

    **作业说明**：在每个函数的 `# YOUR CODE HERE` 处完成代码（删除 `raise NotImplementedError()`），然后运行函数下方的检查单元。
    检查单元只运行可见测试；提交后还会用随机的维度和数值运行隐藏测试，所以函数只能使用参数，不要依赖笔记本中的全局变量，
    也不要把维度写死。训练演示和画图单元不参与评分，但请运行它们，对照文中给出的结果。

    **维度约定**（与书中一致，每一列是一个样本，最后一维是时间）：

    - $x^{\langle t \rangle}$：`xt`，维度 `(n_x, m)`，$n_x$ 是每个时刻输入的维度，$m$ 是样本个数；
    - $a^{\langle t-1 \rangle}$：`a_prev`，维度 `(n_a, m)`，$n_a$ 是隐藏单元个数；
    - 整个输入序列 `x` 的维度是 `(n_x, m, T_x)`，$T_x$ 是序列长度；`x[:, :, t]` 就是 $x^{\langle t \rangle}$。

    下面的准备单元导入 NumPy、PyTorch（9.8）和 TensorFlow（9.9），并给出 `sigmoid` 函数（已实现，直接使用）。
    """)
    nb.code('''
    import numpy as np
    import matplotlib.pyplot as plt
    import torch
    import torch.nn as nn
    import torch.optim as optim
    import tensorflow as tf


    def sigmoid(x):
        """
        Sigmoid 激活函数（已实现，直接使用）。

        函数输入：
            - x：任意维度的 numpy 数组
        函数输出：
            - s：1 / (1 + e^(-x))，维度与 x 相同
        """
        return 1 / (1 + np.exp(-x))
    ''')

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 9.1 为什么选择 RNN

    语音、文本、视频、股价……很多数据是**序列**：前后元素相互关联，而且每个样本的长度可能不同。
    标准的全连接网络把输入看成一个固定长度的整体，既不能处理变长的输入，也不能在序列的不同位置之间共享学到的特征。
    循环神经网络（RNN）按时间顺序逐个读入序列的元素，用同一组参数处理每一个时刻，并用**隐藏状态** $a^{\langle t \rangle}$
    把之前读到的信息传递下去。

    ## 9.2 RNN 基本结构

    RNN 单元在 $t$ 时刻的计算：

    $$
    a^{\langle t \rangle} = \tanh\left(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a\right), \qquad
    \hat y^{\langle t \rangle} = \mathrm{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right)
    $$

    输出层的 softmax 对每个样本（每一列）计算各类别的概率，先减去最大值防止 `np.exp` 溢出（见第6章）。

    **任务**：实现 `softmax(x)`，`x` 的维度是 `(n_y, m)`，按**列**计算，输入很大时也不能出现 `nan`。
    """)
    nb.solution("softmax")
    nb.check("softmax")

    nb.md(r"""
    **任务**：实现 `rnn_cell_forward(xt, a_prev, parameters)`，计算一个时刻的 `a_next` 和 `yt_pred`，
    并返回反向传播需要的 `cache = (a_next, a_prev, xt, parameters)`。参数字典中 `Wax` 的维度是 `(n_a, n_x)`，
    `Waa` 是 `(n_a, n_a)`，`Wya` 是 `(n_y, n_a)`，`ba` 是 `(n_a, 1)`，`by` 是 `(n_y, 1)`。
    """)
    nb.solution("rnn_cell_forward")
    nb.check("rnn_cell_forward")

    nb.md(r"""
    把 RNN 单元沿时间展开：$a^{\langle 0 \rangle}$ 是给定的初始隐藏状态，$t$ 时刻的 `a_next` 就是 $t+1$ 时刻的 `a_prev`，
    每个时刻都使用**同一组参数**。

    **任务**：实现 `rnn_forward(x, a0, parameters)`：对 $t = 0, 1, \ldots, T_x - 1$ 依次调用 `rnn_cell_forward`，
    把每个时刻的隐藏状态存入 `a[:, :, t]`、预测存入 `y_pred[:, :, t]`，把每个时刻的 cache 依次放入列表，
    最后返回 `(a, y_pred, (caches, x))`。
    """)
    nb.solution("rnn_forward")
    nb.check("rnn_forward")
    nb.code("""
    np.random.seed(1)
    x_demo = np.random.randn(3, 10, 4)     # n_x = 3, m = 10, T_x = 4
    a0_demo = np.random.randn(5, 10)       # n_a = 5
    parameters_demo = {'Waa': np.random.randn(5, 5), 'Wax': np.random.randn(5, 3), 'Wya': np.random.randn(2, 5),
                       'ba': np.random.randn(5, 1), 'by': np.random.randn(2, 1)}
    a_demo, y_demo, caches_demo = rnn_forward(x_demo, a0_demo, parameters_demo)
    print('a.shape =', a_demo.shape, ' y_pred.shape =', y_demo.shape, ' len(caches[0]) =', len(caches_demo[0]))
    print('每个时刻、每个样本的预测概率之和：', np.round(y_demo.sum(axis=0)[0], 6))
    """)

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 9.3 模型参数与反向传播

    RNN 的参数 $W_{ax}, W_{aa}, b_a$（以及 $W_{ya}, b_y$）在所有时刻共享。训练时，损失对参数的梯度要沿时间反向传播
    （backpropagation through time，BPTT）。

    先看一个时刻。记 $z = W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a$，$a^{\langle t \rangle} = \tanh(z)$，
    已知损失对 $a^{\langle t \rangle}$ 的梯度 `da_next`。由 $\tanh'(z) = 1 - \tanh^2(z) = 1 - (a^{\langle t \rangle})^2$：

    $$
    dz = da_{next} \odot \left(1 - (a^{\langle t \rangle})^2\right), \quad
    dx^{\langle t \rangle} = W_{ax}^T dz, \quad dW_{ax} = dz\, x^{\langle t \rangle T}, \quad
    da^{\langle t-1 \rangle} = W_{aa}^T dz, \quad dW_{aa} = dz\, a^{\langle t-1 \rangle T}, \quad
    db_a = \sum_{i=1}^{m} dz^{(i)}
    $$

    $db_a$ 对 $m$ 个样本求和（`axis=1, keepdims=True`），形状与 $b_a$ 相同。本章的反向传播只对给定的上游梯度应用链式法则，
    不再除以 $m$。

    **任务**：实现 `rnn_cell_backward(da_next, cache)`，返回梯度字典 `{'dxt', 'da_prev', 'dWax', 'dWaa', 'dba'}`。
    """)
    nb.solution("rnn_cell_backward")
    nb.check("rnn_cell_backward")

    nb.md(r"""
    整个序列上，$a^{\langle t \rangle}$ 既影响 $t$ 时刻的输出，又通过 $a^{\langle t+1 \rangle}$ 影响后面所有时刻。所以从**最后一个时刻往前**计算：
    $t$ 时刻的上游梯度是该时刻输出给出的 `da[:, :, t]` 加上从 $t+1$ 时刻传回来的 `da_prev`；
    因为参数在各时刻共享，`dWax`、`dWaa`、`dba` 是每个时刻梯度的**和**。循环结束时传回到 $a^{\langle 0 \rangle}$ 的梯度就是 `da0`。

    **任务**：实现 `rnn_backward(da, caches)`，`da` 的维度是 `(n_a, m, T_x)`，返回梯度字典
    `{'dx', 'da0', 'dWax', 'dWaa', 'dba'}`，其中 `dx` 的维度是 `(n_x, m, T_x)`。
    """)
    nb.solution("rnn_backward")
    nb.check("rnn_backward")
    nb.code("""
    np.random.seed(1)
    da_demo = np.random.randn(5, 10, 4)
    gradients_demo = rnn_backward(da_demo, caches_demo)
    for key, value in gradients_demo.items():
        print(key, value.shape)
    """)

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 9.4 梯度消失

    BPTT 中，梯度每往前传一个时刻就要乘一次 $W_{aa}^T$ 和 tanh 的导数。序列很长时，这些乘积可能越来越小（**梯度消失**），
    前面时刻的信息几乎无法影响参数的更新，RNN 难以学到长距离的依赖；也可能越来越大（**梯度爆炸**），参数更新一步就“飞”出去，
    甚至出现 `nan`。

    梯度爆炸比较容易发现，常用的对策是**梯度修剪**（gradient clipping）：设定阈值 `max_value`，
    把梯度中大于 `max_value` 的元素设为 `max_value`，小于 `-max_value` 的元素设为 `-max_value`。
    梯度消失则要从网络结构上解决，这就是下面的 GRU 和 LSTM。

    **任务**：实现 `clip(gradients, max_value)`，对梯度字典中的**每一个**数组逐元素修剪，返回修剪后的字典
    （可以用 `np.clip`，原地修改或生成新数组都可以）。
    """)
    nb.solution("clip")
    nb.check("clip")
    nb.code("""
    np.random.seed(3)
    gradients_demo = {'dWax': np.random.randn(5, 3) * 10, 'dWaa': np.random.randn(5, 5) * 10,
                      'dWya': np.random.randn(2, 5) * 10, 'db': np.random.randn(5, 1) * 10, 'dby': np.random.randn(2, 1) * 10}
    gradients_demo = clip(gradients_demo, 10)
    print('dWaa[1][2] =', gradients_demo['dWaa'][1][2])
    print('修剪后的最大绝对值：', max(np.abs(g).max() for g in gradients_demo.values()))
    """)

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 9.5 GRU

    门控循环单元（Gated Recurrent Unit，GRU）增加一个**记忆细胞** $c^{\langle t \rangle}$（在 GRU 中 $a^{\langle t \rangle} = c^{\langle t \rangle}$），
    用**更新门** $\Gamma_u$ 决定每一步用多少新的候选值 $\tilde c^{\langle t \rangle}$ 更新记忆细胞，用**相关门** $\Gamma_r$ 决定计算候选值时
    $c^{\langle t-1 \rangle}$ 有多少参与。$[c, x]$ 表示把两个矩阵按行拼接（`np.concatenate(..., axis=0)`）：

    $$
    \begin{aligned}
    \Gamma_u &= \sigma\left(W_u [c^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_u\right) \\
    \Gamma_r &= \sigma\left(W_r [c^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_r\right) \\
    \tilde c^{\langle t \rangle} &= \tanh\left(W_c [\Gamma_r \odot c^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_c\right) \\
    c^{\langle t \rangle} &= \Gamma_u \odot \tilde c^{\langle t \rangle} + (1 - \Gamma_u) \odot c^{\langle t-1 \rangle}
    \end{aligned}
    $$

    当 $\Gamma_u$ 接近 0 时 $c^{\langle t \rangle} \approx c^{\langle t-1 \rangle}$，记忆可以原样保持很多个时刻，梯度也就不容易消失。
    注意书中的相关门在矩阵乘法**之前**与 $c^{\langle t-1 \rangle}$ 相乘；PyTorch 的 `nn.GRUCell` 把它放在矩阵乘法之后，两者不同。

    **任务**：实现 `gru_cell_forward(xt, c_prev, parameters)`，`Wu, Wr, Wc` 的维度是 `(n_c, n_c + n_x)`，
    `bu, br, bc` 是 `(n_c, 1)`，返回 `(c_next, cache)`，`cache = (c_next, c_prev, ut, rt, cct, xt, parameters)`。
    """)
    nb.solution("gru_cell_forward")
    nb.check("gru_cell_forward")

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 9.6 LSTM

    长短期记忆网络（Long Short-Term Memory，LSTM）比 GRU 多一个门：**遗忘门** $\Gamma_f$ 和**更新门**（输入门）$\Gamma_i$ 分别控制
    旧记忆保留多少、新候选值加入多少，**输出门** $\Gamma_o$ 控制记忆细胞有多少输出到隐藏状态。$[a, x]$ 表示
    $a^{\langle t-1 \rangle}$ 在上、$x^{\langle t \rangle}$ 在下按行拼接：

    $$
    \begin{aligned}
    \Gamma_f &= \sigma\left(W_f [a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_f\right), \qquad
    \Gamma_i = \sigma\left(W_i [a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_i\right) \\
    \tilde c^{\langle t \rangle} &= \tanh\left(W_c [a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_c\right) \\
    c^{\langle t \rangle} &= \Gamma_f \odot c^{\langle t-1 \rangle} + \Gamma_i \odot \tilde c^{\langle t \rangle} \\
    \Gamma_o &= \sigma\left(W_o [a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_o\right) \\
    a^{\langle t \rangle} &= \Gamma_o \odot \tanh(c^{\langle t \rangle}), \qquad
    \hat y^{\langle t \rangle} = \mathrm{softmax}\left(W_y a^{\langle t \rangle} + b_y\right)
    \end{aligned}
    $$

    **任务**：实现 `lstm_cell_forward(xt, a_prev, c_prev, parameters)`，`Wf, Wi, Wc, Wo` 的维度是 `(n_a, n_a + n_x)`，
    `bf, bi, bc, bo` 是 `(n_a, 1)`，`Wy` 是 `(n_y, n_a)`，`by` 是 `(n_y, 1)`。返回 `(a_next, c_next, yt_pred, cache)`，
    其中 `cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)`（`ft, it, cct, ot` 依次是
    $\Gamma_f, \Gamma_i, \tilde c^{\langle t \rangle}, \Gamma_o$）。
    """)
    nb.solution("lstm_cell_forward")
    nb.check("lstm_cell_forward")

    nb.md(r"""
    **任务**：实现 `lstm_forward(x, a0, parameters)`：隐藏状态从 `a0` 开始，记忆细胞从**全零**开始，
    依次调用 `lstm_cell_forward`，返回 `(a, y, c, (caches, x))`，`a`、`c` 的维度是 `(n_a, m, T_x)`，`y` 是 `(n_y, m, T_x)`。
    """)
    nb.solution("lstm_forward")
    nb.check("lstm_forward")
    nb.code("""
    np.random.seed(1)
    parameters_demo = {k: np.random.randn(5, 5 + 3) for k in ('Wf', 'Wi', 'Wc', 'Wo')}
    parameters_demo.update({k: np.random.randn(5, 1) for k in ('bf', 'bi', 'bc', 'bo')})
    parameters_demo.update({'Wy': np.random.randn(2, 5), 'by': np.random.randn(2, 1)})
    a_demo, y_demo, c_demo, caches_demo = lstm_forward(x_demo, a0_demo, parameters_demo)
    print('a.shape =', a_demo.shape, ' y.shape =', y_demo.shape, ' c.shape =', c_demo.shape)
    """)

    nb.md(r"""
    LSTM 单元的反向传播。已知损失对 $a^{\langle t \rangle}$、$c^{\langle t \rangle}$ 的梯度 `da_next`、`dc_next`，
    先求 $c^{\langle t \rangle}$ 的全部梯度（它既直接传回，也通过 $a^{\langle t \rangle} = \Gamma_o \odot \tanh(c^{\langle t \rangle})$ 传回）：

    $$
    dc = dc_{next} + da_{next} \odot \Gamma_o \odot \left(1 - \tanh^2(c^{\langle t \rangle})\right)
    $$

    下面的 $d\Gamma$ 都是对各个门激活函数**之前**的线性输出的梯度（sigmoid 的导数是 $\Gamma(1-\Gamma)$，tanh 的导数是 $1 - \tilde c^2$）：

    $$
    \begin{aligned}
    d\Gamma_o &= da_{next} \odot \tanh(c^{\langle t \rangle}) \odot \Gamma_o (1 - \Gamma_o), \qquad
    d\tilde c = dc \odot \Gamma_i \odot (1 - \tilde c^2) \\
    d\Gamma_i &= dc \odot \tilde c \odot \Gamma_i (1 - \Gamma_i), \qquad
    d\Gamma_f = dc \odot c^{\langle t-1 \rangle} \odot \Gamma_f (1 - \Gamma_f)
    \end{aligned}
    $$

    参数的梯度 $dW_f = d\Gamma_f [a^{\langle t-1 \rangle}, x^{\langle t \rangle}]^T$，$db_f = \sum_i d\Gamma_f^{(i)}$（对样本求和），其余三个门同理；
    $dc^{\langle t-1 \rangle} = dc \odot \Gamma_f$；把四个门的 $W^T d\Gamma$ 相加，前 $n_a$ 行是 `da_prev`，后 $n_x$ 行是 `dxt`。

    **任务**：实现 `lstm_cell_backward(da_next, dc_next, cache)`，返回梯度字典
    `{'dxt', 'da_prev', 'dc_prev', 'dWf', 'dbf', 'dWi', 'dbi', 'dWc', 'dbc', 'dWo', 'dbo'}`。
    """)
    nb.solution("lstm_cell_backward")
    nb.check("lstm_cell_backward")

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 9.7 多种 RNN 模型

    按输入和输出序列的长度，RNN 有多种结构：一对多（如音乐生成）、多对一（如情感分类）、输入输出等长的多对多（如命名实体识别），
    以及输入输出长度不同的多对多（如机器翻译的编码器—解码器）。还可以使用双向 RNN（同时利用过去和未来的信息）和多层（深层）RNN。
    下面的手写数字识别是**多对一**：读完整张图片（28 个时刻）之后，只用最后一个时刻的输出分类；网络有两层 LSTM。

    ## 9.8 RNN 的 PyTorch 实现

    ### 9.8.1 准备数据

    书中使用 MNIST 手写数字数据集，它需要联网下载，本作业改用 scikit-learn 自带的手写数字数据集 `load_digits`（离线可用）：
    1797 张 8×8 的灰度图片，用双线性插值 `scipy.ndimage.zoom(img, 3.5, order=1)` 放大到与 MNIST 相同的 28×28，
    再把像素值缩放到 [0, 1]。固定的随机划分得到 1347 张训练图片和 450 张测试图片。

    RNN 把每张图片看成一个长度为 28 的序列：每个时刻输入图片的一行（28 个像素），所以 LSTM 的输入维度 `input_size=28`，
    输入张量的维度是 `(batch, time_step, input_size) = (batch, 28, 28)`。
    """)
    nb.code("""
    from torch.utils.data import TensorDataset, DataLoader
    from scipy.ndimage import zoom
    from sklearn.datasets import load_digits

    torch.set_num_threads(1)    # 模型很小，单线程训练反而更快（多线程在忙碌的 CPU 上同步开销很大）

    digits = load_digits()
    images = np.array([zoom(img, 3.5, order=1) for img in digits.images])    # 8x8 -> 28x28
    images = np.clip(images / 16.0, 0, 1).astype(np.float32)               # 像素值 0~16 -> [0, 1]
    labels = digits.target

    perm = np.random.RandomState(0).permutation(len(labels))
    X_train, X_test = images[perm[:1347]], images[perm[1347:]]             # (1347, 28, 28), (450, 28, 28)
    y_train, y_test = labels[perm[:1347]], labels[perm[1347:]]
    print('训练图片：', X_train.shape, ' 测试图片：', X_test.shape)

    torch.manual_seed(0)
    train_loader = DataLoader(TensorDataset(torch.tensor(X_train), torch.tensor(y_train)), batch_size=32, shuffle=True)
    test_loader = DataLoader(TensorDataset(torch.tensor(X_test), torch.tensor(y_test)), batch_size=256)

    fig, axes = plt.subplots(1, 8, figsize=(12, 2))
    for ax, img, label in zip(axes, X_train, y_train):
        ax.imshow(img, cmap='gray')
        ax.set_title(str(label))
        ax.axis('off')
    plt.show()
    """)

    nb.md(r"""
    ### 9.8.2 定义 RNN 模型

    与书中相同：`nn.LSTM(input_size=28, hidden_size=84, num_layers=2, batch_first=True)` 两层 LSTM，
    `batch_first=True` 表示输入的第 0 维是 batch；`self.rnn(x)` 返回每个时刻（第二层）的输出 `r_out`，维度 `(batch, 28, 84)`，
    以及最后时刻的状态 `(h_n, c_n)`。取**最后一个时刻**的输出 `r_out[:, -1, :]`，经全连接层 `nn.Linear(84, 10)` 得到 10 个类别的得分。
    模型共有 96,274 个参数。（属性名可以自己取。）

    **任务**：完成 `LSTMNet` 的 `__init__` 和 `forward`。
    """)
    nb.solution("LSTMNet")
    nb.check("LSTMNet")
    nb.code("""
    net = LSTMNet()
    print(net)
    print('LSTMNet 参数个数：%d' % sum(p.numel() for p in net.parameters()))
    """)

    nb.md(r"""
    ### 9.8.3 损失函数与梯度优化

    与第8章相同：损失函数 `nn.CrossEntropyLoss()`（它自己会做 log-softmax，所以模型输出未经 softmax 的得分），
    优化器 `optim.Adam(model.parameters(), lr=lr)`。每个 batch：梯度清零 `optimizer.zero_grad()`、前向传播、计算损失、
    `loss.backward()`、`optimizer.step()`。

    **任务**：实现 `train_model(model, loader, epochs, lr)`，返回每一轮的平均损失（**按样本平均**：
    每个 batch 的 `loss.item()` 乘以该 batch 的样本数，累加后除以样本总数）组成的列表。
    然后实现 `evaluate(model, loader)`：先 `model.eval()`，在 `torch.no_grad()` 下对每个 batch 取得分最大的类别作为预测，
    返回预测正确的样本数除以样本总数（0 到 1 之间的浮点数）。
    """)
    nb.solution("train_model")
    nb.check("train_model")
    nb.solution("evaluate")
    nb.check("evaluate")

    nb.md(r"""
    ### 9.8.4 训练模型

    书中在 MNIST 上用学习率 0.0001、batch 大小 4 训练 5 轮。这里的训练集小得多，改用学习率 0.002、batch 大小 32 训练 20 轮
    （CPU 上大约半分钟）。
    """)
    nb.code("""
    torch.manual_seed(0)
    net = LSTMNet()
    losses = train_model(net, train_loader, epochs=20, lr=0.002)
    for epoch, loss in enumerate(losses, 1):
        print('epoch %2d, loss: %.4f' % (epoch, loss))

    plt.plot(range(1, len(losses) + 1), losses)
    plt.xlabel('epoch')
    plt.ylabel('loss')
    plt.title('LSTMNet')
    plt.show()
    """)

    nb.md(r"""
    ### 9.8.5 测试模型

    书中的 LSTM 在 MNIST 测试集上的准确率约为 95.8%。在这里的数字数据上，训练 20 轮后测试集准确率在 0.97～0.99 之间
    （浮点运算的顺序与 CPU 线程数有关，每台机器的结果略有不同）。
    """)
    nb.code("""
    print('LSTMNet 训练集准确率：%.3f' % evaluate(net, DataLoader(TensorDataset(torch.tensor(X_train), torch.tensor(y_train)), batch_size=256)))
    print('LSTMNet 测试集准确率：%.3f' % evaluate(net, test_loader))
    """)

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 9.9 RNN 的 TensorFlow 实现

    书中 9.9 使用 TensorFlow 1.x 的 `tf.contrib.rnn` 和 Session，它们在 TensorFlow 2 中已经不存在。
    这里用 TensorFlow 2 的 Keras 接口实现同样的模型：一个 100 个隐藏单元的 LSTM 层读入 28 个时刻，输出层 10 个单元。

    ### 9.9.1 准备数据

    使用与 9.8 相同的数据：`X_train` 的维度 `(1347, 28, 28)`，标签 `y_train` 是 0～9 的整数。
    """)
    nb.code("""
    print('TensorFlow', tf.__version__)
    """)

    nb.md(r"""
    ### 9.9.2 定义 RNN 模型

    **任务**：实现 `build_lstm()`，返回一个**未编译**的 `tf.keras` 模型：输入维度 `(28, 28)`，
    `tf.keras.layers.LSTM(100)`（默认只输出最后一个时刻），`tf.keras.layers.Dense(10, activation='softmax')`。
    模型共有 52,610 个参数。
    """)
    nb.solution("build_lstm")
    nb.check("build_lstm")
    nb.code("""
    tf.keras.utils.set_random_seed(0)
    model = build_lstm()
    model.summary()
    print('Keras 模型参数个数：%d' % model.count_params())
    """)

    nb.md(r"""
    ### 9.9.3 损失函数与优化算法

    与第8章的 `train_cnn_tf` 相同：用 `model.compile` 设置优化器 `tf.keras.optimizers.Adam(learning_rate=1e-3)` 和
    整数标签的稀疏交叉熵损失 `'sparse_categorical_crossentropy'`（可以加上 `metrics=['accuracy']`），
    再用 `model.fit(x, y, epochs=epochs, batch_size=batch_size)` 训练，返回 `fit` 返回的 `History` 对象。

    **任务**：实现 `train_lstm_tf(model, x, y, epochs, batch_size)`。
    """)
    nb.solution("train_lstm_tf")
    nb.check("train_lstm_tf")

    nb.md(r"""
    ### 9.9.4 训练并测试

    训练 15 轮（CPU 上大约半分钟），测试集准确率约为 0.96～0.97。
    """)
    nb.code("""
    history = train_lstm_tf(model, X_train, y_train, epochs=15, batch_size=32)

    plt.plot(range(1, len(history.history['loss']) + 1), history.history['loss'])
    plt.xlabel('epoch')
    plt.ylabel('loss')
    plt.title('Keras LSTM')
    plt.show()

    predicted = model.predict(X_test, verbose=0).argmax(axis=1)
    print('Keras LSTM 测试集准确率：%.3f' % np.mean(predicted == y_test))
    """)
