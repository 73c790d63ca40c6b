"""Chapter 7 reference, 7.4 evaluation: train/dev/test split, bias and variance, confusion matrix."""
import numpy as np


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
