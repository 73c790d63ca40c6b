"""The command line: `autograder grade`, `check`, `course grade`, `course report`, `gradescope`, `doctor`."""
from __future__ import annotations

import argparse
import os
import sys

EXIT_STATUSES = """exit status:
  0    grading ran (failed tests are not an error: they are the grade)
  2    misuse: unknown assignment, no such file or course, the sandbox required but unavailable,
       a broken nbgrader_config.py
  3    the grader itself failed on a submission (course grade: the others are stored)
  130  interrupted (course grade: every submission finished before is stored)"""


def _parser() -> argparse.ArgumentParser:
    from autograder import __version__
    p = argparse.ArgumentParser(
        prog="autograder", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EXIT_STATUSES,
        description="Grade the notebooks of 《深度学习入门：基于PyTorch和TensorFlow的理论与实战》.")
    p.add_argument("--version", action="version", version=f"autograder {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(q):
        q.add_argument("notebook", help="the student's .ipynb file")
        q.add_argument("--assignment", metavar="chNN", help="the chapter (inferred from the notebook when left out)")
        q.add_argument("--lang", choices=["zh", "en"], default=os.environ.get("AUTOGRADER_LANG", "zh"),
                       help="language of every message (default: $AUTOGRADER_LANG or zh)")
        q.add_argument("--seed", type=int, help="seed of the hidden tests' random inputs (recorded in the results)")
        q.add_argument("--results", metavar="PATH", help="also write Gradescope's results.json here")
        q.add_argument("--feedback", metavar="PATH", help="also write Markdown feedback here")
        q.add_argument("--require-sandbox", action="store_true", help="refuse to grade without the sandbox")
        q.add_argument("--no-sandbox", action="store_true", help="use the plain worker even where the sandbox works")
        q.add_argument("--config", metavar="PATH",
                       help="nbgrader_config.py with c.Autograder.limits (default: ./nbgrader_config.py)")
        q.add_argument("-q", "--quiet", action="store_true", help="print only the total score")

    common(sub.add_parser(
        "grade", help="grade a notebook with every test, the hidden ones included",
        description="Grade one notebook with every test, visible and hidden (fresh random inputs), and "
                    "name the mistakes it recognises.", epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter))
    common(sub.add_parser(
        "check", help="run only the visible tests, as the check cells in the notebook do",
        description="Run only the visible tests of a saved notebook, the same checks as the cells under "
                    "each function; the hidden tests run when it is graded.", epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter))
    course = sub.add_parser(
        "course", help="grade an nbgrader course directory into its gradebook",
        description="Grade every submission of an assignment in an nbgrader course directory "
                    "(submitted/STUDENT/chNN/) into nbgrader's gradebook, autograded/ and feedback/. "
                    "Each result is stored as it completes; a rerun skips what is graded and unchanged.",
        epilog=EXIT_STATUSES, formatter_class=argparse.RawDescriptionHelpFormatter)
    course.add_argument("action", choices=["grade", "report"],
                        help="what to do: grade (the class, into the gradebook), or report (a class report of what "
                             "was graded: score distribution, each function's mean and zeros, the mistakes ranked)")
    course.add_argument("assignment", metavar="chNN", help="the assignment, as released with nbgrader")
    course.add_argument("--course-dir", default=".", metavar="DIR", help="the course directory (default: .)")
    course.add_argument("--jobs", type=int, default=0, help="submissions graded at once (default: number of cores)")
    course.add_argument("--fresh-workers", action="store_true",
                        help="start each submission's worker as a fresh interpreter instead of forking it from a "
                             "warm one that has the assignment's imports (slower; the isolation is the same)")
    course.add_argument("--scheduler", metavar="ADDRESS",
                        help="grade on this dask.distributed scheduler (tcp://HOST:8786) instead of this machine; "
                             "also c.Autograder.scheduler in nbgrader_config.py")
    course.add_argument("--force", action="store_true", help="regrade submissions that are already graded")
    course.add_argument("--student", action="append", metavar="NAME",
                        help="grade (again) only this student's submission; may be repeated")
    course.add_argument("--lang", choices=["zh", "en"], default=os.environ.get("AUTOGRADER_LANG", "zh"),
                        help="language of every message and of the feedback (default: $AUTOGRADER_LANG or zh)")
    course.add_argument("--seed", type=int, help="seed of the hidden tests' random inputs (default: random per submission)")
    course.add_argument("--require-sandbox", action="store_true", help="refuse to grade without the sandbox")
    course.add_argument("--no-sandbox", action="store_true", help="use the plain worker even where the sandbox works")
    course.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")
    course.add_argument("-o", "--output", metavar="DIR",
                        help="report: the folder for report.md, report.html and the plots (default: "
                             "COURSE/reports/chNN)")
    gradescope = sub.add_parser(
        "gradescope", help="build a Gradescope autograder zip for an assignment",
        description="Build a Gradescope autograder for an assignment: a zip with setup.sh (installs the pinned "
                    "environment and bubblewrap), run_autograder (grades the submitted notebook into "
                    "/autograder/results/results.json; hidden tests are shown once grades are published), the "
                    "graders and the reference solutions.", epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    gradescope.add_argument("assignment", metavar="chNN", help="the assignment")
    gradescope.add_argument("-o", "--output", metavar="ZIP", help="the zip to write (default: chNN-autograder.zip)")
    gradescope.add_argument("--lang", choices=["zh", "en"], default=os.environ.get("AUTOGRADER_LANG", "zh"),
                            help="language of the feedback students get (default: $AUTOGRADER_LANG or zh)")
    gradescope.add_argument("--config", metavar="PATH",
                            help="nbgrader_config.py whose c.Autograder.limits the autograder uses "
                                 "(default: ./nbgrader_config.py where there is one)")
    sub.add_parser("doctor", help="say which isolation grading will use, and why",
                   description="Say which isolation grading will use on this machine (the bubblewrap sandbox "
                               "or the plain worker), and why.")
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
        if args.command == "course" and args.action == "report":
            from autograder.class_report import course_report
            return course_report(args.course_dir, args.assignment, lang=args.lang, out=args.output)
        if args.command == "gradescope":
            from autograder.gradescope import build_command
            return build_command(args.assignment, args.output, lang=args.lang, config=args.config)
        launcher = _launcher(args)
        if args.command == "course":
            from autograder.course import grade_course
            return grade_course(args.course_dir, args.assignment, jobs=args.jobs, lang=args.lang, seed=args.seed,
                                launcher=launcher, force=args.force, students=args.student, quiet=args.quiet,
                                scheduler=args.scheduler, warm=not args.fresh_workers)
        return _grade(args, launcher)
    except (SandboxUnavailable, ConfigError) as e:
        print(f"autograder: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _grade(args, launcher) -> int:
    from autograder.assignments import ASSIGNMENTS
    from autograder.messages import text
    if args.assignment is not None and args.assignment not in ASSIGNMENTS:
        print("autograder: " + text("unknown_assignment_named", args.lang, assignment=args.assignment,
                                    known=", ".join(ASSIGNMENTS)), file=sys.stderr)
        return 2
    if not os.path.exists(args.notebook):
        print("autograder: " + text("no_such_file", args.lang, path=args.notebook), file=sys.stderr)
        return 2
    from autograder.config import default_config_file, load_limits
    from autograder.pipeline import grade_notebook
    from autograder.report import markdown_feedback, terminal_summary, write_atomic, write_results
    limits = load_limits(args.config or default_config_file("."))
    report = grade_notebook(args.notebook, args.assignment, seed=args.seed, lang=args.lang,
                            visible_only=args.command == "check", launcher=launcher, limits=limits)
    if report.assignment is None or report.assignment not in ASSIGNMENTS:
        print("autograder: " + text("unknown_assignment", args.lang), file=sys.stderr)
        if args.results:
            write_results(report, args.results)
        return 2
    _print(f"{report.score:g}/{report.max_score:g}" if args.quiet else terminal_summary(report, args.lang))
    if args.results:
        write_results(report, args.results)
    if args.feedback:
        write_atomic(args.feedback, markdown_feedback(report, args.lang))
    return 0


def _print(text: str) -> None:
    """Print the summary; a reader that left early (`autograder grade x.ipynb | head`) is no error."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
