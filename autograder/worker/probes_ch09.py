"""Chapter 9's trusted probes: the PyTorch LSTM classifier (9.8) and the Keras one (9.9), graded by
what they do next to the student's code; only plain data comes back (see `autograder.worker.probes`).

  lstmnet            instantiate `LSTMNet()`, describe its LSTM and Linear layers and parameter count,
                     load the given weights into them (by layer, whatever the attribute names) and
                     answer its output on a batch of images (batch, 28, 28)
  train_model        run `train_model(model, loader, epochs, lr)` on a small trusted model with the
                     given weights and a DataLoader over the given data (no shuffling); answer the
                     losses and the trained parameters
  evaluate           run `evaluate(model, loader)` on a small trusted model holding BatchNorm (so that
                     a forgotten model.eval() shows), left in training mode; answer the accuracy
  build_lstm         call `build_lstm()`, describe its layers, load the given weights and answer its
                     output on a batch
  train_lstm_tf      run `train_lstm_tf(model, x, y, epochs, batch_size)` on a small trusted Keras model
                     with the given weights after `keras.utils.set_random_seed(seed)` (fit's shuffling is
                     then reproducible); answer the History's losses and the trained weights

The trusted models are built by `torch_classifier` / `evaluate_model` / `keras_classifier`, which the
graders also use to run the reference on an identical model.  Like `probes`, this module imports only
the standard library, NumPy and worker modules, and binds every framework function it uses the first
time it sees the framework (at import in the worker, before any student code runs).
"""
from __future__ import annotations

import importlib
import sys

import numpy as np

from autograder.worker import frameworks
from autograder.worker.probes import (  # bound before any student code runs
    _array, _asarray, _BaseException, _bool, _Bound, _error, _float, _float32, _float32_default, _framework,
    _getattr, _int, _int64, _isinstance, _issubclass, _len, _lookup, _losses_as_floats, _once, probe, _qualname, _str,
    _to_numpy, _type, _zip)

# ------------------------------------------------------------------------------------------------
# PyTorch
# ------------------------------------------------------------------------------------------------

@_once
def _t() -> _Bound:
    torch = _framework("torch")
    nn = torch.nn
    data = importlib.import_module("torch.utils.data")
    bound = _Bound(
        tensor=torch.tensor, manual_seed=torch.manual_seed, no_grad=torch.no_grad,
        float32=torch.float32, int64=torch.int64, Tensor=torch.Tensor, copy_=torch.Tensor.copy_,
        Module=nn.Module, LSTM=nn.LSTM, Linear=nn.Linear, Sequential=nn.Sequential, Flatten=nn.Flatten,
        Tanh=nn.Tanh, ReLU=nn.ReLU, BatchNorm1d=nn.BatchNorm1d,
        call=nn.Module.__call__, train=nn.Module.train, parameters=nn.Module.parameters,
        named_parameters=nn.Module.named_parameters, named_buffers=nn.Module.named_buffers,
        named_modules=nn.Module.named_modules,
        TensorDataset=data.TensorDataset, DataLoader=data.DataLoader,
    )
    frameworks._torch()
    return bound


def _load(T, module, arrays) -> None:
    """Copy `arrays` into the module's parameters, in their registration order."""
    with T.no_grad():
        for (_, p), a in _zip(T.named_parameters(module), arrays):
            T.copy_(p, T.tensor(_array(a, dtype=_float32)))


def torch_classifier(T, n_hidden: int, n_classes: int):
    """The trusted model on which `train_model` is run, on (batch, 28, 28) images as the notebook's
    loaders give them: flatten, linear, tanh, linear."""
    return T.Sequential(T.Flatten(), T.Linear(784, n_hidden), T.Tanh(), T.Linear(n_hidden, n_classes))


def evaluate_model(T, n_hidden: int, n_classes: int):
    """The trusted model on which `evaluate` is run: BatchNorm gives other outputs in training mode."""
    return T.Sequential(T.Flatten(), T.Linear(784, n_hidden), T.BatchNorm1d(n_hidden), T.ReLU(),
                        T.Linear(n_hidden, n_classes))


