"""Chapter 1 probes: a Matplotlib figure and a class are graded by what they are and do.

    PROBES["plot_sin_cos"](namespace, x)       -> the returned figure, read back as data
    PROBES["greeter"](namespace, names, loud)  -> what Greeter(name).greet(...) returns

A `Figure` cannot cross the channel, so `plot_sin_cos` is called here, next to the student's code,
and the figure is read back: each axes' labels, title and lines (x and y data, label) and each
legend's entries with the line each entry stands for.  The entries are recorded as the legends are
built (`Legend.__init__` is wrapped for the duration of the call), so a label given to `plot`, to
`ax.legend([...])` or to `fig.legend(...)` all count.  During the call `pyplot.show` does nothing
(the check cell must not display plots), a fresh current figure is opened first (code that draws
with `plt.plot` starts on an empty figure), and every figure the call opened is closed afterwards.

`greeter` builds every `Greeter(name)` first and only then greets with each, so an instance that
does not keep its own name is caught; what the methods print is captured (a greeting printed
instead of returned is named as such).

Like `autograder.worker.probes`, this module runs in the worker before the student's code: it uses
only the standard library, NumPy, Matplotlib (taken from `sys.modules` once the worker has
preloaded it, and bound before the student's code runs) and the worker-side engine modules.
"""
from __future__ import annotations

import contextlib
import io
import sys

from autograder.worker.probes import (  # bound before any student code runs
    _array, _asarray, _BaseException, _Bound, _error, _float64, _framework, _getattr, _isinstance, _len,
    _list, _lookup, _once, _qualname, _str, _type, _zip, probe)

_id = id
_enumerate = enumerate
_StringIO = io.StringIO
_redirect_stdout = contextlib.redirect_stdout

MAX_PRINTED = 2000   # characters of captured output kept in an answer


@_once
def _mpl() -> _Bound:
    """Matplotlib's classes and the methods the probe reads figures with, bound once."""
    figure, axes = _framework("matplotlib.figure"), _framework("matplotlib.axes")
    legend, lines, colors = _framework("matplotlib.legend"), _framework("matplotlib.lines"), _framework("matplotlib.colors")
    pyplot = _framework("matplotlib.pyplot")
    Figure, Axes, Legend, Line2D = figure.Figure, axes.Axes, legend.Legend, lines.Line2D
    bound = _Bound(
        Figure=Figure, Axes=Axes, Legend=Legend, Line2D=Line2D,
        legend_init=Legend.__init__,
        get_axes=Figure.get_axes,
        get_lines=Axes.get_lines, get_legend=Axes.get_legend,
        get_xlabel=Axes.get_xlabel, get_ylabel=Axes.get_ylabel, get_title=Axes.get_title,
        get_xdata=Line2D.get_xdata, get_ydata=Line2D.get_ydata, get_label=Line2D.get_label,
        get_color=Line2D.get_color, get_linestyle=Line2D.get_linestyle,
        get_linewidth=Line2D.get_linewidth, get_marker=Line2D.get_marker,
        to_rgba=colors.to_rgba,
        pyplot=pyplot, figure=pyplot.figure, close=pyplot.close, get_fignums=pyplot.get_fignums,
    )
    return bound


if "matplotlib" in sys.modules:  # the worker preloads Matplotlib: bind it before the student's code runs
    _mpl()


# ------------------------------------------------------------------------------------------------
# plot_sin_cos (1.2.5)
# ------------------------------------------------------------------------------------------------

def _numbers(values):
    """A line's data as a flat float64 array, or None when it is not numbers (dates, strings)."""
    try:
        return _array(_asarray(values, dtype=_float64).reshape(-1), copy=True)
    except (TypeError, ValueError):
        return None


def _text(value) -> str:
    return value if _type(value) is _str else _str(value)


def _style(M, line):
    """What a legend's proxy line copies from the line it stands for."""
    try:
        return (M.to_rgba(M.get_color(line)), _str(M.get_linestyle(line)), float(M.get_linewidth(line)),
                _str(M.get_marker(line)))
    except Exception:  # noqa: BLE001 - an odd colour: this entry is not matched by style
        return None


