"""Chapter 3 — TensorFlow (book sections 3.3-3.7), reference solutions on TensorFlow 2.

The book was written for TensorFlow 1.x (`tf.Session`, `tf.placeholder`). Here tensors and their
arithmetic (3.3) run eagerly; the data-flow graph (3.4) is a `tf.function`; the session of 3.5 is kept
through the legacy `tf.compat.v1` API; linear regression (3.6) uses `tf.Variable` and
`tf.GradientTape`; TensorBoard (3.7) reads scalars written with `tf.summary`.
"""
import tensorflow as tf


def tf_tensor_ops(a, b):
    """
    Tensor 的数学运算（3.3.2）：加法、减法、对应元素相乘、矩阵相乘。

    函数输入：
        a -- tf.Tensor，维度 (n, n)
        b -- tf.Tensor，维度 (n, n)
    函数输出：
        add -- tf.add(a, b)，维度 (n, n)
        subtract -- tf.subtract(a, b)，即 a - b，维度 (n, n)
        multiply -- tf.multiply(a, b)，对应元素相乘，维度 (n, n)
        matmul -- tf.matmul(a, b)，矩阵相乘，维度 (n, n)
    """
    add = tf.add(a, b)
    subtract = tf.subtract(a, b)
    multiply = tf.multiply(a, b)
    matmul = tf.matmul(a, b)
    return add, subtract, multiply, matmul


def f_eager(a, b, c):
    """
    即时执行（eager）计算 f = a*a + a*b + c（3.4 的例子，a=3, b=4, c=2 时 f=23）。

    函数输入：
        a, b, c -- tf.Tensor（标量或相同维度的张量）
    函数输出：
        f -- tf.Tensor，a*a + a*b + c
    """
    f = a * a + a * b + c
    return f


@tf.function
def f_graph(a, b, c):
    """
    数据流图（3.4）：同样的 f = a*a + a*b + c，用 @tf.function 构建计算图后执行。

    函数输入：
        a, b, c -- tf.Tensor（标量或相同维度的张量）
    函数输出：
        f -- tf.Tensor，a*a + a*b + c
    """
    f = a * a + a * b + c
    return f


def session_compute(a_value, b_value):
    """
    会话 Session 与占位符（3.4-3.5，TensorFlow 1.x 的写法，在 TF2 中通过 tf.compat.v1 使用）：
    在一个 tf.Graph 中用两个 placeholder 构建 f = a*a + a*b，再在 Session 中用 feed_dict 传入数值并运行。

    函数输入：
        a_value -- float 或 numpy.ndarray，送入占位符 a 的数值
        b_value -- float 或 numpy.ndarray，送入占位符 b 的数值（与 a_value 维度相同）
    函数输出：
        result -- sess.run 得到的数值（numpy 标量或数组），a_value**2 + a_value*b_value
    """
    graph = tf.Graph()
    with graph.as_default():                         # build the graph: nothing is computed yet
        a = tf.compat.v1.placeholder(tf.float32, name="a")
        b = tf.compat.v1.placeholder(tf.float32, name="b")
        f = a * a + a * b
    with tf.compat.v1.Session(graph=graph) as sess:  # run the graph, feeding the placeholders
        result = sess.run(f, feed_dict={a: a_value, b: b_value})
    return result


def linear_regression_tf(x, y, iterations=500, learning_rate=0.01):
    """
    TensorFlow 线性回归（3.6）：模型 y_hat = w1 * x + w0，损失为均方误差 mean((y_hat - y)^2)，
    w1 和 w0 是初始化为 0 的 tf.Variable，用 tf.GradientTape 求梯度，梯度下降（SGD）更新。

    函数输入：
        x -- numpy.ndarray，维度 (m,)，训练样本
        y -- numpy.ndarray，维度 (m,)，样本标签
        iterations -- 迭代次数
        learning_rate -- 学习率
    函数输出：
        w1 -- 训练后的斜率，numpy 数组，维度 (1,)
        w0 -- 训练后的截距，numpy 数组，维度 (1,)
        losses -- list，长度为 iterations，每次迭代参数更新前的 loss（Python float）
    """
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1 = tf.Variable(tf.zeros([1]), name="w1")
    w0 = tf.Variable(tf.zeros([1]), name="w0")
    losses = []
    for i in range(iterations):
        with tf.GradientTape() as tape:
            y_hat = w0 + w1 * x
            loss = tf.reduce_mean(tf.square(y_hat - y))
        dw1, dw0 = tape.gradient(loss, [w1, w0])
        w1.assign_sub(learning_rate * dw1)       # gradient descent step
        w0.assign_sub(learning_rate * dw0)
        losses.append(float(loss))
    return w1.numpy(), w0.numpy(), losses


def write_loss_summary(logdir, losses):
    """
    TensorBoard（3.7）：把每次迭代的 loss 写成标量摘要（tag 为 'loss'，step 为迭代序号 0, 1, 2, ...），
    写入 logdir 下的事件文件，供 TensorBoard 读取显示。

    函数输入：
        logdir -- str，日志目录
        losses -- list of float，每次迭代的 loss
    函数输出：
        无（返回 None）；logdir 中生成 events.out.tfevents.* 文件
    """
    writer = tf.summary.create_file_writer(logdir)
    with writer.as_default():
        for step, loss in enumerate(losses):
            tf.summary.scalar("loss", loss, step=step)
    writer.flush()
    writer.close()