def load_evaluate_model(T, model, weights) -> None:
    """`weights`: W1, b1, gamma, beta, running_mean, running_var, W2, b2."""
    _load(T, model, [weights[k] for k in ("W1", "b1", "gamma", "beta", "W2", "b2")])
    buffers = {_str(name): b for name, b in T.named_buffers(model)}
    with T.no_grad():
        T.copy_(buffers["2.running_mean"], T.tensor(_array(weights["running_mean"], dtype=_float32)))
        T.copy_(buffers["2.running_var"], T.tensor(_array(weights["running_var"], dtype=_float32)))


def _loader(T, x, y, batch_size: int):
    dataset = T.TensorDataset(T.tensor(_array(x, dtype=_float32)), T.tensor(_array(y, dtype=_int64)))
    return T.DataLoader(dataset, batch_size=_int(batch_size), shuffle=False)


def _lstm_layers(T, module) -> list:
    """[(input_size, hidden_size, batch_first, bidirectional, proj_size, bias)] per layer of an nn.LSTM."""
    info = [_int(_getattr(module, "input_size", -1)), _int(_getattr(module, "hidden_size", -1)),
            _bool(_getattr(module, "batch_first", False)), _bool(_getattr(module, "bidirectional", False)),
            _int(_getattr(module, "proj_size", 0)), _bool(_getattr(module, "bias", True))]
    layers = []
    for k in range(_int(_getattr(module, "num_layers", 1))):
        layers.append([info[0] if k == 0 else info[1]] + info[1:])
    return layers


