"""Chapter 8 mistake catalogue: each variant is the reference with exactly one common mistake.

Most are one change to the reference's source (`catalogue.edit`); a mistake in a PyTorch model
class or training function is an edit of the reference class or function too.  The PyTorch and
Keras variants are run by the chapter's probes (`autograder/worker/probes_ch08.py`) in the grader
process, beside the reference's other functions; so is the reference itself (`reference_probe`).
"""
import copy

from autograder.catalogue import Catalogue
from autograder.replay import fingerprint

catalogue = Catalogue("ch08")
edit = catalogue.edit

# ---------------------------------------------------------------------------------------------
# 8.3 conv layer
# ---------------------------------------------------------------------------------------------

SIZE = "(n + 2 * pad - f) // stride + 1"
edit("conv_output_size", "missing_plus_one", (SIZE, "(n + 2 * pad - f) // stride"))
edit("conv_output_size", "pad_not_doubled", (SIZE, "(n + pad - f) // stride + 1"))
edit("conv_output_size", "true_division", (SIZE, "(n + 2 * pad - f) / stride + 1"))
edit("conv_output_size", "ceil_instead_of_floor", (SIZE, "-(-(n + 2 * pad - f) // stride) + 1"))

PAD_WIDTHS = "((0, 0), (pad, pad), (pad, pad), (0, 0))"
edit("zero_pad", "pads_every_axis", (PAD_WIDTHS, "pad"))
edit("zero_pad", "pads_one_side", (PAD_WIDTHS, "((0, 0), (pad, 0), (pad, 0), (0, 0))"))
edit("zero_pad", "pads_as_if_channels_first", (PAD_WIDTHS, "((0, 0), (0, 0), (pad, pad), (pad, pad))"))

edit("conv_single_step", "bias_missing", ("Z = Z + b.item()", "Z = Z"))
edit("conv_single_step", "bias_added_per_position", ("s = a_slice_prev * W", "s = a_slice_prev * W + b"),
     ("Z = Z + b.item()", "Z = Z"))
edit("conv_single_step", "kernel_flipped", ("s = a_slice_prev * W", "s = a_slice_prev * W[::-1, ::-1]"))
edit("conv_single_step", "not_summed", ("Z = np.sum(s)", "Z = s"))

STEP = "conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])"
edit("conv_forward", "kernel_flipped", (STEP, "conv_single_step(a_slice_prev, W[::-1, ::-1, :, c], b[:, :, :, c])"))
edit("conv_forward", "padding_ignored", ("pad = hparameters['pad']", "pad = 0"))
edit("conv_forward", "padding_applied_twice",
     ("A_prev_pad = zero_pad(A_prev, pad)", "A_prev_pad = zero_pad(zero_pad(A_prev, pad), pad)"))
edit("conv_forward", "stride_ignored", ("vert_start = h * stride", "vert_start = h"),
     ("horiz_start = w * stride", "horiz_start = w"))
edit("conv_forward", "output_size_off_by_one",
     ("conv_output_size(n_H_prev, f, pad, stride)", "int((n_H_prev + 2 * pad - f) / stride)"),
     ("conv_output_size(n_W_prev, f, pad, stride)", "int((n_W_prev + 2 * pad - f) / stride)"))
edit("conv_forward", "bias_missing", (STEP, "np.sum(a_slice_prev * W[:, :, :, c])"))
edit("conv_forward", "bias_added_per_position", (STEP, "np.sum(a_slice_prev * W[:, :, :, c] + b[:, :, :, c])"))
edit("conv_forward", "n_H_n_W_swapped", ("Z = np.zeros((m, n_H, n_W, n_C))", "Z = np.zeros((m, n_W, n_H, n_C))"),
     ("Z[i, h, w, c]", "Z[i, w, h, c]"))
edit("conv_forward", "cache_holds_padded_input",
     ("cache = (A_prev, W, b, hparameters)", "cache = (A_prev_pad, W, b, hparameters)"))

# ---------------------------------------------------------------------------------------------
# 8.4 pooling layer
# ---------------------------------------------------------------------------------------------

edit("pool_forward", "average_mode_ignored", ("if mode == 'max':", "if True:"))
edit("pool_forward", "stride_ignored", ("vert_start = h * stride", "vert_start = h"),
     ("horiz_start = w * stride", "horiz_start = w"))
edit("pool_forward", "pooled_across_channels",
     ("A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]", "A_prev[i, vert_start:vert_end, horiz_start:horiz_end, :]"))
edit("pool_forward", "output_size_off_by_one",
     ("conv_output_size(n_H_prev, f, 0, stride)", "int((n_H_prev - f) / stride)"),
     ("conv_output_size(n_W_prev, f, 0, stride)", "int((n_W_prev - f) / stride)"))
