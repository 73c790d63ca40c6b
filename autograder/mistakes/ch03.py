"""Chapter 3 (TensorFlow 2): common mistakes, each the reference with exactly one thing wrong."""
import tensorflow as tf

from autograder.catalogue import Catalogue

catalogue = Catalogue("ch03")


# --- tf_tensor_ops ---------------------------------------------------------------------------

@catalogue.variant("tf_tensor_ops", "multiply_for_matmul")
def tf_tensor_ops_multiply_for_matmul(a, b):
    return tf.add(a, b), tf.subtract(a, b), tf.multiply(a, b), tf.multiply(a, b)   # not tf.matmul


@catalogue.variant("tf_tensor_ops", "subtract_reversed")
def tf_tensor_ops_subtract_reversed(a, b):
    return tf.add(a, b), tf.subtract(b, a), tf.multiply(a, b), tf.matmul(a, b)


@catalogue.variant("tf_tensor_ops", "matmul_order_swapped")
def tf_tensor_ops_matmul_order_swapped(a, b):
    return tf.add(a, b), tf.subtract(a, b), tf.multiply(a, b), tf.matmul(b, a)     # b @ a, not a @ b


# --- f_eager ---------------------------------------------------------------------------------

@catalogue.variant("f_eager", "b_squared")
def f_eager_b_squared(a, b, c):
    return a * a + b * b + c


@catalogue.variant("f_eager", "missing_c")
def f_eager_missing_c(a, b, c):
    return a * a + a * b


@catalogue.variant("f_eager", "double_ab")
def f_eager_double_ab(a, b, c):
    return a * a + 2 * a * b + c


# --- f_graph ---------------------------------------------------------------------------------

@catalogue.variant("f_graph", "plain_python")
def f_graph_plain_python(a, b, c):          # no @tf.function: runs eagerly, no graph is built
    return a * a + a * b + c


@catalogue.variant("f_graph", "numpy_inside_graph")
@tf.function
def f_graph_numpy_inside_graph(a, b, c):
    return (a * a + a * b + c).numpy()      # a graph tensor has no value while it is traced


@catalogue.variant("f_graph", "b_squared")
@tf.function
def f_graph_b_squared(a, b, c):
    return a * a + b * b + c


# --- session_compute -------------------------------------------------------------------------

@catalogue.variant("session_compute", "returns_symbolic_tensor")
def session_compute_returns_symbolic_tensor(a_value, b_value):
    graph = tf.Graph()
    with graph.as_default():
        a = tf.compat.v1.placeholder(tf.float32, name="a")
        b = tf.compat.v1.placeholder(tf.float32, name="b")
        f = a * a + a * b
    return f                                 # the graph was built but never run in a Session


@catalogue.variant("session_compute", "eager_instead_of_session")
def session_compute_eager_instead_of_session(a_value, b_value):
    a = tf.constant(a_value, dtype=tf.float32)
    b = tf.constant(b_value, dtype=tf.float32)
    return (a * a + a * b).numpy()           # right value, but no graph, placeholder or Session


@catalogue.variant("session_compute", "constants_instead_of_placeholders")
def session_compute_constants_instead_of_placeholders(a_value, b_value):
    graph = tf.Graph()
    with graph.as_default():
        a = tf.constant(a_value, dtype=tf.float32)
        b = tf.constant(b_value, dtype=tf.float32)
        f = a * a + a * b
    with tf.compat.v1.Session(graph=graph) as sess:
        result = sess.run(f)                 # nothing fed: the values are baked into the graph
    return result


@catalogue.variant("session_compute", "adds_b_squared")
def session_compute_adds_b_squared(a_value, b_value):
    graph = tf.Graph()
    with graph.as_default():
        a = tf.compat.v1.placeholder(tf.float32, name="a")
        b = tf.compat.v1.placeholder(tf.float32, name="b")
        f = a * a + b * b
    with tf.compat.v1.Session(graph=graph) as sess:
        result = sess.run(f, feed_dict={a: a_value, b: b_value})
    return result


# --- linear_regression_tf --------------------------------------------------------------------

@catalogue.variant("linear_regression_tf", "sum_instead_of_mean")
def linear_regression_tf_sum_instead_of_mean(x, y, iterations=500, learning_rate=0.01):
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1 = tf.Variable(tf.zeros([1]), name="w1")
    w0 = tf.Variable(tf.zeros([1]), name="w0")
    losses = []
    for i in range(iterations):
        with tf.GradientTape() as tape:
            y_hat = w0 + w1 * x
            loss = tf.reduce_sum(tf.square(y_hat - y))     # summed, not averaged
        dw1, dw0 = tape.gradient(loss, [w1, w0])
        w1.assign_sub(learning_rate * dw1)
        w0.assign_sub(learning_rate * dw0)
        losses.append(float(loss))
    return w1.numpy(), w0.numpy(), losses


