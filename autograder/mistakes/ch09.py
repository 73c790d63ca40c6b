"""Chapter 9 mistake catalogue: each entry is the reference with exactly one common mistake.

Most are one textual change to the reference (`catalogue.edit`); the few that rewrite a function are
written out (`@catalogue.variant`).  The texts are in autograder/messages/ch09.py.  At the end, the
reference's own training runs on the probes' trusted models (what a student's run is compared with).
"""
import copy

import numpy as np
import torch

from autograder.catalogue import Catalogue
from autograder.replay import fingerprint

catalogue = Catalogue("ch09")
edit = catalogue.edit

# --- softmax --------------------------------------------------------------------------------------
edit("softmax", "wrong_axis", ("axis=0", "axis=1"))
edit("softmax", "no_max_shift", ("np.exp(x - np.max(x, axis=0, keepdims=True))", "np.exp(x)"))
edit("softmax", "sum_over_all_entries", ("np.sum(e_x, axis=0, keepdims=True)", "np.sum(e_x)"))

# --- rnn_cell_forward -----------------------------------------------------------------------------
edit("rnn_cell_forward", "sigmoid_for_tanh", ("a_next = np.tanh(", "a_next = sigmoid("))
edit("rnn_cell_forward", "tanh_missing", ("a_next = np.tanh(np.dot(Waa, a_prev) + np.dot(Wax, xt) + ba)",
                                          "a_next = np.dot(Waa, a_prev) + np.dot(Wax, xt) + ba"))
edit("rnn_cell_forward", "bias_missing", (" + ba)", ")"))
edit("rnn_cell_forward", "softmax_missing", ("yt_pred = softmax(np.dot(Wya, a_next) + by)",
                                             "yt_pred = np.dot(Wya, a_next) + by"))
edit("rnn_cell_forward", "y_from_a_prev", ("softmax(np.dot(Wya, a_next) + by)", "softmax(np.dot(Wya, a_prev) + by)"))

# --- rnn_forward ----------------------------------------------------------------------------------
edit("rnn_forward", "state_not_carried", ("rnn_cell_forward(x[:, :, t], a_next, parameters)",
                                          "rnn_cell_forward(x[:, :, t], a0, parameters)"))
edit("rnn_forward", "stores_a_prev", (
    "        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n        a[:, :, t] = a_next\n",
    "        a[:, :, t] = a_next\n        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"))
edit("rnn_forward", "last_step_missing", ("for t in range(T_x):", "for t in range(T_x - 1):"))

# --- rnn_cell_backward ----------------------------------------------------------------------------
edit("rnn_cell_backward", "tanh_derivative_missing", ("dz = da_next * (1 - a_next ** 2)", "dz = da_next"))
edit("rnn_cell_backward", "derivative_from_a_prev", ("(1 - a_next ** 2)", "(1 - a_prev ** 2)"))
edit("rnn_cell_backward", "sigmoid_derivative", ("(1 - a_next ** 2)", "a_next * (1 - a_next)"))
edit("rnn_cell_backward", "dba_not_summed_over_batch", ("dba = np.sum(dz, axis=1, keepdims=True)", "dba = dz"))
edit("rnn_cell_backward", "dba_summed_over_units", ("np.sum(dz, axis=1, keepdims=True)", "np.sum(dz, axis=0, keepdims=True)"))

# --- rnn_backward ---------------------------------------------------------------------------------
edit("rnn_backward", "not_summed_over_time", ("dWax += ", "dWax = "), ("dWaa += ", "dWaa = "), ("dba += ", "dba = "))
edit("rnn_backward", "da_prev_not_carried", ("rnn_cell_backward(da[:, :, t] + da_prevt, caches[t])",
                                             "rnn_cell_backward(da[:, :, t], caches[t])"))
edit("rnn_backward", "forward_in_time", ("for t in reversed(range(T_x)):", "for t in range(T_x):"))

# --- gru_cell_forward -----------------------------------------------------------------------------
edit("gru_cell_forward", "reset_gate_missing", ("np.concatenate((rt * c_prev, xt), axis=0)",
                                                "np.concatenate((c_prev, xt), axis=0)"))
