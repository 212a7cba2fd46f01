"""The deny/allow matching contract (issue 2, section 3), through the public API."""

import pytest


def spans(p, text):
    fs = p.check(text)
    for f in fs:
        assert text[f.start : f.end] == f.text
    return [(f.start, f.end, f.text) for f in fs]


def test_basic_and_leftmost_longest(bare):
    p = bare(deny=["敏感", "敏感词", "词汇"])
    assert spans(p, "这是敏感词汇") == [(2, 5, "敏感词")]


def test_order_and_duplicates_do_not_matter(bare):
    a = spans(bare(deny=["敏感词", "敏感", "敏感词", "ＳＢ"]), "敏感词和SB")
    b = spans(bare(deny=["sb", "敏感", "敏感词"]), "敏感词和SB")
    assert a == b == [(0, 3, "敏感词"), (4, 6, "SB")]


@pytest.mark.parametrize("text", ["", "没有问题的文本"])
def test_empty_inputs(bare, text):
    assert bare(deny=["敏感词"]).check(text) == []
    assert bare().check(text or "敏感词") == []


def test_empty_and_blank_words_are_ignored(bare):
    assert bare(deny=["", "  "]).check("任何文本") == []


@pytest.mark.parametrize(
    "word,text,expected",
    [
        ("sb", "你是ＳＢ啊", "ＳＢ"),  # full width
        ("SB", "你是sb啊", "sb"),  # case
        ("sb", "你是ⓢⓑ啊", "ⓢⓑ"),  # circled
        ("sb", "你是⒮⒝啊", "⒮⒝"),  # parenthesised
        ("词语", "這個詞語", "詞語"),  # traditional text, simplified word
        ("紅色", "红色通知", "红色"),  # traditional word, simplified text
        ("發票", "代开发票", "发票"),
    ],
)
def test_folding(bare, word, text, expected):
    assert [s[2] for s in spans(bare(deny=[word]), text)] == [expected]


def test_length_changing_unicode_does_not_shift_offsets(bare):
    text = "ßİ㍿ÅﬁＡ赌博网站"
    assert spans(bare(deny=["赌博网站"]), text) == [(6, 10, "赌博网站")]
    text2 = "e\u0301\u0301赌博"
    assert spans(bare(deny=["赌博"]), text2) == [(3, 5, "赌博")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("赌\u200b博", "赌\u200b博"),
        ("赌 博", "赌 博"),
        ("赌\u3000博", "赌\u3000博"),
        ("赌*-*博", "赌*-*博"),
        ("赌\ufeff\u200c\u200d博", "赌\ufeff\u200c\u200d博"),
        (" 赌博 ", "赌博"),  # noise outside the word is never part of the span
    ],
)
def test_noise_inside_word_is_skipped_and_reported(bare, text, expected):
    assert [s[2] for s in spans(bare(deny=["赌博"]), text)] == [expected]


@pytest.mark.parametrize("text", ["赌，博", "赌。博", "赌、博", "赌《博", "赌“博", "赌！博", "赌（博", "赌…博", "赌\n博"])
def test_cjk_punctuation_is_not_noise(bare, text):
    assert bare(deny=["赌博"]).check(text) == []


def test_repeated_characters_count_once(bare):
    assert spans(bare(deny=["敏感词"]), "敏敏感感词") == [(0, 5, "敏敏感感词")]
    # the match ends at the first occurrence of its last character
    assert spans(bare(deny=["敏感词"]), "敏感词词词") == [(0, 3, "敏感词")]
    assert spans(bare(deny=["赌博"]), "赌赌 赌博博") == [(0, 5, "赌赌 赌博")]


def test_words_with_doubled_characters_match_literally(bare):
    p = bare(deny=["拜拜"])
    assert spans(p, "说拜拜") == [(1, 3, "拜拜")]
    assert spans(p, "拜访") == []
    assert spans(bare(deny=["范冰冰"]), "范冰和范冰冰") == [(3, 6, "范冰冰")]


