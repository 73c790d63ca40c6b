"""The command line: `autograder grade`, `check`, `course`, `doctor`.

    autograder grade NOTEBOOK.ipynb [--assignment chNN] [--results results.json] [--lang en]
    autograder check NOTEBOOK.ipynb            # visible tests only, as a student would
    autograder course grade chNN [--course-dir DIR] [--jobs N]
    autograder doctor                          # which isolation is in force, and why

Exit status: 0 whenever grading ran (failed tests are not an error); 2 for misuse; 3 for an internal
failure of the grader.
"""
from __future__ import annotations

import argparse
import os
import sys


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="autograder", description="Grade the course's notebooks.")
    sub = p.add_subparsers(dest="command", required=True)

    def common(q):
        q.add_argument("notebook", help="the student's .ipynb file")
        q.add_argument("--assignment", help="chNN (inferred from the notebook when left out)")
        q.add_argument("--lang", choices=["zh", "en"], default=os.environ.get("AUTOGRADER_LANG", "zh"))
        q.add_argument("--seed", type=int, help="seed for the hidden tests' random inputs (recorded in the results)")
        q.add_argument("--results", help="write Gradescope results.json here")
        q.add_argument("--feedback", help="write Markdown feedback here")
        q.add_argument("--require-sandbox", action="store_true", help="refuse to grade without the sandbox")
        q.add_argument("--no-sandbox", action="store_true", help="use the plain worker even where the sandbox works")
        q.add_argument("--config", help="nbgrader_config.py with c.Autograder.limits (default: ./nbgrader_config.py)")

    common(sub.add_parser("grade", help="grade one notebook with all tests (hidden ones included)"))
    common(sub.add_parser("check", help="run the visible tests only, as in the notebook"))
    course = sub.add_parser("course", help="grade an nbgrader course directory into its gradebook")
    course.add_argument("action", choices=["grade"])
    course.add_argument("assignment")
    course.add_argument("--course-dir", default=".")
    course.add_argument("--jobs", type=int, default=0, help="parallel workers (default: number of cores)")
    course.add_argument("--lang", choices=["zh", "en"], default=os.environ.get("AUTOGRADER_LANG", "zh"))
    course.add_argument("--seed", type=int)
    course.add_argument("--require-sandbox", action="store_true")
    course.add_argument("--no-sandbox", action="store_true")
    sub.add_parser("doctor", help="say which isolation grading will use, and why")
    return p


def _launcher(args):
    from autograder.sandbox import choose_launcher
    return choose_launcher(require=args.require_sandbox, disable=args.no_sandbox)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # The TensorFlow chapters' graders import TensorFlow here too: keep its log noise off the terminal.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    from autograder.config import ConfigError
    from autograder.sandbox import SandboxUnavailable
    try:
        if args.command == "doctor":
            from autograder.sandbox import doctor
            print(doctor())
            return 0
        launcher = _launcher(args)
        if args.command == "course":
            from autograder.course import grade_course
            return grade_course(args.course_dir, args.assignment, jobs=args.jobs, lang=args.lang,
                                seed=args.seed, launcher=launcher)
        from autograder.pipeline import grade_notebook
        from autograder.report import markdown_feedback, terminal_summary, write_atomic, write_results
        if not os.path.exists(args.notebook):
            print(f"autograder: no such file: {args.notebook}", file=sys.stderr)
            return 2
        from autograder.config import default_config_file, load_limits
        limits = load_limits(args.config or default_config_file("."))
        report = grade_notebook(args.notebook, args.assignment, seed=args.seed, lang=args.lang,
                                visible_only=args.command == "check", launcher=launcher, limits=limits)
        _print(terminal_summary(report, args.lang))
        if args.results:
            write_results(report, args.results)
        if args.feedback:
            write_atomic(args.feedback, markdown_feedback(report, args.lang))
        return 0
    except (SandboxUnavailable, ConfigError) as e:
        print(f"autograder: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _print(text: str) -> None:
    """Print the summary; a reader that left early (`autograder grade x.ipynb | head`) is no error."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
