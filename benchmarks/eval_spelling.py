"""Evaluate a spelling corrector on TSV sets (ECSpell: n_errors, source, target; SIGHAN: source, target).

    PYTHONPATH=. python benchmarks/eval_spelling.py [--split all|tune|held] [--sets odw law ...]

Per set: sentence-level correction P/R/F1 (a sentence is corrected only when output == target;
precision over all sentences the corrector changed; recall over sentences with errors),
sentence-level detection P/R/F1 (changed positions == erroneous positions), the share of clean
sentences changed, and Chinese characters per second of CPU time (time.process_time, one core).
``--split tune`` uses even-numbered lines, ``held`` odd-numbered ones (tuning reads only ``tune``).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EVAL_DIR = Path("/work/shared/eval")
SETS = {
    "odw": "ecspell_odw.train.tsv",
    "law": "ecspell_law.train.tsv",
    "med": "ecspell_med.train.tsv",
    "sighan15": "sighan2015_test.tsv",
    "sighan15train": "sighan2015_train.tsv",
}
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002fa1f]")


def read_tsv(path: Path) -> list[tuple[str, str]]:
    """(source, target) pairs; the ECSpell n_errors column is dropped."""
    pairs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 3:
                cols = cols[1:]
            if len(cols) != 2:
                raise ValueError(f"{path}:{n}: expected 2 or 3 tab-separated columns, got {len(cols)}")
            pairs.append((cols[0], cols[1]))
    return pairs


def split(pairs: list[tuple[str, str]], which: str) -> list[tuple[str, str]]:
    if which == "all":
        return pairs
    return pairs[0::2] if which == "tune" else pairs[1::2]


@dataclass
class Scores:
    n: int
    n_err: int
    cor_p: float
    cor_r: float
    cor_f: float
    det_p: float
    det_r: float
    det_f: float
    fpr: float
    chars_per_s: float


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(correct: Callable[[str], str], pairs: list[tuple[str, str]]) -> tuple[Scores, list]:
    t0 = time.process_time()
    outputs = [correct(src) for src, _ in pairs]
    cpu = time.process_time() - t0
    n_chars = sum(len(_HAN.findall(src)) for src, _ in pairs)
    changed = cor_tp = det_tp = det_pred = n_err = clean = clean_changed = 0
    errors = []
    for (src, tgt), out in zip(pairs, outputs):
        if len(out) != len(src):
            raise ValueError(f"corrector changed the length of: {src!r}")
        gold = {i for i, (a, b) in enumerate(zip(src, tgt)) if a != b}
        pred = {i for i, (a, b) in enumerate(zip(src, out)) if a != b}
        n_err += bool(gold)
        if pred:
            changed += 1
            det_pred += 1
            cor_tp += out == tgt and bool(gold)
            det_tp += pred == gold
        if not gold:
            clean += 1
            clean_changed += bool(pred)
        if out != tgt:
            errors.append((src, tgt, out))
    cp, cr, cf = _prf(cor_tp, changed, n_err)
    dp, dr, df = _prf(det_tp, det_pred, n_err)
    return (
        Scores(len(pairs), n_err, cp, cr, cf, dp, dr, df, clean_changed / clean if clean else 0.0,
               n_chars / cpu if cpu else float("inf")),
        errors,
    )


def print_header(name: str) -> None:
    print(f"# {name}; command: {' '.join(sys.argv)}; cores: {os.cpu_count()}")
    print("| set | sentences | with errors | corr P | corr R | corr F1 | det P | det R | det F1 "
          "| clean changed | Chinese chars/s (CPU) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")


def print_row(name: str, s: Scores) -> None:
    print(f"| {name} | {s.n} | {s.n_err} | {s.cor_p:.3f} | {s.cor_r:.3f} | {s.cor_f:.3f} | {s.det_p:.3f} "
          f"| {s.det_r:.3f} | {s.det_f:.3f} | {s.fpr:.1%} | {s.chars_per_s:,.0f} |", flush=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("all", "tune", "held"), default="held")
    ap.add_argument("--sets", nargs="*", default=["odw", "law", "med", "sighan15"])
    ap.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="override a corrector parameter (proofread.spelling.Params), for tuning")
    ap.add_argument("--model-dir", type=Path, default=None, help="a model built elsewhere (for tuning)")
    ap.add_argument("--show-errors", type=int, default=0, help="print this many wrong outputs per set")
    args = ap.parse_args(argv)

    t0 = time.process_time()
    from dataclasses import replace

    from proofread.spelling import Params, SpellingCorrector

    overrides = {k: float(v) for k, v in (kv.split("=", 1) for kv in args.param)}
    if overrides or args.model_dir:
        from proofread.spelling.model import NgramModel

        model = NgramModel(args.model_dir) if args.model_dir else None
        corrector = SpellingCorrector(model, params=replace(Params(), **overrides))
    else:
        corrector = SpellingCorrector.default()
    corrector.correct("预热")  # load the model outside the timed region
    print(f"model load (CPU): {time.process_time() - t0:.2f} s")
    print_header(f"proofread.spelling, split={args.split}")
    for name in args.sets:
        pairs = split(read_tsv(args.eval_dir / SETS[name]), args.split)
        scores, errors = evaluate(corrector.correct, pairs)
        print_row(name, scores)
        for src, tgt, out in errors[: args.show_errors]:
            print(f"  src {src}\n  tgt {tgt}\n  out {out}")


if __name__ == "__main__":
    main()
