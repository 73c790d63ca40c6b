"""Notebook spec of chapter 1: 深度学习基础 (Python 1.2.3, NumPy 1.2.4, Matplotlib 1.2.5, Jupyter 1.3.2)."""

# What the executed demo cells must print (regexes over the code cells' stream output).
FIGURES = [
    r"negative\nzero\npositive",
    r"Hello, Will!\nHELLO, WILL!",
    r"sigmoid\(x\) = \[0\.73105858 0\.88079708 0\.95257413\]",
    r"L1 = 1\.1000",
    r"L2 = 0\.4300",
]


def build(nb):
    nb.md(r"""
    # 第1章 深度学习基础：Python、NumPy 与 Matplotlib

    本次作业对应教材 1.2 节（Python 入门：1.2.3 Python 基础知识、1.2.4 NumPy 矩阵运算、1.2.5 Matplotlib 绘图）
    和 1.3 节（Anaconda 与 Jupyter Notebook）。这是整门课的第一份作业：先学会使用笔记本，再用 Python 和 NumPy
    写几个后面各章都会用到的小函数。

    ## 1.3.2 先学会使用 JupyterLab

    - **单元**：笔记本由一个个单元组成。文字说明是 Markdown 单元，灰色背景的是代码单元。
    - **运行单元**：点击一个单元，按 **Shift + Enter** 运行它并跳到下一个单元（也可以点工具栏上的 ▶）。
      左侧的 `[*]` 表示正在运行，`[5]` 表示它是第 5 个运行的单元。
    - **按顺序运行**：后面的单元要用到前面单元定义的变量和函数，所以从上往下依次运行。
      改完一个函数，要重新运行定义它的单元，新代码才会生效。
    - **检查单元**：每个要你完成的函数下面都有一个检查单元（第一行是 `# 检查 ...`，已锁定，不要修改）。
      运行它，会用可见测试检查你的函数，列出每项测试是否通过、失败的原因和得分。
      提交后还会用随机的形状和数值运行隐藏测试，所以函数只能使用它的参数，不要依赖笔记本里的全局变量，也不要把结果写死。
    - **重启内核**：如果输出看起来不对、运行卡住了，或者想确认整个笔记本能从头跑通，
      选菜单 **Kernel → Restart Kernel and Run All Cells…**（重启内核并运行所有单元）。
      正在运行的单元可以用工具栏上的 ■ 中断。
    - **保存**：按 **Ctrl + S**（macOS 上是 ⌘ + S）。提交前请重启内核并运行全部单元，确认没有报错。

    **作业说明**：在每个函数的 `# YOUR CODE HERE` 处写出你的代码，并删除下一行的 `raise NotImplementedError()`，
    然后运行函数下方的检查单元。

    先运行下面的准备单元，导入本章用到的两个库：
    """)
    nb.code("""
    import numpy as np
    import matplotlib.pyplot as plt
    """)

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 1.2.3 Python 基础知识

    Python 的基本数据类型有整数 `int`、浮点数 `float`、字符串 `str` 和布尔值 `bool`；
    列表 `list` 按下标访问（从 0 开始，`a[-1]` 是最后一个元素，`a[0:2]` 是切片），字典 `dict` 按键访问。
    运行下面的单元看看：
    """)
    nb.code("""
    a = [1, 2, 3, 'python']     # a list
    print(type(2), type(2.3), type('python'), type(True))
    print(a[0], a[-1], a[0:2])
    user = {'name': 'Will'}     # a dict
    user['age'] = 29            # add an entry
    print(user)
    """)
    nb.md(r"""
    ### 函数

    用 `def` 定义函数，`if / elif / else` 做判断，`return` 把结果返回给调用者。

    **任务**：实现 `sign(x)`：`x > 0` 时返回字符串 `'positive'`，`x < 0` 时返回 `'negative'`，`x` 等于 0 时返回 `'zero'`。
    """)
    nb.solution("sign")
    nb.check("sign")
    nb.code("""
    for x in [-1, 0, 1]:
        print(sign(x))
    """)

    nb.md(r"""
    ### 类

    类把数据（实例变量）和操作它的函数（方法）放在一起。构造函数 `__init__` 在创建对象时运行，
    `self` 指这个对象本身：`self.name = name` 把名字保存为**实例变量**，每个对象各有一份。

    **任务**：实现类 `Greeter`：

    - `Greeter(name)` 保存名字 `name`；
    - `greet()` **返回**（不是打印）问候语 `'Hello, NAME!'`，例如 `Greeter('Will').greet()` 返回 `'Hello, Will!'`；
    - `greet(loud=True)` 返回整句大写的问候语，例如 `'HELLO, WILL!'`。
    """)
    nb.solution("Greeter")
    nb.check("Greeter")
    nb.code("""
    g = Greeter('Will')
    print(g.greet())
    print(g.greet(loud=True))
    """)

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 1.2.4 NumPy 矩阵运算

    NumPy 数组 `np.ndarray` 的运算是**逐元素**的：`x + y`、`x * y`、`np.exp(x)` 对每个元素分别计算。
    形状不同的数组会自动**广播**：例如 `(3, 2)` 的矩阵加上 `(2,)` 的向量，向量会加到每一行上。
    下面比较用 for 循环和用 `np.dot` 计算两个向量内积的速度（向量化运算快得多）：
    """)
    nb.code("""
    import time

    a = np.random.rand(100000)
    b = np.random.rand(100000)

    tic = time.time()
    c = 0
    for i in range(100000):
        c += a[i] * b[i]
    toc = time.time()
    print('for loop:   %.2f ms' % (1000 * (toc - tic)))

    tic = time.time()
    c = np.dot(a, b)
    toc = time.time()
    print('vectorized: %.2f ms' % (1000 * (toc - tic)))

    A = np.array([[1, 2], [3, 4], [5, 6]])
    print(A + np.array([10, 20]))    # broadcasting: (3, 2) + (2,)
    """)

    nb.md(r"""
    ### sigmoid 函数

    $$\sigma(x) = \frac{1}{1 + e^{-x}}$$

    Python 自带的 `math.exp` 只能处理一个数；`np.exp` 可以处理整个数组。

    **任务**：用 `np.exp` 实现 `sigmoid(x)`，`x` 可以是一个数，也可以是任意维度的数组（逐元素计算）。
    """)
    nb.solution("sigmoid")
    nb.check("sigmoid")

    nb.md(r"""
    ### sigmoid 函数的导数

    sigmoid 的导数可以用它自己的输出表示：

    $$\sigma'(x) = s(1 - s), \quad s = \sigma(x)$$

    **任务**：实现 `sigmoid_derivative(x)`，先用上面的 `sigmoid` 算出 `s`，再计算导数。
    """)
    nb.solution("sigmoid_derivative")
    nb.check("sigmoid_derivative")
    nb.code("""
    x = np.array([1, 2, 3])
    print('sigmoid(x) =', sigmoid(x))
    print('sigmoid_derivative(x) =', sigmoid_derivative(x))
    """)

    nb.md(r"""
    ### 把图片展开成向量

    一张彩色图片是一个 `(h, w, c)` 的三维数组（高、宽、颜色通道）。送进神经网络之前，通常把它展开成
    `(h * w * c, 1)` 的列向量。`X.shape` 给出数组的维度，`X.reshape(...)` 改变维度。

    **任务**：实现 `image2vector(image)`，用 `reshape` 按 NumPy 默认的顺序（C 顺序，最后一维变化最快）展开，
    返回 `(h * w * c, 1)` 的列向量。不要把 `h`、`w`、`c` 写死，要从 `image.shape` 得到。
    """)
    nb.solution("image2vector")
    nb.check("image2vector")

    nb.md(r"""
    ### 按行归一化

    把矩阵的每一行除以这一行的 L2 范数，使每一行的长度都变为 1：

    $$\|x_i\| = \sqrt{\sum_j x_{ij}^2}, \qquad x_i \leftarrow \frac{x_i}{\|x_i\|}$$

    例如 $x = \begin{bmatrix} 0 & 3 & 4 \\ 1 & 6 & 4 \end{bmatrix}$，两行的范数分别是 $5$ 和 $\sqrt{53}$。
    `np.linalg.norm(x, axis=1, keepdims=True)` 求每一行的范数，得到 `(n, 1)` 的列向量，
    再用广播让 `x` 的每一行除以它。

    **任务**：实现 `normalize_rows(x)`。
    """)
    nb.solution("normalize_rows")
    nb.check("normalize_rows")

    nb.md(r"""
    ### L1 与 L2 损失

    损失函数衡量预测值 $\hat{y}$ 与真实值 $y$ 的差距：

    $$L_1(\hat{y}, y) = \sum_{i=0}^{m-1} |y^{(i)} - \hat{y}^{(i)}|, \qquad
    L_2(\hat{y}, y) = \sum_{i=0}^{m-1} (y^{(i)} - \hat{y}^{(i)})^2$$

    两者都是对所有元素**求和**（不是平均）。

    **任务**：用 NumPy 的向量化运算（不用 for 循环）实现 `l1_loss(yhat, y)` 和 `l2_loss(yhat, y)`。
    """)
    nb.solution("l1_loss")
    nb.check("l1_loss")
    nb.solution("l2_loss")
    nb.check("l2_loss")
    nb.code("""
    yhat = np.array([.9, 0.2, 0.1, .4, .9])
    y = np.array([1, 0, 0, 1, 1])
    print('L1 = %.4f' % l1_loss(yhat, y))
    print('L2 = %.4f' % l2_loss(yhat, y))
    """)

    # ------------------------------------------------------------------------------------------
    nb.md(r"""
    ## 1.2.5 Matplotlib 绘图

    `fig, ax = plt.subplots()` 创建一张图 `fig`（Figure）和它上面的坐标轴 `ax`（Axes）。
    `ax.plot(x, y, label='...')` 画一条曲线并给它一个标签，`ax.legend()` 显示图例，
    `ax.set_xlabel`、`ax.set_ylabel`、`ax.set_title` 设置坐标轴标签和标题。
    `plt.show()` 只是把图显示出来，它的返回值是 `None`。

    **任务**：实现 `plot_sin_cos(x)`，在同一张图中画出 $\sin(x)$ 和 $\cos(x)$（`x` 的单位是弧度），要求：

    - 两条曲线的标签分别**恰好**是 `'sin'` 和 `'cos'`，并显示图例；
    - x 轴标签 `'x'`，y 轴标签 `'y'`，标题 `'sin and cos'`；
    - **返回这张图 `fig`**（Figure 对象），检查单元会读出图中曲线的数据和标签来评分。
    """)
    nb.solution("plot_sin_cos")
    nb.check("plot_sin_cos")
    nb.code("""
    x = np.arange(0, 3 * np.pi, 0.1)
    fig = plot_sin_cos(x)
    plt.show()
    """)

    nb.md(r"""
    完成了！提交前请选 **Kernel → Restart Kernel and Run All Cells…**，确认所有单元都能从头运行、检查单元都通过，
    然后按 **Ctrl + S** 保存。
    """)
