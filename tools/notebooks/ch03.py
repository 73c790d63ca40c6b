"""Notebook spec for chapter 3: TensorFlow (book sections 3.3-3.7), taught on TensorFlow 2."""

FIGURES = [r"Iteration\[500/500\], loss: 0\.2[23]", r"w1 = \[2\.9[45]", r"w0 = \[9\.9[45]"]   # book: 0.2253, 2.94, 9.94



def build(nb):
    nb.md("""
    # 第3章 TensorFlow

    本次作业对应教材第 3 章的 3.3-3.7 节：张量 Tensor、数据流图、会话 Session、TensorFlow 线性回归和 TensorBoard。
    教材基于 TensorFlow 1.x（`tf.Session`、`tf.placeholder`），这些写法在 TensorFlow 2 中已不再是默认方式：
    TensorFlow 2 默认**即时执行**（eager execution），数据流图由 `@tf.function` 构建，旧的会话接口保留在
    `tf.compat.v1` 中。本作业在 TensorFlow 2 上练习书中的每个概念，并对照新旧两种写法。

    **作业说明**

    - 每个需要你完成的函数下面都有 `# YOUR CODE HERE` 与 `raise NotImplementedError()`，删除这一行并写出你的实现。
    - 每个函数下方的检查单元会运行可见测试并给出分数和提示；提交后还会运行隐藏测试（随机形状和随机数值），
      所以不要针对可见测试的输入“硬编码”结果，也不要在函数里使用笔记本中的全局变量。
    - 训练演示和画图单元不参与评分，但请运行它们，对照教材中的结果。
    """)
    nb.code("""
    import os
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')   # 只显示 TensorFlow 的错误信息

    import numpy as np
    import tensorflow as tf
    import matplotlib.pyplot as plt

    # 查看 TensorFlow 版本
    print(tf.__version__)
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 3.3 张量 Tensor

    ### 3.3.1 创建 Tensor

    `tf.constant` 创建常量张量。在 TensorFlow 2 中，打印张量会直接显示它的数值（教材中 TF1 只显示名字、形状和类型）。
    """)
    nb.code("""
    c0 = tf.constant(2, name='c0')                    # 0 阶 Tensor
    c1 = tf.constant([1, 2, 3], name='c1')            # 1 阶 Tensor
    c2 = tf.constant([[1, 2], [3, 4]], name='c2')     # 2 阶 Tensor
    print(c0)
    print(c1)
    print(c2)
    """)
    nb.md("""
    ### 3.3.2 Tensor 的数学运算

    常用运算有加法 `tf.add`、减法 `tf.subtract`、对应元素相乘 `tf.multiply` 和矩阵相乘 `tf.matmul`
    （也可以写成 `a + b`、`a - b`、`a * b`、`a @ b`）。

    **练习：** 实现 `tf_tensor_ops(a, b)`，对两个形状为 `(n, n)` 的张量返回四元组
    `(tf.add(a, b), tf.subtract(a, b), tf.multiply(a, b), tf.matmul(a, b))`。
    """)
    nb.solution("tf_tensor_ops")
    nb.check("tf_tensor_ops")
    nb.code("""
    a = tf.constant([[1, 2], [3, 4]], name='a')
    b = tf.constant([[5, 6], [7, 8]], name='b')
    for name, value in zip(['add', 'subtract', 'multiply', 'matmul'], tf_tensor_ops(a, b)):
        print(name)
        print(value.numpy())
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 3.4 数据流图

    TensorFlow 用数据流图（Data Flow Graph）描述计算：节点表示运算，边表示在节点之间流动的张量。
    教材的例子是 $f = a \\cdot a + a \\cdot b + c$，当 $a = 3$，$b = 4$，$c = 2$ 时 $f = 23$。

    在 TensorFlow 2 中，普通的 Python 代码会**立即执行**，每一步马上得到数值。

    **练习：** 实现 `f_eager(a, b, c)`，即时计算并返回 `a*a + a*b + c`。
    """)
    nb.solution("f_eager")
    nb.check("f_eager")
    nb.md("""
    给 Python 函数加上装饰器 `@tf.function`，TensorFlow 会在第一次调用时**追踪**（trace）函数中的运算，
    构建一张数据流图，以后再调用时直接执行这张图。这就是 TensorFlow 2 中“先建图、再运行”的方式。

    **练习：** 完成下面的 `f_graph(a, b, c)`，计算同样的 `a*a + a*b + c`。它必须是真正的 `tf.function`
    （不要删除 `@tf.function`）；在图函数内部张量还没有数值，不能调用 `.numpy()`。
    """)
    nb.solution("f_graph")
    nb.check("f_graph")
    nb.code("""
    a, b, c = tf.constant(3.0), tf.constant(4.0), tf.constant(2.0)
    print(f_eager(a, b, c))
    print(f_graph(a, b, c))

    # 查看 f_graph 追踪得到的数据流图中的节点
    graph = f_graph.get_concrete_function(a, b, c).graph
    print([op.type for op in graph.get_operations()])
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 3.5 会话 Session

    在 TensorFlow 1.x 中，定义好数据流图以后并不会马上计算，而要在会话 `tf.Session` 中运行：
    `sess.run(f)` 才会真正计算出 `f` 的数值。占位符 `tf.placeholder` 表示运行时才送入的数据，
    通过 `feed_dict` 给它赋值。TensorFlow 2 仍然在 `tf.compat.v1` 中保留了这套接口，
    但它只能在一张显式创建的 `tf.Graph` 中使用：

    ```python
    graph = tf.Graph()
    with graph.as_default():                     # 在这张图中建图，此时不做任何计算
        x = tf.compat.v1.placeholder(tf.float32, name='x')
        y = x * 2
    with tf.compat.v1.Session(graph=graph) as sess:
        print(sess.run(y, feed_dict={x: 3.0}))   # 运行图：送入 x = 3.0，得到 6.0
    ```

    **练习：** 实现 `session_compute(a_value, b_value)`：在一张 `tf.Graph` 中定义两个 float32 占位符 `a`、`b`
    和 `f = a*a + a*b`，再在 `tf.compat.v1.Session` 中用 `feed_dict` 送入 `a_value`、`b_value`，返回 `sess.run` 的结果。
    """)
    nb.solution("session_compute")
    nb.check("session_compute")
    nb.code("""
    print('Situation 1:', session_compute(3.0, 4.0))
    print('Situation 2:', session_compute(np.array([1., 2.]), np.array([3., 4.])))
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 3.6 TensorFlow 线性回归

    模型为 $\\hat{y} = w_1 x + w_0$，损失函数是均方误差 $L = \\frac{1}{m}\\sum_{i=1}^{m}(\\hat{y}_i - y_i)^2$，
    用梯度下降更新 $w_1 \\leftarrow w_1 - \\alpha\\frac{\\partial L}{\\partial w_1}$，
    $w_0 \\leftarrow w_0 - \\alpha\\frac{\\partial L}{\\partial w_0}$。

    教材用 `tf.Variable`、`tf.train.GradientDescentOptimizer` 和 Session 训练。在 TensorFlow 2 中，
    可训练的参数仍是 `tf.Variable`，梯度由 `tf.GradientTape` 自动计算：在 `with tf.GradientTape() as tape:`
    中计算 loss，然后用 `tape.gradient(loss, [w1, w0])` 得到梯度，再用 `assign_sub` 更新参数。

    **练习：** 实现 `linear_regression_tf(x, y, iterations=500, learning_rate=0.01)`：
    把 `x`、`y` 转换为 float32 张量，`w1`、`w0` 是形状为 `(1,)`、初值为 0 的 `tf.Variable`
    （教材中 `w1` 随机初始化，这里取 0 使结果可以复现）；每次迭代记录参数更新**前**的 loss，
    返回 `(w1.numpy(), w0.numpy(), losses)`。
    """)
    nb.solution("linear_regression_tf")
    nb.check("linear_regression_tf")
    nb.md("""
    **训练演示：** 按教材的方法构造数据集 $y = 3x + 10 + 0.5 \\cdot \\text{noise}$（固定随机种子），学习率 0.01，
    迭代 500 次。教材的结果是 loss = 0.2253，$w_1 = 2.94$，$w_0 = 9.94$；下面的随机种子得到
    loss ≈ 0.230，$w_1 \\approx 2.95$，$w_0 \\approx 9.95$。
    """)
    nb.code("""
    np.random.seed(35)
    x_train = np.linspace(-1, 1, 50)
    y_train = 3 * x_train + 10 + 0.5 * np.random.randn(x_train.shape[0])

    w1, w0, losses = linear_regression_tf(x_train, y_train, iterations=500, learning_rate=0.01)
    for i in range(99, 500, 100):
        print('Iteration[{}/{}], loss: {:.6f}'.format(i + 1, 500, losses[i]))
    print('w1 =', w1, 'w0 =', w0)
    """)
    nb.code("""
    # 模型测试：画出原始数据和拟合直线
    plt.scatter(x_train, y_train, label='data')
    plt.plot(x_train, w1 * x_train + w0, c='r', label='fitted line')
    plt.legend()
    plt.show()
    """)

    # ------------------------------------------------------------------------------------------
    nb.md("""
    ## 3.7 TensorBoard

    ### 3.7.1 TensorBoard 代码

    TensorBoard 是 TensorFlow 的可视化工具，它读取训练时写入日志目录的事件文件（`events.out.tfevents.*`）。
    教材中用 `tf.summary.scalar` 和 `tf.summary.FileWriter` 记录 loss；在 TensorFlow 2 中写法是：

    ```python
    writer = tf.summary.create_file_writer(logdir)    # 创建写入 logdir 的 writer
    with writer.as_default():                         # 在这个代码块中写入的摘要都交给 writer
        tf.summary.scalar('loss', loss, step=step)    # 一个标量：tag、数值、横轴上的 step
    writer.flush()
    ```

    **练习：** 实现 `write_loss_summary(logdir, losses)`，把 `losses` 中的每个 loss 写成 tag 为 `'loss'`
    的标量摘要，step 依次为 0, 1, 2, ...。
    """)
    nb.solution("write_loss_summary")
    nb.check("write_loss_summary")
    nb.md("""
    ### 3.7.2 TensorBoard 显示

    运行下面的单元把上面线性回归的 loss 写入 `tf_logs/ch03/run-时间` 目录，然后在命令行中运行
    `tensorboard --logdir tf_logs`，在浏览器中打开 http://localhost:6006 ，即可在 SCALARS 页看到 loss 的收敛曲线。
    """)
    nb.code("""
    from datetime import datetime

    now = datetime.now().strftime('%Y%m%d%H%M%S')
    logdir = 'tf_logs/ch03/run-{}'.format(now)
    write_loss_summary(logdir, losses)
    print(os.listdir(logdir))
    """)