edit("gru_cell_forward", "reset_gate_after_product", (
    "cct = np.tanh(np.dot(Wc, concat_r) + bc)",
    "cct = np.tanh(rt * np.dot(Wc[:, :c_prev.shape[0]], c_prev) + np.dot(Wc[:, c_prev.shape[0]:], xt) + bc)"))
edit("gru_cell_forward", "update_gate_swapped", ("c_next = ut * cct + (1 - ut) * c_prev",
                                                 "c_next = (1 - ut) * cct + ut * c_prev"))
edit("gru_cell_forward", "concat_wrong_order", ("np.concatenate((c_prev, xt), axis=0)", "np.concatenate((xt, c_prev), axis=0)"),
     ("np.concatenate((rt * c_prev, xt), axis=0)", "np.concatenate((xt, rt * c_prev), axis=0)"))
edit("gru_cell_forward", "tanh_sigmoid_swapped", ("ut = sigmoid(", "ut = np.tanh("), ("rt = sigmoid(", "rt = np.tanh("),
     ("cct = np.tanh(", "cct = sigmoid("))

# --- lstm_cell_forward ----------------------------------------------------------------------------
edit("lstm_cell_forward", "concat_wrong_order", ("np.concatenate((a_prev, xt), axis=0)",
                                                 "np.concatenate((xt, a_prev), axis=0)"))
edit("lstm_cell_forward", "forget_gate_missing", ("c_next = ft * c_prev + it * cct", "c_next = c_prev + it * cct"))
edit("lstm_cell_forward", "input_gate_missing", ("c_next = ft * c_prev + it * cct", "c_next = ft * c_prev + cct"))
edit("lstm_cell_forward", "a_without_tanh", ("a_next = ot * np.tanh(c_next)", "a_next = ot * c_next"))
edit("lstm_cell_forward", "output_gate_missing", ("a_next = ot * np.tanh(c_next)", "a_next = np.tanh(c_next)"))
edit("lstm_cell_forward", "tanh_sigmoid_swapped", ("ft = sigmoid(", "ft = np.tanh("), ("it = sigmoid(", "it = np.tanh("),
     ("ot = sigmoid(", "ot = np.tanh("), ("cct = np.tanh(", "cct = sigmoid("))

# --- lstm_forward ---------------------------------------------------------------------------------
edit("lstm_forward", "a_not_carried", ("lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)",
                                       "lstm_cell_forward(x[:, :, t], a0, c_next, parameters)"))
edit("lstm_forward", "c_not_carried", ("lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)",
                                       "lstm_cell_forward(x[:, :, t], a_next, np.zeros((n_a, m)), parameters)"))
edit("lstm_forward", "c0_from_a0", ("c_next = np.zeros((n_a, m))", "c_next = a0"))
edit("lstm_forward", "c_not_stored", ("        c[:, :, t] = c_next\n", ""))

# --- lstm_cell_backward ---------------------------------------------------------------------------
edit("lstm_cell_backward", "dc_next_ignored", ("dc = dc_next + da_next", "dc = da_next"))
edit("lstm_cell_backward", "tanh_derivative_of_c_missing", ("da_next * ot * (1 - np.tanh(c_next) ** 2)", "da_next * ot"))
edit("lstm_cell_backward", "dot_without_tanh", ("dot = da_next * np.tanh(c_next) * ot", "dot = da_next * c_next * ot"))
edit("lstm_cell_backward", "candidate_tanh_derivative_missing", ("dcct = dc * it * (1 - cct ** 2)", "dcct = dc * it"))
edit("lstm_cell_backward", "gate_sigmoid_derivative_missing", (" * ot * (1 - ot)", ""), (" * it * (1 - it)", ""),
     (" * ft * (1 - ft)", ""))
edit("lstm_cell_backward", "dc_prev_without_forget_gate", ("dc_prev = dc * ft", "dc_prev = dc"))
edit("lstm_cell_backward", "db_not_summed_over_batch", *[(f"np.sum(d{g}, axis=1, keepdims=True)", f"d{g}")
                                                         for g in ("ft", "it", "cct", "ot")])

