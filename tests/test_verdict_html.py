"""The verdict under a check cell (autograder.verdict, autograder.heatmap): HTML for JupyterLab and
nbgrader's feedback, the same verdict as text for consoles and nbconvert.

The student's own output is escaped, a named mistake is highlighted, a partly wrong 1-D or 2-D array
gets a map of where it is wrong (a hidden test's too: where, never a value), one language at a time,
and the text is what the check printed before it had HTML."""
from __future__ import annotations

import re

import numpy as np
import pytest

from autograder import heatmap
from autograder.autograded import function_verdict
from autograder.compare import expect_close, reveal
from autograder.messages import mistake_text, text
from autograder.results import GradeReport, Mismatch, StudentError, TestResult
from autograder.verdict import Verdict

MISTAKE = "ch01.normalize_rows.over_columns"


def result(name="test_f_small", status="failed", score=0.0, max_score=1.0, visible=True, output="", diagnosis=None,
           description="f: a small example", graded_around=(), where_wrong=None) -> TestResult:
    if status == "passed":
        score = max_score
    return TestResult(name, "f", score, max_score, visible, status, output, diagnosis, description, graded_around,
                      where_wrong=where_wrong)


def failed_comparison(got, expected, visible: bool, lang="zh", diagnosis=None, **kw) -> TestResult:
    """The result of a test whose expect_close failed, as grading records it."""
    with reveal(visible):
        try:
            expect_close(np.asarray(got, dtype=float), np.asarray(expected, dtype=float), "f(x)", **kw)
        except Mismatch as e:
            mismatch = e
        else:
            raise AssertionError("expect_close passed")
    return result(visible=visible, output=mismatch.render(lang), diagnosis=mismatch.diagnosis or diagnosis,
                  where_wrong=getattr(mismatch, "where_wrong", None))


def old_printed(function: str, results: list[TestResult], total: float, hidden: bool, lang: str) -> str:
    """What `check` printed before the verdict had HTML (autograder/notebook_check.py before it)."""
    score, max_score = sum(r.score for r in results), sum(r.max_score for r in results)
    if hidden or max_score == total:
        lines = [text("check_header", lang, function=function, score=score, max_score=max_score)]
    else:
        lines = [text("check_header_visible", lang, function=function, score=score, max_score=max_score,
                      total=total, hidden=total - max_score)]
    for r in results:
        line = f"  {'✓' if r.status == 'passed' else '✗'} {r.description}"
        if r.status != "passed" or r.graded_around:
            line += f"\n      {r.output}"
        lines.append(line)
    if results and score == max_score and not hidden:
        lines.append("  " + text("check_all_passed", lang))
    return "\n".join(lines)


# --- the text fallback ------------------------------------------------------------------------------

VISIBLE_CASES = {
    "all passed": [result(status="passed"), result("test_f_other", status="passed", max_score=2.0)],
    "one failed": [result(status="passed"), result("test_f_other", output="f(x) 的形状不正确\n  [[1 2]]")],
    "graded around a helper": [result(status="passed", output="graded around g", graded_around=("g",))],
    "nothing": [],
}