def _legend_entries(M, legend, recorded, positions, scope) -> list:
    """[{"text": shown text, "line": [axes index, line index] or None}] of one legend.  Entries come
    from the recording of the legend's construction; a legend built before the call (not recorded)
    is matched to the lines of its `scope` by style, where exactly one line has the entry's style."""
    texts = [_text(t.get_text()) for t in legend.texts]
    for built, handles, labels in recorded:
        if built is legend:
            pairs = _list(_zip(handles, labels))
            if _len(pairs) == _len(texts):
                return [{"text": text, "line": positions.get(_id(handle))} for text, (handle, _) in _zip(texts, pairs)]
            break
    entries = []
    for i, text in _enumerate(texts):
        proxy = legend.legend_handles[i] if i < _len(legend.legend_handles) else None
        style = _style(M, proxy) if _isinstance(proxy, M.Line2D) else None
        same = [line for line in scope if style is not None and _style(M, line) == style]
        entries.append({"text": text, "line": positions.get(_id(same[0])) if _len(same) == 1 else None})
    return entries


def describe_figure(M, fig, recorded=()) -> dict:
    """The figure as data: axes (labels, title, lines) and legends (entries and their lines)."""
    axes, positions, every_line = [], {}, []
    for a, ax in _enumerate(M.get_axes(fig)):
        lines = []
        for i, line in _enumerate(M.get_lines(ax)):
            positions[_id(line)] = [a, i]
            every_line.append(line)
            lines.append({"x": _numbers(M.get_xdata(line)), "y": _numbers(M.get_ydata(line)),
                          "label": _text(M.get_label(line))})
        titles = [_text(M.get_title(ax, loc)) for loc in ("center", "left", "right")]
        axes.append({"xlabel": _text(M.get_xlabel(ax)), "ylabel": _text(M.get_ylabel(ax)),
                     "title": next((t for t in titles if t), ""), "lines": lines})
    legends = []
    for ax in M.get_axes(fig):
        legend = M.get_legend(ax)
        if legend is not None:
            legends.append(_legend_entries(M, legend, recorded, positions, _list(M.get_lines(ax))))
    for legend in _list(_getattr(fig, "legends", [])):
        legends.append(_legend_entries(M, legend, recorded, positions, every_line))
    suptitle = _getattr(fig, "_suptitle", None)
    return {"is_figure": True, "type": _qualname(fig), "axes": axes, "legends": legends,
            "suptitle": _text(suptitle.get_text()) if suptitle is not None else ""}


@probe("plot_sin_cos")
def plot_sin_cos(namespace, x):
    """Call the student's `plot_sin_cos(x)` and read back the figure it returns (see the module
    docstring); answers {"is_figure": False, "type": ...} for anything that is not a Figure."""
    fn = _lookup(namespace, "plot_sin_cos")
    if fn is None:
        return {"missing": "plot_sin_cos"}
    M = _mpl()
    recorded = []

    def recording_init(self, parent, handles, labels, *args, **kwargs):
        handles, labels = _list(handles), _list(labels)
        recorded.append((self, handles, labels))
        return M.legend_init(self, parent, handles, labels, *args, **kwargs)

    before = set(M.get_fignums())
    saved_show = M.pyplot.__dict__.get("show")
    result = None
    try:
        M.Legend.__init__ = recording_init
        M.pyplot.show = lambda *args, **kwargs: None
        M.figure()  # a fresh current figure
        try:
            result = fn(_array(x, copy=True))
        except _BaseException as exc:  # noqa: BLE001 - the student's code
            return _error(exc)
        finally:
            M.Legend.__init__ = M.legend_init
            M.pyplot.show = saved_show
        if not _isinstance(result, M.Figure):
            return {"is_figure": False, "type": _qualname(result)}
        return describe_figure(M, result, recorded)
    finally:
        for number in set(M.get_fignums()) - before:
            M.close(number)
        if _isinstance(result, M.Figure):
            M.close(result)


# ------------------------------------------------------------------------------------------------
# Greeter (1.2.3)
# ------------------------------------------------------------------------------------------------

@probe("greeter")
def greeter(namespace, names, loud=None):
    """Build `Greeter(name)` for every name, then call `greet()` on each (`greet(loud=loud)` when
    `loud` is given).  Answers the greetings and what the calls printed."""
    cls = namespace.get("Greeter")
    if cls is None:
        return {"missing": "Greeter"}
    if not _isinstance(cls, _type):
        return {"is_class": False, "type": _qualname(cls)}
    printed = _StringIO()
    try:
        with _redirect_stdout(printed):
            instances = [cls(_str(name)) for name in names]
            if loud is None:
                greetings = [g.greet() for g in instances]
            else:
                greetings = [g.greet(loud=bool(loud)) for g in instances]
    except _BaseException as exc:  # noqa: BLE001 - the student's code
        return _error(exc)
    return {"is_class": True, "greetings": greetings, "printed": printed.getvalue()[-MAX_PRINTED:]}
