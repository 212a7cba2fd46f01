"""Streaming reports for page scans: JSONL, CSV and compiler-style text, one page at a time.

Every writer takes ``PageResult`` objects in scan order (``write``) and is closed with the
scan summary (``close``). JSONL holds one finding a line (keys documented in
docs/site-scan.md); CSV the same columns for spreadsheets, UTF-8 with BOM so Excel opens it.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from ..finding import CATEGORIES, SEVERITIES

CSV_COLUMNS = (
    "url", "line", "column", "severity", "category", "rule", "text", "suggestions", "message", "hidden",
    "tag", "context",
)
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass
class Summary:
    """Counts for the whole scan."""

    pages: int = 0  # pages read (checked or failed)
    failed: int = 0
    skipped: int = 0  # files or records that were not pages
    with_findings: int = 0
    findings: int = 0
    hidden: int = 0
    bytes: int = 0
    chars: int = 0
    cjk: int = 0
    severity: Counter = field(default_factory=Counter)
    category: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (url, message)

    def add(self, res) -> None:
        self.pages += 1
        self.bytes += res.bytes
        self.chars += res.chars
        self.cjk += res.cjk
        if res.error is not None:
            self.failed += 1
            self.errors.append((res.url, res.error))
            return
        if res.records:
            self.with_findings += 1
        for r in res.records:
            self.findings += 1
            self.severity[r["severity"]] += 1
            self.category[r["category"]] += 1
            self.hidden += bool(r.get("hidden"))

    def line(self) -> str:
        parts = [f"{SEVERITY_ZH[s]} {self.severity.get(s, 0)}" for s in SEVERITIES]
        out = (f"扫描了 {self.pages} 个页面，{self.with_findings} 个页面有问题，共 {self.findings} 处"
               f"（{'，'.join(parts)}；隐藏内容中 {self.hidden} 处）")
        if self.failed:
            out += f"；{self.failed} 个页面无法检查"
        if self.skipped:
            out += f"；跳过 {self.skipped} 个非页面文件或记录"
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages, "failed": self.failed, "skipped": self.skipped,
            "pages_with_findings": self.with_findings, "findings": self.findings, "hidden": self.hidden,
            "severity": {s: self.severity.get(s, 0) for s in SEVERITIES},
            "category": {c: self.category[c] for c in CATEGORIES if self.category.get(c)},
        }


class JsonlWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, res) -> None:
        if res.records:
            self.out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in res.records))

    def close(self, summary: Summary) -> None:
        self.out.flush()


class CsvWriter:
    def __init__(self, out: IO[str]):
        self.out = out
        if not getattr(out, "isatty", lambda: False)():
            out.write("\ufeff")  # Excel needs the BOM to read UTF-8
        self.w = csv.writer(out, lineterminator="\n")
        self.w.writerow(CSV_COLUMNS)

    def write(self, res) -> None:
        for r in res.records:
            self.w.writerow(
                [r["url"], r["line"], r["column"], r["severity"], r["category"], r["rule"], r["text"],
                 " / ".join(r["suggestions"]), r["message"], "是" if r["hidden"] else "", r.get("tag", ""),
                 r["context"]]
            )

    def close(self, summary: Summary) -> None:
        self.out.flush()


class TextWriter:
    """``url:line:col: severity [rule] message：“text” → suggestion`` and the context below."""

    def __init__(self, out: IO[str], colour: bool = False):
        self.out = out
        self.colour = colour

    def write(self, res) -> None:
        lines = []
        for r in res.records:
            sev = r["severity"]
            if self.colour:
                sev = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}[sev] + sev + "\x1b[0m"
            head = f"{r['url']}:{r['line']}:{r['column']}: {sev} [{r['rule']}] {r['message']}：“{r['text']}”"
            if r["suggestions"]:
                head += " → " + " / ".join(r["suggestions"])
            if r["hidden"]:
                head += "  【隐藏内容】"
            lines.append(head)
            lines.append(f"    {r['context']}")
        if lines:
            self.out.write("\n".join(lines) + "\n")

    def close(self, summary: Summary) -> None:
        self.out.flush()


class JsonWriter:
    """One JSON document in the shape of ``proofread check --format json`` (pages as files)."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.files: list[dict[str, Any]] = []

    def write(self, res) -> None:
        if res.error is None:
            self.files.append({"path": res.url, "findings": res.records})

    def close(self, summary: Summary) -> None:
        from .json import SCHEMA_VERSION

        doc = {
            "version": SCHEMA_VERSION,
            "files": self.files,
            "errors": [{"path": u, "error": m} for u, m in summary.errors],
            "summary": {"files": summary.pages - summary.failed, **summary.to_dict()},
        }
        self.out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        self.out.flush()


def make_writer(fmt: str, out: IO[str], colour: bool = False):
    """The report writer for ``--format``: text, json, jsonl, csv or html."""
    if fmt == "html":
        from .html import HtmlWriter

        return HtmlWriter(out)
    writers = {"jsonl": JsonlWriter, "csv": CsvWriter, "json": JsonWriter}
    if fmt == "text":
        return TextWriter(out, colour)
    return writers[fmt](out)
