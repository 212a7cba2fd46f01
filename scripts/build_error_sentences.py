"""Build benchmarks/data/error_sentences.tsv: error sentences for the recall benchmark.

Usage:  PYTHONPATH=. python scripts/build_error_sentences.py

Sources: the domain facts in shared/domain/*.tsv and the severe-name seeds. The
corruptions are made independently of the variant generator, so the benchmark is
not a mirror of the dictionary. Two error models, reported separately:
``形音随机`` replaces a character by one drawn uniformly (seeded) from the *full*
ECSpell sound and shape confusion lists, or drops one, or swaps two neighbours
(harsh: many rare characters); ``拼音输入`` replaces a character by a homophone
drawn in proportion to its corpus frequency among *all* characters with that
reading (a pinyin input-method slip; the generator keeps only the top few). Sentence frames are short hand-written templates, never
corpus text. Rows whose corruption happens to be a jieba word are skipped (a real
word is not a typo the benchmark can fairly demand).

Columns: group, text, start, end, wrong, expected (first suggestion), source.
"""

from __future__ import annotations

import csv
import json
import random
import sys

from corpus_tools import REPO, jieba_words, shared_dir

from proofread.lexicon import read_dictionary

OUT = REPO / "benchmarks" / "data" / "error_sentences.tsv"
SEED = 20261127

FRAMES = {
    "institution": ["{x}近日印发通知，部署相关工作。", "经{x}批准，现予公布。", "会议传达了{x}有关文件精神。"],
    "formulation": ["深入学习贯彻{x}。", "坚持{x}，推动各项工作落实。", "要把{x}贯穿工作全过程。"],
    "leader": ["{t}{x}主持会议并讲话。", "{x}{t}作出重要指示。", "会议传达学习了{t}{x}的讲话精神。"],
    "phrasing": ["据报道，{x}的情况引起关注。", "文中写道：{x}。"],
    "typo": ["报告中出现了{x}一词。", "他们{x}，受到好评。"],
}
FORMULATION_HINT = ("思想", "主义", "理论", "观", "建设", "发展", "治", "复兴", "共同体", "意识", "一路", "两制", "自信", "维护", "确立", "全面", "一体", "振兴", "富裕", "攻坚", "扶贫", "使命", "初心", "中心", "规定", "制度", "改革", "梦", "自治", "除恶", "精神", "教育", "强国", "新区", "贸易港", "大湾区", "经济带")


def confusion_pool() -> dict[str, list[str]]:
    base = shared_dir() / "confusion"
    pool: dict[str, set[str]] = {}
    for name in ("ecspell_shapeConfusion.json", "ecspell_soundConfusion.json"):
        for ch, subs in json.loads((base / name).read_text(encoding="utf-8")).items():
            pool.setdefault(ch, set()).update(subs)
    return {k: sorted(v) for k, v in pool.items()}


def homophone_pool() -> dict[str, tuple[list[str], list[int]]]:
    """Toneless syllable -> (all corpus characters with it as primary reading, frequencies)."""
    from corpus_tools import char_counts, is_cjk
    from pypinyin import Style, pinyin

    out: dict[str, tuple[list[str], list[int]]] = {}
    for ch, n in sorted(char_counts().items()):
        if not is_cjk(ch):
            continue
        syl = pinyin(ch, style=Style.NORMAL)[0][0]
        chars, weights = out.setdefault(syl, ([], []))
        chars.append(ch)
        weights.append(n)
    return out


def ime_error(name: str, rng: random.Random, homs) -> str | None:
    """A pinyin-input slip: one character replaced by a homophone, drawn by frequency."""
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(name, style=Style.NORMAL)
    i = rng.randrange(len(name))
    chars, weights = homs.get(readings[i], ([], []))
    options = [(c, w) for c, w in zip(chars, weights) if c != name[i]]
    if not options:
        return None
    sub = rng.choices([c for c, _ in options], weights=[w for _, w in options])[0]
    return name[:i] + sub + name[i + 1:]


