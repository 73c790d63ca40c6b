"""Autograder for the course 《深度学习入门：基于PyTorch和TensorFlow的理论与实战》.

The engine is a pipeline of small steps, one module each:

    notebook (read) -> extract -> worker/runner (run) -> compare (+ gradcheck, catalogue) -> report

`grading` ties the steps together; `cli` is the command line; `check` is the in-notebook check;
`course` is the nbgrader bridge (gradebook, feedback).  Hidden graders live in `autograder.graders`,
mistake catalogues in `autograder.mistakes`, reference solutions outside the package in `solutions/`.
"""

__version__ = "0.1.0"
