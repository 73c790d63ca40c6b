"""Chapter 3 texts (TensorFlow 2): what each catalogued mistake means, without giving the answer code."""

MISTAKES = {
    # --- tf_tensor_ops --------------------------------------------------------------------------
    "tf_tensor_ops.multiply_for_matmul": (
        "矩阵相乘用成了 tf.multiply：tf.multiply 是对应元素相乘，矩阵乘法要用 tf.matmul。",
        "The matrix product uses tf.multiply: tf.multiply multiplies element by element; a matrix product needs tf.matmul."),
    "tf_tensor_ops.subtract_reversed": (
        "减法的顺序反了：要计算的是 a - b，即 tf.subtract(a, b)。",
        "The subtraction is reversed: it is a - b, i.e. tf.subtract(a, b)."),
    "tf_tensor_ops.matmul_order_swapped": (
        "矩阵相乘的顺序反了：矩阵乘法不满足交换律，要计算的是 tf.matmul(a, b)。",
        "The matrix product is in the wrong order: matrix multiplication does not commute; it is tf.matmul(a, b)."),
    # --- f_eager --------------------------------------------------------------------------------
    "f_eager.b_squared": (
        "第二项写成了 b*b：f = a*a + a*b + c。",
        "The second term is b*b: f = a*a + a*b + c."),
    "f_eager.missing_c": (
        "漏掉了常数项 c：f = a*a + a*b + c。",
        "The constant c is missing: f = a*a + a*b + c."),
    "f_eager.double_ab": (
        "a*b 项多乘了 2（那是 (a+b)^2 的展开）：f = a*a + a*b + c。",
        "The a*b term is doubled (as in the expansion of (a+b)^2): f = a*a + a*b + c."),
    # --- f_graph --------------------------------------------------------------------------------
    "f_graph.plain_python": (
        "f_graph 只是普通的 Python 函数：在函数定义前加上 @tf.function，TensorFlow 才会把它构建成数据流图。",
        "f_graph is a plain Python function: put @tf.function above its definition so that TensorFlow builds it into a data-flow graph."),
    "f_graph.numpy_inside_graph": (
        "在 tf.function 内部调用了 .numpy()：构建图时张量还没有数值，直接返回张量即可。",
        "It calls .numpy() inside the tf.function: while the graph is being built a tensor has no value yet; return the tensor itself."),
    "f_graph.b_squared": (
        "图中的第二项写成了 b*b：f = a*a + a*b + c。",
        "The graph's second term is b*b: f = a*a + a*b + c."),
    # --- session_compute ------------------------------------------------------------------------
    "session_compute.returns_symbolic_tensor": (
        "返回的是图中的符号张量 f：构建好图以后还要在 Session 中用 sess.run(f, feed_dict=...) 运行，才能得到数值。",
        "It returns the graph's symbolic tensor f: after building the graph, run it in a Session with sess.run(f, feed_dict=...) to get the value."),
    "session_compute.eager_instead_of_session": (
        "直接用即时执行（eager）算出了结果，没有构建 tf.Graph、没有占位符，也没有 Session：本题要练习 3.4-3.5 的图与会话。",
        "It computes the value eagerly, with no tf.Graph, placeholders or Session: this exercise is about the graphs and sessions of 3.4-3.5."),
    "session_compute.constants_instead_of_placeholders": (
        "图中用 tf.constant 写死了数值：应定义 tf.compat.v1.placeholder，运行时再通过 feed_dict 送入 a_value 和 b_value。",
        "The values are baked into the graph with tf.constant: define tf.compat.v1.placeholder nodes and feed a_value and b_value through feed_dict when running."),
    "session_compute.adds_b_squared": (
        "图中计算的是 a*a + b*b：应为 f = a*a + a*b。",
        "The graph computes a*a + b*b: it should be f = a*a + a*b."),
    # --- linear_regression_tf -------------------------------------------------------------------
    "linear_regression_tf.sum_instead_of_mean": (
        "损失用了 tf.reduce_sum：均方误差要对样本取平均（tf.reduce_mean），否则 loss 和梯度都放大了 m 倍。",
        "The loss uses tf.reduce_sum: the mean squared error averages over the samples (tf.reduce_mean); otherwise loss and gradients are m times too large."),
    "linear_regression_tf.gradient_ascent": (
        "参数沿梯度方向增加（assign_add）：梯度下降应减去 learning_rate * 梯度（assign_sub）。",
        "The parameters move along the gradient (assign_add): gradient descent subtracts learning_rate * gradient (assign_sub)."),
    "linear_regression_tf.no_learning_rate": (
        "更新时没有乘学习率：w ← w - learning_rate * dw。",
        "The update does not multiply by the learning rate: w ← w - learning_rate * dw."),
    "linear_regression_tf.bias_never_updated": (
        "只更新了 w1，截距 w0 一直是 0：w0 也要求梯度并更新。",
        "Only w1 is updated and the intercept w0 stays 0: w0 needs its gradient and update too."),
    "linear_regression_tf.ignores_learning_rate_argument": (
        "学习率写死为 0.01，没有使用参数 learning_rate。",
        "The learning rate is hard-coded to 0.01 instead of using the argument learning_rate."),
    # --- write_loss_summary ---------------------------------------------------------------------
    "write_loss_summary.no_default_writer": (
        "tf.summary.scalar 没有写进文件：要在 `with writer.as_default():` 中调用它，摘要才会写入该 writer 的日志目录。",
        "tf.summary.scalar wrote nothing: call it inside `with writer.as_default():` so that the summary goes to that writer's log directory."),
    "write_loss_summary.constant_step": (
        "所有 loss 都写在了同一个 step 上：step 应是迭代序号 0, 1, 2, ...，TensorBoard 才能画出收敛曲线。",
        "Every loss is written at the same step: the step must be the iteration number 0, 1, 2, ... for TensorBoard to draw the curve."),
    "write_loss_summary.steps_from_one": (
        "step 从 1 开始编号了：第一个 loss 的 step 应为 0（使用 enumerate 的序号）。",
        "The steps start at 1: the first loss is at step 0 (the index from enumerate)."),
    "write_loss_summary.only_last_loss": (
        "只写入了最后一个 loss：tf.summary.scalar 要放在循环体内，每次迭代写一次。",
        "Only the last loss was written: tf.summary.scalar belongs inside the loop, once per iteration."),
}

