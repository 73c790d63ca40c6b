"""Chapter 9 reference: recurrent networks (9.2-9.9).

From scratch in NumPy (9.2-9.6): the RNN cell and sequence forward and backward passes, the GRU cell
of 9.5, the LSTM cell forward and backward and the LSTM over a sequence, gradient clipping (9.4).
Layouts: xt (n_x, m), a_prev (n_a, m), x (n_x, m, T_x): one column per example, the last axis is time.
Caches and returned dicts follow the widely used deeplearning.ai exercises.

With the frameworks: an LSTM classifier of digit images in PyTorch (9.8), read row by row (28 time
steps of 28 pixels), trained and evaluated as in chapter 8, and the same idea in Keras (9.9).
"""
import importlib

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim


class _ImportOnFirstUse:
    """`tf` below: TensorFlow is imported the first time a Keras function uses it (the notebook
    imports it in a setup cell), so that the NumPy and PyTorch parts load without its import time."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attribute):
        return getattr(importlib.import_module(self._name), attribute)


tf = _ImportOnFirstUse("tensorflow")


def sigmoid(x):
    """
    Sigmoid 激活函数（已实现，直接使用）。

    函数输入：
        - x：任意维度的 numpy 数组
    函数输出：
        - s：1 / (1 + e^(-x))，维度与 x 相同
    """
    s = 1 / (1 + np.exp(-x))
    return s


def softmax(x):
    """
    Softmax 函数，按列计算（每一列是一个样本）；先减去最大值，输入很大时也不会溢出。

    函数输入：
        - x：numpy 数组，维度 (n_y, m)
    函数输出：
        - s：softmax 输出，维度 (n_y, m)，每一列的和为 1
    """
    e_x = np.exp(x - np.max(x, axis=0, keepdims=True))
    s = e_x / np.sum(e_x, axis=0, keepdims=True)
    return s


# ------------------------------------------------------------------------------------------------
# 9.2-9.3 RNN
# ------------------------------------------------------------------------------------------------

def rnn_cell_forward(xt, a_prev, parameters):
    """
    RNN 单元的一步前向传播（9.2）：
        a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)，ŷ<t> = softmax(Wya a<t> + by)

    函数输入：
        - xt：t 时刻的输入，维度 (n_x, m)
        - a_prev：t-1 时刻的隐藏状态，维度 (n_a, m)
        - parameters：参数字典
            Wax：输入的权重，维度 (n_a, n_x)
            Waa：隐藏状态的权重，维度 (n_a, n_a)
            Wya：隐藏状态到输出的权重，维度 (n_y, n_a)
            ba：偏置，维度 (n_a, 1)
            by：输出的偏置，维度 (n_y, 1)
    函数输出：
        - a_next：t 时刻的隐藏状态，维度 (n_a, m)
        - yt_pred：t 时刻的预测输出，维度 (n_y, m)
        - cache：反向传播需要的元组 (a_next, a_prev, xt, parameters)
    """
    Wax, Waa, Wya = parameters['Wax'], parameters['Waa'], parameters['Wya']
    ba, by = parameters['ba'], parameters['by']
    a_next = np.tanh(np.dot(Waa, a_prev) + np.dot(Wax, xt) + ba)
    yt_pred = softmax(np.dot(Wya, a_next) + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache


def rnn_forward(x, a0, parameters):
    """
    RNN 在整个序列上的前向传播：从 a0 开始，每个时刻调用一次 rnn_cell_forward。

    函数输入：
        - x：输入序列，维度 (n_x, m, T_x)
        - a0：初始隐藏状态，维度 (n_a, m)
        - parameters：参数字典 Wax, Waa, Wya, ba, by（见 rnn_cell_forward）
    函数输出：
        - a：每个时刻的隐藏状态，维度 (n_a, m, T_x)
        - y_pred：每个时刻的预测输出，维度 (n_y, m, T_x)
        - caches：元组 (caches 列表, x)，列表中依次是每个时刻 rnn_cell_forward 的 cache
    """
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters['Wya'].shape
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    a_next = a0
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        caches.append(cache)
    caches = (caches, x)
    return a, y_pred, caches


def rnn_cell_backward(da_next, cache):
    """
    RNN 单元的一步反向传播（9.3）。记 z = Waa a_prev + Wax xt + ba，a_next = tanh(z)，
    tanh 的导数为 1 - a_next²。

    函数输入：
        - da_next：损失对 a_next 的梯度，维度 (n_a, m)
        - cache：rnn_cell_forward 的 cache (a_next, a_prev, xt, parameters)
    函数输出：
        - gradients：梯度字典
            dxt：对输入 xt 的梯度，维度 (n_x, m)
            da_prev：对 a_prev 的梯度，维度 (n_a, m)
            dWax：维度 (n_a, n_x)
            dWaa：维度 (n_a, n_a)
            dba：维度 (n_a, 1)
    """
    a_next, a_prev, xt, parameters = cache
    Wax, Waa = parameters['Wax'], parameters['Waa']
    dz = da_next * (1 - a_next ** 2)        # through tanh: tanh'(z) = 1 - tanh(z)^2
    dxt = np.dot(Wax.T, dz)
    dWax = np.dot(dz, xt.T)
    da_prev = np.dot(Waa.T, dz)
    dWaa = np.dot(dz, a_prev.T)
    dba = np.sum(dz, axis=1, keepdims=True)  # summed over the m examples
    gradients = {'dxt': dxt, 'da_prev': da_prev, 'dWax': dWax, 'dWaa': dWaa, 'dba': dba}
    return gradients


def rnn_backward(da, caches):
    """
    RNN 在整个序列上的反向传播（随时间反向传播，BPTT）：从最后一个时刻往前，每一步的上游梯度是
    该时刻输出给出的 da[:, :, t] 加上从 t+1 时刻传回来的 da_prev；参数梯度对所有时刻求和。

    函数输入：
        - da：损失对每个时刻隐藏状态的（上游）梯度，维度 (n_a, m, T_x)
        - caches：rnn_forward 返回的 (caches 列表, x)
    函数输出：
        - gradients：梯度字典
            dx：对输入序列的梯度，维度 (n_x, m, T_x)
            da0：对初始隐藏状态的梯度，维度 (n_a, m)
            dWax：维度 (n_a, n_x)
            dWaa：维度 (n_a, n_a)
            dba：维度 (n_a, 1)
    """
    caches, x = caches
    n_a, m, T_x = da.shape
    n_x = x.shape[0]
    dx = np.zeros((n_x, m, T_x))
    dWax = np.zeros((n_a, n_x))
    dWaa = np.zeros((n_a, n_a))
    dba = np.zeros((n_a, 1))
    da_prevt = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        gradients = rnn_cell_backward(da[:, :, t] + da_prevt, caches[t])
        dx[:, :, t] = gradients['dxt']
        da_prevt = gradients['da_prev']
        dWax += gradients['dWax']         # the same parameters at every step: sum over time
        dWaa += gradients['dWaa']
        dba += gradients['dba']
    da0 = da_prevt
    gradients = {'dx': dx, 'da0': da0, 'dWax': dWax, 'dWaa': dWaa, 'dba': dba}
    return gradients


# ------------------------------------------------------------------------------------------------
# 9.5 GRU
# ------------------------------------------------------------------------------------------------

def gru_cell_forward(xt, c_prev, parameters):
    """
    GRU 单元的一步前向传播（9.5），[c, x] 表示把 c 和 x 按行拼接：
        Γu = σ(Wu [c<t-1>, x<t>] + bu)               更新门
        Γr = σ(Wr [c<t-1>, x<t>] + br)               相关门（重置门）
        c̃<t> = tanh(Wc [Γr ⊙ c<t-1>, x<t>] + bc)     候选值
        c<t> = Γu ⊙ c̃<t> + (1 - Γu) ⊙ c<t-1>

    函数输入：
        - xt：t 时刻的输入，维度 (n_x, m)
        - c_prev：t-1 时刻的记忆细胞（GRU 中即隐藏状态），维度 (n_c, m)
        - parameters：参数字典
            Wu, Wr, Wc：维度 (n_c, n_c + n_x)
            bu, br, bc：维度 (n_c, 1)
    函数输出：
        - c_next：t 时刻的记忆细胞，维度 (n_c, m)
        - cache：元组 (c_next, c_prev, ut, rt, cct, xt, parameters)
    """
    Wu, bu = parameters['Wu'], parameters['bu']
    Wr, br = parameters['Wr'], parameters['br']
    Wc, bc = parameters['Wc'], parameters['bc']
    concat = np.concatenate((c_prev, xt), axis=0)          # [c<t-1>, x<t>]
    ut = sigmoid(np.dot(Wu, concat) + bu)
    rt = sigmoid(np.dot(Wr, concat) + br)
    concat_r = np.concatenate((rt * c_prev, xt), axis=0)   # [Γr ⊙ c<t-1>, x<t>]
    cct = np.tanh(np.dot(Wc, concat_r) + bc)
    c_next = ut * cct + (1 - ut) * c_prev
    cache = (c_next, c_prev, ut, rt, cct, xt, parameters)
    return c_next, cache


# ------------------------------------------------------------------------------------------------
# 9.6 LSTM
# ------------------------------------------------------------------------------------------------

def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    """
    LSTM 单元的一步前向传播（9.6），[a, x] 表示把 a<t-1> 和 x<t> 按行拼接：
        Γf = σ(Wf [a<t-1>, x<t>] + bf)      遗忘门
        Γi = σ(Wi [a<t-1>, x<t>] + bi)      更新门（输入门）
        c̃<t> = tanh(Wc [a<t-1>, x<t>] + bc) 候选值
        c<t> = Γf ⊙ c<t-1> + Γi ⊙ c̃<t>
        Γo = σ(Wo [a<t-1>, x<t>] + bo)      输出门
        a<t> = Γo ⊙ tanh(c<t>)，ŷ<t> = softmax(Wy a<t> + by)

    函数输入：
        - xt：t 时刻的输入，维度 (n_x, m)
        - a_prev：t-1 时刻的隐藏状态，维度 (n_a, m)
        - c_prev：t-1 时刻的记忆细胞，维度 (n_a, m)
        - parameters：参数字典
            Wf, Wi, Wc, Wo：维度 (n_a, n_a + n_x)
            bf, bi, bc, bo：维度 (n_a, 1)
            Wy：维度 (n_y, n_a)，by：维度 (n_y, 1)
    函数输出：
        - a_next：t 时刻的隐藏状态，维度 (n_a, m)
        - c_next：t 时刻的记忆细胞，维度 (n_a, m)
        - yt_pred：t 时刻的预测输出，维度 (n_y, m)
        - cache：元组 (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    """
    Wf, bf = parameters['Wf'], parameters['bf']
    Wi, bi = parameters['Wi'], parameters['bi']
    Wc, bc = parameters['Wc'], parameters['bc']
    Wo, bo = parameters['Wo'], parameters['bo']
    Wy, by = parameters['Wy'], parameters['by']
    concat = np.concatenate((a_prev, xt), axis=0)   # [a<t-1>, x<t>], (n_a + n_x, m)
    ft = sigmoid(np.dot(Wf, concat) + bf)
    it = sigmoid(np.dot(Wi, concat) + bi)
    cct = np.tanh(np.dot(Wc, concat) + bc)
    c_next = ft * c_prev + it * cct
    ot = sigmoid(np.dot(Wo, concat) + bo)
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(np.dot(Wy, a_next) + by)
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    return a_next, c_next, yt_pred, cache


def lstm_forward(x, a0, parameters):
    """
    LSTM 在整个序列上的前向传播：a 从 a0 开始，记忆细胞 c 从 0 开始，每个时刻调用一次 lstm_cell_forward。

    函数输入：
        - x：输入序列，维度 (n_x, m, T_x)
        - a0：初始隐藏状态，维度 (n_a, m)
        - parameters：参数字典（见 lstm_cell_forward）
    函数输出：
        - a：每个时刻的隐藏状态，维度 (n_a, m, T_x)
        - y：每个时刻的预测输出，维度 (n_y, m, T_x)
        - c：每个时刻的记忆细胞，维度 (n_a, m, T_x)
        - caches：元组 (caches 列表, x)，列表中依次是每个时刻 lstm_cell_forward 的 cache
    """
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters['Wy'].shape
    a = np.zeros((n_a, m, T_x))
    c = np.zeros((n_a, m, T_x))
    y = np.zeros((n_y, m, T_x))
    a_next = a0
    c_next = np.zeros((n_a, m))
    for t in range(T_x):
        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        a[:, :, t] = a_next
        c[:, :, t] = c_next
        y[:, :, t] = yt
        caches.append(cache)
    caches = (caches, x)
    return a, y, c, caches


def lstm_cell_backward(da_next, dc_next, cache):
    """
    LSTM 单元的一步反向传播。下面的 dΓ 都是对各个门 sigmoid / tanh 之前的线性输出的梯度：
        dc = dc_next + da_next ⊙ Γo ⊙ (1 - tanh²(c_next))      （c_next 的全部梯度）
        dΓo = da_next ⊙ tanh(c_next) ⊙ Γo ⊙ (1 - Γo)
        dc̃ = dc ⊙ Γi ⊙ (1 - c̃²)
        dΓi = dc ⊙ c̃ ⊙ Γi ⊙ (1 - Γi)
        dΓf = dc ⊙ c_prev ⊙ Γf ⊙ (1 - Γf)
        dW = dΓ [a_prev, xt]ᵀ，db = Σ dΓ（对 m 个样本求和），dc_prev = dc ⊙ Γf
        da_prev、dxt：Wᵀ dΓ（四个门求和）的前 n_a 行和后 n_x 行

    函数输入：
        - da_next：损失对 a_next 的梯度，维度 (n_a, m)
        - dc_next：损失对 c_next 的梯度，维度 (n_a, m)
        - cache：lstm_cell_forward 的 cache
    函数输出：
        - gradients：梯度字典
            dxt：维度 (n_x, m)；da_prev、dc_prev：维度 (n_a, m)
            dWf, dWi, dWc, dWo：维度 (n_a, n_a + n_x)
            dbf, dbi, dbc, dbo：维度 (n_a, 1)
    """
    (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters) = cache
    n_a = a_next.shape[0]
    concat = np.concatenate((a_prev, xt), axis=0)
    dc = dc_next + da_next * ot * (1 - np.tanh(c_next) ** 2)
    dot = da_next * np.tanh(c_next) * ot * (1 - ot)
    dcct = dc * it * (1 - cct ** 2)
    dit = dc * cct * it * (1 - it)
    dft = dc * c_prev * ft * (1 - ft)
    dWf = np.dot(dft, concat.T)
    dWi = np.dot(dit, concat.T)
    dWc = np.dot(dcct, concat.T)
    dWo = np.dot(dot, concat.T)
    dbf = np.sum(dft, axis=1, keepdims=True)
    dbi = np.sum(dit, axis=1, keepdims=True)
    dbc = np.sum(dcct, axis=1, keepdims=True)
    dbo = np.sum(dot, axis=1, keepdims=True)
    dconcat = (np.dot(parameters['Wf'].T, dft) + np.dot(parameters['Wi'].T, dit)
               + np.dot(parameters['Wc'].T, dcct) + np.dot(parameters['Wo'].T, dot))
    da_prev = dconcat[:n_a, :]
    dxt = dconcat[n_a:, :]
    dc_prev = dc * ft
    gradients = {'dxt': dxt, 'da_prev': da_prev, 'dc_prev': dc_prev, 'dWf': dWf, 'dbf': dbf,
                 'dWi': dWi, 'dbi': dbi, 'dWc': dWc, 'dbc': dbc, 'dWo': dWo, 'dbo': dbo}
    return gradients


# ------------------------------------------------------------------------------------------------
# 9.4 gradient clipping
# ------------------------------------------------------------------------------------------------

def clip(gradients, max_value):
    """
    梯度修剪（9.4）：把梯度字典中每个数组的每个元素限制在 [-max_value, max_value] 之内，防止梯度爆炸。

    函数输入：
        - gradients：梯度字典，如 {'dWaa': ..., 'dWax': ..., 'dWya': ..., 'db': ..., 'dby': ...}
        - max_value：阈值，大于 max_value 的元素变成 max_value，小于 -max_value 的变成 -max_value
    函数输出：
        - gradients：修剪后的梯度字典（键与输入相同）
    """
    for key, gradient in gradients.items():
        np.clip(gradient, -max_value, max_value, out=gradient)   # in place
    return gradients


# ------------------------------------------------------------------------------------------------
# 9.8 PyTorch: an LSTM reads a digit image row by row
# ------------------------------------------------------------------------------------------------

class LSTMNet(nn.Module):
    """
    用 LSTM 识别手写数字（9.8）：把 28×28 的图片看成 28 个时刻的序列，每个时刻输入一行 28 个像素。
    两层 LSTM（每层 84 个隐藏单元），最后一个时刻的输出经全连接层得到 10 个类别的得分（共 96,274 个参数）。

    forward 的输入：
        - x：图片，维度 (batch, 28, 28)，即 (batch, time_step, input_size)
    forward 的输出：
        - out：10 个类别的得分（未经 softmax），维度 (batch, 10)
    """

    def __init__(self):
        super(LSTMNet, self).__init__()
        self.rnn = nn.LSTM(input_size=28,      # 每个时刻输入图片的一行：28 个像素
                           hidden_size=84,     # 隐藏单元个数
                           num_layers=2,       # 两层 LSTM
                           batch_first=True)   # 输入维度 (batch, time_step, input_size)
        self.out = nn.Linear(84, 10)           # 输出层：10 个类别

    def forward(self, x):
        r_out, (h_n, c_n) = self.rnn(x)        # r_out: (batch, 28, 84)，每个时刻第二层的输出
        out = self.out(r_out[:, -1, :])        # 只用最后一个时刻的输出做分类
        return out


def train_model(model, loader, epochs, lr):
    """
    训练模型（与第8章相同）：Adam 优化器、交叉熵损失 nn.CrossEntropyLoss。

    函数输入：
        - model：nn.Module 模型
        - loader：DataLoader，每次给出一个 batch 的 (inputs, labels)
        - epochs：训练轮数
        - lr：学习率
    函数输出：
        - losses：列表，每一轮训练的平均损失（按样本平均），长度为 epochs
    """
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=lr)
    losses = []
    for epoch in range(epochs):
        model.train()
        total, count = 0.0, 0
        for inputs, labels in loader:
            optimizer.zero_grad()               # clear the gradients of the previous batch
            loss = criterion(model(inputs), labels)
            loss.backward()
            optimizer.step()
            total += loss.item() * labels.size(0)
            count += labels.size(0)
        losses.append(total / count)
    return losses


def evaluate(model, loader):
    """
    计算模型在数据集上的准确率（与第8章相同）。

    函数输入：
        - model：nn.Module 模型
        - loader：DataLoader，每次给出一个 batch 的 (inputs, labels)
    函数输出：
        - accuracy：预测正确的样本数 / 样本总数，0 到 1 之间的浮点数
    """
    model.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for inputs, labels in loader:
            predicted = model(inputs).argmax(dim=1)
            correct += (predicted == labels).sum().item()
            total += labels.size(0)
    accuracy = correct / total
    return accuracy


# ------------------------------------------------------------------------------------------------
# 9.9 TensorFlow 2 / Keras
# ------------------------------------------------------------------------------------------------

def build_lstm():
    """
    用 Keras 搭建 LSTM 分类模型（9.9）：输入 (28, 28)（28 个时刻，每个时刻一行 28 个像素），
    LSTM 层 100 个隐藏单元（只输出最后一个时刻），全连接输出层 10 个单元、softmax 激活（共 52,610 个参数）。

    函数输入：无
    函数输出：
        - model：未编译（compile）的 tf.keras 模型
    """
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(28, 28)),
        tf.keras.layers.LSTM(100),                          # the last step's output only
        tf.keras.layers.Dense(10, activation='softmax'),
    ])
    return model


def train_lstm_tf(model, x, y, epochs, batch_size):
    """
    编译并训练 Keras 模型（与第8章的 train_cnn_tf 相同）：Adam(1e-3)，整数标签的稀疏交叉熵损失。

    函数输入：
        - model：build_lstm() 返回的模型
        - x：训练图片，维度 (m, 28, 28)
        - y：整数标签，维度 (m,)
        - epochs：训练轮数
        - batch_size：mini-batch 大小
    函数输出：
        - history：model.fit 返回的 History 对象，history.history['loss'] 是每一轮的损失
    """
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
                  loss='sparse_categorical_crossentropy',
                  metrics=['accuracy'])
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=2)   # one line per epoch
    return history
