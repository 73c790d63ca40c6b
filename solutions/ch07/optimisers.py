"""Chapter 7 reference, 7.2 gradient optimisation: mini-batches, momentum, Nesterov momentum, AdaGrad, RMSprop, Adam,
learning-rate decay.  Optimiser state (v, s) is a dict keyed like the gradients ('dW1', 'db1', ...),
zeros shaped like the parameters, as in the deeplearning.ai exercises."""
import numpy as np


# ---------------------------------------------------------------------------------------------
# 7.2.1 mini-batch gradient descent
# ---------------------------------------------------------------------------------------------

def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """
    把训练集随机打乱（X 和 Y 的列用同一个排列），再依次切分成 mini-batch：
    先是 ⌊m / mini_batch_size⌋ 个完整的 mini-batch，若有剩余，最后一个 mini-batch 放剩下的样本

    函数输入：
        - X：输入，维度 (n_x, m)
        - Y：标签，维度 (1, m)
        - mini_batch_size：每个 mini-batch 的样本数
        - seed：随机种子（相同的种子得到相同的划分）
    函数输出：
        - mini_batches：列表，每个元素为 (mini_batch_X, mini_batch_Y)，
                        维度 (n_x, mini_batch_size) 和 (1, mini_batch_size)（最后一个可能更小）
    """
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        cols = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, cols], shuffled_Y[:, cols]))
    if m % mini_batch_size != 0:  # the remainder
        cols = slice(num_complete * mini_batch_size, m)
        mini_batches.append((shuffled_X[:, cols], shuffled_Y[:, cols]))
    return mini_batches


# ---------------------------------------------------------------------------------------------
# 7.2.2 momentum, 7.2.3 Nesterov momentum
# ---------------------------------------------------------------------------------------------

def initialize_velocity(parameters):
    """
    初始化动量 v：与参数同形状的全零数组，键与梯度相同

    函数输入：
        - parameters：参数字典 'W1', 'b1', ..., 'WL', 'bL'
    函数输出：
        - v：字典 'dW1', 'db1', ..., 'dWL', 'dbL'，v['dW{l}'] 与 W{l} 同形状，全为 0
    """
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v['dW' + str(l)] = np.zeros(parameters['W' + str(l)].shape)
        v['db' + str(l)] = np.zeros(parameters['b' + str(l)].shape)
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """
    动量梯度下降：v = β·v + (1-β)·dW，W = W - α·v（b 同理）

    函数输入：
        - parameters：参数字典 'W1', 'b1', ...
        - grads：梯度字典 'dW1', 'db1', ...
        - v：动量字典 'dW1', 'db1', ...
        - beta：动量系数 β
        - learning_rate：学习率 α
    函数输出：
        - parameters：更新后的参数字典
        - v：更新后的动量字典
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


def update_parameters_with_nesterov(parameters, grad_fn, v, beta, learning_rate):
    """
    Nesterov 动量：先沿动量方向"向前看"一步，在前瞻点 W - α·β·v 处求梯度，再做动量更新：
        W_ahead = W - α·β·v，dW = grad_fn(W_ahead)，v = β·v + (1-β)·dW，W = W - α·v（b 同理）

    函数输入：
        - parameters：参数字典 'W1', 'b1', ...
        - grad_fn：函数，grad_fn(params) 返回在参数 params（字典）处的梯度字典 'dW1', 'db1', ...
        - v：动量字典 'dW1', 'db1', ...
        - beta：动量系数 β
        - learning_rate：学习率 α
    函数输出：
        - parameters：更新后的参数字典
        - v：更新后的动量字典
    """
    L = len(parameters) // 2
    lookahead = {}
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            lookahead[key] = parameters[key] - learning_rate * beta * v['d' + key]
    grads = grad_fn(lookahead)  # the gradient at the look-ahead point
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta * v['d' + key] + (1 - beta) * grads['d' + key]
            parameters[key] = parameters[key] - learning_rate * v['d' + key]
    return parameters, v


# ---------------------------------------------------------------------------------------------
# 7.2.4 AdaGrad, 7.2.5 RMSprop, 7.2.6 Adam
# ---------------------------------------------------------------------------------------------

def update_parameters_with_adagrad(parameters, grads, s, learning_rate, epsilon=1e-8):
    """
    AdaGrad：累加梯度平方 s = s + dW²，W = W - α·dW / (√s + ε)（b 同理）

    函数输入：
        - parameters：参数字典 'W1', 'b1', ...
        - grads：梯度字典 'dW1', 'db1', ...
        - s：梯度平方累加和字典 'dW1', 'db1', ...（初始为 0）
        - learning_rate：学习率 α
        - epsilon：防止除以 0 的小数 ε（在平方根之外）
    函数输出：
        - parameters：更新后的参数字典
        - s：更新后的累加和字典
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = s['d' + key] + np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / (np.sqrt(s['d' + key]) + epsilon)
    return parameters, s


