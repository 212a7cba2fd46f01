"""Machine formats. JSON: one document; JSONL: one finding a line. Documented in docs/output.md."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..finding import Finding
from .position import LineIndex, context_window

SCHEMA_VERSION = 1


def finding_records(name: str, text: str, findings: Sequence[Finding]) -> list[dict[str, Any]]:
    index = LineIndex(text)
    records = []
    for f in findings:
        line, col = index.position(f.start)
        end_line, end_col = index.position(f.end)
        rec = {"path": name, "line": line, "column": col, "end_line": end_line, "end_column": end_col}
        rec.update(f.to_dict())
        rec["context"], rec["context_offset"] = context_window(text, f.start, f.end)
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
