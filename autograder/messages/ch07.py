"""Chapter 7 texts: catalogued mistakes (`MISTAKES`) and property checks (`CHECKS`), Chinese and English."""

MISTAKES = {
    # --- 7.1.2 L2 ---------------------------------------------------------------------------------
    "compute_cost_with_regularization.missing_one_half": (
        "L2 正则项少了 1/2：应为 λ/(2m)·Σ‖W‖²。",
        "The L2 term lacks the 1/2: it is λ/(2m)·Σ‖W‖²."),
    "compute_cost_with_regularization.missing_1_over_m": (
        "L2 正则项少了 1/m：应为 λ/(2m)·Σ‖W‖²，m 是样本数 Y.shape[1]。",
        "The L2 term lacks the 1/m: it is λ/(2m)·Σ‖W‖², m = Y.shape[1] examples."),
    "compute_cost_with_regularization.includes_biases": (
        "正则项把偏置 b 也算进去了：L2 正则只对权重 W 求平方和。",
        "The penalty includes the biases b: L2 regularisation sums the squares of the weights W only."),
    "compute_cost_with_regularization.skips_last_layer": (
        "正则项漏掉了最后一层的 W：循环应为 range(1, L + 1)。",
        "The penalty misses the last layer's W: loop over range(1, L + 1)."),
    "compute_cost_with_regularization.norm_not_squared": (
        "用了范数 ‖W‖ 而不是平方和 ‖W‖²（np.sum(np.square(W))）。",
        "Uses the norm ‖W‖ instead of the sum of squares ‖W‖² (np.sum(np.square(W)))."),
    "backward_propagation_with_regularization.missing_1_over_m": (
        "dW 的正则项少了 1/m：应加上 λ/m·W。",
        "The penalty's gradient lacks the 1/m: add λ/m·W to dW."),
    "backward_propagation_with_regularization.lambda_over_2m": (
        "dW 的正则项多了 1/2：λ/(2m)·‖W‖² 对 W 求导得 λ/m·W。",
        "The penalty's gradient has an extra 1/2: the derivative of λ/(2m)·‖W‖² is λ/m·W."),
    "backward_propagation_with_regularization.regularizes_biases": (
        "db 也加了正则项：L2 正则只作用于 W，db 不变。",
        "db was regularised too: L2 acts on W only, db is unchanged."),
    "backward_propagation_with_regularization.penalty_gradient_subtracted": (
        "正则项的梯度符号反了：dW 应加上 λ/m·W，而不是减去。",
        "The penalty's gradient has the wrong sign: add λ/m·W to dW, do not subtract it."),
    # --- 7.1.2 L1 ---------------------------------------------------------------------------------
    "compute_cost_with_l1_regularization.squares_weights": (
        "L1 正则项用的是平方和：L1 是绝对值之和 λ/m·Σ|W|。",
        "The L1 term squares the weights: L1 is the sum of absolute values λ/m·Σ|W|."),
    "compute_cost_with_l1_regularization.missing_1_over_m": (
        "L1 正则项少了 1/m：应为 λ/m·Σ|W|。",
        "The L1 term lacks the 1/m: it is λ/m·Σ|W|."),
    "compute_cost_with_l1_regularization.extra_one_half": (
        "L1 正则项多了 1/2：L1 是 λ/m·Σ|W|（1/2 只出现在 L2 中）。",
        "The L1 term has an extra 1/2: it is λ/m·Σ|W| (the 1/2 belongs to L2)."),
    "compute_cost_with_l1_regularization.sum_without_abs": (
        "L1 正则项没有取绝对值：应为 Σ|W|（np.abs）。",
        "The L1 term sums W without the absolute value: use Σ|W| (np.abs)."),
    "backward_propagation_with_l1_regularization.uses_W_not_sign": (
        "L1 的梯度用了 λ/m·W（那是 L2 的）：|W| 的导数是 sign(W)，应加 λ/m·sign(W)。",
        "The L1 gradient uses λ/m·W (that is L2's): the derivative of |W| is sign(W), add λ/m·sign(W)."),
    "backward_propagation_with_l1_regularization.missing_1_over_m": (
        "L1 的梯度少了 1/m：应加上 λ/m·sign(W)。",
        "The L1 gradient lacks the 1/m: add λ/m·sign(W)."),
    "backward_propagation_with_l1_regularization.uses_abs_not_sign": (
        "L1 的梯度用了 |W|：|W| 的导数是 sign(W)（np.sign）。",
        "The L1 gradient uses |W|: the derivative of |W| is sign(W) (np.sign)."),
    "backward_propagation_with_l1_regularization.regularizes_biases": (
        "db 也加了 L1 正则项：正则只作用于 W。",
        "db was regularised too: the penalty acts on W only."),
    # --- 7.1.3 dropout ----------------------------------------------------------------------------
    "dropout_forward.no_inverted_scaling": (
        "没有除以 keep_prob：反向随机失活（inverted dropout）要用 A * D / keep_prob 保持输出的期望不变。",
        "Missing the division by keep_prob: inverted dropout uses A * D / keep_prob to keep the expected output."),
    "dropout_forward.scales_by_keep_prob": (
        "乘以了 keep_prob：应当除以 keep_prob（A * D / keep_prob）。",
        "Multiplied by keep_prob: divide by it instead (A * D / keep_prob)."),
    "dropout_forward.keeps_with_probability_1_minus_keep_prob": (
        "保留的比例约为 1 - keep_prob：掩码应为 np.random.rand(...) < keep_prob（小于号）。",
        "About 1 - keep_prob of the units are kept: the mask is np.random.rand(...) < keep_prob."),
    "dropout_forward.mask_not_applied": (
        "生成了掩码 D 却没有乘到 A 上：A_out = A * D / keep_prob。",
        "The mask D is drawn but not applied: A_out = A * D / keep_prob."),
    "dropout_backward.no_inverted_scaling": (
        "反向传播没有除以 keep_prob：dA_prev = dA * D / keep_prob。",
        "The backward pass lacks the division by keep_prob: dA_prev = dA * D / keep_prob."),
    "dropout_backward.new_mask": (
        "反向传播重新生成了一个掩码：必须使用前向传播时的同一个 D，被关闭的神经元梯度为 0。",
        "The backward pass draws a new mask: reuse the forward pass's D, so dropped units get zero gradient."),
    "dropout_backward.scales_by_keep_prob": (
        "反向传播乘以了 keep_prob：应当除以 keep_prob。",
        "The backward pass multiplies by keep_prob: divide by it."),
    "dropout_backward.mask_not_applied": (
        "反向传播没有乘掩码 D：被关闭的神经元梯度应为 0。",
        "The backward pass does not apply D: dropped units must get zero gradient."),
    # --- 7.2.1 mini-batches -----------------------------------------------------------------------
    "random_mini_batches.drops_the_remainder": (
        "丢掉了最后不满 mini_batch_size 的样本：m 不能整除时，剩下的样本组成最后一个 mini-batch。",
        "The remainder is dropped: when m is not a multiple of the size, the last mini-batch holds the rest."),
    "random_mini_batches.X_and_Y_shuffled_differently": (
        "X 和 Y 用了不同的随机排列：先生成一个 permutation，再同时用于 X[:, permutation] 和 Y[:, permutation]。",
        "X and Y were shuffled with different permutations: draw one permutation and use it for both."),
    "random_mini_batches.no_shuffle": (
        "没有打乱样本：先用 np.random.permutation(m) 打乱列，再切分。",
        "The examples are not shuffled: permute the columns with np.random.permutation(m) first."),
    "random_mini_batches.empty_last_batch": (
        "m 恰好整除 mini_batch_size 时多出了一个空的 mini-batch：只有 m % mini_batch_size != 0 时才添加最后一个。",
        "An empty mini-batch is added when the size divides m: add the last one only if m % mini_batch_size != 0."),
    "random_mini_batches.remainder_from_unshuffled_data": (
        "最后一个 mini-batch 取自未打乱的 X、Y：应取自 shuffled_X、shuffled_Y，否则有样本重复、有样本缺失。",
        "The last mini-batch comes from the unshuffled X, Y: take it from the shuffled arrays."),
    # --- 7.2.2 / 7.2.3 momentum, Nesterov ---------------------------------------------------------
    "initialize_velocity.keys_without_d": (
        "v 的键应与梯度相同：'dW1', 'db1', ...（不是 'W1', 'b1'）。",
        "v is keyed like the gradients: 'dW1', 'db1', ... (not 'W1', 'b1')."),
    "initialize_velocity.skips_last_layer": (
        "漏掉了最后一层：循环应为 range(1, L + 1)，L = len(parameters) // 2。",
        "The last layer is missing: loop over range(1, L + 1), L = len(parameters) // 2."),
    "update_parameters_with_momentum.velocity_without_1_minus_beta": (
        "动量少了 (1-β)：v = β·v + (1-β)·dW。",
        "The velocity lacks the (1-β): v = β·v + (1-β)·dW."),
    "update_parameters_with_momentum.update_with_gradient_not_velocity": (
        "参数用梯度更新了：动量法用 v 更新，W = W - α·v。",
        "The parameters were updated with the gradient: momentum uses the velocity, W = W - α·v."),
    "update_parameters_with_momentum.beta_and_1_minus_beta_swapped": (
        "β 与 1-β 写反了：v = β·v + (1-β)·dW。",
        "β and 1-β are swapped: v = β·v + (1-β)·dW."),
    "update_parameters_with_momentum.adds_velocity": (
        "更新方向反了：W = W - α·v。",
        "The update has the wrong sign: W = W - α·v."),
    "update_parameters_with_nesterov.gradient_at_current_point": (
        "在当前点求了梯度（这是普通动量法）：Nesterov 在前瞻点 W - α·β·v 处调用 grad_fn。",
        "The gradient is taken at the current point (plain momentum): Nesterov calls grad_fn at W - α·β·v."),
    "update_parameters_with_nesterov.look_ahead_with_plus_sign": (
        "前瞻点方向反了：应为 W - α·β·v（沿动量方向前进）。",
        "The look-ahead goes the wrong way: it is W - α·β·v (where momentum is taking us)."),
    "update_parameters_with_nesterov.look_ahead_without_learning_rate": (
        "前瞻点少了学习率：v 不含 α，前瞻点是 W - α·β·v。",
        "The look-ahead lacks the learning rate: v does not include α, the point is W - α·β·v."),
    "update_parameters_with_nesterov.velocity_without_1_minus_beta": (
        "动量少了 (1-β)：v = β·v + (1-β)·dW。",
        "The velocity lacks the (1-β): v = β·v + (1-β)·dW."),
    # --- 7.2.4 / 7.2.5 AdaGrad, RMSprop -----------------------------------------------------------
    "update_parameters_with_adagrad.does_not_accumulate": (
        "s 没有累加：AdaGrad 的 s = s + dW²（累加历史上所有梯度的平方）。",
        "s does not accumulate: AdaGrad's s = s + dW² (the sum of all past squared gradients)."),
    "update_parameters_with_adagrad.epsilon_inside_sqrt": (
        "ε 放在了平方根里面：应为 dW / (√s + ε)。",
        "ε is inside the square root: use dW / (√s + ε)."),
    "update_parameters_with_adagrad.no_square_root": (
        "除以了 s 而不是 √s：W = W - α·dW / (√s + ε)。",
        "Divides by s instead of √s: W = W - α·dW / (√s + ε)."),
    "update_parameters_with_adagrad.accumulates_gradient_not_square": (
        "累加的是梯度而不是梯度的平方：s = s + dW²。",
        "Accumulates the gradient instead of its square: s = s + dW²."),
    "update_parameters_with_rmsprop.no_square": (
        "s 用了梯度而不是梯度的平方：s = β·s + (1-β)·dW²。",
        "s averages the gradient instead of its square: s = β·s + (1-β)·dW²."),
    "update_parameters_with_rmsprop.epsilon_inside_sqrt": (
        "ε 放在了平方根里面：应为 dW / (√s + ε)。",
        "ε is inside the square root: use dW / (√s + ε)."),
    "update_parameters_with_rmsprop.without_1_minus_beta": (
        "s 少了 (1-β)：s = β·s + (1-β)·dW²。",
        "s lacks the (1-β): s = β·s + (1-β)·dW²."),
    "update_parameters_with_rmsprop.no_square_root": (
        "除以了 s 而不是 √s：W = W - α·dW / (√s + ε)。",
        "Divides by s instead of √s: W = W - α·dW / (√s + ε)."),
    # --- 7.2.6 Adam -------------------------------------------------------------------------------
    "initialize_adam.keys_without_d": (
        "v、s 的键应与梯度相同：'dW1', 'db1', ...（不是 'W1', 'b1'）。",
        "v and s are keyed like the gradients: 'dW1', 'db1', ... (not 'W1', 'b1')."),
    "update_parameters_with_adam.no_bias_correction": (
        "没有做偏差修正：v̂ = v / (1-β1^t)，ŝ = s / (1-β2^t)，用 v̂、ŝ 更新参数。",
        "No bias correction: v̂ = v / (1-β1^t), ŝ = s / (1-β2^t), update with v̂ and ŝ."),
    "update_parameters_with_adam.t_counted_from_0": (
        "偏差修正用了 t+1：t 已经从 1 开始计数（第一次更新 t = 1），直接用 β^t。",
        "The bias correction uses t+1: t already counts from 1 (the first update has t = 1), use β^t."),
    "update_parameters_with_adam.epsilon_inside_sqrt": (
        "ε 放在了平方根里面：应为 v̂ / (√ŝ + ε)（与 torch.optim.Adam 相同）。",
        "ε is inside the square root: use v̂ / (√ŝ + ε) (as torch.optim.Adam does)."),
    "update_parameters_with_adam.corrected_moments_stored": (
        "把修正后的 v̂、ŝ 存回了 v、s：状态里保存未修正的矩，修正值只用于本次更新。",
        "The corrected v̂, ŝ were stored back into v, s: keep the uncorrected moments as the state."),
    "update_parameters_with_adam.second_moment_without_square": (
        "二阶矩用了梯度而不是梯度的平方：s = β2·s + (1-β2)·dW²。",
        "The second moment averages the gradient, not its square: s = β2·s + (1-β2)·dW²."),
    "update_parameters_with_adam.betas_swapped": (
        "β1 和 β2 用反了：一阶矩 v 用 β1，二阶矩 s 用 β2。",
        "β1 and β2 are swapped: the first moment v uses β1, the second moment s uses β2."),
    # --- 7.2.7 learning-rate decay ----------------------------------------------------------------
    "update_lr.multiplies_instead_of_divides": (
        "学习率变大了：α = α0 / (1 + decay_rate·epoch_num)，是除法。",
        "The learning rate grows: α = α0 / (1 + decay_rate·epoch_num) divides."),
    "update_lr.missing_one": (
        "分母少了 1：α = α0 / (1 + decay_rate·epoch_num)。",
        "The denominator lacks the 1: α = α0 / (1 + decay_rate·epoch_num)."),
    "update_lr.exponential_decay": (
        "用了指数衰减 α0·e^{-decay_rate·t}：本题是 α0 / (1 + decay_rate·epoch_num)。",
        "Uses exponential decay α0·e^{-decay_rate·t}: this one is α0 / (1 + decay_rate·epoch_num)."),
    "schedule_lr_decay.no_floor": (
        "没有向下取整：α = α0 / (1 + decay_rate·⌊epoch_num / time_interval⌋)（np.floor 或 //）。",
        "Missing the floor: α = α0 / (1 + decay_rate·⌊epoch_num / time_interval⌋) (np.floor or //)."),
    "schedule_lr_decay.ignores_time_interval": (
        "没有用 time_interval：每 time_interval 个 epoch 才衰减一次。",
        "time_interval is ignored: the rate decays once every time_interval epochs."),
    "schedule_lr_decay.rounds_instead_of_floor": (
        "用了四舍五入：应向下取整 ⌊epoch_num / time_interval⌋。",
        "Rounds instead of flooring: use ⌊epoch_num / time_interval⌋."),
    "schedule_lr_decay.interval_multiplied": (
        "epoch_num 乘了 time_interval：应为 epoch_num 除以 time_interval 再向下取整。",
        "epoch_num is multiplied by time_interval: divide and floor."),
    # --- 7.3.1 normalisation ----------------------------------------------------------------------
    "normalize_inputs.test_set_uses_its_own_statistics": (
        "测试集用了自己的均值和标准差：训练集和测试集都必须用训练集的 μ、σ。",
        "The test set uses its own mean and std: both sets use the training set's μ and σ."),
    "normalize_inputs.divides_by_zero_std": (
        "常数特征的 σ = 0，除以 0 得到 NaN：把 σ = 0 的特征的 σ 取为 1（np.where）。",
        "A constant feature has σ = 0 and dividing gives NaN: use σ = 1 for such features (np.where)."),
    "normalize_inputs.mean_only": (
        "只减去了均值，没有除以标准差 σ。",
        "Only the mean is subtracted; divide by the std σ too."),
    "normalize_inputs.divides_by_variance": (
        "除以了方差 σ² 而不是标准差 σ。",
        "Divides by the variance σ² instead of the std σ."),
    "normalize_inputs.std_with_m_minus_1": (
        "标准差用了 1/(m-1)（ddof=1）：本书的公式是 σ² = 1/m Σ(x-μ)²（np.std 的默认值）。",
        "The std uses 1/(m-1) (ddof=1): the book's σ² = 1/m Σ(x-μ)² (np.std's default)."),
    "normalize_inputs.statistics_over_examples_axis": (
        "沿错了轴：每个特征（每一行）求均值和标准差，用 axis=1, keepdims=True。",
        "Wrong axis: take the mean and std of each feature (row), axis=1, keepdims=True."),
    # --- 7.3.2 initialisation ---------------------------------------------------------------------
    "initialize_parameters_random.unscaled_randn": (
        "W 没有乘以 0.01：W = np.random.randn(n_l, n_{l-1}) * 0.01。",
        "W is not scaled by 0.01: W = np.random.randn(n_l, n_{l-1}) * 0.01."),
    "initialize_parameters_random.uniform_not_normal": (
        "用了 np.random.rand（[0,1) 均匀分布，均值不为 0）：应为标准正态 np.random.randn。",
        "Uses np.random.rand (uniform on [0,1), mean not 0): use the standard normal np.random.randn."),
    "initialize_parameters_random.random_biases": (
        "b 也随机初始化了：b 初始化为 0。",
        "b was drawn at random: initialise b to zeros."),
    "initialize_parameters_he.one_over_n": (
        "用了 √(1/n_{l-1})（那是 Xavier）：He 初始化是 √(2/n_{l-1})。",
        "Uses √(1/n_{l-1}) (Xavier's): He initialisation is √(2/n_{l-1})."),
    "initialize_parameters_he.fan_out_not_fan_in": (
        "用了本层神经元数 n_l：He 初始化用上一层的 n_{l-1}，即 layers_dims[l-1]。",
        "Uses this layer's size n_l: He uses the previous layer's n_{l-1}, layers_dims[l-1]."),
    "initialize_parameters_he.no_square_root": (
        "没有开平方：标准差是 √(2/n_{l-1})，方差才是 2/n_{l-1}。",
        "Missing the square root: the std is √(2/n_{l-1}); 2/n_{l-1} is the variance."),
    "initialize_parameters_xavier.two_over_n": (
        "用了 √(2/n_{l-1})（那是 He）：本书的 Xavier 初始化是 √(1/n_{l-1})。",
        "Uses √(2/n_{l-1}) (He's): the book's Xavier initialisation is √(1/n_{l-1})."),
    "initialize_parameters_xavier.fan_out_not_fan_in": (
        "用了本层神经元数 n_l：应用上一层的 n_{l-1}，即 layers_dims[l-1]。",
        "Uses this layer's size n_l: use the previous layer's n_{l-1}, layers_dims[l-1]."),
    "initialize_parameters_xavier.fan_average": (
        "用了 Glorot 论文的 √(2/(n_{l-1}+n_l))：本书 7.3.2 的 Xavier 初始化是 √(1/n_{l-1})。",
        "Uses Glorot's √(2/(n_{l-1}+n_l)): the book's Xavier initialisation (7.3.2) is √(1/n_{l-1})."),
    "initialize_parameters_xavier.no_square_root": (
        "没有开平方：标准差是 √(1/n_{l-1})。",
        "Missing the square root: the std is √(1/n_{l-1})."),
    # --- 7.3.3 batch norm -------------------------------------------------------------------------
    "batchnorm_forward.running_statistics_in_training": (
        "训练时用了 running_mean/running_var 归一化：训练模式用本批数据的均值和方差。",
        "Training normalises with the running statistics: training mode uses the batch's mean and variance."),
    "batchnorm_forward.batch_statistics_at_test_time": (
        "测试时用了本批数据的均值和方差：测试模式用 running_mean 和 running_var。",
        "Test mode uses the batch statistics: it must use running_mean and running_var."),
    "batchnorm_forward.variance_with_m_minus_1": (
        "方差用了 1/(m-1)：批归一化用有偏方差 1/m Σ(z-μ)²（np.var 的默认值）。",
        "The variance uses 1/(m-1): batch norm uses the biased 1/m Σ(z-μ)² (np.var's default)."),
    "batchnorm_forward.epsilon_outside_sqrt": (
        "ε 放在了平方根外面：ẑ = (z - μ) / √(σ² + ε)。",
        "ε is outside the square root: ẑ = (z - μ) / √(σ² + ε)."),
    "batchnorm_forward.statistics_over_features": (
        "沿错了轴：每个神经元（每一行）在样本维度上求均值和方差，axis=1, keepdims=True。",
        "Wrong axis: each unit (row) is averaged over the examples, axis=1, keepdims=True."),
    "batchnorm_forward.running_average_weights_swapped": (
        "滑动平均的权重写反了：running = momentum·running + (1-momentum)·本批统计量。",
        "The running-average weights are swapped: running = momentum·running + (1-momentum)·batch."),
    "batchnorm_forward.running_statistics_not_updated": (
        "训练模式没有更新 bn_param 的 running_mean、running_var（要写回 bn_param）。",
        "Training mode does not update bn_param's running_mean and running_var (store them back)."),
    "batchnorm_backward.ignores_statistics_gradients": (
        "把 μ 和 σ² 当成了常数：它们依赖于 Z，dZ = 1/(m√(σ²+ε))·(m·dẑ - Σdẑ - ẑ·Σ(dẑ·ẑ))。",
        "μ and σ² are treated as constants: they depend on Z, dZ = 1/(m√(σ²+ε))·(m·dẑ - Σdẑ - ẑ·Σ(dẑ·ẑ))."),
    "batchnorm_backward.dgamma_dbeta_swapped": (
        "dgamma 和 dbeta 写反了：dβ = Σ dout，dγ = Σ dout·ẑ。",
        "dgamma and dbeta are swapped: dβ = Σ dout, dγ = Σ dout·ẑ."),
    "batchnorm_backward.missing_gamma": (
        "dZ 少了 γ：dẑ = dout·γ。",
        "dZ lacks γ: dẑ = dout·γ."),
    "batchnorm_backward.ignores_variance_gradient": (
        "漏掉了经过方差 σ² 的那一项：dZ 中还有 -ẑ·Σ(dẑ·ẑ)。",
        "The path through the variance is missing: dZ also has the term -ẑ·Σ(dẑ·ẑ)."),
    "batchnorm_backward.dgamma_averaged": (
        "dgamma、dbeta 用了平均而不是求和：dγ = Σ dout·ẑ，dβ = Σ dout。",
        "dgamma and dbeta are averaged, not summed: dγ = Σ dout·ẑ, dβ = Σ dout."),
    # --- 7.3.4 search -----------------------------------------------------------------------------
    "sample_learning_rates.uniform_in_linear_scale": (
        "在线性尺度上均匀采样：大部分样本会落在 0.1~1 之间；应在对数尺度上采样 r ~ U(log10 low, log10 high)，α = 10^r。",
        "Uniform in linear scale puts most samples in 0.1-1: sample r ~ U(log10 low, log10 high), α = 10^r."),
    "sample_learning_rates.bounds_used_as_exponents": (
        "把 low、high 直接当成了指数：指数范围是 log10(low) 到 log10(high)。",
        "low and high are used as exponents: the exponents range from log10(low) to log10(high)."),
    "sample_learning_rates.ignores_seed": (
        "没有使用 seed：先 np.random.seed(seed)，相同的 seed 应得到相同的样本。",
        "seed is ignored: call np.random.seed(seed) so the same seed gives the same samples."),
    # --- 7.4 evaluation ---------------------------------------------------------------------------
    "train_dev_test_split.X_and_Y_shuffled_differently": (
        "X 和 Y 用了不同的随机排列：用同一个 permutation 打乱 X 和 Y 的列。",
        "X and Y were shuffled differently: use one permutation for the columns of both."),
    "train_dev_test_split.no_shuffle": (
        "没有打乱就按顺序切分了：先用 np.random.permutation(m) 打乱。",
        "The data is split in order: shuffle with np.random.permutation(m) first."),
    "train_dev_test_split.dev_and_test_overlap": (
        "验证集和测试集重叠了：测试集从 n_train + n_dev 开始。",
        "The dev and test sets overlap: the test set starts at n_train + n_dev."),
    "diagnose_bias_variance.bias_and_variance_swapped": (
        "偏差和方差算反了：可避免偏差 = 训练误差 - 人类误差，方差 = 验证误差 - 训练误差。",
        "Bias and variance are swapped: avoidable bias = train - human error, variance = dev - train error."),
    "diagnose_bias_variance.ignores_human_error": (
        "偏差没有减去人类误差：可避免偏差 = 训练误差 - 人类误差。",
        "The bias ignores the human error: avoidable bias = train error - human error."),
    "diagnose_bias_variance.variance_from_human_error": (
        "方差用了 验证误差 - 人类误差：方差 = 验证误差 - 训练误差。",
        "The variance uses dev - human error: variance = dev error - train error."),
    "confusion_matrix.transposed": (
        "混淆矩阵转置了：行是真实类别，列是预测类别（M[y_true, y_pred] += 1）。",
        "The matrix is transposed: rows are true classes, columns predicted (M[y_true, y_pred] += 1)."),
    "confusion_matrix.rows_normalised": (
        "按行归一化了：混淆矩阵存的是样本个数（整数）。",
        "Rows are normalised: the matrix holds counts (integers)."),
    "confusion_matrix.labels_taken_as_1_based": (
        "把类别当成了从 1 开始：类别取值 0, ..., C-1，直接用作下标。",
        "Classes are taken as 1-based: they are 0, ..., C-1, use them as indices directly."),
}

