from checks_helpers import found, spans_property

from proofread.checks import variant


def test_traditional_characters_in_simplified_text():
    text = "市人民政府關於做好防汛工作的通知\r\n各區要加强值守，確保安全。"
    fs = list(variant.check(text))
    assert [(f.text, f.suggestions) for f in fs] == [("關於", ("关于",)), ("區", ("区",)), ("確", ("确",))]
    assert all(text[f.start:f.end] == f.text for f in fs)


def test_phrase_aware_and_standard_characters():
    text = "乾隆年间的著作，瞭望塔，获益甚夥，拚搏奋斗，开展二噁英监测，保护白鱀豚，面积覆盖全市。"
    assert found(variant, text) == []


def test_traditional_page_titles_and_quotes_left_alone():
    page = "香港特別行政區政府今日公布，全港各區的防疫措施將於下星期一起放寬，市民須繼續佩戴口罩。"
    assert found(variant, page) == []
    assert found(variant, "台湾地区出版的《紅樓夢》研究专著，题为「國學論叢」。") == []


def test_short_heading_is_still_checked():
    assert found(variant, "什麼是") == [("variant.traditional", "麼")]


def test_clean_text():
    assert found(variant, "国务院关于进一步优化营商环境的意见。乾坤朗朗，著名学者。") == []


test_spans_are_exact = spans_property(variant, ["關於", "國", "乾隆", "《紅樓夢》", "简体", "「書」", "鮡"], 150)
