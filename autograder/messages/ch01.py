"""Chapter 1 texts: what each catalogued mistake means (without giving the answer code), the
chapter's own checks, and the Chinese description of every grader."""

MISTAKES = {
    # --- sign ----------------------------------------------------------------------------------
    "sign.zero_is_positive": (
        "0 既不是正数也不是负数：x > 0 才返回 'positive'，x 等于 0 时应返回 'zero'。",
        "0 is neither positive nor negative: only x > 0 is 'positive'; x equal to 0 must give 'zero'."),
    "sign.zero_is_negative": (
        "0 既不是正数也不是负数：x < 0 才返回 'negative'，x 等于 0 时应返回 'zero'。",
        "0 is neither positive nor negative: only x < 0 is 'negative'; x equal to 0 must give 'zero'."),
    # --- Greeter -------------------------------------------------------------------------------
    "Greeter.prints_instead_of_returning": (
        "greet 把问候语打印了出来，但没有返回它：函数要用 return 把字符串交给调用者（print 只是显示）。",
        "greet prints the greeting but does not return it: use return to hand the string to the caller "
        "(print only shows it)."),
    "Greeter.loud_upper_cases_only_the_name": (
        "loud=True 时整句问候语都要大写（'HELLO, NAME!'），而不只是名字。",
        "With loud=True the whole greeting is upper-case ('HELLO, NAME!'), not only the name."),
    "Greeter.lowercase_hello_without_exclamation": (
        "问候语的格式应为 'Hello, NAME!'：Hello 首字母大写，名字后面有感叹号。",
        "The greeting is 'Hello, NAME!': a capital H and an exclamation mark after the name."),
    "Greeter.name_is_a_class_attribute": (
        "名字保存成了类属性，所有 Greeter 共用最后一个名字：在 __init__ 中用 self.name = name 保存为实例变量。",
        "The name is stored on the class, so every Greeter shares the last one: store it on the instance "
        "with self.name = name in __init__."),
    # --- sigmoid -------------------------------------------------------------------------------
    "sigmoid.exp_of_plus_x": (
        "指数的符号反了：sigmoid(x) = 1 / (1 + e^(-x))，是 e 的 -x 次方。",
        "The exponent has the wrong sign: sigmoid(x) = 1 / (1 + e^(-x)), e to the power -x."),
    "sigmoid.missing_one_plus": (
        "分母漏掉了 1：sigmoid(x) = 1 / (1 + e^(-x))。", "The denominator is missing the 1: sigmoid(x) = 1 / (1 + e^(-x))."),
    "sigmoid.minus_in_denominator": (
        "分母应是 1 + e^(-x)，不是 1 - e^(-x)。", "The denominator is 1 + e^(-x), not 1 - e^(-x)."),
    # --- sigmoid_derivative --------------------------------------------------------------------
    "sigmoid_derivative.returns_s": (
        "返回的是 sigmoid 本身 s，而不是它的导数 s(1 - s)。",
        "This returns the sigmoid s itself, not its derivative s(1 - s)."),
    "sigmoid_derivative.formula_applied_to_x": (
        "导数公式 s(1 - s) 要用 s = sigmoid(x) 计算，而不是直接用输入 x。",
        "The derivative s(1 - s) is computed from s = sigmoid(x), not from the input x."),
    "sigmoid_derivative.tanh_derivative": (
        "1 - s² 是 tanh 的导数；sigmoid 的导数是 s(1 - s)。",
        "1 - s² is tanh's derivative; sigmoid's derivative is s(1 - s)."),
    # --- image2vector --------------------------------------------------------------------------
    "image2vector.fortran_order": (
        "元素的顺序不对：按 NumPy 默认的 C 顺序（最后一维变化最快）展开，不要用 order='F' 或先转置。",
        "The elements are in the wrong order: unroll in NumPy's default C order (the last axis changes "
        "fastest), not with order='F' or after a transpose."),
    "image2vector.row_vector": (
        "结果应是列向量 (h*w*c, 1)，而不是行向量 (1, h*w*c)。",
        "The result is a column vector (h*w*c, 1), not a row vector (1, h*w*c)."),
    "image2vector.flat_vector": (
        "结果应是二维列向量 (h*w*c, 1)，而不是一维数组 (h*w*c,)。",
        "The result is a 2-D column vector (h*w*c, 1), not a 1-D array (h*w*c,)."),
    # --- normalize_rows ------------------------------------------------------------------------
    "normalize_rows.l1_norm": (
        "用的是 L1 范数（绝对值之和）；这里要除以每行的 L2 范数 sqrt(Σ x²)。",
        "This uses the L1 norm (sum of absolute values); divide each row by its L2 norm sqrt(Σ x²)."),
    "normalize_rows.over_columns": (
        "范数是按列求的（axis=0）；按行归一化要对每一行求范数（axis=1）。",
        "The norms are taken over columns (axis=0); normalising rows takes each row's norm (axis=1)."),
    "normalize_rows.squared_norm": (
        "除以的是平方和 Σ x²，漏了开平方：L2 范数是 sqrt(Σ x²)。",
        "This divides by the sum of squares Σ x², without the square root: the L2 norm is sqrt(Σ x²)."),
    # --- l1_loss -------------------------------------------------------------------------------
    "l1_loss.averaged": (
        "L1 损失是求和 Σ|y - ŷ|，不是平均值。", "The L1 loss is the sum Σ|y - ŷ|, not the mean."),
    "l1_loss.abs_of_the_sum": (
        "要先对每个元素取绝对值再求和 Σ|y - ŷ|，而不是对差的总和取绝对值：正负误差会相互抵消。",
        "Take each element's absolute value, then sum (Σ|y - ŷ|), not the absolute value of the sum: "
        "positive and negative errors would cancel."),
    "l1_loss.squared": (
        "这是 L2 损失（平方）；L1 损失是绝对值之和 Σ|y - ŷ|。",
        "This is the L2 loss (squares); the L1 loss is the sum of absolute values Σ|y - ŷ|."),
    # --- l2_loss -------------------------------------------------------------------------------
    "l2_loss.averaged": (
        "L2 损失是求和 Σ(y - ŷ)²，不是平均值。", "The L2 loss is the sum Σ(y - ŷ)², not the mean."),
    "l2_loss.square_of_the_sum": (
        "要先对每个元素的差求平方再求和 Σ(y - ŷ)²，而不是对差的总和求平方。",
        "Square each element's difference, then sum (Σ(y - ŷ)²), not the square of the summed difference."),
    "l2_loss.euclidean_norm": (
        "L2 损失是平方和 Σ(y - ŷ)²，不要再开平方（那是欧氏距离 ||y - ŷ||）。",
        "The L2 loss is the sum of squares Σ(y - ŷ)², without a square root (that is the distance ||y - ŷ||)."),
    # --- plot_sin_cos --------------------------------------------------------------------------
    "plot_sin_cos.sin_and_cos_swapped": (
        "两条曲线的标签贴反了：标签为 'sin' 的曲线画的是 cos(x)，标签为 'cos' 的画的是 sin(x)。",
        "The labels are swapped: the line labelled 'sin' shows cos(x) and the one labelled 'cos' shows sin(x)."),
    "plot_sin_cos.degrees_instead_of_radians": (
        "x 的单位已经是弧度，np.sin / np.cos 直接接受弧度：不要把 x 换算成角度。",
        "x is already in radians, which np.sin / np.cos take directly: do not convert x to degrees."),
    "plot_sin_cos.missing_legend": (
        "图中没有图例：给曲线设置 label 之后，还要调用 ax.legend()（或 plt.legend()）才会显示图例。",
        "The figure has no legend: after labelling the lines, call ax.legend() (or plt.legend()) to show it."),
    "plot_sin_cos.returns_plt_show": (
        "函数返回了 plt.show() 的结果，也就是 None：要返回 Figure 对象（例如 fig, ax = plt.subplots() 得到的 fig）。",
        "The function returns the result of plt.show(), which is None: return the Figure (e.g. the fig of "
        "fig, ax = plt.subplots())."),
    "plot_sin_cos.returns_the_axes": (
        "返回的是坐标轴 Axes（ax），而不是整张图 Figure（fig）。",
        "This returns the Axes (ax), not the Figure (fig)."),
    "plot_sin_cos.plotted_against_the_index": (
        "曲线的横坐标不是 x：调用 plot 时只传了 y，横坐标变成了下标 0, 1, 2, ...；要写成 plot(x, y)。",
        "The lines' x data are not x: plot got only y, so the x axis is the index 0, 1, 2, ...; call plot(x, y)."),
    "plot_sin_cos.capitalised_labels": (
        "两条曲线的标签必须恰好是 'sin' 和 'cos'（小写），不是 'Sine' / 'Cosine'。",
        "The two labels must be exactly 'sin' and 'cos' (lower case), not 'Sine' / 'Cosine'."),
}

