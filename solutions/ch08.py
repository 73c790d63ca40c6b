"""Chapter 8 - convolutional networks (reference solutions).

From scratch in NumPy (8.3-8.6): the layout is (m, n_H, n_W, n_C) (examples first, channels last),
a conv layer's W is (f, f, n_C_prev, n_C) and its b is (1, 1, 1, n_C).  "Convolution" is the
cross-correlation deep learning calls convolution: the kernel is not flipped.  The loops are the
book's four nested loops (example, row, column, channel), as in CS231n's layers.py.

Then LeNet-5 in PyTorch (8.8) and the book's CNN in TensorFlow 2 / Keras (8.9).
"""
import numpy as np
import tensorflow as tf
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


# ---------------------------------------------------------------------------------------------
# 8.3 convolutional layer
# ---------------------------------------------------------------------------------------------

def conv_output_size(n, f, pad, stride):
    """
    卷积（或池化）输出的边长（8.3.3、8.3.4）：⌊(n + 2p - f) / s⌋ + 1

    函数输入：
        - n：输入的边长（高 n_H_prev 或宽 n_W_prev）
        - f：卷积核（滤波器）的边长
        - pad：填充 padding 的宽度 p
        - stride：步幅 s
    函数输出：
        - n_out：输出的边长，整数
    """
    n_out = (n + 2 * pad - f) // stride + 1   # floor division: a window that does not fit is dropped
    return n_out


def zero_pad(X, pad):
    """
    零填充 padding（8.3.3）：在每张图片的上下左右各补 pad 行（列）0，样本和通道两个维度不填充

    函数输入：
        - X：一批图片，维度 (m, n_H, n_W, n_C)
        - pad：填充宽度
    函数输出：
        - X_pad：填充后的图片，维度 (m, n_H + 2*pad, n_W + 2*pad, n_C)
    """
    X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode='constant', constant_values=0)
    return X_pad


def conv_single_step(a_slice_prev, W, b):
    """
    一次卷积运算（8.3.1）：一个窗口与一个卷积核对应元素相乘、求和，再加上偏置

    函数输入：
        - a_slice_prev：输入中的一个窗口，维度 (f, f, n_C_prev)
        - W：一个卷积核的权重，维度 (f, f, n_C_prev)
        - b：该卷积核的偏置，维度 (1, 1, 1)
    函数输出：
        - Z：一个数（标量），窗口在该卷积核下的输出
    """
    s = a_slice_prev * W         # element-wise product, no flipping of the kernel
    Z = np.sum(s)
    Z = Z + b.item()             # b is an array of one element; b.item() is that number
    return Z


