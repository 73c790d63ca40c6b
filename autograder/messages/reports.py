"""Texts of the class report (`autograder course report`) and the Gradescope autograder
(`autograder gradescope`), in Simplified Chinese (default) and English."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # --- the class report ----------------------------------------------------------------------
    "report_title": ("{assignment}（{title}）班级报告", "Class report: {assignment}"),   # the titles are Chinese
    "report_graded": ("{course} 中已评分的 {graded} 名学生。", "{graded} graded students in {course}."),
    "report_ungraded": ("另有 {count} 份提交还没有评分结果（{students}）：先运行 `autograder course grade {assignment}`。",
                        "{count} more submission(s) have no results yet ({students}): run `autograder course grade {assignment}` first."),
    "report_unreadable": ("无法读取这些结果文件，未计入：{files}。", "These results files could not be read and are left out: {files}."),
    "report_scores": ("总分：平均 {mean:.1f}，中位数 {median:g}，最低 {min:g}，最高 {max:g}（满分 {max_score:g}）；"
                      "{full} 名学生满分，{zero} 名学生 0 分。",
                      "Total: mean {mean:.1f}, median {median:g}, lowest {min:g}, highest {max:g} (out of {max_score:g}); "
                      "{full} student(s) with full marks, {zero} with 0."),
    "report_distribution": ("分数分布", "Score distribution"),
    "report_distribution_caption": ("横轴：总分（满分 {max_score:g}）；纵轴：学生人数；虚线：平均分。",
                                    "Horizontal: total score (out of {max_score:g}); vertical: number of students; "
                                    "dashed line: the mean."),
    "report_functions": ("各函数得分", "Scores per function"),
    "report_functions_caption": ("左：各函数的平均得分率（%）；右：该函数得 0 分的学生比例（%）。",
                                 "Left: each function's mean score (% of its points); right: the share of students "
                                 "who scored 0 on it (%)."),
    "report_col_function": ("函数", "function"),
    "report_col_points": ("分值", "points"),
    "report_col_mean": ("平均分", "mean"),
    "report_col_mean_share": ("平均得分率", "mean %"),
    "report_col_zero": ("0 分的学生", "scored 0"),
    "report_col_full": ("满分的学生", "full marks"),
    "report_mistakes": ("常见错误（按学生人数排序）", "Named mistakes, by how many students made them"),
    "report_mistakes_intro": ("评分时识别出的目录中的错误；每名学生每种错误只计一次。",
                              "The catalogued mistakes grading recognised; each student counts once per mistake."),
    "report_mistake_line": ("{n} 名学生中有 {count} 名（{share:.0%}）在 {function} 中：{text}",
                            "{count} of {n} students ({share:.0%}) in {function}: {text}"),
    "report_mistakes_caption": ("每种错误的学生人数（标签为错误编号：函数.错误）。",
                                "Students per mistake (labels are the mistake ids: function.mistake)."),
    "report_no_mistakes": ("没有识别出目录中的错误。", "No catalogued mistake was recognised."),
    "report_other": ("其他失分原因", "Other reasons for lost points"),
    "report_other_intro": ("没有被识别为目录中错误的失分；每名学生每个函数每种原因只计一次。",
                           "Lost points not explained by a catalogued mistake; each student counts once per "
                           "function and reason."),
    "report_other_line": ("{n} 名学生中有 {count} 名（{share:.0%}）：{where}{reason}",
                          "{count} of {n} students ({share:.0%}): {where}{reason}"),
    "report_other_where": ("{function} ", "{function} "),
    "report_no_other": ("没有其他失分原因。", "No other reason for lost points."),
    "report_written": ("班级报告：{markdown}\n网页版：{html}", "Class report: {markdown}\nWeb page: {html}"),
    "report_no_results": ("{path}/*/{assignment}/ 下没有评分结果：请先运行 `autograder course grade {assignment}`。",
                          "There are no results in {path}/*/{assignment}/: run `autograder course grade {assignment}` first."),
    # why a student lost points when no catalogued mistake explains it (a failure's kind)
    "reason_unnamed": ("结果不正确（不是目录中的已知错误）", "wrong results (not a catalogued mistake)"),
    "reason_not_implemented": ("还没有实现（仍抛出 NotImplementedError）", "not implemented (still raises NotImplementedError)"),
    "reason_exception": ("调用时抛出异常", "raised an exception"),
    "reason_timeout": ("没有在时间限制内返回", "did not return in time"),
    "reason_memory": ("超出内存限制", "exceeded the memory limit"),
    "reason_crash": ("运行时进程崩溃", "crashed the worker process"),
    "reason_output_limit": ("打印的输出过多", "printed too much output"),
    "reason_missing_function": ("没有找到这个函数", "the function was not found"),
    "reason_missing_helper": ("它调用的函数没有定义", "a function it calls is not defined"),
    "reason_syntax_error": ("所在单元有语法错误", "a syntax error in its cell"),
    "reason_exit_called": ("调用了 sys.exit 等结束程序", "ended the program (sys.exit)"),
    "reason_unencodable": ("返回了无法评分的对象", "returned something that cannot be graded"),
    "reason_grader_error": ("评分程序内部错误（不是学生的错）", "an internal grader error (not the student's)"),
    "reason_missing_notebook": ("没有提交笔记本（或文件名不对）", "no notebook (or a renamed one) was submitted"),
    "reason_unreadable_notebook": ("笔记本文件无法读取", "the notebook file could not be read"),
    # --- the Gradescope autograder ---------------------------------------------------------------
    "gradescope_no_notebook": ("提交中没有找到笔记本 {expected}（提交的文件：{found}）。请上传 {expected}。",
                               "The submission has no notebook {expected} (files submitted: {found}). Upload {expected}."),
    "gradescope_several_notebooks": ("提交中有多个笔记本（{found}），但没有 {expected}：请只上传 {expected}。",
                                     "The submission holds several notebooks ({found}) but no {expected}: upload {expected} only."),
    "gradescope_other_name": ("提交中没有 {expected}，评分的是 {file}。", "The submission has no {expected}; {file} was graded."),
    "gradescope_built": ("已生成 {path}（{assignment}，{files} 个文件）。在 Gradescope 的编程作业中选择“Zip file upload”上传它。",
                         "Wrote {path} ({assignment}, {files} files). Upload it to a Gradescope programming assignment "
                         "(\"Zip file upload\")."),
}


def report_text(key: str, lang: str = "zh", **params) -> str:
    """Render the report or Gradescope text `key` in `lang`."""
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)
