"""Chapter 8 texts: catalogued mistakes (`MISTAKES`), chapter checks (`CHECKS`) and the Chinese
description of every grader (`TESTS`)."""

MISTAKES = {
    # --- conv_output_size --------------------------------------------------------------------------
    "conv_output_size.missing_plus_one": (
        "输出边长少了 +1：公式是 ⌊(n + 2p - f)/s⌋ + 1（第一个窗口也要算上）。",
        "The size lacks the +1: it is ⌊(n + 2p - f)/s⌋ + 1 (the first window counts too)."),
    "conv_output_size.pad_not_doubled": (
        "填充只算了一边：上下（左右）两边都补 p，所以是 n + 2p。",
        "The padding is counted once: both sides get p, so it is n + 2p."),
    "conv_output_size.true_division": (
        "用了普通除法 /，结果可能是小数：要向下取整，用 // 或 int()。",
        "Uses true division /, which can give a fraction: round down with // or int()."),
    "conv_output_size.ceil_instead_of_floor": (
        "向上取整了：放不下的最后一个窗口要舍去，应向下取整 ⌊·⌋。",
        "Rounds up: a last window that does not fit is dropped, so round down ⌊·⌋."),
    # --- zero_pad ----------------------------------------------------------------------------------
    "zero_pad.pads_every_axis": (
        "np.pad(X, pad) 会在所有四个维度上填充，包括样本和通道：只填充高和宽，((0, 0), (pad, pad), (pad, pad), (0, 0))。",
        "np.pad(X, pad) pads all four axes, examples and channels too: pad height and width only, "
        "((0, 0), (pad, pad), (pad, pad), (0, 0))."),
    "zero_pad.pads_one_side": (
        "只在上边和左边填充了：每个方向的两边都要补 pad，(pad, pad)。",
        "Only the top and left are padded: both sides get pad, (pad, pad)."),
    "zero_pad.pads_as_if_channels_first": (
        "填充了最后两个维度（宽和通道），这是 PyTorch 的 (m, n_C, n_H, n_W) 布局；本章的布局是 (m, n_H, n_W, n_C)，应填充第 1、2 维。",
        "Pads the last two axes (width and channels), as for PyTorch's (m, n_C, n_H, n_W) layout; this "
        "chapter's layout is (m, n_H, n_W, n_C), so pad axes 1 and 2."),
    # --- conv_single_step --------------------------------------------------------------------------
    "conv_single_step.bias_missing": (
        "漏加了偏置 b：Z = Σ(a_slice_prev ⊙ W) + b。",
        "The bias b is missing: Z = Σ(a_slice_prev ⊙ W) + b."),
    "conv_single_step.bias_added_per_position": (
        "偏置加在了求和之前（每个位置都加了一次 b）：应先求和，再加一次 b。",
        "The bias is added before the sum (once per position): sum first, then add b once."),
    "conv_single_step.kernel_flipped": (
        "卷积核被翻转了（数学上的卷积）：深度学习中的“卷积”是互相关，窗口与 W 直接对应元素相乘，不翻转。",
        "The kernel is flipped (the mathematical convolution): deep learning's \"convolution\" is a "
        "cross-correlation, the window times W element-wise, unflipped."),
    "conv_single_step.not_summed": (
        "没有把乘积求和：一次卷积运算的结果是一个数 np.sum(a_slice_prev * W) + b。",
        "The products are not summed: one convolution step gives one number, np.sum(a_slice_prev * W) + b."),
    # --- conv_forward ------------------------------------------------------------------------------
    "conv_forward.kernel_flipped": (
        "卷积核被翻转了（数学上的卷积）：深度学习中的“卷积”是互相关，不翻转 W。",
        "The kernel is flipped (the mathematical convolution): deep learning's \"convolution\" is a "
        "cross-correlation, W is not flipped."),
    "conv_forward.padding_ignored": (
        "没有使用 hparameters['pad']：先用 zero_pad 填充输入，输出尺寸也要按 p 计算。",
        "hparameters['pad'] is ignored: pad the input with zero_pad, and use p in the output size."),
    "conv_forward.padding_applied_twice": (
        "输入被填充了两次：只调用一次 zero_pad(A_prev, pad)。",
        "The input is padded twice: call zero_pad(A_prev, pad) once."),
    "conv_forward.stride_ignored": (
        "窗口移动时没有乘步幅：vert_start = h * stride，horiz_start = w * stride。",
        "The windows do not move by the stride: vert_start = h * stride, horiz_start = w * stride."),
    "conv_forward.output_size_off_by_one": (
        "输出尺寸少了 1：n_H = ⌊(n_H_prev + 2p - f)/s⌋ + 1（可以用 conv_output_size）。",
        "The output is one too small: n_H = ⌊(n_H_prev + 2p - f)/s⌋ + 1 (conv_output_size computes it)."),
    "conv_forward.bias_missing": (
        "漏加了偏置 b：每个输出都是窗口与卷积核的乘积之和再加上该卷积核的 b。",
        "The bias b is missing: each output is the sum of window times kernel plus that kernel's b."),
    "conv_forward.bias_added_per_position": (
        "偏置加在了求和之前（窗口的每个位置都加了一次 b）：应先求和，再加一次 b。",
        "The bias is added before the sum (once per window position): sum first, then add b once."),
    "conv_forward.n_H_n_W_swapped": (
        "输出的高和宽对调了：Z 的维度是 (m, n_H, n_W, n_C)，h 对应高（第 1 维），w 对应宽（第 2 维）。",
        "The output's height and width are swapped: Z is (m, n_H, n_W, n_C), h indexes the height (axis 1), "
        "w the width (axis 2)."),
    "conv_forward.cache_holds_padded_input": (
        "cache 中存的是填充后的 A_prev_pad：cache 应为 (A_prev, W, b, hparameters)，反向传播时再填充。",
        "The cache holds the padded A_prev_pad: the cache is (A_prev, W, b, hparameters); the backward pass pads again."),
    # --- pool_forward ------------------------------------------------------------------------------
    "pool_forward.average_mode_ignored": (
        "mode='average' 时也取了最大值：平均池化取窗口的平均值 np.mean。",
        "mode='average' still takes the maximum: average pooling takes the window's mean, np.mean."),
    "pool_forward.stride_ignored": (
        "窗口移动时没有乘步幅：vert_start = h * stride，horiz_start = w * stride。",
        "The windows do not move by the stride: vert_start = h * stride, horiz_start = w * stride."),
    "pool_forward.pooled_across_channels": (
        "在所有通道上一起取了最大值（平均值）：池化对每个通道 c 分别进行，窗口是 A_prev[i, 高, 宽, c]。",
        "Pools across all channels at once: pooling works on each channel c separately, the window is "
        "A_prev[i, rows, columns, c]."),
    "pool_forward.output_size_off_by_one": (
        "输出尺寸少了 1：n_H = ⌊(n_H_prev - f)/s⌋ + 1。",
        "The output is one too small: n_H = ⌊(n_H_prev - f)/s⌋ + 1."),
    "pool_forward.n_H_n_W_swapped": (
        "输出的高和宽对调了：A 的维度是 (m, n_H, n_W, n_C)。",
        "The output's height and width are swapped: A is (m, n_H, n_W, n_C)."),
    # --- conv_backward -----------------------------------------------------------------------------
    "conv_backward.kernel_flipped": (
        "dA_prev 用了翻转的卷积核：前向传播没有翻转 W，反向传播把 W[:, :, :, c] * dZ[i, h, w, c] 加回到对应窗口。",
        "dA_prev uses a flipped kernel: the forward pass did not flip W; backward adds W[:, :, :, c] * "
        "dZ[i, h, w, c] back onto that window."),
    "conv_backward.dA_prev_not_unpadded": (
        "返回的 dA_prev 还带着填充：要去掉填充部分，维度与 A_prev 相同（pad 为 0 时注意 pad:-pad 是空的）。",
        "The returned dA_prev still has the padding: remove it so that it has A_prev's shape (with pad 0, "
        "pad:-pad is empty)."),
    "conv_backward.dW_db_divided_by_m": (
        "dW、db 除以了 m：这里 dZ 已经是损失的梯度，dW、db 是对所有样本和位置求和，不再取平均。",
        "dW and db are divided by m: dZ already is the loss's gradient, so dW and db sum over examples and "
        "positions, no average."),
    "conv_backward.dW_db_not_summed_over_batch": (
        "dW、db 只包含了最后一个样本：要在所有样本上累加，初始化放在样本循环之外。",
        "dW and db hold the last example only: accumulate over every example, initialise them outside the "
        "loop over examples."),
    "conv_backward.stride_ignored": (
        "窗口移动时没有乘步幅：与前向传播一样，vert_start = h * stride，horiz_start = w * stride。",
        "The windows do not move by the stride: as in the forward pass, vert_start = h * stride, "
        "horiz_start = w * stride."),
    # --- create_mask_from_window, distribute_value ------------------------------------------------
    "create_mask_from_window.max_per_column": (
        "np.max(x, axis=0) 是每一列的最大值：掩码只标记整个窗口的最大值 np.max(x)。",
        "np.max(x, axis=0) is each column's maximum: the mask marks the whole window's maximum np.max(x)."),
    "create_mask_from_window.argmax_index": (
        "np.argmax 返回的是位置的下标，而不是掩码：mask = (x == np.max(x))，维度与 x 相同。",
        "np.argmax gives an index, not a mask: mask = (x == np.max(x)), shaped like x."),
    "create_mask_from_window.max_value_instead_of_one": (
        "掩码在最大值处是最大值本身而不是 1（True）：mask = (x == np.max(x))。",
        "The mask holds the maximum's value instead of 1 (True): mask = (x == np.max(x))."),
    "distribute_value.not_divided_by_window_size": (
        "没有除以窗口大小：平均池化中每个位置占 1/(n_H·n_W)，所以每个位置得到 dz / (n_H·n_W)。",
        "Not divided by the window size: in average pooling each position counts 1/(n_H·n_W), so each gets "
        "dz / (n_H·n_W)."),
    "distribute_value.divided_by_one_side": (
        "只除以了窗口的一条边：要除以窗口的元素个数 n_H·n_W。",
        "Divided by one side of the window only: divide by its number of entries n_H·n_W."),
    "distribute_value.returns_a_number": (
        "返回的是一个数：应返回维度为 shape 的数组，每个元素都是 dz / (n_H·n_W)。",
        "Returns a number: return an array of the given shape, each entry dz / (n_H·n_W)."),
    # --- pool_backward -----------------------------------------------------------------------------
    "pool_backward.assigned_not_accumulated": (
        "用 = 赋值覆盖了之前的梯度：窗口重叠时（stride < f）要用 += 累加。",
        "Assigns with = and overwrites earlier gradients: windows overlap when stride < f, so accumulate with +=."),
    "pool_backward.average_not_divided_by_window_size": (
        "平均池化的梯度没有除以窗口大小 f·f（可以用 distribute_value）。",
        "The average-pool gradient is not divided by the window size f·f (distribute_value does it)."),
    "pool_backward.average_mode_ignored": (
        "mode='average' 时也按最大池化求了梯度：平均池化把梯度平均分到窗口的每个位置。",
        "mode='average' still takes the max-pool gradient: average pooling spreads the gradient evenly over the window."),
    "pool_backward.stride_ignored": (
        "窗口移动时没有乘步幅：vert_start = h * stride，horiz_start = w * stride。",
        "The windows do not move by the stride: vert_start = h * stride, horiz_start = w * stride."),
    # --- vertical_edge_kernel, detect_vertical_edges ----------------------------------------------
    "vertical_edge_kernel.horizontal_kernel": (
        "这是水平边缘检测核（上正下负）：垂直边缘检测核是左列 1、中间列 0、右列 -1。",
        "This is the horizontal-edge kernel (top positive, bottom negative): the vertical one has 1 in the "
        "left column, 0 in the middle, -1 on the right."),
    "vertical_edge_kernel.sign_flipped": (
        "符号反了：书中的垂直边缘检测核是左列 1、右列 -1（亮到暗的边缘得到正值）。",
        "The signs are reversed: the book's kernel has 1 on the left and -1 on the right (a bright-to-dark edge "
        "gives a positive response)."),
    "detect_vertical_edges.kernel_flipped": (
        "卷积核被翻转了（数学上的卷积）：深度学习中的“卷积”是互相关，窗口与卷积核直接对应元素相乘。",
        "The kernel is flipped (the mathematical convolution): deep learning's \"convolution\" is a "
        "cross-correlation, the window times the kernel element-wise."),
    "detect_vertical_edges.horizontal_kernel": (
        "用了转置的卷积核，检测的是水平边缘：直接使用 vertical_edge_kernel()。",
        "Uses the transposed kernel, which detects horizontal edges: use vertical_edge_kernel() as it is."),
    "detect_vertical_edges.same_padding": (
        "先填充了图片（'same' 卷积）：这里不填充、步幅为 1，输出维度是 (n_H - 2, n_W - 2)。",
        "The image is padded first (a 'same' convolution): here there is no padding and stride 1, so the "
        "output is (n_H - 2, n_W - 2)."),
    # --- LeNet5 ------------------------------------------------------------------------------------
    "LeNet5.relu_missing": (
        "没有 ReLU 激活：两个卷积层和前两个全连接层之后都要加 F.relu，否则整个网络只是一个线性函数加池化。",
        "No ReLU: both conv layers and the first two linear layers are followed by F.relu, or the network is "
        "little more than a linear function."),
    "LeNet5.pooling_missing": (
        "没有 2×2 最大池化：每个卷积层（和 ReLU）之后都有一个 MaxPool2d(2, 2)，28 -> 24 -> 12 -> 8 -> 4。",
        "The 2x2 max pooling is missing: each conv layer (and ReLU) is followed by MaxPool2d(2, 2), "
        "28 -> 24 -> 12 -> 8 -> 4."),
    "LeNet5.wrong_flatten_size": (
        "拉伸后的长度写成了 16×5×5 = 400（那是 32×32 输入的 LeNet-5）：28×28 的输入经过两次卷积和池化后是 16×4×4 = 256。",
        "The flattened size is 16x5x5 = 400 (LeNet-5 for 32x32 inputs): a 28x28 input ends up 16x4x4 = 256 "
        "after two convolutions and poolings."),
    "LeNet5.softmax_in_forward": (
        "forward 最后做了 softmax：nn.CrossEntropyLoss 自己包含 log-softmax，模型应输出未经 softmax 的得分。",
        "forward ends with a softmax: nn.CrossEntropyLoss contains the log-softmax itself, so the model returns raw scores."),
    # --- train_model -------------------------------------------------------------------------------
    "train_model.zero_grad_missing": (
        "每个 mini-batch 之前没有 optimizer.zero_grad()：PyTorch 会把梯度累加到 .grad 中。",
        "No optimizer.zero_grad() before each mini-batch: PyTorch accumulates gradients in .grad."),
    "train_model.softmax_before_cross_entropy": (
        "把 softmax 的输出传给了 nn.CrossEntropyLoss：它的输入应是未经 softmax 的得分（它自己做 log-softmax）。",
        "Softmax outputs are passed to nn.CrossEntropyLoss: it takes raw scores (it applies log-softmax itself)."),
    "train_model.sgd_instead_of_adam": (
        "用了 optim.SGD：本书用 optim.Adam(model.parameters(), lr=lr)。",
        "Uses optim.SGD: the book uses optim.Adam(model.parameters(), lr=lr)."),
    "train_model.lr_not_passed": (
        "没有把学习率 lr 传给优化器（用了 Adam 的默认值 0.001）：optim.Adam(model.parameters(), lr=lr)。",
        "The learning rate lr is not passed to the optimizer (Adam's default 0.001 is used): "
        "optim.Adam(model.parameters(), lr=lr)."),
    "train_model.loss_averaged_over_batches": (
        "每个 epoch 的损失按 mini-batch 个数平均了：最后一个 batch 较小时结果不同，要按样本平均（loss.item() * batch 大小，再除以样本总数）。",
        "Each epoch's loss is averaged over the mini-batches: with a smaller last batch that differs; average over "
        "samples (loss.item() times the batch size, divided by the number of samples)."),
    "train_model.loss_summed_not_averaged": (
        "每个 epoch 的损失是各 batch 损失之和，没有求平均：要除以样本总数。",
        "Each epoch's loss is the sum of the batch losses: divide by the number of samples."),
    "train_model.last_batch_loss_only": (
        "记录的是每个 epoch 最后一个 batch 的损失：要记录整个 epoch 按样本平均的损失。",
        "Records the last batch's loss of each epoch: record the epoch's loss averaged over all samples."),
    # --- evaluate ----------------------------------------------------------------------------------
    "evaluate.eval_mode_missing": (
        "测试前没有调用 model.eval()：dropout、batch norm 等层在训练模式和测试模式下的行为不同。",
        "model.eval() is not called before testing: layers such as dropout and batch norm behave differently "
        "in training mode."),
    "evaluate.no_grad_missing": (
        "测试时没有用 with torch.no_grad()：不需要梯度时不要构建计算图（节省内存和时间）。",
        "Testing is not done under with torch.no_grad(): do not build the graph when no gradient is needed."),
    "evaluate.accuracy_over_batches": (
        "准确率按 mini-batch 平均了：最后一个 batch 较小时结果不同，要用预测正确的样本总数除以样本总数。",
        "The accuracy is averaged over mini-batches: with a smaller last batch that differs; divide the number of "
        "correct samples by the number of samples."),
    "evaluate.percent_not_fraction": (
        "返回的是百分数：evaluate 返回 0 到 1 之间的比例（打印时再乘以 100）。",
        "Returns a percentage: evaluate returns a fraction between 0 and 1 (multiply by 100 when printing)."),
    # --- build_cnn ---------------------------------------------------------------------------------
    "build_cnn.valid_padding": (
        "卷积层没有用 padding='same'：书中的卷积保持 28×28 和 14×14 的尺寸，最后拉伸为 7×7×64。",
        "The conv layers lack padding='same': the book's convolutions keep 28x28 and 14x14, flattening 7x7x64 at the end."),
    "build_cnn.second_pool_missing": (
        "少了第二个最大池化层：两个卷积层之后各有一个 2×2 最大池化，28 -> 14 -> 7。",
        "The second max-pooling layer is missing: each conv layer is followed by 2x2 max pooling, 28 -> 14 -> 7."),
    "build_cnn.softmax_missing": (
        "输出层没有 softmax：最后的 Dense(10) 要用 activation='softmax'，输出各类别的概率。",
        "The output layer has no softmax: the last Dense(10) uses activation='softmax' to output probabilities."),
    "build_cnn.relu_missing": (
        "卷积层和 1024 个神经元的全连接层没有 ReLU 激活：activation='relu'。",
        "The conv layers and the 1024-unit dense layer have no ReLU: activation='relu'."),
    # --- train_cnn_tf ------------------------------------------------------------------------------
    "train_cnn_tf.learning_rate_1e_4": (
        "学习率用了 1e-4（书中 TF1 代码的值）：本作业用 Adam(learning_rate=1e-3)。",
        "The learning rate is 1e-4 (the book's TF1 value): this assignment uses Adam(learning_rate=1e-3)."),
    "train_cnn_tf.sgd_instead_of_adam": (
        "优化器用了 SGD：本书用 Adam，学习率 1e-3。",
        "The optimizer is SGD: the book uses Adam, learning rate 1e-3."),
    "train_cnn_tf.batch_size_not_passed": (
        "没有把 batch_size 传给 model.fit（用了默认的 32）。",
        "batch_size is not passed to model.fit (its default 32 is used)."),
    "train_cnn_tf.epochs_not_passed": (
        "没有把 epochs 传给 model.fit（只训练了默认的 1 个 epoch）。",
        "epochs is not passed to model.fit (only its default single epoch is trained)."),
}