CHECKS = {
    "mask_not_binary": ("{what} 应是 0/1 掩码（布尔或整数），但含有其它数值。",
                        "{what} should be a 0/1 mask (bool or int) but holds other values."),
    "dropout_fraction": ("保留的神经元比例约为 {kept}，应约为 keep_prob = {keep_prob}。",
                         "About {kept} of the units are kept; it should be about keep_prob = {keep_prob}."),
    "dropout_fraction_visible": ("保留的神经元比例为 {kept}，应约为 keep_prob = {keep_prob}（D = np.random.rand(...) < keep_prob）。",
                                 "{kept} of the units are kept; it should be about keep_prob = {keep_prob} (D = np.random.rand(...) < keep_prob)."),
    "dropout_mean": ("随机失活改变了输出的均值（A_out 与 A 的均值之比为 {ratio}）：反向随机失活应保持期望不变。",
                     "Dropout changed the mean output (mean A_out / mean A = {ratio}): inverted dropout keeps the expectation."),
    "batch_shapes": ("第 {index} 个 mini-batch 的形状不对：X 为 {got_x}，Y 为 {got_y}；应为 ({n_x}, k) 和 (1, k)。",
                     "Mini-batch {index} has shapes X {got_x}, Y {got_y}; expected ({n_x}, k) and (1, k)."),
    "batch_sizes": ("mini-batch 的个数或大小不对：{m} 个样本、每批 {size} 个时，应为 {full} 个含 {size} 个样本的完整 mini-batch，"
                    "余下的 {rest} 个样本组成最后一个 mini-batch（余数为 0 时没有这一个）。",
                    "Wrong number or sizes of mini-batches: {m} examples in batches of {size} give {full} full "
                    "mini-batches of {size}, then one of the remaining {rest} examples (none when that is 0)."),
    "batch_coverage": ("所有 mini-batch 合起来应恰好包含每个样本一次（有样本重复或缺失）。",
                       "Together the mini-batches must hold every example exactly once (some are repeated or missing)."),
    "batch_pairing": ("X 和 Y 的列没有对应：同一个样本的 x 和 y 必须用同一个排列打乱。",
                      "The columns of X and Y no longer match: shuffle both with the same permutation."),
    "batch_not_shuffled": ("样本没有被打乱：先用 np.random.permutation(m) 打乱列再切分。",
                           "The examples are not shuffled: permute the columns with np.random.permutation(m) first."),
    "seed_not_used": ("{function} 用相同的 seed 调用两次得到了不同的结果：在函数开头调用 np.random.seed(seed)。",
                      "{function} gave different results for the same seed: call np.random.seed(seed) first."),
    "init_bias_not_zero": ("第 {layer} 层的 b 应初始化为 0。", "Layer {layer}'s b should be zeros."),
    "init_not_centred": ("第 {layer} 层的 W 的均值不接近 0：应从标准正态分布 np.random.randn 采样。",
                         "Layer {layer}'s W does not have mean about 0: draw it with np.random.randn."),
    "init_spread_visible": ("第 {layer} 层的 W 的标准差为 {got}，应约为 {expected}。",
                            "Layer {layer}'s W has std {got}; it should be about {expected}."),
    "init_spread": ("第 {layer} 层的 W 的标准差不对：检查缩放系数和所用的层大小。",
                    "Layer {layer}'s W has the wrong std: check the scale and which layer size it uses."),
    "lr_out_of_range": ("学习率应在 [{low}, {high}] 之内，得到的最小值 {got_min}、最大值 {got_max}。",
                        "Learning rates should lie in [{low}, {high}]; got min {got_min}, max {got_max}."),
    "lr_not_log_uniform": ("学习率在对数尺度上不是均匀分布的：每个数量级（如 0.001~0.01 与 0.1~1）的样本应一样多。",
                           "The learning rates are not uniform in log scale: each decade should get as many samples."),
    "split_shapes": ("{what} 的形状是 {got}：应为 ({rows}, 样本数)，样本按列排列。",
                     "{what} has shape {got}; expected ({rows}, number of examples), examples as columns."),
    "split_sizes": ("{m} 个样本、比例 {ratios} 时，训练/验证/测试集的大小 {got} 不对（训练集 int(ratios[0]·m) 个，"
                    "验证集 int(ratios[1]·m) 个，其余为测试集）。",
                    "With {m} examples and ratios {ratios} the sizes {got} are wrong (train int(ratios[0]·m), "
                    "dev int(ratios[1]·m), the rest test)."),
    "split_coverage": ("三个集合合起来应恰好包含每个样本一次（有样本重复或缺失）。",
                       "The three sets together must hold every example exactly once (some are repeated or missing)."),
    "split_not_shuffled": ("样本没有被打乱就切分了：先用 np.random.permutation(m) 打乱。",
                           "The examples were split in order: shuffle with np.random.permutation(m) first."),
}

