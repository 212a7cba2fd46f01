"""False alarms and speed of the spelling corrector on clean official text it was not trained on.

    PYTHONPATH=. python benchmarks/clean_spelling.py [--corpus /work/shared/corpus] [--show 20]

Uses the corpus lines the model build leaves out (``proofread.spelling.build.is_heldout``: every
50th paragraph of the laws and government reports).  Prints typo findings per 100,000 Chinese
characters at the default report threshold, how many would be auto-fixed, and Chinese characters
per second of CPU time (time.process_time, one core), checking each paragraph as one call.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002fa1f]")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    ap.add_argument("--show", type=int, default=20, help="print this many findings")
    ap.add_argument("--limit", type=int, default=0, help="only the first N held-out paragraphs")
    args = ap.parse_args(argv)

    from proofread.spelling import SpellingCorrector
    from proofread.spelling.build import corpus_lines

    t0 = time.process_time()
    corrector = SpellingCorrector.default()
    corrector.check("预热")
    load = time.process_time() - t0
    lines = [ln for ln in corpus_lines(args.corpus, heldout=True) if ln.strip()]
    if args.limit:
        lines = lines[: args.limit]
    n_han = sum(len(_HAN.findall(ln)) for ln in lines)
    t0 = time.process_time()
    results = [corrector.check(ln) for ln in lines]
    cpu = time.process_time() - t0
    findings = [(ln, f) for ln, fs in zip(lines, results) for f in fs]
    fixable = sum(f.fixable for _, f in findings)
    print(f"# command: {' '.join(sys.argv)}; cores: {os.cpu_count()}; model load (CPU) {load:.2f} s")
    print(f"held-out paragraphs: {len(lines):,}; Chinese chars: {n_han:,}")
    print(f"typo findings: {len(findings)} ({len(findings) / n_han * 1e5:.1f} per 100k chars); "
          f"fixable: {fixable} ({fixable / n_han * 1e5:.1f} per 100k chars)")
    print(f"speed: {n_han / cpu:,.0f} Chinese chars/s (CPU time {cpu:.2f} s)")
    for ln, f in findings[: args.show]:
        ctx = ln[max(0, f.start - 8) : f.start] + f"[{f.text}→{f.suggestions[0]}]" + ln[f.end : f.end + 8]
        print(f"  {f.confidence:.2f} {ctx}")


if __name__ == "__main__":
    main()
