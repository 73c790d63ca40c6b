"""Grader-side use of probes (`autograder.worker.probes`): models and framework objects are graded by
what they do, next to the student's code, and only plain data comes back.

A probe answers a dict: its findings, or {"missing": name} / {"error": exception info}, which
`probe_answer` turns into the usual student-facing failure.  `probe_variants` runs the same probe on
each catalogued mistake, in the grader process, so a student's answer can be matched to a mistake.
"""
from __future__ import annotations

import copy
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from autograder.catalogue import LazyOutputs
from autograder.inprocess import roundtrip
from autograder.results import StudentError, student_error


def probe_answer(student, name: str, function: str, *args, **kwargs) -> dict:
    """The student's answer to probe `name` about `function`; a missing function or an exception
    in the student's code fails the test with the usual message."""
    answer = student.probe(name, *args, **kwargs)
    if not isinstance(answer, dict):
        raise RuntimeError(f"probe {name} answered {type(answer).__name__}")
    if "missing" in answer:
        raise StudentError("missing_function", "missing_function", function=function)
    if "error" in answer:
        raise student_error(function, answer["error"])
    return answer


T = TypeVar("T")


def probe_answer_beside(reference: Callable[[], T], student, name: str, function: str, *args,
                        **kwargs) -> tuple[dict, T]:
    """(`probe_answer(student, name, function, ...)`, `reference()`), the reference computed in this
    process while the worker answers, each on its own core: a training probe costs the longer of the
    two runs, not their sum.  With a student that runs in this very process (the in-notebook check,
    the self-tests) the two run one after the other, since frameworks keep global state (seeds,
    default dtypes), and so do they for any student object that does not say otherwise
    (`runs_here = False`).  The student's failure is raised only once the reference has finished,
    so no reference run outlives its test."""
    if getattr(type(student), "runs_here", True):
        answer = probe_answer(student, name, function, *args, **kwargs)
        return answer, reference()
    with ThreadPoolExecutor(1, thread_name_prefix="reference") as pool:
        ahead = pool.submit(reference)
        answer = probe_answer(student, name, function, *args, **kwargs)
        return answer, ahead.result()


def probe_variants(catalogue, reference, function: str, name: str, *args, **kwargs) -> LazyOutputs:
    """{mistake id: probe answer} of each catalogued variant of `function`, each run beside the
    `reference` module's other functions; computed only when a failing comparison looks at it."""
    from autograder.worker.probes import PROBES
    args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)

    def compute() -> dict:
        out = {}
        for variant in catalogue.variants_of(function):
            namespace = dict(vars(reference))
            namespace[function] = variant.fn
            try:
                answer = roundtrip(PROBES[name](namespace, *copy.deepcopy(args), **copy.deepcopy(kwargs)))
            except Exception:  # a variant that cannot run on these inputs cannot be this student's
                continue
            if isinstance(answer, dict) and "error" not in answer and "missing" not in answer:
                out[variant.id] = answer
        return out
    return LazyOutputs(compute)
