"""Property: every finding's span is the caller's text, whatever the text holds."""

from conftest import check_rule_ids
from hypothesis import given, settings
from hypothesis import strategies as st

import proofread

WORDS = ["赌博", "敏感词", "sb", "發票", "谢谢", "中华人民共合国"]
PIECES = st.sampled_from(
    [*WORDS, "紅", "SB", "ｓｂ", "\u200b", " ", "\u3000", "*", "，", "。", "😀", "𠀀", "ß", "İ", "\r\n", "e\u0301", "赌", "博", "\udc80", "\x00", "\t"]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=30).map("".join)
# Dictionary matches never overlap; rule checks (typo.duplicate on 赌博赌博) may overlap them.
_P = proofread.Proofreader(deny=WORDS, allow=["禁止赌博"], builtin=False, spelling=False, ignore=check_rule_ids())


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_spans_are_exact(text):
    last_end = -1
    for f in _P.check(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= last_end  # non-overlapping
        last_end = f.end


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_default_proofreader_spans_are_exact(text):
    for f in proofread.check(text):
        assert text[f.start : f.end] == f.text


NOISY = st.lists(
    st.sampled_from(["赌", "博", "网", "站", "sb", "S", "b", " ", "\u200b", "*", "，", "😀", "谢", "\n"]), max_size=40
).map("".join)


@settings(max_examples=400, deadline=None)
@given(NOISY)
def test_hot_path_agrees_with_reference_mapping(text):
    from proofread.matcher import TermMatcher
    from proofread.text import normalise

    words = ["赌博", "博网", "赌博网站", "网站", "谢谢", "sb"]
    m = TermMatcher((w, w) for w in words)
    view = normalise(text)
    got = m.find(view)
    for start, end, ks, ke, value in got:
        assert start == view.to_original(ks)
        runs = len(value) - len(set(value)) if value == "谢谢" else 0
        assert end == view.to_original(ke - 1, runs) + 1
        assert text[start:end].replace(" ", "").replace("\u200b", "").replace("*", "") != ""


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="紅發詞ABCａＺⓐ中文，。 ", max_size=20), st.integers(1, 40))
def test_fold_fast_path_equals_translate(chunk, times):
    from proofread.text import fold, fold_table

    text = chunk * times
    assert fold(text) == text.translate(fold_table())
    assert len(fold(text)) == len(text)
