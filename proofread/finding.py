"""The result type every check produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"error": 3, "warning": 2, "info": 1, "never": 99}

# Category names are part of the public contract (select/ignore, JSON output).
CATEGORIES: dict[str, str] = {
    "sensitive": "敏感词",
    "phrasing": "表述不规范",
    "typo": "错别字",
    "privacy": "隐私泄露",
    "format": "格式错误",
    "punctuation": "标点错误",
    "variant": "不规范字",
    "ad": "广告极限词",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a text.

    ``start``/``end`` are Python ``str`` indices into the caller's original text
    (end exclusive) and ``text == original[start:end]`` always holds.
    """

    start: int
    end: int
    text: str
    category: str
    rule: str
    severity: str
    message: str
    suggestions: tuple[str, ...] = ()
    # True when the first suggestion may be applied without a human looking.
    fixable: bool = False
    # Statistical checks set a confidence in [0, 1]; dictionary checks leave None.
    confidence: float | None = None
    extra: tuple[tuple[str, Any], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fixable": self.fixable,
        }
        if self.confidence is not None:
            d["confidence"] = round(self.confidence, 4)
        if self.extra:
            d.update(dict(self.extra))
        return d


def at_least(severity: str, threshold: str) -> bool:
    """True when ``severity`` is at or above ``threshold`` (``never`` is above all)."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
