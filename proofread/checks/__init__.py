"""Rule checks beyond dictionaries, one module per family.

Each module listed in ``CHECK_MODULES`` exposes:

* ``RULES: tuple[proofread.rules.Rule, ...]`` — every rule id it can report, with docs;
* ``check(text: str) -> Iterable[proofread.finding.Finding]`` — pure, thread-safe,
  findings with offsets into ``text``.

The Proofreader imports a module only when at least one of its rules is enabled.
"""

from __future__ import annotations

import importlib
from types import ModuleType

CHECK_MODULES: tuple[str, ...] = (
    "proofread.checks.privacy",
    "proofread.checks.dates",
    "proofread.checks.punctuation",
    "proofread.checks.numbering",
    "proofread.checks.duplicate",
    "proofread.checks.variant",
    "proofread.checks.leaders",
)


def load_check_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in CHECK_MODULES]
