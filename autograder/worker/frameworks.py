"""Framework objects as data: encoders for `autograder.worker.protocol.Encoder.extra`.

    from autograder.worker import frameworks
    frameworks.install()          # idempotent; the worker calls it after preloading the frameworks

A `torch.Tensor` (a `Parameter` too) or a `tf.Tensor` / `tf.Variable` crosses the channel as

    {"$tensor": <its values as a NumPy array>, "kind": "torch" | "tf", "dtype": "float32",
     "requires_grad": bool, "device": "cpu"}

which `protocol.decode` turns into a `protocol.Tensor` (values, kind, dtype, requires_grad, device).
`dtype` is the framework's own name without its prefix ("float32", "int64", "bool"); for a
`tf.Variable` `requires_grad` is its `trainable` flag, for a `tf.Tensor` it is False.

Things that have no values to send arrive as `protocol.Opaque` with a telling type name:
  "tf.Tensor (symbolic)"   a graph tensor (built in a `tf.Graph` but never run in a Session)
  "tf.function"            a `tf.function` (its summary names the Python function)
  "tf.ConcreteFunction"    one trace of a `tf.function`

A framework is never imported here: a value is only looked at as a framework object when
`sys.modules` already holds that framework (a value of a framework nobody imported cannot be one of
its objects).  The framework functions used are bound the first time the framework is seen (in the
worker: at `install()`, right after the preload and before any student code), so a submission that
later replaces `torch.Tensor.numpy`, `tf.Tensor.numpy` or `torch.Tensor.detach` cannot change what
is sent.  This module imports nothing but the standard library and NumPy: it runs in the worker.
"""
from __future__ import annotations

import sys

import numpy as np

_ndarray = np.ndarray
_asarray = np.asarray
_float32 = np.float32
_isinstance = isinstance
_type = type
_str = str
_bool = bool

_CAPTURED: dict = {}


class _Bound:
    """A framework's functions, bound once."""

    def __init__(self, **items):
        self.__dict__.update(items)


def _torch() -> _Bound | None:
    bound = _CAPTURED.get("torch")
    if bound is None:
        torch = sys.modules.get("torch")
        if torch is None or not hasattr(torch, "Tensor") or not hasattr(torch, "_C"):
            return None
        base = torch._C.TensorBase if hasattr(torch._C, "TensorBase") else torch.Tensor

        def getter(name):
            for klass in base.__mro__:
                descriptor = klass.__dict__.get(name)
                if descriptor is not None and hasattr(descriptor, "__get__"):
                    return lambda t, d=descriptor: d.__get__(t, base)
            return lambda t: getattr(t, name)

        bound = _Bound(
            Tensor=torch.Tensor,
            detach=torch.Tensor.detach,
            cpu=torch.Tensor.cpu,
            numpy=torch.Tensor.numpy,
            to=torch.Tensor.to,
            to_dense=torch.Tensor.to_dense,
            resolve_conj=torch.Tensor.resolve_conj,
            resolve_neg=torch.Tensor.resolve_neg,
            float32=torch.float32,
            numpy_dtypes={torch.float16, torch.float32, torch.float64, torch.int8, torch.int16,
                          torch.int32, torch.int64, torch.uint8, torch.bool, torch.complex64,
                          torch.complex128},
            strided=torch.strided,
            no_torch_function=getattr(torch._C, "DisableTorchFunctionSubclass", None)
            or getattr(torch._C, "DisableTorchFunction"),
            no_grad=torch.no_grad,
            requires_grad=getter("requires_grad"),
            dtype=getter("dtype"),
            device=getter("device"),
            layout=getter("layout"),
            is_meta=getter("is_meta"),
            Module=torch.nn.Module if hasattr(torch, "nn") else None,
        )
        _CAPTURED["torch"] = bound
    return bound


