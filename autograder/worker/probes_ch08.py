"""Chapter 8 probes: LeNet-5, `train_model` and `evaluate` (PyTorch), `build_cnn` and `train_cnn_tf` (Keras).

Each probe runs next to the student's objects (in the worker, or in the grader process for the
reference and the catalogued variants) and answers plain data: layer descriptions, parameter
shapes and counts, NumPy arrays, floats.  The grader compares the student's answer with the same
probe's answer on the reference (`autograder/graders/ch08.py`).

Weights are never sent: a probe fills every parameter from its shape (`fill_by_shape`), so any
model with the right layers (whatever their attribute names or order) computes with the same
numbers as the reference.  `train_model`, `evaluate` and `train_cnn_tf` get small models built here
(trusted code), so that they are graded on their own, whatever the student's LeNet5 or build_cnn do.

Like `autograder.worker.probes`, this module imports only the standard library, NumPy and the
worker-side modules, and binds every framework function it uses the first time it sees the framework
(at import in the worker, where torch and tensorflow are preloaded before the student's code runs).
"""
from __future__ import annotations

import sys

import numpy as np

from autograder.worker import frameworks
from autograder.worker.probes import (  # bound before any student code runs
    _array, _asarray, _BaseException, _bool, _Bound, _callable, _default_rng, _dict, _error, _float,
    _float32, _float64, _framework, _generic, _getattr, _int, _int64, _isinstance, _issubclass, _len, _list,
    _once, probe, _prod, _qualname, _sqrt, _str, _sum, _tuple, _type)

def fill_by_shape(shape, seed: int, framework: str) -> np.ndarray:
    """The value every probe gives a parameter of this shape: He-scaled normal weights (fan-in from
    the framework's layout), small normal biases; a function of (seed, shape) only."""
    shape = _tuple(_int(s) for s in shape)
    rng = _default_rng([_int(seed)] + _list(shape))
    if _len(shape) <= 1:
        return (0.1 * rng.standard_normal(shape)).astype(_float32)
    fan_in = _prod(shape[1:]) if framework == "torch" else _prod(shape[:-1])
    return (rng.standard_normal(shape) * _sqrt(2.0 / fan_in)).astype(_float32)


# ------------------------------------------------------------------------------------------------
# PyTorch
# ------------------------------------------------------------------------------------------------

@_once
def _torch() -> _Bound:
    torch = _framework("torch")
    import torch.utils.data as data   # already loaded with torch
    nn, F = torch.nn, torch.nn.functional
    bound = _Bound(
        tensor=torch.tensor, from_numpy=torch.from_numpy, Tensor=torch.Tensor,
        no_grad=torch.no_grad, is_grad_enabled=torch.is_grad_enabled, set_grad_enabled=torch.set_grad_enabled,
        get_default_dtype=torch.get_default_dtype, set_default_dtype=torch.set_default_dtype,
        get_num_threads=torch.get_num_threads, set_num_threads=torch.set_num_threads,
        float32=torch.float32,
        Module=nn.Module, Conv2d=nn.Conv2d, Linear=nn.Linear,
        module_init=nn.Module.__init__, call=nn.Module.__call__, train=nn.Module.train, eval=nn.Module.eval,
        named_parameters=nn.Module.named_parameters, named_modules=nn.Module.named_modules,
        parameters_of=lambda m: m._parameters,
        conv2d=F.conv2d, linear=F.linear, relu=F.relu, max_pool2d=F.max_pool2d,
        flatten=torch.flatten, copy_=torch.Tensor.copy_, numel=torch.Tensor.numel,
        DataLoader=data.DataLoader, TensorDataset=data.TensorDataset,
    )
    frameworks._torch()
    return bound


def _numpy(tensor) -> np.ndarray:
    from autograder.worker.probes import _to_numpy
    return _to_numpy(tensor)