def _lstm_parameters(T, module) -> list:
    """Per layer, (weight_ih, weight_hh, bias_ih, bias_hh) of an nn.LSTM, by PyTorch's own names."""
    params = {_str(name): p for name, p in T.named_parameters(module)}
    return [[params.get(f"{kind}_l{k}") for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
            for k in range(_int(_getattr(module, "num_layers", 1)))]


@probe("ch09.lstmnet")
@_float32_default
def lstmnet(namespace, batch, weights, seed=0):
    """`LSTMNet()` after `torch.manual_seed(seed)`: its layers and parameter count, and its output on
    `batch` (in eval mode, under no_grad) once `weights` = {"lstm": [[W_ih, W_hh, b_ih, b_hh] per layer],
    "linear": [W, b]} are loaded into its LSTM layers (in module order) and its one Linear layer."""
    cls = namespace.get("LSTMNet")
    if cls is None:
        return {"missing": "LSTMNet"}
    T = _t()
    if not (_isinstance(cls, _type) and _issubclass(cls, T.Module)):
        return {"is_module_class": False, "type": _qualname(cls)}
    T.manual_seed(_int(seed))
    try:
        model = cls()
        modules = [m for _, m in T.named_modules(model)]
        lstms = [m for m in modules if _isinstance(m, T.LSTM)]
        linears = [m for m in modules if _isinstance(m, T.Linear)]
        layers = [layer for m in lstms for layer in _lstm_layers(T, m)]
        answer = {"is_module_class": True, "lstm_layers": layers,
                  "linear": [[_int(m.in_features), _int(m.out_features), m.bias is not None] for m in linears],
                  "modules": [_qualname(m) for m in modules[1:]],
                  "n_parameters": _int(sum(_int(p.numel()) for p in T.parameters(model))),
                  "loaded": False, "output": None}
        slots = [slot for m in lstms for slot in _lstm_parameters(T, m)]
        wanted = weights["lstm"]
        fits = (_len(slots) == _len(wanted) and _len(linears) == 1 and all(
            p is not None and tuple(p.shape) == _asarray(a).shape for slot, w in _zip(slots, wanted)
            for p, a in _zip(slot, w)) and tuple(linears[0].weight.shape) == _asarray(weights["linear"][0]).shape
            and linears[0].bias is not None)
        if not fits:
            return answer
        with T.no_grad():
            for slot, w in _zip(slots, wanted):
                for p, a in _zip(slot, w):
                    T.copy_(p, T.tensor(_array(a, dtype=_float32)))
            T.copy_(linears[0].weight, T.tensor(_array(weights["linear"][0], dtype=_float32)))
            T.copy_(linears[0].bias, T.tensor(_array(weights["linear"][1], dtype=_float32)))
        T.train(model, False)
        with T.no_grad():
            output = T.call(model, T.tensor(_array(batch, dtype=_float32)))
        answer.update(loaded=True, output=_to_numpy(output) if _isinstance(output, T.Tensor) else None,
                      output_type=_qualname(output))
    except _BaseException as exc:  # noqa: BLE001 - the student's code
        return _error(exc)
    return answer


@probe("ch09.train_model")
@_float32_default
def train_model(namespace, sizes, weights, x, y, batch_size, epochs, lr):
    """`train_model(model, loader, epochs, lr)` on `torch_classifier(*sizes)` holding `weights` (in
    parameter order) and a DataLoader over (x, y) without shuffling.  Answers the returned losses as
    floats (or what is wrong with them) and the parameters after training."""
    fn = _lookup(namespace, "train_model")
    if fn is None:
        return {"missing": "train_model"}
    T = _t()
    model = torch_classifier(T, *[_int(s) for s in sizes])
    _load(T, model, weights)
    loader = _loader(T, x, y, batch_size)
    try:
        result = fn(model, loader, _int(epochs), _float(lr))
        losses, problem = _losses_as_floats(T, result)
    except _BaseException as exc:  # noqa: BLE001
        return _error(exc)
    return {"returned": _qualname(result), "losses": losses, "losses_problem": problem,
            "parameters": [_to_numpy(p) for p in T.parameters(model)]}


@probe("ch09.evaluate")
@_float32_default
def evaluate(namespace, sizes, weights, x, y, batch_size):
    """`evaluate(model, loader)` on `evaluate_model(*sizes)` holding `weights`, left in training mode,
    and a DataLoader over (x, y).  Answers the result as a float (a number or a one-element tensor)."""
    fn = _lookup(namespace, "evaluate")
    if fn is None:
        return {"missing": "evaluate"}
    T = _t()
    model = evaluate_model(T, *[_int(s) for s in sizes])
    load_evaluate_model(T, model, weights)
    T.train(model, True)
    loader = _loader(T, x, y, batch_size)
    try:
        result = fn(model, loader)
    except _BaseException as exc:  # noqa: BLE001
        return _error(exc)
    value = None
    if _isinstance(result, T.Tensor):
        array = _to_numpy(result)
        value = _float(array.reshape(-1)[0]) if array.size == 1 else None
    elif _isinstance(result, (_float, _int, np.floating, np.integer)) and not _isinstance(result, _bool):
        value = _float(result)
    return {"returned": _qualname(result), "accuracy": value}


# ------------------------------------------------------------------------------------------------
# TensorFlow / Keras
# ------------------------------------------------------------------------------------------------

@_once
def _k() -> _Bound:
    tf = _framework("tensorflow")
    keras = tf.keras
    bound = _Bound(
        Model=keras.Model, Sequential=keras.Sequential, Input=keras.Input, LSTM=keras.layers.LSTM,
        Dense=keras.layers.Dense, Flatten=keras.layers.Flatten, History=keras.callbacks.History, set_random_seed=keras.utils.set_random_seed,
        get_weights=keras.Model.get_weights, count_params=keras.Model.count_params,
        convert=tf.convert_to_tensor, Tensor=tf.Tensor,
    )
    frameworks._tf()
    return bound


def _tf_numpy(value):
    t = frameworks._tf()
    tensor = t.convert(value)
    return _array(t.eager_numpy(tensor), copy=True)


def keras_classifier(K, n_hidden: int, n_classes: int):
    """The trusted Keras model on which `train_lstm_tf` is run, on (28, 28) inputs: flatten, dense tanh,
    dense softmax (any model will do for compile and fit; one without a recurrent layer traces fast)."""
    return K.Sequential([K.Input(shape=(28, 28)), K.Flatten(), K.Dense(n_hidden, activation="tanh"),
                         K.Dense(n_classes, activation="softmax")])


def _activation(layer) -> str:
    fn = _getattr(layer, "activation", None)
    return _str(_getattr(fn, "__name__", fn))


@probe("ch09.build_lstm")
def build_lstm(namespace, batch, weights):
    """`build_lstm()`: its layers (type, units, activation, return_sequences, parameters), parameter
    count, and its output on `batch` once `weights` = {"lstm": [kernel, recurrent_kernel, bias],
    "dense": [kernel, bias]} are loaded into its one LSTM and one Dense layer."""
    fn = _lookup(namespace, "build_lstm")
    if fn is None:
        return {"missing": "build_lstm"}
    K = _k()
    try:
        model = fn()
        if not _isinstance(model, K.Model):
            return {"is_model": False, "type": _qualname(model)}
        layers = []
        for layer in model.layers:
            layers.append({"type": _type(layer).__name__, "units": _getattr(layer, "units", None),
                           "activation": _activation(layer) if _getattr(layer, "activation", None) else None,
                           "return_sequences": _getattr(layer, "return_sequences", None),
                           "n_parameters": _int(layer.count_params())})
        answer = {"is_model": True, "layers": layers, "n_parameters": _int(K.count_params(model)),
                  "loaded": False, "output": None}
        lstms = [layer for layer in model.layers if _isinstance(layer, K.LSTM)]
        denses = [layer for layer in model.layers if _isinstance(layer, K.Dense)]
        if _len(lstms) != 1 or _len(denses) != 1:
            return answer
        shapes = [tuple(w.shape) for w in lstms[0].get_weights()], [tuple(w.shape) for w in denses[0].get_weights()]
        if shapes != ([_asarray(w).shape for w in weights["lstm"]], [_asarray(w).shape for w in weights["dense"]]):
            return answer
        lstms[0].set_weights([_array(w, dtype=_float32) for w in weights["lstm"]])
        denses[0].set_weights([_array(w, dtype=_float32) for w in weights["dense"]])
        output = model(_array(batch, dtype=_float32), training=False)
        answer.update(loaded=True, output=_tf_numpy(output))
    except _BaseException as exc:  # noqa: BLE001
        return _error(exc)
    return answer


@probe("ch09.train_lstm_tf")
def train_lstm_tf(namespace, sizes, weights, x, y, epochs, batch_size, seed):
    """`train_lstm_tf(model, x, y, epochs, batch_size)` on `keras_classifier(*sizes)` holding `weights`,
    after `keras.utils.set_random_seed(seed)`.  Answers whether it returned a History, its losses and
    the model's weights after training."""
    fn = _lookup(namespace, "train_lstm_tf")
    if fn is None:
        return {"missing": "train_lstm_tf"}
    K = _k()
    model = keras_classifier(K, *[_int(s) for s in sizes])
    model.set_weights([_array(w, dtype=_float32) for w in weights])
    K.set_random_seed(_int(seed))
    try:
        result = fn(model, _array(x, dtype=_float32), _array(y, dtype=_int64), _int(epochs), _int(batch_size))
    except _BaseException as exc:  # noqa: BLE001
        return _error(exc)
    answer = {"returned": _qualname(result), "is_history": _isinstance(result, K.History), "losses": None,
              "weights": [_array(w, copy=True) for w in K.get_weights(model)]}
    if answer["is_history"]:
        history = _getattr(result, "history", None)
        losses = history.get("loss") if _isinstance(history, dict) else None
        try:
            answer["losses"] = [_float(v) for v in losses] if losses is not None else None
        except (TypeError, ValueError):
            answer["losses"] = None
    return answer


# Bind the frameworks the worker preloaded, before any student code can touch them.
if "torch" in sys.modules:
    _t()
if "tensorflow" in sys.modules:
    _k()
