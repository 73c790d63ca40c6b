"""Chapter 5 mistake catalogue: each variant is the reference with exactly one common mistake.

Variants use only NumPy and the chapter's reference functions (sigmoid, initialize_parameters,
forward_propagation, back_propagation, update_parameters), so that each can be loaded as a student's
code beside the reference.
"""

from autograder.catalogue import Catalogue

catalogue = Catalogue("ch05")


# --- initialize_parameters ----------------------------------------------------------------------

catalogue.edit("initialize_parameters", "scaled_by_0_01",
               ('W1 = np.random.randn(n_h, n_x)', 'W1 = np.random.randn(n_h, n_x) * 0.01'),
               ('W2 = np.random.randn(n_y, n_h)', 'W2 = np.random.randn(n_y, n_h) * 0.01'))


catalogue.edit("initialize_parameters", "W_shapes_transposed",
               ('W1 = np.random.randn(n_h, n_x)', 'W1 = np.random.randn(n_x, n_h)'),
               ('W2 = np.random.randn(n_y, n_h)', 'W2 = np.random.randn(n_h, n_y)'))


catalogue.edit("initialize_parameters", "b_1d",
               ('b1 = np.zeros((n_h, 1))', 'b1 = np.zeros(n_h)'),
               ('b2 = np.zeros((n_y, 1))', 'b2 = np.zeros(n_y)'))


catalogue.edit("initialize_parameters", "uniform_rand",
               ('W1 = np.random.randn(n_h, n_x)', 'W1 = np.random.rand(n_h, n_x)'),
               ('W2 = np.random.randn(n_y, n_h)', 'W2 = np.random.rand(n_y, n_h)'))


# --- forward_propagation ------------------------------------------------------------------------

catalogue.edit("forward_propagation", "sigmoid_hidden_layer", ('np.tanh', 'sigmoid'))


catalogue.edit("forward_propagation", "tanh_output_layer", ('A2 = sigmoid(Z2)', 'A2 = np.tanh(Z2)'))


catalogue.edit("forward_propagation", "Z_passed_to_next_layer",
               ('A1) + b2    # hidden layer -> output layer', 'Z1) + b2'))


catalogue.edit("forward_propagation", "bias_missing", (") + b1", ")"), (") + b2", ")"))


# --- compute_loss -------------------------------------------------------------------------------

catalogue.edit("compute_loss", "missing_1_over_m", ("1.0 / m * np.sum", "np.sum"))


catalogue.edit("compute_loss", "wrong_sign",
               ('-(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)', 'Y * np.log(A2) + (1 - Y) * np.log(1 - A2'))


catalogue.edit("compute_loss", "log_terms_swapped",
               ('A2) + (1 - Y) * np.log(1 - A2', '1 - A2) + (1 - Y) * np.log(A2'))


catalogue.edit("compute_loss", "negative_class_term_missing", (' + (1 - Y) * np.log(1 - A2)', ''))


# --- back_propagation ---------------------------------------------------------------------------

catalogue.edit("back_propagation", "tanh_derivative_from_Z1",
               ('A1, A2 =', "Z1, A1, A2 = cache['Z1'],"),
               ("A1, 2))    # tanh'(Z1) = 1 - A1^2", 'Z1, 2))'))


catalogue.edit("back_propagation", "sigmoid_derivative_for_tanh",
               ("(1 - np.power(A1, 2))    # tanh'(Z1) = 1 - A1^2", 'A1 * (1 - A1)'))


catalogue.edit("back_propagation", "missing_1_over_m", ("1.0 / m * ", ""))


catalogue.edit("back_propagation", "db_without_keepdims",
               ('db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)', 'db2 = 1.0 / m * np.sum(dZ2, axis=1)'),
               ('db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)', 'db1 = 1.0 / m * np.sum(dZ1, axis=1)'))


catalogue.edit("back_propagation", "dZ2_Y_minus_A2", ('    dZ2 = A2 - Y', '    dZ2 = Y - A2'))


catalogue.edit("back_propagation", "tanh_derivative_missing",
               (" * (1 - np.power(A1, 2))    # tanh'(Z1) = 1 - A1^2", ''))


# --- update_parameters --------------------------------------------------------------------------

catalogue.edit("update_parameters", "plus_instead_of_minus",
               ("W1 = parameters['W1'] - learning_rate * grads['dW1']", "W1 = parameters['W1'] + learning_rate * grads['dW1']"),
               ("b1 = parameters['b1'] - learning_rate * grads['db1']", "b1 = parameters['b1'] + learning_rate * grads['db1']"),
               ("W2 = parameters['W2'] - learning_rate * grads['dW2']", "W2 = parameters['W2'] + learning_rate * grads['dW2']"),
               ("b2 = parameters['b2'] - learning_rate * grads['db2']", "b2 = parameters['b2'] + learning_rate * grads['db2']"))


catalogue.edit("update_parameters", "learning_rate_ignored",
               ("W1 = parameters['W1'] - learning_rate * grads['dW1']", "W1 = parameters['W1'] - grads['dW1']"),
               ("b1 = parameters['b1'] - learning_rate * grads['db1']", "b1 = parameters['b1'] - grads['db1']"),
               ("W2 = parameters['W2'] - learning_rate * grads['dW2']", "W2 = parameters['W2'] - grads['dW2']"),
               ("b2 = parameters['b2'] - learning_rate * grads['db2']", "b2 = parameters['b2'] - grads['db2']"))


catalogue.edit("update_parameters", "only_W_updated",
               ("    b1 = parameters['b1'] - learning_rate * grads['db1']", ''),
               ("    b2 = parameters['b2'] - learning_rate * grads['db2']\n    parameters = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}", "    parameters = {'W1': W1, 'b1': parameters['b1'], 'W2': W2, 'b2': parameters['b2']}"))


catalogue.edit("update_parameters", "wrong_default_learning_rate",
               ('def update_parameters(parameters, grads, learning_rate=0.1):', 'def update_parameters(parameters, grads, learning_rate=0.01):'))


# --- nn_model -----------------------------------------------------------------------------------

catalogue.edit("nn_model", "parameters_not_reassigned",
               ("parameters = update_parameters(parameters, grads, learning_rate)", "update_parameters(parameters, grads, learning_rate)"))


catalogue.edit("nn_model", "learning_rate_not_passed",
               ("update_parameters(parameters, grads, learning_rate)", "update_parameters(parameters, grads)"))


catalogue.edit("nn_model", "initialized_inside_loop",
               ("    for i in range(num_iterations):\n", "    for i in range(num_iterations):\n        parameters = initialize_parameters(n_x, n_h, n_y)\n"))


# --- predict ----------------------------------------------------------------------------------

catalogue.edit("predict", "ge_instead_of_gt", ('Y_pred[A2 > 0.5] = 1', 'Y_pred[A2 >= 0.5] = 1'))


catalogue.edit("predict", "returns_probabilities",
               ('    Y_pred = np.zeros((1, X.shape[1]))\n    Y_pred[A2 > 0.5] = 1\n    return Y_pred', '    return A2'))


catalogue.edit("predict", "labels_flipped", ('Y_pred[A2 > 0.5] = 1', 'Y_pred[A2 < 0.5] = 1'))


catalogue.edit("predict", "sigmoid_hidden_layer",
               ('    A2, _ = forward_propagation(X, parameters)', "    A1 = sigmoid(np.dot(parameters['W1'], X) + parameters['b1'])\n    A2 = sigmoid(np.dot(parameters['W2'], A1) + parameters['b2'])"))