def _tf() -> _Bound | None:
    bound = _CAPTURED.get("tf")
    if bound is None:
        tf = sys.modules.get("tensorflow")
        if tf is None or not hasattr(tf, "Tensor") or not hasattr(tf, "Variable"):
            return None
        try:
            from tensorflow.python.framework.ops import EagerTensor  # already loaded with tensorflow
        except ImportError:  # pragma: no cover - layout of another TF version
            EagerTensor = None
        try:
            from tensorflow.python.types.core import PolymorphicFunction, ConcreteFunction
        except ImportError:  # pragma: no cover
            PolymorphicFunction = getattr(getattr(tf, "types", None), "experimental", None)
            PolymorphicFunction = getattr(PolymorphicFunction, "PolymorphicFunction", None)
            ConcreteFunction = None
        bound = _Bound(
            Tensor=tf.Tensor,
            Variable=tf.Variable,
            EagerTensor=EagerTensor,
            eager_numpy=EagerTensor.numpy if EagerTensor is not None else None,
            convert=tf.convert_to_tensor,
            PolymorphicFunction=PolymorphicFunction,
            ConcreteFunction=ConcreteFunction,
        )
        _CAPTURED["tf"] = bound
    return bound


def _plain_array(array) -> np.ndarray:
    """A fresh plain ndarray of a dtype the channel carries (bfloat16 and friends become float32)."""
    array = _asarray(array)
    if array.dtype.kind not in "biufc":
        array = array.astype(_float32)
    return array


def _opaque(type_name: str, summary: str) -> dict:
    return {"$opaque": type_name, "summary": summary[:200]}


def encode_torch(encoder, value):
    """A torch.Tensor (or Parameter) -> tagged values; None for anything else."""
    t = _torch()
    if t is None or not _isinstance(value, t.Tensor):
        return None
    try:
        with t.no_torch_function():
            dtype = t.dtype(value)
            requires_grad = _bool(t.requires_grad(value))
            device = _str(t.device(value))
            if t.is_meta(value):
                return _opaque("torch.Tensor", "a tensor on the meta device has no values")
            data = t.detach(value)
            if t.layout(data) != t.strided:
                data = t.to_dense(data)
            data = t.cpu(data)
            data = t.resolve_neg(t.resolve_conj(data))
            if dtype not in t.numpy_dtypes:
                data = t.to(data, t.float32)
            with t.no_grad():
                array = _plain_array(t.numpy(data))
    except Exception as exc:  # noqa: BLE001 - quantized, nested, ... tensors: say what it was
        return _opaque("torch.Tensor", f"a tensor whose values cannot be read ({_type(exc).__name__})")
    return {"$tensor": encoder.encode(array), "kind": "torch", "dtype": _str(dtype).replace("torch.", ""),
            "requires_grad": requires_grad, "device": device}


def encode_tf(encoder, value):
    """A tf.Tensor / tf.Variable -> tagged values; a tf.function -> a named Opaque; None otherwise."""
    t = _tf()
    if t is None:
        return None
    if t.PolymorphicFunction is not None and _isinstance(value, t.PolymorphicFunction):
        name = getattr(getattr(value, "python_function", None), "__name__", "?")
        return _opaque("tf.function", f"tf.function wrapping the Python function {name}")
    if t.ConcreteFunction is not None and _isinstance(value, t.ConcreteFunction):
        return _opaque("tf.ConcreteFunction", "one traced graph of a tf.function")
    is_variable = _isinstance(value, t.Variable)
    if not is_variable and not _isinstance(value, t.Tensor):
        return None
    try:
        if is_variable:
            requires_grad = _bool(value.trainable)
            tensor = t.convert(value)          # reads the variable's current value
        else:
            requires_grad = False
            tensor = value
        if t.EagerTensor is None or not _isinstance(tensor, t.EagerTensor):
            name = getattr(value, "name", "?")
            shape = getattr(value, "shape", "?")
            dtype = getattr(getattr(value, "dtype", None), "name", "?")
            return _opaque("tf.Tensor (symbolic)",
                           f"graph tensor {name} shape={shape} dtype={dtype}: it was built but never run")
        dtype = tensor.dtype.name
        device = _str(tensor.device)
        array = _plain_array(t.eager_numpy(tensor))
    except Exception as exc:  # noqa: BLE001
        return _opaque("tf.Tensor", f"a tensor whose values cannot be read ({_type(exc).__name__})")
    return {"$tensor": encoder.encode(array), "kind": "tf", "dtype": dtype, "requires_grad": requires_grad,
            "device": device}


ENCODERS = (encode_torch, encode_tf)


def install() -> None:
    """Append the framework encoders to `protocol.Encoder.extra` (once) and bind the frameworks that
    are already imported."""
    from autograder.worker.protocol import Encoder
    for encoder in ENCODERS:
        if encoder not in Encoder.extra:
            Encoder.extra.append(encoder)
    _torch()
    _tf()
