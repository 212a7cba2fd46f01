"""The character n-gram language model and confusion sets, memory-mapped from package data.

Scores use stupid backoff over counts of orders 1..4 (Brants et al. 2007): cheap, vectorisable,
and for comparing two versions of the same sentence a normalised probability is not needed.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

from .protect import NameMatcher
from .tokens import BOUNDARY, FIRST_CHAR_ID, ID_BITS, build_table, codepoints, fingerprint

DATA_DIR = Path(__file__).parent / "data"
BACKOFF = np.log(0.4)
# Function characters: swapping one for a near-homophone is more often a style choice than a typo.
FUNCTION_CHARS = "的地得了着过而和与及或到至于在再是为其它他她之所以也又就都"


class ModelDataError(RuntimeError):
    """The spelling model's package data is missing or inconsistent."""


def _load(path: Path) -> np.ndarray:
    """Memory-map an array; a plain ndarray view avoids np.memmap's per-indexing overhead."""
    if not path.exists():
        raise ModelDataError(
            f"拼写模型数据缺失：{path}（请运行 python -m proofread.spelling.build）/ spelling model data missing"
        )
    return np.asarray(np.load(path, mmap_mode="r", allow_pickle=False))


class NgramModel:
    """Counts of character n-grams and the confusion candidates of each character."""

    def __init__(self, data_dir: Path = DATA_DIR):
        meta_path = data_dir / "meta.json"
        if not meta_path.exists():
            raise ModelDataError(f"拼写模型数据缺失：{meta_path} / spelling model data missing")
        self.meta = json.loads(meta_path.read_text(encoding="utf-8"))
        self.max_order: int = self.meta["max_order"]
        self.vocab = _load(data_dir / "vocab.npy")
        self.table = build_table(np.asarray(self.vocab))
        self.logp_scale = float(self.meta["logp_scale"])
        self.keys = {n: _load(data_dir / f"keys{n}.npy") for n in range(2, self.max_order + 1)}
        self.logp = {n: _load(data_dir / f"logp{n}.npy") for n in range(2, self.max_order + 1)}
        self.unigram = np.asarray(_load(data_dir / "unigram.npy"), dtype=np.float64)
        self.conf_offsets = np.asarray(_load(data_dir / "conf_offsets.npy"), dtype=np.int64)
        self.conf_cands = _load(data_dir / "conf_cands.npy")
        self.conf_bits = _load(data_dir / "conf_bits.npy")
        self.char_syl = _load(data_dir / "char_syl.npy")
        self.pair_keys = _load(data_dir / "pair_keys.npy")
        self.pair_words = _load(data_dir / "pair_words.npy")
        self.syl_bits = int(self.meta["syl_bits"])
        self.names = NameMatcher(data_dir / "names.txt")
        self._function: np.ndarray | None = None

    def is_function_char(self, token_ids: np.ndarray) -> np.ndarray:
        """1.0 where the token is one of FUNCTION_CHARS, else 0.0."""
        if self._function is None:
            flags = np.zeros(len(self.unigram), dtype=np.float64)
            flags[[int(self.table[ord(c)]) for c in FUNCTION_CHARS if self.table[ord(c)] >= FIRST_CHAR_ID]] = 1.0
            self._function = flags
        return self._function[token_ids]

    def encode(self, text: str) -> np.ndarray:
        """Token ids (int64), one per ``str`` index of ``text``."""
        return self.table[codepoints(text)].astype(np.int64)

    def char(self, token_id: int) -> str:
        return chr(int(self.vocab[token_id - FIRST_CHAR_ID]))

    def lookup(self, n: int, keys: np.ndarray) -> np.ndarray:
        """log P(w|h) (float64) of packed n-grams ``keys`` of order ``n`` >= 2; NaN when unseen."""
        table = self.keys[n]
        k = fingerprint(keys) if n >= 3 else keys.astype(np.uint32)
        idx = np.searchsorted(table, k)
        idx[idx >= len(table)] = 0
        found = table[idx] == k
        out = np.full(len(k), np.nan)
        out[found] = self.logp[n][idx[found]] * (-1.0 / self.logp_scale)
        return out

    def logprob(self, grams: np.ndarray) -> np.ndarray:
        """Stupid-backoff log score of the last column of ``grams`` given the columns before it.

        ``grams`` is an int64 matrix (rows × max_order) of token ids, oldest first.
        """
        rows, order = grams.shape
        keys = [np.zeros(rows, dtype=np.uint64)]
        for k in range(order):  # keys[m] packs the last m tokens
            keys.append(keys[-1] | (grams[:, order - 1 - k].astype(np.uint64) << np.uint64(ID_BITS * k)))
        score = self.unigram[grams[:, -1]] + BACKOFF * (order - 1)
        todo = np.arange(rows)
        for n in range(order, 1, -1):
            val = self.lookup(n, keys[n][todo])
            hit = ~np.isnan(val)
            score[todo[hit]] = val[hit] + BACKOFF * (order - n)
            todo = todo[~hit]
            if len(todo) == 0:
                break
        return score

    def candidates(self, token_id: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.conf_offsets[token_id], self.conf_offsets[token_id + 1]
        return self.conf_cands[lo:hi], self.conf_bits[lo:hi]


_shared: NgramModel | None = None
_lock = threading.Lock()


def shared_model() -> NgramModel:
    """The process-wide model, loaded on first use."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = NgramModel()
    return _shared


__all__ = ["BOUNDARY", "ModelDataError", "NgramModel", "shared_model"]
