"""Chapter 6 texts: catalogued mistakes (`MISTAKES`) and check messages for `fail` (`CHECKS`).

Each text says what is wrong and where to look, never the line of code that fixes it.
"""

MISTAKES = {
    # initialize_parameters
    "initialize_parameters.scale_0_01": (
        "权重的尺度是 0.01，本章（与书中一致）要求标准正态随机数乘以 0.1。",
        "The weights are scaled by 0.01; this chapter (as the book) scales the standard normal draws by 0.1."),
    "initialize_parameters.unscaled": (
        "权重没有缩小：标准正态随机数还需要乘以一个小的系数（见 6.5.2）。",
        "The weights are not scaled down: the standard normal draws need a small factor (see 6.5.2)."),
    # sigmoid, softmax
    "sigmoid.exp_sign": (
        "Sigmoid 指数部分的符号反了：σ(z) 应在 z 很大时趋于 1。",
        "The sign inside the exponential is wrong: σ(z) must tend to 1 for large z."),
    "softmax.no_max_shift": (
        "Softmax 没有做数值稳定处理：输入很大（如 1000）时 e^z 溢出，得到 NaN。计算指数前应先让每列减去一个合适的常数。",
        "Softmax is not numerically stable: for large inputs (such as 1000) e^z overflows to NaN. "
        "Shift each column by a suitable constant before exponentiating."),
    "softmax.wrong_axis": (
        "Softmax 沿错误的轴归一化：每个样本是一列，应让每一列（而不是每一行）之和为 1。",
        "Softmax normalises along the wrong axis: each example is a column, so each column (not each row) must sum to 1."),
    "softmax.normalises_all_entries": (
        "Softmax 对整个矩阵求和归一化，应对每一列（每个样本）分别归一化。",
        "Softmax divides by the sum over the whole matrix; it must normalise each column (each example) separately."),
    # single_layer_forward, forward_propagation
    "single_layer_forward.missing_bias": (
        "线性输出 Z 漏掉了偏置 b。", "The linear output Z is missing the bias b."),
    "single_layer_forward.cache_stores_A": (
        "cache 的最后一项存的是激活输出 A，应存线性输出 Z（反向传播求 g'(Z) 要用）。",
        "The cache's last item holds the activation A; it must hold the linear output Z (backprop needs g'(Z))."),
    "forward_propagation.sigmoid_hidden_layers": (
        "隐藏层（第 1 到 L-1 层）用了 Sigmoid，本章的深层网络隐藏层使用 ReLU。",
        "The hidden layers (1 to L-1) use sigmoid; this chapter's deep network uses ReLU there."),
    "forward_propagation.relu_output_layer": (
        "输出层（第 L 层）用了 ReLU，二分类输出层应使用 Sigmoid，输出才是 0 到 1 之间的概率。",
        "The output layer (layer L) uses ReLU; a binary classifier's output layer uses sigmoid, so that it outputs a probability."),
    "forward_propagation.last_cache_missing": (
        "caches 里缺少输出层的 cache：每一层（包括第 L 层）都要保存一份。",
        "caches lacks the output layer's cache: every layer, layer L included, must store one."),
    # compute_cost
    "compute_cost.missing_1_over_m": (
        "损失没有对 m 个样本取平均（缺少 1/m）。", "The cost is not averaged over the m examples (the 1/m is missing)."),
    "compute_cost.sign_flipped": (
        "损失的符号反了：交叉熵前面有一个负号，损失应为正数。",
        "The cost has the wrong sign: cross-entropy carries a minus sign and is positive."),
    "compute_cost.missing_negative_class_term": (
        "交叉熵只算了 y·log(ŷ) 一项，漏掉了 y = 0 时的 (1-y)·log(1-ŷ)。",
        "The cross-entropy only has the y·log(ŷ) term; the (1-y)·log(1-ŷ) term for y = 0 is missing."),
    "compute_cost.log10": (
        "用了以 10 为底的对数，交叉熵使用自然对数。", "A base-10 logarithm is used; cross-entropy uses the natural logarithm."),
    # relu_backward, sigmoid_backward
    "relu_backward.mask_on_dA": (
        "ReLU 的导数取决于 Z 的正负，而不是 dA 的正负。",
        "The ReLU derivative depends on the sign of Z, not on the sign of dA."),
    "relu_backward.no_mask": (
        "直接返回了 dA：Z <= 0 的位置梯度应为 0。",
        "dA is returned unchanged: where Z <= 0 the gradient must be 0."),
    "relu_backward.times_relu": (
        "dA 乘的是 ReLU(Z) 本身，应乘 ReLU 的导数（Z > 0 时为 1，否则为 0）。",
        "dA is multiplied by ReLU(Z) itself; it must be multiplied by ReLU's derivative (1 where Z > 0, else 0)."),
    "relu_backward.gradient_at_zero": (
        "ReLU 在 Z = 0 处的导数按书中的定义取 0（g'(Z) = 1 仅当 Z > 0）：用 Z > 0 而不是 Z >= 0。",
        "ReLU's derivative at Z = 0 is 0 by the book's definition (g'(Z) = 1 only for Z > 0): use Z > 0, not Z >= 0."),
    "sigmoid_backward.missing_1_minus_s": (
        "Sigmoid 的导数不完整：σ'(z) = σ(z)(1 - σ(z))，缺少一个因子。",
        "The sigmoid derivative is incomplete: σ'(z) = σ(z)(1 - σ(z)); a factor is missing."),
    "sigmoid_backward.derivative_of_Z": (
        "导数公式用在了 Z 上，而应先计算 s = σ(Z)，再用 s(1 - s)。",
        "The derivative formula is applied to Z; compute s = σ(Z) first and use s(1 - s)."),
    "sigmoid_backward.missing_dA": (
        "只返回了 σ'(Z)，忘了乘上传进来的梯度 dA（链式法则）。",
        "Only σ'(Z) is returned; it must be multiplied by the incoming gradient dA (chain rule)."),
    # single_layer_backward
    "single_layer_backward.missing_1_over_m": (
        "dW 和 db 没有对 m 个样本取平均（缺少 1/m）。", "dW and db are not averaged over the m examples (the 1/m is missing)."),
    "single_layer_backward.db_without_keepdims": (
        "db 的形状是 (n,)，应为 (n, 1)：按样本求和时要保持二维。",
        "db has shape (n,); it must be (n, 1): keep two dimensions when summing over the examples."),
    "single_layer_backward.dA_prev_uses_dA": (
        "dA_prev 由 dA 计算，应由 dZ 计算（先经过激活函数的导数）。",
        "dA_prev is computed from dA; it must be computed from dZ (through the activation's derivative)."),
    "single_layer_backward.dA_prev_divided_by_m": (
        "dA_prev 也除以了 m：1/m 只出现在 dW 和 db 中，dA_prev = Wᵀ·dZ。",
        "dA_prev is divided by m as well: the 1/m belongs to dW and db only."),
    # backward_propagation
    "backward_propagation.dAL_sign_flipped": (
        "dAL 的符号反了：它是交叉熵损失对 AL 的导数，注意最前面的负号。",
        "dAL has the wrong sign: it is the derivative of the cross-entropy with respect to AL; mind the leading minus."),
    "backward_propagation.dAL_divided_by_m": (
        "dAL 除以了 m，而 single_layer_backward 在 dW、db 中已经乘了 1/m，1/m 被算了两次。",
        "dAL is divided by m although single_layer_backward already applies 1/m to dW and db: the 1/m counts twice."),
    "backward_propagation.relu_output_layer": (
        "输出层（第 L 层）按 ReLU 反向传播，它的激活函数是 Sigmoid。",
        "The output layer (layer L) is backpropagated as ReLU; its activation is sigmoid."),
    "backward_propagation.sigmoid_hidden_layers": (
        "隐藏层按 Sigmoid 反向传播，它们的激活函数是 ReLU。",
        "The hidden layers are backpropagated as sigmoid; their activation is ReLU."),
    # update_parameters
    "update_parameters.plus_sign": (
        "参数沿梯度方向增加了：梯度下降应减去学习率乘以梯度。",
        "The parameters move along the gradient: gradient descent subtracts learning rate times gradient."),
    "update_parameters.no_learning_rate": (
        "更新时没有乘学习率。", "The update does not use the learning rate."),
    "update_parameters.skips_last_layer": (
        "最后一层的参数没有更新：循环范围要覆盖第 1 到第 L 层。",
        "The last layer's parameters are not updated: the loop must cover layers 1 to L."),
    "update_parameters.bias_not_updated": (
        "只更新了 W，偏置 b 没有更新。", "Only W is updated; the biases b are not."),
    # nn_model, predict
    "nn_model.reinitialises_every_iteration": (
        "每次迭代都重新初始化了参数，训练没有累积：初始化只在循环之前做一次。",
        "The parameters are re-initialised in every iteration, so training never accumulates: initialise once, before the loop."),
    "nn_model.ignores_learning_rate": (
        "没有把 learning_rate 传给 update_parameters，用的是它的默认值。",
        "learning_rate is not passed on to update_parameters, which then uses its default."),
    "predict.returns_probabilities": (
        "返回的是概率 AL，应返回 0/1 标签（AL > 0.5 为 1）。",
        "It returns the probabilities AL; it must return 0/1 labels (1 where AL > 0.5)."),
    "predict.labels_inverted": (
        "标签反了：AL > 0.5 应预测为正类 1。", "The labels are inverted: AL > 0.5 predicts the positive class 1."),
    # one_hot, softmax_cost, softmax_backward
    "one_hot.transposed": (
        "one-hot 矩阵转置了：样本是列，形状应为 (C, m)。",
        "The one-hot matrix is transposed: examples are columns, the shape must be (C, m)."),
    "one_hot.classes_from_max_label": (
        "类别数取自标签中的最大值，应使用参数 C（某些类别可能恰好没有出现）。",
        "The number of classes is taken from the largest label; use the argument C (some classes may not occur)."),
    "softmax_cost.sign_flipped": (
        "损失的符号反了：交叉熵前面有一个负号，损失应为正数。",
        "The cost has the wrong sign: cross-entropy carries a minus sign and is positive."),
    "softmax_cost.missing_1_over_m": (
        "损失没有对 m 个样本取平均（缺少 1/m）。", "The cost is not averaged over the m examples (the 1/m is missing)."),
    "softmax_cost.binary_cross_entropy": (
        "用了二分类的交叉熵（含 (1-y)·log(1-ŷ) 项）；softmax 的损失只有 Σ y·log(ŷ)。",
        "This is the binary cross-entropy (with a (1-y)·log(1-ŷ) term); the softmax cost is only Σ y·log(ŷ)."),
    "softmax_cost.mean_over_classes": (
        "对所有元素取了平均，也除以了类别数 C：只应除以样本数 m。",
        "The mean is taken over all entries, dividing by the number of classes C too: divide by m only."),
    "softmax_backward.sign_flipped": (
        "dZ 的符号反了（见 6.4.3 的推导）。", "dZ has the wrong sign (see the derivation in 6.4.3)."),
    "softmax_backward.divided_by_m": (
        "dZ 除以了 m：按本章约定，1/m 只在 dW、db 中出现。",
        "dZ is divided by m: by this chapter's convention the 1/m appears only in dW and db."),
    "softmax_backward.extra_activation_derivative": (
        "多乘了一个激活函数导数：softmax 与交叉熵合在一起求导后，已经不需要再乘 g'(Z)。",
        "An extra activation derivative is applied: softmax and cross-entropy differentiated together need no further g'(Z)."),
    # softmax network
    "forward_propagation_softmax.sigmoid_output_layer": (
        "多分类网络的输出层用了 Sigmoid，应使用 Softmax。", "The multi-class output layer uses sigmoid; it must use softmax."),
    "forward_propagation_softmax.softmax_hidden_layers": (
        "隐藏层也用了 Softmax，隐藏层应使用 ReLU，只有输出层用 Softmax。",
        "The hidden layers use softmax too; they use ReLU, and only the output layer uses softmax."),
    "backward_propagation_softmax.dZ_sign_flipped": (
        "输出层 dZ 的符号反了。", "The output layer's dZ has the wrong sign."),
    "backward_propagation_softmax.output_missing_1_over_m": (
        "输出层的 dW、db 没有对 m 个样本取平均（缺少 1/m）。",
        "The output layer's dW and db are not averaged over the m examples (the 1/m is missing)."),
    "backward_propagation_softmax.binary_output_gradient": (
        "输出层沿用了二分类（Sigmoid）的反向传播，softmax 输出层应使用 dZ = AL - Y。",
        "The output layer reuses the binary (sigmoid) backward pass; a softmax output layer uses dZ = AL - Y."),
    "backward_propagation_softmax.no_relu_mask": (
        "隐藏层的梯度没有经过 ReLU 的导数。", "The hidden layers' gradients do not go through ReLU's derivative."),
    "nn_model_softmax.reinitialises_every_iteration": (
        "每次迭代都重新初始化了参数，训练没有累积：初始化只在循环之前做一次。",
        "The parameters are re-initialised in every iteration, so training never accumulates: initialise once, before the loop."),
    "nn_model_softmax.ignores_learning_rate": (
        "没有把 learning_rate 传给 update_parameters，用的是它的默认值。",
        "learning_rate is not passed on to update_parameters, which then uses its default."),
    "predict_softmax.argmax_wrong_axis": (
        "argmax 沿错误的轴：每个样本是一列，应在每一列中取概率最大的类别。",
        "argmax runs along the wrong axis: each example is a column; take the most probable class within each column."),
    "predict_softmax.returns_probabilities": (
        "返回的是概率矩阵，应返回每个样本概率最大的类别编号。",
        "It returns the probability matrix; it must return each example's most probable class."),
}

