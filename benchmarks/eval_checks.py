"""False-alarm rate and throughput of the rule checks (proofread/checks) on clean text.

Every finding on the clean corpus is a false alarm. Prints findings per 100,000
characters per rule, and the CPU time of all checks together.

    PYTHONPATH=. python benchmarks/eval_checks.py [--corpus FILE.txt.gz ...] [--show RULE] [--limit N]

Pages are simulated by joining consecutive paragraphs (lines) into chunks of about
``--page-chars`` characters, the size of a typical government web page.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import corpus_dir

from proofread.checks import load_check_modules

WARM_UP = "我们我们的的工作。關於2020年11月19日（星期三），李克强总理，13812345678，《通知\n一、\n三、"


def pages(path: str, page_chars: int, limit: int | None):
    buf: list[str] = []
    size = total = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            buf.append(line)
            size += len(line) + 1
            if size >= page_chars:
                yield "\n".join(buf)
                total += size
                buf, size = [], 0
                if limit and total >= limit:
                    return
    if buf:
        yield "\n".join(buf)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="*", default=None, help="default: every *.txt.gz in shared/corpus")
    ap.add_argument("--page-chars", type=int, default=5000)
    ap.add_argument("--limit", type=int, default=None, help="stop each corpus after this many characters")
    ap.add_argument("--show", action="append", default=[], help="print findings of this rule (prefix) with context")
    ap.add_argument(
        "--proofreader-chars", type=int, default=2_000_000,
        help="also time the default Proofreader.check() with and without these checks on this many characters (0: skip)",
    )
    args = ap.parse_args(argv)

    corpora = args.corpus or sorted(str(p) for p in corpus_dir().glob("*.txt.gz"))
    modules = load_check_modules()
    rules = [r.id for m in modules for r in m.RULES]
    print("command:", "PYTHONPATH=. python " + " ".join(["benchmarks/eval_checks.py", *(argv or sys.argv[1:])]))
    print(f"cores: {os.cpu_count()}  modules: {', '.join(m.__name__.rsplit('.', 1)[1] for m in modules)}")
    # Lazy loads (jieba's dictionary, OpenCC, leaders.tsv) happen once per process; time
    # them apart from the per-character cost.
    t0 = time.process_time()
    for mod in modules:
        list(mod.check(WARM_UP))
    print(f"one-time lazy loading of all checks: {time.process_time() - t0:.2f} s CPU")
    grand: collections.Counter[str] = collections.Counter()
    grand_chars = 0
    cpu_by_module: collections.Counter[str] = collections.Counter()
    for path in corpora:
        counts: collections.Counter[str] = collections.Counter()
        chars = 0
        for page in pages(path, args.page_chars, args.limit):
            chars += len(page)
            for mod in modules:
                t0 = time.process_time()
                found = list(mod.check(page))
                cpu_by_module[mod.__name__] += time.process_time() - t0
                for f in found:
                    assert page[f.start:f.end] == f.text, f
                    counts[f.rule] += 1
                    kind = dict(f.extra).get("kind")
                    if kind:
                        counts[f"{f.rule} ({kind})"] += 1
                    if any(f.rule.startswith(s) for s in args.show):
                        ctx = page[max(0, f.start - 25):f.end + 25].replace("\n", "⏎")
                        print(f"  {f.rule}\t{f.text!r}\t{ctx}")
        grand.update(counts)
        grand_chars += chars
        print(f"\n{os.path.basename(path)}: {chars:,} chars, {sum(counts.values())} findings, "
              f"{sum(counts.values()) * 1e5 / max(chars, 1):.2f} per 100k")
    print(f"\nall: {grand_chars:,} chars")
    print(f"{'rule':32} {'findings':>8} {'per 100k':>9}")
    kinds = sorted(k for k in grand if k not in rules)
    for r in rules + kinds:
        print(f"{r:32} {grand[r]:8} {grand[r] * 1e5 / max(grand_chars, 1):9.3f}")
    total = sum(grand[r] for r in rules)
    print(f"{'TOTAL':32} {total:8} {total * 1e5 / max(grand_chars, 1):9.3f}")
    cpu = sum(cpu_by_module.values())
    print(f"\nCPU time, all checks: {cpu:.2f} s = {grand_chars / max(cpu, 1e-9):,.0f} chars/s (time.process_time)")
    for name, t in cpu_by_module.most_common():
        print(f"  {name:36} {t:6.2f} s  {grand_chars / max(t, 1e-9):>14,.0f} chars/s")
    if args.proofreader_chars:
        _time_proofreader(corpora, args.page_chars, args.proofreader_chars, rules)
    return 0


def _time_proofreader(corpora: list[str], page_chars: int, limit: int, check_rules: list[str]) -> None:
    """CPU time of the whole default Proofreader.check(), with and without the rule checks."""
    from proofread import Proofreader

    per_corpus = max(limit // len(corpora), 1)
    sample = [p for path in corpora for p in pages(path, page_chars, per_corpus)]
    chars = sum(map(len, sample))
    print(f"\nProofreader.check() on {chars:,} chars (default dictionaries and spelling as configured on main):")
    results = {}
    for label, kw in (("without rule checks", {"ignore": check_rules}), ("with rule checks", {})):
        p = Proofreader(**kw)
        p.check(sample[0])  # load dictionaries and models outside the timing
        t0 = time.process_time()
        for page in sample:
            p.check(page)
        results[label] = time.process_time() - t0
        print(f"  {label:22} {results[label]:6.2f} s  {chars / max(results[label], 1e-9):>12,.0f} chars/s")
    slow = results["with rule checks"] / max(results["without rule checks"], 1e-9) - 1
    print(f"  slowdown from rule checks: {slow:+.1%}")


if __name__ == "__main__":
    raise SystemExit(main())
