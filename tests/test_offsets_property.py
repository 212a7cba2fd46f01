"""Property: every finding's span is the caller's text, whatever the text holds."""

from hypothesis import given, settings
from hypothesis import strategies as st

import proofread

WORDS = ["赌博", "敏感词", "sb", "發票", "谢谢", "中华人民共合国"]
PIECES = st.sampled_from(
    [*WORDS, "紅", "SB", "ｓｂ", "\u200b", " ", "\u3000", "*", "，", "。", "😀", "𠀀", "ß", "İ", "\r\n", "e\u0301", "赌", "博"]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=30).map("".join)
_P = proofread.Proofreader(deny=WORDS, allow=["禁止赌博"], builtin=False, spelling=False)


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
