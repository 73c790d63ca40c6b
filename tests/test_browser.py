"""What a student and an instructor see, in a real browser: Playwright driving Debian's Chromium.

A student opens chapter 1 in JupyterLab, runs every cell from the Run menu and reads each check's
verdict, rendered as HTML, with its score and, in a notebook holding catalogued mistakes, each
mistake's name and, under an array wrong in part, the map of where.  An instructor opens nbgrader's formgrader after `autograder course grade` and finds
the class's scores and our verdicts as the comments.  A screenshot of every page is written under
the test's tmp_path.

Chromium comes from Debian (`apt-get install -y --no-install-recommends chromium`; `playwright
install` cannot download browsers here).  Without it these tests skip, or fail where
AUTOGRADER_BROWSER=require (`.ci/run`).  Marker `browser`: `pytest -m browser` runs just them.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from autograder import gradebook
from autograder.messages import mistake_text, text
from helpers import ROOT
from tools import submissions

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
BIN = Path(sys.executable).parent
MISTAKE = "ch01.plot_sin_cos.sin_and_cos_swapped"     # its visible check names it and gives 2 of 3 points
MAPPED = "ch01.normalize_rows.over_columns"           # wrong in 5 of the 6 entries of its visible check: a map
RUN_TIMEOUT_MS = 120_000


def server_env(home: Path) -> dict:
    """The environment of a Jupyter server under test: this project's .venv, Chinese (the default),
    and Jupyter's per-user directories in the test's own folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("AUTOGRADER_LANG", "MPLBACKEND")}
    env.update(PATH=f"{BIN}:{env.get('PATH', '')}", TF_CPP_MIN_LOG_LEVEL="2", JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), IPYTHONDIR=str(home / "ipython"))
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def jupyter(app: str, root: Path, home: Path, *options: str):
    """`jupyter APP` (lab or server) serving `root` on a free loopback port with no token; yields its URL."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    log = open(home / f"{app}.log", "w")
    server = subprocess.Popen(
        [str(BIN / "jupyter"), app, f"--port={port}", "--ip=127.0.0.1", "--no-browser", "--allow-root",
         "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}", *options],
        cwd=root, env=server_env(home), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"jupyter {app} did not start:\n{(home / f'{app}.log').read_text()[-3000:]}")
                time.sleep(0.2)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def unavailable(message: str):
    """Skip, or fail where the browser is required in this run (AUTOGRADER_BROWSER=require, `.ci/run`)."""
    if os.environ.get("AUTOGRADER_BROWSER") == "require":
        pytest.fail("the browser is required in this run: " + message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"{CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        unavailable(f"Playwright is missing ({e}): pip install -r requirements.txt -c constraints.txt")
    with sync_playwright() as playwright:
        # Chromium's own sandbox cannot start as root in a container: chromium_sandbox=False passes --no-sandbox.
        # A container's small /dev/shm must not crash a page: --disable-dev-shm-usage.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, chromium_sandbox=False,
                                              args=["--disable-dev-shm-usage"], timeout=120_000)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1600}, locale="zh-CN")
    context.set_default_timeout(60_000)          # generous: a loaded 2-core machine, JupyterLab and a kernel
    yield context.new_page()
    context.close()


# ---------------------------------------------------------------------------------------------
# the student: chapter 1 in JupyterLab
# ---------------------------------------------------------------------------------------------

LAB_SETTINGS = {
    # every cell in the DOM (the default attaches only the cells near the viewport)
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # no news or update toasts over the notebook; nothing is fetched from outside
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False, "doNotDisturbMode": True},
}


def lab_home(tmp_path: Path) -> tuple[Path, list[str]]:
    home = tmp_path / "jupyter"
    for name, values in LAB_SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return home, [f"--LabApp.user_settings_dir={home / 'settings'}", f"--LabApp.workspaces_dir={home / 'workspaces'}"]


def check_cells(nb: dict) -> list[str]:
    """The functions whose check cells the notebook holds, in order."""
    return [c["metadata"]["nbgrader"]["grade_id"][len("test_"):] for c in nb["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("grade") and c["cell_type"] == "code"]


def run_all_cells(page, url: str, name: str, screenshot: Path) -> None:
    """Open the notebook in JupyterLab, Run > Run All Cells, and wait until every code cell has run
    and the kernel is idle (a screenshot and the cells' prompts say where it stopped otherwise)."""
    from playwright.sync_api import TimeoutError
    page.goto(f"{url}/lab/tree/{name}?reset")
    try:
        page.wait_for_function(KERNEL_IDLE, timeout=120_000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        page.wait_for_function(ALL_RUN, timeout=RUN_TIMEOUT_MS)
    except TimeoutError:
        page.screenshot(path=screenshot)
        prompts = page.eval_on_selector_all(".jp-Notebook .jp-CodeCell .jp-InputArea-prompt",
                                            "els => els.map(e => e.textContent)")
        pytest.fail(f"{name} did not run to the end in JupyterLab: prompts {prompts}, see {screenshot}")


# The kernel is connected and idle: the notebook toolbar's indicator and the status bar agree.
KERNEL_IDLE = """() => {
    const indicator = document.querySelector('.jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator');
    const cells = document.querySelectorAll('.jp-Notebook .jp-CodeCell');
    return cells.length > 0 && indicator && indicator.getAttribute('data-status') === 'idle'
        && /Idle/.test(document.querySelector('#jp-main-statusbar')?.textContent || '');
}"""
# Every code cell has an execution count and the kernel is idle again.
ALL_RUN = """() => {
    const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')];
    const indicator = document.querySelector('.jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator');
    return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent))
        && indicator && indicator.getAttribute('data-status') === 'idle';
}"""


def verdicts(page) -> dict[str, dict]:
    """{function: what its check cell shows}: the rendered verdict (an HTML element, not text),
    its rows, the highlighted mistake, and the cell's value (Out[n])."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.jp-Notebook .jp-CodeCell')]
            .map(cell => [cell, cell.querySelector('.jp-RenderedHTMLCommon .autograder-verdict')])
            .filter(([cell, v]) => v)
            .map(([cell, v]) => [v.dataset.function, {
                score: parseFloat(v.dataset.score), max_score: parseFloat(v.dataset.maxScore),
                header: v.querySelector('.autograder-header').textContent,
                rows: [...v.querySelectorAll('tr.autograder-test')].map(r => ({
                    status: r.dataset.status, mark: r.querySelector('.autograder-mark').textContent,
                    points: r.querySelector('.autograder-points').textContent})),
                mistakes: [...v.querySelectorAll('.autograder-mistake')].map(m => m.textContent),
                heatmap: [...v.querySelectorAll('.autograder-heatmap tr')].map(r => [...r.querySelectorAll('td')]
                    .flatMap(td => Array(td.colSpan).fill(td.classList.contains('wrong') ? 1 : 0))),
                value: (cell.querySelector('.jp-OutputArea-executeResult .jp-RenderedText') || {}).textContent,
            }]))""")


def stderr_outputs(page) -> list[str]:
    return page.eval_on_selector_all(".jp-Notebook [data-mime-type='application/vnd.jupyter.stderr']",
                                     "els => els.map(e => e.textContent)")


def test_a_student_runs_chapter_1_in_jupyterlab_and_reads_every_verdict(page, tmp_path):
    folder = tmp_path / "student"
    perfect = submissions.perfect("ch01")
    submissions.write(perfect, folder / "ch01.ipynb")
    submissions.write(submissions.with_mistakes("ch01", [MISTAKE, MAPPED]), folder / "ch01_mistake.ipynb")
    functions = check_cells(perfect)
    home, options = lab_home(tmp_path)
    with jupyter("lab", folder, home, *options) as url:
        run_all_cells(page, url, "ch01.ipynb", tmp_path / "jupyterlab_ch01_reference.png")
        page.screenshot(path=tmp_path / "jupyterlab_ch01_reference.png")
        shown = verdicts(page)
        assert list(shown) == functions                                   # every check, rendered as HTML
        for function, v in shown.items():
            assert v["score"] == v["max_score"] > 0, (function, v)
            assert float(v["value"]) == v["score"], (function, v)        # the cell's value is the score
            assert f"{v['score']:g}/{v['max_score']:g}" in v["header"] and function in v["header"]
            assert v["rows"] and all(r["status"] == "passed" and r["mark"] == "✓" for r in v["rows"])
            assert not v["mistakes"] and not v["heatmap"]
        assert stderr_outputs(page) == []

        run_all_cells(page, url, "ch01_mistake.ipynb", tmp_path / "jupyterlab_ch01_mistake.png")
        function = MISTAKE.split(".")[1]
        page.locator(f".autograder-verdict[data-function='{function}']").scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / "jupyterlab_ch01_mistake.png")
        page.locator(f".autograder-verdict[data-function='{function}']").screenshot(
            path=tmp_path / "jupyterlab_ch01_mistake_verdict.png")
        page.locator(f".autograder-verdict[data-function='{MAPPED.split('.')[1]}']").screenshot(
            path=tmp_path / "jupyterlab_ch01_heatmap_verdict.png")
        shown = verdicts(page)
        assert list(shown) == functions
        wrong = shown.pop(function)
        assert 0 < wrong["score"] < wrong["max_score"] and float(wrong["value"]) == wrong["score"]
        assert wrong["mistakes"] == [text("diagnosis", "zh", text=mistake_text(MISTAKE, "zh"))]
        assert {r["mark"] for r in wrong["rows"] if r["status"] == "failed"} == {"✗"}
        assert any(r["points"].startswith("0/") for r in wrong["rows"])
        mapped = shown.pop(MAPPED.split(".")[1])                          # where the array is wrong, drawn
        assert mapped["score"] == 0 and float(mapped["value"]) == 0
        assert mapped["mistakes"] == [text("diagnosis", "zh", text=mistake_text(MAPPED, "zh"))]
        assert mapped["heatmap"] == [[0, 1, 1], [1, 1, 1]], mapped
        assert all(v["score"] == v["max_score"] and not v["heatmap"] for v in shown.values())  # costs points once
        assert stderr_outputs(page) == []


