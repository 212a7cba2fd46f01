"""Normalisation with an exact offset map back to the caller's string.

Three layers, each cheap and each keeping a way back to original indices:

1. ``fold``: one character to one character (ASCII case, full-width ASCII, circled and
   parenthesised Latin letters, traditional → simplified). Same length, same indices.
2. noise removal: zero-width/format characters, spaces and ASCII symbols are dropped
   (decided on the *original* character, so full-width ，！ stay: they are CJK punctuation).
3. run collapse: a run of one repeated character becomes one character that remembers
   how long the run was.

Mappings are stored as breakpoints (one per noise run or repeat run), not per character,
so text without noise or repeats costs nothing beyond two C-level passes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _latin_folds() -> dict[int, int]:
    table: dict[int, int] = {}
    for i in range(26):
        lower = ord("a") + i
        table[ord("A") + i] = lower
        table[0xFF21 + i] = lower  # Ａ
        table[0xFF41 + i] = lower  # ａ
        table[0x24B6 + i] = lower  # Ⓐ
        table[0x24D0 + i] = lower  # ⓐ
        table[0x249C + i] = lower  # ⒜
        table[0x1F110 + i] = lower  # 🄐 parenthesised capital
        table[0x1F130 + i] = lower  # 🄰 squared
        table[0x1F150 + i] = lower  # 🅐 negative circled
        table[0x1F170 + i] = lower  # 🅰 negative squared
    # Full-width digits and the full-width symbols that count as noise fold to ASCII.
    # Full-width punctuation used as Chinese punctuation (，；：？！（）…) is left alone:
    # it is CJK punctuation, never noise, and folding it would make every line pay for it.
    for cp in range(0xFF10, 0xFF1A):
        table[cp] = cp - 0xFEE0
    for ch in FULLWIDTH_NOISE:
        table[ord(ch)] = ord(ch) - 0xFEE0
    table[0x3000] = 0x20
    return table


FULLWIDTH_NOISE = "＂＃＄％＆＇＊＋－／＜＝＞＠＼＾＿｀｜～"


@lru_cache(maxsize=1)
def fold_table() -> dict[int, int]:
    """The translate() table: every value is exactly one code point."""
    table = _latin_folds()
    data = resources.files("proofread").joinpath("data/t2s_chars.txt").read_text(encoding="utf-8")
    for line in data.splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table.setdefault(ord(trad), ord(simp))
    return table


@lru_cache(maxsize=1)
def _foldable() -> frozenset[str]:
    return frozenset(chr(c) for c in fold_table())


@lru_cache(maxsize=256)
def _fold_re(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def _fold_one(m: re.Match[str]) -> str:
    return chr(fold_table()[ord(m.group())])


def fold(text: str) -> str:
    """Fold case, width, circled letters and traditional characters; length is unchanged."""
    # str.translate pays a dict lookup for every character; most official text holds no
    # foldable character or only a few kinds, so test the set first and substitute just those.
    foldable = _foldable()
    if foldable.isdisjoint(text):
        return text
    if len(text) < 256:
        return text.translate(fold_table())
    return _fold_re(frozenset(foldable.intersection(text))).sub(_fold_one, text)


# Noise is judged on the original character. Newlines are not noise: they end a block.
_NOISE_CHARS = (
    "\u200b-\u200f\u2060-\u2064\ufeff\u00ad"  # zero-width and format characters
    " \t\u00a0\u2002-\u200a\u202f\u205f\u3000"  # spaces
    r"!-/:-@\[-`{-~"  # ASCII symbols
    + FULLWIDTH_NOISE  # their full-width forms, except those used as Chinese punctuation
)
NOISE_RE = re.compile(f"[{_NOISE_CHARS}]+")
REPEAT_RE = re.compile(r"(.)\1+", re.DOTALL)


class _Offsets:
    """Maps indices of a shortened string back to the longer one via breakpoints."""

    __slots__ = ("_delta", "_short")

    def __init__(self) -> None:
        self._short: list[int] = [0]
        self._delta: list[int] = [0]

    def add(self, short_index: int, delta: int) -> None:
        self._short.append(short_index)
        self._delta.append(delta)

    def __call__(self, i: int) -> int:
        return i + self._delta[bisect_right(self._short, i) - 1]


def _strip(text: str, folded: str) -> tuple[str, _Offsets | None]:
    if NOISE_RE.search(text) is None:
        return folded, None
    parts: list[str] = []
    offsets = _Offsets()
    pos = removed = 0
    for m in NOISE_RE.finditer(text):
        parts.append(folded[pos : m.start()])
        removed += m.end() - m.start()
        offsets.add(m.start() - removed + (m.end() - m.start()), removed)
        pos = m.end()
    parts.append(folded[pos:])
    return "".join(parts), offsets


def _collapse(s: str) -> tuple[str, _Offsets | None, dict[int, int]]:
    if REPEAT_RE.search(s) is None:
        return s, None, {}
    parts: list[str] = []
    offsets = _Offsets()
    runs: dict[int, int] = {}
    pos = removed = 0
    for m in REPEAT_RE.finditer(s):
        start, end = m.span()
        parts.append(s[pos : start + 1])
        short = start - removed
        runs[short] = end - start
        removed += end - start - 1
        offsets.add(short + 1, removed)
        pos = end
    parts.append(s[pos:])
    return "".join(parts), offsets, runs


@dataclass(slots=True)
class NormalView:
    """The text as the matcher sees it, and the way back to the original."""

    original: str
    folded: str  # same length as original
    key: str  # folded, noise removed, runs collapsed
    _strip_map: _Offsets | None
    _collapse_map: _Offsets | None
    runs: dict[int, int]  # key index → run length (absent means 1)

    def breakpoints(self) -> tuple[tuple[list[int], list[int]] | None, tuple[list[int], list[int]] | None]:
        """(strip, collapse) breakpoint lists ``(short_indices, deltas)`` for inlined mapping."""
        sm, cm = self._strip_map, self._collapse_map
        return (sm._short, sm._delta) if sm else None, (cm._short, cm._delta) if cm else None


    def run_length(self, i: int) -> int:
        return self.runs.get(i, 1)

    def to_stripped(self, i: int) -> int:
        return self._collapse_map(i) if self._collapse_map else i

    def stripped_to_original(self, j: int) -> int:
        return self._strip_map(j) if self._strip_map else j

    def to_original(self, i: int, extra: int = 0) -> int:
        """Original index of the character ``extra`` places into the run at key index ``i``."""
        return self.stripped_to_original(self.to_stripped(i) + extra)


def normalise(text: str) -> NormalView:
    folded = fold(text)
    stripped, strip_map = _strip(text, folded)
    key, collapse_map, runs = _collapse(stripped)
    return NormalView(text, folded, key, strip_map, collapse_map, runs)


def normalise_term(term: str) -> tuple[str, tuple[int, ...]]:
    """A dictionary word as a matcher key plus the run length of each key character."""
    view = normalise(term)
    return view.key, tuple(view.run_length(i) for i in range(len(view.key)))