CHECKS = {
    "returned_none_printed": (
        "{what} 返回了 None，而问候语被打印了出来（{printed}）：用 return 返回字符串，不要 print。",
        "{what} returned None and printed the greeting instead ({printed}): return the string, do not print it."),
    "not_a_class": (
        "Greeter 应该是一个类（class Greeter: ...），现在它是 {got}。",
        "Greeter must be a class (class Greeter: ...); it is a {got}."),
    "not_a_figure": (
        "plot_sin_cos(x) 返回的是 {got}，应返回 matplotlib 的 Figure 对象（例如 fig, ax = plt.subplots() 中的 fig）。",
        "plot_sin_cos(x) returned {got}; it must return a Matplotlib Figure (e.g. the fig of fig, ax = plt.subplots())."),
    "no_line_labelled": (
        "图中没有标签为 '{label}' 的曲线（找到的曲线标签：{labels}）。用 plot(..., label='{label}') 或图例 legend 给曲线命名。",
        "The figure has no line labelled '{label}' (line labels found: {labels}). Name it with "
        "plot(..., label='{label}') or in the legend."),
    "several_lines_labelled": (
        "图中有 {count} 条标签为 '{label}' 的曲线，应只有一条。",
        "The figure has {count} lines labelled '{label}'; there must be exactly one."),
    "no_axes": (
        "plot_sin_cos(x) 返回的 Figure 中没有坐标轴（Axes），曲线要画在 Figure 的坐标轴上。",
        "The Figure that plot_sin_cos(x) returned has no Axes: the lines must be drawn on the figure's axes."),
    "line_data_not_numbers": (
        "{what} 不是数值数据。", "{what} is not numeric data."),
    "no_legend": (
        "图中没有图例：设置 label 之后还要调用 ax.legend()（或 plt.legend()）。",
        "The figure has no legend: after setting the labels, call ax.legend() (or plt.legend())."),
    "legend_missing_entry": (
        "图例中没有 '{label}'（图例中的条目：{entries}）。",
        "The legend has no entry '{label}' (its entries: {entries})."),
}

