"""Chapter 7 - optimising networks (reference solutions).

7.1 regularisation (L2, L1, inverted dropout), 7.2 gradient optimisation (mini-batches, momentum,
Nesterov, AdaGrad, RMSprop, Adam, learning-rate decay), 7.3 initialisation and tuning (input
normalisation, weight initialisation, batch normalisation, log-scale search), 7.4 evaluation
(train/dev/test split, bias and variance, confusion matrix).

Examples are columns: X is (n_x, m), Y is (1, m).  W{l} is (n_l, n_{l-1}), b{l} is (n_l, 1).
The L-layer network (ReLU hidden layers, sigmoid output, caches[l-1] = (A_prev, W, b, Z)) is the
chapter-6 helper network `dnn_utils` (students import it with `from dnn_utils import ...`; the copy
beside the notebook, source/ch07/dnn_utils.py, is byte-identical to solutions/dnn_utils.py, which a
test checks).
Optimiser state (v, s) is a dict keyed like the gradients ('dW1', 'db1', ...), zeros shaped like the
parameters, as in the deeplearning.ai exercises.
"""
import numpy as np

from solutions.dnn_utils import backward_propagation, compute_cost


# ---------------------------------------------------------------------------------------------
# 7.1.2 L2 and L1 regularisation
# ---------------------------------------------------------------------------------------------

def compute_cost_with_regularization(AL, Y, parameters, lambd):
    """
    L2 正则化的损失函数：J = 交叉熵损失 + λ/(2m) Σ_l ‖W^{[l]}‖²（只对 W，不对 b）

    函数输入：
        - AL：输出层输出 ŷ，维度 (1, m)
        - Y：真实标签，维度 (1, m)
        - parameters：参数字典 'W1', 'b1', ..., 'WL', 'bL'
        - lambd：正则化参数 λ
    函数输出：
        - cost：带 L2 正则项的损失，一个数
    """
    m = Y.shape[1]
    L = len(parameters) // 2
    cross_entropy_cost = compute_cost(AL, Y)
    L2_sum = 0.0
    for l in range(1, L + 1):
        L2_sum += np.sum(np.square(parameters['W' + str(l)]))  # squared Frobenius norm
    L2_regularization_cost = lambd / (2 * m) * L2_sum
    return cross_entropy_cost + L2_regularization_cost


def backward_propagation_with_regularization(AL, Y, caches, lambd):
    """
    L2 正则化的反向传播：先做普通反向传播，再对每层 dW 加上正则项的梯度 λ/m·W

    函数输入：
        - AL：输出层输出，维度 (1, m)
        - Y：真实标签，维度 (1, m)
        - caches：forward_propagation 返回的各层中间变量 (A_prev, W, b, Z)，共 L 个
        - lambd：正则化参数 λ
    函数输出：
        - grads：梯度字典 'dW{l}', 'db{l}'（还有 'dA{l}'），dW{l} 维度 (n_l, n_{l-1})
    """
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        W = caches[l - 1][1]
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * W
    return grads


def compute_cost_with_l1_regularization(AL, Y, parameters, lambd):
    """
    L1 正则化的损失函数：J = 交叉熵损失 + λ/m Σ_l Σ|W^{[l]}|（只对 W，不对 b）

    函数输入：
        - AL：输出层输出 ŷ，维度 (1, m)
        - Y：真实标签，维度 (1, m)
        - parameters：参数字典 'W1', 'b1', ..., 'WL', 'bL'
        - lambd：正则化参数 λ
    函数输出：
        - cost：带 L1 正则项的损失，一个数
    """
    m = Y.shape[1]
    L = len(parameters) // 2
    cross_entropy_cost = compute_cost(AL, Y)
    L1_sum = 0.0
    for l in range(1, L + 1):
        L1_sum += np.sum(np.abs(parameters['W' + str(l)]))
    L1_regularization_cost = lambd / m * L1_sum
    return cross_entropy_cost + L1_regularization_cost