# ---------------------------------------------------------------------------------------------
# the instructor: nbgrader's formgrader after `autograder course grade`
# ---------------------------------------------------------------------------------------------

def nbgrader(course: Path, *args: str) -> None:
    subprocess.run([str(BIN / "nbgrader"), *args, "--log-level=ERROR"], cwd=course, env=server_env(course.parent),
                   capture_output=True, text=True, check=True)


def new_course(tmp_path: Path, chapter: str) -> Path:
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "source" / chapter, course / "source" / chapter)
    nbgrader(course, "generate_assignment", chapter, "--force")
    return course


def submit(course: Path, student: str, chapter: str, nb: dict) -> None:
    folder = course / "submitted" / student / chapter
    submissions.write(nb, folder / f"{chapter}.ipynb")
    (folder / "timestamp.txt").write_text("2026-11-20 12:00:00.000000 UTC\n")


def test_the_formgrader_shows_the_class_scores_and_our_comments(page, tmp_path):
    course = new_course(tmp_path, "ch01")
    submit(course, "ann", "ch01", submissions.perfect("ch01"))
    submit(course, "ben", "ch01", submissions.with_mistakes("ch01", [MISTAKE]))
    submit(course, "cat", "ch01", submissions.stub("ch01"))
    graded = subprocess.run([str(BIN / "autograder"), "course", "grade", "ch01", "--course-dir", str(course),
                             "--seed", "3"], env=server_env(tmp_path), capture_output=True, text=True, timeout=600)
    assert graded.returncode == 0, graded.stderr
    stored = gradebook.scores_of(course, "ch01")
    assert stored["cat"] == 0 < stored["ben"] < stored["ann"]
    with jupyter("server", course, tmp_path / "jupyter",
                 "--ServerApp.jpserver_extensions={'nbgrader.server_extensions.formgrader': True}") as url:
        page.goto(f"{url}/formgrader/gradebook/ch01/ch01")
        # the table is filled in from the formgrader's API once the page has loaded
        page.wait_for_function("() => window.models && models.loaded "
                               "&& document.querySelectorAll('tbody tr td.score').length === 3", timeout=60_000)
        page.locator("#toggle_names").click()                # show the students' names
        page.locator("tbody tr a.name-shown", has_text="ben").wait_for(state="visible", timeout=60_000)
        page.screenshot(path=tmp_path / "formgrader_scores.png")
        listed = page.eval_on_selector_all(
            "tbody tr", "rows => rows.map(r => [r.querySelector('a.name-shown').textContent, "
                        "r.querySelector('td.score').textContent])")
        max_score = json.loads((course / "feedback" / "ann" / "ch01" / "results.json").read_text())["max_score"]
        assert {name: score for name, score in listed} == \
            {s: f"{stored[s]:g} / {max_score:g}" for s in ("ann", "ben", "cat")}

        page.locator("tbody tr a.name-shown", has_text="ben").click()
        # ben's autograded notebook: the formgrader shows each auto score and auto comment as the
        # placeholder of its (empty) manual score and comment inputs, filled in from its API
        page.wait_for_function("() => window.formgrader && formgrader.grades && formgrader.grades.loaded "
                               "&& formgrader.comments && formgrader.comments.loaded", timeout=60_000)
        function = MISTAKE.split(".")[1]
        page.locator(f"#{function}-comment").scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / "formgrader_ben.png")
        comments = dict(page.eval_on_selector_all(
            "textarea.comment", "els => els.map(e => [e.id.replace(/-comment$/, ''), e.placeholder])"))
        scores = dict(page.eval_on_selector_all(
            "input.score", "els => els.map(e => [e.id, parseFloat(e.placeholder)])"))
        points = {c["metadata"]["nbgrader"]["grade_id"]: float(c["metadata"]["nbgrader"]["points"])
                  for c in submissions.stub("ch01")["cells"] if c["metadata"].get("nbgrader", {}).get("grade")}
        assert sorted(comments) == sorted(check_cells(submissions.stub("ch01")))
        wrong = comments.pop(function)                                   # our verdict is the comment
        assert wrong.startswith(text("check_header", "zh", function=function, score=scores[f"test_{function}"],
                                     max_score=points[f"test_{function}"]))
        assert text("diagnosis", "zh", text=mistake_text(MISTAKE, "zh")) in wrong
        assert all(c.startswith(f"检查 {f}：") and "✗" not in c for f, c in comments.items()), comments
        assert sorted(scores) == sorted(points)                          # every function's score, per cell
        assert sum(scores.values()) == pytest.approx(stored["ben"])
        assert 0 < scores[f"test_{function}"] < points[f"test_{function}"]
        assert all(scores[g] == points[g] for g in points if g != f"test_{function}"), scores
        # the autograded notebook the formgrader shows holds the verdict under the check cell
        shown = page.locator(f".cell:has(.nbgrader-label code:text-is('test_{function}')) .output_area").inner_text()
        assert text("diagnosis", "zh", text=mistake_text(MISTAKE, "zh")) in shown