TESTS = {
    "test_sign_of_a_few_numbers": "sign：5、-3、0、2.5、-0.5、0.0 的正负（0 必须是 'zero'）",
    "test_sign_of_random_numbers": "sign：随机的整数和小数，其中有若干个 0",
    "test_greeter_greets_by_name": "Greeter：Greeter('Fred').greet() 返回 'Hello, Fred!'",
    "test_greeter_loud_greeting": "Greeter：Greeter('Fred').greet(loud=True) 返回 'HELLO, FRED!'",
    "test_greeter_instances_keep_their_own_names":
        "Greeter：先创建多个随机名字的 Greeter，再分别调用 greet()、greet(loud=False)、greet(loud=True)",
    "test_sigmoid_of_a_number": "sigmoid：标量输入 sigmoid(3) 与 sigmoid(-1.5)",
    "test_sigmoid_of_an_array": "sigmoid：数组输入 np.array([1, 2, 3]) 逐元素计算",
    "test_sigmoid_of_a_random_matrix": "sigmoid：随机形状和数值的矩阵",
    "test_sigmoid_derivative_of_an_array": "sigmoid_derivative：np.array([1, 2, 3]) 的导数 s(1 - s)",
    "test_sigmoid_derivative_of_a_random_matrix": "sigmoid_derivative：随机形状和数值的矩阵",
    "test_image2vector_of_a_small_image": "image2vector：(3, 2, 2) 的小图片展开为 (12, 1) 的列向量",
    "test_image2vector_of_a_random_image": "image2vector：随机维度 (h, w, c) 的图片",
    "test_normalize_rows_of_a_small_matrix": "normalize_rows：[[0, 3, 4], [1, 6, 4]] 的每行除以其 L2 范数",
    "test_normalize_rows_of_a_random_matrix": "normalize_rows：随机形状和数值的矩阵",
    "test_l1_loss_on_a_small_example": "l1_loss：ŷ = [.9, .2, .1, .4, .9]、y = [1, 0, 0, 1, 1] 时 L1 = 1.1",
    "test_l1_loss_on_random_vectors": "l1_loss：随机长度和数值的向量",
    "test_l2_loss_on_a_small_example": "l2_loss：ŷ = [.9, .2, .1, .4, .9]、y = [1, 0, 0, 1, 1] 时 L2 = 0.43",
    "test_l2_loss_on_random_vectors": "l2_loss：随机长度和数值的向量",
    "test_plot_sin_cos_draws_both_curves": "plot_sin_cos：返回 Figure，标签为 'sin' 和 'cos' 的曲线分别是 sin(x) 和 cos(x)",
    "test_plot_sin_cos_has_a_legend": "plot_sin_cos：图中有图例，显示 'sin' 和 'cos'",
    "test_plot_sin_cos_axis_labels_and_title": "plot_sin_cos：x 轴标签 'x'、y 轴标签 'y'、标题 'sin and cos'",
    "test_plot_sin_cos_on_random_points": "plot_sin_cos：随机个数、随机取值（弧度）的 x 上两条曲线的数据",
}
