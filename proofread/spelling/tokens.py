"""Map text to the integer token ids the language model uses.

One token per Python ``str`` index, so positions in the id array are offsets in the caller's
string (astral characters are one code point, CRLF is two boundary tokens).  Classes below the
vocabulary keep n-gram context meaningful around digits, Latin text and punctuation.
"""

from __future__ import annotations

import numpy as np

BOUNDARY = 0  # punctuation, whitespace, anything not Chinese/digit/Latin
DIGIT = 1
LATIN = 2
UNK = 3  # a CJK character outside the vocabulary
FIRST_CHAR_ID = 4
ID_BITS = 15  # ids < 32768 so a 4-gram key fits in 60 bits
MAX_CP = 0x110000


def is_cjk(cp: int) -> bool:
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2FA1F or 0xF900 <= cp <= 0xFAFF


def build_table(vocab_codepoints: np.ndarray) -> np.ndarray:
    """Code point → token id lookup table (uint16, one entry per code point)."""
    table = np.zeros(MAX_CP, dtype=np.uint16)
    for lo, hi in ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2FA1F), (0xF900, 0xFAFF)):
        table[lo : hi + 1] = UNK
    table[ord("0") : ord("9") + 1] = DIGIT
    table[0xFF10 : 0xFF19 + 1] = DIGIT
    for lo, hi in ((ord("A"), ord("Z")), (ord("a"), ord("z")), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
        table[lo : hi + 1] = LATIN
    table[vocab_codepoints] = np.arange(FIRST_CHAR_ID, FIRST_CHAR_ID + len(vocab_codepoints), dtype=np.uint16)
    return table


def codepoints(text: str) -> np.ndarray:
    """Code points of ``text`` as uint32, index-aligned with the string."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def fingerprint(keys: np.ndarray) -> np.ndarray:
    """32-bit multiplicative hash of packed n-gram keys (used for orders >= 3 to halve the size)."""
    # array (not scalar) uint64 multiplication wraps silently, which is what a hash wants
    return ((keys.astype(np.uint64, copy=False) * _GOLDEN) >> np.uint64(32)).astype(np.uint32)
