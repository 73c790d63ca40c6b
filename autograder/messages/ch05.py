"""Chapter 5 texts: what each catalogued mistake means, without giving the answer code."""

MISTAKES = {
    # --- initialize_parameters -----------------------------------------------------------------
    "initialize_parameters.scaled_by_0_01": (
        "本书的浅层网络直接使用标准正态分布 randn 初始化 W，没有乘以 0.01。",
        "The book's shallow network uses plain standard-normal randn for W, without the factor 0.01."),
    "initialize_parameters.W_shapes_transposed": (
        "权重矩阵的形状反了：W1 应为 (n_h, n_x)，W2 应为 (n_y, n_h)（行数是本层神经元个数）。",
        "The weight shapes are transposed: W1 is (n_h, n_x) and W2 is (n_y, n_h) (rows = this layer's units)."),
    "initialize_parameters.b_1d": (
        "偏置应是二维列向量 (n, 1)，而不是一维数组 (n,)。",
        "Biases must be 2-D columns (n, 1), not 1-D arrays (n,)."),
    "initialize_parameters.uniform_rand": (
        "应使用标准正态分布 np.random.randn，而不是 [0, 1) 均匀分布。",
        "Use the standard normal np.random.randn, not the uniform [0, 1) distribution."),
    # --- forward_propagation -------------------------------------------------------------------
    "forward_propagation.sigmoid_hidden_layer": (
        "隐藏层的激活函数应是 tanh，sigmoid 只用在输出层。",
        "The hidden layer's activation is tanh; sigmoid is only for the output layer."),
    "forward_propagation.tanh_output_layer": (
        "输出层的激活函数应是 sigmoid（输出概率在 0 和 1 之间），而不是 tanh。",
        "The output activation is sigmoid (a probability between 0 and 1), not tanh."),
    "forward_propagation.Z_passed_to_next_layer": (
        "输出层的输入应是隐藏层激活后的 A1，而不是线性输出 Z1。",
        "The output layer takes the activations A1, not the linear output Z1."),
    "forward_propagation.bias_missing": (
        "线性部分漏掉了偏置：Z = WX + b。", "The linear part is missing the bias: Z = WX + b."),
    # --- compute_loss --------------------------------------------------------------------------
    "compute_loss.missing_1_over_m": (
        "损失缺少 1/m：交叉熵损失是 m 个样本的平均值。",
        "The cost is missing 1/m: the cross-entropy cost is the average over the m examples."),
    "compute_loss.wrong_sign": (
        "损失的符号反了：交叉熵前面有负号，损失应为正数。",
        "The cost has the wrong sign: cross-entropy has a leading minus and is positive."),
    "compute_loss.log_terms_swapped": (
        "交叉熵的两项配错了：y 应乘 log A2，(1 - y) 应乘 log(1 - A2)。",
        "The two cross-entropy terms are swapped: y goes with log A2 and (1 - y) with log(1 - A2)."),
    "compute_loss.negative_class_term_missing": (
        "交叉熵漏掉了负类的一项 (1 - y) log(1 - A2)。",
        "The negative-class term (1 - y) log(1 - A2) is missing."),
    # --- back_propagation ----------------------------------------------------------------------
    "back_propagation.tanh_derivative_from_Z1": (
        "tanh 的导数写错了：tanh'(Z1) = 1 - tanh²(Z1) = 1 - A1²，要用激活值 A1 而不是 Z1。",
        "Wrong tanh derivative: tanh'(Z1) = 1 - tanh²(Z1) = 1 - A1², in terms of A1, not Z1."),
    "back_propagation.sigmoid_derivative_for_tanh": (
        "隐藏层是 tanh，不能用 sigmoid 的导数 A1(1 - A1)：tanh 的导数是 1 - A1²。",
        "The hidden layer is tanh, so sigmoid's derivative A1(1 - A1) is wrong: tanh' is 1 - A1²."),
    "back_propagation.missing_1_over_m": (
        "梯度缺少 1/m：dW 和 db 都是对 m 个样本求平均。",
        "The gradients are missing 1/m: dW and db are averages over the m examples."),
    "back_propagation.db_without_keepdims": (
        "db 的形状应与 b 相同 (n, 1)：按样本求和时要保持维度（keepdims=True）。",
        "db must have b's shape (n, 1): keep the dimension when summing over the examples (keepdims=True)."),
    "back_propagation.dZ2_Y_minus_A2": (
        "输出层误差的符号反了：dZ2 = A2 - Y。", "The output error has the wrong sign: dZ2 = A2 - Y."),
    "back_propagation.tanh_derivative_missing": (
        "dZ1 漏乘了隐藏层激活函数的导数 (1 - A1²)。",
        "dZ1 is missing the factor of the hidden activation's derivative (1 - A1²)."),
    # --- update_parameters ---------------------------------------------------------------------
    "update_parameters.plus_instead_of_minus": (
        "参数沿梯度方向增加了：梯度下降是 W = W - α dW。",
        "The parameters move along the gradient: gradient descent is W = W - α dW."),
    "update_parameters.learning_rate_ignored": (
        "更新时没有乘以学习率 learning_rate。", "The update does not multiply by learning_rate."),
    "update_parameters.only_W_updated": (
        "只更新了权重 W1、W2，偏置 b1、b2 也要更新。",
        "Only W1 and W2 are updated; the biases b1 and b2 must be updated too."),
    "update_parameters.wrong_default_learning_rate": (
        "learning_rate 的默认值应为 0.1（本书的 API）。",
        "The default learning_rate must be 0.1 (the book's API)."),
    # --- nn_model ------------------------------------------------------------------------------
    "nn_model.parameters_not_reassigned": (
        "参数没有更新：每次迭代都要用 update_parameters 的返回值替换 parameters。",
        "The parameters never change: each iteration must replace parameters with what update_parameters returns."),
    "nn_model.learning_rate_not_passed": (
        "训练时没有把 learning_rate 传给 update_parameters，用的是它的默认值。",
        "learning_rate is not passed on to update_parameters, so its default is used."),
    "nn_model.initialized_inside_loop": (
        "参数初始化应放在迭代循环之前，只做一次；否则每次迭代都从头开始。",
        "Initialise the parameters once, before the loop; otherwise every iteration starts over."),
    # --- predict -------------------------------------------------------------------------------
    "predict.ge_instead_of_gt": (
        "A2 恰好等于 0.5 时应预测为 0：只有 A2 严格大于 0.5 才预测为正类 1。",
        "A2 exactly 0.5 must be labelled 0: only A2 strictly greater than 0.5 is the positive class."),
    "predict.returns_probabilities": (
        "返回的是网络输出的概率 A2，而不是预测标签 0 / 1。",
        "This returns the network's probabilities A2, not the labels 0 / 1."),
    "predict.labels_flipped": (
        "标签颠倒了：A2 大于 0.5 的样本应预测为正类 1。",
        "The labels are flipped: examples with A2 above 0.5 are the positive class 1."),
    "predict.sigmoid_hidden_layer": (
        "预测时的前向传播与训练时不一致：隐藏层应使用 tanh。",
        "Prediction's forward pass differs from training's: the hidden layer uses tanh."),
}