CHECKS = {
    "not_module_class": (
        "{name} 应是继承 nn.Module 的类，实际是 {got}。", "{name} must be a class derived from nn.Module; it is {got}."),
    "output_not_tensor": (
        "{what} 返回的是 {got}，应为 torch.Tensor。", "{what} returned {got}; expected a torch.Tensor."),
    "parameter_shapes": (
        "{what} 的参数形状是 {got}，应为 {expected}（顺序不限）。",
        "{what} has parameters of shapes {got}; expected {expected} (in any order)."),
    "conv_layer": (
        "卷积层的设置是 {got}，应为 {expected}（不填充、步幅 1）。",
        "A conv layer is set up as {got}; expected {expected} (no padding, stride 1)."),
    "losses_not_numbers": (
        "train_model 返回的 losses 不是数字列表（{got}）：每个 epoch 记录一个 Python float（loss.item()）。",
        "train_model's losses are not a list of numbers ({got}): record one Python float per epoch (loss.item())."),
    "losses_length": (
        "train_model 返回了 {got} 个损失值，应为每个 epoch 一个，共 {expected} 个。",
        "train_model returned {got} losses; expected one per epoch, {expected}."),
    "accuracy_not_a_number": (
        "evaluate 返回的是 {got}，应为 0 到 1 之间的数（例如 correct / total）。",
        "evaluate returned {got}; expected a number between 0 and 1 (e.g. correct / total)."),
    "evaluate_in_training_mode": (
        "evaluate 在训练模式下计算了模型的输出：先调用 model.eval()。",
        "evaluate ran the model in training mode: call model.eval() first."),
    "evaluate_records_gradients": (
        "evaluate 在计算模型输出时记录了计算图：把测试循环放在 with torch.no_grad(): 中。",
        "evaluate ran the model with autograd recording: put the test loop inside with torch.no_grad():."),
    "not_keras_model": (
        "build_cnn() 返回的是 {got}，应为 Keras 模型（tf.keras.Sequential 或 tf.keras.Model）。",
        "build_cnn() returned {got}; expected a Keras model (tf.keras.Sequential or tf.keras.Model)."),
    "not_history": (
        "train_cnn_tf 返回的是 {got}，应为 model.fit 返回的 History 对象。",
        "train_cnn_tf returned {got}; expected the History object model.fit returns."),
    "history_without_loss": (
        "History 中没有 'loss'（只有 {keys}）：用 model.compile(loss=...) 编译后再 fit。",
        "The History has no 'loss' (only {keys}): compile the model with a loss, then fit it."),
    "history_length": (
        "history.history['loss'] 有 {got} 个值，应为每个 epoch 一个，共 {expected} 个。",
        "history.history['loss'] has {got} values; expected one per epoch, {expected}."),
    "not_compiled": (
        "模型没有优化器：先用 model.compile(optimizer=..., loss=...) 编译。",
        "The model has no optimizer: compile it with model.compile(optimizer=..., loss=...)."),
    "optimizer_steps": (
        "优化器更新了 {got} 次，应为 {expected} 次（m = {m} 个样本，batch_size = {batch_size}，epochs = {epochs}）。",
        "The optimizer took {got} steps; expected {expected} (m = {m} samples, batch_size = {batch_size}, "
        "epochs = {epochs})."),
}

