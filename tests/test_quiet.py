"""The grader's own computations print nothing, also from several grading threads at once, and
leave the process's streams working (course grade's final table was once lost to a race between
threads swapping sys.stdout)."""
from __future__ import annotations

import sys
import threading
import time
import warnings

from autograder.quiet import silenced


def noisy(rounds: int) -> None:
    for _ in range(rounds):
        with silenced():
            print("noise from the grader")
            print("noise on stderr", file=sys.stderr)
            warnings.warn("noise as a warning")
            time.sleep(0.0002)   # another thread enters and leaves meanwhile, as in real grading


def test_silenced_threads_print_nothing_and_leave_the_streams_working(capfd):
    threads = [threading.Thread(target=noisy, args=(200,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("the final table")
    print("a message", file=sys.stderr)
    out, err = capfd.readouterr()
    assert "the final table" in out and "a message" in err
    assert "noise" not in out and "noise" not in err


def test_a_thread_that_is_not_silenced_still_prints(capfd):
    started, done = threading.Event(), threading.Event()

    def hold_silence():
        with silenced():
            started.set()
            done.wait(10)

    holder = threading.Thread(target=hold_silence)
    holder.start()
    started.wait(10)
    speaker = threading.Thread(target=lambda: print("heard while another thread is silenced"))
    speaker.start()
    speaker.join()
    done.set()
    holder.join()
    assert "heard while another thread is silenced" in capfd.readouterr().out


def test_the_main_thread_is_silenced_too(capfd):
    with silenced():
        print("noise")
        warnings.warn("noise")
    print("after")
    out, err = capfd.readouterr()
    assert out == "after\n" and "noise" not in err