def backward_propagation_with_l1_regularization(AL, Y, caches, lambd):
    """
    L1 正则化的反向传播：先做普通反向传播，再对每层 dW 加上 λ/m·sign(W)

    函数输入：
        - AL：输出层输出，维度 (1, m)
        - Y：真实标签，维度 (1, m)
        - caches：forward_propagation 返回的各层中间变量 (A_prev, W, b, Z)，共 L 个
        - lambd：正则化参数 λ
    函数输出：
        - grads：梯度字典 'dW{l}', 'db{l}'（还有 'dA{l}'）
    """
    m = Y.shape[1]
    grads = backward_propagation(AL, Y, caches)
    for l in range(1, len(caches) + 1):
        W = caches[l - 1][1]
        grads['dW' + str(l)] = grads['dW' + str(l)] + lambd / m * np.sign(W)
    return grads


# ---------------------------------------------------------------------------------------------
# 7.1.3 inverted dropout
# ---------------------------------------------------------------------------------------------

def dropout_forward(A, keep_prob):
    """
    反向随机失活（inverted dropout）前向：每个神经元以概率 keep_prob 保留，保留的输出除以 keep_prob，
    使输出的期望不变：D = (rand < keep_prob)，A_out = A * D / keep_prob

    函数输入：
        - A：某隐藏层的输出，维度 (n_l, m)
        - keep_prob：保留概率，0 < keep_prob <= 1
    函数输出：
        - A_out：随机失活后的输出，维度 (n_l, m)
        - D：0/1 掩码（布尔或整数均可），维度 (n_l, m)，1 表示保留，反向传播时要用同一个 D
    """
    D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob
    A_out = A * D / keep_prob
    return A_out, D


def dropout_backward(dA, D, keep_prob):
    """
    反向随机失活的反向传播：使用前向传播的同一个掩码 D，dA_prev = dA * D / keep_prob

    函数输入：
        - dA：随机失活后输出 A_out 的梯度，维度 (n_l, m)
        - D：dropout_forward 返回的 0/1 掩码（布尔或整数），维度 (n_l, m)
        - keep_prob：保留概率
    函数输出：
        - dA_prev：随机失活前输出 A 的梯度，维度 (n_l, m)
    """
    dA_prev = dA * D / keep_prob
    return dA_prev


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


# ---------------------------------------------------------------------------------------------
# 7.3.1 input normalisation
# ---------------------------------------------------------------------------------------------

def normalize_inputs(X_train, X_test):
    """
    输入标准化：用训练集每个特征的均值 μ 和标准差 σ（σ² = 1/m Σ (x - μ)²）
    把训练集和测试集都变换为 (X - μ) / σ；常数特征（σ = 0）不除以 0（取 σ = 1）

    函数输入：
        - X_train：训练集输入，维度 (n_x, m_train)
        - X_test：测试集输入，维度 (n_x, m_test)
    函数输出：
        - X_train_norm：标准化后的训练集，维度 (n_x, m_train)
        - X_test_norm：用训练集的 μ、σ 标准化后的测试集，维度 (n_x, m_test)
    """
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    sigma = np.where(sigma == 0, 1.0, sigma)  # a constant feature is only centred
    X_train_norm = (X_train - mu) / sigma
    X_test_norm = (X_test - mu) / sigma
    return X_train_norm, X_test_norm


# ---------------------------------------------------------------------------------------------
# 7.3.2 weight initialisation
# ---------------------------------------------------------------------------------------------