edit("pool_forward", "n_H_n_W_swapped", ("A = np.zeros((m, n_H, n_W, n_C))", "A = np.zeros((m, n_W, n_H, n_C))"),
     ("A[i, h, w, c]", "A[i, w, h, c]"))

# ---------------------------------------------------------------------------------------------
# 8.6 backward passes
# ---------------------------------------------------------------------------------------------

edit("conv_backward", "kernel_flipped", ("W[:, :, :, c] * dZ[i, h, w, c]", "W[::-1, ::-1, :, c] * dZ[i, h, w, c]"))
edit("conv_backward", "dA_prev_not_unpadded",
     ("dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]", "pass"),
     ("return dA_prev, dW, db", "return dA_prev_pad, dW, db"))
edit("conv_backward", "dW_db_divided_by_m", ("return dA_prev, dW, db", "return dA_prev, dW / m, db / m"))
edit("conv_backward", "dW_db_not_summed_over_batch",
     ("        a_prev_pad = A_prev_pad[i]\n",
      "        dW = np.zeros(W.shape)\n        db = np.zeros(b.shape)\n        a_prev_pad = A_prev_pad[i]\n"))
edit("conv_backward", "stride_ignored", ("vert_start = h * stride", "vert_start = h"),
     ("horiz_start = w * stride", "horiz_start = w"))

edit("create_mask_from_window", "max_per_column", ("x == np.max(x)", "x == np.max(x, axis=0)"))
edit("create_mask_from_window", "argmax_index", ("mask = (x == np.max(x))", "mask = np.argmax(x)"))
edit("create_mask_from_window", "max_value_instead_of_one", ("mask = (x == np.max(x))", "mask = x * (x == np.max(x))"))

edit("distribute_value", "not_divided_by_window_size", ("average = dz / (n_H * n_W)", "average = dz"))
edit("distribute_value", "divided_by_one_side", ("average = dz / (n_H * n_W)", "average = dz / n_H"))
edit("distribute_value", "returns_a_number", ("a = np.ones(shape) * average", "a = average"))

WINDOW = "dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += "
edit("pool_backward", "assigned_not_accumulated", (WINDOW, WINDOW.replace("+=", "=")))
edit("pool_backward", "average_not_divided_by_window_size", ("distribute_value(da, (f, f))", "np.ones((f, f)) * da"))
edit("pool_backward", "average_mode_ignored", ("if mode == 'max':", "if True:"))
edit("pool_backward", "stride_ignored", ("vert_start = h * stride", "vert_start = h"),
     ("horiz_start = w * stride", "horiz_start = w"))

# ---------------------------------------------------------------------------------------------
# 8.3.2 edge detection
# ---------------------------------------------------------------------------------------------

edit("vertical_edge_kernel", "horizontal_kernel",
     ("np.array([[1, 0, -1],\n                       [1, 0, -1],\n                       [1, 0, -1]])",
      "np.array([[1, 1, 1],\n                       [0, 0, 0],\n                       [-1, -1, -1]])"))
edit("vertical_edge_kernel", "sign_flipped",
     ("np.array([[1, 0, -1],\n                       [1, 0, -1],\n                       [1, 0, -1]])",
      "np.array([[-1, 0, 1],\n                       [-1, 0, 1],\n                       [-1, 0, 1]])"))

edit("detect_vertical_edges", "kernel_flipped", ("* kernel)", "* kernel[::-1, ::-1])"))
edit("detect_vertical_edges", "horizontal_kernel", ("* kernel)", "* kernel.T)"))
edit("detect_vertical_edges", "same_padding",
     ("    (n_H, n_W) = image.shape\n", "    image = np.pad(image, 1)\n    (n_H, n_W) = image.shape\n"))

# ---------------------------------------------------------------------------------------------
# 8.8 PyTorch: LeNet5, train_model, evaluate
# ---------------------------------------------------------------------------------------------

edit("LeNet5", "relu_missing", ("F.relu(self.conv1(x))", "self.conv1(x)"), ("F.relu(self.conv2(x))", "self.conv2(x)"),
     ("F.relu(self.fc1(x))", "self.fc1(x)"), ("F.relu(self.fc2(x))", "self.fc2(x)"))
edit("LeNet5", "pooling_missing", ("self.pool1(F.relu(self.conv1(x)))", "F.relu(self.conv1(x))"),
     ("self.pool2(F.relu(self.conv2(x)))", "F.relu(self.conv2(x))"))
