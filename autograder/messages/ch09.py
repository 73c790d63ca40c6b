"""Chapter 9 texts: what each catalogued mistake means, without giving the answer code."""

MISTAKES = {
    # --- softmax ---------------------------------------------------------------------------------
    "softmax.wrong_axis": (
        "softmax 的方向错了：每一列是一个样本，应沿 axis=0（对每一列的各个类别）取最大值和求和。",
        "softmax runs along the wrong axis: each column is one example, so take the max and the sum along axis=0."),
    "softmax.no_max_shift": (
        "没有先减去最大值：输入很大时 np.exp 溢出为 inf，inf / inf 得到 nan。",
        "The maximum is not subtracted first: for large inputs np.exp overflows to inf and inf / inf is nan."),
    "softmax.sum_over_all_entries": (
        "分母是整个矩阵所有元素的和；应对每一列分别求和（axis=0），使每一列的和为 1。",
        "The denominator sums the whole matrix; sum each column separately (axis=0) so that every column sums to 1."),
    # --- rnn_cell_forward ------------------------------------------------------------------------
    "rnn_cell_forward.sigmoid_for_tanh": (
        "隐藏状态的激活函数应是 tanh，而不是 sigmoid。",
        "The hidden state's activation is tanh, not sigmoid."),
    "rnn_cell_forward.tanh_missing": (
        "a_next 漏掉了 tanh 激活：a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)。",
        "a_next is missing the tanh: a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)."),
    "rnn_cell_forward.bias_missing": (
        "a_next 漏掉了偏置 ba。", "a_next is missing the bias ba."),
    "rnn_cell_forward.softmax_missing": (
        "yt_pred 漏掉了 softmax：输出是各类别的概率。",
        "yt_pred is missing the softmax: the output is a probability per class."),
    "rnn_cell_forward.y_from_a_prev": (
        "yt_pred 应由本时刻的隐藏状态 a_next 计算，而不是 a_prev。",
        "yt_pred comes from this step's hidden state a_next, not from a_prev."),
    # --- rnn_forward -----------------------------------------------------------------------------
    "rnn_forward.state_not_carried": (
        "隐藏状态没有随时间传递：每个时刻都应把上一时刻的 a_next 作为 a_prev，而不是总用 a0。",
        "The hidden state is not carried through time: each step takes the previous a_next as a_prev, not a0 again."),
    "rnn_forward.stores_a_prev": (
        "a[:, :, t] 存的是上一时刻的隐藏状态；应存本时刻 rnn_cell_forward 返回的 a_next。",
        "a[:, :, t] holds the previous hidden state; store the a_next that rnn_cell_forward returns at step t."),
    "rnn_forward.last_step_missing": (
        "循环少了最后一个时刻：t 应取 0, 1, ..., T_x - 1 全部 T_x 个值。",
        "The loop misses the last step: t runs over all T_x values 0, 1, ..., T_x - 1."),
    # --- rnn_cell_backward -----------------------------------------------------------------------
    "rnn_cell_backward.tanh_derivative_missing": (
        "漏乘了 tanh 的导数 (1 - a_next²)：dz = da_next ⊙ (1 - a_next²)。",
        "The tanh derivative (1 - a_next²) is missing: dz = da_next ⊙ (1 - a_next²)."),
    "rnn_cell_backward.derivative_from_a_prev": (
        "tanh 的导数要用本时刻的输出 a_next：1 - a_next²，而不是 1 - a_prev²。",
        "The tanh derivative uses this step's output: 1 - a_next², not 1 - a_prev²."),
    "rnn_cell_backward.sigmoid_derivative": (
        "隐藏状态用的是 tanh，导数是 1 - a_next²，不是 sigmoid 的导数 a_next(1 - a_next)。",
        "The hidden state is a tanh, whose derivative is 1 - a_next², not sigmoid's a_next(1 - a_next)."),
    "rnn_cell_backward.dba_not_summed_over_batch": (
        "dba 要对 m 个样本求和（axis=1, keepdims=True），形状与 ba 相同 (n_a, 1)。",
        "dba is summed over the m examples (axis=1, keepdims=True), shaped like ba (n_a, 1)."),
    "rnn_cell_backward.dba_summed_over_units": (
        "dba 的求和方向错了：应对样本求和（axis=1），而不是对隐藏单元求和（axis=0）。",
        "dba is summed along the wrong axis: over the examples (axis=1), not over the hidden units (axis=0)."),
    # --- rnn_backward ----------------------------------------------------------------------------
    "rnn_backward.not_summed_over_time": (
        "参数梯度没有对所有时刻累加：各时刻共用同一组参数，dWax、dWaa、dba 是每个时刻梯度之和（用 +=）。",
        "The parameter gradients are not summed over time: every step shares the parameters, so dWax, dWaa, dba "
        "add up every step's gradient (+=)."),
    "rnn_backward.da_prev_not_carried": (
        "从后一时刻传回来的 da_prev 没有加上：t 时刻的上游梯度是 da[:, :, t] + da_prevt。",
        "The da_prev coming back from the next step is not added: the upstream gradient at step t is "
        "da[:, :, t] + da_prevt."),
    "rnn_backward.forward_in_time": (
        "随时间反向传播要从最后一个时刻往前算（t = T_x - 1, ..., 0），而不是从第一个时刻开始。",
        "Backpropagation through time runs from the last step back (t = T_x - 1, ..., 0), not from the first."),
    # --- gru_cell_forward ------------------------------------------------------------------------
    "gru_cell_forward.reset_gate_missing": (
        "候选值 c̃ 漏掉了相关门：应为 tanh(Wc [Γr ⊙ c<t-1>, x<t>] + bc)。",
        "The candidate c̃ is missing the reset gate: tanh(Wc [Γr ⊙ c<t-1>, x<t>] + bc)."),
    "gru_cell_forward.reset_gate_after_product": (
        "书中（9.5）相关门 Γr 先与 c<t-1> 相乘，再与 Wc 做矩阵乘法；这里在矩阵乘法之后才乘 Γr（这是 PyTorch GRUCell 的写法，与本书不同）。",
        "In the book (9.5) Γr multiplies c<t-1> before the product with Wc; here it multiplies after it (PyTorch's "
        "GRUCell does that, the book does not)."),
    "gru_cell_forward.update_gate_swapped": (
        "更新门用反了：c<t> = Γu ⊙ c̃<t> + (1 - Γu) ⊙ c<t-1>。",
        "The update gate is the wrong way round: c<t> = Γu ⊙ c̃<t> + (1 - Γu) ⊙ c<t-1>."),
    "gru_cell_forward.concat_wrong_order": (
        "拼接顺序错了：先 c<t-1>（或 Γr ⊙ c<t-1>），再 x<t>，即 [c, x]。",
        "The concatenation is in the wrong order: c<t-1> (or Γr ⊙ c<t-1>) first, then x<t>: [c, x]."),
    "gru_cell_forward.tanh_sigmoid_swapped": (
        "激活函数用反了：两个门 Γu、Γr 用 sigmoid，候选值 c̃ 用 tanh。",
        "The activations are swapped: the gates Γu, Γr use sigmoid, the candidate c̃ uses tanh."),
    # --- lstm_cell_forward -----------------------------------------------------------------------
    "lstm_cell_forward.concat_wrong_order": (
        "拼接顺序错了：应为 [a<t-1>, x<t>]（a_prev 在上，xt 在下），与 W 的列对应。",
        "The concatenation is in the wrong order: [a<t-1>, x<t>] (a_prev on top, xt below), matching W's columns."),
    "lstm_cell_forward.forget_gate_missing": (
        "c_next 漏掉了遗忘门：c<t> = Γf ⊙ c<t-1> + Γi ⊙ c̃<t>。",
        "c_next is missing the forget gate: c<t> = Γf ⊙ c<t-1> + Γi ⊙ c̃<t>."),
    "lstm_cell_forward.input_gate_missing": (
        "c_next 漏掉了更新门（输入门）：c<t> = Γf ⊙ c<t-1> + Γi ⊙ c̃<t>。",
        "c_next is missing the update (input) gate: c<t> = Γf ⊙ c<t-1> + Γi ⊙ c̃<t>."),
    "lstm_cell_forward.a_without_tanh": (
        "a_next 漏掉了 tanh：a<t> = Γo ⊙ tanh(c<t>)。", "a_next is missing the tanh: a<t> = Γo ⊙ tanh(c<t>)."),
    "lstm_cell_forward.output_gate_missing": (
        "a_next 漏掉了输出门：a<t> = Γo ⊙ tanh(c<t>)。", "a_next is missing the output gate: a<t> = Γo ⊙ tanh(c<t>)."),
    "lstm_cell_forward.tanh_sigmoid_swapped": (
        "激活函数用反了：三个门 Γf、Γi、Γo 用 sigmoid（取值 0 到 1），候选值 c̃ 用 tanh。",
        "The activations are swapped: the three gates Γf, Γi, Γo use sigmoid (values in 0..1), the candidate c̃ uses tanh."),
    # --- lstm_forward ----------------------------------------------------------------------------
    "lstm_forward.a_not_carried": (
        "隐藏状态 a 没有随时间传递：每个时刻都应把上一时刻的 a_next 作为 a_prev。",
        "The hidden state a is not carried through time: each step takes the previous a_next as a_prev."),
    "lstm_forward.c_not_carried": (
        "记忆细胞 c 没有随时间传递：每个时刻都应把上一时刻的 c_next 作为 c_prev。",
        "The memory cell c is not carried through time: each step takes the previous c_next as c_prev."),
    "lstm_forward.c0_from_a0": (
        "记忆细胞的初值 c0 应是全零，而不是 a0。", "The initial memory cell c0 is zeros, not a0."),
    "lstm_forward.c_not_stored": (
        "没有把每个时刻的 c_next 存入 c[:, :, t]。", "Each step's c_next is not stored in c[:, :, t]."),
    # --- lstm_cell_backward ----------------------------------------------------------------------
    "lstm_cell_backward.dc_next_ignored": (
        "漏掉了从后一时刻传来的 dc_next：c_next 的梯度是 dc_next + da_next ⊙ Γo ⊙ (1 - tanh²(c_next))。",
        "dc_next from the next step is ignored: c_next's gradient is dc_next + da_next ⊙ Γo ⊙ (1 - tanh²(c_next))."),
    "lstm_cell_backward.tanh_derivative_of_c_missing": (
        "经过 a_next = Γo ⊙ tanh(c_next) 反传到 c_next 时漏乘了 tanh 的导数 (1 - tanh²(c_next))。",
        "Through a_next = Γo ⊙ tanh(c_next), the gradient to c_next is missing tanh's derivative (1 - tanh²(c_next))."),
    "lstm_cell_backward.dot_without_tanh": (
        "输出门的梯度要乘 tanh(c_next)（a_next = Γo ⊙ tanh(c_next)），不是 c_next。",
        "The output gate's gradient takes tanh(c_next) (a_next = Γo ⊙ tanh(c_next)), not c_next."),
    "lstm_cell_backward.candidate_tanh_derivative_missing": (
        "候选值的梯度漏乘了 tanh 的导数 (1 - c̃²)。",
        "The candidate's gradient is missing the tanh derivative (1 - c̃²)."),
    "lstm_cell_backward.gate_sigmoid_derivative_missing": (
        "三个门的梯度漏乘了 sigmoid 的导数 Γ(1 - Γ)：dΓ 是对 sigmoid 之前的线性输出的梯度。",
        "The three gates' gradients are missing the sigmoid derivative Γ(1 - Γ): dΓ is the gradient of the linear "
        "output before the sigmoid."),
    "lstm_cell_backward.dc_prev_without_forget_gate": (
        "dc_prev 漏乘了遗忘门：c_next = Γf ⊙ c_prev + ...，所以 dc_prev = dc ⊙ Γf。",
        "dc_prev is missing the forget gate: c_next = Γf ⊙ c_prev + ..., so dc_prev = dc ⊙ Γf."),
    "lstm_cell_backward.db_not_summed_over_batch": (
        "偏置的梯度 dbf、dbi、dbc、dbo 要对 m 个样本求和（axis=1, keepdims=True），形状 (n_a, 1)。",
        "The bias gradients dbf, dbi, dbc, dbo are summed over the m examples (axis=1, keepdims=True), shape (n_a, 1)."),
    # --- clip ------------------------------------------------------------------------------------
    "clip.result_discarded": (
        "梯度没有被修剪：np.clip 的结果赋给了循环变量就被丢弃了；要写回字典，或用 out= 原地修改。",
        "Nothing is clipped: np.clip's result goes to the loop variable and is lost; store it back in the dict, or "
        "clip in place with out=."),
    "clip.lower_bound_zero": (
        "下界应是 -max_value，而不是 0：负的梯度也要保留（只修剪小于 -max_value 的部分）。",
        "The lower bound is -max_value, not 0: negative gradients stay (only those below -max_value are clipped)."),
    "clip.upper_bound_only": (
        "只修剪了上界：小于 -max_value 的元素也要变成 -max_value。",
        "Only the upper bound is clipped: entries below -max_value must become -max_value too."),
    "clip.one_gradient_only": (
        "只修剪了一个梯度：字典中的每一个梯度数组都要修剪。",
        "Only one gradient is clipped: every gradient array in the dict must be."),
    "clip.clipped_by_norm": (
        "这里按范数缩放了整个梯度；本章的梯度修剪是逐元素地把每个值限制在 [-max_value, max_value] 之内。",
        "This rescales each gradient by its norm; this chapter clips element-wise, each value to [-max_value, max_value]."),
    # --- LSTMNet ---------------------------------------------------------------------------------
    "LSTMNet.first_step": (
        "送入全连接层的是第一个时刻的输出 r_out[:, 0, :]；应是最后一个时刻 r_out[:, -1, :]（读完整张图片之后）。",
        "The first time step r_out[:, 0, :] goes to the Linear layer; use the last one, r_out[:, -1, :] (after the whole image is read)."),
    "LSTMNet.mean_over_time": (
        "送入全连接层的是所有时刻输出的平均；应只用最后一个时刻 r_out[:, -1, :]。",
        "The mean over all time steps goes to the Linear layer; use only the last step r_out[:, -1, :]."),
    "LSTMNet.first_layer_state": (
        "h_n[0] 是第一层 LSTM 的最终隐藏状态；分类要用第二层（最后一层）最后时刻的输出，即 r_out[:, -1, :] 或 h_n[-1]。",
        "h_n[0] is the first LSTM layer's final state; classify the last (second) layer's last step: r_out[:, -1, :] or h_n[-1]."),
    "LSTMNet.one_layer": (
        "LSTM 只有一层；本节的网络有两层（num_layers=2）。",
        "The LSTM has one layer; this section's network has two (num_layers=2)."),
    "LSTMNet.batch_first_missing": (
        "缺少 batch_first=True：输入是 (batch, time_step, input_size)，否则 LSTM 会把第 0 维当作时间。",
        "batch_first=True is missing: inputs are (batch, time_step, input_size); otherwise the LSTM takes dimension 0 as time."),
    "LSTMNet.softmax_in_forward": (
        "forward 不应再做 softmax：nn.CrossEntropyLoss 自己会做 log-softmax，模型输出未归一化的得分即可。",
        "forward must not apply softmax: nn.CrossEntropyLoss does its own log-softmax, so the model outputs raw scores."),
    # --- train_model -----------------------------------------------------------------------------
    "train_model.zero_grad_missing": (
        "每个 batch 反向传播前没有调用 optimizer.zero_grad()：PyTorch 的梯度会累加。",
        "optimizer.zero_grad() is not called before each batch's backward pass: PyTorch accumulates gradients."),
    "train_model.softmax_before_loss": (
        "nn.CrossEntropyLoss 的输入应是未经 softmax 的得分（它内部会做 log-softmax），这里多做了一次 softmax。",
        "nn.CrossEntropyLoss takes raw scores (it applies log-softmax itself); here softmax is applied once more."),
    "train_model.loss_averaged_over_batches": (
        "每轮的损失是对 batch 求平均；应按样本平均（loss.item() 乘以该 batch 的样本数，再除以样本总数），最后一个 batch 较小时两者不同。",
        "Each epoch's loss is averaged over batches; average over samples (loss.item() times the batch's size, divided by the "
        "number of samples): they differ when the last batch is smaller."),
    "train_model.last_batch_loss": (
        "记录的是每轮最后一个 batch 的损失；应是整轮所有样本的平均损失。",
        "This records each epoch's last batch loss; record the mean loss over all the epoch's samples."),
    "train_model.sgd_instead_of_adam": (
        "优化器应是 optim.Adam（与书中相同），而不是 SGD。", "The optimizer is optim.Adam (as in the book), not SGD."),
    "train_model.lr_not_passed": (
        "没有把学习率 lr 传给优化器（用的是 Adam 的默认值 0.001）。",
        "The learning rate lr is not passed to the optimizer (Adam's default 0.001 is used)."),
    # --- evaluate --------------------------------------------------------------------------------
    "evaluate.eval_mode_missing": (
        "评估前没有调用 model.eval()：BatchNorm、Dropout 在训练模式下的行为不同，预测结果会变。",
        "model.eval() is not called first: BatchNorm and Dropout behave differently in training mode, and predictions change."),
    "evaluate.percent": (
        "返回的是百分数；应返回 0 到 1 之间的比例。", "This returns a percentage; return a fraction between 0 and 1."),
    "evaluate.count_not_divided": (
        "返回的是预测正确的样本数；还要除以样本总数。", "This returns the number of correct predictions; divide by the number of samples."),
    "evaluate.accuracy_averaged_over_batches": (
        "准确率是各个 batch 准确率的平均；应是全部正确数 / 样本总数（最后一个 batch 较小时两者不同）。",
        "The accuracy averages the batches' accuracies; use all correct predictions / all samples (they differ when the last "
        "batch is smaller)."),
    # --- build_lstm ------------------------------------------------------------------------------
    "build_lstm.softmax_missing": (
        "输出层缺少 softmax 激活：稀疏交叉熵（from_logits=False）需要概率。",
        "The output layer lacks the softmax activation: sparse cross-entropy (from_logits=False) expects probabilities."),
    "build_lstm.return_sequences": (
        "LSTM 层不应 return_sequences=True：分类只用最后一个时刻的输出。",
        "The LSTM layer must not return sequences: classification uses the last step's output only."),
    "build_lstm.relu_in_lstm": (
        "LSTM 的激活函数应保持默认的 tanh，而不是 relu。", "The LSTM's activation stays the default tanh, not relu."),
    "build_lstm.simple_rnn": (
        "这里用的是 SimpleRNN；本节用 LSTM 层。", "This uses SimpleRNN; this section uses an LSTM layer."),
    # --- train_lstm_tf ---------------------------------------------------------------------------
    "train_lstm_tf.sgd_instead_of_adam": (
        "优化器应是 Adam(learning_rate=1e-3)，而不是 SGD。", "The optimizer is Adam(learning_rate=1e-3), not SGD."),
    "train_lstm_tf.learning_rate_0_01": (
        "学习率应是 1e-3。", "The learning rate is 1e-3."),
    "train_lstm_tf.epochs_not_passed": (
        "没有把 epochs 传给 model.fit（默认只训练 1 轮）。", "epochs is not passed to model.fit (its default trains 1 epoch)."),
    "train_lstm_tf.batch_size_not_passed": (
        "没有把 batch_size 传给 model.fit（默认是 32）。", "batch_size is not passed to model.fit (its default is 32)."),
    "train_lstm_tf.returns_model": (
        "应返回 model.fit 的返回值 History，而不是模型。", "Return what model.fit returns (a History), not the model."),
}

