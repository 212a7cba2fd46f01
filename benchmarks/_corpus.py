"""Shared loader for the public-domain corpus in ../shared/corpus (never copied into the repo)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path


def corpus_dir() -> Path:
    env = os.environ.get("PROOFREAD_CORPUS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent
    for cand in (here.parent / "shared" / "corpus", here / "shared" / "corpus", Path("/work/shared/corpus")):
        if cand.is_dir():
            return cand
    raise SystemExit("找不到 shared/corpus；请设置 PROOFREAD_CORPUS 指向含 laws.txt.gz 的目录")


def read_chars(name: str, limit: int) -> list[str]:
    """Paragraphs from corpus file ``name`` until ``limit`` characters are collected."""
    out, total = [], 0
    with gzip.open(corpus_dir() / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            out.append(line)
            total += len(line) + 1
            if total >= limit:
                break
    return out
