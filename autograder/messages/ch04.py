"""Chapter 4 texts: what each catalogued mistake means, without giving the answer code."""

MISTAKES = {
    # --- perceptron -----------------------------------------------------------------------------
    "perceptron.ge_instead_of_gt": (
        "当 w·x + b 恰好等于 0 时，感知机应输出 0：只有加权和严格大于 0 才输出 1。",
        "When w·x + b is exactly 0 the perceptron must output 0: "
        "it outputs 1 only when the sum is strictly greater than 0."),
    "perceptron.bias_subtracted": (
        "偏置 b 的符号用反了：感知机的加权和是 w·x 加上 b。",
        "The bias has the wrong sign: the perceptron's sum is w·x plus b."),
    "perceptron.outputs_swapped": (
        "输出 0 和 1 颠倒了：加权和大于 0 时应输出 1。",
        "The outputs 0 and 1 are swapped: a sum greater than 0 must give 1."),
    # --- gates ----------------------------------------------------------------------------------
    "AND.or_bias": (
        "与门的偏置太大（绝对值太小）：只有一个输入为 1 时加权和就已经大于 0，结果成了或门。",
        "The AND gate's bias is too weak: a single input of 1 already makes the sum positive, so it behaves like OR."),
    "OR.and_bias": (
        "或门的偏置太小（绝对值太大）：只有一个输入为 1 时加权和仍不大于 0，结果成了与门。",
        "The OR gate's bias is too strong: a single input of 1 does not make the sum positive, "
        "so it behaves like AND."),
    "OR.bias_too_large": (
        "或门的偏置绝对值太大：即使两个输入都为 1，加权和也不大于 0。",
        "The OR gate's bias is far too strong: even two inputs of 1 do not make the sum positive."),
    "NAND.not_negated": (
        "这是与门而不是与非门：与非门的输出正好与与门相反，权重和偏置都要取相反数。",
        "This is AND, not NAND: NAND's output is the opposite of AND's, so both weights and bias change sign."),
    "NAND.weights_not_negated": (
        "与非门的权重也要取负值：只改变偏置的符号时，输出与输入无关。",
        "NAND's weights must be negative too: flipping only the bias makes the output ignore the inputs."),
    # --- XOR ------------------------------------------------------------------------------------
    "XOR.or_of_nand_and": (
        "两层感知机的组合不对：第一层应是与非门和或门，第二层把它们的输出送入与门。",
        "Wrong composition of the two layers: layer 1 is NAND and OR, layer 2 feeds their outputs into AND."),
    "XOR.and_of_and_or": (
        "第一层用错了门：与门和或门组合不出异或，第一层应是与非门和或门。",
        "Wrong gates in layer 1: AND and OR cannot make XOR; layer 1 is NAND and OR."),
    "XOR.nand_of_nand_or": (
        "第二层用错了门：第一层（与非门、或门）的两个输出应送入与门。",
        "Wrong gate in layer 2: the two outputs of layer 1 (NAND, OR) go into AND."),
    "XOR.single_layer_or": (
        "单层感知机无法实现异或（4.2.1）：(1, 1) 时异或应输出 0，需要两层感知机。",
        "A single perceptron cannot compute XOR (4.2.1): XOR(1, 1) is 0; it needs two layers."),
    # --- sigmoid --------------------------------------------------------------------------------
    "sigmoid.wrong_sign": (
        "指数的符号反了：σ(z) = 1 / (1 + e^(-z))，z 越大输出应越接近 1。",
        "The exponent has the wrong sign: σ(z) = 1 / (1 + e^(-z)); larger z must give outputs closer to 1."),
    "sigmoid.missing_one": (
        "分母漏掉了 1：σ(z) = 1 / (1 + e^(-z))，输出应在 0 和 1 之间。",
        "The 1 in the denominator is missing: σ(z) = 1 / (1 + e^(-z)) lies between 0 and 1."),
    "sigmoid.tanh_instead": (
        "这是 tanh 而不是 sigmoid：sigmoid 的输出在 0 和 1 之间，σ(0) = 0.5。",
        "This is tanh, not sigmoid: sigmoid lies between 0 and 1 and σ(0) = 0.5."),
    # --- initialize_with_zeros ------------------------------------------------------------------
    "initialize_with_zeros.W_1d": (
        "W 应是二维列向量，形状 (dim, 1)，而不是一维数组 (dim,)。",
        "W must be a 2-D column vector of shape (dim, 1), not a 1-D array (dim,)."),
    "initialize_with_zeros.W_row_vector": (
        "W 应是列向量 (dim, 1)，而不是行向量 (1, dim)：Ŷ = σ(WᵀX + b) 中 W 要转置。",
        "W must be a column (dim, 1), not a row (1, dim): the model uses Ŷ = σ(WᵀX + b)."),
    "initialize_with_zeros.W_ones": (
        "W 应初始化为全 0。", "W must start as all zeros."),
    # --- propagate ------------------------------------------------------------------------------
    "propagate.cost_missing_1_over_m": (
        "代价函数缺少 1/m：J 是 m 个样本损失的平均值。",
        "The cost is missing 1/m: J is the average of the m examples' losses."),
    "propagate.cost_sign_flipped": (
        "代价函数的符号反了：J 前面有负号，交叉熵代价应为正数。",
        "The cost has the wrong sign: J has a leading minus and the cross-entropy cost is positive."),
    "propagate.cost_log_terms_swapped": (
        "交叉熵的两项配错了：y 应乘 log ŷ，(1 - y) 应乘 log(1 - ŷ)。",
        "The two cross-entropy terms are swapped: y goes with log ŷ and (1 - y) with log(1 - ŷ)."),
    "propagate.gradients_missing_1_over_m": (
        "dW 和 db 缺少 1/m：梯度也是对 m 个样本求平均。",
        "dW and db are missing 1/m: the gradients are averages over the m examples too."),
    "propagate.db_missing_1_over_m": (
        "db 缺少 1/m：db = 1/m Σ(ŷ - y)。", "db is missing 1/m: db = 1/m Σ(ŷ - y)."),
    "propagate.gradients_sign_flipped": (
        "梯度的符号反了：误差应是 Ŷ - Y，而不是 Y - Ŷ。",
        "The gradients have the wrong sign: the error is Ŷ - Y, not Y - Ŷ."),
    "propagate.dW_wrong_orientation": (
        "dW 的方向不对：dW 的形状应与 W 相同 (dim, 1)，即 X 乘以 (Ŷ - Y) 的转置。",
        "dW has the wrong orientation: it must have W's shape (dim, 1), X times the transpose of (Ŷ - Y)."),
    # --- optimizer ------------------------------------------------------------------------------
    "optimizer.b_not_updated": (
        "每次迭代只更新了 W，偏置 b 也要按 db 更新。",
        "Only W is updated in each iteration; b must be updated with db as well."),
    "optimizer.plus_instead_of_minus": (
        "参数沿梯度方向增加了：梯度下降是减去学习速率乘以梯度。",
        "The parameters move along the gradient: gradient descent subtracts the learning rate times the gradient."),
    "optimizer.learning_rate_ignored": (
        "更新参数时没有乘以学习速率 learning_rate。",
        "The update does not multiply the gradient by learning_rate."),
    "optimizer.cost_after_update": (
        "代价记录的时机不对：每次迭代应记录更新参数之前（本次正向传播）计算的代价。",
        "The cost is recorded at the wrong time: record the cost computed before this iteration's update."),
    "optimizer.one_iteration_short": (
        "迭代次数少了一次：应训练恰好 num_iterations 次。",
        "One iteration is missing: train exactly num_iterations times."),
    "optimizer.cost_list_has_final_cost": (
        "代价列表多了一个元素：每次迭代记录一个代价，列表长度应等于 num_iterations。",
        "The cost list has one entry too many: one cost per iteration, num_iterations in all."),
    # --- predict --------------------------------------------------------------------------------
    "predict.ge_instead_of_gt": (
        "ŷ 恰好等于 0.5 时应预测为 0：只有 ŷ 严格大于 0.5 才预测为正类 1。",
        "ŷ exactly 0.5 must be labelled 0: only ŷ strictly greater than 0.5 is the positive class."),
    "predict.threshold_on_z": (
        "阈值 0.5 应作用在 sigmoid 的输出 ŷ 上，而不是线性部分 z = WᵀX + b 上。",
        "The 0.5 threshold applies to the sigmoid output ŷ, not to the linear part z = WᵀX + b."),
    "predict.returns_probabilities": (
        "返回的是概率 ŷ，而不是预测标签 0 / 1。",
        "This returns the probabilities ŷ, not the labels 0 / 1."),
    "predict.labels_flipped": (
        "标签颠倒了：ŷ 大于 0.5 的样本应预测为正类 1。",
        "The labels are flipped: examples with ŷ above 0.5 are the positive class 1."),
}

