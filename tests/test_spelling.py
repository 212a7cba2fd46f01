"""Behaviour of the statistical spelling corrector (proofread.spelling).

The sentences here are written for these tests; none is copied from the evaluation sets.
"""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")

from hypothesis import given, settings
from hypothesis import strategies as st

from proofread.rules import Rule
from proofread.spelling import RULES, SpellingCorrector


@pytest.fixture(scope="module")
def corrector() -> SpellingCorrector:
    return SpellingCorrector.default()


def test_rules_are_typo_rules():
    assert RULES and all(isinstance(r, Rule) for r in RULES)
    assert all(r.category == "typo" and r.id.startswith("typo.spelling") for r in RULES)


def test_default_is_shared():
    assert SpellingCorrector.default() is SpellingCorrector.default()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚持扫黑险恶常态化，推动平安建设。", "坚持扫黑除恶常态化，推动平安建设。"),
        ("进一步完善发展机智，激发市场活力。", "进一步完善发展机制，激发市场活力。"),
        ("庆祝中华人民共合国成立七十周年。", "庆祝中华人民共和国成立七十周年。"),
        ("市人民攻府办公室印发了通知。", "市人民政府办公室印发了通知。"),
        ("加强党风廉正建设。", "加强党风廉政建设。"),
    ],
)
def test_obvious_typos_are_corrected(corrector, text, expected):
    assert corrector.correct(text) == expected
    findings = corrector.check(text)
    assert findings, text
    f = findings[0]
    assert f.category == "typo" and f.rule.startswith("typo.spelling")
    assert f.fixable and 0.0 <= f.confidence <= 1.0
    assert text[: f.start] + f.suggestions[0] + text[f.end :] == expected


CLEAN = [
    "要全面落实安全生产责任制，坚决遏制重特大事故发生。",
    "今年以来，我市经济运行总体平稳，稳中有进。",
    "加快建设现代化经济体系，推动经济高质量发展。",
    "各级人民政府应当加强对本行政区域内河道的管理和保护。",
    "县人民代表大会常务委员会听取和审议了县人民政府关于财政预算执行情况的报告。",
    "坚持以人民为中心的发展思想，扎实推进共同富裕。",
    "市场监督管理部门依法对违法行为进行查处，并向社会公布处理结果。",
    "本条例自2024年1月1日起施行。",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_official_sentences_unchanged(corrector, text):
    assert corrector.correct(text) == text
    assert corrector.check(text) == []


NEWS_WITH_NAMES = [
    "本报讯（通讯员 钟燕琳）近日，县里召开乡村振兴工作推进会。",
    "芜湖市湾沚区六郎镇党委书记介绍，全镇粮食生产实现稳中有增。",
    "记者郝丽艳从西安市鄠邑区获悉，当地今年新建高标准农田两万亩。",
    "乌克兰总统泽连斯基当天会见了到访的法国总统马克龙。",
]


@pytest.mark.parametrize("text", NEWS_WITH_NAMES)
def test_names_and_places_in_news_are_left_alone(corrector, text):
    assert corrector.check(text, threshold=0.3) == []


def test_protected_span_is_never_touched(corrector):
    text = "坚持扫黑险恶常态化，推动平安建设。"
    start = text.index("险")
    assert corrector.check(text, protected=[(start - 2, start + 2)]) == []
    assert corrector.correct(text, protected=[(start, start + 1)]) == text


def test_quoted_title_is_protected(corrector):
    text = "学习《坚持扫黑险恶常态化》一文。"
    assert corrector.check(text, threshold=0.0) == []
    assert corrector.correct(text) == text


def test_protected_span_out_of_range_is_an_error(corrector):
    with pytest.raises(ValueError, match="outside"):
        corrector.check("扫黑险恶", protected=[(0, 10)])
    with pytest.raises(ValueError, match="outside"):
        corrector.check("今年经济运行总体平稳。", protected=[(-1, 2)])


def test_threshold_filters_by_confidence(corrector):
    text = "坚持扫黑险恶常态化，进一步完善发展机智，不断增进民生福址。"
    low = corrector.check(text, threshold=0.0)
    high = corrector.check(text, threshold=0.9)
    assert len(high) <= len(low)
    assert all(f.confidence >= 0.9 for f in high)
    assert all(not f.fixable for f in low if f.confidence < corrector.params.fix_threshold)


def test_offsets_exact_around_astral_chars_and_crlf(corrector):
    text = "𠮷\r\n坚持扫黑险恶常态化。\r\n😀进一步完善发展机智。"
    findings = corrector.check(text)
    assert {f.text for f in findings} == {"险", "智"}
    for f in findings:
        assert text[f.start : f.end] == f.text
    assert corrector.correct(text) == "𠮷\r\n坚持扫黑除恶常态化。\r\n😀进一步完善发展机制。"


def test_digits_and_latin_are_not_corrected(corrector):
    text = "GDP增长5.2%，CPI上涨0.2%。"
    assert all(not any(ch.isascii() for ch in f.text) for f in corrector.check(text, threshold=0.0))


_ALPHABET = st.sampled_from(
    list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    )
    + list("𠮷😀\r\n ，。《》AB12\udc80")
)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_offset_invariant_property(text):
    corrector = SpellingCorrector.default()
    findings = corrector.check(text, threshold=0.0)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert len(f.suggestions[0]) == len(f.text)
    fixed = corrector.correct(text)
    assert len(fixed) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, fixed)) if a != b] == sorted(
        i for f in findings if f.fixable for i in range(f.start, f.end)
    )


def test_statistical_findings_never_block_publishing_by_default():
    import proofread

    fs = [f for f in proofread.check("全面推进乡村振心战略，各地要加快发展大数局产业。") if f.rule == "typo.spelling"]
    assert fs, "the corrector should flag 大数局"
    assert {f.severity for f in fs} == {"warning"}
