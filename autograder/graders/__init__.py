"""Hidden pytest-style graders, one module per chapter (see `autograder.grading`)."""