CHECKS = {}

TESTS = {
    "test_perceptron_on_fixed_inputs":
        "perceptron：固定输入上的输出，包括 w·x + b = 0 的情形（必须输出 0）",
    "test_perceptron_on_random_inputs_and_boundary":
        "perceptron：随机长度的随机输入，其中若干个恰好位于边界 w·x + b = 0 上",
    "test_AND_truth_table":
        "AND：(0,0)、(0,1)、(1,0)、(1,1) 的真值表",
    "test_AND_float_inputs_any_order":
        "AND：随机顺序的浮点输入 0.0 / 1.0",
    "test_OR_truth_table":
        "OR：(0,0)、(0,1)、(1,0)、(1,1) 的真值表",
    "test_OR_float_inputs_any_order":
        "OR：随机顺序的浮点输入 0.0 / 1.0",
    "test_NAND_truth_table":
        "NAND：(0,0)、(0,1)、(1,0)、(1,1) 的真值表",
    "test_NAND_float_inputs_any_order":
        "NAND：随机顺序的浮点输入 0.0 / 1.0",
    "test_XOR_truth_table":
        "XOR：(0,0)、(0,1)、(1,0)、(1,1) 的真值表",
    "test_XOR_float_inputs_any_order":
        "XOR：随机顺序的浮点输入 0.0 / 1.0",
    "test_sigmoid_on_small_array":
        "sigmoid：z = [-2, 0, 0.5, 3] 处的取值",
    "test_sigmoid_on_random_matrix_and_scalar":
        "sigmoid：随机二维数组和 Python 数值",
    "test_initialize_with_zeros_dim_2":
        "initialize_with_zeros：dim = 2 时形状为 (2, 1) 的 W 和 b = 0",
    "test_initialize_with_zeros_random_dim":
        "initialize_with_zeros：随机 dim 下形状为 (dim, 1) 的 W 和 b = 0",
    "test_propagate_cost_on_small_example":
        "propagate：小规模固定问题上的代价",
    "test_propagate_gradients_on_small_example":
        "propagate：小规模固定问题上的 dW 和 db",
    "test_propagate_cost_on_random_problem":
        "propagate：随机问题上的代价",
    "test_propagate_gradients_on_random_problem":
        "propagate：随机问题上的 dW 和 db",
    "test_propagate_gradients_agree_with_numerical_gradient":
        "propagate：dW 和 db 与学生自己的代价函数的中心差分结果一致",
    "test_optimizer_ten_steps_on_small_example":
        "optimizer：在小规模问题上以学习率 0.1 迭代 10 次后的 W、b 和代价列表",
    "test_optimizer_on_random_problem":
        "optimizer：随机问题、随机迭代次数和学习率下的 W、b 和代价列表",
    "test_optimizer_default_arguments":
        "optimizer：默认参数 num_iterations=200、learning_rate=0.01",
    "test_predict_on_small_example":
        "predict：小规模固定问题上的标签",
    "test_predict_on_random_problem":
        "predict：随机问题上的标签",
    "test_predict_threshold_is_strict":
        "predict：ŷ 恰好为 0.5（w·x + b = 0）的样本标记为 0；ŷ 略大于 0.5 的标记为 1",
}