# --- clip -----------------------------------------------------------------------------------------
edit("clip", "result_discarded", ("np.clip(gradient, -max_value, max_value, out=gradient)",
                                  "gradient = np.clip(gradient, -max_value, max_value)"))
edit("clip", "lower_bound_zero", ("-max_value, max_value", "0, max_value"))
edit("clip", "upper_bound_only", ("np.clip(gradient, -max_value, max_value, out=gradient)",
                                  "np.minimum(gradient, max_value, out=gradient)"))


@catalogue.variant("clip", "one_gradient_only")
def clip_one_gradient_only(gradients, max_value):
    first = next(iter(gradients))
    np.clip(gradients[first], -max_value, max_value, out=gradients[first])
    return gradients


@catalogue.variant("clip", "clipped_by_norm")
def clip_clipped_by_norm(gradients, max_value):
    for key, gradient in gradients.items():
        norm = np.linalg.norm(gradient)
        if norm > max_value:
            gradients[key] = gradient * max_value / norm
    return gradients

# --- LSTMNet (PyTorch, 9.8) -----------------------------------------------------------------------
edit("LSTMNet", "first_step", ("self.out(r_out[:, -1, :])", "self.out(r_out[:, 0, :])"))
edit("LSTMNet", "mean_over_time", ("self.out(r_out[:, -1, :])", "self.out(r_out.mean(dim=1))"))
edit("LSTMNet", "first_layer_state", ("self.out(r_out[:, -1, :])", "self.out(h_n[0])"))
edit("LSTMNet", "one_layer", ("num_layers=2", "num_layers=1"))
edit("LSTMNet", "batch_first_missing", ("batch_first=True", "batch_first=False"))
edit("LSTMNet", "softmax_in_forward", ("out = self.out(r_out[:, -1, :])",
                                       "out = torch.softmax(self.out(r_out[:, -1, :]), dim=1)"))

# --- train_model ----------------------------------------------------------------------------------
edit("train_model", "zero_grad_missing", ("            optimizer.zero_grad()", "            pass"))
edit("train_model", "softmax_before_loss", ("criterion(model(inputs), labels)",
                                            "criterion(torch.softmax(model(inputs), dim=1), labels)"))
edit("train_model", "loss_averaged_over_batches", ("total += loss.item() * labels.size(0)", "total += loss.item()"),
     ("count += labels.size(0)", "count += 1"))
edit("train_model", "last_batch_loss", ("losses.append(total / count)", "losses.append(loss.item())"))
edit("train_model", "sgd_instead_of_adam", ("optim.Adam(", "optim.SGD("))
edit("train_model", "lr_not_passed", ("optim.Adam(model.parameters(), lr=lr)", "optim.Adam(model.parameters())"))

# --- evaluate -------------------------------------------------------------------------------------
edit("evaluate", "eval_mode_missing", ("    model.eval()\n", ""))
edit("evaluate", "percent", ("accuracy = correct / total", "accuracy = 100 * correct / total"))
edit("evaluate", "count_not_divided", ("accuracy = correct / total", "accuracy = correct"))


@catalogue.variant("evaluate", "accuracy_averaged_over_batches")
def evaluate_accuracy_averaged_over_batches(model, loader):
    model.eval()
    accuracies = []
    with torch.no_grad():
        for inputs, labels in loader:
            predicted = model(inputs).argmax(dim=1)
            accuracies.append((predicted == labels).float().mean().item())
    return sum(accuracies) / len(accuracies)


# --- build_lstm (Keras, 9.9) ----------------------------------------------------------------------
edit("build_lstm", "softmax_missing", ("tf.keras.layers.Dense(10, activation='softmax')", "tf.keras.layers.Dense(10)"))
edit("build_lstm", "return_sequences", ("tf.keras.layers.LSTM(100)", "tf.keras.layers.LSTM(100, return_sequences=True)"))
edit("build_lstm", "relu_in_lstm", ("tf.keras.layers.LSTM(100)", "tf.keras.layers.LSTM(100, activation='relu')"))
edit("build_lstm", "simple_rnn", ("tf.keras.layers.LSTM(100)", "tf.keras.layers.SimpleRNN(100)"))

