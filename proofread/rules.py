"""Rule metadata: stable ids, categories, default severities and docs.

Rule ids are dotted and never change meaning (``typo.common``, ``sensitive.gambling``).
``select``/``ignore`` accept a category name, a full rule id, or a rule-id prefix
that ends at a dot boundary (``sensitive`` selects ``sensitive.gambling``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: str
    title: str  # Chinese, one line
    doc: str = ""  # Chinese first: what it does / why / example
    default_enabled: bool = True
    fixable: bool = False
    examples: tuple[str, ...] = ()


def _matches(selector: str, rule_id: str, category: str) -> bool:
    return selector == category or selector == rule_id or rule_id.startswith(selector + ".")


class RuleFilter:
    """Decides whether a finding of a rule is reported under select/ignore."""

    def __init__(self, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None):
        self.select = tuple(select) if select else None
        self.ignore = tuple(ignore or ())

    def enabled(self, rule_id: str, category: str, default_enabled: bool = True) -> bool:
        if any(_matches(s, rule_id, category) for s in self.ignore):
            return False
        if self.select is None:
            return default_enabled
        # An explicit selection turns on default-off rules (e.g. `ad`) too.
        return any(_matches(s, rule_id, category) for s in self.select)