def initialize_parameters_zeros(layers_dims):
    """
    全零初始化（无法打破对称性，仅作对比）：W、b 全为 0

    函数输入：
        - layers_dims：列表，各层神经元个数 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_random(layers_dims):
    """
    小随机数初始化：W = randn · 0.01（标准正态分布乘以 0.01），b = 0

    函数输入：
        - layers_dims：列表，各层神经元个数 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_he(layers_dims):
    """
    He 初始化（适合 ReLU）：W = randn · √(2 / n_{l-1})，b = 0

    函数输入：
        - layers_dims：列表，各层神经元个数 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_xavier(layers_dims):
    """
    Xavier 初始化（适合 tanh）：W = randn · √(1 / n_{l-1})，b = 0

    函数输入：
        - layers_dims：列表，各层神经元个数 [n_x, n_1, ..., n_L]
    函数输出：
        - parameters：参数字典，W{l} 维度 (n_l, n_{l-1})，b{l} 维度 (n_l, 1)
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


# ---------------------------------------------------------------------------------------------
# 7.3.3 batch normalisation
# ---------------------------------------------------------------------------------------------

def batchnorm_forward(Z, gamma, beta, bn_param):
    """
    批归一化前向传播（按样本维度，即每一行）：
        训练：μ = 1/m Σ z，σ² = 1/m Σ (z - μ)²，ẑ = (z - μ) / √(σ² + ε)，out = γ·ẑ + β，
              并更新 running = momentum·running + (1-momentum)·（本批的 μ 或 σ²）
        测试：用 running_mean、running_var 代替本批的 μ、σ²
    bn_param 中的 running_mean、running_var 原地更新（与 CS231n 相同）

    函数输入：
        - Z：该层线性输出，维度 (n_l, m)
        - gamma：缩放参数 γ，维度 (n_l, 1)
        - beta：平移参数 β，维度 (n_l, 1)
        - bn_param：字典，'mode'（'train' 或 'test'），'eps'（默认 1e-5），'momentum'（默认 0.9），
                    'running_mean'、'running_var'（维度 (n_l, 1)，默认全 0）
    函数输出：
        - out：批归一化的输出，维度 (n_l, m)
        - cache：反向传播需要的中间变量
    """
    mode = bn_param['mode']
    eps = bn_param.get('eps', 1e-5)
    momentum = bn_param.get('momentum', 0.9)
    n = Z.shape[0]
    running_mean = bn_param.get('running_mean', np.zeros((n, 1)))
    running_var = bn_param.get('running_var', np.zeros((n, 1)))
    if mode == 'train':
        mu = np.mean(Z, axis=1, keepdims=True)
        var = np.var(Z, axis=1, keepdims=True)  # biased: 1/m
        running_mean = momentum * running_mean + (1 - momentum) * mu
        running_var = momentum * running_var + (1 - momentum) * var
    elif mode == 'test':
        mu, var = running_mean, running_var
    else:
        raise ValueError('Invalid batchnorm mode "%s"' % mode)
    Z_hat = (Z - mu) / np.sqrt(var + eps)
    out = gamma * Z_hat + beta
    bn_param['running_mean'] = running_mean
    bn_param['running_var'] = running_var
    cache = (Z_hat, var, gamma, eps)
    return out, cache