CHECKS = {
    "init_spread": (
        "W 的元素的标准差约为 {std:.3g}，应约为 0.1（标准正态随机数乘以 0.1）。",
        "The entries of W have a standard deviation of about {std:.3g}; it should be about 0.1 (standard normal draws times 0.1)."),
    "init_bias_not_zero": (
        "{what} 应初始化为全零。", "{what} must be initialised to zeros."),
    "init_seeded_values": (
        "{what} 的数值与 np.random.seed(5) 之后依次调用 np.random.randn 得到的不同（书中固定了种子以复现结果）。",
        "{what} differs from what np.random.randn gives in order after np.random.seed(5) (the book fixes the seed)."),
    "no_activation_branch": (
        "single_layer_forward 没有处理 activation='{activation}' 的分支（调用时出现 {etype}）：请为它加上一个分支。",
        "single_layer_forward has no branch for activation='{activation}' (the call gave {etype}): add one."),
    "cache_length": (
        "{what} 应为 (A_prev, W, b, Z) 四项组成的元组，实际有 {got} 项。",
        "{what} must be the tuple (A_prev, W, b, Z) of four items; it has {got}."),
    "returns_parameters": (
        "{what} 应返回参数字典（或 (parameters, costs)），实际返回 {got}。",
        "{what} must return the parameter dict (or (parameters, costs)); it returned {got}."),
    "cost_not_lowered": (
        "训练后损失没有下降（训练前 {before:.4g}，训练后 {after:.4g}）。",
        "Training did not lower the cost (before {before:.4g}, after {after:.4g})."),
}