CHECKS = {
    "not_tf_function": (
        "{name} 不是 tf.function（实际类型 {got}）：请用 @tf.function 装饰它。",
        "{name} is not a tf.function (its type is {got}): decorate it with @tf.function."),
    "tf_function_failed": (
        "{name} 在构建或运行计算图时出错：{etype}: {detail}",
        "{name} failed while building or running its graph: {etype}: {detail}"),
    "graph_not_run": (
        "{what} 是图中的符号张量（{summary}），没有数值：要在 Session 中运行图才能得到结果。",
        "{what} is a symbolic graph tensor ({summary}) with no value: run the graph in a Session to get the result."),
    "no_session_run": (
        "没有调用 Session.run：请在 tf.compat.v1.Graph 中构建计算图，再用 tf.compat.v1.Session 运行它。",
        "Session.run was never called: build the computation in a tf.compat.v1 Graph and run it with a tf.compat.v1.Session."),
    "no_feed_dict": (
        "运行 Session 时没有通过 feed_dict 给占位符送入数值：a 和 b 应是 tf.compat.v1.placeholder。",
        "The Session ran without feeding placeholders through feed_dict: a and b should be tf.compat.v1.placeholder nodes."),
    "no_event_file": (
        "日志目录中没有找到事件文件（events.out.tfevents.*）：请用 tf.summary.create_file_writer(logdir) 创建 writer。",
        "No event file (events.out.tfevents.*) was found in the log directory: create the writer with tf.summary.create_file_writer(logdir)."),
    "summary_tag_missing": (
        "事件文件中没有 tag 为 'loss' 的标量摘要（找到的标量 tag：{tags}）。",
        "The event file holds no scalar summary tagged 'loss' (scalar tags found: {tags})."),
}

TESTS = {
    "test_tf_tensor_ops_on_the_books_matrices":
        "tf_tensor_ops：[[1, 2], [3, 4]] 与 [[5, 6], [7, 8]] 的加法、减法、乘法和 matmul",
    "test_tf_tensor_ops_on_random_square_matrices":
        "tf_tensor_ops：随机 (n, n) float32 矩阵上的四个结果",
    "test_f_eager_on_the_books_numbers":
        "f_eager：a = 3、b = 4、c = 2 时 a*a + a*b + c 为 23",
    "test_f_eager_on_random_vectors":
        "f_eager：在随机 float32 向量上逐元素计算 a*a + a*b + c",
    "test_f_graph_is_a_tf_function_giving_23":
        "f_graph：一个真正的 tf.function，其计算图在 a = 3、b = 4、c = 2 时给出 23",
    "test_f_graph_on_random_vectors":
        "f_graph：在随机 float32 向量上计算 a*a + a*b + c 的 tf.function",
    "test_session_compute_feeds_3_and_4":
        "session_compute：向占位符输入 3.0 和 4.0 运行 Session，得到 21",
    "test_session_compute_on_random_vectors":
        "session_compute：通过 feed_dict 输入随机向量，计算 a*a + a*b",
    "test_linear_regression_tf_on_the_books_data":
        "linear_regression_tf：在书中数据上以学习率 0.01 迭代 60 次后的损失、w1 和 w0",
    "test_linear_regression_tf_on_a_random_line":
        "linear_regression_tf：随机直线、随机迭代次数和学习率下的损失、w1 和 w0",
    "test_write_loss_summary_of_four_losses":
        "write_loss_summary：TensorBoard 在第 0-3 步读到 'loss' = 3.0、2.0、1.5、1.2",
    "test_write_loss_summary_of_random_losses":
        "write_loss_summary：从事件文件读回的随机损失曲线的步数和取值",
}
