"""Mistake catalogues, one module per chapter (see `autograder.catalogue`)."""
