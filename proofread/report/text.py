"""Compiler-style output: ``path:line:col: severity [rule] message → suggestion``."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..finding import Finding
from .position import LineIndex

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def format_text(name: str, text: str, findings: Sequence[Finding], colour: bool = False) -> str:
    if not findings:
        return ""
    index = LineIndex(text)
    out = []
    for f in findings:
        line, col = index.position(f.start)
        sev = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if colour else f.severity
        head = f"{name}:{line}:{col}: {sev} [{f.rule}] {f.message}：“{f.text}”"
        if f.suggestions:
            head += " → " + " / ".join(f.suggestions)
        out.append(head)
        src = index.line_text(line)
        before = src[: col - 1]
        marked_len = min(len(f.text), len(src) - (col - 1)) if src else 0
        span = src[col - 1 : col - 1 + marked_len]
        out.append(f"    {src}")
        caret = " " * _width(before) + "^" * max(1, _width(span))
        out.append(f"    {_BOLD}{caret}{_RESET}" if colour else f"    {caret}")
    return "\n".join(out) + "\n"


def summary_line(n_files: int, counts: dict[str, int], n_failed: int = 0) -> str:
    total = sum(counts.values())
    parts = [f"{SEVERITY_ZH[s]} {counts.get(s, 0)}" for s in ("error", "warning", "info")]
    line = f"检查了 {n_files} 个输入，发现 {total} 处问题（{'，'.join(parts)}）"
    if n_failed:
        line += f"；{n_failed} 个输入无法读取"
    return line
