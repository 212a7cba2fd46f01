"""Whole-pipeline false alarms and speed on clean official text.

Run:  python benchmarks/eval_clean.py [--chars 1000000] [--source both] [--show 5]

Every finding on this text is a false alarm or a real slip in the published source; the
report gives findings per 100,000 characters by severity and by rule, the worst rules'
first examples, and check() throughput in Chinese characters per CPU second (one core).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import read_chars

_CJK = range(0x4E00, 0xA000)


def cjk_count(s: str) -> int:
    return sum(1 for c in s if ord(c) in _CJK)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=1_000_000, help="characters per source file")
    ap.add_argument("--source", choices=["laws", "reports", "both"], default="both")
    ap.add_argument("--show", type=int, default=5, help="examples to print per rule")
    ap.add_argument("--select", default=None, help="comma-separated select list (default: all defaults)")
    args = ap.parse_args()

    from proofread import Proofreader

    names = {"laws": ["laws.txt.gz"], "reports": ["gov_reports.txt.gz"],
             "both": ["gov_reports.txt.gz", "laws.txt.gz"]}[args.source]
    paras: list[str] = []
    for name in names:
        paras.extend(read_chars(name, args.chars))
    t0 = time.perf_counter()
    p = Proofreader(select=args.select.split(",") if args.select else None)
    p.check("预热一句话，的的确确。")  # load lazily-loaded parts before timing
    build = time.perf_counter() - t0
    n_chars = sum(len(x) for x in paras)
    n_cjk = sum(cjk_count(x) for x in paras)
    by_rule: Counter[str] = Counter()
    by_sev: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    t = time.process_time()
    results = [p.check(x) for x in paras]
    cpu = time.process_time() - t
    for para, fs in zip(paras, results):
        for f in fs:
            by_rule[f.rule] += 1
            by_sev[f.severity] += 1
            if len(examples[f.rule]) < args.show:
                lo = max(0, f.start - 12)
                examples[f.rule].append(f"{para[lo:f.start]}【{f.text}】{para[f.end:f.end + 12]} → {'/'.join(f.suggestions)}")
    per = 100_000 / n_chars
    print(f"command: python benchmarks/eval_clean.py --chars {args.chars} --source {args.source}"
          + (f" --select {args.select}" if args.select else ""))
    print(f"input: {n_chars:,} chars ({n_cjk:,} CJK) in {len(paras):,} paragraphs from {', '.join(names)}; "
          f"cores: {os.cpu_count()}; python {platform.python_version()}")
    print(f"build + warm-up: {build:.2f} s wall; check(): {cpu:.2f} CPU s = {n_cjk / cpu:,.0f} CJK chars/s, "
          f"{n_chars / cpu:,.0f} chars/s")
    total = sum(by_sev.values())
    print(f"findings per 100k chars: all {total * per:.2f}; "
          + ", ".join(f"{s} {by_sev[s] * per:.2f}" for s in ("error", "warning", "info")))
    for rule, n in by_rule.most_common():
        print(f"  {rule:32} {n:6}  {n * per:7.2f}/100k")
        for ex in examples[rule]:
            print(f"      {ex}")


if __name__ == "__main__":
    main()