def corrupt(name: str, rng: random.Random, pool: dict[str, list[str]]) -> str | None:
    kinds = ["sub", "sub", "sub"] + (["drop", "swap"] if len(name) >= 4 else [])
    kind = rng.choice(kinds)
    if kind == "drop":
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1:]
    if kind == "swap":
        i = rng.randrange(len(name) - 1)
        if name[i] == name[i + 1]:
            return None
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    positions = [i for i, c in enumerate(name) if pool.get(c)]
    if not positions:
        return None
    i = rng.choice(positions)
    return name[:i] + rng.choice(pool[name[i]]) + name[i + 1:]


def rows_for_names(rng, pool, homs):
    words = jieba_words()
    names = read_dictionary(REPO / "dictionaries" / "severe" / "names.txt").allow
    for e in names:
        group = "formulation" if e.term.endswith(FORMULATION_HINT) else "institution"
        for model, make in (("形音随机", lambda t: corrupt(t, rng, pool)), ("拼音输入", lambda t: ime_error(t, rng, homs))):
            wrong = make(e.term)
            if not wrong or wrong == e.term or wrong in words:
                continue
            yield f"{group}:{model}", rng.choice(FRAMES[group]), wrong, e.term, f"severe/names.txt 种子 + {model}错写"


def rows_for_leaders(rng, pool, homs):
    words = jieba_words()
    with open(shared_dir() / "domain" / "leaders.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            title = row["title"].split("、")[0].split("(")[0].replace("中华人民共和国", "国家")
            short = {"中共中央总书记": "总书记", "国务院总理": "总理"}.get(title, title)
            for model, make in (("形音随机", lambda t: corrupt(t, rng, pool)), ("拼音输入", lambda t: ime_error(t, rng, homs))):
                wrong = make(row["name"])
                if not wrong or wrong == row["name"] or wrong in words:
                    continue
                frame = rng.choice(FRAMES["leader"]).replace("{t}", short)
                yield f"leader:{model}", frame, wrong, row["name"], f"shared/domain/leaders.tsv + {model}错写"


def rows_for_domain():
    base = shared_dir() / "domain"
    with open(base / "institutions.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            old = row["old_name"]
            if "(" in old or not row["current_name"] or "(" in row["current_name"] or row["level"] != "central":
                continue
            if "牌子" in row["note"]:
                continue
            yield "institution-old", FRAMES["institution"][0], old, row["current_name"].split("/")[0], "shared/domain/institutions.tsv"
    with open(base / "standard_phrasing.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if "(" in row["wrong"] or row["severity_hint"] != "error" or "、" in row["wrong"]:
                continue
            yield "phrasing", FRAMES["phrasing"][0], row["wrong"], row["right"].split("/")[0], "shared/domain/standard_phrasing.tsv"
    with open(base / "common_typos.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if "(" in row["wrong"]:
                continue
            yield "typo", FRAMES["typo"][0], row["wrong"], row["right"], "shared/domain/common_typos.tsv"


def main() -> int:
    rng = random.Random(SEED)
    pool = confusion_pool()
    homs = homophone_pool()
    out, seen = [], set()
    for group, frame, wrong, expected, source in [
        *rows_for_names(rng, pool, homs), *rows_for_leaders(rng, pool, homs), *rows_for_domain()
    ]:
        if (group, wrong) in seen:
            continue
        seen.add((group, wrong))
        text = frame.replace("{x}", wrong)
        start = text.index(wrong)
        out.append((group, text, start, start + len(wrong), wrong, expected, source))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# GENERATED by `PYTHONPATH=. python scripts/build_error_sentences.py` (seeded); do not edit\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["group", "text", "start", "end", "wrong", "expected", "source"])
        w.writerows(out)
    print(f"{len(out)} sentences -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
