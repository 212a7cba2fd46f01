"""Building findings from a rule's metadata, so every check reports the same way."""

from __future__ import annotations

from collections.abc import Sequence

from ..finding import Finding
from ..rules import Rule


def finding(
    rule: Rule,
    text: str,
    start: int,
    end: int,
    message: str,
    suggestions: Sequence[str] = (),
    *,
    fixable: bool | None = None,
    extra: tuple[tuple[str, object], ...] = (),
) -> Finding:
    """A finding of ``rule`` over ``text[start:end]``; ``fixable`` defaults to the rule's."""
    return Finding(
        start=start,
        end=end,
        text=text[start:end],
        category=rule.category,
        rule=rule.id,
        severity=rule.severity,
        message=message,
        suggestions=tuple(suggestions),
        fixable=rule.fixable if fixable is None else fixable,
        extra=extra,
    )
