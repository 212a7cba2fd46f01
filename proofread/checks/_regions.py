"""Regions of a text that rule checks leave alone: URLs, e-mail addresses, inline code."""

from __future__ import annotations

import bisect
import re

# A URL runs until whitespace or a CJK character / full-width mark; trailing ASCII
# punctuation is not part of it.
_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"
    r"|(?<![A-Za-z0-9])(?:[A-Za-z0-9\-]+\.)+(?:com|cn|org|net|gov|edu)(?:\.cn)?(?:/[A-Za-z0-9\-._~/?#=&%]*)?"
    r"|`[^`\n]+`",
    re.IGNORECASE,
)
# Substrings without which none of the regions can occur (cheap `in` tests).
_TRIGGERS = ("://", "www.", "WWW.", "@", "`", ".cn", ".com", ".org", ".net", ".gov", ".edu", ".CN", ".COM")


class Regions:
    """Sorted, non-overlapping ``[start, end)`` spans with a fast membership test."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` touches any region."""
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def skipped_regions(text: str) -> Regions:
    """URLs, e-mail addresses, domain names and `code` spans in ``text``."""
    if not any(t in text for t in _TRIGGERS):
        return Regions([])
    spans = []
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)'\"]":
            end -= 1
        spans.append((m.start(), end))
    return Regions(spans)