CHECKS = {
    "weights_all_zero": (
        "parameters['{key}'] 全为 0：权重要随机初始化，否则隐藏层的神经元完全对称，学不到不同的特征。",
        "parameters['{key}'] is all zeros: weights must be random, or the hidden units stay identical."),
    "cost_not_reduced": (
        "训练后的损失 {after:.4g} 没有低于初始化时的损失 {before:.4g}：检查迭代中是否真的更新了参数、梯度方向是否正确。",
        "The trained cost {after:.4g} is not below the initial cost {before:.4g}: check that each iteration "
        "really updates the parameters, in the descent direction."),
}

TESTS = {
    "test_initialize_parameters_book_values":
        "initialize_parameters：n_x=2、n_h=4、n_y=1 时书中的取值（np.random.seed(0)、randn、偏置为零）",
    "test_initialize_parameters_shapes_and_zero_biases":
        "initialize_parameters：随机层大小下的形状、零偏置，且权重不全为零",
    "test_initialize_parameters_book_values_random_sizes":
        "initialize_parameters：随机层大小下书中的取值（seed 0，先生成 W1 再生成 W2）",
    "test_forward_propagation_on_small_example":
        "forward_propagation：小规模固定网络上的 A2 以及缓存 Z1、A1、Z2、A2",
    "test_forward_propagation_on_random_network":
        "forward_propagation：随机网络和批量上的 A2 及缓存",
    "test_compute_loss_on_small_example":
        "compute_loss：小规模固定批量的交叉熵代价",
    "test_compute_loss_on_random_batch":
        "compute_loss：随机批量的代价",
    "test_back_propagation_on_small_example":
        "back_propagation：小规模固定网络上的 dW1、db1、dW2、db2",
    "test_back_propagation_on_random_network":
        "back_propagation：随机网络和批量上的梯度",
    "test_back_propagation_agrees_with_numerical_gradient":
        "back_propagation：梯度与代价（forward_propagation + compute_loss）的中心差分结果一致",
    "test_update_parameters_on_small_example":
        "update_parameters：在小规模固定网络上以学习率 0.5 更新一步",
    "test_update_parameters_random_learning_rate":
        "update_parameters：在随机网络上以随机学习率更新一步",
    "test_update_parameters_default_learning_rate":
        "update_parameters：默认参数 learning_rate=0.1",
    "test_nn_model_small_example":
        "nn_model：以学习率 0.5 迭代 20 次后的参数（n_h = 3，采用书中的初始化）",
    "test_nn_model_random_problem":
        "nn_model：随机问题、隐藏层大小、迭代次数和学习率下的参数",
    "test_nn_model_reduces_the_cost":
        "nn_model：返回形状正确的参数，且其代价低于初始化时的代价",
    "test_predict_on_small_example":
        "predict：小规模固定网络上的标签",
    "test_predict_on_random_network":
        "predict：随机网络和批量上的标签",
    "test_predict_threshold_is_strict":
        "predict：A2 恰好为 0.5 的样本标记为 0（偏置为零且输入列全为零）",
}
