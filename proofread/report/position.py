"""Line and column numbers for string offsets (1-based, columns count characters)."""

from __future__ import annotations

from bisect import bisect_right

CONTEXT_CHARS = 20  # characters of context on each side of a finding


def context_window(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[str, int]:
    """Up to CONTEXT_CHARS around ``text[start:end]`` within ``text[lo:hi]``, and where the span
    starts inside that window."""
    a = max(lo, start - CONTEXT_CHARS)
    b = min(len(text) if hi is None else hi, end + CONTEXT_CHARS)
    return text[a:b], start - a


class LineIndex:
    """Maps a str offset to (line, column); ``\\r\\n``, ``\\n`` and lone ``\\r`` end lines."""

    def __init__(self, text: str):
        starts = [0]
        i = 0
        n = len(text)
        while True:
            j = text.find("\n", i)
            k = text.find("\r", i, j if j >= 0 else n)
            if k >= 0 and (k + 1 >= n or text[k + 1] != "\n"):
                starts.append(k + 1)
                i = k + 1
                continue
            if j < 0:
                break
            starts.append(j + 1)
            i = j + 1
        self._starts = starts
        self._text = text

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r\n")