class _Float32:
    """Models and inputs in float32 (whatever the default dtype was set to), on one thread: the
    probes' models are tiny, and on a busy machine several threads only wait for each other."""

    def __enter__(self):
        T = _torch()
        self.saved = T.get_default_dtype(), T.get_num_threads()
        T.set_default_dtype(T.float32)
        T.set_num_threads(1)

    def __exit__(self, *exc):
        T = _torch()
        T.set_default_dtype(self.saved[0])
        T.set_num_threads(self.saved[1])
        return False


def _fill_torch(T, model, seed) -> None:
    with T.no_grad():
        for _, p in T.named_parameters(model):
            T.copy_(p, T.from_numpy(fill_by_shape(p.shape, seed, "torch")))


def _torch_layers(T, model) -> list:
    """[kind, details] of each module that holds parameters itself, in registration order."""
    layers = []
    for _, m in T.named_modules(model):
        if not T.parameters_of(m):
            continue
        if _isinstance(m, T.Conv2d):
            layers.append(["Conv2d", {"in": _int(m.in_channels), "out": _int(m.out_channels),
                                      "kernel": [_int(k) for k in m.kernel_size], "stride": [_int(s) for s in m.stride],
                                      "padding": _str(m.padding) if _isinstance(m.padding, _str)
                                      else [_int(p) for p in m.padding]}])
        elif _isinstance(m, T.Linear):
            layers.append(["Linear", {"in": _int(m.in_features), "out": _int(m.out_features)}])
        else:
            layers.append([_qualname(m), {}])
    return layers


def _torch_output(T, out):
    if _isinstance(out, T.Tensor):
        return _numpy(out).astype(_float64), None
    return None, _qualname(out)


@probe("ch08.lenet5_summary")
def lenet5_summary(namespace, batch, seed=0):
    """Instantiate the student's `LeNet5()`: its parameter-holding layers, parameter shapes and
    count; then fill its parameters from their shapes and run it (eval mode, no grad) on `batch`."""
    cls = namespace.get("LeNet5")
    if cls is None:
        return {"missing": "LeNet5"}
    T = _torch()
    if not (_isinstance(cls, _type) and _issubclass(cls, T.Module)):
        return {"is_module_class": False, "type": _qualname(cls)}
    with _Float32():
        try:
            model = cls()
            shapes = [[_int(s) for s in p.shape] for _, p in T.named_parameters(model)]
            layers = _torch_layers(T, model)
            _fill_torch(T, model, seed)
            T.eval(model)
        except _BaseException as exc:  # noqa: BLE001 - the student's code
            return _error(exc)
        answer = {"is_module_class": True, "layers": layers, "shapes": shapes,
                  "n_parameters": _int(_sum(_prod(s) for s in shapes)), "output": None, "output_type": None,
                  "output_error": None}
        try:   # a forward pass that fails is graded by the output tests; the layers can still be checked
            with T.no_grad():
                out = T.call(model, T.tensor(_array(batch, dtype=_float32)))
        except _BaseException as exc:  # noqa: BLE001
            answer["output_error"] = _error(exc)["error"]
            return answer
        answer["output"], answer["output_type"] = _torch_output(T, out)
    return answer


