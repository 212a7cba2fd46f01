"""Wall time of `echo 一句话 | proofread check` with the default dictionaries.

Run:  python benchmarks/bench_startup.py [--runs 7]

The first run warms caches (bytecode, the OS page cache); the report gives the median and
the worst of the runs after it. Needs the `proofread` command on PATH (pip install .).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    exe = shutil.which("proofread")
    if exe is None:
        raise SystemExit("找不到 proofread 命令：请先 pip install .")
    times = []
    for _ in range(args.runs + 1):
        t = time.perf_counter()
        subprocess.run([exe, "check"], input="一句话\n".encode(), capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    warm = times[1:]
    print(f"command: python benchmarks/bench_startup.py --runs {args.runs}")
    print(f"cores: {os.cpu_count()}; first (cold-ish) run {times[0]:.3f} s")
    print(f"warm runs: median {statistics.median(warm):.3f} s, worst {max(warm):.3f} s over {len(warm)} runs")


if __name__ == "__main__":
    main()
