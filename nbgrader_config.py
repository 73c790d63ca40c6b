"""nbgrader configuration of the course (the repository root is the course directory).

The gradebook is nbgrader's embedded default, SQLite in `gradebook.db` next to this file.
`c.Autograder.limits` changes the worker's limits per assignment (see autograder/assignments.py for the
defaults), e.g. `{"ch06": {"memory_mb": 2048, "call_timeout": 30}}`.
"""
c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = "dl-intro"
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ExecutePreprocessor.timeout = 300
c.Autograder.limits = {}