@pytest.mark.parametrize("case", list(VISIBLE_CASES))
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("total_extra", [0.0, 2.0])
def test_the_text_is_what_the_check_printed_before(case, lang, total_extra):
    results = VISIBLE_CASES[case]
    total = sum(r.max_score for r in results) + total_extra
    verdict = Verdict("f", tuple(results), total, hidden=False, lang=lang)
    assert verdict.text() == old_printed("f", results, total, False, lang)
    assert verdict.bundle() == {"text/html": verdict.html(), "text/plain": verdict.text()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_with_the_hidden_tests_the_text_is_the_verdict_course_grade_writes(lang):
    """nbgrader's test cell (`hidden=True`) and `autograder course grade` show the same verdict: hidden
    tests are marked as such."""
    results = [result(status="passed"), result("test_f_random", visible=False, output="f(x) 的数值不正确")]
    report = GradeReport("nb.ipynb", "ch01", 3, "plain", tests=list(results))
    verdict = Verdict("f", tuple(results), 2.0, hidden=True, lang=lang)
    assert verdict.text() == function_verdict(report, "f", lang).rstrip("\n")
    assert text("hidden_test", lang) in verdict.text() and text("hidden_test", lang) in verdict.html()


# --- HTML -------------------------------------------------------------------------------------------

def test_the_students_output_is_escaped():
    evil = "<script>alert('x')</script> & <b>bold</b> \"quoted\""
    verdict = Verdict("f<i>", (result(output=f"f printed {evil}", description=f"f: {evil}"),), 1.0)
    page = verdict.html()
    assert "<script" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;" in page
    assert 'data-function="f&lt;i&gt;"' in page
    assert evil in verdict.text()                       # the text is the text


def test_the_named_mistake_is_highlighted_once():
    named = text("diagnosis", "zh", text=mistake_text(MISTAKE, "zh"))
    output = Mismatch("values_differ", MISTAKE, what="normalize_rows(x)", bad=3, total=6, rel=0.5,
                      index=(0, 1)).render("zh")
    page = Verdict("normalize_rows", (result(output=output, diagnosis=MISTAKE),), 1.0).html()
    marks = re.findall(r"<mark\b[^>]*>(.*?)</mark>", page)
    assert marks == [named]
    assert f'data-mistake="{MISTAKE}"' in page
    before = page[:page.index("<mark")]
    assert before.endswith("。 ") and "normalize_rows(x) 的数值不正确" in before   # the message, then the mistake


def test_nothing_is_highlighted_without_a_named_mistake():
    not_implemented = StudentError("not_implemented", "not_implemented", function="f")
    results = (result(output=not_implemented.render("zh"), diagnosis="not_implemented"),
               result("test_f_b", output=Mismatch("values_differ", None, what="f(x)", bad=1, total=4, rel=1.0,
                                                   index=(1,)).render("zh")),
               result("test_f_c", status="passed", diagnosis=MISTAKE))
    assert "<mark" not in Verdict("f", results, 3.0).html()


def test_one_row_per_test_with_its_mark_and_points():
    results = (result(status="passed", max_score=2.0), result("test_f_b", output="wrong"),
               result("test_f_c", status="error", output="grader error"))
    page = Verdict("f", results, 4.0).html()
    rows = re.findall(r'<tr class="autograder-test" data-test="([^"]+)" data-status="(\w+)".*?'
                      r'<td class="autograder-mark"[^>]*>(.)</td>.*?<td class="autograder-points"[^>]*>([^<]+)</td>',
                      page)
    assert rows == [("test_f_small", "passed", "✓", "2/2"), ("test_f_b", "failed", "✗", "0/1"),
                    ("test_f_c", "error", "✗", "0/1")]
    assert 'data-score="2" data-max-score="4"' in page


# --- the heat map -----------------------------------------------------------------------------------

def drawn(page: str) -> list[list[str]]:
    """The heat map's cells, row by row ("wrong" or "right"), a run of equal cells expanded."""
    heat = page[page.index('class="autograder-heatmap"'):]
    return [sum(([kind] * int(n or 1) for n, kind in re.findall(r'<td(?: colspan=(\d+))? class="(wrong|right)"', row)),
                [])
            for row in re.findall(r'<tr style="background:none">(.*?)</tr>', heat)]


def test_a_partly_wrong_array_gets_a_map_of_where():
    expected = np.arange(1.0, 13.0).reshape(3, 4)
    got = expected.copy()
    got[1, 2] = got[2, 0] = -5.0
    r = failed_comparison(got, expected, visible=True)
    assert r.where_wrong.tolist() == (got != expected).tolist()
    page = Verdict("f", (r,), 1.0).html()
    assert page.count('class="autograder-heatmap"') == 1
    assert drawn(page) == [["right"] * 4, ["right", "right", "wrong", "right"], ["wrong", "right", "right", "right"]]
    assert "2/12" in page and "(3, 4)" in page


def test_a_1d_array_is_one_row():
    expected = np.linspace(1.0, 2.0, 10)
    got = expected.copy()
    got[-3:] = 0.0
    page = Verdict("f", (failed_comparison(got, expected, visible=False),), 1.0).html()
    assert 'class="autograder-heatmap" data-rows="1" data-cols="10"' in page
    assert drawn(page) == [["right"] * 7 + ["wrong"] * 3]


@pytest.mark.parametrize("what", ["all wrong", "3-D", "a number", "too small", "passed", "no mask"])
def test_no_map_where_it_says_nothing_more(what):
    if what == "all wrong":
        r = failed_comparison(np.ones((3, 4)) * 2, np.ones((3, 4)), visible=True)
    elif what == "3-D":
        got = np.ones((2, 3, 4))
        got[0, 0, 0] = 5
        r = failed_comparison(got, np.ones((2, 3, 4)), visible=True)
    elif what == "a number":
        r = failed_comparison(2.0, 1.0, visible=True)
    elif what == "too small":
        r = failed_comparison([1.0, 5.0], [1.0, 2.0], visible=True)
    elif what == "passed":
        r = result(status="passed", where_wrong=np.array([True, False, False, False]))
    else:
        r = result(output="f(x) 的形状不正确")
    assert r.status == "passed" or r.output
    assert "autograder-heatmap" not in Verdict("f", (r,), 1.0).html()


def test_a_large_array_is_drawn_in_blocks():
    mask = np.zeros((100, 300), dtype=bool)
    mask[10, 20] = mask[99, 299] = True
    grid, (bh, bw) = heatmap.blocks(mask)
    assert grid.shape[0] <= heatmap.MAX_ROWS and grid.shape[1] <= heatmap.MAX_COLS
    assert grid.sum() == 2 and grid[10 // bh, 20 // bw] and grid[-1, -1]
    r = result(output="f(x) 的数值不正确", where_wrong=mask)
    page = Verdict("f", (r,), 1.0).html()
    assert f"{bh}×{bw}" in page and "2/30000" in page
    assert len(page) < 20_000                                              # small, whatever the array


def test_a_hidden_test_shows_where_but_never_a_value():
    expected = np.array([[1.234567, 2.345678, 3.456789], [4.567891, 5.678912, 6.789123]])
    got = expected.copy()
    got[0, 1] = 9.876543
    hidden = failed_comparison(got, expected, visible=False)
    page = Verdict("f", (hidden,), 1.0, hidden=True).html()
    assert "autograder-heatmap" in page
    for value in (*expected.ravel(), 9.876543):
        for shown in (f"{value:.6f}", f"{value:.4f}", f"{value:.3g}", f"{value:.2f}"):
            assert shown not in page, shown
    assert hidden.where_wrong.dtype == bool                                # where, not how much
    visible = failed_comparison(got, expected, visible=True)
    assert "9.876543" in Verdict("f", (visible,), 1.0).html()              # a visible test shows its values


# --- one language at a time -------------------------------------------------------------------------

def test_chinese_by_default_english_with_lang():
    expected = np.arange(1.0, 9.0)
    got = expected.copy()
    got[2] = 0.0
    zh = Verdict("f", (failed_comparison(got, expected, visible=True),), 2.0)
    en = Verdict("f", (failed_comparison(got, expected, visible=True, lang="en"),), 2.0, lang="en")
    assert zh.lang == "zh" and 'lang="zh-CN"' in zh.html() and 'lang="en"' in en.html()
    assert zh.header().startswith("检查 f：") and en.header().startswith("Check f:")
    def shown(page: str) -> str:                      # what the student reads: no tags, no attributes
        return re.sub(r"<[^>]*>", " ", page)
    for page in (shown(zh.html()), zh.text()):
        assert not re.search(r"\b(Check|entries|Red marks|points|wrong values)\b", page), page
    for page in (shown(en.html()), en.text()):
        assert not re.search(r"[\u4e00-\u9fff]", page), page
    assert "Red marks the entries outside the tolerance: 1 of 8" in en.html()
    assert "红色是超出容差的元素：1/8 个" in zh.html()


# --- where the verdict goes -------------------------------------------------------------------------

def wrong_normalize_rows(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)


def test_outside_a_kernel_the_check_prints_the_text(capsys):
    from autograder.notebook_check import check
    score = check("ch01", "normalize_rows", {"normalize_rows": wrong_normalize_rows, "np": np})
    out = capsys.readouterr()
    assert score == 0.0 and out.err == ""
    assert out.out.startswith("检查 normalize_rows：") and mistake_text(MISTAKE, "zh") in out.out


def test_in_a_kernel_the_check_displays_html_and_text_and_returns_the_score(monkeypatch, capsys):
    import IPython.display
    from autograder import notebook_check
    shown = []
    monkeypatch.setattr(notebook_check, "in_a_kernel", lambda: True)
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.append((objs, kw)))
    score = notebook_check.check("ch01", "normalize_rows", {"normalize_rows": wrong_normalize_rows, "np": np},
                                 hidden=True, lang="en")
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""
    assert score == 0.0
    [(objs, kw)] = shown
    assert kw == {"raw": True} and len(objs) == 1
    bundle = objs[0]
    assert set(bundle) == {"text/html", "text/plain"}
    assert bundle["text/plain"].startswith("Check normalize_rows: 0/3 points")
    assert '<div class="autograder-verdict" lang="en"' in bundle["text/html"]
    assert mistake_text(MISTAKE, "en") in bundle["text/plain"]


def test_a_console_is_not_a_kernel():
    from autograder.notebook_check import in_a_kernel
    assert not in_a_kernel()


def test_should_the_html_fail_the_kernel_still_gets_the_text(monkeypatch, capsys):
    import IPython.display
    from autograder import notebook_check, verdict
    shown = []
    monkeypatch.setattr(notebook_check, "in_a_kernel", lambda: True)
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.append(objs))
    monkeypatch.setattr(verdict.Verdict, "html", lambda self: 1 / 0)
    score = notebook_check.check("ch01", "normalize_rows", {"normalize_rows": wrong_normalize_rows, "np": np})
    out = capsys.readouterr()
    assert score == 0.0 and not shown and out.err == ""
    assert out.out.startswith("检查 normalize_rows：")
