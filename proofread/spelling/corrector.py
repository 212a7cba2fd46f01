"""Detect and correct Chinese character typos with the n-gram model and confusion sets.

Hot path, all vectorised with numpy over the whole text:
1. encode the text to token ids (one per ``str`` index, so offsets are the caller's offsets);
2. score every position once with the 4-gram model (stupid backoff);
3. screen: keep Chinese positions whose local n-gram evidence is weak and which are not protected;
4. for those positions only, score every confusion candidate over the n-grams it touches;
5. report a candidate when its gain over the original, minus the price of its confusion type,
   is large enough.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..finding import Finding
from .model import NgramModel, shared_model
from .protect import check_spans, protected_mask, rare_before_place_suffix
from .tokens import BOUNDARY, FIRST_CHAR_ID, ID_BITS

RULE_ID = "typo.spelling"
PAD = 3  # = max_order - 1
_PADDING = np.full(PAD, BOUNDARY, dtype=np.int64)
_SENTENCE_END = "。！？!?；;\n"


@dataclass(frozen=True)
class Params:
    """Tunable constants (try values with `benchmarks/eval_spelling.py --param NAME=VALUE`; docs/spelling.md)."""

    # a position is screened in when its own score plus the next one's is below this
    screen: float = -12.0
    # candidates whose bigram gain minus type cost is below this are not scored with the full model
    prefilter: float = -3.0
    # price (in natural-log units of LM score) of proposing each confusion type
    cost_published: float = 0.0
    cost_same_pinyin: float = 2.0
    cost_fuzzy_pinyin: float = 4.0
    cost_shape: float = 4.0
    cost_wubi: float = 5.0
    cost_word_pair: float = 6.0
    cost_learned: float = 0.5
    cost_component: float = 4.0
    veto_seen_trigram: float = 1.0
    # extra price for changing a function character (到/至, 其它/其他, 而/和 are choices, not typos)
    function_char_cost: float = 4.0
    # a character rarer than this (log unigram probability) right before a place suffix
    # (区, 县, 镇, …) is taken as part of a place name
    rare_place_char: float = -12.5
    # never touch characters inside a known proper name (jieba nr/ns/nt words)
    protect_names: float = 1.0
    # margin (gain − cost) at which confidence is 0.5, and the logistic slope
    mid: float = 11.0
    slope: float = 0.6
    # margin bonus in the second pass (a sentence that had one typo is likelier to have another)
    second_pass_bonus: float = 6.0
    report_threshold: float = 0.7
    fix_threshold: float = 0.7


DEFAULT_PARAMS = Params()


def _type_cost_table(p: Params) -> np.ndarray:
    """Cost of a candidate by its confusion-type bits: the cheapest of the types it belongs to."""
    table = np.full(256, np.inf)
    for bits in range(256):
        for bit, c in (
            (16, p.cost_published),
            (1, p.cost_same_pinyin),
            (2, p.cost_fuzzy_pinyin),
            (4, p.cost_shape),
            (8, p.cost_wubi),
            (32, p.cost_learned),
            (64, p.cost_component),
        ):
            if bits & bit:
                table[bits] = min(table[bits], c)
    return table


@dataclass(frozen=True)
class Suggestion:
    pos: int
    original: str
    replacement: str
    confidence: float
    margin: float

    @property
    def end(self) -> int:
        return self.pos + len(self.original)


class SpellingCorrector:
    """Statistical typo corrector (category ``typo``, rule ``typo.spelling``)."""

    _default: SpellingCorrector | None = None
    _lock = threading.Lock()

    def __init__(self, model: NgramModel | None = None, params: Params = DEFAULT_PARAMS):
        self._model = model
        self.params = params
        self._cost_table = _type_cost_table(params)

    @classmethod
    def default(cls) -> SpellingCorrector:
        """The process-wide shared instance; the model loads on first use."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    @property
    def model(self) -> NgramModel:
        if self._model is None:
            self._model = shared_model()
        return self._model

    # -- public API -------------------------------------------------------------------------

    def check(
        self,
        text: str,
        *,
        threshold: float | None = None,
        protected: Sequence[tuple[int, int]] = (),
    ) -> list[Finding]:
        """Typo findings in ``text`` with confidence ≥ ``threshold`` (default: report threshold).

        Offsets are ``str`` indices into ``text``; spans in ``protected`` are never touched.
        """
        thr = self.params.report_threshold if threshold is None else threshold
        out = []
        for s in self.suggest(text, protected=protected):
            if s.confidence < thr:
                continue
            out.append(
                Finding(
                    start=s.pos,
                    end=s.end,
                    text=s.original,
                    category="typo",
                    rule=RULE_ID,
                    # A statistical guess never blocks publishing on its own: always a warning;
                    # confidence and `fixable` say how sure it is.
                    severity="warning",
                    message=f"疑似错别字：“{s.original}”可能应为“{s.replacement}”",
                    suggestions=(s.replacement,),
                    fixable=s.confidence >= self.params.fix_threshold,
                    confidence=s.confidence,
                )
            )
        return out

    def correct(self, text: str, *, protected: Sequence[tuple[int, int]] = ()) -> str:
        """``text`` with only the high-confidence (fixable) corrections applied."""
        fixes = [s for s in self.suggest(text, protected=protected) if s.confidence >= self.params.fix_threshold]
        return _apply(text, fixes)

    # -- the pipeline -----------------------------------------------------------------------

    def suggest(self, text: str, *, protected: Sequence[tuple[int, int]] = ()) -> list[Suggestion]:
        """Best candidate per screened position, with its confidence (no threshold applied).

        When the first pass finds fixable typos, a second pass rescores the other positions with
        those typos corrected: neighbouring typos spoil each other's context.
        """
        check_spans(text, protected)
        first = self._single_pass(text, protected)
        fixes = [s for s in first if s.confidence >= self.params.fix_threshold]
        if not fixes:
            return first
        # Rescore only near the fixes (the bonus is about this sentence, not the whole document);
        # everything else keeps its first-pass result.
        near = np.zeros(len(text), dtype=bool)
        for s in fixes:
            start, end = _sentence_around(text, s.pos, s.end)
            near[start:end] = True
        far = np.flatnonzero(~near)
        outside = _runs(far) if len(far) else []
        second = self._single_pass(
            _apply(text, fixes),
            [*protected, *((s.pos, s.end) for s in fixes), *outside],
            self.params.second_pass_bonus,
        )
        merged = fixes + [s for s in first if not near[s.pos : s.end].any()]
        merged += [replace(s, original=text[s.pos : s.end]) for s in second]
        return sorted(merged, key=lambda s: s.pos)

    def _single_pass(
        self, text: str, protected: Sequence[tuple[int, int]], bonus: float = 0.0
    ) -> list[Suggestion]:
        if not text:
            return []
        m = self.model
        p = self.params
        ids = m.encode(text)
        n = len(ids)
        padded = np.concatenate([_PADDING, ids, _PADDING])
        eligible = ids >= FIRST_CHAR_ID
        eligible &= m.conf_offsets[ids + 1] > m.conf_offsets[ids]
        if p.veto_seen_trigram:
            # a character whose trigram with both neighbours is attested is taken as intended
            # (checked first: it is one lookup and rules out most positions of clean text)
            tri = np.stack([padded[PAD - 1 : n + PAD - 1], padded[PAD : n + PAD], padded[PAD + 1 : n + PAD + 1]], axis=1)
            eligible &= np.isnan(m.lookup(3, _pack(tri)))
        maybe = np.flatnonzero(eligible)
        if len(maybe) == 0:
            return []
        # base[j] = score of the token at padded index j + PAD given its history; computed only
        # where a candidate's window needs it (j in [i, i + PAD + 1] for each position i left)
        need = np.unique((maybe[:, None] + np.arange(PAD + 2)[None, :]).ravel())
        need = need[need < n + PAD]
        base = np.zeros(n + PAD + 1)
        base[need] = m.logprob(padded[need[:, None] + np.arange(PAD + 1)[None, :]])
        suspicious = np.zeros(n, dtype=bool)
        suspicious[maybe] = base[maybe] + base[maybe + 1] < p.screen
        if not suspicious.any():
            return []
        # protections last: name matching costs more than the screen, and most texts stop above
        suspicious &= ~protected_mask(text, protected, m.names if p.protect_names else None)
        suspicious &= ~rare_before_place_suffix(text, ids, m.unigram, p.rare_place_char)
        positions = np.flatnonzero(suspicious)
        if len(positions) == 0:
            return []
        found = self._score_candidates(text, padded, base, positions, bonus)
        pair_pos = np.flatnonzero(suspicious[:-1] & suspicious[1:])
        if len(pair_pos):
            found += self._score_word_pairs(text, padded, base, pair_pos, bonus)
        # one proposal per position: the largest margin wins, overlapping ones are dropped
        taken: set[int] = set()
        out = []
        for sg in sorted(found, key=lambda sg: -sg.margin):
            span = range(sg.pos, sg.end)
            if not taken.intersection(span):
                taken.update(span)
                out.append(sg)
        return sorted(out, key=lambda sg: sg.pos)

    def _score_word_pairs(
        self, text: str, padded: np.ndarray, base: np.ndarray, pair_pos: np.ndarray, bonus: float
    ) -> list[Suggestion]:
        """Propose frequent two-character words read like the two characters at each position."""
        m = self.model
        p = self.params
        a, b = padded[pair_pos + PAD], padded[pair_pos + PAD + 1]
        key = (m.char_syl[a].astype(np.uint32) << np.uint32(m.syl_bits)) | m.char_syl[b]
        lo = np.searchsorted(m.pair_keys, key, side="left")
        hi = np.searchsorted(m.pair_keys, key, side="right")
        lens = hi - lo
        if lens.sum() == 0:
            return []
        row_pos = np.repeat(pair_pos, lens)
        flat = np.repeat(lo - np.cumsum(lens) + lens, lens) + np.arange(lens.sum())
        words = m.pair_words[flat].astype(np.int64)
        ca, cb = words >> ID_BITS, words & ((1 << ID_BITS) - 1)
        # pairs changing one character only are the single-substitution pass's business
        keep = np.flatnonzero((ca != padded[row_pos + PAD]) & (cb != padded[row_pos + PAD + 1]))
        if len(keep) == 0:
            return []
        row_pos, ca, cb = row_pos[keep], ca[keep], cb[keep]
        win = padded[row_pos[:, None] + np.arange(2 * PAD + 2)[None, :]]
        win[:, PAD], win[:, PAD + 1] = ca, cb
        k = len(row_pos)
        grams = np.concatenate([win[:, j : j + PAD + 1] for j in range(PAD + 2)])
        cand_score = m.logprob(grams).reshape(PAD + 2, k).sum(axis=0)
        orig_score = sum(base[row_pos + j] for j in range(PAD + 2))
        margin = cand_score - orig_score - p.cost_word_pair + bonus
        return self._best_per_position(text, row_pos, np.stack([ca, cb], axis=1), margin)

    def _best_per_position(
        self, text: str, row_pos: np.ndarray, repl: np.ndarray, margin: np.ndarray
    ) -> list[Suggestion]:
        """The highest-margin row per position, as suggestions (repl: rows × chars token ids)."""
        p = self.params
        order = np.lexsort((-margin, row_pos))
        first = np.ones(len(order), dtype=bool)
        first[1:] = row_pos[order][1:] != row_pos[order][:-1]
        out = []
        width = repl.shape[1]
        for r in order[first]:
            mg = float(margin[r])
            conf = 1.0 / (1.0 + math.exp(-p.slope * (mg - p.mid)))
            if conf < 0.05:
                continue
            pos = int(row_pos[r])
            replacement = "".join(self.model.char(int(t)) for t in repl[r])
            out.append(Suggestion(pos, text[pos : pos + width], replacement, conf, mg))
        return out

    def _score_candidates(
        self, text: str, padded: np.ndarray, base: np.ndarray, positions: np.ndarray, bonus: float
    ) -> list[Suggestion]:
        m = self.model
        p = self.params
        centre = padded[positions + PAD]
        starts = m.conf_offsets[centre]
        lens = m.conf_offsets[centre + 1] - starts
        row_pos = np.repeat(positions, lens)
        flat = np.repeat(starts - np.cumsum(lens) + lens, lens) + np.arange(lens.sum())
        cands = m.conf_cands[flat].astype(np.int64)
        bits = m.conf_bits[flat]
        cost = self._cost_table[bits]
        # Cheap bigram pre-filter: the candidate must fit its two neighbours about as well as the
        # original after paying for its confusion type; one lookup call for both sides.
        k = len(cands)
        left = padded[row_pos + PAD - 1]
        right = padded[row_pos + PAD + 1]
        pairs = np.empty((2 * k, 2), dtype=np.int64)
        pairs[:k, 0], pairs[:k, 1] = left, cands
        pairs[k:, 0], pairs[k:, 1] = cands, right
        both = m.logprob(pairs)
        n = len(padded) - 2 * PAD
        # bi[j] = bigram score of (t[j-1], t[j]) for j in [0, n]
        bi = m.logprob(np.stack([padded[PAD - 1 : n + PAD], padded[PAD : n + PAD + 1]], axis=1))
        gain2 = both[:k] + both[k:] - bi[row_pos] - bi[row_pos + 1] - cost
        keep = np.flatnonzero(gain2 > p.prefilter)
        if len(keep) == 0:
            return []
        row_pos, cands, cost, bits = row_pos[keep], cands[keep], cost[keep], bits[keep]
        # Full model over the PAD + 1 n-grams the candidate touches, in one lookup call.
        win = padded[row_pos[:, None] + np.arange(2 * PAD + 1)[None, :]]
        win[:, PAD] = cands
        k = len(cands)
        grams = np.concatenate([win[:, j : j + PAD + 1] for j in range(PAD + 1)])
        cand_score = m.logprob(grams).reshape(PAD + 1, k).sum(axis=0)
        orig_score = base[row_pos] + base[row_pos + 1] + base[row_pos + 2] + base[row_pos + 3]
        margin = cand_score - orig_score - cost + bonus
        if p.function_char_cost:
            # attested pairs (published list, training split) are exempt: 的/得 mix-ups are real
            attested = (bits & 48) != 0
            margin -= p.function_char_cost * m.is_function_char(padded[row_pos + PAD]) * ~attested
        return self._best_per_position(text, row_pos, cands[:, None], margin)


def _pack(grams: np.ndarray) -> np.ndarray:
    key = np.zeros(len(grams), dtype=np.uint64)
    for c in range(grams.shape[1]):
        key = (key << np.uint64(ID_BITS)) | grams[:, c].astype(np.uint64)
    return key


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (between sentence-ending marks) that contains text[start:end]."""
    lo = max(text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    his = [i for i in (text.find(ch, end) for ch in _SENTENCE_END) if i >= 0]
    return lo, (min(his) + 1 if his else len(text))


def _runs(idx: np.ndarray) -> list[tuple[int, int]]:
    """Sorted indices → list of (start, end) runs of consecutive values."""
    breaks = np.flatnonzero(np.diff(idx) != 1)
    starts = np.concatenate([[idx[0]], idx[breaks + 1]])
    ends = np.concatenate([idx[breaks], [idx[-1]]]) + 1
    return list(zip(starts.tolist(), ends.tolist()))


def _apply(text: str, fixes: Sequence[Suggestion]) -> str:
    """``text`` with each suggestion's replacement put in place (same length)."""
    chars = list(text)
    for s in fixes:
        chars[s.pos : s.end] = s.replacement
    return "".join(chars)
