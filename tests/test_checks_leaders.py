import datetime

from checks_helpers import found, spans_property

from proofread.checks import leaders


def test_shipped_data_loads():
    tenures = leaders.load_leaders()
    premier = [t for t in tenures if t.title == "国务院总理"]
    assert {t.name for t in premier} == {"李强", "李克强"}
    assert any(t.name == "李克强" and t.end == datetime.date(2023, 3, 11) for t in premier)


def test_title_never_held():
    assert found(leaders, "国务院总理习近平主持召开国务院常务会议。") == [("phrasing.leader-title", "国务院总理习近平")]
    assert found(leaders, "李强主席会见外宾。") == [("phrasing.leader-title", "李强主席")]


def test_title_no_longer_held_at_document_date():
    text = "李克强总理在政府工作报告中指出，要优化营商环境。\n\n某某市人民政府办公室\n2025年3月20日"
    fs = list(leaders.check(text))
    assert [(f.text, f.severity) for f in fs] == [("李克强总理", "error")]
    assert "李强" in fs[0].message
    assert found(leaders, "韩正副总理调研时强调。2024年5月1日") == [("phrasing.leader-title", "韩正副总理")]


def test_historical_references_are_fine():
    text = (
        "2019年，李克强总理在政府工作报告中提出减税降费。原国务院总理李克强同志逝世。"
        "时任国务院副总理韩正出席。\n2025年3月20日"
    )
    assert found(leaders, text) == []


def test_undated_text_accepts_past_titles():
    assert found(leaders, "李克强总理指出，要持续优化营商环境。") == []


def test_current_titles():
    text = (
        "国家主席习近平、国务院总理李强、全国人大常委会委员长赵乐际、全国政协主席王沪宁出席。"
        "习近平总书记强调，国家副主席韩正、国务院副总理丁薛祥、何立峰出席。王沪宁主席主持。\n2025年3月5日"
    )
    assert found(leaders, text) == []


def test_titles_that_are_not_adjacent_or_other_posts():
    text = "大会主席团常务主席赵乐际主持会议。李强同志、赵乐际同志出席。\n2025年3月5日"
    assert found(leaders, text) == []


def test_updated_file_is_used(tmp_path):
    p = tmp_path / "leaders.tsv"
    p.write_text("# test\nname\ttitle\tfrom_date\tto_date\tsource\n张三\t国务院总理\t2030-03-11\t\tx\n", encoding="utf-8")
    assert [t.name for t in leaders.load_leaders(p)] == ["张三"]


test_spans_are_exact = spans_property(leaders, ["国务院总理", "李克强", "李强", "总理", "主席", "原", "2025年3月5日", "2019年", "习近平"], 150)


def test_a_meeting_date_in_another_paragraph_does_not_date_the_title():
    text = "一、会议时间\n2020年11月19日上午9时。\n二、会议内容\n传达学习李克强总理重要讲话精神。\n某某县人民政府办公室\n2025年11月10日"
    assert found(leaders, text) == [("phrasing.leader-title", "李克强总理")]
    dateline = "2022年3月5日在第十三届全国人民代表大会第五次会议上\n国务院总理李克强\n各位代表：\n2025年1月1日"
    assert found(leaders, dateline) == []