def batchnorm_backward(dout, cache):
    """
    批归一化反向传播（训练模式，μ、σ² 依赖于 Z）：
        dβ = Σ dout，dγ = Σ dout·ẑ（按样本求和）
        dẑ = dout·γ，dZ = 1/(m√(σ² + ε)) · (m·dẑ - Σ dẑ - ẑ·Σ dẑ·ẑ)

    函数输入：
        - dout：输出 out 的梯度，维度 (n_l, m)
        - cache：batchnorm_forward 返回的中间变量
    函数输出：
        - dZ：Z 的梯度，维度 (n_l, m)
        - dgamma：γ 的梯度，维度 (n_l, 1)
        - dbeta：β 的梯度，维度 (n_l, 1)
    """
    Z_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * Z_hat, axis=1, keepdims=True)
    dZ_hat = dout * gamma
    dZ = (m * dZ_hat - np.sum(dZ_hat, axis=1, keepdims=True)
          - Z_hat * np.sum(dZ_hat * Z_hat, axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dZ, dgamma, dbeta


# ---------------------------------------------------------------------------------------------
# 7.3.4 hyperparameter search
# ---------------------------------------------------------------------------------------------

def sample_learning_rates(n, low=1e-4, high=1.0, seed=0):
    """
    在对数尺度上均匀采样学习率：r ~ U(log10(low), log10(high))，α = 10^r

    函数输入：
        - n：采样个数
        - low, high：学习率的取值范围 [low, high]
        - seed：随机种子（相同的种子得到相同的样本）
    函数输出：
        - learning_rates：维度 (n,) 的数组
    """
    np.random.seed(seed)
    r = np.random.uniform(np.log10(low), np.log10(high), n)
    learning_rates = 10 ** r
    return learning_rates


# ---------------------------------------------------------------------------------------------
# 7.4.2 train/dev/test sets, 7.4.3 bias and variance, 7.4.4 error analysis
# ---------------------------------------------------------------------------------------------

def train_dev_test_split(X, Y, ratios=(0.6, 0.2, 0.2), seed=0):
    """
    随机打乱样本（X 和 Y 的列用同一个排列），按比例划分为训练集、验证集、测试集：
    训练集 int(ratios[0]·m) 个，验证集 int(ratios[1]·m) 个，其余为测试集

    函数输入：
        - X：输入，维度 (n_x, m)
        - Y：标签，维度 (1, m)
        - ratios：(训练, 验证, 测试) 的比例，和为 1
        - seed：随机种子（相同的种子得到相同的划分）
    函数输出：
        - X_train, Y_train, X_dev, Y_dev, X_test, Y_test：各集合的输入和标签，样本仍按列排列
    """
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    X_shuffled, Y_shuffled = X[:, permutation], Y[:, permutation]
    n_train = int(ratios[0] * m)
    n_dev = int(ratios[1] * m)
    X_train, Y_train = X_shuffled[:, :n_train], Y_shuffled[:, :n_train]
    X_dev, Y_dev = X_shuffled[:, n_train:n_train + n_dev], Y_shuffled[:, n_train:n_train + n_dev]
    X_test, Y_test = X_shuffled[:, n_train + n_dev:], Y_shuffled[:, n_train + n_dev:]
    return X_train, Y_train, X_dev, Y_dev, X_test, Y_test


def diagnose_bias_variance(human_error, train_error, dev_error, tolerance=0.02):
    """
    偏差与方差诊断：可避免偏差 = 训练误差 - 人类误差，方差 = 验证误差 - 训练误差，
    大于 tolerance 即为"高"

    函数输入：
        - human_error：人类水平误差（贝叶斯误差的估计），如 0.01
        - train_error：训练集误差
        - dev_error：验证集误差
        - tolerance：判断"高"的阈值
    函数输出：
        - diagnosis：'high bias'、'high variance'、'high bias and high variance' 或 'good fit'
    """
    avoidable_bias = train_error - human_error
    variance = dev_error - train_error
    high_bias = avoidable_bias > tolerance
    high_variance = variance > tolerance
    if high_bias and high_variance:
        return 'high bias and high variance'
    if high_bias:
        return 'high bias'
    if high_variance:
        return 'high variance'
    return 'good fit'


def confusion_matrix(y_true, y_pred, num_classes):
    """
    混淆矩阵（与 scikit-learn 相同）：M[i, j] = 真实类别为 i 且预测为 j 的样本数

    函数输入：
        - y_true：真实类别，取值 0, ..., num_classes-1，维度 (m,)（(1, m) 也可以）
        - y_pred：预测类别，维度与 y_true 相同
        - num_classes：类别数 C
    函数输出：
        - M：混淆矩阵，维度 (C, C)，整数；行为真实类别，列为预测类别
    """
    y_true = np.asarray(y_true).reshape(-1).astype(int)
    y_pred = np.asarray(y_pred).reshape(-1).astype(int)
    M = np.zeros((num_classes, num_classes), dtype=int)
    for i, j in zip(y_true, y_pred):
        M[i, j] += 1
    return M