def test_shorter_word_found_when_longest_needs_more_repeats(bare):
    assert spans(bare(deny=["谢谢你", "谢"]), "谢你") == [(0, 1, "谢")]


def test_allow_covering_suppresses(bare):
    p = bare(deny=["赌博"], allow=["禁止赌博"])
    assert spans(p, "严厉禁止赌博") == []
    assert spans(p, "网络赌博") == [(2, 4, "赌博")]


def test_allow_inside_deny_does_not_suppress(bare):
    p = bare(deny=["赌博网站"], allow=["赌博"])
    assert spans(p, "某赌博网站") == [(1, 5, "赌博网站")]


def test_allow_is_normalised_too(bare):
    p = bare(deny=["赌博"], allow=["禁止賭博"])
    assert spans(p, "严厉禁止 赌博") == []


@pytest.mark.parametrize(
    "text,fires",
    [
        ("你是sb啊", True),
        ("Disburse", False),
        ("sb", True),
        ("a sb b", True),
        ("sba", False),
        ("asb", False),
        ("(sb)", True),
        ("你是ＳＢ啊", True),
        ("ⓐsb", False),
        ("sb1", True),
    ],
)
def test_latin_words_need_boundaries(bare, text, fires):
    assert bool(bare(deny=["sb"]).check(text)) is fires


def test_latin_phrase_with_space(bare):
    p = bare(deny=["free gift"])
    assert spans(p, "get FREE-gift now") == [(4, 13, "FREE-gift")]
    assert spans(p, "freegifts") == []


def test_astral_characters_keep_offsets(bare):
    text = "😀😀𠀀赌博𠀁"
    assert spans(bare(deny=["赌博"]), text) == [(3, 5, "赌博")]
    assert spans(bare(deny=["𠀀赌"]), text) == [(2, 4, "𠀀赌")]


def test_custom_deny_metadata(bare):
    (f,) = bare(deny=["赌博"]).check("网络赌博")
    assert (f.category, f.rule, f.severity) == ("sensitive", "custom.deny", "error")
    assert f.message
    assert f.to_dict()["text"] == "赌博"


def test_lone_surrogates_do_not_crash(bare):
    p = bare(deny=["赌博"], allow=["禁止赌博"])
    assert spans(p, "\udc80赌博") == [(1, 3, "赌博")]
    assert spans(p, "赌\udc80博") == []
    assert spans(p, "禁止赌博\ud800") == []


def test_user_words_are_their_own_layer():
    """Shipped dictionaries never hide, swallow or relabel the user's own deny words."""
    import proofread

    p = proofread.Proofreader(deny=["人民", "赌博", "共合"], spelling=False)
    found = {(f.start, f.end, f.rule) for f in p.check("中华人民共和国，某赌博网站，中华人民共合国")}
    # 中华人民共和国 is on the shipped allow list, but that list only covers shipped entries.
    assert (2, 4, "custom.deny") in found
    # A longer shipped entry (赌博网站) does not swallow the user's 赌博.
    assert (9, 11, "custom.deny") in found
    # Both layers report their own match: the shipped severe-name typo and the user's word.
    assert (18, 20, "custom.deny") in found
    assert (14, 21, "typo.severe-name") in found


def test_same_span_from_both_layers_is_reported_once_as_the_users():
    import proofread

    p = proofread.Proofreader(deny=["中华人民共合国"], spelling=False)
    fs = [f for f in p.check("中华人民共合国") if f.start == 0 and f.end == 7]
    assert [f.rule for f in fs] == ["custom.deny"]


def test_user_allow_covers_shipped_entries():
    import proofread

    assert [f for f in proofread.Proofreader(spelling=False).check("中华人民共合国") if f.rule.startswith("typo.severe")]
    p = proofread.Proofreader(allow=["中华人民共合国"], spelling=False)
    assert [f for f in p.check("中华人民共合国") if f.rule.startswith("typo.severe")] == []