TESTS = {
    "test_l2_cost_on_small_example": "compute_cost_with_regularization：一个 3 层网络，λ = 0.7",
    "test_l2_cost_on_random_network": "compute_cost_with_regularization：随机的网络、标签和 λ",
    "test_l2_backward_on_small_example": "backward_propagation_with_regularization：一个 3 层网络，λ = 0.7",
    "test_l2_backward_on_random_network": "backward_propagation_with_regularization：随机的网络、标签和 λ",
    "test_l2_backward_agrees_with_finite_differences": "backward_propagation_with_regularization：dW 与 L2 损失的数值梯度一致",
    "test_l1_cost_on_small_example": "compute_cost_with_l1_regularization：一个 3 层网络，λ = 0.7",
    "test_l1_cost_on_random_network": "compute_cost_with_l1_regularization：随机的网络、标签和 λ",
    "test_l1_backward_on_small_example": "backward_propagation_with_l1_regularization：一个 3 层网络，λ = 0.7",
    "test_l1_backward_on_random_network": "backward_propagation_with_l1_regularization：随机的网络、标签和 λ",
    "test_l1_backward_agrees_with_finite_differences": "backward_propagation_with_l1_regularization：dW 与数值梯度一致（W 远离 0）",
    "test_dropout_forward_keeps_about_keep_prob": "dropout_forward：A_out = A·D/keep_prob，约保留 80%，均值不变（A 为 100×200 的全 1 矩阵，keep_prob = 0.8）",
    "test_dropout_forward_on_random_activations": "dropout_forward：随机的激活值和 keep_prob：缩放、保留比例、均值不变",
    "test_dropout_backward_on_small_example": "dropout_backward：用前向传播的掩码 D 计算 dA·D/keep_prob（6×10，keep_prob = 0.8）",
    "test_dropout_backward_on_random_mask": "dropout_backward：随机的梯度、布尔掩码和 keep_prob",
    "test_mini_batches_of_148_examples_by_64": "random_mini_batches：m = 148，mini_batch_size = 64 -> 大小为 64、64、20 的批次，每个样本恰好出现一次",
    "test_mini_batches_with_a_remainder": "random_mini_batches：随机的 m 和批大小，有余数；相同的种子得到相同的批次",
    "test_mini_batches_when_size_divides_m": "random_mini_batches：m 是 mini_batch_size 的整数倍（没有余数，没有空批次）",
    "test_initialize_velocity_of_three_layers": "initialize_velocity：[3, 4, 2, 1] 网络的全零值，键为 'dW1'、'db1'、……",
    "test_initialize_velocity_of_random_network": "initialize_velocity：随机网络",
    "test_momentum_step_on_small_example": "update_parameters_with_momentum：从非零的 v 出发走一步，β = 0.9，α = 0.01",
    "test_momentum_step_on_random_network": "update_parameters_with_momentum：随机的网络、梯度、v、β 和 α",
    "test_nesterov_step_on_small_example": "update_parameters_with_nesterov：在二次损失上从非零的 v 出发走一步，β = 0.9，α = 0.1",
    "test_nesterov_step_on_random_quadratic": "update_parameters_with_nesterov：随机的网络、二次损失、v、β 和 α",
    "test_adagrad_step_on_small_example": "update_parameters_with_adagrad：从非零的 s 出发走一步，α = 0.01，ε = 1e-8",
    "test_adagrad_step_with_small_gradients_and_large_epsilon": "update_parameters_with_adagrad：随机的网络、s、α，以及与梯度大小相当的 ε",
    "test_rmsprop_step_on_small_example": "update_parameters_with_rmsprop：从非零的 s 出发走一步，β = 0.9，α = 0.01，ε = 1e-8",
    "test_rmsprop_step_with_small_gradients_and_large_epsilon": "update_parameters_with_rmsprop：随机的网络、s、β、α，以及与梯度大小相当的 ε",
    "test_initialize_adam_of_three_layers": "initialize_adam：[3, 4, 2, 1] 网络的全零 v 和 s，键为 'dW1'、'db1'、……",
    "test_initialize_adam_of_random_network": "initialize_adam：随机网络",
    "test_adam_step_on_small_example": "update_parameters_with_adam：从非零的 v 和 s 出发的第 t = 2 步，使用默认超参数",
    "test_adam_step_on_random_network": "update_parameters_with_adam：随机的网络、状态、t、α、β1 和 β2",
    "test_adam_first_step_with_large_epsilon": "update_parameters_with_adam：从全零状态出发的第一步（t = 1），梯度很小，ε = 1e-3",
    "test_update_lr_on_small_examples": "update_lr：α0 = 0.5，decay_rate = 1，第 1、2 和 10 个 epoch",
    "test_update_lr_on_random_values": "update_lr：随机的 α0、epoch 和衰减率",
    "test_schedule_lr_decay_on_small_examples": "schedule_lr_decay：α0 = 0.5，decay_rate = 1，time_interval = 100，第 50、150 和 399 个 epoch",
    "test_schedule_lr_decay_on_random_values": "schedule_lr_decay：随机的 α0、衰减率和间隔，epoch 位于间隔内部",
    "test_normalize_inputs_on_small_example": "normalize_inputs：3 个特征（最后一个为常数），6 个训练样本和 4 个测试样本",
    "test_normalize_inputs_on_random_data": "normalize_inputs：尺度各不相同的随机特征（其中一个为常数），随机的集合大小",
    "test_zeros_initialisation_of_small_network": "initialize_parameters_zeros：[3, 2, 1]：所有 W 和 b 都为零，形状正确",
    "test_zeros_initialisation_of_random_network": "initialize_parameters_zeros：随机的层大小",
    "test_random_initialisation_spread": "initialize_parameters_random：[400, 120, 300, 100] 时 W 以 0 为中心、标准差为 0.01，b 为零",
    "test_random_initialisation_spread_on_random_layers": "initialize_parameters_random：随机的大层",
    "test_he_initialisation_spread": "initialize_parameters_he：[400, 120, 300, 100] 时 W{l} 的标准差为 √(2/n_{l-1})，b 为零",
    "test_he_initialisation_spread_on_random_layers": "initialize_parameters_he：随机的大层",
    "test_xavier_initialisation_spread": "initialize_parameters_xavier：[400, 120, 300, 100] 时 W{l} 的标准差为 √(1/n_{l-1})，b 为零",
    "test_xavier_initialisation_spread_on_random_layers": "initialize_parameters_xavier：随机的大层",
    "test_batchnorm_forward_train_on_small_example": "batchnorm_forward：训练模式，3×6 的 Z（其中一个特征的方差极小）",
    "test_batchnorm_forward_test_mode_on_small_example": "batchnorm_forward：测试模式使用 running_mean 和 running_var（3×6）",
    "test_batchnorm_forward_train_on_random_batch": "batchnorm_forward：训练模式，随机的形状、eps 和 momentum",
    "test_batchnorm_forward_test_mode_on_random_batch": "batchnorm_forward：测试模式，随机的形状和滑动统计量",
    "test_batchnorm_forward_updates_running_averages": "batchnorm_forward：训练模式下原地更新 bn_param 的 running_mean 和 running_var",
    "test_batchnorm_backward_on_small_example": "batchnorm_backward：3×5 批次的 dZ、dgamma、dbeta（cache 来自你的 batchnorm_forward）",
    "test_batchnorm_backward_on_random_batch": "batchnorm_backward：随机的形状",
    "test_batchnorm_backward_agrees_with_finite_differences": "batchnorm_backward：dZ 与训练模式前向传播的数值梯度一致",
    "test_learning_rates_are_log_uniform_between_1e_4_and_1": "sample_learning_rates：[1e-4, 1] 内的 2000 个样本，在对数尺度上均匀分布，用种子可复现",
    "test_learning_rates_on_random_range": "sample_learning_rates：随机的 n、范围和种子",
    "test_split_of_50_examples": "train_dev_test_split：50 个样本，比例 (0.6, 0.2, 0.2) -> 30/10/10，已打乱，每个样本恰好出现一次",
    "test_split_on_random_sizes_and_ratios": "train_dev_test_split：随机的 m、比例和种子；相同的种子得到相同的划分",
    "test_bias_variance_cases_of_the_book": "diagnose_bias_variance：7.4.3 节的四种情况，以及一个人类误差很高的任务",
    "test_bias_variance_on_random_errors": "diagnose_bias_variance：随机的误差和容差，远离阈值",
    "test_confusion_matrix_on_small_example": "confusion_matrix：3 个类别，10 个样本（行为真实类别，列为预测类别）",
    "test_confusion_matrix_on_random_labels": "confusion_matrix：随机的类别和标签（某个类别可能从未被预测到）",
}
