"""Statistical Chinese spelling corrector (错别字统计纠错).

``SpellingCorrector.default().check(text)`` returns ``typo`` findings; see docs/spelling.md.
"""

from __future__ import annotations

from ..rules import Rule
from .corrector import RULE_ID, Params, SpellingCorrector

RULES: tuple[Rule, ...] = (
    Rule(
        id=RULE_ID,
        category="typo",
        severity="warning",
        title="疑似错别字（统计模型）",
        doc=(
            "用字符 n 元语言模型和音近、形近、五笔混淆集发现词典未收录的错别字，"
            "只在证据充分时报告；置信度高的可自动改正。\n"
            "为什么：同音字、形近字和五笔误击是政府网站最常见的错别字来源。\n"
            "示例：发展机智 → 发展机制。"
        ),
        fixable=True,
        examples=("推进依法制国 → 推进依法治国",),
    ),
)

__all__ = ["RULES", "Params", "SpellingCorrector"]
