"""Throughput of the site-dump scan: pages/s, MB/s of HTML, Chinese characters/s, peak memory.

    python benchmarks/bench_dump.py benchmarks/out/d100/dump.warc.gz --jobs 1 2 --mode term full

Each (mode, jobs) pair runs in a fresh subprocess (so peak memory is its own) that scans the
dump end to end — read, decode, extract, check, write JSONL to /dev/null — exactly as
``proofread check --format jsonl`` does. Modes: ``extract`` (no checks: reading and text
extraction only), ``term`` (dictionary term matching alone), ``rules`` (dictionaries and the rule
checks, no statistical corrector), ``full`` (the default Proofreader, as the CLI runs it).
Reported: wall time and the rates derived from it, CPU time of the parent plus its workers
(the machine is shared, so CPU-based rates are the steadier figure),
and peak RSS of the parent and of the largest worker (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _NoChecks:
    def check(self, text):
        return []


def _factory(mode: str):
    from functools import partial

    from proofread import Proofreader

    if mode == "extract":
        return _NoChecks
    if mode == "term":  # dictionary term matching alone: every rule-check module switched off
        from proofread.checks import load_check_modules

        rule_ids = [r.id for mod in load_check_modules() for r in mod.RULES]
        return partial(Proofreader, spelling=False, ignore=rule_ids)
    if mode == "rules":
        return partial(Proofreader, spelling=False)
    return Proofreader


def run_one(path: str, mode: str, jobs: int, fmt: str) -> dict:
    from proofread.report.pages import JsonlWriter
    from proofread.scan import scan_dump
    from proofread.sources.dump import open_dump

    t0 = time.perf_counter()
    c0 = time.process_time()
    with open(os.devnull, "w", encoding="utf-8") as null:
        summary = scan_dump(open_dump([path], fmt), _factory(mode), JsonlWriter(null), jobs)
    wall = time.perf_counter() - t0
    cpu_self = time.process_time() - c0
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = resource.getrusage(resource.RUSAGE_SELF)
    cpu = cpu_self + ch.ru_utime + ch.ru_stime
    return {
        "input": path, "mode": mode, "jobs": jobs, "pages": summary.pages, "failed": summary.failed,
        "findings": summary.findings, "html_mb": summary.bytes / 1e6, "cjk": summary.cjk,
        "wall_s": wall, "cpu_s": cpu, "parent_cpu_s": cpu_self, "pages_s": summary.pages / wall, "mb_s": summary.bytes / 1e6 / wall,
        "cjk_s": summary.cjk / wall, "mb_per_cpu_s": summary.bytes / 1e6 / cpu,
        "peak_rss_mb": me.ru_maxrss / 1024, "peak_worker_rss_mb": ch.ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--mode", nargs="+", default=["term", "full"], choices=["extract", "term", "rules", "full"])
    ap.add_argument("--input-format", default="auto")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.one:
        print(json.dumps(run_one(a.inputs[0], a.mode[0], a.jobs[0], a.input_format)))
        return 0
    print(f"$ python benchmarks/bench_dump.py {' '.join(sys.argv[1:] if argv is None else argv)}")
    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}")
    print("| input | mode | jobs | pages | HTML MB | wall s | pages/s | MB/s | 汉字/s | MB per CPU-s | CPU s "
          "| parent CPU s | peak RSS parent MB | peak RSS worker MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for inp in a.inputs:
        for mode in a.mode:
            for jobs in a.jobs:
                cmd = [sys.executable, __file__, "--one", inp, "--mode", mode, "--jobs", str(jobs),
                       "--input-format", a.input_format]
                out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                print(f"| {Path(inp).name} | {mode} | {jobs} | {r['pages']} | {r['html_mb']:.1f} | {r['wall_s']:.1f} "
                      f"| {r['pages_s']:.0f} | {r['mb_s']:.1f} | {r['cjk_s'] / 1e6:.2f} M | {r['mb_per_cpu_s']:.1f} "
                      f"| {r['cpu_s']:.1f} | {r['parent_cpu_s']:.1f} | {r['peak_rss_mb']:.0f} | {r['peak_worker_rss_mb']:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
