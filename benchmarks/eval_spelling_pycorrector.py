"""Side-by-side: pycorrector's KenLM corrector and proofread.spelling on the same TSV sets.

    pip install pycorrector kenlm torch        # optional extra, not a proofread dependency
    PYTHONPATH=. python benchmarks/eval_spelling_pycorrector.py --kenlm-model PATH.klm [--split held]

pycorrector needs a KenLM model: its default download (people2014corpus_chars.klm, 2.8 GB) or
one built from the shared corpus with kenlm's ``lmplz -o 5`` on space-separated characters.
Both rows use the same metric code as benchmarks/eval_spelling.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from eval_spelling import EVAL_DIR, SETS, evaluate, print_header, print_row, read_tsv, split


def pycorrector_fn(model_path: Path):
    t0 = time.process_time()
    from pycorrector import Corrector  # optional: pip install pycorrector kenlm torch

    corrector = Corrector(language_model_path=str(model_path))
    corrector.correct("预热")
    print(f"pycorrector import + load (CPU): {time.process_time() - t0:.1f} s")

    def correct(text: str) -> str:
        out = corrector.correct(text)
        fixed = out["target"] if isinstance(out, dict) else out[0]
        # pycorrector may drop or add characters; the metric needs equal length
        return fixed if len(fixed) == len(text) else text

    return correct


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kenlm-model", type=Path, required=True)
    ap.add_argument("--split", choices=("all", "tune", "held"), default="held")
    ap.add_argument("--sets", nargs="*", default=["odw", "law", "sighan15"])
    args = ap.parse_args(argv)

    from proofread.spelling import SpellingCorrector

    ours = SpellingCorrector.default()
    theirs = pycorrector_fn(args.kenlm_model)
    print_header(f"pycorrector vs proofread.spelling, split={args.split}")
    for name in args.sets:
        pairs = split(read_tsv(EVAL_DIR / SETS[name]), args.split)
        print_row(f"{name} pycorrector", evaluate(theirs, pairs)[0])
        print_row(f"{name} proofread", evaluate(ours.correct, pairs)[0])


if __name__ == "__main__":
    main()
