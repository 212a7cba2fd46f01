"""Spelling corrector and full Proofreader speed by call size (CPU time, one core).

    PYTHONPATH=. python benchmarks/speed_spelling.py

Input: the corpus paragraphs the model build leaves out, checked 1, 20 and 200 paragraphs per call.
"""

import os
import re
import sys
import time
from pathlib import Path

import proofread
from proofread.spelling import SpellingCorrector
from proofread.spelling.build import corpus_lines

lines = [ln for ln in corpus_lines(Path("/work/shared/corpus"), heldout=True) if ln.strip()]
han = sum(len(re.findall(r"[\u3400-\u9fff]", ln)) for ln in lines)
print(f"# command: {' '.join(sys.argv)}; cores: {os.cpu_count()}; {len(lines):,} paragraphs, {han:,} Chinese chars")
sc = SpellingCorrector.default()
pr = proofread.Proofreader()
pr.check("预热")
for name, fn in (("SpellingCorrector.check", sc.check), ("Proofreader.check (all checks)", pr.check)):
    for group in (1, 20, 200):
        docs = ["\n".join(lines[i : i + group]) for i in range(0, len(lines), group)]
        t = time.process_time()
        n = sum(sum(f.rule == "typo.spelling" for f in fn(d)) for d in docs)
        dt = time.process_time() - t
        print(f"{name}, {group} paragraphs per call: {han / dt:,.0f} Chinese chars/s; typo.spelling findings {n}")