# --- train_lstm_tf --------------------------------------------------------------------------------
edit("train_lstm_tf", "sgd_instead_of_adam", ("optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3)", "optimizer='sgd'"))
edit("train_lstm_tf", "learning_rate_0_01", ("learning_rate=1e-3", "learning_rate=1e-2"))
edit("train_lstm_tf", "epochs_not_passed", ("epochs=epochs, ", ""))
edit("train_lstm_tf", "batch_size_not_passed", (", batch_size=batch_size", ""))
edit("train_lstm_tf", "returns_model", ("return history", "return model"))


# --- the reference's training runs (what a student's run is compared with) ----------------------
# Like the catalogue they know answers, so they live here, never in the graders: the student package
# replays what they answered to the visible tests (tools/student.py).  Their arguments and answers
# are plain data (sizes, weights, images, labels; losses and parameters).  A run depends on its
# arguments only (no shuffling, or Keras seeded), so each is kept for the rest of the process: a class,
# a notebook's checks and the catalogue's self-test ask the same questions many times.

_RUNS: dict = {}


def _remembered(key: tuple, run):
    if key not in _RUNS:
        if len(_RUNS) > 64:
            _RUNS.pop(next(iter(_RUNS)))
        _RUNS[key] = run()
    return copy.deepcopy(_RUNS[key])


def reference_training(sizes, weights, x, y, batch_size, epochs, lr):
    """The reference's `train_model` on the probe's trusted model (`probes_ch09.torch_classifier` with
    `weights` loaded) and a loader over (x, y) in order: (losses, parameters after training)."""
    return _remembered(("train_model", fingerprint((sizes, weights, x, y, batch_size, epochs, lr), {})),
                       lambda: _reference_training(sizes, weights, x, y, batch_size, epochs, lr))


def _reference_training(sizes, weights, x, y, batch_size, epochs, lr):
    from autograder.compare import quietly
    from autograder.worker import probes_ch09
    from solutions import ch09 as ref
    T = probes_ch09._t()
    saved = torch.get_default_dtype()
    torch.set_default_dtype(torch.float32)
    try:
        model = probes_ch09.torch_classifier(T, *sizes)
        probes_ch09._load(T, model, weights)
        losses = quietly(ref.train_model, model, probes_ch09._loader(T, x, y, batch_size), epochs, lr)
        return np.asarray(losses, dtype=np.float64), [p.detach().numpy().astype(np.float64) for p in model.parameters()]
    finally:
        torch.set_default_dtype(saved)


def reference_keras_training(sizes, weights, x, y, epochs, batch_size, seed, shuffle=True):
    """The reference's `train_lstm_tf` on the probe's trusted Keras model (`probes_ch09.keras_classifier`
    with `weights` set, Keras seeded with `seed`): (losses, weights after training).  With
    shuffle=False: the same run without fit's shuffling (also accepted)."""
    return _remembered(("train_lstm_tf", fingerprint((sizes, weights, x, y, epochs, batch_size, seed, shuffle), {})),
                       lambda: _reference_keras_training(sizes, weights, x, y, epochs, batch_size, seed, shuffle))


def _reference_keras_training(sizes, weights, x, y, epochs, batch_size, seed, shuffle):
    from autograder.compare import quietly
    from autograder.worker import probes_ch09
    from solutions import ch09 as ref
    K = probes_ch09._k()
    model = probes_ch09.keras_classifier(K, *sizes)
    model.set_weights([np.asarray(w, dtype=np.float32) for w in weights])
    K.set_random_seed(seed)
    if shuffle:
        history = quietly(ref.train_lstm_tf, model, x.astype(np.float32), y, epochs, batch_size)
    else:
        model.compile(optimizer=ref.tf.keras.optimizers.Adam(learning_rate=1e-3), loss="sparse_categorical_crossentropy")
        history = model.fit(x.astype(np.float32), y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return np.asarray(history.history["loss"], dtype=np.float64), [w.astype(np.float64) for w in model.get_weights()]
