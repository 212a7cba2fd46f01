"""proofread — 政府网站内容校对（错别字、敏感词、不规范表述）.

Quick use::

    import proofread
    for f in proofread.check("中华人民共合国成立"):
        print(f.start, f.end, f.text, f.rule, f.suggestions)
"""

from __future__ import annotations

from .config import Config, load_config
from .errors import ConfigError, DictionaryError, InputError, ProofreadError
from .finding import Finding
from .proofreader import Proofreader, default_proofreader

__version__ = "0.1.0"

__all__ = [
    "Config",
    "ConfigError",
    "DictionaryError",
    "Finding",
    "InputError",
    "ProofreadError",
    "Proofreader",
    "__version__",
    "check",
    "correct",
    "load_config",
]


def check(text: str) -> list[Finding]:
    """Findings in ``text`` from the shared default Proofreader (built once, lazily)."""
    return default_proofreader().check(text)


def correct(text: str) -> str:
    """``text`` with the default Proofreader's safe fixes applied."""
    return default_proofreader().correct(text)
