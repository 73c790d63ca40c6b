"""Chapter 3 written differently but correctly (operators, a tf.function with options, Tensor.eval in
a Session, Keras SGD on tf.Variables, tensors returned, no explicit flush): must keep full marks."""
import numpy as np
import tensorflow as tf


def tf_tensor_ops(a, b):
    return a + b, a - b, a * b, a @ b


def f_eager(a, b, c):
    return tf.add(tf.multiply(a, a), tf.add(tf.multiply(a, b), c))


@tf.function(reduce_retracing=True)
def f_graph(a, b, c):
    return tf.add(tf.multiply(a, a + b), c)


def session_compute(a_value, b_value):
    g = tf.Graph()
    with g.as_default():
        a = tf.compat.v1.placeholder(tf.float32, shape=None)
        b = tf.compat.v1.placeholder(tf.float32, shape=None)
        f = tf.add(tf.multiply(a, a), tf.multiply(a, b))
        with tf.compat.v1.Session() as sess:
            return f.eval(feed_dict={a: a_value, b: b_value}, session=sess)


def linear_regression_tf(x, y, iterations=500, learning_rate=0.01):
    x = tf.convert_to_tensor(np.asarray(x, np.float32))
    y = tf.convert_to_tensor(np.asarray(y, np.float32))
    w1 = tf.Variable([0.0])
    w0 = tf.Variable([0.0])
    opt = tf.keras.optimizers.SGD(learning_rate=learning_rate)
    losses = []
    for _ in range(iterations):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((w1 * x + w0 - y) ** 2)
        grads = tape.gradient(loss, [w1, w0])
        opt.apply_gradients(zip(grads, [w1, w0]))
        losses.append(loss)
    return w1, w0, losses


def write_loss_summary(logdir, losses):
    with tf.summary.create_file_writer(logdir).as_default():
        for i in range(len(losses)):
            tf.summary.scalar(name="loss", data=losses[i], step=i)
