"""Notebook spec of chapter 8: 卷积神经网络 (8.1-8.9): the conv layer from scratch in NumPy, LeNet-5 in
PyTorch, the book's CNN in TensorFlow 2 / Keras."""

# What the executed notebook prints (tests/test_nbgrader.py checks them in the autograded reference).
FIGURES = [
    r"\[\[ ?0\.? +30\.? +30\.? +0\.?\]",            # 8.3.2: the book's 6x6 image, first row of the edges
    r"LeNet-5 parameters: 44426",
    r"Keras CNN parameters: 3274634",
    r"LeNet-5 test accuracy: 0\.9[5-9]",
    r"Keras CNN test accuracy: 0\.9[5-9]",
]


def build(nb):
    nb.md(r"""
    # 第8章 卷积神经网络

    本章作业对应书中第8章。先用 NumPy 从零实现卷积层和池化层的前向传播与反向传播（8.3-8.6），
    再用 PyTorch 实现 LeNet-5（8.7、8.8），最后用 TensorFlow 2 / Keras 实现书中 8.9 节的卷积神经网络。

    书中的配套代码用 `torchvision` 下载 MNIST，用 TensorFlow 1 的 `input_data` 读取数据，二者在这里都无法运行。
    本作业默认使用 scikit-learn 自带的手写数字数据集 `load_digits`（离线可用，1797 张 8×8 的灰度图片），
    把每张图片用双线性插值放大为 28×28（`scipy.ndimage.zoom(img, 3.5, order=1)`），再把像素缩放到 $[0, 1]$，
    这样输入的尺寸与 MNIST 相同。如果本地有 MNIST（torchvision 的目录结构，路径由 8.8.1 节的变量 `MNIST_DIR` 指定），
    就像书中一样改用 MNIST 训练和测试。

    **作业说明**：在每个函数的 `# YOUR CODE HERE` 处完成代码（删除 `raise NotImplementedError()`），然后运行函数下方的检查单元。
    检查单元只运行可见测试；提交后还会用随机的形状和数值运行隐藏测试，所以函数只能使用参数，不要依赖笔记本中的全局变量，
    也不要把形状写死。NumPy 部分的数据布局是 **(m, n_H, n_W, n_C)**（样本在前、通道在后）：
    卷积核 `W` 的维度是 `(f, f, n_C_prev, n_C)`，偏置 `b` 的维度是 `(1, 1, 1, n_C)`。
    书中按样本、行、列、通道写四重循环；用 `np.einsum`、im2col 或 `sliding_window_view` 向量化也可以，float32 也可以。
    """)
    nb.code('''
    import numpy as np
    import matplotlib.pyplot as plt
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    import torch.optim as optim
    import tensorflow as tf

    np.random.seed(1)
    print('PyTorch', torch.__version__, '/ TensorFlow', tf.__version__)
    ''')

    nb.md(r"""
    ## 8.1 为什么选择 CNN

    全连接网络把图片拉伸成一维向量：一张 1000×1000 的彩色图片有 300 万个输入，第一层有 1000 个神经元就需要 30 亿个参数，
    而且丢掉了像素之间的空间关系。卷积神经网络（CNN）用同一个小卷积核扫过整张图片：
    **参数共享**（一个卷积核在所有位置使用相同的参数）和**稀疏连接**（每个输出只和输入的一小块区域有关）
    大大减少了参数个数，也让网络对平移不敏感。

    ## 8.2 CNN 基本结构

    典型的 CNN 由卷积层（CONV）、池化层（POOL）和全连接层（FC）组成，例如 CONV -> POOL -> CONV -> POOL -> FC -> FC -> softmax。
    卷积层和池化层提取特征，图片的高和宽逐渐变小、通道数逐渐变多；最后拉伸成一维向量，由全连接层分类。

    ## 8.3 卷积层

    ### 8.3.1 卷积

    卷积运算：卷积核（滤波器）覆盖在输入的一个窗口上，对应元素相乘再求和，得到输出的一个值；卷积核按步幅滑动，扫过整张图片。
    注意：深度学习中所说的“卷积”实际上是数学上的**互相关**（cross-correlation），卷积核**不翻转**。

    有多个输入通道时，卷积核也有同样多的通道，一个窗口 `a_slice_prev`（维度 $(f, f, n_{C\_prev})$）与一个卷积核 $W$
    对应元素相乘后全部求和，再加上该卷积核的偏置 $b$：

    $$
    Z = \sum_{i, j, k} a_{ijk} W_{ijk} + b
    $$

    **任务**：实现 `conv_single_step(a_slice_prev, W, b)`，返回一个数。`b` 是只有一个元素的数组 `(1, 1, 1)`，
    用 `b.item()` 或 `np.squeeze(b)` 取出这个数（NumPy 2 中 `float(b)` 对多维数组会报错）。
    """)
    nb.solution("conv_single_step")
    nb.check("conv_single_step")
    nb.code("""
    np.random.seed(1)
    a_slice_prev = np.random.randn(4, 4, 3)
    W = np.random.randn(4, 4, 3)
    b = np.random.randn(1, 1, 1)
    print('Z =', conv_single_step(a_slice_prev, W, b))
    """)

    nb.md(r"""
    ### 8.3.2 边缘检测

    书中用一个 3×3 的卷积核检测垂直边缘：左列为 1，中间列为 0，右列为 -1。
    在左边亮（10）、右边暗（0）的 6×6 图片上做卷积，得到 4×4 的输出，中间两列为 30，标出了图片中间的垂直边缘。

    **任务**：实现 `vertical_edge_kernel()`，返回这个 3×3 卷积核；实现 `detect_vertical_edges(image)`，
    对二维灰度图片做不填充、步幅为 1 的卷积（互相关），输出维度 $(n_H - 2, n_W - 2)$。
    """)
    nb.solution("vertical_edge_kernel")
    nb.check("vertical_edge_kernel")
    nb.solution("detect_vertical_edges")
    nb.check("detect_vertical_edges")
    nb.code("""
    image = np.array([[10, 10, 10, 0, 0, 0]] * 6, dtype=float)    # 书中的 6×6 图片
    print(detect_vertical_edges(image))

    # 一张更大的图片：左边亮、右边暗，中间还有一条亮竖线
    picture = np.zeros((20, 24))
    picture[:, :10] = 1.0
    picture[:, 16:18] = 1.0
    fig, axes = plt.subplots(1, 2, figsize=(8, 3))
    axes[0].imshow(picture, cmap='gray')
    axes[0].set_title('image')
    axes[1].imshow(detect_vertical_edges(picture), cmap='gray')
    axes[1].set_title('vertical edges')
    plt.show()
    """)

    nb.md(r"""
    ### 8.3.3 填充 Padding

    每做一次卷积，图片就变小一圈，边缘的像素也只被用到很少几次。**填充**（padding）在图片四周补 $p$ 圈 0 来解决这两个问题。
    输入边长为 $n$、卷积核边长为 $f$、填充 $p$ 时，输出边长为 $n + 2p - f + 1$。
    $p = 0$ 称为 valid 卷积；$p = (f - 1)/2$ 时输出与输入一样大，称为 same 卷积。

    **任务**：实现 `zero_pad(X, pad)`：只在高和宽两个维度上填充（`np.pad` 的 `pad_width` 为
    `((0, 0), (pad, pad), (pad, pad), (0, 0))`），样本和通道两个维度不填充。
    """)
    nb.solution("zero_pad")
    nb.check("zero_pad")
    nb.code("""
    np.random.seed(1)
    x = np.random.randn(4, 3, 3, 2)
    x_pad = zero_pad(x, 2)
    print('x.shape =', x.shape)
    print('x_pad.shape =', x_pad.shape)
    fig, axes = plt.subplots(1, 2)
    axes[0].set_title('x')
    axes[0].imshow(x[0, :, :, 0])
    axes[1].set_title('x_pad')
    axes[1].imshow(x_pad[0, :, :, 0])
    plt.show()
    """)

    nb.md(r"""
    ### 8.3.4 步幅 Stride

    步幅 $s$ 是卷积核每次移动的距离。输入边长 $n$、卷积核 $f$、填充 $p$、步幅 $s$ 时，输出边长为

    $$
    n_{out} = \left\lfloor \frac{n + 2p - f}{s} \right\rfloor + 1
    $$

    向下取整：卷积核超出（填充后的）图片的窗口不计算。

    **任务**：实现 `conv_output_size(n, f, pad, stride)`，返回整数。
    """)
    nb.solution("conv_output_size")
    nb.check("conv_output_size")
    nb.code("""
    print(conv_output_size(6, 3, 0, 1))    # 4
    print(conv_output_size(7, 3, 1, 2))    # 4
    print(conv_output_size(28, 5, 0, 1))   # 24
    """)

    nb.md(r"""
    ### 8.3.5 CNN 卷积

    卷积层有 $n_C$ 个卷积核，每个卷积核得到输出的一个通道。对每个样本 $i$、每个输出位置 $(h, w)$、每个卷积核 $c$：
    窗口的范围是 `vert_start = h * stride` 到 `vert_end = vert_start + f`、`horiz_start = w * stride` 到 `horiz_end = horiz_start + f`，
    取出填充后输入的窗口 `a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]`，与 `W[:, :, :, c]`、`b[:, :, :, c]`
    做一次卷积运算。输出维度为 $(m, n_H, n_W, n_C)$，$n_H$、$n_W$ 按 8.3.4 的公式计算。

    **任务**：实现 `conv_forward(A_prev, W, b, hparameters)`，`hparameters` 为 `{'stride': s, 'pad': p}`；
    返回 `(Z, cache)`，`cache = (A_prev, W, b, hparameters)` 供反向传播使用（存未填充的 `A_prev`）。
    """)
    nb.solution("conv_forward")
    nb.check("conv_forward")
    nb.code("""
    np.random.seed(1)
    A_prev = np.random.randn(10, 5, 7, 4)
    W = np.random.randn(3, 3, 4, 8)
    b = np.random.randn(1, 1, 1, 8)
    Z, cache_conv = conv_forward(A_prev, W, b, {'pad': 1, 'stride': 2})
    print('Z.shape =', Z.shape)       # (10, 3, 4, 8)
    print('Z 的均值 =', np.mean(Z))
    """)

    nb.md(r"""
    ### 8.3.6 卷积层的作用

    浅层的卷积核检测边缘、颜色等简单特征，深层的卷积核把它们组合成更复杂的形状。
    卷积层的参数个数只与卷积核有关：$(f \cdot f \cdot n_{C\_prev} + 1) \cdot n_C$，与输入图片的大小无关。

    ## 8.4 池化层

    池化层缩小特征图的高和宽，减少计算量，并让特征对小的平移不敏感。最大池化（max pooling）取每个窗口的最大值，
    平均池化（average pooling）取平均值。池化对每个通道分别进行，通道数不变；池化层没有要学习的参数，
    超参数是窗口大小 $f$ 和步幅 $s$（通常 $f = s = 2$，高和宽减半），一般不填充。

    **任务**：实现 `pool_forward(A_prev, hparameters, mode='max')`，`hparameters` 为 `{'f': f, 'stride': s}`，
    `mode` 为 `'max'` 或 `'average'`；返回 `(A, cache)`，`cache = (A_prev, hparameters)`。
    """)
    nb.solution("pool_forward")
    nb.check("pool_forward")
    nb.code("""
    np.random.seed(1)
    A_prev = np.random.randn(2, 5, 5, 3)
    hparameters = {'stride': 1, 'f': 3}
    A, cache = pool_forward(A_prev, hparameters)
    print('max pooling: A.shape =', A.shape)
    print(A[1, 1])
    A, cache = pool_forward(A_prev, hparameters, mode='average')
    print('average pooling: A.shape =', A.shape)
    print(A[1, 1])
    """)

    nb.md(r"""
    ## 8.5 全连接层

    经过若干卷积层和池化层之后，特征图被拉伸成一维向量，再接几个全连接层（与第5、6章的神经网络相同），
    最后一层用 softmax 输出各类别的概率。

    ## 8.6 CNN 模型

    深度学习框架会自动完成反向传播；这里用 NumPy 自己实现卷积层和池化层的反向传播，看清楚梯度是怎么流动的。

    **卷积层的反向传播**：设 $dZ$ 是卷积输出的梯度。前向传播中，输出 $Z_{i,h,w,c}$ 由窗口 $a_{slice}$ 与 $W_c$ 得到，所以

    $$
    \begin{aligned}
    dA_{prev}[\text{窗口}] &\mathrel{+}= W_c \cdot dZ_{i,h,w,c} \\
    dW_c &\mathrel{+}= a_{slice} \cdot dZ_{i,h,w,c} \\
    db_c &\mathrel{+}= dZ_{i,h,w,c}
    \end{aligned}
    $$

    对所有样本、位置和卷积核累加。$dA_{prev}$ 先在填充后的数组上累加，最后去掉填充（注意 `pad` 为 0 时 `pad:-pad` 是空切片）。
    这里 $dZ$ 已经是损失的梯度，$dW$、$db$ 对样本求和，不再除以 $m$。

    **任务**：实现 `conv_backward(dZ, cache)`，返回 `(dA_prev, dW, db)`，维度分别与 `A_prev`、`W`、`b` 相同。
    """)
    nb.solution("conv_backward")
    nb.check("conv_backward")
    nb.code("""
    np.random.seed(1)
    A_prev = np.random.randn(10, 4, 4, 3)
    W = np.random.randn(2, 2, 3, 8)
    b = np.random.randn(1, 1, 1, 8)
    Z, cache_conv = conv_forward(A_prev, W, b, {'pad': 2, 'stride': 2})
    dA_prev, dW, db = conv_backward(Z, cache_conv)
    print('dA_prev 的均值 =', np.mean(dA_prev))
    print('dW 的均值 =', np.mean(dW))
    print('db 的均值 =', np.mean(db))
    """)

    nb.md(r"""
    **最大池化的反向传播**：只有窗口中的最大值影响了输出，所以梯度只传给最大值所在的位置。
    用一个掩码记录最大值的位置：

    **任务**：实现 `create_mask_from_window(x)`：`x == np.max(x)`，最大值处为 True（1），其余为 False（0）。
    """)
    nb.solution("create_mask_from_window")
    nb.check("create_mask_from_window")
    nb.md(r"""
    **平均池化的反向传播**：窗口中的每个位置对输出的贡献都是 $1/(n_H n_W)$，所以梯度 $dz$ 被平均分配到窗口的每个位置。

    **任务**：实现 `distribute_value(dz, shape)`，返回维度为 `shape = (n_H, n_W)` 的数组，每个元素都是 $dz / (n_H n_W)$。
    """)
    nb.solution("distribute_value")
    nb.check("distribute_value")
    nb.md(r"""
    **任务**：实现 `pool_backward(dA, cache, mode='max')`：对每个样本、位置和通道，
    最大池化把 `mask * dA[i, h, w, c]` 加到 `dA_prev` 的对应窗口上（掩码来自 `A_prev` 的同一个窗口和通道），
    平均池化把 `distribute_value(dA[i, h, w, c], (f, f))` 加到对应窗口上。窗口可能重叠（步幅小于 $f$），所以要用 `+=` 累加。
    """)
    nb.solution("pool_backward")
    nb.check("pool_backward")
    nb.code("""
    np.random.seed(1)
    A_prev = np.random.randn(5, 5, 3, 2)
    hparameters = {'stride': 1, 'f': 2}
    A, cache = pool_forward(A_prev, hparameters)
    dA = np.random.randn(5, 4, 2, 2)
    for mode in ('max', 'average'):
        dA_prev = pool_backward(dA, cache, mode=mode)
        print(mode, ': dA_prev 的均值 =', np.mean(dA_prev), ', dA_prev[1, 1] =', dA_prev[1, 1].tolist())
    """)

    nb.md(r"""
    ## 8.7 典型的 CNN 模型

    ### 8.7.1 LeNet-5

    LeNet-5（LeCun 等，1998）用于识别手写数字：两组“卷积 + 池化”之后接三个全连接层。本作业按书中的 PyTorch 实现，
    输入为 1×28×28 的图片：

    | 层 | 设置 | 输出维度 |
    | --- | --- | --- |
    | conv1 + ReLU | 6 个 5×5 卷积核，步幅 1，不填充 | 6×24×24 |
    | pool1 | 2×2 最大池化，步幅 2 | 6×12×12 |
    | conv2 + ReLU | 16 个 5×5 卷积核 | 16×8×8 |
    | pool2 | 2×2 最大池化 | 16×4×4 |
    | 拉伸 | | 256 |
    | fc1 + ReLU | 全连接 | 120 |
    | fc2 + ReLU | 全连接 | 84 |
    | fc3 | 全连接（softmax 由损失函数完成） | 10 |

    共 44,426 个参数。（原始的 LeNet-5 输入是 32×32，拉伸后是 16×5×5 = 400。）

    ### 8.7.2 AlexNet

    AlexNet（2012）有 5 个卷积层和 3 个全连接层，约 6000 万个参数，使用 ReLU、Dropout 和 GPU 训练，
    在 ImageNet 比赛中大幅领先，使深度学习受到广泛关注。

    ## 8.8 CNN 的 PyTorch 实现

    ### 8.8.1 准备数据

    默认使用放大到 28×28 的 `load_digits`：固定的随机划分得到 1347 张训练图片、450 张测试图片。
    如果 `MNIST_DIR` 下有 MNIST 的原始文件（torchvision 下载后的目录结构：`MNIST_DIR/raw/train-images-idx3-ubyte` 等，
    `.gz` 压缩文件也可以），就改用 MNIST 的 60000 张训练图片和 10000 张测试图片。
    """)
    nb.code('''
    import gzip
    import os
    from scipy.ndimage import zoom
    from sklearn.datasets import load_digits

    MNIST_DIR = './datasets/ch08/MNIST'    # 本地 MNIST 的目录（torchvision 的目录结构）


    def read_idx(path):
        """读取 MNIST 的 idx 文件（或其 .gz 压缩文件），返回 uint8 数组"""
        with (gzip.open(path, 'rb') if path.endswith('.gz') else open(path, 'rb')) as f:
            data = f.read()
        ndim = data[3]
        shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(ndim))
        return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


    def mnist_file(name):
        """MNIST_DIR/raw 下名为 name（或 name.gz）的文件路径，没有则为 None"""
        for path in (os.path.join(MNIST_DIR, 'raw', name), os.path.join(MNIST_DIR, 'raw', name + '.gz')):
            if os.path.exists(path):
                return path
        return None


    files = [mnist_file(name) for name in ('train-images-idx3-ubyte', 'train-labels-idx1-ubyte',
                                           't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte')]
    if all(files):
        x_train, y_train, x_test, y_test = [read_idx(path) for path in files]
        x_train, x_test = x_train / 255.0, x_test / 255.0
        DATASET = 'MNIST'
    else:
        digits = load_digits()
        images = np.stack([zoom(image, 3.5, order=1) for image in digits.images])    # 8×8 -> 28×28，双线性插值
        images = np.clip(images / 16.0, 0.0, 1.0)                                     # 像素 0~16 -> [0, 1]
        perm = np.random.RandomState(0).permutation(len(images))
        x_train, x_test = images[perm[:1347]], images[perm[1347:]]
        y_train, y_test = digits.target[perm[:1347]], digits.target[perm[1347:]]
        DATASET = 'digits'

    x_train, x_test = x_train.astype(np.float32), x_test.astype(np.float32)
    y_train, y_test = y_train.astype(np.int64), y_test.astype(np.int64)
    print('数据集：', DATASET)
    print('训练图片：', x_train.shape, '测试图片：', x_test.shape)
    ''')
    nb.md(r"""
    PyTorch 的图片布局是 (batch, 通道, 高, 宽)：给图片加上通道维度，用 `TensorDataset` 和 `DataLoader` 按 mini-batch 读取。
    下面展示一些训练图片。
    """)
    nb.code("""
    torch.set_num_threads(1)    # LeNet-5 很小，单线程在 CPU 上训练就很快；多个进程同时运行时也不会因争抢 CPU 而变慢
    torch.manual_seed(0)
    train_set = torch.utils.data.TensorDataset(torch.tensor(x_train[:, None]), torch.tensor(y_train))
    test_set = torch.utils.data.TensorDataset(torch.tensor(x_test[:, None]), torch.tensor(y_test))
    trainloader = torch.utils.data.DataLoader(train_set, batch_size=32, shuffle=True)
    testloader = torch.utils.data.DataLoader(test_set, batch_size=256, shuffle=False)

    images, labels = next(iter(trainloader))
    fig, axes = plt.subplots(1, 8, figsize=(12, 2))
    for ax, image, label in zip(axes, images, labels):
        ax.imshow(image[0], cmap='gray')
        ax.set_title(int(label))
        ax.axis('off')
    plt.show()
    """)

    nb.md(r"""
    ### 8.8.2 定义 CNN 模型

    **任务**：实现 `LeNet5(nn.Module)`（8.7.1 的表格）：在 `__init__` 中定义 `conv1`、`conv2`（`nn.Conv2d`）、
    池化层（`nn.MaxPool2d(2, 2)` 或在 `forward` 中用 `F.max_pool2d`）和 `fc1`、`fc2`、`fc3`（`nn.Linear`），
    在 `forward` 中按顺序计算；拉伸用 `x.view(-1, 16 * 4 * 4)`。最后一层不做 softmax。
    层的属性名可以自己取，检查的是层的形状、参数个数和输出。
    """)
    nb.solution("LeNet5")
    nb.check("LeNet5")
    nb.code("""
    net = LeNet5()
    print(net)
    print('LeNet-5 parameters:', sum(p.numel() for p in net.parameters()))
    """)

    nb.md(r"""
    ### 8.8.3 损失函数与梯度优化

    多分类使用交叉熵损失 `nn.CrossEntropyLoss()`：它的输入是模型输出的得分（未经 softmax），标签是整数类别，
    内部先做 log-softmax 再求负对数似然，并对 batch 中的样本取平均。优化算法使用 Adam：`optim.Adam(model.parameters(), lr=lr)`。

    ### 8.8.4 训练模型

    每个 epoch 遍历一次训练集；对每个 mini-batch：梯度清零 `optimizer.zero_grad()`，前向传播，计算损失，
    反向传播 `loss.backward()`，更新参数 `optimizer.step()`。

    **任务**：实现 `train_model(model, loader, epochs, lr)`，返回每个 epoch 的平均损失（列表，长度为 `epochs`）。
    平均是**按样本**的：把每个 batch 的 `loss.item()` 乘以该 batch 的样本数累加，再除以样本总数 `len(loader.dataset)`
    （最后一个 batch 可能较小）。训练前调用 `model.train()`。
    """)
    nb.solution("train_model")
    nb.check("train_model")
    nb.md(r"""
    书中在 MNIST 上以学习率 1e-4、batch 大小 4 训练 5 个 epoch。这里的训练集小得多，用学习率 1e-3、batch 大小 32 训练 10 个 epoch
    （改用 MNIST 时训练 2 个 epoch），在 CPU 上约需 15 秒。
    """)
    nb.code("""
    torch.manual_seed(0)
    net = LeNet5()
    EPOCHS = 10 if DATASET == 'digits' else 2
    losses = train_model(net, trainloader, epochs=EPOCHS, lr=1e-3)
    for epoch, loss in enumerate(losses, 1):
        print('epoch %2d, loss: %.4f' % (epoch, loss))

    plt.plot(range(1, len(losses) + 1), losses)
    plt.xlabel('epoch')
    plt.ylabel('loss')
    plt.title('LeNet-5')
    plt.show()
    """)

    nb.md(r"""
    ### 8.8.5 测试模型

    测试时先调用 `model.eval()` 切换到测试模式（dropout、batch norm 等层在训练和测试时的行为不同），
    并在 `with torch.no_grad():` 中计算（不构建计算图，节省内存和时间）。预测类别是得分最大的类别 `torch.max(outputs, 1)`。

    **任务**：实现 `evaluate(model, loader)`，返回准确率：预测正确的样本数除以样本总数（0 到 1 之间的 Python float，
    不是百分数，也不是各个 batch 准确率的平均）。
    """)
    nb.solution("evaluate")
    nb.check("evaluate")
    nb.md(r"""
    书中 LeNet-5 在 MNIST 测试集上的准确率为 98.6%。在放大的 `load_digits` 上，实现正确时测试准确率约为 0.98。
    """)
    nb.code("""
    print('LeNet-5 train accuracy: %.3f' % evaluate(net, trainloader))
    print('LeNet-5 test accuracy: %.3f' % evaluate(net, testloader))
    """)

    nb.md(r"""
    ## 8.9 CNN 的 TensorFlow 实现

    书中用 TensorFlow 1 的 `placeholder`、`Session` 搭建网络；这里用 TensorFlow 2 的 Keras 实现同样的结构。

    ### 8.9.1 准备数据

    Keras 的图片布局是 (batch, 高, 宽, 通道)（与本章 NumPy 部分相同），标签直接用整数类别。
    """)
    nb.code("""
    tf.get_logger().setLevel('ERROR')    # 检查单元已用小模型调用过 fit：不再显示 TensorFlow 关于 retracing 的警告
    x_train_tf, x_test_tf = x_train[..., None], x_test[..., None]    # (m, 28, 28, 1)
    print(x_train_tf.shape, y_train.shape, x_test_tf.shape, y_test.shape)
    """)

    nb.md(r"""
    ### 8.9.2 定义 CNN 模型

    | 层 | 设置 | 输出维度 |
    | --- | --- | --- |
    | Conv2D + ReLU | 32 个 5×5 卷积核，`padding='same'` | 28×28×32 |
    | MaxPooling2D | 2×2 | 14×14×32 |
    | Conv2D + ReLU | 64 个 5×5 卷积核，`padding='same'` | 14×14×64 |
    | MaxPooling2D | 2×2 | 7×7×64 |
    | Flatten | | 3136 |
    | Dense + ReLU | | 1024 |
    | Dense + softmax | | 10 |

    共 3,274,634 个参数（几乎都在 3136 × 1024 的全连接层中）。

    **任务**：实现 `build_cnn()`，返回（未编译的）Keras 模型，输入为 `(28, 28, 1)`。
    用 `tf.keras.Sequential` 或函数式 API 都可以。
    """)
    nb.solution("build_cnn")
    nb.check("build_cnn")
    nb.code("""
    tf.keras.utils.set_random_seed(0)
    model = build_cnn()
    model.summary()
    print('Keras CNN parameters:', model.count_params())
    """)

    nb.md(r"""
    ### 8.9.3 损失函数与优化算法

    标签是整数类别，用稀疏交叉熵损失 `'sparse_categorical_crossentropy'`（相当于先 one-hot 再求交叉熵）；
    模型最后一层已经是 softmax，输出的是概率。优化算法用 Adam，学习率 1e-3（书中 TF1 代码用 1e-4，训练 1000 个 batch）。

    **任务**：实现 `train_cnn_tf(model, x, y, epochs, batch_size)`：用 `model.compile` 指定优化器 `tf.keras.optimizers.Adam(1e-3)`、
    损失函数（可以再加上准确率指标 `metrics=['accuracy']`），再用 `model.fit` 按给定的 `epochs` 和 `batch_size` 训练，返回 `fit` 返回的 `History`。
    """)
    nb.solution("train_cnn_tf")
    nb.check("train_cnn_tf")

    nb.md(r"""
    ### 8.9.4 训练并测试

    书中以 batch 大小 100 训练 1000 个 batch 后，在 MNIST 测试集上的准确率为 0.977。这里在放大的 `load_digits` 上
    以 batch 大小 16 训练 3 个 epoch（改用 MNIST 时 1 个 epoch），在 CPU 上约需半分钟；实现正确时测试准确率约为 0.98。
    """)
    nb.code("""
    tf.keras.utils.set_random_seed(0)    # 固定 mini-batch 的随机顺序，结果可以复现
    history = train_cnn_tf(model, x_train_tf, y_train, epochs=3 if DATASET == 'digits' else 1, batch_size=16)
    for epoch, loss in enumerate(history.history['loss'], 1):
        print('epoch %d, loss: %.4f' % (epoch, loss))

    plt.plot(range(1, len(history.history['loss']) + 1), history.history['loss'])
    plt.xlabel('epoch')
    plt.ylabel('loss')
    plt.title('Keras CNN')
    plt.show()

    test_loss, test_accuracy = model.evaluate(x_test_tf, y_test, verbose=0)
    print('Keras CNN test accuracy: %.3f' % test_accuracy)
    """)
