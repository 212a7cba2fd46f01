"""Shared helpers for the dictionary build and check scripts.

Word knowledge comes from jieba's ``dict.txt`` (349k words with frequencies, MIT) and
from the clean official corpus in ``$PROOFREAD_SHARED/corpus`` (default
``/work/shared``). Nothing here copies corpus text into the repository: the scripts
only count how often candidate strings occur in it.
"""

from __future__ import annotations

import gzip
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DICT_DIR = REPO / "dictionaries"


def shared_dir() -> Path:
    return Path(os.environ.get("PROOFREAD_SHARED", "/work/shared"))


CORPUS_FILES = ("laws.txt.gz", "gov_reports.txt.gz")


def corpus_lines(files: Iterable[str] = CORPUS_FILES) -> Iterator[str]:
    for name in files:
        path = shared_dir() / "corpus" / name
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line:
                    yield line


HOLDOUT_EVERY = 10  # every 10th paragraph is held out from all building and tuning


@lru_cache(maxsize=2)
def corpus_text(split: str = "dev") -> tuple[str, ...]:
    """Corpus paragraphs of one split, held in memory once.

    ``dev`` (9 paragraphs in 10) is what the build scripts may look at; ``holdout``
    (every 10th paragraph) is only for benchmarks/eval_dictionaries.py, so the
    false-alarm rate measured there is not flattered by the corpus filters.
    """
    if split not in ("dev", "holdout"):
        raise ValueError(f"unknown split {split!r}")
    want_holdout = split == "holdout"
    return tuple(
        line for i, line in enumerate(corpus_lines()) if (i % HOLDOUT_EVERY == 0) == want_holdout
    )


@lru_cache(maxsize=1)
def jieba_words() -> dict[str, int]:
    """jieba's dictionary: word -> frequency."""
    import jieba

    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    words: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                words[parts[0]] = int(parts[1])
    return words


@lru_cache(maxsize=1)
def char_counts() -> Counter:
    """Character frequencies in the clean corpus."""
    counts: Counter = Counter()
    for line in corpus_text():
        counts.update(line)
    return counts


def count_uncovered(candidates: Iterable[str], covers: Iterable[str] = ()) -> Counter:
    """How often each candidate occurs in the corpus outside an occurrence of a ``covers`` string.

    This mirrors the allow-list rule of the matcher: a deny match lying inside an
    allowed word is not reported, so it must not count against the candidate either.
    """
    import ahocorasick_rs as acr

    cands = sorted(set(candidates))
    cover_list = sorted(set(covers))
    result: Counter = Counter()
    if not cands:
        return result
    cand_ac = acr.AhoCorasick(cands)
    cover_ac = acr.AhoCorasick(cover_list) if cover_list else None
    for line in corpus_text():
        hits = cand_ac.find_matches_as_indexes(line, overlapping=True)
        if not hits:
            continue
        spans = cover_ac.find_matches_as_indexes(line, overlapping=True) if cover_ac else []
        for idx, s, e in hits:
            if any(cs <= s and e <= ce and (ce - cs) > (e - s) for _, cs, ce in spans):
                continue
            result[cands[idx]] += 1
    return result

@lru_cache(maxsize=1)
def boundary_stats() -> tuple[dict, dict, int]:
    """Frequency mass of words ending / starting with each string (up to 3 chars)."""
    ends: dict[str, int] = defaultdict(int)
    starts: dict[str, int] = defaultdict(int)
    total = 0
    for w, f in jieba_words().items():
        total += f
        for k in range(1, min(3, len(w)) + 1):
            ends[w[-k:]] += f
            starts[w[:k]] += f
    return ends, starts, total


def chance_per_10m(v: str) -> float:
    """Expected count per 10 M chars of ``v`` arising by chance across word boundaries.

    ``v`` is read as the tail of one word, zero or more whole words, and the head of
    another (常 + 的 + 领导 makes 常的领导 out of 日常的领导工作); the best such reading
    under jieba's unigram word frequencies gives the estimate.
    """
    ends, starts, total = boundary_stats()
    words = jieba_words()
    n = len(v)
    best = [0.0] * (n + 1)  # best[i]: v[:i] read as a word tail followed by whole words
    for i in range(1, min(3, n - 1) + 1):
        best[i] = ends.get(v[:i], 0) / total
    for i in range(1, n):
        if not best[i]:
            continue
        for j in range(i + 1, n):
            f = words.get(v[i:j])
            if f:
                best[j] = max(best[j], best[i] * f / total)
    p = max((best[i] * starts.get(v[i:], 0) / total for i in range(max(1, n - 3), n)), default=0.0)
    tokens_per_10m = 10_000_000 / 1.6  # about 1.6 characters per word
    return p * tokens_per_10m


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
