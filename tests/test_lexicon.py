"""Dictionary files: format, defaults, errors that name file and line, context conditions."""

import pytest

import proofread
from proofread.errors import DictionaryError
from proofread.lexicon import read_dictionary


def write(tmp_path, text, name="d.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_plain_word_list_is_a_deny_list(tmp_path, bare):
    p = write(tmp_path, "赌博网站\n\n# 注释\n六合彩\n")
    fs = bare(user_dicts=[p]).check("某六合彩赌博网站")
    assert [(f.text, f.rule, f.category, f.severity) for f in fs] == [
        ("六合彩", "custom.deny", "sensitive", "error"),
        ("赌博网站", "custom.deny", "sensitive", "error"),
    ]


def test_full_entry_with_directives(tmp_path, bare):
    p = write(
        tmp_path,
        "@category phrasing\n@severity warning\n@rule phrasing.institution\n@title 机构旧名\n"
        "国家工商行政管理总局\t国家市场监督管理总局|市场监管总局\t已更名\tsource=2018改革\tskip_prefix=原|前\n",
    )
    lex = read_dictionary(p)
    (e,) = lex.entries
    assert e.suggestions == ("国家市场监督管理总局", "市场监管总局")
    assert (e.category, e.severity, e.rule, e.message, e.source) == (
        "phrasing", "warning", "phrasing.institution", "已更名", "2018改革")
    assert lex.rules["phrasing.institution"].title == "机构旧名"
    pr = bare(user_dicts=[p])
    assert [f.text for f in pr.check("国家工商行政管理总局发布")] == ["国家工商行政管理总局"]
    assert pr.check("原国家工商行政管理总局发布") == []
    assert pr.check("前国家工商行政管理总局") == []


def test_near_conditions(tmp_path, bare):
    p = write(
        tmp_path,
        "@category typo\n@rule typo.leader\n杜家豪\t杜家毫\tneed_near=省委书记|书记\twindow=6\n"
        "中澳\t\tskip_near=澳大利亚\n",
    )
    pr = bare(user_dicts=[p])
    assert [f.text for f in pr.check("省委书记杜家豪调研")] == ["杜家豪"]
    assert pr.check("演员杜家豪出演电影") == []
    assert pr.check("中澳两国，澳大利亚总理") == []
    assert [f.text for f in pr.check("中澳关系")] == ["中澳"]


def test_skip_suffix(tmp_path, bare):
    p = write(tmp_path, "国家海洋局\t自然资源部\tskip_suffix=牌子\n")
    pr = bare(user_dicts=[p])
    assert pr.check("对外保留国家海洋局牌子") == []
    assert len(pr.check("国家海洋局发布公告")) == 1


@pytest.mark.parametrize(
    "line,needle",
    [
        ("词\tseverity=fatal", "severity"),
        ("词\tcategory=spam", "category"),
        ("词\tcolour=red", "colour"),
        ("\t建议", "词条为空"),
        ("词\t建议\t说明\t多余", "多余"),
        ("词\twindow=abc", "window"),
        ("词\t词", "相同"),
        ("@bogus 1", "@bogus"),
    ],
)
def test_broken_lines_are_reported_with_file_and_line(tmp_path, line, needle):
    p = write(tmp_path, "好词\n" + line + "\n")
    with pytest.raises(DictionaryError) as exc:
        read_dictionary(p)
    (problem,) = exc.value.problems
    assert problem.startswith(f"{p}:2: ")
    assert needle in problem


def test_all_broken_lines_are_listed_and_proofreader_refuses(tmp_path):
    p = write(tmp_path, "词\tseverity=x\n好\n词2\tcategory=y\n")
    with pytest.raises(DictionaryError) as exc:
        proofread.Proofreader(user_dicts=[p], builtin=False, spelling=False)
    assert [x.split(": ")[0] for x in exc.value.problems] == [f"{p}:1", f"{p}:3"]


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(DictionaryError, match="无法读取"):
        read_dictionary(tmp_path / "nope.txt")
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("赌博".encode("gbk"))
    with pytest.raises(DictionaryError, match="UTF-8"):
        read_dictionary(bad)


def test_bom_and_crlf(tmp_path, bare):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff赌博\r\n六合彩\r\n".encode())
    assert [e.term for e in read_dictionary(p).entries] == ["赌博", "六合彩"]


def test_allow_category_entries_feed_the_allow_list(tmp_path, bare):
    p = write(tmp_path, "赌博\n禁止赌博\tcategory=allow\n")
    pr = bare(user_dicts=[p])
    assert pr.check("严禁禁止赌博") == []
    assert len(pr.check("赌博")) == 1


def test_duplicate_terms_most_severe_wins(tmp_path, bare):
    a = write(tmp_path, "赌博\tseverity=info\trule=x.low\n", "a.txt")
    b = write(tmp_path, "賭博\tseverity=error\trule=x.high\n", "b.txt")
    for order in ([a, b], [b, a]):
        (f,) = bare(user_dicts=order).check("赌博")
        assert f.rule == "x.high"


def test_rule_enabled_off_needs_select(tmp_path, bare):
    p = write(tmp_path, "@category ad\n@rule ad.superlative\n@enabled off\n最佳\n")
    assert bare(user_dicts=[p]).check("最佳选择") == []
    assert len(bare(user_dicts=[p], select=["ad"]).check("最佳选择")) == 1


def test_select_and_ignore_by_category_rule_and_prefix(tmp_path, bare):
    p = write(tmp_path, "@category typo\n@rule typo.common\n按装\t安装\n@category sensitive\n@rule sensitive.gambling\n赌博\n")
    text = "按装赌博"
    assert {f.rule for f in bare(user_dicts=[p]).check(text)} == {"typo.common", "sensitive.gambling"}
    assert {f.rule for f in bare(user_dicts=[p], select=["typo"]).check(text)} == {"typo.common"}
    assert {f.rule for f in bare(user_dicts=[p], ignore=["sensitive"]).check(text)} == {"typo.common"}
    assert {f.rule for f in bare(user_dicts=[p], select=["sensitive.gambling"]).check(text)} == {"sensitive.gambling"}
    assert {f.rule for f in bare(user_dicts=[p], ignore=["typo.com"]).check(text)} == {
        "typo.common", "sensitive.gambling"}  # a prefix selects only at a dot boundary
