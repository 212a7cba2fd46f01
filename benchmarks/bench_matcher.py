"""Matcher throughput on the shared law corpus with a 20,000-term dictionary.

Run:  python benchmarks/bench_matcher.py [--chars 5000000] [--terms 20000]

Terms are character n-grams (2-6) sampled with a fixed seed from the same text, so they
really occur; that is a harsher test than a real deny list, which rarely fires.
Times are CPU seconds of this process (time.process_time), best of --repeat runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import read_chars


def best(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        t = time.process_time()
        result = fn()
        times.append(time.process_time() - t)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=5_000_000)
    ap.add_argument("--terms", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--terms-from", choices=["ngrams", "jieba"], default="ngrams",
                    help="ngrams: n-grams sampled from the text itself (dense worst case); "
                         "jieba: words sampled from jieba's dict.txt (a realistic vocabulary)")
    args = ap.parse_args()

    import ahocorasick_rs

    from proofread import Proofreader
    from proofread.matcher import TermMatcher
    from proofread.text import normalise

    paras = read_chars("laws.txt.gz", args.chars)
    text = "\n".join(paras)
    rng = random.Random(20261127)
    terms: set[str] = set()
    if args.terms_from == "jieba":
        import jieba

        dict_path = Path(jieba.__file__).parent / "dict.txt"
        vocab = sorted({ln.split(" ")[0] for ln in dict_path.read_text("utf-8").splitlines()
                        if len(ln.split(" ")[0]) >= 2})
        terms = set(rng.sample(vocab, args.terms))
    while len(terms) < args.terms:
        p = paras[rng.randrange(len(paras))]
        n = rng.randint(2, 6)
        if len(p) > n:
            i = rng.randrange(len(p) - n)
            terms.add(p[i : i + n])
    terms_list = sorted(terms)
    n = len(text)
    print(f"command: python benchmarks/bench_matcher.py --chars {args.chars} --terms {args.terms} "
          f"--terms-from {args.terms_from}")
    print(f"input: {n:,} chars, {len(paras):,} paragraphs; {len(terms_list):,} terms; "
          f"cores: {os.cpu_count()}; python {platform.python_version()}")

    rows = []
    t0 = time.process_time()
    raw = ahocorasick_rs.AhoCorasick(terms_list, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    rows.append(("build ahocorasick-rs (raw)", time.process_time() - t0, None))
    t, res = best(lambda: raw.find_matches_as_indexes(text), args.repeat)
    rows.append(("scan ahocorasick-rs raw", t, len(res)))
    try:
        import ahocorasick

        def build_py():
            a = ahocorasick.Automaton()
            for w in terms_list:
                a.add_word(w, w)
            a.make_automaton()
            return a

        t0 = time.process_time()
        pya = build_py()
        rows.append(("build pyahocorasick (raw)", time.process_time() - t0, None))
        t, res = best(lambda: sum(1 for _ in pya.iter_long(text)), args.repeat)
        rows.append(("scan pyahocorasick iter_long raw", t, res))
    except ImportError:
        rows.append(("pyahocorasick not installed", 0.0, None))

    t0 = time.process_time()
    tm = TermMatcher((w, w) for w in terms_list)
    rows.append(("build TermMatcher", time.process_time() - t0, None))
    t, res = best(lambda: normalise(text), args.repeat)
    rows.append(("normalise only (one string)", t, None))
    t, res = best(lambda: tm.find(text), args.repeat)
    rows.append(("TermMatcher.find (one string)", t, len(res)))
    t, res = best(lambda: sum(len(tm.find(p)) for p in paras), args.repeat)
    rows.append(("TermMatcher.find (per paragraph)", t, res))
    pr = Proofreader(deny=terms_list, builtin=False, spelling=False, select=["custom"])
    t, res = best(lambda: sum(len(pr.check(p)) for p in paras), args.repeat)
    rows.append(("Proofreader.check deny-only (per paragraph)", t, res))

    print(f"{'what':48} {'cpu s':>8} {'M chars/s':>10} {'matches':>9}")
    for name, secs, count in rows:
        speed = f"{n / secs / 1e6:10.2f}" if name.startswith(("scan", "TermMatcher", "Proofreader", "normalise")) and secs else " " * 10
        print(f"{name:48} {secs:8.3f} {speed} {'' if count is None else count:>9}")


if __name__ == "__main__":
    main()