CHECKS = {
    "not_module_class": (
        "{name} 应是 nn.Module 的子类，这里是 {got}。", "{name} must be a subclass of nn.Module; it is {got}."),
    "lstmnet_layers": (
        "LSTMNet 的结构不对：得到 {got}；应为 {expected}。",
        "LSTMNet's layers are wrong: got {got}; expected {expected}."),
    "lstmnet_weights_not_loaded": (
        "无法把测试的权重载入 LSTMNet（需要两层 LSTM 28->84->84 和一个 Linear(84, 10)）：得到 {got}。",
        "The test's weights cannot be loaded into LSTMNet (it needs LSTM layers 28->84->84 and one Linear(84, 10)): got {got}."),
    "losses_not_numbers": (
        "train_model 应返回每一轮平均损失组成的列表（数字），这里是 {got}。",
        "train_model must return a list of per-epoch mean losses (numbers); got {got}."),
    "losses_length": (
        "损失列表的长度是 {got}，应为训练轮数 {expected}（每轮一个）。",
        "The list of losses has {got} entries; expected one per epoch, {expected}."),
    "accuracy_not_a_number": (
        "evaluate 应返回一个数（0 到 1 之间的准确率），这里是 {got}。",
        "evaluate must return a number (the accuracy between 0 and 1); got {got}."),
    "not_keras_model": (
        "build_lstm 应返回 tf.keras 模型，这里是 {got}。", "build_lstm must return a tf.keras model; got {got}."),
    "build_lstm_layers": (
        "build_lstm 的结构不对：得到 {got}；应为 {expected}。", "build_lstm's layers are wrong: got {got}; expected {expected}."),
    "build_lstm_weights_not_loaded": (
        "无法把测试的权重载入模型（需要一个 LSTM(100) 层和一个 Dense(10) 层）：得到 {got}。",
        "The test's weights cannot be loaded (the model needs one LSTM(100) layer and one Dense(10) layer): got {got}."),
    "not_history": (
        "train_lstm_tf 应返回 model.fit 返回的 History 对象，这里是 {got}。",
        "train_lstm_tf must return the History that model.fit returns; got {got}."),
    "history_without_loss": (
        "返回的 History 中没有 'loss'：模型是否用 compile 设置了损失函数？",
        "The History has no 'loss': was the model compiled with a loss?"),
}

