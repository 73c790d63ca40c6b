"""`python -m autograder.worker FD_IN FD_OUT`: the worker process (see `autograder.worker.serve`)."""
import sys

from autograder.worker.serve import main

main(sys.argv)