def conv_forward(A_prev, W, b, hparameters):
    """
    卷积层的前向传播（8.3.5）

    函数输入：
        - A_prev：上一层的输出，维度 (m, n_H_prev, n_W_prev, n_C_prev)
        - W：卷积核权重，维度 (f, f, n_C_prev, n_C)
        - b：卷积核偏置，维度 (1, 1, 1, n_C)
        - hparameters：字典，包含 'stride'（步幅）和 'pad'（填充宽度）
    函数输出：
        - Z：卷积输出，维度 (m, n_H, n_W, n_C)
        - cache：存储 (A_prev, W, b, hparameters)，供反向传播使用
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters['stride']
    pad = hparameters['pad']

    n_H = conv_output_size(n_H_prev, f, pad, stride)
    n_W = conv_output_size(n_W_prev, f, pad, stride)
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)

    for i in range(m):                          # each example
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):                    # each output row
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):                # each output column
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):            # each kernel (output channel)
                    a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])

    cache = (A_prev, W, b, hparameters)
    return Z, cache


# ---------------------------------------------------------------------------------------------
# 8.4 pooling layer
# ---------------------------------------------------------------------------------------------

def pool_forward(A_prev, hparameters, mode='max'):
    """
    池化层的前向传播（8.4）：每个通道分别取窗口中的最大值（max）或平均值（average）

    函数输入：
        - A_prev：上一层的输出，维度 (m, n_H_prev, n_W_prev, n_C)
        - hparameters：字典，包含 'f'（窗口边长）和 'stride'（步幅）
        - mode：'max' 或 'average'
    函数输出：
        - A：池化输出，维度 (m, n_H, n_W, n_C)
        - cache：存储 (A_prev, hparameters)，供反向传播使用
    """
    (m, n_H_prev, n_W_prev, n_C) = A_prev.shape
    f = hparameters['f']
    stride = hparameters['stride']

    n_H = conv_output_size(n_H_prev, f, 0, stride)   # pooling has no padding
    n_W = conv_output_size(n_W_prev, f, 0, stride)
    A = np.zeros((m, n_H, n_W, n_C))

    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):            # channels are pooled separately
                    a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]
                    if mode == 'max':
                        A[i, h, w, c] = np.max(a_prev_slice)
                    elif mode == 'average':
                        A[i, h, w, c] = np.mean(a_prev_slice)

    cache = (A_prev, hparameters)
    return A, cache


# ---------------------------------------------------------------------------------------------
# 8.6 backward propagation of the conv and pooling layers
# ---------------------------------------------------------------------------------------------

def conv_backward(dZ, cache):
    """
    卷积层的反向传播

    函数输入：
        - dZ：卷积输出 Z 的梯度，维度 (m, n_H, n_W, n_C)
        - cache：conv_forward 存储的 (A_prev, W, b, hparameters)
    函数输出：
        - dA_prev：A_prev 的梯度，维度 (m, n_H_prev, n_W_prev, n_C_prev)
        - dW：W 的梯度，维度 (f, f, n_C_prev, n_C)
        - db：b 的梯度，维度 (1, 1, 1, n_C)
    """
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters['stride']
    pad = hparameters['pad']
    (m, n_H, n_W, n_C) = dZ.shape

    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)

    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    # each input of the window contributed W * (that input) to Z[i, h, w, c]
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        # drop the padding again (pad:-pad would be empty when pad == 0)
        dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]

    return dA_prev, dW, db


def create_mask_from_window(x):
    """
    最大池化反向传播用的掩码：窗口中最大值的位置为 True，其余为 False

    函数输入：
        - x：一个窗口，维度 (f, f)
    函数输出：
        - mask：与 x 维度相同，x 的最大值处为 True
    """
    mask = (x == np.max(x))
    return mask


def distribute_value(dz, shape):
    """
    平均池化反向传播：把一个梯度值平均分配到窗口的每个位置

    函数输入：
        - dz：一个数，池化输出某个位置的梯度
        - shape：窗口的维度 (n_H, n_W)
    函数输出：
        - a：维度为 shape 的数组，每个元素都是 dz / (n_H * n_W)
    """
    (n_H, n_W) = shape
    average = dz / (n_H * n_W)
    a = np.ones(shape) * average
    return a


def pool_backward(dA, cache, mode='max'):
    """
    池化层的反向传播

    函数输入：
        - dA：池化输出 A 的梯度，维度 (m, n_H, n_W, n_C)
        - cache：pool_forward 存储的 (A_prev, hparameters)
        - mode：'max' 或 'average'
    函数输出：
        - dA_prev：A_prev 的梯度，维度 (m, n_H_prev, n_W_prev, n_C)
    """
    (A_prev, hparameters) = cache
    stride = hparameters['stride']
    f = hparameters['f']
    (m, n_H, n_W, n_C) = dA.shape

    dA_prev = np.zeros(A_prev.shape)

    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    if mode == 'max':
                        # only the maximum of the window passed its value on
                        a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                        mask = create_mask_from_window(a_prev_slice)
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += mask * dA[i, h, w, c]
                    elif mode == 'average':
                        # every input of the window counted 1 / (f * f)
                        da = dA[i, h, w, c]
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += distribute_value(da, (f, f))

    return dA_prev


# ---------------------------------------------------------------------------------------------
# 8.3.2 edge detection
# ---------------------------------------------------------------------------------------------

def vertical_edge_kernel():
    """
    垂直边缘检测的 3×3 卷积核（8.3.2）：左列为 1，中间列为 0，右列为 -1

    函数输入：无
    函数输出：
        - kernel：维度 (3, 3) 的数组
    """
    kernel = np.array([[1, 0, -1],
                       [1, 0, -1],
                       [1, 0, -1]])
    return kernel


def detect_vertical_edges(image):
    """
    用垂直边缘检测核对灰度图片做卷积（8.3.2），不填充、步幅为 1（'valid' 卷积）

    函数输入：
        - image：灰度图片，维度 (n_H, n_W)
    函数输出：
        - edges：卷积输出，维度 (n_H - 2, n_W - 2)
    """
    kernel = vertical_edge_kernel()
    (n_H, n_W) = image.shape
    edges = np.zeros((n_H - 2, n_W - 2))
    for h in range(n_H - 2):
        for w in range(n_W - 2):
            edges[h, w] = np.sum(image[h:h + 3, w:w + 3] * kernel)
    return edges


# ---------------------------------------------------------------------------------------------
# 8.8 LeNet-5 in PyTorch
# ---------------------------------------------------------------------------------------------

class LeNet5(nn.Module):
    """
    LeNet-5（8.7.1、8.8.2），输入为 1×28×28 的灰度图片：
        conv1 6@5×5 -> ReLU -> 2×2 最大池化 -> conv2 16@5×5 -> ReLU -> 2×2 最大池化
        -> 拉伸为 16×4×4 = 256 维 -> fc1 120 -> ReLU -> fc2 84 -> ReLU -> fc3 10

    函数输入（forward）：
        - x：torch.Tensor，维度 (batch, 1, 28, 28)
    函数输出（forward）：
        - out：torch.Tensor，维度 (batch, 10)，10 个类别的得分（未经 softmax：
               nn.CrossEntropyLoss 自己会做 softmax）
    """

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)        # 1 input channel, 6 output channels, 5x5 kernel
        self.pool1 = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)       # 6 input channels, 16 output channels, 5x5 kernel
        self.pool2 = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)  # 28 -> 24 -> 12 -> 8 -> 4
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))  # (batch, 6, 12, 12)
        x = self.pool2(F.relu(self.conv2(x)))  # (batch, 16, 4, 4)
        x = x.view(-1, 16 * 4 * 4)             # flatten to (batch, 256)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)                        # scores, no softmax
        return x


def train_model(model, loader, epochs, lr):
    """
    训练模型（8.8.3、8.8.4）：nn.CrossEntropyLoss 交叉熵损失，optim.Adam 优化

    函数输入：
        - model：nn.Module，输出各类别的得分
        - loader：DataLoader，每次给出一个 mini-batch (inputs, labels)，labels 为整数类别
        - epochs：遍历训练集的次数
        - lr：Adam 的学习率
    函数输出：
        - losses：列表，长度为 epochs，每个 epoch 的平均损失（按样本平均，Python float）
    """
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=lr)
    losses = []
    model.train()
    for epoch in range(epochs):
        running_loss = 0.0
        for inputs, labels in loader:
            optimizer.zero_grad()               # clear the gradients of the previous batch
            outputs = model(inputs)
            loss = criterion(outputs, labels)   # mean loss of the batch
            loss.backward()
            optimizer.step()
            running_loss += loss.item() * inputs.size(0)
        losses.append(running_loss / len(loader.dataset))
    return losses


def evaluate(model, loader):
    """
    测试模型（8.8.5）：预测类别为得分最大的类别，返回准确率

    函数输入：
        - model：nn.Module，输出各类别的得分
        - loader：DataLoader，给出 (images, labels)
    函数输出：
        - accuracy：预测正确的样本数 / 样本总数，0 到 1 之间的 Python float
    """
    model.eval()                                # evaluation mode (dropout, batch norm)
    correct = 0
    total = 0
    with torch.no_grad():                       # no graph, no gradients
        for images, labels in loader:
            outputs = model(images)
            _, predicted = torch.max(outputs, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    accuracy = correct / total
    return accuracy


# ---------------------------------------------------------------------------------------------
# 8.9 the CNN in TensorFlow 2 / Keras
# ---------------------------------------------------------------------------------------------

def build_cnn():
    """
    书中 8.9.2 的卷积神经网络（Keras 实现），输入为 28×28×1 的灰度图片：
        conv 32@5×5 same + ReLU -> 2×2 最大池化 -> conv 64@5×5 same + ReLU -> 2×2 最大池化
        -> 拉伸 7×7×64 -> 全连接 1024 + ReLU -> 全连接 10 + softmax

    函数输入：无
    函数输出：
        - model：tf.keras 模型（未编译），输出维度 (batch, 10)，共 3,274,634 个参数
    """
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(28, 28, 1)),
        tf.keras.layers.Conv2D(32, 5, padding='same', activation='relu'),   # 28x28x32
        tf.keras.layers.MaxPooling2D(2),                                     # 14x14x32
        tf.keras.layers.Conv2D(64, 5, padding='same', activation='relu'),   # 14x14x64
        tf.keras.layers.MaxPooling2D(2),                                     # 7x7x64
        tf.keras.layers.Flatten(),                                           # 3136
        tf.keras.layers.Dense(1024, activation='relu'),
        tf.keras.layers.Dense(10, activation='softmax'),
    ])
    return model


def train_cnn_tf(model, x, y, epochs, batch_size):
    """
    训练 Keras 模型（8.9.3、8.9.4）：Adam(1e-3)，稀疏交叉熵损失（标签为整数类别）

    函数输入：
        - model：build_cnn() 返回的模型（或结构类似、输出 softmax 概率的模型）
        - x：训练图片，维度 (m, 28, 28, 1)
        - y：整数标签，维度 (m,)
        - epochs：遍历训练集的次数
        - batch_size：mini-batch 的大小
    函数输出：
        - history：model.fit 返回的 History，history.history['loss'] 为每个 epoch 的损失
    """
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
                  loss='sparse_categorical_crossentropy',
                  metrics=['accuracy'])
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)
    return history
