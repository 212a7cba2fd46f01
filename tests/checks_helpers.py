"""Helpers shared by the rule-check tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


def found(module, text: str, rule: str | None = None) -> list[tuple[str, str]]:
    """(rule, text) of every finding, after checking each span is exact."""
    out = []
    for f in module.check(text):
        assert text[f.start:f.end] == f.text, f
        if rule is None or f.rule == rule:
            out.append((f.rule, f.text))
    return out


def text_from(pieces: list[str]) -> st.SearchStrategy[str]:
    """Texts assembled from domain pieces plus awkward characters (astral, CRLF, combining)."""
    extra = ["😀", "𠀀", "\r\n", "\n", "e\u0301", "\u3000", " ", "，", "。", "“", "”", "《", "》", "（", "）",
             "\udc80", "\x00", "\t", "發"]
    return st.lists(st.one_of(st.sampled_from(pieces + extra), st.text(max_size=3)), max_size=25).map("".join)


def spans_property(module, pieces: list[str], examples: int = 300):
    """A hypothesis test: on texts built from ``pieces``, every finding's span is exact."""

    @settings(max_examples=examples, deadline=None)
    @given(text_from(pieces))
    def test(text: str) -> None:
        found(module, text)

    return test
