"""Every text a student or instructor reads, in Simplified Chinese (default) and English.

Engine messages live in `ENGINE` below; each chapter's mistake descriptions live in
`autograder/messages/chNN.py` as `MISTAKES = {"function.name": (zh, en)}`.  `text()` renders a key;
`mistake_text()` renders a catalogued mistake id `chNN.function.name`.
"""
from __future__ import annotations

import importlib

LANGS = ("zh", "en")

ENGINE: dict[str, tuple[str, str]] = {
    # --- verdicts -------------------------------------------------------------------------
    "passed": ("通过", "passed"),
    "failed": ("未通过", "failed"),
    "check_header": ("检查 {function}：{score:g}/{max_score:g} 分", "Check {function}: {score:g}/{max_score:g} points"),
    "check_header_visible": ("检查 {function}：可见测试 {score:g}/{max_score:g} 分（本函数共 {total:g} 分，其余 {hidden:g} 分来自提交后的隐藏测试）",
                             "Check {function}: visible tests {score:g}/{max_score:g} points (the function is worth {total:g}; hidden tests after submission give the other {hidden:g})"),
    "check_unavailable": ("这一项检查在这里无法运行（你的代码走了另一条路径）；提交后评分时会运行它。",
                          "This part of the check cannot run here (your code took another path); it runs when your work is graded."),
    "check_interrupted": ("检查被中断（你按了中断键）。", "The check was interrupted (you pressed interrupt)."),
    "check_all_passed": ("全部可见检查通过。提交后还会运行隐藏测试（随机形状和数值）。",
                         "All visible checks passed. Hidden tests (random shapes and values) run after submission."),
    "diagnosis": ("可能的错误：{text}", "Likely mistake: {text}"),
    # --- reading and extracting -------------------------------------------------------------
    "notebook_unreadable": ("无法读取笔记本文件：{detail}。请确认上传的是 .ipynb 文件且没有损坏。",
                            "Cannot read the notebook: {detail}. Make sure you submit an undamaged .ipynb file."),
    "notebook_is_directory": ("这是一个目录，不是笔记本文件", "it is a directory, not a notebook file"),
    "notebook_too_large": ("文件太大（{mb} MB）", "the file is too large ({mb} MB)"),
    "notebook_os_error": ("无法打开文件（{detail}）", "the file cannot be opened ({detail})"),
    "notebook_empty": ("文件是空的", "the file is empty"),
    "notebook_not_utf8": ("文件不是 UTF-8 文本", "the file is not UTF-8 text"),
    "notebook_not_json": ("文件不是有效的 JSON（第 {line} 行，第 {column} 列）", "the file is not valid JSON (line {line}, column {column})"),
    "notebook_python_file": ("这是 Python 源文件而不是 .ipynb 笔记本", "it is a Python source file, not an .ipynb notebook"),
    "notebook_no_cells": ("文件中没有单元格列表（这是 .ipynb 笔记本吗？）", "it has no list of cells (is it an .ipynb notebook?)"),
    "notebook_nbformat": ("不支持 nbformat {version}（请用 Jupyter 保存为 nbformat 4）",
                          "nbformat {version} is not supported (save it with Jupyter as nbformat 4)"),
    "looks_like_other_chapter": ("注意：按 {given} 评分，但这个笔记本看起来是 {found} 的作业。",
                                 "Note: graded as {given}, but this notebook looks like {found}'s."),
    "no_such_file": ("没有这个文件：{path}", "No such file: {path}"),
    "unknown_assignment": ("无法判断这是哪一章的作业；请用 --assignment chNN 指定。",
                           "Cannot tell which assignment this is; pass --assignment chNN."),
    "syntax_error_cell": ("第 {cell} 个代码单元有语法错误（第 {line} 行：{detail}），该单元中的函数无法评分。",
                          "Code cell {cell} has a syntax error (line {line}: {detail}); its functions cannot be graded."),
    "load_error": ("第 {cell} 个代码单元第 {line} 行在加载时出错：{detail}",
                   "Code cell {cell}, line {line} failed while loading: {detail}"),
    # --- calling the student's code ---------------------------------------------------------
    "missing_function": ("没有找到函数 {function}。请确认函数名拼写正确，并且定义它的单元没有错误。",
                         "Function {function} was not found. Check the name and that its cell has no error."),
    "missing_function_misspelled": ("没有找到函数 {function}；笔记本中定义的是 {found}，名字拼错了吗？",
                                    "Function {function} was not found; the notebook defines {found}: is the name misspelled?"),
    "missing_function_syntax": ("没有找到函数 {function}：定义它的代码单元 {cell} 有语法错误（第 {line} 行：{detail}）。",
                                "Function {function} was not found: its code cell {cell} has a syntax error (line {line}: {detail})."),
    "not_implemented": ("{function} 还没有实现（仍然抛出 NotImplementedError）。",
                        "{function} is not implemented yet (it still raises NotImplementedError)."),
    "exception": ("调用 {function} 时抛出异常 {etype}：{detail}{where}",
                  "Calling {function} raised {etype}: {detail}{where}"),
    "exception_where": ("（{where}）", " (at {where})"),
    "exception_in_helper": ("调用 {function} 时，它调用的 {helper} 抛出异常 {etype}：{detail}{where}。请先修正 {helper}。",
                            "Calling {function}: the {helper} it calls raised {etype}: {detail}{where}. Fix {helper} first."),
    "helper_not_implemented": ("{function} 调用的 {helper} 还没有实现（仍然抛出 NotImplementedError）。请先完成 {helper}。",
                               "{function} calls {helper}, which is not implemented yet (it still raises NotImplementedError). Complete {helper} first."),
    "helper_syntax_error": ("{function} 调用了 {helper}，但定义 {helper} 的代码单元 {cell} 有语法错误（第 {line} 行：{detail}），所以它没有被定义。请先修正 {helper}。",
                            "{function} calls {helper}, but the code cell {cell} that defines {helper} has a syntax error (line {line}: {detail}), so it is not defined. Fix {helper} first."),
    "helper_misspelled": ("{function} 调用了 {helper}，但笔记本中没有定义它；你定义的是 {found}，名字拼错了吗？",
                          "{function} calls {helper}, which the notebook does not define; it defines {found}: is the name misspelled?"),
    "helper_missing": ("{function} 调用了 {helper}，但笔记本中没有定义它。请先完成 {helper}。",
                       "{function} calls {helper}, which the notebook does not define. Complete {helper} first."),
    "graded_around": ("通过（评分时用参考实现代替了你的 {helpers}：{function} 本身是正确的，{helpers} 的错误只在它自己的测试中扣分）",
                      "passed (graded with the reference {helpers} in place of yours: {function} itself is right; the mistake in {helpers} costs points in its own tests only)"),
    "failed_around": ("（评分时用参考实现代替了你的 {helpers}，{function} 仍然不正确）",
                      "(graded with the reference {helpers} in place of yours, {function} is still wrong)"),
    "global_name": ("提示：函数用到了未定义的名字 {name}。函数只能使用参数和导入的模块，不要依赖笔记本里的全局变量。",
                    "Hint: the function uses the undefined name {name}. Use only the arguments and imported modules, not notebook globals."),
    "exit_called": ("{function} 调用了 {etype}（如 sys.exit / exit / KeyboardInterrupt），函数不应结束程序。",
                    "{function} raised {etype} (sys.exit / exit / KeyboardInterrupt); a function must not end the program."),
    "timeout": ("{function} 在 {seconds:g} 秒内没有返回（死循环或计算太慢？）。",
                "{function} did not return within {seconds:g} s (an infinite loop, or far too slow?)."),
    "memory": ("{function} 超出了内存限制（{limit_mb} MB）。", "{function} exceeded the memory limit ({limit_mb} MB)."),
    "crash": ("运行 {function} 时进程意外终止（{detail}）。是否调用了 os._exit 或导致崩溃？",
              "The process died while running {function} ({detail}). Did it call os._exit or crash?"),
    "output_limit": ("{function} 打印的输出过多（超过 {limit_kb} KB）。", "{function} printed too much output (over {limit_kb} KB)."),
    "unencodable": ("{function} 返回了无法评分的对象：{detail}", "{function} returned something that cannot be graded: {detail}"),
    "grader_error": ("评分程序内部错误（不是你的错）：{detail}", "Internal grader error (not your fault): {detail}"),
    # --- comparing --------------------------------------------------------------------------
    "returned_none": ("{what} 是 None：函数是否忘了 return？", "{what} is None: did the function forget to return?"),
    "wrong_type": ("{what} 的类型是 {got}，应为 {expected}。", "{what} has type {got}; expected {expected}."),
    "wrong_length": ("{what} 应包含 {expected} 个元素，实际是 {got} 个。", "{what} should have {expected} items; it has {got}."),
    "missing_keys": ("{what} 缺少键 {keys}。", "{what} is missing the keys {keys}."),
    "wrong_shape": ("{what} 的形状是 {got}，应为 {expected}。", "{what} has shape {got}; expected {expected}."),
    "transposed": ("{what} 的形状是 {got}，应为 {expected}：看起来是转置了。",
                   "{what} has shape {got}; expected {expected}: it looks transposed."),
    "broadcast_shape": ("{what} 的形状是 {got}，应为 {expected}：注意 (n,) 与 (n,1) 的区别（例如 np.sum 少了 keepdims=True，或少了 reshape）。",
                        "{what} has shape {got}; expected {expected}: mind (n,) versus (n,1) (e.g. np.sum without keepdims=True, or a missing reshape)."),
    "not_finite": ("{what} 含有 NaN 或 Inf（{count} 个元素）。", "{what} contains NaN or Inf ({count} entries)."),
    "integer_dtype": ("{what} 是整数类型 {dtype}，数值被截断了。", "{what} has integer dtype {dtype}: values were truncated."),
    "sign_flipped": ("{what} 的符号反了。", "{what} has the wrong sign."),
    "factor": ("{what} 与正确结果相差一个常数因子（约 {factor}）。", "{what} is off by a constant factor (about {factor})."),
    "factor_named": ("{what} 与正确结果相差一个常数因子 {name}。", "{what} is off by a constant factor {name}."),
    "values_differ": ("{what} 的数值不正确：{bad} / {total} 个元素超出容差，最大相对误差 {rel:.2g}（位置 {index}）。",
                      "{what} has wrong values: {bad} of {total} entries are outside the tolerance, max relative error {rel:.2g} (at {index})."),
    "value_differs": ("{what} 的数值不正确（相对误差 {rel:.2g}）。", "{what} has a wrong value (relative error {rel:.2g})."),
    "values_differ_visible": ("{what} 的数值不正确：得到 {got}，应为 {expected}。",
                              "{what} has wrong values: got {got}, expected {expected}."),
    "not_equal": ("{what} 不正确。", "{what} is not correct."),
    "not_equal_visible": ("{what} 不正确：得到 {got}，应为 {expected}。", "{what} is not correct: got {got}, expected {expected}."),
    "gradient_check": ("{what} 与数值梯度不一致（相对误差 {rel:.2g}）：导数公式可能有误。",
                       "{what} disagrees with the numerical gradient (relative error {rel:.2g}): the derivative may be wrong."),
    # --- course mode --------------------------------------------------------------------------
    "course_no_directory": ("课程目录 {path} 不存在。", "The course directory {path} does not exist."),
    "unknown_assignment_named": ("没有名为 {assignment} 的作业（已有：{known}）。",
                                 "There is no assignment {assignment} (known: {known})."),
    "course_no_gradebook": ("{path} 中没有 gradebook.db：请先在课程目录中运行 `nbgrader generate_assignment {assignment}`。",
                            "{path} has no gradebook.db: run `nbgrader generate_assignment {assignment}` in the course directory first."),
    "course_assignment_not_in_gradebook": ("gradebook 中没有作业 {assignment}：请先在 {path} 中运行 `nbgrader generate_assignment {assignment}`。",
                                           "{assignment} is not in the gradebook: run `nbgrader generate_assignment {assignment}` in {path} first."),
    "course_no_submissions": ("{path}/*/{assignment}/ 下没有提交。", "There are no submissions in {path}/*/{assignment}/."),
    "course_no_such_student": ("学生 {student} 没有提交 {assignment}。", "Student {student} has no submission of {assignment}."),
    "course_extra_notebook": ("{student}：{file} 不是本作业的笔记本（应为 {expected}），未评分。",
                              "{student}: {file} is not a notebook of this assignment (expected {expected}); not graded."),
    "course_extra_notebooks_ignored": ("提交文件夹中的其他笔记本未评分：{files}。",
                                       "Other notebooks in the submission folder were not graded: {files}."),
    "course_missing_notebook": ("没有找到 {file}（文件夹中有：{found}）：笔记本必须保持原来的文件名，本笔记本记 0 分。",
                                "{file} was not found (the folder holds: {found}): a notebook must keep its name; it scores 0."),
    "course_interrupted": ("已中断：{done}/{total} 份提交已评分并保存，再次运行会继续评其余的。",
                           "Interrupted: {done} of {total} submissions were graded and stored; run again to grade the rest."),
    "course_summary": ("已评分 {graded} 份，跳过 {skipped} 份（已评分且未改动），失败 {failed} 份，用时 {seconds:.1f} 秒。",
                       "Graded {graded}, skipped {skipped} (graded and unchanged), failed {failed}, in {seconds:.1f} s."),
    "course_paths": ("反馈：{feedback}/学生/{assignment}/   评分后的笔记本：{autograded}/   gradebook：{gradebook}",
                     "feedback: {feedback}/STUDENT/{assignment}/   autograded: {autograded}/   gradebook: {gradebook}"),
    "course_failed": ("{count} 份提交无法评分（评分程序内部错误），未写入 gradebook：{students}",
                      "{count} submission(s) could not be graded (an internal grader error) and were not stored: {students}"),
    "course_submission_failed": ("无法为 {student} 评分（评分程序的问题，不是学生的）：{detail}",
                                 "Could not grade {student}'s submission (a problem of the grader, not the student's): {detail}"),
    "progress_grading": ("评分中", "grading"),
    "progress_line": ("已评分 {done}/{total}（每秒 {rate:.1f} 份，预计还需 {eta:.0f} 秒，失败 {failed}）",
                      "graded {done}/{total} ({rate:.1f}/s, about {eta:.0f} s left, {failed} failed)"),
    "student": ("学生", "student"),
    "hidden_test": ("（隐藏测试）", " (hidden test)"),
    # --- reports ----------------------------------------------------------------------------
    "isolation": ("隔离方式：{mode}", "Isolation: {mode}"),
    "isolation_bwrap": ("bubblewrap 沙箱（独立的 PID 与网络命名空间、只读系统、私有临时目录、非特权用户）",
                        "bubblewrap sandbox (own PID/network namespaces, read-only system, private scratch, unprivileged uid)"),
    "isolation_plain": ("普通工作进程（无沙箱）", "plain worker process (no sandbox)"),
    "isolation_in-process": ("在当前进程中运行（无隔离）", "in this process (no isolation)"),
    "total": ("总分", "Total"),
}


def text(key: str, lang: str = "zh", **params) -> str:
    """Render the engine message `key` (or a chapter check `check:chNN.name`) in `lang`."""
    if key.startswith("check:"):
        chapter, _, name = key[len("check:"):].partition(".")
        zh, en = importlib.import_module(f"autograder.messages.{chapter}").CHECKS[name]
    else:
        zh, en = ENGINE[key]
    template = en if lang == "en" else zh
    return template.format(**params)


def test_description(chapter: str, test_name: str, english: str, lang: str = "zh") -> str:
    """A grader's one-line description: its docstring in English, `TESTS[test_name]` of the
    chapter's message module in Chinese (the English one where a translation is missing)."""
    if lang == "en":
        return english
    try:
        module = importlib.import_module(f"autograder.messages.{chapter}")
    except ImportError:
        return english
    return getattr(module, "TESTS", {}).get(test_name, english)


def mistake_text(mistake_id: str, lang: str = "zh") -> str:
    """Render the catalogued mistake `chNN.function.name`."""
    chapter, _, rest = mistake_id.partition(".")
    module = importlib.import_module(f"autograder.messages.{chapter}")
    zh, en = module.MISTAKES[rest]
    return en if lang == "en" else zh