@catalogue.variant("linear_regression_tf", "gradient_ascent")
def linear_regression_tf_gradient_ascent(x, y, iterations=500, learning_rate=0.01):
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1 = tf.Variable(tf.zeros([1]), name="w1")
    w0 = tf.Variable(tf.zeros([1]), name="w0")
    losses = []
    for i in range(iterations):
        with tf.GradientTape() as tape:
            y_hat = w0 + w1 * x
            loss = tf.reduce_mean(tf.square(y_hat - y))
        dw1, dw0 = tape.gradient(loss, [w1, w0])
        w1.assign_add(learning_rate * dw1)                 # a step up the gradient
        w0.assign_add(learning_rate * dw0)
        losses.append(float(loss))
    return w1.numpy(), w0.numpy(), losses


@catalogue.variant("linear_regression_tf", "no_learning_rate")
def linear_regression_tf_no_learning_rate(x, y, iterations=500, learning_rate=0.01):
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1 = tf.Variable(tf.zeros([1]), name="w1")
    w0 = tf.Variable(tf.zeros([1]), name="w0")
    losses = []
    for i in range(iterations):
        with tf.GradientTape() as tape:
            y_hat = w0 + w1 * x
            loss = tf.reduce_mean(tf.square(y_hat - y))
        dw1, dw0 = tape.gradient(loss, [w1, w0])
        w1.assign_sub(dw1)                                 # the whole gradient, not learning_rate times it
        w0.assign_sub(dw0)
        losses.append(float(loss))
    return w1.numpy(), w0.numpy(), losses


@catalogue.variant("linear_regression_tf", "bias_never_updated")
def linear_regression_tf_bias_never_updated(x, y, iterations=500, learning_rate=0.01):
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1 = tf.Variable(tf.zeros([1]), name="w1")
    w0 = tf.Variable(tf.zeros([1]), name="w0")
    losses = []
    for i in range(iterations):
        with tf.GradientTape() as tape:
            y_hat = w0 + w1 * x
            loss = tf.reduce_mean(tf.square(y_hat - y))
        dw1 = tape.gradient(loss, w1)
        w1.assign_sub(learning_rate * dw1)                 # w0 stays 0
        losses.append(float(loss))
    return w1.numpy(), w0.numpy(), losses


@catalogue.variant("linear_regression_tf", "ignores_learning_rate_argument")
def linear_regression_tf_ignores_learning_rate_argument(x, y, iterations=500, learning_rate=0.01):
    x = tf.constant(x, dtype=tf.float32)
    y = tf.constant(y, dtype=tf.float32)
    w1 = tf.Variable(tf.zeros([1]), name="w1")
    w0 = tf.Variable(tf.zeros([1]), name="w0")
    losses = []
    for i in range(iterations):
        with tf.GradientTape() as tape:
            y_hat = w0 + w1 * x
            loss = tf.reduce_mean(tf.square(y_hat - y))
        dw1, dw0 = tape.gradient(loss, [w1, w0])
        w1.assign_sub(0.01 * dw1)                          # the book's 0.01 hard-coded
        w0.assign_sub(0.01 * dw0)
        losses.append(float(loss))
    return w1.numpy(), w0.numpy(), losses


# --- write_loss_summary ----------------------------------------------------------------------

@catalogue.variant("write_loss_summary", "no_default_writer")
def write_loss_summary_no_default_writer(logdir, losses):
    writer = tf.summary.create_file_writer(logdir)
    for step, loss in enumerate(losses):
        tf.summary.scalar("loss", loss, step=step)         # no `with writer.as_default():` nothing is written
    writer.flush()
    writer.close()


@catalogue.variant("write_loss_summary", "constant_step")
def write_loss_summary_constant_step(logdir, losses):
    writer = tf.summary.create_file_writer(logdir)
    with writer.as_default():
        for loss in losses:
            tf.summary.scalar("loss", loss, step=0)        # every point at step 0
    writer.flush()
    writer.close()


@catalogue.variant("write_loss_summary", "steps_from_one")
def write_loss_summary_steps_from_one(logdir, losses):
    writer = tf.summary.create_file_writer(logdir)
    with writer.as_default():
        for step, loss in enumerate(losses):
            tf.summary.scalar("loss", loss, step=step + 1)
    writer.flush()
    writer.close()


@catalogue.variant("write_loss_summary", "only_last_loss")
def write_loss_summary_only_last_loss(logdir, losses):
    writer = tf.summary.create_file_writer(logdir)
    with writer.as_default():
        for step, loss in enumerate(losses):
            pass
        tf.summary.scalar("loss", loss, step=step)         # outside the loop: only the last point
    writer.flush()
    writer.close()
