"""Chapter 2 texts (PyTorch): what each catalogued mistake means, without giving the answer code."""

MISTAKES = {
    # --- tensor_ops -----------------------------------------------------------------------------
    "tensor_ops.elementwise_for_matmul": (
        "矩阵相乘用成了 `*`：在 PyTorch 中 `*`（即 mul）是对应元素相乘，矩阵乘法要用 `@`、torch.mm 或 torch.matmul。",
        "The matrix product uses `*`: in PyTorch `*` (mul) multiplies element by element; a matrix product needs `@`, torch.mm or torch.matmul."),
    "tensor_ops.matmul_without_transpose": (
        "矩阵相乘时忘了转置 b：要计算的是 a @ b.T，两个 (n, m) 矩阵才能相乘。",
        "The matrix product forgets to transpose b: it is a @ b.T, so that two (n, m) matrices can be multiplied."),
    "tensor_ops.products_swapped": (
        "对应元素相乘与矩阵相乘的位置颠倒了：第二个返回值是 a * b，第三个才是 a @ b.T。",
        "The element-wise and the matrix product are swapped: the second value is a * b, the third a @ b.T."),
    # --- numpy_bridge ---------------------------------------------------------------------------
    "numpy_bridge.copies_with_torch_tensor": (
        "torch.tensor(x) 会复制数据，得到的 Tensor 与 NumPy 数组不再共享内存；要共享内存请用 torch.from_numpy(x)。",
        "torch.tensor(x) copies the data, so the tensor no longer shares memory with the array; use torch.from_numpy(x) to share it."),
    "numpy_bridge.float_tensor_constructor": (
        "torch.Tensor(x) 是 float32 张量的构造函数：它把 float64 数组复制并转换为 float32，不共享内存；请用 torch.from_numpy(x)。",
        "torch.Tensor(x) is the float32 constructor: it copies a float64 array into float32 and shares no memory; use torch.from_numpy(x)."),
    # --- mean_grad ------------------------------------------------------------------------------
    "mean_grad.sum_instead_of_mean": (
        "用了 sum() 而不是 mean()：求和的梯度是 1，取平均后的梯度才是 1/(元素个数)。",
        "sum() was used instead of mean(): the gradient of a sum is 1, of a mean 1/(number of elements)."),
    "mean_grad.backward_twice": (
        "backward() 调用了两次：PyTorch 会把梯度累加到 .grad 中，结果变成了正确值的 2 倍。",
        "backward() was called twice: PyTorch accumulates gradients in .grad, so the result is twice the right value."),
    "mean_grad.mean_over_one_axis": (
        "只沿一个维度求了平均（再求和）：z 是所有元素的平均值 (x + y).mean()，梯度是 1/(n*m)。",
        "The mean was taken along one axis only (then summed): z is the mean of all elements, (x + y).mean(), so the gradient is 1/(n*m)."),
    # --- vector_backward ------------------------------------------------------------------------
    "vector_backward.mean_then_backward": (
        "先对 z 取了平均再 backward()：z 是张量时应调用 z.backward(torch.ones_like(z))，此时梯度是 2 和 3，而不是再除以元素个数。",
        "z was averaged before backward(): for a tensor z call z.backward(torch.ones_like(z)); the gradients are then 2 and 3, not divided by the number of elements."),
    "vector_backward.gradient_is_z": (
        "backward 的参数用错了：传入的应是与 z 形状相同的全 1 张量 torch.ones_like(z)，而不是 z 本身。",
        "Wrong argument to backward: it must be a tensor of ones shaped like z, torch.ones_like(z), not z itself."),
    "vector_backward.grads_swapped": (
        "返回的两个梯度顺序颠倒了：先返回 x.grad（全为 2），再返回 y.grad（全为 3）。",
        "The two gradients are returned in the wrong order: x.grad (all 2) first, then y.grad (all 3)."),
    # --- no_grad_double -------------------------------------------------------------------------
    "no_grad_double.outside_no_grad": (
        "2 * x 没有放在 with torch.no_grad(): 中计算，结果仍然 requires_grad=True。",
        "2 * x is not computed inside `with torch.no_grad():`, so the result still has requires_grad=True."),
    "no_grad_double.in_place_on_input": (
        "用原地操作（如 x.mul_(2)）修改了输入 x：应计算一个新的张量 2 * x，不要改动调用者的数据。",
        "The input x was changed in place (e.g. x.mul_(2)): compute a new tensor 2 * x and leave the caller's data alone."),
    "no_grad_double.squares_input": (
        "计算的是 x * x（平方），题目要求的是 2 * x。",
        "This computes x * x (the square); the task is 2 * x."),
    # --- LinearRegression -----------------------------------------------------------------------
    "LinearRegression.no_bias": (
        "全连接层没有偏置：nn.Linear(1, 1) 默认带偏置 b，不要传 bias=False，线性回归需要截距。",
        "The layer has no bias: nn.Linear(1, 1) has a bias b by default; do not pass bias=False, linear regression needs the intercept."),
    "LinearRegression.forward_returns_input": (
        "forward 返回的是输入 x 本身，而不是全连接层的输出 self.fc(x)。",
        "forward returns its input x instead of the layer's output self.fc(x)."),
    "LinearRegression.relu_after_fc": (
        "forward 在线性层后加了 ReLU：线性回归的输出是 w * x + b，可以是负数，不能截断为 0。",
        "forward applies a ReLU after the layer: a linear regression outputs w * x + b, which may be negative and must not be clipped at 0."),
    # --- train_linear_regression ----------------------------------------------------------------
    "train_linear_regression.no_zero_grad": (
        "每个 epoch 没有调用 optimizer.zero_grad()：PyTorch 会累加梯度，更新用的是历次梯度之和，训练不再收敛到正确的直线。",
        "optimizer.zero_grad() is not called each epoch: PyTorch accumulates gradients, so every update uses the sum of all past gradients and training no longer converges to the right line."),
    "train_linear_regression.no_optimizer_step": (
        "没有调用 optimizer.step()：loss.backward() 只计算梯度，参数 w、b 从未更新，loss 一直不变。",
        "optimizer.step() is never called: loss.backward() only computes gradients, so w and b are never updated and the loss stays the same."),
    "train_linear_regression.sum_reduction": (
        "损失用了 nn.MSELoss(reduction='sum')：均方误差要对样本取平均（默认的 reduction='mean'），否则 loss 和梯度都放大了 m 倍。",
        "The loss uses nn.MSELoss(reduction='sum'): the mean squared error averages over the samples (the default reduction='mean'); otherwise loss and gradients are m times too large."),
    "train_linear_regression.ignores_lr_argument": (
        "优化器的学习率写死了（如 lr=0.01），没有使用参数 lr。",
        "The optimizer's learning rate is hard-coded (e.g. lr=0.01) instead of using the argument lr."),
}