TESTS = {
    "test_softmax_on_small_example": "softmax：元素都接近 1000 的 (3, 4) 矩阵，按列计算",
    "test_softmax_on_random_matrix": "softmax：随机的 (n_y, m) 矩阵",
    "test_softmax_is_stable_for_large_inputs": "softmax：所有元素都接近 1000（或 -1000）的随机矩阵，不能溢出",
    "test_rnn_cell_forward_on_small_example": "rnn_cell_forward：n_x=3、n_a=5、n_y=2、m=4 时的 a_next、yt_pred 和 cache",
    "test_rnn_cell_forward_on_random_sizes": "rnn_cell_forward：随机维度和数值下的 a_next、yt_pred 和 cache",
    "test_rnn_forward_on_small_example": "rnn_forward：n_x=3、n_a=5、n_y=2、m=4、T_x=6 时的 a、y_pred 和 caches",
    "test_rnn_forward_on_random_sequence": "rnn_forward：随机维度、序列长度和数值下的 a、y_pred 和 caches",
    "test_rnn_cell_backward_on_small_example": "rnn_cell_backward：n_x=3、n_a=5、m=4 时的 dxt、da_prev、dWax、dWaa、dba",
    "test_rnn_cell_backward_on_random_sizes": "rnn_cell_backward：随机维度和数值下的五个梯度",
    "test_rnn_cell_backward_agrees_with_numerical_gradient":
        "rnn_cell_backward：每个梯度都与 sum(da_next * a_next) 的中心差分结果一致",
    "test_rnn_backward_on_small_example": "rnn_backward：n_x=3、n_a=5、m=4、T_x=6 时的 dx、da0、dWax、dWaa、dba",
    "test_rnn_backward_on_random_sequence": "rnn_backward：随机维度、序列长度和数值下的五个梯度",
    "test_rnn_backward_agrees_with_numerical_gradient_through_time":
        "rnn_backward：每个梯度都与整个序列上 Σ_t sum(da<t> * a<t>) 的中心差分结果一致",
    "test_gru_cell_forward_on_small_example": "gru_cell_forward：n_x=3、n_c=5、m=4 时的 c_next（书中 9.5 的公式）",
    "test_gru_cell_forward_on_random_sizes": "gru_cell_forward：随机维度和数值下的 c_next",
    "test_lstm_cell_forward_on_small_example":
        "lstm_cell_forward：n_x=3、n_a=5、n_y=2、m=4 时的各个门、c_next、a_next、yt_pred 和 cache",
    "test_lstm_cell_forward_on_random_sizes": "lstm_cell_forward：随机维度和数值下的各个门、c_next、a_next、yt_pred 和 cache",
    "test_lstm_forward_on_small_example": "lstm_forward：n_x=3、n_a=5、n_y=2、m=4、T_x=6 时的 a、y、c 和 caches（c0 = 0）",
    "test_lstm_forward_on_random_sequence": "lstm_forward：随机维度、序列长度和数值下的 a、y、c 和 caches",
    "test_lstm_cell_backward_on_small_example": "lstm_cell_backward：n_x=3、n_a=5、m=4 时的十一个梯度",
    "test_lstm_cell_backward_on_random_sizes": "lstm_cell_backward：随机维度和数值下的十一个梯度",
    "test_lstm_cell_backward_agrees_with_numerical_gradient":
        "lstm_cell_backward：每个梯度都与 sum(da_next * a_next) + sum(dc_next * c_next) 的中心差分结果一致",
    "test_clip_on_small_example": "clip：把 dWaa、dWax、dWya、db、dby 五个梯度修剪到 [-5, 5]",
    "test_clip_on_random_gradients": "clip：随机键名的梯度字典中的每个数组都修剪到随机的 max_value",
    "test_lstmnet_layers_and_parameter_count":
        "LSTMNet：nn.LSTM(28, 84, num_layers=2, batch_first=True) 和 Linear(84, 10)，共 96,274 个参数",
    "test_lstmnet_output_with_given_weights":
        "LSTMNet：载入固定权重后 3 张图片 (batch, 28, 28) 的得分：第二层最后一个时刻的输出送入全连接层",
    "test_lstmnet_output_on_random_batch": "LSTMNet：载入随机权重后随机一批图片的得分",
    "test_train_model_on_small_problem":
        "train_model：Adam、学习率 0.01 训练 3 轮后每轮的损失（按样本平均）和参数（batch 依次为 8、8、8、3）",
    "test_train_model_on_random_problem": "train_model：随机数据、维度、batch 大小、轮数和学习率下的损失和参数",
    "test_evaluate_on_small_problem":
        "evaluate：含 BatchNorm 的模型（处于训练模式）在 22 个样本（每批 8 个）上的准确率",
    "test_evaluate_on_random_problem": "evaluate：随机数据、维度和 batch 大小（最后一批较小）下的准确率",
    "test_build_lstm_layers_and_parameter_count":
        "build_lstm：输入 (28, 28)、只输出最后时刻的 LSTM(100)，Dense(10)，共 52,610 个参数",
    "test_build_lstm_output_with_given_weights": "build_lstm：载入固定权重后 3 张图片的类别概率（最后时刻，softmax）",
    "test_build_lstm_output_on_random_batch": "build_lstm：载入随机权重后随机一批图片的类别概率",
    "test_train_lstm_tf_on_small_problem":
        "train_lstm_tf：以 batch 大小 8 训练 3 轮后 History 的损失和模型权重（Adam 1e-3，稀疏交叉熵）",
    "test_train_lstm_tf_on_random_problem": "train_lstm_tf：随机数据、维度、轮数和 batch 大小下 History 的损失和权重",
}
