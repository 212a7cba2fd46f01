from checks_helpers import found, spans_property, text_from
from hypothesis import given, settings

from proofread.checks import punctuation


def test_unclosed_title_and_quote():
    text = "市政府印发《关于做好2024年安全生产工作的通知，要求各地“压实责任。"
    assert found(punctuation, text) == [("punctuation.unpaired", "《"), ("punctuation.unpaired", "“")]


def test_stray_closer_and_wrong_quote():
    assert found(punctuation, "各单位要认真落实》的要求。") == [("punctuation.unpaired", "》")]
    # The second “ was typed for ”.
    fs = list(punctuation.check("开展“双随机“检查。"))
    assert [(f.text, f.start, f.suggestions) for f in fs] == [("“", 6, ("”",))]
    assert found(punctuation, "实施“十四五’规划") == [("punctuation.unpaired", "’")]


def test_crossed_marks():
    assert found(punctuation, "学习《关于“三农（工作）》的意见”") == [
        ("punctuation.unpaired", "“"),
        ("punctuation.unpaired", "”"),
    ]


def test_quotation_over_paragraphs_and_wrapped_titles():
    assert found(punctuation, "他指出：“第一段内容。\r\n“第二段内容。”") == []
    assert found(punctuation, "北京市实施《中华人民共和国\n反恐怖主义法》办法") == []


def test_half_width_marks():
    text = "各单位要高度重视,认真落实;时间:2024年3月,地点(市政府)。是否完成?"
    assert [t for _, t in found(punctuation, text, "punctuation.half-width")] == [",", ";", ":", ",", "(", ")", "?"]


def test_half_width_left_alone():
    text = (
        "圆周率约为3.14，会议10:30开始，共1,000人。Hello, world! It's fine (really).\n"
        "详见 https://www.gov.cn/a,b;c:d 和 `x = f(a, b);`。PM2.5浓度下降。"
    )
    assert found(punctuation, text) == []


def test_half_width_as_house_style_is_not_flooded():
    text = "（一）县(处)级干部(含)以上，(二)区(县)政府，(三)街道(乡镇)。"
    assert found(punctuation, text, "punctuation.half-width") == []


def test_doubled_marks():
    text = "请认真组织学习。。各部门，，各单位、、要落实！！是否完成？。"
    fs = [(f.text, f.suggestions) for f in punctuation.check(text)]
    assert fs == [("。。", ("。",)), ("，，", ("，",)), ("、、", ("、",)), ("？。", ("？",))]


def test_nested_title_and_quote():
    text = "印发《关于贯彻落实《中华人民共和国安全生产法》的实施意见》。"
    fs = list(punctuation.check(text))
    assert [(f.rule, f.text, f.suggestions) for f in fs] == [
        ("punctuation.nested-title", "《中华人民共和国安全生产法》", ("〈中华人民共和国安全生产法〉",))
    ]
    assert found(punctuation, "他说：“要落实“放管服”改革。”") == [("punctuation.nested-title", "“放管服”")]
    assert found(punctuation, "印发《关于贯彻落实〈中华人民共和国安全生产法〉的实施意见》。") == []


def test_web_furniture_arrows():
    assert found(punctuation, "》》点击图片进入专题《《") == []


def test_clean_text():
    text = (
        "一、总体要求\r\n"
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。"
        "深入学习《中华人民共和国安全生产法》，落实“三管三必须”要求（见附件1）。\r\n"
        "他说：“我们要把‘放管服’改革推向深入。”……总之，要抓好落实！"
    )
    assert found(punctuation, text) == []


test_spans_are_exact = spans_property(punctuation, ["《", "》", "〈", "〉", "“", "”", "‘", "’", "(", ")", ",", ".", ":", "?", "。。", "，，", "中文", "ab", "3.14", "http://a.cn/x"], 300)


def test_year_abbreviation_is_not_a_quote():
    assert found(punctuation, "办好“中国’99昆明世界园艺博览会”。") == []


@settings(max_examples=400, deadline=None)
@given(text_from(["《", "》", "〈", "〉", "“", "”", "‘", "’", "（", "）", "(", ")", "【", "】", "字", "\n"]))
def test_fast_path_agrees_with_the_full_matcher(text):
    from proofread.checks._regions import skipped_regions

    skip = skipped_regions(text)
    assert list(punctuation._pairs(text, skip)) == list(punctuation._match_pairs(text, skip))


def test_third_level_titles_go_back_to_double_marks():
    text = "《关于修改〈青岛市实施《中华人民共和国水法》办法〉的决定》"
    assert found(punctuation, text) == []
    assert found(punctuation, "他说：“老师讲‘要写“好”字’。”") == []


def test_ascii_double_quotes_around_chinese():
    fs = list(punctuation.check('开展"双随机、一公开"监管。'))
    assert [(f.text, f.suggestions) for f in fs] == [('"', ("“",)), ('"', ("”",))]
    assert found(punctuation, 'He said "hello" to me. 配置项 key="value"') == []


def test_doubled_title_marks():
    assert found(punctuation, "学习《《中华人民共和国宪法》》。") == [
        ("punctuation.doubled", "《《"),
        ("punctuation.doubled", "》》"),
    ]
