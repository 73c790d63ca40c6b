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

catalogue.edit("f_eager", "b_squared", ('f = a * a + a * b + c', 'f = a * a + b * b + c'))


catalogue.edit("f_eager", "missing_c", ('f = a * a + a * b + c', 'f = a * a + a * b'))


catalogue.edit("f_eager", "double_ab", ('f = a * a + a * b + c', 'f = a * a + 2 * a * b + c'))


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


catalogue.edit("session_compute", "constants_instead_of_placeholders",
               ('tf.compat.v1.placeholder(tf.float32, name="a"', 'tf.constant(a_value, dtype=tf.float32'),
               ('tf.compat.v1.placeholder(tf.float32, name="b"', 'tf.constant(b_value, dtype=tf.float32'),
               ('f, feed_dict={a: a_value, b: b_value}', 'f'))


catalogue.edit("session_compute", "adds_b_squared", ('f = a * a + a * b', 'f = a * a + b * b'))


# --- linear_regression_tf --------------------------------------------------------------------

catalogue.edit("linear_regression_tf", "sum_instead_of_mean", ('tf.reduce_mean', 'tf.reduce_sum'))


catalogue.edit("linear_regression_tf", "gradient_ascent",
               ('w1.assign_sub(learning_rate * dw1)       # gradient descent step', 'w1.assign_add(learning_rate * dw1)'),
               ('w0.assign_sub', 'w0.assign_add'))


catalogue.edit("linear_regression_tf", "no_learning_rate",
               ('learning_rate * dw1)       # gradient descent step', 'dw1)'),
               ('learning_rate * dw0', 'dw0'))


catalogue.edit("linear_regression_tf", "bias_never_updated",
               ('dw1, dw0 = tape.gradient(loss, [w1, w0]', 'dw1 = tape.gradient(loss, w1'),
               ('        w0.assign_sub(learning_rate * dw0)', ''))


catalogue.edit("linear_regression_tf", "ignores_learning_rate_argument",
               ('learning_rate * dw1)       # gradient descent step', "0.01 * dw1)                          # the book's 0.01 hard-coded"),
               ('w0.assign_sub(learning_rate * dw0)', 'w0.assign_sub(0.01 * dw0)'))


# --- write_loss_summary ----------------------------------------------------------------------

@catalogue.variant("write_loss_summary", "no_default_writer")
def write_loss_summary_no_default_writer(logdir, losses):
    writer = tf.summary.create_file_writer(logdir)
    for step, loss in enumerate(losses):
        tf.summary.scalar("loss", loss, step=step)         # no `with writer.as_default():` nothing is written
    writer.flush()
    writer.close()


catalogue.edit("write_loss_summary", "constant_step",
               ('step, loss in enumerate(losses)', 'loss in losses'),
               ('tf.summary.scalar("loss", loss, step=step)', 'tf.summary.scalar("loss", loss, step=0)'))


catalogue.edit("write_loss_summary", "steps_from_one",
               ('tf.summary.scalar("loss", loss, step=step)', 'tf.summary.scalar("loss", loss, step=step + 1)'))


catalogue.edit("write_loss_summary", "only_last_loss",
               ('            tf.summary.scalar("loss", loss, step=step)', '            pass\n        tf.summary.scalar("loss", loss, step=step)'))