# make demo   set up .venv and grade a small example class (course directory in demo/course)
# make test   set up .venv and run the whole test suite
VENV   := .venv
PY     := $(VENV)/bin/python
export PATH := $(abspath $(VENV)/bin):$(PATH)
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: venv test demo release notebooks student bench clean

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

venv: $(VENV)/.installed

test: venv
	$(PY) -m pytest -q -p no:cacheprovider

demo: venv
	$(PY) -m tools.demo

notebooks: venv          ## rebuild source/ from solutions/ and tools/notebooks/
	$(PY) -m tools.nbbuild --all

release: venv            ## regenerate release/ with nbgrader generate_assignment, and the student package
	$(PY) -m tools.release
	$(PY) -m tools.student

student: venv            ## dist/autograder_student-*.whl: the in-notebook checks, no answers (for the students' image)
	$(PY) -m tools.student

bench: venv              ## grading time beside nbgrader autograde, and the in-notebook check's time
	$(PY) bench/bench_grade.py
	$(PY) bench/bench_check.py

clean:
	rm -rf demo/course .pytest_cache build dist
