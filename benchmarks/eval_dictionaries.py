"""Precision and recall of the shipped dictionaries.

Usage:
  PYTHONPATH=. python benchmarks/eval_dictionaries.py [--split holdout|dev|all] [--limit CHARS] [--top N]

1. False alarms: findings per 100,000 characters, by category and severity, on clean
   official text — the shared corpus (laws, government reports; the ``holdout`` split
   is every 10th paragraph, which no build script ever looked at) and the target side
   of the ECSpell official-document set (corrected sentences, also never used by the
   build scripts). Every finding there is a candidate data bug; the most frequent
   terms are printed so they can be fixed at the cause.
2. Recall on benchmarks/data/error_sentences.tsv (built by
   scripts/build_error_sentences.py from the domain facts): an error counts as found
   when an ``error``/``warning`` finding overlaps its span, and as corrected when
   applying that finding's first suggestion gives the expected text.

Only rules that come from dictionary files are counted (the rule checks and the
statistical corrector of other modules are measured by their own benchmarks).
CPU time is measured with time.process_time.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from corpus_tools import corpus_lines, shared_dir

import proofread
from proofread.lexicon import builtin_dictionary_files, read_dictionary

ERRORS = REPO / "benchmarks" / "data" / "error_sentences.tsv"


def dictionary_rules() -> set[str]:
    return {rid for p in builtin_dictionary_files() for rid in read_dictionary(p).rules}


def clean_sets(split: str, limit: int | None):
    for name in ("laws.txt.gz", "gov_reports.txt.gz"):
        lines, total = [], 0
        for i, line in enumerate(corpus_lines((name,))):
            if split != "all" and (i % 10 == 0) != (split == "holdout"):
                continue
            lines.append(line)
            total += len(line)
            if limit and total >= limit:
                break
        yield f"{name.split('.')[0]}[{split}]", lines
    # Corrected (target) sides of the spelling sets: official documents first, then
    # law exam questions, medical Q&A and learners' essays as a stress test on
    # vocabulary far from the corpus the build scripts filtered against.
    for name in ("ecspell_odw", "ecspell_law", "ecspell_med", "sighan2015_train", "sighan2015_test"):
        path = shared_dir() / "eval" / (name + (".train.tsv" if name.startswith("ecspell") else ".tsv"))
        with open(path, encoding="utf-8") as fh:
            yield f"{name}[target]", [row.rstrip("\n").split("\t")[-1] for row in fh if row.strip()]


def eval_clean(reader, rules, split, limit, top):
    print("## 干净官方文本上的报告数（每 10 万字）\n")
    print("| 文本 | 字数 | error | warning | info | 合计 | 按类别 |")
    print("|---|---:|---:|---:|---:|---:|---|")
    worst: dict[str, Counter] = {}
    cpu = 0.0
    chars_all = 0
    for label, lines in clean_sets(split, limit):
        chars = sum(len(x) for x in lines)
        chars_all += chars
        sev, cat, terms = Counter(), Counter(), Counter()
        t0 = time.process_time()
        for line in lines:
            for f in reader.check(line):
                if f.rule not in rules:
                    continue
                sev[f.severity] += 1
                cat[f"{f.category}/{f.severity}"] += 1
                terms[f"{f.rule} {f.text}"] += 1
        cpu += time.process_time() - t0
        def per(n: int, chars: int = chars) -> float:
            return n * 100_000 / max(chars, 1)

        cats = ", ".join(f"{k} {per(v):.2f}" for k, v in sorted(cat.items()))
        print(
            f"| {label} | {chars:,} | {per(sev['error']):.2f} | {per(sev['warning']):.2f} | "
            f"{per(sev['info']):.2f} | {per(sum(sev.values())):.2f} | {cats or '—'} |"
        )
        worst[label] = terms
    print(f"\nCPU 时间 {cpu:.1f} s，{chars_all / max(cpu, 1e-9) / 1e6:.2f} M 字/秒（单线程，process_time）\n")
    for label, terms in worst.items():
        if terms:
            print(f"最常见的报告（{label}）：" + "；".join(f"{k} ×{v}" for k, v in terms.most_common(top)))
            print()


def apply_first(text: str, f) -> str:
    return text[: f.start] + f.suggestions[0] + text[f.end:] if f.suggestions else text


def eval_recall(reader, rules, path: Path, show_missed: int):
    print("## 错误句召回率\n")
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    by_group = defaultdict(lambda: [0, 0, 0, 0])  # total, found, with expectation, corrected
    missed = defaultdict(list)
    for row in rows:
        text, s, e = row["text"], int(row["start"]), int(row["end"])
        want = text[:s] + row["expected"] + text[e:] if row["expected"] else None
        hits = [
            f for f in reader.check(text)
            if f.rule in rules and f.severity in ("error", "warning") and f.start < e and s < f.end
        ]
        g = by_group[row["group"]]
        g[0] += 1
        g[1] += bool(hits)
        if want is not None:
            g[2] += 1
            g[3] += bool(hits) and apply_first(text, hits[0]) == want
        if not hits:
            missed[row["group"]].append(row["wrong"])
    print("| 组 | 句数 | 命中（error/warning，位置重叠） | 首选建议正确 |")
    print("|---|---:|---:|---:|")
    tot = [0, 0, 0, 0]
    for group in sorted(by_group):
        g = by_group[group]
        tot = [a + b for a, b in zip(tot, g)]
        print(f"| {group} | {g[0]} | {g[1] / g[0]:.1%} | {g[3] / g[2]:.1%} |" if g[2] else
              f"| {group} | {g[0]} | {g[1] / g[0]:.1%} | — |")
    print(f"| **合计** | {tot[0]} | {tot[1] / tot[0]:.1%} | {tot[3] / max(tot[2], 1):.1%} |\n")
    for group, words in sorted(missed.items()):
        print(f"漏报（{group}，前 {show_missed} 个）：" + "、".join(words[:show_missed]))
    print()


def eval_real_errors(reader, rules):
    """Findings on the erroneous (source) side of the ECSpell sets: how many sit on a real error."""
    print("## ECSpell 原句（含真实错字）上的报告\n")
    print("| 数据 | 句数 | 含错句 | 报告数 | 落在错字上的报告 | 命中的含错句 |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in ("ecspell_odw", "ecspell_law"):
        n = bad = total = on_error = caught = 0
        with open(shared_dir() / "eval" / f"{name}.train.tsv", encoding="utf-8") as fh:
            for row in fh:
                parts = row.rstrip("\n").split("\t")
                if len(parts) < 3 or len(parts[1]) != len(parts[2]):
                    continue
                src, tgt = parts[1], parts[2]
                wrong = {i for i, (a, b) in enumerate(zip(src, tgt)) if a != b}
                n += 1
                bad += bool(wrong)
                fs = [f for f in reader.check(src) if f.rule in rules]
                total += len(fs)
                hits = [f for f in fs if any(f.start <= i < f.end for i in wrong)]
                on_error += len(hits)
                caught += bool(hits)
        print(f"| {name} | {n} | {bad} | {total} | {on_error} | {caught} |")
    print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("holdout", "dev", "all"), default="holdout")
    ap.add_argument("--limit", type=int, default=None, help="characters per corpus file (default: all)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--errors", type=Path, default=ERRORS)
    ap.add_argument("--missed", type=int, default=15)
    args = ap.parse_args(argv)
    print(f"命令：PYTHONPATH=. python benchmarks/eval_dictionaries.py {' '.join(argv or sys.argv[1:])}".rstrip())
    print(f"机器：{os.cpu_count()} 核；词典规则只计 dictionaries/ 中的规则；默认配置（默认关闭的规则不计）\n")
    rules = dictionary_rules()
    # Only the dictionary rules that are on by default: the rule-check modules and the
    # spelling corrector are measured by their own benchmarks and would skew the timing.
    default_on = sorted(r.id for r in proofread.Proofreader(spelling=False).rules()
                        if r.id in rules and r.default_enabled)
    reader = proofread.Proofreader(spelling=False, select=default_on)
    eval_clean(reader, rules, args.split, args.limit, args.top)
    eval_recall(reader, rules, args.errors, args.missed)
    eval_real_errors(reader, rules)
    return 0


if __name__ == "__main__":
    sys.exit(main())