edit("LeNet5", "wrong_flatten_size", ("16 * 4 * 4", "16 * 5 * 5"))   # LeNet-5 on 32x32 inputs
edit("LeNet5", "softmax_in_forward", ("x = self.fc3(x)", "x = F.softmax(self.fc3(x), dim=1)"))

edit("train_model", "zero_grad_missing", ("optimizer.zero_grad()", "pass"))
edit("train_model", "softmax_before_cross_entropy",
     ("loss = criterion(outputs, labels)", "loss = criterion(torch.softmax(outputs, dim=1), labels)"))
edit("train_model", "sgd_instead_of_adam", ("optim.Adam(model.parameters(), lr=lr)", "optim.SGD(model.parameters(), lr=lr)"))
edit("train_model", "lr_not_passed", ("optim.Adam(model.parameters(), lr=lr)", "optim.Adam(model.parameters())"))
edit("train_model", "loss_averaged_over_batches",
     ("running_loss += loss.item() * inputs.size(0)", "running_loss += loss.item()"),
     ("losses.append(running_loss / len(loader.dataset))", "losses.append(running_loss / len(loader))"))
edit("train_model", "loss_summed_not_averaged",
     ("losses.append(running_loss / len(loader.dataset))", "losses.append(running_loss)"))
edit("train_model", "last_batch_loss_only", ("losses.append(running_loss / len(loader.dataset))", "losses.append(loss.item())"))

edit("evaluate", "eval_mode_missing", ("model.eval()", "pass"))
edit("evaluate", "no_grad_missing", ("with torch.no_grad():", "if True:"))
edit("evaluate", "accuracy_over_batches", ("total += labels.size(0)", "total += 1"),
     ("correct += (predicted == labels).sum().item()", "correct += (predicted == labels).float().mean().item()"))
edit("evaluate", "percent_not_fraction", ("accuracy = correct / total", "accuracy = 100 * correct / total"))

# ---------------------------------------------------------------------------------------------
# 8.9 Keras: build_cnn, train_cnn_tf
# (a wrong loss for integer labels, categorical or binary cross-entropy, MSE, makes Keras 3 raise a
# clear error, and from_logits=True on a softmax output is corrected by Keras itself: none is a
# silent mistake to name)
# ---------------------------------------------------------------------------------------------

edit("build_cnn", "valid_padding", ("padding='same', ", ""))
edit("build_cnn", "second_pool_missing",
     ("        tf.keras.layers.MaxPooling2D(2),                                     # 7x7x64\n", ""))
edit("build_cnn", "softmax_missing", ("tf.keras.layers.Dense(10, activation='softmax')", "tf.keras.layers.Dense(10)"))
edit("build_cnn", "relu_missing", ("activation='relu'", "activation=None"))

edit("train_cnn_tf", "learning_rate_1e_4", ("learning_rate=1e-3", "learning_rate=1e-4"))   # the book's TF1 value
edit("train_cnn_tf", "sgd_instead_of_adam", ("tf.keras.optimizers.Adam(", "tf.keras.optimizers.SGD("))
edit("train_cnn_tf", "batch_size_not_passed", ("batch_size=batch_size, ", ""))
edit("train_cnn_tf", "epochs_not_passed", ("epochs=epochs, ", ""))


# ---------------------------------------------------------------------------------------------
# The reference's answers to the same probes (what a student's answer is compared with).  Like the
# catalogue they know answers: the student package replays what they answered to the visible tests
# (tools/student.py), so they live here, never in the graders.
# ---------------------------------------------------------------------------------------------

_REFERENCE_ANSWERS: dict = {}   # a grading process (a class, a notebook's checks) asks the same visible questions


def reference_probe(probe_name: str, *args):
    """The answer of probe `probe_name` (autograder.worker.probes_ch08) run here on the reference,
    beside its other functions, as plain data; kept for the rest of the process (it depends on the
    arguments only)."""
    from autograder.inprocess import roundtrip
    from autograder.worker.probes import PROBES
    from solutions import ch08 as ref
    key = (probe_name, fingerprint(args, {}))
    if key not in _REFERENCE_ANSWERS:
        answer = roundtrip(PROBES[probe_name](dict(vars(ref)), *copy.deepcopy(args)))
        if not isinstance(answer, dict) or "error" in answer or "missing" in answer:
            raise RuntimeError(f"the reference fails probe {probe_name}: {answer}")
        if len(_REFERENCE_ANSWERS) > 64:
            _REFERENCE_ANSWERS.pop(next(iter(_REFERENCE_ANSWERS)))
        _REFERENCE_ANSWERS[key] = answer
    return copy.deepcopy(_REFERENCE_ANSWERS[key])
