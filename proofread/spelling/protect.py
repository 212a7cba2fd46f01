"""Positions the spelling corrector must not touch.

Caller spans, quoted titles 《…》 and proper names (jieba's person, place and organisation names,
shipped as data/names.txt).  Digits and Latin letters are never candidates (they are not in the
confusion sets), so they need no mask here.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

_TITLE = re.compile(r"《[^《》\n]{0,80}》")
# a byline or credit: the two to four characters after it are a person's name (several may follow)
_BYLINE = re.compile(r"(?:记者|通讯员|见习记者|特约记者|编辑|责编|责任编辑|摄影|作者|撰稿|供稿|报道员)[\s:：　]*")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[、\s　]+[\u4e00-\u9fff]{2,4})*")
_SURROGATE = re.compile("[\ud800-\udfff]")
PLACE_SUFFIXES = "省市县区镇乡村旗盟州街道路街"


class NameMatcher:
    """Finds proper names in text (leftmost-longest, non-overlapping), built lazily once."""

    def __init__(self, path: Path):
        self.path = path
        self._automaton = None
        self._lock = threading.Lock()

    def _get(self):
        if self._automaton is None:
            with self._lock:
                if self._automaton is None:
                    import ahocorasick_rs

                    names = self.path.read_text(encoding="utf-8").split()
                    self._automaton = ahocorasick_rs.AhoCorasick(
                        names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
                    )
        return self._automaton

    def spans(self, text: str) -> list[tuple[int, int]]:
        automaton = self._get()
        try:
            found = automaton.find_matches_as_indexes(text)
        except UnicodeEncodeError:
            # lone surrogates cannot cross into Rust; one replacement per code point keeps offsets
            found = automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text))
        return [(start, end) for _, start, end in found]


def check_spans(text: str, protected: Sequence[tuple[int, int]]) -> None:
    """Raise ValueError for a protected span that does not fit ``text``."""
    for start, end in protected:
        if start < 0 or end > len(text) or start > end:
            raise ValueError(f"protected span ({start}, {end}) outside the text of length {len(text)}")


def protected_mask(
    text: str, protected: Sequence[tuple[int, int]] = (), names: NameMatcher | None = None
) -> np.ndarray:
    """Boolean mask over ``str`` indices of ``text``: True where no correction may be made."""
    check_spans(text, protected)
    mask = np.zeros(len(text), dtype=bool)
    for start, end in protected:
        mask[start:end] = True
    if "《" in text:
        for m in _TITLE.finditer(text):
            mask[m.start() : m.end()] = True
    if "记" in text or "员" in text or "编" in text or "摄" in text or "作" in text or "稿" in text:
        for m in _BYLINE.finditer(text):
            run = _NAME_RUN.match(text, m.end())
            if run:
                mask[run.start() : run.end()] = True
    if names is not None:
        for start, end in names.spans(text):
            mask[start:end] = True
    return mask


def rare_before_place_suffix(text: str, ids: np.ndarray, unigram: np.ndarray, rare: float) -> np.ndarray:
    """Mask of rare characters one or two places before a place suffix (湾沚区, 鄠邑区)."""
    mask = np.zeros(len(text), dtype=bool)
    suffix_at = [i for i, ch in enumerate(text) if ch in PLACE_SUFFIXES]
    if not suffix_at:
        return mask
    is_rare = unigram[ids] < rare
    for i in suffix_at:
        lo = max(0, i - 2)
        if is_rare[lo:i].any():
            mask[lo:i] = True
    return mask
