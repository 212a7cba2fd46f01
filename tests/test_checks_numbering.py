from checks_helpers import found, spans_property

from proofread.checks import numbering
from proofread.checks.numbering import chinese_integer


def test_chinese_integer():
    assert [chinese_integer(s) for s in ("一", "十", "十二", "二十", "一百零五", "一百一十", "两")] == [1, 10, 12, 20, 105, 110, 2]
    assert chinese_integer("二三") is None


def test_gap_in_top_level_headings():
    text = "一、总体要求\n坚持稳中求进。\n二、主要任务\n加强监管。\n四、保障措施\n加强组织领导。"
    fs = list(numbering.check(text))
    assert [(f.text, f.suggestions) for f in fs] == [("四、", ("三、",))]
    assert "缺少“三、”" in fs[0].message


def test_nested_levels_reset_under_new_parent():
    text = (
        "一、总体要求\n（一）指导思想\n（二）基本原则\n1. 坚持人民至上\n2. 坚持系统观念\n"
        "二、重点任务\n（一）加强监管\n1.压实责任\n2.强化执法\n（二）完善制度\n1.健全标准\n"
        "三、保障措施\n（一）加强领导\n（二）强化考核\n（三）营造氛围"
    )
    assert found(numbering, text) == []


def test_gaps_and_repeats_in_sub_levels():
    text = "一、工作任务\n（一）摸底排查\n（二）集中整治\n（四）巩固提升\n1.一是\n2.二是\n2.三是\n（1）细则\n（3）细则"
    assert [t for _, t in found(numbering, text)] == ["（四）", "2.", "（3）"]


def test_articles_run_across_chapters():
    text = "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 适用范围。\n第二章 管理\n第三条 职责。\n第五条 监督。"
    assert found(numbering, text) == [("format.numbering", "第五条")]


def test_items_inside_articles_restart():
    text = "第一条 下列情形：\n（一）甲；\n（二）乙。\n第二条 下列情形：\n（一）丙；\n（三）丁。"
    assert found(numbering, text) == [("format.numbering", "（三）")]


def test_circled_and_reversed():
    assert [t for _, t in found(numbering, "①甲\n②乙\n④丁")] == ["④"]
    assert [t for _, t in found(numbering, "一、甲\n二、乙\n三、丙\n五、戊\n四、丁")] == ["五、", "四、"]


def test_not_headings():
    text = (
        "一是加强领导，二是强化落实。\n1、2月份全市经济平稳。\n2024.3.1起施行。\n"
        "3.5万人次参加。\n本条例第三条、第五条规定。\n二、三级医院各5家。"
    )
    assert found(numbering, text) == []


def test_restart_for_a_second_list_or_document():
    text = "一、甲\n二、乙\n三、丙\n附件\n一、甲\n二、乙\n第一条 甲\n第二条 乙\n第一条 新的办法"
    assert found(numbering, text) == []


def test_clean_notice():
    text = (
        "关于开展2024年安全生产大检查的通知\r\n各区人民政府：\r\n一、检查范围\r\n全市各类生产经营单位。\r\n"
        "二、检查内容\r\n（一）责任落实情况。\r\n（二）隐患排查情况。\r\n三、工作要求\r\n"
        "1.高度重视。\r\n2.强化督导。\r\n3.及时报送。\r\n"
    )
    assert found(numbering, text) == []


test_spans_are_exact = spans_property(numbering, ["\n一、", "\n二、", "\n四、", "\n（一）", "\n（三）", "\n1.", "\n3.", "\n第一条 ", "\n第三条 ", "\n①", "\n③", "\n第十章 "], 300)


def test_inline_enumerations():
    text = "做好三方面工作：一是加强领导；二是压实责任；四是强化考核。第一，提高认识。第二，加强领导。第二，抓好落实。"
    assert [t for _, t in found(numbering, text)] == ["四是", "第二，"]
    assert found(numbering, "唯一是他，统一是前提。一是甲。二是乙。\n一是丙。二是丁。") == []


def test_crlf_line_ends():
    text = "第一章 总则\r\n第一条 甲\r\n第二章\r\n第二条 乙\r\n第四条 丙\r\n第四章\r\n"
    fs = list(numbering.check(text))
    assert [(f.text, text[f.start:f.end]) for f in fs] == [("第四条", "第四条"), ("第四章", "第四章")]