TESTS = {
    "test_conv_output_size_on_five_layers": "conv_output_size：五组 (n, f, pad, stride)，有无填充、步幅 1 和 2",
    "test_conv_output_size_on_random_layers": "conv_output_size：随机的边长、卷积核、填充和步幅（包括除不尽的情况）",
    "test_zero_pad_small_batch": "zero_pad：维度 (2, 3, 2, 2) 的 X 填充 1，只填充高和宽两个维度",
    "test_zero_pad_random_batch": "zero_pad：随机的一批图片和填充宽度",
    "test_conv_single_step_one_window": "conv_single_step：一个 3×3×2 的窗口、卷积核和偏置",
    "test_conv_single_step_random_window": "conv_single_step：随机的窗口大小、通道数、卷积核和偏置",
    "test_conv_forward_pad_1_stride_2": "conv_forward：2 张 5×4×3 的图片、两个 3×3 卷积核、填充 1、步幅 2 时的 Z 和 cache",
    "test_conv_forward_random_padding_and_stride": "conv_forward：随机维度、填充 1~2、步幅 2~3 时的 Z 和 cache",
    "test_conv_forward_random_valid_convolution": "conv_forward：随机维度、不填充、步幅 1（'valid' 卷积）时的 Z",
    "test_pool_forward_max_2x2_stride_2": "pool_forward：最大池化（默认模式），2 张 6×4×2 的图片，f = 2，步幅 2",
    "test_pool_forward_average_3x3_stride_1": "pool_forward：平均池化，2 张 6×4×2 的图片，f = 3，步幅 1",
    "test_pool_forward_random_max_and_average": "pool_forward：随机的一批图片、窗口和步幅，最大池化和平均池化",
    "test_conv_backward_pad_1_stride_2": "conv_backward：2 张 5×4×2 的图片、三个 3×3 卷积核、填充 1、步幅 2 时的 dA_prev、dW、db",
    "test_conv_backward_random_layer": "conv_backward：随机维度、填充和步幅时的 dA_prev、dW、db",
    "test_conv_backward_agrees_with_numerical_gradient": "conv_backward：dA_prev、dW、db 与 sum(Z * dZ) 的中心差分数值梯度一致",
    "test_create_mask_from_window_two_windows": "create_mask_from_window：两个 3×4 窗口的掩码（各有一个最大值）",
    "test_create_mask_from_window_random_windows": "create_mask_from_window：五个随机窗口的掩码",
    "test_distribute_value_over_a_2x3_window": "distribute_value：把 dz = 2.0 平均分配到 (2, 3) 的窗口",
    "test_distribute_value_random": "distribute_value：随机的 dz 和窗口维度",
    "test_pool_backward_max_overlapping_windows": "pool_backward：最大池化，2 张 5×7×2 的图片，f = 3，步幅 2（窗口重叠）",
    "test_pool_backward_average_overlapping_windows": "pool_backward：平均池化，2 张 5×7×2 的图片，f = 3，步幅 2（窗口重叠）",
    "test_pool_backward_random_max_and_average": "pool_backward：随机的一批图片、窗口和步幅，最大池化和平均池化",
    "test_vertical_edge_kernel_values": "vertical_edge_kernel：3×3 卷积核 [[1, 0, -1]] × 3",
    "test_vertical_edge_kernel_finds_edges_in_a_random_image": "vertical_edge_kernel：与随机图片做互相关，得到垂直边缘的响应",
    "test_detect_vertical_edges_on_the_books_image": "detect_vertical_edges：书中 6×6 的图片（左边 10、右边 0），每行输出 [0, 30, 30, 0]",
    "test_detect_vertical_edges_random_image": "detect_vertical_edges：随机大小的灰度图片",
    "test_lenet5_layers_and_parameter_count": "LeNet5：继承 nn.Module，卷积 6@5×5、16@5×5，全连接 256-120-84-10（共 44,426 个参数）",
    "test_lenet5_output_on_four_images": "LeNet5：与参考实现使用相同权重时，4 张 1×28×28 图片的输出得分",
    "test_lenet5_output_on_a_random_batch": "LeNet5：与参考实现使用相同权重时，随机一批 1×28×28 图片的输出得分",
    "test_train_model_two_epochs_on_ten_images": "train_model：10 张图片、batch 为 4、4、2，Adam（lr 0.01）训练 2 个 epoch 后的损失和权重",
    "test_train_model_random_run": "train_model：随机的短训练（最后一个 batch 较小、随机学习率）后的损失和权重",
    "test_evaluate_on_seven_images_in_batches_of_3": "evaluate：7 个样本、batch 为 3、3、1 时准确率为 4/7（测试模式、不记录梯度）",
    "test_evaluate_on_a_random_loader": "evaluate：随机分类器在随机 DataLoader（最后一个 batch 较小）上的准确率",
    "test_build_cnn_layers_and_parameter_count": "build_cnn：Keras 模型，共 3,274,634 个参数，权重形状与书中相同；与参考实现使用相同权重时 2 张图片的类别概率",
    "test_build_cnn_output_on_a_random_batch": "build_cnn：与参考实现使用相同权重时，随机一批图片的类别概率",
    "test_train_cnn_tf_two_epochs_one_batch": "train_cnn_tf：40 张图片、一个 batch，Adam(1e-3) 训练 2 个 epoch 后的损失和权重",
    "test_train_cnn_tf_random_full_batch_run": "train_cnn_tf：随机的短训练（33~48 张图片、每个 epoch 一个 batch）后的损失、权重和优化器的更新次数",
}