TESTS = {
    "test_initialize_parameters_book_values": "initialize_parameters：layer_dims = [3, 2, 1] 时的形状和固定种子下的数值",
    "test_initialize_parameters_shapes_and_spread": "initialize_parameters：随机层大小下的形状、全零的偏置以及约为 0.1 的离散程度",
    "test_initialize_parameters_seeded_values": "initialize_parameters：随机层大小下 np.random.seed(5) 给出的数值",
    "test_sigmoid_small_example": "sigmoid：小数组上的值",
    "test_sigmoid_random": "sigmoid：随机数组上的值",
    "test_relu_small_example": "relu：小数组上的值",
    "test_relu_random": "relu：随机数组上的值",
    "test_softmax_small_example_and_large_inputs": "softmax：小数组的各列，以及 1000 左右的输入（不溢出）",
    "test_softmax_random_and_large_inputs": "softmax：随机的列，再加上一个很大的常数后的同样的列",
    "test_single_layer_forward_relu_small_example": "single_layer_forward：固定的一层在 activation='relu' 时的 A 和 cache",
    "test_single_layer_forward_sigmoid_small_example": "single_layer_forward：固定的一层在 activation='sigmoid' 时的 A 和 cache",
    "test_single_layer_forward_softmax_small_example": "single_layer_forward：固定的一层在 activation='softmax' 时的 A 和 cache（6.4）",
    "test_single_layer_forward_relu_random": "single_layer_forward：随机的一层在 activation='relu' 时的 A 和 cache",
    "test_single_layer_forward_sigmoid_random": "single_layer_forward：随机的一层在 activation='sigmoid' 时的 A 和 cache",
    "test_single_layer_forward_softmax_random": "single_layer_forward：随机的一层在 activation='softmax' 时的 A 和 cache（6.4）",
    "test_forward_propagation_small_network": "forward_propagation：固定的 2 层网络的 AL 和 caches",
    "test_forward_propagation_random_network": "forward_propagation：随机的 3 层或 4 层网络的 AL 和 caches",
    "test_compute_cost_small_example": "compute_cost：固定预测值的交叉熵",
    "test_compute_cost_random": "compute_cost：随机预测值的交叉熵",
    "test_relu_backward_small_example": "relu_backward：固定的 dA 和 Z 下的 dZ（Z = 0 不算正数：梯度为 0）",
    "test_relu_backward_random": "relu_backward：随机的 dA 和 Z 下的 dZ，其中一些 Z 恰好为 0",
    "test_relu_backward_numerical_gradient": "relu_backward：与你的 relu 的中心差分结果一致",
    "test_sigmoid_backward_small_example": "sigmoid_backward：固定的 dA 和 Z 下的 dZ",
    "test_sigmoid_backward_random": "sigmoid_backward：随机的 dA 和 Z 下的 dZ",
    "test_sigmoid_backward_numerical_gradient": "sigmoid_backward：与你的 sigmoid 的中心差分结果一致",
    "test_single_layer_backward_small_example": "single_layer_backward：固定的一层在 ReLU 和 sigmoid 下的 dA_prev、dW、db",
    "test_single_layer_backward_random": "single_layer_backward：随机的一层在 ReLU 和 sigmoid 下的 dA_prev、dW、db",
    "test_single_layer_backward_numerical_gradient": "single_layer_backward：与你的 single_layer_forward 的中心差分结果一致",
    "test_backward_propagation_small_network": "backward_propagation：固定的 2 层网络的每个 dW、db 和 dA",
    "test_backward_propagation_random_network": "backward_propagation：随机的 3 层或 4 层网络的每个 dW、db 和 dA",
    "test_backward_propagation_numerical_gradient": "backward_propagation：与你的 forward_propagation 和 compute_cost 的中心差分结果一致",
    "test_update_parameters_small_example": "update_parameters：固定的 2 层网络的一步梯度下降（learning_rate = 0.5）",
    "test_update_parameters_random": "update_parameters：随机网络的一步梯度下降",
    "test_nn_model_small_problem": "nn_model：在固定的问题上迭代 200 次，损失下降且与参考结果一致",
    "test_nn_model_random_problem": "nn_model：随机的 3 层网络短时间训练后，损失下降且与参考结果一致",
    "test_predict_small_network": "predict：固定的 2 层网络给出的 0/1 标签",
    "test_predict_random_network": "predict：随机网络给出的 0/1 标签",
    "test_one_hot_small_example": "one_hot：标签 [0, 2, 1, 2, 0]，C = 4",
    "test_one_hot_random": "one_hot：随机标签（最后一个类别不出现）",
    "test_softmax_cost_small_example": "softmax_cost：固定的 3 类预测值的交叉熵",
    "test_softmax_cost_random": "softmax_cost：随机预测值的交叉熵",
    "test_softmax_backward_small_example": "softmax_backward：固定的 3 类预测值下的 dZ",
    "test_softmax_backward_random": "softmax_backward：随机预测值下的 dZ",
    "test_softmax_backward_numerical_gradient": "softmax_backward：与你的 softmax 和 softmax_cost 的中心差分结果一致",
    "test_forward_propagation_softmax_small_network": "forward_propagation_softmax：固定的 2 层 softmax 网络的 AL 和 caches",
    "test_forward_propagation_softmax_random_network": "forward_propagation_softmax：随机的 3 层或 4 层 softmax 网络的 AL 和 caches",
    "test_backward_propagation_softmax_small_network": "backward_propagation_softmax：固定的 2 层 softmax 网络的每个 dW、db 和 dA",
    "test_backward_propagation_softmax_random_network": "backward_propagation_softmax：随机的 3 层或 4 层 softmax 网络的每个 dW、db 和 dA",
    "test_backward_propagation_softmax_numerical_gradient": "backward_propagation_softmax：与你的前向传播和 softmax_cost 的中心差分结果一致",
    "test_nn_model_softmax_small_problem": "nn_model_softmax：在固定的 3 类问题上迭代 200 次，损失下降且与参考结果一致",
    "test_nn_model_softmax_random_problem": "nn_model_softmax：随机的 softmax 网络短时间训练后，损失下降且与参考结果一致",
    "test_predict_softmax_small_network": "predict_softmax：固定的 softmax 网络给出的类别标签",
    "test_predict_softmax_random_network": "predict_softmax：随机的 softmax 网络给出的类别标签",
}
