"""Aho-Corasick term matching over the normalised view, mapped back to original spans.

Engine: ahocorasick-rs. Measured in benchmarks/bench_matcher.py: pyahocorasick scans CJK text
at about 1 M chars/s (its root node searches thousands of CJK children linearly) while
ahocorasick-rs runs an order of magnitude faster; one engine is enough, so we keep one.

Semantics (docs/matching.md):
* leftmost-longest, non-overlapping; word order and duplicates never matter;
* keys are folded, noise-free, run-collapsed words; a word's own doubled characters are kept
  as required run lengths, so 谢谢 still needs two 谢 while 敏感词 matches 敏敏感感词;
* a span starts at the first character of its first run and ends at the first occurrence of
  its last character (after the word's own repeats);
* a match made only of Latin letters needs non-letters (after folding) on both sides.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any, Generic, TypeVar

import ahocorasick_rs as acrs

from .text import NormalView, normalise, normalise_term

T = TypeVar("T")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
_LATIN_OR_SPACE = _LATIN | frozenset(" ")


# A match is a plain tuple, built in the hot loop where a NamedTuple costs 5x more:
# (start, end, key_start, key_end, value); start/end index the original text (end
# exclusive), key_start/key_end index NormalView.key.
Match = tuple[int, int, int, int, Any]
START, END, KEY_START, KEY_END, VALUE = range(5)


# A candidate is a plain tuple (runs, latin, value_index), stored as is in the cache:
# runs are the word's own run lengths per key character, latin says the key needs word
# boundaries, value_index points into the matcher's values.


_MISSING = object()
_LATIN_KEY = re.compile("[a-z ]+")


class TermMatcher(Generic[T]):
    """Finds dictionary words in text. Immutable after construction; safe across threads."""

    def __init__(self, items: Iterable[tuple[str, T]], rank=None, *, prepared: Iterable = ()):
        """``items`` are (word, value); ``prepared`` are (key, runs, value) from
        ``normalise_term`` (the compiled-dictionary cache); ``rank(value)`` orders values whose
        words normalise to the same key (lowest wins), so input order never matters."""
        # slot (key, run lengths) → value; the lowest rank wins a collision.
        slots: dict[tuple[str, tuple[int, ...]], T] = {}
        triples = chain(prepared, ((*normalise_term(w), v) for w, v in items))
        for key, runs, value in triples:
            if not key:
                continue
            slot = (key, runs)
            old = slots.get(slot, _MISSING)
            if old is not _MISSING and (rank is None or rank(old) <= rank(value)):
                continue
            slots[slot] = value
        groups: dict[str, list[tuple]] = {}
        values: list[T] = []
        for (key, runs), value in slots.items():
            latin = key.isascii() and _LATIN_KEY.fullmatch(key) is not None
            groups.setdefault(key, []).append((runs, latin, len(values)))
            values.append(value)
        self._keys = sorted(groups)
        # Within a key, prefer the candidate that consumes the most characters.
        self._cands: list = [
            sorted(cs, key=lambda c: -sum(c[0])) if len(cs) > 1 else cs
            for cs in map(groups.__getitem__, self._keys)
        ]
        self._values: Sequence[T] = values
        self._finish()

    def _finish(self) -> None:
        # A key with one plain candidate (no doubled characters, not Latin) needs no checks.
        self._simple: list = [
            cs[0][2] if len(cs) == 1 and not cs[0][1] and max(cs[0][0]) == 1 else -1 for cs in self._cands
        ]
        self.max_key_len = max((len(k) for k in self._keys), default=0)
        self._longest: acrs.AhoCorasick | None = None
        self._overlapping: acrs.AhoCorasick | None = None
        if self._keys:
            self._longest = acrs.AhoCorasick(self._keys, matchkind=acrs.MatchKind.LeftmostLongest)

    def __len__(self) -> int:
        return len(self._keys)

    # -- persistence (the automaton itself cannot be pickled; its inputs can) -------------

    def export_state(self) -> tuple[list[str], list, Sequence[T]]:
        """(keys, candidate rows ``(runs, latin, value_index)``, values): plain data for ``marshal``."""
        return list(self._keys), [list(cs) for cs in self._cands], self._values

    @classmethod
    def from_state(cls, keys: list[str], rows: list, values: Sequence[T]) -> TermMatcher[T]:
        """Rebuild from ``export_state`` output without normalising or ranking anything.

        ``values`` may be any sequence, e.g. one that builds entries lazily on first access.
        """
        self = cls.__new__(cls)
        self._keys = keys
        self._cands = rows
        self._values = values
        self._finish()
        return self

    def _all(self) -> acrs.AhoCorasick:
        if self._overlapping is None:  # only needed for rare fallbacks and allow lists
            self._overlapping = acrs.AhoCorasick(self._keys)
        return self._overlapping

    # -- matching -------------------------------------------------------------------------

    def find(self, text: str | NormalView) -> list[Match]:
        """Leftmost-longest non-overlapping matches in ``text``."""
        view = text if isinstance(text, NormalView) else normalise(text)
        if self._longest is None or not view.key:
            return []
        raw = _scan(self._longest, view.key)
        if not raw:
            return []
        simple = self._simple
        values = self._values
        out: list[Match] = []
        fell_back = False
        strip_pts, collapse_pts = view.breakpoints()
        # Matches come in increasing order, so each breakpoint list is walked once.
        c_short, c_delta = collapse_pts or ([0], [0])
        s_short, s_delta = strip_pts or ([0], [0])
        c_last, s_last = len(c_short) - 1, len(s_short) - 1
        ci = si = 0
        for idx, ks, ke in raw:
            vi = simple[idx]
            if vi >= 0:
                # Hot path, inlined: key index → stripped index → original index.
                e = ke - 1
                while ci < c_last and c_short[ci + 1] <= ks:
                    ci += 1
                s = ks + c_delta[ci]
                e += c_delta[ci] if (ci == c_last or c_short[ci + 1] > e) else c_delta[bisect_right(c_short, e) - 1]
                while si < s_last and s_short[si + 1] <= s:
                    si += 1
                s2 = s + s_delta[si]
                e += s_delta[si] if (si == s_last or s_short[si + 1] > e) else s_delta[bisect_right(s_short, e) - 1]
                out.append((s2, e + 1, ks, ke, values[vi]))
                continue
            m = self._accept(view, idx, ks, ke)
            if m is not None:
                out.append(m)
            elif ke - ks > 1:
                # The longest key failed (run lengths or Latin boundary): a shorter or
                # later key may still match inside this stretch. A one-character key
                # (常常 → 常 needing a run of two) hides nothing: the scan goes on after it.
                out.extend(self._fallback(view, ks, ke))
                fell_back = True
        if fell_back:
            out = _leftmost_longest(out)
        return out

    def find_all(self, view: NormalView, key_start: int = 0, key_end: int | None = None) -> list[Match]:
        """Every (overlapping) match within ``view.key[key_start:key_end]``."""
        if self._longest is None:
            return []
        key_end = len(view.key) if key_end is None else key_end
        hay = view.key[key_start:key_end]
        out = []
        for idx, s, e in _scan(self._all(), hay, overlapping=True):
            m = self._accept(view, idx, s + key_start, e + key_start)
            if m is not None:
                out.append(m)
        return out

    def _fallback(self, view: NormalView, ks: int, ke: int) -> list[Match]:
        # A key starting inside the failed stretch may run past its end.
        return self.find_all(view, ks, min(len(view.key), ke + self.max_key_len - 1))

    def _accept(self, view: NormalView, idx: int, ks: int, ke: int) -> Match | None:
        for cand in self._cands[idx]:
            span = self._span(view, cand, ks, ke)
            if span is not None:
                return (span[0], span[1], ks, ke, self._values[cand[2]])
        return None

    def _span(self, view: NormalView, cand: tuple, ks: int, ke: int) -> tuple[int, int] | None:
        runs, latin, _ = cand
        if view.runs:
            for off, need in enumerate(runs):
                if view.run_length(ks + off) < need:
                    return None
        elif any(r > 1 for r in runs):
            return None
        start = view.to_original(ks)
        end = view.to_original(ke - 1, runs[-1] - 1) + 1
        if latin:
            folded = view.folded
            if start > 0 and folded[start - 1] in _LATIN:
                return None
            if end < len(folded) and folded[end] in _LATIN:
                return None
        return start, end


_SURROGATE = re.compile("[\ud800-\udfff]")


def _scan(ac: acrs.AhoCorasick, hay: str, overlapping: bool = False) -> list[tuple[int, int, int]]:
    try:
        return ac.find_matches_as_indexes(hay, overlapping=overlapping)
    except UnicodeEncodeError:
        # Lone surrogates (from surrogateescape decoding) cannot cross into Rust; U+FFFD
        # keeps the length, so offsets stay valid.
        return ac.find_matches_as_indexes(_SURROGATE.sub("\ufffd", hay), overlapping=overlapping)


def _leftmost_longest(matches: Sequence[Match]) -> list[Match]:
    """Greedy leftmost-longest selection of non-overlapping matches (original spans)."""
    ordered = sorted(matches, key=lambda m: (m[0], m[0] - m[1]))
    out: list[Match] = []
    last_end = -1
    for m in ordered:
        if m[0] >= last_end:
            out.append(m)
            last_end = m[1]
    return out
