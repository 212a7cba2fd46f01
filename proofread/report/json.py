"""Machine formats. JSON: one document; JSONL: one finding a line. Documented in docs/output.md."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..finding import Finding
from .position import LineIndex

SCHEMA_VERSION = 1


CONTEXT_CHARS = 20


def finding_records(name: str, text: str, findings: Sequence[Finding]) -> list[dict[str, Any]]:
    index = LineIndex(text)
    records = []
    for f in findings:
        line, col = index.position(f.start)
        end_line, end_col = index.position(f.end)
        rec = {"path": name, "line": line, "column": col, "end_line": end_line, "end_column": end_col}
        rec.update(f.to_dict())
        lo = max(0, f.start - CONTEXT_CHARS)
        rec["context"] = text[lo : f.end + CONTEXT_CHARS]
        rec["context_offset"] = f.start - lo
        records.append(rec)
    return records


def dumps_jsonl(records: Sequence[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def dumps_json(files: list[dict[str, Any]], errors: list[dict[str, str]], counts: dict[str, int]) -> str:
    doc = {
        "version": SCHEMA_VERSION,
        "files": files,
        "errors": errors,
        "summary": {"files": len(files), "failed": len(errors), "findings": sum(counts.values()), **counts},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