CHECKS = {
    "dtype": ("{what} 的数据类型是 {got}，应为 {expected}。", "{what} has dtype {got}; expected {expected}."),
    "not_sharing_memory": (
        "{what} 与输入的 NumPy 数组不共享内存：修改数组后张量没有随之改变（Tensor 与 NumPy 之间的转换见 2.3.3）。",
        "{what} does not share memory with the NumPy array: changing the array did not change the tensor (see 2.3.3)."),
    "result_requires_grad": (
        "{what} 的 requires_grad 为 True：在 torch.no_grad() 中计算的结果不应再跟踪梯度。",
        "{what} has requires_grad=True: a result computed under torch.no_grad() must not track gradients."),
    "input_modified": (
        "调用后输入张量 x 的数值被改变了：函数不应修改传入的张量。",
        "The input tensor x changed during the call: the function must not modify its argument."),
    "not_module_class": (
        "{name} 应是继承自 nn.Module 的类，实际得到的是 {got}。",
        "{name} should be a class derived from nn.Module; got {got}."),
    "fc_missing": (
        "模型没有名为 fc 的子层：请在 __init__ 中定义 self.fc = nn.Linear(1, 1)。",
        "The model has no sub-layer named fc: define self.fc = nn.Linear(1, 1) in __init__."),
    "fc_not_linear": (
        "self.fc 应是 nn.Linear(1, 1)（一个输入、一个输出），实际是 {got}。",
        "self.fc should be nn.Linear(1, 1) (one input, one output); it is {got}."),
    "fc_without_bias": (
        "self.fc 没有偏置 b：线性回归 y = w * x + b 需要偏置。",
        "self.fc has no bias: linear regression y = w * x + b needs one."),
    "parameter_count": (
        "模型应恰好有 2 个可训练参数（w 和 b），实际有 {got} 个（{names}）。",
        "The model should have exactly 2 trainable parameters (w and b); it has {got} ({names})."),
    "train_not_pair": (
        "train_linear_regression 应返回 (model, losses) 两个值，实际返回的是 {got}。",
        "train_linear_regression should return the pair (model, losses); it returned {got}."),
    "train_model_not_module": (
        "返回的 model 应是训练好的 nn.Module（LinearRegression 对象），实际是 {got}。",
        "The returned model should be the trained nn.Module (a LinearRegression); it is {got}."),
    "losses_not_numbers": (
        "losses 应是每个 epoch 一个数的列表（用 loss.item() 取出数值），其中出现了 {got}。",
        "losses should be a list of one number per epoch (take the value with loss.item()); it holds {got}."),
    "losses_length": (
        "losses 应记录每个 epoch 的 loss，共 {expected} 个，实际有 {got} 个。",
        "losses should hold one loss per epoch, {expected} in all; it has {got}."),
    "params_not_updated": (
        "训练 {epochs} 个 epoch 后模型的 w 和 b 仍是初始值：参数没有被更新（optimizer.step() 是否被调用？）。",
        "After {epochs} epochs the model's w and b still have their initial values: the parameters were never updated (is optimizer.step() called?)."),
    "model_not_linear": (
        "返回的模型没有可读取的 fc 层权重 w 和偏置 b（应是 nn.Linear(1, 1)）。",
        "The returned model has no fc layer whose weight w and bias b can be read (it should be nn.Linear(1, 1))."),
}

