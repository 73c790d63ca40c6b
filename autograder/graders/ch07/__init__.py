"""Chapter 7 graders: regularisation (7.1), optimisers (7.2), initialisation and tuning (7.3),
evaluation (7.4), one module per topic, collected in the order of `TOPICS`.

Deterministic functions are compared with the reference (`expect_close`, the catalogue naming the
mistake).  Functions that draw random numbers are graded by properties of their draws, with
tolerances that a correct implementation misses with negligible probability; a failing property is
named by comparing the student's draws with the catalogued variants' draws on the same property.

Nesterov's `grad_fn` crosses to the student's code as data (`protocol.Function("quadratic_grad", spec)`,
built there by `autograder.worker.callables`), and batch norm's in-place update of `bn_param` comes back
through `student.call_keeping_args`.
"""
from autograder.mistakes.ch07 import catalogue  # noqa: F401  (the chapter's catalogue)
from solutions import ch07 as ref  # noqa: F401  (the reference the composites are graded around)

TOPICS = ("regularisation", "optimisers", "tuning", "evaluation")