def _small_cnn(T, n_classes: int):
    """A small LeNet-like net built here (trusted): conv 3@3x3, ReLU, max-pool 2, linear."""
    class SmallCNN(T.Module):
        def __init__(self, side):
            T.module_init(self)
            self.conv = T.Conv2d(1, 3, 3)
            self.fc = T.Linear(3 * ((side - 2) // 2) ** 2, n_classes)

        def forward(self, x):
            x = T.max_pool2d(T.relu(T.conv2d(x, self.conv.weight, self.conv.bias)), 2)
            return T.linear(T.flatten(x, 1), self.fc.weight, self.fc.bias)
    return SmallCNN


def _loader(T, x, y, batch_size):
    dataset = T.TensorDataset(T.tensor(_array(x, dtype=_float32)), T.tensor(_array(y, dtype=_int64)))
    return T.DataLoader(dataset, batch_size=_int(batch_size), shuffle=False)


@probe("ch08.train_model")
def train_model(namespace, x, y, batch_size, epochs, lr, n_classes, seed=0):
    """Call the student's `train_model(model, loader, epochs, lr)` on a small CNN built here (its
    parameters filled from their shapes) and a DataLoader over (x, y) in order.  Answers the losses
    as floats and the model's parameters afterwards."""
    fn = namespace.get("train_model")
    if not _callable(fn):
        return {"missing": "train_model"}
    T = _torch()
    with _Float32():
        model = _small_cnn(T, _int(n_classes))(_int(_asarray(x).shape[-1]))
        _fill_torch(T, model, seed)
        loader = _loader(T, x, y, batch_size)
        try:
            with T.set_grad_enabled(True):
                losses = fn(model, loader, _int(epochs), _float(lr))
        except _BaseException as exc:  # noqa: BLE001
            return _error(exc)
        from autograder.worker.probes import _losses_as_floats, _torch as probes_torch
        values, problem = _losses_as_floats(probes_torch(), losses)
        parameters = {_str(name): _numpy(p) for name, p in T.named_parameters(model)}
    return {"returned": _qualname(losses), "losses": values, "losses_problem": problem, "parameters": parameters}


@probe("ch08.evaluate")
def evaluate(namespace, x, y, batch_size, weight, bias):
    """Call the student's `evaluate(model, loader)` on a linear classifier built here (logits =
    flatten(x) @ weight.T + bias), handed over in training mode, and a DataLoader over (x, y) in
    order.  Answers the accuracy (a number, or None and the returned type) and, for each forward
    pass, whether the model was in training mode and whether autograd was recording."""
    fn = namespace.get("evaluate")
    if not _callable(fn):
        return {"missing": "evaluate"}
    T = _torch()
    seen = {"training": [], "grad_enabled": [], "rows": 0}

    class Recorder(T.Module):
        def __init__(self):
            T.module_init(self)
            self.fc = T.Linear(_int(_asarray(weight).shape[1]), _int(_asarray(weight).shape[0]))

        def forward(self, inputs):
            seen["training"].append(_bool(self.training))
            seen["grad_enabled"].append(_bool(T.is_grad_enabled()))
            seen["rows"] += _int(inputs.shape[0])
            return T.linear(T.flatten(inputs, 1), self.fc.weight, self.fc.bias)

    with _Float32():
        model = Recorder()
        with T.no_grad():
            T.copy_(model.fc.weight, T.tensor(_array(weight, dtype=_float32)))
            T.copy_(model.fc.bias, T.tensor(_array(bias, dtype=_float32)))
        T.train(model, True)
        loader = _loader(T, x, y, batch_size)
        try:
            with T.set_grad_enabled(True):
                result = fn(model, loader)
        except _BaseException as exc:  # noqa: BLE001
            return _error(exc)
    accuracy = None
    if _isinstance(result, T.Tensor) and T.numel(result) == 1:
        accuracy = _float(_numpy(result).reshape(()))
    elif _isinstance(result, (_int, _float, _generic)) and not _isinstance(result, _bool):
        accuracy = _float(result)
    return {"accuracy": accuracy, "returned": _qualname(result), "training": seen["training"],
            "grad_enabled": seen["grad_enabled"], "rows": seen["rows"]}


# ------------------------------------------------------------------------------------------------
# Keras
# ------------------------------------------------------------------------------------------------

@_once
def _keras() -> _Bound:
    tf = _framework("tensorflow")
    keras = tf.keras
    layers = keras.layers
    bound = _Bound(
        Model=keras.Model, Sequential=keras.Sequential, Input=keras.Input,
        Conv2D=layers.Conv2D, MaxPooling2D=layers.MaxPooling2D, Flatten=layers.Flatten, Dense=layers.Dense,
        set_random_seed=keras.utils.set_random_seed, count_params=keras.Model.count_params,
        convert=tf.convert_to_tensor, logger=tf.get_logger(),
    )
    frameworks._tf()
    return bound


class _QuietTF:
    """TensorFlow's own log ("... triggered tf.function retracing", written to the stderr of the
    process that imported it) off while a probe builds and trains models: the in-notebook check must
    write nothing to stderr, where nbgrader would score the test cell 0."""

    def __enter__(self):
        logger = _keras().logger
        self.saved = logger.level
        logger.setLevel(40)   # logging.ERROR

    def __exit__(self, *exc):
        _keras().logger.setLevel(self.saved)
        return False


def _value_numpy(value) -> np.ndarray:
    return _asarray(value.numpy() if _getattr(value, "numpy", None) is not None else value)


@probe("ch08.build_cnn_summary")
def build_cnn_summary(namespace, batch, seed=0):
    """Call the student's `build_cnn()`: its weight shapes and parameter count;
    then fill every weight from its shape and run the model (training=False) on `batch`."""
    with _QuietTF():
        return _build_cnn_summary(namespace, batch, seed)


def _build_cnn_summary(namespace, batch, seed):
    fn = namespace.get("build_cnn")
    if not _callable(fn):
        return {"missing": "build_cnn"}
    K = _keras()
    try:
        model = fn()
    except _BaseException as exc:  # noqa: BLE001
        return _error(exc)
    if not _isinstance(model, K.Model):
        return {"is_model": False, "type": _qualname(model)}
    try:
        shapes = [[_int(s) for s in w.shape] for w in model.weights]
        n_parameters = _int(K.count_params(model))
        for w in model.weights:
            w.assign(fill_by_shape(w.shape, seed, "keras"))
        out = model(K.convert(_array(batch, dtype=_float32)), training=False)
        output = _value_numpy(out).astype(_float64)
    except _BaseException as exc:  # noqa: BLE001
        return _error(exc)
    return {"is_model": True, "shapes": shapes, "n_parameters": n_parameters, "output": output}


def _small_keras_cnn(K, side: int, n_classes: int):
    """A small Keras CNN built here (trusted), ending in softmax like build_cnn."""
    return K.Sequential([K.Input(shape=(side, side, 1)), K.Conv2D(3, 3, activation="relu"), K.MaxPooling2D(2),
                         K.Flatten(), K.Dense(n_classes, activation="softmax")])


@probe("ch08.train_cnn_tf")
def train_cnn_tf(namespace, x, y, epochs, batch_size, n_classes, seed=0):
    """Call the student's `train_cnn_tf(model, x, y, epochs, batch_size)` on a small uncompiled CNN
    built here (weights filled from their shapes, Keras seeded with `seed`).  Answers the returned
    type, `history.history` as lists of floats, the optimizer's step count and the weights after."""
    with _QuietTF():
        return _train_cnn_tf(namespace, x, y, epochs, batch_size, n_classes, seed)


def _train_cnn_tf(namespace, x, y, epochs, batch_size, n_classes, seed):
    fn = namespace.get("train_cnn_tf")
    if not _callable(fn):
        return {"missing": "train_cnn_tf"}
    K = _keras()
    x = _array(x, dtype=_float32)
    K.set_random_seed(_int(seed))
    model = _small_keras_cnn(K, _int(x.shape[1]), _int(n_classes))
    for w in model.weights:
        w.assign(fill_by_shape(w.shape, seed, "keras"))
    try:
        result = fn(model, x, _array(y, dtype=_int64), _int(epochs), _int(batch_size))
    except _BaseException as exc:  # noqa: BLE001
        return _error(exc)
    history = None
    logs = _getattr(result, "history", None)
    if _isinstance(logs, _dict):
        history = {}
        for key, values in logs.items():
            try:
                history[_str(key)] = [_float(v) for v in values]
            except (TypeError, ValueError):
                continue
    optimizer = _getattr(model, "optimizer", None)
    iterations = None
    if optimizer is not None and _getattr(optimizer, "iterations", None) is not None:
        iterations = _int(_value_numpy(optimizer.iterations))
    weights = [_value_numpy(w).astype(_float64) for w in model.weights]
    return {"returned": _qualname(result), "history": history, "iterations": iterations, "weights": weights}


# Bind the frameworks the worker preloaded, before any student code can touch them.
if "torch" in sys.modules:
    _torch()
if "tensorflow" in sys.modules:
    _keras()