TESTS = {
    "test_tensor_ops_on_two_2x2_matrices":
        "tensor_ops：a = [[1, 2], [3, 4]]、b = [[5, 6], [7, 8]] 时的 a + b、a * b 和 a @ b.T",
    "test_tensor_ops_on_random_rectangular_matrices":
        "tensor_ops：随机 (n, m) 矩阵（n != m）上的三个结果",
    "test_numpy_bridge_shares_memory_with_a_small_array":
        "numpy_bridge：得到与数组取值和 dtype 相同、并随数组变化而变化的张量",
    "test_numpy_bridge_on_a_random_array":
        "numpy_bridge：随机 float64 数组上的取值、dtype 和内存共享",
    "test_mean_grad_on_3x2_tensors":
        "mean_grad：3x2 张量上 z = (x + y).mean() 的 dz/dx 和 dz/dy（均为 1/6）",
    "test_mean_grad_on_random_tensors":
        "mean_grad：随机 (n, m) 张量上的两个梯度",
    "test_vector_backward_on_2x2_tensors":
        "vector_backward：对 z = 2x + 3y（2x2 张量），x.grad 全为 2，y.grad 全为 3",
    "test_vector_backward_on_random_tensors":
        "vector_backward：随机 (n, m) 张量上的两个梯度",
    "test_no_grad_double_on_a_2x2_tensor":
        "no_grad_double：得到 requires_grad 为 False 的 2x，且 x 保持不变（x = [[1, 2], [3, 4]]）",
    "test_no_grad_double_on_a_random_tensor":
        "no_grad_double：随机张量上的取值、requires_grad 以及输入保持不变",
    "test_linear_regression_is_one_linear_layer":
        "LinearRegression：一个 nn.Module，其 fc = nn.Linear(1, 1)，对形状为 (5, 1) 的 x 给出 w * x + b",
    "test_linear_regression_on_a_random_batch":
        "LinearRegression：随机批量上的参数、网络层和输出 w * x + b",
    "test_train_linear_regression_on_the_books_data":
        "train_linear_regression：在 y = 3x + 10 + 0.5·noise 上以 lr 5e-3 训练 200 轮后的损失、w 和 b",
    "test_train_linear_regression_on_a_random_line":
        "train_linear_regression：随机直线、随机训练轮数和学习率下的损失、w 和 b",
    "test_train_linear_regression_returns_the_trained_model":
        "train_linear_regression：返回的模型用训练得到的 w 和 b 预测 w * x + b",
}