def update_parameters_with_rmsprop(parameters, grads, s, beta, learning_rate, epsilon=1e-8):
    """
    RMSprop：梯度平方的指数加权平均 s = β·s + (1-β)·dW²，W = W - α·dW / (√s + ε)（b 同理）

    函数输入：
        - parameters：参数字典 'W1', 'b1', ...
        - grads：梯度字典 'dW1', 'db1', ...
        - s：梯度平方的指数加权平均字典 'dW1', 'db1', ...（初始为 0）
        - beta：衰减系数 β
        - learning_rate：学习率 α
        - epsilon：防止除以 0 的小数 ε（在平方根之外）
    函数输出：
        - parameters：更新后的参数字典
        - s：更新后的 s 字典
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            s['d' + key] = beta * s['d' + key] + (1 - beta) * np.square(grads['d' + key])
            parameters[key] = parameters[key] - learning_rate * grads['d' + key] / (np.sqrt(s['d' + key]) + epsilon)
    return parameters, s


def initialize_adam(parameters):
    """
    初始化 Adam 的一阶矩 v 和二阶矩 s：与参数同形状的全零数组，键与梯度相同

    函数输入：
        - parameters：参数字典 'W1', 'b1', ..., 'WL', 'bL'
    函数输出：
        - v：字典 'dW1', 'db1', ...，全为 0
        - s：字典 'dW1', 'db1', ...，全为 0
    """
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = np.zeros(parameters[key].shape)
            s['d' + key] = np.zeros(parameters[key].shape)
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    """
    Adam（与 torch.optim.Adam 相同）：
        v = β1·v + (1-β1)·dW，s = β2·s + (1-β2)·dW²
        v̂ = v / (1-β1^t)，ŝ = s / (1-β2^t)（偏差修正，t 从 1 开始）
        W = W - α·v̂ / (√ŝ + ε)（b 同理）

    函数输入：
        - parameters：参数字典 'W1', 'b1', ...
        - grads：梯度字典 'dW1', 'db1', ...
        - v：一阶矩字典 'dW1', 'db1', ...（未修正的）
        - s：二阶矩字典 'dW1', 'db1', ...（未修正的）
        - t：第几次更新，从 1 开始
        - learning_rate：学习率 α
        - beta1, beta2：一阶矩、二阶矩的衰减系数
        - epsilon：防止除以 0 的小数 ε（在平方根之外）
    函数输出：
        - parameters：更新后的参数字典
        - v：更新后的一阶矩（未修正）
        - s：更新后的二阶矩（未修正）
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v['d' + key] = beta1 * v['d' + key] + (1 - beta1) * grads['d' + key]
            s['d' + key] = beta2 * s['d' + key] + (1 - beta2) * np.square(grads['d' + key])
            v_corrected = v['d' + key] / (1 - beta1 ** t)
            s_corrected = s['d' + key] / (1 - beta2 ** t)
            parameters[key] = parameters[key] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


# ---------------------------------------------------------------------------------------------
# 7.2.7 learning-rate decay
# ---------------------------------------------------------------------------------------------

def update_lr(learning_rate0, epoch_num, decay_rate):
    """
    学习率衰减：α = α0 / (1 + decay_rate · epoch_num)

    函数输入：
        - learning_rate0：初始学习率 α0
        - epoch_num：当前 epoch 序号（从 0 开始）
        - decay_rate：衰减率
    函数输出：
        - learning_rate：衰减后的学习率，一个数
    """
    learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)
    return learning_rate


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """
    按固定间隔衰减学习率：α = α0 / (1 + decay_rate · ⌊epoch_num / time_interval⌋)

    函数输入：
        - learning_rate0：初始学习率 α0
        - epoch_num：当前 epoch 序号（从 0 开始）
        - decay_rate：衰减率
        - time_interval：每隔多少个 epoch 衰减一次
    函数输出：
        - learning_rate：衰减后的学习率，一个数
    """
    learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))
    return learning_rate
